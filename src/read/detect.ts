// Format from the bytes, never from the extension.
export type Format =
  | 'pdf'
  | 'docx'
  | 'zip'
  | 'xlsx'
  | 'ofd'
  | 'xls'
  | 'ooxml'
  | 'odt'
  | 'doc'
  | 'docx-encrypted'
  | 'ole'
  | 'html'
  | 'mht'
  | 'xml'
  | 'rtf'
  | 'txt'
  | 'binary'
  | 'empty';

/** What each unsupported format is, for the one-line error. */
export const FORMAT_NAMES: Record<Format, string> = {
  pdf: 'PDF',
  docx: 'Word .docx',
  zip: 'a zip archive that is not a Word document',
  xlsx: 'an Excel .xlsx workbook',
  ofd: 'an OFD document',
  xls: 'an Excel 97-2003 .xls workbook',
  ooxml: 'an Office file that is not a Word document or an Excel workbook (PowerPoint?)',
  odt: 'an OpenDocument file (save it as .docx)',
  doc: 'Word 97-2003 .doc',
  'docx-encrypted': 'a password-protected Office document (.docx or .xlsx)',
  ole: 'an OLE compound file that is neither a Word document nor an Excel workbook (PowerPoint, or damaged?)',
  html: 'an HTML page',
  mht: 'a saved web page (MHT), not a report document',
  xml: 'an XML file (Word 2003 XML is not supported; save it as .docx)',
  rtf: 'an RTF file (save it as .docx)',
  txt: 'plain text',
  binary: 'binary data, not a text, PDF or Word document',
  empty: 'an empty file (0 bytes)',
};

const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const utf16 = (s: string) => Buffer.from(s, 'utf16le');

export function detectFormat(bytes: Uint8Array): Format {
  if (bytes.length === 0) return 'empty';
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const head = buf.subarray(0, Math.min(buf.length, 1024));
  // PDF readers accept the header anywhere in the first 1 KB (some generators prepend junk)
  if (head.indexOf('%PDF-') >= 0) return 'pdf';
  if (head[0] === 0x50 && head[1] === 0x4b && (head[2] === 0x03 || head[2] === 0x05) && (head[3] === 0x04 || head[3] === 0x06)) {
    return zipKind(buf);
  }
  if (head.subarray(0, 8).equals(OLE_MAGIC)) {
    if (buf.includes(utf16('EncryptedPackage'))) return 'docx-encrypted';
    if (buf.includes(utf16('WordDocument'))) return 'doc';
    return buf.includes(utf16('Workbook')) ? 'xls' : 'ole';
  }
  const start = textStart(head);
  if (start.startsWith('{\\rtf')) return 'rtf';
  if (isHtmlStart(start, headText(head))) return 'html';
  if (start.startsWith('mime-version:') || (start.startsWith('from:') && head.includes('MIME-Version'))) return 'mht';
  if (start.startsWith('<?xml')) return /<html[\s>]/i.test(head.toString('latin1')) ? 'html' : 'xml';
  return looksLikeText(bytes) ? 'txt' : 'binary';
}

/** Lower-cased first characters after a BOM and white space. */
function textStart(head: Buffer): string {
  return headText(head).trimStart().slice(0, 20).toLowerCase();
}

function headText(head: Buffer): string {
  if (head[0] === 0xff && head[1] === 0xfe) return head.subarray(2).toString('utf16le');
  if (head[0] === 0xfe && head[1] === 0xff) return Buffer.from(head.subarray(2)).swap16().toString('utf16le');
  const u16 = sniffUtf16(head);
  if (u16 === 'utf-16le') return head.toString('utf16le');
  if (u16 === 'utf-16be') return Buffer.from(head.subarray(0, head.length & ~1)).swap16().toString('utf16le');
  return head.toString('latin1').replace(/^\xef\xbb\xbf/, '');
}

/**
 * An HTML page: a doctype, <html>, <head>, <body>, <meta> or <title> first — after any comments, such as the
 * `<!-- saved from url=… -->` browsers write into saved pages — or a saved fragment that opens with a common
 * element and closes one in its first kilobyte. `start` is lower-cased and trimmed.
 */
