// A small money table pasted with its cells set apart by single spaces (a web page's or Word's table copied as plain text:
// `资金来源 预算数 实际支出⏎中央资金 10 9.5⏎省级资金 5 5⏎合计 15 14.5`): no tab and no wide gap marks its columns, so it
// stayed prose and no rule read it. Taken as a grid only when the header line is a label column's word (项目, 资金来源 …)
// and two or more value columns' words (tables.yaml cell_lines label_header / value_header), each word one cell, and two or
// more lines right under it are each a label (no figure) and exactly one figure (or dash) per value column; the first line
// of another shape ends the table (a page's break between two rows does not: structure/pageBreaks.ts). What the grid means is left to the table readers, as for a tab-separated one.
import type { Line, Span, Table, TableCell } from '../document.js';
import { tableVocab } from './tableVocab.js';
import { freeLine } from './cellLines.js';
import { afterPageBreak } from './pageBreaks.js';

/** a cell's figure: `10`, `1,234.56`, `95.5%`, a dash for an empty cell */
const FIGURE = /^(?:-?\d[\d,]*(?:\.\d+)?%?|[—\-–－]+)$/;
/** a row's label: some CJK text, no figure (a unit in brackets allowed) */
const LABEL = /^(?=[^\d]*[\u4e00-\u9fff])[^\d]+$/;
/** the spaces between cells (a no-break or full-width one from a web page or Word) */
const GAP = /[ \u00a0\u3000]+/;
/** header lines are short: a longer line is prose */
const HEADER_MAX = 60;

/** The cells of a line split at its spaces, with their offsets. */
function cells(text: string, l: Line): TableCell[] {
  const out: TableCell[] = [];
  const re = /[^ \u00a0\u3000]+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(l.text))) out.push({ start: l.start + m.index, end: l.start + m.index + m[0].length, text: text.slice(l.start + m.index, l.start + m.index + m[0].length) });
  return out;
}

export function spacedRowTables(text: string, lines: Line[], taken: Span[]): Table[] {
  const v = tableVocab().cellLines;
  const free = freeLine(taken);
  const out: Table[] = [];
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i].text.trim();
    // (cheap first: a header is a short line with a space)
    if (!t || t.length > HEADER_MAX || !GAP.test(t) || !free(lines[i])) continue;
    const head = cells(text, lines[i]);
    if (head.length < 3 || !v.labelHeader.test(head[0].text) || !head.slice(1).every((c) => v.valueHeader.test(c.text))) continue;
    const rows: TableCell[][] = [head];
    const isRow = (row: TableCell[]) => row.length === head.length && LABEL.test(row[0].text) && row.slice(1).every((c) => FIGURE.test(c.text));
    const headAgain = (k: number) => (k < lines.length && lines[k].text.trim() === t ? 1 : 0);
    let j = i + 1;
    for (; j < lines.length && free(lines[j]); j++) {
      const row = cells(text, lines[j]);
      if (isRow(row)) {
        rows.push(row);
        continue;
      }
      // (a page's break between two rows, `— 2 —` and the header again: the rows after it are the table's; prose after it ends it)
      const next = afterPageBreak(lines, j, headAgain);
      if (next < 0 || next >= lines.length || !free(lines[next]) || !isRow(cells(text, lines[next]))) break;
      j = next - 1;
    }
    if (rows.length < 3) continue;
    out.push({ start: head[0].start, end: rows[rows.length - 1][head.length - 1].end, rows, origin: 'tsv' });
    i = j - 1;
  }
  return out;
}
