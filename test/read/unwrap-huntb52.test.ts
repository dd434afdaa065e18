// huntb52: a page's bare number (`1`) under a full line of prose that ends inside a sentence, in text copied out of a PDF with no
// form feeds, is the page's number: joined into the paragraph it became a figure's first digits (`预算执行率为⏎1⏎97.74%` → 197.74).
import { describe, expect, it } from 'vitest';
import { unwrapText } from '../../src/read/unwrap.js';
import { readAsFile, wrapLines } from './helpers.js';

const TITLE = '青禾县科学技术协会2023年度部门整体支出绩效自评报告';
const DUTY = '县科协是县委领导下的人民团体，主要职能是开展学术交流、普及科学知识、推广先进技术、开展青少年科技教育活动，为科技工作者服务。';
const MONEY = '2023年部门预算年初安排162.38万元，年中追加预算12.50万元，调整后预算为174.88万元。全年实际支出172.16万元，预算执行率为98.44%。其中：基本支出128.06万元，项目支出44.10万元。';

/** the money paragraph broken by a page whose bare number sits between its lines, `around` blank lines on each side */
function withPageNumber(cutAfter: string, around = 0): string {
  const money = wrapLines(MONEY);
  const cut = money.findIndex((l) => l.endsWith(cutAfter));
  expect(cut).toBeGreaterThan(-1);
  const blank = Array(around).fill('');
  return [TITLE, '', '一、部门基本情况', ...wrapLines(DUTY), '二、部门整体支出情况', ...money.slice(0, cut + 1), ...blank, '1', ...blank, ...money.slice(cut + 1), '', '青禾县科学技术协会', '2024年4月25日'].join('\n') + '\n';
}

describe('a bare page number inside a paragraph of a wrapped text', () => {
  it('is dropped and the paragraph joined across it, no figure made of it', async () => {
    // (wrapLines breaks the money paragraph at 26 em; find the line the rate's figure opens after)
    const lines = wrapLines(MONEY);
    const at = lines.findIndex((l) => /^\d/.test(lines[lines.indexOf(l) + 1] ?? '') && !/[。：]$/.test(l));
    expect(at).toBeGreaterThan(-1);
    const text = withPageNumber(lines[at].slice(-3));
    const u = unwrapText(text)!;
    expect(u.text).toContain(MONEY);
    const { record } = await readAsFile(text);
    expect(record.finance.spendingTotal.budget).toBe(1748800);
    expect(record.finance.spendingTotal.actual).toBe(1721600);
    expect(record.finance.spendingTotal.executionRate).toBe(98.44);
  });

  it('also with blank lines around it', async () => {
    const lines = wrapLines(MONEY);
    for (const [i, l] of lines.entries()) {
      if (i + 1 >= lines.length || /[。：；]$/.test(l)) continue;
      const text = withPageNumber(l.slice(-3), 1);
      const { record } = await readAsFile(text);
      expect(record.finance.spendingTotal.executionRate).toBe(98.44);
      expect(record.finance.basic.actual).toBe(1280600);
    }
  });

  it('a page number after a line ending its sentence, and a figure alone under a label, stay where they are', () => {
    const table = ['科普活动场次', '36', '培训人次', '1860'];
    const text = [TITLE, '', ...wrapLines(DUTY), ...wrapLines(MONEY), '12', ...wrapLines(DUTY), ...table].join('\n') + '\n';
    const u = unwrapText(text)!;
    expect(u.pageNumbers).toBe(0);
    expect(u.text).toContain('\n12\n');
    expect(u.text).toContain('科普活动场次\n36\n培训人次\n1860');
  });
});
