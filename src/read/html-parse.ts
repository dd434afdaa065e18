// HTML pages, part 1: bytes → string (charset) → a small, tolerant element tree. No dependency: saved portal
// pages and Word's "save as web page" output are all we need to read, and both are forgiving about markup
// (unquoted attributes, unclosed <p>/<li>/<td>, conditional comments, namespaced tags such as <o:p>).
import iconv from 'iconv-lite';
import { decodeText } from './txt.js';

// ---- charset ----

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** What the page declares in its first bytes: <meta charset=…>, http-equiv content="…; charset=…", <?xml encoding=…?>. */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 4096)).toString('latin1');
  const meta = /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)/i.exec(head);
  if (meta) return meta[1].toLowerCase();
  const xml = /^\s*<\?xml\b[^>]*\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/i.exec(head);
  return xml ? xml[1].toLowerCase() : null;
}

/** A declared label → the decoder we use; null for labels we do not trust (latin-1 and the like) or know. */
function decoderFor(label: string): 'gb18030' | 'big5' | 'utf-8' | null {
  // GB2312 and GBK pages routinely hold GBK-only characters: GB18030 is a superset of both
  if (/^(gb2312|gbk|gb18030|gb_2312(-80)?|x-gbk|cp936|ms936|windows-936|euc-cn|csgb2312|chinese|iso-ir-58|x-euc-cn)$/.test(label)) return 'gb18030';
  if (/^(big5|big5-hkscs|cn-big5|x-x-big5|csbig5|cp950|ms950|windows-950)$/.test(label)) return 'big5';
  // a page saved as UTF-16 that still says so is read from its BOM; without one the bytes are ASCII-compatible
  if (/^(utf-?8|unicode-1-1-utf-8|utf-16(le|be)?|unicode)$/.test(label)) return 'utf-8';
  return null;
}

const hasNonAscii = (buf: Buffer) => {
  for (const b of buf) if (b >= 0x80) return true;
  return false;
};

export interface Decoded {
  text: string;
  /** utf-8, utf-8-bom, utf-16le/be, gb18030, big5 */
  encoding: string;
  /** how it was chosen, for the read:encoding message */
  how: string;
}

/**
 * BOM first; then the charset its container names (an MHT part's header), else the one the page declares
 * (gb2312/gbk/gb18030 → GB18030, big5, utf-8); else txt.ts's guess. Two corrections: a page declaring a legacy
 * charset whose bytes are valid UTF-8 with non-ASCII text was re-saved by an editor that kept the old <meta> (a GBK
 * text is virtually never valid UTF-8), and a page declaring UTF-8 whose bytes are not UTF-8 is guessed like a text
 * file.
 */
export function decodeHtml(bytes: Uint8Array, transportCharset?: string): Decoded {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const bom = (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) || (buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff);
  if (bom) {
    const d = decodeText(bytes);
    return { ...d, how: 'byte order mark' };
  }
  const named = transportCharset && decoderFor(transportCharset) ? transportCharset : null;
  const label = named ?? declaredCharset(bytes);
  const dec = label ? decoderFor(label) : null;
  if (dec) {
    let utf8: string | null = null;
    try {
      utf8 = UTF8.decode(buf);
    } catch {
      utf8 = null;
    }
    if (dec === 'utf-8') {
      if (utf8 !== null) return { text: utf8, encoding: 'utf-8', how: `declared ${label}` };
      const d = decodeText(bytes);
      return { ...d, how: `declared ${label}, but the bytes are not UTF-8: guessed` };
    }
    if (utf8 !== null && hasNonAscii(buf)) return { text: utf8, encoding: 'utf-8', how: `declared ${label}, but the bytes are UTF-8` };
    return { text: iconv.decode(buf, dec), encoding: dec, how: `declared ${label}` };
  }
  const d = decodeText(bytes);
  return { ...d, how: label ? `declared ${label} (not used), guessed` : 'no charset declared, guessed' };
}

// ---- entities ----

