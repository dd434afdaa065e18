// OCR of a scanned PDF, offline (tesseract.js + @tesseract.js-data/chi_sim). Slow: about 10 s a page on 2 CPUs;
// the scan has 2 pages so it stays affordable in CI.
import { describe, expect, it } from 'vitest';
import { readBytes } from '../../src/read/index.js';
import { foldOcrText } from '../../src/read/ocr.js';
import { ocrPagesFrom } from '../../src/batch/task.js';
import { readCorpus } from './helpers.js';

const squash = (s: string) => s.normalize('NFKC').replace(/\s/g, '');

describe('OCR confusions folded before matching', () => {
  it('〈〉 for （）, ″ for ”, spaces between CJK characters', () => {
    expect(foldOcrText('株洲市芦淞区科学技术协会 〈以下简称区科协〉 是群团\n')).toBe('株洲市芦淞区科学技术协会（以下简称区科协）是群团');
    expect(foldOcrText('科 普 活 动 2019 年')).toBe('科普活动 2019 年');
    expect(foldOcrText('“两减″')).toBe('“两减”');
  });
});

describe('scanned PDF (slow)', () => {
  it('no text layer and --no-ocr → no_text, without starting OCR', async () => {
    const progress: string[] = [];
    const e = await readBytes(readCorpus('seed004-scan.pdf'), { ocr: false, onProgress: (m) => progress.push(m) }).catch((x) => x);
    expect(e.code).toBe('no_text');
    expect(e.message).toMatch(/OCR is off/);
    expect(progress).toEqual([]);
  });

  it(
    'is read by OCR: pages marked ocr with a confidence, progress reported, amounts and counts right',
    async () => {
      const progress: string[] = [];
      const r = await readBytes(readCorpus('seed004-scan.pdf'), { onProgress: (m) => progress.push(m) });
      expect(r.format).toBe('pdf:ocr');
      expect(r.pages).toHaveLength(2);
      for (const p of r.pages!) {
        expect(p.ocr).toBe(true);
        expect(p.confidence).toBeGreaterThan(0.6);
        expect(p.confidence).toBeLessThanOrEqual(1);
      }
      expect(progress).toEqual(['OCR: 2 pages to recognise', 'OCR page 1/2 (PDF page 1)', 'OCR page 2/2 (PDF page 2)']);
      // the batch's deadline grows with the OCR pages it reads from these messages
      expect(ocrPagesFrom(progress[0])).toBe(2);
      const t = squash(r.text);
      for (const fact of [
        '2024年度株洲市芦淞区科学技术协会整体支出绩效自评报告',
        '事业编制3名',
        '在职在编人数为3人',
        '退休人数为1人',
        '2024年预算资金69.16万元',
        '财政拨款收入85.33万元',
        '项目支出30.24万元',
        '基本支出55.09万元',
        '人员经费47.3万元',
        '公用经费7.79万元',
      ]) {
        expect(t, fact).toContain(fact);
      }
      // the running header is gone; the report title is the first line
      expect(r.text.split('\n')[0]).toMatch(/^2024年度/);
      expect(r.messages?.map((m) => m.ruleId)).toContain('read:ocr');
    },
    180_000,
  );
});
