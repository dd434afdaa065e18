// The tables at the end of seeds 001 and 002 (tab-separated dumps), checked against hand-read expectations.
import { describe, expect, it } from 'vitest';
import { corpusText, expected, factMap, seedDoc } from './helpers.js';
import { tsvTables } from '../../src/structure/tables.js';
import type { Indicator } from '../../src/schema/record.js';

describe('tab-separated grids (seed 001)', () => {
  const text = corpusText('seed001');
  const [t] = tsvTables(text);

  it('finds one table with 21 rows and exact cell offsets', () => {
    expect(tsvTables(text)).toHaveLength(1);
    expect(t.rows).toHaveLength(21);
    for (const c of t.rows.flat()) expect(text.slice(c.start, c.end)).toBe(c.text);
  });
  it('keeps empty leading cells so columns line up', () => {
    const budgetRow = t.rows[3];
    expect(budgetRow.map((c) => c.text)).toEqual(['', '年度资金总额', '43', '43', '28', '10分', '100%', '100']);
  });
  it('joins a vertical one-character label and cells split over lines', () => {
    const header = t.rows[9];
    expect(header[0].text).toBe('绩\n\n效\n\n指\n\n标');
    expect(header.map((c) => c.text.replace(/\s+/g, ''))).toEqual([
      '绩效指标', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施',
    ]);
    expect(t.rows[2][2].text).toBe('年初\n\n预算数');
  });
  it('ends the 效益指标 cell after its empty last paragraph, in the same row', () => {
    expect(t.rows[15].map((c) => c.text.replace(/\s+/g, ''))).toEqual(['', '效益指标（40分）', '经济效益指标', '推动我区经济高质量发展', '持续提升', '100%', '10', '10', '']);
  });
  it('ends the table at the 总分 row', () => {
    expect(t.rows[20].map((c) => c.text)).toEqual(['总分', '100分']);
    expect(text.slice(t.end)).toMatch(/^\s*$/);
  });
});

describe('tab-separated grids (seed 002)', () => {
  const text = corpusText('seed002');
  const tables = tsvTables(text);
  it('finds the three annex tables and none in the repeated copy', () => {
    expect(tables).toHaveLength(3);
    expect(tables.map((t) => t.rows.length)).toEqual([25, 21, 20]);
  });
  it('stops before the note and signature lines', () => {
    for (const t of tables) expect(text.slice(t.start, t.end)).not.toMatch(/说明：|填表人/);
  });
});

for (const seed of ['seed001', 'seed002'] as const) {
  describe(`${seed}: table extraction`, () => {
    const doc = seedDoc(seed);
    const want = expected(seed);

    it('gives every indicator row, hand-checked against the source table', () => {
      expect(doc.data.indicators).toEqual(want.indicators);
    });
    it('gives the 年度总体目标 texts', () => {
      expect(doc.data.goals).toEqual(want.goals);
    });
    it('gives finance / staffing / score facts from the table (no prose in this test)', () => {
      expect(factMap(doc)).toEqual(want.facts);
    });
    it('gives the named project of a 项目支出绩效自评表 in an overall report', () => {
      expect((doc.items.projects ?? []).map((p) => p.item)).toEqual(want.projects);
    });
    it('excludes the table regions from prose matching', () => {
      expect(doc.excluded.filter((x) => x.reason === 'table')).toHaveLength(doc.tables.length);
    });
    it('has evidence for every parsed cell value, pointing at the cell', () => {
      const ev = doc.data.indicatorEvidence as Record<string, { span: { start: number; end: number }; rule: string }>;
      const inds = doc.data.indicators as Indicator[];
      inds.forEach((row, i) => {
        for (const f of ['level1', 'level2', 'level3', 'target', 'actual', 'weight', 'score', 'note'] as const) {
          const e = ev[`/indicators/${i}/${f}`];
          if (row[f] === null) {
            expect(e).toBeUndefined();
            continue;
          }
          expect(e, `/indicators/${i}/${f}`).toBeDefined();
          const slice = doc.text.slice(e.span.start, e.span.end);
          expect(slice.trim()).toBe(slice);
          expect(slice.length).toBeGreaterThan(0);
          if (f === 'target' || f === 'actual') expect(slice.replace(/\s+/g, '')).toBe((row[f] as { text: string }).text);
          if (f === 'weight' || f === 'score') expect(Number(slice.replace(/[\s分]/g, ''))).toBe(row[f]);
        }
        expect(ev[`/indicators/${i}`]).toBeDefined();
      });
      for (const f of doc.facts) expect(doc.text.slice(f.span.start, f.span.end).length).toBeGreaterThan(0);
    });
  });
}
