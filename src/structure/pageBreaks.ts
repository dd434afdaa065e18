// A page's break between the rows of a table copied as lines (a PDF's or a viewer's text): the page's mark on a line of its
// own (`— 3 —`, `第 3 页`, `第3页 共5页`, a form feed), `续表` over the next page's part, blank lines around them, and the
// header repeated under them. The rows after it are the same table's; prose after it ends the table.
import type { Line } from '../document.js';
import { PAGE_MARK } from './duplicates.js';

const CONTINUED = /^[（(]?续(?:上)?表[）)]?[:：]?$/;
const BLANK = /^\s*$/;

/** A page's mark alone on its line: its number, `续表`, or a form feed. */
const markLine = (t: string) => (BLANK.test(t) ? t.includes('\f') : PAGE_MARK.test(t) || CONTINUED.test(t.replace(/\s+/g, '')));

/** The index of the first line after a page break opening at line `j` — its marks, the blank lines around them and the
 *  header repeated (`header(k)`: the lines the header takes from line k, 0 when it is not there) —, or -1 when no mark
 *  stands there (blank lines alone are no page break). */
export function afterPageBreak(lines: Line[], j: number, header: (k: number) => number): number {
  let k = j;
  let mark = false;
  for (; k < lines.length; k++) {
    const t = lines[k].text;
    if (markLine(t)) mark = true;
    else if (!BLANK.test(t)) break;
  }
  return mark ? k + header(k) : -1;
}
