// The pattern engine: runs compiled grammar regexes over the folded text, outside excluded spans,
// and turns named groups into values. Families (staffing.ts, finance.ts …) add the domain logic.
import type { Fact, KDocument, Span } from '../document.js';
import { firstIndex, isExcluded, spanAt, withChars } from '../document.js';
import { compile, expand, loadPatternFile } from '../patterns.js';
import { anchorSet, breakFreePrefix, lineGate, requiredSets, singleLine, type AnchorSet } from './literal.js';
import { occurrences, occurs } from './charIndex.js';
import { toCount, toRate, toYuan, yearNumber } from '../normalise/numbers.js';
import { cleanValue } from '../normalise/fold.js';
import { afterAverage, sharedGrade, type SharedGradeDef } from './sharedGrade.js';
import { outsideBody, fromOwnScore, outsideReport as outsideReportOf } from './outsideBody.js';
import { sentenceAt as wrappedSentenceAt, wrapOf } from './prose.js';
import { byYear } from './respectiveScores.js';

export interface PatternDef {
  id: string;
  field: string;
  /** none: a statement that there is nothing of it (无退休人员), the value 0 */
  kind: 'count' | 'money' | 'number' | 'text' | 'none';
  regex: string;
  kinds?: string[];
  /** a regex on the sentence before the match: when it matches, the match is not this field's */
  not_before?: string;
  /** a regex on the titles of the headings around the match: when one matches, the match is not this field's */
  not_in_section?: string;
  /** a regex tried where the match ends (sticky; it may look behind into the match): when it matches, the match is not this
   *  field's (评价总分100分，产出指标得分45分: the full marks, the parts' scores after them) */
  not_after?: string;
  /** a regex on the titles of the headings around the match: the match counts only when one matches */
  only_in_section?: string;
  /** the full marks the points taken off and the value must make up (产出指标扣2分，效益指标扣1分，自评得分97分: 2 + 1 + 97 = 100):
   *  the points are those of the run of clauses right before the match each stating a deduction (`deduction`, its figure the
   *  group `off`); any other sum drops the match */
  deducted_from?: number;
  deduction?: string;
  /** any clause taking points off (宣传不到位扣1分): one right before the run of `deduction` clauses means the run is not every
   *  deduction, and no sum is checked */
  deduction_any?: string;
  /** the years listed (group `years`) and as many figures (group `nums`): the value is the figure in the report year's place
   *  (2022年度、2023年度自评得分分别为93分、96分 → 96 in a 2023 report); none when they are not as many or the year is not listed */
  by_year?: boolean;
  /** a text value read as another (OCR's 忧 for 优 where only a grade can stand: `{忧: 优}`) */
  values?: Record<string, string>;
}

export interface Match {
  m: RegExpExecArray;
  span: Span;
  /** span of a named group */
  group(name: string): Span | null;
}

/** the reason structure/cells.ts gives a run of table cells one per line */
export const CELL_RUN = 'table cells, one per line';

/** Every match of `regex` (already expanded) in the folded text, skipping excluded regions (with `inTables`,
 *  tables are searched too: a labelled field such as 部门名称⇥X is often a table row; with `inCellRuns`, the runs of short
 *  lines excluded as a table's cells one per line: a form copied one field per line, 预算金额（万元）⏎15, is such a run). */
export function* matches(doc: KDocument, regex: string, within?: Span, inTables = false, inCellRuns = false): Generator<Match> {
  const text = within ? doc.norm.slice(0, within.end) : doc.norm;
  const from = within?.start ?? 0;
  const anchor = anchorOf(regex);
  const find = anchor ? finder(doc, text.length, anchor.lits) : null;
  if (find && find(from) < 0) return;
  // (nor when another literal every match holds stands nowhere in the document: 个子项目 after a common 由 or 设)
  if (anchor && anchor.others.some((lits) => !lits.some((l) => occursIn(doc, l)))) return;
  const next = !find
    ? scan(text, compile(regex, 'g'), from)
    : anchor!.windowed
      ? windowed(text, compile(anchor!.windowed, 'y'), find, anchor!.before, from)
      : anchor!.before <= STICKY
        ? anchored(text, compile(regex, 'y'), find, anchor!.before, from)
        : anchor!.before < Infinity
          ? jumping(text, compile(regex, 'g'), find, (at) => at - anchor!.before, from)
          : anchor!.lineWise
          ? lineWise(text, compile(anchor!.lineWise, 'y'), find, from, anchor!.gate ? gateOn(doc, text, anchor!.gate) : null)
          : scan(text, compile(regex, 'g'), from);
  for (let m = next(); m; m = next()) {
    const span = { start: m.index, end: m.index + m[0].length };
    if (inTables || inCellRuns ? doc.excluded.some((x) => x.reason !== (inTables ? 'table' : CELL_RUN) && span.start < x.end && span.end > x.start) : isExcluded(doc, span)) continue;
    yield new Found(m, span, text, regex);
  }
}

/**
 * A match whose groups' places are found when first asked for: the regex runs again, sticky, at the match's start
 * (it matches the same way there). Most matches are dropped before a group's place is wanted, and a regex with
 * indices (flag d) allocates a [start, end] array for every group of every match.
 */
