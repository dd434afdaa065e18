// Hand-made records for the review page tests: values read by a person, evidence found by phrase search.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { KepuRecord, OutlineNode } from '../../src/schema/record.js';
import { emptyRecord as emptyRecordFor } from '../../src/emit/record.js';
import { pointerParts } from '../../src/review/fields.js';
import type { IndexRow } from '../../src/review/index-page.js';
import { reviewRow } from '../../src/review/figures.js';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export function emptyRecord(path: string): KepuRecord {
  const r = emptyRecordFor({ path, sha256: '0'.repeat(64), format: 'txt', pages: null });
  return { ...r, extractorVersion: 'test' };
}

function setAt(root: unknown, pointer: string, value: unknown): void {
  const parts = pointerParts(pointer);
  let cur = root as Record<string, unknown>;
  for (const p of parts.slice(0, -1)) cur = cur[p] as Record<string, unknown>;
  cur[parts[parts.length - 1]] = value;
}

/** Builds a record over `text`: every value is tied to the phrase that states it. */
export class RecordBuilder {
  record: KepuRecord;
  private cursor = 0;
  constructor(readonly text: string, path: string) {
    this.record = emptyRecord(path);
  }
  /** Finds `phrase` at or after the last anchor (or after `after` when given). */
  find(phrase: string, after?: string): { start: number; end: number } {
    const from = after !== undefined ? this.text.indexOf(after) : this.cursor;
    if (from < 0) throw new Error(`anchor not in text: ${after}`);
    const start = this.text.indexOf(phrase, from);
    if (start < 0) throw new Error(`phrase not in text: ${phrase}`);
    return { start, end: start + phrase.length };
  }
  anchor(phrase: string): this {
    this.cursor = this.find(phrase, '').start;
    return this;
  }
  evidence(pointer: string, span: { start: number; end: number }, rule: string): this {
    this.record.evidence[pointer] = { ...span, page: null, text: this.text.slice(span.start, span.end), rule };
    return this;
  }
  set(pointer: string, value: unknown, phrase: string, rule = 'test.rule'): this {
    setAt(this.record, pointer, value);
    return this.evidence(pointer, this.find(phrase), rule);
  }
  /** Outline from numbered lines (test data only): 一、 → level 1, （一）/(一) → level 2. */
  outlineFromLines(): this {
    const nodes: OutlineNode[] = [];
    const re = /^(?:([一二三四五六七八九十]+、)|([（(]\s*[一二三四五六七八九十]+\s*[）)]\s*))(.+)$/gm;
    for (const m of this.text.matchAll(re)) {
      const title = m[3].trim();
      if (title.length > 30 || /[。；]/.test(title)) continue;
      const node: OutlineNode = {
        level: m[1] ? 1 : 2,
        ordinal: (m[1] ?? m[2]).trim(),
        title,
        key: null,
        span: { start: m.index!, end: m.index! + m[0].trimEnd().length },
        children: [],
      };
      if (node.level === 1 || !nodes.length) nodes.push(node);
      else nodes[nodes.length - 1].children.push(node);
    }
    this.record.outline = nodes;
    return this;
  }
}

export function readCorpus(name: string): string {
  return readFileSync(`${ROOT}corpus/${name}`, 'utf8').replace(/^\uFEFF/, '');
}

