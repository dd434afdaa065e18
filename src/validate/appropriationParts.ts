// The appropriation's parts (财政拨款支出X，其中：基本支出Y，项目支出Z | 财政拨款基本支出X，其中：人员经费Y | the
// 一般公共预算财政拨款支出决算表's 基本支出 column …) are the part of the unit's spending paid from appropriations: other money
// (事业收入, 其他收入, 上年结转) may pay for the rest, so they are no figure of the unit's own by themselves. One rule, for the
// prose and the tables alike: such a part is the unit's only when the appropriation paid for all of what it is a part of —
// its spending total is the unit's 本年支出合计 as stated (in a 预算 disclosure the spending budget's 合计), or, for the parts of
// its 基本支出 (人员经费, 公用经费), its 基本支出 is the unit's — every figure stated for the two agreeing within the rounding of
// both as written. None stated, or a different one: the part is dropped. A part kept stays weak: the unit's own figure for
// the same field still comes first.
import type { Fact, Figure, KDocument } from '../document.js';
import { halfUlp, moneySlack } from '../normalise/numbers.js';

type Mode = 'actual' | 'budget';
const normPath = (p: string) => ('/' + p.replace(/^\//, '').replace(/\./g, '/')).replace(/\/+/g, '/');
const modeOf = (path: string): Mode => (/\/(?:budget|personnelBudget|publicUseBudget)$/.test(path) ? 'budget' : 'actual');
const FISCAL_SPENDING = '/finance/fiscalAppropriation/spending';

export function dropUnpaidParts(doc: KDocument): void {
  const parts = doc.facts.filter((f) => f.appropriation);
  if (!parts.length) return;
  const money = (f: Fact) => typeof f.value === 'number';
  const figure = (f: Fact): Figure => ({ value: f.value as number, tol: factSlack(doc, f) });
  const unit = (path: string) => doc.facts.filter((f) => !f.appropriation && money(f) && normPath(f.path) === path).map(figure);
  // the appropriation's spending total as stated anywhere: its own field (a 决算's; a 预算 disclosure's plan fills none) and
  // the totals the parts' contexts name
  const totals = (mode: Mode) => [
    ...(mode === 'actual' ? doc.facts.filter((f) => money(f) && normPath(f.path) === FISCAL_SPENDING).map(figure) : []),
    ...parts.filter((f) => modeOf(f.path) === mode && f.appropriation!.total).map((f) => f.appropriation!.total!),
  ];
  const paidAll = (f: Fact) => {
    const mode = modeOf(f.path);
    return agree(f.appropriation!.total ? [f.appropriation!.total] : totals(mode), unit(`/finance/spendingTotal/${mode}`));
  };
  const drop = new Set<Fact>();
  for (const f of parts) if (f.appropriation!.of === 'spending' && !paidAll(f)) drop.add(f);
  for (const f of parts) {
    if (f.appropriation!.of !== 'basic') continue;
    const path = `/finance/basic/${modeOf(f.path)}`;
    // (the appropriation's 基本支出 as stated, whether it is the unit's or not)
    const own = f.appropriation!.basic ? [f.appropriation!.basic] : parts.filter((x) => x.appropriation!.of === 'spending' && money(x) && normPath(x.path) === path).map(figure);
    if (!agree(own, unit(path)) && !paidAll(f)) drop.add(f);
  }
  for (let i = doc.facts.length - 1; i >= 0; i--) if (drop.has(doc.facts[i])) doc.facts.splice(i, 1);
}

/** True when both sides state a figure and every one of the first agrees with every one of the second. */
function agree(a: Figure[], b: Figure[]): boolean {
  return a.length > 0 && b.length > 0 && a.every((x) => b.every((y) => Math.abs(x.value - y.value) <= x.tol + y.tol + 1e-6));
}

/** Half a unit of the last digit of a money fact as written: its raw text, else its cell's figure (a table fact). */
export function factSlack(doc: KDocument, f: Fact): number {
  if (f.raw) return moneySlack(f.raw);
  const text = doc.norm.length === doc.text.length ? doc.norm : doc.text;
  const written = text.slice(f.span.start, f.span.end).replace(/[\s,，]/g, '').match(/\d+(?:\.\d+)?/)?.[0];
  const n = written ? Number(written) : 0;
  if (!written || !n) return 0.5;
  const factor = [1, 1000, 10000, 100000000].find((x) => Math.abs(n * x - (f.value as number)) <= x) ?? 1;
  return halfUlp(written, factor);
}
