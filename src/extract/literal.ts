// A literal every match of a regex must contain, read from the regex source: a pattern whose literal is not in
// the text cannot match, and String.includes is far cheaper than a scan that tries a lookbehind at every offset.

const META = new Set(['.', '^', '$']);
const QUANT = new Set(['?', '*', '+', '{']);

/**
 * The longest run of plain characters outside any group or class and not made optional by a quantifier, or null
 * when there is none (or when the pattern is an alternation at top level). Conservative: it may miss a literal,
 * it never returns one a match could lack.
 */
export function requiredLiteral(src: string): string | null {
  const runs: string[] = [];
  let run = '';
  const cut = () => {
    if (run) runs.push(run);
    run = '';
  };
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (c === '|') return null;
    if (c === '\\') {
      cut();
      i += 2;
      continue;
    }
    if (c === '[') {
      cut();
      i = classEnd(src, i);
      continue;
    }
    if (c === '(') {
      cut();
      i = groupEnd(src, i);
      if (i < 0) return null;
      continue;
    }
    if (QUANT.has(c)) {
      // the quantifier applies to the last character: it is not required
      run = run.slice(0, -1);
      cut();
      if (c === '{') {
        const close = src.indexOf('}', i);
        if (close < 0) return null;
        i = close + 1;
      } else i++;
      if (src[i] === '?') i++; // lazy
      continue;
    }
    if (META.has(c) || c === ')' || c === ']') {
      cut();
      i++;
      continue;
    }
    run += c;
    i++;
  }
  cut();
  let best: string | null = null;
  for (const r of runs) if (!best || r.length > best.length) best = r;
  return best;
}

/** Index after the `]` closing the class opened at `i`. */
function classEnd(src: string, i: number): number {
  let j = i + 1;
  if (src[j] === '^') j++;
  if (src[j] === ']') j++; // a leading ] is literal in some dialects; harmless here
  for (; j < src.length; j++) {
    if (src[j] === '\\') j++;
    else if (src[j] === ']') return j + 1;
  }
  return src.length;
}

/** Index after the `)` closing the group opened at `i`, or -1 when unbalanced. */
function groupEnd(src: string, i: number): number {
  let depth = 0;
  for (let j = i; j < src.length; j++) {
    const c = src[j];
    if (c === '\\') j++;
    else if (c === '[') j = classEnd(src, j) - 1;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return j + 1;
  }
  return -1;
}
