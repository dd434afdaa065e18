// Whether a figure is this year's: other years, mid-year progress, targets and plans.
import { spanAt } from '../../document.js';
import type { KDocument } from '../../document.js';
import { compile, derived } from '../../patterns.js';
import { saysOtherYear, sectionsAt } from '../engine.js';
import { CLAUSE_ENDS, CLAUSE_STARTS, arabicYears, paragraphStart, sentenceAt, sentenceBefore } from '../prose.js';
import type { Aspect, FinanceFile } from './file.js';

/** True when `at` is in a section stating goals, or its line so far opens with a target cue and does not turn to the result. */
export function inTargets(doc: KDocument, f: FinanceFile, at: number): boolean {
  if (sectionsAt(doc, at).some((h) => compile(f.target_sections, '').test(h.title))) return true;
  const line = spanAt(doc.lines, at);
  const from = Math.max(line?.start ?? sentenceAt(doc, at).start, at - 300);
  // (绩效目标为：项目支出56.5万元。实际完成情况：…，执行率97.35%: the line turned to the result after its cue; huntc53)
  const cue = compile(f.target_sentence, '').exec(doc.norm.slice(from, at));
  return cue !== null && !compile(f.target_result, '').test(doc.norm.slice(from + cue.index + cue[0].length, at));
}
/** True when the sentence of `at` (on its line) opens with a target cue and does not turn to the result before `at`. */
export function inTargetSentence(doc: KDocument, f: FinanceFile, at: number): boolean {
  const line = spanAt(doc.lines, at);
  const from = Math.max(line?.start ?? 0, sentenceAt(doc, at).start, at - 300);
  const cue = compile(f.target_sentence, '').exec(doc.norm.slice(from, at));
  return cue !== null && !compile(f.target_result, '').test(doc.norm.slice(from + cue.index + cue[0].length, at));
}
/** True when the report says anywhere that its project runs over years (`report_project_span`): its 总预算 is no year's, unless
 *  the year stands right before it (`report_project_span_year`: 2023年度项目总预算X). Searched once per document. */
export function projectOverYears(doc: KDocument, f: FinanceFile, at: number): boolean {
  let spans = overYears.get(doc);
  if (spans === undefined) overYears.set(doc, (spans = compile(f.report_project_span, '').test(doc.norm)));
  return spans && !compile(f.report_project_span_year, '').test(doc.norm.slice(Math.max(0, at - 12), at));
}
const overYears = new WeakMap<KDocument, boolean>();
/** False when the words right before `at` put the figure in another year, or make an actual a plan. */
/** (`head`: the figure's own phrase — 上年预算执行率为95%，本年预算执行率为96.51%: the phrase opening its clause with 本年 names this
 *  year in a later clause of a sentence opening with the year before, as 上年基本支出X，本年基本支出Y does before its subject) */
export function fitsYear(doc: KDocument, f: FinanceFile, at: number, aspect: Aspect, head = ''): boolean {
  const before = arabicYears(doc.norm.slice(Math.max(0, at - 16), at));
  if (saysOtherYear(doc, f.other_period, before) || compile(f.compared, '').test(before)) return false;
  if (aspect !== 'budget' && aspect !== 'initial' && compile(f.planned, '').test(before)) return false;
  if (saysOtherYear(doc, f.year_before, before)) return false;
  if (sectionsAt(doc, at).some((h) => otherYearHeading(doc, f, h.title))) return false;
  // (二、工作计划 in a work summary: a plan's figures are no actuals; see section_plan)
  if (aspect !== 'budget' && aspect !== 'initial' && f.section_plan && doc.reportKind !== 'budget' && sectionsAt(doc, at).some((h) => compile(f.section_plan!, '').test(h.title.replace(/\s+/g, '')))) return false;
  const sentence = sentenceBefore(doc, at);
  if (otherYearSentence(doc, f, sentence, head.slice(0, 4)) || otherYearBeforeSemicolon(doc, f, at, sentence + head)) return false;
  if (projectSpanSentence(doc, f, sentence + head.slice(0, 8))) return false;
  if (spanClause(f, sentence)) return false;
  // (a later clause of the sentence opening with another year, 2023年部门整体支出160万元，2022年部门整体支出150万元，其中基本支出
  // 110万元: from there the clauses are that year's, as a sentence opening with it is, until one names this year)
  // (only its parts: a clause opening with 其中, or a part's sibling after the year's part, 2022年基本支出110万元，项目支出40万元; a
  // subject restated after an aside, 部门预算186.5万元，上年实际支出180.2万元，实际支出184.3万元, is this year's)
  // (…，上年实际支出200万元，执行率95%: a rate right after such a clause's spent figure is that year's too; year_clause_rate)
  const clause = lastYearClause(f, sentence);
  return clause === null || !(compile(f.year_clause_parts, '').test(clause) || (aspect === 'rate' && compile(f.year_clause_rate, '').test(clause))) || !otherYearSentence(doc, f, clause, head.slice(0, 4));
}
/** True when the sentence of `at` opens right after a ； and the clauses before it in its paragraph's sentence open with another
 *  year or the year before (2022年部门预算安排200万元；项目支出50万元，实际支出49万元: 2022's), the sentence naming no year of its own
 *  at its start (`own`: the sentence up to the figure and its phrase's first words) — fin54. */
