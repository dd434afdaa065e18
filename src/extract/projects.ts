// Named special funds (patterns/projects.yaml): a sentence naming a fund and giving its figures.
import type { KDocument, Span } from '../document.js';
import { firstIndex } from '../document.js';
import { compile, escapeRegex, loadPatternFile } from '../patterns.js';
import { moneySlack, toRate, toYuan } from '../normalise/numbers.js';
import { cleanValue } from '../normalise/fold.js';
import { matches, otherYearAt, saysOtherYear, sentenceAt, sectionsAt, trimSpan, unitLevel, unitName } from './engine.js';
import type { Match } from './engine.js';
import type { Project } from '../schema/record.js';
import { namedRows } from './namedRows.js';
import { ownProject } from './ownProject.js';
import { rateCell, scoreCell } from './values.js';
import { respectiveScores, QUOTE_MARKS, QUOTE_OPT } from './respectiveScores.js';
import { outsideBody } from './outsideBody.js';
import { countOf, scoredOnly, scoredProjects, type ReferredScore, type UnlistedDef } from './scoredProjects.js';
import { respectiveFunds, type RespectiveDef } from './respectiveFunds.js';
import { headedProjects, type HeadingScoredDef } from './headedProjects.js';
import { scoredItems } from './scoredItems.js';
import { LINE_MARKER, MARKER_LEAD } from './listMarkers.js';
import { cumulativeOverYears, midYear } from './finance/years.js';
import { file as financeFile } from './finance/file.js';

interface FieldDef {
  id: string;
  field: keyof Project;
  sign?: number;
  regex: string;
  /** replaces the field found before it, unless the item has this field (the adjusted budget over the 年初 one, unless a change is stated) */
  replaces_unless?: keyof Project;
}
interface ProjectTableDef {
  name_header: string;
  columns: { field: 'budget' | 'actual' | 'carryover' | 'executionRate' | 'score'; rank: number; regex: string }[];
  header_unit: string;
  header_period: string;
  total_row: string;
  not_caption: string;
  not_sections?: string;
  not_row_name?: string;
}
/** a fund's own rate or score stated in its item (projects.yaml own_figures) */
interface OwnFigureDef {
  id: string;
  field: 'executionRate' | 'score';
  regex: string;
  not_before?: string;
  /** right after the match in the whole text, past the item's end (a list of bands cut at its ；): no figure of the fund's */
  not_after?: string;
  max: number;
}
/** a fund's score stated away from its item by its name (projects.yaml named_score); its unlisted, referred, glued and single
 *  forms are scoredProjects.ts's UnlistedDef, read from the same entry */
interface NamedScoreDef extends Partial<Omit<UnlistedDef, 'id' | 'respectively' | 'max'>> {
  id: string;
  before: string;
  after: string;
  /** funds' scores stated together, each in its place (groups `names`, `nums`) */
  respectively?: string;
  /** 该项目 in the sentences after a fund named as its paragraph's heading (（一）A项目。预算…。经自评，该项目得分92分) */
  this_project?: string;
  this_project_not?: string;
  not_before: string;
  max: number;
}
interface ProjectsFile { part_item?: string; part_item_not?: string; respective?: RespectiveDef; heading_scored?: HeadingScoredDef; item_runs_on_not?: string; rest_not_before?: string; this_fund?: string; section_body_not?: string; outside_body?: string; own_figures?: OwnFigureDef[]; named_score?: NamedScoreDef; table?: ProjectTableDef; name: string; name_year: string; name_lead: string; line_name: string; field_name: string; field_item_end?: string; glued_name: string; glued_amount_name: string; glued_amount_not: string; section_title: string; section_title_sub?: string; section_title_not: string; section_item_grant: string; section_item_name: string; section_item_not: string; sentence_name: string; listed_lead_in: string; parts_lead_in?: string; scored_item?: string; uses_lead_in?: string; inline_lead_in?: string; inline_item?: string; sum_line?: string; sum_budget?: string; source_name?: string; named_lead_in?: string; named_item?: string; listed_item: string; heading_name: string; label_name: string; not_name: string; item_end: string; not_before: string; rate_after_other_year?: string; planned: string; sentence_year?: string; section_year?: string; fields: FieldDef[]; listing: { id: string; intro: string; item: string; item_bare: string; not_name: string; budget_intro?: string; intro_budget: string; intro_actual: string; bracket_intro: string; bracket_not: string; bracket_item: string; grant_name: string; grant_not: string; part_before: string; part_name: string } }

/** `items` receives each detailed fund's item: every figure in it (its 执行率 too) is the fund's, not the unit's. */
export function extractProjects(doc: KDocument, claimed: Span[], items: Span[] = []): void {
  const f = loadPatternFile<ProjectsFile>('projects.yaml');
  const detailed = detailedProjects(doc, f, claimed, items);
  // (funds joined in one clause, their money stated respectively: each its own, where no fund's item is)
  if (f.respective) {
    const lead = compile(f.name_lead, '');
    const inItem = (x: { span: Span }) => items.some((r) => x.span.start < r.end && r.start < x.span.end);
    const regions: Span[] = [];
    const joined = respectiveFunds(doc, f.respective, nameTest(doc, f), (t) => lead.exec(t)?.[0].length ?? 0, regions).filter((x) => !inItem(x));
    items.push(...regions.filter((r) => joined.some((x) => x.span.start === r.start)));
    detailed.push(...joined);
    detailed.sort((a, b) => a.span.start - b.span.start);
  }
  partItems(doc, f, items);
  doc.items.projects = detailed.length ? detailed : listedProjects(doc, f, claimed);
  namedScores(doc, f, doc.items.projects as Found[]);
}

/** In a project report, a numbered item labelled by its colon (1.科普活动经费：实际支出5万元) is a part of the project whatever it
 *  states: its figures up to the item's end go to `items` (the fund items finance leaves), never the project's total — unless its
 *  name is the report's own project (nameTest) or a facet of it (projects.yaml part_item_not). No project is made of it here. */
function partItems(doc: KDocument, f: ProjectsFile, items: Span[]): void {
  if (!f.part_item || doc.reportKind !== 'project_self_eval') return;
  const facet = compile(f.part_item_not ?? '(?!)', '');
  const stop = compile(f.item_end, '');
  const isName = nameTest(doc, f);
  for (const m of matches(doc, f.part_item)) {
    const name = doc.norm.slice(m.group('name')!.start, m.group('name')!.end).trim();
    if (facet.test(name) || !isName(name) || items.some((r) => m.span.end >= r.start && m.span.end < r.end)) continue;
    let end = m.span.end;
    while (end < doc.norm.length && !stop.test(doc.norm[end])) end++;
    if (end > m.span.end) items.push({ start: m.span.end, end });
  }
}

/** A fund's self-evaluation score stated away from its item by the fund's own name (科普大篷车项目自评得分92分 in the conclusion,
 *  its figures listed above), or in a list of funds scored respectively (A项目和B项目自评得分分别为92分、95分): its score when
 *  its item states none; not another year's, an indicator's or another body's, and two different scores for one fund give none. */
