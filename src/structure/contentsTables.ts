// A contents page whose entries end in a tab and their page number (`一、部门基本情况⇥3`, a Word export's or an editor's
// contents): the tab made it a table of two columns, and the table went on over the body's first lines (a title or a
// paragraph with no tab reads as a cell's wrapped line), so the body's facts and headings were lost in it. It is no table:
// its entries are excluded as the contents (as toc.ts does for entries it knows: a tab entry is no heading-like line there,
// and an entry with no page number between them, `三、支出决算情况`, would be a heading), the lines after them are the body's.
import type { Line, Span, Table } from '../document.js';
import { tableVocab } from './tableVocab.js';

/** The entries' span when the table is a contents list: its rows from the first are entries (a title, a page number of 1–3
 *  digits, the numbers never going back), two at least, and anything after them rows of one cell (the swallowed lines);
 *  `目录` over it, or every entry a numbered title, two of them coming back after it (tables.yaml contents). Else null. */
export function contentsEntries(norm: string, lines: Line[], t: Table): Span | null {
  const v = tableVocab().contents;
  const cell = (c: { start: number; end: number }) => norm.slice(c.start, c.end).trim();
  let n = 0;
  let page = 0;
  for (const row of t.rows) {
    const filled = row.filter((c) => cell(c) !== '');
    if (filled.length !== 2 || !/^\d{1,3}$/.test(cell(filled[1])) || Number(cell(filled[1])) < page || !/[\u4e00-\u9fa5]/.test(cell(filled[0]))) break;
    page = Number(cell(filled[1]));
    n++;
  }
  if (n < 2 || t.rows.slice(n).some((row) => row.filter((c) => cell(c) !== '').length > 1)) return null;
  const entries = t.rows.slice(0, n).map((row) => cell(row.find((c) => cell(c) !== '')!));
  const last = t.rows[n - 1].filter((c) => cell(c) !== '').pop()!;
  const span = { start: t.start, end: last.end };
  // (numbered titles with small figures may be a list's items and their amounts, 1.基本支出⇥120: entries whose titles come back
  // in the body, two at least, are the contents)
  const back = entries.filter((e) => {
    const title = e.replace(v.entry, '').replace(/\s+/g, '');
    return title.length >= 2 && norm.indexOf(title, span.end) >= 0;
  });
  if (entries.every((e) => v.entry.test(e)) && back.length >= 2) return span;
  const above = lines.filter((l) => l.end <= t.start && l.text.trim() !== '').pop();
  return above !== undefined && v.title.test(norm.slice(above.start, above.end).trim()) ? span : null;
}
