// Statement tables of 决算/预算 disclosures (src/extract/accountsTables.ts) on small made-up tables.
import { describe, expect, it } from 'vitest';
import { factMap, tableDoc, textDoc } from './helpers.js';
import type { Fact, TableCell } from '../../src/document.js';
import type { ReportKind } from '../../src/schema/record.js';

const SUMMARY = [
  '收入支出决算总表',
  '单位：元',
  '收入\t支出',
  '项目\t行次\t金额\t项目\t行次\t金额',
  '一、一般公共预算财政拨款收入\t1\t2,815,310.00\t一、一般公共服务支出\t31\t2,100,000.00',
  '二、政府性基金预算财政拨款收入\t2\t0.00\t二、科学技术支出\t32\t615,310.00',
  '本年收入合计\t26\t2,815,310.00\t本年支出合计\t57\t2,715,310.00',
  '年初结转和结余\t28\t100,000.00\t年末结转和结余\t59\t200,000.00',
  '总计\t30\t2,915,310.00\t总计\t60\t2,915,310.00',
];
const SPENDING = ['', '支出决算表', '单位：元', '项目\t本年支出合计\t基本支出\t项目支出', '合计\t2,715,310.00\t2,100,000.00\t615,310.00'];
const codes = (doc: { messages: { ruleId: string }[] }) => doc.messages.map((m) => m.ruleId);

/** Table facts of a negative case, after checking that the table itself was found under its caption (a negative
 *  must not pass because the grid was missed). */
function none(lines: string[], kind: ReportKind | null, year: number) {
  const d = textDoc(lines, kind, year);
  expect(d.tables.map((t) => t.caption)).toContain(lines.find((l) => l && !l.includes('\t') && /表/.test(l))!.replace(/（单位.*$/, ''));
  return factMap(d);
}

