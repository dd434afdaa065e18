// .xls (Excel 97–2003, BIFF8) → text and table grids, the same way as .xlsx (src/read/sheets.ts): the Workbook stream
// of the compound file, its shared strings, number formats, visible sheets, cells and merged ranges. Older BIFF
// versions (Excel 5.0/95) and encrypted workbooks are refused with their own error.
import type { Message, ReadResult } from '../document.js';
import { openCompoundFile } from './cfb.js';
import { renderDocx } from './docx.js';
import { ReadError } from './errors.js';
import { builtinFormat, formatCell } from './numfmt.js';
import { addMerge, newSheet, setCell, sheetsToDocument, type CellCount, type Sheet } from './sheets.js';

const R = {
  BOF: 0x0809,
  EOF: 0x000a,
  FILEPASS: 0x002f,
  DATEMODE: 0x0022,
  FORMAT: 0x041e,
  XF: 0x00e0,
  BOUNDSHEET: 0x0085,
  SST: 0x00fc,
  CONTINUE: 0x003c,
  LABELSST: 0x00fd,
  LABEL: 0x0204,
  RSTRING: 0x00d6,
  NUMBER: 0x0203,
  RK: 0x027e,
  MULRK: 0x00bd,
  FORMULA: 0x0006,
  STRING: 0x0207,
  BOOLERR: 0x0205,
  MERGEDCELLS: 0x00e5,
  ROW: 0x0208,
  COLINFO: 0x007d,
};

interface Rec {
  type: number;
  data: Buffer;
}

function* records(ws: Buffer, from = 0): Generator<Rec> {
  for (let at = from; at + 4 <= ws.length; ) {
    const type = ws.readUInt16LE(at);
    const len = ws.readUInt16LE(at + 2);
    if (at + 4 + len > ws.length) throw new ReadError('corrupt', 'damaged Excel workbook: a record runs past the end');
    yield { type, data: ws.subarray(at + 4, at + 4 + len) };
    at += 4 + len;
  }
}

/** Reads across a record and its CONTINUE records; a string's characters that cross into a CONTINUE restart with a
 *  new option byte (compressed or UTF-16), as BIFF8 writes them. */
class Segments {
  private k = 0;
  private pos = 0;
  constructor(private parts: Buffer[]) {}
  private ensure(): void {
    while (this.k < this.parts.length && this.pos >= this.parts[this.k].length) {
      this.k++;
      this.pos = 0;
    }
    if (this.k >= this.parts.length) throw new ReadError('corrupt', 'damaged Excel workbook: shared strings cut off');
  }
  get done(): boolean {
    return this.k >= this.parts.length || (this.k === this.parts.length - 1 && this.pos >= this.parts[this.k].length);
  }
  u8(): number {
    this.ensure();
    return this.parts[this.k][this.pos++];
  }
  u16(): number {
    return this.u8() | (this.u8() << 8);
  }
  u32(): number {
    return (this.u16() | (this.u16() << 16)) >>> 0;
  }
  skip(n: number): void {
    for (let left = n; left > 0; ) {
      this.ensure();
      const take = Math.min(left, this.parts[this.k].length - this.pos);
      this.pos += take;
      left -= take;
    }
  }
  chars(cch: number, high: boolean): string {
    let out = '';
    let left = cch;
    let wide = high;
    while (left > 0) {
      if (this.pos >= this.parts[this.k]?.length) {
        this.ensure();
        wide = (this.u8() & 1) === 1; // a continued string: its own option byte
      }
      const part = this.parts[this.k];
      const avail = Math.floor((part.length - this.pos) / (wide ? 2 : 1));
      const n = Math.min(left, avail);
      if (n <= 0) throw new ReadError('corrupt', 'damaged Excel workbook: a string split inside a character');
      out += wide ? part.toString('utf16le', this.pos, this.pos + 2 * n) : part.toString('latin1', this.pos, this.pos + n);
      this.pos += n * (wide ? 2 : 1);
      left -= n;
    }
    return out;
  }
}

/** XLUnicodeRichExtendedString: the text, with its rich-text runs and phonetic data skipped. */
function richString(s: Segments): string {
  const cch = s.u16();
  const flags = s.u8();
  const runs = flags & 0x08 ? s.u16() : 0;
  const ext = flags & 0x04 ? s.u32() : 0;
  const text = s.chars(cch, (flags & 1) === 1);
  s.skip(runs * 4 + ext);
  return text;
}

