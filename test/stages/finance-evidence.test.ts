// Evidence of finance figures covers the words that make the reading: the year or the unit glued before the phrase.
import { describe, expect, it } from 'vitest';
import { extractText } from '../../src/pipeline.js';

const HEAD = '2023年度某县科学技术协会部门整体支出绩效自评报告\n一、部门整体支出情况\n';
const cases: [string, string, string | null][] = [
  ['2023年全年预算180万元，实际支出178万元。', '/finance/spendingTotal/budget', '全年预算180万元'],
  // one dating word: a phrase dated by its own words takes no year before it
  ['2023年度本年收入合计180万元。', '/finance/incomeTotal', '本年收入合计180万元'],
  ['今年预算180万元。', '/finance/spendingTotal/budget', '今年预算180万元'],
  ['2022年支出150万元，2023年支出180万元。', '/finance/spendingTotal/actual', '2023年支出180万元'],
  ['2023年度本单位实际支出178万元。', '/finance/spendingTotal/actual', '2023年度本单位实际支出178万元'],
  // a year behind a comma is no part of the phrase
  ['2023年，全年预算180万元。', '/finance/spendingTotal/budget', '全年预算180万元'],
];

describe('finance evidence', () => {
  for (const [text, path, want] of cases) {
    it(`${path} ← ${text}`, () => {
      const { record } = extractText(HEAD + text);
      expect(record.evidence[path]?.text ?? null).toBe(want);
    });
  }
});
