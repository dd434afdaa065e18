// Every pattern spec's passage, rewritten as other copies write it (the strict rewrites of transforms.ts that keep
// a passage's lines), must give the same numbers and the same nulls: a trap must stay a trap in traditional script or
// with full-width digits. Text values (labels, names) change with the rewrite and are not compared.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractText } from '../../src/pipeline.js';
import { at } from '../helpers/pointer.js';
import { TRANSFORMS } from './transforms.js';

interface Case { input: string; expect: Record<string, unknown>; note?: string; notSupported?: string }
const dir = join(import.meta.dirname, '..', 'specs');
// (an entry names its case by index and the input's start, so that a case moved or changed does not stay skipped)
const backlog: { file: string; case: number; starts: string; transform: string; reason: string }[] = JSON.parse(readFileSync(join(import.meta.dirname, 'specs-backlog.json'), 'utf8'));
// (not crlf: a passage is given as text, and the reader is what folds line ends)
const PASSAGE = new Set(['fullwidth-digits', 'half-punct', 'full-punct', 'traditional', 'space-units', 'nbsp', 'yuan', 'space-numbers', 'quotes', 'separators', 'chinese-counts', 'indent', 'trailing-spaces', 'yuan-plain', 'chinese-dates', 'colon-space', 'percent-full']);
const numeric = (v: unknown) => v === null || typeof v === 'number' || typeof v === 'boolean';

for (const file of readdirSync(dir).filter((f) => f.endsWith('.json') && f !== 'values.json')) {
  const spec = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { family: string; cases: Case[] };
  describe(`rewritten spec ${spec.family}`, () => {
    let tests = 0;
    for (const t of TRANSFORMS.filter((x) => PASSAGE.has(x.name))) {
      spec.cases.forEach((c, i) => {
        // (offsets move with a rewrite: a span's start and end are not compared)
        const want = Object.entries(c.expect).filter(([p, v]) => numeric(v) && !/\/span\/|\/(?:start|end)$/.test(p));
        if (c.notSupported || !want.length || t.apply(c.input) === c.input) return;
        const known = backlog.find((b) => b.file === file && b.case === i && b.transform === t.name && c.input.startsWith(b.starts));
        const name = `${t.name} #${i} ${c.input.slice(0, 24).replace(/\n/g, '⏎')}`;
        tests++;
        (known ? it.skip : it)(known ? `${name} — backlog: ${known.reason}` : name, () => {
          const { record } = extractText(t.apply(c.input));
          for (const [path, v] of want) expect(at(record, path), path).toEqual(v);
        });
      });
    }
    // (a file holding only notSupported cases, or only text values, has nothing to rewrite: a skipped test says so, as an empty
    // suite fails the run with vitest's "No test found in suite")
    if (!tests) it.skip(`${file}: no case with a numeric expectation to rewrite`, () => {});
  });
}

describe('rewritten spec backlog', () => {
  it.each(backlog)('$file #$case ($transform) is still that case', (b) => {
    const spec = JSON.parse(readFileSync(join(dir, b.file), 'utf8')) as { cases: Case[] };
    expect(spec.cases[b.case]?.input.startsWith(b.starts)).toBe(true);
  });
});
