// A score whose digits are letter-spaced as its whole line is (自 评 得 分 ： 9 5 | 评 价 等 级 ： 优 9 5 分, a PDF text layer or OCR set
// with a space between all characters): the digits together are the score. Only on a line spaced out so (read/letterSpacing.ts
// spacedOut): elsewhere digits apart are a damaged figure (9 5分), none (evaluation.yaml spaced_digits).
import type { KDocument, Span } from '../document.js';
import { compile } from '../patterns.js';
import { toRate } from '../normalise/numbers.js';
import { spacedOut } from '../read/letterSpacing.js';
import { matches, sentenceAt } from './engine.js';
import { lineOf } from './prose.js';
import { SCORE_FLOOR } from '../validate/scores.js';

export interface SpacedDigitsDef {
  id: string;
  regex: string;
  /** in the sentence before the match: another year's, an indicator's, a survey's, another body's */
  not_before: string;
  /** in a report that is not a project's: a project's score (项 目 自 评 得 分) */
  not_before_project: string;
  /** right after the match: the next grade of a list of bands (优 9 0 分 ； 良 8 0 分) */
  not_after: string;
  /** in the line: a figure with its digits together (the line does not space its digits: 9 5 is a split number) */
  line_not: string;
}

export function readSpacedScores(doc: KDocument, d: SpacedDigitsDef | undefined): void {
  if (!d) return;
  const items = (['projects', 'projectFigures'] as const).flatMap((k) => (doc.items[k] ?? []).map((x) => x.span));
  const inside = (s: Span) => items.some((x) => s.start < x.end && x.start < s.end);
  for (const m of matches(doc, d.regex)) {
    const num = m.group('num')!;
    const value = toRate(doc.norm.slice(num.start, num.end).replace(/[ \t]+/g, ''));
    if (value === null || value <= SCORE_FLOOR || value > 100 || inside(m.span)) continue;
    const l = lineOf(doc.norm, m.span.start);
    const line = doc.norm.slice(l.start, l.end);
    if (!spacedOut(line) || compile(d.line_not, '').test(line)) continue;
    const before = doc.norm.slice(sentenceAt(doc, m.span.start).start, m.span.start);
    if (compile(d.not_before, '').test(before) || (doc.reportKind !== 'project_self_eval' && compile(d.not_before_project, '').test(before))) continue;
    if (compile(d.not_after, 'y').test(doc.norm.slice(m.span.end, m.span.end + 24))) continue;
    doc.facts.push({ path: '/selfEvaluation/score', value, span: { start: m.span.start, end: m.span.end }, rule: d.id, raw: doc.norm.slice(num.start, num.end) });
  }
}
