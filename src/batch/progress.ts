// Progress on stderr: a redrawn bar on a terminal, a plain line every few seconds otherwise (logs, CI).
export interface ProgressOptions {
  total: number;
  stream: NodeJS.WriteStream | NodeJS.WritableStream;
  /** force bar / plain lines; default: bar when the stream is a TTY */
  tty?: boolean;
  quiet?: boolean;
  intervalMs?: number;
  now?: () => number;
}

export function formatDuration(sec: number): string {
  if (!Number.isFinite(sec)) return '--';
  const s = Math.max(0, Math.round(sec));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const r = s % 60;
  return h ? `${h}h${String(m).padStart(2, '0')}m` : m ? `${m}m${String(r).padStart(2, '0')}s` : `${r}s`;
}

export class Progress {
  done = 0;
  failed = 0;
  skipped = 0;
  private readonly t0: number;
  private lastDraw: number;
  private drawn = false;
  private readonly tty: boolean;
  private readonly now: () => number;
  private readonly interval: number;

  constructor(private readonly o: ProgressOptions) {
    this.now = o.now ?? (() => performance.now());
    this.t0 = this.now();
    this.lastDraw = this.t0;
    this.tty = o.tty ?? !!(o.stream as NodeJS.WriteStream).isTTY;
    this.interval = o.intervalMs ?? (this.tty ? 100 : 5000);
  }

  /** one input finished: 'ok', 'failed' or 'skipped' (already done by an earlier run) */
  tick(kind: 'ok' | 'failed' | 'skipped'): void {
    this.done++;
    if (kind === 'failed') this.failed++;
    if (kind === 'skipped') this.skipped++;
    this.maybeDraw();
  }

  /** a message line printed above the bar; failures (`always`) are printed even with --quiet: the CLI
   *  contract promises one stderr line per failed input */
  log(line: string, always = false): void {
    if (this.o.quiet && !always) return;
    this.clear();
    this.o.stream.write(line + '\n');
    if (this.tty) this.draw();
  }

  line(): string {
    const { total } = this.o;
    const elapsed = (this.now() - this.t0) / 1000;
    const worked = this.done - this.skipped; // skipped inputs cost nothing: keep them out of the rate
    const rate = elapsed > 0 ? worked / elapsed : 0;
    const eta = rate > 0 ? (total - this.done) / rate : Infinity;
    const pct = total ? Math.floor((100 * this.done) / total) : 100;
    const parts = [`${this.done}/${total} (${pct}%)`, `${rate.toFixed(1)} files/s`, `ETA ${formatDuration(eta)}`, `failures ${this.failed}`];
    if (this.skipped) parts.push(`already done ${this.skipped}`);
    return parts.join('  ');
  }

  finish(): void {
    if (this.o.quiet) return;
    this.clear();
    if (!this.tty && this.o.total) this.o.stream.write(`progress: ${this.line()}\n`);
  }

  private maybeDraw(): void {
    if (this.o.quiet) return;
    const t = this.now();
    if (t - this.lastDraw < this.interval && this.done < this.o.total) return;
    this.lastDraw = t;
    if (this.tty) this.draw();
    else if (this.done < this.o.total) this.o.stream.write(`progress: ${this.line()}\n`);
  }

  private draw(): void {
    const width = 24;
    const filled = this.o.total ? Math.round((width * this.done) / this.o.total) : width;
    this.o.stream.write(`\r\x1b[K[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${this.line()}`);
    this.drawn = true;
  }

  private clear(): void {
    if (this.tty && this.drawn) {
      this.o.stream.write('\r\x1b[K');
      this.drawn = false;
    }
  }
}
