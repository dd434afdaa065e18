import { describe, expect, it } from 'vitest';
import { readBytes } from '../../src/read/index.js';
import { docBodyToText } from '../../src/read/doc.js';
import { readCorpus, seedLines } from './helpers.js';
import { operandSize } from '../../src/read/doc-patch.js';

const lines = (text: string) => text.split('\n').filter((l) => l !== '');

describe('Word 97-2003 .doc (word-extractor, filterUnicode: false)', () => {
  it('seed000-doc.doc reads exactly as its seed, quotes and dashes as written', async () => {
    const r = await readBytes(readCorpus('seed000-doc.doc'));
    expect(r.format).toBe('doc');
    expect(lines(r.text)).toEqual(seedLines('seed000.txt'));
    expect(r.text).toContain('“');
    expect(r.text).toContain('——');
  });

  it('sprm operands are sized as MS-DOC says (sprmTDefTable has a 2-byte length)', () => {
    const b = Buffer.from([0x05, 0x01, 0x00, 0x00]);
    expect(operandSize(b, 0, 0xd608)).toBe(2 + 0x105 - 1);
    expect(operandSize(b, 0, 0xc615)).toBe(1 + 5);
    expect(operandSize(b, 0, 0x2417)).toBe(1);
    expect(operandSize(b, 0, 0x6646)).toBe(4);
  });

  it('paragraphs outside tables match the seeds of 001 and 002', async () => {
    for (const seed of ['001', '002']) {
      const r = await readBytes(readCorpus(`seed${seed}-doc.doc`));
      const seedBody = seedLines(`seed${seed}.txt`).map((l) => l.replace(/ +/g, ' '));
      const firstTable = lines(r.text).findIndex((l) => l.includes('\t'));
      for (const l of lines(r.text).slice(0, firstTable - 1)) expect(seedBody).toContain(l.replace(/ +/g, ' '));
    }
  });

  it('tables: one line per row, cells separated by \\t, cell paragraphs joined — the same text as the .docx', async () => {
    for (const seed of ['000', '001', '002']) {
      const doc = await readBytes(readCorpus(`seed${seed}-doc.doc`));
      const docx = await readBytes(readCorpus(`seed${seed}-docx.docx`));
      expect(doc.text).toBe(docx.text);
    }
    const r = await readBytes(readCorpus('seed001-doc.doc'));
    expect(r.text).toContain('\n项目资金（万元）\t　\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分\n');
    // this row's end marks carry their properties in the Data stream (sprmPHugePapx)
    expect(r.text).toContain('\n\t年度资金总额　\t　43\t　43\t　28\t10分\t100%\t　100\n');
  });

  it('docBodyToText: cell paragraph marks vanish, row tabs go, empty body lines go, empty rows stay', () => {
    expect(docBodyToText('表头\n项目资金\ue000（万元）\t　\t年初\ue000\ue000预算数\t\n\t\t\t\n\n正文。\n')).toBe('表头\n项目资金（万元）\t　\t年初预算数\n\t\t\n正文。\n');
    expect(docBodyToText('负责人：\t张三\n联系电话：123\n')).toBe('负责人：\t张三\n联系电话：123\n');
  });
});
