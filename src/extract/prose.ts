// Sentences and lines as the extractors read them: across a line end that only wraps prose (PDF copies), years in Chinese numerals.
import { spanAt } from '../document.js';
import type { KDocument, Span, Sentence } from '../document.js';
import { parseChineseInteger } from '../normalise/numbers.js';

// Prose copied out of a PDF keeps the page's line ends (a line every ~38 characters), and segment ends a sentence at
// every line end: `…基本支出预算安排149.83⏎万元，实际支出149.83万元，完成预算安排的100%` would lose its subject at the break.
// Owners (the sentence before a figure, its paragraph) look across such a wrap: a line end inside a paragraph's prose,
// the line before it long (a page's width), no table row, heading, title or list item on either side.
const WRAP_MIN = 15;
const WRAP_PROSE = /[，、,；;：:（）()]/;
const WRAP_CONTINUES = /^[ \t　]*(?:[，,。、；;%）)]|万?[ \t]?元|亿元|\d)/;
// (a half-width full stop after a word ends the line's sentence too — 公用经费13.84万元. in a report typed with half-width
// punctuation —; after a digit it may be a decimal point broken by the wrap)
const WRAP_ENDED = /(?:[。！？!?；;：:]|(?<!\d)\.)$/;
const WRAP_OPENS_ITEM = /^[ \t　]*(?:[(（]?[一二三四五六七八九十]+[)）、]|[(（]\d{1,2}[)）]|\d{1,2}[、.．](?!\d)|[①-⑳⑴-⒇⒈-⒛㈠-㈩]|[一二三四五六七八九十]+是|第[一二三四五六七八九十]+[部分条章节]|其[一二三四五六七八九十][，,、]|附件|附表|[-—－]\s*\d+\s*[-—－])/;
// a line ending inside its sentence, at a clause's punctuation (not its full stop): the sentence goes on over a page's mark
const CLAUSE_OPEN_END = /[，,、；;：:]$/;
interface Wrapped { breaks: Set<number>; sentences: Sentence[]; overMarks: Set<number> }
const wrapped = new WeakMap<KDocument, Wrapped>();
export function wrapOf(doc: KDocument): Wrapped {
  let w = wrapped.get(doc);
  if (w) return w;
  const breaks = new Set<number>();
  const norm = doc.norm;
  const lines = doc.lines;
  // a heading ending its line (a title, not a run-in heading's line of prose) or opening the next line
  const headStarts = new Set<number>(), headEnds = new Set<number>();
  for (const h of doc.headings) {
    headStarts.add(h.start);
    const nl = norm.indexOf('\n', h.end);
    if (!norm.slice(h.end, nl < 0 ? norm.length : nl).trim()) headEnds.add(nl < 0 ? norm.length : nl);
  }
  const title = doc.facts.find((x) => x.path === '/meta/title')?.span;
  // (huntb55) a page's mark on a line of its own between a sentence's clauses (…149.83万元，⏎- 2 -⏎预算执行率99.89%): the wrap goes over
  // it — both its line ends in overMarks, for sentences and paragraphs only (breaks stay the lines' own, whose words phrases join)
  const overMarks = new Set<number>();
  const markEnd = new Map(doc.excluded.filter((x) => x.reason === 'page furniture').map((x) => [x.start, x.end]));
  // (a line holding a mark alone, its blanks aside: the mark found from the line's start or past its indent)
  const markLine = (l: Span) => {
    const t = norm.slice(l.start, l.end);
    const end = markEnd.get(l.start) ?? markEnd.get(l.start + t.length - t.trimStart().length) ?? -1;
    return norm[l.end] === '\n' && end >= l.start + t.trimEnd().length;
  };
  for (let i = 0; i + 1 < lines.length; i++) {
    const a = lines[i];
    const over = markEnd.size > 0 && norm[a.end] === '\n' && lines[i + 1].start === a.end + 1 && CLAUSE_OPEN_END.test(norm.slice(a.start, a.end).trimEnd()) && markLine(lines[i + 1]);
    const b = over ? lines[i + 2] : lines[i + 1];
    if (!b || (!over && b.start !== a.end + 1) || (over && b.start !== lines[i + 1].end + 1) || norm[a.end] !== '\n') continue;
    const at = norm.slice(a.start, a.end).trim(), bt = norm.slice(b.start, b.end).trim();
    if (at.length < WRAP_MIN || !bt || at.includes('\t') || bt.includes('\t') || WRAP_ENDED.test(at)) continue;
    if (headEnds.has(a.end) || headStarts.has(b.start + (norm.slice(b.start, b.end).length - norm.slice(b.start, b.end).trimStart().length)) || WRAP_OPENS_ITEM.test(bt)) continue;
    if (title && title.start < a.end && title.end > a.start) continue;
    if (!WRAP_PROSE.test(at) && !WRAP_CONTINUES.test(bt)) continue;
    if (over) overMarks.add(a.end).add(lines[i + 1].end);
    else breaks.add(a.end);
  }
  let sentences = doc.sentences;
  if (breaks.size || overMarks.size) {
    sentences = [];
    for (const s of doc.sentences) {
      const last = sentences[sentences.length - 1];
      if (last && last.end === s.start && (breaks.has(last.end - 1) || overMarks.has(last.end - 1))) sentences[sentences.length - 1] = { start: last.start, end: s.end };
      else sentences.push(s);
    }
  }
  wrapped.set(doc, (w = { breaks, sentences, overMarks }));
  return w;
}
/** The sentence containing `offset`, across a line end that wraps prose (see wrapOf; an empty span between sentences). */
export function sentenceAt(doc: KDocument, offset: number): Span {
  return spanAt(wrapOf(doc).sentences, offset) ?? { start: offset, end: offset };
}
/** The start of the paragraph holding `at`: the line's start, across line ends that wrap prose. */
export function paragraphStart(doc: KDocument, at: number): number {
  const { breaks, overMarks } = wrapOf(doc);
  let nl = doc.norm.lastIndexOf('\n', at - 1);
  while (nl >= 0 && (breaks.has(nl) || overMarks.has(nl))) nl = doc.norm.lastIndexOf('\n', nl - 1);
  return nl + 1;
}
/** The line around `at` in the folded text (without its line break). */
export function lineOf(norm: string, at: number): Span {
  const start = norm.lastIndexOf('\n', at - 1) + 1;
  const nl = norm.indexOf('\n', at);
  return { start, end: nl < 0 ? norm.length : nl };
}
/** The nearest non-blank line before (step -1) or after (step 1) the line `l`, or '' when there is none. */
export function nearLine(norm: string, l: Span, step: -1 | 1): string {
  let cur = l;
  for (;;) {
    if (step < 0 ? cur.start === 0 : cur.end >= norm.length) return '';
    cur = lineOf(norm, step < 0 ? cur.start - 1 : cur.end + 1);
    const t = norm.slice(cur.start, cur.end);
    if (t.trim()) return t;
  }
}
// 二〇二三年基本支出150万元 in a 2024 report: a year in Chinese numerals is another year as much as 2023年 is (the year checks
// read Arabic digits: the text tested is rewritten, digit for digit, so its length stays)
const CN_YEAR = /[一二][〇○O零九][〇○O零一二三四五六七八九]{2}(?=[ \t]*年)/g;
export function arabicYears(s: string): string {
  return s.includes('年') ? s.replace(CN_YEAR, (y) => String(parseChineseInteger(y.replace(/[○O]/g, '〇')))) : s;
}
export const CLAUSE_ENDS = ['，', ',', ';', ':', '：'];
export const CLAUSE_STARTS = ['，', ',', ';', '；', '。'];
/** The start of the clause ending at `end` (not before `from`): after the last clause end, a thousands separator between digits
 *  (150,000.00元) being none. */
