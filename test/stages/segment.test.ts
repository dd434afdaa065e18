import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cutWithOffsets } from '../../src/segment/jieba.js';
import { splitLines, splitSentences } from '../../src/segment/index.js';

describe('segment', () => {
  it('jieba keeps numbers whole and tokens carry exact offsets', () => {
    const s = '2024年基本支出预算安排 149.83 万元，开展活动33场。';
    const toks = cutWithOffsets(s, 10);
    expect(toks.map((t) => t.word)).toContain('149.83');
    expect(toks.map((t) => t.word)).toContain('33');
    for (const t of toks) expect(s.slice(t.start - 10, t.end - 10)).toBe(t.word);
  });
  it('tokens are cut on demand and cover the text', async () => {
    const { extractText } = await import('../../src/pipeline.js');
    const { allTokens, tokenAt } = await import('../../src/segment/index.js');
    const { doc } = extractText('开展活动33场。\n培训班5期。');
    expect(tokenAt(doc, doc.text.indexOf('场'))?.word).toBe('场');
    expect(allTokens(doc).map((t) => t.word).join('')).toBe(doc.norm.replace(/\n/g, ''));
  });
  it('tokenAt gives the token of the whole line cut (it cuts only the piece between jieba separators)', async () => {
    const { extractText } = await import('../../src/pipeline.js');
    const { tokenAt } = await import('../../src/segment/index.js');
    for (const f of readdirSync('corpus').filter((n) => n.endsWith('.txt') && !n.includes('gb18030'))) {
      const { doc } = extractText(readFileSync(`corpus/${f}`, 'utf8'));
      for (const line of doc.lines) {
        if (line.end === line.start) continue;
        for (const tok of cutWithOffsets(doc.norm.slice(line.start, line.end), line.start)) {
          expect(tokenAt(doc, tok.start), `${f}: ${tok.word}`).toEqual(tok);
          expect(tokenAt(doc, tok.end - 1)).toEqual(tok);
        }
      }
    }
  });
  it('uses the domain dictionary', () => {
    expect(cutWithOffsets('参加全国科普日活动').map((t) => t.word)).toContain('全国科普日');
  });
  it('splits lines (CRLF aware) and sentences as spans', () => {
    const text = '一、基本情况\r\n编制7人。退休2人；\n';
    const lines = splitLines(text);
    expect(lines[0].text).toBe('一、基本情况');
    expect(lines[1].text).toBe('编制7人。退休2人；');
    const sents = splitSentences(text);
    expect(sents.map((s) => text.slice(s.start, s.end).trim())).toEqual(['一、基本情况', '编制7人。', '退休2人；']);
  });
  it('a half-width full stop ends a sentence only after a word with CJK text after it', () => {
    const parts = (t: string) => splitSentences(t).map((s) => t.slice(s.start, s.end));
    expect(parts('2023年项目支出44.30万元.全年实际支出150万元.')).toEqual(['2023年项目支出44.30万元.', '全年实际支出150万元.']);
    expect(parts('开展学术交流2次. 举办讲座5场')).toEqual(['开展学术交流2次.', ' 举办讲座5场']);
    expect(parts('完成率100%.全年开展“科普日”.活动')).toEqual(['完成率100%.', '全年开展“科普日”.', '活动']);
    expect(parts('工作。三.主要工作')).toEqual(['工作。', '三.主要工作']);
    expect(parts('截至2023.12.31.全年培训500人次')).toEqual(['截至2023.12.31.', '全年培训500人次']);
    // not: list markers, decimals, dates, No., section numbers, leader dots, Latin text
    for (const t of ['1.开展科普活动', '工作如下：2.举办讲座', '（2）.举办讲座', '(三).举办讲座', '二.主要工作', '三.主要工作',
      '支出44.30万元', '2023.12.31前完成', 'No.科协2023', '3.2.开展活动', '基本情况......3', '等等...今年', 'www.kx.gov.cn网站']) {
      expect(parts(t), t).toEqual([t]);
    }
  });
  it('splits sentences as the regex scan it replaced did (corpus and random texts of separators and spaces)', async () => {
    const { dotEnds } = await import('../../src/normalise/dots.js');
    const byRegex = (norm: string) => {
      const out: { start: number; end: number }[] = [];
      let start = 0;
      for (const m of norm.matchAll(/[。！？!?;；.]|\n/g)) {
        if (m[0] === '.' && !dotEnds(norm, m.index)) continue;
        const end = m.index + 1;
        if (norm.slice(start, end).trim()) out.push({ start, end });
        start = end;
      }
      if (norm.slice(start).trim()) out.push({ start, end: norm.length });
      return out;
    };
    const texts = readdirSync('corpus').filter((n) => n.endsWith('.txt') && !n.includes('gb18030')).map((f) => readFileSync(`corpus/${f}`, 'utf8'));
    const alphabet = ['。', '！', '？', '!', '?', ';', '；', '.', '\n', ' ', '\t', '\u3000', '\u00a0', '\ufeff', '\u2028', '\r', '支', '出', '1', 'a', '，'];
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let i = 0; i < 300; i++) texts.push(Array.from({ length: 1 + Math.floor(rand() * 40) }, () => alphabet[Math.floor(rand() * alphabet.length)]).join(''));
    for (const t of texts) expect(splitSentences(t)).toEqual(byRegex(t));
  });
});
