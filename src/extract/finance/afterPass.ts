// Passes after the role patterns: evidence widened to its dating words, money said to be all spent, restated figures, fields stated as none.
import type { Fact, KDocument, Span } from '../../document.js';
import { moneySlack, toYuan } from '../../normalise/numbers.js';
import { compile, derived } from '../../patterns.js';
import { matches, trimSpan } from '../engine.js';
import { CLAUSE_ENDS, sentenceAt } from '../prose.js';
import { PROJECT_BUDGET, THREE_PUBLIC, amountNum, financeSource } from './file.js';
import type { FinanceFile, NoneDef } from './file.js';
import { namesUnit } from './otherBodies.js';
import { cutView } from './view.js';
import { fitsYear } from './years.js';

/** 2023年全年预算180万元: a figure's evidence starts at the words glued before its phrase that date it or name the unit (see
 *  evidence_lead), in its sentence. Last, after every owner has looked at the spans. */
export function leadEvidence(doc: KDocument, f: FinanceFile): void {
  const lead = derived(f, 'evidenceLead', () => `(?:${f.evidence_lead}){WORD_WRAP}$`);
  const unit = derived(f, 'evidenceUnit', () => `(?:${f.evidence_unit}){WORD_WRAP}$`);
  const view = cutView(doc);
  const dated = compile(f.evidence_dated, '');
  for (const x of doc.facts) {
    if (!x.path.startsWith('/finance/') || x.source === 'table') continue;
    const from = Math.max(sentenceAt(doc, x.span.start).start, x.span.start - 16);
    // (the view: the words before a wrap's mark, 全年⏎预算X, lead to the figure too)
    const m = (dated.test(doc.norm.slice(x.span.start, x.span.end)) ? unit : lead).exec(view.norm.slice(from, x.span.start));
    if (m && m[0]) x.span = trimSpan(doc, { start: from + m.index, end: x.span.end });
  }
}
/** 科普经费20万元，已全部支出 | 下达项目资金20万元，截至年底已全部支付完毕 in a project report: the project's money, said to be spent in
 *  full right after its figure, is what it spent — a weak actual (priority 2) that a stated 实际支出 overrides. The figure is the
 *  project's budget read already, or the project's funds named so (`all_spent_fund`, or a fund the title names), not a part of them
 *  (其中…) nor another year's. A stated 执行率100% is no amount and gives none. */
export function allSpent(doc: KDocument, f: FinanceFile, claimed: Span[]): void {
  if (doc.reportKind !== 'project_self_eval' || !compile(f.all_spent_hint, '').test(doc.norm)) return;
  for (const match of matches(doc, financeSource(f.all_spent))) {
    const amount = match.group('amount')!;
    const fact = doc.facts.find((x) => x.path.startsWith('/finance/') && x.span.start <= amount.start && x.span.end >= amount.end);
    let start: number;
    if (fact) {
      if (fact.path !== PROJECT_BUDGET) continue;
      start = fact.span.start;
    } else {
      if (claimed.some((c) => amount.start < c.end && amount.end > c.start) || !fitsYear(doc, f, amount.start, 'actual')) continue;
      const sentence = sentenceAt(doc, amount.start);
      let cut = sentence.start;
      for (const ch of [...CLAUSE_ENDS, '；', '、']) cut = Math.max(cut, doc.norm.lastIndexOf(ch, amount.start - 1) + 1);
      if (/其中/.test(doc.norm.slice(sentence.start, amount.start))) continue;
      const fund = compile(f.all_spent_fund, '').exec(doc.norm.slice(cut, amount.start));
      if (!fund) continue;
      const name = fund.groups!.name;
      // (科普经费 under …科普专项经费绩效自评报告: the title's fund with or without 专项)
      const title = doc.facts.find((x) => x.path === '/meta/title');
      const bare = (t: string) => t.replace(/\s+|专项/g, '');
      if (!fund.groups!.generic && !(title && bare(doc.norm.slice(title.span.start, title.span.end)).includes(bare(name)))) continue;
      start = cut + fund.index;
    }
    const value = toYuan(match.m.groups!.num ?? amountNum(amount ? doc.norm.slice(amount.start, amount.end) : ''), match.m.groups!.unit ?? '元');
    if (value === null) continue;
    claimed.push(amount);
    doc.facts.push({ path: '/finance/project/actual', value, span: trimSpan(doc, { start, end: match.span.end }), rule: 'finance.project-report.all-spent', priority: 2, raw: `${(match.m.groups!.num ?? '').replace(/\s/g, '')}${match.m.groups!.unit}` });
  }
}
/** 本年收入合计1.96亿元 … 本年收入合计19,612.35万元: a figure stated rounded and elsewhere in full is one value, the full one.
 *  A money fact is dropped when another of its path (same priority) is written more precisely and lies within the first's
 *  rounding (half a unit of its last written digit), the rounded one written with decimals and its rounding at most 1% of it
 *  (a whole 2亿元 or 123万元 may be a round estimate, not a restatement), and the facts left all agree; figures that differ
 *  beyond that still conflict. */
