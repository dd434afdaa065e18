// Plain text: UTF-8 (with or without BOM), UTF-16 LE/BE with BOM, GB18030/GBK.
import iconv from 'iconv-lite';
import type { ReadResult } from '../document.js';

export function decodeText(bytes: Uint8Array): { text: string; encoding: string } {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return { text: buf.subarray(3).toString('utf8'), encoding: 'utf-8-bom' };
  if (buf[0] === 0xff && buf[1] === 0xfe) return { text: iconv.decode(buf.subarray(2), 'utf-16le'), encoding: 'utf-16le' };
  if (buf[0] === 0xfe && buf[1] === 0xff) return { text: iconv.decode(buf.subarray(2), 'utf-16be'), encoding: 'utf-16be' };
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  try {
    return { text: utf8.decode(buf), encoding: 'utf-8' };
  } catch {
    return { text: iconv.decode(buf, 'gb18030'), encoding: 'gb18030' };
  }
}

export function readTxt(bytes: Uint8Array): ReadResult {
  const { text, encoding } = decodeText(bytes);
  return { text, format: encoding === 'utf-8' ? 'txt' : `txt:${encoding}`, pages: null };
}
