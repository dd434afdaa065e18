// The record's fields as the review page shows them: Chinese label, value kind, colour group.

export type Group = 'meta' | 'staffing' | 'finance' | 'activities' | 'indicators' | 'evaluation';
export type Kind = 'text' | 'money' | 'rate' | 'count' | 'number' | 'year' | 'date' | 'reportKind' | 'score';

export const GROUPS: { id: Group; label: string; en: string }[] = [
  { id: 'meta', label: '基本信息', en: 'meta' },
  { id: 'staffing', label: '人员编制', en: 'staffing' },
  { id: 'finance', label: '收支', en: 'finance' },
  { id: 'activities', label: '活动', en: 'activities' },
  { id: 'indicators', label: '绩效指标', en: 'indicators' },
  { id: 'evaluation', label: '自评', en: 'evaluation' },
];

export interface FieldDef {
  path: string;
  label: string;
  kind: Kind;
}

const f = (path: string, label: string, kind: Kind): FieldDef => ({ path, label, kind });

/** Scalar fields, in the order the form shows them, grouped by section. */
export const SECTIONS: { group: Group; title: string; fields: FieldDef[] }[] = [
  {
    group: 'meta',
    title: '基本信息',
    fields: [
      f('/meta/title', '报告标题', 'text'),
      f('/meta/unitName', '单位名称', 'text'),
      f('/meta/region/province', '省', 'text'),
      f('/meta/region/city', '市', 'text'),
      f('/meta/region/county', '县（区）', 'text'),
      f('/meta/fiscalYear', '年度', 'year'),
      f('/meta/reportKind', '报告类型', 'reportKind'),
      f('/meta/reportDate', '填报日期', 'date'),
      f('/meta/preparer', '填报人', 'text'),
      f('/meta/phone', '联系电话', 'text'),
    ],
  },
  {
    group: 'staffing',
    title: '人员编制',
    fields: [
      f('/staffing/authorized', '编制', 'count'),
      f('/staffing/authorizedAdministrative', '行政编制', 'count'),
      f('/staffing/authorizedInstitutional', '事业编制', 'count'),
      f('/staffing/inService', '在职人数', 'count'),
      f('/staffing/retired', '退休人数', 'count'),
    ],
  },
  {
    group: 'finance',
    title: '收支情况',
    fields: [
      f('/finance/incomeTotal', '收入合计', 'money'),
      f('/finance/incomeGrandTotal', '收入总计', 'money'),
      f('/finance/spendingTotal/initialBudget', '年初预算', 'money'),
      f('/finance/spendingTotal/budget', '支出预算', 'money'),
      f('/finance/spendingTotal/actual', '支出合计', 'money'),
      f('/finance/spendingTotal/executionRate', '支出执行率', 'rate'),
      f('/finance/spendingGrandTotal', '支出总计', 'money'),
      f('/finance/basic/budget', '基本支出预算', 'money'),
      f('/finance/basic/actual', '基本支出', 'money'),
      f('/finance/basic/personnel', '人员经费', 'money'),
      f('/finance/basic/publicUse', '公用经费', 'money'),
      f('/finance/basic/personnelBudget', '人员经费预算', 'money'),
      f('/finance/basic/publicUseBudget', '公用经费预算', 'money'),
      f('/finance/basic/executionRate', '基本支出执行率', 'rate'),
      f('/finance/project/budget', '项目支出预算', 'money'),
      f('/finance/project/actual', '项目支出', 'money'),
      f('/finance/project/executionRate', '项目支出执行率', 'rate'),
      f('/finance/governmentFund/budget', '政府性基金预算', 'money'),
      f('/finance/governmentFund/actual', '政府性基金支出', 'money'),
      f('/finance/threePublic/budget', '三公经费预算', 'money'),
      f('/finance/threePublic/actual', '三公经费支出', 'money'),
      f('/finance/fiscalAppropriation/income', '财政拨款收入', 'money'),
      f('/finance/fiscalAppropriation/spending', '财政拨款支出', 'money'),
    ],
  },
  {
    group: 'evaluation',
    title: '自评结论',
    fields: [
      f('/selfEvaluation/score', '自评得分', 'score'),
      f('/selfEvaluation/grade', '绩效等级', 'text'),
      f('/selfEvaluation/gradeLetter', '等级（字母）', 'text'),
      f('/goals/target', '年度总体目标（预期）', 'text'),
      f('/goals/achieved', '年度总体目标（实际完成）', 'text'),
    ],
  },
];

