// Structure stage, tables: find the grids in the text (tab-separated dumps, PDF lines) or take the Word reader's,
// name them by their caption line, and exclude their regions from prose matching.
import type { KDocument, Line, Span, Table, TableCell } from '../document.js';
import { csvTables } from './csvTables.js';
import { foldOcrYuan } from '../normalise/ocrYuan.js';
import { tableVocab } from './tableVocab.js';
import { pdfTablesDetailed } from './pdfTables.js';
import { cellLineTables, squeeze } from './cellLines.js';
import { subjectTableLines } from './subjectLines.js';
import { spacedGoalLabelRows, spacedGoalLines, spacedIndicatorLines } from './spacedGoals.js';
import { indicatorBlockLines } from './indicatorLines.js';
import { staffingBlockLines } from './staffLines.js';
import { wrappedHeaderLines } from './wrappedHeaders.js';
import { spacedRowTables } from './spacedRows.js';
import { spacedTargetLines } from './spacedTargets.js';
import { contentsEntries } from './contentsTables.js';
import { compile, loadPatternFile } from '../patterns.js';
import { foldDigits } from '../normalise/numbers.js';
// (a page's number between a table's rows, a PDF's footer pasted with it, is no cell's text)
import { PAGE_MARK } from './duplicates.js';
import { pageNumberLine, pageNumberOnly } from './pageBreaks.js';

/** Lines with offsets; `\r` before `\n` is not part of a line. */
export function textLines(text: string): Line[] {
  const out: Line[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text[i] === '\n') {
      const end = i > start && text[i - 1] === '\r' ? i - 1 : i;
      out.push({ start, end, text: text.slice(start, end) });
      start = i + 1;
    }
  }
  return out;
}

const WS = /[\s\u3000\u00a0\ufeff]/;

/** [start, end) shrunk to its non-whitespace content; an all-blank range collapses to its start. */
export function trimSpan(text: string, start: number, end: number): Span {
  let s = start;
  let e = end;
  while (s < e && WS.test(text[s])) s++;
  while (e > s && WS.test(text[e - 1])) e--;
  return s === e ? { start, end: start } : { start: s, end: e };
}

function cellOf(text: string, start: number, end: number): TableCell {
  const sp = trimSpan(text, start, end);
  return { start: sp.start, end: sp.end, text: text.slice(sp.start, sp.end) };
}

// (a line of ASCII spaces, left by an export that pads lines, is blank too; not a tab, an empty cell, nor a full-width
// space, an indented empty paragraph inside a cell of a one-cell-per-line dump: `\t效益指标⏎⏎（40分）⏎⏎　⏎⏎⏎\t经济效`)
const isBlank = (l: Line) => BLANK.test(l.text);
// (a form feed alone on its line: a page's end, pdftotext's, before a page opening with a blank line)
const BLANK = /^[ \f]*$/;
/** `续表` (`续上表`, `（续表）`) over a table's part on the next page: the table goes on, and the mark is no cell's text. */
const CONTINUED = /^[（(]?续(?:上)?表[）)]?[:：]?$|^[（(]续[）)]$/;
/** the mark with the table's caption repeated after it on its line (`续表：项目支出绩效自评表`) */
const CONTINUED_TITLE = /^[（(]?续(?:上)?表[）)]?[:：\s]*(\S.*)$/;
/** …or the caption with the mark after it (`项目支出绩效自评表（续）`, `部门整体支出绩效自评表(续表)`: a PDF's next page) */
const TITLE_CONTINUED = /^(\S.*?)\s*[（(]续(?:上)?表?[）)]$/;
/** `t` is the caption of the table whose block starts at line `from` (a non-blank line among the few above it). */
function ownCaption(lines: Line[], from: number, t: string): boolean {
  const want = squeeze(t);
  if (!want) return false;
  for (let j = from - 1, seen = 0; j >= 0 && seen < 4; j--) {
    if (isBlank(lines[j])) continue;
    seen++;
    if (squeeze(lines[j].text) === want) return true;
  }
  return false;
}
/** A `续表` mark, alone or with the table's own caption after it; (from: the block's first line) */
function continuedMark(lines: Line[], from: number, t: string): boolean {
  const s = t.trim();
  if (CONTINUED.test(s)) return true;
  const m = CONTINUED_TITLE.exec(s);
  if (m && ownCaption(lines, from, m[1])) return true;
  // (a caption marked continued names the table going on, its own or not: the caption as first written may differ,
  // 2023年度项目支出绩效自评表 over the first page)
  const c = TITLE_CONTINUED.exec(s);
  return !!c && (ownCaption(lines, from, c[1]) || tableVocab().caption.test(squeeze(c[1])));
}
const isMark = (lines: Line[], from: number, t: string) => PAGE_MARK.test(t) || continuedMark(lines, from, t);
/** The table's own caption repeated on the line under a `续表` mark or a page's number (`续表⏎项目支出绩效自评表⏎一级指标⇥…`,
 *  `- 8 -⏎2023年度部门整体支出绩效自评表⏎⇥绩效指标…`, the PDF's next page titled again): no cell text.
 *  (another table's caption after the mark opens that table) */
function repeatedCaption(lines: Line[], from: number, i: number): boolean {
  let j = i - 1;
  while (j >= 0 && isBlank(lines[j])) j--;
  if (j < 0) return false;
  const above = lines[j].text.trim();
  return (CONTINUED.test(above) || PAGE_MARK.test(above)) && ownCaption(lines, from, lines[i].text);
}
// (pdftotext opens each page's first line with a form feed: `\f\t绩效指标`, the repeated header, is a cell's line too)
const TAB_LINE = /^\f*\t/;
const FEED_ONLY = /^ *\f[ \f]*$/;
const isTabLine = (l: Line) => TAB_LINE.test(l.text);
const hasInnerTab = (l: Line) => l.text.replace(TAB_LINE, '').includes('\t');
/** Lines that end a table even when another tab block follows: signatures, notes, captions. */
const TABLE_BREAK = /^\s*(填表人|填报人|填报日期|联系电话|单位负责人|说明\s*[:：]|注\s*[:：]|附件)/;
const MAX_CONTINUATION = 30;
/**
 * A line that states the unit of the table's figures and nothing else (`单位：万元`, `（金额单位：元）`, `注：本表金额单位为万元`,
 * `注：单位：元。`): the table's unit, written under it as well as over it.
 */
const UNIT_LINE = /^[（(]?(?:注\s*[:：]\s*)?(?:\d[.．、]\s*)?(?:本表)?(?:金额|数据)?单位\s*(?:[:：]|为)\s*(?:人民币)?(万元|元|千元|亿元|万(?=\s*[）)]?[。.；;]?$))\s*[）)]?[。.；;]?$/;

/**
 * A row line whose last cell is closed (empty, or a bare figure: `总分⇥100⇥96`, `…⇥10⇥10⇥`) and a line after it that is a
 * sentence (a clause's or a sentence's punctuation; not a figure's unit broken off, `96⏎分`): the prose after the
 * table, not a cell's continuation. A wrapped text cell (`…⇥个别活动因天气⏎延期举办。`) goes on in the next line.
 */