/** Seed 000 (a real county report) with a record read by hand. */
export function seed000(): { text: string; record: KepuRecord } {
  const text = readCorpus('seed000.txt');
  const b = new RecordBuilder(text, 'corpus/seed000.txt');
  b.set('/meta/title', '县科协2024年度部门整体支出绩效评价报告', '县科协 2024 年度部门整体支出绩效评价报告', 'meta.title')
    .set('/meta/unitName', '县科协', '县科协', 'meta.unit.title')
    .set('/meta/fiscalYear', 2024, '2024 年度', 'meta.year.title')
    .set('/meta/reportKind', 'overall_self_eval', '部门整体支出绩效评价报告', 'meta.kind.title')
    .anchor('江华瑶族自治县财政局')
    .set('/meta/region/county', '江华瑶族自治县', '江华瑶族自治县财政局', 'meta.region.bureau')
    .anchor('(三) 人员编制情况')
    .set('/staffing/authorized', 7, '共有编制 7 人', 'staffing.authorized')
    .set('/staffing/authorizedAdministrative', 5, '行政编制 5 人', 'staffing.admin')
    .set('/staffing/authorizedInstitutional', 2, '事业编制 2 人', 'staffing.inst')
    .set('/staffing/inService', 7, '实有在职人员 7 人', 'staffing.inService')
    .set('/staffing/retired', 9, '退休人员 9 人', 'staffing.retired')
    .anchor('(一) 基本支出情况')
    .set('/finance/basic/budget', 1498300, '基本支出预算安排(含上年结转) 149.83 万元', 'finance.basic.budget')
    .set('/finance/basic/actual', 1498300, '实际支出 149.83 万元', 'finance.basic.actual')
    .set('/finance/basic/executionRate', 100, '完成预算安排的 100%', 'finance.rate.completion')
    .set('/finance/basic/personnel', 928700, '人员经费支出 92.87 万元', 'finance.basic.personnel')
    .set('/finance/basic/publicUse', 569500, '日常公用经费支出 56.95 万元', 'finance.basic.publicUse')
    .anchor('(二) 项目支出情况')
    .set('/finance/project/budget', 116900, '项目支出预算安排(含上年结转) 11.69 万元', 'finance.project.budget')
    .set('/finance/project/actual', 116900, '实际支出 11.69 万元', 'finance.project.actual')
    .set('/finance/project/executionRate', 100, '完成预算安排的 100%', 'finance.rate.completion')
    .anchor('三、政府性基金预算支出情况')
    .set('/finance/governmentFund/actual', 0, '无政府性基金预算支出', 'finance.fund.none');
  const acts: [string, number, string, string | null, string][] = [
    ['在“科普中国”平台发布活动', 33, '场', null, '在“科普中国”平台发布活动 33 场'],
    ['深入集市农村开展“银龄跨越数字鸿沟”科普专项行动', 5, '场', null, '深入集市农村开展“银龄跨越数字鸿沟”科普专项行动 5 场'],
    ['发布科普文章', 1210, '篇', null, '发布科普文章 1210 篇'],
    ['举办中科院老科学家科普报告会', 2, '场', null, '举办中科院老科学家科普报告会 2 场'],
    ['开展“百名院士进校园，万名科技工作者上讲台”活动', 29, '场', null, '开展“百名院士进校园，万名科技工作者上讲台”活动 29 场'],
    ['科普进校园活动', 8, '场', null, '科普进校园活动 8 场'],
    ['科普宣讲员、科技辅导员等培训班', 5, '期', null, '科普宣讲员、科技辅导员等培训班 5 期'],
    ['组织未成年人开展“青苗帮湿地保护”“红领巾科普宣讲员”“小青普”等科普“双减”、科学调查体验等活动', 40, '场次', '多', '组织未成年人开展“青苗帮湿地保护”“红领巾科普宣讲员”“小青普”等科普“双减”、科学调查体验等活动 40 多场次'],
  ];
  b.anchor('六、部门整体支出绩效情况');
  acts.forEach(([label, count, unit, approx, phrase], i) => {
    b.record.activities.push({ label, count, unit, approx });
    b.evidence(`/activities/${i}`, b.find(phrase, '六、部门整体支出绩效情况'), 'activity.count');
  });
  b.record.problems = [
    '预算编制有待进一步加强，确保预算执行力度，预算编制与实际支出项目存在差异。',
    '科普工作能动性不足，各乡镇、各部门宣传力度和工作力度还不够，宣传不到位，工作难深入，各项综合协调机制尚未健全，人力物力财力需要进一步给予保障。',
  ];
  b.record.improvements = [
    '细化预算编制，优化预算项目设置。不断完善部门预算编制管理，抓住预算一体化系统平台整合的契机，充分利用云平台数据，加强项目资金执行情况分析，并作为下年预算安排的依据，进一步提高预算编制的精准度和预算标准化水平。',
    '强化预算约束，实行项目进度动态管理。通过定期对项目实施和预算执行情况进行梳理，及时掌握项目进度，督促项目实施单位早启动、早实施、早验收，对符合条件的项目按照项目进度支付相关款项，将预算资金管理贯穿于项目实施全过程中。',
  ];
  b.outlineFromLines();
  return { text, record: b.record };
}

