// Makes docs/review-screenshot.png and docs/review-index-screenshot.png from the real corpus.
// Run on purpose only: REVIEW_SCREENSHOT=1 npx vitest run test/review/screenshot.test.ts
import { describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { HAS_CHROMIUM, launch } from './browser.js';
import { ROOT } from './fixtures.js';
import { writeReview, writeReviewIndex } from '../../src/review/write.js';

const WANTED = process.env.REVIEW_SCREENSHOT === '1';

describe.skipIf(!WANTED || !HAS_CHROMIUM)('review screenshots (set REVIEW_SCREENSHOT=1; needs /usr/bin/chromium)', () => {
  it('takes them', async () => {
    const { extractFile } = await import('../../src/pipeline.js');
    const dir = await mkdtemp(join(tmpdir(), 'kepu-review-shot-'));
    const names = ['seed000.txt', 'seed001.txt', 'seed002.txt', 'seed003.txt', 'seed004.txt', 'synth-final-accounts.txt'];
    for (const n of names) {
      const path = join(ROOT, 'corpus', n);
      const { record, doc } = await extractFile(path, { ocr: false });
      await writeReview({ path: `corpus/${n}`, record: { ...record, source: { ...record.source, path: `corpus/${n}` } }, text: doc.text }, { html: dir });
    }
    await writeReviewIndex({ failures: [] }, { html: dir });
    const browser = await launch();
    try {
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, reducedMotion: 'reduce' });
      await page.goto(pathToFileURL(join(dir, 'seed002.html')).href);
      await page.locator('tr.field[data-path="/finance/basic/actual"] a.jump').click();
      const m = page.locator('mark.ev[data-path="/finance/basic/personnel"]').first();
      await m.hover();
      await expect.poll(() => page.locator('#tip').isVisible()).toBe(true);
      await page.screenshot({ path: join(ROOT, 'docs', 'review-screenshot.png') });
      await page.goto(pathToFileURL(join(dir, 'index.html')).href);
      await page.screenshot({ path: join(ROOT, 'docs', 'review-index-screenshot.png'), fullPage: true });
    } finally {
      await browser.close();
      await rm(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
