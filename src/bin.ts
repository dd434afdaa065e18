#!/usr/bin/env node
import { youngGenerationGrows } from './batch/heap.js';

// before anything else loads; a run that extracts in this process (one document, the warehouse load) turns growth
// back on (cli.ts, batch/run.ts)
youngGenerationGrows(false);
const { main } = await import('./cli.js');

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    // the system's refusal (a folder that cannot be made, a full disk) is said plainly; anything else is ours
    const sys = (e as NodeJS.ErrnoException)?.syscall && (e as NodeJS.ErrnoException).code;
    process.stderr.write(sys ? `kepu-extract: ${(e as Error).message}\n` : `kepu-extract: internal error: ${(e as Error)?.stack ?? e}\n`);
    process.exitCode = 1;
  },
);