export const INJECT = '<script>window.__pwned = 1</script>';
export const INJECT_IMG = '<img src=x onerror="window.__pwned = 2">';

/**
 * A synthetic report exercising the hard cases: CRLF line ends, markup in the text and in values,
 * a project span containing its budget and actual spans, crossing spans, equal spans, an empty span,
 * evidence outside the text and evidence whose text does not match, and a sum that does not add up.
 */
export function synthetic(): { text: string; record: KepuRecord } {
  const text = [
    '某县科学技术协会2023年度部门整体支出绩效自评报告',
    '',
    '一、基本情况',
    `单位名称：某县科学技术协会${INJECT}`,
    `说明：${INJECT_IMG} & "引号" 'single'`,
    '核定编制5人，实有在职人员6人。',
    '二、支出情况',
    '基本支出100万元，其中人员经费60万元，公用经费30万元。',
    '一是科普经费专项资金，预算支出8万元，实际支出19.84万元。',
    '全年开展科普活动12场，受益群众达10000余人次。',
    '三、自评结论',
    '自评得分97分，绩效等级为“优”。',
    '',
  ].join('\r\n');
  const b = new RecordBuilder(text, 'synthetic/<b>report</b>.txt');
  b.set('/meta/title', '某县科学技术协会2023年度部门整体支出绩效自评报告', '某县科学技术协会2023年度部门整体支出绩效自评报告', 'meta.title')
    .set('/meta/fiscalYear', 2023, '2023年度', 'meta.year')
    .set('/meta/reportKind', 'overall_self_eval', '部门整体支出绩效自评报告', 'meta.kind')
    .set('/meta/unitName', `某县科学技术协会${INJECT}`, `单位名称：某县科学技术协会${INJECT}`, 'meta.unit.<label>')
    .set('/meta/preparer', INJECT_IMG, INJECT_IMG, 'meta.preparer')
    .set('/staffing/authorized', 5, '核定编制5人', 'staffing.authorized')
    .set('/staffing/inService', 6, '实有在职人员6人', 'staffing.inService')
    .set('/finance/basic/actual', 1000000, '基本支出100万元', 'finance.basic.actual')
    .set('/finance/basic/personnel', 600000, '人员经费60万元', 'finance.basic.personnel')
    .set('/finance/basic/publicUse', 300000, '公用经费30万元', 'finance.basic.publicUse');
  // a project span containing its budget and actual spans
  b.anchor('一是科普经费专项资金');
  b.record.projects.push({ name: '科普经费专项资金', budget: 80000, adjustment: null, actual: 198400, carryover: null, executionRate: null, score: null });
  b.evidence('/projects/0', b.find('科普经费专项资金，预算支出8万元，实际支出19.84万元'), 'project.listing');
  b.evidence('/projects/0/budget', b.find('预算支出8万元'), 'project.budget');
  b.evidence('/projects/0/actual', b.find('实际支出19.84万元'), 'project.actual');
  // two activities whose spans cross: "开展科普活动12场，受益" and "受益群众达10000余人次"
  b.record.activities.push({ label: '开展科普活动', count: 12, unit: '场', approx: null });
  b.record.activities.push({ label: '受益群众达', count: 10000, unit: '人次', approx: '余' });
  b.evidence('/activities/0', b.find('开展科普活动12场，受益'), 'activity.count');
  b.evidence('/activities/1', b.find('受益群众达10000余人次'), 'activity.reach');
  b.anchor('三、自评结论')
    .set('/selfEvaluation/score', 97, '自评得分97分', 'eval.score')
    .set('/selfEvaluation/grade', '优', '绩效等级为“优”', 'eval.grade');
  // equal extents: the same phrase states two fields
  b.evidence('/goals/achieved', b.find('自评得分97分'), 'eval.same');
  b.record.goals.achieved = '自评得分97分';
  // an empty span, a span outside the text, a span whose text does not match
  b.record.staffing.retired = 0;
  b.evidence('/staffing/retired', { start: 10, end: 10 }, 'staffing.empty');
  b.record.finance.incomeTotal = 1;
  b.record.evidence['/finance/incomeTotal'] = { start: text.length - 2, end: text.length + 5, page: null, text: 'x', rule: 'bad.range' };
  b.record.finance.spendingTotal.actual = 1300000;
  b.record.evidence['/finance/spendingTotal/actual'] = { ...b.find('基本支出100万元', ''), page: null, text: '支出合计130万元', rule: 'bad.text' };
  b.record.warnings.push({
    code: 'sum_mismatch_basic',
    message: `人员经费 + 公用经费 ≠ 基本支出 ${INJECT}`,
    paths: ['/finance/basic/personnel', '/finance/basic/publicUse', '/finance/basic/actual'],
  });
  b.record.indicators.push({
    table: `2023年度部门整体支出绩效自评表${INJECT}`, level1: '产出指标', level2: '数量指标', level3: '科普活动场次',
    target: { text: '≥10场', op: '>=', value: 10, unit: '场', approx: null },
    actual: { text: '12场', op: null, value: 12, unit: '场', approx: null },
    weight: 10, score: 10, note: null,
  });
  b.outlineFromLines();
  return { text, record: b.record };
}

