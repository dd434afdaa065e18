// Table rules on small made-up tables: inherited labels, units, year columns, prose precedence, robustness.
import { describe, expect, it } from 'vitest';
import { factMap, textDoc } from './helpers.js';
import type { Indicator } from '../../src/schema/record.js';
import type { Fact } from '../../src/document.js';
import { findTables } from '../../src/structure/tables.js';
import { createDocument } from '../../src/document.js';

const IND_HEADER = '\t绩效指标\t一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因';

describe('indicator rows', () => {
  const doc = textDoc([
    '2024年度项目支出绩效自评表',
    IND_HEADER,
    '\t\t产出指标（60分）\t数量指标\t开展科普活动\t≥5次\t6次\t10\t10\t',
    '\t\t\t\t发表科普文章\t不少于800篇\t约900篇\t10\t9\t进度略慢',
    '\t\t\t质量指标\t活动合格率\t≥90%\t95%\t10\t10\t',
    '\t\t效益指标\t\t群众满意度\t≥90%\t92%\t10\t10\t',
    '\t\t\t\t\t\t\t\t\t',
    '\t总分\t\t\t\t\t\t40\t39\t',
  ]);
  const rows = doc.data.indicators as Indicator[];

  it('inherits level1/level2 from the rows above (merged cells)', () => {
    expect(rows.map((r) => [r.level1, r.level2, r.level3])).toEqual([
      ['产出指标', '数量指标', '开展科普活动'],
      ['产出指标', '数量指标', '发表科普文章'],
      ['产出指标', '质量指标', '活动合格率'],
      ['效益指标', null, '群众满意度'],
    ]);
  });
  it('parses targets, actuals, weights, scores and notes', () => {
    expect(rows[1]).toEqual({
      table: '2024年度项目支出绩效自评表',
      level1: '产出指标',
      level2: '数量指标',
      level3: '发表科普文章',
      target: { text: '不少于800篇', op: '>=', value: 800, unit: '篇', approx: null },
      actual: { text: '约900篇', op: null, value: 900, unit: '篇', approx: '约' },
      weight: 10,
      score: 9,
      note: '进度略慢',
    });
  });
  it('skips an empty row and reads the 总分 row from the 得分 column', () => {
    expect(rows).toHaveLength(4);
    expect(factMap(doc)['/selfEvaluation/score']).toBe(39);
  });
  it('points inherited labels at the cell they were written in', () => {
    const ev = doc.data.indicatorEvidence as Record<string, { span: { start: number; end: number } }>;
    const l1 = ev['/indicators/2/level1'].span;
    expect(doc.text.slice(l1.start, l1.end)).toBe('产出指标（60分）');
  });
});

