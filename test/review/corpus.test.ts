// The real corpus through the real extractor: every page shows the text exactly and every evidence span on it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, BrowserContext } from 'playwright-core';
import type { KepuRecord } from '../../src/schema/record.js';
import { renderDocumentPage } from '../../src/review/document-page.js';
import { writeReview, writeReviewIndex } from '../../src/review/write.js';
import { HAS_CHROMIUM, NO_CHROMIUM_REASON, expectSpansMatch, launch, spansInBrowser } from './browser.js';
import { ROOT } from './fixtures.js';
import { readHighlight, textContainer } from './html.js';

type Pipeline = typeof import('../../src/pipeline.js');
let pipeline: Pipeline | null = null;
let notReady = '';
try {
  pipeline = await import('../../src/pipeline.js');
} catch (e) {
  notReady = `skipped: the extractor cannot be loaded yet (${(e as Error).message.split('\n')[0]})`;
}

interface Doc {
  file: string;
  record: KepuRecord;
  text: string;
  pages: { num: number; start: number; end: number }[] | null;
}

const CORPUS = join(ROOT, 'corpus');
const docs: Doc[] = [];
const failures: { path: string; code: string; message: string }[] = [];

async function extractCorpus(): Promise<void> {
  if (docs.length || failures.length) return;
  const files = (await readdir(CORPUS)).filter((f) => !f.endsWith('.md')).sort();
  for (const f of files) {
    const path = join(CORPUS, f);
    try {
      const { record, doc } = await pipeline!.extractFile(path, { ocr: false });
      docs.push({ file: path, record, text: doc.text, pages: doc.pages });
    } catch (e) {
      failures.push({ path, code: (e as { code?: string }).code ?? 'internal', message: (e as Error).message });
    }
  }
}

describe.skipIf(!pipeline)(`review pages of the real corpus${pipeline ? '' : ` (${notReady})`}`, () => {
  beforeAll(extractCorpus, 120_000);

  it('extracts most of the corpus (scanned PDFs fail without OCR)', () => {
    expect(docs.length).toBeGreaterThan(10);
  });

  it('every page shows the extracted text exactly and every evidence span at its offsets', () => {
    for (const d of docs) {
      const page = renderDocumentPage(d.record, d.text, { pages: d.pages });
      const seen = readHighlight(textContainer(page));
      expect(seen.text, d.file).toBe(d.text.replace(/\0/g, '\uFFFD'));
      const byPath = new Map([...seen.spans.values()].map((s) => [s.attrs['data-path'], s]));
      for (const [path, ev] of Object.entries(d.record.evidence)) {
        const s = byPath.get(path);
        expect(s, `${d.file} ${path}`).toBeDefined();
        expect({ start: s!.start, text: s!.text }, `${d.file} ${path}`).toEqual({ start: ev.start, text: ev.text });
      }
      expect(page, d.file).not.toContain('class="evidence-problems');
    }
  });

  describe.skipIf(!HAS_CHROMIUM)(`in headless Chromium${HAS_CHROMIUM ? '' : ` (${NO_CHROMIUM_REASON})`}`, () => {
    let browser: Browser;
    let context: BrowserContext;
    let dir: string;
    const errors: string[] = [];

    beforeAll(async () => {
      await extractCorpus();
      dir = await mkdtemp(join(tmpdir(), 'kepu-review-corpus-'));
      // names as a batch gives them: seed000-portal.html and seed000-portal.mht share a stem
      const { assignNames } = await import('../../src/batch/names.js');
      assignNames(docs.map((d) => d.file)).forEach((n, i) => names.set(docs[i].file, n));
      for (const d of docs) await writeReview({ path: d.file, name: names.get(d.file), record: d.record, text: d.text, pages: d.pages }, { html: dir });
      await writeReviewIndex({ failures }, { html: dir });
      browser = await launch();
      context = await browser.newContext({ viewport: { width: 1280, height: 720 }, reducedMotion: 'reduce' });
      await context.route(/^(?!file:)/, (route) => route.abort());
    }, 180_000);

    afterAll(async () => {
      await browser?.close();
      if (dir) await rm(dir, { recursive: true, force: true });
    });

    it('every evidence span is present in the browser and covers exactly its offsets', async () => {
      const page = await context.newPage();
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      for (const d of docs) {
        await page.goto(pathToFileURL(join(dir, (await pageName(d.file)))).href);
        expectSpansMatch(await spansInBrowser(page), d.record, d.text.replace(/\0/g, '\uFFFD'));
      }
      expect(errors).toEqual([]);
      await page.close();
    }, 120_000);

    it('clicking the field whose span is furthest down scrolls to it', async () => {
      const d = docs.find((x) => x.file.endsWith('seed002.txt')) ?? docs[0];
      const [path] = Object.entries(d.record.evidence)
        .filter(([p]) => /^\/(meta|staffing|finance|selfEvaluation|goals)\//.test(p))
        .sort((a, b) => b[1].start - a[1].start)[0];
      const page = await context.newPage();
      await page.goto(pathToFileURL(join(dir, await pageName(d.file))).href);
      const id = (await page.locator(`mark.ev[data-path="${path}"]`).first().getAttribute('id'))!;
      const inView = (markId: string) => {
        const r = document.getElementById(markId)!.getBoundingClientRect();
        return r.top >= 0 && r.bottom <= window.innerHeight;
      };
      expect(await page.evaluate(inView, id)).toBe(false);
      await page.locator(`tr.field[data-path="${path}"] a.jump`).click();
      await page.waitForFunction(inView, id, { timeout: 5000 });
      await page.close();
    });

    it('the index lists every document and every failure', async () => {
      const page = await context.newPage();
      await page.goto(pathToFileURL(join(dir, 'index.html')).href);
      expect(await page.locator('#docs tbody tr').count()).toBe(docs.length);
      expect(await page.locator('#failures li').count()).toBe(failures.length);
      expect(await page.locator('#chart-year rect.bar').count()).toBeGreaterThan(0);
      await page.close();
    });
  });
});

const names = new Map<string, string>();
const pageName = async (file: string): Promise<string> => `${names.get(file)}.html`;
