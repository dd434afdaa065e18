// Length-preserving folds: every output string has exactly the input's length, so offsets stay valid.
import * as OpenCC from 'opencc-js/t2cn';

const DICTS = [...OpenCC.Locale.from.tw, ...OpenCC.Locale.to.cn];
const toSimplified = OpenCC.ConverterFactory(...DICTS);

/**
 * The converter walks its tries at every character, which costs more than all other normalising. But no
 * dictionary key holds a separator, so converting clause by clause gives the converter's own result, and a clause
 * with no "changing" character (a key character that differs from its replacement, or any character of a key
 * whose replacement has another length) comes out unchanged: every key it matches maps to itself. So only the
 * clauses with such a character are converted — a few in a simplified report.
 */
const SEPARATORS = '\n\r\t 。，、；：！？,.;:!?()（）“”「」《》';
// per UTF-16 unit: 1 = changing character, 2 = separator; surrogates count as changing (the clause is converted)
const KIND = (() => {
  const kind = new Uint8Array(0x10000);
  kind.fill(1, 0xd800, 0xe000);
  const inKeys = new Set<string>();
  for (const group of DICTS) {
    for (const dict of group) {
      const pairs = typeof dict === 'string' ? dict.split('|').map((l) => l.split(' ')) : (dict as string[][]);
      for (const [k, v] of pairs) {
        const kc = [...k];
        const vc = [...v];
        kc.forEach((c, i) => {
          inKeys.add(c);
          if ((kc.length !== vc.length || c !== vc[i]) && c.length === 1) kind[c.charCodeAt(0)] = 1;
        });
      }
    }
  }
  for (const c of SEPARATORS) if (!inKeys.has(c)) kind[c.charCodeAt(0)] = 2;
  return kind;
})();

function convertClauses(s: string): string {
  let out = '';
  let done = 0;
  for (let i = 0; i < s.length; i++) {
    if (KIND[s.charCodeAt(i)] !== 1) continue;
    let a = i;
    while (a > done && KIND[s.charCodeAt(a - 1)] !== 2) a--;
    let b = i + 1;
    while (b < s.length && KIND[s.charCodeAt(b)] !== 2) b++;
    out += s.slice(done, a) + toSimplified(s.slice(a, b));
    done = i = b;
  }
  return done === 0 ? s : out + s.slice(done);
}

/** Traditional → simplified, character by character; any char whose conversion changes length is kept. */
export function simplify(s: string): string {
  const out = convertClauses(s);
  if (out.length === s.length) return out;
  // rare: a phrase conversion changed length — fall back to per-character conversion
  let r = '';
  for (const ch of s) {
    const c = toSimplified(ch);
    r += c.length === ch.length ? c : ch;
  }
  return r;
}

/**
 * Radical and compatibility code points some PDF fonts map their glyphs to (部⻔, 收⼊, ⽀出: the text layer of
 * Chrome's and some Word exports) → the ideographs patterns expect. Kangxi radicals and CJK compatibility
 * ideographs by their NFKC form; the CJK Radicals Supplement has none for most, so its standalone characters are
 * listed (C-simplified forms first). All single UTF-16 units: offsets stay valid.
 */
const RADICALS: Record<string, string> = (() => {
  const map: Record<string, string> = {
    '⻅': '见', '⻆': '角', '⻉': '贝', '⻋': '车', '⻓': '长', '⻔': '门', '⻚': '页', '⻛': '风', '⻜': '飞', '⻢': '马',
    '⻥': '鱼', '⻦': '鸟', '⻨': '麦', '⻩': '黄', '⻬': '齐', '⻮': '齿', '⻰': '龙', '⻳': '龟', '⺟': '母',
    '⻄': '西', '⻑': '長', '⻘': '青', '⻝': '食', '⻤': '鬼', '⺠': '民',
  };
  const add = (from: number, to: number) => {
    for (let c = from; c <= to; c++) {
      const ch = String.fromCharCode(c);
      const n = ch.normalize('NFKC');
      if (n !== ch && n.length === 1) map[ch] = n;
    }
  };
  add(0x2f00, 0x2fd5); // Kangxi Radicals
  add(0xf900, 0xfaff); // CJK Compatibility Ideographs
  return map;
})();
const RADICAL = new RegExp(`[${Object.keys(RADICALS).join('')}]`, 'g');
// the blocks every key of RADICALS is in (CJK Radicals Supplement, Kangxi Radicals, CJK Compatibility Ideographs)
const RADICAL_BLOCKS = /[\u2e80-\u2fdf\uf900-\ufaff]/;

