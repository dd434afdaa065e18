// huntb52: a .txt whose lines are spaced out character by character (an OCR tool's or a PDF text layer's plain text) is read
// as the same text without those spaces (src/read/letterSpacing.ts); before, nearly nothing was read, and `1 . 2 万` a part.
import { describe, expect, it } from 'vitest';
import { closeLetterSpacing } from '../../src/read/letterSpacing.js';
import { readAsFile } from './helpers.js';

const REPORT = [
  '青禾县科学技术协会2023年度部门整体支出绩效自评报告',
  '',
  '一、部门基本情况',
  '核定编制6名，其中行政编制5名，工勤编制1名。年末实有在职人员6人，退休人员3人。',
  '全年预算数为196.8万元，实际支出192.36万元，预算执行率为97.74%。其中基本支出138.52万元，项目支出53.84万元。',
  '二、绩效目标完成情况',
  '全年开展科普活动36场，培训农民1860人次，参与群众达1.2万人次。',
  '三、自评结论',
  '经自评，我会2023年度部门整体支出绩效自评得分为94分，等级为优。',
  '',
  '青禾县科学技术协会',
  '2024年3月15日',
].join('\n');
/** every character apart, by an ASCII or a full-width space */
const spaced = (s: string, gap = ' ') => s.split('\n').map((l) => [...l].join(gap)).join('\n');

describe('lines spaced out character by character', () => {
  it('are read as the plain typing', async () => {
    const plain = (await readAsFile(REPORT)).record;
    for (const gap of [' ', '\u3000']) {
      const { record } = await readAsFile(spaced(REPORT, gap));
      for (const part of ['staffing', 'finance', 'activities', 'selfEvaluation'] as const) expect(record[part]).toEqual(plain[part]);
      expect(record.meta.title).toBe(plain.meta.title);
      expect(record.meta.reportDate).toBe('2024-03-15');
    }
    expect(plain.finance.spendingTotal.actual).toBe(1923600);
    expect(plain.activities.map((a) => a.count)).toEqual([36, 1860, 12000]);
  });

  it('also with figures kept whole (OCR spacing CJK only), and a wider gap between two fields kept', () => {
    expect(closeLetterSpacing('培 训 农 民 1860 人 次 ， 参 与 群 众 达 1.2 万 人 次 。').text).toBe('培训农民1860人次，参与群众达1.2万人次。');
    expect(closeLetterSpacing('填 报 人 ： 李 明    联 系 电 话 ： 0 7 3 1 - 8 8 8 8 8 8 8').text).toBe('填报人：李明    联系电话：0731-8888888');
  });

  it('leave a short spaced heading, a row of single figures, a table row and prose with spaces around figures alone', () => {
    for (const s of ['目 录', '收 入 支 出', '合 计 1 2 3 4 5 6', '1 2 3 4 5 6 7 8 9', '开\t展\t活\t动\t3\t6\t场\t次\t，', '全年开展科普活动 36 场，培训农民 1860 人次，参与群众 1.2 万人次。']) {
      expect(closeLetterSpacing(s)).toEqual({ text: s, n: 0 });
    }
  });
});
