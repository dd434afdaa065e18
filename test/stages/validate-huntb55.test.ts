// huntb55: a rate whose words name the 年初 budget as its base is checked against the initial budget alone; a bare 执行率
// may be against either budget (decided, docs/record.md Session 55 — huntb55).
import { describe, expect, it } from 'vitest';
import { extractText } from '../../src/pipeline.js';

const codes = (t: string) => extractText(t).record.warnings.map((w) => w.code);
const HEAD = '青禾县科学技术协会2023年度部门整体支出绩效自评报告\n二、部门整体支出情况\n年初预算200万元，调整后预算210万元，实际支出206万元，';

describe('validate: a rate against the 年初 budget (huntb55)', () => {
  it('a rate naming 年初 that is the actual over the initial budget: no rate_mismatch (206 ÷ 200 = 103%)', () => {
    expect(codes(`${HEAD}完成年初预算的103%。`)).not.toContain('rate_mismatch');
    expect(codes(`${HEAD}占年初预算的103%。`)).not.toContain('rate_mismatch');
  });
  it('a rate naming 年初 that is only the actual over the adjusted budget: rate_mismatch naming the 年初 budget (before: none)', () => {
    const w = extractText(`${HEAD}完成年初预算的98.1%。`).record.warnings.find((x) => x.code === 'rate_mismatch');
    expect(w?.message).toContain('200万元');
    expect(w?.paths).toContain('/finance/spendingTotal/initialBudget');
  });
  it('negative: a bare 预算执行率 over either budget is no mismatch (98.1% of 210, 103% of 200)', () => {
    expect(codes(`${HEAD}预算执行率98.1%。`)).not.toContain('rate_mismatch');
    expect(codes(`${HEAD}预算执行率103%。`)).not.toContain('rate_mismatch');
  });
  it('negative: a bare 预算执行率 over neither budget still warns', () => {
    expect(codes(`${HEAD}预算执行率90%。`)).toContain('rate_mismatch');
  });
  it('negative: a rate naming 年初 with no initial budget read is checked as before, against the budget', () => {
    const t = '青禾县科学技术协会2023年度部门整体支出绩效自评报告\n二、部门整体支出情况\n部门预算210万元，实际支出206万元，完成年初预算的';
    expect(codes(`${t}98.1%。`)).not.toContain('rate_mismatch');
    expect(codes(`${t}90%。`)).toContain('rate_mismatch');
  });
});