/** Radicals and compatibility ideographs → their ideographs; the count changed is for the document's message. */
export function foldRadicals(s: string): { text: string; changed: number } {
  // most texts hold none: a test for the blocks is ≈ 10× cheaper than a replace with the listed class
  if (!RADICAL_BLOCKS.test(s)) return { text: s, changed: 0 };
  let changed = 0;
  const text = s.replace(RADICAL, (ch) => (changed++, RADICALS[ch]));
  return { text, changed };
}

// Characters that are simplified characters in their own right, which Taiwan's variant table still converts: 著 → 着
// (显著, 著称, 专著 became 显着, 着称, 专着), a lone 么 → 幺.
const OWN_SIMPLIFIED = new Set(['著', '么']);

/**
 * simplify() for a whole document: in a simplified document (hardly any other character converted: fewer than one
 * in a hundred CJK characters) those characters are kept as written; a traditional copy (隨著 → 随着) is converted
 * as simplify() does.
 */
export function simplifyDocument(s: string): string {
  const out = simplify(s);
  if (out === s) return out;
  let own = 0;
  let other = 0;
  for (let i = 0; i < s.length; i++) if (out[i] !== s[i]) OWN_SIMPLIFIED.has(s[i]) ? own++ : other++;
  if (!own) return out;
  let cjk = 0;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) >= 0x4e00 && s.charCodeAt(i) <= 0x9fff) cjk++;
  if (other * 100 >= cjk) return out;
  let r = '';
  let done = 0;
  for (let i = 0; i < s.length; i++) {
    if (out[i] !== s[i] && OWN_SIMPLIFIED.has(s[i])) {
      r += out.slice(done, i) + s[i];
      done = i + 1;
    }
  }
  return r + out.slice(done);
}

/** The converter over the whole text, no clause skipping: simplify() must give the same (tested). */
export const simplifyWhole = (s: string): string => toSimplified(s);

// OCR and typesetting look-alikes mapped onto the characters patterns expect (all single UTF-16 units).
const LOOKALIKE: Record<string, string> = {
  '〈': '(', '〉': ')', '【': '(', '】': ')', '〔': '(', '〕': ')', '﹪': '%', '﹕': ':', '﹔': ';',
  '\u00a0': ' ', '\u3000': ' ', '\u2002': ' ', '\u2003': ' ', '\u2009': ' ', '\u202f': ' ', '\u2007': ' ', '\u200b': ' ', '\ufeff': ' ',
  '≧': '≥', '≦': '≤', '﹣': '-', '－': '-', '—': '—', '～': '~', '〜': '~', '．': '.',
};
// the dingbats' circled digits (❶, ➀, ➊: a web copy's or a template's numbered points) are the circled ①…⑩ of a list (lists52)
for (const base of [0x2776, 0x2780, 0x278a]) for (let k = 0; k < 10; k++) LOOKALIKE[String.fromCharCode(base + k)] = String.fromCharCode(0x2460 + k);

/** Characters foldForMatch changes: full-width ASCII except ， and the look-alikes. */
const TO_FOLD = new RegExp(`[\\uff01-\\uff0b\\uff0d-\\uff5e${Object.keys(LOOKALIKE).join('')}]`, 'g');
const foldChar = (ch: string): string => {
  const c = ch.charCodeAt(0);
  return c >= 0xff01 && c <= 0xff5e ? String.fromCharCode(c - 0xfee0) : LOOKALIKE[ch];
};

/** A full-width comma between groups of three digits in an amount in 元 with its fen (１，６４２，３００．００元, a cell of a 元
 *  table): typed in full-width mode, it is the thousands separator. Anywhere else ， is the Chinese comma (分别为120，350万元). */
// (huntb55: and with two groups or more before 元, its fen unwritten, 1，498，300元 — no list's commas cut a figure into 000s)
const FULLWIDTH_THOUSANDS = /(?<![\d,，.])\d{1,3}(?:(?:，\d{3})+(?=\.\d{2}(?![\d%])(?:[ \t]*元|[ \t]*(?:\t|\n|$)))|(?:，\d{3}){2,}(?![\d.，])(?=[ \t]*元))/g;

