// The batch's building blocks, in-process: output names, errors.jsonl, record stamps, atomic writes, progress.
import { describe, expect, it } from 'vitest';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { MAX_NAME_BYTES, assignNames } from '../../src/batch/names.js';
import { ErrorLog, hashFile, readStamp } from '../../src/batch/resume.js';
import { removeStaleTemps, writeAtomic } from '../../src/batch/write.js';
import { Progress, formatDuration } from '../../src/batch/progress.js';
import { ocrPagesFrom } from '../../src/batch/task.js';
import { workerFlags, workloadOf } from '../../src/batch/pool.js';
import { runBatch } from '../../src/batch/run.js';
import { tempDirs } from '../helpers/tmp.js';

const tmp = tempDirs('kepu-batch-test-');

describe('assignNames', () => {
  it('uses the stem when it is unique', () => {
    expect(assignNames(['a/r1.txt', 'a/r2.pdf'])).toEqual(['r1', 'r2']);
  });
  it('keeps the extension when two formats share a stem', () => {
    expect(assignNames(['a/seed.txt', 'a/seed.pdf', 'b/other.doc'])).toEqual(['seed.txt', 'seed.pdf', 'other']);
  });
  it('adds a path hash when the same file name sits in two directories', () => {
    const names = assignNames(['2022/report.pdf', '2023/report.pdf']);
    expect(names[0]).toMatch(/^report\.pdf-[0-9a-f]{8}$/);
    expect(names[1]).toMatch(/^report\.pdf-[0-9a-f]{8}$/);
    expect(names[0]).not.toBe(names[1]);
  });
  it('cuts a name too long for a file system (255 bytes) on a character boundary, kept apart by a hash', () => {
    const long = '某县科学技术协会二〇二三年度部门整体支出绩效自评报告'.repeat(3); // 26 × 3 characters, 234 bytes
    const names = assignNames([`a/${long}.txt`, `a/${long}附件.txt`, 'a/short.txt']);
    for (const n of names.slice(0, 2)) {
      expect(Buffer.byteLength(n)).toBeLessThanOrEqual(MAX_NAME_BYTES);
      expect(n).toMatch(/^某县科学技术协会.*-[0-9a-f]{8}$/);
      expect(n).not.toContain('\uFFFD');
    }
    expect(names[0]).not.toBe(names[1]);
    expect(names[2]).toBe('short');
    expect(assignNames([`a/${long}.txt`])).toEqual([names[0]]); // the same input, the same name on a rerun
  });
  it('treats names differing only in case as colliding', () => {
    const names = assignNames(['a/Report.txt', 'b/report.txt']);
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(2);
  });
  it('gives the same names for the same inputs (resume depends on it)', () => {
    const files = ['x/a.txt', 'y/a.txt', 'x/a.pdf', 'z/b.doc'];
    expect(assignNames(files)).toEqual(assignNames([...files]));
  });
});

describe('ErrorLog', () => {
  it('keeps one line per input, sorted by path, across reloads', async () => {
    const dir = await tmp();
    const file = join(dir, 'errors.jsonl');
    const log = await ErrorLog.load(file);
    log.set({ path: 'b.pdf', code: 'corrupt', message: 'bad' });
    log.set({ path: 'a.pdf', code: 'empty', message: 'empty file' });
    await log.flush();
    const again = await ErrorLog.load(file);
    again.set({ path: 'b.pdf', code: 'timeout', message: 'slow' });
    again.delete('a.pdf');
    again.set({ path: 'c.doc', code: 'binary', message: 'binary' });
    await again.flush();
    const lines = (await readFile(file, 'utf8')).trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.path, l.code])).toEqual([['b.pdf', 'timeout'], ['c.doc', 'binary']]);
  });
  it('ignores a damaged line instead of failing', async () => {
    const dir = await tmp();
    const file = join(dir, 'errors.jsonl');
    await writeFile(file, '{"path":"a","code":"empty","message":"m"}\n{"path":"b","co');
    const log = await ErrorLog.load(file);
    expect(log.size).toBe(1);
  });
});

