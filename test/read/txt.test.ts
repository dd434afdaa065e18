import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { readBytes } from '../../src/read/index.js';
import { decodeText } from '../../src/read/txt.js';
import { readCorpus } from './helpers.js';

const SAMPLE = '一、部门基本情况\n2023年收入为207.48万元，“三公”经费支出2.46万元。\n';

describe('plain text encodings', () => {
  it('UTF-8 with and without BOM', async () => {
    expect((await readBytes(Buffer.from(SAMPLE))).text).toBe(SAMPLE);
    const bom = await readBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SAMPLE)]));
    expect(bom.text).toBe(SAMPLE);
    expect(bom.format).toBe('txt:utf-8-bom');
  });

  it('UTF-16 LE and BE with BOM', async () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(SAMPLE, 'utf-16le')]);
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(SAMPLE, 'utf-16be')]);
    expect((await readBytes(le)).text).toBe(SAMPLE);
    expect((await readBytes(be)).text).toBe(SAMPLE);
  });

  it('UTF-16 without a BOM: a Chinese report (few NULs, all on one side) is read; binary data with NULs on both sides is not', async () => {
    const report = readCorpus('seed000.txt').toString('utf8');
    const le = await readBytes(iconv.encode(report, 'utf-16le'));
    expect(le.format).toBe('txt:utf-16le');
    expect(le.text).toBe((await readBytes(readCorpus('seed000.txt'))).text);
    expect((await readBytes(iconv.encode(report, 'utf-16be'))).format).toBe('txt:utf-16be');
    // bytes with NULs on both sides of the pairs, or on one side but not decoding to text, stay binary
    const noise = Buffer.alloc(4096);
    for (let i = 0; i < noise.length; i++) noise[i] = i % 7 === 0 ? 0 : (i * 131 + 17) % 256;
    await expect(readBytes(noise)).rejects.toThrow(/binary/);
    const oneSide = Buffer.alloc(4096);
    for (let i = 0; i < oneSide.length; i++) oneSide[i] = i % 2 === 1 && i % 10 === 1 ? 0 : 0xe0 + (i % 16);
    await expect(readBytes(oneSide)).rejects.toThrow(/binary/);
  });

  it('GB18030 / GBK is detected without a BOM', async () => {
    const r = await readBytes(iconv.encode(SAMPLE, 'gbk'));
    expect(r.text).toBe(SAMPLE);
    expect(r.format).toBe('txt:gb18030');
    // a character outside GBK (4-byte GB18030 sequence)
    expect(decodeText(iconv.encode('𠀀科协', 'gb18030')).text).toBe('𠀀科协');
  });

  it('Big5 (a traditional-script file) is told from GB18030 by the words it decodes to', async () => {
    const trad = '一、部門基本情況\n2023年收入為207.48萬元，「三公」經費支出2.46萬元。\n';
    const r = await readBytes(iconv.encode(trad, 'big5'));
    expect(r.format).toBe('txt:big5');
    expect(r.text).toBe(trad);
    // the same simplified text in GBK is still GB18030, and so is a traditional text written in GB18030
    expect((await readBytes(iconv.encode(SAMPLE, 'gbk'))).format).toBe('txt:gb18030');
    expect(decodeText(iconv.encode(trad, 'gb18030'))).toEqual({ text: trad, encoding: 'gb18030' });
  });

  it('the Big5 corpus file reads exactly as its UTF-8 original', async () => {
    const b5 = await readBytes(readCorpus('synth-traditional-big5.txt'));
    expect(b5.format).toBe('txt:big5');
    expect(b5.text).toBe((await readBytes(readCorpus('synth-traditional.txt'))).text);
  });

  it('CRLF and CR line ends become LF (offsets are the same on every system)', async () => {
    const r = await readBytes(Buffer.from(SAMPLE.replace(/\n/g, '\r\n')));
    expect(r.text).toBe(SAMPLE);
    expect((await readBytes(Buffer.from('a\rb\r'))).text).toBe('a\nb\n');
  });

  it('the GB18030 + CRLF corpus file reads exactly as its UTF-8 seed', async () => {
    const gb = await readBytes(readCorpus('seed004-gb18030.txt'));
    const utf8 = await readBytes(readCorpus('seed004.txt'));
    expect(gb.format).toBe('txt:gb18030');
    expect(gb.text).toBe(utf8.text);
    expect(gb.messages?.map((m) => m.ruleId)).toEqual(['read:encoding', 'read:line-ends']);
  });

  it('UTF-8 with a stray byte or a character cut at the end is read as UTF-8 with U+FFFD and a warning, not refused', async () => {
    const bytes = readCorpus('seed000.txt');
    const at = bytes.indexOf(0x0a, 3000);
    const stray = Buffer.concat([bytes.subarray(0, at), Buffer.from([0xff]), bytes.subarray(at)]);
    const original = (await readBytes(bytes)).text;
    const r = await readBytes(stray);
    expect(r.format).toBe('txt');
    expect(r.text.replace('\uFFFD', '')).toBe(original);
    expect(r.messages?.filter((m) => m.ruleId === 'text_undecodable').map((m) => m.reason)).toEqual([
      'UTF-8 with 1 undecodable byte sequence(s) (a character cut or damaged), each read as U+FFFD (�)',
    ]);
    const end = bytes.lastIndexOf(Buffer.from('。')); // a copy cut inside the last full stop's three bytes
    expect(decodeText(bytes.subarray(0, end + 2))).toMatchObject({ encoding: 'utf-8', stray: 1 });
  });

  it('GBK bytes, or UTF-8 damaged all through, are not taken for UTF-8 with stray bytes', async () => {
    expect(decodeText(readCorpus('seed004-gb18030.txt')).encoding).toBe('gb18030');
    expect(decodeText(iconv.encode(SAMPLE, 'gbk')).encoding).toBe('gb18030');
    const text = readCorpus('seed000.txt').toString('utf8');
    const damaged = Buffer.concat([...text].map((c, i) => (i % 20 === 19 ? Buffer.from([0xff]) : Buffer.from(c))));
    expect(decodeText(damaged).stray).toBeUndefined();
  });

  it('a text of only white space is no text', async () => {
    await expect(readBytes(Buffer.from('  \n\u3000\n'))).rejects.toMatchObject({ code: 'no_text' });
  });
});

