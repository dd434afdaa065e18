// Stage 2 — normalise: the matching copy (norm) and the value copy (display), both offset-preserving.
import type { KDocument } from '../document.js';
import { foldForDisplay, foldForMatch, foldRadicals, simplifyDocument } from './fold.js';
import { foldFigureStops, foldSentenceDots } from './dots.js';
import { foldCapitalMarkers } from './capitalMarkers.js';
import { maskDamagedFigures } from './damagedFigures.js';
import { groupSpacedThousands } from './spacedThousands.js';
import { foldCountThousands } from './countThousands.js';
import { foldChinesePercents } from './cnPercent.js';
import { foldOcrYuan } from './ocrYuan.js';
import { foldOcrDigits } from './ocrDigits.js';
import { interleavedBlocks, maskBlocks } from './interleaved.js';

// Markup left behind by converters (pandoc bookmarks, markdown bold, a markdown heading's marks before its space: ## 四、存在的问题):
// blanked, same length.
const ARTIFACTS = /\[bookmark: [^\]\n]*\]|\*\*|^[ \t\u3000\u00a0]*#{1,6}(?=[ \t\u3000\u00a0])/gm;
const blank = (s: string) => s.replace(ARTIFACTS, (m) => ' '.repeat(m.length));

// The matching copy's folds, in the order they run: each keeps the length and reads what the ones before it made
const MATCH_FOLDS: ((s: string) => string)[] = [foldForMatch, foldCountThousands, foldOcrDigits, foldChinesePercents, foldOcrYuan, foldFigureStops, groupSpacedThousands, foldCapitalMarkers, foldSentenceDots, maskDamagedFigures];

export function normalise(doc: KDocument): void {
  // radicals first: a Kangxi radical stands for a traditional form (⾨ → 門), which simplify() then converts
  const radicals = foldRadicals(doc.text);
  const simp = blank(simplifyDocument(radicals.text));
  doc.display = foldForDisplay(simp);
  doc.norm = MATCH_FOLDS.reduce((t, fold) => fold(t), simp);
  // (two columns' lines alternating: nothing read from them rather than a label of one column with a figure of the other)
  const interleaved = interleavedBlocks(doc.norm, doc.text);
  if (interleaved.length) {
    doc.norm = maskBlocks(doc.norm, interleaved);
    // (a warning, not a note: the record's nulls there are unread figures, which the warehouse should know of)
    for (const place of interleaved) {
      doc.messages.push({ ruleId: 'columns_interleaved', reason: 'lines alternating between two columns (a page read row by row): no figure read from them', place });
    }
  }
  if (doc.norm.length !== doc.text.length || doc.display.length !== doc.text.length) {
    throw new Error('normalise: offsets not preserved'); // a bug, never data-dependent
  }
  if (radicals.changed) {
    doc.messages.push({ ruleId: 'normalise.radicals', reason: `${radicals.changed} radical or compatibility characters read as their ideographs (部⻔ → 部门)` });
  }
  if (simp !== radicals.text && countDiff(simp, radicals.text) > 3) {
    doc.messages.push({ ruleId: 'normalise.traditional', reason: 'traditional script converted to simplified for matching' });
  }
}

function countDiff(a: string, b: string): number {
  let n = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) n++;
  return n;
}
