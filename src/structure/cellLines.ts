// A money table copied one cell per line (a PDF viewer's copy and paste: `项目⏎预算数⏎决算数⏎合计⏎3.00⏎2.15`). The lines
// cannot be put back into rows in general; they can when the header's width is known from its words (a label column's
// word over value columns' words, patterns/tables.yaml cell_lines) and every row fills it exactly: a label, then one
// figure per value column. A lost empty cell or a label wrapped over two lines breaks that count, and then nothing is
// read (which cell is missing is not known): all or nothing.
import type { Line, Span, Table, TableCell } from '../document.js';
import { tableVocab } from './tableVocab.js';
import { isStandaloneTitle } from './outline.js';
import { afterPageBreak } from './pageBreaks.js';

/** a cell holding a figure or a dash (`3.00`, `1,234.56`, `98.5%`, `—`) */
const FIGURE = /^(?:[\d,]*\d(?:\.\d+)?%?|[—\-–－]+)$/;
/** a label: short, one line, no sentence punctuation */
const LABEL_MAX = 24;
const CODE = /^[12](?:\d\d|\d{4}|\d{6})$/;
const isLabel = (t: string) => t.length > 0 && t.length <= LABEL_MAX && !FIGURE.test(t) && !/[。；;，,！？!?]/.test(t);
/** (no statement has more cells than this: the look ahead stops there) */
const MAX_CELLS = 2000;
/** A cell's text without its spaces (a copy's letter-spacing and line breaks are no part of a label). */
export function squeeze(t: string): string {
  if (t.length > SQUEEZED_MAX) return t.replace(/[\s\u3000]+/g, '');
  let out = squeezed.get(t);
  if (out === undefined) {
    if (squeezed.size >= 4096) squeezed.clear();
    squeezed.set(t, (out = t.replace(/[\s\u3000]+/g, '')));
  }
  return out;
}
// each cell-line reader squeezes the same lines' texts again, several times a line (a tenth of the structure step): a short
// text's result is kept by the text (the same string object each time, its hash kept by the engine)
const squeezed = new Map<string, string>();
const SQUEEZED_MAX = 200;

/** A line no table found so far holds, with no tab (a tabbed line is a table's row of its own). */
export const freeLine = (taken: Span[]) => (l: Line) => !l.text.includes('\t') && !taken.some((t) => l.start < t.end && t.start < l.end);

/** a value column holding the row's total over the parts after it */
export const TOTAL_COLUMN = /^(?:小计|合计|(?:本年)?支出合计)(?:[（(](?:万元|元)[）)])?$/;
/** figures the first of which is the sum of the others, a dash or a part left out counting nothing (`286.50`, `286.50`) */
export function addsUp(figs: string[]): boolean {
  const num = (x: string) => (/\d/.test(x) ? Number(x.replace(/,/g, '')) : 0);
  if (figs.length < 2 || !/\d/.test(figs[0])) return false;
  const rest = figs.slice(1).reduce((a, x) => a + num(x), 0);
  return rest > 0 && Math.abs(num(figs[0]) - rest) < 0.005;
}
/** A line as one cell: its text without the white space around it. */
export function lineCell(text: string, l: Line): TableCell {
  const lead = l.text.length - l.text.trimStart().length;
  const body = l.text.trim();
  return { start: l.start + lead, end: l.start + lead + body.length, text: text.slice(l.start + lead, l.start + lead + body.length) };
}

