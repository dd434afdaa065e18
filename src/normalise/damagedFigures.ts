// A figure damaged by OCR or a PDF text layer: a point followed by spaces (`达17. 8万人次`) or a comma before one or two
// digits (`132,4` for 132.4). It is no number anyone can read whole, and every rule that reads the digits after the break
// (8万人次, 4) or before it (132) gives a wrong value. In the matching copy such a figure is masked (same length), so no
// pattern reads a part of it; the value copy keeps it as written. Only inside text: a list's marker opening a line
// (`1. 2023年…`) has a space or a line start before its digit, and a comma before three digits groups thousands.
// Also a figure cut by a line break (LINE_SPLIT).

const POINT_SPACE = /(?<=[^\s\d.,，．])\d{1,9}[.．][ \t\u3000]+\d+/g;
// (huntb52) A point with spaces before it (`达1 . 2万人次`, a line spaced out character by character: `达 1 . 2 万 人 次`) is so
// damaged too (read apart: 2万人次). After a word on its line only: a list's marker opens its line (`1 . 2023年…` stays).
const SPACE_POINT = /(?<=[^\s\d.,，．][ \t\u3000]*)\d{1,9}[ \t\u3000]+[.．](?![.．])[ \t\u3000]*\d+/g;
const COMMA_SHORT = /(?<=[^\s\d.,，．])\d{1,3},\d{1,2}(?![\d,.])/g;

// A figure a line break cut inside its integer part, with a space before it or after it where no reader joined it
// (`举办培训班 1⏎4 期`, `自评得分9⏎4分`, read/unwrap.ts joins only a page's glued pieces): read apart, the pieces are two
// wrong figures (4 期, 9 分). After a word, 1–4 digits closing the line, the rest opening the next with a unit of money,
// a rate, a count or a score; its digits are masked, the line break kept (lines and offsets stay).
const LINE_SPLIT = /(?<=[\u3400-\u9fff\uf900-\ufaff][ \t\u3000\u00a0]*)\d{1,4}[ \t\u3000\u00a0]*\n[ \t\u3000\u00a0]*\d{1,7}(?:\.\d+)?(?=[ \t\u3000\u00a0]*(?:万|亿|千|元|%|人|名|场|次|个|期|篇|份|册|本|条|块|分))(?!\d)/g;

const mask = (m: string) => '#'.repeat(m.length);
const maskDigits = (m: string) => m.replace(/[\d.]/g, '#');

/** The matching copy with damaged figures masked (offsets kept). */
export function maskDamagedFigures(s: string): string {
  if (/\d[ \t\u3000\u00a0]*\n[ \t\u3000\u00a0]*\d/.test(s)) s = s.replace(LINE_SPLIT, maskDigits);
  if (!/\d[ \t\u3000]*[.．][ \t\u3000]+\d|\d[ \t\u3000]+[.．]\d|\d,\d/.test(s)) return s;
  return s.replace(POINT_SPACE, mask).replace(SPACE_POINT, mask).replace(COMMA_SHORT, mask);
}
