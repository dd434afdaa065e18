// Staffing counts (patterns/staffing.yaml) and the one derived rule: a sole kind of 编制 is the total.
import type { KDocument } from '../document.js';
import { runFamily } from './engine.js';

export function extractStaffing(doc: KDocument): void {
  const facts = runFamily(doc, 'staffing.yaml');
  const has = (p: string) => facts.some((f) => f.path === p);
  if (has('/staffing/authorized')) return;
  const admin = facts.filter((f) => f.path === '/staffing/authorizedAdministrative');
  const inst = facts.filter((f) => f.path === '/staffing/authorizedInstitutional');
  const sole = admin.length && !inst.length ? admin : inst.length && !admin.length ? inst : null;
  if (sole) doc.facts.push({ ...sole[0], path: '/staffing/authorized', rule: 'staffing.authorized.sole-kind' });
}
