// Two fixes to word-extractor 1.0.4's .doc reader, applied to its class once:
// 1. Table row ends. Its paragraph-property walker reads every variable-length operand with a 1-byte length,
//    but sprmTDefTable (0xD608, written on each row-end mark) has a 2-byte length. After the first such
//    operand the walk is out of step and the row-end flag (sprmPFTtp) is missed, so rows run together
//    (…得分\t\t\t年度资金总额…). This walker sizes the operands as MS-DOC specifies.
//    Rows with many cells keep their row-end properties in the Data stream (sprmPHugePapx), which
//    word-extractor never reads; we load that stream too.
//    A paragraph break inside a table cell is written as CELL_PARAGRAPH (U+E000) instead of \n, so the text
//    stage can join a cell's paragraphs (年初 + 预算数) without mistaking body paragraphs for cell text.
// 2. Encrypted .doc files (FIB flag fEncrypted) are refused instead of decoded into noise.
import { createRequire } from 'node:module';

interface Piece {
  startFilePos: number;
  endFilePos: number;
  size: number;
  bpc: number;
  text: string;
}

const SPRM_TDEF_TABLE = 0xd608;
const SPRM_PF_IN_TABLE = 0x2416;
const SPRM_PF_TTP = 0x2417;
const SPRM_PF_INNER_TTP = 0x244c;
/** the paragraph's properties are too big for the FKP and live in the Data stream */
const SPRM_P_HUGE_PAPX = 0x6646;

/** Size in bytes of the operand of `sprm` starting at `off` (MS-DOC 2.6.1, Sprm.spra). */
export function operandSize(buf: Buffer, off: number, sprm: number): number {
  switch ((sprm >> 13) & 7) {
    case 0:
    case 1:
      return 1;
    case 2:
    case 4:
    case 5:
      return 2;
    case 3:
      return 4;
    case 7:
      return 3;
    default:
      // spra 6: variable; sprmTDefTable counts its length in 2 bytes (the count includes one of them)
      return sprm === SPRM_TDEF_TABLE ? 2 + buf.readUInt16LE(off) - 1 : 1 + buf.readUInt8(off);
  }
}

/** Calls `fn(sprm, operandOffset)` for each Prl in a grpprl. */
export function walkSprms(buf: Buffer, start: number, fn: (sprm: number, off: number) => void): void {
  let off = start;
  while (off + 2 <= buf.length) {
    const sprm = buf.readUInt16LE(off);
    off += 2;
    if (off >= buf.length) break;
    fn(sprm, off);
    off += operandSize(buf, off, sprm);
  }
}

function fillByFilePos(pieces: Piece[], start: number, end: number, ch: string): void {
  for (const piece of pieces) {
    const ps = piece.startFilePos;
    const pe = ps + piece.size;
    if (end <= ps || start >= pe) continue;
    const s = Math.max(start, ps);
    const e = Math.min(end, pe);
    const a = (s - ps) / piece.bpc;
    const b = (e - ps) / piece.bpc;
    piece.text = piece.text.slice(0, a) + ch.repeat(b - a) + piece.text.slice(b);
  }
}

/** Written for a paragraph break inside a table cell (private use: survives word-extractor's clean-up). */
export const CELL_PARAGRAPH = '\ue000';

/** Replaces the character at file position `pos` with `ch` if it is `expected`. */
function replaceAt(pieces: Piece[], pos: number, expected: string, ch: string): void {
  for (const piece of pieces) {
    if (pos < piece.startFilePos || pos >= piece.startFilePos + piece.size) continue;
    const i = (pos - piece.startFilePos) / piece.bpc;
    if (Number.isInteger(i) && piece.text[i] === expected) piece.text = piece.text.slice(0, i) + ch + piece.text.slice(i + 1);
    return;
  }
}

let patched = false;