class Found implements Match {
  private indices: RegExpIndicesArray | undefined;
  constructor(
    readonly m: RegExpExecArray,
    readonly span: Span,
    private readonly text: string,
    private readonly regex: string,
  ) {}
  group(name: string): Span | null {
    if (!this.m.groups || this.m.groups[name] === undefined) return null;
    if (!this.indices) {
      const re = compile(this.regex, 'yd');
      re.lastIndex = this.span.start;
      const again = re.exec(this.text);
      if (!again || again[0].length !== this.m[0].length) throw new Error('engine: a match did not repeat at its start'); // a bug, never data-dependent
      this.indices = again.indices!;
    }
    const ix = this.indices.groups?.[name];
    return ix ? { start: ix[0], end: ix[1] } : null;
  }
}

/** Whether the sticky `re` matches `text` at `at`. */
function stickyAt(re: RegExp, text: string, at: number): boolean {
  re.lastIndex = at;
  return re.test(text);
}

/** The successive non-empty matches of a global regex from `from`. */
function scan(text: string, re: RegExp, from: number): () => RegExpExecArray | null {
  re.lastIndex = from;
  return () => {
    for (;;) {
      const m = re.exec(text);
      if (!m || m[0].length) return m;
      re.lastIndex++;
    }
  };
}

/** Up to this many units before its literal, a match is looked for at each start (sticky); further, by a scan. */
const STICKY = 8;

/** The first offset ≥ `from` where one of the literals occurs wholly before `end`, or -1. `from` never decreases
 *  from one call to the next (each literal's place in its list of occurrences moves forward). */
function finder(doc: KDocument, end: number, lits: string[]): (from: number) => number {
  const lists = lits.map((l) => occurrencesOf(doc, l));
  const next = lits.map(() => 0);
  return (from) => {
    let first = -1;
    for (let k = 0; k < lits.length; k++) {
      const list = lists[k];
      let i = next[k];
      while (i < list.length && list[i] < from) i++;
      next[k] = i;
      if (i < list.length && list[i] + lits[k].length <= end && (first < 0 || list[i] < first)) first = list[i];
    }
    return first;
  };
}

// Where each literal occurs in a document's folded text, found once: many patterns share a literal (支出, 预算), and
// each used to search the whole text for it again.
const found = new WeakMap<KDocument, { norm: string; byLit: Map<string, number[]> }>();

// whether each literal occurs in a document's folded text (its places, when found already, tell; else the index's first)
const present = new WeakMap<KDocument, { norm: string; byLit: Map<string, boolean> }>();

function occursIn(doc: KDocument, lit: string): boolean {
  const listed = found.get(doc);
  const list = listed && listed.norm === doc.norm ? listed.byLit.get(lit) : undefined;
  if (list) return list.length > 0;
  let c = present.get(doc);
  if (!c || c.norm !== doc.norm) present.set(doc, (c = { norm: doc.norm, byLit: new Map() }));
  let yes = c.byLit.get(lit);
  if (yes === undefined) c.byLit.set(lit, (yes = occurs(doc.norm, lit)));
  return yes;
}

function occurrencesOf(doc: KDocument, lit: string): number[] {
  let c = found.get(doc);
  if (!c || c.norm !== doc.norm) found.set(doc, (c = { norm: doc.norm, byLit: new Map() }));
  let list = c.byLit.get(lit);
  if (!list) {
    list = occurrences(doc.norm, lit);
    c.byLit.set(lit, list);
  }
  return list;
}

/**
 * The same matches, found from the literals: a match holds one at most `before` units after its start, so only
 * those starts are tried (sticky regex), leftmost first. A pattern that opens with a lookbehind would otherwise
 * try it at every offset of the text.
 */
function anchored(text: string, re: RegExp, find: (from: number) => number, before: number, from: number): () => RegExpExecArray | null {
  return () => {
    for (let at = find(from); at >= 0; at = find(from)) {
      for (let s = Math.max(from, at - before); s <= at; s++) {
        re.lastIndex = s;
        const m = re.exec(text);
        if (m) {
          from = s + m[0].length; // never empty: it holds the literal
          return m;
        }
      }
      from = at + 1;
    }
    return null;
  };
}

/**
 * The same matches when a match can start far before its literal (a pattern with a numbered back-reference, which
 * windowed's wrapper would renumber): no match holding the next literal starts before `earliest(at)` (its literal's
 * offset less `before`), so the scan jumps there (each jump skips text no match can start in).
 */
function jumping(text: string, re: RegExp, find: (from: number) => number, earliest: (at: number) => number, from: number): () => RegExpExecArray | null {
  return () => {
    const at = find(from);
    if (at < 0) return null;
    re.lastIndex = Math.max(from, earliest(at));
    const m = re.exec(text); // never empty: it holds a literal
    if (m) from = m.index + m[0].length;
    return m;
  };
}

/**
 * The same matches when a match can start up to `before` units ahead of its literal: `re` is the pattern behind a lazy
 * run of at most `before` units (its group AT is the match), sticky, so one exec tries every start from the window's
 * first, leftmost first, and stops at its last (a global scan from there, as this was, ran on through text holding no
 * match to the next one, or to the end; a sticky exec at each start paid a call for each).
 */
function windowed(text: string, re: RegExp, find: (from: number) => number, before: number, from: number): () => RegExpExecArray | null {
  return () => {
    for (let at = find(from); at >= 0; at = find(from)) {
      const start = Math.max(from, at - before);
      re.lastIndex = start;
      const m = re.exec(text);
      if (m) {
        from = unwrap(m); // never empty: it holds the literal
        return m;
      }
      from = start + before + 1; // every start up to there was tried (start + before ≥ at)
    }
    return null;
  };
}

