// A record → rows of every warehouse table (plain objects keyed by column name).
import type { KepuRecord, OutlineNode, ParsedValue } from '../schema/record.js';
import { FINANCE_LEAVES, STAFFING_LEAVES } from './schema.js';

export type Row = Record<string, unknown>;
export type Rows = Record<string, Row[]>;

function at(obj: unknown, path: string[]): unknown {
  let o = obj;
  for (const k of path) o = o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined;
  return o ?? null;
}

function parsed(prefix: string, p: ParsedValue | null): Row {
  return {
    [`${prefix}_text`]: p?.text ?? null,
    [`${prefix}_op`]: p?.op ?? null,
    [`${prefix}_value`]: p?.value ?? null,
    [`${prefix}_unit`]: p?.unit ?? null,
    [`${prefix}_approx`]: p?.approx ?? null,
  };
}

function flattenOutline(sha256: string, nodes: OutlineNode[]): Row[] {
  const rows: Row[] = [];
  const walk = (list: OutlineNode[], parent: number | null) => {
    for (const n of list) {
      const idx = rows.length;
      rows.push({
        sha256, idx, parent_idx: parent, level: n.level, ordinal: n.ordinal, title: n.title, key: n.key,
        span_start: n.span.start, span_end: n.span.end,
      });
      walk(n.children ?? [], idx);
    }
  };
  walk(nodes, null);
  return rows;
}

export function flattenRecord(r: KepuRecord): Rows {
  const sha256 = r.source.sha256;
  const f = r.finance;
  return {
    reports: [{
      sha256, path: r.source.path, format: r.source.format, pages: r.source.pages,
      schema_version: r.schemaVersion, extractor_version: r.extractorVersion,
      title: r.meta.title, unit_name: r.meta.unitName,
      province: r.meta.region.province, city: r.meta.region.city, county: r.meta.region.county,
      fiscal_year: r.meta.fiscalYear, report_kind: r.meta.reportKind, report_date: r.meta.reportDate,
      preparer: r.meta.preparer, phone: r.meta.phone,
      income_total: f.incomeTotal, spending_budget: f.spendingTotal.budget, spending_actual: f.spendingTotal.actual,
      spending_execution_rate: f.spendingTotal.executionRate,
      self_eval_score: r.selfEvaluation.score, self_eval_grade: r.selfEvaluation.grade, self_eval_grade_letter: r.selfEvaluation.gradeLetter,
      goals_target: r.goals.target, goals_achieved: r.goals.achieved,
      n_projects: r.projects.length, n_activities: r.activities.length, n_indicators: r.indicators.length,
      n_warnings: r.warnings.length,
    }],
    finance: [Object.fromEntries([['sha256', sha256], ...FINANCE_LEAVES.map((l) => [l.column, at(f, l.path)])])],
    staffing: [Object.fromEntries([['sha256', sha256], ...STAFFING_LEAVES.map((l) => [l.column, at(r.staffing, l.path)])])],
    projects: r.projects.map((p, idx) => ({
      sha256, idx, name: p.name, budget: p.budget, adjustment: p.adjustment, actual: p.actual, carryover: p.carryover,
      execution_rate: p.executionRate, score: p.score,
    })),
    activities: r.activities.map((a, idx) => ({ sha256, idx, label: a.label, count: a.count, unit: a.unit, approx: a.approx })),
    indicators: r.indicators.map((x, idx) => ({
      sha256, idx, table_title: x.table, level1: x.level1, level2: x.level2, level3: x.level3,
      ...parsed('target', x.target), ...parsed('actual', x.actual), weight: x.weight, score: x.score, note: x.note,
    })),
    outline: flattenOutline(sha256, r.outline),
    evidence: Object.entries(r.evidence).map(([pointer, e]) => ({
      sha256, pointer, span_start: e.start, span_end: e.end, page: e.page, text: e.text, rule: e.rule,
      ocr: e.ocr ?? null, confidence: e.confidence ?? null,
    })),
    warnings: r.warnings.map((w, idx) => ({ sha256, idx, code: w.code, message: w.message, paths: w.paths })),
    findings: [
      ...r.problems.map((text, idx) => ({ sha256, kind: 'problem', idx, text })),
      ...r.improvements.map((text, idx) => ({ sha256, kind: 'improvement', idx, text })),
    ],
  };
}
