// Extract stage, statement tables of 部门决算 / 部门预算 disclosures (收入支出决算总表, 支出决算表, 基本支出表,
// "三公"经费表): finance facts read by column position under the header. Vocabulary: patterns/tables.yaml `statements`.
// Every value goes through the caller's offer(), so a path the prose filled keeps the prose value.
import type { AppropriationPart, Figure, KDocument, TableCell } from '../document.js';
import type { TableReading } from './tableReading.js';
import { key, repeatsLeft, yearColumnOf } from './tableReading.js';
import { tableVocab } from '../structure/tableVocab.js';
import { halfUlp } from '../normalise/numbers.js';

export type Offer = (path: string, v: { value: number; tol: number }, cell: TableCell, rule: string, part?: AppropriationPart) => void;
export type Money = (text: string, unit: string | null) => { value: number; tol: number } | null;

type Kind = 'ignore' | 'summary' | 'appropriation_summary' | 'three_public' | 'basic' | 'appropriation_spending' | 'spending';
type Role = 'actual' | 'budget' | 'any';
type Mode = 'actual' | 'budget';

export interface StatementVocab {
  kinds: { kind: Kind; caption: RegExp }[];
  totalTarget: Record<string, string>;
  actualCaption: RegExp;
  budgetCaption: RegExp;
  budgetCaptionStrip: RegExp;
  amountColumns: { role: Role; re: RegExp }[];
  lineNumber: RegExp;
  itemColumn: RegExp;
  nameColumn: RegExp;
  codeColumn: RegExp;
  summaryRows: SummaryRow[];
  appropriationSummaryRows: SummaryRow[];
  appropriationFundColumn: FundColumn;
  summaryOtherKinds: RegExp;
  summaryBalanceRow: RegExp;
  spendingColumns: { target: string; re: RegExp }[];
  totalAmountColumns: { role: 'actual' | 'budget' | 'initial'; re: RegExp }[];
  totalRow: RegExp;
  pairRows: { target: string; re: RegExp }[];
  labelRow: { target: string; re: RegExp }[];
  targets: Record<string, Partial<Record<Mode, string>>>;
  threePublicContent: { item: RegExp; named: RegExp; other: RegExp; split: RegExp };
  appropriationCaption: RegExp;
  listActualWords: RegExp;
  listBudgetWords: RegExp;
  listBudgetSpending: RegExp;
}

type SummaryRow = { side: 'income' | 'spending'; target: string; re: RegExp };
/** a spending half's column by fund and the row read in it (appropriation_summary_fund_column) */
type FundColumn = { column: RegExp; row: RegExp; target: string };

interface RawStatements {
  kinds: { kind: Kind; caption: string }[];
  total_target: Record<string, string>;
  actual_caption: string;
  budget_caption: string;
  budget_caption_strip: string;
  amount_columns: { role: Role; regex: string }[];
  line_number_column: string;
  item_column: string;
  name_column: string;
  code_column: string;
  summary_rows: { side: 'income' | 'spending'; target: string; label: string }[];
  appropriation_summary_rows: { side: 'income' | 'spending'; target: string; label: string }[];
  appropriation_summary_fund_column: { column: string; row: string; target: string };
  summary_other_kinds: string;
  summary_balance_row: string;
  spending_columns: { target: string; regex: string }[];
  total_amount_columns: { role: 'actual' | 'budget' | 'initial'; regex: string }[];
  total_row: string;
  pair_rows: { target: string; label: string }[];
  label_row: { target: string; label: string }[];
  targets: Record<string, Partial<Record<Mode, string>>>;
  three_public_content: { item: string; named: string; other: string; split: string };
  appropriation_caption: string;
  list_actual_words: string;
  list_budget_words: string;
  list_budget_spending?: string;
}

let cached: StatementVocab | null = null;
export function statementVocab(): StatementVocab {
  if (cached) return cached;
  const s = (tableVocab().raw as unknown as { statements: RawStatements }).statements;
  const re = (x: string, flags = '') => new RegExp(x, flags);
  cached = {
    kinds: s.kinds.map((k) => ({ kind: k.kind, caption: re(k.caption) })),
    totalTarget: s.total_target,
    actualCaption: re(s.actual_caption),
    budgetCaption: re(s.budget_caption),
    budgetCaptionStrip: re(s.budget_caption_strip, 'g'),
    amountColumns: s.amount_columns.map((c) => ({ role: c.role, re: re(c.regex) })),
    lineNumber: re(s.line_number_column),
    itemColumn: re(s.item_column),
    nameColumn: re(s.name_column),
    codeColumn: re(s.code_column),
    summaryRows: s.summary_rows.map((r) => ({ side: r.side, target: r.target, re: re(r.label) })),
    appropriationSummaryRows: s.appropriation_summary_rows.map((r) => ({ side: r.side, target: r.target, re: re(r.label) })),
    appropriationFundColumn: { column: re(s.appropriation_summary_fund_column.column), row: re(s.appropriation_summary_fund_column.row), target: s.appropriation_summary_fund_column.target },
    summaryOtherKinds: re(s.summary_other_kinds),
    summaryBalanceRow: re(s.summary_balance_row),
    spendingColumns: s.spending_columns.map((c) => ({ target: c.target, re: re(c.regex) })),
    totalAmountColumns: s.total_amount_columns.map((c) => ({ role: c.role, re: re(c.regex) })),
    totalRow: re(s.total_row),
    pairRows: s.pair_rows.map((r) => ({ target: r.target, re: re(r.label) })),
    labelRow: s.label_row.map((r) => ({ target: r.target, re: re(r.label) })),
    targets: s.targets,
    threePublicContent: {
      item: re(s.three_public_content.item),
      named: re(s.three_public_content.named),
      other: re(s.three_public_content.other),
      split: re(s.three_public_content.split),
    },
    appropriationCaption: re(s.appropriation_caption),
    listActualWords: re(s.list_actual_words),
    listBudgetWords: re(s.list_budget_words),
    listBudgetSpending: re(s.list_budget_spending ?? '(?!)', 'g'),
  };
  return cached;
}

export function statementKind(caption: string | null): Kind | null {
  if (!caption) return null;
  return statementVocab().kinds.find((k) => k.caption.test(caption))?.kind ?? null;
}

const reportKindOf = (doc: KDocument) => doc.reportKind ?? (doc.data.reportKind as string | undefined) ?? null;

/** What the table's figures are: the report kind decides; a table whose caption says the other thing is not read. */
function modeOf(doc: KDocument, caption: string | null): Mode | null {
  if (caption === null) caption = '';
  const v = statementVocab();
  const says: Mode | null = v.actualCaption.test(caption)
    ? 'actual'
    : v.budgetCaption.test(caption.replace(v.budgetCaptionStrip, ''))
      ? 'budget'
      : null;
  const kind = reportKindOf(doc);
  if (kind === 'final_accounts') return says === 'budget' ? null : 'actual';
  if (kind === 'budget') return says === 'actual' ? null : 'budget';
  if (kind === 'project_self_eval') return null; // a project report's figures are its project's
  return says;
}

/** A row label: whitespace removed (key), leading ordinal / 其中 and trailing colon dropped. */
const label = (c: TableCell | undefined) => key(c).replace(tableVocab().rowLabelStrip, '');
const isEmpty = (c: TableCell | undefined) => !c || tableVocab().emptyCells.some((re) => re.test(key(c)));

// a header cell's own unit (本年支出合计（元）, 决算数（万元）, key-folded to half-width brackets)
const HEADER_UNIT = /[(（]\s*(万元|元|千元|亿元)\s*[)）]$/;
/** A header cell's key without its unit annotation (本年支出合计(元) → 本年支出合计). */
const bareHeader = (k: string) => k.replace(HEADER_UNIT, '');

