// A 基础数据表's money set out as label rows over value rows (`年初预算数⇥全年预算数⇥全年执行数` over `612.00⇥668.20⇥641.35`,
// `“三公”经费预算数⇥“三公”经费实际支出数` over `4.50⇥2.86`): each label names the field of the figure right under it
// (patterns/tables.yaml basic_data_stacked). All or nothing per pair of rows: a row of labels only, two or more, over a row
// as wide whose filled cells are figures standing under labels; anything else in either row leaves the pair unread.
import type { TableCell } from '../document.js';
import { tableVocab } from '../structure/tableVocab.js';
import { key } from './tableReading.js';

export interface StackedMoney {
  path: string;
  label: TableCell;
  cell: TableCell;
  /** the unit the label states (（万元） → 万, （元） → ''), or null */
  unit: string | null;
  /** a rate's label (执行率): its figure a percentage, no money */
  rate: boolean;
}

type Rule = { path: string; re: RegExp; rate: boolean };
type RawRule = { path: string; label: string; rate?: boolean };
const toRules = (raw: RawRule[] | undefined): Rule[] => (raw ?? []).map((r) => ({ path: r.path, re: new RegExp(r.label), rate: r.rate === true }));
const rawVocab = () => tableVocab().raw as unknown as { basic_data_stacked?: RawRule[]; year_table_rows?: RawRule[] };
let rules: Rule[] | null = null;
function stackedRules(): Rule[] {
  rules ??= toRules(rawVocab().basic_data_stacked);
  return rules;
}
let yearRules: Rule[] | null = null;
/** The labels of a table of the department's figures by year: the 基础数据表's and the bare ones such a table writes
 *  (支出合计; tables.yaml year_table_rows). */
export function yearTableRules(): Rule[] {
  yearRules ??= [...stackedRules(), ...toRules(rawVocab().year_table_rows)];
  return yearRules;
}

const LABEL_UNIT = /[(（](万元|元|千元|亿元|%)[)）]$/;
/** A label's words and the unit it states in brackets at its end (年初预算数（元） → 年初预算数, 元). */
export function splitUnit(c: TableCell): { words: string; unit: string | null } {
  const k = key(c);
  const u = k.match(LABEL_UNIT);
  return u ? { words: k.slice(0, -u[0].length), unit: u[1] } : { words: k, unit: null };
}
/** A money unit as a multiplier's name: 万元 → 万, 元 → '' (how the table's unit lines are kept). */
export const moneyUnit = (unit: string) => unit.replace(/元$/, '');
const LABEL_YEAR = /^(\d{4})年度?/;
export const FIGURE = /^\d[\d,]*(?:\.\d+)?(?:万元|元|%)?$/;
export const filled = (c: TableCell | undefined) => !!c && !c.merged && key(c) !== '' && !tableVocab().emptyCells.some((re) => re.test(key(c)));

/** The label's field, its year (null when it names none) and unit; null for a cell that is no such label. */
function labelOf(c: TableCell, rules = stackedRules()): { path: string; year: number | null; unit: string | null; rate: boolean } | null {
  const { words, unit } = splitUnit(c);
  let k = words;
  const y = k.match(LABEL_YEAR);
  if (y) k = k.slice(y[0].length);
  const rule = rules.find((r) => r.re.test(k));
  // (（%） on a money label, or a money unit on a rate's, is no such label)
  if (!rule || (unit && (unit === '%') !== rule.rate)) return null;
  return { path: rule.path, year: y ? Number(y[1]) : null, unit: unit && !rule.rate ? moneyUnit(unit) : null, rate: rule.rate };
}

