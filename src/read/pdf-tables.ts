// Ruled tables in a PDF → rows of cells, rendered like a Word table (one line per row, cells separated by \t,
// the lines of a cell joined with nothing; a cell covered by a vertical merge is an empty cell, a horizontally
// merged cell is written once). The grid — cell boxes with colspan/rowspan — comes from pdf-parse's own table
// finder, which reads the ruling lines of the page; we put the positioned text into its cells.
import { Line, Point, Table as LineTable } from 'pdf-parse';
import type { TextLine, TextPiece } from './pdf-layout.js';
import { piecesToLines } from './pdf-layout.js';
import { pdfjsOps } from './pdfjs.js';

/** A cell box from pdf-parse (viewport coordinates, y grows downwards). */
export interface GridCell {
  minXY: { x: number; y: number };
  maxXY: { x: number; y: number };
  colspan?: number;
  rowspan?: number;
}

export interface GridTable {
  minXY: { x: number; y: number };
  maxXY: { x: number; y: number };
  rows: GridCell[][];
  /** the page's vertical ruling lines (merged where collinear): x and [y0, y1] */
  vLines?: { x: number; y0: number; y1: number }[];
}

/** A table row as a line of the page, with each cell's [start, end) inside the line text. */
export interface RowLine extends TextLine {
  table: number;
  row: number;
  cells: RowCell[];
  /** left edges of the table's columns */
  cols: number[];
}

export interface RowCell {
  col: number;
  /** offsets inside the row line */
  start: number;
  end: number;
  colSpan: number;
  rowSpan: number;
  text: string;
  /** a position covered by a vertical merge: the cell above that covers it */
  coveredBy?: RowCell;
}

/**
 * A gap wider than this (in em) between two pieces on one visual line may separate the texts of two cells: they
 * are at least both cells' padding apart (Word 0.19 cm a side, LibreOffice 0.1 cm: 0.47 em at 12 pt). Measured on
 * the corpus: the narrowest gap between cells 0.47 em, the widest gap in body text 0.26 em (a space).
 */
const CELL_GAP = 0.4;
/**
 * Baselines closer than this (in em) are one visual line. Generous: a one-line cell centred next to a two-line
 * cell sits half a line pitch off its neighbour's baselines.
 */
const SAME_LINE = 1;

/**
 * Can the page's positioned text hold a ruled table of two or more columns? Only then is pdf-parse's table finder
 * worth its cost, a full operator list of the page (no glyph outlines since the reading options drop fonts, see
 * pdf.ts PDFJS_OPTIONS; before, they made it as costly again as reading the text).
 * A table with two columns has a row with text in two cells side by side: two pieces on one visual line with a
 * gap between them wider than cell padding. Conservative, as a yes only costs time: any such gap counts, also a
 * page number far to the right of a running header, a form line "填表人：…    联系电话：…" or wide justification.
 * Missed (read as plain lines): a ruled grid with no row that has text in two cells on one line (only one column
 * filled; cells whose texts sit a line pitch apart vertically), and cells whose texts are closer than CELL_GAP in
 * the same font — pdf.js then merges them into one piece itself, which the cell reader would put into one cell.
 * The rule assumes text running left to right on the page as shown; the caller checks that.
 */
export function mayHoldTable(pieces: TextPiece[]): boolean {
  // ink extent of each piece: white space at its ends (pdf.js puts spaces it infers there) counts as gap, its
  // width estimated per character — too much for a narrow space, which errs towards a yes
  const ps: { x0: number; x1: number; y: number; em: number }[] = [];
  for (const p of pieces) {
    const n = p.str.length;
    const lead = n - p.str.trimStart().length;
    const trail = n - p.str.trimEnd().length;
    if (lead === n) continue;
    const w = p.width / n;
    ps.push({ x0: p.x + lead * w, x1: p.x + p.width - trail * w, y: p.y, em: p.size || 1 });
  }
  ps.sort((a, b) => a.y - b.y);
  for (let i = 0; i < ps.length; i++) {
    const a = ps[i];
    const band = SAME_LINE * a.em;
    // the nearest piece that starts right of a's start on a's visual line (the y order, both ways)
    let next = Infinity;
    for (let j = i - 1; j >= 0 && a.y - ps[j].y < band; j--) if (ps[j].x0 > a.x0) next = Math.min(next, ps[j].x0 - a.x1);
    for (let j = i + 1; j < ps.length && ps[j].y - a.y < band; j++) if (ps[j].x0 > a.x0) next = Math.min(next, ps[j].x0 - a.x1);
    if (next !== Infinity && next > CELL_GAP * a.em) return true;
  }
  return false;
}

