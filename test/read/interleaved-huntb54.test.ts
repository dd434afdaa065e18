// huntb54: two columns whose lines alternate with no figure cut across them and no headings side by side, told by their
// paragraphs (an indented opening right after a wrapped line, neither column alone showing one) or by two widths alternating
// (src/normalise/interleaved.ts): the .txt reader does not join their lines, and nothing is read from them. The same
// paragraphs in one column are read as usual.
import { describe, expect, it } from 'vitest';
import { interleavedBlocks } from '../../src/normalise/interleaved.js';
import { readAsFile } from './helpers.js';

const ALTERNATING = [
  '青禾县科学技术协会2023年度部门整体支出绩效自评报告',
  '一、部门基本情况',
  '',
  '　　2023年本会部门预算186.5万元，',
  '　　全年开展各类科普活动36场，受',
  '全年实际支出180.2万元，预算执行',
  '益群众1.2万人次，举办农民实用技',
  '率为96.62%。其中基本支出120.3万',
  '术培训班12期，培训农民1860人次，',
  '元，项目支出59.9万元，“三公”经',
  '发放科普资料8500份，较上年增加12',
  '费支出为0.8万元，较上年下降0.2万',
  '00份。',
  '元。',
  '　　组织科技工作者深入乡镇开展服',
  '　　本会核定行政编制6名，实有在',
  '务45次，建成科普示范基地3个，科',
  '职人员5人，离退休人员3人，全部按',
  '普e站15个，新发展会员230名。',
  '规定足额发放工资和各项补贴。'
];
const ONE_COLUMN = [
  '青禾县科学技术协会2023年度部门整体支出绩效自评报告',
  '一、部门基本情况',
  '',
  '　　2023年本会部门预算186.5万元，',
  '全年实际支出180.2万元，预算执行',
  '率为96.62%。其中基本支出120.3万',
  '元，项目支出59.9万元，“三公”经',
  '费支出为0.8万元，较上年下降0.2万',
  '元。',
  '　　本会核定行政编制6名，实有在',
  '职人员5人，离退休人员3人，全部按',
  '规定足额发放工资和各项补贴。',
  '　　全年开展各类科普活动36场，受',
  '益群众1.2万人次，举办农民实用技',
  '术培训班12期，培训农民1860人次，',
  '发放科普资料8500份，较上年增加12',
  '00份。',
  '　　组织科技工作者深入乡镇开展服',
  '务45次，建成科普示范基地3个，科',
  '普e站15个，新发展会员230名。'
];

describe('two columns alternating, told by their paragraphs', () => {
  it('a .txt: not joined into paragraphs, nothing read from the block', async () => {
    const { record, doc } = await readAsFile(ALTERNATING.join('\n'));
    expect(doc.messages.map((m) => m.ruleId)).toContain('read:columns-interleaved');
    expect(record.finance.spendingTotal.actual).toBeNull();
    expect(record.activities).toEqual([]);
  });

  it('the same paragraphs in one column: no such block, read', async () => {
    expect(interleavedBlocks(ONE_COLUMN.join('\n'))).toEqual([]);
    const { record } = await readAsFile(ONE_COLUMN.join('\n'));
    expect(record.finance.spendingTotal.actual).toBe(1802000);
    expect(record.staffing.authorized).toBe(6);
  });
});
