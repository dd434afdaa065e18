// Word's automatic numbering (一、 （一） 1.) lives in word/numbering.xml, not in the text runs, so every
// text extractor drops it. We count it the way Word does and write each label into the paragraph as a
// literal run before mammoth reads the document: the text then reads like the printed page.

export interface Level {
  start: number;
  numFmt: string;
  lvlText: string;
  suff: 'tab' | 'space' | 'nothing';
  restart: number | null;
  isLgl: boolean;
  pStyle: string | null;
}

export interface Numbering {
  abstract: Map<string, Map<number, Level>>;
  /** abstractNumId → numbering style whose list it takes its levels from (w:numStyleLink) */
  styleLinks: Map<string, string>;
  /** numId → abstractNumId and per-level start overrides */
  nums: Map<string, { abstractId: string; overrides: Map<number, number> }>;
}

interface StyleInfo {
  basedOn: string | null;
  numId: string | null;
  ilvl: number | null;
}

const attr = (tag: string, name: string): string | null => {
  const m = new RegExp(`\\b${name}="([^"]*)"`).exec(tag);
  return m ? m[1] : null;
};

/** Child elements by local tag name inside an XML fragment (no nesting of the same tag expected). */
function blocks(xml: string, tag: string): { open: string; body: string }[] {
  const out: { open: string; body: string }[] = [];
  const re = new RegExp(`<${tag}(\\s[^>]*)?(/>|>([\\s\\S]*?)</${tag}>)`, 'g');
  for (let m; (m = re.exec(xml)); ) out.push({ open: m[0].slice(0, m[0].indexOf('>') + 1), body: m[3] ?? '' });
  return out;
}

const valOf = (xml: string, tag: string): string | null => {
  const m = new RegExp(`<${tag}\\s[^>]*?w:val="([^"]*)"`).exec(xml);
  return m ? m[1] : null;
};

export function parseNumbering(xml: string | null): Numbering {
  const abstract = new Map<string, Map<number, Level>>();
  const nums = new Map<string, { abstractId: string; overrides: Map<number, number> }>();
  const styleLinks = new Map<string, string>();
  if (!xml) return { abstract, nums, styleLinks };
  for (const a of blocks(xml, 'w:abstractNum')) {
    const id = attr(a.open, 'w:abstractNumId');
    if (id === null) continue;
    const levels = new Map<number, Level>();
    for (const l of blocks(a.body, 'w:lvl')) {
      const ilvl = Number(attr(l.open, 'w:ilvl') ?? '0');
      const restart = valOf(l.body, 'w:lvlRestart');
      levels.set(ilvl, {
        start: Number(valOf(l.body, 'w:start') ?? '1'),
        numFmt: valOf(l.body, 'w:numFmt') ?? 'decimal',
        lvlText: valOf(l.body, 'w:lvlText') ?? '',
        suff: (valOf(l.body, 'w:suff') as Level['suff']) ?? 'tab',
        restart: restart === null ? null : Number(restart),
        isLgl: /<w:isLgl(\s|\/|>)/.test(l.body) && valOf(l.body, 'w:isLgl') !== '0',
        pStyle: valOf(l.body, 'w:pStyle'),
      });
    }
    const link = valOf(a.body, 'w:numStyleLink');
    abstract.set(id, levels);
    if (link) styleLinks.set(id, link);
  }
  for (const n of blocks(xml, 'w:num')) {
    const id = attr(n.open, 'w:numId');
    const abstractId = valOf(n.body, 'w:abstractNumId');
    if (id === null || abstractId === null) continue;
    const overrides = new Map<number, number>();
    for (const o of blocks(n.body, 'w:lvlOverride')) {
      const start = valOf(o.body, 'w:startOverride');
      if (start !== null) overrides.set(Number(attr(o.open, 'w:ilvl') ?? '0'), Number(start));
    }
    nums.set(id, { abstractId, overrides });
  }
  return { abstract, nums, styleLinks };
}