/** pdf-parse's finder, reached through its (untyped) page-level helpers; null when this version has none. */
export async function findGrids(parser: unknown, page: unknown): Promise<GridTable[]> {
  type Pt = { x: number; y: number };
  const p = parser as {
    getPageTables?: (page: unknown) => Promise<{ normalize(): void; hLines: Line[]; vLines: Line[] }>;
  };
  if (typeof p.getPageTables !== 'function') return [];
  try {
    const store = await p.getPageTables(page);
    // pdf-parse takes stroked lines only; Word's, WPS's and Chrome's exports fill thin rectangles instead
    for (const l of await filledRules(page)) (l.from.y === l.to.y ? store.hLines : store.vLines).push(l);
    store.normalize();
    // keep the vertical lines to tell real cell borders later
    const vLines = store.vLines.map((l: { from: Pt; to: Pt }) => ({ x: l.from.x, y0: Math.min(l.from.y, l.to.y), y1: Math.max(l.from.y, l.to.y) }));
    // a real table has at least two rows and two columns
    return connectedTables(store.hLines, store.vLines)
      .filter((t) => t.rows.length >= 2 && Math.max(...t.rows.map((r) => r.length)) >= 2)
      .map((t) => ({ ...t, rows: t.rows, vLines }));
  } catch {
    return [];
  }
}

/** A filled rectangle at most this thick (pt) is a ruling line: Word draws 0.5 pt borders, Chrome 1 px. */
const RULE_THICKNESS = 2.5;
/** …and at least this long (pt), as pdf-parse asks of stroked lines. */
const RULE_LENGTH = 5;

interface OpPage {
  getViewport(o: { scale: number }): { transform: number[] };
  getOperatorList(): Promise<{ fnArray: number[]; argsArray: unknown[][] }>;
}

/**
 * Ruling lines drawn as thin filled rectangles, as page (viewport) lines along their long side. The page's operator
 * list is pdf.js's cached one from the finder's call. A fill that is not thin (a shaded header) is not a line, and
 * a lone underline joins no grid (connectedTables asks for crossing lines).
 */
export async function filledRules(page: unknown): Promise<Line[]> {
  const pg = page as OpPage;
  const { OPS, Util } = await pdfjsOps();
  const vp = pg.getViewport({ scale: 1 }).transform;
  const ops = await pg.getOperatorList();
  const out: Line[] = [];
  let m = [1, 0, 0, 1, 0, 0];
  const stack: number[][] = [];
  for (let i = 0; i < ops.fnArray.length; i++) {
    const fn = ops.fnArray[i];
    const args = ops.argsArray[i];
    if (fn === OPS.save) stack.push(m);
    else if (fn === OPS.restore) m = stack.pop() ?? m;
    else if (fn === OPS.transform) m = Util.transform(m, args as number[]);
    else if (fn === OPS.constructPath && (args?.[0] === OPS.fill || args?.[0] === OPS.eoFill)) {
      const mm = args[2] as ArrayLike<number> | undefined;
      if (!mm || !Number.isFinite(mm[0])) continue;
      const [x0, y0, x1, y1] = [mm[0], mm[1], mm[2], mm[3]];
      const w = x1 - x0;
      const h = y1 - y0;
      let line: Line | null = null;
      if (w >= RULE_LENGTH && h <= RULE_THICKNESS) line = new Line(new Point(x0, (y0 + y1) / 2), new Point(x1, (y0 + y1) / 2));
      else if (h >= RULE_LENGTH && w <= RULE_THICKNESS) line = new Line(new Point((x0 + x1) / 2, y0), new Point((x0 + x1) / 2, y1));
      if (line) out.push(line.transform(m).transform(vp));
    }
  }
  return out;
}

