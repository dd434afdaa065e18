// A rate naming the 年初 budget as its base tells which budget a bare 预算数 before it was (fin55).
import type { Fact, KDocument } from '../../document.js';
import { halfUlp, moneySlack, toRate } from '../../normalise/numbers.js';
import { compile } from '../../patterns.js';
import { sentenceAt } from '../prose.js';
import { BUDGET, INITIAL_BUDGET } from './file.js';
import type { FinanceFile } from './file.js';

const ACTUAL = '/finance/spendingTotal/actual';
const RATE = '/finance/spendingTotal/executionRate';

/** True when `pct` is `actual` over `budget` within the rounding of the three. */
export function shareAgrees(actual: Pick<Fact, 'value' | 'raw'>, budget: Pick<Fact, 'value' | 'raw'>, pct: string): boolean {
  const a = actual.value as number, b = budget.value as number;
  const rate = toRate(pct);
  if (rate === null || !b) return false;
  const slack = (moneySlack(actual.raw) / b + (a * moneySlack(budget.raw)) / (b * b)) * 100;
  const tol = /[.．]\d/.test(pct) ? halfUlp(pct) + slack : 0.05;
  return Math.abs((a / b) * 100 - rate) <= tol + 1e-9;
}

/** 预算数为200万元，决算数为196.4万元，完成年初预算的98.2%: the unit's budget named by no year's word (initial_base.budget_named
 *  says which are) whose actual over it is a rate naming the 年初 budget (initial_base.rate) in its sentence is that 年初 budget: its
 *  initialBudget, the year's unsaid. Only with one budget, one actual and no initialBudget of the unit's in the sentence. */
export function initialBases(doc: KDocument, f: FinanceFile): void {
  for (const rate of doc.facts.filter((x) => x.path === RATE && x.raw !== undefined)) {
    if (!compile(f.initial_base.rate, '').test(doc.norm.slice(rate.span.start, rate.span.end))) continue;
    const s = sentenceAt(doc, rate.span.start);
    const before = (path: string) => doc.facts.filter((x) => x.path === path && x.source !== 'table' && x.span.start >= s.start && x.span.end <= rate.span.start);
    const budget = before(BUDGET), actual = before(ACTUAL);
    if (budget.length !== 1 || actual.length !== 1 || before(INITIAL_BUDGET).length) continue;
    if (compile(f.initial_base.budget_named, '').test(doc.norm.slice(budget[0].span.start, budget[0].span.end))) continue;
    if (shareAgrees(actual[0], budget[0], rate.raw!)) budget[0].path = INITIAL_BUDGET;
  }
}
