// Text kept in a PDF's printed lines (pdftotext, copy and paste) is re-joined into paragraphs; text written a
// paragraph per line is left alone. Whole-report cases: test/read/same-record.test.ts (corpus *-pdftotext*.txt).
import { describe, expect, it } from 'vitest';
import { readBytes } from '../../src/read/index.js';
import { unwrapText, wrapWidth } from '../../src/read/unwrap.js';
import { extractText } from '../../src/pipeline.js';
import { readAsFile, wrapLines } from './helpers.js';

/** A paragraph broken where the next character would pass `n` em (a digit is narrower), as a PDF prints it. */
const wrap = (para: string, n = 20): string => wrapLines(para, n).join('\n');

const P1 = '2023年度部门支出合计121.30万元，其中基本支出98.30万元，项目支出23.00万元，主要用于科普宣传、科技培训和学会服务等工作。';
const P2 = '全年开展科普活动28场，举办培训班4期，培训农民350人次，科普宣传覆盖群众2万余人，发放科普资料5000余份，接受咨询1200人次。';
const P3 = '县科协将进一步加强预算管理，细化预算编制，提高资金使用效益，确保各项科普工作任务按时保质完成，更好服务全县经济社会发展。';

describe('re-joining wrapped text', () => {
  it('joins lines broken where the printed line was full, keeps headings and paragraph ends', () => {
    const text = ['一、部门财政资金收支情况', wrap(P1), '二、绩效目标完成情况', wrap(P2), wrap(P3), ''].join('\n');
    const u = unwrapText(text)!;
    expect(u.text).toBe(['一、部门财政资金收支情况', P1, '二、绩效目标完成情况', P2, P3, ''].join('\n'));
    expect(u.width).toBeGreaterThan(19);
    expect(u.width).toBeLessThanOrEqual(20);
    expect(u.pages).toBeNull();
  });

  it('a number broken over two lines is one number again, and is read', async () => {
    const para = '经费保障有力，2023年度部门支出合计121.30万元。';
    const lines = [...wrap(P2).split('\n'), ...wrap(P3).split('\n'), '经费保障有力，2023年度部门支出合计121.', '30万元。'];
    const r = await readBytes(Buffer.from(lines.join('\n') + '\n'));
    expect(r.text).toContain(para);
    expect(r.messages?.some((m) => m.ruleId === 'read:unwrapped')).toBe(true);
  });

  it('form feeds give pages; page numbers at a page edge are dropped and the paragraph joined across', () => {
    const [a, b] = [wrap(P1).split('\n'), wrap(P2).split('\n')];
    const text = [...a.slice(0, 3), '', '- 1 -', '\f' + a.slice(3).join('\n'), ...b, '', '2', ''].join('\n');
    const u = unwrapText(text)!;
    expect(u.text).toBe(`${P1}\n${P2}\n`);
    expect(u.pageNumbers).toBe(2);
    expect(u.pages).toEqual([
      { num: 1, start: 0, end: a.slice(0, 3).join('').length },
      { num: 2, start: a.slice(0, 3).join('').length, end: u.text.length },
    ]);
  });

  it('pdftotext -layout: the blank line after every printed line is spacing, an indented line a new paragraph', () => {
    const spaced = (p: string) => wrap(p).split('\n').join('\n\n');
    const text = ['一、部门基本情况', `  ${spaced(P1)}`, '', `  ${spaced(P2)}`, '', `  ${spaced(P3)}`, ''].join('\n');
    const u = unwrapText(text)!;
    expect(u.text.split('\n').filter(Boolean)).toEqual(['一、部门基本情况', `  ${P1}`, `  ${P2}`, `  ${P3}`]);
  });

  it('negative: lines of one length among longer ones (a project form\'s fields, a running header) are no printed width', () => {
    // (the four field lines and the heading end within 2 em of one width, mostly inside a sentence; the paragraphs are
    // far wider than that, which no printed line can be)
    const fields = ['2023年度科普惠农兴村专项资金绩效自评报告', '项目名称： 科普惠农兴村专项资金', '主管部门： 某省科学技术协会', '实施单位： 某县科学技术协会'];
    const body = ['一、项目基本情况', P1, '二、绩效目标完成情况', '1.数量指标： 奖补农技协4个，科普示范基地2个。', '2.质量指标： 验收合格率100%。', P2, P3, '部分基层组织活动开展不够经常。', '1.加强日常督导，定期开展检查。'];
    const text = [...fields, '', ...body, ''].join('\n');
    expect(wrapWidth(text.split('\n'))).toBeNull();
    expect(unwrapText(text)).toBeNull();
    const { record } = extractText(text);
    expect(record.meta.title).toBe('2023年度科普惠农兴村专项资金绩效自评报告');
    const header = '某县科协2023年度部门整体支出绩效自评报告_政务公开';
    const paged = [header, '2023年度某县科学技术协会部门整体支出绩效自评报告', P1, '一、部门基本情况', header, P2, '二、存在的问题', header, P3, header, '资金使用效率有待提高。', header, ''].join('\n');
    expect(wrapWidth(paged.split('\n'))).toBeNull();
  });

  it('negative: a text written one paragraph per line is not changed', async () => {
    const text = ['一、部门基本情况', P1, '（一）主要成效', P2, P3, '二、存在的问题', '资金使用效率有待提高。', ''].join('\n');
    expect(unwrapText(text)).toBeNull();
    expect((await readBytes(Buffer.from(text))).text).toBe(text);
  });

  it('negative: a full line ending a sentence (。) is a paragraph end; a numbered heading is never a continuation', () => {
    const a = '全年开展科普活动二十八场次，覆盖群众两万余人。'; // 24 characters, like the wrapped lines
    const text = [wrap(P1, 24), wrap(P2, 24), a, '本年度科普经费全部用于科普活动', wrap(P3, 24).replace(/^.{24}/u, '（二）存在的问题和改进措施方'), ''].join('\n');
    const u = unwrapText(text)!;
    expect(u.width).toBe(24);
    expect(u.text).toContain(`${a}\n本年度`);
    expect(u.text).toContain('\n（二）存在的问题');
  });

  it('negative: table rows (tabs, columns of spaces) are never joined', () => {
    const rows = ['项目名称\t预算数\t执行数\t执行率', '科普活动经费\t20.00\t19.80\t99%', '学会工作经费      8.00      8.00      100%'];
    const text = [wrap(P1), ...rows, wrap(P2), ''].join('\n');
    const u = unwrapText(text)!;
    for (const r of rows) expect(u.text).toContain(`\n${r}\n`);
  });

  it('without form feeds, - 2 - and 第2页 lines are page numbers (the paragraph is joined across); negative: a bare number line stays (it may be a cell)', () => {
    const [a, b] = [wrap(P1).split('\n'), wrap(P2).split('\n')];
    const text = [...a.slice(0, 2), '- 2 -', ...a.slice(2), '2', ...b, '第 3 页', wrap(P3), ''].join('\n');
    const u = unwrapText(text)!;
    expect(u.pageNumbers).toBe(2);
    expect(u.text).toBe(`${P1}\n2\n${P2}\n${P3}\n`);
  });

  it('without form feeds, the blank lines around a dropped page number are the page break: the paragraph is joined across; negative: a blank line with no page number still ends it', () => {
    const [a, b] = [wrap(P1).split('\n'), wrap(P2).split('\n')];
    const text = [...a.slice(0, 2), '', '— 2 —', '', ...a.slice(2), ...b, ''].join('\n');
    const u = unwrapText(text)!;
    expect(u.pageNumbers).toBe(1);
    expect(u.text).toBe(`${P1}\n${P2}\n`);
    const plain = unwrapText([...a.slice(0, 2), '', ...a.slice(2), ...b, ''].join('\n'))!;
    expect(plain.text.startsWith(`${a.slice(0, 2).join('')}\n\n`)).toBe(true);
  });

  it('negative: a table of contents (leaders, page numbers) is neither a sign of wrapping nor joined', () => {
    const toc = ['目  录', '1.部门基本情况……………………………………1', '2.部门收支总体情况………………………………2', '3.绩效自评情况……………………………………3', '4.存在的问题……………………………………4', '5.改进措施………………………………………5', '6.其他说明………………………………………6'];
    expect(unwrapText([...toc, '一、部门基本情况', P1, ''].join('\n'))).toBeNull();
    const u = unwrapText([...toc, wrap(P1), wrap(P2), wrap(P3), ''].join('\n'))!;
    for (const l of toc) expect(u.text).toContain(`${l}\n`);
  });

  it('negative: short lines alone do not make a text wrapped', () => {
    expect(wrapWidth(['一、基本情况', '（一）部门职能', '（二）人员情况', '编制7人。', '二、收支情况'])).toBeNull();
  });

  it('negative: headings of one length (a 决算 written a paragraph per line) do not make it wrapped', async () => {
    // its parts' and sections' headings end without a stop at about one width: they were taken for full lines ending
    // inside a sentence, and a heading was glued to the paragraph under it (一、收入支出决算总体情况说明2019年度收入总计…)
    const text = [
      '某某县科学技术协会2019年度部门决算',
      '第一部分 部门概况',
      '一、部门职责',
      '县科协是党领导下的人民团体。',
      '二、机构设置',
      '县科协机关内设办公室1个。',
      '第二部分 2019年度部门决算表',
      '一、收入支出决算总表',
      '二、收入决算表',
      '三、支出决算表',
      '第三部分 2019年度部门决算情况说明',
      '一、收入支出决算总体情况说明',
      '2019年度收入总计186.32万元，支出总计186.32万元。',
      '预算执行情况',
      '本年支出合计180.20万元。',
      '二、“三公”经费支出决算情况说明',
      '“三公”经费支出决算表',
      '单位：万元',
      '项目名称\t预算数\t决算数\t结余',
      '因公出国（境）费\t0\t0\t0',
      '公务接待费\t1.50\t1.20\t0.30',
      '公务用车运行维护费\t3.00\t2.80\t0.20',
      '合计\t4.50\t4.00\t0.50',
      '2019年“三公”经费支出4.00万元，比年初预算减少0.50万元。',
      '三、项目支出情况',
      '项目支出决算明细表',
      '单位：万元',
      '项目名称\t年初预算数\t全年预算数\t决算数\t结余',
      '科普活动经费\t20.00\t25.00\t24.50\t0.50',
      '科技馆运行经费\t30.00\t30.00\t29.80\t0.20',
      '合计\t50.00\t55.00\t54.30\t0.70',
      '',
    ].join('\n');
    expect(unwrapText(text)).toBeNull();
    expect((await readBytes(Buffer.from(text))).text).toBe(text);
  });

  it('a wrapped paragraph opening with a section marker is still joined', () => {
    const para = `（一）部门职能。${P1}`;
    const text = [wrap(para), wrap(P2), wrap(P3), ''].join('\n');
    expect(unwrapText(text)!.text).toBe([para, P2, P3, ''].join('\n'));
  });
});

