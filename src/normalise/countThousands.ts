// A count typed in full-width mode groups its thousands with the Chinese comma (培训农民1，860人次). The matching copy makes
// that comma an ASCII one (same length) where macros.yaml FULLWIDTH_COUNT_GROUP says it can only be the separator, so every
// count pattern reads 1860 as it reads 1,860; the value copy keeps the text as written.
import { compile } from '../patterns.js';

// (a full-width comma right between a digit and three digits: most texts hold none, and the test is cheaper than the replace)
const CANDIDATE = /\d，\d{3}/;

/** The matching copy with the thousands commas of counts made ASCII (offsets kept). */
export function foldCountThousands(s: string): string {
  if (CANDIDATE.test(s)) s = s.replace(compile('{FULLWIDTH_COUNT_GROUP}', 'g'), (m) => m.replace(/，/g, ','));
  return s.includes('分别') ? maskRespectiveCommaCounts(s) : s;
}

// (huntb56) After 分别, a lone count of comma-joined digit groups (分别培训农民120,350人次) may be a list's two counts as well as
// one with its thousands grouped (macros.yaml RESPECTIVE_COMMA_COUNT): its figure is masked, so no pattern reads a merged number.
function maskRespectiveCommaCounts(s: string): string {
  return s.replace(compile('{RESPECTIVE_COMMA_COUNT}', 'g'), (m, ...args) => {
    const fig = (args[args.length - 1] as { fig: string }).fig;
    return m.slice(0, m.length - fig.length) + '#'.repeat(fig.length);
  });
}
