// A table cell value as written → ParsedValue {text, op, value, unit, approx}: `≥5次`, `不少于800篇`, `≤104万元`,
// `231万`, `90%以上`, `约200余人次`. Anything that is not one number with its words around it stays text only.
import type { ParsedValue } from '../schema/record.js';
import { foldForMatch } from '../normalise/fold.js';
import { CN_NUMERAL_CHARS, halfUlp, toCount, toRate } from '../normalise/numbers.js';
import { tableVocab } from '../structure/tableVocab.js';
import { escapeRegex } from '../patterns.js';

type Op = NonNullable<ParsedValue['op']>;

const alt = (words: string[]) => [...words].sort((a, b) => b.length - a.length).map(escapeRegex).join('|');

interface Grammar {
  re: RegExp;
  /** the prefix words, longest first (made once: every parsed cell split its prefix with them) */
  prefixWords: string[];
  /** a number that is a date (2023.12), made once */
  dateNumber: RegExp;
  prefixOp: Map<string, Op>;
  suffixOp: Map<string, Op>;
  approxPrefix: Set<string>;
  /** a rate's name before its value (满意度≥90%) */
  rateLabel: RegExp | null;
  /** a rate's name after its value (≥90%满意度, ≥98%完成率) */
  rateLabelAfter: RegExp | null;
  /** `（含）` between a value and 以上/以下 (90%（含）以上) */
  inclusive: RegExp | null;
}

let grammar: Grammar | null = null;

function compile(): Grammar {
  if (grammar) return grammar;
  const v = tableVocab().raw.values;
  const prefixOp = new Map<string, Op>();
  for (const [op, words] of Object.entries(v.op_prefix)) for (const w of words) prefixOp.set(w, op as Op);
  const suffixOp = new Map<string, Op>();
  for (const [op, words] of Object.entries(v.op_suffix)) for (const w of words ?? []) suffixOp.set(w, op as Op);
  const neutral = v.neutral_prefix;
  const pre = alt([...prefixOp.keys(), ...v.approx_prefix, ...neutral]);
  const num = `[+-]?(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?|[${CN_NUMERAL_CHARS.replace(/[万亿]/g, '')}]+`;
  const src =
    `^(?<pre>(?:${pre})*)` +
    `(?<num>${num})` +
    `(?<infix1>${alt(v.approx_infix)})?` +
    `(?<mult>${alt(v.multipliers)}|千(?=元))?` +
    `(?<infix2>${alt(v.approx_infix)})?` +
    `(?<unit>${alt(v.units)})?` +
    `(?<per>/(?:${alt([...v.per_period, ...v.per_unit])}))?` +
    `(?<post>${alt([...suffixOp.keys(), ...v.approx_suffix])})?$`;
  const words = [...prefixOp.keys(), ...v.approx_prefix, ...neutral].sort((a, b) => b.length - a.length);
  const rl = tableVocab().raw.values_rate_label;
  const ra = tableVocab().raw.values_rate_label_after;
  const inc = [tableVocab().raw.values_inclusive, tableVocab().raw.values_inclusive_end].filter(Boolean).map((x) => `(?:${x})`).join('|');
  grammar = {
    re: new RegExp(src),
    prefixWords: words,
    dateNumber: new RegExp(v.date_number),
    prefixOp,
    suffixOp,
    approxPrefix: new Set(v.approx_prefix),
    rateLabel: rl ? new RegExp(rl) : null,
    rateLabelAfter: ra ? new RegExp(ra) : null,
    inclusive: inc ? new RegExp(inc, 'g') : null,
  };
  return grammar;
}

const QUOTE_PAIRS: Record<string, string> = { '“': '”', '"': '"', '‘': '’', "'": "'", '「': '」', '『': '』' };

/** The cell as a string value: whitespace next to CJK dropped, other runs collapsed, full-width digits and letters
 *  folded; a quote pair is trimmed only when it wraps the whole cell (`“科普中国”活动` keeps its quotes). */
export function cellText(raw: string): string {
  let s = raw
    .replace(/[０-９Ａ-Ｚａ-ｚ]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000\u00a0]+/g, ' ')
    .replace(/ (?=[^\x00-\x7f])|(?<=[^\x00-\x7f]) /g, '')
    .trim();
  const close = QUOTE_PAIRS[s[0]];
  if (close && s.length > 1 && s.endsWith(close) && !s.slice(1, -1).includes(close)) s = s.slice(1, -1).trim();
  return s;
}

function textOnly(text: string): ParsedValue {
  return { text, op: null, value: null, unit: null, approx: null };
}

