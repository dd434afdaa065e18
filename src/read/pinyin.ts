// Pinyin glosses inside words (`預(yù)算`, `科(kē)普`): copies of annotated print or of pages with ruby text carry
// them, and they split the words every pattern looks for. Dropped while reading, so spans refer to the text
// without them. Only a bracket right after a Han character, holding one to four lower-case syllables with at least
// one tone mark, is a gloss: `(GDP)`, `(a)` and `(2023)` are not.
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