/** Column index → the unit its header cell states (金额（元）), for every header row of the table. */
function columnUnits(rows: TableCell[][]): Map<TableCell[], Map<number, string>> {
  const out = new Map<TableCell[], Map<number, string>>();
  for (const row of rows) {
    const units = new Map<number, string>();
    row.forEach((c, i) => {
      const m = key(c).match(HEADER_UNIT);
      if (m && key(c).length > m[0].length) units.set(i, m[1].replace(/元$/, ''));
    });
    if (units.size) out.set(row, units);
  }
  return out;
}

/** The role of an amount column header, or null; year columns count only for the report year. */
/** A header with a column of the change to the budget (年初预算数⇥调整数⇥决算数; tables.yaml budget_change_column): its budget
 *  columns naming no year's budget (预算数, 年初预算数; not 全年预算数, 调整后预算数: budget_year_column) are the budget before
 *  the change. Returns that test for the header's cells, or null when the header has no such column. */
function beforeChange(header: TableCell[]): ((k: string) => boolean) | null {
  const tv = tableVocab();
  if (!header.some((c, i) => !repeatsLeft(header, i) && tv.budgetChangeColumn.test(bareHeader(key(c))))) return null;
  return (k: string) => !tv.budgetYearColumn.test(bareHeader(k));
}

function amountRole(doc: KDocument, k: string): Role | null {
  const v = statementVocab();
  k = bareHeader(k);
  const y = yearColumnOf(k);
  if (y) {
    const fy = doc.data.fiscalYear;
    const current = y.relative !== null ? y.relative === 0 : typeof fy === 'number' && y.year === fy;
    return current ? y.kind : null;
  }
  return v.amountColumns.find((c) => c.re.test(k))?.role ?? null;
}

interface Ctx {
  doc: KDocument;
  r: TableReading;
  mode: Mode;
  unit: string | null;
  offer: Offer;
  money: Money;
  /** a money cell was skipped for want of a unit */
  unitMissing: TableCell | null;
  /** header row → column → the unit its header cell states */
  colUnits: Map<TableCell[], Map<number, string>>;
  /** columns that name no role (金额) are read in the mode; false when neither the report kind nor the caption says
   *  what the figures are: then only columns naming their role (预算数, 决算数, 2023年决算数) are read */
  anyRole: boolean;
  /** the table is the appropriation's (一般公共预算财政拨款支出决算表, …基本支出决算表): its 基本支出, 项目支出, 人员经费 and 公用经费
   *  are the part the appropriation paid for, with its total and 基本支出 as the table states them */
  appropriation: { total?: Figure; basic?: Figure } | null;
}

function pathFor(ctx: Ctx, target: string, role: Role): string | null {
  if (role === 'any' && !ctx.anyRole) return null;
  const want: Mode = role === 'any' ? ctx.mode : role;
  if (ctx.mode === 'budget' && want === 'actual') return null; // a budget disclosure fills only budget fields
  return statementVocab().targets[target]?.[want] ?? null;
}

function put(ctx: Ctx, target: string, role: Role, cell: TableCell | undefined, rule: string): void {
  if (!cell || isEmpty(cell)) return;
  const path = pathFor(ctx, target, role);
  if (!path) return;
  // a column whose header states its own unit (金额（元）) is read in it; one that contradicts the table's unit line
  // (单位：万元 over 金额（元）) is not read
  const own = columnUnit(ctx, cell);
  if (own !== null && ctx.r.tableUnit !== null && own !== ctx.r.tableUnit) return;
  const v = ctx.money(cell.text, own ?? ctx.unit);
  if (v) {
    ctx.offer(path, v, cell, rule, partOf(ctx, target));
    return;
  }
  if (ctx.unit === null && ctx.money(cell.text, '')) ctx.unitMissing ??= cell;
}

/** What a figure of the appropriation's table is a part of (see validate/appropriationParts): its 基本支出 and 项目支出 of
 *  its whole spending, its 人员经费 and 公用经费 of its 基本支出; undefined for a total or another table's figure. */
function partOf(ctx: Ctx, target: string): AppropriationPart | undefined {
  const a = ctx.appropriation;
  if (!a) return undefined;
  if (target === 'basic' || target === 'project') return { of: 'spending', ...(a.total ? { total: a.total } : {}) };
  if (target === 'personnel' || target === 'publicUse') return { of: 'basic', ...(a.total ? { total: a.total } : {}), ...(a.basic ? { basic: a.basic } : {}) };
  return undefined;
}

/** The unit the header of `cell`'s column states, or null (the header row of the same width above the cell's row). */
function columnUnit(ctx: Ctx, cell: TableCell): string | null {
  const rows = ctx.r.table.rows;
  const ri = rows.findIndex((r) => r.includes(cell));
  if (ri < 0) return null;
  const ci = rows[ri].indexOf(cell);
  for (let k = ri - 1; k >= 0; k--) {
    const u = ctx.colUnits.get(rows[k]);
    if (u && rows[k].length === rows[ri].length && u.has(ci)) return u.get(ci)!;
  }
  return null;
}

/** The data row's cell under header column `col`: same width, or a row whose merged label cell is written once
 *  (shorter at the left only: the value columns are counted from the right). */
function under(header: TableCell[], row: TableCell[], col: number, labelAt: number): TableCell | undefined {
  if (row.length === header.length) return row[col];
  const d = header.length - row.length;
  // (a label, maybe after empty cells, under the header's last name column, `⇥合计⇥182.60⇥146.20` under 科目编码⇥科目名称⇥合计⇥
  // 基本支出⇥项目支出, `合计⇥3.00⇥2.15` under 项目⇥预算数⇥决算数⇥备注: the row kept its left columns and lost its empty trailing
  // cells; counted from the right, the 合计 figure was read as 基本支出, the budget as the actual)
  if (d > 0 && keptLeft(header, row, labelAt)) return col < row.length ? row[col] : undefined;
  if (d > 0 && col - d > labelAt) return row[col - d];
  return undefined;
}

/** The row's label stands (after empty cells only) in the header's last name column (科目名称, 项目), the next header cell
 *  naming no name, code or 栏次: the row is whole at the left. */
function keptLeft(header: TableCell[], row: TableCell[], labelAt: number): boolean {
  if (labelAt < 0 || !row.slice(0, labelAt).every(isEmpty)) return false;
  const v = statementVocab();
  const next = header[labelAt + 1] ? key(header[labelAt + 1]) : '';
  return v.nameColumn.test(key(header[labelAt])) && next !== '' && !v.nameColumn.test(next) && !v.codeColumn.test(next);
}

const firstLabel = (row: TableCell[]) => row.findIndex((c) => !isEmpty(c));

/** A 栏次 row (`栏次 | 1 | 2 | 3`, or just `1 | 2 | 3`): column numbers, never money. */
function lineNumbers(row: TableCell[]): boolean {
  const filled = row.filter((c) => !isEmpty(c)).map(key);
  if (filled.length && statementVocab().lineNumber.test(filled[0])) return true;
  return filled.length >= 2 && filled.every((k, i) => /^\d{1,2}$/.test(k) && (i === 0 || Number(k) === Number(filled[i - 1]) + 1));
}

/** A 小计 row below rows of figures sums only those rows (科学技术支出 … | 小计), not the whole table; a 小计 that opens
 *  the figures is the table's total. */
function subtotal(ctx: Ctx, rows: TableCell[][], k: number): boolean {
  const li = firstLabel(rows[k]);
  if (!/^小计$/.test(label(rows[k][li]))) return false;
  return rows.slice(0, k).some((row) => !lineNumbers(row) && row.some((c, i) => i > firstLabel(row) && ctx.money(c.text, '') !== null));
}

