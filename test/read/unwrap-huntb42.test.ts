// pdftotext's running header (the page's first line after the form feed) is dropped before the paragraphs are
// re-joined: left in place it was glued into the sentence the page broke (`…事业编制` + header + `2名`).
import { describe, expect, it } from 'vitest';
import { unwrapText } from '../../src/read/unwrap.js';
import { readAsFile, wrapLines } from './helpers.js';

const TITLE = '2023年度长宁区科学技术协会部门整体支出绩效自评报告';
const HEADER = '长宁区科学技术协会2023年度部门整体支出绩效自评报告';
const DUTY = '区科协是区委领导下的人民团体，主要职能是开展学术交流、普及科学知识、推广先进技术、开展青少年科技教育活动，为科技工作者服务。';
const STAFF = '截至2023年12月31日，区科协核定行政编制4名，事业编制2名，实有在职人员6人，退休人员3人。';
const MONEY = '2023年部门预算年初安排162.38万元，年中追加预算12.50万元，调整后预算为174.88万元。全年实际支出172.16万元，预算执行率为98.44%。其中：基本支出128.06万元，占74.38%；项目支出44.10万元，占25.62%。';
const ACTS = '全年组织开展科普日、科技活动周等主题活动26场，受益群众约3.5万人次；举办青少年科技创新大赛1次，参赛作品216件；发放科普资料1.2万份，培训基层科普骨干380人次。';

/** pages of printed lines: each page after the first opens with the header, each ends with its number */
const paged = (pages: string[][], header = HEADER) => pages.map((p, i) => [...(i ? [header] : []), ...p, '', `- ${i + 1} -`].join('\n')).join('\n\f') + '\n';

