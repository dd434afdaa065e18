// A small zip reader with hard limits, so a zip bomb costs at most a bounded amount of memory and time.
// Sizes in the directory can lie, so every part is inflated with zlib's maxOutputLength as well.
import { inflateRawSync } from 'node:zlib';
import { ReadError } from './errors.js';

export interface ZipLimits {
  /** largest inflated size of one part */
  maxPartBytes: number;
  /** largest inflated size of all parts read together */
  maxTotalBytes: number;
  maxEntries: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxPartBytes: 64 * 1024 * 1024,
  maxTotalBytes: 256 * 1024 * 1024,
  maxEntries: 20000,
};

interface Entry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

export interface ZipFile {
  names(): string[];
  has(name: string): boolean;
  /** the inflated bytes of a part; throws ReadError('zip_bomb') past the limits */
  read(name: string): Uint8Array;
  readText(name: string): string;
}

const EOCD = 0x06054b50;
const CDH = 0x02014b50;
const LFH = 0x04034b50;

/** An Office (OOXML) package's main part as its relationships name it (`_rels/.rels`, type officeDocument), when the
 *  package holds it; else the usual part (`usual`: word/document.xml, xl/workbook.xml) when it holds that; else null. */
export function officeDocumentPart(zip: ZipFile, usual: string): string | null {
  const rel = zip.has('_rels/.rels') ? /<Relationship\b[^>]*Type=["'][^"']*\/officeDocument["'][^>]*>/.exec(zip.readText('_rels/.rels')) : null;
  const name = rel && /Target=["']([^"']+)["']/.exec(rel[0])?.[1].replace(/^\//, '');
  if (name && zip.has(name)) return name;
  return zip.has(usual) ? usual : null;
}

export function openZip(bytes: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS): ZipFile {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const entries = readDirectory(buf, limits);
  const byName = new Map(entries.map((e) => [e.name, e]));
  let inflated = 0;

  const read = (name: string): Uint8Array => {
    const e = byName.get(name);
    if (!e) throw new ReadError('corrupt', `the zip has no part ${name}`);
    if (e.flags & 1) throw new ReadError('encrypted', 'the zip is password-protected');
    if (e.size > limits.maxPartBytes) throw bomb(`${name} would inflate to ${mb(e.size)}`);
    if (e.localOffset + 30 > buf.length || buf.readUInt32LE(e.localOffset) !== LFH) {
      throw new ReadError('corrupt', `damaged zip: no local header for ${name}`);
    }
    const start = e.localOffset + 30 + buf.readUInt16LE(e.localOffset + 26) + buf.readUInt16LE(e.localOffset + 28);
    const data = buf.subarray(start, start + e.compressedSize);
    if (data.length < e.compressedSize) throw new ReadError('corrupt', `truncated zip: ${name} is cut off`);
    let out: Uint8Array;
    if (e.method === 0) out = data;
    else if (e.method === 8) {
      const budget = Math.min(limits.maxPartBytes, limits.maxTotalBytes - inflated);
      try {
        out = inflateRawSync(data, { maxOutputLength: Math.max(budget, 1) });
      } catch (err) {
        if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' || err instanceof RangeError) {
          throw bomb(`${name} inflates to more than ${mb(budget)}`);
        }
        throw new ReadError('corrupt', `damaged zip: cannot inflate ${name}`);
      }
    } else throw new ReadError('corrupt', `unsupported zip compression method ${e.method} for ${name}`);
    inflated += out.length;
    if (inflated > limits.maxTotalBytes) throw bomb(`the parts read inflate to more than ${mb(limits.maxTotalBytes)}`);
    return out;
  };

  return {
    names: () => entries.map((e) => e.name),
    has: (name) => byName.has(name),
    read,
    readText: (name) => Buffer.from(read(name)).toString('utf8').replace(/^\uFEFF/, ''),
  };
}

function readDirectory(buf: Buffer, limits: ZipLimits): Entry[] {
  const min = Math.max(0, buf.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = buf.length - 22; i >= min; i--) {
    if (buf.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ReadError('corrupt', 'damaged or truncated zip: no central directory');
  const count = buf.readUInt16LE(eocd + 10);
  const cdSize = buf.readUInt32LE(eocd + 12);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff) throw new ReadError('corrupt', 'zip64 archives are not supported');
  if (count > limits.maxEntries) throw bomb(`the zip has ${count} parts`);
  if (cdOffset + cdSize > buf.length) throw new ReadError('corrupt', 'truncated zip: the central directory is cut off');
  const entries: Entry[] = [];
  let declared = 0;
  let p = cdOffset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== CDH) throw new ReadError('corrupt', 'damaged zip directory');
    const nameLen = buf.readUInt16LE(p + 28);
    const e: Entry = {
      flags: buf.readUInt16LE(p + 8),
      method: buf.readUInt16LE(p + 10),
      compressedSize: buf.readUInt32LE(p + 20),
      size: buf.readUInt32LE(p + 24),
      localOffset: buf.readUInt32LE(p + 42),
      name: buf.toString('utf8', p + 46, p + 46 + nameLen),
    };
    declared += e.size;
    entries.push(e);
    p += 46 + nameLen + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  if (declared > limits.maxTotalBytes * 4) throw bomb(`the parts declare ${mb(declared)} uncompressed`);
  return entries;
}

const mb = (n: number) => `${(n / 1048576).toFixed(0)} MB`;
const bomb = (what: string) => new ReadError('zip_bomb', `zip bomb? ${what} (limit reached, not inflated further)`);
