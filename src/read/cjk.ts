// Which characters are CJK (one em wide, no space between two of them), by code: the readers test every character.

/** CJK ideographs, radicals, CJK punctuation and kana, full-width forms, and the curly quotes, dash, ellipsis and
 *  middle dot Chinese text sets full width. */
export function isCjkCode(c: number): boolean {
  if (c < 0x2014) return c === 0xb7;
  return (
    (c >= 0x4e00 && c <= 0x9fff) ||
    (c >= 0x3000 && c <= 0x30ff) ||
    (c >= 0xff00 && c <= 0xffef) ||
    (c >= 0x3400 && c <= 0x4dbf) ||
    (c >= 0x2e80 && c <= 0x2fdf) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xfe30 && c <= 0xfe4f) ||
    c === 0x201c || c === 0x201d || c === 0x2018 || c === 0x2019 || c === 0x2014 || c === 0x2026
  );
}
