// Funds joined in one clause with their money stated respectively (科普大篷车项目和科普日活动项目，分别获得资金10万元和15万元，
// 实际支出分别为9.5万元和14.8万元): each name its own project with the figure in its place (patterns/projects.yaml respective).
import type { KDocument, Span } from '../document.js';
import { toYuan } from '../normalise/numbers.js';
import { cleanValue } from '../normalise/fold.js';
import { compile } from '../patterns.js';
import type { Project } from '../schema/record.js';
import { matches, sentenceAt, trimSpan } from './engine.js';

export interface RespectiveDef {
  id: string;
  /** the names' clause (group `names`), closed by its comma */
  names: string;
  /** what every name must end in: a fund's word */
  name: string;
  /** a name that is the unit's money or a source of it, not a fund */
  not_name: string;
  /** between two names */
  separator: string;
  /** a clause's label, sticky at the clause's start, for the field it names; its cue (group `cue` or `cue2`): 分别, or 各 — one
   *  figure for all */
  clauses: { field: 'budget' | 'actual'; regex: string }[];
  /** between two figures of one clause */
  figure_separator: string;
}

export interface RespectiveFund {
  item: Project;
  span: Span;
  rule: string;
  fields: Record<string, { span: Span; rule: string }>;
}

/**
 * Every such list: `isName(name)` refuses a sentence, a kind word, the report's own project. The names' count and each
 * clause's figures agree (分别) or one figure is said of each (各); a clause of money that says neither, or a later clause
 * naming no field, leaves the pairing unclear — nothing. The region of each list is pushed to `regions` (its figures are
 * the funds', never the unit's).
 */
export function respectiveFunds(doc: KDocument, d: RespectiveDef, isName: (name: string) => boolean, leadOf: (name: string) => number, regions: Span[]): RespectiveFund[] {
  const out: RespectiveFund[] = [];
  const fundWord = compile(d.name, '');
  const notName = compile(d.not_name, '');
  const money = compile('{MONEY}', 'y');
  const figureSep = compile(d.figure_separator, 'y');
  const moneyAnywhere = compile('{MONEY}', '');
  for (const m of matches(doc, d.names)) {
    const group = m.group('names')!;
    const text = doc.norm.slice(group.start, group.end);
    const parts: Span[] = [];
    let from = 0;
    for (const sep of [...text.matchAll(compile(d.separator, 'g')), { index: text.length, 0: '' } as RegExpMatchArray]) {
      parts.push(trimSpan(doc, { start: group.start + from, end: group.start + sep.index! }));
      from = sep.index! + sep[0].length;
    }
    // (the sentence's lead-in before the first name, 我会承担A项目和B项目: no part of it)
    parts[0] = trimSpan(doc, { start: parts[0].start + leadOf(doc.norm.slice(parts[0].start, parts[0].end)), end: parts[0].end });
    const names = parts.map((p) => doc.norm.slice(p.start, p.end));
    if (parts.length < 2 || names.some((n) => n.length < 2 || !fundWord.test(n) || notName.test(n) || !isName(n))) continue;
    // the clauses after the names, up to the sentence's end: each a field's figures, in the names' order
    const end = sentenceAt(doc, m.span.end).end;
    const values: Partial<Record<'budget' | 'actual', { nums: number[]; span: Span }>> = {};
    let at = m.span.end;
    let clear = true;
    let respective = false;
    while (at < end) {
      const clauseEnd = nextClause(doc.norm, at, end);
      const clause = d.clauses.map((c) => ({ c, x: compile(c.regex, 'y') })).map(({ c, x }) => { x.lastIndex = at; return { c, m: x.exec(doc.norm) }; }).find((x) => x.m && at + x.m[0].length <= clauseEnd);
      if (!clause) {
        // (a clause of other words, 用于开展巡展活动, says nothing of the pairing; one with money in it may be a whole's)
        if (moneyAnywhere.test(doc.norm.slice(at, clauseEnd))) clear = false;
        at = clauseEnd + 1;
        continue;
      }
      const nums: number[] = [];
      let p = at + clause.m![0].length;
      for (;;) {
        money.lastIndex = p;
        const x = money.exec(doc.norm);
        const v = x ? toYuan(x.groups!.num, x.groups!.unit) : null;
        if (!x || v === null) break;
        nums.push(v);
        p = x.index + x[0].length;
        figureSep.lastIndex = p;
        const s = figureSep.exec(doc.norm);
        if (!s) break;
        p = s.index + s[0].length;
      }
      const cue = clause.m!.groups?.cue ?? clause.m!.groups?.cue2;
      const each = cue === '各';
      const own = each && nums.length === 1 ? parts.map(() => nums[0]) : nums;
      if (values[clause.c.field] || own.length !== parts.length || !/^[ \t]*(?:[，,。;；]|$)/.test(doc.norm.slice(p, clauseEnd + 1))) {
        clear = false;
        break;
      }
      respective ||= cue !== undefined;
      values[clause.c.field] = { nums: own, span: trimSpan(doc, { start: at, end: p }) };
      at = clauseEnd + 1;
    }
    if (!clear || !respective || (!values.budget && !values.actual)) continue;
    regions.push({ start: group.start, end });
    parts.forEach((part, k) => {
      const item: Project = { name: cleanValue(doc.display.slice(part.start, part.end)), budget: values.budget?.nums[k] ?? null, adjustment: null, actual: values.actual?.nums[k] ?? null, carryover: null, executionRate: null, score: null };
      const fields: Record<string, { span: Span; rule: string }> = { name: { span: part, rule: d.id } };
      for (const key of ['budget', 'actual'] as const) if (values[key]) fields[key] = { span: values[key]!.span, rule: d.id };
      out.push({ item, span: trimSpan(doc, { start: group.start, end }), rule: d.id, fields });
    });
  }
  return out;
}

/** The end of the clause opening at `at` (its comma, not a thousands separator, or the sentence's `end`). */
function nextClause(text: string, at: number, end: number): number {
  for (let i = at; i < end; i++) if (text[i] === '，' || (text[i] === ',' && !(/\d/.test(text[i - 1] ?? '') && /\d/.test(text[i + 1] ?? '')))) return i;
  return end;
}
