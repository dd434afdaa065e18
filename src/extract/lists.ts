// problems[] and improvements[]: the list items of those sections, as plain strings.
import type { Heading, KDocument, Span } from '../document.js';
import { isExcluded } from '../document.js';
import { cleanValue } from '../normalise/fold.js';

const ITEM_MARKER = /^\s*(?:[一二三四五六七八九十]+是|[一二三四五六七八九十]{1,3}[、.]|[(（][一二三四五六七八九十\d]{1,3}[)）][、.]?|\d{1,2}(?:[、．]|\.(?!\d))|[①②③④⑤⑥⑦⑧⑨⑩])\s*/;
// a signature block after the last section: the unit's name, a date
const SIGNATURE = /^(?:[\u4e00-\u9fa5]{2,30}(?:协会|科协|科技馆|中心|学会)\s*(?:\d{4}|[〇零一二三四五六七八九]{4})\s*年.{1,6}日|(?:填\s*[报表]\s*人|联\s*系\s*人|联系电话|填报日期|单位负责人|负责人)[:：].*|[\u4e00-\u9fa5]{2,30}(?:协会|科协|科技馆|中心|学会|局)|(?:\d{4}|[〇零一二三四五六七八九]{4})\s*年\s*[\d一二三四五六七八九十]{1,2}\s*月\s*[\d一二三四五六七八九十]{1,3}\s*日)$/;
const NOTHING = /^\s*(?:无|没有|暂无|无。|不存在)[。.]?\s*$/;

export function extractLists(doc: KDocument): void {
  const problems: { item: string; span: Span; rule: string }[] = [];
  const improvements: { item: string; span: Span; rule: string }[] = [];
  for (const h of doc.headings) {
    if (h.key !== 'problems' && h.key !== 'improvements' && h.key !== 'problems_and_improvements') continue;
    // a combined section split into sub-sections leaves the items to those
    const subs = doc.headings.filter((x) => x.start > h.start && x.start < h.bodyEnd && (x.key === 'problems' || x.key === 'improvements'));
    if (h.key === 'problems_and_improvements' && subs.length) continue;
    const target = h.key === 'improvements' ? improvements : problems;
    target.push(...items(doc, h));
  }
  doc.data.problems = problems;
  doc.data.improvements = improvements;
}

/** The paragraphs of a section's body; a paragraph starting with 一是/1./（一） is one item, and so is an
 *  unnumbered paragraph; sub-headings with run-in titles count as items with their body. */
function items(doc: KDocument, h: Heading): { item: string; span: Span; rule: string }[] {
  const out: { item: string; span: Span; rule: string }[] = [];
  const headingStarts = new Set(doc.headings.filter((x) => x !== h).map((x) => x.start));
  for (const line of doc.lines) {
    if (line.start < h.end || line.start >= h.bodyEnd || isExcluded(doc, line)) continue;
    const raw = doc.norm.slice(line.start, line.end);
    if (!raw.trim()) continue;
    // a sub-heading that is only a title (no run-in text) is a label, not an item
    const isHeading = [...headingStarts].some((s) => s >= line.start && s < line.end);
    const trimmed = raw.trim();
    if (isHeading && !/[。;]./.test(trimmed) && trimmed.length <= 40) continue;
    if (NOTHING.test(raw) || SIGNATURE.test(trimmed)) continue;
    const lead = raw.length - raw.trimStart().length;
    const m = ITEM_MARKER.exec(raw);
    const start = line.start + (m ? m[0].length : lead);
    const text = cleanValue(doc.display.slice(start, line.end));
    if (!text) continue;
    // inline 一是…二是… in one paragraph stay one item (the paragraph)
    out.push({ item: text, span: { start: line.start + lead, end: line.end }, rule: m ? 'lists.item' : 'lists.paragraph' });
  }
  return out;
}
