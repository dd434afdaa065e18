// HTML pages (portal pages saved as .html/.htm, Word's "save as web page") → plain text, one block per line,
// tables one row per line with \t between cells and grids in `tables` (origin 'html'), like the Word reader.
// What a browser would not show is dropped (head, scripts, styles, comments, hidden elements); so is what the
// portal adds around the report where it can be told cheaply: menus and link lists, breadcrumbs, article
// info and tool lines, the site footer (主办单位, 版权所有, ICP备). See docs/formats.md §.html.
import type { Message, ReadResult, Table, TableCell } from '../document.js';
import { isCjkCode } from './cjk.js';
import { isProseCell, layOutRows } from './grid.js';
import { ReadError } from './errors.js';
import { decodeHtml, parseHtml, type HElement, type HNode } from './html-parse.js';

// ---- element classes ----

const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog', 'dir', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'html', 'legend',
  'li', 'listing', 'main', 'menu', 'ol', 'optgroup', 'p', 'plaintext', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot',
  'th', 'thead', 'tr', 'ul', 'xmp', '#root',
]);
/** never shown, or never report text: dropped with their content */
const DROP = new Set([
  'head', 'title', 'script', 'style', 'noscript', 'template', 'iframe', 'frame', 'frameset', 'noframes', 'noembed', 'object', 'embed',
  'applet', 'svg', 'math', 'canvas', 'audio', 'video', 'map', 'select', 'datalist', 'button', 'input', 'textarea', 'nav', 'marquee',
  'xml', 'rt', 'rp', 'link', 'meta', 'base',
]);
const PRE = new Set(['pre', 'listing', 'xmp', 'plaintext']);
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const LISTS = new Set(['ul', 'ol', 'menu', 'dir', 'dl']);

const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden|mso-hide\s*:\s*all)/i;

function dropped(el: HElement): boolean {
  if (DROP.has(el.tag)) return true;
  // Word's namespaced document properties (<o:DocumentProperties>…); <o:p> is a paragraph's end mark
  if (el.tag.startsWith('o:') && el.tag !== 'o:p') return true;
  if ('hidden' in el.attrs) return true;
  const style = el.attrs.style;
  return !!style && HIDDEN_STYLE.test(style);
}

const VISIBILITY_HIDDEN = /(?:^|;)\s*visibility\s*:\s*hidden\s*(?:;|$)/i;

/**
 * A page whose body a script reveals (a WeChat article saved as "HTML only": its text sits in
 * `<div id="js_content" style="visibility: hidden;">` until the page's script runs): when the text hidden so holds
 * more than the rest of the page, and at least a paragraph's worth, it is what a reader sees, so it is revealed.
 * `display: none` stays hidden. Returns how many elements were revealed.
 */
function revealScriptHidden(root: HElement): number {
  const hiddenOnly = (el: HElement) => {
    const style = el.attrs.style;
    return !!style && VISIBILITY_HIDDEN.test(style) && !/display\s*:\s*none|mso-hide\s*:\s*all/i.test(style) && !('hidden' in el.attrs) && !DROP.has(el.tag);
  };
  const found: HElement[] = [];
  const walk = (el: HElement) => {
    for (const c of el.children) {
      if (c.type !== 'el') continue;
      if (hiddenOnly(c)) found.push(c);
      else if (!dropped(c)) walk(c);
    }
  };
  walk(root);
  if (!found.length) return 0;
  const hidden = found.reduce((n, el) => n + measure(el, new WeakMap()).len, 0);
  const visible = measure(root, new WeakMap()).len;
  if (hidden < REVEAL_MIN || hidden <= visible) return 0;
  for (const el of found) el.attrs.style = el.attrs.style.replace(/visibility\s*:\s*hidden\s*;?/gi, '');
  return found.length;
}
/** non-space characters of hidden text worth revealing (a paragraph of a report, not a hidden label) */
const REVEAL_MIN = 200;

/** class / id words of a page's furniture (main-nav, site_footer, breadcrumb …) */
const CHROME_WORDS = new Set(['nav', 'navbar', 'navigation', 'menu', 'mainmenu', 'topmenu', 'submenu', 'breadcrumb', 'breadcrumbs', 'crumb', 'crumbs', 'footer', 'copyright', 'sitemap']);

/** Text of an element (non-space characters) and how much of it is link text, dropped parts left out. */
function measure(el: HElement, memo: WeakMap<HElement, { len: number; link: number }>, inLink = false): { len: number; link: number } {
  const hit = !inLink ? memo.get(el) : undefined;
  if (hit) return hit;
  let len = 0;
  let link = 0;
  const here = inLink || (el.tag === 'a' && 'href' in el.attrs);
  for (const c of el.children) {
    if (c.type === 'text') {
      const n = c.text.replace(/[\s\u00a0\u3000]+/g, '').length;
      len += n;
      if (here) link += n;
    } else if (!dropped(c)) {
      const m = measure(c, memo, here);
      len += m.len;
      link += m.link;
    }
  }
  const r = { len, link };
  if (!inLink) memo.set(el, r);
  return r;
}

