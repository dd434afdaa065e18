// Expand the command line's paths: files as given, directories walked (sorted, hidden entries skipped).
// Archives hold many folders: their listings are read in parallel, with p-limit bounding open directories.
// Nothing found is dropped in silence: a symbolic link is followed, a broken one or a pipe is an input that fails
// with its reason (inputs = records + failures); only a link into what the walk reaches anyway, or back into its own
// ancestors (a loop), is left out, so every document is read once and the walk ends.
import { readdir, realpath, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import pLimit from 'p-limit';

const DIR_READS = 16;

export async function collectInputs(paths: string[]): Promise<{ files: string[]; missing: string[] }> {
  const files: string[] = [];
  const missing: string[] = [];
  const limit = pLimit(DIR_READS);
  const found: { path: string; isDir: boolean }[] = [];
  for (const p of paths) {
    try {
      found.push({ path: p, isDir: (await stat(p)).isDirectory() });
    } catch {
      missing.push(p);
    }
  }
  const roots = await Promise.all(found.filter((f) => f.isDir).map((f) => realpath(f.path)));
  for (const f of found) {
    if (f.isDir) files.push(...(await walk(f.path, await realpath(f.path), [], roots, limit)));
    else files.push(f.path);
  }
  return { files, missing };
}

const skipped = (name: string) => name.startsWith('.') || name === 'README.md';

/** `real` is reached by walking one of the roots: it lies inside one and no step on the way is skipped. */
function reachedByWalk(real: string, roots: string[]): boolean {
  return roots.some((r) => {
    const rel = relative(r, real);
    return rel === '' || (!rel.startsWith('..') && !rel.startsWith(sep) && !rel.split(sep).some(skipped));
  });
}

async function walk(dir: string, real: string, ancestors: string[], roots: string[], limit: ReturnType<typeof pLimit>): Promise<string[]> {
  // only the listing holds a slot: sub-walks run outside it, so nested folders cannot deadlock the limit
  const entries = (await limit(() => readdir(dir, { withFileTypes: true }))).sort((a, b) => (a.name < b.name ? -1 : 1));
  const up = [...ancestors, real];
  const parts = await Promise.all(
    entries.map(async (e): Promise<string[]> => {
      if (skipped(e.name)) return [];
      const p = join(dir, e.name);
      if (e.isDirectory()) return walk(p, join(real, e.name), up, roots, limit);
      if (!e.isSymbolicLink()) return [p]; // a file, or a pipe or device the reader refuses by name
      const target = await stat(p).catch(() => null);
      if (!target) return [p]; // broken: fails as "no such file", named
      const to = await realpath(p);
      if (target.isDirectory()) return up.includes(to) || reachedByWalk(to, roots) ? [] : walk(p, to, up, roots, limit);
      return reachedByWalk(to, roots) ? [] : [p];
    }),
  );
  return parts.flat();
}