describe('a line break inside a number', () => {
  const PROJECT = (body: string[]) =>
    ['2023年度科普专项经费绩效自评报告', '一、项目基本情况', ...body, '二、自评结论', '自评得分96分。', ''].join('\n');

  it('is joined in a text written a paragraph per line: 调整后预算6⏎0万元 is 60万元, not the budget before the change', async () => {
    const text = PROJECT(['2023年县财政安排项目预算资金50万元，年中追加10万元，调整后预算6', '0万元，全年实际支出58.5万元，执行率97.5%。']);
    const r = await readBytes(Buffer.from(text));
    expect(r.text).toContain('调整后预算60万元，全年实际支出');
    expect(r.messages?.some((m) => m.ruleId === 'read:number-joined')).toBe(true);
    const { record } = extractText(r.text);
    expect(record.finance.project.budget).toBe(600000);
    expect(record.finance.project.actual).toBe(585000);
  });

  it('full-width digits and traditional script: 調整後預算６⏎０萬元', () => {
    const u = unwrapText(PROJECT(['2023年縣財政安排專項經費年初預算５０萬元，年中追加１０萬元，調整後預算６', '０萬元，全年實際支出５８.５萬元。']))!;
    expect(u.text).toContain('調整後預算６０萬元');
  });

  it('after re-joining a wrapped text too (a line that left room before the break)', () => {
    const text = [wrap(P1), wrap(P2), '县财政安排科普经费年初预算5', '0万元，实际支出49.5万元。', wrap(P3), ''].join('\n');
    const u = unwrapText(text)!;
    expect(u.text).toContain('年初预算50万元，实际支出49.5万元。');
  });

  it('a unit broken between 万 and 元 (调整后预算60万⏎元) is joined; negative: 元旦 opening the next line', () => {
    const u = unwrapText(PROJECT(['2023年县财政安排项目预算资金50万元，年中追加10万元，调整后预算60万', '元，全年实际支出58.5万元，执行率97.5%。']))!;
    expect(u.text).toContain('调整后预算60万元，全年实际支出');
    expect(extractText(u.text).record.finance.project.budget).toBe(600000);
    expect(unwrapText(PROJECT(['全年共开展各类科普活动36场，受益群众达1万', '元旦期间开展科普进社区活动3场。']))).toBeNull();
  });

  it('a count’s unit moved to the next line (受益群众1.2万⏎人次, 参赛学生3200⏎人次) is joined; negative: 2023⏎12月, 2万⏎人员经费, a table row', () => {
    const u = unwrapText(PROJECT(['全年组织开展科普活动12场次，受益群众1.2万', '人次；组织青少年科技竞赛，参赛学生达到3200', '人次。']))!;
    expect(u.text).toContain('受益群众1.2万人次；组织青少年科技竞赛，参赛学生达到3200人次。');
    const acts = extractText(u.text).record.activities;
    expect(acts.some((a) => a.label === '受益群众' && a.count === 12000 && a.unit === '人次')).toBe(true);
    expect(unwrapText(PROJECT(['全年组织开展科普讲座共计12场，于2023', '12月开展科普进校园活动。']))).toBeNull();
    expect(unwrapText(PROJECT(['全年接待参观群众共计达到2万', '人员经费支出12万元，公用经费3万元。']))).toBeNull();
    expect(unwrapText(PROJECT(['活动名称\t场次\t参与人数\t1.2万', '人次合计']))).toBeNull();
  });

  it('a figure broken before its multiplier (约3.2⏎万人次, 52⏎万元) or a bare count before 期/场/次 (培训班8⏎期) is joined; negative: 8⏎期间, 3⏎场馆, 2023⏎次年, 12⏎人数, a table row', () => {
    const u = unwrapText(PROJECT(['全年开展各类科普活动126场次，开展科技工作者培训班8', '期，培训人员650人次；组织全国科普日活动，参与群众约3.2', '万人次；发放科普资料5000余份，全年项目实际支出52', '万元。']))!;
    expect(u.text).toContain('培训班8期，培训人员650人次；组织全国科普日活动，参与群众约3.2万人次；发放科普资料5000余份，全年项目实际支出52万元。');
    const acts = extractText(u.text).record.activities;
    expect(acts.some((a) => a.label === '开展科技工作者培训班' && a.count === 8 && a.unit === '期')).toBe(true);
    expect(acts.some((a) => a.label === '参与群众' && a.count === 32000 && a.unit === '人次')).toBe(true);
    expect(unwrapText(PROJECT(['全年组织开展科普讲座共计12场，活动共持续8', '期间群众反响热烈，参与踊跃。']))).toBeNull();
    expect(unwrapText(PROJECT(['全年组织开展科普讲座共计12场，新建科普场所3', '场馆均已投入使用，效果良好。']))).toBeNull();
    expect(unwrapText(PROJECT(['全年组织开展科普讲座共计12场，于2023', '次年开展科普进校园活动。']))).toBeNull();
    expect(unwrapText(PROJECT(['全年组织开展科普讲座共计12场，参与学生12', '人数较上年有所增加。']))).toBeNull();
    expect(unwrapText(PROJECT(['活动名称\t场次\t参与人数\t3.2', '万人次合计']))).toBeNull();
  });

  it('a count’s label broken before it (培训⏎农民450人次) is joined; negative: a title or heading line above, a table row', () => {
    const u = unwrapText(PROJECT(['举办农村实用技术培训班15期，全年累计培训', '农民450人次；发放科普资料3000余份。']))!;
    expect(u.text).toContain('全年累计培训农民450人次；');
    expect(extractText(u.text).record.activities.some((a) => a.label === '培训农民' && a.count === 450)).toBe(true);
    expect(unwrapText(['某县科学技术协会2023年度部门整体支出绩效自评报告', '编制8名，实有在职人员7名。', ''].join('\n'))).toBeNull();
    expect(unwrapText(['（二）科普活动开展情况及社会效益分析', '群众1200人次参与活动。', ''].join('\n'))).toBeNull();
    expect(unwrapText(['项目\t全年累计培训，科普宣传活动', '农民450人次', ''].join('\n'))).toBeNull();
  });

  it('inside its decimals (基本支出1,712,530.3⏎0元, 占比85.2⏎5%) is joined: basic.actual is the broken figure', () => {
    const text = ['2023年度某县科学技术协会部门整体支出绩效自评报告', '二、部门整体支出情况', '本年支出合计2,298,140.30元，其中：基本支出1,712,530.3', '0元，项目支出585,610.00元，基本支出占比74.5', '2%。', ''].join('\n');
    const u = unwrapText(text)!;
    expect(u.text).toContain('基本支出1,712,530.30元，项目支出585,610.00元，基本支出占比74.52%。');
    expect(u.numbers).toBe(2);
    expect(extractText(u.text).record.finance.basic.actual).toBe(1712530.3);
  });

  it('inside a figure with thousands separators (1,712,⏎530.30元, 1,71⏎2,530.30元, 1,712⏎,530.30元) is joined; negative: pieces not grouped by threes (1,712⏎530.30元)', () => {
    const para = (v: string) => ['2023年度某县科学技术协会部门整体支出绩效自评报告', '二、部门整体支出情况', `本年支出合计2,298,140.30元，其中：基本支出${v}，项目支出585,610.00元。`, ''].join('\n');
    for (const v of ['1,712,\n530.30元', '1,71\n2,530.30元', '1,712\n,530.30元']) {
      const u = unwrapText(para(v))!;
      expect(u.text).toContain('基本支出1,712,530.30元，');
      expect(extractText(u.text).record.finance.basic.actual).toBe(1712530.3);
    }
    expect(unwrapText(para('1,712\n530.30元'))).toBeNull();
    expect(unwrapText(para('2,0\n23年12月'))).toBeNull();
  });

  it('negative: a decimal before a line opening with a date, a bare number or a cell, and a table row, are not joined', () => {
    const lines = [
      '本单位按照县财政局通知要求于第二季度开展自评，上报版本为2.1', // 2.1⏎2023年: a year opens no unit
      '2023年度自评工作全部完成。',
      '本年收入合计（行次）及金额如下所示：168.4', // a bare number
      '2',
      '科普活动经费\t预算数20.5', // a table row
      '0万元',
    ];
    expect(unwrapText(lines.join('\n') + '\n')).toBeNull();
  });

  it('negative: a date, a list number, a bare number (行次), a short line and a table row are not joined', () => {
    const lines = [
      '本单位于2023年度组织开展了自评工作，截至2023', // a date: 12月 opens no unit of money or count
      '12月31日全部完成。',
      '本年度主要开展了以下三项重点工作之1', // a list number
      '2、开展科普活动。',
      '本年收入合计（行次）及金额如下所示：1', // a bare number
      '168.42',
      '目标1', // a short line: no paragraph's line
      '100%完成。',
      '科普活动经费\t预算数20', // a table row
      '19.80万元',
      '一般公共预算财政拨款支出中科学技术普及支出科普活动2070402', // a 科目 code
      '38.20万元，主要用于开展科普活动。',
    ];
    expect(unwrapText(lines.join('\n') + '\n')).toBeNull();
  });
});