const AT = 'kepuAt';

/** A wrapped pattern's match (windowed, lineWise: the wrapper's lazy run, then the group AT ending the match) made the
 *  pattern's own from the group's start (its named groups are the pattern's, with AT; the numbered ones are shifted by AT, and
 *  no family reads those); its end returned. */
function unwrap(m: RegExpExecArray): number {
  const end = m.index + m[0].length;
  m.index = end - m.groups![AT].length;
  m[0] = m.groups![AT];
  return end;
}

/** The start of `at`'s line, or `from` when that is later: looked for back to `from` only (on a report pasted on one
 *  line a look back to the line's start, at every match, made the scan quadratic). */
function lineStartFrom(text: string, at: number, from: number): number {
  for (let i = at - 1; i >= from; i--) if (text.charCodeAt(i) === 10) return i + 1;
  return from;
}

/**
 * The same matches for a pattern that cannot span a line (but may start anywhere before its literal): a match holding
 * the next literal starts on that literal's line, so only the lines holding one are tried, each from its start (or
 * `from`) by the pattern behind a lazy run of the line's characters, anchored there: a line without a match costs its
 * own length, not a scan on to the next match. `re` is that wrapped pattern (its group AT is the match), sticky.
 */
function lineWise(text: string, re: RegExp, find: (from: number) => number, from: number, gate: ((start: number, at: number) => boolean) | null): () => RegExpExecArray | null {
  return () => {
    for (let at = find(from); at >= 0; at = find(from)) {
      const start = lineStartFrom(text, at, from);
      re.lastIndex = start;
      const m = gate && !gate(start, at) ? null : re.exec(text);
      if (m) {
        from = unwrap(m); // never empty: it holds a literal
        return m;
      }
      const eol = text.indexOf('\n', at);
      if (eol < 0) return null;
      from = eol + 1;
    }
    return null;
  };
}

/**
 * Whether a line may hold a match from `start` on (its first literal at `at`): the pattern's gate (literal.ts lineGate, a part
 * every match holds, starting on the match's line at most `before` units before one of its literals) matches at one of
 * those places on the line. A few sticky tries at the gate's literals instead of the pattern from every place of the line,
 * which a lazy run before the literal backtracks through (an indented line cost a glued amount's name 6 ms).
 */
function gateOn(doc: KDocument, text: string, gate: NonNullable<Anchor['gate']>): (start: number, at: number) => boolean {
  const re = compile(gate.src, 'y');
  const lists = gate.set.lits.map((l) => occurrencesOf(doc, l));
  return (start, at) => {
    const eol = ((e) => (e < 0 ? text.length : e))(text.indexOf('\n', at));
    for (const list of lists) {
      for (let i = firstIndex(list, (x) => x >= start); i < list.length && list[i] < eol; i++) {
        for (let s = Math.max(start, list[i] - gate.set.before); s <= list[i]; s++) {
          re.lastIndex = s;
          if (re.test(text)) return true;
        }
      }
    }
    return false;
  };
}

type Anchor = AnchorSet & { lineWise: string | null; windowed: string | null; gate: { src: string; set: AnchorSet } | null; others: string[][] };
const anchors = new Map<string, Anchor | null>();
const MAX_ANCHORS = 5000;

/** The literals one of which every match contains and how far before it a match can start (see literal.ts), once per
 *  pattern, with the source lineWise tries when a match can start anywhere on its line but cannot span lines before its
 *  literal (before Infinity and a line break possible before it: the text is scanned, when it holds a literal at all). */
function anchorOf(regex: string): Anchor | null {
  let a = anchors.get(regex);
  if (a === undefined) {
    const src = expand(regex);
    let set = anchorSet(src);
    // a pattern that may span lines but not before its literal (a name, then an amount that may wrap: 科普经费项目8万元)
    // starts on the line of a literal of its break-free head (and at most its `before` ahead of it): those literals
    // find where it can start, as for a pattern on one line
    let oneLine = singleLine(src);
    if (set && set.before === Infinity && !oneLine) {
      const head = breakFreePrefix(src);
      const headSet = head ? anchorSet(head) : null;
      if (headSet) [set, oneLine] = [headSet, true];
    }
    // the wrapped source made once: compile finds it by the same string object (a new one would be hashed again)
    const backRef = /\\[1-9]/.test(src);
    const lineWise = set && set.before === Infinity && oneLine && !backRef ? `[^\\n]*?(?<${AT}>${regex})` : null;
    // (a match that may start a few units before its literal: each start in the window is tried by one exec of this)
    const windowed = set && set.before > 0 && set.before < Infinity && !backRef ? `[\\s\\S]{0,${set.before}}?(?<${AT}>${regex})` : null;
    // (bounded as compile's cache is: a source built from a document adds an entry per document)
    if (anchors.size >= MAX_ANCHORS) anchors.clear();
    // (a part of the pattern that tells a line holding no match cheaply: see gateOn)
    const gate = lineWise ? lineGate(src) : null;
    // (the other literal sets every match holds: one found nowhere in a document rules the pattern out there)
    const others = set ? requiredSets(src).filter((lits) => lits.join('\n') !== set.lits.join('\n')) : [];
    anchors.set(regex, (a = set && { ...set, lineWise, windowed, gate, others }));
  }
  return a;
}