describe('running headers in text copied out of a PDF', () => {
  const staff = wrapLines(STAFF);
  const money = wrapLines(MONEY);
  // (the page breaks after 事业编制, before 2名)
  const cut = staff.findIndex((l) => l.endsWith('事业编制'));
  const pages = [
    [TITLE, '', '一、部门基本情况', '（一）部门职能', ...wrapLines(DUTY), '（二）人员编制', ...staff.slice(0, cut + 1)],
    [...staff.slice(cut + 1), '二、部门整体支出情况', ...money.slice(0, 3)],
    [...money.slice(3), '三、绩效目标完成情况', ...wrapLines(ACTS), '', '长宁区科学技术协会', '2024年4月25日'],
  ];

  it('the header on every page after the first is dropped, the paragraph broken by the page joined across it', async () => {
    expect(cut).toBeGreaterThan(-1);
    const text = paged(pages);
    const u = unwrapText(text)!;
    expect(u.runningLines).toBe(2);
    expect(u.text).not.toContain(HEADER);
    expect(u.text).toContain(STAFF);
    expect(u.text).toContain(MONEY);
    const { record } = await readAsFile(text);
    expect(record.staffing.authorized).toBeNull(); // (before: 4, the 事业编制 glued to the header lost its count)
    expect(record.staffing.authorizedAdministrative).toBe(4);
    expect(record.staffing.authorizedInstitutional).toBe(2);
    expect(record.meta.title).toBe(TITLE);
    expect(record.meta.unitName).toBe('长宁区科学技术协会');
    expect(record.finance.spendingTotal.executionRate).toBe(98.44);
    expect(record.activities.every((a) => !a.label.includes('自评报告'))).toBe(true);
  });

  it('the same without form feeds, next to a dropped `- 2 -`', async () => {
    const text = paged(pages).replace(/\f/g, '');
    const u = unwrapText(text)!;
    expect(u.runningLines).toBe(2);
    expect(u.text).toContain(STAFF);
    const { record } = await readAsFile(text);
    expect(record.staffing.authorizedInstitutional).toBe(2);
    expect(record.staffing.authorized).toBeNull();
  });

  it('a header with the page\'s number beside it, a short one naming the unit, one over a rule', async () => {
    for (const head of [(i: number) => [`${HEADER}    ${i + 1}`], () => ['长宁区科协', ''], () => [HEADER, '——————————————']]) {
      const text = pages.map((p, i) => [...(i ? head(i) : []), ...p, '', `${i + 1}`].join('\n')).join('\n\f') + '\n';
      const u = unwrapText(text)!;
      expect(u.text).toContain(STAFF);
      expect(u.text).not.toContain('———');
      const { record } = await readAsFile(text);
      expect(record.staffing.authorizedInstitutional).toBe(2);
      expect(record.staffing.authorized).toBeNull();
      expect(record.problems).toEqual([]);
    }
  });

  it('negative: titles alike atop each page (one project\'s report a page) are no running line', () => {
    const names = ['科普日', '科普大篷车', '青少年科技'];
    const text = names.map((n, i) => [`2023年度${n}项目支出绩效自评报告`, ...wrapLines(MONEY), '', `- ${i + 1} -`].join('\n')).join('\n\f') + '\n';
    const u = unwrapText(text)!;
    expect(u.runningLines).toBe(0);
    for (const n of names) expect(u.text).toContain(`2023年度${n}项目支出绩效自评报告\n`);
  });

  it('negative: the title opening the first page stays, also when the header repeats it word for word', async () => {
    const text = paged(pages, TITLE);
    const u = unwrapText(text)!;
    expect(u.text.startsWith(TITLE + '\n')).toBe(true);
    expect(u.text.split(TITLE).length - 1).toBe(1);
    expect((await readAsFile(text)).record.meta.title).toBe(TITLE);
  });

  it('the header on the first page too, over the title: dropped there as well (the title is the report\'s own)', async () => {
    for (const head of ['长宁区科学技术协会', HEADER]) {
      const text = pages.map((p, i) => [head, '', ...p, '', `- ${i + 1} -`].join('\n')).join('\n\f') + '\n';
      const { record } = await readAsFile(text);
      expect(record.meta.title).toBe(TITLE);
      expect(record.staffing.authorizedInstitutional).toBe(2);
    }
  });

  it('negative: a title over two lines whose first is the header\'s words stays whole', async () => {
    const first = ['长宁区科学技术协会', '2023年度部门整体支出绩效自评报告', ...pages[0].slice(1)];
    const text = [first, ...pages.slice(1)].map((p, i) => [...(i ? ['长宁区科学技术协会', ''] : []), ...p, '', `- ${i + 1} -`].join('\n')).join('\n\f') + '\n';
    const u = unwrapText(text)!;
    expect(u.runningLines).toBe(2);
    expect(u.text.startsWith('长宁区科学技术协会\n2023年度部门整体支出绩效自评报告\n')).toBe(true);
    expect((await readAsFile(text)).record.meta.title).toBe('长宁区科学技术协会2023年度部门整体支出绩效自评报告');
  });

  it('negative: a signature ending the last page stays; a line at the top of one page of three is no running line', () => {
    const once = [pages[0], [HEADER, ...pages[1]], pages[2]].map((p, i) => [...p, '', `- ${i + 1} -`].join('\n')).join('\n\f') + '\n';
    const u = unwrapText(once)!;
    expect(u.runningLines).toBe(0);
    expect(u.text).toContain(HEADER);
    expect(u.text).toContain('\n长宁区科学技术协会\n2024年4月25日');
  });

  it('negative: a table\'s unit line or a field line repeated at the top of every page is no running line', () => {
    const unit = [pages[0], ['单位：万元', ...pages[1]], ['单位：万元', ...pages[2]]].map((p, i) => [...p, '', `- ${i + 1} -`].join('\n')).join('\n\f') + '\n';
    const u = unwrapText(unit)!;
    expect(u.runningLines).toBe(0);
    expect(u.text.split('单位：万元').length - 1).toBe(2);
  });
});
