// A literal every match of a regex must contain, read from the regex source: a pattern whose literal is not in
// the text cannot match, and String.includes is far cheaper than a scan that tries a lookbehind at every offset.

import { escapeRegex, expand } from '../patterns.js';

const META = new Set(['.', '^', '$']);
const QUANT = new Set(['?', '*', '+', '{']);

/** A required literal and the most UTF-16 units a match can consume before it (Infinity when unbounded). */
export interface Anchor {
  lit: string;
  before: number;
}

/** Literals one of which every match contains, and the most units a match can consume before the one it holds. */
export interface AnchorSet {
  lits: string[];
  before: number;
}

/**
 * The longest run of plain characters outside any group or class and not made optional by a quantifier, or null
 * when there is none (or when the pattern is an alternation at top level). Conservative: it may miss a literal,
 * it never returns one a match could lack.
 */
export function requiredLiteral(src: string): string | null {
  return literalAnchor(src)?.lit ?? null;
}

/**
 * requiredLiteral's literal, with how far before it a match can start: no match starts before (first occurrence of
 * the literal) − before, so a scan can jump there instead of trying a lookbehind at every offset.
 */
export function literalAnchor(src: string): Anchor | null {
  const found = sequence(src, 0, src.length, false);
  let best: Anchor | null = null;
  for (const c of found ?? []) if (c.lits.length === 1 && (!best || c.lits[0].length > best.lit.length)) best = { lit: c.lits[0], before: c.before };
  return best;
}

/**
 * Like literalAnchor, but a required group of alternatives (`(?:得分|评分)`) or a top-level alternation gives a set:
 * every match holds one of its literals. The set whose shortest literal is longest is taken (a rarer literal is
 * found less often), then the smaller set; sets with a bounded `before` first.
 */
export function anchorSet(src: string): AnchorSet | null {
  return setOf(src, 0, src.length);
}

/**
 * Every set of literals one of which every match holds: each required run of plain characters and each required group's
 * set (a top-level alternation: its one set). anchorSet picks one of them to find where matches start; a set none of whose
 * literals stands in a text tells, whichever was picked, that no match can.
 */
export function requiredSets(src: string): string[][] {
  if (alternatives(src, 0, src.length).length > 1) {
    const one = setOf(src, 0, src.length);
    return one ? [one.lits] : [];
  }
  return (sequence(src, 0, src.length, true) ?? []).map((c) => c.lits);
}

function setOf(src: string, a: number, b: number): AnchorSet | null {
  const alts = alternatives(src, a, b);
  if (alts.length > 1) {
    const lits = new Set<string>();
    let before = 0;
    for (const [x, y] of alts) {
      // (an alternative that can never match holds no match: 县科协… with the unit's level unknown, [{LEVEL}] → [])
      if (never(src, x, y)) continue;
      const one = setOf(src, x, y);
      if (!one) return null;
      one.lits.forEach((l) => lits.add(l));
      before = Math.max(before, one.before);
    }
    return withoutLonger([...lits], before);
  }
  let best: AnchorSet | null = null;
  for (const c of sequence(src, a, b, true) ?? []) if (!best || better(c, best)) best = c;
  return best;
}

/**
 * True when the piece src[a, b) can never match: each of its alternatives requires an empty class `[]`, an always-failing
 * `(?!)`, or a group (consuming or a positive lookaround) that can never match. Conservative: false for any form it does
 * not know.
 */
function never(src: string, a: number, b: number): boolean {
  const alts = alternatives(src, a, b);
  return alts.every(([x, y]) => requiresNever(src, x, y));
}
function requiresNever(src: string, a: number, b: number): boolean {
  for (let i = a; i < b; ) {
    const c = src[i];
    let end: number;
    let impossible = false;
    if (c === '\\') end = escapeEnd(src, i);
    else if (c === '[') {
      end = classEnd(src, i);
      impossible = src[i + 1] === ']';
    } else if (c === '(') {
      end = groupEnd(src, i);
      if (end < 0 || end > b) return false;
      const head = src.slice(i, i + 4);
      if (head.startsWith('(?!') || head.startsWith('(?<!')) impossible = end - i === (head.startsWith('(?!') ? 4 : 5);
      else {
        const body = head.startsWith('(?=') ? i + 3 : head.startsWith('(?<=') ? i + 4 : groupBody(src, i, end);
        impossible = body > 0 && never(src, body, end - 1);
      }
    } else end = i + 1;
    if (impossible && !optional(src, end)) return true;
    i = end;
  }
  return false;
}

