// A worker process (forked from dist/batch/worker.js by pool.ts): receives tasks over IPC, one at a time,
// answers each with its TaskOutput, the process's peak RSS and CPU time.
import { runTask } from './task.js';
import type { TaskInput } from './common.js';
import type { ToWorker, FromWorker } from './pool.js';

const send = (m: FromWorker) => {
  if (process.connected) process.send?.(m);
};

let busy = false;
let leaving = false;

process.on('message', (m: ToWorker) => {
  busy = true;
  void runTask(m.input, (pages) => send({ id: m.id, ocrPages: pages })).then((output) => {
    busy = false;
    const ru = process.resourceUsage(); // one getrusage for both figures
    send({ id: m.id, output, maxRssKb: ru.maxRSS, cpuMicros: ru.userCPUTime + ru.systemCPUTime });
    if (leaving) process.exit(0);
  });
});
// The parent went away (closed us, or was killed): finish the document in hand — its files are written
// atomically — then leave, so no temp file is cut off half-way.
process.on('disconnect', () => {
  leaving = true;
  if (!busy) process.exit(0);
});
// Ctrl-C reaches the whole process group: the parent decides (it saves errors.jsonl, then closes the workers)
process.on('SIGINT', () => {});
send({ ready: true });

export type { TaskInput };
