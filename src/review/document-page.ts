// The review page of one document: highlighted source text, the record as a form, warnings, outline, indicators.
import type { Evidence, Indicator, KepuRecord, OutlineNode, Warning } from '../schema/record.js';
import { attr, cls, esc } from './escape.js';
import {
  ACTIVITY_FIELDS, GROUPS, INDICATOR_FIELDS, LIST_LABELS, PROJECT_FIELDS, REPORT_KIND_LABELS, SECTIONS,
  groupOf, labelFor, valueAt, type FieldDef, type Group,
} from './fields.js';
import { activityText, pointerValueText, valueText, wanText, yuanText } from './format.js';
import { fitsText, highlightText, type MarkSpec, type PointSpec } from './highlight.js';
import { warningDetail } from './warnings.js';
import { countFields } from './stats.js';
import { reviewRow } from './figures.js';
import { rowMeta } from './row-meta.js';
import { htmlShell } from './shell.js';
import { DOC_CSS } from './styles.js';
import { DOC_JS } from './scripts.js';

export interface DocumentPageOptions {
  /** page boundaries of the extracted text (PDF), drawn as page markers */
  pages?: { num: number; start: number; end: number }[] | null;
  /** link back to the batch overview, e.g. 'index.html' */
  indexHref?: string;
}

interface EvEntry {
  index: number;
  path: string;
  ev: Evidence;
  group: Group;
  placed: boolean;
  mismatch: boolean;
}

interface Ctx {
  record: KepuRecord;
  text: string;
  byPath: Map<string, EvEntry>;
  warnByPath: Map<string, Warning[]>;
  used: Set<string>;
}

const basename = (p: string) => p.split(/[\\/]/).pop() || p;

export function renderDocumentPage(record: KepuRecord, text: string, opts: DocumentPageOptions = {}): string {
  const entries: EvEntry[] = Object.entries(record.evidence ?? {}).map(([path, ev], index) => {
    const placed = fitsText(text, ev);
    return { index, path, ev, group: groupOf(path), placed, mismatch: placed && text.slice(ev.start, ev.end) !== ev.text };
  });
  const warnByPath = new Map<string, Warning[]>();
  for (const w of record.warnings ?? []) for (const p of w.paths ?? []) warnByPath.set(p, [...(warnByPath.get(p) ?? []), w]);
  const ctx: Ctx = { record, text, byPath: new Map(entries.map((e) => [e.path, e])), warnByPath, used: new Set() };

  const { html: textHtml, headings } = renderText(ctx, entries, opts);
  const title = record.meta?.title || basename(record.source?.path ?? '') || 'document';
  const indicators = renderIndicators(ctx);
  const form = renderForm(ctx);
  const body = `
${renderHeader(ctx, entries, title, opts)}
<div class="layout">
<nav class="toc card" aria-label="目录"><h2>目录 <small>outline</small></h2>${renderOutline(record.outline ?? [], headings)}</nav>
<main>
<section class="source card"><h2>原文 <small>extracted text · ${text.length} 字符 · ${entries.filter((e) => e.placed).length} 处证据</small></h2>
<div id="text" class="text">${textHtml}</div></section>
${indicators}
</main>
<aside class="panel card" id="panel" aria-label="record">
<div id="selected" class="selected" hidden></div>
${renderWarnings(ctx)}
${form}
${renderNotFound(record)}
${renderEvidenceProblems(ctx, entries)}
</aside>
</div>
<div id="tip" class="tip" role="tooltip" hidden></div>`;
  const head = rowMeta(reviewRow(record.source?.path ?? '', null, record));
  return htmlShell({ title: `${title} — 审核页`, css: DOC_CSS, js: DOC_JS, body, head });
}

