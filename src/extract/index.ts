// Stage 5 — extract: pattern families in order (meta first: the report kind steers finance).
import type { KDocument, Span } from '../document.js';
import { extractMeta } from './meta.js';
import { extractStaffing } from './staffing.js';
import { extractProjects } from './projects.js';
import { extractFinance } from './finance.js';
import { extractActivities } from './activities.js';
import { dropOverlappingParts } from './activities/overlap.js';
import { extractLists } from './lists.js';
import { runFamily } from './engine.js';
import { extractTables } from './tables.js';
import { extractProseIndicators } from './proseIndicators.js';
import { dropOthersEvaluation, type NamedSelfDef } from './namedSelfScore.js';
import { dropGradeOutsideOwnBand } from './ownBand.js';
import { readSpacedScores, type SpacedDigitsDef } from './spacedScore.js';
import { loadPatternFile } from '../patterns.js';
import { pageJoinedView } from './pageMarks.js';

export function extract(doc: KDocument): void {
  extractMeta(doc);
  // (counts and scores a page's mark split from their label or measure word read across it; finance has its own view)
  const paged = pageJoinedView(doc);
  extractStaffing(paged);
  const claimed: Span[] = [];
  // a named fund's item: its figures are not the unit's finance (its activities are still the unit's work)
  const fundItems: Span[] = [];
  extractProjects(doc, claimed, fundItems);
  claimed.push(...fundItems);
  extractFinance(doc, claimed);
  const funds = new Set(fundItems);
  extractActivities(paged, claimed.filter((c) => !funds.has(c)));
  runFamily(paged, 'evaluation.yaml');
  readSpacedScores(paged, loadPatternFile<{ spaced_digits?: SpacedDigitsDef }>('evaluation.yaml').spaced_digits);
  dropOthersEvaluation(paged, loadPatternFile<{ named_self?: NamedSelfDef }>('evaluation.yaml').named_self);
  dropGradeOutsideOwnBand(paged, loadPatternFile<{ own_band?: string }>('evaluation.yaml').own_band);
  extractLists(doc);
  for (const f of doc.facts) f.source ??= 'prose';
  extractTables(doc);
  // (a generic total of the year's events and its parts stated elsewhere, the tables' rows among them: each piece of work once)
  dropOverlappingParts(doc);
  extractProseIndicators(doc);
}
