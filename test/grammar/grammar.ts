// Phrase grammars: a sentence template with slots, each slot a list of the ways reports write that part. Every pair of
// slot values is tried at least once (pairwise), the others rotating, so a grammar of a dozen slots' worth of phrasings
// costs hundreds of extractions, not tens of thousands.
export interface Grammar {
  family: string;
  why: string;
  /** the text before the sentence: a title and a heading, as reports put it */
  head: string;
  template: string;
  slots: Record<string, string[]>;
  /** JSON pointers into the record → the value every case must give */
  expect: Record<string, unknown>;
  /** for cases whose slots hold one of the listed values: other expectations */
  where?: { slots: Record<string, string[]>; expect: Record<string, unknown>; why: string }[];
  /** known gaps: for these slot values the listed paths may stay null (never wrong); an entry no case needs fails */
  backlog?: { slots: Record<string, string[]>; paths: string[]; reason: string }[];
}

export type Choice = Record<string, string>;

/** Every pair of values of two slots at least once; the other slots rotate with the pair's indices. */
export function pairwise(slots: Record<string, string[]>): Choice[] {
  const names = Object.keys(slots);
  const seen = new Set<string>();
  const out: Choice[] = [];
  const add = (c: Choice) => {
    const k = names.map((n) => c[n]).join('\u0000');
    if (!seen.has(k)) seen.add(k), out.push(c);
  };
  if (names.length === 1) for (const v of slots[names[0]]) add({ [names[0]]: v });
  for (let a = 0; a < names.length; a++) {
    for (let b = a + 1; b < names.length; b++) {
      slots[names[a]].forEach((va, i) =>
        slots[names[b]].forEach((vb, j) => {
          const c: Choice = {};
          names.forEach((n, k) => (c[n] = slots[n][(i + j + k) % slots[n].length]));
          c[names[a]] = va;
          c[names[b]] = vb;
          add(c);
        }),
      );
    }
  }
  return out;
}

export const fill = (template: string, c: Choice): string => template.replace(/\{(\w+)\}/g, (_, n: string) => c[n] ?? '');

const matches = (c: Choice, slots: Record<string, string[]>) => Object.entries(slots).every(([n, vs]) => vs.includes(c[n]));

/** What a case must give: the grammar's expectations with its `where` entries applied in order. */
export function expectations(g: Grammar, c: Choice): Record<string, unknown> {
  const want = { ...g.expect };
  for (const w of g.where ?? []) if (matches(c, w.slots)) Object.assign(want, w.expect);
  return want;
}

/** The backlog entries that excuse a missing value at `path` for this case. */
export const excused = (g: Grammar, c: Choice, path: string) => (g.backlog ?? []).filter((b) => b.paths.includes(path) && matches(c, b.slots));