function proseAfterRow(row: Line, l: Line): boolean {
  // (a page's mark is no sentence, its comma no clause's: 第 5 页，共 8 页, Word's footer, between two rows of a table)
  if (!hasInnerTab(row) || PAGE_MARK.test(l.text)) return false;
  const lastCell = row.text.slice(row.text.lastIndexOf('\t') + 1).trim();
  const t = l.text.trim();
  // a text cell wrapped goes on in a line no wider than its first (…⇥个别活动因天气⏎延期举办。); a whole sentence clearly
  // wider than the cell's text, after a cell that ends no clause (…⇥个别群众对活动时间安排不满意⏎全年共开展科普活动36场，
  // 受益群众1.2万人次。), is the prose after the table
  if (lastCell !== '' && !BARE_FIGURE.test(lastCell)) {
    if (/[，,、；;：:（(“]$/.test(lastCell)) return false;
    // (a cell's wrapped line is never wider than its first, which filled the cell: a sentence clearly wider is the text
    // after the table, …⇥个别群众不满意⏎全年开展科普活动23场。)
    if (/[。！？!?]$/.test(t) && t.length >= 8 && emWidth(t) > emWidth(lastCell) + 2) return true;
    return t.length >= 15 && t.length >= lastCell.length + 6 && /[。！？!?]$/.test(t) && /[，,；;]/.test(t);
  }
  return !UNIT_START.test(t) && /[。；;！？!?]$|[，,；;。].*[\u4e00-\u9fa5]/.test(t);
}
/** A page's number alone under a row, prose right under it (`…⇥95.86%⏎3⏎全年共开展科普活动36场。`): the page's footer after
 *  the table, the text going on after it (a text cell wrapped, `…⇥延期至⏎3⏎月举办`, is no prose after a row). */
function numberOverProse(lines: Line[], t: number, row: Line): boolean {
  return pageNumberOnly(lines[t].text) && t + 1 < lines.length && proseAfterRow(row, lines[t + 1]);
}
/** A row line whose last cell is a heading of the report's top ranks (`自评报告⇥一、项目基本情况`, a form whose last cell
 *  holds the report): the report goes on after it, out of the table. */
function headingCellLast(row: Line): boolean {
  if (!hasInnerTab(row)) return false;
  return isHeadingLine(row.text.slice(row.text.lastIndexOf('\t') + 1).trim());
}
/** A line's width in CJK characters (ASCII letters and digits are half as wide). */
function emWidth(t: string): number {
  let w = 0;
  for (let i = 0; i < t.length; i++) w += t.charCodeAt(i) < 0x80 ? 0.5 : 1;
  return w;
}
const BARE_FIGURE = /^[≥≤<>]?\d+(?:\.\d+)?(?:%|分)?$/;

/**
 * A heading of the report's top ranks (第一部分, 一、, （一）; patterns/headings.yaml) opens the prose again: a table's last row
 * followed by `（三）年度主要工作` with no blank line between does not take it into its last cell.
 */
let headingStart: RegExp | null = null;
let figure: RegExp | null = null;
function isHeadingLine(t: string): boolean {
  const cfg = loadPatternFile<{ markers: { rank: number; regex: string }[]; figure_in_title: string }>('headings.yaml');
  headingStart ??= compile(
    cfg.markers
      .filter((m) => m.rank <= 2)
      .map((m) => `(?:${m.regex})`)
      .join('|'),
    '',
  );
  figure ??= compile(cfg.figure_in_title, '');
  // (a title: no sentence punctuation, no figure, a year allowed (（三）2023年度主要工作); （二）受益群众1万人次。 wrapped
  // out of a cell is the cell's)
  return headingStart.test(t) && !/[。；;，,]/.test(t) && !figure.test(t);
}

/** `headingEnds`: a heading line is no continuation (see isHeadingLine). A table dumped one cell per line (`\tcell`)
 *  has its cells' further paragraphs on lines of their own, which may start 一、 inside a cell: there only the lines
 *  after the table's last line are tested so. */
function isContinuation(l: Line, captionRe: RegExp, headingEnds = true, lines: Line[] = [], from = 0): boolean {
  const t = l.text.trim();
  if (CONTINUED.test(t) || (lines.length > 0 && continuedMark(lines, from, t))) return true;
  const bare = t.replace(/\s+/g, '');
  return t.length <= MAX_CONTINUATION && !TABLE_BREAK.test(t) && !captionRe.test(bare) && !tableVocab().captionNumber.test(bare) && !(headingEnds && isHeadingLine(t));
}

/** The report's signature opening at line `t` (a date alone, or an organisation's name alone over one): the text after a
 *  table, never a wrapped cell of its last row (patterns/tables.yaml signature_block). */
function signatureAt(lines: Line[], t: number, row: Line): boolean {
  const { date, org, orgDated } = tableVocab().signatureBlock;
  const here = lines[t].text.trim();
  if (orgDated.test(here)) return true;
  // a date alone only after a closed last cell (a figure, empty, a sentence's end): a text cell may wrap before its date
  // (…⇥延期至⏎2024年1月10日)
  if (date.test(here)) {
    const lastCell = row.text.slice(row.text.lastIndexOf('\t') + 1).trim();
    return lastCell === '' || BARE_FIGURE.test(lastCell) || /[。！？!?]$/.test(lastCell);
  }
  return t + 1 < lines.length && org.test(here) && date.test(lines[t + 1].text.trim());
}

/** Groups lines into blocks: tab lines plus the blank and short lines between them. */
function tabBlocks(lines: Line[]): { from: number; to: number }[] {
  const caption = tableVocab().caption;
  const blocks: { from: number; to: number }[] = [];
  let i = 0;
  while (i < lines.length) {
    if (!isTabLine(lines[i]) && !hasInnerTab(lines[i])) {
      i++;
      continue;
    }
    const from = i;
    let last = i; // last line that belongs to the block
    let j = i + 1;
    while (j < lines.length) {
      const l = lines[j];
      if (isTabLine(l) || hasInnerTab(l)) {
        last = j;
        j++;
        continue;
      }
      // a gap: blank runs of at most 3 and short lines, up to the next tab line
      let k = j;
      let blankRun = 0;
      let ok = true;
      while (k < lines.length && !isTabLine(lines[k]) && !hasInnerTab(lines[k])) {
        if (isBlank(lines[k])) {
          if (++blankRun > 3) ok = false;
        } else {
          blankRun = 0;
          // (a label's head numbered like a heading, 二、政府性基金预算财政拨⏎款收入⇥0.00⇥…, goes on into the row under it)
          const head = k === last + 1 && hasInnerTab(lines[last]) && labelHead(lines, k, lines.length - 1, lines[last].text.split('\t').map(squeeze));
          if (!head && ((!isContinuation(lines[k], caption, hasInnerTab(lines[last]), lines, from) && !repeatedCaption(lines, from, k)) || (k === last + 1 && proseAfterRow(lines[last], lines[k])))) ok = false;
        }
        if (!ok) break;
        k++;
      }
      if (ok && k < lines.length && !(k > j && isBlank(lines[k - 1]) && hasInnerTab(lines[k]) && titleRowLine(lines[k]))) {
        last = k;
        j = k + 1;
        continue;
      }
      // trailing lines glued to the last cell (no blank line in between) still belong to it; a unit statement
      // (`单位：万元` under the table) and a sentence after a row whose last cell is closed are the text after it
      let t = j;
      while (t < lines.length && !isBlank(lines[t]) && isContinuation(lines[t], caption) && !UNIT_LINE.test(lines[t].text.trim()) && !signatureAt(lines, t, lines[last]) && !(t === last + 1 && (proseAfterRow(lines[last], lines[t]) || headingCellLast(lines[last]) || numberOverProse(lines, t, lines[last])))) last = t++;
      break;
    }
    blocks.push({ from, to: last });
    i = last + 1;
  }
  return blocks;
}

/** One cell per line (`\tcell`), cell paragraphs on following lines; the dump of seeds 001/002. */
function parseCellLines(text: string, lines: Line[], from: number, to: number): TableCell[][] {
  const rows: TableCell[][] = [];
  let row: TableCell[] = [];
  // the open cell as two numbers (-1: none), not a span object whose `end` is rewritten (see cells.ts)
  let curStart = -1;
  let curEnd = -1;
  let blanks = 0;
  // a page's mark (or 续表, the caption again) after a blank line stood between two rows: the next cell opens a row,
  // however many blank lines the page's end left around it (`…⇥12⇥⏎⏎- 8 -⏎⏎⇥绩效指标⇥…`, the header repeated)
  let pageBreak = false;
  const flush = () => {
    if (curStart >= 0) row.push(cellOf(text, curStart, curEnd));
    curStart = -1;
  };
  for (let i = from; i <= to; i++) {
    const l = lines[i];
    // (a form feed alone on its line after a blank line: a page's end, as a page's mark there)
    if (FEED_ONLY.test(l.text)) {
      if (blanks > 0) pageBreak = true;
      continue;
    }
    if (isBlank(l)) {
      blanks++;
      continue;
    }
    // (…or its number alone, `⇥223.45⏎⏎3⏎⏎⇥其中：基本支出`, after a closed cell: see pageNumberLine)
    const open = curStart >= 0 ? text.slice(curStart, curEnd) : null;
    if (isMark(lines, from, l.text) || repeatedCaption(lines, from, i) || (!isTabLine(l) && pageNumberLine(lines, i, to, row.length + (open === null ? 0 : 1), open ?? '', isTabLine, false))) {
      if (blanks > 0) pageBreak = true;
      continue;
    }
    // (a page's first line, opened by pdftotext's form feed, after a blank line: as a page's mark there)
    if (blanks > 0 && l.text.startsWith('\f')) pageBreak = true;
    if (isTabLine(l)) {
      flush();
      // one blank line closes a row; two mean the cell ended with an empty paragraph (`标⏎⏎⏎\t一级指标`)
      if (row.length && (blanks === 1 || blanks >= 3 || (pageBreak && blanks > 0))) {
        rows.push(row);
        row = [];
      }
      curStart = l.start + TAB_LINE.exec(l.text)![0].length;
      curEnd = l.end;
    } else if (curStart >= 0) {
      curEnd = l.end;
    } else {
      curStart = l.start;
      curEnd = l.end;
    }
    blanks = 0;
    pageBreak = false;
  }
  flush();
  if (row.length) rows.push(row);
  return rows;
}

/** A level's name broken over lines (产出⏎指标, 社会效益⏎指标): the two pieces make one of the table's level words. */
function levelWord(a: string, b: string): boolean {
  const w = (a + b).replace(/\s+/g, '');
  const v = tableVocab();
  return a.trim() !== '' && b.trim() !== '' && (v.level1Words.includes(w) || v.level2Words.includes(w));
}

/** Line i has no tab and the next line (tabbed) opens with a cell that, with it, is a level's name or a total's label
 *  (总⏎分⇥⇥⇥⇥⇥100⇥95.75: the narrow label cell of the 总分 row wrapped, copied as text). */
function opensNextRow(text: string, lines: Line[], i: number, to: number): boolean {
  const next = lines[i + 1];
  if (!next || i + 1 > to || !next.text.includes('\t')) return false;
  const first = next.text.slice(0, next.text.indexOf('\t'));
  const total = lines[i].text.trim() !== '' && first.trim() !== '' && TOTAL_LABEL.test(squeeze(lines[i].text + first));
  return lines[i].text.trim().length <= 8 && (levelWord(lines[i].text, first) || total || totalOverItsRow(lines[i].text, first));
}
/** A total's label alone on its line over its row's figures (`总分⏎⇥⇥⇥⇥⇥100⇥96.5`: the label cell's text printed a line
 *  above the row, its cell left empty): the label is that empty first cell's. Not over a row opening with words (a row of
 *  its own) nor with a figure (`总分⏎100⇥96.5`: see labelOverFigures). */
function totalOverItsRow(line: string, first: string): boolean {
  return TOTAL_LABEL.test(squeeze(line)) && squeeze(first) === '';
}
/** A total's label alone on its line over a line of figures only (`总分⏎100⇥96.5`): a cell of its own opening that row. */
function labelOverFigures(lines: Line[], i: number, to: number): boolean {
  const next = lines[i + 1];
  if (!next || i + 1 > to || !next.text.includes('\t') || !TOTAL_LABEL.test(squeeze(lines[i].text))) return false;
  const cells = next.text.split('\t').map(squeeze);
  return cells[0] !== '' && cells.every((c) => c === '' || BARE_FIGURE.test(c));
}

const BARE_NUMBER = /^\d+(?:\.\d+)?$/;
/** An amount as a cell holds it (`2,949,512.33`, `２，９４９，５１２．３３`, `286.45`): no words wrap out of it. */
const AMOUNT_CELL = /^\d[\d,]*(?:\.\d+)?$/;
const amountCell = (t: string) => AMOUNT_CELL.test(foldDigits(squeeze(t)));
/** A line that is nothing but a unit broken off the figure above it (96⏎分, 1.2⏎万人次); not words opening with a measure
 *  word (本年收入, 年初结转, 次年…). */
const UNIT_ONLY = /^(?:%|‰|分|[万亿千]?元|万?人次?|万|次|场次?|个|份|篇|期次?|名|项|件|天|日|月|年|家|所|册|本|条|块)[。，,；;]?$/;
/** A cell no words wrap out of: a figure (`8.10`, `1,234.00`, `75%`), a dash or nothing. */
const CLOSED_CELL = /^(?:[\d,]+(?:\.\d+)?%?|[—\-–－/]+|)$/;
/** A label's ordinal (一、, 1., （一）, (1)) at its start. */
const ORDINAL_START = /^(?:[一二三四五六七八九十]+[、.．]|\d{1,2}[、.．](?!\d)|[（(][一二三四五六七八九十\d]{1,2}[)）])/;
/** A cell holding a figure or a dash (a statement's amount; 0.00 and — say nothing, but they are its figures). */
const FIGURE_CELL = /^(?:[\d,]+(?:\.\d+)?%?|[—\-–－]+)$/;

/**
 * Line i (no tab) is the head of the next row's label broken over two lines (`本年收入⏎合计⇥312.45⇥本年支出合计⇥313.52`,
 * `二、政府性基金预算财政拨⏎款收入⇥0.00⇥…`): the row above ends in a closed cell (a figure, a dash or an empty cell, which no
 * words wrap out of), the line is short with no sentence punctuation, the next line is a row of the table right under it
 * whose first cell is filled with words and no longer than the line (a wrapped cell's first line is the full one), and
 * that row holds a figure. A group's label over its rows (`收入⏎一般公共预算财政拨款收入⇥…`, `满意度指标⏎服务对象满意度⇥…`)
 * is shorter than the label under it: a row of its own.
 */
function labelHead(lines: Line[], i: number, to: number, prevCells: string[]): boolean {
  if (i + 1 > to) return false;
  const t = squeeze(lines[i].text);
  // right under the header (no figure in the row above) the line may be the header's last cell wrapped (…⇥偏差原因分析⏎
  // 及改进措施): only a label opening with its ordinal (一、一般公共预算财政拨⏎款收入⇥186.40⇥…) is the next row's
  const closed = CLOSED_CELL.test(prevCells[prevCells.length - 1] ?? '');
  if (!closed && (prevCells.some((c) => FIGURE_CELL.test(c)) || !ORDINAL_START.test(t))) return false;
  const next = lines[i + 1].text;
  if (t.length < 2 || t.length > 20 || /[。；;！？!?，,]/.test(t) || !next.includes('\t') || next.startsWith('\t')) return false;
  const cells = next.split('\t').map(squeeze);
  const first = cells[0];
  return first !== '' && first.length <= t.length && !/\d/.test(first) && cells.slice(1).some((c) => FIGURE_CELL.test(c));
}
/** a total row's label: the row of its own that closes a table (合计, 总分, 总计, 小计, 得分合计) */
const TOTAL_LABEL = /^(?:合\s*计|总\s*分|总\s*计|小\s*计|得分合计|综合得分|分值合计)$/;
/** What may wrap onto the next line after a number: its unit (5000⏎份, 96⏎分, 98.5⏎%). */
const UNIT_START = /^(?:%|‰|分|万|元|人|次|场|个|份|篇|期|名|项|件|天|日|月|年|家|所|册|本|条|块)/;

/**
 * One row per line, cells separated by tabs; lines without a tab continue the row above's last cell, or (`loose:
 * 'row'`, a table the reader put together from columns) are rows it could not read: a row without cells.
 */
function parseRowLines(text: string, lines: Line[], from: number, to: number, loose: 'continue' | 'row' = 'continue'): TableCell[][] {
  const rows: { start: number; end: number }[][] = [];
  // the line each row came from, -1 once a line without tabs continued its last cell
  const rowLine: number[] = [];
  // the start of a line that opens the next row's first cell (see opensNextRow), or -1
  let pending = -1;
  // a cell of its own on the line above the next row (see labelOverFigures), or null
  let labelCell: { start: number; end: number } | null = null;
  // the row a total's label alone on its line opened (see below), or -1
  let loneTotal = -1;
  for (let i = from; i <= to; i++) {
    const l = lines[i];
    if (isBlank(l) || isMark(lines, from, l.text) || repeatedCaption(lines, from, i)) continue;
    if (!l.text.includes('\t')) {
      // (a page's number alone between two rows, `…⇥98.52%⏎3⏎其中：基本支出⇥…`: no cell, no row; not a figure of a total's
      // row set one a line, 总分⏎100⏎96)
      const above = loneTotal === rows.length - 1 ? undefined : rows[rows.length - 1];
      if (above && pageNumberLine(lines, i, to, above.length, text.slice(above[above.length - 1].start, above[above.length - 1].end), hasInnerTab, true)) continue;
      if (loose === 'row') {
        const prev = rows[rows.length - 1];
        const unread = prev?.length === 1 && prev[0].start === prev[0].end;
        if (!unread) {
          rows.push([{ start: l.start, end: l.start }]); // one row without cells for a run of such lines
          rowLine.push(-1);
        }
        continue;
      }
      // 产出⏎指标⇥数量指标⇥…: the start of the next row's first cell, broken off it (with it, a level's name)
      if (opensNextRow(text, lines, i, to)) {
        pending = pending < 0 ? l.start : pending;
        continue;
      }
      // 总分⏎100⇥96.5: the label is a cell of its own before the figures' row
      if (pending < 0 && labelOverFigures(lines, i, to)) {
        labelCell = { start: l.start, end: l.end };
        continue;
      }
      const prev = rows[rows.length - 1];
      const bare = squeeze(l.text);
      // a total's label alone on its line is a row of its own, never the wrapped end of the cell above (…⇥个别活动延期⏎总分
      // is no note `个别活动延期总分`); its figures may follow one per line (总分⏎100⏎96.5), cells of that row
      if (prev && TOTAL_LABEL.test(bare)) {
        rows.push([{ start: l.start, end: l.end }]);
        rowLine.push(i);
        loneTotal = rows.length - 1;
        continue;
      }
      if (prev && loneTotal === rows.length - 1 && prev.length < 4 && BARE_FIGURE.test(foldDigits(bare))) {
        prev.push({ start: l.start, end: l.end });
        continue;
      }
      // 本年收入⏎合计⇥312.45⇥…: the head of the next row's label, see labelHead
      if (prev && labelHead(lines, i, to, prev.map((c) => squeeze(text.slice(c.start, c.end))))) {
        pending = pending < 0 ? l.start : pending;
        continue;
      }
      // a bare number (总分⇥100⇥⇥96) does not wrap into a line of words: 自评等级：优 under it is a row of its own; nor
      // does a first-level label alone on its line over a row (…⇥宣传不足⏎满意度指标⏎服务对象满意度⇥…: a merged 一级指标
      // cell printed on a line of its own, as PDF text gives it), nor a group's (项目⇥行次⇥金额⏎收入⏎一般公共预算…⇥1⇥186.40)
      // (nor an amount: `总计⇥61⇥2,949,512.33⏎2`, the page's number under a table's last row, is no part of the figure)
      if (prev && ((amountCell(text.slice(prev[prev.length - 1].start, prev[prev.length - 1].end)) && !UNIT_ONLY.test(l.text.trim()))
        || (i + 1 <= to && lines[i + 1].text.includes('\t') && (tableVocab().level1Words.includes(l.text.replace(/\s+/g, '')) || tableVocab().groupRow.test(l.text.replace(/\s+/g, '')))))) {
        rows.push([{ start: l.start, end: l.end }]);
        rowLine.push(i);
        continue;
      }
      // a unit line between rows (a form's field rows, `单位：万元`, then its budget block) is no cell's text: a row of its own,
      // which findTables takes out (innerUnit)
      if (prev && UNIT_LINE.test(l.text.trim())) {
        rows.push([{ start: l.start, end: l.end }]);
        rowLine.push(i);
        continue;
      }
      if (prev) {
        // a new object, not a rewrite of `end`: a field written after creation is made mutable for every span (V8)
        prev[prev.length - 1] = { start: prev[prev.length - 1].start, end: l.end };
        rowLine[rowLine.length - 1] = -1;
      }
      continue;
    }
    const cells: { start: number; end: number }[] = labelCell ? [labelCell] : [];
    labelCell = null;
    let s = pending >= 0 ? pending : l.start;
    pending = -1;
    for (let p = l.start; p <= l.end; p++) {
      if (p === l.end || text[p] === '\t') {
        cells.push({ start: s, end: p });
        s = p + 1;
      }
    }
    rows.push(cells);
    rowLine.push(i);
  }
  if (loose === 'continue') joinBrokenRows(text, rows, rowLine);
  return rows.map((r) => r.map((c) => cellOf(text, c.start, c.end)));
}

/**
 * A cell with a line break inside it splits its row over two lines (`产出指标⇥数量指标⇥举办青少年科技⏎创新大赛⇥1次⇥1次⇥10⇥10`,
 * `⇥⇥发放科普资料⇥≥5000⏎份⇥5200份⇥10⇥10`): two consecutive lines whose cells make exactly the table's width with the
 * broken cell counted once, both sides of the break filled, are one row. Rows that lost their empty leading cells
 * (right-aligned) are short too, but two of them never add up to the width with one cell less. The width is the
 * commonest row length, both lines must be shorter than it, and the row above them must be a full one. Where the last
 * column is empty in most full rows (偏差原因), the last piece may have lost that empty cell: one cell less, ending in a
 * bare number (a score), also makes the row. A line opening with a total's label (合计, 总分) is never a piece.
 */
function joinBrokenRows(text: string, rows: { start: number; end: number }[][], rowLine: number[]): void {
  // the table's width: the commonest row length (a block may hold parts of other widths: 基础数据表)
  const counts = new Map<number, number>();
  for (const r of rows) if (r.length >= 2) counts.set(r.length, (counts.get(r.length) ?? 0) + 1);
  let width = 0;
  for (const [w, n] of counts) if (n > (counts.get(width) ?? 0) || (n === counts.get(width) && w > width)) width = w;
  const filled = (c: { start: number; end: number }) => /\S/.test(text.slice(c.start, c.end));
  // a trailing column mostly empty in the full rows (偏差原因): a broken row's last piece may have lost that empty cell
  const full = rows.filter((x) => x.length === width);
  const emptyLast = full.length >= 2 && full.filter((x) => !filled(x[x.length - 1])).length * 2 >= full.length;
  for (let r = 0; r + 1 < rows.length; r++) {
    const a = rows[r];
    // (the row above is one of the table's full rows: a caption-like first row over a header is no broken row)
    if (r === 0 || rows[r - 1].length !== width) {
      if (r > 0 && joinBrokenUnder(text, rows, rowLine, r, filled)) continue;
      joinBrokenHeader(text, rows, rowLine, r, width, filled);
      continue;
    }
    // (a row broken at two cells spans three lines: ⇥⇥举办青少年科技⏎创新大赛⇥≥5000⏎份⇥5200份⇥10⇥10)
    for (let k = 2; k <= 3 && r + k <= rows.length; k++) {
      const part = rows.slice(r, r + k);
      if (rowLine[r] < 0 || part.some((x, i) => x.length < 2 || x.length >= width || (i > 0 && rowLine[r + i] !== rowLine[r + i - 1] + 1))) break;
      const joined = part.reduce((n, x) => n + x.length, 0) - (k - 1);
      const tail = part[k - 1][part[k - 1].length - 1];
      if (joined !== width && !(joined === width - 1 && emptyLast && BARE_NUMBER.test(text.slice(tail.start, tail.end).trim()))) continue;
      if (!part.every((x, i) => i === 0 || breakOk(part[i - 1], x))) break;
      for (let i = 1; i < k; i++) {
        a[a.length - 1] = { start: a[a.length - 1].start, end: part[i][0].end }; // a new object: see parseRowLines
        a.push(...part[i].slice(1));
      }
      rows.splice(r + 1, k - 1);
      rowLine.splice(r + 1, k - 1);
      rowLine[r] = -1; // a row joined once is whole
      break;
    }
  }
  /** Two pieces of one row broken between a's last cell and b's first: both sides filled, and not a row ending in a
   *  score (…⇥10⇥10) over one opening with a label (满意度指标⇥…): two short rows, not one broken */
  function breakOk(a: { start: number; end: number }[], b: { start: number; end: number }[]): boolean {
    if (!filled(a[a.length - 1]) || !filled(b[0])) return false;
    const last = text.slice(a[a.length - 1].start, a[a.length - 1].end).trim();
    const next = text.slice(b[0].start, b[0].end).trim();
    // (a total's row opens with its label: 说明⇥本表按百分制评分⏎合计⇥⇥⇥⇥100⇥98 are two rows)
    if (TOTAL_LABEL.test(next)) return false;
    // (but a number's unit broken off it opens the next line: …⇥6200⏎份⇥10⇥10; an amount or a rate ends its cell too,
    // `合计⇥2,846,512.33⇥…⇥480,000.00⏎206⇥科学技术支出⇥…` are a 合计 row that lost its empty cells and the next row)
    if (/^\d[\d,]*(?:\.\d+)?[%％]$/.test(last) && /^\d/.test(next)) return false;
    return !((/^\d[\d,]*(?:\.\d+)?分?$/.test(last) && !(/^\d[\d,]*(?:\.\d+)?$/.test(last) && next.length <= 2 && UNIT_START.test(next))) || (/指标$/.test(next) && !levelWord(last, next)));
  }
}

/**
 * A header row broken over two to four lines by line breaks inside its cells (`一级指标⇥二级指标⇥三级指标⇥年度⏎指标值⇥实际⏎
 * 完成值⇥分值⇥得分⇥…`): consecutive lines, each shorter than the table's width, whose cells make exactly that width with each
 * broken cell counted once and filled on both sides of each break, are one row when three or more of the joined cells are
 * the indicator header's words (一级指标, 年度指标值, 实际完成值, 分值, 得分 …). Where no full row stands above (the table's top),
 * where joinBrokenRows does not look.
 */
/** a piece of a cell broken mid-text: it ends in a comma or a word, not a sentence's end */
const OPEN_END = /[，,、；;：:\u4e00-\u9fa5]$/;
/**
 * A row under a block's own header narrower than the table (`年度总体目标⇥预期目标⇥实际完成情况` in a 9-column 自评表) broken
 * by line breaks inside its cells: `⇥奖补农技协6个，⏎带动农民增收。⇥奖补农技协6个，⏎带动增收明显。` is one row of three cells.
 * The header's cells are all words; the first piece opens with the merged label's empty cell, ends mid-text, and is right
 * above the second; the pieces make the header's width with the broken cell counted once; the second opens with no
 * total's or level's label.
 */
function joinBrokenUnder(text: string, rows: { start: number; end: number }[][], rowLine: number[], r: number, filled: (c: { start: number; end: number }) => boolean): boolean {
  const head = rows[r - 1];
  const a = rows[r];
  const b = rows[r + 1];
  const w = head.length;
  if (!b || w < 3 || rowLine[r] < 0 || a.length < 2 || b.length < 2 || a.length + b.length - 1 !== w) return false;
  const cell = (c: { start: number; end: number }) => squeeze(text.slice(c.start, c.end));
  if (!head.every((c) => filled(c) && !/\d/.test(cell(c)))) return false;
  if (filled(a[0]) || !OPEN_END.test(cell(a[a.length - 1])) || !filled(b[0])) return false;
  const next = cell(b[0]);
  if (TOTAL_LABEL.test(next) || /指标$/.test(next) || /\S/.test(text.slice(a[a.length - 1].end, b[0].start))) return false;
  a[a.length - 1] = { start: a[a.length - 1].start, end: b[0].end }; // a new object: see parseRowLines
  a.push(...b.slice(1));
  rows.splice(r + 1, 1);
  rowLine.splice(r + 1, 1);
  rowLine[r] = -1;
  return true;
}

function joinBrokenHeader(text: string, rows: { start: number; end: number }[][], rowLine: number[], r: number, width: number, filled: (c: { start: number; end: number }) => boolean): void {
  const cols = tableVocab().indicatorColumns;
  for (let k = 2; k <= 4 && r + k <= rows.length; k++) {
    const part = rows.slice(r, r + k);
    if (part.some((x, i) => x.length >= width || x.length < 1 || (i > 0 && (rowLine[r + i] < 0 || rowLine[r + i] !== rowLine[r + i - 1] + 1)))) return;
    if (rowLine[r] < 0 || part.reduce((n, x) => n + x.length, 0) - (k - 1) !== width) continue;
    if (part.some((x, i) => i > 0 && (!filled(part[i - 1][part[i - 1].length - 1]) || !filled(x[0])))) return;
    // the joined cells: each line's last cell runs on into the next line's first
    const joined: { start: number; end: number }[] = [];
    for (const [i, x] of part.entries()) {
      const cells = x.slice();
      if (i > 0) joined[joined.length - 1] = { start: joined[joined.length - 1].start, end: cells.shift()!.end };
      joined.push(...cells);
    }
    const words = joined.filter((c) => {
      const w = squeeze(text.slice(c.start, c.end));
      return cols.some((x) => x.re.test(w));
    }).length;
    if (words < 3) return;
    rows.splice(r, k, joined);
    rowLine.splice(r, k, -1);
    return;
  }
}

/**
 * Tab-indented paragraphs are not a table: a grid has at least two rows of two filled cells, and most of its
 * cells are short.
 */
function looksLikeGrid(rows: TableCell[][]): boolean {
  const filled = rows.flat().filter((c) => c.text);
  if (rows.filter((r) => r.filter((c) => c.text).length >= 2).length < 2) return false;
  const long = filled.filter((c) => c.text.replace(/\s+/g, '').length > LONG_CELL).length;
  return long * 10 < filled.length * 3;
}
const LONG_CELL = 60;

function tableSpan(rows: TableCell[][], fallback: Span): Span {
  let start = Infinity;
  let end = -Infinity;
  for (const r of rows)
    for (const c of r) {
      start = Math.min(start, c.start);
      end = Math.max(end, c.end);
    }
  return Number.isFinite(start) ? { start: Math.min(start, fallback.start), end: Math.max(end, fallback.start) } : fallback;
}

/**
 * Tab-separated tables in the text. `fixed`: tables the reader rebuilt from columns of spaces, each read as one
 * table of its lines (a line without a tab: a row it could not read); other tab lines are grouped as usual.
 */
export function tsvTables(text: string, lines = textLines(text), fixed: Span[] = []): Table[] {
  const out: Table[] = [];
  const add = (from: number, to: number, rows: TableCell[][], rowMode = false) => {
    // a form's last cell opening the report (自评报告⇥一、项目基本情况, prose after it): the heading is the report's, the
    // table ends before it
    const lastRow = rows[rows.length - 1];
    if (rowMode && lastRow && lastRow.length >= 2 && lastRow[lastRow.length - 1].start >= lines[to].start && headingCellLast(lines[to])) {
      // (the report's first heading, 一、/（一）/第一部分, with its second further on: 二、/（二）/第二部分 on a line of its own)
      const cell = lines[to].text.slice(lines[to].text.lastIndexOf('\t') + 1).trim();
      const first = /^(?:(第)一(部分)|一([、.．])|([(（])一([)）]))/.exec(cell);
      const second = first ? new RegExp(`^\\s*(?:${first[1] ? '第二部分' : first[3] ? '二[、.．]' : '[(（]二[)）]'})`) : null;
      const next = lines.slice(to + 1).find((l) => !isBlank(l));
      if (next && second && !next.text.includes('\t') && lines.slice(to + 1).some((l) => second.test(l.text))) rows = [...rows.slice(0, -1), lastRow.slice(0, -1)];
    }
    if (!rows.length || !looksLikeGrid(rows)) return;
    const span = tableSpan(rows, { start: lines[from].start, end: lines[to].end });
    out.push({ start: lines[from].start, end: span.end, rows, origin: 'tsv' });
  };
  // the lines outside the fixed tables, in runs
  let runFrom = 0;
  const runs: [number, number][] = [];
  for (const f of fixed) {
    const from = lines.findIndex((l) => l.start >= f.start);
    if (from < 0) continue;
    let to = from;
    while (to + 1 < lines.length && lines[to + 1].start < f.end) to++;
    if (from > runFrom) runs.push([runFrom, from - 1]);
    runFrom = to + 1;
    const rows = parseRowLines(text, lines, from, to, 'row');
    if (rows.length && looksLikeGrid(rows)) out.push({ start: lines[from].start, end: lines[to].end, rows, origin: 'tsv' });
  }
  runs.push([runFrom, lines.length - 1]);
  out.push(...pipeTables(text, lines));
  out.push(...csvTables(text, lines));
  for (const [a, b] of runs) {
    if (a > b) continue;
    const part = lines.slice(a, b + 1);
    for (const blk of tabBlocks(part)) {
      let [from, to] = [a + blk.from, a + blk.to];
      // a title or unit line set out with a tab over the table (支出决算表⇥单位：元) is its caption, no row of it
      while (from < to && hasInnerTab(lines[from]) && formLineSays(text.slice(lines[from].start, lines[from].end))) from++;
      const tabLines = lines.slice(from, to + 1).filter((l) => l.text.includes('\t'));
      const rowMode = tabLines.filter(hasInnerTab).length * 2 > tabLines.length;
      add(from, to, rowMode ? parseRowLines(text, lines, from, to) : parseCellLines(text, lines, from, to), rowMode);
    }
  }
  return out.sort((x, y) => x.start - y.start);
}

/**
 * Markdown pipe tables (a report converted by markitdown or pandoc and pasted into an archive): `| 项目 | 预算数 |` over
 * `|---|---:|` and one row a line. Only a header row followed by its delimiter row (GFM: as many cells, each nothing
 * but dashes with optional colons) opens one, so prose with a `|` in it, or a title whose parts a `|` sets apart, is no
 * table. The delimiter row is no row; the table ends at the first line without a `|` (a blank line included). Cells
 * are the text between unescaped pipes (`\|` stays in its cell), trimmed; the outer pipes are optional.
 */
const PIPE_DELIM = /^[ \u00a0\u3000]*\|?[ \u00a0]*:?-+:?[ \u00a0]*(?:\|[ \u00a0]*:?-+:?[ \u00a0]*)+\|?[ \u00a0\u3000]*$/;
function pipeCells(text: string, l: Line): TableCell[] {
  const cuts: number[] = [];
  for (let p = l.start; p < l.end; p++) if (text[p] === '|' && text[p - 1] !== '\\') cuts.push(p);
  const first = trimSpan(text, l.start, l.end);
  // the outer pipes close no cell: a row's text before its first pipe or after its last is a cell only when not blank
  const bounds = [l.start - 1, ...cuts, l.end];
  const out: TableCell[] = [];
  for (let k = 0; k + 1 < bounds.length; k++) {
    const [a, b] = [bounds[k] + 1, bounds[k + 1]];
    if ((k === 0 && cuts[0] === first.start) || (k === bounds.length - 2 && cuts[cuts.length - 1] === first.end - 1)) continue;
    out.push(cellOf(text, a, b));
  }
  return out;
}
// A row boxed in pipes at both ends (`|编制数 |实有人数|`): antiword draws a Word table's rows so, with no delimiter row.
const BOXED = /^[ \u00a0\u3000]*\|[^\t]*\|[ \u00a0\u3000]*$/;
export function pipeTables(text: string, lines: Line[]): Table[] {
  const out: Table[] = [];
  for (let i = 0; i + 1 < lines.length; i++) {
    const head = lines[i];
    const boxed = boxedRows(text, lines, i);
    if (boxed) {
      if (looksLikeGrid(boxed.rows)) out.push({ start: head.start, end: lines[boxed.end - 1].end, rows: boxed.rows, origin: 'tsv' });
      i = boxed.end - 1;
      continue;
    }
    if (!head.text.includes('|') || head.text.includes('\t') || !PIPE_DELIM.test(lines[i + 1].text)) continue;
    const header = pipeCells(text, head);
    if (header.length < 2 || header.length !== pipeCells(text, lines[i + 1]).length) continue;
    const rows = [header];
    let j = i + 2;
    // (a row of a table with outer pipes opens with one too: a sentence with a `|` right under it is prose)
    const outer = head.text.trimStart().startsWith('|');
    for (; j < lines.length && lines[j].text.includes('|') && !lines[j].text.includes('\t') && (!outer || /^[ \u00a0\u3000]*\|/.test(lines[j].text)); j++) rows.push(pipeCells(text, lines[j]));
    if (rows.length >= 2 && looksLikeGrid(rows)) out.push({ start: head.start, end: lines[j - 1].end, rows, origin: 'tsv' });
    i = j - 1;
  }
  return out;
}

/**
 * Rows boxed in pipes (antiword's text of a Word table): two or more lines in a row, each opening and closing with a
 * `|`, with as many cells (two or more) and no delimiter row under the first. A line with one pipe at each end only,
 * or rows whose counts differ, is no such table.
 */
function boxedRows(text: string, lines: Line[], i: number): { rows: TableCell[][]; end: number } | null {
  if (!BOXED.test(lines[i].text) || !BOXED.test(lines[i + 1].text) || PIPE_DELIM.test(lines[i + 1].text)) return null;
  const rows = [pipeCells(text, lines[i])];
  if (rows[0].length < 2) return null;
  let j = i + 1;
  for (; j < lines.length && BOXED.test(lines[j].text) && !PIPE_DELIM.test(lines[j].text); j++) {
    const cells = pipeCells(text, lines[j]);
    if (cells.length !== rows[0].length) break;
    rows.push(cells);
  }
  return rows.length >= 2 ? { rows, end: j } : null;
}

/** A table with the unit stated outside its cells (a `单位：元` line under the title, or in the title). */
export interface UnitTable extends Table {
  unitLine?: string;
}

/**
 * The title line just above a table (`2022年度项目支出绩效自评表`, `附件一：` removed) and a unit stated between
 * the title and the table or at the end of the title (`单位：万元`, `（万元）`).
 */
export function captionBefore(text: string, lines: Line[], offset: number): { caption?: string; unit?: string } {
  const v = tableVocab();
  let idx = lines.findIndex((l) => l.end >= offset) - 1;
  if (idx < -1) idx = lines.length - 1;
  let seen = 0;
  let unit: string | undefined;
  for (let i = idx; i >= 0 && seen < v.captionLinesBack; i--) {
    const l = lines[i];
    if (l.start >= offset) continue;
    const lt = text.slice(l.start, l.end);
    let t = squeeze(lt);
    if (lt.includes('\t')) {
      // a form's line over the table, its parts set apart by a wide gap, is not a row of it
      const f = formLine(lt);
      if (!f) break;
      unit ??= f.unit;
      if (!f.title) {
        if (f.unit) seen++;
        continue;
      }
      t = f.title;
    }
    if (!t || v.captionNumber.test(t)) continue; // 公开01表: the table's number, not its title
    // the sentence right above that opens the table, its unit in brackets (`具体情况如下表（单位：万元）：`)
    const intro = seen === 0 && !lt.includes('\t') ? t.match(INTRO_UNIT) : null;
    if (intro) unit ??= `单位：${intro[1] ?? intro[2]}`;
    seen++;
    const u = t.match(UNIT_AT_END);
    if (u && v.unitHeader.test(u[0])) {
      unit ??= u[0];
      t = t.slice(0, u.index);
      if (!t) continue;
    }
    if (v.caption.test(t)) return { caption: t.replace(v.captionStrip, '') || undefined, unit: unit ?? unitOverCaption(text, lines, i) };
  }
  return { unit };
}

/**
 * A unit line right over a table's caption (`单位：万元⏎“三公”经费支出决算表⏎项目⇥预算数⇥决算数`, none between the caption and the
 * table): the table's, as a unit line over the next table's caption is (see unitAfter). Not one right under another table's
 * last row: that may be its own, written under it.
 */
function unitOverCaption(text: string, lines: Line[], captionAt: number): string | undefined {
  const prev = (i: number) => {
    let j = i - 1;
    while (j >= 0 && isBlank(lines[j])) j--;
    return j;
  };
  const u = prev(captionAt);
  if (u < 0 || captionAt - u > 2) return undefined;
  const m = text.slice(lines[u].start, lines[u].end).trim().match(UNIT_LINE);
  if (!m) return undefined;
  const above = prev(u);
  if (above >= 0 && text.slice(lines[above].start, lines[above].end).includes('\t')) return undefined;
  return `单位：${m[1]}`;
}

/**
 * A line above a table whose parts are set apart by wide gaps (\t) but that is no row of it: the title with the
 * table's number (`收入支出决算总表 ⇥ 公开01表`), or the unit with short labels (`部门：某县科协 ⇥ 金额单位：元`). At most
 * three parts; table numbers and one unit statement are taken out; what is left is one title line (caption regex),
 * or nothing but short labels without a figure next to a unit. Anything else (null) may be a table row.
 */
/** A form line (see formLine) that states the table's title or unit. */
function formLineSays(line: string): boolean {
  const f = formLine(line);
  return !!f && (f.title !== undefined || f.unit !== undefined);
}

const UNIT_PART = /^[（(]?(金额)?单位[:：](?:人民币)?(万元|元|千元|亿元|万)[）)]?$/;
function formLine(line: string): { title?: string; unit?: string } | null {
  const v = tableVocab();
  const parts = line.split('\t').map(squeeze).filter(Boolean);
  if (parts.length > 3) return null;
  const units = parts.filter((p) => UNIT_PART.test(p));
  if (units.length > 1) return null;
  const rest = parts.filter((p) => !UNIT_PART.test(p) && !v.captionNumber.test(p));
  if (rest.length === parts.length) return null; // neither a number nor a unit: nothing says it is a form line
  const unit = units[0];
  if (rest.length === 1 && v.caption.test(rest[0])) return { title: rest[0], unit };
  if (rest.every((p) => p.length <= 30 && !/\d[\d,]*\.\d/.test(p)) && unit) return { unit };
  return rest.length ? null : {};
}

/** A line ending in a colon that states the unit of what follows in brackets (`…如下表（单位：万元）：`, `…（万元）如下：`). */
const INTRO_UNIT = /[（(](?:金额)?单位[:：](?:人民币)?(万元|元|千元|亿元)[）)](?:如下)?[:：]$|[（(](万元|元|千元|亿元)[）)](?:如下)?[:：]$/;
const UNIT_AT_END = /[（(]?(金额)?单位[:：][^）)]*[）)]?$|[（(](万元|元|千元|亿元)[）)]$/;

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

