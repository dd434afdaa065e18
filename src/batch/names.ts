// Output names: DIR/<file name without extension>.json, made unique within one batch. The rule only depends on
// the list of inputs, so a rerun over the same inputs finds its earlier outputs under the same names.
import { createHash } from 'node:crypto';
import { basename, extname, resolve } from 'node:path';

function stem(p: string): string {
  const b = basename(p);
  return b.slice(0, b.length - extname(b).length) || b;
}

/** seed.txt and seed.pdf → seed.txt / seed.pdf; a/x.pdf and b/x.pdf → x.pdf-<hash of the path>. */
export function assignNames(files: string[]): string[] {
  const key = (s: string) => s.toLowerCase(); // case-insensitive file systems must not merge two outputs
  const count = (names: string[]) => {
    const m = new Map<string, number>();
    for (const n of names) m.set(key(n), (m.get(key(n)) ?? 0) + 1);
    return m;
  };
  const stems = files.map(stem);
  const stemCount = count(stems);
  const bases = files.map((f) => basename(f));
  const baseCount = count(bases);
  return files.map((f, i) => {
    if (stemCount.get(key(stems[i])) === 1) return stems[i];
    if (baseCount.get(key(bases[i])) === 1) return bases[i];
    return `${bases[i]}-${createHash('sha1').update(resolve(f)).digest('hex').slice(0, 8)}`;
  });
}
