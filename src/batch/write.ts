// Output files are written atomically: write a temp file, then rename over the target. A killed run leaves at
// most a hidden temp file (removed by the next run), never a half-written output.
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { readdir, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

let seq = 0;
const TEMP = /^\..+\.(\d+)\.\d+\.tmp$/;

export function tempPath(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${seq++}.tmp`);
}

const madeDirs = new Set<string>();

/**
 * Synchronous: a worker does one document at a time, and the main process writes only small files (errors.jsonl,
 * review pages); the calls cost a fraction of the promise API's (no file handles, no thread-pool round trips).
 */
export function writeAtomic(path: string, data: string | Uint8Array): void {
  const dir = dirname(path);
  if (!madeDirs.has(dir)) {
    mkdirSync(dir, { recursive: true });
    madeDirs.add(dir);
  }
  const tmp = tempPath(path);
  try {
    writeFileSync(tmp, data);
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}

function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes temp files left in DIR by runs that were killed (their process is gone). */
export async function removeStaleTemps(dir: string): Promise<number> {
  let n = 0;
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return 0;
  }
  for (const name of names) {
    const m = TEMP.exec(name);
    if (m && !alive(Number(m[1]))) {
      await rm(join(dir, name), { force: true });
      n++;
    }
  }
  return n;
}
