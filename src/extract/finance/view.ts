// The text finance's phrases run on: a one-line page cut at its headings, words split by a wrap or spaces marked.
import { withChars, type KDocument, type Span } from '../../document.js';
import { compile } from '../../patterns.js';
import { wrapOf } from '../prose.js';
import { file } from './file.js';
import { labelThenFigure, pageRuns } from '../pageMarks.js';

/** The document as finance patterns see it: a one-line page cut into lines at its headings (structure/inline.ts:
 *  `二、预算执行情况2023年实际支出118万元`) has each cut read as a line break, as when the page keeps its lines — the character
 *  before the cut becomes `\n` for the regexes only (same offsets; not a digit or a unit, which a figure may need). */
export function cutView(doc: KDocument): KDocument {
  let view = views.get(doc);
  if (view) return view;
  let norm: Map<number, string> | null = null;
  for (const l of doc.lines) {
    const c = l.start - 1;
    if (c < 0 || doc.norm[c] === '\n' || /[0-9０-９.．,，%％元万萬亿億千]/.test(doc.norm[c])) continue;
    (norm ??= new Map()).set(c, '\n');
  }
  // a PDF line end that wraps prose inside a word (`全年⏎预算210万元`) becomes WORD_WRAP_MARK: {WORD_WRAP} in a phrase reads
  // across it, a line end no phrase word does (not `\s`: the words on either side are glued)
  // (only before the budget words that read across it, {WORD_WRAP}…预算: a view whose text differs from the document's
  // misses every cache keyed on the document, which cost a third of the finance step when every wrap was marked)
  // (and inside a word of word_wraps: 实际⏎支出, 支出⏎合计, which a document's phrases then read across)
  for (const b of wrapOf(doc).breaks) {
    // (the nearest characters past the line's trailing spaces and the next line's indent)
    const before = doc.norm.slice(Math.max(0, b - 8), b).trimEnd(), after = doc.norm.slice(b + 1, b + 12).trimStart();
    if (!CJK_LETTER.test(before.slice(-1)) || !(compile(file().wrapped_budget, '').test(after) || splitWord(before, after))) continue;
    // (the line's trailing spaces and the next line's indent are marked too, so that the phrase's {WORD_WRAP} is one run)
    let [from, to] = [b, b + 1];
    while (from > 0 && /[ \t\u3000]/.test(doc.norm[from - 1])) from--;
    while (to < doc.norm.length && /[ \t\u3000]/.test(doc.norm[to])) to++;
    norm ??= new Map();
    for (let i = from; i < to; i++) norm.set(i, WORD_WRAP_MARK);
    wrapMarked.add(doc);
  }
  // an OCR copy spacing a money word in part (`基本 支出512.38万元`, `项目 支 出289.09万元`): the spaces inside a word of word_wraps,
  // some of whose letters are still glued, are marked as a wrap is (a word spaced letter by letter, `支 出 合 计`, is left to
  // the spaced phrases; spaces between two whole words, `人员经费 公用经费`, split no word and stay)
  for (const m of doc.norm.matchAll(SPACE_IN_WORD)) {
    const word = spacedWord(doc.norm, m.index);
    if (!word) continue;
    norm ??= new Map();
    for (let i = word.from; i < word.to; i++) if (doc.norm[i] === ' ') norm.set(i, WORD_WRAP_MARK);
    wrapMarked.add(doc);
  }
  // a page's number or running title left between the halves of a word (`项 — 2 — 目支出35.34万元`, a page's line of unwrapped
  // text; `项⏎— 2 —⏎目支出`, its own line): the page broke the word, marked as a wrap is; between a word and a figure
  // (`项目支出 — 2 — 35.34万元`) or a figure and its unit: blanks, the line end the page made kept — no longer left out in the
  // view either way
  // (any other mark inside a line, 基本支出85.16万元 — 2 — 项目支出…, stays left out and is blanks to the phrases' guards, no
  // range after the amount: 万元 — 2)
  const runs = pageBreaksInProse(doc);
  for (const run of runs) {
    norm ??= new Map();
    const nl = doc.norm.indexOf('\n', run.start);
    for (let i = run.start; i < run.end; i++) if (run.join !== 'none' || doc.norm[i] !== '\n') norm.set(i, run.join === 'word' ? WORD_WRAP_MARK : i === nl ? '\n' : ' ');
    if (run.join === 'word') wrapMarked.add(doc);
  }
  const bridged = runs.filter((r) => r.join !== 'none');
  const props: PropertyDescriptorMap = {};
  if (norm) props.norm = { value: withChars(doc.norm, norm) };
  if (bridged.length) props.excluded = { value: doc.excluded.filter((x) => !bridged.some((r) => x.start >= r.start && x.end <= r.end)) };
  view = norm ? (Object.create(doc, props) as KDocument) : doc;
  views.set(doc, view);
  return view;
}
const views = new WeakMap<KDocument, KDocument>();
export const WORD_WRAP_MARK = '\uE000';
// documents whose view holds a WORD_WRAP_MARK: the others run the phrases without {WORD_WRAP} (an optional run in ten
// budget phrases cost a sixth of the finance step on every document)
export const wrapMarked = new WeakSet<KDocument>();
const unwrapped = new Map<string, string>();
export function withoutWordWrap(src: string): string {
  let out = unwrapped.get(src);
  if (out === undefined) unwrapped.set(src, (out = src.replaceAll('{WORD_WRAP}', '')));
  return out;
}
// one or two ordinary spaces between two letters (not a tab, a table's cell; not a full-width space, an indent)
// (the space first, its letter before it looked behind from there: a scan then skips to each space, where a look-behind
// opening the pattern was tried at every place of the text; the same matches)
const SPACE_IN_WORD = / (?<=[\u4e00-\u9fa5] ) ?(?=[\u4e00-\u9fa5])/g;
/** The span of a word of word_wraps split by the spaces at `at` (each gap one or two spaces), when at least one pair of its
 *  letters is glued; else null. */
