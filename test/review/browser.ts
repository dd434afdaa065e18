// Headless Chromium for the review tests: Debian's /usr/bin/chromium driven by playwright-core.
import { existsSync } from 'node:fs';
import { expect } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { KepuRecord } from '../../src/schema/record.js';

export const CHROMIUM = process.env.KEPU_CHROMIUM || '/usr/bin/chromium';
export const HAS_CHROMIUM = existsSync(CHROMIUM);
export const NO_CHROMIUM_REASON = `skipped: ${CHROMIUM} not found (install Debian's chromium package; CI does)`;

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-quic',
  '--no-first-run',
  '--disable-component-update',
  '--disable-sync',
];

export async function launch(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/** What the browser sees: the text container's text and, per evidence path, offset and covered text. */
export async function spansInBrowser(page: Page) {
  return page.evaluate(() => {
    const root = document.getElementById('text')!;
    const spans: Record<string, { start: number; text: string }> = {};
    root.querySelectorAll<HTMLElement>('mark.ev[id^="ev-"]').forEach((first) => {
      const range = document.createRange();
      range.setStart(root, 0);
      range.setEndBefore(first);
      const frags = root.querySelectorAll(`mark.ev[data-ev="${first.dataset.ev}"]`);
      spans[first.dataset.path!] = { start: range.toString().length, text: Array.from(frags, (f) => f.textContent).join('') };
    });
    return { text: root.textContent, spans };
  });
}

export function expectSpansMatch(seen: Awaited<ReturnType<typeof spansInBrowser>>, record: KepuRecord, text: string) {
  expect(seen.text).toBe(text);
  for (const [path, ev] of Object.entries(record.evidence)) {
    if (ev.end > text.length || ev.start > ev.end) {
      expect(seen.spans[path], path).toBeUndefined();
      continue;
    }
    expect(seen.spans[path], path).toEqual({ start: ev.start, text: text.slice(ev.start, ev.end) });
  }
}
