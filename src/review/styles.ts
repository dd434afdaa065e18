// Inline CSS for both pages. Group colours are shared by highlights, legend chips and form sections.

const GROUP_COLOURS: Record<string, [string, string]> = {
  // [highlight background, strong colour]
  meta: ['rgba(59,130,246,.20)', '#2563eb'],
  staffing: ['rgba(34,197,94,.22)', '#15803d'],
  finance: ['rgba(245,158,11,.26)', '#b45309'],
  activities: ['rgba(236,72,153,.20)', '#be185d'],
  indicators: ['rgba(139,92,246,.22)', '#6d28d9'],
  evaluation: ['rgba(20,184,166,.24)', '#0f766e'],
};

const groupRules = Object.entries(GROUP_COLOURS)
  .map(
    ([g, [bg, fg]]) =>
      `.g-${g}{--bg:${bg};--fg:${fg}}` +
      `body.hide-${g} mark.ev.g-${g}{background:none;box-shadow:none}`,
  )
  .join('\n');

export const BASE_CSS = `
*{box-sizing:border-box}
:root{--ink:#1f2937;--muted:#6b7280;--line:#e5e7eb;--paper:#fff;--bgpage:#f6f7f9;--warn:#b91c1c;--warnbg:#fef2f2}
html{scroll-padding-top:20px}
body{margin:0;font:14px/1.6 "Noto Sans CJK SC","Noto Sans SC","PingFang SC","Microsoft YaHei","Source Han Sans SC",system-ui,sans-serif;color:var(--ink);background:var(--bgpage)}
a{color:#1d4ed8}
h1{font-size:20px;margin:0 0 6px}
h2{font-size:15px;margin:0 0 8px}
h3{font-size:14px;margin:14px 0 6px}
code{font:12px/1.4 ui-monospace,"DejaVu Sans Mono",monospace;background:#f3f4f6;border-radius:3px;padding:0 3px}
small,.muted{color:var(--muted)}
table{border-collapse:collapse}
.top{background:var(--paper);border-bottom:1px solid var(--line);padding:14px 20px}
.facts{display:flex;flex-wrap:wrap;gap:4px 18px;margin:4px 0;color:var(--muted)}
.facts div{display:flex;gap:6px}.facts dt{font-weight:600}.facts dd{margin:0;color:var(--ink);word-break:break-all}
.stats{margin:6px 0}
.stats b{font-size:15px}
.chip{display:inline-flex;align-items:center;gap:4px;border-radius:12px;padding:1px 10px 1px 6px;margin:2px 6px 2px 0;background:var(--bg);border:1px solid var(--fg);cursor:pointer;user-select:none}
.chip .n{color:var(--muted);font-size:12px}
.badge{display:inline-block;font-size:11px;line-height:16px;padding:0 5px;border-radius:8px;background:#eef2ff;color:#3730a3;margin-left:4px;vertical-align:1px}
.badge.warn{background:var(--warnbg);color:var(--warn)}
.badge.none{background:#f3f4f6;color:var(--muted)}
${groupRules}
`;

