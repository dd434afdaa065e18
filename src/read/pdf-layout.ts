// PDF page geometry → plain text: build visual lines from positioned text pieces, drop running headers and
// footers, and re-join lines that were broken only because the line was full (also inside numbers: 20⏎23年).
// Pure functions over numbers and strings, shared by the text layer (pdf.js) and OCR (tesseract) paths.
import type { Page } from '../document.js';
import { isCjkCode } from './cjk.js';

/** A positioned piece of text. y grows downwards (top of page = 0); size is the em width in the same units. */
export interface TextPiece {
  str: string;
  x: number;
  y: number;
  width: number;
  size: number;
}

export interface TextLine {
  text: string;
  x0: number;
  x1: number;
  /** baseline (pdf.js) or box bottom (OCR), growing downwards */
  y: number;
  /** em width */
  size: number;
  /** the line holds cells separated by wide gaps (a table row) */
  tabs: boolean;
  /** the document's own text ended / started with a space here (kept when the lines are joined) */
  endSpace?: boolean;
  startSpace?: boolean;
}

export interface LayoutPage {
  num: number;
  width: number;
  height: number;
  lines: TextLine[];
  ocr?: boolean;
  confidence?: number;
}

export const isCjk = (ch: string | undefined): boolean => !!ch && isCjkCode(ch.charCodeAt(0));

/**
 * A piece whose characters pdf.js set apart with spaces: justification spread the line (a web page printed to PDF,
 * some Word exports) and pdf.js writes a space for every gap wider than it expects (2023 年 度 收 入 合 计 236.45 万 元).
 * Chinese puts no space next to a CJK character: when most CJK characters of the piece stand apart so, the spaces
 * next to CJK characters go. A space here and there (中共中央 国务院) stays; so do spaces between Latin words.
 */
export function unspaceCjk(s: string): string {
  if (!s.includes(' ')) return s;
  const ch = [...s];
  let cjk = 0;
  let spaced = 0;
  for (let i = 0; i < ch.length; i++) {
    if (!isCjk(ch[i])) continue;
    cjk++;
    if (ch[i + 1] === ' ' && ch[i + 2] !== undefined && ch[i + 2] !== ' ') spaced++;
  }
  if (spaced < 3 || spaced < 0.5 * (cjk - 1)) return s;
  let out = '';
  for (let i = 0; i < ch.length; i++) {
    if (ch[i] === ' ' && i > 0 && i + 1 < ch.length && ch[i + 1] !== ' ' && ch[i - 1] !== ' ' && (isCjk(ch[i - 1]) || isCjk(ch[i + 1]))) continue;
    out += ch[i];
  }
  return out;
}

/** Wider than this (in em) between two pieces on one line: a cell boundary, written as \t. */
const TAB_GAP = 0.6;
/** Narrower than this and no space piece in between: the pieces touch. */
const SPACE_GAP = 0.2;

/**
 * Pieces in content-stream order → visual lines. A space pdf.js synthesises between CJK and a digit (or between
 * two CJK characters) is dropped: Chinese needs none, and `20 23年`-style gaps would break number patterns.
 * Spaces inside one piece (the document's own characters) are kept. Text drawn twice at almost the same spot
 * (fake bold) is kept once.
 */
/**
 * How far apart (in ems) the same text drawn twice still is one drawing: fake bold strikes a glyph again a few hundredths
 * of an em aside. Half an em was too wide: a producer that places every glyph alone draws the digits of 5000 or 29.33
 * half an em apart (less a rounding error), and the second 0 or 3 was dropped as a reprint, a wrong number.
 */
const OVERPRINT = 0.2;

/**
 * A line drawn font by font: some producers (LibreOffice, with curly quotes in a Western font inside Chinese text) draw the
 * quotes first, then the Chinese run with a space where each quote stands, starting back at the left (…153.74 “ ” then
 * `万元。 三公 经` from x 464.8). Read in stream order the run began a new line and the quotes ended the one before:
 * `…153.74⇥“⇥”⏎万元。 三公 经费…`, and `三公 经费` matched nothing. A piece going back on its baseline over narrow pieces
 * drawn just before it, as many as its spaces there, takes them into its spaces in x order; else the pieces stay as drawn.
 */
