// Which pages get pdf-parse's table finder (a full operator list of the page): only those whose positioned text
// can hold a ruled table of two or more columns (mayHoldTable), or whose text does not run left to right.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PDFParse } from 'pdf-parse';
import { readBytes } from '../../src/read/index.js';
import { PDFJS_OPTIONS, piecesOf, type PdfTextItem, type PdfViewport } from '../../src/read/pdf.js';
import { findGrids, mayHoldTable } from '../../src/read/pdf-tables.js';
import type { TextPiece } from '../../src/read/pdf-layout.js';
import { pdfOf, readCorpus } from './helpers.js';

/** A piece of CJK text (1 em a character) or Latin/digits (0.5 em), at 12 pt unless said otherwise. */
const piece = (str: string, x: number, y: number, size = 12): TextPiece => {
  let w = 0;
  for (const ch of str) w += /[\x00-\x7f]/.test(ch) ? 0.5 * size : size;
  return { str, x, y, width: w, size };
};
/** Pieces set one after the other from x, each `gap` pt after the end of the one before. */
const run = (strs: string[], x: number, y: number, gap = 0, size = 12): TextPiece[] =>
  strs.map((s) => {
    const p = piece(s, x, y, size);
    x += p.width + gap;
    return p;
  });

describe('mayHoldTable: can this text hold a ruled table of two or more columns?', () => {
  it('yes: a row with text in two cells on one baseline, a cell padding apart', () => {
    expect(mayHoldTable([piece('项目名称', 90, 200), piece('12.50', 90 + 48 + 2 * 5.7, 200)])).toBe(true);
    // Word's default cell padding: 0.19 cm a side
    expect(mayHoldTable([piece('科普活动经费', 90, 200), piece('预算数', 90 + 72 + 2 * 5.4, 200)])).toBe(true);
  });

  it('yes: the cells are read from the content stream cell by cell, not row by row', () => {
    const ps = [piece('项目', 90, 200), piece('名称', 90, 215), piece('合计', 90, 240), piece('年初预算', 160, 200), piece('300.00', 160, 240)];
    expect(mayHoldTable(ps)).toBe(true);
  });

  it('yes: a one-line cell centred next to a two-line cell (half a line pitch off its baselines)', () => {
    // 12 pt text, 1.5 line pitch: the right cell's lines at 200 and 218, the left cell's line at 209
    expect(mayHoldTable([piece('合计', 90, 209), piece('科普活动', 150, 200), piece('经费', 150, 218)])).toBe(true);
  });

  it('no: justified body text, lines of pieces with at most a space between them', () => {
    const ps: TextPiece[] = [];
    for (let l = 0; l < 6; l++) ps.push(...run(['截止', '2023', '年底，我会共有编制', '7', '人，其中行政编制', '5', '人。'], 90 + (l ? 0 : 24), 100 + l * 21, 0.26 * 12));
    expect(mayHoldTable(ps)).toBe(false);
  });

  it('no: a line broken into pieces by font changes, with no gap', () => {
    expect(mayHoldTable(run(['实际支出', '149.83', '万元，', 'Triz', '理论培训'], 90, 300))).toBe(false);
  });

  it('white space at the end of a piece is gap, estimated generously (pdf.js writes none there in the corpus)', () => {
    // "2023 " is 2.25 em wide; its space is taken as an average character, 0.45 em: a yes that only costs time
    expect(mayHoldTable([{ ...piece('2023 ', 90, 300), width: 27 }, piece('年度预算', 117, 300)])).toBe(true);
    expect(mayHoldTable([piece('项目', 90, 300), { ...piece('  金额', 114, 300), width: 36 }])).toBe(true);
  });

  it('no: white space pieces do not count; neighbours on different lines do not pair', () => {
    expect(mayHoldTable([piece('一、基本情况', 90, 100), piece(' ', 162, 100), piece('二、', 200, 130)])).toBe(false);
    // a short last line of a paragraph, the next paragraph indented below it: a line pitch apart
    expect(mayHoldTable([piece('完成。', 90, 100), piece('二是', 114, 121)])).toBe(false);
  });

  it('no: fake bold (the same text drawn twice, a hair apart)', () => {
    expect(mayHoldTable([piece('一、部门概况', 90, 100), piece('一、部门概况', 90.3, 100.2)])).toBe(false);
  });

  it('yes (decided: a yes only costs time): a page number far right of a running header on its line', () => {
    expect(mayHoldTable([piece('XX县科学技术协会2023年度部门决算', 90, 50, 9), piece('3', 500, 50, 9)])).toBe(true);
    // a page number alone on its line, centred, is no gap
    expect(mayHoldTable([...run(['-', '3', '-'], 290, 800, 0.26 * 12), piece('正文', 90, 700)])).toBe(false);
  });

  it('a gap wider than one space but narrower than cell padding is no gap (0.4 em)', () => {
    expect(mayHoldTable([piece('项目', 90, 200), piece('金额', 90 + 24 + 0.35 * 12, 200)])).toBe(false);
    expect(mayHoldTable([piece('项目', 90, 200), piece('金额', 90 + 24 + 0.45 * 12, 200)])).toBe(true);
  });
});

