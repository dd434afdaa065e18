// Stage 3 — segment: lines, sentences and (jieba) tokens, all as spans into the text.
import type { KDocument, Line, Sentence } from '../document.js';
import { spanAt } from '../document.js';
import { cutWithOffsets } from './jieba.js';

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

const SENTENCE_END = /[。！？!?;；]|\n/g;

export function splitSentences(norm: string): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  for (const m of norm.matchAll(SENTENCE_END)) {
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
  doc.tokens = [];
  for (const line of doc.lines) {
    if (line.end > line.start) doc.tokens.push(...cutWithOffsets(doc.norm.slice(line.start, line.end), line.start));
  }
}

/** The token covering `offset`. */
export function tokenAt(doc: KDocument, offset: number) {
  return spanAt(doc.tokens, offset);
}
