// Bad inputs: each gives one ReadError with a code and a one-line reason, quickly; none hangs or crashes.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readBytes, withTimeout } from '../../src/read/index.js';
import { ReadError } from '../../src/read/errors.js';
import { openZip } from '../../src/read/zip.js';
import { extractOne } from '../../src/batch/one.js';
import { badFixture, blankPdf, corpus, docxOf, para, readCorpus, zipOf } from './helpers.js';

async function failure(bytes: Uint8Array, opts = {}): Promise<ReadError> {
  const t0 = performance.now();
  const e = await readBytes(bytes, opts).then(
    () => null,
    (x) => x,
  );
  expect(e, 'should have failed').toBeInstanceOf(ReadError);
  expect(e.message).not.toContain('\n');
  expect(e.message.length).toBeLessThan(200);
  expect(performance.now() - t0).toBeLessThan(30_000);
  return e;
}

describe('bad PDFs', () => {
  it('encrypted (user password) → encrypted', async () => {
    const e = await failure(readFileSync(badFixture('encrypted.pdf')));
    expect(e.code).toBe('encrypted');
    expect(e.message).toMatch(/password/);
  });

  it('only an owner password (copy/print restrictions) → reads normally', async () => {
    const r = await readBytes(readFileSync(badFixture('owner-password-only.pdf')));
    expect(r.text).toContain('2023年收入为207.48万元。');
  });

  it('truncated → corrupt', async () => {
    const pdf = readCorpus('seed003-cid.pdf');
    for (const frac of [0.3, 0.6, 0.95]) {
      const e = await failure(pdf.subarray(0, Math.floor(pdf.length * frac)));
      expect(e.code).toBe('corrupt');
      expect(e.message).toMatch(/truncated/);
    }
  });

  it('a PDF header with garbage behind it → corrupt', async () => {
    const e = await failure(Buffer.from('%PDF-1.7\n' + 'x'.repeat(5000) + '\nstartxref\n9\n%%EOF\n'));
    expect(e.code).toBe('corrupt');
  });

  it('500 blank pages → no_text, in bounded time', async () => {
    const t0 = performance.now();
    const e = await failure(blankPdf(500));
    expect(e.code).toBe('no_text');
    expect(e.message).toMatch(/500 page/);
    expect(performance.now() - t0).toBeLessThan(20_000);
  });

  it('an already expired time limit stops the page loop', async () => {
    const ctl = new AbortController();
    ctl.abort();
    const e = await failure(readCorpus('seed003-cid.pdf'), { signal: ctl.signal });
    expect(e.code).toBe('timeout');
  });
});

describe('bad Word files and zips', () => {
  it('a zip that is not a .docx → unsupported_format', async () => {
    const e = await failure(readFileSync(badFixture('not-a-docx.docx')));
    expect(e.code).toBe('unsupported_format');
    expect(e.message).toMatch(/zip/);
  });

  it('zip bomb: a .docx whose document.xml inflates past the limit stops at the limit', async () => {
    // 80 MB of XML that deflates to about 80 KB; the per-part limit is 64 MB
    const huge = Buffer.alloc(80 * 1024 * 1024, 0x20);
    const bomb = zipOf({
      '[Content_Types].xml': '<Types/>',
      'word/document.xml': huge,
    });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const before = process.memoryUsage().rss;
    const e = await failure(bomb);
    expect(e.code).toBe('zip_bomb');
    expect(process.memoryUsage().rss - before).toBeLessThan(400 * 1024 * 1024);
  });

  it('zip bomb with lying sizes: the directory says small, the data inflates big', async () => {
    const lying = zipOf({ 'word/document.xml': Buffer.alloc(4 * 1024 * 1024, 0x20) }, { lie: { 'word/document.xml': 1000 } });
    const zip = openZip(lying, { maxPartBytes: 1024 * 1024, maxTotalBytes: 2 * 1024 * 1024, maxEntries: 10 });
    expect(() => zip.read('word/document.xml')).toThrow(/zip bomb/);
    const e = await failure(lying, { zipLimits: { maxPartBytes: 1024 * 1024, maxTotalBytes: 2 * 1024 * 1024, maxEntries: 10 } });
    expect(e.code).toBe('zip_bomb');
  });

  it('a truncated .docx → corrupt', async () => {
    const docx = readCorpus('seed001-docx.docx');
    const e = await failure(docx.subarray(0, Math.floor(docx.length / 2)));
    expect(e.code).toBe('corrupt');
  });

  it('a .docx without text → no_text; a damaged document.xml → corrupt', async () => {
    expect((await failure(docxOf(para('')))).code).toBe('no_text');
    expect((await failure(docxOf('<w:p><w:r><w:t>未闭合'))).code).toBe('corrupt');
  });
});

