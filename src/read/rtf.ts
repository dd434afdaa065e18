// RTF: Word's, WPS's and LibreOffice's "save as RTF", and the .doc files on portals that are RTF inside. The body's
// text, one paragraph per line; a table row per line, cells tab-separated and a cell's paragraphs joined with nothing,
// as the .doc reader writes them. No dependency: the part of RTF that carries text is small (RTF 1.9.1: groups,
// control words, \'hh bytes in the font's or document's code page, \uN with \ucN fallbacks).
import iconv from 'iconv-lite';
import type { ReadResult } from '../document.js';
import { docBodyToText } from './doc.js';
import { ReadError } from './errors.js';

/** Destinations whose text is not the body's: tables of fonts, colours and styles, document info, pictures and
 *  objects, headers and footers (left out of every format), notes, index and TOC entries, field codes. */
const NOT_BODY = new Set([
  'fonttbl', 'colortbl', 'stylesheet', 'info', 'pict', 'object', 'objdata', 'header', 'headerl', 'headerr', 'headerf',
  'footer', 'footerl', 'footerr', 'footerf', 'footnote', 'annotation', 'atnid', 'atnauthor', 'xe', 'tc', 'tcn', 'rxe',
  'txe', 'fldinst', 'datafield', 'themedata', 'colorschememapping', 'latentstyles', 'datastore', 'xmlnstbl', 'listtable',
  'listoverridetable', 'revtbl', 'rsidtbl', 'generator', 'filetbl', 'pntxta', 'pntxtb', 'pgdsctbl', 'userprops',
  'template', 'docvar', 'nonshppict', 'shpinst', 'sp', 'sn', 'sv', 'ftnsep', 'ftnsepc', 'aftnsep', 'aftnsepc', 'upr',
  'bkmkstart', 'bkmkend',
]);

const SYMBOLS: Record<string, string> = {
  emdash: '\u2014', endash: '\u2013', bullet: '\u2022', lquote: '\u2018', rquote: '\u2019', ldblquote: '\u201c',
  rdblquote: '\u201d', emspace: '\u2003', enspace: '\u2002', qmspace: '\u2005', '~': '\u00a0', _: '\u2011',
};

/** Windows font charsets → code pages (fcharset 0 and 1 mean the document's). */
const CHARSET_CPG: Record<number, number> = {
  2: 1252, 77: 10000, 128: 932, 129: 949, 134: 936, 136: 950, 161: 1253, 162: 1254, 163: 1258, 177: 1255, 178: 1256,
  186: 1257, 204: 1251, 222: 874, 238: 1250,
};
const DBCS = new Set([932, 936, 949, 950]);

function decoderName(cpg: number): string {
  if (cpg === 936) return 'gb18030'; // GBK text in a GB18030 superset: never fails on GBK-only characters
  if (cpg === 950) return 'big5';
  if (cpg === 932) return 'shift_jis';
  if (cpg === 949) return 'cp949';
  if (cpg === 65001) return 'utf8';
  if (cpg === 10000) return 'macintosh';
  return iconv.encodingExists(`windows-${cpg}`) ? `windows-${cpg}` : 'windows-1252';
}

interface Group {
  /** inside a destination that is not body text */
  skip: boolean;
  /** characters that stand in for a \uN (\ucN) */
  uc: number;
  font: number;
  hidden: boolean;
  /** the paragraph is a table cell's (\intbl; \pard ends it) */
  inTable: boolean;
  /** inside a list label (\listtext, \pntext): its tab is the label's suffix */
  label: boolean;
  fontTable: boolean;
}

const LABEL_TAB = '\u0001';
const LETTER = /[a-zA-Z]/;

