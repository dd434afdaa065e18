import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PDFParse } from 'pdf-parse';
import { readBytes } from '../../src/read/index.js';
import { extractBytes } from '../../src/pipeline.js';
import { PDFJS_DRAW_OPTIONS, PDFJS_OPTIONS } from '../../src/read/pdf.js';
import { readCorpus, seedLines, squash } from './helpers.js';

const lines = (text: string) => text.split('\n').filter((l) => l.trim());

describe('pdf.js options: reading never draws glyphs, drawing for OCR does', () => {
  // Reading loads fonts into a document that drops them (no glyph paths built for the table finder's operator
  // lists); OCR draws pages with its own parser, whose glyphs must be drawn as paths.
  const shot = async (opts: object) => {
    const parser = new PDFParse({ data: new Uint8Array(readCorpus('seed000-pdf.pdf')), ...opts });
    const s = await parser.getScreenshot({ partial: [1], scale: 1, imageBuffer: true, imageDataUrl: false });
    await parser.destroy();
    return s.pages[0].data.length;
  };
  it('a page drawn with the drawing options has its text; with the reading options it has none', async () => {
    expect(PDFJS_OPTIONS.disableFontFace).toBe(false);
    expect(PDFJS_DRAW_OPTIONS.disableFontFace).toBe(true);
    const [read, draw] = [await shot(PDFJS_OPTIONS), await shot(PDFJS_DRAW_OPTIONS)];
    // PNG size as ink: a blank A4 page compresses to ≈ 9 KB, seed000's first page of text to ≈ 170 KB
    expect(draw).toBeGreaterThan(5 * read);
  });
});

describe('a table whose borders are filled thin rectangles (Chrome, Word, WPS exports): synth-chrome-filled.pdf', () => {
  it('is read cell by cell; the shaded header (a large fill) makes no ruling line', async () => {
    const r = await readBytes(readCorpus('synth-chrome-filled.pdf'));
    expect(r.tables).toHaveLength(1);
    // 4 rows of 4 cells: no extra row or column from the header's shading
    expect(r.tables![0].rows.map((row) => row.length)).toEqual([4, 4, 4, 4]);
    expect(r.text).toContain('合计\t198.20\t150.10\t48.10');
    expect(r.text).toContain('住房保障⽀出\t18.20\t18.20\t');
  });
  it('its statement table gives the figures the prose does not (the text layer has Kangxi radicals: ⽀出)', async () => {
    const { record } = await extractBytes('synth-chrome-filled.pdf', readCorpus('synth-chrome-filled.pdf'));
    expect(record.finance.spendingGrandTotal).toBe(2153600); // prose: 支出总计215.36万元
    expect(record.finance.basic.actual).toBe(1501000); // table: 合计 row, 基本支出 column, 万元
    expect(record.finance.project.actual).toBe(481000);
    expect(record.finance.spendingTotal.actual).toBe(1982000);
  });
});

