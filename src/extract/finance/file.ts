// finance.yaml as loaded, its fields' paths, and its phrases filled with the reporting unit (level, kind, own name).
import type { KDocument } from '../../document.js';
import { compile, derived, escapeRegex, loadPatternFile } from '../../patterns.js';
import { bracketedSocietyLevel, unitName } from '../engine.js';

export type Aspect = 'budget' | 'actual' | 'rate' | 'initial';
interface SubjectDef { regex: string; paths: Partial<Record<Aspect, string>>; named?: boolean }
export interface FinancePattern { id: string; path?: string | string[]; subject?: string; aspect?: Aspect; regex: string; kinds?: string[]; unowned?: boolean; priority?: number; after_unit_budget?: boolean; after_unit_income?: boolean; after_figure?: boolean; not_after_item?: boolean; not_after_part_item?: boolean; own_money?: boolean; form_fields?: boolean; own_name?: boolean; own_item?: boolean; one_source?: boolean; unless_same_funds?: boolean; fiscal_budget?: boolean; only_total?: boolean; parts_sum?: boolean; sources_sum?: boolean; share_base?: boolean; not_in_budget?: boolean; over_years_total?: string }
export interface NoneDef { id: string; path: string; regex?: string; section?: string; body?: string }
export interface SplitPair { label_line: string; value_line: string; labels_before: string; values_after: string }
export interface FinanceFile {
  word_wraps: string[];
  form_adjusted_next: string;
  budget_income_before: string;
  other_source: string;
  unit_named: string;
  unit_budget_word: string;
  into_budget: string;
  wrapped_budget: string;
  funds_word: string;
  funds_spent_after: string;
  funds_sources_before: string;
  all_spent_hint: string;
  share_of: string;
  share_base: string;
  money_sentence: string;
  income_then: string;
  funds_received: string;
  funds_received_amount: string;
  rate_names_budget: string;
  rate_opens: string;
  initial_base: { rate: string; budget_named: string };
  part_over_rate: string;
  evidence_lead: string;
  evidence_unit: string;
  evidence_dated: string;
  all_spent: string;
  all_spent_fund: string;
  subjects: Record<string, SubjectDef>;
  split_pair: SplitPair;
  boundary: string;
  unit_boundary: string;
  unit_budget_named: string;
  unit_budget: string;
  budget_chain_next: string;
  unit_funds_before: string;
  parts_after: string;
  parts_listed: string;
  unit_kinds: string[];
  per_unit: string;
  whole_place_before: string;
  subject_evaluated: string;
  subject_scope: string;
  approx_after: string;
  named_owner: string;
  named_owner_not: string;
  named_owner_bare: string;
  named_owner_funds: string;
  named_owner_funds_not: string;
  named_owner_carry: string;
  carry_in_words: string;
  carry_spent_before: string;
  budget_spent_words: string;
  unit_receives: string;
  funds_arranged: string;
  named_owner_clause: string;
  unit_named_before: string;
  own_kinds: string;
  income_with_carry_in: string;
  spending_with_carry_out: string;
  form_item: string;
  form_item_block: string;
  form_field_open: string;
  source_split: string;
  source_level: string;
  source_clause: string;
  source_spent_rate: string;
  user_split: string;
  user_part: string;
  user_clause: string;
  user_spent_rate: string;
  part_rate: string;
  report_project_span: string;
  report_project_span_year: string;
  title_source: string;
  appropriation_owner: string;
  appropriation_totals_section: string;
  appropriation_income: string;
  appropriation_section: string;
  fiscal_funds: string;
  fiscal_funds_not: string;
  fiscal_funds_other: string;
  fiscal_funds_budget: string;
  project_arranged: string;
  appropriation_basic: string;
  appropriation_glued: string;
  unit_whole_list: string;
  unit_whole_part: string;
  appropriation_parts: string;
  unit_total_after: string;
  budget_parts: string;
  budget_parts_unread: string;
  budget_parts_after: string;
  budget_share_after: string;
  budget_chain: string;
  cumulative_word: string;
  cumulative_cutoff: string;
  cumulative_year_budget: string;
  cumulative_year_part: string;
  budget_part_chain: string;
  budget_chain_head: string;
  budget_bare_parts: string;
  budget_parts_delta: string;
  budget_parts_other: string;
  budget_section: string;
  budget_section_end: string;
  budget_parts_listed: string;
  budget_item_listed: string;
  budget_compared_prior: string;
  budget_prior_figure: string;
  prior_delta: string;
  adjusted_budget: string;
  adjusted_opens: string;
  subject_changed: string;
  mid_year_change: string;
  mid_year_cut: string;
  cut_follows: string;
  change_follows: string;
  rate_item: string;
  rate_alone: { section: string; section_not: string; not_before: string };
  savings_clause: string;
  project_item_clause: string;
  project_item_glued: string;
  project_item_glued_not: string;
  project_self: string;
  project_budget_change: string;
  project_budget_cause: string;
  project_item_use: string;
  project_item_label: string;
  project_item_verb: string;
  bare_spending: string;
  bare_funds: string;
  item_before: string;
  funds_rate_before: string;
  museum_figure: string;
  museum_unit: string;
  body_topic: string;
  topic_unit_again: string;
  museum_owner: string;
  museum_joint: string;
  centre_owner: string;
  centre_figure: string;
  parent_unit: string;
  parent_owner: string;
  parent_figure: string;
  parent_again: string;
  body_figure: string;
  body_again: string;
  other_project: string;
  other_place_owner: string;
  other_place_figure: string;
  other_project_again: string;
  fund_line: string;
  fund_line_not: string;
  fund_line_ends: string;
  fund_line_money: string;
  level_figure: string;
  department_parts: string;
  agency_figure: string;
  agency_owner: string;
  agency_again: string;
  part_level: string;
  part_item: string;
  area_share_clause: string;
  part_bracket?: string;
  classified_item: string;
  classified_heading: string;
  unit_named_before_level: string;
  other_body_before: string;
  year_words_only: string;
  named_owner_numbered: string;
  named_owner_numbered_not: string;
  unit_again: string;
  adjusted: string;
  compared: string;
  sentence_year: string;
  sentence_span: string;
  sentence_project_span: string;
  carry_in_follows: string;
  funds_follow: string;
  funds_figure: string;
  sentence_prior: string;
  sentence_this_year: string;
  year_clause_parts: string;
  year_clause_rate: string;
  carried_in: string;
  sentence_next: string;
  section_year: string;
  section_next: string;
  section_plan?: string;
  other_period: string;
  planned: string;
  year_before: string;
  target_sections: string;
  target_sentence: string;
  target_result: string;
  target_after: string;
  next_plan: string;
  carried_spent_before: string;
  this_year_spent: string;
  approval_before: string;
  approval_actual: string;
  this_year_first: string;
  carried_spent_after: string;
  bare_completion: string;
  midyear: string;
  midyear_asof: string;
  midyear_then_year: string;
  period_figure: string;
  period_then_year: string;
  level_source: string;
  level_source_after: string;
  changes_to_adjusted: string;
  budget_own_change: string;
  initial_then_change: string;
  restated_initial: string;
  stated_change: string;
  heading_owner: { title: string; item_title: string; keys: string[]; parts: Record<string, string[]>; explicit: string; other: string; own_rate: string; opens: string; figure_before: string; project_count: string; project_lead?: string; named_lead: string };
  patterns: FinancePattern[];
  none: NoneDef[];
}
export const file = () => loadPatternFile<FinanceFile>('finance.yaml');
function subjectAlternation(f: FinanceFile): string {
  return Object.values(f.subjects).map((s) => `(?:${s.regex})`).join('|');
}
/** A finance pattern's regex with finance.yaml's own placeholders ({BOUNDARY}, {SUBJECT}, {ADJUSTED}, {UNIT_BOUNDARY} and its
 *  {LEVEL} and {KIND}: the reporting unit's level and kind of body, or '' — an empty class that matches nothing) filled in. */
