// A grade closing a sentence that states the unit's own score and then a project's (部门整体支出绩效自评得分93分，项目支出
// 绩效自评得分88分，等级为优): it follows the project's score, yet may sum up the unit's. Which one it is, the standard
// grading decides (patterns/evaluation.yaml shared_grade): the unit's when the project's score lies outside the grade's band
// and the unit's inside it, else no grade at all. The other order (项目支出绩效自评得分88分，部门整体支出绩效自评得分92分，
// 等级为良): the grade follows the unit's score and is the unit's, unless it fits the project's score and not the unit's.
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
  /** the grade's match opening so is said of all the scores before it (均为优) */
  all?: string;
  /** an average of scores with its figure (平均得分93分): several things' (projects', indicators'), never the unit's own */
  average?: string;
}

/** 'keep' (the unit's grade), 'drop' (the project's, or either), or null when the sentence is not of this shape. */
export function sharedGrade(def: SharedGradeDef, grade: unknown, before: string, matched = ''): 'keep' | 'drop' | null {
  const found = [...before.matchAll(compile(def.scores, 'g'))];
  // (均为优: the grade of every score before it, the unit's when its score is one of them)
  const averages = def.average ? [...before.matchAll(compile(def.average, 'g'))] : [];
  // (of an average with no unit's score among them, 3个项目…平均得分93分，均为优秀等次: the averaged things', no grade of the unit's)
  if (def.all && compile(def.all, '').test(matched)) return found.some((m) => m.groups?.unit) ? 'keep' : averages.length ? 'drop' : null;
  // (right after an average, 3个项目自评平均得分93分，等级为优: the averaged things' grade)
  if (afterAverage(def, before)) return 'drop';
  const last = found.at(-1);
  if (!last || !compile(def.tail, '').test(before.slice(last.index! + last[0].length))) return null;
  const earlier = found.slice(0, -1).reverse().find((m) => (last.groups?.project ? m.groups?.unit : m.groups?.project));
  if (!earlier) return null;
  const band = typeof grade === 'string' ? def.bands[grade] : undefined;
  // (a score in Chinese numerals, 八十八分, reads as the pattern's own do)
  // (projects' scores listed, 分别为88分、95分: the grade may be any one's)
  const scores = (m: RegExpMatchArray) => m.groups!.num.split(/\s*分?\s*[、和及]\s*/).map(toRate);
  const inside = (n: number | null) => !!band && n !== null && n >= band[0] && n < band[1];
  // the unit's score nearest: its grade unless only the project's score fits it (a word of no band stays the unit's)
  if (last.groups?.unit) return scores(earlier).some(inside) && !scores(last).every(inside) ? 'drop' : null;
  if (!band) return 'drop';
  return scores(earlier).every(inside) && !scores(last).some(inside) ? 'keep' : 'drop';
}

/** A grade right after an average of scores (3个子项目平均得分94分，等级为优), or said of all after one (…平均得分93分，均为优秀等次):
 *  the averaged things', never the report's (a unit, or a project, has one score). For the reports sharedGrade does not weigh. */
const SCORE = /(?:\d|[一二三四五六七八九十])\s*分/;
export function afterAverage(def: SharedGradeDef, before: string, matched = ''): boolean {
  if (!def.average) return false;
  const average = [...before.matchAll(compile(def.average, 'g'))].at(-1);
  if (!average) return false;
  const rest = before.slice(average.index! + average[0].length);
  // (said of all: the averaged things' only when no other score stands in the sentence, before the average or after it)
  if (def.all && compile(def.all, '').test(matched)) return !SCORE.test(before.slice(0, average.index)) && !SCORE.test(rest);
  return compile(def.tail, '').test(rest);
}
