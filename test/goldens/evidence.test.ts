// The evidence invariant: every entry is an exact slice of the extracted text, and every value has one.
import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { extractFile } from '../../src/pipeline.js';
import { ROOT } from './compare.js';

const TEXT_LIKE = /\.(txt|docx|doc|pdf|xlsx|xls)$/;
const files = readdirSync(join(ROOT, 'corpus')).filter((f) => TEXT_LIKE.test(f) && !/scan/.test(f));

function scalars(obj: unknown, base: string, out: string[]): void {
  if (obj === null || obj === undefined) return;
  if (typeof obj === 'object') for (const [k, v] of Object.entries(obj)) scalars(v, `${base}/${k}`, out);
  else out.push(base);
}

describe.each(files)('evidence of %s', (file) => {
  it('every entry slices the extracted text exactly, and every value has an entry', async () => {
    const { record, doc } = await extractFile(join(ROOT, 'corpus', file));
    for (const [path, ev] of Object.entries(record.evidence)) {
      expect(doc.text.slice(ev.start, ev.end), path).toBe(ev.text);
      expect(ev.end, path).toBeGreaterThan(ev.start);
    }
    const needed: string[] = [];
    for (const key of ['meta', 'staffing', 'finance', 'selfEvaluation'] as const) scalars(record[key], `/${key}`, needed);
    record.activities.forEach((_, i) => needed.push(`/activities/${i}`));
    record.projects.forEach((_, i) => needed.push(`/projects/${i}`));
    record.problems.forEach((_, i) => needed.push(`/problems/${i}`));
    record.improvements.forEach((_, i) => needed.push(`/improvements/${i}`));
    for (const p of needed) expect(record.evidence[p], `evidence for ${p}`).toBeDefined();
  });
});
