// Reports pasted as one long line carry their headings inline ("…。二、一般公共预算支出情况（一）基本支出情况2024年…").
// Such lines are cut into virtual lines at each numbered marker that starts a known section title.
import type { KDocument, Line } from '../document.js';
import { compile, loadPatternFile } from '../patterns.js';

const LONG_LINE = 300;
const MARKER = /(?:^|(?<=[。;!?]))\s*(?:[一二三四五六七八九十]{1,3}、|[(][一二三四五六七八九十]{1,3}[)])/g;

interface SectionDef { key: string; match: string }

/** Length of a section title at the start of `s` ('一般公共预算支出情况…' → 10), or 0. */
function titleLength(s: string): number {
  const head = s.slice(0, 40);
  let best = 0;
  for (const sec of loadPatternFile<{ sections: SectionDef[] }>('sections.yaml').sections) {
    const m = compile(`^[^。;,，]{0,12}?(?:${sec.match})(?:情况|分析|概况)?`, '').exec(head);
    if (m && m[0].length > best) best = m[0].length;
  }
  return best;
}

export function splitInlineHeadings(doc: KDocument): void {
  const out: Line[] = [];
  for (const line of doc.lines) {
    const s = doc.norm.slice(line.start, line.end);
    if (s.length < LONG_LINE) {
      out.push(line);
      continue;
    }
    const cuts = new Set<number>();
    let pos = 0;
    const queue = [...s.matchAll(MARKER)].map((m) => m.index! + (m[0].length - m[0].trimStart().length));
    while (queue.length) {
      const at = queue.shift()!;
      if (at < pos) continue;
      const marker = /^(?:[一二三四五六七八九十]{1,3}、|[(][一二三四五六七八九十]{1,3}[)])/.exec(s.slice(at));
      if (!marker) continue;
      const len = titleLength(s.slice(at + marker[0].length));
      if (!len) continue;
      const end = at + marker[0].length + len;
      cuts.add(at);
      cuts.add(end);
      pos = end;
      if (/^(?:[一二三四五六七八九十]{1,3}、|[(][一二三四五六七八九十]{1,3}[)])/.test(s.slice(end))) queue.unshift(end);
    }
    if (!cuts.size) {
      out.push(line);
      continue;
    }
    const points = [0, ...[...cuts].sort((a, b) => a - b), s.length];
    for (let i = 0; i + 1 < points.length; i++) {
      if (points[i + 1] > points[i]) {
        const start = line.start + points[i];
        const end = line.start + points[i + 1];
        out.push({ start, end, text: doc.text.slice(start, end) });
      }
    }
  }
  doc.lines = out;
}
