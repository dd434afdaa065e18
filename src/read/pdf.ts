// PDF → plain text with pages. The text layer comes from pdf-parse v2 (its own pdf.js); pages without one are
// OCR'd. Then running headers/footers are dropped and visual lines re-joined into paragraphs (pdf-layout.ts).
// before pdf-parse: captures the builtins pdf.js's polyfills replace (see natives.ts)
import { restoreNatives } from './natives.js';
import { PDFParse } from 'pdf-parse';
import type { Message, ReadResult, Table, TableCell } from '../document.js';
import { ReadError } from './errors.js';
import { assemble, piecesToLines, removeRunningLines, unspaceCjk, type LayoutPage, type TextLine, type TextPiece } from './pdf-layout.js';
import { findGrids, joinSplitRows, mayHoldTable, placeTables, type RowLine } from './pdf-tables.js';
import { checkAborted } from './timeout.js';
import { PDFJS_DIR, pdfjsOps } from './pdfjs.js';
import type { ReadOptions } from './index.js';

/** More pages than this is not a report; refuse rather than spend minutes on it. */
export const MAX_PDF_PAGES = 2000;
/** More scanned pages than this would take too long to OCR. */
export const MAX_OCR_PAGES = 200;
/**
 * Render scale for OCR: 4 × 72 = 288 dpi. Measured on a 150 dpi JPEG scan: at 3× tesseract lost the decimal
 * point of 30.24, at 4× every amount was right. Large pages are scaled down to about 10 megapixels.
 */
const OCR_SCALE = 4;
const OCR_MAX_PIXELS = 10_000_000;

// pdf.js must be the copy pdf-parse loads (two versions in one process break), and in Node cMapUrl must be a
// filesystem path with a trailing slash, not a file:// URL. Without the CMaps, Chinese PDFs with non-embedded
// fonts (UniGB-UCS2-H …) give EMPTY text and no error.
const PDFJS_COMMON = {
  cMapUrl: PDFJS_DIR + '/cmaps/',
  cMapPacked: true,
  // No standardFontDataUrl: a non-embedded standard font (Helvetica, Arial) would be loaded from pdf.js's font
  // files and converted for drawing on every document, 2–5 % of such a PDF's read; its text maps by its encoding
  // alone (records identical on the corpus), and OCR renders only pages without such text.
  isEvalSupported: false,
  useSystemFonts: false,
  verbosity: 0,
};

/**
 * A document for pdf.js's font loader that takes font-face rules and drops them: reading text never draws it.
 * With disableFontFace (the Node default) pdf.js instead builds a drawing path for every glyph the operator list
 * shows, and the table finder asks for the operator list of every page with a table: about a quarter of such a
 * PDF's read (callgrind, seed001: 1.63e9 → 1.17e9 instructions per document).
 */
const NO_FONT_DOCUMENT = {
  fonts: undefined,
  createElement: () => ({ sheet: { insertRule: () => 0, cssRules: [] }, remove: () => {} }),
  documentElement: { getElementsByTagName: () => [{ append: () => {} }] },
};

/** Options for reading text and ruling lines. */
export const PDFJS_OPTIONS = { ...PDFJS_COMMON, disableFontFace: false, ownerDocument: NO_FONT_DOCUMENT as unknown as Document };
/** Options for drawing pages for OCR: glyphs must be drawn as paths (Node's canvas has none of the PDF's fonts). */
export const PDFJS_DRAW_OPTIONS = { ...PDFJS_COMMON, disableFontFace: true };
restoreNatives(); // pdf-parse, imported above, has loaded pdf.js and its polyfills

// The slice of pdf.js's API we use (pdf-parse re-exports no types for it).
export interface PdfTextItem {
  str?: string;
  transform: number[];
  width: number;
  height: number;
}
export interface PdfViewport {
  width: number;
  height: number;
  transform: number[];
  convertToViewportPoint(x: number, y: number): number[];
}
interface PdfPage {
  getViewport(o: { scale: number }): PdfViewport;
  getTextContent(): Promise<{ items: PdfTextItem[] }>;
  getOperatorList(): Promise<{ fnArray: number[] }>;
  cleanup(): void;
}
interface PdfDocument {
  numPages: number;
  getPage(n: number): Promise<PdfPage>;
}

