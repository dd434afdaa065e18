// A project report's money from several sources (中央补助、省级补助、市级配套…): one source's figure is not the project's budget.
import type { KDocument, Span } from '../../document.js';
import { compile } from '../../patterns.js';
import { moneySlack, toYuan } from '../../normalise/numbers.js';
import { paragraphStart, sentenceBefore } from '../prose.js';
import type { Aspect } from './file.js';
import type { FinanceFile } from './file.js';

/** True when the paragraph of `amount` (the figure of one allocation or arrangement, 下达…资金20万元 | 安排科普日经费10万元) states
 *  another source's figure of a different value (`other_source`: 补助, 配套, 自筹, 下达, 下拨, 拨付, 安排 … X元) that is no part
 *  listed after 其中/包括 following the figure: the project's money comes from several sources, and the one read is only a part of
 *  it (2024年中国科协下达中央财政补助资金20万元，省科协下拨省级补助资金15万元，市财政安排配套资金10万元 | 省科协下达补助经费15万元。
 *  市财政安排科普日经费10万元). The sources' sum, when stated, is read by finance.project-report.budget-sum. */
export function otherSourceBeside(doc: KDocument, f: FinanceFile, amount: Span, value: number | null): boolean {
  const from = Math.max(paragraphStart(doc, amount.start), amount.start - 400);
  const nl = doc.norm.indexOf('\n', amount.end);
  const to = Math.min(nl < 0 ? doc.norm.length : nl, amount.end + 400);
  const text = doc.norm.slice(from, to);
  for (const m of text.matchAll(compile(f.other_source, 'g'))) {
    const at = from + m.index!;
    if (at <= amount.end && at + m[0].length >= amount.start) continue; // the figure itself
    // (县财政安排科普经费30万元，其中中央补助资金10万元: a part of the figure, no other source)
    if (at > amount.end && /其中|包括|包含|含/.test(doc.norm.slice(amount.end, at))) continue;
    // (下达我省…资金2000万元，其中我县获得45万元: the whole the writer's own area's share is a part of, no other source)
    if (at < amount.start && AREA_SHARE.test(doc.norm.slice(at + m[0].length, amount.start))) continue;
    const other = toYuan(m.groups?.num ?? '', m.groups?.unit ?? '');
    if (other !== null && other !== value) return true;
  }
  return false;
}
/** True when every clause of the sentence before the sum at `at` is one source named by its level of government (level_source:
 *  中央补助30万元，省级补助10万元，县级配套10万元，合计50万元), at least two, and `value` is their total within the rounding of all
 *  figures, and no other source follows the sum in its sentence (level_source_after). A thousands separator between digits splits
 *  no clause. */
export function sourcesAddUp(doc: KDocument, f: FinanceFile, at: number, amount: Span, value: number, raw: string): boolean {
  if (compile(f.level_source_after, '').test(doc.norm.slice(amount.end, amount.end + 200))) return false;
  const clauses = sentenceBefore(doc, at).split(CLAUSE_SPLIT);
  if (clauses.at(-1)?.trim() === '') clauses.pop();
  if (clauses.length < 2 || clauses.length > 8) return false;
  let sum = 0, tol = moneySlack(raw);
  for (const c of clauses) {
    const m = compile(f.level_source, '').exec(c);
    const v = m ? toYuan(m.groups!.num ?? '', m.groups!.unit ?? '') : null;
    if (v === null) return false;
    sum += v;
    tol += moneySlack(`${(m!.groups!.num ?? '').replace(/\s/g, '')}${m!.groups!.unit}`);
  }
  return Math.abs(sum - value) <= tol + 1e-6;
}
const AREA_SHARE = /其中[:：]?[ \t]*[我本][县市区旗州盟][^，,。;；\n\d]{0,20}$/;
const CLAUSE_SPLIT = /(?<!\d)[，,、]|[，,、](?!\d)/;
/** True when the actual or rate at `at` is one source's (finance.yaml source_clause, source_spent_rate: 中央资金实际支出39万元 |
 *  中央资金支出39万元，执行率97.5%) in a paragraph splitting the money by its sources (source_split, or two levels named), and the
 *  title names no such source (…中央补助地方科技馆免费开放资金…: the project is that source's money); in a project report the split
 *  may be stated in another section (SPLIT_REACH characters around). */
