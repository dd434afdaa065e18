// .docx → plain text (one paragraph per line, automatic numbers restored) + table grids, via mammoth's
// document model. mammoth reads the parts through our bounded zip reader, so a zip bomb stops at the limit.
import mammoth from 'mammoth';
import type { Message, ReadResult, Table, TableCell } from '../document.js';
import { ReadError } from './errors.js';
import { isProseCell, layOutRows } from './grid.js';
import { injectNumberLabels } from './docx-numbering.js';
import { DEFAULT_ZIP_LIMITS, officeDocumentPart, openZip, type ZipFile, type ZipLimits } from './zip.js';

// The parts of mammoth's document model we walk (mammoth ships no types for it).
export interface MNode {
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
  const main = officeDocumentPart(zip, 'word/document.xml');
  if (!main) throw new ReadError('unsupported_format', 'a zip archive that is not a Word document (no word/document.xml)');
  return main;
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

/** Cell text: its paragraphs joined with nothing (年初 + 预算数 → 年初预算数), tabs and breaks as spaces. A table inside
 *  the cell is no part of it (`nested`: its rows follow the row, see renderTable); inside a cell's own prose, or deeper,
 *  its cells are set apart by a space and its rows by `；` (joined, `20`+`25` would read as 2025). */
function cellText(cell: MNode, nested = false): string {
  const parts: string[] = [];
  for (const c of cell.children ?? []) {
    if (c.type === 'table') {
      if (nested) continue;
      const rows = (c.children ?? []).map((row) => (row.children ?? []).map((cc) => cellText(cc)).filter((t) => t.trim()).join(' '));
      parts.push(rows.filter(Boolean).join('；'));
    } else parts.push(inlineText(c).replace(/[\t\n]/g, ' '));
  }
  return parts.join('');
}
const nestedTables = (cell: MNode): MNode[] => (cell.children ?? []).filter((c) => c.type === 'table');

/** The row's prose cell (its last, see isProseCell) and the cell's lines, or null. */
function proseCellOf(cells: MNode[], texts: string[], above: string[]): { at: number; lines: string[] } | null {
  const at = cells.length - 1;
  if (at < 0) return null;
  const lines: string[] = [];
  for (const c of cells[at].children ?? []) {
    if (c.type === 'table') {
      // a table inside the cell: a row per line, its cells tab-separated (the text stage finds it as a table)
      for (const row of c.children ?? []) lines.push((row.children ?? []).map((cc) => cellText(cc).replace(/\t/g, ' ')).join('\t'));
    } else lines.push(...paragraphLines(c));
  }
  return isProseCell(lines, texts.slice(0, at), above) ? { at, lines } : null;
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
        const parts = renderTable(n, () => offset, push);
        const cap = lastParagraph.trim();
        if (parts[0] && cap && cap.length <= 60 && !/[。；]$/.test(cap)) parts[0].caption = cap;
        tables.push(...parts);
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
function renderTable(table: MNode, offsetNow: () => number, push: (l: string) => void): Table[] {
  const rows = (table.children ?? []).filter((r) => r.type === 'tableRow');
  if (!rows.length) return [];
  const prose = new Map<number, string[]>();
  // tables inside the row's cells (not its prose cell): their rows follow the row's line, a table of their own
  const inner = new Map<number, MNode[]>();
  let above: string[] = [];
  const cells = rows.map((row, ri) => {
    const tcs = (row.children ?? []).filter((c) => c.type === 'tableCell');
    const texts = tcs.map((c) => cellText(c, true));
    const p = proseCellOf(tcs, texts, above);
    above = texts;
    if (p) {
      prose.set(ri, p.lines);
      texts[p.at] = ''; // its lines follow the row's line, out of the table
    }
    const nested = tcs.flatMap((c, i) => (p && i === p.at ? [] : nestedTables(c)));
    if (nested.length) inner.set(ri, nested);
    return tcs.map((c, i) => ({ text: texts[i], colSpan: Math.max(1, c.colSpan ?? 1), rowSpan: Math.max(1, c.rowSpan ?? 1) }));
  });
  const out: Table[] = [];
  let grid: TableCell[][] = [];
  let start = offsetNow();
  let offset = start;
  const close = () => {
    if (grid.some((r) => r.some((c) => c.text.replace(/[\s\u3000]/g, '')))) out.push({ start, end: offset - 1, rows: grid, origin: 'docx' });
    grid = [];
  };
  const written = new Map<object, TableCell>();
  layOutRows(cells).forEach((row, ri) => {
    const lines = prose.get(ri);
    // (a prose cell closing the row leaves no empty part at the line's end)
    const parts = lines && row.parts.length > 1 && row.parts[row.parts.length - 1] === '' ? row.parts.slice(0, -1) : row.parts;
    const line = parts.join('\t');
    if (lines && !line.replace(/[\s\u3000]/g, '')) {
      close(); // a row of nothing but the prose cell (the whole report in one cell): no table row
    } else {
      for (const { cell, part } of row.origins) {
        const cStart = offset + Math.min(row.partStarts[part], line.length);
        const tc: TableCell = { start: cStart, end: cStart + cell.text.length, text: cell.text };
        if (cell.colSpan > 1) tc.colSpan = cell.colSpan;
        if (cell.rowSpan > 1) tc.rowSpan = cell.rowSpan;
        written.set(cell, tc);
      }
      push(line);
      offset += line.length + 1;
      grid.push(
        row.cols.map((c) => {
          const tc = c && written.get(c.cell);
          if (!c || !tc) return { start: offset - 1, end: offset - 1, text: '' };
          return c.merged ? { ...tc, merged: true } : tc;
        }),
      );
      const nested = inner.get(ri);
      if (nested) {
        close();
        for (const n of nested) out.push(...renderTable(n, offsetNow, push));
        offset = offsetNow();
        start = offset;
      }
      if (!lines) return;
      close();
    }
    for (const l of lines!) push(l);
    offset = offsetNow();
    start = offset;
  });
  close();
  return out;
}
