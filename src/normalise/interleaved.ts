// (huntb53) A two-column page whose lines alternate in the text (a converter reading the page row by row: a left line, a
// right line, a left line …): each line goes on two lines further down, so a label and the figure after it may come from
// two columns, and joining the lines into paragraphs makes sentences of both. Such a block (a run of 6+ non-blank lines) is
// told by what goes on across its lines: a figure cut at a line's end (受益群众1.2) that the line after next continues
// (万人次；…) and the next does not, and numbered headings of both columns side by side twice (一、…⏎三、…, later
// 二、…⏎四、…). Two such signs, and fewer cut figures continued by the very next line than two down (huntb54: was none),
// make the block interleaved: nothing is read from it (its figures masked in the matching copy) rather than wrong pairs, and
// the .txt reader leaves its lines as they are.
// (huntb54) With no figure cut at a line's end and no headings side by side, the paragraphs tell it: a wrapped line (at its
// column's full width, left mid-sentence) goes on on the next line, so a paragraph opening right after one (an indented line, a
// numbered item) is a sign — counted only when each column's lines read alone (every other line) show no such opening: in one
// column's text, read so, they do (an opening after a finished line is then after the line before that). Or the widths do:
// wrapped lines of two widths every other line (one column's are all of its one width). Widths are measured as printed.
import type { Span } from '../document.js';
import { parseChineseInteger } from './numbers.js';

const MIN_LINES = 6;
const MIN_SIGNS = 2;
/** a line ending inside a figure: digits (a point after them) glued to a word */
const FIGURE_CUT = /[\u4e00-\u9fff]\d+\.?\d*[ \t]*$/;
/** a line opening with the rest of a figure: digits and a unit, or the unit alone (not a word opening with it: 人员, 场馆, 次年) */
const FIGURE_REST = /^[ \t\u3000]*(?:\d+(?:\.\d+)?[ \t]*)?(?:万(?:元|人次|人)?|亿元?|元|%|人次|场次|人(?![员才民口数])|名(?![单称])|场(?![馆地所])|次(?![年日])|期(?![间末初])|个(?!人)|份(?!额)|篇|分(?![别析类配]))/;
const TOP_HEADING = /^[ \t\u3000]*([一二三四五六七八九十]{1,3})[、，,．.]/;

/** The spans of `text` whose lines alternate between two columns (see above); empty for almost every text. `printed`: the
 *  text as written, same offsets, whose lines' widths are measured (the matching copy folds full-width marks to half-width). */
export function interleavedBlocks(text: string, printed = text): Span[] {
  // (a cheap gate: both signs need a line break right after a digit or a heading's numeral on the next line)
  // (and an opening's, an indent or a numbered item's mark at a line's start)
  if (!/\d[ \t]*\n|\n[ \t\u3000]*[一二三四五六七八九十]{1,3}、|\n(?:[ \t]{2}|\u3000)|\n[（(][一二三四五六七八九十\d]/.test(text)) return [];
  const out: Span[] = [];
  const lines = text.split('\n');
  let at = 0;
  let block: { start: number; lines: string[] } = { start: 0, lines: [] };
  const close = (end: number) => {
    if (block.lines.length >= MIN_LINES && interleaved(block.lines, block.start, printed)) out.push({ start: block.start, end });
  };
  for (const line of lines) {
    if (!line.trim()) {
      close(at - 1);
      block = { start: at + line.length + 1, lines: [] };
    } else block.lines.push(line);
    at += line.length + 1;
  }
  close(Math.min(at - 1, text.length));
  return out;
}

function interleaved(lines: string[], start: number, printed: string): boolean {
  let signs = 0, onNext = 0;
  for (let i = 0; i + 1 < lines.length; i++) {
    if (!FIGURE_CUT.test(lines[i])) continue;
    const next = FIGURE_REST.test(lines[i + 1]), after = i + 2 < lines.length && FIGURE_REST.test(lines[i + 2]);
    // (a figure only the next line goes on with: one column; both lines opening so, the other column's cut too, tell nothing)
    if (next && !after) onNext++;
    if (after && !next) signs++;
  }
  // (huntb54: as many figures the next line goes on with as the line after next: one column. Fewer: the other column's line
  // opening with a figure of its own, 支出180⏎36场，… ⏎.2万元 — its figures cut on two lines down)
  if (onNext && onNext >= signs) return false;
  // numbered headings side by side: (一、 三、) then (二、 四、), each column's numbers going on
  const pairs: [number, number][] = [];
  for (let i = 0; i + 1 < lines.length; i++) {
    const a = TOP_HEADING.exec(lines[i]), b = a && TOP_HEADING.exec(lines[i + 1]);
    if (!a || !b) continue;
    const x = parseChineseInteger(a[1]), y = parseChineseInteger(b[1]);
    if (x !== null && y !== null && y >= x + 2) pairs.push([x, y]);
  }
  let side = 0;
  for (let k = 1; k < pairs.length; k++) if (pairs[k][0] > pairs[k - 1][0] && pairs[k][1] > pairs[k - 1][1]) side++;
  if (side) signs += side + 1;
  if (signs < MIN_SIGNS) signs += openingsAfterWraps(lines, start, printed);
  return signs >= MIN_SIGNS;
}

/** a paragraph's first line: indented (2+ spaces, an ideographic space) or opening with a numbered heading or item (not 1.2万) */
const OPENS = /^(?:[ \t]{2}|\u3000)(?![ \t\u3000]*$)|^[ \t\u3000]*(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十\d]{1,2}[)）]|\d{1,2}[.．、](?!\d))/;
/** a numbered line: a heading or an item's first line, which may end with no punctuation */
const NUMBERED = /^[ \t\u3000]*(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十\d]{1,2}[)）]|\d{1,2}[.．、](?!\d)|第[一二三四五六七八九十]{1,3}[章节部])/;
/** a line closed by a sentence's or a lead-in's punctuation (a half-width point after a word too), a closing bracket or quote */
const CLOSED = /(?:[。；;！!？?:：）)」』”"…]|(?<=[^\d\s])\.)\s*$/;
/** a clause's punctuation inside the line after a word: prose, not a title, a heading or a table's cell (nor a figure's
 *  separators, 1，802，500.00 written with full-width digits) */
const PROSE = /[\u4e00-\u9fff”）)][，,、；;。](?=[^\n]*[^\s，,、；;。])/;
/** cells apart: a tab or a run of spaces between words (a table's row, a form's field and value) */
const SPACED = /\S(?:\t|[ \u3000]{2,})\S/;
/** a wrapped line's width at least (display width: a CJK character 2): a column's line holds ten characters at least */
const MIN_WRAP_WIDTH = 20;

