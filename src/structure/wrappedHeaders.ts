// A 自评表 laid out in columns of spaces (pdftotext -layout) whose header cells are wrapped in their narrow columns and set
// one space apart (`年初预算 全年预算 全年执行⏎              分值    执行率    自评得分⏎  数    数    数` over
// `年度资金总额         85.09    133.09   132.61      10   100%    9`): the layout reader cannot tell its columns apart
// and leaves the form as lines, so its budget row and its 总分 row stayed unread. Each header cell is the words standing
// over one another in one column (年初预算 over 数: 年初预算数); the header is taken only when every such cell is one of the
// block's column words and there are as many as the row has figures, read in order (the figures are right-aligned under
// centred words, so their positions are not compared). The form's indicator rows (labels wrapped over several rows,
// centred in merged cells) stay unread: only the header over them and the 总分 row are taken, as a table under the
// form's own caption.
import type { Line, Span, Table, TableCell } from '../document.js';
import { tableVocab } from './tableVocab.js';
import { freeLine, squeeze } from './cellLines.js';

interface Word {
  start: number;
  end: number;
  text: string;
  /** the line's index in the header lines (top first) and the word's columns [col, col + length) */
  line: number;
  col: number;
}

/** a unit alone in a label cell: `（万元）` */
const UNIT_WORD = /^[（(](?:万元|元)[）)]$/;
/** a figure of a form's row: `85.09`, `100%`, `10 分` */
const FIGURE = /^\d{1,9}(?:\.\d{1,4})?\s?(?:%|分)?$/;
/** how far a header may stand over its row (lines), and the form's caption over its header (non-blank lines) */
const HEADER_LINES = 5;
const CAPTION_BACK = 6;
/** the 总分 row within this many lines under the budget row */
const TOTAL_WITHIN = 90;
/** another table's caption: the 总分 row is looked for no further */
const NEXT_CAPTION = /(?:自评|评价|数据|决算|预算|情况)\S*表$/;

/** A line's runs of text set apart by two or more spaces. */
function runs(l: Line): Word[] {
  const out: Word[] = [];
  const re = /\S+(?: \S+)*/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(l.text))) out.push({ start: l.start + m.index, end: l.start + m.index + m[0].length, text: m[0], line: 0, col: m.index });
  return out;
}
/** A line's words set apart by any space, right of column `from`. */
function words(l: Line, line: number, from: number): Word[] {
  const out: Word[] = [];
  const re = /\S+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(l.text))) if (m.index >= from) out.push({ start: l.start + m.index, end: l.start + m.index + m[0].length, text: m[0], line, col: m.index });
  return out;
}

/**
 * The header cells of `ls` (top first): words overlapping in columns on different lines are one cell, read top down. Null
 * when a cell would hold two words of one line (the columns run together).
 */
function headerCells(ls: Line[], from: number): TableCell[] | null {
  const ws = ls.flatMap((l, n) => words(l, n, from)).sort((a, b) => a.col - b.col);
  const groups: Word[][] = [];
  let reach = -1;
  for (const w of ws) {
    const g = groups[groups.length - 1];
    // (touching counts: a wrapped cell's lines are centred, one a character off the next, 偏差原因 over 及改进措)
    if (g && w.col <= reach) {
      if (g.some((x) => x.line === w.line)) return null;
      g.push(w);
    } else groups.push([w]);
    reach = Math.max(reach, w.col + w.text.length);
  }
  return groups.map((g) => {
    g.sort((a, b) => a.line - b.line);
    return { start: g[0].start, end: g[g.length - 1].end, text: g.map((w) => w.text).join('') };
  });
}

/** The lines right over line `i` (up to HEADER_LINES, maybe a blank line under them) whose cells, right of column `from`,
 *  are `n` words that `ok` takes: the most lines so read (`年初⏎预算数` is 年初预算数, not the 预算数 under it; a cell's
 *  lower piece alone, `数`, is no word yet). With the top line's index. */
