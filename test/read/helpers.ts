// Builders for test inputs that are too big (or too silly) to keep on disk.
import { deflateRawSync, crc32 as zlibCrc32 } from 'node:zlib';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { emWidth } from '../../src/read/unwrap.js';
import { extractBytes } from '../../src/pipeline.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const corpus = (name: string) => path.join(ROOT, 'corpus', name);
export const badFixture = (name: string) => path.join(ROOT, 'test/fixtures/bad', name);
export const readCorpus = (name: string) => readFileSync(corpus(name));

/** A PDF file of the given objects (objs[i] is object i; objs[0] unused) with its xref table; object 1 is the root. */
export function pdfOf(objs: string[]): Buffer {
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  for (let i = 1; i < objs.length; i++) {
    offsets[i] = Buffer.byteLength(out, 'latin1');
    out += `${i} 0 obj\n${objs[i]}\nendobj\n`;
  }
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objs.length}\n0000000000 65535 f \n`;
  for (let i = 1; i < objs.length; i++) out += `${String(offsets[i]).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objs.length} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** A valid PDF of `n` empty pages (one shared empty content stream). */
export function blankPdf(n: number): Buffer {
  const objs: string[] = [''];
  const kids = Array.from({ length: n }, (_, i) => `${4 + i} 0 R`).join(' ');
  objs[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  objs[2] = `<< /Type /Pages /Kids [${kids}] /Count ${n} >>`;
  objs[3] = '<< /Length 0 >>\nstream\n\nendstream';
  for (let i = 0; i < n; i++) objs[4 + i] = '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 3 0 R /Resources << >> >>';
  return pdfOf(objs);
}

const crc32 = (b: Buffer): number => zlibCrc32(b) >>> 0;

/** A zip of the given parts, deflated; `lie` overrides the uncompressed size written in the headers. */
export function zipOf(files: Record<string, Buffer | string>, opts: { lie?: Record<string, number> } = {}): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(files)) {
    const data = Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8');
    const comp = deflateRawSync(data, { level: 1 });
    const nameBuf = Buffer.from(name, 'utf8');
    const size = opts.lie?.[name] ?? data.length;
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(comp.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(nameBuf.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(comp.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(nameBuf.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBuf, comp);
    centrals.push(central, nameBuf);
    offset += 30 + nameBuf.length + comp.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

/** A minimal .docx from body XML (and optional numbering/styles parts). */
export function docxOf(body: string, parts: { numbering?: string; styles?: string } = {}): Buffer {
  const files: Record<string, string> = {
    '[Content_Types].xml':
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    '_rels/.rels':
      '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    'word/document.xml': `<?xml version="1.0"?><w:document ${W}><w:body>${body}</w:body></w:document>`,
  };
  const rels: string[] = [];
  if (parts.numbering) {
    files['word/numbering.xml'] = `<?xml version="1.0"?><w:numbering ${W}>${parts.numbering}</w:numbering>`;
    rels.push('<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>');
  }
  if (parts.styles) {
    files['word/styles.xml'] = `<?xml version="1.0"?><w:styles ${W}>${parts.styles}</w:styles>`;
    rels.push('<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>');
  }
  files['word/_rels/document.xml.rels'] = `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`;
  return zipOf(files);
}

export const para = (text: string, ppr = '') => `<w:p>${ppr ? `<w:pPr>${ppr}</w:pPr>` : ''}<w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;

/** Seed text as the fixtures carry it: ** and bookmarks gone, lines trimmed, blank lines dropped. */
export function seedLines(name: string): string[] {
  return readCorpus(name)
    .toString('utf8')
    .replace(/\*\*/g, '')
    .replace(/\[bookmark: _GoBack\]/g, '')
    .split(/\r?\n/)
    .map((l) => l.replace(/^ +| +$/g, ''))
    .filter((l) => l.replace(/[\s\u3000]/g, '') !== '');
}

/** Lines without any white space: compares texts whose only difference is spacing around numbers. */
export const squash = (lines: string[]) => lines.map((l) => l.replace(/[\s\u3000]/g, ''));

/** A paragraph broken where the next character would pass `n` em, as a PDF prints it (the unwrap tests' input). */
export function wrapLines(para: string, n = 26): string[] {
  const lines = [''];
  for (const ch of para) {
    if (emWidth(lines[lines.length - 1] + ch) > n) lines.push('');
    lines[lines.length - 1] += ch;
  }
  return lines;
}

/** `text` read as a .txt file's bytes: the reader's stages (running lines, unwrapping) run, unlike extractText. */
export const readAsFile = (text: string) => extractBytes('t.txt', Buffer.from(text));