describe('a table laid out one cell per line', () => {
  const CELLS = ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因', '分析及', '改进措施', '产出指标', '数量指标', '举办培训', '≥5期', '6期', '10', '10'];
  const report = (cells: string[]) =>
    ['2023年度某县科学技术协会项目支出绩效自评报告', '一、存在的问题和改进措施', '1.宣传形式较为单一，群众参与度有待提高。', '2.下一步将创新宣传方式。', '二、其他需要说明的情况', '无。', '附件：项目支出绩效自评表', ...cells, ''].join('\n');

  it('is ignored: a header cell (改进措施) is no heading, its cells are no list items', () => {
    const { record, doc } = extractText(report(CELLS));
    expect(doc.excluded.some((x) => x.reason.startsWith('table cells'))).toBe(true);
    expect(record.outline.map((n) => n.title)).not.toContain('改进措施');
    expect(record.problems.concat(record.improvements)).toEqual(['宣传形式较为单一，群众参与度有待提高。', '下一步将创新宣传方式。']);
  });

  it('negative: a few short lines (a signature block) stay text', () => {
    const { doc } = extractText(report(['某县科学技术协会', '2024年3月18日', '联系人：张三']));
    expect(doc.excluded.some((x) => x.reason.startsWith('table cells'))).toBe(false);
  });
});