const IMAGE_OPS = ['paintImageMaskXObject', 'paintImageMaskXObjectGroup', 'paintImageXObject', 'paintInlineImageXObject', 'paintInlineImageXObjectGroup', 'paintImageXObjectRepeat', 'paintImageMaskXObjectRepeat'];
const TEXT_OPS = ['showText', 'showSpacedText', 'nextLineShowText', 'nextLineSetSpacingShowText'];
let opCodes: { image: Set<number>; text: Set<number> } | null = null;

async function operatorCodes(): Promise<{ image: Set<number>; text: Set<number> }> {
  if (!opCodes) {
    const pdfjs = await pdfjsOps();
    opCodes = { image: new Set(IMAGE_OPS.map((k) => pdfjs.OPS[k])), text: new Set(TEXT_OPS.map((k) => pdfjs.OPS[k])) };
  }
  return opCodes;
}

/** Characters that carry text (not white space, replacement characters, private-use glyph codes or controls). */
function realChars(s: string): number {
  let n = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c <= 0x20 || c === 0xfffd || (c >= 0xe000 && c <= 0xf8ff) || (c >= 0x7f && c <= 0x9f)) continue;
    n++;
  }
  return n;
}

/**
 * A page's text items as pieces in the page's shown coordinates (y down), with the number of real characters and
 * whether all text runs left to right on the page as shown.
 */
export function piecesOf(items: PdfTextItem[], vp: PdfViewport): { pieces: TextPiece[]; chars: number; across: boolean } {
  const pieces: TextPiece[] = [];
  let chars = 0;
  let across = true;
  const m = vp.transform;
  for (const it of items) {
    if (typeof it.str !== 'string' || !it.transform) continue;
    const [x, y] = vp.convertToViewportPoint(it.transform[4], it.transform[5]);
    const size = Math.hypot(it.transform[0], it.transform[1]) || it.height || 1;
    pieces.push({ str: unspaceCjk(it.str), x, y, width: it.width, size });
    const real = realChars(it.str);
    chars += real;
    if (across && real) {
      // the direction of the text's x axis on the page as shown
      const dx = m[0] * it.transform[0] + m[2] * it.transform[1];
      const dy = m[1] * it.transform[0] + m[3] * it.transform[1];
      across = dx > 0 && Math.abs(dy) <= 0.01 * dx;
    }
  }
  return { pieces, chars, across };
}

function hasTrailer(bytes: Uint8Array): boolean {
  const tail = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).subarray(Math.max(0, bytes.byteLength - 2048));
  return tail.includes('%%EOF') || tail.includes('startxref');
}

function loadError(e: unknown): ReadError {
  const name = (e as { name?: string })?.name ?? '';
  const msg = ((e as Error)?.message ?? String(e)).split('\n')[0];
  if (name === 'PasswordException' || /password/i.test(msg)) return new ReadError('encrypted', 'password-protected (encrypted) PDF');
  if (name === 'InvalidPDFException' || /invalid pdf/i.test(msg)) return new ReadError('corrupt', `damaged PDF: ${msg}`);
  return new ReadError('corrupt', `cannot open the PDF: ${msg}`);
}

