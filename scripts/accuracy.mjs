// Per-field precision/recall of the extractor against the hand-written goldens (npm run accuracy).
// Scalars: a value counts as right only when equal to the golden. Lists: items are matched by a key.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractFile } from '../dist/pipeline.js';

const root = new URL('..', import.meta.url).pathname;
const corpus = readdirSync(join(root, 'corpus'));
const stats = new Map();
const stat = (k) => stats.get(k) ?? stats.set(k, { tp: 0, fp: 0, fn: 0 }).get(k);

function leaves(o, base, out) {
  if (o === null || typeof o !== 'object') return (out[base] = o), out;
  for (const [k, v] of Object.entries(o)) leaves(v, `${base}/${k}`, out);
  return out;
}
function scalar(field, got, want) {
  const s = stat(field);
  const same = JSON.stringify(got) === JSON.stringify(want);
  if (got !== null && got !== undefined) same ? s.tp++ : s.fp++;
  if (want !== null && want !== undefined && !same) s.fn++;
}
function list(field, got, want, key) {
  const s = stat(field);
  const pool = want.map(key);
  for (const g of got.map(key)) {
    const i = pool.indexOf(g);
    if (i >= 0) { s.tp++; pool.splice(i, 1); } else s.fp++;
  }
  s.fn += pool.length;
}
const titles = (ns, out = []) => (ns.forEach((n) => { out.push(`${n.level}|${n.ordinal}|${n.title}|${n.key}`); titles(n.children, out); }), out);

for (const f of readdirSync(join(root, 'goldens')).filter((f) => f.endsWith('.json') && f !== 'backlog.json')) {
  const name = f.replace(/\.json$/, '');
  const input = corpus.find((c) => c.replace(/\.[^.]+$/, '') === name);
  const golden = JSON.parse(readFileSync(join(root, 'goldens', f), 'utf8'));
  const { record } = await extractFile(join(root, 'corpus', input));
  for (const sec of ['meta', 'staffing', 'finance', 'selfEvaluation', 'goals']) {
    const g = leaves(record[sec], sec, {});
    const w = leaves(golden[sec], sec, {});
    for (const k of new Set([...Object.keys(g), ...Object.keys(w)])) scalar(k, g[k] ?? null, w[k] ?? null);
  }
  list('activities', record.activities, golden.activities, (a) => `${a.count}|${a.unit}|${a.approx}`);
  list('activities (with label)', record.activities, golden.activities, (a) => JSON.stringify(a));
  list('projects', record.projects, golden.projects, (p) => JSON.stringify(p));
  list('indicators', record.indicators, golden.indicators, (x) => JSON.stringify(x));
  list('problems', record.problems, golden.problems, (x) => x);
  list('improvements', record.improvements, golden.improvements, (x) => x);
  list('outline', titles(record.outline), titles(golden.outline), (x) => x);
}

const pct = (a, b) => (b ? ((100 * a) / b).toFixed(1) : '—');
const rows = [...stats.entries()].filter(([, s]) => s.tp + s.fp + s.fn > 0);
const group = (k) => k.split('/')[0];
const groups = new Map();
for (const [k, s] of rows) {
  const g = groups.get(group(k)) ?? { tp: 0, fp: 0, fn: 0 };
  g.tp += s.tp; g.fp += s.fp; g.fn += s.fn;
  groups.set(group(k), g);
}
const line = (k, s) => `${k.padEnd(40)} ${String(s.tp).padStart(4)} ${String(s.fp).padStart(4)} ${String(s.fn).padStart(4)}  ${pct(s.tp, s.tp + s.fp).padStart(6)}  ${pct(s.tp, s.tp + s.fn).padStart(6)}`;
console.log(`${'field'.padEnd(40)}   tp   fp   fn  precision recall`);
for (const [k, s] of rows) console.log(line(k, s));
console.log('\nby group');
let all = { tp: 0, fp: 0, fn: 0 };
for (const [k, s] of groups) { console.log(line(k, s)); all = { tp: all.tp + s.tp, fp: all.fp + s.fp, fn: all.fn + s.fn }; }
console.log(line('ALL', all));
