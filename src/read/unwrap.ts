// Plain text made from a PDF (pdftotext, copy and paste from a viewer) keeps the PDF's visual lines: every
// paragraph is broken where the printed line was full, and page numbers sit between the pages (often after a form
// feed). Such text is re-joined into paragraphs by the rules the PDF reader uses (pdf-layout.ts), with the width
// of a line in characters standing in for its geometry. Text written one paragraph per line is left alone.
import type { Page } from '../document.js';
import { isCjkCode } from './cjk.js';
import { firstTokenEm, isPageNumberLine, ITEM_START, SECTION_START, SENTENCE_END } from './pdf-layout.js';
import { dropRunningLines } from './runningLines.js';

export interface Unwrapped {
  text: string;
  /** from form feeds; null when the text has none */
  pages: Page[] | null;
  /** line breaks inside a paragraph that were removed */
  joined: number;
  /** page-number lines removed */
  pageNumbers: number;
  /** running headers and footers removed (the same line at a page's edge on most pages) */
  runningLines: number;
  /** the width (em) of a full line, when the text was found to be wrapped */
  width: number | null;
  /** line breaks inside a number (its integer part, decimals or unit) that were removed */
  numbers: number;
  /** in a text without form feeds, where a page-number line was removed: the start of the line after it (the page's
   *  first), so later stages still see that the page, not the writer, ended the line before */
  pageBreaks: number[];
}

/** Page numbers that cannot be anything else, removed even without form feeds. */
const PAGE_NUMBER_STRICT = /^\s*(?:[-—–－]\s*[0-9０-９]{1,4}\s*[-—–－]|第\s*[0-9０-９]{1,4}\s*页(?:\s*[,，、/／]?\s*共\s*[0-9０-９]{1,4}\s*页)?)\s*$/;

/** Width of a line in em: CJK and full-width characters 1, a space 0.3, other characters 0.55 (as OCR measures). */
export function emWidth(line: string): number {
  let end = line.length;
  while (end > 0 && line.charCodeAt(end - 1) <= 0x20) end--;
  let w = 0;
  for (let i = 0; i < end; i++) {
    const c = line.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      w += 1; // a supplementary-plane character (CJK extension B …): one, and skip its low surrogate
      i++;
    } else w += isCjkCode(c) ? 1 : c === 0x20 ? 0.3 : 0.55;
  }
  return w;
}

/** a line laid out in columns (a table row, a contents entry with its leader and page): never part of a paragraph */
// (three leader dots right before the page number: `{3,}` there backtracked over a line of dots at every offset)
const isColumns = (line: string) => line.includes('\t') || /\S {3,}\S|[.…·．]{3}\s*\d{1,3}\s*$/.test(line);

/** full lines fall within this many em below the widest common width (a wider last token was moved down) */
const FULL_SLACK = 2;
const MIN_LINE_EM = 12;
const MIN_FULL_LINES = 5;
/** share of long lines that may be wider than the full width (pdftotext's measured: 0–1 %; a wide last token) */
const MAX_WIDER = 0.1;

/**
 * The width of a full line, when the text is wrapped: many long lines end within FULL_SLACK em of one width, and
 * most of them end inside a sentence. Text written a paragraph per line has long lines of every length, and they end
 * with 。
 */
