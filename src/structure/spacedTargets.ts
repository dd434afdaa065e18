// A target-only indicator table typed with runs of spaces, no tab (a 预算 disclosure's 绩效目标表 pasted from an editor:
// `一级指标    二级指标    三级指标        指标值⏎产出指标    数量指标    科普活动场次    ≥20场⏎…`, or `指标名称      目标值`): no grid
// was found, so its targets were prose (or activities). Read only when the layout leaves no doubt: the header's every piece a
// name or level column word and one target column, last (tables.yaml indicator_columns; no actual, weight or score: a
// 自评表's block is spacedGoals.ts spacedIndicatorLines'); every line under it, to a blank line, a heading at the margin or
// the end, sets each piece where a header word starts (in characters or in display width, one grid for the whole table),
// in the header's order, no piece reaching into the next column, the name and the target filled. Any other line (a name
// wrapped onto a line of its own, a piece between columns) leaves the whole table unread: which row it belongs to is not known.
import type { Line, Span, Table, TableCell } from '../document.js';
import { freeLine } from './cellLines.js';
import { pieceField, piecesOf, wide, type Piece } from './spacedGoals.js';

type Grid = 'col' | 'width';
const NAME_FIELDS = new Set(['level1', 'level2', 'level3', 'level']);
// a heading opening the line after the table (四、其他说明, （四）…, 4.…): no row of it
const HEADING = /^(?:[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十\d]{1,2}[)）]|\d{1,2}[、.．](?!\d))/;

const extent = (p: Piece, g: Grid) => (g === 'col' ? p.text.length : [...p.text].reduce((n, ch) => n + (wide(ch) ? 2 : 1), 0));

/** The header column each piece starts at, in the header's order, none reaching into the next column; null when a piece
 *  stands elsewhere, or the name column `name` or the target (last) column is empty. */
function placed(ps: Piece[], head: Piece[], g: Grid, name: number): number[] | null {
  const at: number[] = [];
  for (const p of ps) {
    const k = head.findIndex((h) => h[g] === p[g]);
    if (k < 0 || (at.length && k <= at[at.length - 1])) return null;
    if (k + 1 < head.length && p[g] + extent(p, g) > head[k + 1][g] - 2) return null;
    at.push(k);
  }
  return at.includes(name) && at[at.length - 1] === head.length - 1 ? at : null;
}

export function spacedTargetLines(text: string, lines: Line[], taken: Span[]): Table[] {
  const free = freeLine(taken);
  const out: Table[] = [];
  for (let i = 0; i < lines.length; i++) {
    // (cheap first: the header's words and a gap of spaces)
    const t = lines[i].text;
    if (!t.includes('指标') || !t.includes('  ') || !free(lines[i])) continue;
    const head = piecesOf(lines[i]);
    if (head.length < 2) continue;
    const fields = head.map(pieceField);
    const last = head.length - 1;
    if (fields[last] !== 'target' || !fields.slice(0, last).every((f) => f !== null && NAME_FIELDS.has(f))) continue;
    // (the indicator's name: the last name column, 三级指标 or the only one)
    const name = last - 1;
    let end = i + 1;
    while (end < lines.length && lines[end].text.trim() && free(lines[end])) end++;
    const body = lines.slice(i + 1, end);
    // (a heading back at the margin right under the rows ends them)
    const stop = body.findIndex((l) => piecesOf(l).length === 1 && HEADING.test(l.text));
    const rows = stop < 0 ? body : body.slice(0, stop);
    if (rows.length < 2) continue;
    const pieces = rows.map(piecesOf);
    const grid = (g: Grid) => {
      const at = pieces.map((ps) => placed(ps, head, g, name));
      return at.every((x) => x !== null) ? (at as number[][]) : null;
    };
    const byCol = grid('col');
    const byWidth = grid('width');
    const at = byCol && byWidth ? (byCol.join('|') === byWidth.join('|') ? byCol : null) : byCol ?? byWidth;
    if (!at) continue;
    const cell = (p: Piece): TableCell => ({ start: p.start, end: p.end, text: p.text });
    const table: TableCell[][] = [head.map(cell)];
    pieces.forEach((ps, n) => {
      const row = head.map((): TableCell => ({ start: rows[n].start, end: rows[n].start, text: '' }));
      ps.forEach((p, m) => (row[at[n][m]] = cell(p)));
      table.push(row);
    });
    out.push({ start: head[0].start, end: rows[rows.length - 1].end, rows: table, origin: 'tsv' });
    i = i + rows.length;
  }
  return out;
}
