// Tables in text laid out in columns with spaces (pdftotext -layout). Each printed line of the PDF is a line of a
// character grid, and a table's cells stand in columns separated by runs of spaces. A row whose cells sit on one
// line, or whose wrapped cells can be put together without doubt, is written as one tab-separated line (cells in
// column order, a wrapped cell's lines joined), so the table stage reads it like any tab-separated table. The other
// lines of such a table are left as they are, and the table stage reads each as a row without cells.
//
// On each page:
// - A line's pieces are its runs of text separated by two or more spaces; a gap after 。！？ is one between sentences.
//   A line with two or more pieces is a row line, a line with one piece a part line (a wrapped part of a cell). A
//   tab, a signature or note (填表人：…, 说明：), a form line whose every piece is a field (`填表人：   联系电话：`), a
//   table's title or number (…表), its unit (单位：元) and a heading set apart by spaces (`第一部分   部门概况`, no
//   figures) end a table; a heading (`一、…`) just above or below a table is no part of it. A line that cannot be
//   read ends a table too, and the rows next to it are not certain: a piece wider than MAX_PIECE_EM (prose) or with
//   cells run together (`一级指标 二级指标`: one space between CJK characters).
// - A table's columns are the runs of grid positions covered by the pieces of its row lines. When a row line's piece
//   covers another's gap, the columns cannot be told apart, and the table ends before that line. A part line that
//   does not fall in one column ends it too.
// - A printed row is a band of consecutive lines. pdftotext puts every cell's lines around the row's middle, so in
//   each column the first and the last line that hold text lie as far from the band's middle; and a cell's line goes
//   on into the next only when it is full (the next line's first word would not have fitted; not after a colon or a
//   closing bracket, not before a list number; figures never wrap). Of all the ways to cut the lines into such bands
//   (each with a row line) and lines left out, those leaving fewest lines out are taken, and a band that all of them
//   share is a row. A block that reading leaves lines out of is read again top-aligned (Word's default: every cell
//   starts on the band's first line, a row line), and that reading is taken when it puts more lines into rows. A row is dropped again when a cell of it may go on into the line above or below it (unless the
//   lower line is a row line of figures under a row line: a header over figures, rows of figures), when a line next
//   to it that is in no row has text in a column the row leaves empty or over several columns, or when a cell's
//   brackets do not close. A table needs two rows of two cells, and every two neighbouring columns filled in one row
//   (else they may be one column whose pieces do not line up, and which cell is whose is not sure).
// - Positions on the grid count characters (pdftotext 22.12 writes a CJK character as one); a text typed in an
//   editor counts CJK characters twice. Both readings are tried, and the one that keeps more row lines together
//   under one column layout (then: in fewer columns) is taken.
import type { Page, Span } from '../document.js';
import { firstTokenEm, SECTION_START } from './pdf-layout.js';
import { emWidth } from './unwrap.js';
import { simplify } from '../normalise/fold.js';
import { indicatorColumnField } from '../structure/tableVocab.js';

export interface LayoutTables {
  text: string;
  /** the pages, moved to the new text */
  pages: Page[] | null;
  /** one span per table in the new text: each line a row; a line without a tab is a row left unread */
  tables: Span[];
  /** rows written as tab-separated lines */
  rows: number;
  /** printed lines joined into those rows beyond their first */
  joined: number;
  /** lines of those tables left as they are */
  unread: number;
  /** an offset of the old text in the new one */
  at: (offset: number) => number;
}

/** A run of text on a line: [s, e) in the line, [x0, x1) on the character grid, its width in em, its column. */
interface Piece {
  s: number;
  e: number;
  x0: number;
  x1: number;
  /** [x0, x1) on a grid that counts CJK characters twice */
  wx0: number;
  wx1: number;
  em: number;
  text: string;
  col: number;
  /** a figure (VALUE); ends a cell (CELL_END); starts one (CELL_START); width of its first word (em) */
  value: boolean;
  ends: boolean;
  starts: boolean;
  lead: number;
  /** a letter-spaced word (`收    入`) */
  spaced?: boolean;
}

interface LLine {
  start: number;
  end: number;
  text: string;
  pieces: Piece[];
  /** row: two or more pieces; part: one piece; barrier: ends a table */
  kind: 'blank' | 'barrier' | 'row' | 'part';
  /** a table's clean end (a blank line, a title, a signature, a form line), not a line that cannot be read */
  stop: boolean;
}

/** Two or more spaces between runs of text: pdftotext's gap between columns. */
const GAP = 2;
/** Prose lines, titles and long parts of cells are wider (em): they end a table. */
const MAX_PIECE_EM = 24;
/** A line's first word must pass the column's widest piece less this (em) for the line above to be full. */
const FIT_SLACK = 0.25;
/** Blank lines a table may hold in a row (an empty row of the printed table). */
const MAX_BLANKS = 2;
/** Lines of one printed row, at most. */
const MAX_BAND = 9;
/** Lines with a gap of spaces this many lines apart or closer may be one table's. */
const NEAR = 40;
/** Part lines above the first row line and below the last that may still belong to the table. */
const MAX_EDGE = 4;