describe('browser print header and footer written with one space (pdftotext)', () => {
  it('the space after a browser stamp or URL becomes a tab; a report line with a date and time stays', async () => {
    const { tabBrowserStamps } = await import('../../src/read/txt.js');
    expect(tabBrowserStamps('11/22/26, 11:40 PM 某县科协2023年度部门整体支出绩效自评报告\n').text).toBe('11/22/26, 11:40 PM\t某县科协2023年度部门整体支出绩效自评报告\n');
    expect(tabBrowserStamps('2024/3/15 上午10:23 县科协绩效自评报告_政务公开').text).toBe('2024/3/15 上午10:23\t县科协绩效自评报告_政务公开');
    expect(tabBrowserStamps('file:///C:/Users/admin/Desktop/report.html 1/2').text).toBe('file:///C:/Users/admin/Desktop/report.html\t1/2');
    // (no browser's stamp: no comma, AM/PM or 上午/下午; a sentence after the stamp; a URL inside a sentence)
    // (pdftotext's reading order: the page's title on its own line over the stamp; a stamp alone keeps its AM)
    expect(tabBrowserStamps('某县科协绩效自评报告\n\n11/23/26, 4:53 AM\n\n一、基本情况').text).toBe('某县科协绩效自评报告\t\t11/23/26, 4:53 AM\n\n一、基本情况');
    expect(tabBrowserStamps('正文。\n11/23/26, 4:53 AM\n').text).toBe('正文。\n11/23/26, 4:53 AM\n');
    for (const t of ['2023/3/15 10:00 召开科普工作会议', '11/22/26, 11:40 PM 全年开展科普活动36场，受益群众1万人次。', '详见https://www.example.gov.cn 1/2号文件'])
      expect(tabBrowserStamps(t).text).toBe(t);
  });

  it('such lines are page furniture: not the title, no list item', async () => {
    const { extractBytes } = await import('../../src/pipeline.js');
    const text =
      '11/22/26, 11:40 PM 某县科协2023年度部门整体支出绩效自评报告\n2023年度某县科学技术协会部门整体支出绩效自评报告\n一、部门基本情况\n县科协核定编制5名，实有在职人员4人。\n' +
      '二、存在的问题\n1.科普经费投入不足。\nfile:///C:/Users/admin/Desktop/report.html 1/2\n11/22/26, 11:40 PM 某县科协2023年度部门整体支出绩效自评报告\n2.基层队伍不稳定。\n三、改进措施\n积极争取财政支持。\n';
    const { record } = await extractBytes('b.txt', Buffer.from(text));
    expect(record.meta.title).toBe('2023年度某县科学技术协会部门整体支出绩效自评报告');
    expect(record.meta.unitName).toBe('某县科学技术协会');
    expect(record.problems).toEqual(['科普经费投入不足。', '基层队伍不稳定。']);
    // (a report's own dated line stays a line of the report)
    const own = await extractBytes('c.txt', Buffer.from('2023年度某县科学技术协会部门整体支出绩效自评报告\n一、存在的问题\n2023/3/15 10:00 科普经费拨付较晚\n'));
    expect(own.record.problems).toEqual(['2023/3/15 10:00科普经费拨付较晚']);
  });
});