describe('收入支出决算总表', () => {
  const doc = textDoc([...SUMMARY, ...SPENDING], 'final_accounts', 2022);
  it('reads each half under its own header: income left, spending right', () => {
    expect(factMap(doc)).toEqual({
      '/finance/fiscalAppropriation/income': 2815310,
      '/finance/incomeTotal': 2815310,
      '/finance/spendingTotal/actual': 2715310,
      '/finance/incomeGrandTotal': 2915310,
      '/finance/spendingGrandTotal': 2915310,
      '/finance/basic/actual': 2100000,
      '/finance/project/actual': 615310,
    });
  });
  it('evidence is the cell itself', () => {
    const f = doc.facts.find((x) => x.path === '/finance/incomeTotal')!;
    expect(doc.text.slice(f.span.start, f.span.end)).toBe('2,815,310.00');
    const g = doc.facts.find((x) => x.path === '/finance/spendingGrandTotal')!;
    expect(g.span.start).toBeGreaterThan(doc.text.indexOf('总计\t60'));
  });
  it('行次 is never money: without an amount column nothing is read', () => {
    expect(none(['收入支出决算总表', '单位：元', '项目\t行次\t项目\t行次', '本年收入合计\t26\t本年支出合计\t57', '总计\t30\t总计\t60'], 'final_accounts', 2022)).toEqual({});
  });
  it('行次 is never money: an empty amount cell gives nothing, not the line number', () => {
    const d = textDoc(['收入支出决算总表', '单位：元', '项目\t行次\t金额\t项目\t行次\t金额', '本年收入合计\t26\t\t本年支出合计\t57\t-', '总计\t30\t0.00\t总计\t60\t'], 'final_accounts', 2022);
    expect(factMap(d)).toEqual({ '/finance/incomeGrandTotal': 0 });
  });
  it('sides named by the item header (支出项目 first) are read as named', () => {
    const d = textDoc(['收入支出决算总表', '单位：元', '支出项目\t金额\t收入项目\t金额', '本年支出合计\t5.00\t本年收入合计\t7.00'], 'final_accounts', 2022);
    expect(factMap(d)).toEqual({ '/finance/spendingTotal/actual': 5, '/finance/incomeTotal': 7 });
  });
  it('a label on the wrong side is not read (本年收入合计 under 支出)', () => {
    expect(none(['收入支出决算总表', '单位：元', '收入\t支出', '项目\t金额\t项目\t金额', '本年支出合计\t5.00\t本年收入合计\t7.00'], 'final_accounts', 2022)).toEqual({});
  });
  it('a row that does not fit under the header is not read', () => {
    expect(none(['收入支出决算总表', '单位：元', '项目\t行次\t金额\t项目\t行次\t金额', '本年收入合计\t2,815,310.00\t本年支出合计\t57\t2,715,310.00'], 'final_accounts', 2022)).toEqual({});
  });
  it('单位：万元 scales every cell; a cell with its own unit keeps it', () => {
    const d = textDoc(['收入支出决算总表（单位：万元）', '项目\t金额\t项目\t金额', '本年收入合计\t298.16\t本年支出合计\t3015700元'], 'final_accounts', 2023);
    expect(factMap(d)).toEqual({ '/finance/incomeTotal': 2981600, '/finance/spendingTotal/actual': 3015700 });
  });
  it('金额单位：万元 as a cell of the table sets the unit', () => {
    const d = textDoc(['收入支出决算总表', '部门：某县科协\t\t金额单位：万元', '项目\t金额\t项目\t金额', '本年收入合计\t1.5\t本年支出合计\t2'], 'final_accounts', 2023);
    expect(factMap(d)).toEqual({ '/finance/incomeTotal': 15000, '/finance/spendingTotal/actual': 20000 });
  });
  it('no unit stated: no money, and a table_unit_unknown message', () => {
    const d = textDoc(['收入支出决算总表', '项目\t行次\t金额\t项目\t行次\t金额', '本年收入合计\t26\t298.16\t本年支出合计\t57\t301.57'], 'final_accounts', 2023);
    expect(factMap(d)).toEqual({});
    expect(codes(d).filter((c) => c === 'table_unit_unknown')).toHaveLength(1);
  });
  it('较上年增减 / 增减率 columns are not amounts', () => {
    expect(none(['收入支出决算总表', '单位：元', '项目\t较上年增减\t增减率\t项目\t较上年增减\t增减率', '本年收入合计\t12.00\t5%\t本年支出合计\t3.00\t1%'], 'final_accounts', 2023)).toEqual({});
  });
  it('the appropriation summary (财政拨款收入支出决算总表) is not the unit’s totals', () => {
    expect(none(['财政拨款收入支出决算总表', '单位：元', '项目\t行次\t金额\t项目\t行次\t金额', '本年收入合计\t26\t9.00\t本年支出合计\t57\t9.00', '总计\t30\t9.00\t总计\t60\t9.00'], 'final_accounts', 2023)).toEqual({});
  });
});

describe('captions and table numbers', () => {
  const lines = [
    '收入支出决算总表', '公开01表', '部门：某县科学技术协会\t\t\t金额单位：元', '收入\t支出', '项目\t行次\t金额\t项目\t行次\t金额',
    '栏次\t\t1\t栏次\t\t2', '本年收入合计\t26\t2,815,310.00\t本年支出合计\t57\t2,715,310.00',
    '支出决算表', '表3', '单位：元', '项目\t本年支出合计\t基本支出\t项目支出', '合计\t2,715,310.00\t2,100,000.00\t615,310.00',
  ];
  const d = textDoc(lines, 'final_accounts', 2022);
  it('a table number under the title (公开01表, 表3) is not the caption; the title above it is', () => {
    expect(d.tables.map((t) => t.caption)).toEqual(['收入支出决算总表', '支出决算表']);
  });
  it('tables one after the other without a blank line, a 栏次 row, 金额单位 in a cell', () => {
    expect(factMap(d)).toEqual({
      '/finance/incomeTotal': 2815310, '/finance/spendingTotal/actual': 2715310, '/finance/basic/actual': 2100000, '/finance/project/actual': 615310,
    });
  });
  it('a table number alone (no title above) leaves the table without a caption, and unread', () => {
    expect(factMap(textDoc(lines.slice(1, 7), 'final_accounts', 2022))).toEqual({});
  });
});

