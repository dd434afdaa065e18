// Loading records into DuckDB: rows are staged as newline-delimited JSON files (one per table, on disk, so memory
// stays flat), then in one transaction each document's old rows are deleted and the staged rows inserted —
// reloading the same documents leaves the warehouse unchanged.
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { KepuRecord } from '../schema/record.js';
import { flattenRecord } from './flatten.js';
import { TABLES, VIEWS, createTableSql, type TableDef } from './schema.js';
import { exportCsv, exportParquet } from './export.js';

export interface WarehouseTargets {
  /** DuckDB file to create or update; without it a temporary database feeds the exports */
  db?: string;
  csv?: string;
  parquet?: string;
}

export interface WarehouseLoad {
  add(record: KepuRecord): Promise<void>;
  /** loads the staged rows, refreshes the views, writes exports; returns row counts of the whole warehouse */
  finish(): Promise<{ reports: number; tables: Record<string, number> }>;
  /** drops the staging files (after finish, or instead of it) */
  abort(): Promise<void>;
}

export const WAREHOUSE_MEMORY = '256MB';

export const sqlString = (s: string) => `'${s.replace(/'/g, "''")}'`;

export async function openWarehouseLoad(targets: WarehouseTargets): Promise<WarehouseLoad> {
  const dir = await mkdtemp(join(tmpdir(), 'kepu-warehouse-'));
  const streams = new Map<string, WriteStream>(TABLES.map((t) => [t.name, createWriteStream(join(dir, `${t.name}.ndjson`))]));
  const seen = new Set<string>();
  const staged: Record<string, number> = {};
  let closed = false;
  const closeStreams = async () => {
    if (closed) return;
    closed = true;
    await Promise.all([...streams.values()].map(async (s) => {
      s.end();
      await once(s, 'close');
    }));
  };

  return {
    async add(record) {
      if (seen.has(record.source.sha256)) return; // the same bytes under two paths: one report
      seen.add(record.source.sha256);
      const rows = flattenRecord(record);
      for (const [table, list] of Object.entries(rows)) {
        if (!list.length) continue;
        staged[table] = (staged[table] ?? 0) + list.length;
        const s = streams.get(table)!;
        if (!s.write(list.map((r) => JSON.stringify(r)).join('\n') + '\n')) await once(s, 'drain');
      }
    },
    async finish() {
      await closeStreams();
      const dbPath = targets.db ? resolve(targets.db) : join(dir, 'warehouse.duckdb');
      await mkdir(dirname(dbPath), { recursive: true });
      // bounded, so a big load spills to disk instead of growing the process
      const instance = await DuckDBInstance.create(dbPath, { memory_limit: WAREHOUSE_MEMORY });
      const con = await instance.connect();
      try {
        await loadStaged(con, dir, staged);
        const counts = await tableCounts(con);
        if (targets.csv) await exportCsv(con, targets.csv);
        if (targets.parquet) await exportParquet(con, targets.parquet);
        return { reports: counts.reports ?? 0, tables: counts };
      } finally {
        con.closeSync();
        instance.closeSync();
      }
    },
    async abort() {
      await closeStreams();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Creates missing tables and columns (a warehouse made by an older version gains the new columns). */
export async function ensureSchema(con: DuckDBConnection): Promise<void> {
  for (const t of TABLES) {
    await con.run(createTableSql(t));
    const have = new Set(
      (await con.runAndReadAll(`SELECT column_name FROM information_schema.columns WHERE table_name = ${sqlString(t.name)} AND table_schema = 'main'`))
        .getRows()
        .map((r) => String(r[0])),
    );
    for (const c of t.columns) if (!have.has(c.name)) await con.run(`ALTER TABLE ${t.name} ADD COLUMN ${c.name} ${c.type}`);
  }
  for (const v of VIEWS) await con.run(`CREATE OR REPLACE VIEW ${v.name} AS ${v.sql}`);
}

function readStaged(t: TableDef, file: string): string {
  const columns = t.columns.map((c) => `${c.name}: '${c.stage}'`).join(', ');
  return `read_json(${sqlString(file)}, format = 'newline_delimited', columns = {${columns}})`;
}

async function loadStaged(con: DuckDBConnection, dir: string, staged: Record<string, number>): Promise<void> {
  await con.run('BEGIN TRANSACTION');
  try {
    await ensureSchema(con);
    if (staged.reports) {
      const reports = TABLES.find((t) => t.name === 'reports')!;
      await con.run(`CREATE OR REPLACE TEMP TABLE _loading AS SELECT DISTINCT sha256 FROM ${readStaged(reports, join(dir, 'reports.ndjson'))}`);
      for (const t of TABLES) {
        await con.run(`DELETE FROM ${t.name} WHERE sha256 IN (SELECT sha256 FROM _loading)`);
        const cols = t.columns.map((c) => c.name).join(', ');
        const select = t.columns.map((c) => (c.stage === c.type ? c.name : `TRY_CAST(${c.name} AS ${c.type}) AS ${c.name}`)).join(', ');
        if (!staged[t.name]) continue;
        await con.run(`INSERT INTO ${t.name} (${cols}) SELECT ${select} FROM ${readStaged(t, join(dir, `${t.name}.ndjson`))}`);
      }
      await con.run('DROP TABLE _loading');
    }
    await con.run('COMMIT');
  } catch (e) {
    await con.run('ROLLBACK').catch(() => {});
    throw e;
  }
}

export async function tableCounts(con: DuckDBConnection): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const t of TABLES) {
    const r = await con.runAndReadAll(`SELECT count(*) FROM ${t.name}`);
    counts[t.name] = Number(r.getRows()[0][0]);
  }
  return counts;
}