/**
 * The ruling lines grouped into tables: every line that crosses a line of a table belongs to it, repeated until
 * nothing more joins. pdf-parse's own grouping (LineStore.getTables) joins in one pass: a vertical line that does
 * not cross the table's first horizontal line is tried only against that one, so a short horizontal line under a
 * header cell split in two (公务用车购置及运行费 over 购置费 | 运行费, 基本支出 over 人员经费 | 公用经费) starts a table
 * of its own, takes the vertical lines below it along, and the columns under the split cell are lost.
 */
function connectedTables(hLines: Line[], vLines: Line[]): GridTable[] {
  const hs = [...hLines];
  const vs = [...vLines];
  const tables: LineTable[] = [];
  const take = (t: LineTable, from: Line[]) => {
    let grew = false;
    for (let i = 0; i < from.length; ) {
      if (t.add(from[i])) {
        from.splice(i, 1);
        grew = true;
      } else i++;
    }
    return grew;
  };
  while (hs.length || vs.length) {
    const t = new LineTable((hs.shift() ?? vs.shift())!);
    for (let grew = true; grew; ) grew = take(t, vs) || take(t, hs);
    tables.push(t);
  }
  return tables
    .filter((t) => t.isValid)
    .map((t) => {
      t.normalize();
      respectGaps(t);
      return t.toData() as unknown as GridTable;
    });
}

/**
 * Table.normalize() makes the pieces of a horizontal line at one height one line with gaps (a line under 公务用车
 * and another under 决算数's split cell, nothing between them), but the row builder then takes the line as drawn
 * across its gaps: a cell above a gap would end there (rowspan 1 instead of 2) and the vertical lines through the
 * gap would open cells in the row below it. These two lookups of the row builder, made to skip gaps:
 * the bottom line of a cell is the next line drawn under its middle; a row's cell borders cross its top line
 * where that line is drawn (or at a gap's end).
 */
function respectGaps(t: LineTable): void {
  type L = { from: { x: number; y: number }; to: { x: number; y: number }; gaps: L[] };
  const tb = t as unknown as {
    hLines: L[];
    vLines: L[];
    findBottomLineIndex(h2: number, x: number): number;
    findVerticalLineIndexs(top: L, y: number): number[];
  };
  const TOL = 2; // pdf-parse's Shape.tolerance
  const inGap = (h: L, x: number) => h.gaps.some((g) => x > Math.min(g.from.x, g.to.x) + TOL && x < Math.max(g.from.x, g.to.x) - TOL);
  const drawnAt = (h: L, x: number) => x >= h.from.x - TOL && x <= h.to.x + TOL && !inGap(h, x);
  tb.findBottomLineIndex = (h2, x) => {
    for (let i = h2; i < tb.hLines.length; i++) if (drawnAt(tb.hLines[i], x)) return i;
    return -1;
  };
  tb.findVerticalLineIndexs = (top, y) => {
    const out: number[] = [];
    tb.vLines.forEach((v, i) => {
      const x = v.from.x;
      const y0 = Math.min(v.from.y, v.to.y) - TOL;
      const y1 = Math.max(v.from.y, v.to.y) + TOL;
      if (y0 <= y && y1 >= y && top.from.y >= y0 && top.from.y <= y1 && drawnAt(top, x)) out.push(i);
    });
    return out;
  };
}

const inside = (c: { minXY: { x: number; y: number }; maxXY: { x: number; y: number } }, x: number, y: number, pad = 0.5) =>
  x >= c.minXY.x - pad && x <= c.maxXY.x + pad && y >= c.minXY.y - pad && y <= c.maxXY.y + pad;

/**
 * Splits the page's pieces into table cells and the rest. Returns the remaining pieces, with one placeholder
 * piece per table where the table's first piece was (so the table keeps its place in reading order), and the
 * tables' row lines.
 */
