// Tables of contents repeat the body's headings: they are excluded so they never become headings.
import type { KDocument } from '../document.js';
import { isExcluded } from '../document.js';
import { classifyLine, forgetClassified, ordinalNumber, partWithTitleBelow } from './outline.js';
import { loadPatternFile, compile } from '../patterns.js';

const PAGE_REF = /(?:\.{2,}|…+|·{2,}|-{3,}|\s)\s*\d{1,3}\s*$/;
const PAGE_ONLY = /^[\s.…·\-—]*\d{1,3}\s*$/;
const SENTENCE_END = /[。；;!?！？]\s*$/;

export function excludeToc(doc: KDocument): void {
  const tableName = (text: string): { title: string; rank: number; ordinal: string } | null => {
    const t = text.trim().replace(PAGE_REF, '');
    for (const m of numbered) {
      const mm = m.re.exec(t);
      if (!mm) continue;
      const title = t.slice(mm[0].length).replace(/\s+/g, '');
      return title && namesTable.some((re) => re.test(title)) ? { title, rank: m.rank, ordinal: mm[0] } : null;
    }
    return null;
  };
  const lines = doc.lines.filter((l) => l.text.trim() !== '' && !isExcluded(doc, l));
  let rest: RestText | null = null;
  // the text after a line, computed once: exclusions this loop adds all lie before the lines it asks about
  // titles of the contents read so far: a later run that meets one again has reached the body (a part's entries naming
  // tables, 一、收入支出决算总表, split the contents into runs)
  const seen = new Set<string>();
  let found = false;
  const cfg = loadPatternFile<{ markers: { regex: string; rank: number }[]; not_heading_below_part: string[] }>('headings.yaml');
  const numbered = cfg.markers.filter((m) => m.rank > 0).map((m) => ({ re: compile(m.regex, ''), rank: m.rank }));
  const namesTable = cfg.not_heading_below_part.map((p) => compile(p, ''));
  const comesBackLater = (title: string, after: number) => title.length >= 2 && (rest ??= restText(doc)).includesAfter(title, after);
  for (let i = 0; i < lines.length; i++) {
    const isTocTitle = /^目\s*录$/.test(doc.norm.slice(lines[i].start, lines[i].end).trim());
    // a run of heading-like lines with no body between them, whose titles come back later as headings
    let j = isTocTitle ? i + 1 : i;
    // 目录 over entries already read as a table (一、部门基本情况⇥1): the next lines are the body's
    if (isTocTitle && i + 1 < lines.length && doc.excluded.some((x) => x.start >= lines[i].end && x.start < lines[i + 1].start)) continue;
    const titles: string[] = [];
    // (the run ended where its first title comes again)
    let firstAgain = false;
    // the last number listed at each rank: one that restarts (一、 after 四、, no part or higher entry between) opens the body,
    // whose first title may be worded otherwise (目录 一、部门基本情况 … 四、名词解释 ⏎ 一、部门（单位）基本情况)
    const last = new Map<number, number>();
    const restarts = (rank: number, ordinal: string | null): boolean => {
      for (const r of [...last.keys()]) if (r > rank) last.delete(r);
      const n = ordinalNumber(ordinal);
      if (n === null) return false;
      const before = last.get(rank);
      last.set(rank, n);
      return before !== undefined && n <= before;
    };
    while (j < lines.length) {
      const text = doc.norm.slice(lines[j].start, lines[j].end);
      // (under 目录, an entry's page number alone on the line after it, as a PDF's text sets a right-aligned number:
      // 第一部分 部门概况⏎3⏎第二部分 …: part of the entry above)
      // (…and with no 目录, a number glued to the entry, 一、部门基本情况3, which the page's line was cut from as a title glued to its
      // text: the run still needs three titles that come back; lists54, before the contents were the headings and the body their text)
      if (titles.length && PAGE_ONLY.test(text)) {
        j++;
        continue;
      }
      // 第二部分 alone on its line over its title (第二部分⏎2022年度部门决算表): one entry of two lines
      const part = isTocTitle || titles.length ? partWithTitleBelow(doc, doc.lines.indexOf(lines[j])) : null;
      if (part) {
        const t = part.candidate.title.replace(PAGE_REF, '').replace(/\s+/g, '');
        if (titles.includes(t) || seen.has(t) || restarts(0, part.candidate.ordinal)) break;
        titles.push(t);
        while (j < lines.length && lines[j].start < part.candidate.end) j++;
        continue;
      }
      // a part's entry naming a table (一、收入支出决算总表……3): no heading, but an entry
      const tableEntry = isTocTitle || titles.length ? tableName(text) : null;
      if (tableEntry !== null) {
        if (titles.includes(tableEntry.title) || seen.has(tableEntry.title) || restarts(tableEntry.rank, tableEntry.ordinal)) break;
        titles.push(tableEntry.title);
        j++;
        continue;
      }
      const c = classifyLine(doc, lines[j]);
      // (a run-in heading, 1.数量指标：开展科普活动…, has its body on its line: no entry of a table of contents; a page number
      // set off by wide spaces, 一、部门基本情况　　　1, is no body)
      // (…, and a line closed as a sentence, 1.宣传形式较为单一。, is a list's item: no entry)
      if (!c || !c.headingLike || (c.runIn && !PAGE_ONLY.test(doc.norm.slice(c.end, lines[j].end))) || SENTENCE_END.test(text)) break;
      let t = c.title.replace(PAGE_REF, '').replace(/\s+/g, '');
      // the title's clean text glues a page number on (部门基本情况 1 → 部门基本情况1): drop it to compare
      const page = PAGE_REF.exec(text)?.[0].replace(/\D/g, '');
      if (page && t.endsWith(page)) t = t.slice(0, -page.length);
      if (titles.includes(t) || seen.has(t) || restarts(c.rank, c.ordinal)) {
        firstAgain = titles[0] === t;
        break;
      }
      if (!isTocTitle && titles.length === 0 && !PAGE_REF.test(text) && !comesBackLater(t, lines[j].end)) break;
      titles.push(t);
      j++;
    }
    const run = j - (isTocTitle ? i + 1 : i);
    // (…or two entries right over the first of them again, 一、部门基本情况 3⏎二、存在的问题 5⏎一、部门基本情况⏎…, both coming back:
    // a short contents; lists54, before its last entry's section ran over the body's first, its text read as that section's)
    const back = titles.filter((t) => comesBackLater(t, lines[j - 1].end)).length;
    const enough = isTocTitle ? run >= 1 : (run >= 3 && back >= 3) || (firstAgain && titles.length === 2 && back === 2);
    if (enough) {
      for (const t of titles) seen.add(t);
      doc.excluded.push({ start: lines[i].start, end: lines[j - 1].end, reason: 'toc' });
      doc.messages.push({ ruleId: 'structure.toc', reason: `table of contents ignored (${run} lines)`, place: { start: lines[i].start, end: lines[j - 1].end } });
      i = j - 1;
      found = true;
    }
  }
  if (found) forgetClassified(doc);
}

interface RestText {
  /** does `title` occur in the text after `after` (excluded regions skipped, spaces and tabs removed)? */
  includesAfter(title: string, after: number): boolean;
}

/** The text outside excluded regions with spaces and tabs removed, and where each offset lands in it. */
function restText(doc: KDocument): RestText {
  const skip = new Uint8Array(doc.norm.length);
  for (const x of doc.excluded) skip.fill(1, x.start, x.end);
  const at = new Int32Array(doc.norm.length + 1);
  let kept = '';
  let from = 0; // start of the pending run of kept characters
  for (let i = 0; i < doc.norm.length; i++) {
    at[i] = kept.length + (i - from);
    const c = doc.norm[i];
    if (skip[i] || c === ' ' || c === '\t') {
      kept += doc.norm.slice(from, i);
      from = i + 1;
    }
  }
  kept += doc.norm.slice(from);
  at[doc.norm.length] = kept.length;
  return { includesAfter: (title, after) => kept.indexOf(title, at[Math.min(after, doc.norm.length)]) >= 0 };
}
