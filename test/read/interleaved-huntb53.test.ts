// huntb53: a two-column page whose lines alternate in the text (left line, right line, …) is detected and nothing is read from
// it, rather than a label of one column with a figure of the other (src/normalise/interleaved.ts); the .txt reader does not
// join its lines. The same columns one after the other are read as usual.
import { describe, expect, it } from 'vitest';
import { interleavedBlocks } from '../../src/normalise/interleaved.js';
import { readAsFile } from './helpers.js';

const LEFT = [
  '二、部门整体支出情况',
  '2023年部门预算186.5万元，全年实际支出18',
  '0.2万元，预算执行率96.62%。其中基本支出',
  '120.3万元，项目支出59.9万元。',
  '三、存在的问题',
  '一是科普经费投入不足；二是专业人才缺乏。',
];
const RIGHT = [
  '四、绩效目标完成情况',
  '全年开展各类科普活动36场，受益群众1.',
  '2万人次；举办农民实用技术培训班12期，培',
  '训农民1860人次；发放科普资料8500份。',
  '五、自评结论',
  '自评得分95分，评价等级为优秀。',
];
const HEAD = ['青禾县科学技术协会2023年度部门整体支出绩效自评报告', '一、部门基本情况', '青禾县科学技术协会核定行政编制6名，在职人员5人。', ''];
const alternate = (a: string[], b: string[]) => a.flatMap((l, i) => [l, b[i]]);

describe('two columns whose lines alternate', () => {
  it('read nothing from the alternating block; the block above is read', async () => {
    const { record } = await readAsFile([...HEAD, ...alternate(LEFT, RIGHT)].join('\n'));
    expect(record.staffing.authorized).toBe(6);
    expect(record.staffing.inService).toBe(5);
    expect(record.finance.spendingTotal).toEqual({ budget: null, actual: null, executionRate: null, initialBudget: null });
    expect(record.finance.basic.actual).toBeNull();
    expect(record.activities).toEqual([]);
    expect(record.selfEvaluation.score).toBeNull();
    // (the unread figures are warned of: the record's nulls there are no absence of spending)
    expect(record.warnings.filter((w) => w.code === 'columns_interleaved')).toEqual([
      { code: 'columns_interleaved', message: 'lines alternating between two columns (a page read row by row): no figure read from them', paths: [] },
    ]);
  });

  it('the same columns one after the other are read', async () => {
    const { record } = await readAsFile([...HEAD, ...LEFT, ...RIGHT].join('\n'));
    expect(record.finance.spendingTotal.actual).toBe(1802000);
    // (受益群众1.⏎2万人次: a count a line end broke inside its figure is none, session 47)
    expect(record.activities.map((a) => a.count)).toEqual([36, 12, 1860, 8500]);
    expect(record.selfEvaluation.score).toBe(95);
    expect(record.warnings.map((w) => w.code)).not.toContain('columns_interleaved');
  });

  it('a one-column text whose cut figures the next line goes on with is no such block', () => {
    const text = [
      '2023年部门预算186.5万元，全年实际支出18',
      '0.2万元，预算执行率96.62%。全年开展各类科普活动36场，受益群众1.',
      '2万人次；举办农民实用技术培训班12期，培训农民1',
      '860人次；发放科普资料8500份。自评得分9',
      '5分，评价等级为优秀。',
      '三、存在的问题',
      '一是科普经费投入不足。',
    ].join('\n');
    expect(interleavedBlocks(text)).toEqual([]);
    // (a contents list then the body: headings restart, none side by side with a gap)
    expect(interleavedBlocks(['一、部门基本情况', '二、部门整体支出情况', '三、绩效目标完成情况', '一、部门基本情况', '核定编制6名。', '二、部门整体支出情况', '全年实际支出180.2万元。'].join('\n'))).toEqual([]);
    // (a table one cell per line: figures alone on their lines)
    expect(interleavedBlocks(['项目', '预算数', '决算数', '基本支出', '120.3', '118.6', '项目支出', '59.9', '58.2'].join('\n'))).toEqual([]);
  });
});
