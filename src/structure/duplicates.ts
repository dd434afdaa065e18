// A file that holds the whole report twice gives one report: later copies of a long run of lines are excluded.
import type { KDocument, Line } from '../document.js';
import { isExcluded } from '../document.js';
import { classifyLine, closingLine, reportTitleLine } from './outline.js';

const MIN_LINES = 10;
const MIN_CHARS = 400;
/** A short report's copy (under MIN_CHARS): it must start at the report's head, repeat most of it and end the text. */
const SHORT_MIN_CHARS = 100;
/** The head of the text where a short report's first copy may start (non-blank lines: a portal's title and date above it). */
const HEAD_LINES = 6;
/** A tiny report's copy (under SHORT_MIN_CHARS: a title and a section or two) must repeat all of it, from its title line,
 *  over at least TINY_MIN_LINES lines and TINY_MIN_CHARS characters: so short a run is a copy only when it is the whole report. */
const TINY_MIN_CHARS = 30;
const TINY_MIN_LINES = 3;

export function excludeRepeatedCopy(doc: KDocument): void {
  excludePageFurniture(doc);
  // (a file holding two copies pasted twice, A A A A or A A′ A A′ with A′ rewrapped: a pass finds the later pair, the
  // next pass the copy left in the first)
  for (let pass = 0; pass < 3 && excludeByLines(doc); pass++);
  excludeRewrapped(doc);
}

// A page's number on a line of its own: - 3 -, — 3 —, 第3页 共8页, 共8页 第3页, 3/8 (PDF text pasted with its pages' footers;
// also between a tab table's rows, see tables.ts). Full-width digits too: the tables test a line's text as written.
// (·3· between middle dots, as an official document's footer sets it; Page 3, Page 3 of 8, a converter's English footer; 第三页,
// the number in Chinese)
export const PAGE_MARK = /^\s*(?:[-—–－]{1,2}\s*[0-9０-９]{1,3}\s*[-—–－]{1,2}|第\s*[一二三四五六七八九十]{1,3}\s*页(?:\s*[,，、/／]?\s*共\s*[一二三四五六七八九十]{1,3}\s*页)?|[·•・]\s*[0-9０-９]{1,3}\s*[·•・]|(?:Page|PAGE)\s*[0-9０-９]{1,3}(?:\s*(?:of|OF|[/／])\s*[0-9０-９]{1,3})?|第\s*[0-9０-９]{1,3}\s*页(?:\s*[,，、/／]?\s*共\s*[0-9０-９]{1,3}\s*页)?|共\s*[0-9０-９]{1,3}\s*页\s*[,，、]?\s*第\s*[0-9０-９]{1,3}\s*页|[0-9０-９]{1,3}\s*[/／]\s*[0-9０-９]{1,3})\s*$/;
// a bare number is a page's only between lines of prose: not a value under its label (在职人数：⏎6), not a figure broken off
// its sentence (开展活动⏎20⏎场次), not a cell of a table laid out one per line
const UNIT_START = /^[万亿元%％场次人个名项件期篇份家所余多台辆座处条套册本天年月日.,，。、；;:：)）]/;
const SENTENCE_MARK = /[。；;，,]/;
// A browser's print header and footer (a web page printed to PDF), its parts tab- or space-joined on one line:
// `11/22/26, 11:40 PM⇥…报告`, `2024/3/15 上午10:23⇥…_政务公开`, `file:///C:/Users/…/report.html⇥1/2`, `https://…⇥2/3`,
// `第 1 页，共 2 页`: a time of day in the date stamp (a table's date has none), a URL, a page count.
const BROWSER_STAMP = /^(?:\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}(?:,|\s)\s*(?:(?:上午|下午)\s*)?\d{1,2}:\d{2}(?::\d{2})?(?:\s*(?:AM|PM|am|pm))?|\d{1,2}:\d{2}(?::\d{2})?\s*(?:AM|PM|am|pm)|(?:上午|下午)\d{1,2}:\d{2})$/;
const BROWSER_URL = /^(?:file:\/\/\/?|https?:\/\/|about:blank|blob:)\S*$/;
const BROWSER_PAGE = /^(?:\d{1,3}\s*\/\s*\d{1,3}|(?:Page\s+)?\d{1,3}\s+of\s+\d{1,3}|第\s*\d{1,3}\s*页\s*[,，、/]?\s*共\s*\d{1,3}\s*页)$/;
const CELL_GAP = /\t|\s{2,}|\u3000/;