describe("a title's year on a line of its own below it (pdftotext's plain order for a browser's print)", () => {
  it('the year goes back in front of the title; the text keeps its length', async () => {
    const { titleYearBack } = await import('../../src/read/txt.js');
    const t = '年度某县科学技术协会部门整体支出绩效自评报告\n\n2023\n\n一、部门基本情况\n';
    expect(titleYearBack(t).text).toBe('2023年度某县科学技术协会部门整体支出绩效自评报告\n\n\n\n一、部门基本情况\n');
    // (a browser's header between them)
    expect(titleYearBack('年度某县科协部门决算\n\n11/23/26, 7:56 AM\n\n2023\n正文').text).toBe('2023年度某县科协部门决算\n\n11/23/26, 7:56 AM\n\n\n正文');
    const { extractBytes } = await import('../../src/pipeline.js');
    const r = await extractBytes('t.txt', Buffer.from(t + '县科协核定编制5名。\n'));
    expect(r.record.meta.fiscalYear).toBe(2023);
    expect(r.record.meta.title).toBe('2023年度某县科学技术协会部门整体支出绩效自评报告');
  });

  it('negative: a title with its year, a date under the title, a year far below or a 年度 line in the body stay', async () => {
    const { titleYearBack } = await import('../../src/read/txt.js');
    for (const t of [
      '2023年度某县科学技术协会部门整体支出绩效自评报告\n2023\n',
      '年度某县科学技术协会部门整体支出绩效自评报告\n2024年3月\n',
      '年度某县科学技术协会部门整体支出绩效自评报告\n一、基本情况\n甲\n乙\n丙\n丁\n2023\n',
      '某县科协\n一、基本情况\n甲\n乙\n丙\n丁\n年度工作情况的说明\n2023\n',
    ])
      expect(titleYearBack(t).text).toBe(t);
  });
});

describe("Markdown's heading and bold marks (a report converted by markitdown or pandoc)", () => {
  it('blanks `#` heading marks and a bold line\'s `**` (same length), so title and headings read as in Word', async () => {
    const { blankMarkdownMarks } = await import('../../src/read/txt.js');
    const t = '# 某县科学技术协会2023年度部门决算\n\n## 第一部分 部门概况 ##\n\n**一、部门职责**\n\n本部门编制数5人。\n';
    const b = blankMarkdownMarks(t);
    expect(b.text).toBe('  某县科学技术协会2023年度部门决算\n\n   第一部分 部门概况   \n\n  一、部门职责  \n\n本部门编制数5人。\n');
    expect(b.text.length).toBe(t.length);
    const { extractBytes } = await import('../../src/pipeline.js');
    const r = await extractBytes('t.md', Buffer.from(t + '| 项目 | 金额 |\n|---|---:|\n| 本年收入合计 | 186.40 |\n'));
    expect(r.record.meta.title).toBe('某县科学技术协会2023年度部门决算');
    expect(r.record.outline.map((o) => o.ordinal)).toEqual(['第一部分']);
    expect(r.record.outline[0].children.map((o) => o.title)).toEqual(['部门职责']);
    // one mark is enough beside a pipe table's delimiter row
    expect(blankMarkdownMarks('**一、收入情况**\n| 项目 | 金额 |\n| --- | ---: |\n').n).toBe(1);
  });

  it('a lone `# ` title as the first line (converters write the title so, then plain paragraphs) is blanked', async () => {
    const { blankMarkdownMarks } = await import('../../src/read/txt.js');
    const t = '\n# 2023年度某县科学技术协会部门整体支出绩效自评报告\n\n一、部门基本情况\n\n本部门编制5人。\n';
    expect(blankMarkdownMarks(t).text).toBe(t.replace('# ', '  '));
    const { extractBytes } = await import('../../src/pipeline.js');
    const r = await extractBytes('t.md', Buffer.from('# 某县科学技术协会2023年度部门决算\n\n一、部门职责\n\n本部门编制数5人。\n'));
    expect(r.record.meta.title).toBe('某县科学技术协会2023年度部门决算');
  });

  it('negative: a lone mark, `#` or `**` inside a line, and a text that is no Markdown stay', async () => {
    const { blankMarkdownMarks } = await import('../../src/read/txt.js');
    for (const t of [
      '某县科学技术协会2023年度部门决算\n一、部门职责\n# 某县科学技术协会2023年度部门决算\n',
      '# 注：本表金额单位为万元。\n一、部门职责\n',
      '#1号楼维修项目绩效自评报告\n一、项目概况\n',
      '**一、部门职责**\n本部门编制数5人。\n',
      '某县科协\n本年收入**186.40**万元，**重点**工作。\n完成#1号任务。\n',
      '某县科协\n#2023年度科普日#活动\n#科技活动周# 话题阅读量10万\n',
    ])
      expect(blankMarkdownMarks(t).text).toBe(t);
  });
});