/** An OCR copy's letter O for the digit 0 in a year before 年 (2O23年度, 2O24年): a year has one shape, so the letter is the
 *  digit there (elsewhere a letter glued to a figure leaves it unknown: 自评得分为9O分 is no score). Same length. */
// (and a letter l or I for the digit 1 in its last two places, 202l年, 20I9年: hunta48 — read as no year, 202l年度实际支出X in a
// 2022 report passed the other-year checks as the report's own figure)
const OCR_YEAR = /(?<![\dA-Za-z.])(?=[\dOolI]{0,3}[OolI])(?:19|2[0Oo])[\dOolI]{2}(?=[ \t]*年)/g;

/** …and in a date's month or day after such a year (2024年1O月, 2024年3月2O日, 2024年O3月O5日: lists47): a month or a day has
 *  one shape there too, a digit's place between 年 and 月 or 月 and 日/号. Not a letter alone (3月O日), nor one glued to a
 *  letter or a figure past a day's two digits. Same length. */
// (the letter's place first, so that the look-behind runs only there: a layout copy's runs of spaces stay cheap)
const OCR_MONTH = /(?=[Oo][1-9]|1[Oo])(?<=(?:19|20)\d{2}[ \t]{0,3}年[ \t]{0,3})(?:[Oo][1-9]|1[Oo])(?=[ \t]{0,3}月)/g;
const OCR_DAY = /(?=[Oo][1-9]|[1-3][Oo])(?<=(?:19|20)\d{2}[ \t]{0,3}年[ \t]{0,3}\d{1,2}[ \t]{0,3}月[ \t]{0,3})(?:[Oo][1-9]|[1-3][Oo])(?=[ \t]{0,3}[日号])/g;

/** …and an OCR copy's 曰 for the 日 closing such a date (2024年3月5曰, hunta48): after a year, a month and a day's one or two
 *  digits (or the letter O read for 0) it can be nothing else. Same length. */
const OCR_RI = /(?<=(?:19|2[0Oo])[\dOo]{2}[ \t]{0,3}年[ \t]{0,3}[\dOo]{1,2}[ \t]{0,3}月[ \t]{0,3}[\dOo]{1,2}[ \t]{0,3})曰/g;

/** For matching: full-width ASCII → ASCII (except the Chinese comma ，, a thousands separator only as FULLWIDTH_THOUSANDS says). */
export function foldForMatch(s: string): string {
  let folded = s.replace(TO_FOLD, foldChar);
  if (folded.includes('曰')) folded = folded.replace(OCR_RI, '日');
  if (/[OolI]/.test(folded)) {
    const digit = (m: string) => m.replace(/[Oo]/g, '0');
    folded = folded.replace(OCR_YEAR, (m) => digit(m).replace(/[lI]/g, '1')).replace(OCR_MONTH, digit).replace(OCR_DAY, digit);
  }
  return folded.includes('，') ? folded.replace(FULLWIDTH_THOUSANDS, (m) => m.replace(/，/g, ',')) : folded;
}

/** For string values: only full-width letters and digits folded; Chinese punctuation kept. */
export function foldForDisplay(s: string): string {
  return s.replace(/[０-９Ａ-Ｚａ-ｚ]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)).replace(/[\u00a0\u3000]/g, ' ');
}

/** A clean string value from display text: whitespace dropped next to CJK, collapsed elsewhere, quotes trimmed. */
export function cleanValue(s: string): string {
  return s
    // (huntb55: a Word footnote's reference copied as a superscript number after a word or a stop, 投入不足¹。: no part of the
    // value; not after a letter or a digit, 500m², where it is the unit's)
    .replace(/(?<=[\u4e00-\u9fa5。，、；：！？”）])[¹²³\u2070\u2074-\u2079]{1,2}/g, '')
    .replace(/\s+/g, ' ')
    .replace(/ (?=[^\x00-\x7f])|(?<=[^\x00-\x7f]) /g, '')
    .trim()
    .replace(/^(["“'‘「『《])([^"“”'‘’「」『』《》]*)(["”'’」』》])$/, '$2')
    .trim();
}
