// A spreadsheet number as its cell shows it: the cell's number format applied (percent, fixed decimals, thousands
// separators, literal text such as `0.00"万元"`, dates). The text is what a reader of the sheet sees, so a value
// keeps the unit and the rounding the sheet gives it.

/** Excel's built-in formats by id (ids 27–36 and 50–58 are the Chinese locale's dates). */
const BUILTIN: Record<number, string> = {
  0: 'General',
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'yyyy/m/d',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'yyyy/m/d h:mm',
  27: 'yyyy"年"m"月"',
  28: 'm"月"d"日"',
  29: 'm"月"d"日"',
  30: 'm/d/yy',
  31: 'yyyy"年"m"月"d"日"',
  32: 'h"时"mm"分"',
  33: 'h"时"mm"分"ss"秒"',
  34: 'h"时"mm"分"',
  35: 'h"时"mm"分"ss"秒"',
  36: 'yyyy"年"m"月"',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00;(#,##0.00)',
  40: '#,##0.00;[Red](#,##0.00)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
  50: 'yyyy"年"m"月"',
  51: 'm"月"d"日"',
  52: 'yyyy"年"m"月"',
  53: 'm"月"d"日"',
  54: 'm"月"d"日"',
  55: 'yyyy"年"m"月"',
  56: 'm"月"d"日"',
  57: 'yyyy"年"m"月"',
  58: 'm"月"d"日"',
};

export const builtinFormat = (id: number): string | undefined => BUILTIN[id];

type Token = { lit: string } | { ph: string };

/** A format section as literal text and placeholders (quoted text, `\x`, and other characters are literal). */
function tokens(section: string): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < section.length; i++) {
    const ch = section[i];
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      out.push({ lit: section.slice(i + 1, end < 0 ? undefined : end) });
      i = end < 0 ? section.length : end;
    } else if (ch === '\\') {
      out.push({ lit: section[++i] ?? '' });
    } else if (ch === '[') {
      const end = section.indexOf(']', i);
      i = end < 0 ? section.length : end; // a colour, a condition or a locale: shows nothing
    } else if (ch === '_') {
      i++; // room for the next character's width
      out.push({ lit: ' ' });
    } else if (ch === '*') {
      i++; // fill character
    } else if (/[0#?.,%Ee+\-@yYmMdDhHsS]/.test(ch)) {
      out.push({ ph: ch });
    } else out.push({ lit: ch });
  }
  return out;
}

const isDateFormat = (toks: Token[]): boolean => toks.some((t) => 'ph' in t && /[yYdD]/.test(t.ph)) || (toks.some((t) => 'ph' in t && /[hHsS]/.test(t.ph)) && !toks.some((t) => 'ph' in t && /[0#?]/.test(t.ph)));

/** A serial day number as year, month, day, hours, minutes, seconds (1900 system with Excel's 29 Feb 1900, or 1904). */
function dateParts(serial: number, date1904: boolean): number[] {
  let days = Math.floor(serial);
  const secs = Math.round((serial - days) * 86400);
  if (!date1904) {
    if (days === 60) return [1900, 2, 29, 0, 0, 0];
    if (days > 60) days -= 1;
  }
  const base = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 31);
  const d = new Date(base + days * 86400000);
  return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), Math.floor(secs / 3600), Math.floor(secs / 60) % 60, secs % 60];
}

function formatDate(serial: number, toks: Token[], date1904: boolean): string {
  const [y, mo, d, h, mi, s] = dateParts(serial, date1904);
  let out = '';
  let lastWasHour = false;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if ('lit' in t) {
      out += t.lit;
      continue;
    }
    const c = t.ph.toLowerCase();
    let n = 1;
    while (i + n < toks.length && 'ph' in toks[i + n] && (toks[i + n] as { ph: string }).ph.toLowerCase() === c) n++;
    i += n - 1;
    const pad = (v: number) => (n >= 2 ? String(v).padStart(2, '0') : String(v));
    if (c === 'y') out += n <= 2 ? String(y % 100).padStart(2, '0') : String(y);
    else if (c === 'm') {
      // minutes right after hours or before seconds; otherwise the month
      const nextS = toks.slice(i + 1).find((x) => 'ph' in x && /[a-z]/i.test(x.ph));
      const minutes = lastWasHour || (nextS && 'ph' in nextS && nextS.ph.toLowerCase() === 's');
      out += minutes ? pad(mi) : n >= 3 ? String(mo) : pad(mo);
    } else if (c === 'd') out += n >= 3 ? '' : pad(d);
    else if (c === 'h') out += pad(h);
    else if (c === 's') out += pad(s);
    else out += t.ph;
    lastWasHour = c === 'h';
  }
  return out;
}