function hasDescendant(el: HElement, pred: (e: HElement) => boolean): boolean {
  for (const c of el.children) {
    if (c.type !== 'el' || dropped(c)) continue;
    if (pred(c) || hasDescendant(c, pred)) return true;
  }
  return false;
}

function descendants(el: HElement, pred: (e: HElement) => boolean, out: HElement[] = []): HElement[] {
  for (const c of el.children) {
    if (c.type !== 'el' || dropped(c)) continue;
    if (pred(c)) out.push(c);
    else descendants(c, pred, out);
  }
  return out;
}

// ---- characters ----

/** CJK by isCjkCode, plus bopomofo to CJK compatibility (U+3100–33FF) and the supplementary ideographs */
function isCJK(cp: number | undefined): boolean {
  if (cp === undefined) return false;
  return isCjkCode(cp) || (cp >= 0x3100 && cp <= 0x33ff) || (cp >= 0x20000 && cp <= 0x3134f);
}

/** invisible characters browsers do not show */
const INVISIBLE = new Set(['\u200b', '\ufeff', '\u00ad']);

// kinds of buffered characters
const VISIBLE = 0;
const SPACE = 1; // collapsible space or tab
const NEWLINE = 2; // a line break in the source: no space between CJK characters
const CELLBREAK = 3; // a paragraph or <br> inside a table cell: joined like a source line break

interface Buf {
  ch: string[];
  kind: number[];
  link: number[];
}
const newBuf = (): Buf => ({ ch: [], kind: [], link: [] });

/**
 * White space as a browser shows it, with one deliberate difference: a run of spaces becomes one space; a run
 * holding a line break (in the source, or a paragraph / <br> inside a table cell) disappears when the character
 * on either side is CJK (browsers keep a space when only one side is) — so 支出⏎149.83万元 reads as it does in
 * the other formats — and is one space otherwise. Spaces at the ends go. `link` has one flag per UTF-16 unit.
 */
function collapse(b: Buf): { text: string; link: number[] } {
  // one element per code point (text() pushes whole code points)
  const out: string[] = [];
  const link: number[] = [];
  const n = b.ch.length;
  let k = 0;
  while (k < n) {
    if (b.kind[k] === VISIBLE) {
      out.push(b.ch[k]);
      link.push(b.link[k]);
      k++;
      continue;
    }
    let j = k;
    let brk = false;
    while (j < n && b.kind[j] !== VISIBLE) {
      if (b.kind[j] !== SPACE) brk = true;
      j++;
    }
    if (out.length && j < n) {
      if (!(brk && (isCJK(out[out.length - 1].codePointAt(0)) || isCJK(b.ch[j].codePointAt(0))))) {
        out.push(' ');
        link.push(link[link.length - 1] && b.link[j] ? 1 : 0);
      }
    }
    k = j;
  }
  // trim white space (also no-break and ideographic spaces: indentation) at both ends
  let s = 0;
  let e = out.length;
  while (s < e && /\s/.test(out[s])) s++;
  while (e > s && /\s/.test(out[e - 1])) e--;
  const units: number[] = [];
  for (let i = s; i < e; i++) for (let u = 0; u < out[i].length; u++) units.push(link[i]);
  return { text: out.slice(s, e).join(''), link: units };
}

// ---- output lines ----

interface TextLine {
  kind: 'text';
  text: string;
  link: number[];
  start?: number;
}
interface RowLine {
  kind: 'row';
  text: string;
  start?: number;
}
type OutLine = TextLine | RowLine;

interface Origin {
  text: string;
  line: RowLine;
  /** offset of the cell in its line */
  rel: number;
  rowSpan?: number;
  colSpan?: number;
}
interface TableBuild {
  lines: RowLine[];
  grid: ({ origin: Origin; merged: boolean } | null)[][];
}

interface Ctx {
  link: boolean;
  pre: boolean;
  /** inside Word's list label (<span style='mso-list:Ignore'>一、<span>&nbsp;&nbsp;</span></span>) */
  listLabel: boolean;
}

interface Stats {
  layoutTables: number;
  dataTables: number;
  linkTables: number;
  infoTables: number;
  chromeBlocks: number;
  attachments: string[];
}

