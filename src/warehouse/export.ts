// Exports of the warehouse tables: CSV (UTF-8 with BOM, so Excel reads the Chinese; list columns as JSON text)
// and Parquet (zstd). Each file is written to a temp name and renamed.
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { join, resolve } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { TABLES, type TableDef } from './schema.js';
import { tempPath } from '../batch/write.js';

const BOM = '\ufeff';
const q = (s: string) => `'${s.replace(/'/g, "''")}'`;

function selectForExport(t: TableDef, csv: boolean): string {
  const cols = t.columns.map((c) => (csv && c.type.endsWith('[]') ? `to_json(${c.name})::VARCHAR AS ${c.name}` : c.name));
  return `SELECT ${cols.join(', ')} FROM ${t.name} ORDER BY ${t.key.join(', ')}`;
}

export async function exportCsv(con: DuckDBConnection, dir: string): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const files: string[] = [];
  for (const t of TABLES) {
    const file = resolve(join(dir, `${t.name}.csv`));
    const raw = tempPath(file);
    const withBom = tempPath(file);
    try {
      await con.run(`COPY (${selectForExport(t, true)}) TO ${q(raw)} (FORMAT csv, HEADER true)`);
      await writeFile(withBom, BOM);
      await pipeline(createReadStream(raw), createWriteStream(withBom, { flags: 'a' }));
      await rename(withBom, file);
    } finally {
      await rm(raw, { force: true });
      await rm(withBom, { force: true });
    }
    files.push(file);
  }
  return files;
}

export async function exportParquet(con: DuckDBConnection, dir: string): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const files: string[] = [];
  for (const t of TABLES) {
    const file = resolve(join(dir, `${t.name}.parquet`));
    const tmp = tempPath(file);
    try {
      await con.run(`COPY (${selectForExport(t, false)}) TO ${q(tmp)} (FORMAT parquet, COMPRESSION zstd)`);
      await rename(tmp, file);
    } finally {
      await rm(tmp, { force: true });
    }
    files.push(file);
  }
  return files;
}
