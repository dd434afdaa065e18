// Whose count it is: the unit's own work, or a body it guides, joins or names (societies, schools, a museum).
import type { KDocument } from '../../document.js';
import { compile } from '../../patterns.js';
import { matches, otherPlace, unitLevel, unitName } from '../engine.js';
import { carriedTopicStart } from '../topicCarry.js';
import { BOUNDARY } from './clauses.js';
import type { ActivitiesFile } from './file.js';

// a clause that is only 和/以及/及/与 (…6次科普讲座，和3次科普展览)
export const JOINER_CLAUSE = /^\s*(?:以及|和|及|与)\s*$/;
// an earlier count and its measure word joined to the next by 、/和/及/与 (开展党组理论学习12次、): group 1 the earlier part
export const EARLIER_COUNT = /^(.*(?:\d|[一二三四五六七八九十百千两])\s*(?:余|多)?\s*(?:场次|场|期次|期|次))\s*(?:、|以及|和|及|与)\s*/;
/** 开展党组理论学习12次、科普讲座3次: the label holds an earlier count of the unit's own work (own_work_label) joined to this
 *  one, and only that earlier part trips not_label. */
export function afterOwnWork(f: ActivitiesFile, label: string): boolean {
  if (!f.own_work_label) return false;
  const m = EARLIER_COUNT.exec(label);
  if (!m || /\d/.test(label.slice(m[0].length))) return false;
  const earlier = m[1], rest = label.slice(m[0].length);
  const notLabel = compile(f.not_label, '');
  return rest.length > 0 && compile(f.own_work_label, '').test(earlier) && !notLabel.test(rest) && !notLabel.test(earlier.replace(compile(f.own_work_label, 'g'), ''));
}
/** 召开党组会议4次和: the label is only an earlier count of the unit's own work and a joiner, nothing of its own. */
export function ownCountOnly(f: ActivitiesFile, label: string): boolean {
  if (!f.own_work_label) return false;
  const m = EARLIER_COUNT.exec(label);
  return !!m && m[0].length === label.length && compile(f.own_work_label, '').test(m[1]) && !/\d/.test(m[1].replace(/\d+\s*(?:余|多)?\s*(?:场次|场|期次|期|次)$/, ''));
}
/** The label without the unit named as its doer (label_subject, at the unit's own level) and a partner clause after it
 *  (label_partner): 我会联合县级学会在全县开展集中示范活动 → 开展集中示范活动. Unchanged when under two characters would be left. */
export function trimDoer(f: ActivitiesFile, level: string, label: string): string {
  let out = label;
  const s = f.label_subject ? compile(f.label_subject, '').exec(out) : null;
  if (s && (!s.groups?.level || s.groups.level === level)) out = out.slice(s[0].length).replace(compile(f.strip_prefix, ''), '');
  const p = f.label_partner ? compile(f.label_partner, '').exec(out) : null;
  if (p) out = out.slice(p[0].length);
  const a = f.label_adverb ? compile(f.label_adverb, '').exec(out) : null;
  if (a) out = a.groups!.head + out.slice(a[0].length);
  return out.length >= 2 ? out : label;
}
/** The report's title or unit names this body (科技馆: a 科技馆's own report, or a 科协's report on the 科技馆's fund). */
function reportNames(doc: KDocument, body: string): boolean {
  const title = doc.facts.find((x) => x.path === '/meta/title')?.value;
  return [typeof title === 'string' ? title : '', unitName(doc) ?? ''].some((t) => t.includes(body));
}
/** The text states that the department includes this body (市科协（含市科技馆）…, 本部门决算包括市科协本级和所属市科技馆): see
 *  museum_included. Found once per document. */
