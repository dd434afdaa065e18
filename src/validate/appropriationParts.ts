// The appropriation's parts (财政拨款支出X，其中：基本支出Y，项目支出Z | 财政拨款基本支出X，其中：人员经费Y | the
// 一般公共预算财政拨款支出决算表's 基本支出 column …) are the part of the unit's spending paid from appropriations: other money
// (事业收入, 其他收入, 上年结转) may pay for the rest. One rule, for the prose and the tables alike, kept weak (the unit's own
// figure for the same field still comes first): where the unit's own whole is stated — its 本年支出合计 (in a 预算 disclosure
// the spending budget's 合计), or for the parts of the 基本支出 (人员经费, 公用经费) its 基本支出 — a part is the unit's only when
// the appropriation's figure for that whole agrees with it (within the rounding of both as written). Where the unit states
// no such whole, a part is the unit's unless the text says other money paid for some of the spending: a share of the
// spending under 100 % (财政拨款支出178万元，占本年支出合计的81.65%) or other income stated (事业收入40万元) — a 科协 is as a rule
// paid for by its appropriation alone, and a report stating only the appropriation's parts means them as its own.
import type { Fact, Figure, KDocument } from '../document.js';
import { pointerPath } from '../document.js';
import { halfUlp, moneySlack } from '../normalise/numbers.js';
import { compile, loadPatternFile } from '../patterns.js';

type Mode = 'actual' | 'budget';
const modeOf = (path: string): Mode => (/\/(?:budget|personnelBudget|publicUseBudget)$/.test(path) ? 'budget' : 'actual');
const FISCAL_SPENDING = '/finance/fiscalAppropriation/spending';

export function dropUnpaidParts(doc: KDocument): void {
  const parts = doc.facts.filter((f) => f.appropriation);
  if (!parts.length) return;
  const money = (f: Fact) => typeof f.value === 'number';
  const figure = (f: Fact): Figure => ({ value: f.value as number, tol: factSlack(doc, f) });
  const unit = (path: string) => doc.facts.filter((f) => !f.appropriation && money(f) && pointerPath(f.path) === path).map(figure);
  // the appropriation's spending total as stated anywhere: its own field (a 决算's; a 预算 disclosure's plan fills none) and
  // the totals the parts' contexts name
  const totals = (mode: Mode) => [
    ...(mode === 'actual' ? doc.facts.filter((f) => money(f) && pointerPath(f.path) === FISCAL_SPENDING).map(figure) : []),
    ...parts.filter((f) => modeOf(f.path) === mode && f.appropriation!.total).map((f) => f.appropriation!.total!),
  ];
  // null when either side states no figure: nothing to compare
  const agrees = (a: Figure[], b: Figure[]) => (a.length && b.length ? agree(a, b) : null);
  const paidAll = (f: Fact) => {
    const mode = modeOf(f.path);
    return agrees(f.appropriation!.total ? [f.appropriation!.total] : totals(mode), unit(`/finance/spendingTotal/${mode}`));
  };
  const others = otherMoney(doc);
  const drop = new Set<Fact>();
  for (const f of parts) {
    let paid: boolean | null;
    if (f.appropriation!.of === 'spending') paid = paidAll(f);
    else {
      const path = `/finance/basic/${modeOf(f.path)}`;
      // (the appropriation's 基本支出 as stated, whether it is the unit's or not)
      const own = f.appropriation!.basic ? [f.appropriation!.basic] : parts.filter((x) => x.appropriation!.of === 'spending' && money(x) && pointerPath(x.path) === path).map(figure);
      paid = agrees(own, unit(path)) ?? paidAll(f);
    }
    if (paid === false || (paid === null && others)) drop.add(f);
  }
  for (let i = doc.facts.length - 1; i >= 0; i--) if (drop.has(doc.facts[i])) doc.facts.splice(i, 1);
}

/** True when the text says money other than the appropriation paid for some of the unit's spending (finance.yaml
 *  `other_money`: a share of the spending under 100 %, another kind of income stated above zero). */
function otherMoney(doc: KDocument): boolean {
  const f = loadPatternFile<{ other_money: { share: string; income: string } }>('finance.yaml').other_money;
  for (const m of doc.norm.matchAll(compile(f.share, 'g'))) if (Number(m.groups!.pct) < 99.995) return true;
  for (const m of doc.norm.matchAll(compile(f.income, 'g'))) if (Number(m.groups!.num.replace(/[,，\s]/g, '')) > 0) return true;
  return false;
}

/** True when both sides state a figure and every one of the first agrees with every one of the second. */
function agree(a: Figure[], b: Figure[]): boolean {
  return a.length > 0 && b.length > 0 && a.every((x) => b.every((y) => Math.abs(x.value - y.value) <= x.tol + y.tol + 1e-6));
}

/** Half a unit of the last digit of a money fact as written: its raw text, else its cell's figure (a table fact). */
function factSlack(doc: KDocument, f: Fact): number {
  if (f.raw) return moneySlack(f.raw);
  const text = doc.norm.length === doc.text.length ? doc.norm : doc.text;
  const written = text.slice(f.span.start, f.span.end).replace(/[\s,，]/g, '').match(/\d+(?:\.\d+)?/)?.[0];
  const n = written ? Number(written) : 0;
  if (!written || !n) return 0.5;
  const factor = [1, 1000, 10000, 100000000].find((x) => Math.abs(n * x - (f.value as number)) <= x) ?? 1;
  return halfUlp(written, factor);
}
