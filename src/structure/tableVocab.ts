// The table vocabulary (patterns/tables.yaml), loaded once and compiled to regexes.
import { readPatternData } from '../patterns.js';

type Op = '>=' | '<=' | '>' | '<' | '=';
/** Rows of a self-evaluation table's budget block: the funds in all, their sources, and (部门整体) the whole budget's parts. */
export type BudgetRow = 'total' | 'appropriation' | 'carryover' | 'other' | 'basic' | 'project';

interface RawVocab {
  caption: { regex: string; strip_prefix: string; max_lines_back: number; number_line: string };
  kinds: { kind: TableKind; caption: string; cells: string[] }[];
  project_name_labels: string[];
  form_field_label: string;
  listing_name_header: string;
  budget_columns: { role: string; regex: string }[];
  budget_rows: Record<BudgetRow, string>;
  budget_change_column: string;
  budget_lone_column: string;
  budget_year_column: string;
  fund_source_rows: string;
  source_columns_header: string;
  spending_kind_half: string;
  budget_line_numbers: string;
  sole_source_not: string;
  sole_source_part: string;
  own_budget_fiscal: string;
  year_budget_word: string;
  staffing_group: string;
  staffing_other_columns: string;
  staffing_office_header?: string;
  csv_header_word?: string;
  unit_header: string;
  goal_columns: Record<'target' | 'achieved', string>;
  goal_labels: Record<'target' | 'achieved', string>;
  indicator_columns: { field: string; regex: string }[];
  indicator_level_column?: string;
  indicator_name_only?: string;
  rubric_name_column?: string;
  total_row: string;
  prior_score_row: string;
  total_grade: { label: string; value: string; good: string };
  level1_words: string[];
  group_row?: string;
  level2_words: string[];
  level_weight_suffix: string;
  staffing_columns: { path: string; regex: string }[];
  staffing_pair_bare?: { path: string; regex: string }[];
  staffing_money_header: string;
  staffing_group_word: string;
  level2_parents?: Record<string, string[]>;
  year_column: string;
  year_column_split: { year: string; role: string };
  cost_rows: { label: string; budget?: string; actual?: string }[];
  budget_cost_rows: { label: string; budget: string; actual: string }[];
  row_label_strip: string;
  empty_cells: string[];
  pdf: {
    indicator_header: string[];
    target_header: string[];
    actual_header: string[];
    weight_header: string[];
    score_header: string[];
    note_header: string[];
    budget_header: string[][];
    budget_total: string[];
    project_name: string[];
    staffing_header: string[];
    in_service_header: string[];
    cost_year_header: string;
  };
  values_rate_label?: string;
  sentence_actual: { not_before: string; not_after: string; same_measure?: string[][] };
  values_rate_label_after?: string;
  values_inclusive?: string;
  values_inclusive_end?: string;
  form_score_label?: string;
  cell_lines: {
    label_header: string;
    value_header: string;
    halves: { income: string; spending: string; total: string };
    subject: { code_header: string; name_header: string; code: string; total: string };
  };
  signature_block: { date: string; org: string; org_dated: string };
  contents: { title: string; entry: string };
  values: {
    op_prefix: Record<Op, string[]>;
    op_suffix: Partial<Record<Op, string[]>>;
    neutral_prefix: string[];
    per_period: string[];
    per_unit: string[];
    approx_prefix: string[];
    approx_infix: string[];
    approx_suffix: string[];
    multipliers: string[];
    units: string[];
    date_units_after_year: string[];
    date_units: string[];
    date_number: string;
  };
}

export type TableKind = 'overall' | 'project' | 'basic_data';

