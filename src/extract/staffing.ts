// Staffing counts (patterns/staffing.yaml) and the one derived rule: a sole kind of 编制 is the total.
import type { KDocument, Span } from '../document.js';
import { MAX_BEFORE, matches, otherPlace, runFamily, unitLevel, unitName } from './engine.js';
import { compile, loadPatternFile } from '../patterns.js';
import { staffingTableFacts } from './staffingTable.js';
import { respectivelyFacts } from './staffingRespectively.js';
import { arabicYears, paragraphStart, proseSlice, sentenceAt } from './prose.js';
import { toCount } from '../normalise/numbers.js';
import { HEAD_COUNT_RULE, headCountAddsUp } from './staffingHeadCount.js';

interface StaffingFile { population: string; other_body: string; other_body_unit: string; parent_body: string; parent_body_unit: string; subordinate: string; self_description: string; self_words: string; inclusive: string; sum_open: string; sum_own: string; other_kinds: string; civil_service_kind: string; kind_damaged: string; funding_parts: string; dated_as_of: string; approx_after: string; mixed_after: string; retired_part?: string; year_start?: string; budget_count?: string; department_includes?: string; system?: string; unit_clause?: string; unit_office?: string; same_office?: string; other_level?: string; other_level_off?: string; other_place_bare?: string; office_clause?: string; retired_mixed_after?: string; retired_kind?: string; retired_kind_other?: string; retired_among?: string; internal_office?: string; office_sum?: string; bare_stretch?: string; head_count_parts?: string; head_count_part?: string; on_establishment?: string; population_apart?: string; staff_before?: string }

