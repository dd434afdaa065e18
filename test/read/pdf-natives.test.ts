// pdf.js's polyfills replace Array.prototype.push, JSON.parse and Function.prototype.toString of the whole
// process with slow JavaScript copies; the PDF reader puts the natives back (src/read/natives.ts).
// This file must not import pdf-parse itself: the reader has to be the first to load it.
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { readBytes } from '../../src/read/index.js';
import { readCorpus } from './helpers.js';

// another realm's toString is not fooled by core-js's toString, which prints its own functions as native
const realmToString = vm.runInNewContext('Function.prototype.toString') as (this: unknown) => string;
const isNative = (f: unknown) => /\{\s*\[native code\]\s*\}\s*$/.test(realmToString.call(f));

const builtins = () => ({ push: Array.prototype.push, parse: JSON.parse, toString: Function.prototype.toString });
const expectSame = (a: ReturnType<typeof builtins>, b: ReturnType<typeof builtins>) => {
  expect(a.push).toBe(b.push);
  expect(a.parse).toBe(b.parse);
  expect(a.toString).toBe(b.toString);
};
const expectNatives = (b: ReturnType<typeof builtins>) => {
  expect(isNative(b.push)).toBe(true);
  expect(isNative(b.parse)).toBe(true);
  expect(isNative(b.toString)).toBe(true);
};

describe('builtins after reading PDFs', () => {
  const before = builtins();

  it('the test process starts with the natives (the check can tell)', () => {
    expectNatives(before);
    expect(isNative(function push() {})).toBe(false);
  });

  it('after the first PDF (pdf.js and its worker module loaded) and after more, the natives are in place', async () => {
    const r = await readBytes(readCorpus('seed001-pdf.pdf'));
    expect(r.tables?.length).toBeGreaterThan(0);
    expectNatives(builtins());
    expectSame(builtins(), before);
    await readBytes(readCorpus('seed003-cid.pdf'));
    expectSame(builtins(), before);
  });

  it('as plain properties: not enumerable, writable, configurable, and they work', () => {
    for (const [o, k] of [
      [Array.prototype, 'push'],
      [JSON, 'parse'],
      [Function.prototype, 'toString'],
    ] as const) {
      expect(Object.getOwnPropertyDescriptor(o, k)).toMatchObject({ enumerable: false, writable: true, configurable: true });
    }
    const a = [1];
    expect(a.push(2, 3)).toBe(3);
    expect(JSON.parse('{"a":[1,2]}', (_k, v) => v)).toEqual({ a: [1, 2] });
    expect(String(Math.max)).toContain('[native code]');
  });

  it('what pdf.js needs on Node 20 and only gets from its polyfills stays', () => {
    expect(typeof (Promise as unknown as { withResolvers?: unknown }).withResolvers).toBe('function');
  });
});
