// Budgets changed mid-year: the initial and adjusted budgets, and the changes stated between them.
import type { Fact, KDocument, Span } from '../../document.js';
import { toYuan } from '../../normalise/numbers.js';
import { compile } from '../../patterns.js';
import { trimSpan } from '../engine.js';
import { paragraphStart, sentenceAt } from '../prose.js';
import { BUDGET, INITIAL_BUDGET, PROJECT_BUDGET } from './file.js';
import type { FinanceFile } from './file.js';
import { adjustedNearerBudget, bareListHead, itemsListHead, partsListHead } from './subjects.js';

let changeAhead: string | null = null;
let carryAhead: string | null = null;
let fundsAhead: string | null = null;
/** A 年初 figure of a subject with no initial-budget field (a narrower subject, a project report's project) is its budget only
 *  when neither an adjusted budget nor a bare mid-year change follows it (年初预算50万元，年中追加10万元: the year's budget is unsaid),
 *  nor funds available of another value than `value` (年初预算20万元，可用资金25万元: funds_follow). */
export function initialStands(doc: KDocument, f: FinanceFile, end: number, value: number | null): boolean {
  changeAhead ??= `^(?:${f.change_follows})`;
  carryAhead ??= `^(?:${f.carry_in_follows})`;
  fundsAhead ??= `^(?:${f.funds_follow})`;
  const ahead = doc.norm.slice(end, end + 40);
  // (年初预算20万元，上年结转2万元，…: the carried money added, the 年初 figure is not the year's either; carry_in_follows)
  if (adjustedFollows(doc, f, end) || compile(changeAhead, '').test(ahead) || compile(carryAhead, '').test(ahead)) return false;
  return !compile(fundsAhead, '').test(doc.norm.slice(end, end + 60)) || sameFundsFollow(doc, f, end, value);
}
/** True when funds available of the value `value` follow the 年初 figure ending at `end` (年初预算20万元，可用资金20万元), no
 *  carry-in glossed in them: the funds restate the year's money, the 年初 figure stays the budget. */
export function sameFundsFollow(doc: KDocument, f: FinanceFile, end: number, value: number | null): boolean {
  carryAhead ??= `^(?:${f.carry_in_follows})`;
  fundsAhead ??= `^(?:${f.funds_follow})`;
  const funds = compile(fundsAhead, '').exec(doc.norm.slice(end, end + 60));
  const figure = funds && compile(f.funds_figure, '').exec(funds[0]);
  return !!figure && value !== null && toYuan(figure.groups!.num, figure.groups!.unit) === value && !compile(carryAhead, '').test(doc.norm.slice(end, end + 40));
}
/** True when the adjusted budget follows the figure ending at `end` in its sentence (see `adjusted`); its source is built once. */
let adjustedAhead: string | null = null;
function adjustedFollows(doc: KDocument, f: FinanceFile, end: number): boolean {
  adjustedAhead ??= `^(?:${f.adjusted})`;
  return compile(adjustedAhead, '').test(doc.norm.slice(end, end + 200));
}
/** 年初预算数为132.56万元，其中：基本支出98.20万元，项目支出34.36万元。年中追加预算12万元，调整后全年预算144.56万元: the parts
 *  of a budget that turned out the unit's initial one, when the unit's budget differs from it, are the parts before the change
 *  (which part the change went to is unsaid): no budgets, dropped. With no other budget of the unit they stay. */
export function initialParts(doc: KDocument, parts: Fact[]): void {
  for (const x of parts) {
    const from = paragraphStart(doc, x.span.start);
    let head: Fact | null = null;
    for (const y of doc.facts) if ((y.path === BUDGET || y.path === INITIAL_BUDGET) && y.span.start >= from && y.span.end <= x.span.start && (!head || y.span.start > head.span.start)) head = y;
    if (head?.path !== INITIAL_BUDGET) continue;
    if (doc.facts.some((y) => y.path === BUDGET && y.value !== head!.value) && doc.facts.includes(x)) doc.facts.splice(doc.facts.indexOf(x), 1);
  }
}
/** 部门预算资金合计856.32万元…。全年追加预算46.50万元，调整后全年预算数为902.82万元: a budget stated after a mid-year change
 *  (adjusted_budget) makes the different budget of the same owner stated before it, in its sentence or the one before,
 *  the initial one: the unit's initialBudget; a project report's project has no such field, so its earlier figure is
 *  dropped (安排专项资金30万元，年中追加5万元，调整后预算35万元: the budget is 35). */
