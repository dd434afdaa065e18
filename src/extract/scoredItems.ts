// Numbered items each stating a budget, what was spent and a self-evaluation score of its own (1.科普大篷车：预算10万元，实际支出
// 9.8万元，自评得分95分。2.青少年科技教育：…，自评得分92分。): evaluated funds whatever their names, no lead-in needed — the
// scores say each item was evaluated on its own (projects.yaml scored_item).
import type { KDocument } from '../document.js';
import { matches, sentenceAt } from './engine.js';
import type { Match } from './engine.js';
import { markerOf } from './listMarkers.js';

/**
 * The items (`item`, a marker and a name before its colon or comma, opening the sentence) whose sentence holds one of the
 * scores (`scores`: the fund's own score patterns) after a budget and a spending (`budget`, `actual`); kept when another such
 * item of the same marker kind is numbered right before or after it (a list of two or more), and a score stands in a sentence
 * of none of them (the report's own).
 */
export function scoredItems(doc: KDocument, item: string, scores: string[], budget: string[], actual: string[]): Match[] {
  const found: { m: Match; family: string; n: number }[] = [];
  const seen = new Set<number>();
  for (const regex of scores) {
    for (const s of matches(doc, regex)) {
      const sentence = sentenceAt(doc, s.span.start);
      if (seen.has(sentence.start)) continue;
      seen.add(sentence.start);
      const start = Math.max(0, sentence.start - 1);
      const m = matches(doc, item, { start, end: s.span.start }).next().value;
      if (!m || doc.norm.slice(sentence.start, m.span.start).trim()) continue;
      const marker = markerOf(doc.norm.slice(m.span.start, m.span.end).trimStart());
      // (a list's marker numbered 1 on: its family and number, listMarkers.ts)
      if (!marker || marker.n < 1) continue;
      const money = { start: m.span.end, end: s.span.start };
      const has = (regexes: string[]) => regexes.some((r) => !matches(doc, r, money).next().done);
      if (has(budget) && has(actual)) found.push({ m, ...marker });
    }
  }
  const kept = found.filter((x) => found.some((y) => y !== x && y.family === x.family && Math.abs(y.n - x.n) === 1));
  // (only beside a score of the report's own, stated outside them: without it the items may be the project's own facets,
  // 二、项目资金使用情况 ⏎ 1、…自评得分93分 ⏎ 2、…, session 40 — left unread, their scores no one's)
  const theirs = new Set(kept.map((x) => sentenceAt(doc, x.m.span.start).start));
  return [...seen].some((s) => !theirs.has(s)) ? kept.map((x) => x.m) : [];
}
