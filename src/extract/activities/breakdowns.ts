// Totals and their parts: a count broken down after it, or shared between kinds, read once.
import type { KDocument, Span } from '../../document.js';
import { firstIndex } from '../../document.js';
import { cleanValue } from '../../normalise/fold.js';
import { toCount, yearNumber } from '../../normalise/numbers.js';
import { compile } from '../../patterns.js';
import type { Activity } from '../../schema/record.js';
import { sentenceAt, trimSpan, unitLevel } from '../engine.js';
import { LINE_MARKER } from '../listMarkers.js';
import { BOUNDARY, charBetween, clauseStart } from './clauses.js';
import type { ActivitiesFile, Found } from './file.js';
import { sameUnit } from './file.js';
import { bareDoer, branchShare, namesBody, otherShare } from './owners.js';

// a share's count: a figure and a measure word of share_units (longest first: 场次 before 场), made once per file; also the
// whole figure closing a clause (乡镇科协44场: its doer is what stands before it)
let shareCountsOf: { units: Record<string, string>; re: RegExp; atEnd: RegExp } | null = null;
function shareCounts(units: Record<string, string>): { re: RegExp; atEnd: RegExp } {
  if (shareCountsOf?.units !== units) {
    const words = Object.keys(units).sort((a, b) => b.length - a.length).join('|');
    shareCountsOf = {
      units,
      re: new RegExp(`(?:\\d|[一二三四五六七八九十百两])\\s*(?:余|多)?\\s*(${words})`),
      atEnd: new RegExp(`(?:\\d+|[一二三四五六七八九十百两]+)\\s*(?:余|多)?\\s*(?:${words})\\s*$`),
    };
  }
  return shareCountsOf;
}
// a count of any part measure (part_units' words, longest first: 人次 before 人 and 次), made once per file
let partCountsOf: { units: Record<string, string>; re: RegExp } | null = null;
/** The family (part_units) of the last count in `clause`, or null when it holds none. */
function lastCountKind(units: Record<string, string>, clause: string): string | null {
  if (partCountsOf?.units !== units) {
    const words = Object.keys(units).sort((a, b) => b.length - a.length).join('|');
    partCountsOf = { units, re: new RegExp(`(?:\\d|[一二三四五六七八九十百千两])\\s*(?:余|多)?\\s*(?:万|千)?\\s*(?:余|多)?\\s*(${words})`, 'g') };
  }
  let kind: string | null = null;
  for (const m of clause.matchAll(partCountsOf.re)) kind = units[m[1]];
  return kind;
}
/** The nearest count before `labelEnd` in the sentence ending right before `sentenceStart` whose measure is of the family of
 *  `gu` (开展培训12期，培训人数达600人。其中，县科协直接组织4期: the share's total, past the people counted after it). */
export function previousOfKind(doc: KDocument, used: Span[], byEnd: Map<number, Found>, units: Record<string, string>, gu: string, labelEnd: number, sentenceStart: number): Found | undefined {
  const before = sentenceAt(doc, Math.max(0, sentenceStart - 1)).start;
  for (let k = firstIndex(used, (u) => u.end > labelEnd) - 1; k >= 0 && used[k].end > before; k--) {
    const x = byEnd.get(used[k].end);
    if (x && units[x.item.unit] === units[gu]) return x;
  }
  return undefined;
}
/** A count of events that the rest of its sentence splits into shares: after 其中, or after a place's total (全县共开展…),
 *  a clause opening with the unit or another body that counts events of the same kind (see place_subject). */