export async function readPdf(bytes: Uint8Array, opts: ReadOptions = {}): Promise<ReadResult> {
  if (!hasTrailer(bytes)) throw new ReadError('corrupt', 'truncated PDF: the file ends before its trailer (%%EOF)');
  // pdf.js may take over (detach) the buffer it is given: hand it a copy
  const parser = new PDFParse({ data: new Uint8Array(bytes), ...PDFJS_OPTIONS });
  let drawer = null as PDFParse | null; // opened only to draw pages for OCR
  try {
    let doc: PdfDocument;
    try {
      // pdf-parse's getText() returns text without positions; the layout work needs them, so we use the
      // document pdf-parse loaded (same pdf.js, same options) and read each page's positioned text ourselves
      doc = (await (parser as unknown as { load(): Promise<PdfDocument> }).load()) as PdfDocument;
    } catch (e) {
      throw loadError(e);
    } finally {
      restoreNatives(); // the first load imports pdf.js's worker module, which installs its polyfills again
    }
    const n = doc.numPages;
    if (n > MAX_PDF_PAGES) throw new ReadError('too_large', `the PDF has ${n} pages (limit ${MAX_PDF_PAGES})`);
    const messages: Message[] = [];
    const pages: LayoutPage[] = [];
    const needOcr: number[] = [];
    let failed = 0;
    for (let i = 1; i <= n; i++) {
      checkAborted(opts.signal);
      let page: PdfPage;
      try {
        page = await doc.getPage(i);
      } catch (e) {
        failed++;
        pages.push({ num: i, width: 1, height: 1, lines: [] });
        messages.push({ ruleId: 'read:pdf-page', reason: `page ${i} could not be read: ${(e as Error)?.message ?? e}` });
        continue;
      }
      const vp = page.getViewport({ scale: 1 });
      const { pieces, chars, across } = piecesOf((await page.getTextContent()).items, vp);
      // pdf-parse's table finder needs the page's operator list (a second pass over its content): only pages whose
      // text can hold a table of two or more columns, or whose text does not run left to right, get it
      const lines = chars > 0 ? await linesWithTables(parser, page, pieces, !across || mayHoldTable(pieces)) : [];
      // glyphs without text (no ToUnicode, garbage codes) count as no text layer
      const total = pieces.reduce((a, p) => a + p.str.replace(/\s/g, '').length, 0);
      const garbage = total > 0 && chars / total < 0.5;
      if (chars < 5 || garbage) {
        const ops = await page.getOperatorList();
        const codes = await operatorCodes();
        const hasImage = ops.fnArray.some((f) => codes.image.has(f));
        const hasGlyphs = ops.fnArray.some((f) => codes.text.has(f));
        if (hasImage || (hasGlyphs && (chars === 0 || garbage))) needOcr.push(i);
      }
      pages.push({ num: i, width: vp.width, height: vp.height, lines: garbage ? [] : lines });
      page.cleanup();
    }
    if (failed === n) throw new ReadError('corrupt', 'damaged PDF: no page could be read');

    if (needOcr.length) {
      if (opts.ocr === false) {
        const anyText = pages.some((p) => p.lines.length);
        if (!anyText) throw new ReadError('no_text', `scanned PDF (${needOcr.length} of ${n} pages have no text layer) and OCR is off (--no-ocr)`);
        messages.push({ ruleId: 'read:ocr-off', reason: `${needOcr.length} pages without a text layer were skipped (OCR is off)` });
      } else {
        if (needOcr.length > MAX_OCR_PAGES) {
          throw new ReadError('too_large', `${needOcr.length} scanned pages to OCR (limit ${MAX_OCR_PAGES})`);
        }
        const { ocrPages } = await import('./ocr.js');
        const results = await ocrPages(
          needOcr,
          async (num) => {
            const size = pages.find((p) => p.num === num)!;
            const scale = Math.min(OCR_SCALE, Math.sqrt(OCR_MAX_PIXELS / Math.max(size.width * size.height, 1)));
            drawer ??= new PDFParse({ data: new Uint8Array(bytes), ...PDFJS_DRAW_OPTIONS });
            const shot = await drawer.getScreenshot({ partial: [num], scale, imageBuffer: true, imageDataUrl: false });
            const img = shot.pages[0];
            if (!img?.data) throw new ReadError('corrupt', `page ${num} could not be rendered for OCR`);
            return { png: Buffer.from(img.data), width: img.width, height: img.height };
          },
          opts,
        );
        for (const r of results) {
          const idx = pages.findIndex((p) => p.num === r.num);
          pages[idx] = r.page;
        }
        const conf = results.map((r) => r.page.confidence ?? 0);
        messages.push({
          ruleId: 'read:ocr',
          reason: `${results.length} page(s) read by OCR (mean confidence ${Math.round((100 * conf.reduce((a, b) => a + b, 0)) / Math.max(conf.length, 1))}%)`,
        });
      }
    }
    if (!pages.some((p) => p.lines.length)) {
      throw new ReadError('no_text', `no text in the PDF: ${n} page(s) without a text layer or images to OCR`);
    }
    const { pages: kept, removed } = removeRunningLines(pages);
    if (removed.length) {
      const heads = [...new Set(removed.filter((r) => !r.pageNumber).map((r) => r.text))].slice(0, 3);
      const nums = removed.filter((r) => r.pageNumber).length;
      messages.push({
        ruleId: 'read:pdf-running-lines',
        reason: `removed ${removed.length} running header/footer lines` + (nums ? ` (${nums} page numbers)` : '') + (heads.length ? `: ${heads.map((h) => `"${h}"`).join(', ')}` : ''),
      });
    }
    const split = joinSplitRows(kept);
    if (split) messages.push({ ruleId: 'read:pdf-table-rows-joined', reason: `${split} table row(s) broken over a page break joined` });
    const out = assemble(kept);
    if (out.joined) {
      messages.push({ ruleId: 'read:pdf-lines-joined', reason: `${out.joined} line breaks inside paragraphs removed (${out.joinedInNumbers} inside numbers)` });
    }
    const ocr = out.pages.some((p) => p.ocr);
    const tables = tablesOf(kept, out.text, out.lineStarts);
    if (tables.length) messages.push({ ruleId: 'read:pdf-tables', reason: `${tables.length} ruled table(s) read cell by cell` });
    return { text: out.text, format: ocr ? 'pdf:ocr' : 'pdf', pages: out.pages, tables, messages };
  } finally {
    await parser.destroy().catch(() => undefined);
    await drawer?.destroy().catch(() => undefined);
    restoreNatives(); // in case rendering for OCR loaded more polyfilled code
  }
}

