// Warehouse figures for the overview charts: one total and one 科普 project figure per unit and year.
import type { KepuRecord } from '../schema/record.js';
import { countFields } from './stats.js';

export interface Figures {
  /** 支出合计 as stated; else 基本支出 + 项目支出 when both are stated (derived) */
  total: number | null;
  totalDerived: boolean;
  /** 科普 project spending: projects named …科普…, else the project of a 科普 project report */
  kepu: number | null;
}

const KEPU = /科普/;

export function figuresOf(r: KepuRecord): Figures {
  const f = r.finance;
  let total = f?.spendingTotal?.actual ?? null;
  let totalDerived = false;
  if (total === null && f?.basic?.actual != null && f?.project?.actual != null) {
    total = Math.round((f.basic.actual + f.project.actual) * 100) / 100;
    totalDerived = true;
  }
  let kepu: number | null = null;
  const named = (r.projects ?? []).filter((p) => KEPU.test(p.name) && p.actual !== null);
  if (named.length) kepu = named.reduce((s, p) => s + (p.actual as number), 0);
  else if (r.meta?.reportKind === 'project_self_eval' && KEPU.test(r.meta.title ?? '')) {
    kepu = f?.project?.actual ?? f?.spendingTotal?.actual ?? null;
  }
  return { total, totalDerived, kepu };
}

/** Unit display name; a bare 县科协 gets its place from the region so units stay apart. */
export function unitLabel(r: KepuRecord): string {
  const name = r.meta?.unitName ?? '';
  const place = r.meta?.region?.county ?? r.meta?.region?.city ?? r.meta?.region?.province ?? '';
  if (!name) return place || '（未知单位）';
  if (place && !name.includes(place)) return `${place}${name.replace(/^[县市区]/, '')}`;
  return name;
}

/** All the overview needs of one document: small enough to embed in its page and collect for the index. */
export interface ReviewRow extends Figures {
  /** the input file */
  file: string;
  /** link to the document's page, relative to index.html; null when there is none */
  href: string | null;
  title: string | null;
  unit: string;
  year: number | null;
  kind: string | null;
  found: number;
  missing: number;
  /** warning codes, one per warning */
  warnings: string[];
}

export function reviewRow(file: string, href: string | null, r: KepuRecord): ReviewRow {
  const c = countFields(r);
  return {
    file,
    href,
    title: r.meta?.title ?? null,
    unit: unitLabel(r),
    year: r.meta?.fiscalYear ?? null,
    kind: r.meta?.reportKind ?? null,
    found: c.found,
    missing: c.missing,
    warnings: (r.warnings ?? []).map((w) => w.code),
    ...figuresOf(r),
  };
}

/** Reads a row back (from a page); null when the value is not a row. */
export function asReviewRow(v: unknown): ReviewRow | null {
  if (!v || typeof v !== 'object') return null;
  const r = v as Record<string, unknown>;
  const num = (x: unknown) => x === null || typeof x === 'number';
  const str = (x: unknown) => x === null || typeof x === 'string';
  const ok =
    typeof r.file === 'string' && str(r.href) && str(r.title) && typeof r.unit === 'string' && num(r.year) && str(r.kind) &&
    typeof r.found === 'number' && typeof r.missing === 'number' && Array.isArray(r.warnings) &&
    r.warnings.every((w) => typeof w === 'string') && num(r.total) && typeof r.totalDerived === 'boolean' && num(r.kepu);
  return ok ? (r as unknown as ReviewRow) : null;
}

export interface UnitYear {
  unit: string;
  year: number;
  total: number | null;
  totalDerived: boolean;
  kepu: number | null;
}

// a unit-year may come in several reports: prefer the most complete kind for each figure
const TOTAL_PREFERENCE = ['final_accounts', 'overall_self_eval', 'project_self_eval', 'other', 'budget'];
const KEPU_PREFERENCE = ['project_self_eval', 'overall_self_eval', 'final_accounts', 'other', 'budget'];
const rank = (order: string[], kind: string | null | undefined) => {
  const i = order.indexOf(kind ?? 'other');
  return i < 0 ? order.length : i;
};

export function unitYears(docs: ReviewRow[]): { rows: UnitYear[]; noYear: number } {
  const groups = new Map<string, ReviewRow[]>();
  let noYear = 0;
  for (const d of docs) {
    if (d.year == null) {
      noYear++;
      continue;
    }
    const key = `${d.unit}\u0000${d.year}`;
    groups.set(key, [...(groups.get(key) ?? []), d]);
  }
  const rows: UnitYear[] = [];
  for (const [key, ds] of groups) {
    const [unit, year] = key.split('\u0000');
    const pick = (order: string[], get: (d: ReviewRow) => number | null) =>
      ds.filter((d) => get(d) !== null).sort((a, b) => rank(order, a.kind) - rank(order, b.kind))[0];
    const t = pick(TOTAL_PREFERENCE, (d) => d.total);
    const k = pick(KEPU_PREFERENCE, (d) => d.kepu);
    rows.push({ unit, year: Number(year), total: t?.total ?? null, totalDerived: t?.totalDerived ?? false, kepu: k?.kepu ?? null });
  }
  rows.sort((a, b) => a.year - b.year || a.unit.localeCompare(b.unit, 'zh-CN'));
  return { rows, noYear };
}
