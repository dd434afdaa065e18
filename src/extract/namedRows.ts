// The rows of a listing under its header row, by the name in their name column: activities and projects tables.
import type { KDocument, TableCell } from '../document.js';
import { cleanValue } from '../normalise/fold.js';

export interface NamedRow {
  row: TableCell[];
  nameCell: TableCell;
  /** as shown (display text), whitespace cleaned */
  name: string;
}

/** The rows after `rows[header]` with a name that is no total (`totalRe`, tested without spaces); a row of another
 *  width than the header (another header, a block of text) ends the listing. */
export function* namedRows(doc: KDocument, rows: TableCell[][], header: number, nameCol: number, totalRe: RegExp): Generator<NamedRow> {
  const width = rows[header].length;
  for (let r = header + 1; r < rows.length; r++) {
    const row = rows[r];
    const nameCell = row[nameCol];
    const name = nameCell ? cleanValue(doc.display.slice(nameCell.start, nameCell.end)) : '';
    if (!name || totalRe.test(name.replace(/\s+/g, ''))) continue;
    if (row.length !== width) return;
    yield { row, nameCell, name };
  }
}
