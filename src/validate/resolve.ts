// Facts → one value per path. The same value stated twice is fine (first statement is the evidence);
// different values for one path leave it null with a conflicting_values warning. Table facts only fill
// paths the prose left empty (or filled only with a weak fact, priority > 1).
import type { Fact, KDocument } from '../document.js';

export interface Resolved {
  values: Map<string, Fact>;
}

export function resolveFacts(doc: KDocument): Resolved {
  const byPath = new Map<string, Fact[]>();
  for (const f of doc.facts) {
    const list = byPath.get(f.path) ?? [];
    list.push(f);
    byPath.set(f.path, list);
  }
  const values = new Map<string, Fact>();
  for (const [path, all] of byPath) {
    // prose first, then a table; a weak prose fact (priority > 1: 上级下达科普经费X as a project's budget) yields to a table
    const prose = all.filter((f) => f.source !== 'table' && (f.priority ?? 1) <= 1);
    const table = all.filter((f) => f.source === 'table');
    const facts = (prose.length ? prose : table.length ? table : all).sort((a, b) => (a.priority ?? 1) - (b.priority ?? 1) || a.span.start - b.span.start);
    const distinct = [...new Set(facts.map((f) => JSON.stringify(f.value)))];
    if (distinct.length === 1) {
      values.set(path, facts[0]);
      continue;
    }
    const top = facts.filter((f) => (f.priority ?? 1) === (facts[0].priority ?? 1));
    if (new Set(top.map((f) => JSON.stringify(f.value))).size === 1) {
      values.set(path, top[0]);
      continue;
    }
    doc.messages.push({
      ruleId: 'conflicting_values',
      reason: `${path} is stated with different values: ${facts.map((f) => `${JSON.stringify(f.value)} ("${doc.text.slice(f.span.start, f.span.end)}")`).join(' vs ')}; left empty`,
      paths: [path],
      place: facts[0].span,
    });
  }
  return { values };
}
