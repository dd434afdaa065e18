// Headings: the numbering ladder (patterns/headings.yaml), canonical keys (patterns/sections.yaml),
// and the rules that keep TOC lines, duty lists, table rows and repeated copies out of the outline.
import type { Heading, KDocument, Line } from '../document.js';
import { firstSpanFrom, headLines, isExcluded } from '../document.js';
import { compile, compiledEach, loadPatternFile } from '../patterns.js';
import type { OutlineNode } from '../schema/record.js';
import { parseChineseInteger, yearNumber } from '../normalise/numbers.js';
import { cleanValue } from '../normalise/fold.js';
import { wordAcross } from '../segment/jieba.js';

interface MarkerDef { id: string; rank: number; regex: string }
interface HeadingsFile { markers: MarkerDef[]; closing_line: string; clause_title: string; dangling_end: string; annex_line: string; part_glued_not: string; part_alone: string; part_annex_title: string; definition_after_colon: string; glossary_title: string; figure_in_title: string; field_in_title: string; heading_unit_note: string; inline_title_end: string; not_heading: string[]; not_heading_below_part: string[]; list_item: string; run_in_label: string; limits: { title_max: number; run_in_title_max: number; run_in_label_max: number } }
interface SectionDef { key: string | null; rank: number; match: string; standalone?: string }

export interface Candidate {
  line: Line;
  start: number;
  end: number;
  rank: number;
  ordinal: string | null;
  title: string;
  /** true when the text is heading-like (short title); false for a numbered sentence (a list item) */
  headingLike: boolean;
  runIn: boolean;
  key: string | null;
}

export function sectionKey(title: string): string | null {
  const t = title.replace(/\s+/g, '');
  const sections = loadPatternFile<{ sections: SectionDef[] }>('sections.yaml').sections;
  const res = compiledEach(sections, 'match', (s) => s.match);
  for (let i = 0; i < sections.length; i++) if (res[i]!.test(t)) return sections[i].key;
  return null;
}

const reportYears = new WeakMap<KDocument, number | null>();

// a year in digits or in Chinese numerals digit by digit (二〇二三年)
const YEAR = /(?<![\d〇零一二三四五六七八九])((?:19|20)\d{2}|[一二][〇零九][〇零一二三四五六七八九]{2})\s*年/;


/** The report's year: the first year in the first four non-blank lines when one of them names a report (报告, 决算, 预算). */
function reportYear(doc: KDocument): number | null {
  let y = reportYears.get(doc);
  if (y !== undefined) return y;
  const head = headLines(doc, 4);
  const m = head.find((t) => YEAR.test(t));
  y = m && head.some((t) => /报告|决算|预算/.test(t)) ? yearNumber(YEAR.exec(m)![1]) : null;
  reportYears.set(doc, y);
  return y;
}

/** A heading's key: its title's (sectionKey), or improvements for a plan titled with the year after the report's
 *  (2024年工作思路 in a 2023 report; sections.yaml next_year_plan). */
function headingKey(doc: KDocument, title: string): string | null {
  const k = sectionKey(title);
  if (k !== null) return k;
  const m = compile(loadPatternFile<{ next_year_plan: string }>('sections.yaml').next_year_plan, '').exec(title.replace(/\s+/g, ''));
  const y = m ? reportYear(doc) : null;
  return y !== null && yearNumber(m!.groups!.year) === y + 1 ? 'improvements' : null;
}

/** The key of a section whose title is nothing but a section name (`存在问题`, `改进建议`), or null. */
export function standaloneKey(title: string): string | null {
  return standaloneSection(title)?.key ?? null;
}

/** Is `title` nothing but a section title of the closed list (sections.yaml standalone), whatever its key? */
export function isStandaloneTitle(title: string): boolean {
  return standaloneSection(title) !== null;
}

function standaloneSection(title: string): SectionDef | null {
  const t = title.replace(/\s+/g, '').replace(/[。.:：]$/, '');
  if (t.length > 20) return null;
  const sections = loadPatternFile<{ sections: SectionDef[] }>('sections.yaml').sections;
  const res = compiledEach(sections, 'standalone', (s) => s.standalone || undefined);
  for (let i = 0; i < sections.length; i++) if (res[i]?.test(t)) return sections[i];
  return null;
}

// one weak entry per document, its lines in a Map: a WeakMap entry per line costs several times a Map entry, and
// more again in garbage collection
const classified = new WeakMap<KDocument, Map<Line, Candidate | null>>();
const decimals = new WeakMap<KDocument, Map<Line, string[]>>();

/** Lines are classified again once the table of contents is known: a part it lists is no part of the body. */
export function forgetClassified(doc: KDocument): void {
  classified.delete(doc);
  decimals.delete(doc);
}

/** Classify one line (norm text) as a heading candidate, or null. Once per line (the TOC pass asks too): the
 *  result is shared, so callers must not change it. */
export function classifyLine(doc: KDocument, line: Line): Readonly<Candidate> | null {
  let byLine = classified.get(doc);
  if (!byLine) classified.set(doc, (byLine = new Map()));
  let c = byLine.get(line);
  if (c === undefined) byLine.set(line, (c = classify(doc, line)));
  return c;
}

// a page's number after a title, set off by spaces or leaders, ending the line (一、部门基本情况 3 | …情况……3)
const TRAILING_PAGE = /(?:[ \t\u3000\u00a0]+|\.{2,}|…+|·{2,})\d{1,3}$/;
// (…after a tab, the line's only one)
const TABBED_PAGE = /^[^\t]+\t+\d{1,3}$/;
// leaders closing a title, with the page's number after them or not (…情况…………3 | …情况……): a contents' typing
const LEADER_TAIL = /[ \t\u3000]*(?:(?:\.{2,}|…+|·{2,})[ \t\u3000]*\d{1,3}|\.{2,}|…{2,}|·{2,})$/;

function classify(doc: KDocument, line: Line): Candidate | null {
  const cfg = loadPatternFile<HeadingsFile>('headings.yaml');
  const raw = doc.norm.slice(line.start, line.end);
  // (a tab only at the line's ends, Word's indent or a trailing tab, makes no table row of a numbered heading; an unnumbered
  // title so set may be a form's cell, 综合评价结论⇥)
  // (…nor a tab before a page's number closing a section's title, 一、部门基本情况⇥3 over its text: a lost contents page's entry
  // kept as the heading, see judge; lists54)
  const tabbedPage = TABBED_PAGE.test(raw.trim());
  if (raw.trim().includes('\t') && !tabbedPage) return null;
  const lead = raw.length - raw.trimStart().length;
  const text = raw.trim();
  if (!text) return null;
  const start = line.start + lead;
  const markers = compiledEach(cfg.markers, 'regex', (m) => m.regex);
  for (let k = 0; k < cfg.markers.length; k++) {
    const m = cfg.markers[k];
    const mm = markers[k]!.exec(text);
    if (!mm) continue;
    const rest = text.slice(mm[0].length);
    if (!rest || (m.rank >= 3 && /^[\d.%]/.test(rest))) return null;
    if (tabbedPage && sectionKey(rest.replace(TRAILING_PAGE, '').replace(/\s+/g, '')) === null) return null;
    if (m.rank < 1 && /(?:部分|章|节)\s*$/.test(mm[0].replace(/[:：、.]\s*$/, '')) && compile(cfg.part_glued_not, '').test(rest)) return null;
    if (m.id === 'heading.decimal-chapter' && !decimalChapters(doc).has(line)) return null;
    if (DECIMAL_IDS.has(m.id) && !decimalSibling(doc, line, mm[0])) return null;
    const partAnnex = m.rank === 0 && compile(cfg.part_annex_title, '').test(rest.trim());
    if (!partAnnex && compiledEach(cfg.not_heading, 'regex', (p) => p).some((re) => re!.test(rest))) return null;
    if (m.rank > 0 && compiledEach(cfg.not_heading_below_part, 'regex', (p) => p).some((re) => re!.test(rest)) && (m.rank > 2 || inTableList(doc, line, cfg))) return null;
    // (第一部分：部门概况 — the colon sets off the title, as for 第一部分： alone on its line: no part of the ordinal)
    const written = doc.display.slice(start, start + mm[0].length).trim();
    // (a letter-spaced or OCR'd marker, 一 、, （ 一 ）, as the strings are: no space beside a CJK character or punctuation)
    const ordinal = (m.rank < 1 ? written.replace(/\s*[:：]$/, '') : written).replace(/\s+(?=[\u3000-\u303f\u3400-\u9fff\uff00-\uffef])|(?<=[\u3000-\u303f\u3400-\u9fff\uff00-\uffef])\s+/g, '');
    return judge(doc, line, start, start + mm[0].length, m.rank, ordinal, rest, cfg);
  }
  if (raw.includes('\t') || compile(cfg.list_item, '').test(text)) return null;
  // 【基本情况】: a section title set in brackets on its line is one too (the folded copy has 【】 as ())
  // (■ 存在问题 | ◆改进措施: or after a bullet a copy kept of a bold or coloured title)
  const bracketed = /^[【〔\[(]\s*([^【】〔〕\[\]()]+?)\s*[】〕\])]$/.exec(text) ?? BULLET_TITLE.exec(text);
  const inner = bracketed ? bracketed[1] : text;
  const sec = standaloneSection(inner);
  // (a line closed by 。 with no number is a sentence, 自评结果公开。, not a title set on its own)
  if (sec && !/[，,。;]/.test(inner.replace(/[.:：]$/, ''))) {
    const end = start + text.length;
    const tStart = bracketed ? start + text.indexOf(inner) : start;
    return { line, start, end, rank: sec.rank, ordinal: null, title: clean(doc, tStart, tStart + inner.length), headingLike: true, runIn: false, key: sec.key };
  }
  return null;
}