/** A literal holding another of the set is not needed (the other is found in it); `before` grows by the offset. */
function withoutLonger(lits: string[], before: number): AnchorSet {
  const kept = lits.filter((x) => !lits.some((y) => y !== x && x.includes(y)));
  let grow = 0;
  for (const x of lits) {
    if (kept.includes(x)) continue;
    const at = Math.min(...kept.map((z) => x.indexOf(z)).filter((k) => k >= 0));
    grow = Math.max(grow, at);
  }
  return { lits: kept, before: before + grow };
}

function better(c: AnchorSet, than: AnchorSet): boolean {
  if ((c.before === Infinity) !== (than.before === Infinity)) return c.before !== Infinity;
  const short = (x: AnchorSet) => Math.min(...x.lits.map((l) => l.length));
  if (short(c) !== short(than)) return short(c) > short(than);
  if (c.lits.length !== than.lits.length) return c.lits.length < than.lits.length;
  return c.before < than.before;
}

/** The [start, end) of each top-level alternative of src[a, b). */
function alternatives(src: string, a: number, b: number): [number, number][] {
  const out: [number, number][] = [];
  let from = a;
  for (let i = a; i < b; i++) {
    const c = src[i];
    if (c === '\\') i++;
    else if (c === '[') i = classEnd(src, i) - 1;
    else if (c === '(') {
      const end = groupEnd(src, i);
      if (end < 0) return [[a, b]];
      i = end - 1;
    } else if (c === '|') {
      out.push([from, i]);
      from = i + 1;
    }
  }
  out.push([from, b]);
  return out;
}

/**
 * The anchors of the sequence src[a, b): each required run of plain characters, and (with `groups`) each required
 * group's set; null when the piece is an alternation at its top level.
 */
function sequence(src: string, a: number, b: number, groups: boolean): AnchorSet[] | null {
  const runs: AnchorSet[] = [];
  let run = '';
  let runBefore = 0; // max length consumed before the run's first character
  let total = 0; // max length consumed so far (Infinity: unbounded or not understood)
  let last = 0; // max length of the last atom, for a quantifier after it
  const cut = () => {
    if (run) runs.push({ lits: [run], before: runBefore });
    run = '';
  };
  let i = a;
  while (i < b) {
    const c = src[i];
    if (c === '|') return null;
    if (c === '\\') {
      cut();
      last = escapeMax(src[i + 1]);
      total += last;
      i = escapeEnd(src, i);
      continue;
    }
    if (c === '[') {
      cut();
      last = 1;
      total += 1;
      i = classEnd(src, i);
      continue;
    }
    if (c === '(') {
      cut();
      const end = groupEnd(src, i);
      if (end < 0 || end > b) return null;
      last = groupMax(src, i, end);
      if (groups && last > 0 && !optional(src, end)) {
        const body = groupBody(src, i, end);
        const inner = body ? setOf(src, body, end - 1) : null;
        if (inner) runs.push({ lits: inner.lits, before: total + inner.before });
      }
      total += last;
      i = end;
      continue;
    }
    if (QUANT.has(c)) {
      // the quantifier applies to the last character: it is not required
      run = run.slice(0, -1);
      cut();
      let times = Infinity;
      if (c === '{') {
        const close = src.indexOf('}', i);
        if (close < 0) return null;
        times = repeatMax(src.slice(i, close + 1));
        i = close + 1;
      } else {
        times = c === '?' ? 1 : Infinity;
        i++;
      }
      total = grow(total, last, times);
      if (src[i] === '?') i++; // lazy
      continue;
    }
    if (META.has(c) || c === ')' || c === ']') {
      cut();
      last = c === '.' ? 1 : 0;
      total += last;
      i++;
      continue;
    }
    if (!run) runBefore = total;
    run += c;
    last = 1;
    total += 1;
    i++;
  }
  cut();
  return runs;
}

/** A quantifier at `i` that lets the atom before it match zero times (`?`, `*`, `{0,…}`). */
function optional(src: string, i: number): boolean {
  return src[i] === '?' || src[i] === '*' || (src[i] === '{' && /^\{0[,}]/.test(src.slice(i, i + 3)));
}

/** Where the body of the consuming group src[i, end) starts (after `(`, `(?:` or `(?<name>`); 0 for other forms. */
function groupBody(src: string, i: number, end: number): number {
  if (src[i + 1] !== '?') return i + 1;
  if (src[i + 2] === ':') return i + 3;
  if (src[i + 2] === '<' && src[i + 3] !== '=' && src[i + 3] !== '!') {
    const gt = src.indexOf('>', i);
    return gt > 0 && gt < end ? gt + 1 : 0;
  }
  return 0;
}

