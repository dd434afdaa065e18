// .docx → plain text (one paragraph per line, automatic numbers restored) + table grids, via mammoth's
// document model. mammoth reads the parts through our bounded zip reader, so a zip bomb stops at the limit.
import mammoth from 'mammoth';
import type { Message, ReadResult, Table, TableCell } from '../document.js';
import { ReadError } from './errors.js';
import { layOutRows } from './grid.js';
import { injectNumberLabels } from './docx-numbering.js';
import { DEFAULT_ZIP_LIMITS, openZip, type ZipFile, type ZipLimits } from './zip.js';

// The parts of mammoth's document model we walk (mammoth ships no types for it).
interface MNode {
  type: string;
  children?: MNode[];
  value?: string;
  breakType?: string;
  styleName?: string | null;
  colSpan?: number;
  rowSpan?: number;
}

export interface DocxOptions {
  zipLimits?: ZipLimits;
}

/** The main document part, from the package relationships (usually word/document.xml). */
function mainPart(zip: ZipFile): string {
  if (zip.has('_rels/.rels')) {
    const rels = zip.readText('_rels/.rels');
    const m = /<Relationship\b[^>]*Type="[^"]*\/officeDocument"[^>]*>/.exec(rels);
    const target = m && /Target="([^"]+)"/.exec(m[0])?.[1];
    if (target) {
      const name = target.replace(/^\//, '');
      if (zip.has(name)) return name;
    }
  }
  if (zip.has('word/document.xml')) return 'word/document.xml';
  throw new ReadError('unsupported_format', 'a zip archive that is not a Word document (no word/document.xml)');
}

function partNear(main: string, name: string): string {
  const dir = main.slice(0, main.lastIndexOf('/') + 1);
  return dir + name;
}

export async function readDocx(bytes: Uint8Array, opts: DocxOptions = {}): Promise<ReadResult> {
  const zip = openZip(bytes, opts.zipLimits ?? DEFAULT_ZIP_LIMITS);
  const main = mainPart(zip);
  const messages: Message[] = [];
  const optional = (name: string) => (zip.has(name) ? zip.readText(name) : null);
  const documentXml = zip.readText(main);
  const { xml, labels } = injectNumberLabels(documentXml, optional(partNear(main, 'numbering.xml')), optional(partNear(main, 'styles.xml')));
  if (labels) messages.push({ ruleId: 'read:docx-numbering', reason: `${labels} automatic list numbers (一、 （一） 1. …) restored from numbering.xml` });

  // mammoth's own file interface: exists(name) / read(name, encoding); everything goes through the bounded reader
  const file = {
    exists: (name: string) => zip.has(name),
    read: async (name: string, encoding?: string) => {
      if (name === main) return encoding ? xml : new TextEncoder().encode(xml);
      const data = zip.read(name);
      if (encoding === 'base64') return Buffer.from(data).toString('base64');
      return encoding ? new TextDecoder(encoding).decode(data) : data;
    },
  };
  let root: MNode | null = null;
  try {
    await mammoth.convertToHtml({ file } as unknown as { buffer: Buffer }, {
      transformDocument: (doc: unknown) => {
        root = doc as MNode;
        return doc;
      },
      // images are never read: nothing to extract from them here, and they can be large
      convertImage: mammoth.images.imgElement(async () => ({ src: '' })),
    } as Parameters<typeof mammoth.convertToHtml>[1]);
  } catch (e) {
    if (e instanceof ReadError) throw e;
    throw new ReadError('corrupt', `damaged Word document: ${(e as Error).message.split('\n')[0]}`);
  }
  if (!root) throw new ReadError('corrupt', 'damaged Word document: no body');
  const out = renderDocx(root);
  if (!out.text.replace(/\s/g, '')) throw new ReadError('no_text', 'the Word document has no text');
  return { text: out.text, format: 'docx', pages: null, tables: out.tables, messages };
}

// ---- rendering ----

