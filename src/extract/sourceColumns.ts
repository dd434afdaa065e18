// A project's 资金来源 table set out by columns: the sources across, the roles down.
import type { TableCell } from '../document.js';
import { tableVocab } from '../structure/tableVocab.js';
import { budgetRole, key, unitWord, type TableReading } from './tableReading.js';

const MONEY_ROLES = new Set(['initialBudget', 'budget', 'actual', 'rate']);

/**
 * `资金来源⇥中央⇥省级⇥市级⇥县级⇥合计` over `预算数⇥10⇥5⇥3⇥2⇥20` and `实际支出⇥10⇥5⇥3⇥1.5⇥19.5`: the same table as the rows form
 * (资金来源⇥预算数⇥实际支出 over one row per source and 合计), turned. Read as that form, a budget block whose rows are the
 * sources and whose 合计 is the column so headed, for the project-table checks (extract/tables.ts ownProjectTable: every
 * other column a source, the sources adding up to the 合计). Only when the grid is just that: one header row whose cells
 * after the first are sources (one or more) and one 合计, and under it one row per role (budget_columns words: 预算数,
 * 实际支出, 执行数 …), each as wide as the header, a role named once; any other filled row leaves it unread (null).
 */
export function sourceColumns(r: TableReading): TableReading | null {
  if (r.budget) return null;
  const v = tableVocab();
  const rows = r.table.rows.filter((row) => row.some((c) => key(c) !== ''));
  if (rows.length < 2) return null;
  const [header, ...under] = rows;
  if (!v.sourceColumnsHeader.test(key(header[0]))) return null;
  let total = -1;
  const sources: number[] = [];
  for (let i = 1; i < header.length; i++) {
    const k = key(header[i]);
    if (v.budgetRows.total.test(k) && total < 0) total = i;
    else if (v.fundSourceRows.test(k)) sources.push(i);
    else return null;
  }
  if (total < 0 || !sources.length) return null;
  const byRole: Record<string, TableCell[]> = {};
  const labels: TableCell[] = [];
  for (const row of under) {
    const role = budgetRole(key(row[0]));
    if (!role || !MONEY_ROLES.has(role) || byRole[role] || row.length !== header.length) return null;
    byRole[role] = row;
    labels.push(row[0]);
  }
  if (!byRole.budget && !byRole.actual) return null;
  const cellsAt = (col: number): Record<string, TableCell> => {
    const out: Record<string, TableCell> = {};
    for (const [role, row] of Object.entries(byRole)) if (key(row[col]) !== '') out[role] = row[col];
    return out;
  };
  const all = [...sources, total].map((col) => ({ label: header[col], cells: cellsAt(col) }));
  // (the unit the first header cell states, 资金来源（万元）, the block's as a header's is)
  const unit = unitWord(key(header[0]));
  return { ...r, budget: { unit, header: [header[0], ...labels], rows: { total: cellsAt(total) }, all } };
}
