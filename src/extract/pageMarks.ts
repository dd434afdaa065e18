// A page's mark the text kept between the halves of a sentence (structure's page furniture: `— 2 —`, `-2-`, `·2·`,
// `第 2 页 共 5 页` inside a line set off by spaces, or a page-number line): the runs of it found once, and a view of the
// document in which the families that read counts and scores read across it as across a PDF line end.
import { withChars, type KDocument, type Span } from '../document.js';
import { wordAcross } from '../segment/jieba.js';

/** A run of page furniture with the blanks around it, and the text right before and after it. */
export interface PageRun extends Span {
  before: string;
  after: string;
  /** the run holds a line break (a mark on a line of its own) */
  multiline: boolean;
  /** the run's first mark, without the blanks around it */
  mark: Span;
}

/** The runs of page furniture (marks next to each other merged) with text before them: page marks inside a line are
 *  found only when set off by spaces, of a page number's form (structure/inline.ts), so no range (2-3月), fraction or date
 *  is one. */
export function pageRuns(doc: KDocument): PageRun[] {
  let runs = cache.get(doc);
  if (runs) return runs;
  runs = [];
  const furniture = doc.excluded.filter((x) => x.reason === 'page furniture').sort((a, b) => a.start - b.start);
  // (a mark's neighbours found by offset: a run of thousands of marks, a bad copy's, looked each one up in the whole list)
  // (the first in order of start for each offset, as a search of the list finds it: built from the end, earlier ones set last)
  const backwards = [...furniture].reverse();
  const byEnd = new Map(backwards.map((y) => [y.end, y]));
  const byStart = new Map(backwards.map((y) => [y.start, y]));
  for (const x of furniture) {
    if (runs.length && x.start < runs[runs.length - 1].end) continue; // (the same mark listed twice, or inside the run)
    let [from, to] = [x.start, x.end];
    for (;;) {
      while (from > 0 && /\s/.test(doc.norm[from - 1])) from--;
      const prev = byEnd.get(from);
      if (!prev) break;
      from = prev.start;
    }
    for (;;) {
      while (to < doc.norm.length && /\s/.test(doc.norm[to])) to++;
      const next = byStart.get(to);
      if (!next) break;
      to = next.end;
    }
    const before = doc.norm.slice(Math.max(0, from - 8), from), after = doc.norm.slice(to, to + 8);
    runs.push({ start: from, end: to, before, after, multiline: doc.norm.slice(from, to).includes('\n'), mark: { start: x.start, end: x.end } });
  }
  cache.set(doc, runs);
  return runs;
}
const cache = new WeakMap<KDocument, PageRun[]>();

/** True when the run stands inside a figure (`35. — 2 — 34万元`, `3 — 2 — 3场`): which digits the page broke is not known. */
export const insideFigure = (run: PageRun): boolean => /[\d.]$/.test(run.before) && /^[\d.]/.test(run.after);
/** True when the run stands between a label and its figure (`编制 — 3 — 7人`, `编制⏎- 3 -⏎七人`). */
export const labelThenFigure = (run: PageRun): boolean => LABEL_END.test(run.before) && FIGURE_OPEN.test(run.after);
// (a figure in Chinese numerals with its measure word or unit right after it: 七人, 三十六场, 三十五万元; not a word, 一般)
const FIGURE_OPEN = /^(?:\d|[一二两三四五六七八九十百千零〇]{1,6}(?:[人名个场次项期分家所篇份件元]|万[人元]))/;
const LABEL_END = /(?:(?![元])[\u4e00-\u9fa5]|[:：])$/;
/** The letters right after the run that finish a word it splits (`编 — 3 — 制7人`, `开展活 -2- 动30场`, `编⏎- 3 -⏎制7人`: a word of
 *  the dictionary's own cut runs across it), up to the next character that is no letter (at most 8); '' when it splits none (a
 *  mark between two words, `…编制7人 — 3 — 在职人员6人`, or after a sentence's end, stays blanks). */
export function splitTail(run: PageRun): string {
  const head = /[\u4e00-\u9fa5]+$/.exec(run.before)?.[0];
  const tail = /^[\u4e00-\u9fa5]{1,8}/.exec(run.after)?.[0];
  return head && tail && wordAcross(head + tail, head.length) ? tail : '';
}

/**
 * The document as the count and score families see it (staffing, activities, evaluation): a mark inside a line with text
 * on both sides, or a mark's line between a label and its figure (`编制⏎— 3 —⏎7人`) or a figure and its measure word
 * (`36⏎- 2 -⏎场`), is blanks (the line end the page made kept), no longer left out, so a phrase reads across it as across
 * spaces; a mark inside a figure stays left out (no half of it is read). The document itself when it has no such run.
 */
