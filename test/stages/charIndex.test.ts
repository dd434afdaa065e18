import { describe, expect, it } from 'vitest';
import { occurrences, occurs } from '../../src/extract/charIndex.js';

/** What the index replaces: indexOf from each place found plus one. */
function byIndexOf(text: string, lit: string): number[] {
  const out: number[] = [];
  for (let at = text.indexOf(lit); at >= 0; at = text.indexOf(lit, at + 1)) out.push(at);
  return out;
}

describe('charIndex occurrences', () => {
  it('finds every place of a literal, overlapping ones too, ascending', () => {
    expect(occurrences('支出支出支出', '支出')).toEqual([0, 2, 4]);
    expect(occurrences('aaaa', 'aa')).toEqual([0, 1, 2]);
    expect(occurrences('年初预算100万元，全年预算120万元', '预算')).toEqual([2, 12]);
  });

  it('finds nothing for an absent literal, a literal longer than the text, or an empty one', () => {
    expect(occurrences('基本支出', '项目支出')).toEqual([]);
    expect(occurrences('支', '支出')).toEqual([]);
    expect(occurrences('支出', '')).toEqual([]);
  });

  it('checks from the rarest unit, including a literal whose rare unit is not its first', () => {
    const text = '的的的的科普的的的科普活动的';
    expect(occurrences(text, '的科普')).toEqual(byIndexOf(text, '的科普'));
    expect(occurrences(text, '普活动的')).toEqual([10]);
  });

  it('gives the same places as indexOf when texts alternate (the index is rebuilt for each)', () => {
    const a = '部门整体支出绩效自评报告：支出合计149.83万元';
    const b = '科普经费支出28万元，支出执行率100%';
    for (const [text, lit] of [[a, '支出'], [b, '支出'], [a, '万元'], [b, '万元'], [a, '%'], [b, '%']] as const) {
      expect(occurrences(text, lit)).toEqual(byIndexOf(text, lit));
    }
  });

  it('handles surrogate pairs as UTF-16 units, as indexOf does', () => {
    const text = '𠀀支出𠀀𠀀支出';
    expect(occurrences(text, '𠀀')).toEqual(byIndexOf(text, '𠀀'));
    expect(occurrences(text, '𠀀支')).toEqual(byIndexOf(text, '𠀀支'));
  });

  it('searches a text past the index limit with indexOf', () => {
    const text = '支出'.repeat(600_000) + '万元';
    expect(occurrences(text, '万元')).toEqual([1_200_000]);
    expect(occurrences(text, '出支').length).toBe(599_999);
  });
});

describe('charIndex occurs', () => {
  it('tells whether a literal occurs, as includes does, on texts asked about in turn', () => {
    const texts = ['年初预算100万元，全年预算120万元', '的的的的科普的的的科普活动的', '基本支出', ''];
    for (const lit of ['预算', '科普活动', '普活动的', '项目支出', '支出', '的科普', '元，全', 'x'])
      for (const t of [...texts, ...texts.slice().reverse()]) expect(occurs(t, lit), `${lit} in ${t}`).toBe(t.includes(lit));
    expect(occurs('支出', '')).toBe(true);
  });
});
