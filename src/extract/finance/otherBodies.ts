// Figures of bodies other than the unit (a museum, the parent 科协, another level, the 机关 of a split department).
import type { KDocument, Span } from '../../document.js';
import { compile, derived } from '../../patterns.js';
import { otherPlace, unitName } from '../engine.js';
import { mayMatch } from '../literal.js';
import { paragraphStart, sentenceAt, sentenceBefore } from '../prose.js';
import { carriedTopicStart } from '../topicCarry.js';
import { file, financeSource, reportingUnit } from './file.js';
import type { FinanceFile, Unit } from './file.js';

/** In a project report: the figure names the unit's whole spending (部门整体支出X) or the unit right before it, in its phrase
 *  (本单位2023年实际支出X, 本部门全年实际支出X; see `unit_named_before`): it stays the unit's, not the project's. */
export function namesUnit(doc: KDocument, f: FinanceFile, match: { m: RegExpExecArray; span: Span }): boolean {
  // (24: a name of nine characters and the year, spaced as PDF text has it: 市科技创新服务中心 2024 年度收入合计X)
  const before = doc.norm.slice(Math.max(sentenceAt(doc, match.span.start).start, match.span.start - 24), match.span.start);
  return namedInMatch(f, match, before) !== null || namedBefore(doc, f, before);
}
/** The match itself names the unit's whole (部门预算, 整体支出; see `unit_named`), not as the money put into the budget. */
function namedInMatch(f: FinanceFile, match: { m: RegExpExecArray }, before: string): RegExpExecArray | null {
  const named = compile(f.unit_named, '').exec(match.m[0]);
  return named && !(named[0].endsWith('预算') && compile(f.into_budget, '').test(before + match.m[0].slice(0, named.index))) ? named : null;
}
/** The unit named right before the match in its phrase (本单位, 县科协 by the unit's level, the society's own name). */
function namedBefore(doc: KDocument, f: FinanceFile, before: string): boolean {
  if (compile(f.unit_named_before, '').test(before)) return true;
  const unit = reportingUnit(doc);
  if (unit.own && ownBefore(unit, before)) return true;
  const level = unit.level !== '' ? compile(financeSource(f.unit_named_before_level, unit), '').exec(before) : null;
  // (东岭县科协全年实际支出X in 青禾县科协's report: a 科协 of the unit's level in another place, hunta52)
  return level !== null && !otherPlace(doc, before.slice(0, level.index));
}
/** True when another body (not the unit) is named right before the match in its sentence (see `other_body_before`). */
export function otherBodyBefore(doc: KDocument, f: FinanceFile, match: { m: RegExpExecArray; span: Span }): boolean {
  const before = doc.norm.slice(Math.max(sentenceAt(doc, match.span.start).start, match.span.start - 24), match.span.start);
  // (市科协机关及所属科技馆全年支出合计X in the 科协's report: the museum joined to the unit, a joint figure)
  if (compile(f.museum_joint, '').test(before) && compile(f.museum_unit, '').test(unitName(doc) ?? '')) return false;
  const other = compile(f.other_body_before, '').exec(before.slice(-16));
  if (!other || namedBefore(doc, f, before) || ownBureau(doc, other[0])) return false;
  // (县科技局2022年部门预算资金X: a 部门 opening the match, after the year at most, is the department of the body named before it;
  // the unit's name known — 县科协2023年部门预算X with no unit named may be the unit's own)
  const named = namedInMatch(f, match, before);
  return named === null || (unitName(doc) !== null && compile(f.year_words_only, '').test(match.m[0].slice(0, named.index)));
}
/** A figure of the science museum earlier in the sentence, in a 科协's report, with no unit word named after it. */
export function museumBefore(doc: KDocument, f: FinanceFile, at: number): boolean {
  const unit = unitName(doc);
  if (unit === null || !compile(f.museum_unit, '').test(unit)) return false;
  const before = sentenceBefore(doc, at);
  // 市科技馆基本支出X: the museum's name glued to the figure's subject
  // (市科协机关及所属科技馆全年支出合计X: joined to the unit, a joint figure)
  if (compile(f.museum_joint, '').test(before)) return false;
  if ([f.museum_owner, f.centre_owner].some((src) => mayMatch(src, before) && compile(src, '').test(before))) return true;
  return figureNotAgain(before, [f.museum_figure, f.centre_figure], f.unit_again);
}
/** In a 科协's report (not a project's): the sentence of `at` opens with another body as its topic in a clause of its own
 *  (县科技馆为我会下属事业单位，…), the unit not opening a clause again after it (see body_topic). */
