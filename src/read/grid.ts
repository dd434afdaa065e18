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