describe('budget block units', () => {
  const budgetHeader = '\t项目资金\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分';
  const totalRow = (a: string, b: string, c: string) => `\t\t年度资金总额\t${a}\t${b}\t${c}\t10\t97.5%\t9`;

  it('（万元） in a header cell: cells are 万元', () => {
    const doc = textDoc(['2024年度部门整体支出绩效自评表', budgetHeader.replace('项目资金', '年度预算申请（万元）'), totalRow('100', '123.45', '120.37')], 'overall_self_eval', 2024);
    expect(factMap(doc)).toEqual({
      '/finance/spendingTotal/initialBudget': 1000000,
      '/finance/spendingTotal/budget': 1234500,
      '/finance/spendingTotal/actual': 1203700,
      '/finance/spendingTotal/executionRate': 97.5,
    });
  });
  it('a project table\'s 年初预算数 fills no field (a project has no initial budget; not the unit\'s either)', () => {
    const doc = textDoc(['2024年度项目支出绩效自评表', budgetHeader.replace('项目资金', '项目资金（万元）'), totalRow('100', '123.45', '120.37')], 'project_self_eval', 2024);
    expect(Object.keys(factMap(doc)).filter((k) => /initialBudget/.test(k))).toEqual([]);
    expect(factMap(doc)['/finance/project/budget']).toBe(1234500);
  });
  it('单位：元 under the title: cells are yuan, thousands separators allowed', () => {
    const doc = textDoc(['2024年度部门整体支出绩效自评表', '单位：元', budgetHeader, totalRow('1,000,000.00', '1,234,567.50', '1,200,000.00')], 'overall_self_eval', 2024);
    expect(factMap(doc)['/finance/spendingTotal/budget']).toBe(1234567.5);
    expect(factMap(doc)['/finance/spendingTotal/actual']).toBe(1200000);
  });
  it('unit at the end of the title line', () => {
    const doc = textDoc(['2024年度部门整体支出绩效自评表（单位：万元）', budgetHeader, totalRow('1', '2', '3')], 'overall_self_eval', 2024);
    expect(doc.tables[0].caption).toBe('2024年度部门整体支出绩效自评表');
    expect(factMap(doc)['/finance/spendingTotal/actual']).toBe(30000);
  });
  it('a cell with its own unit wins over the table unit', () => {
    const doc = textDoc(['2024年度部门整体支出绩效自评表', '单位：元', budgetHeader, totalRow('1万元', '2万元', '3万元')], 'overall_self_eval', 2024);
    expect(factMap(doc)['/finance/spendingTotal/actual']).toBe(30000);
  });
  it('no unit anywhere: money cells are not used, and a message says why', () => {
    const doc = textDoc(['2024年度部门整体支出绩效自评表', budgetHeader, totalRow('1', '2', '3')], 'overall_self_eval', 2024);
    expect(factMap(doc)['/finance/spendingTotal/actual']).toBeUndefined();
    expect(factMap(doc)['/finance/spendingTotal/executionRate']).toBe(97.5);
    expect(doc.messages.map((m) => m.ruleId)).toContain('table_unit_unknown');
  });
  it('a project table fills finance.project in a project report, projects[] in an overall report', () => {
    const lines = ['2024年度项目支出绩效自评表', '\t项目名称\t科普活动经费', budgetHeader.replace('项目资金', '项目资金（万元）'), totalRow('10', '12', '11.5')];
    const proj = textDoc(lines, 'project_self_eval', 2024);
    expect(factMap(proj)).toEqual({ '/finance/project/budget': 120000, '/finance/project/actual': 115000, '/finance/project/executionRate': 97.5 });
    const overall = textDoc(lines, 'overall_self_eval', 2024);
    expect(factMap(overall)).toEqual({});
    expect(overall.items.projects?.map((p) => p.item)).toEqual([{ name: '科普活动经费', budget: 120000, adjustment: null, actual: 115000, carryover: null, executionRate: 97.5, score: null }]);
  });
  it('a 决算 report takes no finance from a self-evaluation table', () => {
    const doc = textDoc(['2024年度部门整体支出绩效自评表', budgetHeader.replace('项目资金', '（万元）'), totalRow('1', '2', '3')], 'final_accounts', 2024);
    expect(factMap(doc)).toEqual({});
  });
});

