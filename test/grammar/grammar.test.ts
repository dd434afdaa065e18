// Phrase grammars (test/grammar/*.json): every phrasing a grammar generates must give its expected values, and none may
// give a wrong one. A known gap is a backlog entry (slot values, the paths that may stay null, the reason): the value
// may be missing there, never wrong; an entry that no longer excuses anything fails, so a fixed gap leaves the backlog.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractText } from '../../src/pipeline.js';
import { at } from '../helpers/pointer.js';
import { excused, expectations, fill, pairwise, type Grammar } from './grammar.js';

const dir = import.meta.dirname;
for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
  const g = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Grammar;
  describe(`grammar ${file}: ${g.family}`, () => {
    const cases = pairwise(g.slots);
    const used = new Set<unknown>();
    const wrong: string[] = [];
    const missing: string[] = [];
    let ran = false;
    const run = () => {
      if (ran) return;
      ran = true;
      for (const c of cases) {
        const sentence = fill(g.template, c);
        const { record } = extractText(g.head + sentence + '\n');
        for (const [path, want] of Object.entries(expectations(g, c))) {
          const got = at(record, path);
          if (got === want) continue;
          if (got !== null && got !== undefined) wrong.push(`${sentence} ${path}: ${JSON.stringify(got)}, not ${JSON.stringify(want)}`);
          else {
            const why = excused(g, c, path);
            if (why.length) why.forEach((b) => used.add(b));
            else missing.push(`${sentence} ${path}: null, not ${JSON.stringify(want)}`);
          }
        }
      }
    };
    it(`no phrasing gives a wrong value (${cases.length} phrasings)`, () => {
      run();
      expect(wrong.slice(0, 20), `${wrong.length} wrong`).toEqual([]);
    });
    it('every phrasing gives its values, but for the backlog', () => {
      run();
      expect(missing.slice(0, 20), `${missing.length} missing`).toEqual([]);
    });
    (g.backlog ?? []).forEach((b) =>
      it(`backlog still needed: ${b.reason.slice(0, 60)}`, () => {
        run();
        expect(used.has(b), 'this gap is fixed: remove the backlog entry').toBe(true);
      }),
    );
  });
}
