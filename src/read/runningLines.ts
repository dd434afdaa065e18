// A running header or footer in text copied out of a PDF (pdftotext writes the page's header as its first line after
// the form feed): the same words at a page's edge on most pages. Left in place, the line that re-joins a paragraph
// broken by the page glues the header into the sentence (`…核定事业编制` + header + `2名`: the count is lost or another
// one read). Dropped here as the PDF reader drops them (pdf-layout.ts removeRunningLines), by their text alone, the
// same words exactly.

/** digits aside (a page's number or date in the header), whitespace aside */
const keyOf = (text: string) => text.replace(/\s/g, '').replace(/[0-9０-９]+/g, '#');
/** a sentence's or a field's punctuation, a table row: body text, never a running line (`单位：万元` heads a table) */
const NOT_RUNNING = /[，。；：:,;！？]|\t|\S {3,}\S/;
const MIN_KEY = 8;
/** a short header names the unit or the report (`长宁区科协`, `2023年部门决算`): shorter words at a page's top may be a table's cell */
const MIN_KEY_NAMED = 4;
const NAMED = /(?:科协|协会|联合会|科技馆|中心|报告|决算|预算|说明)$/;
/** a table's caption (`项目支出绩效自评表` atop each project's form, one a page) is no running line */
const CAPTION = /表$/;
const MAX_KEY = 60;
/** a report's title ends so */
const REPORT_END = /(?:报告|决算|预算|说明|自评|评价)$/;
/** the page's number set beside the header, apart by spaces (`某县科协…报告    2`, `3    某县科协…报告`) */
const BESIDE_NUMBER = /^\s*(?:[-—–－·]?\s*[0-9０-９]{1,4}\s*[-—–－·]?\s{2,})?(\S.*?\S)(?:\s{2,}[-—–－·]?\s*[0-9０-９]{1,4}\s*[-—–－·]?)?\s*$/;
/** a rule printed under a header or over a footer */
const RULE = /^\s*[-—–_=─━＿﹍﹉·.]{5,}\s*$/;

interface Edge {
  page: number;
  line: number;
  band: 'top' | 'bottom';
  key: string;
}

/**
 * Drops the running lines of a text's pages (lines already dropped, page numbers, are null) and returns how many.
 * With form feeds, each page's first line (not the first page's: the title, which a header may repeat) and last line
 * (not the last page's: a signature) are candidates; without them (one page, page numbers dropped), the lines next to a
 * dropped page number. A candidate is dropped when lines of its band with the same words (digits aside) stand at the
 * edge of at least half of the pages, two at least.
 */
