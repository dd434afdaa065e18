// A 自评表's goals block laid out in columns of spaces (pdftotext -layout, or an editor's copy) that the layout reader left as
// lines (`年度总体目标      预期目标            实际完成情况⏎        举办…1次，开展科技      举办…1次，开展科技⏎        教育进校园活动20场。
// 教育进校园活动23场，…`): read as prose, the target column's counts were recorded as activities. Its header names both columns,
// and every line under it standing in them (indented past the label, one piece per column) is a cell's line: the target's
// pieces are one cell, the achieved's the other, read as the tab-separated form is. Where the block ends must be sure: a line
// back at the margin, a blank line, an indicator header, another table, a section's title or the end of the text.
import type { Line, Span, Table, TableCell } from '../document.js';
import { indicatorColumnField, tableVocab } from './tableVocab.js';
import { freeLine, squeeze } from './cellLines.js';

export interface Piece {
  /** offset in the text */
  start: number;
  end: number;
  text: string;
  /** its column in characters, and in display width (a CJK character counted twice, as an editor aligns them) */
  col: number;
  width: number;
}

/** a character an editor sets two columns wide (CJK, full-width forms; not half-width katakana) */
export const wide = (ch: string) => /[\u1100-\uffff]/.test(ch) && !/[\uff61-\uff9f]/.test(ch);

/** A line's runs of text set apart by two or more spaces (or a full-width space). */
export function piecesOf(l: Line): Piece[] {
  const out: Piece[] = [];
  const re = /\S+(?:[ \u00a0]\S+)*/g;
  let m: RegExpExecArray | null;
  // (the display width counted on from the last piece: one pass over the line)
  let width = 0;
  let at = 0;
  while ((m = re.exec(l.text))) {
    for (; at < m.index; at++) width += wide(l.text[at]) ? 2 : 1;
    out.push({ start: l.start + m.index, end: l.start + m.index + m[0].length, text: m[0], col: m.index, width });
  }
  return out;
}


export function spacedGoalLines(text: string, lines: Line[], taken: Span[]): Table[] {
  const v = tableVocab();
  const free = freeLine(taken);
  const out: Table[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!free(lines[i])) continue;
    let head = piecesOf(lines[i]);
    const isLabel = (p: Piece) => v.goalLabels.target.test(squeeze(p.text));
    const columns = (t: Piece, a: Piece) => v.goalColumns.target.test(squeeze(t.text)) && v.goalColumns.achieved.test(squeeze(a.text));
    // (or the two column words alone, the block's label merged down its rows standing left of them on a line under the
    // header: `          预期目标          实际完成情况⏎年度总体目标  组织…1次，开展    组织…1次，开展⏎          科技…20场。   科技…26场。`)
    let label: Piece | null = null;
    if (head.length === 3 && isLabel(head[0]) && columns(head[1], head[2])) label = head[0];
    else if (head.length === 2 && columns(head[0], head[1])) head = [head[0], ...head];
    else continue;
    const target: Piece[] = [];
    const achieved: Piece[] = [];
    let j = i + 1;
    let ok = true;
    for (; j < lines.length; j++) {
      const l = lines[j];
      if (!l.text.trim() || !free(l)) break;
      let ps = piecesOf(l);
      if (!label && ps.length > 1 && isLabel(ps[0]) && ps[0].col < head[1].col - 2) [label, ...ps] = ps;
      const k = squeeze(l.text);
      // (past the label's column in characters or in display width: a line after the label counted both ways)
      if ((ps[0].col < head[1].col - 2 && ps[0].width < head[1].width - 2) || v.indicatorColumnsAny?.test(k) || v.indicatorLevelColumn?.test(k)) break;
      if (ps.length > 2) {
        ok = false;
        break;
      }
      if (ps.length === 2) {
        target.push(ps[0]);
        achieved.push(ps[1]);
        continue;
      }
      // (one piece: the column whose header it stands nearer, the same in characters and in display width)
      const near = (f: 'col' | 'width') => (Math.abs(ps[0][f] - head[1][f]) <= Math.abs(ps[0][f] - head[2][f]) ? target : achieved);
      if (near('col') !== near('width')) {
        ok = false;
        break;
      }
      near('col').push(ps[0]);
    }
    if (!ok || !target.length || !label) continue;
    const joined = (ps: Piece[], at: number): TableCell =>
      ps.length ? { start: ps[0].start, end: ps[ps.length - 1].end, text: ps.map((p) => p.text).join('\n') } : { start: at, end: at, text: '' };
    const hdr = [label, head[1], head[2]].map((p): TableCell => ({ start: p.start, end: p.end, text: p.text }));
    const rows: TableCell[][] = [hdr, [{ start: hdr[0].end, end: hdr[0].end, text: '' }, joined(target, hdr[1].end), joined(achieved, hdr[2].end)]];
    out.push({ start: lines[i].start + head[0].col, end: lines[j - 1].end, rows, origin: 'tsv' });
    i = j - 1;
  }
  return out;
}

