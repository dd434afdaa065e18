// PDF text lines → table grids. pdf.js joins the cells of a visual line with spaces and wraps long cells over
// several lines, so cell borders are partly lost. What is rebuilt here: the project name, the budget block's
// 年度资金总额 row, indicator rows whose cells can be told apart, the 总分 row, and the 基础数据表 staffing and cost
// rows. Rows that cannot be split safely are left out (and counted in a message by the caller's table).
// The rebuilt grid uses canonical column layouts, so readTable() reads it like a Word or tab-separated table.
import type { Line, Span, Table, TableCell } from '../document.js';
import { escapeRegex } from '../patterns.js';
import { tableVocab } from './tableVocab.js';

const FOOTER = /^\s*(-{1,2}\s*\d+\s*(of\s*\d+\s*)?-{1,2}|第\s*\d+\s*页(\s*[,，/]?\s*共\s*\d+\s*页)?|\d+\s*\/\s*\d+)\s*$/;
const REGION_END = /^\s*(填表人|填报人|填报日期|说明\s*[:：]|注\s*[:：])/;
const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
/** The first cell found must be this close (characters) to the title line. */
const MAX_CAPTION_GAP = 400;

/** A regex for a word whose characters may be separated by line breaks or spaces (wrapped cells). */
function loose(word: string): string {
  return [...word].map(escapeRegex).join('\\s*');
}

function cell(text: string, s: Span): TableCell {
  return { start: s.start, end: s.end, text: text.slice(s.start, s.end) };
}
const empty = (at: number): TableCell => ({ start: at, end: at, text: '' });

interface Region {
  captionLine: number;
  from: number; // first line index after the caption
  to: number; // last line index (inclusive)
  pageBreaks: number[]; // offsets of skipped footer lines
}

function regions(text: string, lines: Line[]): Region[] {
  const v = tableVocab();
  const lt = (l: Line) => text.slice(l.start, l.end);
  const isCaption = (l: Line) => {
    const t = lt(l).replace(/\s+/g, '');
    return t.length <= 60 && v.caption.test(t) && !/^附件[:：]/.test(t);
  };
  const out: Region[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!isCaption(lines[i])) continue;
    let j = i + 1;
    const pageBreaks: number[] = [];
    let last = i;
    for (; j < lines.length; j++) {
      const l = lines[j];
      if (isCaption(l) || REGION_END.test(lt(l))) break;
      if (!lt(l).trim()) continue;
      if (FOOTER.test(lt(l))) {
        pageBreaks.push(l.start);
        continue;
      }
      last = j;
    }
    if (last > i) out.push({ captionLine: i, from: i + 1, to: last, pageBreaks });
    i = last;
  }
  return out;
}

/** Text of a line range with footers and blank lines dropped; `map[k]` is the text offset of `s[k]`. */
function joined(text: string, lines: Line[], from: number, to: number): { s: string; map: number[] } {
  let s = '';
  const map: number[] = [];
  for (let i = from; i <= to; i++) {
    const l = lines[i];
    const lt = text.slice(l.start, l.end);
    if (!lt.trim() || FOOTER.test(lt)) continue;
    if (s) {
      s += '\n';
      map.push(l.start - 1);
    }
    for (let k = l.start; k < l.end; k++) {
      s += text[k];
      map.push(k);
    }
  }
  return { s, map };
}

function spanOf(map: number[], a: number, b: number): Span {
  return { start: map[a], end: map[b - 1] + 1 };
}

/** Finds `word` (loosely) in s from `from`; returns [a, b) indices into s. */
function find(s: string, word: string | RegExp, from = 0): [number, number] | null {
  const re = typeof word === 'string' ? new RegExp(loose(word), 'g') : new RegExp(word.source, 'g');
  re.lastIndex = from;
  const m = re.exec(s);
  return m ? [m.index, m.index + m[0].length] : null;
}

// ---- value tails ---------------------------------------------------------------------------------------------

interface Piece {
  a: number; // [a, b) in s
  b: number;
  /** separator before this piece: 'hard' = a space between cells, 'soft' = a line break or CJK/digit spacing */
  sep: 'hard' | 'soft' | 'start';
}

let unitStarts: string[] | null = null;
/** the region's text marks cell borders with tabs (the project's PDF reader) */
let tabMode = false;

