// Money figures no unit of the genre can have are unit mistakes, dropped with a warning before the facts are resolved,
// so a sound statement of the same field still fills it.
import type { Fact, KDocument, Span, Table, TableFigure } from '../document.js';
import type { Project } from '../schema/record.js';
import { compile, loadPatternFile } from '../patterns.js';
import { foldDigits, toYuan } from '../normalise/numbers.js';
import type { UnitStretch } from '../extract/unitStretch.js';

// A money figure of 100亿元 or more is no 科协's, 科技馆's or 学会's (a province's 科协 spends a few 亿 a year): yuan cells
// under a `单位：万元` line (`2,815,310.00` read as 281亿), 元 read as 万元.
export const MONEY_CAP_YUAN = 1e10;
// A unit's whole budget, spending or income under 1万元 is none either (a county's 科协 pays its staff from it: tens or
// hundreds of 万元): a 万元 table under a `单位：元` line (`年度资金总额⇥286.5⇥301.2⇥295.8` read as 301.2 yuan), 万元 typed as 元.
// Only the whole's fields: a part (三公经费 300元, a project's 5000元) may be that small. Zero is stated, no unit mistake.
export const UNIT_TOTAL_FLOOR_YUAN = 1e4;
// No money of the genre a table states, part or whole, is below 100元 when every figure of its table is: a 三公 table's
// `合计⇥3.00⇥2.15` under `单位：元` is 万元 (a reception costs hundreds, a budget line is set in thousands). One figure alone
// may be that small (公务接待费 80元 beside a 合计 of 5,680.00): only a table none of whose figures reaches it is judged.
export const PART_FLOOR_YUAN = 100;
// The 基本支出 and its 人员经费 are never under a thousandth of the unit's whole spending (they pay its staff).
export const PART_SHARE_FLOOR = 1000;
// A unit's 人员经费 (its staff's pay, a year of it) is never under 1万元 when it has any: one person's lowest wage for a year is
// more (about 1,500元 a month). A 基本支出决算表's `人员经费合计⇥222.16` under `单位：元` is 万元, whether or not the text states
// the unit's whole elsewhere (the share floor below needs it). Zero is stated, no unit mistake.
export const PERSONNEL_FLOOR_YUAN = 1e4;
const PERSONNEL = /^\/finance\/basic\/personnel(?:Budget)?$/;
const BASIC_BULK = /^\/finance\/basic\/(?:actual|budget|personnel)$/;
// No part of a unit's money (a project's, its 基本支出, 三公) is ten times its whole or more: a table stating one so beside the
// unit's whole stated outside it (`科普日活动⇥5000.00` under `单位：万元` beside the prose's `本年支出合计286.50万元`) has yuan cells
// under a 万元 unit. A project's money over several years or from other sources stays well under ten times a year's whole.
export const PART_OVER_WHOLE = 10;
const PART = /^\/finance\/(?:project|basic|threePublic)\//;
const UNIT_TOTAL = /^\/finance\/(?:spendingTotal\/(?:budget|actual|initialBudget)|incomeTotal|incomeGrandTotal|spendingGrandTotal)$/;

