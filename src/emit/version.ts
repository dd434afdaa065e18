// extractorVersion = package version + a hash of the pattern files, so changed grammars redo cached work.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { PATTERNS_DIR } from '../segment/jieba.js';

let cached: string | null = null;

export function extractorVersion(): string {
  if (cached) return cached;
  const pkg = JSON.parse(readFileSync(join(PATTERNS_DIR, '..', 'package.json'), 'utf8')) as { version: string };
  const h = createHash('sha256');
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else h.update(e.name).update(readFileSync(p));
    }
  };
  walk(PATTERNS_DIR);
  cached = `${pkg.version}+${h.digest('hex').slice(0, 8)}`;
  return cached;
}