/** A piece's last character that ends a sentence: the gap after it is a sentence break, not a column gap. */
const STOP = /[。！？!?]/;
/** Lines that end a table: signatures and notes (as in the table stage), attachment labels. */
/** (tested on the line in simplified script, simplify(): 填報人, 單位負責人, 註： in a traditional-script copy) */
const TABLE_END = /^\s*(填表人|填报人|填报日期|联系电话|联系人|单位负责人|审核人|说明\s*[:：]|注\s*[:：]|附件)/;
/** A form's field: a short label and a colon, maybe its value (`填表人：张三`, `金额单位：元`). */
const FIELD = /^[^\s：:]{1,12}[：:]/;
/** A table's title or number: `2023年度部门整体支出绩效自评表`, `公开07表`. */
const TITLE = /^\S.{3,}表$/;
/** The unit stated for a table: part of its caption. */
const UNIT = /^(?:金额)?单位\s*[:：]/;
// the halves of a 收入支出决算总表 named over them
const HALVES = /^(?:收\s*入|支\s*出)$/;
const INDENT = /^\u3000+/;
/** A figure or value: a cell that never wraps. */
const VALUE = /^[\d０-９.,，．%％‰+\-—–~～≥≤<>=\s]+$/;
/** A cell's last line ends so: a label's colon, a closing bracket (`（万元）`). */
const CELL_END = /[：:）)]$/;
/** A cell's first line starts so: a list number, `其中：`. */
const CELL_START = /^(?:\d+[、.．](?!\d)|[（(][\d一二三四五六七八九十]+[）)]|[一二三四五六七八九十]+、|其中\s*[:：])/;
/** Characters that take two grid positions where the grid counts CJK characters twice. */
const WIDE = /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;
/** Two CJK characters with one space between: two cells pdftotext set one space apart (`一级指标 二级指标`). */
const RUN_TOGETHER = /[\u3001-\u303f\u4e00-\u9fff\uff01-\uff5e] [\u4e00-\u9fff]/;
/** Cheap test for any line with a gap between two runs of text. */
const ANY_GAP = /\S {2,}\S/;

const isWide = (ch: string) => ch.length > 1 || WIDE.test(ch);

/** The pieces of a line: runs of text separated by GAP or more spaces (not after a sentence's end). */
function linePieces(line: string, spaced = true): Piece[] {
  const out: Piece[] = [];
  let x = 0;
  let wx = 0;
  let i = 0;
  let spaces = 0;
  let cur: Piece | null = null;
  for (const ch of line) {
    if (ch === ' ') {
      spaces++;
      x++;
      wx++;
      i++;
      continue;
    }
    const w = isWide(ch) ? 2 : 1;
    if (cur && (spaces < GAP || STOP.test(line[cur.e - 1]))) {
      cur.e = i + ch.length;
      cur.x1 = x + 1;
      cur.wx1 = wx + w;
    } else {
      if (cur) out.push(cur);
      cur = { s: i, e: i + ch.length, x0: x, x1: x + 1, wx0: wx, wx1: wx + w, em: 0, text: '', col: -1, value: false, ends: false, starts: false, lead: 0 };
    }
    spaces = 0;
    x++;
    wx += w;
    i += ch.length;
  }
  if (cur) out.push(cur);
  if (spaced) letterSpaced(line, out);
  for (const p of out) describe(p, line);
  return out;
}

function describe(p: Piece, line: string): void {
  p.text = line.slice(p.s, p.e);
  p.em = emWidth(p.text);
  p.value = VALUE.test(p.text);
  p.ends = CELL_END.test(p.text);
  p.starts = CELL_START.test(p.text);
  p.lead = firstTokenEm(p.text);
}

/** One CJK character: a piece that may be a letter of a letter-spaced word (`收    入`). */
const HAN = /^[\u4e00-\u9fff]$/;
/** The widest gap between the letters of a letter-spaced word (grid positions). */
const MAX_LETTER_GAP = 6;

/**
 * A group header letter-spaced over its columns (`      收    入              支    出`): each word is one piece. Only on a
 * line whose every piece is one CJK character, when the pieces fall into two or more groups of two or more letters,
 * each group's gaps narrow and the gaps between groups more than four times as wide, and not under a row line: single
 * characters evenly apart or in pairs a few columns apart are cells of their own (a `是    否` sub-header).
 */
function letterSpaced(line: string, out: Piece[]): void {
  if (out.length < 4 || !out.every((p) => p.e - p.s === 1 && HAN.test(line[p.s]))) return;
  const groups: Piece[][] = [[out[0]]];
  for (let k = 1; k < out.length; k++) {
    const g = groups[groups.length - 1];
    if (out[k].x0 - out[k - 1].x1 <= MAX_LETTER_GAP) g.push(out[k]);
    else groups.push([out[k]]);
  }
  if (groups.length < 2 || groups.some((g) => g.length < 2)) return;
  let widest = 0;
  for (const g of groups) for (let k = 1; k < g.length; k++) widest = Math.max(widest, g[k].x0 - g[k - 1].x1);
  for (let k = 1; k < groups.length; k++) if (groups[k][0].x0 - groups[k - 1][groups[k - 1].length - 1].x1 <= 4 * widest) return;
  out.length = 0;
  for (const g of groups) {
    const [a, z] = [g[0], g[g.length - 1]];
    out.push({ ...a, e: z.e, x1: z.x1, wx1: z.wx1, spaced: true });
  }
}