export function bodyTopicBefore(doc: KDocument, f: FinanceFile, at: number): boolean {
  const unit = unitName(doc);
  if (unit === null || doc.reportKind === 'project_self_eval' || !compile(f.museum_unit, '').test(unit)) return false;
  const before = sentenceBefore(doc, at);
  const topic = compile(f.body_topic, '').exec(before);
  if (topic !== null) return !compile(f.topic_unit_again, '').test(before.slice(topic[0].length - 1));
  // (县科技馆单独核算。全年支出X: the body the topic of the sentence before, of its own; 我会全年支出X there names the unit)
  return carriedTopicStart(doc, sentenceAt(doc, at).start) !== null && !compile(f.topic_unit_again, '').test(`，${before}`);
}
/** Earlier in the sentence of `at`, projects of the same kind run by others (see other_project), the project or the unit not named after. */
export function otherProjectBefore(doc: KDocument, f: FinanceFile, at: number): boolean {
  return figureNotAgain(sentenceBefore(doc, at), [f.other_project], f.other_project_again);
}
/** True when the paragraph of `at` opens with a fund's name and a colon (fund_line: 科普惠农项目：…) in a report that is not a project's,
 *  the name no subject's, its money stated in the label's first clause, and no word of the unit's whole, a new item's marker or a
 *  new label after it (fund_line_not, fund_line_money, fund_line_ends). */
export function fundLineBefore(doc: KDocument, f: FinanceFile, at: number): boolean {
  if (doc.reportKind === 'project_self_eval') return false;
  const from = paragraphStart(doc, at);
  if (at - from > 300) return false;
  const text = doc.norm.slice(from, at);
  const label = compile(f.fund_line, '').exec(text);
  if (!label) return false;
  const name = label.groups!.name;
  if (compile(f.fund_line_not, '').test(name) || Object.values(f.subjects).some((s) => derived(s, 'tail', () => `(?:${s.regex})$`).test(name))) return false;
  const rest = text.slice(label[0].length);
  return compile(f.fund_line_money, '').test(rest) && !compile(f.fund_line_ends, '').test(rest);
}
/** Right before `at` or earlier in its sentence, a figure of a county or district named by a name other than the unit's place (see
 *  other_place_owner), the unit not named after it. */
export function otherPlaceBefore(doc: KDocument, f: FinanceFile, at: number): boolean {
  const before = sentenceBefore(doc, at);
  if (!mayMatch(f.other_place_owner, before)) return false;
  const owner = compile(f.other_place_owner, '').exec(before);
  if (owner && otherPlace(doc, owner.groups!.place)) return true;
  let end = -1;
  for (const m of before.matchAll(compile(f.other_place_figure, 'g'))) if (otherPlace(doc, m.groups!.place)) end = m.index! + m[0].length;
  return end >= 0 && !compile(f.body_again, '').test(before.slice(end));
}
/** True when `before` holds a figure of one of `figures` (another body's, a part's) and the words after the last such
 *  figure do not name the unit again (`again`). */
