// The fiscal appropriation's figures (财政拨款) and their parts, kept apart from the unit's totals.
import type { AppropriationPart, Figure, KDocument, Span } from '../../document.js';
import { moneySlack, toYuan } from '../../normalise/numbers.js';
import { compile } from '../../patterns.js';
import { sectionsAt } from '../engine.js';
import { paragraphBefore, paragraphStart, sentenceAt, sentenceBefore } from '../prose.js';
import { BASIC_PARTS, PARTS_ANY, moneyCn } from './file.js';
import type { FinanceFile, FinancePattern } from './file.js';

export const FISCAL_SPENDING = '/finance/fiscalAppropriation/spending';
/** Whether the sentence before a unit-wide figure at `at` opens with the fiscal funds as its subject (see `fiscal_funds`):
 *  'fiscal' when nothing but budget and spending words follow the subject, 'other' when another source is joined to it
 *  (财政资金及上级补助资金全年预算X) or another's named before it (上级财政资金): no part we keep, null when it does not open so or names the unit's whole money. */
export function fiscalFundsOpening(doc: KDocument, f: FinanceFile, at: number, m0: string): 'fiscal' | 'other' | null {
  const before = sentenceBefore(doc, at);
  const m = compile(f.fiscal_funds, '').exec(before);
  if (!m) return null;
  const rest = before.slice(m[0].length);
  if (compile(f.fiscal_funds_not, '').test(rest + m0)) return null;
  return m.groups?.prefix || compile(f.fiscal_funds_other, '').test(rest) ? 'other' : 'fiscal';
}
/** True when the sentence before an unowned actual at `at` opens with the fiscal funds and nothing but their budget's clauses
 *  follow them (see `fiscal_funds_budget`): 财政资金全年预算210万元，实际支出205万元. */
export function fiscalBudgetBefore(doc: KDocument, f: FinanceFile, at: number, m0: string): boolean {
  if (fiscalFundsOpening(doc, f, at, m0) === null) return false;
  const before = sentenceBefore(doc, at);
  const m = compile(f.fiscal_funds, '').exec(before)!;
  return compile(f.fiscal_funds_budget, '').test(before.slice(m[0].length));
}
/** True when a heading over `at` names the appropriation or the fiscal funds (see `appropriation_section`). */
function appropriationHeading(doc: KDocument, f: FinanceFile, at: number): boolean {
  return sectionsAt(doc, at).some((h) => compile(f.appropriation_section, '').test(h.title));
}
export const SPENDING_PARTS = /^\/finance\/(?:basic\/(?:actual|budget|personnel|publicUse|personnelBudget|publicUseBudget)|project\/(?:actual|budget))$/;
/** 本年支出合计230万元，其中：财政拨款基本支出150万元，项目支出60万元 — a 基本支出/项目支出 actual among the parts listed after the
 *  unit's whole spending and 其中 in its sentence, one of them named as the appropriation's (`unit_whole_list`, `unit_whole_part`):
 *  'own' when the listed 基本支出 and 项目支出 add up to the whole (the appropriation paid for all: the unit's own figures); when
 *  they do not, and this part is the appropriation-named one or listed after it (the bare part after the appropriation's name
 *  reads as under it too), an appropriation part whose total (the parts' sum) differs from the unit's whole, so that
 *  validate/appropriationParts drops it (other money paid for some of the spending); null otherwise (not such a list, one part
 *  only, or a part before the appropriation-named one: as it stands). */
export function unitWholeList(doc: KDocument, f: FinanceFile, path: string, amount: Span): 'own' | AppropriationPart | null {
  if (!/^\/finance\/(?:basic|project)\/actual$/.test(path) || doc.reportKind === 'project_self_eval' || doc.reportKind === 'budget') return null;
  const sentence = sentenceAt(doc, amount.start);
  const text = doc.norm.slice(sentence.start, sentence.end);
  const whole = compile(f.unit_whole_list, '').exec(text);
  if (!whole || sentence.start + whole.index + whole[0].length > amount.start) return null;
  const from = whole.index + whole[0].length;
  const parts = [...text.slice(from).matchAll(compile(f.unit_whole_part, 'g'))];
  const first = parts.findIndex((x) => x.groups!.glued);
  if (first < 0) return null;
  const figure = (g: Record<string, string>): Figure | null => {
    const value = toYuan(g.num ?? '', g.unit ?? '');
    return value === null ? null : { value, tol: moneySlack(`${(g.num ?? '').replace(/\s/g, '')}${g.unit}`) };
  };
  const total = figure(whole.groups!);
  const listed = parts.map((x) => figure(x.groups!));
  // (one part alone, 其中：财政拨款基本支出150万元, says nothing of the rest: left to validate/appropriationParts)
  if (!total || parts.length !== 2 || new Set(parts.map((x) => x.groups!.subject)).size !== 2 || !listed.every((x) => x)) return null;
  const sum = { value: listed.reduce((a, x) => a + x!.value, 0), tol: listed.reduce((a, x) => a + x!.tol, 0) };
  if (Math.abs(sum.value - total.value) <= sum.tol + total.tol + 1e-6) return 'own';
  // (the appropriation's total as far as the list tells it: differing from the unit's whole, validate/appropriationParts drops
  // the part and the 人员经费/公用经费 stated as its parts)
  const at = parts.findIndex((x) => sentence.start + from + x.index! + x[0].length === amount.end);
  return at >= first ? { of: 'spending', total: sum } : null;
}
/** The appropriation's spending total named on the line before `at` and then 其中, with no unit total after it (see
 *  `appropriation_parts`): its figure (maybe unread, a capital amount), or null when there is none. */
