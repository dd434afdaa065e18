// Plain text: UTF-8 (with or without BOM), UTF-16 LE/BE (BOM, or sniffed), GB18030/GBK, Big5. Line ends become \n.
import iconv from 'iconv-lite';
import type { Message, ReadResult } from '../document.js';
import { sniffUtf16 } from './detect.js';
import { ReadError } from './errors.js';
import { closeLetterSpacing } from './letterSpacing.js';
import { unwrapText } from './unwrap.js';
import { interleavedBlocks } from '../normalise/interleaved.js';
import { readLayoutTables } from './layout.js';
import { dropPinyinGlosses } from './pinyin.js';
import { dedent, dropInvisible } from './clean.js';
import { embeddedHtmlTables, movedPages } from './embedded.js';

const UTF8 = new TextDecoder('utf-8', { fatal: true }); // made once: a decoder per file costs more than the decoding

export function decodeText(bytes: Uint8Array): { text: string; encoding: string; stray?: number } {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return { text: buf.subarray(3).toString('utf8'), encoding: 'utf-8-bom' };
  if (buf[0] === 0xff && buf[1] === 0xfe) return { text: iconv.decode(buf.subarray(2), 'utf-16le'), encoding: 'utf-16le' };
  if (buf[0] === 0xfe && buf[1] === 0xff) return { text: iconv.decode(buf.subarray(2), 'utf-16be'), encoding: 'utf-16be' };
  const u16 = sniffUtf16(buf);
  if (u16) return { text: iconv.decode(buf, u16), encoding: u16 };
  try {
    return { text: UTF8.decode(buf), encoding: 'utf-8' };
  } catch {
    // UTF-8 with a few stray bytes (a character cut by an editor, a copy truncated mid-character): read as UTF-8,
    // each bad sequence a U+FFFD, instead of the whole file as GB18030 gibberish. GBK bytes read as UTF-8 give a
    // U+FFFD for nearly every character, and what does decode is rare characters, not this genre's words.
    const loose = buf.toString('utf8');
    const stray = countStray(loose);
    if (stray * STRAY_RATIO <= nonAscii(loose) - stray && commonShare(loose) >= GB_SURE) return { text: loose, encoding: 'utf-8', stray };
    // not UTF-8: GB18030 (a superset of GBK and GB2312; every byte sequence decodes), or Big5 for a
    // traditional-script file — whichever reads as this genre's words
    const gb = iconv.decode(buf, 'gb18030');
    if (commonShare(gb) >= GB_SURE) return { text: gb, encoding: 'gb18030' };
    const big5 = iconv.decode(buf, 'big5');
    return commonShare(big5) > commonShare(gb) ? { text: big5, encoding: 'big5' } : { text: gb, encoding: 'gb18030' };
  }
}

// Characters frequent in these reports, in both scripts. Text decoded with the wrong legacy encoding is made of
// unrelated (mostly rare) characters and has few of them: GB18030 bytes read as Big5, or Big5 bytes as GB18030.
const COMMON = new Set([...'的一是在了和年度万萬元人科协協会會支出预預算经經费費部门門工作开開展活动動县縣市区區学學术術技普情况況本单單位项項目基决決其中及为為有等']);
/** share of COMMON characters above which GB18030 is taken without trying Big5 (corpus: right decoding ≥ 0.27,
 *  wrong one ≤ 0.012) */
const GB_SURE = 0.08;

/** At least this many good non-ASCII characters for each bad sequence, for a text to be UTF-8 with stray bytes. */
const STRAY_RATIO = 50;

function countStray(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\uFFFD'); i >= 0; i = text.indexOf('\uFFFD', i + 1)) n++;
  return n;
}

function nonAscii(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= 0x80) n++;
  return n;
}

function commonShare(text: string): number {
  let n = 0;
  let all = 0;
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) continue;
    all++;
    if (COMMON.has(ch)) n++;
  }
  return all ? n / all : 0;
}

/**
 * A browser's print header or footer that pdftotext wrote with one space between its parts (`11/22/26, 11:40 PM 某县科协…报告`,
 * `file:///C:/…/report.html 1/2`): the space becomes a tab, the gap it stands for, so the line reads as the page furniture it
 * is (structure/duplicates.ts) and never as the title or a list item. Only a stamp that is a browser's (a comma after the
 * date, AM/PM or 上午/下午 with the time: a report's `2023/3/15 10:00 召开…` is left) before a short line with no sentence
 * punctuation, and a URL before a page count. One character for one: offsets stay.
 */
