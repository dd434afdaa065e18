// The batch's main process keeps V8's young generation small (src/batch/heap.ts): the flag is set after start-up,
// which V8 only honours for flags it reads at each use — checked here in a fresh process, so a Node upgrade that
// stops reading it shows up as a failure, not as a silent memory regression.
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

// the compiled module (npm test builds first), as Node 20 cannot run TypeScript itself
const HEAP = pathToFileURL(join(import.meta.dirname, '..', '..', 'dist', 'batch', 'heap.js')).href;

function newSpaceMbAfterAllocating(grows: boolean): number {
  const script = `
    const { youngGenerationGrows } = await import(${JSON.stringify(HEAP)});
    const v8 = await import('node:v8');
    youngGenerationGrows(${grows});
    const keep = [];
    for (let i = 0; i < 2e6; i++) { const o = { i, s: 'x' + i }; if (i % 50 === 0) keep.push(o); }
    const s = v8.getHeapSpaceStatistics().find((x) => x.space_name === 'new_space');
    console.log(s.space_size / 2 ** 20);`;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  return Number(out.trim());
}

describe('young generation of the main process', () => {
  it('stays at its initial size when growth is off, and grows when it is on', () => {
    expect(newSpaceMbAfterAllocating(false)).toBeLessThanOrEqual(4);
    expect(newSpaceMbAfterAllocating(true)).toBeGreaterThan(8);
  });
});