function otherYearBeforeSemicolon(doc: KDocument, f: FinanceFile, at: number, own: string): boolean {
  const s = sentenceAt(doc, at).start;
  if (s < 1 || !/[;；][ \t]*$/.test(doc.norm.slice(Math.max(0, s - 3), s))) return false;
  const lead = arabicYears(own);
  if (compile(f.sentence_year, '').test(lead) || compile(f.sentence_prior, '').test(lead) || compile(f.sentence_this_year, '').test('；' + lead)) return false;
  const from = Math.max(paragraphStart(doc, s), doc.norm.lastIndexOf('。', s - 1) + 1, s - 400);
  return otherYearSentence(doc, f, doc.norm.slice(from, s));
}
/** The sentence before a figure from its last clause that opens with a year or the year before (sentence_year,
 *  sentence_prior), or null when none after its first does. */
function lastYearClause(f: FinanceFile, sentence: string): string | null {
  let from = -1;
  // (back at most CLAUSE_REACH characters: a line of thousands of clauses with no stop, a bad copy, stays linear)
  for (let i = sentence.length - 2; i >= Math.max(0, sentence.length - CLAUSE_REACH) && from < 0; i--) {
    if (!CLAUSE_MARKS.has(sentence[i])) continue;
    // (the year patterns are anchored at the clause's start and read a few characters: a bounded head keeps this linear)
    const tail = arabicYears(sentence.slice(i + 1, i + 1 + CLAUSE_HEAD));
    if ((compile(f.sentence_year, '').test(tail) && !compile(f.carried_in, '').test(tail)) || compile(f.sentence_prior, '').test(tail)) from = i + 1;
  }
  return from > 0 ? sentence.slice(from) : null;
}
const CLAUSE_MARKS = new Set(['，', ',', '；', ';']);
const CLAUSE_HEAD = 48;
const CLAUSE_REACH = 600;
/** True when `text` (a sentence up to a figure) opens with another year, or with the year before and names this year in no later clause. */
export function otherYearSentence(doc: KDocument, f: FinanceFile, text: string, head = ''): boolean {
  const sentence = arabicYears(text);
  const fy = doc.data.fiscalYear;
  if (saysOtherYear(doc, f.sentence_year, sentence) && !(typeof fy === 'number' && sentence.includes(`${fy}年`))) return true;
  // 2021-2023年项目资金90万元，实际支出88万元: a span of years holds the span's figures, unless a later clause names the fiscal year
  if (compile(f.sentence_span, '').test(sentence) && !(typeof fy === 'number' && clauseNamesYear(f, fy, sentence))) return true;
  // 下一年度，部门预算安排X，其中项目支出Y: a sentence opening with the next year holds its plan
  if (compile(f.sentence_next, '').test(sentence)) return true;
  // 上年基本支出预算X，项目支出预算Y: a sentence opening with the year before holds that year's figures, unless a later clause names this year
  return compile(f.sentence_prior, '').test(sentence) && !compile(f.sentence_this_year, '').test(sentence + head) && !(typeof fy === 'number' && clauseNamesYear(f, fy, sentence));
}
/** True when the figure's clause in `sentence` (up to it), or the clause right before it holding no figure, opens with a span of years
 *  (项目预算90万元，2021年至2023年累计支出82万元 | 部门预算X，2021-2023年，实际支出Y): the span's figure, as in a sentence opening with
 *  one (sentence_span; that case is otherYearSentence's) — fin55. */
function spanClause(f: FinanceFile, sentence: string): boolean {
  const own = lastClauseMark(sentence, sentence.length);
  if (own < 0) return false;
  const span = compile(f.sentence_span, '');
  if (span.test(sentence.slice(own + 1))) return true;
  if (/\S/.test(sentence.slice(own + 1))) return false;
  const prev = sentence.slice(lastClauseMark(sentence, own) + 1, own);
  const m = span.exec(prev);
  return m !== null && !/\d/.test(prev.slice(m[0].length));
}
/** The index of the last clause mark (，,;；) in `text` before `end`, or -1. */
function lastClauseMark(text: string, end: number): number {
  for (let i = end - 1; i >= 0; i--) if (CLAUSE_MARKS.has(text[i])) return i;
  return -1;
}
/** 该项目为跨年度项目，总预算90万元，累计支出60万元: a sentence (up to a figure and its phrase's first words) whose first clause says the
 *  project runs over several years holds its figures over them, up to a clause naming this year (…，当年支出X | …，2023年预算X; not a
 *  date, 截至2023年底). See sentence_project_span. */
