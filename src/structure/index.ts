// Stage 4 — structure: repeated copies, tables, table of contents, cells laid out one per line, then the heading
// outline.
import type { KDocument } from '../document.js';
import { excludeRepeatedCopy } from './duplicates.js';
import { excludeToc } from './toc.js';
import { buildOutline, findHeadings } from './outline.js';
import { splitInlineHeadings } from './inline.js';
import { findTables } from './tables.js';
import { excludeCellRuns } from './cells.js';
import { excludeSiteFooter } from './siteFooter.js';

export function structure(doc: KDocument): void {
  splitInlineHeadings(doc);
  excludeRepeatedCopy(doc);
  excludeSiteFooter(doc);
  findTables(doc);
  excludeToc(doc);
  excludeCellRuns(doc);
  doc.headings = findHeadings(doc);
  doc.outline = buildOutline(doc.headings);
}
