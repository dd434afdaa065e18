import { describe, expect, it } from 'vitest';
import { extractText } from '../../src/pipeline.js';

const codes = (t: string) => extractText(t).record.warnings.map((w) => w.code);

describe('validate: consistency warnings', () => {
  it('人员经费 + 公用经费 ≠ 基本支出', () => {
    expect(codes('2023年基本支出89.82万元，其中人员经费70.00万元，公用经费13.08万元。')).toContain('sum_mismatch_basic');
  });
  it('allows the rounding of the stated figures', () => {
    expect(codes('2023年基本支出89.82万元，其中人员经费76.75万元，公用经费13.08万元。')).not.toContain('sum_mismatch_basic');
  });
  it("the appropriation's 人员经费/公用经费 beside the unit's other 基本支出 are no figures of the unit's, nor a mismatch", () => {
    // (the appropriation's 基本支出 120 is not the unit's 130: other money paid for part of it, its parts are not the unit's)
    const { record } = extractText('2023年本年支出合计160万元，其中基本支出130万元，项目支出30万元。财政拨款基本支出120万元，其中人员经费100万元，公用经费20万元。');
    expect(record.finance.basic.actual).toBe(1300000);
    expect(record.finance.basic.personnel).toBeNull();
    expect(record.warnings.map((w) => w.code)).not.toContain('sum_mismatch_basic');
  });
  it("the appropriation's 人员经费/公用经费 are the unit's when its 基本支出 is the unit's", () => {
    const { record } = extractText('2023年本年支出合计160万元，其中基本支出130万元，项目支出30万元。财政拨款基本支出130万元，其中人员经费110万元，公用经费20万元。');
    expect(record.finance.basic.personnel).toBe(1100000);
    expect(record.finance.basic.publicUse).toBe(200000);
    expect(record.warnings.map((w) => w.code)).not.toContain('sum_mismatch_basic');
  });
  it("the appropriation's parts that do not add up to its own 基本支出 still warn", () => {
    // (the appropriation paid for all the spending: its 基本支出 and their parts are the unit's)
    const w = extractText('2023年本年支出合计160万元，财政拨款支出160万元。财政拨款基本支出125万元，其中人员经费100万元，公用经费20万元。').record.warnings;
    expect(w.find((x) => x.code === 'sum_mismatch_basic')?.message).toContain('125万元');
  });
  it('基本 + 项目 ≠ 总支出', () => {
    expect(codes('2023年收入为207.48万元，支出为210.00万元，其中：基本支出172.72万元；项目支出34.76万元。')).toContain('sum_mismatch_total');
  });
  it("a project report's project spending is no part of the unit's total: no sum_mismatch_total", () => {
    const { record } = extractText('2023年度科普专项经费绩效自评报告\n一、项目概况\n本单位2023年部门整体支出286.4万元，其中基本支出241.0万元。\n二、项目资金使用情况\n科普专项经费年初预算20万元，实际支出19.5万元。');
    expect(record.finance.spendingTotal.actual).toBe(2864000);
    expect(record.finance.basic.actual).toBe(2410000);
    expect(record.finance.project.actual).toBe(195000);
    expect(record.warnings.map((w) => w.code)).not.toContain('sum_mismatch_total');
  });
  it('the same figures in an overall report are the unit\'s parts: the sum is checked', () => {
    expect(codes('2023年度某县科协部门整体支出绩效自评报告\n本单位2023年部门整体支出286.4万元，其中基本支出241.0万元，项目支出19.5万元。')).toContain('sum_mismatch_total');
  });
  it('stated 执行率 ≠ actual ÷ budget', () => {
    const w = extractText('基本支出预算安排100万元，实际支出80万元，完成预算安排的100%。').record.warnings;
    expect(w.map((x) => x.code)).toContain('rate_mismatch');
    expect(w.find((x) => x.code === 'rate_mismatch')!.message).toContain('80');
  });
  it('a rate of the total stated against its initial budget is no rate_mismatch; one matching neither budget is', () => {
    const ok = '2023年部门年初预算200万元，全年预算数210万元，实际支出206.8万元，完成年初预算的103.4%。';
    expect(codes(ok)).not.toContain('rate_mismatch');
    expect(codes(ok.replace('完成年初预算的103.4%', '预算执行率90%'))).toContain('rate_mismatch');
  });
  it('inService above authorized', () => {
    expect(codes('共有编制 5 人。年末实有在职人员 7 人。')).toContain('staffing_over_authorized');
  });
  it("the title's year ≠ the body's year", () => {
    expect(codes('2023年度某县科学技术协会部门整体支出绩效自评报告\n我单位对2022年度部门整体支出进行了绩效自评。')).toContain('year_mismatch');
  });
  it('the same field stated twice with different values stays null', () => {
    const { record } = extractText('年末实有在职人员 7 人。另：实有在职人员 8 人。');
    expect(record.staffing.inService).toBeNull();
    expect(record.warnings.map((w) => w.code)).toContain('conflicting_values');
  });
  it('a text that is not a report gets a warning and nulls', () => {
    const { record } = extractText('今天天气很好，我们去公园散步。');
    expect(record.warnings.map((w) => w.code)).toContain('not_a_report');
    expect(record.meta.title).toBeNull();
  });
});

describe('record warnings', () => {
  it('messages that say the same thing (one per cell of a row) are one warning; different ones all stay', () => {
    const text = '2023年度部门整体支出绩效自评基础数据表\n填报单位：某县科学技术协会\n经费控制情况\t2022年决算数\t2023年预算数\t2023年决算数\n三公经费\t1.85\t2.00\t1.62\n公用经费\t12.30\t13.00\t12.88\n';
    const { record } = extractText(text);
    const unitless = record.warnings.filter((w) => w.code === 'table_unit_unknown');
    expect(unitless.length).toBe(2); // one per row (三公经费, 公用经费), not one per cell
    expect(new Set(unitless.map((w) => w.message)).size).toBe(2);
  });
});
