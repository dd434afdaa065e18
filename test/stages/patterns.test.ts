import { describe, expect, it } from 'vitest';
import { compile, compiledSize } from '../../src/patterns.js';

describe('compile', () => {
  it('gives the same regex object for the same source and flags, with lastIndex reset', () => {
    const a = compile('支出(?<num>\\d+)', 'g');
    a.lastIndex = 5;
    const b = compile('支出(?<num>\\d+)', 'g');
    expect(b).toBe(a);
    expect(b.lastIndex).toBe(0);
    expect(compile('支出(?<num>\\d+)', 'y')).not.toBe(a);
  });

  it('keeps its cache bounded when sources are built from documents (a name per report)', () => {
    for (let i = 0; i < 12_000; i++) expect(compile(`(?:某${i}学会|学会)[ \\t]*$`, '').test(`某${i}学会`)).toBe(true);
    expect(compiledSize()).toBeLessThanOrEqual(5000);
    // and still compiles correctly after it started again
    expect(compile('执行率(?<pct>\\d+)%', '').exec('执行率98%')?.groups?.pct).toBe('98');
  });
});
