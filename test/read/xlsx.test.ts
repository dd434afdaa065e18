// Spreadsheets: .xlsx as Excel, WPS and LibreOffice write them (parts written here by hand in those writers' markup:
// shared and inline strings, x:-prefixed elements, number formats, merged ranges, hidden sheets, rows and columns)
// and .xls (BIFF8) from the corpus, LibreOffice-written (scripts/fixtures/make_xlsx.sh). The corpus pair's record is
// checked against its golden (goldens/seed001-selfeval.json) and against each other in same-record.test.ts.
import { describe, expect, it } from 'vitest';
import { detectFormat, ReadError, readBytes } from '../../src/read/index.js';
import { formatCell } from '../../src/read/numfmt.js';
import { readXlsx } from '../../src/read/xlsx.js';
import { readCorpus, zipOf } from './helpers.js';

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** A workbook of sheets (name, sheet XML body, state); shared strings and styles as given. */
function workbook(sheets: { name: string; xml: string; state?: string }[], strings: string[] = [], styles = ''): Buffer {
  const parts: Record<string, string> = {
    '[Content_Types].xml': '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    '_rels/.rels': `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml': `<?xml version="1.0"?><workbook ${NS}><sheets>${sheets
      .map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ''} r:id="rId${i + 10}"/>`)
      .join('')}</sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets
      .map((_, i) => `<Relationship Id="rId${i + 10}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`)
      .join('')}<Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="${REL}/styles" Target="/xl/styles.xml"/></Relationships>`,
    'xl/sharedStrings.xml': `<?xml version="1.0"?><sst ${NS} count="${strings.length}" uniqueCount="${strings.length}">${strings.map((s) => `<si>${s}</si>`).join('')}</sst>`,
    'xl/styles.xml': `<?xml version="1.0"?><styleSheet ${NS}>${styles}</styleSheet>`,
  };
  sheets.forEach((s, i) => (parts[`xl/worksheets/sheet${i + 1}.xml`] = `<?xml version="1.0"?><worksheet ${NS}>${s.xml}</worksheet>`));
  return zipOf(parts);
}

const read = async (b: Buffer) => (await readXlsx(b)).text;

describe('xlsx reader', () => {
  it('reads the corpus form as its Word copy reads: title row, then the form, merged ranges as merged cells', async () => {
    const r = await readBytes(readCorpus('seed001-selfeval.xlsx'));
    expect(r.format).toBe('xlsx');
    const lines = r.text.split('\n');
    expect(lines[0]).toBe('2022年度项目支出绩效自评表');
    expect(lines[1]).toBe('项目名称\t科普宣传与科普活动');
    // 项目资金（万元） spans five rows: the rows under it open with an empty cell; 年初⏎预算数 is one header
    expect(lines[3]).toBe('项目资金（万元）\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分');
    expect(lines[4]).toBe('\t年度资金总额\t43\t43\t28\t10分\t100%\t100');
    expect(lines).toContain('\t产出指标(50分)\t数量指标\t组织科普宣传活动\t≥5次\t12次\t10\t10\t');
    expect(r.tables).toHaveLength(1);
    expect(r.tables![0].caption).toBe('2022年度项目支出绩效自评表');
    const total = r.tables![0].rows.at(-1)!;
    expect(total[0].text).toBe('总分');
    expect(total.slice(1).every((c) => c.text === '100分')).toBe(true);
    expect(total.slice(2).every((c) => c.merged)).toBe(true);
  });

  it('gives .xls (BIFF8) the same text and grid as .xlsx for the same sheet', async () => {
    const a = await readBytes(readCorpus('seed001-selfeval.xlsx'));
    const b = await readBytes(readCorpus('seed001-selfeval-xls.xls'));
    expect(b.format).toBe('xls');
    expect(b.text).toBe(a.text);
    expect(b.tables).toEqual(a.tables);
  });

  it('reads shared strings (rich runs, phonetic guides left out), inline and formula strings, x: prefixes and _xHHHH_ escapes', async () => {
    const strings = ['<t>部门整体支出绩效自评表</t>', '<r><rPr><b/></rPr><t>编制</t></r><r><t xml:space="preserve">数</t></r><rPh sb="0" eb="2"><t>ビアンジ</t></rPh>', '<t>实有人数</t>', '<t>第一行_x000D_</t>'];
    const xml =
      '<x:sheetData>' +
      '<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c></x:row>' +
      '<x:row r="2"><x:c r="A2" t="s"><x:v>1</x:v></x:c><x:c r="B2"><x:v>8</x:v></x:c><x:c r="C2" t="s"><x:v>2</x:v></x:c><x:c r="D2" t="str"><x:f>B2-1</x:f><x:v>7</x:v></x:c></x:row>' +
      '<x:row r="3"><x:c r="A3" t="inlineStr"><x:is><x:t>填报人：张三</x:t></x:is></x:c></x:row>' +
      '</x:sheetData>';
    expect(await read(workbook([{ name: 'Sheet1', xml }], strings))).toBe('部门整体支出绩效自评表\n编制数\t8\t实有人数\t7\n填报人：张三\n');
    expect(await read(workbook([{ name: 'S', xml: '<sheetData><row r="1"><c r="A1" t="s"><v>3</v></c><c r="B1"><v>1</v></c></row></sheetData>' }], strings))).toBe('第一行\t1\n');
  });

  it('shows numbers as their format shows them: percent, fixed decimals, separators, units in the format, dates', async () => {
    const styles =
      '<numFmts count="3"><numFmt numFmtId="164" formatCode="0.00&quot;万元&quot;"/><numFmt numFmtId="165" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/><numFmt numFmtId="166" formatCode="#,##0.00_ ;[Red]\\-#,##0.00\\ "/></numFmts>' +
      '<cellXfs count="6"><xf numFmtId="0"/><xf numFmtId="10"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="166"/><xf numFmtId="14"/></cellXfs>';
    const row = (r: number, cells: [number, number][]) =>
      `<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>项</t></is></c>${cells.map(([v, s], i) => `<c r="${String.fromCharCode(66 + i)}${r}" s="${s}"><v>${v}</v></c>`).join('')}</row>`;
    const xml = `<sheetData>${row(1, [[0.9723, 1], [149.83, 2], [45401, 3], [1234567, 4], [45401, 5], [0.30000000000000004, 0]])}</sheetData>`;
    expect(await read(workbook([{ name: 'S', xml }], [], styles))).toBe('项\t97.23%\t149.83万元\t2024年4月19日\t1,234,567.00 \t2024/4/19\t0.3\n');
  });

  it('leaves out hidden sheets, rows and columns, and reads sheets in workbook order', async () => {
    const one = (t: string) => `<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>${t}</t></is></c></row></sheetData>`;
    const visible =
      '<cols><col min="2" max="2" hidden="1"/></cols><sheetData>' +
      '<row r="1"><c r="A1" t="inlineStr"><is><t>编制数</t></is></c><c r="B1" t="inlineStr"><is><t>辅助列</t></is></c><c r="C1"><v>8</v></c></row>' +
      '<row r="2" hidden="1"><c r="A2" t="inlineStr"><is><t>隐藏行</t></is></c><c r="C2"><v>1</v></c></row>' +
      '<row r="3"><c r="A3" t="inlineStr"><is><t>实有人数</t></is></c><c r="C3"><v>7</v></c></row></sheetData>';
    const r = await readXlsx(workbook([{ name: '第一页', xml: one('第一页标题') }, { name: '参数', xml: one('下拉选项'), state: 'hidden' }, { name: '数据', xml: visible }]));
    expect(r.text).toBe('第一页标题\n编制数\t8\n实有人数\t7\n');
    expect(r.messages?.map((m) => m.ruleId)).toEqual(['read:xlsx-hidden']);
  });

  it('makes a row of one cell a paragraph, unless a merged range of the table covers it or it sits between table rows', async () => {
    const c = (ref: string, t: string) => `<c r="${ref}" t="inlineStr"><is><t>${t}</t></is></c>`;
    const xml =
      '<sheetData>' +
      `<row r="1">${c('A1', '一、部门基本情况')}</row>` +
      `<row r="2">${c('A2', '本单位编制8人。')}</row>` +
      `<row r="3">${c('A3', '指标')}${c('B3', '分值')}</row>` +
      `<row r="4">${c('A4', '绩效指标')}</row>` +
      `<row r="5">${c('A5', '产出')}${c('B5', '50')}</row>` +
      `<row r="6">${c('B6', '40')}</row>` +
      `<row r="8">${c('A8', '二、存在问题')}</row>` +
      '</sheetData><mergeCells count="1"><mergeCell ref="A5:A6"/></mergeCells>';
    const r = await readXlsx(workbook([{ name: 'S', xml }]));
    // (a table row has every cell of the table's width, as a Word row has)
    expect(r.text).toBe('一、部门基本情况\n本单位编制8人。\n指标\t分值\n绩效指标\t\n产出\t50\n\t40\n二、存在问题\n');
    expect(r.tables).toHaveLength(1);
    expect(r.tables![0].rows.map((row) => row.map((x) => x.text))).toEqual([['指标', '分值'], ['绩效指标', ''], ['产出', '50'], ['产出', '40']]);
  });

  it('refuses what is no readable workbook with one clear error', async () => {
    const code = async (b: Buffer) => {
      try {
        await readBytes(b);
        return 'read';
      } catch (e) {
        return e instanceof ReadError ? e.code : String(e);
      }
    };
    expect(await code(workbook([{ name: 'S', xml: '<sheetData/>' }]))).toBe('no_text');
    expect(await code(workbook([{ name: 'S', xml: '<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>', state: 'hidden' }]))).toBe('no_text');
    expect(await code(zipOf({ 'xl/workbook.xml.bak': 'xl/workbook.xml', 'x.txt': '' }))).toBe('corrupt');
    const real = readCorpus('seed001-selfeval.xlsx');
    expect(await code(real.subarray(0, real.length >> 1))).toBe('corrupt');
    // an .xls whose header points its directory past the end, and one whose sector chain loops
    const far = Buffer.from(readCorpus('seed001-selfeval-xls.xls'));
    far.writeUInt32LE(0x7fffff, 0x30);
    expect(await code(far)).toBe('corrupt');
    const loop = Buffer.from(readCorpus('seed001-selfeval-xls.xls'));
    const dir = loop.readUInt32LE(0x30);
    const fat = loop.readUInt32LE(0x4c);
    loop.writeUInt32LE(dir, 512 * (fat + 1) + 4 * dir); // the directory's next sector: itself
    expect(await code(loop)).toBe('corrupt');
  });

  it('reads a merged range whatever order its corners are in, and bounds what a damaged sheet can lay out', async () => {
    const xls = readCorpus('seed001-selfeval-xls.xls');
    // the MERGEDCELLS record's first range (row 0, columns 0–8: the title row) written with its columns swapped
    const at = xls.indexOf(Buffer.from([0xe5, 0x00]));
    const swapped = Buffer.from(xls);
    const c1 = at + 6 + 4;
    expect([swapped.readUInt16LE(c1), swapped.readUInt16LE(c1 + 2)]).toEqual([0, 8]);
    swapped.writeUInt16LE(8, c1);
    swapped.writeUInt16LE(0, c1 + 2);
    expect((await readBytes(swapped)).text).toBe((await readBytes(xls)).text);
    // table rows with a stray cell in column XFD, and a merged range over a million rows
    const c = (ref: string) => `<c r="${ref}" t="inlineStr"><is><t>x</t></is></c>`;
    const wide = `<sheetData>${[1, 2, 3, 4].map((r) => `<row r="${r}">${c(`A${r}`)}${c(`XFD${r}`)}</row>`).join('')}</sheetData>`;
    await expect(readXlsx(workbook([{ name: 'S', xml: wide }]))).rejects.toMatchObject({ code: 'too_large' });
    const tall = `<sheetData><row r="1">${c('A1')}${c('B1')}</row><row r="900000">${c('A900000')}${c('B900000')}</row></sheetData><mergeCells><mergeCell ref="A2:B1048576"/></mergeCells>`;
    await expect(readXlsx(workbook([{ name: 'S', xml: tall }]))).rejects.toMatchObject({ code: 'too_large' });
  });

  it('gives damaged copies of the corpus workbooks a result or a ReadError, never a crash (seeded byte flips and cuts)', async () => {
    let seed = 20261124;
    const rand = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
    for (const name of ['seed001-selfeval.xlsx', 'seed001-selfeval-xls.xls']) {
      const src = readCorpus(name);
      for (let k = 0; k < 150; k++) {
        const b = Buffer.from(src);
        for (let j = 0; j <= k % 8; j++) b[Math.floor(rand() * b.length)] = Math.floor(rand() * 256);
        const input = k % 5 === 0 ? b.subarray(0, Math.floor(rand() * b.length)) : b;
        const outcome = await readBytes(input).then(
          () => 'read',
          (e) => (e instanceof ReadError ? 'error' : `crash: ${(e as Error).stack}`),
        );
        expect(outcome, `${name} copy ${k}`).toMatch(/^(read|error)$/);
      }
    }
  });

  it('refuses an encrypted or pre-97 .xls with its own error', async () => {
    const xls = Buffer.from(readCorpus('seed001-selfeval-xls.xls'));
    // the globals' BOF record (type 0809, 16 bytes, BIFF8 version 0600) and its CODEPAGE record (0042, 2 bytes)
    const bof = xls.indexOf(Buffer.from([0x09, 0x08, 0x10, 0x00, 0x00, 0x06]));
    const cp = xls.indexOf(Buffer.from([0x42, 0x00, 0x02, 0x00]));
    expect(bof).toBeGreaterThan(0);
    expect(cp).toBeGreaterThan(bof);
    const encrypted = Buffer.from(xls);
    encrypted.writeUInt16LE(0x002f, cp); // FILEPASS in its place
    await expect(readBytes(encrypted)).rejects.toMatchObject({ code: 'encrypted' });
    const biff5 = Buffer.from(xls);
    biff5.writeUInt16LE(0x0500, bof + 4);
    await expect(readBytes(biff5)).rejects.toMatchObject({ code: 'unsupported_format', message: expect.stringMatching(/Excel 5\.0\/95/) });
  });

  it('detects workbooks from their bytes; PowerPoint stays refused', () => {
    expect(detectFormat(readCorpus('seed001-selfeval.xlsx'))).toBe('xlsx');
    expect(detectFormat(readCorpus('seed001-selfeval-xls.xls'))).toBe('xls');
    expect(detectFormat(zipOf({ 'ppt/presentation.xml': '<x/>' }))).toBe('ooxml');
  });
});

describe('number formats', () => {
  it.each([
    [0.9723, '0.00%', '97.23%'],
    [1, '0%', '100%'],
    [149.8, '0.00', '149.80'],
    [149.83, '#,##0.00', '149.83'],
    [1234567, '#,##0.00', '1,234,567.00'],
    [1234567.891, '#,##0', '1,234,568'],
    [28, '0.00"万元"', '28.00万元'],
    [28, '#,##0.00元', '28.00元'],
    [-5, '#,##0.00;(#,##0.00)', '(5.00)'],
    [-5, '0.00', '-5.00'],
    [0.5, '#.##', '.5'],
    [45401, 'yyyy/m/d', '2024/4/19'],
    [45401, 'yyyy-mm-dd', '2024-04-19'],
    [45401, 'yyyy"年"m"月"d"日"', '2024年4月19日'],
    [45401.5, 'yyyy/m/d h:mm', '2024/4/19 12:00'],
    [60, 'yyyy/m/d', '1900/2/29'],
    [95, 'General', '95'],
    [96.5, undefined, '96.5'],
    [0.1 + 0.2, undefined, '0.3'],
    [12, '@', '12'],
    [3, '[Red]0', '3'],
  ])('%s as %s → %s', (v, code, out) => {
    expect(formatCell(v, code)).toBe(out);
  });

  it('counts days from 1904 when the workbook says so', () => {
    expect(formatCell(43939, 'yyyy/m/d', true)).toBe('2024/4/19');
  });
});
