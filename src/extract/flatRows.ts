// A form's budget block flattened into one row (a 项目支出绩效自评表 copied with its header and its money row on one line:
// `项目资金（万元）⇥年初预算数⇥全年预算数⇥全年执行数⇥分值⇥执行率⇥得分⇥年度资金总额⇥20⇥25⇥24.5⇥10⇥98%⇥9.8`): no row of figures
// under the header, so nothing was read. Put back as the two rows it was, only when the row is nothing but the header's label
// cell, n ≥ 2 column words, a block row's label and exactly n figures — one under each column, none lost or extra.
import type { Table, TableCell } from '../document.js';
import { tableVocab } from '../structure/tableVocab.js';
import { budgetRole, key } from './tableReading.js';

// a block cell's figure: an amount or a rate (`24.5`, `1,234.00`, `98%`)
const FIGURE = /^\d[\d,]*(?:\.\d+)?%?$/;

/** The table with a flattened budget row split into its header and its row of figures (the same table when none is). */
export function unflattenBudgetRows(t: Table): Table {
  const splits = t.rows.map(flatRow);
  if (!splits.some(Boolean)) return t;
  return { ...t, rows: t.rows.flatMap((row, i) => splits[i] ?? [row]) };
}

/** [header, figures] when `row` is a header and its block row run together, else null. */
function flatRow(row: TableCell[]): [TableCell[], TableCell[]] | null {
  if (row.length < 6 || row.length % 2 || row.some((c) => c.merged || !key(c))) return null;
  const n = row.length / 2 - 1;
  const [label, words, rowLabel, figures] = [row[0], row.slice(1, n + 1), row[n + 1], row.slice(n + 2)];
  const v = tableVocab();
  const isRow = (c: TableCell) => Object.values(v.budgetRows).some((re) => re.test(key(c)));
  if (budgetRole(key(label)) !== null || isRow(label) || !words.every((c) => budgetRole(key(c)) !== null) || !isRow(rowLabel)) return null;
  if (!figures.every((c) => FIGURE.test(key(c)))) return null;
  return [[label, ...words], [rowLabel, ...figures]];
}