export const PROJECT_FIELDS: FieldDef[] = [
  f('name', '项目名称', 'text'),
  f('budget', '预算', 'money'),
  f('adjustment', '调整（调增/调减）', 'money'),
  f('actual', '实际支出', 'money'),
  f('carryover', '结余结转', 'money'),
  f('executionRate', '执行率', 'rate'),
  f('score', '自评得分', 'score'),
];

export const ACTIVITY_FIELDS: FieldDef[] = [
  f('label', '活动', 'text'),
  f('count', '数量', 'number'),
  f('unit', '量词', 'text'),
  f('approx', '约数词', 'text'),
];

export const INDICATOR_FIELDS: FieldDef[] = [
  f('table', '所在表格', 'text'),
  f('level1', '一级指标', 'text'),
  f('level2', '二级指标', 'text'),
  f('level3', '三级指标', 'text'),
  f('target', '年度指标值', 'text'),
  f('actual', '实际完成值', 'text'),
  f('weight', '分值', 'number'),
  f('score', '得分', 'number'),
  f('note', '偏差原因', 'text'),
];

export const LIST_LABELS: Record<string, string> = {
  projects: '项目',
  activities: '活动',
  indicators: '绩效指标',
  problems: '存在的问题',
  improvements: '改进措施',
  outline: '目录',
  warnings: '警告',
};

export const REPORT_KIND_LABELS: Record<string, string> = {
  overall_self_eval: '部门整体支出绩效自评',
  project_self_eval: '项目支出绩效自评',
  final_accounts: '部门决算',
  budget: '部门预算',
  other: '其他',
};

const SCALARS = new Map<string, FieldDef>(SECTIONS.flatMap((s) => s.fields.map((d) => [d.path, d] as const)));
const SCALAR_GROUP = new Map<string, Group>(SECTIONS.flatMap((s) => s.fields.map((d) => [d.path, s.group] as const)));

/** Splits a JSON pointer into its reference tokens (RFC 6901). */
export function pointerParts(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer.replace(/^\//, '').split('/').map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** The value a JSON pointer names, or undefined when it names nothing. */
export function valueAt(root: unknown, pointer: string): unknown {
  let cur: unknown = root;
  for (const part of pointerParts(pointer)) {
    if (cur === null || typeof cur !== 'object') return undefined;
    if (!Object.prototype.hasOwnProperty.call(cur, part)) return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

export function groupOf(pointer: string): Group {
  const known = SCALAR_GROUP.get(pointer);
  if (known) return known;
  const head = pointerParts(pointer)[0] ?? '';
  switch (head) {
    case 'staffing':
      return 'staffing';
    case 'finance':
    case 'projects':
      return 'finance';
    case 'activities':
      return 'activities';
    case 'indicators':
      return 'indicators';
    case 'selfEvaluation':
    case 'goals':
    case 'problems':
    case 'improvements':
      return 'evaluation';
    default:
      return 'meta';
  }
}

/** Field definition for any pointer into the record (list items included); null for unknown paths. */
export function fieldDef(pointer: string): FieldDef | null {
  const known = SCALARS.get(pointer);
  if (known) return known;
  const parts = pointerParts(pointer);
  const [head, index, leaf] = parts;
  const lists: Record<string, FieldDef[]> = { projects: PROJECT_FIELDS, activities: ACTIVITY_FIELDS, indicators: INDICATOR_FIELDS };
  if (head in lists && /^\d+$/.test(index ?? '')) {
    const n = Number(index) + 1;
    if (parts.length === 2) return { path: pointer, label: `${LIST_LABELS[head]} ${n}`, kind: 'text' };
    const sub = lists[head].find((d) => d.path === leaf);
    if (sub && parts.length === 3) return { path: pointer, label: `${LIST_LABELS[head]} ${n} · ${sub.label}`, kind: sub.kind };
  }
  if ((head === 'problems' || head === 'improvements') && parts.length === 2 && /^\d+$/.test(index)) {
    return { path: pointer, label: `${LIST_LABELS[head]} ${Number(index) + 1}`, kind: 'text' };
  }
  return null;
}

/** A Chinese label for any pointer; falls back to the pointer itself for fields the page does not know. */
export function labelFor(pointer: string): string {
  return fieldDef(pointer)?.label ?? pointer;
}

/** Every scalar leaf pointer of a record (used to check that each field has a label). */
export function leafPointers(value: unknown, base = ''): string[] {
  if (value === null || typeof value !== 'object') return [base];
  const out: string[] = [];
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    const p = `${base}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    if (Array.isArray(v) && v.length === 0) out.push(p);
    else out.push(...leafPointers(v, p));
  }
  return out;
}