export function parseStyles(xml: string | null): Map<string, StyleInfo> {
  const styles = new Map<string, StyleInfo>();
  if (!xml) return styles;
  for (const s of blocks(xml, 'w:style')) {
    const id = attr(s.open, 'w:styleId');
    const type = attr(s.open, 'w:type');
    if (!id || (type !== 'paragraph' && type !== 'numbering')) continue;
    const numPr = blocks(s.body, 'w:numPr')[0]?.body ?? '';
    const ilvl = valOf(numPr, 'w:ilvl');
    styles.set(id, { basedOn: valOf(s.body, 'w:basedOn'), numId: valOf(numPr, 'w:numId'), ilvl: ilvl === null ? null : Number(ilvl) });
  }
  return styles;
}

// ---- number formats ----

const CN_DIGIT = '〇一二三四五六七八九';
const CN_LEGAL = '零壹贰叁肆伍陆柒捌玖';
const TIANGAN = '甲乙丙丁戊己庚辛壬癸';
const DIZHI = '子丑寅卯辰巳午未申酉戌亥';

/** 1 → 一, 10 → 十, 11 → 十一, 20 → 二十, 105 → 一百零五 (counting style). */
export function chineseCounting(n: number, digits = CN_DIGIT, units = ['', '十', '百', '千']): string {
  if (n <= 0) return digits[0];
  if (n >= 10000) return String(n);
  const ds = String(n).split('').map(Number);
  let out = '';
  let zero = false;
  ds.forEach((d, i) => {
    const unit = units[ds.length - 1 - i];
    if (d === 0) {
      zero = out !== '';
      return;
    }
    if (zero) out += digits === CN_DIGIT ? '零' : digits[0];
    zero = false;
    // 十一, not 一十一, at the start of a two-digit number
    out += d === 1 && unit === units[1] && out === '' ? unit : digits[d] + unit;
  });
  return out;
}

function letters(n: number, upper: boolean): string {
  // Word repeats the letter: 27 → AA, 28 → BB
  const ch = String.fromCharCode((upper ? 65 : 97) + ((n - 1) % 26));
  return ch.repeat(Math.floor((n - 1) / 26) + 1);
}

function roman(n: number): string {
  const t: [number, string][] = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  for (const [v, s] of t) while (n >= v) ((out += s), (n -= v));
  return out;
}

export function formatNumber(n: number, fmt: string): string {
  switch (fmt) {
    case 'none':
    case 'bullet':
      return '';
    case 'decimalZero':
      return n < 10 ? `0${n}` : String(n);
    case 'upperLetter':
      return letters(n, true);
    case 'lowerLetter':
      return letters(n, false);
    case 'upperRoman':
      return roman(n);
    case 'lowerRoman':
      return roman(n).toLowerCase();
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'japaneseCounting':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
      return chineseCounting(n);
    case 'chineseLegalSimplified':
      return chineseCounting(n, CN_LEGAL, ['', '拾', '佰', '仟']);
    case 'ideographDigital':
    case 'taiwaneseDigital':
      return String(n).split('').map((d) => CN_DIGIT[Number(d)]).join('');
    case 'ideographTraditional':
      return n <= 10 ? TIANGAN[n - 1] : String(n);
    case 'ideographZodiac':
      return n <= 12 ? DIZHI[n - 1] : String(n);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2460 + n - 1) : String(n);
    case 'decimalEnclosedParen':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2474 + n - 1) : `(${n})`;
    case 'decimalEnclosedFullstop':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2488 + n - 1) : `${n}.`;
    default:
      return String(n);
  }
}

// ---- counting ----

export class NumberingCounter {
  private counters = new Map<string, number[]>();
  private startedNums = new Set<string>();

  constructor(private numbering: Numbering) {}

  private levels(abstractId: string): Map<number, Level> | undefined {
    return this.numbering.abstract.get(abstractId);
  }

