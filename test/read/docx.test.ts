import { describe, expect, it } from 'vitest';
import { readBytes } from '../../src/read/index.js';
import { chineseCounting, formatNumber, injectNumberLabels } from '../../src/read/docx-numbering.js';
import { docxOf, para, readCorpus, seedLines } from './helpers.js';

const lines = (text: string) => text.split('\n').filter((l) => l !== '');

describe('.docx with Word automatic numbering', () => {
  it('seed003-autonum.docx reads exactly as the seed text: 一、 （一） 1. rebuilt from numbering.xml', async () => {
    const r = await readBytes(readCorpus('seed003-autonum.docx'));
    expect(r.format).toBe('docx');
    expect(lines(r.text)).toEqual(seedLines('seed003.txt'));
    expect(r.text).toContain('\n一、部门基本情况\n（一）部门职能。\n');
    expect(r.text).toContain('\n三、存在问题及改进意见\n1. 主要的问题\n');
    expect(r.messages?.[0]).toMatchObject({ ruleId: 'read:docx-numbering' });
    expect(r.messages?.[0].reason).toMatch(/^12 automatic/);
  });

  it('numbers continue across other paragraphs, restart below a higher level, and honour startOverride', async () => {
    const numbering =
      '<w:abstractNum w:abstractNumId="0">' +
      '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:suff w:val="nothing"/><w:lvlText w:val="%1、"/></w:lvl>' +
      '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:suff w:val="nothing"/><w:lvlText w:val="（%2）"/></w:lvl>' +
      '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>' +
      '</w:abstractNum>' +
      '<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl></w:abstractNum>' +
      '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>' +
      '<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>' +
      '<w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="2"><w:startOverride w:val="1"/></w:lvlOverride></w:num>';
    const styles =
      '<w:style w:type="paragraph" w:styleId="H1"><w:name w:val="heading 1"/><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr></w:style>' +
      '<w:style w:type="paragraph" w:styleId="H1x"><w:name w:val="heading 1 custom"/><w:basedOn w:val="H1"/></w:style>';
    const num = (id: number, lvl: number) => `<w:numPr><w:ilvl w:val="${lvl}"/><w:numId w:val="${id}"/></w:numPr>`;
    const body = [
      para('基本情况', '<w:pStyle w:val="H1"/>'), // numbered through its style
      para('部门职能', num(1, 1)),
      para('正文一段。'),
      para('机构设置', num(1, 1)),
      para('第一点', num(1, 2)),
      para('第二点', num(1, 2)),
      para('要点', num(2, 0)), // a bullet: no label
      para('绩效情况', '<w:pStyle w:val="H1x"/>'), // style inherited through basedOn
      para('履职效能', num(1, 1)), // restarts below the new top level
      para('重新编号', num(3, 2)), // startOverride: its own list
      para('不编号', '<w:pStyle w:val="H1"/><w:numPr><w:numId w:val="0"/></w:numPr>'), // numId 0 switches numbering off
    ].join('');
    const r = await readBytes(docxOf(body, { numbering, styles }));
    expect(lines(r.text)).toEqual(['一、基本情况', '（一）部门职能', '正文一段。', '（二）机构设置', '1. 第一点', '2. 第二点', '要点', '二、绩效情况', '（一）履职效能', '1. 重新编号', '不编号']);
  });

  it('LibreOffice outline numbering with numFmt none adds nothing (the numbers are literal text)', async () => {
    const r = await readBytes(readCorpus('seed001-docx.docx'));
    expect(r.text).toContain('\n二、绩效自评工作开展情况\n');
    expect(r.text).toContain('\n项目概况\n');
    expect(r.messages ?? []).toHaveLength(0);
  });

  it('number formats', () => {
    expect([1, 2, 10, 11, 19, 20, 21, 99, 100, 101, 110].map((n) => chineseCounting(n))).toEqual([
      '一', '二', '十', '十一', '十九', '二十', '二十一', '九十九', '一百', '一百零一', '一百一十',
    ]);
    expect(formatNumber(3, 'decimal')).toBe('3');
    expect(formatNumber(3, 'decimalZero')).toBe('03');
    expect(formatNumber(3, 'upperLetter')).toBe('C');
    expect(formatNumber(4, 'lowerRoman')).toBe('iv');
    expect(formatNumber(3, 'ideographTraditional')).toBe('丙');
    expect(formatNumber(3, 'decimalEnclosedCircle')).toBe('③');
    expect(formatNumber(12, 'chineseLegalSimplified')).toBe('拾贰');
    expect(formatNumber(3, 'decimalFullWidth')).toBe('３');
    expect(formatNumber(3, 'none')).toBe('');
  });

  it('skips paragraphs in mc:Choice (mammoth reads the mc:Fallback copy)', () => {
    const numbering =
      '<w:numbering><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:suff w:val="nothing"/><w:lvlText w:val="%1、"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>';
    const p = (t: string) => `<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>${t}</w:t></w:r></w:p>`;
    const xml = `<w:body><mc:AlternateContent><mc:Choice Requires="wps">${p('甲')}</mc:Choice><mc:Fallback>${p('甲')}</mc:Fallback></mc:AlternateContent>${p('乙')}</w:body>`;
    const out = injectNumberLabels(xml, numbering, null);
    expect(out.labels).toBe(2);
    expect(out.xml).toContain('<w:t xml:space="preserve">一、</w:t></w:r><w:r><w:t>甲</w:t>');
    expect(out.xml).toContain('<w:t xml:space="preserve">二、</w:t></w:r><w:r><w:t>乙</w:t>');
  });
});

