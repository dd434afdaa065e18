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

const SENTENCE_END = /[。！？!?;；.]|\n/g;

export function splitSentences(norm: string): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  for (const m of norm.matchAll(SENTENCE_END)) {
    if (m[0] === '.' && !dotEnds(norm, m.index!)) continue;
    const end = m.index! + 1;
    if (norm.slice(start, end).trim()) out.push({ start, end });
    start = end;
  }
  if (norm.slice(start).trim()) out.push({ start, end: norm.length });
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
const SEPARATOR = /[ \t\n，。]/g;

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
  for (const m of doc.norm.matchAll(SEPARATOR)) at.push(m.index);
  seps = Int32Array.from(at);
  doc.data.jiebaSeparators = seps;
  return seps;
}

/** The physical lines (segment's own, before structure cuts virtual lines): the token cache's keys. */
function splitLinesOf(doc: KDocument): Line[] {
  return ((doc.data.physicalLines as Line[] | undefined) ??= splitLines(doc.text));
}
