// OCR reads the unit 元 as 兀 (`207.48万兀`, `1,234.00兀`): after a figure's last digit, or after 万/千/亿 closing one, 兀 is the
// unit and is folded to 元 in the matching copy, so every money phrase reads it (before, such an amount was no amount and its
// phrase gave nothing). 兀 is no word of a report's money anywhere else (突兀 after no figure stays). huntc50 (hunta50 found it too: 186.40万兀, 1,200.00兀).

// (a PDF line end may stand before the unit or inside it, 172.72⏎万兀, 207.48万⏎兀, as MONEY reads 149.83⏎万元)
// (session 51, tables51 and huntb51: and a unit stated for the figures under it, 单位：万兀, 金额单位：兀, 单位为人民币万兀, a header's
// （万兀） / （兀）: the unit of every cell or figure under it, which the tables and the unit lines read from this copy; no figure before it)
const OCR_YUAN = /(?<=\d[ \t]{0,2}(?:\n[ \t]{0,4})?(?:[万千亿][ \t]{0,2}(?:\n[ \t]{0,4})?)?)兀|(?<=单位[ \t]{0,2}(?:[:：]|为)[ \t]{0,2}(?:人民币)?[ \t]{0,2}[万千亿]?[ \t]{0,2})兀|(?<=[（(][ \t]{0,2}[万千亿]?[ \t]{0,2})兀(?=[ \t]{0,2}[)）])/g;

// (huntb51) 圆 (圓 in traditional script) is the unit's formal form, written in capital amounts and by some copies after figures
// (壹佰柒拾贰万叁仟圆整, 120.5万圆, 1,723,000.00圆): the same unit, after a figure, its 万/千/亿 or a capital numeral
const FORMAL_YUAN = /(?<=\d[ \t]{0,2}(?:[万千亿][ \t]{0,2})?|[壹贰叁肆伍陆柒捌玖拾佰仟零][万亿]?)圆/g;

// (huntb52) OCR's 方 for 万 between a figure and 元 or 人次 (`196.8方元`, `1.2方人次`; `2000方土方`, `500平方米`, `3方人员` stay)
const OCR_FANG = /(?<=\d {0,2})方(?= {0,2}(?:[元兀]|人次))/g;

/** 兀 standing for the unit 元 after a figure or in a unit's statement, the unit's formal 圆 → 元, OCR's 方 for 万; same length. */
export function foldOcrYuan(norm: string): string {
  // (方 first: 196.8方兀 is then 万兀)
  if (norm.includes('方')) norm = norm.replace(OCR_FANG, '万');
  if (norm.includes('兀')) norm = norm.replace(OCR_YUAN, '元');
  return norm.includes('圆') ? norm.replace(FORMAL_YUAN, '元') : norm;
}
