// The CLI contract (other tools depend on it): JSON on stdout, --out DIR, --jsonl, exit codes 0/1/2, --help.
// Runs the built CLI (npm test builds first).
import { describe, expect, it, beforeAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync, openSync, ftruncateSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'dist', 'bin.js');
const run = (args: string[], timeout = 120_000) => spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', timeout });

beforeAll(() => {
  if (!existsSync(BIN)) spawnSync('npx', ['tsc', '-p', '.'], { cwd: ROOT, stdio: 'inherit' });
});

describe('kepu-extract CLI', () => {
  it('FILE prints the record as JSON on stdout and exits 0', () => {
    const r = run(['corpus/seed003.txt']);
    expect(r.status).toBe(0);
    const rec = JSON.parse(r.stdout);
    expect(rec.meta.unitName).toBe('南雄市科学技术协会');
    expect(rec.source.path).toBe('corpus/seed003.txt');
    expect(rec.source.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('--help documents the options and exits 0', () => {
    const r = run(['--help']);
    expect(r.status).toBe(0);
    for (const flag of ['--out', '--jsonl', '--no-ocr', '--jobs', '--db', '--html']) expect(r.stdout).toContain(flag);
  });

  it('usage errors exit 2', () => {
    expect(run([]).status).toBe(2);
    expect(run(['--bogus', 'x']).status).toBe(2);
    expect(run(['corpus/seed000.txt', 'corpus/seed001.txt']).status).toBe(2);
    expect(run(['--jobs', 'zero', 'corpus', '--out', join(tmpdir(), 'kx-never')]).status).toBe(2);
  });

  it('an output of the wrong kind is a usage error before any document is read; a folder that cannot be made is said plainly', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kx-kind-'));
    const file = join(dir, 'a-file');
    writeFileSync(file, 'x');
    const out = run(['corpus/seed000.txt', 'corpus/seed001.txt', '--out', file]);
    expect([out.status, out.stderr]).toEqual([2, `kepu-extract: --out ${file}: is a file, not a folder\nTry 'kepu-extract --help'.\n`]);
    const db = run(['corpus/seed000.txt', 'corpus/seed001.txt', '--out', join(dir, 'o'), '--db', dir]);
    expect([db.status, db.stderr.split('\n')[0]]).toEqual([2, `kepu-extract: --db ${dir}: is a folder, not a file`]);
    expect(existsSync(join(dir, 'o'))).toBe(false);
    const under = run(['corpus/seed000.txt', 'corpus/seed001.txt', '--out', join(file, 'o')]); // ENOTDIR: not ours
    expect(under.status).toBe(1);
    expect(under.stderr).toMatch(/^kepu-extract: ENOTDIR: not a directory, \w+ '.*a-file\/o'\n$/); // one line, no stack
  });

  it('PATH... --out DIR writes DIR/<name>.json per input and --jsonl appends one line each', () => {
    const out = mkdtempSync(join(tmpdir(), 'kx-out-'));
    const jsonl = join(out, 'all.jsonl');
    const r = run(['corpus/seed000.txt', 'corpus/seed004.txt', '--out', out, '--jsonl', jsonl, '--quiet']);
    expect(r.status).toBe(0);
    expect(readdirSync(out).filter((f) => f.endsWith('.json')).sort()).toEqual(['seed000.json', 'seed004.json']);
    const lines = readFileSync(jsonl, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(JSON.parse(lines[1]).meta.fiscalYear).toBe(2024);
  });

  it('a failed input gives one stderr line (path and reason) and exit 1; the batch goes on', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kx-bad-'));
    writeFileSync(join(dir, 'a-empty.txt'), '');
    writeFileSync(join(dir, 'b-garbage.bin'), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)));
    writeFileSync(join(dir, 'c-good.txt'), readFileSync(join(ROOT, 'corpus', 'seed004.txt')));
    const out = join(dir, 'out');
    const r = run([dir, '--out', out, '--quiet']);
    expect(r.status).toBe(1);
    const errLines = r.stderr.trim().split('\n').filter((l) => l.includes(dir));
    expect(errLines.some((l) => l.includes('a-empty.txt') && /empty/.test(l))).toBe(true);
    expect(errLines.some((l) => l.includes('b-garbage.bin') && /binary|not a/.test(l))).toBe(true);
    expect(existsSync(join(out, 'c-good.json'))).toBe(true);
    expect(existsSync(join(out, 'a-empty.json'))).toBe(false);
  });

  it('a missing file is a failure, not a crash', () => {
    const r = run(['corpus/does-not-exist.txt']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('does-not-exist.txt');
  });
});

describe('bad input', () => {
  it('a 50 MB file gets a clear error quickly, and no output file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kx-big-'));
    const big = join(dir, 'huge.txt');
    const fd = openSync(big, 'w');
    ftruncateSync(fd, 50 * 1024 * 1024);
    closeSync(fd);
    const t0 = Date.now();
    const r = run([big, '--out', join(dir, 'out'), '--quiet']);
    expect(Date.now() - t0).toBeLessThan(30_000);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/huge\.txt: .*(MB|large)/);
    expect(existsSync(join(dir, 'out', 'huge.json'))).toBe(false);
  });

  it('a text that is not a report gives a record of nulls with a warning', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kx-nr-'));
    writeFileSync(join(dir, 'note.txt'), '周末去公园散步，天气很好。买了两斤苹果。\n');
    const r = run([join(dir, 'note.txt')]);
    expect(r.status).toBe(0);
    const rec = JSON.parse(r.stdout);
    expect(rec.meta.title).toBeNull();
    expect(rec.finance.basic.actual).toBeNull();
    expect(rec.warnings.map((w: { code: string }) => w.code)).toContain('not_a_report');
  });
});
