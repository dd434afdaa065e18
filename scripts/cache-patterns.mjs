// Part of the build: each patterns/*.yaml parsed once to dist/pattern-cache/<name>.json with the sha256 of the YAML
// it came from. src/patterns.ts takes the JSON only when the hash matches the YAML it reads, so an edit to a pattern
// file is never hidden by a stale cache (it is parsed from YAML until the next build).
import { mkdirSync, readFileSync, readdirSync, writeFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const root = fileURLToPath(new URL('..', import.meta.url));
const { patternHash, PATTERN_CACHE_DIR } = await import(join(root, 'dist', 'patterns.js'));
mkdirSync(PATTERN_CACHE_DIR, { recursive: true });
for (const name of readdirSync(join(root, 'patterns')).filter((f) => f.endsWith('.yaml'))) {
  const text = readFileSync(join(root, 'patterns', name), 'utf8');
  const data = parse(text);
  // YAML can hold what JSON cannot (dates, Infinity): such a file is left to the YAML parser
  if (!isDeepStrictEqual(JSON.parse(JSON.stringify(data)), data)) {
    process.stderr.write(`cache-patterns: ${name} does not survive JSON, not cached\n`);
    continue;
  }
  const out = join(PATTERN_CACHE_DIR, name.replace(/\.yaml$/, '.json'));
  writeFileSync(out + '.tmp', JSON.stringify({ sha256: patternHash(text), data }));
  renameSync(out + '.tmp', out);
}
