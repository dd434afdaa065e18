// What an earlier run already did: record files in --out (same sha256 + extractorVersion = done) and
// errors.jsonl, kept as a map keyed by input path and rewritten whole (atomically), so reruns never duplicate lines.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { writeAtomic } from './write.js';

export async function hashFile(path: string): Promise<string> {
  // a pipe or device would be read until a writer closes it (or forever): such an input has no content hash
  if (!(await stat(path)).isFile()) throw new Error(`${path}: not a regular file`);
  const h = createHash('sha256');
  for await (const chunk of createReadStream(path)) h.update(chunk as Buffer);
  return h.digest('hex');
}

export interface RecordStamp {
  sha256: string;
  extractorVersion: string;
}

const HEAD_BYTES = 4096;

/** The file's last non-blank byte closes the record's object. */
async function endsWhole(fh: Awaited<ReturnType<typeof open>>): Promise<boolean> {
  const size = (await fh.stat()).size;
  const tail = Buffer.alloc(Math.min(size, 16));
  await fh.read(tail, 0, tail.length, size - tail.length);
  return tail.toString('latin1').trimEnd().endsWith('}');
}

/** sha256 + extractorVersion of a record file, or null when there is none (or it is not a whole record). */
export async function readStamp(path: string): Promise<RecordStamp | null> {
  let fh;
  try {
    fh = await open(path, 'r');
  } catch {
    return null;
  }
  try {
    // both fields sit at the top of the record: read the head first, the whole file only if needed
    const buf = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await fh.read(buf, 0, HEAD_BYTES, 0);
    const head = buf.subarray(0, bytesRead).toString('utf8');
    const v = /"extractorVersion":\s*("(?:[^"\\]|\\.)*")/.exec(head);
    const s = /"sha256":\s*"([0-9a-f]{64})"/.exec(head);
    // a record cut short (an archive copied with a disk error: our own writes are atomic) is not done: its end is gone
    if (v && s) return (await endsWhole(fh)) ? { sha256: s[1], extractorVersion: JSON.parse(v[1]) as string } : null;
    const rec = JSON.parse(await readFile(path, 'utf8'));
    if (typeof rec?.extractorVersion === 'string' && typeof rec?.source?.sha256 === 'string') {
      return { sha256: rec.source.sha256, extractorVersion: rec.extractorVersion };
    }
    return null;
  } catch {
    return null;
  } finally {
    await fh.close();
  }
}

export interface FailureLine {
  path: string;
  code: string;
  message: string;
  sha256?: string | null;
  extractorVersion?: string | null;
}

export class ErrorLog {
  private map = new Map<string, FailureLine>();
  private dirty = false;
  private lastFlush = 0;
  private writing: Promise<void> = Promise.resolve();

  constructor(readonly file: string | null) {}

  static async load(file: string): Promise<ErrorLog> {
    const log = new ErrorLog(file);
    let text = '';
    try {
      text = await readFile(file, 'utf8');
    } catch {
      return log;
    }
    for (const line of text.split('\n')) {
      if (!line.trim()) continue;
      try {
        const f = JSON.parse(line) as FailureLine;
        if (typeof f.path === 'string') log.map.set(resolve(f.path), f);
      } catch {
        // a torn line cannot happen with atomic rewrites, but a hand-edited file may hold one: drop it
      }
    }
    return log;
  }

  get(path: string): FailureLine | undefined {
    return this.map.get(resolve(path));
  }

  set(f: FailureLine): void {
    this.map.set(resolve(f.path), f);
    this.dirty = true;
  }

  delete(path: string): void {
    if (this.map.delete(resolve(path))) this.dirty = true;
  }

  get size(): number {
    return this.map.size;
  }

  /** Rewrites the file when it changed; with `minIntervalMs`, at most that often (failures can be many). */
  flush(minIntervalMs = 0): Promise<void> {
    const file = this.file;
    if (!file || !this.dirty) return this.writing;
    if (minIntervalMs && performance.now() - this.lastFlush < minIntervalMs) return this.writing;
    this.dirty = false;
    this.lastFlush = performance.now();
    // sorted by path: the file does not depend on which worker finished first
    const lines = [...this.map.values()]
      .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
      .map((f) => JSON.stringify(f) + '\n')
      .join('');
    // one write at a time, so an older snapshot never lands after a newer one
    this.writing = this.writing.then(() => writeAtomic(file, lines));
    return this.writing;
  }
}
