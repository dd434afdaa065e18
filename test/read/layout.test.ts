// Tables in text laid out in columns of spaces (pdftotext -layout): rows put back as tab-separated lines where the
// columns say so without doubt; everything else left as it is. Whole reports: test/read/same-record.test.ts
// (corpus/seed002-pdftotext-layout.txt).
import { describe, expect, it } from 'vitest';
import { readBytes } from '../../src/read/index.js';
import { readLayoutTables } from '../../src/read/layout.js';
import { extractBytes } from '../../src/pipeline.js';
import { tsvTables } from '../../src/structure/tables.js';

const read = (lines: string[]) => readLayoutTables(lines.join('\n') + '\n', null);
const rowsOf = (text: string) => text.split('\n').filter((l) => l.includes('\t'));

// A 基础数据表 as pdftotext -layout writes it (invented unit and figures): labels wrapped in a narrow first column,
// each label's lines centred on its row's figures.
const BASIC = [
  '           2023 年度部门整体支出绩效评价基础数据表',
  '经费控制情',
  '            2022 年决算数     2023 年预算数    2023 年决算数',
  '况（万元）',
  '三公经费:          0.52            1.8        0.61',
  '1、公务用车',
  ' 购置和维护          0               0          0',
  '   经费',
  '其中：公车',
  '                0               0          0',
  '  购置',
  '项目支出：         21.40             6        25.35',
  ' 公用经费         10.20            11.5      11.96',
  '其中：办公',
  '               2.05            3.7        3.25',
  '  经费',
];

const REPORT = (table: string[]) =>
  [
    '2023 年度某县科学技术协会部门整体支出绩效自评报告',
    '一、部门基本情况',
    '  本单位 2023 年基本支出 80.12 万元，项目支出 25.35 万元。',
    '二、存在的问题及原因分析',
    '  预算编制有待细化。',
    '附件一',
    ...table,
    '   填表人： 填报日期： 联系电话： 单位负责人签字：',
    '',
  ].join('\n');