/** Visual lines of a page, with each ruled table in its reading-order place as one line per row. */
async function linesWithTables(parser: unknown, page: unknown, pieces: TextPiece[], tables: boolean): Promise<TextLine[]> {
  const grids = tables ? await findGrids(parser, page) : [];
  if (!grids.length) return piecesToLines(pieces);
  const { pieces: rest, rows } = placeTables(pieces, grids);
  const lines: TextLine[] = [];
  let run: TextPiece[] = [];
  for (const p of rest) {
    if ('table' in p && p.table !== undefined) {
      lines.push(...piecesToLines(run), ...rows[p.table]);
      run = [];
    } else run.push(p);
  }
  lines.push(...piecesToLines(run));
  return lines;
}

/** Table grids for the record: cells point into the text; merged positions repeat their cell with merged: true. */
function tablesOf(pages: LayoutPage[], text: string, starts: Map<TextLine, number>): Table[] {
  const tables: Table[] = [];
  let prevLine: TextLine | null = null;
  let current: { key: string; rows: RowLine[]; caption?: string } | null = null;
  const flush = () => {
    if (current) tables.push(gridOf(current.rows, text, starts, current.caption));
    current = null;
  };
  for (const p of pages) {
    for (const [i, line] of p.lines.entries()) {
      const row = line as RowLine;
      if (row.cells) {
        const key = `${p.num}:${row.table}`;
        // a table that ends a page and a table that opens the next one are the same table, broken by the page
        const last = current?.rows[current.rows.length - 1];
        const goesOn = i === 0 && !!last && prevLine === last;
        if (current && goesOn) current.key = key;
        if (!current || current.key !== key) {
          flush();
          const cap = prevLine && !(prevLine as RowLine).cells ? prevLine.text.trim() : '';
          current = { key, rows: [], caption: cap && cap.length <= 60 && !/[。；]$/.test(cap) ? cap : undefined };
        }
        current.rows.push(row);
      } else flush();
      prevLine = line;
    }
  }
  flush();
  return tables.filter((t) => t.rows.length);
}

function gridOf(rows: RowLine[], text: string, starts: Map<TextLine, number>, caption?: string): Table {
  const abs = new Map<object, TableCell>();
  const grid: TableCell[][] = [];
  for (const row of rows) {
    const at = starts.get(row) ?? 0;
    const out: TableCell[] = [];
    for (const c of row.cells) {
      let cell: TableCell;
      if (c.coveredBy && abs.has(c.coveredBy)) cell = { ...abs.get(c.coveredBy)!, merged: true };
      else {
        cell = { start: at + c.start, end: at + c.end, text: text.slice(at + c.start, at + c.end) };
        if (c.colSpan > 1) cell.colSpan = c.colSpan;
        if (c.rowSpan > 1) cell.rowSpan = c.rowSpan;
        abs.set(c, cell);
      }
      out[c.col] = cell;
      for (let k = 1; k < c.colSpan; k++) out[c.col + k] = { ...cell, merged: true };
    }
    grid.push(Array.from({ length: out.length }, (_, i) => out[i] ?? { start: at, end: at, text: '' }));
  }
  const first = starts.get(rows[0]) ?? 0;
  const last = rows[rows.length - 1];
  const t: Table = { start: first, end: (starts.get(last) ?? 0) + last.text.length, rows: grid, origin: 'pdf' };
  if (caption) t.caption = caption;
  return t;
}
