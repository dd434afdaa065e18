// Counted activities (patterns/activities.yaml). The regex finds number + measure word; the label is the
// clause before it, and the label must carry a word that makes the measure word an activity count.
import { firstIndex, spanAt } from '../document.js';
import type { KDocument, Span } from '../document.js';
import { cleanValue } from '../normalise/fold.js';
import { toCount, yearNumber } from '../normalise/numbers.js';
import { compile, derived, loadPatternFile } from '../patterns.js';
import type { Activity } from '../schema/record.js';
import { tokenAt } from '../segment/index.js';
import { dictionaryPiece } from '../segment/jieba.js';
import { noteParts } from './activities/noteParts.js';
import { channelSibling } from './activities/channels.js';
import { breakdownParts, dropTotalsReach, isShareClause, ordinalRun, placeShares, previousOfKind, shareLabel, sharedTotal } from './activities/breakdowns.js';
import { BOUNDARY, clauseStart } from './activities/clauses.js';
import type { ActivitiesFile, Found } from './activities/file.js';
import { sameUnit } from './activities/file.js';
import { meetingOf } from './activities/meetings.js';
import { respectivelyMid } from './activities/respectivelyMid.js';
import type { MidParts } from './activities/respectivelyMid.js';
import { EARLIER_COUNT, JOINER_CLAUSE, afterOwnWork, bareDoer, otherSubject, ownCountOnly, trimDoer, trimOwnSociety } from './activities/owners.js';
import { dropRestatedResults } from './activities/restatedResults.js';
import { TOPIC_YEAR, inTargets, otherYearBefore, targetState, timeSibling, yearAmongOthers, yearRespectively, yearSeries } from './activities/years.js';
import { MAX_BEFORE, matches, otherYearAt, saysOtherYear, sectionsAt, sentenceAt, trimSpan, unitLevel } from './engine.js';
import { namedRows } from './namedRows.js';
import { sentenceAt as wrappedSentenceAt } from './prose.js';
import { timeParts } from './timeParts.js';
import { parseValue } from './values.js';