/** Splits a run of prefix words (`约不少于`) into the words of the grammar (`sorted`: longest first). */
function prefixWords(run: string, sorted: string[]): string[] {
  const out: string[] = [];
  let rest = run;
  while (rest) {
    const w = sorted.find((x) => rest.startsWith(x));
    if (!w) break;
    out.push(w);
    rest = rest.slice(w.length);
  }
  return out;
}

/** Parses one cell; null for an empty cell. */
export function parseValue(raw: string | null | undefined): ParsedValue | null {
  if (raw == null) return null;
  const text = cellText(raw);
  if (!text) return null;
  const g = compile();
  const v = tableVocab().raw.values;
  // 场（次） / 人(次) / 人/次 are 场次 / 人次 (as activities read them)
  let folded = foldForMatch(text).replace(/\s+/g, '').replace(/≧/g, '≥').replace(/≦/g, '≤').replace(/([场人户])(?:[(（]次[)）]|\/次(?![^)）]))/g, '$1次');
  if (g.inclusive) folded = folded.replace(g.inclusive, '');
  let m = folded.match(g.re);
  if (!m?.groups && g.rateLabel) {
    // 满意度≥90%: a rate's name before its value, read when the value is a percentage
    const label = g.rateLabel.exec(folded);
    if (label && label[0].length < folded.length) {
      const rest = folded.slice(label[0].length).match(g.re);
      if (rest?.groups?.unit === '%' && !rest.groups.mult) m = rest;
    }
  }
  if (!m?.groups && g.rateLabelAfter) {
    // ≥90%满意度: a rate's name after its value, read when the value is a percentage
    // (the name's start is where the value ends: 95%以上满意度 is 95%以上 and 满意度, the longest value that reads)
    const label = g.rateLabelAfter.exec(folded);
    for (let k = label ? folded.length - 1 : 0; label && k >= label.index && k > 0; k--) {
      if (!/^[\u4e00-\u9fa5]/.test(folded[k])) break;
      if (k > label.index && !g.rateLabelAfter.test(folded.slice(k))) continue;
      const rest = folded.slice(0, k).match(g.re);
      if (rest?.groups?.unit === '%' && !rest.groups.mult) {
        m = rest;
        break;
      }
    }
  }
  if (!m?.groups) return textOnly(text);
  const { pre = '', num, infix1, mult, infix2, unit: unitRaw, per, post } = m.groups;
  if (!/\d/.test(num) && !unitRaw) return textOnly(text); // a bare Chinese numeral is a word, not a value

  let op: Op | null = null;
  let approx: string | null = null;
  for (const w of prefixWords(pre, g.prefixWords)) {
    if (g.prefixOp.has(w)) op ??= g.prefixOp.get(w)!;
    else if (g.approxPrefix.has(w)) approx ??= w;
  }
  if (post && g.suffixOp.has(post)) op ??= g.suffixOp.get(post)!;
  else if (post) approx ??= post;
  approx ??= infix1 ?? infix2 ?? null;

  let unit: string | null = unitRaw ?? null;
  let multiplier = mult ?? '';
  if (unit && /^[万亿千]元$/.test(unit)) {
    multiplier = unit[0];
    unit = '元';
  }
  if (unit === '个百分点') unit = '百分点';
  const digits = num.replace(/,/g, '');
  if (unit && v.date_units.includes(unit)) return textOnly(text);
  if (unit && v.date_units_after_year.includes(unit) && /^(19|20)\d\d$/.test(digits)) return textOnly(text);
  if (unit === '%' && multiplier) return textOnly(text);
  if (!unit && !multiplier && g.dateNumber.test(digits)) return textOnly(text);
  const value = toCount(digits, multiplier);
  if (value === null) return textOnly(text);
  // ≥2篇/年: the unit with its period (a bare number per period, 2/年, is none)
  if (per) {
    if (!unit) return textOnly(text);
    unit += per;
  }
  return { text, op, value, unit, approx };
}

/** A plain number cell (分值, 得分): `10`, `10分`, `　9.5`; null when the cell holds anything else. */
export function parseScore(raw: string | null | undefined): number | null {
  const p = parseValue(raw);
  if (!p || p.value === null || p.op || p.approx) return null;
  if (p.unit !== null && p.unit !== '分') return null;
  return p.value;
}

