// (huntb53) A two-column page whose lines alternate in the text (a converter reading the page row by row: a left line, a
// right line, a left line …): each line goes on two lines further down, so a label and the figure after it may come from
// two columns, and joining the lines into paragraphs makes sentences of both. Such a block (a run of 6+ non-blank lines) is
// told by what goes on across its lines: a figure cut at a line's end (受益群众1.2) that the line after next continues
// (万人次；…) and the next does not, and numbered headings of both columns side by side twice (一、…⏎三、…, later
// 二、…⏎四、…). Two such signs and no cut figure continued by the very next line make the block interleaved: nothing is
// read from it (its figures masked in the matching copy) rather than wrong pairs, and the .txt reader leaves its lines as they are.
import type { Span } from '../document.js';
import { parseChineseInteger } from './numbers.js';

const MIN_LINES = 6;
const MIN_SIGNS = 2;
/** a line ending inside a figure: digits (a point after them) glued to a word */
const FIGURE_CUT = /[\u4e00-\u9fff]\d+\.?\d*[ \t]*$/;
/** a line opening with the rest of a figure: digits and a unit, or the unit alone (not a word opening with it: 人员, 场馆, 次年) */
const FIGURE_REST = /^[ \t\u3000]*(?:\d+(?:\.\d+)?[ \t]*)?(?:万(?:元|人次|人)?|亿元?|元|%|人次|场次|人(?![员才民口数])|名(?![单称])|场(?![馆地所])|次(?![年日])|期(?![间末初])|个(?!人)|份(?!额)|篇|分(?![别析类配]))/;
const TOP_HEADING = /^[ \t\u3000]*([一二三四五六七八九十]{1,3})[、，,．.]/;

/** The spans of `text` whose lines alternate between two columns (see above); empty for almost every text. */
export function interleavedBlocks(text: string): Span[] {
  // (a cheap gate: both signs need a line break right after a digit or a heading's numeral on the next line)
  if (!/\d[ \t]*\n|\n[ \t\u3000]*[一二三四五六七八九十]{1,3}、/.test(text)) return [];
  const out: Span[] = [];
  const lines = text.split('\n');
  let at = 0;
  let block: { start: number; lines: string[] } = { start: 0, lines: [] };
  const close = (end: number) => {
    if (block.lines.length >= MIN_LINES && interleaved(block.lines)) out.push({ start: block.start, end });
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

function interleaved(lines: string[]): boolean {
  let signs = 0;
  for (let i = 0; i + 1 < lines.length; i++) {
    if (!FIGURE_CUT.test(lines[i])) continue;
    const next = FIGURE_REST.test(lines[i + 1]), after = i + 2 < lines.length && FIGURE_REST.test(lines[i + 2]);
    // (a figure only the next line goes on with: one column; both lines opening so, the other column's cut too, tell nothing)
    if (next && !after) return false;
    if (after && !next) signs++;
  }
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
  return signs >= MIN_SIGNS;
}

/** a figure: digits, or Chinese numerals before a unit or a measure word (三十六场, 七人; not 一、 or 一是) */
const FIGURE = /\d|[零〇一二两三四五六七八九十百千]+(?=[ \t]*(?:万|亿|千|元|%|人|名|场|次|个|期|篇|份|分))/g;

/** The matching copy with the figures of `blocks` masked (same length). */
export function maskBlocks(norm: string, blocks: Span[]): string {
  for (const b of blocks) norm = norm.slice(0, b.start) + norm.slice(b.start, b.end).replace(FIGURE, (m) => '#'.repeat(m.length)) + norm.slice(b.end);
  return norm;
}