function renderText(ctx: Ctx, entries: EvEntry[], opts: DocumentPageOptions): { html: string; headings: Map<OutlineNode, number> } {
  const marks: MarkSpec[] = [];
  const headings = new Map<OutlineNode, number>();
  // headings go first so that a heading and an evidence span with the same extent nest heading-outside
  const walk = (nodes: OutlineNode[]) => {
    for (const n of nodes) {
      if (n.span && fitsText(ctx.text, n.span) && n.span.end > n.span.start) {
        const id = headings.size;
        headings.set(n, id);
        marks.push({ start: n.span.start, end: n.span.end, tag: 'mark', firstAttrs: ` id="hd-${id}" class="hd" data-hd="${id}"`, contAttrs: ` class="hd cont" data-hd="${id}"` });
      }
      walk(n.children ?? []);
    }
  };
  walk(ctx.record.outline ?? []);
  for (const e of entries) {
    const warns = ctx.warnByPath.get(e.path) ?? [];
    const className = cls('ev', `g-${e.group}`, warns.length > 0 && 'has-warn', e.mismatch && 'mismatch');
    const data =
      ` data-ev="${e.index}" data-g="${e.group}" data-path="${attr(e.path)}" data-label="${attr(labelFor(e.path))}"` +
      ` data-value="${attr(pointerValueText(ctx.record, e.path))}" data-rule="${attr(e.ev.rule)}"` +
      ` data-page="${attr(e.ev.page ?? '')}" data-text="${attr(e.ev.text)}"` +
      (e.ev.ocr ? ` data-ocr="1"` : '') +
      (warns.length ? ` data-warn="${attr(warns.map((w) => w.message).join(' / '))}"` : '') +
      (e.mismatch ? ` data-mismatch="${attr(e.ev.text)}"` : '');
    marks.push({
      start: e.ev.start,
      end: e.ev.end,
      tag: 'mark',
      firstAttrs: ` id="ev-${e.index}" class="${className}" tabindex="0"${data}`,
      contAttrs: ` class="${className} cont"${data}`,
    });
  }
  const points: PointSpec[] = (opts.pages ?? [])
    .filter((p) => p.num > 1)
    .map((p) => ({ offset: p.start, html: `<span class="pg" data-page="${attr(p.num)}"></span>` }));
  const { html } = highlightText(ctx.text, marks, points);
  return { html, headings };
}

function renderHeader(ctx: Ctx, entries: EvEntry[], title: string, opts: DocumentPageOptions): string {
  const { record } = ctx;
  const m = record.meta;
  const facts: [string, string | null | undefined][] = [
    ['单位', m?.unitName],
    ['年度', m?.fiscalYear != null ? String(m.fiscalYear) : null],
    ['类型', m?.reportKind ? REPORT_KIND_LABELS[m.reportKind] ?? m.reportKind : null],
    ['来源', record.source?.path],
    ['格式', record.source?.format],
    ['页数', record.source?.pages != null ? String(record.source.pages) : null],
    ['sha256', record.source?.sha256 ? record.source.sha256.slice(0, 12) : null],
    ['版本', `schema ${record.schemaVersion} · extractor ${record.extractorVersion}`],
  ];
  const stats = countFields(record);
  const perGroup = new Map<Group, number>();
  for (const e of entries) if (e.placed) perGroup.set(e.group, (perGroup.get(e.group) ?? 0) + 1);
  const legend = GROUPS.map(
    (g) =>
      `<label class="chip g-${g.id}"><input type="checkbox" checked data-group="${g.id}"> ${esc(g.label)} <small>${g.en}</small> <span class="n">${perGroup.get(g.id) ?? 0}</span></label>`,
  ).join('');
  return `<header class="top">
${opts.indexHref ? `<div><a href="${attr(opts.indexHref)}">← 总览 index</a></div>` : ''}
<h1>${esc(title)}</h1>
<dl class="facts">${facts.filter(([, v]) => v).map(([k, v]) => `<div><dt>${esc(k)}</dt><dd>${esc(v!)}</dd></div>`).join('')}</dl>
<p class="stats">已识别 <b id="n-found">${stats.found}</b> 项 · 未找到 <b id="n-missing">${stats.missing}</b> 项 · 警告 <b id="n-warn">${record.warnings?.length ?? 0}</b> 条 · 证据片段 <b>${entries.length}</b> 处</p>
<div class="legend">${legend}</div>
<div class="toolbar"><label><input type="checkbox" id="toggle-nf"> 隐藏未找到的字段 hide not-found fields</label></div>
</header>`;
}