function namedScores(doc: KDocument, f: ProjectsFile, found: Found[]): void {
  const d = f.named_score;
  if (!d) return;
  const notBefore = compile(d.not_before, '');
  // (inside a fund's item, another year's, or after an indicator's, a survey's or another body's words: none)
  const skip = (span: Span) => {
    if (found.some((x) => span.start >= x.span.start && span.start < x.span.end)) return true;
    const sentence = sentenceAt(doc, span.start).start;
    const before = doc.norm.slice(sentence, span.start);
    return otherYearAt(doc, span.start, f) || otherYear(doc, f, span.start, sentence) || notBefore.test(before) || (!!f.outside_body && outsideBody(doc, f.outside_body, before));
  };
  const seen = new Map<Found, { value: number; span: Span }[]>();
  const add = (p: Found, value: number, span: Span) => seen.set(p, [...(seen.get(p) ?? []), { value, span }]);
  const open = found.filter((p) => p.item.score === null && p.item.name.length >= 2);
  for (const p of open) {
    // (the name as listed; one not ending in 项目 may have it after it: 科普大篷车巡展项目自评得分 for 科普大篷车巡展, 科普讲座子项目…)
    // (its quotes, or quotes the sentence puts that the listing did not, are no part of it: “科普大篷车”项目 listed, 科普大篷车项目
    // scored, or the other way round)
    const plain = p.item.name.replace(QUOTE_MARKS, '');
    const name = QUOTE_OPT + [...plain].map((c) => escapeRegex(c)).join(QUOTE_OPT) + QUOTE_OPT + (/项目$/.test(plain) ? '' : '(?:子?项目)?');
    for (const m of matches(doc, d.before + name + d.after)) {
      if (skip(m.span)) continue;
      const v = toRate(m.m.groups!.num);
      if (v !== null && v <= d.max) add(p, v, trimSpan(doc, m.span));
    }
  }
  // （一）科普大篷车项目。年初预算15万元，…。经自评，该项目得分92分: a fund heading its paragraph (its name the line's first
  // words after a marker, no other fund on the line) is what 该项目 names in that paragraph's later sentences
  if (d.this_project) {
    const marker = /^[ \t]*(?:[(（][一二三四五六七八九十\d]{1,2}[)）]|[一二三四五六七八九十]{1,3}[、.．]|\d{1,2}[、.．]|[\u2460-\u249b\u24eb-\u24fe\u2776-\u2793\u3220-\u3229])?[ \t]*$/;
    // (a heading run in after the sentence before it, …等级优；（二）B项目。…, heads its part of the line as one on a line of its own)
    const heads = open.filter((p) => {
      const name = p.fields.name?.span ?? p.span;
      const lineStart = Math.max(doc.norm.lastIndexOf('\n', name.start - 1), doc.norm.lastIndexOf('。', name.start - 1), doc.norm.lastIndexOf(';', name.start - 1)) + 1;
      return marker.test(doc.norm.slice(lineStart, name.start));
    });
    const those = [...matches(doc, d.this_project + d.after)];
    for (const p of heads) {
      let lineEnd = doc.norm.indexOf('\n', p.span.end);
      if (lineEnd < 0) lineEnd = doc.norm.length;
      // (up to the next fund found on the line: 该项目 after it is that fund's, or no one's)
      const next = found.filter((x) => x !== p && x.span.start >= p.span.end && x.span.start < lineEnd).map((x) => x.span.start);
      if (next.length) lineEnd = Math.min(...next);
      for (const m of those) {
        if (m.span.start < p.span.end || m.span.end > lineEnd || skip(m.span)) continue;
        if (d.this_project_not && compile(d.this_project_not, '').test(doc.norm.slice(p.span.end, m.span.start))) continue;
        const v = toRate(m.m.groups!.num);
        if (v !== null && v <= d.max) add(p, v, trimSpan(doc, m.span));
      }
    }
  }
  if (d.respectively) for (const r of respectiveScores(doc, d.respectively, found.map((p) => p.item.name), skip, d.max)) if (open.includes(found[r.index])) add(found[r.index], r.value, r.span);
  // projects scored respectively that no listing gives money: each a project of its own, its score and no money (and the
  // listed funds a list referred back to names: 实施了A项目、B项目两个项目。…上述项目自评得分分别为…)
  const unlisted = unlistedProjects(doc, f, found, skip, notBefore);
  for (const r of unlisted.referred) {
    const p = open.find((x) => bareName(x.item.name) === bareName(r.name));
    if (p) add(p, r.value, r.span);
  }
  for (const [p, scores] of seen) {
    if (scores.some((x) => x.value !== scores[0].value)) continue;
    p.item.score = scores[0].value;
    p.fields.score = { span: scores[0].span, rule: d.id };
  }
  found.push(...unlisted.projects);
}

const bareName = (n: string) => n.replace(/\s+/g, '').replace(QUOTE_MARKS, '').replace(/子?项目$/, '');

/** Projects scored respectively and listed nowhere with money (scoredProjects.ts), and the listed funds' scores a list
 *  referred back to gives. */
function unlistedProjects(doc: KDocument, f: ProjectsFile, found: Found[], skip: (span: Span) => boolean, notBefore: RegExp): { projects: Found[]; referred: ReferredScore[] } {
  const d = f.named_score!;
  const referred: ReferredScore[] = [];
  if (d.unlisted && d.unlisted_name && d.unlisted_count) {
    const notName = compile(f.not_name, '');
    const sentence = compile(f.sentence_name, '');
    const title = doc.reportKind === 'project_self_eval' ? doc.facts.find((x) => x.path === '/meta/title') : undefined;
    const ownTitle = title ? doc.norm.slice(title.span.start, title.span.end).replace(/\s+/g, '') : '';
    const isName = (n: string) => !notName.test(n) && !sentence.test(n) && !(ownTitle && ownTitle.includes(bareName(n)));
    const listed = (n: string) => found.some((p) => bareName(p.item.name) === bareName(n));
    const def: UnlistedDef = { id: `${d.id}.unlisted`, unlisted: d.unlisted, respectively: d.respectively, unlisted_name: d.unlisted_name, unlisted_count: d.unlisted_count, referred: d.referred, referred_list: d.referred_list, glued: d.glued, glued_item: d.glued_item, single: d.single, single_not: d.single_not, single_sections: d.single_sections, single_opener: d.single_opener, single_part: d.single_part, single_tail: d.single_tail, max: d.max };
    const says = (text: string) => notBefore.test(text) || (!!f.outside_body && outsideBody(doc, f.outside_body, text));
    // (a name a listed fund's contains, or containing one, may be that fund: 科普惠农项目 beside 科普惠农兴村项目)
    const related = (n: string) => found.some((p) => bareName(p.item.name).includes(bareName(n)) || bareName(n).includes(bareName(p.item.name)));
    const projects = scoredProjects(doc, def, isName, listed, skip, says, referred, related);
    if (f.heading_scored) projects.push(...headedFunds(doc, f, f.heading_scored, isName, listed, projects));
    return { projects, referred };
  }
  return { projects: [], referred };
}

/** Funds heading their own sections with a score in them and no money (headedProjects.ts): their bodies' scores and grades are
 *  theirs, not the unit's (evaluation.yaml not_in_items). */
function headedFunds(doc: KDocument, f: ProjectsFile, d: HeadingScoredDef, isName: (n: string) => boolean, listed: (n: string) => boolean, scored: Found[]): Found[] {
  const notIn = f.section_body_not ? compile(f.section_body_not, '') : null;
  const taken = (n: string) => scored.some((p) => bareName(p.item.name) === bareName(n));
  const figuresIn = (body: Span) => {
    const item: Project = { name: '', budget: null, adjustment: null, actual: null, carryover: null, executionRate: null, score: null };
    const fields: Record<string, { span: Span; rule: string }> = {};
    ownFigures(doc, f, body, item, fields, true, (at) => !!notIn && sectionsAt(doc, at).some((x) => x.start >= body.start && notIn.test(x.title)));
    return { item, fields };
  };
  const bodies: Span[] = [];
  const found = headedProjects(doc, d, isName, listed, taken, figuresIn, bodies);
  for (const span of bodies) (doc.items.projectFigures ??= []).push({ item: null, span, rule: d.id });
  return found;
}

const QUALIFIER = /\([^()]*\)$/;
/** a name that may stand with one money figure and its own 执行率 or score: a project's (项目/专项/工程/行动计划), not a label of money */
const ONE_FIGURE_NAME = /(?:项目|专项|工程|行动计划)(?:[(][^()]*[)])?$/;
const LABEL_WORDS = /预算|决算|支出|收入|拨款|资金/;

type Found = { item: Project; span: Span; rule: string; fields: Record<string, { span: Span; rule: string }> };

