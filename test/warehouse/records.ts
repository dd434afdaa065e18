// Hand-made records for warehouse tests: schema-valid, with the awkward values a warehouse must carry
// (quotes, commas, newlines, nulls, nested outline, list columns).
import { createHash } from 'node:crypto';
import { KepuRecord } from '../../src/schema/record.js';

type Kind = 'overall_self_eval' | 'project_self_eval' | 'final_accounts' | 'budget' | 'other';

export interface Spec {
  id: string;
  unit: string;
  county?: string | null;
  province?: string | null;
  year: number;
  kind: Kind;
  title?: string;
  spending?: number | null;
  score?: number | null;
  projects?: { name: string; budget: number | null; actual: number | null; executionRate?: number | null; score?: number | null }[];
  activities?: { label: string; count: number; unit: string }[];
}

const nullFinance = () => ({
  incomeTotal: null, incomeGrandTotal: null,
  spendingTotal: { budget: null, actual: null, executionRate: null, initialBudget: null }, spendingGrandTotal: null,
  basic: { budget: null, actual: null, personnel: null, publicUse: null, personnelBudget: null, publicUseBudget: null, executionRate: null },
  project: { budget: null, actual: null, executionRate: null },
  governmentFund: { budget: null, actual: null },
  threePublic: { budget: null, actual: null },
  fiscalAppropriation: { income: null, spending: null },
});

export function makeRecord(s: Spec): KepuRecord {
  const finance = nullFinance();
  finance.spendingTotal.actual = s.spending ?? null;
  finance.spendingTotal.budget = s.spending ? s.spending + 0.01 : null;
  finance.spendingTotal.executionRate = s.spending ? 99.99 : null;
  finance.basic.personnel = 1234567.89;
  const title = s.title ?? `${s.year}年度${s.unit}部门整体支出绩效自评报告`;
  const record = {
    schemaVersion: '1.0.0',
    extractorVersion: 'test',
    source: { path: `in/${s.id}.txt`, sha256: createHash('sha256').update(s.id).digest('hex'), format: 'txt', pages: null },
    meta: {
      title, unitName: s.unit,
      region: { province: s.province ?? null, city: null, county: s.county ?? null },
      fiscalYear: s.year, reportKind: s.kind, reportDate: `${s.year + 1}-05-13`, preparer: '张三', phone: '0731-1234567',
    },
    outline: [
      {
        level: 1, ordinal: '一、', title: '部门（单位）基本情况', key: 'basic_info', span: { start: 10, end: 22 },
        children: [{ level: 2, ordinal: '（一）', title: '部门职责', key: null, span: { start: 23, end: 30 }, children: [] }],
      },
      { level: 1, ordinal: '二、', title: '存在的问题', key: 'problems', span: { start: 100, end: 107 }, children: [] },
    ],
    staffing: { authorized: 7, authorizedAdministrative: 4, authorizedInstitutional: 3, inService: 6, retired: null },
    finance,
    projects: (s.projects ?? []).map((p) => ({ executionRate: null, score: null, ...p, adjustment: -1000, carryover: 0 })),
    activities: (s.activities ?? []).map((a) => ({ ...a, approx: a.count > 1000 ? '余' : null })),
    indicators: [
      {
        table: `${s.year}年度项目支出绩效自评表`, level1: '产出指标', level2: '数量指标', level3: '开展活动, "场次"',
        target: { text: '≥30场', op: '>=', value: 30, unit: '场', approx: null },
        actual: { text: '33场', op: '=', value: 33, unit: '场', approx: null },
        weight: 10, score: 10, note: null,
      },
    ],
    selfEvaluation: { score: s.score ?? null, grade: s.score ? (s.score >= 90 ? '优' : '良') : null },
    goals: { target: '目标,含逗号\n和换行', achieved: null },
    problems: ['一是宣传"不够"，覆盖面窄', '二是经费不足'],
    improvements: ['加强宣传'],
    evidence: {
      '/meta/unitName': { start: 0, end: s.unit.length, page: null, text: s.unit, rule: 'meta.unit' },
      '/finance/basic/personnel': { start: 40, end: 52, page: 2, text: '人员经费123.46万元', rule: 'finance.personnel', ocr: true, confidence: 0.91 },
    },
    warnings: [{ code: 'sum_mismatch_basic', message: '人员经费 + 公用经费 ≠ 基本支出', paths: ['/finance/basic/actual', '/finance/basic/personnel'] }],
  };
  return KepuRecord.parse(record);
}