describe('prose first', () => {
  const prose = (path: string, value: number): Fact => ({ path, value, span: { start: 0, end: 1 }, rule: 'prose', source: 'prose' });
  it('a prose value that differs is kept; the table cell warns', () => {
    const d = textDoc(SUMMARY, 'final_accounts', 2022, [prose('/finance/incomeTotal', 2981600)]);
    expect(factMap(d)['/finance/incomeTotal']).toBeUndefined();
    expect(d.messages.find((m) => m.ruleId === 'table_prose_mismatch')?.paths).toEqual(['/finance/incomeTotal']);
  });
  it('a prose value that agrees gives no warning and no second fact', () => {
    const d = textDoc(SUMMARY, 'final_accounts', 2022, [prose('/finance/incomeTotal', 2815310)]);
    expect(factMap(d)['/finance/incomeTotal']).toBeUndefined();
    expect(codes(d)).not.toContain('table_prose_mismatch');
  });
});

describe('spending tables', () => {
  it('支出决算表 with code and name columns, 栏次 row, 人员经费/公用经费 columns', () => {
    const d = textDoc([
      '支出决算表', '单位：元',
      '科目编码\t科目名称\t本年支出合计\t基本支出\t人员经费\t公用经费\t项目支出',
      '栏次\t\t1\t2\t3\t4\t5',
      '合计\t\t300.00\t200.00\t150.00\t50.00\t100.00',
      '201\t一般公共服务支出\t300.00\t200.00\t150.00\t50.00\t100.00',
    ], 'final_accounts', 2023);
    expect(factMap(d)).toEqual({
      '/finance/spendingTotal/actual': 300, '/finance/basic/actual': 200, '/finance/basic/personnel': 150,
      '/finance/basic/publicUse': 50, '/finance/project/actual': 100,
    });
  });
  it('the unit\'s 支出决算表 gives basic/project even when the appropriation\'s table is printed first', () => {
    const d = textDoc([
      '一般公共预算财政拨款支出决算表', '单位：元', '项目\t本年支出合计\t基本支出\t项目支出', '合计\t250.00\t180.00\t70.00',
      '', '支出决算表', '单位：元', '项目\t本年支出合计\t基本支出\t项目支出', '合计\t300.00\t200.00\t100.00',
    ], 'final_accounts', 2023);
    expect(factMap(d)).toEqual({
      '/finance/spendingTotal/actual': 300, '/finance/basic/actual': 200, '/finance/project/actual': 100,
      '/finance/fiscalAppropriation/spending': 250,
    });
  });
  it('a 合计 label written once over two label columns: values counted from the right', () => {
    const d = textDoc(['支出决算表', '单位：元', '科目编码\t科目名称\t本年支出合计\t基本支出\t项目支出', '合计\t300.00\t200.00\t100.00'], 'final_accounts', 2023);
    expect(factMap(d)).toEqual({ '/finance/spendingTotal/actual': 300, '/finance/basic/actual': 200, '/finance/project/actual': 100 });
  });
  it('一般公共预算财政拨款支出决算表: its total is the appropriation’s spending, not 支出合计; alone, its parts are the unit’s (nothing says other money paid a part)', () => {
    const d = textDoc(['一般公共预算财政拨款支出决算表', '单位：元', '项目\t本年支出\t\t', '科目名称\t小计\t基本支出\t项目支出', '合计\t289.00\t173.00\t116.00'], 'final_accounts', 2023);
    expect(factMap(d)).toEqual({ '/finance/fiscalAppropriation/spending': 289, '/finance/basic/actual': 173, '/finance/project/actual': 116 });
  });
  it('…but not when the text states other income (事业收入 above zero): its parts are a part of the unit’s', () => {
    const d = textDoc(['二、事业收入20.00元。', '一般公共预算财政拨款支出决算表', '单位：元', '项目\t本年支出\t\t', '科目名称\t小计\t基本支出\t项目支出', '合计\t289.00\t173.00\t116.00'], 'final_accounts', 2023);
    expect(factMap(d)).toEqual({ '/finance/fiscalAppropriation/spending': 289 });
  });
  it('its parts are the unit’s when its total is the unit’s 本年支出合计', () => {
    const prose = { path: '/finance/spendingTotal/actual', value: 289, span: { start: 0, end: 1 }, rule: 'prose', source: 'prose' as const, raw: '289.00元' };
    const d = textDoc(['一般公共预算财政拨款支出决算表', '单位：元', '项目\t本年支出\t\t', '科目名称\t小计\t基本支出\t项目支出', '合计\t289.00\t173.00\t116.00'], 'final_accounts', 2023, [prose]);
    expect(factMap(d)).toEqual({ '/finance/fiscalAppropriation/spending': 289, '/finance/basic/actual': 173, '/finance/project/actual': 116 });
  });
  it('a header over two lines whose second line starts blank (　| 小计 | 基本支出 | 项目支出)', () => {
    const d = textDoc(['收入支出决算总表', '单位：元', '收入\t\t支出\t', '项目\t决算数\t项目\t决算数', '本年收入合计\t289.00\t本年支出合计\t289.00', '一般公共预算财政拨款支出决算表', '单位：元', '项目\t本年支出\t\t', '\t小计\t基本支出\t项目支出', '合计\t289.00\t173.00\t116.00'], 'final_accounts', 2023);
    expect(factMap(d)).toMatchObject({ '/finance/fiscalAppropriation/spending': 289, '/finance/basic/actual': 173, '/finance/project/actual': 116 });
  });
  it('基本支出 twice in the header (年初预算数 … | 决算数 …) is not read', () => {
    expect(none(['一般公共预算财政拨款支出决算表', '单位：元', '项目\t合计\t基本支出\t项目支出\t合计\t基本支出\t项目支出', '合计\t1.00\t1.00\t0.00\t2.00\t2.00\t0.00'], 'final_accounts', 2023)).toEqual({});
  });
  const BASIC_TABLE = [
    '一般公共预算财政拨款基本支出决算表', '单位：元',
    '人员经费\t\t\t公用经费\t\t',
    '科目编码\t科目名称\t决算数\t科目编码\t科目名称\t决算数',
    '301\t工资福利支出\t1,400,000.00\t302\t商品和服务支出\t216,300.00',
    '303\t对个人和家庭的补助\t121,600.00\t\t\t',
    '人员经费合计\t\t1,521,600.00\t公用经费合计\t\t216,300.00',
  ];
  const stated = (path: string, value: number) => ({ path, value, span: { start: 0, end: 1 }, rule: 'prose', source: 'prose' as const, raw: `${value}.00元` });
  it('基本支出决算表: 人员经费合计 / 公用经费合计 rows, value under the 决算数 column to the right (the appropriation paid for all the spending)', () => {
    const d = textDoc(BASIC_TABLE, 'final_accounts', 2023, [stated('/finance/spendingTotal/actual', 1737900), stated('/finance/fiscalAppropriation/spending', 1737900)]);
    expect(factMap(d)).toEqual({ '/finance/basic/personnel': 1521600, '/finance/basic/publicUse': 216300 });
  });
  it('the appropriation’s 基本支出决算表 alone: its parts are the unit’s; beside a spending total other money paid for part of: no one’s', () => {
    expect(factMap(textDoc(BASIC_TABLE, 'final_accounts', 2023))).toEqual({ '/finance/basic/personnel': 1521600, '/finance/basic/publicUse': 216300 });
    expect(factMap(textDoc(BASIC_TABLE, 'final_accounts', 2023, [stated('/finance/spendingTotal/actual', 2037900), stated('/finance/fiscalAppropriation/spending', 1737900)]))).toEqual({});
  });
  it('支出决算表 with 上年决算数 / 较上年增减 columns only: no category columns, nothing read', () => {
    expect(none(['支出决算表', '单位：元', '项目\t上年决算数\t较上年增减\t增减率', '合计\t100.00\t5.00\t5%'], 'final_accounts', 2023)).toEqual({});
  });
});

