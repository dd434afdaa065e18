// Counted activities (patterns/activities.yaml). The regex finds number + measure word; the label is the
// clause before it, and the label must carry a word that makes the measure word an activity count.
import type { KDocument, Span } from '../document.js';
import { spanAt } from '../document.js';
import { compile, derived, loadPatternFile } from '../patterns.js';
import { toCount, yearNumber } from '../normalise/numbers.js';
import { cleanValue } from '../normalise/fold.js';
import { tokenAt } from '../segment/index.js';
import { dictionaryPiece } from '../segment/jieba.js';
import { MAX_BEFORE, matches, otherYearAt, saysOtherYear, sectionsAt, sentenceAt, trimSpan, unitLevel, unitName } from './engine.js';
import type { Activity } from '../schema/record.js';
import { parseValue } from './values.js';
import { namedRows } from './namedRows.js';
import { sentenceAt as wrappedSentenceAt } from './finance.js';
import { timeParts } from './timeParts.js';

interface ActivitiesFile {
  patterns: { id: string; regex: string }[];
  units: Record<string, string>;
  restated_verb?: string;
  not_label_people_end?: string;
  not_label: string;
  money_lead?: string;
  change_to?: string;
  change_reached?: string;
  people_lead?: string;
  part_own_verb?: string;
  museum_included?: string;
  needs_verb?: Record<string, string>;
  not_after: Record<string, string>;
  per_after?: string;
  near_label: Record<string, number>;
  after_noun: string[];
  after_noun_window?: Record<string, number>;
  after_noun_not?: string;
  joined_units?: string[];
  unit_written?: Record<string, string>;
  label_year: string;
  label_year_end?: string;
  multi_year: string;
  since_year: string;
  year_restart?: string;
  sentence_year?: string;
  section_year?: string;
  not_reach_before: string;
  sent_to: string;
  attended?: string;
  years_listed?: string;
  not_before_number: string;
  doubled_number: string;
  ocr_letter_before?: string;
  glued_people: string;
  glued_between: string;
  glued_lead?: string;
  glued_units: { events: string[]; people: string[] };
  in_quotes: string;
  vague_before: string;
  bare_magnitude?: string;
  bare_verb_label?: string;
  not_label_people?: string;
  topic?: string;
  bare_topic?: string;
  bare_verb_needs_event?: string[];
  result_label?: string;
  result_item?: string;
  result_item_not?: string;
  target_phrase?: string;
  strip_prefix: string;
  strip_suffix: string;
  aspect_particle?: string;
  target_sections: string;
  target_kind_sections?: string;
  done_sections?: string;
  target_report_kinds?: string[];
  not_sections: string;
  target_sentence: string;
  target_after?: string;
  result_after_target: string;
  respectively?: string;
  each?: string;
  noun_after?: string;
  bare_verb_before?: string;
  bare_verb_subject?: string;
  second_object?: string;
  share_each?: string;
  own_work_label?: string;
  label_subject?: string;
  spaced_list_marker?: string;
  label_adverb?: string;
  label_partner?: string;
  other_subject?: string;
  guided_body?: string;
  guided_own_verb?: string;
  field_label?: string;
  unit_subject?: string;
  joint_museum?: string;
  unit_place?: string;
  place_subject?: string;
  share_units?: Record<string, string>;
  part_units?: Record<string, string>;
  part_lead?: string;
  part_list_lead?: string;
  total_lead?: string;
  part_item_not?: string;
  part_sentence_not?: string;
  time_part?: string;
  time_part_verb?: string;
  year_total_open?: string;
  total_open?: string;
  clause_marker?: string;
  time_parts_reach?: number;
  time_part_more?: string;
  year_total?: string;
  year_series?: string;
  year_carried?: string;
  series_year?: string;
  year_respectively?: string;
  shared_measure_list?: string;
  year_respectively_year?: string;
  year_respectively_topic_not?: string;
  year_respectively_count?: string;
  year_series_here?: string;
  change_total?: string;
  change_before?: string;
  change_time_only?: string;
  change_prior?: string;
  ordinal_run?: string;
  share_event?: string;
  share_total?: string;
  share_verb?: string;
  higher_place?: Record<string, string>;
  table?: { name_header: string; count_headers: { unit: string; regex: string }[]; total_row: string };
}

const BOUNDARY = new Set(['，', ',', '。', ';', ':', '!', '?', '\n', '；', '：']);
const OPEN = '“‘《「(';
const CLOSE = '”’》」)';

/** Offsets of a character in the last text asked about (one document is worked through at a time). */
let offsetsOf: string | null = null;
const offsets = new Map<string, number[]>();
function charBetween(norm: string, ch: string, from: number, to: number): boolean {
  if (offsetsOf !== norm) {
    offsets.clear();
    offsetsOf = norm;
  }
  let at = offsets.get(ch);
  if (!at) {
    at = [];
    for (let i = norm.indexOf(ch); i >= 0; i = norm.indexOf(ch, i + 1)) at.push(i);
    offsets.set(ch, at);
  }
  const i = firstIndex(at, (q) => q >= from);
  return i < at.length && at[i] < to;
}
const quoteBetween = (norm: string, from: number, to: number) => charBetween(norm, '"', from, to);

/** For the last text asked about: the offsets of its boundaries and of its quotes and brackets, in order. */
let marksOf: string | null = null;
let boundaries: number[] = [];
let marks: number[] = [];
const charClass = (chars: string) => new RegExp(`[${chars.replace(/[\\\]^-]/g, '\\$&')}]`, 'g');
// (…and the last space of a run of three, a column gap: see walkBack)
const BOUNDARY_RE = new RegExp(`${charClass([...BOUNDARY].join('')).source}|(?<=  ) `, 'g');
const MARK_RE = charClass(`"${OPEN}${CLOSE}`);
function offsetsIn(norm: string, re: RegExp): number[] {
  const out: number[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(norm); m; m = re.exec(norm)) out.push(m.index);
  return out;
}
/** The last of `at` (in order) before `end`, or -1. */
function lastBefore(at: number[], end: number): number {
  const i = firstIndex(at, (q) => q >= end) - 1;
  return i >= 0 ? at[i] : -1;
}

/** Start of the clause that ends at `end`: walk back to a boundary that is not inside quotes. */
export function clauseStart(norm: string, end: number, floor: number): number {
  // a clause with no quote or bracket in it ends at the last boundary: looked up, not walked (a line of thousands of
  // counts without a stop would be walked back over at every count)
  if (marksOf !== norm) {
    boundaries = offsetsIn(norm, BOUNDARY_RE);
    marks = offsetsIn(norm, MARK_RE);
    marksOf = norm;
  }
  const b = lastBefore(boundaries, end);
  // (a column gap counts only with its three spaces at or above the floor)
  if (lastBefore(marks, end) < Math.max(b, floor)) return b >= floor && (norm[b] !== ' ' || b - 2 >= floor) ? b + 1 : floor;
  return walkBack(norm, end, floor);
}

/** The clause's start found by walking back from `end` (exported for the test that checks the look-up against it). */
export function walkBack(norm: string, end: number, floor: number): number {
  let depth = 0;
  // straight quotes (a half-width copy: 开展"百名院士进校园，万名…上讲台"活动29场) open and close alike: walking back from
  // outside them, each one toggles, when the line holds them in pairs up to `end`
  // (only looked for when the walk meets one: the line's start is a scan back over the line, which on a line of
  // thousands of counts would be made at every count)
  let pairs = 0;
  if (quoteBetween(norm, floor, end)) {
    const lineStart = Math.max(floor, norm.lastIndexOf('\n', end - 1) + 1);
    for (let i = norm.indexOf('"', lineStart); i >= 0 && i < end; i = norm.indexOf('"', i + 1)) pairs++;
  }
  let straight = false;
  for (let i = end - 1; i >= floor; i--) {
    const c = norm[i];
    if (CLOSE.includes(c)) depth++;
    else if (OPEN.includes(c)) depth = Math.max(0, depth - 1);
    else if (c === '"' && pairs % 2 === 0) straight = !straight;
    else if (depth === 0 && !straight && BOUNDARY.has(c)) return i + 1;
    // a run of spaces inside a line is a column gap of a copy laid out in columns (pdftotext -layout): the cell
    // before it is another column's, never part of the label (开展科技      举办…大赛1次 | 产出指标   数量指标   …次数      1次)
    else if (depth === 0 && !straight && c === ' ' && i - 2 >= floor && norm[i - 1] === ' ' && norm[i - 2] === ' ') return i + 1;
  }
  return floor;
}

