// MHT / MHTML web archives: Word's "single file web page" (often published as .doc) and browsers' "save as MHTML".
// A MIME message whose root text/html part is the page; its other parts (images, styles, filelist.xml) hold no
// report text. The page is read by the HTML reader, with the charset the part's header names.
import type { Message, ReadResult } from '../document.js';
import { ReadError } from './errors.js';
import { readHtml } from './html.js';

interface Part {
  headers: Map<string, string>;
  /** the body's bytes as a latin1 string (one char per byte), still transfer-encoded */
  body: string;
  /** the part ended at a boundary (false: the file is cut off inside it) */
  closed: boolean;
}

const MAX_DEPTH = 3;

export function readMht(bytes: Uint8Array): ReadResult {
  const raw = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const top = splitPart(raw, true);
  const parts: Part[] = [];
  collectLeaves(top, parts, 0);
  const html = rootHtml(top, parts);
  if (!html) throw new ReadError('no_text', `the MHT web archive has no HTML page (${parts.length} part(s): ${kinds(parts)})`);
  if (!html.closed) throw new ReadError('corrupt', 'the MHT web archive is cut off inside its HTML page');
  const page = decodeBody(html);
  const charset = param(html.headers.get('content-type') ?? '', 'charset');
  const read = readHtml(page, charset ? { transportCharset: charset.toLowerCase() } : {});
  const others = parts.length - 1;
  const where = html.headers.get('content-location');
  const messages: Message[] = [
    { ruleId: 'read:mht', reason: `MHT web archive: its HTML page${where ? ` (${where.slice(0, 120)})` : ''} is read${others ? `; ${others} other part(s) hold no text (${kinds(parts.filter((p) => p !== html))})` : ''}` },
    ...(read.messages ?? []),
  ];
  return { ...read, format: read.format.replace(/^html/, 'mht'), messages };
}

/** Headers (unfolded, names lower-cased) and body of a MIME entity; a multipart's parts are split on demand. */
function splitPart(src: string, closed: boolean): Part {
  const m = /\r?\n\r?\n/.exec(src);
  const head = m ? src.slice(0, m.index) : src;
  const body = m ? src.slice(m.index + m[0].length) : '';
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const c = line.indexOf(':');
    if (c > 0) {
      const name = line.slice(0, c).trim().toLowerCase();
      if (!headers.has(name)) headers.set(name, line.slice(c + 1).trim());
    }
  }
  return { headers, body, closed };
}

/** The leaves of the MIME tree in order; a multipart without a boundary, or one not found in its body, is corrupt. */
function collectLeaves(part: Part, out: Part[], depth: number): void {
  const type = part.headers.get('content-type') ?? 'text/plain';
  if (!/^multipart\//i.test(type)) {
    out.push(part);
    return;
  }
  if (depth >= MAX_DEPTH) return;
  const boundary = param(type, 'boundary');
  if (!boundary) throw new ReadError('corrupt', 'the MHT web archive names no MIME boundary');
  const delim = `--${boundary}`;
  const body = part.body;
  const starts: number[] = [];
  let end = -1;
  for (let i = body.indexOf(delim); i >= 0; i = body.indexOf(delim, i + delim.length)) {
    if (i > 0 && body[i - 1] !== '\n') continue; // a delimiter opens a line
    if (body.startsWith('--', i + delim.length)) {
      end = i;
      break;
    }
    starts.push(i);
  }
  if (!starts.length) throw new ReadError('corrupt', 'the MHT web archive has no parts (its MIME boundary is never used)');
  for (let k = 0; k < starts.length; k++) {
    const from = body.indexOf('\n', starts[k]);
    if (from < 0) continue;
    const next = k + 1 < starts.length ? starts[k + 1] : end;
    const to = next >= 0 ? next : body.length;
    // the line break before a delimiter belongs to the delimiter
    const chunk = body.slice(from + 1, to).replace(/\r?\n$/, '');
    const child = splitPart(chunk, next >= 0 && part.closed);
    collectLeaves(child, out, depth + 1);
  }
}

/** The root page: multipart/related's `start` (a Content-ID), else the first text/html leaf. */
function rootHtml(top: Part, leaves: Part[]): Part | null {
  const start = param(top.headers.get('content-type') ?? '', 'start');
  if (start) {
    const id = start.replace(/^<|>$/g, '');
    const hit = leaves.find((p) => (p.headers.get('content-id') ?? '').replace(/^<|>$/g, '') === id);
    if (hit && isHtml(hit)) return hit;
  }
  return leaves.find(isHtml) ?? null;
}

const isHtml = (p: Part) => /^text\/html\b/i.test(p.headers.get('content-type') ?? '');

function decodeBody(p: Part): Buffer {
  const cte = (p.headers.get('content-transfer-encoding') ?? '7bit').toLowerCase();
  if (cte === 'base64') return Buffer.from(p.body.replace(/[^A-Za-z0-9+/=]/g, ''), 'base64');
  if (cte === 'quoted-printable') {
    const s = p.body.replace(/[ \t]+(?=\r?\n)/g, '').replace(/=\r?\n/g, '').replace(/=([0-9A-Fa-f]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
    return Buffer.from(s, 'latin1');
  }
  return Buffer.from(p.body, 'latin1');
}

/** A parameter of a header value (`boundary="…"`, `charset=gb2312`). */
function param(value: string, name: string): string | null {
  const m = new RegExp(`(?:^|;)\\s*${name}\\s*=\\s*(?:"([^"]*)"|([^;\\s]+))`, 'i').exec(value);
  return m ? (m[1] ?? m[2]) : null;
}

function kinds(parts: Part[]): string {
  const n = new Map<string, number>();
  for (const p of parts) {
    const t = (p.headers.get('content-type') ?? 'text/plain').split(';')[0].trim().toLowerCase();
    n.set(t, (n.get(t) ?? 0) + 1);
  }
  return [...n].map(([t, k]) => (k > 1 ? `${k} ${t}` : t)).join(', ') || 'none';
}