function isHtmlStart(start: string, head?: string): boolean {
  if (start.startsWith('<!doctype html') || start.startsWith('<html') || /^<(head|body|meta|title)[\s>]/.test(start)) return true;
  if (head === undefined) return false;
  let s = head.trimStart();
  for (let k = 0; k < 8 && s.startsWith('<!--'); k++) {
    const end = s.indexOf('-->');
    if (end < 0) return false;
    s = s.slice(end + 3).trimStart();
  }
  const low = s.slice(0, 20).toLowerCase();
  if (low.startsWith('<!doctype html') || low.startsWith('<html') || /^<(head|body|meta|title)[\s>]/.test(low)) return true;
  return /^<(div|table|p|center|font|span|style|script|link|h[1-6])[\s>]/.test(low) && /<\/(div|table|p|center|font|span|style|script|h[1-6])>/i.test(s);
}

/** docx if the zip has word/document.xml; the names are stored uncompressed, so a byte search is enough. */
function zipKind(buf: Buffer): Format {
  if (buf.includes('word/document.xml') || buf.includes('word/document2.xml')) return 'docx';
  if (buf.includes('xl/workbook.xml')) return 'xlsx';
  if (buf.includes('ppt/presentation.xml')) return 'ooxml';
  // (an OFD package's entry part, GB/T 33190)
  if (buf.includes('OFD.xml')) return 'ofd';
  if (buf.includes('mimetypeapplication/vnd.oasis.opendocument')) return 'odt';
  return 'zip';
}

/**
 * UTF-16 without BOM. Mostly-ASCII text has a NUL in every other byte. Chinese text has few NULs (only its digits,
 * spaces and line ends make them) but all on one side of the pairs, and it decodes to readable characters; binary
 * data has its NULs on both sides.
 */
export function sniffUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul / pairs > 0.3 && evenNul / pairs < 0.05) return 'utf-16le';
  if (evenNul / pairs > 0.3 && oddNul / pairs < 0.05) return 'utf-16be';
  if (oddNul >= MIN_NULS && oddNul > NUL_SIDE_RATIO * evenNul && readableUtf16(bytes, n, true)) return 'utf-16le';
  if (evenNul >= MIN_NULS && evenNul > NUL_SIDE_RATIO * oddNul && readableUtf16(bytes, n, false)) return 'utf-16be';
  return null;
}

/** NULs in the first 4 KB for the CJK test: a few digits or line ends (a Chinese report has dozens) */
const MIN_NULS = 8;
/** NULs on one side of the pairs at least this many times those on the other */
const NUL_SIDE_RATIO = 8;
/** share of readable code units (ASCII, CJK, CJK and full-width punctuation) in text taken as UTF-16 */
const READABLE_SHARE = 0.95;

function readableUtf16(bytes: Uint8Array, n: number, le: boolean): boolean {
  let ok = 0;
  for (let i = 0; i < n; i += 2) {
    const u = le ? bytes[i] | (bytes[i + 1] << 8) : (bytes[i] << 8) | bytes[i + 1];
    if (
      (u >= 0x20 && u < 0x7f) || u === 0x09 || u === 0x0a || u === 0x0d ||
      (u >= 0x4e00 && u <= 0x9fff) || (u >= 0x3000 && u <= 0x303f) || (u >= 0xff00 && u <= 0xffef) ||
      (u >= 0x2000 && u <= 0x206f) || (u >= 0x3400 && u <= 0x4dbf) || u === 0xa0 || u === 0xb7 || u === 0xd7
    )
      ok++;
  }
  return ok / (n / 2) >= READABLE_SHARE;
}

/** Text if it has a BOM, or no NULs (UTF-8 / GB18030), with few control characters. */
export function looksLikeText(bytes: Uint8Array): boolean {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) return true;
  if (sniffUtf16(bytes)) return true;
  const n = Math.min(bytes.length, 64 * 1024);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) return false;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) control++;
  }
  return control / Math.max(n, 1) < 0.01;
}