export function sourcePartBefore(doc: KDocument, f: FinanceFile, at: number, aspect: Aspect): boolean {
  const own = partClauseBefore(doc, at, aspect, f.source_clause, f.source_spent_rate);
  if (!own) return false;
  const title = doc.facts.find((x) => x.path === '/meta/title');
  const titleText = title ? doc.norm.slice(title.span.start, title.span.end) : '';
  if ([...titleText.matchAll(compile(f.title_source, 'g'))].some((m) => m.groups!.level === own.groups!.level)) return false;
  const para = paragraphUpTo(doc, at);
  if (compile(f.source_split, '').test(para)) return true;
  // (a project report splitting its money by sources in another section, 一、项目概况 … 其中省级补助资金20万元，县级配套资金10万元,
  // and 二、… 县级配套资金实际支出7.5万元, in either order: the same project's source)
  if (doc.reportKind === 'project_self_eval' && compile(f.source_split, '').test(doc.norm.slice(Math.max(0, at - para.length - SPLIT_REACH), at + SPLIT_REACH))) return true;
  const levels = new Set([...para.matchAll(compile(f.source_level, 'g'))].map((m) => m.groups!.level));
  return levels.size >= 2;
}
/** True when the actual or rate at `at` is one body's part (finance.yaml user_clause, user_spent_rate: 县科协实际支出10万元 |
 *  乡镇科协实际支出7万元，执行率87.5%) in a paragraph whose money is split after 其中 by who runs it, that body among two or more
 *  (user_split, user_part: 项目资金20万元，其中县科协使用10万元，乡镇科协使用10万元) — also when the body is the unit itself. */
export function userPartBefore(doc: KDocument, f: FinanceFile, at: number, aspect: Aspect): boolean {
  const own = partClauseBefore(doc, at, aspect, f.user_clause, f.user_spent_rate);
  if (!own) return false;
  const para = paragraphUpTo(doc, at);
  for (const split of para.matchAll(compile(f.user_split, 'g'))) {
    const end = para.slice(split.index!).search(/[。\n]/);
    const list = para.slice(split.index!, end < 0 ? undefined : split.index! + end);
    const bodies = new Set([...list.matchAll(compile(f.user_part, 'g'))].map((m) => bodyKey(m.groups!.body)));
    if (bodies.size >= 2 && [...bodies].some((b) => sameBody(b, bodyKey(own.groups!.body)))) return true;
  }
  return false;
}
/** The clause of the figure at `at` when it opens with a part's name (`clauseSrc`, for an actual) or is a rate right after such a
 *  part's spent figure (`rateSrc`); null otherwise, and for a rate after the parts of a whole listed after 其中 in its sentence. */
function partClauseBefore(doc: KDocument, at: number, aspect: Aspect, clauseSrc: string, rateSrc: string): RegExpExecArray | null {
  if (aspect !== 'actual' && aspect !== 'rate') return null;
  const before = sentenceBefore(doc, at);
  // (the part's clause and the figure after it lie within the sentence's last 80 characters: a mark before a cut tail opens no clause)
  const tail = before.length > 80 ? `\u0001${before.slice(-80)}` : before;
  const own = compile(aspect === 'rate' ? rateSrc : clauseSrc, '').exec(tail);
  if (!own) return null;
  // (全年实际支出49万元，其中中央资金支出40万元，县级配套资金支出9万元，执行率98%: a rate after the parts of a whole stated before them
  // in its sentence may be the whole's: left as before)
  if (aspect === 'rate' && before.slice(0, before.length - tail.length + own.index + 1).includes('其中')) return null;
  return own;
}
const SPLIT_REACH = 3000;
/** The paragraph before `at`, at most 600 characters back. */
function paragraphUpTo(doc: KDocument, at: number): string {
  return doc.norm.slice(Math.max(paragraphStart(doc, at), at - 600), at);
}
// (各乡镇科协 is 乡镇科协, 县级科协 县科协, 县科学技术协会 县科协)
const bodyKey = (body: string) => body.replace(/科学技术协会/g, '科协').replace(/^各/, '').replace(/^([省市州盟县区旗])级/, '$1');
// (本级 named alone after 县本级 in the list is that body)
const sameBody = (listed: string, own: string) => listed === own || (own === '本级' && listed.endsWith('本级'));
