// What a golden fixes, cut into facts that survive a rewrite of the text: numbers, dates, kinds, section keys and
// list items (their text without spaces, punctuation folded to one width, quotes to straight ones, in simplified script). Titles, labels and
// evidence are not compared: a rewrite changes their characters, not what they say.
import * as OpenCC from 'opencc-js/t2cn';

type Rec = Record<string, any>;
const t2s = OpenCC.Converter({ from: 'tw', to: 'cn' });

/** text as a list item says it, whatever the copy's widths, spaces and script */
export const plain = (s: string): string =>
  t2s(s)
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[“”「」『』]/g, '"')
    .replace(/[‘’]/g, "'")
    .replace(/[\s\u3000]+/g, '');

export interface Facts {
  scalars: Map<string, unknown>;
  multisets: Map<string, string[]>;
}

function leaves(o: unknown, path: string, out: Map<string, unknown>) {
  if (o === null || typeof o !== 'object') out.set(path, o);
  else for (const [k, v] of Object.entries(o)) leaves(v, `${path}.${k}`, out);
}

export function factsOf(r: Rec): Facts {
  const scalars = new Map<string, unknown>();
  for (const k of ['fiscalYear', 'reportKind', 'reportDate']) scalars.set(`meta.${k}`, r.meta[k]);
  leaves(r.staffing, 'staffing', scalars);
  leaves(r.finance, 'finance', scalars);
  scalars.set('selfEvaluation.score', r.selfEvaluation.score);
  scalars.set('selfEvaluation.grade', r.selfEvaluation.grade);
  const keys: string[] = [];
  const walk = (ns: Rec[] | undefined) => {
    for (const n of ns ?? []) {
      if (n.key) keys.push(n.key);
      walk(n.children);
    }
  };
  walk(r.outline);
  const multisets = new Map<string, string[]>([
    ['projects', r.projects.map((p: Rec) => JSON.stringify([p.budget, p.actual, p.adjustment, p.carryover]))],
    ['activities', r.activities.map((a: Rec) => `${a.count} ${a.unit}`)],
    ['indicators', r.indicators.map((i: Rec) => JSON.stringify([i.target?.value ?? null, i.actual?.value ?? null, i.weight, i.score]))],
    ['outline keys', keys],
    ['problems', r.problems.map(plain)],
    ['improvements', r.improvements.map(plain)],
  ]);
  return { scalars, multisets };
}

const sorted = (a: string[]) => [...a].sort();

/** An indicator tuple with some values lost (null) still agrees with the golden's. */
function agrees(kind: string, got: string, want: string): boolean {
  if (got === want) return true;
  if (kind === 'indicators' || kind === 'projects') {
    const g = JSON.parse(got) as unknown[];
    const w = JSON.parse(want) as unknown[];
    return g.every((v, i) => v === null || v === w[i]);
  }
  // a list item cut short (a page break, a wrapped line) is part of the golden's item
  return (kind === 'problems' || kind === 'improvements') && got.length > 0 && want.includes(got);
}

/**
 * The differences between a record and its golden. Strict: any difference. Lenient: only a value that is not the
 * golden's (a scalar that differs and is not null; a list element that agrees with none of the golden's).
 */
export function differences(golden: Facts, got: Facts, strict: boolean): string[] {
  const out: string[] = [];
  for (const [k, want] of golden.scalars) {
    const v = got.scalars.get(k);
    if (JSON.stringify(v) === JSON.stringify(want)) continue;
    if (!strict && v === null) continue;
    out.push(`${k}: ${JSON.stringify(want)} → ${JSON.stringify(v)}`);
  }
  for (const [k, want] of golden.multisets) {
    const g = got.multisets.get(k)!;
    if (strict) {
      if (JSON.stringify(sorted(g)) !== JSON.stringify(sorted(want))) out.push(`${k}: ${JSON.stringify(sorted(want))} → ${JSON.stringify(sorted(g))}`);
      continue;
    }
    const pool = [...want];
    for (const x of g) {
      const i = pool.findIndex((w) => agrees(k, x, w));
      if (i < 0) out.push(`${k}: ${JSON.stringify(x)} is none of the golden's`);
      // a list item's pieces may each be part of one golden item; any other value stands for one of the golden's
      else if (k !== 'problems' && k !== 'improvements') pool.splice(i, 1);
    }
  }
  return out;
}
