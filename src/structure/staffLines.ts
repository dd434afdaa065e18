// A staffing header copied one cell per line (a 基础数据表's `财政供养人员情况⏎编制数⏎2023年实际在职人数⏎控制率⏎6⏎5⏎83.33%`, a
// Word table pasted as text): the header's cells, two or more naming staffing counts (tables.yaml staffing_columns), then
// exactly one line per header cell under them, a whole count under a count's word and a rate under the rate's. Put back
// as the two rows it was, so that the staffing table reader reads it as it reads the tabbed copy. Anything else (a line
// short, one too many, a figure that is not a count) leaves it unread: which cell is missing is not known. (The group label
// over the counts and the header words beside them that hold no count: tables.yaml staffing_group, staffing_other_columns.)
import type { Line, Span, Table, TableCell } from '../document.js';
import { tableVocab } from './tableVocab.js';
import { freeLine, lineCell, squeeze } from './cellLines.js';

const COUNT = /^\d{1,4}$/;
/** people as a header cell's unit (编制数（人）) */
const PEOPLE_UNIT = /[(（](?:人|名|人数)[)）]$/;
const RATE = /^\d{1,3}(?:\.\d+)?%$/;
/** a line that could be one more cell of a row (a figure or a dash): after the values it makes the count unsure */
const FIGURE_LIKE = /^(?:[\d,]*\d(?:\.\d+)?%?|[—\-–－]+)$/;

export function staffingBlockLines(text: string, lines: Line[], taken: Span[]): Table[] {
  const v = tableVocab();
  const free = freeLine(taken);
  const seq = lines.filter((l) => l.text.trim());
  // (each line's words tested once: a line is tested as the one before a run, again in the run, then as the run's head;
  // its name, stripped once, for every column's regex)
  const keys: string[] = [];
  const key = (i: number) => (keys[i] ??= squeeze(seq[i].text));
  // (2023年实际在职人数, 其中：在职人数, 编制数（人）: the year, a part-of lead and people as the unit are no part of the name)
  const names: string[] = [];
  const name = (i: number) => (names[i] ??= key(i).replace(/^(?:19|20)\d{2}年(?:度)?/, '').replace(/^其中[:：]?/, ''));
  const namedAt: (boolean | undefined)[] = [];
  const named = (i: number) => {
    if (namedAt[i] !== undefined) return namedAt[i];
    const n = name(i);
    let unitless: string | undefined;
    return (namedAt[i] = v.staffingColumns.some((c) => c.re.test(n) || c.re.test((unitless ??= n.replace(PEOPLE_UNIT, '')))));
  };
  // (在职人员: a bare word, a count's column beside one naming a count of the record's, not a group word alone: 退休人员)
  const bare = (i: number) => v.staffingPairBare.some((c) => c.re.test(name(i)));
  const countsAt: (boolean | undefined)[] = [];
  const counts = (i: number) => (countsAt[i] ??= named(i) || bare(i));
  const anchors = (i: number) => named(i) && !v.staffingGroupWord.test(key(i));
  const out: Table[] = [];
  for (let i = 0; i < seq.length; i++) {
    if (!free(seq[i])) continue;
    // (the header's run opens at its first word: a run cut after that word is no header of its own)
    if (i > 0 && free(seq[i - 1]) && (counts(i - 1) || v.staffingOtherColumns.test(key(i - 1)) || v.staffingGroup.test(key(i - 1)))) continue;
    let j = i;
    const group = v.staffingGroup.test(key(j)) ? seq[j++] : null;
    const first = j;
    const head: Line[] = [];
    while (j < seq.length && free(seq[j]) && (counts(j) || v.staffingOtherColumns.test(key(j)))) head.push(seq[j++]);
    let counted = 0, anchored = false;
    for (let k = first; k < j; k++) if (counts(k)) counted++;
    for (let k = first; k < j && !anchored; k++) anchored = anchors(k);
    if (counted < 2 || !anchored) continue;
    if (j + head.length > seq.length) continue;
    const vals = seq.slice(j, j + head.length);
    // (a head count naming no field of the record's, 实有人数, holds a count too; only a rate's word, 控制率, a rate)
    const fits = vals.every((l, k) => free(l) && (counts(first + k) || !/率/.test(key(first + k)) ? COUNT : RATE).test(squeeze(l.text)));
    const next = seq[j + head.length];
    if (!fits || (next && free(next) && FIGURE_LIKE.test(squeeze(next.text)))) continue;
    const cell = (l: Line) => lineCell(text, l);
    const headRow: TableCell[] = head.map(cell);
    const valRow: TableCell[] = vals.map(cell);
    if (group) {
      headRow.unshift(cell(group));
      valRow.unshift({ start: valRow[0].start, end: valRow[0].start, text: '' });
    }
    out.push({ start: (group ?? head[0]).start, end: vals[vals.length - 1].end, rows: [headRow, valRow], origin: 'tsv' });
    i = j + head.length - 1;
  }
  return out;
}