export function roundedRestatements(doc: KDocument): void {
  const byPath = new Map<string, Fact[]>();
  for (const x of doc.facts) {
    if (!x.path.startsWith('/finance/') || x.source === 'table' || typeof x.value !== 'number' || !x.raw || !/[元万]$/.test(x.raw)) continue; // 万: a 2018-style bare 万 is 万元
    const k = `${x.path}|${x.priority ?? 1}`;
    byPath.set(k, [...(byPath.get(k) ?? []), x]);
  }
  for (const list of byPath.values()) {
    if (new Set(list.map((x) => x.value)).size < 2) continue;
    const coarse = list.filter((x) => {
      const slack = moneySlack(x.raw);
      return /\.\d/.test(x.raw!) && slack <= Math.abs(x.value as number) / 100 && list.some((y) => moneySlack(y.raw) < slack && Math.abs((y.value as number) - (x.value as number)) <= slack + 1e-9);
    });
    const kept = list.filter((x) => !coarse.includes(x));
    if (!coarse.length || new Set(kept.map((x) => x.value)).size !== 1) continue;
    for (const x of coarse) doc.facts.splice(doc.facts.indexOf(x), 1);
  }
}
/** "无政府性基金预算支出", or a 政府性基金 section whose whole body is 无 → 0. */
export function extractNone(doc: KDocument, f: FinanceFile, defs: NoneDef[]): void {
  // a budget disclosure's 无政府性基金预算支出 is a plan of nothing, not an actual
  const budgetReport = doc.reportKind === 'budget';
  for (const def of defs) {
    const d = budgetReport ? { ...def, path: def.path.replace(/\/actual$/, '/budget') } : def;
    if (d.regex) {
      for (const match of matches(doc, d.regex)) {
        // 2022年无“三公”经费支出 in a 2023 report is another year's
        if (!fitsYear(doc, f, match.span.start, 'actual')) continue;
        // 本项目无“三公”经费支出 in a project report: the project's none, not the unit's (see THREE_PUBLIC above)
        if (doc.reportKind === 'project_self_eval' && d.path.startsWith(THREE_PUBLIC) && !namesUnit(doc, f, match)) continue;
        doc.facts.push({ path: d.path, value: 0, span: trimSpan(doc, match.span), rule: d.id });
      }
    } else if (d.section && d.body) {
      for (const h of doc.headings.filter((x) => x.key === d.section)) {
        const body = doc.norm.slice(h.end, h.bodyEnd);
        const m = compile(d.body, '').exec(body);
        if (m) {
          const at = h.end + body.search(/\S/);
          doc.facts.push({ path: d.path, value: 0, span: trimSpan(doc, { start: h.start, end: at + m[0].trim().length }), rule: d.id });
        }
      }
    }
  }
}