// A figure of 1亿元 or more read under a 万元 unit from a cell written as yuan amounts are (thousands separators and two
// decimals, `250,000.00`: a form's `项目资金（万元）` filled in 元) is yuan — no county's or city's project, part or whole
// reaches it — in a report that is not a province's or the nation's (whose whole does; tables.yaml wide_unit).
export const YUAN_STYLED_CAP_YUAN = 1e8;
// …and a 三公经费 figure of 1000万元 or more so written (`合计⇥6,000.00⇥4,400.00` under 单位：万元: a county's 4,400元 read as 4400万):
// a city's or county's 科协 spends tens of thousands on 三公 in a year, a province's a few hundred thousand.
export const YUAN_STYLED_THREE_PUBLIC_CAP_YUAN = 1e7;
const THREE_PUBLIC = /^\/finance\/threePublic\//;
// A table figure of 10亿元 or more, however its cell is written (`250000.00` under 万元: a form filled in 元 without separators),
// in a report that is not a province's or the nation's: no city's 科协 or 科技馆 spends that in a year (the largest cities' a few
// 亿), part or whole. A county's or district's (its region names one) never reaches 1亿元: its whole is tens or hundreds of 万元.
export const NARROW_UNIT_CAP_YUAN = 1e9;
export const COUNTY_UNIT_CAP_YUAN = 1e8;
// A table figure that is the prose's figure of the same field times 10,000 (or a 10,000th of it), within 2 %: the table's unit
// line is wrong (yuan cells under 万元, or the reverse), whatever its size.
export const UNIT_SLIP = 1e4;
const SLIP_WITHIN = 0.02;
const YUAN_STYLED = /^\d{1,3}(?:,\d{3})+\.\d{2}[?？\uFFFD]?$/;

const isMoney = (f: Fact) => f.path.startsWith('/finance/') && !/Rate$/.test(f.path) && typeof f.value === 'number';
const inside = (s: Span, t: Span) => s.start >= t.start && s.end <= t.end;
const tooSmall = (path: string, v: number) => UNIT_TOTAL.test(path) && v > 0 && v < UNIT_TOTAL_FLOOR_YUAN;

