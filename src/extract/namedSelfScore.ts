// A score named as the unit's own self-evaluation (单位自评得分为96分 | 我会部门整体支出绩效自评得分96分) beside another one named
// only as an evaluation's (经评价，县科协…绩效得分为89.5分，等级为良 | 经评价组复核，综合得分89.5分): the one named 自评 is the
// self-evaluation, the other an evaluation whose author the text does not make the unit (a third party's, a review's) — it is
// not read, nor the grade right after it in its sentence. Only when the unit's named scores agree; a score equal to theirs stays.
import type { Fact, KDocument } from '../document.js';
import { compile } from '../patterns.js';
import { toRate } from '../normalise/numbers.js';
import { sentenceAt } from './engine.js';
import { SCORE_FLOOR } from '../validate/scores.js';

export interface NamedSelfDef {
  /** the self-evaluation named in a clause */
  named: string;
  /** a sentence's first clause naming the self-evaluation for the clauses after it (经自评，…), stating no score itself */
  opener: string;
  /** a clause between that opener and the score naming another's evaluation (经评价组复核): the opener no longer reaches */
  breaks: string;
  /** a clause stating a score, its figure in group `num` */
  stated: string;
  /** the text of the score's clause before its label naming the unit, the report's subject or nothing (单位 | 我会部门整体支出绩效) */
  own: string;
  /** a clause stating a score that is not another evaluation's whole result (an indicator's, the points off, the full marks) */
  not_evaluation: string;
  /** a grade's match said of all the scores before it (等级均为优) */
  all: string;
  separators: string;
}

const GRADES = new Set(['/selfEvaluation/grade', '/selfEvaluation/gradeLetter']);

export function dropOthersEvaluation(doc: KDocument, def: NamedSelfDef | undefined): void {
  if (!def) return;
  // (a score of 10 or less is out of another scale and dropped later: validate/scores.ts)
  const scores = doc.facts.filter((f) => f.path === '/selfEvaluation/score' && f.source !== 'table' && typeof f.value === 'number' && f.value > SCORE_FLOOR);
  if (!scores.length) return;
  const sep = compile(def.separators, '');
  const clausesBefore = (at: number) => doc.norm.slice(sentenceAt(doc, at).start, at).split(sep);
  const isNamed = (clauses: string[], own: string) => {
    if (compile(def.named, '').test(own)) return true;
    if (clauses.length < 2 || !compile(def.opener, '').test(clauses[0]) || compile(def.stated, '').test(clauses[0])) return false;
    return !clauses.slice(1, -1).some((c) => compile(def.stated, '').test(c) || compile(def.breaks, '').test(c));
  };
  const named = new Set<Fact>();
  const owned: Fact[] = [];
  for (const f of scores) {
    const clauses = clausesBefore(f.span.start);
    const lead = clauses[clauses.length - 1];
    if (!isNamed(clauses, lead + doc.norm.slice(f.span.start, f.span.end))) continue;
    named.add(f);
    if (f.priority === 0 || compile(def.own, '').test(lead)) owned.push(f);
  }
  const values = new Set(owned.map((f) => f.value));
  if (values.size !== 1) return;
  const own = owned[0].value as number;
  const drop = new Set<Fact>(scores.filter((f) => !named.has(f) && f.value !== own));
  // a grade whose nearest clause before it stating a score is another evaluation's result (…得分为89.5分，等级为良 | 单位自评得分96分，
  // 评价组评分89.5分，评价等级为良: that score itself read by no pattern); not after a part's points (10 or less)
  for (const g of doc.facts) {
    if (!GRADES.has(g.path) || g.source === 'table') continue;
    const clauses = clausesBefore(g.span.start);
    // (a grade its own clause names the self-evaluation's, 单位自评等级为优, stays)
    const text = doc.norm.slice(g.span.start, g.span.end);
    if (compile(def.named, '').test(clauses[clauses.length - 1] + text) || compile(def.all, '').test(text)) continue;
    // (…得分为89.5分。等级为良。: a grade opening its sentence, no score before it there, goes with the sentence before)
    const scored = clauses.length === 1 ? [clauses, clausesBefore(sentenceAt(doc, g.span.start).start - 1)] : [clauses];
    for (const cs of scored) {
      let i = cs.length - 1;
      while (i >= 0 && !compile(def.stated, '').test(cs[i])) i--;
      if (i < 0) continue;
      const n = toRate(compile(def.stated, '').exec(cs[i])!.groups!.num);
      if (!isNamed(cs.slice(0, i + 1), cs[i]) && !compile(def.not_evaluation, '').test(cs[i]) && n !== null && n > SCORE_FLOOR && n !== own) drop.add(g);
      break;
    }
  }
  if (drop.size) doc.facts.splice(0, doc.facts.length, ...doc.facts.filter((f) => !drop.has(f)));
}