export interface TableVocab {
  raw: RawVocab;
  caption: RegExp;
  captionStrip: RegExp;
  captionLinesBack: number;
  captionNumber: RegExp;
  kinds: { kind: TableKind; caption: RegExp; cells: RegExp[] }[];
  projectNameLabels: RegExp[];
  /** another field of a form's head (主管部门：X): never the project's name */
  formFieldLabel: RegExp;
  /** the name column's header of a 项目支出绩效自评表 laid out as a listing of projects */
  listingNameHeader: RegExp;
  budgetColumns: { role: string; re: RegExp }[];
  /** any of budgetColumns (see anyOf) */
  budgetColumnsAny: RegExp | null;
  budgetChangeColumn: RegExp;
  budgetLoneColumn: RegExp;
  budgetYearColumn: RegExp;
  budgetRows: Record<BudgetRow, RegExp>;
  /** a row of a project's budget table naming where the money came from (财政拨款, 上年结转, 自筹资金) */
  fundSourceRows: RegExp;
  /** the first header cell of a project's 资金来源 table set out by columns (资金来源⇥中央⇥省级⇥…⇥合计 over 预算数⇥…) */
  sourceColumnsHeader: RegExp;
  /** a budget block's 行次 column or 栏次 row: line numbers, no figures */
  budgetLineNumbers: RegExp;
  /** the label over the Hunan form's half of the budget block split by kind of spending (按支出性质分：) */
  spendingKindHalf: RegExp;
  /** a fund-source row that cannot be the project's whole money alone (上年结转, 其中：财政拨款), and words saying a table is one part */
  soleSourceNot: RegExp;
  soleSourcePart: RegExp;
  /** words naming the fiscal appropriation over an untitled budget table: the appropriation's part, not the whole */
  ownBudgetFiscal: RegExp;
  /** a prose budget's phrase naming the year's budget after its changes (全年预算, 调整后预算): not the form's 年初 figure restated */
  yearBudgetWord: RegExp;
  staffingGroup: RegExp;
  staffingOtherColumns: RegExp;
  /** the name column of a staffing table by internal offices (内设机构): a lone office's row is not the unit's */
  staffingOfficeHeader: RegExp;
  /** a CSV header's column word (structure/csvTables.ts) */
  csvHeaderWord: RegExp | null;
  unitHeader: RegExp;
  goalColumns: Record<'target' | 'achieved', RegExp>;
  /** a goals block set out as label rows (年度总体目标⇥text⇥实际完成情况⇥text): the labels */
  goalLabels: Record<'target' | 'achieved', RegExp>;
  indicatorColumns: { field: string; re: RegExp }[];
  /** any of indicatorColumns (see anyOf) */
  indicatorColumnsAny: RegExp | null;
  /** a header word naming a level column without saying which level (绩效指标): read by its rows' words */
  indicatorLevelColumn: RegExp | null;
  rubricNameColumn: RegExp | null;
  /** a header word over the indicator's name when no level column is named (绩效指标⇥年度指标值⇥…) */
  indicatorNameOnly: RegExp | null;
  totalRow: RegExp;
  /** last year's score as a row (上年得分⇥…⇥92): no indicator, no total */
  priorScoreRow: RegExp;
  formScoreLabel: RegExp | null;
  totalGrade: { label: RegExp; value: RegExp; good: RegExp };
  level1Words: string[];
  groupRow: RegExp;
  level2Words: string[];
  /** 二级指标 word → the 一级指标 words it may stand under */
  level2Parents: Map<string, string[]>;
  levelWeightSuffix: RegExp;
  staffingColumns: { path: string; re: RegExp }[];
  /** any of staffingColumns (see anyOf) */
  staffingColumnsAny: RegExp | null;
  staffingPairBare: { path: string; re: RegExp }[];
  /** a header cell naming money (人员经费, 工资福利支出, （万元）): the header's people-group columns (退休人员) count nothing */
  staffingMoneyHeader: RegExp;
  staffingGroupWord: RegExp;
  yearColumn: RegExp;
  /** a year column's header split over two rows: the year's cell, the role's cell under it */
  yearColumnSplit: { year: RegExp; role: RegExp };
  costRows: { label: RegExp; budget?: string; actual?: string }[];
  /** rows of a 部门整体支出绩效自评表's budget block naming a kind of cost (“三公”经费, 人员经费, 公用经费): its budget and actual paths */
  budgetCostRows: { label: RegExp; budget: string; actual: string }[];
  rowLabelStrip: RegExp;
  emptyCells: RegExp[];
  /** a money table copied one cell per line: its header's label word and value words (structure/cellLines.ts) */
  cellLines: {
    labelHeader: RegExp;
    valueHeader: RegExp;
    halves: { income: RegExp; spending: RegExp; total: RegExp };
    /** a statement by 功能分类科目 so copied: its code and name headers, a subject's code, the total's label (structure/subjectLines.ts) */
    subject: { codeHeader: RegExp; nameHeader: RegExp; code: RegExp; total: RegExp };
  };
  /** the report's signature right under a table (an organisation's name, the date alone): no wrapped cell of it */
  signatureBlock: { date: RegExp; org: RegExp; orgDated: RegExp };
  contents: { title: RegExp; entry: RegExp };
}

let cached: TableVocab | null = null;

/**
 * One regex matching where any of `res` matches (their union), or null when the sources cannot be joined (a numbered
 * backreference would point elsewhere, a named group could repeat). The column lists are tried cell by cell and most
 * cells are data that no column word matches: one test of the union settles those (≈ 20 tests a cell before).
 */