const included = new WeakMap<KDocument, Set<string>>();
// (含市科学技术馆 … 市科技馆接待…: one body, its name written out or short)
const museumWord = (w: string) => w.replace('科学技术馆', '科技馆');
function departmentIncludes(doc: KDocument, f: ActivitiesFile, body: string): boolean {
  let bodies = included.get(doc);
  if (!bodies) {
    bodies = new Set<string>();
    if (f.museum_included) for (const m of matches(doc, f.museum_included)) bodies.add(museumWord(m.m.groups!.museum));
    // (部门（含所属单位）… 所属单位为县科技馆: the subordinates included by their common word, the museum named as one of them
    // elsewhere; session 46)
    if (f.subordinates_included && f.subordinate_museum && matches(doc, f.subordinates_included).next().done === false) for (const m of matches(doc, f.subordinate_museum)) bodies.add(museumWord(m.m.groups!.museum));
    included.set(doc, bodies);
  }
  return bodies.has(museumWord(body));
}
/** In a society's own report (its name ends in 学会/研究会/协会, or a town's or street's 科协, see own_society): the length of `clause`'s head naming it — its
 *  name, a tail of it ending in its kind (省农学会, 学会) or 本学会, after a clause's lead —, or -1. */
function ownSocietyHead(doc: KDocument, f: ActivitiesFile, clause: string): number {
  const full = unitName(doc);
  if (!full || !f.own_society || !f.own_society_lead || !f.own_society_not) return -1;
  const lead = compile(f.own_society_lead, '').exec(clause)?.[0].length ?? 0;
  const rest = clause.slice(lead);
  // (a town's 科协 as its name or written short: 青山镇科学技术协会 | 镇科协)
  for (const name of new Set([full, full.replace(/科学技术协会$/, '科协')])) {
    const kind = compile(f.own_society, '').exec(name);
    if (!kind) continue;
    for (let i = 0; i <= name.length - kind[0].length; i++) {
      if (rest.startsWith(name.slice(i))) return compile(f.own_society_not, '').test(rest.slice(name.length - i)) ? -1 : lead + name.length - i;
    }
  }
  return -1;
}
const ownSociety = (doc: KDocument, f: ActivitiesFile, clause: string) => ownSocietyHead(doc, f, clause) >= 0;
/** 省农学会举办学术年会 in the society's own report: the unit as the doer is no word of the work, as 县科协 is (trimDoer). */
export function trimOwnSociety(doc: KDocument, f: ActivitiesFile, label: string): string {
  const head = ownSocietyHead(doc, f, label);
  if (head < 0) return label;
  const out = label.slice(head).replace(compile(f.strip_prefix, ''), '');
  return out.length >= 2 ? out : label;
}
/** A clause of the sentence before `at` opens with another body as the subject of the counted work (see other_subject),
 *  and no later clause before `at` opens with the unit itself (unit_subject). */
