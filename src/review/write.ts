// Writing review pages from the CLI and the batch. Each call site is one line; errors become one stderr line.
import { open, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { KepuRecord } from '../schema/record.js';
import { writeAtomic } from '../batch/write.js';
import { assignNames } from '../batch/names.js';
import { renderDocumentPage } from './document-page.js';
import { renderIndexPage, type IndexFailure, type IndexRow } from './index-page.js';
import { rowFromPage } from './row-meta.js';

/** One extracted document, as the single-file path (OneResult) or a batch worker (JSON + text) has it. */
export interface ReviewSource {
  /** the input file */
  path: string;
  /** output name shared with the record file (DIR/<name>.json); default: the file name without extension */
  name?: string;
  /** the record, or its JSON */
  record: KepuRecord | string;
  /** the extracted plain text the evidence offsets point into */
  text: string;
  pages?: { num: number; start: number; end: number }[] | null;
}

export interface ReviewOptions {
  html?: string;
}

function report(target: string, e: unknown): false {
  process.stderr.write(`${target}: cannot write review page: ${(e as Error)?.message ?? String(e)}\n`);
  return false;
}

/** The page's path inside a review directory. */
export function reviewPagePath(dir: string, src: { path: string; name?: string }): string {
  return join(dir, `${src.name ?? assignNames([src.path])[0]}.html`); // one input: its stem, cut as a batch cuts it
}

async function writePage(target: string, src: ReviewSource, indexHref?: string): Promise<boolean> {
  try {
    const record = typeof src.record === 'string' ? (JSON.parse(src.record) as KepuRecord) : src.record;
    writeAtomic(target, renderDocumentPage(record, src.text, { pages: src.pages, indexHref }));
    return true;
  } catch (e) {
    return report(target, e);
  }
}

/** Batch: writes DIR/<name>.html for one document (DIR = opts.html). Returns false after printing an error. */
export async function writeReview(src: ReviewSource, opts: ReviewOptions): Promise<boolean> {
  if (!opts.html) return true;
  return writePage(reviewPagePath(opts.html, src), src, 'index.html');
}

/** Single file: opts.html is the page's path, or a directory (existing, or ending in '/') to put <name>.html in. */
export async function writeSingleReview(src: ReviewSource, opts: ReviewOptions): Promise<boolean> {
  if (!opts.html) return true;
  const isDir = /[\\/]$/.test(opts.html) || (await stat(opts.html).then((s) => s.isDirectory(), () => false));
  return writePage(isDir ? reviewPagePath(opts.html, src) : opts.html, src);
}

/** The first bytes of a page: its head, where the row is. */
async function readHead(path: string): Promise<string> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(64 * 1024);
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    const s = buf.subarray(0, bytesRead).toString('utf8');
    const end = s.indexOf('</head>');
    return end < 0 ? s : s.slice(0, end);
  } finally {
    await fh.close();
  }
}

/** The rows of every review page in DIR (earlier runs included), minus inputs that failed this time. */
export async function collectReviewRows(dir: string, failed: Iterable<string> = []): Promise<IndexRow[]> {
  const skip = new Set(failed);
  const names = (await readdir(dir)).filter((n) => n.endsWith('.html') && n !== 'index.html' && !n.startsWith('.'));
  const rows: IndexRow[] = [];
  for (const n of names) {
    const row = rowFromPage(await readHead(join(dir, n)).catch(() => ''));
    if (row && !skip.has(row.file)) rows.push({ ...row, href: encodeURIComponent(n) });
  }
  return rows.sort((a, b) => a.file.localeCompare(b.file) || (a.href ?? '').localeCompare(b.href ?? ''));
}

/** Batch end: writes DIR/index.html over the pages in DIR, listing this run's failures. */
export async function writeReviewIndex(summary: { failures: IndexFailure[] }, opts: ReviewOptions): Promise<boolean> {
  if (!opts.html) return true;
  const target = join(opts.html, 'index.html');
  try {
    const rows = await collectReviewRows(opts.html, summary.failures.map((f) => f.path)).catch((e: NodeJS.ErrnoException) => {
      if (e.code === 'ENOENT') return [];
      throw e;
    });
    writeAtomic(target, renderIndexPage(rows, summary.failures));
    return true;
  } catch (e) {
    return report(target, e);
  }
}