export function extractStaffing(doc: KDocument): void {
  // (编制数、在职人数、退休人数分别为6人、5人、2人: the listed counts, checked as the patterns' are)
  const all = [...runFamily(doc, 'staffing.yaml'), ...respectivelyFacts(doc)];
  const file = loadPatternFile<StaffingFile>('staffing.yaml');
  const unit = unitName(doc);
  // 科协机关核定编制8名，市科技馆核定事业编制4名: in a 科协's report, counts after a museum named in the sentence are the museum's
  const association = unit !== null && compile(file.other_body_unit, '').test(unit);
  const subordinateUnit = unit !== null && !association && compile(file.parent_body_unit, '').test(unit);
  // 科协机关编制5人，所属科技馆事业编制8人: counts after a subordinate named in the sentence are that body's (县科协为县委直属
  // 群团组织，核定行政编制5名: not when the unit describes itself)
  const sameOffice = file.same_office ? compile(file.same_office, 'g') : /(?!)/g;
  // 县科协机关行政编制4名 in a city's report: another level's 科协 (kept apart: no part of a sum of the department's)
  const level = unitLevel(doc);
  const otherLevel: KDocument['facts'] = [];
  const otherLevelOn = !(unit !== null && file.other_level_off && compile(file.other_level_off, '').test(unit));
  // 本部门决算包括县科协机关和所属县科技馆。县科协机关在职人员6人: the 机关's counts are a part of the department's
  const includes = !!file.department_includes && matches(doc, file.department_includes).next().done === false;
  const officeParts: KDocument['facts'] = [];
  // (the counts dropped as another body's: afterOthers)
  const others = new Set<KDocument['facts'][number]>();
  const other = (f: KDocument['facts'][number]): false => (others.add(f), false);
  // (of them the counts of a museum, a centre or a subordinate: partsOfDepartment)
  const subordinates = new Set<KDocument['facts'][number]>();
  const sub = (f: KDocument['facts'][number]): false => (subordinates.add(f), other(f));
  const facts = all.filter((f) => {
    // 在职人员10人左右 | 退休人员5人以上: an approximation is no count
    if (compile(file.approx_after, 'y').test(doc.norm.slice(f.span.end, f.span.end + 6))) return false;
    // 在职人员6人（含借调1人）: a head count with people who are not the unit's staff is no in-service count
    if (f.path === '/staffing/inService' && compile(file.mixed_after, 'y').test(mixedScope(doc, file, f.span))) return false;
    // 退休人员5人（含遗属1人）: a retired count holding survivors paid an allowance is no retired count
    if (f.path === '/staffing/retired' && file.retired_mixed_after && compile(file.retired_mixed_after, 'y').test(doc.norm.slice(f.span.end, f.span.end + 24))) return false;
    // 退休干部3人，退休工人2人 | 退休人员中，退休干部3人…: one kind of retiree beside another, a part of the retirees (session 49)
    if (f.path === '/staffing/retired' && retiredKindPart(file, doc, f.span)) return false;
    // 现有干部职工6人（其中行政编制4人，…）: read only when its parts are all the establishment's and add up to it
    if (f.rule === HEAD_COUNT_RULE && !headCountAddsUp(doc, file, f.span, f.value)) return false;
    // (在职人员20人（机关9人，科技馆11人），退休人员15人: a body named inside brackets closed before the count names a part of
    // another count, not the subject of the ones after)
    // (市科⏎技馆: a name broken by a wrapped line is read whole)
    // (县科技馆为县科协下属事业单位，县科协核定行政编制5名: the bodies named before a clause opening with the unit are no subject of
    // its counts)
    // (县科协加挂县科技馆牌子，核定编制8名: the unit's office under another name names no other body)
    // (at most MAX_BEFORE characters back: over a run with no sentence end the clause walk was cubic)
    const before = sinceUnitClause(file, unit, proseSlice(doc, Math.max(sentenceAt(doc, f.span.start).start, f.span.start - MAX_BEFORE), f.span.start).replace(CLOSED_BRACKETS, blank).replace(sameOffice, blank));
    // 全县科协系统共有编制25名: the system's counts, not the unit's
    if (file.system && compile(file.system, '').test(before)) return other(f);
    if (association && compile(file.other_body, '').test(before)) return sub(f);
    if (otherLevelNamed(doc, file, level, before, unit, otherLevelOn)) {
      otherLevel.push(f);
      return other(f);
    }
    // 现有会员120人，其中退休人员98人: a count of members or the place's scientists before it, whose part it is
    if (compile(file.population, '').test(before) && !volunteersApart(doc, file, f, before)) return false;
    // 县科协机关核定行政编制4名 in the 科技馆's report: the parent body's counts
    if (subordinateUnit && parentNamed(file, unit, before)) return other(f);
    if (subordinateNamed(file, unit, before)) return sub(f);
    // 其中办公室编制2名，学会部编制2名: an internal office's part, no figure of the unit's
    if (officeShare(file, before + doc.norm.slice(f.span.start, f.span.end))) return false;
    // (its 行政编制 is the department's: a 事业单位 holds none; a figure including the subordinates is the department's)
    if (includes && f.path !== '/staffing/authorizedAdministrative' && officeNamed(file, unit, before) && !compile(file.inclusive, '').test(doc.norm.slice(sentenceAt(doc, f.span.start).start, f.span.start))) {
      officeParts.push(f);
      return false;
    }
    return true;
  });
  // 县科协机关行政编制3名，县科技馆事业编制5名，合计编制8名: a sum of the unit's part and another body's is the department's
  const ownLevel = all.filter((g) => !otherLevel.includes(g));
  // (the 机关's part is the unit's own in a sum of the department's: 县科协机关编制3名，县科技馆编制5名，合计编制8名)
  const kept = officeParts.length ? [...facts, ...officeParts] : facts;
  // (…，合计8名: a bare sum is the department's only in a department stated to include the other body — acts52; see parts-sum)
  const sums = ownLevel.filter((f) => (includes || f.rule !== PARTS_SUM) && sumsParts(doc, file, f, ownLevel, kept));
  facts.push(...sums.filter((f) => !facts.includes(f)));
  for (const f of sums) f.priority = 0;
  // 县科协编制5人，实有5人；所属县科技馆编制8人，实有7人；退休人员4人: decided (session 50), see bare_stretch
  // (after the sums: 县科协机关行政编制3名，县科技馆事业编制5名，合计编制8名；在职人员7人 — the sum is the department's, not another body's)
  if (!includes && others.size && file.bare_stretch) for (let i = facts.length - 1; i >= 0; i--) if (afterOthers(doc, file, all, others, facts[i], facts)) facts.splice(i, 1);
  // 本部门决算包括：县科协本级、县科技馆。县科协核定编制5名，在职5人；县科技馆核定编制8名，在职7人: decided (session 51), the
  // counts given the unit by its name beside the included museum's own are its 机关's part, no figure of the department's
  if (includes && subordinates.size) for (let i = facts.length - 1; i >= 0; i--) if (partOfDepartment(doc, file, unit, facts[i])) facts.splice(i, 1);
  for (const f of all) if (!facts.includes(f)) doc.facts.splice(doc.facts.indexOf(f), 1);
  // 全部门（含直属单位）共有编制48名，在职人员43人: the department's own figures, stated as such, come before the parts'
  // (机关在编16人；科技馆在编22人) named elsewhere (lower priority wins a conflict)
  const inclusive = compile(file.inclusive, '');
  for (const f of facts) if (inclusive.test(doc.norm.slice(sentenceFrom(doc, f.span.start), f.span.start))) f.priority = 0;
  // 截至2022年底，在职人员6人 in a 2023 report: a count dated as of an earlier year yields to a current one (a weak fact: alone,
  // it is still read, as reports often count staff at the end of the year before)
  // (截至2022年底 in a 2024 report: a stale count, not read)
  // (截至2024年3月…6人（2023年末为7人） in a 2023 report: the count at the year's end comes before the later one)
  const later: KDocument['facts'] = [];
  const yearEnd = new Set<string>();
  for (const f of [...facts]) {
    // (截至二〇二二年底: a year in Chinese numerals dates it the same way)
    // (a count in brackets dated by its own words, （2023年末为7人）: its date is inside it)
    const upTo = f.rule.endsWith('.dated-bracket') ? f.span.end : f.span.start;
    const dated = datedEarlier(doc, file, arabicYears(doc.norm.slice(sentenceFrom(doc, f.span.start), upTo)));
    if (dated === 'later') later.push(f);
    else if (dated === 'yearEnd') yearEnd.add(f.path);
    else if (dated === 'earlier') f.priority = 2;
    else if (dated === 'stale') {
      facts.splice(facts.indexOf(f), 1);
      doc.facts.splice(doc.facts.indexOf(f), 1);
    }
  }
  for (const f of later) if (yearEnd.has(f.path)) f.priority = 2;
  // 年初在职人员8人，年末在职人员7人: the count at the year's start is the year before's stock, as an earlier date's
  if (file.year_start) for (const f of facts) if (compile(file.year_start, '').test(doc.norm.slice(Math.max(0, f.span.start - 8), f.span.start))) f.priority = Math.max(f.priority ?? 0, 2);
  // 部门预算在职人员5人，实际在职人员6人: the count the budget assumed yields to one not so named, as the year's start's does
  if (file.budget_count) for (const f of facts) if (/^\/staffing\/(?:inService|retired)$/.test(f.path) && compile(file.budget_count, '').test(doc.norm.slice(Math.max(0, f.span.start - 8), f.span.start))) f.priority = Math.max(f.priority ?? 0, 2);
  dropRestatedPart(doc, file, facts);
  deriveTotal(doc, file, facts);
  // 年末实有人数⇥在职⇥退休 over its counts: where the prose is silent
  staffingTableFacts(doc);
}

