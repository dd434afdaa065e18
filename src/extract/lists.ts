// problems[] and improvements[]: the list items of those sections, as plain strings.
import type { Heading, KDocument, Span } from '../document.js';
import { firstSpanFrom, isExcluded } from '../document.js';
import { cleanValue } from '../normalise/fold.js';
import { brokenInWord, clauseTitle, closingLine, figureGoesOn, reportTitleLine, sectionKey, standaloneKey } from '../structure/outline.js';
import { compile, derived, loadPatternFile } from '../patterns.js';
import { singleListCells, tableItems } from './listTables.js';
import { ITEM_MARKER, MARK_SPAN, markerOf, SPACED_LEAD } from './listMarkers.js';

const headingsFile = () => loadPatternFile<{ inline_table_header: string }>('headings.yaml');

type ListKey = 'problems' | 'improvements';
// (stepTitled: its list was named by a title of the unit's own steps, 下一步工作打算：, 整改措施, not a bare 建议：)
interface ListItem { item: string; span: Span; rule: string; list?: ListKey; stepTitled?: boolean }

// a list's label right after an item's marker (1.问题一：A | 2.存在问题：A | 2.原因分析：B)
const MARKED_LABEL = /^\s*([^:：，,。；;“”\d\s]{2,8}(?:[一二三四五六七八九十]{1,2}|\d{1,2})?)[:：]\s*/;
// a lead-in before an inline list's first marker: up to a colon (…我们将采取以下措施：一是…), or one sentence closed by 。
// (但仍存在一些不足。一是…: see leadSentence)
const LIST_AHEAD = String.raw`(?=[一二三四五六七八九十][是要]|[(（][一二三四五六七八九十\d][)）]|\d[、．.]|①|第一[，,、]|其一[，,、]|首先[，,])`;
const COLON_LEAD = new RegExp(String.raw`^[^:：“”]*[:：]\s*${LIST_AHEAD}`);
const SENTENCE_LEAD = new RegExp(String.raw`^[^:：“”。；;]*。\s*${LIST_AHEAD}`);
// …or one clause closed by a comma that says there are problems (我会还存在一些不足，一是…: sections.yaml list_lead_clause)
const CLAUSE_LEAD = new RegExp(String.raw`^[^:：“”。；;]*?[，,]\s*${LIST_AHEAD}`);
const ORG_ALONE = /(?:协会|科协|科技馆|中心|科普(?:教育|示范)?基地|学会|局|办公室|委员会)(?:党组|机关)?\s*(?:[（(][^()（）]{1,2}[)）])?$/;
// a topic's name alone on its line: short, no sentence's or clause's punctuation
const TOPIC_LINE = /^[^，,。；;:：!?！？、“”"\s]{2,12}$/;
// a table's caption numbered before its title (表1 存在问题清单, 表2：…) or a unit's note for the table under it (（单位：万元）): no
// item, the table's rows below it are no list's lines either
const TABLE_NOTE = /^\s*(?:表\s*[\d一二三四五六七八九十]{1,2}(?:[-－.．]\d{1,2})?(?:[ \t\u3000:：、.．]\s*[^。，,;；:：]{1,30})?|[(（]?\s*(?:金额)?单\s*位\s*[:：]\s*(?:万元|元|千元|亿元|人|个|%)\s*[)）]?)\s*$/;
// a questionnaire's question and its answer's label (问：…？ ⏎ 答：…; also 问题N：… is a list's label, not this)
const NOTHING = /^\s*(?:无|没有|暂无|无。|不存在)[。.]?\s*$/;
// a paragraph that says there is nothing to list (本年度未发现问题。, 经自查，暂未发现明显问题。, 无其他需要说明的问题。)
const NOTHING_SAID = /^\s*(?:(?:经(?:自查|检查|核查)|本(?:年度|年|项目|单位|部门))[，,]?)?\s*(?:暂|均|尚)?(?:未(?:发现|存在)|没有(?:发现|存在)?|无|不存在)(?:明显|重大|突出|其他|其它)?(?:需要说明)?的?(?:问题|情况)[。.]?\s*$/;
// an annex after the last section (附件：项目支出绩效自评表, 附：项目支出绩效自评表, a table's caption line, not a numbered item,
// maybe with the form's year in brackets, 项目支出绩效自评表（2021年度）): the section's items end there
const ANNEX = /^\s*(?:附件|附表|附\s*[:：])|^[^。，,;；:：]{0,36}表\s*(?:[（(](?:19|20)\d{2}\s*年度?[）)]\s*)?$/;
// in a combined section, a paragraph opened by a label naming one of its lists (存在的问题：…, 改进措施：…)
// (a number may close it: 问题1：A, a list's word numbered)
const LIST_LABEL = /^\s*([^:：，,。；;“”\d]{2,16}\d{0,2})[:：]\s*/;
// …or by a form's label cell before a tab, a table the structure left as text (存在问题⇥1.A；⏎⇥2.B。): the rest of the line its
// text, not a title alone (存在问题⇥整改措施 is a header)
const TAB_LABEL = /^\s*([^\t:：，,。；;“”\d]{2,16})\t+(?=\S)/;
function tabLabel(raw: string): RegExpExecArray | null {
  const m = raw.includes('\t') ? TAB_LABEL.exec(raw) : null;
  const label = m?.[1].replace(/\s+/g, '');
  const causes = () => compile(loadPatternFile<{ list_causes: string }>('sections.yaml').list_causes, '').test(label!);
  return m && (listKeyOf(label!) || causes()) && !listKeyOf(raw.slice(m[0].length).replace(/\s+/g, '').replace(/[:：]$/, '')) ? m : null;
}
// …or by a run-in title that is nothing but a list's name, closed by 。 (（一）存在问题。A | （二）改进建议。B)
// (…or by a space before the list's first marker: （一）存在问题 1.A；2.B。)
// (…or glued on to the list's first marker, （一）存在的问题一是A；二是B。, 改进措施1.C: the list's 1 only)
const RUN_IN_LIST = /^\s*(?:[(（][一二三四五六七八九十\d]{1,2}[)）][、.]?|[一二三四五六七八九十]{1,3}[、.]|\d{1,2}[、.．])?\s*([^:：，,。；;“”\d.\s]{2,12})(?:。|(?<=[\u3400-\u9fff])\.(?=[\u3400-\u9fff])|[ \t\u3000]+(?=[一二三四五六七八九十][是要]|[(（]?\d{1,2}[)）、.．]|[①②③④⑤⑥⑦⑧⑨⑩])|(?=一[是要]|[(（][1一][)）]|1[、.．](?!\d)|①))\s*/;
// a numbered run-in title that names a list after a sentence's end, closed by 。 or a space before the list's first marker
// (…难以量化。（二）改进措施 1.A；2.B。): in a combined section on one line it opens that list
const MARKED_LIST_TITLE = /[。；;]\s*(?:[(（][一二三四五六七八九十]{1,2}[)）]|[一二三四五六七八九十]{1,2}、)\s*([^:：，,。；;“”\d.\s]{2,12})(?:。|[ \t\u3000]+(?=[一二三四五六七八九十][是要]|[(（]?\d{1,2}[)）、.．]|[①②③④⑤⑥⑦⑧⑨⑩]))/g;

/** A label that is only a list's bare word (问题：A | 措施：B; sections.yaml list_label), or null. */
function bareListLabel(label: string): ListKey | null {
  const f = loadPatternFile<{ list_label: Record<ListKey, string> }>('sections.yaml').list_label;
  const t = label.replace(/\s+/g, '');
  return compile(f.problems, '').test(t) ? 'problems' : compile(f.improvements, '').test(t) ? 'improvements' : null;
}

/** Does a label name the unit's own next steps or measures as a section's title (下一步工作打算, 整改措施; sections.yaml), not
 *  a list's bare word or a suggestions' title (建议, 工作建议, 意见建议)? */
function stepsTitle(label: string): boolean {
  const t = label.replace(/\s+/g, '').replace(/^[(（]?[一二三四五六七八九十\d]{1,2}[)）、.．]?/, '');
  const f = loadPatternFile<{ suggestions_title: string }>('sections.yaml').suggestions_title;
  return sectionKey(t) === 'improvements' && bareListLabel(t) === null && !compile(f, '').test(t);
}

/** The list a label names when it is only a problems or improvements section's title (存在问题, 整改措施), or null. */
function listTitle(label: string): ListKey | null {
  const k = standaloneKey(label);
  return k === 'problems' || k === 'improvements' ? k : null;
}

/** In a combined section, the list a lead-in names by the last clause before its colon (…我们将采取以下措施： →
 *  improvements; 工作中还存在一些问题和不足： → problems; sections.yaml list_lead_in), or undefined. */
function leadInList(text: string): ListKey | undefined {
  const f = loadPatternFile<{ list_lead_in: Record<ListKey, string> }>('sections.yaml').list_lead_in;
  const clause = text.replace(/[:：]\s*$/, '').split(/[，,。；;]/).pop()!.replace(/\s+/g, '');
  if (compile(f.improvements, '').test(clause)) return 'improvements';
  if (compile(f.problems, '').test(clause)) return 'problems';
  return undefined;
}

export function extractLists(doc: KDocument): void {
  const problems: { item: string; span: Span; rule: string }[] = [];
  const improvements: { item: string; span: Span; rule: string }[] = [];
  const suggestions = compile(loadPatternFile<{ suggestions_title: string }>('sections.yaml').suggestions_title, '');
  const hs = withListWords(doc);
  for (const h of hs) {
    // a section that only names suggestions (四、意见和建议) asks other bodies; its part titled with the unit's own next steps
    // (（一）下一步工作打算：一是…) lists improvements all the same (not one of its own sub-sections keyed so: that one gives them)
    if (h.key === null && suggestions.test(h.title.replace(/\s+/g, '')) && !hs.some((x) => x.start > h.start && x.start < h.bodyEnd && x.key === 'improvements')) {
      for (const it of items(doc, h)) if (it.stepTitled) improvements.push({ item: it.item, span: it.span, rule: it.rule });
      continue;
    }
    if (h.key !== 'problems' && h.key !== 'improvements' && h.key !== 'problems_and_improvements') continue;
    // a combined section split into sub-sections leaves the items to those
    const subs = hs.filter((x) => x.start > h.start && x.start < h.bodyEnd && (x.key === 'problems' || x.key === 'improvements'));
    if (h.key === 'problems_and_improvements' && subs.length) {
      // (but a labelled paragraph before the first, （一）存在的问题：A⏎（二）改进措施⏎B, where the first is a run-in item, is its
      // list's)
      // (…and with only the measures' sub-section, 1.A。⏎2.B。⏎整改措施：⏎1.C, the numbered items before it are the problems)
      const before = subs[0].key === 'improvements' && !subs.some((x) => x.key === 'problems') ? 'problems' : undefined;
      for (const it of withTables(doc, h, items(doc, h, subs[0].start), subs[0].start)) {
        const into = it.list ?? (it.rule !== 'lists.paragraph' ? before : undefined);
        if (into) (into === 'improvements' ? improvements : problems).push({ item: it.item, span: it.span, rule: it.rule });
      }
      continue;
    }
    // so does 存在的主要问题及原因分析 with its own （一）存在的问题 (the items are that sub-section's, once)
    if (subs.some((x) => x.key === h.key)) continue;
    const target = h.key === 'improvements' ? improvements : problems;
    const its = items(doc, h);
    if (h.key === 'problems_and_improvements') splitByStatement(doc, its);
    for (const it of withTables(doc, h, its, h.bodyEnd)) (it.list === 'improvements' ? improvements : it.list === 'problems' ? problems : target).push({ item: it.item, span: it.span, rule: it.rule });
  }
  // (a form's row labelled with a list, 存在问题及改进措施⇥1.…；2.…, only when the body has no such section: never the same
  // points twice)
  if (!doc.headings.some((h) => h.key === 'problems' || h.key === 'improvements' || h.key === 'problems_and_improvements')) {
    for (const c of cellSections(doc)) {
      const its = items(doc, c, c.bodyEnd, true);
      for (const it of its) {
        const into = (it.list ?? c.key) === 'improvements' ? improvements : problems;
        if (!into.some((x) => x.item === it.item)) into.push({ item: it.item, span: it.span, rule: 'lists.cell' });
      }
    }
  }
  // (a report with no such section, its paragraphs labelled with a list's title, 存在不足：A⏎下步打算：B, as a township's short report
  // is written: each such paragraph is that list's section)
  if (!problems.length && !improvements.length && !doc.headings.some((h) => h.key === 'problems' || h.key === 'improvements' || h.key === 'problems_and_improvements')) {
    for (const c of labelSections(doc)) {
      for (const it of items(doc, c)) (it.list ?? c.key) === 'improvements' ? improvements.push({ item: it.item, span: it.span, rule: 'lists.label' }) : problems.push({ item: it.item, span: it.span, rule: 'lists.label' });
    }
  }
  // (a request to another body, 建议财政部门及时拨付…, is no measure of the unit's own: sections.yaml list_request; nor a problem,
  // where a problems section lists it among them)
  const request = compile(loadPatternFile<{ list_request: string }>('sections.yaml').list_request, '');
  doc.data.problems = problems.filter((x) => !request.test(x.item));
  doc.data.improvements = improvements.filter((x) => !request.test(x.item));
}

/** A section's items with those of its tables headed by both lists (问题⇥措施; listTables.ts) among them, in the text's order;
 *  a cell saying what an item of the text already says is no second item. */
function withTables(doc: KDocument, h: Heading, its: ListItem[], until: number): ListItem[] {
  if (!doc.tables.length) return its;
  // (…and those of its tables holding a list alone, 存在问题⇥1.A；⏎⇥2.B。 or one column: each cell read as a section's paragraphs,
  // before an annex only)
  const annex = doc.lines.find((l) => l.start >= h.end && l.start < until && !isExcluded(doc, l) && ANNEX.test(doc.norm.slice(l.start, l.end)) && !ITEM_MARKER.test(doc.norm.slice(l.start, l.end)));
  const end = annex?.start ?? until;
  const listed = singleListCells(doc, h, end, listKeyOf).flatMap((c) => items(doc, c, c.bodyEnd, true).map((it) => ({ ...it, rule: 'lists.table', list: it.list ?? (c.key === 'problems' || c.key === 'improvements' ? c.key : undefined) })));
  const cells = [...tableItems(doc, h, end, ITEM_MARKER), ...listed].filter((c) => !its.some((x) => x.item === c.item));
  return cells.length ? [...its, ...cells].sort((a, b) => a.span.start - b.span.start) : its;
}

/** The list a table's label names (存在问题, 整改措施, 问题, 存在问题及改进措施), or null. */
function listKeyOf(title: string): string | null {
  const k = bareListLabel(title) ?? standaloneKey(title);
  return k === 'problems' || k === 'improvements' || k === 'problems_and_improvements' ? k : null;
}

/**
 * The headings, a combined section's sub-heading titled with a list's bare word ((一)问题 | (一)短板 | (二)措施; sections.yaml
 * list_label) keyed as that list for the lists only, as the same word labelling a paragraph is read (the outline keeps its key:
 * 问题 alone names no section elsewhere). Before, such a sub-section keyed null lost its items beside its keyed sibling.
 */
function withListWords(doc: KDocument): Heading[] {
  const combined = doc.headings.filter((h) => h.key === 'problems_and_improvements');
  if (!combined.length) return doc.headings;
  return doc.headings.map((x) => {
    if (x.key !== null || x.ordinal === null || !combined.some((h) => x.start > h.start && x.start < h.bodyEnd && x.level > h.level)) return x;
    const k = bareListLabel(x.title.replace(/[。.:：]$/, ''));
    return k ? { ...x, key: k } : x;
  });
}

/**
 * A combined section's flat list numbered 1, 2, 3 … whose items no label, suggestion or next step told apart (四、存在的问题及改进措施⏎
 * 1.科普经费投入不足。⏎2.专业人才缺乏。⏎3.加强经费保障…。⏎4.加强人才队伍建设。): the measures start at the first item when every
 * item before it states a problem (a problem's word, sections.yaml list_problem_word, and no measure's verb opening it) and every
 * item from it opens with a measure's verb (list_measure_opening) and states no problem. Anything else (加强预算管理的意识不强
 * among them, an item of neither kind) leaves the list as it is: all problems.
 */
function splitByStatement(doc: KDocument, its: ListItem[]): void {
  if (its.length < 2 || its.some((x) => x.list !== undefined || x.rule === 'lists.paragraph')) return;
  // (one run numbered on from 1: numbers restarting are read by secondRun, or tell nothing)
  const marks = its.map((x) => markerOf(doc.norm.slice(x.span.start, x.span.start + MARK_SPAN).trimStart()));
  if (marks.some((m, k) => !m || m.family !== marks[0]!.family || m.n !== k + 1)) return;
  const sec = loadPatternFile<{ list_measure_opening: string; list_problem_word: string }>('sections.yaml');
  const measure = compile(sec.list_measure_opening, '');
  const problem = compile(sec.list_problem_word, '');
  const kinds = its.map((x) => (problem.test(x.item) ? (measure.test(x.item) ? null : 'problems') : measure.test(x.item) ? 'improvements' : null));
  const at = kinds.indexOf('improvements');
  if (at < 1 || kinds.slice(0, at).some((k) => k !== 'problems') || kinds.slice(at).some((k) => k !== 'improvements')) return;
  for (const x of its.slice(at)) x.list = 'improvements';
}

/**
 * A form's rows whose label cell is a list section's whole title (存在问题及改进措施, 存在的问题, 改进措施: a closed list's
 * `standalone` title) and whose one other filled cell holds the text (no title: 存在问题⇥整改措施 is a header): each as a
 * section over that cell (the label its heading, the cell its body), outside a repeated copy. A label saying more
 * (偏差原因分析及改进措施: causes too) is none.
 */
function cellSections(doc: KDocument): Heading[] {
  const out: Heading[] = [];
  for (const t of doc.tables) {
    if (doc.excluded.some((x) => x.reason === 'repeated copy' && t.start < x.end && t.end > x.start)) continue;
    for (const row of t.rows) {
      const filled = row.filter((c) => c.text.trim());
      if (filled.length !== 2) continue;
      const [label, body] = filled;
      const title = label.text.replace(/\s+/g, '').replace(/[:：]$/, '');
      const key = standaloneKey(title);
      if (key !== 'problems' && key !== 'improvements' && key !== 'problems_and_improvements') continue;
      // (not a two-column header, 存在问题⇥整改措施: its second cell is a title too, no text)
      const other = body.text.replace(/\s+/g, '').replace(/[:：]$/, '');
      if (standaloneKey(other) !== null || bareListLabel(other) !== null) continue;
      out.push({ start: label.start, end: body.start, level: 1, rank: 1, ordinal: null, title, key, bodyEnd: body.end });
    }
  }
  return out;
}

/**
 * Paragraphs opening with a label that is a problems or improvements section's whole title before a colon (存在问题：一是…,
 * 存在不足：A, 下步打算：B, 存在问题及改进措施：…; sections.yaml standalone), outside tables and headings: each a section over its
 * paragraph (the label its heading), which runs to a blank line, a heading, a table or the next such label. For a report that
 * has no section of these lists only.
 */
function labelSections(doc: KDocument): Heading[] {
  const out: Heading[] = [];
  const headingLines = new Set(doc.headings.map((h) => firstSpanFrom(doc.lines, h.start)));
  const inTable = (l: Span) => doc.tables.some((t) => l.start < t.end && l.end > t.start);
  const labelled = (l: Span): { title: string; key: ListKey | 'problems_and_improvements'; end: number } | null => {
    const m = LIST_LABEL.exec(doc.norm.slice(l.start, l.end));
    if (!m) return null;
    const title = m[1].replace(/\s+/g, '');
    const key = standaloneKey(title);
    return key === 'problems' || key === 'improvements' || key === 'problems_and_improvements' ? { title, key, end: l.start + m[0].length } : null;
  };
  for (let i = 0; i < doc.lines.length; i++) {
    const l = doc.lines[i];
    if (isExcluded(doc, l) || headingLines.has(i) || inTable(l)) continue;
    // (…等级为优。存在问题：一是A；二是B。下步打算：一是C。: such a label after a sentence's end on the line opens its paragraph
    // there, as on a line of its own; lists52, before nothing read)
    const labs: (NonNullable<ReturnType<typeof labelled>> & { start: number })[] = [];
    const first = labelled(l);
    if (first) labs.push({ ...first, start: l.start });
    const text = doc.norm.slice(l.start, l.end);
    if (text.includes('：') || text.includes(':')) {
      for (const m of text.matchAll(SENTENCE_THEN_LABEL)) {
        const at = l.start + m.index + m[0].length;
        const lab = labelled({ start: at, end: l.end });
        if (lab) labs.push({ ...lab, start: at });
      }
    }
    if (!labs.length) continue;
    let end = l.end;
    for (let j = i + 1; j < doc.lines.length; j++) {
      const n = doc.lines[j];
      if (!doc.norm.slice(n.start, n.end).trim() || headingLines.has(j) || inTable(n) || labelled(n)) break;
      end = n.end;
    }
    labs.forEach((lab, k) => out.push({ start: lab.start, end: lab.end, level: 1, rank: 1, ordinal: null, title: lab.title, key: lab.key, bodyEnd: labs[k + 1]?.start ?? end }));
  }
  return out;
}
// a sentence's end, and what follows it on its line (a label looked for there)
const SENTENCE_THEN_LABEL = /[。！？!?][ \t\u3000]*(?=[^:：，,。；;“”\d\s]{2,16}[:：])/g;

/** The paragraphs of a section's body; a paragraph starting with 一是/1./（一） is one item, and so is an
 *  unnumbered paragraph; sub-headings with run-in titles count as items with their body. (`cell`: the section is a form's
 *  row, cellSections, read inside its table.) */
function items(doc: KDocument, h: Heading, until = h.bodyEnd, cell = false): ListItem[] {
  const out: ListItem[] = [];
  const headingStarts = new Set(doc.headings.filter((x) => x !== h).map((x) => x.start));
  // (the other headings' starts from this one's end, once: a line of the section starts there)
  const laterStarts = [...headingStarts].filter((s) => s >= h.end);
  // 存在问题及改进措施 with labelled paragraphs (存在的问题：一是…；改进措施：一是…): the list the last label named
  let list: ListKey | undefined;
  // 四、存在的问题。部分社区活动开展不够经常。 — a run-in heading's body starts on its own line, after the title
  const own = doc.lines.find((l) => l.start <= h.start && h.end < l.end);
  const runIn = own ? /^[\s。.:：]*/.exec(doc.norm.slice(h.end, own.end))![0].length : 0;
  // the section's lines (doc.lines are in order), after the run-in heading's own text
  const whole: Span[] = own && h.end + runIn < Math.min(own.end, until) ? [{ start: h.end + runIn, end: Math.min(own.end, until) }] : [];
  // (the lines after that one: a table's cell read as a section may open its line, h.end at the line's start)
  for (let i = firstSpanFrom(doc.lines, own ? h.end + 1 : h.end); i < doc.lines.length && doc.lines[i].start < until; i++) whole.push(doc.lines[i]);
  // a combined section on one line (…二是宣传形式单一。改进措施：一是提前谋划；…): a list's label after a sentence starts a
  // paragraph of its own
  const sec = loadPatternFile<{ list_note: string; list_topic: string; list_causes: string; list_summary: string; list_next_step: string; list_next_plan: string; list_next_plan_in_problems: string; list_suggestion: string; list_other_part: string }>('sections.yaml');
  const suggestion = compile(sec.list_suggestion, '');
  const nextStep = compile(sec.list_next_step, '');
  // (in a combined section, a sentence stating the next step's plan: …不稳定。下一步，我们将… — the improvements from there)
  // (and in a problems section with the next-step word set off by a comma: 下一步，我们将…)
  const plan = h.key === 'problems_and_improvements' ? compile(sec.list_next_plan, '') : h.key === 'problems' ? compile(sec.list_next_plan_in_problems, '') : null;
  // (and so does the next step before an inline list: …二是专业人才不足。下一步，一是…, in a problems section too)
  // (in a section of one list, a numbered label of it after a sentence's end starts the next item: 问题一：A。问题二：B)
  // (a section whose title names another part first, 自评结论、存在问题及改进措施: its body before the first list's label is that
  // part's, no item — cut at every label, as a combined section is)
  const partFirst = compile(sec.list_other_part, '').test(h.title.replace(/\s+/g, ''));
  const lines =
    h.key === 'problems_and_improvements'
      ? whole.flatMap((l) => splitAtListLabels(doc, l, nextStep, 'all', plan))
      : h.key === 'problems'
        ? whole.flatMap((l) => splitAtListLabels(doc, l, nextStep, partFirst ? 'all' : 'numbered', null, 'improvements'))
        : whole.flatMap((l) => splitAtListLabels(doc, l, null, partFirst ? 'all' : 'numbered'));
  const firstLabel = partFirst ? (lines.find((l) => opensWithListLabel(doc.norm.slice(l.start, l.end)))?.start ?? -1) : -1;
  // (…总体较好，但也存在一些不足。存在的问题：A — a sentence saying there are problems right before the problems' label, on its line
  // or the next, leads in to them, as before an inline list: no item)
  // (…and one sentence saying so opening the section right over its numbered items, 经自查，我会还存在一些不足。⏎1.A。⏎2.B。, or the
  // measures', 针对上述问题，我会将采取以下措施。⏎1.C。: a lead-in as before an inline list; lists54, before an item)
  const leadSentenceRe = compile(loadPatternFile<{ list_lead_sentence: string }>('sections.yaml').list_lead_sentence, '');
  const firstText = lines.findIndex((l) => l.start >= h.end && doc.norm.slice(l.start, l.end).trim());
  const opensItems = (l: Span, i: number) => i === firstText && !ITEM_MARKER.test(doc.norm.slice(l.start, l.end)) && !/[。！？!?]\s*\S/.test(doc.norm.slice(l.start, l.end).trim()) && ITEM_MARKER.test(doc.norm.slice(lines[i + 1].start, lines[i + 1].end));
  const leads = new Set(
    lines
      .filter((l, i) => !!lines[i + 1] && /^[ \t\u3000]*\n?[ \t\u3000]*$/.test(doc.norm.slice(l.end, lines[i + 1].start)) && (opensWithListLabel(doc.norm.slice(lines[i + 1].start, lines[i + 1].end), 'problems') || opensItems(l, i)) && leadSentenceRe.test(doc.norm.slice(l.start, l.end)))
      .map((l) => l.start),
  );
  const labels = titleLines(doc, h, headingStarts);
  for (const start of bareTitleLines(doc, h, headingStarts)) labels.add(start);
  const bodies = closedTitleLines(doc, h, headingStarts);
  // (a combined section's flat list numbered twice from 1, 1.A⏎2.B⏎1.C⏎2.D: the second run is the measures)
  const restart = h.key === 'problems_and_improvements' ? secondRun(doc, lines, h.end, until, headingStarts) : -1;
  const inSubHeading = doc.headings.filter((x) => x !== h && x.start >= h.end && x.start < until && x.end > x.start);
  // 原因分析：一是…: the causes, and what follows them until a list label, are no items
  let causes = false;
  let stepTitled = false;
  let numbered = false;
  // (an unnumbered topic's line over its own list was passed: a line so shaped after that list is its sibling, see siblingTopic)
  let topicAbove = false;
  // (the numbered item a causes' label followed: its next number ends the causes)
  let causesAfter: { family: string; n: number } | null = null;
  // the section's items are numbered in one family (（一）…); lines numbered in another right under one of them
  // (1.细化量化指标；⏎2.合理确定指标值。) are its sub-items: part of its text
  let topFamily: string | null = null;
  let lastTop: { item: ListItem; textStart: number; list: ListKey | undefined } | null = null;
  let lastMark: { family: string; n: number } | null = null;
  // (the numbered item a list's label was cut from, with the list it was in)
  let pairedFrom: { family: string; n: number; list: ListKey | undefined; line: Span } | null = null;
  for (const line of lines) {
    if (line.start < h.end || line.start >= until || (cell ? doc.excluded.some((x) => x.reason !== 'table' && line.start < x.end && line.end > x.start) : isExcluded(doc, line))) continue;
    if (line.start < firstLabel || leads.has(line.start)) continue;
    // (a sub-heading's title broken over two lines, （一）…有待提⏎高: its second line is the heading's, no item)
    if (inSubHeading.some((x) => x.start < line.start && line.start < x.end)) continue;
    let raw = doc.norm.slice(line.start, line.end);
    if (!raw.trim()) continue;
    if (ANNEX.test(raw) && !ITEM_MARKER.test(raw)) break;
    // (a table's header row left unread, 一级指标⇥二级指标⇥…, also where a report pasted on one line is cut before it: the
    // table ends the items as an annex does, its cells no item)
    if (!cell && derived(headingsFile(), 'tableHeaderLine', () => `^[ \t\u3000]*(?:${headingsFile().inline_table_header})`).test(raw)) break;
    // (a second report's title over its first heading: the first report ends there; not a running title a page repeats)
    if (!ITEM_MARKER.test(raw) && reportTitleLine(raw.trim()) && opensReport(doc, line)) break;
    // (a report pasted on one line cut right after the title, （二）改进措施⏎：积极…: the title's colon is no part of the item)
    let skip = line.start === h.end ? /^[\s。.:：]*/.exec(raw)![0].length : 0;
    raw = raw.slice(skip);
    if (!raw.trim()) continue;
    const combined = h.key === 'problems_and_improvements';
    // a list's label alone on its line, with no colon (存在问题⏎A⏎建议⏎B): the paragraphs after it are that list's
    // (1 存在的问题 ⏎ （1）A: a number set with a space before it, as antiword prints a Word sub-heading, is no part of it)
    const alone = raw.trim().replace(SPACED_LEAD, '').replace(/[:：。]$/, '');
    // (not the rest of an item its line's end broke off, closed by 。: …更新维护经费⏎不足。 is no label 不足)
    const last = out[out.length - 1];
    // (nor the rest of an item a page's furniture cut off its source line, 1.经费投入 - 2 - 不足。)
    const lastOpen = !!last && ((/[，,]/.test(doc.norm.slice(last.span.start, last.span.end)) && /[\u4e00-\u9fa5，,]\s*$/.test(doc.norm.slice(last.span.start, last.span.end))) || pageCutLine(doc, last.span.end, line.start));
    const aloneKey = alone.length <= 12 && !/[，,；;。]/.test(alone) && !(lastOpen && /[。.]\s*$/.test(raw)) ? bareListLabel(alone) ?? standaloneKey(alone) : null;
    // (a list's label opening the line right after a numbered item's, 1.预算执行进度不均衡。⏎整改措施：加强…⏎2.…: each problem
    // followed by its measure, the next number a problem again; see pairedFrom)
    const sinceLast = last ? doc.norm.slice(last.span.end, line.start) : '';
    const afterItem = combined && last && last.list === list && last.rule !== 'lists.paragraph' && lastMark && !/\n[ \t\u3000]*\n/.test(sinceLast) && /^[\s。；;.]*$/.test(sinceLast) ? lastMark : null;
    if (aloneKey === 'problems' || aloneKey === 'improvements') {
      pairedFrom = afterItem && aloneKey !== list ? { ...afterItem, list, line } : null;
      list = aloneKey;
      stepTitled = aloneKey === 'improvements' && stepsTitle(alone);
      causes = false;
      continue;
    }
    const anyLabel = LIST_LABEL.exec(raw) ?? tabLabel(raw);
    // (only after items: a section that opens with 原因：一是… lists its problems under that label)
    if (out.length && anyLabel && compile(sec.list_causes, '').test(anyLabel[1].replace(/\s+/g, ''))) {
      causes = true;
      causesAfter = lastMark;
      continue;
    }
    // (in a problems or improvements section of its own too: 主要问题：A | 改进措施：B — the label is no part of the item)
    let label = anyLabel;
    let named = label ? sectionKey(label[1]) ?? bareListLabel(label[1]) : null;
    if (combined && named !== 'problems' && named !== 'improvements') {
      const r = RUN_IN_LIST.exec(raw);
      const k = r ? standaloneKey(r[1]) : null;
      if (k === 'problems' || k === 'improvements') [label, named] = [r, k];
    }
    if (label && (named === 'problems' || named === 'improvements')) {
      // (a label cut off a numbered item's line, 1.科普经费投入不足。整改措施：积极争取…: it names this piece's list only; the
      // item's next number returns to the item's list, 2.人才缺乏。 is a problem again)
      const own = doc.lines.find((dl) => dl.start < line.start && line.start < dl.end);
      // (the item's own number: the line's first, or the last piece's cut before on it, 1.A。整改措施：B。2.C。整改措施：D。)
      const itemMark = own ? (lastMark && last && last.span.start >= own.start ? lastMark : markerOf(doc.norm.slice(own.start, line.start).trimStart())) : null;
      // (…also one opening the line right after a numbered item's: afterItem)
      // (in a problems section too, where the measures' title is cut off so: splitAtListLabels `other`)
      pairedFrom = (combined || h.key === 'problems') && itemMark && itemMark.n > 0 ? { ...itemMark, list, line } : !itemMark && afterItem && named !== list ? { ...afterItem, list, line } : null;
      list = named;
      stepTitled = named === 'improvements' && stepsTitle(label[1]);
      causes = false;
      skip += label[0].length;
      raw = raw.slice(label[0].length);
      if (!raw.trim()) continue;
    }
    // a report written as questions and answers (问：存在哪些主要问题？⏎答：一是…): the question is no item, and the answer's
    // label no word of one
    const qa = loadPatternFile<{ list_question: string; list_question_inline: string; list_answer_label: string }>('sections.yaml');
    if (compile(qa.list_question, '').test(raw)) continue;
    // (问：…？答：… on one line: the question goes with its label, the answer is the item)
    const asked = compile(qa.list_question_inline, '').exec(raw);
    if (asked) {
      skip += asked[0].length;
      raw = raw.slice(asked[0].length);
    }
    const answer = compile(qa.list_answer_label, '').exec(raw);
    if (answer) {
      skip += answer[0].length;
      raw = raw.slice(answer[0].length);
      if (!raw.trim()) continue;
    }
    const base = line.start + skip;
    // a sub-heading that is only a title (no run-in text) is a label, not an item
    // (…but one with no body under it, 1.加强预算编制⏎细化…。⏎2.加大宣传力度⏎三、…, is the point itself: its title the item, as
    // numbered titles with no bodies are; not an aspect's name, 经费方面, no point; lists54)
    const isHeading = laterStarts.some((s) => s >= line.start && s < line.end);
    const trimmed = raw.trim();
    if (isHeading && !/[。;]./.test(trimmed) && trimmed.length <= 40 && !bodilessTitle(doc, line, until, compile(sec.list_topic, ''))) continue;
    if (NOTHING.test(raw) || NOTHING_SAID.test(raw) || TABLE_NOTE.test(raw) || compile(sec.list_note, '').test(raw)) continue;
    // (a bare number alone on its line after an item's full stop: a page's number the reader left, before a running header that
    // is the unit's name, 1.…。⏎3⏎某县科学技术协会⏎2.…; no item, and no part of the sentence closed before it)
    if (/^\s*\d{1,3}\s*$/.test(raw) && !ITEM_MARKER.test(raw) && (!last || /[。；;!?！？]\s*$/.test(doc.norm.slice(last.span.start, last.span.end)))) continue;
    // the report's closing lines (a signature block, 联系人：…) are no items, and after a date or a field nothing is (a unit's
    // name alone may be a paragraph's line broken off: skipped only)
    if (closingLine(trimmed) && !ITEM_MARKER.test(raw)) {
      if (ORG_ALONE.test(trimmed)) continue;
      break;
    }
    if (labels.has(line.start)) continue;
    let lead = raw.length - raw.trimStart().length;
    let m = ITEM_MARKER.exec(raw);
    // an unnumbered paragraph ending in a colon (…但也存在一些问题：, 下一步，我们将：) leads in to the items below
    if (!m && /[:：]\s*$/.test(raw)) {
      const named = combined ? leadInList(raw) ?? (plan?.test(raw) ? 'improvements' : undefined) : undefined;
      if (named) causes = false;
      else if (out.length && compile(sec.list_causes, '').test(raw.replace(/[:：]\s*$/, '').split(/[，,。；;]/).pop()!.replace(/\s+/g, ''))) {
        causes = true;
        causesAfter = null;
      }
      if (combined) list = named ?? list;
      continue;
    }
    if (causes) {
      // (2.原因分析：…⏎3.改进措施：C — a list's label after the next item's marker ends the causes, as a paragraph's label does)
      const mk = ITEM_MARKER.exec(raw);
      const own = mk ? MARKED_LABEL.exec(raw.slice(mk[0].length)) : null;
      // (…and so does the next number of the item the cause was given for, （一）A。原因：X。⏎（二）B。原因：Y。, each problem with its
      // own cause under 存在的问题及原因分析: B is a problem again; lists55, before every problem after the first lost)
      const mark = mk ? markerOf(raw.trimStart()) : null;
      const nextItem = !!mark && !!causesAfter && mark.family === causesAfter.family && mark.n === causesAfter.n + 1;
      if (!nextItem && (!own || !(bareListLabel(own[1]) ?? listTitle(own[1])))) continue;
      causes = false;
    }
    // a line broken inside a sentence (…细化量化绩效指标，⏎确保目标可衡量。): an unnumbered line right after an item that
    // ends in a clause's comma continues it
    const prevItem = out[out.length - 1];
    // (and a line that is only the sentence's closing punctuation, as a PDF's line wrap leaves it: …不够全面⏎。)
    // (the last piece of an inline list ends before its separator: 2.绩效指标设置不够全面，⏎… — the comma in the gap)
    // (a page's furniture between them, - 2 -⏎某县科协…报告, is no gap: the sentence goes on on the next page)
    const gap = prevItem ? withoutFurniture(doc, prevItem.span.end, line.start) : '';
    const prevText = prevItem ? doc.norm.slice(prevItem.span.start, prevItem.span.end) : '';
    // (…or a sentence broken off with no punctuation at its end, 1.科普经费投入不足，县级…难以满足基层⏎开展活动的需要。: a clause's
    // comma in it makes it no title over a body)
    // (…or one with a sentence's end inside, no title, broken off before a figure or after a word that cannot close a clause:
    // 1.科普经费投入不足。2023年县级科普经费仅⏎10万元，人均0.3元。)
    const brokenOff = /[\u4e00-\u9fa5]\s*$/.test(prevText) && !compile(sec.list_summary, '').test(raw) &&
      (/[，,]/.test(prevText) || (/[。；;]\s*\S/.test(prevText) && (/^\s*\d/.test(raw) || compile(loadPatternFile<{ dangling_end: string }>('headings.yaml').dangling_end, '').test(prevText.trim()))));
    // (…or an inline list's last piece cut off by a page break, 二是部分活动⏎第 2 页⏎经费使用进度偏慢。: no such piece is a title)
    // (or a page's start, where the reader kept the pages (form feeds) and dropped their numbers)
    const pageBetween = !!prevItem && (doc.excluded.some((x) => x.reason === 'page furniture' && x.start >= prevItem.span.end && x.end <= line.start) ||
      !!doc.pages?.some((p) => p.start > prevItem.span.end && p.start <= line.start) ||
      // (or a page's number the reader removed from a text without form feeds, leaving where the page starts)
      doc.pageBreaks.some((b) => b > prevItem.span.end && b <= line.start));
    // (…and any item's words a page cut on a report pasted on one line, 一是经费投入 第 2 页 共 3 页 不足；: no line break there, the
    // page's furniture left out between two pieces of one source line)
    const cutAtPage = pageBetween && (prevItem.rule === 'lists.inline' || pageCutLine(doc, prevItem.span.end, line.start)) && /[\u4e00-\u9fa5]\s*$/.test(prevText);
    // (a page's furniture set apart by blank lines, …难以⏎⏎- 3 -⏎⏎量化考核。: its blank lines are the page's margins, no paragraph's end,
    // after a sentence broken off)
    const pageMargin = pageBetween && /[\u4e00-\u9fa5，,、]\s*$/.test(prevText);
    // (…or the one paragraph under a point stated in one closed sentence, （一）科普经费投入不足。⏎县级科普经费仅10万元。⏎（二）…: its
    // body, as on one line, 2.强化管理。严格执行财务制度。; closedTitleLines)
    const body = !m && !!prevItem && bodies.get(firstSpanFrom(doc.lines, prevItem.span.start + 1) - 1) === line.start;
    // (…or a figure broken off its measure word by the line's end, …全年仅开展活动，3⏎场，覆盖面不广。: the line opening with the
    // measure goes on with the figure's sentence; lists46)
    const figureBroken = figureGoesOn(prevText.trimEnd(), raw);
    // (…but not a sibling topic's line after a topic's list, 经费保障不足⏎1.…；⏎2.经费拨付较慢，进度滞后⏎专业人才缺乏: short, no
    // punctuation, as the topic above was — its own point, or the label over its own list; lists55, before glued to the last item as
    // its second line. Not after an item its clause's comma leaves open, 2.经费拨付较慢，⏎…)
    const siblingTopic = topicAbove && !m && !label && TOPIC_LINE.test(trimmed) && !/[，,、]\s*$/.test(prevText);
    if (!m && prevItem && !label && !siblingTopic && (/[，,、]\s*$/.test(prevText) || brokenOff || figureBroken || cutAtPage || body || /^[，,、]/.test(gap) || /^\s*[。．.；;！!？?）)”"]+\s*$/.test(raw)) && (pageMargin || !/\n\s*\n/.test(gap)) && /^[，,、]?\s*$/.test(gap.replace(/\n/g, ''))) {
      const textStart = prevItem.span.start + (ITEM_MARKER.exec(doc.norm.slice(prevItem.span.start, prevItem.span.end))?.[0].length ?? 0);
      // (the inline list going on after the piece's end on this line, 一是…资金支付⏎第 2 页⏎不够及时；二是…: the next marker of
      // its family after a separator starts a line of its own, read as such)
      const nextAt = lastMark ? nextMarkerIn(doc.norm, line.start, line.end, lastMark) : -1;
      if (nextAt > 0) lines.splice(lines.indexOf(line) + 1, 0, { start: nextAt, end: line.end });
      const end = trimEnd(doc.norm, textStart, nextAt > 0 ? nextAt : line.end, nextAt > 0 ? INLINE_SEP : LIST_SEP);
      // (a point stated in short clauses alone on its line, 1.加强宣传，扩大影响⏎充分利用…。, is the item's run-in title, no
      // sentence broken off: kept apart from its body by a space, where its line broke)
      const title = doc.norm.slice(textStart, prevItem.span.end);
      // (not where the page ends under it, 1.绩效目标设置不够科学，部分指标⏎- 3 -⏎过于笼统…: the page's last line is cut by the
      // page, not by its writer)
      // (nor where the list's ； closes the line under it, …科普队伍⏎不够稳定；, or a fragment of a few words closes it,
      // …展品更新⏎不及时。: a sentence broken off, as no body under a title is; the outline reads it so, outline.ts brokenItem)
      // (nor where the line broke inside a word, 1.加强项目论证，细化预算编制，提高预⏎算执行的均衡性。: a page's full line; nor where
      // the inline list goes on after the piece on the line under it, 一是…部分项目年中调整⏎较多；二是…: the piece a sentence the
      // list's separator closes; lists53)
      const titled = brokenOff && nextAt < 0 && !pageBetween && !title.includes('\n') && clauseTitle(title.trim()) && !/[；;]\s*$/.test(raw) && !/^\s*[\u4e00-\u9fa5]{1,6}[。.]\s*$/.test(raw) && !brokenInWord(title.trim(), raw.trim());
      prevItem.span = { start: prevItem.span.start, end };
      prevItem.item = titled
        ? `${cleanValue(doc.display.slice(textStart, textStart + title.length))} ${cleanValue(withoutFurniture(doc, line.start, end, doc.display))}`
        : cleanValue(withoutFurniture(doc, textStart, end, doc.display));
      continue;
    }
    // (punctuation alone is never an item)
    if (/^\s*[。．.；;！!？?）)”"，,、]+\s*$/.test(raw)) continue;
    // 总之，… after numbered items sums up: no item
    if (!m && numbered && compile(sec.list_summary, '').test(raw)) continue;
    // (an unnumbered topic's line over a numbered list, 经费方面⏎1.A⏎2.B⏎人才方面⏎1.C: a label, as a sub-heading's title is; the
    // numbered lines are the items)
    // (…and the causes' label alone on its line after items, 原因分析⏎1.…, opens the causes as 原因分析： does)
    // (…also numbered as the list's sub-headings are, （一）问题⏎1.A⏎（二）原因⏎1.B: before, its line was taken as a sub-item of A's
    // and the causes as problems; session 45)
    if (!label && out.length && TOPIC_LINE.test(m ? raw.slice(m[0].length).trim() : trimmed) && compile(sec.list_causes, '').test(trimmed)) {
      causes = true;
      causesAfter = null;
      continue;
    }
    // (…and a line naming only an aspect, 经费方面, over unnumbered paragraphs too: it states nothing of its own)
    if (!m && !label && TOPIC_LINE.test(trimmed) && compile(sec.list_topic, '').test(trimmed)) {
      topicAbove = true;
      continue;
    }
    if (!m && !label && TOPIC_LINE.test(trimmed)) {
      const next = lines.find((l) => l.start >= line.end && l.start < until && !isExcluded(doc, l) && doc.norm.slice(l.start, l.end).trim());
      if (next && markerOf(doc.norm.slice(next.start, next.end).trimStart())?.n === 1) {
        topicAbove = true;
        continue;
      }
    }
    // (…and a numbered topic's line over its own list numbered in another family, （一）经费方面⏎1.A⏎2.B⏎（二）人才方面⏎1.C: a label
    // too, the sub-list's lines the items; before, each topic's item held its title and its sub-list's markers)
    if (m && !label && compile(sec.list_topic, '').test(raw.slice(m[0].length).trim())) {
      const next = lines.find((l) => l.start >= line.end && l.start < until && !isExcluded(doc, l) && doc.norm.slice(l.start, l.end).trim());
      const sub = next ? markerOf(doc.norm.slice(next.start, next.end).trimStart()) : null;
      const own = markerOf(raw.trimStart());
      // (not among topics stated as items, （一）经费保障不足⏎1.…⏎（二）人才方面⏎1.…: its family is the items' then)
      if (sub && own && sub.n === 1 && sub.family !== own.family && topFamily !== own.family) continue;
    }
    if (m) numbered = true;
    if (m && pairedFrom && pairedFrom.line !== line) {
      const mk = markerOf(raw.trimStart());
      if (mk && mk.family === pairedFrom.family && mk.n === pairedFrom.n + 1) list = pairedFrom.list;
      pairedFrom = null;
    }
    // 下一步，我们将积极争取… in a combined section: an improvement, and the paragraphs after it too
    if (!m && plan?.test(raw)) {
      list = 'improvements';
      causes = false;
    }
    // 下一步，一是A；二是B。 in a problems or combined section: the improvements, the lead-in no item
    const next = !m && h.key !== 'improvements' ? nextStep.exec(raw) : null;
    if (next && inlineItems(doc.norm, base + next[0].length, line.end).length > 1) {
      list = 'improvements';
      stepTitled = true;
      causes = false;
      lead = next[0].length;
      m = ITEM_MARKER.exec(raw.slice(lead));
    }
    // …我们将采取以下措施：一是A；二是B。 — the lead-in before the colon is no item when an inline list follows it
    // (or a single sentence closed by 。 that leads in: 但仍存在一些不足。一是…, 下一步重点做好以下几个方面。一是…)
    const colon = m ? null : (COLON_LEAD.exec(raw) ?? leadSentence(raw) ?? leadClause(raw));
    if (colon && inlineItems(doc.norm, base + colon[0].length, line.end).length > 1) {
      if (combined) list = leadInList(colon[0].replace(/。\s*$/, '')) ?? (plan?.test(colon[0]) ? 'improvements' : list);
      lead = colon[0].length;
      m = ITEM_MARKER.exec(raw.slice(lead));
    }
    // …还存在以下问题：A，…；B。 — an unnumbered list after a lead-in naming it: one item per clause closed by ；
    const unmarked = m || colon ? null : unmarkedList(doc.norm, base, line.end, raw);
    if (unmarked) {
      if (combined) list = leadInList(unmarked.lead) ?? (plan?.test(unmarked.lead) ? 'improvements' : list);
      lead = unmarked.lead.length;
    }
    if (list === undefined && m && !lead && line.start + skip === restart) list = 'improvements';
    // a paragraph that opens an inline list (一是…；二是…) gives one item per marker; a paragraph with a
    // run-in title before its 一是 stays one item
    const family = m ? markerOf(doc.norm.slice(base + lead, base + lead + MARK_SPAN))?.family ?? null : null;
    if (family && topFamily && family !== topFamily && lastTop && lastTop.list === list && out[out.length - 1] === lastTop.item) {
      const end = trimEnd(doc.norm, lastTop.textStart, line.end, LIST_SEP);
      lastTop.item.span = { start: lastTop.item.span.start, end };
      lastTop.item.item = itemText(doc, lastTop.textStart, end);
      continue;
    }
    // (a line going on with the list above it, （三）A。（四）B。 after （二）…: a one-line report cut at some of its markers only,
    // splits as a list opening at 1 does)
    const mark = m ? markerOf(doc.norm.slice(base + lead, base + lead + MARK_SPAN)) : null;
    const from: number = mark && lastMark && mark.family === lastMark.family && mark.n === lastMark.n + 1 ? mark.n : 1;
    const pieces: Span[] = unmarked ? unmarked.pieces : m ? inlineItems(doc.norm, base + lead, line.end, from) : [{ start: base + lead, end: line.end }];
    const lastPiece: { family: string; n: number } | null = m ? markerOf(doc.norm.slice(pieces[pieces.length - 1].start, pieces[pieces.length - 1].start + MARK_SPAN)) : null;
    lastMark = lastPiece && lastPiece.n > 0 ? lastPiece : null;
    const before = out.length;
    let textStart = -1;
    for (let k = 0; k < pieces.length; k++) {
      const p = pieces[k];
      const marker = ITEM_MARKER.exec(doc.norm.slice(p.start, p.end));
      let start = p.start + (marker ? marker[0].length : 0);
      // 1.问题一：A — the list's own label after the item's marker is no part of the item either
      if (marker) {
        // (…and a list's section title there, 1.存在问题：A。2.整改措施：B。: in a combined section it names the list of this
        // piece and those after it, as a paragraph's label does)
        const own = MARKED_LABEL.exec(doc.norm.slice(start, p.end));
        const ownKey = own && own[0].length < p.end - start ? bareListLabel(own[1]) ?? listTitle(own[1]) : null;
        // (…and the causes' label there after items, 1.存在问题：A。⏎2.原因分析：B。⏎3.改进措施：C: B is a cause, no problem —
        // the causes run to the next list's label, as after 原因分析： opening a paragraph; huntb49)
        if (!ownKey && own && out.length && compile(sec.list_causes, '').test(own[1])) {
          causes = true;
          causesAfter = null;
          continue;
        }
        if (ownKey) causes = false;
        else if (causes) continue;
        if (ownKey) {
          start += own![0].length;
          if (combined) list = ownKey;
          // (the list after it, 1.存在问题：一是A；二是B。, gives its items as a paragraph's label's does)
          const inner = inlineItems(doc.norm, start, p.end);
          if (inner.length > 1) {
            pieces.splice(k, 1, ...inner);
            k--;
            continue;
          }
        }
      }
      const end = closedAside(doc.norm, start, pieces.length > 1 ? trimEnd(doc.norm, start, p.end, INLINE_SEP) : trimEnd(doc.norm, start, p.end, LIST_SEP));
      const text = itemText(doc, start, end);
      if (!text) continue;
      // (a combined section's flat list, 1.经费不足。⏎2.建议加强队伍建设。: a suggestion, or a numbered next step's plan, starts
      // the improvements; not under a list's label)
      if (combined && list === undefined && (suggestion.test(doc.norm.slice(start, end)) || (marker && plan?.test(doc.norm.slice(start, end))))) list = 'improvements';
      textStart = start;
      out.push({ item: text, span: { start: p.start, end }, rule: pieces.length > 1 ? 'lists.inline' : m ? 'lists.item' : 'lists.paragraph', ...(list ? { list } : {}), ...(list === 'improvements' && stepTitled ? { stepTitled } : {}) });
    }
    if (family) topFamily ??= family;
    lastTop = family && family === topFamily && pieces.length === 1 && out.length === before + 1 ? { item: out[out.length - 1], textStart, list } : null;
  }
  return out;
}

/**
 * An item's string. A topic's title over its own numbered sub-list (`（一）经费保障不足 1.科普经费投入不足；2.…`, or the
 * sub-list on the lines under it) keeps a space before the sub-list, where its writer set the title apart: glued on,
 * `经费保障不足1.科普…` reads as one clause with a figure. The title is short and has no punctuation; its sub-list opens
 * at number 1 after white space, or glued on when a number 2 follows (a list, not a figure).
 */
/** `end` before a closing bracket ending the item with no opening one in it: the item was cut out of a bracket
 *  (1.A。（整改措施：B。） → B。, not B。）; huntb49). */
const CLOSE_END = /[)）]\s*$/;
const OPEN_BRACKET = /[(（]/;
function closedAside(norm: string, start: number, end: number): number {
  const close = CLOSE_END.exec(norm.slice(start, end));
  if (!close || OPEN_BRACKET.test(norm.slice(start, end))) return end;
  return trimEnd(norm, start, start + close.index, LIST_SEP);
}

function itemText(doc: KDocument, start: number, end: number): string {
  const head = /^\s*[^\s，,。；;:：!?！？“”"]{2,25}\s*/.exec(doc.norm.slice(start, Math.min(end, start + 40)));
  if (head) {
    for (let i = start + 2; i <= start + head[0].length; i++) {
      const mark = markerOf(doc.norm.slice(i, i + MARK_SPAN));
      if (!mark || mark.n !== 1) continue;
      const spaced = /\s/.test(doc.norm[i - 1]);
      // (glued: a Chinese-numeral marker inside a word, 不足一是, or a lone 1. after a word is no sub-list's start)
      if (!spaced && (/^[一二三四五六七八九十]/.test(doc.norm[i]) || inlineItems(doc.norm, i, end).length < 2)) continue;
      const title = cleanValue(doc.display.slice(start, i));
      if (title.length >= 2) return `${title} ${cleanValue(doc.display.slice(i, end))}`;
    }
  }
  return cleanValue(doc.display.slice(start, end));
}

// a lead-in up to its colon, no sentence closed before it, naming the points after it (以下问题：, 主要表现在以下几个方面：)
const UNMARKED_LEAD = /^[^:：“”。；;]{2,60}[:：]\s*/;

/** The items of an unnumbered list after a lead-in that names it (…还存在以下问题：A，…；B。; sections.yaml list_lead_in or
 *  以下/如下…): the lead-in and the clauses closed by ；, two or more of four characters at least; else null (a single sentence
 *  after the colon stays one item with its lead-in). */
function unmarkedList(norm: string, base: number, end: number, raw: string): { lead: string; pieces: Span[] } | null {
  const u = UNMARKED_LEAD.exec(raw);
  const namesPoints = compile(loadPatternFile<{ list_lead_names_points: string }>('sections.yaml').list_lead_names_points, '');
  if (!u || (!namesPoints.test(u[0]) && leadInList(u[0]) === undefined)) return null;
  const pieces: Span[] = [];
  let at = base + u[0].length;
  let depth = 0;
  for (let i = at; i < end; i++) {
    const ch = norm[i];
    if ('“（(「'.includes(ch)) depth++;
    else if ('”）)」'.includes(ch)) depth = Math.max(0, depth - 1);
    else if (!depth && (ch === '；' || ch === ';')) {
      pieces.push({ start: at, end: i + 1 });
      at = i + 1;
    }
  }
  if (norm.slice(at, end).trim()) pieces.push({ start: at, end });
  if (pieces.length < 2 || pieces.some((p) => norm.slice(p.start, p.end).replace(/[\s；;。]/g, '').length < 4)) return null;
  return { lead: u[0], pieces };
}

/** Is the next non-blank line after `line` a top heading of the outline (a second report's 一、 under its title)? */
function opensReport(doc: KDocument, line: Span): boolean {
  for (let i = firstSpanFrom(doc.lines, line.end); i < doc.lines.length; i++) {
    const l = doc.lines[i];
    if (l.start < line.end || !doc.norm.slice(l.start, l.end).trim()) continue;
    return doc.headings.some((x) => x.level === 1 && x.start >= l.start && x.start < l.end);
  }
  return false;
}

/** Is the text between two offsets a page's furniture inside one source line (a report pasted on one line: 一是经费投入 第 2 页
 *  共 3 页 不足；): furniture left out there and no line break? */
function pageCutLine(doc: KDocument, from: number, to: number): boolean {
  return !doc.norm.slice(from, to).includes('\n') && doc.excluded.some((x) => x.reason === 'page furniture' && x.start >= from && x.end <= to);
}

/** The text between two offsets without the page furniture excluded in it (page numbers, running titles). */
function withoutFurniture(doc: KDocument, start: number, end: number, text = doc.norm): string {
  let out = '';
  let at = start;
  for (const x of doc.excluded) {
    if (x.reason !== 'page furniture' || x.end <= start || x.start >= end) continue;
    if (x.start > at) out += text.slice(at, x.start);
    // (with its line's break: the lines around it are one paragraph's)
    at = Math.max(at, doc.norm[x.end] === '\n' ? x.end + 1 : x.end);
  }
  return out + text.slice(at, end);
}

/** A paragraph's opening sentence closed by 。 that leads in to the inline list right after it (但仍存在一些不足。一是…;
 *  sections.yaml list_lead_sentence), or null: a sentence stating a problem of its own (项目支出执行进度仍需提高。一是…) is
 *  the item's run-in title. */
function leadSentence(raw: string): RegExpExecArray | null {
  const m = SENTENCE_LEAD.exec(raw);
  return m && compile(loadPatternFile<{ list_lead_sentence: string }>('sections.yaml').list_lead_sentence, '').test(m[0]) ? m : null;
}

/** A paragraph's opening clause closed by a comma that says there are problems and leads in to the inline list right after
 *  it (通过自评发现，我会还存在一些不足，一是A，二是B。; sections.yaml list_lead_clause), or null: any other clause before 一是
 *  (部分项目，一是…) is the item's own text. */
function leadClause(raw: string): RegExpExecArray | null {
  const m = CLAUSE_LEAD.exec(raw);
  const clause = m ? m[0].replace(/[，,]\s*$/, '').split(/[，,]/).pop()!.replace(/\s+/g, '') : '';
  return m && compile(loadPatternFile<{ list_lead_clause: string }>('sections.yaml').list_lead_clause, '').test(clause) ? m : null;
}

/** Does a piece of a section open with a list's label (存在问题：A, 改进措施：B), or is it one alone (存在问题, 整改措施：)? (`only`:
 *  that list's) */
function opensWithListLabel(raw: string, only?: ListKey): boolean {
  const alone = raw.trim().replace(/[:：。]$/, '');
  const label = LIST_LABEL.exec(raw)?.[1];
  const key = (t: string) => sectionKey(t) ?? bareListLabel(t) ?? standaloneKey(t);
  return [alone.length <= 12 && !/[，,；;。]/.test(alone) ? alone : null, label].some((t) => !!t && (only ? key(t) === only : key(t) === 'problems' || key(t) === 'improvements'));
}

/** A line cut before each list label that follows a sentence's end in it (`。改进措施：`, `；问题：`; `labels`: only the
 *  numbered ones, `。问题二：`, in a section of one list, and the `other` list's title) and before the next step's inline list (`。下一步，一是…`; not
 *  looked for when `nextStep` is null). */
function splitAtListLabels(doc: KDocument, l: Span, nextStep: RegExp | null, labels: 'all' | 'numbered' = 'all', plan: RegExp | null = null, other: ListKey | null = null): Span[] {
  const raw = doc.norm.slice(l.start, l.end);
  const cuts: number[] = [];
  if (labels === 'all' || raw.includes('：') || raw.includes(':')) {
    const causes = compile(loadPatternFile<{ list_causes: string }>('sections.yaml').list_causes, '');
    for (const m of raw.matchAll(/[。；;]\s*([^:：，,。；;“”\d\s]{2,16}\d{0,2})[:：]/g)) {
      // (and before the causes' label, 。原因一：…, 。主要原因：…: they open the causes, no part of the item before)
      if (causes.test(m[1].replace(/\s+/g, ''))) {
        cuts.push(l.start + m.index! + 1);
        continue;
      }
      // (…or a sub-heading's marker opening it, …不够精准。（二）整改情况：已加强…, a one-line page's part of a combined section whose
      // title no heading's split knows: lists49)
      // (…or, in a problems section, the measures' whole title, …二是宣传力度不够。改进措施：1.…, a one-line paragraph listing
      // both: `other`; lists56)
      if (other && sectionKey(m[1]) === other && !/\d$/.test(m[1])) {
        cuts.push(l.start + m.index! + 1);
        continue;
      }
      if (labels === 'numbered' && !/[一二三四五六七八九十\d]$/.test(m[1]) && !/^[(（][一二三四五六七八九十]{1,2}[)）]/.test(m[1])) continue;
      const k = labels === 'numbered' ? bareListLabel(m[1]) : sectionKey(m[1]) ?? bareListLabel(m[1]);
      if (k === 'problems' || k === 'improvements') cuts.push(l.start + m.index! + 1);
    }
  }
  if (labels === 'all') {
    for (const m of raw.matchAll(MARKED_LIST_TITLE)) {
      const k = standaloneKey(m[1]);
      if ((k === 'problems' || k === 'improvements') && !cuts.includes(l.start + m.index! + 1)) cuts.push(l.start + m.index! + 1);
    }
  }
  // 。下一步，一是…: the next step's list after a sentence's end (not at the line's start: nothing to cut)
  for (let i = nextStep ? raw.indexOf('。') : -1; nextStep && i >= 0 && i + 1 < raw.length; i = raw.indexOf('。', i + 1)) {
    if (nextStep.test(raw.slice(i + 1))) cuts.push(l.start + i + 1);
  }
  // 。下一步，我们将…: the plan after a problem's sentence (`plan`: in a combined section), not inside one numbered item
  // (1.宣传力度不够。今后要加大宣传。 stays one item: its own remedy)
  for (let i = plan ? raw.indexOf('。') : -1; plan && i >= 0 && i + 1 < raw.length; i = raw.indexOf('。', i + 1)) {
    if (!plan.test(raw.slice(i + 1)) || cuts.includes(l.start + i + 1)) continue;
    if (ITEM_MARKER.test(raw) && inlineItems(doc.norm, l.start + raw.length - raw.trimStart().length, l.start + i + 1).length < 2) continue;
    cuts.push(l.start + i + 1);
  }
  cuts.sort((a, b) => a - b);
  if (!cuts.length) return [l];
  cuts.push(...pairedNext(raw, l.start, cuts));
  cuts.sort((a, b) => a - b);
  const points = [l.start, ...cuts, l.end];
  return points.slice(0, -1).map((p, i) => ({ start: p, end: points[i + 1] }));
}

/** Where a numbered item's next number opens after the measure its list's label cut off its line (`1.A。整改措施：B。2.C。整改措施：D。`,
 *  one line: before `2.`, as on a line of its own), each in a label's piece (`cuts`) that is no list of its own (`改进措施：1.C；2.D。`
 *  is: its 2 is the measures'). */
function pairedNext(raw: string, start: number, cuts: number[]): number[] {
  let own = markerOf(raw.trimStart());
  const out: number[] = [];
  if (!own) return out;
  for (const m of raw.matchAll(/[。；;]\s*/g)) {
    const at = m.index + m[0].length;
    const next = markerOf(raw.slice(at, at + MARK_SPAN));
    if (!next || next.family !== own.family || next.n !== own.n + 1) continue;
    const piece = cuts.filter((c) => c <= start + at).pop();
    const label = piece === undefined ? null : LIST_LABEL.exec(raw.slice(piece - start));
    if (!label || markerOf(raw.slice(piece! - start + label[0].length, piece! - start + label[0].length + MARK_SPAN))) continue;
    if (!cuts.includes(start + at)) out.push(start + at);
    own = next;
  }
  return out;
}

/**
 * In a combined section whose items carry no list's label (四、存在的问题及改进措施⏎1.A。⏎2.B。⏎1.C。⏎2.D。), the start of the
 * line where the numbering of the paragraphs opening with a marker restarts at 1 in the first one's family, once: the
 * problems are listed first, the measures after them. Paragraphs that each open an inline list (一是A；二是B。⏎一是C；二是D。)
 * count by their last number. -1 when the numbers run on, restart more than once, or the first run has a single item
 * (one problem over its own list). Lines in another family (sub-items) are passed over.
 */
function secondRun(doc: KDocument, lines: Span[], from: number, until: number, headingStarts: Set<number>): number {
  let family: string | null = null;
  let last = 0;
  let runs = 0;
  let at = -1;
  // (a first run of a single item, 1.A。⏎1.B。: only a closed sentence over a measure stated as one, below)
  let single: { problem: string; measure?: string } | null = null;
  const starts = [...headingStarts].filter((s) => s >= from);
  for (const l of lines) {
    if (l.start < from || l.start >= until || isExcluded(doc, l) || starts.some((s) => s >= l.start && s < l.end)) continue;
    const lead = doc.norm.slice(l.start, l.end).length - doc.norm.slice(l.start, l.end).trimStart().length;
    const mark = markerOf(doc.norm.slice(l.start + lead, l.start + lead + MARK_SPAN));
    // (an unnumbered topic's line between the runs, 经费方面⏎1.A⏎人才方面⏎1.B, or a lead-in naming no list: each run is a
    // topic's, no list of measures)
    if (!mark && runs && !/[。；;]\s*$/.test(doc.norm.slice(l.start, l.end))) return -1;
    if (!mark || mark.n === 0 || (family && mark.family !== family)) continue;
    family ??= mark.family;
    if (mark.n === 1) {
      if (runs === 1 && last < 2) single = { problem: doc.norm.slice(at, l.start) };
      if (++runs > 2) return -1;
      if (runs === 2) {
        at = l.start;
        if (single) single.measure = doc.norm.slice(l.start + lead, l.end).replace(ITEM_MARKER, '');
      } else at = l.start + lead;
    } else if (mark.n !== last + 1) return -1;
    const pieces = inlineItems(doc.norm, l.start + lead, l.end, mark.n);
    last = pieces.length > 1 ? markerOf(doc.norm.slice(pieces[pieces.length - 1].start, pieces[pieces.length - 1].start + MARK_SPAN))?.n ?? mark.n : mark.n;
  }
  if (runs !== 2) return -1;
  // a first run of one item may be one problem over its own list (1.经费保障不足。⏎1.县级财政投入少；⏎2.…): the second run is the
  // measures only when the first item is a closed sentence, no lead-in, and the second opens with a measure's verb (1.科普经费投入
  // 不足。⏎1.加强经费保障。; sections.yaml list_measure_opening)
  if (single && (!/[。；;.]\s*$/.test(single.problem) || !compile(loadPatternFile<{ list_measure_opening: string }>('sections.yaml').list_measure_opening, '').test(single.measure ?? ''))) return -1;
  return at;
}

/** True when the sub-heading on `line` has nothing under it before its section's end (its next sibling, a higher heading or
 *  `until`) but closing lines: no body, no sub-heading of its own. Not a title naming only an aspect (`topic`: 经费方面). */
function bodilessTitle(doc: KDocument, line: Span, until: number, topic: RegExp): boolean {
  const x = doc.headings.find((y) => y.start >= line.start && y.start < line.end);
  if (!x || x.start >= until || topic.test(x.title.replace(/\s+/g, ''))) return false;
  const end = Math.min(x.bodyEnd, until);
  for (let i = firstSpanFrom(doc.lines, x.end); i < doc.lines.length && doc.lines[i].start < end; i++) {
    const l = doc.lines[i];
    if (l.start < x.end || isExcluded(doc, l)) continue;
    const t = doc.norm.slice(l.start, l.end).trim();
    if (t && !closingLine(t)) return false;
  }
  return true;
}

/**
 * Numbered lines that are only titles, each followed by its unnumbered body (`一是科普经费不足⏎县科协科普经费主要依靠…。⏎
 * 二是专业人才缺乏⏎…`): labels like a sub-heading's title, the bodies are the items. Only when every numbered line of
 * the section is such a title over a body (`一是A⏎二是B⏎以上问题…` is a list of titles).
 */
/** The section's non-empty lines not excluded (indexes in doc.lines, in order) and a test whether a line holds one of its own
 *  heading starts (the section's, once: not the document's spread again for every line). */
function sectionLines(doc: KDocument, h: Heading, headingStarts: Set<number>): { lines: number[]; isHeading: (l: Span) => boolean } {
  const lines: number[] = [];
  for (let i = firstSpanFrom(doc.lines, h.end); i < doc.lines.length && doc.lines[i].start < h.bodyEnd; i++) {
    const l = doc.lines[i];
    if (!isExcluded(doc, l) && doc.norm.slice(l.start, l.end).trim()) lines.push(i);
  }
  const starts = [...headingStarts].filter((x) => x >= h.end && x < h.bodyEnd);
  return { lines, isHeading: (l) => starts.some((x) => x >= l.start && x < l.end) };
}

function titleLines(doc: KDocument, h: Heading, headingStarts: Set<number>): Set<number> {
  const section = sectionLines(doc, h, headingStarts);
  const body = section.lines.map((i) => doc.lines[i]);
  const isHeading = section.isHeading;
  const marked = (l: Span) => ITEM_MARKER.test(doc.norm.slice(l.start, l.end)) || isHeading(l);
  const out = new Set<number>();
  let clauses = 0;
  for (let i = 0; i < body.length; i++) {
    const l = body[i];
    if (isHeading(l)) continue;
    const raw = doc.norm.slice(l.start, l.end);
    const m = ITEM_MARKER.exec(raw);
    if (!m) continue;
    const title = raw.slice(m[0].length).trim();
    // (the last title with nothing under it but the report's closing lines is its own item, no label: 一是A⏎…。⏎二是B⏎特此报告。;
    // lists54, before every title and body was an item)
    const next = body[i + 1] && !closingLine(doc.norm.slice(body[i + 1].start, body[i + 1].end).trim()) ? body[i + 1] : undefined;
    // (a point in short clauses, 加强宣传，扩大影响, is such a title too)
    if (!title || title.length > TITLE_MAX || (/[。；;，,:：!?！？]/.test(title) && !clauseTitle(title))) return new Set();
    if (!next && out.size && body.slice(i + 1).every((b) => !ITEM_MARKER.test(doc.norm.slice(b.start, b.end)))) {
      if (/[，,]/.test(title)) clauses++;
      break;
    }
    // (nor a piece of one source line a page's furniture cut off, 一是经费投入 第 2 页 共 3 页 不足；…: the body is no line under it)
    // (nor a page's full line broken inside a word, 1.加强项目论证，细化预算编制，提高预⏎算执行的均衡性。: a sentence going on; lists53)
    if (!next || marked(next) || !doc.norm.slice(l.end, next.start).includes('\n')) return new Set();
    if (brokenInWord(title, doc.norm.slice(next.start, next.end).trim())) return new Set();
    out.add(l.start);
    if (/[，,]/.test(title)) clauses++;
  }
  // (titles in clauses only as a list of two or more: one such line over a paragraph may be an item of its own)
  return clauses === 1 ? new Set() : out;
}
const TITLE_MAX = 25;

/**
 * Unnumbered lines that are only titles, each over its own paragraph (`预算编制不够精细⏎部分项目年中调整较多，…。⏎宣传力度不够⏎…。`:
 * a sub-heading's bold lost to a plain line): labels as numbered titles are, the paragraphs the items (lists53). Only when every
 * title stands after a sentence's end over a paragraph, no line is numbered, and there are two at least. (lists54: also after
 * paragraphs of no title, each closed by a sentence's end or a lead-in's colon — a body with no title stays an item, a lead-in none
 * —, and with the last title bodiless, its own item; the report's closing lines end the section, as they end its items.)
 */
function bareTitleLines(doc: KDocument, h: Heading, headingStarts: Set<number>): Set<number> {
  const { lines, isHeading } = sectionLines(doc, h, headingStarts);
  const text = (i: number) => doc.norm.slice(doc.lines[i].start, doc.lines[i].end).trim();
  const out = new Set<number>();
  let titles = 0;
  let closed = true;
  let bodyUnder = true;
  let last = -1;
  for (const i of lines) {
    const t = text(i);
    if (closingLine(t)) break;
    if (isHeading(doc.lines[i]) || ITEM_MARKER.test(t)) return new Set();
    const title = closed && BARE_TITLE.test(t);
    if (title && !bodyUnder) return new Set();
    if (title) {
      titles++;
      last = doc.lines[i].start;
      out.add(last);
    }
    bodyUnder = !title;
    closed = /[。！？!?；;]$/.test(t) || (!titles && /[:：]$/.test(t));
  }
  // (the last title with no paragraph under it is a point of its own, no label: after two titles over their bodies at least)
  if (!bodyUnder) out.delete(last);
  return out.size >= 2 && (closed || !bodyUnder) ? out : new Set();
}
const BARE_TITLE = /^[^，,。；;:：!?！？、“”"\s.．（）()]{2,16}$/;

/**
 * Numbered lines each a point stated in one short closed sentence (（一）科普经费投入不足。) over one unnumbered paragraph of its
 * own, the next line numbered again or the section's end (two such points at least, every numbered line so): each point's
 * line index in doc.lines to its body's start. The paragraph is the point's body, part of its item as on one line (2.强化管理。严格执行财务制度。);
 * before, each body was an item of its own (session 45).
 */
function closedTitleLines(doc: KDocument, h: Heading, headingStarts: Set<number>): Map<number, number> {
  const { lines: body, isHeading: inside } = sectionLines(doc, h, headingStarts);
  const out = new Map<number, number>();
  for (let k = 0; k < body.length; k++) {
    const l = doc.lines[body[k]];
    const raw = doc.norm.slice(l.start, l.end);
    const m = inside(l) ? null : ITEM_MARKER.exec(raw);
    if (!m) {
      // (an unnumbered line is a body only right under such a point)
      if (!out.has(body[k - 1] ?? -1)) return new Map();
      continue;
    }
    const title = raw.slice(m[0].length).trim();
    const next = body[k + 1] !== undefined ? doc.lines[body[k + 1]] : null;
    if (!next || !/^[^。；;，,:：!?！？、]{2,25}。$/.test(title) || ITEM_MARKER.test(doc.norm.slice(next.start, next.end)) || inside(next) || /\n\s*\n/.test(doc.norm.slice(l.end, next.start))) return new Map();
    const after = body[k + 2] !== undefined ? doc.lines[body[k + 2]] : null;
    if (after && !ITEM_MARKER.test(doc.norm.slice(after.start, after.end))) return new Map();
    out.set(body[k], next.start);
  }
  return out.size >= 2 ? out : new Map();
}


const BRACKETED = new Set(['paren', 'paren-cn']);
// markers in words (一是, 一要): no figure, so a space before the next one separates as punctuation would
const WORDED = new Set(['shi', 'yao']);
// …and numbered ones whose marker ends in a mark (1. 1、 1）) followed by the item's first word
const SPACED_NUMBERED = new Set(['dot', 'half-paren']);
const REF_BEFORE = /[第如见按照据依在同及和与至、]/;
const REF_AFTER = /^(?:[(（] ?(?:\d{1,2}|[一二三四五六七八九十]) ?[)）]|[⑴-⒇㈠-㈩])\s*(?:[项条款号类档级段点部中所]|之)/;

/** The marker at `i` inside a paragraph (markerOf), not the 一方面 of a 另一方面 read from its second character. */
function markerAt(norm: string, i: number): { family: string; n: number } | null {
  const m = markerOf(norm.slice(i, i + MARK_SPAN));
  return m && m.family === 'aspect' && m.n === 1 && norm[i - 1] === '另' ? null : m;
}

/** Split a paragraph that starts with marker 1 at each next marker of the same family (2, 3, …) that follows a
 *  clause boundary. Anything else — no marker 1, no marker 2 — is one piece. */
function inlineItems(norm: string, start: number, end: number, from = 1): Span[] {
  const first = markerOf(norm.slice(start, start + MARK_SPAN));
  if (!first || first.n !== from) return [{ start, end }];
  const cuts = [start];
  let want = from + 1;
  let prev = ''; // the last non-space character before i
  let quoted = 0; // inside “…” a marker is quoted text, not the list's
  let straight = false;
  for (let i = start + 1; i < end; prev = /\s/.test(norm[i]) ? prev : norm[i], i++) {
    if ('“「『'.includes(norm[i])) quoted++;
    else if ('”」』'.includes(norm[i])) quoted = Math.max(0, quoted - 1);
    // straight quotes (a half-width copy: "一是一、二是二") open and close alike: one opens when another closes it in the paragraph
    else if (norm[i] === '"') {
      const close = norm.indexOf('"', i + 1);
      straight = !straight && close > 0 && close < end;
    }
    if (quoted || straight) continue;
    const m = markerAt(norm, i);
    // a list inside an item (…项目一是…，二是…；二是…): which 二是 ends the item cannot be told, so no split
    if (m && m.family === first.family && m.n === 1) return [{ start, end }];
    // (a bracketed marker needs no separator before it, as lists are typed without one: （1）A（2）B（3）C。; not a reference,
    // 第（二）项, 如（2）所述, 参照（2）号文件)
    // (nor does a worded marker after a space, 一是经费不足 二是人才缺乏: the space is the writer's separator)
    // (…and so does a numbered one, 1.经费不足 2.人才缺乏 3.宣传不够, a PDF's or a web page's list run on one line, its words going on
    // right after it: not a figure, 于 2、3月份, 提高 2.5, the page's spaces around a number; lists50, before one item with 2. and 3.
    // glued into it)
    const spaced = !!m && m.n === want && /\s/.test(norm[i - 1]) && /[\u4e00-\u9fa5]/.test(prev) && (WORDED.has(m.family) || (SPACED_NUMBERED.has(m.family) && /^\d{1,2} ?[.、．)）][\u4e00-\u9fa5]/.test(norm.slice(i, i + 5))));
    if (!spaced && !/[；;。，,:：]/.test(prev || norm[start]) && !(m && BRACKETED.has(m.family) && m.n === want && /[\u4e00-\u9fa5]/.test(prev) && !REF_BEFORE.test(prev) && !REF_AFTER.test(norm.slice(i, i + 8)))) continue;
    if (m && m.family === first.family && (m.n === want || (m.n === 0 && want >= 2))) {
      cuts.push(i);
      // (最后 ends the sequence)
      want = m.n === 0 ? Infinity : want + 1;
    }
  }
  if (cuts.length < 2) return [{ start, end }];
  return cuts.map((c, k) => ({ start: c, end: k + 1 < cuts.length ? cuts[k + 1] : end }));
}

/** Where the next marker of an inline list (`last`'s family, its next number) opens after a separator in a line, or -1. */
function nextMarkerIn(norm: string, start: number, end: number, last: { family: string; n: number }): number {
  for (let i = start + 1; i < end; i++) {
    const m = markerAt(norm, i);
    // (a list inside the item, …如一是…；二是…: which 二是 ends the item cannot be told, as in inlineItems)
    if (m && m.family === last.family && m.n === 1) return -1;
    if (m && m.family === last.family && m.n === last.n + 1 && /[；;。，,]/.test(norm[i - 1])) return i;
  }
  return -1;
}

/** End of an item without its trailing separator: after an inline item the one before the next marker (INLINE_SEP: ；，：,
 *  spaces included; 。 is kept); after an item on its own line the list's ； only (LIST_SEP: 。 and a clause's ， stay, the
 *  line may go on), so both kinds read alike. */
const INLINE_SEP = /[\s；;，,:：]/;
const LIST_SEP = /[\s；;]/;
function trimEnd(norm: string, start: number, end: number, sep: RegExp): number {
  let e = end;
  while (e > start && sep.test(norm[e - 1])) e--;
  return e;
}