describe('a short text wrapped at a page width (a one-page notice copied out of a PDF)', () => {
  const S1 = '本部门核定编制7名，其中行政编制5名、事业编制2名；年末在职人员7人，退休人员4人。2022年度部门预算收入156.32万元，其中基本支出预算128.40万元，项目支出预算27.92万元；全年实际支出151.06万元，其中基本支出125.18万元，项目支出25.88万元，预算执行率96.64%。';
  const head = ['某县科学技术协会2022年度部门整体支出绩效自评报告', '一、部门基本情况'];
  it('three or four full lines ending inside a sentence are joined: a word broken at a line end (退休⏎人员4人) reads again', async () => {
    const text = [...head, wrap(S1, 36), '二、自评结论', '经自评，本部门2022年度整体支出绩效自评得分为94.5分，评价等级为优。', ''].join('\n');
    expect(wrapWidth(text.split('\n'))).toBeNull(); // too few full lines for the general rule
    const u = unwrapText(text)!;
    expect(u.text).toContain(`\n${S1}\n`);
    const r = await readAsFile(text);
    expect(r.record.staffing.retired).toBe(4);
    expect(r.record.finance.project.budget).toBe(279200);
  });

  it('negative: field lines, titles listed, list items and lines followed by a blank line or a marker stay', () => {
    const cases = [
      // a form's fields of one length
      ['项目名称：2023年度科普活动经费项目支出绩效自评情况', '主管部门：某县科学技术协会及所属事业单位科普部门', '实施单位：某县科学技术协会科普部和学会部联合办公室', '项目负责人：某某某，联系电话：0000-00000000', ''],
      // titles of annexes listed one a line (no clause's mark)
      ['附件目录', '某县科学技术协会2023年度部门整体支出绩效自评报告书', '某县科学技术协会2023年度科普专项经费绩效自评报告书', '某县科学技术协会2023年度部门决算公开情况说明报告书', ''],
      // items of a list, each a line, the next opening with its number
      ['1.开展全国科普日活动，发放宣传资料五千余份，接待群众咨询', '2.举办青少年科技创新大赛，参赛学生三百余人，评出获奖作品', '3.组织科技工作者下基层服务，覆盖全县十二个乡镇和社区群众', '4.完成年度工作任务。', ''],
      // paragraphs a line each, a blank line after each
      ['全年开展科普活动二十八场，覆盖群众两万余人，发放资料五千余份', '', '举办农村实用技术培训班四期，培训农民三百五十人次，效果较好', '', '完成科普e站建设五个，科普长廊改造两处，科普阵地不断完善提升', ''],
    ];
    for (const c of cases) {
      const text = c.join('\n');
      expect(unwrapText(text)?.joined ?? 0, c[0]).toBe(0);
    }
  });
});

