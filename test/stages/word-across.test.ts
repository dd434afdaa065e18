import { describe, expect, it } from 'vitest';
import { wordAcross } from '../../src/segment/jieba.js';

describe('wordAcross', () => {
  it('finds a dictionary word broken by a line end', () => {
    expect(wordAcross('有待提高', 3)).toBe(true);
  });
  it('a break between words is none', () => {
    expect(wordAcross('自评结论优秀', 4)).toBe(false);
    expect(wordAcross('的问题无', 3)).toBe(false);
  });
});