const NAMED: Record<string, string> = {
  nbsp: '\u00a0', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'",
  ldquo: '\u201c', rdquo: '\u201d', lsquo: '\u2018', rsquo: '\u2019', sbquo: '\u201a', bdquo: '\u201e',
  mdash: '\u2014', ndash: '\u2013', hellip: '\u2026', middot: '\u00b7', bull: '\u2022', times: '\u00d7', divide: '\u00f7',
  copy: '\u00a9', reg: '\u00ae', trade: '\u2122', ensp: '\u2002', emsp: '\u2003', thinsp: '\u2009',
  zwnj: '\u200c', zwj: '\u200d', lrm: '\u200e', rlm: '\u200f', shy: '\u00ad',
  yen: '\u00a5', cent: '\u00a2', pound: '\u00a3', euro: '\u20ac', deg: '\u00b0', plusmn: '\u00b1', permil: '\u2030',
  sup1: '\u00b9', sup2: '\u00b2', sup3: '\u00b3', frac14: '\u00bc', frac12: '\u00bd', frac34: '\u00be',
  laquo: '\u00ab', raquo: '\u00bb', lsaquo: '\u2039', rsaquo: '\u203a', sect: '\u00a7', para: '\u00b6', micro: '\u00b5',
  prime: '\u2032', Prime: '\u2033', larr: '\u2190', rarr: '\u2192', uarr: '\u2191', darr: '\u2193', harr: '\u2194',
  le: '\u2264', ge: '\u2265', ne: '\u2260', asymp: '\u2248', minus: '\u2212', infin: '\u221e', radic: '\u221a',
  ordm: '\u00ba', ordf: '\u00aa', iexcl: '\u00a1', iquest: '\u00bf', macr: '\u00af', acute: '\u00b4', uml: '\u00a8',
};
/** names browsers also decode without the semicolon (in text) */
const LEGACY = new Set(['nbsp', 'amp', 'lt', 'gt', 'quot', 'copy', 'reg', 'times', 'middot', 'deg', 'plusmn', 'yen']);
/** &#128;–&#159; are read as windows-1252, as browsers do (Word and old editors write &#147; for “) */
const CP1252: Record<number, number> = {
  0x80: 0x20ac, 0x82: 0x201a, 0x83: 0x0192, 0x84: 0x201e, 0x85: 0x2026, 0x86: 0x2020, 0x87: 0x2021, 0x88: 0x02c6,
  0x89: 0x2030, 0x8a: 0x0160, 0x8b: 0x2039, 0x8c: 0x0152, 0x8e: 0x017d, 0x91: 0x2018, 0x92: 0x2019, 0x93: 0x201c,
  0x94: 0x201d, 0x95: 0x2022, 0x96: 0x2013, 0x97: 0x2014, 0x98: 0x02dc, 0x99: 0x2122, 0x9a: 0x0161, 0x9b: 0x203a,
  0x9c: 0x0153, 0x9e: 0x017e, 0x9f: 0x0178,
};

function codePoint(n: number): string {
  if (!Number.isFinite(n) || n === 0 || n > 0x10ffff || (n >= 0xd800 && n <= 0xdfff)) return '\ufffd';
  return String.fromCodePoint(CP1252[n] ?? n);
}

/** Named (the common ones) and numeric character references; an unknown name stays as written, as in browsers. */
export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#[0-9]{1,8}|#[xX][0-9a-fA-F]{1,7}|[A-Za-z][A-Za-z0-9]{1,31})(;?)/g, (m, ref: string, semi: string, at: number, all: string) => {
    if (ref[0] === '#') return codePoint(ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10));
    const v = NAMED[ref];
    if (v === undefined) return m;
    if (semi) return v;
    if (!LEGACY.has(ref)) return m;
    const next = all[at + m.length];
    return next && /[A-Za-z0-9=]/.test(next) ? m : v;
  });
}

// ---- tokens → tree ----

export interface HElement {
  type: 'el';
  tag: string;
  attrs: Record<string, string>;
  children: HNode[];
  parent: HElement | null;
}
export interface HText {
  type: 'text';
  text: string;
}
export type HNode = HElement | HText;

