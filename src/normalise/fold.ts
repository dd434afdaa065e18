// Length-preserving folds: every output string has exactly the input's length, so offsets stay valid.
import * as OpenCC from 'opencc-js/t2cn';

const toSimplified = OpenCC.Converter({ from: 'tw', to: 'cn' });

/** Traditional → simplified, character by character; any char whose conversion changes length is kept. */
export function simplify(s: string): string {
  const out = toSimplified(s);
  if (out.length === s.length) return out;
  // rare: a phrase conversion changed length — fall back to per-character conversion
  let r = '';
  for (const ch of s) {
    const c = toSimplified(ch);
    r += c.length === ch.length ? c : ch;
  }
  return r;
}

// OCR and typesetting look-alikes mapped onto the characters patterns expect (all single UTF-16 units).
const LOOKALIKE: Record<string, string> = {
  '〈': '(', '〉': ')', '【': '(', '】': ')', '〔': '(', '〕': ')', '﹪': '%', '﹕': ':', '﹔': ';',
  '\u00a0': ' ', '\u3000': ' ', '\u2002': ' ', '\u2003': ' ', '\u2009': ' ', '\u200b': ' ', '\ufeff': ' ',
  '≧': '≥', '≦': '≤', '﹣': '-', '－': '-', '—': '—', '～': '~', '〜': '~', '．': '.',
};

/** For matching: full-width ASCII → ASCII (except the Chinese comma ，, which is never a thousands separator). */
export function foldForMatch(s: string): string {
  let r = '';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    const c = ch.charCodeAt(0);
    if (c >= 0xff01 && c <= 0xff5e && c !== 0xff0c) r += String.fromCharCode(c - 0xfee0);
    else r += LOOKALIKE[ch] ?? ch;
  }
  return r;
}

/** For string values: only full-width letters and digits folded; Chinese punctuation kept. */
export function foldForDisplay(s: string): string {
  return s.replace(/[０-９Ａ-Ｚａ-ｚ]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)).replace(/[\u00a0\u3000]/g, ' ');
}

/** A clean string value from display text: whitespace dropped next to CJK, collapsed elsewhere, quotes trimmed. */
export function cleanValue(s: string): string {
  return s
    .replace(/\s+/g, ' ')
    .replace(/ (?=[^\x00-\x7f])|(?<=[^\x00-\x7f]) /g, '')
    .trim()
    .replace(/^(["“'‘「『《])([^"“”'‘’「」『』《》]*)(["”'’」』》])$/, '$2')
    .trim();
}
