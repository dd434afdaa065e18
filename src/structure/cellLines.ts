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
