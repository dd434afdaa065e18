// Bare figures under a unit line (finance.yaml unit_stretch): the document is read once more with the unit written after
// each, and that reading's finance facts on those figures are added — the values the plain typing (基本支出120.5万元) gives.
import type { Fact, KDocument, ReadResult, Span, Table } from '../document.js';
import { createDocument, isExcluded } from '../document.js';
import { compile, loadPatternFile } from '../patterns.js';

interface StretchDef {
  line: string;
  closing: string;
  figure: string;
  money_label: string;
  table_line: string;
}

/** a unit written after the figure ending at `at` (`line`: the unit line's start, which governs it) */
interface Insertion {
  at: number;
  unit: string;
  line: number;
  figure: Span;
  /** a list table's tabs before the figure on its row, written as spaces (see listTable) */
  gaps?: number[];
}

/** The figures one unit line governs, read in its unit (doc.data.unitStretches): judged together by validate/plausible.ts, as a
 *  table's cells under its unit line are. */
export type UnitStretch = Span[];

const def = () => loadPatternFile<{ unit_stretch: StretchDef }>('finance.yaml').unit_stretch;

/** A table of two columns, a money label and a bare figure on each row (`基本支出⇥120.5⏎项目支出⇥35`): the stretch's list set out
 *  with tabs, which no table reader reads (no header, no caption) — its lines are the stretch's, read with the tab as a space. */
function listTable(norm: string, t: Table, moneyLabel: RegExp): boolean {
  // (the cells as the matching copy has them: full-width digits, traditional script folded)
  const text = (c: Span) => norm.slice(c.start, c.end).trim();
  const rows = t.rows.filter((r) => r.some((c) => text(c)));
  return rows.length > 0 && rows.every((r) => r.length === 2 && BARE.test(text(r[1])) && LABEL.test(text(r[0])) && moneyLabel.test(text(r[0])));
}
const BARE = /^\d+(?:,\d{3})*(?:\.\d+)?$/;
const LABEL = /^[^\d]*[\u4e00-\u9fa5][^\d]*$/;

/** The bare figures a unit line governs: from the line after it to the next heading, table, unit line or pasted table's line
 *  (a list table, above, is no stop: its rows are the stretch's lines). */
export function governedFigures(doc: KDocument): Insertion[] {
  // (cheap first: no unit stated anywhere, no stretch)
  if (!/单位|元[）)]/.test(doc.norm)) return [];
  const d = def();
  const unitLine = compile(d.line, '');
  const closing = compile(d.closing, '');
  const tableLine = compile(d.table_line, '');
  const figure = compile(d.figure, 'g');
  const moneyLabel = compile(d.money_label, '');
  const lists = doc.tables.filter((t) => listTable(doc.norm, t, moneyLabel));
  const inList = (o: number) => lists.some((t) => o >= t.start && o < t.end);
  const stops = [...doc.headings.map((h) => h.start), ...doc.tables.filter((t) => !lists.includes(t)).map((t) => t.start)].sort((a, b) => a - b);
  const out: Insertion[] = [];
  let unit: string | null = null;
  let line = -1;
  let stop = Infinity;
  let t = '';
  for (const l of doc.lines) {
    // (a line's \r is no part of it: a Windows copy)
    const prev = t;
    t = doc.norm.slice(l.start, l.end).replace(/\r$/, '');
    const listed = inList(l.start);
    if (l.start >= stop || (tableLine.test(t) && !listed)) unit = null;
    const u = unitLine.exec(t) ?? closing.exec(t);
    if (u) {
      unit = u.groups!.unit;
      line = l.start;
      // (from the line's end: a heading closed by the unit, 　　二、部门收支情况（单位：万元）, starts after its indent on that line)
      stop = stops.find((s) => s >= l.end) ?? Infinity;
      continue;
    }
    if (unit === null) continue;
    for (const m of t.matchAll(figure)) {
      // (the clause before it; opening its line, with the previous line's last clause: a label broken over lines, 全年预算数⏎为301.2)
      const clause = lastClause(t.slice(0, m.index!));
      if (!moneyLabel.test(clause.length < m.index! ? clause : lastClause(prev) + clause)) continue;
      const span: Span = { start: l.start + m.index!, end: l.start + m.index! + m[0].length };
      if (!listed && isExcluded(doc, span)) continue;
      const gaps = listed ? [...t.slice(0, m.index!).matchAll(/\t/g)].map((g) => l.start + g.index!) : undefined;
      out.push({ at: span.end, unit, line, figure: span, ...(gaps ? { gaps } : {}) });
    }
  }
  return out;
}

