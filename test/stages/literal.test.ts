import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { anchorSet, breakFreePrefix, lineGate, literalAnchor, requiredLiteral, requiredSets, singleLine } from '../../src/extract/literal.js';
import { matches, type Match } from '../../src/extract/engine.js';
import { financeSource } from '../../src/extract/finance/file.js';
import { expand } from '../../src/patterns.js';
import { extractText } from '../../src/pipeline.js';

describe('requiredLiteral: a literal every match must contain', () => {
  it('finds the longest plain run outside groups, classes and quantifiers', () => {
    expect(requiredLiteral('(?<=^|[\\s，,。]|年度)(?:本年|全年)?收入合计(?:为|是|:)?(?:[ \\t]*)(?<amount>\\d+)')).toBe('收入合计');
    expect(requiredLiteral('行政编制(?:人员|人数)?(?:为|共)?(?<num>\\d+)(?:人|名)')).toBe('行政编制');
    expect(requiredLiteral('(?<num>\\d{4})(?:[ \\t]*)年度?')).toBe('年');
    expect(requiredLiteral('收、?支总计')).toBe('支总计');
    expect(requiredLiteral('执行率{1,2}为')).toBe('执行');
    expect(requiredLiteral('项目支出[^。\\n]{0,30}其中')).toBe('项目支出');
  });
  it('gives nothing when a match could lack every literal', () => {
    expect(requiredLiteral('基本支出|项目支出')).toBeNull(); // top-level alternation
    expect(requiredLiteral('(?:实有|现有)?(?:在职|在编)(?<num>\\d+)')).toBeNull(); // all in groups
    expect(requiredLiteral('[一二三]+是')).toBe('是');
    expect(requiredLiteral('\\d+\\.\\d+')).toBeNull(); // escapes are not literals
    expect(requiredLiteral('a*b?c+')).toBeNull(); // every character quantified
    expect(requiredLiteral('a*?b')).toBe('b'); // lazy quantifier
    expect(requiredLiteral('(unbalanced')).toBeNull();
  });
  it('a pattern never matches text without its literal (checked against the regex itself)', () => {
    const srcs = ['(?<=年|^)(?:本年)?支出合计(?:为)?(?<n>\\d+)万元', '编制(?:数)?(?:为)?\\s*(?<n>\\d+)\\s*人', '完成(?:了)?(?:全年)?预算的\\s*\\d+%'];
    const texts = ['本年支出合计12万元', '支出合计为3万元', '编制 7 人', '编制数为7人', '完成全年预算的 98%', '完成了预算的98%', '支出12万元', '编 制7人'];
    for (const src of srcs) {
      const lit = requiredLiteral(src)!;
      for (const t of texts) if (new RegExp(src).test(t)) expect(t, `${src} on ${t}`).toContain(lit);
    }
  });
});

describe('requiredSets: every set of literals one of which each match holds', () => {
  it('gives each required run and required group, the one anchorSet picks among them', () => {
    const src = '(?:包括|包含|由)[ \\t]*(?<names>[^。，\\n]{2,80}?)[ \\t]*(?<count>\\d{1,2})[ \\t]*个子项目';
    expect(requiredSets(src)).toEqual([['包括', '包含', '由'], ['个子项目']]);
    expect(requiredSets(src)).toContainEqual(anchorSet(src)!.lits);
    expect(requiredSets('基本支出|项目支出')).toEqual([['基本支出', '项目支出']]); // top-level alternation: its one set
    expect(requiredSets('(?:实有|现有)?在职(?=人数)(?<!新增)\\d+')).toEqual([['在职']]); // not optional groups, not lookarounds
    expect(requiredSets('\\d+(?:\\.\\d+)?')).toEqual([]);
  });
  it('a pattern never matches a text lacking every literal of one of its sets (checked against the regex itself)', () => {
    const srcs = ['(?:包括|由)[ \\t]*(?<names>[^。，]{2,20}?)(?<count>\\d)个子项目', '(?:自评|评价)(?:得分|评分)为?(?<n>\\d+)分', '编制(?:数)?为?\\s*\\d+\\s*人'];
    const texts = ['包括科普日等3个子项目', '由两部分组成，共2个项目', '自评得分为95分', '评价评分95', '编制数为7人', '编制7名', '设3个子项目'];
    for (const src of srcs)
      for (const t of texts) if (new RegExp(src).test(t)) for (const lits of requiredSets(src)) expect(lits.some((l) => t.includes(l)), `${src} on ${t}`).toBe(true);
  });
});