/**
 * The goals set out as label rows laid out in spaces (`年度总体目标      开展科普活动30场，…`, maybe `实际完成情况      全年开展…`
 * beside it or on the line under it; no tab, so no grid was found): read as prose, the target's counts were activities. A line
 * opening with the target label (goal_labels) and its text one piece after it, or both labels each with its text, is the row
 * the tab-separated form has; the lines under a text standing in its column (indented to it, one piece) are its wrapped rest,
 * and a line opening with the achieved label and its text is the achieved row. The first line of another shape ends it.
 */
export function spacedGoalLabelRows(text: string, lines: Line[], taken: Span[]): Table[] {
  const v = tableVocab();
  const free = freeLine(taken);
  const out: Table[] = [];
  const label = (p: Piece, re: RegExp) => re.test(squeeze(p.text));
  // (a text, not a column's header word nor a bare figure)
  const isText = (p: Piece) => !v.goalColumns.target.test(squeeze(p.text)) && !v.goalColumns.achieved.test(squeeze(p.text)) && !/^[\d.,%％\s]+$/.test(p.text);
  /** the row at line `i` (its label, its text's pieces), the text's wrapped lines under it taken: [row cells, next line] */
  const rowAt = (i: number, re: RegExp): [TableCell[], number] | null => {
    const ps = piecesOf(lines[i]);
    // (the target's row may hold the achieved label and its text too: four pieces)
    const shape = ps.length === 2 || (ps.length === 4 && re === v.goalLabels.target && label(ps[2], v.goalLabels.achieved) && isText(ps[3]));
    // (or the label wrapped in its narrow column, its rest opening the line under it left of the text: 年度总体⏎目标)
    const under = shape && ps.length === 2 && !label(ps[0], re) && i + 1 < lines.length && free(lines[i + 1]) ? piecesOf(lines[i + 1])[0] : undefined;
    const tail = under && under.col < ps[1].col - 2 && under.width < ps[1].width - 2 && re.test(squeeze(ps[0].text) + squeeze(under.text)) ? under : null;
    if (!shape || !(tail || label(ps[0], re)) || !isText(ps[1])) return null;
    const texts = ps.length === 2 ? [[ps[1]]] : [[ps[1]], [ps[3]]];
    const heads = texts.map((t) => t[0]);
    let j = i + 1;
    for (; j < lines.length && lines[j].text.trim() && free(lines[j]); j++) {
      const more = piecesOf(lines[j]).filter((p) => p.start !== tail?.start);
      // (each piece under a text's column, past the label's, the same in characters and in display width)
      const near = (p: Piece, f: 'col' | 'width') => heads.reduce((b, h, k) => (Math.abs(p[f] - h[f]) < Math.abs(p[f] - heads[b][f]) ? k : b), 0);
      const at = more.map((p) => (p.col >= heads[0].col - 2 && p.width >= heads[0].width - 2 && near(p, 'col') === near(p, 'width') ? near(p, 'col') : -1));
      if (more.length > heads.length || at.some((k, n) => k < 0 || at.indexOf(k) !== n)) break;
      at.forEach((k, n) => texts[k].push(more[n]));
    }
    // (the label's rest on a line whose text stands elsewhere: no row of this shape)
    if (tail && j < i + 2) return null;
    const cell = (p: Piece): TableCell => ({ start: p.start, end: p.end, text: p.text });
    const joined = (ps: Piece[]): TableCell => ({ start: ps[0].start, end: ps[ps.length - 1].end, text: ps.map((p) => p.text).join('\n') });
    const head = tail ? { start: ps[0].start, end: tail.end, text: `${ps[0].text}\n${tail.text}` } : cell(ps[0]);
    return [ps.length === 2 ? [head, joined(texts[0])] : [head, joined(texts[0]), cell(ps[2]), joined(texts[1])], j];
  };
  for (let i = 0; i < lines.length; i++) {
    // (cheap first: the label's word, on the line or, the label wrapped, on the line under it)
    if (!(lines[i].text.includes('目标') || lines[i + 1]?.text.includes('目标')) || !free(lines[i])) continue;
    const target = rowAt(i, v.goalLabels.target);
    if (!target) continue;
    const rows = [target[0]];
    let next = target[1];
    const achieved = rows[0].length === 2 && next < lines.length && free(lines[next]) ? rowAt(next, v.goalLabels.achieved) : null;
    if (achieved) [rows[1], next] = achieved;
    const last = rows[rows.length - 1];
    out.push({ start: rows[0][0].start, end: last[last.length - 1].end, rows, origin: 'tsv' });
    i = next - 1;
  }
  return out;
}