export function dropImplausibleMoney(doc: KDocument): void {
  const drop = new Set<Fact>();
  const warn = (place: Span, reason: string, paths: string[]) => doc.messages.push({ ruleId: 'implausible_value', reason, paths, place });
  const quote = (s: Span) => `"${doc.text.slice(s.start, s.end)}"`;
  for (const f of doc.facts) {
    if (!isMoney(f) || f.source === 'table') continue;
    const v = Math.abs(f.value as number);
    if (v >= MONEY_CAP_YUAN) {
      drop.add(f);
      warn(f.span, `${f.path} of ${(v / 1e8).toFixed(2)}亿元 (${quote(f.span)}) is beyond any unit of the genre: ignored`, [f.path]);
    } else if (tooSmall(f.path, v)) {
      drop.add(f);
      warn(f.span, `${f.path} of ${v}元 (${quote(f.span)}) is below any unit's whole budget (万元 written 元?): ignored`, [f.path]);
    }
  }
  dropImplausibleStretches(doc, drop, warn, quote);
  // a table's figures, used or not (the prose may have won): a unit line wrong for one of them is wrong for all, so the
  // table's money goes and its mismatches with the prose are none
  const figures = ((doc.data.tableFigures ?? []) as TableFigure[]).filter((g) => g.path.startsWith('/finance/') && !/Rate$/.test(g.path));
  const judged = new Set<Span>();
  const tableOf = (g: TableFigure): Span => doc.tables.find((t) => inside(g.span, t)) ?? g.span;
  const judge = (table: Span, g: TableFigure, what: string) => {
    judged.add(table);
    const facts = doc.facts.filter((f) => isMoney(f) && f.source === 'table' && inside(f.span, table));
    for (const f of facts) drop.add(f);
    const mismatches = doc.messages.filter((m) => m.ruleId === 'table_prose_mismatch' && m.place && inside(m.place, table) && (m.paths ?? []).every((p) => p.startsWith('/finance/') && !/Rate$/.test(p)));
    for (const m of mismatches) doc.messages.splice(doc.messages.indexOf(m), 1);
    warn(g.span, `${g.path} of ${what}: the table's money is ignored`, [...new Set([g.path, ...facts.map((f) => f.path)])]);
  };
  const wide = wideUnit(doc);
  const cap = narrowCap(doc, wide);
  let prose: Map<string, number[]> | undefined;
  // a table one of whose figures beyond the cap the prose states for the same field with its own unit (`全年实际支出
  // 12,150.00万元` beside `12150.00` under 单位：万元) has its unit borne out: a district building its 科技馆 may pass the cap
  const confirmed = new Set<Span>();
  for (const g of figures) if (Math.abs(g.value) >= cap && Math.abs(g.value) < MONEY_CAP_YUAN && proseStates((prose ??= proseFigures(doc)), g)) confirmed.add(tableOf(g));
  for (const g of figures) {
    const v = Math.abs(g.value);
    const small = tooSmall(g.path, v);
    const fewPaid = PERSONNEL.test(g.path) && v > 0 && v < PERSONNEL_FLOOR_YUAN;
    const styled = !wide && v >= (THREE_PUBLIC.test(g.path) ? YUAN_STYLED_THREE_PUBLIC_CAP_YUAN : YUAN_STYLED_CAP_YUAN) && v < MONEY_CAP_YUAN && yuanStyledWan(doc, g);
    const over = !styled && v >= cap && v < MONEY_CAP_YUAN && !confirmed.has(tableOf(g));
    const slip = !small && !fewPaid && !styled && v < MONEY_CAP_YUAN ? unitSlip((prose ??= proseFigures(doc)), g) : null;
    if (!small && !fewPaid && !styled && !over && !slip && v < MONEY_CAP_YUAN) continue;
    const table = tableOf(g);
    if (judged.has(table)) continue;
    judge(table, g, small ? `${v}元 (${quote(g.span)}) is below any unit's whole budget (a 万元 table under a 元 unit line?)`
      : fewPaid ? `${v}元 (${quote(g.span)}) is below a year's pay of one person (a 万元 table under a 元 unit line?)`
      : styled ? `${(v / 1e8).toFixed(2)}亿元 (${quote(g.span)}) is a cell written in 元 read under a 万元 unit (no unit below a province's has that much${THREE_PUBLIC.test(g.path) ? ' 三公经费' : ''})`
      : slip ? `${v}元 (${quote(g.span)}) is ${slip} the prose's ${g.path} (the table's unit line is wrong)`
      : over ? `${(v / 1e8).toFixed(2)}亿元 (${quote(g.span)}) is beyond any ${cap === COUNTY_UNIT_CAP_YUAN ? "county's" : "city's or county's"} unit (yuan cells under a 万元 unit?)`
      : `${(v / 1e8).toFixed(2)}亿元 (${quote(g.span)}) is beyond any unit of the genre (yuan cells under a 万元 unit line?)`);
  }
  // a table of parts only (三公, a project's) whose every money figure is below 100元 (`合计⇥3.00⇥2.15` under `单位：元`)
  for (const table of new Set(figures.map(tableOf))) {
    if (judged.has(table)) continue;
    const own = figures.filter((g) => tableOf(g) === table);
    const nonzero = own.filter((g) => g.value !== 0);
    if (!nonzero.length || nonzero.some((g) => Math.abs(g.value) >= PART_FLOOR_YUAN) || largeCell(doc, table)) continue;
    judge(table, nonzero[0], `${nonzero[0].value}元 (${quote(nonzero[0].span)}), as every money figure of its table, is below any money of the genre (a 万元 table under a 元 unit line?)`);
  }
  // a table whose 基本支出 (or its 人员经费, the bulk of it) is under a thousandth of the unit's whole as stated elsewhere
  // (`人员经费合计⇥1,822.16` under `单位：元` beside the prose's `本年支出合计258.30万元`): its figures are 万元 under a 元 line, as a
  // unit pays its staff from that whole; figures of 100 or more escape the floor above, the ratio tells (a 10,000-fold error)
  for (const table of new Set(figures.map(tableOf))) {
    if (judged.has(table)) continue;
    const bulk = figures.filter((g) => tableOf(g) === table && BASIC_BULK.test(g.path) && g.value > 0);
    const wholes = doc.facts.filter((f) => isMoney(f) && !drop.has(f) && (UNIT_TOTAL.test(f.path) || BASIC_BULK.test(f.path)) && !inside(f.span, table)).map((f) => Math.abs(f.value as number));
    if (!bulk.length || !wholes.length) continue;
    const top = bulk.reduce((a, b) => (b.value > a.value ? b : a));
    const whole = Math.max(...wholes);
    if (top.value * PART_SHARE_FLOOR >= whole) continue;
    judge(table, top, `${top.value}元 (${quote(top.span)}) is under a thousandth of the unit's ${whole}元 stated elsewhere (a 万元 table under a 元 unit line?)`);
  }
  // a table whose part of the money is ten times the unit's whole stated elsewhere or more
  const whole = unitWhole(doc, drop);
  for (const table of whole ? new Set(figures.map(tableOf)) : []) {
    if (judged.has(table)) continue;
    const over = figures.find((g) => tableOf(g) === table && PART.test(g.path) && Math.abs(g.value) >= PART_OVER_WHOLE * whole!.value(table));
    if (over) judge(table, over, `${over.value}元 (${quote(over.span)}) is ten times the unit's ${whole!.value(table)}元 stated elsewhere or more (yuan cells under a 万元 unit?)`);
  }
  if (drop.size) doc.facts.splice(0, doc.facts.length, ...doc.facts.filter((f) => !drop.has(f)));
  if (whole) dropProjectsOverWhole(doc, warn, quote, whole);
  dropTinyProjectMoney(doc, warn, quote);
  if (!wide) dropYuanProjectMoney(doc, warn, quote, cap);
}