export function readRtf(bytes: Uint8Array): ReadResult {
  const s = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const fontCpg = new Map<number, number>();
  let docCpg = 1252;
  let defFont = 0;
  let fontDef = -1;

  const out: string[] = [];
  let bytesPending: number[] = [];
  let pendingCpg = 0;
  let needTrail = false;
  let skipChars = 0;

  const stack: Group[] = [];
  let g: Group = { skip: false, uc: 1, font: 0, hidden: false, inTable: false, label: false, fontTable: false };
  let depth = 0;

  const cpgOf = (font: number): number => {
    const c = fontCpg.get(font);
    // fcharset 0/1 under a CJK document code page: Chinese producers leave ANSI on CJK fonts
    if (c === undefined || c === 0) return docCpg;
    return c;
  };
  const flush = () => {
    if (bytesPending.length) {
      out.push(iconv.decode(Buffer.from(bytesPending), decoderName(pendingCpg)));
      bytesPending = [];
    }
    needTrail = false;
  };
  const pushByte = (b: number) => {
    const cpg = cpgOf(g.font);
    if (bytesPending.length && cpg !== pendingCpg) flush();
    pendingCpg = cpg;
    bytesPending.push(b);
    if (DBCS.has(cpg)) needTrail = needTrail ? false : b >= 0x81 && b <= 0xfe;
  };
  const emit = (t: string) => {
    if (g.skip || g.hidden) return;
    flush();
    out.push(t);
  };
  /** a character of text: a pending lead byte takes it as its trail byte (GBK trail bytes include @A-Z[\]^_`a-z{|}~) */
  const textChar = (code: number) => {
    if (g.skip || g.hidden) return;
    if (skipChars > 0) {
      skipChars--;
      return;
    }
    if (g.label && code === 0x20 && !needTrail) return; // a label's padding (LibreOffice writes one before it)
    if (needTrail || code >= 0x80) pushByte(code);
    else emit(String.fromCharCode(code));
  };

  const n = s.length;
  let i = s.indexOf('{\\rtf');
  if (i < 0 || i > 16) throw new ReadError('corrupt', 'not an RTF file (no {\\rtf group at its start)');
  while (i < n) {
    const c = s.charCodeAt(i);
    if (c === 0x7b /* { */) {
      flush();
      stack.push(g);
      g = { ...g };
      depth++;
      skipChars = 0;
      i++;
      continue;
    }
    if (c === 0x7d /* } */) {
      flush();
      if (!stack.length) break;
      g = stack.pop()!;
      depth--;
      skipChars = 0;
      i++;
      if (depth === 0) break; // the document's group is closed: what follows is not RTF
      continue;
    }
    if (c === 0x0d || c === 0x0a) {
      i++;
      continue;
    }
    if (c !== 0x5c /* \ */) {
      if (g.skip) {
        // a picture's hex or a style's name: jump to the next special character
        let j = i + 1;
        while (j < n) {
          const d = s.charCodeAt(j);
          if (d === 0x7b || d === 0x7d || d === 0x5c) break;
          j++;
        }
        i = j;
        continue;
      }
      textChar(c);
      i++;
      continue;
    }
    // a control word or symbol
    const next = s[i + 1] ?? '';
    if (!LETTER.test(next)) {
      i += 2;
      if (next === "'") {
        const b = parseInt(s.slice(i, i + 2), 16);
        i += 2;
        if (g.skip || g.hidden || Number.isNaN(b)) continue;
        if (skipChars > 0) {
          skipChars--;
          continue;
        }
        pushByte(b);
      } else if (next === '\\' || next === '{' || next === '}') {
        textChar(next.charCodeAt(0));
      } else if (next === '*') {
        g.skip = true;
      } else if (next === '\n' || next === '\r') {
        paragraphEnd();
      } else if (SYMBOLS[next]) {
        if (skipChars > 0) skipChars--;
        else emit(SYMBOLS[next]);
      } else if (skipChars > 0) skipChars--;
      continue;
    }
    let j = i + 1;
    while (j < n && j - i <= 32 && LETTER.test(s[j])) j++;
    const word = s.slice(i + 1, j);
    let k = j;
    if (s[k] === '-' && /[0-9]/.test(s[k + 1] ?? '')) k++;
    while (k < n && k - j <= 11 && /[0-9]/.test(s[k])) k++;
    const hasArg = k > j;
    const arg = hasArg ? parseInt(s.slice(j, k), 10) : 0;
    if (s[k] === ' ') k++;
    i = k;
    if (word === 'bin') {
      i += Math.max(0, arg);
      continue;
    }
    if (g.fontTable) {
      if (word === 'f') fontDef = arg;
      else if (word === 'fcharset' && fontDef >= 0 && !fontCpg.has(fontDef)) fontCpg.set(fontDef, arg <= 1 ? 0 : (CHARSET_CPG[arg] ?? 1252));
      else if (word === 'cpg' && fontDef >= 0) fontCpg.set(fontDef, arg);
      continue;
    }
    if (word === 'fonttbl') {
      g.fontTable = true;
      g.skip = true;
      continue;
    }
    if (NOT_BODY.has(word)) {
      g.skip = true;
      continue;
    }
    if (g.skip) continue;
    if (skipChars > 0 && word !== 'u') {
      skipChars--;
      continue;
    }
    control(word, hasArg, arg);
  }
  flush();
  if (depth > 0) throw new ReadError('corrupt', `the RTF file is cut off (${depth} group(s) left open)`);

  function control(word: string, hasArg: boolean, arg: number): void {
    switch (word) {
      case 'ansicpg':
        docCpg = arg;
        return;
      case 'deff':
        defFont = arg;
        g.font = arg;
        return;
      case 'f':
        flush();
        g.font = arg;
        return;
      case 'plain':
        flush();
        g.font = defFont;
        g.hidden = false;
        return;
      case 'uc':
        g.uc = Math.max(0, arg);
        return;
      case 'u':
        emit(String.fromCharCode(arg < 0 ? arg + 65536 : arg));
        skipChars = g.uc;
        return;
      case 'v':
        g.hidden = !hasArg || arg !== 0;
        return;
      case 'listtext':
      case 'pntext':
        g.label = true;
        return;
      case 'par':
        paragraphEnd();
        return;
      case 'line':
        emit(g.inTable ? ' ' : '\n');
        return;
      case 'sect':
      case 'page':
      case 'column':
        if (!g.inTable) emit('\n');
        return;
      case 'tab':
        emit(g.label ? LABEL_TAB : g.inTable ? ' ' : '\t');
        return;
      case 'intbl':
        g.inTable = true;
        return;
      case 'itap':
        g.inTable = arg > 0;
        return;
      case 'pard':
        g.inTable = false;
        return;
      case 'cell':
        emit('\t');
        return;
      case 'row':
        emit('\n');
        return;
      case 'nestcell':
        emit(' ');
        return;
      case 'nestrow':
        emit('；');
        return;
      default:
        if (SYMBOLS[word]) emit(SYMBOLS[word]);
    }
  }

  function paragraphEnd(): void {
    // a cell's paragraphs are joined with nothing (年初 + 预算数 → 年初预算数), as in the Word readers
    emit(g.inTable ? '' : '\n');
  }

  const body = out
    .join('')
    .replace(new RegExp(`([、）．：])${LABEL_TAB}`, 'g'), '$1')
    .replaceAll(LABEL_TAB, ' ');
  const text = docBodyToText(body);
  if (!text.replace(/\s/g, '')) throw new ReadError('no_text', 'the RTF file has no text');
  return { text, format: 'rtf', pages: null, messages: [] };
}