/** 收入支出决算总表: two halves side by side (项目 行次 金额 | 项目 行次 金额); each row label is read in its half. */
function summary(ctx: Ctx, rules: SummaryRow[] = statementVocab().summaryRows, fund?: FundColumn): void {
  const v = statementVocab();
  const rows = ctx.r.table.rows;
  // the header: two item columns and an amount column (the 收入 | 支出 row above it has no amount column)
  const hi = rows.findIndex((row) => row.filter((c) => v.itemColumn.test(key(c))).length >= 2 && row.some((c) => amountRole(ctx.doc, key(c))));
  if (hi < 0) return stackedSummary(ctx, rules);
  const header = rows[hi];
  const starts = header.map((c, i) => (v.itemColumn.test(key(c)) && !repeatsLeft(header, i) ? i : -1)).filter((i) => i >= 0);
  // a super-header above (收入 | 支出) or the item header itself (收入项目) names the sides; else left is income
  const above = rows.slice(0, hi).flat().map(key);
  const inc = above.findIndex((k) => /^收入/.test(k));
  const spe = above.findIndex((k) => /^支出/.test(k));
  const spendingFirst = spe >= 0 && inc >= 0 && spe < inc;
  const halves = starts.map((from, n) => {
    const to = starts[n + 1] ?? header.length;
    const own = key(header[from]);
    const side: 'income' | 'spending' = /^收入/.test(own) ? 'income' : /^支出/.test(own) ? 'spending' : (n === 0) !== spendingFirst ? 'income' : 'spending';
    // the amount column: not 行次; the report kind's own role first, then 金额
    const cols: { col: number; role: Role }[] = [];
    for (let i = from + 1; i < to; i++) {
      if (repeatsLeft(header, i) || v.lineNumber.test(key(header[i]))) continue;
      const role = amountRole(ctx.doc, key(header[i]));
      if (role) cols.push({ col: i, role });
    }
    const amount = cols.find((c) => c.role === ctx.mode) ?? cols.find((c) => c.role === 'any');
    // (the spending half in columns by fund: the general budget's own column)
    let general = -1;
    for (let i = from + 1; i < to && fund && side === 'spending'; i++) if (!repeatsLeft(header, i) && fund.column.test(key(header[i]))) general = i;
    return { from, side, amount, general };
  });
  const picks: SummaryPick[] = [];
  for (const row of rows.slice(hi + 1)) {
    if (row.length !== header.length) continue; // cells cannot be placed under the header
    for (const h of halves) {
      const lab = label(row[h.from]);
      if (fund && h.general >= 0 && fund.row.test(lab)) picks.push({ side: h.side, label: lab, target: fund.target, role: 'any', cell: row[h.general] });
      if (!h.amount) continue;
      const rule = rules.find((s) => s.side === h.side && s.re.test(lab));
      picks.push({ side: h.side, label: lab, target: rule?.target ?? null, role: h.amount.role, cell: row[h.amount.col] });
    }
  }
  offerSummary(ctx, picks);
}

/** A row of a 收入支出决算总表's half: its label, the target its rule gives (null: a row no rule reads) and its amount cell. */
interface SummaryPick { side: 'income' | 'spending'; label: string; target: string | null; role: Role; cell: TableCell | undefined }

/** Offers the summary's rows; the spending half's 基本支出 and 项目支出 only with its 本年支出合计 they add up to (beside them no
 *  other kind of spending with a figure: 上缴上级支出, 经营支出 … tables.yaml statements.summary_other_kinds), else none of the
 *  three is read (one is mistyped or lost, which is not known) and sum_mismatch_total is warned, as for the 支出决算表. */
function offerSummary(ctx: Ctx, picks: SummaryPick[]): void {
  const spending = picks.filter((p) => p.side === 'spending');
  const first = (t: string) => spending.find((p) => p.target === t);
  const [total, basic, project] = ['spendingTotal', 'basic', 'project'].map(first);
  const others = spending.some((p) => statementVocab().summaryOtherKinds.test(p.label) && !nothing(p.cell));
  const split = total && basic && project && !others ? disagrees(ctx, [total.cell, basic.cell, project.cell]) : null;
  if (split) {
    const cells = [total!.cell!, basic!.cell!, project!.cell!];
    ctx.doc.messages.push({ ruleId: 'sum_mismatch_total', reason: `${ctx.r.table.caption ?? 'a summary table'}: its 基本支出 ${split[1]} + 项目支出 ${split[2]} ≠ its 本年支出合计 ${split[0]}; none of the three is read`, place: { start: Math.min(...cells.map((c) => c.start)), end: Math.max(...cells.map((c) => c.end)) }, paths: [] });
  }
  const carried = balanceParts(picks);
  for (const p of picks) {
    if (!p.target || carried.has(p) || (split && ['spendingTotal', 'basic', 'project'].includes(p.target))) continue;
    put(ctx, p.target, p.role, p.cell, `table.statement.summary.${p.target}`);
  }
}

/** The rows under a half's balance carried in or out (年初财政拨款结转和结余 ⏎ 一般公共预算财政拨款 ⏎ 政府性基金预算财政拨款, up to the
 *  half's 总计): parts of that balance, never the year's income or spending (tables.yaml statements.summary_balance_row). */
function balanceParts(picks: SummaryPick[]): Set<SummaryPick> {
  const out = new Set<SummaryPick>();
  for (const side of ['income', 'spending'] as const) {
    let under = false;
    for (const p of picks.filter((x) => x.side === side)) {
      if (/GrandTotal$/.test(p.target ?? '') || (p.target === null && /^(?:收入|支出)?总计$/.test(p.label))) under = false;
      else if (statementVocab().summaryBalanceRow.test(p.label)) under = true;
      else if (under) out.add(p);
    }
  }
  return out;
}

/**
 * 收入支出决算总表 with its halves one under the other (a web page's narrow copy): one item column and its amount column,
 * a row `收入` over the income rows and a row `支出` over the spending rows. Read only when both rows are there (which half a
 * bare `总计` closes is known only so); each label is read in the half it stands in.
 */
function stackedSummary(ctx: Ctx, rules: SummaryRow[]): void {
  const v = statementVocab();
  const rows = ctx.r.table.rows;
  const hi = rows.findIndex((row) => row.filter((c) => v.itemColumn.test(key(c))).length === 1 && row.some((c) => amountRole(ctx.doc, key(c))));
  if (hi < 0) return;
  const header = rows[hi];
  const from = header.findIndex((c) => v.itemColumn.test(key(c)));
  const cols = header.flatMap((c, i) => {
    const role = i > from && !repeatsLeft(header, i) && !v.lineNumber.test(key(c)) ? amountRole(ctx.doc, key(c)) : null;
    return role ? [{ col: i, role }] : [];
  });
  const amount = cols.find((c) => c.role === ctx.mode) ?? cols.find((c) => c.role === 'any');
  if (!amount) return;
  const sideOf = (row: TableCell[]): 'income' | 'spending' | null => {
    const filled = row.filter((c) => !isEmpty(c));
    // a row `收入` / `支出` alone, or the header repeated with the half's name in its item cell (2018: `收入⇥金额` over the
    // income rows, `支出⇥金额` over the spending rows)
    const head = row.length === header.length && row.every((c, i) => i === from || key(c) === key(header[i])) ? row[from] : null;
    const cell = filled.length === 1 ? filled[0] : head;
    const m = cell ? STACKED_SIDE.exec(key(cell)) : null;
    return m ? (m[1] === '收入' ? 'income' : 'spending') : null;
  };
  const marks = rows.slice(hi + 1).map(sideOf);
  let side: 'income' | 'spending' | null = sideOf(header);
  if (!(side === 'income' || marks.includes('income')) || !marks.includes('spending')) return;
  const picks: SummaryPick[] = [];
  rows.slice(hi + 1).forEach((row, i) => {
    if (marks[i]) {
      side = marks[i];
      return;
    }
    if (!side || row.length !== header.length) return;
    const lab = label(row[from]);
    const rule = rules.find((s) => s.side === side && s.re.test(lab));
    picks.push({ side, label: lab, target: rule?.target ?? null, role: amount.role, cell: row[amount.col] });
  });
  offerSummary(ctx, picks);
}
// the row opening a half: 收入 | 支出 (收入部分, 支出项目)
const STACKED_SIDE = /^(收入|支出)(?:部分|项目|情况)?[:：]?$/;

