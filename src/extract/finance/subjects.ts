// Which subject (基本支出, 项目支出, 三公经费 …) owns a figure: named in its phrase, inherited from its sentence, or from its heading.
import type { KDocument, Span } from '../../document.js';
import { compile, derived } from '../../patterns.js';
import { sectionsAt } from '../engine.js';
import { proseSlice, sentenceAt, sentenceReach } from '../prose.js';
import { toYuan } from '../../normalise/numbers.js';
import { afterUnit, boundaryAtEnd, file, moneyCn, opensPhrase, reportingUnit } from './file.js';
import type { FinanceFile } from './file.js';
import { WORD_WRAP_MARK, cutView, withWordWraps, wrapMarked } from './view.js';

/** Which subject key a captured subject text belongs to. `following`: the text after it, for subjects whose
 *  regex looks ahead (支出 before 合计/总额/为). */
export function subjectOf(text: string, following = ''): string | null {
  text = text.replaceAll(WORD_WRAP_MARK, '');
  for (const [key, s] of Object.entries(file().subjects)) {
    const m = derived(s, 'head', () => `^(?:${s.regex})`).exec(text + following);
    if (m && m[0].length === text.length) return key;
  }
  return null;
}
/** A subject word naming the evaluation of that spending (项目支出绩效自评覆盖率), not its money — or the scope its parts are taken
 *  from (项目支出中，中央补助资金X: subject_scope). */
function evaluated(text: string, m: RegExpMatchArray): boolean {
  const after = text.slice(m.index! + m[0].length);
  return compile(file().subject_evaluated, '').test(after) || compile(file().subject_scope, '').test(after);
}
/** 部门预算200万元，其中基本支出150万元，项目支出50万元，调整后预算210万元，实际支出205万元: a budget's parts listed after its 其中
 *  with the adjusted budget opening the next clause (`adjusted_opens`) are an aside on the budget before them: `prefix` with them
 *  blanked (offsets kept), so they own neither the adjusted figure nor what follows it. `ahead` gives the text from the same start
 *  a little past `prefix` (the adjusted budget's words may follow the figure's offset); only asked for when 其中 is in it. */
export function partsAsideBlanked(prefix: string, ahead: () => string, lead = ''): string {
  if (!prefix.includes('其中') && !prefix.includes('预算') && !lead) return prefix;
  let out = prefix;
  for (const a of budgetAsides(ahead(), lead)) if (a.end <= prefix.length) out = out.slice(0, a.start) + ' '.repeat(a.end - a.start) + out.slice(a.end);
  return out;
}
/** The lists in `text` that are asides on a budget before its adjusted figure: after 其中 (partsBeforeAdjusted, listAside), or
 *  the unit budget's bare parts with no 其中 (bareChainAsides; its budget may stand in `lead`, the clause before `text`), in the
 *  order they stand. */
function budgetAsides(text: string, lead = ''): Span[] {
  const out: Span[] = [];
  if (text.includes('其中')) for (const m of text.matchAll(partsBeforeAdjusted())) if (listAside(text, m)) out.push({ start: m.index, end: m.index + m[0].length });
  for (const a of bareChainAsides(lead + text)) if (a.end > lead.length) out.push({ start: Math.max(0, a.start - lead.length), end: a.end - lead.length });
  return out.sort((a, b) => a.start - b.start);
}
/** 2023年部门预算安排200万元；基本支出150万元，…: the clause before a sentence `start` opens in `text` right after a ；, back to the
 *  paragraph's 。 (at most 200 characters), or '' — the budget whose bare parts open the sentence (bareChainAsides). */
export function leadAfterSemicolon(text: string, start: number): string {
  if (!/[;；][ \t]*$/.test(text.slice(Math.max(0, start - 3), start))) return '';
  const from = Math.max(text.lastIndexOf('。', start - 1), text.lastIndexOf('\n', start - 1)) + 1;
  return text.slice(Math.max(from, start - 200), start);
}
let bareChain: string | null = null;
/** 年初预算200万元，基本支出150万元，项目支出50万元，调整后预算210万元: the unit budget's bare parts (no 其中) with the adjusted budget
 *  opening the clause after them (budget_chain_head, budget_bare_parts) — an aside on that budget, as a list after 其中 is (fin53). */