export function adjustedBudgets(doc: KDocument, f: FinanceFile, shareBases: Set<Fact>): void {
  // (2022年部门预算215.60万元。全年支出212.05万元，占全年预算218.10万元的97.23%: a base not named adjusted — 全年, 年初 — yields to
  // a different figure of the same field stated as such: the budget stated stands, the base is only what it was measured against)
  for (const b of shareBases) {
    if (/调整|变更/.test(doc.norm.slice(b.span.start, b.span.start + 8))) continue;
    if (doc.facts.includes(b) && doc.facts.some((x) => x !== b && x.path === b.path && x.value !== b.value && !shareBases.has(x))) doc.facts.splice(doc.facts.indexOf(b), 1);
  }
  // (a narrower subject has no initial-budget field: its earlier budget is dropped, as the project's)
  for (const [path, initial] of [[BUDGET, INITIAL_BUDGET], [PROJECT_BUDGET, null], ['/finance/basic/budget', null], ['/finance/basic/personnelBudget', null], ['/finance/basic/publicUseBudget', null], ['/finance/threePublic/budget', null], ['/finance/governmentFund/budget', null]] as const) {
    const budgets = doc.facts.filter((x) => x.path === path);
    for (const b of budgets) {
      // (the words may stand right before the evidence: 调整后全年预算数为X is read from 预算数)
      if (!compile(f.adjusted_budget, '').test(doc.norm.slice(Math.max(0, b.span.start - 6), b.span.end))) continue;
      const s = sentenceAt(doc, b.span.start).start;
      const line = paragraphStart(doc, s);
      // (占调整后预算218.10万元的97.23%, checked against the unit's actual: any earlier unit budget not itself named adjusted is
      // the one before the change, however far before — 调整后 says the change happened)
      // (占全年预算X的Y%: a base named 全年 says no change; only 调整后 makes the earlier budgets the initial one)
      const share = shareBases.has(b) && /调整|变更/.test(doc.norm.slice(b.span.start, b.span.start + 8));
      const from = share ? 0 : Math.max(line, doc.norm.lastIndexOf('。', doc.norm.lastIndexOf('。', s - 2) - 1) + 1);
      for (const a of budgets) {
        if (a === b || a.path !== path || a.span.start < from || a.span.start >= b.span.start || a.value === b.value) continue;
        if (share) {
          if (compile(f.adjusted_budget, '').test(doc.norm.slice(Math.max(0, a.span.start - 6), a.span.end))) continue;
          a.path = INITIAL_BUDGET;
          continue;
        }
        // (部门预算X，调整后预算Y | 部门预算X，全年预算调整为Y: the adjusted budget opening the very next clause names the change itself)
        const between = doc.norm.slice(a.span.end, b.span.start);
        // (部门预算X，其中基本支出Y，项目支出Z，调整后预算W | …。调整后预算W: the adjusted one opening the clause right after the
        // first's parts listed after 其中 — session 44)
        // (项目支出预算50万元，其中科普日活动经费20万元，调整后预算55万元: after items listed too, when the adjusted figure is nearer
        // the budget than any item's — a change is small beside what it changes; session 45)
        // (部门预算X，基本支出Y，项目支出Z，调整后预算W: its bare parts with no 其中 the same, for the unit's budget — fin53)
        const parts = partsListHead(between) || itemsNearer(between, a.value as number, b.value as number) || (path === BUDGET ? bareListHead(between) : 0);
        if (!compile(f.mid_year_change, '').test(between) && !compile(f.mid_year_cut, '').test(between) && !NEXT_ADJUSTED.test(between) && !(parts && NEXT_ADJUSTED.test('，' + between.slice(parts)))) continue;
        // (基本支出预算150万元，其中人员经费120万元，公用经费30万元，调整后预算155万元: the parts are the earlier budget's, which part
        // the change went to is unsaid — no budgets, as initialParts drops the unit's)
        if (parts) for (const x of doc.facts.filter((y) => y.span.start >= a.span.end && y.span.end <= a.span.end + parts && /[bB]udget$/.test(y.path))) doc.facts.splice(doc.facts.indexOf(x), 1);
        if (initial) a.path = initial;
        else if (doc.facts.includes(a)) doc.facts.splice(doc.facts.indexOf(a), 1);
      }
      // (安排…专项经费80,000.00元 ⏎ … 项目年初预算80,000.00元，年中调增12,000.00元，调整后预算92,000.00元: the earlier figure is the
      // one restated before the change in the window — the same budget before the change, far above it)
      if (share) continue;
      const restated = restatedInitials(doc, f, from, b.span.start);
      const changes = statedChanges(doc, f, sentenceAt(doc, b.span.start));
      for (const a of budgets) {
        if (a === b || a.span.start >= b.span.start || a.value === b.value || a.source === 'table') continue;
        const before = (a.span.start < from && restated.includes(a.value as number)) || changes.some((c) => Math.round(((a.value as number) + c) * 100) === Math.round((b.value as number) * 100));
        if (!before) continue;
        if (initial) a.path = initial;
        else if (doc.facts.includes(a)) doc.facts.splice(doc.facts.indexOf(a), 1);
      }
      if (initial && changes.length > 0 && !doc.facts.some((x) => x.path === initial)) incomeBeforeChange(doc, f, from, b, changes);
    }
  }
}
/** The length of the items' list after 其中 opening `between` (see itemsListHead) when the adjusted budget `adjusted` is nearer the
 *  budget `budget` before the list than every item's figure in it (adjustedNearerBudget), else 0. */
