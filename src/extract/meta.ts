// Title, unit, region, year, kind, date, preparer, phone (patterns/meta.yaml).
import type { Fact, KDocument, Line, Span } from '../document.js';
import { firstSpanFrom, isExcluded } from '../document.js';
import { compile, derived, loadPatternFile } from '../patterns.js';
import { cleanValue } from '../normalise/fold.js';
import { parseChineseInteger } from '../normalise/numbers.js';
import { matches, trimSpan, type Match } from './engine.js';
import { closingLine } from '../structure/outline.js';
import type { ReportKind } from '../schema/record.js';

interface Rule { id: string; regex: string }
interface MetaFile {
  title_line: string; title_words: string; title_version_mark: string; title_tail: string; title_head_rest: string; cover_title: string; placeholder: string; breadcrumb: string; portal_menu: string; portal_kind_item: string; crumb_prefix: string; work_summary?: string; duty_report?: string; work_summary_year?: Rule; letter_spaced: string; title_org_spaced: string; year_title_spaced: Rule; year_title_bare: Rule; year_title_span?: string; one_line_title: string; one_line_rest: string; title_not: string; year_line: string; date_head: string; subordinate: string; annex_label: string; title_field?: string; annex_one_line: string; subordinate_spaced: string; org_spaced: string; letter_furniture: string; page_line: string; letterhead: string; unit_cover: string; unit_source: string; unit_opener?: string; title_place?: string; opener_place_kexie?: string; cover_sender: string; kinds: { kind: ReportKind; regex: string }[]; kind_bare_title: string; kind_fiscal: string; kind_project_field: string; org: string; title_org_place: string; title_topic: string; title_owner?: string; title_owner_before?: string; title_owner_after?: string
  unit_label: Rule; unit_bare: Rule; year_title: Rule; year_subtitle: Rule & { inline: string }; year_label: Rule; year_body: Rule; period: string; year_period: { id: string; line: string; label: string; inline: string }; year_body_cited?: { before: string; after: string; spending?: string }; date: Rule[]; preparer: Rule; not_person: string;
  phone: Rule; region: string; region_bureau: Rule; place_stand_in: string; date_range: { next: string; prev: string }; signature_not_after: string; signature_date: string; signature_seal: string; unit_subtitle: string; unit_subtitle_dash: string; unit_short: string; party_group: string; unit_alias: Rule; phone_contact: Rule; phone_after_contact: Rule; stray_gap: { regex: string; place_end: string }; region_above: Rule & { year: string };
}