function projectSpanSentence(doc: KDocument, f: FinanceFile, raw: string): boolean {
  const text = arabicYears(raw);
  if (!compile(f.sentence_project_span, '').test(text) || compile(f.sentence_this_year, '').test(text)) return false;
  const fy = doc.data.fiscalYear;
  return !(typeof fy === 'number' && derived(f, `clauseOwnYear${fy}`, () => `[，,;；][^，,;；]{0,12}?${fy}[ \\t]*年度?(?![ \\t]*(?:底|末|\\d|[一二三四五六七八九十]{1,2}[ \\t]*月))`).test(text));
}
/** True when a later clause of `sentence` names the fiscal year `fy` (…，其中2023年支出X; a PDF's spaces around the year too, 其中 2023 年). */
function clauseNamesYear(f: FinanceFile, fy: number, sentence: string): boolean {
  return derived(f, `clauseYear${fy}`, () => `[，,;；][^，,;；]{0,12}?${fy}[ \\t]*年`).test(sentence);
}
/** True when a date within the year stands in the clause before a rate at `at`, or dates its sentence (截至6月底，…). */
export function midYear(doc: KDocument, f: FinanceFile, at: number): boolean {
  const sentence = sentenceBefore(doc, at);
  let cut = 0;
  for (const ch of [...CLAUSE_ENDS, '；']) cut = Math.max(cut, sentence.lastIndexOf(ch) + 1);
  if (compile(f.midyear, '').test(sentence.slice(cut))) return true;
  // (截至11月底，实际支出170万元，全年实际支出190万元，预算执行率98.96%: the whole year's spending after the date's figure ends its reach)
  // (the match may open with the whole year's words: tested with a few characters after `at`)
  if (compile(f.midyear_asof, '').test(sentence) && !compile(f.midyear_then_year, '').test(sentence + doc.norm.slice(at, at + 12))) return true;
  return periodFigureBefore(f, sentence, cut);
}
/** True when a clause before the last one of `sentence` (up to its last ；) opens with a period within the year and states a
 *  figure of it (上半年实际支出80万元，预算执行率45%), and no clause after it opens with the whole year or its end (period_then_year). */
function periodFigureBefore(f: FinanceFile, sentence: string, cut: number): boolean {
  const from = Math.max(sentence.lastIndexOf('；'), sentence.lastIndexOf(';')) + 1;
  if (cut <= from) return false;
  const part = sentence.slice(from, cut);
  let last = -1;
  for (const m of part.matchAll(compile(f.period_figure, 'g'))) last = m.index! + m[0].length;
  return last >= 0 && !compile(f.period_then_year, '').test(sentence.slice(from + last));
}
/** True when a heading names another year than the fiscal year and not the fiscal year, or the next year (see section_year). */
function otherYearHeading(doc: KDocument, f: FinanceFile, title: string): boolean {
  if (compile(f.section_next, '').test(title)) return true;
  const fy = doc.data.fiscalYear;
  if (typeof fy !== 'number') return false;
  const years = [...title.matchAll(compile(f.section_year, 'g'))].map((m) => Number(m.groups!.year));
  return years.length > 0 && !years.includes(fy);
}
/** True when the actual whose amount is `amount` is a running total (累计 in its clause, not said to be the year's) that may run over
 *  years: a cut-off date before it in its sentence with no year's budget before it in its paragraph (截至2023年底累计支出82万元), or
 *  this year's part after it (累计支出100万元，其中本年支出30万元) — see cumulative_word (fin53). */
export function cumulativeOverYears(doc: KDocument, f: FinanceFile, amount: { start: number; end: number }): boolean {
  const before = sentenceBefore(doc, amount.start);
  const clause = before.slice(Math.max(...CLAUSE_STARTS.map((c) => before.lastIndexOf(c))) + 1);
  if (!clause.includes('累计') || !compile(f.cumulative_word, '').test(clause)) return false;
  if (compile(f.cumulative_year_part, '').test(doc.norm.slice(amount.end, amount.end + 24))) return true;
  if (!compile(f.cumulative_cutoff, '').test(before)) return false;
  const from = Math.max(paragraphStart(doc, amount.start), amount.start - 400);
  // (2022年度部门预算180万元。截至2023年12月31日，累计支出X | 上年部门预算X。截至年底，累计… : another year's budget is no budget
  // of the year's — fin55)
  for (const m of doc.norm.slice(from, amount.start).matchAll(compile(f.cumulative_year_budget, 'g'))) {
    if (fitsYear(doc, f, from + m.index + m[0].length, 'budget')) return false;
  }
  return true;
}
