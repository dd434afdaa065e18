// An indicator's result stated against its target (开展活动，目标值≥6期，实际完成8期 | 年初计划开展科普活动30场，实际开展35场 |
// 受益群众：目标值不少于500人次，实际完成600人次) restates, under the indicator's name, work the report counts in its own words
// elsewhere (全年共举办农村实用技术培训班8期，培训农民600人次): the labels differ, so the restatement rule (equal labels) keeps
// both, and the warehouse summing activities takes one real count twice (16 期). Decided (session 48, tables48; docs/record.md
// activities[]): such a result whose count, measure (part_units: 场 = 场次) and approximation equal a count the report states
// not against a target is that count, dropped; two results against targets so equal in different top-level sections are one,
// the first kept. A result with no plain equal stays (the indicator statement is then the only one of that work).
import type { Activity } from '../../schema/record.js';
import type { ActivitiesFile } from './file.js';

export interface Weighed {
  item: Activity;
  /** stated against its target (resultItem's item, or a count after a target cue and a result word in its paragraph) */
  result?: boolean;
  span: { start: number };
}

/** The activities without the results against targets that restate another count (see above). */
export function dropRestatedResults<T extends Weighed>(f: ActivitiesFile, found: T[], topSection: (at: number) => number): T[] {
  if (!found.some((x) => x.result)) return found;
  const key = (x: T) => `${x.item.count}|${f.part_units?.[x.item.unit] ?? x.item.unit}|${x.item.approx ?? ''}`;
  const plain = new Set(found.filter((x) => !x.result).map(key));
  const seen: { key: string; section: number }[] = [];
  return found.filter((x) => {
    if (!x.result) return true;
    const k = key(x);
    if (plain.has(k)) return false;
    const section = topSection(x.span.start);
    if (section >= 0 && seen.some((y) => y.key === k && y.section !== section)) return false;
    seen.push({ key: k, section });
    return true;
  });
}