/** `before` (a count's sentence up to it) ends with volunteers counted in a clause of their own after a staff count of the unit's
 *  (population_apart, staff_before), and no other population is named before them: they are no whole the count is a part of
 *  (acts55). The staff count is the clause right before theirs, or for a retired count opening a sentence with the volunteers the
 *  end of the sentence before it in its paragraph (acts56). */
function volunteersApart(doc: KDocument, file: StaffingFile, f: KDocument['facts'][number], before: string): boolean {
  const m = file.population_apart && file.staff_before ? compile(file.population_apart, '').exec(before) : null;
  if (!m || compile(file.population, '').test(before.slice(0, m.index))) return false;
  const staff = compile(file.staff_before!, '');
  if (m.index > 0) return staff.test(before.slice(0, m.index));
  if (f.path !== '/staffing/retired') return false;
  const sentence = sentenceAt(doc, f.span.start).start;
  const prior = doc.norm.slice(Math.max(paragraphStart(doc, sentence), sentence - MAX_BEFORE), sentence);
  return staff.test(prior) && !compile(file.population, '').test(prior);
}

/** The text after an in-service count where mixed_after looks for people who are not the unit's staff: 24 characters, or for a
 *  count of the staff on the establishment (on_establishment) only its first clause after it when that opens with a comma (在编人员5人，
 *  其中1名借调至县委办，编外聘用1人: the people off the establishment in the next clause are beside it; acts55). */