export function otherSubject(doc: KDocument, f: ActivitiesFile, level: string, from: number, at: number): boolean {
  if (!f.other_subject || !f.unit_subject) return false;
  const other = compile(f.other_subject, '');
  const self = compile(f.unit_subject, '');
  const guided = compile(f.guided_body ?? '(?!)', '');
  const placeTotal = compile(f.place_subject ?? '(?!)', '');
  const ownVerb = compile(f.guided_own_verb ?? '(?!)', '');
  let guidedOn = false;
  const higher = level && f.higher_place?.[level] ? compile(f.higher_place[level], '') : null;
  // 其中我县承办8场: the unit's place doing the work (by the unit's level only)
  const place = f.unit_place ? compile(f.unit_place, '') : null;
  let theirs = false;
  // (a museum's or centre's own report: a 科协 named by its level, 县科协组织开展全国科普日活动12场, is its parent, another body;
  // so in any report whose unit is no level's 科协 — a street's 科协, 县老科协, a 学会, a bureau naming none —, hunta51)
  const name = unitName(doc);
  const notSociety = !!name && ((!!f.museum_unit && compile(f.museum_unit, '').test(name)) || (level === '' && !/^(?:科协|科学技术协会)$/.test(name)));
  // (the clauses within 500 characters before it, as for the multi-year words: a run of text without stops is no sentence)
  // (县科技馆单独核算。全年开展科普活动20场: the body the topic of the sentence before, of its own)
  let s = carriedTopicStart(doc, from) ?? from;
  if (at - from > 500) {
    s = at - 500;
    while (s < at && !BOUNDARY.has(doc.norm[s - 1])) s++;
  }
  const visit = (text: string): void => {
    const o = other.exec(text);
    // another level's 科协: another body when the unit's level is known and differs, or it works in the unit's place
    // (a science museum or centre as the subject is another body, unless the report is its own or its fund's: the title names it)
    // (nor when the text says the department includes it: 市科协（含市科技馆）, its work is the department's as its money is)
    const museum = o?.groups?.museum ? !reportNames(doc, o.groups.museum) && !departmentIncludes(doc, f, o.groups.museum) : true;
    // (a named town or street is another body, but not in its own 科协's report: 东湖街道开展… under 东湖街道科协's title)
    const town = o?.groups?.town ? !reportNames(doc, o.groups.town) : true;
    // (县科技局组织开展… in the report of 东岭县科学技术局（县科学技术协会）: the bureau the unit is; hunta54)
    const bureau = !!o && ownBureauNamed(name, o[0]);
    // (市科协机关和市科技馆共开展…: the unit and the museum summed, see joint_museum)
    const j = f.joint_museum ? compile(f.joint_museum, '').exec(text) : null;
    // (县科协指导各学会开展…64次，参会人员2000人次: the guided bodies' work and its people; a later clause with a verb of its own,
    // …，举办讲座12场, has the unit for its subject again: see guided_body)
    const guides = guided.test(text);
    if (guides) guidedOn = true;
    else if (guidedOn && ownVerb.test(text)) guidedOn = false;
    if (ownSociety(doc, f, text)) {
      theirs = false;
      // (学会指导各专委会开展… | 镇科协指导各村科协开展…: the unit guiding names the guided bodies' work, as for the unit below)
      if (!guides) guidedOn = false;
    } else if (j && !reportNames(doc, j.groups!.museum) && !departmentIncludes(doc, f, j.groups!.museum)) theirs = true;
    else if ((o && museum && town && !bureau && (!o.groups?.level || /中国|全国|上级/.test(o.groups.level) || o.groups.here || (level !== '' && o.groups.level !== level) || (!!o.groups.place && otherPlace(doc, o.groups.place)) || (notSociety && !!o.groups?.level))) || higher?.test(text)) theirs = true;
    else {
      const u = self.exec(text) ?? (level && place ? place.exec(text) : null);
      if (u && (!u.groups?.level || u.groups.level === level)) {
        theirs = false;
        if (!guides) guidedOn = false;
      }
    }
  };
  while (s < at) {
    let e = s;
    while (e < at && !BOUNDARY.has(doc.norm[e])) e++;
    // (both patterns are anchored and short: 200 characters hold any match)
    visit(doc.norm.slice(s, Math.min(at, s + 200)));
    // (开展科普活动320场（其中市科技馆开展200场）: a share in brackets opening with 其中 is a clause of its own, its doer
    // another body's as after a comma; session 45)
    for (let b = s; b < e; b++) {
      const ch = doc.norm[b];
      // (…30场（其中东岭县举办10场），受益群众5000人次: a place named bare is where a part of the unit's total was held, the
      // reach after the bracket the total's, barePlace — not in a place's total, 全市开展…（其中东岭县举办…）; hunta54)
      if ((ch === '（' || ch === '(') && doc.norm.startsWith('其中', b + 1) && (placeTotal.test(doc.norm.slice(s, b)) || !barePlace(f, doc.norm.slice(b + 1, Math.min(at, b + 201))))) visit(doc.norm.slice(b + 1, Math.min(at, b + 201)));
    }
    s = e + 1;
  }
  return theirs || guidedOn;
}
/** `said` (another body's clause, other_subject) names the bureau that is the unit (`name` ending in 局: 东岭县科学技术局, a 科协 merged
 *  into it) by its kind, in full or short, or as 我局/本局: 县科技局, 科学技术局 (hunta54). Not another bureau (县财政局), nor one of
 *  another place (南溪县科技局). */
function ownBureauNamed(name: string | null, said: string): boolean {
  const kind = name ? /[省市州盟县区旗]([^省市州盟县区旗]{1,6})局$/.exec(name)?.[1] : undefined;
  // (我局开展…: the unit naming itself)
  if (kind && /[我本]局/.test(said)) return true;
  const word = kind ? [kind, kind.replace('科学技术', '科技')].find((k) => said.includes(`${k}局`)) : undefined;
  // (南溪县科技局开展… in 东岭县科学技术局's report: a place before its level that the unit's name does not hold is another's)
  const place = word ? /([\u4e00-\u9fa5]{2,4})[省市州盟县区旗]$/.exec(said.slice(0, said.indexOf(`${word}局`)))?.[1] : undefined;
  return !!word && (!place || name!.includes(place));
}
/** 其中各专委会开展20场: a clause whose doer is the unit's own branches or committees (branch_share), which file nothing of their
 *  own: their share is a part of the unit's total, no other body's splitting it (session 46). */