describe('"三公"经费表', () => {
  it('预算数 / 决算数 columns, 合计 row; 0.00 is a value', () => {
    const d = textDoc(['“三公”经费支出决算表', '单位：万元', '项目\t预算数\t决算数', '合计\t3.00\t0.00', '公务接待费\t1.00\t0.00'], 'final_accounts', 2023);
    expect(factMap(d)).toEqual({ '/finance/threePublic/budget': 30000, '/finance/threePublic/actual': 0 });
  });
  it('a year column counts for the report year only; 较上年增减 and 增减率 are not totals', () => {
    const d = textDoc(['一般公共预算财政拨款“三公”经费支出决算表', '单位：元', '项目\t2022年决算数\t2023年决算数\t较上年增减\t增减率', '小计\t26,000.00\t21,800.00\t-4,200.00\t-16.15%'], 'final_accounts', 2023);
    expect(factMap(d)).toEqual({ '/finance/threePublic/actual': 21800 });
  });
  it('- is nothing', () => {
    const d = textDoc(['“三公”经费支出决算表', '单位：元', '项目\t预算数\t决算数', '合计\t-\t21,800.00'], 'final_accounts', 2023);
    expect(factMap(d)).toEqual({ '/finance/threePublic/actual': 21800 });
  });
  it('groups 预算数 | 决算数 over repeated 合计 columns, a 栏次 row, one data row', () => {
    const d = textDoc([
      '“三公”经费支出决算表', '单位：元',
      '预算数\t决算数',
      '合计\t因公出国（境）费\t公务用车购置及运行费\t公务接待费\t合计\t因公出国（境）费\t公务用车购置及运行费\t公务接待费',
      '1\t2\t3\t4\t5\t6\t7\t8',
      '30,000.00\t0.00\t10,000.00\t20,000.00\t21,800.00\t0.00\t9,200.00\t12,600.00',
    ], 'final_accounts', 2023);
    expect(factMap(d)).toEqual({ '/finance/threePublic/budget': 30000, '/finance/threePublic/actual': 21800 });
  });
  it('groups whose data row does not fit under the 合计 columns give nothing', () => {
    expect(none([
      '“三公”经费支出决算表', '单位：元',
      '预算数\t决算数',
      '合计\t因公出国（境）费\t公务用车购置及运行费\t公务接待费\t合计\t因公出国（境）费\t公务用车购置及运行费\t公务接待费',
      '30,000.00\t0.00\t4,000.00\t6,000.00\t20,000.00\t21,800.00\t0.00\t3,000.00\t6,200.00\t12,600.00',
    ], 'final_accounts', 2023)).toEqual({});
  });
  it('rows 预算数 / 决算数 under a 合计 column', () => {
    const d = textDoc(['“三公”经费支出决算表', '单位：元', '项目\t合计\t因公出国（境）费\t公务用车购置及运行费\t公务接待费', '预算数\t30,000.00\t0.00\t10,000.00\t20,000.00', '决算数\t21,800.00\t0.00\t9,200.00\t12,600.00'], 'final_accounts', 2023);
    expect(factMap(d)).toEqual({ '/finance/threePublic/budget': 30000, '/finance/threePublic/actual': 21800 });
  });
});