function classify(text: string, spaced = true): Pick<LLine, 'pieces' | 'kind' | 'stop'> {
  if (!text.trim()) return { pieces: [], kind: 'blank', stop: true };
  if (text.includes('\t') || TABLE_END.test(simplify(text))) return { pieces: [], kind: 'barrier', stop: true };
  const pieces = linePieces(text, spaced);
  // (a paragraph's indent of full-width spaces, as Word writes it, is no part of its first piece's words: 　　第一部分  部门概况)
  const words = (p: Piece) => p.text.replace(INDENT, '');
  if (pieces.some((p) => TITLE.test(words(p)) || UNIT.test(simplify(words(p))))) return { pieces, kind: 'barrier', stop: true };
  // a group header letter-spaced over a table's halves (收    入 … 支    出): centred over several columns, it is no row;
  // the table starts with the header row under it
  if (pieces[0]?.spaced) return { pieces, kind: 'barrier', stop: true };
  // …and so is one set solid (收入 … 支出 over 项目 行次 决算数 | 项目 行次 决算数): its words stand over no column of the rows
  if (pieces.length >= 2 && pieces.every((p) => HALVES.test(words(p)))) return { pieces, kind: 'barrier', stop: true };
  if (pieces.length >= 2 && pieces.every((p) => FIELD.test(p.text))) return { pieces, kind: 'barrier', stop: true }; // a form line
  // a heading set apart by spaces (第一部分   部门概况): a table's row label of that form comes with figures
  if (pieces.length >= 2 && SECTION_START.test(words(pieces[0])) && !pieces.some((p) => p.value)) return { pieces, kind: 'barrier', stop: true };
  // prose, or cells run together: a line that cannot be read, not the table's end
  if (pieces.some((p) => p.em > MAX_PIECE_EM || RUN_TOGETHER.test(p.text))) return { pieces, kind: 'barrier', stop: false };
  return { pieces, kind: pieces.length >= 2 ? 'row' : 'part', stop: false };
}

/** Lines above and below a row line looked at for a piece that spans a letter-spaced pair of it. */
const PAIR_LOOK = 12;
const oneHan = (l: LLine, k: number) => {
  const p = l.pieces[k];
  return !!p && p.e - p.s === 1 && HAN.test(l.text[p.s]);
};

/**
 * A word letter-spaced inside a row line (`项    目      预算数    执行数`, `合    计      22      21`): two one-character
 * pieces a narrow gap apart are one cell when a row line of the table, above or below, has one piece spanning both
 * (`年度资金总额` under `项    目`: they stand in one column). Not a run of three or more (`类  款  项`, code columns), nor a pair whose letters head columns of their own
 * (`是    否` over values under each). Done per grid: the lines are new, the input's are not changed.
 */
function spacedPairs(lines: LLine[]): LLine[] {
  let out: LLine[] | null = null;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (l.kind !== 'row' || l.pieces.length < 2) continue;
    let pieces: Piece[] | null = null;
    for (let k = 0; k + 1 < l.pieces.length; k++) {
      const [a, b] = [l.pieces[k], l.pieces[k + 1]];
      if (!oneHan(l, k) || !oneHan(l, k + 1) || oneHan(l, k - 1) || oneHan(l, k + 2) || b.x0 - a.x1 > MAX_LETTER_GAP) continue;
      if (!spanned(lines, i, a, b)) continue;
      const p: Piece = { ...a, e: b.e, x1: b.x1, wx1: b.wx1 };
      describe(p, l.text);
      pieces ??= [...l.pieces];
      pieces.splice(pieces.indexOf(a), 2, p);
    }
    if (!pieces) continue;
    out ??= [...lines];
    out[i] = { ...l, pieces, kind: pieces.length >= 2 ? 'row' : 'part' };
  }
  return out ?? lines;
}

/** A row line above or below line i (up to a line that ends the table) with one piece over both letters a and b. */
function spanned(lines: LLine[], i: number, a: Piece, b: Piece): boolean {
  for (const step of [1, -1]) {
    for (let j = i + step, n = 0; j >= 0 && j < lines.length && n < PAIR_LOOK; j += step, n++) {
      const l = lines[j];
      if (l.kind === 'barrier') break;
      if (l.kind === 'row' && l.pieces.some((p) => p.x0 < a.x1 && p.x1 > b.x0)) return true;
    }
  }
  return false;
}

/** The same lines on a grid that counts CJK characters twice. */
const widened = (lines: LLine[]): LLine[] => lines.map((l) => ({ ...l, pieces: l.pieces.map((p) => ({ ...p, x0: p.wx0, x1: p.wx1 })) }));

/** The column a piece lies in, or -1 when it covers none or more than one. */
function colOf(cols: [number, number][], p: { x0: number; x1: number }): number {
  let found = -1;
  for (let c = 0; c < cols.length; c++) {
    if (p.x0 < cols[c][1] && cols[c][0] < p.x1) {
      if (found >= 0) return -1;
      found = c;
    }
  }
  return found;
}

/**
 * Grid positions covered by the pieces of a table's row lines; its columns are the runs of covered positions. A row
 * line cannot be added when the positions between two pieces of any line added would all be covered.
 */
class Coverage {
  private cover: Uint16Array;
  private zeros: Int32Array; // zeros[x]: uncovered positions before x
  private gaps: number[] = []; // [from, to) pairs: the gaps between the pieces of each line added

  constructor(width: number) {
    this.cover = new Uint16Array(width + 1);
    this.zeros = new Int32Array(width + 2);
  }

  clear(): void {
    this.cover.fill(0);
    this.gaps.length = 0;
  }

  add(l: LLine): boolean {
    this.mark(l, 1);
    const cover = this.cover;
    const zeros = this.zeros;
    for (let x = 0; x < cover.length; x++) zeros[x + 1] = zeros[x] + (cover[x] ? 0 : 1);
    const before = this.gaps.length;
    for (let k = 1; k < l.pieces.length; k++) this.gaps.push(l.pieces[k - 1].x1, l.pieces[k].x0);
    for (let k = 0; k < this.gaps.length; k += 2) {
      if (zeros[this.gaps[k + 1]] === zeros[this.gaps[k]]) {
        this.mark(l, -1);
        this.gaps.length = before;
        return false;
      }
    }
    return true;
  }