function bareChainAsides(text: string): Span[] {
  if (!text.includes('预算')) return [];
  bareChain ??= `${file().budget_chain_head}(?<parts>${file().budget_bare_parts})(?=[ \\t]*(?:${file().adjusted_opens}))`;
  const out: Span[] = [];
  for (const m of text.matchAll(compile(bareChain, 'g'))) {
    const end = m.index + m[0].length;
    out.push({ start: end - m.groups!.parts.length, end });
  }
  return out;
}
let bareHead: string | null = null;
/** The unit budget's bare parts (budget_bare_parts) opening `text`, right after that budget's figure, its length or 0. */
export function bareListHead(text: string): number {
  bareHead ??= `^[ \\t]*(?:${file().budget_bare_parts})`;
  return compile(bareHead, '').exec(text)?.[0].length ?? 0;
}
/** A budget's list after its 其中 (`，其中：A X万元，B Y万元，`): one to six entries of a name of `names` with its figure, each
 *  closed by one of `closers` (a pattern source); a bare 万 before the closer is 万元 (`其中基本支出150万，项目支出50万，`); the
 *  figures in Chinese numerals too (FIG_NUM: 其中基本支出一百五十万元，…). */
const budgetList = (names: string, closers: string) =>
  `[，,][ \\t]*其中[:：]?(?:[ \\t]*(?:${names})(?:预算)?(?:数)?(?:为|是|:)?[ \\t]*(?:{FIG_NUM})[ \\t]*(?:(?:万|亿)?[ \\t]*元|万)[ \\t]*[${closers}]){1,6}`;
/** Its entries: the budget's parts (基本支出, 项目支出 …), or those and any fund's items (budget_item_listed). */
const partNames = () => file().budget_parts_listed;
const itemNames = () => `${file().budget_parts_listed}|${file().budget_item_listed}`;
let partsAdjusted: string | null = null;
/** The list after a budget's 其中, of its parts or its items, with the adjusted budget opening the clause after it (each match to be
 *  checked with listAside). */
export function partsBeforeAdjusted(): RegExp {
  partsAdjusted ??= `(?<=[\\d〇零一二两三四五六七八九十百千][ \\t]*(?:(?:万|亿)?[ \\t]*元|万)[ \\t]*)${budgetList(itemNames(), '、，,；;')}(?=[ \\t]*(?:${file().adjusted_opens}))`;
  return compile(partsAdjusted, 'g');
}
let partsOnly: string | null = null;
/** True when the list `m` (a partsBeforeAdjusted match in `text`) is an aside on the budget before it: the budget's parts
 *  (budget_parts_listed), or items whose figures all lie farther from the adjusted figure after the list than the budget does
 *  (项目支出预算50万元，其中科普日活动经费20万元，调整后预算55万元: 55 is 项目支出's; …调整后预算25万元 may be the item's own). */
export function listAside(text: string, m: RegExpMatchArray): boolean {
  return listRole(text, m) === 'aside';
}
/** What the list `m` (a partsBeforeAdjusted match in `text`) is to the adjusted figure after it: an aside on the budget before it,
 *  the items of a change (年中追加12万元，其中科普日经费10万元，全年预算218.3万元: the whole's adjusted figure), items one of
 *  which may own that figure (`item`: the figure lies nearer an item's than the budget's), or unknown (a figure unread). */
function listRole(text: string, m: RegExpMatchArray): 'aside' | 'change' | 'item' | 'unknown' {
  partsOnly ??= `^${budgetList(partNames(), '、，,；;')}$`;
  if (compile(partsOnly, '').test(m[0])) return 'aside';
  const head = text.slice(Math.max(0, m.index! - 24), m.index!);
  // (a thousands separator, 120,000.00元, ends no clause)
  const cut = [...head.matchAll(/[，；;。]|,(?!\d{3})/g)].pop();
  if (compile(file().mid_year_change, '').test(head.slice(cut ? cut.index! + 1 : 0))) return 'change';
  const b = moneyYuan([...head.matchAll(compile(moneyCn(), 'g'))].pop());
  const a = moneyYuan(compile(moneyCn(), '').exec(text.slice(m.index! + m[0].length, m.index! + m[0].length + 40)));
  if (b === null || a === null) return 'unknown';
  return adjustedNearerBudget(m[0], b, a) ? 'aside' : 'item';
}
/** True when `prefix` (a sentence up to a figure) holds a budget's list of items whose adjusted figure after it may be an item's
 *  own (listRole `item`): 项目支出预算50万元，其中科普日活动经费20万元，调整后预算25万元，实际支出24万元 — the bare figures after
 *  that adjusted figure follow the item's chain, not the subject's before the list (session 46). */
export function afterItemAdjusted(prefix: string): boolean {
  if (!prefix.includes('其中')) return false;
  for (const m of prefix.matchAll(partsBeforeAdjusted())) if (listRole(prefix, m) === 'item') return true;
  return false;
}
/** True when the adjusted figure `adjusted` lies nearer the budget `budget` than every figure of the list `list` (an item's own
 *  adjusted figure would be nearer the item's: a change is small beside what it changes). */
