// Shared by the golden test and `npm run accuracy`: what a golden holds and how a record is cut to match it.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');
export const SECTIONS = ['meta', 'outline', 'staffing', 'finance', 'projects', 'activities', 'indicators', 'selfEvaluation', 'goals', 'problems', 'improvements'] as const;
export type Section = (typeof SECTIONS)[number];

export interface GoldenCase {
  name: string;
  input: string;
  golden: Record<string, unknown>;
}

export function goldenCases(): GoldenCase[] {
  const dir = join(ROOT, 'goldens');
  const corpus = readdirSync(join(ROOT, 'corpus'));
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json') && f !== 'backlog.json')
    .map((f) => {
      const name = f.replace(/\.json$/, '');
      const file = corpus.find((c) => c.replace(/\.[^.]+$/, '') === name);
      if (!file) throw new Error(`golden ${f} has no corpus document`);
      return { name, input: join(ROOT, 'corpus', file), golden: JSON.parse(readFileSync(join(dir, f), 'utf8')) };
    });
}

/** Known failures: a golden section we cannot match yet, with the reason (never a loosened expectation). */
export function backlog(): { file: string; section: string; reason: string }[] {
  const p = join(ROOT, 'goldens', 'backlog.json');
  return existsSync(p) ? JSON.parse(readFileSync(p, 'utf8')) : [];
}

/** Outline nodes without spans (offsets are checked by the evidence test, not written by hand). */
export function stripSpans(nodes: unknown): unknown {
  if (!Array.isArray(nodes)) return nodes;
  return nodes.map((n: Record<string, unknown>) => {
    const { span: _span, children, ...rest } = n;
    return { ...rest, children: stripSpans(children) };
  });
}

export function section(record: Record<string, unknown>, s: Section): unknown {
  return s === 'outline' ? stripSpans(record.outline) : record[s];
}