/**
 * A 绩效指标 block laid out in columns of spaces that the layout reader left as lines (its level cells merged down several
 * rows, a name or a level wrapped: `一级指标   二级指标   三级指标   年度指标值   实际完成值   分值   得分 ⏎ 数量指标   科技创新大赛次数   1 次
 * 1 次   15   15 ⏎ 产出指标 …`): read as prose, a row's target or actual was taken for an activity (科技创新大赛次数 1次). From its
 * header (every piece a column word of the block, a level or name column and a value column among them) to its 总分 row, the
 * lines are the form's: a table of the header (its rows not told apart, no indicator read) and the 总分 row when each of its
 * figures stands under one header word, the same in characters and in display width. A page break's blank line or two
 * inside it is passed over when a columned line or the 总分 row comes next. With no 总分 row before a blank line, a line back
 * in prose or the end, nothing is taken.
 */
/** The indicator column a header piece names (tables.yaml indicator_columns), `level` for a level column naming no level. */
export function pieceField(p: Piece): string | null {
  return indicatorColumnField(squeeze(p.text));
}

export function spacedIndicatorLines(text: string, lines: Line[], taken: Span[]): Table[] {
  const v = tableVocab();
  const free = freeLine(taken);
  const out: Table[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!free(lines[i]) || !lines[i].text.includes('  ')) continue;
    const head = piecesOf(lines[i]);
    if (head.length < 5) continue;
    const fields = head.map(pieceField);
    if (fields.some((f) => f === null) || !fields.some((f) => f === 'level1' || f === 'level3' || f === 'level') || !fields.some((f) => f === 'target' || f === 'actual') || !fields.some((f) => f === 'weight' || f === 'score')) continue;
    let j = i + 1;
    for (; j < lines.length && j <= i + 60; j++) {
      const l = lines[j];
      if (!l.text.trim()) {
        // a page break inside the block (a blank line or two): the block goes on if a columned line or the 总分 row follows
        const k = lines.findIndex((x, n) => n > j && x.text.trim() !== '');
        if (k < 0 || k > j + 2 || !free(lines[k]) || !(piecesOf(lines[k]).length >= 2 || v.totalRow.test(squeeze(piecesOf(lines[k])[0].text)))) break;
        j = k - 1;
        continue;
      }
      if (!free(l)) break;
      if (v.totalRow.test(squeeze(piecesOf(l)[0].text))) break;
    }
    if (j >= lines.length || j > i + 60 || !lines[j].text.trim() || !free(lines[j])) continue;
    const total = piecesOf(lines[j]);
    // (a figure's column: the header word it stands under, its middle within the word's reach; counted in characters or in
    // display width, whichever grid places every figure under a word of its own — one, not both)
    const span = (t: string, f: 'col' | 'width') => (f === 'col' ? t.length : [...t].reduce((n, ch) => n + (wide(ch) ? 2 : 1), 0));
    const under = (p: Piece, f: 'col' | 'width') => {
      const mid = p[f] + span(p.text, f) / 2;
      const ks = head.map((h, k) => (k > 0 && mid >= h[f] - 2 && mid <= h[f] + span(h.text, f) + 2 ? k : -1)).filter((k) => k > 0);
      return ks.length === 1 ? ks[0] : -1;
    };
    const placing = (f: 'col' | 'width') => {
      const ks = total.slice(1).map((p) => under(p, f));
      return ks.length && ks.every((k, n) => k > 0 && ks.indexOf(k) === n) ? ks : null;
    };
    const byCol = placing('col');
    const byWidth = placing('width');
    const ks = byCol && !byWidth ? byCol : byWidth && !byCol ? byWidth : byCol && byWidth && byCol.join() === byWidth.join() ? byCol : null;
    const cells: TableCell[] = head.map((h) => ({ start: h.end, end: h.end, text: '' }));
    cells[0] = { start: total[0].start, end: total[0].end, text: total[0].text };
    if (ks) total.slice(1).forEach((p, n) => (cells[ks[n]] = { start: p.start, end: p.end, text: p.text }));
    const hdr = head.map((p): TableCell => ({ start: p.start, end: p.end, text: p.text }));
    out.push({ start: hdr[0].start, end: lines[j].end, rows: ks ? [hdr, cells] : [hdr], origin: 'tsv' });
    i = j;
  }
  return out;
}