function renderOutline(nodes: OutlineNode[], headings: Map<OutlineNode, number>): string {
  if (!nodes.length) return '<p class="muted">未识别到标题 no headings found</p>';
  const list = (ns: OutlineNode[]): string =>
    `<ol>${ns
      .map((n) => {
        const id = headings.get(n);
        const label = `${n.ordinal ? `<span class="ord">${esc(n.ordinal)}</span>` : ''}${esc(n.title)}`;
        const link = id !== undefined ? `<a class="jump" href="#hd-${id}">${label}</a>` : label;
        const key = n.key ? ` <small title="section key">${esc(n.key)}</small>` : '';
        return `<li>${link}${key}${n.children?.length ? list(n.children) : ''}</li>`;
      })
      .join('')}</ol>`;
  return list(nodes);
}

/** One form row: label linking to the evidence span, value, warnings. */
function fieldRow(ctx: Ctx, def: FieldDef, group: Group): string {
  const v = valueAt(ctx.record, def.path);
  const ev = ctx.byPath.get(def.path);
  ctx.used.add(def.path);
  const warns = ctx.warnByPath.get(def.path) ?? [];
  const missing = v === null || v === undefined;
  const label = ev?.placed
    ? `<a class="jump" href="#ev-${ev.index}" title="${attr(def.path)}">${esc(def.label)}</a>`
    : `<span title="${attr(def.path)}">${esc(def.label)}</span>`;
  let value: string;
  if (missing) value = '未找到 <small>not found</small>';
  else if (def.kind === 'money' && typeof v === 'number') value = `${esc(yuanText(v))}<span class="wan">${esc(wanText(v))}</span>`;
  else value = esc(valueText(v, def.kind));
  const badges =
    (!missing && !ev ? '<span class="badge none" title="no evidence span">无原文</span>' : '') +
    (ev && !ev.placed ? '<span class="badge warn" title="evidence offsets outside the text">证据越界</span>' : '') +
    (ev?.mismatch ? '<span class="badge warn" title="evidence.text differs from the text slice">证据不符</span>' : '') +
    (ev?.ev.page ? `<span class="badge">p.${esc(String(ev.ev.page))}</span>` : '');
  const rowCls = cls('field', `g-${group}`, missing && 'nf', warns.length > 0 && 'warn');
  const row = `<tr class="${rowCls}" data-path="${attr(def.path)}"${ev ? ` data-ev="${ev.index}"` : ''}><th>${label}</th><td>${value}${badges}</td></tr>`;
  const warnRows = warns.map((w) => `<tr class="warn-row"><td colspan="2">⚠ ${esc(w.message)}</td></tr>`).join('');
  return row + warnRows;
}

function renderForm(ctx: Ctx): string {
  const { record } = ctx;
  const out: string[] = ['<section class="form"><h2>提取结果 <small>record</small></h2>'];
  for (const s of SECTIONS) {
    if (s.group === 'evaluation') continue;
    out.push(`<h3>${esc(s.title)}</h3><table>${s.fields.map((d) => fieldRow(ctx, d, s.group)).join('')}</table>`);
    if (s.group === 'finance') out.push(renderProjects(ctx));
  }
  out.push(renderActivities(ctx));
  const evaluation = SECTIONS.find((s) => s.group === 'evaluation')!;
  out.push(`<h3>${esc(evaluation.title)}</h3><table>${evaluation.fields.map((d) => fieldRow(ctx, d, 'evaluation')).join('')}</table>`);
  out.push(renderTextList(ctx, 'problems', record.problems ?? []));
  out.push(renderTextList(ctx, 'improvements', record.improvements ?? []));
  const n = record.indicators?.length ?? 0;
  out.push(`<h3>${LIST_LABELS.indicators}</h3><p>${n ? `<a href="#indicators">${n} 行指标 → 见原文下方表格</a>` : '<span class="muted">未找到 not found</span>'}</p>`);
  out.push(renderOtherEvidence(ctx));
  out.push('</section>');
  return out.join('\n');
}

