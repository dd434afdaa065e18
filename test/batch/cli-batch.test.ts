// Batch runs through the built CLI (node dist/bin.js): worker processes run compiled JS, so this file builds the
// project once (tsc → dist/) and runs the real command line, as a user would.
import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { tempDirs } from '../helpers/tmp.js';

const ROOT = join(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'dist', 'bin.js');
const CORPUS = join(ROOT, 'corpus');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function cli(args: string[], cwd: string): Promise<Run> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [BIN, ...args], { cwd });
    let stdout = '';
    let stderr = '';
    p.stdout.on('data', (d) => (stdout += d));
    p.stderr.on('data', (d) => (stderr += d));
    p.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const BAD = {
  'empty.txt': '',
  'garbage.bin': Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)),
  'broken.pdf': '%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage without xref\n',
  'notword.docx': Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(200, 1)]),
};

/** A folder of inputs: the corpus' text reports (+ one of each other format), a same-named file in a sub
 * folder, and files that cannot be read. */
async function makeInputs(dir: string, opts: { copies?: number; formats?: boolean } = {}): Promise<{ good: number; bad: number }> {
  await mkdir(join(dir, 'sub'), { recursive: true });
  const txt = (await readdir(CORPUS)).filter((f) => f.endsWith('.txt')).sort();
  let good = 0;
  for (const f of txt) {
    await copyFile(join(CORPUS, f), join(dir, f));
    good++;
  }
  const seed = await readFile(join(CORPUS, 'seed000.txt'), 'utf8');
  await writeFile(join(dir, 'sub', 'seed000.txt'), seed.replace('2024', '2023'));
  good++;
  if (opts.formats) {
    for (const f of ['seed000-docx.docx', 'seed001-doc.doc', 'seed002-pdf.pdf']) {
      await copyFile(join(CORPUS, f), join(dir, f));
      good++;
    }
  }
  const seeds = txt.filter((f) => /^seed\d+\.txt$/.test(f));
  for (let i = 0; i < (opts.copies ?? 0); i++) {
    // unique content per copy, so every copy is its own document (own sha256)
    const text = await readFile(join(CORPUS, seeds[i % seeds.length]), 'utf8');
    await writeFile(join(dir, 'copies', `r${String(i).padStart(5, '0')}.txt`), `${text}\n归档编号：${i}\n`).catch(async () => {
      await mkdir(join(dir, 'copies'), { recursive: true });
      await writeFile(join(dir, 'copies', `r${String(i).padStart(5, '0')}.txt`), `${text}\n归档编号：${i}\n`);
    });
    good++;
  }
  for (const [name, data] of Object.entries(BAD)) await writeFile(join(dir, name), data);
  return { good, bad: Object.keys(BAD).length };
}

async function outputs(dir: string) {
  const names = (await readdir(dir)).sort();
  return {
    records: names.filter((n) => n.endsWith('.json')),
    temps: names.filter((n) => n.endsWith('.tmp')),
    errors: existsSync(join(dir, 'errors.jsonl'))
      ? (await readFile(join(dir, 'errors.jsonl'), 'utf8')).trim().split('\n').filter(Boolean).map((l) => JSON.parse(l))
      : [],
  };
}

async function readAll(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const n of (await readdir(dir)).sort()) out[n] = await readFile(join(dir, n), 'utf8');
  return out;
}

const tmp = tempDirs('kepu-cli-batch-');

beforeAll(() => {
  // emit even if another area has a type error in progress: these tests exercise the batch, not the types
  try {
    execFileSync('npx', ['tsc', '-p', '.'], { cwd: ROOT, stdio: 'pipe' });
  } catch {
    /* type errors elsewhere still emit JS */
  }
  if (!existsSync(join(ROOT, 'dist', 'batch', 'worker.js'))) throw new Error('build failed: dist/batch/worker.js missing');
}, 300_000); // (tsc over the whole project: minutes on a loaded machine)

