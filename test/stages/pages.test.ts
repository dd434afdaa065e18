// Page furniture left in pasted PDF text (src/structure/duplicates.ts excludePageFurniture): which lines are left out.
import { describe, expect, it } from 'vitest';
import { extractText } from '../../src/pipeline.js';

const T = '2023年度某县科学技术协会部门整体支出绩效自评报告\n';
const furniture = (text: string) => {
  const { doc } = extractText(text);
  return doc.excluded.filter((x) => x.reason === 'page furniture').map((x) => doc.text.slice(x.start, x.end).trim());
};

describe('page furniture', () => {
  it('page numbers of the usual kinds and a bare number between prose lines', () => {
    const text = T + '一、基本情况\n县科协核定编制5名，实有在职人员4人。\n- 1 -\n二、绩效情况\n全年开展科普活动20场次。\n第2页 共3页\n三、存在的问题\n科普经费不足，基层设施陈旧。\n3\n四、改进措施\n积极争取经费支持。\n';
    expect(furniture(text)).toEqual(['- 1 -', '第2页 共3页', '3']);
  });
  it('the title again at a later page top, and a title-like running header on two later lines', () => {
    const text = T + '一、基本情况\n县科协核定编制5名。\n' + T + '二、绩效情况\n开展活动。\n某县科协部门整体支出绩效自评报告\n三、存在的问题\n经费不足。\n某县科协部门整体支出绩效自评报告\n四、改进措施\n争取经费。\n';
    expect(furniture(text)).toEqual([T.trim(), '某县科协部门整体支出绩效自评报告', '某县科协部门整体支出绩效自评报告']);
  });
  it('keeps a form laid out one value per line, a figure broken off its sentence, cells and signatures', () => {
    const text = T + '一、部门基本情况\n本部门人员情况如下。\n编制数（人）\n8\n实有在职人数（人）\n7\n二、绩效情况\n全年开展科普活动\n20\n场次，受益群众5000人次。\n在职人数：\n6\n退休人数：\n3\n单位名称\n\t某县科学技术协会\n某县科学技术协会\n2024年3月1日\n';
    expect(furniture(text)).toEqual([]);
  });
  it('keeps a title quoted once later and a heading repeated', () => {
    const text = T + '一、基本情况\n县科协核定编制5名。\n二、绩效情况\n开展活动，详见某县科协部门整体支出绩效自评报告。\n某县科协2023年度工作总结报告\n一、基本情况\n';
    expect(furniture(text)).toEqual([]);
  });
});
