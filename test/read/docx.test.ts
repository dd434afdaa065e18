import { describe, expect, it } from 'vitest';
import { readBytes } from '../../src/read/index.js';
import { chineseCounting, formatNumber, injectNumberLabels } from '../../src/read/docx-numbering.js';
import { docxOf, para, readCorpus, seedLines } from './helpers.js';
import { extractText } from '../../src/pipeline.js';

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

describe('.docx: a table whose title and unit are its own first rows', () => {
  const tc = (t: string, span = 1) => `<w:tc>${span > 1 ? `<w:tcPr><w:gridSpan w:val="${span}"/></w:tcPr>` : ''}${para(t)}</w:tc>`;
  const tr = (...cells: string[]) => `<w:tr>${cells.join('')}</w:tr>`;
  const tbl = (...rows: string[]) => `<w:tbl><w:tblGrid>${'<w:gridCol/>'.repeat(6)}</w:tblGrid>${rows.join('')}</w:tbl>`;
  const body = (first: string[]) =>
    para('某县科学技术协会2023年度部门决算') + para('第二部分 2023年度部门决算表') +
    tbl(...first, tr(...['项目', '行次', '金额', '项目', '行次', '金额'].map((t) => tc(t))), tr(...['本年收入合计', '26', '186.40', '本年支出合计', '56', '180.25'].map((t) => tc(t))), tr(...['总计', '30', '189.60', '总计', '60', '189.60'].map((t) => tc(t))));
  it('a merged title row and a form row with the unit name the table (before: the part heading above, no unit, nothing read)', async () => {
    const bytes = docxOf(body([tr(tc('收入支出决算总表', 6)), tr(tc('部门：某县科学技术协会', 4), tc('单位：万元', 2))]));
    const { extractBytes } = await import('../../src/pipeline.js');
    const { record, doc } = await extractBytes('t.docx', bytes);
    expect(doc.tables[0].caption).toBe('收入支出决算总表');
    expect(doc.tables[0].rows[0].map((c) => c.text)).toEqual(['项目', '行次', '金额', '项目', '行次', '金额']);
    expect(record.finance).toMatchObject({ incomeTotal: 1864000, incomeGrandTotal: 1896000, spendingTotal: { actual: 1802500 } });
  });
  it('negative: a first row with figures is a row, not a title (and a figure never makes a caption)', async () => {
    const bytes = docxOf(body([tr(tc('收入支出决算总表 186.40', 6))]));
    const { extractBytes } = await import('../../src/pipeline.js');
    const { doc } = await extractBytes('t.docx', bytes);
    expect(doc.tables[0].rows).toHaveLength(4);
    expect(doc.tables[0].caption).not.toBe('收入支出决算总表');
  });
});

