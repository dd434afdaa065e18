// A change column beside the two year columns of a table of the department's figures by year (项目⇥2023年⇥2022年⇥增减,
// 指标⇥2022年⇥2023年⇥增减率; patterns/tables.yaml year_change_column). Its figures are never a year's; they tell whether the
// columns are read as the header names them: each change must be the report's year's figure less the other's (a rate's: that
// over the other's, in %), within the rounding of the figures as written.
import type { TableCell } from '../document.js';
import { tableVocab } from '../structure/tableVocab.js';
import { key } from './tableReading.js';

let words: { column: RegExp; rate: RegExp } | null = null;
function changeWords(): { column: RegExp; rate: RegExp } {
  if (!words) {
    const raw = (tableVocab().raw as unknown as { year_change_column?: { column: string; rate: string } }).year_change_column;
    words = { column: new RegExp(raw?.column ?? '(?!)'), rate: new RegExp(raw?.rate ?? '(?!)') };
  }
  return words;
}
/** A header cell naming the change between the years (增减, 增减额, 较上年增减, 增减率, 增长率（%）). */
export const isYearChange = (c: TableCell) => changeWords().column.test(key(c));
/** A change column's word naming a rate (增减率, 增长率, 增减（%）). */
export const isRateChange = (c: TableCell) => changeWords().rate.test(key(c));

const SIGNED = /^([-−–+]?)(\d[\d,]*(?:\.(\d+))?)(%|个百分点|万元|元)?$/;
/** A cell's signed figure and half its last digit's unit, or null for a cell that is no figure. */
function figure(c: TableCell | undefined): { v: number; half: number; pct: boolean } | null {
  const m = c ? SIGNED.exec(key(c)) : null;
  if (!m) return null;
  const v = Number(m[2].replace(/,/g, ''));
  return { v: m[1] && m[1] !== '+' ? -v : v, half: 0.5 * 10 ** -(m[3]?.length ?? 0), pct: m[4] === '%' };
}

/**
 * Whether a row's change agrees with its years' figures: true when it does, false when it contradicts them, null when it
 * cannot tell (a cell empty or no figure). `rate`: the column is a rate (增减率), its figures percentages of the other year's.
 */
export function changeAgrees(own: TableCell | undefined, other: TableCell | undefined, change: TableCell | undefined, rate: boolean): boolean | null {
  const [r, o, c] = [figure(own), figure(other), figure(change)];
  if (!r || !o || !c) return null;
  const diff = r.v - o.v;
  if (Math.abs(c.v - diff) <= c.half + r.half + o.half) return true;
  if (!(rate || c.pct) || o.v === 0) return false;
  // (the rate's slack: the change's rounding and the years' carried through the division)
  const slack = c.half + (100 * (r.half + (o.half * Math.abs(r.v)) / Math.abs(o.v))) / Math.abs(o.v);
  return Math.abs(c.v - (100 * diff) / o.v) <= slack;
}
