// Pathological texts, read as text files are: one unit (a word, a number, a heading marker, with or without a separator) repeated to N
// characters under a report title, no sentence end anywhere. Real reports end their sentences and lines; such a text
// is where a pattern or a loop that rescans the rest of the line or sentence at every match turns quadratic.
// Prints the slowest inputs; `--all` prints every one. Run after `npm run build`:
//   node scripts/stress.mjs [--size 100000] [--all]
import { extractBytes } from '../dist/pipeline.js';

const args = process.argv.slice(2);
const size = Number(args[args.indexOf('--size') + 1] || 100000) || 100000;
const all = args.includes('--all');
const head = '某县科学技术协会2023年度部门整体支出绩效自评报告\n';
const units = [
  '预算', '收入合计预算', '比预算', '支出', '其中基本支出', '预算执行率', '12万元', '12 万元', '1,', '12.3', '2023', '2023年',
  '12万人次', '开展活动', '开展科普活动\n', '场次', '人', '名', '参加', '惠及', '培训', '得分', '总分', '等级', '自评', '编制', '编制\n',
  '一、', '一、\n', '（一）', '（一）\n', '1.', '1.\n', '一是', '第一部分', '一、存在问题\n', '项目名称\t', '\t1\t', '合计\t', '：', '。', '；',
  '“', '《', '（', ' ', '\t', '\n', '科协', '学会', '万', '元', '年', '%', '-', '—', '·', 'a',
  // the text reader's own: markdown marks, pipe and HTML tables, zero-width characters, a margin, page numbers
  '## 一、基本情况\n', '**一、基本情况**\n', '| 项目 | 预算数 |\n|---|---|\n', '<table><tr><td>合计</td><td>12</td></tr></table>\n', '\u200b', '    一行\n', '- 3 -\n',
  // clauses of a kind repeated with no sentence end (found in session 41: the guards looked back over the whole run before each match)
  '等级为A级', '事业编制5名',
  // (session 42: a dated score repeated; the score family was slow on it)
  '2022年度自评得分91分',
  // (session 47: a project's money and a spending word repeated; finance/years.ts looked back over every clause of the line)
  '项目经费12万元，实际支出',
];
const rows = [];
for (const u of units) {
  for (const unit of [u, `${u}，`, `${u}\t`, `${u} `]) {
    const text = head + unit.repeat(Math.ceil(size / unit.length));
    const t = performance.now();
    let error = null;
    try {
      await extractBytes('stress.txt', Buffer.from(text)); // through the text reader, as a file is
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
    }
    rows.push({ unit, ms: performance.now() - t, error });
  }
}
rows.sort((a, b) => b.ms - a.ms);
console.log(`${rows.length} texts of ${size} characters; ${all ? 'all' : 'the 10 slowest'}:`);
for (const r of all ? rows : rows.slice(0, 10)) console.log(`${Math.round(r.ms).toString().padStart(7)} ms  ${JSON.stringify(r.unit)}${r.error ? `  ERROR ${r.error}` : ''}`);
