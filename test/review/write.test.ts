import { afterEach, describe, expect, it, vi } from 'vitest';
import { mkdtemp, readFile, readdir, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeReview, writeReviewIndex, writeSingleReview } from '../../src/review/write.js';
import { seed000, synthetic } from './fixtures.js';

const dirs: string[] = [];
async function tmp(): Promise<string> {
  const d = await mkdtemp(join(tmpdir(), 'kepu-review-'));
  dirs.push(d);
  return d;
}
afterEach(async () => {
  vi.restoreAllMocks();
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

const s0 = seed000();
const res = { path: 'corpus/seed000.txt', record: s0.record, text: s0.text };

describe('review writers', () => {
  it('single file: writes the page where --html points', async () => {
    const d = await tmp();
    expect(await writeSingleReview(res, { html: join(d, 'out.html') })).toBe(true);
    const page = await readFile(join(d, 'out.html'), 'utf8');
    expect(page).toContain('<div id="text" class="text">');
    expect(page).not.toContain('← 总览');
  });

  it('single file: a directory (existing, or ending in /) gets <name>.html', async () => {
    const d = await tmp();
    expect(await writeSingleReview(res, { html: d })).toBe(true);
    expect(await writeSingleReview(res, { html: join(d, 'new') + '/' })).toBe(true);
    expect(await readdir(d)).toEqual(expect.arrayContaining(['seed000.html', 'new']));
    expect(await readdir(join(d, 'new'))).toEqual(['seed000.html']);
  });

  it('batch: one page per document and an index linking them, failures listed', async () => {
    const d = await tmp();
    const syn = synthetic();
    const second = { path: 'x/synthetic.txt', name: 'synthetic-x', record: JSON.stringify(syn.record), text: syn.text };
    expect(await writeReview(res, { html: d })).toBe(true);
    expect(await writeReview(second, { html: d })).toBe(true);
    await writeFile(join(d, 'notes.html'), '<p>not a review page</p>');
    const ok = await writeReviewIndex({ failures: [{ path: 'x/bad.pdf', code: 'no_text', message: 'no text layer' }] }, { html: d });
    expect(ok).toBe(true);
    expect((await readdir(d)).sort()).toEqual(['index.html', 'notes.html', 'seed000.html', 'synthetic-x.html']);
    const index = await readFile(join(d, 'index.html'), 'utf8');
    expect(index).toContain('href="seed000.html"');
    expect(index).toContain('href="synthetic-x.html"');
    expect(index).not.toContain('notes.html');
    expect(index).toContain('bad.pdf');
    expect(index.match(/<tbody>([\s\S]*?)<\/tbody>/)![1].match(/<tr>/g)).toHaveLength(2);
    expect(await readFile(join(d, 'seed000.html'), 'utf8')).toContain('href="index.html"');
  });

  it('a document that failed this run is listed as a failure, not with its old page', async () => {
    const d = await tmp();
    await writeReview(res, { html: d });
    await writeReviewIndex({ failures: [{ path: 'corpus/seed000.txt', code: 'timeout', message: 'gave up' }] }, { html: d });
    const index = await readFile(join(d, 'index.html'), 'utf8');
    expect(index).not.toContain('href="seed000.html"');
    expect(index).toContain('<code>timeout</code>');
  });

  it('an index for a directory that does not exist yet lists only the failures', async () => {
    const d = join(await tmp(), 'fresh');
    expect(await writeReviewIndex({ failures: [{ path: 'a.pdf', code: 'no_text', message: 'x' }] }, { html: d })).toBe(true);
    expect(await readFile(join(d, 'index.html'), 'utf8')).toContain('a.pdf');
  });

  it('does nothing without --html', async () => {
    expect(await writeReview(res, {})).toBe(true);
    expect(await writeSingleReview(res, {})).toBe(true);
    expect(await writeReviewIndex({ failures: [] }, {})).toBe(true);
  });

  it('a target that cannot be written gives one stderr line naming it, not a crash', async () => {
    const d = await tmp();
    await writeFile(join(d, 'file'), 'x');
    await mkdir(join(d, 'dir'));
    const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    expect(await writeReview(res, { html: join(d, 'file') })).toBe(false);
    expect(await writeSingleReview(res, { html: join(d, 'file', 'x.html') })).toBe(false);
    const lines = err.mock.calls.map((c) => String(c[0]));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/seed000\.html: cannot write review page: .+\n$/);
  });
});
