// XML as a reader needs it: tags and text with namespace prefixes dropped, attributes by name, part paths resolved.
// Shared by the .xlsx and .ofd readers (both zips of XML parts).
import { decodeEntities } from './html-parse.js';

export interface Tag {
  name: string;
  close: boolean;
  selfClose: boolean;
  attrs: string;
}

/** XML as tags and text, namespace prefixes dropped (`x:c` → `c`); comments, CDATA and declarations skipped. */
export function* xmlTokens(xml: string): Generator<Tag | string> {
  const re = /<!--[\s\S]*?-->|<!\[CDATA\[([\s\S]*?)\]\]>|<[?!][^>]*>|<(\/?)(?:[\w.-]+:)?([\w.-]+)((?:\s+[^\s=>/]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|([^<]+)/g;
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    if (m[6] !== undefined) yield decodeEntities(m[6]);
    else if (m[1] !== undefined) yield m[1];
    else if (m[3] !== undefined) yield { name: m[3], close: m[2] === '/', selfClose: m[5] === '/', attrs: m[4] };
  }
}

// (one regex per attribute name, compiled once: attr runs for every cell)
const attrRes = new Map<string, RegExp>();
export function attr(attrs: string, name: string): string | undefined {
  let re = attrRes.get(name);
  if (!re) attrRes.set(name, (re = new RegExp(`(?:^|\\s)(?:[\\w.-]+:)?${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`)));
  const m = re.exec(attrs);
  return m ? decodeEntities(m[1] ?? m[2]) : undefined;
}

/** A relationship target relative to the part's folder (`worksheets/sheet1.xml`, `/xl/…`, `../…`). */
export function resolve(dir: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = (dir + target).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  return out.join('/');
}
