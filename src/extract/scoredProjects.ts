// Projects scored respectively and listed nowhere with money (县科协2023年共实施项目3个，分别是A项目、B项目和C项目，自评得分分别为
// 95分、92分、90分): each name is a project of the report with its own self-evaluation score and no figures of money
// (patterns/projects.yaml named_score.unlisted). A list naming a fund listed with money is left to respectiveScores.
import type { KDocument, Span } from '../document.js';
import { compile } from '../patterns.js';
import { parseChineseInteger, toRate } from '../normalise/numbers.js';
import { cleanValue } from '../normalise/fold.js';
import { matches, sentenceAt, trimSpan } from './engine.js';
import type { Project } from '../schema/record.js';

export interface ScoredProject {
  item: Project;
  span: Span;
  rule: string;
  fields: Record<string, { span: Span; rule: string }>;
}

export interface UnlistedDef {
  id: string;
  /** names and scores in two clauses (groups names, counted, nums) */
  unlisted: string;
  /** names and scores in one clause (groups names, nums) */
  respectively?: string;
  unlisted_name: string;
  unlisted_count: string;
  max: number;
}

const SEPARATOR = /(?:以及|[、和及与，,])/g;

/** A project the prose only scores: no money of its own (a table's row may give it its figures). */
export const scoredOnly = (p: Project): boolean => p.budget === null && p.actual === null && p.adjustment === null && p.carryover === null;

/** A count of projects as a report writes it: 3, 三, 两. */
export const countOf = (s: string) => (/^\d+$/.test(s) ? Number(s) : parseChineseInteger(s.replace(/^两/, '二')));

/**
 * `isName(name)` refuses the unit's own money, a bare kind word, a sentence; `listed(name)` is true for a fund the report
 * already lists (its score is respectiveScores'); `skip(span)` drops another year's, an indicator's, another body's, and
 * `says(text)` does so for the words around the names (县财政局对A项目、B项目开展重点评价，得分分别为…: another body's).
 */
export function scoredProjects(doc: KDocument, d: UnlistedDef, isName: (name: string) => boolean, listed: (name: string) => boolean, skip: (span: Span) => boolean, says: (text: string) => boolean): ScoredProject[] {
  const out: ScoredProject[] = [];
  const fundWord = compile(d.unlisted_name, '');
  const counts = compile(d.unlisted_count, 'g');
  const count = compile(d.unlisted_count, '');
  const seen = new Set<number>();
  for (const regex of [d.unlisted, d.respectively].filter((x): x is string => !!x)) {
    for (const m of matches(doc, regex)) {
      const group = m.group('names')!;
      // (the score's words may take the last name's 项目: A项目、B项目自评得分 read as names A项目、B + 项目自评得分)
      const tail = /^子?项目/.exec(doc.norm.slice(group.end, group.end + 3));
      const names = tail ? { start: group.start, end: group.end + tail[0].length } : group;
      if (seen.has(names.end) || skip(m.span)) continue;
      const text = doc.norm.slice(names.start, names.end);
      // the names with their places in the text (a name's own spaces kept, the separators' dropped)
      const parts: Span[] = [];
      let from = 0;
      for (const sep of [...text.matchAll(SEPARATOR), { index: text.length, 0: '' } as RegExpMatchArray]) {
        parts.push(trimSpan(doc, { start: names.start + from, end: names.start + sep.index! }));
        from = sep.index! + sep[0].length;
      }
      const nameTexts = parts.map((p) => doc.norm.slice(p.start, p.end).replace(/^[“"「『]|[”"」』]$/g, ''));
      if (says(doc.norm.slice(m.span.start, names.start) + '，' + doc.norm.slice(names.end, m.group('nums')!.start))) continue;
      const nums = doc.norm.slice(m.group('nums')!.start, m.group('nums')!.end).split(/\s*(?:以及|[、，,和及与])\s*/).map((x) => toRate(x.replace(/\s*分\s*$/, '').trim()));
      if (parts.length < 2 || nums.length !== parts.length || nums.some((v) => v === null || v > d.max)) continue;
      if (nameTexts.some((n) => n.length < 2 || n.length > 30 || /\d/.test(n) || !isName(n) || listed(n))) continue;
      // (a count of the projects, after the names or before them in the sentence, agrees with them; with none every name
      // says it is a project or a fund by its own word)
      const counted = m.group('counted');
      const sentence = doc.norm.slice(sentenceAt(doc, m.span.start).start, names.start);
      const stated = [...(counted ? [doc.norm.slice(counted.start, counted.end)] : []), ...[...sentence.matchAll(counts)].map((c) => c[0])];
      const numbers = stated.map((c) => { const g = count.exec(c)?.groups; return g ? countOf(g.n ?? g.m) : null; });
      if (numbers.some((n) => n !== parts.length)) continue;
      if (!counted && nameTexts.some((n) => !fundWord.test(n))) continue;
      seen.add(names.end);
      const score = trimSpan(doc, m.span);
      parts.forEach((p, k) => {
        const item: Project = { name: cleanValue(doc.display.slice(p.start, p.end)), budget: null, adjustment: null, actual: null, carryover: null, executionRate: null, score: nums[k]! };
        out.push({ item, span: score, rule: d.id, fields: { name: { span: p, rule: d.id }, score: { span: score, rule: d.id } } });
      });
    }
  }
  return out;
}
