// The report printed after a batch: a per-file table (small batches), then records, failures by reason,
// warnings by code, time and memory.
import { basename } from 'node:path';
import type { BatchSummary } from './run.js';

/** Above this many records the per-file table is left out (the records are in --out). */
export const TABLE_MAX_ROWS = 200;

const width = (t: string) => [...t].reduce((w, c) => w + (c.charCodeAt(0) > 0x2e80 ? 2 : 1), 0);

function table(head: string[], rows: string[][]): string {
  const all = [head, ...rows];
  const widths = head.map((_, i) => Math.max(...all.map((r) => width(r[i]))));
  const line = (r: string[]) => r.map((c, i) => c + ' '.repeat(widths[i] - width(c))).join('  ').trimEnd();
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n') + '\n';
}

function tally(keys: string[]): [string, number][] {
  const m = new Map<string, number>();
  for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1);
  return [...m].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
}

export function printSummary(s: BatchSummary, out: NodeJS.WritableStream): void {
  if (s.records.length && s.records.length <= TABLE_MAX_ROWS) {
    const rows = s.records.map((r) => [
      basename(r.path), r.kind ?? '-', String(r.year ?? '-'), r.unit ?? '-', String(r.fields), String(r.warnings.length),
    ]);
    out.write(table(['file', 'kind', 'year', 'unit', 'fields', 'warnings'], rows) + '\n');
  }
  const sec = s.ms / 1000;
  const worked = s.records.length + s.failures.length;
  const total = s.records.length + s.skipped;
  out.write(
    `${s.inputs} inputs: ${total} records (${s.records.length} new, ${s.skipped} already done), ${s.failures.length} failures\n` +
      `${sec.toFixed(1)} s, ${sec > 0 ? (worked / sec).toFixed(1) : '-'} files/s on ${s.jobs} ${s.mode === 'processes' ? `worker process${s.jobs > 1 ? 'es' : ''}` : 'thread (in-process)'}, peak RSS ${Math.round(s.peakRssMb)} MB, CPU ${s.cpuSec.main.toFixed(1)} s main + ${s.cpuSec.workers.toFixed(1)} s workers\n`,
  );
  const failures = tally(s.failures.map((f) => f.code));
  if (failures.length) out.write(`failures by reason: ${failures.map(([k, n]) => `${k} ${n}`).join(', ')}\n`);
  const warnings = tally(s.records.flatMap((r) => r.warnings));
  if (warnings.length) out.write(`warnings by code (new records): ${warnings.map(([k, n]) => `${k} ${n}`).join(', ')}\n`);
  if (s.warehouse) {
    out.write(`warehouse: ${s.warehouse.reports} reports loaded (${Object.entries(s.warehouse.tables).map(([t, n]) => `${t} ${n}`).join(', ')})\n`);
  }
  if (s.outputError) out.write(`outputs not written: ${s.outputError}\n`);
  const shown = s.failures.slice(0, TABLE_MAX_ROWS);
  for (const f of shown) out.write(`  failed: ${f.path} (${f.code}) ${f.message}\n`);
  if (s.failures.length > shown.length) out.write(`  … ${s.failures.length - shown.length} more in errors.jsonl\n`);
}