/** A fund's name test: not the unit's money, a bare kind word, a sentence, nor the report's own project. */
function nameTest(doc: KDocument, f: ProjectsFile): (text: string) => boolean {
  const notName = compile(f.not_name, '');
  const sentence = compile(f.sentence_name, '');
  // in a project report the report's own project (its name in the title: 科普专项经费年初预算20万元，… under 科普专项经费绩效
  // 自评报告) is no sub-project: its figures are finance.project's
  const title = doc.reportKind === 'project_self_eval' ? doc.facts.find((x) => x.path === '/meta/title') : undefined;
  // (compared without whitespace: a letter-spaced title, 科 普 专 项 经 费 绩 效 自 评 报 告, names it too)
  const ownTitle = title ? doc.norm.slice(title.span.start, title.span.end).replace(/\s+/g, '') : '';
  const lead = compile(f.name_lead, '');
  // (so is an item the header's 项目名称 or the title names under any fund word or none: 项目名称：科普惠民工程 over
  // 科普惠民工程项目：… | 科普惠民工程经费：… | 科普惠民工程：…, or …科普惠民工程项目绩效自评报告 over 1.科普惠民工程经费：…; compared
  // minus 项目/经费/资金/专项, equal, not merely contained — finance reads its figures as the project's, see ownProject.ts)
  return (text: string) => {
    // (a level in brackets after the fund word, 专项资金（省级）, is looked through: a bare kind word stays no name)
    // (a lead-in before it, 2023年我会实施X项目 | 对乡镇科协工作补助, is looked past: the name is what follows it)
    const name = text.trim().replace(lead, '').replace(QUALIFIER, '');
    return !notName.test(name) && !sentence.test(name) && !(ownTitle && ownTitle.includes(name.replace(/\s+/g, ''))) && !ownProject(doc, name);
  };
}

function detailedProjects(doc: KDocument, f: ProjectsFile, claimed: Span[], items: Span[]): Found[] {
  const out: Found[] = [];
  const itemStop = compile(f.item_end, '');
  const source = f.source_name ? compile(f.source_name, '') : null;
  const isNameText = nameTest(doc, f);
  const isName = (nm: Match) => isNameText(doc.norm.slice(nm.group('name')!.start, nm.group('name')!.end));
  const fields = doc.reportKind === 'project_self_eval' ? [] : [...matches(doc, f.field_name)];
  // (a form's item, 项目名称：X；预算金额：20万元；实际支出：19.6万元, parts its fields by the ； closing its name: its end is
  // field_item_end's)
  const fieldStop = compile(f.field_item_end ?? f.item_end, '');
  const stopOf = (nm: Match) => (fields.includes(nm) && /[;；][ \t]*$/.test(nm.m[0]) ? fieldStop : itemStop);
  const named = [...matches(doc, f.name), ...matches(doc, f.heading_name), ...matches(doc, f.label_name), ...matches(doc, f.line_name), ...fields, ...listedItems(doc, f)].filter(isName);
  named.push(...siblingItems(doc, f, named).filter(isName));
  // a glued name inside another name's item is a part of it (二是A项目，中央财政补助资金预算20万元，…: the money's source)
  const within = named.map((nm) => {
    const stop = stopOf(nm);
    let end = nm.span.end;
    while (end < doc.norm.length && !stop.test(doc.norm[end])) end++;
    return { start: nm.span.end, end };
  });
  for (const g of [...matches(doc, f.glued_name), ...gluedAmounts(doc, f), ...sectionItems(doc, f)]) {
    const at = g.group('name')!.start;
    if (isName(g) && !within.some((w) => at >= w.start && at < w.end)) named.push(g);
  }
  // (at one name, the reading that holds its glued amount first: 科普经费：5万元，年中调减0.5万元，实际支出… is read with its budget)
  named.sort((a, b) => a.group('name')!.start - b.group('name')!.start || Number(!!b.group('amount')) - Number(!!a.group('amount')));
  const taken = new Set<number>();
  for (const [i, nm] of named.entries()) {
    const nameSpan = nm.group('name')!;
    if (taken.has(nameSpan.start)) continue;
    if (otherYearAt(doc, nameSpan.start, f)) continue;
    // the figures follow the name's own separator (，：, or the 。/line end of a heading), up to the item's end or the next
    // item's name in its sentence (…实际支出2.9万元，2.科普展览项目：…)
    const nextName = named.slice(i + 1).find((n) => n.group('name')!.start > nameSpan.start);
    const cap = nextName ? Math.max(nm.span.end, nextName.span.start) : doc.norm.length;
    const stop = stopOf(nm);
    let end = nm.span.end;
    while (end < cap && !stop.test(doc.norm[end])) end++;
    const region = { start: nm.span.end, end };
    // (the fund's year in brackets after its name, 科普活动经费（2022年度） | （2021年结转）: another year's fund, or money carried
    // from one, is no fund of the report's year; its figures are still no part of the unit's)
    const year = nm.group('year');
    // (so is a name opening with another year, 2022年全国科普日活动经费 | 上年度科普大篷车项目 in a 2023 report)
    if ((year && (nm.group('carried') || Number(doc.norm.slice(year.start, year.end)) !== doc.data.fiscalYear)) || saysOtherYear(doc, f.name_year, doc.norm.slice(nameSpan.start, nameSpan.end))) {
      items.push(region);
      taken.add(nameSpan.start);
      continue;
    }
    // (a source of the money by its level, 中央补助资金：预算8万元，支出7.8万元: its figures its own, no fund made of it)
    if (source?.test(doc.norm.slice(nameSpan.start, nameSpan.end).trim().replace(QUALIFIER, ''))) {
      items.push(region);
      taken.add(nameSpan.start);
      continue;
    }
    const item: Project = { name: '', budget: null, adjustment: null, actual: null, carryover: null, executionRate: null, score: null };
    const fields: Record<string, { span: Span; rule: string }> = {};
    const spans: Span[] = [];
    // (a name glued to its amount, 科普经费项目8万元，实际支出…: that amount is the fund's budget)
    const glued = nm.group('amount');
    if (glued) {
      const v = toYuan(nm.m.groups!.num, nm.m.groups!.unit);
      if (v !== null && !otherYear(doc, f, glued.start, nameSpan.start)) {
        item.budget = v;
        fields.budget = { span: trimSpan(doc, { start: nameSpan.start, end: glued.end }), rule: 'projects.budget.glued' };
        spans.push(glued);
      }
    }
    // (a running total to a cut-off date or a period's spending, no year's: still a figure of the fund's, see readFields)
    let runningTotal = false;
    const readFields = () => {
      for (const fd of f.fields) {
        if (item[fd.field] !== null && !(fd.replaces_unless && item[fd.replaces_unless] === null)) continue;
        for (const m of matches(doc, fd.regex, region)) {
          const v = toYuan(m.m.groups!.num, m.m.groups!.unit);
          // (another year before the figure's words, or inside them: 截至2024年底已支出X in a 2023 report)
          if (v === null || otherYear(doc, f, m.span.start, region.start) || otherYear(doc, f, m.group('amount')!.start, region.start)) continue;
          if ((fd.field === 'actual' || fd.field === 'carryover') && compile(f.planned, '').test(doc.norm.slice(Math.max(region.start, m.span.start - 10), m.span.start))) continue;
          // (预算8万元，截至2023年12月31日，累计支出7.2万元: a 累计 to a cut-off date with no year's budget before it, or with this year's
          // part after it, may run over years — no actual, as finance decides it: one rule, finance/years.ts cumulativeOverYears; fin54)
          // (预算8万元，截至6月底实际支出5万元 | 6月至12月实际支出X | 上半年支出X: a period's spending, as finance dates it — midYear; fin56)
          if (fd.field === 'actual' && (cumulativeOverYears(doc, financeFile(), m.group('amount')!) || midYear(doc, financeFile(), m.span.start))) {
            runningTotal = true;
            continue;
          }
          (item as Record<string, unknown>)[fd.field] = (fd.sign ?? 1) * v;
          fields[fd.field] = { span: trimSpan(doc, m.span), rule: fd.id };
          spans.push(m.group('amount')!);
          break;
        }
      }
    };
    readFields();
    // (a numbered item on a line of its own whose first clause up to its ； states no money runs on to its sentence's end:
    // 1.科普示范项目：项目实施内容为开展示范活动20场；项目资金到位15万元，实际支出14.5万元，… — the rest is its money, never the unit's)
    if (item.actual === null && item.budget === null && f.item_runs_on_not && doc.norm[end] === ';' && restOfLine(doc, nameSpan, end, cap) && !compile(f.item_runs_on_not, '').test(doc.norm.slice(end + 1, end + 12))) {
      let to = end + 1;
      while (to < cap && !/[。\n]/.test(doc.norm[to])) to++;
      region.end = end = to;
      readFields();
    }
    // a budget disclosure names a fund with its budget only; elsewhere two figures make a project
    // (or one of its money and its own 执行率 or score: 科技馆免费开放项目：中央补助资金40万元，…，实际支出49.5万元，执行率99%，自评得分97分)
    if (item.actual === null && item.budget === null) continue;
    const money = Object.keys(fields).length + (runningTotal ? 1 : 0);
    ownFigures(doc, f, region, item, fields);
    // (that only for a project's name, not a label of money: 项目预算资金：…，实际支出…，预算执行率98.4% is the report's own; and
    // not in a project report, where a name so stated may be the report's own project under another form of its title's name)
    const projectName = doc.reportKind !== 'project_self_eval' && ONE_FIGURE_NAME.test(doc.norm.slice(nameSpan.start, nameSpan.end).trim()) && !LABEL_WORDS.test(doc.norm.slice(nameSpan.start, nameSpan.end));
    const enough = money >= 2 || (doc.reportKind === 'budget' && item.budget !== null) || (projectName && item.actual !== null && Object.keys(fields).length > money);
    if (!enough) continue;
    // (a heading inline before the name, as a report pasted on one line has it: 三、项目支出绩效情况 科普经费项目：…, is no part of it)
    const own = withoutLead(doc, f, pastHeading(doc, nameSpan));
    if (own.start !== nameSpan.start && !isNameText(doc.norm.slice(own.start, own.end))) continue;
    item.name = cleanValue(doc.display.slice(own.start, own.end));
    fields.name = { span: own, rule: 'projects.name' };
    claimed.push(...spans);
    items.push(region);
    // (a numbered item on a line of its own may state its rate or score in a later sentence of that line: 1.科普大篷车项目：预算
    // 15万元，…。绩效目标完成情况：开展巡展30站，…，自评得分92分。 — the rest of its line, up to the next item's name, is its too)
    const rest = restOfLine(doc, nameSpan, end, cap);
    if (rest && (item.score === null || item.executionRate === null)) {
      const had = { score: item.score, executionRate: item.executionRate };
      ownFigures(doc, f, rest, item, fields, true);
      if (item.score !== had.score || item.executionRate !== had.executionRate) items.push(rest);
    }
    // (a fund heading its own section, （一）科普大篷车项目 ⏎ 预算15万元，…。⏎ 绩效目标完成情况：… ⏎ 自评得分：92分。, states its rate
    // or score on a later line of that section: read there when its item states none, up to the next fund named)
    const body = sectionBody(doc, nameSpan, end, cap);
    if (body && (item.score === null || item.executionRate === null)) {
      const had = { score: item.score, executionRate: item.executionRate };
      // (not under a sub-heading of an indicator's or a survey's: 2.效益指标 ⏎ …，自评得分28分 is that indicator's)
      const notIn = f.section_body_not ? compile(f.section_body_not, '') : null;
      ownFigures(doc, f, body, item, fields, true, (at) => !!notIn && sectionsAt(doc, at).some((x) => x.start >= body.start && notIn.test(x.title)));
      if (item.score !== had.score || item.executionRate !== had.executionRate) items.push(body);
      // (the sentence that gave the fund its score is the fund's: no score or grade of the unit's there, evaluation.yaml not_in_items)
      if (item.score !== had.score) (doc.items.projectFigures ??= []).push({ item: null, span: sentenceAt(doc, fields.score.span.start), rule: fields.score.rule });
    }
    taken.add(nameSpan.start);
    out.push({ item, span: trimSpan(doc, { start: own.start, end }), rule: 'projects.detailed', fields });
  }
  return out;
}

