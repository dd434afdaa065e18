// Indicators written as prose, one to a line (patterns/indicators.yaml prose), for reports that give no 绩效指标 table:
// `（1）数量指标：开展活动不少于20场，实际开展25场，完成率125%。` → 开展活动, target ≥20 场, actual 25 场.
import type { KDocument, Span } from '../document.js';
import type { Indicator, ParsedValue } from '../schema/record.js';
import { compile, derived, loadPatternFile } from '../patterns.js';
import { tableVocab } from '../structure/tableVocab.js';
import { parseValue } from './values.js';
import { levelLabel } from './tableReading.js';
import type { CellEvidence } from './tables.js';

interface ProseDef {
  section_keys: string[];
  section_title: string;
  line: string;
  level2: string;
  target_label: string;
  actual_label: string;
  figure: string;
  other_clause: string;
}
type Evidence = Record<string, CellEvidence>;
interface Part { span: Span; text: string }

const RULE = 'prose.indicator';
const proseDef = () => loadPatternFile<{ prose: ProseDef }>('indicators.yaml').prose;

/** A comparison word opening a target's value (不少于20场, ≥5000份): tables.yaml's op_prefix for ≥ and ≤, before a digit. */
function targetCue(def: ProseDef): RegExp {
  return derived(def, 'targetCue', () => {
    const ops = tableVocab().raw.values.op_prefix;
    const words = [...ops['>='], ...ops['<=']].sort((a, b) => b.length - a.length).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    return `(?:${words.join('|')})[ \\t]*(?=${def.figure})`;
  });
}

/** The clauses of a line's rest, with their spans in the document (split at ，,；;。). */
function clauses(text: string, offset: number): Part[] {
  const out: Part[] = [];
  const re = /[^，,；;。]+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const lead = m[0].length - m[0].trimStart().length;
    const t = m[0].trim();
    if (t) out.push({ text: t, span: { start: offset + m.index + lead, end: offset + m.index + lead + t.length } });
  }
  return out;
}

/** One line's indicator, or null when the line does not state one target and one actual of one measure. */
function lineIndicator(doc: KDocument, def: ProseDef, line: Span): { ind: Indicator; parts: Record<string, Span> } | null {
  const m = compile(def.line, 'd').exec(doc.norm.slice(line.start, line.end));
  const g = m?.indices?.groups;
  if (!m?.groups || !g?.name || !g.rest) return null;
  const at = (s: [number, number]): Span => ({ start: line.start + s[0], end: line.start + s[1] });
  const name = at(g.name);
  let target: { value: Part; prefix: Span | null } | null = null;
  let actual: Part | null = null;
  const [other, targetLabel, actualLabelRe, figure] = [def.other_clause, def.target_label, def.actual_label, def.figure].map((src) => compile(src, ''));
  for (const c of clauses(m.groups.rest, line.start + g.rest[0])) {
    if (other.test(c.text)) continue;
    const label = targetLabel.exec(c.text);
    const actualLabel = actualLabelRe.exec(c.text);
    const cue = targetCue(def).exec(c.text);
    const from = (k: number): Part => ({ text: c.text.slice(k), span: { start: c.span.start + k, end: c.span.end } });
    if (actualLabel) {
      if (actual) return null;
      actual = from(actualLabel[0].length);
    } else if (label || cue) {
      if (target) return null;
      const k = label ? label[0].length : cue!.index;
      target = { value: from(k), prefix: k > 0 && !label ? { start: c.span.start, end: c.span.start + k } : null };
    } else if (figure.test(c.text)) return null; // a figure neither labelled: which it is is not told
  }
  if (!target || !actual) return null;
  const show = (s: Span) => doc.display.slice(s.start, s.end);
  const tv = parseValue(show(target.value.span));
  const av = parseValue(show(actual.span));
  if (!sameMeasure(tv, av)) return null;
  const asLevel2 = compile(def.level2, '').test(doc.norm.slice(name.start, name.end));
  const level3Span = asLevel2 ? target.prefix : name;
  if (!level3Span) return null;
  const ind: Indicator = {
    table: null,
    level1: null,
    level2: asLevel2 ? levelLabel(show(name)) : null,
    level3: show(level3Span).trim(),
    target: tv,
    actual: av,
    weight: null,
    score: null,
    note: null,
  };
  const parts: Record<string, Span> = { level3: level3Span, target: target.value.span, actual: actual.span };
  if (asLevel2) parts.level2 = name;
  return { ind, parts };
}

const ordinalKind = (o: string | null) => o?.replace(/[一二三四五六七八九十\d]+/g, 'N') ?? null;

/**
 * Where a scope heading's section ends: its next sibling by numbering (二、 … 三、) or the next heading keyed as another
 * section. Not its outline's bodyEnd alone: an indicator line read as a run-in heading (（3）满意度指标：…) may be set level
 * with it and would close it.
 */
function scopeEnd(doc: KDocument, h: KDocument['headings'][number], keys: string[]): number {
  const kind = ordinalKind(h.ordinal);
  if (kind === null) return h.bodyEnd;
  const next = doc.headings.find((x) => x.start >= h.end && ((x.key !== null && !keys.includes(x.key)) || ordinalKind(x.ordinal) === kind));
  return Math.max(h.bodyEnd, next ? next.start : doc.norm.length);
}

const sameMeasure = (a: ParsedValue | null, b: ParsedValue | null) => a?.value != null && b?.value != null && !!a.unit && a.unit === b.unit;

/** Extract stage, after the tables: prose indicators when no table gave any. */
export function extractProseIndicators(doc: KDocument): void {
  const indicators = (doc.data.indicators as Indicator[] | undefined) ?? [];
  if (indicators.length) return;
  const def = proseDef();
  const title = compile(def.section_title, '');
  const scopes = doc.headings
    .filter((h) => (h.key !== null && def.section_keys.includes(h.key)) || title.test(h.title))
    .map((h) => ({ end: h.end, bodyEnd: scopeEnd(doc, h, def.section_keys) }));
  if (!scopes.length) return;
  const ev: Evidence = (doc.data.indicatorEvidence as Evidence | undefined) ?? {};
  for (const line of doc.lines) {
    if (!scopes.some((h) => line.start >= h.end && line.end <= h.bodyEnd)) continue;
    if (doc.excluded.some((x) => line.start < x.end && x.start < line.end)) continue;
    const found = lineIndicator(doc, def, line);
    if (!found) continue;
    const p = `/indicators/${indicators.length}`;
    indicators.push(found.ind);
    ev[p] = { span: { start: line.start, end: line.end }, rule: `${RULE}.line` };
    for (const [field, span] of Object.entries(found.parts)) ev[`${p}/${field}`] = { span, rule: `${RULE}.${field}` };
  }
  doc.data.indicators = indicators;
  doc.data.indicatorEvidence = ev;
}