export function wrapWidth(lines: string[]): number | null {
  // a line is at most one em per character: shorter ones need no measuring. A line opening with a section marker
  // (第一部分, 一、, （一）) is a heading or a paragraph's first line: it says nothing of the width, and headings of one
  // length (a 决算's parts and their contents page) would pass for full lines ending inside a sentence.
  const candidates = lines.filter((l) => l.length >= MIN_LINE_EM && !isColumns(l) && !SECTION_START.test(l));
  // cheap exits for text written a paragraph per line: many lines longer than any printed line (no page holds
  // 100 characters on a line without columns), or too few long lines ending inside a sentence
  if (candidates.filter((l) => l.length > 100).length > 0.25 * candidates.length) return null;
  if (candidates.filter((l) => !SENTENCE_END.test(l.trimEnd())).length < MIN_FULL_LINES / 2) return null;
  const long = candidates.map(emWidth).filter((w) => w >= MIN_LINE_EM);
  if (long.length < MIN_FULL_LINES) return null;
  const ws = long.sort((a, b) => a - b);
  let best = 0;
  let width = 0;
  for (let hi = 0, lo = 0; hi < ws.length; hi++) {
    while (ws[hi] - ws[lo] > FULL_SLACK) lo++;
    if (hi - lo + 1 >= best) [best, width] = [hi - lo + 1, ws[hi]];
  }
  // most lines longer than half a line are full ones (tables and headings make the shorter ones)
  if (best < MIN_FULL_LINES || best < 0.4 * long.filter((w) => w >= width / 2).length) return null;
  // no printed line is wider than the page: a text with many longer lines is not wrapped at this width (a title
  // repeated as a running header, or a few field lines of one length, made the cluster)
  if (long.filter((w) => w > width + FULL_SLACK).length > MAX_WIDER * long.length) return null;
  const full = lines.filter((l) => !isColumns(l) && Math.abs(emWidth(l) - width) <= FULL_SLACK);
  const open = full.filter((l) => !SENTENCE_END.test(l.trimEnd())).length;
  return open >= 0.5 * full.length ? width : null;
}

/**
 * The width of a full line in a short text (a one-page notice copied out of a PDF: too few lines for wrapWidth). Only a
 * text of at most SHORT_MAX_LONG long lines, three or more of them ending within FULL_SLACK em of a page's width (at
 * least SHORT_MIN_WIDTH em: field lines and list items are shorter), none wider, and every full line but one ending
 * inside a sentence and holding a clause's mark (，、。；), each followed at once by a line that goes on (not blank,
 * indented, a heading, an item marker or a form field `项目名称：`). Field lines, titles listed, lists and short poems
 * never pass so.
 */
export function shortWrapWidth(lines: string[]): number | null {
  const long = lines.filter((l) => l.length >= MIN_LINE_EM && !isColumns(l) && !SECTION_START.test(l)).map(emWidth).filter((w) => w >= MIN_LINE_EM);
  if (long.length < SHORT_MIN_FULL || long.length > SHORT_MAX_LONG) return null;
  const ws = long.sort((a, b) => a - b);
  const width = ws[ws.length - 1];
  if (width < SHORT_MIN_WIDTH || ws.filter((w) => width - w <= FULL_SLACK).length < SHORT_MIN_FULL) return null;
  let full = 0;
  let open = 0;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (isColumns(l) || Math.abs(emWidth(l) - width) > FULL_SLACK) continue;
    full++;
    if (SENTENCE_END.test(l.trimEnd())) continue;
    const next = lines[i + 1];
    // (a printed line of prose holds a clause's mark: titles and names listed one a line do not)
    if (next === undefined || !next.trim() || /^\s/.test(next) || SECTION_START.test(next) || ITEM_START.test(next) || FIELD_START.test(next) || !/[，,。；、]/.test(l)) return null;
    open++;
  }
  return open >= SHORT_MIN_FULL && open >= full - 1 ? width : null;
}
const SHORT_MIN_FULL = 3;
const SHORT_MAX_LONG = 8;
const SHORT_MIN_WIDTH = 26;
/** a form's field (`项目名称：…`, `联系电话:`): a line of its own */
const FIELD_START = /^[^\s，。；：:]{2,8}[：:]/;

/** A paragraph's first line is indented by two characters, which pdftotext does not keep as spaces. */
const FIRST_LINE_INDENT = 2;

/**
 * Ends a sentence, and maybe a paragraph: a full line ending so is taken as a paragraph's end. (pdftotext drops
 * first-line indents without -layout, and with it an unnumbered heading after a full line looks like a wrapped
 * line; ；and ： inside a paragraph are joined across.)
 */
const FULL_STOP = /(?:[。！？!?]|(?<!\d)\.)$/; // 121. at a line end is a number broken in two

function softBreak(prev: string, next: string, width: number, prevIsFirst: boolean): boolean {
  if (isColumns(prev) || isColumns(next)) return false;
  if (/^\s/.test(next)) return false; // indented: a new paragraph
  const p = prev.trimEnd();
  if (FULL_STOP.test(p)) return false;
  if (ITEM_START.test(next) && SENTENCE_END.test(p)) return false; // in-line lists wrap onto item markers too
  const full = width - (prevIsFirst ? FIRST_LINE_INDENT : 0);
  if (emWidth(p) + firstTokenEm(next) < full - FULL_SLACK / 2 && emWidth(p) < full - FULL_SLACK) return false; // room was left
  if (SECTION_START.test(next)) return false;
  return true;
}