function renderProjects(ctx: Ctx): string {
  const projects = ctx.record.projects ?? [];
  if (!projects.length) return `<h3>${LIST_LABELS.projects}</h3><p class="muted">未找到 not found</p>`;
  const tables = projects.map((p, i) => {
    const base = `/projects/${i}`;
    const ev = ctx.byPath.get(base);
    const nameEv = ctx.byPath.get(`${base}/name`);
    ctx.used.add(base).add(`${base}/name`);
    const link = nameEv?.placed ? nameEv : ev;
    const name = link?.placed ? `<a class="jump" href="#ev-${link.index}" title="${attr(link.path)}">${esc(p.name)}</a>` : esc(p.name);
    const head = `<tr class="subhead field g-finance" data-path="${attr(base)}"${ev ? ` data-ev="${ev.index}"` : ''}><th colspan="2">项目 ${i + 1}：${name}</th></tr>`;
    const rows = PROJECT_FIELDS.filter((d) => d.path !== 'name').map((d) =>
      fieldRow(ctx, { ...d, path: `${base}/${d.path}` }, 'finance'),
    );
    return `<table>${head}${rows.join('')}</table>`;
  });
  return `<h3>${LIST_LABELS.projects} <small>${projects.length}</small></h3>${tables.join('')}`;
}

function renderActivities(ctx: Ctx): string {
  const acts = ctx.record.activities ?? [];
  if (!acts.length) return `<h3>${LIST_LABELS.activities}</h3><p class="muted">未找到 not found</p>`;
  const rows = acts.map((a, i) => {
    const path = `/activities/${i}`;
    const ev = ctx.byPath.get(path);
    ctx.used.add(path);
    for (const d of ACTIVITY_FIELDS) ctx.used.add(`${path}/${d.path}`);
    const label = ev?.placed ? `<a class="jump" href="#ev-${ev.index}" title="${attr(path)}">${esc(a.label)}</a>` : esc(a.label);
    const warn = (ctx.warnByPath.get(path) ?? []).map((w) => `<tr class="warn-row"><td colspan="2">⚠ ${esc(w.message)}</td></tr>`).join('');
    return `<tr class="field g-activities" data-path="${attr(path)}"${ev ? ` data-ev="${ev.index}"` : ''}><th>${label}</th><td>${esc(activityText(a))}${ev ? '' : '<span class="badge none">无原文</span>'}</td></tr>${warn}`;
  });
  return `<h3>${LIST_LABELS.activities} <small>${acts.length}</small></h3><table>${rows.join('')}</table>`;
}

function renderTextList(ctx: Ctx, key: 'problems' | 'improvements', items: string[]): string {
  const head = `<h3>${LIST_LABELS[key]}${items.length ? ` <small>${items.length}</small>` : ''}</h3>`;
  if (!items.length) return `${head}<p class="muted">未找到 not found</p>`;
  const lis = items.map((t, i) => {
    const path = `/${key}/${i}`;
    const ev = ctx.byPath.get(path);
    ctx.used.add(path);
    return `<li>${ev?.placed ? `<a class="jump" href="#ev-${ev.index}">${esc(t)}</a>` : esc(t)}</li>`;
  });
  return `${head}<ol class="list">${lis.join('')}</ol>`;
}

/** Evidence for paths the form does not show (fields added later, indicator cells): never hidden. */
function renderOtherEvidence(ctx: Ctx): string {
  const rest = [...ctx.byPath.values()].filter((e) => !ctx.used.has(e.path));
  if (!rest.length) return '';
  const rows = rest.map((e) => fieldRow(ctx, { path: e.path, label: labelFor(e.path), kind: 'text' }, e.group));
  return `<h3>其他证据 <small>other evidence</small></h3><table>${rows.join('')}</table>`;
}

