// A figure in 元 written with spaces as thousands separators (`下达科普经费200 000.00元`, also thin and no-break spaces, which
// the match fold made spaces) is the same figure as `200,000.00元`. The money macro reads both, but every phrase that looks
// across a figure to the words beside it (another source's figure before an allocation, a budget before a bare 支出) was
// written for digits, points and commas only: across `200 000.00元` it saw `000.00元` alone, a clause with no figure before
// it. In the matching copy such a space becomes a comma (same length), so those phrases see the figure whole; the value
// copy keeps it as written. Only where the money macro itself reads the spaces as separators: the first group glued to the
// word before it or after a colon (after other whitespace it may be a 行次 or a count of its own, `本年支出合计 26 418.50元`),
// groups of three, a unit of money right after (so no count, `培训农民1 860人次`, changes).
const SPACED_YUAN = /(?:(?<=:[ \t]*)|(?<![\s\d.,]))\d{1,3}(?: \d{3})+(?=(?:\.\d+)?[ \t]*(?:万[ \t]?元|亿[ \t]?元|千[ \t]?元|元))(?![\d])/g;

/** The matching copy with the thousands spaces of figures in 元 made commas (offsets kept). */
export function groupSpacedThousands(s: string): string {
  if (!/\d \d{3}/.test(s)) return s;
  return s.replace(SPACED_YUAN, (m) => m.replace(/ /g, ','));
}
