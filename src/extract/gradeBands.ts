// A table's 总分 beside a grade the prose states: a score no grading puts under that grade (总分⇥100⇥69.5 in the annex, 等级为优
// in the conclusion) is not the report's score — the table is another form, or its total another figure. The bands are loose
// (patterns/evaluation.yaml table_score_bands): they cover the gradings provinces use, not only the standard one.
import type { KDocument } from '../document.js';
import { pointerPath } from '../document.js';
import { loadPatternFile } from '../patterns.js';

type Bands = Record<string, [number, number]>;

/** The prose grades (none from a table) when not one of them admits `score`: the grades it contradicts; else null. */
export function gradesDenying(doc: KDocument, score: number): string[] | null {
  const bands = loadPatternFile<{ table_score_bands?: Bands }>('evaluation.yaml').table_score_bands;
  if (!bands) return null;
  const grades = doc.facts.filter((f) => f.source !== 'table' && pointerPath(f.path) === '/selfEvaluation/grade' && typeof f.value === 'string');
  if (!grades.length) return null;
  // (a word of no band, 较好, or a letter, says nothing of the score)
  if (grades.some((f) => !bands[f.value as string])) return null;
  const admits = (g: string) => score >= bands[g][0] && score <= bands[g][1];
  return grades.some((f) => admits(f.value as string)) ? null : [...new Set(grades.map((f) => f.value as string))];
}