export function cellLineTables(text: string, lines: Line[], taken: Span[]): Table[] {
  const v = tableVocab().cellLines;
  // the non-blank lines with no tab outside the tables already found, with their index in `lines`
  const free = freeLine(taken);
  const out: Table[] = [];
  const cell = (l: Line) => lineCell(text, l);
  for (let i = 0; i < lines.length; i++) {
    if (!free(lines[i]) || !(v.labelHeader.test(squeeze(lines[i].text)) || wrappedLabelAt(lines, i, free))) continue;
    // the cells that follow, blank lines skipped; a tabbed line or a table ends them
    const seq: Line[] = [];
    for (let j = i; j < lines.length && seq.length < MAX_CELLS && free(lines[j]); j++) if (lines[j].text.trim()) seq.push(lines[j]);
    const head = headerCells(text, seq);
    if (!head) continue;
    // (a row's label that is a column's word too, 基本支出 under 项目⏎预算数⏎实际支出, is no header cell when a figure follows
    // it: the header ends before it)
    while (head.cells.length > 2 && head.next < seq.length && FIGURE.test(squeeze(seq[head.next].text)) && head.cells[head.cells.length - 1].start === lineCell(text, seq[head.next - 1]).start) {
      head.cells.pop();
      head.next--;
    }
    const w = head.cells.length;
    if (w < 2) continue;
    // (a header with a wrapped cell is no statement's two halves: those are read from one line a cell only)
    const halves = head.next === w ? (twoHalves(seq, w, cell) ?? bareHalves(seq, w, cell)) : null;
    if (halves) {
      // (the super-header over the halves, 收入⏎支出 right above 项目, is the table's: it names the sides, and the caption is
      // looked for above it)
      const sides = halves.rows.length >= 2 ? sidesAbove(lines, i, free) : null;
      if (sides) halves.rows.unshift([cell(sides[0]), ...blanks(sides[0], w - 1), cell(sides[1]), ...blanks(sides[1], w - 1)]);
      if (halves.rows.length >= 2) out.push({ start: (sides?.[0] ?? seq[0]).start, end: halves.end, rows: halves.rows, origin: 'tsv' });
      i = lines.indexOf(seq[halves.next - 1]);
      continue;
    }
    const rows: TableCell[][] = [head.cells];
    // (a budget block, its budget, actual and rate columns named: a row short of figures lost empty cells, placed by the
    // reader only where the row's own rate ties its figures, extract/lostCells.ts; elsewhere a short row leaves all unread)
    const roles = new Set(head.cells.slice(1).map((c) => budgetRoleOf(squeeze(c.text))));
    const budgetBlock = w >= 4 && roles.has('budget') && roles.has('actual') && roles.has('rate');
    let k = head.next;
    let whole = true;
    const headAgain = repeatedHeader(seq, head.cells);
    for (let after; k < seq.length && (after = afterPageBreak(seq, k, headAgain)) >= 0; ) k = after;
    while (k < seq.length && isLabel(seq[k].text.trim())) {
      let n = 0;
      while (k + 1 + n < seq.length && FIGURE.test(squeeze(seq[k + 1 + n].text))) n++;
      if (n === 0) break; // a label with no figures: the text after the table
      if (budgetBlock && n >= 2 && n < w - 1) {
        rows.push(seq.slice(k, k + 1 + n).map(cell));
        k += 1 + n;
        continue;
      }
      // (a part's empty cell lost under a total column, 本年支出合计⏎基本支出⏎项目支出 over 合计⏎286.50⏎286.50: the total
      // only, the figure the others add up to, whichever part is empty)
      const figs = seq.slice(k + 1, k + 1 + n);
      if (n === w - 2 && w >= 4 && TOTAL_COLUMN.test(squeeze(seq[1].text)) && addsUp(figs.map((l) => squeeze(l.text)))) {
        rows.push([cell(seq[k]), cell(figs[0]), ...blanks(figs[n - 1], w - 2)]);
        k += 1 + n;
        continue;
      }
      if (n !== w - 1) {
        whole = false;
        break;
      }
      rows.push(seq.slice(k, k + w).map(cell));
      k += w;
      // (a page's break after the row, `— 2 —` and the header again: the rows after it are the table's)
      for (let after; k < seq.length && (after = afterPageBreak(seq, k, headAgain)) >= 0; ) k = after;
    }
    // (a row's figures ran into something that is no label: the table ends in a cell that cannot be placed)
    if (whole && k < seq.length && FIGURE.test(squeeze(seq[k].text))) whole = false;
    // (a bare 3-, 5- or 7-digit figure opening with 1 or 2 among amounts written with their fen is a 科目编码 of the income or
    // spending classification, which no header word named: it may stand in for a lost cell, 合计⏎286.50⏎244.10⏎206⏎科学技术支出)
    const figs = rows.slice(1).flatMap((r) => r.slice(1).map((c) => squeeze(c.text)));
    if (figs.some((f) => /\.\d\d$/.test(f)) && figs.some((f) => CODE.test(f))) whole = false;
    if (!whole || rows.length < 2) continue;
    const lastRow = rows[rows.length - 1];
    const last = lastRow[lastRow.length - 1];
    out.push({ start: seq[0].start, end: last.end, rows, origin: 'tsv' });
    i = lines.indexOf(seq[k - 1]);
  }
  out.push(...stackedPairLines(text, lines, [...taken, ...out]));
  out.push(...goalBlockLines(text, lines, [...taken, ...out]));
  return out;
}

