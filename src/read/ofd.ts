// .ofd (GB/T 33190, China's fixed-layout format for official documents) → text. An OFD is a zip of XML: OFD.xml names
// the document, the document lists its pages, and each page holds text objects whose characters are Unicode text placed
// in millimetres. The pieces are laid out into lines by the PDF reader's geometry (pdf-layout.ts), so an OFD copy of a
// report reads like its PDF copy: running headers and page numbers dropped, lines broken by the page width re-joined.
import type { Message, ReadResult } from '../document.js';
import { ReadError } from './errors.js';
import { assemble, piecesToLines, removeRunningLines, type LayoutPage, type TextPiece } from './pdf-layout.js';
import { attr, resolve, xmlTokens } from './xml.js';
import { DEFAULT_ZIP_LIMITS, openZip, type ZipFile, type ZipLimits } from './zip.js';

export const MAX_OFD_PAGES = 2000;

/** A4 in millimetres, when neither the document nor the page gives its box. */
const A4 = { width: 210, height: 297 };

export function readOfd(bytes: Uint8Array, opts: { zipLimits?: ZipLimits } = {}): ReadResult {
  const zip = openZip(bytes, opts.zipLimits ?? DEFAULT_ZIP_LIMITS);
  const docRoot = firstText(zip.readText(part(zip, 'OFD.xml')), 'DocRoot');
  if (!docRoot) throw new ReadError('corrupt', 'damaged OFD: OFD.xml names no document (DocRoot)');
  const docPath = resolve('', docRoot.trim());
  const docDir = dirOf(docPath);
  const document = zip.readText(part(zip, docPath));
  const box = boxOf(firstIn(document, 'PageArea', 'PhysicalBox')) ?? A4;
  const templates = new Map<string, string>();
  const pageLocs: string[] = [];
  for (const t of xmlTokens(document)) {
    if (typeof t === 'string' || t.close) continue;
    const loc = attr(t.attrs, 'BaseLoc');
    if (t.name === 'TemplatePage' && loc) templates.set(attr(t.attrs, 'ID') ?? '', resolve(docDir, loc));
    else if (t.name === 'Page' && loc) pageLocs.push(resolve(docDir, loc));
  }
  if (!pageLocs.length) throw new ReadError('corrupt', 'damaged OFD: its document lists no page');
  if (pageLocs.length > MAX_OFD_PAGES) throw new ReadError('too_large', `the OFD has ${pageLocs.length} pages (limit ${MAX_OFD_PAGES})`);

  const messages: Message[] = [];
  const pages: LayoutPage[] = [];
  let images = 0;
  for (const [i, loc] of pageLocs.entries()) {
    const xml = zip.readText(part(zip, loc));
    const size = boxOf(firstIn(xml, 'Area', 'PhysicalBox')) ?? box;
    // a page's template (its background: a letterhead, a footer) is drawn under it: its text is the page's too
    const tpl = [...xml.matchAll(/<(?:[\w.-]+:)?Template\b([^>]*)>/g)].map((m) => templates.get(attr(m[1], 'TemplateID') ?? '')).filter((x): x is string => !!x && zip.has(x));
    const objects = [...tpl.map((t) => zip.readText(t)), xml].map(pageObjects);
    images += objects.reduce((a, o) => a + o.images, 0);
    const pieces = inReadingOrder(objects.flatMap((o) => o.pieces));
    pages.push({ num: i + 1, width: size.width, height: size.height, lines: piecesToLines(pieces) });
  }
  if (!pages.some((p) => p.lines.length)) {
    throw new ReadError('no_text', images ? `scanned OFD: ${pages.length} page(s) of images without text (OCR reads scanned PDFs, not OFD: print it to PDF)` : `no text in the OFD (${pages.length} page(s))`);
  }
  const { pages: kept, removed } = removeRunningLines(pages);
  if (removed.length) messages.push({ ruleId: 'read:ofd-running-lines', reason: `removed ${removed.length} running header/footer lines` });
  const out = assemble(kept);
  if (out.joined) messages.push({ ruleId: 'read:ofd-lines-joined', reason: `${out.joined} line breaks inside paragraphs removed` });
  return { text: out.text, format: 'ofd', pages: out.pages, tables: [], messages };
}

