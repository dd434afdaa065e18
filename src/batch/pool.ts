// Documents run in worker *processes* (child_process.fork of dist/batch/worker.js), one task at a time each.
// Why processes, not worker threads: a document that blocks its worker past the time limit must be stopped, and
// terminating a worker thread while it is inside nodejieba's native code aborts the whole process
// ("terminate called after throwing an instance of 'Napi::Error'"). SIGKILL on a child is always safe, and a
// native crash or heap exhaustion takes down one document, not the batch.
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { OCR_SECONDS_PER_PAGE, type TaskInput, type TaskOutput } from './common.js';

/** V8 heap cap per worker: a pathological document fails alone instead of exhausting the machine. */
export const WORKER_HEAP_MB = 1536;
/**
 * V8's young generation per worker (MB per semi-space), by what the batch mostly holds. Measured here
 * (docs/benchmark.md): text reports make little garbage per document, and 8 MB instead of V8's 16 costs no CPU
 * and ≈ 17 MB of RSS less per worker; pdf.js and the Word readers allocate a great deal, and 32 MB runs them
 * 10–20 % faster for ≈ 60 MB more per worker.
 */
export const YOUNG_MB = { text: 8, documents: 32 } as const;
export type WorkloadKind = keyof typeof YOUNG_MB;

/** 'documents' when most inputs are PDF, Word or OFD files (by extension: only a performance setting). */
export function workloadOf(files: string[]): WorkloadKind {
  const docs = files.filter((f) => /\.(pdf|docx?|wps|ofd)$/i.test(f)).length;
  return docs * 2 > files.length ? 'documents' : 'text';
}

/**
 * Half V8's default budget for inlining into one optimised function (920 bytes of bytecode). A worker spends much
 * of its first thousand documents in TurboFan, compiling the large extractor functions again after each
 * deoptimisation; smaller graphs compile faster. Counted with callgrind (instructions of all threads, in-process):
 * 2,000 texts from a cold start −5 %, 500 texts −8 %, and 1,000 more on the warm process −12 % (docs/benchmark.md).
 */
export const INLINE_BUDGET = 460;

/**
 * How far a text worker's old generation may grow past what survived its last full GC (V8 picks up to 4× with a
 * 1.5 GB cap). A text worker keeps ≈ 25–35 MB alive and its peak RSS is set by the garbage it lets pile up before the
 * next full GC. Measured here (in-process, 2,000 texts, in turn): peak 155, 160, 156 MB → 143, 144, 143 MB at 30 %,
 * the same user CPU within noise (docs/benchmark.md, session 26). PDF and Word workers churn far more and keep V8's choice.
 */
export const TEXT_HEAP_GROWING_PERCENT = 30;

/**
 * The largest function a text worker lets TurboFan optimise, in bytes of bytecode (V8's default is 60 KB). The
 * extractors' few giant functions (extractActivities ≈ 21.6 KB, extractFinance ≈ 11.7 KB, lists' items ≈ 8 KB) took
 * most of a worker's compile time, again after each deoptimisation, while their own time goes to regex builtins that
 * run as fast from baseline code. Traced over 1,500 texts: TurboFan time 12.2 → 4.5 s (docs/benchmark.md, session 27).
 */
export const TEXT_MAX_OPTIMIZED_BYTECODE = 7000;

/**
 * With a worker on every core, a text worker runs V8 on its own thread alone (--single-threaded: no concurrent
 * compiler or GC threads). Those threads only help when a core is idle; with none, they contend with the other
 * workers and cost their synchronisation on top. Measured here, 2,000 texts on 2 workers, in turn: 232–257 →
 * 257–296 docs/s, 14.7–16.3 → 13.0–14.8 worker CPU-s, ≈ 20 MB less RSS (docs/benchmark.md). PDF, Word and OCR
 * workers keep their threads (pdf.js and tesseract's wasm compile on them).
 */