export function dropRunningLines(pages: (string | null)[][], paged: boolean): number {
  const edges: Edge[] = [];
  const edgeAt = (page: number, line: number, band: Edge['band']): Edge | null => {
    const raw = pages[page][line];
    if (raw !== null && raw.length > 2 * MAX_KEY) return null; // (a paragraph's line; and BESIDE_NUMBER stays short)
    const l = raw === null ? null : (BESIDE_NUMBER.exec(raw)?.[1] ?? raw.trim());
    if (l === null || NOT_RUNNING.test(l) || CAPTION.test(l)) return null;
    const key = keyOf(l);
    return key.length >= (NAMED.test(key) ? MIN_KEY_NAMED : MIN_KEY) && key.length <= MAX_KEY && /[\u4e00-\u9fff]/.test(key) ? { page, line, band, key } : null;
  };
  const take = (page: number, line: number, band: Edge['band']) => {
    const e = edgeAt(page, line, band);
    if (e) edges.push(e);
  };
  /** the nearest line with text from `i` on in direction `d`, past blank lines (and, when `skipNull`, dropped ones) */
  const near = (lines: (string | null)[], i: number, d: 1 | -1, skipNull: boolean) => {
    for (; i >= 0 && i < lines.length; i += d) {
      const l = lines[i];
      if (l === null ? !skipNull : l.trim()) return l === null ? -1 : i;
    }
    return -1;
  };
  let boundaries: number;
  /** the first page's top line, a header too when the report's title follows it (see below) */
  let firstTop: Edge | null = null;
  if (paged) {
    const withText = pages.map((p, i) => (p.some((l) => l !== null && l.trim()) ? i : -1)).filter((i) => i >= 0);
    boundaries = withText.length;
    for (const p of withText) {
      const top = near(pages[p], 0, 1, true);
      if (p !== withText[0]) {
        if (top >= 0) take(p, top, 'top');
      } else if (top >= 0) {
        // (Word prints the header on the first page too: there it stands over the title, a line that names the report
        // and holds the header's words, `某区科学技术协会` over `2023年度某区科学技术协会…报告`, or is another title, the
        // header being one; a title over two lines whose first is the header's words, `某区科学技术协会⏎2023年度…报告`, stays)
        const next = near(pages[p], top + 1, 1, true);
        const head = pages[p][top]!.trim();
        const title = next >= 0 ? pages[p][next]!.trim() : '';
        if (REPORT_END.test(title) && (title.includes(head) || REPORT_END.test(head))) firstTop = edgeAt(p, top, 'top');
      }
      if (p !== withText[withText.length - 1]) {
        const i = near(pages[p], pages[p].length - 1, -1, true);
        if (i >= 0) take(p, i, 'bottom');
      }
    }
  } else {
    const lines = pages[0];
    boundaries = 1;
    for (let i = 0; i < lines.length; i++) {
      if (lines[i] !== null || lines[i - 1] === null) continue; // (a run of dropped lines is one break)
      boundaries++;
      const after = near(lines, i, 1, true);
      const before = near(lines, i, -1, true);
      if (after >= 0) take(0, after, 'top');
      if (before >= 0) take(0, before, 'bottom');
    }
  }
  if (edges.length === 0) return 0;
  // (the same words exactly, digits aside: a text layer has no OCR noise, and titles alike, one project's report a page,
  // `2023年度科普日活动项目支出绩效自评报告` and `2023年度科普大篷车项目…`, are no running line)
  const clusters = new Map<string, { pages: Set<number>; members: Edge[] }>();
  for (const e of edges) {
    let cl = clusters.get(e.band + e.key);
    if (!cl) clusters.set(e.band + e.key, (cl = { pages: new Set(), members: [] }));
    // (without form feeds each break is a page of its own)
    cl.pages.add(paged ? e.page : e.line);
    cl.members.push(e);
  }
  let n = 0;
  if (firstTop) clusters.get(firstTop.band + firstTop.key)?.members.push(firstTop);
  const titles = titleKeys(pages);
  for (const cl of clusters.values()) {
    if ((cl.pages.size < 2 || cl.pages.size < 0.5 * boundaries) && !(cl.members.length === 1 && loneTitleHeader(pages, cl.members[0], titles))) continue;
    for (const m of cl.members) {
      const lines = pages[m.page];
      if (lines[m.line] === null) continue;
      lines[m.line] = null;
      n++;
      // (the rule under a header, over a footer, goes with it)
      const d = m.band === 'top' ? 1 : -1;
      const r = near(lines, m.line + d, d, false);
      if (r >= 0 && RULE.test(lines[r]!)) (lines[r] = null), n++;
    }
  }
  return n;
}

/** the title's words (digits aside) as its first one to three lines give them: a page's header repeats the title or its first line */
function titleKeys(pages: (string | null)[][]): Set<string> {
  const keys = new Set<string>();
  let joined = '';
  let seen = 0;
  for (const lines of pages) {
    for (const l of lines) {
      if (l === null || !l.trim()) continue;
      joined += l;
      keys.add(keyOf(joined));
      if (++seen === 3) return keys;
    }
  }
  return keys;
}

/** a heading's or a list item's marker opening a line: a new paragraph, not a sentence going on */
const OPENS_PARAGRAPH = /^\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]{1,2}[）)]|第[一二三四五六七八九十]+部分|\d{1,2}[、.．](?!\d))/;

/**
 * A header standing once (a two-page report: Word prints no header over the first page's title) is a running line
 * when it repeats the title between a paragraph's lines: the line before the page break holds a clause's or a
 * sentence's mark (not a field's end) and the line after the header opens no heading or item. Before, the wrapped
 * text glued the header into the sentence (`…；举办` + title + `青少年科技创新大赛1届`, `培训基层科普骨干3` + title +
 * `20人次` → 20) or onto the next paragraph. A second copy of the report opening a page under a signature or a date,
 * or over its first heading, keeps its title.
 */
function loneTitleHeader(pages: (string | null)[][], e: Edge, titles: Set<string>): boolean {
  if (e.band !== 'top' || !titles.has(e.key)) return false;
  let before: string | null = null;
  let after: string | null = null;
  for (let p = e.page, i = e.line - 1; p >= 0 && before === null; p--, i = p >= 0 ? pages[p].length - 1 : -1)
    for (; i >= 0; i--) if (pages[p][i]?.trim()) { before = pages[p][i]; break; }
  for (let i = e.line + 1; i < pages[e.page].length; i++) if (pages[e.page][i]?.trim()) { after = pages[e.page][i]; break; }
  if (before === null || after === null) return false;
  // (the title itself, at the first page's top, is no line before a header)
  if (titles.has(keyOf(before))) return false;
  return /[，、；。！？,;]/.test(before) && !/[：:]\s*$/.test(before) && !OPENS_PARAGRAPH.test(after);
}
