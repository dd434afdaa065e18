import { describe, expect, it } from 'vitest';
import { readBytes } from '../../src/read/index.js';
import { dropGlossesFromResult, dropPinyinGlosses } from '../../src/read/pinyin.js';
import { extractBytes } from '../../src/pipeline.js';

describe('pinyin glosses inside words (copies of annotated print)', () => {
  it('drops a toned gloss right after a Han character, in either bracket, with one to four syllables', () => {
    expect(dropPinyinGlosses('部門預(yù)算執（zhí）行率').text).toBe('部門預算執行率');
    expect(dropPinyinGlosses('科普( kē pǔ )活动').text).toBe('科普活动');
    expect(dropPinyinGlosses('绿(lǜ)色').dropped).toBe(1);
  });

  it('keeps brackets that are not glosses: no tone mark, capitals, digits, after a non-Han character, too long', () => {
    for (const s of ['国内生产总值(GDP)增长', '附件(a)', '项目(2023)', '经费(yu)', 'x(yù)', '词(zhōng guó rén mín gòng hé)']) {
      expect(dropPinyinGlosses(s)).toEqual({ text: s, dropped: 0 });
    }
  });

  it('the txt reader drops them and says so; a text without tone marks is returned as it is', async () => {
    const r = await readBytes(Buffer.from('部门预(yù)算执行率98%。\n'));
    expect(r.text).toBe('部门预算执行率98%。\n');
    expect(r.messages?.map((m) => m.ruleId)).toContain('read:pinyin');
    const plain = await readBytes(Buffer.from('部门预算(草案)执行率98%。\n'));
    expect(plain.text).toBe('部门预算(草案)执行率98%。\n');
    expect(plain.messages?.map((m) => m.ruleId) ?? []).not.toContain('read:pinyin');
  });

  it('figures split by glosses are read, with spans into the text without them', async () => {
    const text = '某縣科學技術協會2023年度部門決算\n2023年度基本支(zhī)出100萬元，部門預(yù)算執(zhí)行率98%。\n';
    const { record: rec } = await extractBytes('gloss.txt', Buffer.from(text));
    expect(rec.finance.basic.actual).toBe(1000000);
    expect(rec.finance.spendingTotal.executionRate).toBe(98);
    const read = (await readBytes(Buffer.from(text))).text;
    const span = rec.evidence['/finance/basic/actual'];
    expect(read.slice(span.start, span.end)).toContain('基本支出100萬元');
  });

  it('every other reader drops them too (lead55: a Word or web copy kept them and lost the figure)', async () => {
    const html = '<html><body><p>某县科协2023年度部门整体支出绩效自评报告</p><p>2023年度部门预算(yù suàn)资金118.6万元，全年实际支出116.2万元。</p></body></html>';
    const r = await readBytes(Buffer.from(html));
    expect(r.text).toContain('部门预算资金118.6万元');
    expect(r.messages?.map((m) => m.ruleId)).toContain('read:pinyin');
    const { record: rec } = await extractBytes('gloss.html', Buffer.from(html));
    expect(rec.finance.spendingTotal.budget).toBe(1186000);
  });

  it('moves the offsets a reader gave (pages, tables, cells, page breaks, message places) with the text', () => {
    const text = '第一页预(yù)算\n第二页执(zhí)行率\t98%\n';
    const cellAt = text.indexOf('执');
    const out = dropGlossesFromResult({
      text, format: 'pdf', pages: [{ start: 0, end: 10, num: 1 }, { start: 10, end: text.length, num: 2 }],
      tables: [{ start: 10, end: text.length - 1, origin: 'pdf', rows: [[{ start: cellAt, end: cellAt + 8, text: '执(zhí)行率' }]] }],
      pageBreaks: [10], messages: [{ ruleId: 'x', reason: 'y', place: { start: 10, end: 13 } }],
    });
    expect(out.text).toBe('第一页预算\n第二页执行率\t98%\n');
    expect(out.pages).toEqual([{ start: 0, end: 6, num: 1 }, { start: 6, end: out.text.length, num: 2 }]);
    expect(out.text.slice(out.pages![1].start, out.pages![1].end)).toBe('第二页执行率\t98%\n');
    const cell = out.tables![0].rows[0][0];
    expect([out.text.slice(cell.start, cell.end), cell.text]).toEqual(['执行率', '执行率']);
    expect(out.pageBreaks).toEqual([6]);
    expect(out.messages![0].place).toEqual({ start: 6, end: 9 });
  });
});