describe('budget disclosures and other reports', () => {
  const budgetTables = [
    '收支预算总表', '单位：万元',
    '收入\t\t支出\t',
    '项目\t预算数\t项目\t预算数',
    '一般公共预算拨款收入\t180.30\t一般公共服务支出\t100.00',
    '本年收入合计\t180.30\t本年支出合计\t186.30',
    '收入总计\t186.30\t支出总计\t186.30',
    '',
    '支出预算表', '单位：万元',
    '项目\t合计\t基本支出\t项目支出',
    '合计\t186.30\t121.50\t64.80',
    '',
    '一般公共预算基本支出表', '单位：万元',
    '项目\t合计\t人员经费\t公用经费',
    '合计\t121.50\t106.10\t15.40',
    '',
    '一般公共预算“三公”经费支出表', '单位：万元',
    '项目\t本年预算数\t上年预算数',
    '合计\t1.80\t1.80',
  ];
  it('a budget disclosure’s tables fill only the budget fields', () => {
    const d = textDoc(budgetTables, 'budget', 2025);
    expect(factMap(d)).toEqual({
      '/finance/spendingTotal/budget': 1863000,
      '/finance/basic/budget': 1215000,
      '/finance/project/budget': 648000,
      '/finance/basic/personnelBudget': 1061000,
      '/finance/basic/publicUseBudget': 154000,
      '/finance/threePublic/budget': 18000,
    });
  });
  it('a budget disclosure does not read a 决算 table, a 决算 disclosure not a 预算 table', () => {
    expect(none(SPENDING, 'budget', 2022)).toEqual({});
    expect(none(budgetTables.slice(8, 12), 'final_accounts', 2025)).toEqual({});
  });
  it('a self-evaluation report reads a table by its caption’s word; a project report never', () => {
    expect(factMap(textDoc(SPENDING, 'overall_self_eval', 2022))['/finance/basic/actual']).toBe(2100000);
    expect(none(SPENDING, 'project_self_eval', 2022)).toEqual({});
    expect(none(['', '支出表', '单位：元', '项目\t合计\t基本支出\t项目支出', '合计\t3.00\t2.00\t1.00'], 'other', 2022)).toEqual({});
  });
  it('a 绩效自评表 with a 合计 row and category columns is not a statement', () => {
    expect(none(['2023年度部门整体支出绩效自评表', '单位：元', '项目\t合计\t基本支出\t项目支出', '合计\t3.00\t2.00\t1.00'], 'final_accounts', 2023)).toEqual({});
  });
});

