import { describe, expect, it } from 'vitest';
import { renderIndexPage } from '../../src/review/index-page.js';
import { figuresOf, reviewRow, unitLabel, unitYears } from '../../src/review/figures.js';
import { INJECT, rec, sampleDocs, sampleRows, seed000 } from './fixtures.js';

describe('figures', () => {
  it('takes the stated total, else basic + project marked as derived', () => {
    const s0 = seed000().record;
    expect(figuresOf(s0)).toEqual({ total: 1615200, totalDerived: true, kepu: null });
    const r = rec('u', 2023, 'final_accounts', (x) => (x.finance.spendingTotal.actual = 5));
    expect(figuresOf(r).total).toBe(5);
  });

  it('counts 科普 projects by name, or the project of a 科普 project report', () => {
    const docs = sampleDocs();
    expect(figuresOf(docs[2].record).kepu).toBe(198400);
    expect(figuresOf(docs[4].record).kepu).toBe(280000);
  });

  it('gives a bare 县科协 its place from the region', () => {
    const s0 = seed000().record;
    expect(unitLabel(s0)).toBe('江华瑶族自治县科协');
  });

  it('keeps one figure per unit and year', () => {
    const dup = rec('甲县科学技术协会', 2023, 'overall_self_eval', (r) => (r.finance.spendingTotal.actual = 9));
    const { rows } = unitYears([...sampleRows(), reviewRow('dup.txt', null, dup)]);
    const jia2023 = rows.filter((r) => r.unit === '甲县科学技术协会' && r.year === 2023);
    expect(jia2023).toHaveLength(1);
    expect(jia2023[0].total).toBe(2_500_000); // the 决算 wins over the self-evaluation
  });
});

describe('renderIndexPage', () => {
  const page = renderIndexPage(sampleRows(), [
    { path: 'in/broken.pdf', code: 'no_text', message: `no text layer ${INJECT}` },
  ]);

  it('has one sortable row per document, with links', () => {
    const body = page.match(/<tbody>([\s\S]*?)<\/tbody>/)![1];
    expect(body.match(/<tr>/g)).toHaveLength(5);
    expect(page).toContain('<a href="seed000.html">seed000.txt</a>');
    expect(page).toContain('class="docs sortable"');
    expect(page).toMatch(/<th class="num" data-type="num"><button type="button">年度 year<\/button><\/th>/);
    expect(body).toContain('江华瑶族自治县科协');
    expect(body).toContain('部门整体支出绩效自评');
    expect(body).toContain('sum_mismatch_basic');
  });

  it('lists failures, escaped', () => {
    expect(page).toContain('<section class="card failures" id="failures">');
    expect(page).toContain('broken.pdf');
    expect(page).toContain('<code>no_text</code>');
    expect(page).not.toContain(INJECT);
    expect(page.match(/<script\b/g)).toHaveLength(1);
  });

  it('draws spending by year and by unit as inline SVG', () => {
    const year = page.match(/<div id="chart-year">([\s\S]*?)<\/div>/)![1];
    const unit = page.match(/<div id="chart-unit">([\s\S]*?)<\/div>/)![1];
    expect(year).toMatch(/^<svg viewBox/);
    for (const y of ['2022', '2023', '2024']) expect(year).toContain(`>${y}</text>`);
    // 2023: 甲 250 万 + 某县 130 万 (stated, even though its evidence is bad) = 380 万元
    expect(year).toContain('<title>2023 · 支出合计：380 万元</title>');
    // 2023 科普: 乙市 project report 28 万 + 某县 科普经费专项资金 19.84 万
    expect(year).toContain('<title>2023 · 科普项目支出：47.84 万元</title>');
    expect(unit).toContain('江华瑶族自治县科协');
    expect(page).not.toMatch(/\b(src|href)="(https?:)?\/\//);
  });

  it('renders with no rows at all', () => {
    const empty = renderIndexPage([], []);
    expect(empty).toContain('没有记录');
    expect(empty).toContain('还没有可用的支出数字');
  });
});
