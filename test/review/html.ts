// A tiny reader for the markup the review page emits (tests only): text, and what each span covers.

export interface SpanSeen {
  /** offset of the first fragment in the text */
  start: number;
  /** concatenated text of all fragments */
  text: string;
  fragments: number;
  /** data-ev values of the evidence spans this one's first fragment sits inside */
  inside: string[];
  attrs: Record<string, string>;
}

const decode = (s: string) =>
  s.replace(/&(amp|lt|gt|quot);|&#(\d+);/g, (_, name, num) =>
    name ? ({ amp: '&', lt: '<', gt: '>', quot: '"' } as Record<string, string>)[name] : num === '0' ? '\uFFFD' : String.fromCharCode(Number(num)),
  );

export function attrsOf(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([a-z-]+)="([^"]*)"/g)) out[m[1]] = decode(m[2]);
  return out;
}

/** Reads highlighted markup: the plain text and, per data-ev / data-hd, what the span covers. */
export function readHighlight(html: string): { text: string; spans: Map<string, SpanSeen>; headings: Map<string, SpanSeen> } {
  let text = '';
  const spans = new Map<string, SpanSeen>();
  const headings = new Map<string, SpanSeen>();
  const stack: { tag: string; ev?: string; hd?: string }[] = [];
  const seen = (map: Map<string, SpanSeen>, key: string, attrs: Record<string, string>) => {
    if (!map.has(key)) map.set(key, { start: text.length, text: '', fragments: 0, inside: stack.flatMap((o) => (o.ev ? [o.ev] : [])), attrs });
    map.get(key)!.fragments++;
  };
  for (const m of html.matchAll(/<(\/?)([a-z]+)([^>]*)>|([^<]+)/g)) {
    if (m[4] !== undefined) {
      const t = decode(m[4]);
      text += t;
      for (const o of stack) {
        if (o.ev) spans.get(o.ev)!.text += t;
        if (o.hd) headings.get(o.hd)!.text += t;
      }
    } else if (m[1]) {
      const open = stack.pop();
      if (!open || open.tag !== m[2]) throw new Error(`bad nesting at </${m[2]}>`);
    } else {
      const a = attrsOf(m[3]);
      const ev = a['data-ev'];
      const hd = a['data-hd'];
      if (ev) seen(spans, ev, a);
      if (hd) seen(headings, hd, a);
      stack.push({ tag: m[2], ev, hd });
    }
  }
  if (stack.length) throw new Error('unclosed elements');
  return { text, spans, headings };
}

/** The inner markup of the page's text container. */
export function textContainer(page: string): string {
  const m = page.match(/<div id="text" class="text">([\s\S]*?)<\/div>/);
  if (!m) throw new Error('no text container');
  return m[1];
}
