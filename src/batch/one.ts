// One input → a record or a failure {code, message}; never throws, never hangs past the timeout (in-process: used
// for the single-file path, which needs no worker start-up).
import type { KepuRecord } from '../schema/record.js';
import type { KDocument } from '../document.js';
import { DEFAULT_TIMEOUT_SEC, failureOf, ocrPagesFrom, OCR_SECONDS_PER_PAGE } from './common.js';

export interface OneOptions {
  ocr?: boolean;
  timeoutSec?: number;
  onProgress?: (msg: string) => void;
}

export type OneResult =
  | { ok: true; path: string; record: KepuRecord; doc: KDocument; ms: number }
  | { ok: false; path: string; code: string; message: string; ms: number };

export { DEFAULT_TIMEOUT_SEC };

export async function extractOne(path: string, opts: OneOptions = {}): Promise<OneResult> {
  const t0 = performance.now();
  const baseSec = opts.timeoutSec ?? DEFAULT_TIMEOUT_SEC;
  let ocrPages = 0;
  const limitMs = () => (baseSec + OCR_SECONDS_PER_PAGE * ocrPages) * 1000;
  let timer: NodeJS.Timeout | undefined;
  const stop = new AbortController(); // lets the reader leave its page / OCR loop instead of running on
  // re-armed while OCR announces pages, so each OCR page extends the deadline
  const timeout = new Promise<never>((_, reject) => {
    const check = () => {
      const left = limitMs() - (performance.now() - t0);
      if (left <= 0) {
        stop.abort();
        reject(Object.assign(new Error(`gave up after ${limitMs() / 1000} s`), { timeout: true }));
      } else timer = setTimeout(check, Math.min(left, 1000));
    };
    check();
  });
  const onProgress = (msg: string) => {
    ocrPages = Math.max(ocrPages, ocrPagesFrom(msg) ?? 0);
    opts.onProgress?.(msg);
  };
  try {
    // loaded here, not at the top: the batch's main process imports this module but never extracts
    const { extractFile } = await import('../pipeline.js');
    const { record, doc } = await Promise.race([extractFile(path, { ocr: opts.ocr, onProgress, signal: stop.signal }), timeout]);
    return { ok: true, path, record, doc, ms: performance.now() - t0 };
  } catch (e) {
    const f = (e as { timeout?: boolean })?.timeout ? { code: 'timeout', message: (e as Error).message } : failureOf(e);
    return { ok: false, path, ...f, ms: performance.now() - t0 };
  } finally {
    clearTimeout(timer);
  }
}
