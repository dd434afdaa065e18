import { describe, expect, it } from 'vitest';
import {
  assemble,
  fillPlaceholders,
  isPageNumberLine,
  piecesToLines,
  removeRunningLines,
  similarity,
  unspaceCjk,
  type LayoutPage,
  type TextLine,
  type TextPiece,
} from '../../src/read/pdf-layout.js';

const piece = (str: string, x: number, y: number, size = 12): TextPiece => ({ str, x, y, width: [...str].length * size * (/^[\x00-\x7f]+$/.test(str) ? 0.5 : 1), size });

/** A body line: `chars` CJK-width characters starting at x0 (12 pt, left edge 90, right edge 498 = 34 chars). */
const line = (text: string, y: number, x0 = 90, size = 12): TextLine => {
  let w = 0;
  for (const ch of text) w += /[\x00-\x7f]/.test(ch) ? 0.5 * size : size;
  return { text, x0, x1: x0 + w, y, size, tabs: text.includes('\t') };
};

const page = (num: number, lines: TextLine[]): LayoutPage => ({ num, width: 595, height: 842, lines });

describe('piecesToLines', () => {
  it('drops a space pdf.js puts between CJK and digits, keeps spaces inside the text', () => {
    const lines = piecesToLines([
      piece('年末，我单位共有编制', 90, 100),
      piece(' ', 210, 100),
      piece('7', 213, 100),
      piece(' ', 219, 100),
      piece('人', 222, 100),
      piece('中共中央 国务院', 90, 124),
    ]);
    expect(lines.map((l) => l.text)).toEqual(['年末，我单位共有编制7人', '中共中央 国务院']);
  });

  it('keeps a space between two Latin words and writes a wide gap as a tab (table cells)', () => {
    const lines = piecesToLines([piece('Page', 90, 100), piece('one', 117, 100), piece('项目名称', 90, 124), piece('科普宣传', 275, 124)]);
    expect(lines.map((l) => l.text)).toEqual(['Page one', '项目名称\t科普宣传']);
    expect(lines[1].tabs).toBe(true);
  });

  it('keeps text drawn twice on the same spot (fake bold) once', () => {
    const lines = piecesToLines([piece('一、基本情况', 90, 100), piece('一、基本情况', 90.3, 100.2)]);
    expect(lines.map((l) => l.text)).toEqual(['一、基本情况']);
  });

  it('keeps a digit repeated in a number whose glyphs are placed one by one half an em apart (no reprint)', () => {
    // (the advances summed as a producer sums them: 0.1 + 0.2 style rounding puts the next digit a hair under half an em)
    const size = 5.6;
    let x = 25;
    const pieces = [...'近5000人次，支出29.33万元'].map((ch) => {
      const p = piece(ch, x, 100, size);
      x += /[\x00-\x7f]/.test(ch) ? size * 0.1 * 5 - 1e-9 : size;
      return p;
    });
    expect(piecesToLines(pieces).map((l) => l.text)).toEqual(['近5000人次，支出29.33万元']);
  });
});

describe('unspaceCjk: the spaces pdf.js writes into a line that justification spread', () => {
  it('drops the spaces next to CJK characters when most CJK characters stand apart', () => {
    expect(unspaceCjk('2023 年 度 收 入 合 计 236.45 万 元 ， 其 中 ： 一 般 公 共 预 算')).toBe('2023年度收入合计236.45万元，其中：一般公共预算');
    expect(unspaceCjk('项 目 支 出 62.5 万 元 ， 占 27.03% 。')).toBe('项目支出62.5万元，占27.03%。');
    expect(unspaceCjk('科 普 日 活 动')).toBe('科普日活动');
  });

  it('keeps a space here and there, spaces between Latin words and digits, and double spaces', () => {
    expect(unspaceCjk('中共中央 国务院关于加强科普工作的意见')).toBe('中共中央 国务院关于加强科普工作的意见');
    expect(unspaceCjk('Page one of 2023 report')).toBe('Page one of 2023 report');
    expect(unspaceCjk('项目名称  科普宣传  预算数')).toBe('项目名称  科普宣传  预算数');
    // two spaced characters are not yet a spread line
    expect(unspaceCjk('单 位：万元')).toBe('单 位：万元');
    // Latin words inside a spread line keep their own space
    expect(unspaceCjk('开 展 STEM 教 育 活 动 12 场')).toBe('开展STEM教育活动12场');
  });
});

