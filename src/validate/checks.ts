// Consistency checks on the resolved values: sums, rates, staffing. Each adds a warning, never throws.
// Sums allow for the rounding of the stated figures: half a unit of each figure's last written digit.
import type { Fact, KDocument } from '../document.js';
import { halfUlp, moneySlack } from '../normalise/numbers.js';
import { compile, loadPatternFile } from '../patterns.js';

const fmt = (yuan: number) => `${(yuan / 10000).toFixed(4).replace(/\.?0+$/, '')}万元`;

/** Rounding slack of a money fact in yuan, from the figure as written (raw: '149.83万元'). */
const slack = (f: Fact): number => moneySlack(f.raw);

export function runChecks(doc: KDocument, values: Map<string, Fact>): void {
  const v = (p: string) => values.get(p);
  const warn = (ruleId: string, reason: string, paths: string[]) => doc.messages.push({ ruleId, reason, paths });

  // a weak fact (priority 2: 财政拨款基本支出X，其中人员经费Y…) is a part of the appropriation's spending, not of the unit's:
  // parts are compared with the total of their own kind (also stated weak), never with the unit's own
  const rank = (f: Fact) => ((f.priority ?? 1) > 1 ? 2 : 1);
  const sum = (total: string, parts: string[], code: string, what: string, weakTotal?: string) => {
    const ps = parts.map(v);
    let t = v(total);
    if (!t || ps.some((p) => !p)) return;
    const kinds = new Set(ps.map((p) => rank(p!)));
    if (kinds.size > 1) return;
    const kind = [...kinds][0];
    if (rank(t) !== kind) {
      const own = doc.facts.filter((f) => f.path === total && rank(f) === kind);
      const w = weakTotal && kind === 2 ? v(weakTotal) : undefined;
      t = own.length && new Set(own.map((f) => f.value)).size === 1 ? own[0] : w;
      if (!t) return;
      total = t.path;
    }
    const s = ps.reduce((a, p) => a + (p!.value as number), 0);
    const tol = slack(t) + ps.reduce((a, p) => a + slack(p!), 0);
    if (Math.abs(s - (t.value as number)) > tol + 1e-6) {
      warn(code, `${what}: ${ps.map((p) => fmt(p!.value as number)).join(' + ')} = ${fmt(s)}, but the stated total is ${fmt(t.value as number)}`, [total, ...parts]);
    }
  };
  sum('/finance/basic/actual', ['/finance/basic/personnel', '/finance/basic/publicUse'], 'sum_mismatch_basic', '人员经费 + 公用经费 ≠ 基本支出');
  // in a project report project.* is the one project's, not the unit's 项目支出: no part of the unit's total
  if (doc.reportKind !== 'project_self_eval') {
    sum('/finance/spendingTotal/actual', ['/finance/basic/actual', '/finance/project/actual'], 'sum_mismatch_total', '基本支出 + 项目支出 ≠ 总支出', '/finance/fiscalAppropriation/spending');
  }

  for (const [group, label] of [['spendingTotal', '总支出'], ['basic', '基本支出'], ['project', '项目支出']] as const) {
    const b = v(`/finance/${group}/budget`);
    const a = v(`/finance/${group}/actual`);
    const r = v(`/finance/${group}/executionRate`);
    if (!a || !b || !r || !(b.value as number)) continue;
    const computed = ((a.value as number) / (b.value as number)) * 100;
    const tol = (r.raw ? halfUlp(r.raw) : 0.5) + 0.05;
    // (完成年初预算的103.4%: a rate of the total stated against its initial budget is no mismatch; a bare 执行率 may be against
    // either budget. huntb55: a rate naming the 年初 budget as its base is checked against that one alone)
    const ib = group === 'spendingTotal' ? v('/finance/spendingTotal/initialBudget') : undefined;
    const rateOf = (base: number) => ((a.value as number) / base) * 100;
    const againstInitial = ib && (ib.value as number) ? Math.abs(rateOf(ib.value as number) - (r.value as number)) <= tol : false;
    if (ib && (ib.value as number) && namesInitialBase(doc, r)) {
      if (!againstInitial) {
        warn('rate_mismatch', `${label} 执行率 is stated as ${r.value}% of the 年初 budget, but ${fmt(a.value as number)} ÷ ${fmt(ib.value as number)} = ${rateOf(ib.value as number).toFixed(2)}%`, [
          `/finance/${group}/executionRate`, `/finance/${group}/actual`, `/finance/${group}/initialBudget`,
        ]);
      }
      continue;
    }
    if (Math.abs(computed - (r.value as number)) > tol && !againstInitial) {
      warn('rate_mismatch', `${label} 执行率 is stated as ${r.value}%, but ${fmt(a.value as number)} ÷ ${fmt(b.value as number)} = ${computed.toFixed(2)}%`, [
        `/finance/${group}/executionRate`, `/finance/${group}/actual`, `/finance/${group}/budget`,
      ]);
    }
  }

  const ins = v('/staffing/inService');
  const auth = v('/staffing/authorized');
  if (ins && auth && (ins.value as number) > (auth.value as number)) {
    warn('staffing_over_authorized', `在职 ${ins.value} 人 is more than the 编制 of ${auth.value}`, ['/staffing/inService', '/staffing/authorized']);
  }
}

/** Whether a rate's own words name the 年初 budget as its base (finance.yaml initial_base.rate: 完成年初预算的103%). */
function namesInitialBase(doc: KDocument, rate: Fact): boolean {
  const words = loadPatternFile<{ initial_base: { rate: string } }>('finance.yaml').initial_base.rate;
  return compile(words, '').test(doc.norm.slice(rate.span.start, rate.span.end));
}