  private mark(l: LLine, d: number): void {
    for (const p of l.pieces) for (let x = p.x0; x < p.x1; x++) this.cover[x] += d;
  }

  columns(): [number, number][] {
    const out: [number, number][] = [];
    for (let x = 0; x < this.cover.length; x++) {
      if (!this.cover[x]) continue;
      const last = out[out.length - 1];
      if (last && last[1] === x) last[1] = x + 1;
      else out.push([x, x + 1]);
    }
    return out;
  }
}

/** The columns of `rows`, or null when they cannot be told apart. */
function columns(rows: LLine[]): [number, number][] | null {
  const width = Math.max(0, ...rows.flatMap((l) => l.pieces.map((p) => p.x1)));
  const cov = new Coverage(width);
  return rows.every((l) => cov.add(l)) ? cov.columns() : null;
}

const fits = (l: LLine, cols: [number, number][]) => l.pieces.every((p) => colOf(cols, p) >= 0);

interface Block {
  /** lines[from..to] of the page */
  from: number;
  to: number;
  cols: [number, number][];
}

/**
 * Blocks of one page's lines that may be tables: a run of row lines with one column layout and the part and blank
 * lines between them, with part lines just above and below that fit its columns. A part line between that fits no
 * column ends the run.
 */
function blocksOf(lines: LLine[]): Block[] {
  const out: Block[] = [];
  let width = 0;
  for (const l of lines) for (const p of l.pieces) width = Math.max(width, p.x1);
  const cov = new Coverage(width);
  let low = 0; // lines before this belong to the block before
  let i = 0;
  while (i < lines.length) {
    if (lines[i].kind !== 'row') {
      i++;
      continue;
    }
    const rows = [lines[i]];
    cov.clear();
    cov.add(lines[i]);
    let last = i;
    let blanks = 0;
    for (let j = i + 1; j < lines.length; j++) {
      const l = lines[j];
      if (l.kind === 'barrier') break;
      if (l.kind === 'blank') {
        if (++blanks > MAX_BLANKS) break;
        continue;
      }
      blanks = 0;
      if (l.kind === 'part') continue;
      if (!cov.add(l)) break;
      rows.push(l);
      last = j;
    }
    let cols = cov.columns();
    let next = last + 1;
    // a part line between that fits no column ends the run before it (fewer rows may part the columns further)
    for (;;) {
      let cut = i + 1;
      while (cut < last && (lines[cut].kind !== 'part' || fits(lines[cut], cols))) cut++;
      if (cut >= last) break;
      while (lines[last].kind !== 'row' || last >= cut) last--;
      cols = columns(rows.filter((r) => r.start <= lines[last].start))!;
      next = cut + 1;
    }
    // (a heading just above or below a table is no part of it: 三、存在的问题)
    const edge = (l: LLine) => l.kind === 'part' && fits(l, cols) && !SECTION_START.test(l.pieces[0].text);
    let from = i;
    while (from > low && i - from < MAX_EDGE && edge(lines[from - 1])) from--;
    let to = last;
    while (to + 1 < lines.length && to - last < MAX_EDGE && edge(lines[to + 1])) to++;
    out.push({ from, to, cols });
    low = to + 1;
    i = Math.max(next, to + 1);
  }
  return out;
}

/** A row: lines [a, b] of a block. */
interface Row {
  a: number;
  b: number;
}

const balanced = (s: string) => (s.match(/[（(]/g)?.length ?? 0) === (s.match(/[）)]/g)?.length ?? 0);

/** The rows of a block (see the head of this file); `around`: the lines just above and below it (or null). */
/** `top`: cells top-aligned (a Word table printed by a browser or a PDF writer that keeps Word's layout): every cell of
 *  a row starts on its first line, which is a row line, and a wrapped cell goes on below it. */
/** `align`: 'bottom' cells bottom-aligned (every cell ends on the band's last line, a row line): only to weigh the top
 *  reading, see findAll. `sure`: the top reading is the block's only one (see the drop below). */
