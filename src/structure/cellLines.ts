// A money table copied one cell per line (a PDF viewer's copy and paste: `项目⏎预算数⏎决算数⏎合计⏎3.00⏎2.15`). The lines
// cannot be put back into rows in general; they can when the header's width is known from its words (a label column's
// word over value columns' words, patterns/tables.yaml cell_lines) and every row fills it exactly: a label, then one
// figure per value column. A lost empty cell or a label wrapped over two lines breaks that count, and then nothing is
// read (which cell is missing is not known): all or nothing.
import type { Line, Span, Table, TableCell } from '../document.js';
import { tableVocab } from './tableVocab.js';

/** a cell holding a figure or a dash (`3.00`, `1,234.56`, `98.5%`, `—`) */
const FIGURE = /^(?:[\d,]*\d(?:\.\d+)?%?|[—\-–－]+)$/;
/** a label: short, one line, no sentence punctuation */
const LABEL_MAX = 24;
const CODE = /^[12](?:\d\d|\d{4}|\d{6})$/;
const isLabel = (t: string) => t.length > 0 && t.length <= LABEL_MAX && !FIGURE.test(t) && !/[。；;，,！？!?]/.test(t);
/** (no statement has more cells than this: the look ahead stops there) */
const MAX_CELLS = 2000;
const squeeze = (t: string) => t.replace(/[\s\u3000]+/g, '');

export function cellLineTables(text: string, lines: Line[], taken: Span[]): Table[] {
  const v = tableVocab().cellLines;
  // the non-blank lines with no tab outside the tables already found, with their index in `lines`
  const free = (l: Line) => !l.text.includes('\t') && !taken.some((t) => l.start < t.end && t.start < l.end);
  const out: Table[] = [];
  const cell = (l: Line): TableCell => {
    const lead = l.text.length - l.text.trimStart().length;
    const body = l.text.trim();
    return { start: l.start + lead, end: l.start + lead + body.length, text: text.slice(l.start + lead, l.start + lead + body.length) };
  };
  for (let i = 0; i < lines.length; i++) {
    if (!free(lines[i]) || !v.labelHeader.test(squeeze(lines[i].text))) continue;
    // the cells that follow, blank lines skipped; a tabbed line or a table ends them
    const seq: Line[] = [];
    for (let j = i; j < lines.length && seq.length < MAX_CELLS && free(lines[j]); j++) if (lines[j].text.trim()) seq.push(lines[j]);
    let w = 1;
    while (w < seq.length && v.valueHeader.test(squeeze(seq[w].text))) w++;
    if (w < 2) continue;
    const halves = twoHalves(seq, w, cell);
    if (halves) {
      // (the super-header over the halves, 收入⏎支出 right above 项目, is the table's: it names the sides, and the caption is
      // looked for above it)
      const sides = halves.rows.length >= 2 ? sidesAbove(lines, i, free) : null;
      if (sides) halves.rows.unshift([cell(sides[0]), ...blanks(sides[0]), cell(sides[1]), ...blanks(sides[1])]);
      if (halves.rows.length >= 2) out.push({ start: (sides?.[0] ?? seq[0]).start, end: halves.end, rows: halves.rows, origin: 'tsv' });
      i = lines.indexOf(seq[halves.next - 1]);
      continue;
    }
    const rows: TableCell[][] = [seq.slice(0, w).map(cell)];
    let k = w;
    let whole = true;
    while (k < seq.length && isLabel(seq[k].text.trim())) {
      let n = 0;
      while (k + 1 + n < seq.length && FIGURE.test(squeeze(seq[k + 1 + n].text))) n++;
      if (n === 0) break; // a label with no figures: the text after the table
      if (n !== w - 1) {
        whole = false;
        break;
      }
      rows.push(seq.slice(k, k + w).map(cell));
      k += w;
    }
    // (a row's figures ran into something that is no label: the table ends in a cell that cannot be placed)
    if (whole && k < seq.length && FIGURE.test(squeeze(seq[k].text))) whole = false;
    // (a bare 3-, 5- or 7-digit figure opening with 1 or 2 among amounts written with their fen is a 科目编码 of the income or
    // spending classification, which no header word named: it may stand in for a lost cell, 合计⏎286.50⏎244.10⏎206⏎科学技术支出)
    const figs = rows.slice(1).flatMap((r) => r.slice(1).map((c) => squeeze(c.text)));
    if (figs.some((f) => /\.\d\d$/.test(f)) && figs.some((f) => CODE.test(f))) whole = false;
    if (!whole || rows.length < 2) continue;
    const last = rows[rows.length - 1][w - 1];
    out.push({ start: seq[0].start, end: last.end, rows, origin: 'tsv' });
    i = lines.indexOf(seq[k - 1]);
  }
  return out;
}

