// Every corpus document with a golden: each record section must equal the hand-written expectation.
import { describe, expect, it } from 'vitest';
import { extractFile } from '../../src/pipeline.js';
import { backlog, goldenCases, section, SECTIONS } from './compare.js';

const skip = backlog();

describe.each(goldenCases())('golden $name', ({ name, input, golden }) => {
  let record: Record<string, unknown> | null = null;
  const get = async () => (record ??= (await extractFile(input)).record as unknown as Record<string, unknown>);
  for (const s of SECTIONS) {
    const known = skip.find((b) => b.file === name && b.section === s);
    const title = known ? `${s} — backlog: ${known.reason}` : s;
    (known ? it.skip : it)(title, async () => {
      expect(section(await get(), s)).toEqual(section(golden, s));
    });
  }
});