export function valueOf(doc: KDocument, kind: PatternDef['kind'], match: Match): unknown {
  const g = match.m.groups ?? {};
  switch (kind) {
    case 'count':
      return g.num === undefined ? null : toCount(g.num, g.mult ?? '');
    case 'money':
      return g.num === undefined ? null : toYuan(g.num, g.unit ?? '元');
    case 'number':
      return g.num === undefined ? null : toRate(g.num);
    case 'none':
      return 0;
    case 'text': {
      const span = match.group('value');
      return span ? cleanValue(doc.display.slice(span.start, span.end)) : null;
    }
  }
}

/** The most of a match's sentence its guards look back over: a run of text with no sentence end (a damaged copy, a
 *  pathological input) made them test (or split into clauses) the whole run before every match, cubic in its length (`等级为A级，` × 1,300:
 *  5 s). */
export const MAX_BEFORE = 400;

/** A match's value, a text one read as the pattern's `values` name it. */
function patternValue(doc: KDocument, p: PatternDef, match: Match): ReturnType<typeof valueOf> {
  const v = valueOf(doc, p.kind, match);
  return typeof v === 'string' && p.values ? p.values[v] ?? v : v;
}

/** Run a simple family file (a list of field patterns) and push its facts. */
export function runFamily(doc: KDocument, file: string): Fact[] {
  const family = loadPatternFile<{
    patterns: PatternDef[];
    other_year?: string;
    not_before?: string;
    not_in_items?: string[];
    not_before_except?: { kinds: string[]; regex: string; unless_section?: string; named?: string; named_fund?: string; section?: string; section_not?: string; section_unless?: string };
    sentence_year?: string;
    section_year?: string;
    prefer?: { kinds: string[]; before: string; priority: number }[];
    shared_grade?: SharedGradeDef;
    chain?: { clause: string; separators: string; year: string; own?: string; aside?: string; series?: string };
    own_clause?: { opens: string; separators: string };
    /** another body's evaluation or panel before the match (group `body`: src/extract/outsideBody.ts) */
    outside_body?: string;
    /** the unit's own self-evaluation score named in a clause after the cue: from there on the cue does not reach */
    outside_body_own?: string;
    /** the sentence before a match runs across a line end that wraps prose (a printed line cut after 部门评价，) */
    wrapped_sentences?: boolean;
    /** a 科协 by its level as the subject of a clause before the match, no later clause opening with the unit: see outsideBody */
    other_subject?: string;
    /** the whole report written by an outside evaluator (受县财政局委托，我所对…进行了绩效评价): its scores are that body's,
     *  only one named as the unit's self-evaluation (`own`, in the match or the sentence before it) is kept */
    outside_report?: { regex: string; own: string; opening?: string; title_own?: string };
    /** another body's evaluation whose own word opens the match (县财政局组织开展的绩效评价结果为良好): tested on the match's clause
     *  up to the match's end, as not_before sees only the text before the match */
    others_result?: string;
    /** a target or a plan, not a result: its cue in the sentence before the match (力争…等级为优 | 绩效目标：… | 下一步，…) */
    target?: { before: string };
    /** a value a bound follows (等级为良好以上: a floor, no grade), for the fields named: tested right after the value */
    bound_after?: { fields: string[]; regex: string };
    /** a value made the attribute of things counted (自评得分为95分的项目有2个): tested right after the match, for the fields named */
    counted_after?: { fields: string[]; regex: string };
    /** a value followed by a form's empty box (`after`, at the value's end) is an option left unticked — unless a box stands right
     *  before it (`before`, on the text before the value): the form ticks before its options, and the box after is the next one's */
    option_after?: { fields: string[]; after: string; before: string };
    /** a score out of another scale than the field's (自评得分9.6分（满分10分） | 按10分制…): `after` tested right after the
     *  match, `before` on its sentence before it; not a match naming the field's own scale, `unless` (…折合百分制96分) */
    off_scale?: { field: string; after: string; before: string; unless?: string };
    /** a line end that wraps prose between a label (`before`, tested on the line's end) and its figure (`after`, on the next
     *  line's start) is read as a space: 自评得分⏎94分 (wrapOf tells a wrap from a form's cell per line) */
    wrapped_figures?: { before: string; after: string; lead?: string };
  }>(file);
  const { patterns, other_year, not_before, not_in_items, not_before_except } = family;
  // a match whose sentence names the report's own subject before it (部门整体 in a department's report) outranks others
  const prefer = (family.prefer ?? []).filter((x) => doc.reportKind && x.kinds.includes(doc.reportKind));
  // a not_before that holds in every report but those kinds (a project's score in a department's report)
  const notBeforeHere = not_before_except && !(doc.reportKind && not_before_except.kinds.includes(doc.reportKind)) ? not_before_except.regex : undefined;
  // (a fund named by its own name, 全国科普日专项绩效评价得分95分: only in a report of a known kind, as with none the text may be
  // that fund's own report)
  const fundHere = notBeforeHere && doc.reportKind && not_before_except!.named_fund ? compile(not_before_except!.named_fund, '') : undefined;
  const shared = family.shared_grade && doc.reportKind && family.shared_grade.kinds.includes(doc.reportKind) ? family.shared_grade : undefined;
  const out: Fact[] = [];
  // the items of the lists named (a named fund's item: 1.科普日经费项目：…，项目自评得分95分) hold their own values
  const within = (not_in_items ?? []).flatMap((k) => (doc.items[k] ?? []).map((x) => x.span));
  const outsideReport = family.outside_report && outsideReportOf(doc, family.outside_report) ? family.outside_report : null;
  const view = family.wrapped_figures ? joinWrappedFigures(doc, family.wrapped_figures) : doc;
  for (const p of patterns) {
    if (p.kinds && (!doc.reportKind || !p.kinds.includes(doc.reportKind))) continue;
    for (const match of matches(view, p.regex)) {
      if (within.some((x) => match.span.start >= x.start && match.span.start < x.end)) continue;
      // (a by-year pattern's years before its label are its own list, weighed by byYear: 2023年度、2022年度自评得分分别为96分、93分;
      // the other-year cue and chain would read the last one, 2022年度, as the clause's)
      if (other_year && !p.by_year && otherYear(doc, other_year, match.span.start)) continue;
      // (a sentence opening with another year, 2022年，…; a section whose title names one, 二、上年绩效评价结果应用)
      if (otherYearAt(doc, match.span.start, family)) continue;
      if (family.chain && !p.by_year && otherYearChain(doc, family.chain, match.span.start)) continue;
      const before = p.not_before || not_before || notBeforeHere || prefer.length || shared || family.outside_body || family.target || family.other_subject ? doc.norm.slice(Math.max((family.wrapped_sentences ? wrappedSentenceAt : sentenceAt)(doc, match.span.start).start, match.span.start - MAX_BEFORE), match.span.start) : '';
      if ((p.not_before && compile(p.not_before, '').test(before)) || (not_before && compile(not_before, '').test(ownClause(doc, family.own_clause, match, before)))) continue;
      if (p.not_after && stickyAt(compile(p.not_after, 'y'), doc.norm, match.span.end)) continue;
      if (family.target && compile(family.target.before, '').test(before)) continue;
      if (family.bound_after && family.bound_after.fields.includes(p.field)) {
        const end = match.group('value')?.end ?? match.span.end;
        if (compile(family.bound_after.regex, 'y').test(doc.norm.slice(end, end + 12))) continue;
      }
      if (family.counted_after && family.counted_after.fields.includes(p.field) && compile(family.counted_after.regex, 'y').test(doc.norm.slice(match.span.end, match.span.end + 24))) continue;
      if (family.option_after && family.option_after.fields.includes(p.field)) {
        const v = match.group('value') ?? match.span;
        if (compile(family.option_after.after, 'y').test(doc.norm.slice(v.end, v.end + 24)) && !compile(family.option_after.before, '').test(doc.norm.slice(Math.max(0, v.start - 4), v.start))) continue;
      }
      if (family.off_scale && family.off_scale.field === p.field && !(family.off_scale.unless && compile(family.off_scale.unless, '').test(match.m[0])) && (compile(family.off_scale.after, 'y').test(doc.norm.slice(match.span.end, match.span.end + 16)) || compile(family.off_scale.before, '').test(before))) continue;
      if (p.deducted_from !== undefined && !deductionsAgree(p, before, match)) continue;
      const reached = family.outside_body_own && family.chain ? fromOwnScore(before, family.chain.separators, family.outside_body_own, family.chain.clause) : before;
      if (family.outside_body && outsideBody(doc, family.outside_body, ownClause(doc, family.own_clause, match, reached))) continue;
      if (family.others_result && othersResult(doc, family, before, match)) continue;
      // (only with the unit known: a report naming no unit may open with its own 县科协, and outsideBody reads an unknown unit as another)
      if (family.other_subject && unitName(doc) !== null && outsideBody(doc, family.other_subject, before)) continue;
      if (outsideReport && !compile(outsideReport.own, '').test(doc.norm.slice(sentenceAt(doc, match.span.start).start, match.span.end))) continue;
      // (a grade after the unit's score and a project's: the grading bands tell whose it is, over not_before_except)
      const verdict = shared && p.field === shared.field ? sharedGrade(shared, patternValue(doc, p, match), before, doc.norm.slice(match.span.start, match.span.end)) : null;
      if (verdict === 'drop') continue;
      // (in any other report, a grade right after an average, 本项目两个子项目平均得分94分，等级为优, is the averaged things' too)
      if (!shared && family.shared_grade && p.field === family.shared_grade.field && afterAverage(family.shared_grade, before, doc.norm.slice(match.span.start, match.span.end))) continue;
      // (the section's exemption is for the report calling itself 该项目, not for a project named by its own name)
      const exempt = (x: NonNullable<typeof not_before_except>) =>
        !!x.unless_section && !(x.named && compile(x.named, '').test(before)) && !fundHere?.test(before) && sectionsAt(doc, match.span.start).some((h) => compile(x.unless_section!, '').test(h.title));
      if (verdict !== 'keep' && notBeforeHere && (compile(notBeforeHere, '').test(before) || !!fundHere?.test(before)) && !exempt(not_before_except!)) continue;
      if (verdict !== 'keep' && notBeforeHere && inOthersSection(doc, not_before_except!, match.span.start, before)) continue;
      if (p.not_in_section && sectionsAt(doc, match.span.start).some((h) => compile(p.not_in_section!, '').test(h.title))) continue;
      if (p.only_in_section && !sectionsAt(doc, match.span.start).some((h) => compile(p.only_in_section!, '').test(h.title))) continue;
      const value = p.by_year ? byYear(doc, match) : patternValue(doc, p, match);
      if (value === null || value === undefined || (typeof value === 'number' && !Number.isFinite(value))) continue;
      const priority = prefer.find((x) => compile(x.before, '').test(before))?.priority;
      const f: Fact = { path: p.field, value, span: trimSpan(doc, match.span), rule: p.id, ...(priority !== undefined ? { priority } : {}) };
      out.push(f);
      doc.facts.push(f);
    }
  }
  return out;
}

