// RTF as Word writes it for a Chinese document (\ansicpg936, \'hh bytes of GBK, \uN with \uc2 fallbacks, font
// charsets, tables, fields, headers and footers) and as other writers leave it; LibreOffice's \uN\'3f RTF is read
// from the corpus in same-record.test.ts. Bytes below are GBK/Big5 as iconv-lite encodes them, not our reader's.
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { ReadError, readBytes } from '../../src/read/index.js';
import { readRtf } from '../../src/read/rtf.js';
import { readCorpus } from './helpers.js';

/** \'hh escapes of a string's bytes in a code page (as Word writes DBCS text). */
const hex = (s: string, enc = 'gbk') => [...iconv.encode(s, enc)].map((b) => (b < 0x80 ? String.fromCharCode(b) : `\\'${b.toString(16)}`)).join('');
const rtf = (s: string) => Buffer.from(s, 'latin1');
const text = (s: string) => readRtf(rtf(s)).text;

const WORD_HEAD =
  `{\\rtf1\\adeflang1025\\ansi\\ansicpg936\\uc2\\adeff31507\\deff0\\stshfdbch13\\deflang1033\\deflangfe2052` +
  `{\\fonttbl{\\f0\\fbidi \\froman\\fcharset0\\fprq2{\\*\\panose 02020603050405020304}Times New Roman;}` +
  `{\\f13\\fbidi \\fnil\\fcharset134\\fprq2{\\*\\panose 02010600030101010101}${hex('宋体')}{\\*\\falt SimSun};}}` +
  `{\\colortbl;\\red0\\green0\\blue0;}{\\*\\generator Microsoft Word 16.0;}{\\info{\\title ${hex('封面标题')}}{\\author Administrator}}\r\n`;