/** The lines the header's cells take again from line k of `seq` (a page's break repeats it), or 0. */
const repeatedHeader = (seq: Line[], header: TableCell[]) => (k: number): number => {
  const want = header.map((c) => squeeze(c.text)).join('');
  let got = '';
  for (let n = 0; k + n < seq.length; n++) {
    got += squeeze(seq[k + n].text);
    if (got === want) return n + 1;
    if (!want.startsWith(got)) return 0;
  }
  return 0;
};

/** the most lines one header cell is wrapped over, and the longest piece of it after the first (a narrow cell's) */
const MAX_PIECES = 3;
const PIECE_MAX = 8;
/** a budget block's column role of a header word (tables.yaml budget_columns), with its unit aside */
function budgetRoleOf(k: string): string | null {
  const v = tableVocab();
  const w = k.replace(/[（(](?:万元|元|%)[)）]$/, '');
  return v.budgetColumnsAny?.test(w) ? (v.budgetColumns.find((c) => c.re.test(w))?.role ?? null) : null;
}
/** Line `i` the first piece of a label header wrapped in its narrow cell (`年度预算申⏎请（万元）`): a short line that names no
 *  column alone, the next one or two lines completing it. */
function wrappedLabelAt(lines: Line[], i: number, free: (l: Line) => boolean): boolean {
  const first = squeeze(lines[i].text);
  if (!first || first.length > LABEL_MAX || FIGURE.test(first)) return false;
  const v = tableVocab().cellLines;
  let joined = first;
  for (let j = i + 1, n = 1; j < lines.length && n < MAX_PIECES; j++) {
    const t = squeeze(lines[j].text);
    if (!t) continue;
    if (!free(lines[j]) || t.length > PIECE_MAX || v.labelHeader.test(t) || v.valueHeader.test(t) || FIGURE.test(t)) return false;
    joined += t;
    n++;
    if (v.labelHeader.test(joined)) return true;
  }
  return false;
}
/**
 * The header's cells from `seq[0]`: the label word, then the value words. A narrow cell wrapped by the copy comes over two
 * or three lines (`年度预算申请⏎（万元）`, `年初预算⏎数⏎全年预算⏎数`): a line that names no column alone (nor is a figure)
 * joined to the cell before it when together they name one, the most lines that do. `next`: the index after the header.
 */
function headerCells(text: string, seq: Line[]): { cells: TableCell[]; next: number } | null {
  const v = tableVocab().cellLines;
  const alone = (t: string) => v.labelHeader.test(t) || v.valueHeader.test(t);
  const take = (at: number, re: RegExp): number => {
    let joined = '';
    let best = 0;
    for (let n = 0; n < MAX_PIECES && at + n < seq.length; n++) {
      const t = squeeze(seq[at + n].text);
      if (n > 0 && (t.length > PIECE_MAX || alone(t) || FIGURE.test(t))) break;
      joined += t;
      if (re.test(joined)) best = n + 1;
    }
    return best;
  };
  const cells: TableCell[] = [];
  const piece = (at: number, n: number) => {
    const a = lineCell(text, seq[at]);
    const b = lineCell(text, seq[at + n - 1]);
    cells.push(n === 1 ? a : { start: a.start, end: b.end, text: text.slice(a.start, b.end) });
  };
  let k = take(0, v.labelHeader);
  if (!k) return null;
  piece(0, k);
  for (let n; k < seq.length && (n = take(k, v.valueHeader)); k += n) piece(k, n);
  return { cells, next: k };
}

/** a 基础数据表's label (tables.yaml basic_data_stacked, staffing_columns, staffing_pair_bare, or a head count 实有人数), its
 *  unit in brackets aside */
function baseDataLabel(t: string): boolean {
  const v = tableVocab();
  const words = squeeze(t).replace(/[（(](?:万元|元|千元|亿元|%|人)[)）]$/, '');
  stackedLabelRes ??= ((v.raw as unknown as { basic_data_stacked?: { label: string }[] }).basic_data_stacked ?? []).map((r) => new RegExp(r.label));
  return (
    stackedLabelRes.some((re) => re.test(words)) || v.staffingColumns.some((c) => c.re.test(words)) || v.staffingPairBare.some((c) => c.re.test(words)) || /^实有人数$/.test(words)
  );
}
let stackedLabelRes: RegExp[] | null = null;
/** a part of a budget or actual beside its total's label (`其中：基本支出`, `项目支出`) */
const PART_LABEL = /^(?:其中[:：]?)?(?:基本|项目)支出(?:数|金额)?[:：]?$/;