/**
 * A space inside a line: pdf.js writes one between cells, and LibreOffice's CJK/Latin spacing puts one between
 * a number and its unit (`10 分`, `2023 年 12 月`). Only the latter is soft.
 */
function spaceKind(s: string, j: number, k: number): Piece['sep'] {
  const before = s[j - 1];
  const after = s[k];
  if (/\d/.test(before) && CJK.test(after)) {
    unitStarts ??= [...tableVocab().raw.values.units, ...tableVocab().raw.values.multipliers].sort((x, y) => y.length - x.length);
    return unitStarts.some((u) => s.startsWith(u, k)) ? 'soft' : 'hard';
  }
  if (CJK.test(before) && /\d/.test(after)) {
    // a date going on: `年 12 月`, `月 31 日`
    const next = s.slice(k).match(/^\d+/)![0];
    return /[年月]/.test(before) && next.length <= 2 && /^\d{1,2}\s*[月日]/.test(s.slice(k)) ? 'soft' : 'hard';
  }
  return 'hard';
}

/**
 * Splits s[a, b) into pieces at white space. A tab (the PDF reader's mark for a wide gap) is a cell border, a line
 * break is soft; a space is judged by spaceKind() in raw pdf.js text, and is part of the cell when the text has
 * tabs (the reader already dropped pdf.js's CJK/digit spaces).
 */
function pieces(s: string, a: number, b: number): Piece[] {
  const out: Piece[] = [];
  let i = a;
  let sep: Piece['sep'] = 'start';
  while (i < b) {
    while (i < b && /\s/.test(s[i])) i++;
    if (i >= b) break;
    let j = i;
    while (j < b && !/\s/.test(s[j])) j++;
    out.push({ a: i, b: j, sep });
    // the gap after this piece
    let k = j;
    let newline = false;
    let tab = false;
    while (k < b && /\s/.test(s[k])) {
      if (s[k] === '\n') newline = true;
      if (s[k] === '\t') tab = true;
      k++;
    }
    if (k < b) sep = tab ? 'hard' : newline ? 'soft' : tabMode ? 'soft' : spaceKind(s, j, k);
    i = k;
  }
  return out;
}

const VALUE_START = /^([≥≤<>＜＞=]|\d|不少于|不低于|不超过|至少|无$|—|-)/;
const NUMBER = /^\d+(\.\d+)?$/;
const FULL_DATE = /^(?=\d)(\d{4}年(度|底|末)?)?(\d{1,2}月)?(\d{1,2}日)?(前|底|内|以前)?$/;

/**
 * Assigns pieces to the cells [level3, target, actual, weight, score]: hard separators are borders, and as many
 * soft ones as still needed, taking those before a value-looking piece. null when that is not possible.
 */
function splitRow(s: string, ps: Piece[]): [number, number][] | null {
  const n = ps.length;
  if (n < 5 || !NUMBER.test(s.slice(ps[n - 1].a, ps[n - 1].b)) || !NUMBER.test(s.slice(ps[n - 2].a, ps[n - 2].b))) return null;
  const borders = new Set<number>(); // index i: border before piece i
  for (let i = 1; i < n; i++) if (ps[i].sep === 'hard') borders.add(i);
  if (borders.size > 4) {
    // a space inside level3 (the only free-text cell that can hold one): keep the last four borders
    const keep = [...borders].sort((x, y) => x - y).slice(-4);
    borders.clear();
    keep.forEach((k) => borders.add(k));
  }
  const newlineBefore = (i: number) => s.slice(ps[i - 1].b, ps[i].a).includes('\n');
  for (let i = n - 1; i >= 1 && borders.size < 4; i--) {
    if (borders.has(i) || !newlineBefore(i) || !VALUE_START.test(s.slice(ps[i].a, ps[i].b))) continue;
    // a wrapped date starts earlier (`2023 年⏎12 月 31⏎日前`): take the earliest start that still reads as a date
    const next = [...borders].filter((x) => x > i).sort((x, y) => x - y)[0] ?? n;
    const runText = (k: number) => s.slice(ps[k].a, ps[next - 1].b).replace(/\s+/g, '');
    let best = i;
    for (let k = i; k >= 1 && !borders.has(k); k--) if (FULL_DATE.test(runText(k))) best = k;
    borders.add(best);
  }
  // the value line's first piece starts a cell (`持续提升 100% 10 10` under a wrapped level3)
  if (borders.size === 3) {
    let f = n - 1;
    while (f >= 1 && !newlineBefore(f)) f--;
    if (f >= 1 && !borders.has(f)) borders.add(f);
  }
  if (borders.size !== 4) return null;
  const b = [0, ...[...borders].sort((x, y) => x - y), n];
  const cells: [number, number][] = [];
  for (let i = 0; i < 5; i++) cells.push([ps[b[i]].a, ps[b[i + 1] - 1].b]);
  return cells;
}