describe('a report pasted on one line', () => {
  it('keeps its first heading when a later one names the general budget and a part of it on the same line', async () => {
    const text =
      '2024年度某区科学技术协会整体支出绩效自评报告一、基本情况区科协全额拨款事业编制3名，在职在编人数为3人。二、一般公共预算支出情况（一）基本支出情况1、2024年预算资金69.16万元。2、2024年度单位一般公共预算财政拨款支出85.33万元，其中：项目支出30.24万元，基本支出55.09万元。三、存在的问题无。\n';
    const { record } = await readAsFile(text);
    // (the general budget's section pattern is embedded in the run-in title's pattern: it must stay an infix)
    expect(record.outline.map((o) => [o.ordinal, o.title, o.key])).toEqual([
      ['一、', '基本情况', 'basic_info'],
      ['二、', '一般公共预算支出情况', 'general_budget_spending'],
      ['三、', '存在的问题', 'problems'],
    ]);
  });
});

describe('a report pasted on one line: a table of contents with dot leaders', () => {
  it('cuts each entry with its page number, also after a title ending 情况', async () => {
    const text = '2023年度某县科协部门整体支出绩效自评报告目录一、部门概况……3二、部门整体支出情况……4三、存在的问题……6四、改进措施……7一、部门概况县科协核定编制5名，实有在职人员5人，负责全县科普工作。二、部门整体支出情况全年支出90万元。三、存在的问题1.宣传覆盖面不广。2.专业人才缺乏。四、改进措施1.拓宽宣传渠道。2.加强人才培养。\n';
    const { record, doc } = await readAsFile(text);
    const lines = doc.lines.map((l) => doc.norm.slice(l.start, l.end));
    // (before: ……3二、部门整体支出情况……4 one line, the first entry's page number glued to the next)
    expect(lines.slice(2, 6)).toEqual(['一、部门概况……3', '二、部门整体支出情况……4', '三、存在的问题……6', '四、改进措施……7']);
    expect(record.outline.map((o) => o.title)).toEqual(['部门概况', '部门整体支出情况', '存在的问题', '改进措施']);
  });
});