/** The fund's own 执行率 and self-evaluation score in its item (…执行率96%，项目自评得分95分): the first of each, not another
 *  year's, a target, an indicator's or another body's (projects.yaml own_figures). They come after the item is a project. */
function ownFigures(doc: KDocument, f: ProjectsFile, region: Span, item: Project, fields: Record<string, { span: Span; rule: string }>, missingOnly = false, skipAt?: (at: number) => boolean): void {
  for (const d of f.own_figures ?? []) {
    if (missingOnly && item[d.field] !== null) continue;
    for (const m of matches(doc, d.regex, region)) {
      if (skipAt?.(m.span.start)) continue;
      // (past the item's first sentence, one naming the unit's whole or another body's evaluation is not the fund's: rest_not_before)
      // (in the section a fund heads, 该项目 is that fund: 3.自评结论 ⏎ 该项目自评得分92分)
      const lead = doc.norm.slice(Math.max(region.start, sentenceAt(doc, m.span.start).start), m.span.start);
      if (missingOnly && f.rest_not_before && compile(f.rest_not_before, '').test(skipAt ? lead.replace(compile(f.this_fund ?? '(?!)', ''), '') : lead)) continue;
      if (otherYear(doc, f, m.span.start, region.start)) continue;
      // (…，上年执行数19.5万元，执行率97.5%: the rate of the year before's figure)
      if (d.field === 'executionRate' && f.rate_after_other_year && saysOtherYear(doc, f.rate_after_other_year, lead)) continue;
      if (d.not_before && compile(d.not_before, '').test(doc.norm.slice(region.start, m.span.start))) continue;
      if (d.not_after && compile(d.not_after, '').test(doc.norm.slice(m.span.end, m.span.end + 24))) continue;
      // (another body's evaluation in the item: 经市科协组织专家组评审，得分88分 is no self-evaluation score of the fund's)
      if (d.field === 'score' && f.outside_body && outsideBody(doc, f.outside_body, doc.norm.slice(sentenceAt(doc, m.span.start).start, m.span.start))) continue;
      const v = toRate(m.m.groups!.num);
      if (v === null || v > d.max) continue;
      item[d.field] = v;
      fields[d.field] = { span: trimSpan(doc, m.span), rule: d.id };
      break;
    }
  }
}

/** The rest of a numbered item's line after its first sentence (`end`), up to the line's end or the next item's name (`cap`);
 *  null when the name does not open its line after a list marker (a report pasted on one line has no such item). */
function restOfLine(doc: KDocument, name: Span, end: number, cap: number): Span | null {
  const nameStart = name.start;
  const lineStart = doc.norm.lastIndexOf('\n', nameStart - 1) + 1;
  // (session 45: also a name opening its line with no marker, labelled by its colon: 科普日活动项目：预算10万元，…。绩效目标完成情况：
  // …，自评得分95分 — the line is that item's as a numbered one is)
  const bare = /^[ \t\u3000]*$/.test(doc.norm.slice(lineStart, nameStart)) && /^[ \t]*[:：]/.test(doc.norm.slice(name.end, name.end + 3));
  if (!bare && !MARKER_LEAD.test(doc.norm.slice(lineStart, nameStart))) return null;
  const lineEnd = doc.norm.indexOf('\n', end);
  const stop = Math.min(lineEnd < 0 ? doc.norm.length : lineEnd, cap);
  return stop > end + 1 ? { start: end, end: stop } : null;
}

/** The rest of the section a fund's name heads (its heading's title ends with the name: （一）科普大篷车项目), after the item
 *  (`end`), up to the section's end or the next item's name (`cap`); null when no heading ends with the name. */