export function fillPlaceholders(pieces: TextPiece[]): TextPiece[] {
  let out: TextPiece[] | null = null;
  const list = () => (out ??= [...pieces]);
  for (let i = 1; i < (out ?? pieces).length; i++) {
    const all = out ?? pieces;
    const p = all[i];
    if (!p.str.includes(' ')) continue;
    const em = p.size || 1;
    const prev = all[i - 1];
    if (Math.abs(prev.y - p.y) > 0.45 * em || p.x >= prev.x - 0.35 * em) continue;
    // the pieces drawn just before it on its baseline from its left edge on: inside its span, or past its right edge
    let from = i;
    while (from > 0 && Math.abs(all[from - 1].y - p.y) <= 0.45 * em && all[from - 1].x >= p.x - 0.1 * em) from--;
    const right = p.x + p.width;
    const block = all.slice(from, i);
    const inside = block.filter((q) => q.x < right - 0.1 * em);
    const glyphs = inside.filter((q) => q.str.trim()).sort((a, b) => a.x - b.x);
    const slots = p.str.split(' ').length - 1;
    if (!glyphs.length || glyphs.length !== slots || glyphs.some((q) => [...q.str.trim()].length > 1)) continue;
    let n = 0;
    const filled = { ...p, str: p.str.replace(/ /g, () => glyphs[n++].str.trim()) };
    // (…and the pieces past its right edge, the closing quote drawn with the next run's, come after it)
    const after = block.filter((q) => q.x >= right - 0.1 * em).sort((a, b) => a.x - b.x);
    list().splice(from, i - from + 1, filled, ...after);
    i = from + after.length;
  }
  return out ?? pieces;
}

export function piecesToLines(pieces: TextPiece[]): TextLine[] {
  pieces = fillPlaceholders(pieces);
  const lines: TextLine[] = [];
  let cur: (TextLine & { lastStr: string; lastX: number; space: boolean }) | null = null;
  const flush = () => {
    if (cur) {
      const text = cur.text.replace(/^[ \t]+|[ \t]+$/g, '');
      if (text) lines.push({ text, x0: cur.x0, x1: cur.x1, y: cur.y, size: cur.size, tabs: text.includes('\t'), endSpace: / $/.test(cur.text), startSpace: /^ /.test(cur.text) });
    }
    cur = null;
  };
  for (const p of pieces) {
    if (!p.str) continue;
    const em = p.size || 1;
    const blank = p.str.trim() === '';
    const sameLine: boolean =
      !!cur && Math.abs(p.y - cur.y) <= 0.45 * Math.max(em, cur.size) && p.x >= cur.x1 - 0.35 * Math.max(em, cur.size);
    if (cur && !sameLine && !blank && p.str === cur.lastStr && Math.abs(p.x - cur.lastX) < OVERPRINT * em && Math.abs(p.y - cur.y) < 0.5 * em) {
      continue; // overprint (fake bold) one line up/down by a hair
    }
    if (blank) {
      if (cur && sameLine) cur.space = true;
      continue;
    }
    if (cur && sameLine) {
      if (p.str === cur.lastStr && Math.abs(p.x - cur.lastX) < OVERPRINT * em) continue; // overprint
      const gap = p.x - cur.x1;
      const unit = Math.max(em, cur.size);
      let sep = '';
      if (gap > TAB_GAP * unit) sep = '\t';
      else if (cur.space || gap > SPACE_GAP * unit) {
        const before = cur.text[cur.text.length - 1];
        const after = p.str[0];
        sep = isCjk(before) || isCjk(after) || before === ' ' ? '' : ' ';
      }
      cur.text += sep + p.str;
      cur.x1 = Math.max(cur.x1, p.x + p.width);
      cur.size = Math.max(cur.size, em);
      cur.lastStr = p.str;
      cur.lastX = p.x;
      cur.space = false;
      continue;
    }
    flush();
    cur = { text: p.str, x0: p.x, x1: p.x + p.width, y: p.y, size: em, tabs: false, lastStr: p.str, lastX: p.x, space: false };
  }
  flush();
  return lines;
}

// ---- running headers and footers ----

const PAGE_NUMBER_RES = [
  /^[-—–－_~·•.\s]*[0-9０-９]{1,4}[-—–－_~·•.\s]*$/,
  /^第\s*[0-9０-９一二三四五六七八九十百]+\s*页\s*[,，、/／]?\s*(共\s*[0-9０-９一二三四五六七八九十百]+\s*页)?$/,
  /^共\s*[0-9０-９]+\s*页\s*[,，、]?\s*第\s*[0-9０-９]+\s*页$/,
  /^[0-9０-９]+\s*[/／]\s*[0-9０-９]+$/,
  /^(page|p\.)\s*\d+(\s*(of|\/)\s*\d+)?$/i,
];