describe('a report pasted on one line: chapters and decimal sections', () => {
  it('cuts at 第N章 and at N.x under it; a figure after a space is none', async () => {
    const text = '2023年度某县科学技术协会科普专项经费项目支出绩效评价报告第一章项目基本情况1.1项目立项依据根据《中华人民共和国科学技术普及法》和县委县政府有关要求，设立本项目。1.2项目资金情况本项目年初预算30万元，全年实际支出28.5万元。第二章绩效评价结论2.1评价结论经综合评价，本项目得分92分，等级为优。2.2主要绩效全年开展科普活动20场，受益群众1.5万人次。第三章存在问题及改进措施3.1存在问题（1）宣传覆盖面不够广；（2）专业人才不足。3.2改进措施1.加强科普宣传。2.加强人才队伍建设。\n';
    const { record, doc } = await readAsFile(text);
    expect(record.outline.map((o) => [o.ordinal, o.title])).toEqual([['第一章', '项目基本情况'], ['第二章', '绩效评价结论'], ['第三章', '存在问题及改进措施']]);
    expect(record.outline[2].children.map((o) => [o.ordinal, o.key])).toEqual([['3.1', 'problems'], ['3.2', 'improvements']]);
    expect(record.improvements).toEqual(['加强科普宣传。', '加强人才队伍建设。']);
    // (28.5万元, 1.5万人次 stay in their sentences)
    expect(doc.lines.map((l) => doc.norm.slice(l.start, l.end))).toContain('本项目年初预算30万元，全年实际支出28.5万元。');
  });
});