function itemsNearer(between: string, budget: number, adjusted: number): number {
  const n = itemsListHead(between);
  return n && adjustedNearerBudget(between.slice(0, n), budget, adjusted) ? n : 0;
}
/** 2020年部门预算收入158.36万元，…；年中压减公用经费4.5万元，调整后预算153.86万元: the budget's planned income in [from, adjusted)
 *  that with a stated change makes the adjusted budget to the fen was the budget before the change — the unit's initialBudget. */
export function incomeBeforeChange(doc: KDocument, f: FinanceFile, from: number, adjusted: Fact, changes: number[]): void {
  const text = doc.norm.slice(from, adjusted.span.start);
  for (const m of text.matchAll(compile(f.budget_income_before, 'g'))) {
    const g = m.groups ?? {};
    const value = toYuan(g.num ?? '', g.unit ?? '');
    if (value === null || !changes.some((c) => Math.round((value + c) * 100) === Math.round((adjusted.value as number) * 100))) continue;
    doc.facts.push({ path: INITIAL_BUDGET, value, span: trimSpan(doc, { start: from + (m.index ?? 0), end: from + (m.index ?? 0) + m[0].length }), rule: 'finance.total.income-before-change', raw: `${(g.num ?? '').replace(/\s/g, '')}${g.unit}` });
    return;
  }
}
// (部门预算X，调整后预算Y | 部门预算X，全年预算调整为Y: the adjusted budget opening the very next clause names the change itself)
// (部门预算X，经调整后预算为Y: 经/最终 before it — session 43)
const NEXT_ADJUSTED = /^[ \t]*[，,][ \t]*(?:年中|年内)?(?:经过?|最终)?(?:调整后|调整|变更后|全年)?(?:的)?(?:全年)?$/;
/** The mid-year changes stated with their figures in a sentence (`stated_change`), signed: a cut is negative. */
export function statedChanges(doc: KDocument, f: FinanceFile, s: Span): number[] {
  const out: number[] = [];
  for (const m of doc.norm.slice(s.start, s.end).matchAll(compile(f.stated_change, 'g'))) {
    const g = m.groups ?? {};
    const value = toYuan(g.num ?? '', g.unit ?? '');
    if (value !== null) out.push(/减|压|削/.test(g.verb ?? '') ? -value : value);
  }
  return out;
}
/** The figures stated as the budget before a change in [from, to) (`restated_initial`, a mid-year change after them before `to`,
 *  or the adjusted budget at `to` opening the next clause). */
