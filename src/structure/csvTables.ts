// Tables exported as CSV (a spreadsheet saved as text and pasted into an archive): `一级指标,二级指标,…,得分` over
// `产出指标,数量指标,开展科普讲座,≥10场,12场,20,20,`. Commas set prose apart too (half-width punctuation copies), so only a
// header line naming two or more of the genre's columns (tables.yaml csv_header_word) opens one, and the rows are the lines
// right under it with as many fields; a blank line, a line of another width or one with a tab ends it.
import type { Line, Table, TableCell } from '../document.js';
import { tableVocab } from './tableVocab.js';
import { trimSpan } from './tables.js';

/** the fields of a CSV line (RFC 4180: a field in double quotes may hold commas, `""` is a quote), as spans; null when a
 *  quote is left open or text follows a closing quote */
function csvFields(text: string, l: Line): { start: number; end: number; quoted: boolean }[] | null {
  const out: { start: number; end: number; quoted: boolean }[] = [];
  let p = l.start;
  for (;;) {
    let q = p;
    while (q < l.end && (text[q] === ' ' || text[q] === '\u3000')) q++;
    if (text[q] === '"') {
      let e = q + 1;
      for (; e < l.end; e++) if (text[e] === '"') { if (text[e + 1] === '"') e++; else break; }
      if (e >= l.end) return null;
      out.push({ start: q + 1, end: e, quoted: true });
      let after = e + 1;
      while (after < l.end && (text[after] === ' ' || text[after] === '\u3000')) after++;
      if (after === l.end) return out;
      if (text[after] !== ',') return null;
      p = after + 1;
      continue;
    }
    const c = text.indexOf(',', p);
    const end = c < 0 || c >= l.end ? l.end : c;
    out.push({ start: p, end, quoted: false });
    if (end === l.end) return out;
    p = end + 1;
  }
}

// (an amount written with thousands separators outside quotes, `1,862,000.00`, `1,500`: its groups would be fields of their own,
// and a row of them may still count as many fields as its header — the line is no row; so is a field of one to three digits
// before one of exactly three, which may be such an amount)
const BARE_SEPARATOR = /(?:^|[^\d.])\d{1,3}(?:,\d{3})+\.\d|\d,\d{3},\d{3}(?!\d)|(?:^|,)[ \u00a0\u3000]*\d{1,3}[ \u00a0\u3000]*,[ \u00a0\u3000]*\d{3}(?:\.\d+)?[ \u00a0\u3000]*(?=,|$)/;
const MIN_FIELDS = 3;
const MIN_WORDS = 2;
const LONG_FIELD = 60;

export function csvTables(text: string, lines: Line[]): Table[] {
  const word = tableVocab().csvHeaderWord;
  if (!word) return [];
  const out: Table[] = [];
  const cells = (l: Line) => {
    if (l.text.includes('\t') || !l.text.includes(',')) return null;
    const f = csvFields(text, l);
    if (!f || f.some((x) => x.end - x.start > LONG_FIELD)) return null;
    // (the line without the quoted fields' text)
    let bare = '';
    let at = l.start;
    for (const x of f) {
      if (!x.quoted) continue;
      bare += text.slice(at, x.start);
      at = x.end;
    }
    bare += text.slice(at, l.end);
    return BARE_SEPARATOR.test(bare) ? null : f.map((x): TableCell => {
      const sp = trimSpan(text, x.start, x.end);
      return { start: sp.start, end: sp.end, text: text.slice(sp.start, sp.end) };
    });
  };
  for (let i = 0; i + 1 < lines.length; i++) {
    const header = cells(lines[i]);
    if (!header || header.length < MIN_FIELDS) continue;
    if (header.filter((c) => word.test(c.text.replace(/[\s\u3000]+/g, ''))).length < MIN_WORDS) continue;
    // (a spreadsheet pads every line to the table's width: the caption and the form's head rows right above the header,
    // `项目支出绩效自评表,,,,,,,`, `项目名称,科普专项经费,,,,,,`, are the table's first rows, as in its tab-separated copy)
    let from = i;
    const back = out.length ? out[out.length - 1].end : -1;
    for (let k = i - 1; k >= 0 && lines[k].start > back; k--) {
      const above = cells(lines[k]);
      if (!above || above.length !== header.length || above[above.length - 1].text !== '') break;
      from = k;
    }
    const rows = [...lines.slice(from, i).map((l) => cells(l)!), header];
    let j = i + 1;
    for (; j < lines.length; j++) {
      const row = cells(lines[j]);
      if (!row || row.length !== header.length) break;
      rows.push(row);
    }
    if (rows.length - (i - from) >= 2) out.push({ start: lines[from].start, end: lines[j - 1].end, rows, origin: 'tsv' });
    i = j - 1;
  }
  return out;
}
