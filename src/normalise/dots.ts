// A half-width full stop that ends a sentence (`44.30万元.全年实际支出…`) is folded to 。 in the matching copy, so every
// family's sentence and phrase boundaries ([。;…], a lookbehind for a phrase start) see it; segment splits on it too.

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
const CJK_NUMERAL = /[一二三四五六七八九十]/;
/** What may stand before a list marker: the line's start, a space or a punctuation mark that ends a clause. */
const BEFORE_MARKER = /[\s。；;：:，,、！？!?]/;

/**
 * Does the half-width full stop at `i` end a sentence (`44.30万元.全年实际支出…`, `开展学术交流2次.`)? Only when CJK text
 * follows it (spaces between allowed) and it closes a word or a quote: not a list marker (`1.开展`, `（2）.`, `二.`), a
 * decimal or a date (`44.30`, `2023.12.31`: a digit follows), an abbreviation (`No.`), a section number (`3.2`) or
 * an ellipsis / leader dots (`...`); a whole date written with dots may end its phrase (`截至2023.12.31.全年…`).
 */
export function dotEnds(norm: string, i: number): boolean {
  let j = i + 1;
  while (j < norm.length && (norm[j] === ' ' || norm[j] === '\u3000')) j++;
  if (j >= norm.length || !CJK.test(norm[j])) return false;
  if (norm[i + 1] === '.' || norm[i - 1] === '.') return false;
  const prev = norm[i - 1];
  if (prev === undefined) return false;
  if (CJK_NUMERAL.test(prev)) {
    // 二.主要工作: a numeral opening its line or clause is a list marker
    let k = i - 1;
    while (k > 0 && CJK_NUMERAL.test(norm[k - 1])) k--;
    if (k === 0 || BEFORE_MARKER.test(norm[k - 1])) return false;
    return true;
  }
  // a whole date written with dots ends its phrase: 截至2023.12.31.全年… (not 3.2. or 1.: no year before)
  if (/(?:^|[^\d.])(?:19|20)\d{2}\.\d{1,2}\.\d{1,2}$/.test(norm.slice(Math.max(0, i - 12), i))) return true;
  if (CJK.test(prev) || prev === '%' || prev === '”' || prev === '’' || prev === '"' || prev === '》') return true;
  if (prev === '）' || prev === ')') {
    // （2）. / (三). is a list marker; 经费（含结转）. closes a word
    const open = Math.max(norm.lastIndexOf('（', i - 1), norm.lastIndexOf('(', i - 1));
    if (open < 0 || i - open > 8) return true;
    return !/^[0-9一二三四五六七八九十]+$/.test(norm.slice(open + 1, i - 1));
  }
  return false;
}

/** The matching copy with each sentence-ending half-width full stop as 。 (same length). */
export function foldSentenceDots(norm: string): string {
  if (!norm.includes('.')) return norm;
  let out = '';
  let done = 0;
  for (let i = norm.indexOf('.'); i >= 0; i = norm.indexOf('.', i + 1)) {
    if (!dotEnds(norm, i)) continue;
    out += norm.slice(done, i) + '。';
    done = i + 1;
  }
  return done === 0 ? norm : out + norm.slice(done);
}

// (huntb51) OCR reads a figure's decimal point as the ideographic full stop (`149。83万元`, `98。5%`): no sentence ends between a
// figure's digits and the unit closing them, so such a stop is the point (before, nothing was read — or `83万元` alone after a stop).
// Only with a unit of money or a % right after the digits; not a bare 万 (`3。2万人次` is no amount).
const FIGURE_STOP = /(?<=\d)(?<!\.\d*)。(?=\d{1,4}[ \t]*(?:[万亿千][ \t]?元|元|%))/g;

/** The matching copy with OCR's 。 inside a figure of money or a rate as its point (same length). */
export function foldFigureStops(norm: string): string {
  return norm.includes('。') ? norm.replace(FIGURE_STOP, '.') : norm;
}
