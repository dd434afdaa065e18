// Extract stage, tables: indicator rows, goals, and table facts for finance / staffing / selfEvaluation / projects.
// Statement tables of 决算/预算 disclosures: accountsTables.ts. Runs after prose extraction: a path the prose already filled keeps the prose value (a different table value warns).
import type { AppropriationPart, Fact, KDocument, Span, Table, TableCell, TableFigure } from '../document.js';
import { pointerPath } from '../document.js';
import type { Indicator, ParsedValue, Project } from '../schema/record.js';
import { foldDigits, halfUlp, moneySlack, toCount, toYuan } from '../normalise/numbers.js';
import { tableVocab } from '../structure/tableVocab.js';
import { cellText, parseScore, parseValue, rateCell, scoreCell, sentenceActual } from './values.js';
import { CN_COUNT, key, levelLabel, readTable, unitWord, type TableReading } from './tableReading.js';
import { labelRowFacts, statementFacts } from './accountsTables.js';
import { dataHeaderRows, labelRowMoney, stackedMoney, yearTableRules, type StackedMoney } from './stackedLabels.js';
import { yearTable, type YearTable } from './yearColumns.js';
import { rateAgrees } from './lostCells.js';
import { sourceColumns } from './sourceColumns.js';
import { unflattenBudgetRows } from './flatRows.js';
import { scoredOnly } from './scoredProjects.js';
import { unitName } from './engine.js';
import { activityTables } from './activities.js';
import { projectTables } from './projects.js';
import { gradesDenying } from './gradeBands.js';
import { foldedTitle, itemName, titleItem } from './ownProject.js';

export interface CellEvidence {
  span: Span;
  rule: string;
}

type ReportSide = 'overall' | 'project' | null;

const MULT: Record<string, number> = { '': 1, 千: 1000, 万: 10000, 亿: 100000000 };

/** The cell's text for values: the display copy of the text (simplified, digits folded) when the cell is a plain
 *  slice of the text; a rebuilt PDF cell joined over a page break carries its own text. */
function display(doc: KDocument, c: TableCell): string {
  const own = doc.text.slice(c.start, c.end) === c.text || doc.norm.slice(c.start, c.end) === c.text;
  return own ? (doc.display ?? doc.text).slice(c.start, c.end) : c.text;
}

/** The table with cell texts from the folded copy, for matching header words and labels. */
function folded(doc: KDocument, t: Table): Table {
  if (doc.norm.length !== doc.text.length) return t;
  // a cell the folding left as it was is kept, not copied (the common case; nothing downstream changes cells)
  const fold = (c: TableCell): TableCell => {
    if (doc.text.slice(c.start, c.end) !== c.text) return c;
    const text = doc.norm.slice(c.start, c.end);
    if (text === c.text) return c;
    // a plain cell as a literal: a spread copy gets a hidden class of its own (V8), and the readers' cells meet
    // polymorphic code enough already
    return c.rowSpan === undefined && c.colSpan === undefined && c.merged === undefined ? { start: c.start, end: c.end, text } : { ...c, text };
  };
  return { ...t, rows: t.rows.map((r) => r.map(fold)) };
}

const span = (c: TableCell): Span => ({ start: c.start, end: c.end });

/** Money in a cell: `43`, `　85.09`, `1,234.00`, `43万元`, `1,234.00?` (one stray mark left by a lost character);
 *  the cell's own unit wins over the table's. */
export function moneyCell(text: string, unit: string | null): { value: number; tol: number } | null {
  const k = foldDigits(text.replace(/[\s\u3000]+/g, ''));
  const m = k.match(/^(\d[\d,]*(?:\.\d+)?)(万元|千元|亿元|元|万)?[?？\uFFFD]?$/);
  if (!m) return null;
  const u = m[2] ? m[2].replace(/元$/, '') : unit;
  if (u === null) return null;
  const value = toYuan(m[1], u);
  return value === null ? null : { value, tol: halfUlp(m[1], MULT[u] ?? 1) };
}


const COUNT_CELL = new RegExp(`^(\\d+|${CN_COUNT})(人|名|个)?$`);
function countCell(text: string): { value: number; tol: number } | null {
  const m = text.replace(/[\s\u3000]+/g, '').match(COUNT_CELL);
  const value = m ? toCount(m[1]) : null;
  return value === null ? null : { value, tol: 0 };
}

/** a table fact's rounding as written (half a unit of its last digit) */
const tableTol = new WeakMap<Fact, { tol: number; decimals: boolean }>();


/** Adds a table fact unless prose filled the path; a prose value that differs is kept and warned about. A weak prose
 *  fact (priority > 1, e.g. an allocation read as a project's budget) does not count: the table's value is used. */
function offer(doc: KDocument, path: string, v: { value: number; tol: number }, cell: TableCell, rule: string, part?: AppropriationPart): void {
  // every figure a table offers, used or not: the validate stage judges a table by them (src/validate/plausible.ts)
  ((doc.data.tableFigures ??= []) as TableFigure[]).push({ path, value: v.value, span: span(cell) });
  // the appropriation's part (its 基本支出, 项目支出 …) is kept beside the unit's own figures, weak: it is no figure of the same
  // thing (nothing to compare, no first table to win), and validate/appropriationParts needs it to tell whether the
  // appropriation paid for all of it
  if (part) {
    if (!doc.facts.some((f) => f.appropriation && f.source === 'table' && pointerPath(f.path) === path && f.value === v.value))
      doc.facts.push({ path, value: v.value, span: span(cell), rule, source: 'table', priority: 2, appropriation: part });
    return;
  }
  const prose = doc.facts.filter((f) => f.source !== 'table' && (f.priority ?? 1) <= 1 && pointerPath(f.path) === path);
  if (prose.length) {
    // (within the rounding of both figures as written: 收入总计2.38亿元 agrees with the cell 237,800,000.00)
    const agrees = prose.some((f) => typeof f.value === 'number' && Math.abs(f.value - v.value) <= v.tol + (f.raw && /[元万]$/.test(f.raw) ? moneySlack(f.raw) : 0) + 1e-9);
    // 收入总计241.36万元 in prose, 收入总计⇥2,413,620.25 (单位：元) in a table: one figure stated rounded and in full is the full one
    // (as roundedRestatements in finance.ts): every prose figure written with decimals, the cell within half a unit of its last
    // digit and written more precisely, that half unit at most 1% of it; a whole 241万元 may be a round estimate and stays
    if (prose.every((f) => roundedOf(f, v))) {
      for (const f of prose) doc.facts.splice(doc.facts.indexOf(f), 1);
      doc.facts.push({ path, value: v.value, span: span(cell), rule, source: 'table' });
      return;
    }
    if (!agrees) {
      const pv = [...new Set(prose.map((f) => JSON.stringify(f.value)))].join(' / ');
      doc.messages.push({
        ruleId: 'table_prose_mismatch',
        reason: `${path}: table cell "${cell.text}" gives ${v.value}, prose gives ${pv}; the prose value is kept`,
        place: span(cell),
        paths: [path],
      });
    }
    return;
  }
  // first table wins, unless it is the rounded form of this one: 本年支出合计⇥271.53 (单位：万元) and ⇥2,715,310.00 (单位：元)
  // are one figure, the full one (a whole cell may be a round estimate: only one written with decimals gives way)
  const prior = doc.facts.find((f) => f.source === 'table' && !f.appropriation && pointerPath(f.path) === path);
  if (prior) {
    const t = tableTol.get(prior);
    if (t && t.decimals && v.tol < t.tol && t.tol <= Math.abs(v.value) / 100 && Math.abs((prior.value as number) - v.value) <= t.tol + 1e-9) {
      doc.facts.splice(doc.facts.indexOf(prior), 1, { path, value: v.value, span: span(cell), rule, source: 'table' });
      tableTol.set(doc.facts.find((f) => f.source === 'table' && pointerPath(f.path) === path)!, { tol: v.tol, decimals: /\.\d/.test(cell.text) });
    }
    return;
  }
  const fact: Fact = { path, value: v.value, span: span(cell), rule, source: 'table' };
  tableTol.set(fact, { tol: v.tol, decimals: /\.\d/.test(cell.text) });
  doc.facts.push(fact);
}

