// Money figures no unit of the genre can have are unit mistakes, dropped with a warning before the facts are resolved,
// so a sound statement of the same field still fills it.
import type { Fact, KDocument, Span, TableFigure } from '../document.js';

// A money figure of 100亿元 or more is no 科协's, 科技馆's or 学会's (a province's 科协 spends a few 亿 a year): yuan cells
// under a `单位：万元` line (`2,815,310.00` read as 281亿), 元 read as 万元.
export const MONEY_CAP_YUAN = 1e10;
// A unit's whole budget, spending or income under 1万元 is none either (a county's 科协 pays its staff from it: tens or
// hundreds of 万元): a 万元 table under a `单位：元` line (`年度资金总额⇥286.5⇥301.2⇥295.8` read as 301.2 yuan), 万元 typed as 元.
// Only the whole's fields: a part (三公经费 300元, a project's 5000元) may be that small. Zero is stated, no unit mistake.
export const UNIT_TOTAL_FLOOR_YUAN = 1e4;
const UNIT_TOTAL = /^\/finance\/(?:spendingTotal\/(?:budget|actual|initialBudget)|incomeTotal|incomeGrandTotal|spendingGrandTotal)$/;

const isMoney = (f: Fact) => f.path.startsWith('/finance/') && !/Rate$/.test(f.path) && typeof f.value === 'number';
const inside = (s: Span, t: Span) => s.start >= t.start && s.end <= t.end;
const tooSmall = (path: string, v: number) => UNIT_TOTAL.test(path) && v > 0 && v < UNIT_TOTAL_FLOOR_YUAN;

export function dropImplausibleMoney(doc: KDocument): void {
  const drop = new Set<Fact>();
  const warn = (place: Span, reason: string, paths: string[]) => doc.messages.push({ ruleId: 'implausible_value', reason, paths, place });
  const quote = (s: Span) => `"${doc.text.slice(s.start, s.end)}"`;
  for (const f of doc.facts) {
    if (!isMoney(f) || f.source === 'table') continue;
    const v = Math.abs(f.value as number);
    if (v >= MONEY_CAP_YUAN) {
      drop.add(f);
      warn(f.span, `${f.path} of ${(v / 1e8).toFixed(2)}亿元 (${quote(f.span)}) is beyond any unit of the genre: ignored`, [f.path]);
    } else if (tooSmall(f.path, v)) {
      drop.add(f);
      warn(f.span, `${f.path} of ${v}元 (${quote(f.span)}) is below any unit's whole budget (万元 written 元?): ignored`, [f.path]);
    }
  }
  // a table's figures, used or not (the prose may have won): a unit line wrong for one of them is wrong for all, so the
  // table's money goes and its mismatches with the prose are none
  const figures = (doc.data.tableFigures ?? []) as TableFigure[];
  const judged = new Set<Span>();
  for (const g of figures) {
    const v = Math.abs(g.value);
    const small = tooSmall(g.path, v);
    if (!small && (v < MONEY_CAP_YUAN || /Rate$/.test(g.path) || !g.path.startsWith('/finance/'))) continue;
    const table: Span = doc.tables.find((t) => inside(g.span, t)) ?? g.span;
    if (judged.has(table)) continue;
    judged.add(table);
    const facts = doc.facts.filter((f) => isMoney(f) && f.source === 'table' && inside(f.span, table));
    for (const f of facts) drop.add(f);
    const mismatches = doc.messages.filter((m) => m.ruleId === 'table_prose_mismatch' && m.place && inside(m.place, table) && (m.paths ?? []).every((p) => p.startsWith('/finance/') && !/Rate$/.test(p)));
    for (const m of mismatches) doc.messages.splice(doc.messages.indexOf(m), 1);
    const what = small ? `is below any unit's whole budget (a 万元 table under a 元 unit line?)` : `is beyond any unit of the genre (yuan cells under a 万元 unit line?)`;
    warn(g.span, `${g.path} of ${small ? `${v}元` : `${(v / 1e8).toFixed(2)}亿元`} (${quote(g.span)}) ${what}: the table's money is ignored`, [...new Set([g.path, ...facts.map((f) => f.path)])]);
  }
  if (drop.size) doc.facts.splice(0, doc.facts.length, ...doc.facts.filter((f) => !drop.has(f)));
}
