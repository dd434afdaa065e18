// Values as a reviewer reads them: money in 元 and 万元, rates with %, counts with their measure word.
import type { Activity, ParsedValue, Project } from '../schema/record.js';
import { REPORT_KIND_LABELS, fieldDef, pointerParts, valueAt, type Kind } from './fields.js';

const grouped = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
const plain = new Intl.NumberFormat('en-US', { maximumFractionDigits: 6 });

/** 1498300 → "1,498,300 元" */
export function yuanText(y: number): string {
  return `${grouped.format(y)} 元`;
}

/** 1498300 → "149.83 万元" (rounded to 6 decimals to hide float noise) */
export function wanText(y: number): string {
  return `${plain.format(Number((y / 10000).toFixed(6)))} 万元`;
}

/** Money as both yuan and 万元. */
export function moneyText(y: number): string {
  return `${yuanText(y)}（${wanText(y)}）`;
}

const PREFIX_APPROX = new Set(['近', '约', '超过', '逾', '达', '超', '将近', '大约']);

export function activityText(a: Pick<Activity, 'count' | 'unit' | 'approx'>): string {
  const n = plain.format(a.count);
  if (!a.approx) return `${n} ${a.unit}`;
  return PREFIX_APPROX.has(a.approx) ? `${a.approx} ${n} ${a.unit}` : `${n}${a.approx} ${a.unit}`;
}

export function parsedValueText(v: ParsedValue | null): string {
  return v ? v.text : '';
}

/** A value formatted by kind; null/undefined → ''. */
export function valueText(v: unknown, kind: Kind): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') {
    switch (kind) {
      case 'money':
        return moneyText(v);
      case 'rate':
        return `${plain.format(v)}%`;
      case 'count':
        return `${plain.format(v)} 人`;
      case 'score':
        return `${plain.format(v)} 分`;
      case 'year':
        return `${v} 年`;
      default:
        return plain.format(v);
    }
  }
  if (typeof v === 'string') return kind === 'reportKind' ? `${REPORT_KIND_LABELS[v] ?? v}（${v}）` : v;
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (typeof v === 'object' && 'text' in (v as object) && typeof (v as ParsedValue).text === 'string') {
    return (v as ParsedValue).text;
  }
  return JSON.stringify(v);
}

function projectText(p: Project): string {
  const parts = [p.name];
  if (p.actual !== null) parts.push(`实际支出 ${moneyText(p.actual)}`);
  else if (p.budget !== null) parts.push(`预算 ${moneyText(p.budget)}`);
  return parts.join('：');
}

/** The normalised value a pointer names, formatted for the page. */
export function pointerValueText(record: unknown, pointer: string): string {
  const v = valueAt(record, pointer);
  const parts = pointerParts(pointer);
  if (parts.length === 2 && v && typeof v === 'object') {
    if (parts[0] === 'activities') return `${(v as Activity).label}：${activityText(v as Activity)}`;
    if (parts[0] === 'projects') return projectText(v as Project);
  }
  const kind = fieldDef(pointer)?.kind ?? 'text';
  return valueText(v, kind);
}
