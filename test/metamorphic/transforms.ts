// Rewrites of a whole report that keep its meaning: the ways real copies of the same report differ (genre.md: "Text
// quality", "Headings", ingest of Word, PDF and portal pages). A golden states what the report says, so it holds for
// every rewrite. `strict`: the record must not change at all. `lenient`: the rewrite loses information a reader cannot
// always restore (line breaks, page furniture amid the text), so a value may go missing, but none may change.
import * as OpenCC from 'opencc-js/cn2t';

export interface Transform {
  name: string;
  strict: boolean;
  /** what real copies do this */
  why: string;
  apply(text: string): string;
  /** bytes to read instead of the text's UTF-8 */
  encoding?: 'gb18030' | 'utf16le';
}

const s2t = OpenCC.Converter({ from: 'cn', to: 'tw' });
const HALF: Record<string, string> = { '（': '(', '）': ')', '：': ':', '，': ',', '；': ';' };
const FULL: Record<string, string> = { '(': '（', ')': '）', ':': '：', ',': '，', ';': '；' };
/** the title as a running header prints it: its lines (up to the one ending 报告/决算/预算) on one line */
function titleLine(s: string): string {
  const head = s.split('\n').map((l) => l.trim()).filter(Boolean).slice(0, 4);
  const end = head.findIndex((l) => /(?:报告|决算|预算)$/.test(l));
  return head.slice(0, end < 0 ? 1 : end + 1).join('');
}
/** a line between every `every` lines (at most between lines, never inside one) */
const every = (s: string, n: number, line: (k: number) => string) => {
  let k = 0;
  return s
    .split('\n')
    .map((l, i) => (i > 0 && i % n === 0 ? `${line(++k)}\n${l}` : l))
    .join('\n');
};

const DIGITS = '〇一二三四五六七八九';
/** 1–99 in Chinese numerals as reports write them (十二, 二十, 三十三; 0 stays 〇) */
const cn = (n: number): string => (n < 10 ? DIGITS[n] : `${n >= 20 ? DIGITS[Math.floor(n / 10)] : ''}十${n % 10 ? DIGITS[n % 10] : ''}`);

/** every amount in 万元 written in 元 by `write`, which gets its value in fen */
const inYuan = (s: string, write: (fen: number) => string) =>
  s.replace(/(?<![\d.,])(\d+(?:\.\d+)?)[ \t]*万元/g, (_, n: string) => `${write(Math.round(Number(n) * 1_000_000))}元`);
const cents = (fen: number) => String(fen % 100).padStart(2, '0');

