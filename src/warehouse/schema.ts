// The warehouse tables: one row per report in reports/finance/staffing, one row per item elsewhere; every table
// carries the document's sha256, so reloading a document replaces its rows. finance and staffing columns are
// generated from the record schema (camelCase path → snake_case column), so they follow the contract.
import { z } from 'zod';
import { Finance, Staffing } from '../schema/record.js';

export interface Column {
  name: string;
  /** SQL type in the warehouse */
  type: string;
  /** type read from the staged JSON (then TRY_CAST to `type`, so one odd value becomes NULL, not a failed load) */
  stage: 'VARCHAR' | 'DOUBLE' | 'BOOLEAN' | 'VARCHAR[]';
}

export interface TableDef {
  name: string;
  columns: Column[];
  /** logical key (sha256 first); also the ORDER BY of exports */
  key: string[];
  comment: string;
}

const MONEY = 'DECIMAL(18,2)';
const col = (name: string, type: string): Column => ({
  name,
  type,
  stage: type === 'VARCHAR[]' ? 'VARCHAR[]' : type === 'BOOLEAN' ? 'BOOLEAN' : /CHAR|DATE/.test(type) ? 'VARCHAR' : 'DOUBLE',
});
const v = (name: string) => col(name, 'VARCHAR');
const i = (name: string) => col(name, 'INTEGER');
const d = (name: string) => col(name, 'DOUBLE');
const m = (name: string) => col(name, MONEY);

export const snake = (s: string) => s.replace(/[A-Z]/g, (c) => '_' + c.toLowerCase());

/** Leaves of a zod object as [path, column name]: spendingTotal.budget → spending_total_budget. */
export function leaves(schema: z.ZodObject, prefix: string[] = []): { path: string[]; column: string }[] {
  return Object.entries(schema.shape).flatMap(([k, s]) =>
    s instanceof z.ZodObject ? leaves(s, [...prefix, k]) : [{ path: [...prefix, k], column: snake([...prefix, k].join('_')) }],
  );
}

export const FINANCE_LEAVES = leaves(Finance);
export const STAFFING_LEAVES = leaves(Staffing);

const parsedValue = (p: string) => [v(`${p}_text`), v(`${p}_op`), d(`${p}_value`), v(`${p}_unit`), v(`${p}_approx`)];

export const TABLES: TableDef[] = [
  {
    name: 'reports',
    key: ['sha256'],
    comment: 'one row per document: source, meta, headline totals, self-evaluation',
    columns: [
      v('sha256'), v('path'), v('format'), i('pages'), v('schema_version'), v('extractor_version'),
      v('title'), v('unit_name'), v('province'), v('city'), v('county'), i('fiscal_year'), v('report_kind'),
      col('report_date', 'DATE'), v('preparer'), v('phone'),
      m('income_total'), m('spending_budget'), m('spending_actual'), d('spending_execution_rate'),
      d('self_eval_score'), v('self_eval_grade'), v('self_eval_grade_letter'), v('goals_target'), v('goals_achieved'),
      i('n_projects'), i('n_activities'), i('n_indicators'), i('n_warnings'),
    ],
  },
  {
    name: 'finance',
    key: ['sha256'],
    comment: 'one row per document: every finance field of the record, in yuan (rates in %)',
    columns: [v('sha256'), ...FINANCE_LEAVES.map((l) => (/rate$/.test(l.column) ? d(l.column) : m(l.column)))],
  },
  {
    name: 'staffing',
    key: ['sha256'],
    comment: 'one row per document: establishment and headcount',
    columns: [v('sha256'), ...STAFFING_LEAVES.map((l) => i(l.column))],
  },
  {
    name: 'projects',
    key: ['sha256', 'idx'],
    comment: 'named special funds with their figures (yuan), their 执行率 (%) and self-evaluation score as a table states them',
    columns: [v('sha256'), i('idx'), v('name'), m('budget'), m('adjustment'), m('actual'), m('carryover'), d('execution_rate'), d('score')],
  },
  {
    name: 'activities',
    key: ['sha256', 'idx'],
    comment: 'counted pieces of work: label, count, measure word',
    columns: [v('sha256'), i('idx'), v('label'), d('count'), v('unit'), v('approx')],
  },
  {
    name: 'indicators',
    key: ['sha256', 'idx'],
    comment: 'performance-indicator table rows: target and actual as written and parsed',
    columns: [
      v('sha256'), i('idx'), v('table_title'), v('level1'), v('level2'), v('level3'),
      ...parsedValue('target'), ...parsedValue('actual'), d('weight'), d('score'), v('note'),
    ],
  },
  {
    name: 'outline',
    key: ['sha256', 'idx'],
    comment: 'the heading tree, flattened in document order (parent_idx → idx of the parent heading)',
    columns: [v('sha256'), i('idx'), i('parent_idx'), i('level'), v('ordinal'), v('title'), v('key'), i('span_start'), i('span_end')],
  },
  {
    name: 'evidence',
    key: ['sha256', 'pointer'],
    comment: 'where each value was read: JSON pointer into the record → text span',
    columns: [v('sha256'), v('pointer'), i('span_start'), i('span_end'), i('page'), v('text'), v('rule'), col('ocr', 'BOOLEAN'), d('confidence')],
  },
  {
    name: 'warnings',
    key: ['sha256', 'idx'],
    comment: 'consistency warnings raised by validation',
    columns: [v('sha256'), i('idx'), v('code'), v('message'), col('paths', 'VARCHAR[]')],
  },
  {
    name: 'findings',
    key: ['sha256', 'kind', 'idx'],
    comment: 'the listed problems (kind=problem) and improvement measures (kind=improvement)',
    columns: [v('sha256'), v('kind'), i('idx'), v('text')],
  },
];

