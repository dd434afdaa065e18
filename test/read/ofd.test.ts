// .ofd (GB/T 33190): packages written here by hand in the form producers write them — OFD.xml naming Doc_0/Document.xml,
// a page area, pages with text objects (one per line, or one per character in any order), DeltaX in its `g N V` form,
// a template drawn under every page, a CTM — and the damaged and scanned cases.
import { describe, expect, it } from 'vitest';
import { detectFormat, ReadError, readBytes } from '../../src/read/index.js';
import { deltas, inReadingOrder, pageObjects } from '../../src/read/ofd.js';
import { extractBytes } from '../../src/pipeline.js';
import { zipOf } from './helpers.js';

const NS = 'xmlns:ofd="http://www.ofdspec.org/2016"';
const SIZE = 5.6; // 小四 in mm, roughly
const LEFT = 25;
const BLOCK = 156.8; // the text block's width: 28 characters of SIZE

const wide = (ch: string) => (/^[\x00-\x7f]$/.test(ch) ? SIZE / 2 : SIZE);

/** One line of text as a TextObject at (x, y): its characters' advances as DeltaX, runs of equal ones in `g N V` form. */
function textObject(id: number, text: string, x: number, y: number): string {
  const adv = [...text].slice(0, -1).map(wide);
  const parts: string[] = [];
  for (let i = 0; i < adv.length; ) {
    let j = i;
    while (j < adv.length && adv[j] === adv[i]) j++;
    parts.push(j - i > 1 ? `g ${j - i} ${adv[i]}` : String(adv[i]));
    i = j;
  }
  const esc = text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  return `<ofd:TextObject ID="${id}" Boundary="${x} ${y} 170 ${SIZE * 1.5}" Font="3" Size="${SIZE}"><ofd:FillColor Value="0 0 0"/><ofd:TextCode X="0" Y="${SIZE}" DeltaX="${parts.join(' ')}">${esc}</ofd:TextCode></ofd:TextObject>`;
}

/** Paragraphs laid out as a word processor sets them: as many characters a line as fit the text block's width. */
function layout(paragraphs: string[]): string[] {
  const lines: string[] = [];
  for (const p of paragraphs) {
    let line = '';
    let width = 0;
    for (const ch of p) {
      if (width + wide(ch) > BLOCK + 0.01) {
        lines.push(line);
        [line, width] = ['', 0];
      }
      line += ch;
      width += wide(ch);
    }
    if (line) lines.push(line);
  }
  return lines;
}

interface Options {
  /** one TextObject per character, written in a shuffled order */
  perChar?: boolean;
  /** a template (letterhead) under every page */
  template?: string;
}

/** An OFD package of pages, each a list of lines (a line starting with ^ is centred; the page number is added). */
function ofdOf(pages: string[][], opts: Options = {}): Buffer {
  let id = 10;
  const files: Record<string, string> = {
    'OFD.xml': `<?xml version="1.0" encoding="UTF-8"?><ofd:OFD ${NS} Version="1.0" DocType="OFD"><ofd:DocBody><ofd:DocInfo><ofd:DocID>x</ofd:DocID></ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>`,
  };
  const tpl = opts.template ? `<ofd:TemplatePage ID="2" BaseLoc="Tpls/Tpl_0/Content.xml"/>` : '';
  if (opts.template) files['Doc_0/Tpls/Tpl_0/Content.xml'] = `<?xml version="1.0"?><ofd:Page ${NS}><ofd:Content><ofd:Layer ID="3">${textObject(4, opts.template, 80, 12)}</ofd:Layer></ofd:Content></ofd:Page>`;
  const list = pages.map((_, i) => `<ofd:Page ID="${100 + i}" BaseLoc="Pages/Page_${i}/Content.xml"/>`).join('');
  files['Doc_0/Document.xml'] = `<?xml version="1.0"?><ofd:Document ${NS}><ofd:CommonData><ofd:MaxUnitID>999</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea><ofd:PublicRes>PublicRes.xml</ofd:PublicRes>${tpl}</ofd:CommonData><ofd:Pages>${list}</ofd:Pages></ofd:Document>`;
  files['Doc_0/PublicRes.xml'] = `<?xml version="1.0"?><ofd:Res ${NS} BaseLoc="Res"><ofd:Fonts><ofd:Font ID="3" FontName="宋体" FamilyName="宋体"/></ofd:Fonts></ofd:Res>`;
  pages.forEach((lines, p) => {
    let objects: string[] = [];
    const all = [...lines, `^- ${p + 1} -`];
    all.forEach((line, k) => {
      const centred = line.startsWith('^');
      const text = centred ? line.slice(1) : line;
      const width = [...text].reduce((a, ch) => a + wide(ch), 0);
      const x = centred ? 105 - width / 2 : LEFT;
      const y = k === all.length - 1 ? 280 : 30 + 10 * k;
      if (!opts.perChar) objects.push(textObject(id++, text, x, y));
      else {
        let cx = x;
        for (const ch of text) {
          objects.push(textObject(id++, ch, cx, y));
          cx += wide(ch);
        }
      }
    });
    // a fixed shuffle: producers write objects in their own order (by font, by layer, as edited)
    if (opts.perChar) objects = objects.map((o, i) => [o, (i * 7919) % 101] as const).sort((a, b) => a[1] - b[1]).map(([o]) => o);
    const template = opts.template ? '<ofd:Template TemplateID="2" ZOrder="Background"/>' : '';
    files[`Doc_0/Pages/Page_${p}/Content.xml`] = `<?xml version="1.0"?><ofd:Page ${NS}>${template}<ofd:Content><ofd:Layer ID="${id++}">${objects.join('')}</ofd:Layer></ofd:Content></ofd:Page>`;
  });
  return zipOf(files);
}

