// A table whose cells arrive one per line (pdftotext without -layout, copy and paste from a PDF viewer): a long
// run of short fragments. Its cells cannot be put back into rows, and read as text they make false headings
// (a header cell 改进措施) and false list items, so the run is excluded.
import type { KDocument } from '../document.js';
import { isExcluded } from '../document.js';
import { emWidth } from '../read/unwrap.js';

/** a cell: at most this wide (em), and no sentence punctuation inside or at the end */
const CELL_EM = 8;
/** fewer lines in a row are a signature block, an address, a short list */
const MIN_CELLS = 8;

// (a character is at least 0.3 em wide, a space: longer strings need no measuring)
const isCell = (t: string) => t.length <= CELL_EM / 0.3 && emWidth(t) <= CELL_EM && !/[。；;，,：:]/.test(t);

export function excludeCellRuns(doc: KDocument): void {
  let run: { start: number; end: number; n: number } | null = null;
  const close = () => {
    if (run && run.n >= MIN_CELLS) {
      doc.excluded.push({ start: run.start, end: run.end, reason: 'table cells, one per line' });
      doc.messages.push({
        ruleId: 'structure.cell-run',
        reason: `${run.n} short lines in a row read as the cells of a table laid out one per line, and ignored`,
        place: { start: run.start, end: run.end },
      });
    }
    run = null;
  };
  for (const line of doc.lines) {
    const t = doc.norm.slice(line.start, line.end).trim();
    if (!t) continue; // blank lines do not break a run
    if (!isCell(t) || line.text.includes('\t') || isExcluded(doc, line)) {
      close();
      continue;
    }
    if (run) {
      run.end = line.end;
      run.n++;
    } else run = { start: line.start, end: line.end, n: 1 };
  }
  close();
}