/** Every label-over-figure pair of the rows, the fiscal year's only (a label naming another year is passed over). */
export function stackedMoney(rows: TableCell[][], year: number | null): StackedMoney[] {
  const out: StackedMoney[] = [];
  for (let i = 0; i + 1 < rows.length; i++) {
    const head = rows[i];
    const below = rows[i + 1];
    if (head.length !== below.length) continue;
    const at = head.flatMap((c, j) => (filled(c) ? [j] : []));
    const labels = at.map((j) => labelOf(head[j]));
    // (the parts of a total right after its label, 全年执行数⇥其中：基本支出⇥项目支出: see stackedParts)
    const parts = stackedParts(at.map((j) => head[j]), labels);
    if (at.length < 2 || !parts) continue;
    // (the row under it: figures under labels only, and at least one)
    const values = below.flatMap((c, j) => (filled(c) ? [j] : []));
    // (a percentage only under a rate's label, and a rate's figure no money)
    const fits = (j: number) => {
      const n = at.indexOf(j);
      const l = labels[n] ?? (parts.has(n) ? { rate: false } : null);
      return !!l && FIGURE.test(key(below[j])) && (l.rate || !/%$/.test(key(below[j]))) && (!l.rate || !/元$/.test(key(below[j])));
    };
    if (!values.length || !values.every(fits)) continue;
    if (![...new Set(parts.values())].every((t) => partsAddUp(below[at[t]], [...parts].filter(([, o]) => o === t).map(([n]) => ({ cell: below[at[n]], opens: PART.exec(splitUnit(head[at[n]]).words)![1] !== undefined }))))) continue;
    at.forEach((j, n) => {
      const own = parts.get(n);
      const l = labels[own ?? n]!;
      if (!filled(below[j]) || (l.year !== null && l.year !== year)) return;
      const kind = own === undefined ? null : PART.exec(splitUnit(head[j]).words)![2] === '基本' ? 'basic' : 'project';
      out.push({ path: kind ? `/finance/${kind}/${PART_OF[l.path]}` : l.path, label: head[j], cell: below[j], unit: l.unit, rate: l.rate });
    });
    i++;
  }
  return out;
}

const PART = /^(其中[:：]?)?(?:[1-9一二三四五六七八九][、.．]|[(（][1-9一二三四五六七八九][)）])?(基本|项目)支出(?:数|金额)?[:：]?$/;
const PART_OF: Record<string, string> = { '/finance/spendingTotal/budget': 'budget', '/finance/spendingTotal/actual': 'actual' };
export const amount = (c: TableCell) => Number(key(c).replace(/,/g, '').replace(/(万元|元)$/, ''));
export const halfUnit = (c: TableCell) => 0.5 * 10 ** -((key(c).match(/\.(\d+)/)?.[1].length) ?? 0);

/**
 * The part labels of a label row (`全年执行数⇥其中：基本支出⇥项目支出`): each cell that is no field's label must be a part, 基本支出 or
 * 项目支出, in a run of at most two of different kinds right after the label of a budget or actual total, stating no other unit;
 * returns each part's index with its total's, or null when a cell is neither (the row is then no label row).
 */
function stackedParts(cells: TableCell[], labels: (ReturnType<typeof labelOf>)[]): Map<number, number> | null {
  const out = new Map<number, number>();
  for (let n = 0; n < cells.length; n++) {
    if (labels[n]) continue;
    const { words, unit } = splitUnit(cells[n]);
    const m = PART.exec(words);
    let t = n - 1;
    while (t >= 0 && out.has(t)) t--;
    const total = t >= 0 ? labels[t] : null;
    if (!m || !total || !PART_OF[total.path] || n - t > 2 || (unit !== null && moneyUnit(unit) !== total.unit)) return null;
    if (n - t === 2 && PART.exec(splitUnit(cells[n - 1]).words)![2] === m[2]) return null;
    out.set(n, t);
  }
  return out;
}

/** The parts under a total add up to it (two, within the rounding of the three as written), or one alone opened by 其中 is less. */
function partsAddUp(total: TableCell, parts: { cell: TableCell; opens: boolean }[]): boolean {
  if (!filled(total) || parts.some((p) => !filled(p.cell))) return false;
  const sum = parts.reduce((s, p) => s + amount(p.cell), 0);
  const slack = [total, ...parts.map((p) => p.cell)].reduce((s, c) => s + halfUnit(c), 0);
  return parts.length === 2 ? Math.abs(sum - amount(total)) <= slack : parts[0].opens && sum < amount(total);
}

let dataHeader: { label: RegExp; value: RegExp } | null = null;
/** The rows open with a label rows' header of two words only (`指标⇥数据`, `项目⇥数值`; tables.yaml basic_data_header). */
export function dataHeaderRows(rows: TableCell[][]): boolean {
  if (!dataHeader) {
    const raw = (tableVocab().raw as unknown as { basic_data_header?: { label: string; value: string } }).basic_data_header;
    dataHeader = { label: new RegExp(raw?.label ?? '(?!)'), value: new RegExp(raw?.value ?? '(?!)') };
  }
  const first = rows.find((r) => r.some(filled))?.filter(filled) ?? [];
  return first.length === 2 && dataHeader.label.test(key(first[0])) && dataHeader.value.test(key(first[1]));
}