const REPORT = [
  ['^某县科学技术协会2023年度部门整体支出绩效自评报告', '一、部门基本情况', ...layout(['本单位编制7人，其中行政编制5人，事业编制2人；实有在职人员7人，退休人员9人。全年开展科普活动33场，惠及群众近5000人次。'])],
  ['二、部门整体支出情况', ...layout(['2023年度部门整体支出决算149.83万元，其中基本支出120.50万元，项目支出29.33万元。']), '三、绩效自评结论', ...layout(['经综合评价，自评得分97分，绩效等级为“优”。'])],
];

/** A package of one page (its DocRoot written absolute, as some producers write it). */
const onePage = (page: string) =>
  zipOf({
    'OFD.xml': `<ofd:OFD ${NS}><ofd:DocBody><ofd:DocRoot>/Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>`,
    'Doc_0/Document.xml': `<ofd:Document ${NS}><ofd:Pages><ofd:Page ID="1" BaseLoc="Pages/Page_0/Content.xml"/></ofd:Pages></ofd:Document>`,
    'Doc_0/Pages/Page_0/Content.xml': page,
  });

describe('OFD reader', () => {
  it('is told from other zips by its entry part', () => {
    expect(detectFormat(ofdOf([['一行']]))).toBe('ofd');
  });

  it('reads the pages as lines, page numbers dropped, lines broken only by the page width re-joined', async () => {
    const r = await readBytes(ofdOf(REPORT));
    expect(r.format).toBe('ofd');
    const lines = r.text.split('\n');
    expect(lines[0]).toBe('某县科学技术协会2023年度部门整体支出绩效自评报告');
    expect(lines[1]).toBe('一、部门基本情况');
    expect(lines[2]).toBe('本单位编制7人，其中行政编制5人，事业编制2人；实有在职人员7人，退休人员9人。全年开展科普活动33场，惠及群众近5000人次。');
    expect(lines).toContain('二、部门整体支出情况');
    expect(lines).toContain('2023年度部门整体支出决算149.83万元，其中基本支出120.50万元，项目支出29.33万元。');
    expect(lines).toContain('三、绩效自评结论');
    expect(r.text).not.toMatch(/- [12] -/);
    expect(r.pages).toHaveLength(2);
    expect(r.text.slice(r.pages![1].start, r.pages![1].start + 10)).toBe('二、部门整体支出情况');
  });

  it('gives the same text when every character is its own object, written in any order', async () => {
    const a = await readBytes(ofdOf(REPORT));
    const b = await readBytes(ofdOf(REPORT, { perChar: true }));
    expect(b.text).toBe(a.text);
  });

  it('reads a template drawn under every page as the page’s text, and drops it as a running header', async () => {
    const r = await readBytes(ofdOf(REPORT, { template: '某县科学技术协会文件' }));
    expect(r.text).not.toContain('某县科学技术协会文件');
    expect(r.messages?.some((m) => m.ruleId === 'read:ofd-running-lines')).toBe(true);
    const one = await readBytes(ofdOf([REPORT[0]], { template: '某县科学技术协会文件' }));
    expect(one.text.split('\n')[0]).toBe('某县科学技术协会文件');
  });

  it('extracts a record as from the same report in text, each value pointing into the text read', async () => {
    const bytes = ofdOf(REPORT);
    const { record } = await extractBytes('report.ofd', bytes);
    const plain = await extractBytes('report.txt', Buffer.from((await readBytes(bytes)).text));
    expect(record.finance).toEqual(plain.record.finance);
    expect(record.staffing).toEqual(plain.record.staffing);
    expect(record.selfEvaluation).toEqual(plain.record.selfEvaluation);
    expect(record.meta.title).toBe('某县科学技术协会2023年度部门整体支出绩效自评报告');
    expect(record.meta.fiscalYear).toBe(2023);
  });

  it('places characters by DeltaX (with its g N V form), TextCode X and Y carried over, and the object’s CTM', () => {
    expect(deltas('4.2 g 3 5 4.2')).toEqual([4.2, 5, 5, 5, 4.2]);
    expect(deltas('')).toEqual([]);
    expect(deltas('g x 3 1')).toEqual([1]);
    const { pieces } = pageObjects(
      `<ofd:Page ${NS}><ofd:Content><ofd:Layer>` +
        '<ofd:TextObject ID="1" Boundary="20 50 100 10" Size="4"><ofd:TextCode X="0" Y="4" DeltaX="g 2 4">支出决</ofd:TextCode><ofd:TextCode Y="10" DeltaX="4">算数</ofd:TextCode></ofd:TextObject>' +
        '<ofd:TextObject ID="2" Boundary="20 60 100 10" Size="2" CTM="2 0 0 2 0 0"><ofd:TextCode X="0" Y="2">合计</ofd:TextCode></ofd:TextObject>' +
        '<ofd:TextObject ID="3" Boundary="20 70 100 10" Size="4" Visible="false"><ofd:TextCode X="0" Y="4">隐藏</ofd:TextCode></ofd:TextObject>' +
        '</ofd:Layer></ofd:Content></ofd:Page>',
    );
    expect(pieces.map((p) => [p.str, p.x, p.y, p.size])).toEqual([
      ['支出决', 20, 54, 4],
      ['算数', 20, 60, 4], // the object's next line: its X not given, the last TextCode's
      ['合计', 20, 64, 4],
    ]);
  });

  it('splits a TextCode at a gap wider than an em and a half: a table row set as one run of text', () => {
    const { pieces } = pageObjects(`<ofd:Page ${NS}><ofd:Content><ofd:Layer><ofd:TextObject ID="1" Boundary="20 50 170 10" Size="4"><ofd:TextCode X="0" Y="4" DeltaX="4 4 4 40 2 2 2 2">基本支出120.5</ofd:TextCode></ofd:TextObject></ofd:Layer></ofd:Content></ofd:Page>`);
    expect(pieces.map((p) => [p.str, p.x])).toEqual([
      ['基本支出', 20],
      ['120.5', 72],
    ]);
  });

  it('orders pieces by baseline, then left to right', () => {
    const p = (str: string, x: number, y: number) => ({ str, x, y, width: 4, size: 4 });
    expect(inReadingOrder([p('b', 30, 20.5), p('c', 10, 40), p('a', 10, 20)]).map((x) => x.str)).toEqual(['a', 'b', 'c']);
  });

  it('fails with a clear error naming what is wrong: no document, a missing page, a scanned OFD, an empty one', async () => {
    const bad = async (b: Buffer) => readBytes(b).then(() => null, (e: unknown) => e as ReadError);
    const noRoot = await bad(zipOf({ 'OFD.xml': `<ofd:OFD ${NS}><ofd:DocBody/></ofd:OFD>` }));
    expect(noRoot).toBeInstanceOf(ReadError);
    expect([noRoot!.code, noRoot!.message]).toEqual(['corrupt', 'damaged OFD: OFD.xml names no document (DocRoot)']);
    const noPage = await bad(zipOf({ 'OFD.xml': `<ofd:OFD ${NS}><ofd:DocBody><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>`, 'Doc_0/Document.xml': `<ofd:Document ${NS}><ofd:Pages><ofd:Page ID="1" BaseLoc="Pages/Page_0/Content.xml"/></ofd:Pages></ofd:Document>` }));
    expect([noPage!.code, noPage!.message]).toEqual(['corrupt', 'damaged OFD: it has no part Doc_0/Pages/Page_0/Content.xml']);
    const s = await bad(onePage(`<ofd:Page ${NS}><ofd:Content><ofd:Layer><ofd:ImageObject ID="5" Boundary="0 0 210 297" ResourceID="6" CTM="210 0 0 297 0 0"/></ofd:Layer></ofd:Content></ofd:Page>`));
    expect(s!.code).toBe('no_text');
    expect(s!.message).toMatch(/^scanned OFD: 1 page\(s\) of images without text/);
    const e = await bad(onePage(`<ofd:Page ${NS}><ofd:Content/></ofd:Page>`));
    expect([e!.code, e!.message]).toEqual(['no_text', 'no text in the OFD (1 page(s))']);
  });
});
