// The record's JSON Schema, generated from the zod schema (schema/record.schema.json is this, committed).
import { z } from 'zod';
import { KepuRecord, SCHEMA_VERSION } from './record.js';

export function recordJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(KepuRecord, { target: 'draft-2020-12', reused: 'inline', cycles: 'ref' }) as Record<string, unknown>;
  return { $id: `https://kepu-extract.invalid/schema/record-${SCHEMA_VERSION}.json`, title: 'kepu-extract record', ...schema };
}
