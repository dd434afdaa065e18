// The one object that flows through every stage (vfile-style): text, positions, structure, facts, messages.
import type { OutlineNode, ReportKind } from './schema/record.js';

export interface Span {
  start: number;
  end: number;
}

/** A page of the extracted text (PDF): offsets into `text`. */
export interface Page extends Span {
  num: number;
  ocr?: boolean;
  confidence?: number;
}

/** A vfile-like message: accumulates on the document, never thrown. */
export interface Message {
  ruleId: string;
  reason: string;
  place?: Span;
  paths?: string[];
  /** true: the document is unusable; false/undefined: a warning. */
  fatal?: boolean;
}

/** One cell of a table grid; offsets point into `text`. Merged cells repeat the origin with `merged: true`. */
export interface TableCell extends Span {
  text: string;
  rowSpan?: number;
  colSpan?: number;
  merged?: boolean;
}

export interface Table extends Span {
  rows: TableCell[][];
  /** Where the grid came from: parsed from tab-separated lines, a Word table, PDF lines, an HTML table. */
  origin: 'tsv' | 'docx' | 'pdf' | 'html' | 'xlsx';
  caption?: string;
}

/** A heading found in the text, flat; `outline` nests them. */
export interface Heading extends Span {
  level: number;
  rank: number;
  ordinal: string | null;
  title: string;
  key: string | null;
  /** where the section's body ends (next heading of same or higher level, or end of text) */
  bodyEnd: number;
}

export interface Line extends Span {
  text: string;
}

export interface Sentence extends Span {}

export interface Token extends Span {
  word: string;
}

/** A value found by a pattern, waiting to be placed in the record. */
export interface Fact {
  path: string;
  value: unknown;
  span: Span;
  rule: string;
  /** lower numbers win when two facts claim the same path with different values */
  priority?: number;
  /** where the value came from: prose (default) or a table cell */
  source?: 'prose' | 'table';
  /** the number as written (for rounding tolerance in checks) */
  raw?: string;
  /** a part of the appropriation's spending (财政拨款支出X，其中：基本支出Y | the 一般公共预算财政拨款支出决算表's 基本支出): the
   *  unit's own only when the appropriation paid for all of what it is a part of (src/validate/appropriationParts.ts) */
  appropriation?: AppropriationPart;
}

/** A figure with the rounding slack of its writing (half a unit of its last digit, in yuan). */
export interface Figure {
  value: number;
  tol: number;
}

/** What an appropriation-funded part is a part of: `spending`, the appropriation's whole spending (its 基本支出 and 项目支出),
 *  or `basic`, its 基本支出 (the 人员经费 and 公用经费 of 财政拨款基本支出X，其中…), with the appropriation's figures for them
 *  where its context states them. */
export interface AppropriationPart {
  of: 'spending' | 'basic';
  total?: Figure;
  basic?: Figure;
}

/** A figure a table offered for a field, used or not (the prose may have won): doc.data.tableFigures. */
export interface TableFigure {
  path: string;
  value: number;
  span: Span;
}

export interface ItemFact<T> {
  item: T;
  span: Span;
  rule: string;
  fields?: Record<string, { span: Span; rule: string }>;
}

export interface ReadResult {
  text: string;
  format: string;
  pages: Page[] | null;
  tables?: Table[];
  /** text tables the reader rebuilt from columns of spaces (pdftotext -layout): one span per table, each line of it
   *  a row, tab-separated; a line without a tab is a row the reader could not put together (no cells) */
  layoutTables?: Span[];
  /** messages raised while reading (e.g. OCR used, headers removed) */
  messages?: Message[];
  /** where the reader removed a page-number line from a text without pages (src/read/unwrap.ts): the next line's start */
  pageBreaks?: number[];
}

