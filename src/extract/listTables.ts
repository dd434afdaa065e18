// A problems/improvements section's list set as a table: a header naming the problems' column and the measures' (问题⇥措施),
// then a row per problem and its measure.
import type { Heading, KDocument, Span } from '../document.js';
import { cleanValue } from '../normalise/fold.js';
import { compile, loadPatternFile } from '../patterns.js';

type ListKey = 'problems' | 'improvements';
export interface TableItem { item: string; span: Span; rule: string; list: ListKey }

// a cell saying there is nothing (无, /, —)
const EMPTY_CELL = /^[\s无/／—\-－、。.]*$/;

/** The column each list's header names in a row whose filled cells are all short titles, or null (the cells read in the
 *  matching copy: 存在問題 is 存在问题). */
function listColumns(doc: KDocument, row: Span[]): Record<ListKey, number> | null {
  const f = loadPatternFile<{ list_table_column: Record<ListKey, string> }>('sections.yaml').list_table_column;
  const cols: Partial<Record<ListKey, number>> = {};
  for (let i = 0; i < row.length; i++) {
    const t = doc.norm.slice(row[i].start, row[i].end).replace(/\s+/g, '').replace(/[:：]$/, '');
    if (!t) continue;
    // (a header's cells are titles: a cell of text, 存在问题⇥1.经费不足；…, makes the row a labelled one, no header)
    if (t.length > 10 || /[，,。；;]/.test(t)) return null;
    for (const k of ['problems', 'improvements'] as const) if (cols[k] === undefined && compile(f[k], '').test(t)) cols[k] = i;
  }
  return cols.problems !== undefined && cols.improvements !== undefined ? (cols as Record<ListKey, number>) : null;
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
    for (const row of t.rows.slice(at + 1)) {
      for (const list of ['problems', 'improvements'] as const) {
        const c = row[cols[list]];
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