describe('PDF with a non-embedded CID font (STSong-Light, UniGB-UCS2-H)', () => {
  it('pdf.js gets the CMaps as a directory path of the pdfjs-dist copy pdf-parse loads', () => {
    expect(PDFJS_OPTIONS.cMapUrl.endsWith('/')).toBe(true);
    expect(PDFJS_OPTIONS.cMapUrl.startsWith('file:')).toBe(false);
    expect(existsSync(PDFJS_OPTIONS.cMapUrl + 'UniGB-UCS2-H.bcmap')).toBe(true);
    expect(PDFJS_OPTIONS.cMapPacked).toBe(true);
    expect(PDFJS_OPTIONS.isEvalSupported).toBe(false);
    const require = createRequire(import.meta.url);
    const fromPdfParse = path.dirname(require.resolve('pdfjs-dist/package.json', { paths: [path.dirname(require.resolve('pdf-parse'))] }));
    expect(path.resolve(PDFJS_OPTIONS.cMapUrl)).toBe(path.join(fromPdfParse, 'cmaps'));
  });

  it('without the CMaps the same file silently gives no text (the pitfall this guards against)', async () => {
    const parser = new PDFParse({ data: new Uint8Array(readCorpus('seed003-cid.pdf')) });
    const { text } = await parser.getText({ pageJoiner: '' });
    await parser.destroy();
    expect(text.replace(/\s/g, '')).toBe('');
  });

  for (const seed of ['003', '004']) {
    it(`seed${seed}-cid.pdf reads as its seed text: same paragraphs, headers/footers gone, numbers whole`, async () => {
      const r = await readBytes(readCorpus(`seed${seed}-cid.pdf`));
      expect(r.format).toBe('pdf');
      // the only difference to the seed is white space around numbers
      expect(squash(lines(r.text))).toEqual(squash(seedLines(`seed${seed}.txt`)));
      expect(r.text).not.toMatch(/^- \d+ -$/m);
      const ids = r.messages?.map((m) => m.ruleId);
      expect(ids).toContain('read:pdf-running-lines');
      expect(ids).toContain('read:pdf-lines-joined');
    });
  }

  it('lines broken inside numbers are one number again (20⏎23年, 10⏎0%)', async () => {
    const r = await readBytes(readCorpus('seed003-cid.pdf'));
    expect(r.text).toContain('截止 2023 年 12 月 31 日');
    expect(r.text).toContain('完成率 100%。二是');
    expect(r.messages?.find((m) => m.ruleId === 'read:pdf-lines-joined')?.reason).toMatch(/\(2 inside numbers\)/);
    const r4 = await readBytes(readCorpus('seed004-cid.pdf'));
    expect(r4.text).toContain('获批2024年湖南省博士创新站');
  });

  it('every page has its [start, end) in the text, contiguous, from page 1 on', async () => {
    const r = await readBytes(readCorpus('seed003-cid.pdf'));
    const pages = r.pages!;
    expect(pages.map((p) => p.num)).toEqual([1, 2, 3, 4]);
    expect(pages[0].start).toBe(0);
    for (let i = 1; i < pages.length; i++) expect(pages[i].start).toBe(pages[i - 1].end);
    expect(pages[3].end).toBe(r.text.length);
    // a paragraph running over the page break is joined; page 2 starts where its own text starts
    expect(r.text.slice(pages[1].start).startsWith('活动当中，助力新时期科普工作')).toBe(true);
    const at = r.text.indexOf('207.48');
    expect(pages.find((p) => at >= p.start && at < p.end)?.num).toBe(2);
  });
});

describe('PDF exported by LibreOffice (embedded subset fonts)', () => {
  it('seed000-pdf.pdf: same paragraphs as the seed, page number footers removed', async () => {
    const r = await readBytes(readCorpus('seed000-pdf.pdf'));
    expect(squash(lines(r.text))).toEqual(squash(seedLines('seed000.txt')));
    expect(r.pages).toHaveLength(5);
  });

  it('pdf.js spaces between CJK and digits are dropped, so numbers and units stay together', async () => {
    const r = await readBytes(readCorpus('seed000-pdf.pdf'));
    expect(r.text).toContain('共有编制7人，其中行政编制5人');
    expect(r.text).toContain('实际支出149.83万元');
  });

  it('ruled tables come out like Word tables: the same text as the .docx, up to white space', async () => {
    const noSpace = (t: string) => t.replace(/[ \u3000]/g, '');
    for (const seed of ['000', '001', '002']) {
      const pdf = await readBytes(readCorpus(`seed${seed}-pdf.pdf`));
      const docx = await readBytes(readCorpus(`seed${seed}-docx.docx`));
      expect(noSpace(pdf.text)).toBe(noSpace(docx.text));
    }
  });

  it('table grids: captions, spans, merged cells, cells pointing into the text; a table broken by a page is one', async () => {
    const r = await readBytes(readCorpus('seed002-pdf.pdf'));
    expect(r.tables?.map((t) => t.caption)).toEqual(['2023年度部门整体支出绩效评价基础数据表', '2023年度部门整体支出绩效自评表', '2023年度项目支出绩效自评表']);
    for (const t of r.tables!) {
      expect(t.origin).toBe('pdf');
      for (const row of t.rows) for (const c of row) expect(r.text.slice(c.start, c.end)).toBe(c.text);
    }
    const r1 = await readBytes(readCorpus('seed001-pdf.pdf'));
    const t = r1.tables![0];
    expect(t.rows).toHaveLength(21);
    expect(t.rows[0][1]).toMatchObject({ text: '科普宣传与科普活动', colSpan: 8 });
    expect(t.rows[3][0]).toMatchObject({ text: '项目资金（万元）', merged: true });
    // the row broken over the page break in seed002 is one row again
    expect(r.text).toContain('\t提高基层群众科普知识\t');
  });

  it('a centred title wrapped over two lines is one line again', async () => {
    const r = await readBytes(readCorpus('seed002-pdf.pdf'));
    expect(lines(r.text)).toContain('2023年度衡山县科学技术协会部门整体支出绩效自评报告');
  });
});