// ---- blocks ----------------------------------------------------------------------------------------------------

/** Any of the words, each loosely (wrapped over lines), longest first. */
function anyOf(words: string[]): RegExp {
  return new RegExp([...words].sort((a, b) => b.length - a.length).map(loose).join('|'));
}

interface PdfWords {
  indicator: RegExp[];
  target: RegExp;
  actual: RegExp;
  weight: RegExp;
  score: RegExp;
  note: RegExp;
  budget: RegExp[];
  budgetTotal: RegExp;
  projectName: RegExp;
  staffing: RegExp;
  inService: RegExp;
  costYear: RegExp;
}
let pdfWordsCache: PdfWords | null = null;
function pdfWords(): PdfWords {
  if (pdfWordsCache) return pdfWordsCache;
  const w = tableVocab().raw.pdf;
  pdfWordsCache = {
    indicator: w.indicator_header.map((x) => anyOf([x])),
    target: anyOf(w.target_header),
    actual: anyOf(w.actual_header),
    weight: anyOf(w.weight_header),
    score: anyOf(w.score_header),
    note: anyOf(w.note_header),
    budget: w.budget_header.map(anyOf),
    budgetTotal: anyOf(w.budget_total),
    projectName: anyOf(w.project_name),
    staffing: anyOf(w.staffing_header),
    inService: new RegExp(`(\\d{4}\\s*年\\s*)?(${anyOf(w.in_service_header).source})`),
    costYear: new RegExp(w.cost_year_header, 'g'),
  };
  return pdfWordsCache;
}

function levelWordAt(s: string, at: number, words: string[]): [number, number] | null {
  for (const w of [...words].sort((x, y) => y.length - x.length)) {
    const re = new RegExp(loose(w) + '(\\s*[(（]\\s*\\d+(\\.\\d+)?\\s*分\\s*[)）])?', 'y');
    re.lastIndex = at;
    const m = re.exec(s);
    if (m) return [at, at + m[0].length];
  }
  return null;
}

const skipWs = (s: string, i: number) => {
  while (i < s.length && /\s/.test(s[i])) i++;
  return i;
};

