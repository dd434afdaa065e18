// Stage 7 — emit: resolved values, items and evidence → the record, validated against the zod schema.
import type { Fact, KDocument, Span } from '../document.js';
import { pageOf } from '../document.js';
import { KepuRecord, SCHEMA_VERSION, type Evidence } from '../schema/record.js';
import { extractorVersion } from './version.js';

export function emptyRecord(doc: Pick<KDocument, 'path' | 'sha256' | 'format' | 'pages'>): KepuRecord {
  // object literals, not spreads: a spread gives each record objects of their own hidden class (V8), and every
  // field set later then changes that class again
  return {
    schemaVersion: SCHEMA_VERSION,
    extractorVersion: extractorVersion(),
    source: { path: doc.path, sha256: doc.sha256, format: doc.format, pages: doc.pages ? doc.pages.length : null },
    meta: { title: null, unitName: null, region: { province: null, city: null, county: null }, fiscalYear: null, reportKind: null, reportDate: null, preparer: null, phone: null },
    outline: [],
    staffing: { authorized: null, authorizedAdministrative: null, authorizedInstitutional: null, inService: null, retired: null },
    finance: {
      incomeTotal: null,
      incomeGrandTotal: null,
      spendingTotal: { budget: null, actual: null, executionRate: null, initialBudget: null },
      spendingGrandTotal: null,
      basic: { budget: null, actual: null, personnel: null, publicUse: null, personnelBudget: null, publicUseBudget: null, executionRate: null },
      project: { budget: null, actual: null, executionRate: null },
      governmentFund: { budget: null, actual: null },
      threePublic: { budget: null, actual: null },
      fiscalAppropriation: { income: null, spending: null },
    },
    projects: [],
    activities: [],
    indicators: [],
    selfEvaluation: { score: null, grade: null, gradeLetter: null },
    goals: { target: null, achieved: null },
    problems: [],
    improvements: [],
    evidence: {},
    warnings: [],
  };
}

function setPath(obj: Record<string, unknown>, pointer: string, value: unknown): boolean {
  const keys = pointer.split('/').slice(1);
  let cur: Record<string, unknown> = obj;
  for (const k of keys.slice(0, -1)) {
    if (typeof cur[k] !== 'object' || cur[k] === null) return false;
    cur = cur[k] as Record<string, unknown>;
  }
  const last = keys[keys.length - 1];
  if (!(last in cur)) return false;
  cur[last] = value;
  return true;
}

export function evidenceFor(doc: KDocument, span: Span, rule: string): Evidence {
  const page = pageOf(doc, span.start);
  const ev: Evidence = { start: span.start, end: span.end, page: page?.num ?? null, text: doc.text.slice(span.start, span.end), rule };
  if (page?.ocr) {
    ev.ocr = true;
    if (page.confidence !== undefined) ev.confidence = page.confidence;
  }
  return ev;
}

/** Warnings are the messages whose rule id is a bare warning code (sum_mismatch_basic); ids with a stage prefix (structure.toc, read:ocr) are informational.
 *  A record's warning has no place, so messages that say the same (one per cell of a row) are one warning. */
function warnings(doc: KDocument): KepuRecord['warnings'] {
  const seen = new Set<string>();
  return doc.messages
    .filter((m) => /^[a-z_]+$/.test(m.ruleId))
    .map((m) => ({ code: m.ruleId, message: m.reason, paths: m.paths ?? [] }))
    .filter((w) => {
      const key = JSON.stringify(w);
      return !seen.has(key) && !!seen.add(key);
    });
}

export function emit(doc: KDocument): KepuRecord {
  const r = emptyRecord(doc);
  const values = (doc.data.resolved as Map<string, Fact>) ?? new Map();
  for (const [path, f] of values) {
    if (setPath(r as unknown as Record<string, unknown>, path, f.value)) r.evidence[path] = evidenceFor(doc, f.span, f.rule);
  }
  r.outline = doc.outline;
  const acts = doc.items.activities ?? [];
  r.activities = acts.map((a) => a.item as KepuRecord['activities'][number]);
  acts.forEach((a, i) => (r.evidence[`/activities/${i}`] = evidenceFor(doc, a.span, a.rule)));
  const projs = doc.items.projects ?? [];
  r.projects = projs.map((p) => p.item as KepuRecord['projects'][number]);
  projs.forEach((p, i) => {
    r.evidence[`/projects/${i}`] = evidenceFor(doc, p.span, p.rule);
    for (const [field, ev] of Object.entries(p.fields ?? {})) r.evidence[`/projects/${i}/${field}`] = evidenceFor(doc, ev.span, ev.rule);
  });
  for (const k of ['problems', 'improvements'] as const) {
    const items = (doc.data[k] as { item: string; span: Span; rule: string }[] | undefined) ?? [];
    r[k] = items.map((x) => x.item);
    items.forEach((x, i) => (r.evidence[`/${k}/${i}`] = evidenceFor(doc, x.span, x.rule)));
  }
  if (Array.isArray(doc.data.indicators)) r.indicators = doc.data.indicators as KepuRecord['indicators'];
  const indEv = doc.data.indicatorEvidence as Record<string, { span: Span; rule: string }> | undefined;
  for (const [path, ev] of Object.entries(indEv ?? {})) r.evidence[path] = evidenceFor(doc, ev.span, ev.rule);
  if (doc.data.goals) r.goals = doc.data.goals as KepuRecord['goals'];
  r.warnings = warnings(doc);
  return KepuRecord.parse(r);
}
