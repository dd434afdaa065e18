// tables54: a target-only indicator table laid out in columns of spaces (a 预算 disclosure's 绩效目标表 as pdftotext -layout
// or an editor writes it) is written tab-separated whole or not at all: its text cells may wrap, so rows of text alone could
// not be told apart and only those with a figure target were written — half its indicators read (src/read/layout.ts
// halfTargetTable). Invented unit and figures.
import { describe, expect, it } from 'vitest';
import { readLayoutTables } from '../../src/read/layout.js';
import { extractBytes } from '../../src/pipeline.js';

const HEAD = ['青禾县科学技术协会2024年部门预算公开', '三、绩效目标'];
const TABLE = [
  '一级指标    二级指标        三级指标            指标值',
  '产出指标    数量指标        科普活动场次        ≥20',
  '产出指标    质量指标        活动合格率          ≥90%',
  '效益指标    社会效益指标    公民科学素质水平    逐年提升',
  '效益指标    可持续影响指标  科普阵地长效运行    长期',
  '满意度指标  服务对象满意度  群众满意度          ≥90%',
];
const TAIL = ['四、其他说明', '无。'];
const text = (table: string[]) => [...HEAD, ...table, ...TAIL].join('\n') + '\n';
const names = async (table: string[]) => (await extractBytes('t.txt', Buffer.from(text(table)))).record.indicators.map((x) => [x.level3, x.target?.text]);

describe('layout tables54: a spaced target-only table whole or nothing', () => {
  it('rows of text targets between rows of figures: no line written tab-separated (before: the header, the first row and the last, two of the five indicators read), the table read whole from its spaces', async () => {
    expect(readLayoutTables(text(TABLE), null)).toBeNull();
    expect(await names(TABLE)).toEqual([
      ['科普活动场次', '≥20'],
      ['活动合格率', '≥90%'],
      ['公民科学素质水平', '逐年提升'],
      ['科普阵地长效运行', '长期'],
      ['群众满意度', '≥90%'],
    ]);
  });

  it('negative: a name wrapped onto a line of its own as well: nothing is read (before: two of the five indicators)', async () => {
    const wrapped = [...TABLE.slice(0, 4), '                            显著', ...TABLE.slice(4)];
    expect(readLayoutTables(text(wrapped), null)).toBeNull();
    expect(await names(wrapped)).toEqual([]);
  });

  it('negative: every row told apart (each target a figure): still written tab-separated, every row', async () => {
    const figures = [TABLE[0], TABLE[1], TABLE[2], TABLE[5]];
    const r = readLayoutTables(text(figures), null)!;
    expect(r.text.split('\n').filter((l) => l.includes('\t'))).toHaveLength(4);
    expect(await names(figures)).toEqual([
      ['科普活动场次', '≥20'],
      ['活动合格率', '≥90%'],
      ['群众满意度', '≥90%'],
    ]);
  });

  it('negative: a money table with a row left unread keeps its other rows written (only a target-only table is whole or nothing)', () => {
    const r = readLayoutTables(['项目支出                3.00           42.73', '公用经费及办公', '经费支出合计            12.71          13.08', '三公经费                1.50            0.44'].join('\n') + '\n', null)!;
    expect(r.text.split('\n').filter((l) => l.includes('\t'))).toEqual(['项目支出\t3.00\t42.73', '三公经费\t1.50\t0.44']);
  });
});
