import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../src/read/detect.js';
import { readBytes } from '../../src/read/index.js';
import { ReadError } from '../../src/read/errors.js';
import { docxOf, para, readCorpus, zipOf } from './helpers.js';

const bytes = (s: string, enc: BufferEncoding = 'utf8') => Buffer.from(s, enc);

describe('detectFormat: from the bytes, not the name', () => {
  it('recognises the corpus files whatever they are called', () => {
    expect(detectFormat(readCorpus('seed000-pdf.pdf'))).toBe('pdf');
    expect(detectFormat(readCorpus('seed003-cid.pdf'))).toBe('pdf');
    expect(detectFormat(readCorpus('seed000-docx.docx'))).toBe('docx');
    expect(detectFormat(readCorpus('seed003-autonum.docx'))).toBe('docx');
    expect(detectFormat(readCorpus('seed000-doc.doc'))).toBe('doc');
    expect(detectFormat(readCorpus('seed000.txt'))).toBe('txt');
    expect(detectFormat(readCorpus('seed004-gb18030.txt'))).toBe('txt');
  });

  it('a .doc that is really a .docx is read as .docx', async () => {
    const docx = readCorpus('seed003-autonum.docx');
    expect(detectFormat(docx)).toBe('docx');
    const r = await readBytes(docx);
    expect(r.format).toBe('docx');
  });

  it('a "PDF" that is an HTML page is read as HTML; one with nothing to show gets a clear error', async () => {
    const html = bytes('<!DOCTYPE html>\n<html><head><title>404</title></head><body>Not found</body></html>');
    expect(detectFormat(html)).toBe('html');
    const r = await readBytes(html);
    expect(r.format).toBe('html');
    expect(r.text).toBe('Not found\n');
    expect(detectFormat(bytes('\uFEFF  <html><body>x</body></html>'))).toBe('html');
    const redirect = bytes('<!DOCTYPE html><html><head><script>location.href="/x"</script></head><body><nav><a href="/">首页</a></nav></body></html>');
    await expect(readBytes(redirect)).rejects.toMatchObject({ code: 'no_text' });
  });

  it('HTML after a comment (a browser\'s saved-from line), in UTF-16 without BOM, or a saved fragment', () => {
    expect(detectFormat(bytes('<!-- saved from url=(0022)http://example.org/ -->\r\n<html><body>x</body></html>'))).toBe('html');
    expect(detectFormat(bytes('<html><body>部门</body></html>', 'utf16le'))).toBe('html');
    expect(detectFormat(bytes('<div class="content"><p>2023年度部门整体支出绩效自评报告</p></div>'))).toBe('html');
    // text that merely starts with a tag-like line is still text
    expect(detectFormat(bytes('<p>没有结束标签的一行\n部门整体支出'))).toBe('txt');
    expect(detectFormat(bytes('<!-- 注释 -->\n部门整体支出绩效自评报告'))).toBe('txt');
    expect(detectFormat(bytes('<?xml version="1.0"?><w:document/>'))).toBe('xml');
  });

  it('tells other zips, OLE files, RTF, MHT and binary data apart', () => {
    expect(detectFormat(zipOf({ 'notes.txt': 'x' }))).toBe('zip');
    expect(detectFormat(zipOf({ 'xl/workbook.xml': '<x/>' }))).toBe('xlsx');
    expect(detectFormat(zipOf({ 'ppt/presentation.xml': '<x/>' }))).toBe('ooxml');
    expect(detectFormat(docxOf(para('一')))).toBe('docx');
    expect(detectFormat(bytes('{\\rtf1\\ansi hello}'))).toBe('rtf');
    expect(detectFormat(bytes('MIME-Version: 1.0\r\nContent-Type: multipart/related'))).toBe('mht');
    const ole = Buffer.alloc(2048);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole);
    expect(detectFormat(ole)).toBe('ole');
    Buffer.from('EncryptedPackage', 'utf16le').copy(ole, 1024);
    expect(detectFormat(ole)).toBe('docx-encrypted');
    expect(detectFormat(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 1, 2, 3, 0]))).toBe('binary');
    expect(detectFormat(Buffer.alloc(0))).toBe('empty');
  });

  it('text in UTF-16 with or without BOM is text', () => {
    expect(detectFormat(Buffer.concat([Buffer.from([0xff, 0xfe]), bytes('部门整体支出', 'utf16le')]))).toBe('txt');
    expect(detectFormat(bytes('Report 2024: 207.48', 'utf16le'))).toBe('txt');
  });

  it('unusable inputs throw ReadError with a code and a one-line reason', async () => {
    const cases: [Buffer, string][] = [
      [Buffer.alloc(0), 'empty'],
      [zipOf({ 'notes.txt': 'x' }), 'unsupported_format'],
      [bytes('<?xml version="1.0"?><w:document/>'), 'unsupported_format'],
      [bytes('{\\rtf1\\ansi 部门整体支出'), 'corrupt'],
      [bytes('{\\rtf1{\\pict\\pngblip 89504e47}}'), 'no_text'],
      [bytes('MIME-Version: 1.0\r\nContent-Type: multipart/related\r\n\r\nx'), 'corrupt'],
      [Buffer.from([0, 1, 2, 3, 0, 0xff, 0x10, 0]), 'binary'],
    ];
    for (const [b, code] of cases) {
      const e = await readBytes(b).catch((x) => x);
      expect(e).toBeInstanceOf(ReadError);
      expect(e.code).toBe(code);
      expect(e.message).not.toContain('\n');
    }
  });
});
