// Pattern specs as plain JSON (test/specs/*.json): positive and negative cases for every pattern family.
// A case marked `notSupported` is a known gap: it runs as a skipped test with its reason.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractText } from '../src/pipeline.js';
import { at } from './helpers/pointer.js';

interface Case { input: string; expect: Record<string, unknown>; note?: string; notSupported?: string }
const dir = join(import.meta.dirname, 'specs');
const specFiles = readdirSync(dir).filter((f) => f.endsWith('.json') && f !== 'values.json');

for (const file of specFiles) {
  const spec = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { family: string; cases: Case[] };
  describe(`spec ${spec.family}`, () => {
    spec.cases.forEach((c, i) => {
      const name = `#${i} ${c.note ?? ''} ${c.input.slice(0, 30).replace(/\n/g, '⏎')}`;
      (c.notSupported ? it.skip : it)(c.notSupported ? `${name} — not supported: ${c.notSupported}` : name, () => {
        const { record } = extractText(c.input);
        for (const [path, want] of Object.entries(c.expect)) expect(at(record, path), path).toEqual(want);
      });
    });
  });
}
