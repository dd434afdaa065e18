// The DuckDB warehouse: load, idempotent reload, views, CSV/Parquet round trips.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { openWarehouseLoad, TABLES, flattenRecord } from '../../src/warehouse/index.js';
import { extractFile } from '../../src/pipeline.js';
import type { KepuRecord } from '../../src/schema/record.js';
import { makeRecord } from './records.js';
import { tempDirs } from '../helpers/tmp.js';

const tmp = tempDirs('kepu-wh-test-');

async function load(records: KepuRecord[], targets: { db?: string; csv?: string; parquet?: string }) {
  const w = await openWarehouseLoad(targets);
  try {
    for (const r of records) await w.add(r);
    return await w.finish();
  } finally {
    await w.abort();
  }
}

async function withDb<T>(db: string, fn: (con: DuckDBConnection) => Promise<T>): Promise<T> {
  const instance = await DuckDBInstance.create(db);
  const con = await instance.connect();
  try {
    return await fn(con);
  } finally {
    con.closeSync();
    instance.closeSync();
  }
}

const rows = async (con: DuckDBConnection, sql: string) => (await con.runAndReadAll(sql)).getRowObjectsJson();

/** Every table's full contents in key order: the warehouse's state. */
async function dump(db: string) {
  return withDb(db, async (con) => {
    const out: Record<string, unknown> = {};
    for (const t of TABLES) out[t.name] = await rows(con, `SELECT * FROM ${t.name} ORDER BY ${t.key.join(', ')}`);
    return out;
  });
}

const records = [
  makeRecord({ id: 'a-2022', unit: '青禾县科学技术协会', county: '青禾县', province: '湖南省', year: 2022, kind: 'overall_self_eval', spending: 1498300, score: 92,
    activities: [{ label: '开展科普活动', count: 33, unit: '场' }, { label: '受益群众', count: 10000, unit: '人次' }] }),
  makeRecord({ id: 'a-2022-final', unit: '青禾县科学技术协会', county: '青禾县', province: '湖南省', year: 2022, kind: 'final_accounts', spending: 1500000 }),
  makeRecord({ id: 'a-2023', unit: '青禾县科学技术协会', county: '青禾县', province: '湖南省', year: 2023, kind: 'overall_self_eval', spending: 1600000, score: 95,
    projects: [{ name: '科普经费专项资金', budget: 80000, actual: 198400, executionRate: 98.33, score: 91 }, { name: '学会经费', budget: 1000, actual: 1000 }] }),
  makeRecord({ id: 'b-2023', unit: '白鹭市科学技术协会', year: 2023, kind: 'project_self_eval', title: '2023年度白鹭市科协科普专项经费绩效自评报告', score: 88 }),
];

