// Stage 1 — read: bytes → extracted plain text (+ pages, tables). Dispatch on the format found in the bytes.
import type { ReadResult } from '../document.js';
import { detectFormat, FORMAT_NAMES } from './detect.js';
import { ReadError } from './errors.js';
import { dropGlossesFromResult } from './pinyin.js';
import { readTxt } from './txt.js';
import type { ZipLimits } from './zip.js';

export { ReadError } from './errors.js';
export { detectFormat } from './detect.js';
export { withTimeout, DEFAULT_READ_TIMEOUT_MS, OCR_MS_PER_PAGE } from './timeout.js';

export interface ReadOptions {
  /** OCR scanned PDF pages (default true); false: a PDF without a text layer fails with no_text */
  ocr?: boolean;
  /** progress lines for people watching (OCR is slow): "OCR: 3 pages to recognise", "OCR page 2/3" */
  onProgress?: (msg: string) => void;
  /** stop work between pages once aborted (the caller's timeout) */
  signal?: AbortSignal;
  /** test hook: smaller zip limits */
  zipLimits?: ZipLimits;
}

export async function readBytes(bytes: Uint8Array, opts: ReadOptions = {}): Promise<ReadResult> {
  const result = await readFormat(bytes, opts);
  // (the text reader drops them itself, before its other clean-ups)
  return result.format.startsWith('txt') ? result : dropGlossesFromResult(result);
}

async function readFormat(bytes: Uint8Array, opts: ReadOptions): Promise<ReadResult> {
  const format = detectFormat(bytes);
  switch (format) {
    case 'empty':
      throw new ReadError('empty', 'empty file (0 bytes)');
    case 'txt':
      return readTxt(bytes);
    // readers load on first use: pdf.js alone is ~46 MB a process, and a text-only batch never needs it
    case 'pdf':
      return (await import('./pdf.js')).readPdf(bytes, opts);
    case 'docx':
      return (await import('./docx.js')).readDocx(bytes, { zipLimits: opts.zipLimits });
    case 'doc':
      return (await import('./doc.js')).readDoc(bytes);
    case 'html':
      return (await import('./html.js')).readHtml(bytes);
    case 'rtf':
      return (await import('./rtf.js')).readRtf(bytes);
    case 'mht':
      return (await import('./mht.js')).readMht(bytes);
    case 'xlsx':
      return (await import('./xlsx.js')).readXlsx(bytes, { zipLimits: opts.zipLimits });
    case 'ofd':
      return (await import('./ofd.js')).readOfd(bytes, { zipLimits: opts.zipLimits });
    case 'xls':
      return (await import('./xls.js')).readXls(bytes);
    case 'docx-encrypted':
      throw new ReadError('encrypted', 'password-protected Office document (.docx or .xlsx: the two are alike encrypted)');
    case 'zip':
      throw new ReadError('unsupported_format', 'a zip archive that is not a Word document');
    case 'binary':
      throw new ReadError('binary', FORMAT_NAMES.binary);
    default:
      throw new ReadError('unsupported_format', `unsupported format: ${FORMAT_NAMES[format]}`);
  }
}
