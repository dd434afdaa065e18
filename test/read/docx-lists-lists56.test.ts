// A problems or improvements section's list set in a Word table holding that list alone (lists56): a label column naming the
// list (存在问题⇥1.…, the label cell merged down the rows) or one column (存在问题⏎1.…⏎2.…) — before, the table's lines were
// excluded as a table's and the list was empty.
import { describe, expect, it } from 'vitest';
import { extractBytes } from '../../src/pipeline.js';
import { docxOf, para } from './helpers.js';

const cell = (text: string, pr = '') => `<w:tc>${pr ? `<w:tcPr>${pr}</w:tcPr>` : ''}${text ? para(text) : '<w:p/>'}</w:tc>`;
const row = (...cells: string[]) => `<w:tr>${cells.join('')}</w:tr>`;
const table = (...rows: string[]) => `<w:tbl>${rows.join('')}</w:tbl>`;
const head = ['青禾县科学技术协会2023年度部门整体支出绩效自评报告', '一、部门基本情况', '县科协核定编制5名。'].map((t) => para(t)).join('');
const lists = async (body: string) => {
  const { record } = await extractBytes('t.docx', docxOf(head + body));
  return { problems: record.problems, improvements: record.improvements };
};

describe('a Word table holding one list (lists56)', () => {
  it('a label column merged down its rows: each row a problem (before: none)', async () => {
    const restart = '<w:vMerge w:val="restart"/>';
    const cont = '<w:vMerge/>';
    const body = para('二、存在的问题') + table(row(cell('存在问题', restart), cell('1.资金拨付滞后；')), row(cell('', cont), cell('2.宣传力度不够。')), row(cell('', cont), cell('3.专业人才缺乏。'))) + para('三、改进措施') + para('1.加强资金管理。');
    expect(await lists(body)).toEqual({ problems: ['资金拨付滞后', '宣传力度不够。', '专业人才缺乏。'], improvements: ['加强资金管理。'] });
  });

  it('one column under its title row: each cell a problem (before: none)', async () => {
    const body = para('二、存在的问题') + table(row(cell('存在问题')), row(cell('1.资金拨付滞后；')), row(cell('2.宣传力度不够。'))) + para('三、改进措施') + para('1.加强资金管理。');
    expect(await lists(body)).toEqual({ problems: ['资金拨付滞后', '宣传力度不够。'], improvements: ['加强资金管理。'] });
  });

  it('rows labelled with each list in a problems section: each cell split as a paragraph (before: none)', async () => {
    const body = para('二、存在的问题') + table(row(cell('存在问题'), cell('1.资金拨付滞后；2.宣传力度不够。')), row(cell('改进措施'), cell('1.加强资金管理；2.加大宣传力度。')));
    expect(await lists(body)).toEqual({ problems: ['资金拨付滞后', '宣传力度不够。'], improvements: ['加强资金管理', '加大宣传力度。'] });
  });

  it('negative: a form of other rows in the section gives no item', async () => {
    const body = para('二、存在的问题') + para('1.资金拨付滞后。') + table(row(cell('项目名称'), cell('科普经费')), row(cell('实施单位'), cell('县科协')));
    expect(await lists(body)).toEqual({ problems: ['资金拨付滞后。'], improvements: [] });
  });

  it('negative: a one-column table after an annex line is the annex, no item', async () => {
    const body = para('二、存在的问题') + para('1.资金拨付滞后。') + para('附件：佐证材料清单') + table(row(cell('1.科普活动照片')), row(cell('2.资金拨付凭证')));
    expect(await lists(body)).toEqual({ problems: ['资金拨付滞后。'], improvements: [] });
  });
});
