// A 绩效指标 block copied one cell per line (pdftotext without -layout, a PDF viewer's copy: `一级指标⏎二级指标⏎三级指标⏎
// 年度指标值⏎实际完成值⏎分值⏎得分⏎偏差原因⏎产出指标⏎数量指标⏎接待观众人次⏎≥10万人次⏎12.6万人次⏎15⏎15⏎…`). The rows'
// widths vary: a merged level cell is written once, on its first row, and an empty 偏差原因 cell leaves no line. The rows can
// still be put back when the lines admit exactly one division into rows of the header's shape; else nothing is read.
import type { Line, Span, Table, TableCell } from '../document.js';
import { tableVocab } from './tableVocab.js';
import { freeLine, lineCell, numberedLine, sectionLine, squeeze } from './cellLines.js';
import { PAGE_MARK } from './duplicates.js';

/** `续表` (`续上表`, `（续表）`) over a table's part on the next page */
const CONTINUED = /^[（(]?续(?:上)?表[）)]?[:：]?$/;

/** a 分值 or 得分 cell: a bare figure of at most 100, maybe with 分 */
const POINTS = /^(\d{1,3}(?:\.\d+)?)分?$/;
const points = (t: string): number | null => {
  const m = POINTS.exec(squeeze(t));
  return m && Number(m[1]) <= 100 ? Number(m[1]) : null;
};
/** a cell that is a measured value (`≥98%`, `6站`, `12.6万人次`, `100`): never an indicator's name nor a note */
const VALUE = /^[≥≤><＞＜≧≦=]|^\d+(?:\.\d+)?\s*[^\s\d]{0,4}$/;
/** a level label's weight and list marker aside (`产出指标（50分）`, `一、产出指标`) */
const LEVEL_MARKER = /^(?:[一二三四五六七八九十]{1,2}[、.．]|[(（][一二三四五六七八九十\d]{1,2}[)）]|\d{1,2}[、.．](?!\d))(?=[\u4e00-\u9fa5])/;
const levelWord = (t: string) => squeeze(t).replace(tableVocab().levelWeightSuffix, '').replace(LEVEL_MARKER, '');
/** (no block has more cells than this: the look ahead stops there) */
const MAX_CELLS = 1500;
const MAX_STEPS = 20000;
/** (wrapped names in one block: the divisions are tried with 0, 1, … of them) */
const MAX_WRAPS = 6;

type Field = 'level1' | 'level2' | 'level3' | 'target' | 'actual' | 'weight' | 'score' | 'note';
const KNOWN: Field[] = ['level1', 'level2', 'level3', 'target', 'actual', 'weight', 'score', 'note'];

/** The indicator column a header line names (tables.yaml indicator_columns; a closing bracket aside, 分值（权重）). */
function columnOf(t: string): Field | null {
  if (t.length > COLUMN_OF_MAX) return columnOfText(t);
  let f = columnsOf.get(t);
  if (f === undefined) {
    if (columnsOf.size >= 4096) columnsOf.clear();
    columnsOf.set(t, (f = columnOfText(t)));
  }
  return f;
}
// each line is asked about several times (as a block's first header word, in its run, as a row's cell), each time trying
// every column's regex: a short line's answer is kept by its text, as squeeze keeps its squeezed text
const columnsOf = new Map<string, Field | null>();
const COLUMN_OF_MAX = 200;

function columnOfText(t: string): Field | null {
  const v = tableVocab();
  const k = squeeze(t);
  const find = (s: string) => v.indicatorColumns.find((c) => c.re.test(s))?.field ?? null;
  const f = find(k) ?? (/[)）]$/.test(k) && !/\d{4}/.test(k) ? find(k.replace(/[(（][^()（）]{1,8}[)）]$/, '')) : null);
  return f && (KNOWN as string[]).includes(f) ? (f as Field) : null;
}

/** One row as read: the index of each field's line (level cells and the note may be absent); `level3End`, the name's second
 *  line when it wraps. */
type Row = Partial<Record<Field | 'level3End', number>>;
interface Parse {
  rows: Row[];
  /** the total row's label and its figures, when the block closes with one */
  total: { label: number; figures: number[] } | null;
  /** the last line of the block */
  last: number;
}

