// 现有干部职工6人（其中行政编制4人，事业编制1人，工勤编制1人）: a head count by its other words is the staff in service only when its
// parts are all kinds of the establishment adding up to it (patterns/staffing.yaml head_count_parts, head_count_part; session 51).
import type { KDocument, Span } from '../document.js';
import { compile } from '../patterns.js';
import { toCount } from '../normalise/numbers.js';

export const HEAD_COUNT_RULE = 'staffing.in-service.head-count-parts';

/** True when the parts after the head count (ending at `span.end`) are each one kind of the establishment with its count and
 *  they sum to `value` (no part left over, none of hired or other staff). */
export function headCountAddsUp(doc: KDocument, file: { head_count_parts?: string; head_count_part?: string }, span: Span, value: unknown): boolean {
  if (!file.head_count_parts || !file.head_count_part || typeof value !== 'number') return false;
  const m = compile(file.head_count_parts, '').exec(doc.norm.slice(span.end, span.end + 120));
  const parts = m?.groups?.parts?.split(/[、，,;；]|和|及/);
  if (!parts || parts.length < 2) return false;
  const part = compile(file.head_count_part, '');
  let sum = 0;
  for (const p of parts) {
    const n = part.exec(p)?.groups?.num;
    const c = n ? toCount(n, '') : null;
    if (c === null) return false;
    sum += c;
  }
  return sum === value;
}