describe('warehouse load', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await tmp();
  });

  it('loads one row per report and one row per item', async () => {
    const db = join(dir, 'w1.duckdb');
    const res = await load(records, { db });
    expect(res.reports).toBe(4);
    const expected: Record<string, number> = {};
    for (const r of records) for (const [t, list] of Object.entries(flattenRecord(r))) expected[t] = (expected[t] ?? 0) + list.length;
    expect(res.tables).toEqual(expected);
    expect(Object.keys(res.tables).sort()).toEqual(TABLES.map((t) => t.name).sort());
  });

  it('keeps values exactly: money as decimals, dates, nested outline, list columns, odd text', async () => {
    const db = join(dir, 'w2.duckdb');
    await load(records.slice(0, 1), { db });
    await withDb(db, async (con) => {
      const [r] = await rows(con, `SELECT r.report_date::VARCHAR AS d, f.basic_personnel::VARCHAR AS p, f.spending_total_budget::VARCHAR AS b,
        r.goals_target FROM reports r JOIN finance f USING (sha256)`);
      expect(r).toEqual({ d: '2023-05-13', p: '1234567.89', b: '1498300.01', goals_target: '目标,含逗号\n和换行' });
      const outline = await rows(con, `SELECT idx, parent_idx, level, ordinal, title FROM outline ORDER BY idx`);
      expect(outline).toEqual([
        { idx: 0, parent_idx: null, level: 1, ordinal: '一、', title: '部门（单位）基本情况' },
        { idx: 1, parent_idx: 0, level: 2, ordinal: '（一）', title: '部门职责' },
        { idx: 2, parent_idx: null, level: 1, ordinal: '二、', title: '存在的问题' },
      ]);
      const [w] = await rows(con, `SELECT paths FROM warnings`);
      expect(w.paths).toEqual(['/finance/basic/actual', '/finance/basic/personnel']);
      const ev = await rows(con, `SELECT pointer, page, ocr, confidence FROM evidence ORDER BY pointer`);
      expect(ev).toEqual([
        { pointer: '/finance/basic/personnel', page: 2, ocr: true, confidence: 0.91 },
        { pointer: '/meta/unitName', page: null, ocr: null, confidence: null },
      ]);
    });
  });

  it('is idempotent: loading the same records again changes nothing', async () => {
    const db = join(dir, 'w3.duckdb');
    await load(records, { db });
    const first = await dump(db);
    await load(records, { db });
    expect(await dump(db)).toEqual(first);
    await load([records[2], records[0]], { db }); // a subset, in another order
    expect(await dump(db)).toEqual(first);
  });

  it('replaces a document\'s rows when it is reloaded with other content', async () => {
    const db = join(dir, 'w4.duckdb');
    await load(records, { db });
    const changed = { ...records[2], projects: records[2].projects.slice(0, 1), activities: [] };
    await load([changed], { db });
    await withDb(db, async (con) => {
      const [p] = await rows(con, `SELECT count(*)::INTEGER AS n FROM projects WHERE sha256 = '${records[2].source.sha256}'`);
      expect(p.n).toBe(1);
      const funds = await rows(con, `SELECT name, execution_rate, score FROM projects WHERE sha256 = '${records[2].source.sha256}'`);
      expect(funds).toEqual([{ name: '科普经费专项资金', execution_rate: 98.33, score: 91 }]);
      const [r] = await rows(con, `SELECT count(*)::INTEGER AS n FROM reports`);
      expect(r.n).toBe(4);
    });
  });

  it('stores the same bytes under two paths as one report', async () => {
    const db = join(dir, 'w5.duckdb');
    const twin = { ...records[0], source: { ...records[0].source, path: 'elsewhere/a.txt' } };
    const res = await load([records[0], twin], { db });
    expect(res.reports).toBe(1);
  });

  it('answers the researcher views', async () => {
    const db = join(dir, 'w6.duckdb');
    await load(records, { db });
    await withDb(db, async (con) => {
      const spending = await rows(con, `SELECT unit_name, fiscal_year, actual::DOUBLE AS actual, source_kind FROM spending_by_unit_year`);
      expect(spending).toEqual([
        { unit_name: '白鹭市科学技术协会', fiscal_year: 2023, actual: null, source_kind: 'overall_self_eval' },
        { unit_name: '青禾县科学技术协会', fiscal_year: 2022, actual: 1500000, source_kind: 'final_accounts' },
        { unit_name: '青禾县科学技术协会', fiscal_year: 2023, actual: 1600000, source_kind: 'overall_self_eval' },
      ].filter((r) => r.unit_name !== '白鹭市科学技术协会')); // 白鹭 has only a project self-evaluation
      const kepu = await rows(con, `SELECT province, fiscal_year, units::INTEGER AS units, projects::INTEGER AS projects, actual::DOUBLE AS actual FROM kepu_projects_by_province_year`);
      expect(kepu).toEqual([
        { province: '(not stated)', fiscal_year: 2023, units: 1, projects: 1, actual: null },
        { province: '湖南省', fiscal_year: 2023, units: 1, projects: 1, actual: 198400 },
      ]);
      const scores = await rows(con, `SELECT unit_name, fiscal_year, score, change FROM self_eval_scores WHERE report_kind = 'overall_self_eval'`);
      expect(scores).toEqual([
        { unit_name: '青禾县科学技术协会', fiscal_year: 2022, score: 92, change: null },
        { unit_name: '青禾县科学技术协会', fiscal_year: 2023, score: 95, change: 3 },
      ]);
      const acts = await rows(con, `SELECT fiscal_year, people_reached, events FROM activity_totals_by_unit_year`);
      expect(acts).toEqual([{ fiscal_year: 2022, people_reached: 10000, events: 33 }]);
      const warn = await rows(con, `SELECT code, warnings::INTEGER AS n FROM warnings_by_code`);
      expect(warn).toEqual([{ code: 'sum_mismatch_basic', n: 4 }]);
    });
  });

  it('counts a report once when it comes as several files (e.g. .doc and .pdf)', async () => {
    const db = join(dir, 'w7.duckdb');
    const asPdf = { ...records[0], source: { ...records[0].source, sha256: 'f'.repeat(64), format: 'pdf', pages: 5 } };
    await load([...records, asPdf], { db });
    await withDb(db, async (con) => {
      const [n] = await rows(con, `SELECT (SELECT count(*) FROM reports)::INTEGER AS files, (SELECT count(*) FROM distinct_reports)::INTEGER AS reports,
        (SELECT max(copies)::INTEGER FROM distinct_reports) AS copies`);
      expect(n).toEqual({ files: 5, reports: 4, copies: 2 });
      const acts = await rows(con, `SELECT fiscal_year, people_reached, events FROM activity_totals_by_unit_year`);
      expect(acts).toEqual([{ fiscal_year: 2022, people_reached: 10000, events: 33 }]);
      const scores = await rows(con, `SELECT count(*)::INTEGER AS n FROM self_eval_scores`);
      expect(scores).toEqual([{ n: 3 }]);
    });
  });
});

