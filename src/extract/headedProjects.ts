// A fund heading its own section whose body states its self-evaluation score and no money (（一）科普示范项目 ⏎ 自评得分：93分 ⏎
// 评价等级：优): a project of the report with that score, as a project scored elsewhere and listed nowhere with money is
// (patterns/projects.yaml heading_scored). A heading naming a fund listed with money is detailedProjects' (its section body).
// A programme heading its section (（一）科普示范工程 ⏎ 评价等级：优，92分) is such a fund too; its body is the programme's even
// when no score of its own is read there: the body's scores and grades are never the unit's.
import type { KDocument, Span } from '../document.js';
import { compile } from '../patterns.js';
import { cleanValue } from '../normalise/fold.js';
import type { Project } from '../schema/record.js';
import type { ScoredProject } from './scoredProjects.js';

export interface HeadingScoredDef {
  id: string;
  /** the heading's title is a fund's name: it ends with a fund word */
  name: string;
  /** …or a programme's, with money or a project named in its title or body (`programme_context`) */
  programme?: string;
  programme_context?: string;
  /** titles ending so that are plans or kinds, no programme (下一步工作计划, 主要活动) */
  programme_not?: string;
  /** a body naming the unit's whole: claimed only when the fund's own score is read in it */
  body_whole?: string;
  /** report kinds it is read in (a project report's headings are facets of its own project) */
  kinds: string[];
}

const TITLE_END = /[\s:：。.;；]+$/;

/**
 * `isName` refuses the unit's own money, a bare kind word, a sentence; `listed` is true for a fund listed with money, `taken`
 * for a project already scored; `figuresIn(body)` gives the fund's own score and rate in its body (projects.ts ownFigures, not
 * under an indicator's sub-heading). `bodies` receives each body read: its scores and grade are the fund's, not the unit's.
 */
export function headedProjects(doc: KDocument, d: HeadingScoredDef, isName: (name: string) => boolean, listed: (name: string) => boolean, taken: (name: string) => boolean,
  figuresIn: (body: Span) => { item: Project; fields: Record<string, { span: Span; rule: string }> }, bodies: Span[]): ScoredProject[] {
  if (!doc.reportKind || !d.kinds.includes(doc.reportKind)) return [];
  const fundWord = compile(d.name, '');
  const programme = d.programme ? compile(d.programme, '') : null;
  const programmeNot = d.programme_not ? compile(d.programme_not, '') : null;
  const context = d.programme_context ? compile(d.programme_context, '') : null;
  const whole = d.body_whole ? compile(d.body_whole, '') : null;
  const kindOf = (title: string) => (fundWord.test(title) ? 'fund' : programme?.test(title) && !programmeNot?.test(title) ? 'programme' : null);
  const out: ScoredProject[] = [];
  for (const h of doc.headings) {
    const name = h.title.replace(TITLE_END, '');
    const kind = kindOf(name);
    if (!kind || name.length < 3 || name.length > 30 || /\d/.test(name) || !isName(name) || listed(name) || taken(name)) continue;
    const at = doc.norm.lastIndexOf(name, h.end);
    if (at < h.start) continue;
    // (up to a sub-heading naming a fund or programme of its own: its score is that one's)
    const sub = doc.headings.find((x) => x.start >= h.end && x.start < h.bodyEnd && kindOf(x.title.replace(TITLE_END, '')));
    const body = { start: h.end, end: sub ? sub.start : h.bodyEnd };
    const text = doc.norm.slice(body.start, body.end);
    if (kind === 'programme' && !(context && (context.test(name) || context.test(text)))) continue;
    const { item, fields } = figuresIn(body);
    if (item.score !== null || !whole?.test(text)) bodies.push(body);
    if (item.score === null) continue;
    item.name = cleanValue(doc.display.slice(at, at + name.length));
    fields.name = { span: { start: at, end: at + name.length }, rule: d.id };
    out.push({ item, span: { start: at, end: body.end }, rule: d.id, fields });
  }
  // (one name heading two sections: which score is the fund's the text does not say)
  const key = (p: ScoredProject) => p.item.name.replace(/\s+/g, '');
  return out.filter((p) => out.filter((x) => key(x) === key(p)).length === 1);
}
