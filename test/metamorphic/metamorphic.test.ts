// Every golden document, rewritten as other copies of it are written (transforms.ts), must give the golden's facts:
// all of them for a strict rewrite, none that differ for a lenient one. A known failure stays in backlog.json with
// its reason and runs as a skipped test.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { extractBytes } from '../../src/pipeline.js';
import { goldenCases } from '../goldens/compare.js';
import { differences, factsOf } from './facts.js';
import { TRANSFORMS } from './transforms.js';

const backlog: { golden: string; transform: string; reason: string }[] = JSON.parse(readFileSync(join(import.meta.dirname, 'backlog.json'), 'utf8'));

/** the corpus file's text (UTF-8, or GB18030 for the copy in that encoding) */
function textOf(path: string): string {
  const bytes = readFileSync(path);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return iconv.decode(bytes, 'gb18030');
  }
}

const cases = goldenCases().filter((c) => c.input.endsWith('.txt'));

describe.each(TRANSFORMS)('rewrite $name', (t) => {
  for (const c of cases) {
    const known = backlog.find((b) => b.golden === c.name && b.transform === t.name);
    (known ? it.skip : it)(known ? `${c.name} — backlog: ${known.reason}` : c.name, async () => {
      const text = t.apply(textOf(c.input));
      const bytes = t.encoding ? iconv.encode(text, t.encoding, { addBOM: t.encoding === 'utf16le' }) : Buffer.from(text, 'utf8');
      const { record } = await extractBytes(c.input, bytes);
      const diffs = differences(factsOf(c.golden), factsOf(record as any), t.strict);
      if (process.env.MM_SHOW && diffs.length) console.log(`${t.name} ${c.name}\n  ${diffs.join("\n  ")}`);
      expect(diffs).toEqual([]);
    });
  }
});