describe('tables laid out in columns of spaces', () => {
  it('a row whose cells sit on one line becomes one tab-separated line', () => {
    const r = read([
      '项目                2022 年决算数    2023 年预算数    2023 年决算数',
      '三公经费:              0.14            1.5        0.44',
      '公用经费             12.71            12.7      13.08',
    ])!;
    expect(rowsOf(r.text)).toEqual(['项目\t2022 年决算数\t2023 年预算数\t2023 年决算数', '三公经费:\t0.14\t1.5\t0.44', '公用经费\t12.71\t12.7\t13.08']);
    expect(r.tables).toHaveLength(1);
    expect(r.text.slice(r.tables[0].start, r.tables[0].end).split('\n')).toHaveLength(3);
    expect(r.rows).toBe(3);
  });

  it('cells wrapped around their row (centred on its figures) are joined into the row', () => {
    const r = read(BASIC)!;
    expect(rowsOf(r.text)).toEqual([
      '经费控制情况（万元）\t2022 年决算数\t2023 年预算数\t2023 年决算数',
      '三公经费:\t0.52\t1.8\t0.61',
      '1、公务用车购置和维护经费\t0\t0\t0',
      '其中：公车购置\t0\t0\t0',
      '项目支出：\t21.40\t6\t25.35',
      '公用经费\t10.20\t11.5\t11.96',
      '其中：办公经费\t2.05\t3.7\t3.25',
    ]);
    expect(r.joined).toBe(8);
    expect(r.unread).toBe(0);
    // the title stays a line of its own, above the table
    expect(r.text.split('\n')[0]).toBe(BASIC[0]);
    expect(r.tables[0].start).toBe(r.text.indexOf('经费控制情况'));
  });

  it('the table stage reads it: the 基础数据表 gives the 三公经费, 项目支出 and 公用经费 budgets, each cell its evidence', async () => {
    const { record } = await extractBytes('basic.txt', Buffer.from(REPORT(BASIC)));
    expect(record.finance.threePublic).toEqual({ budget: 18000, actual: 6100 });
    expect(record.finance.project.budget).toBe(60000);
    expect(record.finance.basic.publicUseBudget).toBe(115000);
    expect(record.evidence['/finance/threePublic/budget']).toMatchObject({ text: '1.8', rule: 'table.basic.budget' });
    // the table's lines are no headings
    expect(record.outline.map((n) => n.title)).toEqual(['部门基本情况', '存在的问题及原因分析']);
  });

  it('a grid that counts CJK characters twice (a table typed in an editor) is read too', () => {
    const r = read([
      '项目                    预算数        决算数',
      '科普活动专项经费合计    20.00         19.80',
      '学会工作经费            8.00          8.00',
      '三公经费                1.50          0.44',
    ])!;
    expect(rowsOf(r.text)).toEqual(['项目\t预算数\t决算数', '科普活动专项经费合计\t20.00\t19.80', '学会工作经费\t8.00\t8.00', '三公经费\t1.50\t0.44']);
  });

  it('a 绩效自评表 typed in an editor (CJK twice as wide) gives its indicators and 总分, each value from its own column', async () => {
    const text = [
      '2023年度某县科学技术协会科普专项经费绩效自评报告',
      '一、基本情况',
      '本项目年初预算20万元，实际支出19.8万元。',
      '2023年度项目支出绩效自评表',
      '一级指标        二级指标        三级指标            年度指标值        实际完成值        分值    得分',
      '产出指标        数量指标        举办科普讲座        ≥10场             12场              10      10',
      '                质量指标        活动合格率          ≥90%              95%               10      9',
      '效益指标        社会效益指标    群众知晓率          ≥80%              85%               20      18',
      '总分                                                                                    100     92',
      '',
    ].join('\n');
    const { record } = await extractBytes('typed.txt', Buffer.from(text));
    expect(record.indicators.map((x) => [x.level1, x.level2, x.level3, x.target?.text, x.actual?.text, x.weight, x.score])).toEqual([
      ['产出指标', '数量指标', '举办科普讲座', '≥10场', '12场', 10, 10],
      ['产出指标', '质量指标', '活动合格率', '≥90%', '95%', 10, 9],
      ['效益指标', '社会效益指标', '群众知晓率', '≥80%', '85%', 20, 18],
    ]);
    expect(record.selfEvaluation.score).toBe(92);
  });

  it('negative: a header whose columns do not line up with the figures under it is not read (which figure is whose is not sure)', () => {
    const rows = ['本年收入合计                  1.00    本年支出合计              2.00', '总计                          3.00    总计                      4.00'];
    expect(read(['项目                  金额          项目                金额', ...rows])).toBeNull();
    // the figures alone line up
    expect(rowsOf(read(rows)!.text)).toEqual(['本年收入合计\t1.00\t本年支出合计\t2.00', '总计\t3.00\t总计\t4.00']);
  });

  it('ordinary text is not looked at (no line with a gap of spaces), nor a single spaced line', () => {
    expect(read(['一、部门基本情况', '  本单位编制 8 人，在职 6 人。'])).toBeNull();
    expect(read(['一、部门基本情况', '本单位编制8人。  在职6人。', '二、收支情况'])).toBeNull();
  });

  it('negative: prose with two spaces between sentences is not a table', () => {
    expect(
      read([
        '本单位 2023 年收入合计 132.61 万元。  支出合计 132.61 万元，其中基本支出 89.82 万元。',
        '全年开展科普活动 20 场。  覆盖群众 4 万余人次，发放资料 3000 份。',
        '存在的问题是预算编制不够细。  下一步将加强预算管理。',
      ]),
    ).toBeNull();
    // short sentences with the gap at the same place
    expect(read(['编制 8 人。  在职 6 人。', '收入 10 万。  支出 9 万。', '活动 20 场。  培训 5 期。'])).toBeNull();
  });

  it('negative: contents lines indented as Word does (　　第一部分  部门概况) are no table, and the body keeps its outline', async () => {
    const lines = ['某县科学技术协会2023年度部门决算', '目  录', '第一部分  部门概况', '一、部门职责', '二、机构设置', '第二部分  2023年度部门决算情况说明', '第三部分  名词解释', '第四部分  附件', '第一部分', '部门概况', '一、部门职责', '县科协是党领导下的人民团体。', '二、机构设置', '县科协内设办公室。', '第二部分', '2023年度部门决算情况说明', '一、收入支出决算总体情况说明', '2023年度收入总计150.00万元，支出总计150.00万元。', '二、收入决算情况说明', '本年收入合计140.00万元。', '第三部分', '名词解释', '1.财政拨款收入：指本级财政部门当年拨付的资金。', '第四部分', '附件'];
    const text = lines.map((l) => `\u3000\u3000${l}`).join('\n') + '\n';
    expect(read(text.split('\n'))).toBeNull();
    const { record } = await extractBytes('indented.txt', Buffer.from(text));
    expect(record.outline.map((n) => [n.title, n.children.map((c) => c.title)])).toEqual([
      ['部门概况', ['部门职责', '机构设置']],
      ['2023年度部门决算情况说明', ['收入支出决算总体情况说明', '收入决算情况说明']],
      ['名词解释', []],
      ['附件', []],
    ]);
  });

  it('negative: a centred title and a centred date (leading spaces) are no table', () => {
    expect(read(['                 2023 年度项目支出绩效自评表', '                      某县科学技术协会', '                        2024 年 3 月 18 日'])).toBeNull();
  });

  it('negative: signature lines (填表人：  联系电话：) are no table, whether alone, in a block or under a table', () => {
    expect(read(['填表人：           填报日期：          联系电话：             单位负责人签字：'])).toBeNull();
    expect(read(['审核人：王五          联系电话：0731-1234567', '经办人：李四          填报日期：2024 年 3 月 8 日'])).toBeNull();
    const r = read([...BASIC.slice(4, 8), '填表人：张三          联系电话：0731-1234567', '审核人：王五          单位负责人：赵六'])!;
    expect(r.text).toContain('\n填表人：张三          联系电话：0731-1234567\n审核人：王五          单位负责人：赵六\n');
  });

  it('negative: headings set apart by spaces (第一部分   部门概况) are no table rows, nor the lines between them', () => {
    expect(read(['第一部分   部门概况', '一、主要职能', '第二部分   2023年度部门决算情况说明', '第三部分   2023年度部门决算表'])).toBeNull();
    // a heading right under a table stays out of it
    const r = read([...BASIC.slice(1, 8), '二、存在的问题'])!;
    expect(r.text.endsWith('\n二、存在的问题\n')).toBe(true);
    expect(r.text.slice(r.tables[0].start, r.tables[0].end)).not.toContain('存在的问题');
  });

  it('a heading under a table written with a full-width or ASCII dot (三．自评结论, 三.自评结论) stays out of it too; negative: a row label of that form with figures stays in', () => {
    for (const h of ['三、自评结论', '三．自评结论', '三.自评结论']) {
      const r = read([...BASIC.slice(1, 8), h])!;
      expect(r.text.endsWith(`\n${h}\n`)).toBe(true);
      expect(r.text.slice(r.tables[0].start, r.tables[0].end)).not.toContain('自评结论');
    }
    const r = read([...BASIC.slice(1, 8), '一．基本支出       80.12           82.5       81.30'])!;
    expect(rowsOf(r.text.slice(r.tables[0].start, r.tables[0].end)).some((l) => l.startsWith('一．基本支出\t80.12'))).toBe(true);
  });

  it('a table of contents set out with spaces stays out of the outline (as a table now, as a contents list before)', async () => {
    const toc = ['目  录', '一、部门基本情况        1', '二、部门收支情况        2', '三、存在的问题          3'];
    const body = ['一、部门基本情况', '本单位编制8人，在职6人。', '二、部门收支情况', '2023年支出合计132.61万元。', '三、存在的问题', '1、预算编制不够细化。', '2、绩效管理有待加强。'];
    const { record } = await extractBytes('toc.txt', Buffer.from(['2023年度某县科学技术协会部门整体支出绩效自评报告', ...toc, ...body, ''].join('\n')));
    expect(record.outline.map((n) => n.title)).toEqual(['部门基本情况', '部门收支情况', '存在的问题']);
    expect(record.problems).toEqual(['预算编制不够细化。', '绩效管理有待加强。']);
  });

  it('negative: a cell over two rows (a merged cell) is not joined; its lines are kept as they are', () => {
    const lines = [
      '财政供养人         编制数       2023 年实际在职人数     控制率',
      ' 员情况',
      '                8               6         75%',
      ' （人）',
      ...BASIC.slice(1),
    ];
    const r = read(lines)!;
    // 财政供养人员情况（人） spans the header and the figures: neither row is certain
    expect(r.text.startsWith(lines.slice(0, 4).join('\n') + '\n经费控制情况（万元）\t')).toBe(true);
    expect(r.unread).toBe(4);
    expect(rowsOf(r.text)).toHaveLength(7);
  });

  it('an unread line is a row without cells: the row under a header is never one further down', async () => {
    const staffing = ['财政供养人         编制数       2023 年实际在职人数     控制率', ' 员情况', '                8               6         75%', ' （人）'];
    const r = read([...staffing, ...BASIC.slice(1)])!;
    const [t] = tsvTables(r.text, undefined, r.tables);
    expect(t.rows[0].map((c) => c.text)).toEqual(['']);
    expect(t.rows[1].map((c) => c.text)).toEqual(['经费控制情况（万元）', '2022 年决算数', '2023 年预算数', '2023 年决算数']);
    // the staffing header and its figures were not put back: no staffing from the table, the costs are read
    const { record } = await extractBytes('staff.txt', Buffer.from(REPORT([BASIC[0], ...staffing, ...BASIC.slice(1)])));
    expect(record.staffing.authorized).toBeNull();
    expect(record.finance.threePublic.actual).toBe(6100);
  });

  it('a label wrapped under its row line (top-aligned), closed by its bracket, is read with its row', () => {
    const r = read([
      '公用经费（含            12.71          13.08',
      '办公费）',
      '项目支出                3.00           42.73',
      '三公经费                1.50            0.44',
    ])!;
    // (before the top-aligned reading: the first row unread; `办公费）` cannot go on into 项目支出 after its bracket)
    expect(rowsOf(r.text)).toEqual(['公用经费（含办公费）\t12.71\t13.08', '项目支出\t3.00\t42.73', '三公经费\t1.50\t0.44']);
  });

  it('negative: a line that may go on the row above or into the row below leaves both unread', () => {
    const lines = ['公用经费及办公          12.71          13.08', '经费支出合计', '项目支出                3.00           42.73', '三公经费                1.50            0.44'];
    expect(read(lines)).toBeNull();
    // nor is the line taken into the row below when the one above is full
    const r = read(['项目支出                3.00           42.73', '公用经费及办公', '经费支出合计            12.71          13.08', '三公经费                1.50            0.44'])!;
    expect(rowsOf(r.text)).toEqual(['项目支出\t3.00\t42.73', '三公经费\t1.50\t0.44']);
  });

  it("negative: columns that cannot be told apart (a piece over another line's gap) end the table", () => {
    const lines = ['项目              年初预算数     全年预算数', '年度资金总额      85.09          133.09', '一般公共预算拨款127.05      项目支出42.73', '政府性基金拨款    5.40           0'];
    // the third line spans the first two columns: no table holds it, and the row just above it is not certain
    expect(read(lines)).toBeNull();
    const r = read([...lines.slice(0, 2), '', ...lines.slice(2)])!;
    expect(r.text).toBe(['项目\t年初预算数\t全年预算数', '年度资金总额\t85.09\t133.09', '', ...lines.slice(2), ''].join('\n'));
    expect(r.tables).toHaveLength(1);
  });

  it('negative: cells run together (one space between CJK cells) cannot be read, and the row next to them is not certain', () => {
    const lines = ['       一级指标 二级指标 三级指标          分值    得分', '产出指标      数量指标      举办讲座      10      10', '产出指标      质量指标      合格率        10      9'];
    expect(read(lines)).toBeNull();
    // with a row more, the rows away from the header are read
    const r = read([...lines, '效益指标      社会效益      群众知晓率    10      10'])!;
    expect(r.text.split('\n').slice(0, 2)).toEqual(lines.slice(0, 2));
    expect(rowsOf(r.text)).toEqual(['产出指标\t质量指标\t合格率\t10\t9', '效益指标\t社会效益\t群众知晓率\t10\t10']);
  });

  it('pages (form feeds) are moved with the text, and a table never runs over a page break', async () => {
    const page1 = ['一、部门基本情况', '  本单位编制 8 人。', ...BASIC.slice(0, 8)];
    const page2 = BASIC.slice(8);
    const r = await readBytes(Buffer.from(page1.join('\n') + '\n\f' + page2.join('\n') + '\n'));
    expect(r.pages).toHaveLength(2);
    expect(r.text.slice(r.pages![1].start).startsWith('其中：公车')).toBe(true);
    expect(r.layoutTables).toHaveLength(2);
    expect(r.messages?.find((m) => m.ruleId === 'read:layout-tables')?.reason).toMatch(/^2 table/);
  });
});

