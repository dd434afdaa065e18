// A body named as the topic of a sentence of its own stays the topic of the next one (hunta53).
import type { KDocument } from '../document.js';
import { compile } from '../patterns.js';
import { sentenceAt } from './prose.js';

/** The start of the sentence right before the one starting at `start`, on the same line, when that sentence only says what another
 *  body is and that it keeps its own books (县科技馆单独核算。全年支出85.2万元。: the museum's 85.2万元; see macros.yaml
 *  BODY_TOPIC_ALONE, OWN_BOOKS); else null. The sentence after the next is the unit's again. */
export function carriedTopicStart(doc: KDocument, start: number): number | null {
  let end = start;
  while (end > 0 && (doc.norm[end - 1] === ' ' || doc.norm[end - 1] === '\t' || doc.norm[end - 1] === '　')) end--;
  if (end < 2 || !'。！!'.includes(doc.norm[end - 1])) return null;
  const prev = sentenceAt(doc, end - 1);
  if (end - prev.start > 100) return null;
  // (its full stop read as a comma: the topic's clauses are then those of a sentence going on)
  const text = `${doc.norm.slice(prev.start, end - 1)}，`;
  if (compile('{FIG_OPEN}', '').test(text) || !compile('{OWN_BOOKS}', '').test(text)) return null;
  return compile('{BODY_TOPIC_ALONE}', '').test(text) ? prev.start : null;
}