describe('a report pasted on one line: arabic sub-headings glued to their text', () => {
  it('keeps 1．资金使用情况 and its sibling after a sentence; 自评结论性意见 whole', async () => {
    const text =
      '2023年度某县科学技术协会科普专项经费项目支出绩效自评报告一、项目基本情况本项目年初预算20万元，由县科协组织实施，主要用于开展科普宣传活动和科技培训工作。二、项目绩效自评情况1．资金使用情况实际支出19.5万元，预算执行率97.5%。2．绩效目标完成情况全年开展科普活动12场。三、自评结论性意见本项目绩效自评得分95分，等级为优。四、存在的问题1.宣传覆盖面不够广。2.专业人才不足。\n';
    const { record } = await readAsFile(text);
    expect(record.outline.map((o) => o.title)).toEqual(['项目基本情况', '项目绩效自评情况', '自评结论性意见', '存在的问题']);
    expect(record.outline[1].children.map((o) => [o.ordinal, o.title])).toEqual([['1．', '资金使用情况'], ['2．', '绩效目标完成情况']]);
    expect(record.finance.project.actual).toBe(195000);
    expect(record.problems).toEqual(['宣传覆盖面不够广。', '专业人才不足。']);
  });
});

describe('a page number removed from a text without form feeds', () => {
  const head = '2023年度某县科学技术协会部门整体支出绩效自评报告\n一、部门基本情况\n县科协核定编制8名，在职7人。\n二、存在的问题\n';
  it('leaves the page break: a sentence the page cut is joined without the space of a run-in title', async () => {
    for (const mark of ['- 3 -', '第3页', '第 3 页 共 8 页', '—3—']) {
      const text = `${head}1、绩效目标设置不够科学，部分指标\n${mark}\n过于笼统，难以考核；\n2、预算执行进度偏慢。\n三、改进措施\n1、加强绩效目标管理。\n`;
      const { record, doc } = await readAsFile(text);
      expect(doc.text, mark).not.toContain(mark);
      expect(doc.pageBreaks.length, mark).toBe(1);
      expect(record.problems, mark).toEqual(['绩效目标设置不够科学，部分指标过于笼统，难以考核', '预算执行进度偏慢。']);
    }
  });
  it('negative: points titled in short clauses stay titles over their bodies when one title ends a page; no page number, no break', async () => {
    const text = `${head}宣传力度不够。\n三、改进措施\n1.加强宣传，扩大影响\n- 2 -\n充分利用新媒体开展宣传。\n2.培养人才，稳定队伍\n加强科普人才培训。\n`;
    expect((await readAsFile(text)).record.improvements).toEqual(['充分利用新媒体开展宣传。', '加强科普人才培训。']);
    const plain = `${head}1、绩效目标设置不够科学，部分指标\n过于笼统，难以考核；\n`;
    expect((await readAsFile(plain)).doc.pageBreaks).toEqual([]);
  });
});

describe('a report pasted on one line: a problem point opening with a section phrase', () => {
  const lead = '某州科学技术协会2021年度部门整体支出绩效自评报告 一、部门概况 州科协是中共州委领导下的科学技术工作者的群众组织，主要职责是组织开展群众性科学普及活动，组织开展学术交流活动。 二、部门预算执行情况 （一）项目支出情况 2021年项目支出107.75万元。';
  it('keeps the point whole (not a heading 部分项目支出 over its rest)', async () => {
    const text = `${lead} 三、存在的问题 （一）部分项目支出进度滞后，上半年执行率不足40%。（二）基本支出控制不严，公用经费超支。 四、改进措施 （一）强化预算执行主体责任。（二）加强基层科普阵地建设。\n`;
    const { record } = await readAsFile(text);
    expect(record.problems).toEqual(['部分项目支出进度滞后，上半年执行率不足40%。', '基本支出控制不严，公用经费超支。']);
    expect(record.outline.map((o) => o.title)).toEqual(['部门概况', '部门预算执行情况', '存在的问题', '改进措施']);
    // negative: outside a problems section a sub-heading on its section phrase stays one
    expect(record.outline[1].children.map((o) => o.title)).toEqual(['项目支出情况']);
    expect(record.finance.project.actual).toBe(1077500);
  });
  it('negative: a combined section keeps its lists\' own titles as sub-headings', async () => {
    const text = `${lead} 三、存在的问题及改进措施 （一）存在的问题 部分项目支出进度滞后，上半年执行率不足40%。 （二）改进措施 强化预算执行主体责任，提高资金使用效率。\n`;
    const { record } = await readAsFile(text);
    expect(record.outline[2].children.map((o) => o.title)).toEqual(['存在的问题', '改进措施']);
    expect(record.problems).toEqual(['部分项目支出进度滞后，上半年执行率不足40%。']);
    expect(record.improvements).toEqual(['强化预算执行主体责任，提高资金使用效率。']);
  });
});

