import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseScore, parseValue } from '../../src/extract/values.js';
import { moneyCell } from '../../src/extract/tables.js';

const spec = JSON.parse(readFileSync(new URL('../specs/values.json', import.meta.url), 'utf8')) as {
  cases: { input: string; expected: unknown }[];
};

describe('parseValue (test/specs/values.json)', () => {
  for (const c of spec.cases) {
    it(JSON.stringify(c.input), () => {
      expect(parseValue(c.input)).toEqual(c.expected);
    });
  }
  it('has negative cases as well as positive ones', () => {
    expect(spec.cases.filter((c) => c.expected === null || (c.expected as { value: unknown }).value === null).length).toBeGreaterThan(10);
  });
});

describe('parseScore', () => {
  it('reads plain numbers and 分', () => {
    expect(parseScore('　10')).toBe(10);
    expect(parseScore('10分')).toBe(10);
    expect(parseScore('9.5')).toBe(9.5);
  });
  it('rejects anything else', () => {
    expect(parseScore('')).toBeNull();
    expect(parseScore('100%')).toBeNull();
    expect(parseScore('≥10')).toBeNull();
    expect(parseScore('无')).toBeNull();
  });
});

describe('moneyCell', () => {
  it('reads a cell with one stray mark after the number (a character lost in conversion)', () => {
    expect(moneyCell('2,715,310.00?', '')).toEqual(moneyCell('2,715,310.00', ''));
    expect(moneyCell('85.09？', '万')?.value).toBe(850900);
    expect(moneyCell('85.09\uFFFD', '万')?.value).toBe(850900);
  });
  it('rejects two marks, a mark before the number, words, and a cell without a unit anywhere', () => {
    expect(moneyCell('2,715,310.00??', '')).toBeNull();
    expect(moneyCell('?2,715,310.00', '')).toBeNull();
    expect(moneyCell('27.65项目经费', '万')).toBeNull();
    expect(moneyCell('85.09', null)).toBeNull();
  });
});
