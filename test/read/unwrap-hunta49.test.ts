// A two-page report whose running header (the title, Word printing none over the first page) stands once, atop page 2:
// the ≥2-pages rule cannot see it, and the re-joining glued it into the sentence the page broke (`培训基层科普骨干3` +
// title + `20人次` → a count of 20). Dropped when it repeats the title between a paragraph's lines (runningLines.ts
// loneTitleHeader).
import { describe, expect, it } from 'vitest';
import { unwrapText } from '../../src/read/unwrap.js';
import { readAsFile, wrapLines } from './helpers.js';

const TITLE = '城步苗族自治县科学技术协会2022年度部门整体支出绩效自评报告';
const DUTY = '县科协是县委领导下的人民团体，主要职能是开展学术交流、普及科学知识、推广先进技术、开展青少年科技教育活动，为科技工作者服务。';
const MONEY = '2022年本单位收入合计165.42万元，其中一般公共预算财政拨款收入163.20万元，其他收入2.22万元。本年支出合计161.88万元，其中基本支出118.65万元，项目支出43.23万元。';
const STAFF = '本单位核定行政编制5名，工勤编制1名。截至2022年12月31日，实有在职人员6人，退休人员4人。';
const ACTS = '全年组织开展科普活动35场次，惠及群众1.2万人次；举办青少年科技创新大赛1届，参赛作品126件；培训基层科普骨干320人次。';
const CLOSE = '根据部门整体支出绩效评价指标体系，我会2022年度部门整体支出绩效自评得分为91.5分，等级为“优”。';

/** two pages, the second opening with `header`; the page breaks inside ACTS after its line ending `cutAfter` */
function twoPages(header: string | null, cutAfter: string, formFeed: boolean, title = [TITLE]) {
  const acts = wrapLines(ACTS);
  const cut = acts.findIndex((l) => l.endsWith(cutAfter));
  const p1 = [...title, '一、部门基本情况', ...wrapLines(DUTY), ...wrapLines(STAFF), ...wrapLines(MONEY), '二、部门整体支出绩效情况', ...acts.slice(0, cut + 1), '', '— 1 —'];
  const p2 = [...(header ? [header] : []), ...acts.slice(cut + 1), '三、自评结论', ...wrapLines(CLOSE), '', '— 2 —'];
  return { cut, text: [...p1, ...(formFeed ? ['\f'] : []), ...p2].join('\n') + '\n' };
}

describe('a running header standing once, atop the second of two pages', () => {
  for (const formFeed of [false, true]) {
    it(`the title repeated inside a broken count is dropped (${formFeed ? 'form feeds' : 'page marks only'})`, async () => {
      // (wrap at 26 em breaks `培训基层科普骨干320人次` inside its figure when cut after `3`)
      for (const cutAfter of ['干3', '干32', '；举办', '举办青少']) {
        const { cut, text } = twoPages(TITLE, cutAfter, formFeed);
        if (cut < 0) continue;
        const u = unwrapText(text)!;
        expect(u.runningLines, cutAfter).toBe(1);
        expect(u.text).toContain(ACTS);
        const { record } = await readAsFile(text);
        expect(record.activities.map((a) => [a.label, a.count]), cutAfter).toEqual([
          ['组织开展科普活动', 35], ['惠及群众', 12000], ['举办青少年科技创新大赛', 1], ['培训基层科普骨干', 320],
        ]);
        expect(record.meta.title).toBe(TITLE);
      }
    });
  }

  it('so is the title\'s first line, the unit, when the title stands over two lines', async () => {
    const unit = '城步苗族自治县科学技术协会';
    const { text } = twoPages(unit, '；举办', false, [unit, '2022年度部门整体支出绩效自评报告']);
    const u = unwrapText(text)!;
    expect(u.text).toContain(ACTS);
    expect((await readAsFile(text)).record.meta.title).toBe(TITLE);
  });

  it('negative: a line standing once that is not the title stays (a cell, a caption, a note)', () => {
    const { text } = twoPages('城步苗族自治县科学技术协会2022年度工作总结报告', '；举办', false);
    const u = unwrapText(text)!;
    expect(u.runningLines).toBe(0);
    expect(u.text).toContain('城步苗族自治县科学技术协会2022年度工作总结报告');
  });

  it('negative: the title opening page 2 under a signature or over a heading (a second copy) stays', () => {
    for (const [end, next] of [['2023年3月18日', '根据县财政局要求，现将我会2022年度部门整体支出绩效自评情况报告如下：'], ['情况良好，特此报告。', '一、部门基本情况']]) {
      const text = [TITLE, ...wrapLines(DUTY), ...wrapLines(STAFF), end, '', '— 1 —', '', TITLE, next, ...wrapLines(STAFF), '', '— 2 —'].join('\n') + '\n';
      const u = unwrapText(text)!;
      expect(u.runningLines, end).toBe(0);
      expect(u.text.split(TITLE).length - 1, end).toBe(2);
    }
  });
});