describe('readStamp', () => {
  it('reads sha256 and extractorVersion from a record file', async () => {
    const dir = await tmp();
    const sha = 'a'.repeat(64);
    await writeFile(join(dir, 'r.json'), JSON.stringify({ schemaVersion: '1', extractorVersion: '0.1.0+abc', source: { path: 'x', sha256: sha } }, null, 2));
    expect(await readStamp(join(dir, 'r.json'))).toEqual({ sha256: sha, extractorVersion: '0.1.0+abc' });
  });
  it('finds the stamp beyond the first 4 KB', async () => {
    const dir = await tmp();
    const sha = 'b'.repeat(64);
    await writeFile(join(dir, 'r.json'), JSON.stringify({ padding: 'x'.repeat(10000), extractorVersion: 'v', source: { sha256: sha } }));
    expect(await readStamp(join(dir, 'r.json'))).toEqual({ sha256: sha, extractorVersion: 'v' });
  });
  it('returns null for a missing, torn or foreign file', async () => {
    const dir = await tmp();
    await writeFile(join(dir, 'torn.json'), '{"schemaVersion": "1", "extrac');
    await writeFile(join(dir, 'other.json'), '{"a": 1}');
    expect(await readStamp(join(dir, 'none.json'))).toBeNull();
    expect(await readStamp(join(dir, 'torn.json'))).toBeNull();
    expect(await readStamp(join(dir, 'other.json'))).toBeNull();
  });
  it('returns null for a record cut short after its stamp (a copy with a disk error), so a rerun redoes it', async () => {
    const dir = await tmp();
    const whole = JSON.stringify({ schemaVersion: '1', extractorVersion: 'v', source: { sha256: 'c'.repeat(64) }, meta: { title: 'x'.repeat(5000) } }, null, 2) + '\n';
    await writeFile(join(dir, 'whole.json'), whole);
    await writeFile(join(dir, 'cut.json'), whole.slice(0, 4500));
    expect(await readStamp(join(dir, 'whole.json'))).toEqual({ sha256: 'c'.repeat(64), extractorVersion: 'v' });
    expect(await readStamp(join(dir, 'cut.json'))).toBeNull();
  });
  it('hashes files as sha256 hex', async () => {
    const dir = await tmp();
    await writeFile(join(dir, 'f'), 'abc');
    expect(await hashFile(join(dir, 'f'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});

describe('atomic writes', () => {
  it('leaves no temp file and replaces the target whole', async () => {
    const dir = await tmp();
    await writeAtomic(join(dir, 'r.json'), 'one');
    await writeAtomic(join(dir, 'r.json'), 'two');
    expect(await readdir(dir)).toEqual(['r.json']);
    expect(await readFile(join(dir, 'r.json'), 'utf8')).toBe('two');
  });
  it('removes temp files of dead processes, keeps those of live ones', async () => {
    const dir = await tmp();
    await writeFile(join(dir, '.r.json.999999999.0.tmp'), 'half');
    await writeFile(join(dir, `.s.json.${process.pid}.0.tmp`), 'mine, in progress');
    expect(await removeStaleTemps(dir)).toBe(1);
    expect(await readdir(dir)).toEqual([`.s.json.${process.pid}.0.tmp`]);
  });
});

describe('progress', () => {
  const sink = () => {
    const chunks: string[] = [];
    const stream = new Writable({ write(c, _e, cb) { chunks.push(String(c)); cb(); } });
    return { stream, text: () => chunks.join('') };
  };
  it('prints plain periodic lines when not on a terminal', () => {
    let t = 0;
    const out = sink();
    const p = new Progress({ total: 4, stream: out.stream, tty: false, intervalMs: 1000, now: () => t });
    t = 500; p.tick('ok');
    t = 1500; p.tick('failed');
    t = 1600; p.tick('skipped');
    t = 2000; p.tick('ok');
    p.finish();
    const lines = out.text().trim().split('\n');
    expect(lines[0]).toBe('progress: 2/4 (50%)  1.3 files/s  ETA 2s  failures 1');
    expect(lines.at(-1)).toContain('4/4 (100%)');
    expect(out.text()).not.toContain('\r');
  });
  it('redraws one bar on a terminal and prints messages above it', () => {
    let t = 0;
    const out = sink();
    const p = new Progress({ total: 2, stream: out.stream, tty: true, now: () => t });
    t = 1000; p.tick('ok');
    p.log('x.pdf: corrupt');
    t = 2000; p.tick('ok');
    p.finish();
    expect(out.text()).toContain('\r\x1b[K[############............] 1/2 (50%)');
    expect(out.text()).toContain('x.pdf: corrupt\n');
    expect(out.text().endsWith('\r\x1b[K')).toBe(true);
  });
  it('is silent with quiet', () => {
    const out = sink();
    const p = new Progress({ total: 1, stream: out.stream, quiet: true });
    p.tick('ok');
    p.log('x');
    p.finish();
    expect(out.text()).toBe('');
  });
  it('formats durations', () => {
    expect(formatDuration(5)).toBe('5s');
    expect(formatDuration(125)).toBe('2m05s');
    expect(formatDuration(3700)).toBe('1h01m');
    expect(formatDuration(Infinity)).toBe('--');
  });
});

describe('ocrPagesFrom', () => {
  it('reads the page count out of OCR progress messages only', () => {
    expect(ocrPagesFrom('OCR: 6 pages')).toBe(6);
    expect(ocrPagesFrom('OCR 第3/12页')).toBe(12);
    expect(ocrPagesFrom('reading 6 pages')).toBeNull();
  });
});

describe('worker settings by workload', () => {
  it('a batch of mostly PDF/Word files gets the larger young generation, anything else the smaller', () => {
    expect(workloadOf(['a.pdf', 'b.DOCX', 'c.txt'])).toBe('documents');
    expect(workloadOf(['a.pdf', 'b.txt'])).toBe('text');
    expect(workloadOf(['a.txt', 'b.md', 'c'])).toBe('text');
    expect(workloadOf([])).toBe('text');
    expect(workerFlags('text')).toContain('--max-semi-space-size=8');
    expect(workerFlags('documents')).toContain('--max-semi-space-size=32');
    expect(workerFlags('text')).toContain('--heap-growing-percent=30');
    expect(workerFlags('documents').some((f) => f.startsWith('--heap-growing-percent'))).toBe(false);
    expect(workerFlags('text')).toContain('--max-optimized-bytecode-size=7000');
    expect(workerFlags('documents').some((f) => f.startsWith('--max-optimized-bytecode-size'))).toBe(false);
    expect(workerFlags('text').some((f) => f.startsWith('--max-old-space-size='))).toBe(true);
    for (const kind of ['text', 'documents'] as const) expect(workerFlags(kind)).toContain('--max-inlined-bytecode-size-cumulative=460');
  });
  it('text workers drop V8\'s helper threads only when every core has a worker; PDF/Word workers keep them', () => {
    expect(workerFlags('text', true)).toContain('--single-threaded');
    expect(workerFlags('text', false)).not.toContain('--single-threaded');
    expect(workerFlags('text')).not.toContain('--single-threaded');
    expect(workerFlags('documents', true)).not.toContain('--single-threaded');
  });
});

describe('derived outputs from an earlier run\'s records', () => {
  it('name a record file that is not JSON, instead of a bare parser message', async () => {
    const dir = await tmp();
    const input = join(dir, 'seed000.txt');
    await writeFile(input, await readFile(join(import.meta.dirname, '..', '..', 'corpus', 'seed000.txt')));
    const out = join(dir, 'out');
    const log = new Writable({ write: (_c, _e, cb) => cb() });
    expect((await runBatch([input], { out, jobs: 1, quiet: true, log })).records).toHaveLength(1);
    const rec = join(out, 'seed000.json');
    const text = await readFile(rec, 'utf8');
    await writeFile(rec, text.replace('"meta"', '@@meta"')); // damaged inside; its stamp and its end are whole
    const again = await runBatch([input], { out, jsonl: join(dir, 'all.jsonl'), jobs: 1, quiet: true, log });
    expect(again.skipped).toBe(1);
    expect(again.outputError).toMatch(/seed000\.json is not a whole record \(.*\); delete it and run again$/);
  });
});