/** a paragraph's indented first line */
const INDENTED = /^(?:[ \t]{2}|\u3000)[ \t\u3000]*[^\s]/;
/** a line of prose (a clause's punctuation in it, or a paragraph's indented first line) left mid-sentence (wrapped, if it is
 *  as wide as its column) */
const unfinished = (line: string) => !CLOSED.test(line) && !NUMBERED.test(line) && (PROSE.test(line) || INDENTED.test(line)) && !SPACED.test(line);

/** a line's width as printed, its indent counted (an indented first line of a paragraph is as wide as the lines under it) */
function displayWidth(line: string): number {
  let w = 0;
  for (const ch of line.trimEnd()) w += ch.charCodeAt(0) > 0xff ? 2 : 1;
  return w;
}

/** Paragraph openings right after a wrapped line (prose left mid-sentence, within 3 of the widest such line of its column): their
 *  count when neither column's lines read alone show such an opening; else 2 for two columns of different widths, else 0. */
function openingsAfterWraps(lines: string[], start: number, printed: string): number {
  // (cheap: widths are measured only where an opening follows a line or 3+ lines every other line are left mid-sentence)
  let opens = 0;
  const open = [0, 0];
  const cut = lines.map(unfinished);
  for (let i = 0; i < lines.length; i++) {
    if (i && OPENS.test(lines[i]) && !SPACED.test(lines[i])) opens++;
    if (cut[i]) open[i % 2]++;
  }
  if (open[0] + open[1] < 2 || (!opens && (open[0] < 3 || open[1] < 3))) return 0;
  const widths: number[] = [];
  for (let i = 0, at = start; i < lines.length; at += lines[i].length + 1, i++) widths.push(cut[i] ? displayWidth(printed.slice(at, at + lines[i].length)) : 0);
  const n = wrapsOpened(lines, cut, widths, true);
  const column = <T>(xs: T[], p: number) => xs.filter((_, i) => i % 2 === p);
  if (n && !wrapsOpened(column(lines, 0), column(cut, 0), column(widths, 0), false) && !wrapsOpened(column(lines, 1), column(cut, 1), column(widths, 1), false)) return n;
  return alternatingWidths(cut, widths);
}

/** How many lines of `lines` are wrapped ones a paragraph's opening follows; the widest is taken every other line
 *  (`alternate`: two columns may differ in width) or over all. */
function wrapsOpened(lines: string[], cut: boolean[], widths: number[], alternate: boolean): number {
  const widest = [0, 1].map((p) => Math.max(0, ...widths.filter((_, i) => !alternate || i % 2 === p)));
  let n = 0;
  for (let i = 0; i + 1 < lines.length; i++) {
    const w = widths[i];
    if (!cut[i] || w < MIN_WRAP_WIDTH || w < widest[i % 2] - 3 || !OPENS.test(lines[i + 1]) || SPACED.test(lines[i + 1])) continue;
    n++;
  }
  return n;
}

/** 2 when the block's wrapped lines (prose left mid-sentence, 3+ every other line) are of two widths 4 apart or more, each line
 *  (but one in five) as wide as the widest of its own every other line (two columns of different widths, alternating), else 0;
 *  one column's wrapped lines are all of its one width. */
function alternatingWidths(cut: boolean[], widths: number[]): number {
  const widest = [0, 0], count = [0, 0];
  for (let i = 0; i < cut.length; i++) {
    if (!cut[i]) continue;
    if (widths[i] < MIN_WRAP_WIDTH) return 0;
    widest[i % 2] = Math.max(widest[i % 2], widths[i]);
    count[i % 2]++;
  }
  if (count[0] < 3 || count[1] < 3 || Math.abs(widest[0] - widest[1]) < 4) return 0;
  // (the longer column's tail, after the other ended, runs on alone: its lines no longer alternate — one in five so allowed)
  let misfits = 0;
  for (let i = 0; i < cut.length; i++) if (cut[i] && widths[i] < widest[i % 2] - 3) misfits++;
  return misfits * 5 <= count[0] + count[1] ? 2 : 0;
}
/** a figure: digits, or Chinese numerals before a unit or a measure word (三十六场, 七人; not 一、 or 一是) */
const FIGURE = /\d|[零〇一二两三四五六七八九十百千]+(?=[ \t]*(?:万|亿|千|元|%|人|名|场|次|个|期|篇|份|分))/g;

/** The matching copy with the figures of `blocks` masked (same length). */
export function maskBlocks(norm: string, blocks: Span[]): string {
  for (const b of blocks) norm = norm.slice(0, b.start) + norm.slice(b.start, b.end).replace(FIGURE, (m) => '#'.repeat(m.length)) + norm.slice(b.end);
  return norm;
}