export function workerFlags(kind: WorkloadKind, everyCoreBusy = false): string[] {
  const flags = [`--max-old-space-size=${WORKER_HEAP_MB}`, `--max-semi-space-size=${YOUNG_MB[kind]}`, `--max-inlined-bytecode-size-cumulative=${INLINE_BUDGET}`];
  if (kind === 'text') flags.push(`--heap-growing-percent=${TEXT_HEAP_GROWING_PERCENT}`, `--max-optimized-bytecode-size=${TEXT_MAX_OPTIMIZED_BYTECODE}`);
  return kind === 'text' && everyCoreBusy ? [...flags, '--single-threaded'] : flags;
}

export type ToWorker = { id: number; input: TaskInput };
export type FromWorker =
  | { ready: true }
  | { id: number; ocrPages: number }
  | { id: number; output: TaskOutput; maxRssKb: number; cpuMicros: number };

export interface Executor {
  /** 'processes' (compiled worker next to this module) or 'in-process' (none, e.g. running from src/ under vitest) */
  mode: 'processes' | 'in-process';
  jobs: number;
  run(input: TaskInput): Promise<TaskOutput>;
  /** peak RSS of the worker processes, summed over the worker slots (MB) */
  workersPeakRssMb(): number;
  /** CPU seconds used by the worker processes so far */
  workersCpuSec(): number;
  close(): Promise<void>;
}

/** The compiled worker next to this module: dist/batch/worker.js. Running from src/ (vitest) there is none. */
export function workerFile(): string | null {
  const file = fileURLToPath(new URL('./worker.js', import.meta.url));
  return existsSync(file) ? file : null;
}

export function createExecutor(opts: { jobs: number; timeoutSec: number; workload?: WorkloadKind; worker?: string; stderrWaitMs?: number }): Executor {
  const file = opts.worker ?? workerFile(); // another worker file: tests of the pool's own behaviour
  return file ? processExecutor(file, opts) : inProcessExecutor(opts.timeoutSec);
}

const limitMs = (timeoutSec: number, ocrPages: number) => (timeoutSec + OCR_SECONDS_PER_PAGE * ocrPages) * 1000;

/**
 * Tasks a worker holds at once: the one it works on and the next, already sent. The worker never waits for the
 * main process between two documents (with two workers on two cores the main process is often not scheduled at
 * once). A task that was only queued is sent again to a fresh process when its worker dies or is killed.
 */
export const TASKS_PER_WORKER = 2;

/** How long a dead worker's stderr may take to be read to its end before its task is failed without it (a test of the pool
 *  on a loaded machine waits longer: its stand-in's cause comes from a process that must start first). */
const STDERR_WAIT_MS = 1000;

/** Resolves when the process's stderr has ended (or has none), or after `ms`. */
function drained(proc: ChildProcess, ms: number): Promise<void> {
  const err = proc.stderr;
  if (!err || err.readableEnded || err.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    const t = setTimeout(resolve, ms);
    err.once('close', () => (clearTimeout(t), resolve()));
  });
}

interface Busy {
  id: number;
  input: TaskInput;
  /** when the worker began it: set when it reaches the head of the queue of a started worker (null before) */
  started: number | null;
  ocrPages: number;
  done: (o: TaskOutput) => void;
}

class Slot {
  proc: ChildProcess | null = null; // started on first use: a rerun with nothing left to do starts no worker
  ready: Promise<void> = Promise.resolve();
  /** sent to the current process, in the order it works on them; the head is the one in hand */
  readonly inFlight: Busy[] = [];
  peakRssKb = 0;
  /** CPU time of each process this slot has run (the latest report of each), µs */
  readonly cpuByProcess = new Map<number, number>();
  /** the last 4000 characters the current process wrote to stderr */
  private stderrTail = '';

  constructor(
    private readonly file: string,
    private readonly flags: string[],
    private readonly onIdle: (s: Slot) => void,
    private readonly stderrWaitMs = STDERR_WAIT_MS,
  ) {}

