// A grade closing a sentence that states the unit's own score and then a project's (部门整体支出绩效自评得分93分，项目支出
// 绩效自评得分88分，等级为优): it follows the project's score, yet may sum up the unit's. Which one it is, the standard
// grading decides (patterns/evaluation.yaml shared_grade): the unit's when the project's score lies outside the grade's band
// and the unit's inside it, else no grade at all.
import { compile } from '../patterns.js';
import { toRate } from '../normalise/numbers.js';

export interface SharedGradeDef {
  field: string;
  kinds: string[];
  /** a score with its subject: group `unit` (the department's whole spending) or `project`, its figure in `num` */
  scores: string;
  /** what may stand between the project's score and the grade's match */
  tail: string;
  /** each grade word's band of scores, [from, below) */
  bands: Record<string, [number, number]>;
}

/** 'keep' (the unit's grade), 'drop' (the project's, or either), or null when the sentence is not of this shape. */
export function sharedGrade(def: SharedGradeDef, grade: unknown, before: string): 'keep' | 'drop' | null {
  const found = [...before.matchAll(compile(def.scores, 'g'))];
  const last = found.at(-1);
  if (!last?.groups?.project || !compile(def.tail, '').test(before.slice(last.index! + last[0].length))) return null;
  const unit = found.slice(0, -1).reverse().find((m) => m.groups?.unit);
  if (!unit) return null;
  const band = typeof grade === 'string' ? def.bands[grade] : undefined;
  if (!band) return 'drop';
  // (a score in Chinese numerals, 八十八分, reads as the pattern's own do)
  // (projects' scores listed, 分别为88分、95分: the grade may be any one's)
  const scores = (m: RegExpMatchArray) => m.groups!.num.split(/\s*分?\s*[、和及]\s*/).map(toRate);
  const inside = (n: number | null) => n !== null && n >= band[0] && n < band[1];
  return scores(unit).every(inside) && !scores(last).some(inside) ? 'keep' : 'drop';
}
