// The highlighted text: `text` cut at every span boundary, spans as nested <mark> elements.
// Nesting is kept proper: a span crossing another is closed and reopened (a continuation fragment),
// so the concatenated text of a span's fragments is always exactly text.slice(start, end).
import { esc } from './escape.js';

export interface MarkSpec {
  start: number;
  end: number;
  /** tag name, e.g. 'mark' */
  tag: string;
  /** attributes of the first fragment, already escaped, e.g. ` id="ev-1" class="ev"` */
  firstAttrs: string;
  /** attributes of continuation fragments (no id) */
  contAttrs: string;
}

export interface PointSpec {
  offset: number;
  /** markup with no text content (it must not change the DOM text) */
  html: string;
}

export interface HighlightResult {
  html: string;
  /** indexes (into the marks given) of spans that do not fit the text and were left out */
  unplaced: number[];
}

export function fitsText(text: string, s: { start: number; end: number }): boolean {
  return Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.start <= s.end && s.end <= text.length;
}

export function highlightText(text: string, marks: MarkSpec[], points: PointSpec[] = []): HighlightResult {
  const unplaced: number[] = [];
  const placed: number[] = [];
  marks.forEach((m, i) => (fitsText(text, m) ? placed : unplaced).push(i));
  // outer spans first: earlier start, then longer; input order breaks ties so output is deterministic
  placed.sort((a, b) => marks[a].start - marks[b].start || marks[b].end - marks[a].end || a - b);

  const cuts = new Set<number>([0, text.length]);
  for (const i of placed) cuts.add(marks[i].start).add(marks[i].end);
  const pts = points.filter((p) => Number.isInteger(p.offset) && p.offset >= 0 && p.offset <= text.length);
  for (const p of pts) cuts.add(p.offset);
  const positions = [...cuts].sort((a, b) => a - b);

  const startsAt = new Map<number, number[]>();
  for (const i of placed) {
    const list = startsAt.get(marks[i].start) ?? [];
    list.push(i);
    startsAt.set(marks[i].start, list);
  }
  const pointsAt = new Map<number, string[]>();
  for (const p of pts) pointsAt.set(p.offset, [...(pointsAt.get(p.offset) ?? []), p.html]);

  const out: string[] = [];
  const stack: number[] = [];
  const open = (i: number, first: boolean) => {
    out.push(`<${marks[i].tag}${first ? marks[i].firstAttrs : marks[i].contAttrs}>`);
    stack.push(i);
  };
  const close = () => out.push(`</${marks[stack.pop()!].tag}>`);

  positions.forEach((pos, k) => {
    // 1. close spans ending here; spans opened inside them but still running are reopened as continuations
    const lowest = stack.findIndex((i) => marks[i].end === pos);
    if (lowest >= 0) {
      const reopen = stack.slice(lowest).filter((i) => marks[i].end !== pos);
      while (stack.length > lowest) close();
      for (const i of reopen) open(i, false);
    }
    // 2. markers that sit between characters (page breaks)
    for (const h of pointsAt.get(pos) ?? []) out.push(h);
    // 3. open spans starting here; empty spans open and close at once
    for (const i of startsAt.get(pos) ?? []) {
      open(i, true);
      if (marks[i].end === pos) close();
    }
    // 4. the text up to the next cut
    const next = positions[k + 1];
    if (next !== undefined && next > pos) out.push(esc(text.slice(pos, next)));
  });
  while (stack.length) close();
  return { html: out.join(''), unplaced };
}
