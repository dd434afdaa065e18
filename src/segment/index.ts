// Stage 3 — segment: lines, sentences and (jieba) tokens, all as spans into the text.
import type { KDocument, Line, Sentence, Span, Token } from '../document.js';
import { spanAt } from '../document.js';
import { cutWithOffsets } from './jieba.js';
import { dotEnds } from '../normalise/dots.js';

export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text[i] === '\n') {
      let end = i;
      if (end > start && text[end - 1] === '\r') end--;
      lines.push({ start, end, text: text.slice(start, end) });
      start = i + 1;
    }
  }
  return lines;
}

// 。！？!?;；. and the line break; a loop over the units, not matchAll: its match arrays were ≈ 3 % of what a report
// allocates
const isSentenceEnd = (c: number): boolean =>
  c === 0x3002 || c === 0xff01 || c === 0xff1f || c === 0x21 || c === 0x3f || c === 0x3b || c === 0xff1b || c === 0x2e || c === 0x0a;

/** JavaScript's whitespace (what trim and \s take). */
const isSpace = (c: number): boolean =>
  c === 0x20 || (c >= 0x09 && c <= 0x0d) || (c > 0x7f && (c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff));

/** True when norm[start, end) holds more than whitespace. */
function hasText(norm: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (!isSpace(norm.charCodeAt(i))) return true;
  return false;
}

export function splitSentences(norm: string): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  for (let i = 0; i < norm.length; i++) {
    const c = norm.charCodeAt(i);
    if (!isSentenceEnd(c) || (c === 0x2e && !dotEnds(norm, i))) continue;
    const end = i + 1;
    if (hasText(norm, start, end)) out.push({ start, end });
    start = end;
  }
  if (hasText(norm, start, norm.length)) out.push({ start, end: norm.length });
  return out;
}

export function segment(doc: KDocument): void {
  doc.lines = splitLines(doc.text);
  doc.sentences = splitSentences(doc.norm);
  // jieba runs line by line on demand (tokenAt): only the lines the extractor asks about are cut
  doc.data.physicalLines = doc.lines;
  doc.data.tokenizedLines = new Map<number | string, Token[]>();
}

/** All tokens of the document (cuts every line not yet cut). */
export function allTokens(doc: KDocument): Token[] {
  return splitLinesOf(doc).flatMap((l) => lineTokens(doc, l));
}

/** Tokens of a span of norm (a line or a piece of one), cut once: cached by start and end. */
function lineTokens(doc: KDocument, line: Span): Token[] {
  const cache = (doc.data.tokenizedLines ??= new Map<number | string, Token[]>()) as Map<number | string, Token[]>;
  // one number while offsets stay below 2^26 (a text that long is rare: a Word file can unpack past its size)
  const key = line.end < 0x4000000 ? line.start * 0x4000000 + line.end : `${line.start}:${line.end}`;
  let toks = cache.get(key);
  if (!toks) {
    toks = line.end > line.start ? cutWithOffsets(doc.norm.slice(line.start, line.end), line.start) : [];
    cache.set(key, toks);
  }
  return toks;
}

/**
 * jieba (cppjieba) cuts its input in pieces at these characters before segmenting, so cutting one piece gives the
 * tokens the whole line would (tested on the corpus): tokenAt cuts only the piece it is asked about.
 */
const JIEBA_SEPARATORS = new Set([' ', '\t', '\n', '，', '。']);

/** The token covering `offset`. */
export function tokenAt(doc: KDocument, offset: number): Token | null {
  const line = spanAt(splitLinesOf(doc), offset);
  if (!line) return null;
  if (JIEBA_SEPARATORS.has(doc.norm[offset])) return { word: doc.norm[offset], start: offset, end: offset + 1 };
  // the piece between the separators around offset, found in the document's list of them (a walk to the separators
  // would cost the piece's length at every call: quadratic on a long run of text without any)
  const seps = separatorsOf(doc);
  let lo = 0, hi = seps.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (seps[mid] < offset) lo = mid + 1;
    else hi = mid;
  }
  const a = Math.max(line.start, lo > 0 ? seps[lo - 1] + 1 : 0);
  const b = Math.min(line.end, lo < seps.length ? seps[lo] : doc.norm.length);
  return spanAt(lineTokens(doc, { start: a, end: b }), offset);
}

/** Offsets of JIEBA_SEPARATORS in the matching text, ascending (made once per document, on first use). */
function separatorsOf(doc: KDocument): Int32Array {
  let seps = doc.data.jiebaSeparators as Int32Array | undefined;
  if (seps) return seps;
  const at: number[] = [];
  const norm = doc.norm;
  for (let i = 0; i < norm.length; i++) {
    const c = norm.charCodeAt(i);
    if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0xff0c || c === 0x3002) at.push(i);
  }
  seps = Int32Array.from(at);
  doc.data.jiebaSeparators = seps;
  return seps;
}

/** The physical lines (segment's own, before structure cuts virtual lines): the token cache's keys. */
function splitLinesOf(doc: KDocument): Line[] {
  return ((doc.data.physicalLines as Line[] | undefined) ??= splitLines(doc.text));
}
