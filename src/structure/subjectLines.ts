// A 决算 statement by 功能分类科目 copied one cell per line (a PDF viewer's copy: `科目编码⏎科目名称⏎小计⏎基本支出⏎项目支出⏎
// 栏次⏎1⏎2⏎3⏎合计⏎286.50⏎244.10⏎42.40⏎206⏎科学技术支出⏎286.50⏎…⏎2060702⏎科普活动⏎42.40⏎42.40`). An empty cell leaves no line,
// so the generic reader (cellLines.ts) cannot count its rows. But here each subject row opens with its 科目编码 and the total
// row with its label: the rows are known even where a cell is lost. The total row must hold one figure per value column
// (it is the row the statement is read for); a subject row that lost a cell keeps its code and name, its figures unplaced
// (which column is empty is not known).
import type { Line, Span, Table, TableCell } from '../document.js';
import { tableVocab } from './tableVocab.js';
import { addsUp, freeLine, lineCell, squeeze, TOTAL_COLUMN } from './cellLines.js';

/** a cell holding a figure or a dash (`3.00`, `1,234.56`, `—`) */
const FIGURE = /^(?:[\d,]*\d(?:\.\d+)?%?|[—\-–－]+)$/;
const LABEL_MAX = 24;
const isLabel = (t: string) => t.length > 0 && t.length <= LABEL_MAX && !FIGURE.test(t) && !/[。；;，,！？!?：:]/.test(t);
/** (no statement has more cells than this: the look ahead stops there) */
const MAX_CELLS = 2000;

