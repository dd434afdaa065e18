// A percentage written in words (`预算执行率为百分之九十八点八`, `完成率达百分之百`, 百分之一百二十) is the same figure as `98.8%`:
// every rate, share and change phrase reads a figure before `%`. In the matching copy such a percentage becomes its figure
// and `%`, right-aligned, spaces before it (same length: `百分之九十五` → `   95%`); the value copy keeps it as written.
// Not a range (百分之八九十: two digits side by side; 百分之十几, 百分之九十多: vague), nor a figure that would not fit (never:
// the words are longer).
import { decToNumber, parseDecimal, toCount } from './numbers.js';

const WORDS = /百分之([〇零一二两三四五六七八九十百]{1,7}(?:点[〇零一二三四五六七八九]{1,4})?)(?![〇零一二两三四五六七八九十百千万亿点几余多来])/g;

/** The matching copy with percentages in words made figures (offsets kept). */
export function foldChinesePercents(s: string): string {
  if (!s.includes('百分之')) return s;
  return s.replace(WORDS, (m, words: string) => {
    const whole = words.split('点')[0];
    if (toCount(whole) === null) return m; // a range or no numeral
    const d = parseDecimal(words);
    if (!d) return m;
    const fig = `${decToNumber(d)}%`;
    return fig.length <= m.length ? ' '.repeat(m.length - fig.length) + fig : m;
  });
}