/** The unit's whole money (its spending, budget or income total) as stated outside a table, the largest such figure; null
 *  when none is stated. */
function unitWhole(doc: KDocument, drop: Set<Fact>): { value: (table: Span) => number } | null {
  const wholes = doc.facts.filter((f) => isMoney(f) && !drop.has(f) && UNIT_TOTAL.test(f.path) && (f.value as number) > 0);
  if (!wholes.length) return null;
  return { value: (table) => Math.max(0, ...wholes.filter((f) => !inside(f.span, table)).map((f) => f.value as number)) || Infinity };
}

/** The projects a table lists one of whose money is ten times the unit's whole stated outside the table or more: every project
 *  of the table keeps its name and loses its money (as dropYuanProjectMoney). */
function dropProjectsOverWhole(doc: KDocument, warn: (place: Span, reason: string, paths: string[]) => void, quote: (s: Span) => string, whole: { value: (table: Span) => number }): void {
  const list = doc.items.projects ?? [];
  for (const [t, at] of projectsByTable(doc)) {
    const w = whole.value(t);
    const money = at.flatMap((i) => PROJECT_MONEY.flatMap((f) => {
      const v = (list[i].item as Project)[f];
      const cell = list[i].fields?.[f]?.span;
      return typeof v === 'number' && v !== 0 && cell ? [{ i, f, v, cell }] : [];
    }));
    const over = money.find((m) => Math.abs(m.v) >= PART_OVER_WHOLE * w);
    if (!over) continue;
    for (const { i, f } of money) {
      (list[i].item as Project)[f] = null;
      delete list[i].fields![f];
    }
    warn(over.cell, `/projects/${over.i}/${over.f} of ${over.v}元 (${quote(over.cell)}) is ten times the unit's ${w}元 stated elsewhere or more (yuan cells under a 万元 unit?): the projects' money is ignored`, [...new Set(money.map((m) => `/projects/${m.i}/${m.f}`))]);
  }
}

/**
 * The bare figures a unit line governs (src/extract/unitStretch.ts) are judged together as a table's cells under its unit line
 * are: one beyond the cap of the report's level, a whole under 1万元 (dropped above), a 人员经费 under a year's pay, a figure written
 * as yuan amounts are (`518,000.00`) read under 万元 as 1亿元 or more, or every figure under 100元 — the unit line is wrong for
 * all of them (`单位：元` over 万元 figures: `基本支出 120.5` is no 120.5元), and their facts go.
 */