/** XLUnicodeString inside one record (LABEL, STRING, FORMAT): cch, option byte, characters. */
function unicodeString(b: Buffer, at: number, cchBytes: 1 | 2 = 2): string {
  const cch = cchBytes === 2 ? b.readUInt16LE(at) : b[at];
  const flags = b[at + cchBytes];
  let p = at + cchBytes + 1;
  if (flags & 0x08) p += 2;
  if (flags & 0x04) p += 4;
  return flags & 1 ? b.toString('utf16le', p, Math.min(b.length, p + 2 * cch)) : b.toString('latin1', p, Math.min(b.length, p + cch));
}

function rkValue(rk: number): number {
  let v: number;
  if (rk & 2) v = rk >> 2;
  else {
    const b = Buffer.alloc(8);
    b.writeUInt32LE((rk & 0xfffffffc) >>> 0, 4);
    v = b.readDoubleLE(0);
  }
  return rk & 1 ? v / 100 : v;
}

interface Globals {
  strings: string[];
  formats: (string | undefined)[];
  date1904: boolean;
  sheets: { name: string; at: number; hidden: boolean; worksheet: boolean }[];
}

function readGlobals(ws: Buffer): Globals {
  const recs: Rec[] = [];
  for (const r of records(ws)) {
    recs.push(r);
    if (r.type === R.EOF) break;
  }
  if (recs[0]?.type !== R.BOF) throw new ReadError('corrupt', 'damaged Excel workbook: no BOF record');
  if (recs[0].data.readUInt16LE(0) !== 0x0600) throw new ReadError('unsupported_format', 'an Excel 5.0/95 workbook (save it as .xlsx)');
  const custom = new Map<number, string>();
  const xfFormats: number[] = [];
  const g: Globals = { strings: [], formats: [], date1904: false, sheets: [] };
  for (let i = 1; i < recs.length; i++) {
    const { type, data } = recs[i];
    switch (type) {
      case R.FILEPASS:
        throw new ReadError('encrypted', 'password-protected Excel workbook');
      case R.DATEMODE:
        g.date1904 = data.readUInt16LE(0) === 1;
        break;
      case R.FORMAT:
        custom.set(data.readUInt16LE(0), unicodeString(data, 2));
        break;
      case R.XF:
        xfFormats.push(data.readUInt16LE(2));
        break;
      case R.BOUNDSHEET:
        g.sheets.push({ at: data.readUInt32LE(0), hidden: (data[4] & 3) !== 0, worksheet: data[5] === 0, name: unicodeString(data, 6, 1) });
        break;
      case R.SST: {
        const parts = [data];
        while (recs[i + 1]?.type === R.CONTINUE) parts.push(recs[++i].data);
        readSst(parts, g.strings);
        break;
      }
    }
  }
  g.formats = xfFormats.map((id) => custom.get(id) ?? builtinFormat(id));
  return g;
}

function readSst(parts: Buffer[], out: string[]): void {
  const s = new Segments(parts);
  s.u32(); // total references
  const unique = s.u32();
  for (let i = 0; i < unique && !s.done; i++) out.push(richString(s));
}

