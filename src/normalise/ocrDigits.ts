// (huntb53) OCR reads a digit of a figure as a letter (`1O5.3万元`, `1o2.8万元`, `18l6人次`, `9O.5%`): O/o for 0, l/I/丨 for 1
// (macros.yaml OCR_DIGIT). Read as the digit in the matching copy only where the damage is unambiguous — one or two such
// letters with a digit right before them and a digit (or a point and a digit) right after, the figure closing with a unit of
// money, a rate, a count or a score. Elsewhere the figure stays as written and unread, as before (`2l场`, `l05万元`, `186O人次`,
// `2O23年`): never a different number.
const LETTERS_IN_FIGURE = /(?<=\d)[lIOo丨]{1,2}(?=\.?\d[\d.]*[ \t]{0,2}(?:万|亿|千|元|%|人|名|场|次|个|期|篇|份|册|本|条|块|分))/g;
const DIGIT: Record<string, string> = { l: '1', I: '1', 丨: '1', O: '0', o: '0' };
const asDigits = (m: string) => [...m].map((c) => DIGIT[c] ?? c).join('');

// (huntb54) A table's cell holds a figure alone, its unit in the header or the table's unit line (科普经费⇥1O5.3⇥98.2): such a
// letter there, digits on both sides, is as unambiguous — the cell bounded by a tab, a run of 2+ spaces (or an ideographic
// space) or its line's ends on both sides (a Word table one cell a line). A letter opening or closing the figure (l05.3,
// 105.O), or a figure in a sentence (编号1O5), stays unread.
const FIGURE_WITH_LETTERS = /(?<![^\s])\d{1,9}[lIOo丨]{1,2}\.?\d[\d.]*(?![^\s])/g;
const CELL_EDGE_BEFORE = /(?:^|\n|\t|\u3000|  )[ \u3000]*$/;
const CELL_EDGE_AFTER = /^[ \u3000]*(?:$|\r?\n|\t|\u3000|  )/;

/** The matching copy with OCR's letters inside a figure as their digits (same length). */
export function foldOcrDigits(norm: string): string {
  if (!/\d[lIOo丨]/.test(norm)) return norm;
  norm = norm.replace(LETTERS_IN_FIGURE, asDigits);
  return norm.replace(FIGURE_WITH_LETTERS, (m, at: number) =>
    CELL_EDGE_BEFORE.test(norm.slice(Math.max(0, at - 4), at)) && CELL_EDGE_AFTER.test(norm.slice(at + m.length, at + m.length + 4)) ? asDigits(m) : m,
  );
}