describe('a report pasted on one line: a topic title before a space and its first numbered point', () => {
  const head = '附件2 某县科学技术协会2024年度部门整体支出绩效自评报告 根据县财政局要求，我会对2024年度部门整体支出开展了绩效自评，现将有关情况报告如下。 一、部门基本情况 （一）部门职能 县科协是县委领导下的人民团体。 （二）人员情况 核定编制9名。 二、绩效目标完成情况 ';
  it('cuts (一)产出指标 before 1.数量指标：…, a list marker after the space being no figure', async () => {
    const text = `${head}（一）产出指标 1.数量指标：全年举办科普讲座42场。2.质量指标：群众满意度达95%。 （二）效益指标 全县公民具备科学素质比例达到13.6%。 三、自评结论 自评得分为93.5分。\n`;
    const { record } = await readAsFile(text);
    expect(record.meta.title).toBe('某县科学技术协会2024年度部门整体支出绩效自评报告');
    expect(record.outline[1].children.map((o) => o.title)).toEqual(['产出指标', '效益指标']);
    expect(record.outline[1].children[0].children.map((o) => o.title)).toEqual(['数量指标', '质量指标']);
  });
  it('negative: a decimal figure after the space still keeps the words before it out of a title', async () => {
    const text = `${head}（一）受益群众 3.5万人次参与了各类活动。（二）效益指标 全县公民具备科学素质比例达到13.6%。 三、自评结论 自评得分为93.5分。\n`;
    const { record } = await readAsFile(text);
    expect(record.outline[1].children.map((o) => o.title)).not.toContain('受益群众');
  });
});

describe('a report pasted on one line: a title set in parts before a preamble', () => {
  it('reads the title and its kind across the space between the unit and the kind', async () => {
    // (before: no title, no reportKind — one_line_title crossed no space between two CJK words)
    const text =
      '2019年度某市科学技术协会 部门整体支出绩效自评报告 根据《某市财政局关于做好2019年度市级部门整体支出绩效自评工作的通知》要求，现将有关情况报告如下：一、部门概况（一）部门职能 市科协是科技工作者的群众组织。二、部门整体支出情况 全年实际支出512.87万元。\n';
    const { record } = await readAsFile(text);
    expect(record.meta.title).toBe('2019年度某市科学技术协会部门整体支出绩效自评报告');
    expect(record.meta.reportKind).toBe('overall_self_eval');
    expect(record.meta.fiscalYear).toBe(2019);
  });
});

describe('a report pasted on one line: a table\'s caption after the last sentence', () => {
  const head = '2023年度某县科学技术协会部门整体支出绩效自评报告 一、部门概况 县科协核定编制5名。 二、存在的问题 1.科普经费不足。2.专业人才缺乏。 三、改进措施 1.积极争取经费。2.加强人才培养。 ';
  it('ends the last item at an unnumbered caption over the header row (before: the caption and the table were the last improvement)', async () => {
    const text = `${head}部门整体支出绩效自评表 一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值 产出指标\t数量指标\t科普活动场次\t≥20场\t25场\n`;
    const { record, doc } = await readAsFile(text);
    expect(record.improvements).toEqual(['积极争取经费。', '加强人才培养。']);
    expect(doc.lines.map((l) => doc.norm.slice(l.start, l.end).trim())).toContain('部门整体支出绩效自评表');
  });
  it('…and at a project form\'s caption over its first label', async () => {
    const text = '2023年度某县科学技术协会科普专项经费绩效自评报告 一、项目基本情况 本项目预算20万元。 二、存在的问题 宣传不够。 三、改进措施 加强宣传。 项目支出绩效自评表 项目名称 科普专项经费 主管部门 某县科学技术协会 实施单位 某县科学技术协会 年度目标 开展科普活动20场\n';
    const { record } = await readAsFile(text);
    expect(record.improvements).toEqual(['加强宣传。']);
  });
  it('negative: a sentence naming a table with no header or form after it stays in its item', async () => {
    const text = `${head.replace('2.加强人才培养。 ', '2.加强人才培养。 认真填报绩效自评表 确保数据准确。')}\n`;
    const { record } = await readAsFile(text);
    // (the sentence after the numbered points is a paragraph of its own, as before; not cut at 表)
    expect(record.improvements).toEqual(['积极争取经费。', '加强人才培养。', '认真填报绩效自评表确保数据准确。']);
  });
});
