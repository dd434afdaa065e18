// A worker's first report pays for loading the pattern files, compiling their regexes and loading the segmenter's
// dictionary (1–2 s, more on a loaded machine). Done before the worker says it is ready, so that cost is not counted
// against the first document's time limit (`--timeout`) and a good report is not failed for it.
import { extractText } from '../pipeline.js';

/** A short report touching every family: its record is thrown away. */
const SAMPLE = [
  '某县科学技术协会2023年度部门整体支出绩效自评报告',
  '一、部门基本情况',
  '（一）人员情况：编制7人，其中行政编制5人，实有在职人员7人，退休人员2人。',
  '（二）预算情况：2023年部门预算100万元，实际支出98万元，预算执行率98%。',
  '二、绩效目标完成情况',
  '全年开展科普活动12场，惠及群众3000人次。科普大篷车项目预算10万元，自评得分95分。',
  '一级指标\t二级指标\t三级指标\t指标值\t实际完成值\t分值\t得分',
  '产出指标\t数量指标\t科普活动场次\t≥10场\t12场\t10\t10',
  '三、存在的问题',
  '1.宣传不够深入。',
  '四、改进措施',
  '1.加强宣传。',
  '五、自评结论',
  '自评得分95分，绩效等级为“优”。',
].join('\n');

export function warmUp(): void {
  try {
    extractText(SAMPLE, '<warm-up>');
  } catch {
    // a broken install shows on the first real document, with its path
  }
}