export function placeTables(pieces: TextPiece[], grids: GridTable[]): { pieces: (TextPiece & { table?: number })[]; rows: RowLine[][] } {
  if (!grids.length) return { pieces, rows: [] };
  const cellPieces = grids.map((g) => g.rows.map((r) => r.map(() => [] as TextPiece[])));
  const out: (TextPiece & { table?: number })[] = [];
  const placed = new Set<number>();
  for (const p of pieces) {
    const x = p.x + Math.min(p.width, p.size) / 2;
    const y = p.y - p.size * 0.3;
    let hit = false;
    grids.forEach((g, t) => {
      if (hit || !inside(g, x, y)) return;
      for (let r = 0; r < g.rows.length && !hit; r++) {
        for (let c = 0; c < g.rows[r].length; c++) {
          if (inside(g.rows[r][c], x, y, 0)) {
            cellPieces[t][r][c].push(p);
            hit = true;
            if (!placed.has(t)) {
              placed.add(t);
              out.push({ str: '\u0000', x: g.minXY.x, y: g.minXY.y, width: 0, size: p.size, table: t });
            }
            break;
          }
        }
      }
    });
    if (!hit) out.push(p);
  }
  const order = new Map(pieces.map((p, i) => [p, i]));
  const rows = grids.map((g, t) => (placed.has(t) ? renderGrid(mergeFlowing(g, cellPieces[t], order), t) : []));
  return { pieces: out, rows };
}

interface FilledGrid {
  g: GridTable;
  rows: { cell: GridCell; pieces: TextPiece[] }[][];
}

/**
 * The finder sometimes splits a merged cell at column lines that run through other rows only. Two cells side by
 * side are one cell when no ruling line separates them in this row, or when text runs on across the supposed
 * border without a gap.
 */
function mergeFlowing(g: GridTable, pieces: TextPiece[][][], order: Map<TextPiece, number>): FilledGrid {
  const rows = g.rows.map((row, r) => {
    const cells = row.map((cell, c) => ({ cell, pieces: pieces[r][c] })).sort((a, b) => a.cell.minXY.x - b.cell.minXY.x);
    const out: { cell: GridCell; pieces: TextPiece[] }[] = [];
    for (const cur of cells) {
      const prev = out[out.length - 1];
      if (prev && (flowsInto(g, prev, cur) || !hasBorder(g, prev.cell, cur.cell))) {
        prev.cell = {
          minXY: prev.cell.minXY,
          maxXY: cur.cell.maxXY,
          colspan: (prev.cell.colspan ?? 1) + (cur.cell.colspan ?? 1),
          rowspan: prev.cell.rowspan,
        };
        prev.pieces = [...prev.pieces, ...cur.pieces].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
      } else out.push({ ...cur });
    }
    return out;
  });
  return { g, rows };
}

/** A vertical ruling line between two neighbouring cells over at least half of their height. */
function hasBorder(g: GridTable, a: GridCell, b: GridCell): boolean {
  if (!g.vLines) return true;
  const x = (a.maxXY.x + b.minXY.x) / 2;
  const y0 = Math.max(a.minXY.y, b.minXY.y);
  const y1 = Math.min(a.maxXY.y, b.maxXY.y);
  if (y1 <= y0) return true;
  let covered = 0;
  for (const l of g.vLines) if (Math.abs(l.x - x) < 1.5) covered += Math.max(0, Math.min(l.y1, y1) - Math.max(l.y0, y0));
  return covered >= 0.5 * (y1 - y0);
}

function flowsInto(g: GridTable, a: { cell: GridCell; pieces: TextPiece[] }, b: { cell: GridCell; pieces: TextPiece[] }): boolean {
  const abut = Math.abs(a.cell.maxXY.x - b.cell.minXY.x) < 1;
  const sameRows = Math.abs(a.cell.minXY.y - b.cell.minXY.y) < 1 && Math.abs(a.cell.maxXY.y - b.cell.maxXY.y) < 1;
  if (!abut || !sameRows || (a.cell.rowspan ?? 1) !== (b.cell.rowspan ?? 1)) return false;
  return a.pieces.some((p) =>
    b.pieces.some((q) => {
      const gap = q.x - (p.x + p.width);
      return Math.abs(p.y - q.y) < 0.3 * p.size && gap > -0.5 && gap < 0.3 * p.size && p.str.trim() !== '' && q.str.trim() !== '' && !ruledBetween(g, p, q);
    }),
  );
}

/**
 * A ruling line drawn between two pieces at their height: text cannot run on across it, however narrow the
 * cells' padding (a web page printed to PDF pads cells by 1 px: 全年执行数|分值 are 2 pt apart).
 */
function ruledBetween(g: GridTable, p: TextPiece, q: TextPiece): boolean {
  const y = p.y - p.size * 0.3;
  const end = p.x + p.width;
  return !!g.vLines?.some((l) => l.x >= end - 0.25 && l.x <= q.x + 0.25 && l.y0 <= y && l.y1 >= y);
}

