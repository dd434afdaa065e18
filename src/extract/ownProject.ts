// The report's own project, as its title or its 项目名称 field names it: a project report's item of that name is the project
// itself, not a sub-project (projects.ts), and its figures are finance.project's (finance.ts).
import type { KDocument } from '../document.js';
import { compile } from '../patterns.js';
import { QUOTE_MARKS } from './respectiveScores.js';

const ITEM_SUFFIX = /(?:项目|经费|资金|专项|工作)+$/;

/** The report's title as the row labels are read (the folded copy: a traditional 科普日活動 is the row's 科普日活动), without
 *  spaces; null with no title. */
export function foldedTitle(doc: KDocument): string | null {
  const fact = doc.facts.find((f) => f.path === '/meta/title' && typeof f.value === 'string');
  if (!fact) return null;
  const title = doc.norm.length === doc.text.length && fact.span ? doc.norm.slice(fact.span.start, fact.span.end) : (fact.value as string);
  return title.replace(/[\s\u3000]+/g, '');
}

/** A row label's item name: without its list number and a 项目/经费/资金 ending. */
// (quotes are no part of it: “科普惠民工程”经费 is 科普惠民工程's; session 47)
export const itemName = (label: string) => label.replace(QUOTE_MARKS, '').replace(/^[\d一二三四五六七八九十]+[、.．]/, '').replace(ITEM_SUFFIX, '');

/** The title's project, without year and genre words: `2023年度科普日活动项目支出绩效自评报告` → 科普日活动. */
const TITLE_GENRE = /(?:项目|专项|经费|资金|支出)*(?:绩效)?(?:自评|评价|自我评价)(?:报告|表)?$/;
/** A row label that is the title's project (folded, minus list number and 项目/经费/资金): equal, not merely contained. */
export function titleItem(doc: KDocument, label: string): boolean {
  const t = foldedTitle(doc);
  if (t === null || !TITLE_GENRE.test(t)) return false;
  const named = t.replace(QUOTE_MARKS, '').replace(TITLE_GENRE, '').replace(/^.*?(?:19|20)\d{2}年度?/, '').replace(ITEM_SUFFIX, '');
  const name = itemName(label);
  if (name.length < 2) return false;
  // (the unit, or its place, may stand after the year, before the project: 2023年度某县科协科普惠民工程项目绩效自评报告 → 科普惠民工程,
  // 2023年度某县科技馆运行经费项目… → 科技馆运行; session 47)
  return name === named || unitPrefixes(doc).some((u) => named.startsWith(u) && named.slice(u.length) === name);
}

/** The unit's name as the title folds it and its place (某县科学技术协会 → 某县科学技术协会, 某县), longest first; none unknown. */
function unitPrefixes(doc: KDocument): string[] {
  const fact = doc.facts.find((f) => f.path === '/meta/unitName' && typeof f.value === 'string');
  if (!fact) return [];
  const unit = (doc.norm.length === doc.text.length && fact.span ? doc.norm.slice(fact.span.start, fact.span.end) : (fact.value as string)).replace(/[\s\u3000]+/g, '');
  const place = /^.*[省市县区旗州盟]/.exec(unit)?.[0];
  return [unit, ...(place && place.length >= 2 && place !== unit ? [place] : [])];
}

/** The 项目名称 field's item name (see OWN_PROJECT_FIELD in macros.yaml), found once per document; null without one. */
const fields = new WeakMap<KDocument, string | null>();
function fieldItem(doc: KDocument): string | null {
  if (!fields.has(doc)) fields.set(doc, compile('{OWN_PROJECT_FIELD}', 'm').exec(doc.norm)?.groups?.name ?? null);
  return fields.get(doc)!;
}

/** In a project report, true when `name` (an item's: 科普日活动经费) is the report's own project: minus its list number and
 *  项目/经费/资金 ending, the title's project or the 项目名称 field's value, equal, not merely contained. */
export function ownProject(doc: KDocument, name: string): boolean {
  if (doc.reportKind !== 'project_self_eval') return false;
  const bare = itemName(name.replace(/\s+/g, ''));
  if (bare.length < 2) return false;
  if (titleItem(doc, bare)) return true;
  const field = fieldItem(doc);
  return field !== null && itemName(field) === bare;
}