function dropImplausibleStretches(doc: KDocument, drop: Set<Fact>, warn: (place: Span, reason: string, paths: string[]) => void, quote: (s: Span) => string): void {
  const stretches = (doc.data.unitStretches ?? []) as UnitStretch[];
  if (!stretches.length) return;
  const cap = narrowCap(doc, wideUnit(doc));
  for (const figures of stretches) {
    const on = (f: Fact) => figures.find((g) => f.span.start <= g.start && f.span.end >= g.end);
    const facts = doc.facts.filter((f) => isMoney(f) && f.source !== 'table' && on(f));
    const v = (f: Fact) => Math.abs(f.value as number);
    const bad =
      facts.find((f) => drop.has(f) || v(f) >= cap || (PERSONNEL.test(f.path) && v(f) > 0 && v(f) < PERSONNEL_FLOOR_YUAN) || (v(f) >= YUAN_STYLED_CAP_YUAN && yuanStyledWan(doc, { value: v(f), span: on(f)! }))) ??
      (facts.some((f) => v(f) > 0) && facts.every((f) => v(f) < PART_FLOOR_YUAN) ? facts.find((f) => v(f) > 0) : undefined);
    if (!bad) continue;
    for (const f of facts) drop.add(f);
    warn(bad.span, `${bad.path} of ${v(bad)}元 (${quote(bad.span)}) under its unit line is no money of the genre (the line's unit is wrong): the figures it governs are ignored`, [...new Set(facts.map((f) => f.path))]);
  }
}

/** The table figure no unit of the report's level reaches (NARROW_UNIT_CAP_YUAN; a county's, COUNTY_UNIT_CAP_YUAN); for a
 *  province's or the nation's report, the genre's cap. */
function narrowCap(doc: KDocument, wide: boolean): number {
  if (wide) return MONEY_CAP_YUAN;
  if (doc.facts.some((f) => f.path === '/meta/region/county')) return COUNTY_UNIT_CAP_YUAN;
  // (a county's unit by its own name, its region not read: 某县科学技术协会, 县科协; tables.yaml county_unit)
  const county = compile(loadPatternFile<{ county_unit: string }>('tables.yaml').county_unit, '');
  return doc.facts.some((f) => f.path === '/meta/unitName' && typeof f.value === 'string' && county.test(f.value)) ? COUNTY_UNIT_CAP_YUAN : NARROW_UNIT_CAP_YUAN;
}

/** The projects a table lists under a 万元 unit with a money cell written in 元 (`科普日活动⇥120,000.00⇥118,000.00`, read as
 *  12亿): every project of the table keeps its name and loses its money, as the table's figures do (above). */
function dropYuanProjectMoney(doc: KDocument, warn: (place: Span, reason: string, paths: string[]) => void, quote: (s: Span) => string, cap: number): void {
  const list = doc.items.projects ?? [];
  const byTable = projectsByTable(doc);
  for (const at of byTable.values()) {
    const money = at.flatMap((i) => PROJECT_MONEY.flatMap((f) => {
      const v = (list[i].item as Project)[f];
      const cell = list[i].fields?.[f]?.span;
      return typeof v === 'number' && v !== 0 && cell ? [{ i, f, v, cell }] : [];
    }));
    // (or any figure past the cap of the report's level, however written: `300000.00` under 万元 — unless the prose states it for
    // the same project with its own unit, `县科技馆建设项目年初预算12150万元`: the table's unit borne out, as for the unit's own fields)
    const yuanStyled = (m: { v: number; cell: Span }) => yuanStyledWan(doc, { value: m.v, span: m.cell });
    const past = (m: { v: number }) => Math.abs(m.v) >= cap && Math.abs(m.v) < MONEY_CAP_YUAN;
    const confirmed = money.some((m) => past(m) && !yuanStyled(m) && proseStatesProject(doc, (list[m.i].item as Project).name, m.v));
    const styled = money.find((m) => Math.abs(m.v) >= YUAN_STYLED_CAP_YUAN && Math.abs(m.v) < MONEY_CAP_YUAN && (yuanStyled(m) || (past(m) && !confirmed)));
    if (!styled) continue;
    for (const { i, f } of money) {
      (list[i].item as Project)[f] = null;
      delete list[i].fields![f];
    }
    warn(styled.cell, `/projects/${styled.i}/${styled.f} of ${(Math.abs(styled.v) / 1e8).toFixed(2)}亿元 (${quote(styled.cell)}) is ${!yuanStyled(styled) ? 'beyond any unit below a province\'s (yuan cells under a 万元 unit?)' : 'a cell written in 元 read under a 万元 unit (no unit below a province\'s has that much)'}: the projects' money is ignored`, [...new Set(money.map((m) => `/projects/${m.i}/${m.f}`))]);
  }
}