/** A spending table (支出决算表, 一般公共预算财政拨款支出决算表, 基本支出表): category columns in the 合计 row. The
 *  header may take several rows (本年支出 over 小计 | 基本支出 | 项目支出); a cell spread over several columns is a
 *  group, not a column (基本支出 over 人员经费 | 公用经费 has no column of its own). */
function categoryColumns(ctx: Ctx, kind: Kind): void {
  const v = statementVocab();
  const rows = ctx.r.table.rows;
  // the 合计 row: labelled so, with money in it (a header row `　| 小计 | 基本支出` is not it)
  const ti = rows.findIndex((row, k) => {
    const li = firstLabel(row);
    return li >= 0 && v.totalRow.test(label(row[li])) && row.some((c, i) => i > li && ctx.money(c.text, '') !== null) && !subtotal(ctx, rows, k);
  });
  if (ti < 1) return;
  const totalRow = rows[ti];
  const cols = new Map<string, { col: number; header: TableCell[] }[]>();
  for (const header of rows.slice(0, ti)) {
    if (kindRow(ctx, kind, header)) continue;
    header.forEach((c, i) => {
      if (repeatsLeft(header, i) || (header[i + 1] && repeatsLeft(header, i + 1))) return;
      const t = v.spendingColumns.find((s) => s.re.test(bareHeader(key(c))))?.target;
      const seen = cols.get(t ?? '') ?? [];
      if (t && !seen.some((x) => x.col === i)) cols.set(t, [...seen, { col: i, header }]);
    });
  }
  // a category over its parts (基本支出 spanning 人员经费 | 公用经费 in the header row below, no 小计 under it): its column is
  // the first part's, not the category's
  const headers = rows.slice(0, ti);
  const targetAt = (row: TableCell[], i: number) => (row[i] ? v.spendingColumns.find((s) => s.re.test(bareHeader(key(row[i]))))?.target : undefined);
  for (const [t, seen] of cols) {
    const kept = seen.filter(({ col, header }) => !headers.slice(headers.indexOf(header) + 1).some((below) => {
      const b = targetAt(below, col);
      return b !== undefined && b !== t && b !== 'total';
    }));
    if (kept.length) cols.set(t, kept);
    else cols.delete(t);
  }
  const parts = ['basic', 'project', 'personnel', 'publicUse'].filter((t) => cols.has(t));
  if (!parts.length) {
    if (!cols.size) totalAmounts(ctx, kind, rows.slice(0, ti), totalRow);
    return;
  }
  // one group of columns only: a header with 基本支出 twice (年初预算数 … | 决算数 …) is not read
  if (parts.some((t) => cols.get(t)!.length > 1)) return;
  const first = Math.min(...parts.map((t) => cols.get(t)![0].col));
  // the total column is the nearest total header left of the categories (小计 | 基本支出 | 项目支出)
  const total = (cols.get('total') ?? []).filter((x) => x.col < first).sort((a, b) => a.col - b.col).pop();
  const targets: [string, { col: number; header: TableCell[] }][] = parts.map((t) => [t, cols.get(t)![0]]);
  if (total) targets.unshift([v.totalTarget[kind], total]);
  const li = firstLabel(totalRow);
  // (a header column at or left of the row's label is reached only through a wider row's span)
  // (a row in the numbering row's layout that lost its empty trailing cells, `合计⇥⇥⇥183.10⇥150.20⇥32.90` under `科目编码⇥科目名称⇥栏次⇥1⇥…⇥6`,
  // is read by the numbers first: by the header's width it would be one cell off)
  const cellOf = (col: number, header: TableCell[]) =>
    underNumbered(rows.slice(0, ti), header, totalRow, col, true) ??
    (col > li ? under(header, totalRow, col, li) : undefined) ??
    underWider(header, totalRow, col, li) ??
    underNumbered(rows.slice(0, ti), header, totalRow, col);
  // the appropriation's 基本支出 / 项目支出 / 人员经费 / 公用经费 are the part it paid for, with its total and 基本支出 as the
  // table states them (the 基本支出表's total is its 基本支出)
  if (ctx.appropriation) {
    const figure = (t: { col: number; header: TableCell[] } | undefined) => {
      const c = t && cellOf(t.col, t.header);
      return c && !isEmpty(c) ? ctx.money(c.text, columnUnit(ctx, c) ?? ctx.unit) ?? undefined : undefined;
    };
    const basic = figure(kind === 'basic' ? total : cols.get('basic')?.[0]);
    const sum = kind === 'appropriation_spending' ? figure(total) : undefined;
    ctx.appropriation = { ...(sum ? { total: sum } : {}), ...(basic ? { basic } : {}) };
  }
  // (a 合计 row whose 基本支出 and 项目支出, the only parts its header names, do not add up to its total: one of the three is
  // mistyped or lost, which is not known — none of them is read)
  const split = parts.length === 2 && parts.includes('basic') && parts.includes('project') && total && onlyParts(total.header, total.col, (i) => cellOf(i, total.header))
    ? disagrees(ctx, [total, cols.get('basic')![0], cols.get('project')![0]].map((t) => cellOf(t.col, t.header)))
    : null;
  if (split) {
    ctx.doc.messages.push({ ruleId: 'sum_mismatch_total', reason: `${ctx.r.table.caption ?? 'a spending table'}: its 合计 row's 基本支出 ${split[1]} + 项目支出 ${split[2]} ≠ its total ${split[0]}; none of the three is read`, place: { start: totalRow[0].start, end: totalRow[totalRow.length - 1].end }, paths: [] });
  }
  for (const [target, { col, header }] of targets) {
    if (split && (target === v.totalTarget[kind] || target === 'basic' || target === 'project')) continue;
    const cell = cellOf(col, header);
    if (cell) put(ctx, target, 'any', cell, `table.statement.${kind}.${target}`);
  }
}

/** A cell with no figure or a figure of 0 (0.00). */
const nothing = (c: TableCell | undefined) => !c || isEmpty(c) || /^0+(?:\.0+)?$/.test(key(c));

/** Right of the total's column the header names only 基本支出 and 项目支出, or other columns (上缴上级支出, 经营支出 …) whose
 *  cell in the 合计 row is empty or 0. */
function onlyParts(header: TableCell[], totalCol: number, cellAt: (col: number) => TableCell | undefined): boolean {
  const v = statementVocab();
  return header.every((c, i) => i <= totalCol || isEmpty(c) || repeatsLeft(header, i) || /^(?:basic|project)$/.test(v.spendingColumns.find((s) => s.re.test(bareHeader(key(c))))?.target ?? '') || nothing(cellAt(i)));
}

/** The three figures as written (total, basic, project) when all are there and the parts miss the total beyond the rounding
 *  of the three; else null. */
function disagrees(ctx: Ctx, cells: (TableCell | undefined)[]): string[] | null {
  if (cells.some((c) => !c || isEmpty(c))) return null;
  // (all three in one unit: a column stating its own, 基本支出（元） under 单位：万元, is compared with nothing)
  if (new Set(cells.map((c) => columnUnit(ctx, c!) ?? ctx.unit)).size > 1) return null;
  const texts = cells.map((c) => key(c).replace(/,/g, ''));
  if (!texts.every((t) => /^-?\d+(?:\.\d+)?$/.test(t))) return null;
  const [t, b, p] = texts.map(Number);
  const slack = texts.reduce((a, x) => a + halfUlp(x), 0);
  return Math.abs(b + p - t) > slack + 1e-9 ? texts : null;
}