  private spawn(): ChildProcess {
    this.stderrTail = '';
    const proc = fork(this.file, [], {
      execArgv: this.flags,
      serialization: 'advanced',
      // glibc gives each thread its own malloc arena; two are enough here (measured ≈ 15 MB less RSS per worker)
      env: { ...process.env, MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX ?? '2' },
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'], // library chatter must not reach our stdout
    });
    this.proc = proc;
    let tail = ''; // this process's own: a fresh one may start before a dead one's last words are read
    proc.stderr?.on('data', (d) => {
      tail = (tail + d).slice(-4000);
      if (proc === this.proc) this.stderrTail = tail;
    });
    proc.on('error', () => {}); // spawn/IPC errors: 'exit' follows and settles any task
    this.ready = new Promise((resolve) => {
      proc.on('message', (m: FromWorker) => {
        if ('ready' in m) return resolve();
        if (proc !== this.proc) return;
        if ('ocrPages' in m) {
          const b = this.inFlight.find((t) => t.id === m.id);
          if (b) b.ocrPages = Math.max(b.ocrPages, m.ocrPages);
        } else if (this.inFlight[0]?.id === m.id) {
          this.peakRssKb = Math.max(this.peakRssKb, m.maxRssKb);
          this.cpuByProcess.set(proc.pid ?? 0, m.cpuMicros);
          this.finishHead(m.output);
        }
      });
      proc.on('exit', () => resolve());
      proc.on('error', () => resolve());
    });
    proc.on('exit', (code, signal) => {
      if (proc !== this.proc) return; // a process already replaced (killed for its time limit)
      this.proc = null; // the next task starts a fresh one
      const [b, ...queued] = this.inFlight.splice(0);
      if (!b) return;
      const ms = b.started === null ? 0 : performance.now() - b.started;
      for (const q of queued) void this.send(q); // only queued: a fresh process takes them now
      // 'exit' can come before the last of stderr is read: the cause (a stack, V8's OOM report) is in it
      void drained(proc, this.stderrWaitMs).then(() => {
        const oom = /heap out of memory|Allocation failed/i.test(tail);
        const last = tail.trim().split('\n').at(-1)?.slice(0, 200);
        b.done(
          oom
            ? { ok: false, code: 'out_of_memory', message: `needed more than ${WORKER_HEAP_MB} MB of memory`, ms }
            : { ok: false, code: 'internal', message: `internal error: worker process died (${signal ?? `exit ${code}`})${last ? `: ${last}` : ''}`, ms },
        );
        this.onIdle(this);
      });
    });
    return proc;
  }

  private finishHead(o: TaskOutput): void {
    const b = this.inFlight.shift();
    if (!b) return;
    if (this.inFlight[0]) this.inFlight[0].started = performance.now(); // the worker goes straight on to it
    b.done(o);
    this.onIdle(this);
  }

  /** the process is gone: the task in hand fails, the ones only queued go to a fresh process */
  private failHeadAndResend(o: TaskOutput): void {
    const queued = this.inFlight.splice(1);
    this.finishHead(o);
    for (const b of queued) void this.send(b);
  }

  run(id: number, input: TaskInput): Promise<TaskOutput> {
    return new Promise((done) => void this.send({ id, input, started: null, ocrPages: 0, done }));
  }

  private async send(b: Busy): Promise<void> {
    const proc = this.proc ?? this.spawn();
    this.inFlight.push(b);
    await this.ready;
    if (proc !== this.proc) return; // died while starting: its 'exit' has settled or re-sent this task
    // the clock starts once the worker is up (its start-up is not the document's time)
    if (this.inFlight[0] === b && b.started === null) b.started = performance.now();
    if (!proc.connected) {
      // it could not even start (a broken install): fail this document, try a fresh process for the next
      this.proc = null;
      const last = this.stderrTail.trim().split('\n').at(-1)?.slice(0, 200);
      const others = this.inFlight.splice(0).filter((t) => t !== b);
      b.done({ ok: false, code: 'internal', message: `internal error: worker process did not start${last ? `: ${last}` : ''}`, ms: 0 });
      this.onIdle(this);
      for (const t of others) void this.send(t);
      return;
    }
    // a send that fails means the process died: its 'exit' settles the task
    proc.send({ id: b.id, input: b.input } satisfies ToWorker, (err) => err && proc.kill('SIGKILL'));
  }

