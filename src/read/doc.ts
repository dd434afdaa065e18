// Word 97-2003 .doc → plain text with word-extractor (only for .doc: its .docx path corrupts CJK, issue #54).
import WordExtractor from 'word-extractor';
import type { ReadResult } from '../document.js';
import { ReadError } from './errors.js';
import { CELL_PARAGRAPH, patchWordExtractor } from './doc-patch.js';

export async function readDoc(bytes: Uint8Array): Promise<ReadResult> {
  patchWordExtractor();
  let body: string;
  try {
    const doc = await new WordExtractor().extract(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    // filterUnicode: false keeps “” ‘’ —— as written (the default rewrites them to ASCII)
    body = doc.getBody({ filterUnicode: false });
  } catch (e) {
    const msg = (e as Error)?.message ?? String(e);
    if (/encrypt|password/i.test(msg)) throw new ReadError('encrypted', 'the .doc is password-protected');
    throw new ReadError('corrupt', `damaged .doc file: ${msg.split('\n')[0]}`);
  }
  const text = docBodyToText(body);
  if (!text.replace(/\s/g, '')) throw new ReadError('no_text', 'the .doc has no text (password-protected or empty?)');
  return { text, format: 'doc', pages: null, messages: [] };
}

/**
 * word-extractor writes each table cell followed by \t and each row followed by \n (with the row-end fix in
 * doc-patch.ts); paragraph breaks inside a cell arrive as CELL_PARAGRAPH and are joined with nothing, like the
 * .docx rendering (年初 + 预算数 → 年初预算数). Then the trailing cell tab of each row and all empty lines go:
 * one paragraph per line.
 */
export function docBodyToText(body: string): string {
  const raw = body
    .replace(/\r\n?/g, '\n')
    .replace(new RegExp(`${CELL_PARAGRAPH}+`, 'g'), '')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '')
    .split('\n');
  // a row keeps its line even when all its cells are empty (as in the .docx rendering)
  const out = raw.filter((l) => l.includes('\t') || l.replace(/[\s\u3000]/g, '') !== '').map((l) => (l.includes('\t') ? l.replace(/\t$/, '') : l));
  return out.length ? out.join('\n') + '\n' : '';
}
