// A figure damaged by OCR or a PDF text layer: a point followed by spaces (`达17. 8万人次`) or a comma before one or two
// digits (`132,4` for 132.4). It is no number anyone can read whole, and every rule that reads the digits after the break
// (8万人次, 4) or before it (132) gives a wrong value. In the matching copy such a figure is masked (same length), so no
// pattern reads a part of it; the value copy keeps it as written. Only inside text: a list's marker opening a line
// (`1. 2023年…`) has a space or a line start before its digit, and a comma before three digits groups thousands.

const POINT_SPACE = /(?<=[^\s\d.,，．])\d{1,9}[.．][ \t]+\d+/g;
const COMMA_SHORT = /(?<=[^\s\d.,，．])\d{1,3},\d{1,2}(?![\d,.])/g;

const mask = (m: string) => '#'.repeat(m.length);

/** The matching copy with damaged figures masked (offsets kept). */
export function maskDamagedFigures(s: string): string {
  if (!/\d[.．][ \t]+\d|\d,\d/.test(s)) return s;
  return s.replace(POINT_SPACE, mask).replace(COMMA_SHORT, mask);
}
