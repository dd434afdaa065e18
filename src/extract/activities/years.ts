// Whether a count is this year's: years listed with 分别, a sibling section dated another year, targets.
import { headLines, spanAt } from '../../document.js';
import type { KDocument, Span } from '../../document.js';
import { spanYears, toCount, yearNumber } from '../../normalise/numbers.js';
import { compile, derived } from '../../patterns.js';
import { matches, otherYearAt, sectionsAt, sentenceAt, trimSpan } from '../engine.js';
import { clauseStart } from './clauses.js';
import type { ActivitiesFile, Found } from './file.js';
import { otherSubject } from './owners.js';

/** 一季度开展科普讲座8场，二季度开展12场 | 1月至6月举办培训班14期，7月至12月举办16期: `label` (the clause before a count) is
 *  only a part of the year and a bare holding verb (time_part, time_part_verb), right after `before`, a count of the same
 *  measure whose clause opens with a part of the year too: `before`, whose event this count is.
 *  Or `label` is only the year's total (year_total: 全年合计30期) after such counts, and `count` equals their sum (the counts
 *  of its measure before it in the sentence, walked back until they reach it). Else undefined. */
export function timeSibling(doc: KDocument, f: ActivitiesFile, before: Found | undefined, label: string, gu: string, count: number | null, sentenceStart: number, found: Found[]): Found | undefined {
  if (!before || !f.time_part || !f.time_part_verb || before.rule !== 'activities.count') return undefined;
  const kind = (u: string) => f.part_units?.[u] ?? u;
  if (kind(before.item.unit) !== kind(gu)) return undefined;
  const part = compile(f.time_part, '');
  // (、二季度5场: the 、 joining the parts opens the clause)
  const opensPart = (s: string) => part.test(s.replace(/\s+/g, '').replace(/^、/, ''));
  // (the count before it opens its clause with a part of the year: the first of the run, or one that went on with it; or names
  // its part right before its number, 开展科普讲座一季度3场, time_part_end)
  const endsPart = (s: string) => !!f.time_part_end && compile(f.time_part_end, '').test(s.replace(/\s+/g, '').replace(derived(f, 'time_part_count_end', () => `(?:${f.time_part_count ?? '(?!)'})$`), ''));
  if (!opensPart(doc.norm.slice(before.labelSpan.start, before.countEnd)) && !endsPart(doc.norm.slice(before.labelSpan.start, before.countEnd))) return undefined;
  const m = part.exec(label);
  if (m && m[0].length > 0 && compile(f.time_part_verb, '').test(label.slice(m[0].length))) return before;
  if (!f.year_total || !compile(f.year_total, '').test(label) || count === null) return undefined;
  let sum = 0, n = 0;
  for (let i = found.length - 1; i >= 0 && sum < count; i--) {
    const y = found[i];
    if (y.countEnd <= sentenceStart) break;
    if (y.rule !== 'activities.count' || kind(y.item.unit) !== kind(gu)) continue;
    sum += y.item.count;
    n++;
  }
  return sum === count && n > 1 ? before : undefined;
}
/** A year opening a change's topic (科普活动2022年较2021年…, 二〇二三年较…). */
export const TOPIC_YEAR = '^\\s*({YEAR_WRITTEN})\\s*年';
/** 2021年开展科普讲座20次，2022年开展24次，2023年开展30次 | 科普讲座2021年开展20场，2022年开展24场，2023年开展30场 in a 2023
 *  report: `label` (the clause before the count) is only the report's year and a bare holding verb (year_series_here); the
 *  clauses right before it in its sentence each count the same kind of event in an earlier year (year_series), and the
 *  nearest of them naming an event (`need`, share_event) names this count's: that topic and its span. Else undefined (a
 *  clause of another shape breaks the series: nothing is carried across it). */