function figureNotAgain(before: string, figures: string[], again: string): boolean {
  let end = -1;
  // (a figure's literal absent, its unanchored scan is skipped: this runs for every money match in a sentence)
  for (const src of figures) if (mayMatch(src, before)) for (const m of before.matchAll(compile(src, 'g'))) end = Math.max(end, m.index! + m[0].length);
  return end >= 0 && !compile(again, '').test(before.slice(end));
}
/** Earlier in the sentence of `at`, a figure of another body of a kind never the unit (see body_figure), the unit not named after it. */
export function bodyFigureBefore(doc: KDocument, f: FinanceFile, at: number): boolean {
  const unit = reportingUnit(doc);
  const before = sentenceBefore(doc, at);
  if (!unit.own && ownBureau(doc, '局')) return levelFigureBefore(doc, f, at);
  if (!unit.own) return figureNotAgain(before, [f.body_figure], f.body_again) || levelFigureBefore(doc, f, at);
  // (a society's own report: 学会收入合计X，支出合计Y — the figures after its own are the unit's)
  const kind = unit.own.slice(unit.own.lastIndexOf('|') + 1);
  let end = -1;
  for (const m of before.matchAll(compile(f.body_figure, 'g'))) {
    if (before.startsWith(kind, m.index!) && ownBefore(unit, before.slice(0, m.index! + kind.length))) continue;
    end = Math.max(end, m.index! + m[0].length);
  }
  return (end >= 0 && !compile(f.body_again, '').test(before.slice(end))) || levelFigureBefore(doc, f, at);
}
/** True when `before` ends with the society's own name or kind word opening a phrase (see unit_boundary), maybe with the year after. */
export function ownBefore(unit: Unit, before: string): boolean {
  return derived(unit, 'ownBefore', () => `(?:(?:^|[\\s，,。;:、(]|年|年度|本|该|我)(?:${unit.own}))(?:[ \\t]*(?:19|20)\\d{2}[ \\t]*年度?[ \\t]*|全年|本年|年度){0,2}(?:部门|单位)?[ \\t]*$`).test(before);
}
/** Earlier in the sentence of `at`, a figure of a 科协 of another level than the unit's (市科协收入合计X，支出合计Y in a county's
 *  report, see level_figure), or of any level when the unit is no 科协 (its name known: a bureau, 县老科协, a 学会, a street's 科协),
 *  the unit not named after it. */
function levelFigureBefore(doc: KDocument, f: FinanceFile, at: number): boolean {
  if (unitName(doc) === null) return false;
  const unit = reportingUnit(doc);
  // (a bureau bracketing its 科协 is that 科协 too, see meta.yaml unit_bracketed_society)
  const society = unit.kind === file().unit_kinds[0];
  const before = sentenceBefore(doc, at);
  let end = -1;
  for (const m of before.matchAll(compile(f.level_figure, 'g'))) if (!society || m.groups!.level !== unit.level || otherPlace(doc, before.slice(0, m.index))) end = m.index! + m[0].length;
  return end >= 0 && !compile(f.body_again, '').test(before.slice(end));
}
/** In a museum's or a centre's report: the parent 科协 glued before the figure's subject, or a 科协 figure earlier in the
 *  sentence with the unit not named again after it (see parent_owner). */
export function parentBefore(doc: KDocument, f: FinanceFile, at: number): boolean {
  const unit = unitName(doc);
  if (unit === null || !compile(f.parent_unit, '').test(unit)) return false;
  const before = sentenceBefore(doc, at);
  return compile(f.parent_owner, '').test(before) || figureNotAgain(before, [f.parent_figure], f.parent_again);
}
/** Earlier in the sentence of `at`, a figure of the department's 机关 (see agency_figure), the department not named after it. */
export function agencyBefore(doc: KDocument, f: FinanceFile, at: number): boolean {
  const before = sentenceBefore(doc, at);
  // (机关基本支出X: the 机关 glued to the figure's own subject)
  return compile(f.agency_owner, '').test(before) || figureNotAgain(before, [f.agency_figure], f.agency_again);
}
/** The body word named (a 局 before a figure) is the unit's own kind: a bureau's own report (安远县科学技术局（县科学技术协会）…报告)
 *  reads its 局 figures as its own (session 46). */
function ownBureau(doc: KDocument, named: string): boolean {
  return /^局/.test(named) && /局$/.test(unitName(doc) ?? '');
}