// (huntb52) A page's bare number (`12`) right under a full line of prose ending inside a sentence, in text with no form feeds: joined
// into the paragraph it became a figure's first digits (`预算执行率为⏎1⏎97.74%` → 197.74%). A printed line of prose holds a clause's
// mark; a table's cells one a line (a label, then its figure) are no full lines of prose.
const BARE_NUMBER = /^[ \t]*[0-9０-９]{1,3}[ \t]*$/;
const bareNumberInProse = (prev: string, line: string) => BARE_NUMBER.test(line) && /[，,、；;]/.test(prev) && !SENTENCE_END.test(prev.trimEnd());

const joiner = (prev: string, next: string) => (/[A-Za-z]$/.test(prev.trimEnd()) && /^[A-Za-z]/.test(next) ? ' ' : '');

/** Full lines are mostly followed by exactly one blank line: the blank lines are line spacing, not paragraph breaks. */
function doubleSpaced(lines: string[], width: number): boolean {
  let full = 0;
  let single = 0;
  for (let i = 0; i + 2 < lines.length; i++) {
    if (isColumns(lines[i]) || Math.abs(emWidth(lines[i]) - width) > FULL_SLACK) continue;
    full++;
    if (!lines[i + 1].trim() && lines[i + 2].trim()) single++;
  }
  return full >= MIN_FULL_LINES && single >= 0.6 * full;
}

/** Re-joins a wrapped text and drops page-number lines; null when there is nothing to change. */
export function unwrapText(input: string): Unwrapped | null {
  const raw = input.split('\f');
  const paged = raw.length > 1;
  const pages: (string | null)[][] = raw.map((p) => p.split('\n'));
  let pageNumbers = 0;
  const drop = (lines: (string | null)[], i: number) => {
    lines[i] = null;
    pageNumbers++;
  };
  if (paged) {
    // at most two lines at each edge of a page, past blank lines
    for (const lines of pages) {
      for (const order of [lines.keys(), [...lines.keys()].reverse()]) {
        let seen = 0;
        for (const i of order) {
          const l = lines[i];
          if (l === null || !l.trim()) continue;
          if (seen++ >= 2 || !isPageNumberLine(l)) break;
          drop(lines, i);
        }
      }
    }
  } else {
    pages[0].forEach((l, i) => l !== null && l.length <= 24 && PAGE_NUMBER_STRICT.test(l) && drop(pages[0], i));
  }
  const runningLines = paged || pageNumbers ? dropRunningLines(pages, paged) : 0;
  const all: string[] = []; // (Array.prototype.flat is slow in V8: this runs on every text file)
  for (const lines of pages) for (const l of lines) if (l !== null) all.push(l);
  const width = wrapWidth(all) ?? shortWrapWidth(all);
  if (!paged && !pageNumbers && width === null) {
    const n = joinSplitNumbers(input);
    return n.joined ? { text: n.text, pages: null, joined: 0, pageNumbers: 0, runningLines: 0, width: null, numbers: n.joined, pageBreaks: [] } : null;
  }
  const gap = width !== null && doubleSpaced(all, width) ? 1 : 0; // blank lines allowed inside a paragraph (pdftotext -layout of 1.5-spaced text)

  let text = '';
  const out: Page[] = [];
  let prev: string | null = null;
  let prevIsFirst = true;
  let joined = 0;
  const pageBreaks: number[] = [];
  for (let p = 0; p < pages.length; p++) {
    let start = -1;
    let blanks = 0;
    // a page number dropped since the last line: the blank lines around it are the page break's, not a paragraph's end
    let pageBreak = false;
    for (const line of pages[p]) {
      if (line === null) {
        pageBreak = true;
        continue;
      }
      if (prev !== null && width !== null && blanks <= 2 && bareNumberInProse(prev, line) && softBreak(prev, line, width, prevIsFirst)) {
        pageNumbers++;
        pageBreak = true;
        continue;
      }
      if (!line.trim()) {
        if (start >= 0) blanks++; // blank lines before a page's first line are the page break's
        continue;
      }
      if (prev !== null && width !== null && (blanks <= gap || pageBreak) && softBreak(prev, line, width, prevIsFirst)) {
        text += joiner(prev, line);
        joined++;
        prevIsFirst = false;
      } else {
        if (prev !== null) text += '\n'.repeat(1 + (start >= 0 ? blanks : 0));
        prevIsFirst = true;
        if (pageBreak && !paged && prev !== null) pageBreaks.push(text.length);
      }
      if (start < 0) start = text.length;
      blanks = 0;
      pageBreak = false;
      text += line;
      prev = line;
    }
    out.push({ num: p + 1, start: start < 0 ? text.length : start, end: 0 });
  }
  if (input.endsWith('\n')) text += '\n';
  for (let i = 0; i < out.length; i++) out[i].end = i + 1 < out.length ? out[i + 1].start : text.length;
  const n = joinSplitNumbers(text);
  if (n.joined) for (const pg of out) (pg.start = n.at(pg.start)), (pg.end = n.at(pg.end));
  return { text: n.text, pages: paged ? out : null, joined, pageNumbers, runningLines, width, numbers: n.joined, pageBreaks: pageBreaks.map(n.at) };
}

