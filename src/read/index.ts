// Stage 1 — read: bytes → extracted plain text (+ pages, tables). Dispatch on the detected format.
import type { ReadResult } from '../document.js';
import { detectFormat } from './detect.js';
import { ReadError } from './errors.js';
import { readTxt } from './txt.js';

export interface ReadOptions {
  ocr?: boolean;
  onProgress?: (msg: string) => void;
}

export async function readBytes(bytes: Uint8Array, opts: ReadOptions = {}): Promise<ReadResult> {
  const format = detectFormat(bytes);
  switch (format) {
    case 'empty':
      throw new ReadError('empty', 'empty file (0 bytes)');
    case 'txt':
      return readTxt(bytes);
    case 'binary':
      throw new ReadError('binary', 'binary data, not a text, PDF or Word document');
    default:
      throw new ReadError('unsupported_format', `unsupported format: ${format}`);
  }
}