export function adjustedNearerBudget(list: string, budget: number, adjusted: number): boolean {
  return [...list.matchAll(compile(moneyCn(), 'g'))].every((x) => {
    const v = moneyYuan(x);
    return v !== null && Math.abs(adjusted - v) > Math.abs(adjusted - budget);
  });
}
const moneyYuan = (x: RegExpMatchArray | null | undefined) => (x ? toYuan(x.groups?.num ?? '', x.groups?.unit ?? '') : null);
/** `text` with the lists that are asides on a budget before its adjusted figure (partsBeforeAdjusted, listAside) put as `by`. */
export function asidesReplaced(text: string, by: string): string {
  let out = '', last = 0;
  for (const a of budgetAsides(text)) {
    if (a.start < last) continue;
    out += text.slice(last, a.start) + by;
    last = a.end;
  }
  return out + text.slice(last);
}
/** The same list opening `text` (`，其中…，` right after a budget's figure; closed by 、，；。), its length or 0. */
let partsHead: string | null = null;
export function partsListHead(text: string): number {
  if (!text.includes('其中')) return 0;
  partsHead ??= `^[ \\t]*${budgetList(partNames(), '、，,；;。')}`;
  return compile(partsHead, '').exec(text)?.[0].length ?? 0;
}
/** The list after a budget's 其中 opening `text` of its parts or its items (`，其中：科普活动经费20万元，学会工作经费10万元；`: any
 *  fund's name with its figure, not a change of the budget, see `budget_item_listed`; closed by 、，；。), its length or 0. */
let itemsHead: string | null = null;
export function itemsListHead(text: string): number {
  if (!text.includes('其中')) return 0;
  itemsHead ??= `^[ \\t]*${budgetList(itemNames(), '、，,；;。')}`;
  return compile(itemsHead, '').exec(text)?.[0].length ?? 0;
}
/** The subjects narrower than the unit's total (基本支出, 项目支出, 三公经费 …) named in the sentence before `offset`. */
export function narrowerSubjects(doc: KDocument, offset: number): Set<string> {
  // (基本⏎支出预算X，实际支出Y: a subject's word broken by a wrap is whole)
  const s = sentenceAt(doc, offset);
  const prefix = partsAsideBlanked(proseSlice(doc, s.start, offset), () => proseSlice(doc, s.start, Math.min(s.end, offset + 60)), leadAfterSemicolon(doc.norm, s.start));
  const keys = new Set<string>();
  for (const [key, def] of Object.entries(file().subjects)) {
    if (key === 'total' || key === 'income') continue;
    for (const m of prefix.matchAll(compile(def.regex, 'g'))) {
      if (/占$/.test(prefix.slice(0, m.index)) || evaluated(prefix, m) || changedSubject(prefix, m.index)) continue;
      // 年中追加乡村振兴科普项目资金8万元，全年预算X: a fund's name glued before 项目资金 makes it that fund's money, no 项目支出
      // (outside a project report), as inheritedSubject reads it
      if (key === 'project' && doc.reportKind !== 'project_self_eval' && m.index > 0 && !boundaryAtEnd().test(prefix.slice(Math.max(0, m.index - 4), m.index)) && !compile(file().project_arranged, '').test(prefix.slice(0, m.index))) continue;
      keys.add(key);
    }
  }
  return keys;
}
/** True when the subject at `at` in `text` follows a change's verb (年中压减公用经费X: the change's object, see `subject_changed`). */
export function changedSubject(text: string, at: number): boolean {
  return compile(file().subject_changed, '').test(text.slice(Math.max(0, at - 8), at));
}
/** True when the word glued to `offset` is an item's name (ending in 费, see `item_before`) that no subject ends at. */
export function itemBefore(doc: KDocument, f: FinanceFile, offset: number): boolean {
  const before = doc.norm.slice(Math.max(0, offset - 12), offset);
  if (!compile(f.item_before, '').test(before)) return false;
  return !Object.values(f.subjects).some((s) => derived(s, 'tail', () => `(?:${s.regex})$`).test(before));
}
/** True when a figure naming no subject at `offset` is the appropriation's: its section's heading names it, or the
 *  sentence before it on its line names the appropriation's spending (see `appropriation_section`). */
