// Projects scored respectively and listed nowhere with money (县科协2023年共实施项目3个，分别是A项目、B项目和C项目，自评得分分别为
// 95分、92分、90分): each name is a project of the report with its own self-evaluation score and no figures of money
// (patterns/projects.yaml named_score.unlisted). A list naming a fund listed with money is left to respectiveScores.
import type { KDocument, Span } from '../document.js';
import { compile } from '../patterns.js';
import { parseChineseInteger, toRate } from '../normalise/numbers.js';
import { cleanValue } from '../normalise/fold.js';
import { matches, sectionsAt, sentenceAt, trimSpan } from './engine.js';
import type { Match } from './engine.js';
import type { Project } from '../schema/record.js';

export interface ScoredProject {
  item: Project;
  span: Span;
  rule: string;
  fields: Record<string, { span: Span; rule: string }>;
}

export interface UnlistedDef {
  id: string;
  /** names and scores in two clauses (groups names, counted, nums) */
  unlisted: string;
  /** names and scores in one clause (groups names, nums) */
  respectively?: string;
  unlisted_name: string;
  unlisted_count: string;
  /** the scores of a list named before, referred back to (上述项目自评得分分别为…: groups counted, nums) */
  referred?: string;
  /** a list such a referral names (实施了A、B、C三个项目: groups names, counted) */
  referred_list?: string;
  /** a summary after its label, each project glued to its score (group `items`), and one item of it (groups name, num, grade) */
  glued?: string;
  glued_item?: string;
  /** one project scored by its name, opening its clause (groups names, nums) */
  single?: string;
  /** a name holding another body (街道科协…项目) */
  single_not?: string;
  /** the conclusion: the titles of its sections, or its sentence's opener (综上，) */
  single_sections?: string;
  single_opener?: string;
  /** the run's lead naming its items parts of a whole (其中，), tested on its sentence before the first name */
  single_part?: string;
  /** the grade clause closing an item's score (，等级为优), sticky at the score's end: the run goes on after it */
  single_tail?: string;
  max: number;
}

/** Scores referred back to a list of listed funds (…上述项目自评得分分别为95分、92分): each name with its score, in order. */
export interface ReferredScore {
  name: string;
  value: number;
  span: Span;
}

const SEPARATOR = /(?:以及|[、和及与，,])/g;

/** A project the prose only scores: no money of its own (a table's row may give it its figures). */
export const scoredOnly = (p: Project): boolean => p.budget === null && p.actual === null && p.adjustment === null && p.carryover === null;

/** A count of projects as a report writes it: 3, 三, 两. */
export const countOf = (s: string) => (/^\d+$/.test(s) ? Number(s) : parseChineseInteger(s.replace(/^两/, '二')));

/**
 * `isName(name)` refuses the unit's own money, a bare kind word, a sentence; `listed(name)` is true for a fund the report
 * already lists (its score is respectiveScores'); `skip(span)` drops another year's, an indicator's, another body's, and
 * `says(text)` does so for the words around the names (县财政局对A项目、B项目开展重点评价，得分分别为…: another body's).
 */
