// MHT web archives: Word's "single file web page" (corpus/seed002-word.mht, packed by Python's quopri) and Blink's
// "save as MHTML" (corpus/seed000-portal.mht, written by chromium) read as the pages they hold; and the MIME cases
// their writers vary on (base64, the charset in the part header only, `start`), and broken archives.
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { ReadError, readBytes } from '../../src/read/index.js';
import { readCorpus } from './helpers.js';

const mime = (parts: { type: string; cte?: string; id?: string; body: Buffer | string }[], top = '') => {
  const b = '----=_Part_1';
  const chunks: Buffer[] = [Buffer.from(`MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="${b}"${top}\r\n\r\npreamble\r\n`)];
  for (const p of parts) {
    const head = `--${b}\r\nContent-Type: ${p.type}\r\n${p.cte ? `Content-Transfer-Encoding: ${p.cte}\r\n` : ''}${p.id ? `Content-ID: <${p.id}>\r\n` : ''}\r\n`;
    chunks.push(Buffer.from(head), Buffer.isBuffer(p.body) ? p.body : Buffer.from(p.body), Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${b}--\r\n`));
  return Buffer.concat(chunks);
};

describe('MHT reader', () => {
  it('Word\'s single file web page gives the text of the same page saved as .htm', async () => {
    const [mht, htm] = await Promise.all([readBytes(readCorpus('seed002-word.mht')), readBytes(readCorpus('seed002-word.htm'))]);
    expect(mht.format).toBe('mht:gb18030');
    expect(mht.text).toBe(htm.text);
    expect(mht.tables?.length).toBe(htm.tables?.length);
    expect(mht.messages?.[0].ruleId).toBe('read:mht');
  });

  it('a browser\'s MHTML gives the text of the saved page, its menus and footer left out as on the page', async () => {
    const [mht, html] = await Promise.all([readBytes(readCorpus('seed000-portal.mht')), readBytes(readCorpus('seed000-portal.html'))]);
    expect(mht.text).toBe(html.text);
    expect(mht.text).not.toContain('版权所有');
  });

  it('decodes base64 parts in the charset their header names, and takes the root named by `start`', async () => {
    const page = '<html><body><p>2023年度部门整体支出绩效自评报告</p><p>编制7人。</p></body></html>';
    const r = await readBytes(mime([{ type: 'text/html; charset="gb2312"', cte: 'base64', body: iconv.encode(page, 'gbk').toString('base64').replace(/.{76}/g, '$&\r\n') }]));
    expect(r.text).toBe('2023年度部门整体支出绩效自评报告\n编制7人。\n');
    const frame = '<html><body><p>广告栏</p></body></html>';
    const two = mime(
      [
        { type: 'text/html; charset=utf-8', id: 'frame-1', body: frame },
        { type: 'text/html; charset=utf-8', id: 'main', body: page },
      ],
      '; start="<main>"; type="text/html"',
    );
    expect((await readBytes(two)).text).toBe('2023年度部门整体支出绩效自评报告\n编制7人。\n');
  });

  it('every cut of a real archive fails as corrupt while its page is incomplete, and reads the whole page after', async () => {
    const whole = readCorpus('seed002-word.mht');
    const full = (await readBytes(whole)).text;
    const delim = Buffer.from('------=_NextPart_01DA2F3C.5B8E7A10');
    const pageEnd = whole.indexOf(delim, whole.indexOf(delim) + 1); // the page is the first part: the second delimiter ends it
    for (let k = 1; k <= 20; k++) {
      const at = Math.floor((whole.length * k) / 21);
      const r = await readBytes(whole.subarray(0, at)).catch((x) => x);
      if (at < pageEnd + delim.length) expect(r.code, `cut at ${at}`).toBe('corrupt');
      else expect(r.text, `cut at ${at}`).toBe(full);
    }
  });

  it('an archive cut off inside its page, one with no page, or one whose boundary is never used fails, naming why', async () => {
    const whole = readCorpus('seed002-word.mht');
    const cut = whole.subarray(0, whole.indexOf(Buffer.from('Content-Location: file:///C:/6F2A1C3B/seed002-word.files/themedata')) - 200);
    const cases: [Buffer, string, RegExp][] = [
      [cut, 'corrupt', /cut off/],
      [mime([{ type: 'image/png', cte: 'base64', body: 'iVBORw0KGgo=' }]), 'no_text', /no HTML page \(1 part\(s\): image\/png\)/],
      [Buffer.from('MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="zz"\r\n\r\n<html>部门</html>'), 'corrupt', /no parts/],
    ];
    for (const [b, code, msg] of cases) {
      const e = await readBytes(b).catch((x) => x);
      expect(e).toBeInstanceOf(ReadError);
      expect(e.code).toBe(code);
      expect(e.message).toMatch(msg);
    }
  });
});