/** `sum` after its last atom (max `last`) is repeated up to `times` times. */
function grow(sum: number, last: number, times: number): number {
  if (last === 0 || times === 1) return sum;
  return last === Infinity || times === Infinity ? Infinity : sum + last * (times - 1);
}

/** Index after the escape at `i` (a backslash): past a \\uXXXX's or \\xHH's digits, a \\cX's letter, a \\k<name> or a
 *  back-reference's digits, whose characters are no literal of the pattern (\\u3000* read as the run 300 required). */
function escapeEnd(src: string, i: number): number {
  const ch = src[i + 1];
  const m =
    ch === 'u' ? /^[0-9a-fA-F]{4}/.exec(src.slice(i + 2, i + 6)) : ch === 'x' ? /^[0-9a-fA-F]{2}/.exec(src.slice(i + 2, i + 4)) : ch === 'c' ? /^[A-Za-z]/.exec(src.slice(i + 2, i + 3)) : ch === 'k' ? /^<[^>]*>/.exec(src.slice(i + 2, i + 40)) : ch !== undefined && /[1-9]/.test(ch) ? /^\d*/.exec(src.slice(i + 2, i + 6)) : null;
  return i + 2 + (m ? m[0].length : 0);
}

/** Max length of an escape by its letter: assertions 0, classes and single characters 1; Infinity for the forms
 *  longer than two source characters (\uXXXX, \xHH, \cX) and back-references, which this reader does not follow. */
function escapeMax(ch: string | undefined): number {
  if (ch === 'b' || ch === 'B') return 0;
  if (ch === undefined || /[uxck1-9]/.test(ch)) return Infinity;
  return 1;
}

/** The upper bound of a `{n}` / `{n,m}` quantifier; Infinity for `{n,}` or anything else. */
function repeatMax(q: string): number {
  const m = /^\{(\d+)(?:(,)(\d*))?\}$/.exec(q);
  if (!m) return Infinity;
  return !m[2] ? Number(m[1]) : m[3] ? Number(m[3]) : Infinity;
}