function headerOver(lines: Line[], i: number, from: number, n: number, ok: (k: string) => boolean): { cells: TableCell[]; top: number } | null {
  const ls: Line[] = [];
  let best: { cells: TableCell[]; top: number } | null = null;
  let j = i - 1;
  if (j >= 0 && !lines[j].text.trim()) j--;
  for (; j >= 0 && ls.length < HEADER_LINES && lines[j].text.trim(); j--) {
    ls.unshift(lines[j]);
    const cells = headerCells(ls, from);
    if (cells && cells.length === n && cells.every((c) => ok(squeeze(c.text)))) best = { cells, top: j };
  }
  return best;
}

/** The indicator header around line `i` (a line naming 一级指标 … with its wrapped neighbours, a few lines above and below):
 *  the reading with the most cells, every cell a column word (of as many, the one over more lines: 年度指标值, not 年度指标). */
function indicatorHeader(lines: Line[], i: number, from: number, ok: (k: string) => boolean): TableCell[] | null {
  let best: TableCell[] | null = null;
  for (let below = 0; below <= 2; below++)
    for (let above = 0; above <= 2; above++) {
      if (i - above < 0 || i + below >= lines.length) continue;
      const ls = lines.slice(i - above, i + below + 1);
      if (ls.some((l) => !l.text.trim())) continue;
      const cells = headerCells(ls, from);
      if (cells && cells.length >= 5 && cells.length >= (best?.length ?? 0) && cells.every((c) => ok(squeeze(c.text)))) best = cells;
    }
  return best;
}