/**
 * The unit stated on the line under a table (`单位：万元`, `注：本表金额单位为元`; at most one blank line between), when no
 * table starts within three lines after it: that line is then the next table's, stated over it.
 */
export function unitAfter(text: string, lines: Line[], end: number, nextStart: number): string | undefined {
  let i = lines.findIndex((l) => l.end >= end);
  if (i < 0) return undefined;
  let blanks = 0;
  for (i++; i < lines.length && lines[i].start < nextStart; i++) {
    const t = text.slice(lines[i].start, lines[i].end).trim();
    if (!t) {
      if (++blanks > 1) return undefined;
      continue;
    }
    const m = t.match(UNIT_LINE);
    if (!m) return undefined;
    let seen = 0;
    for (let k = i + 1; k < lines.length && seen < 3; k++) {
      if (lines[k].start >= nextStart) return undefined;
      if (text.slice(lines[k].start, lines[k].end).trim()) seen++;
    }
    return `单位：${m[1]}`;
  }
  return undefined;
}

/**
 * A text table split over pages with its header row repeated on the next page (a PDF's text: page 1 ends, the page's
 * number dropped, the header again and the rest): the part after the break is the same table. Joined when nothing but
 * blank lines and form feeds stand between the two and the second opens with the first's header row (three or more
 * cells, equal without whitespace); the repeated header is no row of it. So the 总分 row on the second page belongs
 * to the captioned table.
 */