export function pageJoinedView(doc: KDocument): KDocument {
  let view = views.get(doc);
  if (view) return view;
  // (acts53: a mark, on its line or its own, splitting a word, `编 — 3 — 制7人`, `开展活 -2- 动30场`: the word's tail is read right
  // after its head, the blanks after it — the view `编制       7人`, `开展活动     30场` —, as a PDF line end inside a word is read)
  const tails = new Map<PageRun, string>();
  for (const r of pageRuns(doc)) {
    const tail = r.before.trim() && r.after.trim() && !insideFigure(r) ? splitTail(r) : '';
    if (tail) tails.set(r, tail);
  }
  const joined = pageRuns(doc).filter((r) => tails.has(r) || (r.before.trim() && r.after.trim() && !insideFigure(r) && (!r.multiline || labelThenFigure(r) || (/\d$/.test(r.before) && MEASURE.test(r.after)))));
  if (!joined.length) {
    views.set(doc, doc);
    return doc;
  }
  const chars = new Map<number, string>();
  // (a label's words are read from the display copy: its letters move with the norm's)
  const shown = new Map<number, string>();
  for (const r of joined) {
    const tail = tails.get(r);
    if (tail) {
      for (let i = r.start; i < r.end + tail.length; i++) {
        const k = i - r.start;
        chars.set(i, k < tail.length ? tail[k] : ' ');
        shown.set(i, k < tail.length ? doc.display[r.end + k] : ' ');
      }
      continue;
    }
    const nl = doc.norm.indexOf('\n', r.start);
    for (let i = r.start; i < r.end; i++) chars.set(i, i === nl ? '\n' : ' ');
  }
  // (the line and the sentence structure cut at a mark inside a line, or at the line ends of one splitting a word, are one again: a
  // label never reaches back over a line's start, a sentence's figures are read with its subject)
  const inLine = joined.filter((r) => !r.multiline || tails.has(r));
  const across = (a: Span, b: Span) => inLine.some((r) => a.end >= r.start && b.start >= r.start && b.start <= r.end);
  view = Object.create(doc, {
    norm: { value: withChars(doc.norm, chars) },
    display: { value: shown.size ? withChars(doc.display, shown) : doc.display },
    data: { value: ownTokenCaches(doc.data) },
    excluded: { value: doc.excluded.filter((x) => !joined.some((r) => x.start >= r.start && x.end <= r.end)) },
    lines: { value: merged(doc.lines, (a, b) => (a.end === b.start || doc.norm[a.end] === '\n') && across(a, b), (a, b) => ({ start: a.start, end: b.end, text: doc.text.slice(a.start, b.end) })) },
    sentences: { value: merged(doc.sentences, (a, b) => across(a, b) && !ENDED.test(doc.norm.slice(a.start, a.end)), (a, b) => ({ start: a.start, end: b.end })) },
  }) as KDocument;
  views.set(doc, view);
  return view;
}
const views = new WeakMap<KDocument, KDocument>();
// (segment's token caches are made from the matching text: the view's blanks are jieba's separators, so the view keeps caches of
// its own — shared, they gave the document the view's tokens; every other hand-off in data stays the document's)
const TOKEN_CACHES = new Set<string | symbol>(['jiebaSeparators', 'tokenizedLines']);
function ownTokenCaches(data: KDocument['data']): KDocument['data'] {
  const own: Record<string | symbol, unknown> = {};
  return new Proxy(data, {
    get: (t, k) => (TOKEN_CACHES.has(k) ? own[k] : t[k as string]),
    set: (t, k, v) => ((TOKEN_CACHES.has(k) ? (own[k] = v) : (t[k as string] = v)), true),
  });
}
const ENDED = /[。！？!?；;]\s*$/;

/** The list with each span that `join` says goes on from the one before it made one with it. */
function merged<T extends Span>(list: T[], join: (a: T, b: T) => boolean, make: (a: T, b: T) => T): T[] {
  const out: T[] = [];
  for (const x of list) {
    const last = out[out.length - 1];
    if (last && join(last, x)) out[out.length - 1] = make(last, x);
    else out.push(x);
  }
  return out;
}
// (a measure word or a unit after a figure: 场, 人次, 名, 分, %, 万元)
const MEASURE = /^[\u4e00-\u9fa5%]/;