describe('.docx tables', () => {
  it('one line per row, cells separated by \\t, paragraphs inside a cell joined with nothing', async () => {
    const r = await readBytes(readCorpus('seed001-docx.docx'));
    expect(r.text).toContain('\n项目名称\t科普宣传与科普活动　\n');
    expect(r.text).toContain('\n项目资金（万元）\t　\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分\n');
    // the column under the vertically merged 项目资金 cell is an empty cell
    expect(r.text).toContain('\n\t年度资金总额　\t　43\t　43\t　28\t10分\t100%\t　100\n');
    expect(r.text).not.toMatch(/\n年初\n/);
  });

  it('the grid keeps spans and merged cells, every cell points into the text', async () => {
    const r = await readBytes(readCorpus('seed001-docx.docx'));
    expect(r.tables).toHaveLength(1);
    const t = r.tables![0];
    expect(t.origin).toBe('docx');
    expect(t.caption).toBe('2022年度项目支出绩效自评表');
    expect(t.rows[0].map((c) => c.text)).toEqual(['项目名称', ...Array(8).fill('科普宣传与科普活动　')]);
    expect(t.rows[0][1]).toMatchObject({ colSpan: 8 });
    expect(t.rows[0][2]).toMatchObject({ colSpan: 8, merged: true });
    expect(t.rows[2][0]).toMatchObject({ text: '项目资金（万元）', rowSpan: 5 });
    expect(t.rows[3][0]).toMatchObject({ text: '项目资金（万元）', merged: true });
    for (const row of t.rows) for (const c of row) expect(r.text.slice(c.start, c.end)).toBe(c.text);
    expect(r.text.slice(t.start, t.end).split('\n')).toHaveLength(t.rows.length);
  });

  it('seed002-docx.docx: three tables with their captions', async () => {
    const r = await readBytes(readCorpus('seed002-docx.docx'));
    expect(r.tables?.map((t) => t.caption)).toEqual(['2023年度部门整体支出绩效评价基础数据表', '2023年度部门整体支出绩效自评表', '2023年度项目支出绩效自评表']);
    expect(lines(r.text).filter((l) => !l.includes('\t'))).toEqual(
      expect.arrayContaining(seedLines('seed002.txt').filter((l) => !l.includes('\t')).slice(0, 40)),
    );
  });

  it('every paragraph outside the tables matches the seed exactly', async () => {
    for (const seed of ['000', '001', '002']) {
      const r = await readBytes(readCorpus(`seed${seed}-docx.docx`));
      const tableLines = new Set(lines(r.text).filter((l) => l.includes('\t')));
      const body = lines(r.text).filter((l) => !tableLines.has(l));
      // the fixtures' Word files hold runs of spaces as one space (填表人：   填报日期：)
      const one = (l: string) => l.replace(/ +/g, ' ');
      const seedBody = seedLines(`seed${seed}.txt`).map(one);
      for (const l of body) expect(seedBody).toContain(one(l));
    }
  });
});
