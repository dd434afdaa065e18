// Warnings spelled out with the record's own numbers: "人员经费 + 公用经费 = X ≠ 基本支出 Y".
import type { KepuRecord, Warning } from '../schema/record.js';
import { labelFor, valueAt } from './fields.js';
import { yuanText } from './format.js';

/** The figure a sum warning checks the parts against, by warning code. */
const SUM_TOTALS: Record<string, string[]> = {
  sum_mismatch_basic: ['/finance/basic/actual', '/finance/basic/budget'],
  sum_mismatch_total: ['/finance/spendingTotal/actual', '/finance/spendingTotal/budget', '/finance/spendingGrandTotal'],
};

const cents = (y: number) => Math.round(y * 100);
const fromCents = (c: number) => c / 100;

function sumDetail(record: KepuRecord, w: Warning): string | null {
  const paths = w.paths ?? [];
  const candidates = SUM_TOTALS[w.code] ?? [];
  const total = candidates.find((p) => paths.includes(p)) ?? (w.code.startsWith('sum_mismatch') ? paths[paths.length - 1] : undefined);
  if (!total) return null;
  const parts = paths.filter((p) => p !== total);
  const values = parts.map((p) => valueAt(record, p));
  const stated = valueAt(record, total);
  if (!parts.length || typeof stated !== 'number' || !values.every((v) => typeof v === 'number')) return null;
  const sum = (values as number[]).reduce((s, v) => s + cents(v), 0);
  const diff = cents(stated) - sum;
  const terms = parts.map((p, i) => `${labelFor(p)} ${yuanText(values[i] as number)}`).join(' + ');
  return `${terms} = ${yuanText(fromCents(sum))}；${labelFor(total)} ${yuanText(stated)}；相差 ${yuanText(fromCents(Math.abs(diff)))}`;
}

function rateDetail(record: KepuRecord, w: Warning): string | null {
  const paths = w.paths ?? [];
  const ratePath = paths.find((p) => p.endsWith('/executionRate'));
  if (!ratePath) return null;
  const base = ratePath.slice(0, -'/executionRate'.length);
  const rate = valueAt(record, ratePath);
  const actual = valueAt(record, `${base}/actual`);
  const budget = valueAt(record, `${base}/budget`);
  if (typeof rate !== 'number' || typeof actual !== 'number' || typeof budget !== 'number' || budget === 0) return null;
  const computed = Math.round((actual / budget) * 10000) / 100;
  return `${labelFor(ratePath)} ${rate}%；${labelFor(`${base}/actual`)} ${yuanText(actual)} ÷ ${labelFor(`${base}/budget`)} ${yuanText(budget)} = ${computed}%`;
}

/** A one-line explanation with the numbers involved, or null when there is nothing to add to the message. */
export function warningDetail(record: KepuRecord, w: Warning): string | null {
  if (w.code.startsWith('sum_mismatch')) return sumDetail(record, w);
  if (w.code === 'rate_mismatch') return rateDetail(record, w);
  if (w.code === 'staffing_over_authorized') {
    const parts = (w.paths ?? []).map((p) => `${labelFor(p)} ${valueAt(record, p) ?? '—'}`);
    return parts.length ? parts.join('；') : null;
  }
  return null;
}

