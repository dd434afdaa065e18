// The pdf.js copy pdf-parse loads: its directory (CMaps) and its operator codes. Two versions in one process break.
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
export const PDFJS_DIR = path.dirname(require.resolve('pdfjs-dist/package.json', { paths: [path.dirname(require.resolve('pdf-parse'))] }));

let ops: Promise<{ OPS: Record<string, number> }> | null = null;

/** Operator codes from the very pdf.js module pdf-parse imports (same file, so the same module instance). */
export function pdfjsOps(): Promise<{ OPS: Record<string, number> }> {
  ops ??= import(pathToFileURL(PDFJS_DIR + '/legacy/build/pdf.mjs').href) as Promise<{ OPS: Record<string, number> }>;
  return ops;
}