describe('removeRunningLines', () => {
  const body = (n: number) => Array.from({ length: 6 }, (_, i) => line(`正文第${n}页第${i}行，内容各不相同，用于测试页眉页脚的识别。`, 100 + 24 * i));

  it('drops a repeated header and the - N - footer, keeps the body', () => {
    const pages = [1, 2, 3].map((n) => page(n, [line('某某县科学技术协会', 50, 240), line(`- ${n} -`, 800, 280), ...body(n)]));
    const { pages: kept, removed } = removeRunningLines(pages);
    expect(kept.every((p) => p.lines.length === 6)).toBe(true);
    expect(removed.filter((r) => r.pageNumber)).toHaveLength(3);
    expect(removed.filter((r) => !r.pageNumber).map((r) => r.text)).toEqual(['某某县科学技术协会', '某某县科学技术协会', '某某县科学技术协会']);
  });

  it('knows the usual page number forms', () => {
    for (const s of ['- 3 -', '—3—', '3', '第3页 共5页', '第 3 页', '共5页 第3页', '3/5', 'Page 3 of 5', '·3·']) expect(isPageNumberLine(s)).toBe(true);
    for (const s of ['2023年', '一、基本情况', '100%', '3.5万元']) expect(isPageNumberLine(s)).toBe(false);
  });

  it('tolerates OCR noise in a repeated header', () => {
    expect(similarity('株洲市芦淞区科学技术协会', '株洲市芦渔区科学技术协会')).toBeGreaterThan(0.75);
    const pages = [1, 2].map((n) => page(n, [line(n === 1 ? '株洲市芦淞区科学技术协会' : '株洲市芦渔区科学技术协会', 50, 240), ...body(n)]));
    expect(removeRunningLines(pages).removed).toHaveLength(2);
  });

  it('keeps the title atop page 1 that the header of the other pages repeats, set in another size (lists51)', () => {
    const title = '青禾县科学技术协会2023年度部门整体支出绩效自评报告';
    const pages = [page(1, [line(title, 59.4, 90, 16), ...body(1)]), page(2, [line(title, 53.6, 150, 10.5), ...body(2)]), page(3, [line(title, 53.6, 150, 10.5), ...body(3)])];
    const { pages: kept, removed } = removeRunningLines(pages);
    expect(kept[0].lines[0].text).toBe(title);
    expect(removed.map((r) => r.page)).toEqual([2, 3]);
  });

  it('drops the header printed on page 1 too: set as on the other pages, or its words said again by the title under it (lists51)', () => {
    const head = '青禾县科学技术协会2023年度部门整体支出绩效自评报告';
    const pages = [1, 2, 3].map((n) => page(n, [line(head, 53.6, 150, 10.5), ...body(n)]));
    expect(removeRunningLines(pages).removed.map((r) => r.page)).toEqual([1, 2, 3]);
    // (a header in its own size on page 1, over the title repeating it: the header)
    const first = page(1, [line(head, 40, 150, 12), line(head, 90, 90, 16), ...body(1).map((l) => ({ ...l, y: l.y + 30 }))]);
    const { pages: kept, removed } = removeRunningLines([first, ...pages.slice(1)]);
    expect(removed.map((r) => r.page)).toEqual([1, 2, 3]);
    expect(kept[0].lines[0].text).toBe(head);
    expect(kept[0].lines[0].size).toBe(16);
  });

  it('keeps a title that appears once at the top of page 1, and a header on a one-page document', () => {
    const pages = [page(1, [line('关于某某的报告', 50, 200), ...body(1)]), page(2, body(2))];
    expect(removeRunningLines(pages).removed).toHaveLength(0);
  });
});

