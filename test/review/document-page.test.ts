import { describe, expect, it } from 'vitest';
import { renderDocumentPage } from '../../src/review/document-page.js';
import { fieldDef, leafPointers } from '../../src/review/fields.js';
import { emptyRecord, INJECT, INJECT_IMG, seed000, synthetic } from './fixtures.js';
import { readHighlight, textContainer } from './html.js';

describe('renderDocumentPage', () => {
  const syn = synthetic();
  const page = renderDocumentPage(syn.record, syn.text, { pages: [{ num: 1, start: 0, end: 100 }, { num: 2, start: 100, end: syn.text.length }] });

  it('shows the text exactly, with every placeable evidence span covering exactly its offsets', () => {
    const seen = readHighlight(textContainer(page));
    expect(seen.text).toBe(syn.text);
    const byPath = new Map([...seen.spans.values()].map((s) => [s.attrs['data-path'], s]));
    for (const [path, ev] of Object.entries(syn.record.evidence)) {
      if (ev.end > syn.text.length) {
        expect(byPath.has(path), path).toBe(false);
        continue;
      }
      const s = byPath.get(path)!;
      expect(s, path).toBeDefined();
      expect(s.start, path).toBe(ev.start);
      expect(s.text, path).toBe(syn.text.slice(ev.start, ev.end));
      expect(s.attrs['data-rule']).toBe(ev.rule);
    }
  });

  it('nests the project budget span inside the project span', () => {
    const seen = readHighlight(textContainer(page));
    const spans = [...seen.spans.entries()];
    const project = spans.find(([, s]) => s.attrs['data-path'] === '/projects/0')![0];
    const budget = spans.find(([, s]) => s.attrs['data-path'] === '/projects/0/budget')![1];
    expect(budget.inside).toContain(project);
  });

  it('escapes every piece of document text: nothing injected survives as markup', () => {
    expect(page).not.toContain(INJECT);
    expect(page).not.toContain(INJECT_IMG);
    expect(page).not.toContain('<b>report</b>');
    expect(page).toContain('&lt;script&gt;window.__pwned = 1&lt;/script&gt;');
    // only our own script element
    expect(page.match(/<script\b/g)).toHaveLength(1);
    expect(page).not.toMatch(/<img\b/);
  });

  it('is self-contained: no external requests, scripts pinned by a CSP hash', () => {
    expect(page).not.toMatch(/\b(src|href)="(https?:)?\/\//);
    expect(page).not.toMatch(/@import|url\(/);
    expect(page).toMatch(/Content-Security-Policy" content="default-src 'none';[^"]*script-src 'sha256-[A-Za-z0-9+/=]+'/);
  });

  it('shows money as yuan and 万元, and counts as numbers', () => {
    expect(page).toContain('1,000,000 元<span class="wan">100 万元</span>');
    expect(page).toContain('198,400 元<span class="wan">19.84 万元</span>');
    expect(page).toMatch(/data-path="\/finance\/basic\/actual"[^>]*data-value="1,000,000 元（100 万元）"/);
    expect(page).toContain('10,000余 人次');
  });

  it('lists null fields as not found', () => {
    const notFound = page.match(/<section class="notfound">([\s\S]*?)<\/section>/)![1];
    for (const label of ['收入总计', '三公经费支出', '行政编制', '事业编制', '存在的问题']) {
      expect(notFound).toContain(label);
    }
    expect(notFound).not.toContain('>编制<');
    expect(page).toMatch(/<tr class="field g-finance nf" data-path="\/finance\/incomeGrandTotal"><th><span[^>]*>收入总计<\/span><\/th><td>未找到/);
  });

  it('shows a sum warning with both numbers, on the fields and on the spans', () => {
    expect(page).toContain('人员经费 600,000 元 + 公用经费 300,000 元 = 900,000 元；基本支出 1,000,000 元；相差 100,000 元');
    expect(page).toMatch(/<tr class="field g-finance warn" data-path="\/finance\/basic\/personnel"/);
    expect(page).toMatch(/class="ev g-finance has-warn" tabindex="0" data-ev="\d+" data-g="finance" data-path="\/finance\/basic\/actual"/);
  });

  it('flags evidence that is out of range or does not match the text', () => {
    const problems = page.match(/<section class="evidence-problems warnings">([\s\S]*?)<\/section>/)![1];
    expect(problems).toContain('/finance/incomeTotal');
    expect(problems).toContain('/finance/spendingTotal/actual');
    expect(page).toMatch(/class="ev g-finance mismatch"/);
  });

  it('links outline entries to their headings and form fields to their spans', () => {
    expect(page).toMatch(/<a class="jump" href="#hd-0"><span class="ord">一、<\/span>基本情况<\/a>/);
    const ev = readHighlight(textContainer(page));
    const id = [...ev.spans.entries()].find(([, s]) => s.attrs['data-path'] === '/staffing/authorized')![0];
    expect(page).toContain(`<a class="jump" href="#ev-${id}" title="/staffing/authorized">编制</a>`);
  });

  it('renders indicator rows as a table and page markers between characters', () => {
    expect(page).toMatch(/<caption>2023年度部门整体支出绩效自评表&lt;script&gt;/);
    expect(page).toContain('<td>科普活动场次</td><td>≥10场</td><td>12场</td><td>10</td><td>10</td>');
    expect(page).toContain('<span class="pg" data-page="2"></span>');
    expect(page).not.toContain('data-page="1"></span>');
  });

  it('has a Chinese label for every field of the record', () => {
    const r = emptyRecord('x');
    r.projects.push({ name: 'p', budget: 1, adjustment: 1, actual: 1, carryover: 1 });
    r.activities.push({ label: 'a', count: 1, unit: '场', approx: null });
    r.indicators.push({ table: null, level1: null, level2: null, level3: 'x', target: null, actual: null, weight: null, score: null, note: null });
    r.problems.push('p');
    r.improvements.push('i');
    const skip = /^\/(schemaVersion|extractorVersion|source|outline|evidence|warnings)\b/;
    const unlabelled = leafPointers(r)
      .filter((p) => !skip.test(p))
      .map((p) => p.replace(/^(\/indicators\/\d+\/(?:target|actual))\/.*/, '$1'))
      .filter((p) => !fieldDef(p) || !/[\u4e00-\u9fff]/.test(fieldDef(p)!.label));
    expect(unlabelled).toEqual([]);
  });

  it('renders an empty record and empty text without failing', () => {
    const empty = renderDocumentPage(emptyRecord('empty.txt'), '');
    expect(empty).toContain('未识别到标题');
    expect(readHighlight(textContainer(empty)).text).toBe('');
  });

  it('renders the real seed 000 text with its hand-read record', () => {
    const { record, text } = seed000();
    const p = renderDocumentPage(record, text);
    const seen = readHighlight(textContainer(p));
    expect(seen.text).toBe(text);
    expect(seen.spans.size).toBe(Object.keys(record.evidence).length);
    for (const s of seen.spans.values()) expect(s.text).toBe(record.evidence[s.attrs['data-path']].text);
    expect(seen.headings.size).toBeGreaterThan(10);
    expect(p).toContain('基本支出');
    expect(p).toContain('149.83 万元');
  });
});
