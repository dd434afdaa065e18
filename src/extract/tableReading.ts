// One table grid → what it says, cell by cell: kind, project name, budget block, goals, indicator rows, total score,
// staffing and cost rows. Pure: no document state; every value keeps the cell it came from.
import type { Table, TableCell } from '../document.js';
import { tableVocab, type TableKind } from '../structure/tableVocab.js';
import type { UnitTable } from '../structure/tables.js';
import { cellText, parseScore, parseValue } from './values.js';
import { placeLostCells, rateAgrees } from './lostCells.js';

export interface IndicatorCells {
  level1: TableCell | null;
  level2: TableCell | null;
  level3: TableCell;
  /** the rest of the 三级指标 text, wrapped onto rows that hold nothing else */
  level3More: TableCell[];
  target: TableCell | null;
  actual: TableCell | null;
  weight: TableCell | null;
  score: TableCell | null;
  note: TableCell | null;
  /** the 2021 template's 指标性质 (≥) and 度量单位 (场) columns beside a bare 指标值 */
  nature: TableCell | null;
  measure: TableCell | null;
  /** the row's cells, for the row's own evidence */
  row: TableCell[];
}

export interface YearColumn {
  col: number;
  year: number | null;
  /** 上年/本年 written instead of a year */
  relative: -1 | 0 | null;
  kind: 'budget' | 'actual';
}

/** A cell repeated by a horizontal merge (same origin as its left neighbour) is not a column of its own. */
export const repeatsLeft = (row: TableCell[], i: number): boolean => i > 0 && !!row[i].merged && row[i - 1].start === row[i].start;

/** A year column header (`2023年决算数`, `本年预算数`, `上年决算数`; tables.yaml year_column), or null. */
export function yearColumnOf(k: string): Omit<YearColumn, 'col'> | null {
  const m = k.match(tableVocab().yearColumn);
  if (!m) return null;
  return { year: m[1] ? Number(m[1]) : null, relative: m[2] === '上年' ? -1 : m[2] ? 0 : null, kind: m[3] === '预算' ? 'budget' : 'actual' };
}

export interface TableReading {
  table: Table;
  kind: TableKind | null;
  caption: string | null;
  captionYear: number | null;
  projectName: TableCell | null;
  /** money unit stated for the table (caption, 单位：元 cell), as a multiplier word: '万' | '' | '千' | '亿' */
  tableUnit: string | null;
  /** `rows`: the rows the vocabulary names (合计, 基本支出 …); `all`: every labelled row of the block, in order, with its
   *  cells by role (what else the block holds: funding sources, other projects, years) */
  budget: {
    unit: string | null;
    header: TableCell[];
    rows: Record<string, Record<string, TableCell>>;
    all: { label: TableCell; cells: Record<string, TableCell> | null }[];
  } | null;
  /** the goal cells under the 预期目标/实际完成情况 header, and the cells of rows continuing them (a cell's text wrapped
   *  over rows that have nothing else: `⇥1.开展科普活动20场；⇥1.开展26场；⏎⇥2.受益群众1万人次。⇥2.受益1.3万人次。`) */
  goals: { target: TableCell | null; achieved: TableCell | null; more: { target: TableCell[]; achieved: TableCell[] } } | null;
  indicators: IndicatorCells[];
  /** (`lone`: a lone 100 the row's place does not give to 得分; the score only where the rows' scores bear it out, see readTable) */
  total: { weight: TableCell | null; score: TableCell | null; label: TableCell; lone?: TableCell } | null;
  /** the grade stated in the 总分 row or just below it, and the grade word */
  grade: { cell: TableCell; value: string } | null;
  staffing: { path: string; cell: TableCell }[];
  costs: { unit: string | null; columns: YearColumn[]; rows: { rule: number; label: TableCell; cells: Record<number, TableCell> }[] } | null;
}

/** Cell text for matching headers: all whitespace removed, full-width ASCII folded. */
export function key(c: TableCell | undefined | null): string {
  if (!c) return '';
  let k = keys.get(c);
  if (k === undefined) {
    k = !KEY_CHANGES.test(c.text)
      ? c.text
      : c.text.replace(/[\s\u3000\u00a0]+/g, '').replace(/[\uff01-\uff5e]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
    keys.set(c, k);
  }
  return k;
}
// a cell's key is asked for by every header test of its row: made once (cells are not changed after reading)
const keys = new WeakMap<TableCell, string>();
const KEY_CHANGES = /[\s\u3000\u00a0\uff01-\uff5e]/;

/** a header cell's closing unit annotation (2023年决算数（万元）) */
const HEADER_UNIT = /[(（](万元|元|千元|亿元)[)）]$/;
/** A staffing header cell stating its unit, people (`编制数（人）`, `在职人数(名)`): the column's name without it. */
const PEOPLE_UNIT = /[(（](?:人|名|人数)[)）]$/;
/** A staffing header's part-of lead (`其中：在职人数` under a head count's group): the column's name without it. */
const PART_LEAD = /^其中[:：]?/;
export const staffingPath = (k: string): string | null => {
  const v = tableVocab();
  const bare = k.replace(PART_LEAD, '');
  return firstOf(v.staffingColumns, v.staffingColumnsAny, bare)?.path ?? firstOf(v.staffingColumns, v.staffingColumnsAny, bare.replace(PEOPLE_UNIT, ''))?.path ?? null;
};

/** The first of `cols` whose regex matches `k`; their union `any` is tried first (tableVocab anyOf: most cells match none). */
function firstOf<T extends { re: RegExp }>(cols: T[], any: RegExp | null, k: string): T | undefined {
  return any && !any.test(k) ? undefined : cols.find((c) => c.re.test(k));
}
/** A whole count in Chinese numerals (八, 十二, 二十三, 一百零五; not digit by digit, 一二, which is a code or a year). */
export const CN_COUNT = '(?:[一二两三四五六七八九]?十[一二三四五六七八九]?|[一二两三四五六七八九]百(?:零[一二三四五六七八九]|[一二三四五六七八九]十[一二三四五六七八九]?)?|[〇零一二两三四五六七八九])';
/** A cell holding nothing but such a count, maybe with 人/名 (`七`, `十二人`). */
export const CN_COUNT_CELL = new RegExp(`^${CN_COUNT}[人名]?$`);

const isEmpty = (c: TableCell | undefined | null) => !c || key(c) === '';
/** A figure with a fraction (`6.5`, `6.50人`): no head count. */
const FRACTION = /^\d+\.\d+[人名]?$/;
const RATE_WORD = /率/;

/** The unit a header cell states (（万元） → 万, 单位：元 → the empty string: yuan), or null when it states none. */
export function unitWord(s: string): string | null {
  const m = s.match(tableVocab().unitHeader);
  const u = m ? (m[1] ?? m[2]) : null;
  return u ? u.replace(/元$/, '') : null;
}

/** First column index per role: a header cell repeated by a merge counts once. */
function columnsOf<T extends string>(row: TableCell[], match: (k: string) => T | null): Map<T, number> {
  const cols = new Map<T, number>();
  row.forEach((c, i) => {
    if (repeatsLeft(row, i)) return;
    const role = match(key(c));
    if (role && !cols.has(role)) cols.set(role, i);
  });
  return cols;
}

/** A staffing header's columns. In a header that names money (`人员经费⇥在职人员⇥退休人员` over `合计⇥96⇥24`: the personnel spending
 *  split by whom it was paid to) a column named by a group of people (退休人员) counts nothing; one naming a count (退休人数) or
 *  people as its unit (退休人员（人）) still does. */
function staffingColumnsOf(row: TableCell[], moneyUnit: boolean): Map<string, number> {
  const sc = columnsOf(row, staffingPath);
  if (!sc.size) return sc;
  const v = tableVocab();
  if (!row.some((c) => v.staffingMoneyHeader.test(key(c)))) {
    // (行政编制⇥事业编制⇥在职人员⇥退休人员: a bare word, 在职人员, is a count's column beside a column naming a count of the
    // record's, 编制数, 行政编制, as it is beside such a label in label rows — not beside a group word alone, 退休人员, nor under a
    // money unit's line, 单位：万元, where the bare word's column may hold money)
    if (!moneyUnit && [...sc.values()].some((col) => !v.staffingGroupWord.test(key(row[col]))))
      row.forEach((c, i) => {
        if (repeatsLeft(row, i)) return;
        const bare = v.staffingPairBare.find((x) => x.re.test(key(c).replace(PART_LEAD, '')))?.path;
        if (bare && !sc.has(bare)) sc.set(bare, i);
      });
    return sc;
  }
  for (const [path, col] of sc) if (v.staffingGroupWord.test(key(row[col]))) sc.delete(path);
  return sc;
}

function classify(t: Table, caption: string | null): TableKind | null {
  const v = tableVocab();
  if (caption) for (const k of v.kinds) if (k.caption.test(caption)) return k.kind;
  const first = t.rows.slice(0, 4).flat().map(key);
  for (const k of v.kinds) if (first.some((s) => k.cells.some((re) => re.test(s)))) return k.kind;
  return null;
}

/** `项目名称：科普惠农兴村计划` in one cell (label and value joined, a form's first row): the part after the colon, as a
 *  cell of its own (its offsets inside the cell's). */
function joinedName(row: TableCell[], labels: RegExp[]): TableCell | null {
  for (const c of row) {
    const name = afterLabel(c, (head) => labels.some((re) => re.test(head)));
    if (name) return name;
  }
  return null;
}

/** The text after a label and its colon in one cell (项目名称：X, 年度总体目标：X): `label` tests the key up to the first colon,
 *  the colon included (the key without spaces, as for a label cell); null when it fails or nothing follows. */
function afterLabel(c: TableCell, label: (head: string) => boolean): TableCell | null {
  const k = key(c);
  const colon = k.search(/[:：]/);
  if (colon < 0 || !label(k.slice(0, colon + 1))) return null;
  const from = c.text.search(/[:：]/) + 1;
  const rest = c.text.slice(from).replace(/[\s\u3000]+$/, '');
  if (!rest.trim()) return null;
  const lead = rest.length - rest.replace(/^[\s\u3000]+/, '').length;
  return { start: c.start + from + lead, end: c.start + from + rest.length, text: rest.slice(lead) };
}

// (the helpers below build their arrays from a literal, not by map/filter: an array map makes takes its elements' kind from
// what it holds, so an empty or all-number row gives readTable an array of another kind, and its optimised code, one of
// the largest functions TurboFan compiles, was thrown away and compiled again five times in a batch's first documents)

/** The row's cells' keys. */
function keysOf(row: TableCell[]): string[] {
  const out: string[] = [];
  for (const c of row) out.push(key(c));
  return out;
}

/** The money units the row's header cells state (（万元）, 单位：元), in order. */
function headerUnits(row: TableCell[]): Set<string> {
  const out = new Set<string>();
  for (const c of row) {
    const u = unitWord(key(c));
    if (u !== null) out.add(u);
  }
  return out;
}

/** The columns of the row's filled cells (not empty, not a merge's repeat), each plus `shift`. */
function filledColumns(row: TableCell[], shift: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < row.length; i++) if (!(isEmpty(row[i]) || row[i].merged)) out.push(i + shift);
  return out;
}

