// Counts shown on both pages: values found (the same count as the CLI summary table), fields not found.
import type { KepuRecord } from '../schema/record.js';
import { countFields as countFound } from '../emit/count.js';
import { SECTIONS, valueAt } from './fields.js';

export interface FieldCounts {
  /** non-null scalars plus list items, as in the batch summary's "fields" column */
  found: number;
  /** scalar fields of the form that are null, plus lists that are empty */
  missing: number;
}

const LISTS = ['projects', 'activities', 'indicators', 'problems', 'improvements'] as const;

export function countFields(record: KepuRecord): FieldCounts {
  let missing = 0;
  for (const s of SECTIONS) for (const d of s.fields) if (valueAt(record, d.path) == null) missing++;
  for (const k of LISTS) if (!record[k]?.length) missing++;
  return { found: countFound(record), missing };
}