function rowsOf(ls: LLine[], cols: [number, number][], around: [LLine | null, LLine | null], align: 'centre' | 'top' | 'bottom' = 'centre', sure = false): Row[] {
  const top = align === 'top';
  const n = ls.length;
  for (const l of ls) for (const p of l.pieces) p.col = colOf(cols, p);
  const widest = cols.map(() => 0);
  for (const l of ls) for (const p of l.pieces) widest[p.col] = Math.max(widest[p.col], p.em);
  /** q, on a later line in p's column, goes on p's cell */
  const goesOn = (p: Piece, q: Piece) => !p.value && !q.value && !p.ends && !q.starts && p.em + q.lead > widest[p.col] - FIT_SLACK;
  const figures = (l: LLine) => l.kind === 'row' && l.pieces.some((p) => p.value);

  const nc = cols.length;
  const firstAt = new Int32Array(nc);
  const lastAt = new Int32Array(nc);
  const prev: (Piece | null)[] = new Array(nc);
  const valid = (a: number, b: number): boolean => {
    let row = false;
    firstAt.fill(-1);
    prev.fill(null);
    for (let k = a; k <= b; k++) {
      const l = ls[k];
      if (l.kind === 'blank') return false;
      if (l.kind === 'row') row = true;
      for (const p of l.pieces) {
        const q = prev[p.col];
        if (q && !goesOn(q, p)) return false;
        prev[p.col] = p;
        if (firstAt[p.col] < 0) firstAt[p.col] = k;
        lastAt[p.col] = k;
      }
    }
    if (!row) return false;
    if (top) {
      if (ls[a].kind !== 'row') return false;
      for (let c = 0; c < nc; c++) if (firstAt[c] >= 0 && firstAt[c] !== a) return false; // every cell from the band's first line
      return true;
    }
    if (align === 'bottom') {
      if (ls[b].kind !== 'row') return false;
      for (let c = 0; c < nc; c++) if (firstAt[c] >= 0 && lastAt[c] !== b) return false; // every cell to the band's last line
      return true;
    }
    for (let c = 0; c < nc; c++) if (firstAt[c] >= 0 && firstAt[c] + lastAt[c] !== a + b) return false; // every cell around the band's middle
    return true;
  };
  const ok: boolean[][] = ls.map(() => []);
  for (let a = 0; a < n; a++) for (let b = a; b < n && b - a < MAX_BAND; b++) ok[a][b] = valid(a, b);

  // f[i]: fewest lines left out of ls[0, i), g[i]: of ls[i, n); cf, cg: how many cuttings reach that (capped)
  const CAP = 1e9;
  const f = new Array<number>(n + 1).fill(Infinity);
  const g = new Array<number>(n + 1).fill(Infinity);
  const cf = new Array<number>(n + 1).fill(0);
  const cg = new Array<number>(n + 1).fill(0);
  const reach = (arr: number[], cnt: number[], at: number, cost: number, count: number) => {
    if (cost < arr[at]) [arr[at], cnt[at]] = [cost, count];
    else if (cost === arr[at]) cnt[at] = Math.min(CAP, cnt[at] + count);
  };
  const out = (k: number) => (ls[k].kind === 'blank' ? 0 : 1);
  [f[0], cf[0], g[n], cg[n]] = [0, 1, 0, 1];
  for (let i = 0; i < n; i++) {
    reach(f, cf, i + 1, f[i] + out(i), cf[i]);
    for (let b = i; b < n && b - i < MAX_BAND; b++) if (ok[i][b]) reach(f, cf, b + 1, f[i], cf[i]);
  }
  for (let i = n - 1; i >= 0; i--) {
    reach(g, cg, i, g[i + 1] + out(i), cg[i + 1]);
    for (let b = i; b < n && b - i < MAX_BAND; b++) if (ok[i][b]) reach(g, cg, i, g[b + 1], cg[b + 1]);
  }
  let rows: Row[] = [];
  if (align === 'bottom') return f[n] > 0 ? [] : [{ a: 0, b: n - 1 }]; // (only whether it reads every line)
  if (cf[n] >= CAP) return rows;
  for (let a = 0; a < n; a++)
    for (let b = a; b < n && b - a < MAX_BAND; b++)
      if (ok[a][b] && f[a] + g[b + 1] === f[n] && cf[a] * cg[b + 1] === cf[n]) rows.push({ a, b });

  // drop rows that are not certain, until none is dropped
  for (;;) {
    const rowAt = new Array<Row | null>(n).fill(null);
    for (const r of rows) for (let k = r.a; k <= r.b; k++) rowAt[k] = r;
    const bad = new Set<Row>();
    for (const r of rows) {
      const first = new Map<number, [Piece, number]>();
      const last = new Map<number, [Piece, number]>();
      const text = new Map<number, string>();
      for (let k = r.a; k <= r.b; k++)
        for (const p of ls[k].pieces) {
          if (!first.has(p.col)) first.set(p.col, [p, k]);
          last.set(p.col, [p, k]);
          text.set(p.col, (text.get(p.col) ?? '') + p.text);
        }
      if ([...text.values()].some((t) => !balanced(t))) bad.add(r);
      for (const [u, up] of [[r.a - 1, true], [r.b + 1, false]] as const) {
        const line = u < 0 ? around[0] : u >= n ? around[1] : ls[u];
        if (!line || line.stop) continue;
        const other = u >= 0 && u < n ? rowAt[u] : null;
        for (const q of line.pieces) {
          const col = line.kind === 'barrier' ? -1 : u >= 0 && u < n ? q.col : colOf(cols, q);
          if (col < 0) {
            bad.add(r); // a line outside the table, over several of its columns
            continue;
          }
          const own = (up ? first : last).get(col);
          if (!own) {
            if (!other) bad.add(r); // text in a column the row leaves empty: it may be this row's
            continue;
          }
          const [p, k] = own;
          if (!(up ? goesOn(q, p) : goesOn(p, q))) continue;
          // a row line of figures under a row line starts its own cells (a header over figures, rows of figures)
          const [upper, lower] = up ? [line, ls[k]] : [ls[k], line];
          if (upper.kind === 'row' && figures(lower)) continue;
          // read top-aligned where no bottom-aligned reading holds every line (`sure`), a row of figures under another
          // row's wrapped cell (…⇥举办科普⏎讲座场次 over ⇥质量指标⇥发放科普⇥≥5000份⇥…): a band opens with its row line and
          // figures never go on a cell, so the lower row cannot be the upper going on. Both must be rows of figures (a header
          // taking a line under it may be a centred row's top) and the line above a row one of a row (a line left out above
          // it may be its centred cell's top)
          if (top && sure && figures(lower) && (up ? other !== null : figures(ls[r.a]))) continue;
          bad.add(r);
          if (other) bad.add(other);
        }
      }
    }
    if (!bad.size) return rows;
    rows = rows.filter((r) => !bad.has(r));
  }
}

