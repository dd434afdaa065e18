// Whose meeting the people counted at a meeting attended (参会人员80人, 参会代表286人) were at: the sentence before them
// names it. Decided (session 47): the attendees of the unit's own meetings (a congress, 全委会, a work meeting: its
// governance) are no reach; the delegates of an academic meeting (学术年会, 研讨会, 论坛) are its audience, as 参会专家学者
// are, though not_label drops 代表 elsewhere (a congress's delegates).
import type { KDocument } from '../../document.js';
import { compile } from '../../patterns.js';
import type { ActivitiesFile } from './file.js';

/** 'own' when the count's label opens with attending a meeting and its sentence before it names one of the unit's own
 *  meetings; 'academic' when it names an academic meeting and none of its own; else null (the label decides, as before). */
export function meetingOf(doc: KDocument, f: ActivitiesFile, label: string, sentenceStart: number, clause: number): 'own' | 'academic' | null {
  if (!f.meeting_attendees || !f.own_meeting || !f.academic_meeting) return null;
  if (!compile(f.meeting_attendees, '').test(label)) return null;
  // (the sentence before the count's clause; 500 characters at most: a run of text with no stop is no sentence)
  const before = doc.norm.slice(Math.max(sentenceStart, clause - 500), clause);
  if (compile(f.own_meeting, '').test(before)) return 'own';
  return compile(f.academic_meeting, '').test(before) ? 'academic' : null;
}
