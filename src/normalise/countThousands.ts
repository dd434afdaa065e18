// A count typed in full-width mode groups its thousands with the Chinese comma (培训农民1，860人次). The matching copy makes
// that comma an ASCII one (same length) where macros.yaml FULLWIDTH_COUNT_GROUP says it can only be the separator, so every
// count pattern reads 1860 as it reads 1,860; the value copy keeps the text as written.
import { compile } from '../patterns.js';

// (a full-width comma right between a digit and three digits: most texts hold none, and the test is cheaper than the replace)
const CANDIDATE = /\d，\d{3}/;

/** The matching copy with the thousands commas of counts made ASCII (offsets kept). */
export function foldCountThousands(s: string): string {
  if (!CANDIDATE.test(s)) return s;
  return s.replace(compile('{FULLWIDTH_COUNT_GROUP}', 'g'), (m) => m.replace(/，/g, ','));
}
