// Plain-text copies carry characters and margins that mean nothing: zero-width characters from web pages, and a margin
// of spaces on every line (a PDF or e-mail copy). Both are removed before the text is unwrapped and read, so the
// text positions point into is the one patterns see.

// zero-width space, non-joiner, joiner, word joiner, soft hyphen, a byte-order mark inside the text
const INVISIBLE = /[\u200b-\u200d\u2060\u00ad\ufeff]/g;

/** The text without invisible characters, and how many there were. */
export function dropInvisible(text: string): { text: string; n: number } {
  let n = 0;
  const out = text.replace(INVISIBLE, () => {
    n++;
    return '';
  });
  return { text: n ? out : text, n };
}

/**
 * The margin every non-blank line starts with (ASCII spaces only), removed. When every line is indented, the
 * indent says nothing: a paragraph's first line, a heading's centring and a table's columns are what lies
 * beyond it, and unwrap reads them from there. Tabs are cell separators here, never a margin.
 */
export function dedent(text: string): { text: string; n: number } {
  let margin = Infinity;
  let lines = 0;
  for (let s = 0; s < text.length && margin > 0; ) {
    let e = text.indexOf('\n', s);
    if (e < 0) e = text.length;
    let i = s;
    while (i < e && text.charCodeAt(i) === 0x0c) i++; // a page's first line starts with the form feed
    const from = i;
    while (i < e && text.charCodeAt(i) === 0x20) i++;
    // a blank line (or one of spaces, a form feed) has no say
    if (i < e && text.slice(i, e).trim()) {
      margin = Math.min(margin, i - from);
      lines++;
    }
    s = e + 1;
  }
  if (!lines || margin === Infinity || margin === 0) return { text, n: 0 };
  const cut = new RegExp(`^(\\f*) {${margin}}`, 'gm');
  return { text: text.replace(cut, '$1'), n: margin };
}
