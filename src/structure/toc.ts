// Tables of contents repeat the body's headings: they are excluded so they never become headings.
import type { KDocument } from '../document.js';
import { isExcluded } from '../document.js';
import { classifyLine } from './outline.js';

const PAGE_REF = /(?:\.{2,}|…+|·{2,}|-{3,}|\s)\s*\d{1,3}\s*$/;

export function excludeToc(doc: KDocument): void {
  const lines = doc.lines.filter((l) => l.text.trim() !== '' && !isExcluded(doc, l));
  for (let i = 0; i < lines.length; i++) {
    const isTocTitle = /^目\s*录$/.test(doc.norm.slice(lines[i].start, lines[i].end).trim());
    // a run of heading-like lines with no body between them, whose titles come back later as headings
    let j = isTocTitle ? i + 1 : i;
    const titles: string[] = [];
    while (j < lines.length) {
      const c = classifyLine(doc, lines[j]);
      const text = doc.norm.slice(lines[j].start, lines[j].end);
      if (!c || !c.headingLike) break;
      const t = c.title.replace(PAGE_REF, '').replace(/\s+/g, '');
      if (titles.includes(t)) break;
      if (!isTocTitle && titles.length === 0 && !PAGE_REF.test(text) && !comesBackLater(doc, t, lines[j].end)) break;
      titles.push(t);
      j++;
    }
    const run = j - (isTocTitle ? i + 1 : i);
    const enough = isTocTitle ? run >= 1 : run >= 3 && titles.filter((t) => comesBackLater(doc, t, lines[j - 1].end)).length >= 3;
    if (enough) {
      doc.excluded.push({ start: lines[i].start, end: lines[j - 1].end, reason: 'toc' });
      doc.messages.push({ ruleId: 'structure.toc', reason: `table of contents ignored (${run} lines)`, place: { start: lines[i].start, end: lines[j - 1].end } });
      i = j - 1;
    }
  }
}

function comesBackLater(doc: KDocument, title: string, after: number): boolean {
  if (title.length < 2) return false;
  let rest = '';
  let pos = after;
  for (const x of [...doc.excluded].sort((a, b) => a.start - b.start)) {
    if (x.end <= pos) continue;
    if (x.start > pos) rest += doc.norm.slice(pos, x.start);
    pos = Math.max(pos, x.end);
  }
  rest += doc.norm.slice(pos);
  return rest.replace(/[ \t]+/g, '').includes(title);
}
