// Spreadsheet cells → the document model the Word reader renders (src/read/docx.ts renderDocx), so a sheet reads as a
// Word copy of it would: a row of one cell is a paragraph (a title, a note, a report typed down column A), a block of
// rows with several cells is a table, and a merged range is a merged cell. Shared by the .xlsx and .xls readers.
import type { MNode } from './docx.js';
import { ReadError } from './errors.js';

export interface Range {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

export interface Sheet {
  name: string;
  /** row → column → the text the cell shows (0-based) */
  cells: Map<number, Map<number, string>>;
  merges: Range[];
  hiddenRows: Set<number>;
  hiddenCols: Set<number>;
}

export const newSheet = (name: string): Sheet => ({ name, cells: new Map(), merges: [], hiddenRows: new Set(), hiddenCols: new Set() });

/** More filled cells than any report's tables: a data export, not a report (and bounded work). */
const MAX_CELLS = 200_000;

/** The filled cells of one workbook so far, over all its sheets. */
export interface CellCount {
  cells: number;
}

/** Sets a filled cell; past MAX_CELLS in the workbook (`count`), too_large. */
export function setCell(sheet: Sheet, r: number, c: number, text: string, count: CellCount): void {
  if (!text) return;
  if (++count.cells > MAX_CELLS) throw new ReadError('too_large', `the workbook has more than ${MAX_CELLS} filled cells: a data export, not a report`);
  let row = sheet.cells.get(r);
  if (!row) sheet.cells.set(r, (row = new Map()));
  row.set(c, text);
}

/** A merged range, its corners in order whatever order the file wrote them in. */
export function addMerge(sheet: Sheet, r1: number, c1: number, r2: number, c2: number): void {
  sheet.merges.push({ r1: Math.min(r1, r2), c1: Math.min(c1, c2), r2: Math.max(r1, r2), c2: Math.max(c1, c2) });
}

/** `B3` → row 2, column 1 (0-based); null for anything else. */
export function parseRef(ref: string): { r: number; c: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(ref);
  if (!m) return null;
  let c = 0;
  for (const ch of m[1].toUpperCase()) c = c * 26 + (ch.charCodeAt(0) - 64);
  return { r: Number(m[2]) - 1, c: c - 1 };
}

const blank = (s: string | undefined) => !s || !s.replace(/[\s\u3000\u00a0]/g, '');

interface Block {
  kind: 'prose' | 'table';
  rows: number[];
}

/**
 * The sheet's visible rows in order, grouped: a row with one filled cell (a merged range counts once) is prose unless
 * a vertical merge of a table row covers it or it sits between two table rows. A row with nothing in it ends a table,
 * unless a merged range from the rows above covers it.
 */
function blocks(sheet: Sheet, merges: Range[], covered: Set<string>): Block[] {
  const rows = [...sheet.cells.keys()].filter((r) => !sheet.hiddenRows.has(r)).sort((a, b) => a - b);
  const filled = (r: number) => {
    let n = 0;
    for (const [c, t] of sheet.cells.get(r) ?? []) if (!sheet.hiddenCols.has(c) && !covered.has(`${r},${c}`) && !blank(t)) n++;
    return n;
  };
  const counts = new Map(rows.map((r) => [r, filled(r)]));
  const used = rows.filter((r) => counts.get(r)! > 0);
  // rows under a vertical merge that starts in a table row, and how far each row's merges reach
  const underTableMerge = new Set<number>();
  const reach = new Map<number, number>();
  for (const m of merges) {
    reach.set(m.r1, Math.max(reach.get(m.r1) ?? m.r1, m.r2));
    if ((counts.get(m.r1) ?? 0) > 1) for (let r = m.r1 + 1; r <= m.r2; r++) underTableMerge.add(r);
  }
  const mergeEnd = (r: number) => reach.get(r) ?? r;
  const kinds = used.map((r, i): Block['kind'] => {
    if (counts.get(r)! > 1 || underTableMerge.has(r)) return 'table';
    const prev = used[i - 1];
    const next = used[i + 1];
    if (prev !== undefined && next !== undefined && counts.get(prev)! > 1 && counts.get(next)! > 1 && mergeEnd(prev) + 1 >= r && mergeEnd(r) + 1 >= next) return 'table';
    return 'prose';
  });
  const out: (Block & { end: number })[] = [];
  used.forEach((r, i) => {
    const kind = kinds[i];
    const last = out[out.length - 1];
    if (last && last.kind === kind && (kind === 'prose' || last.end + 1 >= r)) {
      last.rows.push(r);
      last.end = Math.max(last.end, mergeEnd(r));
    } else out.push({ kind, rows: [r], end: mergeEnd(r) });
  });
  return out;
}

/** Grid positions a sheet may lay out (merged ranges, table rows × width): a report's forms need a few thousand (a 决算 table of 200 rows × 20 columns is 4,000). A
 *  damaged or hostile file (a merge over a million rows, a stray cell in column XFD) stops here, bounded. */
const MAX_GRID = 60_000;
const tooLarge = (what: string) => new ReadError('too_large', `the sheet's ${what} cover more than ${MAX_GRID} cells: not a report form`);

/** Merged ranges cut to the sheet's filled cells (a range past the last filled row or column lays out nothing). */
function clippedMerges(sheet: Sheet): Range[] {
  let maxR = -1;
  let maxC = -1;
  for (const [r, row] of sheet.cells) {
    maxR = Math.max(maxR, r);
    for (const c of row.keys()) maxC = Math.max(maxC, c);
  }
  let area = 0;
  const out: Range[] = [];
  for (const m of sheet.merges) {
    if (m.r1 > maxR || m.c1 > maxC) continue;
    const k = { r1: m.r1, c1: m.c1, r2: Math.min(m.r2, maxR), c2: Math.min(m.c2, maxC) };
    if (k.r1 === k.r2 && k.c1 === k.c2) continue;
    area += (k.r2 - k.r1 + 1) * (k.c2 - k.c1 + 1);
    if (area > MAX_GRID) throw tooLarge('merged ranges');
    out.push(k);
  }
  return out;
}

const textNode = (value: string): MNode => ({ type: 'text', value });
const paragraph = (value: string): MNode => ({ type: 'paragraph', children: [textNode(value)] });

/** A cell's text as Word cell paragraphs: its lines (Alt+Enter) each a paragraph, so 年初⏎预算数 joins as 年初预算数. */
const cellNode = (text: string, colSpan: number, rowSpan: number): MNode => ({
  type: 'tableCell',
  colSpan,
  rowSpan,
  children: text.split(/\r\n?|\n/).map(paragraph),
});

function tableNode(sheet: Sheet, rows: number[], mergeAt: Map<string, Range>, covered: Set<string>, budget: number): MNode {
  const last = rows[rows.length - 1];
  let minC = Infinity;
  let maxC = -1;
  for (const r of rows) {
    for (const [c, t] of sheet.cells.get(r) ?? []) {
      if (sheet.hiddenCols.has(c) || blank(t)) continue;
      const m = mergeAt.get(`${r},${c}`);
      minC = Math.min(minC, c);
      maxC = Math.max(maxC, m ? m.c2 : c);
    }
  }
  if (rows.length * (maxC - minC + 1) > budget) throw tooLarge('tables');
  const out: MNode = { type: 'table', children: [] };
  for (const r of rows) {
    const row: MNode = { type: 'tableRow', children: [] };
    for (let c = minC; c <= maxC; c++) {
      if (sheet.hiddenCols.has(c) || covered.has(`${r},${c}`)) continue;
      const m = mergeAt.get(`${r},${c}`);
      const text = sheet.cells.get(r)?.get(c) ?? '';
      if (m) {
        let cols = 0;
        for (let k = c; k <= Math.min(m.c2, maxC); k++) if (!sheet.hiddenCols.has(k)) cols++;
        let rowSpan = 0;
        for (const rr of rows) if (rr >= r && rr <= Math.min(m.r2, last)) rowSpan++;
        row.children!.push(cellNode(text, Math.max(1, cols), Math.max(1, rowSpan)));
        c = Math.max(c, Math.min(m.c2, maxC)); // (never backwards)
      } else row.children!.push(cellNode(text, 1, 1));
    }
    out.children!.push(row);
  }
  return out;
}

/** The sheets as one Word-like document: each sheet's prose rows as paragraphs and its tables as tables, in order. */
export function sheetsToDocument(sheets: Sheet[]): MNode {
  const root: MNode = { type: 'document', children: [] };
  for (const sheet of sheets) {
    const merges = clippedMerges(sheet);
    const mergeAt = new Map<string, Range>();
    const covered = new Set<string>();
    for (const m of merges) {
      mergeAt.set(`${m.r1},${m.c1}`, m);
      for (let r = m.r1; r <= m.r2; r++) for (let c = m.c1; c <= m.c2; c++) if (r !== m.r1 || c !== m.c1) covered.add(`${r},${c}`);
    }
    let grid = 0;
    for (const b of blocks(sheet, merges, covered)) {
      if (b.kind === 'table') {
        const t = tableNode(sheet, b.rows, mergeAt, covered, MAX_GRID - grid);
        grid += t.children!.reduce((n, row) => n + row.children!.length, 0);
        root.children!.push(t);
        continue;
      }
      for (const r of b.rows) {
        for (const [c, t] of [...(sheet.cells.get(r) ?? [])].sort((a, b) => a[0] - b[0])) {
          if (sheet.hiddenCols.has(c) || blank(t)) continue;
          for (const line of t.split(/\r\n?|\n/)) root.children!.push(paragraph(line));
        }
      }
    }
  }
  return root;
}