/**
 * A 基础数据表 laid out as label rows over figure rows (`编制人数⇥实有人数⇥在职人数⇥退休人数` over `6⇥8⇥5⇥3`) and copied one cell per
 * line (pdftotext's reading order without -layout: `编制人数⏎实有人数⏎在职人数⏎退休人数⏎6⏎8⏎5⏎3`): two or more lines each a base
 * data label, then exactly as many figures, is such a pair of rows; pairs one after the other are one table, read as the
 * tab-separated form is (extract/stackedLabels.ts, staffingTable.ts). All or nothing per pair: a label the vocabulary lacks ends
 * the run of labels, and a figure too many or too few after it (a lost cell, whose place is not known) leaves the pair unread.
 */
function stackedPairLines(text: string, lines: Line[], taken: Span[]): Table[] {
  const free = freeLine(taken);
  const cell = (l: Line) => lineCell(text, l);
  const out: Table[] = [];
  // the non-blank lines, in order
  const seq = lines.filter((l) => l.text.trim());
  let table: TableCell[][] = [];
  const close = () => {
    if (table.length >= 2) out.push({ start: table[0][0].start, end: table[table.length - 1][table[table.length - 1].length - 1].end, rows: table, origin: 'tsv' });
    table = [];
  };
  for (let i = 0; i < seq.length; ) {
    let k = 0;
    // (a total's parts may follow its label, 全年执行数⏎其中：基本支出⏎项目支出: extract/stackedLabels.ts weighs them)
    while (i + k < seq.length && free(seq[i + k]) && (baseDataLabel(seq[i + k].text) || (k > 0 && PART_LABEL.test(squeeze(seq[i + k].text))))) k++;
    const figs = seq.slice(i + k, i + 2 * k);
    const after = seq[i + 2 * k];
    if (k >= 2 && figs.length === k && figs.every((l) => free(l) && FIGURE.test(squeeze(l.text))) && !(after && free(after) && FIGURE.test(squeeze(after.text)))) {
      table.push(seq.slice(i, i + k).map(cell), figs.map(cell));
      i += 2 * k;
      continue;
    }
    close();
    i += Math.max(1, k);
  }
  close();
  return out;
}

/**
 * A 自评表's goals block copied one cell per line (pdftotext without -layout: `年度总体目标⏎预期目标⏎实际完成情况⏎<target>⏎
 * <achieved>`, then maybe the indicator block's `一级指标⏎…`). Its cells are the form's, not prose: read as prose, the counts
 * the achieved cell restates from the report's body were recorded as activities a second time. So the lines from the header
 * to where the block certainly ends — the indicator block's first header word, a line of another table (or a tabbed one), or
 * the end of the text, or a section's title alone on its line (`三、存在问题`: the report's prose again) — are a table. Which line is which cell is certain only when there are exactly two, the first not cut
 * mid-sentence (a cell wrapped over lines, or an empty cell dropped, cannot be placed): then they are the row under the header,
 * read as the tab-separated form is; else the table is the header alone (goals unknown, the text still no prose). With no
 * such end (prose may follow, its headings not told from a cell's paragraphs) nothing is taken.
 */