const LINE_NO = /^\d{1,3}$/;
const COLUMN_NUMBERS = /^(?:栏次|行次)$/;

/**
 * A 收入支出决算总表 copied one cell per line, its halves side by side (`项目⏎行次⏎金额⏎项目⏎行次⏎金额`, then per row the
 * income label, its 行次, its amount, the spending label, its 行次, its amount). The 行次 is never empty, so an amount lost
 * with its empty cell is known by the next label standing in its place (`…支出⏎32⏎二、…收入`): it is put back as an empty cell.
 * Only this layout (a label, 行次, one amount column per half); each side's line numbers rising; a 栏次 row under the header
 * skipped. An amount that is a bare 1–3 digit number could be a line number whose label was lost, and a row not complete on
 * both sides cannot be placed: either leaves the whole table unread. Returns null when the header is not two such halves.
 */
function twoHalves(seq: Line[], w: number, cell: (l: Line) => TableCell): { rows: TableCell[][]; end: number; next: number } | null {
  const v = tableVocab().cellLines;
  const words = seq.slice(1, w).map((l) => squeeze(l.text));
  if (w !== 3 || !COLUMN_NUMBERS.test(words[0]) || COLUMN_NUMBERS.test(words[1])) return null;
  if (seq.length < 2 * w || !v.labelHeader.test(squeeze(seq[w].text)) || seq.slice(w + 1, 2 * w).some((l, n) => squeeze(l.text) !== words[n])) return null;
  const none = { rows: [], end: 0, next: 2 * w };
  const rows: TableCell[][] = [seq.slice(0, 2 * w).map(cell)];
  const last = [-1, -1];
  const at = (k: number) => (k < seq.length ? squeeze(seq[k].text) : '');
  let k = 2 * w;
  // (the 栏次 row: 栏次⏎1⏎栏次⏎2, the amount columns' numbers)
  if (COLUMN_NUMBERS.test(at(k)) && LINE_NO.test(at(k + 1))) k += COLUMN_NUMBERS.test(at(k + 2)) && LINE_NO.test(at(k + 3)) ? 4 : 2;
  for (;;) {
    const row: TableCell[] = [];
    for (const side of [0, 1]) {
      const t = k < seq.length ? seq[k].text.trim() : '';
      if (!isLabel(t) || !LINE_NO.test(at(k + 1))) {
        // (the income side opens no row: the table ended; a figure there, or a row cut after its income half, cannot be placed)
        if (side === 0 && !FIGURE.test(at(k))) return { rows, end: rows[rows.length - 1].filter((c) => c.end > c.start).pop()!.end, next: k };
        return none;
      }
      const no = Number(at(k + 1));
      if (no <= last[side]) return none;
      last[side] = no;
      row.push(cell(seq[k]), cell(seq[k + 1]));
      k += 2;
      if (FIGURE.test(at(k))) {
        if (LINE_NO.test(at(k))) return none;
        row.push(cell(seq[k++]));
      } else {
        const end = row[row.length - 1].end;
        row.push({ start: end, end, text: '' });
      }
    }
    rows.push(row);
  }
}

const SIDE = /^(?:收入|支出)$/;
/** `收入⏎支出` (or the other way round) on the two non-blank lines right above line `i`, each alone on its line. */
function sidesAbove(lines: Line[], i: number, free: (l: Line) => boolean): [Line, Line] | null {
  const above: Line[] = [];
  for (let j = i - 1; j >= 0 && above.length < 2; j--) {
    if (!lines[j].text.trim()) continue;
    if (!free(lines[j])) return null;
    above.unshift(lines[j]);
  }
  if (above.length < 2) return null;
  const [a, b] = above.map((l) => squeeze(l.text));
  return SIDE.test(a) && SIDE.test(b) && a !== b ? [above[0], above[1]] : null;
}
/** the two empty cells after a side's word (its half is three columns wide) */
const blanks = (l: Line): TableCell[] => {
  const end = l.start + l.text.trimEnd().length;
  return [{ start: end, end, text: '' }, { start: end, end, text: '' }];
};
