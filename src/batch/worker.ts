// A worker process (forked from dist/batch/worker.js by pool.ts): receives tasks over IPC and works on them in the
// order they came, one at a time (the pool sends the next before this one is done), answering each with its
// TaskOutput, the process's peak RSS and CPU time.
import { runTask } from './task.js';
import { warmUp } from './warmUp.js';
import type { TaskInput } from './common.js';
import type { ToWorker, FromWorker } from './pool.js';

const send = (m: FromWorker) => {
  if (process.connected) process.send?.(m);
};

const queue: ToWorker[] = [];
let busy = false;
let leaving = false;

async function work(): Promise<void> {
  busy = true;
  for (let m = queue.shift(); m && !leaving; m = queue.shift()) {
    const task = m;
    const output = await runTask(task.input, (pages) => send({ id: task.id, ocrPages: pages }));
    const ru = process.resourceUsage(); // one getrusage for both figures
    send({ id: task.id, output, maxRssKb: ru.maxRSS, cpuMicros: ru.userCPUTime + ru.systemCPUTime });
  }
  busy = false;
  if (leaving) process.exit(0);
}

process.on('message', (m: ToWorker) => {
  queue.push(m);
  if (!busy) void work();
});
// The parent went away (closed us, or was killed): finish the document in hand — its files are written
// atomically — then leave, so no temp file is cut off half-way. Tasks only queued are not begun.
process.on('disconnect', () => {
  leaving = true;
  if (!busy) process.exit(0);
});
// Ctrl-C reaches the whole process group: the parent decides (it saves errors.jsonl, then closes the workers)
process.on('SIGINT', () => {});
// ready once the text pipeline is loaded: the pool starts a document's clock at ready
warmUp();
send({ ready: true });

export type { TaskInput };
