// Stage 6 — validate: resolve facts to values, run consistency checks, flag texts that are not reports.
import type { KDocument } from '../document.js';
import { resolveFacts } from './resolve.js';
import { runChecks } from './checks.js';
import { dropImplausibleMoney } from './plausible.js';
import { dropUnpaidParts } from './appropriationParts.js';
import { dropOffScaleScores } from './scores.js';
import { dropFundInclusiveAppropriation } from './fundInclusive.js';

export function validate(doc: KDocument): void {
  dropImplausibleMoney(doc);
  dropFundInclusiveAppropriation(doc);
  dropUnpaidParts(doc);
  dropOffScaleScores(doc);
  const { values } = resolveFacts(doc);
  doc.data.resolved = values;
  runChecks(doc, values);
  if (!doc.text.trim()) {
    doc.messages.push({ ruleId: 'empty_text', reason: 'the document has no text', paths: [] });
  } else if (!values.has('/meta/title') && doc.headings.length < 2 && values.size < 3) {
    doc.messages.push({ ruleId: 'not_a_report', reason: 'no report title, headings or figures were found: this does not look like a report of the genre', paths: [] });
  }
}
