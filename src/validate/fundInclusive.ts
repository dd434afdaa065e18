// fiscalAppropriation is the general budget's appropriation (decided, session 50): a figure named by a bare 财政拨款 (or 财政资金)
// may hold the government fund's appropriation too (财政拨款 = 一般公共预算 + 政府性基金 + 国有资本经营). Where the report states
// that the fund spent more than nothing, such a figure is not the field's: dropped, and warned (appropriation_includes_fund).
// A figure whose stretch names the general budget (一般公共预算; 公共财政预算 before 2015), or a table cell, stays.
import type { Fact, KDocument } from '../document.js';
import { pointerPath } from '../document.js';
import { sentenceAt } from '../extract/prose.js';

const FUND = '/finance/governmentFund/actual';
const FIELDS = new Set(['/finance/fiscalAppropriation/income', '/finance/fiscalAppropriation/spending']);
const GENERAL = /一般公共预算|公共财政预算/;
// (how far back in its sentence the name may stand: 一般公共预算财政拨款收入X，支出Y names it for the 支出 too)
const NAME_BACK = 40;

export function dropFundInclusiveAppropriation(doc: KDocument): void {
  const fund = doc.facts.filter((f) => pointerPath(f.path) === FUND && typeof f.value === 'number');
  if (!fund.length || fund.some((f) => (f.value as number) <= 0)) return;
  const drop = new Set(doc.facts.filter((f) => FIELDS.has(pointerPath(f.path)) && f.source !== 'table' && !GENERAL.test(namedIn(doc, f))));
  if (!drop.size) return;
  for (const f of drop) {
    doc.messages.push({ ruleId: 'appropriation_includes_fund', reason: `${doc.display.slice(f.span.start, f.span.end)}: a figure not named 一般公共预算 may include the government fund's appropriation (the fund spent ${fund[0].value} yuan); fiscalAppropriation is the general budget's: not read`, place: f.span, paths: [pointerPath(f.path)] });
  }
  doc.facts.splice(0, doc.facts.length, ...doc.facts.filter((f) => !drop.has(f)));
}

function namedIn(doc: KDocument, f: Fact): string {
  const s = sentenceAt(doc, f.span.start);
  return doc.norm.slice(Math.max(s.start, f.span.start - NAME_BACK), f.span.end);
}