export const TABLE_NAMES = TABLES.map((t) => t.name);

export function createTableSql(t: TableDef): string {
  return `CREATE TABLE IF NOT EXISTS ${t.name} (${t.columns.map((c) => `${c.name} ${c.type}`).join(', ')})`;
}

/** Report kinds in the order a unit's spending is best taken from (final accounts are audited figures). */
const KIND_RANK = `CASE r.report_kind WHEN 'final_accounts' THEN 1 WHEN 'overall_self_eval' THEN 2 WHEN 'project_self_eval' THEN 3 ELSE 4 END`;

export const VIEWS: { name: string; comment: string; sql: string }[] = [
  {
    name: 'distinct_reports',
    comment:
      'one row per report, whatever the number of files it came in (the same report as .doc and .pdf has two sha256): ' +
      'copies share unit, year, kind and title; the copy with the most evidence is kept',
    sql: `
SELECT * EXCLUDE (rn, evidence_count) FROM (
  SELECT r.*, coalesce(e.n, 0) AS evidence_count,
         count(*) OVER copies AS copies,
         row_number() OVER (copies ORDER BY coalesce(e.n, 0) DESC, r.sha256) AS rn
  FROM reports r LEFT JOIN (SELECT sha256, count(*) AS n FROM evidence GROUP BY sha256) e USING (sha256)
  WINDOW copies AS (PARTITION BY r.unit_name, r.fiscal_year, r.report_kind, coalesce(r.title, r.sha256))
)
WHERE rn = 1`,
  },
  {
    name: 'spending_by_unit_year',
    comment: 'one row per unit and year: whole-unit spending from its final accounts or overall self-evaluation',
    sql: `
WITH ranked AS (
  SELECT r.unit_name, r.province, r.city, r.county, r.fiscal_year, r.report_kind, r.sha256,
         r.self_eval_score, r.self_eval_grade, f.* EXCLUDE (sha256),
         row_number() OVER (PARTITION BY r.unit_name, r.fiscal_year
                            ORDER BY ${KIND_RANK}, f.spending_total_actual IS NULL, r.sha256) AS rn
  FROM reports r JOIN finance f USING (sha256)
  WHERE r.report_kind IN ('final_accounts', 'overall_self_eval') AND r.unit_name IS NOT NULL AND r.fiscal_year IS NOT NULL
)
SELECT unit_name, province, city, county, fiscal_year,
       spending_total_budget AS budget, spending_total_actual AS actual, spending_total_execution_rate AS execution_rate,
       basic_actual, basic_personnel, basic_public_use, project_actual, three_public_actual,
       self_eval_score, self_eval_grade, report_kind AS source_kind, sha256 AS source_sha256
FROM ranked WHERE rn = 1
ORDER BY unit_name, fiscal_year`,
  },
  {
    name: 'kepu_projects',
    comment: '科普 funds: projects named 科普…, plus 科普 project self-evaluations that list no project; one row per unit, year and name',
    sql: `
WITH listed AS (
  SELECT r.province, r.city, r.county, r.unit_name, r.fiscal_year, p.name, p.budget, p.adjustment, p.actual, p.carryover,
         r.report_kind, r.sha256, ${KIND_RANK} AS kind_rank
  FROM projects p JOIN reports r USING (sha256)
  WHERE p.name LIKE '%科普%'
), whole AS (
  SELECT r.province, r.city, r.county, r.unit_name, r.fiscal_year, r.title AS name,
         coalesce(f.project_budget, f.spending_total_budget) AS budget, NULL::${MONEY} AS adjustment,
         coalesce(f.project_actual, f.spending_total_actual) AS actual, NULL::${MONEY} AS carryover,
         r.report_kind, r.sha256, 5 AS kind_rank
  FROM reports r JOIN finance f USING (sha256)
  WHERE r.report_kind = 'project_self_eval' AND r.title LIKE '%科普%'
    AND NOT EXISTS (SELECT 1 FROM listed l WHERE l.sha256 = r.sha256)
)
SELECT province, city, county, unit_name, fiscal_year, name, budget, adjustment, actual, carryover, report_kind, sha256
FROM (SELECT *, row_number() OVER (PARTITION BY unit_name, fiscal_year, name ORDER BY actual IS NULL, kind_rank, sha256) AS rn
      FROM (SELECT * FROM listed UNION ALL SELECT * FROM whole))
WHERE rn = 1
ORDER BY unit_name, fiscal_year, name`,
  },
  {
    name: 'kepu_projects_by_province_year',
    comment: '科普 project spending summed by province and year (province is often not stated: see county/city in kepu_projects)',
    sql: `
SELECT coalesce(province, '(not stated)') AS province, fiscal_year,
       count(DISTINCT unit_name) AS units, count(*) AS projects,
       sum(budget) AS budget, sum(actual) AS actual
FROM kepu_projects
GROUP BY ALL
ORDER BY province, fiscal_year`,
  },
  {
    name: 'self_eval_scores',
    comment: 'self-evaluation score and grade per distinct report, with the change from the same unit and kind in the previous report year',
    sql: `
SELECT unit_name, report_kind, fiscal_year, self_eval_score AS score, self_eval_grade AS grade,
       self_eval_score - lag(self_eval_score) OVER (PARTITION BY unit_name, report_kind ORDER BY fiscal_year, sha256) AS change,
       title, sha256
FROM distinct_reports
WHERE self_eval_score IS NOT NULL OR self_eval_grade IS NOT NULL
ORDER BY unit_name, report_kind, fiscal_year`,
  },
  {
    name: 'activity_totals_by_unit_year',
    comment: 'people reached (人次/人) and events (场/场次/期/次) per unit and year, summed over its distinct reports',
    sql: `
SELECT r.unit_name, r.fiscal_year,
       sum(a.count) FILTER (WHERE a.unit IN ('人次', '人')) AS people_reached,
       sum(a.count) FILTER (WHERE a.unit IN ('场', '场次', '期', '次')) AS events,
       count(*) AS activity_lines, count(DISTINCT r.sha256) AS reports
FROM activities a JOIN distinct_reports r USING (sha256)
GROUP BY ALL
ORDER BY r.unit_name, r.fiscal_year`,
  },
  {
    name: 'warnings_by_code',
    comment: 'how often each consistency warning fires',
    sql: `
SELECT code, count(*) AS warnings, count(DISTINCT sha256) AS documents
FROM warnings GROUP BY code ORDER BY warnings DESC, code`,
  },
];