describe('exports', () => {
  let dir: string;
  let db: string;
  beforeAll(async () => {
    dir = await tmp();
    db = join(dir, 'w.duckdb');
    await load(records, { db, csv: join(dir, 'csv'), parquet: join(dir, 'parquet') });
  });

  it('writes every table as CSV with a UTF-8 BOM and as Parquet', async () => {
    const names = TABLES.map((t) => t.name).sort();
    expect((await readdir(join(dir, 'csv'))).sort()).toEqual(names.map((n) => `${n}.csv`));
    expect((await readdir(join(dir, 'parquet'))).sort()).toEqual(names.map((n) => `${n}.parquet`));
    const csv = await readFile(join(dir, 'csv', 'reports.csv'));
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.toString('utf8')).toContain('青禾县科学技术协会');
  });

  it('round-trips CSV through DuckDB', async () => {
    await withDb(db, async (con) => {
      for (const t of TABLES) {
        const types = t.columns.map((c) => `'${c.name}': '${c.type.endsWith('[]') ? 'VARCHAR' : c.type}'`).join(', ');
        const back = t.columns.map((c) => (c.type.endsWith('[]') ? `from_json(${c.name}, '["VARCHAR"]') AS ${c.name}` : c.name)).join(', ');
        const file = join(dir, 'csv', `${t.name}.csv`);
        const read = `SELECT ${back} FROM read_csv('${file}', header = true, columns = {${types}})`;
        const [diff] = await rows(con, `SELECT (SELECT count(*) FROM (SELECT * FROM ${t.name} EXCEPT ALL ${read}))::INTEGER AS missing,
          (SELECT count(*) FROM (${read} EXCEPT ALL SELECT * FROM ${t.name}))::INTEGER AS extra,
          (SELECT count(*) FROM ${t.name})::INTEGER AS n`);
        expect(diff, t.name).toEqual({ missing: 0, extra: 0, n: diff.n });
        expect(diff.n, t.name).toBeGreaterThan(0);
      }
    });
  });

  it('round-trips Parquet through DuckDB with the same column types', async () => {
    await withDb(db, async (con) => {
      for (const t of TABLES) {
        const file = join(dir, 'parquet', `${t.name}.parquet`);
        const [diff] = await rows(con, `SELECT
          (SELECT count(*) FROM (SELECT * FROM ${t.name} EXCEPT ALL SELECT * FROM read_parquet('${file}')))::INTEGER AS missing,
          (SELECT count(*) FROM (SELECT * FROM read_parquet('${file}') EXCEPT ALL SELECT * FROM ${t.name}))::INTEGER AS extra`);
        expect(diff, t.name).toEqual({ missing: 0, extra: 0 });
        const a = await rows(con, `SELECT column_name, column_type FROM (DESCRIBE ${t.name})`);
        const b = await rows(con, `SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_parquet('${file}'))`);
        expect(b, t.name).toEqual(a);
      }
    });
  });
});

describe('real records', () => {
  let extracted: KepuRecord[] = [];
  beforeAll(async () => {
    const dir = join(import.meta.dirname, '..', '..', 'corpus');
    const files = (await readdir(dir)).filter((f) => /^seed\d+\.txt$/.test(f)).sort();
    extracted = await Promise.all(files.map(async (f) => (await extractFile(join(dir, f))).record));
  });
  afterAll(() => {
    extracted = [];
  });

  it('loads the corpus seeds with every evidence entry and outline node', async () => {
    const db = join(await tmp(), 'seeds.duckdb');
    const res = await load(extracted, { db });
    expect(res.reports).toBe(extracted.length);
    const evidence = extracted.reduce((n, r) => n + Object.keys(r.evidence).length, 0);
    expect(res.tables.evidence).toBe(evidence);
    await withDb(db, async (con) => {
      // every evidence text is the slice its offsets point at: spot-check they survived the load unchanged
      const ev = await rows(con, `SELECT sha256, pointer, text, span_start, span_end FROM evidence`);
      for (const e of ev) {
        const rec = extracted.find((r) => r.source.sha256 === e.sha256)!;
        expect(rec.evidence[e.pointer as string].text).toBe(e.text);
      }
    });
  });
});
