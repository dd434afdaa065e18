// A table of the department's figures with one column per year (`指标⇥2022年⇥2023年`, `项目⇥上年数⇥本年数`) or per year and
// role (`项目⇥2022年决算数⇥2023年决算数⇥增减`, `项目⇥2023年预算数⇥2023年决算数`): which column is the report's year's, and in which
// role. A change column beside two (`⇥增减`, `⇥增减率`; yearChange.ts) is no year's; it shows whether the header stands over
// the columns it names.
import type { TableCell } from '../document.js';
import { tableVocab } from '../structure/tableVocab.js';
import { statementVocab } from './accountsTables.js';
import { amount, filled, FIGURE, halfUnit, moneyUnit, splitUnit, type StackedMoney } from './stackedLabels.js';
import { key, yearColumnOf } from './tableReading.js';
import { changeAgrees, isRateChange, isYearChange } from './yearChange.js';

type Role = 'budget' | 'actual';
/** A year column: its header's year (or 本/上), whether it is the report's, the role it names (null: a bare year) and unit. */
interface YearCol {
  i: number;
  when: string;
  own: boolean;
  role: Role | null;
  unit: string | null;
}

/** A header of year columns over label rows: `指标⇥2022年⇥2023年`, `项目⇥上年数⇥本年数` (a year or 本年/上年, maybe with 度/数). */
const YEAR_HEADER = /^(?:((?:19|20)\d{2})年度?|(上|本)年(?:度)?)(?:数|数据)?$/;

/** A header cell over a year's column: a bare year (2023年, 本年数) or one naming its role (2023年决算数, 本年预算数,
 *  2023年执行数（万元）: tables.yaml year_column), or null. */
function yearCol(c: TableCell, i: number, year: number): YearCol | null {
  const bare = YEAR_HEADER.exec(key(c));
  if (bare) return { i, when: bare[1] ?? bare[2], own: bare[1] ? Number(bare[1]) === year : bare[2] === '本', role: null, unit: null };
  const { words, unit } = splitUnit(c);
  const y = unit === '%' ? null : yearColumnOf(words);
  if (!y || (y.year === null && y.relative === null)) return null;
  const own = y.year !== null ? y.year === year : y.relative === 0;
  return { i, when: y.year !== null ? String(y.year) : y.relative === 0 ? '本' : '上', own, role: y.kind, unit: unit && moneyUnit(unit) };
}

export type YearTable =
  /** bare years: the rows cut down to their label and the report's year's figure, as if the table had that column only */
  | { bare: TableCell[][] }
  /** years naming their roles: each row's figure under the report's year's columns, by the row's subject and the column's role */
  | { named: StackedMoney[] }
  /** a change contradicting its years' figures: nothing read (the cell shows where) */
  | { contradicts: TableCell };

/**
 * The report's year's column(s) of such a table, or null when there is no such header, none of its years is the report's, or it
 * names a year twice. A row not as wide as the header, or with its label elsewhere, is left out (which cell is whose year is not
 * shown). With a change column beside two columns the table is read only when the changes agree with the columns' figures in
 * one row at least and contradict them in none: the report's year's less the other's, or, one year's 预算数 and 决算数 (执行数),
 * the actual less the budget.
 */
