// Derives patterns/dict/segment.dict.utf8 from nodejieba's own dictionary (jieba.dict.utf8, MIT).
// The extractor asks jieba one question: is a measure word (场 期 次 篇 个 份 人 名 …) a word of its own, or
// part of a longer word (期间, 场地, 人员)? For that it needs every word that contains a measure character,
// plus the common words around them (frequency ≥ 1000). The full dictionary costs ≈ 240 MB per process
// (nodejieba builds it twice); this one ≈ 22 MB (frequency ≥ 200: ≈ 36 MB, the same records on the corpus and the
// test documents, docs/benchmark.md). Run: node scripts/make-segment-dict.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const src = join(dirname(require.resolve('nodejieba/package.json')), 'submodules/cppjieba/dict/jieba.dict.utf8');
const MEASURE = /[场期次篇个份册条块人名届家所项位套台]/;
const MIN_FREQ = 1000;
// (a rare proper noun, a person's, place's or body's name such as a court or a city's people, is kept for no measure word's
// sake: a report's own names are its own, and the common ones are kept by frequency)
const PROPER = new Set(['nr', 'nrt', 'nrfg', 'ns', 'nt']);
const keep = readFileSync(src, 'utf8')
  .split('\n')
  .filter((line) => {
    const [word, freq, tag] = line.split(' ');
    return word && (Number(freq) >= MIN_FREQ || (MEASURE.test(word) && !PROPER.has(tag)));
  });
const out = new URL('../patterns/dict/segment.dict.utf8', import.meta.url);
writeFileSync(out, keep.join('\n') + '\n');
console.log(`${keep.length} words → ${out.pathname}`);
