// Pinyin glosses inside words (`預(yù)算`, `科(kē)普`): copies of annotated print or of pages with ruby text carry
// them, and they split the words every pattern looks for. Dropped while reading, so spans refer to the text
// without them. Only a bracket right after a Han character, holding one to four lower-case syllables with at least
// one tone mark, is a gloss: `(GDP)`, `(a)` and `(2023)` are not.
import type { ReadResult, Span } from '../document.js';

const TONED = 'āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ';
const SYLLABLE = `[a-zü${TONED}]{1,6}`;
const GLOSS = new RegExp(`(?<=[\\u3400-\\u9fff])[(（] ?${SYLLABLE}(?: ${SYLLABLE}){0,3} ?[)）]`, 'g');
const ANY_TONE = new RegExp(`[${TONED}]`);

export function dropPinyinGlosses(text: string): { text: string; dropped: number } {
  if (!ANY_TONE.test(text)) return { text, dropped: 0 };
  let dropped = 0;
  const out = text.replace(GLOSS, (m) => {
    if (!ANY_TONE.test(m)) return m;
    dropped++;
    return '';
  });
  return { text: out, dropped };
}

/** The same for any reader's result (Word, PDF, HTML… carry glosses as text does): the text without them, and every
 *  offset the reader gave (pages, tables and their cells, rebuilt layout tables, page breaks, messages) moved with it. */
export function dropGlossesFromResult(result: ReadResult): ReadResult {
  if (!ANY_TONE.test(result.text)) return result;
  const cut: Span[] = [];
  for (const m of result.text.matchAll(GLOSS)) if (ANY_TONE.test(m[0])) cut.push({ start: m.index, end: m.index + m[0].length });
  if (!cut.length) return result;
  let text = '', from = 0;
  for (const c of cut) {
    text += result.text.slice(from, c.start);
    from = c.end;
  }
  text += result.text.slice(from);
  // (an offset inside a gloss moves to where the gloss was)
  const at = (o: number) => {
    let removed = 0;
    for (const c of cut) {
      if (c.start >= o) break;
      removed += Math.min(o, c.end) - c.start;
    }
    return o - removed;
  };
  const span = <T extends Span>(s: T): T => ({ ...s, start: at(s.start), end: at(s.end) });
  const messages = [...(result.messages ?? []).map((m) => (m.place ? { ...m, place: span(m.place) } : m)), { ruleId: 'read:pinyin', reason: `dropped ${cut.length} pinyin gloss(es) inside words (\`預(yù)算\`)` }];
  return {
    ...result,
    text,
    pages: result.pages?.map(span) ?? null,
    ...(result.tables && { tables: result.tables.map((t) => ({ ...span(t), rows: t.rows.map((r) => r.map((c) => ({ ...span(c), text: dropPinyinGlosses(c.text).text }))) })) }),
    ...(result.layoutTables && { layoutTables: result.layoutTables.map(span) }),
    ...(result.pageBreaks && { pageBreaks: result.pageBreaks.map(at) }),
    messages,
  };
}