function indicatorBlock(text: string, s: string, map: number[], start: number, end: number, pageBreaks: number[], rows: TableCell[][]): number {
  const v = tableVocab();
  const w = pdfWords();
  const h1 = find(s, w.indicator[0], start);
  if (!h1 || h1[0] >= end) return 0;
  const h2 = find(s, w.indicator[1], h1[1]);
  const h3 = h2 && find(s, w.indicator[2], h2[1]);
  if (!h2 || !h3) return 0;
  const ht = find(s, w.target, h3[1]);
  const ha = ht && find(s, w.actual, ht[1]);
  const hw = ha && find(s, w.weight, ha[1]);
  const hs = hw && find(s, w.score, hw[1]);
  if (!ht || !ha || !hw || !hs) return 0;
  const hn = find(s, w.note, hs[1]);
  const headerEnd = hn && hn[0] < end ? hn[1] : hs[1];
  const hc = (r: [number, number] | null) => (r ? cell(text, spanOf(map, r[0], r[1])) : empty(map[headerEnd - 1] + 1));
  rows.push([hc(h1), hc(h2), hc(h3), hc(ht), hc(ha), hc(hw), hc(hs), hc(hn && hn[0] < end ? hn : null)]);

  // rows: split the rest at lines ending with two numbers (weight, score)
  const totalRe = new RegExp(`^\\s*(${v.totalRow.source.replace(/^\^|\$$/g, '').replace(/^\(|\)$/g, '')})`);
  let skipped = 0;
  let i = skipWs(s, headerEnd);
  let last: TableCell[] | null = null;
  let pending: [TableCell, TableCell] | null = null;
  while (i < end) {
    const lineEnd = (k: number) => {
      const e = s.indexOf('\n', k);
      return e < 0 || e > end ? end : e;
    };
    if (totalRe.test(s.slice(i, lineEnd(i)))) {
      const le = lineEnd(i);
      const ps = pieces(s, i, le);
      const vals = mergeUnits(s, ps.slice(1));
      rows.push([cell(text, spanOf(map, ps[0].a, ps[0].b)), ...vals.map(([a, b]) => cell(text, spanOf(map, a, b)))]);
      i = skipWs(s, le);
      break;
    }
    // the row ends at the first line whose last two pieces are numbers
    let k = i;
    let rowEnd = -1;
    while (k < end) {
      const le = lineEnd(k);
      const ps = pieces(s, k, le);
      if (ps.length >= 2 && NUMBER.test(s.slice(ps[ps.length - 1].a, ps[ps.length - 1].b)) && NUMBER.test(s.slice(ps[ps.length - 2].a, ps[ps.length - 2].b))) {
        rowEnd = le;
        break;
      }
      if (totalRe.test(s.slice(k, le)) && k > i) break;
      k = skipWs(s, le);
    }
    if (rowEnd < 0) break;
    let a = i;
    // a page break can push the end of the previous row's level3 to the top of the next page (`…科普⏎- 8 -⏎知识`)
    const lvAt = findLevelStart(s, a, rowEnd, v.level1Words, v.level2Words);
    if (lvAt > a && last && pageBreaks.some((p) => p > last![2].end && p <= map[a])) {
      // the span runs over the page break; the cell text is the two parts joined
      const l3 = last[2];
      const spillEnd = trimEnd(s, a, lvAt);
      const spill = spanOf(map, a, spillEnd);
      last[2] = { start: l3.start, end: spill.end, text: `${l3.text}\n${s.slice(a, spillEnd)}` };
      a = lvAt;
    }
    let l1: TableCell = empty(map[a]);
    let l2: TableCell = empty(map[a]);
    let p = a;
    const w1 = levelWordAt(s, p, v.level1Words);
    if (w1) {
      const after = skipWs(s, w1[1]);
      const w2 = levelWordAt(s, after, v.level2Words);
      const annotated = /分\s*[)）]$/.test(s.slice(w1[0], w1[1]));
      if (w2 || annotated) {
        l1 = cell(text, spanOf(map, w1[0], w1[1]));
        p = after;
      }
    }
    const w2 = levelWordAt(s, p, v.level2Words);
    if (w2) {
      l2 = cell(text, spanOf(map, w2[0], w2[1]));
      p = skipWs(s, w2[1]);
    }
    const split = splitRow(s, pieces(s, p, rowEnd));
    if (split) {
      const c = split.map(([x, y]) => cell(text, spanOf(map, x, y)));
      // labels written on a row left out still apply to the rows under it
      if (pending && !l1.text && !l2.text) [l1, l2] = pending;
      else if (pending && !l1.text) l1 = pending[0];
      pending = null;
      last = [l1, l2, c[0], c[1], c[2], c[3], c[4], empty(c[4].end)];
      rows.push(last);
    } else {
      skipped++;
      if (l1.text || l2.text) pending = [l1.text ? l1 : (pending?.[0] ?? l1), l2];
      last = null;
    }
    i = skipWs(s, rowEnd);
  }
  return skipped;
}

function trimEnd(s: string, a: number, b: number): number {
  while (b > a && /\s/.test(s[b - 1])) b--;
  return b;
}

/** Index of the first level word at a piece start in s[a, b); a when none. */
function findLevelStart(s: string, a: number, b: number, l1: string[], l2: string[]): number {
  if (levelWordAt(s, a, l1) || levelWordAt(s, a, l2)) return a;
  for (let k = a + 1; k < b; k++) {
    if (!/\s/.test(s[k - 1])) continue;
    if (levelWordAt(s, k, l1) || levelWordAt(s, k, l2)) return k;
  }
  return a;
}

/** Pieces → value cells, a number followed by its unit after an autospace joined (`10 分` → `10分`). */
function mergeUnits(s: string, ps: Piece[]): [number, number][] {
  const out: [number, number][] = [];
  for (const p of ps) {
    if (out.length && p.sep === 'soft' && !/^\d/.test(s.slice(p.a, p.b))) out[out.length - 1][1] = p.b;
    else out.push([p.a, p.b]);
  }
  return out;
}

