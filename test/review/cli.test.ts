// The --html flag through the real command line code (in-process; batches run without worker threads here).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mkdtemp, readFile, readdir, rm, unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './fixtures.js';

let main: ((argv: string[]) => Promise<number>) | null = null;
let notReady = '';
try {
  ({ main } = await import('../../src/cli.js'));
} catch (e) {
  notReady = `skipped: the CLI cannot be loaded yet (${(e as Error).message.split('\n')[0]})`;
}

const dirs: string[] = [];
async function tmp(): Promise<string> {
  const d = await mkdtemp(join(tmpdir(), 'kepu-review-cli-'));
  dirs.push(d);
  return d;
}
afterEach(async () => {
  vi.restoreAllMocks();
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

const seed = (n: string) => join(ROOT, 'corpus', n);

describe.skipIf(!main)(`kepu-extract --html${main ? '' : ` (${notReady})`}`, () => {
  it('FILE --html OUT.html prints the record and writes its page', async () => {
    const d = await tmp();
    const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const code = await main!([seed('seed000.txt'), '--html', join(d, 'OUT.html')]);
    expect(code).toBe(0);
    const record = JSON.parse(out.mock.calls.map((c) => String(c[0])).join(''));
    const page = await readFile(join(d, 'OUT.html'), 'utf8');
    expect(page.match(/<mark id="ev-\d+"/g)).toHaveLength(Object.keys(record.evidence).length);
  });

  it('several inputs with --html DIR write one page each and index.html', async () => {
    const d = await tmp();
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const code = await main!([seed('seed000.txt'), seed('seed003.txt'), '--html', d, '--quiet']);
    expect(code).toBe(0);
    expect((await readdir(d)).sort()).toEqual(['index.html', 'seed000.html', 'seed003.html']);
    const index = await readFile(join(d, 'index.html'), 'utf8');
    expect(index).toContain('href="seed000.html"');
    expect(index).toContain('href="seed003.html"');
  });

  it('with --out, a rerun skips done documents but rewrites a missing page, and the index keeps all', async () => {
    const d = await tmp();
    const html = join(d, 'html');
    const args = [seed('seed000.txt'), seed('seed003.txt'), '--out', join(d, 'out'), '--html', html, '--quiet'];
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    expect(await main!(args)).toBe(0);
    await unlink(join(html, 'seed003.html'));
    expect(await main!(args)).toBe(0);
    expect((await readdir(html)).sort()).toEqual(['index.html', 'seed000.html', 'seed003.html']);
    const index = await readFile(join(html, 'index.html'), 'utf8');
    expect(index.match(/<tbody>([\s\S]*?)<\/tbody>/)![1].match(/<tr>/g)).toHaveLength(2);
  });
});
