// Reports pasted as one long line carry their headings inline ("…。二、一般公共预算支出情况（一）基本支出情况2024年…").
// Such lines are cut into virtual lines at each numbered marker that starts a heading, and before a closing
// signature (unit name and date), so the heading and list stages see them as lines.
import type { KDocument, Line } from '../document.js';
import { compile, loadPatternFile } from '../patterns.js';

// a shorter line is one paragraph, not a report pasted on one line
const LONG_LINE = 120;
// (after a sentence, a half-width stop typed for 。 (…集中支出.(二)改进措施), a space, or the title's last word: …自评报告一、部门概况)
const MARKER = /(?:^|(?<=[。;!?\s]|(?<!\d)\.|报告))(?:[一二三四五六七八九十]{1,3}、|[(][一二三四五六七八九十]{1,3}[)]|\d{1,2}\.(?!\d))/g;
// (right after a heading's title: a sub-heading's (一); not 1., whose run-in title would cut an item's sentence:
// 三、改进措施1.积极争取财政支持。加大投入；2.…)
const SUB_MARKER = /^[(][一二三四五六七八九十]{1,3}[)]/;

const SUB_INSIDE = /[(][一二三四五六七八九十]{1,3}[)]|(?<=[\u4e00-\u9fa5])\d{1,2}\.(?!\d)/;

interface SectionDef { key: string; match: string }
const headings = () => loadPatternFile<{ inline_title_end: string; inline_glued_end: string; inline_title_tail: string; inline_signature_tail: string; inline_closing_fields: string }>('headings.yaml');

function isSectionTitle(s: string): boolean {
  return loadPatternFile<{ sections: SectionDef[] }>('sections.yaml').sections.some((sec) => compile(sec.match, '').test(s));
}

/** Length of the heading title after a marker at the start of `s`, or 0 when it is not a heading. `series`: the
 *  line numbers its (一)/(二) markers in sequence, so a short topic title before a space is a sub-heading too. */
function titleLength(s: string, arabic: boolean, series = false): number {
  if (arabic) {
    // 1.科普活动。开展… — a short run-in title
    const m = /^[^。;,，\s]{2,15}。/.exec(s);
    return m ? m[0].length : 0;
  }
  const word = /^[^\s。;]{2,30}(?=\s)/.exec(s);
  if (word && isSectionTitle(word[0])) return word[0].length;
  // (一)科普活动 全年开展… | (二)青少年科技教育 组织… — a topic title, when (一) and (二) both open one
  if (series && word && word[0].length <= 12 && !/[，,:：、\d“”"]/.test(word[0])) return word[0].length;
  // a short title before a space that ends like a heading (二、部门整体支出情况 2022年…)
  if (word && word[0].length <= 20 && !/[，,:：]/.test(word[0]) && compile(headings().inline_title_end, '').test(word[0])) return word[0].length;
  // no space after the title: take the section phrase itself
  let best = 0;
  // (a title stops at a sub-heading's marker glued after it: 三、问题及建议（一）存在问题：… is 问题及建议, then （一）)
  const sub = SUB_INSIDE.exec(s.slice(0, 40));
  const head = s.slice(0, sub && sub.index > 0 ? sub.index : 40);
  for (const sec of loadPatternFile<{ sections: SectionDef[] }>('sections.yaml').sections) {
    const m = compile(`^[^。;,，\\s]{0,12}?(?:${sec.match})${headings().inline_title_tail}`, '').exec(head);
    if (m && m[0].length > best) best = m[0].length;
  }
  if (best) return best;
  // else a short title ending like a heading, then the text (二、部门整体支出情况2022年…, 一、部门概况县科协…)
  const glued = compile(`^[^。;,，:：\\s“”"]{2,16}?(?:${headings().inline_glued_end})(?=\\d|[\\u4e00-\\u9fa5])`, '').exec(s);
  return glued ? glued[0].length : 0;
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
    const series = /(?:^|[。;!?\s])[(]一[)]\S{2,12}\s/.test(s) && /(?:^|[。;!?\s])[(]二[)]\S{2,12}\s/.test(s);
    const ends: number[] = [];
    for (const m of s.matchAll(MARKER)) {
      const at = m.index!;
      const len = titleLength(s.slice(at + m[0].length), /^\d/.test(m[0]), series && m[0].startsWith('('));
      if (!len) continue;
      cuts.add(at);
      cuts.add(at + m[0].length + len);
      ends.push(at + m[0].length + len);
    }
    // a sub-heading's marker right after a heading's title (四、存在的问题及改进措施（一）存在的问题：A。), no sentence's end before it
    for (let k = 0; k < ends.length; k++) {
      const m = SUB_MARKER.exec(s.slice(ends[k], ends[k] + 8));
      if (!m || cuts.has(ends[k] + m[0].length)) continue;
      const len = titleLength(s.slice(ends[k] + m[0].length), false, series);
      if (!len) continue;
      cuts.add(ends[k] + m[0].length + len);
      ends.push(ends[k] + m[0].length + len);
    }
    // the closing signature and a form's fields after the last sentence (headings.yaml, beside closing_line)
    const tail = compile(headings().inline_signature_tail, '').exec(s);
    if (tail) cuts.add(tail.index);
    const form = compile(headings().inline_closing_fields, '').exec(s.slice(-200));
    if (form) cuts.add(s.length - Math.min(200, s.length) + form.index);
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