export function extractActivities(doc: KDocument, claimed: Span[]): void {
  const f = loadPatternFile<ActivitiesFile>('activities.yaml');
  const found: { span: Span; item: Activity; rule: string; labelSpan: Span; countEnd: number; head?: { item: Activity }; gluedTo?: Found; joinedVia?: string }[] = [];
  const respectively = compile(f.respectively ?? '(?!)', '');
  // the counts taken so far, by position (they never overlap, so their ends are in order too): a text with thousands of
  // counts must not rescan all of them at each
  const used: Span[] = [];
  const byEnd = new Map<number, (typeof found)[number]>();
  const claimedByStart = [...claimed].sort((a, b) => a.start - b.start);
  const claimedMaxEnd: number[] = [];
  for (const c of claimedByStart) claimedMaxEnd.push(Math.max(claimedMaxEnd.at(-1) ?? -1, c.end));
  // who a count before a taking-part verb is, said before it (not global: test() keeps no state)
  const notWho = derived(f, 'notWho', () => `${f.not_label}|${f.not_reach_before}`);
  const level = unitLevel(doc);
  const overlaps = (s: Span) => {
    const i = firstIndex(used, (u) => u.end > s.start);
    if (i < used.length && used[i].start < s.end) return true;
    const j = firstIndex(claimedByStart, (c) => c.start >= s.end) - 1;
    return j >= 0 && claimedMaxEnd[j] > s.start;
  };
  for (const p of f.patterns) {
    for (const match of matches(doc, p.regex)) {
      const g = match.m.groups!;
      // the measure word without the space a letter-spaced copy puts in it (人 次), or the bracket or slash of 人（次）, 人/次
      const gu = g.unit.replace(/[\s()/]+/g, '');
      const numSpan = match.group('num')!;
      const unitSpan = match.group('unit')!;
      const countSpan = { start: Math.min(match.span.start, numSpan.start), end: match.span.end };
      if (overlaps(countSpan)) continue;
      // a count glued to a number is not read (which number is the count cannot be told), unless a count of people
      // follows: 举办培训3期150人 is 3 sessions and 150 participants (a half-width full stop after it, 2次., is no number)
      if (/^(?:\d|\.\d)/.test(doc.norm.slice(match.span.end, match.span.end + 2)) && !compile(f.glued_people, '').test(doc.norm.slice(match.span.end, match.span.end + 12))) continue;
      const sentence = sentenceAt(doc, numSpan.start);
      const labelEnd = p.id === 'activities.reach-after' ? match.span.end : Math.min(match.span.start, numSpan.start);
      // a label never reaches back over a line start (a report on one line is cut into virtual lines at headings)
      const lineStart = spanAt(doc.lines, numSpan.start)?.start ?? 0;
      // (受众⏎4.2万人次；…: a count opening a line a PDF's printed line end broke off its label — the sentence runs on across it —
      // reads its label on the line before, from that line's last clause; the prose goes on after the count on its line: a count
      // alone on its line, or under a line opened by a tab, is a table's cell, one per line)
      const across = lineStart > 0 && labelEnd >= lineStart && labelEnd - lineStart <= 8 && !doc.norm.slice(lineStart, labelEnd).trim() && /^[ \t]*[^\s]/.test(doc.norm.slice(match.span.end, match.span.end + 4)) && doc.norm[(spanAt(doc.lines, lineStart - 1)?.start ?? 0)] !== '\t' ? wrappedSentenceAt(doc, numSpan.start).start : lineStart;
      const wrapped = across < lineStart;
      const floor = wrapped ? Math.max(across, spanAt(doc.lines, lineStart - 1)?.start ?? 0) : Math.max(sentence.start, lineStart);
      const last = used[firstIndex(used, (u) => u.end > labelEnd) - 1];
      const prev = last && last.end > floor ? last.end : floor;
      const clause = wrapped ? clauseStart(doc.norm, lineStart - 1, prev) : clauseStart(doc.norm, labelEnd, prev);
      // a clause running back further than MAX_BEFORE holds no label (a run of counts with no separator: reading
      // each count's label over the whole run was quadratic in its length)
      if (labelEnd - clause > MAX_BEFORE) continue;
      // 开展“百场讲座进基层”活动: a number inside quotes names a campaign
      if (compile(f.in_quotes, '').test(doc.norm.slice(clause, numSpan.start))) continue;
      // 上半年、下半年分别开展科普讲座12、18场: the last of bare numbers sharing one measure word is no count of its own
      // (its tail only: a clause with no stop in a long line must not be rescanned at every count)
      if (f.shared_measure_list && compile(f.shared_measure_list, '').test(doc.norm.slice(Math.max(clause, numSpan.start - 24), numSpan.start))) continue;
      let labelSpan: Span;
      // the event count this people count is glued to (举办讲座5次共计300人次), if any
      let gluedTo: Activity | null = null;
      let gluedFound: Found | undefined;
      // 学生300名参赛: the group named before the count opens the label (学生参赛)
      let group: Span | null = null;
      if (p.id === 'activities.reach-after') {
        // label is what follows: 参加农民科学素质网络知识竞赛答题 (学生参赛 when the group is named)
        const verb = match.group('verb')!;
        let e = verb.start;
        while (e < doc.norm.length && !BOUNDARY.has(doc.norm[e])) e++;
        const who = match.group('who');
        if (!who) group = match.group('whoBefore');
        labelSpan = { start: (who ?? verb).start, end: e };
      } else if (p.id === 'activities.count-after' || p.id === 'activities.count-after-people') {
        labelSpan = { start: clause, end: unitSpan.end };
      } else {
        labelSpan = { start: clause, end: labelEnd };
        // 科普活动开展场次：20场 | 受益人数：5000人次: a count alone after a field's name and its colon takes the name as its label
        // (the label's checks then see it: targets, other years, the unit's own work; see field_label)
        const field = f.field_label && clause - 1 > prev && /[:：]/.test(doc.norm[clause - 1]) && !doc.norm.slice(clause, labelEnd).trim() ? clauseStart(doc.norm, clause - 1, prev) : -1;
        if (field >= 0 && compile(f.field_label!, '').test(doc.norm.slice(field, clause - 1))) labelSpan = { start: field, end: clause - 1 };
        // 举办培训3期150人 | 讲座5次共计300人次: people counted right after an event count share its label
        const glued = prev > floor && f.glued_units.people.includes(gu) ? [byEnd.get(prev)].find((x) => x && x.rule === p.id && f.glued_units.events.includes(x.item.unit)) : undefined;
        if (glued && compile(f.glued_between, '').test(doc.norm.slice(prev, labelEnd)) && compile(f.glued_people, '').test(doc.norm.slice(numSpan.start, numSpan.start + 24))) {
          labelSpan = glued.labelSpan;
          gluedTo = glued.item;
          gluedFound = glued;
        }
      }
      // (tested without spaces: an OCR'd or letter-spaced copy writes 受 益 群 众 3200 人 次)
      let label = doc.norm.slice(labelSpan.start, labelSpan.end).replace(/\s+/g, '');
      // 开展科普讲座、科普展览分别为12场、6场: a count right after one whose label ends in 分别 (only 、 between) is the next
      // part's; the parts are given out after the loop
      const head = p.id === 'activities.count' && !gluedTo && prev > floor && /^[、和及与]?$/.test(label) ? [byEnd.get(prev)].find((x) => x && !x.head && respectively.test(x.item.label)) : undefined;
      // 近百场科普进校园活动惠及学生…: an event count opening its clause names its event after the measure word, the label
      // (开展科技下乡活动4次和2次科普讲座: a joiner right after the count before it opens the clause as well as a comma)
      const afterCount = prev > floor && (clause === prev || /^[，,]\s*$/.test(doc.norm.slice(prev, clause)));
      // (召开党组会议4次和2次科普讲座: the count before it, the unit's own meeting, is no activity, but the joiner after it
      // opens the clause all the same, as 、 does)
      // (召开党组会议4次，和2次科普讲座: a clause that is only the joiner goes on from the clause before it, as after a count)
      const afterOwn = !afterCount && (ownCountOnly(f, label) || (clause > floor && JOINER_CLAUSE.test(label) && /[，,]/.test(doc.norm[clause - 1]) && ownCountOnly(f, doc.norm.slice(clauseStart(doc.norm, clause - 1, floor), clause - 1).replace(/\s+/g, '') + label)));
      if (p.id === 'activities.count' && !head && !gluedTo && f.noun_after && f.glued_units.events.includes(gu) && (afterOwn || !label.replace(compile(f.strip_prefix, ''), '').replace(afterCount ? JOINER_CLAUSE : /(?!)/, ''))) {
        const n = compile(f.noun_after, '').exec(doc.norm.slice(match.span.end, match.span.end + 20));
        if (n?.groups?.noun) {
          const at = match.span.end + n[0].length - n.groups.noun.length;
          labelSpan = { start: at, end: at + n.groups.noun.length };
          label = n.groups.noun;
        }
      }
      // 全年举行33次科普宣传活动: after a bare holding verb the event is named after the measure word; it completes the label
      // (开展科普宣传活动). A bare verb before another noun (组织12次党组理论学习, 开展12次常委会议) counts no event: dropped.
      let tail: Span | null = null;
      // 开展12次科普讲座和3次科普展览: a second count after the verb's first takes the verb alone as its label
      if (p.id === 'activities.count' && !head && !gluedTo && f.second_object && f.glued_units.events.includes(gu)) {
        let cs = clauseStart(doc.norm, labelEnd, floor);
        // (开展6次科普讲座，和3次科普展览: a clause that is only the joiner continues the clause before it)
        if (cs > floor && JOINER_CLAUSE.test(doc.norm.slice(cs, labelEnd)) && /[，,]/.test(doc.norm[cs - 1])) cs = clauseStart(doc.norm, cs - 1, floor);
        const m = compile(f.second_object, '').exec(doc.norm.slice(cs, labelEnd));
        if (m?.groups) {
          const at = cs + m.groups.lead.length;
          labelSpan = { start: at, end: at + m.groups.verb.length };
          label = m.groups.verb;
        }
      }
      const bare = label.replace(compile(f.strip_prefix, ''), '').replace(compile(f.bare_verb_subject ?? '(?!)', ''), '');
      if (p.id === 'activities.count' && !head && !gluedTo && f.noun_after && f.bare_verb_before && f.glued_units.events.includes(gu) && compile(f.bare_verb_before, '').test(bare)) {
        const rest = doc.norm.slice(match.span.end, match.span.end + 20);
        const n = compile(f.noun_after, '').exec(rest);
        if (n?.groups?.noun) {
          const at = match.span.end + n[0].length - n.groups.noun.length;
          tail = { start: at, end: at + n.groups.noun.length };
          label += n.groups.noun;
        } else if (/^\s*[\u4e00-\u9fa5“"「《]/.test(rest) && !/^\s*(?:以上|左右|余|多)/.test(rest) && !gluedPeopleAfter(f, rest)) continue;
      }
      // (8: room for a spaced range, 3000 余至 5000)
      const before = doc.norm.slice(Math.max(sentence.start, numSpan.start - 8), numSpan.start);
      if (derived(f, 'notBeforeNumberEnd', () => `(?:${f.not_before_number})$`).test(before.replace(/\s+$/, ''))) continue;
      const need = f.units[gu];
      // 观看人数达12万: the measure word written inside 人数 is 人
      const unit = f.unit_written?.[gu] ?? gu;
      // 推送200余个科普视频: for outputs the noun may follow the measure word
      // (the words after it are only tested near it: a walk to a far clause end at every count is quadratic in a text with none)
      let after = match.span.end;
      const afterLimit = Math.min(doc.norm.length, match.span.end + 32);
      while (after < afterLimit && !BOUNDARY.has(doc.norm[after])) after++;
      const near = f.near_label?.[unit];
      let context = head ? head.item.label : (near ? label.replace(compile(f.strip_suffix, ''), '').slice(-near) : label) + (p.id === 'activities.reach-after' ? g.verb : '') + (f.after_noun.includes(unit) && !compile(f.after_noun_not ?? '(?!)', '').test(doc.norm.slice(match.span.end, after)) ? doc.norm.slice(match.span.end, Math.min(after, match.span.end + (f.after_noun_window?.[unit] ?? 6))) : '');
      // 发放科普资料1.5万份、科普图书2400册: an output joined by 、 to the output counted right before it shares that count's
      // verb (the label stays its own words)
      // (举办青少年机器人竞赛1届、科技创新大赛1届: an edition count likewise, after one of its own measure)
      let joinedVia: string | undefined;
      const joinedKind = f.after_noun.includes(unit) || !!f.joined_units?.includes(unit);
      if (!head && !gluedTo && joinedKind && prev > floor && /^、/.test(doc.norm.slice(prev, labelSpan.end))) {
        const joined = [byEnd.get(prev)].find((x) => x && (f.after_noun.includes(unit) ? f.after_noun.includes(x.item.unit) : x.item.unit === unit));
        // (…1届、科普知识竞赛1届、机器人竞赛1届: the verb is carried down a run of joined counts)
        if (joined) joinedVia = (joined.joinedVia ?? '') + doc.norm.slice(joined.labelSpan.start, joined.labelSpan.end).replace(/\s+/g, '');
        if (joinedVia) context = joinedVia + context;
      }
      // 受益人数：目标5000人次，实际完成8200人次 | 发放科普资料，指标值：≥5000份，实际完成：6200份: a bare result word (also
      // as a label before its colon) names nothing; the item's name before the target word names the event or people
      const item = !head && !gluedTo ? resultItem(doc, f, label, clause, sentence.start) : null;
      // 培训班每期50人，共举办5期: a clause that is only a holding verb takes its event from the topic that opens the clause
      // before it in the sentence (培训班), which becomes the label
      // 举办培训班8期，县科协主办3期 | …，其中我会承办3期: a share of the count right before it names no event; it takes that
      // count's (breakdownParts and shareLabel then tell the two apart)
      // (开展培训12期。其中，县科协直接组织4期: also a share opening the next sentence with 其中, right after the count)
      const shareAfter = prev > floor ? /^[，,]\s*$/.test(doc.norm.slice(prev, clause)) : !wrapped && !!last && /^\s*[。；;]?\s*$/.test(doc.norm.slice(last.end, sentence.start)) && /^\s*其中\s*[，,:：]?\s*$/.test(doc.norm.slice(sentence.start, clause));
      if (need && !gluedTo && !head && p.id === 'activities.count' && f.share_units?.[gu] && shareAfter && !compile(need, '').test(context)) {
        const total = prev > floor ? byEnd.get(prev) : previousOfKind(doc, used, byEnd, f.share_units, gu, labelEnd, sentence.start);
        if (total && f.share_units[total.item.unit] === f.share_units[gu] && isShareClause(doc, f, doc.norm.slice(clause, match.span.end))) context = total.item.label + context;
      }
      // 开展科普活动较上年增加10场，共计56场: a clause that is only a total after a change of the same measure counts the
      // event the change names (its words before 较上年), which becomes the label
      // (同比增长20%，达到30场: the clause may be only the count, its 达到 read as the count's lead word)
      // (科普活动场次比上年同期增长25%，全年共开展45场: a clause that is only a holding verb after the change counts its topic too;
      // with no change before it, it is read as any other)
      // 一季度开展科普讲座8场，二季度开展12场 | …，全年合计30期: the count before it, whose event this clause goes on counting
      const sibling = need && !gluedTo && !head && !item && p.id === 'activities.count' && prev > floor && /^[，,]\s*$/.test(doc.norm.slice(prev, clause)) ? timeSibling(doc, f, byEnd.get(prev), label, gu, toCount(g.num, g.mult ?? ''), sentence.start, found) : undefined;
      if (sibling) context = sibling.item.label + context;
      // 2021年开展科普讲座20次，2022年开展24次，2023年开展30次 in a 2023 report: the report year's clause is only its year and a
      // bare verb; the event is named by the first clause of the series, its counts other years' (dropped by their year)
      const series = !sibling && need && !gluedTo && !head && !item && p.id === 'activities.count' ? yearSeries(doc, f, label, clause, sentence.start, gu, need) : undefined;
      if (series) {
        context = series.label + context;
        labelSpan = series.span;
        label = series.label;
      }
      const totalOnly = !sibling && !!f.change_total && compile(f.change_total, '').test(label);
      const verbOnly = !totalOnly && !!f.bare_verb_label && compile(f.bare_verb_label, '').test(label.replace(compile(f.strip_prefix, ''), ''));
      const changeCase = !!need && !gluedTo && !head && !sibling && p.id === 'activities.count' && !!f.change_before;
      const changeStart = changeCase && (totalOnly || verbOnly) && clause - 1 > sentence.start ? clauseStart(doc.norm, clause - 1, sentence.start) : -1;
      const ch = changeStart >= 0 ? compile(f.change_before!, '').exec(doc.norm.slice(changeStart, clause - 1)) : null;
      // 2022年较2021年科普活动场次增加5场，达到40场 | 科普活动2022年较2021年增加5场，共计40场 in a 2023 report: the figure
      // reached is the year's the change is of, another year's here (with the report's year unknown, nobody's)
      const chYear = ch ? ch.groups?.lead ?? ch.groups?.at ?? compile(TOPIC_YEAR, '').exec(ch.groups?.topic ?? '')?.[1] : undefined;
      // (二〇二三年较二〇二二年…: a year in Chinese numerals is a year like 2023年)
      if (chYear && yearNumber(chYear) !== doc.data.fiscalYear) continue;
      const sameMeasure = (u: string | undefined) => u === undefined || (f.part_units?.[u.replace(/\s+/g, '')] ?? u) === (f.part_units?.[gu] ?? gu);
      // (a change of a rate, 同比增长20%, names no measure: the figure reached is of the change's topic all the same)
      let topic: Span | null = ch?.groups?.topic !== undefined && sameMeasure(ch.groups.unit) ? { start: changeStart + ch.index + ch[0].indexOf(ch.groups.topic), end: changeStart + ch.index + ch[0].indexOf(ch.groups.topic) + ch.groups.topic.length } : null;
      // 2022年开展科普讲座35场，今年较上年增加5场，共计40场: a change whose topic is only a time word takes the event from the
      // clause before it (last year's count, whose topic names what the total counts)
      if (topic && f.change_time_only && f.change_prior && compile(f.change_time_only, '').test(doc.norm.slice(topic.start, topic.end))) {
        const priorStart = changeStart - 1 > sentence.start ? clauseStart(doc.norm, changeStart - 1, sentence.start) : -1;
        const pr = priorStart >= 0 ? compile(f.change_prior, '').exec(doc.norm.slice(priorStart, changeStart - 1)) : null;
        const at = pr?.groups?.topic ? priorStart + pr.index + pr[0].indexOf(pr.groups.topic) : -1;
        topic = pr?.groups?.topic && sameMeasure(pr.groups.unit) ? { start: at, end: at + pr.groups.topic.length } : null;
      }
      const topicText = topic ? doc.norm.slice(topic.start, topic.end).replace(/\s+/g, '') : '';
      const changed = !!topic && topicText.length >= 2 && compile(need!, '').test(topicText);
      // 举办“科普大讲堂”第15期至第26期，共12期: a clause that is only a total after the ordinals of the sessions it counts takes
      // the event that clause names (the ordinals are no count); with the ordinals' span and the count at odds, nothing
      const ord = need && (totalOnly || verbOnly) && !gluedTo && !head && p.id === 'activities.count' && changeStart >= 0 && !changed ? ordinalRun(doc, f, gu, toCount(g.num, g.mult ?? ''), changeStart, clause - 1) : null;
      if (ord === 'not') continue;
      if (ord) {
        if (!compile(need!, '').test(ord.label)) continue;
        labelSpan = ord.span;
        tail = ord.tail;
        label = ord.label;
      }
      // (an empty label after no change, 实际完成：6200份, is the result branch's below)
      else if (changeCase && ((totalOnly && label.trim() !== '') || changed)) {
        if (!changed || !topic) continue;
        labelSpan = topic;
        label = topicText;
      // (计划举办培训班10期，已举办12期: a bare verb after a target is a result word, the item's branch below names its event)
      } else if (need && !gluedTo && !item && p.id === 'activities.count' && !compile(need, '').test(context) && f.bare_verb_label && compile(f.bare_verb_label, '').test(label.replace(compile(f.strip_prefix, ''), ''))) {
        const prevStart = clause - 1 > sentence.start ? clauseStart(doc.norm, clause - 1, sentence.start) : -1;
        const topic = prevStart >= 0 && f.topic ? compile(f.topic, '').exec(doc.norm.slice(prevStart, clause - 1)) : null;
        // (（二）科技培训⏎全年共举办12期: else the lead before its colon or the section's title)
        const named = topic?.groups?.topic && compile(need, '').test(topic.groups.topic) ? null : bareTopic(doc, f, need, clause, floor, numSpan.start, used);
        if (topic?.groups?.topic && compile(need, '').test(topic.groups.topic)) {
          const at = prevStart + topic.index + topic[0].indexOf(topic.groups.topic);
          labelSpan = { start: at, end: at + topic.groups.topic.length };
          label = topic.groups.topic;
        } else if (named && named !== 'not') {
          labelSpan = named;
          label = doc.norm.slice(named.start, named.end);
        } else continue;
      }
      // 受益群众：目标值不少于1万人次，实际完成1.5万人次: a bare result word takes its event or people from the item's name
      else if (need && !gluedTo && !compile(need, '').test(context) && item) {
        if (!compile(need, '').test(item.text)) continue;
      }
      // (people glued to an event count are that event's: its label made it an activity)
      else if (!need || (!gluedTo && !compile(need, '').test(context))) continue;
      // 科普讲座：全年共开展45场 | （一）科普讲座⏎全年共开展45场: a bare holding verb takes its event from the lead before its colon
      // or from the section's title, when they name one (else it stays the label)
      else if (!item && !tail && !head && !sibling && !series && p.id === 'activities.count' && f.glued_units.events.includes(gu) && f.bare_verb_label && compile(f.bare_verb_label, '').test(label.replace(compile(f.strip_prefix, ''), ''))) {
        // (开展科普进社区活动每月不少于2次，全年累计开展28次: the topic opening the clause before it, before a per-period figure or a
        // total, names the event as for 培训班每期50人，共举办5期 — when it names one: a measure word whose units word is a verb
        // passes that test on the bare verb alone)
        const prevStart = clause - 1 > sentence.start ? clauseStart(doc.norm, clause - 1, Math.max(sentence.start, clause - 200)) : -1;
        const tp = prevStart >= 0 && f.topic && f.share_event ? compile(f.topic, '').exec(doc.norm.slice(prevStart, clause - 1)) : null;
        // (a clause that is only a topic, 科普讲座方面，全年共开展12次, is bareTopic's: it trims 方面)
        const tpText = tp && /^\s*(?:每|共|累计)/.test(doc.norm.slice(prevStart + tp.index + tp[0].length, clause - 1)) ? tp.groups?.topic : undefined;
        const tpAt = tp && tpText ? prevStart + tp.index + tp[0].indexOf(tpText) : -1;
        const named = tpText && compile(need, '').test(tpText) && compile(f.share_event!, '').test(tpText) && !compile(f.not_label, '').test(tpText) ? { start: tpAt, end: tpAt + tpText.length } : bareTopic(doc, f, need, clause, floor, numSpan.start, used);
        if (named === 'not' || (!named && f.bare_verb_needs_event?.includes(gu))) continue;
        if (named) {
          labelSpan = named;
          label = doc.norm.slice(named.start, named.end);
        }
      }
      // (the item's name is the label, and the evidence runs from it)
      if (item) {
        labelSpan = item.span;
        label = item.text;
      }
      // 上述三项活动 | 三项活动的支出: a measure word that counts kinds of work as often as events counts them only after a verb
      // of holding them (开展12项科普活动, 举办主题活动12项)
      if (f.needs_verb?.[unit] && !compile(f.needs_verb[unit], '').test(label)) continue;
      // 投入经费5万元开展科普活动20场: the money spent on the work opens its clause; the work after it is the label (the money is
      // finance's, no word of the event)
      if (f.money_lead && !item) {
        const m = compile(f.money_lead, '').exec(doc.norm.slice(labelSpan.start, labelSpan.end));
        if (m) {
          labelSpan = { start: labelSpan.start + m[0].length, end: labelSpan.end };
          label = doc.norm.slice(labelSpan.start, labelSpan.end).replace(/\s+/g, '') + (tail ? doc.norm.slice(tail.start, tail.end) : '');
        }
      }
      // 举办培训班由8期增加到12期: the figure a change reached is the year's, labelled by the topic before 由 (the figure it
      // started from is dropped by not_label)
      if (f.change_to && !item && !gluedTo) {
        const c = compile(f.change_to, '').exec(doc.norm.slice(labelSpan.start, labelSpan.end));
        // (…增加到2023年的16场: the figure reached named by a year is the year's only when that is the report's)
        if (c?.groups?.reachedYear && yearNumber(c.groups.reachedYear) !== doc.data.fiscalYear) continue;
        if (c?.groups?.topic) {
          const at = labelSpan.start + c[0].indexOf(c.groups.topic);
          labelSpan = { start: at, end: at + c.groups.topic.length };
          label = c.groups.topic.replace(/\s+/g, '');
        }
      }
      // 科普讲座同比增长20%达到30场: the figure a change reached in its clause is the year's, labelled by the topic before
      // 较/同比 (a change counted in another measure word says nothing of this one: the label stays, and not_label drops it)
      if (f.change_reached && !item && !gluedTo) {
        // (up to the number: 达到 before it is the count's own lead word)
        const c = compile(f.change_reached, '').exec(doc.norm.slice(labelSpan.start, Math.max(labelSpan.end, numSpan.start)));
        const same = (u: string) => (f.part_units?.[u] ?? u) === (f.part_units?.[gu] ?? gu);
        if (c?.groups?.topic && (c.groups.unit === undefined || same(c.groups.unit.replace(/\s+/g, ''))) && compile(need ?? '(?!)', '').test(c.groups.topic)) {
          const at = labelSpan.start + c[0].indexOf(c.groups.topic);
          labelSpan = { start: at, end: at + c.groups.topic.length };
          label = c.groups.topic.replace(/\s+/g, '');
        }
      }
      // 举办科普讲座2场次/月: a rate per month or per place
      if (f.per_after && compile(f.per_after, '').test(doc.norm.slice(match.span.end, match.span.end + 6))) continue;
      const notAfter = f.not_after[gu];
      if (notAfter && compile(notAfter, '').test(doc.norm.slice(match.span.end, after).trimStart())) continue;
      // 年初设定的科普讲座20场、技术培训12期等目标全部完成: counts listed as the targets named after them
      if (f.target_after && compile(f.target_after, '').test(doc.norm.slice(match.span.end, Math.min(sentence.end, match.span.end + 200)))) continue;
      // 科普讲座2022年、2023年分别开展20场、30场: one year's count of several (year_respectively's)
      if (f.years_listed && compile(f.years_listed, '').test(label)) continue;
      // 参加市科协举办的科普讲解大赛2场: events the unit attended, another body's
      if (f.attended && f.glued_units.events.includes(unit) && compile(f.attended, '').test(label)) continue;
      if (compile(f.not_label, '').test(label)) {
        if (!afterOwnWork(f, label)) continue;
        // (the label and its evidence start after the unit's own work: 科普讲座)
        const cut = EARLIER_COUNT.exec(doc.norm.slice(labelSpan.start, labelSpan.end));
        if (cut) {
          labelSpan = { start: labelSpan.start + cut[0].length, end: labelSpan.end };
          label = label.replace(EARLIER_COUNT, '');
        }
      }
      // 各乡镇共开展科普活动150场 | 市科协在我县开展…: another body's work
      if (otherSubject(doc, f, level, sentence.start, numSpan.start)) continue;
      if (f.not_label_people && f.glued_units.people.includes(unit) && !gluedTo && compile(f.not_label_people, '').test(label)) continue;
      // 参与专家40人次: the label's last word names the staff counted
      if (f.not_label_people_end && f.glued_units.people.includes(unit) && !gluedTo && compile(f.not_label_people_end, '').test(label.replace(compile(f.strip_suffix, ''), ''))) continue;
      // 2022年开展科普活动30场 in a 2023 report is another year's
      if (saysOtherYear(doc, f.label_year, label)) continue;
      // 2021年开展科普讲座20次，2022年开展24次 with the report's year unknown: a count dated in a series of years may be any
      // year's but at most one is the report's, which cannot be told (a lone dated count is read)
      if (f.series_year && typeof doc.data.fiscalYear !== 'number' && yearAmongOthers(doc, f, label, sentence)) continue;
      // 科普讲座2022年开展35场: a year right before the work's verb or the count dates it as well
      if (f.label_year_end && saysOtherYear(doc, f.label_year_end, label)) continue;
      // 2022年，我会开展科普活动30场 | under 二、2022年度工作完成情况: another year's
      if (otherYearAt(doc, numSpan.start, f)) continue;
      // 自2018年以来累计开展…300场, 近三年共开展…45次: several years' total
      // (within 500 characters of it: a longer sentence is no prose but a run of text without stops, and testing all of it
      // at every count is quadratic)
      let upTo = doc.norm.slice(Math.max(sentence.start, numSpan.start - 500), numSpan.start);
      // (自2019年以来累计培训农民5000余人次，2023年培训农民420人次: a later clause opening with the report's own year is this year's)
      if (f.year_restart) {
        let cut = -1;
        for (const m of upTo.matchAll(compile(f.year_restart, 'g'))) if (!m.groups?.year || yearNumber(m.groups.year) === doc.data.fiscalYear) cut = m.index! + 1;
        if (cut >= 0) upTo = upTo.slice(cut);
      }
      if (compile(f.multi_year, '').test(upTo) || saysOtherYear(doc, f.since_year, upTo)) continue;
      // 2022年举办培训班24期，培训农民3000人次 | 上年开展科普活动30场，受益群众1万人次 in a 2023 report: a clause with no year of
      // its own goes on with the year an earlier clause of its sentence opened with (the report's own year restarts it, above)
      if (f.year_carried && [...upTo.matchAll(compile(f.year_carried, 'g'))].some((m) => !m.groups?.year || (typeof doc.data.fiscalYear === 'number' && yearNumber(m.groups.year) !== doc.data.fiscalYear))) continue;
      // 评选出优秀学生10名参加…, 工作人员5名参加培训: who the count is, said before it, rules it out too
      if (p.id === 'activities.reach-after' && notWho.test(doc.norm.slice(clause, numSpan.start))) continue;
      // 评选科普带头人20名，其中12名参加了省级培训: a 其中 count is part of the group the clause before names
      if (p.id === 'activities.reach-after' && /^\s*其中[:：]?\s*$/.test(doc.norm.slice(clause, numSpan.start)) && notWho.test(doc.norm.slice(clauseStart(doc.norm, clause - 1, sentence.start), clause))) continue;
      if (!match.group('who') && !group && compile(f.sent_to, '').test(label)) continue;
      // 参加省科协举办的培训班，参训干部5人: people counted after the unit's sending in their sentence are those sent, unless a
      // group of participants is named
      if (f.glued_units.people.includes(unit) && !match.group('who') && !group && compile(f.sent_to, '').test(doc.norm.slice(Math.max(sentence.start, clause - 500), clause)) && !compile('{PARTICIPANTS}', '').test(label)) continue;
      if (inTargets(doc, f, numSpan.start)) continue;
      if (sectionsAt(doc, numSpan.start).some((h) => compile(f.not_sections, '').test(h.title))) continue;
      if (compile(f.doubled_number, '').test(g.num)) continue;
      if (f.ocr_letter_before && compile(f.ocr_letter_before, '').test(doc.norm.slice(Math.max(0, numSpan.start - 4), numSpan.start))) continue;
      if (/^[一二三四五六七八九十百千万两]+$/.test(g.num) && compile(f.vague_before, '').test(doc.norm.slice(Math.max(0, numSpan.start - 2), numSpan.start + 1))) continue;
      // 开展百场科普讲座进基层活动: a bare 百/千 names a campaign
      const approx = g.pre && /约|近|超过|超|逾|多达|突破/.test(g.pre) ? g.pre : g.post ?? g.inner ?? g.tail ?? null;
      if (f.bare_magnitude && !approx && !g.mult && compile(f.bare_magnitude, '').test(g.num)) continue;
      // 一场精彩的报告 is an article, not a count; 两 is one of events (举办科技讲座两场), of others a vaguer word (两个维护)
      if ((g.num === '一' || (g.num === '两' && !f.glued_units.events.includes(unit))) && !g.mult) continue;
      const count = toCount(g.num, g.mult ?? '');
      // 2.5次 is no count of anything (an OCR slip or a lost 万): a count is a whole number
      if (count === null || count <= 0 || !Number.isInteger(count)) continue;
      // 邀请省级专家8人举办科普报告会4场: the people who did it, counted before the work's verb, are no words of the event
      if (f.people_lead && p.id === 'activities.count' && !item && !gluedTo && !head) {
        const m = compile(f.people_lead, '').exec(doc.norm.slice(labelSpan.start, labelSpan.end));
        if (m) labelSpan = { start: labelSpan.start + m[0].length, end: labelSpan.end };
      }
      // 1 科普讲座 12场: a list's marker set with a space at the line's start is no word of the label (spaced_list_marker)
      const spacedMarker = f.spaced_list_marker ? compile(f.spaced_list_marker, '').exec(doc.norm.slice(labelSpan.start, labelSpan.end)) : null;
      if (spacedMarker && !doc.norm.slice(doc.norm.lastIndexOf('\n', labelSpan.start - 1) + 1, labelSpan.start).trim()) labelSpan = { start: labelSpan.start + spacedMarker[0].length, end: labelSpan.end };
      // label text for the record: from the display copy, connectors stripped
      label = cleanValue((group ? doc.display.slice(group.start, group.end) : '') + doc.display.slice(labelSpan.start, labelSpan.end) + (tail ? doc.display.slice(tail.start, tail.end) : ''))
        .replace(compile(f.strip_prefix, ''), '');
      // 全年开展各类科普活动（其中科普讲座12场）: the count stands inside brackets; an opening bracket never closed in the label
      // and the words before it are no part of it (科普讲座)
      const unclosed = label.search(/[(（][^()（）]*$/);
      if (unclosed >= 0) label = label.slice(unclosed + 1).replace(compile(f.strip_prefix, ''), '');
      // 开展科普讲座12场次和科技培训4期: right after the count before it, 和/及/与 join the two (not a label's first word)
      const joiner = afterCount && !head && !gluedTo ? /^\s*(?:以及|和|及|与)(?=[\u4e00-\u9fa5]{2})/.exec(doc.norm.slice(labelSpan.start, labelSpan.end)) : null;
      if (joiner) {
        label = label.replace(/^(?:以及|和|及|与)/, '');
        labelSpan = { start: labelSpan.start + joiner[0].length, end: labelSpan.end };
      }
      // 县科协全年开展科普讲座 | 我会联合县级学会在全县开展…: the unit as the doer and its partners are no words of the work
      if (!group) label = trimDoer(f, level, label);
      if (f.aspect_particle) label = label.replace(compile(f.aspect_particle, 'g'), '');
      label = label.replace(compile(f.strip_suffix, ''), '');
      if (sibling) label = sibling.item.label;
      if (label.length < 2 && !head) continue;
      // the unit must be a word of its own (期 in 期间, 场 in 场地, 人 in 人员 are not units; 期 in the HMM's 期共 is);
      // asked last, as cutting the line with jieba costs more than all the checks above
      const tok = tokenAt(doc, unitSpan.start);
      if (tok && tok.end > unitSpan.end && !dictionaryPiece(tok.word, unitSpan.start - tok.start, unitSpan.end - tok.start)) continue;
      // (the evidence starts at the label's first word: not at the 、 that closed the count before it)
      let from = Math.min(labelSpan.start, countSpan.start, sibling?.labelSpan.start ?? Infinity);
      while (from < numSpan.start && /[、,，\s]/.test(doc.norm[from])) from++;
      const span = trimSpan(doc, { start: from, end: Math.max(labelSpan.end, countSpan.end, tail?.end ?? 0) });
      used.splice(firstIndex(used, (u) => u.start > countSpan.start), 0, countSpan);
      found.push({ span, rule: p.id, item: { label, count, unit, approx: approx ?? null }, labelSpan, countEnd: countSpan.end, ...(head ? { head: head } : {}), ...(gluedFound ? { gluedTo: gluedFound } : {}), ...(joinedVia ? { joinedVia } : {}) });
      byEnd.set(countSpan.end, found[found.length - 1]);
    }
  }
  // 2021年、2022年、2023年分别开展科普讲座20、24、30次: the report's year's count
  for (const x of yearRespectively(doc, f, overlaps, level)) {
    used.splice(firstIndex(used, (u) => u.start > x.countSpan.start), 0, x.countSpan);
    found.push(x.found);
  }
  // 分别: as many parts before it (、/和/及/与) as counts after it, one each; else the counts after the first are dropped
  for (const h of found.filter((x) => !x.head && respectively.test(x.item.label))) {
    const followers = found.filter((x) => x.head === h);
    if (!followers.length) continue;
    const parts = h.item.label.replace(respectively, '').split(/[、和及与]/).map((x) => x.replace(compile(f.strip_prefix, ''), '').trim());
    if (parts.length === followers.length + 1 && parts.every((x) => x.length >= 2)) {
      h.item.label = parts[0];
      followers.forEach((x, i) => (x.item.label = parts[i + 1]));
    } else for (const x of followers) found.splice(found.indexOf(x), 1);
  }
  // 各: one activity per part before it, each with the count
  const each = f.each ? compile(f.each, '') : null;
  for (let i = found.length - 1; each && i >= 0; i--) {
    const x = found[i];
    if (x.head || !each.test(x.item.label)) continue;
    // (和/及/与 inside a word are none: 参与, 普及, 和谐)
    const parts = x.item.label.replace(each, '').split(/、|以及|(?<![参授给赋])与|(?<![普涉顾企波以])及(?![时早])|和(?![谐平美])/).map((y) => y.replace(compile(f.strip_prefix, ''), '').trim());
    found.splice(i, 1, ...(parts.length >= 2 && parts.every((y) => y.length >= 2) ? parts.map((label) => ({ ...x, item: { ...x.item, label } })) : []));
  }
  found.sort((a, b) => a.span.start - b.span.start);
  // 全县共开展科普活动150场，其中县科协组织开展30场: a total whose sentence names a share of it is not the unit's
  const notUnits: Found[] = [];
  for (let i = found.length - 1; i >= 0; i--) if (sharedTotal(doc, f, found[i])) notUnits.push(...found.splice(i, 1));
  // 开展科普活动20场（线上8场，线下12场）: a breakdown of a count already given is no new piece of work (the warehouse sums
  // activities); the total is kept, its parts dropped
  const parts = breakdownParts(doc, f, found, notUnits);
  // 一季度开展科普讲座8场；…。全年累计开展科普讲座36场。: counts by a part of the year beside the year's total are in it
  for (const y of timeParts(doc, f, found, (at) => topSection(doc, at))) parts.add(y);
  for (let i = found.length - 1; i >= 0; i--) if (parts.has(found[i])) found.splice(i, 1);
  // 全县共开展科普活动150场，受益群众5万人次，其中县科协组织开展30场: the people reached right after a total that is not the
  // unit's are that total's (all the place's events), not its share's
  dropTotalsReach(doc, f, found, notUnits);
  // 全市共开展科普活动60场，其中我县承办8场: a share naming no event takes the total's (科普活动) as its label
  for (const x of found) shareLabel(doc, f, x);
  // (其中市科协主办42场共3000人次: the people glued to a share take the label it took)
  for (const x of found) {
    const event = x.gluedTo;
    if (!event || event.labelSpan.start >= x.labelSpan.start) continue;
    x.item.label = event.item.label;
    x.labelSpan = event.labelSpan;
    x.span = trimSpan(doc, { start: event.labelSpan.start, end: x.span.end });
  }
  // the same count restated in another top-level section (a summary: 全年共开展科普活动58场次 under 三、综合评价情况, then
  // 完成科普活动58场次 under 四、…产出指标) is one piece of work, kept once (the first statement): the same count, unit and
  // label, its opening verb aside; in one section two such counts are two pieces of work
  const restated = compile(f.restated_verb ?? '(?!)', '');
  const seen: { key: string; section: number }[] = [];
  const kept = found.filter((x) => {
    const key = `${x.item.label.replace(restated, '')}|${x.item.count}|${x.item.unit}|${x.item.approx ?? ''}`;
    const section = topSection(doc, x.span.start);
    if (section >= 0 && seen.some((y) => y.key === key && y.section !== section)) return false;
    seen.push({ key, section });
    return true;
  });
  doc.items.activities = kept.map((x) => ({ item: x.item, span: x.span, rule: x.rule }));
}

/** The start of the top-level section holding `at`, or -1 (sibling sub-sections under one, （一）科普日 and （二）科技周, may well
 *  hold equal counts: the top level tells a restatement elsewhere). */
function topSection(doc: KDocument, at: number): number {
  let best: { start: number; level: number } | null = null;
  for (const h of sectionsAt(doc, at)) if (!best || h.level < best.level) best = h;
  return best?.start ?? -1;
}

/** 一季度开展科普讲座8场，二季度开展12场 | 1月至6月举办培训班14期，7月至12月举办16期: `label` (the clause before a count) is
 *  only a part of the year and a bare holding verb (time_part, time_part_verb), right after `before`, a count of the same
 *  measure whose clause opens with a part of the year too: `before`, whose event this count is.
 *  Or `label` is only the year's total (year_total: 全年合计30期) after such counts, and `count` equals their sum (the counts
 *  of its measure before it in the sentence, walked back until they reach it). Else undefined. */
function timeSibling(doc: KDocument, f: ActivitiesFile, before: Found | undefined, label: string, gu: string, count: number | null, sentenceStart: number, found: Found[]): Found | undefined {
  if (!before || !f.time_part || !f.time_part_verb || before.rule !== 'activities.count') return undefined;
  const kind = (u: string) => f.part_units?.[u] ?? u;
  if (kind(before.item.unit) !== kind(gu)) return undefined;
  const part = compile(f.time_part, '');
  const opensPart = (s: string) => part.test(s.replace(/\s+/g, ''));
  // (the count before it opens its clause with a part of the year: the first of the run, or one that went on with it)
  if (!opensPart(doc.norm.slice(before.labelSpan.start, before.countEnd))) return undefined;
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
const TOPIC_YEAR = '^\\s*({YEAR_WRITTEN})\\s*年';

/** 2021年开展科普讲座20次，2022年开展24次，2023年开展30次 | 科普讲座2021年开展20场，2022年开展24场，2023年开展30场 in a 2023
 *  report: `label` (the clause before the count) is only the report's year and a bare holding verb (year_series_here); the
 *  clauses right before it in its sentence each count the same kind of event in an earlier year (year_series), and the
 *  nearest of them naming an event (`need`, share_event) names this count's: that topic and its span. Else undefined (a
 *  clause of another shape breaks the series: nothing is carried across it). */
function yearSeries(doc: KDocument, f: ActivitiesFile, label: string, clause: number, sentenceStart: number, gu: string, need: string): { label: string; span: Span } | undefined {
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
function yearAmongOthers(doc: KDocument, f: ActivitiesFile, label: string, sentence: Span): boolean {
  const y = compile(f.label_year, '').exec(label)?.groups?.year;
  if (!y) return false;
  // (bounded: a sentence without stops may run for pages)
  const text = doc.norm.slice(sentence.start, Math.min(sentence.end, sentence.start + 600));
  for (const m of text.matchAll(compile(f.series_year!, 'g'))) if (m.groups?.year && yearNumber(m.groups.year) !== yearNumber(y)) return true;
  return false;
}

/** 主办42场共3000人次: the text after an event count opens with the people counted at it (only glued_lead between). */
function gluedPeopleAfter(f: ActivitiesFile, rest: string): boolean {
  return !!f.glued_lead && compile(f.glued_people, '').test(rest.replace(compile(f.glued_lead, ''), ''));
}

// a clause that is only 和/以及/及/与 (…6次科普讲座，和3次科普展览)
const JOINER_CLAUSE = /^\s*(?:以及|和|及|与)\s*$/;

// an earlier count and its measure word joined to the next by 、/和/及/与 (开展党组理论学习12次、): group 1 the earlier part
const EARLIER_COUNT = /^(.*(?:\d|[一二三四五六七八九十百千两])\s*(?:余|多)?\s*(?:场次|场|期次|期|次))\s*(?:、|以及|和|及|与)\s*/;

/** 开展党组理论学习12次、科普讲座3次: the label holds an earlier count of the unit's own work (own_work_label) joined to this
 *  one, and only that earlier part trips not_label. */
function afterOwnWork(f: ActivitiesFile, label: string): boolean {
  if (!f.own_work_label) return false;
  const m = EARLIER_COUNT.exec(label);
  if (!m || /\d/.test(label.slice(m[0].length))) return false;
  const earlier = m[1], rest = label.slice(m[0].length);
  const notLabel = compile(f.not_label, '');
  return rest.length > 0 && compile(f.own_work_label, '').test(earlier) && !notLabel.test(rest) && !notLabel.test(earlier.replace(compile(f.own_work_label, 'g'), ''));
}

/** 召开党组会议4次和: the label is only an earlier count of the unit's own work and a joiner, nothing of its own. */
function ownCountOnly(f: ActivitiesFile, label: string): boolean {
  if (!f.own_work_label) return false;
  const m = EARLIER_COUNT.exec(label);
  return !!m && m[0].length === label.length && compile(f.own_work_label, '').test(m[1]) && !/\d/.test(m[1].replace(/\d+\s*(?:余|多)?\s*(?:场次|场|期次|期|次)$/, ''));
}

/** The label without the unit named as its doer (label_subject, at the unit's own level) and a partner clause after it
 *  (label_partner): 我会联合县级学会在全县开展集中示范活动 → 开展集中示范活动. Unchanged when under two characters would be left. */
function trimDoer(f: ActivitiesFile, level: string, label: string): string {
  let out = label;
  const s = f.label_subject ? compile(f.label_subject, '').exec(out) : null;
  if (s && (!s.groups?.level || s.groups.level === level)) out = out.slice(s[0].length).replace(compile(f.strip_prefix, ''), '');
  const p = f.label_partner ? compile(f.label_partner, '').exec(out) : null;
  if (p) out = out.slice(p[0].length);
  const a = f.label_adverb ? compile(f.label_adverb, '').exec(out) : null;
  if (a) out = a.groups!.head + out.slice(a[0].length);
  return out.length >= 2 ? out : label;
}

/** The report's title or unit names this body (科技馆: a 科技馆's own report, or a 科协's report on the 科技馆's fund). */
function reportNames(doc: KDocument, body: string): boolean {
  const title = doc.facts.find((x) => x.path === '/meta/title')?.value;
  return [typeof title === 'string' ? title : '', unitName(doc) ?? ''].some((t) => t.includes(body));
}

/** The text states that the department includes this body (市科协（含市科技馆）…, 本部门决算包括市科协本级和所属市科技馆): see
 *  museum_included. Found once per document. */
const included = new WeakMap<KDocument, Set<string>>();
// (含市科学技术馆 … 市科技馆接待…: one body, its name written out or short)
const museumWord = (w: string) => w.replace('科学技术馆', '科技馆');
function departmentIncludes(doc: KDocument, f: ActivitiesFile, body: string): boolean {
  let bodies = included.get(doc);
  if (!bodies) {
    bodies = new Set<string>();
    if (f.museum_included) for (const m of matches(doc, f.museum_included)) bodies.add(museumWord(m.m.groups!.museum));
    included.set(doc, bodies);
  }
  return bodies.has(museumWord(body));
}

/** Years listed before 分别 and as many counts after the event (year_respectively): the count in the report's year's place,
 *  labelled by the verb and event between them. */
function yearRespectively(doc: KDocument, f: ActivitiesFile, overlaps: (s: Span) => boolean, level: string): { found: Found; countSpan: Span }[] {
  const fy = doc.data.fiscalYear;
  if (!f.year_respectively || !f.year_respectively_year || !f.year_respectively_count || typeof fy !== 'number') return [];
  const out: { found: Found; countSpan: Span }[] = [];
  for (const m of matches(doc, f.year_respectively)) {
    const ys = m.group('years')!, cs = m.group('counts')!;
    // (开展科普讲座 after 分别, or between the years and 分别; a bare verb there takes its event from the topic before the years)
    const mid = m.group('mid'), after = m.group('label'), topic = m.group('topic');
    if ((mid && after) || (!mid && !after)) continue;
    const ls = (mid ?? after)!;
    let verbOnly = doc.norm.slice(ls.start, ls.end).replace(/\s+/g, '');
    const topicText = topic ? doc.norm.slice(topic.start, topic.end) : '';
    const topicEvent = !!topicText && !!f.share_event && compile(f.share_event, '').test(topicText) && !compile(f.year_respectively_topic_not ?? '(?!)', '').test(topicText);
    if (!/^(?:开展|举办|举行|组织|完成|发放|培训|接待)$/.test(verbOnly)) verbOnly = '';
    else if (!topicEvent) continue;
    const years = [...doc.norm.slice(ys.start, ys.end).matchAll(compile(f.year_respectively_year, 'g'))].map((y) => yearNumber(y.groups!.year));
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
    if (pre.replace(compile(f.strip_prefix, ''), '').replace(compile(f.label_subject ?? '(?!)', ''), '')) continue;
    if (overlaps(countSpan) || otherSubject(doc, f, level, sentence.start, opens) || inTargets(doc, f, at) || otherYearAt(doc, at, f)) continue;
    if (sectionsAt(doc, at).some((h) => compile(f.not_sections, '').test(h.title))) continue;
    const span = trimSpan(doc, { start: m.span.start, end: m.span.end });
    out.push({ found: { span, rule: 'activities.year-respectively', item: { label, count, unit, approx: null }, labelSpan: ls, countEnd: countSpan.end }, countSpan });
  }
  return out;
}

/** A clause of the sentence before `at` opens with another body as the subject of the counted work (see other_subject),
 *  and no later clause before `at` opens with the unit itself (unit_subject). */
function otherSubject(doc: KDocument, f: ActivitiesFile, level: string, from: number, at: number): boolean {
  if (!f.other_subject || !f.unit_subject) return false;
  const other = compile(f.other_subject, '');
  const self = compile(f.unit_subject, '');
  const guided = compile(f.guided_body ?? '(?!)', '');
  const ownVerb = compile(f.guided_own_verb ?? '(?!)', '');
  let guidedOn = false;
  const higher = level && f.higher_place?.[level] ? compile(f.higher_place[level], '') : null;
  // 其中我县承办8场: the unit's place doing the work (by the unit's level only)
  const place = f.unit_place ? compile(f.unit_place, '') : null;
  let theirs = false;
  // (a museum's or centre's own report: a 科协 named by its level, 县科协组织开展全国科普日活动12场, is its parent, another body)
  const name = unitName(doc);
  const notSociety = !!name && !/(?:科协|科学技术协会)$/.test(name) && /(?:馆|中心)$/.test(name);
  // (the clauses within 500 characters before it, as for the multi-year words: a run of text without stops is no sentence)
  let s = from;
  if (at - from > 500) {
    s = at - 500;
    while (s < at && !BOUNDARY.has(doc.norm[s - 1])) s++;
  }
  while (s < at) {
    let e = s;
    while (e < at && !BOUNDARY.has(doc.norm[e])) e++;
    // (both patterns are anchored and short: 200 characters hold any match)
    const text = doc.norm.slice(s, Math.min(at, s + 200));
    const o = other.exec(text);
    // another level's 科协: another body when the unit's level is known and differs, or it works in the unit's place
    // (a science museum or centre as the subject is another body, unless the report is its own or its fund's: the title names it)
    // (nor when the text says the department includes it: 市科协（含市科技馆）, its work is the department's as its money is)
    const museum = o?.groups?.museum ? !reportNames(doc, o.groups.museum) && !departmentIncludes(doc, f, o.groups.museum) : true;
    // (市科协机关和市科技馆共开展…: the unit and the museum summed, see joint_museum)
    const j = f.joint_museum ? compile(f.joint_museum, '').exec(text) : null;
    // (县科协指导各学会开展…64次，参会人员2000人次: the guided bodies' work and its people; a later clause with a verb of its own,
    // …，举办讲座12场, has the unit for its subject again: see guided_body)
    const guides = guided.test(text);
    if (guides) guidedOn = true;
    else if (guidedOn && ownVerb.test(text)) guidedOn = false;
    if (j && !reportNames(doc, j.groups!.museum) && !departmentIncludes(doc, f, j.groups!.museum)) theirs = true;
    else if ((o && museum && (!o.groups?.level || /中国|全国|上级/.test(o.groups.level) || o.groups.here || (level !== '' && o.groups.level !== level) || (notSociety && !!o.groups?.level))) || higher?.test(text)) theirs = true;
    else {
      const u = self.exec(text) ?? (level && place ? place.exec(text) : null);
      if (u && (!u.groups?.level || u.groups.level === level)) {
        theirs = false;
        if (!guides) guidedOn = false;
      }
    }
    s = e + 1;
  }
  return theirs || guidedOn;
}

// a share's count: a figure and a measure word of share_units (longest first: 场次 before 场), made once per file
let partCountOf: { units: Record<string, string>; re: RegExp } | null = null;
function partCount(units: Record<string, string>): RegExp {
  if (partCountOf?.units !== units) {
    const words = Object.keys(units).sort((a, b) => b.length - a.length).join('|');
    partCountOf = { units, re: new RegExp(`(?:\\d|[一二三四五六七八九十百两])\\s*(?:余|多)?\\s*(${words})`) };
  }
  return partCountOf.re;
}

/** The nearest count before `labelEnd` in the sentence ending right before `sentenceStart` whose measure is of the family of
 *  `gu` (开展培训12期，培训人数达600人。其中，县科协直接组织4期: the share's total, past the people counted after it). */
function previousOfKind(doc: KDocument, used: Span[], byEnd: Map<number, Found>, units: Record<string, string>, gu: string, labelEnd: number, sentenceStart: number): Found | undefined {
  const before = sentenceAt(doc, Math.max(0, sentenceStart - 1)).start;
  for (let k = firstIndex(used, (u) => u.end > labelEnd) - 1; k >= 0 && used[k].end > before; k--) {
    const x = byEnd.get(used[k].end);
    if (x && units[x.item.unit] === units[gu]) return x;
  }
  return undefined;
}

/** A count of events that the rest of its sentence splits into shares: after 其中, or after a place's total (全县共开展…),
 *  a clause opening with the unit or another body that counts events of the same kind (see place_subject). */
function sharedTotal(doc: KDocument, f: ActivitiesFile, x: { rule: string; item: Activity; labelSpan: Span; countEnd: number }): boolean {
  const family = f.share_units;
  if (!family || !f.place_subject || !f.unit_subject || !f.other_subject || x.rule !== 'activities.count' || !family[x.item.unit]) return false;
  const self = compile(f.unit_subject, '');
  const opening = doc.norm.slice(x.labelSpan.start, Math.min(x.labelSpan.start + 200, x.countEnd));
  if (self.test(opening)) return false;
  const place = compile(f.place_subject, '').test(opening);
  const other = compile(f.other_subject, '');
  const part = partCount(family);
  // (the clauses within 300 characters after it: a run of text without stops is no sentence)
  const end = Math.min(sentenceAt(doc, x.countEnd - 1).end, x.countEnd + 300);
  let s = x.countEnd;
  let share = false;
  while (s < end) {
    let e = s;
    while (e < end && !BOUNDARY.has(doc.norm[e])) e++;
    const clause = doc.norm.slice(s, e);
    if (/^\s*其中/.test(clause)) share = true;
    const n = part.exec(clause);
    if ((place || share) && n && !compile(f.share_each ?? '(?!)', '').test(clause) && family[n[1]] === family[x.item.unit] && (self.test(clause) || other.test(clause))) return true;
    s = e + 1;
  }
  return false;
}

const LIST_MARKER = /^[ \t\u3000]*(?:[一二三四五六七八九十]+是|\d{1,2}[、.．](?!\d)|[(（][一二三四五六七八九十\d]{1,2}[)）]|[①②③④⑤⑥⑦⑧⑨⑩])/;

type Found = { span: Span; item: Activity; rule: string; labelSpan: Span; countEnd: number; gluedTo?: Found };

/** The counts of `found` that break down a count before them: in brackets right after it (20场（线上8场，线下12场）), or after a
 *  clause opening with part_lead (其中, 包括, 分别为 …) later in its sentence or opening the next one; of its measure
 *  (part_units) and, in order, summing to at most it (an approximate total: under twice it). Also the parts before a total
 *  that sums them exactly, in a clause opening with total_lead (科普进校园5场、进社区3场，共计开展科普活动8场). */
function breakdownParts(doc: KDocument, f: ActivitiesFile, found: Found[], notUnits: Found[] = []): Set<Found> {
  const out = new Set<Found>();
  if (!f.part_units || !f.part_lead) return out;
  const family = f.part_units;
  const lead = compile(f.part_lead, '');
  const sorted = [...found].sort((a, b) => a.countEnd - b.countEnd);
  for (let i = 0; i < sorted.length; i++) {
    const t = sorted[i];
    const kind = family[t.item.unit];
    if (!kind || out.has(t)) continue;
    // the region holding its parts
    let from = -1, to = -1;
    const rest = doc.norm.slice(t.countEnd, t.countEnd + 3);
    const open = /^\s*[(（]/.exec(rest);
    // 接待观众23.7万人次（较上年增长18.5%），其中青少年观众14.2万人次: a bracket holding no count of its measure is an aside;
    // the parts may follow it after 其中 as they would right after the count
    let asideEnd = -1;
    if (open) {
      const at = t.countEnd + open[0].length;
      const close = doc.norm.slice(at, at + 200).search(/[)）]/);
      const inside = close >= 0 && sorted.some((y) => y.countEnd > at && y.countEnd <= at + close && family[y.item.unit] === kind);
      if (close < 0 || inside) {
        from = at;
        to = close < 0 ? -1 : at + close;
      } else asideEnd = at + close + 1;
    }
    if (!open || asideEnd >= 0) {
      const sentence = sentenceAt(doc, t.countEnd - 1);
      // (the clauses after it in its sentence: the first opening with part_lead; or the next sentence opening with it when no
      // count of its measure follows it in its own)
      let s = asideEnd >= 0 ? asideEnd : t.countEnd;
      const end = Math.min(sentence.end, t.countEnd + 300);
      while (s < end && from < 0) {
        let e = s;
        while (e < end && !BOUNDARY.has(doc.norm[e])) e++;
        if (lead.test(doc.norm.slice(s, e))) from = s;
        s = e + 1;
      }
      if (from >= 0) {
        to = listEnd(doc, f, end, t.countEnd + 300);
        // 全年开展科普活动58场次，其中：⏎1.科普日活动20场次；⏎2.…: a lead closing its line opens a list of parts on the lines
        // after it that open with a list marker
        if (f.part_list_lead && compile(f.part_list_lead, '').test(doc.norm.slice(from, doc.norm.indexOf('\n', from) < 0 ? doc.norm.length : doc.norm.indexOf('\n', from)))) {
          let lineEnd = doc.norm.indexOf('\n', from);
          while (lineEnd >= 0 && lineEnd + 1 < doc.norm.length) {
            let next = doc.norm.indexOf('\n', lineEnd + 1);
            if (next < 0) next = doc.norm.length;
            if (!LIST_MARKER.test(doc.norm.slice(lineEnd + 1, next))) break;
            to = next;
            lineEnd = next;
          }
        }
      }
      // 开展科普活动60余场，县科协直接组织12场 | …，我会承办8场: shares in the clauses right after it, each opening with the unit
      // or another body and naming no event of its own, are read as after 其中
      // (not after a share itself: 其中我区主办8场，本单位牵头组织5场 are two shares of one total)
      // (the total's own clause, looked for within 200 characters: a walk back to the sentence's start at every count is
      // quadratic on a line of counts with no clause end)
      const own = doc.norm.slice(clauseStart(doc.norm, t.countEnd, Math.max(sentence.start, t.countEnd - 200)), t.countEnd);
      const run = from < 0 && !lead.test(own) && !isShareClause(doc, f, own) ? shareRun(doc, f, t.countEnd, end) : null;
      if (run) ({ from, to } = run);
      else if (from < 0 && !kindBetween(sorted, i, sentence.end, family, kind)) {
        const next = sentenceAt(doc, sentence.end + 1);
        if (next.start > t.countEnd && next.start - sentence.end <= 2 && lead.test(doc.norm.slice(next.start, next.end))) {
          from = next.start;
          to = listEnd(doc, f, Math.min(next.end, next.start + 300), next.start + 300);
        }
        // 开展科普讲座12场。线上讲座4场，线下讲座8场。: the next sentence only counts of its measure, no verb of holding, summing
        // to it exactly: its parts, with no lead word
        else if (f.part_sentence_not && next.start > t.countEnd && next.start - sentence.end <= 2 && !compile(f.part_sentence_not, '').test(doc.norm.slice(next.start, next.end))) {
          const inNext = sorted.filter((y) => y.countEnd > next.start && y.countEnd <= next.end);
          if (inNext.length >= 2 && inNext.every((y) => family[y.item.unit] === kind) && inNext.reduce((n, y) => n + y.item.count, 0) === t.item.count) {
            for (const y of inNext) out.add(y);
            continue;
          }
        }
      }
    }
    if (from < 0 || to < 0) continue;
    // 开展科普活动20场。其中，县科协组织12场，乡镇科协组织8场。: shares naming the unit or another body split the total as
    // sharedTotal's do in its own sentence: the total is not the unit's, its share is
    // (not a total its own clause says is the unit's: 县科协开展科普活动86场，其中… stays, as in sharedTotal)
    if (f.unit_subject && f.other_subject && !compile(f.unit_subject, '').test(doc.norm.slice(t.labelSpan.start, t.countEnd)) && namesBody(doc, f, from, to)) {
      out.add(t);
      notUnits.push(t);
      continue;
    }
    // (a count of its measure between it and the parts is the one they break down)
    if (kindBetween(sorted, i, from, family, kind)) continue;
    // 开展科普活动86场，其中：科普讲座32场、科技培训20期、科普宣传34场: a part counted in another event measure (期, 次) is one
    // when the event counts there sum to the total exactly
    if (!t.item.approx && f.share_units?.[t.item.unit]) {
      const events = sorted.slice(i + 1).filter((y) => y.countEnd > from && y.countEnd <= to && f.share_units![y.item.unit]);
      // (a part is named by its kind alone, 科技培训20期; one with its own holding verb, 举办培训班12期, is a piece of work of its own)
      const other = events.filter((y) => family[y.item.unit] !== kind);
      if (events.length > 1 && other.length && !(f.part_own_verb && other.some((y) => compile(f.part_own_verb!, '').test(y.item.label))) && events.reduce((n, y) => n + y.item.count, 0) === t.item.count) {
        for (const y of events) out.add(y);
        continue;
      }
    }
    const limit = t.item.approx ? 2 * t.item.count - 1 : t.item.count;
    let sum = 0;
    for (let j = i + 1; j < sorted.length; j++) {
      const y = sorted[j];
      if (y.countEnd > to) break;
      if (y.countEnd <= from || family[y.item.unit] !== kind) continue;
      if (sum + y.item.count > limit) break;
      sum += y.item.count;
      out.add(y);
    }
  }
  // 科普进校园5场、科普进社区3场，共计开展科普活动8场: a total after the parts it sums
  if (f.total_lead) {
    const total = compile(f.total_lead, '');
    for (let i = 0; i < sorted.length; i++) {
      const t = sorted[i];
      const kind = family[t.item.unit];
      if (!kind || out.has(t) || !total.test(doc.norm.slice(t.labelSpan.start, t.countEnd))) continue;
      // (举办科普讲座30场，参与群众3000人次；举办科普展览10场，参与群众5000人次；共计受益群众8000人次: parts in clauses closed by ；
      // are summed too, back to the full stop or the line's start — the exact sum tells the total)
      const from = fullStopBefore(doc, sentenceAt(doc, t.countEnd - 1).start);
      let sum = 0;
      const run: Found[] = [];
      for (let j = i - 1; j >= 0 && sum < t.item.count; j--) {
        const y = sorted[j];
        if (y.span.start < from) break;
        if (family[y.item.unit] !== kind || out.has(y)) continue;
        sum += y.item.count;
        run.push(y);
      }
      if (sum === t.item.count && run.length > 1) for (const y of run) out.add(y);
    }
  }
  return out;
}

/** The start of the text closed by the full stop (or the line start) before `at`, across sentences closed by ；: at most
 *  500 characters back (a text without stops must not be rescanned at every count). */
function fullStopBefore(doc: KDocument, at: number): number {
  const lo = Math.max(0, at - 500);
  for (let k = at - 1; k >= lo; k--) if (/[。!?！？\n]/.test(doc.norm[k])) return k + 1;
  // (no stop within reach: the sentence's own start)
  return lo === 0 ? 0 : at;
}

/** 其中：科普日活动12场次；科技周活动8场次；科普进校园活动20场次。: parts listed in clauses each closed by ； (each a sentence
 *  of its own) go on after `to`, the end of the first one, on its line and up to `limit`: the sentences closed by ； before it
 *  that name no holding verb before their count (part_item_not: …；举办科普讲座10场 is a piece of work of its own). */
function listEnd(doc: KDocument, f: ActivitiesFile, to: number, limit: number): number {
  if (!f.part_item_not) return to;
  const own = compile(f.part_item_not, '');
  let end = to;
  while (end < limit && /[;；]/.test(doc.norm[end - 1] ?? '')) {
    const next = sentenceAt(doc, end);
    if (next.end <= end || next.end > limit || doc.norm.slice(end, next.end - 1).includes('\n') || own.test(doc.norm.slice(next.start, next.end))) break;
    end = next.end;
  }
  return end;
}

/** Drops from `found` the counts of people right after each total that is not the unit's (`totals`: split into the unit's
 *  and other bodies' shares), in its sentence and before any count kept after it: the total's reach (全县共开展科普活动150场，
 *  受益群众5万人次，其中县科协组织30场). People after the unit's share (…，其中县科协组织30场，受益群众8000人次) are its share's. */
function dropTotalsReach(doc: KDocument, f: ActivitiesFile, found: Found[], totals: Found[]): void {
  const people = (x: Found) => f.glued_units.people.includes(x.item.unit);
  for (const t of totals) {
    const sentence = sentenceAt(doc, t.countEnd - 1);
    const next = found.filter((x) => !people(x) && x.countEnd > t.countEnd).reduce((n, x) => Math.min(n, x.countEnd), Infinity);
    for (let i = found.length - 1; i >= 0; i--) {
      const y = found[i];
      if (people(y) && y.countEnd > t.countEnd && y.countEnd <= sentence.end && y.countEnd < next) found.splice(i, 1);
    }
  }
}

/** The clauses right after a count (at `at`, one clause boundary between) that are each a share of it: opening with the unit,
 *  its place or another body as the doer, then only a verb and a count of a share measure (县科协直接组织12场, 我会承办8场,
 *  乡镇科协组织48场); their extent, or null. A clause naming an event of its own (县科协举办讲座10场) is no share. */
function shareRun(doc: KDocument, f: ActivitiesFile, at: number, end: number): { from: number; to: number } | null {
  if (!f.share_units || !f.share_event || !f.unit_subject || !f.other_subject) return null;
  if (!/^[，,]$/.test(doc.norm.slice(at, at + 1))) return null;
  let s = at + 1, to = -1;
  while (s < end) {
    let e = s;
    while (e < end && !BOUNDARY.has(doc.norm[e])) e++;
    if (!isShareClause(doc, f, doc.norm.slice(s, e))) break;
    to = e;
    if (!/^[，,]$/.test(doc.norm[e] ?? '')) break;
    s = e + 1;
  }
  return to < 0 ? null : { from: at + 1, to };
}

// a share clause's count at its end: a figure and a measure word of share_units (made once per file)
let shareTailOf: { units: Record<string, string>; re: RegExp } | null = null;
function isShareClause(doc: KDocument, f: ActivitiesFile, clause: string): boolean {
  const units = f.share_units!;
  if (shareTailOf?.units !== units) {
    const words = Object.keys(units).sort((a, b) => b.length - a.length).join('|');
    shareTailOf = { units, re: new RegExp(`(?:共|共计)?\\s*(?:\\d+|[一二三四五六七八九十百两]+)\\s*(?:余|多)?\\s*(?:${words})\\s*$`) };
  }
  const tail = shareTailOf.re.exec(clause);
  if (!tail) return false;
  const head = clause.slice(0, tail.index);
  if (compile(f.share_event!, '').test(head) || compile(f.share_each ?? '(?!)', '').test(head)) return false;
  const level = unitLevel(doc);
  const self = compile(f.unit_subject!, '').exec(head) ?? (level && f.unit_place ? compile(f.unit_place, '').exec(head) : null);
  if (self) return (!self.groups?.level || self.groups.level === level) && compile(f.share_verb ?? '(?!)', '').test(head.slice(self[0].length));
  const other = compile(f.other_subject!, '').exec(head);
  return !!other && compile(f.share_verb ?? '(?!)', '').test(head.slice(other[0].length));
}

/** A clause in [from, to) opens with the unit or another body as the doer (其中县科协组织12场, 乡镇科协组织8场). */
function namesBody(doc: KDocument, f: ActivitiesFile, from: number, to: number): boolean {
  const self = compile(f.unit_subject!, '');
  const other = compile(f.other_subject!, '');
  let s = from;
  while (s < to) {
    let e = s;
    while (e < to && !BOUNDARY.has(doc.norm[e])) e++;
    const clause = doc.norm.slice(s, e);
    if (self.test(clause) || other.test(clause)) return true;
    s = e + 1;
  }
  return false;
}

/** A count of the measure `kind` after `sorted[i]` (sorted by end) ending at or before `end`. */
function kindBetween(sorted: Found[], i: number, end: number, family: Record<string, string>, kind: string): boolean {
  for (let j = i + 1; j < sorted.length && sorted[j].countEnd <= end; j++) if (family[sorted[j].item.unit] === kind) return true;
  return false;
}

/** A share after 其中 whose label names no event (其中我县承办8场) takes the event of the count it is a share of, said with its
 *  verb before 其中 in its sentence (全市共开展科普活动60场 → 科普活动): the label and the evidence's start. */
function shareLabel(doc: KDocument, f: ActivitiesFile, x: Found): void {
  if (!f.share_event || !f.share_units?.[x.item.unit]) return;
  const event = compile(f.share_event, '');
  // (其中县科协本级培训8期 after 开展农村实用技术培训26期次: a share naming only the last word of the total's event, 培训, is of
  // that event all the same; looked for only for such a short label)
  const tailOnly = x.item.label.length <= 4;
  if (event.test(x.item.label) && !tailOnly) return;
  const sentence = sentenceAt(doc, x.countEnd - 1);
  // (开展科普活动20场。其中，县科协组织12场: a sentence opening with 其中 shares the count of the sentence before it)
  const opensShare = /^\s*其中/.test(doc.norm.slice(sentence.start, sentence.end)) && sentence.start > 1;
  const from = Math.max(opensShare ? sentenceAt(doc, sentence.start - 2).start : sentence.start, x.labelSpan.start - 300);
  const before = doc.norm.slice(from, x.countEnd);
  let at = before.lastIndexOf('其中');
  // (…120场次，县科协直接组织18场次: a share clause right after a count of its kind, as shareRun reads them)
  if (at < 0 && isShareClause(doc, f, doc.norm.slice(x.labelSpan.start, x.countEnd)) && partCount(f.share_units).test(doc.norm.slice(Math.max(from, x.labelSpan.start - 8), x.labelSpan.start))) at = x.labelSpan.start - from;
  if (at < 0) return;
  let noun: { start: number; text: string } | null = null;
  for (const m of before.slice(0, at).matchAll(compile(f.share_total ?? '(?!)', 'g'))) {
    noun = { start: from + m.index! + m[0].indexOf(m.groups!.noun), text: m.groups!.noun };
  }
  if (!noun || !event.test(noun.text)) return;
  const label = cleanValue(doc.display.slice(noun.start, noun.start + noun.text.length));
  if (event.test(x.item.label) && !(label.length > x.item.label.length && label.endsWith(x.item.label))) return;
  x.item.label = label;
  x.labelSpan = { start: noun.start, end: noun.start + noun.text.length };
  x.span = trimSpan(doc, { start: noun.start, end: x.span.end });
}

/** The clause [from, to) before a bare total names the ordinals of the sessions counted (举办“科普大讲堂”第15期至第26期 |
 *  举办第1至6期科技夜校): its words around the ordinals are the event (label, its span and a tail after the ordinals) when the
 *  ordinals are of the count's measure; 'not' when their span disagrees with the count; null when there are none. */
function ordinalRun(doc: KDocument, f: ActivitiesFile, gu: string, count: number | null, from: number, to: number): { label: string; span: Span; tail: Span | null } | 'not' | null {
  // (its ordinals are numbered with 第: a clause without one is not tried, as a line of thousands of counts without a
  // stop would be at every count)
  if (!f.ordinal_run || !charBetween(doc.norm, '第', from, to)) return null;
  const m = compile(f.ordinal_run, '').exec(doc.norm.slice(from, to));
  if (!m?.groups) return null;
  const same = (u: string) => (f.part_units?.[u] ?? u) === (f.part_units?.[gu] ?? gu);
  if (!same(m.groups.unit.replace(/\s+/g, ''))) return null;
  const a = toCount(m.groups.from), b = toCount(m.groups.to);
  if (a === null || b === null || count === null || b - a + 1 !== count) return 'not';
  const before = { start: from + m.index, end: from + m.index + m.groups.before.length };
  const afterAt = from + m.index + m[0].length - m.groups.after.length;
  const after = { start: afterAt, end: afterAt + m.groups.after.length };
  const label = (doc.norm.slice(before.start, before.end) + doc.norm.slice(after.start, after.end)).replace(/\s+/g, '');
  if (before.end > before.start) return { label, span: before, tail: after.end > after.start ? after : null };
  return { label, span: after, tail: null };
}

/** The event a bare holding verb counts (科普讲座：全年共开展45场 | （一）科普讲座⏎全年共开展45场): the lead before the colon or
 *  comma that closes the clause before it on its line (a clause that is only a topic), else the title of the innermost section it is in, with no count taken between
 *  the title and it; only when that names an event (share_event) the measure word can count (`need`). Its span, or null. */
function bareTopic(doc: KDocument, f: ActivitiesFile, need: string, clause: number, floor: number, at: number, used: Span[]): Span | 'not' | null {
  if (!f.bare_topic || !f.share_event) return null;
  const names = (from: number, to: number): Span | 'not' | null => {
    const m = compile(f.bare_topic!, '').exec(doc.norm.slice(from, to));
    const topic = m?.groups?.topic;
    // (（二）党建工作⏎全年共开展12次: what the lead or the title names is no activity, and neither is the count)
    if (topic && compile(f.not_label, '').test(topic)) return 'not';
    if (!topic || !compile(f.share_event!, '').test(topic) || !compile(need, '').test(topic)) return null;
    const start = from + m.index + m[0].indexOf(topic);
    return { start, end: start + topic.length };
  };
  // (科普讲座方面，全年共开展12次 | 围绕科技活动周，全年共开展45场: a clause that is only a topic leads it as a colon's lead does)
  if (clause > floor) return /[:：，,]/.test(doc.norm[clause - 1]) ? names(clauseStart(doc.norm, clause - 1, floor), clause) : null;
  let h: { start: number; end: number; level: number } | null = null;
  for (const x of sectionsAt(doc, at)) if (x.end <= at && (!h || x.level > h.level)) h = x;
  if (!h || at - h.end > 300 || used.some((u) => u.start >= h!.end && u.start < at)) return null;
  return names(h.start, h.end);
}

/** For a label that is only a result word (实际完成, or empty after such a word and its colon), the item's name: the clause
 *  before the last target word (目标值, 指标值 …) in the sentence, or the text before it in its clause. */
function resultItem(doc: KDocument, f: ActivitiesFile, label: string, clause: number, from: number): { text: string; span: Span } | null {
  if (!f.result_label || !f.result_item) return null;
  const bare = compile(f.result_label, '');
  if (label.trim()) {
    if (!bare.test(label.replace(/\s+/g, ''))) return null;
  } else {
    // 实际完成：6200份 (the label is empty after the colon)
    if (clause - 1 <= from || !/[:：]/.test(doc.norm[clause - 1])) return null;
    const before = doc.norm.slice(clauseStart(doc.norm, clause - 1, from), clause - 1).replace(/\s+/g, '');
    if (!bare.test(before)) return null;
  }
  // (bounded: within 200 characters before the clause)
  const lo = Math.max(from, clause - 200);
  let t = -1, tEnd = -1;
  for (const m of doc.norm.slice(lo, clause).matchAll(compile(f.result_item, 'g'))) (t = lo + m.index!), (tEnd = t + m[0].length);
  if (t < 0) return null;
  let end = t;
  while (end > lo && /[\s:：]/.test(doc.norm[end - 1])) end--;
  let start = clauseStart(doc.norm, end, lo);
  // 受益人数：目标5000人次 | 发放科普资料，指标值：≥5000份: the target word opens its clause, the name is the clause before
  if (start === end && end > lo && BOUNDARY.has(doc.norm[end - 1])) {
    end--;
    start = clauseStart(doc.norm, end, lo);
  }
  const raw = doc.norm.slice(start, end);
  const lead = compile(f.strip_prefix, '').exec(raw)?.[0].length ?? 0;
  const text = raw.slice(lead).replace(/\s+/g, '');
  // (数量指标：目标值为举办科普讲座20场: a kind of indicator names no item; the target's own phrase does, when it is there)
  const named = text.length >= 2 && text.length <= 16 && !/\d/.test(text) ? { text, span: trimSpan(doc, { start: start + lead, end }) } : null;
  const kindOnly = named && f.result_item_not && compile(f.result_item_not, '').test(text);
  if (named && !kindOnly) return named;
  // 计划开展科普活动30场，实际完成32场: nothing named before the target word; its own phrase, up to its number, names the item
  const own = f.target_phrase ? compile(f.target_phrase, '').exec(doc.norm.slice(tEnd, clause)) : null;
  if (!own?.groups?.item) return named;
  const at = tEnd + own.index + own[0].indexOf(own.groups.item);
  const item = own.groups.item.replace(/\s+/g, '');
  if (item.length < 2 || item.length > 16) return named;
  return { text: item, span: trimSpan(doc, { start: at, end: at + own.groups.item.length }) };
}

function inTargets(doc: KDocument, f: ActivitiesFile, offset: number): boolean {
  if (doc.reportKind && f.target_report_kinds?.includes(doc.reportKind)) return true;
  const sections = sectionsAt(doc, offset);
  // (三、绩效目标完成情况 ⏎ (一)产出目标: a kind of indicator's goal under a heading saying they were met states results)
  const done = (i: number) => !!f.target_kind_sections && !!f.done_sections && compile(f.target_kind_sections, '').test(sections[i].title) && sections.slice(0, i).some((h) => compile(f.done_sections!, '').test(h.title));
  if (sections.some((h, i) => compile(f.target_sections, '').test(h.title) && !done(i))) return true;
  // the paragraph's opening words (bounded: a one-line report must not make this quadratic)
  const line = spanAt(doc.lines, offset);
  const from = Math.max(line?.start ?? sentenceAt(doc, offset).start, offset - 300);
  const text = doc.norm.slice(from, offset);
  let last = -1;
  for (const m of text.matchAll(compile(f.target_sentence, 'g'))) last = m.index! + m[0].length;
  // 年初计划开展科普活动30场，实际开展35场: a result stated after the target in its paragraph is no target
  return last >= 0 && !compile(f.result_after_target, '').test(text.slice(last));
}

/**
 * A table of the year's activities (活动名称⇥场次⇥参与人数（人次） over one row per activity, patterns/activities.yaml
 * `table`): each row's name with each count column's figure. Appended to the prose's activities in text order.
 */
export function activityTables(doc: KDocument, tables: { rows: { start: number; end: number; text: string }[][]; start: number }[]): void {
  const f = loadPatternFile<ActivitiesFile>('activities.yaml');
  if (!f.table || (doc.reportKind && f.target_report_kinds?.includes(doc.reportKind))) return;
  const nameRe = compile(f.table.name_header, '');
  const totalRe = compile(f.table.total_row, '');
  const heads = f.table.count_headers.map((h) => ({ unit: h.unit, re: compile(h.regex, '') }));
  const key = (t: string) => cleanValue(t).replace(/\s+/g, '');
  const found: { item: Activity; span: Span; rule: string }[] = [];
  for (const t of tables) {
    if (inTargets(doc, f, t.start) || otherYearBefore(doc, t.start)) continue;
    for (let ri = 0; ri < t.rows.length; ri++) {
      const header = t.rows[ri].map((c) => key(doc.norm.slice(c.start, c.end)));
      const nameCol = header.findIndex((h) => nameRe.test(h));
      if (nameCol < 0) continue;
      // a column of the report's year (2023年场次 in a 2023 report) is read without its year; another year's is none
      const fy = doc.data.fiscalYear;
      const ofYear = (h: string) => {
        const y = h.match(/^((?:19|20)\d{2})年度?/);
        return !y ? h : typeof fy === 'number' && Number(y[1]) === fy ? h.slice(y[0].length) : '';
      };
      const cols = header.map((h, i) => (i === nameCol || !ofYear(h) ? null : heads.find((x) => x.re.test(ofYear(h)))?.unit ?? null));
      if (!cols.some((u) => u)) continue;
      // (a row of another header or of text only ends the table's activities)
      for (const { row, name } of namedRows(doc, t.rows, ri, nameCol, totalRe)) {
        cols.forEach((unit, ci) => {
          const cell = row[ci];
          if (!unit || !cell) return;
          const v = parseValue(doc.norm.slice(cell.start, cell.end));
          if (!v || v.value === null || v.op || !Number.isInteger(v.value) || v.value < 1 || (v.unit !== null && v.unit !== unit)) return;
          found.push({ item: { label: name, count: v.value, unit, approx: v.approx }, span: { start: cell.start, end: cell.end }, rule: 'activities.table' });
        });
      }
      break;
    }
  }
  if (!found.length) return;
  const all = [...(doc.items.activities ?? []), ...found];
  all.sort((a, b) => a.span.start - b.span.start);
  doc.items.activities = all;
}

/** The table's caption or the two lines above it name a year other than the report's (2022年活动开展情况 in 2023). */
function otherYearBefore(doc: KDocument, at: number): boolean {
  const line = doc.lines.findIndex((l) => l.end >= at);
  const before = doc.lines.slice(Math.max(0, line - 2), Math.max(0, line)).map((l) => doc.norm.slice(l.start, l.end)).join('\n');
  const fy = doc.data.fiscalYear;
  for (const m of before.matchAll(/(?<!\d)((?:19|20)\d{2})(?!\d)/g)) if (typeof fy !== 'number' || Number(m[1]) !== fy) return true;
  return false;
}

/** The first index of a list whose items after some point all pass `test` (and none before it), or the list's length. */
function firstIndex<T>(list: T[], test: (x: T) => boolean): number {
  let lo = 0, hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (test(list[mid])) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
