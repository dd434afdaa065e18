// Funds' self-evaluation scores stated together, each in its place (科普大篷车项目和科普示范基地建设项目自评得分分别为92分、95分):
// the names in the list are the funds listed before, in order, one score each (patterns/projects.yaml named_score.respectively).
import type { KDocument, Span } from '../document.js';
import { toRate, yearNumber } from '../normalise/numbers.js';
import type { Match } from './engine.js';
import { matches, trimSpan } from './engine.js';

export interface RespectiveScore {
  /** index into the names given */
  index: number;
  value: number;
  span: Span;
}

/** The ways a listed fund is named in such a list: as listed, with 项目/子项目 after it, or without the 项目 that the score's
 *  words take after the last name (…建设项目自评得分 → 建设). */
function spellings(name: string): string[] {
  const plain = name.replace(/\s+/g, '').replace(QUOTE_MARKS, '');
  const bare = plain.replace(/子?项目$/, '');
  return [...new Set([plain, bare, `${bare}项目`, `${bare}子项目`])].filter((x) => x.length >= 2);
}

/** Quotes around a name or a word of it (“科普大篷车”项目, 《科普中国》宣传项目) are no part of it: a fund listed quoted is the
 *  one a later sentence names bare, and the other way round (session 47). */
const QUOTES = `"“”'‘’《》「」『』〈〉`;
export const QUOTE_MARKS = new RegExp(`[${QUOTES}]`, 'g');
/** A regex source matching such a quote or none, between the characters of a name. */
export const QUOTE_OPT = `[${QUOTES}]?`;

/** The list split into listed funds, in order, each its own, with only separators between; null when any part names none. */
function splitNames(text: string, names: string[], separator: RegExp): number[] | null {
  const options = names.flatMap((n, i) => spellings(n).map((s) => ({ s, i }))).sort((a, b) => b.s.length - a.s.length);
  const out: number[] = [];
  let rest = text.replace(/\s+/g, '').replace(QUOTE_MARKS, '');
  while (rest) {
    const hit = options.find((o) => rest.startsWith(o.s) && !out.includes(o.i));
    if (!hit) return null;
    out.push(hit.i);
    rest = rest.slice(hit.s.length);
    if (!rest) break;
    const sep = separator.exec(rest);
    if (!sep) return null;
    rest = rest.slice(sep[0].length);
  }
  return out.length >= 2 ? out : null;
}

/**
 * Every list of funds' scores stated respectively (`regex` with groups `names` and `nums`): one score per name, when every
 * name is a listed fund (`names`) and the counts agree; `skip(start)` drops another year's, an indicator's, another body's.
 */
export function respectiveScores(doc: KDocument, regex: string, names: string[], skip: (m: { start: number; end: number }) => boolean, max: number): RespectiveScore[] {
  const out: RespectiveScore[] = [];
  const separator = /^(?:以及|[、和及与，,])/;
  for (const m of matches(doc, regex)) {
    const listed = m.group('names')!;
    const nums = m.group('nums')!;
    if (skip(m.span)) continue;
    const order = splitNames(doc.norm.slice(listed.start, listed.end), names, separator);
    const values = doc.norm.slice(nums.start, nums.end).split(/\s*(?:以及|[、，,和及与])\s*/).map((x) => toRate(x.replace(/\s*分\s*$/, '').trim()));
    if (!order || values.length !== order.length || values.some((v) => v === null || v > max)) continue;
    order.forEach((index, k) => out.push({ index, value: values[k]!, span: trimSpan(doc, m.span) }));
  }
  return out;
}

/** The figure in the report year's place of years listed and as many figures stated respectively (groups `years`, `nums`:
 *  2022年度、2023年度自评得分分别为93分、96分 → 96 in a 2023 report); null when the report's year is unknown, not listed or
 *  listed twice, or the years and figures are not as many. */
export function byYear(doc: KDocument, match: Match): number | null {
  const own = doc.data.fiscalYear;
  const years = match.m.groups?.years, nums = match.m.groups?.nums;
  if (typeof own !== 'number' || years === undefined || nums === undefined) return null;
  const ys = years.split(/\s*(?:以及|[、和及与])\s*/).map((y) => yearNumber(y.replace(/\s*年度?\s*$/, '')));
  const vs = nums.split(/\s*(?:以及|[、和及与])\s*/).map((x) => toRate(x.replace(/\s*分\s*$/, '').trim()));
  const at = ys.indexOf(own);
  if (ys.length !== vs.length || at < 0 || ys.lastIndexOf(own) !== at) return null;
  const v = vs[at];
  return v === null || v === undefined || v > 100 ? null : v;
}