function goalBlockLines(text: string, lines: Line[], taken: Span[]): Table[] {
  const v = tableVocab();
  const free = freeLine(taken);
  const cell = (l: Line) => lineCell(text, l);
  const seq = lines.filter((l) => l.text.trim());
  const ends = (l: Line) => {
    const k = squeeze(l.text);
    return !free(l) || v.indicatorColumnsAny?.test(k) || v.indicatorLevelColumn?.test(k);
  };
  const out: Table[] = [];
  for (let i = 0; i + 2 < seq.length; i++) {
    let [a, b, c] = seq.slice(i, i + 3);
    // (the third line may be the indicator block's, taken before: the label and its one text line right over it)
    if (![a, b].every(free)) continue;
    // (the block's label, a cell merged down the block's rows, may come after the column headers: a PDF reader takes it at
    // its middle, 预期目标⏎实际完成情况⏎年度总体目标⏎<target>⏎<achieved>)
    const columns = (x: Line, y: Line) => free(x) && free(y) && v.goalColumns.target.test(squeeze(x.text)) && v.goalColumns.achieved.test(squeeze(y.text));
    if (columns(a, b) && free(c) && v.goalLabels.target.test(squeeze(c.text))) [a, b, c] = [c, a, b];
    else if (!v.goalLabels.target.test(squeeze(a.text))) continue;
    if (!columns(b, c)) {
      const labelled = labelRowLines(seq, i, ends);
      if (labelled) {
        // (a text wrapped over lines is one cell, its line breaks kept in its text)
        const rows = labelled.map(([label, first, last]) => {
          const f = cell(first);
          const l = cell(last);
          return [cell(label), { start: f.start, end: l.end, text: text.slice(f.start, l.end) }];
        });
        out.push({ start: rows[0][0].start, end: rows[rows.length - 1][1].end, rows, origin: 'tsv' });
        i = seq.indexOf(labelled[labelled.length - 1][2]);
      }
      continue;
    }
    let j = i + 3;
    // (the label again under the header, a Word export's merged cell, is a goals label as a section's title: see `again`)
    const repeated = (k: number) => k === i + 3 && squeeze(seq[k].text) === squeeze(a.text);
    while (j < seq.length && !ends(seq[j]) && (!sectionLine(seq[j]) || repeated(j))) j++;
    let cells = seq.slice(i + 3, j);
    // (a Word export writes a merged cell at every row it covers: the label again opening the row under the header,
    // 年度总体目标⏎预期目标⏎实际完成情况⏎年度总体目标⏎<target>⏎<achieved>, is that cell, not the target)
    const again = cells.length === 3 && squeeze(cells[0].text) === squeeze(a.text) ? cells[0] : null;
    if (again) cells = cells.slice(1);
    // (no end seen but the text's: only the two cells the form has, else prose may follow)
    if (j === seq.length && cells.length !== 2) continue;
    const header = [a, b, c].map(cell);
    const rows: TableCell[][] = [header];
    const first = again ? cell(again) : { start: header[0].end, end: header[0].end, text: '' };
    if (cells.length === 2 && !/[，,、：:]$/.test(cells[0].text.trim())) rows.push([first, ...cells.map(cell)]);
    const last = cells.length ? cell(cells[cells.length - 1]) : header[2];
    out.push({ start: Math.min(...header.map((h) => h.start)), end: Math.max(last.end, ...header.map((h) => h.end)), rows, origin: 'tsv' });
    i = j - 1;
  }
  return out;
}

/** a section's title alone on its line, numbered or not (`三、存在问题`, `改进措施`; sections.yaml standalone): the report's
 *  prose again, never a goals cell's text */
const ORDINAL = /^(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十\d]{1,2}[)）]|\d{1,2}[、.．](?!\d))\s*/;
export const sectionLine = (l: Line) => isStandaloneTitle(l.text.trim().replace(ORDINAL, ''));
/** a line opening with a heading's ordinal (`四、其他说明`, `（一）…`): a heading or a cell's own list, which is not known */
export const numberedLine = (l: Line) => ORDINAL.test(l.text.trim());

/**
 * The goals as label rows copied one cell per line (`年度总体目标⏎<target>⏎年度总体目标完成情况⏎<achieved>`, or the target alone).
 * A bare label line may be a prose heading, so only these shapes are a table, each ended by the indicator block or another
 * table: both labels, each text one line or wrapped over several (all lines between two labels are the one cell beside the
 * first: nothing else stands on its row), or the end of the text after one line each; the target label alone with one line.
 * Returns its rows as [label, first line of the text, last line], or null.
 */