describe('HTML tables inside a text file (MinerU\'s Markdown: `<table><tr><td rowspan="2">…` lines)', () => {
  const md = (t: string) =>
    `# 某县科学技术协会2023年度部门整体支出绩效自评报告\n\n## 一、部门基本情况\n\n本部门编制6人，在职人员6人。\n\n部门整体支出绩效自评表\n\n${t}\n\n## 二、存在的问题\n\n宣传覆盖面不足。\n`;
  const table = '<table><tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>年度指标值</td><td>实际完成值</td><td>分值</td><td>得分</td><td>偏差原因</td></tr><tr><td rowspan="2">产出指标</td><td rowspan="2">数量指标</td><td>科普讲座场次</td><td>≥10场</td><td>12场</td><td>25</td><td>25</td><td></td></tr><tr><td>科普资料发放</td><td>≥3000份</td><td>3500份</td><td>25</td><td>25</td><td></td></tr><tr><td>效益指标</td><td>社会效益指标</td><td>科学素质提升</td><td>逐步提升</td><td>提升</td><td>30</td><td>27</td><td>农村覆盖不足</td></tr><tr><td>满意度指标</td><td>服务对象满意度指标</td><td>群众满意度</td><td>≥90%</td><td>95%</td><td>20</td><td>20</td><td></td></tr><tr><td colspan="5">总分</td><td>100</td><td>97</td><td></td></tr></table>';
  it('each is read as the HTML reader reads a table, in its place: rows, grid with spans, cells pointing into the text', async () => {
    const r = await readBytes(Buffer.from(md(table)));
    expect(r.text).toContain('\n一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因\n产出指标\t数量指标\t科普讲座场次\t≥10场\t12场\t25\t25\t\n');
    expect(r.text).not.toContain('<td>');
    expect(r.tables).toHaveLength(1);
    for (const row of r.tables![0].rows) for (const c of row) expect(r.text.slice(c.start, c.end)).toBe(c.text);
    expect(r.tables![0].rows[2][0]).toMatchObject({ text: '产出指标', merged: true });
    const { extractBytes } = await import('../../src/pipeline.js');
    const { record } = await extractBytes('t.md', Buffer.from(md(table)));
    expect(record.indicators.map((i) => [i.level1, i.level2, i.level3, i.score])).toEqual([
      ['产出指标', '数量指标', '科普讲座场次', 25], ['产出指标', '数量指标', '科普资料发放', 25], ['效益指标', '社会效益指标', '科学素质提升', 27], ['满意度指标', '服务对象满意度指标', '群众满意度', 20],
    ]);
    expect(record.selfEvaluation.score).toBe(97);
    expect(record.staffing.authorized).toBe(6);
  });
  it('negative: `<table>` in a sentence, or a table never closed, stays text', async () => {
    for (const t of ['说明：附表以<table>标签嵌入网页，详见门户网站。', '<table><tr><td>项目</td><td>金额</td></tr>']) {
      const r = await readBytes(Buffer.from(md(t)));
      expect(r.text).toContain(t);
      expect(r.tables ?? []).toEqual([]);
    }
  });
});

describe("pandoc's simple tables: the dash rule under the header", () => {
  const doc = (rule: string, head = '  项目           本年支出合计    基本支出      项目支出') =>
    `某县科学技术协会2023年度部门决算\n\n支出决算表\n\n单位：元\n\n${head}\n${rule}\n  合计           2,715,310.00   2,100,000.00   615,310.00\n`;
  it('is blanked (same length): header and rows read as one table laid out in columns of spaces', async () => {
    const { blankRuleLines } = await import('../../src/read/txt.js');
    const t = doc('  ------------ -------------- ------------ ------------');
    expect(blankRuleLines(t).text.length).toBe(t.length);
    expect(blankRuleLines(t).text).not.toContain('---');
    const { extractBytes } = await import('../../src/pipeline.js');
    const { record } = await extractBytes('t.md', Buffer.from(t));
    expect(record.finance.spendingTotal.actual).toBe(2715310);
    expect(record.finance.project.actual).toBe(615310);
  });
  it('negative: a single rule, or a rule under a line without a column gap, stays', async () => {
    const { blankRuleLines } = await import('../../src/read/txt.js');
    for (const t of [doc('  ------------------------------------------------------'), doc('  ------------ -------------- ------------', '本部门2023年度支出情况如下：')]) expect(blankRuleLines(t).text).toBe(t);
  });
});