describe('assemble: visual lines → paragraphs', () => {
  // 34 CJK characters fill a line from 90 to 498
  const full = (s: string) => s.padEnd(34, '测');

  it('joins a line broken mid-number (20⏎23年, 10⏎0%, 1000⏎0人次)', () => {
    // lines that reach the right edge (digits are narrower, so the text lengths differ)
    const atEdge = (text: string, y: number): TextLine => ({ ...line(text, y), x1: 497.5 });
    const out = assemble([
      page(1, [
        atEdge('截止目前，本单位已经完成了全部年度工作任务的各项指标要求，时间是20', 100),
        atEdge('23年12月31日，全年各项重点工作任务均已完成，完成率10', 124),
        atEdge('0%。全年累计开展各类科普活动八十余场次，受益群众达1000', 148),
        line('0人次。', 172),
      ]),
    ]);
    expect(out.text).toBe(
      '截止目前，本单位已经完成了全部年度工作任务的各项指标要求，时间是2023年12月31日，全年各项重点工作任务均已完成，完成率100%。全年累计开展各类科普活动八十余场次，受益群众达10000人次。\n',
    );
    expect(out.joinedInNumbers).toBe(3);
  });

  it('an indented line starts a new paragraph; a short line ends one', () => {
    const out = assemble([
      page(1, [
        line(full('第一段'), 100),
        line('第一段的最后一行。', 124),
        line(full('第二段').slice(0, 32), 148, 114),
        line(full('第二段的续行'), 172),
        line('结束。', 196),
      ]),
    ]);
    expect(out.text.split('\n').filter(Boolean)).toEqual([full('第一段') + '第一段的最后一行。', full('第二段').slice(0, 32) + full('第二段的续行') + '结束。']);
  });

  it('a heading stays its own line: larger size, or a section marker, or a short line', () => {
    const out = assemble([
      page(1, [
        line('一、部门基本情况', 100, 90, 14),
        line(full('正文'), 124),
        line('（一）部门职能', 148),
        line(full('正文二'), 172),
        line('结束。', 196),
      ]),
    ]);
    expect(out.text.split('\n').filter(Boolean)).toEqual(['一、部门基本情况', full('正文'), '（一）部门职能', full('正文二') + '结束。']);
  });

  it('a section marker after a full line is a new paragraph, an item marker only after a sentence end', () => {
    const out = assemble([page(1, [line(full('正文').slice(0, 33) + '：', 100), line('二、第二部分', 124), line(full('包括').slice(0, 33) + '；', 148), line('（2）第二项', 172)])]);
    expect(out.text.split('\n').filter(Boolean)).toHaveLength(4);
  });

  it('joins a paragraph running over a page break; the next page starts where its text starts', () => {
    const out = assemble([
      page(1, [line(full('第一页'), 100), line(full('第一页末行'), 124)]),
      page(2, [line('第二页的续文。', 100), line('新段落开始，首行缩进。', 124, 114)]),
    ]);
    const lines = out.text.split('\n').filter(Boolean);
    expect(lines).toEqual([full('第一页') + full('第一页末行') + '第二页的续文。', '新段落开始，首行缩进。']);
    expect(out.pages[0]).toMatchObject({ num: 1, start: 0 });
    expect(out.text.slice(out.pages[1].start, out.pages[1].start + 7)).toBe('第二页的续文。');
    expect(out.pages[0].end).toBe(out.pages[1].start);
    expect(out.pages[1].end).toBe(out.text.length);
  });

  it('the right edge is the rightmost end shared by enough lines, not the most common one (short headings of one length)', () => {
    // seven 7-character headings end at one x, only six full lines reach the edge: a heading is no full line
    const lines: TextLine[] = [];
    let y = 100;
    for (let i = 0; i < 6; i++) {
      lines.push(line(`（${'一二三四五六'[i]}）情况说明`, (y += 24)));
      lines.push(line(full(`第${i}段`), (y += 24)));
      lines.push(line(`第${i}段的末行。`, (y += 24)));
    }
    lines.push(line('七、自评结论', (y += 24)), line('下一行是正文。', (y += 24)));
    const out = assemble([page(1, lines)]);
    const paras = out.text.split('\n').filter(Boolean);
    expect(paras).toContain('（一）情况说明');
    expect(paras).toContain('七、自评结论');
    expect(paras).toContain(full('第0段') + '第0段的末行。');
  });

  it("a last page of a few short lines keeps the document's edges (a heading is not joined to the text under it)", () => {
    const body = Array.from({ length: 10 }, (_, i) => line(full(`正文${i}`), 100 + 24 * i));
    const out = assemble([
      page(1, body),
      page(2, [
        line('五、下一步改进措施', 100),
        line(full('一是加强预算管理'), 124),
        line('果运用。', 148),
        line('六、自评结论', 172),
        line('经综合评价，自评得分为94.5分。', 196),
        line('某某县科学技术协会', 220),
        line('2024年3月20日', 244),
        line('项目支出绩效自评表', 268),
      ]),
    ]);
    const paras = out.text.split('\n').filter(Boolean);
    expect(paras).toContain('五、下一步改进措施');
    expect(paras).toContain(full('一是加强预算管理') + '果运用。');
    expect(paras).toContain('经综合评价，自评得分为94.5分。');
    expect(paras).toContain('某某县科学技术协会');
  });

  it('a short text with no full line: headings of one length are no right edge (the line under a heading stays its own)', () => {
    // one page, every paragraph shorter than a line (a landscape page): before, the 6-character headings made the edge
    // and 一、部门基本情况, wider than it, took the next line as its run-on
    const out = assemble([
      page(1, [
        line('一、部门基本情况', 100),
        line('县科协核定编制6名，在职人员5人。', 124),
        line('二、部门支出情况', 148),
        line('全年支出245.6万元。', 172),
        line('三、存在问题', 196),
        line('一是经费不足；二是人才缺乏，队伍老化。', 220),
        line('四、改进措施', 244),
        line('一是争取经费；二是加强培训。', 268),
        line('五、自评结论', 292),
        line('自评得分96分。', 316),
      ]),
    ]);
    expect(out.text.split('\n').filter(Boolean)).toHaveLength(10);
  });

  it('negative: a full line opening with a section marker (a run-in heading) still runs on into the next line', () => {
    const out = assemble([
      page(1, [
        line(full('（一）部门职能。市科协是'), 100),
        line('科技工作者的群众组织。', 124),
        line(full('正文甲'), 148),
        line('甲的末行。', 172),
        line(full('正文乙'), 196),
        line('乙的末行。', 220),
      ]),
    ]);
    expect(out.text.split('\n').filter(Boolean)).toEqual([full('（一）部门职能。市科协是') + '科技工作者的群众组织。', full('正文甲') + '甲的末行。', full('正文乙') + '乙的末行。']);
  });

  it('a page in two text columns: each column has its edges; the left column runs on at the top of the right one', () => {
    // columns 18 characters wide: left at 60–276, right at 315–531
    const col = (s: string) => s.padEnd(18, '文');
    const left = [line('（一）基本情况', 100, 60), line(col('县科协核定编制6名，'), 124, 60), line('在职人员5人。', 148, 60), line('（二）支出情况', 172, 60)];
    for (let i = 0; i < 4; i++) left.push(line(col(`左栏第${i}行`), 196 + 24 * i, 60));
    const right = [line(col('右栏续行'), 100, 315), line('末行结束。', 124, 315), line('（三）存在问题', 148, 315)];
    for (let i = 0; i < 3; i++) right.push(line(col(`右栏第${i}行`), 172 + 24 * i, 315));
    right.push(line('右栏的末行。', 244, 315));
    const out = assemble([page(1, [...left, ...right])]);
    const paras = out.text.split('\n').filter(Boolean);
    expect(paras).toContain(col('县科协核定编制6名，') + '在职人员5人。');
    expect(paras).toContain(col('左栏第0行') + col('左栏第1行') + col('左栏第2行') + col('左栏第3行') + col('右栏续行') + '末行结束。');
    expect(paras).toContain('（三）存在问题');
    expect(paras).toContain(col('右栏第0行') + col('右栏第1行') + col('右栏第2行') + '右栏的末行。');
  });

  it('negative: one column with right-aligned lines (a signature, its date) is no two-column page', () => {
    const body = Array.from({ length: 8 }, (_, i) => line(full(`正文${i}`), 100 + 24 * i));
    const out = assemble([page(1, [...body, line('某某县科学技术协会', 300, 390), line('2024年3月20日', 324, 420), line('（盖章）', 348, 450)])]);
    const paras = out.text.split('\n').filter(Boolean);
    expect(paras[0]).toBe(body.map((l) => l.text).join(''));
    expect(paras.slice(1)).toEqual(['某某县科学技术协会', '2024年3月20日', '（盖章）']);
  });

  it('table rows (lines with tabs) are never joined', () => {
    const out = assemble([page(1, [line(full('正文'), 100), line('项目名称\t科普活动', 124), line('年度资金\t43', 148)])]);
    expect(out.text.split('\n').filter(Boolean)).toHaveLength(3);
  });

  it('OCR pages carry ocr: true and their confidence', () => {
    const out = assemble([{ ...page(1, [line('扫描页', 100)]), ocr: true, confidence: 0.93 }]);
    expect(out.pages[0]).toMatchObject({ ocr: true, confidence: 0.93 });
  });
});