/** The text after the last clause separator of `s`. */
const lastClause = (s: string) => s.slice(Math.max(...[...'，,。；;、'].map((c) => s.lastIndexOf(c))) + 1);

/** Offsets of the text with the units written in, and back. */
class Written {
  constructor(private readonly ins: Insertion[]) {}
  /** an offset of the original text in the written one (a unit written at `at` stands before it) */
  to(o: number): number {
    let s = o;
    for (const i of this.ins) if (i.at <= o) s += i.unit.length;
    return s;
  }
  /** an offset of the written text in the original (inside a written unit: the figure's end) */
  from(s: number): number {
    let shift = 0;
    for (const i of this.ins) {
      const q = i.at + shift;
      if (s <= q) break;
      if (s < q + i.unit.length) return i.at;
      shift += i.unit.length;
    }
    return s - shift;
  }
  text(t: string): string {
    // (a list table's tabs as spaces: the same length, no offset moves)
    for (const g of this.ins.flatMap((i) => i.gaps ?? [])) t = t.slice(0, g) + ' ' + t.slice(g + 1);
    let out = '';
    let done = 0;
    for (const i of this.ins) {
      out += t.slice(done, i.at) + i.unit;
      done = i.at;
    }
    return out + t.slice(done);
  }
}

const isFinance = (path: string) => /^\/?finance[./]/.test(path);

/** A form's field the form's reader found in an item's block (项目名称：X ⏎ 项目资金（万元）：⏎ 年初预算数：20) and kept as nobody's
 *  whole: its unit line's stretch is that reader's, as one whose field it read (see readGovernedFigures). */
export function markItemField(doc: KDocument, figure: Span): void {
  ((doc.data.itemFormFields ??= []) as Span[]).push(figure);
}
const itemFields = (doc: KDocument) => (doc.data.itemFormFields ?? []) as Span[];

/**
 * When a unit line governs bare figures, the finance facts the document read with the units written in (`stages`: the text
 * stages up to extract) takes from those figures are added to the document's own (a form's fields under the unit line that a
 * table reader read already stay as they were); the reader's `read` (its pages and grids) is shifted to match.
 */
export function readGovernedFigures(doc: KDocument, read: ReadResult, stages: (d: KDocument) => void): void {
  // (a unit line one of whose figures the document's own reading took already, a form's fields under it read by the form's
  // reader, finance.form.unit-above: its stretch is that reader's — read again as prose, 年初预算数：20 would be a second budget)
  const figures = governedFigures(doc);
  // (so too one whose field the form's reader found in an item's block, 项目名称：X above it: read as prose, the item's 全年预算数 would
  // be the unit's budget)
  const within = (s: Span, i: Insertion) => s.start <= i.figure.start && s.end >= i.figure.end;
  const taken = new Set(figures.filter((i) => doc.facts.some((f) => isFinance(f.path) && within(f.span, i)) || itemFields(doc).some((s) => within(s, i))).map((i) => i.line));
  const ins = figures.filter((i) => !taken.has(i.line));
  if (!ins.length) return;
  const w = new Written(ins);
  const span = <T extends Span>(s: T): T => ({ ...s, start: w.to(s.start), end: Math.max(w.to(s.start), w.to(s.end - 1) + 1) });
  const other = createDocument(doc.path, doc.sha256, {
    text: w.text(read.text),
    format: read.format,
    pages: read.pages?.map(span) ?? null,
    tables: read.tables?.map((t) => ({ ...span(t), rows: t.rows.map((r) => r.map(span)) })),
    layoutTables: read.layoutTables?.map(span),
    pageBreaks: read.pageBreaks?.map((o) => w.to(o)),
  });
  stages(other);
  const own = new Set(doc.facts.map(key));
  let added = 0;
  for (const f of other.facts) {
    if (!isFinance(f.path)) continue;
    const back = { ...f, span: { start: w.from(f.span.start), end: w.from(f.span.end) } };
    if (!ins.some((i) => back.span.start < i.at && back.span.end >= i.at) || own.has(key(back))) continue;
    doc.facts.push(back);
    added++;
  }
  if (!added) return;
  const lines = new Map<number, Span[]>();
  for (const i of ins) lines.set(i.line, [...(lines.get(i.line) ?? []), i.figure]);
  doc.data.unitStretches = [...lines.values()] satisfies UnitStretch[];
  doc.messages.push({ ruleId: 'finance.unit-stretch', reason: `${added} figures written bare read in the unit of the line over them` });
}

const key = (f: Fact) => `${f.path} ${String(f.value)} ${f.span.start} ${f.span.end}`;
