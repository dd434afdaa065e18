// A change column beside the two year columns of a table of the department's figures by year (项目⇥2023年⇥2022年⇥增减,
// 指标⇥2022年⇥2023年⇥增减率; patterns/tables.yaml year_change_column). Its figures are never a year's; they tell whether the
// columns are read as the header names them: each change must be the report's year's figure less the other's (a rate's: that
// over the other's, in %), within the rounding of the figures as written.
import type { TableCell } from '../document.js';
import { tableVocab } from '../structure/tableVocab.js';
import { key } from './tableReading.js';

type Words = { column: RegExp; rate: RegExp; up: RegExp; down: RegExp; flat: RegExp };
let words: Words | null = null;
function changeWords(): Words {
  if (!words) {
    const raw = (tableVocab().raw as unknown as { year_change_column?: Record<keyof Words, string> }).year_change_column;
    const re = (k: keyof Words) => new RegExp(raw?.[k] ?? '(?!)');
    words = { column: re('column'), rate: re('rate'), up: re('up'), down: re('down'), flat: re('flat') };
  }
  return words;
}
/** A header cell naming the change between the years (增减, 增减额, 较上年增减, 增减率, 增长率（%）). */
export const isYearChange = (c: TableCell) => changeWords().column.test(key(c));
/** A change column's word naming a rate (增减率, 增长率, 增减（%）). */
export const isRateChange = (c: TableCell) => changeWords().rate.test(key(c));

const SIGNED = /^([-−–+]?)(\d[\d,]*(?:\.(\d+))?)(%|个百分点|万元|元)?$/;
/** A cell's signed figure and half its last digit's unit, or null for a cell that is no figure. A change's sign may be a word
 *  (`said`: 增加12.20, 减少3.5; 持平 none, 0). */
function figure(c: TableCell | undefined, said = false): { v: number; half: number; pct: boolean } | null {
  if (!c) return null;
  const w = changeWords();
  let k = key(c);
  if (said && w.flat.test(k)) return { v: 0, half: 0, pct: false };
  const up = said ? w.up.exec(k) : null;
  const word = up ?? (said ? w.down.exec(k) : null);
  if (word) {
    // (a word and a sign both, 减少-3.5, say nothing certain)
    const rest = k.slice(word[0].length);
    if (/^[-−–+]/.test(rest)) return null;
    k = (up ? '+' : '-') + rest;
  }
  const m = SIGNED.exec(k);
  if (!m) return null;
  const v = Number(m[2].replace(/,/g, ''));
  return { v: m[1] && m[1] !== '+' ? -v : v, half: 0.5 * 10 ** -(m[3]?.length ?? 0), pct: m[4] === '%' };
}

/**
 * Whether a row's change agrees with its years' figures: true when it does, false when it contradicts them, null when it
 * cannot tell (a cell empty or no figure). `rate`: the column is a rate (增减率), its figures percentages of the other year's.
 */
export function changeAgrees(own: TableCell | undefined, other: TableCell | undefined, change: TableCell | undefined, rate: boolean): boolean | null {
  const [r, o, c] = [figure(own), figure(other), figure(change, true)];
  if (!r || !o || !c) return null;
  const diff = r.v - o.v;
  if (Math.abs(c.v - diff) <= c.half + r.half + o.half) return true;
  if (!(rate || c.pct) || o.v === 0) return false;
  // (the rate's slack: the change's rounding and the years' carried through the division)
  const slack = c.half + (100 * (r.half + (o.half * Math.abs(r.v)) / Math.abs(o.v))) / Math.abs(o.v);
  return Math.abs(c.v - (100 * diff) / o.v) <= slack;
}
