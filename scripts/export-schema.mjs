// Writes schema/record.schema.json from the zod schema (run after `npm run build`).
import { writeFileSync, mkdirSync } from 'node:fs';
import { recordJsonSchema } from '../dist/schema/json-schema.js';

mkdirSync(new URL('../schema/', import.meta.url), { recursive: true });
writeFileSync(new URL('../schema/record.schema.json', import.meta.url), JSON.stringify(recordJsonSchema(), null, 2) + '\n');
console.log('wrote schema/record.schema.json');
