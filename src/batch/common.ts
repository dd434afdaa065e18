// What the main process and the workers share without loading the pipeline: task types, failure shapes,
// time-limit rules. (The main process never imports the pipeline: it stays small and starts fast.)
import { ReadError } from '../read/errors.js';
import { OCR_MS_PER_PAGE } from '../read/timeout.js';

export interface TaskInput {
  path: string;
  ocr: boolean;
  /** the worker writes the record here (atomically), so records do not travel through the main process */
  recordPath?: string;
  /** … and the extracted plain text here (--text) */
  textPath?: string;
  /** send the record JSON and the text back (the main process needs them, e.g. for review pages) */
  returnContent?: boolean;
}

/** One line of the batch summary: all the main process keeps of a record, so memory stays flat. */
export interface RecordRow {
  path: string;
  kind: string | null;
  year: number | null;
  unit: string | null;
  fields: number;
  warnings: string[];
}

export type TaskOutput =
  | { ok: true; sha256: string; extractorVersion: string; json?: string; text?: string; row: RecordRow; ms: number }
  | { ok: false; code: string; message: string; ms: number };

export const DEFAULT_TIMEOUT_SEC = 120;
export const OCR_SECONDS_PER_PAGE = OCR_MS_PER_PAGE / 1000;

/** Reads "OCR … N pages/页" out of a progress message; null when the message is about something else. */
export function ocrPagesFrom(msg: string): number | null {
  if (!/ocr|识别/i.test(msg)) return null;
  const m = /(\d+)\s*(?:pages?|页)/i.exec(msg) ?? /\/\s*(\d+)/.exec(msg);
  return m ? Number(m[1]) : null;
}

export function failureOf(e: unknown): { code: string; message: string } {
  if (e instanceof ReadError) return { code: e.code, message: e.message };
  return { code: 'internal', message: `internal error: ${(e as Error)?.message ?? String(e)}` };
}