/** A goals label row: its first filled cell a target label (goal_labels) and the one text right after it not a column's header;
 *  the achieved text beside an achieved label after it on the row, else on the row under it when that row is such a label
 *  and its text and nothing else. */
function goalLabelRow(row: TableCell[], next: TableCell[] | undefined): { target: TableCell; achieved: TableCell | null; rows: 1 | 2 } | null {
  const v = tableVocab();
  const textAfter = (x: TableCell[], i: number) => {
    const c = distinctAfter(x, i);
    return c && !v.goalColumns.target.test(key(c)) && !v.goalColumns.achieved.test(key(c)) && !/^[\d.,%％\s]+$/.test(key(c)) ? c : null;
  };
  // (or the label and its text in one cell, 年度总体目标：开展科普活动30场，… — a merged cell holding both)
  const joined = (c: TableCell, re: RegExp) => afterLabel(c, (head) => re.test(head.slice(0, -1)));
  const first = row.findIndex((c) => !isEmpty(c));
  if (first < 0) return null;
  const own = joined(row[first], v.goalLabels.target);
  if (!own && !v.goalLabels.target.test(key(row[first]))) return null;
  const target = own ?? textAfter(row, first);
  if (!target) return null;
  const ti = own ? first : row.indexOf(target);
  const rest = row.slice(ti + 1).filter((c) => !isEmpty(c) && c.start !== row[ti].start);
  // the achieved text: beside its label (two cells) or after it in one
  const achievedOf = (x: TableCell[], cells: TableCell[]) =>
    cells.length === 2 && v.goalLabels.achieved.test(key(cells[0])) ? textAfter(x, x.indexOf(cells[0])) : cells.length === 1 ? joined(cells[0], v.goalLabels.achieved) : null;
  if (rest.length) {
    const achieved = achievedOf(row, rest);
    return achieved ? { target, achieved, rows: 1 } : null;
  }
  const below = (next ?? []).filter((c) => !isEmpty(c));
  const achieved = below.length ? achievedOf(next!, below) : null;
  if (achieved) return { target, achieved, rows: 2 };
  return { target, achieved: null, rows: 1 };
}

function distinctAfter(row: TableCell[], i: number): TableCell | null {
  for (let j = i + 1; j < row.length; j++) if (row[j].start !== row[i].start && !isEmpty(row[j])) return row[j];
  return null;
}

/**
 * A budget block's column (tables.yaml budget_columns), also with a closing note: its unit (全年执行数（万元）) or the
 * letters of the 财政部 template (全年预算数（A）, 全年执行数（B）, 执行率（B/A）).
 */
export function budgetRole(k: string): string | null {
  const v = tableVocab();
  return (firstOf(v.budgetColumns, v.budgetColumnsAny, k) ?? firstOf(v.budgetColumns, v.budgetColumnsAny, k.replace(BUDGET_NOTE, '')))?.role ?? null;
}
const BUDGET_NOTE = /[(（](?:[A-Z](?:[/／][A-Z])?(?:[×*]100%)?|%|万元|元|千元|亿元)[)）]$/;

/** A header cell's word, read as the column readers read it: with its closing note (预算数（万元）, 全年执行数（B）). */
function isHeaderWord(k: string): boolean {
  // (also a column word with its unit, 资金情况（万元）: no project is named with its money's unit)
  return budgetRole(k) !== null || indicatorField(k) !== null || tableVocab().yearColumn.test(k) || HEADER_UNIT.test(k);
}