function sectionBody(doc: KDocument, name: Span, end: number, cap: number): Span | null {
  const h = doc.headings.find((x) => x.start <= name.start && name.start < x.end && doc.norm.slice(name.end, x.end).trim() === '');
  if (!h) return null;
  const stop = Math.min(h.bodyEnd, cap);
  return stop > end + 1 ? { start: end, end: stop } : null;
}

// a giver's level above the unit's (GRANT_FROM_ABOVE's: the nation's, a province's, a city's): one of the unit's level or below passes
// nothing down to it; with the unit's level unknown, any of them is above it
const LEVEL_RANK: Record<string, number> = { 中央: 0, 中国科协: 0, 上级: 0, 省: 1, 市: 2, 州: 2, 盟: 2, 县: 3, 区: 3, 旗: 3 };
/** The unit's rank among LEVEL_RANK's: a town's or a street's 科协 below the county's (hunta56); unknown, a county's. */
function unitRank(doc: KDocument): number {
  const name = unitName(doc);
  if (name && compile('(?:{TOWN_KEXIE})$', '').test(name)) return 4;
  return LEVEL_RANK[unitLevel(doc)] ?? LEVEL_RANK.县;
}
/** Names glued to their amount with what was spent after it (科普经费项目8万元，实际支出7.2万元); not in a project report,
 *  where such a figure may be the report's own project's under another name (its money is finance.project's). */
function gluedAmounts(doc: KDocument, f: ProjectsFile): Match[] {
  if (doc.reportKind === 'project_self_eval') return [];
  const not = compile(f.glued_amount_not, '');
  // (省科协下拨科普经费10万元，实际支出9.5万元: a grant a higher body passed down, the fund's name after its giver and verb; hunta55)
  // (县科协下拨… in a town's report: a county's giver, hunta56)
  const fromAbove = [compile('^[ \\t]*(?:{GRANT_FROM_ABOVE})', ''), compile('^[ \\t]*(?:{GRANT_FROM_COUNTY})', '')];
  const nameOf = (m: Match) => {
    const text = doc.norm.slice(m.group('name')!.start, m.group('name')!.end);
    const g = fromAbove[0].exec(text) ?? fromAbove[1].exec(text);
    return g && LEVEL_RANK[g.groups!.giver] < unitRank(doc) ? text.slice(g[0].length) : text;
  };
  const found = [...matches(doc, f.glued_amount_name)].filter((m) => !not.test(nameOf(m)));
  // (a grant's name, X补助12.67万元，实际支出12.5万元, is a fund only beside a fund-word item of its listing — the sentence up to
  // 。, across its ；— as in a listing; never a rate or a standard, 人均补助…)
  const grant = compile(f.listing.grant_name, '');
  const grantNot = compile(f.listing.grant_not, '');
  const listing = (m: Match) => Math.max(doc.norm.lastIndexOf('。', m.group('name')!.start), doc.norm.lastIndexOf('\n', m.group('name')!.start));
  return found.filter((m) => !grant.test(nameOf(m)) || (!grantNot.test(nameOf(m)) && found.some((x) => x !== m && !grant.test(nameOf(x)) && listing(x) === listing(m))));
}

/** In a department's report, the numbered items of a section on its projects (三、项目支出情况) that give their own money
 *  and what was spent of it, whatever their names (1.科普大篷车巡展5万元，实际支出4.8万元): the section says they are projects. */
function sectionItems(doc: KDocument, f: ProjectsFile): Match[] {
  // (in a project report every section is its own project's facet but one titled for its sub-projects: 二、子项目实施情况)
  const own = doc.reportKind === 'project_self_eval';
  if (own && !f.section_title_sub) return [];
  const title = compile(own ? f.section_title_sub! : f.section_title, '');
  const titleNot = compile(f.section_title_not, '');
  const not = compile(f.section_item_not, '');
  // (no section titled for projects: nothing to scan for; the item pattern has no literal to jump by, and on a long run of
  // spaces its look-ahead rescans the run at every place)
  if (!doc.headings.some((h) => title.test(h.title) && !titleNot.test(h.title))) return [];
  const found = [...matches(doc, f.section_item_name)].filter((m) => {
    const name = m.group('name')!;
    if (not.test(doc.norm.slice(name.start, name.end))) return false;
    const around = sectionsAt(doc, name.start);
    return around.some((h) => title.test(h.title)) && !around.some((h) => titleNot.test(h.title));
  });
  // (two or more such items in one section: a list of alike items; one beside a named fund is left to siblingItems, which
  // wants two named funds; one alone naming a grant, 科普场馆运行补助（省级）, is one by its name)
  const section = (m: Match) => sectionsAt(doc, m.group('name')!.start).at(-1)?.start;
  const grant = compile(f.section_item_grant, '');
  const grantNot = compile(f.listing.grant_not, '');
  const nameOf = (m: Match) => doc.norm.slice(m.group('name')!.start, m.group('name')!.end).trim();
  return found.filter((m) => found.filter((x) => section(x) === section(m)).length >= 2 || (grant.test(nameOf(m)) && !grantNot.test(nameOf(m))));
}

/** The numbered items after a lead-in naming sub-projects (以下3个子项目：), on its line and the lines right after it
 *  that open with a list marker. */
function listedItems(doc: KDocument, f: ProjectsFile): Match[] {
  const out: Match[] = [];
  // (in a project report also its parts after a bare 其中： closing the sentence of its spending: parts_lead_in)
  const leads = [...matches(doc, f.listed_lead_in), ...(f.parts_lead_in && doc.reportKind === 'project_self_eval' ? matches(doc, f.parts_lead_in) : [])];
  for (const lead of leads) out.push(...matches(doc, f.listed_item, { start: lead.span.end - 1, end: listEnd(doc, lead.span.end) }));
  out.push(...usesItems(doc, f));
  // (the sub-projects run on after the lead-in's colon, unnumbered, each name glued to its budget: 包括3个子项目：A预算8万元，…；B预算…)
  if (f.inline_lead_in && f.inline_item) {
    for (const lead of matches(doc, f.inline_lead_in)) {
      let end = lead.span.end;
      while (end < doc.norm.length && doc.norm[end] !== '\n' && doc.norm[end] !== '。') end++;
      out.push(...matches(doc, f.inline_item, { start: lead.span.end - 1, end }));
    }
  }
  out.push(...summedItems(doc, f));
  // (numbered items each with its budget, its spending and its own score: evaluated funds, no lead-in needed)
  if (f.scored_item) {
    const regexes = (field: string) => [...(f.own_figures ?? []), ...f.fields].filter((d) => d.field === field).map((d) => d.regex);
    out.push(...scoredItems(doc, f.scored_item, regexes('score'), regexes('budget'), regexes('actual')));
  }
  // the sub-projects a sentence names with their count, listed anywhere after it (…包括A、B和C三个子项目。 … 1.A：预算…)
  if (f.named_lead_in) {
    const bare = (n: string) => n.replace(/\s+/g, '').replace(/^[“"「『]|[”"」』]$/g, '').replace(/子?项目$/, '');
    for (const lead of matches(doc, f.named_lead_in)) {
      const names = doc.norm.slice(lead.group('names')!.start, lead.group('names')!.end).split(/以及|[、和及与]/).map(bare);
      const c = doc.norm.slice(lead.group('count')!.start, lead.group('count')!.end);
      const count = countOf(c);
      if (names.length < 2 || names.length !== count || names.some((n) => n.length < 2)) continue;
      for (const m of matches(doc, f.named_item ?? f.listed_item, { start: lead.span.end, end: doc.norm.length })) {
        const name = bare(doc.norm.slice(m.group('name')!.start, m.group('name')!.end));
        if (names.includes(name) && !out.some((x) => x.span.start === m.span.start)) out.push(m);
      }
    }
  }
  return out;
}

/** The end of a list after its lead-in ending at `from`: the lead-in's line and the lines right after it that open with a list marker. */
function listEnd(doc: KDocument, from: number): number {
  let end = from;
  while (end < doc.norm.length && doc.norm[end] !== '\n') end++;
  while (end + 1 < doc.norm.length) {
    let next = end + 1;
    while (next < doc.norm.length && doc.norm[next] !== '\n') next++;
    if (!LINE_MARKER.test(doc.norm.slice(end + 1, next))) break;
    end = next;
  }
  return end;
}