/** The report is a province's or the nation's (tables.yaml wide_unit; a region of a province alone): its whole reaches 亿. */
function wideUnit(doc: KDocument): boolean {
  const region = (k: string) => doc.facts.some((f) => f.path === `/meta/region/${k}`);
  if (region('province') && !region('city') && !region('county')) return true;
  const wide = compile(loadPatternFile<{ wide_unit: string }>('tables.yaml').wide_unit, '');
  return doc.facts.some((f) => f.path === '/meta/unitName' && typeof f.value === 'string' && wide.test(f.value));
}

/** The figure's cell is written as yuan amounts are (`250,000.00`) and was read under a 万元 unit (its value the figure
 *  written times 10,000: no 元 of its own). */
function yuanStyledWan(doc: KDocument, g: { value: number; span: Span }): boolean {
  const k = foldDigits(doc.text.slice(g.span.start, g.span.end)).replace(/[\s\u3000\u00a0]+/g, '');
  if (!YUAN_STYLED.test(k)) return false;
  const written = Number(k.replace(/[^\d.]/g, ''));
  return written > 0 && Math.abs(Math.abs(g.value) - written * 1e4) < 1;
}

/** The prose's money figures (not a table's, not weak), by path: what unitSlip compares a table's figure with. */
function proseFigures(doc: KDocument): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const f of doc.facts) {
    if (f.source === 'table' || (f.priority ?? 1) > 1 || typeof f.value !== 'number' || f.value === 0) continue;
    out.set(f.path, [...(out.get(f.path) ?? []), f.value]);
  }
  return out;
}

/** 'ten thousand times' / 'a ten-thousandth of' when the prose states the figure's field (`prose`, see proseFigures) as the
 *  figure over (or times) 10,000 within 2 %, else null. */
function unitSlip(prose: Map<string, number[]>, g: TableFigure): string | null {
  for (const value of prose.get(g.path) ?? []) {
    const ratio = Math.abs(g.value / value);
    if (Math.abs(ratio / UNIT_SLIP - 1) <= SLIP_WITHIN) return 'ten thousand times';
    if (Math.abs(ratio * UNIT_SLIP - 1) <= SLIP_WITHIN) return 'a ten-thousandth of';
  }
  return null;
}

/** The prose states the figure's field (`prose`, see proseFigures) as the figure itself, within 0.5 % of it (the prose may
 *  round it). */
function proseStates(prose: Map<string, number[]>, g: TableFigure): boolean {
  return (prose.get(g.path) ?? []).some((value) => roundedAlike(value, g.value));
}
/** A stated figure within 0.5 % of a table's (the prose may round it). */
const roundedAlike = (stated: number, figure: number): boolean => Math.abs(stated - figure) <= Math.abs(figure) * 0.005;

const PROJECT_MONEY = ['budget', 'adjustment', 'actual', 'carryover'] as const;

