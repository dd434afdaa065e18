// A generic total of the year's events (全年共开展各类科普活动50场, a summary) and the specific counts it comprises stated
// elsewhere (（一）科普日…开展活动20场, （二）科技周…30场): the warehouse sums activities[] per measure word, so each piece of work
// must be counted once (acts54; docs/record.md activities[]). The parts adding up to the total exactly are dropped, the total
// kept (a sum that confirms, never one that computes); parts that do not add up are all kept and flagged (activities_overlap).
// acts55: also a total of both channels after the channels' counts in the sentences before it in its paragraph (线上开展20场，
// 线下开展22场。线上线下共42场), and a generic total of people or of outputs (全年受益群众2万人次) with its parts in its section.
import type { KDocument, Span } from '../../document.js';
import type { Activity } from '../../schema/record.js';
import { compile, loadPatternFile } from '../../patterns.js';
import { sectionsAt } from '../engine.js';
import { paragraphStart, sentenceAt } from '../prose.js';
import type { ActivitiesFile } from './file.js';

type Kept = { item: Activity; span: Span; rule: string };

/** One pass over the activities already read (after the tables' rows joined them): see above. */
export function dropOverlappingParts(doc: KDocument): void {
  const f = loadPatternFile<ActivitiesFile>('activities.yaml');
  const acts = doc.items.activities as Kept[] | undefined;
  if (!acts || acts.length < 2 || !f.overlap_total_label || !f.overlap_total_cue) return;
  const label = compile(f.overlap_total_label, '');
  const cue = compile(f.overlap_total_cue, '');
  const extra = compile(f.overlap_extra ?? '(?!)', '');
  const other = compile(f.other_subject ?? '(?!)', '');
  const measure = (x: Kept) => f.part_units?.[x.item.unit] ?? x.item.unit;
  const text = (x: Kept) => doc.norm.slice(x.span.start, x.span.end);
  const generic = (x: Kept) => label.test(x.item.label) && cue.test(text(x));
  const depth = (x: Kept) => Math.max(0, ...sectionsAt(doc, x.span.start).map((h) => h.level));
  const paragraph = (x: Kept) => paragraphStart(doc, x.span.start);
  // (the sentence up to its full stop: 全年开展各类科普活动46场次，受益群众2.8万人次；举办培训班14期，培训农民1100人次。 is one, its
  // parts the sentence rules')
  const sentence = (x: Kept) => {
    let s = sentenceAt(doc, x.span.start).start;
    for (let k = 0; k < 20 && s > 0 && /[；;]/.test(doc.norm[s - 1]); k++) s = sentenceAt(doc, s - 1).start;
    return s;
  };
  // (work another body did, named as its doer, or work said to be besides it, 另开展直播讲座5场 | 另组织线上直播，受益群众1.2万人次
  // — 另 opening the count's words or its sentence: no part)
  const ownWork = (x: Kept) => !other.test(text(x)) && !extra.test(text(x)) && !extra.test(doc.norm.slice(sentence(x), x.span.start));
  const drop = new Set<Kept>();
  // (a warning's paths name the activities by index, known only once the dropped parts are out: the items are kept till then)
  const warned: { reason: string; items: Kept[] }[] = [];
  // (`warn` false: parts that do not add up leave all as they are, no warning — people and outputs)
  const settle = (total: Kept, all: Kept[], warn = true) => {
    // (a count above the total is no part of it: 组织各乡镇开展科普活动150场 … 累计开展各类科普活动80余场次)
    const parts = all.filter((x) => x.item.count <= total.item.count);
    if (!parts.length) return;
    const sum = parts.reduce((s, x) => s + x.item.count, 0);
    const exact = !total.item.approx && parts.every((x) => !x.item.approx);
    if (exact && sum === total.item.count) parts.forEach((x) => drop.add(x));
    else if (warn) {
      warned.push({
        reason: `the total of ${total.item.count} ${total.item.unit} (${total.item.label}) and counts of the same measure stated elsewhere (${parts.map((x) => x.item.count).join(' + ')} = ${sum}) may count the same work twice; all kept`,
        items: [total, ...parts],
      });
    }
  };
  const isEvent = (x: Kept) => f.glued_units.events.includes(x.item.unit);
  // 线上开展20场，线下开展22场。线上线下共42场: the channels' counts in the sentences before the total of both in its paragraph (its
  // own sentence's parts are the sentence rules': breakdowns.ts total_lead)
  if (f.overlap_channel_total && f.overlap_channel_part) {
    const both = compile(f.overlap_channel_total, '');
    const one = compile(f.overlap_channel_part, '');
    for (const t of acts.filter((x) => isEvent(x) && both.test(text(x)))) {
      settle(t, acts.filter((x) => x !== t && !drop.has(x) && isEvent(x) && measure(x) === measure(t) && paragraph(x) === paragraph(t) && x.span.end <= sentence(t) && one.test(x.item.label) && !both.test(text(x)) && ownWork(x)));
    }
  }
  const events = acts.filter((x) => isEvent(x) && !drop.has(x));
  for (const unit of new Set(events.map(measure))) {
    const same = events.filter((x) => measure(x) === unit);
    const totals = same.filter(generic).sort((a, b) => b.item.count - a.item.count);
    const total = totals[0];
    if (!total) continue;
    // (another generic count is a part only under a deeper heading — （一）科普日活动⏎全年共开展活动20场 —; beside it, two totals
    // of one report or of two reports in one text, whose parts are whose cannot be told: nothing)
    if (totals.slice(1).some((x) => depth(x) <= depth(total))) continue;
    // (not the total's own paragraph, whose shares and breakdowns the reading of its sentences decides)
    settle(total, same.filter((x) => x !== total && paragraph(x) !== paragraph(total) && ownWork(x)));
  }
  settleReach(doc, f, acts.filter((x) => !isEvent(x) && !drop.has(x)), { text, measure, depth, paragraph, sentence, ownWork, settle });
  const kept = drop.size ? acts.filter((x) => !drop.has(x)) : acts;
  for (const w of warned) doc.messages.push({ ruleId: 'activities_overlap', reason: w.reason, paths: w.items.map((x) => `/activities/${kept.indexOf(x)}`) });
  doc.items.activities = kept;
}

