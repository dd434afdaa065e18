// The table stage inside the whole pipeline (the lead's read → … → emit), on the seed texts.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createDocument } from '../../src/document.js';
import { readTxt } from '../../src/read/txt.js';
import { processDocument } from '../../src/pipeline.js';
import { expected } from './helpers.js';

const record = (seed: string) =>
  processDocument(createDocument(`${seed}.txt`, '', readTxt(readFileSync(new URL(`../../corpus/${seed}.txt`, import.meta.url)))));

describe('pipeline', () => {
  it('seed001: indicators, goals, table score; the table budget that differs from the prose is warned about', () => {
    const r = record('seed001');
    const want = expected('seed001');
    expect(r.indicators).toEqual(want.indicators);
    expect(r.goals).toEqual(want.goals);
    expect(r.selfEvaluation.score).toBe(100);
    const w = r.warnings.filter((x) => x.code === 'table_prose_mismatch');
    expect(w.map((x) => x.paths)).toEqual([['/finance/project/budget']]);
    expect(r.evidence['/indicators/0/target'].text).toBe('≥5次');
    expect(r.evidence['/selfEvaluation/score'].text).toBe('100分');
  });
  it('seed002: the table fills what the prose does not say, from the report year’s columns', () => {
    const r = record('seed002');
    const want = expected('seed002');
    expect(r.indicators).toEqual(want.indicators);
    expect(r.finance.spendingTotal).toEqual({ budget: 1330900, actual: 1326100, executionRate: 100, initialBudget: 850900 });
    expect(r.finance.threePublic).toEqual({ budget: 15000, actual: 4400 });
    expect(r.selfEvaluation.score).toBe(91);
    expect(r.projects).toContainEqual({ name: '业务经费', budget: 432700, adjustment: null, actual: 427300, carryover: null, executionRate: 100, score: 91 });
    expect(r.warnings.filter((x) => x.code === 'table_prose_mismatch')).toEqual([]);
    expect(r.evidence['/finance/threePublic/actual'].text).toBe('0.44');
  });
});
