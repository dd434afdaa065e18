// Statement tables of a 部门决算 disclosure published as PDF with ruled grids (corpus/synth-statements.pdf, built by
// scripts/fixtures/make_statements_pdf.py). The expected values are the figures drawn into the PDF by the
// generator, read off its tables: the prose 说明 states only 本年收入合计 / 本年支出合计; everything else is in
// a table cell only, so these tests go through the PDF grid → caption/unit → statement reader path.
import { beforeAll, describe, expect, it } from 'vitest';
import { extractFile } from '../../src/pipeline.js';
import type { KDocument } from '../../src/document.js';
import type { KepuRecord } from '../../src/schema/record.js';
import { corpus } from './helpers.js';

type Evidence = { start: number; end: number; page: number | null; text: string; rule: string };

let record: KepuRecord;
let doc: KDocument;
const ev = (path: string) => (record.evidence as Record<string, Evidence>)[path];

beforeAll(async () => {
  ({ record, doc } = await extractFile(corpus('synth-statements.pdf'), { ocr: false }));
}, 60_000);

describe('决算 statement tables in a PDF (ruled grids)', () => {
  it('is a 决算 disclosure of 2023', () => {
    expect(record.meta.reportKind).toBe('final_accounts');
    expect(record.meta.fiscalYear).toBe(2023);
  });

  it('the four grids are found and named by their title line, not by the table number or the unit line', () => {
    expect(doc.tables.map((t) => t.caption)).toEqual(['收入支出决算总表', '支出决算表', '“三公”经费支出决算表', '一般公共预算财政拨款基本支出决算表']);
  });

  it('收入支出决算总表 (公开01表, 部门：… ⇥ 金额单位：元): each half read under its own header, the 金额 column', () => {
    const f = record.finance;
    expect(f.fiscalAppropriation.income).toBe(1186400); // 一、一般公共预算财政拨款收入 | 1 | 1,186,400.00
    expect(f.incomeGrandTotal).toBe(1286400); // 总计 | 30 | 1,286,400.00 (收入)
    expect(f.spendingGrandTotal).toBe(1286400); // 总计 | 60 | 1,286,400.00 (支出)
    expect(ev('/finance/fiscalAppropriation/income')).toMatchObject({ text: '1,186,400.00', page: 2, rule: 'table.statement.summary.fiscalIncome' });
    expect(ev('/finance/incomeGrandTotal')).toMatchObject({ text: '1,286,400.00', page: 2, rule: 'table.statement.summary.incomeGrandTotal' });
    expect(ev('/finance/spendingGrandTotal')).toMatchObject({ text: '1,286,400.00', page: 2, rule: 'table.statement.summary.spendingGrandTotal' });
    // the spending total is the right-hand cell of the same row
    expect(ev('/finance/spendingGrandTotal').start).toBeGreaterThan(ev('/finance/incomeGrandTotal').end);
  });

  it('the prose totals stay the prose’s, and the agreeing table cells raise no warning', () => {
    expect(record.finance.incomeTotal).toBe(1236400);
    expect(record.finance.spendingTotal.actual).toBe(1198700);
    expect(ev('/finance/incomeTotal')).toMatchObject({ text: '本年收入合计1,236,400.00元', page: 1 });
    expect(record.warnings.map((w) => w.code)).not.toContain('table_prose_mismatch');
  });

  it('支出决算表 (单位：元): 基本支出 / 项目支出 in the 合计 row', () => {
    expect(record.finance.basic.actual).toBe(826500);
    expect(record.finance.project.actual).toBe(372200);
    expect(ev('/finance/basic/actual')).toMatchObject({ text: '826,500.00', page: 3, rule: 'table.statement.spending.basic' });
    expect(ev('/finance/project/actual')).toMatchObject({ text: '372,200.00', page: 3, rule: 'table.statement.spending.project' });
  });

  it('“三公”经费支出决算表 (number on the title’s line, 单位：万元): 预算数 / 决算数 groups over their 合计 columns', () => {
    expect(record.finance.threePublic.budget).toBe(30000); // 3.00 万元
    expect(record.finance.threePublic.actual).toBe(21600); // 2.16 万元
    expect(ev('/finance/threePublic/budget')).toMatchObject({ text: '3.00', page: 3 });
    expect(ev('/finance/threePublic/actual')).toMatchObject({ text: '2.16', page: 3 });
  });

  it('the 三公 grid keeps every column under a split header cell (公务用车购置及运行费 over 小计 | 购置费 | 运行费)', () => {
    const t = doc.tables.find((x) => x.caption === '“三公”经费支出决算表')!;
    const own = (r: number) => t.rows[r].filter((c) => !c.merged).map((c) => c.text);
    expect(t.rows.map((r) => r.length)).toEqual([12, 12, 12, 12, 12]);
    expect(own(2)).toEqual(['小计', '公务用车购置费', '公务用车运行费', '小计', '公务用车购置费', '公务用车运行费']);
    expect(own(4)).toEqual(['3.00', '0.00', '1.80', '0.00', '1.80', '1.20', '2.16', '0.00', '1.42', '0.00', '1.42', '0.74']);
    // 公务接待费 and the second group's 合计 span both header rows
    expect(t.rows[1][5]).toMatchObject({ text: '公务接待费', rowSpan: 2 });
    expect(t.rows[2][6]).toMatchObject({ text: '合计', merged: true });
  });

  it('支出决算表 with 科目编码 split into 类 | 款 | 项: the 合计 row across four label columns', () => {
    const t = doc.tables.find((x) => x.caption === '支出决算表')!;
    expect(t.rows[2].filter((c) => !c.merged).map((c) => c.text)).toEqual(['类', '款', '项']);
    expect(t.rows[4].map((c) => c.text)).toEqual(['合计', '合计', '合计', '合计', '1,198,700.00', '826,500.00', '372,200.00', '']);
  });

  it('evidence is the cell’s own text in the extracted text', () => {
    for (const [path, e] of Object.entries(record.evidence as Record<string, Evidence>)) {
      if (e.rule.startsWith('table.statement')) expect(doc.text.slice(e.start, e.end), path).toBe(e.text);
    }
  });

  it('negative: a table with no unit anywhere (基本支出决算表) gives no money and says so', () => {
    expect(record.finance.basic.personnel).toBeNull(); // 人员经费合计 701,300.00 is there, its unit is not
    expect(record.finance.basic.publicUse).toBeNull(); // 公用经费合计 125,200.00
    const w = record.warnings.filter((x) => x.code === 'table_unit_unknown');
    expect(w).toHaveLength(1);
    expect(w[0].message).toContain('基本支出决算表');
  });

  it('negative: 行次 and 栏次 are never money; no finance value comes from a table that is not there', () => {
    const numbers = new Set([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 26, 27, 28, 30, 31, 32, 33, 57, 58, 59, 60]);
    for (const [path, e] of Object.entries(record.evidence as Record<string, Evidence>)) {
      if (!path.startsWith('/finance/')) continue;
      expect(/^\d{1,2}$/.test(e.text), `${path}: ${e.text}`).toBe(false);
    }
    const values = JSON.stringify(record.finance).match(/\d+(\.\d+)?/g)!.map(Number);
    expect(values.filter((v) => numbers.has(v))).toEqual([]);
    expect(record.finance.fiscalAppropriation.spending).toBeNull(); // no 一般公共预算财政拨款支出决算表 in the file
  });
});
