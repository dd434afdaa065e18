// Patterns are data (patterns/*.yaml); this loads them once per process and compiles their regexes.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { PATTERNS_DIR } from './segment/jieba.js';

const cache = new Map<string, unknown>();

export function loadPatternFile<T>(name: string): T {
  let v = cache.get(name);
  if (v === undefined) {
    v = readPatternData(name);
    cache.set(name, v);
  }
  return v as T;
}

/**
 * Where the build puts each pattern file parsed to JSON (scripts/cache-patterns.mjs): parsing the ≈ 320 KB of YAML
 * took 0.3–0.9 s of every worker's start, JSON.parse of the same data a few ms. Next to the compiled modules, so a
 * run from src/ (tests) has none and parses the YAML.
 */
export const PATTERN_CACHE_DIR = fileURLToPath(new URL('./pattern-cache/', import.meta.url));

export const patternHash = (yamlText: string): string => createHash('sha256').update(yamlText).digest('hex');

/** A pattern file's data: the build's JSON when it was made from this very text, else the YAML parsed. */
export function readPatternData(name: string, cacheDir = PATTERN_CACHE_DIR): unknown {
  const text = readFileSync(join(PATTERNS_DIR, name), 'utf8');
  try {
    const cached = JSON.parse(readFileSync(join(cacheDir, name.replace(/\.yaml$/, '.json')), 'utf8')) as { sha256?: string; data?: unknown };
    if (cached.sha256 === patternHash(text) && cached.data !== undefined) return cached.data;
  } catch {
    // no cache (a run from src/, or not built): the YAML itself
  }
  // required here, not imported: with the cache the YAML library is never loaded (≈ 0.1 s of a worker's start)
  const { parse } = createRequire(import.meta.url)('yaml') as typeof import('yaml');
  return parse(text);
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

// keyed by flags, then by the source string itself: pattern sources are the same string objects on every call
// (from the loaded YAML), so their hash is cached; a concatenated key would be re-hashed on every call
const compiled = new Map<string, Map<string, RegExp>>();

/** A literal string as a regex source (a name from a document put into a pattern). */
export const escapeRegex = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// A source built from a document (finance's {OWN}: a society's own name) adds an entry per document: over an archive
// the cache would grow without bound. Past this many entries it starts again (the ≈ 600 sources of the patterns
// themselves compile again in a few milliseconds).
const MAX_COMPILED = 5000;
let compiledCount = 0;

/** How many regexes the cache holds (for tests). */
export const compiledSize = (): number => compiledCount;

// keyed by the pattern data a source is built from (a loaded file or one of its entries, the same object on every call),
// then by a short constant name: a source concatenated on every call would be built and hashed again each time
const derivedCache = new WeakMap<object, Map<string, RegExp>>();

/** A regex whose source is built from pattern data (`owner`: the loaded file or entry it comes from), compiled once per
 *  owner and name. */
export function derived(owner: object, name: string, build: () => string, flags = ''): RegExp {
  let byName = derivedCache.get(owner);
  if (!byName) derivedCache.set(owner, (byName = new Map()));
  let re = byName.get(name);
  if (!re) byName.set(name, (re = new RegExp(expand(build()), flags)));
  re.lastIndex = 0;
  return re;
}

// (the sources compiled without flags, nine calls in ten, at hand: no lookup of their flags' map)
let plain = new Map<string, RegExp>();
compiled.set('', plain);

export function compile(src: string, flags = 'g'): RegExp {
  let byFlags = flags === '' ? plain : compiled.get(flags);
  if (!byFlags) compiled.set(flags, (byFlags = new Map()));
  let re = byFlags.get(src);
  if (!re) {
    re = new RegExp(expand(src), flags);
    if (++compiledCount > MAX_COMPILED) {
      compiled.clear();
      compiled.set('', (plain = new Map()));
      byFlags = flags === '' ? plain : new Map();
      compiled.set(flags, byFlags);
      compiledCount = 1;
    }
    byFlags.set(src, re);
  }
  re.lastIndex = 0;
  return re;
}

// keyed by the list (a loaded file's own array, the same object on every call), then by a short constant name
const eachCache = new WeakMap<object, Map<string, (RegExp | null)[]>>();

/** The regex (flags '') of each entry of a pattern list, `src` of it (null where that gives none), compiled once per list
 *  and name: a loop over a file's patterns per line looked each one up in compile's cache again (a section's title is
 *  tried against every section of sections.yaml). */
export function compiledEach<T>(list: readonly T[], name: string, src: (entry: T) => string | undefined): (RegExp | null)[] {
  let byName = eachCache.get(list);
  if (!byName) eachCache.set(list, (byName = new Map()));
  let out = byName.get(name);
  if (!out) byName.set(name, (out = list.map((e) => ((s) => (s === undefined ? null : new RegExp(expand(s))))(src(e)))));
  return out;
}