describe('batch over a folder', () => {
  it('writes the same outputs with one worker and with two', async () => {
    const work = await tmp();
    const { good, bad } = await makeInputs(join(work, 'in'), { formats: true });
    const one = await cli(['in', '--out', 'o1', '--jobs', '1', '--jsonl', 'o1.jsonl', '--text', 't1'], work);
    const two = await cli(['in', '--out', 'o2', '--jobs', '2', '--jsonl', 'o2.jsonl', '--text', 't2'], work);
    expect(one.code).toBe(1);
    expect(two.code).toBe(1);
    const o1 = await readAll(join(work, 'o1'));
    expect(Object.keys(o1).length).toBe(good + 1); // + errors.jsonl
    expect(await readAll(join(work, 'o2'))).toEqual(o1);
    expect(await readAll(join(work, 't2'))).toEqual(await readAll(join(work, 't1')));
    const jsonl = await readFile(join(work, 'o1.jsonl'), 'utf8');
    expect(await readFile(join(work, 'o2.jsonl'), 'utf8')).toBe(jsonl);
    expect(jsonl.trim().split('\n')).toHaveLength(good);
    // the summary table is in input order: identical apart from the timing line
    const table = (s: string) => s.split('\n').filter((l) => !/files\/s|peak RSS/.test(l));
    expect(table(two.stdout)).toEqual(table(one.stdout));
    expect(one.stdout).toContain(`${good + bad} inputs: ${good} records (${good} new, 0 already done), ${bad} failures`);
  }, 180_000); // two batch runs over every format: minutes on a loaded machine

  it('accounts for every input: records + errors.jsonl lines = inputs', async () => {
    const work = await tmp();
    const { good, bad } = await makeInputs(join(work, 'in'));
    const run = await cli(['in', '--out', 'out'], work);
    expect(run.code).toBe(1);
    const o = await outputs(join(work, 'out'));
    expect(o.records.length).toBe(good);
    expect(o.errors.length).toBe(bad);
    expect(o.records.length + o.errors.length).toBe(good + bad);
    expect(o.records.filter((n) => n.startsWith('seed000.txt-'))).toHaveLength(2); // in/seed000.txt and in/sub/seed000.txt
    const byPath = Object.fromEntries(o.errors.map((e) => [e.path, e]));
    expect(Object.keys(byPath).sort()).toEqual(Object.keys(BAD).map((n) => join('in', n)).sort());
    expect(byPath['in/empty.txt'].code).toBe('empty');
    expect(byPath['in/garbage.bin'].code).toBe('binary');
    for (const e of o.errors) {
      expect(e.message).toBeTruthy();
      expect(e.sha256).toMatch(/^[0-9a-f]{64}$/);
      // one line per failure on stderr, naming the file
      expect(run.stderr.split('\n').filter((l) => l.startsWith(`${e.path}: `))).toHaveLength(1);
    }
    expect(run.stdout).toMatch(/failures by reason: .*empty 1/);
  });

  it('names a pipe and a broken link among the failures instead of hanging on the pipe or dropping the link; writes a long name', async () => {
    const work = await tmp();
    await mkdir(join(work, 'in'));
    await copyFile(join(CORPUS, 'seed000.txt'), join(work, 'in', 'seed000.txt'));
    const long = '某县科学技术协会二〇二三年度部门整体支出绩效自评报告'.repeat(3).slice(0, 80); // 240 bytes: its temp file's name would not fit
    await copyFile(join(CORPUS, 'seed001.txt'), join(work, 'in', `${long}.txt`));
    await symlink(join(work, 'in', 'gone.txt'), join(work, 'in', 'broken.txt'));
    execFileSync('mkfifo', [join(work, 'in', 'pipe.txt')]);
    const run = await cli(['in', '--out', 'out'], work);
    expect(run.code).toBe(1);
    const o = await outputs(join(work, 'out'));
    expect(o.records).toHaveLength(2);
    expect(o.records[0]).toBe('seed000.json');
    expect(o.records[1]).toMatch(/^某县科学技术协会.*-[0-9a-f]{8}\.json$/);
    expect(o.errors.map((e) => [e.path, e.code, e.message])).toEqual([
      ['in/broken.txt', 'not_found', 'broken symbolic link (its target does not exist)'],
      ['in/pipe.txt', 'unsupported_format', 'not a regular file'],
    ]);
  }, 60_000);

  it('keeps outputs out of the inputs when --out is inside the input folder', async () => {
    const work = await tmp();
    const { good, bad } = await makeInputs(join(work, 'in'));
    await cli(['in', '--out', 'in/out'], work);
    const again = await cli(['in', '--out', 'in/out'], work);
    expect(again.stdout).toContain(`${good + bad} inputs: ${good} records (0 new, ${good} already done)`);
  });
});