export function financeSource(regex: string, unit: Unit = NO_UNIT): string {
  // made once per pattern and kind of unit: the same string object each time, so the regex and anchor caches find it by
  // its cached hash (a new string of thousands of characters was hashed again at every match)
  const key = `${unit.level}\u0000${unit.kind}\u0000${unit.own}`;
  let byRegex = filled.get(key);
  if (!byRegex) {
    if (filled.size >= 1000) filled.clear(); // (`own` holds a society's name: one entry per such report)
    filled.set(key, (byRegex = new Map()));
  }
  let out = byRegex.get(regex);
  if (out === undefined) {
    const src = financeBase(regex);
    out = src.includes('{LEVEL}') || src.includes('{OWN}') ? src.replaceAll('{LEVEL}', unit.level).replaceAll('{KIND}', unit.kind || '(?!)').replaceAll('{OWN}', unit.own || '(?!)') : src;
    byRegex.set(regex, out);
  }
  return out;
}
const NO_UNIT: Unit = { level: '', kind: '', own: '' };
export const filled = new Map<string, Map<string, string>>();
/** The reporting unit as the patterns name it: level and kind (县, 科协) or, for a society reporting for itself, `own`: its
 *  name and kind word as alternatives (某市计算机学会|学会). */
export interface Unit { level: string; kind: string; own: string }
function financeBase(regex: string): string {
  let src = sources.get(regex);
  if (src === undefined) {
    const f = file();
    src = regex.replaceAll('{BOUNDARY}', f.boundary).replaceAll('{UNIT_BOUNDARY}', f.unit_boundary).replaceAll('{SUBJECT}', subjectAlternation(f)).replaceAll('{ADJUSTED}', f.adjusted).replaceAll('{CHANGE_FOLLOWS}', f.change_follows).replaceAll('{CARRY_IN_FOLLOWS}', f.carry_in_follows).replaceAll('{FUNDS_FOLLOW}', f.funds_follow).replaceAll('{BUDGET_COMPARED_PRIOR}', f.budget_compared_prior);
    sources.set(regex, src);
  }
  return src;
}
export const sources = new Map<string, string>();
// An amount as {MONEY} reads it, lower-case Chinese numerals included (本年支出合计一百九十八万元), for the role patterns and for the
// helpers that count or compare the figures of a sentence (fin51: once the patterns read 全年预算一百万元，…，实际支出十九万元, a
// helper blind to 其中科普日经费二十万元 between them gave the unit 190000). MONEY itself holds CN_AMOUNT since fin52.
export const moneyCn = (): string => '{MONEY}';
export const THREE_PUBLIC = '/finance/threePublic/';
export const UNIT_SPENDING = /^\/finance\/spendingTotal\/(?:actual|budget|executionRate|initialBudget)$/;
export const INITIAL_BUDGET = '/finance/spendingTotal/initialBudget';
export const BUDGET = '/finance/spendingTotal/budget';
export const PROJECT_BUDGET = '/finance/project/budget';
export const UNIT_TOTALS = /^\/finance\/(?:incomeGrandTotal|spendingGrandTotal|incomeTotal|spendingTotal\/actual)$/;
export const BASIC_PARTS = /^\/finance\/basic\/(?:personnel|publicUse)(?:Budget)?$/;
export const PARTS_ANY = /^\/finance\/(?:basic|project)\//;
/** The reporting unit's level (县, 市, 区, 旗, 州, 盟, 省) and kind of body (one of `unit_kinds` in finance.yaml: an association,
 *  科协|科学技术协会, a museum, 科技馆|科学技术馆, a 科普服务中心 …) from its name (某县科学技术协会, 县科协, 某县科技馆, 某区科普服务中心),
 *  or '' for both when unknown. */
