import { describe, expect, it } from 'vitest';
import { dedent, dropInvisible } from '../../src/read/clean.js';
import { readBytes } from '../../src/read/index.js';

describe('invisible characters', () => {
  it('zero-width spaces, joiners, soft hyphens and a BOM inside the text are removed', () => {
    expect(dropInvisible('编\u200b制8人，实\u00ad有\u200d在职\u2060人员\ufeff7人')).toEqual({ text: '编制8人，实有在职人员7人', n: 5 });
  });
  it('a text without them is returned as it is', () => {
    const s = '编制 8 人\u3000实有 7 人\t';
    expect(dropInvisible(s)).toEqual({ text: s, n: 0 });
  });
  it('the reader removes them, so a figure broken by one is read', async () => {
    const r = await readBytes(Buffer.from('编\u200b制8人\n'));
    expect(r.text).toBe('编制8人\n');
    expect(r.messages.map((m) => m.ruleId)).toContain('read:invisible');
  });
});

describe('a margin on every line', () => {
  it('is removed; what lies beyond it (a first-line indent, a centred title) stays', () => {
    const s = '          关于报告\n\n      一、基本情况\n        本单位编制8人，实有\n      7人。\n';
    expect(dedent(s)).toEqual({ text: '    关于报告\n\n一、基本情况\n  本单位编制8人，实有\n7人。\n', n: 6 });
  });
  it('blank lines and lines of spaces do not count; a form feed before a page\'s first line is kept', () => {
    const s = '    第一页\n\n  \n\f    第二页\n    完\n';
    expect(dedent(s)).toEqual({ text: '第一页\n\n  \n\f第二页\n完\n', n: 4 });
  });
  it('one line without the margin keeps every line as it is; tabs are no margin', () => {
    for (const s of ['    一、基本情况\n编制8人\n', '\t项目\t预算数\n\t合计\t12\n', '无缩进']) expect(dedent(s)).toEqual({ text: s, n: 0 });
  });
  it('the reader removes it before unwrapping', async () => {
    const body = '一、基本情况\n  本单位编制8人。\n';
    const r = await readBytes(Buffer.from(body.replace(/^/gm, '   ').replace(/ {3}$/, '')));
    expect(r.text).toBe(body);
    expect(r.messages.map((m) => m.ruleId)).toContain('read:margin');
  });
});