export const branchShare = (f: ActivitiesFile, clause: string) => !!f.branch_share && compile(f.branch_share, '').test(clause);
/** 其中东岭县举办10场: the clause's other body (other_subject) is only a place named by its own name, no 科协 after it — where a
 *  part of the unit's own total was held, no body splitting it (hunta54; a place's total, 全市…，其中东岭县举办…, is split). */
export function barePlace(f: ActivitiesFile, clause: string): boolean {
  const o = compile(f.other_subject!, '').exec(clause);
  const named = o?.groups?.place && o.groups.level ? o.groups.place + o.groups.level : '';
  return !!named && !/^(?:科协|科学技术协会)/.test(o![0].slice(o![0].indexOf(named) + named.length));
}
/** A share's clause names another body splitting the total (other_subject): not the unit's own branches (branchShare), nor,
 *  in a total that is no place's (`placeTotal` false), a place named bare (barePlace). */
export const otherShare = (f: ActivitiesFile, clause: string, placeTotal: boolean) => compile(f.other_subject!, '').test(clause) && !branchShare(f, clause) && (placeTotal || !barePlace(f, clause));
/** A clause in [from, to) opens with the unit or another body as the doer (其中县科协组织12场, 乡镇科协组织8场); with `ofKind`, only
 *  a clause it accepts (a share counting what the total counts); `placeTotal`: the total is a place's (otherShare). */
export function namesBody(doc: KDocument, f: ActivitiesFile, from: number, to: number, placeTotal: boolean, ofKind?: (clause: string) => boolean): boolean {
  const self = compile(f.unit_subject!, '');
  let s = from;
  while (s < to) {
    let e = s;
    while (e < to && !BOUNDARY.has(doc.norm[e])) e++;
    // (（其中市科技馆开展200场）: a share in brackets opening with 其中 is a clause too)
    const clause = doc.norm.slice(s, e).replace(/^[（(](?=其中)/, '');
    if (ofKind && !ofKind(clause)) {
      s = e + 1;
      continue;
    }
    // (其中各专委会开展20场: the unit's own branches split nothing, nor a place named bare, otherShare)
    if (self.test(clause) || otherShare(f, clause, placeTotal)) return true;
    // (其中县本级20场 | 其中各县市区74场次: a share that is only its doer, no verb; session 49)
    const head = SHARE_HEAD.exec(clause);
    if (head && bareDoer(f, head[1], unitLevel(doc)) !== null) return true;
    s = e + 1;
  }
  return false;
}
// the words of a clause before its count of events (其中县本级20场 → 其中县本级)
const SHARE_HEAD = /^(.*?)(?:\d|[一二三四五六七八九十百两]+\s*(?:余|多)?\s*(?:场次|场|期次|期|班次|次))/;
/** The words of a share's clause before its count (`head`) that are only its doer, no verb: 'self' for the unit's own level
 *  (其中市本级12场次 in a city's report, 其中本级20场: own_level), 'other' for a named town (place_only), the bodies below the unit
 *  by their common word (各县市区74场次, 县区科协…: bare_body) or another level's 本级; null for anything else (an event, a verb). */
export function bareDoer(f: ActivitiesFile, head: string, level: string | null): 'self' | 'other' | null {
  // (其中 and the like stripped first: place_only's lead is optional, 其中乡镇 would read as a town 其中乡)
  const h = head.replace(/[\s\d.一二三四五六七八九十百千两]+$/, '').replace(/\s+/g, '').replace(/(?:共计|共|合计)$/, '').replace(/^(?:其中|同时|此外|另外)[:：，,]?/, '');
  if (!h) return null;
  const own = f.own_level ? compile(f.own_level, '').exec(h) : null;
  if (own) return !own.groups?.level || own.groups.level === level ? 'self' : 'other';
  if (f.place_only && compile(f.place_only, '').test(h)) return 'other';
  if (f.bare_body && compile(f.bare_body, '').test(h)) return 'other';
  return null;
}