/** A browser's header or footer line: its cells (at most three) a date stamp, a URL or a page count, at least one of the
 *  first two, and at most one other cell (the page's title): no sentence in it. */
function browserFurniture(t: string): boolean {
  if (!t.includes(':') && !t.includes('/')) return false;
  const cells = t.split(CELL_GAP).map((c) => c.trim()).filter(Boolean);
  if (cells.length > 3) return false;
  let mark = 0;
  let other = 0;
  for (const c of cells) {
    if (BROWSER_STAMP.test(c) || BROWSER_URL.test(c)) mark++;
    else if (!BROWSER_PAGE.test(c)) {
      if (/[。；;，,]/.test(c)) return false;
      other++;
    }
  }
  return mark > 0 && other <= 1;
}

// (a title's end: a unit's name alone is also its signature and a form's cell, which must stay)
const RUNNING_END = /(?:报告|决算|预算)$/;
const YEAR_WORD = /(?:19|20)\d{2}年度?/g;
/** A title's characters without its year, in order of code: the same words in another order give the same. */
const titleSig = (t: string): string => [...t.replace(YEAR_WORD, '')].sort().join('');

/**
 * A page's running furniture left in pasted PDF text: page numbers on lines of their own, and the running header (the
 * report's title again on a later line of its own, also reordered, without its year or without the unit before it). They are excluded so that no
 * list takes them for an item (四、存在的问题 … 1.经费不足。⏎2⏎某县科协部门整体支出绩效自评报告⏎2.… gave items `2` and the title).
 */