/**
 * Reads the block whose header lines (their squeezed texts `header`, their fields `cols`) end before seq[from]. Every division of the
 * lines into rows is tried: a row is [note of the row before] [一级 word] [二级 word] then one line per remaining column in the
 * header's order (the name maybe two, wrapped: fewest such first), typed (a 分值/得分 a figure, no score over its weight; a name or note no measured value; no level word or
 * total's label as a cell). The block ends at a total row (`总分⏎100⏎95`), another table, a section's title alone on its line, or the end of the text; prose
 * after the last row leaves it unread, as does a second division (which line is which cell is then not known).
 */
function parseRows(seq: Line[], free: (l: Line) => boolean, from: number, cols: Field[], header: string[], maxWraps: number): Parse | null {
  // (a wrapped name is the less likely reading: the divisions with the fewest wrapped names are the ones weighed, so a line that
  // fits as the note of the row above is not taken for the head of the next name)
  for (let wraps = 0; wraps <= maxWraps; wraps++) {
    const { parse, count } = divisions(seq, free, from, cols, header, wraps);
    if (count) return count === 1 ? parse : null;
  }
  return null;
}

/** The divisions with at most `wraps` names wrapped: the first, and how many there are (2 meaning two or more, or too many
 *  steps to tell). */
function divisions(seq: Line[], free: (l: Line) => boolean, from: number, cols: Field[], header: string[], wraps: number): { parse: Parse | null; count: number } {
  const v = tableVocab();
  const text = (i: number) => seq[i].text.trim();
  const isLevel1 = (i: number) => v.level1Words.includes(levelWord(text(i)));
  // (a 二级 word may be written without its 指标, 社会效益; a short word closing with 指标 the vocabulary lacks is a level all the
  // same, never a name or note: the block is then not read)
  const isLevel2 = (i: number) => v.level2Words.includes(levelWord(text(i))) || v.level2Words.includes(levelWord(text(i)) + '指标');
  const levelLike = (i: number) => /^[\u4e00-\u9fa5]{2,8}指标$/.test(levelWord(text(i)));
  const isTotal = (i: number) => v.totalRow.test(squeeze(text(i)));
  // (a block of targets alone has no points' figures to tell a row from a heading and its prose after it, `四、其他说明⏎无。`:
  // a numbered line is no cell of it)
  const bare = !cols.includes('weight');
  const plain = (i: number) => i < seq.length && free(seq[i]) && !isLevel1(i) && !isLevel2(i) && !levelLike(i) && !isTotal(i) && !columnOf(text(i)) && !(bare && numberedLine(seq[i]));
  const named = (i: number) => plain(i) && !VALUE.test(squeeze(text(i)));
  // (a note explains a score cut: beside a full score only a word saying there is none, 无; so a level's name the vocabulary
  // lacks is not taken for the note of a row with its full score, shifting the rows under it to the level above)
  const noteFits = (row: Row, p: number) => {
    if (!named(p)) return false;
    const [w, s] = [row.weight, row.score].map((i) => (i === undefined ? null : points(text(i))));
    return (w !== null && s !== null && s < w) || v.emptyCells.some((re) => re.test(squeeze(text(p))));
  };
  const fixed = cols.filter((c) => c !== 'level1' && c !== 'level2' && c !== 'note');
  const hasNote = cols.includes('note');
  const limit = Math.min(seq.length, from + MAX_CELLS);
  let parses = 0;
  let first: Parse | null = null;

  let steps = 0;
  // (a page break between rows: its page number, a 续表 mark, the header repeated on the new page, maybe under its 绩效指标 line)
  const pageBreak = (p: number): number => {
    let q = p;
    while (q < limit && free(seq[q]) && (PAGE_MARK.test(text(q)) || CONTINUED.test(squeeze(text(q))))) q++;
    const h = q < limit && v.indicatorLevelColumn?.test(squeeze(text(q))) ? q + 1 : q;
    if (header.every((k, n) => h + n < limit && free(seq[h + n]) && squeeze(text(h + n)) === k)) q = h + header.length;
    return q;
  };
  // the row opening at p under the 一级 word `l1` (null before the first row), after `rows`; `noteOk`: the line at p may be the
  // note of the row before
  const rowAt = (p: number, l1: string | null, rows: Row[], noteOk: boolean): void => {
    // (a division that fails does so within a row or two; the count of tries is bounded all the same)
    if (parses > 1 || ++steps > MAX_STEPS) return;
    const q0 = rows.length ? pageBreak(p) : p;
    if (q0 > p) return rowAt(q0, l1, rows, false);
    if (p >= limit || !free(seq[p])) {
      // (the end of the text, or another table: the block ended after a complete row)
      if (rows.length) done({ rows, total: null, last: p - 1 });
      return;
    }
    // (a section's title alone on its line after a complete row, `四、自评结论`: the report's prose again, as it ends a goals
    // block, never a cell nor the last row's note)
    if (rows.length && sectionLine(seq[p])) {
      done({ rows, total: null, last: p - 1 });
      return;
    }
    if (isTotal(p)) {
      const figures: number[] = [];
      for (let k = p + 1; k < limit && figures.length < 2 && free(seq[k]) && points(text(k)) !== null; k++) figures.push(k);
      if (rows.length) done({ rows, total: { label: p, figures }, last: figures.length ? figures[figures.length - 1] : p });
      return;
    }
    if (noteOk && noteFits(rows[rows.length - 1], p)) rowAt(p + 1, l1, [...rows.slice(0, -1), { ...rows[rows.length - 1], note: p }], false);
    let q = p;
    const row: Row = {};
    let own1 = l1;
    if (cols.includes('level1') && q < limit && isLevel1(q)) {
      own1 = levelWord(text(q));
      row.level1 = q++;
    }
    if (cols.includes('level2') && q < limit && isLevel2(q)) {
      const parents = v.level2Parents.get(levelWord(text(q))) ?? v.level2Parents.get(levelWord(text(q)) + '指标');
      if (own1 === null || (parents && !parents.includes(own1))) return;
      row.level2 = q++;
    }
    // (the first row opens the merged level cells; a new 一级 opens a new 二级 under it)
    if (cols.includes('level1') && own1 === null) return;
    if (cols.includes('level2') && row.level2 === undefined && (row.level1 !== undefined || !rows.length)) return;
    // (an indicator's name may wrap onto a second line: both divisions are tried, and one alone must hold)
    for (const wrap of [false, true]) cellsAt(q, own1, rows, { ...row }, wrap);
  };
  // the row's cells after its level words, from q; `wrap`: its name takes two lines
  const cellsAt = (q: number, own1: string | null, rows: Row[], row: Row, wrap: boolean): void => {
    for (const f of fixed) {
      if (q >= limit) return;
      const ok = f === 'weight' || f === 'score' ? points(text(q)) !== null && free(seq[q]) : f === 'level3' ? named(q) : plain(q);
      if (!ok) return;
      row[f] = q++;
      if (f === 'level3' && wrap) {
        if (rows.filter((r) => r.level3End !== undefined).length >= wraps || !named(q)) return;
        row.level3End = q++;
      }
    }
    const [w, s] = [row.weight, row.score].map((i) => (i === undefined ? null : points(text(i))));
    if (w !== null && s !== null && s > w) return;
    // (a target written in words beside an actual in figures is a name read as a target: a cell was lost)
    const digit = (i: number | undefined) => i !== undefined && /\d/.test(text(i));
    if (row.target !== undefined && row.actual !== undefined && !digit(row.target) && digit(row.actual)) return;
    rowAt(q, own1, [...rows, row], hasNote);
  };
  const done = (p: Parse) => {
    // (a cell's line goes on into the next only when full: a wrapped name's first line is as long as its second and as any
    // name on one line in the block; else the division is none)
    const len = (i: number) => squeeze(text(i)).length;
    const single = p.rows.filter((r) => r.level3 !== undefined && r.level3End === undefined).map((r) => len(r.level3!));
    const full = p.rows.every((r) => r.level3End === undefined || (len(r.level3!) >= len(r.level3End) && single.every((n) => len(r.level3!) >= n)));
    if (!full) return;
    parses++;
    first ??= p;
  };
  rowAt(from, null, [], false);
  return { parse: first, count: steps > MAX_STEPS ? 2 : parses };
}

