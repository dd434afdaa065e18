// Capital numerals (大写数字) numbering headings: 壹、部门基本情况 | （贰）机构人员情况 | 拾壹、… — as some reports number their
// top ranks. In the matching copy they are read as the common numerals (一、, （二）), so every rule that knows a heading's
// or a list's marker (the outline, the sections' lists, the clause leads) knows these; the value copy keeps them as written.
// Only a marker opening its line (after an indent) and closed by 、 or a full stop, or bracketed: 壹佰万元 is an amount.

const CAPITAL: Record<string, string> = { 壹: '一', 贰: '二', 叁: '三', 参: '三', 肆: '四', 伍: '五', 陆: '六', 柒: '七', 捌: '八', 玖: '九', 拾: '十' };
const MARKER = /(^|\n)([ \t\u3000]*)([（(][ \t]?)?([壹贰叁参肆伍陆柒捌玖拾]{1,3})(?=(?:[ \t]?[)）])?[、.．]|(?<=[（(][ \t]?[壹贰叁参肆伍陆柒捌玖拾]{1,3})[ \t]?[)）])/g;

// (lists50) …and the Roman numerals set as one character, Ⅰ、基本情况 | Ⅱ．存在的问题 | （Ⅲ）…, as some reports number a rank: read as
// 一、, 二． (Ⅰ–Ⅹ, one character each, so the copy keeps its length); only so opening a line, not Ⅱ类指标, nor a list of grades, Ⅰ、Ⅱ级指标…
const ROMAN = 'ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ';
const ROMAN_MARKER = /(^|\n)([ \t\u3000]*)([（(][ \t]?)?([Ⅰ-Ⅹ])(?=(?:[ \t]?[)）])?[、.．](?![ \t]?[Ⅰ-Ⅹ])|(?<=[（(][ \t]?[Ⅰ-Ⅹ])[ \t]?[)）])/g;

// (huntb52) …and OCR's letter l or I for the digit 1 numbering a list's first item (l.预算编制不够精细 | I、… | （l）…): read as 1, so the
// item's marker is no part of its text; only so opening a line with a Han character after it (not I.T., not a figure)
const OCR_ONE_MARKER = /(^|\n)([ \t\u3000]*)([（(][ \t]?)?[lI](?=(?:(?<=[（(][ \t]?[lI])[ \t]?[)）]|[、.．])[ \t\u3000]*[\u4e00-\u9fa5])/g;

/** The matching copy with capital-numeral heading markers read as common numerals (same length: offsets kept). */
export function foldCapitalMarkers(s: string): string {
  if (/(?:^|\n)[ \t\u3000]*[（(]?[ \t]?[lI]/.test(s)) s = s.replace(OCR_ONE_MARKER, (m, lineStart: string, indent: string, open: string | undefined) => lineStart + indent + (open ?? '') + '1');
  if (/[Ⅰ-Ⅹ]/.test(s)) s = s.replace(ROMAN_MARKER, (m, lineStart: string, indent: string, open: string | undefined, digit: string) => lineStart + indent + (open ?? '') + '一二三四五六七八九十'[ROMAN.indexOf(digit)]);
  if (!/[壹贰叁参肆伍陆柒捌玖拾]/.test(s)) return s;
  return s.replace(MARKER, (m, lineStart: string, indent: string, open: string | undefined, digits: string) => {
    // (a closing bracket only when one opened: 壹)… is no marker, 壹、 and （壹） are)
    return lineStart + indent + (open ?? '') + [...digits].map((ch) => CAPITAL[ch]).join('');
  });
}
