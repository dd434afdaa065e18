import { describe, expect, it } from 'vitest';
import { highlightText, type MarkSpec } from '../../src/review/highlight.js';
import { readHighlight } from './html.js';

const mark = (i: number, start: number, end: number): MarkSpec => ({
  start,
  end,
  tag: 'mark',
  firstAttrs: ` id="ev-${i}" data-ev="${i}"`,
  contAttrs: ` data-ev="${i}"`,
});

function check(text: string, spans: [number, number][]) {
  const { html, unplaced } = highlightText(text, spans.map(([s, e], i) => mark(i, s, e)));
  const seen = readHighlight(html);
  expect(seen.text).toBe(text);
  spans.forEach(([s, e], i) => {
    if (unplaced.includes(i)) return;
    const got = seen.spans.get(String(i))!;
    expect(got, `span ${i}`).toBeDefined();
    expect(got.start).toBe(s);
    expect(got.text).toBe(text.slice(s, e));
  });
  return { html, unplaced, seen };
}

describe('highlightText', () => {
  it('keeps the text exact, escaping markup and CR', () => {
    const text = 'a<b>&c\r\nd"f';
    const { html } = check(text, [[1, 4]]);
    expect(html).not.toContain('<b>');
    expect(html).toContain('&#13;');
    // a NUL cannot survive HTML parsing; it becomes one U+FFFD so later offsets still line up
    const nul = highlightText('x\0y', [mark(0, 2, 3)]).html;
    expect(readHighlight(nul).text).toBe('x\uFFFDy');
    expect(readHighlight(nul).spans.get('0')!.start).toBe(2);
  });

  it('nests a span inside the span that contains it (project ⊃ budget)', () => {
    const text = '一是科普经费专项资金，预算支出8万元，实际支出19.84万元。';
    const outer: [number, number] = [2, text.length - 1];
    const budget: [number, number] = [text.indexOf('预算'), text.indexOf('，实际')];
    const actual: [number, number] = [text.indexOf('实际'), text.length - 1];
    const { seen } = check(text, [outer, budget, actual]);
    expect(seen.spans.get('0')!.fragments).toBe(1);
    expect(seen.spans.get('1')!.inside).toEqual(['0']);
    expect(seen.spans.get('2')!.inside).toEqual(['0']);
    expect(seen.spans.get('2')!.fragments).toBe(1);
  });

  it('splits crossing spans into fragments that still cover exactly their text', () => {
    const text = '开展科普活动12场，受益群众达10000余人次。';
    const a: [number, number] = [0, text.indexOf('群众')];
    const b: [number, number] = [text.indexOf('受益'), text.length - 1];
    const { seen } = check(text, [a, b]);
    expect(seen.spans.get('1')!.fragments).toBe(2);
  });

  it('handles equal extents, shared starts and ends, empty spans and spans at the edges', () => {
    const text = '自评得分97分，绩效等级为“优”。';
    check(text, [
      [0, 6],
      [0, 6],
      [0, 4],
      [2, 6],
      [3, 3],
      [0, text.length],
      [text.length, text.length],
      [4, 9],
    ]);
  });

  it('leaves out spans that do not fit the text and reports them', () => {
    const text = 'abc';
    const { unplaced } = check(text, [[0, 1], [2, 9], [-1, 1], [2, 1], [1.5, 2]]);
    expect(unplaced).toEqual([1, 2, 3, 4]);
  });

  it('puts point markers between characters without changing the text', () => {
    const text = 'page one\npage two';
    const { html } = highlightText(text, [mark(0, 5, 12)], [{ offset: 9, html: '<span class="pg" data-page="2"></span>' }]);
    expect(readHighlight(html).text).toBe(text);
    expect(html).toContain('<span class="pg" data-page="2"></span>');
    expect(readHighlight(html).spans.get('0')!.text).toBe(text.slice(5, 12));
  });

  it('survives many random overlapping spans', () => {
    let seed = 7;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
    const text = '基本支出预算安排149.83万元，实际支出149.83万元，完成预算安排的100%。\r\n人员经费92.87万元。';
    for (let round = 0; round < 200; round++) {
      const spans: [number, number][] = [];
      for (let k = 0; k < 8; k++) {
        const s = rnd(text.length + 1);
        spans.push([s, s + rnd(text.length + 1 - s)]);
      }
      check(text, spans);
    }
  });
});