export const TRANSFORMS: Transform[] = [
  { name: 'crlf', strict: true, why: 'Windows line ends', apply: (s) => s.replace(/\r?\n/g, '\r\n') },
  {
    name: 'fullwidth-digits',
    strict: true,
    why: 'full-width digits (１４９.８３万元)',
    apply: (s) => s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)),
  },
  { name: 'half-punct', strict: true, why: 'half-width punctuation everywhere (编制:7人,其中(一))', apply: (s) => s.replace(/[（）：，；]/g, (c) => HALF[c]) },
  {
    name: 'full-punct',
    strict: true,
    why: 'full-width punctuation everywhere (thousands separators stay commas)',
    apply: (s) => s.replace(/[():,;]/g, (c) => FULL[c]).replace(/(?<=\d)，(?=\d{3})/g, ','),
  },
  { name: 'traditional', strict: true, why: 'a copy in traditional script (縣科協, 決算)', apply: (s) => s2t(s) },
  { name: 'indent', strict: true, why: "Word's paragraph indent of two full-width spaces", apply: (s) => s.replace(/^(?=\S)/gm, '\u3000\u3000') },
  { name: 'space-units', strict: true, why: 'a space between a number and its unit (149.83 万元, 7 人)', apply: (s) => s.replace(/(\d)(万元|元|人次|人|场|期|名|分)/g, '$1 $2') },
  {
    name: 'space-numbers',
    strict: true,
    why: 'a space on both sides of a number between CJK characters (PDF text layers: 编制 7 人，支出 149.83 万元)',
    apply: (s) => s.replace(/(?<=[\u4e00-\u9fff])(\d+(?:\.\d+)?)(?=[\u4e00-\u9fff%])/g, ' $1 '),
  },
  { name: 'quotes', strict: true, why: 'straight or corner quotes for curly ones (等级为"优", 「优」)', apply: (s) => s.replace(/[“”]/g, '"').replace(/[‘’]/g, "'") },
  {
    name: 'separators',
    strict: true,
    why: 'thousands separators in amounts of yuan (2815310.00元 → 2,815,310.00元)',
    apply: (s) => s.replace(/(?<![\d.,])(\d{4,})(\.\d+)?(?=[ \t]*元)/g, (_, i: string, d = '') => Number(i).toLocaleString('en-US') + d),
  },
  {
    name: 'chinese-counts',
    strict: true,
    // (not 1: 一次, 一场 are also words — 一次性, 进行一次 — and a lone 一 is read as a count only where it cannot be one)
    why: 'small counts in Chinese numerals (编制七人, 开展活动三十三场, 培训班五期)',
    apply: (s) => s.replace(/(?<![\d.,])(\d{1,2})(?![\d.,])( ?)(?=场|期|次|篇|个|名|人(?!民))/g, (_, n: string, sp: string) => (n === '1' ? n : cn(Number(n))) + sp),
  },
  { name: 'trailing-spaces', strict: true, why: 'spaces at the end of every line', apply: (s) => s.replace(/\n/g, '  \n') },
  // (lenient: in a table dumped one cell per line a full-width space line is an empty paragraph of a cell, and a blank
  // line closes its row, so every blank line made a space line leaves rows that cannot be told apart)
  { name: 'space-lines', strict: false, why: 'empty lines holding a full-width space (Word exports)', apply: (s) => s.replace(/\n(?=\n)/g, '\n\u3000') },
  { name: 'gb18030', strict: true, why: 'the same text in GB18030', apply: (s) => s, encoding: 'gb18030' },
  { name: 'utf16', strict: true, why: 'the same text in UTF-16 with a BOM (Notepad\'s "Unicode")', apply: (s) => s, encoding: 'utf16le' },
  { name: 'nbsp', strict: true, why: 'no-break spaces for spaces (text copied from a web page)', apply: (s) => s.replace(/ /g, '\u00a0') },
  {
    name: 'yuan',
    strict: true,
    why: 'amounts in prose written in 元 with separators (149.83万元 → 1,498,300.00元)',
    apply: (s) => inYuan(s, (fen) => `${Math.floor(fen / 100).toLocaleString('en-US')}.${cents(fen)}`),
  },
  {
    name: 'yuan-plain',
    strict: true,
    why: 'amounts in prose written in 元 without separators (149.83万元 → 1498300元, 28.5万元 → 285000元)',
    apply: (s) => inYuan(s, (fen) => `${Math.floor(fen / 100)}${fen % 100 ? `.${cents(fen)}` : ''}`),
  },
  {
    name: 'chinese-dates',
    strict: true,
    why: 'dates in Chinese numerals, as signatures and official documents write them (2023年3月15日 → 二〇二三年三月十五日)',
    apply: (s) =>
      s.replace(/(?<!\d)(\d{4})年(\d{1,2})月(\d{1,2})日/g, (_, y: string, m: string, d: string) => `${[...y].map((c) => DIGITS[Number(c)]).join('')}年${cn(Number(m))}月${cn(Number(d))}日`),
  },
  { name: 'colon-space', strict: true, why: 'a space after a full-width colon (编制数： 7人; Word forms)', apply: (s) => s.replace(/：(?=[^\s])/g, '： ') },
  { name: 'percent-full', strict: true, why: 'full-width percent signs (执行率100％)', apply: (s) => s.replace(/%/g, '％') },
  {
    name: 'zero-width',
    strict: true,
    why: 'zero-width spaces and soft hyphens inside words (text copied from a web page)',
    apply: (s) => s.replace(/(?<=[\u4e00-\u9fff\d])(?=[\u4e00-\u9fff])/g, (_, at: number) => (at % 7 === 0 ? '\u200b' : at % 11 === 0 ? '\u00ad' : '')),
  },
  { name: 'margin', strict: true, why: 'a margin of spaces on every line (a PDF or e-mail copy)', apply: (s) => s.replace(/^(?=[^\n]*\S)/gm, '    ') },
  {
    name: 'markdown',
    strict: true,
    why: 'markdown from a document converter (MinerU, markitdown): # before the title and the numbered headings',
    apply: (s) => {
      let titled = false;
      return s
        .split('\n')
        .map((l) => {
          if (!titled && l.trim()) return (titled = true), `# ${l.trim()}`;
          if (/^[\u3000 \t]*[一二三四五六七八九十]{1,3}、[^。；\t]{2,30}$/.test(l)) return `## ${l.trim()}`;
          if (/^[\u3000 \t]*[（(][一二三四五六七八九十]{1,3}[）)][^。；\t]{2,30}$/.test(l)) return `### ${l.trim()}`;
          return l;
        })
        .join('\n');
    },
  },
  { name: 'blank-lines', strict: false, why: 'a blank line after every line (portal pages)', apply: (s) => s.replace(/\n/g, '\n\n') },
  {
    name: 'wrap',
    strict: false,
    why: 'prose hard-wrapped at 38 characters (text copied out of a PDF); table lines kept',
    apply: (s) =>
      s
        .split('\n')
        .map((l) => (l.includes('\t') || l.length <= 38 ? l : l.match(/.{1,38}/gu)!.join('\n')))
        .join('\n'),
  },
  { name: 'page-numbers', strict: false, why: 'a page number line (- 3 -) every 30 lines', apply: (s) => every(s, 30, (k) => `\n- ${k} -\n`) },
  { name: 'running-header', strict: false, why: 'the title repeated as a page header every 30 lines', apply: (s) => every(s, 30, () => titleLine(s)) },
  {
    name: 'one-line',
    strict: false,
    why: 'the whole report on one line (portal pages)',
    apply: (s) =>
      s
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean)
        .join(''),
  },
];
