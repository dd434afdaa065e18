// A money figure of 100亿元 or more is no 科协's, 科技馆's or 学会's (a province's 科协 spends a few 亿 a year): it is a unit
// mistake — yuan cells under a `单位：万元` line (`2,815,310.00` read as 281亿), 元 read as 万元 — and is dropped with a
// warning before the facts are resolved, so a sound statement of the same field still fills it.
import type { KDocument } from '../document.js';

export const MONEY_CAP_YUAN = 1e10;

export function dropImplausibleMoney(doc: KDocument): void {
  const keep = doc.facts.filter((f) => {
    if (!f.path.startsWith('/finance/') || /Rate$/.test(f.path) || typeof f.value !== 'number' || Math.abs(f.value) < MONEY_CAP_YUAN) return true;
    doc.messages.push({
      ruleId: 'implausible_value',
      reason: `${f.path} of ${(f.value / 1e8).toFixed(2)}亿元 ("${doc.text.slice(f.span.start, f.span.end)}") is beyond any unit of the genre (a table's unit line wrong for its cells?): ignored`,
      paths: [f.path],
      place: f.span,
    });
    return false;
  });
  if (keep.length !== doc.facts.length) doc.facts.splice(0, doc.facts.length, ...keep);
}
