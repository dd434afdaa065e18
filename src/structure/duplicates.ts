// A file that holds the whole report twice gives one report: later copies of a long run of lines are excluded.
import type { KDocument, Line } from '../document.js';

const MIN_LINES = 10;
const MIN_CHARS = 400;

export function excludeRepeatedCopy(doc: KDocument): void {
  const lines = doc.lines.filter((l) => l.text.trim() !== '');
  const key = (l: Line) => doc.norm.slice(l.start, l.end).replace(/\s+/g, '');
  const keys = lines.map(key);
  const first = new Map<string, number>();
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
      if (k >= MIN_LINES && chars >= MIN_CHARS) {
        doc.excluded.push({ start: lines[i].start, end: lines[i + k - 1].end, reason: 'repeated copy' });
        doc.messages.push({
          ruleId: 'structure.repeated-copy',
          reason: `lines repeating an earlier copy of the report were ignored (${k} lines)`,
          place: { start: lines[i].start, end: lines[i + k - 1].end },
        });
        i += k;
        continue;
      }
    }
    if (!first.has(keys[i])) first.set(keys[i], i);
    i++;
  }
}