type Helpers = { text: (x: Kept) => string; measure: (x: Kept) => string; depth: (x: Kept) => number; paragraph: (x: Kept) => number; sentence: (x: Kept) => number; ownWork: (x: Kept) => boolean; settle: (total: Kept, parts: Kept[], warn?: boolean) => void };

/** acts55: a generic total of people (全年受益群众2万人次, or the reach right after a generic total of events in its sentence) or of
 *  outputs (全年共发放各类科普资料2万份) and the counts of its measure in its section (the innermost heading's body, or its paragraph
 *  under none), not in its own sentence: dropped when they add up to it exactly; else nothing, no warning (reach is counted at every
 *  event, and a total of it often holds work not itemised). Two generic totals of one measure in one section: nothing. */
function settleReach(doc: KDocument, f: ActivitiesFile, acts: Kept[], h: Helpers): void {
  if (!f.overlap_people_label || !f.overlap_output_label || !f.overlap_total_label || !f.overlap_total_cue) return;
  const people = compile(f.overlap_people_label, '');
  const output = compile(f.overlap_output_label, '');
  const events = compile(f.overlap_total_label, '');
  const cue = compile(f.overlap_total_cue, '');
  const all = doc.items.activities as Kept[];
  // (受益群众2万人次 right after 全年共开展各类科普活动50场 in its sentence: the generic total's reach)
  const reachOfTotal = (x: Kept) => {
    const i = all.indexOf(x);
    const before = i > 0 ? all[i - 1] : null;
    return !!before && h.sentence(before) === h.sentence(x) && events.test(before.item.label) && cue.test(h.text(before));
  };
  const isTotal = (x: Kept) => (f.glued_units.people.includes(x.item.unit) ? people.test(x.item.label) && (cue.test(h.text(x)) || reachOfTotal(x)) : output.test(x.item.label) && cue.test(h.text(x)));
  const scope = (x: Kept): Span => {
    const inner = sectionsAt(doc, x.span.start).sort((a, b) => b.level - a.level)[0];
    return inner ? { start: inner.start, end: inner.bodyEnd } : { start: h.paragraph(x), end: h.paragraph(x) };
  };
  const inScope = (s: Span, x: Kept) => (s.start === s.end ? h.paragraph(x) === s.start : x.span.start >= s.start && x.span.start < s.end);
  const totals = acts.filter(isTotal).sort((a, b) => h.depth(a) - h.depth(b) || b.item.count - a.item.count);
  const done = new Set<Kept>();
  for (const t of totals) {
    if (done.has(t)) continue;
    const s = scope(t);
    const same = acts.filter((x) => x !== t && !done.has(x) && h.measure(x) === h.measure(t) && inScope(s, x));
    if (same.some((x) => totals.includes(x) && h.depth(x) <= h.depth(t))) continue;
    const parts = same.filter((x) => h.sentence(x) !== h.sentence(t) && h.ownWork(x));
    parts.forEach((x) => done.add(x));
    h.settle(t, parts, false);
  }
}