export function clauseStart(text: string, from: number, end: number): number {
  for (let i = end - 1; i >= from; i--) if (CLAUSE_ENDS.includes(text[i]) && !(text[i] === ',' && /\d/.test(text[i - 1] ?? '') && /\d/.test(text[i + 1] ?? ''))) return i + 1;
  return from;
}
/** The text before `at` back to the last 。 or line break (a paragraph's sentence, across ；). */
export function paragraphBefore(doc: KDocument, at: number): string {
  const from = Math.max(doc.norm.lastIndexOf('。', at - 1) + 1, paragraphStart(doc, at), at - 399);
  return doc.norm.slice(from, at);
}
/** The text from the start of the `n`-th line before the one at `at` up to `at`. */
export function linesBefore(doc: KDocument, at: number, n: number): string {
  let from = doc.norm.lastIndexOf('\n', at - 1);
  for (let i = 0; i < n && from > 0; i++) from = doc.norm.lastIndexOf('\n', from - 1);
  return doc.norm.slice(from + 1, at);
}
/** linesBefore, cut at the last heading among those lines (from its line on): what a section says before `at`, not the section
 *  above (项目名称：X under （一）… names no item of （二）…'s form) */
export function linesBeforeInSection(doc: KDocument, at: number, n: number): string {
  const text = linesBefore(doc, at, n);
  const from = at - text.length;
  let cut = from;
  for (const h of doc.headings) if (h.start > cut && h.start < at) cut = h.start;
  return doc.norm.slice(cut, at);
}
export const spanText = (doc: KDocument, span: Span | null) => (span ? doc.norm.slice(span.start, span.end) : '');
/** The sentence before `at`, from its start — or, when that is more than SENTENCE_REACH characters back, from the first clause's
 *  start within that reach: a line of thousands of clauses with no stop (a bad copy) stays linear for the two dozen tests that
 *  read the sentence before every figure; a real report's sentence is far shorter. */
export function sentenceBefore(doc: KDocument, at: number): string {
  return proseSlice(doc, sentenceReach(doc, at), at);
}
/** Where sentenceBefore's text starts: the sentence's start, or in a run longer than SENTENCE_REACH with no sentence end (a flattened
 *  table, a stress text) the first clause's start within that reach — a helper asked at every figure of such a run must not scan
 *  all of it each time. */
export function sentenceReach(doc: KDocument, at: number): number {
  const from = sentenceAt(doc, at).start;
  if (at - from <= SENTENCE_REACH) return from;
  let i = at - SENTENCE_REACH;
  while (i < at && !CLAUSE_STARTS.includes(doc.norm[i])) i++;
  return i < at ? i + 1 : at - SENTENCE_REACH;
}
const SENTENCE_REACH = 1000;
/** The text from `a` to `b` with the line ends that wrap prose taken out (see wrapOf), for tests on words only: a word broken
 *  by a page's width (市科⏎技馆) is whole again. Not for offsets. */
export function proseSlice(doc: KDocument, a: number, b: number): string {
  const t = doc.norm.slice(a, b);
  const { breaks } = wrapOf(doc);
  if (!breaks.size || !t.includes('\n')) return t;
  return t.replace(/[ \t]*\n[ \t]*/g, (m, k: number) => (breaks.has(a + k + m.indexOf('\n')) ? '' : m));
}