export function sharedTotal(doc: KDocument, f: ActivitiesFile, x: { rule: string; item: Activity; labelSpan: Span; countEnd: number }): boolean {
  const family = f.share_units;
  if (!family || !f.place_subject || !f.unit_subject || !f.other_subject || x.rule !== 'activities.count' || !family[x.item.unit]) return false;
  const self = compile(f.unit_subject, '');
  const opening = doc.norm.slice(x.labelSpan.start, Math.min(x.labelSpan.start + 200, x.countEnd));
  if (self.test(opening)) return false;
  const place = compile(f.place_subject, '').test(opening);
  const other = compile(f.other_subject, '');
  const part = shareCounts(family).re;
  const level = unitLevel(doc);
  // 城关镇开展活动12场，河口镇开展活动8场，县科协开展活动10场，全县合计开展科普活动30场: a sum after shares its sentence gives
  // to other bodies or places (other_subject, place_only) is the place's, as a total split after it is (session 48)
  if (f.sum_after_shares && compile(f.sum_after_shares, '').test(opening)) {
    const sentence = sentenceAt(doc, x.labelSpan.start);
    let s = Math.max(sentence.start, x.labelSpan.start - 300);
    while (s < x.labelSpan.start) {
      let e = s;
      while (e < x.labelSpan.start && !BOUNDARY.has(doc.norm[e])) e++;
      const clause = doc.norm.slice(s, e);
      const n = part.exec(clause);
      if (n && family[n[1]] === family[x.item.unit] && ((other.test(clause) && !branchShare(f, clause)) || bareDoer(f, clause.slice(0, n.index), level) === 'other')) return true;
      s = e + 1;
    }
  }
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
    // (其中城关镇12场 | 其中各县市区74场次 | 其中市本级12场次: a share that is only its doer, no verb, splits it too; session 49)
    if ((place || share) && n && !compile(f.share_each ?? '(?!)', '').test(clause) && family[n[1]] === family[x.item.unit] && (self.test(clause) || otherShare(f, clause, place) || bareDoer(f, clause.slice(0, n.index), level) !== null)) return true;
    s = e + 1;
  }
  return false;
}
/** In a total split among doers (`notUnits`, sharedTotal), the counts of `found` that are a share naming only a place's common
 *  word, no event and no doer (其中县本级20场，乡镇36场): that place's, not the unit's (split_place_share; session 49). */
export function placeShares(doc: KDocument, f: ActivitiesFile, found: Found[], notUnits: Found[]): Set<Found> {
  const out = new Set<Found>();
  if (!notUnits.length || !f.split_place_share || !f.share_units) return out;
  const place = compile(f.split_place_share, '');
  for (const x of found) {
    if (!f.share_units[x.item.unit] || !place.test(x.item.label)) continue;
    if (notUnits.some((t) => t.countEnd < x.labelSpan.start && x.labelSpan.start - t.countEnd < 300 && x.countEnd <= sentenceAt(doc, t.countEnd - 1).end)) out.add(x);
  }
  return out;
}
/** The counts of `found` that break down a count before them: in brackets right after it (20场（线上8场，线下12场）), or after a
 *  clause opening with part_lead (其中, 包括, 分别为 …) later in its sentence or opening the next one; of its measure
 *  (part_units) and, in order, summing to at most it (an approximate total: under twice it). Also the parts before a total
 *  that sums them exactly, in a clause opening with total_lead (科普进校园5场、进社区3场，共计开展科普活动8场). */
