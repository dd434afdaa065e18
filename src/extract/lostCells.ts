/**
 * A budget block's row that lost cells in the copy (`⇥年度资金总额⇥50⇥48⇥10⇥96%⇥9.6` under
 * `年初预算数⇥全年预算数⇥全年执行数⇥分值⇥执行率⇥得分`: six value columns, five cells, which one went missing not shown).
 * The row's own arithmetic may tell: its 执行率 is its 全年执行数 over its 全年预算数. Every way of keeping the cells in order
 * under the value columns, leaving out as many columns as cells were lost, is tried; a placing counts only when it puts a
 * budget, an actual and a rate whose quotient agrees within the rounding of the three figures as written. The row is read
 * only when every such placing puts the same cells under the budget, the actual and the rate; any other role only where
 * all of them agree too. Nothing is guessed: no agreeing placing, or two that disagree, and the row gives nothing.
 */

import { halfUlp } from '../normalise/numbers.js';

/** `values`: the keys of the row's cells after its label, in order; `cols`: role → column index in the value area
 *  (0 = the first value column); `headed`: which value columns the header names at all; `width`: the value columns. */
export function placeLostCells(values: string[], cols: Map<string, number>, headed: boolean[], width: number): Map<string, number> | null {
  const lost = width - values.length;
  // (one or two cells lost: more leaves too many placings to trust one; three only in a row of bare figures and its one
  // rate, `其中：基本支出⇥246.7⇥244.1⇥98.95%` under six value columns, its empty 年初预算数, 分值 and 得分 cells lost: the
  // percentage can stand only under the rate, which ties the two figures before it)
  const anchored = lost === 3 && values.length >= 3 && values.filter((v) => /[%％]$/.test(v)).length === 1 && values.every((v) => /^[\d,，.]+[%％]?$/.test(v));
  if (lost < 1 || (lost > 2 && !anchored) || !cols.has('budget') || !cols.has('actual') || !cols.has('rate')) return null;
  const found: Map<string, number>[] = [];
  for (const gone of gaps(width, lost)) {
    // value index → column
    const at: number[] = [];
    for (let col = 0; col < width; col++) if (!gone.includes(col)) at.push(col);
    const roleAt = new Map<string, number>();
    let ok = true;
    values.forEach((v, i) => {
      if (v === '' || v === '—' || v === '-') return;
      const col = at[i];
      const role = [...cols].find(([, c]) => c === col)?.[0];
      // a filled cell under no header word, or a percentage under a column that is no rate: no such placing
      if (!headed[col] || (/[%％]$/.test(v) && role !== 'rate')) ok = false;
      if (role) roleAt.set(role, i);
    });
    if (!ok) continue;
    const [b, a, r] = (['budget', 'actual', 'rate'] as const).map((role) => (roleAt.has(role) ? values[roleAt.get(role)!] : ''));
    if (rateAgrees(b, a, r)) found.push(roleAt);
  }
  if (!found.length) return null;
  const first = found[0];
  for (const role of ['budget', 'actual', 'rate']) if (found.some((f) => f.get(role) !== first.get(role))) return null;
  const out = new Map<string, number>();
  for (const [role, i] of first) if (found.every((f) => f.get(role) === i)) out.set(role, i);
  return out;
}

/** The 执行率 as written is the 全年执行数 over the 全年预算数 within the rounding of the three figures (cells' keys);
 *  false when one is no figure or the budget is none. */
export function rateAgrees(budget: string, actual: string, rate: string): boolean {
  const [b, a, r] = [figure(budget), figure(actual), figure(rate)];
  if (!b || !a || !r || b.value <= 0) return false;
  const q = (a.value / b.value) * 100;
  const slack = r.tol + q * (a.tol / Math.max(a.value, a.tol) + b.tol / b.value) + 1e-9;
  return Math.abs(q - r.value) <= slack;
}

/** every set of `k` columns out of `n`, ascending */
function gaps(n: number, k: number): number[][] {
  if (k === 0) return [[]];
  const out: number[][] = [];
  for (let c = 0; c < n; c++) for (const rest of gaps(n, k - 1)) if (!rest.length || rest[0] > c) out.push([c, ...rest]);
  return out;
}

/** a plain figure or percentage as written (`1,234.5`, `96%`) and half a unit of its last digit */
function figure(s: string): { value: number; tol: number } | null {
  const m = s.replace(/[,，]/g, '').replace('％', '%').match(/^(\d+(?:\.\d+)?)(?:%|万元|元)?$/);
  if (!m) return null;
  return { value: Number(m[1]), tol: halfUlp(m[1]) };
}
