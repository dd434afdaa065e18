// Expand the command line's paths: files as given, directories walked (sorted, hidden entries skipped).
// Archives hold many folders: their listings are read in parallel, with p-limit bounding open directories.
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import pLimit from 'p-limit';

const DIR_READS = 16;

export async function collectInputs(paths: string[]): Promise<{ files: string[]; missing: string[] }> {
  const files: string[] = [];
  const missing: string[] = [];
  const limit = pLimit(DIR_READS);
  for (const p of paths) {
    let st;
    try {
      st = await stat(p);
    } catch {
      missing.push(p);
      continue;
    }
    if (st.isDirectory()) files.push(...(await walk(p, limit)));
    else files.push(p);
  }
  return { files, missing };
}

async function walk(dir: string, limit: ReturnType<typeof pLimit>): Promise<string[]> {
  // only the listing holds a slot: sub-walks run outside it, so nested folders cannot deadlock the limit
  const entries = (await limit(() => readdir(dir, { withFileTypes: true }))).sort((a, b) => (a.name < b.name ? -1 : 1));
  const parts = await Promise.all(
    entries.map(async (e) => {
      if (e.name.startsWith('.') || e.name === 'README.md') return [];
      const p = join(dir, e.name);
      if (e.isDirectory()) return walk(p, limit);
      return e.isFile() ? [p] : [];
    }),
  );
  return parts.flat();
}
