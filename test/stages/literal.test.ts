import { describe, expect, it } from 'vitest';
import { requiredLiteral } from '../../src/extract/literal.js';

describe('requiredLiteral: a literal every match must contain', () => {
  it('finds the longest plain run outside groups, classes and quantifiers', () => {
    expect(requiredLiteral('(?<=^|[\\s，,。]|年度)(?:本年|全年)?收入合计(?:为|是|:)?(?:[ \\t]*)(?<amount>\\d+)')).toBe('收入合计');
    expect(requiredLiteral('行政编制(?:人员|人数)?(?:为|共)?(?<num>\\d+)(?:人|名)')).toBe('行政编制');
    expect(requiredLiteral('(?<num>\\d{4})(?:[ \\t]*)年度?')).toBe('年');
    expect(requiredLiteral('收、?支总计')).toBe('支总计');
    expect(requiredLiteral('执行率{1,2}为')).toBe('执行');
    expect(requiredLiteral('项目支出[^。\\n]{0,30}其中')).toBe('项目支出');
  });
  it('gives nothing when a match could lack every literal', () => {
    expect(requiredLiteral('基本支出|项目支出')).toBeNull(); // top-level alternation
    expect(requiredLiteral('(?:实有|现有)?(?:在职|在编)(?<num>\\d+)')).toBeNull(); // all in groups
    expect(requiredLiteral('[一二三]+是')).toBe('是');
    expect(requiredLiteral('\\d+\\.\\d+')).toBeNull(); // escapes are not literals
    expect(requiredLiteral('a*b?c+')).toBeNull(); // every character quantified
    expect(requiredLiteral('a*?b')).toBe('b'); // lazy quantifier
    expect(requiredLiteral('(unbalanced')).toBeNull();
  });
  it('a pattern never matches text without its literal (checked against the regex itself)', () => {
    const srcs = ['(?<=年|^)(?:本年)?支出合计(?:为)?(?<n>\\d+)万元', '编制(?:数)?(?:为)?\\s*(?<n>\\d+)\\s*人', '完成(?:了)?(?:全年)?预算的\\s*\\d+%'];
    const texts = ['本年支出合计12万元', '支出合计为3万元', '编制 7 人', '编制数为7人', '完成全年预算的 98%', '完成了预算的98%', '支出12万元', '编 制7人'];
    for (const src of srcs) {
      const lit = requiredLiteral(src)!;
      for (const t of texts) if (new RegExp(src).test(t)) expect(t, `${src} on ${t}`).toContain(lit);
    }
  });
});