export const isPageNumberLine = (text: string): boolean => PAGE_NUMBER_RES.some((re) => re.test(text.trim()));

const keyOf = (text: string) => text.replace(/\s/g, '').replace(/[0-9０-９]+/g, '#');

function bigrams(s: string): Map<string, number> {
  const m = new Map<string, number>();
  for (let i = 0; i < s.length - 1; i++) m.set(s.slice(i, i + 2), (m.get(s.slice(i, i + 2)) ?? 0) + 1);
  return m;
}

/** Dice similarity on character bigrams: OCR reads the same header slightly differently on each page. */
export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length < 2 || b.length < 2) return 0;
  const A = bigrams(a);
  const B = bigrams(b);
  let common = 0;
  for (const [k, n] of A) common += Math.min(n, B.get(k) ?? 0);
  return (2 * common) / (a.length - 1 + (b.length - 1));
}

function median(xs: number[]): number {
  if (!xs.length) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Typical distance between consecutive lines of one page. */
function linePitch(all: TextLine[]): number {
  // table rows are spaced by their cells, not by the text's line spacing
  const text = all.filter((l) => !l.tabs);
  const lines = text.length >= 2 ? text : all;
  const ys = [...lines].sort((a, b) => a.y - b.y);
  const d: number[] = [];
  for (let i = 1; i < ys.length; i++) {
    const dy = ys[i].y - ys[i - 1].y;
    if (dy > 0.8 * ys[i].size && dy < 3 * ys[i].size) d.push(dy);
  }
  return d.length ? median(d) : 1.5 * median(lines.map((l) => l.size));
}

interface Candidate {
  page: number;
  line: TextLine;
  band: 'top' | 'bottom';
  key: string;
}

/** Lines at the top or bottom edge of a page, set apart from the body by a wider gap than the line pitch. */
function edgeCandidates(page: LayoutPage, pageIndex: number): Candidate[] {
  if (page.lines.length < 2) return [];
  const ys = [...page.lines].sort((a, b) => a.y - b.y);
  const pitch = linePitch(page.lines);
  const out: Candidate[] = [];
  // a page number needs less distance to the body than other text: its form already says what it is
  const apart = (a: TextLine, b: TextLine) => Math.abs(b.y - a.y) >= (isPageNumberLine(a.text) ? 1.05 : 1.2) * pitch;
  const take = (band: 'top' | 'bottom', seq: TextLine[], inBand: (l: TextLine) => boolean) => {
    for (let k = 0; k < Math.min(2, seq.length - 1); k++) {
      if (!inBand(seq[k]) || seq[k].tabs) break; // table rows are never running lines
      if (apart(seq[k], seq[k + 1])) {
        for (let j = 0; j <= k; j++) out.push({ page: pageIndex, line: seq[j], band, key: keyOf(seq[j].text) });
        break;
      }
    }
  };
  take('top', ys, (l) => l.y < 0.22 * page.height);
  take('bottom', [...ys].reverse(), (l) => l.y > 0.78 * page.height);
  return out;
}

export interface RunningLines {
  pages: LayoutPage[];
  removed: { page: number; text: string; band: 'top' | 'bottom'; pageNumber: boolean }[];
}

/**
 * Removes running headers and footers: edge lines that are page numbers (- 3 -, 第3页 共5页, 3/5), and edge lines
 * that repeat (digits ignored, OCR noise tolerated) on at least half of the pages — not the title atop page 1 that the
 * header repeats (loneTitle).
 */
export function removeRunningLines(pages: LayoutPage[]): RunningLines {
  const cands = pages.flatMap((p, i) => edgeCandidates(p, i));
  const withText = pages.filter((p) => p.lines.length).length;
  const clusters: { band: string; key: string; pages: Set<number>; members: Candidate[] }[] = [];
  for (const c of cands) {
    let cl = clusters.find((k) => k.band === c.band && similarity(k.key, c.key) >= 0.75);
    if (!cl) clusters.push((cl = { band: c.band, key: c.key, pages: new Set(), members: [] }));
    cl.pages.add(c.page);
    cl.members.push(c);
  }
  const drop = new Set<TextLine>();
  const removed: RunningLines['removed'] = [];
  const first = pages.findIndex((p) => p.lines.length);
  for (const cl of clusters) {
    const repeated = withText >= 2 && cl.pages.size >= 2 && cl.pages.size >= 0.5 * withText && cl.key.length <= 60;
    for (const m of cl.members) {
      const pageNumber = isPageNumberLine(m.line.text);
      if (!pageNumber && m.page === first && m.band === 'top' && loneTitle(pages[first], m, cl.members)) continue;
      if (repeated || pageNumber) {
        drop.add(m.line);
        removed.push({ page: pages[m.page].num, text: m.line.text, band: m.band, pageNumber });
      }
    }
  }
  return { pages: pages.map((p) => ({ ...p, lines: p.lines.filter((l) => !drop.has(l)) })), removed };
}

/**
 * The first page's top line that repeats the running header's words but is set otherwise — another size or another
 * height than the header on the other pages (the title, 16 pt in the body, under the 10.5 pt header of pages 2…n) — and
 * whose words the lines under it do not say again: the report's title, which the header repeats, not the header (before,
 * it was dropped with the headers and the record had no title, unit or year). Word's header printed on the first page too
 * stands as on the others and goes.
 */
function loneTitle(page: LayoutPage, m: Candidate, members: Candidate[]): boolean {
  const others = members.filter((o) => o.page !== m.page);
  if (!others.length) return false;
  const size = median(others.map((o) => o.line.size));
  const y = median(others.map((o) => o.line.y));
  // (a height apart only in a text layer: a scan's pages sit a little higher or lower each)
  const setOtherwise = Math.abs(m.line.size - size) > 0.15 * size || (!page.ocr && Math.abs(m.line.y - y) > Math.max(m.line.size, size));
  if (!setOtherwise) return false;
  // (a header over the title on the first page, the title under it saying the same words: the header)
  const below = [...page.lines].filter((l) => l.y > m.line.y).sort((a, b) => a.y - b.y).slice(0, 3);
  return !keyOf(below.map((l) => l.text).join('')).includes(m.key);
}

// ---- re-joining lines into paragraphs ----

interface Frame {
  left: number;
  right: number;
  pitch: number;
  /** body text size */
  em: number;
}

/** Left and right text edges: the leftmost / most common right end among lines long enough to tell. */
function frameOf(lines: TextLine[]): Frame | null {
  const body = lines.filter((l) => !l.tabs && l.text.length >= 6);
  if (body.length < 3) {
    // too few lines to tell the edges from the crowd: take the extremes
    const plain = lines.filter((l) => !l.tabs);
    if (!plain.length) return null;
    const em = median(plain.map((l) => l.size));
    return { left: Math.min(...plain.map((l) => l.x0)), right: Math.max(...plain.map((l) => l.x1)), pitch: linePitch(lines), em };
  }
  const em = median(body.map((l) => l.size));
  const cluster = (vals: number[], tol: number) => {
    const sorted = [...vals].sort((a, b) => a - b);
    const groups: number[][] = [];
    for (const v of sorted) {
      const g = groups[groups.length - 1];
      if (g && v - g[g.length - 1] <= tol) g.push(v);
      else groups.push([v]);
    }
    return groups;
  };
  const minMembers = Math.max(2, Math.ceil(body.length * 0.1));
  const lefts = cluster(body.map((l) => l.x0), 0.4 * em).filter((g) => g.length >= minMembers);
  // (a line opening with a section marker is a heading or a paragraph's first line: headings of one length, in a
  // short text with no full line, would pass for the right edge and join the line after them)
  const plainBody = body.filter((l) => !SECTION_START.test(l.text));
  const rights = cluster((plainBody.length ? plainBody : body).map((l) => l.x1), 0.5 * em);
  if (!lefts.length) return null;
  // the right edge is the rightmost end shared by enough lines: in a report of short one-line paragraphs and
  // headings, headings of one length can outnumber the full lines
  const full = rights.filter((g) => g.length >= minMembers);
  const edge = full.length ? full[full.length - 1] : rights.reduce((a, b) => (b.length > a.length || (b.length === a.length && b[0] > a[0]) ? b : a));
  return { left: median(lefts[0]), right: rightEdge(plainBody.length ? plainBody : body, median(edge), em), pitch: linePitch(lines), em };
}

/**
 * No line of text runs past the right margin. When more than a few body lines of the text's size end over an em
 * beyond the edge the clusters chose, those were short lines of one length (`基本支出91.28`, `专项支出35.56` in a short
 * report with one wrapped line), and a heading longer than them passed for a full line and took in the body's next
 * line: the edge is then the furthest such line's end.
 */
function rightEdge(body: TextLine[], edge: number, em: number): number {
  const sized = body.filter((l) => Math.abs(l.size - em) <= 0.15 * em);
  const beyond = sized.filter((l) => l.x1 > edge + em);
  return beyond.length > Math.max(1, 0.1 * sized.length) ? Math.max(...beyond.map((l) => l.x1)) : edge;
}

/** Chapter-level markers: a line starting with one is never the continuation of the line before. */
// (一． and 一. as well as 一、: a full-width or ASCII dot after a chapter numeral, not a decimal 十.5)
export const SECTION_START = /^(第[一二三四五六七八九十百]+[章节条部分篇]|[一二三四五六七八九十]+(?:、|[．.](?![\d０-９.．]))|[（(][一二三四五六七八九十]+[）)]|附件\s*\d*[:：]?$|附表)/;
/** Item-level markers: a new paragraph only after a finished sentence (in-line lists wrap onto them too). */
export const ITEM_START = /^(\d+(\.\d+)*[、.．](?!\d)|[（(]\d+[）)]|[①-⑳])/;
export const SENTENCE_END = /[。！？；：.!?;:]$/;

/** Width in em of what must go on the line together with the first character (kinsoku: closing marks hang on). */
export function firstTokenEm(text: string): number {
  const m = /^([（(《“‘〔【[]*)([A-Za-z0-9.,%+\-/:]+|.)([，。、；：？！）)》”’〕】,.;:!?%]*)/u.exec(text);
  const tok = m ? m[0] : text.slice(0, 1);
  let w = 0;
  for (const ch of tok) w += isCjk(ch) ? 1 : 0.55;
  return w;
}

function softBreak(prev: TextLine, next: TextLine, frame: Frame, crossPage: boolean): boolean {
  if (prev.tabs || next.tabs) return false;
  const em = prev.size;
  if (Math.abs(prev.size - next.size) > 0.15 * em) return false;
  if (!crossPage) {
    const dy = next.y - prev.y;
    if (dy <= 0 || dy > 1.35 * frame.pitch) return false;
  }
  // a title line (larger than body text) as wide as the text block, then a centred line: one title, wrapped
  const mid = (frame.left + frame.right) / 2;
  const centred = (l: TextLine) => Math.abs((l.x0 + l.x1) / 2 - mid) < em;
  if (!crossPage && em >= 1.15 * frame.em && centred(prev) && centred(next) && prev.x1 - prev.x0 >= 0.85 * (frame.right - frame.left)) {
    return !SECTION_START.test(next.text);
  }
  if (next.x0 > frame.left + 0.6 * em) return false; // indented: a new paragraph
  if (prev.x1 + firstTokenEm(next.text) * em < frame.right - 0.3 * em) return false; // room was left: a real end
  if (SECTION_START.test(next.text)) return false;
  if (ITEM_START.test(next.text) && SENTENCE_END.test(prev.text)) return false;
  return true;
}

function joiner(prev: TextLine, next: TextLine): string {
  return prev.endSpace || next.startSpace || (/[A-Za-z]$/.test(prev.text) && /^[A-Za-z]/.test(next.text)) ? ' ' : '';
}

/**
 * A page set in two text columns: its text lines stand left or right of the middle (at most two, a title, across it),
 * at least four of some length in each, and the right column's lines share a left edge. Each column's edges, the
 * page's line spacing.
 */
function twoColumns(lines: TextLine[], page: Frame): { mid: number; left: Frame; right: Frame } | null {
  const text = lines.filter((l) => !l.tabs && l.text.length >= 2);
  if (text.length < 10) return null;
  let x0 = Infinity;
  let x1 = -Infinity;
  for (const l of text) {
    x0 = Math.min(x0, l.x0);
    x1 = Math.max(x1, l.x1);
  }
  const mid = (x0 + x1) / 2;
  const left = text.filter((l) => l.x1 <= mid);
  const right = text.filter((l) => l.x0 >= mid);
  const long = (ls: TextLine[]) => ls.filter((l) => l.text.length >= 8).length >= 4;
  if (text.length - left.length - right.length > 2 || !long(left) || !long(right)) return null;
  const lf = frameOf(left);
  const rf = frameOf(right);
  if (!lf || !rf || right.filter((l) => Math.abs(l.x0 - rf.left) < 0.6 * rf.em).length < 4) return null;
  return { mid, left: { ...lf, pitch: page.pitch }, right: { ...rf, pitch: page.pitch } };
}

export interface Assembled {
  text: string;
  pages: Page[];
  /** where each line's text starts in `text` */
  lineStarts: Map<TextLine, number>;
  joined: number;
  joinedInNumbers: number;
}

/**
 * Pages of lines → one text, one paragraph per line. Two lines are one paragraph when the first reached the
 * right edge (the next line's first word would not have fitted), the second is not indented, both have the same
 * size and normal line spacing, and the second does not start a numbered heading after a finished sentence.
 * A paragraph running over a page break is joined too; the next page then starts where its text starts.
 */
export function assemble(pages: LayoutPage[]): Assembled {
  const groupFrame = (ocr: boolean): Frame | null => {
    const group = pages.filter((p) => !!p.ocr === ocr);
    const f = frameOf(group.flatMap((p) => p.lines));
    // line spacing is measured page by page (y restarts on every page)
    const pitches = group.filter((p) => p.lines.filter((l) => !l.tabs).length >= 4).map((p) => linePitch(p.lines));
    return f && pitches.length ? { ...f, pitch: median(pitches) } : f;
  };
  const frames = new Map<boolean, Frame | null>([
    [false, groupFrame(false)],
    [true, groupFrame(true)],
  ]);
  let text = '';
  const out: Page[] = [];
  let prev: TextLine | null = null;
  let prevFrame: Frame | null = null;
  let joined = 0;
  let joinedInNumbers = 0;
  const lineStarts = new Map<TextLine, number>();
  for (const p of pages) {
    const group = frames.get(!!p.ocr) ?? null;
    const own = p.lines.length >= 8 ? frameOf(p.lines) : null;
    // edges per page (odd and even pages may differ); line spacing from the whole document (a page of tables
    // has too few text lines to tell)
    // a page of few text lines (the last page: a closing paragraph, the signature, a table) can show no full
    // line; its own edges count only when its text block is as wide as the document's
    const fits = !own || !group || Math.abs(own.right - own.left - (group.right - group.left)) < 2 * group.em;
    const frame = own && group ? (fits ? { ...own, pitch: group.pitch } : group) : (own ?? group);
    // a page set in two text columns: each column has its own edges
    const cols = frame ? twoColumns(p.lines, frame) : null;
    const frameFor = (l: TextLine) => (!cols ? frame : l.x0 >= cols.mid ? cols.right : l.x1 <= cols.mid ? cols.left : frame);
    let start = text.length;
    for (let i = 0; i < p.lines.length; i++) {
      const line = p.lines[i];
      let crossPage = i === 0;
      const lf = frameFor(line);
      let f = crossPage ? prevFrame : lf;
      if (!crossPage && cols && prev) {
        const pf = frameFor(prev);
        // (the left column's last line runs on at the top of the right column, as over a page break)
        if (pf === cols.left && lf === cols.right && line.y < prev.y) {
          crossPage = true;
          f = pf;
        } else if (pf !== lf) f = null;
      }
      if (prev && f && lf && softBreak(prev, line, crossPage ? { ...lf, right: f.right } : lf, crossPage)) {
        text += joiner(prev, line);
        joined++;
        if (/\d$/.test(prev.text) && /^[\d.%]/.test(line.text)) joinedInNumbers++;
      } else if (text) text += '\n';
      if (i === 0) start = text.length;
      lineStarts.set(line, text.length);
      text += line.text;
      prev = line;
    }
    if (p.lines.length) prevFrame = frameFor(p.lines[p.lines.length - 1]);
    const page: Page = { num: p.num, start, end: start };
    if (p.ocr) {
      page.ocr = true;
      if (p.confidence !== undefined) page.confidence = p.confidence;
    }
    out.push(page);
  }
  if (text) text += '\n';
  for (let i = 0; i < out.length; i++) out[i].end = i + 1 < out.length ? out[i + 1].start : text.length;
  return { text, pages: out, lineStarts, joined, joinedInNumbers };
}