export function yearSeries(doc: KDocument, f: ActivitiesFile, label: string, clause: number, sentenceStart: number, gu: string, need: string): { label: string; span: Span } | undefined {
  if (!f.year_series || !f.year_series_here || !f.share_event || typeof doc.data.fiscalYear !== 'number') return undefined;
  const here = compile(f.year_series_here, '').exec(label.replace(/\s+/g, ''));
  // (今年/本年: the report's year by its word)
  if (!here || (here.groups?.year && yearNumber(here.groups.year) !== doc.data.fiscalYear)) return undefined;
  const kind = (u: string) => f.part_units?.[u] ?? u;
  const series = compile(f.year_series, '');
  let end = clause - 1;
  // (a series of a few years: at most eight clauses back)
  for (let n = 0; n < 8 && end > sentenceStart && /[，,；;]/.test(doc.norm[end]); n++) {
    const start = clauseStart(doc.norm, end, sentenceStart);
    const m = series.exec(doc.norm.slice(start, end));
    if (!m?.groups || kind(m.groups.unit.replace(/\s+/g, '')) !== kind(gu) || yearNumber(m.groups.year) >= doc.data.fiscalYear) return undefined;
    // (the nearest clause naming anything names the event: 2022年开展党组会议24次 there ends the series, nothing read)
    // (一是2021年开展…: a list marker or connector before the year names nothing)
    const lead = compile(f.strip_prefix, '').exec(m.groups.before)?.[0].length ?? 0;
    const before = m.groups.before.slice(lead);
    const name = before.replace(/\s+/g, '').length >= 2 ? 'before' : m.groups.after.replace(/\s+/g, '').replace(/^(?:组织)?(?:开展|举办|举行|开办)了?/, '').length >= 2 ? 'after' : null;
    if (name) {
      const t = name === 'before' ? before : m.groups.after;
      const text = t.replace(/\s+/g, '');
      if (!compile(need, '').test(text) || !compile(f.share_event, '').test(text) || compile(f.not_label, '').test(text)) return undefined;
      const at = start + m.index + (name === 'before' ? lead : m[0].indexOf(t, m[0].indexOf(m.groups.year)));
      return { label: text, span: { start: at, end: at + t.length } };
    }
    end = start - 1;
  }
  return undefined;
}
/** The label opens with a year (label_year) and its sentence opens a clause with another (series_year): a series by year. */
export function yearAmongOthers(doc: KDocument, f: ActivitiesFile, label: string, sentence: Span): boolean {
  const y = compile(f.label_year, '').exec(label)?.groups?.year;
  if (!y) return false;
  // (bounded: a sentence without stops may run for pages)
  const text = doc.norm.slice(sentence.start, Math.min(sentence.end, sentence.start + 600));
  for (const m of text.matchAll(compile(f.series_year!, 'g'))) if (m.groups?.year && yearNumber(m.groups.year) !== yearNumber(y)) return true;
  return false;
}
/** Years listed before 分别 and as many counts after the event (year_respectively): the count in the report's year's place,
 *  labelled by the verb and event between them. */
export function yearRespectively(doc: KDocument, f: ActivitiesFile, overlaps: (s: Span) => boolean, level: string): { found: Found; countSpan: Span }[] {
  const fy = doc.data.fiscalYear;
  if (!f.year_respectively || !f.year_respectively_year || !f.year_respectively_count || typeof fy !== 'number') return [];
  const out: { found: Found; countSpan: Span }[] = [];
  for (const m of matches(doc, f.year_respectively)) {
    const ys = m.group('years')!, cs = m.group('counts')!;
    // (开展科普讲座 after 分别, or between the years and 分别; a bare verb there takes its event from the topic before the years)
    const mid = m.group('mid'), after = m.group('label'), topic = m.group('topic');
    const topicText = topic ? doc.norm.slice(topic.start, topic.end) : '';
    const topicEvent = !!topicText && !!f.share_event && compile(f.share_event, '').test(topicText) && !compile(f.year_respectively_topic_not ?? '(?!)', '').test(topicText);
    // (科普讲座2022年、2023年分别为20场、30场: with no verb, a topic naming an event before the years is the label)
    if ((mid && after) || (!mid && !after && !topicEvent)) continue;
    const ls = (mid ?? after ?? topic)!;
    let verbOnly = doc.norm.slice(ls.start, ls.end).replace(/\s+/g, '');
    if (!/^(?:开展|举办|举行|组织|完成|发放|培训|接待)$/.test(verbOnly)) verbOnly = '';
    else if (!topicEvent) continue;
    const listed = [...doc.norm.slice(ys.start, ys.end).matchAll(compile(f.year_respectively_year, 'g'))].map((y) => yearNumber(y.groups!.year));
    // (2021—2023年 | 2021年至2023年: a span of years stands for each year in it, in order; hunta56)
    const years = spanYears(doc.norm.slice(ys.start, ys.end), listed);
    const counts = [...doc.norm.slice(cs.start, cs.end).matchAll(compile(f.year_respectively_count, 'g'))];
    const i = years.indexOf(fy);
    // (2023年、2024年分别开展…: a later year listed makes the series a plan)
    if (years.some((y) => y > fy)) continue;
    const unit = counts.at(-1)?.groups?.unit;
    // (as many, the report's year among them, one measure: 20、24、30次 | 20次、24次、30次)
    if (i < 0 || years.length !== counts.length || !unit || counts.some((c) => c.groups!.unit && c.groups!.unit !== unit)) continue;
    const label = verbOnly ? verbOnly + topicText.replace(/\s+/g, '') : doc.norm.slice(ls.start, ls.end).replace(/\s+/g, '');
    const need = f.units[unit];
    const count = toCount(counts[i].groups!.num, counts[i].groups!.mult ?? '');
    if (!need || !compile(need, '').test(label) || count === null || !Number.isInteger(count) || compile(f.not_label, '').test(label)) continue;
    const at = cs.start + counts[i].index!;
    const countSpan = { start: at, end: at + counts[i][0].length };
    const sentence = sentenceAt(doc, m.span.start);
    // (the years open their clause, after at most a list marker or the unit as the doer: 预计2023年…, 各乡镇2022年… are not)
    // (a topic naming an event before them is the count's words, no doer: the clause opens before it)
    const opens = topic && topicEvent ? topic.start : ys.start;
    const pre = doc.norm.slice(clauseStart(doc.norm, m.span.start, sentence.start), opens).replace(/\s+/g, '');
    // (市科协2022年、2023年分别… | 2022年、2023年市本级分别…: the unit by its own level as the doer, before the years or after them)
    const doer = m.group('doer');
    if ([pre.replace(compile(f.strip_prefix, ''), ''), doer ? doc.norm.slice(doer.start, doer.end) : ''].some((d) => d && !ownDoer(d, level))) continue;
    if (overlaps(countSpan) || otherSubject(doc, f, level, sentence.start, opens) || inTargets(doc, f, at) || otherYearAt(doc, at, f)) continue;
    if (sectionsAt(doc, at).some((h) => compile(f.not_sections, '').test(h.title))) continue;
    const span = trimSpan(doc, { start: m.span.start, end: m.span.end });
    out.push({ found: { span, rule: 'activities.year-respectively', item: { label, count, unit, approx: null }, labelSpan: ls, countEnd: countSpan.end }, countSpan });
  }
  return out;
}
/** `words` (before the years or between them and 分别) are only the unit as the doer: 我会, or a 科协 or 本级 of the unit's level (`level`). */
function ownDoer(words: string, level: string): boolean {
  if (!compile('^(?:{YEAR_DOER})$', '').test(words)) return false;
  const named = /^[省市州盟县区旗]/.exec(words)?.[0];
  return !named || named === level;
}
const planDocs = new WeakMap<KDocument, boolean>();
/** A plan's document (…工作要点, …工作计划, 关于印发…实施方案的通知 on one of its first lines, no report's or summary's words
 *  there, see plan_document): its counts are all work to come, as a 预算 disclosure's are (once per document). */