export function breakdownParts(doc: KDocument, f: ActivitiesFile, found: Found[], notUnits: Found[] = []): Set<Found> {
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
      // (…320场（其中市科技馆开展200场）: a bracket opening with 其中 holds the parts, also when its share, another body's,
      // was dropped before: namesBody below then drops the total; session 45)
      // (…10万人次（含2022年的4万人次）: a bracket naming a year's part holds the parts, its count unread for want of a label)
      const inside = close >= 0 && (sorted.some((y) => y.countEnd > at && y.countEnd <= at + close && family[y.item.unit] === kind) || /^\s*其中/.test(doc.norm.slice(at, at + close)) || (!!f.part_this_year && compile(f.part_this_year, '').test(doc.norm.slice(at, at + close))));
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
            if (!LINE_MARKER.test(doc.norm.slice(lineEnd + 1, next))) break;
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
    // 累计培训1.2万人次，其中本年度培训3000人次: a part naming the report's year makes the total one of several years (its own
    // clause naming none): the total is dropped, the year's part kept
    if (f.part_this_year && f.year_total_open) {
      const m = compile(f.part_this_year, '').exec(doc.norm.slice(from, to));
      const own = doc.norm.slice(clauseStart(doc.norm, t.countEnd, Math.max(sentenceAt(doc, t.countEnd - 1).start, t.countEnd - 200)), t.countEnd).replace(/\s+/g, '');
      const ownYear = compile(f.year_total_open, '').test(own.replace(compile(f.strip_lead_marker ?? '(?!)', ''), '')) || /(?:19|20)\d{2}年/.test(own);
      if (m && !ownYear) {
        out.add(t);
        // (其中2022年培训3000人次 in a 2023 report: another year's part is no count of this year either)
        if ((m.groups?.year && yearNumber(m.groups.year) !== doc.data.fiscalYear) || m.groups?.prior) for (const y of sorted) if (y.countEnd > from && y.countEnd <= to && y.span.start < from + m[0].length + 40 && family[y.item.unit] === kind) { out.add(y); break; }
        continue;
      }
    }
    // 开展科普活动20场。其中，县科协组织12场，乡镇科协组织8场。: shares naming the unit or another body split the total as
    // sharedTotal's do in its own sentence: the total is not the unit's, its share is
    // (not a total its own clause says is the unit's: 县科协开展科普活动86场，其中… stays, as in sharedTotal)
    // (…50场，受益群众1万人次，其中本级受益3000人次: a share counting another measure, whose own total stands between, splits that
    // total, not this one — acts52; a clause holding no count, or one of this measure, still names a doer of the whole: 全县共开展
    // 科普活动56场，受益群众2万人次，其中县本级20场，受益群众8000人次 splits the 2万 too)
    const ofKind = (clause: string) => {
      const k = lastCountKind(family, clause);
      return k === null || k === kind || !sorted.some((y) => y.countEnd > t.countEnd && y.countEnd <= from && family[y.item.unit] === k);
    };
    const opening = doc.norm.slice(t.labelSpan.start, t.countEnd);
    if (f.unit_subject && f.other_subject && !compile(f.unit_subject, '').test(opening) && namesBody(doc, f, from, to, !!f.place_subject && compile(f.place_subject, '').test(opening), ofKind)) {
      out.add(t);
      notUnits.push(t);
      // (…2.6万人次，其中县本级培训3200人次，乡镇培训2.28万人次 | 。其中，县本级12场，乡镇8场: a share of its kind naming only a
      // place's common word is that place's, as placeShares reads a split total's shares; hunta56)
      for (const y of sorted) {
        if (y.countEnd <= from || y.countEnd > to || family[y.item.unit] !== kind) continue;
        if (f.split_place_share && compile(f.split_place_share, '').test(y.item.label)) out.add(y);
        else if (f.glued_units.people.includes(y.item.unit) && bareDoer(f, doc.norm.slice(y.labelSpan.start, y.labelSpan.end), unitLevel(doc)) === 'self') totalsLabel(doc, f, t, y);
      }
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
    for (const y of otherPeopleParts(f, sorted, i, from, to)) out.add(y);
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
/** 全市培训农民2.6万人次，其中市本级培训3200人次: the unit's share of people, its label only its level and verb, takes the total's
 *  label without the place's word (培训农民), as shareLabel gives an event's share the total's event (hunta56). */
function totalsLabel(doc: KDocument, f: ActivitiesFile, total: Found, share: Found): void {
  const place = f.place_subject ? compile(f.place_subject, '').exec(doc.norm.slice(total.labelSpan.start, total.labelSpan.end)) : null;
  const start = total.labelSpan.start + (place?.[0].length ?? 0);
  const label = cleanValue(doc.display.slice(start, total.labelSpan.end)).replace(compile(f.strip_prefix, ''), '');
  if (label.length < 2) return;
  share.item.label = label;
  share.labelSpan = { start, end: total.labelSpan.end };
  share.span = trimSpan(doc, { start, end: share.span.end });
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
export function dropTotalsReach(doc: KDocument, f: ActivitiesFile, found: Found[], totals: Found[]): void {
  const people = (x: Found) => f.glued_units.people.includes(x.item.unit);
  // (a total of people split after it, 受益群众1万人次，其中本级受益3000人次: the people after it are its shares — acts52)
  for (const t of totals.filter((x) => !people(x))) {
    const sentence = sentenceAt(doc, t.countEnd - 1);
    const next = found.filter((x) => !people(x) && x.countEnd > t.countEnd).reduce((n, x) => Math.min(n, x.countEnd), Infinity);
    for (let i = found.length - 1; i >= 0; i--) {
      const y = found[i];
      // (…30场，其中本级受益3000人次: the people of the unit's own share, no total of theirs before it, are its share's — acts53)
      if (people(y) && y.countEnd > t.countEnd && y.countEnd <= sentence.end && (y.countEnd < next || afterOtherShare(doc, f, t.countEnd, y.labelSpan.start)) && bareDoer(f, y.item.label, unitLevel(doc)) !== 'self') found.splice(i, 1);
    }
  }
}
/** The last clause in [from, to) holding a share's count names only another body or a place as its doer (其中县科协12场，乡镇科协44场，
 *  受益群众2万人次: the people after the towns' share are theirs or the total's, not the unit's share's; session 50). */
function afterOtherShare(doc: KDocument, f: ActivitiesFile, from: number, to: number): boolean {
  if (!f.share_units) return false;
  const atEnd = shareCounts(f.share_units).atEnd;
  const clauses = doc.norm.slice(from, to).split(/[，,、;；]/);
  for (let i = clauses.length - 1; i >= 0; i--) {
    const c = atEnd.exec(clauses[i].trim());
    if (!c) continue;
    const head = clauses[i].trim().slice(0, c.index).replace(/\s+/g, '').replace(/^(?:其中|同时|此外|另外)[:：，,]?/, '');
    return bareDoer(f, head, unitLevel(doc)) === 'other' || (!!f.split_place_share && compile(f.split_place_share, '').test(head));
  }
  return false;
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
export function isShareClause(doc: KDocument, f: ActivitiesFile, clause: string): boolean {
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
  // (县科协本级举办20场: the unit's own level after its name is no word of the verb's)
  if (self) return (!self.groups?.level || self.groups.level === level) && compile(f.share_verb ?? '(?!)', '').test(head.slice(self[0].length).replace(/^\s*(?:机关|本级)/, ''));
  // (…56场，县本级20场: the unit's own level alone, no verb; session 49)
  if (bareDoer(f, head, level) === 'self') return true;
  const other = compile(f.other_subject!, '').exec(head);
  return !!other && compile(f.share_verb ?? '(?!)', '').test(head.slice(other[0].length));
}
/** A count of the measure `kind` after `sorted[i]` (sorted by end) ending at or before `end`. */
/** 培训农民1200人次，其中科技人员参训人数35人: people counted in the other measure of people (people_pair: 人 beside 人次) in the
 *  parts' region of a people total are a subset of its people, no new reach (acts56): those summing to at most the total, none of
 *  their own measure counted between the total and the region (…，参训人数350人，其中女性120人: the 350's part). */
function otherPeopleParts(f: ActivitiesFile, sorted: Found[], i: number, from: number, to: number): Found[] {
  const t = sorted[i];
  const pair = f.people_pair?.[t.item.unit]?.split('|');
  if (!pair || !f.part_units) return [];
  const out: Found[] = [];
  let sum = 0;
  for (let j = i + 1; j < sorted.length && sorted[j].countEnd <= to; j++) {
    const y = sorted[j];
    if (y.countEnd <= from || !pair.includes(y.item.unit) || kindBetween(sorted, i, from, f.part_units, f.part_units[y.item.unit])) continue;
    if (sum + y.item.count > t.item.count) break;
    sum += y.item.count;
    out.push(y);
  }
  return out;
}
function kindBetween(sorted: Found[], i: number, end: number, family: Record<string, string>, kind: string): boolean {
  for (let j = i + 1; j < sorted.length && sorted[j].countEnd <= end; j++) if (family[sorted[j].item.unit] === kind) return true;
  return false;
}
/** A share after 其中 whose label names no event (其中我县承办8场) takes the event of the count it is a share of, said with its
 *  verb before 其中 in its sentence (全市共开展科普活动60场 → 科普活动): the label and the evidence's start. */
export function shareLabel(doc: KDocument, f: ActivitiesFile, x: Found): void {
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
  if (at < 0 && isShareClause(doc, f, doc.norm.slice(x.labelSpan.start, x.countEnd)) && shareCounts(f.share_units).re.test(doc.norm.slice(Math.max(from, x.labelSpan.start - 8), x.labelSpan.start))) at = x.labelSpan.start - from;
  if (at < 0) return;
  let noun: { start: number; text: string } | null = null;
  for (const m of before.slice(0, at).matchAll(compile(f.share_total ?? '(?!)', 'g'))) {
    noun = { start: from + m.index! + m[0].indexOf(m.groups!.noun), text: m.groups!.noun };
  }
  if (!noun || !event.test(noun.text)) return;
  const label = cleanValue(doc.display.slice(noun.start, noun.start + noun.text.length));
  // (其中县级活动12场: the level and the bare word of the events name no event of their own; session 50)
  const levelOnly = !!f.own_level && compile(f.own_level, '').test(x.item.label);
  if (event.test(x.item.label) && !levelOnly && !(label.length > x.item.label.length && label.endsWith(x.item.label))) return;
  x.item.label = label;
  x.labelSpan = { start: noun.start, end: noun.start + noun.text.length };
  x.span = trimSpan(doc, { start: noun.start, end: x.span.end });
}
/** The clause [from, to) before a bare total names the ordinals of the sessions counted (举办“科普大讲堂”第15期至第26期 |
 *  举办第1至6期科技夜校): its words around the ordinals are the event (label, its span and a tail after the ordinals) when the
 *  ordinals are of the count's measure; 'not' when their span disagrees with the count; null when there are none. */
export function ordinalRun(doc: KDocument, f: ActivitiesFile, gu: string, count: number | null, from: number, to: number): { label: string; span: Span; tail: Span | null } | 'not' | null {
  // (its ordinals are numbered with 第: a clause without one is not tried, as a line of thousands of counts without a
  // stop would be at every count)
  if (!f.ordinal_run || !charBetween(doc.norm, '第', from, to)) return null;
  const m = compile(f.ordinal_run, '').exec(doc.norm.slice(from, to));
  if (!m?.groups) return null;
  if (!sameUnit(f, m.groups.unit, gu)) return null;
  const a = toCount(m.groups.from), b = toCount(m.groups.to);
  if (a === null || b === null || count === null || b - a + 1 !== count) return 'not';
  const before = { start: from + m.index, end: from + m.index + m.groups.before.length };
  const afterAt = from + m.index + m[0].length - m.groups.after.length;
  const after = { start: afterAt, end: afterAt + m.groups.after.length };
  const label = (doc.norm.slice(before.start, before.end) + doc.norm.slice(after.start, after.end)).replace(/\s+/g, '');
  if (before.end > before.start) return { label, span: before, tail: after.end > after.start ? after : null };
  return { label, span: after, tail: null };
}
