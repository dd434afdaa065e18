// One source for the list markers the extractors read (lists, projects, activities, scored items): the markers themselves are
// macros.yaml's LIST_MARKER, ENCLOSED_NUM and SPACED_MARKER; a marker's family and number, markerOf.
import { expand } from '../patterns.js';

/** A list's common marker opening a line after its indent (一是, 1、, 1., （1）, （一）, ⑴ ① ㈠: macros.yaml LIST_MARKER). */
export const LINE_MARKER = new RegExp(expand('^[ \\t\\u3000]*(?:{LIST_MARKER})'));
/** A line's lead that is only a numbered item's marker (（1）, 1、, 一、, ⑴), before a name. */
export const MARKER_LEAD = new RegExp(expand('^[ \\t\\u3000]*(?:[(（]?[一二三四五六七八九十\\d]{1,2}[)）、.．]|{ENCLOSED_NUM})[ \\t\\u3000]*$'));

// (a bullet, ● 宣传覆盖面不广, marks an item as a number does: no part of it; so does a letter, A.…, B、…, a)…, (b)…; a middle
// dot, · 加强宣传, and a dash before a space, as a markdown copy lists: - 宣传覆盖面不广)
// (2.1 宣传覆盖面不广: a chapter's decimal section numbers a list's items too; never a figure, 1.2倍 | 1.2个百分点)
// (the decimal number's end is headings.yaml's: macros.yaml SECTION_NUMBER_END)
// (1 部分项目论证不充分: a number set with a space and no mark, as antiword prints a list: macros.yaml SPACED_MARKER)
// (2.2023年计划举办…: a year right after the marker's point is no decimal of it)
export const ITEM_MARKER = new RegExp(expand(String.raw`^\s*(?:[一二三四五六七八九十]+ ?是|[一二三四五六七八九十] ?要(?![求素点件闻事害])|第[一二三四五六七八九十]{1,2}[，,、:：]|其[一二三四五六七八九十]{1,2}[，,、:：]|(?:首先|其次|再次|最后)[，,:：]|(?:另)?一方面(?:要|是)?[，,:：]?|[一二三四五六七八九十]{1,3} ?[、.]|[(（] ?[一二三四五六七八九十\d]{1,3} ?[)）][、.]?|\d{1,2}[.．]\d{1,2}(?:[.．]\d{1,2})?{SECTION_NUMBER_END}[、]?|\d{1,2}(?: ?[、．]| ?\.(?! ?\d)| ?\.(?= ?(?:19|20)\d{2} ?年)|[)）](?![\d%]))|{ENCLOSED_NUM}|[一二三四五六七八九十]{1,3}[)）]|[A-Ha-h] ?[.、．)）](?![\dA-Za-z.])|[(（][A-Ha-h][)）]|[■□●◆◇▪►▶★☆◎•※·・]|[-－–](?=[ \t\u3000]+[\u4e00-\u9fa5])|{SPACED_MARKER})\s*`));

const CN = '一二三四五六七八九十';
const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩';

const SEQUENCE = ['首先', '其次', '再次'];
// (1 部分…: a number and a space, no mark)
const SPACED_NUMBER = new RegExp(expand(String.raw`^(?={SPACED_MARKER})(\d{1,2})`));
export const SPACED_LEAD = new RegExp(expand('^{SPACED_MARKER}'));

/** The family and ordinal of an item marker at the start of `s`: 一是, (1)/（一）, ①, 1、/1., 第一，, 其一，, 首先，/其次，/最后，
 *  (最后 closes the list whatever its number: n 0). */
export function markerOf(s: string): { family: string; n: number } | null {
  // (一 是: letter-spaced text from a PDF)
  let m = /^([一二三四五六七八九十]) ?是/.exec(s);
  if (m) return { family: 'shi', n: CN.indexOf(m[1]) + 1 };
  // (一要…；二要…: a plan's items)
  m = /^([一二三四五六七八九十]) ?要(?![求素点件闻事害])/.exec(s);
  if (m) return { family: 'yao', n: CN.indexOf(m[1]) + 1 };
  m = /^第([一二三四五六七八九十])[，,、:：]/.exec(s);
  if (m) return { family: 'di', n: CN.indexOf(m[1]) + 1 };
  // (其一，A；其二，B。: the same list worded so; lists49, before one item)
  m = /^其([一二三四五六七八九十])[，,、:：]/.exec(s);
  if (m) return { family: 'qi', n: CN.indexOf(m[1]) + 1 };
  m = /^(首先|其次|再次|最后)[，,:：]/.exec(s);
  if (m) return { family: 'sequence', n: m[1] === '最后' ? 0 : SEQUENCE.indexOf(m[1]) + 1 };
  // (一方面，A；另一方面，B。: a list of two so worded, its comma maybe unsaid; lists50, before one item)
  m = /^(另)?一方面/.exec(s);
  if (m) return { family: 'aspect', n: m[1] ? 2 : 1 };
  m = /^[(（] ?([一二三四五六七八九十]|\d{1,2}) ?[)）]/.exec(s);
  if (m) return { family: /\d/.test(m[1]) ? 'paren' : 'paren-cn', n: /\d/.test(m[1]) ? Number(m[1]) : CN.indexOf(m[1]) + 1 };
  if (CIRCLED.includes(s[0] ?? '\0')) return { family: 'circled', n: CIRCLED.indexOf(s[0]) + 1 };
  // the enclosed forms set as one character (㈠ ⑴ ⒈) are the families of （一） (1) 1.
  const c = s.charCodeAt(0);
  if (c >= 0x3220 && c <= 0x3229) return { family: 'paren-cn', n: c - 0x3220 + 1 };
  if (c >= 0x2474 && c <= 0x2487) return { family: 'paren', n: c - 0x2474 + 1 };
  if (c >= 0x2488 && c <= 0x249b) return { family: 'dot', n: c - 0x2488 + 1 };
  m = /^([一二三四五六七八九十])[)）]/.exec(s);
  if (m) return { family: 'cn-half-paren', n: CN.indexOf(m[1]) + 1 };
  // (1 . 科普…: letter-spaced; 1.2024年计划…: a year after the point, no decimal)
  m = /^(\d{1,2})(?: ?[、．]| ?\.(?! ?\d)| ?\.(?= ?(?:19|20)\d{2} ?年))/.exec(s);
  if (m) return { family: 'dot', n: Number(m[1]) };
  m = /^(\d{1,2})[)）](?![\d%])/.exec(s);
  if (m) return { family: 'half-paren', n: Number(m[1]) };
  m = SPACED_NUMBER.exec(s);
  if (m) return { family: 'spaced', n: Number(m[1]) };
  m = /^[(（]?([A-Ha-h]) ?[.、．)）](?![\dA-Za-z.])/.exec(s);
  if (m) return { family: 'letter', n: m[1].toUpperCase().charCodeAt(0) - 64 };
  return null;
}

// (the characters a marker is told by: 1.2024年 — a year after the point — is the longest)
export const MARK_SPAN = 9;