function inlineText(n: MNode): string {
  switch (n.type) {
    case 'text':
      return n.value ?? '';
    case 'tab':
      return '\t';
    case 'break':
      return '\n';
    case 'noteReference':
    case 'commentReference':
    case 'comment':
    case 'image':
    case 'deletedParagraph':
      return '';
    case 'table':
      // a table inside a paragraph (text box): its text, row by row
      return (n.children ?? []).map(inlineText).join('');
    default:
      return (n.children ?? []).map(inlineText).join('');
  }
}

/** A paragraph's lines: soft line breaks (w:br) start a new line; lines of only white space are dropped. */
function paragraphLines(p: MNode): string[] {
  return inlineText(p)
    .split('\n')
    .filter((l) => l.replace(/[\s\u3000]/g, '') !== '');
}

/** Cell text: its paragraphs joined with nothing (年初 + 预算数 → 年初预算数), tabs and breaks as spaces. */
function cellText(cell: MNode): string {
  const parts: string[] = [];
  for (const c of cell.children ?? []) {
    if (c.type === 'table') {
      for (const row of c.children ?? []) for (const cc of row.children ?? []) parts.push(cellText(cc));
    } else parts.push(inlineText(c).replace(/[\t\n]/g, ' '));
  }
  return parts.join('');
}

interface Out {
  text: string;
  tables: Table[];
}

export function renderDocx(root: MNode): Out {
  const lines: string[] = [];
  let offset = 0;
  const tables: Table[] = [];
  let lastParagraph = '';
  const push = (l: string) => {
    lines.push(l);
    offset += l.length + 1;
  };

  const walk = (nodes: MNode[]) => {
    for (const n of nodes) {
      if (n.type === 'paragraph') {
        for (const l of paragraphLines(n)) {
          push(l);
          lastParagraph = l;
        }
      } else if (n.type === 'table') {
        const t = renderTable(n, offset, push);
        if (t) {
          const cap = lastParagraph.trim();
          if (cap && cap.length <= 60 && !/[。；]$/.test(cap)) t.caption = cap;
          tables.push(t);
        }
        lastParagraph = '';
      } else if (n.children) walk(n.children);
    }
  };
  walk(root.children ?? []);
  return { text: lines.length ? lines.join('\n') + '\n' : '', tables };
}

/**
 * One line per row, cells separated by \t. A cell covered by a vertical merge is written as an empty cell (so
 * columns line up as in a tab-separated dump); a horizontally merged cell is written once. The grid repeats
 * the origin cell, with merged: true, at every position it covers.
 */
function renderTable(table: MNode, start: number, push: (l: string) => void): Table | null {
  const rows = (table.children ?? []).filter((r) => r.type === 'tableRow');
  if (!rows.length) return null;
  const cells = rows.map((row) =>
    (row.children ?? [])
      .filter((c) => c.type === 'tableCell')
      .map((c) => ({ text: cellText(c), colSpan: Math.max(1, c.colSpan ?? 1), rowSpan: Math.max(1, c.rowSpan ?? 1) })),
  );
  const grid: TableCell[][] = [];
  const written = new Map<object, TableCell>();
  let offset = start;
  for (const row of layOutRows(cells)) {
    for (const { cell, part } of row.origins) {
      const cStart = offset + row.partStarts[part];
      const tc: TableCell = { start: cStart, end: cStart + cell.text.length, text: cell.text };
      if (cell.colSpan > 1) tc.colSpan = cell.colSpan;
      if (cell.rowSpan > 1) tc.rowSpan = cell.rowSpan;
      written.set(cell, tc);
    }
    const line = row.parts.join('\t');
    push(line);
    offset += line.length + 1;
    grid.push(
      row.cols.map((c) => {
        const tc = c && written.get(c.cell);
        if (!c || !tc) return { start: offset - 1, end: offset - 1, text: '' };
        return c.merged ? { ...tc, merged: true } : tc;
      }),
    );
  }
  return { start, end: offset - 1, rows: grid, origin: 'docx' };
}