describe('empty and binary', () => {
  it('zero bytes → empty; random bytes → binary', async () => {
    expect((await failure(new Uint8Array(0))).code).toBe('empty');
    const noise = Buffer.alloc(4096);
    for (let i = 0; i < noise.length; i++) noise[i] = (i * 7919 + 13) % 256;
    expect((await failure(noise)).code).toBe('binary');
  });
});

describe('not a regular file', () => {
  it('a device or a directory fails at once instead of being read forever', async () => {
    for (const p of ['/dev/zero', os.tmpdir()]) {
      const r = await extractOne(p);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.code).toBe('unsupported_format');
    }
  });
});

describe('a file the system will not read', () => {
  // /proc/self/mem stats as a regular file and fails every plain read with EIO: a stand-in for a failing disk
  it.skipIf(process.platform !== 'linux')('is unreadable, with the system\'s reason, not an internal error', async () => {
    const r = await extractOne('/proc/self/mem');
    expect(r.ok).toBe(false);
    if (!r.ok) expect([r.code, r.message]).toEqual(['unreadable', 'cannot read the file (EIO)']);
  });
});

describe('per-file time limit', () => {
  it('withTimeout rejects with a timeout ReadError and aborts the work', async () => {
    let signal: AbortSignal | null = null;
    const t0 = performance.now();
    const e = await withTimeout((s) => {
      signal = s;
      return new Promise(() => undefined);
    }, 100).catch((x) => x);
    expect(e).toBeInstanceOf(ReadError);
    expect(e.code).toBe('timeout');
    expect(signal!.aborted).toBe(true);
    expect(performance.now() - t0).toBeLessThan(2000);
  });

  it('withTimeout passes a result through', async () => {
    expect(await withTimeout(async () => 42, 1000)).toBe(42);
  });
});

describe('a batch goes on after a bad file', () => {
  it('each bad file fails alone with a one-line message; the good file after them still gets a record', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'kepu-bad-'));
    const files: [string, Uint8Array][] = [
      ['empty.txt', new Uint8Array(0)],
      ['encrypted.pdf', readFileSync(badFixture('encrypted.pdf'))],
      ['truncated.pdf', readCorpus('seed003-cid.pdf').subarray(0, 4000)],
      ['not-a-docx.docx', readFileSync(badFixture('not-a-docx.docx'))],
      ['blank-500.pdf', blankPdf(500)],
      ['page.pdf', Buffer.from('<!DOCTYPE html><html><head><script>location.href="/moved"</script></head><body><nav><a href="/">home</a></nav></body></html>')],
    ];
    for (const [name, b] of files) writeFileSync(path.join(dir, name), b);
    for (const [name] of files) {
      const res = await extractOne(path.join(dir, name), { ocr: false, timeoutSec: 60 });
      expect(res.ok, name).toBe(false);
      if (!res.ok) {
        expect(res.message).not.toContain('\n');
        expect(res.code).not.toBe('internal');
      }
    }
    const good = await extractOne(corpus('seed003.txt'), { ocr: false, timeoutSec: 60 });
    expect(good.ok).toBe(true);
  });
});