/**
 * A spending table whose value columns are amounts, not categories (`科目编码⇥科目名称⇥年初预算数⇥调整预算数⇥决算数` over
 * `⇥合计⇥150.00⇥172.30⇥168.45`): each figure of the 合计 row is the total's by its column's role (tables.yaml
 * total_amount_columns; 年初 the initial budget). Only from the header row right above the figures' width (or the row's
 * label written once over the code and name columns, counted from the right); a role named twice is not read. The rows
 * of the kinds of spending under the same columns (基本支出 | 项目支出 beside the 合计, a table by kind) are read too (kindRows).
 */
function totalAmounts(ctx: Ctx, kind: Kind, headers: TableCell[][], totalRow: TableCell[]): void {
  const target = statementVocab().totalTarget[kind];
  if (!target) return;
  for (let h = headers.length - 1; h >= 0; h--) {
    const header = headers[h];
    const roles = headerRoles(ctx.doc, header);
    if (!roles.size) continue;
    const parts = kindRows(ctx, kind, header, totalRow);
    for (const [role, at] of roles) {
      if (at.length !== 1) continue;
      // (a row wider than the header by the empty cells its label spanned, `合计⇥⇥⇥150.00⇥…`, `⇥合计⇥150.00⇥…`: counted from the right)
      const cellIn = (row: TableCell[]) => {
        const li = firstLabel(row);
        return (at[0] > li ? under(header, row, at[0], li) : undefined) ?? underWider(header, row, at[0], li);
      };
      const cell = cellIn(totalRow);
      // (a part has no 年初 field; the kinds are read only where 基本支出 and 项目支出 both add up to their column's 合计, which
      // shows the rows are the whole's kinds — one of them alone may be a part's part; missing it, none of the three is read)
      const cells = role === 'initial' ? [] : [...parts].map(([t, row]) => [t, cellIn(row)] as const);
      const part = (t: string) => cells.find(([x]) => x === t)?.[1];
      const [b, p] = [part('basic'), part('project')];
      const split = disagrees(ctx, [cell, b, p]);
      if (split) ctx.doc.messages.push({ ruleId: 'sum_mismatch_total', reason: `${ctx.r.table.caption ?? 'a spending table'}: its 基本支出 ${split[1]} + 项目支出 ${split[2]} ≠ its 合计 ${split[0]} under ${key(header[at[0]])}; none of the three is read`, place: { start: totalRow[0].start, end: totalRow[totalRow.length - 1].end }, paths: [] });
      if (cell && !split) {
        if (role === 'initial') put(ctx, `${target}Initial`, 'budget', cell, `table.statement.${kind}.initialBudget`);
        else put(ctx, target, role as Role, cell, `table.statement.${kind}.${role}`);
      }
      const checked = !split && [cell, b, p].every((c) => c && !isEmpty(c));
      for (const [t, c] of cells) if (c && checked) put(ctx, t, role as Role, c, `table.statement.${kind}.${t}`);
    }
    return;
  }
}

/** The amount columns of a header row by role (actual | budget | initial | any), each role's column indexes. */
function headerRoles(doc: KDocument, header: TableCell[]): Map<string, number[]> {
  const v = statementVocab();
  const roles = new Map<string, number[]>();
  const before = beforeChange(header);
  header.forEach((c, i) => {
    if (i <= 0 || repeatsLeft(header, i) || v.lineNumber.test(key(c))) return;
    const k = bareHeader(key(c));
    const y = yearColumnOf(k);
    // (金额 / 本年数 names no role: the report's kind says, as in the summary, when it is the only amount column)
    let role = y ? amountRole(doc, k) : v.totalAmountColumns.find((x) => x.re.test(k))?.role ?? (v.amountColumns.some((x) => x.role === 'any' && x.re.test(k)) ? 'any' : null);
    // (预算数 beside a change column, 预算数⇥调整数⇥决算数: the budget before the change, the initial one)
    if (role === 'budget' && before?.(k)) role = 'initial';
    if (role) roles.set(role, [...(roles.get(role) ?? []), i]);
  });
  if (roles.has('any') && roles.size > 1) roles.delete('any');
  return roles;
}

// the kinds of spending a statement by kind lists as rows (spending_columns' targets), by the statement's kind
// (not the appropriation's table: its kinds are its part of the spending, which other money may have paid the rest of)
const KIND_ROWS: Partial<Record<Kind, string[]>> = { spending: ['basic', 'project', 'personnel', 'publicUse'] };
const kindTarget = (kind: Kind, lab: string): string | null => {
  const t = statementVocab().spendingColumns.find((s) => s.re.test(lab))?.target;
  return t && KIND_ROWS[kind]?.includes(t) ? t : null;
};

/** A row naming a kind of spending with figures after its label (基本支出⇥120.00⇥125.00⇥123.50): a row of the table, no header. */
function kindRow(ctx: Ctx, kind: Kind, row: TableCell[]): boolean {
  const li = firstLabel(row);
  return li >= 0 && kindTarget(kind, label(row[li])) !== null && row.some((c, i) => i > li && ctx.money(c.text, '') !== null);
}

/** The rows below `header` naming a kind of spending (其中：基本支出 | 项目支出 | 人员经费 …), by target; a kind named by two rows
 *  is read from neither (which is the year's is not told). */
function kindRows(ctx: Ctx, kind: Kind, header: TableCell[], totalRow: TableCell[]): Map<string, TableCell[]> {
  const rows = ctx.r.table.rows;
  const out = new Map<string, TableCell[]>();
  const twice = new Set<string>();
  for (const row of rows.slice(rows.indexOf(header) + 1)) {
    if (row === totalRow || !kindRow(ctx, kind, row)) continue;
    const t = kindTarget(kind, label(row[firstLabel(row)]))!;
    if (out.has(t)) twice.add(t);
    out.set(t, row);
  }
  for (const t of twice) out.delete(t);
  return out;
}

/**
 * An untitled table of the kinds of spending in a 决算 or 预算 disclosure (`项目⇥年初预算数⇥调整预算数⇥决算数` over 基本支出 |
 * 项目支出 | 合计): a header naming amount columns (no figure in it), every row under it the 合计 or a kind of spending with figures
 * (or a 栏次 row), the 合计, 基本支出 and 项目支出 among them. Read as the 支出决算表 (or 支出预算表), by its columns' roles.
 * In an overall self-evaluation only such a list with one amount column (项目⇥金额（万元）): a wider one is a budget block there,
 * read as the form's (tables.ts ownBudgetTable).
 */
function kindRowsByContent(doc: KDocument, r: TableReading): boolean {
  const rk = reportKindOf(doc);
  if (rk !== 'final_accounts' && rk !== 'budget' && rk !== 'overall_self_eval') return false;
  const v = statementVocab();
  const rows = r.table.rows.filter((row) => row.some((c) => !isEmpty(c)));
  const figures = (row: TableCell[], from: number) => row.some((c, i) => i > from && AMOUNT.test(key(c)));
  const hi = rows.findIndex((row) => headerRoles(doc, row).size > 0);
  if (hi < 0 || rows.slice(0, hi + 1).some((row) => figures(row, -1))) return false;
  if (rk === 'overall_self_eval' && (r.budget || [...headerRoles(doc, rows[hi]).values()].flat().length !== 1)) return false;
  const seen = new Set<string>();
  for (const row of rows.slice(hi + 1)) {
    if (lineNumbers(row)) continue;
    const li = firstLabel(row);
    const lab = label(row[li]);
    const t = v.totalRow.test(lab) ? 'total' : kindTarget('spending', lab);
    if (!t || !figures(row, li)) return false;
    seen.add(t);
  }
  return seen.has('total') && seen.has('basic') && seen.has('project');
}