  /** past its limit: kill the process (the next task starts a fresh one) and report the timeout */
  checkDeadline(timeoutSec: number): void {
    const b = this.inFlight[0];
    if (!b || !this.proc || b.started === null) return;
    const limit = limitMs(timeoutSec, b.ocrPages);
    const ms = performance.now() - b.started;
    if (ms <= limit) return;
    const stuck = this.proc;
    this.proc = null;
    stuck.kill('SIGKILL');
    this.failHeadAndResend({ ok: false, code: 'timeout', message: `gave up after ${limit / 1000} s`, ms });
  }

  async close(): Promise<void> {
    const p = this.proc;
    if (!p || p.exitCode !== null || p.signalCode !== null) return;
    const gone = new Promise((r) => p.once('exit', r));
    if (p.connected) p.disconnect();
    const t = setTimeout(() => p.kill('SIGKILL'), 2000);
    await gone;
    clearTimeout(t);
  }
}

function processExecutor(file: string, opts: { jobs: number; timeoutSec: number; workload?: WorkloadKind; stderrWaitMs?: number }): Executor {
  const idle: Slot[] = [];
  const waiting: ((s: Slot) => void)[] = [];
  const release = (s: Slot) => {
    const w = waiting.shift();
    if (w) w(s);
    else idle.push(s);
  };
  const flags = workerFlags(opts.workload ?? 'text', opts.jobs >= availableParallelism());
  const slots = Array.from({ length: opts.jobs }, () => new Slot(file, flags, release, opts.stderrWaitMs));
  // one entry per task a slot may take: every slot gets its first before any gets its second
  for (let k = 0; k < TASKS_PER_WORKER; k++) idle.push(...slots);
  idle.reverse();
  const watch = setInterval(() => slots.forEach((s) => s.checkDeadline(opts.timeoutSec)), 250);
  watch.unref();
  let nextId = 0;
  return {
    mode: 'processes',
    jobs: opts.jobs,
    async run(input) {
      const slot = idle.pop() ?? (await new Promise<Slot>((r) => waiting.push(r)));
      return slot.run(nextId++, input); // settles exactly once and hands the slot back
    },
    workersPeakRssMb: () => slots.reduce((n, s) => n + s.peakRssKb, 0) / 1024,
    workersCpuSec: () => slots.reduce((n, s) => n + [...s.cpuByProcess.values()].reduce((a, b) => a + b, 0), 0) / 1e6,
    async close() {
      clearInterval(watch);
      await Promise.all(slots.map((s) => s.close()));
    },
  };
}

/** Sequential fallback without worker processes; the timeout is soft (a blocked event loop cannot be interrupted). */
function inProcessExecutor(timeoutSec: number): Executor {
  return {
    mode: 'in-process',
    jobs: 1,
    async run(input) {
      const t0 = performance.now();
      let ocrPages = 0;
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<TaskOutput>((resolve) => {
        const check = () => {
          const limit = limitMs(timeoutSec, ocrPages);
          const left = limit - (performance.now() - t0);
          if (left <= 0) resolve({ ok: false, code: 'timeout', message: `gave up after ${limit / 1000} s`, ms: performance.now() - t0 });
          else timer = setTimeout(check, Math.min(left, 1000));
        };
        check();
      });
      try {
        const { runTask } = await import('./task.js');
        return await Promise.race([runTask(input, (p) => (ocrPages = Math.max(ocrPages, p))), timeout]);
      } finally {
        clearTimeout(timer);
      }
    },
    workersPeakRssMb: () => 0,
    workersCpuSec: () => 0,
    close: async () => {},
  };
}
