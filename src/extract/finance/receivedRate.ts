// A rate of the money received, not of the budget: 项目预算50万元，资金到位45万元，到位率90%，实际支出44万元，支出率97.78% (44 ÷ 45).
import type { KDocument } from '../../document.js';
import { halfUlp, toYuan } from '../../normalise/numbers.js';
import { compile } from '../../patterns.js';
import { sentenceAt } from '../prose.js';
import type { FinanceFile } from './file.js';

const RATE = /^\/finance\/(spendingTotal|project|basic)\/executionRate$/;

/** Drops an execution rate whose words name no budget (支出率, 执行率: `rate_names_budget` absent from its evidence) when funds
 *  received other than the budget are stated before it in its sentence (`funds_received_amount`) and the rate is the actual over
 *  them within its rounding but not the actual over the budget: the share of the money received that was spent, no field. */
export function receivedRates(doc: KDocument, f: FinanceFile): void {
  const one = (path: string): number | null => {
    const vs = new Set(doc.facts.filter((x) => x.path === path && typeof x.value === 'number').map((x) => x.value as number));
    return vs.size === 1 ? [...vs][0] : null;
  };
  for (const x of [...doc.facts]) {
    const g = RATE.exec(x.path);
    if (!g || x.source === 'table' || typeof x.value !== 'number') continue;
    if (compile(f.rate_names_budget, '').test(doc.norm.slice(x.span.start, x.span.end))) continue;
    const budget = one(`/finance/${g[1]}/budget`);
    const actual = one(`/finance/${g[1]}/actual`);
    if (!budget || !actual) continue;
    const before = doc.norm.slice(sentenceAt(doc, x.span.start).start, x.span.start);
    const m = [...before.matchAll(compile(f.funds_received_amount, 'g'))].pop();
    const received = m?.groups?.num ? toYuan(m.groups.num, m.groups.unit ?? '元') : null;
    if (!received || received === budget) continue;
    const tol = (x.raw ? halfUlp(x.raw) : 0.5) + 0.05;
    const near = (base: number) => Math.abs((actual / base) * 100 - (x.value as number)) <= tol;
    if (near(received) && !near(budget)) doc.facts.splice(doc.facts.indexOf(x), 1);
  }
}
