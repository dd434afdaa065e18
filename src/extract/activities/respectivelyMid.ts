// 上半年、下半年分别开展科普讲座12场、18场 | 在城关镇、河口镇分别举办科普讲座3场、5场 | 分别在城关镇、河口镇举办…: parts named
// before 分别 (or after 分别在) and the work after it, one count each. The first count alone, labelled with every part, was read
// as the whole (12 of 30); each count is its part's work, labelled with the work, when the parts are as many as the counts and
// are parts of the year, online/offline or the places the unit held them in (在…); any other parts (bodies: 县科协、县科技馆分别
// 举办… — whose count is whose cannot be told) or another number of counts give none (decided, session 47).
import type { KDocument, Span } from '../../document.js';
import { compile } from '../../patterns.js';
import type { ActivitiesFile } from './file.js';

export interface MidParts {
  /** the parts before 分别 (or after 分别在), split at 、和及与 */
  parts: string[];
  /** the work after 分别 (its verb and event): every count's label */
  work: string;
  /** whether the parts are of a kind whose counts are each the unit's */
  safe: boolean;
}

/** The parts and the work of a label with 分别 inside it, or null (a label ending or opening with 分别 is not this). */
export function respectivelyMid(doc: KDocument, f: ActivitiesFile, labelSpan: Span): MidParts | null {
  if (!f.respectively_mid || !f.respectively_mid_at || !f.respectively_part || !f.respectively_place) return null;
  const raw = doc.norm.slice(labelSpan.start, labelSpan.end).replace(/\s+/g, '');
  if (!raw.includes('分别')) return null;
  const m = compile(f.respectively_mid_at, '').exec(raw) ?? compile(f.respectively_mid, '').exec(raw);
  if (!m?.groups) return null;
  const at = m.groups.at !== undefined;
  // (not strip_prefix: it takes a part of the year opening the label, 上半年 of 上半年、下半年)
  let text = m.groups.parts.replace(/^(?:全年|今年|本年度?|年内|其中|同时|此外|另外|累计|共)+/, '');
  const placed = at || /^在/.test(text);
  text = text.replace(/^在/, '');
  const parts = text.split(/[、和及与]/).filter((x) => x);
  if (parts.length < 2) return null;
  const part = compile(f.respectively_part, '');
  const place = compile(f.respectively_place, '');
  const safe = parts.every((x) => part.test(x)) || (placed && parts.every((x) => place.test(x)));
  return { parts, work: m.groups.work, safe };
}