export interface KDocument {
  path: string;
  sha256: string;
  format: string;
  /** the extracted plain text: every offset in the record points here */
  text: string;
  /** same length as `text`, folded for matching (full-width → ASCII, traditional → simplified) */
  norm: string;
  /** same length as `text`, for string values: traditional → simplified, full-width letters/digits folded */
  display: string;
  pages: Page[] | null;
  /** see ReadResult.pageBreaks */
  pageBreaks: number[];
  lines: Line[];
  sentences: Sentence[];
  /** spans the extractor must ignore: a second copy of the report, a table of contents, table rows */
  excluded: (Span & { reason: string })[];
  headings: Heading[];
  outline: OutlineNode[];
  tables: Table[];
  /** see ReadResult.layoutTables */
  layoutTables: Span[];
  reportKind: ReportKind | null;
  facts: Fact[];
  items: Record<string, ItemFact<unknown>[]>;
  messages: Message[];
  /** free slot for stages to hand results on (e.g. indicators) */
  data: Record<string, unknown>;
}

/**
 * An empty array with the hidden class of an array of objects. V8 gives `[]` another one (small integers) until an
 * object is pushed, so code optimised on documents whose list is filled deoptimises on the first whose list stays
 * empty, and the other way round: a document-level list starts as this.
 */
export function objects<T>(): T[] {
  const a: T[] = [undefined as T];
  a.length = 0;
  return a;
}

export function createDocument(path: string, sha256: string, read: ReadResult): KDocument {
  return {
    path,
    sha256,
    format: read.format,
    text: read.text,
    norm: read.text,
    display: read.text,
    pages: read.pages,
    pageBreaks: read.pageBreaks ?? [],
    lines: objects(),
    sentences: objects(),
    excluded: objects(),
    headings: objects(),
    outline: objects(),
    tables: read.tables?.length ? read.tables : objects(),
    layoutTables: read.layoutTables?.length ? read.layoutTables : objects(),
    reportKind: null,
    facts: objects(),
    items: {},
    messages: read.messages?.length ? [...read.messages] : objects(),
    data: {},
  };
}

/** A fact's path as a JSON pointer (facts may name it `finance.basic.actual` or `/finance/basic/actual`). */
export const pointerPath = (p: string): string => ('/' + p.replace(/^\//, '').replace(/\./g, '/')).replace(/\/+/g, '/');

export function message(doc: KDocument, ruleId: string, reason: string, extra: Partial<Message> = {}): void {
  doc.messages.push({ ruleId, reason, ...extra });
}

export function isExcluded(doc: KDocument, span: Span): boolean {
  return doc.excluded.some((x) => span.start < x.end && span.end > x.start);
}

export function pageOf(doc: KDocument, offset: number): Page | null {
  if (!doc.pages) return null;
  for (const p of doc.pages) if (offset >= p.start && offset < p.end) return p;
  return doc.pages.length ? doc.pages[doc.pages.length - 1] : null;
}

/** The first index of a list whose items after some point all pass `test` (and none before it), or the list's length. */
export function firstIndex<T>(list: readonly T[], test: (x: T) => boolean): number {
  let lo = 0, hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (test(list[mid])) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Index of the first span starting at or after `at` (spans in order), or the list's length. */
export function firstSpanFrom(list: readonly Span[], at: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].start < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** `text` with single characters put in at offsets (`edits`: offset → one UTF-16 unit; the last set wins), the same length.
 *  Built from slices: a view made by splitting the whole text into an array of characters and joining it again cost more than
 *  the few characters it changed. */
export function withChars(text: string, edits: Map<number, string>): string {
  let out = '';
  let prev = 0;
  for (const i of [...edits.keys()].sort((a, b) => a - b)) {
    out += text.slice(prev, i) + edits.get(i)!;
    prev = i + 1;
  }
  return out + text.slice(prev);
}

/** The span of a sorted, non-overlapping list that contains `offset` (binary search), or null. */
export function spanAt<T extends Span>(list: T[], offset: number): T | null {
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = list[mid];
    if (offset < s.start) hi = mid - 1;
    else if (offset >= s.end) lo = mid + 1;
    else return s;
  }
  return null;
}

/** The first `n` non-blank lines of the document, trimmed (a title block: the report's year, a plan's name). */
export function headLines(doc: KDocument, n: number): string[] {
  const head: string[] = [];
  for (const l of doc.lines) {
    const t = doc.norm.slice(l.start, l.end).trim();
    if (t && head.push(t) >= n) break;
  }
  return head;
}
