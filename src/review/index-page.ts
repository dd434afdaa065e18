// The batch overview: one sortable row per document, failures, and spending charts by year and by unit.
import { attr, esc } from './escape.js';
import { REPORT_KIND_LABELS } from './fields.js';
import { unitYears, type ReviewRow } from './figures.js';
import { horizontalBars, verticalBars, type Category, type Series } from './charts.js';
import { htmlShell } from './shell.js';
import { INDEX_CSS } from './styles.js';
import { INDEX_JS } from './scripts.js';

/** One document of the overview (see reviewRow). */
export type IndexRow = ReviewRow;

export interface IndexFailure {
  path: string;
  code: string;
  message: string;
}

const SERIES: Series[] = [
  { name: '支出合计', colour: '#f59e0b' },
  { name: '科普项目支出', colour: '#14b8a6' },
];

const wan = (y: number | null) => (y === null ? null : Number((y / 10000).toFixed(6)));
const wanCell = (y: number | null) => (y === null ? '' : new Intl.NumberFormat('en-US', { maximumFractionDigits: 4 }).format(wan(y)!));
const basename = (p: string) => p.split(/[\\/]/).pop() || p;

function sumOrNull(vs: (number | null)[]): number | null {
  const xs = vs.filter((v): v is number => v !== null);
  return xs.length ? Math.round(xs.reduce((s, v) => s + v, 0) * 100) / 100 : null;
}

function renderCharts(docs: IndexRow[]): string {
  const { rows, noYear } = unitYears(docs);
  if (!rows.some((r) => r.total !== null || r.kepu !== null)) {
    return '<section class="card"><h2>支出图表 <small>charts</small></h2><p class="muted">还没有可用的支出数字 no spending figures yet</p></section>';
  }
  const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b);
  const byYear: Category[] = years.map((y) => {
    const rs = rows.filter((r) => r.year === y);
    const derived = rs.some((r) => r.totalDerived && r.total !== null);
    return {
      label: String(y),
      values: [wan(sumOrNull(rs.map((r) => r.total))), wan(sumOrNull(rs.map((r) => r.kepu)))],
      notes: [derived ? '含由基本支出+项目支出推算的数' : null, null],
    };
  });
  const units = [...new Set(rows.map((r) => r.unit))];
  const byUnit: Category[] = units
    .map((u) => {
      const rs = rows.filter((r) => r.unit === u);
      const ys = rs.map((r) => r.year);
      const span = Math.min(...ys) === Math.max(...ys) ? `${ys[0]}` : `${Math.min(...ys)}–${Math.max(...ys)}`;
      return {
        label: u,
        sub: span,
        values: [wan(sumOrNull(rs.map((r) => r.total))), wan(sumOrNull(rs.map((r) => r.kepu)))],
        notes: [rs.some((r) => r.totalDerived && r.total !== null) ? '含推算数' : null, null],
      };
    })
    .sort((a, b) => (b.values[0] ?? -1) - (a.values[0] ?? -1) || a.label.localeCompare(b.label, 'zh-CN'));
  const note = `每个单位每年取一个数（同一单位同一年有多份报告时按报告类型择一）。支出合计缺失而基本支出、项目支出都有时，用二者之和，以虚线框标出。${noYear ? `${noYear} 份报告没有年度，未计入。` : ''}`;
  return `<section class="card"><h2>支出图表 <small>charts · 万元</small></h2>
<div class="charts"><div id="chart-year">${verticalBars('按年度 by year', byYear, SERIES)}</div>
<div id="chart-unit">${horizontalBars('按单位 by unit（各年合计）', byUnit, SERIES)}</div></div>
<p class="note">${esc(note)}</p></section>`;
}

function renderTable(rows: IndexRow[]): string {
  const head: [string, 'num' | 'text'][] = [
    ['文件 file', 'text'],
    ['单位 unit', 'text'],
    ['年度 year', 'num'],
    ['类型 kind', 'text'],
    ['已识别 found', 'num'],
    ['未找到 missing', 'num'],
    ['警告 warnings', 'num'],
    ['支出合计（万元）', 'num'],
    ['科普项目（万元）', 'num'],
  ];
  const thead = `<thead><tr>${head.map(([h, t]) => `<th${t === 'num' ? ' class="num" data-type="num"' : ''}><button type="button">${esc(h)}</button></th>`).join('')}</tr></thead>`;
  const body = rows.map(({ file, href, ...r }) => {
    const kind = r.kind;
    const codes = [...new Set(r.warnings)].join(', ');
    const name = esc(basename(file));
    const cells = [
      `<td data-v="${attr(basename(file))}">${href ? `<a href="${attr(href)}">${name}</a>` : name}</td>`,
      `<td>${esc(r.unit)}</td>`,
      `<td class="num year" data-v="${attr(r.year ?? '')}">${esc(String(r.year ?? '—'))}</td>`,
      `<td class="kind" data-v="${attr(kind ?? '')}">${kind ? `${esc(REPORT_KIND_LABELS[kind] ?? kind)}` : '—'}</td>`,
      `<td class="num" data-v="${r.found}">${r.found}</td>`,
      `<td class="num" data-v="${r.missing}">${r.missing}</td>`,
      `<td class="num warn" data-v="${r.warnings.length}" title="${attr(codes)}">${r.warnings.length}${codes ? ` <small>${esc(codes)}</small>` : ''}</td>`,
      `<td class="num" data-v="${attr(wan(r.total) ?? '')}">${wanCell(r.total)}${r.totalDerived ? ' <small title="基本支出+项目支出">≈</small>' : ''}</td>`,
      `<td class="num" data-v="${attr(wan(r.kepu) ?? '')}">${wanCell(r.kepu)}</td>`,
    ];
    return `<tr>${cells.join('')}</tr>`;
  });
  return `<table class="docs sortable" id="docs">${thead}<tbody>${body.join('\n')}</tbody></table>`;
}

function renderFailures(failures: IndexFailure[]): string {
  if (!failures.length) return '';
  const items = failures.map((f) => `<li><b>${esc(basename(f.path))}</b> <code>${esc(f.code)}</code> ${esc(f.message)} <small>${esc(f.path)}</small></li>`);
  return `<section class="card failures" id="failures"><h2>失败 <small>failures · ${failures.length}</small></h2><ul>${items.join('')}</ul></section>`;
}

export function renderIndexPage(rows: IndexRow[], failures: IndexFailure[]): string {
  const warned = rows.filter((r) => r.warnings.length > 0).length;
  const body = `<header class="top"><h1>kepu-extract 审核总览 <small>review index</small></h1>
<p class="stats"><b>${rows.length + failures.length}</b> 份输入 · <b>${rows.length}</b> 份记录 · <b>${warned}</b> 份有警告 · <b>${failures.length}</b> 份失败</p></header>
<main>
${renderCharts(rows)}
<section class="card"><h2>文档 <small>documents · 点击表头排序 click a header to sort</small></h2>${rows.length ? renderTable(rows) : '<p class="muted">没有记录 no records</p>'}</section>
${renderFailures(failures)}
</main>`;
  return htmlShell({ title: 'kepu-extract 审核总览', css: INDEX_CSS, js: INDEX_JS, body, bodyClass: 'index-page' });
}
