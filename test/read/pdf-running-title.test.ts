// Running headers in LibreOffice's PDFs (test/fixtures/pdf/lo-running-*.pdf, made by scripts/fixtures/make_lo_pdf.sh from
// the .fodt beside them): the header repeating the title on the later pages goes, the title itself atop page 1 stays.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readBytes } from '../../src/read/index.js';
import { extractBytes } from '../../src/pipeline.js';
import { ROOT } from './helpers.js';

const fixture = (name: string) => readFileSync(path.join(ROOT, 'test/fixtures/pdf', name));
const TITLE = '青禾县科学技术协会2023年度部门整体支出绩效自评报告';

describe('a title alone atop page 1, repeated as the header of page 2 (lo-running-title.pdf)', () => {
  const pdf = fixture('lo-running-title.pdf');
  it('keeps the title as the text’s first line and drops the header and the page numbers', async () => {
    const r = await readBytes(pdf);
    expect(r.text.startsWith(TITLE + '\n一、部门基本情况\n')).toBe(true);
    expect(r.text.split(TITLE)).toHaveLength(2);
    expect(r.text).not.toMatch(/—\s*\d\s*—/);
    // (page 1 ends inside a word: the page's furniture gone, the word is whole again)
    expect(r.text).toContain('；项目支出35.34万元，主要用于科普宣传');
  });
  it('so the record has its title, unit, year and kind (before: all null) and the money', async () => {
    const { record } = await extractBytes('t.pdf', pdf);
    expect(record.meta.title).toBe(TITLE);
    expect(record.meta.unitName).toBe('青禾县科学技术协会');
    expect(record.meta.fiscalYear).toBe(2023);
    expect(record.meta.reportKind).toBe('overall_self_eval');
    expect(record.finance.basic.actual).toBe(851600);
    expect(record.finance.project.actual).toBe(353400);
    expect(record.problems).toEqual(['部分项目支出进度滞后，资金使用效率有待提高', '绩效目标设置不够细化，个别指标难以量化考核。']);
  });
});

describe('the unit’s name as the header of every page, page 1’s too (lo-running-unit.pdf)', () => {
  it('drops the header on page 1 as on the others; the title under it stays', async () => {
    const r = await readBytes(fixture('lo-running-unit.pdf'));
    expect(r.text.startsWith(TITLE + '\n一、部门基本情况\n')).toBe(true);
    expect(r.messages.find((m) => m.ruleId === 'read:pdf-running-lines')?.reason).toBe('removed 4 running header/footer lines (2 page numbers): "青禾县科学技术协会"');
    const { record } = await extractBytes('t.pdf', fixture('lo-running-unit.pdf'));
    expect(record.meta.title).toBe(TITLE);
    expect(record.finance.project.actual).toBe(353400);
  });
});
