// A batch: every input gives a record or a failure; inputs = records + failures, always.
// Documents run in worker processes (pool.ts); the main process only hashes, writes files and keeps counters, so
// memory does not grow with the number of documents. Derived outputs (--jsonl, --db, --csv, --parquet) are built
// afterwards from the record files, in input order, so they do not depend on which worker finished first.
import { availableParallelism, tmpdir } from 'node:os';
import { mkdir, mkdtemp, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { join, resolve, sep } from 'node:path';
import { createExecutor, workloadOf } from './pool.js';
import { youngGenerationGrows } from './heap.js';
import { assignNames } from './names.js';
import { ErrorLog, hashFile, readStamp, type FailureLine } from './resume.js';
import { removeStaleTemps, tempPath } from './write.js';
import { Progress } from './progress.js';
import { DEFAULT_TIMEOUT_SEC, type RecordRow } from './common.js';
import { extractorVersion } from '../emit/version.js';
import type { KepuRecord } from '../schema/record.js';

export interface BatchOptions {
  out?: string;
  jsonl?: string;
  textDir?: string;
  ocr?: boolean;
  jobs?: number;
  force?: boolean;
  db?: string;
  csv?: string;
  parquet?: string;
  html?: string;
  timeoutSec?: number;
  quiet?: boolean;
  /** where progress and failure lines go (default stderr) */
  log?: NodeJS.WritableStream;
}

export interface BatchFailure {
  path: string;
  code: string;
  message: string;
}

export interface BatchSummary {
  inputs: number;
  /** records written by this run (a light row each; the records themselves are in --out) */
  records: RecordRow[];
  failures: BatchFailure[];
  /** inputs whose record an earlier run already wrote (same content hash and extractor version) */
  skipped: number;
  ms: number;
  jobs: number;
  mode: 'processes' | 'in-process';
  /** peak resident set size, MB: this process plus the worker processes' peaks (an upper bound) */
  peakRssMb: number;
  /** CPU seconds: this process, and the worker processes together */
  cpuSec: { main: number; workers: number };
  warehouse?: { reports: number; tables: Record<string, number> };
  /** --jsonl / --db / --csv / --parquet could not be written (e.g. the database is locked by another program) */
  outputError?: string;
}

/** Inputs inside our own output directories would be picked up again by the next run: leave them out (and
 * duplicates). */
function outsideOutputs(files: string[], opts: BatchOptions): string[] {
  const dirs = [opts.out, opts.textDir, opts.html].filter((d): d is string => !!d).map((d) => resolve(d) + sep);
  const own = [opts.jsonl, opts.db].filter((f): f is string => !!f).map((f) => resolve(f));
  const seen = new Set<string>();
  return files.filter((f) => {
    const r = resolve(f);
    if (seen.has(r)) return false; // the same file named twice is one input
    seen.add(r);
    return !dirs.some((d) => r.startsWith(d)) && !own.includes(r) && !own.some((o) => r.startsWith(o + '.'));
  });
}

export async function runBatch(allFiles: string[], opts: BatchOptions): Promise<BatchSummary> {
  const t0 = performance.now();
  const files = outsideOutputs(allFiles, opts);
  const names = assignNames(files);
  const log = opts.log ?? process.stderr;
  const jobs = Math.max(1, Math.min(opts.jobs ?? availableParallelism(), files.length));
  const executor = createExecutor({ jobs, timeoutSec: opts.timeoutSec ?? DEFAULT_TIMEOUT_SEC, workload: workloadOf(files) });
  const needStore = !!(opts.out || opts.jsonl || opts.db || opts.csv || opts.parquet);
  const staging = !opts.out && needStore ? await mkdtemp(join(tmpdir(), 'kepu-batch-')) : null;
  const store = opts.out ?? staging;
  const summary: BatchSummary = {
    inputs: files.length, records: [], failures: [], skipped: 0, ms: 0, jobs: executor.jobs, mode: executor.mode, peakRssMb: 0,
    cpuSec: { main: 0, workers: 0 },
  };
  const status = new Uint8Array(files.length); // 0 pending, 1 record, 2 failure
  const rows: (RecordRow | undefined)[] = new Array(files.length); // summary rows in input order
  const progress = new Progress({ total: files.length, stream: log, quiet: opts.quiet });
  let workersRss = 0;

  try {
    if (store) {
      await mkdir(store, { recursive: true });
      await removeStaleTemps(store);
    }
    if (opts.textDir) {
      await mkdir(opts.textDir, { recursive: true });
      await removeStaleTemps(opts.textDir);
    }
    const errors = opts.out ? await ErrorLog.load(join(opts.out, 'errors.jsonl')) : new ErrorLog(null);
    // the record files an earlier run left: one listing instead of a failed open() per new document
    const earlier = opts.out && !opts.force ? new Set(await readdir(opts.out)) : new Set<string>();
    const version = extractorVersion();

    const recordPath = (i: number) => join(store ?? '', `${names[i]}.json`);
    const textPath = (i: number) => join(opts.textDir ?? '', `${names[i]}.txt`);

    const fail = async (i: number, f: Omit<FailureLine, 'path'>) => {
      const path = files[i];
      status[i] = 2;
      summary.failures.push({ path, code: f.code, message: f.message });
      progress.log(`${path}: ${f.message}`, true);
      progress.tick('failed');
      errors.set({ path, ...f });
      if (store) await rm(recordPath(i), { force: true }); // a stale record from an earlier run of other bytes
      await errors.flush(2000);
    };

    /** done by an earlier run: its record file holds the same content hash and extractor version. Failures are
     * always retried (cheap unless they timed out, and a newer build may read them). */
    const alreadyDone = async (i: number): Promise<boolean> => {
      if (!opts.out || opts.force || !earlier.has(`${names[i]}.json`)) return false;
      const stamp = await readStamp(recordPath(i));
      if (!stamp || stamp.extractorVersion !== version) return false;
      if (opts.textDir && !(await stat(textPath(i)).catch(() => null))) return false;
      if (opts.html && !(await stat((await import('../review/write.js')).reviewPagePath(opts.html, { path: files[i], name: names[i] })).catch(() => null))) return false;
      return stamp.sha256 === (await hashFile(files[i]).catch(() => null));
    };

    const handle = async (i: number) => {
      if (await alreadyDone(i)) {
        status[i] = 1;
        summary.skipped++;
        errors.delete(files[i]);
        progress.tick('skipped');
        return;
      }
      // the worker writes the record (and text) itself: records never pass through this process
      const res = await executor.run({
        path: files[i],
        ocr: opts.ocr !== false,
        recordPath: store ? recordPath(i) : undefined,
        textPath: opts.textDir ? textPath(i) : undefined,
        returnContent: !!opts.html,
      });
      if (!res.ok) {
        const sha = await hashFile(files[i]).catch(() => null);
        return fail(i, { code: res.code, message: res.message, sha256: sha, extractorVersion: version });
      }
      if (opts.html) await (await import('../review/write.js')).writeReview({ path: files[i], name: names[i], record: res.json ?? '', text: res.text ?? '' }, opts);
      status[i] = 1;
      errors.delete(files[i]);
      rows[i] = res.row;
      progress.tick('ok');
    };

    // a few more tasks in flight than workers, so no worker waits on the main thread; bounded, so memory is flat
    let next = 0;
    const lanes = Array.from({ length: Math.min(files.length, executor.jobs * 2 + 2) }, async () => {
      while (next < files.length) await handle(next++);
    });
    const stop = interruptHandler(async () => {
      await errors.flush();
      await executor.close();
    });
    try {
      await Promise.all(lanes);
    } finally {
      stop();
    }
    await errors.flush();
    progress.finish();
    workersRss = executor.workersPeakRssMb();
    summary.cpuSec.workers = executor.workersCpuSec();
    await executor.close(); // free the workers' memory before the warehouse load
    // temp files of workers killed for their time limit
    if (store) await removeStaleTemps(store);
    if (opts.textDir) await removeStaleTemps(opts.textDir);
    summary.records = rows.filter((r): r is RecordRow => !!r);
    const order = new Map(files.map((f, i) => [f, i]));
    summary.failures.sort((a, b) => order.get(a.path)! - order.get(b.path)!);

    if (store && (opts.jsonl || opts.db || opts.csv || opts.parquet)) {
      youngGenerationGrows(true); // every record is parsed in this process now
      try {
        summary.warehouse = await deriveOutputs(
          files.map((_, i) => (status[i] === 1 ? recordPath(i) : null)),
          opts,
        );
      } catch (e) {
        // the records are safe in --out; say what failed in one line instead of a stack trace
        summary.outputError = (e as Error)?.message?.split('\n')[0] ?? String(e);
        log.write(`kepu-extract: could not write ${[opts.jsonl, opts.db, opts.csv, opts.parquet].filter(Boolean).join(', ')}: ${summary.outputError}\n`);
      }
    }
  } finally {
    await executor.close();
    if (staging) await rm(staging, { recursive: true, force: true });
  }
  summary.ms = performance.now() - t0;
  summary.peakRssMb = process.resourceUsage().maxRSS / 1024 + workersRss;
  const cpu = process.cpuUsage();
  summary.cpuSec.main = (cpu.user + cpu.system) / 1e6;
  return summary;
}

/** Ctrl-C: save errors.jsonl and stop; records already written are complete files. */
function interruptHandler(cleanup: () => Promise<void>): () => void {
  const onSignal = (sig: NodeJS.Signals) => {
    process.stderr.write(`\nkepu-extract: ${sig}, stopping (finished records are kept; rerun to continue)\n`);
    cleanup().finally(() => process.exit(sig === 'SIGINT' ? 130 : 143));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  return () => {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  };
}

/** A record file read back; one that is not JSON is named, with what to do, instead of a bare parser message. */
function parseRecord(file: string, text: string): KepuRecord {
  try {
    return JSON.parse(text) as KepuRecord;
  } catch (e) {
    throw new Error(`${file} is not a whole record (${(e as Error).message}); delete it and run again`);
  }
}

/** Streams the record files (input order) into --jsonl and the warehouse. */
async function deriveOutputs(recordFiles: (string | null)[], opts: BatchOptions): Promise<BatchSummary['warehouse']> {
  const wantWarehouse = !!(opts.db || opts.csv || opts.parquet);
  const { openWarehouseLoad } = wantWarehouse ? await import('../warehouse/index.js') : { openWarehouseLoad: null };
  const load = openWarehouseLoad ? await openWarehouseLoad({ db: opts.db, csv: opts.csv, parquet: opts.parquet }) : null;
  let jsonl: { tmp: string; stream: NodeJS.WritableStream } | null = null;
  if (opts.jsonl) {
    await mkdir(resolve(opts.jsonl, '..'), { recursive: true });
    const tmp = tempPath(opts.jsonl);
    jsonl = { tmp, stream: createWriteStream(tmp) };
  }
  try {
    for (const file of recordFiles) {
      if (!file) continue;
      const record = parseRecord(file, await readFile(file, 'utf8'));
      if (jsonl && !jsonl.stream.write(JSON.stringify(record) + '\n')) await once(jsonl.stream, 'drain');
      if (load) await load.add(record);
    }
    if (jsonl) {
      jsonl.stream.end();
      await once(jsonl.stream, 'finish');
      await rename(jsonl.tmp, opts.jsonl!);
      jsonl = null;
    }
    return load ? await load.finish() : undefined;
  } finally {
    if (jsonl) {
      jsonl.stream.end();
      await rm(jsonl.tmp, { force: true });
    }
    await load?.abort();
  }
}
