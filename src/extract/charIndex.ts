// Where a literal occurs in a text, from an index of each UTF-16 unit's places built in one pass. The extractors ask
// for ≈ 170 literals a report; an indexOf pass over the text for each cost ≈ 10 % of a report's time. From the index,
// only the places of the literal's rarest unit are checked.

/** Texts longer than this are searched with indexOf: the index would keep 4 bytes a unit alive. */
const MAX_INDEXED = 1 << 20;

const head = new Int32Array(1 << 16).fill(-1); // last place of each unit in the indexed text
const count = new Int32Array(1 << 16);
let prev = new Int32Array(1024); // the place before, of the same unit
let indexed: string | null = null;

function index(text: string): void {
  if (indexed === text) return;
  if (indexed !== null) {
    for (let i = 0; i < indexed.length; i++) {
      const c = indexed.charCodeAt(i);
      head[c] = -1;
      count[c] = 0;
    }
  }
  if (prev.length < text.length) prev = new Int32Array(Math.max(text.length, 2 * prev.length));
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    prev[i] = head[c];
    head[c] = i;
    count[c]++;
  }
  indexed = text;
}

/** Every offset where `lit` occurs in `text` (overlapping ones too), ascending. */
export function occurrences(text: string, lit: string): number[] {
  const out: number[] = [];
  if (!lit) return out;
  if (text.length > MAX_INDEXED) {
    for (let at = text.indexOf(lit); at >= 0; at = text.indexOf(lit, at + 1)) out.push(at);
    return out;
  }
  index(text);
  let k = 0;
  for (let j = 1; j < lit.length; j++) if (count[lit.charCodeAt(j)] < count[lit.charCodeAt(k)]) k = j;
  for (let p = head[lit.charCodeAt(k)]; p >= 0; p = prev[p]) {
    const at = p - k;
    if (at >= 0 && text.startsWith(lit, at)) out.push(at);
  }
  return out.reverse();
}

/** Whether `lit` occurs in `text`: the places of its rarest unit, from the index, until one holds it. */
export function occurs(text: string, lit: string): boolean {
  if (!lit) return true;
  if (text.length > MAX_INDEXED) return text.includes(lit);
  index(text);
  let k = 0;
  for (let j = 1; j < lit.length; j++) if (count[lit.charCodeAt(j)] < count[lit.charCodeAt(k)]) k = j;
  for (let p = head[lit.charCodeAt(k)]; p >= 0; p = prev[p]) if (p - k >= 0 && text.startsWith(lit, p - k)) return true;
  return false;
}
