// Patterns are data (patterns/*.yaml); this loads them once per process and compiles their regexes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { PATTERNS_DIR } from './segment/jieba.js';

const cache = new Map<string, unknown>();

export function loadPatternFile<T>(name: string): T {
  let v = cache.get(name);
  if (v === undefined) {
    v = parse(readFileSync(join(PATTERNS_DIR, name), 'utf8'));
    cache.set(name, v);
  }
  return v as T;
}

let macros: Record<string, string> | null = null;

/** Expand {MACRO} references (recursively) from patterns/macros.yaml. */
export function expand(src: string): string {
  macros ??= loadPatternFile<{ macros: Record<string, string> }>('macros.yaml').macros;
  let out = src;
  for (let i = 0; i < 8 && /\{[A-Z_]+\}/.test(out); i++) {
    out = out.replace(/\{([A-Z_]+)\}/g, (m, name: string) => {
      const body = macros![name];
      if (body === undefined) throw new Error(`unknown pattern macro ${m}`);
      return `(?:${body})`;
    });
  }
  return out;
}

const compiled = new Map<string, RegExp>();

export function compile(src: string, flags = 'g'): RegExp {
  const key = flags + '\u0000' + src;
  let re = compiled.get(key);
  if (!re) {
    re = new RegExp(expand(src), flags);
    compiled.set(key, re);
  }
  re.lastIndex = 0;
  return re;
}
