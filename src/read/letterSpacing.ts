// A line spaced out character by character (an OCR tool's or a PDF text layer's plain text: `全 年 开 展 科 普 活 动 3 6 场`)
// holds no phrase any rule can read, and its figures are digits apart (`1 8 6 0`). Such a line is written without the single
// spaces between its characters, as OCR's CJK spacing is dropped for scanned PDFs (ocr.ts foldOcrText); a wider gap stays.
// huntb52: before, such a report gave nearly nothing — and `达 1 . 2 万 人 次` gave 20000.

/** runs of text split by single spaces or a full-width one; wider gaps are kept */
const SINGLE_GAP = /(?<=[^ \u3000\t\n])[ \u3000](?=[^ \u3000\t\n])/g;
const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;
/** a line needs this many characters standing alone to be taken as spaced out (a heading's `目 录`, `收 入` stay) */
const MIN_RUNS = 8;
/** share of its runs that are one character, and of them that are Han characters */
const SINGLE_SHARE = 0.85;
const HAN_SHARE = 0.3;

export function spacedOut(line: string): boolean {
  if (line.includes('\t')) return false; // a table's row: its cells are tab-separated, a space may be a cell's own
  const runs = line.split(/[ \u3000]+/).filter(Boolean);
  if (runs.length < MIN_RUNS) return false;
  let single = 0;
  let han = 0;
  for (const r of runs) {
    if (r.length !== 1) continue;
    single++;
    if (HAN.test(r)) han++;
  }
  return single >= SINGLE_SHARE * runs.length && han >= HAN_SHARE * runs.length;
}

/** The text with the single spaces of every spaced-out line removed, and how many lines were. */
export function closeLetterSpacing(text: string): { text: string; n: number } {
  // (cheap exit: a spaced-out line has a Han character, a space and a Han character in a row)
  if (!/[\u3400-\u9fff][ \u3000][\u3400-\u9fff][ \u3000][\u3400-\u9fff]/.test(text)) return { text, n: 0 };
  let n = 0;
  const out = text
    .split('\n')
    .map((line) => {
      if (!spacedOut(line)) return line;
      n++;
      // (the indent before the line's first character stays: a paragraph's first line or a centred heading)
      const lead = /^[ \u3000]*/.exec(line)![0];
      return lead + line.slice(lead.length).replace(SINGLE_GAP, '');
    })
    .join('\n');
  return { text: n ? out : text, n };
}
