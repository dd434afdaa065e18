// Reports pasted as one long line carry their headings inline ("…。二、一般公共预算支出情况（一）基本支出情况2024年…").
// Such lines are cut into virtual lines at each numbered marker that starts a heading, and before a closing
// signature (unit name and date), so the heading and list stages see them as lines.
import type { KDocument, Line } from '../document.js';
import { compile, compiledEach, derived, expand, loadPatternFile } from '../patterns.js';
import { parseChineseInteger } from '../normalise/numbers.js';
import { closingLine, isStandaloneTitle, sectionKey } from './outline.js';
import { wordAcross } from '../segment/jieba.js';
import { plainTocCuts } from './inlineToc.js';
import { literalsRegex } from '../extract/literal.js';
import { PAGE_MARK } from './duplicates.js';

// a shorter line is one paragraph, not a report pasted on one line
const LONG_LINE = 120;
// (after a sentence or a closing quote (…等级为“优”（四）部门整体支出情况), a date (填报日期：2024年5月13日一、部门基本情况), a table of contents' title or page number (目录一、…　　1二、),
// a page's furniture (第 2 页 共 4 页三、), a lead-in's colon (…现将自评情况报告如下：一、部门概况), a half-width stop typed for 。 (…集中支出.(二)改进措施), a space, or the title's last word: …自评报告一、部门概况, a disclosure's …部门决算一、部门基本情况, …部门预算公开说明一、, or the title's bracket after it: …自评报告（2023年1月1日至2023年12月31日）一、部门概况, or two, …自评报告（公开版）（2024年3月）一、 (lists54))
// (a chapter, 第一章, as a part, and its section, 第一节 (lists48); a chapter's decimal section, 1.1 项目立项依据, numbered under it: DECIMAL)
// (一. with a half-width stop for 、, 一.部门概况, as a page of lines reads it: the same top marker)
// (a marker's first character looked for first, 第, a number or a bracket: the look-behinds were tried at every place of a line)
const MARKER = new RegExp(expand(String.raw`(?=[第一二三四五六七八九十(\d])(?:^|(?<=[。;:!?\s”"」]|(?<!\d)\.|报告|报告(?:[(（][^()（）\n]{1,30}[)）]){1,2}|(?:部门|单位)(?:决算|预算)(?:公开)?(?:情况)?(?:说明)?|\d日|目\s*录|\d\s*页|(?:[\s\u3000]|\.{2}|…|·{2})\d{1,3}))(?:第[一二三四五六七八九十]{1,3}部分[:：]?|第[ \t]?[一二三四五六七八九十\d]{1,3}[ \t]?[章节][:：]?|[一二三四五六七八九十]{1,3}(?:、|\.(?!\d))|[(][一二三四五六七八九十]{1,3}[)]|\d{1,2}\.\d{1,2}(?:\.\d{1,2})?{SECTION_NUMBER_END}|\d{1,2}\.(?!\d))`), 'g');
// a chapter's decimal section number (1.1, 4.2, 1.1.1; no figure: macros.yaml SECTION_NUMBER_END), its chapter's number first
const DECIMAL = new RegExp(expand(String.raw`^(\d{1,2})\.\d{1,2}(?:\.\d{1,2})?{SECTION_NUMBER_END}`));
// the top rank a decimal section is numbered under: 第一章, 第一部分, 一、 (its number the decimal's first)
const TOP = /^(?:第[ \t]?([一二三四五六七八九十\d]{1,3})[ \t]?(?:章|部分)|([一二三四五六七八九十]{1,3})(?:、|\.(?!\d)))/;
// (right after a heading's title: a sub-heading's (一); not 1., whose run-in title would cut an item's sentence:
// 三、改进措施1.积极争取财政支持。加大投入；2.…)
const SUB_MARKER = /^(?:[(][一二三四五六七八九十]{1,3}[)]|\d{1,2}\.(?!\d))/;