function mixedScope(doc: KDocument, file: StaffingFile, span: Span): string {
  const after = doc.norm.slice(span.end, span.end + 24);
  if (!file.on_establishment || !compile(file.on_establishment, '').test(doc.norm.slice(span.start, span.end))) return after;
  return /^[ \t]*[,，][^，,(（)）]*/.exec(after)?.[0] ?? after;
}

/** A count of a department that includes a subordinate, given the unit by its own name (a clause of its sentence opening with it,
 *  unit_clause; not 本部门/全部门, the department), whose subordinate's own counts are stated too: the 机关's part. Not its 行政编制
 *  (a 事业单位 holds none), a sum of the parts (priority 0) nor a figure including the subordinate (inclusive). */
function partOfDepartment(doc: KDocument, file: StaffingFile, unit: string | null, f: KDocument['facts'][number]): boolean {
  if (f.path === '/staffing/authorizedAdministrative' || f.priority === 0 || !file.unit_clause) return false;
  const from = sentenceFrom(doc, f.span.start);
  if (compile(file.inclusive, '').test(doc.norm.slice(from, f.span.start))) return false;
  const before = doc.norm.slice(from, f.span.start).replace(CLOSED_BRACKETS, blank);
  const re = compile(file.unit_clause, '');
  for (let i = 0; i < before.length; i++) {
    if (i > 0 && !CLAUSE_END.test(before[i - 1])) continue;
    const subject = re.exec(before.slice(i))?.groups?.subject.replace(/[ \t]+/g, '');
    if (subject && !/部门/.test(subject) && isUnit(file, unit, subject)) return true;
  }
  return false;
}

/** True when `f` opens with a sum word (sum_open) after, in its sentence (or its line, when the sum opens the sentence), a count
 *  kept as the unit's and one dropped as another body's. */
function sumsParts(doc: KDocument, file: StaffingFile, f: KDocument['facts'][number], all: KDocument['facts'], kept: KDocument['facts']): boolean {
  const sentence = sentenceAt(doc, f.span.start).start;
  // (at most MAX_BEFORE characters back: over a run with no sentence end, reading each count's whole sentence was quadratic)
  const from = Math.max(sentence, f.span.start - MAX_BEFORE);
  let m = compile(file.sum_open, '').exec(doc.norm.slice(from, f.span.start));
  // (…，共有编制7名: the sum word inside the count's own phrase, the clause opening right before it)
  if (!m && compile(file.sum_own, '').test(doc.norm.slice(f.span.start, f.span.end))) m = compile(file.sum_open, '').exec(doc.norm.slice(from, f.span.start) + '合计');
  // (a cut sentence's first characters open no sentence)
  if (!m || (m.index === 0 && from > sentence && !/^[，,、；;:：]/.test(m[0]))) return false;
  // (…；县科技馆编制5人；共计编制8人: a sum opening its sentence sums the parts before it on its line)
  const start = m.index === 0 && from === sentence ? doc.norm.lastIndexOf('\n', sentence - 1) + 1 : from;
  const before = all.filter((g) => g !== f && g.span.start >= start && g.span.end <= f.span.start);
  return before.some((g) => kept.includes(g)) && before.some((g) => !kept.includes(g));
}

const CLOSED_BRACKETS = /[(（][^()（）]*[)）]/g;
const blank = (m: string) => ' '.repeat(m.length);
// (a count's sentence read back at most SENTENCE_REACH characters: a line of counts with no stop, a bad copy, stays linear)
const SENTENCE_REACH = 400;
const sentenceFrom = (doc: KDocument, at: number): number => Math.max(sentenceAt(doc, at).start, at - SENTENCE_REACH);