export function aboutAppropriation(doc: KDocument, f: FinanceFile, offset: number, owner: string | null = null): boolean {
  // (a heading naming the figure's one narrower subject too, 七、“三公”经费财政拨款支出决算情况说明, is that subject's section: its
  // 比年初预算X after the 三公 figure is the 三公 budget)
  const own = owner ? compile(f.subjects[owner].regex, '') : null;
  if (sectionsAt(doc, offset).some((h) => compile(f.appropriation_section, '').test(h.title) && !(own && own.test(h.title)))) return true;
  const s = sentenceAt(doc, offset);
  if (s.start === 0 || doc.norm[s.start - 1] === '\n') return false;
  const prev = sentenceAt(doc, s.start - 1);
  return compile(f.subjects.fiscal.regex, '').test(doc.norm.slice(prev.start, prev.end));
}
const FIGURES_ASIDE = /\([^()]*\d[^()]*\)/g;
/** The last subject named in the sentence before `offset` (for 实际支出X after 基本支出预算…). */
export function inheritedSubject(doc: KDocument, offset: number): string | null {
  // (within sentenceBefore's reach: a run with no sentence end was read from its start at each figure — fin52)
  const s = { start: sentenceReach(doc, offset), end: sentenceAt(doc, offset).end };
  // (in a document with a wrap's mark the view, its subjects' words read across it: same offsets)
  const marked = wrapMarked.has(doc);
  // (预算安排186.50万元（其中：基本支出150.20万元，项目支出36.30万元），实际支出184.20万元: the parts with their figures in a closed
  // bracket before the figure are an aside, not its subject — blanked, offsets kept)
  const text = (marked ? cutView(doc) : doc).norm;
  const prefix = partsAsideBlanked(text.slice(s.start, offset), () => text.slice(s.start, Math.min(s.end, offset + 60)), leadAfterSemicolon(text, s.start)).replace(FIGURES_ASIDE, (m) => ' '.repeat(m.length));
  const found: { key: string; at: number; end: number }[] = [];
  const f = file();
  for (const [key, def] of Object.entries(f.subjects)) {
    for (const m of prefix.matchAll(compile(marked ? withWordWraps(def.regex) : def.regex, 'g'))) {
      // 占基本支出的61.99% names a subject only as a share's base; 年中压减公用经费X, only as what a change touched
      if (/占$/.test(prefix.slice(0, m.index)) || evaluated(prefix, m) || changedSubject(prefix, m.index!)) continue;
      // 全年实际支出178.66万元（其中基本支出128.66万元），预算执行率99.15%: a subject inside a bracket closed before the figure
      // is an aside on the figure before the bracket, not the owner of what follows it
      if (inClosedAside(prefix, m.index!)) continue;
      // “三公”经费支出合计2.15万元，完成预算的71.67% | 机关运行经费支出合计X: the total's 支出合计 glued to another word is that
      // word's, as when it states the figure itself
      if (key === 'total' && !opensPhrase(doc, s.start + m.index!) && !afterUnit(doc, f, s.start + m.index!, reportingUnit(doc))) continue;
      // 争取省科协项目资金20万元，实际支出18万元 (outside a project report): another's project money, not the unit's 项目支出
      // (2024年安排项目支出X，实际支出Y: the unit's own arrangement opens it too)
      if (key === 'project' && doc.reportKind !== 'project_self_eval' && !opensPhrase(doc, s.start + m.index!) && !compile(f.project_arranged, '').test(prefix.slice(0, m.index))) continue;
      found.push({ key, at: m.index!, end: m.index! + m[0].length });
    }
  }
  // 基本支出主要用于人员经费和日常公用经费，实际支出X: subjects joined by 和/及/与/、 with no figure between are a list of what
  // the money went to, not the figure's owner
  const joined = (a: { at: number; end: number }) => found.some((b) => b !== a && ((b.at >= a.end && /^[和及与、]$/.test(prefix.slice(a.end, b.at))) || (a.at >= b.end && /^[和及与、]$/.test(prefix.slice(b.end, a.at)))));
  let last: { key: string; at: number } | null = null;
  for (const x of found) if (!joined(x) && (!last || x.at > last.at)) last = x;
  return last?.key ?? null;
}
/** True when `at` in `text` lies inside a bracket (（…） or (…)) that closes before the end of `text`. */
export function inClosedAside(text: string, at: number): boolean {
  const open = Math.max(text.lastIndexOf('（', at), text.lastIndexOf('(', at));
  if (open < 0) return false;
  const closedBefore = /[)）]/.test(text.slice(open, at));
  return !closedBefore && /[)）]/.test(text.slice(at));
}
export function followingSubject(doc: KDocument, subj: Span | null): string {
  return subj ? doc.norm.slice(subj.end, subj.end + 8) : '';
}