function excludePageFurniture(doc: KDocument): void {
  const lines = doc.lines.filter((l) => l.text.trim() !== '');
  const text = (l: Line) => doc.norm.slice(l.start, l.end).trim();
  // (before it a sentence's end or a full wrapped line, after it a heading or a long line: a form's labels are short and
  // close on a unit, 编制数（人）⏎8⏎实有人数（人）)
  const proseBefore = (l: Line | undefined) => {
    const t = l ? text(l) : '';
    return !!l && !l.text.includes('\t') && (/[。；;！？!?]$/.test(t) || (t.length >= 20 && /[\u4e00-\u9fff]$/.test(t)));
  };
  const proseAfter = (l: Line | undefined) => {
    const t = l ? text(l) : '';
    return !!l && !l.text.includes('\t') && !UNIT_START.test(t) && (!!classifyLine(doc, l) || (t.length >= 12 && !/[)）:：]$/.test(t)));
  };
  // (…or, set apart by a blank line on each side, before the rest of a sentence a page broke, however short: 1.…，难以⏎⏎3⏎⏎量化考核。
  // — a figure broken off its sentence is not set apart so, and its measure word opens the next line, 开展活动⏎20⏎场次)
  let at: Map<Line, number> | undefined;
  const apart = (l: Line) => {
    at ??= new Map(doc.lines.map((x, i) => [x, i]));
    const i = at.get(l)!;
    return !doc.lines[i - 1]?.text.trim() && !doc.lines[i + 1]?.text.trim();
  };
  // (…or between a clause's comma closing a line and the sentence's words going on after it, however short: 1.积极争取财政支持，⏎3⏎
  // 拓宽经费渠道。 — a figure broken off there opens no measure word on the next line, 开展活动，⏎3⏎场; lists46)
  const clauseOpen = (l: Line | undefined) => !!l && !l.text.includes('\t') && /[\u4e00-\u9fff][，,、]$/.test(text(l));
  const goesOn = (l: Line | undefined) => !!l && !l.text.includes('\t') && /^[\u4e00-\u9fff]/.test(text(l)) && !UNIT_START.test(text(l));
  // (a line of its own: no cell of a table, no sentence, no field, no heading)
  const key = (l: Line) => {
    const t = text(l);
    return t.length >= 8 && t.length <= 40 && !SENTENCE_MARK.test(t) && !/[:：]/.test(t) && !l.text.includes('\t') && !classifyLine(doc, l) ? t.replace(/\s+/g, '') : '';
  };
  // the head's lines that may run on every page: the title
  const head = new Set<string>();
  // …also worded otherwise, once (a running header on the later pages only): the title's words reordered or without its
  // year (某县科协2023年度…报告 under 2023年度某县科协…报告), or its end without the unit (2023年度…报告), also of a
  // title over two lines (某县科学技术协会⏎2023年度…报告)
  const headSigs = new Set<string>();
  const headTitles: string[] = [];
  const first = lines.slice(0, 3).map((l) => text(l).replace(/\s+/g, ''));
  for (let i = 0; i < first.length; i++) {
    const t = first[i];
    if (RUNNING_END.test(t) && key(lines[i])) head.add(t);
    for (const h of i > 0 ? [t, first[i - 1] + t] : [t]) {
      if (!RUNNING_END.test(h) || h.length < 8 || h.length > 60 || SENTENCE_MARK.test(h) || /[:：]/.test(h)) continue;
      headSigs.add(titleSig(h));
      headTitles.push(h);
    }
  }
  // (not one naming another year: 2024年度某县科协…报告 under 2023年度某县科协…报告 is the next report's title)
  const otherYear = (k: string) => (k.match(YEAR_WORD) ?? []).some((y) => !headTitles.some((h) => h.includes(y.replace(/度$/, ''))));
  const likeTitle = (k: string) => !otherYear(k) && (headSigs.has(titleSig(k)) || headTitles.some((h) => h.length > k.length && h.endsWith(k)));
  // (…or the title shortened, its words kept in their order with some left out, right after a sentence's end or between a clause's
  // comma and the sentence going on: 某县科协绩效自评报告 under 2023年度某县科学技术协会部门整体支出绩效自评报告, a running header
  // worded shorter between a list's items; lists47. Not a line after a name or a heading, the report's own title under a cover
  // letter's, 关于报送2024年度…自评报告的报告)
  const shortTitle = (k: string, before: Line | undefined, after: Line | undefined) => (proseBefore(before) || (clauseOpen(before) && goesOn(after))) && !otherYear(k) && headTitles.some((h) => h.length > k.length && !/^关于/.test(h) && shortened(k, h));
  // …or a line naming the report, alone and the same on two or more later lines (the title without its year)
  const seen = new Map<string, number>();
  for (let i = 3; i < lines.length; i++) {
    const k = RUNNING_END.test(text(lines[i])) ? key(lines[i]) : '';
    if (k) seen.set(k, (seen.get(k) ?? 0) + 1);
  }
  const marks: Line[] = [];
  // (the browser's header may be the text's first line)
  for (let i = 0; i < Math.min(3, lines.length); i++) if (browserFurniture(text(lines[i]))) marks.push(lines[i]);
  for (let i = 3; i < lines.length; i++) {
    const t = text(lines[i]);
    const k = RUNNING_END.test(t) ? key(lines[i]) : '';
    if (k && (head.has(k) || (seen.get(k) ?? 0) >= 2 || likeTitle(k) || shortTitle(k, lines[i - 1], lines[i + 1]))) marks.push(lines[i]);
    else if (browserFurniture(t)) marks.push(lines[i]);
    else if (t.length > 16) continue;
    else if (PAGE_MARK.test(t)) marks.push(lines[i]);
    else if (/^\d{1,3}$/.test(t) && ((proseBefore(lines[i - 1]) && (proseAfter(lines[i + 1]) || (apart(lines[i]) && goesOn(lines[i + 1])))) || (clauseOpen(lines[i - 1]) && goesOn(lines[i + 1])))) marks.push(lines[i]);
  }
  // (…and a bare number right above or under a running title marked so: the same page's footer and header, whatever the
  // sentence broken off around them, 2.…，部分指标⏎2⏎某县科协…报告⏎难以量化；)
  // (the number and the line on its other side no table's cells, laid out one per line: ⇥8⏎title⏎⇥6)
  const running = new Set(marks.filter((l) => RUNNING_END.test(text(l))));
  const words = (l: Line | undefined) => !!l && !l.text.includes('\t') && /[\u4e00-\u9fff]/.test(text(l));
  for (let i = 3; i < lines.length; i++) {
    if (!/^\d{1,3}$/.test(text(lines[i])) || lines[i].text.includes('\t') || marks.includes(lines[i])) continue;
    if ((running.has(lines[i + 1]) && words(lines[i - 1])) || (running.has(lines[i - 1]) && words(lines[i + 1]))) marks.push(lines[i]);
  }
  marks.sort((a, b) => a.start - b.start);
  for (const l of marks) doc.excluded.push({ start: l.start, end: l.end, reason: 'page furniture' });
  if (marks.length) doc.messages.push({ ruleId: 'structure.page-furniture', reason: `page numbers and running headers ignored (${marks.length} lines)`, place: { start: marks[0].start, end: marks[marks.length - 1].end } });
}