export function wrappedHeaderLines(text: string, lines: Line[], taken: Span[]): Table[] {
  const v = tableVocab();
  const free = freeLine(taken);
  const out: Table[] = [];
  const budgetWord = (k: string) => v.budgetColumns.some((c) => c.re.test(k));
  const field = (k: string) => v.indicatorColumns.find((c) => c.re.test(k))?.field ?? (v.indicatorLevelColumn?.test(k) ? 'level' : null);
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (!free(l) || !l.text.includes('  ')) continue;
    // the budget row: its label (after the block's label, 项目资金) and four or more figures only
    const ps = runs(l);
    const at = ps.findIndex((p, n) => n <= 1 && v.budgetRows.total.test(squeeze(p.text)));
    const row = at >= 0 ? { label: ps[at], labelEnd: ps[at].col + ps[at].text.length, figs: ps.slice(at + 1), top: i, bottom: i } : wrappedLabel(lines, i, ps, free);
    if (!row) continue;
    const figs = row.figs;
    if (figs.length < 4 || !figs.every((p) => FIGURE.test(p.text))) continue;
    const labelEnd = row.labelEnd;
    const head = headerOver(lines, row.top, labelEnd, figs.length, budgetWord);
    if (!head || !head.cells.some((c) => /执行/.test(c.text))) continue;
    if (lines.slice(head.top, i).some((x) => !free(x))) continue;
    // the form's own caption a few lines over its header (a 自评表)
    let caption: string | undefined;
    let captionAt = -1;
    for (let j = head.top - 1, seen = 0; j >= 0 && seen < CAPTION_BACK; j--) {
      const t = squeeze(lines[j].text);
      if (!t) continue;
      seen++;
      if (v.caption.test(t) && /自评|评价/.test(t)) {
        caption = t.replace(v.captionStrip, '');
        captionAt = j;
        break;
      }
    }
    if (!caption) continue;
    // the block's unit in its label cell, merged down the block's rows left of the row's label (`年度预算⏎申请⏎（万元）`,
    // `项目资金  年度资金总额 …⏎（万元） 其中：…`): one unit word there, else none (table_unit_unknown)
    const units = lines.slice(head.top, Math.min(lines.length, i + 6)).flatMap((x) => words(x, 0, 0).filter((w) => w.col < row.label.col && UNIT_WORD.test(w.text)));
    const unit = new Set(units.map((w) => squeeze(w.text).replace(/[()（）]/g, ''))).size === 1 ? units[0] : null;
    const name = nameRow(lines, captionAt + 1, head.top);
    const rows: TableCell[][] = [
      ...(name ? [name] : []),
      [unit ? { start: unit.start, end: unit.end, text: unit.text } : { start: head.cells[0].start, end: head.cells[0].start, text: '' }, ...head.cells],
      [{ start: row.label.start, end: row.label.end, text: row.label.text }, ...figs.map((p) => ({ start: p.start, end: p.end, text: p.text }))],
    ];
    let end = lines[row.bottom].end;
    // the 总分 row further down (a label and one or two figures), under the indicator header between
    let k = row.bottom + 1;
    // (lines between may be the form's goals block, read as a table of its own: passed over)
    for (; k < lines.length && k <= i + TOTAL_WITHIN; k++) {
      if (!free(lines[k])) continue;
      const q = runs(lines[k]);
      if (q.length && v.totalRow.test(squeeze(q[0].text))) break;
      if (q.length && NEXT_CAPTION.test(squeeze(lines[k].text))) {
        k = lines.length;
        break;
      }
    }
    const total = k < lines.length && k <= i + TOTAL_WITHIN && free(lines[k]) ? runs(lines[k]) : null;
    if (total && total.length >= 2 && total.length <= 3 && total.slice(1).every((p) => FIGURE.test(p.text))) {
      let ind: TableCell[] | null = null;
      for (let h = i + 1; h < k && !ind; h++) {
        // (from its first level word on: the block's label left of it may be printed a character a line, 绩⏎效⏎指⏎标)
        const lv = lines[h].text.split(/\s+/).filter((w) => field(w) === 'level1' || field(w) === 'level2' || field(w) === 'level3');
        if (lv.length >= 2) ind = indicatorHeader(lines, h, lines[h].text.indexOf(lv[0]), (w) => field(w) !== null);
      }
      const fields = ind?.map((c) => field(squeeze(c.text))) ?? [];
      if (ind && fields.includes('score') && fields.some((f) => f === 'target' || f === 'actual')) {
        rows.push(ind, total.map((p) => ({ start: p.start, end: p.end, text: p.text })));
        end = lines[k].end;
      }
    }
    out.push({ start: Math.min(...head.cells.map((c) => c.start), ...(name ? [name[0].start] : [])), end, rows, origin: 'tsv', caption });
    i = lines.findIndex((x) => x.end >= end);
  }
  return out;
}

/** a wrapped piece of the name cell: no bracketed line (（2023年度）, a caption's year centred over the form), nor a unit line
 *  (单位：万元) or a caption */
const BRACKETED = /^[（(].*[)）]$/;

/**
 * The form's `项目名称` row between its caption (line `from`) and its budget header (line `to`): the label first on its line, the
 * name the run after it, and the pieces of the name wrapped over the lines right above and under it in the name's column
 * (`科普宣传与科普⏎项目名称⏎活动经费`: pdftotext -layout centres a wrapped cell on its label's line), each a line of that one run
 * right of the label, read top down. Null with no such label, or with a line right by it holding more (another field,
 * `主管部门  X`, ends the cell) that stands in the name's columns. Without the row an overall report's project form named no
 * project (projects[] stayed empty).
 */