function budgetBlock(text: string, s: string, map: number[], start: number, end: number, rows: TableCell[][]): void {
  const v = tableVocab();
  const totalAt = find(s, pdfWords().budgetTotal, start);
  if (!totalAt || totalAt[0] >= end) return;
  const head: TableCell[] = [];
  let from = start;
  for (const re of pdfWords().budget) {
    const m = find(s, re, from);
    if (!m || m[1] > totalAt[0]) continue;
    head.push(cell(text, spanOf(map, m[0], m[1])));
    from = m[1];
  }
  if (head.length < 3) return;
  const unit = find(s, new RegExp(v.unitHeader.source), start);
  const unitCell = unit && unit[1] <= totalAt[0] ? cell(text, spanOf(map, unit[0], unit[1])) : empty(head[0].start);
  rows.push([unitCell, ...head]);
  const le = s.indexOf('\n', totalAt[1]);
  const vals = mergeUnits(s, pieces(s, totalAt[1], le < 0 || le > end ? end : le));
  if (vals.length === head.length) rows.push([cell(text, spanOf(map, totalAt[0], totalAt[1])), ...vals.map(([a, b]) => cell(text, spanOf(map, a, b)))]);
}

function projectNameRow(text: string, s: string, map: number[], start: number, end: number, rows: TableCell[][]): void {
  const m = find(s, pdfWords().projectName, start);
  if (!m || m[0] > start + 40 || m[1] >= end) return;
  const ps = pieces(s, m[1], Math.min(end, (s.indexOf('\n', skipWs(s, m[1])) + 1 || end + 1) - 1));
  if (!ps.length) return;
  rows.push([cell(text, spanOf(map, m[0], m[1])), cell(text, spanOf(map, ps[0].a, ps[0].b))]);
}

function basicDataBlock(text: string, s: string, map: number[], start: number, end: number, rows: TableCell[][]): void {
  const v = tableVocab();
  // staffing: labels on one line, values on the next line
  const lineAt = (k: number) => {
    const a = s.lastIndexOf('\n', k - 1) + 1;
    const e = s.indexOf('\n', k);
    return [a, e < 0 ? s.length : e] as const;
  };
  const ed = find(s, pdfWords().staffing, start);
  if (ed && ed[1] < end) {
    const [, le] = lineAt(ed[0]);
    const labels: TableCell[] = [cell(text, spanOf(map, ed[0], ed[1]))];
    const inService = find(s, pdfWords().inService, ed[1]);
    if (inService && inService[1] <= le) labels.push(cell(text, spanOf(map, inService[0], inService[1])));
    const nextEnd = s.indexOf('\n', le + 1);
    const vals = pieces(s, le + 1, nextEnd < 0 ? end : Math.min(nextEnd, end));
    const nums = vals.filter((p) => /^\d+(\.\d+)?%?$/.test(s.slice(p.a, p.b)));
    if (nums.length === vals.length && nums.length >= labels.length) {
      rows.push(labels);
      rows.push(nums.slice(0, labels.length).map((p) => cell(text, spanOf(map, p.a, p.b))));
    }
  }
  // costs: a header line with year columns, then label + one number per column
  const yearRe = new RegExp(pdfWords().costYear.source, 'g');
  yearRe.lastIndex = start;
  const cols: [number, number][] = [];
  let m: RegExpExecArray | null;
  let headerLine: readonly [number, number] | null = null;
  while ((m = yearRe.exec(s)) && m.index < end) {
    const ln = lineAt(m.index);
    if (headerLine && ln[0] !== headerLine[0]) break;
    headerLine = ln;
    cols.push([m.index, m.index + m[0].length]);
  }
  if (!headerLine || cols.length < 2) return;
  const unit = find(s, new RegExp(v.unitHeader.source), start);
  const unitCell = unit && unit[1] <= headerLine[1] ? cell(text, spanOf(map, unit[0], unit[1])) : empty(map[cols[0][0]]);
  rows.push([unitCell, ...cols.map(([a, b]) => cell(text, spanOf(map, a, b)))]);
  let labelFrom = skipWs(s, headerLine[1]);
  let k = labelFrom;
  while (k < end) {
    const e0 = s.indexOf('\n', k);
    const le = e0 < 0 || e0 > end ? end : e0;
    const ps = pieces(s, k, le);
    let nNum = 0;
    while (nNum < ps.length && /^[\d.]+$|^——$/.test(s.slice(ps[ps.length - 1 - nNum].a, ps[ps.length - 1 - nNum].b))) nNum++;
    if (nNum === cols.length && ps.length > nNum) {
      const labelEnd = ps[ps.length - nNum - 1].b;
      const label = cell(text, spanOf(map, labelStart(s, labelFrom, labelEnd), labelEnd));
      rows.push([label, ...ps.slice(ps.length - nNum).map((p) => cell(text, spanOf(map, p.a, p.b)))]);
      labelFrom = skipWs(s, le);
    } else if (nNum === cols.length && labelFrom < k) {
      // the figures on a line of their own, under a wrapped label
      const labelEnd = trimEnd(s, labelFrom, k);
      const label = cell(text, spanOf(map, labelStart(s, labelFrom, labelEnd), labelEnd));
      rows.push([label, ...ps.map((p) => cell(text, spanOf(map, p.a, p.b)))]);
      labelFrom = skipWs(s, le);
    } else if (nNum > 0) {
      labelFrom = skipWs(s, le);
    }
    k = skipWs(s, le);
  }
}