/** The points taken off in the run of clauses right before the match (each a `p.deduction`, its figure `off`; split at the
 *  clause separators) and the match's value make up the full marks `p.deducted_from`; none in the run, false. */
function deductionsAgree(p: PatternDef, before: string, match: Match): boolean {
  const num = match.m.groups?.num;
  const value = num === undefined ? null : toRate(num);
  if (value === null || !p.deduction) return false;
  const clause = compile(p.deduction, '');
  const clauses = before.split(/[，,、;；]/);
  let off = 0, n = 0, i = clauses.length - 2;
  // (the last piece is the match's own clause up to its label: empty, or the label's lead-in)
  for (; i >= 0; i--) {
    const m = clause.exec(clauses[i]);
    if (!m) break;
    off += Number(m.groups!.off);
    n++;
  }
  // (a clause before the run taking points off too, 宣传不到位扣1分，产出指标扣2分，…: the run is not all of them, no check)
  if (i >= 0 && p.deduction_any && compile(p.deduction_any, '').test(clauses[i])) return false;
  return n > 0 && Math.abs(off + value - p.deducted_from!) < 0.005;
}

/** The document with each line end that wraps prose (prose.ts wrapOf) between a label (`w.before`, on the line's end) and its
 *  figure (`w.after`, opening the next line) read as a space, the same length and offsets (自评得分⏎94分). The document itself
 *  when there is none: most have none, and a view misses the caches keyed on the document. */