export function reportingUnit(doc: KDocument): Unit {
  // (asked for at many matches: found once per document, after meta has named the unit)
  let unit = units.get(doc);
  if (!unit) units.set(doc, (unit = findUnit(doc)));
  return unit;
}
const units = new WeakMap<KDocument, Unit>();
function findUnit(doc: KDocument): Unit {
  const f = file();
  const name = unitName(doc);
  // (a bureau's report bracketing the 科协 it holds: 县科协… is the unit by that 科协's level, the 局 by ownBureau)
  const society = bracketedSocietyLevel(doc);
  if (society) return { level: society, kind: f.unit_kinds[0], own: '' };
  const m = name !== null ? derived(f, 'unitKindEnd', () => `([县市区旗州盟省])(${f.unit_kinds.join('|')})$`).exec(name) : null;
  if (!m) {
    const own = name !== null ? compile(f.own_kinds, '').exec(name) : null;
    return { level: '', kind: '', own: own ? `${escapeRegex(name!)}|${own[0]}` : '' };
  }
  const kind = f.unit_kinds.find((k) => derived(f, `unitKind:${k}`, () => `^(?:${k})$`).test(m[2]))!;
  // (a museum's own report: 2023年科技馆收入合计X, 科技馆全年实际支出Y name the unit by its kind alone)
  return { level: m[1], kind, own: compile(f.own_kinds, '').test(kind) ? `${escapeRegex(name!)}|${kind}` : '' };
}
/** True when the unit itself, named by its level and kind (县科协, 某县科学技术协会), ends right before `at` (see unit_boundary). */
export function afterUnit(doc: KDocument, f: FinanceFile, at: number, unit: Unit): boolean {
  if (!unit.level && !unit.own) return false;
  return derived(unit, 'afterUnit', () => `${financeSource(f.unit_boundary, unit)}$`).test(doc.norm.slice(Math.max(0, at - 12), at));
}
export const boundaryAtEnd = () => derived(file(), 'boundaryAtEnd', () => `${file().boundary}$`);
/** True when the text before `at` ends where a phrase may start (see `boundary` in finance.yaml). */
export function opensPhrase(doc: KDocument, at: number): boolean {
  const before = doc.norm.slice(Math.max(0, at - 4), at);
  return boundaryAtEnd().test(before) || at === 0;
}
/** The first amount in `s` and its unit (a bare 万 closing its clause is 万元, as {MONEY} reads it); in Chinese numerals too
 *  (二百一十万元, as {MONEY} reads it since fin52: the unit the amount's own, 二百万 + 元, never 万元 twice). */
export function amountNum(s: string): string {
  return compile(AMOUNT, '').exec(s)?.[1] ?? '';
}
export function unitOf(s: string): string {
  return compile(AMOUNT, '').exec(s)?.[2] ?? compile(UNIT, '').exec(s)?.[1] ?? '元';
}
// (a bare 万 closes its clause, its line or the text: 万元, as {MONEY} reads it)
const WAN_CLOSING = String.raw`万(?=[ \t]*(?:[，,。;；、)）]|\n|$))`;
const AMOUNT = String.raw`(\d[\d,]*(?:\.\d+)?|{CN_AMOUNT})\s*(万元|亿元|千元|元|${WAN_CLOSING})`;
const UNIT = String.raw`(万元|亿元|千元|元|(?<=[\d〇零一二两三四五六七八九十百千][ \t]*)${WAN_CLOSING})`;