function restatedInitials(doc: KDocument, f: FinanceFile, from: number, to: number): number[] {
  const out: number[] = [];
  const text = doc.norm.slice(from, to);
  for (const m of text.matchAll(compile(f.restated_initial, 'g'))) {
    const g = m.groups ?? {};
    const after = text.slice((m.index ?? 0) + m[0].length);
    if (!compile(f.mid_year_change, '').test(after) && !compile(f.mid_year_cut, '').test(after) && !NEXT_ADJUSTED.test(after)) continue;
    const value = toYuan(g.num ?? '', g.unit ?? '');
    if (value !== null) out.push(value);
  }
  return out;
}
/** 部门预算210万元，年中追加8万元，实际支出X | 公用经费预算30万元，年中压减3万元: a budget figure followed right after by a mid-year
 *  change and no adjusted budget is the budget before the change — the year's is unsaid. The unit's becomes its initialBudget;
 *  a narrower subject's or a project's (no initial field) is dropped, as their 年初 figure is (initialStands). */
let changeFollows: RegExp | null = null;
/** The text a change is looked for in after a budget figure (or its list) ending at `end`: the 40 characters after it; for the
 *  unit's budget whose sentence ends there, the next sentence of its paragraph read as its next clause (部门预算200万元。年中追加
 *  预算10万元，…: the change opening the next sentence is the budget's own as one after a comma is). */
function changeText(doc: KDocument, x: Fact, end: number): string {
  const text = doc.norm.slice(end, end + 40);
  return x.path === BUDGET && /^[ \t]*。/.test(text) ? text.replace(/^[ \t]*。/, '，') : text;
}
export function changedBudgets(doc: KDocument, f: FinanceFile): void {
  const change = (changeFollows ??= compile(`^(?:${f.change_follows}|${f.cut_follows})`, ''));
  const paths = new Set([BUDGET, PROJECT_BUDGET, ...Object.entries(f.subjects).filter(([k]) => k !== 'total').map(([, s]) => s.paths.budget)]);
  for (const x of [...doc.facts]) {
    if (!paths.has(x.path) || x.source === 'table' || !doc.facts.includes(x)) continue;
    // (部门预算200万元，其中基本支出150万元，项目支出50万元，年中追加10万元: the change after the unit budget's parts listed after its
    // 其中 is the whole's — the budget before it the initial one, its parts the initial one's, no budgets; session 44)
    // (部门预算200万元，其中：科普活动经费20万元，学会工作经费10万元；年中追加科普日活动经费10万元: after its items too — whatever
    // the change went to, the unit's budget changed; session 45)
    const parts = x.path === BUDGET ? itemsListHead(doc.norm.slice(x.span.end, x.span.end + 200)) : 0;
    const end = parts ? x.span.end + parts - 1 : x.span.end;
    if (!change.test(changeText(doc, x, end)) || adjustedFollows(doc, f, end)) continue;
    if (parts) for (const y of doc.facts.filter((z) => z.span.start >= x.span.end && z.span.end <= end && /[bB]udget$/.test(z.path))) doc.facts.splice(doc.facts.indexOf(y), 1);
    // (年初预算200万元，全年预算210万元，年中追加科普经费10万元: a budget named adjusted is the budget after the change it explains)
    if (compile(f.adjusted_budget, '').test(doc.norm.slice(Math.max(0, x.span.start - 6), x.span.end))) continue;
    if (x.path === BUDGET) x.path = INITIAL_BUDGET;
    else doc.facts.splice(doc.facts.indexOf(x), 1);
  }
}