// an amount with its own unit written (`12,150.00万元`, `1.215亿元`, `121,500,000.00元`)
const PROSE_AMOUNT = /(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)[ \u00a0]*(亿元|万元|元)/g;
/** how far after a project's name the prose's figure for it may stand (its sentence: `县科技馆建设项目年初预算12,150.00万元`) */
const PROJECT_FIGURE_REACH = 60;

/** The prose, outside every table, names the project (its whole name) and states the figure within its sentence after it, with
 *  its own unit, within 0.5 % (the prose may round it). */
function proseStatesProject(doc: KDocument, name: string, value: number): boolean {
  const key = name.replace(/\s+/g, '');
  if (key.length < 2) return false;
  for (let at = doc.norm.indexOf(key); at >= 0; at = doc.norm.indexOf(key, at + 1)) {
    if (doc.tables.some((t) => at >= t.start && at < t.end)) continue;
    const from = at + key.length;
    const rest = doc.norm.slice(from, from + PROJECT_FIGURE_REACH);
    const sentence = rest.slice(0, rest.search(/[。；;\n]|$/));
    for (const m of sentence.matchAll(PROSE_AMOUNT)) {
      const v = toYuan(m[1].replace(/,/g, ''), m[2]);
      if (v !== null && roundedAlike(v, Math.abs(value))) return true;
    }
  }
  return false;
}

/** The projects a table lists (their indexes in doc.items.projects), by table. */
function projectsByTable(doc: KDocument): Map<Table, number[]> {
  const byTable = new Map<Table, number[]>();
  (doc.items.projects ?? []).forEach((x, i) => {
    const t = doc.tables.find((tb) => inside(x.span, tb));
    if (t && x.fields && /^(?:projects\.)?table/.test(x.rule)) byTable.set(t, [...(byTable.get(t) ?? []), i]);
  });
  return byTable;
}

/** The same floor for the projects a table lists (项目名称⇥预算数⇥执行数 under `单位：元` over `科普日活动⇥12.00⇥11.80`): when no money
 *  figure of the table reaches 100元, the projects keep their names and lose their money. */
function dropTinyProjectMoney(doc: KDocument, warn: (place: Span, reason: string, paths: string[]) => void, quote: (s: Span) => string): void {
  const list = doc.items.projects ?? [];
  const byTable = projectsByTable(doc);
  for (const [t, at] of byTable) {
    const money = at.flatMap((i) => PROJECT_MONEY.flatMap((f) => {
      const v = (list[i].item as Project)[f];
      return typeof v === 'number' && v !== 0 ? [{ i, f, v }] : [];
    }));
    if (!money.length || money.some((m) => Math.abs(m.v) >= PART_FLOOR_YUAN) || largeCell(doc, t)) continue;
    const first = list[money[0].i].fields?.[money[0].f]?.span ?? t;
    for (const { i, f } of money) {
      (list[i].item as Project)[f] = null;
      delete list[i].fields![f];
    }
    warn(first, `/projects/${money[0].i}/${money[0].f} of ${money[0].v}元 (${quote(first)}), as every money figure of its table, is below any money of the genre (a 万元 table under a 元 unit line?): the projects' money is ignored`, [...new Set(money.map((m) => `/projects/${m.i}/${m.f}`))]);
  }
}

/** A figure written with decimals of 100 or more in the table's cells (`1,250.00`): money of its own scale, whatever was read. */
function largeCell(doc: KDocument, table: Span): boolean {
  const t = doc.tables.find((x) => x.start === table.start && x.end === table.end) ?? doc.tables.find((x) => inside(table, x));
  if (!t) return false;
  return t.rows.some((row) => row.some((c) => {
    const m = /^[\s\u3000]*(\d[\d,，]*)[.．]\d+/.exec(c.text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)));
    return !!m && Number(m[1].replace(/[,，]/g, '')) >= PART_FLOOR_YUAN;
  }));
}