/**
 * The 合计 row wider than its header by the label columns the header's one 项目 cell spans (a copy that lost the merge:
 * `项目⇥本年支出合计⇥基本支出⇥项目支出` over `合计⇥⇥186.64⇥146.64⇥40.00`, 科目编码 | 科目名称 under 项目): the value columns
 * counted from the right, when the extra cells right after its label (or before it, `⇥合计⇥186.64⇥…`: an empty 科目编码)
 * are empty and its last cell is not (with both ends empty, a trailing tab or an empty last column cannot be told apart).
 */
function underWider(header: TableCell[], row: TableCell[], col: number, labelAt: number): TableCell | undefined {
  const d = row.length - header.length;
  // (the label in 科目名称 with an empty 科目编码 before it, `⇥合计⇥2,016,812.55⇥…`, lies in the same span)
  if (d <= 0 || labelAt > d || col < 1 || isEmpty(row[row.length - 1])) return undefined;
  for (let i = 0; i <= d; i++) if (i !== labelAt && !isEmpty(row[i])) return undefined;
  return row[col + d];
}

/**
 * The 决算 template's column numbers (`项目⇥本年支出合计⇥基本支出⇥…` over `科目编码⇥科目名称⇥栏次⇥1⇥2⇥…`, the 项目 cell having
 * spanned the code, name and 栏次 columns): the header's k-th value column is the one numbered k, in rows of the numbering
 * row's width. Only when the numbers run 1…n with no gap after the 栏次 cell and n is the count of the header's columns
 * after its 项目 cell.
 */
function underNumbered(above: TableCell[][], header: TableCell[], row: TableCell[], col: number, short = false): TableCell | undefined {
  const v = statementVocab();
  const items = header.findIndex((c) => !v.itemColumn.test(key(c)) && !isEmpty(c));
  if (items < 1 || col < items) return undefined;
  for (const nums of above) {
    if (nums === header) continue;
    const at = nums.findIndex((c) => v.lineNumber.test(key(c)));
    if (at < 0) continue;
    // (the numbers open the first filled cell after 栏次: `栏次⇥⇥1⇥2…`, the 栏次 cell merged over the name column, copied once)
    let first = at + 1;
    while (first < nums.length && isEmpty(nums[first])) first++;
    if (nums.length - first !== header.length - items) continue;
    if (!nums.slice(first).every((c, i) => key(c) === String(i + 1))) continue;
    // `short`: a row narrower than the numbering row only at its right end — its label in one of the code, name and 栏次
    // columns, its other cells there empty, a figure right after them; a cell past its end is empty
    if (short) {
      const li = firstLabel(row);
      if (row.length >= nums.length || li < 0 || li >= first || row.length <= first || !row.slice(li + 1, first).every(isEmpty) || isEmpty(row[first])) continue;
      const k = first + col - items;
      return k < row.length ? row[k] : { start: row[row.length - 1].end, end: row[row.length - 1].end, text: '' };
    }
    if (nums.length !== row.length) continue;
    return row[first + col - items];
  }
  return undefined;
}

/** 基本支出表: `人员经费合计 | | X | 公用经费合计 | | Y`: the value under the next amount column to the label's right. */
function pairRows(ctx: Ctx): void {
  const v = statementVocab();
  const rows = ctx.r.table.rows;
  let header: TableCell[] | null = null;
  let amounts: { col: number; role: Role }[] = [];
  for (const row of rows) {
    const found = row.map((c, i) => ({ col: i, role: repeatsLeft(row, i) ? null : amountRole(ctx.doc, key(c)) })).filter((x): x is { col: number; role: Role } => !!x.role);
    if (found.length) {
      header = row;
      amounts = found;
      continue;
    }
    if (!header) continue;
    if (row.length !== header.length) {
      narrowPairRow(ctx, row, amounts);
      continue;
    }
    row.forEach((c, i) => {
      const rule = v.pairRows.find((p) => p.re.test(label(c)));
      if (!rule || repeatsLeft(row, i)) return;
      const a = amounts.find((x) => x.col > i && (x.role === ctx.mode || x.role === 'any'));
      if (a) put(ctx, rule.target, a.role, row[a.col], `table.statement.basic.${rule.target}`);
    });
  }
}

// a cell that is a figure: an amount, or (FIGURE, below) a rate too
const NUMBER = String.raw`[-+−]?\d[\d,]*(?:\.\d+)?`;
const AMOUNT = new RegExp(`^${NUMBER}$`);

/** A total row whose label cell spanned 科目编码 | 科目名称 (a web page's or Word's merged cell as one:
 *  `人员经费合计⇥222.16⇥公用经费合计⇥36.48` under a six-column header): read only when the row is nothing but such labels,
 *  each with one figure right after it, as many as the header's amount columns; the k-th figure is the k-th column's. */
function narrowPairRow(ctx: Ctx, row: TableCell[], amounts: { col: number; role: Role }[]): void {
  const v = statementVocab();
  const filled = row.filter((c) => !isEmpty(c));
  if (!filled.length || filled.length % 2 || filled.length / 2 !== amounts.length) return;
  const pairs: { target: string; cell: TableCell }[] = [];
  for (let k = 0; k < filled.length; k += 2) {
    const rule = v.pairRows.find((p) => p.re.test(label(filled[k])));
    // (the figure the very next cell: a label with an empty cell after it is not paired with one further on)
    if (!rule || row[row.indexOf(filled[k]) + 1] !== filled[k + 1] || !AMOUNT.test(key(filled[k + 1]))) return;
    pairs.push({ target: rule.target, cell: filled[k + 1] });
  }
  pairs.forEach((p, k) => {
    const a = amounts[k];
    if (a.role === ctx.mode || a.role === 'any') put(ctx, p.target, a.role, p.cell, `table.statement.basic.${p.target}`);
  });
}

/** "三公"经费表: amount columns (预算数 | 决算数) in the 合计 row, or amount rows (预算数 | 决算数) under a 合计 column,
 *  or groups (预算数 | 决算数) over repeated 合计 columns with one data row beneath. */
/** Beside the year's budget after its changes (调整预算数, 全年预算数; `isYear` its column or row), that one is the budget and any
 *  other budget (年初预算数, 预算数) the one before the changes, which the 三公 have no field for. */
function yearBudgetRole(role: Role | null, isYear: boolean): Role | null {
  return isYear ? 'budget' : role === 'budget' ? null : role;
}
/** The third header row of the 公开07表 (⇥⇥小计⇥公务用车购置费⇥公务用车运行费⇥…): the split that makes the figures' row wider. */
function splitRow(between: TableCell[][]): boolean {
  const split = statementVocab().threePublicContent.split;
  return between.some((r) => r.some((c) => split.test(key(c))));
}
/** The 合计 of the k-th of `groups` amount groups (预算数 | 决算数) when the row of figures is wider than the items' row over it
 *  (合计⇥因公出国（境）费⇥公务用车购置及运行费⇥公务接待费, twice, over 12 figures): the items' row splits into equal groups of the
 *  same words, each opening with 合计; the figures into as many equal shares, and each share adds up as the 三公 do — its first
 *  the sum of the rest, or of the rest but a 小计 among them (购置费 + 运行费). Else none (which figure is whose is not shown). */
