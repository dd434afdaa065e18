// (huntb53) OCR reads a digit of a figure as a letter (`1O5.3万元`, `1o2.8万元`, `18l6人次`, `9O.5%`): O/o for 0, l/I/丨 for 1
// (macros.yaml OCR_DIGIT). Read as the digit in the matching copy only where the damage is unambiguous — one or two such
// letters with a digit right before them and a digit (or a point and a digit) right after, the figure closing with a unit of
// money, a rate, a count or a score. Elsewhere the figure stays as written and unread, as before (`2l场`, `l05万元`, `186O人次`,
// `2O23年`): never a different number.
const LETTERS_IN_FIGURE = /(?<=\d)[lIOo丨]{1,2}(?=\.?\d[\d.]*[ \t]{0,2}(?:万|亿|千|元|%|人|名|场|次|个|期|篇|份|册|本|条|块|分))/g;
const DIGIT: Record<string, string> = { l: '1', I: '1', 丨: '1', O: '0', o: '0' };

/** The matching copy with OCR's letters inside a figure as their digits (same length). */
export function foldOcrDigits(norm: string): string {
  return /\d[lIOo丨]/.test(norm) ? norm.replace(LETTERS_IN_FIGURE, (m) => [...m].map((c) => DIGIT[c]).join('')) : norm;
}
