// A table of contents of unnumbered titles in a report pasted on one line (…报告目录部门概况……1部门整体支出绩效情况……2…,
// or spaced: …报告 目录 部门概况 部门整体支出绩效情况 存在的问题 改进措施 部门概况 县科协核定…). No marker opens its
// entries or the body's titles, so the numbered cuts (inline.ts) find none; the contents itself names the titles.
import { compile, loadPatternFile } from '../patterns.js';

const TOC_WORD = /目[ \t\u3000]*录/g;
// an entry: words only (a title), then its page number after a leader or a wide space, or a space (no page numbers)
const ENTRY = /^[ \t\u3000]*([\u4e00-\u9fa5、“”"（）()]{2,30}?)(?:[ \t\u3000]*(?:\.{2,}|…+|·{2,}|[ \t\u3000])[ \t\u3000]*\d{1,3}(?![\d.．])|(?=[ \t\u3000]))/;
const MIN_ENTRIES = 3;
const NUMBERED = /^(?:[一二三四五六七八九十]{1,3}、|第[一二三四五六七八九十]{1,3}[部章])/;

/** Cut points of a table of contents of unnumbered titles on `s` and of the body's titles it lists: each entry a line of
 *  its own (its page number with it), and each title where the body states it, in the contents' order, right after a
 *  sentence's end or a space. Only when the body's first title comes back right after the last entry (the contents'
 *  whole point): a run of words that never comes back is no contents. */
export function plainTocCuts(s: string): number[] {
  const notBefore = compile(loadPatternFile<{ inline_glued_not_before: string }>('headings.yaml').inline_glued_not_before, '');
  for (const t of s.matchAll(TOC_WORD)) {
    const entries: { at: number; title: string }[] = [];
    let at = t.index + t[0].length;
    for (let m = ENTRY.exec(s.slice(at)); m; m = ENTRY.exec(s.slice(at))) {
      const title = m[1];
      const start = at + m[0].length - m[0].trimStart().length;
      // (the first title again: the body, glued to its text too, whose figure may pass for a page number: 部门概况县科协核定编制 6 名)
      if (entries.length && title.startsWith(entries[0].title)) break;
      entries.push({ at: start, title });
      at += m[0].length;
    }
    // (the body's first title right after the last entry, glued to its text or before a space)
    const body = at + (s.slice(at).length - s.slice(at).trimStart().length);
    // (numbered entries, 一、部门概况, are inline.ts's: their markers cut them)
    if (entries.length < MIN_ENTRIES || NUMBERED.test(entries[0].title) || !s.startsWith(entries[0].title, body)) continue;
    const cuts = [t.index, t.index + t[0].length, ...entries.map((e) => e.at), body, body + entries[0].title.length];
    // the other titles in the body, in the contents' order: after a sentence's end or a space, not the subject of a
    // sentence saying how it went (部门整体支出绩效情况良好，…)
    let from = body + entries[0].title.length;
    for (const e of entries.slice(1)) {
      const re = new RegExp(`(?<=[。！？；!?;]|[ \\t\\u3000])[ \\t\\u3000]*${e.title.replace(/[()（）“”"]/g, '\\$&')}`, 'g');
      re.lastIndex = from;
      const m = re.exec(s);
      if (!m) continue;
      const end = m.index + m[0].length;
      if (notBefore.test(s.slice(end))) continue;
      cuts.push(m.index + m[0].length - e.title.length, end);
      from = end;
    }
    return cuts;
  }
  return [];
}
