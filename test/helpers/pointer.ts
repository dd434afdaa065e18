/** JSON pointer lookup, plus `/list/length`. */
export function at(obj: unknown, pointer: string): unknown {
  let cur: unknown = obj;
  for (const k of pointer.split('/').slice(1)) {
    if (cur === null || cur === undefined) return undefined;
    cur = k === 'length' && Array.isArray(cur) ? cur.length : (cur as Record<string, unknown>)[k];
  }
  return cur;
}
