import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { cleanValue, foldForMatch, foldRadicals, simplify, simplifyDocument, simplifyWhole } from '../../src/normalise/fold.js';
import { halfUlp, parseChineseInteger, toCount, toRate, toYuan } from '../../src/normalise/numbers.js';
import { extractText } from '../../src/pipeline.js';
import { foldSentenceDots } from '../../src/normalise/dots.js';
import { maskDamagedFigures } from '../../src/normalise/damagedFigures.js';
import { foldChinesePercents } from '../../src/normalise/cnPercent.js';
import { foldOcrYuan } from '../../src/normalise/ocrYuan.js';

describe('normalise: length-preserving folds', () => {
  it('folds full-width digits and punctuation but keeps the Chinese comma', () => {
    const s = '１４９．８３万元，（一）：１００％';
    const f = foldForMatch(s);
    expect(f).toBe('149.83万元，(一):100%');
    expect(f.length).toBe(s.length);
  });
  it('converts traditional to simplified character by character', () => {
    const s = '縣科協決算預算萬元編制實際支出';
    expect(simplify(s)).toBe('县科协决算预算万元编制实际支出');
    expect(simplify(s).length).toBe(s.length);
  });
  it('folds every look-alike and leaves other text as it is', () => {
    expect(foldForMatch('【一】〈二〉﹪﹕﹔\u3000≧≦﹣～〜．')).toBe('(一)(二)%:; ≥≤-~~.');
    expect(foldForMatch('县科协149.83万元，占61.99%')).toBe('县科协149.83万元，占61.99%');
  });
  it('reads radical and compatibility code points as their ideographs (a PDF text layer: 部⻔, 收⼊, ⽀出)', () => {
    // ⻔ U+2ED4 (CJK Radicals Supplement), ⼊ U+2F0A and ⽀ U+2F40 (Kangxi Radicals), 豈 U+F900 (compatibility; U+FA11 﨑 is itself unified and stays)
    const s = '部⻔收⼊⽀出项⽬\uf900﨑';
    const r = foldRadicals(s);
    expect(r.text).toBe('部门收入支出项目\u8c48﨑');
    expect(r.changed).toBe(5);
    expect(r.text.length).toBe(s.length);
    // a Kangxi radical stands for the traditional form; normalise simplifies it after the fold (⾨ → 門 → 门)
    const { doc } = extractText('某县科协部⾨决算');
    expect(doc.norm).toBe('某县科协部门决算');
    expect(doc.text).toBe('某县科协部⾨决算'); // evidence points into the text as it came
    expect(doc.messages.map((m) => m.ruleId)).toContain('normalise.radicals');
  });
  it('folds nothing outside the three blocks it checks for first (no key of its table lies elsewhere)', () => {
    const inBlocks = (c: number) => (c >= 0x2e80 && c <= 0x2fdf) || (c >= 0xf900 && c <= 0xfaff);
    let outside = 0;
    let inside = 0;
    for (let c = 0; c < 0x10000; c++) {
      if (c >= 0xd800 && c < 0xe000) continue;
      // the table itself, with the block test bypassed: a character next to one from the blocks
      const { changed } = foldRadicals('\u2f00' + String.fromCharCode(c));
      if (changed > 1) inBlocks(c) ? inside++ : outside++;
    }
    expect(outside).toBe(0);
    expect(inside).toBeGreaterThan(400);
  });
  it('leaves ideographs, 〇 and other text alone', () => {
    const s = '某县科学技术协会二〇二三年支出149.83万元，门、入、支、目。';
    expect(foldRadicals(s)).toEqual({ text: s, changed: 0 });
    expect(extractText(s).doc.messages.map((m) => m.ruleId)).not.toContain('normalise.radicals');
  });
  it('converts clause by clause exactly as the converter does on the whole text', () => {
    // simplify() skips clauses with no character the dictionaries change; the result must not differ
    const texts = readdirSync('corpus')
      .filter((f) => f.endsWith('.txt') && !f.includes('gb18030'))
      .map((f) => readFileSync(`corpus/${f}`, 'utf8'));
    texts.push('上樑不正下樑歪，國家棟樑。纔能幹\n乾隆年間的著名學者，才能出衆；覆蓋群眾', '梁上君子 懸梁刺股\t台灣 臺灣', '𠮷野家 縣科協');
    for (const t of texts) expect(simplify(t)).toBe(simplifyWhole(t));
  });
  it('keeps 著 and 么 in a simplified document, converts them in a traditional one', () => {
    // Taiwan's variant table maps 著 → 着 (显著 → 显着) and a lone 么 → 幺: both are simplified characters too
    expect(simplifyDocument('县科协科普工作成效显著，出版专著2部，么')).toBe('县科协科普工作成效显著，出版专著2部，么');
    expect(simplifyDocument('隨著工作推進，成效顯著')).toBe('随着工作推进，成效显著');
    expect(simplifyDocument('隨著工作推進，成效顯著').length).toBe('隨著工作推進，成效顯著'.length);
  });
  it('keeps every offset of a whole document', () => {
    const { doc } = extractText('縣科協２０２３年度部門整體支出績效自評報告\n基本支出１４９．８３萬元。');
    expect(doc.norm.length).toBe(doc.text.length);
    expect(doc.display.length).toBe(doc.text.length);
  });
  it('cleans string values: spaces next to CJK dropped, paired quotes trimmed', () => {
    expect(cleanValue(' 县科协 2024 年度 报告 ')).toBe('县科协2024年度报告');
    expect(cleanValue('“优”')).toBe('优');
    expect(cleanValue('“科普中国”平台')).toBe('“科普中国”平台');
  });
});