describe('resume', () => {
  it('after SIGKILL, a rerun does only the rest and ends with exactly one record per input', async () => {
    const work = await tmp();
    const { good, bad } = await makeInputs(join(work, 'in'), { copies: 600 });
    const out = join(work, 'out');
    const p = spawn(process.execPath, [BIN, 'in', '--out', 'out', '--jobs', '2', '--quiet'], { cwd: work, stdio: 'ignore' });
    let seen = 0;
    while (seen < 200) {
      await new Promise((r) => setTimeout(r, 20));
      seen = existsSync(out) ? (await readdir(out)).filter((n) => n.endsWith('.json')).length : 0;
      if (p.exitCode !== null) break;
    }
    p.kill('SIGKILL');
    await new Promise((r) => p.once('close', r));
    const killed = await outputs(out);
    expect(killed.records.length).toBeGreaterThanOrEqual(200);
    expect(killed.records.length).toBeLessThan(good); // it really was killed mid-run
    for (const n of killed.records) JSON.parse(await readFile(join(out, n), 'utf8')); // no half-written record

    const rerun = await cli(['in', '--out', 'out', '--jobs', '2'], work);
    expect(rerun.code).toBe(1);
    const m = /(\d+) inputs: (\d+) records \((\d+) new, (\d+) already done\), (\d+) failures/.exec(rerun.stdout)!;
    expect(m).not.toBeNull();
    expect(Number(m[1])).toBe(good + bad);
    expect(Number(m[2])).toBe(good);
    expect(Number(m[4])).toBeGreaterThanOrEqual(killed.records.length - 2); // at most the files being renamed at the kill
    expect(Number(m[3]) + Number(m[4])).toBe(good);
    const after = await outputs(out);
    expect(after.temps).toEqual([]);
    expect(after.records.length).toBe(good);
    expect(after.errors.length).toBe(bad);
    const paths = new Set<string>();
    for (const n of after.records) paths.add(JSON.parse(await readFile(join(out, n), 'utf8')).source.path);
    expect(paths.size).toBe(good);

    const third = await cli(['in', '--out', 'out', '--quiet'], work);
    expect(third.code).toBe(1);
    expect((await outputs(out)).errors.length).toBe(bad); // failures retried, still one line each
  }, 600_000); // (three batch runs over 600 copies: minutes on a loaded machine)

  it('redoes changed inputs, records of another extractor version, and everything with --force', async () => {
    const work = await tmp();
    const { good } = await makeInputs(join(work, 'in'));
    await cli(['in', '--out', 'out', '--quiet'], work);
    await writeFile(join(work, 'in', 'seed001.txt'), (await readFile(join(work, 'in', 'seed001.txt'), 'utf8')) + '\n附件\n');
    const rec = JSON.parse(await readFile(join(work, 'out', 'seed002.json'), 'utf8'));
    rec.extractorVersion = '0.0.0+old';
    await writeFile(join(work, 'out', 'seed002.json'), JSON.stringify(rec, null, 2));
    const again = await cli(['in', '--out', 'out'], work);
    expect(again.stdout).toContain(`${good} records (2 new, ${good - 2} already done)`);
    expect(JSON.parse(await readFile(join(work, 'out', 'seed002.json'), 'utf8')).extractorVersion).not.toBe('0.0.0+old');
    const forced = await cli(['in', '--out', 'out', '--force'], work);
    expect(forced.stdout).toContain(`${good} records (${good} new, 0 already done)`);
  });
});

