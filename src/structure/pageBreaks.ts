// A page's break between the rows of a table copied as lines (a PDF's or a viewer's text): the page's mark on a line of its
// own (`— 3 —`, `第 3 页`, `第3页 共5页`, a form feed), `续表` over the next page's part, blank lines around them, and the
// header repeated under them. The rows after it are the same table's; prose after it ends the table.
import type { Line } from '../document.js';
import { PAGE_MARK } from './duplicates.js';
import { foldDigits } from '../normalise/numbers.js';

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

const PAGE_NUMBER = /^[1-9]\d{0,2}$/;
/** A line holding a page's number alone (`3`, `１２`). */
export const pageNumberOnly = (t: string) => PAGE_NUMBER.test(foldDigits(t.trim()));
/** A cell no words wrap into a bare number from: a figure (`223.45`, `98.52%`), a dash or nothing. */
const CLOSED = /^(?:[\d,]+(?:\.\d+)?[%％]?|[—\-–－/]+|)$/;

/**
 * A page's number alone on line `i` between two rows of a table, with no mark around it (`…⇥98.52%⏎3⏎其中：基本支出⇥…`, a
 * dump's `⇥223.45⏎⏎3⏎⏎⇥其中：基本支出`): the page's footer, no cell's text and no row — the rows after it are the same table's.
 * Only after a row of two cells or more (`cellsBefore`, its last cell's text `lastCell`), with the next line that is not blank
 * a row (`isRow`, up to line `to`), and with the cell before it closed or a blank line beside the number — in a dump of one
 * cell a line (`blankTells` false), where a blank line closes a row, both, the blank line before it; else it may be a cell's
 * own line (a one-column table's, a text cell's paragraph, a figure's digits wrapped: `⇥223.4⏎5⏎⏎⇥其中：…`).
 */
export function pageNumberLine(lines: Line[], i: number, to: number, cellsBefore: number, lastCell: string, isRow: (l: Line) => boolean, blankTells: boolean): boolean {
  if (cellsBefore < 2 || !pageNumberOnly(lines[i].text)) return false;
  let j = i + 1;
  while (j <= to && BLANK.test(lines[j].text)) j++;
  if (j > to || !isRow(lines[j])) return false;
  const blankBefore = i > 0 && BLANK.test(lines[i - 1].text);
  const closed = CLOSED.test(foldDigits(lastCell.replace(/\s+/g, '')));
  return blankTells ? blankBefore || j > i + 1 || closed : blankBefore && closed;
}
