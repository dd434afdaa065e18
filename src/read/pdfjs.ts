// The pdf.js copy pdf-parse loads: its directory (CMaps) and its operator codes. Two versions in one process break.
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
export const PDFJS_DIR = path.dirname(require.resolve('pdfjs-dist/package.json', { paths: [path.dirname(require.resolve('pdf-parse'))] }));

/** The parts of pdf.js we use directly: operator codes and its matrix product. */
export interface PdfjsModule {
  OPS: Record<string, number>;
  Util: { transform(m1: number[], m2: number[]): number[] };
}
let mod: Promise<PdfjsModule> | null = null;

/** The very pdf.js module pdf-parse imports (same file, so the same module instance). */
export function pdfjsOps(): Promise<PdfjsModule> {
  mod ??= import(pathToFileURL(PDFJS_DIR + '/legacy/build/pdf.mjs').href) as Promise<PdfjsModule>;
  return mod;
}