function joinRepeatedHeader(text: string, tables: Table[]): Table[] {
  const out: Table[] = [];
  const sig = (r: TableCell[] | undefined) => (r ? r.map((c) => squeeze(c.text)).join('\t') : '');
  for (const t of tables) {
    const prev = out[out.length - 1];
    if (prev && prev.origin === 'tsv' && t.origin === 'tsv' && prev.rows[0]?.filter((c) => c.text).length >= 3 && sig(prev.rows[0]) === sig(t.rows[0]) && /^[\s\f]*$/.test(text.slice(prev.end, t.start))) {
      out[out.length - 1] = { ...prev, end: t.end, rows: [...prev.rows, ...t.rows.slice(1)] };
      continue;
    }
    out.push(t);
  }
  return out;
}

/**
 * A table's own title and unit written in its first rows (a portal page's or a Word form's row merged across the table:
 * `收入支出决算总表`, then `部门：某县科协 ⇥ 单位：万元` or `单位：万元`): its caption and unit, and no rows of it. Only rows
 * at the top, at most three, whose one text (a merged cell written once or repeated) is a title (caption words, at least
 * four characters, no figure; a unit at its end taken as the unit) or a bracketed year, or whose parts make a form line
 * with a unit (see formLine). Anything else ends them; a table needs two rows left.
 */