const TOC_TITLE = /目\s*录(?=\s*(?:[一二三四五六七八九十]{1,3}、|第[一二三四五六七八九十]+部分))/;
/** a report's title right after a sentence's end, before its table of contents' 目录 (…加强人才培养。2023年度…报告目录一、…) */
const GLUED_REPORT_TITLE = /(?<=[。；;!?！？])[^。；;!?！？，,：:\s]{6,60}?(?:报告|说明|报告书)$/;
const TOC_ENTRY = /^([^。;；,，:：\s“”"…·.]{2,30})[ \t\u3000]*(?:\.{2,}|…+|·{2,})[ \t\u3000]*\d{1,3}(?=[ \t\u3000]|$|第|[一二三四五六七八九十]{1,3}、|[(（][一二三四五六七八九十]|\d{1,2}[.、](?!\d))/;
const PAGE_NUMBER = /^[\s\u3000]*(?:[\s\u3000]|\.{2,}|…+|·{2,})[\s\u3000]*\d{1,3}[\s\u3000]*$/;
// a part's first section right after its title (第一部分部门基本情况一、部门职能…)
const AFTER_PART = /^[一二三四五六七八九十]{1,3}(?:、|\.(?!\d))/;
// …and a part's next marker after a table's name in its list (…决算表二、收入决算表…, …支出决算表第三部分…)
const PART = /^第[一二三四五六七八九十]{1,3}部分[:：]?/;
const CN_NUM = /^([一二三四五六七八九十]{1,3})、/;
const CN_NEXT = new Map('一二三四五六七八九十'.split('').map((c, i, a) => [c, a[i + 1] ?? '十一']));
const TABLE_NAME = /^[^。;,，:：\s“”"]{2,24}表$/;
const RUN_IN = /^[ \t]?[^。;,，:：\s“”"()]{2,15}。/;

// (a chapter's decimal section too, 第3章 问题和建议3.1、存在问题: the chapter's title ends before it; at the word's end before a space too)
const SUB_INSIDE = new RegExp(expand(String.raw`[(][一二三四五六七八九十]{1,3}[)]|(?<=[\u4e00-\u9fa5])\d{1,2}\.\d{1,2}(?:\.\d{1,2})?(?:{SECTION_NUMBER_END}|$)|(?<=[\u4e00-\u9fa5])\d{1,2}[.、](?!\d)|(?<=[\u4e00-\u9fa5])[一二三四五六七八九十]{1,3}、|(?<=[\u4e00-\u9fa5])第[一二三四五六七八九十]{1,3}部分`));

/** Is the arabic marker `mark` at `at` an inline list's next number: right after a clause's ；, its number less one opening an item
 *  earlier in the same sentence (after a colon, a ； or the sentence's start)? */
function inlineNext(s: string, at: number, mark: string): boolean {
  const n = /^(\d{1,2})\.$/.exec(mark);
  if (!n || Number(n[1]) < 2 || !/[;；]\s*$/.test(s.slice(Math.max(0, at - 2), at))) return false;
  const sentence = s.slice(Math.max(0, s.lastIndexOf('。', at) + 1), at);
  return new RegExp(`(?:^|[:：;；\\s])${Number(n[1]) - 1}\\.(?!\\d)`).test(sentence);
}

interface SectionDef { key: string | null; match: string }
const headings = () => loadPatternFile<{ inline_org_tail: string; inline_page_mark: string; inline_page_tail: string; annex_line: string; inline_title_end: string; inline_glued_end: string; inline_title_tail: string; inline_signature_tail: string; inline_date_tail: string; inline_closing_formula: string; inline_closing_fields: string; inline_glued_closing_fields: string; inline_annex: string; inline_table_header: string; inline_table_caption: string; inline_form_label: string; inline_list_title_end: string; inline_glued_not_before: string; figure_in_title: string; inline_text_opener: string; report_title: string; run_in_label: string; limits: { run_in_label_max: number } }>('headings.yaml');

function isSectionTitle(s: string): boolean {
  return compiledEach(loadPatternFile<{ sections: SectionDef[] }>('sections.yaml').sections, 'match', (sec) => sec.match).some((re) => re!.test(s));
}

/** Length of the heading title after a marker at the start of `s`, or 0 when it is not a heading. `series`: the
 *  line numbers its (一)/(二) markers in sequence, so a short topic title before a space is a sub-heading too. */
function titleLength(s: string, arabic: boolean, series = false): number {
  // (a space after the marker, as the lines of a joined page keep it: (三) 人员编制情况2023 年末…)
  const pad = /^[ \t]*/.exec(s)![0].length;
  if (pad) {
    const n = titleLength(s.slice(pad), arabic, series);
    return n ? pad + n : 0;
  }
  // a table of contents' entry: its title ends at its dot leader (一、收入支出决算总表……4二、…, 第四部分 名词解释……8第一部分…;
  // not at a section phrase inside it, 收入支出决算), its page number before the next entry (not 全年开展活动……32场)
  const entry = TOC_ENTRY.exec(s);
  // (a part's first section glued to its title, 第一部分 部门概况一、部门职责……3: the part's title ends before it, below)
  if (entry && !SUB_INSIDE.test(entry[1])) return entry[1].length;
  // a section titled by its table's name glued to the table's header row (五、绩效自评表一级指标⇥二级指标⇥…): the title ends
  // at 表, the header's first cell opens the table's line
  const table = derived(headings(), 'tableTitle', () => `^([^。;；,，:：\\s“”"]{2,24}?表)(?=${headings().inline_table_header})`).exec(s);
  if (table) return table[1].length;
  if (arabic) {
    // 1.科普活动。开展… — a short run-in title
    const m = /^[^。;,，\s]{2,15}。/.exec(s);
    if (m) return m[0].length;
    // …or a problems or improvements section's own title, glued to its text (三、存在问题及改进意见1. 主要的问题(1)…,
    // 。2.下一步改进工作的意见我单位将…); its end a heading's (not 1.改进工作方式，… : no title, an item)
    return listTitleLength(s);
  }
  // (a word before a space stops at a sub-heading's marker or a year glued to it: 八、下一步改进措施(一) 细化…,
  // 三、政府性基金预算支出情况2024 年度…)
  const spaced = /^[^\s。;]{2,30}(?=\s)/.exec(s);
  const inner = spaced ? SUB_INSIDE.exec(spaced[0]) : null;
  // (…and without a page's furniture glued on: 二、项目绩效目标完成情况- 1 -全年…)
  const cut = spaced ? (inner && inner.index > 0 ? spaced[0].slice(0, inner.index) : spaced[0]).replace(/\d+$/, '').replace(/[-—–_·.…]+$/, '') : '';
  // (around a spaced figure the space may be a PDF's inside a sentence, 一、部门基本情况县科协核定编制 5 名, …编制5 名: the word is a title only
  // when it ends as one, 二、部门整体支出情况 2022年…)
  // (not a list's marker after the space, (一)产出指标 1.数量指标：…: a sub-heading, no figure)
  const figure = !!spaced && ((/^\s+\d/.test(s.slice(spaced[0].length)) && !/^\s+\d{1,2}[.、．](?![\d\s])/.test(s.slice(spaced[0].length))) || /\d$/.test(spaced[0])) && !compile(headings().inline_title_end, '').test(cut) && !isStandaloneTitle(cut);
  const word = cut.length >= 2 && !figure ? [cut] : null;
  // (not a sentence before the space, 存在的主要问题和原因在项目实施过程中，主要存在以下问题： 一是…: the section phrase below)
  if (word && !/[，,:：]/.test(word[0]) && isSectionTitle(word[0])) return word[0].length;
  // (一)科普活动 全年开展… | (二)青少年科技教育 组织… — a topic title, when (一) and (二) both open one
  if (series && word && word[0].length <= 12 && !/[，,:：、\d“”"]/.test(word[0])) return word[0].length;
  // a short title before a space that ends like a heading (二、部门整体支出情况 2022年…)
  // (or a table's name: 第二部分 2022年度部门决算表 …… 3)
  if (word && word[0].length <= 20 && !/[，,:：]/.test(word[0]) && (compile(headings().inline_title_end, '').test(word[0]) || TABLE_NAME.test(word[0]) || isStandaloneTitle(word[0]))) return word[0].length;
  // no space after the title: take the section phrase itself
  let best = 0;
  // (a title stops at a sub-heading's marker glued after it: 三、问题及建议（一）存在问题：… is 问题及建议, then （一）)
  const sub = SUB_INSIDE.exec(s.slice(0, 40));
  const head = s.slice(0, sub && sub.index > 0 ? sub.index : 40);
  // (a table's name before the next marker, as a part of tables lists them: 第二部分 2022年度部门决算表一、收入支出决算总表二、…)
  // (or a section title of the closed list: 第四部分 名词解释一、…)
  if (sub && sub.index > 1 && (TABLE_NAME.test(head) || isStandaloneTitle(head))) return head.length;
  // (or a short title right before its first sub-heading, 二、主要工作成效（一）科普活动…, 二、主要工作成效1.科普活动。…: no section
  // phrase to end on)
  if (sub && /^(?:[(]一[)]|1[.、])/.test(sub[0]) && GLUED_TITLE.test(head)) return head.length;
  let list = false;
  for (const sec of loadPatternFile<{ sections: SectionDef[] }>('sections.yaml').sections) {
    const m = derived(sec, 'title', () => `^[^。;,，\\s]{0,12}?(?:${sec.match})${headings().inline_title_tail}`).exec(head);
    if (m && m[0].length > best) [best, list] = [m[0].length, !!sec.key && LIST_KEYS.has(sec.key)];
  }
  // (…going on past the section phrase to a heading's end: 三、政府性基金预算支出情况无。 is 政府性基金预算支出情况, not 政府性基金,
  // 十、其他需要说明的情况无。; not past a list's marker or a figure, nor after a list section's phrase: 存在的问题资金使用情况…)
  // (a section phrase in quotes goes on past its closing quote: 四、“三公”经费支出决算情况说明, not “三公)
  // (…and on to the heading's end a little further: the quoted words are only its subject's name)
  const quoted = !!best && (/“[^”]*$/.test(head.slice(0, best)) ? head[best] === '”' : /「[^」]*$/.test(head.slice(0, best)) ? head[best] === '」' : head[best] === '"' && /^[^"]*"[^"]*$/.test(head.slice(0, best)));
  if (quoted) best++;
  // (the quoted words are the subject of a numbered sentence stating its figure, 三、“三公”经费支出0万元，与上年持平。: no
  // title, the sentence whole, as a page's line is no heading)
  if (quoted && NUMBERED_SENTENCE.test(s.slice(best))) return 0;
  const more = best && !list ? derived(headings(), quoted ? 'moreQuoted' : 'more', () => `^[^。;,，:：\\s“”"是要一二三四五六七八九十\\d]{0,${quoted ? 10 : 4}}?(?:${headings().inline_glued_end})(?=\\d|[\\u4e00-\\u9fa5])`).exec(head.slice(best)) : null;
  if (best) return best + (more ? more[0].length : 0);
  // (a year's plan, 五、2025年工作思路2025年，计划…: sections.yaml next_year_plan, its key the outline's to decide)
  const plan = compile(loadPatternFile<{ next_year_plan: string }>('sections.yaml').next_year_plan.replace(/\$$/, ''), '').exec(head);
  if (plan) return plan[0].length;
  // else a short title ending like a heading, then the text (二、部门整体支出情况2022年…, 一、部门概况县科协…), or a table of
  // contents' leader (二、部门整体支出情况……4三、…)
  const glued = derived(headings(), 'glued', () => `^[^。;,，:：\\s“”"]{2,16}?(?:${headings().inline_glued_end})(?=\\d|[\\u4e00-\\u9fa5]|\\.{2}|…|·{2})`).exec(s);
  if (glued) return glued[0].length;
  // (a section title of the closed list whose pattern ends the title, glued to its text: 五、绩效自评结果自评得分92分。 is
  // 绩效自评结果 (sections.yaml standalone; the longest such start, then a word or a figure; not inside a word: 自评结论性意见)
  for (let k = Math.min(20, head.length - 1); k >= 4; k--) if (/^[\u4e00-\u9fa5\d]/.test(head[k]) && isStandaloneTitle(head.slice(0, k)) && !wordAcross(head.slice(0, k + 6), k)) return k;
  return 0;
}

/** Length of a chapter's decimal section's title glued to its text with no heading's end (1.1 项目立项依据根据《…》要求，…):
 *  the longest run of words, 4 to 12 (县科协根据… is a sentence's subject), before a word that opens a sentence (headings.yaml inline_text_opener). Only for a
 *  decimal numbered under its chapter: its number makes it a section, so only the title's end is to find. */
function decimalGluedTitle(rest: string): number {
  const pad = /^[ \t]*/.exec(rest)![0].length;
  const m = derived(headings(), 'decimalTitle', () => `^[\u4e00-\u9fa5]{4,12}(?=${headings().inline_text_opener})`).exec(rest.slice(pad));
  return m && !compile(headings().figure_in_title, '').test(m[0]) ? pad + m[0].length : 0;
}

// the report's title before its first section or its contents (…自评报告一、部门概况…, …报告 目录 …)
const REPORT_HEAD = /^([^\n]{4,80}?)[ \t\u3000]*(?=一(?:、|\.(?!\d))|第一部分|第[ \t]?[1一][ \t]?章|目[ \t\u3000]*录)/;
// (a line REPORT_HEAD matches holds one of these: its look-ahead's first words)
const REPORT_HEAD_END = /一[、.]|第|目[ \t\u3000]*录/;

/** A line shorter than LONG_LINE is still a whole report pasted on one line when it opens with a report's title glued to
 *  its first section or its contents (2023年度…自评报告一、部门概况…。二、存在的问题…): a paragraph opens with no such title. */
function isShortReport(s: string): boolean {
  // (what ends the title looked for first, as every page's line is tried and few hold it: the lazy title tried each length)
  if (!REPORT_HEAD_END.test(s)) return false;
  const head = REPORT_HEAD.exec(s);
  return !!head && compile(headings().report_title, '').test(head[1].trim());
}

// a report's title right after a sentence's end, before its first section or its contents (see splitInlineHeadings)
const REPORT_AFTER_SENTENCE = /(?=[^。，,；;:：！!？?\s])(?<=[。；;!?！？][ \t\u3000]*)([^。，,；;:：！!？?\s]{6,80}?(?:报告|报告书|决算|预算|公开说明|情况说明))(?=[ \t\u3000]*(?:一、(?![二三四][、季])|第一部分|第[ \t]?[1一][ \t]?章|目[ \t\u3000]*录))/g;

// a words-only title between spaces right after a sentence's end or a report's title (see splitInlineHeadings)
// (the letter looked for first: at each place of a long run of spaces the look-behind would scan the run back again)
const SPACED_TITLE = /(?=[\u4e00-\u9fa5、])(?<=(?:^|[。！？；!?;]|报告)[ \t\u3000]+)([\u4e00-\u9fa5、]{2,20})(?=[ \t\u3000]+\S)/g;

// words glued on to a sentence's figure (经费支出0万元，…。): a numbered sentence, no heading
const NUMBERED_SENTENCE = /^[\u4e00-\u9fa5]{1,20}\s?\d[\d.,]*\s?(?:万?元|亿元|%|％)[^。;；]{0,40}。/;

// (no sentence's punctuation, quote or figure: a topic's words, 主要工作成效)
const GLUED_TITLE = /^[\u4e00-\u9fa5]{2,12}$/;

const LIST_KEYS = new Set(['problems', 'improvements', 'problems_and_improvements']);

/** Length of a problems or improvements section's title at the start of `s` (its section phrase and title tail, up to
 *  a sub-heading's marker), when it ends as such a title does (问题, 意见, 措施 …: sections.yaml inline_list_title_end), else 0. */
function listTitleLength(s: string): number {
  const sub = SUB_INSIDE.exec(s.slice(0, 30));
  const head = s.slice(0, sub && sub.index > 0 ? sub.index : 30);
  let best = 0;
  for (const sec of loadPatternFile<{ sections: SectionDef[] }>('sections.yaml').sections) {
    if (!sec.key || !LIST_KEYS.has(sec.key)) continue;
    const m = derived(sec, 'listTitle', () => `^[^。;,，:：\\s]{0,12}?(?:${sec.match})${headings().inline_title_tail}`).exec(head);
    if (m && m[0].length > best && compile(headings().inline_list_title_end, '').test(m[0])) best = m[0].length;
  }
  // (a list's label before its colon, 1.存在问题：A。, stays in its item)
  return /^\s*[:：]/.test(s.slice(best)) ? 0 : best;
}

// an arabic sub-heading's marker after a heading's title or after a sentence's end (1．资金使用情况…, 。2、绩效目标完成情况…)
const ARABIC_SUB = /^\d{1,2}[.、](?!\d)/;
// a top or second-rank heading's marker: the end of an arabic series under it
const HIGHER = /^(?:第[一二三四五六七八九十]{1,3}部分|第[ \t]?[一二三四五六七八九十\d]{1,3}[ \t]?章|\d{1,2}\.\d{1,2}(?!\d)|[一二三四五六七八九十]{1,3}(?:、|\.(?!\d))|[(][一二三四五六七八九十]{1,3}[)])/;

/** Length of an arabic sub-heading's title glued to its text under a section that is no list (二、项目绩效自评情况1．资金使用情况
 *  实际支出19.5万元。): a short title ending like a heading (情况, 说明, 概况, 结论), no figure in it, and its text no predicate
 *  of it (1.科普活动开展情况良好，… is a sentence); else 0. */
function gluedSubTitle(rest: string): number {
  const pad = /^[ \t]*/.exec(rest)![0].length;
  const m = derived(headings(), 'gluedSub', () => `^[^。;,，:：\\s“”"()（）]{2,16}?(?:${headings().inline_glued_end})(?=\\d|[\\u4e00-\\u9fa5])`).exec(rest.slice(pad));
  if (!m || compile(headings().figure_in_title, '').test(m[0]) || compile(headings().inline_glued_not_before, '').test(rest.slice(pad + m[0].length))) return 0;
  return pad + m[0].length;
}

export function splitInlineHeadings(doc: KDocument): void {
  const out: Line[] = [];
  const breaks: number[] = [];
  // (the key of the last top section's line on a page: under a problems or improvements section a sub-marker's line is a point)
  let topKey: string | null = null;
  for (const [i, line] of doc.lines.entries()) {
    const s = doc.norm.slice(line.start, line.end);
    if (s.length < LONG_LINE && !isShortReport(s)) {
      // (二、存在的问题经费投入不足，人才缺乏。 on a page's line: the section's title glued to its text, cut as on a one-line page;
      // so is a sub-section's, （一）部门职责县科协的主要职责是…, outside a list section)
      const top = TOP_LINE.exec(s);
      const glued = top ? gluedTopTitle(s, top[0].length) : !LIST_KEYS.has(topKey ?? '') ? gluedTopTitle(s, SUB_LINE.exec(s)?.[0].length ?? 0) : -1;
      if (top) topKey = sectionKey((glued > 0 ? s.slice(top[0].length, glued) : s.slice(top[0].length)).trim());
      else if (PART.test(s.trimStart())) topKey = sectionKey(s.trimStart().replace(PART, '').trim());
      if (glued > 0) {
        out.push({ start: line.start, end: line.start + glued, text: doc.text.slice(line.start, line.start + glued) });
        out.push({ start: line.start + glued, end: line.end, text: doc.text.slice(line.start + glued, line.end) });
        breaks.push(line.start + glued);
        continue;
      }
      // (…加强人才培养。- 3 -: a page's number glued on after the line's last sentence, no part of it; not a bare number here)
      const page = compile(headings().inline_page_tail, '').exec(s.slice(-40));
      // (not a page's mark that is the whole line, 共5页 第3页: duplicates.ts leaves it out whole; before, cut at 第3页 and 共5页 kept)
      if (page && !/^\s*\d+\s*$/.test(page[0]) && s.slice(0, s.length - Math.min(40, s.length) + page.index).trim() && !PAGE_MARK.test(s)) {
        const cut = s.length - Math.min(40, s.length) + page.index + /^\s*/.exec(page[0])![0].length;
        out.push({ start: line.start, end: line.start + cut, text: doc.text.slice(line.start, line.start + cut) });
        out.push({ start: line.start + cut, end: line.end, text: doc.text.slice(line.start + cut, line.end) });
        doc.excluded.push({ start: line.start + cut, end: line.end, reason: 'page furniture' });
        breaks.push(line.start + cut);
        continue;
      }
      // (…部分项目 -2- 支出进度滞后；…: a page's mark inside a page's line, where the text was unwrapped across the page break and
      // the sentence's halves joined around it — as on a one-line page, a line of its own, left out as page furniture; lists.ts
      // joins the words the page broke. Text on both sides: a mark ending the line is the tail's above, a whole line duplicates.ts's)
      // (every such mark of the line: a paragraph unwrapped across two page breaks holds two, 自评得分 — 2 — 95分，等级为 — 3 — 优秀)
      const mids = PAGE_DIGIT.test(s) ? [...s.matchAll(compile(headings().inline_page_mark, 'g'))].filter((m) => s.slice(0, m.index).trim() && s.slice(m.index + m[0].length).trim()) : [];
      if (mids.length) {
        let x = 0;
        for (const mid of mids) {
          const [a, b] = [mid.index, mid.index + mid[0].length];
          for (const [p, q] of [[x, a], [a, b]]) out.push({ start: line.start + p, end: line.start + q, text: doc.text.slice(line.start + p, line.start + q) });
          doc.excluded.push({ start: line.start + a, end: line.start + b, reason: 'page furniture' });
          breaks.push(line.start + a, line.start + b);
          x = b;
        }
        out.push({ start: line.start + x, end: line.end, text: doc.text.slice(line.start + x, line.end) });
        continue;
      }
      const at = gluedClosingFields(doc, s, i);
      if (at > 0) {
        out.push({ start: line.start, end: line.start + at, text: doc.text.slice(line.start, line.start + at) });
        out.push({ start: line.start + at, end: line.end, text: doc.text.slice(line.start + at, line.end) });
        breaks.push(line.start + at);
      } else out.push(line);
      continue;
    }
    const cuts = new Set<number>();
    const toc = TOC_TITLE.exec(s);
    const series = /(?:^|[。;!?\s])[(]一[)]\S{2,12}\s/.test(s) && /(?:^|[。;!?\s])[(]二[)]\S{2,12}\s/.test(s);
    const ends: number[] = [];
    const partEnds = new Set<number>();
    const nextOf = new Map<number, string>();
    // each heading's title by its end (the sub-heading's parent), and the glued arabic sub-headings' ends with their numbers
    const titleAt = new Map<number, string>();
    const arabic: { end: number; n: number }[] = [];
    // (whether the last top-rank heading so far is a problems or improvements section: its numbered points are items)
    let inList = false;
    // (a decimal section, 1.2, only under its chapter, 第一章 … 1.2: the last top-rank heading cut before it has its first number;
    // 得分 92.5 分 or 时长 1.5 小时 in a sentence is no section)
    const underTop = (at: number, first: string) => {
      const top = Math.max(-1, ...[...cuts].filter((c) => c < at && TOP.test(s.slice(c, c + 8))));
      const t = top >= 0 ? TOP.exec(s.slice(top, top + 8))! : null;
      const n = t ? (/^\d+$/.test(t[1] ?? '') ? Number(t[1]) : parseChineseInteger(t[1] ?? t[2])) : null;
      return n !== null && n === Number(first);
    };
    for (const m of s.matchAll(MARKER)) {
      const at = m.index!;
      const decimal = DECIMAL.exec(s.slice(at, at + 40));
      if (decimal && !underTop(at, decimal[1])) continue;
      // (…2.宣传力度不够。 after a clause's ； holding 1. since the sentence's start, 存在问题：1.资金拨付滞后；2.…: an inline list's next
      // item, no heading; lists56)
      if (!decimal && inlineNext(s, at, m[0])) continue;
      let len = titleLength(s.slice(at + m[0].length), /^\d/.test(m[0]) && !decimal, series && m[0].startsWith('(')) || (decimal ? decimalGluedTitle(s.slice(at + m[0].length)) : 0);
      if (len && (CN_NUM.test(m[0]) || m[0].startsWith('第'))) inList = LIST_KEYS.has(sectionKey(s.slice(at + m[0].length, at + m[0].length + len).trim()) ?? '');
      // (五、存在的问题 （一）部分项目支出进度滞后，…。: under a problems or improvements section a point glued on to a section
      // phrase found inside it is an item, not a heading 部分项目支出 over the rest; a list's own title, 存在的问题 …, stays one)
      else if (len && inList && /^[\u4e00-\u9fa5\d]/.test(s.slice(at + m[0].length + len)) && !listTitleLength(s.slice(at + m[0].length).trimStart())) len = 0;
      // (（二）年度总体工作和重点工作任务。大力开展…: a short run-in title closed by 。 after a sentence's end opens a line
      // of its own, its body on it as on a page's line; cut at the marker only)
      // (after a sentence's 。 only: (一)团结…；(二)开展…；(三)普及科学知识。 is an inline list)
      if (!len && !/^\d/.test(m[0]) && /[。]\s*$/.test(s.slice(Math.max(0, at - 2), at)) && (RUN_IN.test(s.slice(at + m[0].length, at + m[0].length + 24)) || NUMBERED_SENTENCE.test(s.slice(at + m[0].length).replace(/^[“"「]([^”"」]{1,10})[”"」]/, '$1')))) cuts.add(at);
      // (a decimal section under its chapter after a sentence's end, its title glued to its text, 。2.2 主要绩效全年开展…: a line
      // of its own, its title not known)
      if (!len && decimal && /[。]\s*$/.test(s.slice(Math.max(0, at - 2), at))) cuts.add(at);
      if (!len) continue;
      cuts.add(at);
      cuts.add(at + m[0].length + len);
      ends.push(at + m[0].length + len);
      titleAt.set(at + m[0].length + len, s.slice(at + m[0].length, at + m[0].length + len));
      if (m[0].startsWith('第')) partEnds.add(at + m[0].length + len);
      else if (CN_NUM.test(m[0])) nextOf.set(at + m[0].length + len, CN_NEXT.get(CN_NUM.exec(m[0])![1]) ?? '');
    }
    // a sub-heading's marker right after a heading's title (四、存在的问题及改进措施（一）存在的问题：A。), no sentence's end before it
    for (let k = 0; k < ends.length; k++) {
      // (or the next number of the heading's own marker, right after its title: a table of contents' entries or an empty
      // section, 一、项目基本情况二、项目绩效…)
      // (…and the body's first heading after a table of contents' last entry: …四、绩效自评结论一、项目基本情况（一）…)
      const num = CN_NUM.exec(s.slice(ends[k], ends[k] + 4))?.[1];
      const listed = partEnds.has(ends[k]) || s[ends[k] - 1] === '表' || (!!num && (nextOf.get(ends[k]) === num || (!!toc && toc.index < ends[k] && num === '一')));
      const part = listed ? PART.exec(s.slice(ends[k], ends[k] + 8)) : null;
      // (a chapter's decimal section right after its title, 第一章 项目基本情况1.1 项目立项依据…, or after a section's title)
      const decimal = DECIMAL.exec(s.slice(ends[k], ends[k] + 40));
      const m = part ?? (decimal && underTop(ends[k], decimal[1]) ? decimal : null) ?? SUB_MARKER.exec(s.slice(ends[k], ends[k] + 8)) ?? ARABIC_SUB.exec(s.slice(ends[k], ends[k] + 8)) ?? (listed ? AFTER_PART.exec(s.slice(ends[k], ends[k] + 8)) : null);
      if (!m || cuts.has(ends[k] + m[0].length)) continue;
      // (1. only before a list section's own title: 三、存在问题及改进意见1. 主要的问题(1)…, not 三、改进措施1.积极争取…。)
      const rest = s.slice(ends[k] + m[0].length);
      const pad = rest.length - rest.trimStart().length;
      let len = /^\d/.test(m[0]) && m !== decimal ? (m[0].endsWith('.') ? listTitleLength(rest.trimStart()) + pad : pad) : titleLength(rest, false, series) || (m === decimal ? decimalGluedTitle(rest) : 0);
      // (…or, under a section that is no list, a title ending like a heading glued to its text: 二、项目绩效自评情况1．资金使用情况
      // 实际支出19.5万元。 — its siblings after their sentences' ends follow, below)
      const parentKey = sectionKey(titleAt.get(ends[k]) ?? '');
      const glued = /^\d/.test(m[0]) && m !== decimal && len === pad && Number(/^\d+/.exec(m[0])![0]) === 1 && !(parentKey && LIST_KEYS.has(parentKey)) ? gluedSubTitle(rest) : 0;
      if (glued) {
        len = glued;
        arabic.push({ end: ends[k] + m[0].length + len, n: 1 });
      }
      if (len === pad) continue;
      if (!len) continue;
      // (…under a problems or improvements section, as in the loop above: a point glued on to a section phrase found inside it,
      // 二、存在的主要问题（一）项目绩效目标编制质量有待提高；（二）…, is an item, not a heading 项目绩效目标 over the rest)
      // (a sub-marker only: the next entry of a table of contents, 三、存在的问题及改进措施四、…, is no point)
      if (/^[(（]/.test(m[0]) && parentKey && LIST_KEYS.has(parentKey) && /^[\u4e00-\u9fa5\d]/.test(rest.slice(len)) && !listTitleLength(rest.trimStart())) continue;
      if (part) cuts.add(ends[k]);
      cuts.add(ends[k] + m[0].length + len);
      ends.push(ends[k] + m[0].length + len);
      titleAt.set(ends[k] + m[0].length + len, s.slice(ends[k] + m[0].length, ends[k] + m[0].length + len).trim());
      if (part) partEnds.add(ends[k] + m[0].length + len);
      else if (CN_NUM.test(m[0])) nextOf.set(ends[k] + m[0].length + len, CN_NEXT.get(CN_NUM.exec(m[0])![1]) ?? '');
    }
    // a glued arabic sub-heading's next numbers after a sentence's end (。2．绩效目标完成情况全年开展…), titled as it is, down
    // to the next heading of a higher rank
    for (const first of arabic) {
      const higher = [...cuts].filter((c) => c > first.end && HIGHER.test(s.slice(c, c + 8)));
      const limit = higher.length ? Math.min(...higher) : s.length;
      for (let from = first.end, n = first.n + 1; ; n++) {
        const next = new RegExp(`[。；;]\\s*(${n}[.、])(?!\\d)`).exec(s.slice(from, limit));
        if (!next) break;
        const at = from + next.index + next[0].length - next[1].length;
        const len = gluedSubTitle(s.slice(at + next[1].length, limit));
        if (!len) break;
        cuts.add(at).add(at + next[1].length + len);
        from = at + next[1].length + len;
      }
    }
    // a page's furniture inside the line (…加强人才 第 3 页 共 3 页 培养。): a line of its own, left out as page furniture
    // (left out here: a bare number ending the line is no page mark to duplicates.ts, which reads lines alone)
    const marks: [number, number][] = [];
    for (const p of s.matchAll(compile(headings().inline_page_mark, 'g'))) marks.push([p.index, p.index + p[0].length]);
    // …and ending it (…加强人才培养。 - 3 -, …2024年3月5日 3/3): the closing lines are looked for before it
    const page = compile(headings().inline_page_tail, '').exec(s.slice(-40));
    const body = page ? s.slice(0, s.length - Math.min(40, s.length) + page.index) : s;
    if (page) marks.push([body.length + /^\s*/.exec(page[0])![0].length, s.length]);
    for (const [a, b] of marks) {
      cuts.add(a).add(b);
      doc.excluded.push({ start: line.start + a, end: line.start + b, reason: 'page furniture' });
    }
    // the closing signature and a form's fields after the last sentence (headings.yaml, beside closing_line)
    const tail = compile(headings().inline_signature_tail, '').exec(body) ?? compile(headings().inline_date_tail, '').exec(body);
    // (cut after the white space before it: a table's row ending in a tab before the signature, …94.5⇥ 某县科协 2022年2月18日,
    // would make the signature's line open with a cell's tab, a row of the table)
    const tailAt = tail ? tail.index + /^\s*/.exec(tail[0])![0].length : body.length;
    if (tail) cuts.add(tailAt);
    // (…and the closing formula right before it, or ending the line: 特此报告。 is no part of the last item)
    const endAt = tailAt;
    const formula = compile(headings().inline_closing_formula, '').exec(s.slice(Math.max(0, endAt - 40), endAt));
    if (formula) cuts.add(Math.max(0, endAt - 40) + formula.index);
    const form = compile(headings().inline_closing_fields, '').exec(body.slice(-200)) ?? compile(headings().inline_glued_closing_fields, '').exec(body.slice(-200));
    if (form) cuts.add(body.length - Math.min(200, body.length) + form.index);
    const annex = compile(headings().inline_annex, '').exec(body.slice(-300));
    if (annex) cuts.add(body.length - Math.min(300, body.length) + annex.index);
    // a table's header row glued on after a sentence's end (…提高资金使用效益。一级指标⇥二级指标⇥…): the table's own line
    // (the header's first cell holds one of its literals: a line without one is not scanned)
    if (headerLits().test(s)) for (const h of s.matchAll(derived(headings(), 'tableHeader', () => `(?=${headings().inline_table_header})(?<=[。！？!?；;][ \\t\u3000]*)`, 'g'))) cuts.add(h.index);
    // …and a table's caption before its header row or a form's first label (…培养。 部门整体支出绩效自评表 一级指标⇥…)
    // (its first letter looked for first: at each place of a long run of spaces the look-behind would scan the run back again)
    const caption = derived(headings(), 'tableCaption', () => `(?=[^。;；,，:：\\s“”"])(?<=[。！？!?；;][ \\t\u3000]*)(${headings().inline_table_caption})[ \\t\u3000]*(?=${headings().inline_table_header}|${headings().inline_form_label})`, 'g');
    // (a caption holds its literal, 表: a line without one is not scanned)
    if (captionLits().test(s)) for (const c of s.matchAll(caption)) cuts.add(c.index).add(c.index + c[0].length);
    // an unnumbered section title of the closed list alone between spaces, after a sentence's end or the report's title
    // (…自评报告 部门概况 县科协核定…。 存在的问题 科普经费…): a line of its own, as on a page (not inside a sentence: …全年 工作成效 显著)
    for (const u of s.matchAll(SPACED_TITLE)) if (isStandaloneTitle(u[1])) cuts.add(u.index).add(u.index + u[1].length);
    for (const c of plainTocCuts(s)) cuts.add(c);
    if (!cuts.size) {
      out.push(line);
      continue;
    }
    // a table of contents on the line (…报告目录一、部门基本情况　　1二、…): 目录 a line of its own, each entry with its page
    // number (no line of a page number alone: excludeToc reads 一、部门基本情况　　1 as an entry)
    // (every table of contents' title: a second copy of the report on the line has its own, …加强人才培养。2023年度…报告目录一、…,
    // and its title then a line of its own as in the first copy, which duplicates.ts finds again)
    // (that title glued to a sentence's end before it is cut there too: under a problems or improvements section the copy's
    // title would otherwise end the last point, whose marker opens no line of its own)
    if (toc) {
      for (const t of s.matchAll(new RegExp(TOC_TITLE.source, 'g'))) {
        cuts.add(t.index).add(t.index + t[0].length);
        const title = GLUED_REPORT_TITLE.exec(s.slice(Math.max(0, t.index - 80), t.index));
        if (title) cuts.add(t.index - title[0].length);
      }
    }
    // a report's title glued to a sentence's end before its first section (…加强人才培养。2024年度…自评报告一、部门概况…: a second
    // copy, or a second report, pasted on the line): a line of its own, no part of the last point (its 一、 is cut above)
    for (const t of s.matchAll(REPORT_AFTER_SENTENCE)) if (compile(headings().report_title, '').test(t[1])) cuts.add(t.index);
    const sorted = [...cuts].sort((a, b) => a - b).filter((c, k, all) => !PAGE_NUMBER.test(s.slice(c, all[k + 1] ?? s.length)));
    const points = [0, ...sorted, s.length];
    for (let i = 0; i + 1 < points.length; i++) {
      if (points[i + 1] > points[i]) {
        const start = line.start + points[i];
        const end = line.start + points[i + 1];
        out.push({ start, end, text: doc.text.slice(start, end) });
      }
    }
    for (const c of sorted) if (c > 0) breaks.push(line.start + c);
  }
  doc.lines = out;
  if (breaks.length) splitSentencesAt(doc, breaks);
}

// the literals of a table's caption and of its header row's first cell (every match of the caption's and the header's scans
// holds one), found once
let captionLitsRe: RegExp | null = null;
let headerLitsRe: RegExp | null = null;
const ANY = /(?:)/;
const captionLits = (): RegExp => (captionLitsRe ??= literalsRegex(headings().inline_table_caption) ?? ANY);
const headerLits = (): RegExp => (headerLitsRe ??= literalsRegex(headings().inline_table_header) ?? ANY);

// a digit set off by spaces, which every page mark inside a line holds (the mark's scan is made on such lines only)
const PAGE_DIGIT = /\s\S{0,2}\s*\d{1,3}\s*\S{0,2}\s/;
// a top section's marker opening a page's line (一、, 一. for 、), and a sub-section's ((一), （一）)
const TOP_LINE = /^[ \t\u3000]*[一二三四五六七八九十]{1,3}(?:、|\.(?!\d))/;
const SUB_LINE = /^[ \t\u3000]*[(（][一二三四五六七八九十]{1,3}[)）]/;

/** Where the text starts on a page's line (its marker `marker` characters long) whose section's title is glued to it (二、存在的问题经费投入不足，人才缺乏。,
 *  一、部门概况县科协编制5人。, 三、改进措施积极争取财政支持。), or -1. The title is a report's section (sections.yaml) ending as
 *  a heading does or a closed list's title, found as on a one-line page (titleLength); what follows it is glued on, goes on as
 *  text (a sentence's or clause's mark, or a figure: 一、部门基本情况及主要职能 is a title whole), and is no predicate of it
 *  (二、部门整体支出绩效情况良好，… is a sentence). */
function gluedTopTitle(s: string, marker: number): number {
  if (!marker || s.includes('\t')) return -1;
  const rest = s.slice(marker);
  const len = titleLength(rest, false);
  if (!len) return -1;
  const title = rest.slice(0, len).trim();
  const after = rest.slice(len);
  if (!/^[\u4e00-\u9fa5\d]/.test(after) || !/[。；;，,！!？?]|\d/.test(after)) return -1;
  if (sectionKey(title) === null || !(compile(headings().inline_title_end, '').test(title) || isStandaloneTitle(title))) return -1;
  if (compile(headings().inline_glued_not_before, '').test(after) || wordAcross(rest.slice(0, len + 6), len)) return -1;
  // (a list's numbered point is no section: 一、绩效目标设置不够细化，… states a problem, 一、加强预算管理，… a measure; only a
  // problems or improvements title may be glued to such a text, 二、存在的问题经费投入不足，…)
  const key = sectionKey(title);
  // (…nor a run-in label going on to its colon, （三）绩效目标设置情况：2024年…: the outline's judge stops that title at the colon,
  // 绩效目标设置情况, when the whole label names a part of the report; before, cut here after 绩效目标. Not after a list's title:
  // 二、存在的问题资金方面：… is the problems section, a topic's label glued on)
  const label = LIST_KEYS.has(key ?? '') ? null : /^[^，,。；;:：\s]{1,12}(?=[:：])/.exec(after);
  const whole = label ? title + label[0] : '';
  if (label && whole.length <= headings().limits.run_in_label_max && (compile(headings().run_in_label, '').test(whole) || sectionKey(whole) !== null)) return -1;
  const sec = loadPatternFile<{ list_problem_word: string; list_measure_opening: string }>('sections.yaml');
  if (!LIST_KEYS.has(key ?? '') && (compile(sec.list_problem_word, '').test(rest) || compile(sec.list_measure_opening, '').test(rest))) return -1;
  return marker + len;
}

// the closing parts gluedClosingFields looks for, in its order, each with the literals one of which its every match holds
// (extract/literal.ts; none: no such set): compiled once, and run only on a line holding one, as it tries them on every short line
// (the literals as one regex: a test of each literal by includes() on every short line cost more than the forms)
let closing: { re: RegExp; lits: RegExp | null }[] | null = null;
const closingForms = () =>
  (closing ??= ((h) => [h.inline_closing_fields, h.inline_closing_formula, h.inline_glued_closing_fields, h.inline_signature_tail, h.inline_date_tail, h.inline_org_tail])(headings()).map((src) => ({ re: compile(src, ''), lits: literalsRegex(src) })));

/** Where a form's closing fields or the letter's closing formula start, glued after the last sentence of a page's line
 *  (…建立长效机制。填报人：张三 联系电话：…, …拓展宣传渠道。特此报告。; with no stop before them only when plainly a form's,
 *  …建立长效机制填报人：张三 联系电话：…), when only closing lines follow it (a signature, a
 *  date): they are no part of the last item. -1 if none. */
function gluedClosingFields(doc: KDocument, s: string, i: number): number {
  // (…and the signature or its date after the last sentence, …加强人才培养。 青禾县科学技术协会 2024年3月5日, a Word copy's line
  // set right with spaces: no part of the last item, the date the report's)
  let form: RegExpExecArray | null = null;
  for (const { re, lits } of closingForms()) if ((!lits || lits.test(s)) && (form = re.exec(s))) break;
  if (!form || !closingLine(s.slice(form.index).trim())) return -1;
  const at = form.index + /^\s*/.exec(form[0])![0].length;
  if (!s.slice(0, at).trim()) return -1;
  // (down to an annex, 附件：…自评表: its tables are no body of the report)
  for (let k = i + 1; k < doc.lines.length; k++) {
    const t = doc.norm.slice(doc.lines[k].start, doc.lines[k].end).trim();
    if (compile(headings().annex_line, '').test(t)) break;
    if (t && !closingLine(t)) return -1;
  }
  return at;
}

/** A cut line ends its sentence as a page's line break does (（一）基本支出情况⏎1、2024年预算资金…: the heading's words are no
 *  part of the figure's sentence). `breaks` ascending. */
function splitSentencesAt(doc: KDocument, breaks: number[]): void {
  const out: typeof doc.sentences = [];
  let k = 0;
  for (const sen of doc.sentences) {
    let start = sen.start;
    while (k < breaks.length && breaks[k] <= sen.start) k++;
    for (; k < breaks.length && breaks[k] < sen.end; k++) {
      if (doc.norm.slice(start, breaks[k]).trim()) out.push({ ...sen, start, end: breaks[k] });
      start = breaks[k];
    }
    if (doc.norm.slice(start, sen.end).trim()) out.push({ ...sen, start, end: sen.end });
  }
  doc.sentences = out;
}