/** In a project report, the numbered items after a lead-in naming the uses of the money (主要用于以下三个方面：⏎1.全国科普日活动经费
 *  10万元，实际支出9.6万元；⏎2.…): each its name glued to its amount with its spending after (glued_amount_name) or labelled by its
 *  colon (listed_item); as many as the lead-in counts, when it counts them. Items with no money of their own make no fund. */
function usesItems(doc: KDocument, f: ProjectsFile): Match[] {
  if (!f.uses_lead_in || doc.reportKind !== 'project_self_eval') return [];
  const out: Match[] = [];
  for (const lead of matches(doc, f.uses_lead_in)) {
    const within = { start: lead.span.end - 1, end: listEnd(doc, lead.span.end) };
    const items = [...matches(doc, f.glued_amount_name, within)].filter((m) => LINE_MARKER.test(doc.norm.slice(m.span.start, m.group('name')!.start)));
    const at = new Set(items.map((m) => m.group('name')!.start));
    items.push(...[...matches(doc, f.listed_item, within)].filter((m) => !at.has(m.group('name')!.start)));
    const counted = lead.group('count');
    if (counted && countOf(doc.norm.slice(counted.start, counted.end)) !== items.length) continue;
    out.push(...items);
  }
  return out;
}

/** In a project report, the numbered lines right above a line opening with their 合计 (`sum_line`), each stating a budget whose
 *  sum is the 合计's (`sum_budget`, the first in each line, within the figures' rounding): the project's parts, their items
 *  (listed_item) sub-projects. Two lines at least; a line between that is no numbered item with a budget ends the run. */
function summedItems(doc: KDocument, f: ProjectsFile): Match[] {
  if (doc.reportKind !== 'project_self_eval' || !f.sum_line || !f.sum_budget) return [];
  const out: Match[] = [];
  const budget = compile(f.sum_budget, '');
  const notItem = compile(f.section_item_not, '');
  const figure = (text: string) => {
    const m = budget.exec(text);
    const v = m ? toYuan(m.groups!.num, m.groups!.unit) : null;
    return v === null ? null : { value: v, slack: moneySlack(m!.groups!.num + (/^万/.test(m!.groups!.unit) ? '万' : '')) };
  };
  const lines = doc.lines;
  for (const sum of matches(doc, f.sum_line)) {
    let i = firstIndex(lines, (l) => l.end >= sum.span.start);
    if (i < 0 || i >= lines.length) continue;
    const total = figure(doc.norm.slice(sum.span.end, lines[i].end));
    if (!total) continue;
    let [value, slack, n] = [0, total.slack, 0];
    for (let j = i - 1; j >= 0; j--, n++) {
      const text = doc.norm.slice(lines[j].start, lines[j].end);
      const part = SIBLING_MARKER.test(text) ? figure(text) : null;
      if (!part) break;
      value += part.value;
      slack += part.slack;
    }
    if (n < 2 || Math.abs(value - total.value) > slack) continue;
    // (not the money's sources or labels, 1.中央补助资金：… ⏎ 2.县级配套资金：… ⏎ 合计：…: section_item_not, as for a section's items)
    const items = [...matches(doc, f.listed_item, { start: lines[i - n].start, end: lines[i - 1].end })];
    if (items.length !== n || items.some((m) => notItem.test(doc.norm.slice(m.group('name')!.start, m.group('name')!.end).trim()))) continue;
    out.push(...items);
  }
  return out;
}

/** 1.科普讲座项目：预算25万元，支出24.2万元；⏎2.科普培训项目：…；⏎3.科普宣传资料印制：预算15万元，支出14万元: an item on its own line in
 *  a list (lines in a row opening with the same kind of marker) two or more of whose items are named funds is a fund too,
 *  whatever its name (listed_item): the list says what its items are. Its figures are still needed. */
function siblingItems(doc: KDocument, f: ProjectsFile, named: Match[]): Match[] {
  const lines = doc.lines;
  const kind = (i: number) => {
    const m = SIBLING_MARKER.exec(doc.norm.slice(lines[i].start, lines[i].end));
    return m ? m[1].replace(/\d+|[一二三四五六七八九十]+/, 'n') : null;
  };
  const lineOf = (at: number) => {
    let lo = 0, hi = lines.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (lines[mid].end <= at) lo = mid + 1;
      else hi = mid;
    }
    return lo < lines.length && lines[lo].start <= at ? lo : -1;
  };
  const have = new Set<number>();
  for (const nm of named) {
    const i = lineOf(nm.group('name')!.start);
    if (i >= 0 && kind(i)) have.add(i);
  }
  const out: Match[] = [];
  const seen = new Set<number>();
  for (const i of [...have].sort((a, b) => a - b)) {
    if (seen.has(i)) continue;
    const k = kind(i);
    let lo = i, hi = i;
    while (lo > 0 && kind(lo - 1) === k) lo--;
    while (hi + 1 < lines.length && kind(hi + 1) === k) hi++;
    let n = 0;
    for (let j = lo; j <= hi; j++) {
      seen.add(j);
      if (have.has(j)) n++;
    }
    if (n < 2) continue;
    for (let j = lo; j <= hi; j++) if (!have.has(j)) out.push(...matches(doc, f.listed_item, { start: Math.max(0, lines[j].start - 1), end: lines[j].end }));
  }
  return out;
}
const SIBLING_MARKER = /^[ \t]*(\d{1,2}[、.](?!\d)|[(（]\d{1,2}[)）]|[(（][一二三四五六七八九十]{1,2}[)）]|[一二三四五六七八九十]+是)/;

