// A portal page copied as text (select all, paste) keeps the site's footer under the report: 主办单位, 地址, 联系电话,
// 版权所有, ICP备. The HTML reader drops it (src/read/html.ts footerClass); a text copy's lines are told the same way: the run
// of footer lines closing the text, holding at least one sure one (版权所有, ICP备, 网站标识码), is page furniture — its
// 联系电话 is the portal's, never the report's phone, its 主办单位 no unit (session 46).
import type { KDocument } from '../document.js';
import { footerClass } from '../read/html.js';

const SITE_LINE = /主办|承办|协办|主管|运营|运维|维护|技术支持|网站|关于我们|联系我们/;

export function excludeSiteFooter(doc: KDocument): void {
  const lines = doc.lines;
  let i = lines.length - 1;
  while (i >= 0 && !lines[i].text.trim()) i--;
  const end = i;
  let strong = false;
  for (; i >= 0; i--) {
    const t = doc.norm.slice(lines[i].start, lines[i].end).trim();
    if (!t) continue;
    const c = footerClass(t);
    if (!c) break;
    strong ||= c === 'strong';
  }
  if (!strong || end < 0) return;
  // (the run opens with the site's own line: a contact line above it, 联系电话：X alone after the report's signature, may be
  // the report's and stays)
  let start = i + 1;
  const own = (k: number) => {
    const t = doc.norm.slice(lines[k].start, lines[k].end).trim();
    return !!t && (footerClass(t) === 'strong' || SITE_LINE.test(t));
  };
  while (start <= end && !own(start)) start++;
  if (start > end) return;
  doc.excluded.push({ start: lines[start].start, end: lines[end].end, reason: 'page furniture' });
  doc.messages.push({ ruleId: 'structure.site-footer', reason: 'a portal page\'s site footer ignored', place: { start: lines[start].start, end: lines[end].end } });
}