describe('numbers: decimal-safe values', () => {
  it('converts 万元 and 元 without float noise', () => {
    expect(toYuan('149.83', '万元')).toBe(1498300);
    expect(toYuan('0.07', '万元')).toBe(700);
    expect(toYuan('4.35', '万元')).toBe(43500);
    expect(toYuan('1.005', '万元')).toBe(10050);
    expect(toYuan('2,815,310.00', '元')).toBe(2815310);
    expect(toYuan('1.2', '亿元')).toBe(120000000);
    expect(toYuan('１４９．８３', '万元')).toBe(1498300);
  });
  it('reads Chinese numerals as quantities', () => {
    expect(parseChineseInteger('七')).toBe(7);
    expect(parseChineseInteger('一百零八')).toBe(108);
    expect(parseChineseInteger('十二')).toBe(12);
    expect(parseChineseInteger('二〇二四')).toBe(2024);
    expect(parseChineseInteger('三万四千')).toBe(34000);
    expect(toCount('4', '万')).toBe(40000);
    expect(toCount('1.63', '万')).toBe(16300);
    // two digits side by side are a range or a code, never one count (not 一百零五: 零 stands between)
    expect(toCount('两三')).toBeNull();
    expect(toCount('七八十')).toBeNull();
    expect(toCount('三十五六')).toBeNull();
    expect(toCount('一百零五')).toBe(105);
    expect(toCount('二十')).toBe(20);
  });
  it('reads a decimal in Chinese numerals (九十五点五), decimals digit by digit', () => {
    expect(toRate('九十五点五')).toBe(95.5);
    expect(toRate('九十八点四五')).toBe(98.45);
    expect(toRate('一百点零')).toBe(100);
    expect(toRate('九十五点')).toBeNull();
    expect(toRate('点五')).toBeNull();
    expect(toRate('九十五点十')).toBeNull();
  });
  it('rates and rounding slack', () => {
    expect(toRate('83.25')).toBe(83.25);
    expect(halfUlp('149.83', 10000)).toBeCloseTo(50);
    expect(halfUlp('100')).toBe(0.5);
  });
  it('rejects what is not a number', () => {
    expect(toYuan('abc', '万元')).toBeNull();
    // a comma is a thousands separator only in groups of three: OCR's comma for a point is no number, not 100 times one
    expect(toYuan('286,5', '万元')).toBeNull();
    expect(toYuan('0,44', '万元')).toBeNull();
    expect(toYuan('12,3456', '元')).toBeNull();
    expect(toYuan('1,234,5', '元')).toBeNull();
    expect(toYuan('1,234.5', '元')).toBe(1234.5);
    expect(toYuan('１，２３４', '元')).toBe(1234);
    // a space between digits likewise: thousands in groups of three, or no number (a lost point, two cells run together)
    expect(toYuan('1 330 900', '元')).toBe(1330900);
    expect(toYuan('133 09', '万元')).toBeNull();
    expect(toYuan('10 98.21', '元')).toBeNull();
    expect(toYuan('149.\n83', '万元')).toBe(1498300);
    expect(toYuan('12', '美元')).toBeNull();
  });
});

describe('percentages in words (normalise/cnPercent.ts)', () => {
  it('writes 百分之… as its figure and %, right-aligned, same length', () => {
    for (const [s, want] of [
      ['执行率为百分之九十八点八。', '执行率为   98.8%。'],
      ['达百分之百，', '达100%，'],
      ['百分之一百二十', '   120%'],
      ['百分之零点五', '  0.5%'],
    ]) {
      const f = foldChinesePercents(s);
      expect(f).toBe(want);
      expect(f.length).toBe(s.length);
    }
  });
  it('leaves a range and text without a numeral as written', () => {
    expect(foldChinesePercents('百分之八九十')).toBe('百分之八九十');
    expect(foldChinesePercents('百分之')).toBe('百分之');
    expect(foldChinesePercents('增长百分之十几')).toBe('增长百分之十几');
    expect(foldChinesePercents('百分之九十多')).toBe('百分之九十多');
  });
});