function joinWrappedFigures(doc: KDocument, w: { before: string; after: string; lead?: string }): KDocument {
  const { breaks } = wrapOf(doc);
  if (!breaks.size) return doc;
  let norm: Map<number, string> | null = null;
  for (const b of breaks) {
    // (the label's last letters or its copula opening the next line, 自评得⏎分为94分 | 自评得分⏎为94分: moved before the
    // break, which becomes the space before the figure — same length, 自评得分为 94分)
    // (past the line's trailing spaces and the next one's indent)
    let [from, to] = [b, b + 1];
    while (from > 0 && /[ \t\u3000]/.test(doc.norm[from - 1])) from--;
    while (to < doc.norm.length && /[ \t\u3000]/.test(doc.norm[to])) to++;
    // (a figure broken before its decimal point, 自评得分为92⏎.6分: its decimals moved before the break, 92.6 分 — never 92)
    // (…and after it, 自评得分93.⏎5分 → 93.5 分)
    const point = /^\.?\d{1,2}(?=[ \t]*分)/.exec(doc.norm.slice(to, to + 8))?.[0];
    if (point && (point[0] === '.' ? /\d$/ : /\d\.$/).test(doc.norm.slice(Math.max(0, from - 2), from))) {
      norm ??= new Map();
      for (let i = from; i < to + point.length; i++) norm.set(i, i - from < point.length ? point[i - from] : ' ');
      continue;
    }
    const lead = w.lead ? (compile(w.lead, 'y').exec(doc.norm.slice(to, to + 8))?.[0] ?? '') : '';
    if (!lead) {
      if (!compile(w.before, '').test(doc.norm.slice(Math.max(0, b - 24), b)) || !compile(w.after, 'y').test(doc.norm.slice(b + 1, b + 16))) continue;
      (norm ??= new Map()).set(b, ' ');
      continue;
    }
    if (!compile(w.before, '').test(doc.norm.slice(Math.max(0, from - 24), from) + lead) || !compile(w.after, 'y').test(doc.norm.slice(to + lead.length, to + lead.length + 16))) continue;
    norm ??= new Map();
    for (let i = from; i < to + lead.length; i++) norm.set(i, i - from < lead.length ? lead[i - from] : ' ');
  }
  return norm ? (Object.create(doc, { norm: { value: withChars(doc.norm, norm) } }) as KDocument) : doc;
}

/** A match in a section on others' spending (`section`: 二、项目支出情况, none of its headings `section_not`: a whole's, a
 *  conclusion's) whose sentence names no subject of the report's own before it (`section_unless`): theirs, not the report's. */
function inOthersSection(doc: KDocument, x: { section?: string; section_not?: string; section_unless?: string }, at: number, before: string): boolean {
  if (!x.section) return false;
  const around = sectionsAt(doc, at);
  if (!around.some((h) => compile(x.section!, '').test(h.title))) return false;
  if (x.section_not && around.some((h) => compile(x.section_not!, '').test(h.title))) return false;
  return !(x.section_unless && compile(x.section_unless, '').test(before));
}

/** The match's clause up to its end names another body's evaluation (`others_result`, or an outside panel's, `outside_body`)
 *  whose result the match states: 县财政局组织开展的绩效评价结果为良好 | 市科协组织开展的绩效评价得分为88分 in a county's report.
 *  Only the match's own clause: 县财政局组织的再评价得分为88分，自评得分为95分 keeps 95. */
