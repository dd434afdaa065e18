// A grade stated with its own band in brackets (评价等级为优秀（90分及以上）) beside a score that band excludes, in its
// sentence or the one before (自评得分85分，评价等级为优秀（90分及以上）): the pair contradicts itself, and the text does not say
// which of the two is wrong. The score is kept (the figure the self-evaluation states) and the grade dropped, with a warning
// (session 48, decided: docs/record.md selfEvaluation.grade). Bands are read generously — 80-89分 admits 89.5 — so only a score
// plainly outside drops the grade.
import type { KDocument } from '../document.js';
import { pointerPath } from '../document.js';
import { compile } from '../patterns.js';
import { toRate } from '../normalise/numbers.js';
import { sentenceAt } from './engine.js';

/** `band`: right after the grade's value (sticky), its band — groups `lo`+`hi` (a range), `lo2`+`hi2` (80≤分数<90, `lt` when strict), `from`/`from2` (N分以上 | ≥N分),
 *  `below` (N分以下), `under` (低于N分) (evaluation.yaml own_band) */

const GRADE = '/selfEvaluation/grade';
const SCORE = '/selfEvaluation/score';

export function dropGradeOutsideOwnBand(doc: KDocument, regex: string | undefined): void {
  if (!regex) return;
  const grades = doc.facts.filter((f) => pointerPath(f.path) === GRADE && f.source !== 'table');
  if (!grades.length) return;
  const scores = doc.facts.filter((f) => pointerPath(f.path) === SCORE && f.source !== 'table' && typeof f.value === 'number');
  if (!scores.length) return;
  const band = compile(regex, 'y');
  for (const g of grades) {
    band.lastIndex = g.span.end;
    const m = band.exec(doc.norm.slice(0, g.span.end + 40));
    if (!m?.groups) continue;
    const n = (k: string) => (m.groups![k] === undefined ? null : toRate(m.groups![k]));
    const lo = n('lo') ?? n('lo2') ?? n('from') ?? n('from2') ?? -Infinity;
    // (below a bound: 低于60分, 80≤分数<90)
    const under = n('under') ?? (m.groups.lt !== undefined ? n('hi2') : null);
    const top = n('hi') ?? n('hi2') ?? n('below') ?? Infinity;
    // (an integer's top of a range, 80-89分, runs to the next integer: 89.5 is 良好 all the same)
    const above = (v: number) => (m.groups!.hi !== undefined && Number.isInteger(top) ? v >= top + 1 : v > top);
    // (the scores stated before the grade in its sentence, or, none there, in the sentence before)
    const here = sentenceAt(doc, g.span.start);
    let near = scores.filter((s) => s.span.start >= here.start && s.span.end <= g.span.start);
    if (!near.length && here.start > 0) {
      const prev = sentenceAt(doc, here.start - 1);
      near = scores.filter((s) => s.span.start >= prev.start && s.span.end <= here.start);
    }
    const outside = near.filter((s) => (s.value as number) < lo || above(s.value as number) || (under !== null && (s.value as number) >= under));
    if (!outside.length) continue;
    doc.facts.splice(doc.facts.indexOf(g), 1);
    doc.messages.push({
      ruleId: 'grade_outside_own_band',
      reason: `/selfEvaluation/grade: "${g.value}" is stated with the band "${m[0].trim()}", which excludes the score ${outside[0].value} stated before it; not read`,
      place: g.span,
      paths: [GRADE],
    });
  }
}