function labelRowLines(seq: Line[], i: number, ends: (l: Line) => boolean | undefined): [Line, Line, Line][] | null {
  const v = tableVocab();
  const achievedLabel = (l: Line) => v.goalLabels.achieved.test(squeeze(l.text));
  const stop = (l: Line) => !!ends(l) || achievedLabel(l) || v.goalLabels.target.test(squeeze(l.text));
  let j = i + 1;
  while (j < seq.length && !stop(seq[j])) j++;
  const target = seq.slice(i + 1, j);
  if (!target.length || j === seq.length) return null;
  const alone = (): [Line, Line, Line][] | null => (ends(seq[j]) && target.length === 1 ? [[seq[i], target[0], target[0]]] : null);
  // (the achieved label may be an indicator column's word too, 实际完成情况: a label here, its text after it)
  if (!achievedLabel(seq[j])) return alone();
  let k = j + 1;
  while (k < seq.length && !stop(seq[k])) k++;
  const achieved = seq.slice(j + 1, k);
  if (!achieved.length) return alone();
  const sure = k < seq.length ? !!ends(seq[k]) : target.length === 1 && achieved.length === 1;
  if (!sure) return alone();
  return [
    [seq[i], target[0], target[target.length - 1]],
    [seq[j], achieved[0], achieved[achieved.length - 1]],
  ];
}

const LINE_NO = /^\d{1,3}$/;
const COLUMN_NUMBERS = /^(?:栏次|行次)$/;

/**
 * A 收入支出决算总表 copied one cell per line, its halves side by side (`项目⏎行次⏎金额⏎项目⏎行次⏎金额`, then per row the
 * income label, its 行次, its amount, the spending label, its 行次, its amount). The 行次 is never empty, so an amount lost
 * with its empty cell is known by the next label standing in its place (`…支出⏎32⏎二、…收入`): it is put back as an empty cell.
 * Only this layout (a label, 行次, one amount column per half); each side's line numbers rising; a 栏次 row under the header
 * skipped. An amount that is a bare 1–3 digit number could be a line number whose label was lost, and a row not complete on
 * both sides cannot be placed: either leaves the whole table unread. Returns null when the header is not two such halves.
 */
function twoHalves(seq: Line[], w: number, cell: (l: Line) => TableCell): { rows: TableCell[][]; end: number; next: number } | null {
  const v = tableVocab().cellLines;
  const words = seq.slice(1, w).map((l) => squeeze(l.text));
  if (w !== 3 || !COLUMN_NUMBERS.test(words[0]) || COLUMN_NUMBERS.test(words[1])) return null;
  if (seq.length < 2 * w || !v.labelHeader.test(squeeze(seq[w].text)) || seq.slice(w + 1, 2 * w).some((l, n) => squeeze(l.text) !== words[n])) return null;
  const none = { rows: [], end: 0, next: 2 * w };
  const rows: TableCell[][] = [seq.slice(0, 2 * w).map(cell)];
  const last = [-1, -1];
  const at = (k: number) => (k < seq.length ? squeeze(seq[k].text) : '');
  let k = 2 * w;
  // (the 栏次 row: 栏次⏎1⏎栏次⏎2, the amount columns' numbers)
  if (COLUMN_NUMBERS.test(at(k)) && LINE_NO.test(at(k + 1))) k += COLUMN_NUMBERS.test(at(k + 2)) && LINE_NO.test(at(k + 3)) ? 4 : 2;
  for (;;) {
    const row: TableCell[] = [];
    for (const side of [0, 1]) {
      const t = k < seq.length ? seq[k].text.trim() : '';
      if (!isLabel(t) || !LINE_NO.test(at(k + 1))) {
        // (the income side opens no row: the table ended; a figure there, or a row cut after its income half, cannot be placed)
        if (side === 0 && !FIGURE.test(at(k))) return { rows, end: rows[rows.length - 1].filter((c) => c.end > c.start).pop()!.end, next: k };
        return none;
      }
      const no = Number(at(k + 1));
      if (no <= last[side]) return none;
      last[side] = no;
      row.push(cell(seq[k]), cell(seq[k + 1]));
      k += 2;
      if (FIGURE.test(at(k))) {
        if (LINE_NO.test(at(k))) return none;
        row.push(cell(seq[k++]));
      } else {
        const end = row[row.length - 1].end;
        row.push({ start: end, end, text: '' });
      }
    }
    rows.push(row);
  }
}