describe('RTF reader', () => {
  it('reads Word\'s GBK bytes under a CJK font, and leaves out fonts, styles, info, headers and footers', () => {
    const src =
      WORD_HEAD +
      `{\\header \\pard\\plain ${hex('页眉文字')}\\par}{\\footer \\pard\\plain {\\field{\\*\\fldinst { PAGE }}{\\fldrslt {\\lang1024 1}}}\\par}\r\n` +
      `\\pard\\plain \\ltrpar\\qc {\\rtlch\\fcs1 \\af0 \\ltrch\\fcs0 \\hich\\af13\\dbch\\af13\\loch\\f13 2023${hex('年度部门整体支出绩效自评报告')}}\\par\r\n` +
      `\\pard\\plain {\\loch\\f13 ${hex('一、部门基本情况')}}\\par\r\n` +
      `{\\f13 ${hex('编制')}7${hex('人，实有在职人员')}7${hex('人。')}}\\par}`;
    expect(text(src)).toBe('2023年度部门整体支出绩效自评报告\n一、部门基本情况\n编制7人，实有在职人员7人。\n');
  });

  it('a GBK trail byte written as a plain ASCII character, \\uN with its \\uc2 fallback bytes, and LibreOffice\'s \\uc1 \\\'3f', () => {
    // 丂 is GBK 81 40: Word writes the trail byte 0x40 as "@"
    expect(text(`${WORD_HEAD}{\\f13 \\'81@${hex('科协')}}\\par}`)).toBe('丂科协\n');
    // under \uc2 the two bytes after \u8226 are its fallback, not text
    expect(text(`${WORD_HEAD}{\\f13 \\u8226\\'a1\\'a4${hex('科普')}}\\par}`)).toBe('•科普\n');
    expect(text(`{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0\\fcharset0 Noto Serif CJK SC;}}\\uc1 \\u31185\\'3f\\u21327\\'3f 2023\\par}`)).toBe('科协 2023\n');
  });

  it('reads Big5 bytes under a font of charset 136 (traditional-script disclosures)', () => {
    const src = `{\\rtf1\\ansi\\ansicpg950\\deff0{\\fonttbl{\\f0\\fcharset0 Times;}{\\f1\\fcharset136 MingLiU;}}{\\f1 ${hex('縣科協決算', 'big5')}}\\par}`;
    expect(text(src)).toBe('縣科協決算\n');
  });

  it('writes a table row per line, cells tab-separated, a cell\'s paragraphs joined with nothing', () => {
    const cell = (s: string) => `\\pard\\intbl {\\f13 ${s}}\\cell`;
    const src =
      WORD_HEAD +
      `\\pard\\plain {\\f13 ${hex('表1')}}\\par\r\n` +
      `\\trowd\\trgaph108\\cellx2000\\cellx4000\\cellx6000${cell(`${hex('年初')}\\par ${hex('预算数')}`)}${cell(hex('全年执行数'))}${cell(hex('执行率'))}` +
      `\\pard\\intbl {\\trowd\\cellx2000\\cellx4000\\cellx6000\\row}\r\n` +
      `\\trowd\\cellx2000\\cellx4000\\cellx6000${cell('50')}${cell('48')}${cell('96%')}\\pard\\intbl {\\row}\r\n` +
      `\\pard\\plain {\\f13 ${hex('表后正文。')}}\\par}`;
    expect(text(src)).toBe('表1\n年初预算数\t全年执行数\t执行率\n50\t48\t96%\n表后正文。\n');
  });

  it('keeps a field\'s result, not its code; drops hidden text, pictures and \\bin data; a list label\'s tab is its suffix', () => {
    const src =
      WORD_HEAD +
      `{\\f13 {\\field{\\*\\fldinst { HYPERLINK "http://x" }}{\\fldrslt {${hex('链接文字')}}}}}\\par\r\n` +
      `{\\f13 ${hex('可见')}{\\v ${hex('隐藏')}}${hex('文字')}}\\par\r\n` +
      `{\\pict\\pngblip\\picw10\\pich10 ${'89504e470d0a1a0a'.repeat(2000)}}{\\object{\\*\\objdata 0102}{\\result ${hex('对象')}}}{\\*\\bkmkstart b1}{\\f13 ${hex('图后')}}\\par\r\n` +
      `{\\pict\\bin4 {}\\}x}{\\f13 ${hex('二进制后')}}\\par\r\n` +
      `{\\listtext\\pard\\plain \\f13 ${hex('一、')}\\tab}{\\f13 ${hex('部门概况')}}\\par\r\n` +
      `{\\listtext\\pard\\plain \\f0 1.\\tab}{\\f13 ${hex('主要问题')}}\\par}`;
    expect(text(src)).toBe('链接文字\n可见文字\n图后\n二进制后\n一、部门概况\n1. 主要问题\n');
  });

  it('a file cut off inside its groups is corrupt, one with no body text has none; neither gives a partial text', async () => {
    const cut = `${WORD_HEAD}{\\f13 ${hex('部门整体支出')}}\\par{\\f13 ${hex('项目支出')}`;
    for (const [b, code] of [
      [rtf(cut), 'corrupt'],
      [rtf(`${WORD_HEAD}{\\pict 0123}\\par}`), 'no_text'],
    ] as const) {
      const e = await readBytes(b).catch((x) => x);
      expect(e).toBeInstanceOf(ReadError);
      expect(e.code).toBe(code);
    }
  });

  it('every cut of a real RTF file before its last brace is corrupt, never a partial text', async () => {
    const whole = readCorpus('seed002-lo.rtf');
    const full = readRtf(whole).text;
    for (let k = 1; k <= 20; k++) {
      const cut = whole.subarray(0, Math.floor((whole.length * k) / 21));
      const e = await readBytes(cut).catch((x) => x);
      expect(e, `cut at ${cut.length}`).toBeInstanceOf(ReadError);
      expect(e.code).toBe('corrupt');
    }
    expect(full).toContain('部门整体支出绩效自评表');
  });

  it('an RTF file named .doc is read by its bytes', async () => {
    const r = await readBytes(rtf(`${WORD_HEAD}{\\f13 ${hex('科普活动')}}\\par}`));
    expect(r.format).toBe('rtf');
    expect(r.text).toBe('科普活动\n');
  });
});
