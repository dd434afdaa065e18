import { describe, expect, it } from 'vitest';
import { clauseStart, walkBack } from '../../src/extract/activities/clauses.js';

// clauseStart looks a clause's start up in the document's lists of boundaries and marks; the walk back it replaced is the
// reference. Random texts of the characters that matter (boundaries, quotes and brackets, spaces) and letters.
describe('clauseStart', () => {
  it('finds the same start as the walk back, at every end and floor', () => {
    const alphabet = ['，', '。', '：', '\n', '“', '”', '《', '》', '(', ')', '"', ' ', ' ', ' ', '科', '普', '1', '场'];
    let seed = 7;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648) % n);
    for (let t = 0; t < 300; t++) {
      const norm = Array.from({ length: 5 + rand(60) }, () => alphabet[rand(alphabet.length)]).join('');
      for (let end = 0; end <= norm.length; end++) {
        for (const floor of [0, rand(end + 1), Math.max(0, end - 2)]) expect(clauseStart(norm, end, floor), JSON.stringify({ norm, end, floor })).toBe(walkBack(norm, end, floor));
      }
    }
  });
});
