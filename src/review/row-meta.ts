// A document page carries its overview row in a <meta> tag, so index.html can be built from the pages in the
// review directory (pages of documents an earlier run already did included) without keeping records in memory.
import { attr } from './escape.js';
import { asReviewRow, type ReviewRow } from './figures.js';

const NAME = 'kepu-review-row';

export function rowMeta(row: ReviewRow): string {
  return `<meta name="${NAME}" content="${attr(JSON.stringify(row))}">\n`;
}

/** The row embedded in a page's head; null when the page has none (not ours, or damaged). */
export function rowFromPage(head: string): ReviewRow | null {
  const m = head.match(/<meta name="kepu-review-row" content="([^"]*)">/);
  if (!m) return null;
  try {
    return asReviewRow(JSON.parse(m[1].replace(/&#(\d+);/g, (_, n) => String.fromCharCode(Number(n)))));
  } catch {
    return null;
  }
}