function othersResult(doc: KDocument, family: { others_result?: string; outside_body?: string; own_clause?: { separators: string } }, before: string, match: Match): boolean {
  const parts = before.split(compile(family.own_clause?.separators ?? '[，,;；]', ''));
  const clause = parts[parts.length - 1] + doc.norm.slice(match.span.start, match.span.end);
  return compile(family.others_result!, '').test(clause) || (!!family.outside_body && outsideBody(doc, family.outside_body, clause));
}

/** What the family's not_before looks at: the sentence before the match, or only the match's own clause when the match opens
 *  naming the unit's own evaluation (`own_clause.opens`: 县财政局组织的再评价得分为88分，自评得分为95分 → 95 is the unit's). */
function ownClause(doc: KDocument, own: { opens: string; separators: string } | undefined, match: Match, before: string): string {
  if (!own || !compile(own.opens, '').test(doc.norm.slice(match.span.start, match.span.end))) return before;
  const parts = before.split(compile(own.separators, ''));
  return parts[parts.length - 1];
}

/** The clauses right before `at` in its sentence that each state a figure (`chain.clause`; the clause `at` stands in
 *  counts when it does), the first of them naming another year (`chain.year`): what follows in the chain is that year's
 *  too (2022年度部门整体支出绩效自评得分88分，等级为良 | 2022年产出指标得分38分，效益指标得分19分，总得分86分). */
const OPENING_YEAR = /^(?:19|20)\d{2}(?=\s*年)/;
function otherYearChain(doc: KDocument, chain: { clause: string; separators: string; year: string; own?: string; aside?: string; series?: string }, at: number): boolean {
  // (a bracket's aside, 93分（上年为91分）, names no clause's year)
  const text = doc.norm.slice(Math.max(sentenceAt(doc, at).start, at - MAX_BEFORE), at);
  const clauses = (chain.aside ? text.replace(compile(chain.aside, 'g'), '') : text).split(compile(chain.separators, ''));
  const stated = compile(chain.clause, '');
  const year = compile(chain.year, '');
  const own = chain.own ? compile(chain.own, '') : null;
  // (a match opening with this year's own name, 本年度为95分 after 上年度…92分, is this year's: sticky, at the match's start)
  if (chain.own && compile(chain.own, 'y').test(doc.norm.slice(at, at + 4))) return false;
  // (so is one opening with the report's own year, 2022年度…91分，2023年度为93分 in a 2023 report; one opening with a year
  // when the report's is unknown cannot be told this year's: dropped, as one opening with another's)
  const opening = OPENING_YEAR.exec(doc.norm.slice(at, at + 8));
  if (opening) return Number(opening[0]) !== doc.data.fiscalYear;
  let first: string | null = null;
  for (let i = clauses.length - 1; i >= 0; i--) {
    if (i < clauses.length - 1 && !stated.test(clauses[i])) break;
    // (the nearest clause naming a year decides: one naming the report's own restarts the chain, 2022年度…得分89分，2023年度
    // 自评得分94分，评价等级为优秀 → 94 and 优秀 are this year's; 2023年度…94分，2022年度自评得分89分，等级为良 → 良 is 2022's)
    const y = year.exec(clauses[i]);
    // (with the report's year unknown, a score dated by its year and another year's in the same sentence, 2022年度自评得分91分，
    // 2023年度93分: a series by year, and which year is the report's the text does not say — none is read)
    if (y?.groups?.year && doc.data.fiscalYear == null && chain.series && otherDatedScore(doc, chain, Number(y.groups.year), at)) return true;
    if (y) return !(y.groups?.year && Number(y.groups.year) === doc.data.fiscalYear) && saysOtherYear(doc, chain.year, clauses[i]) && (stated.test(clauses[i]) || i === clauses.length - 1);
    if (own?.test(clauses[i])) return false;
    if (stated.test(clauses[i])) first = clauses[i];
  }
  return first !== null && saysOtherYear(doc, chain.year, first);
}

/** In `at`'s sentence (at most MAX_BEFORE either side), another clause (split at `separators`) dating a score by a year
 *  other than `year` (`series`, tested on each clause, its group `year`). */
function otherDatedScore(doc: KDocument, chain: { separators: string; series?: string }, year: number, at: number): boolean {
  const sentence = sentenceAt(doc, at);
  const text = doc.norm.slice(Math.max(sentence.start, at - MAX_BEFORE), Math.min(sentence.end, at + MAX_BEFORE));
  const series = compile(chain.series!, '');
  return text.split(compile(chain.separators, '')).some((c) => {
    const m = series.exec(c);
    return !!m && Number(m.groups!.year) !== year;
  });
}

/** The file's `other_year` pattern matches the text before `at` in its sentence: 上年… always, a year (group `year`)
 *  only when it is not the report's fiscal year. */
function otherYear(doc: KDocument, regex: string, at: number): boolean {
  return saysOtherYear(doc, regex, doc.norm.slice(Math.max(sentenceAt(doc, at).start, at - 20), at));
}

/** At `at`, another year's: its sentence opens with that year (`sentence_year`: 2022年，…) or a section around it names one
 *  in its title (`section_year`: 二、2022年度工作完成情况). */
export function otherYearAt(doc: KDocument, at: number, f: { sentence_year?: string; section_year?: string }): boolean {
  if (f.sentence_year && saysOtherYear(doc, f.sentence_year, doc.norm.slice(sentenceAt(doc, at).start, at))) return true;
  return !!f.section_year && sectionsAt(doc, at).some((h) => saysOtherYear(doc, f.section_year!, h.title));
}

