// V8's young generation in the process the user starts. It grows from 1 MB to 16 MB semi-spaces while the modules
// load; a batch's main process only dispatches and counts, and the grown space is ≈ 30 MB of RSS it never needs
// (docs/benchmark.md, session 8). The growth factor is read at each growth, so it can be set after start-up
// (the semi-space size itself cannot).
import { setFlagsFromString } from 'node:v8';

/** false: the young generation keeps its initial size; true: V8's default doubling. */
export function youngGenerationGrows(grows: boolean): void {
  setFlagsFromString(`--semi-space-growth-factor=${grows ? 2 : 1}`);
}