/** 'earlier' when `before` (a count's sentence up to it) dates the count as of the year before the report's, 'stale' when
 *  as of a year before that (see dated_as_of), 'yearEnd' as of the report's year's end, 'later' as of a later year or a month
 *  inside the report's year before December, else null. */
function datedEarlier(doc: KDocument, file: StaffingFile, before: string): 'earlier' | 'stale' | 'yearEnd' | 'later' | null {
  const fy = doc.data.fiscalYear;
  if (typeof fy !== 'number' || !/截|年[底末]|\d[.．/][ \t]*12[ \t]*[.．/][ \t]*31/.test(before)) return null;
  let m: RegExpExecArray | null = null;
  for (const x of before.matchAll(compile(file.dated_as_of, 'g'))) m = x;
  if (!m) return null;
  const year = Number(m.groups!.year ?? m.groups!.end);
  const current = doc.reportKind === 'budget' ? fy - 1 : fy;
  if (year > current) return 'later';
  // (2023年末 | 截至2023年12月31日 | 截至2023年底: the end of the report's own year)
  // (截至2023.12.31: the point ends the match, the month and day follow)
  if (year === current) {
    const rest = before.slice(m.index! + m[0].length);
    if (m.groups!.end || /^[ \t]*(?:底|末|(?:12|十二)[ \t]*月[ \t]*(?:(?:31|三十一)[ \t]*日|底|末)|12[ \t]*[.．/][ \t]*31(?!\d))/.test(rest)) return 'yearEnd';
    // (截至2023年6月30日 | 截至2023.6.30 in a 2023 report: a month before December dates a count inside the year, which yields
    // to the year's end's as a later one does; alone it is still read — session 48)
    return /^[ \t]*(?:0?[1-9]|1[01]|[一二三四五六七八九]|十一?)[ \t]*(?:月|[.．/])/.test(rest) ? 'later' : null;
  }
  return year < current - 1 ? 'stale' : 'earlier';
}

/** 离退休人员3人（离休1人，退休2人） … 退休人员2人: a 退休 count elsewhere equal to the 退休 part of a 离退休 count is that part
 *  restated, no other retired count; it is dropped (the 离退休 count stays the retired count, as the contract reads it). */
function dropRestatedPart(doc: KDocument, file: StaffingFile, facts: KDocument['facts']): void {
  if (!file.retired_part) return;
  const retired = facts.filter((f) => f.path === '/staffing/retired');
  const both = retired.filter((f) => /离退休/.test(doc.norm.slice(f.span.start, f.span.end)));
  const parts = new Set<number>();
  for (const f of both) {
    const m = compile(file.retired_part, '').exec(doc.norm.slice(f.span.end, f.span.end + 60));
    const n = m?.groups?.num ? toCount(m.groups.num, '') : null;
    if (n !== null && n !== f.value) parts.add(n);
  }
  for (const f of retired) {
    if (both.includes(f) || typeof f.value !== 'number' || !parts.has(f.value)) continue;
    facts.splice(facts.indexOf(f), 1);
    doc.facts.splice(doc.facts.indexOf(f), 1);
  }
}

/** A sole kind of 编制 stated (only 行政编制, only 事业编制 or only 参公编制, no other kind, none with a figure OCR damaged) is
 *  the total too. */
