import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { compile, compiledSize, derived, patternHash, readPatternData } from '../../src/patterns.js';
import { PATTERNS_DIR } from '../../src/segment/jieba.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

describe('compile', () => {
  it('gives the same regex object for the same source and flags, with lastIndex reset', () => {
    const a = compile('支出(?<num>\\d+)', 'g');
    a.lastIndex = 5;
    const b = compile('支出(?<num>\\d+)', 'g');
    expect(b).toBe(a);
    expect(b.lastIndex).toBe(0);
    expect(compile('支出(?<num>\\d+)', 'y')).not.toBe(a);
  });

  it('keeps its cache bounded when sources are built from documents (a name per report)', () => {
    for (let i = 0; i < 12_000; i++) expect(compile(`(?:某${i}学会|学会)[ \\t]*$`, '').test(`某${i}学会`)).toBe(true);
    expect(compiledSize()).toBeLessThanOrEqual(5000);
    // and still compiles correctly after it started again
    expect(compile('执行率(?<pct>\\d+)%', '').exec('执行率98%')?.groups?.pct).toBe('98');
  });
});

describe('derived', () => {
  it('builds a source from pattern data once per owner and name, expanded as compile does, with lastIndex reset', () => {
    const owner = { match: '科普(?:活动|讲座)' };
    let builds = 0;
    const build = () => (builds++, `^(?:${owner.match}){SECTION_NUMBER_END}`);
    const a = derived(owner, 'title', build, 'g');
    a.lastIndex = 3;
    const b = derived(owner, 'title', build, 'g');
    expect(b).toBe(a);
    expect(b.lastIndex).toBe(0);
    expect(builds).toBe(1);
    expect(a.source).toBe(compile(build(), 'g').source);
    // another name or another owner is another regex
    expect(derived(owner, 'other', build)).not.toBe(a);
    expect(derived({ ...owner }, 'title', build)).not.toBe(a);
  });
});

describe('the build’s JSON copy of the pattern files', () => {
  const yamlOf = (name: string) => readFileSync(join(PATTERNS_DIR, name), 'utf8');
  const names = readdirSync(PATTERNS_DIR).filter((f) => f.endsWith('.yaml'));

  it('is used only when it was made from the very YAML on disk', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kepu-cache-'));
    try {
      const text = yamlOf('macros.yaml');
      writeFileSync(join(dir, 'macros.json'), JSON.stringify({ sha256: patternHash(text), data: { marker: 1 } }));
      expect(readPatternData('macros.yaml', dir)).toEqual({ marker: 1 });
      // made from another text (a pattern edited since the build): the YAML itself
      writeFileSync(join(dir, 'macros.json'), JSON.stringify({ sha256: patternHash(text + '\n'), data: { marker: 1 } }));
      expect(readPatternData('macros.yaml', dir)).toEqual(parse(text));
      writeFileSync(join(dir, 'macros.json'), '{ not json');
      expect(readPatternData('macros.yaml', dir)).toEqual(parse(text));
      expect(readPatternData('macros.yaml', join(dir, 'none'))).toEqual(parse(text));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('holds the same data as the YAML (after `npm run build`)', () => {
    const built = join(ROOT, 'dist', 'pattern-cache');
    if (!existsSync(built)) return; // vitest run without the build: nothing to compare
    for (const name of names) {
      const cached = JSON.parse(readFileSync(join(built, name.replace(/\.yaml$/, '.json')), 'utf8'));
      if (cached.sha256 !== patternHash(yamlOf(name))) continue; // stale: the loader ignores it
      expect(cached.data, name).toEqual(parse(yamlOf(name)));
    }
  });
});
