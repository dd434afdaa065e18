// Format from the bytes, never from the extension.
export type Format = 'pdf' | 'docx' | 'zip' | 'doc' | 'ole' | 'html' | 'rtf' | 'txt' | 'binary' | 'empty';

export function detectFormat(bytes: Uint8Array): Format {
  if (bytes.length === 0) return 'empty';
  const head = Buffer.from(bytes.subarray(0, Math.min(bytes.length, 1024)));
  if (head.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf';
  if (head.indexOf('%PDF-') >= 0 && head.indexOf('%PDF-') < 1024) return 'pdf';
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) {
    return head.includes('word/') || Buffer.from(bytes).includes('word/document.xml') ? 'docx' : 'zip';
  }
  if (head.subarray(0, 8).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))) {
    return Buffer.from(bytes).includes(Buffer.from('W\0o\0r\0d\0D\0o\0c\0u\0m\0e\0n\0t', 'latin1')) ? 'doc' : 'ole';
  }
  const start = head.toString('latin1').trimStart().slice(0, 15).toLowerCase();
  if (start.startsWith('{\\rtf')) return 'rtf';
  if (start.startsWith('<!doctype html') || start.startsWith('<html')) return 'html';
  return looksLikeText(bytes) ? 'txt' : 'binary';
}

/** Text if it has a BOM, or no NULs (UTF-8 / GB18030), with few control characters. */
export function looksLikeText(bytes: Uint8Array): boolean {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) return true;
  const n = Math.min(bytes.length, 64 * 1024);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) return false;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) control++;
  }
  return control / Math.max(n, 1) < 0.01;
}