/** Max length of the group src[i, end): lookarounds 0; Infinity for forms it does not know. */
function groupMax(src: string, i: number, end: number): number {
  if (/^\(\?(?:=|!|<=|<!)/.test(src.slice(i, i + 4))) return 0;
  let from = i + 1;
  if (src[from] === '?') {
    if (src[from + 1] === ':') from += 2;
    else if (src[from + 1] === '<') {
      const gt = src.indexOf('>', from);
      if (gt < 0 || gt > end) return Infinity;
      from = gt + 1;
    } else return Infinity;
  }
  return maxLen(src, from, end - 1);
}

/** Max length of the pattern piece src[a, b) (alternatives, groups, classes, quantifiers). */
function maxLen(src: string, a: number, b: number): number {
  let best = 0;
  let cur = 0;
  let last = 0;
  let i = a;
  while (i < b) {
    const c = src[i];
    if (c === '|') {
      best = Math.max(best, cur);
      cur = last = 0;
      i++;
    } else if (c === '\\') {
      last = escapeMax(src[i + 1]);
      cur += last;
      i += 2;
    } else if (c === '[') {
      last = 1;
      cur += 1;
      i = classEnd(src, i);
    } else if (c === '(') {
      const end = groupEnd(src, i);
      if (end < 0 || end > b) return Infinity;
      last = groupMax(src, i, end);
      cur += last;
      i = end;
    } else if (QUANT.has(c)) {
      let times = c === '?' ? 1 : Infinity;
      if (c === '{') {
        const close = src.indexOf('}', i);
        if (close < 0 || close >= b) return Infinity;
        times = repeatMax(src.slice(i, close + 1));
        i = close + 1;
      } else i++;
      cur = grow(cur, last, times);
      if (src[i] === '?') i++;
    } else {
      last = c === '^' || c === '$' ? 0 : 1;
      cur += last;
      i++;
    }
  }
  return Math.max(best, cur);
}

/** Index after the `]` closing the class opened at `i`. */
function classEnd(src: string, i: number): number {
  let j = i + 1;
  if (src[j] === '^') j++;
  // (in JavaScript a ] right after [ or [^ closes the class: [] matches nothing, [^] anything — {LEVEL} of an unknown unit
  // is []; read as a literal ], as in other dialects, the class ran on to the next ] and the pattern got no anchor)
  for (; j < src.length; j++) {
    if (src[j] === '\\') j++;
    else if (src[j] === ']') return j + 1;
  }
  return src.length;
}

/** Index after the `)` closing the group opened at `i`, or -1 when unbalanced. */
function groupEnd(src: string, i: number): number {
  let depth = 0;
  for (let j = i; j < src.length; j++) {
    const c = src[j];
    if (c === '\\') j++;
    else if (c === '[') j = classEnd(src, j) - 1;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return j + 1;
  }
  return -1;
}

/**
 * True when no match of the pattern can hold a line break: every character it consumes comes from a class or escape
 * that excludes `\n` (lookarounds do not consume, so they are not looked into). Then a match lies within one line,
 * and a scan can start at the line of the next literal. Conservative: false for any form it does not know.
 * Assumes the regex is compiled without the `s` flag (the engine's are).
 */
export function singleLine(src: string): boolean {
  return noBreak(src, 0, src.length);
}

function noBreak(src: string, a: number, b: number): boolean {
  let i = a;
  while (i < b) {
    const c = src[i];
    if (c === '\n') return false;
    if (c === '\\') {
      if (!escapeWithoutBreak(src, i)) return false;
      i = escapeAt(src, i)!.next;
    } else if (c === '[') {
      const end = classEnd(src, i);
      if (!classWithoutBreak(src.slice(i + 1, end - 1))) return false;
      i = end;
    } else if (c === '(') {
      const end = groupEnd(src, i);
      if (end < 0 || end > b) return false;
      if (!/^\(\?(?:=|!|<=|<!)/.test(src.slice(i, i + 4))) {
        const body = groupBody(src, i, end);
        if (!body || !noBreak(src, body, end - 1)) return false;
      }
      i = end;
    } else i++;
  }
  return true;
}

/** An escape that never matches `\n` (outside a class, \b and \B are assertions). */
function escapeWithoutBreak(src: string, i: number): boolean {
  const e = escapeAt(src, i);
  return !!e && e.code !== 10;
}

const CONTROL: Record<string, number> = { t: 9, n: 10, v: 11, f: 12, r: 13, '0': 0, b: 8 };

/**
 * The escape at src[i] (a backslash): its code point (null for \d \w \S, which never match `\n`), and the index after
 * it; null for the forms that may match `\n` or that this reader does not follow (\s \D \W \p, back-references).
 */
function escapeAt(src: string, i: number): { code: number | null; next: number } | null {
  const ch = src[i + 1];
  if (ch === undefined) return null;
  if (ch === 'd' || ch === 'w' || ch === 'S' || ch === 'B') return { code: null, next: i + 2 };
  if (ch in CONTROL) return { code: CONTROL[ch], next: i + 2 };
  const hex = ch === 'u' ? /^[0-9a-fA-F]{4}/.exec(src.slice(i + 2)) : ch === 'x' ? /^[0-9a-fA-F]{2}/.exec(src.slice(i + 2)) : null;
  if (hex) return { code: parseInt(hex[0], 16), next: i + 2 + hex[0].length };
  if (/[A-Za-z1-9]/.test(ch)) return null;
  return { code: ch.charCodeAt(0), next: i + 2 };
}

/** A class body (between the brackets) that cannot match `\n`: a negated one must name it (`\n` or `\s`); a plain
 *  one must hold no escape that matches it and no range around it. */
function classWithoutBreak(body: string): boolean {
  if (body.startsWith('^')) return /\\[ns]/.test(body.replace(/\\\\/g, ''));
  const atom = (i: number) => (body[i] === '\\' ? escapeAt(body, i) : { code: body.charCodeAt(i), next: i + 1 });
  let i = 0;
  while (i < body.length) {
    const a = atom(i);
    if (!a) return false;
    if (body[a.next] === '-' && a.next + 1 < body.length) {
      const z = atom(a.next + 1);
      if (!z || a.code === null || z.code === null || (a.code <= 10 && z.code >= 10)) return false;
      i = z.next;
    } else {
      if (a.code === 10) return false;
      i = a.next;
    }
  }
  return true;
}

/**
 * The longest run of whole atoms at the start of the pattern (with their quantifiers) that cannot consume a line break,
 * or null for a top-level alternation. Every match's part matched by it is a match of it: so a literal of its
 * anchorSet lies in every match on the line the match starts on, even when the rest of the pattern spans lines.
 */
export function breakFreePrefix(src: string): string | null {
  if (alternatives(src, 0, src.length).length > 1) return null;
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    let j: number;
    if (c === '\\') {
      const e = escapeAt(src, i);
      if (!e) break;
      j = e.next;
    } else if (c === '[') j = classEnd(src, i);
    else if (c === '(') {
      j = groupEnd(src, i);
      if (j < 0) break;
    } else j = i + 1;
    if (!noBreak(src, i, j)) break;
    if (src[j] === '?' || src[j] === '*' || src[j] === '+') j++;
    else if (src[j] === '{') {
      const q = /^\{\d+(?:,\d*)?\}/.exec(src.slice(j, j + 12));
      if (q) j += q[0].length;
    }
    if (src[j] === '?') j++; // lazy
    i = j;
  }
  return src.slice(0, i);
}

/** Where the atom at `i` ends (with its quantifier), and whether it is an unquantified consuming group (its body's start). */
function atomAt(src: string, i: number): { end: number; body: number } | null {
  const c = src[i];
  let j: number;
  let group = false;
  if (c === '\\') j = escapeAt(src, i)?.next ?? i + 2;
  else if (c === '[') j = classEnd(src, i);
  else if (c === '(') {
    j = groupEnd(src, i);
    if (j < 0) return null;
    group = true;
  } else j = i + 1;
  const close = j;
  if (src[j] === '?' || src[j] === '*' || src[j] === '+') j++;
  else if (src[j] === '{') {
    const q = /^\{\d+(?:,\d*)?\}/.exec(src.slice(j, j + 12));
    if (q) j += q[0].length;
  }
  if (j > close && src[j] === '?') j++; // lazy
  return { end: j, body: group && j === close ? groupBody(src, i, close) : 0 };
}

/**
 * A part every match holds whose literals stand at most `STICKY_GATE` units after its start: the rest of the pattern
 * from an atom of its break-free head (breakFreePrefix), looked into the head's unquantified groups (the name's last
 * word of `…(?<name>[^，\n]{2,20}?(?:经费|项目))[ \t]*\d+万元`: `(?:经费|项目)[ \t]*\d+万元`). Where a match starts on a
 * line, this part starts on the same line at one of its literals' places: a line holding no such place holds no match,
 * without trying the pattern at each of its starts (a lazy run before a literal, tried from every place, is the costly
 * part). The longest such part; null when there is none or the pattern has back-references.
 */
export function lineGate(src: string): { src: string; set: AnchorSet } | null {
  // (nor with an empty class, `[]` from an unfilled placeholder: classEnd reads its `]` as a literal, as other dialects do)
  if (/\\(?:[1-9]|k<)/.test(src) || /\[\^?\]/.test(src)) return null;
  const head = breakFreePrefix(src);
  if (!head) return null;
  let found: { src: string; set: AnchorSet } | null = null;
  // the atoms of the sequence src[a, b) starting before `limit`, each with what follows it (`rest`: after the group around)
  const visit = (a: number, b: number, rest: string): boolean => {
    if (alternatives(src, a, b).length > 1) return false;
    for (let i = a; i < b && i < head.length; ) {
      const atom = atomAt(src, i);
      if (!atom || atom.end > b) return false;
      const tail = src.slice(i, b) + rest;
      const set = i > 0 ? anchorSet(tail) : null;
      if (set && set.before <= STICKY_GATE) {
        found = { src: tail, set };
        return true;
      }
      if (atom.body && visit(atom.body, atom.end - 1, src.slice(atom.end, b) + rest)) return true;
      i = atom.end;
    }
    return false;
  };
  visit(0, src.length, '');
  return found;
}
/** The most units a gate's match may hold before its literal (each place in between is tried). */
export const STICKY_GATE = 8;

// (per source, once)
const literalTests = new Map<string, RegExp | null>();
/** One of the literals every match of `src` holds (anchorSet) as one regex, or null when there is no such set; built once per source. */
export function literalsRegex(src: string): RegExp | null {
  let re = literalTests.get(src);
  if (re === undefined) {
    const set = anchorSet(expand(src));
    literalTests.set(src, (re = set ? new RegExp(set.lits.map(escapeRegex).join('|')) : null));
  }
  return re;
}
/** False when `text` holds none of the literals every match of `src` holds: the regex cannot match there and need not run. */
export function mayMatch(src: string, text: string): boolean {
  return literalsRegex(src)?.test(text) ?? true;
}