/**
 * A 基础数据表 set out as label rows (`指标⇥数据` over `年初预算数⇥2,720,000.00`, `实际支出数⇥2,864,512.36`): each label of
 * basic_data_stacked with its figure right beside it, the label's field. A row is read only when its filled cells are such
 * labels each followed by one figure. The parts of a total right under its row (`其中：基本支出⇥X`, then `项目支出⇥Y` on the
 * next) are that total's role's (budget or actual), when they add up to it (within the rounding of the three as written) or,
 * one alone, are less than it: a bare 基本支出 elsewhere names no role and is not read.
 */
export function labelRowMoney(rows: TableCell[][], year: number | null, rules = stackedRules()): StackedMoney[] {
  const out: StackedMoney[] = [];
  rows = withoutNotes(rows);
  let total: StackedMoney | null = null; // a total of the department's budget or actual read alone on the row just above
  for (let i = 0; i < rows.length; i++) {
    const cells = rows[i].filter(filled);
    const pairs = cells.length >= 2 && cells.length % 2 === 0 ? cells.flatMap((c, n) => (n % 2 ? [] : [{ label: c, cell: cells[n + 1] }])) : [];
    const labels = pairs.map((p) => (FIGURE.test(key(p.cell)) ? labelOf(p.label, rules) : null));
    const above = total;
    total = null;
    if (pairs.length && labels.every((l) => l !== null)) {
      for (let n = 0; n < pairs.length; n++) {
        const l = labels[n]!;
        const rate = /%$/.test(key(pairs[n].cell));
        if ((l.year !== null && l.year !== year) || rate !== l.rate) continue;
        const m: StackedMoney = { path: l.path, label: pairs[n].label, cell: pairs[n].cell, unit: l.unit, rate: l.rate };
        out.push(m);
        if (pairs.length === 1 && PART_OF[l.path]) total = m;
      }
      continue;
    }
    // 其中：基本支出⇥X (⏎ 项目支出⇥Y) right under a total's row
    const first = above ? partRow(rows[i]) : null;
    if (!above || !first?.opens) continue;
    const second = partRow(rows[i + 1]);
    const parts = second && !second.opens && second.kind !== first.kind ? [first, second] : [first];
    // (a part stating another unit than its total's is not its part)
    if (parts.some((p) => p.unit !== null && p.unit !== above.unit)) continue;
    const sum = parts.reduce((s, p) => s + amount(p.cell), 0);
    const slack = [above.cell, ...parts.map((p) => p.cell)].reduce((s, c) => s + halfUnit(c), 0);
    if (parts.length === 2 ? Math.abs(sum - amount(above.cell)) > slack : sum >= amount(above.cell)) continue;
    for (const p of parts) out.push({ path: `/finance/${p.kind}/${PART_OF[above.path]}`, label: p.label, cell: p.cell, unit: above.unit, rate: false });
    i += parts.length - 1;
  }
  return out;
}

/** A notes column's header after the label and figure columns (`指标⇥数据⇥备注`). */
const NOTE_HEADER = /^(?:备注|说明|备注说明|附注)$/;

/**
 * The rows with a notes column's cells left out: a header row of words only whose third or later cell is 备注 (`指标⇥数据⇥备注`)
 * heads a column of remarks (`实际支出数⇥2,864,512.36⇥含上年结转`), no label and no figure of the rows under it. Without such a
 * header a third filled cell leaves its row unread.
 */
function withoutNotes(rows: TableCell[][]): TableCell[][] {
  const h = rows.findIndex((r) => r.filter(filled).length >= 3 && r.filter(filled).every((c) => !FIGURE.test(key(c))) && r.findIndex((c) => NOTE_HEADER.test(key(c))) >= 2);
  if (h < 0) return rows;
  const col = rows[h].findIndex((c) => NOTE_HEADER.test(key(c)));
  return rows.map((r, i) => (i > h && r.length > col ? r.filter((_, j) => j !== col) : r));
}

/** A row that is one part of the whole and its figure (`其中：基本支出⇥X`, `项目支出⇥Y`), or null. */
function partRow(r: TableCell[] | undefined): { kind: string; opens: boolean; label: TableCell; cell: TableCell; unit: string | null } | null {
  const c = (r ?? []).filter(filled);
  if (c.length !== 2 || !FIGURE.test(key(c[1])) || /%$/.test(key(c[1]))) return null;
  // (a label may state its unit, 其中：基本支出（元）, as the total's does)
  const { words, unit } = splitUnit(c[0]);
  const m = words.match(PART);
  if (!m || unit === '%') return null;
  return { kind: m[2] === '基本' ? 'basic' : 'project', opens: !!m[1], label: c[0], cell: c[1], unit: unit && moneyUnit(unit) };
}
