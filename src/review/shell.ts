// The single-file page around the content: inline CSS and JS, and a CSP that forbids every request
// and every script except our own (pinned by hash), so even a missed escape could not run code.
import { createHash } from 'node:crypto';
import { esc } from './escape.js';

export interface ShellParts {
  title: string;
  css: string;
  js: string;
  body: string;
  bodyClass?: string;
  /** extra elements for <head> (already escaped) */
  head?: string;
}

function scriptHash(js: string): string {
  return `'sha256-${createHash('sha256').update(js, 'utf8').digest('base64')}'`;
}

export function htmlShell(p: ShellParts): string {
  const csp = [
    "default-src 'none'",
    "style-src 'unsafe-inline'",
    `script-src ${scriptHash(p.js)}`,
    'img-src data:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="referrer" content="no-referrer">
<meta name="generator" content="kepu-extract review">
${p.head ?? ''}<title>${esc(p.title)}</title>
<style>${p.css}</style>
</head>
<body${p.bodyClass ? ` class="${p.bodyClass}"` : ''}>
${p.body}
<script>${p.js}</script>
</body>
</html>
`;
}