/** A part named by the package, found whatever its case or a leading slash (producers differ). */
function part(zip: ZipFile, name: string): string {
  const want = name.replace(/^\//, '');
  if (zip.has(want)) return want;
  const low = want.toLowerCase();
  const found = zip.names().find((n) => n.toLowerCase() === low);
  if (!found) throw new ReadError('corrupt', `damaged OFD: it has no part ${want}`);
  return found;
}

const dirOf = (path: string): string => path.slice(0, path.lastIndexOf('/') + 1);

/** The text of the first element `name`. */
function firstText(xml: string, name: string): string | null {
  const m = new RegExp(`<(?:[\\w.-]+:)?${name}\\b[^>]*>([^<]*)<`).exec(xml);
  return m ? m[1] : null;
}

/** The text of the first element `inner` inside the first element `outer`. */
function firstIn(xml: string, outer: string, inner: string): string | null {
  const at = new RegExp(`<(?:[\\w.-]+:)?${outer}\\b`).exec(xml);
  return at ? firstText(xml.slice(at.index), inner) : null;
}

/** `0 0 210 297` → the box's size (a box that is not four numbers, or has no area, gives null). */
function boxOf(s: string | null): { width: number; height: number } | null {
  const n = numbers(s ?? '');
  return n.length === 4 && n[2] > 0 && n[3] > 0 ? { width: n[2], height: n[3] } : null;
}

const numbers = (s: string): number[] => s.trim().split(/[\s,]+/).filter(Boolean).map(Number).filter(Number.isFinite);

/** `4.2 g 3 5 4.2` → [4.2, 5, 5, 5, 4.2]: OFD's run-length form `g N V` is N times V. */
export function deltas(s: string | undefined): number[] {
  if (!s) return [];
  const t = s.trim().split(/[\s,]+/);
  const out: number[] = [];
  for (let i = 0; i < t.length; i++) {
    if (t[i] === 'g') {
      const n = Math.min(Number(t[i + 1]), 100000);
      const v = Number(t[i + 2]);
      if (Number.isFinite(n) && Number.isFinite(v)) for (let k = 0; k < n; k++) out.push(v);
      i += 2;
    } else if (Number.isFinite(Number(t[i]))) out.push(Number(t[i]));
  }
  return out;
}

interface TextObject {
  x: number;
  y: number;
  size: number;
  /** CTM a b c d e f (object space → the boundary's origin) */
  ctm: number[];
  visible: boolean;
  /** the last TextCode's X and Y: a TextCode without one takes it (GB/T 33190: lines of one object, each giving its Y) */
  lastX: number;
  lastY: number;
}

/** A page's (or template's) text as pieces on the page (mm, y down), and how many images it draws. */
export function pageObjects(xml: string): { pieces: TextPiece[]; images: number } {
  const pieces: TextPiece[] = [];
  let images = 0;
  let obj: TextObject | null = null;
  let code: { x: number; y: number; dx: number[]; dy: number[]; text: string } | null = null;
  for (const t of xmlTokens(xml)) {
    if (typeof t === 'string') {
      if (code) code.text += t;
      continue;
    }
    if (t.name === 'ImageObject' && !t.close) images++;
    else if (t.name === 'TextObject') {
      if (t.close) obj = null;
      else {
        const b = numbers(attr(t.attrs, 'Boundary') ?? '');
        const ctm = numbers(attr(t.attrs, 'CTM') ?? '');
        obj = { x: b[0] ?? 0, y: b[1] ?? 0, size: Number(attr(t.attrs, 'Size')) || 0, ctm: ctm.length === 6 ? ctm : [1, 0, 0, 1, 0, 0], visible: attr(t.attrs, 'Visible') !== 'false', lastX: 0, lastY: 0 };
        if (t.selfClose) obj = null;
      }
    } else if (t.name === 'TextCode' && obj) {
      if (!t.close) {
        const x = Number(attr(t.attrs, 'X') ?? NaN);
        const y = Number(attr(t.attrs, 'Y') ?? NaN);
        code = { x: Number.isFinite(x) ? x : obj.lastX, y: Number.isFinite(y) ? y : obj.lastY, dx: deltas(attr(t.attrs, 'DeltaX')), dy: deltas(attr(t.attrs, 'DeltaY')), text: '' };
        if (t.selfClose) code = null;
      }
      if (code && (t.close || t.selfClose)) {
        placeCode(obj, code, pieces);
        [obj.lastX, obj.lastY] = [code.x, code.y];
        code = null;
      }
    }
  }
  return { pieces, images };
}

/**
 * One TextCode's characters on the page: each character's place is the code's X, Y plus the DeltaX (DeltaY) before
 * it. A run of characters on one baseline with no gap wider than an em and a half is one piece (the layout decides
 * whether a wide gap is a space or a table's cell break, as for a PDF).
 */
function placeCode(obj: TextObject, code: { x: number; y: number; dx: number[]; dy: number[]; text: string }, out: TextPiece[]): void {
  const chars = [...code.text];
  const [a, b, c, d, e, f] = obj.ctm;
  const scale = Math.hypot(a, b) || 1;
  const em = (obj.size || 3.5) * scale;
  const advance = (ch: string) => (/^[\x00-\x7f]$/.test(ch) ? 0.5 : 1) * (obj.size || 3.5);
  let x = code.x;
  let y = code.y;
  let run: { str: string; x: number; y: number; end: number } | null = null;
  const flush = () => {
    if (run && run.str.trim() && obj.visible) out.push({ str: run.str, x: run.x, y: run.y, width: Math.max(run.end - run.x, 0), size: em });
    run = null;
  };
  for (let i = 0; i < chars.length; i++) {
    const px = obj.x + a * x + c * y + e;
    const py = obj.y + b * x + d * y + f;
    const step = i < code.dx.length ? code.dx[i] : advance(chars[i]);
    const w = advance(chars[i]) * scale;
    if (run && (Math.abs(py - run.y) > 0.3 * em || px - run.end > 1.5 * em || px < run.end - 0.5 * em)) flush();
    if (!run) run = { str: '', x: px, y: py, end: px };
    run.str += chars[i];
    run.end = px + w;
    x += code.dy.length && i >= code.dx.length ? 0 : step;
    y += i < code.dy.length ? code.dy[i] : 0;
  }
  flush();
}

/** Pieces top to bottom, each baseline's left to right: an OFD's objects come in whatever order its producer wrote them. */
export function inReadingOrder(pieces: TextPiece[]): TextPiece[] {
  const byY = [...pieces].sort((p, q) => p.y - q.y || p.x - q.x);
  const out: TextPiece[] = [];
  let row: TextPiece[] = [];
  const flush = () => {
    out.push(...row.sort((p, q) => p.x - q.x));
    row = [];
  };
  for (const p of byY) {
    if (row.length && p.y - row[0].y > 0.45 * Math.max(p.size, row[0].size)) flush();
    row.push(p);
  }
  flush();
  return out;
}