function ownTitleRows(t: Table, display: string): { caption?: string; unit?: string; n: number } {
  let caption: string | undefined;
  let unit: string | undefined;
  let n = 0;
  for (; n < 3 && t.rows.length - n > 2; n++) {
    // (the folded text, as for a caption line: 收入支出決算總表 in a traditional copy names the statement)
    const texts = [...new Set(t.rows[n].filter((c) => !c.merged && c.text).map((c) => squeeze(display.slice(c.start, c.end))))].filter(Boolean);
    if (!texts.length) break;
    if (texts.length === 1 && OWN_YEAR_ROW.test(texts[0])) continue;
    const title = texts.length === 1 && !caption ? titleText(texts[0]) : null;
    if (title) {
      caption = title.caption;
      unit ??= title.unit;
      continue;
    }
    const f = texts.length <= 3 ? formLine(texts.join('\t')) : null;
    if (f?.unit && !f.title) {
      unit ??= f.unit;
      continue;
    }
    break;
  }
  return caption || unit ? { caption, unit, n } : { n: 0 };
}
/** A table's title written in one of its rows (see ownTitleRows): caption words, at least four characters, no figure. */
function titleText(text: string): { caption: string; unit?: string } | null {
  const v = tableVocab();
  let c = squeeze(text);
  if (/\d[\d,]*\.\d/.test(c)) return null;
  const u = c.match(UNIT_AT_END);
  const unit = u && v.unitHeader.test(u[0]) ? u[0] : undefined;
  if (unit) c = c.slice(0, u!.index);
  c = c.replace(v.captionStrip, '');
  return c.length >= 4 && v.caption.test(c) && !/^附表/.test(c) ? { caption: c, unit } : null;
}
/** A dump's line that is a title row (one filled cell naming a table, `“三公”经费支出决算表⇥⇥`): after a blank line it opens
 *  the next table, not a row of the one above */
