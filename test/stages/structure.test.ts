import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractText } from '../../src/pipeline.js';

const corpus = (f: string) => readFileSync(join(import.meta.dirname, '..', '..', 'corpus', f), 'utf8');

describe('structure', () => {
  it('a report that appears twice gives one outline and its values once', () => {
    const { record, doc } = extractText(corpus('seed002.txt'));
    const copies = doc.excluded.filter((x) => x.reason === 'repeated copy');
    expect(copies).toHaveLength(1);
    expect(record.outline.filter((n) => n.title === '部门基本情况')).toHaveLength(1);
    expect(record.activities.filter((a) => a.count === 20 && a.unit === '场')).toHaveLength(1);
    expect(record.warnings.find((w) => w.code === 'conflicting_values')).toBeUndefined();
  });
  it('outline spans point at the heading text', () => {
    const { record, doc } = extractText(corpus('seed000.txt'));
    const walk = (ns: typeof record.outline): void =>
      ns.forEach((n) => {
        expect(doc.text.slice(n.span.start, n.span.end)).toContain(n.title.slice(0, 4));
        walk(n.children);
      });
    walk(record.outline);
  });
  it('table rows are not read as prose', () => {
    const { doc } = extractText(corpus('seed001.txt'));
    expect(doc.excluded.some((x) => x.reason === 'table')).toBe(true);
  });
  it('one-line reports are cut at their inline headings', () => {
    const { record } = extractText(corpus('synth-one-line.txt'));
    expect(record.outline.map((n) => n.ordinal)).toEqual(['一、', '二、', '三、', '四、', '五、', '六、']);
  });
});
