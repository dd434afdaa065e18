// A file that holds the whole report twice gives one report: later copies of a long run of lines are excluded.
import type { KDocument, Line } from '../document.js';

const MIN_LINES = 10;
const MIN_CHARS = 400;
/** A short report's copy (under MIN_CHARS): it must start at the report's head, repeat most of it and end the text. */
const SHORT_MIN_CHARS = 100;
/** The head of the text where a short report's first copy may start (non-blank lines: a portal's title and date above it). */
const HEAD_LINES = 6;

export function excludeRepeatedCopy(doc: KDocument): void {
  if (!excludeByLines(doc)) excludeRewrapped(doc);
}

/** The copy line by line (the same lines again). True when one was found. */
function excludeByLines(doc: KDocument): boolean {
  let found = false;
  const lines = doc.lines.filter((l) => l.text.trim() !== '');
  const key = (l: Line) => doc.norm.slice(l.start, l.end).replace(/\s+/g, '');
  const keys = lines.map(key);
  const first = new Map<string, number>();
  // (the characters of lines before each line: sums of spans of lines)
  const before = [0];
  for (const k of keys) before.push(before[before.length - 1] + k.length);
  let i = 0;
  while (i < lines.length) {
    const j = first.get(keys[i]);
    if (j !== undefined && keys[i].length >= 4) {
      let k = 0;
      let chars = 0;
      while (i + k < lines.length && j + k < i && keys[j + k] === keys[i + k]) {
        chars += keys[i + k].length;
        k++;
      }
      if ((k >= MIN_LINES && chars >= MIN_CHARS) || shortCopy(j, i, k, chars)) {
        doc.excluded.push({ start: lines[i].start, end: lines[i + k - 1].end, reason: 'repeated copy' });
        doc.messages.push({
          ruleId: 'structure.repeated-copy',
          reason: `lines repeating an earlier copy of the report were ignored (${k} lines)`,
          place: { start: lines[i].start, end: lines[i + k - 1].end },
        });
        found = true;
        i += k;
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
    if (found || j >= HEAD_LINES || chars < SHORT_MIN_CHARS) return false;
    const firstCopy = before[i] - before[j];
    const tail = before[lines.length] - before[i + k];
    return chars >= 0.8 * firstCopy && tail <= Math.max(30, 0.2 * chars);
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
  const norm = doc.norm;
  if (norm.length < 2 * MIN_CHARS) return;
  const opening = doc.lines.slice(0, 5).find((l) => l.text.replace(/\s+/g, '').length >= 10);
  if (!opening) return;
  // (cheap first: the opening line's first characters found again at all)
  const lead = norm.slice(opening.start, opening.end).replace(/\s+/g, '').slice(0, 8);
  if (norm.indexOf(lead, opening.end + MIN_CHARS) < 0) return;
  // the text without whitespace (one string: this runs on every report whose opening words come again)
  const s = norm.replace(SPACE, '');
  const from = norm.slice(0, opening.start).replace(SPACE, '').length;
  const head = s.slice(from, from + HEAD);
  const second = s.indexOf(head, from + MIN_CHARS);
  if (second < 0) return;
  let n = 0;
  while (second + n < s.length && from + n < second && s[from + n] === s[second + n]) n++;
  if (n < MIN_CHARS || n < 0.6 * (second - from)) return;
  const firstAt = normOffset(norm, second);
  const lastAt = normOffset(norm, second + n - 1);
  const start = doc.lines.find((l) => l.end >= firstAt)?.start ?? firstAt;
  const end = doc.lines.find((l) => l.end >= lastAt)?.end ?? lastAt + 1;
  doc.excluded.push({ start, end, reason: 'repeated copy' });
  doc.messages.push({
    ruleId: 'structure.repeated-copy',
    reason: `text repeating an earlier copy of the report (its lines broken elsewhere) was ignored (${n} characters)`,
    place: { start, end },
  });
}