function deriveTotal(doc: KDocument, file: StaffingFile, facts: KDocument['facts']): void {
  // (核定参公编制8名: read as the total by its own pattern, kept only as the sole kind)
  const civil = facts.filter((f) => f.rule === CIVIL_SOLE);
  const drop = (xs: KDocument['facts']) => { for (const f of xs) { facts.splice(facts.indexOf(f), 1); doc.facts.splice(doc.facts.indexOf(f), 1); } };
  const has = (p: string) => facts.some((f) => f.path === p && f.rule !== CIVIL_SOLE);
  // (全额拨款事业编制5名，自收自支事业编制2名: a kind stated in parts by their funding; each part is no count of the kind, and
  // no part, nor a figure differing from another of its kind, is the sole kind's total)
  const parts = [...matches(doc, file.funding_parts)];
  const split = new Set(parts.map((m) => m.group('fund'))).size > 1;
  if (split) {
    drop(facts.filter((f) => /^\/staffing\/authorized(?:Administrative|Institutional)$/.test(f.path) && parts.some((m) => m.span.start <= f.span.start && f.span.end <= m.span.end)));
  }
  const admin = facts.filter((f) => f.path === '/staffing/authorizedAdministrative');
  const inst = facts.filter((f) => f.path === '/staffing/authorizedInstitutional');
  const one = (xs: KDocument['facts']) => new Set(xs.map((f) => f.value)).size === 1;
  // (another kind named, or a kind whose figure an OCR copy damaged: not the sole kind stated; 参公 is the sole kind only
  // when no other is named)
  const kinds = [...matches(doc, file.other_kinds)].map((m) => doc.norm.slice(m.span.start, m.span.end));
  const civilOnly = kinds.every((k) => compile(file.civil_service_kind, '').test(k));
  const damaged = matches(doc, file.kind_damaged).next().done === false;
  const civilSole = civil.length > 0 && !(has('/staffing/authorized') || admin.length || inst.length || !civilOnly || damaged);
  if (!civilSole) drop(civil);
  if (has('/staffing/authorized') || civilSole) return;
  const sole = split || kinds.length || damaged ? null : admin.length && !inst.length && one(admin) ? admin : inst.length && !admin.length && one(inst) ? inst : null;
  // (本部门决算包括市科协本级和所属市科技馆: the 机关's sole kind is no total of a department holding a subordinate's posts too;
  // a kind stated for the department with it, 县科协（含所属科技馆）…, priority 0 above, still is)
  if (sole && file.department_includes && sole[0].priority !== 0 && matches(doc, file.department_includes).next().done === false) return;
  if (sole) doc.facts.push({ ...sole[0], path: '/staffing/authorized', rule: 'staffing.authorized.sole-kind' });
}

const CIVIL_SOLE = 'staffing.authorized.civil-service-sole';
const PARTS_SUM = 'staffing.authorized.parts-sum';

/** `before` (a count's sentence up to it) from the last clause opening with the reporting unit as its subject (unit_clause),
 *  or all of it when none does. */
function sinceUnitClause(file: StaffingFile, unit: string | null, before: string): string {
  if (!file.unit_clause) return before;
  const re = compile(file.unit_clause, '');
  for (let i = before.length; i > 0; i--) {
    if (!CLAUSE_END.test(before[i - 1])) continue;
    const m = re.exec(before.slice(i));
    if (!m) continue;
    const subject = m.groups!.subject.replace(/[ \t]+/g, '');
    // (with the unit unknown, a 科协 by its level with its office: 县科协机关)
    if (isUnit(file, unit, subject) || (unit === null && !!m.groups!.own && !!file.unit_office && compile(file.unit_office, '').test(subject))) return before.slice(i);
  }
  return before;
}

const CLAUSE_END = /[，,；;]/;
// a town's, township's or street's government (meta.yaml org, hunta53)
const TOWN_GOVERNMENT = /(?:[镇乡]人民政府|街道办事处)$/;
/** The unit's name (科学技术协会 written short) holds the place named (`其中` and spaces off its head; `society`: named with its 科协):
 *  its own place. */
const ownPlace = (unit: string, named: string, society: boolean) => {
  const place = named.replace(/^[ \t]*(?:其中[:：]?)?[ \t]*/, '');
  const short = unit.replace(/科学技术协会/g, '科协');
  // (镇科协 | 本镇科协 in a town's own report: the unit by its level's word, as 县科协 in a county's; 我镇 with no 科协 is the town, the
  // unit only in a town government's own report, 青禾县安中镇人民政府 — hunta53)
  if (/^[本我]?(?:镇|乡|街道|社区)$/.test(place)) {
    const body = place.replace(/^[本我]/, '');
    if (body === place || society) return short.endsWith(`${body}科协`);
    return TOWN_GOVERNMENT.test(short) && short.endsWith(body === '街道' ? '街道办事处' : `${body}人民政府`);
  }
  return place.length >= 2 && short.includes(place);
};