function titleRowLine(l: Line): boolean {
  const filled = l.text.split('\t').filter((c) => c.trim());
  return filled.length === 1 && titleText(filled[0]) !== null;
}
/** `（2023年度）` under a form's title */
const OWN_YEAR_ROW = /^[（(]?(?:19|20)\d{2}年度?[）)]?$/;

/**
 * A unit line between a table's rows (`部门（单位）名称⇥某县科协⏎单位：万元⏎年度预算执行情况⇥年初预算数⇥…`: the form's field rows, then
 * the unit of its budget block): the row is taken out, and its unit is the table's when no row above it holds a figure
 * (the rows above are no money it could be wrong for) and the table has no other unit line; else (two, or figures above)
 * undefined.
 */
const BARE_AMOUNT = /^\d[\d,]*(?:\.\d+)?$/;
const unitOf = (s: string) => /(万元|千元|亿元|元)/.exec(s)?.[1];
function innerUnit(norm: string, t: Table): string | undefined {
  const at: number[] = [];
  t.rows.forEach((r, i) => {
    if (i > 0 && r.length === 1 && UNIT_LINE.test(norm.slice(r[0].start, r[0].end).trim())) at.push(i);
  });
  if (!at.length) return undefined;
  const units = at.map((i) => norm.slice(t.rows[i][0].start, t.rows[i][0].end).trim().match(UNIT_LINE)![1]);
  const figures = t.rows.slice(0, at[0]).some((r) => r.some((c) => BARE_AMOUNT.test(norm.slice(c.start, c.end).trim())));
  t.rows = t.rows.filter((_, i) => !at.includes(i));
  return at.length === 1 && !figures ? `单位：${units[0]}` : undefined;
}

