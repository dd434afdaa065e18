// Staffing counts listed after their labels with 分别为 (编制数、在职人数、退休人数分别为6人、5人和2人): each label takes the
// count in its place (patterns/staffing.yaml `respectively`). Only when the labels and the counts are as many.
import type { Fact, KDocument } from '../document.js';
import { compile, loadPatternFile } from '../patterns.js';
import { spanYears, toCount } from '../normalise/numbers.js';
import { matches, otherYearAt, saysOtherYear, sentenceAt, trimSpan } from './engine.js';
import { arabicYears } from './prose.js';

interface RespectivelyDef {
  id: string;
  regex: string;
  separators: string;
  count: string;
  labels: { path: string | null; regex: string }[];
}

/** The facts of the 分别为 lists (pushed to doc.facts too, as runFamily does). */
export function respectivelyFacts(doc: KDocument): Fact[] {
  const file = loadPatternFile<{ respectively?: RespectivelyDef; year_respectively?: { id: string; regex: string }; other_year?: string; sentence_year?: string; section_year?: string }>('staffing.yaml');
  const def = file.respectively;
  if (!def) return [];
  const out: Fact[] = yearRespectively(doc, def, file.year_respectively);
  const sep = compile(def.separators, 'g');
  const countRe = compile(def.count, 'g');
  for (const m of matches(doc, def.regex)) {
    // (上年在职人员、退休人员分别为7人、2人: last year's, as for the patterns)
    if (file.other_year && saysOtherYear(doc, file.other_year, doc.norm.slice(Math.max(sentenceAt(doc, m.span.start).start, m.span.start - 20), m.span.start))) continue;
    if (otherYearAt(doc, m.span.start, file)) continue;
    const ls = m.group('labels');
    const cs = m.group('counts');
    if (!ls || !cs) continue;
    const labels = doc.norm.slice(ls.start, ls.end).split(sep).map((x) => x.replace(/\s+/g, ''));
    const counts = [...doc.norm.slice(cs.start, cs.end).matchAll(countRe)];
    if (labels.length !== counts.length) continue;
    // every label must be a staffing label (a list holding another item is not this list)
    const paths = labels.map((l) => def.labels.find((x) => compile(x.regex, '').test(l)));
    if (paths.some((p) => !p)) continue;
    paths.forEach((p, i) => {
      const value = toCount(counts[i].groups!.num);
      if (!p!.path || value === null) return;
      const at = cs.start + counts[i].index!;
      const f: Fact = { path: p!.path, value, span: trimSpan(doc, { start: m.span.start, end: at + counts[i][0].length }), rule: def.id };
      out.push(f);
      doc.facts.push(f);
    });
  }
  return out;
}

/** 2022年、2023年在职人员分别为6人、7人 | 年初、年末在职人员分别为6人、7人: one staffing label counted at several times, the
 *  count in the report's year's place (the year's end's); see year_respectively. */
function yearRespectively(doc: KDocument, def: RespectivelyDef, yr: { id: string; regex: string } | undefined): Fact[] {
  const fy = doc.data.fiscalYear;
  if (!yr || doc.reportKind === 'budget') return [];
  const out: Fact[] = [];
  const countRe = compile(def.count, 'g');
  for (const m of matches(doc, yr.regex)) {
    const ts = m.group('times') ?? m.group('times2');
    const ls = m.group('label') ?? m.group('label2');
    const cs = m.group('counts');
    if (!ts || !ls || !cs) continue;
    const label = doc.norm.slice(ls.start, ls.end).replace(/\s+/g, '');
    const path = def.labels.find((x) => compile(x.regex, '').test(label))?.path;
    if (!path) continue;
    const times = doc.norm.slice(ts.start, ts.end).replace(/\s+/g, '');
    const counts = [...doc.norm.slice(cs.start, cs.end).matchAll(countRe)];
    let at = -1;
    if (/^年初/.test(times)) at = counts.length === 2 ? 1 : -1;
    else {
      const years = spanYears(times, [...arabicYears(times).matchAll(/(?:19|20)\d{2}/g)].map((y) => Number(y[0])));
      if (typeof fy !== 'number' || years.length !== counts.length || years.some((y) => y > fy)) continue;
      at = years.indexOf(fy);
    }
    if (at < 0) continue;
    const value = toCount(counts[at].groups!.num);
    if (value === null) continue;
    const end = cs.start + counts[at].index! + counts[at][0].length;
    const f: Fact = { path, value, span: trimSpan(doc, { start: m.span.start, end }), rule: yr.id };
    out.push(f);
    doc.facts.push(f);
  }
  return out;
}