  /** The label of the next paragraph numbered (numId, ilvl), e.g. "（二）"; '' for bullets and 'none'. */
  next(numId: string, ilvl: number): { label: string; suff: Level['suff'] } | null {
    const num = this.numbering.nums.get(numId);
    if (!num) return null;
    const levels = this.levels(num.abstractId);
    const lvl = levels?.get(ilvl);
    if (!levels || !lvl) return null;
    // list instances that restart numbering (startOverride) count on their own; the rest share the abstract list
    const key = num.overrides.size ? `num:${numId}` : `abs:${num.abstractId}`;
    let c = this.counters.get(key);
    if (!c) this.counters.set(key, (c = []));
    if (num.overrides.size && !this.startedNums.has(numId)) {
      this.startedNums.add(numId);
      for (const [l, start] of num.overrides) c[l] = start - 1;
    }
    c[ilvl] = c[ilvl] === undefined ? lvl.start : c[ilvl] + 1;
    for (let d = ilvl + 1; d < 9; d++) {
      const restart = levels.get(d)?.restart ?? d;
      if (restart !== 0 && ilvl < restart) c[d] = undefined as unknown as number;
    }
    if (lvl.numFmt === 'bullet') return { label: '', suff: 'nothing' };
    const label = lvl.lvlText.replace(/%([1-9])/g, (_, k: string) => {
      const l = Number(k) - 1;
      const lv = levels.get(l);
      const value = c![l] ?? lv?.start ?? 1;
      return formatNumber(value, lvl.isLgl && l < ilvl ? 'decimal' : (lv?.numFmt ?? 'decimal'));
    });
    return { label, suff: lvl.suff };
  }
}

/** The label text as it reads on the page: a space after "1." style labels, nothing after 、 or ）. */
export function labelWithSuffix(label: string, suff: Level['suff']): string {
  if (!label || suff === 'nothing' || /[、）．：]$/.test(label)) return label;
  return `${label} `;
}

// ---- document.xml scan ----

const TAG = /<(\/?)([A-Za-z][\w.-]*:[\w.-]+|[A-Za-z][\w.-]*)([^>]*?)(\/?)>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[[\s\S]*?\]\]>/g;