describe('.docx: a cell holding prose (a report typed into a form)', () => {
  const tc = (...ps: string[]) => `<w:tc>${ps.map((p) => para(p)).join('') || '<w:p/>'}</w:tc>`;
  const tr = (...cells: string[]) => `<w:tr>${cells.join('')}</w:tr>`;
  const tbl = (...rows: string[]) => `<w:tbl>${rows.join('')}</w:tbl>`;
  const REPORT = [
    '一、项目基本情况',
    '2023年县财政安排科普惠民工程项目预算资金50万元，年中追加10万元，调整后预算60万元，全年实际支出58.5万元，预算执行率97.5%。',
    '二、绩效目标完成情况',
    '全年开展科普活动36场，受益群众1.2万人次。',
    '三、自评结论',
    '经综合评价，该项目自评得分96分，绩效等级为优。',
    '四、存在的问题',
    '1.宣传形式较为单一。',
    '2.基层科普力量薄弱。',
  ];

  it('its paragraphs are lines after the row, out of the table; the rows after it are a table of their own', async () => {
    const body =
      para('2023年度项目支出绩效自评报告') +
      tbl(
        tr(tc('项目名称'), tc('科普惠民工程'), tc('实施单位'), tc('某县科学技术协会')),
        tr(tc('自评报告'), tc(...REPORT)),
        tr(tc('填表人：张三'), tc('联系电话：13812345678'), tc('填报日期：2024年3月15日'), tc()),
      );
    const r = await readBytes(docxOf(body));
    expect(lines(r.text)).toEqual([
      '2023年度项目支出绩效自评报告',
      '项目名称\t科普惠民工程\t实施单位\t某县科学技术协会',
      '自评报告',
      ...REPORT,
      '填表人：张三\t联系电话：13812345678\t填报日期：2024年3月15日\t',
    ]);
    expect(r.tables!.map((t) => t.rows.map((row) => row.map((c) => c.text)))).toEqual([
      [['项目名称', '科普惠民工程', '实施单位', '某县科学技术协会'], ['自评报告', '']],
      [['填表人：张三', '联系电话：13812345678', '填报日期：2024年3月15日', '']],
    ]);
    for (const t of r.tables!) for (const row of t.rows) for (const c of row) expect(r.text.slice(c.start, c.end)).toBe(c.text);
    const { record } = extractText(r.text);
    expect(record.finance.project).toMatchObject({ budget: 600000, actual: 585000, executionRate: 97.5 });
    expect(record.selfEvaluation.score).toBe(96);
    expect(record.problems).toEqual(['宣传形式较为单一。', '基层科普力量薄弱。']);
  });

  it('the whole report in one cell reads as the report', async () => {
    const r = await readBytes(docxOf(tbl(tr(tc('2023年度某县科学技术协会部门整体支出绩效自评报告', '一、部门基本情况', '县科协核定编制6名，实有在职人员5人，退休人员2人。县科协内设办公室、科普部和学会部三个职能部室。', '二、自评结论', '自评得分95分，等级为优。')))));
    expect(r.tables).toEqual([]);
    const { record } = extractText(r.text);
    expect(record.meta.reportKind).toBe('overall_self_eval');
    expect(record.staffing).toMatchObject({ authorized: 6, inService: 5, retired: 2 });
    expect(record.selfEvaluation.score).toBe(95);
  });

  it('negative: a goals row (two long cells under 预期目标 | 实际完成情况), a long note under 偏差原因 and a short cell stay cells', async () => {
    const goal = ['1.开展科普活动30场，受益群众1万人次；', '2.发放科普资料5000份，举办培训班4期，培训农民300人次；', '3.组织青少年科技创新大赛1次，参赛学生200人。'];
    const note = ['个别活动因天气原因延期举办，部分乡镇群众参与度不高，宣传覆盖面有待扩大。', '下一步将合理安排活动时间，加强与乡镇的协调配合，扩大宣传覆盖面，提高群众参与度和满意度。'];
    const body = tbl(
      tr(tc('年度总体目标'), tc('预期目标'), tc('实际完成情况')),
      tr(tc(), tc(...goal), tc(...goal.map((g) => g.replace('30场', '36场')))),
      tr(tc('三级指标'), tc('年度', '指标值'), tc('偏差原因')),
      tr(tc('群众满意度'), tc('≥90%'), tc(...note)),
    );
    const r = await readBytes(docxOf(body));
    expect(r.tables).toHaveLength(1);
    expect(r.tables![0].rows.map((row) => row.map((c) => c.text))).toEqual([
      ['年度总体目标', '预期目标', '实际完成情况'],
      ['', goal.join(''), goal.join('').replace('30场', '36场')],
      ['三级指标', '年度指标值', '偏差原因'],
      ['群众满意度', '≥90%', note.join('')],
    ]);
  });
});

describe('.docx: a table inside a cell', () => {
  const tc = (...ps: string[]) => `<w:tc>${ps.join('') || '<w:p/>'}</w:tc>`;
  const tr = (...cells: string[]) => `<w:tr>${cells.join('')}</w:tr>`;
  const tbl = (...rows: string[]) => `<w:tbl>${rows.join('')}</w:tbl>`;
  const row = (...texts: string[]) => tr(...texts.map((t) => tc(para(t))));

  it('its rows follow the row that holds it, a table of their own; the outer cell keeps its own text', async () => {
    const inner = tbl(
      row('一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分'),
      row('产出指标', '数量指标', '科普活动场次', '≥20场', '25场', '20', '20'),
    );
    const body =
      para('2023年度科普经费绩效自评报告') +
      tbl(
        row('项目名称', '科普经费'),
        tr(tc(para('绩效指标')), tc(inner)),
        row('总分', '100'),
      );
    const r = await readBytes(docxOf(body));
    expect(lines(r.text)).toEqual([
      '2023年度科普经费绩效自评报告',
      '项目名称\t科普经费',
      '绩效指标\t',
      '一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分',
      '产出指标\t数量指标\t科普活动场次\t≥20场\t25场\t20\t20',
      '总分\t100',
    ]);
    expect(r.tables!.map((t) => t.rows.map((x) => x.map((c) => c.text)))).toEqual([
      [['项目名称', '科普经费'], ['绩效指标', '']],
      [['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分'], ['产出指标', '数量指标', '科普活动场次', '≥20场', '25场', '20', '20']],
      [['总分', '100']],
    ]);
    for (const t of r.tables!) for (const x of t.rows) for (const c of x) expect(r.text.slice(c.start, c.end)).toBe(c.text);
  });

  it('negative: a table inside a table inside a cell is text with its cells apart (20 and 25 never 2025)', async () => {
    const deepest = tbl(row('20', '25'));
    const inner = tbl(tr(tc(para('预算')), tc(deepest)));
    const r = await readBytes(docxOf(tbl(tr(tc(para('资金')), tc(inner)))));
    expect(r.text).toContain('预算\t');
    expect(r.text).toContain('20\t25');
    expect(r.text).not.toContain('2025');
  });
});