const meta = () => loadPatternFile<MetaFile>('meta.yaml');
// the body that ordered or published the report is not the reporting unit
// (nor is a firm that did the evaluation: 评价单位：某某会计师事务所, 某某咨询有限公司)
// (nor a party or government office that published it: 中共某某县委办公室 over the title)
// a body's word alone, no place before it
const BARE_BODY = /^(?:科学技术协会|科协|科学技术馆|科技馆)$/;
// (a town's or township's government filing its own report is its unit: 青禾县安中镇人民政府, meta.yaml org; hunta53)
const NOT_UNIT_NAME = /财政(?:局|厅)$|(?<![镇乡])人民政府$|政府办公室$|事务所$|公司$|委办公室$/;
// (中共 opens no unit's name, but a party committee's department's: 中共青禾县委宣传部, see macros.yaml PARTY_DEPT; hunta52)
// (a line opening with 中共, a department's name and the year, above a title is a party office's heading, no first half of it)
const PARTY_OPENING = /^\s*中共/;
const NOT_UNIT = { test: (v: string) => NOT_UNIT_NAME.test(v) || (v.startsWith('中共') && !compile('委(?:{PARTY_DEPT})部$', '').test(v)) };
// the unit's 机关 right after its name (县科协机关, 某县科学技术协会机关): no organisation's name, wherever it stands — a label's value,
// the title or the signature (decided, lists47 for the signature, lists48 for the title and a label: one rule). Where the department
// has a subordinate the 机关 is its part (see staffing), and the 科协's name would claim the department's figures for it; the
// sources after it are read as when it names none. (Not 机关 opening another word: 县科协机关党支部 is no report's unit either.)
// (lists49, decided: so is its 本级, in brackets or not — 县科协（本级）2023年度…报告, 单位名称：某县科学技术协会本级: the department's own
// budget unit without its subordinates, as the finance and staffing families read 本级 and 机关 alike; before, the 科协.)
const UNIT_ORGAN = /^[ \t]*(?:机[ \t]*关|[（(]?[ \t]*本[ \t]*级)/;
// a label's value listing several bodies (实施单位：某市农学会、某市医学会等6家市级学会 | …等单位): those the project's money went
// to, no one reporting unit — the unit comes from the title or the signature (huntb49)
const UNIT_LIST = /、|等[ \t]*(?:[\d一二三四五六七八九十两]{1,3}[ \t]*[家个所]|单位$)/;
// an organisation's name alone is at most 30 characters, or 40 opening with a province's (see org in meta.yaml: 新疆维吾尔自治区伊犁
// 哈萨克自治州察布查尔锡伯自治县科学技术协会 is 31)
function nameFits(name: string): boolean {
  return name.length <= 30 || (name.length <= 40 && /^[\u4e00-\u9fa5]{2,8}?(?:省|自治区)/.test(name));
}

function push(doc: KDocument, path: string, value: unknown, span: Span, rule: string): void {
  doc.facts.push({ path, value, span: trimSpan(doc, span), rule, priority: 0 } as Fact);
}

/** The title: the first line naming a report kind, joined with the next line when printed over two. */
export function findTitle(doc: KDocument): { value: string; span: Span } | null {
  const first = firstTitle(doc);
  // (附件1 部门整体支出绩效自评表 … 附件2 2023年度某县科协部门整体支出绩效自评报告 一、…: a file opening with the annexed
  // table and the report after it is the report; the table's name is its annex's, not its title)
  const title = first && /表$/.test(first.value) ? reportAfterTable(doc, first.span.end) ?? first : first;
  return title && withoutVersionMark(doc, withTail(doc, title));
}

/** The title with the rest of its kind's words on the next non-blank line (…绩效自评⏎报告, …部门决算⏎情况说明: title_tail), when
 *  the title ends its line and the two read together are a title. */
function withTail(doc: KDocument, title: { value: string; span: Span }): { value: string; span: Span } {
  const f = meta();
  const i = doc.lines.findIndex((l) => l.start <= title.span.end && title.span.end <= l.end);
  if (i < 0 || doc.norm.slice(title.span.end, doc.lines[i].end).trim()) return title;
  const next = neighbour(doc, i, 1);
  if (!next || !compile(f.title_tail, '').test(next.text)) return title;
  if (!compile(f.title_line, '').test(doc.norm.slice(title.span.start, title.span.end).replace(/\s+/g, '') + next.text)) return title;
  return { value: cleanValue(title.value + doc.display.slice(next.line.start, next.line.end).trim()), span: trimSpan(doc, { start: title.span.start, end: next.line.end }) };
}

// the brackets closing a title (one or two, as title_line takes them), and each of them
const CLOSING_BRACKETS = /(?:[（(【][^（()）【】]{1,30}[）)】]){1,2}$/;
const BRACKET = /[（(【][^（()）【】]{1,30}[）)】]/g;

/** The title without the version's marks among the brackets closing it (…自评报告（定稿）, （公开版）: title_version_mark; also before
 *  a bracket of content, …报告（公开版）（县本级） → …报告（县本级）, lists54); its span ends at the last bracket kept. */
function withoutVersionMark(doc: KDocument, title: { value: string; span: Span }): { value: string; span: Span } {
  const tail = CLOSING_BRACKETS.exec(title.value);
  if (!tail) return title;
  const mark = compile(meta().title_version_mark, '');
  const parts = tail[0].match(BRACKET)!;
  const kept = parts.filter((p) => !mark.test(p));
  if (kept.length === parts.length) return title;
  // (the marks after the last bracket kept leave the span: their opening brackets counted back in the text)
  let end = title.span.end;
  for (let i = parts.length - 1; i >= 0 && mark.test(parts[i]); i--) end = Math.max(doc.norm.lastIndexOf('(', end - 1), doc.norm.lastIndexOf('（', end - 1));
  if (end <= title.span.start) return title;
  return { value: title.value.slice(0, tail.index) + kept.join(''), span: trimSpan(doc, { start: title.span.start, end }) };
}

/** Is a piece of the title's line only blanks and version marks (…报告（公开版）: title_version_mark)? */
function onlyMarks(s: string): boolean {
  return !s.trim() || derived(meta(), 'versionMarksOnly', () => `^(?:${meta().title_version_mark.replace(/\$$/, '')})*[ \t]*$`).test(s);
}

/** Where the title's foot ends: after the version marks left out of it, on its line (…报告（终稿）) and alone on the lines under it
 *  (…报告⏎（征求意见稿）): what stands under the title (its year, the unit's name, a date) stands under them (lists54). */
export function titleFoot(doc: KDocument, title: Span): number {
  const marks = derived(meta(), 'versionMarks', () => `^(?:${meta().title_version_mark.replace(/\$$/, '')}){1,2}[ \t]*$`);
  let end = title.end;
  const own = doc.lines.find((l) => l.start <= end && end <= l.end);
  if (own && end < own.end) {
    if (!marks.test(doc.norm.slice(end, own.end))) return end;
    end = own.end;
  }
  for (let i = firstSpanFrom(doc.lines, end); i < doc.lines.length; i++) {
    const text = doc.norm.slice(doc.lines[i].start, doc.lines[i].end);
    if (!text.trim()) continue;
    if (!marks.test(text.trim())) break;
    end = doc.lines[i].end;
  }
  return end;
}

/** The report's own title on a line after a table's title that opens the file, before its first heading (a line of its own, or
 *  after an annex's label and a colon, 附件2：…报告); null when a heading, or no such line, comes first. */
function reportAfterTable(doc: KDocument, from: number): { value: string; span: Span } | null {
  const f = meta();
  const stop = doc.headings.find((h) => h.start >= from)?.start ?? doc.norm.length;
  for (const l of doc.lines) {
    if (l.start < from || !l.text.trim() || isExcluded(doc, l)) continue;
    if (l.start >= stop) break;
    const line = doc.norm.slice(l.start, l.end);
    if (line.includes('\t')) continue;
    const label = compile(f.annex_label, '').exec(line);
    const start = l.start + (label?.[0].length ?? 0);
    const t = doc.norm.slice(start, l.end).trim();
    if (t.length > 60 || /表$/.test(t) || /^附件|^[\d一二三四五六七八九十]{1,2}\s*[.、．]/.test(t)) continue;
    if (compile(f.title_line, '').test(t) && compile(f.title_words, '').test(t) && !compile(f.title_not, '').test(t)) {
      return { value: cleanValue(doc.display.slice(start, l.end)), span: trimSpan(doc, { start, end: l.end }) };
    }
  }
  return null;
}

function firstTitle(doc: KDocument): { value: string; span: Span } | null {
  const f = meta();
  const lines = doc.lines.filter((l) => l.text.trim() && !isExcluded(doc, l)).slice(0, 20);
  // (a line spaced letter by letter, 2 0 2 3 年 度 县 科 协 …, is tested on its characters without the spaces)
  const norm = (l: Line) => unspaced(doc.norm.slice(l.start, l.end).trim());
  // (…shown without them too: 2 0 2 3 年 度 is 2023年度, as the spaces next to CJK characters go in every string value)
  const show = (l: Line) => cleanValue(unspaced(doc.display.slice(l.start, l.end).trim()));
  // a report pasted on one line: the title is the line's opening phrase
  const raw = (l: Line) => doc.norm.slice(l.start, l.end).trim();
  // (after a portal page's breadcrumb, on the title's line or alone on the line above)
  let head = lines[0];
  let crumbs = 0;
  if (head && compile(f.breadcrumb, '').test(raw(head))) {
    crumbs = compile(f.crumb_prefix, '').exec(raw(head))?.[0].length ?? 0;
    if (!crumbs || crumbs >= raw(head).length) [head, crumbs] = [lines[1], 0];
  }
  // (附件2 某县科协…报告 一、…: an annex's label opening the line is no part of the title, as before a colon on a title's own line)
  const line = head ? raw(head).slice(crumbs) : '';
  const text = line.slice(compile(f.annex_one_line, '').exec(line)?.[0].length ?? 0);
  // (after a breadcrumb the title may be all that is left of its line: a one-line page cut there before its 目录 or first heading;
  // only a title naming the unit, not a crumb's tail, 首页 > 某县科学技术协会 2023 年度部门决算, the crumb's name spaced off its year)
  const alone = crumbs > 0 && head.end - head.start <= 200 && !/^\d/.test(raw(head).slice(crumbs)) && compile(f.org, '').test(raw(head).slice(crumbs));
  const first = head ? compile(f.one_line_title, '').exec(alone ? text + ' ' : text) : null;
  if (first && (text.length > 60 || compile(f.one_line_rest, '').test(text.slice(first[0].length)) || (alone && first[0].length >= text.length)) && compile(f.title_words, '').test(first[1])) {
    const start = head.start + doc.norm.slice(head.start).indexOf(first[1]);
    return { value: cleanValue(doc.display.slice(start, start + first[1].length)), span: { start, end: start + first[1].length } };
  }
  // 关于报送2024年度…自评报告的报告 | …的函: a cover letter sending the report; the report's own title after it is the title,
  // and with none the cover's, which names the report (cover_title)
  let cover: { value: string; span: Span } | null = null;
  let summary: { value: string; span: Span } | null = null;
  const found = (t: { value: string; span: Span }) => {
    if (!isCover(t.value.replace(/\s+/g, ''))) return t;
    cover ??= t;
    return null;
  };
  for (let i = 0; i < lines.length; i++) {
    const t = norm(lines[i]);
    // (a cover letter's title not ending as a report's does, …报告的函, is one only when no title follows)
    if (!cover && isCover(t) && compile(f.title_words, '').test(t) && !compile(f.title_not, '').test(t) && t.length <= 60) {
      cover = { value: show(lines[i]), span: { start: lines[i].start, end: lines[i].end } };
      continue;
    }
    // (…over two lines: 关于报送2024年度部门整体支出绩效⏎自评报告的函)
    const second = lines[i + 1] ? norm(lines[i + 1]) : '';
    if (!cover && second.length <= 30 && /^关于/.test(withoutSender(t)) && isCover(t + second) && !compile(f.title_not, '').test(t + second)) {
      cover = { value: cleanValue(show(lines[i]) + show(lines[i + 1])), span: { start: lines[i].start, end: lines[i + 1].end } };
      i++;
      continue;
    }
    // 附件2：2023年度某县科学技术协会部门整体支出绩效自评报告: the annex's label before a colon is no part of the title on its line
    // (…and a portal's field label, 标题：某县科协…报告, as an annex's)
    const label = compile(f.annex_label, '').exec(doc.norm.slice(lines[i].start, lines[i].end)) ?? (f.title_field ? compile(f.title_field, '').exec(doc.norm.slice(lines[i].start, lines[i].end)) : null);
    // (…but a table's annex after the body's headings, 二、自评结论⏎…⏎附件：部门整体支出绩效自评表, is the report's annex, no title)
    if (label && /表\s*$/.test(doc.norm.slice(lines[i].start, lines[i].end)) && doc.headings.some((h) => h.start < lines[i].start)) continue;
    if (label) {
      const start = lines[i].start + label[0].length;
      const rest = doc.norm.slice(start, lines[i].end).trim();
      if (rest.length <= 60 && compile(f.title_line, '').test(rest) && compile(f.title_words, '').test(rest) && !compile(f.title_not, '').test(rest)) {
        return { value: cleanValue(doc.display.slice(start, lines[i].end)), span: trimSpan(doc, { start, end: lines[i].end }) };
      }
    }
    // (nor a numbered line, an item of a list of annexes or tables: 2.项目支出绩效自评表, also with a year right after its
    // marker, 1.2023年度项目支出绩效自评报告, which is no decimal)
    // (nor a portal page's breadcrumb: 首页 > 财政预决算 > 部门决算; nor its menu's item: 财政预决算, 政府信息公开目录)
    // (nor an official letter's document number or letterhead: 北科协〔2024〕8号, 某县科学技术协会文件; nor a page's number, page_line)
    if (/^附件|^[(（]?此页|^目\s*录$|^[\d一二三四五六七八九十]{1,2}\s*[.、．](?!\d)|^\d{1,2}\s*[.、．]\s*(?:19|20)\d{2}\s*年/.test(t) || t.length > 60 || compile(f.breadcrumb, '').test(t) || compile(f.portal_menu, '').test(t) || compile(f.letter_furniture, '').test(t) || compile(f.page_line, '').test(t)) continue;
    const next = lines[i + 1] ? norm(lines[i + 1]) : '';
    // (a bare kind's line beside another, 部门预算⏎部门决算: a portal's menu of the kinds, no title)
    // (青山街道科协2023年工作总结: a year's work summary opening the text, a title only when no report's title follows, see work_summary)
    // (…and so is a leader's report of duty, 某县科协党组书记2023年度述职报告: no report of this genre, kind other; see duty_report)
    if (!summary && i < 3 && f.work_summary && !doc.headings.some((h) => h.start < lines[i].start) && (compile(f.work_summary.replace('{ORG}', f.org), '').test(t) || (!!f.duty_report && compile(f.duty_report, '').test(t)))) {
      summary = { value: show(lines[i]), span: { start: lines[i].start, end: lines[i].end } };
      continue;
    }
    // (青禾县安中镇科学技术协会⏎2023年度工作总结: the unit's name alone over a summary's title naming none is its first line; hunta54)
    const below = lines[i + 1];
    if (!summary && i < 2 && below && f.work_summary && !doc.headings.some((h) => h.start < below.start) && unitLine(t) && !compile(f.org, '').test(norm(below)) && compile(f.work_summary.replace('{ORG}', f.org), '').test(t + norm(below))) {
      summary = { value: show(lines[i]) + show(below), span: { start: lines[i].start, end: below.end } };
      i++;
      continue;
    }
    const kindItem = compile(f.portal_kind_item, '');
    if (kindItem.test(t) && ((i > 0 && (kindItem.test(norm(lines[i - 1])) || compile(f.portal_menu, '').test(norm(lines[i - 1])))) || kindItem.test(next))) continue;
    if (compile(f.title_line, '').test(t) && compile(f.title_words, '').test(t) && !compile(f.title_not, '').test(t)) {
      const own = found(withYearAbove({ value: show(lines[i]), span: { start: lines[i].start, end: lines[i].end } }, lines[i - 1]));
      if (own) return own;
      continue;
    }
    // (a labelled field such as 单位名称：X above the title is not the title's first half)
    // (nor is a publisher's name such as 中共某某县委办公室 or 某县财政局 printed above it, nor a date)
    // (an annex line, 附件：1.…报告, under a letter's title is no second half of it)
    // (nor is the unit's name alone over a title that names an organisation itself, 长宁区科学技术协会⏎2023年度长宁区科学技术协会…
    // 报告, 长宁区科协⏎长宁区科学技术协会2023年度部门决算: a letterhead or a page's header over the whole title; a subordinate
    // named under its parent, 某市科学技术协会⏎所属科技馆…报告, still opens it)
    const titleNamesOrg = next !== '' && unitLine(t) && compile(f.org, '').test(next) && !derived(f, 'subordinateOpening', () => `^${f.subordinate}`).test(next);
    // (nor a prefecture or province alone over a whole title whose unit names its own place, 永州市⏎2023年度宁远县科学技术协会…报告,
    // 娄底市⏎2023年度冷水江市科协…: the places above it, see region_above, not the title's first words)
    const placeOverTitle = next !== '' && placeLine(t) && compile(f.title_line, '').test(next) && compile(f.title_words, '').test(next) && ownPlace(compile(f.region, '').exec(next.replace(derived(f, 'yearOpening', () => `^\\s*(?:${f.region_above.year})\\s*`), '')) ?? null);
    // (…and a title broken inside its kind's last word, …绩效自评报⏎告: the next line a tail of it, title_tail)
    if (next && next.length <= 30 && !titleNamesOrg && !placeOverTitle && !/^附件/.test(next) && !compile(f.breadcrumb, '').test(next) && !compile(f.portal_menu, '').test(next) && (compile(f.title_line, '').test(next) || (compile(f.title_tail, '').test(next) && compile(f.title_line, '').test(t + next))) && compile(f.title_words, '').test(t + next) && !/[。，,;:：]/.test(t) && !NOT_UNIT.test(t) && !compile(f.date_head, '').test(t)) {
      // 某县科学技术协会⏎2022年度⏎部门整体支出绩效自评报告 | 某县科学技术协会⏎2022年度部门整体支出⏎绩效自评报告: the unit's name
      // alone above a title printed over two lines that names no organisation is its first line
      // (a subordinate named under its parent, 某市科学技术协会⏎所属科技馆部门整体支出⏎绩效自评报告, opens no title: the parent's
      // line is its first)
      // (…and so is the unit's name with the year, 某县科学技术协会2023年度⏎部门整体支出绩效⏎自评报告 | 2023年度某县科学技术协会⏎…;
      // or the year alone above the name's line, 2023年度⏎某县科学技术协会⏎部门整体支出⏎绩效自评报告)
      const above = lines[i - 1];
      if (above && (unitLine(norm(above)) || (datedUnitLine(norm(above), t + next) && !compile(f.year_line, '').test(t))) && (compile(f.year_line, '').test(t) || !compile(f.org, '').test(t + next) || derived(f, 'subordinateOpening', () => `^${f.subordinate}`).test(t))) {
        return withYearAbove({ value: cleanValue(show(above) + show(lines[i]) + show(lines[i + 1])), span: { start: above.start, end: lines[i + 1].end } }, unitLine(norm(above)) ? lines[i - 2] : undefined);
      }
      // (…and the unit's name alone above that year line, a title printed over four lines, 某县科学技术协会⏎2023年度⏎部门整体支出⏎
      // 绩效自评报告: the name is its first line, as over three; not when the two lines name an organisation themselves)
      const own = found(withYearAbove({ value: cleanValue(show(lines[i]) + show(lines[i + 1])), span: { start: lines[i].start, end: lines[i + 1].end } }, lines[i - 1], compile(f.org, '').test(t + next) ? undefined : lines[i - 2]));
      if (own) return own;
      i++;
    }
  }
  return cover ?? summary;

  // a cover letter's title, maybe with its sender's name before 关于 (某县科学技术协会关于报送…的函: cover_sender)
  function isCover(t: string): boolean {
    return compile(f.cover_title, '').test(withoutSender(t));
  }
  function withoutSender(t: string): string {
    const m = derived(f, 'coverSender', () => f.cover_sender.replace('{ORG}', f.org)).exec(t);
    return m && !NOT_UNIT.test(m.groups!.org) ? t.slice(m[0].length) : t;
  }

  // an organisation's name alone on a line (maybe after an opening 《 or quote), not a publisher's
  function unitLine(t: string): boolean {
    const name = t.replace(/^[《“"「]/, '');
    return nameFits(name) && derived(f, 'orgWhole', () => `^(?:${f.org})$`).test(name) && !NOT_UNIT.test(name);
  }

  // a title line's name opening with its county or city (宁远县科学技术协会…, 冷水江市科协…)
  function ownPlace(m: RegExpExecArray | null): boolean {
    return !!(m?.groups!.county || m?.groups!.city);
  }

  // a province or a prefecture alone on a line (永州市, 湖南省永州市; see region_above)
  function placeLine(t: string): boolean {
    const m = compile(f.region_above.regex, '').exec(t.replace(/\s+/g, ''));
    return !!m && !!(m.groups!.province || m.groups!.city);
  }

  // the unit's name with the year before or after it, alone on a line (某县科学技术协会2023年度 | 2023年度某县科学技术协会)
  // (…maybe with the first words of the title's kind after it, 某县科学技术协会2023年度部门整体⏎支出绩效⏎自评报告: title_head_rest,
  // only when the two lines below name no year of their own)
  function datedUnitLine(t: string, below: string): boolean {
    const m = derived(f, 'datedUnitLine', () => `^(?:(?:{DATE_YEAR})\\s*年度?\\s*)?(?<org>${f.org})(?:\\s*(?:{DATE_YEAR})\\s*年度?)?(?<rest>${f.title_head_rest})?$`).exec(t.replace(/^[《“"「]/, ''));
    if (m?.groups!.rest && (compile(f.org, '').test(m.groups!.rest) || derived(f, 'yearTitleAny', () => f.year_title.regex).test(below))) return false;
    return !!m && m[0].replace(/\s+/g, '').length > m.groups!.org.length && nameFits(m.groups!.org) && !/^年度?/.test(m.groups!.org) && !NOT_UNIT.test(m.groups!.org) && !PARTY_OPENING.test(m.groups!.org);
  }

  // the year printed alone on the line above (二〇二二年度⏎某县科协⏎部门整体支出绩效自评报告) is the title's first line
  function withYearAbove(t: { value: string; span: Span }, above: Line | undefined, name?: Line) {
    if (!above || !compile(f.year_line, '').test(norm(above))) return t;
    if (name && unitLine(norm(name))) return { value: cleanValue(show(name) + show(above) + t.value), span: { start: name.start, end: t.span.end } };
    return { value: cleanValue(show(above) + t.value), span: { start: above.start, end: t.span.end } };
  }
}

/** A line spaced letter by letter (see letter_spaced in meta.yaml) without its spaces, for tests only; other lines as they are. */
function unspaced(t: string): string {
  return compile(meta().letter_spaced, '').test(t) ? t.replace(/[ \t\u3000]+/g, '') : t;
}

export function extractMeta(doc: KDocument): void {
  const f = meta();
  const title = findTitle(doc);
  if (title) {
    push(doc, '/meta/title', title.value, title.span, 'meta.title');
    const kind = f.kinds.find((k) => compile(k.regex, '').test(title.value.replace(/\s+/g, '')));
    // (某县科协2023年度财政支出绩效自评报告: the unit's fiscal spending evaluated as a whole, unless a project's header follows)
    const fiscal = !kind && compile(f.kind_fiscal, '').test(title.value.replace(/\s+/g, ''));
    doc.reportKind = kind?.kind ?? (fiscal ? 'overall_self_eval' : 'other');
    const header = kind ? null : projectHeader(doc, f, title, fiscal);
    if (header) doc.reportKind = 'project_self_eval';
    push(doc, '/meta/reportKind', doc.reportKind, header ?? title.span, kind ? `meta.kind.${kind.kind}` : header ? 'meta.kind.project_header' : fiscal ? 'meta.kind.fiscal' : 'meta.kind.other');
  }
  extractYear(doc, title?.span ?? null);
  const unit = extractUnit(doc, title?.span ?? null);
  extractRegion(doc, unit);
  extractDate(doc);
  // (a form's footer row, 填表人：X⇥填报日期：Y, is often the last row of a table: labelled fields are read there too)
  for (const m of matches(doc, f.preparer.regex, undefined, true)) {
    const v = m.group('value')!;
    // (李  华, spread over a form's cell: the spaces go, as in every string value)
    const name = cleanValue(doc.display.slice(v.start, v.end));
    if (compile(f.not_person, '').test(name)) continue;
    push(doc, '/meta/preparer', name, m.span, f.preparer.id);
  }
  // (a number after the contact's name only when no label names one: 联系人：郑十（0731）8888888 联系电话：0731-7777777)
  const phones = [f.phone, f.phone_contact].flatMap((rule) => [...matches(doc, rule.regex, undefined, true)].map((m) => ({ rule, m })));
  if (!phones.length) phones.push(...[...matches(doc, f.phone_after_contact.regex, undefined, true)].map((m) => ({ rule: f.phone_after_contact, m })));
  for (const { rule, m } of phones) {
    const v = m.group('value')!;
    push(doc, '/meta/phone', doc.norm.slice(v.start, v.end).replace(/\s+/g, ''), m.span, rule.id);
  }
}

/** 绩效自评报告 (or 财政支出绩效自评报告: fiscal) over 项目名称：X on one of the ten lines after it: the project field's line (a
 *  project report's header). */
function projectHeader(doc: KDocument, f: MetaFile, title: { value: string; span: Span }, fiscal = false): Span | null {
  if (!fiscal && !compile(f.kind_bare_title, '').test(title.value.replace(/\s+/g, ''))) return null;
  const field = compile(f.kind_project_field, '');
  const after = doc.lines.filter((l) => l.start >= title.span.end && l.text.trim()).slice(0, 10);
  const line = after.find((l) => field.test(doc.norm.slice(l.start, l.end)));
  return line ? { start: line.start, end: line.end } : null;
}

/** The body's first statement of the evaluated year, one outside a cited notice's title (关于开展2024年度预算绩效自评工作的通知: maybe
 *  the year the work is done) first; else the first. */
function bodyYear(doc: KDocument, f: MetaFile): Match | undefined {
  let first: Match | undefined;
  for (const m of matches(doc, f.year_body.regex)) {
    first ??= m;
    const cited = f.year_body_cited && compile(f.year_body_cited.before, '').test(doc.norm.slice(Math.max(0, m.span.start - 6), m.span.start)) && compile(f.year_body_cited.after, '').test(doc.norm.slice(m.span.end, m.span.end + 40));
    if (!cited) return m;
  }
  // (alone, only a notice naming the spending evaluated: 2023年度部门整体支出绩效自评; 2024年度预算绩效自评工作 may be the work's year)
  const spending = f.year_body_cited?.spending;
  return first && spending && !compile(spending, '').test(doc.norm.slice(first.group('num')!.end, first.span.end)) ? undefined : first;
}

/** Of the years a title names (某县科协2023年部门预算执行情况和2024年部门预算), the one of the part that gives the report's kind: the
 *  last year before the kind's words (2024, budget), so that year and kind are one part's; the first when the kind is none or
 *  its words come before every year. */
function kindsYear(doc: KDocument, f: MetaFile, titleSpan: Span, years: Match[]): Match {
  const kind = f.kinds.find((k) => k.kind === doc.reportKind);
  if (!kind) return years[0];
  // (the title's characters without white space, as the kind is tested, each with its place)
  const text = doc.norm.slice(titleSpan.start, titleSpan.end);
  let joined = '';
  const at: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (/\s/.test(text[i])) continue;
    joined += text[i];
    at.push(titleSpan.start + i);
  }
  const m = compile(kind.regex, '').exec(joined);
  if (!m) return years[0];
  const before = years.filter((y) => y.span.start < at[m.index]);
  return before[before.length - 1] ?? years[0];
}

function extractYear(doc: KDocument, titleSpan: Span | null): void {
  const f = meta();
  const toYear = (s: string) => (/^\d{4}$/.test(s) ? Number(s) : parseChineseInteger(s.replace(/\s+/g, '').replace(/[○O0]/g, '〇')));
  let titleYear: number | null = null;
  // (某区科技馆2021—2023年度…报告: a report on several years covers no one year)
  if (titleSpan && f.year_title_span && !matches(doc, f.year_title_span, titleSpan).next().done) {
    doc.data.fiscalYear = null;
    return;
  }
  if (titleSpan) {
    // (2 0 2 3 年 度 in a title spaced letter by letter; 2023 without 年 before the report's words)
    for (const rule of [f.year_title, f.year_title_spaced, f.year_title_bare]) {
      const found = [...matches(doc, rule.regex, titleSpan)];
      if (!found.length) continue;
      const m = found.length > 1 ? kindsYear(doc, f, titleSpan, found) : found[0];
      titleYear = toYear(m.m.groups!.num.replace(/[ \t]+/g, ''));
      push(doc, '/meta/fiscalYear', titleYear, m.span, rule.id);
      break;
    }
    // (the title's own text alone: an annex's number glued before its year, 附件22019年度…, is no digit of the year)
    const own = titleYear === null && /^\d/.test(doc.norm.slice(titleSpan.start, titleSpan.end)) && /\d$/.test(doc.norm.slice(0, titleSpan.start)) ? compile(f.year_title.regex, 'd').exec(doc.norm.slice(titleSpan.start, titleSpan.end)) : null;
    if (own?.indices?.groups?.num) {
      titleYear = toYear(own.groups!.num.replace(/[ \t]+/g, ''));
      push(doc, '/meta/fiscalYear', titleYear, { start: titleSpan.start + own.index, end: titleSpan.start + own.index + own[0].length }, f.year_title.id);
    }
  }
  // a table's year on the line under its title: （2021年度）
  if (titleSpan && titleYear === null) {
    // (…or right after the title on its line, in brackets: a report pasted on one line)
    const own = doc.lines.find((l) => l.start <= titleSpan.end && titleSpan.end < l.end);
    const rest = own ? doc.norm.slice(titleSpan.end, own.end) : '';
    const inline = own ? compile(f.year_subtitle.inline, '').exec(rest) : null;
    // (…or its period in brackets there: …报告（2023年1月1日—2023年12月31日）)
    const inlinePeriod = own && !inline ? derived(f, 'yearPeriodInline', () => f.year_period.inline.replace('{PERIOD}', f.period)).exec(rest) : null;
    const onLine = inline ?? inlinePeriod;
    const foot = titleFoot(doc, titleSpan);
    // (the bracket's own characters, after the marks dropped before it)
    const next = onLine ? { start: titleSpan.end + Math.max(onLine[0].lastIndexOf('（'), onLine[0].lastIndexOf('(')), end: titleSpan.end + onLine[0].length } : doc.lines.find((l) => l.start >= foot && doc.norm.slice(l.start, l.end).trim());
    const m = inline ?? (next && !onLine ? compile(f.year_subtitle.regex, '').exec(doc.norm.slice(next.start, next.end)) : null);
    // (…or the whole calendar year as its period: （2023年1月1日—2023年12月31日）)
    const p = inlinePeriod ?? (next && !m ? derived(f, 'yearPeriodLine', () => f.year_period.line.replace('{PERIOD}', f.period)).exec(doc.norm.slice(next.start, next.end)) : null);
    const year = m ?? (p && oneYear(p.groups!) ? p : null);
    if (next && year) {
      titleYear = toYear(year.groups!.num);
      push(doc, '/meta/fiscalYear', titleYear, next, m ? f.year_subtitle.id : f.year_period.id);
    }
  }
  // (青山街道科协工作总结和工作计划: a work summary's title naming no year, its top heading naming the summary's, 一、2023年工作总结 —
  // one such year only; see work_summary_year)
  if (titleSpan && titleYear === null && f.work_summary && f.work_summary_year) {
    const title = doc.norm.slice(titleSpan.start, titleSpan.end).replace(/\s+/g, '');
    if (derived(f, 'workSummary', () => f.work_summary!.replace('{ORG}', f.org)).test(title)) {
      const re = compile(f.work_summary_year.regex, '');
      const found = doc.headings.filter((h) => h.level === 1 && h.start >= titleSpan.end).map((h) => ({ h, m: re.exec(h.title.replace(/\s+/g, '')) })).filter((x) => x.m);
      const years = new Set(found.map((x) => toYear(x.m!.groups!.num)));
      if (years.size === 1) {
        titleYear = [...years][0];
        push(doc, '/meta/fiscalYear', titleYear, { start: found[0].h.start, end: found[0].h.end }, f.work_summary_year.id);
      }
    }
  }
  // (a labelled year first: 评价年度：2023年度 in a project report's header; then a labelled period of one whole year)
  const period = { id: f.year_period.id, regex: f.year_period.label.replace('{PERIOD}', f.period) };
  for (const rule of [f.year_label, period, f.year_body]) {
    const m = rule === f.year_body ? bodyYear(doc, f) : rule === period ? [...matches(doc, rule.regex)].find((x) => oneYear(x.m.groups!)) : matches(doc, rule.regex).next().value;
    if (!m) continue;
    const y = toYear(m.m.groups!.num);
    if (titleYear === null) {
      push(doc, '/meta/fiscalYear', y, m.group('num')!, rule.id);
      titleYear = y;
    } else if (y !== titleYear) {
      doc.messages.push({ ruleId: 'year_mismatch', reason: `the title says ${titleYear} but the body evaluates ${y}`, place: m.span, paths: ['/meta/fiscalYear'] });
    }
    break;
  }
  doc.data.fiscalYear = titleYear;

  /** A period's two years are one (2023年1月1日至12月31日, or the same year written twice). */
  function oneYear(g: Record<string, string | undefined>): boolean {
    return !g.num2 || toYear(g.num2.replace(/\s+/g, '')) === toYear(g.num!.replace(/\s+/g, ''));
  }
}

/** The title's organisation `span` is the owner of a programme the title names after it (title_owner, with title_owner_before
 *  and title_owner_after around it: 2023年度中国科协基层科普行动计划项目…), not the reporting unit. */
function programmeOwner(f: MetaFile, doc: KDocument, title: Span, span: Span): boolean {
  if (!f.title_owner) return false;
  return compile(f.title_owner, '').test(doc.norm.slice(span.start, span.end).trim()) && compile(f.title_owner_before!, '').test(doc.norm.slice(title.start, span.start)) && compile(f.title_owner_after!, '').test(doc.norm.slice(span.end, title.end));
}

function extractUnit(doc: KDocument, titleSpan: Span | null): { value: string; span: Span } | null {
  const f = meta();
  for (const m of matches(doc, f.unit_label.regex, undefined, true)) {
    const v = party(doc, m.group('value')!, true);
    const value = cleanValue(doc.display.slice(v.start, v.end));
    // 评价单位：某县财政局 — the finance bureau (or a government office) is never the reporting unit
    // (nor is a value with no word, 单位名称：123001, a code alone)
    if (value.length < 2 || !/[\u4e00-\u9fa5]/.test(value) || NOT_UNIT.test(value) || UNIT_LIST.test(doc.norm.slice(v.start, v.end)) || templated(doc, v)) continue;
    // (单位名称：县科协机关 — the unit's 机关 names no unit, as its signature does: see UNIT_ORGAN)
    if (UNIT_ORGAN.test(doc.norm.slice(v.end, v.end + 6)) || /(?:机关|本级)$/.test(value)) continue;
    // a table cell after the label: only an organisation's name (not a column heading such as 金额)
    // (so is the value of 项目单位：, which may be a measure: 项目单位：万元)
    // (nor is a line under an empty label, 单位名称：⏎一、部门概况, unless it is an organisation's name)
    const below = doc.norm.slice(m.span.start, v.start).includes('\n');
    // (a tab or a wide gap: a form's cell, its value an organisation's name only)
    if ((m.m.groups!.sep === '\t' || /^[ \u3000]+$/.test(m.m.groups!.sep) || m.m.groups!.org_label || below) && !derived(f, 'orgWhole', () => `^(?:${f.org})$`).test(doc.norm.slice(v.start, v.end).trim())) continue;
    push(doc, '/meta/unitName', value, v, f.unit_label.id);
    return { value, span: v };
  }
  for (const m of matches(doc, f.unit_bare.regex.replace('{ORG}', f.org))) {
    const v = m.group('value')!;
    const value = cleanValue(doc.display.slice(v.start, v.end));
    // (单位：办公室 names a department, not the unit)
    if (value.length < 4 || NOT_UNIT.test(value) || templated(doc, v)) continue;
    push(doc, '/meta/unitName', value, v, f.unit_bare.id);
    return { value, span: v };
  }
  if (titleSpan) {
    // (…报告——以某县科学技术协会为例: a case study's subtitle names the organisation it takes as its case)
    const src = `(?<=^|[^\\u4e00-\\u9fa5]|{YEAR}\\s*年度?|\\n|关于|(?:——|—|--|－－|──)[ \\t]*以)(?!关于|以[^\\n]{2,30}?为例)(?<value>(?:${f.title_org_place})?${f.org})`;
    // (a title spaced letter by letter, 2 0 2 3 年 度 县 科 协 部 门 …: its name with the spaces, see title_org_spaced)
    const spaced = compile(f.letter_spaced, 'm').test(doc.norm.slice(titleSpan.start, titleSpan.end));
    const candidates = spaced ? [...matches(doc, f.title_org_spaced, titleSpan)].map((m) => m.group('value')!) : [...titleOrgs(doc, src, titleSpan)];
    for (const v of candidates) {
      // a year in Chinese numerals (二〇二四年度) is not part of the name
      const lead = /^[\s〇零一二三四五六七八九\d]*年度?/.exec(doc.norm.slice(v.start, v.end))?.[0].length ?? 0;
      let span = { start: v.start + lead, end: v.end };
      // 甲科协所属乙科技馆…报告: the report is the subordinate's
      const sub = derived(f, spaced ? 'subordinateSpaced' : 'subordinate', () => (spaced ? `^${f.subordinate_spaced}(?<value>${f.org_spaced})` : `^${f.subordinate}(?<value>${f.org})`), 'd').exec(doc.norm.slice(v.end, titleSpan.end));
      if (sub) span = { start: v.end + sub.indices!.groups!.value[0], end: v.end + sub.indices!.groups!.value[1] };
      // (中共某县科学技术协会党组关于…的报告: the unit's party group reporting, the unit its 科协)
      else if (!spaced) span = party(doc, { start: span.start, end: titleSpan.end }, false, span);
      const value = cleanValue(doc.display.slice(span.start, span.end));
      // (…年度流动科技馆巡展项目…, …中央补助地方科技馆免费开放资金…: a programme's or a kind of facility's name, see title_topic)
      if (value.length < 2 || NOT_UNIT.test(value) || templated(doc, span) || compile(f.title_topic, '').test(value)) continue;
      // (2023年度中国科协基层科普行动计划项目…: the national body owning the programme named after it, not the unit)
      if (programmeOwner(f, doc, titleSpan, span)) continue;
      // (县科协机关2023年度…报告: the unit's 机关 names no unit in the title either, see UNIT_ORGAN; the sources after the title are read
      // as for a title naming none)
      if (!sub && UNIT_ORGAN.test(doc.norm.slice(span.end, span.end + 6))) continue;
      // 市科协2021年度…报告 signed 永州市科学技术协会: the title's bare level form, the signature's name in full
      if (compile(f.unit_short, '').test(value)) {
        const sig = signatureUnit(doc);
        if (sig && fullerForm(sig.value, value)) {
          push(doc, '/meta/unitName', cleanValue(doc.display.slice(sig.span.start, sig.span.end)), sig.span, 'meta.unit.signature');
          return sig;
        }
        const alias = aliasOf(doc, value);
        if (alias) return alias;
        // (2023年度县科协…报告⏎（湖滨县科学技术协会）: the line under the title, in brackets, gives that name in full — lead55)
        const under = subtitleUnit(f, doc, titleSpan);
        if (under && fullerForm(under.value, value)) {
          push(doc, '/meta/unitName', under.value, under.span, 'meta.unit.subtitle');
          return under;
        }
      }
      // 青禾县科协2023年度…报告 signed 青禾县科学技术协会: the same body's name written out in full is the unit (its fullest form)
      const sig = signatureUnit(doc);
      if (sig && !templated(doc, sig.span) && writtenOut(sig.value, value)) {
        push(doc, '/meta/unitName', cleanValue(doc.display.slice(sig.span.start, sig.span.end)), sig.span, 'meta.unit.signature');
        return sig;
      }
      // (2023年度科技馆免费开放中央补助资金绩效自评报告（青禾县科技馆）: a body's word alone, the same body named with its place later in
      // the title, in brackets, is that fuller form — huntb48)
      if (BARE_BODY.test(value)) {
        const fuller = candidates.find((c) => c.start > span.end && /[（(]$/.test(doc.norm.slice(c.start - 1, c.start)));
        const full = fuller ? cleanValue(doc.display.slice(fuller.start, fuller.end)) : '';
        if (fuller && full.length > value.length && full.endsWith(value) && !NOT_UNIT.test(full) && !templated(doc, fuller)) {
          push(doc, '/meta/unitName', full, fuller, 'meta.unit.title');
          return { value: full, span: fuller };
        }
      }
      push(doc, '/meta/unitName', value, span, 'meta.unit.title');
      return { value, span };
    }
    // 2023年度部门整体支出绩效自评报告⏎（某县科学技术协会）: a title naming no unit, the unit's name in brackets on the line under it
    // (…and its version mark, …报告⏎（征求意见稿）⏎（某县科学技术协会）: titleFoot)
    const under = subtitleUnit(f, doc, titleSpan);
    if (under) {
      push(doc, '/meta/unitName', under.value, under.span, 'meta.unit.subtitle');
      return under;
    }
    // 2022年部门决算公开说明 on a cover, then 某县科学技术协会2022年部门决算公开说明 after the contents: the title restated
    // whole with only an organisation's name before it names that unit (a line of its own: the words must be the title's)
    const own = doc.norm.slice(titleSpan.start, titleSpan.end).replace(/\s+/g, '');
    const restated = derived(f, 'restatedTitleOrg', () => `^\\s*(?<value>(?:${f.title_org_place})?${f.org})\\s*$`, 'd');
    for (const l of doc.lines) {
      if (l.start < titleSpan.end) continue;
      const t = doc.norm.slice(l.start, l.end).replace(/\s+$/, '');
      if (!own || !t.replace(/\s+/g, '').endsWith(own)) continue;
      const cut = t.length - tailLength(t, own);
      const r = restated.exec(t.slice(0, cut));
      if (!r) continue;
      const v = { start: l.start + r.indices!.groups!.value[0], end: l.start + r.indices!.groups!.value[1] };
      const value = cleanValue(doc.display.slice(v.start, v.end));
      // (not a sentence's words before the name: 关于县科协…, 现将…)
      if (value.length < 4 || /^(?:关于|现将|根据|按照|对|将|由)/.test(value) || NOT_UNIT.test(value) || templated(doc, v)) continue;
      push(doc, '/meta/unitName', value, v, 'meta.unit.title_restated');
      return { value, span: v };
    }
  }
  const sig = signatureUnit(doc);
  if (sig && !templated(doc, sig.span)) {
    // (signed 县科协 under a title naming no unit: the body's full name for it, as for the title's short form)
    const alias = compile(f.unit_short, '').test(sig.value) ? aliasOf(doc, sig.value) : null;
    if (alias) return alias;
    push(doc, '/meta/unitName', cleanValue(doc.display.slice(sig.span.start, sig.span.end)), sig.span, 'meta.unit.signature');
    return sig;
  }
  // an official letter's letterhead (某县科学技术协会文件 over the document number) names the body that sent it
  // …and, last, a cover page's 编制单位：X
  const head = doc.lines.filter((l) => l.text.trim() && !isExcluded(doc, l)).slice(0, 15);
  // (…or a cover letter's sender before its 关于, 某县科学技术协会关于报送…自评报告的函 over the report's own title naming no unit)
  // (…and after it a portal page's 信息来源：X naming a 科协 or a 科技馆, see unit_source)
  for (const [regex, n, rule] of [[f.letterhead, 5, 'meta.unit.letterhead'], [f.cover_sender, 5, 'meta.unit.cover_letter'], [f.unit_cover, 15, 'meta.unit.cover'], [f.unit_source, 15, 'meta.unit.source']] as const) {
    for (const l of head.slice(0, n)) {
      const m = derived(f, rule, () => regex.replace('{ORG}', f.org), 'd').exec(doc.norm.slice(l.start, l.end));
      if (!m || !nameFits(m.groups!.org) || NOT_UNIT.test(m.groups!.org)) continue;
      const [start, end] = m.indices!.groups!.org;
      const span = { start: l.start + start, end: l.start + end };
      if (templated(doc, span)) return null;
      const value = cleanValue(doc.display.slice(span.start, span.end));
      push(doc, '/meta/unitName', value, span, rule);
      return { value, span };
    }
  }
  return openerUnit(doc, f, titleSpan);
}

// how many of the body's first paragraphs may open with the unit's description (a cover letter's or a lead-in's before it)
const OPENER_PARAGRAPHS = 3;
/** 2023年度部门整体支出绩效自评报告 ⏎ 一、部门基本情况 ⏎ 东岭县科协是县委领导下的人民团体…: with nothing else naming the unit, an
 *  organisation described at the opening of one of the body's first paragraphs (unit_opener) is the unit. A title naming a place
 *  (青禾市2023年度…, title_place) takes only a name lying there: that place in it, or the place's level alone (市科协). */
function openerUnit(doc: KDocument, f: MetaFile, titleSpan: Span | null): { value: string; span: Span } | null {
  if (!f.unit_opener || !f.title_place) return null;
  const opener = derived(f, 'unitOpener', () => f.unit_opener!.replace('{ORG}', f.org), 'd');
  const titlePlace = titleSpan ? compile(f.title_place, '').exec(doc.norm.slice(titleSpan.start, titleSpan.end))?.groups!.place ?? '' : '';
  // (its lowest place: 青禾市 of 东川省青禾市)
  const lowest = /[\u4e00-\u9fa5]{1,12}?[省市县区旗州盟]$/.exec(titlePlace.replace(/^(?:[\u4e00-\u9fa5]{1,12}?[省市县区旗州盟])*?(?=[\u4e00-\u9fa5]{1,12}?[省市县区旗州盟]$)/, ''))?.[0] ?? '';
  let seen = 0;
  for (const l of doc.lines) {
    if (l.start < (titleSpan?.end ?? 0) || !l.text.trim() || doc.headings.some((h) => h.start <= l.start && l.end <= h.end)) continue;
    if (++seen > OPENER_PARAGRAPHS) break;
    const m = opener.exec(doc.norm.slice(l.start, l.end));
    if (!m) continue;
    const [start, end] = m.indices!.groups!.org;
    const span = { start: l.start + start, end: l.start + end };
    const name = doc.norm.slice(span.start, span.end).replace(/\s+/g, '');
    if (!nameFits(name) || NOT_UNIT.test(name) || UNIT_ORGAN.test(doc.norm.slice(span.end, span.end + 6)) || templated(doc, span)) return null;
    // (市科协 under 青禾市…: the title's level; 东岭县科协 under 青禾县…: another place's body, no unit)
    const bare = compile(f.unit_short, '').exec(name);
    if (lowest && !(bare ? lowest.endsWith(name[0]) : name.includes(lowest) || belowPlace(f, name, lowest))) return null;
    const value = cleanValue(doc.display.slice(span.start, span.end));
    push(doc, '/meta/unitName', value, span, 'meta.unit.opener');
    return { value, span };
  }
  return null;
}

// the places' levels, the nation's highest: a place of a lower rank may lie in one of a higher
const PLACE_RANK: Record<string, number> = { 省: 1, 市: 2, 州: 2, 盟: 2, 县: 3, 区: 3, 旗: 3 };
/** `name` (an opener's organisation) is a 科协 named with its own place, of a level below the title's place `lowest` (东岭县科协
 *  under 青禾市2023年度…: a county in the city, as 青禾市东岭县科协 names it; hunta56); a place of the title's level or above, or
 *  a 科协 named by its level alone, is not. */
function belowPlace(f: MetaFile, name: string, lowest: string): boolean {
  const own = compile(f.opener_place_kexie ?? '(?!)', '').exec(name)?.groups?.level;
  const title = PLACE_RANK[lowest.slice(-1)];
  return !!own && !!title && PLACE_RANK[own] > title;
}
/** 中共某县科学技术协会党组 | 某县科学技术协会党组 at `span` (the whole of it with `whole`, else opening it): the span of the 科协's name
 *  in it, the unit whose party group reports or signs (see party_group); else `fallback` (`span` itself when none). */
function party(doc: KDocument, span: Span, whole: boolean, fallback: Span = span): Span {
  const f = meta();
  const m = derived(f, whole ? 'partyWhole' : 'partyOpening', () => `^(?:${f.party_group})${whole ? '$' : ''}`, 'd').exec(doc.norm.slice(span.start, span.end));
  return m ? { start: span.start + m.indices!.groups!.org[0], end: span.start + m.indices!.groups!.org[1] } : fallback;
}

/** The places of the organisations' names in the title (`src`'s group value), in order. A title printed over two lines
 *  broken inside the name (某县科学技术⏎协会2023年度…报告) is read with that break closed: the name is the whole one, not its
 *  second line's part (协会). */
function* titleOrgs(doc: KDocument, src: string, titleSpan: Span): Generator<Span> {
  const text = doc.norm.slice(titleSpan.start, titleSpan.end);
  const stray = strayGaps(text);
  if (!BROKEN_IN_WORD.test(text) && !stray.size) {
    for (const m of matches(doc, src, titleSpan)) yield m.group('value')!;
    return;
  }
  // (the title's characters without the white space of a line break between two CJK characters, each with its place)
  let joined = '';
  const at: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const strayGap = stray.get(i);
    if (strayGap) {
      i += strayGap - 1;
      continue;
    }
    const gap = /^\s*\n\s*/.exec(text.slice(i));
    if (gap && /[\u4e00-\u9fa5]/.test(text[i - 1] ?? '') && /[\u4e00-\u9fa5]/.test(text[i + gap[0].length] ?? '')) {
      i += gap[0].length - 1;
      continue;
    }
    joined += text[i];
    at.push(titleSpan.start + i);
  }
  const re = compile(src, 'gd');
  for (let m = re.exec(joined); m; m = re.exec(joined)) {
    const [s, e] = m.indices!.groups!.value;
    if (e > s) yield { start: at[s], end: at[e - 1] + 1 };
    if (m[0].length === 0) re.lastIndex++;
  }
}
// a line break inside a word of the title: CJK characters on both sides
const BROKEN_IN_WORD = /[\u4e00-\u9fa5][ \t\u3000]*\n\s*[\u4e00-\u9fa5]/;
/** An OCR'd title's stray space inside the word right after its year (`2023 年度桃 江县科学技术协会…`: the unit is 桃江县…, not
 *  江县…): see stray_gap in meta.yaml (a title spaced word by word, `2023年度 芷江侗族自治县 科学技术协会`, keeps its spaces: see
 *  title_org_place). The gaps' places in `text` and their lengths. */
function strayGaps(text: string): Map<number, number> {
  const f = meta();
  const out = new Map<number, number>();
  for (const m of text.matchAll(compile(f.stray_gap.regex, 'g'))) if (!compile(f.stray_gap.place_end, '').test(m[1])) out.set(m.index! + m[0].length - m[2].length, m[2].length);
  return out;
}

/** How many characters at the end of `line` spell `words` (its whitespace skipped). */
function tailLength(line: string, words: string): number {
  let i = line.length;
  for (let k = words.length - 1; k >= 0; k--) {
    while (i > 0 && /\s/.test(line[i - 1])) i--;
    i--;
  }
  return line.length - i;
}

/** True when a template's mark (see placeholder) stands in the name at `span` or right before it (XX县科学技术协会). */
function templated(doc: KDocument, span: Span): boolean {
  // (the text as written: the fold blanks a run of asterisks, **县科协, as Markdown's bold)
  return compile(meta().placeholder, '').test(doc.text.slice(Math.max(0, span.start - 1), span.end));
}

/** 宁远县科学技术协会（以下简称“县科协”）: the body names the unit in full once, with the short form (`short`) the title or the
 *  signature uses; that full name is the unit (pushed), else null. */
function aliasOf(doc: KDocument, short: string): { value: string; span: Span } | null {
  const f = meta();
  for (const a of matches(doc, f.unit_alias.regex)) {
    const full = a.group('value')!;
    if (cleanValue(doc.norm.slice(a.group('short')!.start, a.group('short')!.end)) !== short || !fullerForm(doc.norm.slice(full.start, full.end), short)) continue;
    const v = cleanValue(doc.display.slice(full.start, full.end));
    push(doc, '/meta/unitName', v, full, f.unit_alias.id);
    return { value: v, span: full };
  }
  return null;
}

/** True when `full` is `short` (县科协, 市科学技术协会) with its place: 永州市科学技术协会 for 市科协. */
function fullerForm(full: string, short: string): boolean {
  const fold = (x: string) => x.replace(/科学技术协会$/, '科协');
  const a = fold(full), b = fold(short);
  return a.length > b.length && a.endsWith(b);
}

/** True when `full` is `short` with its body's word written out (青禾县科学技术协会 for 青禾县科协, 某县科学技术馆 for 某县科技馆):
 *  the same name, not another body's or another level's. */
function writtenOut(full: string, short: string): boolean {
  // (青禾县科技协会 for 青禾县科学技术协会 too, the body's word shortened otherwise: lists49)
  const fold = (x: string) => x.replace(/\s+/g, '').replace(/(?:科学技术|科技)协会$/, '科协').replace(/科学技术馆$/, '科技馆');
  return full.replace(/\s+/g, '').length > short.replace(/\s+/g, '').length && fold(full) === fold(short);
}

/** The organisation named on the line under the title, in brackets or after a dash (（某县科学技术协会）, ——某县科学技术协会;
 *  after the title's version mark, see titleFoot), or null. */
function subtitleUnit(f: MetaFile, doc: KDocument, titleSpan: Span): { value: string; span: Span } | null {
  const foot = titleFoot(doc, titleSpan);
  const next = doc.lines.find((l) => l.start >= foot && doc.norm.slice(l.start, l.end).trim());
  if (!next) return null;
  const line = doc.norm.slice(next.start, next.end);
  const m = derived(f, 'unitSubtitle', () => f.unit_subtitle.replace('{ORG}', f.org), 'd').exec(line) ?? derived(f, 'unitSubtitleDash', () => f.unit_subtitle_dash.replace('{ORG}', f.org), 'd').exec(line);
  // (——以某县科协为例: 以 and 为例 together, a case study's subtitle)
  if (!m || !m.groups!.case !== !m.groups!.rest) return null;
  const span = { start: next.start + m.indices!.groups!.value[0], end: next.start + m.indices!.groups!.value[1] };
  const value = cleanValue(doc.display.slice(span.start, span.end));
  return value.length >= 4 && !NOT_UNIT.test(value) && !templated(doc, span) ? { value, span } : null;
}

/** The signature line near the end: an organisation's name alone on its line (or followed only by the date), or null. */
function signatureUnit(doc: KDocument): { value: string; span: Span } | null {
  const f = meta();
  const body = doc.lines.filter((l) => l.text.trim() && !isExcluded(doc, l));
  const tail = body.slice(-40);
  for (const [i, l] of tail.entries()) {
    const t = doc.norm.slice(l.start, l.end).trim();
    // (主管部门：⏎某县科学技术协会 is a label's value, not a signature)
    const prev = i > 0 ? tail[i - 1] : body[body.length - tail.length - 1];
    if (prev && compile(f.signature_not_after, '').test(doc.norm.slice(prev.start, prev.end))) continue;
    // (a report pasted on one line ends with its unit's name and the date on one virtual line: 某县科学技术协会 2023年3月2日)
    const dated = derived(f, 'datedSignature', () => `^(?<org>${f.org})(?:${f.signature_seal})?\\s*(?:${f.signature_date})?$`).exec(t);
    // (never the 财政局 or a government office: a notice's signature, a publisher's line)
    // (某县科学技术协会（盖章）: the seal's mark after the name is no part of it)
    // (中共某县科学技术协会党组 | 某县科学技术协会党组: the unit's party group signing, the unit its 科协)
    const group = derived(f, 'partySignature', () => `^(?:${f.party_group})(?:${f.signature_seal})?\\s*(?:${f.signature_date})?$`, 'd').exec(t);
    if (group) {
      const lead = doc.norm.slice(l.start, l.end).length - doc.norm.slice(l.start, l.end).trimStart().length;
      const span = { start: l.start + lead + group.indices!.groups!.org[0], end: l.start + lead + group.indices!.groups!.org[1] };
      return { value: doc.norm.slice(span.start, span.end), span };
    }
    if (((derived(f, 'orgWhole', () => `^(?:${f.org})$`).test(t) && nameFits(t)) || (dated && nameFits(dated.groups!.org))) && !NOT_UNIT.test(dated ? dated.groups!.org : t)) {
      const lead = doc.norm.slice(l.start, l.end).length - doc.norm.slice(l.start, l.end).trimStart().length;
      const span = dated ? { start: l.start + lead, end: l.start + lead + dated.groups!.org.length } : trimSpan(doc, l);
      return { value: doc.norm.slice(span.start, span.end), span };
    }
  }
  return null;
}

function extractRegion(doc: KDocument, unit: { value: string; span: Span } | null): void {
  const f = meta();
  // (某县, 某某市: a stand-in's part names no place)
  const split = (name: string) => {
    // (中共青禾县委宣传部: the party's name is no place)
    const parts: Record<string, string | undefined> = { ...compile(f.region, '').exec(name.replace(/^中共/, ''))?.groups };
    for (const key of ['province', 'city', 'county']) if (parts[key] && compile(f.place_stand_in, '').test(parts[key]!)) parts[key] = undefined;
    return parts;
  };
  let parts = unit ? split(unit.value) : {};
  let span = unit?.span ?? null;
  let rule = 'meta.region.unit';
  if (!parts.province && !parts.city && !parts.county) {
    for (const m of matches(doc, f.region_bureau.regex)) {
      const v = m.group('value')!;
      parts = split(doc.display.slice(v.start, v.end) + '财政局');
      span = v;
      rule = f.region_bureau.id;
      break;
    }
  }
  if (!span) return;
  for (const key of ['province', 'city', 'county'] as const) {
    if (parts[key]) push(doc, `/meta/region/${key}`, parts[key], span, rule);
  }
  // (宁远县科学技术协会 under 永州市 alone on the line above the title: the county's city and province from there)
  if (rule === 'meta.region.unit' && unit && parts.county && !parts.city && !parts.province) {
    const above = placeAbove(doc, unit.span);
    if (above) for (const key of ['province', 'city'] as const) if (above.parts[key]) push(doc, `/meta/region/${key}`, above.parts[key], above.span, f.region_above.id);
  }
}

/** The places (province, city) standing alone above the unit's name: the title's text before the name (its year dropped), or
 *  else the non-blank line above the title (see region_above), or null. */
function placeAbove(doc: KDocument, unitSpan: Span): { parts: Record<string, string | undefined>; span: Span } | null {
  const f = meta();
  const title = doc.facts.find((x) => x.path === '/meta/title')?.span;
  if (!title) return null;
  let span: Span | null = null;
  if (unitSpan.start > title.start && unitSpan.start <= title.end) span = { start: title.start, end: unitSpan.start };
  if (!span || !doc.norm.slice(span.start, span.end).replace(compile(f.region_above.year, 'g'), '').trim()) {
    const i = doc.lines.findIndex((l) => l.start <= title.start && title.start <= l.end);
    const up = i >= 0 ? neighbour(doc, i, -1) : null;
    span = up ? trimSpan(doc, up.line) : null;
  }
  if (!span) return null;
  const text = doc.norm.slice(span.start, span.end).replace(compile(f.region_above.year, 'g'), '').replace(/\s+/g, '');
  const m = compile(f.region_above.regex, '').exec(text);
  if (!m || (!m.groups!.province && !m.groups!.city)) return null;
  const parts: Record<string, string | undefined> = { ...m.groups };
  for (const key of ['province', 'city']) if (parts[key] && compile(f.place_stand_in, '').test(parts[key]!)) return null;
  return { parts, span };
}

function extractDate(doc: KDocument): void {
  const f = meta();
  // (元月: January)
  const num = (s: string) => (/^\d+$/.test(s) ? Number(s) : s === '元' ? 1 : parseChineseInteger(s)!);
  const own = doc.facts.find((x) => x.path === '/meta/title')?.span;
  // (the title with the version marks under it: a date under them is under the title, titleFoot)
  const title = own && { start: own.start, end: titleFoot(doc, own) };
  // (lists50, decided: a labelled date after the signature's date — 填报日期 in an annexed form's footer, 附件：…自评表 under the
  // signed report — dates that form, not the report: the signature's date wins over it; a labelled date before it, a cover's or a
  // header's, still wins, as the form the report is filed with)
  let labelled: { iso: string; span: Span; rule: string } | null = null;
  for (const rule of f.date as (Rule & { line?: boolean; after_org?: boolean; after_title?: boolean; on_title_line?: boolean })[]) {
    if (labelled && !rule.line) continue;
    // a labelled date (填报日期：…) is read in a table row too
    const found = rule.line ? lineMatches(doc, rule.regex) : [...matches(doc, rule.regex, undefined, true)];
    for (const m of found) {
      const g = m.m.groups!;
      // (二○二四, 二O二四, 二0二四: the zero as a circle, a letter or a digit)
      const y = /^\d{4}$/.test(g.y) ? Number(g.y) : parseChineseInteger(g.y.replace(/\s+/g, '').replace(/[○O0]/g, '〇'))!;
      const mo = num(g.m);
      const d = num(g.d);
      // a real calendar day (2023-4-31 is none)
      if (!(mo >= 1 && mo <= 12 && d >= 1 && d <= new Date(Date.UTC(y, mo, 0)).getUTCDate())) continue;
      // one end of a period written over lines (2021.1.1⏎至⏎2021.12.31) is not the report's date
      if (rule.line && rangeEnd(doc, m.span.start, f.date_range)) continue;
      // a date alone on its line only where a signature stands (科技工作者日⏎2023年5月30日⏎全国科普日: an event's date in the body)
      if (rule.line && !rule.after_org && !rule.after_title && !signatureDate(doc, m.span.start, m.group('date')!.start, title)) continue;
      // （2024年3月15日） only right under the signature: the non-blank line above is an organisation's name
      if (rule.after_org && !derived(f, 'orgSealed', () => `^(?:${f.org})(?:[（(]盖章[)）])?$`).test(lineAbove(doc, m.span.start))) continue;
      // （二〇二四年三月二十日） under the title: only the first non-blank line after it
      if (rule.after_title && !rule.on_title_line && !(title && firstLineAfter(doc, title.end)?.start === lineStart(doc, m.span.start))) continue;
      // (…or closing the title's own line right after it, …报告（2024年3月15日）, a version mark dropped from it maybe between)
      if (rule.on_title_line && !(own && m.span.start >= own.end && lineStart(doc, own.end) === lineStart(doc, m.span.start) && onlyMarks(doc.norm.slice(own.end, m.span.start)))) continue;
      const iso = `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
      if (!rule.line) {
        labelled = { iso, span: m.group('date')!, rule: rule.id };
        break;
      }
      // (a date under the title is no signature: a labelled date wins over it wherever it stands)
      if (labelled && (rule.after_title || m.span.start > labelled.span.start)) break;
      push(doc, '/meta/reportDate', iso, m.group('date')!, rule.id);
      return;
    }
  }
  if (labelled) push(doc, '/meta/reportDate', labelled.iso, labelled.span, labelled.rule);
}

/** True when the date at `dateAt` on the line at `at` stands where a report is signed or dated: after the unit's name on its line,
 *  right under a closing line that is no date (the unit's name, its seal, 特此报告。), right under or over the title, or with nothing but
 *  closing lines, an annex or a table after it. */
function signatureDate(doc: KDocument, at: number, dateAt: number, title: Span | undefined): boolean {
  const i = doc.lines.findIndex((l) => l.start <= at && at <= l.end);
  if (i < 0) return true;
  if (doc.norm.slice(doc.lines[i].start, dateAt).trim()) return true;
  const dated = /年\s*[\d一二三四五六七八九十元]{1,2}\s*月|\d{4}\s*[.．/-]\s*\d/;
  const above = neighbour(doc, i, -1);
  // (the line above holding the title's end: a title cut before its version mark, …报告（终稿）, ends inside its line)
  if (above && ((closingLine(above.text) && !dated.test(above.text)) || (title && above.line.start < title.end))) return true;
  const below = neighbour(doc, i, 1);
  if (below && title && below.line.start >= title.start && below.line.start < title.end) return true;
  return !below || closingLine(below.text) || below.text.includes('\t') || /^[^。，,；;：:]{2,30}表$/.test(below.text);
}

/** The nearest non-blank line before (`step` -1) or after (1) line `i`, trimmed, or null; lines excluded (a table of
 *  contents, page furniture) are passed over (with `skipExcluded`, the default). */
function neighbour(doc: KDocument, i: number, step: number, skipExcluded = true): { text: string; line: Line } | null {
  for (let j = i + step; j >= 0 && j < doc.lines.length; j += step) {
    const line = doc.lines[j];
    if (skipExcluded && isExcluded(doc, line)) continue;
    const text = doc.norm.slice(line.start, line.end).trim();
    if (text) return { text, line };
  }
  return null;
}

/** The first non-blank line starting at or after `at`. */
function firstLineAfter(doc: KDocument, at: number): Span | undefined {
  for (let i = firstSpanFrom(doc.lines, at); i < doc.lines.length; i++) {
    const l = doc.lines[i];
    if (doc.norm.slice(l.start, l.end).trim() !== '') return l;
  }
  return undefined;
}

/** The start of the line holding `at`. */
function lineStart(doc: KDocument, at: number): number | undefined {
  return doc.lines.find((l) => l.start <= at && at <= l.end)?.start;
}

/** The nearest non-blank line above the one at `at`, trimmed ('' when none). */
function lineAbove(doc: KDocument, at: number): string {
  return neighbour(doc, doc.lines.findIndex((l) => l.start <= at && at <= l.end), -1, false)?.text ?? '';
}

/** True when the non-blank line after the one at `at` opens a range (至, -, 到 …) or the one before closes one. */
function rangeEnd(doc: KDocument, at: number, range: { next: string; prev: string }): boolean {
  const i = doc.lines.findIndex((l) => l.start <= at && at <= l.end);
  if (i < 0) return false;
  const near = (step: number) => neighbour(doc, i, step, false)?.text ?? '';
  return compile(range.next, '').test(near(1)) || compile(range.prev, '').test(near(-1));
}

/** Matches of a whole-line regex over the document's (possibly virtual) lines; offsets into the text. */
function lineMatches(doc: KDocument, regex: string) {
  const out = [];
  const re = compile(regex, 'd');
  for (const l of doc.lines) {
    if (isExcluded(doc, l)) continue;
    const m = re.exec(doc.norm.slice(l.start, l.end));
    if (!m) continue;
    out.push({
      m,
      span: { start: l.start + m.index, end: l.start + m.index + m[0].length },
      group(name: string) {
        const ix = m.indices?.groups?.[name];
        return ix ? { start: l.start + ix[0], end: l.start + ix[1] } : null;
      },
    });
  }
  return out;
}