interface ParaState {
  depth: number;
  openEnd: number;
  selfClosing: boolean;
  pPrEnd: number | null;
  style: string | null;
  numId: string | null;
  ilvl: number | null;
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * Writes every automatic number into its paragraph as a literal run. Returns the new XML and how many labels
 * were written. Paragraphs in mc:Choice are skipped (mammoth reads the mc:Fallback copy).
 */
export function injectNumberLabels(documentXml: string, numberingXml: string | null, stylesXml: string | null): { xml: string; labels: number } {
  const numbering = parseNumbering(numberingXml);
  if (numbering.nums.size === 0) return { xml: documentXml, labels: 0 };
  const styles = parseStyles(stylesXml);
  // a list defined through a numbering style takes its levels from the list that style points at
  for (const [abstractId, styleId] of numbering.styleLinks) {
    const target = numbering.nums.get(styles.get(styleId)?.numId ?? '')?.abstractId;
    const levels = target ? numbering.abstract.get(target) : undefined;
    if (levels?.size && !numbering.abstract.get(abstractId)?.size) numbering.abstract.set(abstractId, levels);
  }
  const styleNum = (id: string | null): { numId: string | null; ilvl: number | null } => {
    const seen = new Set<string>();
    let numId: string | null = null;
    let ilvl: number | null = null;
    for (let s = id; s && !seen.has(s); s = styles.get(s)?.basedOn ?? null) {
      seen.add(s);
      const st = styles.get(s);
      if (!st) break;
      numId ??= st.numId;
      ilvl ??= st.ilvl;
    }
    return { numId, ilvl };
  };
  // levels that name a paragraph style (w:pStyle) number that style even without numPr in the style
  const byLinkedStyle = new Map<string, { numId: string; ilvl: number }>();
  for (const [numId, num] of numbering.nums) {
    for (const [ilvl, lvl] of numbering.abstract.get(num.abstractId) ?? []) {
      if (lvl.pStyle && !byLinkedStyle.has(lvl.pStyle)) byLinkedStyle.set(lvl.pStyle, { numId, ilvl });
    }
  }
  const counter = new NumberingCounter(numbering);
  const inserts: { at: number; text: string; selfClosing: boolean; openStart: number }[] = [];
  const stack: (ParaState & { openStart: number })[] = [];
  let depth = 0;
  let skipDepth = -1; // inside mc:Choice
  let pPrDepth = -1;
  let numPrDepth = -1;
  let changeDepth = -1; // inside w:pPrChange (the old properties of a tracked change)

  for (let m; (m = TAG.exec(documentXml)); ) {
    const [whole, close, name, attrs, selfClose] = m;
    if (!name) continue;
    const end = m.index + whole.length;
    if (close) {
      depth--;
      if (skipDepth >= 0) {
        if (depth === skipDepth) skipDepth = -1;
        continue;
      }
      const p = stack[stack.length - 1];
      if (name === 'w:pPrChange' && depth === changeDepth) changeDepth = -1;
      if (name === 'w:numPr' && depth === numPrDepth) numPrDepth = -1;
      if (name === 'w:pPr' && p && depth === pPrDepth) {
        p.pPrEnd = end;
        pPrDepth = -1;
      }
      if (name === 'w:p' && p && depth === p.depth) {
        stack.pop();
        finish(p);
      }
      continue;
    }
    const opening = !selfClose;
    if (skipDepth >= 0) {
      if (opening) depth++;
      continue;
    }
    if (name === 'mc:Choice' && opening) {
      skipDepth = depth;
      depth++;
      continue;
    }
    const p = stack[stack.length - 1];
    if (name === 'w:p') {
      const state = { depth, openEnd: end, openStart: m.index, selfClosing: !opening, pPrEnd: null, style: null, numId: null, ilvl: null };
      if (opening) stack.push(state);
      else finish(state);
    } else if (p && changeDepth < 0) {
      if (name === 'w:pPr' && depth === p.depth + 1) pPrDepth = opening ? depth : -1;
      else if (name === 'w:pPrChange' && pPrDepth >= 0) changeDepth = opening ? depth : -1;
      else if (pPrDepth >= 0 && depth === pPrDepth + 1 && name === 'w:pStyle') p.style = attr(attrs, 'w:val');
      else if (pPrDepth >= 0 && depth === pPrDepth + 1 && name === 'w:numPr') numPrDepth = opening ? depth : -1;
      else if (numPrDepth >= 0 && name === 'w:numId') p.numId = attr(attrs, 'w:val');
      else if (numPrDepth >= 0 && name === 'w:ilvl') p.ilvl = Number(attr(attrs, 'w:val') ?? '0');
    }
    if (opening) depth++;
  }

  function finish(p: ParaState & { openStart: number }): void {
    const fromStyle = styleNum(p.style);
    let numId = p.numId ?? fromStyle.numId;
    let ilvl = p.ilvl ?? fromStyle.ilvl;
    if (numId === null && p.style && byLinkedStyle.has(p.style)) ({ numId, ilvl } = byLinkedStyle.get(p.style)!);
    if (numId === null || numId === '0') return;
    const next = counter.next(numId, ilvl ?? 0);
    if (!next || !next.label) return;
    inserts.push({ at: p.pPrEnd ?? p.openEnd, text: labelWithSuffix(next.label, next.suff), selfClosing: p.selfClosing, openStart: p.openStart });
  }

  let xml = documentXml;
  for (const ins of inserts.sort((a, b) => b.at - a.at)) {
    const run = `<w:r><w:t xml:space="preserve">${escapeXml(ins.text)}</w:t></w:r>`;
    if (ins.selfClosing) {
      // <w:p .../> → <w:p ...>run</w:p>
      const open = xml.slice(ins.openStart, ins.at).replace(/\/>$/, '>');
      xml = xml.slice(0, ins.openStart) + open + run + '</w:p>' + xml.slice(ins.at);
    } else xml = xml.slice(0, ins.at) + run + xml.slice(ins.at);
  }
  return { xml, labels: inserts.length };
}
