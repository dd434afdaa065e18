// A table with merged cells (Word, HTML) → one line per row and a grid, the same way for every reader: a position
// covered by a row span is written as an empty cell (columns line up as in a tab-separated dump), a cell spanning
// columns is written once, and the grid repeats the cell, merged, at every position it covers.

export interface SpanCell {
  text: string;
  colSpan: number;
  rowSpan: number;
}

export interface LaidRow<T> {
  /** the row's cells as written, joined with \t to make its line ('' where a row span covers it) */
  parts: string[];
  /** where each written cell starts in the line */
  partStarts: number[];
  /** grid column → the cell there; merged: covered by a span of a cell written elsewhere */
  cols: ({ cell: T; merged: boolean } | null)[];
  /** the cells that start in this row, with the index of their part */
  origins: { cell: T; part: number }[];
}

export function layOutRows<T extends SpanCell>(rows: T[][]): LaidRow<T>[] {
  const pending = new Map<number, { cell: T; left: number; colSpan: number }>();
  return rows.map((cells) => {
    const row: LaidRow<T> = { parts: [], partStarts: [], cols: [], origins: [] };
    let col = 0;
    let len = 0;
    const addPart = (s: string) => {
      if (row.parts.length) len += 1;
      row.partStarts.push(len);
      row.parts.push(s);
      len += s.length;
      return row.parts.length - 1;
    };
    const fillCovered = () => {
      for (let p = pending.get(col); p; p = pending.get(col)) {
        addPart('');
        for (let k = 0; k < p.colSpan; k++) row.cols[col + k] = { cell: p.cell, merged: true };
        if (--p.left === 0) pending.delete(col);
        col += p.colSpan;
      }
    };
    for (const cell of cells) {
      fillCovered();
      row.origins.push({ cell, part: addPart(cell.text) });
      row.cols[col] = { cell, merged: false };
      for (let k = 1; k < cell.colSpan; k++) row.cols[col + k] = { cell, merged: true };
      if (cell.rowSpan > 1) pending.set(col, { cell, left: cell.rowSpan - 1, colSpan: cell.colSpan });
      col += cell.colSpan;
    }
    fillCovered();
    row.cols = Array.from({ length: row.cols.length }, (_, i) => row.cols[i] ?? null);
    return row;
  });
}

/**
 * A cell holding prose, not a value: a report typed into a form's cell (`自评报告 | 一、项目基本情况⏎2023年…。⏎二、…`), whose
 * paragraphs are to be lines of the text (joined with nothing they run into one line, headings glued to sentences).
 * `lines`: the cell's paragraphs; `others`: the texts of the row's other cells; `above`: the row above's cell texts. It has
 * PROSE_MIN characters or more over two or more paragraphs, and a paragraph opening with a heading's number (一、 （一）
 * 第一部分) and one ending a sentence, or two ending one; it is its row's last cell, the row has at most two other filled
 * cells, each a short label, and neither they nor the row above name a column of values (a goals row under 预期目标 |
 * 实际完成情况 or labelled 年度总体目标, an indicator row with a long note under 偏差原因, stays a row of the table).
 */
export function isProseCell(lines: string[], others: string[], above: string[]): boolean {
  if (lines.length < 2 || lines.reduce((n, l) => n + l.trim().length, 0) < PROSE_MIN) return false;
  const filled = others.map((t) => t.trim()).filter((t) => t.replace(/[\s\u3000]/g, ''));
  if (filled.length > 2 || filled.some((t) => t.length > LABEL_MAX || SENTENCE_END.test(t))) return false;
  if ([...above, ...filled].some((t) => VALUE_COLUMN.test(t.replace(/[\s\u3000]/g, '')))) return false;
  const ends = lines.filter((l) => SENTENCE_END.test(l.trim())).length;
  const headed = lines.some((l) => HEADING_START.test(l.trim()));
  return ends >= 2 || (headed && ends >= 1);
}
const PROSE_MIN = 100;
const LABEL_MAX = 20;
const SENTENCE_END = /[。！？!?；;]$/;
const HEADING_START = /^(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十]{1,3}[）)])/;
/** header words of a self-evaluation table's value columns (goals, indicators) */
const VALUE_COLUMN = /预期目标|年度目标|总体目标|实际完成|完成情况|指标值|完成值|目标值|偏差|得分|分值|权重/;