function groupShare(items: TableCell[], data: TableCell[], groups: number, k: number): TableCell | null {
  const w = items.length / groups, n = data.length / groups;
  if (!Number.isInteger(w) || !Number.isInteger(n) || n <= w) return null;
  const words = (g: number) => items.slice(g * w, (g + 1) * w).map(key).join('|');
  if (!/^(合计|小计|总计)$/.test(key(items[k * w])) || words(k) !== words(0)) return null;
  const share = data.slice(k * n, (k + 1) * n);
  const nums = share.map((c) => (isEmpty(c) ? 0 : FIGURE.test(key(c)) && !/[%％]$/.test(key(c)) ? Number(key(c).replace(/,/g, '')) : NaN));
  if (nums.some((x) => Number.isNaN(x))) return null;
  const near = (a: number, b: number) => Math.abs(a - b) < 0.005;
  const rest = nums.slice(1).reduce((a, b) => a + b, 0);
  return near(nums[0], rest) || nums.slice(1).some((x) => near(rest - nums[0], x)) ? share[0] : null;
}
function threePublic(ctx: Ctx): void {
  const v = statementVocab();
  const rows = ctx.r.table.rows;
  // (beside a change column a 年初预算数 or 预算数 is the budget before it: the 三公 have no field for that)
  // (beside the year's budget after its changes, 年初预算数⇥调整预算数⇥决算数, the 年初预算数 is the budget before them too: the
  // adjusted column is the budget)
  const tv = tableVocab();
  const roles = (row: TableCell[]) => {
    const before = beforeChange(row);
    const year = row.findIndex((c, i) => !repeatsLeft(row, i) && tv.budgetYearColumn.test(bareHeader(key(c))));
    return row.map((c, i) => {
      let role = repeatsLeft(row, i) ? null : amountRole(ctx.doc, key(c));
      if (year >= 0 && !before) role = yearBudgetRole(role, i === year);
      return { col: i, role: role === 'budget' && before?.(key(c)) ? null : role };
    }).filter((x): x is { col: number; role: Role } => !!x.role);
  };
  const totals = (row: TableCell[]) => row.map((c, i) => (!repeatsLeft(row, i) && /^(合计|小计|总计)$/.test(key(c)) ? i : -1)).filter((i) => i >= 0);
  for (let hi = 0; hi < rows.length; hi++) {
    const header = rows[hi];
    const amounts = roles(header);
    const next = rows[hi + 1] ?? [];
    // groups over 合计 columns: the k-th 合计 belongs to the k-th group
    if (amounts.length >= 2 && totals(next).length >= amounts.length) {
      const tcols = totals(next);
      const data = rows.slice(hi + 2).find((r) => !lineNumbers(r) && r.some((c) => ctx.money(c.text, '') !== null));
      if (data && data.length === next.length) amounts.forEach((a, k) => put(ctx, 'threePublic', a.role, data[tcols[k]], 'table.statement.three_public.group'));
      // (公务用车购置及运行费 split into 小计⇥购置费⇥运行费 on a third header row, the merged cells not kept as empty ones: the
      // figures run wider than the items' row; each group's figures are then an equal share of the row, its 合计 first — only
      // with that row there: a wider row with no split shown does not fit, nothing is read)
      else if (data && splitRow(rows.slice(hi + 2, rows.indexOf(data)))) amounts.forEach((a, k) => {
        const part = groupShare(next, data, amounts.length, k);
        if (part) put(ctx, 'threePublic', a.role, part, 'table.statement.three_public.group');
      });
      return;
    }
    if (amounts.length) {
      for (const [k, row] of rows.entries()) {
        if (k <= hi) continue;
        const li = firstLabel(row);
        if (li < 0 || !v.totalRow.test(label(row[li])) || subtotal(ctx, rows, k)) continue;
        for (const a of amounts) if (a.col > li) put(ctx, 'threePublic', a.role, under(header, row, a.col, li), 'table.statement.three_public.total');
        return;
      }
      return;
    }
    // a 合计 group over amount columns (合计 | | 因公出国（境）费 | … ⏎ 预算数 | 决算数 | 预算数 | …): the 合计's columns are those
    // under it up to the next heading cell, read in the first row of figures beneath
    const group = totals(header)[0];
    if (group !== undefined && roles(next).some((a) => a.col >= group)) {
      let end = group + 1;
      while (end < header.length && (isEmpty(header[end]) || repeatsLeft(header, end))) end++;
      // (one row of figures only: with several, 上年 | 本年 …, which is the year's is not told here)
      const data = rows.slice(hi + 2).filter((r) => !lineNumbers(r) && r.some((c) => ctx.money(c.text, '') !== null));
      if (data.length === 1 && data[0].length === next.length) for (const a of roles(next)) if (a.col >= group && a.col < end) put(ctx, 'threePublic', a.role, data[0][a.col], 'table.statement.three_public.group');
      return;
    }
    const tc = totals(header).find((i) => i > firstLabel(header));
    if (tc !== undefined) {
      // (the amount rows read as the columns above: beside an adjusted budget's row, 年初预算数 ⏎ 调整预算数 ⏎ 决算数, that one is the budget)
      const labelled = rows.slice(hi + 1).map((row) => ({ row, li: firstLabel(row) })).filter((x) => x.li >= 0 && x.li < tc);
      const yearRow = labelled.find((x) => tv.budgetYearColumn.test(bareHeader(label(x.row[x.li]))));
      const changed = labelled.some((x) => tv.budgetChangeColumn.test(bareHeader(label(x.row[x.li]))));
      for (const { row, li } of labelled) {
        let role = amountRole(ctx.doc, label(row[li]));
        if (yearRow && !changed) role = yearBudgetRole(role, row === yearRow.row);
        if (role) put(ctx, 'threePublic', role, under(header, row, tc, li), 'table.statement.three_public.row');
      }
      return;
    }
    // 合计 | 因公出国（境）费用 | 公务用车购置及运行费 | 公务接待费 ⏎ 30,000.00 | 0.00 | 20,000.00 | 10,000.00: the items over one row of
    // figures, no row labels and no amount words: the 合计 column's figure is the total, a plan or an actual as the report
    // (or the caption) says; with several rows of figures (上年 | 本年 …) which is the year's is not told
    const t0 = totals(header)[0];
    if (t0 !== undefined && t0 === firstLabel(header)) {
      // (公务用车购置及运行费 split under it, ⏎ ⇥⇥小计⇥公务用车购置费⇥公务用车运行费⇥: a row of the items' own words only is the
      // header's second row, no row of figures — the 预算 template's 三公 table has it)
      const { item, other } = statementVocab().threePublicContent;
      const words = (r: TableCell[]) => r.every((c) => isEmpty(c) || item.test(key(c)) || other.test(key(c)));
      const data = rows.slice(hi + 1).filter((r) => !lineNumbers(r) && r.some((c) => !isEmpty(c)) && !words(r));
      if (data.length === 1 && data[0].length === header.length && data[0].every((c) => isEmpty(c) || ctx.money(c.text, '') !== null)) put(ctx, 'threePublic', 'any', data[0][t0], 'table.statement.three_public.items');
      return;
    }
  }
}

/** What the figures of a self-evaluation's untitled list are (项目⇥金额（万元）, read by content), by the words right above it:
 *  spending (支出, 决算, 执行 …) actuals, 预算 plans; both or neither say nothing (tables.yaml statements.list_actual_words). */
function listMode(above: string): Mode | null {
  const v = statementVocab();
  const plain = above.replace(v.budgetCaptionStrip, '');
  const budget = v.listBudgetWords.test(plain);
  // (预算支出情况: the budget's spending, no actual)
  const actual = v.listActualWords.test(plain.replace(v.listBudgetSpending, '预算'));
  return budget === actual ? null : budget ? 'budget' : 'actual';
}

/** The table without its header rows printed again below its figures (a page's break between two rows, the header repeated
 *  on the next page): no rows of it — read as rows, they hid the kinds above them from the 合计 below. Not when a row label
 *  above it comes again after it (合计 twice: two tables under one header, another year's or group's; left as they were). */
