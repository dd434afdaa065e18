// The year's total and its parts by time of the year (一季度开展科普讲座8场；二季度开展科普讲座12场…。全年累计开展科普讲座36场。 |
// 全年共开展科普讲座36场。一季度开展8场，二季度开展12场…): a count dated by a part of the year is in the year's total of the same
// event stated beside it, whether or not the parts listed add up to it. The warehouse sums activities, so the parts are
// dropped and the total kept (patterns/activities.yaml time_part, year_total_open, time_parts_reach).
import type { KDocument, Span } from '../document.js';
import type { Activity } from '../schema/record.js';
import { compile } from '../patterns.js';

type Count = { item: Activity; labelSpan: Span; countEnd: number; span: Span };
interface Rules {
  time_part?: string;
  time_part_more?: string;
  year_total_open?: string;
  total_open?: string;
  clause_marker?: string;
  part_units?: Record<string, string>;
  restated_verb?: string;
  bare_verb_label?: string;
  time_parts_reach?: number;
  running_after?: string;
}

const SENTENCE_END = /[。；;!?！？\n]/;
const CLAUSE_SPLIT = /[，,:：]/;

/** The counts of `found` that are parts by time of a year's total beside them (in the same top-level section, `topSection`,
 *  or within time_parts_reach characters of it): a run of counts of the total's measure right before or right after it, each
 *  dated by a part of the year and naming the total's event (or a bare verb), summing to at most the total. */
export function timeParts<T extends Count>(doc: KDocument, f: Rules, found: T[], topSection: (at: number) => number): Set<T> {
  const out = new Set<T>();
  if (!f.time_part || !f.year_total_open || !f.total_open || !f.part_units) return out;
  const units = f.part_units;
  const sorted = found.filter((x) => units[x.item.unit]).sort((a, b) => a.countEnd - b.countEnd);
  if (sorted.length < 2) return out;
  const dated = new Map<T, 'part' | 'total' | null>();
  for (const x of sorted) dated.set(x, dating(doc, f, x));
  const reach = f.time_parts_reach ?? 800;
  // (科普日期间开展科普活动: the period is no word of the event; nor is a progress date, 截至6月底已开展科普活动, with its 已)
  const period = compile(f.time_part_more ?? '(?!)', '');
  const event = (x: T) => {
    const m = period.exec(x.item.label);
    return (m ? x.item.label.slice(m[0].length).replace(/^已经?/, '') : x.item.label).replace(compile(f.restated_verb ?? '(?!)', ''), '');
  };
  const bare = compile(f.bare_verb_label ?? '(?!)', '');
  for (let i = 0; i < sorted.length; i++) {
    const t = sorted[i];
    if (dated.get(t) !== 'total') continue;
    const kind = units[t.item.unit];
    const section = topSection(t.span.start);
    const near = (y: T) => Math.abs(y.countEnd - t.countEnd) <= reach || (section >= 0 && topSection(y.span.start) === section);
    const limit = t.item.approx ? 2 * t.item.count - 1 : t.item.count;
    for (const step of [-1, 1]) {
      const run: T[] = [];
      let sum = 0;
      for (let j = i + step; j >= 0 && j < sorted.length; j += step) {
        const y = sorted[j];
        if (units[y.item.unit] !== kind) continue;
        if (!near(y) || dated.get(y) !== 'part' || out.has(y)) break;
        if (event(y) !== event(t) && !bare.test(y.item.label)) break;
        run.push(y);
        sum += y.item.count;
      }
      if (run.length && sum <= limit) for (const y of run) out.add(y);
    }
  }
  // 3月份开展科普活动5场，累计开展科普活动25场: a running total in the clause right after a part's count of the same event (or a
  // bare verb) holds it, whatever stretch the total covers: the part is dropped (summed with it, it would count twice)
  const running = compile(f.running_after ?? '(?!)', '');
  for (let i = 0; i + 1 < sorted.length; i++) {
    const y = sorted[i], t = sorted[i + 1];
    if (out.has(y) || dated.get(y) !== 'part' || units[y.item.unit] !== units[t.item.unit] || t.item.count < y.item.count) continue;
    if (!running.test(doc.norm.slice(y.countEnd, Math.min(t.labelSpan.start, t.span.start) + 4))) continue;
    if (event(y) === event(t) || bare.test(t.item.label)) out.add(y);
  }
  return out;
}

/** 'part' when the count's clause, or the nearest clause before it in its sentence that opens with a time word, opens with a
 *  part of the year (一季度, 上半年, 1-6月, 9月…; time_part_more: 截至10月底, 科普日期间); 'total' when it opens with the year's word (全年, 年内, 本年…), or with a total
 *  word (共, 累计…) with no part of the year before it in its sentence; else null. */
function dating(doc: KDocument, f: Rules, x: Count): 'part' | 'total' | null {
  const at = Math.min(x.labelSpan.start, x.span.start);
  let start = at;
  for (const lo = Math.max(0, at - 300); start > lo && !SENTENCE_END.test(doc.norm[start - 1]); start--);
  const part = compile(f.time_part!, '');
  const more = compile(f.time_part_more ?? '(?!)', '');
  const year = compile(f.year_total_open!, '');
  const total = compile(f.total_open!, '');
  const marker = compile(f.clause_marker ?? '(?!)', '');
  const clauses = doc.norm.slice(start, Math.max(at, x.countEnd)).split(CLAUSE_SPLIT);
  let candidate = false;
  for (let k = clauses.length - 1; k >= 0; k--) {
    const c = clauses[k].replace(/\s+/g, '').replace(marker, '');
    if (part.test(c) || more.test(c)) return 'part';
    if (year.test(c)) return 'total';
    if (total.test(c)) candidate = true;
  }
  if (candidate) return 'total';
  // (截至2024年6月30日，全年预算已支出X，执行进度45.36%；已开展科普活动11场: a progress date opening the sentence dates its
  // clauses past ； too, when the count's own stretch names no time of its own — a monitoring section's count to date)
  let open = start;
  for (const lo = Math.max(0, start - 300); open > lo && !FULL_STOP.test(doc.norm[open - 1]); open--);
  if (open === start) return null;
  const first = doc.norm.slice(open, start).split(CLAUSE_SPLIT)[0].replace(/\s+/g, '').replace(marker, '');
  return /^截/.test(first) && more.test(first) ? 'part' : null;
}
const FULL_STOP = /[。!?！？\n]/;