export function extractActivities(doc: KDocument, claimed: Span[]): void {
  const f = loadPatternFile<ActivitiesFile>('activities.yaml');
  const found: { span: Span; item: Activity; rule: string; labelSpan: Span; countEnd: number; head?: { item: Activity }; gluedTo?: Found; joinedVia?: string; result?: boolean }[] = [];
  const respectively = compile(f.respectively ?? '(?!)', '');
  // (开展科技活动周和全国科普日活动，分别举办12场和20场: 分别 opening the label, the parts named in the clause before)
  const respectivelyLead = compile(f.respectively_lead ?? '(?!)', '');
  const heads = (label: string) => respectively.test(label) || respectivelyLead.test(label);
  // (上半年、下半年分别开展科普讲座12场、18场: 分别 inside the label, its parts before it; respectivelyMid.ts)
  const mids = new Map<object, MidParts | null>();
  const midOf = (x: { labelSpan: Span; rule: string }): MidParts | null => {
    if (x.rule !== 'activities.count') return null;
    if (!mids.has(x)) mids.set(x, respectivelyMid(doc, f, x.labelSpan));
    return mids.get(x)!;
  };
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
      // (36个班次 is 班次: the classes counted, 个 only their classifier)
      const gu = g.unit.replace(/[\s()/]+/g, '').replace(/^个班次$/, '班次');
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
      // (…，参与⏎群众3000余人: so does a label whose clause opens the count's line, the line end inside it, the line before
      // ending in words, no figure in its last clause: a table's row or a count there ends it — acts54)
      const lineHead = labelEnd >= lineStart && labelEnd <= numSpan.start ? doc.norm.slice(lineStart, labelEnd) : null;
      const opensLine = lineHead !== null && (lineHead.trim() ? clauseStart(doc.norm, labelEnd, lineStart) === lineStart && wordsEndLine(doc, lineStart) : labelEnd - lineStart <= 8 && /^[ \t]*[^\s]/.test(doc.norm.slice(match.span.end, match.span.end + 4)));
      const across = lineStart > 0 && opensLine && doc.norm[(spanAt(doc.lines, lineStart - 1)?.start ?? 0)] !== '\t' ? wrappedSentenceAt(doc, numSpan.start).start : lineStart;
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
        // (科普讲座：一季度3场、二季度5场: a part of the year alone before the count leaves the field's name the label; the parts
        // after it go on as 开展科普讲座一季度3场、二季度5场 does, timeSibling)
        const field = f.field_label && clause - 1 > prev && /[:：]/.test(doc.norm[clause - 1]) && (!doc.norm.slice(clause, labelEnd).trim() || timePartOnly(f, doc.norm.slice(clause, labelEnd))) ? clauseStart(doc.norm, clause - 1, prev) : -1;
        if (field >= 0 && compile(f.field_label!, '').test(doc.norm.slice(field, clause - 1))) labelSpan = { start: field, end: clause - 1 };
        // 举办培训3期150人 | 讲座5次共计300人次: people counted right after an event count share its label
        const glued = prev > floor && f.glued_units.people.includes(gu) ? [byEnd.get(prev)].find((x) => x && x.rule === p.id && f.glued_units.events.includes(x.item.unit)) : undefined;
        if (glued && compile(f.glued_between, '').test(doc.norm.slice(prev, labelEnd)) && compile(f.glued_people, '').test(doc.norm.slice(numSpan.start, numSpan.start + 24))) {
          labelSpan = glued.labelSpan;
          gluedTo = glued.item;
          gluedFound = glued;
        }
        // 培训农民860人，1260人次: a clause that is only a count of people right after a count of the same people in the other
        // measure (人/名 and 人次) counts them again: it takes that count's label (session 46)
        else if (prev > floor && f.people_pair?.[gu] && !doc.norm.slice(clause, labelEnd).trim() && /^\s*[，,、]\s*$/.test(doc.norm.slice(prev, clause))) {
          const pair = byEnd.get(prev);
          if (pair && pair.rule === 'activities.count' && f.people_pair[gu].split('|').includes(pair.item.unit)) labelSpan = pair.labelSpan;
        }
      }
      // (tested without spaces: an OCR'd or letter-spaced copy writes 受 益 群 众 3200 人 次)
      let label = doc.norm.slice(labelSpan.start, labelSpan.end).replace(/\s+/g, '');
      // 开展科普讲座、科普展览分别为12场、6场: a count right after one whose label ends in 分别 (only 、 between) is the next
      // part's; the parts are given out after the loop (…12场、6场、3场: a count after a follower follows the same head; session 47)
      const head = p.id === 'activities.count' && !gluedTo && prev > floor && /^[、和及与]?$/.test(label) ? [byEnd.get(prev)].map((x) => (x?.head as (typeof found)[number] | undefined) ?? x).find((x) => x && !x.head && (heads(x.item.label) || !!midOf(x))) : undefined;
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
      // (参与人数线上1.2万人次、线下3000人次: people counted by a channel alone after a count of theirs by another channel share its
      // reach words; acts53)
      const joinedKind = f.after_noun.includes(unit) || !!f.joined_units?.includes(unit) || channelJoined(doc, f, unit, prev > floor ? byEnd.get(prev) : undefined, labelSpan.end);
      // (发放科普资料2万余份，科普图书1200册: a clause that is only a material handed out, after such a count and a comma, shares
      // its verb too; joined_material)
      const commaJoined = !!f.joined_material && f.joined_material_units?.includes(unit) && /^[，,]\s*$/.test(doc.norm.slice(prev, clause)) && compile(f.joined_material, '').test(label);
      if (!head && !gluedTo && joinedKind && prev > floor && (/^、/.test(doc.norm.slice(prev, labelSpan.end)) || commaJoined)) {
        const joined = [byEnd.get(prev)].find((x) => x && (commaJoined ? f.joined_material_units!.includes(x.item.unit) : f.after_noun.includes(unit) ? f.after_noun.includes(x.item.unit) : x.item.unit === unit));
        // (…1届、科普知识竞赛1届、机器人竞赛1届: the verb is carried down a run of joined counts)
        if (joined) joinedVia = (joined.joinedVia ?? '') + doc.norm.slice(joined.labelSpan.start, joined.labelSpan.end).replace(/\s+/g, '');
        if (joinedVia) context = joinedVia + context;
      }
      // 举办学术年会1次，与会代表120人: 与会/出席 count people only at a meeting; at an academic one its audience, as 参会 does
      // (at the unit's own or with none named, no reach word: not read; meetingOf, meeting_reach)
      if (f.meeting_reach && f.glued_units.people.includes(unit) && !gluedTo) {
        const bare = label.replace(compile(f.strip_prefix, ''), '');
        if (compile(f.meeting_reach, '').test(bare) && meetingOf(doc, f, bare, sentence.start, clause) === 'academic') context = '参会' + context;
      }
      // 受益人数：目标5000人次，实际完成8200人次 | 发放科普资料，指标值：≥5000份，实际完成：6200份: a bare result word (also
      // as a label before its colon) names nothing; the item's name before the target word names the event or people
      const item = !head && !gluedTo ? resultItem(doc, f, label, clause, sentence.start, gu) : null;
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
      // (一季度开展科普讲座3场、二季度5场: 、 joins the parts as the comma does; it opens the label then)
      // (线上开展科普讲座12场，线下开展8场: the other channel's part likewise, labelled 线下开展科普讲座; channelSibling — acts56)
      const listed = clause === prev && /^、/.test(label);
      const sibling = need && !gluedTo && !head && !item && p.id === 'activities.count' && prev > floor && (listed || /^[，,]\s*$/.test(doc.norm.slice(prev, clause))) ? timeSibling(doc, f, byEnd.get(prev), listed ? label.slice(1) : label, gu, toCount(g.num, g.mult ?? ''), sentence.start, found) ?? channelSibling(f, byEnd.get(prev), listed ? label.slice(1) : label, gu) : undefined;
      if (sibling) context = sibling.item.label + context;
      // 2021年开展科普讲座20次，2022年开展24次，2023年开展30次 in a 2023 report: the report year's clause is only its year and a
      // bare verb; the event is named by the first clause of the series, its counts other years' (dropped by their year)
      const series = !sibling && need && !gluedTo && !head && !item && p.id === 'activities.count' ? yearSeries(doc, f, label, clause, sentence.start, gu, need) : undefined;
      if (series) {
        context = series.label + context;
        labelSpan = series.span;
        label = series.label;
      }
      // (全年共12场 | 全年共计: the year's total with no verb, acts51)
      const totalOnly = !sibling && !!f.change_total && (compile(f.change_total, '').test(label) || (!!f.year_total && compile(f.year_total, '').test(label) && !label.replace(compile(f.strip_prefix, ''), '')));
      const verbOnly = !totalOnly && !!f.bare_verb_label && compile(f.bare_verb_label, '').test(label.replace(compile(f.strip_prefix, ''), ''));
      const changeCase = !!need && !gluedTo && !head && !sibling && p.id === 'activities.count' && !!f.change_before;
      const changeStart = changeCase && (totalOnly || verbOnly) && clause - 1 > sentence.start ? clauseStart(doc.norm, clause - 1, sentence.start) : -1;
      const ch = changeStart >= 0 ? compile(f.change_before!, '').exec(doc.norm.slice(changeStart, clause - 1)) : null;
      // 2022年较2021年科普活动场次增加5场，达到40场 | 科普活动2022年较2021年增加5场，共计40场 in a 2023 report: the figure
      // reached is the year's the change is of, another year's here (with the report's year unknown, nobody's)
      const chYear = ch ? ch.groups?.lead ?? ch.groups?.at ?? compile(TOPIC_YEAR, '').exec(ch.groups?.topic ?? '')?.[1] : undefined;
      // (二〇二三年较二〇二二年…: a year in Chinese numerals is a year like 2023年)
      if (chYear && yearNumber(chYear) !== doc.data.fiscalYear) continue;
      const sameMeasure = (u: string | undefined) => u === undefined || sameUnit(f, u, gu);
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
      // (开展科普进社区活动，共12场: the total's 共/累计 read as the count's lead word leaves the label empty — acts52)
      else if (changeCase && ((totalOnly && (label.trim() !== '' || /^(?:共|累计)$/.test(g.pre ?? ''))) || changed)) {
        // (开展科普进社区活动，全年共12场 | 组织开展为期两周的科技活动周活动，共计14场: a total after no change counts the event the
        // topic before it names, as a bare holding verb does — acts51)
        // (开设科普专栏，全年共52期: or the programme that clause sets up, for its episodes — acts52)
        const named = !ch && !changed && f.glued_units.events.includes(gu) ? priorTopic(doc, f, need!, clause, sentence.start, floor, numSpan.start, used) ?? (f.programme_units?.includes(gu) ? programmeBefore(doc, f, need!, clause, floor) : null) : null;
        if (named && named !== 'not') {
          labelSpan = named;
          label = doc.norm.slice(named.start, named.end);
        } else if (!changed || !topic) continue;
        else {
          labelSpan = topic;
          label = topicText;
        }
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
      // 开设《科普之窗》栏目，全年播出52期: a bare broadcasting verb counts the episodes of the programme the clause before it sets up,
      // which is the label (acts51)
      else if (need && !gluedTo && !item && p.id === 'activities.count' && f.bare_broadcast_label && compile(f.bare_broadcast_label, '').test(label.replace(compile(f.strip_prefix, ''), ''))) {
        const named = programmeBefore(doc, f, need, clause, floor);
        if (!named) continue;
        labelSpan = named;
        label = doc.norm.slice(named.start, named.end);
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
        const named = priorTopic(doc, f, need, clause, sentence.start, floor, numSpan.start, used);
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
        if (c?.groups?.topic && (c.groups.unit === undefined || sameUnit(f, c.groups.unit, gu)) && compile(need ?? '(?!)', '').test(c.groups.topic)) {
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
      // 发放科普资料10000份，实际发放12500份: a count right before its result of the same measure is the target
      if (f.implied_target_after) {
        const r = compile(f.implied_target_after, '').exec(doc.norm.slice(match.span.end, Math.min(sentence.end, match.span.end + 40)));
        if (r?.groups?.unit && sameUnit(f, r.groups.unit, gu)) continue;
      }
      // 科普讲座2022年、2023年分别开展20场、30场: one year's count of several (year_respectively's)
      if (f.years_listed && compile(f.years_listed, '').test(label)) continue;
      // 参加市科协举办的科普讲解大赛2场: events the unit attended, another body's
      if (f.attended && f.glued_units.events.includes(unit) && compile(f.attended, '').test(label)) continue;
      // 编印《科普活动简报》12期: a periodical's issues, no events (issue_label)
      // (编印2期《科普活动简报》: the periodical named after the count)
      if (f.issue_label && (gu === '期' || gu === '期次') && compile(f.issue_label, '').test(label + doc.norm.slice(match.span.end, after).replace(/\s+/g, '').split(/[、\d]/)[0])) continue;
      // 召开全县科普工作会议，参会人员80人 | 举办学术年会1次，参会代表286人: a meeting's attendees are the reach of an academic
      // meeting only, its delegates too (meetingOf)
      const meeting = f.glued_units.people.includes(unit) && !gluedTo ? meetingOf(doc, f, label.replace(compile(f.strip_prefix, ''), ''), sentence.start, clause) : null;
      if (meeting === 'own') continue;
      if (compile(f.not_label, '').test(meeting === 'academic' ? label.replace(/代表(?!性)/g, '') : label)) {
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
      // (志愿者200人参与科普日活动: the group named before the count is the label's subject, as in 学生参赛)
      if (f.not_label_people && f.glued_units.people.includes(unit) && !gluedTo && compile(f.not_label_people, '').test((group ? doc.norm.slice(group.start, group.end) : '') + label)) continue;
      // 动员志愿者200人，参与600人次: a bare taking-part verb names no one: who took part is the clause before's people, when that
      // clause is only people counted (not 邀请专家8人举办讲座33场，参与人数达5000人次: the event's audience) (session 46)
      if (f.not_label_people && f.bare_reach_label && f.glued_units.people.includes(unit) && !gluedTo && !group && clause > floor && compile(f.bare_reach_label, '').test(label.replace(compile(f.strip_prefix, ''), ''))) {
        const before = doc.norm.slice(clauseStart(doc.norm, clause - 1, floor), clause - 1).replace(/\s+/g, '');
        if (/(?:\d|[一二两三四五六七八九十百千万])(?:余|多)?(?:人|名)$/.test(before) && compile(f.not_label_people, '').test(before + label)) continue;
      }
      // 我会现有在职人员7人，全年参加各类培训学习56人次: a clause with no doer right after the staff's count is the staff's (staff_before)
      if (f.staff_before && f.staff_label && f.glued_units.people.includes(unit) && !gluedTo && !group && clause > floor && compile(f.staff_label, '').test(label)) {
        const before = doc.norm.slice(clauseStart(doc.norm, clause - 1, floor), clause - 1).replace(/\s+/g, '');
        if (compile(f.staff_before, '').test(before)) continue;
      }
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
      // 乡镇科协3000人参与 | 工作人员20人参加: a count right after a body or the staff is its members or staff taking part, as
      // 参与乡镇科协3000人 is (not_label_people_end, whose training test sees the verb's phrase put first: 乡镇科协300人参加培训
      // stays) — acts54
      if (p.id === 'activities.reach-after' && !match.group('who') && !group && f.not_label_people_end && compile(f.not_label_people_end, '').test(label + doc.norm.slice(clause, match.span.start).replace(/\s+/g, ''))) continue;
      // 评选科普带头人20名，其中12名参加了省级培训: a 其中 count is part of the group the clause before names
      if (p.id === 'activities.reach-after' && /^\s*其中[:：]?\s*$/.test(doc.norm.slice(clause, numSpan.start)) && notWho.test(doc.norm.slice(clauseStart(doc.norm, clause - 1, sentence.start), clause))) continue;
      if (!match.group('who') && !group && compile(f.sent_to, '').test(label)) continue;
      // 参加省科协举办的培训班，参训干部5人: people counted after the unit's sending in their sentence are those sent, unless a
      // group of participants is named
      if (f.glued_units.people.includes(unit) && !match.group('who') && !group && compile(f.sent_to, '').test(doc.norm.slice(Math.max(sentence.start, clause - 500), clause)) && !compile('{PARTICIPANTS}', '').test(label)) continue;
      const targeted = targetState(doc, f, numSpan.start);
      if (targeted === 'target') continue;
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
      // 开展科普讲座12场次和科技培训4期: right after the count before it, 和/及/与 join the two (not a label's first word, nor
      // 与会: …1次，与会代表286人)
      const joiner = afterCount && !head && !gluedTo ? /^\s*(?:以及|和|及|与(?!会))(?=[\u4e00-\u9fa5]{2})/.exec(doc.norm.slice(labelSpan.start, labelSpan.end)) : null;
      if (joiner) {
        label = label.replace(/^(?:以及|和|及|与)/, '');
        labelSpan = { start: labelSpan.start + joiner[0].length, end: labelSpan.end };
      }
      // 县科协全年开展科普讲座 | 我会联合县级学会在全县开展…: the unit as the doer and its partners are no words of the work
      if (!group) label = trimDoer(f, level, trimOwnSociety(doc, f, label));
      if (f.aspect_particle) label = label.replace(compile(f.aspect_particle, 'g'), '');
      label = label.replace(compile(f.strip_suffix, ''), '');
      // (开展科普讲座一季度3场: the part of the year right before the number is no word of the event, as one opening the clause)
      if (f.time_part_end && !sibling) {
        const cut = label.replace(compile(f.time_part_end, ''), '');
        // (一季度三场、二季度五场: what is left is the count before it, no event: nothing is named)
        if (cut !== label && !!f.time_part_count && compile(f.time_part_count, '').test(cut)) continue;
        if (cut.length >= 2) label = cut;
      }
      // (城关镇12场，河口镇8场: a label that is only a place's name names no event, and the place as its doer: place_only)
      // (城关镇十二场、河口镇八场: a count before it in Chinese numerals, which strip_prefix leaves, is no word of it either)
      // (各县市区74场次 | 县区科协74场次 | 市本级12场 in a county's report: the bodies below the unit, or another level, by their
      // common word: bare_body, own_level; bareDoer; session 49)
      if (!head && !sibling && bareDoer(f, label.replace(/^.*(?:\d|[一二三四五六七八九十百千两])\s*(?:余|多)?\s*[\u4e00-\u9fa5]{1,2}、/, ''), level) === 'other') continue;
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
      found.push({ span, rule: p.id, item: { label, count, unit, approx: approx ?? null }, labelSpan, countEnd: countSpan.end, ...(head ? { head: head } : {}), ...(gluedFound ? { gluedTo: gluedFound } : {}), ...(joinedVia ? { joinedVia } : {}), ...(item || targeted === 'result' ? { result: true } : {}) });
      byEnd.set(countSpan.end, found[found.length - 1]);
    }
  }
  // 2021年、2022年、2023年分别开展科普讲座20、24、30次: the report's year's count
  for (const x of yearRespectively(doc, f, overlaps, level)) {
    used.splice(firstIndex(used, (u) => u.start > x.countSpan.start), 0, x.countSpan);
    found.push(x.found);
  }
  // 上半年、下半年分别开展科普讲座12场、18场: each count the work's, when its parts are as many and of a safe kind; else none
  for (const h of found.filter((x) => !x.head && !heads(x.item.label) && midOf(x))) {
    const mid = midOf(h)!;
    const followers = found.filter((x) => x.head === h);
    if (mid.safe && mid.parts.length === followers.length + 1) {
      const w = mid.work.replace(f.aspect_particle ? compile(f.aspect_particle, 'g') : /(?!)/, '').replace(compile(f.strip_suffix, ''), '');
      const work = h.item.label.length > w.length ? h.item.label.slice(-w.length) : h.item.label;
      for (const x of [h, ...followers]) x.item.label = work;
    } else for (const x of [h, ...followers]) found.splice(found.indexOf(x), 1);
  }
  // 分别: as many parts before it (、/和/及/与) as counts after it, one each; else none (session 47: the first alone was kept,
  // labelled with every part — 12 of 开展科普讲座、科普展览分别为12场、6场、3场 is one part's)
  for (const h of found.filter((x) => !x.head && heads(x.item.label))) {
    const followers = found.filter((x) => x.head === h);
    if (!followers.length) continue;
    const lead = respectivelyLead.exec(h.item.label);
    if (lead) {
      const named = leadParts(doc, f, h.labelSpan.start, lead.groups?.event ?? '');
      if (named && named.length === followers.length + 1) {
        h.item.label = named[0];
        followers.forEach((x, i) => (x.item.label = named[i + 1]));
      } else for (const x of [h, ...followers]) found.splice(found.indexOf(x), 1);
      continue;
    }
    const parts = h.item.label.replace(respectively, '').split(/[、和及与]/).map((x) => x.replace(compile(f.strip_prefix, ''), '').trim());
    if (parts.length === followers.length + 1 && parts.every((x) => x.length >= 2)) {
      h.item.label = parts[0];
      followers.forEach((x, i) => (x.item.label = parts[i + 1]));
    } else for (const x of [h, ...followers]) found.splice(found.indexOf(x), 1);
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
  // (…，其中县本级20场，乡镇36场: a share naming only a place in such a split total is that place's)
  const placeShare = placeShares(doc, f, found, notUnits);
  for (let i = found.length - 1; i >= 0; i--) if (placeShare.has(found[i])) found.splice(i, 1);
  // 开展科普活动20场（线上8场，线下12场）: a breakdown of a count already given is no new piece of work (the warehouse sums
  // activities); the total is kept, its parts dropped
  const parts = breakdownParts(doc, f, found, notUnits);
  // 一季度开展科普讲座8场；…。全年累计开展科普讲座36场。: counts by a part of the year beside the year's total are in it
  for (const y of timeParts(doc, f, found, (at) => topSection(doc, at))) parts.add(y);
  // 注：线上活动含直播讲座5场 under 开展线上活动10场: a note's part of a count given before it
  for (const y of noteParts(doc, f, found)) parts.add(y);
  for (let i = found.length - 1; i >= 0; i--) if (parts.has(found[i])) found.splice(i, 1);
  // 全县共开展科普活动150场，受益群众5万人次，其中县科协组织开展30场: the people reached right after a total that is not the
  // unit's are that total's (all the place's events), not its share's
  dropTotalsReach(doc, f, found, notUnits);
  // 制作科普短视频20个，累计观看12万人次: the files' plays, no reach (views_label; session 49)
  dropFileViews(doc, f, found);
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
  // (an indicator's result against its target restating a count stated plainly elsewhere is that count: restatedResults.ts)
  const kept = dropRestatedResults(f, found, (at) => topSection(doc, at)).filter((x) => {
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
/** 开展科技活动周和全国科普日活动，分别举办12场和20场: the parts the clause before the label (opening with 分别) names, split at
 *  、和及与 after its verb and its closing 活动 (given back to a part naming no event), each 2 to 16 characters; or null. */
function leadParts(doc: KDocument, f: ActivitiesFile, labelStart: number, event: string): string[] | null {
  const sentence = sentenceAt(doc, labelStart);
  if (labelStart - 1 <= sentence.start || !/[，,]/.test(doc.norm[labelStart - 1])) return null;
  const from = clauseStart(doc.norm, labelStart - 1, sentence.start);
  const m = compile(f.respectively_parts ?? '(?!)', '').exec(doc.norm.slice(from, labelStart - 1).replace(/\s+/g, '').replace(compile(f.strip_prefix, ''), ''));
  if (!m?.groups?.parts) return null;
  const tail = m.groups.tail || event;
  const parts = m.groups.parts.split(/、|以及|和|及|与/);
  if (parts.length < 2 || parts.some((x) => x.length < 2 || x.length > 16)) return null;
  return parts.map((x) => (tail && !compile(f.share_event ?? '(?!)', '').test(x) ? x + tail : x));
}
/** 线下3000人次 after 参与人数线上1.2万人次、: a count of people whose words from the count before it (`prev`, of the same measure)
 *  are only a channel (joined_channel), that count's words ending in another channel. */
function channelJoined(doc: KDocument, f: ActivitiesFile, unit: string, prev: Found | undefined, labelEnd: number): boolean {
  if (!f.joined_channel || !prev || prev.item.unit !== unit || !f.glued_units.people.includes(unit)) return false;
  const own = doc.norm.slice(prev.countEnd, labelEnd).replace(/\s+/g, '');
  return derived(f, 'channelOnly', () => `^、(?:${f.joined_channel})$`).test(own) && derived(f, 'channelEnd', () => `(?:${f.joined_channel})$`).test(doc.norm.slice(prev.labelSpan.start, prev.labelSpan.end).replace(/\s+/g, ''));
}
/** 参与⏎群众: the line before `lineStart` ends in a word, its last clause holding no figure (a count or a table's row ends a line). */
function wordsEndLine(doc: KDocument, lineStart: number): boolean {
  const from = spanAt(doc.lines, lineStart - 1)?.start ?? 0;
  return /^[^\d０-９|]*[\u4e00-\u9fa5]$/.test(doc.norm.slice(clauseStart(doc.norm, lineStart - 1, from), lineStart - 1).trim());
}
/** 一季度 | 上半年: the text is only a part of the year (time_part_end; 1-6月 and the like are no field's value). */
function timePartOnly(f: ActivitiesFile, text: string): boolean {
  return !!f.time_part_end && derived(f, 'timePartOnly', () => `^(?:${f.time_part_end})`).test(text.replace(/\s+/g, ''));
}
/** 主办42场共3000人次: the text after an event count opens with the people counted at it (only glued_lead between). */
function gluedPeopleAfter(f: ActivitiesFile, rest: string): boolean {
  return !!f.glued_lead && compile(f.glued_people, '').test(rest.replace(compile(f.glued_lead, ''), ''));
}
/** The event a bare holding verb counts (科普讲座：全年共开展45场 | （一）科普讲座⏎全年共开展45场): the lead before the colon or
 *  comma that closes the clause before it on its line (a clause that is only a topic), else the title of the innermost section it is in, with no count taken between
 *  the title and it; only when that names an event (share_event) the measure word can count (`need`). Its span, or null. */
/** The programme (programme_topic) the clause right before `clause` sets up, when it is a programme of the measure word's. */
function programmeBefore(doc: KDocument, f: ActivitiesFile, need: string, clause: number, floor: number): Span | null {
  if (!f.programme_topic || clause <= floor || !/[，,]/.test(doc.norm[clause - 1])) return null;
  const from = clauseStart(doc.norm, clause - 1, floor);
  const m = compile(f.programme_topic, '').exec(doc.norm.slice(from, clause - 1));
  const topic = m?.groups?.topic;
  if (!topic || !compile(need, '').test(topic)) return null;
  const start = from + m.index + m[0].indexOf(topic);
  return { start, end: start + topic.length };
}
/** For a count whose label is only a holding verb or a total: the event named by the topic opening the clause before it, before a
 *  per-period figure or a total (开展科普进社区活动每月不少于2次，全年累计开展28次), else by bareTopic. */
function priorTopic(doc: KDocument, f: ActivitiesFile, need: string, clause: number, from: number, floor: number, at: number, used: Span[]): Span | 'not' | null {
  const prevStart = clause - 1 > from ? clauseStart(doc.norm, clause - 1, Math.max(from, clause - 200)) : -1;
  const tp = prevStart >= 0 && f.topic && f.share_event ? compile(f.topic, '').exec(doc.norm.slice(prevStart, clause - 1)) : null;
  // (a clause that is only a topic, 科普讲座方面，全年共开展12次, is bareTopic's: it trims 方面)
  const tpText = tp && /^\s*(?:每|共|累计)/.test(doc.norm.slice(prevStart + tp.index + tp[0].length, clause - 1)) ? tp.groups?.topic : undefined;
  const tpAt = tp && tpText ? prevStart + tp.index + tp[0].indexOf(tpText) : -1;
  return tpText && compile(need, '').test(tpText) && compile(f.share_event!, '').test(tpText) && !compile(f.not_label, '').test(tpText) ? { start: tpAt, end: tpAt + tpText.length } : bareTopic(doc, f, need, clause, floor, at, used);
}
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
  // (开展科普进社区活动，每季度不少于3场，全年共12场: a clause that is only a per-period figure stands between the topic and its total)
  if (clause > floor && f.per_period_clause && /[，,]/.test(doc.norm[clause - 1])) {
    const p = clauseStart(doc.norm, clause - 1, floor);
    if (p > floor && compile(f.per_period_clause, '').test(doc.norm.slice(p, clause - 1))) clause = p;
  }
  if (clause > floor) return /[:：，,]/.test(doc.norm[clause - 1]) ? names(clauseStart(doc.norm, clause - 1, floor), clause) : null;
  let h: { start: number; end: number; level: number } | null = null;
  for (const x of sectionsAt(doc, at)) if (x.end <= at && (!h || x.level > h.level)) h = x;
  if (!h || at - h.end > 300 || used.some((u) => u.start >= h!.end && u.start < at)) return null;
  return names(h.start, h.end);
}
/** For a label that is only a result word (实际完成, or empty after such a word and its colon), the item's name: the clause
 *  before the last target word (目标值, 指标值 …) in the sentence, or the text before it in its clause. */
function resultItem(doc: KDocument, f: ActivitiesFile, label: string, clause: number, from: number, unit: string): { text: string; span: Span } | null {
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
  if (t < 0) return impliedItem(doc, f, label, clause, lo, unit);
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
/** 发放科普资料10000份，实际发放12500份: with no target word, a result opening with 实际 right after a count of its measure
 *  (the target, implied_target_after) takes that clause's words before its number as its name. */
function impliedItem(doc: KDocument, f: ActivitiesFile, label: string, clause: number, lo: number, unit: string): { text: string; span: Span } | null {
  if (!f.implied_target_item || !compile(f.implied_result_label ?? '(?!)', '').test(label.replace(/\s+/g, '')) || clause - 1 <= lo || !/[，,]/.test(doc.norm[clause - 1])) return null;
  const start = clauseStart(doc.norm, clause - 1, lo);
  const m = compile(f.implied_target_item, '').exec(doc.norm.slice(start, clause - 1));
  if (!m?.groups?.item || !sameUnit(f, m.groups.unit, unit)) return null;
  const raw = m.groups.item;
  const at = start + m.index + m[0].indexOf(raw);
  const lead = compile(f.strip_prefix, '').exec(raw)?.[0].length ?? 0;
  const text = raw.slice(lead).replace(/\s+/g, '');
  if (text.length < 2) return null;
  return { text, span: trimSpan(doc, { start: at + lead, end: at + raw.length }) };
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
/** Drops from `found` the turns of watching in 人次 right after a count of published files (制作科普短视频20个，累计观看12万人次):
 *  the platform's count of plays, as 播放人次 is; after an event (线上科普直播5场，…) they stay its audience. (Also with a clause
 *  between saying where they were put out, views_of: …，在县融媒体中心播出，累计观看12万人次; session 50.) */
function dropFileViews(doc: KDocument, f: ActivitiesFile, found: Found[]): void {
  if (!f.views_label || !f.views_of) return;
  const views = compile(f.views_label, ''), of = compile(f.views_of, '');
  for (let i = found.length - 1; i >= 0; i--) {
    const x = found[i];
    if (x.item.unit === '人次' && views.test(x.item.label) && of.test(doc.norm.slice(Math.max(0, x.labelSpan.start - 80), x.labelSpan.start))) found.splice(i, 1);
  }
}
