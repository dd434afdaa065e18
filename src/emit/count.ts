// How many values a record holds (for the summary table): non-null scalars plus list items.
import type { KepuRecord } from '../schema/record.js';

export function countFields(r: KepuRecord): number {
  let n = 0;
  const walk = (v: unknown) => {
    if (v === null || v === undefined) return;
    if (typeof v === 'object') for (const x of Object.values(v as object)) walk(x);
    else n++;
  };
  walk(r.meta);
  walk(r.staffing);
  walk(r.finance);
  walk(r.selfEvaluation);
  return n + r.activities.length + r.projects.length + r.indicators.length + r.problems.length + r.improvements.length;
}
