// Staffing counts (patterns/staffing.yaml) and the one derived rule: a sole kind of 编制 is the total.
import type { KDocument } from '../document.js';
import { matches, runFamily } from './engine.js';
import { loadPatternFile } from '../patterns.js';

export function extractStaffing(doc: KDocument): void {
  const facts = runFamily(doc, 'staffing.yaml');
  const has = (p: string) => facts.some((f) => f.path === p);
  if (has('/staffing/authorized')) return;
  const admin = facts.filter((f) => f.path === '/staffing/authorizedAdministrative');
  const inst = facts.filter((f) => f.path === '/staffing/authorizedInstitutional');
  const other = matches(doc, loadPatternFile<{ other_kinds: string }>('staffing.yaml').other_kinds).next().done === false;
  const sole = other ? null : admin.length && !inst.length ? admin : inst.length && !admin.length ? inst : null;
  if (sole) doc.facts.push({ ...sole[0], path: '/staffing/authorized', rule: 'staffing.authorized.sole-kind' });
}