/** An empty cell at `at`. */
const none = (at: number): TableCell => ({ start: at, end: at, text: '' });

export function indicatorBlockLines(text: string, lines: Line[], taken: Span[]): Table[] {
  const v = tableVocab();
  const free = freeLine(taken);
  const cell = (l: Line) => lineCell(text, l);
  const seq = lines.filter((l) => l.text.trim());
  const out: Table[] = [];
  for (let i = 0; i < seq.length; i++) {
    if (!free(seq[i]) || columnOf(seq[i].text) !== 'level1' && columnOf(seq[i].text) !== 'level3') continue;
    const cols: Field[] = [];
    let j = i;
    while (j < seq.length && free(seq[j]) && columnOf(seq[j].text) && !cols.includes(columnOf(seq[j].text)!)) cols.push(columnOf(seq[j++].text)!);
    // (the columns in the form's order: levels, the name, its figures, the note last)
    const order = cols.map((c) => KNOWN.indexOf(c));
    const levelsFirst = order.every((o, k) => k === 0 || o >= 3 || o > order[k - 1]);
    // (or a budget's 绩效目标表: the levels, the name and its target only — no figure of points to place the rows by, so only
    // that shape, every level cell written, and no name wrapped: each row then has one division)
    const targetOnly = cols.join() === 'level1,level2,level3,target';
    if (!cols.includes('level3') || !(targetOnly || (cols.includes('weight') && cols.includes('score') && (cols.includes('target') || cols.includes('actual'))))) continue;
    if (!levelsFirst || cols.indexOf('level3') !== cols.filter((c) => c === 'level1' || c === 'level2').length || (cols.includes('note') && cols[cols.length - 1] !== 'note')) continue;
    const parsed = parseRows(seq, free, j, cols, seq.slice(i, j).map((l) => squeeze(l.text)), targetOnly ? 0 : MAX_WRAPS);
    if (!parsed) continue;
    // (the 绩效指标 line over the level columns belongs to the block)
    const above = i > 0 && free(seq[i - 1]) && v.indicatorLevelColumn?.test(squeeze(seq[i - 1].text)) ? seq[i - 1] : null;
    const header = seq.slice(i, j).map(cell);
    const rows: TableCell[][] = [header];
    for (const r of parsed.rows) {
      const at = cell(seq[Math.min(...Object.values(r))]).start;
      const cellOf = (c: Field): TableCell => {
        if (r[c] === undefined) return none(at);
        const first = cell(seq[r[c]!]);
        if (c !== 'level3' || r.level3End === undefined) return first;
        // (a name wrapped over two lines is one cell, its line break kept in its text)
        const last = cell(seq[r.level3End]);
        return { start: first.start, end: last.end, text: text.slice(first.start, last.end) };
      };
      rows.push(cols.map(cellOf));
    }
    if (parsed.total) {
      const label = cell(seq[parsed.total.label]);
      const figures = parsed.total.figures.map((k) => cell(seq[k]));
      // (two figures are the 分值 and 得分; one alone may be either, the full marks or the score: not placed)
      const row = cols.map((c, k): TableCell => (k === 0 ? label : none(label.end)));
      if (figures.length === 2) {
        const [a, b] = [cols.indexOf('weight'), cols.indexOf('score')].sort((x, y) => x - y);
        [row[a], row[b]] = figures;
      }
      rows.push(row);
      // the form's grade right under its 总分 row, so copied too (`总分⏎100⏎98.5⏎自评等级⏎优`): a row of its own, read as a
      // table's `自评等级⇥优` under the 总分 row is (a line holding both, `自评等级：优`, one cell); a label with no grade word
      // under it is left out
      const graded = gradeLines(seq, free, parsed.last + 1);
      if (graded) {
        const cells = graded.map(cell);
        rows.push(cols.map((c, k): TableCell => cells[k] ?? none(cells[cells.length - 1].end)));
        parsed.last += graded.length;
      }
    }
    const end = cell(seq[parsed.last]).end;
    out.push({ start: (above ?? seq[i]).start, end, rows, origin: 'tsv' });
    i = parsed.last;
  }
  return out;
}

/** The grade's lines at seq[p]: a grade label and its grade word on the next line, or both on one line (tables.yaml
 *  total_grade); null when the lines there are not that. */
function gradeLines(seq: Line[], free: (l: Line) => boolean, p: number): Line[] | null {
  const g = tableVocab().totalGrade;
  if (p >= seq.length || !free(seq[p])) return null;
  const k = squeeze(seq[p].text);
  const label = g.label.exec(k)?.[0];
  if (!label) return null;
  const grade = (t: string) => g.value.test(t) || g.good.test(t);
  if (label.length < k.length) return grade(k.slice(label.length)) ? [seq[p]] : null;
  return p + 1 < seq.length && free(seq[p + 1]) && grade(squeeze(seq[p + 1].text)) ? [seq[p], seq[p + 1]] : null;
}
