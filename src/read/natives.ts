// pdf.js's legacy build (the one pdf-parse loads) bundles core-js polyfills, and some of them REPLACE builtins of
// the whole process with JavaScript versions, although Node 20's own are fine: Array.prototype.push (V8 fails
// core-js's check for the error on a non-writable length), JSON.parse (the source-text-access proposal) and
// Function.prototype.toString (so that core-js's functions print as "[native code]"). The slow push alone was
// ~24 % of pdf.js's CPU time, and it stayed in place for everything else the process did afterwards.
// The builtins are captured when this module is evaluated — pdf.ts imports it before pdf-parse — and put back
// after pdf-parse is loaded and after each document load (pdf.js's worker module is loaded with the first
// document and installs its own copies). Polyfills that only ADD what Node 20 lacks (Promise.withResolvers, Set
// methods, Iterator helpers …) stay: pdf.js needs them.
type Holder = Record<string, unknown>;
const CAPTURED = ([
  [Array.prototype, 'push'],
  [JSON, 'parse'],
  [Function.prototype, 'toString'],
] as [object, string][]).map(([o, k]) => [o as Holder, k, (o as Holder)[k]] as const);

/** Puts the captured builtins back where a polyfill replaced them (three identity checks when none did). */
export function restoreNatives(): void {
  for (const [o, k, f] of CAPTURED) {
    if (o[k] !== f) Object.defineProperty(o, k, { value: f, writable: true, enumerable: false, configurable: true });
  }
}