/** True when every character of `short` stands in `title` in the same order (the title with words left out, never reordered). */
function shortened(short: string, title: string): boolean {
  let at = 0;
  for (const ch of short) {
    at = title.indexOf(ch, at) + 1;
    if (at === 0) return false;
  }
  return true;
}

/** The copy line by line (the same lines again). True when one was found. */
function excludeByLines(doc: KDocument): boolean {
  let found = false;
  // (page furniture left out: a copy's pages break elsewhere)
  const lines = doc.lines.filter((l) => l.text.trim() !== '' && !isExcluded(doc, l));
  const key = (l: Line) => doc.norm.slice(l.start, l.end).replace(/\s+/g, '');
  const keys = lines.map(key);
  const first = new Map<string, number>();
  // (the characters of lines before each line: sums of spans of lines)
  const before = [0];
  for (const k of keys) before.push(before[before.length - 1] + k.length);
  let i = 0;
  // (the end of the last copy found: a copy is not extended back over it)
  let last = 0;
  while (i < lines.length) {
    let j = first.get(keys[i]);
    if (j !== undefined && keys[i].length >= 4) {
      let k = 0;
      let chars = 0;
      while (i + k < lines.length && j + k < i && keys[j + k] === keys[i + k]) {
        chars += keys[i + k].length;
        k++;
      }
      if ((k >= MIN_LINES && chars >= MIN_CHARS) || shortCopy(j, i, k, chars)) {
        // (the copy's short lines before its first line of four characters or more, 目　录 or 一、 alone, go with it when
        // the first copy has them too: they would be left over, 目录 an item of the last section)
        while (i > last && j > 0 && i - 1 > j && keys[i - 1] === keys[j - 1]) {
          i--;
          j--;
          k++;
        }
        doc.excluded.push({ start: lines[i].start, end: lines[i + k - 1].end, reason: 'repeated copy' });
        doc.messages.push({
          ruleId: 'structure.repeated-copy',
          reason: `lines repeating an earlier copy of the report were ignored (${k} lines)`,
          place: { start: lines[i].start, end: lines[i + k - 1].end },
        });
        found = true;
        i += k;
        last = i;
        continue;
      }
    }
    if (!first.has(keys[i])) first.set(keys[i], i);
    i++;
  }
  return found;

  /**
   * A short report twice (too short for MIN_LINES/MIN_CHARS): the run repeats the text from a line at the head of the
   * file (its title) for most of what lies before the copy, and after the copy at most a short tail is left (a
   * signature). A summary followed by the full report, or the title quoted again, is no copy: more follows it.
   */
  function shortCopy(j: number, i: number, k: number, chars: number): boolean {
    if (found || j >= HEAD_LINES) return false;
    const firstCopy = before[i] - before[j];
    const tail = before[lines.length] - before[i + k];
    if (chars < SHORT_MIN_CHARS) return tinyCopy(j, i, k, chars);
    return chars >= 0.7 * firstCopy && tail <= Math.max(30, 0.2 * chars);
  }

  /** A report under SHORT_MIN_CHARS twice (a title and a section or two): the run is every line from its title on, the
   *  title a report's (a year and a report's kind; the copy's title, left out already as the running title, must be the
   *  first's word for word: another year's is another report), and after it nothing but closing lines (a signature, a
   *  date). A title quoted again, a summary over the report, or sections going on after the run, are no copy. */
  function tinyCopy(j: number, i: number, k: number, chars: number): boolean {
    if (j + k !== i || k < TINY_MIN_LINES) return false;
    let title = 0;
    if (!reportTitleLine(keys[j])) {
      const copyTitle = doc.lines.filter((l) => l.end <= lines[i].start && l.text.trim() !== '').pop();
      if (!(j > 0 && reportTitleLine(keys[j - 1]) && copyTitle && key(copyTitle) === keys[j - 1])) return false;
      title = keys[j - 1].length;
    }
    return chars + title >= TINY_MIN_CHARS && lines.slice(i + k).every((l) => closingLine(doc.norm.slice(l.start, l.end).trim()));
  }
}

/** White space left out when the copies are compared (a space, tab, line break, ideographic space, nbsp, form feed). */
const SPACE = /[ \t\n\r\u3000\u00a0\f]+/g;