export function tabBrowserStamps(text: string): { text: string; n: number } {
  if (!text.includes(':')) return { text, n: 0 };
  let n = 0;
  let out = text.replace(STAMP_LINE, (_m, a: string) => (n++, a + '\t')).replace(URL_LINE, (_m, a: string) => (n++, a + '\t'));
  // (the page's title on its own line over the stamp, as pdftotext's reading order puts the header's two parts: one line)
  if (LONE_STAMP.test(out)) out = out.replace(TITLE_OVER_STAMP, (_m, title: string, gap: string) => (n++, title + gap.replace(/\n/g, '\t')));
  return { text: out, n };
}
const STAMP =
  '\\d{1,4}[/.-]\\d{1,2}[/.-]\\d{1,4}(?:,[ ]?(?:(?:上午|下午)[ ]?)?\\d{1,2}:\\d{2}(?::\\d{2})?(?:[ ]?(?:AM|PM|am|pm))?|[ ](?:(?:上午|下午)[ ]?\\d{1,2}:\\d{2}(?::\\d{2})?|\\d{1,2}:\\d{2}(?::\\d{2})?[ ]?(?:AM|PM|am|pm)))';
// (not `11/23/26, 4:53 AM` alone, its AM taken for a title)
const STAMP_LINE = new RegExp(`^([ \\t]*${STAMP})[ ](?!(?:AM|PM|am|pm)[ \\t]*$)(?=[^\\s。；;，,！？][^\\n\\t。；;，,！？]{0,79}$)`, 'gm');
const LONE_STAMP = new RegExp(`^[ \\t]*${STAMP}[ \\t]*$`, 'm');
const TITLE_OVER_STAMP = new RegExp(`^([^\\s。；;，,！？：:][^\\n\\t。；;，,！？]{3,59})(\\n\\n?)(?=[ \\t]*${STAMP}[ \\t]*$)`, 'gm');
const URL_LINE = /^([ \t]*(?:file:\/\/\/?|https?:\/\/)[^\s]{1,400})[ ](?=[ ]*\d{1,3}[ ]?\/[ ]?\d{1,3}[ \t]*$)/gm;

/**
 * A title whose year pdftotext wrote on a line of its own below it (a browser's print of a page: the digits are in
 * another font, and the plain reading order puts them after the title's CJK run: `年度某县科协…自评报告⏎⏎2023`): the
 * year goes back in front of the title. Only a title among the text's first lines that opens with 年度, and a line that
 * is nothing but a year, within the next four non-blank lines. The year line is emptied: the text keeps its length.
 */
export function titleYearBack(text: string): { text: string; n: number } {
  if (!text.slice(0, 2000).includes('年度')) return { text, n: 0 };
  // the first non-blank lines, as [start, end) offsets (a line at a time: no regex over the whole head)
  const lines: [number, number][] = [];
  for (let s = 0; s < text.length && lines.length < 11 && s < 4000; ) {
    let e = text.indexOf('\n', s);
    if (e < 0) e = text.length;
    if (text.slice(s, e).trim()) lines.push([s, e]);
    s = e + 1;
  }
  for (let i = 0; i < Math.min(6, lines.length); i++) {
    const [ts, te] = lines[i];
    const title = text.slice(ts, te);
    if (!TITLE_NO_YEAR.test(title)) continue;
    for (let j = i + 1; j <= i + 4 && j < lines.length; j++) {
      const [ys, ye] = lines[j];
      const y = YEAR_LINE.exec(text.slice(ys, ye));
      if (!y) continue;
      const at = ts + (title.length - title.trimStart().length);
      const yearAt = ys + y[0].indexOf(y[1]);
      return { text: text.slice(0, at) + y[1] + text.slice(at, yearAt) + text.slice(yearAt + y[1].length), n: 1 };
    }
    return { text, n: 0 };
  }
  return { text, n: 0 };
}
// (a title holding a report's word, no digits, no sentence punctuation)
const TITLE_NO_YEAR = /^[ \t]*年度[^\n\d０-９。；，]{4,60}?(?:报告|决算|预算|自评表|说明)[ \t]*$/;
// (a line that is nothing but a year)
const YEAR_LINE = /^[ \t]*((?:19|20)\d\d|[１２][９０][０-９][０-９])[ \t]*$/;

/**
 * Markdown's marks on a report converted by markitdown or pandoc (`## 第一部分 部门概况`, `**一、部门基本情况**`): the ATX
 * heading's `#`s and the `**` around a line set in bold are blanked (spaces: the text keeps its length), so the title and
 * headings read as in the Word file. Only in a text that is Markdown: two such lines, or one and a pipe table's delimiter
 * row (`|---|---:|`), or a lone `# title` as the text's first line. A `#` inside a line, `**` inside a sentence and a lone
 * `# ` line further down stay.
 */