function nameRow(lines: Line[], from: number, to: number): TableCell[] | null {
  const v = tableVocab();
  for (let i = from; i < to; i++) {
    const ps = runs(lines[i]);
    if (!ps.length || !v.projectNameLabels.some((re) => re.test(squeeze(ps[0].text)))) continue;
    if (ps.length > 2) return null; // the label beside more than its name: another layout
    const label = ps[0];
    const right = label.col + label.text.length;
    // the name's columns: its run on the label's line, else the first piece's
    let cols: [number, number] | null = ps[1] ? [ps[1].col, ps[1].col + ps[1].text.length] : null;
    const piece = (j: number): Word | null => {
      if (j < from || j >= to) return null;
      const q = runs(lines[j]);
      if (q.length !== 1 || q[0].col < right + 2 || BRACKETED.test(squeeze(q[0].text)) || v.unitHeader.test(q[0].text) || v.caption.test(squeeze(q[0].text))) return null;
      if (cols && (q[0].col >= cols[1] + 2 || q[0].col + q[0].text.length <= cols[0] - 2)) return null;
      return q[0];
    };
    const above: Word[] = [];
    for (let j = i - 1, w = piece(j); w; w = piece(--j)) {
      above.unshift(w);
      cols ??= [w.col, w.col + w.text.length];
    }
    const below: Word[] = [];
    for (let j = i + 1, w = piece(j); w; w = piece(++j)) {
      below.push(w);
      cols ??= [w.col, w.col + w.text.length];
    }
    const parts = [...above, ...(ps[1] ? [ps[1]] : []), ...below];
    if (!parts.length) return null;
    const text = parts.map((w) => w.text).join('');
    return [
      { start: label.start, end: label.end, text: label.text },
      { start: parts[0].start, end: parts[parts.length - 1].end, text },
    ];
  }
  return null;
}

/**
 * The budget row's label wrapped in its narrow column (pdftotext -layout: `项目资金  年度资金      20     25 …⏎          总额`, or
 * centred on the figures' line, `年度资金⏎…      20 …⏎总额`): the words left of the row's figures on its line and on the line right
 * above or under it (or both) that holds no figure and nothing over the figures, standing in one another's columns, read top down; taken only
 * when they make the total's label whole (年度资金总额; not 年度资金总额其中：当年财政拨, the next row's label under it). With the
 * lines the row spans and the label's last column.
 */
function wrappedLabel(lines: Line[], i: number, ps: Word[], free: (l: Line) => boolean): { label: Word; labelEnd: number; figs: Word[]; top: number; bottom: number } | null {
  let n = ps.length;
  while (n > 0 && FIGURE.test(ps[n - 1].text)) n--;
  const figs = ps.slice(n);
  if (figs.length < 4 || n > 2) return null;
  const edge = figs[0].col;
  const side = (j: number): Word[] | null => {
    const l = lines[j];
    if (!l || !free(l) || !l.text.trim()) return null;
    const q = words(l, j, 0);
    return q.every((w) => w.col + w.text.length < edge - 1 && !FIGURE.test(w.text)) ? q : null;
  };
  const own = words(lines[i], i, 0).filter((w) => w.col + w.text.length < edge);
  const whole = totalWhole();
  for (const [top, bottom] of [[i - 1, i], [i, i + 1], [i - 1, i + 1]]) {
    const by = [top < i ? side(top) : [], bottom > i ? side(bottom) : []];
    if (by.some((x) => x === null)) continue;
    const all = [...by[0]!, ...own, ...by[1]!];
    for (const seed of all) {
      const group = all.filter((w) => w.col < seed.col + seed.text.length + 1 && seed.col < w.col + w.text.length + 1);
      // (one piece a line, on every line of the span)
      const at = new Set(group.map((w) => w.line));
      if (at.size !== group.length || !at.has(top) || !at.has(bottom)) continue;
      group.sort((a, b) => a.line - b.line);
      const text = group.map((w) => w.text).join('');
      if (!whole.test(squeeze(text))) continue;
      const label: Word = { start: group[0].start, end: group[group.length - 1].end, text, line: 0, col: Math.min(...group.map((w) => w.col)) };
      return { label, labelEnd: Math.max(...group.map((w) => w.col + w.text.length)), figs, top, bottom };
    }
  }
  return null;
}

/** the budget block's total label (tables.yaml budget_rows.total) matched whole, not only at its start */
let totalWholeRe: RegExp | null = null;
const totalWhole = (): RegExp => (totalWholeRe ??= new RegExp(`(?:${tableVocab().budgetRows.total.source})$`));