export function anyOf(res: RegExp[]): RegExp | null {
  if (res.some((r) => r.flags !== '' || /\\[1-9]|\\k<|\(\?<[A-Za-z_$]/.test(r.source))) return null;
  return new RegExp(res.map((r) => `(?:${r.source})`).join('|'));
}

export function tableVocab(): TableVocab {
  if (cached) return cached;
  const raw = readPatternData('tables.yaml') as RawVocab;
  const re = (s: string, flags = '') => new RegExp(s, flags);
  cached = {
    raw,
    caption: re(raw.caption.regex),
    captionStrip: re(raw.caption.strip_prefix),
    captionLinesBack: raw.caption.max_lines_back,
    captionNumber: re(raw.caption.number_line),
    kinds: raw.kinds.map((k) => ({ kind: k.kind, caption: re(k.caption), cells: k.cells.map((s) => re(s)) })),
    projectNameLabels: raw.project_name_labels.map((s) => re(s)),
    formFieldLabel: re(raw.form_field_label),
    listingNameHeader: re(raw.listing_name_header),
    budgetColumns: raw.budget_columns.map((c) => ({ role: c.role, re: re(c.regex) })),
    budgetColumnsAny: anyOf(raw.budget_columns.map((c) => re(c.regex))),
    budgetChangeColumn: re(raw.budget_change_column),
    budgetLoneColumn: re(raw.budget_lone_column),
    budgetYearColumn: re(raw.budget_year_column),
    budgetRows: {
      total: re(raw.budget_rows.total),
      appropriation: re(raw.budget_rows.appropriation),
      carryover: re(raw.budget_rows.carryover),
      other: re(raw.budget_rows.other),
      basic: re(raw.budget_rows.basic),
      project: re(raw.budget_rows.project),
    },
    fundSourceRows: re(raw.fund_source_rows),
    sourceColumnsHeader: re(raw.source_columns_header),
    spendingKindHalf: re(raw.spending_kind_half),
    budgetLineNumbers: re(raw.budget_line_numbers),
    soleSourceNot: re(raw.sole_source_not),
    soleSourcePart: re(raw.sole_source_part),
    ownBudgetFiscal: re(raw.own_budget_fiscal),
    yearBudgetWord: re(raw.year_budget_word),
    staffingGroup: re(raw.staffing_group),
    staffingOtherColumns: re(raw.staffing_other_columns),
    staffingOfficeHeader: re(raw.staffing_office_header ?? '(?!)'),
    csvHeaderWord: raw.csv_header_word ? re(raw.csv_header_word) : null,
    unitHeader: re(raw.unit_header),
    goalColumns: {
      target: re(raw.goal_columns.target),
      achieved: re(raw.goal_columns.achieved),
    },
    goalLabels: {
      target: re(raw.goal_labels.target),
      achieved: re(raw.goal_labels.achieved),
    },
    indicatorColumns: raw.indicator_columns.map((c) => ({ field: c.field, re: re(c.regex) })),
    indicatorColumnsAny: anyOf(raw.indicator_columns.map((c) => re(c.regex))),
    indicatorLevelColumn: raw.indicator_level_column ? re(raw.indicator_level_column) : null,
    indicatorNameOnly: raw.indicator_name_only ? re(raw.indicator_name_only) : null,
    rubricNameColumn: raw.rubric_name_column ? re(raw.rubric_name_column) : null,
    totalRow: re(raw.total_row),
    priorScoreRow: re(raw.prior_score_row),
    formScoreLabel: raw.form_score_label ? re(raw.form_score_label) : null,
    totalGrade: { label: re(raw.total_grade.label), value: re(raw.total_grade.value), good: re(raw.total_grade.good) },
    level1Words: raw.level1_words,
    groupRow: re(raw.group_row ?? '(?!)'),
    level2Words: [...raw.level2_words].sort((a, b) => b.length - a.length),
    levelWeightSuffix: re(raw.level_weight_suffix),
    level2Parents: new Map(Object.entries(raw.level2_parents ?? {})),
    staffingColumns: raw.staffing_columns.map((c) => ({ path: c.path, re: re(c.regex) })),
    staffingColumnsAny: anyOf(raw.staffing_columns.map((c) => re(c.regex))),
    staffingPairBare: (raw.staffing_pair_bare ?? []).map((c) => ({ path: c.path, re: re(c.regex) })),
    staffingMoneyHeader: re(raw.staffing_money_header),
    staffingGroupWord: re(raw.staffing_group_word),
    yearColumn: re(raw.year_column),
    yearColumnSplit: { year: re(raw.year_column_split.year), role: re(raw.year_column_split.role) },
    costRows: raw.cost_rows.map((c) => ({ label: re(c.label), budget: c.budget, actual: c.actual })),
    budgetCostRows: raw.budget_cost_rows.map((c) => ({ label: re(c.label), budget: c.budget, actual: c.actual })),
    rowLabelStrip: re(raw.row_label_strip, 'g'),
    emptyCells: raw.empty_cells.map((s) => re(s)),
    cellLines: {
      labelHeader: re(raw.cell_lines.label_header),
      valueHeader: re(raw.cell_lines.value_header),
      halves: { income: re(raw.cell_lines.halves.income), spending: re(raw.cell_lines.halves.spending), total: re(raw.cell_lines.halves.total) },
      subject: {
        codeHeader: re(raw.cell_lines.subject.code_header),
        nameHeader: re(raw.cell_lines.subject.name_header),
        code: re(raw.cell_lines.subject.code),
        total: re(raw.cell_lines.subject.total),
      },
    },
    signatureBlock: { date: re(raw.signature_block.date), org: re(raw.signature_block.org), orgDated: re(raw.signature_block.org_dated) },
    contents: { title: re(raw.contents.title), entry: re(raw.contents.entry) },
  };
  return cached;
}

/** The indicator column a header word names (tables.yaml indicator_columns: level1 … target, actual, weight, score, note), `level`
 *  for a level column's word (indicator_level_column), or null; `k` without whitespace. */
export function indicatorColumnField(k: string): string | null {
  const v = tableVocab();
  return v.indicatorColumns.find((c) => c.re.test(k))?.field ?? (v.indicatorLevelColumn?.test(k) ? 'level' : null);
}
