// The worker pool's own behaviour, with a stand-in worker script (no extraction): what a dying worker leaves behind.
import { describe, expect, it } from 'vitest';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createExecutor } from '../../src/batch/pool.js';
import { tempDirs } from '../helpers/tmp.js';

const tmp = tempDirs('kepu-pool-');

// Answers each task at once, but dies on a path containing "die" after a long stderr whose last line is the cause.
// On "late" the cause comes from a child sharing its stderr, after it has exited: the 'exit' event certainly comes
// before stderr ends (as it may, under load, when the dying process wrote the cause itself).
const WORKER = `
const { spawn } = require('node:child_process');
process.on('message', (m) => {
  if (m.input.path.includes('late')) {
    const say = "setTimeout(() => process.stderr.write('Error: the cause of death\\\\n'), 300)";
    spawn(process.execPath, ['-e', say], { stdio: ['ignore', 'ignore', 'inherit'] });
    process.exit(1);
  }
  if (m.input.path.includes('die')) {
    process.stderr.write('x'.repeat(200000) + '\\nError: the cause of death\\n');
    process.exit(1);
  }
  process.send({ id: m.id, output: { ok: false, code: 'stand-in', message: m.input.path, ms: 0 }, maxRssKb: 1, cpuMicros: 1 });
});
process.send({ ready: true });
`;

describe('a worker process that dies', () => {
  it('fails its task with the last line it wrote to stderr, and a task queued behind it still runs', async () => {
    const file = join(await tmp(), 'worker.cjs');
    await writeFile(file, WORKER);
    // (a long wait for stderr: under load the late cause's process may take seconds to start; stderr's end ends the wait)
    const pool = createExecutor({ jobs: 1, timeoutSec: 30, worker: file, stderrWaitMs: 20_000 });
    try {
      for (const [i, round] of ['die', 'die', 'late-die', 'late-die'].entries()) {
        const [dead, next] = await Promise.all([pool.run({ path: round, ocr: false }), pool.run({ path: `fine-${i}`, ocr: false })]);
        expect(dead).toMatchObject({ ok: false, code: 'internal' });
        expect(dead.ok === false && dead.message).toBe('internal error: worker process died (exit 1): Error: the cause of death');
        expect(next).toMatchObject({ ok: false, code: 'stand-in', message: `fine-${i}` });
      }
    } finally {
      await pool.close();
    }
  }, 60_000);
});