function renderWarnings(ctx: Ctx): string {
  const ws = ctx.record.warnings ?? [];
  if (!ws.length) return '<section class="warnings-none"><h2>警告 <small>warnings</small></h2><p class="muted">无 none</p></section>';
  const items = ws.map((w, i) => {
    const links = (w.paths ?? []).map((p) => {
      const ev = ctx.byPath.get(p);
      const label = esc(labelFor(p));
      const value = esc(pointerValueText(ctx.record, p) || '—');
      return ev?.placed ? `<a class="jump" href="#ev-${ev.index}">${label}</a> ${value}` : `${label} ${value}`;
    });
    const detail = warningDetail(ctx.record, w);
    return `<li id="w-${i}"><code>${esc(w.code)}</code> ${esc(w.message)}${links.length ? `<br><small>${links.join('；')}</small>` : ''}${detail ? `<span class="calc">${esc(detail)}</span>` : ''}</li>`;
  });
  return `<section class="warnings"><h2>警告 <small>warnings · ${ws.length}</small></h2><ul class="list">${items.join('')}</ul></section>`;
}

function renderNotFound(record: KepuRecord): string {
  const missing: FieldDef[] = [];
  for (const s of SECTIONS) for (const d of s.fields) if (valueAt(record, d.path) == null) missing.push(d);
  const emptyLists = (['projects', 'activities', 'indicators', 'problems', 'improvements'] as const).filter(
    (k) => !(record[k]?.length),
  );
  const items = [
    ...missing.map((d) => `<li title="${attr(d.path)}">${esc(d.label)}</li>`),
    ...emptyLists.map((k) => `<li title="/${k}">${esc(LIST_LABELS[k])}</li>`),
  ];
  return `<section class="notfound"><h2>未找到 <small>not found · ${items.length}</small></h2>${items.length ? `<ul class="list">${items.join('')}</ul>` : '<p class="muted">无 none</p>'}</section>`;
}

function renderEvidenceProblems(ctx: Ctx, entries: EvEntry[]): string {
  const bad = entries.filter((e) => !e.placed || e.mismatch);
  if (!bad.length) return '';
  const items = bad.map((e) => {
    const why = !e.placed
      ? `偏移 ${e.ev.start}–${e.ev.end} 超出原文（长度 ${ctx.text.length}）`
      : `evidence.text「${e.ev.text}」≠ 原文「${ctx.text.slice(e.ev.start, e.ev.end)}」`;
    return `<li><code>${esc(e.path)}</code> ${esc(labelFor(e.path))}：${esc(why)}</li>`;
  });
  return `<section class="evidence-problems warnings"><h2>证据问题 <small>evidence problems · ${bad.length}</small></h2><ul class="list">${items.join('')}</ul></section>`;
}

function renderIndicators(ctx: Ctx): string {
  const rows = ctx.record.indicators ?? [];
  if (!rows.length) return '<section id="indicators" class="indicators card"><h2>绩效指标 <small>indicators</small></h2><p class="muted">未找到 not found</p></section>';
  const tables = new Map<string, { row: Indicator; i: number }[]>();
  rows.forEach((row, i) => {
    const k = row.table ?? '';
    tables.set(k, [...(tables.get(k) ?? []), { row, i }]);
  });
  const cols = INDICATOR_FIELDS.filter((d) => d.path !== 'table');
  const head = `<thead><tr>${cols.map((d) => `<th>${esc(d.label)}</th>`).join('')}</tr></thead>`;
  const body = [...tables.entries()].map(([caption, list]) => {
    const trs = list.map(({ row, i }) => {
      const ev = ctx.byPath.get(`/indicators/${i}`);
      ctx.used.add(`/indicators/${i}`);
      const cells = cols.map((d) => {
        const v = row[d.path as keyof Indicator] as unknown;
        const cellEv = ctx.byPath.get(`/indicators/${i}/${d.path}`);
        if (cellEv) ctx.used.add(cellEv.path);
        let content = esc(valueText(v, d.kind));
        const target = cellEv ?? (d.path === 'level3' ? ev : undefined);
        if (target?.placed && content) content = `<a class="jump" href="#ev-${target.index}">${content}</a>`;
        return `<td>${content}</td>`;
      });
      return `<tr data-path="/indicators/${i}">${cells.join('')}</tr>`;
    });
    return `<table>${caption ? `<caption>${esc(caption)}</caption>` : ''}${head}<tbody>${trs.join('')}</tbody></table>`;
  });
  return `<section id="indicators" class="indicators card"><h2>绩效指标 <small>indicators · ${rows.length}</small></h2>${body.join('')}</section>`;
}

