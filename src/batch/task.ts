// One batch task: extract a file and serialise what the main process writes. Runs in a worker process (worker.ts)
// or in-process; both call runTask, so parallel and sequential runs produce the same bytes.
import { extractFile } from '../pipeline.js';
import { countFields } from '../emit/count.js';
import { writeAtomic } from './write.js';
import type { KepuRecord } from '../schema/record.js';
import { failureOf, ocrPagesFrom, type RecordRow, type TaskInput, type TaskOutput } from './common.js';

export { ocrPagesFrom, failureOf, OCR_SECONDS_PER_PAGE, type RecordRow, type TaskInput, type TaskOutput } from './common.js';

export function recordRow(path: string, record: KepuRecord): RecordRow {
  return {
    path,
    kind: record.meta.reportKind,
    year: record.meta.fiscalYear,
    unit: record.meta.unitName,
    fields: countFields(record),
    warnings: record.warnings.map((w) => w.code),
  };
}

/** Extracts one document. `onOcrPages` hears how many pages OCR will read (each extends the time limit). */
export async function runTask(input: TaskInput, onOcrPages?: (pages: number) => void): Promise<TaskOutput> {
  const t0 = performance.now();
  const onProgress = (msg: string) => {
    const pages = ocrPagesFrom(msg);
    if (pages !== null) onOcrPages?.(pages);
  };
  try {
    const { record, doc } = await extractFile(input.path, { ocr: input.ocr, onProgress });
    const json = JSON.stringify(record, null, 2) + '\n';
    // the text before the record: a record on disk means its text is there too (resume relies on it)
    if (input.textPath) writeAtomic(input.textPath, doc.text);
    if (input.recordPath) writeAtomic(input.recordPath, json);
    return {
      ok: true,
      sha256: record.source.sha256,
      extractorVersion: record.extractorVersion,
      ...(input.returnContent ? { json, text: doc.text } : {}),
      row: recordRow(input.path, record),
      ms: performance.now() - t0,
    };
  } catch (e) {
    return { ok: false, ...failureOf(e), ms: performance.now() - t0 };
  }
}