/** The tab-separated line of a row: each column's pieces, top to bottom, joined. */
function rowText(ls: LLine[], r: Row, ncols: number): string {
  const cells = new Array<string>(ncols).fill('');
  for (let k = r.a; k <= r.b; k++)
    for (const p of ls[k].pieces) {
      const c = cells[p.col];
      cells[p.col] = c + (/[A-Za-z]$/.test(c) && /^[A-Za-z]/.test(p.text) ? ' ' : '') + p.text;
    }
  return cells.join('\t');
}

interface Found {
  /** the block's lines and its rows */
  lines: LLine[];
  block: Block;
  rows: Row[];
  /** each row's cells, tab-separated, where its own columns place them (a run of stacked pairs); else rowText */
  texts?: string[];
}

type RawLine = { start: number; end: number; text: string };

/**
 * Stretches of a page's lines that may hold a table: around two or more lines with a gap of spaces, at most
 * NEAR lines apart (the other lines are never looked at).
 */
function windows(page: RawLine[]): RawLine[][] {
  const gaps: number[] = [];
  page.forEach((l, k) => ANY_GAP.test(l.text) && gaps.push(k));
  const out: RawLine[][] = [];
  for (let i = 0; i < gaps.length; ) {
    let j = i;
    while (j + 1 < gaps.length && gaps[j + 1] - gaps[j] <= NEAR) j++;
    if (j > i) out.push(page.slice(Math.max(0, gaps[i] - MAX_EDGE - 1), gaps[j] + MAX_EDGE + 2));
    i = j + 1;
  }
  return out;
}

function classified(w: RawLine[]): LLine[] {
  const out: LLine[] = [];
  let above: LLine | null = null; // the last line that is not blank
  for (const l of w) {
    let c = classify(l.text);
    // a group header heads a table: under a row line it is a sub-header of one-character cells (是    否 … 是    否)
    if (c.pieces[0]?.spaced && above?.kind === 'row') c = classify(l.text, false);
    const line = { start: l.start, end: l.end, text: l.text, ...c };
    out.push(line);
    if (c.kind !== 'blank') above = line;
  }
  return out;
}

/**
 * How well a grid reading lines up the columns: row lines that share a column layout with the row line before them
 * (a wrong reading of CJK widths cuts the tables into pieces).
 */
function alignment(ws: LLine[][]): number {
  let together = 0;
  let cols = 0;
  for (const lines of ws)
    for (const b of blocksOf(lines)) {
      together += lines.slice(b.from, b.to + 1).filter((l) => l.kind === 'row').length - 1;
      cols += b.cols.length;
    }
  // then fewer columns: pieces of one column that line up overlap, read wrongly they drift apart
  return together * 1000 - cols;
}

function findAll(ws: LLine[][]): Found[] {
  const out: Found[] = [];
  for (const lines of ws) {
    for (const block of blocksOf(lines)) {
      const ls = lines.slice(block.from, block.to + 1);
      if (block.cols.length < 2 || ls.filter((l) => l.kind === 'row').length < 2) continue; // two rows need two row lines
      const around: [LLine | null, LLine | null] = [lines[block.from - 1] ?? null, lines[block.to + 1] ?? null];
      let rows = rowsOf(ls, block.cols, around);
      // a block whose lines the centred reading leaves out may be laid out top-aligned: that reading, read by itself (the
      // two are never mixed in one block), is taken when it puts more lines into rows
      const held = (rs: Row[]) => rs.reduce((n, r) => n + r.b - r.a + 1, 0);
      if (held(rows) < ls.filter((l) => l.kind !== 'blank').length) {
        // (a line between two rows of figures is the upper's cell going on, read top-aligned, or the lower's first line,
        // read bottom-aligned: the top reading is sure only where no bottom reading holds every line, e.g. the last
        // row's wrapped cell under it, `…⇥群众满意⏎度⏎总分⇥⇥100⇥96`)
        const sure = rowsOf(ls, block.cols, around, 'bottom').length === 0;
        const topRows = rowsOf(ls, block.cols, around, 'top', sure);
        if (held(topRows) > held(rows)) rows = topRows;
      }
      const cells = rows.map((r) => rowText(ls, r, block.cols.length).split('\t'));
      if (block.cols.length < 2 || cells.filter((c) => c.filter(Boolean).length >= 2).length < 2) continue;
      if (halfTargetTable(ls, rows, cells[0])) continue;
      // two neighbouring columns never filled in one row may be one column read apart: which cell is whose is not sure
      const apart = block.cols.some((_, c) => c > 0 && !cells.some((row) => row[c - 1] && row[c]));
      if (!apart) out.push({ lines: ls, block, rows });
    }
    stackedPairs(lines, out);
  }
  return out;
}

/**
 * A target-only indicator table (`一级指标 … 三级指标    指标值`: name or level columns, one target column last) with a line
 * of its own left out of its rows: its cells are text that may wrap, so only rows with a figure (which never wraps) were
 * told apart, and half its indicators would be read. None of it is written: the table stage reads it whole from its spaces
 * when its layout leaves no doubt (structure/spacedTargets.ts), else not at all.
 */