/** True when a clause of `before` (a count's sentence up to it, from the last clause opening with the unit) opens with a 科协
 *  of another level than the unit's (`level`, '' when unknown) or another body (老科协, a society) as the subject of its counts
 *  (see other_level). In the report of such a body or a bureau (`on` false: other_level_off) only a 科协 named by its level is one,
 *  as in any report whose unit is no level's 科协 (a base, a museum). */
function otherLevelNamed(doc: KDocument, file: StaffingFile, level: string, before: string, unit: string | null, on: boolean): boolean {
  if (!file.other_level) return false;
  const re = compile(file.other_level, '');
  for (let i = 0; i < before.length; i++) {
    if (i > 0 && !CLAUSE_END.test(before[i - 1])) continue;
    const m = re.exec(before.slice(i));
    // (a named town or street the unit's own name holds: 城关镇科协核定编制2名 in 城关镇科学技术协会's report is the unit)
    if (m?.groups?.town && unit !== null && ownPlace(unit, m[0].replace(/(?:科协|科学技术协会)?(?:机关|本级|办事处)?[ \t]*$/, ''), /(?:科协|科学技术协会)(?:机关|本级)?[ \t]*$/.test(m[0]))) continue;
    // (青禾市核定编制120人 in 东岭县科协's report: a place named bare, the city above or another county; hunta54)
    const bare = file.other_place_bare ? compile(file.other_place_bare, '').exec(before.slice(i)) : null;
    if (bare && otherPlace(doc, bare.groups!.place)) return true;
    // (another level's 科协 only when the unit's level is known; a body of another kind, no level, always)
    // (a 科协 named by its level in the report of a unit that is none, 县老科协's or a bureau's naming none: hunta51)
    if (m && on && (m.groups!.level === undefined || (level !== '' && m.groups!.level !== level))) return true;
    // (东岭县科协核定行政编制8名 in 青禾县科协's report: the unit's level in another place, hunta52)
    if (m && on && m.groups!.level === level && level !== '' && otherPlace(doc, m[0].slice(0, m[0].search(compile('(?:{KEXIE_LEVEL})(?:{KEXIE})', ''))))) return true;
    if (m && m.groups!.level !== undefined && level === '' && unit !== null && !compile('^(?:{KEXIE})$', '').test(unit)) return true;
  }
  return false;
}

/** True when a clause of `before` (a count's sentence up to it, from the last clause opening with the unit) opens with the unit's
 *  机关 or 本级 as its subject (office_clause: 县科协机关…, 其中机关…, 我会本级…). */
function officeNamed(file: StaffingFile, unit: string | null, before: string): boolean {
  if (!file.office_clause) return false;
  const re = compile(file.office_clause, '');
  for (let i = 0; i < before.length; i++) {
    if (i > 0 && !CLAUSE_END.test(before[i - 1])) continue;
    const m = re.exec(before.slice(i));
    if (!m) continue;
    const subject = m.groups!.subject.replace(/[ \t]+/g, '');
    if (subject === '' || isUnit(file, unit, subject) || (!!file.unit_office && compile(file.unit_office, '').test(subject))) return true;
  }
  return false;
}

/** True when a clause of `before` (a count's sentence up to its end, from the last clause opening with the unit) opens with one of
 *  the unit's internal offices as its subject (internal_office) and the count's own clause is no sum of the parts (office_sum). */
function officeShare(file: StaffingFile, before: string): boolean {
  if (!file.internal_office || !/[室部股科]/.test(before)) return false;
  const re = compile(file.internal_office, '');
  let own = 0;
  for (let i = before.length; i > 0; i--) if (CLAUSE_END.test(before[i - 1])) { own = i; break; }
  if (file.office_sum && compile(file.office_sum, '').test(before.slice(own))) return false;
  for (let i = 0; i < before.length; i++) {
    if (i > 0 && !CLAUSE_END.test(before[i - 1])) continue;
    if (re.test(before.slice(i))) return true;
  }
  return false;
}