describe('piecesOf: the text direction tells whether the gap rule can judge', () => {
  const vp = (transform: number[]): PdfViewport => ({
    width: 595,
    height: 842,
    transform,
    convertToViewportPoint: (x, y) => [transform[0] * x + transform[2] * y + transform[4], transform[1] * x + transform[3] * y + transform[5]],
  });
  const item = (str: string, t: number[]): PdfTextItem => ({ str, transform: t, width: 24, height: 12 });
  const upright = vp([1, 0, 0, -1, 0, 842]);

  it('text left to right on an upright page', () => {
    const r = piecesOf([item('项目', [12, 0, 0, 12, 90, 700]), item(' ', [0, 0, 0, 0, 0, 0])], upright);
    expect(r.across).toBe(true);
    expect(r.chars).toBe(2);
    expect(r.pieces[0]).toMatchObject({ str: '项目', x: 90, y: 142, size: 12 });
  });

  it('text drawn upwards (a landscape table on a portrait page) is not across; shown turned by /Rotate it is', () => {
    const up = item('项目', [0, 12, -12, 0, 300, 100]);
    expect(piecesOf([up], upright).across).toBe(false);
    // /Rotate 90: the viewport turns the page clockwise, the text reads left to right again
    expect(piecesOf([up], vp([0, 1, 1, 0, 0, 0])).across).toBe(true);
  });
});

/** A one-page PDF (Helvetica, not embedded) with the given content stream. */
function onePagePdf(content: string): Buffer {
  const objs = [
    '',
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
  ];
  return pdfOf(objs);
}
const text = (s: string, x: number, y: number) => `BT /F1 11 Tf ${x} ${y} Td (${s}) Tj ET`;
/** A ruled grid: column edges xs, row edges ys (top down), cell texts by row, 4 pt padding. */
function ruled(xs: number[], ys: number[], cells: string[][]): string {
  const ops = ['0.5 w'];
  for (const x of xs) ops.push(`${x} ${ys[ys.length - 1]} m ${x} ${ys[0]} l S`);
  for (const y of ys) ops.push(`${xs[0]} ${y} m ${xs[xs.length - 1]} ${y} l S`);
  cells.forEach((row, r) => row.forEach((s, c) => s && ops.push(text(s, xs[c] + 4, ys[r + 1] + 6))));
  return ops.join('\n');
}
const BODY = [text('Our association held 25 science days in 2023 and reached 12,000 people.', 72, 760), text('Spending was 149.83 ten-thousand yuan.', 72, 745)];

describe('the table finder runs only where a table can be', () => {
  afterEach(() => vi.restoreAllMocks());

  it('a ruled table of two columns is found and read cell by cell', async () => {
    const finder = vi.spyOn(PDFParse.prototype as unknown as { getPageTables(p: unknown): Promise<unknown> }, 'getPageTables');
    const pdf = onePagePdf([...BODY, ruled([72, 200, 330], [700, 680, 660], [['Item', 'Amount'], ['Science days', '12.50']])].join('\n'));
    const r = await readBytes(pdf);
    expect(finder).toHaveBeenCalledTimes(1);
    expect(r.tables?.[0].rows.map((row) => row.map((c) => c.text))).toEqual([
      ['Item', 'Amount'],
      ['Science days', '12.50'],
    ]);
  });

  it('a page of body text does not get it, and reads as before', async () => {
    const finder = vi.spyOn(PDFParse.prototype as unknown as { getPageTables(p: unknown): Promise<unknown> }, 'getPageTables');
    const r = await readBytes(onePagePdf(BODY.join('\n')));
    expect(finder).not.toHaveBeenCalled();
    expect(r.text).toContain('Spending was 149.83');
    expect(r.tables).toEqual([]);
  });

  it('known loss: a ruled grid with text in one column only is read as plain lines', async () => {
    const pdf = onePagePdf([...BODY, ruled([72, 200, 330], [700, 680, 660], [['Item', ''], ['Science days', '']])].join('\n'));
    const r = await readBytes(pdf);
    expect(r.tables).toEqual([]);
    expect(r.text).toContain('Science days');
  });

  it('on the corpus PDFs: every page where the finder finds a table gets it, every other page is skipped', async () => {
    const seen = { tables: 0, skipped: 0, pages: 0 };
    for (const f of ['seed000-pdf.pdf', 'seed001-pdf.pdf', 'seed002-pdf.pdf', 'seed003-cid.pdf', 'seed004-cid.pdf']) {
      const parser = new PDFParse({ data: new Uint8Array(readCorpus(f)), ...PDFJS_OPTIONS });
      const doc = (await (parser as unknown as { load(): Promise<{ numPages: number; getPage(n: number): Promise<any> }> }).load());
      for (let i = 1; i <= doc.numPages; i++) {
        const page = await doc.getPage(i);
        const vp = page.getViewport({ scale: 1 });
        const { pieces, across } = piecesOf((await page.getTextContent()).items, vp);
        const may = !across || mayHoldTable(pieces);
        const grids = await findGrids(parser, page);
        seen.pages++;
        if (grids.length) {
          seen.tables++;
          expect(may, `${f} page ${i}`).toBe(true);
        } else if (!may) seen.skipped++;
      }
      await parser.destroy();
    }
    expect(seen).toEqual({ tables: 7, skipped: 31, pages: 38 });
  });
});