function readWorksheet(ws: Buffer, at: number, name: string, g: Globals, count: CellCount): Sheet {
  const sheet = newSheet(name);
  const put = (r: number, c: number, text: string) => setCell(sheet, r, c, text, count);
  const num = (v: number, xf: number) => formatCell(v, g.formats[xf], g.date1904);
  let pendingString: { r: number; c: number } | null = null;
  let depth = 0;
  for (const { type, data } of records(ws, at)) {
    if (type === R.BOF) {
      depth++;
      continue;
    }
    if (type === R.EOF) {
      if (--depth <= 0) break;
      continue;
    }
    if (depth > 1) continue; // an embedded chart's substream
    switch (type) {
      case R.LABELSST:
        put(data.readUInt16LE(0), data.readUInt16LE(2), g.strings[data.readUInt32LE(6)] ?? '');
        break;
      case R.LABEL:
      case R.RSTRING:
        put(data.readUInt16LE(0), data.readUInt16LE(2), unicodeString(data, 6));
        break;
      case R.NUMBER:
        put(data.readUInt16LE(0), data.readUInt16LE(2), num(data.readDoubleLE(6), data.readUInt16LE(4)));
        break;
      case R.RK:
        put(data.readUInt16LE(0), data.readUInt16LE(2), num(rkValue(data.readInt32LE(6)), data.readUInt16LE(4)));
        break;
      case R.MULRK: {
        const r = data.readUInt16LE(0);
        const c0 = data.readUInt16LE(2);
        for (let k = 0, p = 4; p + 6 <= data.length - 2; k++, p += 6) put(r, c0 + k, num(rkValue(data.readInt32LE(p + 2)), data.readUInt16LE(p)));
        break;
      }
      case R.FORMULA: {
        const r = data.readUInt16LE(0);
        const c = data.readUInt16LE(2);
        if (data.readUInt16LE(12) !== 0xffff) put(r, c, num(data.readDoubleLE(6), data.readUInt16LE(4)));
        else if (data[6] === 0) pendingString = { r, c }; // the text follows in a STRING record
        else if (data[6] === 1) put(r, c, data[8] ? 'TRUE' : 'FALSE');
        break;
      }
      case R.STRING:
        if (pendingString) put(pendingString.r, pendingString.c, unicodeString(data, 0));
        pendingString = null;
        break;
      case R.BOOLERR:
        if (data[7] === 0) put(data.readUInt16LE(0), data.readUInt16LE(2), data[6] ? 'TRUE' : 'FALSE');
        break;
      case R.MERGEDCELLS: {
        const n = data.readUInt16LE(0);
        for (let k = 0; k < n && 2 + 8 * k + 8 <= data.length; k++) {
          const p = 2 + 8 * k;
          addMerge(sheet, data.readUInt16LE(p), data.readUInt16LE(p + 4), data.readUInt16LE(p + 2), data.readUInt16LE(p + 6));
        }
        break;
      }
      case R.ROW:
        if (data.length >= 14 && data.readUInt16LE(12) & 0x20) sheet.hiddenRows.add(data.readUInt16LE(0));
        break;
      case R.COLINFO:
        if (data.readUInt16LE(8) & 1) for (let c = data.readUInt16LE(0); c <= Math.min(data.readUInt16LE(2), 255); c++) sheet.hiddenCols.add(c);
        break;
    }
  }
  return sheet;
}

export async function readXls(bytes: Uint8Array): Promise<ReadResult> {
  const cf = openCompoundFile(bytes);
  const stream = cf.stream('Workbook');
  if (!stream) {
    if (cf.stream('Book')) throw new ReadError('unsupported_format', 'an Excel 5.0/95 workbook (save it as .xlsx)');
    throw new ReadError('corrupt', 'damaged Excel workbook: no Workbook stream');
  }
  const ws = Buffer.from(stream.buffer, stream.byteOffset, stream.byteLength);
  let g: Globals;
  try {
    g = readGlobals(ws);
  } catch (e) {
    if (e instanceof ReadError) throw e;
    throw new ReadError('corrupt', `damaged Excel workbook: ${(e as Error).message}`);
  }
  const sheets: Sheet[] = [];
  const count: CellCount = { cells: 0 };
  let hidden = 0;
  for (const s of g.sheets) {
    if (!s.worksheet) continue;
    if (s.hidden) {
      hidden++;
      continue;
    }
    try {
      sheets.push(readWorksheet(ws, s.at, s.name, g, count));
    } catch (e) {
      if (e instanceof ReadError) throw e;
      throw new ReadError('corrupt', `damaged Excel workbook: sheet ${s.name}: ${(e as Error).message}`);
    }
  }
  const out = renderDocx(sheetsToDocument(sheets));
  if (!out.text.replace(/\s/g, '')) throw new ReadError('no_text', 'the Excel workbook has no text in its visible sheets');
  const messages: Message[] = [];
  if (hidden) messages.push({ ruleId: 'read:xls-hidden', reason: `${hidden} hidden sheet(s) left out` });
  return { text: out.text, format: 'xls', pages: null, tables: out.tables.map((t) => ({ ...t, origin: 'xlsx' as const })), messages };
}