describe('基础数据表 year columns', () => {
  const table = (cols: string) => [
    '2023年度部门整体支出绩效评价基础数据表',
    '\t财政供养人员情况（人）\t编制数\t实际在职人数\t控制率',
    '\t\t10\t9\t90%',
    `\t经费控制情况（万元）\t${cols}`,
    '\t三公经费：\t1\t2\t3',
    '\t1、公务接待\t1\t2\t3',
    '\t项目支出：\t5\t6\t7',
    '\t公用经费\t10\t20\t30',
  ];
  it('only the report year’s 决算数 are actuals; its 预算数 is the budget', () => {
    const doc = textDoc(table('2022年决算数\t2023年预算数\t2023年决算数'), 'overall_self_eval', 2023);
    expect(factMap(doc)).toEqual({
      '/staffing/authorized': 10,
      '/staffing/inService': 9,
      '/finance/threePublic/budget': 20000,
      '/finance/threePublic/actual': 30000,
      '/finance/project/budget': 60000,
      '/finance/project/actual': 70000,
      '/finance/basic/publicUseBudget': 200000,
      '/finance/basic/publicUse': 300000,
    });
  });
  it('a report year with no matching column gives no cost facts', () => {
    const doc = textDoc(table('2022年决算数\t2023年预算数\t2023年决算数'), 'overall_self_eval', 2024);
    expect(factMap(doc)['/finance/threePublic/actual']).toBeUndefined();
  });
  it('上年 / 本年 columns', () => {
    const doc = textDoc(table('上年决算数\t本年预算数\t本年决算数'), 'overall_self_eval', 2023);
    expect(factMap(doc)['/finance/threePublic/budget']).toBe(20000);
    expect(factMap(doc)['/finance/basic/publicUse']).toBe(300000);
  });
  it('falls back to the year in the title when the report year is unknown', () => {
    const doc = textDoc(table('2022年决算数\t2023年预算数\t2023年决算数'), 'overall_self_eval', null);
    expect(factMap(doc)['/finance/threePublic/actual']).toBe(30000);
  });
});

describe('prose comes first', () => {
  const lines = [
    '2023年度部门整体支出绩效自评表',
    '\t年度预算申请（万元）\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分',
    '\t\t年度资金总额\t85.09\t133.09\t132.61\t10\t100%\t9',
  ];
  const prose = (path: string, value: number): Fact => ({ path, value, span: { start: 0, end: 4 }, rule: 'prose.test', source: 'prose' });

  it('a path the prose filled gets no table fact; a different value is warned about', () => {
    const doc = textDoc(lines, 'overall_self_eval', 2023, [prose('/finance/spendingTotal/budget', 1000000)]);
    expect(doc.facts.filter((f) => f.path === '/finance/spendingTotal/budget')).toHaveLength(1);
    const m = doc.messages.filter((x) => x.ruleId === 'table_prose_mismatch');
    expect(m).toHaveLength(1);
    expect(m[0].paths).toEqual(['/finance/spendingTotal/budget']);
    expect(m[0].reason).toMatch(/1330900/);
    expect(m[0].reason).toMatch(/1000000/);
  });
  it('the same value (within the table’s rounding) is no warning', () => {
    const doc = textDoc(lines, 'overall_self_eval', 2023, [prose('/finance/spendingTotal/actual', 1326100)]);
    expect(doc.messages.filter((x) => x.ruleId === 'table_prose_mismatch')).toHaveLength(0);
    expect(factMap(doc)['/finance/spendingTotal/actual']).toBeUndefined();
    expect(factMap(doc)['/finance/spendingTotal/budget']).toBe(1330900);
  });
});

describe('row-per-line dumps and bad input', () => {
  it('reads a table written one row per line', () => {
    const doc = textDoc(['绩效自评表', '一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分', '产出指标\t数量指标\t培训\t≥3期\t4期\t20\t20', '\t\t讲座\t≥2场\t2场\t20\t18']);
    expect((doc.data.indicators as Indicator[]).map((r) => [r.level1, r.level3, r.actual?.value, r.score])).toEqual([
      ['产出指标', '培训', 4, 20],
      ['产出指标', '讲座', 2, 18],
    ]);
  });
  it('an indented paragraph is not a table', () => {
    const doc = textDoc(['\t一、部门基本情况', '正文。']);
    expect(doc.tables).toHaveLength(0);
  });
  it('tab-indented prose paragraphs are not a table', () => {
    const para = '\t根据年初工作计划，我会认真组织开展各类科普活动，全年共开展科普宣传活动十余场，受益群众达到一万余人次，取得了良好的社会效果。';
    const paras = ['\t一、部门基本情况', para, '\t（一）部门职责', para, para];
    for (const blanks of [0, 1, 2]) {
      const doc = textDoc(paras.flatMap((p) => [p, ...Array(blanks).fill('')]));
      expect(doc.tables).toHaveLength(0);
      expect(doc.excluded).toHaveLength(0);
    }
  });
  it('never throws on odd text', () => {
    const odd = ['', '\t', '\t\t\t\n\n\t', '\n\n\n\t\n\t\n', '\t总分\t\n', '\t一级指标\t三级指标\t年度指标值\n\t', 'a\tb\nc\td\n\n\n\te'.repeat(50)];
    for (const text of odd) {
      expect(() => textDoc([text], 'overall_self_eval', 2023)).not.toThrow();
      const doc = createDocument('x', '', { text, format: 'pdf', pages: [{ num: 1, start: 0, end: text.length }] });
      expect(() => findTables(doc)).not.toThrow();
    }
  });
});