const VOID = new Set(['area', 'base', 'basefont', 'bgsound', 'br', 'col', 'embed', 'frame', 'hr', 'img', 'input', 'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
/** elements whose content is not markup: read up to their end tag */
const RAW = new Set(['script', 'style', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript', 'textarea', 'title', 'plaintext']);
/** a start tag of one of these closes an open <p> */
const CLOSES_P = new Set([
  'address', 'article', 'aside', 'blockquote', 'center', 'details', 'dialog', 'dir', 'div', 'dl', 'fieldset', 'figcaption', 'figure',
  'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'main', 'menu', 'nav', 'ol', 'p', 'pre', 'section',
  'table', 'ul', 'li', 'dd', 'dt', 'listing', 'plaintext', 'xmp', 'summary',
]);
/** an end tag does not close anything beyond these (a stray </div> inside a cell stays in the cell) */
const SCOPE = new Set(['html', 'table', 'td', 'th', 'caption', 'applet', 'marquee', 'object', 'template', 'button']);
const HEAD_CONTENT = new Set(['title', 'meta', 'link', 'style', 'script', 'base', 'noscript', 'template', 'basefont', 'bgsound', 'object']);
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const MAX_DEPTH = 512;

function parseAttrs(s: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  const re = /([^\s"'>\/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    const name = m[1].toLowerCase();
    if (name in attrs) continue;
    attrs[name] = decodeEntities(m[2] ?? m[3] ?? m[4] ?? '');
  }
  return attrs;
}

/** The end of a tag that starts at `i` (the index of '>'), quotes respected; -1 if none. */
function tagEnd(s: string, i: number): number {
  let q = '';
  for (let k = i; k < s.length; k++) {
    const c = s[k];
    if (q) {
      if (c === q) q = '';
    } else if (c === '"' || c === "'") {
      // a quote opens a value only after '='
      let p = k - 1;
      while (p > i && /\s/.test(s[p])) p--;
      if (s[p] === '=') q = c;
    } else if (c === '>') return k;
  }
  return -1;
}

export function parseHtml(src: string): HElement {
  const root: HElement = { type: 'el', tag: '#root', attrs: {}, children: [], parent: null };
  const stack: HElement[] = [root];
  const top = () => stack[stack.length - 1];
  const open = (tag: string) => stack.some((e) => e.tag === tag);
  const add = (n: HNode) => {
    if (n.type === 'el') n.parent = top();
    top().children.push(n);
  };
  const popTo = (idx: number) => {
    stack.length = idx;
  };
  /** index of the nearest open `tag` not beyond `boundary` elements; -1 if none */
  const inScope = (tags: Set<string> | string, boundary: Set<string>) => {
    for (let k = stack.length - 1; k > 0; k--) {
      const t = stack[k].tag;
      if (typeof tags === 'string' ? t === tags : tags.has(t)) return k;
      if (boundary.has(t)) return -1;
    }
    return -1;
  };
  const closeHead = () => {
    const h = stack.findIndex((e) => e.tag === 'head');
    if (h > 0) popTo(h);
  };

  const startTag = (tag: string, attrs: Record<string, string>, selfClosing: boolean) => {
    if (tag === 'html' || tag === 'body') {
      if (tag === 'body') closeHead();
      // attributes only; the element itself is implied (a second <body> or <html> changes nothing)
      if (open(tag)) return;
    } else if (open('head') && !HEAD_CONTENT.has(tag)) closeHead();
    if (CLOSES_P.has(tag)) {
      const p = inScope('p', SCOPE);
      if (p > 0) popTo(p);
    }
    if (tag === 'li') {
      const li = inScope('li', new Set([...SCOPE, 'ul', 'ol', 'menu']));
      if (li > 0) popTo(li);
    } else if (tag === 'dd' || tag === 'dt') {
      const d = inScope(new Set(['dd', 'dt']), new Set([...SCOPE, 'dl']));
      if (d > 0) popTo(d);
    } else if (tag === 'td' || tag === 'th') {
      const c = inScope(new Set(['td', 'th']), new Set(['table', 'tr']));
      if (c > 0) popTo(c);
      const t = top().tag;
      if (t === 'table' || t === 'tbody' || t === 'thead' || t === 'tfoot') startTag('tr', {}, false);
    } else if (tag === 'tr') {
      const r = inScope(new Set(['tr', 'td', 'th']), new Set(['table', 'tbody', 'thead', 'tfoot']));
      if (r > 0) popTo(r);
    } else if (tag === 'tbody' || tag === 'thead' || tag === 'tfoot') {
      const s = inScope(new Set(['tbody', 'thead', 'tfoot', 'tr', 'td', 'th']), new Set(['table']));
      if (s > 0) popTo(s);
    } else if (HEADINGS.has(top().tag) && HEADINGS.has(tag)) {
      stack.pop();
    } else if (tag === 'a') {
      const a = inScope('a', SCOPE);
      if (a > 0) popTo(a);
    } else if (tag === 'option') {
      if (top().tag === 'option') stack.pop();
    }
    const el: HElement = { type: 'el', tag, attrs, children: [], parent: null };
    add(el);
    // the slash of <x/> counts for namespaced (Word: <o:p/>) and void elements only, as in HTML; past
    // MAX_DEPTH open elements (browsers stop at 512) new ones are siblings, so no walk can run out of stack
    if (VOID.has(tag) || (selfClosing && tag.includes(':')) || stack.length >= MAX_DEPTH) return;
    stack.push(el);
  };

  const endTag = (tag: string) => {
    if (tag === 'br') return startTag('br', {}, true); // </br> is a <br> to browsers
    if (tag === 'html' || tag === 'body') return; // content after </body> is still the body's
    if (tag === 'p' && inScope('p', SCOPE) < 0) {
      startTag('p', {}, false); // a stray </p> is an empty paragraph: a line break
      stack.pop();
      return;
    }
    let boundary = SCOPE;
    if (tag === 'table') boundary = new Set(['html']);
    else if (tag === 'td' || tag === 'th' || tag === 'tr' || tag === 'tbody' || tag === 'thead' || tag === 'tfoot' || tag === 'caption') boundary = new Set(['table']);
    const k = inScope(tag, boundary);
    if (k > 0) popTo(k);
  };

  const text = (t: string) => {
    if (!t) return;
    if (open('head') && /\S/.test(t) && inScope(HEAD_CONTENT, new Set()) < 0) closeHead();
    const last = top().children[top().children.length - 1];
    if (last && last.type === 'text') last.text += t;
    else add({ type: 'text', text: t });
  };

  const rawEnd = new Map<string, RegExp>();
  let i = 0;
  const n = src.length;
  while (i < n) {
    const lt = src.indexOf('<', i);
    if (lt < 0) {
      text(decodeEntities(src.slice(i)));
      break;
    }
    if (lt > i) text(decodeEntities(src.slice(i, lt)));
    i = lt;
    const c1 = src[i + 1];
    if (src.startsWith('<!--', i)) {
      // comments, conditional comments (<!--[if gte mso 9]>…<![endif]-->) included; <!--> and <!---> are empty ones
      let end = src.indexOf('-->', i + 4);
      if (src.startsWith('<!-->', i)) end = i + 2;
      else if (src.startsWith('<!--->', i)) end = i + 3;
      i = end < 0 ? n : end + 3;
    } else if (c1 === '!' || c1 === '?') {
      // doctype, <?xml …?>, and Word's downlevel-revealed <![if !supportLists]> / <![endif]>: the marker goes,
      // the content between them stays (browsers show it)
      const end = src.indexOf('>', i);
      i = end < 0 ? n : end + 1;
    } else if (c1 === '/' && /[A-Za-z]/.test(src[i + 2] ?? '')) {
      const end = src.indexOf('>', i);
      const name = /^<\/([^\s\/>]+)/.exec(src.slice(i, Math.min(n, i + 64)))?.[1]?.toLowerCase() ?? '';
      endTag(name);
      i = end < 0 ? n : end + 1;
    } else if (/[A-Za-z]/.test(c1 ?? '')) {
      const end = tagEnd(src, i + 1);
      if (end < 0) {
        text(src.slice(i)); // an unfinished tag at the end of the file
        break;
      }
      const raw = src.slice(i + 1, end);
      const m = /^([^\s\/>]+)/.exec(raw);
      const tag = (m?.[1] ?? '').toLowerCase();
      const selfClosing = raw.endsWith('/');
      const attrs = parseAttrs(raw.slice(tag.length, selfClosing ? -1 : undefined));
      i = end + 1;
      if (RAW.has(tag)) {
        let close = rawEnd.get(tag);
        if (!close) rawEnd.set(tag, (close = new RegExp(`</${tag}[\\s/>]`, 'gi')));
        close.lastIndex = i;
        const cm = tag === 'plaintext' ? null : close.exec(src);
        const body = src.slice(i, cm ? cm.index : n);
        startTag(tag, attrs, false);
        if (tag === 'title' || tag === 'textarea') text(decodeEntities(body));
        else if (body) top().children.push({ type: 'text', text: body });
        if (top().tag === tag) stack.pop();
        if (!cm) break;
        const after = src.indexOf('>', cm.index);
        i = after < 0 ? n : after + 1;
        continue;
      }
      startTag(tag, attrs, selfClosing);
    } else {
      text('<');
      i++;
    }
  }
  return root;
}
