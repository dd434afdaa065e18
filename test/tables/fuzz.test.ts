import { it, expect } from 'vitest';
import { createDocument } from '../../src/document.js';
import { findTables } from '../../src/structure/tables.js';
import { extractTables } from '../../src/extract/tables.js';
const parts = ['\t', '\n', '\n\n', ' ', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '总分', '产出指标', '(50分)', '数量指标', '≥5次', '12', '100%', '年初预算数', '全年预算数', '全年执行数', '执行率', '年度资金总额', '（万元）', '单位：元', '自评表', '2023年度项目支出绩效自评表\n', '编制数', '实际在职人数', '2023年决算数', '2023年预算数', '三公经费', '项目名称', '预期目标', '实际完成情况', '- 3 -', '无', '2023年', '12月31', '日前'];
// Random text made of table words, tabs and line breaks: the table stages never throw and cells stay inside the text.
it('random table-like text never breaks the table stages', () => {
  let seed = 1;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  for (let n = 0; n < 1000; n++) {
    let text = '';
    const len = Math.floor(rnd() * 120);
    for (let i = 0; i < len; i++) text += parts[Math.floor(rnd() * parts.length)];
    for (const pdf of [false, true]) {
      const doc = createDocument('f', '', { text, format: pdf ? 'pdf' : 'txt', pages: pdf ? [{ num: 1, start: 0, end: text.length }] : null });
      doc.reportKind = rnd() < 0.5 ? 'overall_self_eval' : 'project_self_eval';
      doc.data.fiscalYear = 2023;
      expect(() => { findTables(doc); extractTables(doc); }, JSON.stringify(text)).not.toThrow();
      for (const t of doc.tables) for (const c of t.rows.flat()) { expect(c.start).toBeGreaterThanOrEqual(0); expect(c.end).toBeLessThanOrEqual(text.length); }
    }
  }
}, 120000);