export function yearTable(rows: TableCell[][], year: number | null): YearTable | null {
  if (year === null) return null;
  for (let h = 0; h < rows.length; h++) {
    const row = rows[h];
    const at = row.findIndex(filled);
    if (at < 0 || YEAR_HEADER.test(key(row[at])) || FIGURE.test(key(row[at]))) continue;
    const cells = row.slice(at + 1).map((c, i) => ({ c, i: at + 1 + i })).filter((x) => filled(x.c));
    const change = cells.filter((x) => isYearChange(x.c));
    const rest = cells.filter((x) => !isYearChange(x.c));
    if (rest.length < 2 || change.length > 1 || (change.length && rest.length !== 2)) continue;
    const cols = rest.map((x) => yearCol(x.c, x.i, year));
    if (cols.some((c) => !c)) continue;
    const ys = cols as YearCol[];
    const named = ys.every((c) => c.role !== null);
    const own = ys.filter((c) => c.own);
    // (years named twice, 2023年 and 本年, a year over its parts, or bare years beside named ones, say nothing certain)
    if (!named && ys.some((c) => c.role !== null)) return null;
    if (new Set(ys.map((c) => c.when + c.role)).size !== ys.length || new Set(own.map((c) => c.role)).size !== own.length) return null;
    if (!own.length || (!named && own.length !== 1)) return null;
    const body = rows.slice(h + 1).filter((r) => r.length === row.length && r.findIndex(filled) === at);
    if (change.length) {
      // (one year's budget and actual: the actual less the budget; else the report's year's less the other's)
      const [first, second] = ys;
      const [mine, other] = first.when === second.when ? (first.role === 'actual' ? [first, second] : [second, first]) : first.own ? [first, second] : [second, first];
      const agree = body.map((r) => changeAgrees(r[mine.i], r[other.i], r[change[0].i], isRateChange(change[0].c)));
      const bad = agree.indexOf(false);
      if (bad >= 0) return { contradicts: body[bad][change[0].i] };
      if (!agree.includes(true)) return null;
    }
    if (!named) return { bare: body.map((r) => [r[at], r[own[0].i]]) };
    return { named: own.flatMap((c) => columnMoney(body, at, c)) };
  }
  return null;
}

type SubjectRule = { target: string; re: RegExp; total: boolean };
let subjects: SubjectRule[] | null = null;
function subjectRules(): SubjectRule[] {
  const raw = (tableVocab().raw as unknown as { year_role_rows?: { target: string; label: string; total?: boolean }[] }).year_role_rows ?? [];
  subjects ??= raw.map((r) => ({ target: r.target, re: new RegExp(r.label), total: r.total === true }));
  return subjects;
}

/**
 * One role's column: each row naming a subject (tables.yaml year_role_rows: 支出合计, 基本支出, 项目支出, “三公”经费 …) with a figure
 * under it, that subject's figure in the role; a subject named twice is read from neither. A bare 合计 is the spending's total
 * only beside 基本支出 and 项目支出 adding up to it; 基本支出 and 项目支出 that do not add up to the total beside them leave the
 * three unread.
 */
function columnMoney(body: TableCell[][], at: number, col: YearCol): StackedMoney[] {
  const found = new Map<string, StackedMoney | null>();
  const totals: StackedMoney[] = [];
  for (const r of body) {
    const cell = r[col.i];
    if (!filled(cell) || !FIGURE.test(key(cell)) || /%$/.test(key(cell))) continue;
    const { words, unit } = splitUnit(r[at]);
    const rule = subjectRules().find((s) => s.re.test(words.replace(tableVocab().rowLabelStrip, '')));
    const path = rule && statementVocab().targets[rule.target]?.[col.role!];
    if (!rule || !path || unit === '%') continue;
    const own = unit && moneyUnit(unit);
    if (own !== null && col.unit !== null && own !== col.unit) continue;
    const m: StackedMoney = { path, label: r[at], cell, unit: own ?? col.unit, rate: false };
    if (rule.total) totals.push(m);
    else found.set(path, found.has(path) ? null : m);
  }
  const part = (k: string) => found.get(statementVocab().targets[k]?.[col.role!] ?? '') ?? null;
  const [basic, project] = [part('basic'), part('project')];
  const totalPath = statementVocab().targets.spendingTotal[col.role!]!;
  // (a bare 合计: the spending's total only as the sum of its two kinds; two such rows say nothing)
  const bare = totals.length === 1 && !found.has(totalPath) ? { ...totals[0], path: totalPath } : null;
  const total = found.get(totalPath) ?? bare;
  if (bare && basic && project && addsUp(bare, [basic, project])) found.set(totalPath, bare);
  if (total && basic && project && !addsUp(total, [basic, project])) [totalPath, basic.path, project.path].forEach((p) => found.delete(p));
  return [...found.values()].filter((m): m is StackedMoney => m !== null);
}

/** Two parts add up to their total within the rounding of the three as written (in one unit). */
function addsUp(total: StackedMoney, parts: StackedMoney[]): boolean {
  if (parts.some((p) => p.unit !== total.unit)) return false;
  const sum = parts.reduce((s, p) => s + amount(p.cell), 0);
  const slack = [total, ...parts].reduce((s, p) => s + halfUnit(p.cell), 0);
  return Math.abs(sum - amount(total.cell)) <= slack + 1e-9;
}