// a page's number an OCR or PDF copy glued before a year opening a line (32018年度收入总计… on page 3 of a 2019 report): for
// these checks the year is another year all the same (the number read as spaces, the text's length kept); it is never taken as
// the report's year (macros.yaml YEAR)
const GLUED_PAGE = /(?<![\d.,])\d{1,3}(?=(?:19|20)\d{2}[ \t]*年)/g;

// whether any text taken from the document may hold such a number: a digit before a year, white space between allowed (a
// label is read with its spaces taken out). Looked up once a document: rewriting every text checked (a sentence up to each
// match) was quadratic over a long run with no sentence end
const gluable = new WeakMap<KDocument, { norm: string; may: boolean }>();
function mayGlue(doc: KDocument): boolean {
  let c = gluable.get(doc);
  if (!c || c.norm !== doc.norm) gluable.set(doc, (c = { norm: doc.norm, may: /\d\s*(?:19|20)\d{2}[ \t]*年/.test(doc.norm) }));
  return c.may;
}

/** True when an other-year cue (`regex`: 上年…, or a year in the named group `year`) matches `text` and names a
 *  year other than the report's fiscal year. Shared by the families that drop another year's figures. */
export function saysOtherYear(doc: KDocument, regex: string, text: string): boolean {
  const m = compile(regex, '').exec(mayGlue(doc) ? text.replace(GLUED_PAGE, (d) => ' '.repeat(d.length)) : text);
  if (!m) return false;
  const y = m.groups?.year;
  return !y || (typeof doc.data.fiscalYear === 'number' && yearNumber(y) !== doc.data.fiscalYear);
}


/** Evidence spans never start or end with whitespace. */
export function trimSpan(doc: KDocument, span: Span): Span {
  let { start, end } = span;
  while (start < end && /\s/.test(doc.text[start])) start++;
  while (end > start && /\s/.test(doc.text[end - 1])) end--;
  return { start, end };
}

/** The reporting unit's name as the meta extractor found it (it runs first), or null. */
export function unitName(doc: KDocument): string | null {
  const v = doc.facts.find((x) => x.path === '/meta/unitName')?.value;
  return typeof v === 'string' ? v : null;
}

/** The reporting unit's level (县, 市, 区 …) when its name ends in 科协/科学技术协会/科技协会, or a bureau's whose name brackets the 科协 it
 *  holds (see bracketedSocietyLevel), else ''. */
export function unitLevel(doc: KDocument): string {
  const name = unitName(doc);
  // (科技协会: a 科协's name written short so, 青禾县科技协会 — lists49)
  return (name && compile('({KEXIE_LEVEL})(?:{KEXIE}|科技协会)$', '').exec(name)?.[1]) ?? bracketedSocietyLevel(doc) ?? '';
}
/** The unit's place as its name writes it before its level (青禾 of 青禾县科学技术协会, 东川省青禾 with its province), or null. */
function unitPlace(doc: KDocument): string | null {
  const level = unitLevel(doc);
  const name = unitName(doc);
  if (!level || !name) return null;
  const at = name.lastIndexOf(level, name.length - 2);
  return at > 0 ? name.slice(0, at) : null;
}
/** `before` (the text right before a 科协 of the unit's own level) ends with a place that is not the unit's: a neighbour's word
 *  (邻县科协, 周边县科协) or a name other than the unit's place opening its clause (东岭县科协 in 青禾县科协's report; hunta52). A time,
 *  a connective or a verb there (今年县科协, 核定县科协编制…) names none: see macros.yaml PLACE_NAMED_END, NOT_PLACE. */
export function otherPlace(doc: KDocument, before: string): boolean {
  if (compile('(?:^|[^\u4e00-\u9fa5])(?:{NEIGHBOUR_PLACE})$', '').test(before)) return true;
  const own = unitPlace(doc);
  const named = own ? compile('{PLACE_NAMED_END}', '').exec(before)?.groups!.named : undefined;
  return !!named && !own!.endsWith(named) && !named.endsWith(own!) && !compile('{NOT_PLACE}', '').test(named);
}
/** A bureau's report whose unit's name brackets the 科协 it holds (洛南县科学技术局（县科协）…报告, one office with two names): that
 *  科协's level (see meta.yaml unit_bracketed_society), else null. */
export function bracketedSocietyLevel(doc: KDocument): string | null {
  const unit = doc.facts.find((x) => x.path === '/meta/unitName');
  if (!unit || !/局$/.test(String(unit.value))) return null;
  const src = loadPatternFile<{ unit_bracketed_society: string }>('meta.yaml').unit_bracketed_society;
  const m = compile(src, '').exec(doc.norm.slice(unit.span.end, unit.span.end + 12));
  // (青禾县科技局（科协）: no level in the bracket, the bureau's own)
  return m ? m.groups!.level ?? compile('({KEXIE_LEVEL})[^省市州盟县区旗]*局$', '').exec(String(unit.value))?.[1] ?? null : null;
}

/** The sentence containing `offset` (an empty span when it lies between sentences). */
export function sentenceAt(doc: KDocument, offset: number): Span {
  return spanAt(doc.sentences, offset) ?? { start: offset, end: offset };
}

/** The headings whose bodies contain `offset`, innermost last. */
export function sectionsAt(doc: KDocument, offset: number) {
  return doc.headings.filter((h) => offset >= h.start && offset < h.bodyEnd);
}