/** The count opens its stretch after ；/; with no subject of its own (bare_stretch), and the last count of the stretch before it
 *  was another body's (`others`: a subordinate's, another level's, the system's). */
function afterOthers(doc: KDocument, file: StaffingFile, all: KDocument['facts'], others: Set<KDocument['facts'][number]>, f: KDocument['facts'][number], kept: KDocument['facts']): boolean {
  const s = sentenceAt(doc, f.span.start);
  if (s.start < 1 || !/[；;]/.test(doc.norm[s.start - 1]) || !compile(file.bare_stretch!, '').test(doc.norm.slice(s.start, f.span.end))) return false;
  const prev = sentenceAt(doc, s.start - 1);
  // (its last count: 县科协机关在职人员5人，所属科技馆在职人员4人；退休人员6人 — the stretch goes on from the subordinate)
  let last: KDocument['facts'][number] | null = null;
  for (const g of all) if (g.span.start >= prev.start && g.span.end <= prev.end && (!last || g.span.start > last.span.start)) last = g;
  return last !== null && others.has(last) && !kept.includes(last);
}

/** True when `before` (a count's sentence up to it) names a subordinate body (所属/下属/直属) other than in the reporting
 *  unit's description of itself (see `self_description`). */
function subordinateNamed(file: StaffingFile, unit: string | null, before: string): boolean {
  for (const m of before.matchAll(compile(file.subordinate, 'g'))) if (!describesItself(file, unit, before.slice(0, m.index))) return true;
  return false;
}

/** True when `before` names the parent body (科协) other than in the reporting unit's description of itself. */
function parentNamed(file: StaffingFile, unit: string | null, before: string): boolean {
  for (const m of before.matchAll(compile(file.parent_body, 'g'))) if (!describesItself(file, unit, before.slice(0, m.index))) return true;
  return false;
}

/** The sentence up to a body's word is the unit describing itself (see self_description). The unit's name may carry an aside
 *  in brackets, blanked by the caller (县科协（含县科技馆）为县委直属人民团体): its blank is no part of the subject. */
function describesItself(file: StaffingFile, unit: string | null, upTo: string): boolean {
  const self = compile(file.self_description, '').exec(upTo.replace(/[ \t]{2,}/g, ''));
  return self !== null && isUnit(file, unit, self.groups!.subject);
}

/** The subject names the reporting unit: a self word, or the unit's name or its end (县科协 for 某县科学技术协会). */
function isUnit(file: StaffingFile, unit: string | null, subject: string): boolean {
  if (compile(file.self_words, '').test(subject)) return true;
  if (unit === null) return false;
  const short = (s: string) => s.replace(/科学技术协会/g, '科协').replace(/科学技术馆/g, '科技馆');
  // (我县科协, 本市科协: the place named from inside it)
  const s = short(subject).replace(/^[我本该](?=[县市区旗州盟省])/, '');
  return s.length >= 3 && short(unit).endsWith(s);
}
/** A retired count named by one kind of retiree (退休干部3人) that is a part of the retirees: another kind's count in its sentence
 *  (…，退休工人2人), or the retirees named before it as the whole it is counted in (退休人员中，…: retired_among). */
function retiredKindPart(file: StaffingFile, doc: KDocument, span: Span): boolean {
  if (!file.retired_kind || !file.retired_kind_other) return false;
  const own = compile(file.retired_kind, '').exec(doc.norm.slice(span.start, span.end));
  if (!own) return false;
  const sentence = sentenceAt(doc, span.start);
  if (file.retired_among && compile(file.retired_among, '').test(doc.norm.slice(Math.max(sentence.start, span.start - MAX_BEFORE), span.start))) return true;
  const text = doc.norm.slice(sentence.start, Math.min(sentence.end, span.end + MAX_BEFORE));
  for (const m of text.matchAll(compile(file.retired_kind_other, 'g'))) {
    if (sentence.start + m.index! === span.start) continue;
    if (m.groups!.kind !== own.groups!.kind) return true;
  }
  return false;
}
