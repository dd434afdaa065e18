// Staffing counts (patterns/staffing.yaml) and the one derived rule: a sole kind of 编制 is the total.
import type { KDocument } from '../document.js';
import { matches, runFamily, sentenceAt, unitName } from './engine.js';
import { compile, loadPatternFile } from '../patterns.js';

export function extractStaffing(doc: KDocument): void {
  const all = runFamily(doc, 'staffing.yaml');
  // 科协机关核定编制8名，市科技馆核定事业编制4名: in a 科协's report, counts after a museum named in the sentence are the museum's
  const file = loadPatternFile<{ other_body: string; other_body_unit: string }>('staffing.yaml');
  const unit = unitName(doc);
  const association = unit !== null && compile(file.other_body_unit, '').test(unit);
  const facts = !association ? all : all.filter((f) => !compile(file.other_body, '').test(doc.norm.slice(sentenceAt(doc, f.span.start).start, f.span.start)));
  for (const f of all) if (!facts.includes(f)) doc.facts.splice(doc.facts.indexOf(f), 1);
  // 全部门（含直属单位）共有编制48名，在职人员43人: the department's own figures, stated as such, come before the parts'
  // (机关在编16人；科技馆在编22人) named elsewhere (lower priority wins a conflict)
  const inclusive = compile(loadPatternFile<{ inclusive: string }>('staffing.yaml').inclusive, '');
  for (const f of facts) if (inclusive.test(doc.norm.slice(sentenceAt(doc, f.span.start).start, f.span.start))) f.priority = 0;
  const has = (p: string) => facts.some((f) => f.path === p);
  if (has('/staffing/authorized')) return;
  const admin = facts.filter((f) => f.path === '/staffing/authorizedAdministrative');
  const inst = facts.filter((f) => f.path === '/staffing/authorizedInstitutional');
  const other = matches(doc, loadPatternFile<{ other_kinds: string }>('staffing.yaml').other_kinds).next().done === false;
  const sole = other ? null : admin.length && !inst.length ? admin : inst.length && !admin.length ? inst : null;
  if (sole) doc.facts.push({ ...sole[0], path: '/staffing/authorized', rule: 'staffing.authorized.sole-kind' });
}
