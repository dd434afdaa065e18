// A per-file time limit. The promise is raced against a timer; the AbortController lets the reader stop its
// page loop (and OCR) instead of running on in the background.
import { ReadError } from './errors.js';

export const DEFAULT_READ_TIMEOUT_MS = 120_000;
/** extra time granted per page that is OCR'd */
export const OCR_MS_PER_PAGE = 10_000;

export async function withTimeout<T>(work: (signal: AbortSignal) => Promise<T>, ms: number = DEFAULT_READ_TIMEOUT_MS): Promise<T> {
  const ctl = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      ctl.abort();
      reject(new ReadError('timeout', `gave up after ${Math.round(ms / 1000)} s`));
    }, ms);
  });
  try {
    return await Promise.race([work(ctl.signal), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export function checkAborted(signal?: AbortSignal): void {
  if (signal?.aborted) throw new ReadError('timeout', 'stopped: the time limit for this file ran out');
}
