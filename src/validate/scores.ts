// Self-evaluation scores out of 100 (the record's scale) that no report of the genre gives: dropped with a warning.
import type { KDocument, Span } from '../document.js';
import type { Project } from '../schema/record.js';

// A self-evaluation out of 100 scores tens (a failed one 50 or 60), never 10 or less: such a figure is a score out of 10 or 5
// (本次自评按10分制评分。…自评得分9.5分, the scale named in another sentence than the score's), or an indicator's points read as
// the whole's. Nothing is worked out (×10): the score stays empty, its grade stays.
export const SCORE_FLOOR = 10;

export function dropOffScaleScores(doc: KDocument): void {
  const warn = (place: Span, path: string, v: number) =>
    doc.messages.push({ ruleId: 'implausible_value', reason: `${path} of ${v} (${quote(doc, place)}) is no self-evaluation score out of 100 (one out of 10 or 5?): ignored`, paths: [path], place });
  const low = doc.facts.filter((f) => f.path === '/selfEvaluation/score' && typeof f.value === 'number' && f.value <= SCORE_FLOOR);
  if (low.length) {
    for (const f of low) warn(f.span, f.path, f.value as number);
    doc.facts.splice(0, doc.facts.length, ...doc.facts.filter((f) => !low.includes(f)));
  }
  (doc.items.projects ?? []).forEach((x, i) => {
    const p = x.item as Project;
    if (typeof p.score !== 'number' || p.score > SCORE_FLOOR) return;
    warn(x.fields?.score?.span ?? x.span, `/projects/${i}/score`, p.score);
    p.score = null;
    delete x.fields?.score;
  });
}

const quote = (doc: KDocument, s: Span) => doc.norm.slice(s.start, s.end).replace(/\s+/g, ' ').slice(0, 40);
