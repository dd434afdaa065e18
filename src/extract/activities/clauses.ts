// Clauses around a count: their boundaries (punctuation outside quotes and brackets) and the walk back to a label.
import { firstIndex } from '../../document.js';

export const BOUNDARY = new Set(['，', ',', '。', ';', ':', '!', '?', '\n', '；', '：']);
const OPEN = '“‘《「(';
const CLOSE = '”’》」)';
/** Offsets of a character in the last text asked about (one document is worked through at a time). */
let offsetsOf: string | null = null;
const offsets = new Map<string, number[]>();
export function charBetween(norm: string, ch: string, from: number, to: number): boolean {
  if (offsetsOf !== norm) {
    offsets.clear();
    offsetsOf = norm;
  }
  let at = offsets.get(ch);
  if (!at) {
    at = [];
    for (let i = norm.indexOf(ch); i >= 0; i = norm.indexOf(ch, i + 1)) at.push(i);
    offsets.set(ch, at);
  }
  const i = firstIndex(at, (q) => q >= from);
  return i < at.length && at[i] < to;
}
const quoteBetween = (norm: string, from: number, to: number) => charBetween(norm, '"', from, to);
/** For the last text asked about: the offsets of its boundaries and of its quotes and brackets, in order. */
let marksOf: string | null = null;
let boundaries: number[] = [];
let marks: number[] = [];
const charClass = (chars: string) => new RegExp(`[${chars.replace(/[\\\]^-]/g, '\\$&')}]`, 'g');
// (…and the last space of a run of three, a column gap: see walkBack)
const BOUNDARY_RE = new RegExp(`${charClass([...BOUNDARY].join('')).source}|(?<=  ) `, 'g');
const MARK_RE = charClass(`"${OPEN}${CLOSE}`);
function offsetsIn(norm: string, re: RegExp): number[] {
  const out: number[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(norm); m; m = re.exec(norm)) out.push(m.index);
  return out;
}
/** The last of `at` (in order) before `end`, or -1. */
function lastBefore(at: number[], end: number): number {
  const i = firstIndex(at, (q) => q >= end) - 1;
  return i >= 0 ? at[i] : -1;
}
/** Start of the clause that ends at `end`: walk back to a boundary that is not inside quotes. */
export function clauseStart(norm: string, end: number, floor: number): number {
  // a clause with no quote or bracket in it ends at the last boundary: looked up, not walked (a line of thousands of
  // counts without a stop would be walked back over at every count)
  if (marksOf !== norm) {
    boundaries = offsetsIn(norm, BOUNDARY_RE);
    marks = offsetsIn(norm, MARK_RE);
    marksOf = norm;
  }
  const b = lastBefore(boundaries, end);
  // (a column gap counts only with its three spaces at or above the floor)
  if (lastBefore(marks, end) < Math.max(b, floor)) return b >= floor && (norm[b] !== ' ' || b - 2 >= floor) ? b + 1 : floor;
  return walkBack(norm, end, floor);
}
/** The clause's start found by walking back from `end` (exported for the test that checks the look-up against it). */
export function walkBack(norm: string, end: number, floor: number): number {
  let depth = 0;
  // straight quotes (a half-width copy: 开展"百名院士进校园，万名…上讲台"活动29场) open and close alike: walking back from
  // outside them, each one toggles, when the line holds them in pairs up to `end`
  // (only looked for when the walk meets one: the line's start is a scan back over the line, which on a line of
  // thousands of counts would be made at every count)
  let pairs = 0;
  if (quoteBetween(norm, floor, end)) {
    const lineStart = Math.max(floor, norm.lastIndexOf('\n', end - 1) + 1);
    for (let i = norm.indexOf('"', lineStart); i >= 0 && i < end; i = norm.indexOf('"', i + 1)) pairs++;
  }
  let straight = false;
  for (let i = end - 1; i >= floor; i--) {
    const c = norm[i];
    if (CLOSE.includes(c)) depth++;
    else if (OPEN.includes(c)) depth = Math.max(0, depth - 1);
    else if (c === '"' && pairs % 2 === 0) straight = !straight;
    else if (depth === 0 && !straight && BOUNDARY.has(c)) return i + 1;
    // a run of spaces inside a line is a column gap of a copy laid out in columns (pdftotext -layout): the cell
    // before it is another column's, never part of the label (开展科技      举办…大赛1次 | 产出指标   数量指标   …次数      1次)
    else if (depth === 0 && !straight && c === ' ' && i - 2 >= floor && norm[i - 1] === ' ' && norm[i - 2] === ' ') return i + 1;
  }
  return floor;
}