/**
 * A numbered line naming a table (一、收入支出决算总表) is an annex list's item below a part (第二部分 …决算表), or next to
 * another such line (a list of the tables); alone between sections (一、基本情况 … 二、绩效自评表 … 三、自评结论) it is a
 * section's heading (only at the top ranks, 一、 and （一）: 2.部分乡镇未按时报送统计报表 is a list's item).
 */
function inTableList(doc: KDocument, line: Line, cfg: HeadingsFile): boolean {
  const part = compile(cfg.markers.find((m) => m.rank === 0)!.regex, '');
  const i = doc.lines.indexOf(line);
  if (i < 0) return true;
  // (a part listed in the table of contents is none: the body may number its sections 一、…五、 under no part)
  const inToc = (k: number) => doc.excluded.some((x) => x.reason === 'toc' && doc.lines[k].start < x.end && doc.lines[k].end > x.start);
  for (let k = 0; k < i; k++) if (part.test(doc.norm.slice(doc.lines[k].start, doc.lines[k].end).trim()) && !inToc(k)) return true;
  const numbered = cfg.markers.filter((m) => m.rank > 0).map((m) => compile(m.regex, ''));
  const namesTable = (k: number) => {
    const t = doc.norm.slice(doc.lines[k].start, doc.lines[k].end).trim();
    const mm = numbered.map((re) => re.exec(t)).find((x) => x);
    return !!mm && cfg.not_heading_below_part.some((p) => compile(p, '').test(t.slice(mm[0].length)));
  };
  const near = (step: number) => {
    for (let k = i + step; k >= 0 && k < doc.lines.length; k += step) if (doc.lines[k].end > doc.lines[k].start && doc.norm.slice(doc.lines[k].start, doc.lines[k].end).trim()) return namesTable(k);
    return false;
  };
  return near(-1) || near(1);
}

/**
 * A decimal section number (1.1, 4.2, 1.1.1) heads a section only beside a sibling: another line of the text numbered
 * under the same parent (1.2 beside 1.1). A lone 1.5 at a line's start is a figure a line's end cut off, or a version.
 */
function decimalSibling(doc: KDocument, line: Line, marker: string): boolean {
  const parts = decimalParts(marker);
  const parent = parts.slice(0, -1).join('.');
  for (const [l, p] of decimalLines(doc)) {
    if (l !== line && p.length === parts.length && p.slice(0, -1).join('.') === parent && p[p.length - 1] !== parts[parts.length - 1]) return true;
  }
  return false;
}

const decimalParts = (marker: string) => marker.trim().replace(/[、\s]+$/, '').split(/[.．]/);

/** The text's lines numbered as a decimal section is (a sibling so numbered: 1.5 元 on a wrapped line is none), with
 *  their numbers' parts: found once per document, not once per decimal line. */
function decimalLines(doc: KDocument): Map<Line, string[]> {
  let found = decimals.get(doc);
  if (!found) {
    found = new Map();
    const res = loadPatternFile<HeadingsFile>('headings.yaml').markers.filter((m) => DECIMAL_IDS.has(m.id)).map((m) => compile(m.regex, ''));
    for (const l of doc.lines) {
      const t = doc.norm.slice(l.start, l.end).trim();
      const mm = res.map((re) => re.exec(t)).find((x) => x);
      if (mm) found.set(l, decimalParts(mm[0]));
    }
    decimals.set(doc, found);
  }
  return found;
}

// the markers of a chapter's decimal sections (1.1, 1.1.1)
const DECIMAL_IDS = new Set(['heading.decimal', 'heading.decimal3']);

const chapters = new WeakMap<KDocument, Set<Line>>();

/**
 * The lines that are chapters numbered bare (1 部门基本情况 ⏎ 1.1 部门职能 … 2 部门预算 ⏎ 2.1 …): the run of lines so
 * numbered 1, 2, 3 … in order (a line out of turn is none), taken only when it has two lines or more and one of them is
 * followed by its own decimal sections (the first decimal line after it numbered under it): a chapter's number written
 * alone is otherwise a figure a line's end cut off, or a table's row. Found once per document.
 */
function decimalChapters(doc: KDocument): Set<Line> {
  let found = chapters.get(doc);
  if (found) return found;
  found = new Set();
  chapters.set(doc, found);
  const re = compile(loadPatternFile<HeadingsFile>('headings.yaml').markers.find((m) => m.id === 'heading.decimal-chapter')!.regex, '');
  const decimalsAt = [...decimalLines(doc)].filter(([, p]) => p.length === 2);
  const run: { line: Line; n: number }[] = [];
  for (const l of doc.lines) {
    const raw = doc.norm.slice(l.start, l.end);
    if (raw.trim().includes('\t')) continue;
    const mm = re.exec(raw.trim());
    if (mm && Number(mm[0].trim()) === run.length + 1) run.push({ line: l, n: run.length + 1 });
  }
  const ownsDecimals = (k: number) => {
    const next = decimalsAt.find(([l]) => l.start > run[k].line.start);
    return !!next && Number(next[1][0]) === run[k].n && (k + 1 >= run.length || next[0].start < run[k + 1].line.start);
  };
  if (run.length >= 2 && run.some((_, k) => ownsDecimals(k))) for (const r of run) found.add(r.line);
  return found;
}

// a decimal section's ordinal (1.2, 1.1.3)
const DECIMAL_ORDINAL = /^\d{1,2}[.．]\d{1,2}/;

const BULLET_TITLE = /^[■□●◆◇▲△►▶★☆◎•※▌▎]\s*(\S.*?)$/;