/**
 * Where the label of a cost row starts: rows without figures (`2、运行维护经费`, `……`) leave their labels above
 * it. The last line that starts a known row label or a numbered item is taken.
 */
function labelStart(s: string, from: number, to: number): number {
  const v = tableVocab();
  const starts = [from];
  for (let k = from; k < to; k++) if (s[k] === '\n') starts.push(skipWs(s, k));
  const key = (a: number) => s.slice(a, to).replace(/\s+/g, '').replace(v.rowLabelStrip, '');
  for (let i = starts.length - 1; i >= 0; i--) if (v.costRows.some((c) => c.label.test(key(starts[i])))) return starts[i];
  for (let i = starts.length - 1; i >= 0; i--) if (/^([\d一二三四五六七八九十]+[、.．]|其中)/.test(s.slice(starts[i], to))) return starts[i];
  return from;
}

export interface PdfTableResult {
  tables: Table[];
  /** indicator rows seen but not split into cells, per table */
  skipped: Map<Table, number>;
}

/** Tables rebuilt from PDF text lines. */
export function pdfTablesDetailed(text: string, lines: Line[], pageStarts: number[] = []): PdfTableResult {
  const v = tableVocab();
  const tables: Table[] = [];
  const skipped = new Map<Table, number>();
  for (const r of regions(text, lines)) {
    const { s, map } = joined(text, lines, r.from, r.to);
    if (!s) continue;
    tabMode = s.includes('\t');
    const breaks = [...r.pageBreaks, ...pageStarts.filter((p) => p > map[0] && p <= map[map.length - 1])];
    const caption = text.slice(lines[r.captionLine].start, lines[r.captionLine].end).replace(/\s+/g, '').replace(v.captionStrip, '');
    const rows: TableCell[][] = [];
    let notSplit = 0;
    if (/基础数据/.test(caption)) basicDataBlock(text, s, map, 0, s.length, rows);
    else {
      projectNameRow(text, s, map, 0, s.length, rows);
      const ind = find(s, pdfWords().indicator[0]);
      budgetBlock(text, s, map, 0, ind ? ind[0] : s.length, rows);
      if (ind) notSplit = indicatorBlock(text, s, map, 0, s.length, breaks, rows);
    }
    if (rows.length < 2) continue;
    const cells = rows.flat().filter((c) => c.end > c.start);
    const start = Math.min(...cells.map((c) => c.start));
    const end = Math.max(...cells.map((c) => c.end));
    // a caption mentioned in prose, with a real table much further on, is not this table's title
    if (start - lines[r.from].start > MAX_CAPTION_GAP) continue;
    const t: Table = { start: Math.min(lines[r.from].start, start), end, rows, origin: 'pdf', caption };
    if (notSplit) skipped.set(t, notSplit);
    tables.push(t);
  }
  return { tables, skipped };
}

export function pdfTables(text: string, lines: Line[]): Table[] {
  return pdfTablesDetailed(text, lines).tables;
}