describe('timeouts', () => {
  it('terminates a worker stuck on one document and goes on with the rest', async () => {
    const work = await tmp();
    await mkdir(join(work, 'in'));
    const seed = await readFile(join(CORPUS, 'seed002.txt'), 'utf8');
    await writeFile(join(work, 'in', 'huge.txt'), seed.repeat(Math.ceil(30_000_000 / Buffer.byteLength(seed))));
    // first in order, so the worker has warmed up (dictionary loaded) before the clock matters
    await copyFile(join(CORPUS, 'seed000.txt'), join(work, 'in', 'a-ok.txt'));
    await copyFile(join(CORPUS, 'seed001.txt'), join(work, 'in', 'z-ok.txt'));
    const t0 = Date.now();
    // the huge file needs several seconds of CPU (≈ 1,900 reports in one text); its synchronous stages block the
    // worker, so only termination stops it. The small ones take well under a second each.
    // (3 s, not 1: a machine loaded by other test files stretches even a small report)
    const run = await cli(['in', '--out', 'out', '--timeout', '3', '--jobs', '1'], work);
    expect(Date.now() - t0).toBeLessThan(40_000);
    const o = await outputs(join(work, 'out'));
    expect(o.records).toEqual(['a-ok.json', 'z-ok.json']);
    expect(o.errors).toMatchObject([{ path: 'in/huge.txt', code: 'timeout' }]);
    expect(run.code).toBe(1);
  }, 60_000);

  it("does not count a worker's warm-up against its first document's limit", async () => {
    const work = await tmp();
    await mkdir(join(work, 'in'));
    await copyFile(join(CORPUS, 'seed000.txt'), join(work, 'in', 'a.txt'));
    // loading the patterns and the dictionary takes 1–2 s; the report itself well under 1 s
    const run = await cli(['in', '--out', 'out', '--timeout', '1', '--jobs', '1'], work);
    const o = await outputs(join(work, 'out'));
    expect(o.errors).toEqual([]);
    expect(o.records).toEqual(['a.json']);
    expect(run.code).toBe(0);
  }, 60_000);
});

describe('a worker process dying', () => {
  it('fails only the document it was working on; the batch goes on and accounts for every input', async () => {
    const work = await tmp();
    const { good, bad } = await makeInputs(join(work, 'in'), { copies: 600 });
    const p = spawn(process.execPath, [BIN, 'in', '--out', 'out', '--jobs', '2'], { cwd: work, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    p.stdout.on('data', (d) => (stdout += d));
    const closed = new Promise((r) => p.once('close', r));
    // wait for work to be under way, then kill one worker process (found as a child of the CLI)
    let victim = 0;
    while (!victim && p.exitCode === null) {
      await new Promise((r) => setTimeout(r, 50));
      const done = existsSync(join(work, 'out')) ? (await readdir(join(work, 'out'))).length : 0;
      if (done < 50) continue;
      const kids = await readFile(`/proc/${p.pid}/task/${p.pid}/children`, 'utf8').catch(() => '');
      victim = Number(kids.trim().split(/\s+/)[0]) || 0;
    }
    expect(victim).toBeGreaterThan(0);
    process.kill(victim, 'SIGKILL');
    await closed;
    const o = await outputs(join(work, 'out'));
    expect(o.records.length + o.errors.length).toBe(good + bad);
    const died = o.errors.filter((e) => e.code === 'internal');
    expect(died.length).toBeLessThanOrEqual(1); // the kill may land between two documents
    if (died.length) expect(died[0].message).toMatch(/worker process died \(SIGKILL\)/);
    // the worker may have been on one of the bad inputs, which fails anyway (then as internal, not its own reason)
    const diedGood = died.filter((e) => !Object.keys(BAD).some((name) => e.path.endsWith(name))).length;
    expect(o.errors.length).toBe(bad + diedGood);
    expect(stdout).toMatch(new RegExp(`${good + bad} inputs: ${good - diedGood} records`));
  }, 120_000);
});

describe('warehouse from the command line', () => {
  it('loads --db idempotently and writes --csv and --parquet', async () => {
    const work = await tmp();
    const { good } = await makeInputs(join(work, 'in'));
    const args = ['in', '--out', 'out', '--db', 'w.duckdb', '--csv', 'csv', '--parquet', 'pq', '--quiet'];
    await cli(args, work);
    const count = async () => {
      const db = await DuckDBInstance.create(join(work, 'w.duckdb'));
      const con = await db.connect();
      const r = (await con.runAndReadAll(`SELECT (SELECT count(*) FROM reports)::INTEGER AS r, (SELECT count(*) FROM evidence)::INTEGER AS e`)).getRowObjectsJson()[0];
      con.closeSync();
      db.closeSync();
      return r;
    };
    const first = await count();
    expect(first.r).toBe(good);
    await cli(args, work); // all skipped, all reloaded
    await cli([...args, '--force'], work);
    expect(await count()).toEqual(first);
    expect((await readdir(join(work, 'csv'))).length).toBe(10);
    expect((await readdir(join(work, 'pq'))).length).toBe(10);
    await rm(join(work, 'out'), { recursive: true });
    // without --out the records go through a temporary folder
    const noOut = await cli(['in', '--db', 'w2.duckdb', '--quiet'], work);
    expect(noOut.code).toBe(1);
    expect(existsSync(join(work, 'w2.duckdb'))).toBe(true);
  }, 120_000);
});
