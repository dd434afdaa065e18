// A problems/improvements section's list set as a table: a header naming the problems' column and the measures' (问题⇥措施),
// then a row per problem and its measure.
import type { Heading, KDocument, Span } from '../document.js';
import { cleanValue } from '../normalise/fold.js';
import { compile, loadPatternFile } from '../patterns.js';
import type { UnitTable } from '../structure/tables.js';

type ListKey = 'problems' | 'improvements';
export interface TableItem { item: string; span: Span; rule: string; list: ListKey }

// a cell holding a figure alone (5, 12.50, 98%)
const FIGURE = /^\s*[\d.,%]+\s*$/;
// a cell saying there is nothing (无, /, —)
const EMPTY_CELL = /^[\s无/／—\-－、。.]*$/;

/** The list a header cell's title names (问题描述, 整改措施; sections.yaml list_table_column), or null. */
function columnList(title: string): ListKey | null {
  const f = loadPatternFile<{ list_table_column: Record<ListKey, string> }>('sections.yaml').list_table_column;
  return compile(f.problems, '').test(title) ? 'problems' : compile(f.improvements, '').test(title) ? 'improvements' : null;
}

/** The column each list's header names in a row whose filled cells are all short titles, or null (the cells read in the
 *  matching copy: 存在問題 is 存在问题). */
function listColumns(doc: KDocument, row: Span[]): Partial<Record<ListKey, number>> | null {
  const cols: Partial<Record<ListKey, number>> = {};
  let titles = 0;
  let marked = false;
  for (let i = 0; i < row.length; i++) {
    const t = doc.norm.slice(row[i].start, row[i].end).replace(/\s+/g, '').replace(/[:：]$/, '');
    if (!t) continue;
    titles++;
    marked ||= /\d|^[一二三四五六七八九十]+[、是]/.test(t);
    // (a header's cells are titles: a cell of text, 存在问题⇥1.经费不足；…, makes the row a labelled one, no header)
    if (t.length > 10 || /[，,。；;]/.test(t)) return null;
    const k = columnList(t);
    if (k && cols[k] === undefined) cols[k] = i;
  }
  if (cols.problems !== undefined && cols.improvements !== undefined) return cols;
  // (…or one list's column beside other titles, 序号⇥存在问题⇥责任单位: that list's — not beside an item, 存在问题⇥1.经费不足, a
  // labelled row; lists56)
  return (cols.problems !== undefined || cols.improvements !== undefined) && titles > 1 && !marked ? cols : null;
}

/** The items of the tables inside a list section's body (from its end to `until`): each list's column read row by row under
 *  the header (one of the first two rows), a cell's evidence its own span, its marker (`marker`: the items' one) dropped. */
export function tableItems(doc: KDocument, h: Heading, until: number, marker: RegExp): TableItem[] {
  const out: TableItem[] = [];
  for (const t of doc.tables) {
    if (t.start < h.end || t.start >= until) continue;
    const at = t.rows.slice(0, 2).findIndex((r) => listColumns(doc, r) !== null);
    if (at < 0) continue;
    const cols = listColumns(doc, t.rows[at])!;
    // (one list's column holding the other list's title below, 存在问题⇥资金滞后⏎改进措施⇥加强管理: the rows are labelled, no header)
    const one = cols.problems === undefined ? cols.improvements : cols.improvements === undefined ? cols.problems : undefined;
    if (one !== undefined && t.rows.slice(at + 1).some((r) => r[one] && !r[one].merged && columnList(doc.norm.slice(r[one].start, r[one].end).replace(/\s+/g, '').replace(/[:：]$/, '')))) continue;
    // (…nor a table of figures, 序号⇥问题⇥金额 under （单位：万元）: money, no list)
    if (one !== undefined && ((t as UnitTable).unitLine !== undefined || t.rows.slice(at + 1).some((r) => r.some((c, j) => j > 0 && j !== one && FIGURE.test(doc.norm.slice(c.start, c.end)))))) continue;
    for (const row of t.rows.slice(at + 1)) {
      for (const list of ['problems', 'improvements'] as const) {
        const c = cols[list] === undefined ? undefined : row[cols[list]];
        // (a merged cell repeats its origin: read once)
        if (!c || c.merged || EMPTY_CELL.test(doc.norm.slice(c.start, c.end))) continue;
        const lead = marker.exec(doc.norm.slice(c.start, c.end))?.[0].length ?? 0;
        const item = cleanValue(doc.display.slice(c.start + lead, c.end)).replace(/[；;]$/, '');
        if (item && !out.some((x) => x.list === list && x.item === item)) out.push({ item, span: { start: c.start, end: c.end }, rule: 'lists.table', list });
      }
    }
  }
  return out;
}

/** The text cells of the tables inside a list section's body (from its end to `until`) that hold lists alone, each as a section
 *  over its cell keyed by the list its row names (`keyOf`: a list's title or bare word → its key): a label column naming a list
 *  on every row (存在问题⇥1.…, the cells under it merged or empty: the same list's), or one column (存在问题⏎1.…⏎2.…, its title
 *  row maybe left out: the section's own list, key null). Any other row (项目名称⇥科普经费, 序号⇥问题) makes the table none. */
export function singleListCells(doc: KDocument, h: Heading, until: number, keyOf: (title: string) => string | null): Heading[] {
  const out: Heading[] = [];
  const text = (c: Span) => doc.norm.slice(c.start, c.end).replace(/\s+/g, '').replace(/[:：]$/, '');
  for (const t of doc.tables) {
    if (t.start < h.end || t.start >= until) continue;
    const width = Math.max(...t.rows.map((r) => r.length));
    if (width > 2) continue;
    const cells: Heading[] = [];
    let key: string | null = null;
    let labelled = false;
    const ok = t.rows.every((row) => {
      const [label, body] = width === 2 ? row : [undefined, row[0]];
      if (label && !label.merged && text(label)) {
        const k = keyOf(text(label));
        if (!k) return false;
        [key, labelled] = [k, true];
      } else if (width === 2 && !labelled) return false;
      if (!body || body.merged || EMPTY_CELL.test(doc.norm.slice(body.start, body.end))) return true;
      // (a one-column table's title row: the list its cells are; beside a label, 问题⇥措施, a header: no labelled table)
      const own = keyOf(text(body));
      if (own && width === 2) return false;
      if (own) key = own;
      else cells.push({ start: body.start, end: body.start, level: h.level + 1, rank: h.rank + 1, ordinal: null, title: '', key, bodyEnd: body.end });
      return true;
    });
    if (ok) out.push(...cells);
  }
  return out;
}