function withoutRepeatedHeaders(r: TableReading): TableReading {
  const rows = r.table.rows;
  const sig = (row: TableCell[]) => row.filter((c) => !isEmpty(c) && !c.merged).map(key).join('\t');
  const heads = new Set<string>();
  const labels = new Set<string>();
  let data = false;
  let repeated = false;
  let glued = false;
  const kept = rows.filter((row) => {
    const filled = row.filter((c) => !isEmpty(c)).length;
    if (!data && !lineNumbers(row) && row.some((c, i) => i > firstLabel(row) && AMOUNT.test(key(c)))) data = true;
    if (!data) {
      if (filled >= 2) heads.add(sig(row));
      return true;
    }
    if (filled >= 2 && heads.has(sig(row))) return !(repeated = true);
    const lab = label(row[firstLabel(row)]);
    if (repeated && labels.has(lab)) glued = true;
    labels.add(lab);
    return true;
  });
  return !repeated || glued ? r : { ...r, table: { ...r.table, rows: kept } };
}

/** Reads every statement table of the document; call after the prose extractors, with the table stage's offer().
 *  `untitledOwn`: nothing around an untitled table names another year or body; `above`: its caption and the line above it. */
export function statementFacts(doc: KDocument, readings: TableReading[], offer: Offer, money: Money, untitledOwn: (r: TableReading) => boolean = () => false, above: (r: TableReading) => string = () => ''): void {
  const unitRe = tableVocab().unitHeader;
  // the first value offered for a path wins: the unit's own tables go before the appropriation's (whose 基本支出 and
  // 项目支出 are the appropriation-funded part), whatever order the disclosure prints them in
  const order: Kind[] = ['summary', 'appropriation_summary', 'spending', 'three_public', 'basic', 'appropriation_spending'];
  const ranked = readings
    .map(withoutRepeatedHeaders)
    .map((r) => {
      const kind = statementKind(r.caption) ?? (r.kind === null && threePublicByContent(doc, r) ? 'three_public' : r.kind === null && kindRowsByContent(doc, r) && untitledOwn(r) ? 'spending' : null);
      return { r, kind, caption: r.caption ?? '', byContent: kind !== null && statementKind(r.caption) === null };
    })
    .filter((x): x is { r: TableReading; kind: Kind; caption: string; byContent: boolean } => !!x.kind && x.kind !== 'ignore')
    .sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind));
  const reportKind = reportKindOf(doc);
  for (const { r, kind, caption, byContent } of ranked) {
    // (a self-evaluation's untitled list of the kinds of spending: the line above it says what its 金额 is)
    const said = byContent && kind === 'spending' && reportKind === 'overall_self_eval' ? listMode(above(r)) : modeOf(doc, caption);
    // neither the report (a self-evaluation, not a disclosure) nor the caption says what the figures are: the columns
    // naming their role still do (预算数 | 决算数 of a “三公”经费支出情况表)
    const unsaid = !said && reportKind !== 'project_self_eval';
    const mode = said ?? (unsaid ? 'actual' : null);
    if (!mode) continue;
    // 单位：元 above the table, in the caption or a cell (金额单位：万元, 金额（元）)
    let unit = r.tableUnit;
    if (unit === null)
      for (const c of r.table.rows.flat()) {
        const m = key(c).match(unitRe);
        if (m) {
          unit = (m[1] ?? m[2]).replace(/元$/, '');
          break;
        }
      }
    const appropriation = kind === 'appropriation_spending' || (kind === 'basic' && statementVocab().appropriationCaption.test(caption)) ? {} : null;
    const ctx: Ctx = { doc, r, mode, unit, offer, money, unitMissing: null, colUnits: columnUnits(r.table.rows), anyRole: !unsaid, appropriation };
    if (kind === 'summary') summary(ctx);
    else if (kind === 'appropriation_summary') summary(ctx, statementVocab().appropriationSummaryRows, statementVocab().appropriationFundColumn);
    else if (kind === 'three_public') threePublic(ctx);
    else {
      categoryColumns(ctx, kind);
      if (kind === 'basic') pairRows(ctx);
    }
    if (ctx.unitMissing) {
      doc.messages.push({
        ruleId: 'table_unit_unknown',
        reason: `${r.caption ?? 'table'}: no unit (单位：元 / 单位：万元) stated for the table; its money cells are not used`,
        place: { start: ctx.unitMissing.start, end: ctx.unitMissing.end },
      });
    }
  }
}

const FIGURE = new RegExp(`^${NUMBER}[%％]?$`);

/**
 * A table with no statement caption that is the "三公"经费 table by its words (tables.yaml statements.three_public_content):
 * every cell that is no figure is a 三公 item, a total, an amount column (预算数, 2023年决算数), a line number or a note
 * column, and it names 三公 itself or two of its items. A table with any other row (基本支出, 人员经费) is not.
 */
function threePublicByContent(doc: KDocument, r: TableReading): boolean {
  const { item, named, other } = statementVocab().threePublicContent;
  const items = new Set<string>();
  let says = false;
  for (const c of r.table.rows.flat()) {
    if (c.merged) continue;
    const k = key(c);
    if (!k || FIGURE.test(k) || isEmpty(c)) continue;
    const l = k.replace(tableVocab().rowLabelStrip, '');
    if (item.test(k) || item.test(l)) items.add(l.replace(/用$/, ''));
    else if (named.test(l)) says = true;
    else if (!other.test(l) && !amountRole(doc, k) && !yearColumnOf(bareHeader(k))) return false; // (another year's column is read as none)
  }
  return says || items.size >= 2;
}

/**
 * A two-row table with no statement caption: finance labels over their amounts (本年收入合计⇥本年支出合计⏎168.42万元⇥
 * 165.90万元, `statements.label_row`). All or nothing: every header cell a label, as many cells below, every filled
 * one an amount (with its own unit or the table's), and no other row.
 */
export function labelRowFacts(doc: KDocument, readings: TableReading[], offer: Offer, money: Money): void {
  const v = statementVocab();
  for (const r of readings) {
    if (r.kind !== null || statementKind(r.caption) !== null) continue;
    const rows = r.table.rows.filter((row) => row.some((c) => !isEmpty(c)));
    if (rows.length !== 2 || rows[0].length !== rows[1].length) continue;
    const [header, values] = rows;
    const targets = header.map((c) => (isEmpty(c) || c.merged ? null : v.labelRow.find((x) => x.re.test(key(c)))?.target ?? null));
    if (targets.some((t) => t === null) || new Set(targets).size !== targets.length) continue;
    const mode = modeOf(doc, r.caption);
    if (!mode) continue;
    const unit = r.tableUnit;
    const read: { target: string; cell: TableCell; value: { value: number; tol: number } }[] = [];
    let ok = true;
    let unitMissing: TableCell | null = null;
    values.forEach((c, i) => {
      if (!ok || isEmpty(c)) return;
      const val = money(c.text, unit);
      if (val) read.push({ target: targets[i]!, cell: c, value: val });
      else if (unit === null && money(c.text, '')) unitMissing ??= c;
      else ok = false;
    });
    if (!ok) continue;
    if (unitMissing) {
      doc.messages.push({
        ruleId: 'table_unit_unknown',
        reason: `${r.caption ?? 'table'}: no unit (单位：元 / 单位：万元) stated for the table; its money cells are not used`,
        place: { start: (unitMissing as TableCell).start, end: (unitMissing as TableCell).end },
      });
      continue;
    }
    for (const x of read) {
      const path = v.targets[x.target]?.[mode];
      if (path) offer(path, x.value, x.cell, `table.label-row.${x.target}`);
    }
  }
}