/**
 * A line break inside a number's integer part (`调整后预算6⏎0万元`, `实际支出5⏎8.5万元`) or its unit (`60万⏎元`): the line before is a paragraph's
 * line (no columns, at least MIN_LINE_EM wide) ending in digits glued to a word, the next opens with the rest of the
 * number and a unit of money, a rate or a count. Left as it is, the two pieces read as two numbers (or none) and an
 * earlier figure stands in for the one broken. A date (`2023⏎12月`), a list number (`2、`) or a bare number
 * (a 行次) opens no unit of these; five digits or more before the break are a code (`科普活动2070402⏎38.20万元`), not
 * a number's first part.
 */
const SPLIT_NUMBER =
  /(?<=[\u3400-\u9fff\uf900-\ufaff][0-9０-９]{1,4})\n(?=[0-9０-９]{1,7}(?:[.．][0-9０-９]+)?[ \u3000]?(?:万元|萬元|亿元|億元|千元|元|%|％|人次|人|名|场次|場次|场|場|次|个|個|期|篇|份|册|冊|本|条|條|块|塊)(?![0-9０-９]))/g;

/** a break inside a money figure's or a rate's decimals (`基本支出1,712,530.3⏎0元`, `占比85.2⏎5%`): digits, separators
 *  and a point with a digit after it glued to a word before, the rest of the decimals and the unit opening the next line */
const SPLIT_DECIMAL =
  /(?<=[\u3400-\u9fff\uf900-\ufaff][0-9０-９][0-9０-９,，]{0,14}[.．][0-9０-９]{1,3})\n(?=[0-9０-９]{1,3}[ \u3000]?(?:万元|萬元|亿元|億元|千元|元|%|％)(?![0-9０-９]))/g;

/** a break inside a figure written with thousands separators (`基本支出1,712,⏎530.30元`, `1,71⏎2,530.30元`, `1,712⏎,530.30元`):
 *  kept only when the two pieces make one figure grouped by threes (see GROUPED) */
const SPLIT_GROUPED =
  /(?<=[\u3400-\u9fff\uf900-\ufaff](?<head>[0-9][0-9,]*))\n(?=(?<tail>[0-9,]*[0-9](?:\.[0-9]+)?)[ \u3000]?(?:万元|亿元|千元|元)(?![0-9]))/g;
