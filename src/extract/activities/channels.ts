// 线上开展科普讲座12场，线下开展8场: the other channel's part goes on counting the event the first part names (acts56).
import { compile } from '../../patterns.js';
import type { ActivitiesFile, Found } from './file.js';

/** `before` is the count right before (a comma or 、 between) whose label names a channel and an event (channel_lead or
 *  channel_end: 线上开展科普讲座, 开展线上科普讲座, 开展科普讲座线上); `label` (this count's clause) is only another channel and a bare
 *  holding verb (time_part_verb: 线下开展 | 线下). Returns `before` labelled with this channel and that event (线下开展科普讲座), or
 *  undefined: a clause naming an event of its own, the same channel, another kind of measure or a first part naming no event. */
export function channelSibling(f: ActivitiesFile, before: Found | undefined, label: string, gu: string): Found | undefined {
  // (events only: people by a channel joined by 、 keep their own words, acts53's channelJoined — 参与人数线上1.2万人次、线下3000人次)
  if (!before || !f.channel_lead || !f.channel_end || !f.time_part_verb || before.rule !== 'activities.count' || !f.glued_units.events.includes(gu)) return undefined;
  const kind = (u: string) => f.part_units?.[u] ?? u;
  if (kind(before.item.unit) !== kind(gu)) return undefined;
  const own = compile(f.channel_lead, '').exec(label.replace(/\s+/g, ''));
  const verb = compile(f.time_part_verb, '');
  if (!own?.groups || own.groups.verb || !verb.test(label.replace(/\s+/g, '').slice(own[0].length))) return undefined;
  const prior = before.item.label;
  const lead = compile(f.channel_lead, '').exec(prior);
  const end = lead ? null : compile(f.channel_end, '').exec(prior);
  const channel = lead?.groups?.channel ?? end?.groups?.channel;
  if (!channel || channel === own.groups.channel) return undefined;
  const event = lead ? (lead.groups!.verb ?? '') + prior.slice(lead[0].length) : prior.slice(0, end!.index);
  // (线上开展12场，线下开展8场: a first part naming no event gives none to go on with)
  if (verb.test(event)) return undefined;
  const named = lead ? own.groups.channel + event : event + own.groups.channel;
  return { ...before, item: { ...before.item, label: named } };
}
