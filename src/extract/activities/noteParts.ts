// A note's part: a 注：/备注：/说明： line restating that a count given before holds a part (注：线上活动含直播讲座5场 after
// 开展线上活动10场) — the part of a count already read, no work of its own (the warehouse sums activities).
import type { KDocument } from '../../document.js';
import { compile } from '../../patterns.js';
import { sentenceAt } from '../engine.js';
import type { ActivitiesFile, Found } from './file.js';

/** The counts of `found` that a note line states as parts of a count of their measure found before the note. */
export function noteParts(doc: KDocument, f: ActivitiesFile, found: Found[]): Set<Found> {
  const out = new Set<Found>();
  if (!f.note_line || !f.note_part || !f.part_units) return out;
  const family = f.part_units;
  for (const x of found) {
    const kind = family[x.item.unit];
    if (!kind) continue;
    const lineStart = doc.norm.lastIndexOf('\n', x.labelSpan.start - 1) + 1;
    if (!compile(f.note_line, '').test(doc.norm.slice(lineStart, x.countEnd))) continue;
    // (the part's word in the count's own sentence, before the count: a note's other sentence may give a count of its own)
    const from = Math.max(lineStart, sentenceAt(doc, x.countEnd - 1).start);
    if (!compile(f.note_part, '').test(doc.norm.slice(from, x.countEnd))) continue;
    if (found.some((y) => y.countEnd <= lineStart && family[y.item.unit] === kind)) out.add(x);
  }
  return out;
}