export function scoredProjects(doc: KDocument, d: UnlistedDef, isName: (name: string) => boolean, listed: (name: string) => boolean, skip: (span: Span) => boolean, says: (text: string) => boolean, referredListed: ReferredScore[] = [], related: (name: string) => boolean = listed): ScoredProject[] {
  const out: ScoredProject[] = [];
  const fundWord = compile(d.unlisted_name, '');
  const counts = compile(d.unlisted_count, 'g');
  const count = compile(d.unlisted_count, '');
  const seen = new Set<number>();
  // the names of a list, each a project's, with their places (null when the list is none): `counted` its count after the
  // names (A、B、C3个项目), `head` the match's start (the sentence before it may count them too)
  const listOf = (group: Span, counted: Span | null | undefined, head: number) => {
    // (the score's words may take the last name's 项目: A项目、B项目自评得分 read as names A项目、B + 项目自评得分)
    const tail = /^子?项目/.exec(doc.norm.slice(group.end, group.end + 3));
    const names = tail ? { start: group.start, end: group.end + tail[0].length } : group;
    const text = doc.norm.slice(names.start, names.end);
    // the names with their places in the text (a name's own spaces kept, the separators' dropped)
    const parts: Span[] = [];
    let from = 0;
    for (const sep of [...text.matchAll(SEPARATOR), { index: text.length, 0: '' } as RegExpMatchArray]) {
      parts.push(trimSpan(doc, { start: names.start + from, end: names.start + sep.index! }));
      from = sep.index! + sep[0].length;
    }
    const nameTexts = parts.map((p) => doc.norm.slice(p.start, p.end).replace(/^[“"「『]|[”"」』]$/g, ''));
    if (parts.length < 2 || nameTexts.some((n) => n.length < 2 || n.length > 30 || /\d/.test(n) || !isName(n))) return null;
    // (a count of the projects, after the names or before them in the sentence, agrees with them; with none every name
    // says it is a project or a fund by its own word)
    const sentence = doc.norm.slice(sentenceAt(doc, head).start, names.start);
    const stated = [...(counted ? [doc.norm.slice(counted.start, counted.end)] : []), ...[...sentence.matchAll(counts)].map((c) => c[0])];
    const numbers = stated.map((c) => { const g = count.exec(c)?.groups; return g ? countOf(g.n ?? g.m) : null; });
    if (numbers.some((n) => n !== parts.length)) return null;
    if (!counted && nameTexts.some((n) => !fundWord.test(n))) return null;
    return { names, parts, nameTexts };
  };
  const scoresOf = (nums: Span) => doc.norm.slice(nums.start, nums.end).split(/\s*(?:以及|[、，,和及与])\s*/).map((x) => toRate(x.replace(/\s*分\s*$/, '').trim()));
  const project = (list: { parts: Span[] }, nums: (number | null)[], span: Span) => {
    const score = trimSpan(doc, span);
    list.parts.forEach((p, k) => {
      const item: Project = { name: cleanValue(doc.display.slice(p.start, p.end)), budget: null, adjustment: null, actual: null, carryover: null, executionRate: null, score: nums[k]! };
      out.push({ item, span: score, rule: d.id, fields: { name: { span: p, rule: d.id }, score: { span: score, rule: d.id } } });
    });
  };
  for (const regex of [d.unlisted, d.respectively].filter((x): x is string => !!x)) {
    for (const m of matches(doc, regex)) {
      const group = m.group('names')!;
      if (seen.has(group.end) || skip(m.span)) continue;
      const list = listOf(group, m.group('counted'), m.span.start);
      if (!list || seen.has(list.names.end) || list.nameTexts.some(listed)) continue;
      if (says(doc.norm.slice(m.span.start, list.names.start) + '，' + doc.norm.slice(list.names.end, m.group('nums')!.start))) continue;
      const nums = scoresOf(m.group('nums')!);
      if (nums.length !== list.parts.length || nums.some((v) => v === null || v > d.max)) continue;
      seen.add(list.names.end);
      project(list, nums, m.span);
    }
  }
  // 实施了A、B、C三个项目。……上述项目自评得分分别为95分、92分、90分: the scores of the nearest list before the referral whose
  // names are projects (its count, the referral's own count and the scores agreeing); a list of funds listed with money gives
  // them their scores (referredListed), one mixing listed and unlisted names none
  if (d.referred && d.referred_list) {
    let lists: { span: Span; names: Span; counted: Span | null | undefined }[] | undefined;
    for (const m of matches(doc, d.referred)) {
      if (skip(m.span) || says(doc.norm.slice(sentenceAt(doc, m.span.start).start, m.span.start))) continue;
      lists ??= [...matches(doc, d.referred_list)].map((x) => ({ span: x.span, names: x.group('names')!, counted: x.group('counted') }));
      const list = lists.filter((x) => x.span.end <= m.span.start && !skip(x.span)).reverse()
        .map((x) => listOf(x.names, x.counted, x.span.start)).find((x) => x !== null);
      if (!list || seen.has(list.names.end)) continue;
      const own = m.group('counted');
      if (own && countOf(count.exec(doc.norm.slice(own.start, own.end) + '项目')?.groups?.n ?? '') !== list.parts.length) continue;
      const nums = scoresOf(m.group('nums')!);
      if (nums.length !== list.parts.length || nums.some((v) => v === null || v > d.max)) continue;
      const known = list.nameTexts.filter(listed).length;
      if (known && known < list.nameTexts.length) continue;
      seen.add(list.names.end);
      if (known) list.nameTexts.forEach((name, k) => referredListed.push({ name, value: nums[k]!, span: trimSpan(doc, m.span) }));
      else project(list, nums, m.span);
    }
  }
  // 项目自评得分汇总：A项目95分（优），B项目93分（优）: each item a project with its score (a grade word alone in brackets after it
  // is dropped, a project keeps no grade); every name a project's by its fund word, two or more, none listed with money, none
  // scored twice, else none
  if (d.glued && d.glued_item) {
    const item = compile(d.glued_item, 'g');
    const fundName = compile(d.unlisted_name, '');
    for (const m of matches(doc, d.glued)) {
      const items = m.group('items')!;
      if (skip(m.span) || seen.has(items.end)) continue;
      const text = doc.norm.slice(items.start, items.end);
      const parts = [...text.matchAll(item)];
      // (the items cover the run: nothing between them but their separators)
      if (parts.length < 2 || parts.map((x) => x[0]).join('').replace(/\s+/g, '') !== text.replace(/[\s，,、;；]+/g, '')) continue;
      const names = parts.map((x) => trimSpan(doc, { start: items.start + x.index! + (x[0].length - x[0].trimStart().length), end: items.start + x.index! + x[0].indexOf(x.groups!.name) + x.groups!.name.length }));
      const nameTexts = names.map((p) => doc.norm.slice(p.start, p.end));
      if (nameTexts.some((n) => n.length < 3 || n.length > 30 || /\d/.test(n) || !isName(n) || !fundName.test(n) || listed(n))) continue;
      if (new Set(nameTexts.map((n) => n.replace(/\s+/g, ''))).size !== nameTexts.length) continue;
      const nums = parts.map((x) => toRate(x.groups!.num));
      if (nums.some((v) => v === null || v > d.max)) continue;
      seen.add(items.end);
      project({ parts: names }, nums, m.span);
    }
  }
  if (d.single) out.push(...singleScored(doc, d, isName, (n) => related(n) || out.some((p) => bare(p.item.name) === bare(n)), skip, says));
  return out;
}

