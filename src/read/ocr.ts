// OCR of scanned PDF pages with tesseract.js, fully offline: the chi_sim model comes from the npm package
// @tesseract.js-data/chi_sim (never downloaded at run time). Output lines keep their boxes so the same
// header/footer removal and line re-joining as for text PDFs applies.
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { createWorker, type Worker } from 'tesseract.js';
import { ReadError } from './errors.js';
import type { LayoutPage, TextLine } from './pdf-layout.js';
import { isCjk } from './pdf-layout.js';
import { checkAborted } from './timeout.js';

const require = createRequire(import.meta.url);
/** The full 4.0.0 model: slower than 4.0.0_best_int, but on our scans it reads the unit name right where best_int does not. */
export const CHI_SIM_DIR = path.join(path.dirname(require.resolve('@tesseract.js-data/chi_sim/package.json')), '4.0.0');

export interface OcrImage {
  png: Buffer;
  width: number;
  height: number;
}

export interface OcrOptions {
  onProgress?: (msg: string) => void;
  signal?: AbortSignal;
}

interface Bbox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}
interface OcrLine {
  text: string;
  bbox: Bbox;
  confidence: number;
}

/**
 * The usual OCR confusions, folded before anything matches: spaces tesseract puts between CJK characters,
 * 〈〉 read for （）, ″ for ”. Half-width/full-width punctuation is left as read: the normaliser folds widths.
 */
export function foldOcrText(s: string): string {
  let t = s.replace(/\s+$/, '').replace(/〈/g, '（').replace(/〉/g, '）').replace(/″/g, '”');
  // drop a space with CJK on both sides (not CJK–digit: the source often has 2019 年 with spaces)
  t = t.replace(/(\S) +(?=\S)/g, (m, a: string, offset: number, all: string) => (isCjk(a) && isCjk(all[offset + m.length]) ? a : m));
  return t;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)] : 0;
}

/** Estimated em width of a line: its box width over its characters (CJK 1 em, others about half). */
function emOf(text: string, width: number): number {
  let units = 0;
  for (const ch of text) units += isCjk(ch) ? 1 : ch === ' ' ? 0.3 : 0.55;
  return units ? width / units : 0;
}

export function ocrLinesToPage(num: number, img: { width: number; height: number }, raw: OcrLine[], confidence: number): LayoutPage {
  // specks read as "-" or "·": no letter or digit, or very short and unsure
  const lines = raw
    .map((l) => ({ text: foldOcrText(l.text), bbox: l.bbox, confidence: l.confidence }))
    .filter((l) => /[\p{L}\p{N}]/u.test(l.text) && !(l.confidence < 40 && l.text.trim().length <= 3));
  const ems = lines.filter((l) => l.text.length >= 8).map((l) => emOf(l.text, l.bbox.x1 - l.bbox.x0));
  const pageEm = median(ems) || median(lines.map((l) => l.bbox.y1 - l.bbox.y0)) || 1;
  const medianHeight = median(lines.map((l) => l.bbox.y1 - l.bbox.y0)) || 1;
  const out: TextLine[] = lines.map((l) => {
    const ratio = (l.bbox.y1 - l.bbox.y0) / medianHeight;
    // one body size per page; only clearly larger lines (titles) get their own size
    const size = ratio > 1.2 ? pageEm * ratio : pageEm;
    return { text: l.text.trim(), x0: l.bbox.x0, x1: l.bbox.x1, y: l.bbox.y1, size, tabs: false };
  });
  return { num, width: img.width, height: img.height, lines: out, ocr: true, confidence };
}

export async function createOcrWorker(): Promise<Worker> {
  try {
    const worker = await createWorker('chi_sim', 1, {
      langPath: CHI_SIM_DIR,
      gzip: true,
      cachePath: path.join(os.tmpdir(), 'kepu-extract-tesseract'),
      cacheMethod: 'none',
    });
    await worker.setParameters({ preserve_interword_spaces: '1' });
    return worker;
  } catch (e) {
    throw new ReadError('ocr_failed', `OCR could not start: ${(e as Error)?.message ?? e}`);
  }
}

/** OCR the given PDF pages one after another; `render` turns a page number into a PNG. */
export async function ocrPages(
  nums: number[],
  render: (num: number) => Promise<OcrImage>,
  opts: OcrOptions = {},
): Promise<{ num: number; page: LayoutPage }[]> {
  opts.onProgress?.(`OCR: ${nums.length} pages to recognise`);
  const worker = await createOcrWorker();
  const out: { num: number; page: LayoutPage }[] = [];
  try {
    for (let k = 0; k < nums.length; k++) {
      checkAborted(opts.signal);
      const num = nums[k];
      opts.onProgress?.(`OCR page ${k + 1}/${nums.length} (PDF page ${num})`);
      const img = await render(num);
      const { data } = await worker.recognize(img.png, {}, { blocks: true, text: true });
      const lines: OcrLine[] = [];
      for (const b of data.blocks ?? []) for (const p of b.paragraphs) for (const l of p.lines) lines.push({ text: l.text, bbox: l.bbox, confidence: l.confidence });
      out.push({ num, page: ocrLinesToPage(num, img, lines, Math.max(0, Math.min(1, data.confidence / 100))) });
    }
  } finally {
    await worker.terminate().catch(() => undefined);
  }
  return out;
}