function halfTargetTable(ls: LLine[], rows: Row[], header: string[]): boolean {
  const fields = header.map((c) => indicatorColumnField(c.replace(/\s+/g, '')));
  const last = fields.length - 1;
  if (fields[last] !== 'target' || !fields.slice(0, last).every((f) => f === 'level' || (f !== null && /^level[123]$/.test(f)))) return false;
  const inRow = (k: number) => rows.some((r) => r.a <= k && k <= r.b);
  return ls.some((l, k) => l.kind !== 'blank' && !inRow(k) && (l.kind === 'row' || (k > rows[0].a && k < rows[rows.length - 1].b)));
}

const figureLine = (l: LLine) => l.kind === 'row' && l.pieces.every((p) => p.value);
const overlap = (a: Piece, b: Piece) => a.x0 < b.x1 && b.x0 < a.x1;
/** `f`'s figures each under its own label of `h` alone (their spans overlap, no other label's), as many as labels */
const pairsWith = (h: LLine, f: LLine) =>
  h.pieces.length === f.pieces.length && f.pieces.every((p, k) => h.pieces.every((q, j) => overlap(p, q) === (j === k)));

/** Lines of a label row of stacked pairs, at most: a label wrapped once, maybe a one-line label centred between its lines. */
const MAX_LABEL_LINES = 3;

/**
 * A label row over its figures whose labels may wrap (`“三公”经费预算数    “三公”经费实际支` ⏎ `出数` over `3.20    1.86`, or
 * centred: the wrapped label's lines above and below the other's line): lines[k..] up to the figure line, no figures among
 * them. Its cells are the pieces standing over one another (overlapping); each cell one piece a line, every line but its
 * last as wide as its last at least (a line goes on into the next only when full; not after a colon or bracket, not
 * before a list number), the cells side by side, as many as the figures and each figure under its own cell alone. One
 * line is a label line as it stands. Null when the lines are no such row.
 */
function labelBand(lines: LLine[], k: number, after: (k: number) => number): { to: number; f: number; text: string } | null {
  const band: number[] = [];
  let n = k;
  while (n < lines.length && (lines[n].kind === 'row' || lines[n].kind === 'part') && !lines[n].pieces.some((p) => p.value)) {
    if (band.length === MAX_LABEL_LINES) return null;
    band.push(n);
    n = after(n);
  }
  if (!band.length || n >= lines.length || !figureLine(lines[n])) return null;
  const f = lines[n];
  const to = band[band.length - 1];
  if (band.length === 1) return pairsWith(lines[k], f) ? { to, f: n, text: lines[k].pieces.map((p) => p.text).join('\t') } : null;
  const cells: { x0: number; x1: number; pieces: Piece[]; rows: number[] }[] = [];
  for (const [r, l] of band.entries()) {
    for (const p of lines[l].pieces) {
      const meet = cells.filter((c) => c.x0 < p.x1 && p.x0 < c.x1);
      if (meet.length > 1 || meet[0]?.pieces.some((q) => lines[l].pieces.includes(q))) return null; // two cells, or two pieces of one line
      if (meet[0]) {
        meet[0].pieces.push(p);
        meet[0].rows.push(r);
        meet[0].x0 = Math.min(meet[0].x0, p.x0);
        meet[0].x1 = Math.max(meet[0].x1, p.x1);
      } else cells.push({ x0: p.x0, x1: p.x1, pieces: [p], rows: [r] });
    }
  }
  cells.sort((a, b) => a.x0 - b.x0);
  for (let c = 1; c < cells.length; c++) if (cells[c].x0 < cells[c - 1].x1) return null;
  const wraps = (ps: Piece[]) => ps.every((p, i) => i === ps.length - 1 || (p.em >= ps[ps.length - 1].em && !p.ends && !ps[i + 1].starts));
  if (!cells.every((c) => wraps(c.pieces) && c.pieces.every((p) => !SECTION_START.test(p.text)))) return null;
  // a cell's lines left-aligned or centred on one another, and the cells top-aligned (each starts on the band's first line) or
  // each centred on its middle line (a line over the labels, 基本信息 over 编制人数, is neither: no part of them)
  const aligned = (c: { pieces: Piece[] }) => c.pieces.every((p) => Math.abs(p.x0 - c.pieces[0].x0) <= 1 || Math.abs(p.x0 + p.x1 - c.pieces[0].x0 - c.pieces[0].x1) <= 3);
  const topAligned = cells.every((c) => c.rows[0] === 0);
  const centred = cells.every((c) => c.rows[0] + c.rows[c.rows.length - 1] === band.length - 1);
  if (!cells.every(aligned) || !(topAligned || centred)) return null;
  if (cells.length !== f.pieces.length || !f.pieces.every((p, j) => cells.every((c, i) => (p.x0 < c.x1 && c.x0 < p.x1) === (i === j)))) return null;
  return { to, f: n, text: cells.map((c) => c.pieces.map((p) => p.text).join('')).join('\t') };
}

/**
 * A table of label rows each over its row of figures, each pair of rows cut into cells of its own (a 基础数据表's
 * `编制人数  实有人数 …` over `9  8 …`, then `年初预算数  全年预算数 …` over `212.50  230.80 …`, set out in cells of other widths):
 * no one column layout holds them, so the blocks split them apart or leave them out. A row line of labels only right over
 * a row line of as many figures only, each figure under its own label alone, is a pair (its labels may wrap: labelBand);
 * two or more pairs one after the other (a blank line or two between any two lines, as in a text with one after every
 * printed line) are one table, each label row and figure line a row, its cells as its pieces. Taken when no table
 * found holds all its lines as rows, and every table found among them lies within it (those give way); else left as found.
 */