function spacedWord(text: string, at: number): { from: number; to: number } | null {
  for (const w of file().word_wraps) {
    for (let i = 1; i < w.length; i++) {
      // walk back over w's first i letters and forward over the rest, one or two spaces allowed before each letter
      let from = at, to = at, ok = true, gaps = 0;
      for (let k = i - 1; k >= 0 && ok; k--) {
        let p = from;
        while (p > 0 && text[p - 1] === ' ' && from - p < 2) p--;
        if (p !== from) gaps++;
        ok = p > 0 && text[p - 1] === w[k];
        from = p - 1;
      }
      for (let k = i; k < w.length && ok; k++) {
        let p = to;
        while (text[p] === ' ' && p - to < 2) p++;
        if (p !== to) gaps++;
        ok = text[p] === w[k];
        to = p + 1;
      }
      if (ok && gaps < w.length - 1) return { from, to };
    }
  }
  return null;
}
/** The runs of page furniture with the blanks around them (pageMarks.ts) that stand between the halves of a word of
 *  word_wraps (`word`), between a word and a figure or a figure and its unit (`blank`), or inside a line (`none`, the mark
 *  alone). */
function pageBreaksInProse(doc: KDocument): (Span & { join: 'word' | 'blank' | 'none' })[] {
  const runs: (Span & { join: 'word' | 'blank' | 'none' })[] = [];
  for (const r of pageRuns(doc)) {
    const { before, after } = r;
    if (CJK_LETTER.test(before.slice(-1)) && CJK_LETTER.test(after[0] ?? '') && splitWord(before, after)) runs.push({ start: r.start, end: r.end, join: 'word' });
    // (a label, then a figure; a figure, then its unit: 35.34 — 2 — 万元. Never a figure's digits on both sides, nor an amount's
    // unit and the next figure)
    else if (labelThenFigure(r) || (/\d$/.test(before) && FIGURE_UNIT.test(after))) runs.push({ start: r.start, end: r.end, join: 'blank' });
    // (inside a line, text on both sides)
    else if (!r.multiline && before.trim() && after.trim()) runs.push({ ...r.mark, join: 'none' });
  }
  return runs;
}
/** True when a word of word_wraps is split between the end of `before` and the start of `after`. */
function splitWord(before: string, after: string): boolean {
  for (const w of file().word_wraps) for (let i = 1; i < w.length; i++) if (before.endsWith(w.slice(0, i)) && after.startsWith(w.slice(i))) return true;
  return false;
}
/** A phrase for a document holding a mark: {WORD_WRAP} between the letters of each word of word_wraps it holds (not in a
 *  character class), made once per phrase. */
const wordWrapped = new Map<string, string>();
export function withWordWraps(src: string): string {
  let out = wordWrapped.get(src);
  if (out !== undefined) return out;
  const words = file().word_wraps;
  const firsts = new Set(words.map((w) => w[0]));
  const cuts = new Set<number>(); // offsets a {WORD_WRAP} goes before
  for (let i = 0, inClass = false; i < src.length; i++) {
    const c = src[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (firsts.has(c)) for (const w of words) if (src.startsWith(w, i)) for (let k = 1; k < w.length; k++) cuts.add(i + k);
    // (a word split between a group and what follows it, `(?:实际)?支出`: the mark after the group's part, inside the group, so
    // that it is read only where that part is)
    if (!inClass) for (const w of words) for (let k = 1; k < w.length; k++) if (src.startsWith(w.slice(0, k), i) && afterGroupEnd(src, i + k) >= 0 && src.startsWith(w.slice(k), afterGroupEnd(src, i + k))) cuts.add(i + k);
  }
  out = '';
  let last = 0;
  for (const k of [...cuts].sort((a, b) => a - b)) (out += src.slice(last, k) + '{WORD_WRAP}'), (last = k);
  out += src.slice(last);
  wordWrapped.set(src, out);
  return out;
}
/** The offset past the groups' closes at `at` with their quantifiers and a next group's opening (`)?`, `)?(?:`, `(?:`), or -1
 *  when there is none (letters glued in the source are found as whole words). */
function afterGroupEnd(src: string, at: number): number {
  const m = /^(?:\)[?*+]?)*(?:\(\?:)?/.exec(src.slice(at, at + 12));
  return m && m[0].length > 0 ? at + m[0].length : -1;
}
const CJK_LETTER = /[\u4e00-\u9fa5]/;
const FIGURE_UNIT = /^(?:[万千亿]?元|%)/;