const bare = (n: string) => n.replace(/\s+/g, '').replace(/^[“"「『]|[”"」』]$/g, '');

/** 综上，科普惠农项目自评得分90分: one project scored by its name in the conclusion and listed nowhere with money (`taken`: listed,
 *  or near a listed fund's name, or scored in a list above); one name scored twice differently gives none. Items so scored one
 *  after another (A项目得分95分；B项目得分92分, parted by ；/，, a grade clause maybe closing each) are one run, read as its first is.
 *  In a project report only a run named a whole's parts (其中，A项目自评得分96分) or of two names or more (no name there may be the
 *  report's own project under another name, but two cannot both be): its grades after the items' scores are theirs too. */
function singleScored(doc: KDocument, d: UnlistedDef, isName: (name: string) => boolean, taken: (name: string) => boolean, skip: (span: Span) => boolean, says: (text: string) => boolean): ScoredProject[] {
  const projectReport = doc.reportKind === 'project_self_eval';
  const byName = new Map<string, { name: Span; value: number; span: Span }[]>();
  const sections = compile(d.single_sections ?? '(?!)', '');
  const opener = compile(d.single_opener ?? '(?!)', '');
  const part = compile(d.single_part ?? '(?!)', '');
  const tail = compile(d.single_tail ?? '(?!)', 'y');
  const concluding = (at: number) => sectionsAt(doc, at).some((h) => sections.test(h.title)) || opener.test(doc.norm.slice(sentenceAt(doc, at).start, at));
  // (the end of an item's score and of the grade clause closing it)
  const tailEnd = (at: number) => { tail.lastIndex = at; return tail.test(doc.norm) ? tail.lastIndex : at; };
  const runs: Match[][] = [];
  for (const m of matches(doc, d.single!)) {
    const last = runs[runs.length - 1];
    // (parted by ；/， or by a line end: a list's items each on its line)
    if (last && /^[ \t]*(?:[，,;；][ \t]*\n?|\n)[ \t]*$/.test(doc.norm.slice(tailEnd(last[last.length - 1].span.end), m.span.start))) last.push(m);
    else runs.push([m]);
  }
  for (const run of runs) {
    const head = run[0].group('names')!.start;
    const whole = part.test(doc.norm.slice(sentenceAt(doc, head).start, head));
    if (projectReport ? !whole && run.length < 2 : !concluding(head)) continue;
    for (const m of run) {
      const name = trimSpan(doc, m.group('names')!);
      const text = doc.norm.slice(name.start, name.end);
      if (skip(m.span) || !isName(text) || taken(text) || (d.single_not && compile(d.single_not, '').test(text)) || says(doc.norm.slice(sentenceAt(doc, head).start, head) + doc.norm.slice(m.span.start, name.start))) continue;
      const value = toRate(doc.norm.slice(m.group('nums')!.start, m.group('nums')!.end));
      if (value === null || value > d.max) continue;
      byName.set(bare(text), [...(byName.get(bare(text)) ?? []), { name, value, span: trimSpan(doc, m.span) }]);
      // (a project report's grade right after a part's score is the part's: evaluation.yaml not_in_items)
      const end = tailEnd(m.span.end);
      if (projectReport && end > m.span.end) (doc.items.projectFigures ??= []).push({ item: null, span: { start: m.span.start, end }, rule: `${d.id}.single` });
    }
  }
  const out: ScoredProject[] = [];
  for (const found of byName.values()) {
    if (found.some((x) => x.value !== found[0].value)) continue;
    const { name, value, span } = found[0];
    const item: Project = { name: cleanValue(doc.display.slice(name.start, name.end)), budget: null, adjustment: null, actual: null, carryover: null, executionRate: null, score: value };
    out.push({ item, span, rule: `${d.id}.single`, fields: { name: { span: name, rule: `${d.id}.single` }, score: { span, rule: `${d.id}.single` } } });
  }
  return out;
}