function stackedPairs(lines: LLine[], out: Found[]): void {
  // (the next line that is not blank, up to MAX_BLANKS blank lines on: a text with a blank line after every printed line)
  const after = (k: number) => {
    let n = k + 1;
    while (n < lines.length && lines[n].kind === 'blank' && n - k <= MAX_BLANKS) n++;
    return n < lines.length && lines[n].kind !== 'blank' ? n : lines.length;
  };
  for (let i = 0; i < lines.length; ) {
    const run: { a: number; b: number; text: string }[] = [];
    let k = i;
    for (;;) {
      const band = labelBand(lines, k, after);
      if (!band) break;
      run.push({ a: k, b: band.to, text: band.text }, { a: band.f, b: band.f, text: lines[band.f].pieces.map((p) => p.text).join('\t') });
      k = after(band.f);
      if (k >= lines.length) break;
    }
    if (run.length < 4) {
      i = Math.max(i + 1, k);
      continue;
    }
    const [top, end] = [run[0].a, run[run.length - 1].b];
    i = end + 1;
    const [first, last] = [lines[top], lines[end]];
    const inRun = (f: Found) => f.lines.some((l) => l.kind !== 'blank' && l.start >= first.start && l.start <= last.start);
    const meeting = out.filter(inRun);
    const within = (f: Found) => f.lines.every((l) => l.kind === 'blank' || (l.start >= first.start && l.start <= last.start));
    const whole = meeting.some((f) => run.every((r) => f.rows.some((x) => f.lines[x.a].start === lines[r.a].start && f.lines[x.b].start === lines[r.b].start)));
    if (whole || !meeting.every(within)) continue;
    for (const f of meeting) out.splice(out.indexOf(f), 1);
    const ls = lines.slice(top, end + 1);
    out.push({ lines: ls, block: { from: top, to: end, cols: [] }, rows: run.map((r) => ({ a: r.a - top, b: r.b - top })), texts: run.map((r) => r.text) });
  }
}

/**
 * Rewrites the tables of a text laid out in columns: rows as tab-separated lines. Null when nothing was found (the
 * text is returned unchanged then).
 */
export function readLayoutTables(text: string, pages: Page[] | null): LayoutTables | null {
  if (!ANY_GAP.test(text)) return null; // ordinary text: no line has a gap of spaces
  const lines: { start: number; end: number; text: string }[] = [];
  for (let s = 0; s <= text.length; ) {
    let e = text.indexOf('\n', s);
    if (e < 0) e = text.length;
    lines.push({ start: s, end: e, text: text.slice(s, e) });
    s = e + 1;
  }
  const bounds = pages ?? [{ num: 1, start: 0, end: text.length + 1 }];
  const ws: RawLine[][] = [];
  let k = 0;
  for (const p of bounds) {
    const page: RawLine[] = [];
    while (k < lines.length && lines[k].start < Math.max(p.end, p.start + 1)) page.push(lines[k++]);
    ws.push(...windows(page));
  }
  if (!ws.length) return null;
  const read = ws.map(classified);
  const narrow = read.map(spacedPairs);
  const wide = read.map(widened).map(spacedPairs);
  const found = findAll(alignment(wide) > alignment(narrow) ? wide : narrow);
  if (!found.length) return null;

  // rewrite: a row's lines become one line; other lines are kept
  const replace = new Map<number, { to: number; line: string }>(); // text offset of a row's first line → its last line's end
  const tableAt = new Map<number, number>(); // first line's start → last line's end, per table
  let joined = 0;
  let unread = 0;
  for (const f of found) {
    for (const [n, r] of f.rows.entries()) {
      replace.set(f.lines[r.a].start, { to: f.lines[r.b].end, line: f.texts?.[n] ?? rowText(f.lines, r, f.block.cols.length) });
      joined += r.b - r.a;
    }
    const inRow = new Set(f.rows.flatMap((r) => Array.from({ length: r.b - r.a + 1 }, (_, k) => r.a + k)));
    unread += f.lines.filter((l, k) => l.kind !== 'blank' && !inRow.has(k)).length;
    const body = f.lines.filter((l) => l.kind !== 'blank');
    tableAt.set(body[0].start, body[body.length - 1].end);
  }
  let out = '';
  let pos = 0;
  const moved: [number, number][] = []; // (old offset, new offset) at every kept or rewritten line start
  const tables: Span[] = [];
  let open: { start: number; end: number } | null = null;
  for (const l of lines) {
    if (l.start < pos) continue; // inside a rewritten row
    out += text.slice(pos, l.start);
    moved.push([l.start, out.length]);
    const t = tableAt.get(l.start);
    if (t !== undefined) open = { start: out.length, end: t };
    const r = replace.get(l.start);
    if (r) {
      out += r.line;
      pos = r.to;
    } else {
      out += l.text;
      pos = l.end;
    }
    if (open && pos >= open.end) {
      tables.push({ start: open.start, end: out.length });
      open = null;
    }
  }
  out += text.slice(pos);
  const at = (offset: number) => {
    let lo = 0;
    let hi = moved.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (moved[mid][0] <= offset) lo = mid;
      else hi = mid - 1;
    }
    const [o, nw] = moved[lo] ?? [0, 0];
    return nw + Math.max(0, offset - o);
  };
  const newPages = pages?.map((p, i) => ({ ...p, start: at(p.start), end: i + 1 < pages.length ? at(pages[i + 1].start) : out.length })) ?? null;
  return { text: out, pages: newPages, tables, rows: found.reduce((n, f) => n + f.rows.length, 0), joined, unread, at };
}
