// HTML tables inside a text file: a PDF converted to Markdown by MinerU and the like writes each table as one
// `<table><tr><td rowspan="2">…</td>…</table>` line between the paragraphs. Each is read as the HTML reader reads a
// table (one line per row, cells split by tabs, a grid with its spans) and put in its place.
import type { Page, Span, Table } from '../document.js';
import { readHtml } from './html.js';

/** a `<table>` opening a line, to its `</table>` closing a line (not nested tables) */
const TABLE = /^[ \t]*<table\b[^>]*>(?:(?!<table\b)[\s\S])*?<\/table>[ \t]*$/gim;

export interface Embedded {
  text: string;
  tables: Table[];
  /** an offset of the text before → the same place in the new text */
  at: (offset: number) => number;
}

export function embeddedHtmlTables(text: string): Embedded | null {
  if (!/<table\b/i.test(text)) return null;
  const tables: Table[] = [];
  const cuts: { end: number; delta: number }[] = []; // (the old end of each replaced table, the length change up to it)
  let out = '';
  let from = 0;
  let delta = 0;
  for (const m of text.matchAll(TABLE)) {
    let read;
    try {
      read = readHtml(Buffer.from(m[0], 'utf8'));
    } catch {
      continue; // nothing a browser would show: left as it is
    }
    const rows = read.text.replace(/\n$/, '');
    out += text.slice(from, m.index);
    const shift = out.length;
    for (const t of read.tables ?? []) {
      const move = (s: Span) => ({ start: s.start + shift, end: s.end + shift });
      tables.push({ ...t, ...move(t), caption: undefined, rows: t.rows.map((r) => r.map((c) => ({ ...c, ...move(c) }))) });
    }
    out += rows;
    from = m.index + m[0].length;
    delta += rows.length - m[0].length;
    cuts.push({ end: from, delta });
  }
  if (!cuts.length) return null;
  out += text.slice(from);
  const at = (o: number) => {
    let d = 0;
    for (const c of cuts) if (c.end <= o) d = c.delta;
    return o + d;
  };
  return { text: out, tables, at };
}

/** Pages moved with the text (see embeddedHtmlTables). */
export const movedPages = (pages: Page[] | null, at: (o: number) => number): Page[] | null =>
  pages && pages.map((p) => ({ ...p, start: at(p.start), end: at(p.end) }));