/** A rate cell as written (`98.33%`, or `98.33` under a 执行率 header) and half a unit of its last written digit. */
export function rateCell(text: string): { value: number; tol: number } | null {
  const k = text.replace(/[\s\u3000]+/g, '').replace('％', '%');
  const m = k.match(/^(\d+(?:\.\d+)?)%?$/);
  if (!m) return null;
  const value = toRate(m[1]);
  return value === null ? null : { value, tol: halfUlp(m[1]) };
}

/** A self-evaluation score cell (`91`, `91分`; a cell's key), out of 100; null for anything else. */
export function scoreCell(k: string): number | null {
  const m = /^(\d{1,3}(?:\.\d+)?)分?$/.exec(k);
  return m && Number(m[1]) <= 100 ? Number(m[1]) : null;
}

let sentence: { figure: RegExp; before: RegExp; after: RegExp; units: Set<string>; dates: Set<string>; same: Map<string, string> } | null = null;

/**
 * An 实际完成值 cell written as a sentence (`全年共开展科普活动32场，超额完成`, `经问卷调查，满意度为96%`, `实际支出9.8万元`): the one
 * figure in it with the target's measure word is the figure reached (tables.yaml sentence_actual), its text the cell's. None when
 * two figures have that measure (`计划5站，实际完成6站`), the clause before it names a change, a comparison, the plan, a part or a
 * shortfall (`较上年增加2场`), a comparison follows it (`30场以上`), or the target has no measure.
 */
export function sentenceActual(p: ParsedValue | null, target: ParsedValue | null): ParsedValue | null {
  if (!p || p.value !== null || !target || target.value === null || !target.unit) return p;
  const v = tableVocab().raw;
  sentence ??= {
    figure: new RegExp(`(?<pre>${alt(v.values.approx_prefix)})?(?<num>\\d+(?:,\\d{3})*(?:\\.\\d+)?|[${CN_NUMERAL_CHARS.replace(/[万亿]/g, '')}]+)(?<infix1>${alt(v.values.approx_infix)})?(?<mult>${alt(v.values.multipliers)}|千(?=元))?(?<infix2>${alt(v.values.approx_infix)})?(?<unit>${alt(v.values.units)})?(?<post>${alt(v.values.approx_suffix)})?`, 'g'),
    before: new RegExp(v.sentence_actual.not_before),
    after: new RegExp(v.sentence_actual.not_after),
    units: new Set(v.values.units),
    dates: new Set([...v.values.date_units, ...v.values.date_units_after_year]),
    same: new Map((v.sentence_actual.same_measure ?? []).flatMap(([a, b]) => [[a, b], [b, a]] as [string, string][])),
  };
  const s = sentence;
  const folded = foldForMatch(p.text).replace(/\s+/g, '').replace(/([场人户])(?:[(（]次[)）]|\/次(?![^)）]))/g, '$1次');
  // (the figures in the target's measure, its word written with or without 次 — 场 and 场次 count the same events: two of them
  // in the cell, `5场，累计22场次`, are two figures of it)
  const figures: { m: RegExpMatchArray; unit: string; mult: string; rangeEnd: boolean }[] = [];
  for (const m of folded.matchAll(s.figure)) {
    const g = m.groups!;
    // (a figure glued to a digit or a point before it is part of another: 2023.12)
    // (a count in Chinese numerals, 三十二场, as the cell's whole value is read)
    if (m.index! > 0 && /[\d.]/.test(folded[m.index! - 1])) continue;
    // (a range's end, 30-35场, 30至35场: no one figure)
    const rangeEnd = m.index! > 0 && /[-~～至到—－]/.test(folded[m.index! - 1]);
    let unit = g.unit ?? null;
    let mult = g.mult ?? '';
    if (unit && /^[万亿千]元$/.test(unit)) [mult, unit] = [unit[0], '元'];
    if (unit === '个百分点') unit = '百分点';
    if (!unit || s.dates.has(unit) || (unit === '%' && mult)) continue;
    if (unit === target.unit || s.same.get(unit) === target.unit) figures.push({ m, unit, mult, rangeEnd });
  }
  if (figures.length !== 1) return p;
  const [{ m, unit, mult, rangeEnd }] = figures;
  const g = m.groups!;
  const clause = folded.slice(0, m.index!).split(/[，,；;。：:、]/).pop()!;
  if (rangeEnd || s.before.test(clause) || s.after.test(folded.slice(m.index! + m[0].length))) return p;
  const value = toCount(g.num.replace(/,/g, ''), mult);
  if (value === null) return p;
  return { text: p.text, op: null, value, unit, approx: g.pre ?? g.infix1 ?? g.infix2 ?? g.post ?? null };
}