export function patchWordExtractor(): void {
  if (patched) return;
  patched = true;
  let Cls: { prototype: Record<string, unknown> } | undefined;
  try {
    Cls = createRequire(import.meta.url)('word-extractor/lib/word-ole-extractor.js');
  } catch {
    return;
  }
  const proto = Cls?.prototype as
    | {
        extractWordDocument?: (doc: unknown, buffer: Buffer) => Promise<unknown>;
        writeParagraphProperties?: (buffer: Buffer, table: Buffer) => void;
        documentStream?: (doc: unknown, name: string) => Promise<unknown>;
        streamBuffer?: (stream: unknown) => Promise<Buffer>;
      }
    | undefined;
  if (
    !proto ||
    typeof proto.writeParagraphProperties !== 'function' ||
    typeof proto.extractWordDocument !== 'function' ||
    typeof proto.documentStream !== 'function' ||
    typeof proto.streamBuffer !== 'function'
  ) {
    return;
  }

  const extract = proto.extractWordDocument;
  proto.extractWordDocument = async function (this: typeof proto & { _kxData?: Buffer | null }, doc: unknown, buffer: Buffer) {
    if (buffer.length > 0x0c && buffer.readUInt16LE(0x0a) & 0x0100) {
      throw new Error('the .doc is encrypted (password-protected)');
    }
    try {
      this._kxData = await this.streamBuffer!(await this.documentStream!(doc, 'Data'));
    } catch {
      this._kxData = null; // no Data stream: no huge paragraph properties either
    }
    return extract.call(this, doc, buffer);
  };

  proto.writeParagraphProperties = function (this: { _pieces: Piece[]; _kxData?: Buffer | null }, buffer: Buffer, table: Buffer) {
    const pieces = this._pieces;
    const data = this._kxData ?? null;
    const props = (grpprl: Buffer, start: number, out = { rowEnd: false, inTable: false }) => {
      walkSprms(grpprl, start, (sprm, off) => {
        if ((sprm === SPRM_PF_TTP || sprm === SPRM_PF_INNER_TTP) && grpprl.readUInt8(off) === 1) out.rowEnd = true;
        else if (sprm === SPRM_PF_IN_TABLE && grpprl.readUInt8(off) === 1) out.inTable = true;
        else if (sprm === SPRM_P_HUGE_PAPX && data && off + 4 <= grpprl.length) {
          const at = grpprl.readUInt32LE(off);
          if (at + 2 <= data.length) props(data.subarray(at + 2, at + 2 + data.readUInt16LE(at)), 0, out);
        }
      });
      return out;
    };
    const fc = buffer.readUInt32LE(0x0102);
    const lcb = buffer.readUInt32LE(0x0106);
    const count = (lcb - 4) / 8;
    const plc = table.subarray(fc, fc + lcb);
    const dataOffset = (count + 1) * 4;
    for (let i = 0; i < count; i++) {
      const block = plc.readUInt32LE(dataOffset + i * 4);
      const fkp = buffer.subarray(block * 512, (block + 1) * 512);
      if (fkp.length < 512) continue;
      const crun = fkp.readUInt8(511);
      for (let j = 0; j < crun; j++) {
        try {
          const from = fkp.readUInt32LE(j * 4);
          const to = fkp.readUInt32LE((j + 1) * 4);
          const at = fkp.readUInt8((crun + 1) * 4 + j * 13) * 2;
          if (at === 0) continue;
          const cb = fkp.readUInt8(at);
          const papx = cb !== 0 ? fkp.subarray(at + 1, at + 1 + 2 * cb - 1) : fkp.subarray(at + 2, at + 2 + 2 * fkp.readUInt8(at + 1));
          // skip the 2-byte style index, then the properties
          const p = props(papx, 2);
          if (p.rowEnd) fillByFilePos(pieces, from, to, '\n');
          else if (p.inTable) for (const bpc of [2, 1]) replaceAt(pieces, to - bpc, '\r', CELL_PARAGRAPH);
        } catch {
          // a damaged property run only loses its row end
        }
      }
    }
  };
}
