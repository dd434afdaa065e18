// A 自评表's goals block laid out in columns of spaces (pdftotext -layout, or an editor's copy) that the layout reader left as
// lines (`年度总体目标      预期目标            实际完成情况⏎        举办…1次，开展科技      举办…1次，开展科技⏎        教育进校园活动20场。
// 教育进校园活动23场，…`): read as prose, the target column's counts were recorded as activities. Its header names both columns,
// and every line under it standing in them (indented past the label, one piece per column) is a cell's line: the target's
// pieces are one cell, the achieved's the other, read as the tab-separated form is. Where the block ends must be sure: a line
// back at the margin, a blank line, an indicator header, another table, a section's title or the end of the text.
import type { Line, Span, Table, TableCell } from '../document.js';
import { tableVocab } from './tableVocab.js';
import { freeLine, squeeze } from './cellLines.js';

interface Piece {
  /** offset in the text */
  start: number;
  end: number;
  text: string;
  /** its column in characters, and in display width (a CJK character counted twice, as an editor aligns them) */
  col: number;
  width: number;
}

const wide = (ch: string) => /[\u1100-\uffff]/.test(ch) && !/[\uff61-\uff9f]/.test(ch);

/** A line's runs of text set apart by two or more spaces (or a full-width space). */
function piecesOf(l: Line): Piece[] {
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
    const head = piecesOf(lines[i]);
    if (head.length !== 3 || !v.goalLabels.target.test(squeeze(head[0].text)) || !v.goalColumns.target.test(squeeze(head[1].text)) || !v.goalColumns.achieved.test(squeeze(head[2].text))) continue;
    const target: Piece[] = [];
    const achieved: Piece[] = [];
    let j = i + 1;
    let ok = true;
    for (; j < lines.length; j++) {
      const l = lines[j];
      if (!l.text.trim() || !free(l)) break;
      const ps = piecesOf(l);
      const k = squeeze(l.text);
      if (ps[0].col < head[1].col - 2 || v.indicatorColumnsAny?.test(k) || v.indicatorLevelColumn?.test(k)) break;
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
    if (!ok || !target.length) continue;
    const joined = (ps: Piece[], at: number): TableCell =>
      ps.length ? { start: ps[0].start, end: ps[ps.length - 1].end, text: ps.map((p) => p.text).join('\n') } : { start: at, end: at, text: '' };
    const hdr = head.map((p): TableCell => ({ start: p.start, end: p.end, text: p.text }));
    const rows: TableCell[][] = [hdr, [{ start: hdr[0].end, end: hdr[0].end, text: '' }, joined(target, hdr[1].end), joined(achieved, hdr[2].end)]];
    out.push({ start: lines[i].start + head[0].col, end: lines[j - 1].end, rows, origin: 'tsv' });
    i = j - 1;
  }
  return out;
}
