// Shared helpers for the table tests: documents from the seeds and fixtures, run through the table stages only.
import { readFileSync, existsSync } from 'node:fs';
import { createDocument, type KDocument, type ReadResult } from '../../src/document.js';
import { readTxt } from '../../src/read/txt.js';
import { findTables } from '../../src/structure/tables.js';
import { extractTables } from '../../src/extract/tables.js';
import { dropUnpaidParts } from '../../src/validate/appropriationParts.js';
import type { ReportKind } from '../../src/schema/record.js';

export const SEEDS = {
  seed001: { kind: 'project_self_eval' as ReportKind, year: 2022 },
  seed002: { kind: 'overall_self_eval' as ReportKind, year: 2023 },
};
export type SeedName = keyof typeof SEEDS;

// The shared fixtures are copied into corpus/ as seedNNN-<ext>.<ext> (seed001.docx → corpus/seed001-docx.docx).
export const fixturePath = (name: string) => new URL(`../../corpus/${name.replace(/^(.*)\.(\w+)$/, '$1-$2.$2')}`, import.meta.url).pathname;
export const fixtureExists = (name: string) => existsSync(fixturePath(name));

export function corpusText(seed: string): string {
  return readTxt(readFileSync(new URL(`../../corpus/${seed}.txt`, import.meta.url))).text;
}

/** A document from a ReadResult, with the meta the lead's stages would have set, through findTables + extractTables. */
export function tableDoc(read: ReadResult, kind: ReportKind | null, year: number | null, prose: KDocument['facts'] = []): KDocument {
  const doc = createDocument('test', '', read);
  doc.reportKind = kind;
  if (year !== null) doc.data.fiscalYear = year;
  findTables(doc);
  doc.facts.push(...prose);
  extractTables(doc);
  return doc;
}

export function seedDoc(seed: SeedName): KDocument {
  return tableDoc(readTxt(readFileSync(new URL(`../../corpus/${seed}.txt`, import.meta.url))), SEEDS[seed].kind, SEEDS[seed].year);
}

/** A plain-text document from lines (tabs as written). */
export function textDoc(lines: string[], kind: ReportKind | null = null, year: number | null = null, prose: KDocument['facts'] = []): KDocument {
  return tableDoc({ text: lines.join('\n') + '\n', format: 'txt', pages: null }, kind, year, prose);
}

export function expected(seed: SeedName) {
  return JSON.parse(readFileSync(new URL(`./expected/${seed}.json`, import.meta.url), 'utf8')) as {
    indicators: unknown[];
    goals: { target: string | null; achieved: string | null };
    facts: Record<string, number>;
    projects: unknown[];
  };
}

/** The table facts by path, as the record would take them: the appropriation's parts only where they are the unit's
 *  (validate/appropriationParts), and a weak fact only where no other fills the path. */
export const factMap = (doc: KDocument) => {
  dropUnpaidParts(doc);
  const table = doc.facts.filter((f) => f.source === 'table').sort((a, b) => (b.priority ?? 1) - (a.priority ?? 1));
  return Object.fromEntries(table.map((f) => [f.path, f.value]));
};