/** Where the character at `k` of the text without white space is in the text. */
function normOffset(norm: string, k: number): number {
  SPACE.lastIndex = 0;
  let skipped = 0;
  for (let m = SPACE.exec(norm); m && m.index <= k + skipped; m = SPACE.exec(norm)) skipped += m[0].length;
  return k + skipped;
}

/** The copy of the text from `from` (offsets in `s`, the text without whitespace): where it starts and how long it runs,
 *  when it runs at least MIN_CHARS and most of what lies between the two; else null. */
function copyFrom(s: string, from: number): [number, number] | null {
  const head = s.slice(from, from + HEAD);
  const run = (second: number) => {
    let n = 0;
    while (second + n < s.length && from + n < second && s[from + n] === s[second + n]) n++;
    return n;
  };
  const second = s.indexOf(head, from + MIN_CHARS);
  if (second >= 0) {
    const n = run(second);
    if (n >= MIN_CHARS && n >= 0.6 * (second - from)) return [second, n];
  }
  // a short report's copy (under MIN_CHARS, as excludeByLines' shortCopy): most of the first copy again, ending the text
  // but for a short tail (a signature); a summary before the full report, or the title quoted, leaves more after it
  for (let at = s.indexOf(head, from + SHORT_MIN_CHARS); at >= 0 && at < from + 2 * MIN_CHARS; at = s.indexOf(head, at + 1)) {
    const n = run(at);
    if (n >= SHORT_MIN_CHARS && n < MIN_CHARS && n >= 0.7 * (at - from) && s.length - (at + n) <= Math.max(30, 0.2 * n)) return [at, n];
  }
  return null;
}

/** How many characters of the report's opening line (whitespace removed) find its copy. */
const HEAD = 24;

/**
 * The copy with its lines broken elsewhere (a portal page's text followed by the attachment's PDF text, wrapped at the
 * page width): compared with whitespace removed, the text from the report's opening line (its first line of 10 or
 * more characters among the first five) found again later, then the same characters for at least MIN_CHARS and most
 * of what lies between the two: the later run is excluded, from its first line to the end of the line of its last
 * character.
 */
function excludeRewrapped(doc: KDocument): void {
  // (copies the line pass left out are blanked: the copy looked for is one still read)
  let norm = doc.norm;
  for (const x of doc.excluded) if (x.reason === 'repeated copy') norm = norm.slice(0, x.start) + ' '.repeat(x.end - x.start) + norm.slice(x.end);
  if (norm.length < 2 * SHORT_MIN_CHARS) return;
  const opening = doc.lines.slice(0, 5).find((l) => l.text.replace(/\s+/g, '').length >= 10);
  if (!opening) return;
  // (cheap first: the opening line's first characters found again at all)
  const lead = norm.slice(opening.start, opening.end).replace(/\s+/g, '').slice(0, 8);
  if (norm.indexOf(lead, opening.end + SHORT_MIN_CHARS) < 0) return;
  // the text without whitespace (one string: this runs on every report whose opening words come again)
  const s = norm.replace(SPACE, '');
  let found = copyFrom(s, norm.slice(0, opening.start).replace(SPACE, '').length);
  // (a portal's line under the title that the attachment lacks, 发布时间：… 来源：…: from the report's first heading then, among
  // the ten lines after the opening one; the copy's title left before it is the running title, page furniture)
  if (!found) {
    const k = doc.lines.indexOf(opening);
    const first = doc.lines.slice(k + 1, k + 11).find((l) => classifyLine(doc, l)?.ordinal);
    if (first) found = copyFrom(s, norm.slice(0, first.start).replace(SPACE, '').length);
  }
  if (!found) return;
  const [second, n] = found;
  const firstAt = normOffset(norm, second);
  const lastAt = normOffset(norm, second + n - 1);
  const start = doc.lines.find((l) => l.end >= firstAt)?.start ?? firstAt;
  const end = doc.lines.find((l) => l.end >= lastAt)?.end ?? lastAt + 1;
  // (a copy the line pass already left out)
  if (doc.excluded.some((x) => x.reason === 'repeated copy' && start < x.end && end > x.start)) return;
  doc.excluded.push({ start, end, reason: 'repeated copy' });
  doc.messages.push({
    ruleId: 'structure.repeated-copy',
    reason: `text repeating an earlier copy of the report (its lines broken elsewhere) was ignored (${n} characters)`,
    place: { start, end },
  });
}
