// A small reader of OLE compound files (the container of .xls): one stream by name. Every chain is bounded by the
// file's own sector count, so a damaged or hostile file ends in a `corrupt` error, never a loop.
import { ReadError } from './errors.js';

const END_OF_CHAIN = 0xfffffffe;
const FREE = 0xffffffff;

export interface CompoundFile {
  /** the stream's bytes, or null when the file has no stream of that name */
  stream(name: string): Uint8Array | null;
}

export function openCompoundFile(bytes: Uint8Array): CompoundFile {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const bad = (why: string): never => {
    throw new ReadError('corrupt', `damaged compound file: ${why}`);
  };
  if (buf.length < 512) bad('shorter than its header');
  const sectorSize = 1 << buf.readUInt16LE(0x1e);
  const miniSize = 1 << buf.readUInt16LE(0x20);
  if (sectorSize !== 512 && sectorSize !== 4096) bad(`sector size ${sectorSize}`);
  if (miniSize !== 64) bad(`mini sector size ${miniSize}`);
  const sectors = Math.floor((buf.length - sectorSize) / sectorSize) + 1;
  const sectorAt = (n: number) => {
    const at = (n + 1) * sectorSize;
    if (at >= buf.length) bad(`sector ${n} past the end of the file`);
    return buf.subarray(at, Math.min(at + sectorSize, buf.length));
  };

  // the FAT's own sectors: 109 in the header, the rest in a chain of DIFAT sectors
  const fatSectors: number[] = [];
  for (let i = 0; i < 109; i++) {
    const s = buf.readUInt32LE(0x4c + 4 * i);
    if (s !== FREE && s !== END_OF_CHAIN) fatSectors.push(s);
  }
  let difat = buf.readUInt32LE(0x44);
  for (let guard = 0; difat !== END_OF_CHAIN && difat !== FREE; guard++) {
    if (guard > sectors) bad('a DIFAT chain that loops');
    const s = sectorAt(difat);
    for (let i = 0; i + 4 < sectorSize; i += 4) {
      const v = s.readUInt32LE(i);
      if (v !== FREE && v !== END_OF_CHAIN) fatSectors.push(v);
    }
    difat = s.readUInt32LE(sectorSize - 4);
  }
  const fat: number[] = [];
  for (const fs of fatSectors) {
    const s = sectorAt(fs);
    for (let i = 0; i + 4 <= s.length; i += 4) fat.push(s.readUInt32LE(i));
  }
  const chain = (start: number, table: number[], limit: number): number[] => {
    const out: number[] = [];
    for (let s = start; s !== END_OF_CHAIN; s = table[s]) {
      if (s === undefined || s >= table.length || out.length > limit) bad('a sector chain that is broken or loops');
      out.push(s);
    }
    return out;
  };
  const readChain = (start: number, size?: number) => {
    const parts = chain(start, fat, sectors).map(sectorAt);
    const all = Buffer.concat(parts);
    return size === undefined ? all : all.subarray(0, size);
  };

  const dir = readChain(buf.readUInt32LE(0x30));
  interface Entry {
    name: string;
    type: number;
    start: number;
    size: number;
  }
  const entries: Entry[] = [];
  for (let at = 0; at + 128 <= dir.length; at += 128) {
    const nameLen = dir.readUInt16LE(at + 0x40);
    const type = dir[at + 0x42];
    if (type === 0) continue;
    const name = dir.toString('utf16le', at, at + Math.max(0, Math.min(64, nameLen) - 2));
    entries.push({ name, type, start: dir.readUInt32LE(at + 0x74), size: dir.readUInt32LE(at + 0x78) });
  }
  const root = entries.find((e) => e.type === 5) ?? bad('no root entry');
  const cutoff = buf.readUInt32LE(0x38) || 4096;
  let mini: { stream: Buffer; fat: number[] } | null = null;
  const miniParts = () => {
    if (mini) return mini;
    const stream = readChain(root.start, root.size);
    const miniFatBytes = buf.readUInt32LE(0x40) ? readChain(buf.readUInt32LE(0x3c)) : Buffer.alloc(0);
    const table: number[] = [];
    for (let i = 0; i + 4 <= miniFatBytes.length; i += 4) table.push(miniFatBytes.readUInt32LE(i));
    return (mini = { stream, fat: table });
  };

  return {
    stream(name: string) {
      const e = entries.find((x) => x.type === 2 && x.name.toLowerCase() === name.toLowerCase());
      if (!e) return null;
      if (e.size === 0) return new Uint8Array(0);
      if (e.size >= cutoff) {
        const data = readChain(e.start, e.size);
        if (data.length < e.size) bad(`stream ${name} cut off`);
        return data;
      }
      const m = miniParts();
      const parts = chain(e.start, m.fat, m.stream.length / miniSize + 1).map((s) => {
        if ((s + 1) * miniSize > m.stream.length) bad(`mini sector ${s} past the mini stream`);
        return m.stream.subarray(s * miniSize, (s + 1) * miniSize);
      });
      const data = Buffer.concat(parts).subarray(0, e.size);
      if (data.length < e.size) bad(`stream ${name} cut off`);
      return data;
    },
  };
}