const SIDE = /^(?:收入|支出)$/;
/** `收入⏎支出` (or the other way round) on the two non-blank lines right above line `i`, each alone on its line. */
function sidesAbove(lines: Line[], i: number, free: (l: Line) => boolean): [Line, Line] | null {
  const above: Line[] = [];
  for (let j = i - 1; j >= 0 && above.length < 2; j--) {
    if (!lines[j].text.trim()) continue;
    if (!free(lines[j])) return null;
    above.unshift(lines[j]);
  }
  if (above.length < 2) return null;
  const [a, b] = above.map((l) => squeeze(l.text));
  return SIDE.test(a) && SIDE.test(b) && a !== b ? [above[0], above[1]] : null;
}
/** the `n` empty cells after a side's word (its half is n + 1 columns wide) */
const blanks = (l: Line, n: number): TableCell[] => {
  const end = l.start + l.text.trimEnd().length;
  return Array.from({ length: n }, () => ({ start: end, end, text: '' }));
};

/**
 * The same table with no 行次 column (`项目⏎金额⏎项目⏎金额`): no line number places a row, so each label's side is
 * known by its words (tables.yaml cell_lines.halves: 收入 closing an income label, 支出 a spending one, the carry-over
 * and balance rows by name) and the two 总计 closing the table, one after the other, are income's then spending's. A
 * label with a figure right after it holds that figure; with a label after it, its amount was an empty cell lost with its
 * line. A side's label coming where the other's was due means that half of the row was empty. A label of no known
 * side with one figure is left out (no statement row read; the others' halves are their own words') when the two 总计
 * close the table; two figures in a row, or a lone 总计, leave the whole table unread; a label with no figure (the next
 * heading) ends it.
 */
function bareHalves(seq: Line[], w: number, cell: (l: Line) => TableCell): { rows: TableCell[][]; end: number; next: number } | null {
  const v = tableVocab().cellLines;
  const word = squeeze(seq[1].text);
  if (w !== 2 || COLUMN_NUMBERS.test(word) || seq.length < 4 || !v.labelHeader.test(squeeze(seq[2].text)) || squeeze(seq[3].text) !== word) return null;
  const none = { rows: [], end: 0, next: 4 };
  const at = (k: number) => (k < seq.length ? squeeze(seq[k].text) : '');
  const rows: TableCell[][] = [seq.slice(0, 4).map(cell)];
  const empty = (after: TableCell): TableCell => ({ start: after.end, end: after.end, text: '' });
  let row: TableCell[] = [];
  let k = 4;
  let leftOut = false; // a label of neither half left out with its figure
  let closed = false; // the two 总计 closing the table read
  for (;;) {
    const t = k < seq.length ? seq[k].text.trim() : '';
    const figure = FIGURE.test(at(k + 1));
    const side = !isLabel(t) ? null : v.halves.total.test(at(k)) ? 'total' : v.halves.income.test(at(k)) ? 0 : v.halves.spending.test(at(k)) ? 1 : null;
    // (a label of neither half with its one figure, 其中：基本支出结转⏎13.58: its half is not known, but it is no statement row
    // read, and every other label's half is told by its own words: left out, when the table closes with its two 总计 below)
    if (side === null && isLabel(t) && figure && !FIGURE.test(at(k + 2)) && !v.halves.total.test(at(k))) {
      leftOut = true;
      k += 2;
      continue;
    }
    if (side === null) {
      // (the table ended: a closed row, then no label of either side with no figure under it)
      if (row.length || FIGURE.test(at(k)) || (isLabel(t) && figure) || (leftOut && !closed)) return none;
      return rows.length >= 2 ? { rows, end: rows[rows.length - 1].filter((c) => c.end > c.start).pop()!.end, next: k } : none;
    }
    let s: 0 | 1;
    if (side === 'total') {
      // (the pair of 总计 closing the table, one right after the other: the first is income's)
      const second = row.length === 2 && v.halves.total.test(squeeze(row[0].text));
      if (!second && !v.halves.total.test(at(k + (figure ? 2 : 1)))) return none;
      s = second ? 1 : 0;
      closed ||= second;
    } else s = side;
    // (the half due was empty: close the row or open it with an empty income half)
    if (s === 0 && row.length) {
      rows.push([...row, empty(row[1]), empty(row[1])]);
      row = [];
    }
    if (s === 1 && !row.length) {
      const c = cell(seq[k]);
      row = [{ start: c.start, end: c.start, text: '' }, { start: c.start, end: c.start, text: '' }];
    }
    row.push(cell(seq[k]));
    k++;
    if (figure) {
      if (FIGURE.test(at(k + 1))) return none;
      row.push(cell(seq[k++]));
    } else row.push(empty(row[row.length - 1]));
    if (row.length === 4) {
      rows.push(row);
      row = [];
    }
  }
}