describe('Word tables (merged cells repeated)', () => {
  // cells as paragraphs of the text; '<' repeats the cell to the left, '^' the cell above (merged: true)
  function wordDoc(caption: string, grid: string[][], kind: ReportKind | null, year: number) {
    let text = `某县科学技术协会${year}年度部门决算\n\n${caption}\n单位：元\n`;
    const rows: TableCell[][] = [];
    const start = text.length;
    for (const spec of grid) {
      const row: TableCell[] = [];
      spec.forEach((s, i) => {
        if (s === '<') row.push({ ...row[i - 1], merged: true });
        else if (s === '^') row.push({ ...rows[rows.length - 1][i], merged: true });
        else {
          row.push({ start: text.length, end: text.length + s.length, text: s });
          text += s + '\n';
        }
      });
      rows.push(row);
    }
    return tableDoc({ text, format: 'docx', pages: null, tables: [{ start, end: text.length, rows, origin: 'docx' }] }, kind, year);
  }
  it('收入支出决算总表 with 收入/支出 spread over three columns and 合计 labels merged over 项目+行次', () => {
    const d = wordDoc('收入支出决算总表', [
      ['收入', '<', '<', '支出', '<', '<'],
      ['项目', '行次', '金额', '项目', '行次', '金额'],
      ['本年收入合计', '<', '298.00', '本年支出合计', '<', '301.00'],
      ['总计', '<', '312.00', '总计', '<', '312.00'],
    ], 'final_accounts', 2023);
    expect(factMap(d)).toEqual({
      '/finance/incomeTotal': 298, '/finance/spendingTotal/actual': 301, '/finance/incomeGrandTotal': 312, '/finance/spendingGrandTotal': 312,
    });
    const f = d.facts.find((x) => x.path === '/finance/spendingTotal/actual')!;
    expect(d.text.slice(f.span.start, f.span.end)).toBe('301.00');
  });
  it('支出决算表 with 基本支出 spread over 人员经费 | 公用经费: the group is not a column', () => {
    const d = wordDoc('支出决算表', [
      ['项目', '本年支出合计', '基本支出', '<', '项目支出'],
      ['^', '^', '人员经费', '公用经费', '^'],
      ['合计', '300.00', '150.00', '50.00', '100.00'],
    ], 'final_accounts', 2023);
    expect(factMap(d)).toEqual({
      '/finance/spendingTotal/actual': 300, '/finance/basic/personnel': 150, '/finance/basic/publicUse': 50, '/finance/project/actual': 100,
    });
  });
  it('"三公"经费表 with 预算数/决算数 groups over 合计 columns and 公务用车 split in two', () => {
    const d = wordDoc('“三公”经费支出决算表', [
      ['预算数', '<', '<', '<', '<', '决算数', '<', '<', '<', '<'],
      ['合计', '因公出国（境）费', '公务用车购置及运行费', '<', '公务接待费', '合计', '因公出国（境）费', '公务用车购置及运行费', '<', '公务接待费'],
      ['^', '^', '购置费', '运行费', '^', '^', '^', '购置费', '运行费', '^'],
      ['30,000.00', '0.00', '0.00', '10,000.00', '20,000.00', '21,800.00', '0.00', '0.00', '9,200.00', '12,600.00'],
    ], 'final_accounts', 2023);
    expect(factMap(d)).toEqual({ '/finance/threePublic/budget': 30000, '/finance/threePublic/actual': 21800 });
  });
});