describe('top-aligned rows', () => {
  // A Word table's cells are top-aligned by default: a wrapped cell's second line (`服务对象满意⏎度指标`) stands below a row
  // whose other cells sit on its first line, not around the row's middle as pdftotext centres them. A block the centred
  // reading leaves lines out of is read top-aligned (never the two mixed) when that puts more lines into rows.
  it('a top-aligned row with a wrapped cell is read, and the rows after it (the 总分 row)', async () => {
    const W = [12, 16, 22, 12, 12, 6, 6];
    const row = (cells: string[]) => cells.map((c, i) => c + ' '.repeat(Math.max(W[i] - [...c].reduce((n, ch) => n + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0), 0))).join('').trimEnd();
    const text = ['2023年度某县科学技术协会科普专项经费绩效自评报告', '项目支出绩效自评表', '',
      row(['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分']),
      row(['效益指标', '社会效益指标', '受益群众', '≥1万人次', '1.3万人次', '30', '28']),
      row(['满意度指标', '服务对象满意', '群众满意度', '≥90%', '95%', '20', '18']),
      row(['', '度指标']),
      row(['总分', '', '', '', '', '100', '96']), ''].join('\n');
    const r = await extractBytes('t.txt', Buffer.from(text));
    expect(r.record.indicators).toHaveLength(2);
    expect(r.record.indicators[1].level2).toBe('服务对象满意度指标');
    expect(r.record.selfEvaluation.score).toBe(96);
  });
  // a group header letter-spaced over the columns (`收    入 … 支    出`, one word per half of a 收入支出决算表) was read
  // as a row line of four pieces and the header row under it was lost; it now heads the table (not a row of it)
  // A group header letter-spaced over its columns: each word is one piece (a line of single CJK characters in two or
  // more groups, the gaps between groups more than four times the gaps inside them, not under a row line), and the line starts the table below.
  it('letter-spaced words (收    入 … 支    出) are one piece each; single characters evenly apart stay cells', () => {
    const r = read([
      '            收    入                       支    出',
      '项目            行次    金额      项目            行次    金额',
      '本年收入合计      1    312.45    本年支出合计      2    312.45',
      '总计              3    317.65    总计              4    317.65',
    ])!;
    expect(rowsOf(r.text)[0]).toBe('项目\t行次\t金额\t项目\t行次\t金额');
    expect(r.text.split('\n')[0]).toBe('            收    入                       支    出');
    // negatives: one-character cells of a sub-header (是 / 否 under each of two groups) stay cells — under a header row,
    // evenly apart, or in pairs a few columns apart
    const under = read([
      '检查内容          甲组                 乙组',
      '                  是    否             是    否',
      '制度健全          1     0              1     0',
      '执行到位          1     0              0     1',
    ])!;
    expect(under.text).toContain('                  是    否             是    否');
    expect(rowsOf(under.text)).toEqual(['制度健全\t1\t0\t1\t0', '执行到位\t1\t0\t0\t1']);
    const evenly = read(['                  是    否    是    否', '制度健全          1     0     1     0', '执行到位          1     0     0     1'])!;
    expect(rowsOf(evenly.text)[0]).toBe('\t是\t否\t是\t否');
    const pairs = read([
      '                  是    否             是    否',
      '制度健全          1     0              1     0',
      '执行到位          1     0              0     1',
    ])!;
    expect(rowsOf(pairs.text)[0]).toBe('\t是\t否\t是\t否');
  });

  // the same group header set solid (`收入 … 支出`, as pdftotext -layout gives a 收入支出决算总表 of a 决算 disclosure) was a row
  // line whose words covered the gaps of the rows' columns: no row of the table was read (only the ones left after a stray
  // break), and the 本年收入合计 of the table was lost; it is the header's caption now, as the letter-spaced one
  it('a solid group header (收入 … 支出) over a statement heads it, not a row of it', async () => {
    const lines = [
      '某市科技馆2021年度部门决算说明',
      '                           收入支出决算总表',
      '                                                                               单位：元',
      '            收入                                              支出',
      ' 项目                      行次             决算数  项目                  行次             决算数',
      ' 一、一般公共预算财政拨款收入           1    4,215,680.00  一、科学技术支出            32    4,102,335.60',
      ' 三、事业收入                   4      126,500.00  三、卫生健康支出            34      102,844.00',
      ' 本年收入合计                  30    4,342,180.00  本年支出合计              60    4,523,581.76',
      ' 年初结转和结余                 32      312,406.30  年末结转和结余             62      216,004.54',
      ' 总计                      33    4,739,586.30  总计                  63    4,739,586.30',
    ];
    const r = read(lines.slice(3))!;
    expect(r.text.split('\n')[0]).toBe(lines[3]);
    expect(rowsOf(r.text)[0]).toBe('项目\t行次\t决算数\t项目\t行次\t决算数');
    expect(rowsOf(r.text)).toHaveLength(6);
    const rec = (await extractBytes('t.txt', Buffer.from(lines.join('\n') + '\n'))).record;
    expect(rec.finance.incomeTotal).toBe(4342180);
    expect(rec.finance.spendingTotal.actual).toBe(4523581.76);
    expect(rec.finance.fiscalAppropriation.income).toBe(4215680);
    // negative: other words over the halves are no such caption: the statement stays unread, as before
    expect(read(['            合计                                              小计', ...lines.slice(4)])).toBeNull();
  });

  // a word letter-spaced inside a row line (`项    目` heading the label column, `合    计` opening the total row) was two
  // cells: the labels under or over it spanned its gap, so the table ended there (header or 合计 row lost)
  it('a letter-spaced pair in a row line (项    目, 合    计) is one cell when a label of the table spans both letters', () => {
    const r = read([
      '项    目            预算数         执行数',
      '当年财政拨款            20          19.5',
      '上年结转              2           1.5',
      '合    计            22          21',
    ])!;
    expect(rowsOf(r.text)).toEqual(['项    目\t预算数\t执行数', '当年财政拨款\t20\t19.5', '上年结转\t2\t1.5', '合    计\t22\t21']);
  });

  it('negative: one-character columns stay cells — a pair with values under each letter (是 / 否), a run of three (类 款 项)', () => {
    const yesNo = read([
      '检查内容              是     否       备注',
      '制度健全情况            1     0       无',
      '执行到位情况            0     1       无',
      '档案管理情况            1     1       无',
    ])!;
    expect(rowsOf(yesNo.text)[0]).toBe('检查内容\t是\t否\t备注');
    const codes = read([
      '类     款   项   科目名称              金额',
      '201   23  01  行政运行              35.2',
      '          02  一般行政管理事务          12.0',
    ])!;
    expect(rowsOf(codes.text)[0]).toBe('类\t款\t项\t科目名称\t金额');
  });

  it('a project report whose budget table has a letter-spaced 合    计 row gives the 合计, not the first source alone', async () => {
    const text = [
      '2023年度某县科学技术协会科普专项经费绩效自评报告',
      '一、项目资金情况',
      '                                  单位：万元',
      '项    目            预算数         执行数',
      '当年财政拨款            20          19.5',
      '上年结转              2           1.5',
      '合    计            22          21',
      '二、绩效目标完成情况',
      '项目按计划完成。',
    ].join('\n') + '\n';
    const { record } = await extractBytes('project.txt', Buffer.from(text));
    expect(record.finance.project.budget).toBe(220000);
    expect(record.finance.project.actual).toBe(210000);
  });

  // a project's one-source budget table is read as the project's money only when nothing else in it holds a figure: a
  // line the reader could not split (a second source with a wrapped label) may, and was passed over
  it('a one-source budget table with a row left unread gives nothing; negative: the same table without it gives its row', async () => {
    const report = (rows: string[]) =>
      [
        '2023年度某县科学技术协会科普专项经费绩效自评报告',
        '一、项目资金情况',
        '                                  单位：万元',
        '资金来源            预算数         执行数',
        '当年财政拨款            20          19.5',
        ...rows,
        '二、绩效目标完成情况',
        '项目按计划完成。',
      ].join('\n') + '\n';
    const unread = await extractBytes('p.txt', Buffer.from(report(['上级补助资金（含省级科普        2           1.5', '                      专项资金及转移支付资金）'])));
    expect(unread.record.finance.project.budget).toBeNull();
    expect(unread.record.finance.project.actual).toBeNull();
    const sole = await extractBytes('p.txt', Buffer.from(report([])));
    expect(sole.record.finance.project.budget).toBe(200000);
    expect(sole.record.finance.project.actual).toBe(195000);
  });

  it('a 收入支出决算表 under a letter-spaced group header (收    入   支    出) still gives its totals', async () => {
    const text = [
      '某市科学技术协会2023年度部门决算',
      '收入支出决算表',
      '部门：某市科学技术协会                                              单位：万元',
      '                 收    入                                      支    出',
      '项目                               行次     金额      项目                          行次     金额',
      '一、一般公共预算财政拨款收入        1      312.45    一、一般公共服务支出            32      0.00',
      '二、政府性基金预算财政拨款收入      2        0.00    二、科学技术支出                37    298.60',
      '本年收入合计                       27      312.45    本年支出合计                    58    312.45',
      '年初结转和结余                     29        5.20    年末结转和结余                  60      5.20',
      '总计                               30      317.65    总计                            61    317.65',
    ].join('\n') + '\n';
    const { record } = await extractBytes('statement.txt', Buffer.from(text));
    expect(record.finance.incomeTotal).toBe(3124500);
    expect(record.finance.incomeGrandTotal).toBe(3176500);
  });

  // full-width figures (`９５．００`) are figures; a caption's unit line and a table's notes in traditional script
  // (`單位：萬元`, `註：`) end the table as their simplified forms do
  const WIDE_TABLE = [
    '                2022年度部門整體支出績效自評表',
    '                                                  單位：萬元',
    '項    目            年初預算數     全年預算數     全年執行數     分值      執行率       得分',
    '年度資金總額            ９５．００     １０８．５０    １０４．３７    １０      ９６．１９％    ９．６２',
    '其中：基本支出           ６５．００     ７８．５０     ７５．９２     —       ９６．７１％    —',
    '    項目支出          ３０．００     ３０．００     ２８．４５     —       ９４．８３％    —',
    '總    分                                          １００               ９４．５',
  ];

  it('full-width figures and a traditional-script unit line: every row of the table is read', () => {
    const r = read(WIDE_TABLE);
    expect(rowsOf(r!.text)).toEqual([
      '項    目\t年初預算數\t全年預算數\t全年執行數\t分值\t執行率\t得分',
      '年度資金總額\t９５．００\t１０８．５０\t１０４．３７\t１０\t９６．１９％\t９．６２',
      '其中：基本支出\t６５．００\t７８．５０\t７５．９２\t—\t９６．７１％\t—',
      '項目支出\t３０．００\t３０．００\t２８．４５\t—\t９４．８３％\t—',
      '總    分\t\t\t\t１００\t\t９４．５',
    ]);
  });

  it('negative: a traditional-script note under the table (註：) is no row of it', () => {
    const r = read([...WIDE_TABLE, '註：執行率  為全年執行數  除以全年預算數']);
    expect(rowsOf(r!.text)).toHaveLength(5);
    expect(r!.text).toContain('註：執行率  為全年執行數  除以全年預算數');
  });
  // A 基础数据表 of label rows each over its row of figures, each pair set out in cells of its own widths (invented
  // figures): no one column layout holds them all.
  const STACKED = [
    '                 2023年度部门整体支出绩效评价基础数据表',
    '        填报单位：某县科学技术协会                                               单位：万元',
    '    编制人数            实有人数            在职人数            退休人数',
    '      9               8               7               1',
    '      年初预算数             全年预算数             全年执行数             预算执行率',
    '     212.50            230.80            226.41            98.10%',
    '        “三公”经费预算数                  “三公”经费实际支出数',
    '          3.20                        1.86',
];

  it('label rows each over their figures, each pair in cells of its own: every pair a row pair of one table, and read', async () => {
    const r = read(STACKED)!;
    expect(rowsOf(r.text)).toEqual([
      '编制人数\t实有人数\t在职人数\t退休人数',
      '9\t8\t7\t1',
      '年初预算数\t全年预算数\t全年执行数\t预算执行率',
      '212.50\t230.80\t226.41\t98.10%',
      '“三公”经费预算数\t“三公”经费实际支出数',
      '3.20\t1.86',
    ]);
    expect(r.tables).toHaveLength(1);
    const { record } = await extractBytes('stacked.txt', Buffer.from(REPORT(STACKED)));
    expect(record.staffing).toMatchObject({ authorized: 9, inService: 7, retired: 1 });
    expect(record.finance.spendingTotal).toEqual({ initialBudget: 2125000, budget: 2308000, actual: 2264100, executionRate: 98.1 });
    expect(record.finance.threePublic).toEqual({ budget: 32000, actual: 18600 });
    expect(record.evidence['/finance/spendingTotal/actual']).toMatchObject({ text: '226.41' });
    // (the same with a blank line after every printed line)
    const spaced = read(STACKED.flatMap((l) => [l, '']))!;
    expect(rowsOf(spaced.text)).toEqual(rowsOf(r.text));
  });

  // The 三公 pair's second label wrapped in its narrow cell (`“三公”经费实际支` ⏎ `出数`), as pdftotext prints it: Word's
  // top-aligned cells (the wrap under the first line, left-aligned) or cells centred on the row's middle (the one-line label
  // on a line of its own between the wrapped one's lines, those centred on one another).
  const WRAPPED_TOP = [
    ...STACKED.slice(0, -2),
    '        “三公”经费预算数                  “三公”经费实际支',
    '                                   出数',
    STACKED[STACKED.length - 1],
  ];
  const WRAPPED_CENTRED = [
    ...STACKED.slice(0, -2),
    '                                   “三公”经费实际支',
    '        “三公”经费预算数',
    '                                      出数',
    STACKED[STACKED.length - 1],
  ];

  it('a label of a pair wrapped over two lines (top-aligned or centred) is one cell, its lines joined, and read', async () => {
    for (const table of [WRAPPED_TOP, WRAPPED_CENTRED]) {
      const r = read(table)!;
      expect(rowsOf(r.text).slice(-2)).toEqual(['“三公”经费预算数\t“三公”经费实际支出数', '3.20\t1.86']);
      expect(rowsOf(r.text)).toHaveLength(6);
      const { record } = await extractBytes('wrapped.txt', Buffer.from(REPORT(table)));
      expect(record.finance.threePublic).toEqual({ budget: 32000, actual: 18600 });
      expect(record.staffing).toMatchObject({ authorized: 9, inService: 7, retired: 1 });
    }
    // (the first pair's last label wrapped: 预算执行 ⏎ 率)
    const rate = [...STACKED.slice(0, 4), '      年初预算数             全年预算数             全年执行数             预算执行', ' '.repeat(61) + '率', ...STACKED.slice(5)];
    expect(rowsOf(read(rate)!.text)).toContain('年初预算数\t全年预算数\t全年执行数\t预算执行率');
  });

  it('negative: a line over a pair\'s labels, or a second line neither under nor centred on a label, is no part of it', () => {
    // (a line over the first labels, 基本信息 over 编制人数: the labels are read as they stand, the line left alone)
    const over = [STACKED[0], STACKED[1], '    基本信息', ...STACKED.slice(2)];
    const r = read(over)!;
    expect(rowsOf(r.text)[0]).toBe('编制人数\t实有人数\t在职人数\t退休人数');
    expect(r.text).toContain('\n    基本信息\n');
    // (出数 set off to the right of its label's first line: no wrap of it; the pair is left unread, the pairs above still read)
    const off = [...STACKED.slice(0, -2), '        “三公”经费预算数                  “三公”经费实际支', '                                          出数', STACKED[STACKED.length - 1]];
    const o = read(off)!;
    expect(rowsOf(o.text)).not.toContain('3.20\t1.86');
    expect(rowsOf(o.text)).toContain('212.50\t230.80\t226.41\t98.10%');
    // (a second line wider than the first: two lines of one cell written so, no wrap)
    const wide = [...STACKED.slice(0, -2), '        “三公”经费预算数                  “三公”经费', '                                   实际支出决算数', STACKED[STACKED.length - 1]];
    expect(rowsOf(read(wide)!.text)).not.toContain('3.20\t1.86');
  });

  it('negative: a figure under no label of its own is not read as a pair; a header over two rows of figures is an ordinary table', () => {
    // (1.86 moved left, under neither 三公 label: whose it is is not sure; the pairs above still read)
    const moved = [...STACKED.slice(0, -1), STACKED[STACKED.length - 1].replace('  1.86', '1.86  ').replace(/^(\s*3\.20)\s+/, '$1              ')];
    const r = read(moved)!;
    expect(rowsOf(r.text)).not.toContain('3.20\t1.86');
    expect(rowsOf(r.text)).toContain('212.50\t230.80\t226.41\t98.10%');
    // (a header over two rows of figures is an ordinary table, not pairs)
    expect(rowsOf(read([STACKED[2], STACKED[3], STACKED[3]])!.text)).toEqual(['编制人数\t实有人数\t在职人数\t退休人数', '9\t8\t7\t1', '9\t8\t7\t1']);
  });
  // A Word table printed top-aligned with a wrapped 三级指标 cell under each row line (…⇥开展科普⏎活动场次 over the next row line,
  // ⇥时效指标⇥活动按时⇥100%⇥…): the wrapped line may go on the row above (top-aligned) or open the row below (its cells printed
  // on the wrapped cell's last line). Where no bottom-aligned reading holds every line (here the last row's wrapped cell, 度,
  // stands over the 总分 row), the top reading is sure: a row of figures under another row's wrapped line starts its own row.
  it('a top-aligned indicator table whose names wrap under their row lines gives every row (before: all unread)', async () => {
    const text = ["2023年度某县科学技术协会部门整体支出绩效自评报告", "一、部门概况", "县科协核定编制9名。", "                         部门整体支出绩效自评表", "   一级指标         二级指标         三级指标      年度指标值        实际完成值        分值      得分      偏差原因", "   产出指标         数量指标         开展科普      ≥20场         24场          20      20", "                             活动场次", "                时效指标         活动按时      100%         95%          10      8       延期", "                             完成率", "   效益指标         社会效益指标       公众科学      逐步提高         有所提高         30      28", "                             素质水平", "   满意度指标        服务对象满意度      群众满意      ≥90%         95%          30      30", "                             度", "   总分                                                            100     96"].join('\n') + '\n';
    const { record } = await extractBytes('top.txt', Buffer.from(text));
    expect(record.indicators.map((x) => [x.level1, x.level2, x.level3, x.target?.text, x.actual?.text, x.weight, x.score, x.note])).toEqual([
      ['产出指标', '数量指标', '开展科普活动场次', '≥20场', '24场', 20, 20, null],
      ['产出指标', '时效指标', '活动按时完成率', '100%', '95%', 10, 8, '延期'],
      ['效益指标', '社会效益指标', '公众科学素质水平', '逐步提高', '有所提高', 30, 28, null],
      ['满意度指标', '服务对象满意度', '群众满意度', '≥90%', '95%', 30, 30, null],
    ]);
    expect(record.selfEvaluation.score).toBe(96);
  });

  it('negative: the same rows with no line a bottom-aligned reading leaves out (each wrapped line may open the row below) stay unread', () => {
    const r = read(["                         部门整体支出绩效自评表", "   一级指标         二级指标         三级指标      年度指标值        实际完成值        分值      得分      偏差原因", "   产出指标         数量指标         开展科普      ≥20场         24场          20      20", "                             活动场次", "                时效指标         活动按时      100%         95%          10      8       延期", "                             完成率", "   效益指标         社会效益指标       公众科学      逐步提高         有所提高         30      28", "                             素质水平", "   满意度指标        服务对象满意度      群众满意      ≥90%         95%          30      30", "   总分                                                            100     96"]);
    expect(r === null || !rowsOf(r.text).some((l) => /开展科普活动场次|活动场次活动按时/.test(l))).toBe(true);
  });

  it('negative: names wrapped over three lines centred on their rows are not read top-aligned (no 三级指标举办科普, no 讲座及培训场次发放科普)', () => {
    const r = read(["                         2023年度项目支出绩效自评表", "   一级指标         二级指标         三级指标      年度指标值        实际完成值        分值      得分", "                             举办科普", "   产出指标         数量指标         讲座及培      ≥10场         12场          20      20", "                             训场次", "                             发放科普", "                质量指标         宣传资料      ≥5000份       6200份        20      18", "                             份数", "   效益指标         社会效益指标       受益群众      ≥1万人次        1.3万人次       30      28", "   满意度指标        服务对象满意度      群众满意      ≥90%         95%          30      30", "                             度", "   总分                                                            100     96", "二、存在问题"])!;
    expect(rowsOf(r.text).some((l) => /三级指标举办科普|发放科普⇥|场次发放科普/.test(l.replace(/\t/g, '⇥')))).toBe(false);
    expect(rowsOf(r.text)).toContain('效益指标\t社会效益指标\t受益群众\t≥1万人次\t1.3万人次\t30\t28');
  });
});