describe('traditional script', () => {
  it('a traditional-script copy gives the same rows, in simplified characters', async () => {
    const OpenCC = await import('opencc-js/cn2t');
    const { normalise } = await import('../../src/normalise/index.js');
    const { readTxt } = await import('../../src/read/txt.js');
    const { readFileSync } = await import('node:fs');
    const { expected } = await import('./helpers.js');
    const { extractTables } = await import('../../src/extract/tables.js');
    const simp = readTxt(readFileSync(new URL('../../corpus/seed002.txt', import.meta.url))).text;
    const trad = OpenCC.Converter({ from: 'cn', to: 'tw' })(simp);
    expect(trad).not.toBe(simp);
    const doc = createDocument('t', '', { text: trad, format: 'txt', pages: null });
    doc.reportKind = 'overall_self_eval';
    doc.data.fiscalYear = 2023;
    normalise(doc);
    findTables(doc);
    extractTables(doc);
    expect(doc.data.indicators).toEqual(expected('seed002').indicators);
    expect(factMap(doc)).toEqual(expected('seed002').facts);
  });
});

describe('PDF text lines', () => {
  const pdfDoc = (lines: string[]) => {
    const text = lines.join('\n') + '\n';
    const doc = createDocument('p', '', { text, format: 'pdf', pages: [{ num: 1, start: 0, end: text.length }] });
    findTables(doc);
    return doc;
  };
  const lines = [
    '2024年度项目支出绩效自评表',
    '一级指标\t二级指标\t三级指标',
    '年度指标值',
    '实际完成值',
    '分值\t得分',
    '产出指标',
    '数量指标\t开展活动\t≥5次\t6次\t10\t10',
    '效益指标',
    '社会效益',
    '指标',
    '对科学的',
    '兴趣',
    '逐步渗透',
    '到大多数',
    '人',
    '100%\t10\t10',
    '提高素质\t逐年提升\t100%\t10\t10',
    '总分\t30\t30',
  ];
  it('rebuilds rows, leaves out a row it cannot split, and keeps that row’s labels for the rows under it', async () => {
    const doc = pdfDoc(lines);
    const { extractTables } = await import('../../src/extract/tables.js');
    doc.reportKind = 'project_self_eval';
    extractTables(doc);
    expect((doc.data.indicators as Indicator[]).map((r) => [r.level1, r.level2, r.level3, r.target?.text, r.actual?.text, r.weight, r.score])).toEqual([
      ['产出指标', '数量指标', '开展活动', '≥5次', '6次', 10, 10],
      ['效益指标', '社会效益指标', '提高素质', '逐年提升', '100%', 10, 10],
    ]);
    expect(doc.messages.map((m) => m.ruleId)).toContain('table_rows_unread');
    expect(factMap(doc)['/selfEvaluation/score']).toBe(30);
  });
  it('a title mentioned in prose far above the table is not used', () => {
    const filler = Array(30).fill('本单位认真组织开展各项工作，取得了较好的成效。');
    const doc = pdfDoc(['详见2024年度项目支出绩效自评表', ...filler, ...lines.slice(1)]);
    expect(doc.tables).toHaveLength(0);
    expect(doc.excluded).toHaveLength(0);
  });
});