// (no-break spaces too: a copy of a web page has them for its spaces)
const WIDE_GAP = /\u3000|[ \t\u00a0]{2,}/;
// (before a word or a year: a space before another figure is a PDF text layer's, 三、“三公”经费支出 0 万元，…)
const ONE_SPACE = /(?<=[\u3400-\u9fff])[ \t\u00a0](?=[\u3400-\u9fff“"（(]|(?:19|20)\d{2}[ \t\u00a0]?年)/;

function judge(doc: KDocument, line: Line, start: number, restStart: number, rank: number, ordinal: string, whole: string, cfg: HeadingsFile): Candidate {
  // (a section's title with the page number a lost contents page left after it, 一、部门基本情况 3 over the section's text: the
  // number no part of the title nor a run-in text; the heading the whole line; lists54, before title 部门基本情况3)
  const paged = /\d$/.test(whole) ? TRAILING_PAGE.exec(whole) : null;
  // (…and leaders after a heading's title in the body, 一、部门基本情况…… | （二）绩效目标完成情况…………3, a contents' entry's typing kept
  // on the heading: no part of the title, whatever it names — leaders set off no figure; lists55, before the dots in the title)
  const led = /[\d.…·]$/.test(whole) ? LEADER_TAIL.exec(whole) : null;
  const cut = [led, paged].find((p) => p && p.index > 0 && !/[，,。;；:：、]/.test(whole.slice(0, p.index)) && (p === led || sectionKey(whole.slice(0, p.index).replace(/\s+/g, '')) !== null));
  const pageless = !!cut;
  const rest = cut ? whole.slice(0, cut.index) : whole;
  // a run-in title ends at 。/; — or at a colon right after a short label that names a part of the report
  // (①数量指标：举办…), not a field (1.时间：2023年…, 2.项目名称：…)
  // (二、部门收支情况（单位：万元）: the colon of a unit's note closing the line is none of them; the note is no part of the key)
  const note = rest.includes('单位') ? compile(cfg.heading_unit_note, '').exec(rest) : null;
  const colon = (note ? rest.slice(0, note.index) : rest).search(/[:：]/);
  // (a half-width full stop after a word before more text ends a run-in title too: (一)项目概况.该项目为…)
  const period = rest.search(/[。;]|(?<=[\u3400-\u9fff])\.(?=[\u3400-\u9fff“"(])/);
  const label = colon > 0 ? rest.slice(0, colon) : '';
  // (a label naming a part of the report: run_in_label, or a section of sections.yaml: （二）下一步打算：…)
  const labelStop = colon > 0 && colon <= cfg.limits.run_in_label_max && (period < 0 || colon < period) && !/[，,]/.test(label) && (compile(cfg.run_in_label, '').test(label) || sectionKey(label) !== null) && rest.slice(colon + 1).trim() && !compile(cfg.definition_after_colon, '').test(rest.slice(colon + 1));
  // 一、部门概况　县科协成立于…: a short title set off by a wide space (a full-width space or two spaces) before its text
  const gapAt = (sp: RegExpExecArray | null): number => {
    // (a title that names a section or ends like one: 全年开展科普活动　36场。 is a sentence set with a wide space)
    const gapTitle = sp ? rest.slice(0, sp.index) : '';
    return sp && sp.index > 1 && sp.index <= cfg.limits.run_in_title_max && (period < 0 || sp.index < period) && !/[，,:：]/.test(gapTitle) && rest.slice(sp.index).trim() && (sectionKey(gapTitle) !== null || compile(cfg.inline_title_end, '').test(gapTitle)) ? sp.index : -1;
  };
  const restText = doc.text.slice(restStart, restStart + rest.length);
  let gap = labelStop ? -1 : gapAt(WIDE_GAP.exec(restText));
  // (one plain space does too when a sentence follows it, （二）人员编制 核定编制6名，实有6人。; not a title a PDF broke with a
  // space, 二、存在问题 及改进措施, which states nothing)
  if (gap < 0 && !labelStop) {
    const one = ONE_SPACE.exec(rest);
    if (one && /[，,。；;]/.test(rest.slice(one.index))) gap = gapAt(one);
  }
  const stop = labelStop ? colon : gap >= 0 ? gap : period;
  let title = rest;
  let runIn = false;
  let headingLike: boolean;
  if (stop < 0) {
    headingLike = rest.length <= cfg.limits.title_max;
  } else {
    title = rest.slice(0, stop);
    const after = rest.slice(stop + 1).trim();
    const shortClean = title.length <= cfg.limits.run_in_title_max && !/[，,]/.test(title);
    headingLike = shortClean;
    runIn = shortClean && after.length > 0;
  }
  if (compile(cfg.figure_in_title, '').test(title)) headingLike = runIn = false;
  // (a line closed by a list's ；, （一）预算绩效管理意识有待加强；, is an item, never a title: a heading's title ends bare or in 。/：)
  if (stop >= 0 && rest[stop] === ';' && !rest.slice(stop + 1).trim()) headingLike = runIn = false;
  // a line ending in a clause's comma (（一）完善绩效目标，⏎确保…) is a sentence broken off, not a title
  if (stop < 0 && /[，,、]\s*$/.test(rest)) headingLike = runIn = false;
  // (…and so is one with a clause's comma ending in a word that cannot close a clause: （二）绩效目标设定不够细化，部分指标难以⏎量化考核。)
  if (stop < 0 && /[，,]/.test(rest) && compile(cfg.dangling_end, '').test(rest.trim())) headingLike = runIn = false;
  // 1.时间：2023年5月 | 1.财政拨款收入：指…: a field or a term with its definition, not a title
  // (a part's annex, 第三部分 附件：决算公开报表, is titled so: no field)
  if (!labelStop && compile(cfg.field_in_title, '').test(note && stop < 0 ? title.slice(0, note.index) : title) && !(rank === 0 && compile(cfg.part_annex_title, '').test(title.trim()))) headingLike = runIn = false;
  const titleEnd = restStart + title.length;
  const end = headingLike && !pageless ? titleEnd + (stop >= 0 ? 1 : 0) : line.end;
  return {
    line, start, end, rank, ordinal,
    title: clean(doc, restStart, titleEnd),
    headingLike, runIn,
    key: headingLike ? headingKey(doc, note && stop < 0 ? title.slice(0, note.index) : title) : null,
  };
}

function clean(doc: KDocument, start: number, end: number): string {
  return cleanValue(doc.display.slice(start, end)).replace(/[。:：]$|(?<=[\u3400-\u9fff])\.$/, '');
}

/** All heading candidates outside excluded regions, before list/TOC filtering. */
export function candidates(doc: KDocument): Candidate[] {
  const out: Candidate[] = [];
  for (let i = 0; i < doc.lines.length; i++) {
    const line = doc.lines[i];
    if (isExcluded(doc, line)) {
      // a table's last row whose last cell, left out of the table, is a heading (自评报告⇥一、项目基本情况): that cell
      const tab = line.text.lastIndexOf('\t');
      const tail: Line = { start: line.start + tab + 1, end: line.end, text: line.text.slice(tab + 1) };
      const c = tab >= 0 && tail.text.trim() && !isExcluded(doc, tail) ? classifyLine(doc, tail) : null;
      if (c && c.rank <= 2 && c.headingLike) out.push({ ...c });
      continue;
    }
    const part = partWithTitleBelow(doc, i);
    if (part) {
      out.push(part.candidate);
      i = part.titleLine; // the title line is part of this heading
      continue;
    }
    const c = classifyLine(doc, line);
    const broken = c ? brokenTitle(doc, c, i) : null;
    if (broken) {
      out.push(broken);
      i++; // the title's last characters, on the next line, are part of this heading
      continue;
    }
    // (a title ending in a figure whose measure word opens the next line, 1.科普经费人均仅0.5⏎元，…: a sentence its line's end broke
    // off, no heading over a body; lists46)
    if (c && c.headingLike && /\d$/.test(c.title) && figureGoesOn(c.title, doc.lines[i + 1] ? doc.norm.slice(doc.lines[i + 1].start, doc.lines[i + 1].end) : '')) {
      out.push({ ...c, end: line.end, headingLike: false, runIn: false, key: null });
      continue;
    }
    if (c) out.push({ ...c }); // a copy: findHeadings re-ranks its candidates
  }
  return out;
}
// a measure word opening a line (the rest of a figure broken off the line above: 0.5⏎元, 3⏎场), closed by punctuation or the line's
// end (not a word opening with it: 附表1⏎项目支出绩效自评表, 人员…), or after a decimal figure any
const FIGURE_MEASURE_START = /^\s*(?:万元|亿元|元|人次|[万亿%％场次人个名项件期篇份家所台辆座处条套册])(?=\s*$|[，,。；;、：:）)])/;
const DECIMAL_MEASURE_START = /^\s*(?:万元|亿元|元|万人次|人次|万人|[万亿%％])/;

/** Does `line` open with the measure word of the figure that ends `text` (a sentence its line's end broke off)? */
export function figureGoesOn(text: string, line: string): boolean {
  return /\d$/.test(text) && (FIGURE_MEASURE_START.test(line) || (/\d[.．]\d+$/.test(text) && DECIMAL_MEASURE_START.test(line)));
}

/**
 * A numbered heading whose title a PDF reader broke over two lines (`四、存在的问题及原⏎因分析`, `三、部门整体支出绩效⏎情况`): the
 * next line is a short fragment (at most six CJK characters, nothing else) that completes a section title (sections.yaml
 * `standalone`) or a title's heading-like end (`情况`, `措施`…: inline_title_end, a fragment of at most four) the line's own
 * title lacks. One heading for both lines.
 */
function brokenTitle(doc: KDocument, c: Readonly<Candidate>, i: number): Candidate | null {
  if (c.ordinal === null || !c.headingLike || c.runIn || doc.norm.slice(c.end, c.line.end).trim() || /[，,。;；:：、]/.test(c.title)) return null;
  // (…also across a page's end, 二、存在的⏎- 2 -⏎问题: its furniture and margins passed over; lists53)
  // (…and across a blank line or two, 一、部门基本⏎⏎情况, as a converter spaces a heading's lines; lists54)
  let j = i + 1;
  while (j < doc.lines.length && j <= i + 6 && (isExcluded(doc, doc.lines[j]) || !doc.lines[j].text.trim())) j++;
  const blankOnly = j <= i + 3 && doc.lines.slice(i + 1, j).every((l) => !isExcluded(doc, l));
  const next = doc.lines[j === i + 1 || blankOnly || (doc.lines[j] && pageCut(doc, doc.lines[i].end, doc.lines[j].start)) ? j : i + 1];
  if (!next || isExcluded(doc, next)) return null;
  const raw = doc.norm.slice(next.start, next.end);
  const frag = raw.trim();
  if (!/^[\u3400-\u9fff]{1,6}$/.test(frag) || classifyLine(doc, next)) return null;
  const joined = c.title + frag;
  const cfg = loadPatternFile<HeadingsFile>('headings.yaml');
  const ends = compile(cfg.inline_title_end, '');
  // (…or a word of the dictionary runs across the break: （一）预算编制的科学性有待提⏎高; not 三、自评结论⏎优, 四、存在的问题⏎无)
  const completes = (standaloneSection(joined) && !standaloneSection(c.title)) || (frag.length <= 4 && ends.test(joined) && !ends.test(c.title)) || (frag.length <= 4 && !standaloneSection(c.title) && wordAcross(c.title.slice(-4) + frag, Math.min(4, c.title.length)));
  if (!completes || joined.length > cfg.limits.title_max) return null;
  const fStart = next.start + (raw.length - raw.trimStart().length);
  return { ...c, end: fStart + frag.length, title: c.title + clean(doc, fStart, fStart + frag.length), key: headingKey(doc, joined) };
}

/** 第一部分 alone on line i, its title on the next non-blank line (within three lines): one heading for both. */
export function partWithTitleBelow(doc: KDocument, i: number): { candidate: Candidate; titleLine: number } | null {
  const cfg = loadPatternFile<HeadingsFile>('headings.yaml');
  const line = doc.lines[i];
  const marker = doc.norm.slice(line.start, line.end).trim();
  if (!compile(cfg.part_alone, '').test(marker)) return null;
  let j = i + 1;
  while (j < doc.lines.length && j <= i + 3 && !doc.lines[j].text.trim()) j++;
  const next = doc.lines[j];
  if (!next || j > i + 3 || isExcluded(doc, next)) return null;
  const raw = doc.norm.slice(next.start, next.end);
  const text = raw.trim();
  // a title: short, no sentence in it, not a numbered line of its own
  if (!text || text.length > cfg.limits.title_max || /[。;；，,]/.test(text.replace(/[。:：]$/, '')) || classifyLine(doc, next)?.ordinal) return null;
  const start = line.start + (doc.norm.slice(line.start, line.end).length - doc.norm.slice(line.start, line.end).trimStart().length);
  const tStart = next.start + (raw.length - raw.trimStart().length);
  const tEnd = tStart + text.length;
  const title = clean(doc, tStart, tEnd);
  return {
    // (第一节 alone: a chapter's section, at its marker's rank, heading.chapter-section)
    candidate: { line, start, end: tEnd, rank: /节[:：]?$/.test(marker) ? cfg.markers.find((m) => m.id === 'heading.chapter-section')?.rank ?? 0.5 : 0, ordinal: doc.display.slice(start, start + marker.replace(/[:：]$/, '').length), title, headingLike: true, runIn: false, key: headingKey(doc, title) },
    titleLine: j,
  };
}

/**
 * Decide which candidates are headings. A run of same-rank numbered lines under one parent is a list
 * (duties, problems) when most of its lines are sentences, or when the parent is a duties section.
 */
export function findHeadings(doc: KDocument): Heading[] {
  const cands = beforeAnnex(doc, candidates(doc).filter((c) => !isTocRun(doc, c)));
  glossaryEntries(cands);
  tuckUnnumbered(cands);
  rankDecimals(cands);
  rankCapitals(cands);
  const accepted: Candidate[] = [];
  const stack: Candidate[] = [];
  // group siblings: same rank, same parent
  const groups = new Map<Candidate | null, Map<number, Candidate[]>>();
  const listy = new Set<Candidate>();
  // a numbered list that restarts at 1 under a heading of its own rank (一、主要工作 … 一、加强组织建设。… 二、…
  // 三、存在问题): the restarted run is the heading's list, not its siblings
  let nested: NestedRun | null = null;
  const holders = new Set<Candidate>();
  const restarts = secondReports(doc, cands);
  for (const [ci, c] of cands.entries()) {
    // (a second report in the file, under its own title: its 一、 opens no list of the first's last section)
    if (restarts.has(c)) {
      stack.length = 0;
      nested = null;
      holders.clear();
    }
    // the innermost open heading, and the open headings, before c closes any (a list item closes none)
    const open = stack.length ? stack[stack.length - 1] : null;
    const opened = stack.slice();
    // an unnumbered title with a numbered run of its own rank starting at 1 right under it (部门职责⏎（一）…⏎（二）…) holds
    // that run: the numbers are its children, not its siblings
    const top = stack.length ? stack[stack.length - 1] : null;
    if (top && top.ordinal === null && top.rank === c.rank && c.ordinal !== null && (holders.has(top) || (ordinalNumber(c.ordinal) === 1 && cands[ci - 1] === top))) holders.add(top);
    while (stack.length && stack[stack.length - 1].rank >= c.rank && !(holders.has(stack[stack.length - 1]) && stack[stack.length - 1].rank === c.rank && c.ordinal !== null)) stack.pop();
    let parent = stack.length ? stack[stack.length - 1] : null;
    // (a title of the same rank and number further on, 二、部门整体支出绩效情况 after the list's 二、开展科学普及工作。: the sibling)
    const twinLater = () => cands.slice(ci + 1).some((d) => d.rank === c.rank && d.headingLike && ordinalNumber(d.ordinal) === ordinalNumber(c.ordinal) && !/[。;；]\s*$/.test(doc.norm.slice(d.start, d.line.end)));
    if (!restarts.has(c) && nestedItem(doc, c, parent, groups, nested, open, twinLater)) {
      nested = nested ?? { parent, rank: c.rank, anchor: ordinalNumber(groups.get(parent)!.get(c.rank)!.at(-1)!.ordinal)!, want: 1 };
      nested.want++;
      listy.add(c);
      // under （一）部门职责 the list 一、… 二、… leaves the headings open: （二）人员情况 after it is still under 一、
      if (open && open.rank > c.rank) stack.splice(0, stack.length, ...opened);
      continue;
    }
    if (nested && (nested.parent !== parent || nested.rank <= c.rank)) nested = null;
    if (parent && continuesParent(parent, c, groups.get(parent))) {
      // （一）基本支出 … （2）项目支出: a mistyped marker that continues the parent's own sequence
      c.rank = parent.rank;
      stack.pop();
      parent = stack.length ? stack[stack.length - 1] : null;
    }
    if (!groups.has(parent)) groups.set(parent, new Map());
    const g = groups.get(parent)!;
    if (!g.has(c.rank)) g.set(c.rank, []);
    g.get(c.rank)!.push(c);
    // inside a list section (duties, problems, improvements), a numbered sentence with a lead phrase is an item
    // (a half-width source's full stop closing the line counts: 3)拓宽宣传渠道. after 1)…; 2)…;)
    // (and so is a point a page's furniture cut on a report pasted on one line, 1.经费投入 - 2 - 不足。: its rest no body under it)
    if (listParent(parent) && (c.runIn || /[。;]|(?<=[\u3400-\u9fff%”"')）])\.\s*$/.test(doc.norm.slice(c.start, c.line.end)) || pieceCutByPage(doc, c.line))) listy.add(c);
    if (c.headingLike && !listy.has(c)) stack.push(c);
  }
  const candIndex = new Map<Candidate, number>();
  for (const [parent, byRank] of groups) {
    for (const [, sibs] of byRank) {
      const headingLike = sibs.filter((s) => s.headingLike).length;
      // (not when a sibling is itself titled the duties, 一、基本职能及主要工作 › （一）主要职能 … （二）重点工作完成情况, a 决算's
      // template: the parent names the duties beside another topic and holds them as a section, its numbered titles headings)
      const isDutyList = parent?.key === 'duties' && sibs.some((s) => s.ordinal !== null) && !(standaloneKey(parent.title) !== 'duties' && sibs.some((s) => s.headingLike && s.ordinal !== null && standaloneKey(s.title) === 'duties'));
      // (at the top, under no heading, a title naming a report's section among numbered sentences is a heading all the same:
      // 一、收支情况⏎三、“三公”经费预算2.1万元，实际支出2万元。 — the sentence no reason to lose the outline)
      // (a chapter's decimal sections outside a list section are sections, whatever their siblings: 2.1 评价结论 beside 2.2 主要绩效
      // 全年开展…, its title glued to its text on a one-line page, is a heading; the sentence none)
      const decimalSections = !listParent(parent) && sibs.every((s) => s.ordinal !== null && DECIMAL_ORDINAL.test(s.ordinal));
      if (isDutyList || (!decimalSections && headingLike * 2 <= sibs.length - (sibs.length === 1 ? 1 : 0))) sibs.forEach((s) => (!isDutyList && parent === null && s.headingLike && s.key && s.ordinal !== null ? null : listy.add(s)));
      // in a problems or improvements section, numbered titles with no body under them (1.科普经费投入不足⏎2.专业人才缺乏⏎
      // 三、…), beside items or alone, are the section's items: a heading holds a body (not a sub-section of a list's kind,
      // （一）存在的问题⏎（二）改进措施)
      // (and so are titles stating a point in short clauses over their bodies, 1.加强宣传，扩大影响⏎充分利用…。⏎2.…: the list's
      // points, as a run-in title is an item's, two or more of them; a topic's title, 1.资金问题⏎…, stays a sub-heading)
      else if (listParent(parent) && parent?.key !== 'duties' && sibs.every((s) => s.ordinal !== null && !(s.key && LIST_SECTIONS.has(s.key)) && (listy.has(s) || (sibs.length > 1 && clauseTitle(s.title)) || bodiless(doc, cands, s, candIndex)))) sibs.forEach((s) => listy.add(s));
      // (a sentence broken off by its line's end among items closed on their own lines, 1.科普经费投入不足，县级…人均不足⏎0.5元，
      // 难以满足需要。⏎2.专业人才缺乏。: one item, its rest on the next line, not a title over a body)
      // (decided for all before any is added: a broken sibling is judged as it stands)
      else if (listParent(parent) && parent?.key !== 'duties') sibs.filter((s) => brokenItem(doc, cands, s, sibs, listy, candIndex)).forEach((s) => listy.add(s));
    }
  }
  // (the lines under a list's item are that item's sub-items, no headings: （一）加强宣传，扩大影响⏎1.利用新媒体；⏎2.…; a parent's
  // group comes before its children's)
  for (const [parent, byRank] of groups) if (parent && listy.has(parent)) for (const [, sibs] of byRank) sibs.forEach((s) => listy.add(s));
  for (const c of cands) if (c.headingLike && !listy.has(c)) accepted.push(c);
  return toHeadings(doc, accepted);
}

/** Is `text` (a trimmed line) a report's title (headings.yaml report_title: a year, a report kind's word at its end)? */
export function reportTitleLine(text: string): boolean {
  return compile(loadPatternFile<{ report_title: string }>('headings.yaml').report_title, '').test(text.replace(/\s+/g, ''));
}

/** The first top-rank heading (一、, 第一部分) of each report after the first in one file: numbered 1, right under a report's
 *  title line, with headings before it. Two reports pasted one after the other (an overall report, then a project's) are
 *  read as two outlines in a row, not the second as a list restarted in the first's last section. */
function secondReports(doc: KDocument, cands: Candidate[]): Set<Candidate> {
  const out = new Set<Candidate>();
  const numbered = cands.filter((c) => c.ordinal !== null && c.headingLike);
  if (numbered.length < 2) return out;
  const top = Math.min(...numbered.map((c) => c.rank));
  for (const c of numbered) {
    if (c === numbered[0] || c.rank !== top || ordinalNumber(c.ordinal) !== 1) continue;
    const i = doc.lines.indexOf(c.line);
    for (let k = i - 1; k >= 0; k--) {
      const t = isExcluded(doc, doc.lines[k]) ? '' : doc.norm.slice(doc.lines[k].start, doc.lines[k].end).trim();
      if (!t) continue;
      // (not an annexed report, 附件⏎…报告⏎一、…: the annex is no part of this one's outline)
      if (reportTitleLine(t) && !annexBefore(doc, k)) out.add(c);
      break;
    }
  }
  return out;
}

/** Is the non-blank line before line k an annex's line (附件, 附件2：…)? */
function annexBefore(doc: KDocument, k: number): boolean {
  const annex = compile(loadPatternFile<HeadingsFile>('headings.yaml').annex_line, '');
  for (let j = k - 1; j >= 0; j--) {
    const t = doc.norm.slice(doc.lines[j].start, doc.lines[j].end).trim();
    if (t) return annex.test(t) || /^附\s*件\s*[\d一二三四五六七八九十]{0,2}\s*$/.test(t);
  }
  return false;
}

/** Is `title` a point stated in two or three short clauses (加强宣传，扩大影响; headings.yaml clause_title), as a list's item
 *  is titled over its body, not a topic's name? */
export function clauseTitle(title: string): boolean {
  const cfg = loadPatternFile<HeadingsFile>('headings.yaml');
  const t = title.replace(/\s+/g, '');
  return compile(cfg.clause_title, '').test(t) && !compile(cfg.dangling_end, '').test(t);
}

/** In a list section, is numbered `c` a sentence its line's end broke off, not a title over a body: a clause's comma in it,
 *  no short clauses of a point's title (clause_title), nothing closing the line, one line under it closing the sentence
 *  (。/；) before the next numbered line (brokenShape), and every sibling an item closed on its own line with nothing under
 *  it, or itself so broken with its sentence closed by a list's ；. A long title over its body (（一）进一步加强预算管理，切实
 *  提高…水平⏎…) stands among titles over bodies, not among closed items. */
function brokenItem(doc: KDocument, cands: Candidate[], c: Candidate, sibs: Candidate[], listy: Set<Candidate>, index: Map<Candidate, number>): boolean {
  const strict = brokenShape(doc, cands, c, listy, index);
  const others = sibs.filter((s) => s !== c);
  if (!others.length) return false;
  // (a sentence broken inside a word, …难以满足基层开展科普活⏎动的需要，…。, a PDF's full line the reader did not join: no title
  // ends so, whatever its siblings; a break between words, …影响活动开展⏎县级财政…, may be a title's over its body)
  // (lists53: …in short clauses too, 1.加强项目论证，细化预算编制，提高预⏎算执行的均衡性。: no point's title ends inside a word)
  const across = strict ?? (c.title.length >= BROKEN_IN_WORD_MIN ? brokenShape(doc, cands, c, listy, index, true) : null);
  if (across && brokenInWord(c.title, across)) return true;
  // (short clauses broken with no page between, （2）专业人才缺乏，科普队伍⏎不够稳定；, read as one sentence only when the
  // list's ； closes the line under it and a sibling is plainly an item — closed on its own line, or a sentence broken
  // without short clauses: titles over bodies are never mixed with closed items, 1.加强宣传，扩大影响⏎充分利用…；⏎2.培养人才…)
  const anchor = (s: Candidate) => (listy.has(s) && bodiless(doc, cands, s, index)) || !!brokenShape(doc, cands, s, listy, index);
  const loose = strict ? null : brokenShape(doc, cands, c, listy, index, true);
  // (several items broken so, （1）…难以满足基层⏎开展活动的需要；⏎（2）…科普队伍⏎不够稳定；⏎（3）…。: the list's ； closes each,
  // as no paragraph under a title ends; the last one may close with 。)
  const semi = (b: string) => /[；;]$/.test(b);
  const last = sibs[sibs.length - 1] === c;
  const own = strict ?? (loose && (semi(loose) || (last && /[。.]$/.test(loose))) && others.some(anchor) ? loose : null);
  if (!own) return false;
  const plain = (s: Candidate) => listy.has(s) && bodiless(doc, cands, s, index);
  if (others.every(plain)) return true;
  // (several sentences so broken beside an item closed on its own line, 1.…难以满足基层开展⏎活动的需要。⏎2.专业人才缺乏。⏎
  // 3.…更新维护经费⏎不足。: each closed by 。 too; a title over its body never stands beside such an item)
  const beside = others.some(plain);
  return (semi(own) || last || (beside && own === strict)) && others.every((s) => {
    if (plain(s)) return true;
    const strictB = brokenShape(doc, cands, s, listy, index);
    if (strictB && beside) return true;
    const b = strictB ?? brokenShape(doc, cands, s, listy, index, true);
    return !!b && (semi(b) || s === sibs[sibs.length - 1]);
  });
}

/** a line of a point broken inside a word is a page's full line: shorter ones are titles more often than not */
const BROKEN_IN_WORD_MIN = 16;

/** Is a point's line `title` (its marker cut off) a page's full line broken inside a word that `rest`, the next line, ends
 *  (…提高预⏎算执行…)? No title over a body ends so. */
export function brokenInWord(title: string, rest: string): boolean {
  return title.length >= BROKEN_IN_WORD_MIN && wordAcross(title.slice(-6) + rest.slice(0, 6), Math.min(6, title.length));
}

/** The one line under numbered `c` that closes the sentence its line's end broke off (see brokenItem), or null. */
function brokenShape(doc: KDocument, cands: Candidate[], c: Candidate, listy: Set<Candidate>, index: Map<Candidate, number>, clausesOk = false): string | null {
  if (listy.has(c) || c.ordinal === null || c.runIn || !c.headingLike || (c.key && LIST_SECTIONS.has(c.key))) return null;
  const line = doc.norm.slice(c.start, c.line.end).trim();
  if (!/[，,]/.test(c.title) || /[。；;:：!?！？]$/.test(line)) return null;
  if (!index.size) cands.forEach((x, k) => index.set(x, k));
  const i = index.get(c)!;
  const nextStart = i + 1 < cands.length ? cands[i + 1].line.start : Infinity;
  const body: string[] = [];
  let bodyStart = -1;
  for (let k = firstSpanFrom(doc.lines, c.line.end); k < doc.lines.length && doc.lines[k].start < nextStart; k++) {
    const t = isExcluded(doc, doc.lines[k]) ? '' : doc.norm.slice(doc.lines[k].start, doc.lines[k].end).trim();
    if (!t) continue;
    if (closingLine(t)) break;
    if (bodyStart < 0) bodyStart = doc.lines[k].start;
    body.push(t);
  }
  if (body.length !== 1 || !/[。；;]$/.test(body[0])) return null;
  // (short clauses, 专业人才缺乏，科普队伍, are a point's title over its body, unless the page ended the line: its rest on the
  // next page, …科普队伍⏎第 3 页 共 5 页⏎不够稳定；)
  return clausesOk || !clauseTitle(c.title) || pageCut(doc, c.line.end, bodyStart) ? body[0] : null;
}

/** Does a page end between `from` and `to`: a page's furniture left out there, a page of the reader's, or where the reader
 *  removed a page number from a text without form feeds? */
function pageCut(doc: KDocument, from: number, to: number): boolean {
  return doc.excluded.some((x) => x.reason === 'page furniture' && x.start >= from && x.end <= to) || !!doc.pages?.some((p) => p.start > from && p.start <= to) || doc.pageBreaks.some((b) => b > from && b <= to);
}

/** Is `line` a piece of a source line whose next piece a page's furniture set apart (a report pasted on one line: 1.经费投入 - 2 - 不足。),
 *  no line break between them? */
function pieceCutByPage(doc: KDocument, line: Line): boolean {
  for (let k = firstSpanFrom(doc.lines, line.end); k < doc.lines.length; k++) {
    const l = doc.lines[k];
    if (l.start < line.end || isExcluded(doc, l) || !doc.norm.slice(l.start, l.end).trim()) continue;
    return pageCut(doc, line.end, l.start) && !doc.norm.slice(line.end, l.start).includes('\n');
  }
  return false;
}

/** Is the line after `c`'s (the next non-blank one) another candidate's, or is there none: a title with no body? */
function bodiless(doc: KDocument, cands: Candidate[], c: Candidate, index: Map<Candidate, number>): boolean {
  if (!index.size) cands.forEach((x, k) => index.set(x, k));
  const i = index.get(c)!;
  const nextLine = i + 1 < cands.length ? cands[i + 1].line : null;
  for (let k = firstSpanFrom(doc.lines, c.line.end); k < doc.lines.length; k++) {
    const l = doc.lines[k];
    if (l === nextLine || (nextLine && l.start >= nextLine.start)) return true;
    const t = isExcluded(doc, l) ? '' : doc.norm.slice(l.start, l.end).trim();
    // (the report's closing lines, a signature, a date, 联系人：…, 附件：…, are no body: the list ends there)
    if (t) return closingLine(t);
  }
  return true;
}

/** Is `text` (a trimmed line) one of the report's closing lines: its signature, a date, a contact field, an annex's line
 *  (headings.yaml closing_line)? */
export function closingLine(text: string): boolean {
  return compile(loadPatternFile<HeadingsFile>('headings.yaml').closing_line, '').test(text);
}

/** The candidates before an annex after the body (附件…, 附：自评报告摘要) whose numbered lines restart the body's top numbering
 *  (一、 again): a summary or a form repeating the report's headings is no part of its outline. */
function beforeAnnex(doc: KDocument, cands: Candidate[]): Candidate[] {
  const numbered = cands.filter((c) => c.ordinal !== null && c.headingLike);
  if (numbered.length < 2) return cands;
  const rank = Math.min(...numbered.map((c) => c.rank));
  const first = numbered.find((c) => c.rank === rank)!;
  const annex = compile(loadPatternFile<HeadingsFile>('headings.yaml').annex_line, '');
  // (the text's end: a repeated copy of the report after it is none of it)
  const end = Math.min(doc.norm.length, ...doc.excluded.filter((x) => x.reason === 'repeated copy' && x.start > first.start).map((x) => x.start));
  for (const line of doc.lines) {
    // (shorter than the body before it: a notice's points before the annexed report itself are no body)
    if (line.start <= first.start || end - line.start >= line.start - first.start || !annex.test(doc.norm.slice(line.start, line.end).trim())) continue;
    if (cands.some((c) => c.start > line.start && c.rank === rank && c.ordinal !== null && ordinalNumber(c.ordinal) === 1)) return cands.filter((c) => c.start < line.start);
  }
  return cands;
}

/** Under a glossary's heading (名词解释), the numbered terms down to the next heading of its rank are entries, no headings. */
function glossaryEntries(cands: Candidate[]): void {
  const glossary = compile(loadPatternFile<HeadingsFile>('headings.yaml').glossary_title, '');
  let rank = -1;
  for (const c of cands) {
    if (rank >= 0 && c.rank > rank) c.headingLike = c.runIn = false;
    else rank = c.headingLike && glossary.test(c.title.replace(/\s+/g, '')) ? c.rank : -1;
  }
}

/**
 * An unnumbered title between two numbered headings of its rank whose numbers follow on (一、… 自评结论 … 二、): the
 * author's numbering leaves no place for it at that rank, so it is a sub-heading of the section it stands in (a bold
 * line), not a sibling that cuts that section. Where the numbers leave a gap (三、… 绩效目标实现情况 … 五、) or none
 * follows, it keeps its rank.
 */
/**
 * A decimal section (1.1, 3.2; 1.1.1) is ranked below a chapter (第一章), one rank under the top. Numbered under a
 * heading of that rank or lower, 一、项目基本情况⏎1.1 项目概况 or 1.项目基本情况⏎1.1 项目概况⏎…⏎2.项目绩效目标, it is that
 * heading's section, not its sibling (nor the parent of the 2. after it): its number's first part names the open heading
 * it belongs to (the highest-ranked open one so numbered), and it ranks just below that one.
 */
function rankDecimals(cands: Candidate[]): void {
  const decimalOf = (c: Candidate) => (c.ordinal !== null && DECIMAL_ORDINAL.test(c.ordinal) ? decimalParts(c.ordinal) : null);
  for (const [ci, c] of cands.entries()) {
    const parts = decimalOf(c);
    if (!parts) continue;
    let chapter: Candidate | null = null;
    let minRank = Infinity;
    for (let k = ci - 1; k >= 0; k--) {
      const d = cands[k];
      if (!d.headingLike || d.ordinal === null || decimalOf(d) || d.rank >= minRank) continue;
      minRank = d.rank; // an open heading: nothing of its rank or higher since
      if (ordinalNumber(d.ordinal) === Number(parts[0])) chapter = d;
    }
    // (under a part or a chapter the decimal's own rank is already below it)
    if (chapter && chapter.rank >= 1) c.rank = chapter.rank + (parts.length === 2 ? 0.3 : 0.4);
  }
}

function tuckUnnumbered(cands: Candidate[]): void {
  const numberedAt = (k: number, r: number) => cands[k].ordinal !== null && cands[k].rank === r && cands[k].headingLike;
  for (let i = 0; i < cands.length; i++) {
    const c = cands[i];
    if (c.ordinal !== null || !c.headingLike) continue;
    // the nearest numbered candidates of its rank on either side, none of a higher rank between
    let p = i - 1;
    while (p >= 0 && !numberedAt(p, c.rank) && !(cands[p].rank < c.rank && cands[p].headingLike)) p--;
    let q = i + 1;
    while (q < cands.length && !numberedAt(q, c.rank) && !(cands[q].rank < c.rank && cands[q].headingLike)) q++;
    // (after the last numbered heading of its rank, a combined section, a title of one of its lists is its part: 三、存在的问题及
    // 改进措施⏎存在的问题：⏎…⏎改进措施：⏎…, the report's end)
    if (p >= 0 && q >= cands.length && numberedAt(p, c.rank) && cands[p].key === 'problems_and_improvements' && (c.key === 'problems' || c.key === 'improvements')) {
      c.rank += 0.5;
      continue;
    }
    if (p < 0 || q >= cands.length || !numberedAt(p, c.rank) || !numberedAt(q, c.rank)) continue;
    // (not another kind of section inside a problems or improvements section: that section's items run to its end)
    if (cands[p].key && LIST_SECTIONS.has(cands[p].key!) && !(c.key && LIST_SECTIONS.has(c.key))) continue;
    const a = ordinalNumber(cands[p].ordinal);
    const b = ordinalNumber(cands[q].ordinal);
    if (a !== null && b === a + 1) c.rank += 0.5;
  }
}

/** A restarted numbered list in progress: under which parent and rank, the sibling number it restarted after, and
 *  the number it expects next. */
type NestedRun = { parent: Candidate | null; rank: number; anchor: number; want: number };

const LIST_SECTIONS = new Set(['duties', 'problems', 'improvements', 'problems_and_improvements']);
/** A section whose numbered lines are a list's items: a list section, or one keyed null that only names suggestions
 *  (sections.yaml suggestions_title: 有关建议⏎1.建议县财政…, items of no record list, no headings either) or the causes
 *  (list_causes: 原因分析). */
function listParent(parent: Candidate | null | undefined): boolean {
  if (!parent) return false;
  if (parent.key) return LIST_SECTIONS.has(parent.key);
  // (…or the causes of the problems, （二）原因分析⏎1.对年度工作预判不足；⏎2.…: its points are a list's, no headings; lists.ts
  // reads no items there)
  // (…or a sub-heading of a list's bare word, （一）问题⏎1.…⏎（二）措施⏎1.…, a combined section's parts: their points are items,
  // lists.ts withListWords; session 45. A top section so titled, 四、问题, keeps its numbered lines as they were)
  const sec = loadPatternFile<{ suggestions_title: string; list_causes: string; list_label: { problems: string; improvements: string } }>('sections.yaml');
  const t = parent.title.replace(/\s+/g, '').replace(/[。.:：]$/, '');
  return compile(sec.suggestions_title, '').test(t) || compile(sec.list_causes, '').test(t) || (parent.rank > 1 && (compile(sec.list_label.problems, '').test(t) || compile(sec.list_label.improvements, '').test(t)));
}

/** Is `c` an item of a list restarted at 1 under the last same-rank sibling (see findHeadings)? A restart opens only
 *  with a sentence-like line (run-in title or ；。 in it), or under a list section; while the list runs, its next
 *  number continues it, the sibling's next number ends it, and when the two coincide a bare title is the sibling,
 *  unless a title of that rank and number follows further on (`twinLater`): then that one is. */
function nestedItem(doc: KDocument, c: Candidate, parent: Candidate | null, groups: Map<Candidate | null, Map<number, Candidate[]>>, nested: NestedRun | null, open: Candidate | null, twinLater: () => boolean): boolean {
  const n = ordinalNumber(c.ordinal);
  if (n === null || !c.ordinal) return false;
  const sentence = c.runIn || /[。;；，,]/.test(doc.norm.slice(c.start, c.line.end).replace(/[。;；]\s*$/, '')) || /[;；]\s*$/.test(doc.norm.slice(c.start, c.line.end));
  if (nested && nested.parent === parent && nested.rank === c.rank) {
    if (n === nested.want && n !== nested.anchor + 1) return true;
    if (n === nested.want && n === nested.anchor + 1) return sentence || twinLater();
    return false;
  }
  if (n !== 1) return false;
  const prev = groups.get(parent)?.get(c.rank)?.at(-1);
  const p = prev ? ordinalNumber(prev.ordinal) : null;
  // (under a list section — duties, problems, improvements — any restart is that section's list, also when that section
  // is a lower-rank heading: （一）部门职责 ⏎ 一、组织学术交流。⏎ 二、…)
  const inListSection = (h: Candidate | null | undefined) => !!h?.key && LIST_SECTIONS.has(h.key);
  return p !== null && p >= 1 && (sentence || inListSection(prev) || (inListSection(open) && open!.rank > c.rank) || afterLeadIn(doc, c));
}

/** Does the line before `c` lead in to a list (县科协的主要职责是：)? A restart at 1 right after it is that list. */
function afterLeadIn(doc: KDocument, c: Candidate): boolean {
  for (let i = doc.lines.indexOf(c.line) - 1; i >= 0; i--) {
    const t = doc.norm.slice(doc.lines[i].start, doc.lines[i].end).trim();
    if (t) return /[:：]$/.test(t);
  }
  return false;
}

const ENCLOSED = [0x2460, 0x2474, 0x2488, 0x3220];

/** The number in an ordinal: '（2）' → 2, '三、' → 3. */
export function ordinalNumber(ordinal: string | null): number | null {
  if (!ordinal) return null;
  // a numeral enclosed as one character: ①…⑳, ⑴…⒇, ⒈…⒛, ㈠…㈩
  const code = ordinal.trim().codePointAt(0)!;
  for (const base of ENCLOSED) if (code >= base && code < base + (base === 0x3220 ? 10 : 20)) return code - base + 1;
  // (a decimal section's own number is its last: 1.2 → 2, 1.1.3 → 3)
  const d = /\d+(?=(?:[.．]?\D*)$)/.exec(ordinal);
  if (d) return Number(d[0]);
  // (壹、, （贰）: capital numerals number as the common ones, see src/normalise/capitalMarkers.ts; so do the Roman ones set as one
  // character, Ⅱ、: lists52, before no number, so a list of them under a section, 二、存在问题⏎Ⅰ、…⏎Ⅱ、…, was no list)
  const cn = /[一二三四五六七八九十]+/.exec(ordinal.replace(/[壹贰叁参肆伍陆柒捌玖拾Ⅰ-Ⅹ]/g, (ch) => CAPITAL_DIGIT[ch]));
  return cn ? parseChineseInteger(cn[0]) : null;
}
const CAPITAL_DIGIT: Record<string, string> = { 壹: '一', 贰: '二', 叁: '三', 参: '三', 肆: '四', 伍: '五', 陆: '六', 柒: '七', 捌: '八', 玖: '九', 拾: '十', Ⅰ: '一', Ⅱ: '二', Ⅲ: '三', Ⅳ: '四', Ⅴ: '五', Ⅵ: '六', Ⅶ: '七', Ⅷ: '八', Ⅸ: '九', Ⅹ: '十' };
const CAPITAL_ORDINAL = /^[（(]?[ \t]?[壹贰叁参肆伍陆柒捌玖拾]/;

/**
 * Capital numerals over the common ones of the same shape (壹、部门基本情况⏎一、机构设置⏎…⏎贰、存在的问题⏎一、…⏎叁、…): a ladder
 * numbering its top rank in capitals and the next in the common numerals, as some reports (and Taiwan's official documents) do;
 * both fold to one rank (src/normalise/capitalMarkers.ts), which made the sections' items and sub-headings their siblings. When
 * the first numbered candidate of a rank is a capital one and common ones of that rank come after it, the capital ones rank
 * just above them (lists48). Not when the common ones come first (二、存在的问题⏎壹、…: as before, one rank).
 */
function rankCapitals(cands: Candidate[]): void {
  const byRank = new Map<number, Candidate[]>();
  for (const c of cands) {
    if (c.ordinal === null) continue;
    if (!byRank.has(c.rank)) byRank.set(c.rank, []);
    byRank.get(c.rank)!.push(c);
  }
  for (const run of byRank.values()) {
    if (!CAPITAL_ORDINAL.test(run[0].ordinal!) || run.every((c) => CAPITAL_ORDINAL.test(c.ordinal!))) continue;
    for (const c of run) if (CAPITAL_ORDINAL.test(c.ordinal!)) c.rank -= 0.5;
  }
}

function continuesParent(parent: Candidate, c: Candidate, siblings: Map<number, Candidate[]> | undefined): boolean {
  if (siblings?.get(c.rank)?.length) return false;
  const n = ordinalNumber(c.ordinal);
  const p = ordinalNumber(parent.ordinal);
  return n !== null && p !== null && n >= 2 && n === p + 1 && c.rank !== parent.rank;
}

function toHeadings(doc: KDocument, cs: Candidate[]): Heading[] {
  const headings: Heading[] = [];
  const stack: Heading[] = [];
  const bodyLimit = (pos: number) => {
    let lim = doc.text.length;
    for (const x of doc.excluded) if (x.reason === 'repeated copy' && x.start >= pos && x.start < lim) lim = x.start;
    return lim;
  };
  for (const c of cs) {
    while (stack.length && stack[stack.length - 1].rank >= c.rank) stack.pop();
    const h: Heading = { start: c.start, end: c.end, level: stack.length + 1, rank: c.rank, ordinal: c.ordinal, title: c.title, key: c.key, bodyEnd: bodyLimit(c.start) };
    headings.push(h);
    stack.push(h);
  }
  for (let i = 0; i < headings.length; i++) {
    const h = headings[i];
    for (let j = i + 1; j < headings.length; j++) {
      if (headings[j].level <= h.level) {
        h.bodyEnd = Math.min(h.bodyEnd, headings[j].start);
        break;
      }
    }
  }
  return headings;
}

/** TOC: inside a block introduced by 目录 (toc.ts), or a line ending in a page number with dot leaders beside another so set, or
 *  whose title the text states again after it (the body's heading). A heading of the body so typed, alone among the body's lines
 *  and its title not coming back (二、绩效目标完成情况…………3⏎全年…), is the body's (lists55; before, lost). */
function isTocRun(doc: KDocument, c: Candidate): boolean {
  if (doc.excluded.some((x) => x.reason === 'toc' && c.start >= x.start && c.start < x.end)) return true;
  const text = doc.norm.slice(c.line.start, c.line.end);
  if (!LEADER_PAGE.test(text)) return false;
  const i = doc.lines.findIndex((l) => l.start === c.line.start);
  if (i < 0) return true;
  for (const step of [-1, 1]) {
    for (let j = i + step; j >= 0 && j < doc.lines.length; j += step) {
      const near = doc.norm.slice(doc.lines[j].start, doc.lines[j].end);
      if (!near.trim()) continue;
      if (LEADER_PAGE.test(near)) return true;
      break;
    }
  }
  // (its title again opening a later line, the body's heading: 存在的问题 inside a sentence is no such line)
  const title = text.replace(LEADER_PAGE, '').replace(ENTRY_MARK, '').trim();
  if (title.length < 2) return true;
  for (let at = doc.norm.indexOf(title, c.line.end); at >= 0; at = doc.norm.indexOf(title, at + 1)) {
    if (ENTRY_MARK_ALONE.test(doc.norm.slice(doc.norm.lastIndexOf('\n', at) + 1, at))) return true;
  }
  return false;
}
const LEADER_PAGE = /(?:\.{2,}|…+|·{2,}|-{3,})\s*\d+\s*$/;
// a contents entry's number (一、 | （二） | 1. | 第一部分), before its title
const ENTRY_NUMBER = '(?:第[一二三四五六七八九十]+(?:部分|章|节)|[（(]?[一二三四五六七八九十\\d]{1,3}[)）、.．]?)';
const ENTRY_MARK = new RegExp(`^\\s*${ENTRY_NUMBER}\\s*`);
// (…or nothing but blanks before it: the title opens its line)
const ENTRY_MARK_ALONE = new RegExp(`^\\s*${ENTRY_NUMBER}?\\s*$`);

export function buildOutline(headings: Heading[]): OutlineNode[] {
  const roots: OutlineNode[] = [];
  const stack: { h: Heading; node: OutlineNode }[] = [];
  for (const h of headings) {
    const node: OutlineNode = { level: h.level, ordinal: h.ordinal, title: h.title, key: h.key, span: { start: h.start, end: h.end }, children: [] };
    while (stack.length && stack[stack.length - 1].h.level >= h.level) stack.pop();
    if (stack.length) stack[stack.length - 1].node.children.push(node);
    else roots.push(node);
    stack.push({ h, node });
  }
  return roots;
}
