// .xlsx (Excel 2007+, WPS, LibreOffice) → text and table grids, through the Word reader's renderer (src/read/sheets.ts):
// every visible sheet in workbook order, numbers as the cell shows them (src/read/numfmt.ts). A 绩效自评表 or 基础数据表
// filled in as a spreadsheet reads like its Word copy. Hidden sheets, rows and columns are left out, as a reader of the
// sheet does not see them.
import type { Message, ReadResult } from '../document.js';
import { renderDocx } from './docx.js';
import { ReadError } from './errors.js';
import { attr, resolve, xmlTokens, type Tag } from './xml.js';
import { builtinFormat, formatCell } from './numfmt.js';
import { addMerge, newSheet, parseRef, setCell, sheetsToDocument, type CellCount, type Sheet } from './sheets.js';
import { DEFAULT_ZIP_LIMITS, officeDocumentPart, openZip, type ZipFile, type ZipLimits } from './zip.js';

const isTrue = (v: string | undefined) => v === '1' || v === 'true';

/** OOXML's escape of characters XML cannot hold: `_x000D_` → \r (and `_x005F_` escapes an underscore). */
const unescapeX = (s: string) => (s.includes('_x') ? s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))) : s);

/** The text of `<t>` elements under the current element, phonetic guides (`<rPh>`) left out. */
function runText(tokens: Generator<Tag | string>, end: string): string {
  let out = '';
  let inT = false;
  let inPh = 0;
  // (next() by hand: a for-of that breaks would close the caller's generator)
  for (let n = tokens.next(); !n.done; n = tokens.next()) {
    const t = n.value;
    if (typeof t === 'string') {
      if (inT && !inPh) out += t;
      continue;
    }
    if (t.name === end && t.close) break;
    if (t.name === 'rPh') inPh += t.close ? -1 : t.selfClose ? 0 : 1;
    else if (t.name === 't') inT = !t.close && !t.selfClose;
  }
  return unescapeX(out);
}

function sharedStrings(xml: string | null): string[] {
  if (!xml) return [];
  const out: string[] = [];
  const tokens = xmlTokens(xml);
  for (const t of tokens) if (typeof t !== 'string' && t.name === 'si' && !t.close) out.push(t.selfClose ? '' : runText(tokens, 'si'));
  return out;
}

/** Style index → number format code. */
function cellFormats(xml: string | null): (string | undefined)[] {
  if (!xml) return [];
  const custom = new Map<number, string>();
  const out: (string | undefined)[] = [];
  let inXfs = false;
  for (const t of xmlTokens(xml)) {
    if (typeof t === 'string') continue;
    if (t.name === 'numFmt' && !t.close) custom.set(Number(attr(t.attrs, 'numFmtId')), attr(t.attrs, 'formatCode') ?? '');
    else if (t.name === 'cellXfs') inXfs = !t.close && !t.selfClose;
    else if (inXfs && t.name === 'xf' && !t.close) {
      const id = Number(attr(t.attrs, 'numFmtId') ?? 0);
      out.push(custom.get(id) ?? builtinFormat(id));
    }
  }
  return out;
}



function relsOf(zip: ZipFile, part: string): Map<string, { target: string; type: string }> {
  const dir = part.slice(0, part.lastIndexOf('/') + 1);
  const name = `${dir}_rels/${part.slice(dir.length)}.rels`;
  const out = new Map<string, { target: string; type: string }>();
  if (!zip.has(name)) return out;
  for (const t of xmlTokens(zip.readText(name))) {
    if (typeof t === 'string' || t.name !== 'Relationship') continue;
    const id = attr(t.attrs, 'Id');
    const target = attr(t.attrs, 'Target');
    if (id && target && attr(t.attrs, 'TargetMode') !== 'External') out.set(id, { target: resolve(dir, target), type: attr(t.attrs, 'Type') ?? '' });
  }
  return out;
}

interface Ctx extends CellCount {
  strings: string[];
  formats: (string | undefined)[];
  date1904: boolean;
}

