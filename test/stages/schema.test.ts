import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { recordJsonSchema } from '../../src/schema/json-schema.js';

describe('schema export', () => {
  it('schema/record.schema.json is current (run `npm run schema:export` after changing src/schema)', () => {
    const file = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'schema', 'record.schema.json'), 'utf8'));
    expect(file).toEqual(JSON.parse(JSON.stringify(recordJsonSchema())));
  });
  it('lists the contract paths', () => {
    const s = JSON.stringify(recordJsonSchema());
    for (const k of ['schemaVersion', 'unitName', 'fiscalYear', 'reportKind', 'authorizedAdministrative', 'incomeTotal', 'spendingTotal', 'executionRate', 'governmentFund', 'threePublic', 'selfEvaluation', 'evidence', 'warnings']) {
      expect(s).toContain(`"${k}"`);
    }
  });
});