export function appropriationParts(doc: KDocument, f: FinanceFile, at: number): { total?: Figure } | null {
  const before = doc.norm.slice(Math.max(paragraphStart(doc, at), at - 400), at);
  const m = compile(f.appropriation_parts, '').exec(before);
  if (!m || compile(f.unit_total_after, '').test(before.slice(m.index))) return null;
  const total = compile(moneyCn(), '').exec(m[0]);
  const value = total ? toYuan(total.groups!.num ?? '', total.groups!.unit ?? '') : null;
  return value === null ? {} : { total: { value, tol: moneySlack(`${total!.groups!.num.replace(/\s/g, '')}${total!.groups!.unit}`) } };
}
/**
 * Whether a figure of 基本支出/项目支出 or their parts at `at` is a part of the appropriation's spending, and of what: a weak
 * pattern's (财政拨款基本支出X, 一般公共预算项目支出X), the parts after the appropriation's spending total and 其中 on its line,
 * the 人员经费/公用经费 after the appropriation's 基本支出 in its paragraph, and any under a heading naming the appropriation
 * (none in a project report, whose figures are the project's: there a weak pattern stays weak). Null when it is none (the
 * unit's own).
 */
export function appropriationPartOf(doc: KDocument, f: FinanceFile, p: FinancePattern, path: string, at: number): AppropriationPart | null {
  if (doc.reportKind === 'project_self_eval') return null;
  const basicPart = BASIC_PARTS.test(path);
  // (财政拨款基本支出X，其中：人员经费Y: the appropriation's 基本支出 stated before them is what they are a part of)
  const basicBefore = (): Figure | undefined => {
    const from = at - partsContext(doc, at).length;
    const x = doc.facts.filter((y) => y.appropriation?.of === 'spending' && /^\/finance\/basic\/(?:actual|budget)$/.test(y.path) && y.span.start >= from && y.span.start < at).pop();
    return x ? { value: x.value as number, tol: moneySlack(x.raw) } : undefined;
  };
  if (basicPart && compile(f.appropriation_basic, '').test(partsContext(doc, at))) return withBasic({ of: 'basic' }, basicBefore());
  if (!basicPart && PARTS_ANY.test(path) && p.priority === 2 && p.id.startsWith('finance.appropriation.')) return { of: 'spending' };
  // (财政拨款基本支出预算110万元: the subject's word glued after the appropriation's name, read by any subject pattern)
  if (PARTS_ANY.test(path) && compile(f.appropriation_glued, '').test(doc.norm.slice(Math.max(0, at - 12), at))) return basicPart ? withBasic({ of: 'basic' }, basicBefore()) : { of: 'spending' };
  if (SPENDING_PARTS.test(path)) {
    const parts = appropriationParts(doc, f, at);
    if (parts) return basicPart ? withBasic({ of: 'basic', ...parts }, basicBefore()) : { of: 'spending', ...parts };
  }
  if (PARTS_ANY.test(path) && appropriationHeading(doc, f, at)) return basicPart ? withBasic({ of: 'basic' }, basicBefore()) : { of: 'spending' };
  return null;
}
const withBasic = (part: AppropriationPart, basic: Figure | undefined): AppropriationPart => (basic ? { ...part, basic } : part);
/** paragraphBefore, and when that opens with 其中 (…财政拨款基本支出130.20万元。其中：人员经费119.80万元), the sentence before it
 *  on its line too: the parts a figure stated before the 。 is split into. */
export function partsContext(doc: KDocument, at: number): string {
  const p = paragraphBefore(doc, at);
  if (!/^\s*其中/.test(p)) return p;
  const start = at - p.length;
  if (start <= 0 || doc.norm[start - 1] !== '。') return p;
  // (the 。 kept: the text is as long as the doc's span, and a bare 万 before it still closes its clause, 预算资金152.60万。其中…)
  return paragraphBefore(doc, start - 1) + '。' + p;
}