function listedProjects(doc: KDocument, f: ProjectsFile, claimed: Span[]) {
  const out = [];
  const L = f.listing;
  const grant = compile(L.grant_name, '');
  const grantNot = compile(L.grant_not, '');
  const bracketNot = compile(L.bracket_not, '');
  const listings: { intro: Match; within: Span; items: Match[]; bracket?: boolean }[] = [];
  for (const intro of matches(doc, L.intro)) {
    let end = intro.span.end;
    while (end < doc.norm.length && doc.norm[end] !== '。' && doc.norm[end] !== '\n') end++;
    const within = { start: intro.span.end, end };
    const numbered = [...matches(doc, L.item, within)];
    listings.push({ intro, within, items: numbered.length ? numbered : [...matches(doc, L.item_bare, within)] });
  }
  // 项目支出266.62万元（A资金150万元，B经费20万元）: the bracket is the listing (the ( is its first item's separator)
  for (const intro of matches(doc, L.bracket_intro)) {
    if (listings.some((l) => intro.span.start < l.within.end && intro.span.end > l.intro.span.start)) continue;
    let end = intro.span.end;
    while (end < doc.norm.length && !'()。\n'.includes(doc.norm[end])) end++;
    if (doc.norm[end] !== ')' || bracketNot.test(doc.norm.slice(intro.span.end, end))) continue;
    const within = { start: intro.span.end - 1, end };
    listings.push({ intro, within, items: [...matches(doc, L.bracket_item, within)], bracket: true });
  }
  listings.sort((a, b) => a.intro.span.start - b.intro.span.start);
  for (const { intro, within, items: all, bracket } of listings) {
    // a budget disclosure lists planned funds: the figure is the fund's budget; so does a listing of the parts of a budget
    // (项目支出预算数为30万元，其中：科普经费20万元…: the parts of a budget are budgets)
    let field: 'budget' | 'actual' = doc.reportKind === 'budget' || (L.budget_intro && compile(L.budget_intro, '').test(doc.norm.slice(intro.span.start, intro.span.end))) ? 'budget' : 'actual';
    const nameOf = (m: Match) => doc.norm.slice(m.group('name')!.start, m.group('name')!.end).trim();
    const items = all.filter((m) => {
      const name = nameOf(m);
      // 科普经费20万元（科普日活动经费8万元，…）| 科普经费20万元，其中科普日活动经费8万元: an item inside a bracket left open
      // or right after a 其中 past an earlier item's amount is a part of the item before it, no fund of its own (the
      // warehouse would count it twice)
      const before = doc.norm.slice(within.start, m.group('name')!.start);
      if (!bracket && (/[(][^)]*$/.test(before) || (/\d/.test(before) && (compile(L.part_before, '').test(before) || compile(L.part_name, '').test(name))))) return false;
      return !(otherYearAt(doc, m.group('name')!.start, f) || compile(L.not_name, '').test(name) || compile(f.not_name, '').test(name) || compile(f.sentence_name, '').test(name));
    });
    // a 补助/补贴 name is a fund only beside a fund-word name (学会学术活动补助 after 科普经费)
    const funds = items.filter((m) => !grant.test(nameOf(m))).length;
    // (an intro counting the projects, 安排我会项目3个，预算资金合计86万元，其中：…: as many items as it counts, and its figures
    // named — a budget, or what was spent — else none is read)
    const counted = intro.group('counted');
    if (counted) {
      const n = countOf(doc.norm.slice(counted.start, counted.end).replace(/[^两二三四五六七八九十\d]/g, ''));
      const kept = items.filter((m) => !grant.test(nameOf(m)) || (funds && !grantNot.test(nameOf(m))));
      if (kept.length !== n || kept.length !== items.length) continue;
      if (field === 'actual' && ![...matches(doc, L.intro_actual, intro.span)].length) continue;
      // (with a budget and a spending stated, the items are the parts of the one they sum to; of neither, none is read)
      if (field === 'actual' && [...matches(doc, L.intro_budget, intro.span)].length) {
        if (partsOfBudget(doc, L, intro.span, kept)) field = 'budget';
        else if (!partsOfBudget(doc, L, intro.span, kept, true)) continue;
      }
    }
    if (field === 'actual' && !bracket && partsOfBudget(doc, L, intro.span, items.filter((m) => !grant.test(nameOf(m)) || funds))) field = 'budget';
    for (const m of items) {
      const g = m.m.groups!;
      const v = toYuan(g.num, g.unit);
      const nameSpan = m.group('name')!;
      const name = nameOf(m);
      if (v === null || (grant.test(name) && (!funds || grantNot.test(name)))) continue;
      const own = withoutLead(doc, f, nameSpan);
      const item: Project = { name: cleanValue(doc.display.slice(own.start, own.end)), budget: null, adjustment: null, actual: null, carryover: null, executionRate: null, score: null };
      item[field] = v;
      claimed.push(m.group('amount')!);
      out.push({ item, span: trimSpan(doc, m.span), rule: L.id, fields: { name: { span: own, rule: L.id }, [field]: { span: trimSpan(doc, m.span), rule: L.id } } });
    }
  }
  return out;
}

/** A figure's rounding when written with decimals (a whole figure is taken as written: 10+5+15 is 30, not 29.4). */
const slack = (num: string, unit: string) => (/\./.test(num) ? moneySlack(`${num}${unit}`) : 0);

/** The intro states a budget and a spending figure, and the items' figures sum to the budget, not to the spending: they are its
 *  parts (with `spending`, the other way round: they sum to the spending, not to the budget). */
function partsOfBudget(doc: KDocument, L: ProjectsFile['listing'], intro: Span, items: Match[], spending = false): boolean {
  const figure = (regex: string): { v: number; tol: number } | null => {
    for (const m of matches(doc, regex, intro)) {
      const g = m.m.groups!;
      const v = toYuan(g.num, g.unit);
      if (v !== null) return { v, tol: slack(g.num, g.unit) };
    }
    return null;
  };
  const budget = figure(L.intro_budget);
  const actual = budget && figure(L.intro_actual);
  if (!budget || !actual || !items.length) return false;
  let sum = 0, tol = 0;
  for (const m of items) {
    const g = m.m.groups!;
    const v = toYuan(g.num, g.unit);
    if (v === null) return false;
    sum += v;
    tol += slack(g.num, g.unit);
  }
  const near = (x: { v: number; tol: number }) => Math.abs(sum - x.v) <= tol + x.tol + 1e-6;
  return spending ? near(actual) && !near(budget) : near(budget) && !near(actual);
}

/** The span past a heading that ends inside it (its title on the name's line, as inline headings are), whitespace skipped;
 *  or past a space between CJK words when the text is not letter-spaced (三、项目支出绩效情况 项目经费 with its numbering
 *  broken, so no heading: the title and the body's first words). */