const ATTACHMENT = /\.(pdf|docx?|wps|xlsx?|et|ofd|zip|rar|7z)(?:[?#]|$)/i;

class Renderer {
  out: OutLine[] = [];
  tables: TableBuild[] = [];
  buf: Buf = newBuf();
  cellMode = false;
  memo = new WeakMap<HElement, { len: number; link: number }>();
  olCount = new WeakMap<HElement, number>();
  stats: Stats = { layoutTables: 0, dataTables: 0, linkTables: 0, infoTables: 0, chromeBlocks: 0, attachments: [] };

  push(c: string, kind: number, link: boolean) {
    this.buf.ch.push(c);
    this.buf.kind.push(kind);
    this.buf.link.push(link ? 1 : 0);
  }

  text(s: string, ctx: Ctx) {
    if (ctx.listLabel && /^[\s\u00a0]*$/.test(s)) return; // the spaces Word puts after a list number
    for (const c of s) {
      if (INVISIBLE.has(c)) continue;
      if (ctx.pre) {
        if (c === '\n') this.lineBreak();
        else if (c === '\r') continue;
        else this.push(c === '\t' || c === '\f' || c === '\u00a0' ? ' ' : c, VISIBLE, ctx.link);
      } else if (c === ' ' || c === '\t' || c === '\f') this.push(' ', SPACE, ctx.link);
      else if (c === '\n' || c === '\r') this.push('\n', NEWLINE, ctx.link);
      else if (c === '\u00a0') this.push(' ', VISIBLE, ctx.link);
      else this.push(c, VISIBLE, ctx.link);
    }
  }

  /** a block boundary or <br>: a new line, or inside a table cell a join */
  lineBreak() {
    if (this.cellMode) {
      this.push('\n', CELLBREAK, false);
      return;
    }
    if (!this.buf.ch.length) return;
    const { text, link } = collapse(this.buf);
    this.buf = newBuf();
    if (text.replace(/[\s\u3000]/g, '')) this.out.push({ kind: 'text', text, link });
  }

  walk(node: HNode, ctx: Ctx) {
    if (node.type === 'text') return this.text(node.text, ctx);
    const el = node;
    if (dropped(el)) return;
    const tag = el.tag;
    if (this.isChromeBlock(el)) {
      this.stats.chromeBlocks++;
      return;
    }
    if (tag === 'br') return this.lineBreak();
    if (tag === 'hr') return this.lineBreak();
    if (tag === 'table' && !this.cellMode) return this.table(el, ctx);
    let c = ctx;
    if (tag === 'a' && 'href' in el.attrs) {
      c = { ...c, link: true };
      const href = el.attrs.href;
      if (ATTACHMENT.test(href) && this.stats.attachments.length < 20) this.stats.attachments.push(href);
    }
    if (PRE.has(tag)) c = { ...c, pre: true };
    if (/mso-list\s*:\s*ignore/i.test(el.attrs.style ?? '')) c = { ...c, listLabel: true };
    const block = BLOCK.has(tag);
    if (block) this.lineBreak();
    if (tag === 'li') this.listNumber(el, c);
    for (const ch of el.children) this.walk(ch, c);
    if (block) this.lineBreak();
  }

  /**
   * nav/footer/aside elements, role=navigation|contentinfo, and elements whose class or id names a menu,
   * breadcrumb or footer — when they are short (≤ 400 characters) or mostly links, so that a content block
   * that happens to carry such a class is never lost.
   */
  isChromeBlock(el: HElement): boolean {
    let named = el.tag === 'footer' || el.tag === 'aside' || /^(navigation|contentinfo|menu|menubar)$/i.test(el.attrs.role ?? '');
    if (!named && (el.attrs.class || el.attrs.id)) {
      const words = `${el.attrs.class ?? ''} ${el.attrs.id ?? ''}`.toLowerCase().split(/[\s_-]+/);
      named = words.some((w) => CHROME_WORDS.has(w));
    }
    if (!named || el.tag === 'body' || el.tag === 'html') return false;
    if (el.tag === 'footer' || el.tag === 'aside') {
      // an article's own footer holds its date and source, not the report
      for (let p = el.parent; p; p = p.parent) if (p.tag === 'article' || p.tag === 'main') return false;
    }
    const m = measure(el, this.memo);
    return m.len <= 400 || m.link * 2 >= m.len;
  }

  /** <ol> items get their number as a browser shows it (1. a. i. 一、); <ul> bullets are no text */
  listNumber(li: HElement, ctx: Ctx) {
    const ol = li.parent;
    if (!ol || ol.tag !== 'ol') return;
    const style = `${ol.attrs.style ?? ''};${li.attrs.style ?? ''}`;
    if (/list-style(?:-type)?\s*:\s*none/i.test(style)) return;
    const start = parseInt(ol.attrs.start ?? '1', 10);
    let n = this.olCount.get(ol) ?? (Number.isFinite(start) ? start : 1);
    const v = parseInt(li.attrs.value ?? '', 10);
    if (Number.isFinite(v)) n = v;
    this.olCount.set(ol, n + 1);
    const type = /list-style(?:-type)?\s*:\s*([a-z-]+)/i.exec(style)?.[1]?.toLowerCase() ?? ol.attrs.type ?? '1';
    this.text(listLabel(n, type), { ...ctx, link: false });
  }

  // ---- tables ----

  table(table: HElement, ctx: Ctx) {
    const rows = descendants(table, (e) => e.tag === 'tr' || e.tag === 'table' || e.tag === 'caption').filter((e) => e.tag === 'tr');
    const captions = descendants(table, (e) => e.tag === 'caption' || e.tag === 'tr' || e.tag === 'table').filter((e) => e.tag === 'caption');
    this.lineBreak();
    for (const cap of captions) this.walk(cap, ctx);
    this.lineBreak();
    if (!rows.length) {
      for (const ch of table.children) if (ch.type === 'el' && ch.tag !== 'caption') this.walk(ch, ctx);
      this.lineBreak();
      return;
    }
    const all = rows.map((r) => descendants(r, (e) => e.tag === 'td' || e.tag === 'th' || e.tag === 'table').filter((e) => e.tag !== 'table'));
    // text in a row outside any cell is shown before the table by browsers: a paragraph of its own
    const isCell = (e: HElement) => e.tag === 'td' || e.tag === 'th';
    for (const tr of rows) {
      for (const ch of tr.children) {
        if (ch.type === 'text' ? /\S/.test(ch.text) : !isCell(ch) && !hasDescendant(ch, isCell)) this.walk(ch, ctx);
      }
      this.lineBreak();
    }
    const cells = all.filter((row) => row.length);
    if (!cells.length) return;
    if (this.isLayout(cells)) {
      this.stats.layoutTables++;
      for (const row of cells)
        for (const cell of row) {
          // a frame cell that is mostly links is the site's menu or a list of other pages
          const m = measure(cell, this.memo);
          if (m.len && m.link >= m.len * MENU_SHARE) {
            this.stats.chromeBlocks++;
            continue;
          }
          this.lineBreak();
          for (const ch of cell.children) this.walk(ch, ctx);
          this.lineBreak();
        }
      return;
    }
    // a data table: every cell's text on one line
    const texts = cells.map((row) => row.map((cell) => this.cellText(cell, ctx)));
    const filled = texts.flat().filter((t) => t.text);
    if (!filled.length) return; // a spacer
    if (filled.every((t) => linkOnly(t.text, t.link))) {
      this.stats.linkTables++; // a menu or a list of links laid out as a table
      return;
    }
    if (new Set(filled.map((t) => INFO_CELL.exec(t.text)?.[1]).filter(Boolean)).size >= 3) {
      this.stats.infoTables++; // the 信息公开 record of the page (索引号, 发布机构, 生成日期 …)
      return;
    }
    this.stats.dataTables++;
    // a row whose last cell holds prose (a report typed into a form's cell): the cell's paragraphs are lines after the
    // row's line, out of the table; the rows after it make a table of their own
    let from = 0;
    cells.forEach((row, ri) => {
      const last = row[row.length - 1];
      if (measure(last, this.memo).len < PROSE_PROBE) return;
      const lines = this.blockLines(last, ctx);
      const words = (r: { text: string }[] | undefined) => (r ?? []).map((t) => t.text);
      if (!isProseCell(lines.map((l) => l.text), words(texts[ri].slice(0, -1)), words(texts[ri - 1]))) return;
      texts[ri][row.length - 1] = { text: '', link: [] };
      this.grid(cells.slice(from, ri + 1), texts.slice(from, ri + 1).map((r) => r.map((t) => t.text)), true);
      this.lineBreak();
      this.out.push(...lines);
      from = ri + 1;
    });
    if (from < cells.length) this.grid(cells.slice(from), texts.slice(from).map((r) => r.map((t) => t.text)));
  }

  /** A cell's text as lines of their own, one per block (as a layout table's cell is read), without side effects. */
  blockLines(cell: HElement, ctx: Ctx): TextLine[] {
    const saved = { out: this.out, buf: this.buf, mode: this.cellMode, ol: this.olCount, stats: { ...this.stats, attachments: [...this.stats.attachments] } };
    this.out = [];
    this.buf = newBuf();
    this.cellMode = false;
    this.olCount = new WeakMap();
    for (const ch of cell.children) this.walk(ch, ctx);
    this.lineBreak();
    const lines = this.out.filter((l): l is TextLine => l.kind === 'text');
    this.out = saved.out;
    this.buf = saved.buf;
    this.cellMode = saved.mode;
    this.olCount = saved.ol;
    this.stats = saved.stats;
    return lines;
  }

  /**
   * A layout table (the page's frame, not data): a cell holds another table, a heading, a menu (a list of
   * links) or a long text (over 1,500 characters), or no row has two cells. Its cells are read as blocks.
   */
  isLayout(cells: HElement[][]): boolean {
    if (cells.every((r) => r.length <= 1)) return true;
    for (const row of cells)
      for (const cell of row) {
        if (hasDescendant(cell, (e) => e.tag === 'table' || HEADINGS.has(e.tag))) return true;
        if (measure(cell, this.memo).len > LONG_CELL) return true;
        const lists = descendants(cell, (e) => LISTS.has(e.tag));
        if (lists.some((l) => { const m = measure(l, this.memo); return m.len > 0 && m.link * 2 >= m.len; })) return true;
      }
    return false;
  }

  cellText(cell: HElement, ctx: Ctx): { text: string; link: number[] } {
    const saved = this.buf;
    const savedMode = this.cellMode;
    this.buf = newBuf();
    this.cellMode = true;
    for (const ch of cell.children) this.walk(ch, ctx);
    const r = collapse(this.buf);
    this.buf = saved;
    this.cellMode = savedMode;
    return r;
  }

  /**
   * One line per row, cells separated by \t, as docx.ts writes a Word table: a position covered by a row span
   * is an empty cell, a cell spanning columns is written once; the grid repeats the cell (merged: true) at
   * every position it covers.
   */
  grid(cells: HElement[][], texts: string[][], proseLast = false) {
    const t: TableBuild = { lines: [], grid: [] };
    const spans = cells.map((row, r) =>
      row.map((el, c) => {
        const left = cells.length - r;
        let rowSpan = clampInt(el.attrs.rowspan, 1, 65534, true);
        if (rowSpan === 0 || rowSpan > left) rowSpan = left; // rowspan=0: to the end
        return { text: texts[r][c], colSpan: clampInt(el.attrs.colspan, 1, 1000), rowSpan };
      }),
    );
    const origins = new Map<object, Origin>();
    const laid = layOutRows(spans);
    for (const [ri, row] of laid.entries()) {
      // (the prose cell taken out of the last row leaves no empty part at its end, and a row of nothing else no row)
      const prose = proseLast && ri === laid.length - 1;
      const parts = prose && row.parts.length > 1 && row.parts[row.parts.length - 1] === '' ? row.parts.slice(0, -1) : row.parts;
      if (prose && !parts.join('').replace(/[\s\u3000]/g, '')) break;
      const line: RowLine = { kind: 'row', text: parts.join('\t') };
      for (const { cell, part } of row.origins) {
        const origin: Origin = { text: cell.text, line, rel: Math.min(row.partStarts[part], line.text.length) };
        if (cell.colSpan > 1) origin.colSpan = cell.colSpan;
        if (cell.rowSpan > 1) origin.rowSpan = cell.rowSpan;
        origins.set(cell, origin);
      }
      this.lineBreak();
      this.out.push(line);
      t.lines.push(line);
      t.grid.push(row.cols.map((c) => (c ? { origin: origins.get(c.cell)!, merged: c.merged } : null)));
    }
    if (t.grid.some((r) => r.some((c) => c && c.origin.text.replace(/[\s\u3000]/g, '')))) this.tables.push(t);
  }
}

const LONG_CELL = 1500;
/** a data table's last cell this long (characters) is tried as prose (isProseCell) */
const PROSE_PROBE = 100;
/** share of link text above which a layout cell is a menu */
const MENU_SHARE = 0.6;
/** cells of a 信息公开 page's record table: a label alone, or a label and its value */
const INFO_CELL = /^(索引号|发布机构|生成日期|发布日期|成文日期|发文日期|公开方式|公开范围|公开时限|公开形式|主题分类|体裁分类|信息分类|组配分类|文号|发文字号|有效性|关键词|时效)\s*[:：]?/;

function clampInt(v: string | undefined, min: number, max: number, zeroOk = false): number {
  const n = parseInt(v ?? '', 10);
  if (!Number.isFinite(n)) return min;
  if (zeroOk && n === 0) return 0;
  return Math.min(max, Math.max(min, n));
}

const CJK_DIGITS = '零一二三四五六七八九';
function cjkNumber(n: number): string {
  if (n < 10) return CJK_DIGITS[n];
  if (n < 20) return '十' + (n % 10 ? CJK_DIGITS[n % 10] : '');
  if (n < 100) return CJK_DIGITS[Math.floor(n / 10)] + '十' + (n % 10 ? CJK_DIGITS[n % 10] : '');
  return String(n);
}
function roman(n: number): string {
  if (n <= 0 || n >= 4000) return String(n);
  const t: [number, string][] = [[1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'], [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']];
  let s = '';
  for (const [v, r] of t) while (n >= v) (s += r), (n -= v);
  return s;
}
function alpha(n: number): string {
  let s = '';
  for (; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(97 + ((n - 1) % 26)) + s;
  return s || String(n);
}
function listLabel(n: number, type: string): string {
  switch (type) {
    case 'a':
    case 'lower-alpha':
    case 'lower-latin':
      return alpha(n) + '.';
    case 'A':
    case 'upper-alpha':
    case 'upper-latin':
      return alpha(n).toUpperCase() + '.';
    case 'i':
    case 'lower-roman':
      return roman(n) + '.';
    case 'I':
    case 'upper-roman':
      return roman(n).toUpperCase() + '.';
    case 'cjk-ideographic':
    case 'simp-chinese-informal':
    case 'cjk-decimal':
      return (type === 'cjk-decimal' ? String(n) : cjkNumber(n)) + '、';
    default:
      return `${n}.`;
  }
}

// ---- portal chrome, line by line ----

const SEPARATORS = /[\s|｜\/\\>＞»›<＜«‹·•・\-—–_:：,，、.。;；\[\]【】()（）「」『』〈〉]+/g;
const DATES = /\d{4}\s*[-/.年]\s*\d{1,2}(?:\s*[-/.月]\s*\d{1,2}\s*日?)?(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?|\d{1,2}[-/]\d{1,2}|[(（\[]\s*\d+\s*[)）\]]/g;

/**
 * A line of links: no text outside its links but separators, dates and counts (a menu, a link list with dates,
 * 上一篇：<a>…</a>, 相关链接：<a>…</a> — a short label before a colon is allowed).
 */
function linkOnly(text: string, link: number[]): boolean {
  let linked = 0;
  let rest = '';
  for (let i = 0; i < text.length; i++) {
    if (link[i]) {
      if (!/\s/.test(text[i])) linked++;
      rest += ' ';
    } else rest += text[i];
  }
  if (!linked) return false;
  rest = rest.trim().replace(/^[^:：\s]{1,8}[:：]/, '');
  return rest.replace(DATES, '').replace(SEPARATORS, '') === '';
}

/**
 * A menu bar with a few items that are no links (无障碍, 长者模式, English, 搜索: buttons run by scripts): short words
 * apart, no punctuation, four or more links holding at least half of its characters.
 */
function menuBar(text: string, link: number[]): boolean {
  if (/[。，,；;：:、！？!?]/.test(text)) return false;
  const words = text.trim().split(/\s+/);
  if (words.length < 4 || words.some((w) => [...w].length > 8)) return false;
  let linked = 0;
  let all = 0;
  let linkWords = 0;
  for (let i = 0; i < text.length; i++) {
    if (/\s/.test(text[i])) continue;
    all++;
    if (link[i]) {
      linked++;
      if (i === 0 || /\s/.test(text[i - 1]) || !link[i - 1]) linkWords++;
    }
  }
  return linkWords >= 4 && linked * 2 >= all;
}

const BREADCRUMB = /^(?:您|你)?(?:现在|当前|目前)?(?:所在)?的?位置\s*[:：]/;
const PAGINATION_WORD = /上一页|下一页|首页|尾页|末页|共\s*\d+\s*(?:条|页|篇)|第\s*\d+\s*(?:\/\s*\d+\s*)?页/;
/** the pieces of a pagination line; a line that is nothing else is one (removed piece by piece: no backtracking) */
const PAGINATION = /共\s*\d+\s*(?:条|页|篇|个)(?:记录)?|第?\s*\d+\s*(?:\/\s*\d+\s*)?页|首页|上一页|下一页|尾页|末页|前一页|后一页|跳转到?|转到|到第|GO|确定|当前|每页\s*\d+\s*条|\d+|[\s|,，、:：\/\[\]【】()（）]/gi;
// generic labels (日期, 时间, 来源 …) count only as whole labels: 资金来源 or 实施时间 in a project's header is no page info
const INFO_LABEL = /(发布时间|发布日期|发文日期|成文日期|更新时间|信息来源|文章来源|责任编辑|发布人|发布机构|发布者|浏览次数|浏览量|点击数|点击量|阅读次数|阅读量|访问次数|访问量|字号|字体|索引号|生成日期|公开方式|公开范围|主题分类|信息分类|体裁分类|(?<![\u4e00-\u9fff])(?:日期|时间|来源|作者|撰稿|编辑|审核))\s*[:：]/g;
const INFO_ALONE = /^(?:发布时间|发布日期|发文日期|更新时间|信息来源|文章来源|浏览次数|浏览量|点击数|点击量|阅读次数|阅读量|访问次数)\s*[:：]/;
const TOOLS = /(?:字体|字号)\s*[:：]?\s*[【\[]?\s*大\s*[】\]]?\s*[【\[]?\s*中\s*[】\]]?\s*[【\[]?\s*小\s*[】\]]?|打印本页|打印本文|打印正文|打印|关闭本页|关闭窗口|关闭|返回顶部|回到顶部|返回列表|返回|收藏本页|加入收藏|收藏|分享到|分享|设为首页|保存本页|扫一扫|微信|微博|QQ空间|复制链接|纠错/g;
const FOOTER_STRONG = /版权所有|Copyright|©|ICP\s*[备证]|网站标识码|公网安备|网安备|技术支持\s*[:：]|(?:建议|推荐|最佳).{0,20}(?:浏览器|分辨率)|(?:浏览器|分辨率).{0,12}(?:浏览|最佳|以上)/i;
const FOOTER_WEAK_START = /^(?:(?:主办|承办|协办|主管|运营|运维|维护|设计|制作|建设)(?:单位)?\s*[:：]|地址|通讯地址|邮编|邮政编码|联系电话|电话\s*[:：]|传真|邮箱|电子邮箱|E-?mail|联系我们|关于我们|网站地图|网站声明|免责声明|隐私)/i;

/** a repeated title is looked for among the first lines kept */
const TITLE_LINES = 10;

type Drop = 'link' | 'breadcrumb' | 'pagination' | 'info' | 'tools' | 'footer' | 'title-repeat';

function lineChrome(l: TextLine): Drop | null {
  const t = l.text;
  if (linkOnly(t, l.link) || menuBar(t, l.link)) return 'link';
  if (BREADCRUMB.test(t)) return 'breadcrumb';
  const arrows = (t.match(/[>＞»›]/g) ?? []).length;
  if (arrows >= 2) {
    const linked = l.link.filter((x, i) => x && !/\s/.test(t[i])).length;
    if (linked * 2 >= t.replace(/\s/g, '').length) return 'breadcrumb';
  }
  if (t.length <= 200 && PAGINATION_WORD.test(t) && t.replace(PAGINATION, '') === '') return 'pagination';
  if (!t.includes('。') && t.length <= 200) {
    const labels = new Set([...t.matchAll(INFO_LABEL)].map((m) => m[1]));
    if (labels.size >= 2 || (t.length <= 60 && INFO_ALONE.test(t))) return 'info';
  }
  const tools = t.match(TOOLS);
  if (tools && tools.some((x) => x.length >= 2) && t.replace(TOOLS, '').replace(SEPARATORS, '') === '') return 'tools';
  return null;
}

export function footerClass(t: string): 'strong' | 'weak' | null {
  if (t.length <= 200 && FOOTER_STRONG.test(t)) return 'strong';
  if (t.length > 100 || t.includes('。')) return null;
  if (FOOTER_WEAK_START.test(t)) return 'weak';
  if (t.length <= 60 && /主办|承办|协办/.test(t)) return 'weak';
  if (/您是(?:本站)?第\s*\d+\s*位|总访问|访问(?:量|人次|次数)/.test(t)) return 'weak';
  if ((t.match(/(?:地址|电话|邮编|传真|邮箱)\s*[:：]/g) ?? []).length >= 2) return 'weak';
  return null;
}

/** Drops chrome lines; returns the lines kept and what was dropped. */
function dropChrome(lines: OutLine[], pageTitle: string): { kept: OutLine[]; counts: Map<Drop, number> } {
  const counts = new Map<Drop, number>();
  const count = (d: Drop, n = 1) => counts.set(d, (counts.get(d) ?? 0) + n);
  let kept: OutLine[] = [];
  for (const l of lines) {
    const d = l.kind === 'text' ? lineChrome(l) : null;
    if (d) count(d);
    else kept.push(l);
  }
  // the site footer: a run of footer lines (主办单位, 地址, 电话 …) holding at least one sure one (版权所有, ICP备)
  const cls = kept.map((l) => (l.kind === 'text' ? footerClass(l.text) : null));
  const drop = new Set<number>();
  for (let i = 0; i < kept.length; ) {
    if (!cls[i]) {
      i++;
      continue;
    }
    let j = i;
    let strong = false;
    while (j < kept.length && cls[j]) strong ||= cls[j++] === 'strong';
    if (strong) for (let k = i; k < j; k++) drop.add(k);
    i = j;
  }
  if (drop.size) {
    count('footer', drop.size);
    kept = kept.filter((_, i) => !drop.has(i));
  }
  // the page's title (as in <title>) shown above the text and repeated by the report's own first line; near
  // the top only: further down, a line said twice is the document's own
  const out: OutLine[] = [];
  const squeeze = (x: string) => x.replace(/\s+/g, '');
  const inTitle = (x: string) => x.length >= 4 && squeeze(pageTitle).includes(x);
  for (const l of kept) {
    const prev = out[out.length - 1];
    if (l.kind === 'text' && prev?.kind === 'text' && out.length < TITLE_LINES && squeeze(prev.text) === squeeze(l.text) && inTitle(squeeze(l.text))) {
      count('title-repeat');
      continue;
    }
    out.push(l);
  }
  return { kept: out, counts };
}

// ---- the reader ----

const DROP_NAMES: Record<Drop, string> = {
  link: 'menu / link lines',
  breadcrumb: 'breadcrumbs',
  pagination: 'pagination lines',
  info: 'article info lines (发布时间, 来源, 浏览次数)',
  tools: 'tool lines (打印, 关闭, 字号)',
  footer: 'site footer lines (主办单位, 版权所有, ICP备)',
  'title-repeat': 'repeated title lines',
};

function findFirst(el: HElement, tag: string): HElement | null {
  for (const c of el.children) {
    if (c.type !== 'el') continue;
    if (c.tag === tag) return c;
    const f = findFirst(c, tag);
    if (f) return f;
  }
  return null;
}

function collect(el: HElement, pred: (e: HElement) => boolean, out: HElement[] = []): HElement[] {
  for (const c of el.children) {
    if (c.type !== 'el') continue;
    if (pred(c)) out.push(c);
    collect(c, pred, out);
  }
  return out;
}

function textOf(el: HElement): string {
  return el.children.map((c) => (c.type === 'text' ? c.text : textOf(c))).join('');
}

export interface HtmlOptions {
  /** the charset the page's container names (an MHT part's Content-Type): it outranks the page's own <meta> */
  transportCharset?: string;
}

export function readHtml(bytes: Uint8Array, opts: HtmlOptions = {}): ReadResult {
  const { text: src, encoding, how } = decodeHtml(bytes, opts.transportCharset);
  const bad = (src.match(/\uFFFD/g) ?? []).length;
  if (bad > 20 && bad / Math.max(src.length, 1) > 0.05) {
    throw new ReadError('binary', `cannot decode the HTML page (${bad} undecodable characters as ${encoding})`);
  }
  const root = parseHtml(src);
  const messages: Message[] = [];
  if (encoding !== 'utf-8') messages.push({ ruleId: 'read:encoding', reason: `decoded as ${encoding} (${how})` });
  else if (!/^declared/.test(how) || how.includes('but')) messages.push({ ruleId: 'read:encoding', reason: `decoded as UTF-8 (${how})` });
  const generator = /<meta\b[^>]*name\s*=\s*["']?generator["']?[^>]*content\s*=\s*["']?([^"'>]*)/i.exec(src.slice(0, 8192))?.[1] ?? '';
  if (/microsoft word|wps/i.test(generator) || /urn:schemas-microsoft-com:office:word/i.test(src.slice(0, 2048))) {
    messages.push({ ruleId: 'read:html-word', reason: `Word "save as web page" HTML${generator ? ` (${generator.trim()})` : ''}` });
  }
  const title = findFirst(root, 'title');
  const titleText = title ? textOf(title).replace(/\s+/g, ' ').trim() : '';
  if (titleText) messages.push({ ruleId: 'read:html-title', reason: `page title (not part of the text): ${titleText.slice(0, 120)}` });

  const revealed = revealScriptHidden(root);
  if (revealed) messages.push({ ruleId: 'read:html-revealed', reason: `the page's text is hidden (visibility: hidden) until its script runs, as in a WeChat article saved as "HTML only": ${revealed} element(s) read as shown` });
  const r = new Renderer();
  r.walk(root, { link: false, pre: false, listLabel: false });
  r.lineBreak();
  const { kept, counts } = dropChrome(r.out, titleText);

  let offset = 0;
  const parts: string[] = [];
  for (const l of kept) {
    l.start = offset;
    parts.push(l.text);
    offset += l.text.length + 1;
  }
  const text = parts.length ? parts.join('\n') + '\n' : '';
  if (!text.replace(/[\s\u3000]/g, '')) {
    // say where the content may be instead: other files (frames) or the scripts that would have loaded it
    const frames = [...collect(root, (e) => e.tag === 'frame' || e.tag === 'iframe')].map((e) => e.attrs.src).filter(Boolean);
    const scripts = collect(root, (e) => e.tag === 'script').length;
    const where = frames.length ? ` (its content is in frames: ${frames.slice(0, 3).join(', ')})` : scripts ? ` (its content may be loaded by its ${scripts} script(s), which are not run)` : '';
    throw new ReadError('no_text', `the HTML page has no text once scripts, styles, menus, link lists and the site footer are left out${where}`);
  }

  const tables: Table[] = [];
  for (const t of r.tables) {
    const cell = (o: Origin, merged: boolean): TableCell => {
      const start = (o.line.start ?? 0) + o.rel;
      const c: TableCell = { start, end: start + o.text.length, text: o.text };
      if (o.colSpan) c.colSpan = o.colSpan;
      if (o.rowSpan) c.rowSpan = o.rowSpan;
      if (merged) c.merged = true;
      return c;
    };
    const rows = t.grid.map((row, i) => {
      const line = t.lines[i];
      const end = (line.start ?? 0) + line.text.length;
      return row.map((x) => (x ? cell(x.origin, x.merged) : { start: end, end, text: '' }));
    });
    const first = t.lines[0];
    const last = t.lines[t.lines.length - 1];
    const table: Table = { start: first.start ?? 0, end: (last.start ?? 0) + last.text.length, rows, origin: 'html' };
    const at = kept.indexOf(first);
    const before = at > 0 ? kept[at - 1] : null;
    if (before && before.kind === 'text' && before.text.length <= 60 && !/[。；]$/.test(before.text)) table.caption = before.text;
    tables.push(table);
  }

  const s = r.stats;
  const did: string[] = [];
  for (const [d, n] of counts) did.push(`${n} ${DROP_NAMES[d]}`);
  if (s.chromeBlocks) did.push(`${s.chromeBlocks} navigation / footer blocks (nav, footer or aside elements, menu / breadcrumb / footer classes, menu cells of layout tables)`);
  if (s.linkTables) did.push(`${s.linkTables} tables of links`);
  if (s.infoTables) did.push(`${s.infoTables} page record tables (索引号, 发布机构)`);
  if (did.length) messages.push({ ruleId: 'read:html-chrome', reason: `left out as the portal's, not the report's: ${did.join('; ')}` });
  if (s.layoutTables) messages.push({ ruleId: 'read:html-layout', reason: `${s.layoutTables} layout table(s) read as paragraphs; ${s.dataTables} data table(s) read as rows` });
  if (s.attachments.length) {
    messages.push({ ruleId: 'read:html-attachments', reason: `the page links to ${s.attachments.length} attached file(s), not read: ${s.attachments.slice(0, 5).join(', ')}` });
  }
  const format = encoding === 'utf-8' ? 'html' : `html:${encoding}`;
  return { text, format, pages: null, tables, messages };
}
