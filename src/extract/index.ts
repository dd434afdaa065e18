// Stage 5 — extract: pattern families in order (meta first: the report kind steers finance).
import type { KDocument, Span } from '../document.js';
import { extractMeta } from './meta.js';
import { extractStaffing } from './staffing.js';
import { extractProjects } from './projects.js';
import { extractFinance } from './finance.js';
import { extractActivities } from './activities.js';
import { extractLists } from './lists.js';
import { runFamily } from './engine.js';
import { extractTables } from './tables.js';

export function extract(doc: KDocument): void {
  extractMeta(doc);
  extractStaffing(doc);
  const claimed: Span[] = [];
  extractProjects(doc, claimed);
  extractFinance(doc, claimed);
  extractActivities(doc, claimed);
  runFamily(doc, 'evaluation.yaml');
  extractLists(doc);
  for (const f of doc.facts) f.source ??= 'prose';
  extractTables(doc);
}