const GROUPED = /^[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?$/;

/** the unit broken between its multiplier and 元 (`调整后预算60万⏎元`; not 元旦, 元月, 元宵 opening the next line) */
const SPLIT_UNIT = /(?<=[0-9０-９][万萬亿億千])\n(?=元(?![旦月宵素件器]))/g;

/** a count's unit moved to the next line (`受益群众1.2万⏎人次`, `培训农民450⏎人次`): after 万/千 any count unit (not 人员, 名称,
 *  次年, 场馆 opening the line), after bare digits only 人次 / 场次 (`2023⏎12月`, a 行次 over `人数` stay) */
const SPLIT_COUNT_UNIT =
  /(?<=[\u3400-\u9fff\uf900-\ufaff][0-9０-９]{1,7}(?:[.．][0-9０-９]+)?(?:[万萬千](?=\n(?:人(?![员員才口数數民均])|名(?![称稱单單])|次(?![年日])|期|篇|份|册|冊|场(?![馆館地所])|場(?![馆館地所])))|(?=\n(?:人次|场次|場次))))\n/g;

/** a figure broken before its multiplier (`参与群众约3.2⏎万人次`, `实际支出52⏎万元`), or a bare count before 期/场/次 (`培训班8⏎期`;
 *  not 期间, 场馆, 次年 opening the line; 人 after bare digits stays, a 行次 over `人数`) */
const SPLIT_MULTIPLIER =
  /(?<=[\u3400-\u9fff\uf900-\ufaff][0-9０-９]{1,7}(?:[.．][0-9０-９]+)?)\n(?=[万萬亿億千](?:余|多)?(?:元|人次|人(?![员員才口数數民均])|名(?![称稱单單])|场次|場次|场(?![馆館地所])|場(?![馆館地所])|次(?![年日])|期|篇|份|册|冊)|期(?![间間限末初望待满滿刊])|[场場](?![馆館地所景合])|次(?![年日数數序]))/g;

/** a count's label broken before it (`培训⏎农民450人次；`): a paragraph's line ending in a word, the next opening with a short
 *  word glued to a count and its unit; the two pieces are one label (the line before is prose, with a comma: no title or
 *  heading, `…绩效自评报告⏎编制8名`) */
const SPLIT_LABEL =
  /(?<=[\u3400-\u9fff\uf900-\ufaff])\n(?=[\u3400-\u9fff\uf900-\ufaff]{1,6}[0-9０-９]{1,7}(?:[.．][0-9０-９]+)?[万萬千]?(?:人次|场次|場次|人|名|期|场|場|次|篇|份|册|冊))/g;
const HEADING_LINE = /^\s*(?:第[一二三四五六七八九十]+[部章节]|[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[、.．](?!\d))/;

function joinSplitNumbers(text: string): { text: string; joined: number; at: (offset: number) => number } {
  const cut: number[] = []; // offsets of the removed breaks
  const take = (re: RegExp) => {
    for (const m of text.matchAll(re)) {
      // (a grouped figure's pieces must make one figure grouped by threes)
      if (m.groups?.head !== undefined && !GROUPED.test(m.groups.head + m.groups.tail)) continue;
      const line = text.slice(text.lastIndexOf('\n', m.index - 1) + 1, m.index);
      if (!isColumns(line) && emWidth(line) >= MIN_LINE_EM) cut.push(m.index);
    }
  };
  if (/[0-9０-９]\n[0-9０-９]/.test(text)) {
    take(SPLIT_NUMBER);
    take(SPLIT_DECIMAL);
  }
  if (/[0-9,]\n[0-9,]/.test(text)) take(SPLIT_GROUPED);
  if (/[万萬亿億千]\n元/.test(text)) take(SPLIT_UNIT);
  if (/[0-9０-９万萬千]\n[人名次期篇份册冊场場]/.test(text)) take(SPLIT_COUNT_UNIT);
  if (/[0-9０-９]\n[万萬亿億千期场場次]/.test(text)) take(SPLIT_MULTIPLIER);
  if (/[\u3400-\u9fff]\n[\u3400-\u9fff]{1,6}[0-9０-９]/.test(text)) {
    for (const m of text.matchAll(SPLIT_LABEL)) {
      const line = text.slice(text.lastIndexOf('\n', m.index - 1) + 1, m.index);
      const nextEnd = text.indexOf('\n', m.index + 1);
      const next = text.slice(m.index + 1, nextEnd < 0 ? text.length : nextEnd);
      if (isColumns(line) || isColumns(next) || emWidth(line) < MIN_LINE_EM || HEADING_LINE.test(line) || SECTION_START.test(line) || !/[，,；;、]/.test(line) || HEADING_LINE.test(next)) continue;
      cut.push(m.index);
    }
  }
  cut.sort((a, b) => a - b);
  if (!cut.length) return { text, joined: 0, at: (o) => o };
  let out = '';
  let from = 0;
  for (const c of cut) (out += text.slice(from, c)), (from = c + 1);
  out += text.slice(from);
  return { text: out, joined: cut.length, at: (o) => o - cut.filter((c) => c < o).length };
}