/** True when the prose money fact `f` is the table figure `v` rounded (see offer). */
function roundedOf(f: Fact, v: { value: number; tol: number }): boolean {
  if (typeof f.value !== 'number' || !f.raw || !/[元万]$/.test(f.raw) || !/\.\d/.test(f.raw)) return false;
  const slack = moneySlack(f.raw);
  return v.tol < slack && slack <= Math.abs(f.value) / 100 && Math.abs(f.value - v.value) <= slack + 1e-9;
}

function reportSide(doc: KDocument, readings: TableReading[]): ReportSide {
  const kind = doc.reportKind ?? (doc.data.reportKind as string | undefined) ?? null;
  if (kind === 'overall_self_eval') return 'overall';
  if (kind === 'project_self_eval') return 'project';
  if (kind) return null; // 决算 / 预算 / other: the self-evaluation tables are not the report's own figures
  if (readings.some((r) => r.kind === 'overall' || r.kind === 'basic_data')) return 'overall';
  if (readings.some((r) => r.kind === 'project')) return 'project';
  return null;
}

function reportYear(doc: KDocument, r: TableReading): number | null {
  const fy = doc.data.fiscalYear;
  return typeof fy === 'number' ? fy : r.captionYear ?? formYear(r);
}

/** The year a 基础数据表 evaluates by its own dated cost columns, for a report naming none: the latest year a column gives the
 *  决算数 of (`2022年决算数⇥2023年预算数⇥2023年决算数` → 2023, the year's budget and actual beside the year before's actual), no
 *  column naming a later year (`2023年决算数⇥2024年预算数`: a plan for a year not closed, whose the report's is not known). */
function formYear(r: TableReading): number | null {
  const cols = r.costs?.columns ?? [];
  let last: number | null = null;
  for (const c of cols) if (c.year !== null && (last === null || c.year > last)) last = c.year;
  return last !== null && cols.some((c) => c.year === last && c.kind === 'actual') ? last : null;
}

function unitOf(r: TableReading, block: string | null): string | null {
  return block ?? r.tableUnit;
}

/** A block's header unit (项目资金（万元）) that the table's unit line (单位：元) contradicts: which one holds is not known. */
function unitClash(r: TableReading, block: string | null): boolean {
  return block !== null && r.tableUnit !== null && block !== r.tableUnit;
}

function unitUnknown(doc: KDocument, r: TableReading, what: string, cell: TableCell): void {
  doc.messages.push({
    ruleId: 'table_unit_unknown',
    reason: `${r.caption ?? 'table'}: no unit (（万元） / 单位：元) stated for the ${what}; its money cells are not used`,
    place: span(cell),
  });
}

// (the rules of a table's bare budget column, which names no adjusted or 年初 budget: initialRestated)
const BARE_BUDGET_RULES = new Set(['table.basic.budget', 'table.year.budget']);

/** The form's 年度资金总额 row stating one figure as its 年初预算数 and another as its 全年预算数 (15 | 18 | 17.46) says the
 *  year's budget was changed. A prose budget that is the 年初 figure, its phrase naming no adjusted or full-year budget
 *  (`年初预算15万元`, which a project with no initial field keeps as its budget while no adjusted one is stated, or a bare
 *  `2023年部门预算145.60万元`), is that budget before the change, as a prose restatement before the change is (docs/record.md):
 *  dropped for the table's 全年预算数 (the unit's initialBudget comes from the form's 年初 cell). `全年预算X` or `调整后预算X`
 *  in prose names the year's budget: kept, the table's different one warned about. */
function initialRestated(doc: KDocument, total: Record<string, TableCell>, unit: string, path: string): void {
  const ic = total.initialBudget;
  const bc = total.budget;
  if (!ic || !bc) return;
  const initial = moneyCell(ic.text, unit);
  const budget = moneyCell(bc.text, unit);
  if (!initial || !budget || Math.abs(initial.value - budget.value) <= initial.tol + budget.tol) return;
  const prose = doc.facts.filter((f) => f.source !== 'table' && pointerPath(f.path) === path);
  const restated = (f: Fact): boolean =>
    typeof f.value === 'number' && Math.abs(f.value - initial.value) <= initial.tol + 1e-9 && !tableVocab().yearBudgetWord.test(doc.norm.slice(f.span.start, f.span.end));
  if (prose.length && prose.every(restated)) for (const f of prose) doc.facts.splice(doc.facts.indexOf(f), 1);
  // (so is a 基础数据表's bare `2023年预算数` of the same part read before the form, `项目支出⇥37.04⇥3⇥42.73` beside the form's
  // `项目支出⇥3⇥43.27⇥42.73`: which budget its column holds is unsaid, and it is the form's 年初 one; the form's 全年 stands)
  // (and a year table's `2023年预算数` column: yearColumns.ts)
  const bare = doc.facts.filter((f) => f.source === 'table' && BARE_BUDGET_RULES.has(f.rule) && pointerPath(f.path) === path && restated(f));
  for (const f of bare) doc.facts.splice(doc.facts.indexOf(f), 1);
}

/** `asOverall`: an untitled table read as the report's own (the whole department's in an overall report, the project's in a
 *  project report). */
function budgetFacts(doc: KDocument, r: TableReading, side: ReportSide, asOverall = false): void {
  const total = r.budget?.rows.total;
  if (!r.budget || !total || !side) return;
  const target = side === 'overall' && (r.kind === 'overall' || asOverall) ? '/finance/spendingTotal' : side === 'project' && (r.kind === 'project' || asOverall) ? '/finance/project' : null;
  if (!target) return;
  if (target === '/finance/project' && titledPart(doc, r)) return;
  const unit = unitOf(r, r.budget.unit);
  const clash = unitClash(r, r.budget.unit);
  // 年初预算数 is the unit's initial budget; a project has no such field
  const roles = target === '/finance/spendingTotal' ? ([['budget', 'budget'], ['actual', 'actual'], ['initialBudget', 'initialBudget']] as const) : ([['budget', 'budget'], ['actual', 'actual']] as const);
  if (!clash && unit !== null) initialRestated(doc, total, unit, `${target}/budget`);
  for (const [role, field] of roles) {
    const c = total[role];
    if (!c) continue;
    if (clash) {
      unitUnknown(doc, r, '年度资金总额 row (its header and the unit line disagree)', c);
      continue;
    }
    if (unit === null && !/元|万/.test(c.text)) {
      unitUnknown(doc, r, '年度资金总额 row', c);
      continue;
    }
    const v = moneyCell(c.text, unit);
    if (v) offer(doc, `${target}/${field}`, v, c, `table.budget.total.${role}`);
  }
  const rc = total.rate;
  const rate = rc ? rowRate(total) : null;
  if (rc && rate) offer(doc, `${target}/executionRate`, rate, rc, 'table.budget.total.rate');
  // the whole budget's parts (其中：基本支出 | 项目支出) in a 部门整体支出绩效自评表
  if (target !== '/finance/spendingTotal') return;
  if (!clash && unit !== null) kindHalf(doc, r, unit);
  const unfilled = partsUnfilled(r.budget.rows, unit);
  for (const part of ['basic', 'project'] as const) {
    const row = r.budget.rows[part];
    if (!row || unfilled) continue;
    // (the part's prose budget that is its 年初预算数 before a changed 全年预算数, as the whole's above)
    if (!clash && unit !== null) initialRestated(doc, row, unit, `/finance/${part}/budget`);
    for (const role of ['budget', 'actual'] as const) {
      const c = row[role];
      const v = c && !clash && (unit !== null || /元|万/.test(c.text)) ? moneyCell(c.text, unit) : null;
      if (c && v) offer(doc, `/finance/${part}/${role}`, v, c, `table.budget.${part}.${role}`);
    }
    const pc = row.rate;
    const pr = pc ? rowRate(row) : null;
    if (pc && pr) offer(doc, `/finance/${part}/executionRate`, pr, pc, `table.budget.${part}.rate`);
  }
  if (!clash) costRowFacts(doc, r, unit);
}

