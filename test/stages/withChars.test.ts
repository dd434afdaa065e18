import { describe, expect, it } from 'vitest';
import { withChars } from '../../src/document.js';

/** What withChars replaces: the text split into its units, some set, joined again. */
function bySplit(text: string, edits: [number, string][]): string {
  const units = text.split('');
  for (const [i, c] of edits) units[i] = c;
  return units.join('');
}

describe('withChars: single units put in at offsets, the same length', () => {
  it('gives what splitting the text, setting the units and joining it gives (the last set at an offset wins)', () => {
    const text = '二、预算执行情况2023年实际支出118万元\n全年\n预算210万元';
    const cases: [number, string][][] = [[], [[0, '\n']], [[text.length - 1, ' ']], [[8, '\n'], [3, '\uE000'], [22, '\uE000'], [3, ' ']]];
    for (const edits of cases) {
      const got = withChars(text, new Map(edits));
      expect(got).toBe(bySplit(text, edits));
      expect(got.length).toBe(text.length);
    }
  });
});