function pastHeading(doc: KDocument, span: Span): Span {
  const h = doc.headings.find((x) => x.start <= span.start && x.end > span.start && x.end < span.end);
  let start = h ? h.end : span.start;
  const text = doc.norm.slice(start, span.end);
  const gap = /^(.*[\u4e00-\u9fa5][\u4e00-\u9fa5])[ \t\u3000]+(?=[\u4e00-\u9fa5“"(])/.exec(text);
  if (gap) start += gap[1].length;
  while (start < span.end && /\s/.test(doc.norm[start])) start++;
  return start === span.start ? span : { start, end: span.end };
}

/** The name without the preposition naming whom a grant goes to (对乡镇科协工作补助 → 乡镇科协工作补助: the grant's name). */
function withoutLead(doc: KDocument, f: ProjectsFile, span: Span): Span {
  const text = doc.norm.slice(span.start, span.end);
  // (县科协下拨科普经费 in a town's report: the county's giver and verb too, hunta56; in a county's they name no fund)
  const lead = compile(f.name_lead, '').exec(text) ?? (unitRank(doc) > LEVEL_RANK.县 ? compile('^[ \\t]*(?:{GRANT_FROM_COUNTY})(?=[^，,。;；:：]{2})', '').exec(text) : null);
  return lead ? { start: span.start + lead[0].length, end: span.end } : span;
}

/** A figure of another year (2022年实际支出X in a 2023 report, 上年实际支出X) or last year's carry-in (上年结转X). */
function otherYear(doc: KDocument, f: ProjectsFile, at: number, floor: number): boolean {
  return saysOtherYear(doc, f.not_before, doc.norm.slice(Math.max(floor, at - 14), at));
}

const OWN_YEAR = /^(?:19|20)\d\d年度?/;
/** A name (its year aside, four characters or more) the report's title contains. */
function ownNamed(ownTitle: string, name: string): boolean {
  const bare = name.replace(/\s+/g, '').replace(OWN_YEAR, '');
  return bare.length >= 4 && ownTitle.includes(bare);
}

type MoneyCell = (text: string, unit: string | null) => { value: number; tol: number } | null;

/** The header cell spanning column `col` of a row: the cell itself, else the nearest filled one to its left (a merged cell
 *  copied as text keeps its words in its first column, the rest empty), not past the name column. */
function spanning(row: string[], col: number, nameCol: number): string {
  for (let j = col; j > nameCol; j--) if (row[j]) return row[j];
  return '';
}
/** A header cell's unit (（万元） → 万, （元） → ''), or null. */
const headerUnit = (u: RegExpMatchArray | null): string | null => (u ? u[1].replace(/元$/, '') : null);

interface Cell { start: number; end: number; text: string }

/** a listing's 执行率 cell (`98.33%`, or `98.33` under 执行率（%）); 1000 or more is a figure out of place, no rate */
const listingRate = (k: string) => {
  const r = rateCell(k);
  return r && r.value < 1000 ? r : null;
};
/** a listing's 自评得分 cell (`95`, `95分`), at most 100 */
const listingScore = (k: string) => {
  const n = scoreCell(k);
  return n === null ? null : { value: n };
};

/**
 * A table of funds (子项目名称⇥预算数（万元）⇥实际支出（万元）…, patterns/projects.yaml `table`): one project per row with its
 * figures, each with its cell as evidence. A fund already named in the prose keeps the prose's figures. Each table's `unit` is
 * the table's own unit (its unit line or caption), `key` a cell's matching text; `selfEvalListing` marks a self-evaluation
 * table read as such a listing all the same (its caption would exclude it).
 */
export function projectTables(
  doc: KDocument,
  tables: { table: { rows: Cell[][]; caption?: string; start?: number }; unit: string | null; selfEvalListing?: boolean }[],
  key: (c: Cell) => string,
  money: MoneyCell,
): void {
  const f = loadPatternFile<ProjectsFile>('projects.yaml');
  const def = f.table;
  if (!def) return;
  const nameRe = compile(def.name_header, '');
  const unitRe = compile(def.header_unit, '');
  const totalRe = compile(def.total_row, '');
  const notCaption = compile(def.not_caption, '');
  const notName = compile(f.not_name, '');
  const notSections = def.not_sections ? compile(def.not_sections, '') : null;
  const notRowName = def.not_row_name ? compile(def.not_row_name, '') : null;
  const cols = def.columns.map((c) => ({ ...c, re: compile(c.regex, '') }));
  const periodRe = compile(def.header_period, '');
  const list = (doc.items.projects ??= []);
  const title = doc.reportKind === 'project_self_eval' ? doc.facts.find((x) => x.path === '/meta/title') : undefined;
  const ownTitle = title ? doc.norm.slice(title.span.start, title.span.end).replace(/\s+/g, '') : '';
  for (const { table: t, unit: tableUnit, selfEvalListing } of tables) {
    // (an overall report's 项目支出绩效自评表 laid out as a listing, one row per project, is a table of funds all the same)
    if (t.caption && !selfEvalListing && notCaption.test(t.caption.replace(/\s+/g, ''))) continue;
    // (nor in a section of the 三公 money, the 机关运行经费, purchases or assets: its rows are items of spending)
    if (notSections && t.start !== undefined && sectionsAt(doc, t.start).some((h) => notSections.test(h.title))) continue;
    for (let ri = 0; ri < t.rows.length; ri++) {
      const header = t.rows[ri].map(key);
      // (the name header may carry the table's unit: 项目名称（万元）; it is the value columns' fallback)
      const nameCol = header.findIndex((h) => nameRe.test(h.replace(unitRe, '')));
      if (nameCol < 0) continue;
      const nameU = headerUnit(header[nameCol].match(unitRe));
      // (a name header's unit against another unit line: no fallback, a cell must state its own)
      const rowUnit = nameU === null ? tableUnit : tableUnit === null || tableUnit === nameU ? nameU : null;
      // field → column, the higher rank first; a header cell's own unit
      const columnsOf = (cells: string[], above?: string[]) => {
        const at = new Map<string, { col: number; rank: number; unit: string | null }>();
        cells.forEach((h, col) => {
          if (col === nameCol) return;
          const u = h.match(unitRe);
          const bare = u ? h.slice(0, u.index) : h;
          const c = cols.find((x) => x.re.test(bare));
          if (!c) return;
          // (under a merged cell of the row above, `资金情况（万元）` over 预算数⇥执行数, that cell's unit is the column's)
          const unit = headerUnit(u) ?? (above ? headerUnit(spanning(above, col, nameCol).match(unitRe)) : null);
          const prev = at.get(c.field);
          if (!prev || prev.rank < c.rank) at.set(c.field, { col, rank: c.rank, unit });
        });
        return at;
      };
      let at = columnsOf(header);
      // a header over two rows (项目名称⇥资金情况（万元）⇥⇥执行率 over ⇥预算数⇥执行数⇥): the value columns are named in the
      // second row, under an empty name cell
      const next = t.rows[ri + 1]?.map(key);
      // (not under years or other groups, 2022年⇥⇥2023年 over 预算数⇥决算数⇥预算数⇥决算数: a column word twice, or a year above)
      // (the rate or score column, 执行率⇥得分, may stand in the first row beside the merged money cell: kept)
      const moneyNamed = [...at.keys()].some((f) => f === 'budget' || f === 'actual' || f === 'carryover');
      if (!moneyNamed && next && next.length === header.length && !next[nameCol] && !header.some((h) => periodRe.test(h))) {
        const words = next.filter((h, col) => col !== nameCol && cols.some((x) => x.re.test(h.replace(unitRe, ''))));
        if (new Set(words.map((h) => h.replace(unitRe, ''))).size === words.length) at = new Map([...at, ...columnsOf(next, header)]);
      }
      // (a listing of the projects' scores alone, 项目名称⇥自评得分⇥评价等级 — a society's 项目自评得分汇总 over its funds —: each row a
      // project with its score, when it lists two or more)
      const scoresOnly = ![...at.keys()].some((f) => f === 'budget' || f === 'actual' || f === 'carryover');
      // (named by a name column, 项目名称: a 项目内容 column of a scoring sheet lists criteria, no projects)
      if (scoresOnly && !(at.has('score') && /名称$/.test(header[nameCol].replace(unitRe, '')))) continue;
      // (a row of another width is another block of the table: the listing ends)
      const rows = [...namedRows(doc, t.rows, ri, nameCol, totalRe)].filter(({ name }) => !(notName.test(name.replace(/\s+/g, '')) || notRowName?.test(name.replace(/\s+/g, '')) || /^\d+(?:\.\d+)?$/.test(name)));
      if (scoresOnly && rows.length < 2) break;
      // in a project report the report's own project is no fund of it: a row the title names, or the only row (a listing of
      // the project's parts has two or more); its figures are finance.project's
      if (doc.reportKind === 'project_self_eval' && (rows.length === 1 || rows.some(({ name }) => ownNamed(ownTitle, name)))) break;
      for (const { row, nameCell, name } of rows) {
        const item: Project = { name, budget: null, adjustment: null, actual: null, carryover: null, executionRate: null, score: null };
        const fields: Record<string, { span: Span; rule: string }> = { name: { span: { start: nameCell.start, end: nameCell.end }, rule: 'projects.table.name' } };
        for (const [field, c] of at) {
          const cell = row[c.col];
          if (!cell || !key(cell)) continue;
          const v = field === 'executionRate' ? listingRate(key(cell)) : field === 'score' ? listingScore(key(cell)) : money(key(cell), c.unit ?? rowUnit);
          if (!v) continue;
          item[field as 'budget' | 'actual' | 'carryover' | 'executionRate' | 'score'] = v.value;
          fields[field] = { span: { start: cell.start, end: cell.end }, rule: `projects.table.${field}` };
        }
        if (Object.keys(fields).length < 2) continue;
        const named = list.find((x) => (x.item as Project).name === name);
        if (named) {
          fillRateAndScore(named, item, fields);
          continue;
        }
        const cells = Object.values(fields).map((x) => x.span);
        list.push({ item, span: { start: Math.min(...cells.map((x) => x.start)), end: Math.max(...cells.map((x) => x.end)) }, rule: 'projects.table', fields });
      }
      break;
    }
  }
}

/** A fund the prose names keeps its figures; it takes the table row's 执行率 and 自评得分 where it states none, as from a project's
 *  form, when the row's money is the prose's (a row of other figures may rate other money). */
function fillRateAndScore(named: { item: unknown; fields?: Record<string, { span: Span; rule: string }> }, row: Project, fields: Record<string, { span: Span; rule: string }>): void {
  const prose = named.item as Project;
  // (a project the prose only scores, A项目、B项目自评得分分别为95分、92分, takes the row's money too: the row is its figures)
  if (scoredOnly(prose)) {
    for (const k of ['budget', 'actual', 'carryover', 'executionRate', 'score'] as const) {
      if (prose[k] !== null || row[k] === null || !fields[k]) continue;
      prose[k] = row[k];
      if (named.fields) named.fields[k] = fields[k];
    }
    return;
  }
  const money = (['budget', 'actual'] as const).filter((k) => prose[k] !== null && row[k] !== null);
  if (!money.length || money.some((k) => prose[k] !== row[k])) return;
  for (const k of ['executionRate', 'score'] as const) {
    if (prose[k] !== null || row[k] === null || !fields[k]) continue;
    prose[k] = row[k];
    if (named.fields) named.fields[k] = fields[k];
  }
}
