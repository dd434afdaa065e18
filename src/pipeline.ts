// read → normalise → segment → structure → extract → validate → emit, one KDocument through small stages.
import { createHash } from 'node:crypto';
import { lstatSync, readFileSync, statSync } from 'node:fs';
import { createDocument, type KDocument, type ReadResult } from './document.js';
import { readBytes, type ReadOptions } from './read/index.js';
import { ReadError } from './read/errors.js';
import { normalise } from './normalise/index.js';
import { segment } from './segment/index.js';
import { structure } from './structure/index.js';
import { extract } from './extract/index.js';
import { readGovernedFigures } from './extract/unitStretch.js';
import { validate } from './validate/index.js';
import { emit } from './emit/record.js';
import type { KepuRecord } from './schema/record.js';

export const MAX_BYTES = 40 * 1024 * 1024;

export interface ExtractOptions extends ReadOptions {
  /** path written into record.source.path (defaults to the given path) */
  displayPath?: string;
}

/** Runs the text stages on an already-read document. */
export function processDocument(doc: KDocument): KepuRecord {
  const read: ReadResult = { text: doc.text, format: doc.format, pages: doc.pages, tables: [...doc.tables], layoutTables: [...doc.layoutTables], pageBreaks: [...doc.pageBreaks] };
  textStages(doc);
  readGovernedFigures(doc, read, textStages);
  validate(doc);
  return emit(doc);
}

function textStages(doc: KDocument): void {
  normalise(doc);
  segment(doc);
  structure(doc);
  extract(doc);
}

/** The text stages on a string (tests, specs, callers that already have text). */
export function extractText(text: string, path = '<text>'): { record: KepuRecord; doc: KDocument } {
  const sha256 = createHash('sha256').update(text).digest('hex');
  const doc = createDocument(path, sha256, { text, format: 'txt', pages: null });
  return { record: processDocument(doc), doc };
}

export async function extractBytes(path: string, bytes: Uint8Array, opts: ExtractOptions = {}): Promise<{ record: KepuRecord; doc: KDocument }> {
  if (bytes.length > MAX_BYTES) throw new ReadError('too_large', `file is ${(bytes.length / 1048576).toFixed(1)} MB, over the ${MAX_BYTES / 1048576} MB limit`);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const read = await readBytes(bytes, opts);
  const doc = createDocument(opts.displayPath ?? path, sha256, read);
  const record = processDocument(doc);
  return { record, doc };
}

export async function extractFile(path: string, opts: ExtractOptions = {}): Promise<{ record: KepuRecord; doc: KDocument }> {
  // synchronous: one file at a time, and the promise API costs more than the read of a typical report
  let st: ReturnType<typeof statSync>;
  try {
    st = statSync(path);
  } catch {
    throw new ReadError('not_found', lstatSync(path, { throwIfNoEntry: false })?.isSymbolicLink() ? 'broken symbolic link (its target does not exist)' : 'no such file');
  }
  // a device or pipe could be read forever (and a synchronous read cannot be timed out)
  if (!st.isFile()) throw new ReadError('unsupported_format', 'not a regular file');
  const size = st.size;
  if (size > MAX_BYTES) throw new ReadError('too_large', `file is ${(size / 1048576).toFixed(1)} MB, over the ${MAX_BYTES / 1048576} MB limit`);
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    // the system's refusal (permissions, a failing disk), not a fault of ours: named as such, not as an internal error
    const code = (e as NodeJS.ErrnoException).code;
    throw new ReadError('unreadable', code === 'EACCES' || code === 'EPERM' ? 'permission denied' : `cannot read the file (${code ?? (e as Error).message})`);
  }
  return extractBytes(path, bytes, opts);
}