describe('literalAnchor: how far before its literal a match can start', () => {
  it('counts the most a match consumes before the literal', () => {
    expect(literalAnchor('(?<=^|[\\s，,。]|年度)(?:本年|全年)?收入合计(?:为|是|:)?(?<n>\\d+)')).toEqual({ lit: '收入合计', before: 2 });
    expect(literalAnchor('(?<=年)支出(?:为|是)')).toEqual({ lit: '支出', before: 0 });
    expect(literalAnchor('[ab]{2,3}\\d?x(?:yz|w)?预算')).toEqual({ lit: '预算', before: 7 });
    expect(literalAnchor('a(?<![b])(?=c)\\bcd')).toEqual({ lit: 'cd', before: 1 });
    expect(literalAnchor('收、?支总计')).toEqual({ lit: '支总计', before: 2 });
  });
  it('is unbounded when something before it can repeat without limit, or is not understood', () => {
    expect(literalAnchor('\\s*支出')?.before).toBe(Infinity);
    expect(literalAnchor('(?:a+)?支出')?.before).toBe(Infinity);
    expect(literalAnchor('x{2,}支出')?.before).toBe(Infinity);
    expect(literalAnchor('(?<y>\\d)\\k<y>支出')?.before).toBe(Infinity);
    expect(literalAnchor('\\u4e00支出')?.before).toBe(Infinity);
  });
  it('anchorSet: a required group of alternatives, or a top-level alternation, gives a set', () => {
    expect(anchorSet('基本支出|项目支出')).toEqual({ lits: ['基本支出', '项目支出'], before: 0 });
    expect(anchorSet('(?:实有|现有)?(?:在职|在编)(?<num>\\d+)')).toEqual({ lits: ['在职', '在编'], before: 2 });
    expect(anchorSet('(?:ab|cd){1,2}x?')).toEqual({ lits: ['ab', 'cd'], before: 0 });
    // the set whose shortest literal is longest: 得分|分数 rather than the one-character 为|是
    expect(anchorSet('(?:为|是)(?:得分|分数)')).toEqual({ lits: ['得分', '分数'], before: 1 });
    // a literal holding another is dropped; `before` grows by where the other sits in it
    expect(anchorSet('(?:评分结果|自评分|评分)为')).toEqual({ lits: ['评分'], before: 1 });
    // a single run is still found, as literalAnchor finds it
    expect(anchorSet('(?<=年)支出(?:为|是)')).toEqual({ lits: ['支出'], before: 0 });
  });
  it('anchorSet: nothing from optional groups, lookarounds or an alternative without a literal', () => {
    expect(anchorSet('(?:得分|分数)?\\d+')).toBeNull();
    expect(anchorSet('(?:得分|分数){0,2}\\d+')).toBeNull();
    expect(anchorSet('(?<=得分|分数)\\d+')).toBeNull();
    expect(anchorSet('(?=得分|分数)\\d+')).toBeNull();
    expect(anchorSet('得分|\\d+')).toBeNull();
    expect(anchorSet('(?:得分|)\\d+')).toBeNull();
    expect(anchorSet('\\d+(?:场|期)')?.before).toBe(Infinity);
  });
  it('anchorSet: an alternative that can never match adds nothing (an unknown unit\'s level fills [{LEVEL}] with [])', () => {
    // (JavaScript: [] matches nothing, [^] anything; (?!) always fails)
    expect(anchorSet('(?:[县]科协|年初)\\d+')?.lits).toEqual(['科协', '年初']);
    expect(anchorSet('(?:[]科协|年初)\\d+')).toEqual({ lits: ['年初'], before: 0 });
    expect(anchorSet('(?:(?<=[]科协)|年初)\\d+')).toEqual({ lits: ['年初'], before: 0 });
    expect(anchorSet('(?:(?:(?!)|[])科协|年初)\\d+')).toEqual({ lits: ['年初'], before: 0 });
    // still every alternative where it may match: optional, any character, a negative lookaround of something
    expect(anchorSet('(?:[]?科协|年初)\\d+')?.lits).toEqual(['科协', '年初']);
    expect(anchorSet('(?:[^]科协|年初)\\d+')?.lits).toEqual(['科协', '年初']);
    expect(anchorSet('(?:(?<![])x|年初)\\d+')?.lits).toEqual(['x', '年初']);
    // a class [] closes at once: the rest of the pattern is read as it is
    expect(anchorSet('[]?预算(?:数)?\\d')).toEqual({ lits: ['预算'], before: 1 });
  });
  it('singleLine: true only when no match can hold a line break', () => {
    // the activity count's shape: classes, \d, [ \t], a lookbehind, plain alternatives
    expect(singleLine('(?<pre>约|近)?[ \\t]*(?<![\\d.])(?<num>\\d+(?:\\.\\d+)?)[ \\t]*(?<unit>人次|场|期)')).toBe(true);
    expect(singleLine('[\\u4e00-\\u9fa5]{2,30}(?:协会|科协)')).toBe(true);
    expect(singleLine('[^，。\\n]{2,30}经费')).toBe(true);
    expect(singleLine('\\S+经费(?=[\\s\\S]*合计)')).toBe(true); // a lookahead consumes nothing
    expect(singleLine('.{0,10}经费')).toBe(true); // the engine never compiles with the s flag
    // may match \n
    expect(singleLine('\\s*经费')).toBe(false);
    expect(singleLine('[^，。]{2,30}经费')).toBe(false);
    expect(singleLine('[^\\S]经费')).toBe(false);
    expect(singleLine('经费[ \\t]*\\r?\\n[ \\t]*\\d+')).toBe(false);
    expect(singleLine('\\D+经费')).toBe(false);
    expect(singleLine('[\\x00-\\x7f]+经费')).toBe(false);
    expect(singleLine('[\\u000a]经费')).toBe(false);
    expect(singleLine('(?<a>经费)\\k<a>')).toBe(false); // back-references are not followed
    expect(singleLine('(?i:经费)')).toBe(false); // unknown group forms
  });
  it('breakFreePrefix: the whole atoms at the start that cannot consume a line break', () => {
    // a name on one line, then an amount that may wrap (the projects' glued amounts)
    expect(breakFreePrefix('(?<=^|[。\\n])[ \\t]*(?<name>[^，。\\n]{2,20}?(?:经费|项目))[ \\t]*(?<n>\\d+(?:\\.(?:[ \\t]*\\n)?\\d+)?)万元')).toBe(
      '(?<=^|[。\\n])[ \\t]*(?<name>[^，。\\n]{2,20}?(?:经费|项目))[ \\t]*',
    );
    expect(breakFreePrefix('[^，。]{2,30}经费')).toBe(''); // the class may hold \n
    expect(breakFreePrefix('经费\\s*\\d+')).toBe('经费');
    expect(breakFreePrefix('a{2,3}?b\\Dc')).toBe('a{2,3}?b');
    expect(breakFreePrefix('经费|预算')).toBeNull(); // a top-level alternation
    expect(anchorSet(breakFreePrefix('[ \\t]*(?<name>[^，\\n]{2,20}?(?:经费|项目))\\s*\\d+')!)).toEqual({ lits: ['经费', '项目'], before: Infinity });
  });
  it('lineGate: the rest of the pattern from an atom of its break-free head, its literals near its start', () => {
    // a name's last word, then the amount that may wrap: the lazy run before the word is left out
    expect(lineGate('(?<=^|[。\\n])[ \\t]*(?<name>[^，。\\n]{2,20}?(?:经费|项目))[ \\t]*(?<n>\\d+(?:\\.(?:[ \\t]*\\n)?\\d+)?)万元')).toEqual({
      src: '(?:经费|项目)[ \\t]*(?<n>\\d+(?:\\.(?:[ \\t]*\\n)?\\d+)?)万元',
      set: { lits: ['经费', '项目'], before: 0 },
    });
    // (the longest such rest: from the first atom whose literal is near enough)
    expect(lineGate('[^，\\n]*?(?:的)?支出[^，\\n]*?预算')?.src).toBe('(?:的)?支出[^，\\n]*?预算');
    expect(lineGate('\\s*支出')).toBeNull(); // no break-free head
    expect(lineGate('[^，\\n]*支出|预算')).toBeNull(); // a top-level alternation
    expect(lineGate('(?<a>[^，\\n]*)支出\\k<a>')).toBeNull(); // a back-reference
    expect(lineGate('[^，\\n]*[]支出')).toBeNull(); // an empty class (an unfilled placeholder)
    // every match holds a match of the gate starting at most `before` units before one of its literals
    const src = '[ \\t]*(?<name>[^，。\\n\\d]{2,20}?(?:经费|资金))[ \\t]*(?<n>\\d+)万元(?=，实际支出)';
    const gate = lineGate(src)!;
    for (const t of ['  一是科普经费5万元，实际支出4万元', '科普资金 12万元，实际支出', '  经费专项资金，3万元，实际支出', '经费8万元，实际']) {
      const m = new RegExp(src).exec(t);
      if (!m) continue;
      const re = new RegExp(gate.src, 'g');
      re.lastIndex = m.index;
      const g = re.exec(t);
      expect(g && g.index < m.index + m[0].length, t).toBe(true);
    }
  });
  // every pattern, over the corpus and each spec file's inputs as one text (short texts put many matches near their
  // edges): a test per text, as the patterns and specs grow (one test over all of them neared its time limit)
  const regexes = allPatternSources();
  it('the patterns are anchored on literals, sets of literals, or the lines of their literals', () => {
    const anchored = regexes.filter((r) => (literalAnchor(expand(r))?.before ?? Infinity) !== Infinity);
    expect(anchored.length).toBeGreaterThan(10);
    const sets = regexes.filter((r) => !anchored.includes(r) && (anchorSet(expand(r))?.before ?? Infinity) !== Infinity);
    expect(sets.length).toBeGreaterThan(10);
    // scanned from the line of their literal (the activity counts)
    expect(regexes.filter((r) => anchorSet(expand(r))?.before === Infinity && singleLine(expand(r))).length).toBeGreaterThan(1);
    // … or from the line of a literal before which no match holds a line break (the projects' glued amounts)
    const headed = (r: string) => ((h) => !!h && !!anchorSet(h))(breakFreePrefix(expand(r)));
    expect(regexes.filter((r) => anchorSet(expand(r))?.before === Infinity && !singleLine(expand(r)) && headed(r)).length).toBeGreaterThan(1);
  });
  const texts = readdirSync('corpus')
    .filter((n) => n.endsWith('.txt') && !n.includes('gb18030'))
    .map((f) => [f, () => readFileSync(`corpus/${f}`, 'utf8')] as const);
  // a spec file in parts of at most CHUNK inputs: the largest ones neared the time limit on a shared machine
  const CHUNK = 75;
  for (const f of readdirSync('test/specs').filter((n) => n.endsWith('.json'))) {
    const inputs = (JSON.parse(readFileSync(`test/specs/${f}`, 'utf8')) as { cases: { input: string }[] }).cases.map((c) => c.input);
    for (let i = 0; i < inputs.length; i += CHUNK) {
      texts.push([`${f} #${i / CHUNK + 1}`, () => inputs.slice(i, i + CHUNK).join('\n\n')]);
    }
  }
  for (const [f, text] of texts) {
    it(`the engine finds the same matches from the literals as a scan of the whole text: ${f}`, () => {
      const { doc } = extractText(text());
      doc.excluded = [];
      for (const r of regexes) {
        const re = new RegExp(expand(r), 'gd');
        const want = [...doc.norm.matchAll(re)].filter((m) => m[0].length).map((m) => [m.index, m[0], { ...m.indices!.groups }]);
        // the engine finds a group's place when asked (group()): every named group, compared with the scan's indices
        const names = [...expand(r).matchAll(/\(\?<([A-Za-z_]\w*)>/g)].map((n) => n[1]);
        const places = (m: Match) => Object.fromEntries(names.map((n) => [n, ((s) => (s ? [s.start, s.end] : undefined))(m.group(n))]));
        expect([...matches(doc, r)].map((m) => [m.span.start, m.m[0], places(m)]), `${f}: ${r}`).toEqual(want);
      }
    });
  }
});

/** Every string of the pattern files that reads as a pattern, placeholders filled in as their extractors fill them. */
function allPatternSources(): string[] {
  const regexes: string[] = [];
  const collect = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(collect);
    else if (v && typeof v === 'object') for (const x of Object.values(v)) collect(x);
    // a field's regex, and a family's named patterns (projects.yaml name …)
    else if (typeof v === 'string' && /[()[\]|\\]/.test(v)) regexes.push(v);
  };
  for (const f of readdirSync('patterns').filter((n) => n.endsWith('.yaml'))) {
    const data = parse(readFileSync(`patterns/${f}`, 'utf8')) as Record<string, unknown>;
    const from = regexes.length;
    collect(data);
    // a file's own placeholder ({ORG} in meta.yaml) is its top-level key of that name, filled in by its extractor
    const own = (r: string) => r.replace(/\{([A-Z_]+)\}/g, (m, k: string) => (typeof data[k.toLowerCase()] === 'string' ? (data[k.toLowerCase()] as string) : m));
    for (let i = from; i < regexes.length; i++) regexes[i] = own(regexes[i]);
  }
  // finance.ts fills in its own placeholders ({SUBJECT} is built from its subjects)
  return regexes.map((r) => financeSource(r));
}