function planDocument(doc: KDocument, f: ActivitiesFile): boolean {
  let v = planDocs.get(doc);
  if (v !== undefined) return v;
  const head = headLines(doc, 6);
  v = !!f.plan_document && head.some((t) => compile(f.plan_document!, '').test(t)) && !head.some((t) => compile(f.plan_document_not ?? '(?!)', '').test(t));
  planDocs.set(doc, v);
  return v;
}
export function inTargets(doc: KDocument, f: ActivitiesFile, offset: number): boolean {
  return targetState(doc, f, offset) === 'target';
}
/** Whether the count at `offset` is a target ('target'), a result stated after its target in its paragraph ('result':
 *  年初计划开展科普活动30场，实际开展35场 — restatedResults.ts weighs it against the report's plain counts), or neither. */
export function targetState(doc: KDocument, f: ActivitiesFile, offset: number): 'target' | 'result' | null {
  if (doc.reportKind && f.target_report_kinds?.includes(doc.reportKind)) return 'target';
  if (planDocument(doc, f)) return 'target';
  const sections = sectionsAt(doc, offset);
  // (三、绩效目标完成情况 ⏎ (一)产出目标: a kind of indicator's goal under a heading saying they were met states results)
  const done = (i: number) => !!f.target_kind_sections && !!f.done_sections && compile(f.target_kind_sections, '').test(sections[i].title) && sections.slice(0, i).some((h) => compile(f.done_sections!, '').test(h.title));
  if (sections.some((h, i) => compile(f.target_sections, '').test(h.title) && !done(i))) return 'target';
  // the paragraph's opening words (bounded: a one-line report must not make this quadratic)
  const line = spanAt(doc.lines, offset);
  const from = Math.max(line?.start ?? sentenceAt(doc, offset).start, offset - 300);
  const text = doc.norm.slice(from, offset);
  let last = -1;
  for (const m of text.matchAll(compile(f.target_sentence, 'g'))) last = m.index! + m[0].length;
  // 年初计划开展科普活动30场，实际开展35场: a result stated after the target in its paragraph is no target
  if (last < 0) return null;
  return compile(f.result_after_target, '').test(text.slice(last)) ? 'result' : 'target';
}
/** The table's caption or the two lines above it name a year other than the report's (2022年活动开展情况 in 2023). */
export function otherYearBefore(doc: KDocument, at: number): boolean {
  const line = doc.lines.findIndex((l) => l.end >= at);
  const before = doc.lines.slice(Math.max(0, line - 2), Math.max(0, line)).map((l) => doc.norm.slice(l.start, l.end)).join('\n');
  const fy = doc.data.fiscalYear;
  for (const m of before.matchAll(/(?<!\d)((?:19|20)\d{2})(?!\d)/g)) if (typeof fy !== 'number' || Number(m[1]) !== fy) return true;
  return false;
}
