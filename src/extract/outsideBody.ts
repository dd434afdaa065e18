// An evaluation another body organised (经市科协组织专家组评审，该项目得分88分 in a county's report): its score and grade are that
// body's result, not the unit's self-evaluation nor a fund's. The pattern (macros.yaml OUTSIDE_PANEL) names the body in group
// `body`; whether a 科协 named by its level is the unit itself needs the unit's name, so the check is here and not in a regex.
import type { KDocument } from '../document.js';
import { compile } from '../patterns.js';
import { unitName } from './engine.js';

// (科学技术馆 written short too: 县科技馆 in 某县科学技术馆's own report is the unit)
const short = (name: string) => name.replace(/科学技术协会/g, '科协').replace(/科学技术馆/g, '科技馆').replace(/\s+/g, '');

/** True when `text` (the sentence or clause before a score) names an evaluation or panel of a body other than the unit:
 *  a higher office always (上级主管部门), a 科协 by its level unless the unit's name ends with it (县科协 in 某县科学技术协会's
 *  report is the unit; 市科协 there, or 县科协 in 某县科技馆's, is another). With the unit unknown, a levelled 科协 is another's:
 *  a wrong score is worse than none. */
export function outsideBody(doc: KDocument, regex: string, text: string): boolean {
  const unit = unitName(doc);
  for (const m of text.matchAll(compile(regex, 'g'))) {
    const body = short(m.groups?.body ?? '');
    if (!compile('{LEVEL_KEXIE}', '').test(body)) {
      // (a town's, street's or society's name the unit's own holds: its own report, 东湖街道科协 / 省农学会 in 湖南省农学会's)
      if (unit !== null && compile('{OWN_NAMED_BODY}', '').test(body) && short(unit).includes(body)) continue;
      return true;
    }
    if (unit === null || !short(unit).endsWith(body)) return true;
  }
  return false;
}

/** The part of the sentence before a match that another body's cue may decide. When the sentence names the unit's own
 *  self-evaluation score after the cue (`own`: 经市科协组织专家组评审，我会部门整体支出绩效自评得分为93分，等级为优) and no other
 *  clause states a score (`stated`), the panel reviewed the unit's self-evaluation: what follows that score is the unit's, so
 *  only the clauses from it on are looked at. A cue stating its own score (…评审，得分88分，自评得分93分，
 *  等级为优), or one after it (…自评得分93分，评审得分90分，等级为优), keeps the whole sentence: the grade could be either's. */
export function fromOwnScore(before: string, separators: string, own: string, stated: string): string {
  const clauses = before.split(compile(separators, ''));
  const at = clauses.findIndex((c) => compile(own, '').test(c));
  const others = [...clauses.slice(0, at), ...clauses.slice(at + 1)];
  if (at <= 0 || others.some((c) => compile(stated, '').test(c))) return before;
  return clauses.slice(at).join('，');
}

/** The preamble before the report's first heading (at most PREAMBLE characters): where a report written by an outside
 *  evaluator says who commissioned it (县财政局委托某某公司对县科协…进行了绩效评价). */
const PREAMBLE = 1500;
export function preamble(doc: KDocument): string {
  const first = doc.headings.reduce((a, h) => Math.min(a, h.start), PREAMBLE);
  return doc.norm.slice(0, first);
}

/** The report is an outside evaluator's: `regex` anywhere (受…委托，我所对…), or `opening` in its preamble when its title does not
 *  call it a 自评 (the bureau commissioning a firm, in the active voice: 县财政局委托某某公司对…). */
export function outsideReport(doc: KDocument, def: { regex: string; opening?: string; title_own?: string }): boolean {
  if (compile(def.regex, '').test(doc.norm)) return true;
  if (!def.opening) return false;
  const title = doc.facts.find((x) => x.path === '/meta/title')?.value;
  if (def.title_own && typeof title === 'string' && compile(def.title_own, '').test(title)) return false;
  return compile(def.opening, '').test(preamble(doc));
}
