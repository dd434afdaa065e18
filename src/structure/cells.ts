// A table whose cells arrive one per line (pdftotext without -layout, copy and paste from a PDF viewer): a long
// run of short fragments. Its cells cannot be put back into rows, and read as text they make false headings
// (a header cell 改进措施) and false list items, so the run is excluded.
import type { KDocument } from '../document.js';
import { firstSpanFrom, isExcluded } from '../document.js';
import { emWidth } from '../read/unwrap.js';

/** a cell: at most this wide (em), and no sentence punctuation inside or at the end */
const CELL_EM = 8;
/** fewer lines in a row are a signature block, an address, a short list */
const MIN_CELLS = 8;

// (a character is at least 0.3 em wide, a space: longer strings need no measuring)
const isCell = (t: string) => t.length <= CELL_EM / 0.3 && emWidth(t) <= CELL_EM && !/[。；;，,：:]/.test(t);

export function excludeCellRuns(doc: KDocument): void {
  // the run is three locals, not a {start, end} object: writing `end` of such an object would make `end` mutable
  // for every span of that shape (V8 shares field constness along the hidden-class tree) and drop their fast code
  let runStart = -1;
  let runEnd = -1;
  let n = 0;
  const close = () => {
    if (n >= MIN_CELLS) {
      doc.excluded.push({ start: runStart, end: runEnd, reason: 'table cells, one per line' });
      doc.messages.push({
        ruleId: 'structure.cell-run',
        reason: `${n} short lines in a row read as the cells of a table laid out one per line, and ignored`,
        place: { start: runStart, end: runEnd },
      });
    }
    n = 0;
  };
  // (a table read from such cells, `经费控制情况⏎2023年预算数⏎…⏎三公经费:⏎1.5`, may stop at a row it cannot place, a label
  // wrapped over lines, `1、公务用车⏎购置和维护⏎经费⏎0⏎0⏎0`: when a bare figure follows within a few lines the cells go on,
  // and the table's lines count in the run, so that those after it are still a run; else the table ends it as before)
  const cellTables = doc.tables.filter((t) => !doc.text.slice(t.start, t.end).includes('\t'));
  const goesOn = cellTables.map((t) => cellsGoOn(doc, t.end));
  for (const line of doc.lines) {
    const t = doc.norm.slice(line.start, line.end).trim();
    if (!t) continue; // blank lines do not break a run
    const inTable = cellTables.length ? cellTables.findIndex((c) => line.start < c.end && line.end > c.start) : -1;
    if (inTable >= 0) {
      if (!goesOn[inTable]) close();
      else {
        if (n === 0) runStart = line.start;
        runEnd = line.end;
        n++;
      }
      continue;
    }
    if (!isCell(t) || line.text.includes('\t') || isExcluded(doc, line)) {
      close();
      continue;
    }
    if (n === 0) runStart = line.start;
    runEnd = line.end;
    n++;
  }
  close();
}

/** the cells after a table's end go on: a bare figure (`0`, `0.65`, `—`) among the next few non-blank lines, all of them cells */
const AHEAD = 4;
const BARE_FIGURE = /^(?:[\d,]*\d(?:\.\d+)?%?|[—\-–－]+)$/;
function cellsGoOn(doc: KDocument, end: number): boolean {
  let seen = 0;
  for (let i = firstSpanFrom(doc.lines, end); i < doc.lines.length; i++) {
    const line = doc.lines[i];
    const t = doc.norm.slice(line.start, line.end).trim();
    if (!t) continue;
    if (!isCell(t) || line.text.includes('\t')) return false;
    if (BARE_FIGURE.test(t.replace(/\s+/g, ''))) return true;
    if (++seen >= AHEAD) return false;
  }
  return false;
}