export function blankMarkdownMarks(text: string): { text: string; n: number } {
  if (!text.includes('# ') && !text.includes('**')) return { text, n: 0 };
  const marks = [...text.matchAll(MD_HEADING), ...text.matchAll(MD_BOLD_LINE)];
  if (!marks.length || (marks.length < 2 && !MD_PIPE_DELIM.test(text) && !MD_TITLE_FIRST.test(text))) return { text, n: 0 };
  // (the marks' ranges gathered, then the text put together once: blanking one mark at a time copied the whole text at each)
  const cuts: [number, number][] = [];
  for (const m of marks) {
    const g = m.groups!;
    cuts.push([m.index + g.lead.length, g.open.length]);
    if (g.close) cuts.push([m.index + m[0].length - g.close.length, g.close.length]);
  }
  cuts.sort((a, b) => a[0] - b[0]);
  const parts: string[] = [];
  let from = 0;
  for (const [at, len] of cuts) {
    parts.push(text.slice(from, at), ' '.repeat(len));
    from = at + len;
  }
  parts.push(text.slice(from));
  return { text: parts.join(''), n: marks.length };
}
const MD_HEADING = /^(?<lead>[ ]{0,3})(?<open>#{1,6}[ \t]+)(?=[^\s#])[^\n]*?(?<close>[ \t]+#+[ \t]*)?$/gm;
const MD_BOLD_LINE = /^(?<lead>[ ]{0,3})(?<open>\*\*)(?=[^\s*])[^*\n]*[^\s*](?<close>\*\*)[ \t]*$/gm;
// (converters emit the title alone as `# …` over plain paragraphs: one mark is enough when it is the text's first line, a
// level-1 heading whose words hold no sentence's punctuation — a `# 注：…。` note or a `#` mid-text is no title)
const MD_TITLE_FIRST = /^(?:[ \t]*\n)*[ ]{0,3}#[ \t]+(?=[^\s#])[^\n。；;，,：:]{4,80}(?:\n|$)/;
const MD_PIPE_DELIM = /^[ ]*\|?[ ]*:?-+:?[ ]*(?:\|[ ]*:?-+:?[ ]*)+\|?[ ]*$/m;

/**
 * The rule under a table's header in pandoc's simple tables (`  项目      预算数` over `  ------- --------`, the columns'
 * extents in dashes): blanked (spaces: the text keeps its length), so the header and the rows under it read as one table
 * laid out in columns of spaces. Only a line of two or more runs of three or more dashes, right under a line with a gap
 * of two spaces between its texts.
 */
export function blankRuleLines(text: string): { text: string; n: number } {
  if (!text.includes('--- -')) return { text, n: 0 };
  let n = 0;
  const out = text.replace(RULE_UNDER_HEADER, (m, head: string, rule: string) => {
    n++;
    return head + ' '.repeat(rule.length);
  });
  return { text: out, n };
}
const RULE_UNDER_HEADER = /^([^\n]*\S {2,}\S[^\n]*\n)([ \t]*-{3,}(?: +-{3,})+[ \t]*)$/gm;

/** CRLF and lone CR → LF, so offsets are the same whatever system wrote the file. */
export function normaliseLineEnds(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

export function readTxt(bytes: Uint8Array): ReadResult {
  const { text: raw, encoding, stray } = decodeText(bytes);
  const lf = normaliseLineEnds(raw);
  const invisible = dropInvisible(lf);
  const margin = dedent(invisible.text);
  const pin = dropPinyinGlosses(margin.text);
  const spaced = closeLetterSpacing(pin.text);
  let text = spaced.text;
  const dropped = pin.dropped;
  const bad = (text.match(/\uFFFD/g) ?? []).length;
  if (bad > 20 && bad / Math.max(text.length, 1) > 0.05) {
    throw new ReadError('binary', `cannot decode the text (${bad} undecodable characters as ${encoding})`);
  }
  if (!text.replace(/\s/g, '')) throw new ReadError('no_text', 'the text file holds only white space');
  const messages: Message[] = encoding === 'utf-8' ? [] : [{ ruleId: 'read:encoding', reason: `decoded as ${encoding}` }];
  // a warning in the record: a value next to a damaged character may be missing, and the reader should know why
  if (stray) messages.push({ ruleId: 'text_undecodable', reason: `UTF-8 with ${stray} undecodable byte sequence(s) (a character cut or damaged), each read as U+FFFD (�)` });
  if (lf.length !== raw.length) messages.push({ ruleId: 'read:line-ends', reason: 'CRLF/CR line ends converted to LF' });
  if (invisible.n) messages.push({ ruleId: 'read:invisible', reason: `removed ${invisible.n} zero-width character(s) (web copies)` });
  if (margin.n) messages.push({ ruleId: 'read:margin', reason: `removed a margin of ${margin.n} space(s) that every line starts with` });
  if (spaced.n) messages.push({ ruleId: 'read:letter-spaced', reason: `${spaced.n} line(s) spaced out character by character written without those spaces` });
  if (dropped) messages.push({ ruleId: 'read:pinyin', reason: `dropped ${dropped} pinyin gloss(es) inside words (\`預(yù)算\`)` });
  const format = encoding === 'utf-8' ? 'txt' : `txt:${encoding}`;
  const stamps = tabBrowserStamps(text);
  if (stamps.n) {
    text = stamps.text;
    messages.push({ ruleId: 'read:browser-stamp', reason: `${stamps.n} browser print header/footer line(s): the space after the date stamp or URL read as a column gap` });
  }
  const md = blankMarkdownMarks(text);
  if (md.n) {
    text = md.text;
    messages.push({ ruleId: 'read:markdown', reason: `${md.n} Markdown heading/bold mark(s) blanked (\`## 一、…\`, \`**…**\`)` });
  }
  const rules = blankRuleLines(text);
  if (rules.n) {
    text = rules.text;
    messages.push({ ruleId: 'read:rule-lines', reason: `${rules.n} dash rule(s) under a table's header blanked (pandoc's simple tables)` });
  }
  const ty = titleYearBack(text);
  if (ty.n) {
    text = ty.text;
    messages.push({ ruleId: 'read:title-year', reason: 'the title\'s year, on a line of its own below it, put back in front of it' });
  }
  // (lines alternating between two columns joined into paragraphs would make sentences of both: left as they are, and the
  // normalise stage reads nothing from them)
  const interleaved = interleavedBlocks(text).length > 0;
  if (interleaved) messages.push({ ruleId: 'read:columns-interleaved', reason: 'lines alternating between two columns: not joined into paragraphs' });
  const u = interleaved ? null : unwrapText(text);
  if (u?.pages) messages.push({ ruleId: 'read:pages', reason: `${u.pages.length} pages (form feeds)` });
  if (u?.pageNumbers) messages.push({ ruleId: 'read:page-numbers', reason: `removed ${u.pageNumbers} page-number lines` });
  if (u?.runningLines) messages.push({ ruleId: 'read:running-lines', reason: `removed ${u.runningLines} running header/footer lines` });
  if (u?.joined) messages.push({ ruleId: 'read:unwrapped', reason: `joined ${u.joined} lines broken inside a paragraph (lines wrapped at ≈ ${Math.round(u.width ?? 0)} characters)` });
  if (u?.numbers) messages.push({ ruleId: 'read:number-joined', reason: `joined ${u.numbers} line break(s) inside a number (\`预算6⏎0万元\`)` });
  const t = readLayoutTables(u?.text ?? text, u?.pages ?? null);
  if (t) {
    messages.push({
      ruleId: 'read:layout-tables',
      reason: `${t.tables.length} table(s) laid out in columns of spaces: ${t.rows} rows written tab-separated (${t.joined} wrapped lines joined into them), ${t.unread} lines left as they are (not read)`,
    });
  }
  // (a page number removed from a text without form feeds leaves its page's start, moved with the text)
  const pageBreaks = u?.pageBreaks.length ? { pageBreaks: t ? u.pageBreaks.map(t.at) : u.pageBreaks } : {};
  const out: ReadResult = t ? { text: t.text, format, pages: t.pages, layoutTables: t.tables, messages, ...pageBreaks } : { text: u?.text ?? text, format, pages: u?.pages ?? null, messages, ...pageBreaks };
  const e = embeddedHtmlTables(out.text);
  if (!e) return out;
  messages.push({ ruleId: 'read:html-tables', reason: `${e.tables.length} HTML table(s) inside the text (\`<table><tr><td>…\`) read as rows` });
  return { ...out, text: e.text, pages: movedPages(out.pages, e.at), pageBreaks: out.pageBreaks?.map(e.at), layoutTables: out.layoutTables?.map((s) => ({ start: e.at(s.start), end: e.at(s.end) })), tables: e.tables };
}
