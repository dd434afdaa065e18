// A staffing table headed by the bare words 在职 / 离休 / 退休 (`年末实有人数⇥在职⇥离休⇥退休⏎10⇥7⇥1⇥2`). The tables stage
// reads only the named columns (在职人数, 退休人数, tables.yaml staffing_columns); the bare words also head the columns of
// money tables (人员经费 by 在职/退休, a 基本支出表's 在职人员 column), so such a header is read here only when the table
// shows that it counts people (patterns/staffing.yaml `table`): a head-count column beside the bare words, no money unit
// over the table or in its header, no money caption, and a row of whole numbers right under the header.
import type { Fact, KDocument, Table, TableCell } from '../document.js';
import { isExcluded } from '../document.js';
import { compile, loadPatternFile } from '../patterns.js';
import { toCount } from '../normalise/numbers.js';
import { tableVocab } from '../structure/tableVocab.js';
import { CN_COUNT_CELL, staffingPath } from './tableReading.js';
import { otherYearAt } from './engine.js';

interface TableRules {
  bare: { path: string; regex: string }[];
  headcount: string;
  people_unit: string;
  money: string;
  money_caption: string;
  base_data_caption: string;
  count: string;
  row_header: string;
  other_count: string;
}

const keyOf = (doc: KDocument, c: TableCell | undefined) => (c ? doc.norm.slice(c.start, c.end).replace(/[\s\u3000\u00a0]+/g, '') : '');

/** Adds the counts of bare-word staffing tables for paths no other fact has filled. */
export function staffingTableFacts(doc: KDocument): void {
  if (doc.reportKind === 'project_self_eval') return;
  const file = loadPatternFile<{ table: TableRules; sentence_year?: string; section_year?: string }>('staffing.yaml');
  const rules = file.table;
  // (under a section titled with another year, 二、2022年度人员情况: that year's counts, as the prose's — acts52)
  const otherYear = (at: number) => otherYearAt(doc, at, { section_year: file.section_year });
  pairLine(doc, rules, otherYear);
  for (const t of doc.tables) {
    if (moneyTable(doc, t, rules) || otherYear(t.start)) continue;
    for (let ri = 0; ri + 1 < t.rows.length; ri++) {
      const header = t.rows[ri];
      const keys = header.map((c) => (c.merged ? '' : keyOf(doc, c)));
      const cols = new Map<string, number>();
      keys.forEach((k, i) => {
        const b = rules.bare.find((x) => compile(x.regex, '').test(k));
        if (b && !cols.has(b.path)) cols.set(b.path, i);
      });
      if (!cols.size) continue;
      // the named columns of the same header (编制数, 在职人数) with them
      keys.forEach((k, i) => {
        const n = tableVocab().staffingColumns.find((c) => c.re.test(k));
        if (n && !cols.has(n.path)) cols.set(n.path, i);
      });
      // a head-count column beside them (年末实有人数, 编制数) or people as the stated unit (合计（人）, 单位：人)
      const people = keys.some((k) => compile(rules.headcount, '').test(k)) || compile(rules.people_unit, '').test(linesAbove(doc, t) + keys.join('|'));
      if (!people || keys.some((k) => compile(rules.money, '').test(k))) continue;
      // the row under the header: whole numbers only (a label cell, 人员经费⇥120⇥96, or a decimal is a money row)
      const row = t.rows[ri + 1];
      const filled = row.filter((c) => !c.merged && keyOf(doc, c) !== '');
      if (filled.length < 2 || !filled.every((c) => isCount(keyOf(doc, c), rules))) continue;
      for (const [path, col] of cols) {
        const cell = row[col];
        if (!cell || cell.merged) continue;
        const value = toCount(keyOf(doc, cell).replace(/[人名]$/, ''));
        if (value === null || doc.facts.some((f) => f.path === path)) continue;
        const fact: Fact = { path, value, span: { start: cell.start, end: cell.end }, rule: `table.staffing.bare.${path.split('/').pop()}`, source: 'table' };
        doc.facts.push(fact);
      }
      break;
    }
    labelRows(doc, t, rules);
  }
}

/** A staffing table set out as label rows (项目⇥人数 ⏎ 编制数⇥7 ⏎ 在职人数⇥6 ⏎ 退休人数⇥3): two or more rows whose label is a
 *  staffing column's name (or a bare word) and whose only other filled cell is a whole number; a header row above them, if
 *  any, names people (人数), not money; with a bare word among the labels that header is needed. */