/** Both parts' rows of the form's budget block left at zero (`其中：基本支出⇥0.00⇥0.00⇥0.00`, `项目支出⇥0.00⇥0.00⇥0.00`) under a total
 *  holding money (`年度资金总额⇥286.5⇥301.2⇥295.8`): the parts were not filled in — no spending of either kind is stated, and 0 would be
 *  a wrong figure for both (one part at zero beside the other holding the money is that part's figure). */
function partsUnfilled(rows: Record<string, Record<string, TableCell>>, unit: string | null): boolean {
  const figures = (row: Record<string, TableCell> | undefined) =>
    row ? MONEY_ROLES.flatMap((k) => (row[k] ? [moneyCell(row[k].text, unit ?? '万元')?.value ?? null] : [])).filter((x): x is number => x !== null) : [];
  const [total, basic, project] = [figures(rows.total), figures(rows.basic), figures(rows.project)];
  return basic.length > 0 && project.length > 0 && [...basic, ...project].every((x) => x === 0) && total.some((x) => x !== 0);
}

/**
 * Rows of the whole budget's block naming a kind of cost (`“三公”经费⇥2.00⇥1.12⇥56.00%`, `其中：人员经费⇥…`, `公用经费⇥…`, beside 基本支出
 * and 项目支出 in a 部门整体支出绩效自评表): that cost's budget and actual (tables.yaml budget_cost_rows). A cost named by two
 * rows is read from neither.
 */
function costRowFacts(doc: KDocument, r: TableReading, unit: string | null): void {
  const v = tableVocab();
  const found = new Map<number, Record<string, TableCell>[]>();
  for (const row of r.budget!.all) {
    const label = key(row.label).replace(v.rowLabelStrip, '');
    const at = v.budgetCostRows.findIndex((c) => c.label.test(label));
    if (at >= 0) found.set(at, [...(found.get(at) ?? []), ...(row.cells ? [row.cells] : [{}])]);
  }
  for (const [at, rows] of found) {
    if (rows.length !== 1) continue;
    const rule = v.budgetCostRows[at];
    for (const role of ['budget', 'actual'] as const) {
      const c = rows[0][role];
      const v2 = c && (unit !== null || /元|万/.test(c.text)) ? moneyCell(c.text, unit) : null;
      if (c && v2) offer(doc, rule[role], v2, c, `table.budget.cost.${role}`);
    }
  }
}

/**
 * A budget row's 执行率. A bare figure written as a fraction (`0.95` under 执行率, an Excel cell copied as its value) is a
 * percentage when the row's own 全年执行数 over its 全年预算数 says so and the figure as it stands does not (28.5 over 30
 * is 95%, not 0.95%); as written when it agrees so; neither when the row contradicts both (its scale unknown).
 */
function rowRate(row: Partial<Record<string, TableCell>>): { value: number; tol: number } | null {
  const c = row.rate;
  const rate = c ? rateCell(c.text) : null;
  if (!c || !rate || /[%％]/.test(c.text) || rate.value > 1.5 || !row.budget || !row.actual) return rate;
  const [b, a, k] = [key(row.budget), key(row.actual), key(c)];
  const decimals = k.match(/\.(\d+)$/)?.[1].length ?? 0;
  const scaled = (rate.value * 100).toFixed(Math.max(0, decimals - 2));
  if (rateAgrees(b, a, k)) return rate;
  if (rateAgrees(b, a, scaled)) return { value: Number(scaled), tol: rate.tol * 100 };
  // (neither reading agrees with the row, 0.5 where 28.5 over 30 gives 95%: its scale is not known and the row contradicts
  // both, so nothing is read; a budget or actual that is no figure leaves the cell as written)
  return figureKey(b) && figureKey(a) ? null : rate;
}
const figureKey = (k: string) => /^\d[\d,]*(?:\.\d+)?$/.test(k) && Number(k.replace(/,/g, '')) > 0;

/**
 * The Hunan form's half of the budget block split by kind of spending (`按支出性质分：` over `其中：基本支出：⇥244.1` and
 * `项目支出：⇥51.7`, each label and its one figure in merged cells under no role's column). Which figure it is, the year's
 * budget or its actual, the form does not say: the two kinds are read as the total's column they add up to, and only when
 * they add up to exactly one of its 年初预算数, 全年预算数 and 全年执行数, and that one is the budget or the actual.
 */
function kindHalf(doc: KDocument, r: TableReading, unit: string): void {
  const b = r.budget!;
  if (b.rows.basic || b.rows.project) return;
  const v = tableVocab();
  const rows = r.table.rows;
  const at = rows.findIndex((row) => row.some((c) => v.spendingKindHalf.test(key(c))));
  if (at < 0) return;
  const found: Partial<Record<'basic' | 'project', { cell: TableCell; value: number; tol: number }>> = {};
  for (const row of rows.slice(at + 1)) {
    for (const part of ['basic', 'project'] as const) {
      // (the label anywhere in the row, the income half's beside it: its figure the next filled cell)
      const li = row.findIndex((c) => v.budgetRows[part].test(key(c).replace(/[:：]$/, '')));
      if (li < 0) continue;
      const cell = row.slice(li + 1).find((c) => key(c) !== '' && c.start !== row[li].start);
      const money = cell ? moneyCell(cell.text, unit) : null;
      if (!cell || !money || found[part]) return; // a label with no figure, or twice: not the form's half
      found[part] = { cell, ...money };
    }
  }
  const { basic, project } = found;
  if (!basic || !project) return;
  const total = b.rows.total!;
  const sumsTo = (role: 'initialBudget' | 'budget' | 'actual') => {
    const t = total[role] ? moneyCell(total[role].text, unit) : null;
    return !!t && Math.abs(basic.value + project.value - t.value) <= basic.tol + project.tol + t.tol + 1e-6;
  };
  const roles = (['initialBudget', 'budget', 'actual'] as const).filter(sumsTo);
  if (roles.length !== 1 || roles[0] === 'initialBudget') return;
  const role = roles[0];
  for (const [part, x] of [['basic', basic], ['project', project]] as const) offer(doc, `/finance/${part}/${role}`, x, x.cell, `table.budget.kindHalf.${role}`);
}

/**
 * A project report's table listing items (项目名称⇥预算数⇥执行数 over 科普日活动 | 科普讲座 | 合计) one of which the title names
 * (`2023年度科普日活动项目支出绩效自评报告`): the report's project is one row, so the 合计 is the sum of several, not its money.
 */
function titledPart(doc: KDocument, r: TableReading): boolean {
  const t = foldedTitle(doc);
  if (t === null) return false;
  const v = tableVocab();
  const items = r.budget!.all.filter((row) => row.cells && !Object.values(v.budgetRows).some((re) => re.test(key(row.label))) && !v.fundSourceRows.test(key(row.label)));
  if (items.length < 2) return false;
  return items.some((row) => {
    const name = itemName(key(row.label));
    return name.length >= 2 && t.includes(name);
  });
}