describe('lines above a reader’s grid (PDF and Word forms: parts set apart by a wide gap, written as \\t)', () => {
  // the reader's grid under the given lines (no tab-separated text table is looked for when a reader gives grids)
  function formDoc(above: string[], grid: string[][], kind: ReportKind | null, year: number) {
    let text = `某县科学技术协会${year}年度部门决算\n` + above.map((l) => l + '\n').join('');
    const start = text.length;
    const rows: TableCell[][] = [];
    for (const spec of grid) {
      rows.push(spec.map((s, i) => {
        const c: TableCell = { start: text.length, end: text.length + s.length, text: s };
        text += s + (i + 1 < spec.length ? '\t' : '\n');
        return c;
      }));
    }
    return tableDoc({ text, format: 'pdf', pages: null, tables: [{ start, end: text.length, rows, origin: 'pdf' }] }, kind, year);
  }
  const GRID = [['项目', '行次', '金额', '项目', '行次', '金额'], ['本年收入合计', '26', '298.16', '本年支出合计', '57', '301.57']];
  it('title ⇥ table number, then 部门：… ⇥ 金额单位：万元: the title is the caption, the unit line sets the unit', () => {
    const d = formDoc(['收入支出决算总表\t公开01表', '部门：某县科学技术协会\t金额单位：万元'], GRID, 'final_accounts', 2023);
    expect(d.tables[0].caption).toBe('收入支出决算总表');
    expect(factMap(d)).toEqual({ '/finance/incomeTotal': 2981600, '/finance/spendingTotal/actual': 3015700 });
  });
  it('a table number alone on the title’s line and a unit with a label: still the title above', () => {
    const d = formDoc(['收入支出决算总表', '公开01表', '编制单位：某县科学技术协会\t\t单位：元'], GRID, 'final_accounts', 2023);
    expect(d.tables[0].caption).toBe('收入支出决算总表');
    expect(factMap(d)['/finance/incomeTotal']).toBe(298.16);
  });
  it('negative: a line with a figure between the title and the grid is a row, not a form line (no caption, nothing read)', () => {
    const d = formDoc(['收入支出决算总表', '本年收入合计\t298.16\t金额单位：万元'], GRID, 'final_accounts', 2023);
    expect(d.tables[0].caption).toBeUndefined();
    expect(factMap(d)).toEqual({});
  });
  it('negative: a unit line with no title above leaves the table without a caption, and unread', () => {
    const d = formDoc(['部门：某县科学技术协会\t金额单位：元'], GRID, 'final_accounts', 2023);
    expect(d.tables[0].caption).toBeUndefined();
    expect(factMap(d)).toEqual({});
  });
});