/** Column index of each cell: the rank of its left edge among all left edges of the table. */
function columns(g: GridTable): number[] {
  const xs: number[] = [];
  for (const r of g.rows) for (const c of r) if (!xs.some((x) => Math.abs(x - c.minXY.x) < 1)) xs.push(c.minXY.x);
  return xs.sort((a, b) => a - b);
}

function renderGrid(filled: FilledGrid, t: number): RowLine[] {
  const g = filled.g;
  const xs = columns(g);
  const colOf = (c: GridCell) => xs.findIndex((x) => Math.abs(x - c.minXY.x) < 1);
  const pending = new Map<number, { left: number; span: number; cell: RowCell }>();
  const all = filled.rows.flat().flatMap((c) => c.pieces);
  const size = all.length ? all.map((p) => p.size).sort((a, b) => a - b)[Math.floor(all.length / 2)] : 10;
  const lines: RowLine[] = [];
  filled.rows.forEach((row, r) => {
    const cells: RowLine['cells'] = [];
    let text = '';
    const add = (col: number, s: string, colSpan: number, rowSpan: number, coveredBy?: RowCell): RowCell => {
      if (cells.length) text += '\t';
      const cell: RowCell = { col, start: text.length, end: text.length + s.length, colSpan, rowSpan, text: s, coveredBy };
      cells.push(cell);
      text += s;
      return cell;
    };
    const byCol = new Map(row.map((c) => [colOf(c.cell), c]));
    for (let col = 0; col < xs.length; ) {
      const cover = pending.get(col);
      if (cover) {
        add(col, '', cover.span, 1, cover.cell);
        if (--cover.left === 0) pending.delete(col);
        col += cover.span;
        continue;
      }
      const hit = byCol.get(col);
      if (!hit) {
        col++;
        continue;
      }
      const span = Math.max(1, hit.cell.colspan ?? 1);
      const rowSpan = Math.max(1, hit.cell.rowspan ?? 1);
      // the lines of a cell are one paragraph, wrapped: join them with nothing (年初 + 预算数 → 年初预算数)
      const s = piecesToLines(hit.pieces)
        .map((l: TextLine) => l.text.replace(/\t/g, ' '))
        .join('');
      const cell = add(col, s, span, rowSpan);
      if (rowSpan > 1) pending.set(col, { left: rowSpan - 1, span, cell });
      col += span;
    }
    const first = row[0]?.cell;
    lines.push({
      text,
      x0: g.minXY.x,
      x1: g.maxXY.x,
      y: first ? first.minXY.y : g.minXY.y,
      size,
      tabs: true,
      table: t,
      row: r,
      cells,
      cols: xs,
    });
  });
  return lines;
}

const isRow = (l: TextLine | undefined): l is RowLine => !!l && Array.isArray((l as RowLine).cells);

/**
 * A table row broken over a page break: the rest of its cells opens the table on the next page, in a row of
 * its own with text only under cells that have text above. That row is put back into the row it belongs to.
 */
export function joinSplitRows(pages: { lines: TextLine[] }[]): number {
  let joined = 0;
  for (let i = 0; i + 1 < pages.length; i++) {
    const prev = pages[i].lines[pages[i].lines.length - 1];
    const next = pages[i + 1].lines[0];
    if (!isRow(prev) || !isRow(next)) continue;
    if (prev.cols.length !== next.cols.length || prev.cols.some((x, k) => Math.abs(x - next.cols[k]) > 1.5)) continue;
    const filled = (r: RowLine) => r.cells.filter((c) => c.text.trim() !== '');
    const above = new Map(prev.cells.filter((c) => !c.coveredBy).map((c) => [c.col, c]));
    const rest = filled(next);
    if (!rest.length || rest.length * 3 > filled(prev).length) continue;
    if (!rest.every((c) => above.get(c.col)?.text.trim())) continue;
    for (const c of rest) above.get(c.col)!.text += c.text;
    // rebuild the row's text and cell offsets
    let text = '';
    prev.cells.forEach((c, k) => {
      if (k) text += '\t';
      const s = c.coveredBy ? '' : c.text;
      c.start = text.length;
      c.end = text.length + s.length;
      text += s;
    });
    prev.text = text;
    pages[i + 1].lines = pages[i + 1].lines.slice(1);
    joined++;
  }
  return joined;
}