describe('damaged figures (normalise/damagedFigures.ts)', () => {
  it('masks a point followed by spaces and a comma before one or two digits, inside text, keeping the length', () => {
    expect(maskDamagedFigures('观看直播达17. 8万人次')).toBe('观看直播达#####万人次');
    expect(maskDamagedFigures('基本支出（万元）：132,4')).toBe('基本支出（万元）：#####');
    expect(maskDamagedFigures('群众1,2万人次参与')).toBe('群众###万人次参与');
    expect(maskDamagedFigures('自评分数为：88,5分')).toBe('自评分数为：####分');
  });
  it('leaves a list marker opening a line, thousands, decimals, full-width commas and column gaps alone', () => {
    for (const s of ['1. 2023年开展活动', '  2. 30场', '支出1,234,567.00元', '支出149.83万元', '分别为3，5人', '286.5   301.2', '（1）12场']) {
      expect(maskDamagedFigures(s)).toBe(s);
    }
  });
  it('masks the digits of a figure a line break cut inside its integer part, keeping the line break', () => {
    expect(maskDamagedFigures('举办培训班 1\n4 期')).toBe('举办培训班 #\n# 期');
    expect(maskDamagedFigures('自评得分9\n4分')).toBe('自评得分#\n#分');
    expect(maskDamagedFigures('实际支出13\n6.52万元')).toBe('实际支出##\n####万元');
    for (const s of ['举办培训班\n14期', '人员经费118.\n46万元', '表1\n2023年度', '编码2070402\n38.20万元', '1\n2人']) expect(maskDamagedFigures(s)).toBe(s);
  });
  it('so that no rule reads a part of such a figure', () => {
    const head = '2023年度某县科学技术协会部门整体支出绩效自评报告\n二、主要工作\n';
    expect(extractText(`${head}全国科普日主场活动当天吸引群众1,2万人次参与。`).record.activities).toEqual([]);
    expect(extractText(`${head}五、自评结论\n自评分数为：88. 5分，评价等级为良。`).record.selfEvaluation.score).toBeNull();
    expect(extractText(`${head}五、自评结论\n自评分数为：88.5分，评价等级为良。`).record.selfEvaluation.score).toBe(88.5);
  });
});

describe('sentence-ending half-width full stops (normalise/dots.ts)', () => {
  it('folds a full stop that ends a sentence to 。 in the matching copy, same length', () => {
    const cases: [string, string][] = [
      ['项目支出44.30万元.全年实际支出150万元.', '项目支出44.30万元。全年实际支出150万元.'],
      ['开展活动12场. 惠及群众', '开展活动12场。 惠及群众'],
      ['完成率100%.全年', '完成率100%。全年'],
      ['截至2023.12.31.全年支出', '截至2023.12.31。全年支出'],
      ['经费（含结转）.全年', '经费（含结转）。全年'],
    ];
    for (const [input, want] of cases) expect(foldSentenceDots(input)).toBe(want);
  });
  it('leaves decimals, dates, list markers, section numbers, abbreviations and leader dots alone', () => {
    for (const s of ['支出44.30万元', '2023.12.31', '1.开展科普活动', '\n二.主要工作', '（2）.项目情况', '3.2 项目支出', 'No.科协', '目录......第一部分', '一、概况.'])
      expect(foldSentenceDots(s)).toBe(s);
  });
  it('a report with such stops: the figure after one opens its own sentence (finance reads it)', () => {
    const { record } = extractText('2023年度某县科学技术协会部门整体支出绩效自评报告\n2023年项目支出44.30万元.全年实际支出150万元.');
    expect(record.finance.project.actual).toBe(443000);
    expect(record.finance.spendingTotal.actual).toBe(1500000);
  });
});

describe('OCR\'s 兀 for the unit 元 (normalise/ocrYuan.ts)', () => {
  it('folds 兀 right after a figure or its 万/亿 to 元, same length', () => {
    const s = '支出合计207.48万兀，基本支出1,727,200.00兀，项目支出34.76 万 兀。';
    const f = foldOcrYuan(s);
    expect(f).toBe('支出合计207.48万元，基本支出1,727,200.00元，项目支出34.76 万 元。');
    expect(f.length).toBe(s.length);
  });
  it('reads it across a PDF line end before the unit or inside it', () => {
    expect(foldOcrYuan('基本支出172.72\n万兀，合计207.48万\n兀，')).toBe('基本支出172.72\n万元，合计207.48万\n元，');
  });
  it('leaves 兀 after no figure alone', () => {
    expect(foldOcrYuan('突兀的变化，兀自')).toBe('突兀的变化，兀自');
    expect(foldOcrYuan('万兀')).toBe('万兀');
  });
});
