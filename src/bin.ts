#!/usr/bin/env node
import { main } from './cli.js';

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.stderr.write(`kepu-extract: internal error: ${(e as Error)?.stack ?? e}\n`);
    process.exitCode = 1;
  },
);