/** Structure stage: fills doc.tables (Word tables kept, text tables added) and excludes their regions. */
export function findTables(doc: KDocument): void {
  const v = tableVocab();
  const lines = doc.lines.length ? doc.lines : textLines(doc.text);
  const given = doc.tables.filter((t) => t.rows.length);
  // (a text file's form feeds give pages too, but its lines are not the PDF reader's)
  const isPdf = /pdf/i.test(doc.format);
  // grids are found on the folded copy (traditional script, full-width forms), then carry the text's own characters
  const norm = doc.norm.length === doc.text.length ? doc.norm : doc.text;
  // PDF text marks wide gaps with tabs too, but its rows are visual lines: it has its own reader
  // page furniture (a browser's header and footer between pages, `file:///…⇥1/2`, a running title) is no line of a table:
  // its tabs made a table of two lines that took the next line of prose into it
  const furniture = doc.excluded.filter((x) => x.reason === 'page furniture');
  // (a page's number alone is kept: between a dump's rows it is the page break that closes the row above, see
  // parseCellLines; tested folded, 第6頁 共8頁 in a traditional copy)
  const tsvLines = furniture.length ? lines.filter((l) => PAGE_MARK.test(norm.slice(l.start, l.end)) || !furniture.some((x) => l.start >= x.start && l.end <= x.end)) : lines;
  // (the lines' own text folded too: 續表 and 單位：元 in a traditional copy are the marks and unit lines they are; a line
  // of spaces keeps its own, as a full-width one is a cell's paragraph, see isBlank)
  const foldedLines = norm === doc.text ? tsvLines : tsvLines.map((l) => (l.text.trim() === '' ? l : { start: l.start, end: l.end, text: norm.slice(l.start, l.end) }));
  let found = isPdf ? [] : tsvTables(norm, foldedLines, doc.layoutTables).filter((t) => !given.some((g) => overlaps(g, t)));
  // (a contents page whose entries end in a tab and a page number is no table, its entries the contents: contentsTables.ts)
  found = found.filter((t) => {
    const entries = contentsEntries(norm, lines, t);
    if (entries) doc.excluded.push({ ...entries, reason: 'toc' });
    return !entries;
  });
  if (!given.length && isPdf) {
    const pdf = pdfTablesDetailed(norm, lines, doc.pages?.map((p) => p.start) ?? []);
    found = pdf.tables;
    for (const [t, n] of pdf.skipped) {
      doc.messages.push({
        ruleId: 'table_rows_unread',
        reason: `${t.caption ?? 'a table'}: ${n} indicator row(s) of the PDF text could not be split into cells and are left out`,
        place: { start: t.start, end: t.end },
      });
    }
  }
  // a money table copied one cell per line, where no grid was found
  // (a 绩效指标 block so copied first: the goals block above it ends where it begins)
  found.push(...indicatorBlockLines(norm, foldedLines, [...given, ...found]));
  // (a statement by 功能分类科目 first: its rows are known by their codes, where the generic reader counts cells)
  found.push(...subjectTableLines(norm, foldedLines, [...given, ...found]));
  // (a goals block laid out in columns of spaces that the reader left as lines)
  found.push(...spacedGoalLines(norm, foldedLines, [...given, ...found]));
  // (…or set out as label rows so laid out: 年度总体目标      开展科普活动30场，…)
  found.push(...spacedGoalLabelRows(norm, foldedLines, [...given, ...found]));
  // (…and an indicator block so left: its lines are the form's, its 总分 row read where its figures stand)
  found.push(...spacedIndicatorLines(norm, foldedLines, [...given, ...found]));
  // (…and a target-only indicator table typed with spaces: 指标名称      目标值⏎科普活动场次      ≥20场)
  found.push(...spacedTargetLines(norm, foldedLines, [...given, ...found]));
  // (…and a form whose header cells are wrapped and set one space apart: its budget and 总分 rows)
  found.push(...wrappedHeaderLines(norm, foldedLines, [...given, ...found]));
  // (…and a small money table pasted with its cells one space apart: 资金来源 预算数 实际支出⏎中央资金 10 9.5⏎…)
  found.push(...spacedRowTables(norm, foldedLines, [...given, ...found]));
  found.push(...cellLineTables(norm, foldedLines, [...given, ...found]));
  // (a staffing header so copied, its counts one a line under it)
  found.push(...staffingBlockLines(norm, foldedLines, [...given, ...found]));
  // a table inside a repeated copy of the report is the same table again
  const inCopy = (t: Table) => doc.excluded.some((x) => x.reason === 'repeated copy' && t.start >= x.start && t.end <= x.end);
  // a new cell, not `c.text = …`: lines share the cells' hidden class, and a rewritten field would turn mutable for
  // every line too (V8), dropping the optimised code that reads them
  for (const t of found)
    for (const r of t.rows)
      for (let i = 0; i < r.length; i++) {
        const c = r[i];
        if (norm.slice(c.start, c.end) === c.text) r[i] = { start: c.start, end: c.end, text: doc.text.slice(c.start, c.end) };
      }
  const all = joinRepeatedHeader(norm, [...given, ...found].filter((t) => !inCopy(t)).sort((a, b) => a.start - b.start));
  const display = doc.display?.length === doc.text.length ? doc.display : doc.text;
  // (the caption's unit read as the matching copy reads it: an OCR copy's 单位：万兀 is 万元)
  const captions = foldOcrYuan(display);
  for (let ti = 0; ti < all.length; ti++) {
    const t = all[ti] as UnitTable;
    const { caption, unit: above } = captionBefore(captions, lines, t.start);
    // (a title row inside the table names it, not a line above, which may be the part's heading: 第二部分 2023年度部门决算表)
    const own = ownTitleRows(t, display);
    if (own.n) t.rows = t.rows.slice(own.n);
    const inner = innerUnit(norm, t);
    // (a unit line inside the table that another, over it, contradicts: which holds is not known)
    const outer = own.unit ?? above;
    const clash = inner !== undefined && outer !== undefined && unitOf(inner) !== unitOf(outer);
    const unit = clash ? undefined : outer ?? inner ?? unitAfter(norm, lines, t.end, all[ti + 1]?.start ?? Infinity);
    // the reader's caption is the paragraph above the table, which may be a unit line or a note
    const readerCaption = t.caption?.replace(/[\s\u3000]+/g, '').replace(v.captionStrip, '');
    // (a form copied one cell per line is read as several tables, one per block, each right under the one before with
    // nothing between: `项目支出绩效自评表⏎年度总体目标⏎…⏎绩效指标⏎一级指标⏎…`; the caption over the first names them all)
    const prev = all[ti - 1];
    const joined = !own.caption && !caption && !readerCaption && prev?.caption && prev.end <= t.start && !norm.slice(prev.end, t.start).trim() && !norm.slice(prev.start, t.end).includes('\t');
    t.caption = own.caption ?? caption ?? readerCaption ?? (joined ? prev.caption : undefined);
    if (unit) t.unitLine = unit;
    if (t.end > t.start) doc.excluded.push({ start: t.start, end: t.end, reason: 'table' });
  }
  doc.tables = all;
}