function labelRows(doc: KDocument, t: Table, rules: TableRules): void {
  const found: { path: string; cell: TableCell }[] = [];
  let header: TableCell[] | null = null;
  let bare = false;
  for (const row of t.rows) {
    const filled = row.filter((c) => !c.merged && keyOf(doc, c) !== '');
    const label = filled.length === 2 ? keyOf(doc, filled[0]) : '';
    // (编制数（人）⇥8: the label may state its unit)
    const named = label ? (staffingPath(label) ?? undefined) : undefined;
    const path = named ?? (label ? rules.bare.find((x) => compile(x.regex, '').test(label))?.path : undefined);
    // (离休⇥1: a count of its own, no field)
    if (label && compile(rules.other_count, '').test(label) && isCount(keyOf(doc, filled[1]), rules)) continue;
    if (path && isCount(keyOf(doc, filled[1]), rules)) {
      if (!named) bare = true;
      if (!found.some((x) => x.path === path)) found.push({ path, cell: filled[1] });
      continue;
    }
    if (found.length || header) return; // a row of another kind among them: not such a table
    header = row;
  }
  if (found.length < 2) return;
  // (a bare word, 在职⇥6, says what it counts only under a header naming people)
  const people = header !== null && header.some((c) => compile(rules.row_header, '').test(keyOf(doc, c)));
  if ((header && !people) || (bare && !people)) return;
  for (const { path, cell } of found) {
    if (doc.facts.some((f) => f.path === path)) continue;
    const value = toCount(keyOf(doc, cell).replace(/[人名]$/, ''));
    if (value === null) continue;
    doc.facts.push({ path, value, span: { start: cell.start, end: cell.end }, rule: `table.staffing.rows.${path.split('/').pop()}`, source: 'table' });
  }
}

/** A 基础数据表's staffing row alone on its line (编制数⇥8⇥实际在职人数⇥7⇥退休人数⇥3, or its cells set apart by spaces): one line is no table (a grid has two rows),
 *  but a line of nothing but named staffing labels (staffingPath: 编制数, 在职人数 …; not a bare 在职) each with a whole count in
 *  the cell after it says what each count is, as the same pairs over two rows do. Not a row of a table (its columns' reading
 *  is the table's), nor a line with any other cell (在职人数⇥7⇥6: two columns of figures). */
function pairLine(doc: KDocument, rules: TableRules, otherYear: (at: number) => boolean): void {
  // (编制数 8 实际在职人数 7 退休人数 3: a PDF's text layer keeps the cells apart by single spaces)
  const re = /^[^\n]*[\t \u3000][^\n]*$/gm;
  for (let m = re.exec(doc.norm); m; m = re.exec(doc.norm)) {
    const start = m.index;
    const span = { start, end: start + m[0].length };
    if (isExcluded(doc, span) || doc.tables.some((t) => span.start < t.end && span.end > t.start)) continue;
    const cells: TableCell[] = [];
    for (const c of m[0].matchAll(m[0].includes('\t') ? /[^\t]+/g : /[^ \u3000]+/g)) {
      const text = c[0].trim();
      if (!text) continue;
      const at = start + c.index! + c[0].indexOf(text);
      cells.push({ start: at, end: at + text.length, text });
    }
    if (cells.length < 4 || cells.length % 2) continue;
    const pairs: { path: string; cell: TableCell }[] = [];
    for (let i = 0; i < cells.length; i += 2) {
      const path = staffingPath(keyOf(doc, cells[i]));
      // (编制数⇥8⇥实有人数⇥10⇥在职人数⇥7: a head count that may hold retirees, or 离休, is a staffing pair that fills nothing)
      if (!path && isCount(keyOf(doc, cells[i + 1]), rules) && (compile(rules.headcount, '').test(keyOf(doc, cells[i])) || compile(rules.other_count, '').test(keyOf(doc, cells[i])))) continue;
      if (!path || !isCount(keyOf(doc, cells[i + 1]), rules) || pairs.some((p) => p.path === path)) {
        pairs.length = 0;
        break;
      }
      pairs.push({ path, cell: cells[i + 1] });
    }
    if (pairs.length && otherYear(start)) continue;
    for (const { path, cell } of pairs) {
      if (doc.facts.some((f) => f.path === path)) continue;
      const value = toCount(keyOf(doc, cell).replace(/[人名]$/, ''));
      if (value !== null) doc.facts.push({ path, value, span: { start: cell.start, end: cell.end }, rule: `table.staffing.pairs.${path.split('/').pop()}`, source: 'table' });
    }
  }
}

/** A whole count (8, 8人), also in Chinese numerals (八, 十二人: a form filled by hand). */
const isCount = (k: string, rules: TableRules) => compile(rules.count, '').test(k) || CN_COUNT_CELL.test(k);

/** The table's caption or the lines right above it name money (单位：万元, 基本支出决算表). */
function moneyTable(doc: KDocument, t: Table, rules: TableRules): boolean {
  const caption = (t.caption ?? '').replace(/\s+/g, '');
  if (caption && compile(rules.money_caption, '').test(caption) && !compile(rules.base_data_caption, '').test(caption)) return true;
  return compile(rules.money, '').test(linesAbove(doc, t));
}

/** The two non-blank lines above the table (its unit line, its caption), whitespace removed. */
function linesAbove(doc: KDocument, t: Table): string {
  const before = doc.norm.slice(Math.max(0, t.start - 200), t.start).split('\n');
  return before.filter((l) => l.trim()).slice(-2).join('|').replace(/[\s\u3000\u00a0]+/g, '');
}