describe('fillPlaceholders (a line drawn font by font)', () => {
  // (LibreOffice's drawing of `…项目支出153.74万元。“三公”经费…`: the number and the quotes in one font, then the Chinese run back
  // from x 464.8 with a space where each quote stands)
  const drawn = (): TextPiece[] => [
    { str: '153.74', x: 426.8, y: 100, width: 36, size: 10 },
    { str: ' ', x: 462.8, y: 100, width: 32, size: 10 },
    { str: '“', x: 494.8, y: 100, width: 6, size: 10 },
    { str: ' ', x: 500.8, y: 100, width: 20, size: 10 },
    { str: '”', x: 520.8, y: 100, width: 6, size: 10 },
    { str: '万元。 三公 经', x: 464.8, y: 100, width: 72, size: 10 },
  ];
  it('puts the quotes drawn first into the spaces of the run drawn after them, one line', () => {
    expect(piecesToLines(drawn()).map((l) => l.text)).toEqual(['153.74万元。“三公”经']);
  });
  it('also when the closing quote is drawn at the run\'s right edge, with the next run (…24“”场，其中 科普进校园 | ” 8…)', () => {
    const y = 100, size = 10;
    const pieces: TextPiece[] = [
      { str: '组织开展科普活动', x: 68.8, y, width: 80, size }, { str: '24', x: 150.8, y, width: 12, size },
      { str: ' ', x: 162.8, y, width: 42, size }, { str: '“', x: 204.8, y, width: 6, size }, { str: ' ', x: 210.8, y, width: 50, size },
      { str: '”', x: 260.8, y, width: 6, size }, { str: '场，其中 科普进校园', x: 164.8, y, width: 96, size },
      { str: ' ', x: 260.8, y, width: 6, size }, { str: '8', x: 266.8, y, width: 6, size }, { str: ' ', x: 272.8, y, width: 22, size },
      { str: '“', x: 294.8, y, width: 6, size }, { str: ' ', x: 300.8, y, width: 40, size }, { str: '”', x: 340.8, y, width: 6, size },
      { str: '场、 科普下乡', x: 274.8, y, width: 66, size }, { str: ' ', x: 340.8, y, width: 6, size }, { str: '16', x: 346.8, y, width: 12, size },
      { str: '场。', x: 360.8, y, width: 20, size },
    ];
    expect(piecesToLines(pieces).map((l) => l.text)).toEqual(['组织开展科普活动24场，其中“科普进校园”8场、“科普下乡”16场。']);
  });
  it('leaves the pieces as drawn when the spaces and the glyphs do not pair up', () => {
    const more = drawn();
    more[5] = { ...more[5], str: '万元。 三公 经 费' };
    expect(fillPlaceholders(more)).toEqual(more);
    const wide = drawn();
    wide[2] = { ...wide[2], str: '““' };
    expect(fillPlaceholders(wide)).toEqual(wide);
  });
  it('leaves a piece going back to a new line alone (another baseline), and one with no space', () => {
    const next = drawn();
    next[5] = { ...next[5], y: 114 };
    expect(fillPlaceholders(next)).toEqual(next);
    const plain = [{ str: '“', x: 100, y: 100, width: 6, size: 10 }, { str: '三公经费', x: 90, y: 100, width: 40, size: 10 }];
    expect(fillPlaceholders(plain)).toEqual(plain);
  });
  it('a LibreOffice PDF with curly quotes mid-line (test/fixtures/pdf/lo-quotes.pdf) reads as its text was typed', async () => {
    const { readFileSync } = await import('node:fs');
    const { readBytes } = await import('../../src/read/index.js');
    const { extractBytes } = await import('../../src/pipeline.js');
    const dir = new URL('../fixtures/pdf/', import.meta.url);
    const pdf = readFileSync(new URL('lo-quotes.pdf', dir));
    const typed = readFileSync(new URL('lo-quotes.txt', dir), 'utf8');
    const r = await readBytes(pdf);
    expect(r.text.trim()).toBe(typed.trim());
    const { record } = await extractBytes('q.pdf', pdf);
    expect(record.finance.threePublic.actual).toBe(21600); // before: null (`项目支出23.74⇥“⇥”⏎万元。 三公 经费支出2.16万元`)
    expect(record.activities.map((a) => [a.count, a.unit])).toContainEqual([4, '次']); // before: lost (`科普展览4⇥“⇥”⏎次`)
  });
});