// the words around an untitled budget table that say it is not this year's whole department: another year, another body
const NOT_OWN_YEAR = /上年|上一年度?|去年|以前年度|同期/;
const NOT_OWN_BODY = /下属|所属|二级单位|直属/;
const OTHER_BODY = /[\u4e00-\u9fa5]{2,}(?:馆|中心|学会|协会|分会|基地|站|所|院|学校|公司|委员会)/;

/**
 * An overall report's budget-execution table without the 绩效自评表 caption (项目⇥预算数⇥执行数⇥执行率 over 合计 |
 * 基本支出 | 项目支出): the whole department's budget, as the self-evaluation table's block, when its parts name it so
 * (合计 with 基本支出 or 项目支出), nothing around it names another year or body, and its parts add up to the total.
 */
function ownBudgetTable(doc: KDocument, r: TableReading): boolean {
  const rows = r.budget?.rows;
  if (!rows?.total || !(rows.basic || rows.project)) return false;
  const lead = key(r.budget!.header[0]);
  if (/单位|部门/.test(lead)) return false; // one row per body (单位名称⇥预算数⇥…): parts of the department
  if (!ownSpendingWords(doc, r)) return false;
  // the parts add up (a misread column or a row of another table would not)
  for (const role of ['budget', 'actual'] as const) {
    const tot = rows.total[role];
    const a = rows.basic?.[role];
    const b = rows.project?.[role];
    if (!tot || !a || !b) continue;
    const [x, y, z] = [tot, a, b].map((c) => moneyCell(c.text, '万元'));
    if (x && y && z && Math.abs(y.value + z.value - x.value) > x.tol + y.tol + z.tol + 1e-6) return false;
  }
  return true;
}

/** Nothing around an untitled table names another year or body, nor the appropriation (一般公共预算财政拨款支出情况表: its part of
 *  the spending, other money may pay the rest): the department's own spending. */
function ownSpendingWords(doc: KDocument, r: TableReading): boolean {
  const fiscal = tableVocab().ownBudgetFiscal;
  return ownWords(doc, r) && !fiscal.test(r.caption ?? '') && !fiscal.test(linesAbove(doc, r));
}