/** The number without float noise (0.30000000000000004 → 0.3), as Excel's General shows up to 15 digits. */
export function generalNumber(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  if (Number.isInteger(v) && Math.abs(v) < 1e15) return String(v);
  const s = String(Number(v.toPrecision(15)));
  return s.includes('e') ? v.toPrecision(15).replace(/\.?0+(?=e|$)/, '') : s;
}

function formatNumber(v: number, toks: Token[]): string {
  const ph = toks.filter((t): t is { ph: string } => 'ph' in t).map((t) => t.ph);
  const percents = ph.filter((p) => p === '%').length;
  let x = v * 100 ** percents;
  const first = toks.findIndex((t) => 'ph' in t && /[0#?]/.test(t.ph));
  let last = -1;
  toks.forEach((t, i) => {
    if ('ph' in t && /[0#?.,]/.test(t.ph)) last = i;
  });
  if (first < 0) return toks.map((t) => ('lit' in t ? t.lit : t.ph === '%' ? '%' : t.ph === '@' ? generalNumber(x) : '')).join('');
  const pattern = toks.slice(first, last + 1).map((t) => ('ph' in t ? t.ph : '')).join('');
  const dot = pattern.indexOf('.');
  const fracPat = dot < 0 ? '' : pattern.slice(dot + 1).replace(/[^0#?]/g, '');
  const intPat = dot < 0 ? pattern : pattern.slice(0, dot);
  // trailing commas scale by thousands (#,##0, shows thousands)
  const scale = /,+$/.exec(intPat)?.[0].length ?? 0;
  x /= 1000 ** scale;
  const grouped = /[0#?],[0#?]/.test(intPat);
  const minFrac = (/^0*/.exec(fracPat)?.[0].length ?? 0);
  let body: string;
  if (/[eE]/.test(pattern)) body = x.toExponential(fracPat.length).replace('e', 'E').replace(/E(\d)/, 'E+$1');
  else {
    body = Math.abs(x).toFixed(fracPat.length);
    // (optional digits, #: trailing zeros past the required ones dropped, and the point with them when none is left)
    if (fracPat.length > minFrac) {
      const point = body.indexOf('.');
      let end = body.length;
      while (end > point + 1 + minFrac && body[end - 1] === '0') end--;
      body = body.slice(0, end === point + 1 ? point : end);
    }
    if (!/0/.test(intPat) && /^0\./.test(body)) body = body.slice(1);
    if (grouped) body = body.replace(/^(\d+)/, (d) => d.replace(/\B(?=(\d{3})+(?!\d))/g, ','));
    if (x < 0 && /[1-9]/.test(body)) body = '-' + body;
  }
  const lit = (from: number, to: number) => toks.slice(from, to).map((t) => ('lit' in t ? t.lit : t.ph === '%' ? '%' : '')).join('');
  return lit(0, first) + body + lit(last + 1, toks.length);
}

/** The text a cell shows for number `v` under format `code` (a format code, or undefined for General). */
export function formatCell(v: number, code: string | undefined, date1904 = false): string {
  if (!code || /^general$/i.test(code) || code === '@') return generalNumber(v);
  const sections = splitSections(code);
  let section = sections[0];
  let value = v;
  if (v < 0 && sections.length > 1 && sections[1] !== '') {
    section = sections[1];
    value = -v;
  } else if (v === 0 && sections.length > 2) section = sections[2];
  if (/^general$/i.test(section.trim())) return generalNumber(value);
  const toks = tokens(section);
  if (isDateFormat(toks)) return value >= 0 && value < 2958466 ? formatDate(value, toks, date1904) : generalNumber(value);
  try {
    return formatNumber(value, toks);
  } catch {
    return generalNumber(value);
  }
}

/** Sections split on `;` outside quotes. */
function splitSections(code: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < code.length; i++) {
    const ch = code[i];
    if (ch === '"') quoted = !quoted;
    if (ch === '\\' && !quoted) {
      cur += ch + (code[++i] ?? '');
      continue;
    }
    if (ch === ';' && !quoted) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}
