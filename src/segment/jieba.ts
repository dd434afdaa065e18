// nodejieba with the domain dictionary from patterns/dict; loaded once per process.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
type Jieba = { load(o: Record<string, string>): void; cut(s: string, hmm?: boolean): string[] };
let jieba: Jieba | null = null;

export const PATTERNS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'patterns');

function load(): Jieba {
  if (jieba) return jieba;
  const j = require('nodejieba') as Jieba;
  // a reduced dictionary (scripts/make-segment-dict.mjs) and empty keyword tables: ≈ 22 MB instead of ≈ 240 MB
  const dict = (f: string) => join(PATTERNS_DIR, 'dict', f);
  j.load({ dict: dict('segment.dict.utf8'), userDict: dict('domain.dict.utf8'), idfDict: dict('idf.tiny.utf8'), stopWordDict: dict('stop.tiny.utf8') });
  jieba = j;
  return j;
}

/**
 * Cut with HMM on (plain cut() splits numbers into single digits). Tokens carry offsets, computed from
 * cumulative lengths because jieba's output joins back to its input.
 */
export function cutWithOffsets(s: string, base = 0): { word: string; start: number; end: number }[] {
  const words = load().cut(s, true);
  const out = [];
  let pos = 0;
  for (const w of words) {
    out.push({ word: w, start: base + pos, end: base + pos + w.length });
    pos += w.length;
  }
  if (pos !== s.length) {
    // never trust offsets that do not add up: fall back to one token per character
    return [...s].map((c, i) => ({ word: c, start: base + i, end: base + i + 1 }));
  }
  return out;
}

/**
 * Is [start, end) of `word` a piece of the dictionary's own cut (no HMM)? With HMM on, jieba joins a run of single
 * characters into a new word (期共 in 培训4期共260人次, 场共 in 开展活动12场共吸引…): such a token is no word of the
 * dictionary, and the measure word in it is still a word of its own; 期间, 场地 and 人员 are dictionary words.
 */
export function dictionaryPiece(word: string, start: number, end: number): boolean {
  let pos = 0;
  for (const w of load().cut(word, false)) {
    if (pos === start) return pos + w.length === end;
    if (pos > start) return false;
    pos += w.length;
  }
  return false;
}

/**
 * Does a word of the dictionary's own cut (no HMM: no invented joins) run across offset `at` of `s`? A line broken
 * inside a word (…有待提⏎高) is one line broken by a PDF reader, not a title over its text (…自评结论⏎优).
 */
export function wordAcross(s: string, at: number): boolean {
  let pos = 0;
  for (const w of load().cut(s, false)) {
    if (pos < at && pos + w.length > at) return w.length > 1;
    if (pos >= at) return false;
    pos += w.length;
  }
  return false;
}