/** Records of several units and years for the overview page. */
export function rec(unit: string, year: number, kind: KepuRecord['meta']['reportKind'], f: (r: KepuRecord) => void = () => {}): KepuRecord {
  const r = emptyRecord(`${unit}-${year}.txt`);
  r.meta.unitName = unit;
  r.meta.fiscalYear = year;
  r.meta.reportKind = kind;
  f(r);
  return r;
}

/** The sample documents: file, page name and record. */
export function sampleDocs(): { file: string; href: string | null; record: KepuRecord }[] {
  const s0 = seed000().record;
  const syn = synthetic().record;
  const a = rec('甲县科学技术协会', 2022, 'overall_self_eval', (r) => {
    r.finance.spendingTotal.actual = 2_000_000;
    r.projects.push({ name: '科普经费专项资金', budget: 80000, adjustment: null, actual: 198400, carryover: 100 });
  });
  const b = rec('甲县科学技术协会', 2023, 'final_accounts', (r) => (r.finance.spendingTotal.actual = 2_500_000));
  const c = rec('乙市科学技术协会', 2023, 'project_self_eval', (r) => {
    r.meta.title = '2023年度科普专项经费绩效自评报告';
    r.finance.project.actual = 280000;
  });
  return [
    { file: 'corpus/seed000.txt', href: 'seed000.html', record: s0 },
    { file: 'synthetic/syn.txt', href: 'syn.html', record: syn },
    { file: 'a.txt', href: 'a.html', record: a },
    { file: 'b.txt', href: 'b.html', record: b },
    { file: 'c.txt', href: null, record: c },
  ];
}


export function sampleRows(): IndexRow[] {
  return sampleDocs().map((d) => reviewRow(d.file, d.href, d.record));
}