describe('assemble: the right edge in a short report (lead56)', () => {
  // a heading longer than two short lines of one length, in a report with one wrapped line: the heading passed for a
  // full line (the two short lines set the edge) and took the body's next line in
  it('short lines of one length do not set the edge: a heading keeps its line', () => {
    const wrapped = '二〇二三年专项支出预算三十万元实际支出三十五点五六万元主要用于科普'; // 33 chars, to the right edge
    const out = assemble([
      page(1, [
        line('（一）部门基本情况', 100),
        line('某县科协现有编制六名其中行政编制四名事业编制二名。', 124),
        line('支出合计一二六', 148),
        line('基本支出九一二', 172),
        line('专项支出三五五', 196),
        line(wrapped, 220),
        line('日活动。', 244),
        line('全年举办科技下乡活动十二次科普讲座十六场。', 268),
      ]),
    ]);
    expect(out.text.trimEnd().split('\n')).toEqual([
      '（一）部门基本情况',
      '某县科协现有编制六名其中行政编制四名事业编制二名。',
      '支出合计一二六',
      '基本支出九一二',
      '专项支出三五五',
      wrapped + '日活动。',
      '全年举办科技下乡活动十二次科普讲座十六场。',
    ]);
  });

  it('negative: the edge the full lines share stays when only one line runs past it (a wide outlier)', () => {
    const full = (s: string) => s.repeat(34).slice(0, 34);
    const out = assemble([
      page(1, [
        line(full('正文'), 100),
        line(full('正文'), 124),
        line(full('续写'), 148),
        line('短句。', 172),
        line(full('正文') + '外', 196), // one character past the edge
        line('末句。', 220),
      ]),
    ]);
    expect(out.text.trimEnd().split('\n')).toEqual([full('正文') + full('正文') + full('续写') + '短句。', full('正文') + '外' + '末句。']);
  });
});