/** The two lines just above the table, from the folded copy (a year in full-width digits or a traditional 上年 reads as one). */
function linesAbove(doc: KDocument, r: TableReading): string {
  return filledLinesAbove(doc, r).slice(-2).join('');
}
/** The caption and the nearest line above the table that is no unit line (`单位：万元`): what an untitled list's 金额 is. */
function captionAndLineAbove(doc: KDocument, r: TableReading): string {
  const lines = filledLinesAbove(doc, r).filter((l) => !UNIT_LINE.test(l.trim()));
  return (r.caption ?? '') + (lines[lines.length - 1] ?? '');
}
/** The lines with text in the 80 characters above the table. */
function filledLinesAbove(doc: KDocument, r: TableReading): string[] {
  const text = doc.norm.length === doc.text.length ? doc.norm : doc.text;
  return text.slice(Math.max(0, r.table.start - 80), r.table.start).split('\n').filter((l) => l.trim());
}
const UNIT_LINE = /^[（(]?(?:金额)?单位[:：][^，。]*$/;
const UNIT_WHOLE = /整体|本单位|本部门|我单位|我部门|部门(?:收支|收入|支出|预算|决算)|单位(?:收支|收入|支出|预算|决算)/;

/** The caption, else the line just above the table (2022年预算执行情况如下：), names no other year or body. */
function ownWords(doc: KDocument, r: TableReading): boolean {
  const fy = doc.data.fiscalYear;
  for (const t of [r.caption ?? '', linesAbove(doc, r)]) {
    if (NOT_OWN_YEAR.test(t) || namesOtherBody(doc, t)) return false;
    for (const m of t.matchAll(/((?:19|20)\d{2})年/g)) if (typeof fy !== 'number' || Number(m[1]) !== fy) return false;
  }
  return true;
}

/** `t` (a caption, the lines above a table) names a body other than the unit: 下属…, 所属…, a 馆, 中心, 学会 … */
function namesOtherBody(doc: KDocument, t: string): boolean {
  const unit = unitName(doc);
  return NOT_OWN_BODY.test(t) || OTHER_BODY.test(unit ? t.split(unit).join('') : t);
}

/**
 * An overall report's untitled table of the department's figures with one column per year (项目⇥2022年⇥2023年 over
 * 支出合计⇥140⇥150.5, 年初预算⇥…, 预算执行率⇥…): the report's year's column, read as label rows are in a 基础数据表 (tables.yaml
 * basic_data_stacked and year_table_rows); never another year's, and nothing when the report's year is unknown. Not when the caption or the
 * lines above name another body or the appropriation (its part of the spending).
 */
function yearTableFacts(doc: KDocument, r: TableReading): void {
  const fy = doc.data.fiscalYear;
  const t = typeof fy === 'number' ? yearTable(r.table.rows, fy) : null;
  if (!t) return;
  const fiscal = tableVocab().ownBudgetFiscal;
  if ([r.caption ?? '', linesAbove(doc, r)].some((t) => namesOtherBody(doc, t) || fiscal.test(t))) return;
  yearTableMoney(doc, r, t, fy as number);
}

/** A year table's money (yearColumns.ts): the report's year's column(s), or a warning when its change column contradicts them. */
function yearTableMoney(doc: KDocument, r: TableReading, t: YearTable, year: number): void {
  if ('named' in t) for (const m of t.named) stackedFacts(doc, r, [m], `table.year.${/budget$/i.test(m.path) ? 'budget' : 'actual'}`);
  else if ('bare' in t) stackedFacts(doc, r, labelRowMoney(t.bare, year, yearTableRules()));
  else
    doc.messages.push({
      ruleId: 'year_change_mismatch',
      reason: `${r.caption ?? 'a table by year'}: its change "${t.contradicts.text.trim()}" does not agree with its years' figures; the table is not read`,
      place: span(t.contradicts),
      paths: [],
    });
}

/** An overall report's 基础数据表 under no such caption, known by its `指标⇥数据` header (stackedLabels.ts dataHeaderRows), nothing
 *  around it naming another year or body or the appropriation. */
function untitledBasicData(doc: KDocument, r: TableReading): boolean {
  const fiscal = tableVocab().ownBudgetFiscal;
  return dataHeaderRows(r.table.rows) && ownWords(doc, r) && ![r.caption ?? '', linesAbove(doc, r)].some((t) => fiscal.test(t));
}

/**
 * A project report's budget table without the 绩效自评表 caption (资金来源⇥年初预算数⇥全年预算数⇥全年执行数⇥执行率 over
 * 财政拨款 | 合计): the project's money, when every row besides the one 合计 names where the money came from (a second
 * project, 基本支出 or a year would make it another table), nothing around it names another year or body, and the sources
 * add up to the 合计.
 */
function ownProjectTable(doc: KDocument, r: TableReading): boolean {
  const b = r.budget;
  const total = b?.rows.total;
  if (!b || !total || !(total.budget || total.actual) || b.rows.basic || b.rows.project) return false;
  if (/单位|部门/.test(key(b.header[0]))) return false;
  const v = tableVocab();
  const sources: Record<string, TableCell>[] = [];
  let totals = 0;
  for (const row of b.all) {
    const label = key(row.label);
    if (v.budgetRows.total.test(label)) totals++;
    else if (v.fundSourceRows.test(label) && row.cells) sources.push(row.cells);
    else return false;
  }
  if (totals !== 1 || !ownWords(doc, r)) return false;
  // (a table introduced as the unit's whole money, `本单位2023年部门整体收支情况如下：`, is not the project's)
  if (UNIT_WHOLE.test(r.caption ?? '') || UNIT_WHOLE.test(linesAbove(doc, r))) return false;
  for (const role of ['budget', 'actual'] as const) {
    const tot = total[role] ? moneyCell(total[role].text, '万元') : null;
    const parts = sources.map((c) => (c[role] ? moneyCell(c[role].text, '万元') : null));
    if (!tot || !parts.some((p) => p)) continue;
    const sum = parts.reduce((a, p) => a + (p?.value ?? 0), 0);
    const tol = parts.reduce((a, p) => a + (p?.tol ?? 0), tot.tol);
    if (Math.abs(sum - tot.value) > tol + 1e-6) return false;
  }
  return true;
}

/**
 * A project report's budget table with one row and no 合计 (资金来源⇥全年预算数⇥全年执行数⇥执行率 over 财政拨款⇥20⇥18.5⇥92.5%):
 * the row is the project's money, read as the table's 合计, when it is the only row, a source that can be the whole
 * (not 上年结转, 其他资金, 其中：…), and neither the caption, the lines above nor the header call it one of several sources.
 */
function soleSourceTable(doc: KDocument, r: TableReading): TableReading | null {
  const b = r.budget;
  const cells = oneRow(r);
  if (!b || !cells) return null;
  const only = b.all[0];
  const v = tableVocab();
  const label = key(only.label);
  if (!v.fundSourceRows.test(label) || v.soleSourceNot.test(label)) return null;
  if (/单位|部门/.test(key(b.header[0]))) return null;
  if (!alone(r)) return null;
  const said = [r.caption ?? '', linesAbove(doc, r), ...b.header.map((c) => key(c))];
  if (said.some((t) => v.soleSourcePart.test(t))) return null;
  if (!ownWords(doc, r) || UNIT_WHOLE.test(r.caption ?? '') || UNIT_WHOLE.test(linesAbove(doc, r))) return null;
  return asTotal(r, cells);
}

/** The money cells of a budget block's only row, when it has no 合计, 基本支出 or 项目支出 row and holds a budget or an actual. */
function oneRow(r: TableReading): Record<string, TableCell> | null {
  const b = r.budget;
  if (!b || b.rows.total || b.rows.basic || b.rows.project || b.all.length !== 1) return null;
  const cells = b.all[0].cells;
  return cells && (cells.budget || cells.actual) ? cells : null;
}

/** A budget cell holding money other than zero (0.00, —, an empty cell: none). */
const holdsMoney = (c: TableCell | undefined) => !!c && (moneyCell(c.text, '万元')?.value ?? 0) !== 0;
const MONEY_ROLES = ['initialBudget', 'budget', 'actual'] as const;

/**
 * A budget block whose total row holds no money (`年度资金总额⇥⇥⇥⇥10⇥⇥9.75`: only its 分值 and 得分) or has no total row,
 * over the sources of the money exactly one of which holds any (`其中：财政资金⇥20⇥20⇥19.5⇥—⇥97.5%` beside an empty
 * `其他资金`): the listed sources make up the whole, so that row is the block's total. Not with two sources holding money (no
 * sums), a row of another kind (基本支出, an item), a row the reader could not align (its figures unknown), nor one source
 * row alone with no total row (one of several sources or the whole: soleSourceTable tells).
 */
function sourceAsTotal(r: TableReading): TableReading {
  const b = r.budget;
  if (!b || (b.rows.total && MONEY_ROLES.some((k) => holdsMoney(b.rows.total[k])))) return r;
  const v = tableVocab();
  let totals = 0;
  const sources: Record<string, TableCell>[] = [];
  for (const row of b.all) {
    const label = key(row.label);
    if (!row.cells) return r;
    if (v.budgetRows.total.test(label)) totals++;
    else if (v.fundSourceRows.test(label)) sources.push(row.cells);
    else return r;
  }
  if (totals > 1 || (totals === 0 && sources.length < 2)) return r;
  const filled = sources.filter((c) => MONEY_ROLES.some((k) => holdsMoney(c[k])));
  return filled.length === 1 ? asTotal(r, filled[0]) : r;
}

/** The reading with `cells` as its budget block's 合计. */
function asTotal(r: TableReading, cells: Record<string, TableCell>): TableReading {
  return { ...r, budget: { ...r.budget!, rows: { ...r.budget!.rows, total: cells } } };
}

/** Nothing in the grid besides the budget block's one row repeats its header or holds a figure (a second block read into
 *  the same table overrides the first), nor is a row the reader could not split into cells (a row without cells: its
 *  figures, a second source, are not known). */
function alone(r: TableReading): boolean {
  const b = r.budget!;
  const only = b.all[0];
  const heads = new Set(b.header.map((c) => key(c)).filter((k) => k));
  const own = new Set([...b.header, only.label, ...Object.values(only.cells ?? {})]);
  for (const row of r.table.rows) {
    if (row.length === 1 && row[0].start === row[0].end) return false;
    if (row.some((c) => own.has(c))) continue;
    if (row.some((c) => heads.has(key(c)) || moneyCell(c.text, '万元') || rateCell(c.text))) return false;
  }
  return true;
}

/**
 * A project report's 项目名称 table with one row and no 合计 (项目名称⇥预算数⇥执行数 over 科普日活动⇥5⇥4.8): the row is the
 * project's money, read as the table's 合计, only when its name is the title's project (`2023年度科普日活动项目支出绩效自评
 * 报告`); another item's row is a part of the project, or another project.
 */
function soleItemTable(doc: KDocument, r: TableReading): TableReading {
  const b = r.budget;
  const cells = oneRow(r);
  if (!b || !cells || !/项目名称/.test(key(b.header[0]))) return r;
  if (!titleItem(doc, key(b.all[0].label)) || !alone(r)) return r;
  return asTotal(r, cells);
}

/**
 * A 项目支出绩效自评表 laid out as a listing of projects (项目名称⇥预算数⇥执行数⇥执行率⇥得分 over one row per project, maybe
 * a 合计): no form's `项目名称⇥X` row, a name column in the budget block's header, and no row of a form's budget block (年度资金
 * 总额's sources, 基本支出): in an overall report each row is a project (projects.ts projectTables), never the unit's money.
 */
function projectListing(r: TableReading): boolean {
  const b = r.budget;
  if (r.kind !== 'project' || r.projectName || !b) return false;
  const v = tableVocab();
  // (the name cell in the header row, or in the row above a header over two rows: 项目名称⇥资金情况（万元） over ⇥预算数⇥执行数)
  const at = r.table.rows.findIndex((row) => row.includes(b.header[0]));
  const heads = [...b.header, ...(at > 0 ? r.table.rows[at - 1] : [])];
  if (!heads.some((c) => v.listingNameHeader.test(key(c)))) return false;
  const named = b.all.filter((row) => !v.budgetRows.total.test(key(row.label)));
  if (!named.length || named.some((row) => v.fundSourceRows.test(key(row.label)) || Object.values(v.budgetRows).some((re) => re.test(key(row.label))))) return false;
  // (a 分值 or 得分 on the 合计 row alone is one form's budget indicator: the rows are that project's parts, 科普日活动 |
  // 科普讲座 | 合计⇥…⇥10⇥97.78%⇥9.8; a listing's projects each carry their own score, if any)
  const scored = (cells: Record<string, TableCell> | null) => !!cells && (['weight', 'score'] as const).some((k) => !!cells[k] && key(cells[k]) !== '' && key(cells[k]) !== '—');
  const total = b.rows.total;
  return !(total && scored(total) && !named.some((row) => scored(row.cells)));
}

/** The project forms name two projects or more (each form's 项目名称⇥X; the same name again is one project's form over pages). */
function severalProjects(doc: KDocument, readings: TableReading[]): boolean {
  const names = new Set<string>();
  for (const r of readings) if (r.kind === 'project' && r.projectName && r.budget?.rows.total) names.add(cellText(display(doc, r.projectName)));
  return names.size >= 2;
}

/** In an overall report, a 项目支出绩效自评表 is one named project: a projects[] item (so too in a project report of several). */
function projectItem(doc: KDocument, r: TableReading): void {
  const total = r.budget?.rows.total;
  if (!r.projectName || !total) return;
  const name = cellText(display(doc, r.projectName));
  if (!name) return;
  const unit = unitClash(r, r.budget!.unit) ? null : unitOf(r, r.budget!.unit);
  const money = (c: TableCell | undefined) => (c && unit !== null ? moneyCell(c.text, unit) : c ? moneyCell(c.text, null) : null);
  const budget = money(total.budget);
  const actual = money(total.actual);
  const item: Project = { name, budget: budget?.value ?? null, adjustment: null, actual: actual?.value ?? null, carryover: null, executionRate: null, score: null };
  const fields: Record<string, { span: Span; rule: string }> = { name: { span: span(r.projectName), rule: 'table.project.name' } };
  if (budget) fields.budget = { span: span(total.budget), rule: 'table.budget.total.budget' };
  if (actual) fields.actual = { span: span(total.actual), rule: 'table.budget.total.actual' };
  // the form's own 执行率 and its 总分 (the project's self-evaluation score, not the budget indicator's 得分)
  const rate = total.rate ? rowRate(total) : null;
  if (rate && total.rate) {
    item.executionRate = rate.value;
    fields.executionRate = { span: span(total.rate), rule: 'table.budget.total.rate' };
  }
  const sc = r.total?.score;
  const score = sc ? scoreCell(key(sc)) : null;
  if (sc && score !== null) {
    item.score = score;
    fields.score = { span: span(sc), rule: 'table.total.score' };
  }
  const list = (doc.items.projects ??= []);
  const same = list.findIndex((x) => (x.item as Project).name === name);
  if (same >= 0) {
    const prev = list[same].item as Project;
    for (const f of ['budget', 'actual'] as const) {
      const tv = item[f];
      if (tv !== null && prev[f] !== null && prev[f] !== tv) {
        doc.messages.push({
          ruleId: 'table_prose_mismatch',
          reason: `/projects/${same}/${f}: table gives ${tv}, prose gives ${prev[f]}; the prose value is kept`,
          place: fields[f].span,
          paths: [`/projects/${same}/${f}`],
        });
      }
    }
    // (the prose rarely states the form's rate and score: the form's fill what it left; a project the prose only scores,
    // A项目、B项目自评得分分别为95分、92分, takes the form's money too)
    for (const f of [...(scoredOnly(prev) ? (['budget', 'actual'] as const) : []), 'executionRate', 'score'] as const) {
      if (prev[f] !== null || item[f] === null) continue;
      prev[f] = item[f];
      (list[same].fields ??= {})[f] = fields[f];
    }
    return;
  }
  const rowCells = [r.projectName, total.budget, total.actual].filter((c): c is TableCell => !!c);
  list.push({
    item,
    span: { start: Math.min(...rowCells.map((c) => c.start)), end: Math.max(...rowCells.map((c) => c.end)) },
    rule: 'table.project',
    fields,
  });
}

function staffingFacts(doc: KDocument, r: TableReading, rule: string): void {
  const year = reportYear(doc, r);
  for (const s0 of r.staffing) {
    // (年度⇥编制数⇥在职人数⇥退休人数 over 2022年⇥6⇥6⇥2 and 2023年⇥6⇥5⇥3: rows labelled by years, the report year's row holds
    // its counts; another year's are not this year's, and with the report's year unknown or absent none is)
    const s = yearRowCell(r, s0.cell, year);
    if (!s) continue;
    const n = countCell(s.text);
    if (n) offer(doc, s0.path, n, s, `${rule}.${s0.path.split('/').pop()}`);
  }
}

const YEAR_LABEL = /^((?:19|20)\d{2})年?度?(?:末|底)?$/;

/** The cell to read for a staffing count: `cell` itself, unless its row is labelled by a year (2022年⇥6⇥6⇥2) — then the cell
 *  in its column of the row labelled by the report's year, or null when there is none. */
function yearRowCell(r: TableReading, cell: TableCell, year: number | null): TableCell | null {
  const rows = r.table.rows;
  const ri = rows.findIndex((row) => row.includes(cell));
  const label = (row: TableCell[]) => key(row.find((c) => !c.merged && key(c) !== '') ?? cell);
  const own = ri < 0 ? null : YEAR_LABEL.exec(label(rows[ri]));
  if (!own) return cell;
  if (year === null) return null;
  if (Number(own[1]) === year) return cell;
  const col = rows[ri].indexOf(cell);
  const row = rows.find((x) => YEAR_LABEL.exec(label(x))?.[1] === String(year));
  return row?.[col] ?? null;
}

function basicDataFacts(doc: KDocument, r: TableReading): void {
  staffingFacts(doc, r, 'table.basic');
  const year = reportYear(doc, r);
  stackedFacts(doc, r, stackedMoney(r.table.rows, year));
  basicCostFacts(doc, r, year);
  // (label rows each with its figure: after the cost rows, which read 三公经费预算数⇥1.5 as a cost of its year)
  // (with one column per year, 指标⇥2022年⇥2023年, the report's year's column beside the labels, and the bare 支出合计 such
  // a table of the department's figures by year writes, as an untitled one's: yearTableFacts)
  // (year columns naming their roles, 2022年决算数⇥2023年预算数⇥2023年决算数, are the cost block's: basicCostFacts)
  const byYear = year === null ? null : yearTable(r.table.rows, year);
  if (byYear && !('named' in byYear)) yearTableMoney(doc, r, byYear, year as number);
  else stackedFacts(doc, r, labelRowMoney(r.table.rows, year));
}

/** A 基础数据表's cost block: each cost row's budget and actual of the report's year. */
function basicCostFacts(doc: KDocument, r: TableReading, year: number | null): void {
  const v = tableVocab();
  if (!r.costs) return;
  // (本年决算数 is the form's own year's, known or not)
  const colFor = (kind: 'budget' | 'actual') =>
    r.costs!.columns.find((c) => c.kind === kind && ((year !== null && c.year === year) || (c.year === null && c.relative === 0)))?.col;
  const tableUnit = unitOf(r, r.costs.unit);
  for (const row of r.costs.rows) {
    const rule = v.costRows[row.rule];
    // (a row's label stating its own unit, `三公经费（万元）⇥3.2⇥3⇥2.46`, sets it for the row's cells; one the table's unit line
    // contradicts leaves the row unread, as a block's header does)
    const own = unitWord(key(row.label));
    const clash = own !== null && tableUnit !== null && own !== tableUnit;
    const unit = clash ? null : own ?? tableUnit;
    for (const kind of ['budget', 'actual'] as const) {
      const path = rule[kind];
      const col = colFor(kind);
      if (!path || col === undefined || !row.cells[col]) continue;
      const c = row.cells[col];
      if (clash || (unit === null && !/元|万/.test(c.text))) {
        unitUnknown(doc, r, `${key(row.label)} row`, c);
        continue;
      }
      const val = moneyCell(c.text, unit);
      if (val) offer(doc, path, val, c, `table.basic.${kind}`);
    }
  }
}

/** A 基础数据表's money as label rows over value rows (年初预算数⇥全年预算数⇥全年执行数 over 612.00⇥668.20⇥641.35), or as label rows
 *  each with its figure beside it (年初预算数⇥2,720,000.00). */
function stackedFacts(doc: KDocument, r: TableReading, found: StackedMoney[], rule = 'table.basic.stacked'): void {
  for (const p of found) {
    if (p.rate) {
      const rate = rateCell(p.cell.text);
      if (rate) offer(doc, p.path, rate, p.cell, rule);
      continue;
    }
    // (a label's own unit the table's unit line contradicts: which one holds is not known)
    if (unitClash(r, p.unit)) continue;
    const unit = unitOf(r, p.unit);
    if (unit === null && !/元|万/.test(p.cell.text)) {
      unitUnknown(doc, r, `${key(p.label)} cell`, p.cell);
      continue;
    }
    const val = moneyCell(p.cell.text, unit);
    if (val) offer(doc, p.path, val, p.cell, rule);
  }
}

/** A cell's text wrapped over several rows, read as one cell: the breaks are whitespace, so they vanish beside a CJK
 *  character and leave one space between digits or letters (`于2023` + `12月` is not the year 202312). */
function wrapped(doc: KDocument, cells: (TableCell | null)[]): string | null {
  return cellText(cells.flatMap((c) => (c ? [display(doc, c)] : [])).join('\n')) || null;
}

/**
 * A bare figure (`20`) under the 2021 template's split value: its comparison from the 指标性质 cell (`≥`, `≤`, `=`; a word
 * such as 定性 or 正向 gives none) and its measure from the 度量单位 cell (`场`, `%`, `万元`), read as the cell written whole
 * would be (`≥20场`); the text stays the cell's. A cell with its own sign or unit, or a measure no cell value takes, is kept.
 */
function splitValue(p: ParsedValue | null, nature: string | null, measure: string | null): ParsedValue | null {
  if (!p || p.value === null || p.op || p.unit || p.approx || (!nature && !measure)) return p;
  if (!/^\s*\d+(?:\.\d+)?\s*$/.test(p.text)) return p;
  const sign = nature ? cellText(nature).replace(/\s+/g, '') : '';
  const op = /^(?:[≥≤><=＝]|>=|<=)$/.test(sign) ? sign : '';
  const whole = parseValue(op + p.text.trim() + (measure ? cellText(measure).replace(/\s+/g, '') : ''));
  if (!whole || whole.value === null || (measure && !whole.unit)) return p;
  return { ...whole, text: p.text };
}

function indicatorRows(doc: KDocument, r: TableReading, out: Indicator[], ev: Record<string, CellEvidence>): void {
  for (const ind of r.indicators) {
    const i = out.length;
    const p = `/indicators/${i}`;
    const text = (c: TableCell | null) => (c ? cellText(display(doc, c)) || null : null);
    const level3 = wrapped(doc, [ind.level3, ...ind.level3More]);
    if (!level3) continue;
    // (指标性质 qualifies the target only: the actual is a figure reached, its measure the same)
    const pv = (c: TableCell | null, nature: TableCell | null): ParsedValue | null => (c ? splitValue(parseValue(display(doc, c)), nature && display(doc, nature), ind.measure && display(doc, ind.measure)) : null);
    const row: Indicator = {
      table: r.caption,
      level1: ind.level1 ? levelLabel(display(doc, ind.level1)) || null : null,
      level2: ind.level2 ? levelLabel(display(doc, ind.level2)) || null : null,
      level3,
      target: pv(ind.target, ind.nature),
      actual: null,
      weight: ind.weight ? parseScore(display(doc, ind.weight)) : null,
      score: ind.score ? parseScore(display(doc, ind.score)) : null,
      note: text(ind.note),
    };
    // (a sentence under 实际完成值, `全年开展科普活动32场，超额完成`: its one figure of the target's measure)
    row.actual = sentenceActual(pv(ind.actual, null), row.target);
    out.push(row);
    const cells = ind.row.filter((c) => c.end > c.start);
    ev[p] = {
      span: { start: Math.min(...cells.map((c) => c.start)), end: Math.max(...cells.map((c) => c.end)) },
      rule: 'table.indicator.row',
    };
    for (const f of ['level1', 'level2', 'level3', 'target', 'actual', 'weight', 'score', 'note'] as const) {
      const c = ind[f];
      if (c && row[f] !== null) ev[`${p}/${f}`] = { span: span(c), rule: `table.indicator.${f}` };
    }
  }
}

/**
 * Project forms written back to back in one grid (`项目名称⇥A` … `项目名称⇥B` …, no blank line between them): one table per
 * form, so that one form's figures never go to the other's project (the second form's 年度资金总额 was read as A's).
 */
function splitForms(t: Table): Table[] {
  const labels = tableVocab().projectNameLabels;
  const at: number[] = [];
  const names = new Set<string>();
  t.rows.forEach((row, i) => {
    const filled = row.filter((c) => !c.merged).map(key).filter(Boolean);
    if (filled.length < 2 || !labels.some((re) => re.test(filled[0])) || filled.slice(1).some((k) => k !== filled[1])) return;
    at.push(i);
    names.add(filled[1]);
  });
  if (at.length < 2 || names.size < 2) return [t];
  const cuts = [0, ...at.slice(1), t.rows.length];
  const out: Table[] = [];
  for (let k = 0; k + 1 < cuts.length; k++) {
    const rows = t.rows.slice(cuts[k], cuts[k + 1]);
    const cells = rows.flat().filter((c) => c.end > c.start);
    const start = k === 0 ? t.start : Math.min(...cells.map((c) => c.start));
    const end = k === cuts.length - 2 ? t.end : Math.max(...cells.map((c) => c.end));
    out.push({ ...t, start, end, rows });
  }
  return out;
}

/** Extract stage entry: call after the prose extractors. */
/** A self-evaluation form captioned with years none of which is the report's (2022年度部门整体支出绩效自评表 annexed to a 2023
 *  report, beside or instead of its own): another year's form, nothing of it the report's (hunta52). */
function otherYearForm(doc: KDocument, r: TableReading): boolean {
  const fy = doc.data.fiscalYear;
  if ((r.kind !== 'overall' && r.kind !== 'project') || r.captionYear === null || typeof fy !== 'number') return false;
  return ![...(r.caption ?? '').matchAll(/(?:19|20)\d{2}/g)].some((m) => Number(m[0]) === fy);
}

export function extractTables(doc: KDocument): void {
  // (a form's budget block flattened into one row, 项目资金（万元）⇥年初预算数⇥…⇥年度资金总额⇥20⇥…: its two rows again, flatRows.ts)
  const readings = doc.tables.flatMap((t) => splitForms(folded(doc, t))).map((t) => sourceAsTotal(readTable(unflattenBudgetRows(t)))).filter((r) => !otherYearForm(doc, r));
  const side = reportSide(doc, readings);
  const indicators: Indicator[] = Array.isArray(doc.data.indicators) ? (doc.data.indicators as Indicator[]) : [];
  const ev: Record<string, CellEvidence> = (doc.data.indicatorEvidence as Record<string, CellEvidence>) ?? {};
  for (const r of readings) indicatorRows(doc, r, indicators, ev);

  // a project report whose forms name two projects or more (项目名称⇥A … 项目名称⇥B): each form is its project's, a projects[]
  // item as in an overall report; none is the report's own (which project its finance.project and score are is not told)
  const several = side === 'project' && severalProjects(doc, readings);
  // the report's own table: the overall table in an overall report, the project table in a project report
  const own = several ? undefined : readings.find((r) => r.kind === side) ?? (readings.length === 1 && readings[0].kind === null && side ? readings[0] : undefined);
  // (not another kind's self-evaluation table: an overall report's project tables state their projects' goals)
  const goalsFrom = own?.goals ? own : readings.find((r) => r.goals && !(side && r.kind && r.kind !== 'basic_data' && (r.kind !== side || several)));
  if (goalsFrom?.goals) {
    const g = goalsFrom.goals;
    const joined = (first: TableCell | null, more: TableCell[]) => (first ? wrapped(doc, [first, ...more]) : null);
    const target = joined(g.target, g.more.target);
    const achieved = joined(g.achieved, g.more.achieved);
    doc.data.goals = { target, achieved };
    if (g.target && target) ev['/goals/target'] = { span: span(g.target), rule: 'table.goals.target' };
    if (g.achieved && achieved) ev['/goals/achieved'] = { span: span(g.achieved), rule: 'table.goals.achieved' };
  }

  // (one such table only: two untitled budget tables in a project report leave which is the project's unknown)
  // (a table of one fund-source row counts as such a table: soleSourceTable)
  const projectBudgets: [TableReading, TableReading][] = [];
  if (side === 'project' && !readings.some((r) => r.kind === 'project')) {
    for (const r of readings) {
      if (r.kind !== null) continue;
      // (the sources set out by columns, 资金来源⇥中央⇥省级⇥…⇥合计 over 预算数⇥… : read turned, as the rows form)
      const t = sourceColumns(r) ?? r;
      const read = ownProjectTable(doc, t) ? t : soleSourceTable(doc, t);
      if (read) projectBudgets.push([r, read]);
    }
  }
  const ownProject = projectBudgets.length === 1 ? projectBudgets[0] : null;
  for (const r of readings) {
    // a bare staffing table (编制数⇥实有人数⇥在职人数⇥退休人数 over its counts), in any report but a project's
    if (r.kind === null && side !== 'project' && r.staffing.filter((s) => countCell(s.cell.text)).length >= 2) staffingFacts(doc, r, 'table.staffing');
    // the 部门整体支出绩效自评表's staffing rows, where the prose is silent
    if (r.kind === 'overall' && side === 'overall') staffingFacts(doc, r, 'table.overall');
    if (r.kind === 'basic_data' && side === 'overall') basicDataFacts(doc, r);
    else if (r.kind === side && several) projectItem(doc, r);
    else if (r.kind === side) budgetFacts(doc, side === 'project' ? soleItemTable(doc, r) : r, side);
    else if (r.kind === null && side === 'overall' && untitledBasicData(doc, r)) basicDataFacts(doc, readTable(r.table, 'basic_data'));
    else if (r.kind === null && side === 'overall' && ownBudgetTable(doc, r)) budgetFacts(doc, r, side, true);
    else if (r.kind === null && side === 'project' && ownProject?.[0] === r) budgetFacts(doc, ownProject[1], side, true);
    else if (r.kind === 'project' && side === 'overall') projectItem(doc, r);
    // (a table of the department's figures by year, 项目⇥2022年⇥2023年: the report's year's column)
    if (r.kind === null && side === 'overall') yearTableFacts(doc, r);
  }
  // a table of funds (子项目名称⇥预算数⇥实际支出 over one row per fund)
  projectTables(doc, readings.map((r) => ({ table: r.table, unit: r.tableUnit, selfEvalListing: side === 'overall' && projectListing(r) })), key, moneyCell);
  // 决算 / 预算 statement tables (收入支出决算总表, 支出决算表, …): finance only where prose is silent
  // (an untitled table of the kinds of spending, 项目⇥年初预算数⇥调整预算数⇥决算数 over 基本支出 | 项目支出 | 合计, is the spending
  // statement when nothing around it names another year, body or the appropriation)
  statementFacts(doc, readings, (path, v, cell, rule, part) => offer(doc, path, v, cell, rule, part), moneyCell, (r) => ownSpendingWords(doc, r), (r) => captionAndLineAbove(doc, r));
  // a two-row table of finance labels over their amounts (本年收入合计⇥本年支出合计⏎168.42万元⇥165.90万元)
  labelRowFacts(doc, readings, (path, v, cell, rule) => offer(doc, path, v, cell, rule), moneyCell);
  // in a project report whose own table has no 总分 nor indicators, the one untitled indicator table with one is the project's (a heading
  // over it, `三、绩效指标`, stood where its caption would): an overall report's untitled one may be a project's, not taken
  const scored = readings.filter((r) => r.total?.score);
  // an overall report's untitled scoring sheet (a 合计/总分 row, no indicator rows: 绩效评价指标⇥分值⇥得分) beside no table but its
  // 基础数据表 is its own: no project's table is there for it to be
  const others = readings.filter((r) => r.kind !== 'basic_data');
  const sheet = !own && side === 'overall' && others.length === 1 && others[0].kind === null && others[0].total?.score && !others[0].indicators.length ? others[0] : undefined;
  const ownSheet = ownClosingPiece(readings, own) ?? own ?? sheet;
  // (and only when the own table lists no indicators: beside its own indicator rows an untitled table is another one,
  // `上表为县本级项目，下表为乡镇配套项目`)
  const scoreFrom = ownSheet?.total?.score ? ownSheet : side === 'project' && !own?.indicators.length && scored.length === 1 && scored[0].kind === null && scored[0].indicators.length ? scored[0] : own;
  if (scoreFrom?.total?.score) {
    const s = parseScore(scoreFrom.total.score.text);
    // (a 总分 the prose's grade cannot have, 69.5 beside 等级为优, is no score of the report's: gradeBands.ts)
    const denied = s === null ? null : gradesDenying(doc, s);
    if (denied) doc.messages.push({ ruleId: 'table_prose_mismatch', reason: `/selfEvaluation/score: table cell "${scoreFrom.total.score.text}" gives ${s}, which no grading puts under the prose's grade ${denied.join(' / ')}; not read`, place: span(scoreFrom.total.score), paths: ['/selfEvaluation/score'] });
    else if (s !== null) offer(doc, '/selfEvaluation/score', { value: s, tol: 0 }, scoreFrom.total.score, 'table.total.score');
  }
  // (the grade under the 总分 row the score was read from, when that is another reading than the own sheet: a project form
  // whose indicator block is a table of its own, copied one cell per line)
  const grade = ownSheet?.grade ?? (scoreFrom !== ownSheet && scoreFrom?.total?.score ? scoreFrom.grade : null);
  if (grade) offerGrade(doc, grade.value, grade.cell);
  doc.data.indicators = indicators;
  doc.data.indicatorEvidence = ev;
  // a table of the year's activities (活动名称⇥场次⇥参与人数)
  activityTables(doc, doc.tables);
}

/**
 * The own form read as two tables under one caption (its goals block `年度总体目标⇥预期目标⇥实际完成情况` cut off from the
 * indicator block that closes with the 总分 row, the form flattened one cell per line): the piece right after it, of its kind,
 * naming no project of its own, that closes with the score, when the own piece has none.
 */
function ownClosingPiece(readings: TableReading[], own: TableReading | undefined): TableReading | undefined {
  if (!own || own.total?.score || !own.caption) return undefined;
  const next = readings[readings.indexOf(own) + 1];
  return next && next.kind === own.kind && next.caption === own.caption && !next.projectName && next.total?.score ? next : undefined;
}

/** The table's grade (`自评等级：优` by the 总分 row), only where the prose states none; a different prose grade warns. */
function offerGrade(doc: KDocument, value: string, cell: TableCell): void {
  const path = '/selfEvaluation/grade';
  const prose = doc.facts.filter((f) => f.source !== 'table' && pointerPath(f.path) === path);
  if (prose.some((f) => f.value !== value)) {
    doc.messages.push({
      ruleId: 'table_prose_mismatch',
      reason: `${path}: table cell "${cell.text}" gives ${value}, prose gives ${[...new Set(prose.map((f) => String(f.value)))].join(' / ')}; the prose value is kept`,
      place: span(cell),
      paths: [path],
    });
  }
  if (!prose.length) doc.facts.push({ path, value, span: span(cell), rule: 'table.total.grade', source: 'table' });
}