function readSheet(xml: string, name: string, ctx: Ctx): Sheet {
  const sheet = newSheet(name);
  let row = -1;
  let col = -1;
  let cell: { r: number; c: number; type: string; style: number; value: string; inline: string | null } | null = null;
  let inV = false;
  const tokens = xmlTokens(xml);
  for (const t of tokens) {
    if (typeof t === 'string') {
      if (inV && cell) cell.value += t;
      continue;
    }
    switch (t.name) {
      case 'row':
        if (t.close) break;
        row = attr(t.attrs, 'r') ? Number(attr(t.attrs, 'r')) - 1 : row + 1;
        col = -1;
        if (isTrue(attr(t.attrs, 'hidden'))) sheet.hiddenRows.add(row);
        break;
      case 'col':
        if (!t.close && isTrue(attr(t.attrs, 'hidden'))) {
          const from = Number(attr(t.attrs, 'min') ?? 0);
          const to = Math.min(Number(attr(t.attrs, 'max') ?? from), from + 16384);
          for (let c = from; c <= to; c++) sheet.hiddenCols.add(c - 1);
        }
        break;
      case 'c': {
        if (t.close) {
          if (cell) finishCell(sheet, cell, ctx);
          cell = null;
          break;
        }
        const ref = attr(t.attrs, 'r');
        const at = ref ? parseRef(ref) : null;
        col = at ? at.c : col + 1;
        cell = { r: at ? at.r : row, c: col, type: attr(t.attrs, 't') ?? 'n', style: Number(attr(t.attrs, 's') ?? 0), value: '', inline: null };
        if (t.selfClose) cell = null; // no value: an empty (styled) cell
        break;
      }
      case 'v':
        inV = !t.close && !t.selfClose;
        break;
      case 'is':
        if (cell && !t.close && !t.selfClose) cell.inline = runText(tokens, 'is');
        break;
      case 'mergeCell': {
        const [a, b] = (attr(t.attrs, 'ref') ?? '').split(':');
        const p = a ? parseRef(a) : null;
        const q = b ? parseRef(b) : p;
        if (p && q) addMerge(sheet, p.r, p.c, q.r, q.c);
        break;
      }
    }
  }
  return sheet;
}

function finishCell(sheet: Sheet, cell: { r: number; c: number; type: string; style: number; value: string; inline: string | null }, ctx: Ctx): void {
  let text: string;
  const v = cell.value.trim();
  switch (cell.type) {
    case 's':
      text = ctx.strings[Number(v)] ?? '';
      break;
    case 'inlineStr':
      text = cell.inline ?? '';
      break;
    case 'str':
    case 'e':
      text = unescapeX(cell.value);
      break;
    case 'b':
      text = v === '1' ? 'TRUE' : v === '0' ? 'FALSE' : '';
      break;
    case 'd':
      text = v.replace(/T00:00:00(?:\.0+)?Z?$/, '');
      break;
    default:
      text = v === '' || !Number.isFinite(Number(v)) ? v : formatCell(Number(v), ctx.formats[cell.style], ctx.date1904);
  }
  setCell(sheet, cell.r, cell.c, text, ctx);
}

export interface XlsxOptions {
  zipLimits?: ZipLimits;
}

export async function readXlsx(bytes: Uint8Array, opts: XlsxOptions = {}): Promise<ReadResult> {
  const zip = openZip(bytes, opts.zipLimits ?? DEFAULT_ZIP_LIMITS);
  const book = officeDocumentPart(zip, 'xl/workbook.xml');
  if (!book) throw new ReadError('corrupt', 'damaged Excel workbook: no workbook part');
  const rels = relsOf(zip, book);
  const partOf = (type: string) => [...rels.values()].find((r) => r.type.endsWith('/' + type))?.target;
  const optional = (name: string | undefined) => (name && zip.has(name) ? zip.readText(name) : null);
  const bookXml = zip.readText(book);
  const ctx: Ctx = {
    strings: sharedStrings(optional(partOf('sharedStrings'))),
    formats: cellFormats(optional(partOf('styles'))),
    date1904: false,
    cells: 0,
  };
  const sheets: Sheet[] = [];
  let hidden = 0;
  for (const t of xmlTokens(bookXml)) {
    if (typeof t === 'string') continue;
    if (t.name === 'workbookPr') ctx.date1904 = isTrue(attr(t.attrs, 'date1904'));
    if (t.name !== 'sheet' || t.close) continue;
    const state = attr(t.attrs, 'state');
    if (state === 'hidden' || state === 'veryHidden') {
      hidden++;
      continue;
    }
    const rel = rels.get(attr(t.attrs, 'id') ?? '');
    if (!rel || !/\/worksheet$/.test(rel.type) || !zip.has(rel.target)) continue; // a chart sheet or a missing part
    sheets.push(readSheet(zip.readText(rel.target), attr(t.attrs, 'name') ?? '', ctx));
  }
  const out = renderDocx(sheetsToDocument(sheets));
  if (!out.text.replace(/\s/g, '')) throw new ReadError('no_text', 'the Excel workbook has no text in its visible sheets');
  const messages: Message[] = [];
  if (hidden) messages.push({ ruleId: 'read:xlsx-hidden', reason: `${hidden} hidden sheet(s) left out` });
  return { text: out.text, format: 'xlsx', pages: null, tables: out.tables.map((t) => ({ ...t, origin: 'xlsx' as const })), messages };
}