export function subjectTableLines(text: string, lines: Line[], taken: Span[]): Table[] {
  const v = tableVocab().cellLines;
  const free = freeLine(taken);
  const cell = (l: Line) => lineCell(text, l);
  const blank = (at: number): TableCell => ({ start: at, end: at, text: '' });
  const out: Table[] = [];
  const all = lines.filter((l) => l.text.trim());
  const numbers = (t: (k: number) => string, k: number, n: number) => /^栏次$/.test(t(k)) && Array.from({ length: n }, (_, m) => t(k + 1 + m) === String(m + 1)).every(Boolean);
  for (let i = 0; i + 1 < all.length; i++) {
    const first = squeeze(all[i].text);
    const second = squeeze(all[i + 1].text);
    if (!free(all[i]) || !(v.subject.codeHeader.test(first) ? v.subject.nameHeader.test(second) : first === '项目' && v.valueHeader.test(second))) continue;
    const seq: Line[] = [];
    for (let j = i; j < all.length && seq.length < MAX_CELLS && free(all[j]); j++) seq.push(all[j]);
    const t = (k: number) => (k < seq.length ? squeeze(seq[k].text) : '');
    // value words from k: 小计/合计 a column's word only with another value word after it; 栏次 opens the template's column
    // numbers, no column
    const values = (k: number) => {
      let q = k;
      while (q < seq.length && !/^[栏行]次$/.test(t(q)) && (v.valueHeader.test(t(q)) || (v.subject.total.test(t(q)) && v.valueHeader.test(t(q + 1))))) q++;
      return q - k;
    };
    const rows: TableCell[][] = [];
    let k: number;
    let n: number;
    // (cells between a row's name and its figures: the 栏次 column of the layout with the numbers beside 科目名称)
    let pad = 0;
    let top = i; // (seq is all from i on)
    const codeAt = (k: number) => v.subject.codeHeader.test(t(k)) && v.subject.nameHeader.test(t(k + 1));
    if (codeAt(0)) {
      n = values(2);
      if (n < 1) continue;
      k = 2 + n;
      // (the super-header right above, 项目⏎本年支出: its cells are the table's, and the caption is looked for above them)
      const above = top;
      if (above >= 2 && free(all[above - 1]) && free(all[above - 2]) && /^项目$/.test(squeeze(all[above - 2].text)) && isLabel(squeeze(all[above - 1].text)) && !v.subject.total.test(squeeze(all[above - 1].text))) top = above - 2;
      if (top < above) rows.push([cell(all[top]), cell(all[top + 1])]);
      rows.push(seq.slice(0, k).map(cell));
      if (numbers(t, k, n)) {
        rows.push([cell(seq[k]), blank(seq[k].end), ...seq.slice(k + 1, k + 1 + n).map(cell)]);
        k += 1 + n;
      }
    } else if (/^项目$/.test(t(0)) && (n = values(1)) >= 1 && codeAt(1 + n) && numbers(t, 3 + n, n)) {
      // (the 决算 template's other layout: 项目⏎本年支出合计⏎基本支出⏎项目支出 over 科目编码⏎科目名称⏎栏次⏎1⏎2⏎3)
      rows.push(seq.slice(0, 1 + n).map(cell), seq.slice(1 + n, 4 + 2 * n).map(cell));
      k = 4 + 2 * n;
      pad = 1;
    } else continue;
    // a code opening a row: followed by its name (a bare code-like figure before a figure is an amount)
    const code = (p: number) => v.subject.code.test(t(p)) && isLabel(t(p + 1)) && !v.subject.code.test(t(p + 1));
    const figuresFrom = (p: number) => {
      let q = p;
      while (q < seq.length && FIGURE.test(t(q)) && !code(q)) q++;
      return q;
    };
    // the first value column is the row's total (小计, 合计, 本年支出合计) over two or more parts
    const firstValue = codeAt(0) ? t(2) : t(1);
    const totalFirst = n >= 3 && TOTAL_COLUMN.test(firstValue);
    let totals = 0;
    let broken = false;
    let last = k - 1;
    while (k < seq.length) {
      if (v.subject.total.test(t(k)) && FIGURE.test(t(k + 1))) {
        const q = figuresFrom(k + 1);
        // (the total row is the one read: a figure lost or one too many there leaves the table unread; but a part's empty
        // cell lost under a total column, 小计⏎基本支出⏎项目支出 over 合计⏎286.50⏎286.50, still gives the total: it is the
        // figure the others add up to, whichever part is empty)
        const onlyTotal = q - k - 1 === n - 1 && totalFirst && addsUp(Array.from({ length: q - k - 1 }, (_, m) => t(k + 1 + m)));
        if (q - k - 1 !== n && !onlyTotal) {
          broken = true;
          break;
        }
        const figs = onlyTotal ? [cell(seq[k + 1]), ...Array.from({ length: n - 1 }, () => blank(seq[q - 1].end))] : seq.slice(k + 1, q).map(cell);
        rows.push([cell(seq[k]), blank(seq[k].end), ...Array.from({ length: pad }, () => blank(seq[k].end)), ...figs]);
        totals++;
        last = q - 1;
        k = q;
        continue;
      }
      if (!code(k)) break;
      // (a name wrapped over two lines, its figures right after)
      const two = isLabel(t(k + 2)) && !v.subject.code.test(t(k + 2)) && !v.subject.total.test(t(k + 2)) && FIGURE.test(t(k + 3));
      const nameEnd = two ? k + 3 : k + 2;
      const q = figuresFrom(nameEnd);
      const name: TableCell = two ? { start: cell(seq[k + 1]).start, end: cell(seq[k + 2]).end, text: text.slice(cell(seq[k + 1]).start, cell(seq[k + 2]).end) } : cell(seq[k + 1]);
      if (q - nameEnd > n) {
        broken = true;
        break;
      }
      const figs = q - nameEnd === n ? seq.slice(nameEnd, q).map(cell) : Array.from({ length: n }, () => blank(name.end));
      rows.push([cell(seq[k]), name, ...Array.from({ length: pad }, () => blank(name.end)), ...figs]);
      last = Math.max(q, nameEnd) - 1;
      k = q;
    }
    // (a subject's row with its code shows the layout: a 合计 alone under 科目编码⏎科目名称 is left as the generic reader leaves it)
    if (broken || totals !== 1 || !rows.some((r) => v.subject.code.test(squeeze(r[0].text)))) continue;
    out.push({ start: all[top].start, end: cell(seq[last]).end, rows, origin: 'tsv' });
    i += last;
  }
  return out;
}
