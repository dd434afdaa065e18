// Web pages printed to PDF. A table pads its cells by 1 px: the texts of neighbouring cells are closer than a
// space, and only the ruling line between them tells two cells from one (test/fixtures/pdf/chrome-tight-cells.pdf,
// made by scripts/fixtures/make_chrome_pdf.sh from chrome-tight-cells.html).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readBytes } from '../../src/read/index.js';
import { extractBytes } from '../../src/pipeline.js';
import { ROOT } from './helpers.js';

const pdf = readFileSync(path.join(ROOT, 'test/fixtures/pdf/chrome-tight-cells.pdf'));
const html = readFileSync(path.join(ROOT, 'scripts/fixtures/chrome-tight-cells.html'));

describe('cells 2 pt apart with a ruling line between them', () => {
  it('are two cells: the header row keeps 全年执行数 and 分值 apart, as the web page itself reads', async () => {
    const r = await readBytes(pdf);
    expect(r.text).toContain('项目资金（万元）\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分\n');
    expect(r.text).toContain('\t年度资金总额\t30\t32\t31.5\t10\t98.44%\t9.8\n');
    expect(r.text).toContain('一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因\n');
    expect(r.text).toContain('满意度指标\t服务对象满意度指标\t培训对象满意度\t≥90%\t96%\t10\t10\t无\n');
    const fromHtml = await readBytes(html);
    const rows = (t: typeof r) => t.tables![0].rows.map((row) => row.map((c) => c.text));
    expect(rows(r)).toEqual(rows(fromHtml));
  });

  it('so the indicator rows read the same as from the web page', async () => {
    const a = (await extractBytes('t.pdf', pdf)).record;
    const b = (await extractBytes('t.html', html)).record;
    expect(a.indicators.map((i) => [i.level3, i.target.text, i.actual.text, i.score])).toEqual([
      ['举办培训班期数', '≥6期', '8期', 20],
      ['培训对象满意度', '≥90%', '96%', 10],
    ]);
    expect(a.indicators).toEqual(b.indicators);
    expect(a.selfEvaluation.score).toBe(95.8);
  });
});

describe('a justified paragraph printed from a web page (test/fixtures/pdf/chrome-justified.pdf)', () => {
  const spread = readFileSync(path.join(ROOT, 'test/fixtures/pdf/chrome-justified.pdf'));
  it('reads without the spaces pdf.js put between its characters', async () => {
    const r = await readBytes(spread);
    expect(r.text).toContain('2023年度收入合计236.45万元，其中：一般公共预算财政拨款收入221.45万元，其他收入15万元。');
    expect(r.text).toContain('项目支出62.5万元，占27.03%。年初预算数210万元，全年预算执行率97.8%。');
  });
  it('so its figures are read', async () => {
    const { record } = await extractBytes('t.pdf', spread);
    expect(record.finance.incomeTotal).toBe(2364500);
    expect(record.finance.fiscalAppropriation.income).toBe(2214500);
    expect(record.finance.project.actual).toBe(625000);
    expect(record.finance.spendingTotal.initialBudget).toBe(2100000);
    expect(record.finance.spendingTotal.executionRate).toBe(97.8);
  });
});
