// The review pages in a real headless browser: spans, navigation, tooltips, injection, sorting.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { writeReview, writeReviewIndex } from '../../src/review/write.js';
import { CHROMIUM, HAS_CHROMIUM, NO_CHROMIUM_REASON, expectSpansMatch, launch, spansInBrowser } from './browser.js';
import { INJECT, sampleDocs, seed000, synthetic } from './fixtures.js';

// KEPU_REQUIRE_BROWSER=1 (e.g. in CI, which installs chromium): a missing browser is a failure, not a skip
it.runIf(process.env.KEPU_REQUIRE_BROWSER === '1')(`a headless browser is installed at ${CHROMIUM}`, () => {
  expect(HAS_CHROMIUM).toBe(true);
});

describe.skipIf(!HAS_CHROMIUM)(`review pages in headless Chromium${HAS_CHROMIUM ? '' : ` (${NO_CHROMIUM_REASON})`}`, () => {
  let browser: Browser;
  let context: BrowserContext;
  let dir: string;
  const requests: string[] = [];
  const errors: string[] = [];
  const s0 = seed000();
  const syn = synthetic();

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kepu-review-browser-'));
    await writeReview({ path: 'corpus/seed000.txt', record: s0.record, text: s0.text }, { html: dir });
    const pages = [{ num: 1, start: 0, end: 120 }, { num: 2, start: 120, end: syn.text.length }];
    await writeReview({ path: 'synthetic.txt', record: syn.record, text: syn.text, pages }, { html: dir });
    for (const d of sampleDocs().slice(2)) await writeReview({ path: d.file, record: d.record, text: '' }, { html: dir });
    await writeReviewIndex({ failures: [{ path: 'bad.pdf', code: 'no_text', message: INJECT }] }, { html: dir });
    browser = await launch();
    context = await browser.newContext({ viewport: { width: 1280, height: 720 }, reducedMotion: 'reduce' });
    context.on('request', (r) => {
      if (!r.url().startsWith('file:')) requests.push(r.url());
    });
    await context.route(/^(?!file:)/, (route) => route.abort());
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  async function open(name: string): Promise<Page> {
    const page = await context.newPage();
    page.on('console', (m) => m.type() === 'error' && errors.push(`${name}: ${m.text()}`));
    page.on('pageerror', (e) => errors.push(`${name}: ${e.message}`));
    await page.goto(pathToFileURL(join(dir, name)).href);
    return page;
  }

  it('every evidence span is present and covers exactly the record’s offsets (hand-made records)', async () => {
    const a = await open('seed000.html');
    expectSpansMatch(await spansInBrowser(a), s0.record, s0.text);
    const b = await open('synthetic.html');
    expectSpansMatch(await spansInBrowser(b), syn.record, syn.text);
    // the project span contains its budget span as a real DOM ancestor
    const nested = await b.evaluate(() => {
      const budget = document.querySelector('mark.ev[data-path="/projects/0/budget"]')!;
      return budget.parentElement!.closest('mark.ev')?.getAttribute('data-path');
    });
    expect(nested).toBe('/projects/0');
    await a.close();
    await b.close();
  });

  it('clicking a field in the form scrolls to its span and selects it', async () => {
    const page = await open('seed000.html');
    const path = '/activities/7';
    const id = await page.locator(`mark.ev[data-path="${path}"]`).first().getAttribute('id');
    const inView = (markId: string) => {
      const r = document.getElementById(markId)!.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= window.innerHeight;
    };
    expect(await page.evaluate(inView, id!)).toBe(false);
    await page.locator(`tr.field[data-path="${path}"] a.jump`).click();
    await page.waitForFunction(inView, id!, { timeout: 5000 });
    expect(await page.locator(`#${id}`).getAttribute('class')).toContain('sel');
    expect(await page.locator('#selected').isVisible()).toBe(true);
    expect(await page.locator('#selected').textContent()).toContain(path);
    // the outline is a table of contents: a heading link scrolls to the heading
    await page.evaluate(() => window.scrollTo(0, 0));
    const toc = page.locator('nav.toc a.jump', { hasText: '存在的问题' });
    const hd = (await toc.getAttribute('href'))!.slice(1);
    expect(await page.evaluate(inView, hd)).toBe(false);
    await toc.click();
    await page.waitForFunction(inView, hd, { timeout: 5000 });
    expect(await page.locator(`#${hd}`).textContent()).toContain('存在的问题');
    await page.close();
  });

  it('hovering a span shows field path, normalised value, rule and page', async () => {
    const page = await open('seed000.html');
    const m = page.locator('mark.ev[data-path="/finance/basic/personnel"]').first();
    await m.scrollIntoViewIfNeeded();
    await m.hover();
    const tip = page.locator('#tip');
    await expect.poll(() => tip.isVisible()).toBe(true);
    const t = (await tip.textContent())!;
    expect(t).toContain('人员经费');
    expect(t).toContain('/finance/basic/personnel');
    expect(t).toContain('928,700 元（92.87 万元）');
    expect(t).toContain('finance.basic.personnel');
    // clicking the span selects the matching row in the form
    await m.click();
    expect(await page.locator('tr.field[data-path="/finance/basic/personnel"]').getAttribute('class')).toContain('sel');
    await page.close();
  });

  it('shows the page number and warnings of a span', async () => {
    const page = await open('synthetic.html');
    const m = page.locator('mark.ev[data-path="/finance/basic/actual"]').first();
    await m.hover();
    const t = (await page.locator('#tip').textContent())!;
    expect(t).toContain('人员经费 + 公用经费 ≠ 基本支出');
    expect(await page.locator('.pg[data-page="2"]').count()).toBe(1);
    await page.close();
  });

  it('an injected <script> or <img onerror> in a report does not run', async () => {
    const page = await open('synthetic.html');
    await page.waitForTimeout(200);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.evaluate(() => document.scripts.length)).toBe(1);
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.locator('#text').textContent()).toContain(INJECT);
    expect(await page.locator('tr.field[data-path="/meta/unitName"] td').textContent()).toContain(INJECT);
    const index = await open('index.html');
    expect(await index.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await index.locator('#failures').textContent()).toContain(INJECT);
    await page.close();
    await index.close();
  });

  it('the legend hides a group’s highlights', async () => {
    const page = await open('seed000.html');
    const bg = () => page.locator('mark.ev.g-finance').first().evaluate((e) => getComputedStyle(e).backgroundColor);
    expect(await bg()).not.toBe('rgba(0, 0, 0, 0)');
    await page.locator('input[data-group="finance"]').uncheck();
    expect(await bg()).toBe('rgba(0, 0, 0, 0)');
    await page.close();
  });

  it('the index sorts by a column, draws charts and links to the pages', async () => {
    const page = await open('index.html');
    const years = () => page.locator('#docs tbody tr td:nth-child(3)').allTextContents();
    await page.locator('#docs th button', { hasText: '年度' }).click();
    expect(await years()).toEqual(['2022', '2023', '2023', '2023', '2024']);
    await page.locator('#docs th button', { hasText: '年度' }).click();
    expect(await years()).toEqual(['2024', '2023', '2023', '2023', '2022']);
    expect(await page.locator('#chart-year rect.bar').count()).toBeGreaterThanOrEqual(4);
    expect(await page.locator('#chart-unit rect.bar').count()).toBeGreaterThanOrEqual(3);
    await page.locator('#docs a', { hasText: 'seed000.txt' }).click();
    await page.waitForURL(/seed000\.html$/);
    expect(await page.locator('#text mark.ev').count()).toBeGreaterThan(20);
    await page.close();
  });

  it('made no network request and logged no errors (our own script passes the CSP)', () => {
    expect(requests).toEqual([]);
    expect(errors).toEqual([]);
  });
});
