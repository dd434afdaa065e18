// Numbers as written in reports → exact values. Decimal-safe: amounts are scaled BigInts, never float products.

const CN_DIGITS: Record<string, number> = {
  〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
  壹: 1, 贰: 2, 叁: 3, 肆: 4, 伍: 5, 陆: 6, 柒: 7, 捌: 8, 玖: 9,
};
const CN_SMALL_UNITS: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };
const CN_BIG_UNITS: Record<string, number> = { 万: 10000, 亿: 100000000 };

export const CN_NUMERAL_CHARS = '〇零一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟';

const YEAR_DIGIT: Record<string, string> = { 〇: '0', '○': '0', O: '0', 零: '0', 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' };
/** A year as written: digits, maybe letter-spaced, or digit by digit in Chinese numerals (二〇二二, 二○二二, 二零二二 → 2022). */
export function yearNumber(y: string): number {
  return Number(y.replace(/\s/g, '').replace(/[〇○O零一二三四五六七八九]/g, (c) => YEAR_DIGIT[c]));
}

/** 一百零八 → 108, 十二 → 12, 二〇二四 → 2024 (digit by digit when there is no unit character). */
export function parseChineseInteger(s: string): number | null {
  if (!s) return null;
  const chars = [...s];
  if (chars.every((c) => c in CN_DIGITS)) {
    // digit-by-digit (years, codes): 二〇二四
    if (chars.length === 1) return CN_DIGITS[chars[0]];
    return Number(chars.map((c) => CN_DIGITS[c]).join(''));
  }
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  for (const c of chars) {
    if (c in CN_DIGITS) {
      digit = CN_DIGITS[c];
    } else if (c in CN_SMALL_UNITS) {
      section += (digit ?? 1) * CN_SMALL_UNITS[c];
      digit = null;
    } else if (c in CN_BIG_UNITS) {
      section += digit ?? 0;
      total += (section || 1) * CN_BIG_UNITS[c];
      section = 0;
      digit = null;
    } else {
      return null;
    }
  }
  return total + section + (digit ?? 0);
}

const GROUPED = /^[^\d]*\d{1,3}(?:[,，]\d{3})+(?:\.\d+)?[^\d]*$/;
const SPACED = /^[^\d]*\d{1,3}(?:[ \t\u3000]\d{3})+(?:\.\d+)?[^\d]*$/;

/** A decimal as a scaled integer: value = int / 10^scale. */
export interface Dec {
  int: bigint;
  scale: number;
}

/** '1,234.50' | '149.83' | '１４９．８３' | '七' → Dec; null when not a number. */
export function parseDecimal(raw: string): Dec | null {
  const folded = foldDigits(raw);
  // a comma between digits is a thousands separator only in groups of three before the point: `133,09` (OCR's comma
  // for a point) or `1,5` is no number we can read, not 13309 or 15
  if (/\d[ \t]*[,，][ \t]*\d/.test(folded) && !GROUPED.test(folded.replace(/[ \t]/g, ''))) return null;
  // so is a space between digits: `1 234 567` groups thousands, `133 09` (a point lost) or `10 98.21` (two cells) is none
  if (/\d[ \t\u3000]+\d/.test(folded) && !SPACED.test(folded)) return null;
  const s = folded.replace(/[,，\s]/g, '');
  if (/^[+-]?\d+(\.\d+)?$/.test(s)) {
    const neg = s.startsWith('-');
    const body = s.replace(/^[+-]/, '');
    const [i, f = ''] = body.split('.');
    const int = BigInt(i + f) * (neg ? -1n : 1n);
    return { int, scale: f.length };
  }
  // 九十五点五 → 95.5: the integer part in Chinese numerals, the decimals digit by digit
  const dot = s.indexOf('点');
  if (dot > 0) {
    const i = parseChineseInteger(s.slice(0, dot));
    const f = [...s.slice(dot + 1)];
    if (i === null || !f.length || !f.every((c) => c in CN_DIGITS)) return null;
    return { int: BigInt(`${i}${f.map((c) => CN_DIGITS[c]).join('')}`), scale: f.length };
  }
  const cn = parseChineseInteger(s);
  return cn === null ? null : { int: BigInt(cn), scale: 0 };
}

export function decToNumber(d: Dec): number {
  // exact for the magnitudes we meet: the string round-trips through Number parsing once
  if (d.scale === 0) return Number(d.int);
  const neg = d.int < 0n;
  const digits = (neg ? -d.int : d.int).toString().padStart(d.scale + 1, '0');
  return Number(`${neg ? '-' : ''}${digits.slice(0, -d.scale)}.${digits.slice(-d.scale)}`);
}

export function decMul(d: Dec, factor: bigint): Dec {
  return { int: d.int * factor, scale: d.scale };
}

const MULTIPLIERS: Record<string, bigint> = { '': 1n, 十: 10n, 百: 100n, 千: 1000n, 万: 10000n, 十万: 100000n, 百万: 1000000n, 千万: 10000000n, 亿: 100000000n };

/** '149.83', '万元' → 1498300 (yuan). Unit may be 元, 万元, 亿元, 千元, or a bare multiplier (万). */
export function toYuan(num: string, unit: string): number | null {
  const d = parseDecimal(num);
  if (!d) return null;
  const u = unit.replace(/\s/g, '').replace(/元$/, '');
  const m = MULTIPLIERS[u];
  if (m === undefined) return null;
  return decToNumber(decMul(d, m));
}

/** '4', '万' → 40000; '1.63', '万' → 16300; '七' → 7. */
/** non-zero Chinese digits side by side (not 一百零五: 零 stands between) */
const CN_RANGE = /[一二两三四五六七八九][一二两三四五六七八九]/;

export function toCount(num: string, multiplier = ''): number | null {
  // two digits side by side in Chinese numerals are a range (两三场, 七八十人, 三十五六人) or a code, never one count
  // (also letter-spaced, 两 三 人: parseDecimal reads the figure without its spaces)
  if (CN_RANGE.test(num.replace(/\s+/g, ''))) return null;
  const d = parseDecimal(num);
  if (!d) return null;
  const m = MULTIPLIERS[multiplier.replace(/\s/g, '')];
  if (m === undefined) return null;
  return decToNumber(decMul(d, m));
}

export function toRate(num: string): number | null {
  const d = parseDecimal(num);
  return d ? decToNumber(d) : null;
}

/** Full-width digits and dot → ASCII (length-preserving). */
export function foldDigits(s: string): string {
  return s.replace(/[０-９．，]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/** Half a unit of the last written digit, in the value's own unit: '149.83' → 0.005. For rounding tolerance. */
export function halfUlp(num: string, factor = 1): number {
  const s = foldDigits(num).replace(/[,\s]/g, '');
  const dot = s.indexOf('.');
  const decimals = dot < 0 ? 0 : s.length - dot - 1;
  return (0.5 * factor) / 10 ** decimals;
}

/** Rounding slack in yuan of a money figure as written (raw: '149.83万元', '2.38亿元', '1,234.00元'): half a unit of its
 *  last written digit. */
export function moneySlack(raw: string | undefined): number {
  const m = /^([\d,.]+)\s*(万|亿|千)?/.exec(raw ?? '');
  if (!m) return 0.5;
  const factor = m[2] === '亿' ? 1e8 : m[2] === '万' ? 1e4 : m[2] === '千' ? 1e3 : 1;
  return halfUlp(m[1], factor);
}

/** The years a list of years stands for: a span's two ends (2021—2023年, 2021年至2023年: macros.yaml YEAR_SPAN) give each year
 *  from the first to the last (at most six, as a list holds); a list, its own years (hunta56). */
export function spanYears(text: string, listed: number[]): number[] {
  const [a, b] = listed;
  if (listed.length !== 2 || b <= a || b - a > 5 || !/[—–\-－~～至到]/.test(text)) return listed;
  return Array.from({ length: b - a + 1 }, (_, k) => a + k);
}
