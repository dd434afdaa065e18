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
    if (stemCount.get(key(stems[i])) === 1) return fit(stems[i]);
    if (baseCount.get(key(bases[i])) === 1) return fit(bases[i]);
    return fit(`${bases[i]}-${hash(resolve(f))}`);
  });
}

const hash = (s: string) => createHash('sha1').update(s).digest('hex').slice(0, 8);

/** Room for what is added to a name (`.json`, a temp file's `.<name>.json.<pid>.<n>.tmp`) under the usual 255-byte
 *  limit of a file name: archive names of ~80 Chinese characters (3 bytes each) would otherwise fail to write. */
export const MAX_NAME_BYTES = 200;

/** A name over MAX_NAME_BYTES is cut on a character boundary and told apart from others by a hash of the whole. */
function fit(name: string): string {
  if (Buffer.byteLength(name) <= MAX_NAME_BYTES) return name;
  let cut = '';
  let bytes = 0;
  for (const ch of name) {
    bytes += Buffer.byteLength(ch);
    if (bytes > MAX_NAME_BYTES - 9) break;
    cut += ch;
  }
  return `${cut}-${hash(name)}`;
}
