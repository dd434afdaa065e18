// The record contract. Paths listed in the foundation issue are fixed: add fields, never rename or re-mean.
import { z } from 'zod';

export const SCHEMA_VERSION = '1.0.0';

const yuan = z.number().nullable().describe('amount in yuan (元), decimal-safe; null when not stated');
const rate = z.number().nullable().describe('percentage, 100 means 100%');
const count = z.number().int().nullable();

export const Span = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});

export const Evidence = z.object({
  start: z.number().int().nonnegative().describe('offset into the extracted plain text, inclusive'),
  end: z.number().int().nonnegative().describe('offset into the extracted plain text, exclusive'),
  page: z.number().int().positive().nullable(),
  text: z.string().describe('exactly text.slice(start, end)'),
  rule: z.string().describe('id of the pattern that produced the value'),
  ocr: z.boolean().optional(),
  confidence: z.number().min(0).max(1).optional(),
});

export const Region = z.object({
  province: z.string().nullable(),
  city: z.string().nullable(),
  county: z.string().nullable(),
});

export const REPORT_KINDS = ['overall_self_eval', 'project_self_eval', 'final_accounts', 'budget', 'other'] as const;

export const Meta = z.object({
  title: z.string().nullable(),
  unitName: z.string().nullable(),
  region: Region,
  fiscalYear: z.number().int().nullable(),
  reportKind: z.enum(REPORT_KINDS).nullable(),
  reportDate: z.string().nullable().describe('ISO date YYYY-MM-DD'),
  preparer: z.string().nullable(),
  phone: z.string().nullable(),
});

export type OutlineNode = {
  level: number;
  ordinal: string | null;
  title: string;
  key: string | null;
  span: { start: number; end: number };
  children: OutlineNode[];
};
export const OutlineNode: z.ZodType<OutlineNode> = z.lazy(() =>
  z.object({
    level: z.number().int().positive(),
    ordinal: z.string().nullable().describe('the numbering label as written, e.g. 一、 （二） 1.'),
    title: z.string(),
    key: z.string().nullable().describe('canonical section key, e.g. basic_info, problems'),
    span: Span,
    children: z.array(OutlineNode),
  }),
);

export const Staffing = z.object({
  authorized: count,
  authorizedAdministrative: count,
  authorizedInstitutional: count,
  inService: count,
  retired: count,
});

export const Finance = z.object({
  incomeTotal: yuan.describe('收入合计: this year income, excluding 上年结转'),
  incomeGrandTotal: yuan.describe('收入总计: includes 上年结转'),
  spendingTotal: z.object({ budget: yuan, actual: yuan, executionRate: rate, initialBudget: yuan.describe('年初预算: before mid-year changes') }),
  spendingGrandTotal: yuan.describe('支出总计: includes 年末结转'),
  basic: z.object({
    budget: yuan,
    actual: yuan,
    personnel: yuan.describe('人员经费 actually spent'),
    publicUse: yuan.describe('公用经费 actually spent'),
    personnelBudget: yuan,
    publicUseBudget: yuan,
    executionRate: rate,
  }),
  project: z.object({ budget: yuan, actual: yuan, executionRate: rate }),
  governmentFund: z.object({ budget: yuan, actual: yuan }),
  threePublic: z.object({ budget: yuan, actual: yuan }),
  fiscalAppropriation: z.object({ income: yuan, spending: yuan }).describe('(一般公共预算)财政拨款收入/支出'),
});

export const Project = z.object({
  name: z.string(),
  budget: yuan,
  adjustment: yuan.describe('mid-year change, negative for 调减'),
  actual: yuan,
  carryover: yuan,
  /** the project's own 执行率 and self-evaluation score as a listing or its form states them. Absent in records of earlier versions */
  executionRate: rate.default(null),
  score: z.number().nullable().default(null).describe('the project\'s self-evaluation score (自评得分), out of 100'),
});

export const Activity = z.object({
  label: z.string(),
  count: z.number(),
  unit: z.string(),
  approx: z.string().nullable().describe('the approximation word as written: 余 多 近 约 超过 …'),
});

export const ParsedValue = z.object({
  text: z.string(),
  op: z.enum(['>=', '<=', '>', '<', '=']).nullable(),
  value: z.number().nullable(),
  unit: z.string().nullable(),
  approx: z.string().nullable(),
});

export const Indicator = z.object({
  table: z.string().nullable().describe('title of the table the row comes from, e.g. 2022年度项目支出绩效自评表'),
  level1: z.string().nullable(),
  level2: z.string().nullable(),
  level3: z.string(),
  target: ParsedValue.nullable(),
  actual: ParsedValue.nullable(),
  weight: z.number().nullable(),
  score: z.number().nullable(),
  note: z.string().nullable(),
});

export const SelfEvaluation = z.object({
  score: z.number().nullable(),
  grade: z.string().nullable(),
  /** a letter grade (`评定等级为A级` → `A`); `grade` holds grade words only. Absent in records of earlier versions */
  gradeLetter: z.string().nullable().default(null),
});

export const Warning = z.object({
  code: z.string(),
  message: z.string(),
  paths: z.array(z.string()),
});

export const SourceInfo = z.object({
  path: z.string(),
  sha256: z.string(),
  format: z.string(),
  pages: z.number().int().nullable(),
});

export const KepuRecord = z.object({
  schemaVersion: z.string(),
  extractorVersion: z.string(),
  source: SourceInfo,
  meta: Meta,
  outline: z.array(OutlineNode),
  staffing: Staffing,
  finance: Finance,
  projects: z.array(Project),
  activities: z.array(Activity),
  indicators: z.array(Indicator),
  selfEvaluation: SelfEvaluation,
  goals: z.object({ target: z.string().nullable(), achieved: z.string().nullable() })
    .describe('年度总体目标: 预期目标 / 实际完成情况 from the self-evaluation table'),
  problems: z.array(z.string()),
  improvements: z.array(z.string()),
  evidence: z.record(z.string(), Evidence),
  warnings: z.array(Warning),
});

export type KepuRecord = z.infer<typeof KepuRecord>;
export type Evidence = z.infer<typeof Evidence>;
export type Finance = z.infer<typeof Finance>;
export type Activity = z.infer<typeof Activity>;
export type Project = z.infer<typeof Project>;
export type Indicator = z.infer<typeof Indicator>;
export type ParsedValue = z.infer<typeof ParsedValue>;
export type Warning = z.infer<typeof Warning>;
export type ReportKind = (typeof REPORT_KINDS)[number];