export const DOC_CSS = `${BASE_CSS}
.layout{display:grid;grid-template-columns:230px minmax(0,1fr) 400px;gap:16px;padding:16px 20px;align-items:start}
@media (max-width:1100px){.layout{grid-template-columns:minmax(0,1fr)}.toc,.panel{position:static!important;max-height:none!important}}
.card{background:var(--paper);border:1px solid var(--line);border-radius:8px;padding:12px 14px}
.toc{position:sticky;top:12px;max-height:calc(100vh - 24px);overflow:auto}
.toc ol{list-style:none;margin:0;padding-left:12px}.toc>ol{padding-left:0}
.toc li{margin:2px 0}.toc a{text-decoration:none;color:var(--ink)}.toc a:hover{color:#1d4ed8;text-decoration:underline}
.toc .ord{color:var(--muted)}
.text{white-space:pre-wrap;word-break:break-word;font-size:15px;line-height:2;font-family:"Noto Serif CJK SC","Noto Sans CJK SC","Songti SC",serif}
mark{color:inherit;background:none}
mark.ev{background:var(--bg);box-shadow:inset 0 -2px 0 var(--fg);border-radius:2px;cursor:pointer;padding:1px 0}
mark.ev mark.ev{box-shadow:inset 0 -2px 0 var(--fg),0 0 0 1px var(--fg)}
mark.ev.has-warn{outline:2px solid var(--warn);outline-offset:1px}
mark.ev.has-warn:not(.cont)::before{content:"⚠";color:var(--warn);font-size:11px;vertical-align:super;margin-right:1px}
mark.ev.mismatch{outline:2px dashed var(--warn)}
mark.ev.sel{background:var(--fg);color:#fff}
mark.ev.sel mark.ev{color:var(--ink)}
mark.ev.flash{animation:flash 1.2s ease-out 2}
@keyframes flash{0%{box-shadow:0 0 0 4px var(--fg)}100%{box-shadow:0 0 0 0 transparent}}
mark.hd{font-weight:700;color:#111827}
.pg{display:inline}
.pg::before{content:"— 第 " attr(data-page) " 页 —";display:block;text-align:center;color:var(--muted);font-size:12px;border-top:1px dashed var(--line);margin:8px 0 2px}
.panel{position:sticky;top:12px;max-height:calc(100vh - 24px);overflow:auto}
.panel section{margin-bottom:14px}
.form table{width:100%}
.form th,.form td{text-align:left;vertical-align:top;padding:3px 6px;border-bottom:1px solid var(--line)}
.form th{font-weight:500;width:42%;border-left:3px solid var(--fg)}
.form th a{color:var(--ink);text-decoration:none;border-bottom:1px dotted var(--fg)}
.form th a:hover{color:var(--fg)}
.form td .wan{display:block;color:var(--muted);font-size:12px}
.form tr.nf td{color:var(--muted);font-style:italic}
.form tr.sel th,.form tr.sel td{background:#fffbeb}
.form tr.warn th{border-left-color:var(--warn)}
.form tr.warn-row td{color:var(--warn);font-size:12px;border-bottom:1px solid var(--line);padding-top:0}
body.hide-nf .form tr.nf{display:none}
.form .subhead th{background:#f9fafb;font-weight:600}
.list{margin:4px 0 4px 20px;padding:0}
.list li{margin:3px 0}
.warnings li{margin:6px 0}
.warnings .calc{display:block;font-size:12px;color:var(--ink);background:var(--warnbg);border-radius:4px;padding:3px 6px;margin-top:3px}
.warnings{color:var(--warn)}
.warnings a{color:var(--warn)}
.selected{position:sticky;top:-12px;z-index:2;border:2px solid var(--fg,#2563eb);border-radius:8px;padding:8px 10px;margin-bottom:14px;background:#fff;box-shadow:0 2px 8px rgba(0,0,0,.08)}
.selected .close{float:right;border:0;background:none;font-size:16px;cursor:pointer;color:var(--muted)}
.kv{display:grid;grid-template-columns:auto 1fr;gap:1px 10px;margin:4px 0 0}
.kv dt{color:var(--muted)}.kv dd{margin:0;word-break:break-all}
.notfound li{display:inline-block;margin:2px 8px 2px 0}
.indicators table{width:100%;font-size:13px}
.indicators th,.indicators td{border:1px solid var(--line);padding:3px 6px;text-align:left;vertical-align:top}
.indicators thead th{background:#f5f3ff}
.indicators caption{text-align:left;font-weight:600;padding:6px 0}
.tip{position:fixed;z-index:10;max-width:420px;background:#111827;color:#f9fafb;border-radius:6px;padding:8px 10px;font-size:12px;line-height:1.5;pointer-events:none;box-shadow:0 4px 16px rgba(0,0,0,.25)}
.tip .item+.item{border-top:1px solid #374151;margin-top:6px;padding-top:6px}
.tip .label{font-weight:700;font-size:13px;border-left:3px solid var(--fg);padding-left:6px}
.tip .warnline{color:#fca5a5}
.tip code{background:#374151;color:#e5e7eb}
.toolbar{margin:6px 0 0;font-size:13px}
.toolbar label{margin-right:12px;cursor:pointer}
`;

export const INDEX_CSS = `${BASE_CSS}
main{padding:16px 20px;display:grid;gap:16px}
.card{background:var(--paper);border:1px solid var(--line);border-radius:8px;padding:12px 14px;overflow:auto}
.charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(440px,1fr));gap:16px}
.charts svg{width:100%;height:auto;font:12px "Noto Sans CJK SC",sans-serif}
.charts .note{font-size:12px;color:var(--muted);margin:4px 0 0}
.legend-sw{display:inline-block;width:10px;height:10px;border-radius:2px;margin:0 4px 0 10px;vertical-align:0}
table.docs{width:100%;font-size:13px}
table.docs th,table.docs td{border-bottom:1px solid var(--line);padding:5px 8px;text-align:left;vertical-align:top}
table.docs td.num,table.docs th.num{text-align:right;font-variant-numeric:tabular-nums}
table.docs thead th{position:sticky;top:0;background:#f9fafb;white-space:nowrap}
table.docs td.kind,table.docs td.year{white-space:nowrap}
table.docs td.warn small{display:block;max-width:260px;margin-left:auto;overflow-wrap:anywhere}
table.docs th button{all:unset;cursor:pointer;font-weight:600}
table.docs th button::after{content:" ↕";color:#9ca3af}
table.docs th[aria-sort=ascending] button::after{content:" ↑";color:var(--ink)}
table.docs th[aria-sort=descending] button::after{content:" ↓";color:var(--ink)}
table.docs tr:hover td{background:#f9fafb}
.failures li{margin:4px 0}
.failures code{color:var(--warn)}
`;