/** `kind`: the table's kind when known by more than its own words (an untitled 基础数据表: extract/tables.ts untitledBasicData). */
export function readTable(t: Table, kind?: TableKind): TableReading {
  const v = tableVocab();
  const caption = t.caption ? t.caption.replace(/\s+/g, '') : null;
  const yearM = caption?.match(/(19|20)\d{2}/);
  const r: TableReading = {
    table: t,
    kind: kind ?? classify(t, caption),
    caption,
    captionYear: yearM ? Number(yearM[0]) : null,
    projectName: null,
    tableUnit: unitWord((t as UnitTable).unitLine ?? '') ?? (caption ? unitWord(caption) : null),
    budget: null,
    goals: null,
    indicators: [],
    total: null,
    grade: null,
    staffing: [],
    costs: null,
  };
  for (const c of t.rows.flat()) {
    const k = key(c);
    if (/^[（(]?单位[:：]/.test(k)) r.tableUnit ??= unitWord(k);
  }

  type Section = 'none' | 'budget' | 'indicators' | 'rubric' | 'costs';
  let section: Section = 'none';
  let indCols = new Map<string, number>();
  let indWidth = 0;
  let indHeader = '';
  let budCols = new Map<string, number>();
  let budWide = false;
  let budAt = -1;
  let prevL1: TableCell | null = null;
  let prevL2: TableCell | null = null;
  let totalAt = -1;
  const pairCosts: CostPair[] = [];
  // the indicator blocks' rows with the level cells written on them, for labels printed in the middle of their rows
  const blocks: LevelBlock[] = [];
  let block: LevelBlock | null = null;
  const barePairs: { path: string; cell: TableCell }[] = [];

  for (let ri = 0; ri < t.rows.length; ri++) {
    let row = t.rows[ri];
    const keys = keysOf(row);

    // project name: `项目名称 | xxx` in the first rows
    const nameAt = ri < 3 && !r.projectName ? keys.findIndex((k) => v.projectNameLabels.some((re) => re.test(k))) : -1;
    const name = nameAt >= 0 ? distinctAfter(row, nameAt) : ri < 3 && !r.projectName ? joinedName(row, v.projectNameLabels) : null;
    // (not the next form field, `项目名称：⇥主管部门：X` with the name left blank)
    if (name && !isHeaderWord(key(name)) && !v.formFieldLabel.test(key(name))) {
      r.projectName = name;
      // (the form's money header may go on after the name in the same row, 项目名称⇥X⇥项目资金（万元）⇥年初预算数⇥全年预算数⇥
      // 全年执行数…, a form flattened into one row: the row is read on as a header; the name cell is no header word)
      if (!moneyHeader(columnsOf(row, budgetRole))) continue;
    }

    // header rows switch the section
    const ic = columnsOf(row, (k) => indicatorField(k));
    nameColumn(t, ri, row, ic);
    if (ic.has('level3') && (ic.has('target') || ic.has('actual'))) {
      // the header repeated over the next page's part of the block (a PDF's table split over pages): the block goes on,
      // its labels with it (the merged 产出指标 cell runs on over the break)
      const repeated = section === 'indicators' && indHeader === keys.join('\t');
      section = 'indicators';
      indHeader = keys.join('\t');
      levelColumn(t, ri, row, ic);
      indCols = ic;
      indWidth = row.length;
      if (!repeated) {
        prevL1 = prevL2 = null;
        blocks.push((block = { rows: [], carried: false }));
      }
      // 指标值 over its parts: ⇥⇥⇥年度指标值⇥实际完成值 below names the value columns (no level, no other cell)
      const next = t.rows[ri + 1];
      const below = next ? columnsOf(next, (k) => indicatorField(k)) : new Map<string, number>();
      if (next && (below.has('target') || below.has('actual')) && !below.has('level3') && next.filter((c) => !isEmpty(c) && !c.merged).length === below.size) {
        indCols = new Map([...[...ic].filter(([f, col]) => !below.has(f) && ![...below.values()].includes(col)), ...below]);
        indWidth = Math.max(row.length, next.length);
        ri++;
      }
      continue;
    }
    // a header over two rows: 绩效指标⇥⇥⇥年度指标值⇥实际完成值⇥分值⇥得分 over 一级指标⇥二级指标⇥三级指标⇥⇥⇥⇥ (the value
    // columns above, the levels below, each column named once)
    // (or the levels above and the value columns below: 一级指标⇥二级指标⇥三级指标⇥指标值⇥⇥分值⇥得分 over ⇥⇥⇥年度指标值⇥实际完成值)
    const hasValues = (m: Map<string, number>) => m.has('target') || m.has('actual');
    if (ic.has('level3') !== hasValues(ic) && ri + 1 < t.rows.length) {
      const below = columnsOf(t.rows[ri + 1], (k) => indicatorField(k));
      const cols = [...ic.values(), ...below.values()];
      if (below.has('level3') !== ic.has('level3') && hasValues(below) !== hasValues(ic) && new Set(cols).size === cols.length) {
        section = 'indicators';
        indCols = new Map([...ic, ...below]);
        indWidth = Math.max(row.length, t.rows[ri + 1].length);
        prevL1 = prevL2 = null;
        blocks.push((block = { rows: [], carried: false }));
        ri++;
        continue;
      }
    }
    // a scoring sheet without targets (一级指标⇥二级指标⇥分值⇥评分标准⇥自评得分, or named 绩效评价指标⇥分值⇥得分): no
    // indicator rows, only its total
    const rubricName = !!v.rubricNameColumn && v.rubricNameColumn.test(keys.find((k) => k !== '') ?? '');
    if ((ic.has('level1') || ic.has('level2') || rubricName) && ic.has('weight') && ic.has('score') && !ic.has('target') && !ic.has('actual')) {
      section = 'rubric';
      indCols = ic;
      indWidth = row.length;
      continue;
    }
    let bc = columnsOf(row, budgetRole);
    // a header split over two rows (`⇥⇥年初⇥全年⇥全年⇥分值` over `⇥⇥预算数⇥预算数⇥执行数`: wrapped cells of a Word table copied as
    // text): each column's two pieces joined, when only so they name the block's columns
    const joined = !bc.has('budget') && !bc.has('actual') ? joinedHeader(row, t.rows[ri + 1]) : null;
    const jc = joined ? columnsOf(joined, budgetRole) : null;
    if (joined && jc && jc.size >= 3 && jc.has('budget') && jc.has('actual')) {
      row = joined;
      bc = jc;
      ri++;
    }
    // (two columns are enough when they are the budget and what was spent: 资金来源⇥预算数⇥实际支出)
    if (moneyHeader(bc)) {
      // the block's header repeated over the next page's part of it (a table split over pages): the block goes on (its
      // parts, 其中：基本支出 …, under the 年度资金总额 row on the page before)
      // (not a second block: a row under it of a kind the block has, 年度资金总额 again, opens another block, read as before)
      if (section === 'budget' && r.budget && keysOf(r.budget.header).join('\t') === keysOf(row).join('\t') && !repeatsKind(t.rows[ri + 1], r.budget.rows)) continue;
      // the units the header states (项目资金（万元）, 全年执行数（万元）): two different ones leave the block unread
      const units = headerUnits(row);
      // (a role named twice, 项目⇥预算数⇥执行数⇥执行率⇥预算数⇥执行数⇥执行率: two years or groups side by side, which one is the
      // year's the header does not say) the block is not read either
      if (units.size > 1 || roleTwice(row)) {
        section = 'none';
        continue;
      }
      // (every row of the block one cell wider, its first cell empty: the header's label cell spanned the label column)
      const blockRows: TableCell[][] = [];
      for (let rj = ri + 1; rj < t.rows.length; rj++) {
        const f = firstFilled(t.rows[rj]);
        if (f < 0 || !Object.values(v.budgetRows).some((re) => re.test(key(t.rows[rj][f])))) break;
        blockRows.push(t.rows[rj]);
      }
      // a later header of money columns over rows of no block kind, once a block with its total was read (年度主要任务⇥
      // 任务名称⇥主要内容⇥预算数⇥执行数 over the year's tasks, under the form's budget block): no block; the one read stands
      if (r.budget?.rows.total && !blockRows.length) {
        section = 'none';
        continue;
      }
      section = 'budget';
      budCols = changedBudget(row, bc);
      budWide = blockRows.length > 0 && blockRows.every((x) => firstFilled(x) === 1);
      r.budget = { unit: units.size ? [...units][0] : null, header: row, rows: {}, all: [] };
      budAt = ri;
      continue;
    }
    // 年度总体目标⇥保障机构正常运转…(⇥实际完成情况⇥…): goals as label rows, the text beside each label (see goal_labels)
    if (!r.goals && section !== 'indicators') {
      const labelled = goalLabelRow(row, t.rows[ri + 1]);
      if (labelled) {
        r.goals = { target: labelled.target, achieved: labelled.achieved, more: { target: [], achieved: [] } };
        if (labelled.rows === 2) ri++;
        section = 'none';
        continue;
      }
    }
    const gc = columnsOf(row, (k) => (v.goalColumns.target.test(k) ? 'target' : v.goalColumns.achieved.test(k) ? 'achieved' : null));
    // 总体目标⇥年度目标⇥实际完成情况: the block's label in the first cell names a target too; the target column is the
    // last one naming it before the achieved column
    if (gc.has('target') && gc.has('achieved')) {
      for (let i = gc.get('target')! + 1; i < gc.get('achieved')!; i++) if (!repeatsLeft(row, i) && v.goalColumns.target.test(key(row[i]))) gc.set('target', i);
      // 年度总体目标完成情况⇥预期目标⇥目标实际完成情况: the label names the achieved column too; that column is the first one
      // naming it after the target
      if (gc.get('achieved')! < gc.get('target')!) {
        const a = row.findIndex((c, i) => i > gc.get('target')! && !repeatsLeft(row, i) && v.goalColumns.achieved.test(key(c)));
        if (a > 0) gc.set('achieved', a);
        else gc.delete('achieved');
      }
    }
    if (gc.has('target') && gc.has('achieved')) {
      const next = t.rows[ri + 1] ?? [];
      const goalCols = new Set([gc.get('target'), gc.get('achieved')]);
      // a row that lost its empty leading cell (开展…⇥完成… under 年度总体目标⇥预期目标⇥实际完成情况, a rowspan copied as text)
      // is read right-aligned when only so do its texts stand under the goal columns (as it stands the achieved text
      // would be the target)
      const shiftOf = (x: TableCell[]) => {
        const filled = filledColumns(x, 0);
        const s = row.length - x.length;
        const under = (sh: number) => filled.length > 0 && filled.every((i) => goalCols.has(i + sh));
        // (one text alone may be either column's: as it stands)
        return s > 0 && filled.length >= 2 && !under(0) && under(s) ? s : 0;
      };
      const shift = shiftOf(next);
      const at = (col: number | undefined) => (col !== undefined && !isEmpty(next[col - shift]) ? next[col - shift] : null);
      section = 'none';
      ri++;
      if (r.goals) continue;
      r.goals = { target: at(gc.get('target')), achieved: at(gc.get('achieved')), more: { target: [], achieved: [] } };
      for (let rj = ri + 1; rj < t.rows.length; rj++) {
        const cont = t.rows[rj];
        const cs = shiftOf(cont);
        const filled = filledColumns(cont, cs);
        if (!filled.length || !filled.every((i) => goalCols.has(i)) || !r.goals.target || !r.goals.achieved) break;
        for (const f of ['target', 'achieved'] as const) if (!isEmpty(cont[gc.get(f)! - cs])) r.goals.more[f].push(cont[gc.get(f)! - cs]);
        ri = rj;
      }
      continue;
    }
    // 基础数据表 set out as label rows (编制数⇥8⇥实际在职人数⇥6, 三公经费决算数⇥0.44): each label with its figure beside it
    if (r.kind === 'basic_data' && section !== 'indicators' && section !== 'budget') {
      const pairs = labelPairs(row);
      if (pairs) {
        for (const p of pairs) {
          if ('path' in p) (p.bare ? barePairs : r.staffing).push({ path: p.path, cell: p.cell });
          else pairCosts.push(p);
        }
        section = 'none';
        continue;
      }
    }
    // a 部门整体支出绩效自评表's staffing rows (编制人数⇥8⇥实有人数⇥7, 在职人员⇥7⇥退休人员⇥3): only staffing pairs, and the
    // block the row stands in goes on (a money pair there is no such row)
    if (r.kind === 'overall' && section !== 'indicators') {
      const pairs = labelPairs(row);
      if (pairs && pairs.every((p) => 'path' in p)) {
        for (const p of pairs as StaffPair[]) (p.bare ? barePairs : r.staffing).push({ path: p.path, cell: p.cell });
        continue;
      }
    }
    const sc = staffingColumnsOf(row, r.tableUnit !== null);
    // a header over two rows (编制数⇥⇥实有人数 over 行政编制⇥事业编制⇥在职人数⇥退休人数): the group row's counts are the row
    // under the next one, which names its columns itself
    if (sc.size && columnsOf(t.rows[ri + 1] ?? [], staffingPath).size && !(t.rows[ri + 1] ?? []).some((c) => /\d/.test(key(c)))) continue;
    if (sc.size) {
      const next = t.rows[ri + 1] ?? [];
      // a row of counts that lost its empty leading cell (8⇥11⇥7⇥4 under 人员情况⇥编制数⇥实有人数⇥在职人数⇥退休人数, a
      // rowspan copied as text) puts its first figure under the group's label: read right-aligned
      const short = row.length - next.length;
      const shift = short > 0 && !isEmpty(row[0]) && ![...sc.values()].includes(0) && /^\d/.test(key(next[0])) ? short : 0;
      // a row of figures per part of the department (单位名称⇥编制数⇥… over 市科协机关⇥12⇥…, 市科技馆⇥8⇥…, 合计⇥20⇥…): the
      // 合计 row is the department's; with no such row none is (the first is one part's, and parts are not summed)
      const parts = shift ? [] : partRows(t, ri, Math.min(...sc.values()));
      // (by internal offices, 内设机构 over 办公室⇥2⇥…, a lone office's row is that office's: only a 合计 row is the unit's)
      const offices = !shift && row.some((c, col) => col < Math.min(...sc.values()) && v.staffingOfficeHeader.test(key(c)));
      const counts = parts.length > 1 || offices ? parts.find((x) => v.totalRow.test(key(x[firstFilled(x)]))) : next;
      // (a figure with a fraction under a head count's word, 编制数⇥在职人数 over 6.5⇥5, also under 实有人数, which names no
      // field, is no head count: the row's figures are not what its header says — money, or cells out of place — and none is
      // read; a rate's column, 控制率 over 83.33, may hold one)
      const headcount = (h: TableCell) => staffingPath(key(h)) !== null || (v.staffingOtherColumns.test(key(h)) && !RATE_WORD.test(key(h)));
      const fraction = counts && row.some((h, col) => headcount(h) && FRACTION.test(key(counts[col - shift])));
      if (counts && !fraction) for (const [path, col] of sc) if (!isEmpty(counts[col - shift])) r.staffing.push({ path, cell: counts[col - shift] });
      section = 'none';
      ri += Math.max(1, parts.length);
      continue;
    }
    const years: YearColumn[] = [];
    keys.forEach((k, col) => {
      if (repeatsLeft(row, col)) return;
      // (a year column may state its unit: 2023年决算数（万元）)
      const y = yearColumnOf(k.replace(HEADER_UNIT, ''));
      if (y) years.push({ col, ...y });
    });
    const split = years.length < 2 ? splitYearHeader(row, t.rows[ri + 1], t.rows[ri + 2]) : [];
    if (split.length >= 2) {
      years.push(...split);
      ri++;
    }
    if (years.length >= 2) {
      // the units the header states (经费控制情况（万元）, 2023年决算数（万元）): two different ones, or one the table's unit
      // line contradicts, leave the block unread
      const units = headerUnits(row);
      const unit = units.size === 1 ? [...units][0] : null;
      const clash = units.size > 1 || (unit !== null && r.tableUnit !== null && unit !== r.tableUnit);
      r.costs = clash ? null : { unit, columns: years, rows: [] };
      section = clash ? 'none' : 'costs';
      continue;
    }

    // a form's labelled score (自评得分⇥96⇥自评等级⇥优) outside an indicator block: the total, as the 总分 row's
    // (not one indicator's: 产出指标⇥自评得分⇥40); also right under a budget block (…⇥项目支出⇥61.80⇥58.65⏎自评得分⇥95.5),
    // which the row closes: a label and one figure, no 总分 row (自评总分⇥⇥⇥100⇥92.89 is the block's, its columns read below)
    const formRow = section === 'none' || (section === 'budget' && keys.filter((k) => k !== '').length === 2 && !v.totalRow.test(keys.find((k) => k !== '') ?? ''));
    if (formRow && !r.total && v.formScoreLabel && !keys.some((k) => /指标/.test(k))) {
      const at = keys.findIndex((k, i) => !repeatsLeft(row, i) && v.formScoreLabel!.test(k));
      const cell = at >= 0 ? distinctAfter(row, at) : null;
      const n = cell && /^\d{1,3}(?:\.\d+)?分?$/.test(key(cell)) ? parseScore(cell.text) : null;
      if (cell && n !== null && n <= 100) {
        r.total = { label: row[at], score: cell, weight: null };
        r.grade ??= gradeIn(row, false);
        totalAt = ri;
        section = 'none';
        continue;
      }
    }
    // 自评等级⇥良 in the two rows below the 总分 row
    if (totalAt >= 0 && ri - totalAt <= 2 && !r.grade) r.grade = gradeIn(row, false);
    // data rows
    // the row's label: the first filled cell that is not a merge repeat of a cell above or to the left
    let firstIdx = row.findIndex((c) => !isEmpty(c) && !c.merged);
    let first = firstIdx >= 0 ? row[firstIdx] : null;
    // the row right under a budget header whose label cell is the row's own label (`年度资金总额（元）⇥年初预算数⇥…` over
    // `⇥4,250,000.00⇥…`: the label cell merged over both rows, written once): that label's row
    // a budget block's label cell merged down its rows and written again on every row (a Word export: `年度预算执行情况（万元）⇥
    // 年度资金总额⇥…` under `年度预算执行情况（万元）⇥项目⇥年初预算数⇥…`): the copy, left of the value columns, is no row's label
    if (section === 'budget' && first && firstIdx < Math.min(...budCols.values()) - 1 && key(first) === key(r.budget!.header[firstIdx] ?? first) && key(first) !== '') {
      const next = row.findIndex((c, i) => i > firstIdx && !isEmpty(c) && !c.merged);
      if (next > firstIdx && next < Math.min(...budCols.values())) {
        firstIdx = next;
        first = row[next];
      }
    }
    if (section === 'budget' && ri === budAt + 1) {
      const owned = headerLabelled(row, r.budget!.header, budCols);
      if (owned) {
        row = owned;
        firstIdx = 0;
        first = r.budget!.header[0];
      }
    }
    if (section === 'rubric') {
      if (first && firstIdx <= 1 && v.totalRow.test(key(first))) {
        r.total = readTotal(row, firstIdx, indCols, indWidth);
        r.grade ??= gradeIn(row, true);
        totalAt = ri;
        section = 'none';
      }
      continue;
    }
    if (section === 'indicators') {
      if (first && v.priorScoreRow.test(key(first))) continue;
      if (first && firstIdx <= (indCols.get('level3') ?? 3) && v.totalRow.test(key(first))) {
        r.total = readTotal(row, firstIdx, indCols, indWidth);
        r.grade ??= gradeIn(row, true);
        totalAt = ri;
        section = 'none';
        continue;
      }
      const cells = alignWideRow(alignShortRow(row, indWidth, indCols), indWidth);
      // a short row no alignment fits whose bare figure under 年度指标值/实际完成值 has a bare figure after it
      // (`⇥⇥发放科普资料⇥≥5000份⇥20⇥18`, its score empty or beyond its end): its 分值 and 得分 with a value cell lost before them, or
      // its value, 分值 and the 得分 lost; which is not shown, so none of its values is read (its names are)
      const unsure = misplacedShortRow(cells, indWidth, indCols);
      const at = (f: string) => {
        const col = indCols.get(f);
        if (unsure && f !== 'level1' && f !== 'level2' && f !== 'level3') return null;
        return col === undefined || isEmpty(cells[col]) ? null : cells[col]!;
      };
      const l3 = at('level3');
      // 满意度指标⇥ alone on its line (a merged 一级指标 cell printed on a line of its own, as PDF text gives it): the level of
      // the rows below it (before: they kept the level above, 效益指标)
      if (firstIdx >= 0 && firstIdx <= (indCols.get('level1') ?? 0) && v.level1Words.includes(levelLabel(key(first!)))
        && row.every((c, i) => i === firstIdx || isEmpty(c) || c.merged || repeatsLeft(row, i))) {
        if (first!.start !== prevL1?.start) prevL2 = null;
        prevL1 = first;
        if (block) block.carried = true;
        continue;
      }
      // a short row no alignment fits leaves a value in the 三级指标 column (满意度⇥≥90%⇥10⇥9 read as it stands): no row
      if (!l3 || (cells.length < indWidth && parseValue(l3.text)?.value != null)) continue;
      // …节能减排的科学⏎⇥⇥生活方式⇥⇥⇥⇥: a row holding nothing but a 三级指标 text continues the row above
      const prevRow = r.indicators[r.indicators.length - 1];
      if (prevRow && row.every((c, i) => c === l3 || isEmpty(c) || c.merged || repeatsLeft(row, i))) {
        prevRow.level3More.push(l3);
        prevRow.row.push(l3);
        continue;
      }
      const c1 = at('level1');
      const c2 = at('level2');
      const newL1 = c1 !== null && c1.start !== prevL1?.start;
      if (c1) prevL1 = c1;
      if (c2) prevL2 = c2;
      else if (newL1) prevL2 = null;
      const ind: IndicatorCells = {
        level1: prevL1,
        level2: prevL2,
        level3: l3,
        level3More: [],
        target: at('target'),
        actual: at('actual'),
        weight: at('weight'),
        score: at('score'),
        note: at('note'),
        nature: at('nature'),
        measure: at('measure'),
        row: row.filter((_, i) => !repeatsLeft(row, i)),
      };
      r.indicators.push(ind);
      block?.rows.push({ ind, own1: c1, own2: c2 });
      continue;
    }
    if (section === 'budget' && first) {
      const label = key(first);
      // (the template's column numbers under the header, 栏次⇥⇥1⇥2⇥3: no row of the block)
      if (v.budgetLineNumbers.test(label)) continue;
      // a 总分 row closing a table of only a budget block (项目⇥年初预算数⇥…⇥分值⇥执行率⇥得分 over 年度资金总额 … 总分⇥⇥⇥⇥100⇥⇥94.5):
      // the total score, from the 得分 column only; a 合计/总计 row is money (its 得分 the budget indicator's)
      if (!r.total && firstIdx <= 1 && v.totalRow.test(label) && !/计$/.test(label) && budCols.has('score') && budgetShift(row, firstIdx, budCols, r.budget!.header, budWide, t.rows.length) === 0) {
        const t = readTotal(row, firstIdx, budCols);
        if (t?.score && t.score === row[budCols.get('score')!]) {
          r.total = t;
          r.grade ??= gradeIn(row, true);
          totalAt = ri;
          section = 'none';
          continue;
        }
      }
      const rowKey = (Object.keys(v.budgetRows) as (keyof typeof v.budgetRows)[]).find((k) => v.budgetRows[k].test(label));
      const shift = budgetShift(row, firstIdx, budCols, r.budget!.header, budWide, t.rows.length);
      let cells: Record<string, TableCell> | null = null;
      if (shift !== null) {
        cells = {};
        for (const [role, col] of budCols) {
          const c = row[col - shift];
          if (c && col - shift > firstIdx && !isEmpty(c)) cells[role] = c;
        }
        // a percentage under a column that is no rate (`⇥年度资金总额⇥301.2⇥295.8⇥10⇥98.21%⇥9.8` under 年初预算数⇥全年预算数⇥…:
        // the empty 年初 cell lost, every figure one column left) says the row is misplaced: none of its cells is read
        if (Object.entries(cells).some(([role, c]) => role !== 'rate' && /[%％]$/.test(key(c)))) cells = null;
        // a row ending before the 全年执行数 column with two figures or more (`年度资金总额⇥50⇥48`) lost cells: which ones is
        // not shown, its figures are not taken as they stand
        else if (budCols.has('actual') && row.length - 1 + shift < budCols.get('actual')! && figuresIn(row, firstIdx) >= 2) cells = null;
        // a row shorter than its header lost cells somewhere; as it stands it holds only when its own 执行率 says so
        // (`⇥年度资金总额⇥30⇥30⇥28.5⇥10⇥9.5`, the 执行率 cell lost: its 得分 under 执行率 is no rate of 28.5 over 30)
        else if (row.length + shift < r.budget!.header.length && cells.budget && cells.actual && cells.rate && !rateAgrees(key(cells.budget), key(cells.actual), key(cells.rate))) cells = null;
      }
      // a row that lost a cell is read where its own 执行率 places its figures (extract/lostCells.ts)
      if (!cells) cells = lostPlaced(row, firstIdx, budCols, r.budget!.header);
      if (rowKey && !r.budget!.rows[rowKey] && cells) r.budget!.rows[rowKey] = cells;
      r.budget!.all.push({ label: first, cells });
      continue;
    }
    if (section === 'costs' && first) {
      const label = key(first).replace(v.rowLabelStrip, '');
      const rule = v.costRows.findIndex((c) => c.label.test(label));
      if (rule >= 0 && !r.costs!.rows.some((x) => x.rule === rule)) {
        const cells: Record<number, TableCell> = {};
        for (const y of r.costs!.columns) if (row[y.col] && y.col !== firstIdx && !isEmpty(row[y.col])) cells[y.col] = row[y.col];
        r.costs!.rows.push({ rule, label: first, cells });
      }
    }
  }
  if (!r.costs && pairCosts.length) r.costs = pairCostBlock(pairCosts, r.tableUnit, r.captionYear);
  if (!t.rows.some((row) => row.some((c) => c.merged))) for (const b of blocks) centredLevels(b);
  // bare words (在职人员⇥7) count people only in a table whose pairs name a staffing count (编制人数⇥8)
  if (barePairs.length && r.staffing.length) for (const p of barePairs) if (!r.staffing.some((x) => x.path === p.path)) r.staffing.push(p);
  // the lone 100 of a 总分 row is the score too when every indicator row's score is there and they add up to it (each row
  // full marks: `总分⇥100分` under ten rows of 10), or when every row read has its score and weight and each scores full
  // marks (a copy that lost a row or two, pdf.js's text of the same form); a row scoring less than its weight says the
  // 100 is the full marks
  const lone = r.total?.lone;
  const num = (c: TableCell | null) => (c ? parseScore(c.text) : null);
  if (lone && r.total && !r.total.score && r.indicators.length && r.indicators.every((x) => num(x.score) !== null)) {
    const sum = r.indicators.reduce((a, x) => a + num(x.score)!, 0);
    const fullMarks = r.indicators.every((x) => num(x.weight) !== null && Math.abs(num(x.weight)! - num(x.score)!) < 1e-6);
    if (Math.abs(sum - 100) < 1e-6 || (fullMarks && sum < 100)) r.total = { ...r.total, score: lone, weight: lone };
  }
  return r;
}

const firstFilled = (row: TableCell[]) => row.findIndex((c) => !isEmpty(c));

/** A budget block's header: three money columns or more, one of them a budget or what was spent (two are enough when they
 *  are the budget and what was spent: 资金来源⇥预算数⇥实际支出). */
function moneyHeader(bc: Map<string, number>): boolean {
  return (bc.size >= 3 && (bc.has('budget') || bc.has('actual') || bc.has('initialBudget'))) || (bc.size === 2 && bc.has('budget') && bc.has('actual'));
}

/** The row's label names a budget row the block already holds (年度资金总额 under a repeated header: another block). */
function repeatsKind(row: TableCell[] | undefined, have: Record<string, unknown>): boolean {
  const v = tableVocab();
  const f = row ? firstFilled(row) : -1;
  if (!row || f < 0) return false;
  const label = key(row[f]);
  return (Object.keys(v.budgetRows) as (keyof typeof v.budgetRows)[]).some((k) => v.budgetRows[k].test(label) && have[k] !== undefined);
}
/** A budget header with a column of the change to the budget (预算批复数⇥调整数⇥实际支出数): its lone approved budget is the
 *  budget before the change, read as the initial budget (tables.yaml budget_change_column). */
function changedBudget(row: TableCell[], bc: Map<string, number>): Map<string, number> {
  const v = tableVocab();
  const b = bc.get('budget');
  if (b === undefined || bc.has('initialBudget') || !v.budgetLoneColumn.test(key(row[b]).replace(BUDGET_NOTE, ''))) return bc;
  if (!row.some((c, i) => !repeatsLeft(row, i) && v.budgetChangeColumn.test(key(c).replace(BUDGET_NOTE, '')))) return bc;
  const out = new Map(bc);
  out.delete('budget');
  out.set('initialBudget', b);
  return out;
}
/** A budget header naming one role in two columns (a merge's repeat counts once). */
function roleTwice(row: TableCell[]): boolean {
  const seen = new Set<string>();
  for (let i = 0; i < row.length; i++) {
    const role = repeatsLeft(row, i) ? null : budgetRole(key(row[i]));
    if (role && seen.has(role)) return true;
    if (role) seen.add(role);
  }
  return false;
}

/**
 * The row right under a budget header that names a row of the block in its label cell (`年度资金总额（元）⇥年初预算数⇥…`; the
 * Word cell merged over the header row and the money row below, copied once): the row's cells placed under the header, its
 * label cell left to the header's, or null when the header's label cell names no row or the row has a label of its own. A
 * row that lost its empty label cell (`4,250,000.00⇥…`, shorter than the header, a figure first: the label column holds no
 * figure) gets an empty one back; where its value cells sit is then the block's usual reading (lostPlaced for a cell lost
 * among them).
 */
function headerLabelled(row: TableCell[], header: TableCell[], cols: Map<string, number>): TableCell[] | null {
  const v = tableVocab();
  const label = key(header[0]).replace(HEADER_UNIT, '');
  if (Math.min(...cols.values()) < 1 || !Object.values(v.budgetRows).some((re) => re.test(label)) || budgetRole(key(header[0])) !== null) return null;
  const at = row.findIndex((c) => !isEmpty(c) && !c.merged);
  if (at < 0 || !BUDGET_FIGURE.test(key(row[at]))) return null;
  if (at > 0) return row;
  if (row.length >= header.length) return null;
  return [{ start: row[0].start, end: row[0].start, text: '' }, ...row];
}
// a budget cell's figure: an amount or a rate (`4,250,000.00`, `98.06%`)
const BUDGET_FIGURE = /^\d[\d,]*(?:\.\d+)?(?:万元|元|%)?$/;

/** the filled cells of a row after its label */
const figuresIn = (row: TableCell[], labelAt: number) => row.slice(labelAt + 1).filter((c) => !isEmpty(c)).length;

/** A budget row shorter than its header's value columns placed by its own arithmetic (lostCells.ts); null when it cannot be. */
function lostPlaced(row: TableCell[], labelAt: number, cols: Map<string, number>, header: TableCell[]): Record<string, TableCell> | null {
  const first = Math.min(...cols.values());
  if (labelAt < 0 || labelAt >= first) return null;
  const values = row.slice(labelAt + 1);
  const width = header.length - first;
  const headed = Array.from({ length: width }, (_, j) => !isEmpty(header[first + j]) || !!header[first + j].merged);
  const rel = new Map([...cols].map(([role, col]) => [role, col - first] as [string, number]));
  const placed = placeLostCells(values.map((c) => key(c)), rel, headed, width);
  if (!placed) return null;
  const cells: Record<string, TableCell> = {};
  for (const [role, i] of placed) cells[role] = values[i];
  return cells;
}

/** Two header rows joined column by column (年初 + 预算数 → 年初预算数); null when the second holds a figure or is wider. */
function joinedHeader(row: TableCell[], next: TableCell[] | undefined): TableCell[] | null {
  if (!next || next.length > row.length || next.some((c) => /\d/.test(key(c)))) return null;
  if (!next.some((c, i) => !isEmpty(c) && !isEmpty(row[i]))) return null;
  return row.map((c, i) => (next[i] && !isEmpty(next[i]) ? { start: c.start, end: c.end, text: c.text + next[i].text } : c));
}

/**
 * A 基础数据表's cost header over two rows (`经费控制情况⇥2022年⇥⇥2023年` over `⇥决算数⇥预算数⇥决算数`): each role cell
 * below with a year cell right above it is that year's column (2022年决算数). A role cell with nothing above (the year's
 * merged cell written once, over it or its neighbour: which one is not known) is no column.
 */
function splitYearHeader(row: TableCell[], next: TableCell[] | undefined, below: TableCell[] | undefined): YearColumn[] {
  const { year: yearOnly, role: roleOnly } = tableVocab().yearColumnSplit;
  if (!next || !row.some((c) => yearOnly.test(key(c)))) return [];
  // (a role row that lost its empty leading cell, `决算数⇥预算数⇥决算数` under `经费控制情况⇥2022年度⇥2023年度` over
  // `三公经费⇥3.2⇥3⇥2.46`: its roles stand left of their figures — read right-aligned to the row under it, which opens with its
  // label; without such a row where they stand is not known)
  const roles = next.length - trailingEmpty(next);
  let shift = 0;
  if (roleOnly.test(key(next[0]))) {
    const width = below && !isEmpty(below[0]) && !/^\d/.test(key(below[0])) ? below.length - trailingEmpty(below) : 0;
    if (width <= roles) return [];
    shift = width - roles;
    // (so moved, the first role stands under the first year: a row wider for a cell of its own, 三公经费⇥…⇥说明, moves it past)
    if (!yearOnly.test(key(row[shift] ?? next[0])) || row.slice(0, shift).some((c) => yearOnly.test(key(c)))) return [];
  }
  const out: YearColumn[] = [];
  // the last year's cell merged over its 预算数 and 决算数 is written once, in its first column (`2022年⇥2023年` over
  // `⇥决算数⇥预算数⇥决算数`): it heads the roles right of it, each role once (two 决算数 under one year: no such header). An empty cell
  // between two years (`2022年⇥⇥2023年`) stays none: either year's merge may span it.
  let lastYear = -1;
  row.forEach((c, i) => {
    if (yearOnly.test(key(c))) lastYear = i;
  });
  let year: string | null = null;
  const kinds = new Set<string>();
  for (let j = 0; j < roles; j++) {
    const col = j + shift;
    const role = key(next[j]);
    const above = row[col] && !repeatsLeft(row, col) ? key(row[col]) : '';
    if (yearOnly.test(above)) {
      year = above;
      kinds.clear();
    } else if (above !== '' || col < lastYear) year = null;
    if (!roleOnly.test(role)) {
      if (!isEmpty(next[j]) && col > 0) return []; // another word among the roles: no such header
      continue;
    }
    const y = year === null ? null : yearColumnOf(year.replace(/度$/, '') + role);
    if (!y) continue;
    if (kinds.has(y.kind)) return []; // a year over two 决算数: not the header read here
    kinds.add(y.kind);
    out.push({ col, ...y });
  }
  return out;
}

/** How many empty cells close the row (a row flattened with its trailing tabs). */
function trailingEmpty(row: TableCell[]): number {
  let n = 0;
  while (n < row.length && isEmpty(row[row.length - 1 - n])) n++;
  return n;
}

/** The rows under a staffing header that each open with a label (not a figure) left of its first count column, and hold a
 *  figure under it: one row per part of the department and their total. */
function partRows(t: Table, hi: number, firstCol: number): TableCell[][] {
  const out: TableCell[][] = [];
  for (let rj = hi + 1; rj < t.rows.length; rj++) {
    const row = t.rows[rj];
    // (a merged label cell running down from the header row is no part's name)
    const at = row.findIndex((c) => !isEmpty(c) && !c.merged);
    if (at < 0 || at >= firstCol || /^\d/.test(key(row[at])) || !/^\d{1,5}[人名]?$/.test(key(row[firstCol]))) break;
    out.push(row);
  }
  return out;
}

/**
 * How far a budget block's row is shifted against its header: 0 when its label stands left of the value columns and
 * every figure after it under a header cell; a row that lost its empty leading cells (`年度资金总额⇥30⇥32⇥31.2⇥10⇥97.5%⇥9.75`
 * under `项目资金（万元）⇥⇥年初预算数⇥…`, a web page's rowspan copied as text) is moved right to put its label in the
 * column before the first value column. Null when neither fits: a label among the value columns (`⇥⇥⇥⇥项目支出：⇥51.7`, the
 * 按支出性质分 half of a template) is no row of the block, and its figure no 执行率.
 */
function budgetShift(row: TableCell[], labelAt: number, cols: Map<string, number>, header: TableCell[], wide = false, rows = 0): number | null {
  const first = Math.min(...cols.values());
  const headed = (j: number) => j >= first && j < header.length && (!isEmpty(header[j]) || !!header[j].merged);
  // (a 行次 column, left of the value columns or among them, holds the row's line number, `合计⇥1⇥2,256,000.00⇥…`: no figure;
  // a line number counts no more than the table's rows, `项目支出⇥50⇥47` lost its 行次 cell)
  const lineNo = (j: number, c: TableCell) => j < header.length && tableVocab().budgetLineNumbers.test(key(header[j])) && /^\d{1,2}$/.test(key(c)) && Number(key(c)) <= rows;
  const fits = (s: number) => labelAt + s < first && row.every((c, j) => j <= labelAt || isEmpty(c) || !!c.merged || headed(j + s) || lineNo(j + s, c));
  if (fits(0)) return 0;
  const s = first - 1 - labelAt;
  if (s > 0 && fits(s)) return s;
  // a row wider than its header by the empty cells right after its label, the label's merged cell written once (`合计⇥⇥⇥160.00⇥
  // 157.70⇥98.56%` under `项目⇥预算数⇥执行数⇥执行率`): the header fixes the columns, counted from the right, when the label stands
  // left of the value columns and the row's last cell is filled (an empty cell before the label, `⇥年度资金总额⇥30⇥…`, may be a
  // cell the header lost: not placed, tables-selfeval #27)
  const d = row.length - header.length;
  if (d > 0 && labelAt < first && !isEmpty(row[row.length - 1]) && row.slice(labelAt + 1, labelAt + 1 + d).every(isEmpty) && fits(-d)) return -d;
  // a header whose label cell spanned the label column too (`预算执行情况（万元）⇥预算数⇥执行数` over
  // `⇥年度资金总额⇥30⇥29.4`, the first column a merged cell copied empty): the row moved one cell left, only when every
  // row of the block is so (`wide`; beside rows whose label is in the first cell the wider row's placing is unknown)
  const lead = isEmpty(row[0]) || !!row[0].merged;
  return wide && first === 1 && labelAt === 1 && lead && !isEmpty(header[0]) && row.every((c, j) => j <= labelAt || isEmpty(c) || !!c.merged || headed(j - 1)) ? -1 : null;
}

interface LevelBlock {
  rows: { ind: IndicatorCells; own1: TableCell | null; own2: TableCell | null }[];
  /** a level label stood on a line of its own above the rows (carried down as written) */
  carried: boolean;
}

/**
 * Level labels printed in the middle of the rows their merged cell spans (PDF text, pdftotext -layout: the first rows of
 * the block have no 一级指标, `⇥⇥科普活动场次⇥…⏎⇥数量指标⇥科普讲座⇥…⏎产出指标⇥⇥发放资料⇥…`), told by the block's first row
 * lacking a label a later row has: carrying a label down would give the rows above it the label of the block before.
 * Each label's cell spans the rows it stands in the middle of (to half a row); the spans of one column cut the block
 * into runs, and the 二级 runs lie inside the 一级 ones. A row takes a label when every such cut gives it that label;
 * else it keeps only a label written on its own row.
 */
function centredLevels(b: LevelBlock): void {
  const n = b.rows.length;
  if (b.carried || n < 2) return;
  const p1 = b.rows.flatMap((x, i) => (x.own1 ? [i] : []));
  const p2 = b.rows.flatMap((x, i) => (x.own2 ? [i] : []));
  if (!((p1.length && p1[0] > 0) || (p2.length && p2[0] > 0))) return;
  // every cut: for each row, the row index of its 一级 and 二级 label (-1: none)
  const cuts: { l1: number[]; l2: number[] }[] = [];
  const l1Cuts = p1.length ? spans(0, n - 1, p1) : [[]];
  for (const c1 of l1Cuts) {
    const l1 = Array<number>(n).fill(-1);
    // the 一级 runs, or the whole block when the column holds no label
    const runs: [number, number][] = [];
    let s = 0;
    c1.forEach((e, j) => {
      for (let i = s; i <= e; i++) l1[i] = p1[j];
      runs.push([s, e]);
      s = e + 1;
    });
    if (!p1.length) runs.push([0, n - 1]);
    // the 二级 cuts of each run, combined
    let l2s: number[][] = [Array<number>(n).fill(-1)];
    for (const [lo, hi] of runs) {
      const inRun = p2.filter((i) => i >= lo && i <= hi);
      if (!inRun.length) continue;
      const runCuts = spans(lo, hi, inRun);
      const next: number[][] = [];
      for (const base of l2s) {
        for (const rc of runCuts) {
          const l2 = base.slice();
          let st = lo;
          rc.forEach((e, j) => {
            for (let i = st; i <= e; i++) l2[i] = inRun[j];
            st = e + 1;
          });
          if (next.length < MAX_CUTS) next.push(l2);
        }
      }
      l2s = next;
    }
    for (const l2 of l2s) if (cuts.length < MAX_CUTS && parentsAgree(b, l1, l2)) cuts.push({ l1, l2 });
  }
  b.rows.forEach((x, i) => {
    const agree = (f: 'l1' | 'l2') => (cuts.length && cuts.every((c) => c[f][i] === cuts[0][f][i]) ? cuts[0][f][i] : null);
    const a1 = agree('l1');
    const a2 = agree('l2');
    x.ind.level1 = a1 !== null && a1 >= 0 ? b.rows[a1].own1 : x.own1;
    x.ind.level2 = a2 !== null && a2 >= 0 ? b.rows[a2].own2 : x.own2;
  });
}
const MAX_CUTS = 256;

/** No row puts a 二级指标 under a 一级指标 it never stands under (社会效益指标 under 产出指标). */
function parentsAgree(b: LevelBlock, l1: number[], l2: number[]): boolean {
  const v = tableVocab();
  for (let i = 0; i < l1.length; i++) {
    if (l1[i] < 0 || l2[i] < 0) continue;
    const w1 = levelLabel(b.rows[l1[i]].own1!.text);
    const parents = v.level2Parents.get(levelLabel(b.rows[l2[i]].own2!.text));
    if (parents && v.level1Words.includes(w1) && !parents.includes(w1)) return false;
  }
  return true;
}

/** The ways to cut rows lo..hi into runs, one per label row in `at` (ascending), each label in its run's middle (to
 *  half a row): the last row of each run. */
function spans(lo: number, hi: number, at: number[]): number[][] {
  const out: number[][] = [];
  const walk = (j: number, s: number, acc: number[]) => {
    if (out.length >= MAX_CUTS) return;
    if (j === at.length) {
      if (s === hi + 1) out.push(acc);
      return;
    }
    const p = at[j];
    if (s > p) return;
    for (const e of [2 * p - s - 1, 2 * p - s, 2 * p - s + 1]) {
      if (e >= p && e <= hi && (j + 1 === at.length || e < at[j + 1])) walk(j + 1, e + 1, [...acc, e]);
    }
  };
  walk(0, lo, []);
  return out;
}

interface StaffPair {
  path: string;
  cell: TableCell;
  bare: boolean;
}

interface CostPair {
  rule: number;
  label: TableCell;
  value: TableCell;
  column: Omit<YearColumn, 'col'>;
  unit: string | null;
}

// a cost row's label naming its kind (三公经费决算数, 2023年项目支出预算数, 公用经费执行数（万元）): the subject, then the kind
const PAIR_COST = /^(?:(\d{4})年度?|(本年|当年))?(.+?)(预算|决算|执行)数?$/;
// (a count may be written in Chinese numerals, 八 / 十二人, as a form filled by hand gives it)
const PAIR_COUNT = new RegExp(`^(?:\\d{1,5}|${CN_COUNT})[人名]?$`);
const PAIR_MONEY = /^\d[\d,]*(?:\.\d+)?(?:万元|元)?$/;

/**
 * A row of labels each with its figure in the cell right after it (a group label with no figure may open the row:
 * 财政供养人员情况（人）⇥编制数⇥8⇥实际在职人数⇥6): the staffing labels (tables.yaml staffing_columns) and the cost rows' labels
 * that name their kind (三公经费决算数; a bare 三公经费⇥0.44 says neither plan nor actual and is passed over, as is any
 * other label with its figure). Null when any such label has no figure beside it (a header row over a row of figures),
 * a figure stands beside no label, or there is no pair.
 */
function labelPairs(row: TableCell[]): (StaffPair | CostPair)[] | null {
  const v = tableVocab();
  const cells = row.filter((c, i) => !repeatsLeft(row, i) && !c.merged && !isEmpty(c));
  const out: (StaffPair | CostPair)[] = [];
  for (let i = 0; i < cells.length; i++) {
    const k = key(cells[i]);
    const next = cells[i + 1] ? key(cells[i + 1]) : '';
    const path = staffingPath(k);
    if (path) {
      if (!PAIR_COUNT.test(next)) return null;
      out.push({ path, cell: cells[++i], bare: false });
      continue;
    }
    // (在职人员⇥7: kept apart, a count only beside a named one)
    const barePath = PAIR_COUNT.test(next) ? v.staffingPairBare.find((c) => c.re.test(k))?.path : undefined;
    if (barePath) {
      out.push({ path: barePath, cell: cells[++i], bare: true });
      continue;
    }
    const bare = k.replace(HEADER_UNIT, '');
    const m = bare.replace(v.rowLabelStrip, '').match(PAIR_COST);
    const rule = m ? v.costRows.findIndex((c) => c.label.test(m[3])) : -1;
    if (m && rule >= 0) {
      if (!PAIR_MONEY.test(next)) return null;
      const unit = bare !== k ? unitWord(k) : null;
      const column = { year: m[1] ? Number(m[1]) : null, relative: m[1] ? null : (0 as const), kind: m[4] === '预算' ? ('budget' as const) : ('actual' as const) };
      out.push({ rule, label: cells[i], value: cells[++i], column, unit });
      continue;
    }
    if (PAIR_COUNT.test(k) || PAIR_MONEY.test(k)) return null; // a figure no label owns: a row of another layout
    // another label with its figure (车辆编制⇥0, 公用经费⇥13.08: no field, or no kind said): passed over
    if (PAIR_COUNT.test(next) || PAIR_MONEY.test(next)) i++;
  }
  return out.length ? out : null;
}

/** The pairs' cost block: one column per kind and year (a cell's column is its pair's; the indices are past the row's). */
function pairCostBlock(pairs: CostPair[], tableUnit: string | null, captionYear: number | null): TableReading['costs'] {
  // an undated label (三公经费决算数) is the year of the table's caption, one column with the labels dated so
  if (captionYear !== null) for (const p of pairs) if (p.column.year === null) p.column = { ...p.column, year: captionYear, relative: null };
  const units = new Set(pairs.map((p) => p.unit).filter((u): u is string => u !== null));
  if (units.size > 1 || (units.size === 1 && tableUnit !== null && !units.has(tableUnit))) return null;
  const columns: YearColumn[] = [];
  const rows: NonNullable<TableReading['costs']>['rows'] = [];
  for (const p of pairs) {
    let col = columns.find((c) => c.kind === p.column.kind && c.year === p.column.year && c.relative === p.column.relative);
    if (!col) columns.push((col = { col: PAIR_COLUMN + columns.length, ...p.column }));
    // (the first pair of a subject and column stands)
    const row = rows.find((x) => x.rule === p.rule) ?? rows[rows.push({ rule: p.rule, label: p.label, cells: {} }) - 1];
    row.cells[col.col] ??= p.value;
  }
  return { unit: units.size ? [...units][0] : null, columns, rows };
}
const PAIR_COLUMN = 10000;

/**
 * A header naming the level column by a word that says no level (`绩效指标⇥指标内容⇥目标值⇥实际值⇥权重⇥得分`, `指标类型`
 * over 产出指标/效益指标): with no other level column, the column is level1 when the rows below it name first-level kinds
 * only (产出指标, 效益指标; 成本指标 and 满意度指标 are both), level2 when one names a second-level kind (数量指标); nothing
 * else (a column of other words stays unread). Changes `ic` in place.
 */
function levelColumn(t: Table, ri: number, row: TableCell[], ic: Map<string, number>): void {
  const v = tableVocab();
  if (ic.has('level1') && ic.has('level2')) return;
  const l3 = ic.get('level3')!;
  const anyRe = v.indicatorLevelColumn;
  let col = ic.has('level1') ? -1 : ic.get('level2') ?? -1;
  if (col < 0 && !ic.has('level1')) col = row.findIndex((c, i) => i < l3 && !repeatsLeft(row, i) && anyRe !== null && anyRe.test(key(c)));
  if (col < 0 || col >= l3) return;
  let first = 0;
  let second = 0;
  for (let rj = ri + 1; rj < t.rows.length && rj <= ri + 40; rj++) {
    const k = levelLabel(t.rows[rj][col]?.text ?? '');
    if (!k) continue;
    if (v.totalRow.test(k)) break;
    const in1 = v.level1Words.includes(k);
    const in2 = v.level2Words.includes(k);
    if (in1 && !in2) first++;
    else if (in2 && !in1) second++;
  }
  const level: 'level1' | 'level2' | null = second ? 'level2' : first ? 'level1' : ic.get('level2') === col ? 'level2' : null;
  if (ic.get('level2') === col && level !== 'level2') ic.delete('level2');
  if (level) ic.set(level, col);
}

/**
 * A header whose only name column is `绩效指标` (`绩效指标⇥年度指标值⇥实际完成值⇥得分`; no 一级/二级/三级指标 column, none in
 * the row below either: that is a header over two rows): the indicator's name. Spread over two or three columns (the cells
 * after it empty up to the first value column) it names the levels too: the last is the name, with three the first two
 * are 一级 and 二级, with two the first is read by its rows' words (levelColumn). Changes `ic` in place.
 */
function nameColumn(t: Table, ri: number, row: TableCell[], ic: Map<string, number>): void {
  const re = tableVocab().indicatorNameOnly;
  if (!re || ic.has('level1') || ic.has('level2') || ic.has('level3') || !(ic.has('target') || ic.has('actual'))) return;
  const firstValue = Math.min(...['target', 'actual', 'weight', 'score', 'note'].flatMap((f) => (ic.has(f) ? [ic.get(f)!] : [])));
  const c0 = row.findIndex((c, i) => i < firstValue && re.test(key(c)));
  if (c0 < 0) return;
  // (the level columns named in the row below: a header over two rows, read there)
  const next = t.rows[ri + 1];
  if (next && next.some((c) => /^(?:一级|二级|三级)指标$/.test(key(c)))) return;
  let last = c0;
  while (last + 1 < firstValue && (isEmpty(row[last + 1]) || repeatsLeft(row, last + 1))) last++;
  const width = last - c0 + 1;
  if (width > 3 || row.slice(c0 + 1, firstValue).some((c, i) => c0 + 1 + i > last && !isEmpty(c))) return;
  ic.set('level3', last);
  if (width === 3) {
    ic.set('level1', c0);
    ic.set('level2', c0 + 1);
  }
}

/**
 * A data row shorter than the indicator header whose text lost its empty leading cells (the merged 一级/二级 labels
 * written once: `科普资料发放⇥≥1万份⇥1.2万份⇥10⇥10` under a seven-column header) is read right-aligned, when that puts
 * numbers in the 分值/得分 columns and the row as it stands does not; else as it stands.
 */
function alignShortRow(row: TableCell[], width: number, cols: Map<string, number>): (TableCell | undefined)[] {
  const short = width - row.length;
  if (short <= 0 || row.some((c) => c.merged)) return row;
  const numeric = ['weight', 'score'].filter((f) => cols.has(f));
  const fits = (cs: (TableCell | undefined)[]) => numeric.length > 0 && numeric.every((f) => parseScore(cs[cols.get(f)!]?.text) !== null);
  if (fits(row)) return row;
  // right-aligned, or (the empty 偏差原因 cells after it lost too) shifted less: the largest shift that puts numbers in the
  // 分值/得分 columns and a name in the 三级指标 column
  const l3 = cols.get('level3');
  for (let shift = short; shift > 0; shift--) {
    const cs: (TableCell | undefined)[] = [...Array<undefined>(shift).fill(undefined), ...row];
    if (fits(cs) && (l3 === undefined || (cs[l3] && !isEmpty(cs[l3]) && parseValue(cs[l3]!.text)?.value == null))) return cs;
  }
  return row;
}

/** See the caller: a row shorter than the header (as it stands), its 得分 cell empty or beyond its end, with a bare figure under
 *  a value column (年度指标值, 实际完成值) and a bare figure right after it. */
function misplacedShortRow(cells: (TableCell | undefined)[], width: number, cols: Map<string, number>): boolean {
  const sc = cols.get('score');
  if (cells.length >= width || sc === undefined || (sc < cells.length && !isEmpty(cells[sc]))) return false;
  const bare = (c: TableCell | undefined) => !!c && /^\d+(?:\.\d+)?$/.test(key(c));
  return (['target', 'actual'] as const).some((f) => {
    const col = cols.get(f);
    return col !== undefined && bare(cells[col]) && bare(cells[col + 1]);
  });
}

/**
 * An indicator row wider than its header whose extra cells open it empty and whose last cell is filled
 * (`⇥产出指标⇥数量指标⇥开展科普讲座⇥≥15场⇥18场⇥10⇥10` under `一级指标⇥二级指标⇥…⇥得分`: the label column of a 绩效指标 group
 * cell merged over the block, the header written without it) stands right-aligned under the header: read without those
 * cells (as it stands each value would be read a column to the left: the target as the actual, the 分值 as the 得分).
 */
function alignWideRow<T extends TableCell | undefined>(row: T[], width: number): T[] {
  const extra = row.length - width;
  if (extra <= 0 || row.some((c) => c?.merged) || isEmpty(row[row.length - 1]) || !row.slice(0, extra).every((c) => isEmpty(c))) return row;
  return row.slice(extra);
}

/** The grade in a row: `自评等级：优`, `自评等级 | 良`, or (in the 总分 row, `bare`) a cell that is only a grade word. */
function gradeIn(row: TableCell[], bare: boolean): TableReading['grade'] {
  const g = tableVocab().totalGrade;
  for (let i = 0; i < row.length; i++) {
    if (repeatsLeft(row, i)) continue;
    const k = key(row[i]);
    const label = k.match(g.label)?.[0] ?? '';
    const rest = k.slice(label.length);
    const cell = rest ? row[i] : label ? distinctAfter(row, i) : null;
    const text = rest || !cell ? rest : key(cell);
    // (the 好/较好/一般/较差 scale only after its label)
    const m = text.match(g.value) ?? (label ? text.match(g.good) : null);
    if (m && cell && (label || bare)) return { cell, value: m[1] };
  }
  return null;
}

/** `总分 | 100 | 91`: the 得分 column when the row is aligned with the header, else the last number (one number: score). A row
 *  wider than its header (`width`; `总分⇥⇥⇥⇥⇥⇥100⇥95` under seven columns: an empty cell too many) is not aligned: its 得分
 *  column holds the 分值 (was read as the score, 100). */
function readTotal(row: TableCell[], labelIdx: number, cols: Map<string, number>, width = Infinity): TableReading['total'] {
  const label = row[labelIdx];
  const num = (c: TableCell | undefined) => (c && /^\d+(\.\d+)?分?$/.test(key(c)) ? c : null);
  const sCol = cols.get('score');
  const wCol = cols.get('weight');
  if (sCol !== undefined && row.length <= width && num(row[sCol]) && row[sCol].start !== label.start) {
    return { label, score: row[sCol], weight: wCol !== undefined ? num(row[wCol]) : null };
  }
  // the 得分 cell holds a score in Chinese numerals (九十六): the number left is the 分值, never the score
  if (sCol !== undefined && row[sCol] && /^[〇零一二三四五六七八九十百点]+分?$/.test(key(row[sCol]))) {
    return { label, score: null, weight: wCol !== undefined ? num(row[wCol]) : null };
  }
  const nums: TableCell[] = [];
  for (let i = labelIdx + 1; i < row.length; i++) {
    if (row[i].start === row[i - 1].start) continue; // a merged repeat
    const n = num(row[i]);
    if (n) nums.push(n);
  }
  if (!nums.length) return null;
  // the one number of the row standing in the 分值 column, the 得分 cell empty: the weight (总分⇥⇥⇥⇥⇥100⇥⇥), no score
  // (also when the row ends there, its 得分 cell lost or wrapped onto a line of its own: 总分⇥⇥⇥⇥⇥100 ⏎ 95.75)
  if (nums.length === 1 && wCol !== undefined && sCol !== undefined && (sCol >= row.length || isEmpty(row[sCol])) && row[wCol] === nums[0]) {
    return { label, score: null, weight: nums[0] };
  }
  // a lone 100 not in the 得分 column (总分⇥100, 总分⏎100: the score's cell lost or left empty) is as often the full marks
  // as the score: neither is sure
  if (nums.length === 1 && /^100(?:\.0+)?分?$/.test(key(nums[0]))) return { label, score: null, weight: null, lone: nums[0] };
  return { label, score: nums[nums.length - 1], weight: nums.length > 1 ? nums[0] : null };
}

/** level1/level2 label: split characters joined, weight annotation dropped (`产出指标(50分)` → `产出指标`), a list marker the
 *  table numbers its levels with dropped (`一、产出指标`, `（一）数量指标`, `1.数量指标` → `产出指标`, `数量指标`). */
export function levelLabel(s: string): string {
  return cellText(s).replace(/\s+/g, '').replace(tableVocab().levelWeightSuffix, '').replace(LEVEL_MARKER, '').trim();
}
const LEVEL_MARKER = /^(?:[一二三四五六七八九十]{1,2}[、.．]|[(（][一二三四五六七八九十\d]{1,2}[)）]|\d{1,2}[、.．](?!\d))(?=[\u4e00-\u9fa5])/;

/** The indicator column a header cell names; a bracketed note closing it is read without it when the whole cell names
 *  none (三级指标（指标名称）, 分值（权重）, 得分（C）, 权重（%）, 自评得分（分）). */
function indicatorField(k: string): string | null {
  const v = tableVocab();
  const f = firstOf(v.indicatorColumns, v.indicatorColumnsAny, k)?.field;
  if (f) return f;
  // (not a year's: 实际完成值（2022年） is another year's column)
  const bare = k.replace(/[(（](?![^()（）]*\d{4})[^()（）]{1,8}[)）]$/, '');
  return bare !== k ? (firstOf(v.indicatorColumns, v.indicatorColumnsAny, bare)?.field ?? null) : null;
}

