import { afterEach, describe, expect, it } from 'vitest';
import { growth } from './helpers/timing';
import { buildEntry, templateProblems } from '../../src/core/entryFactory';
import { parseEntry } from '../../src/core/entryParser';
import { readFrontMatter } from '../../src/core/frontMatter';
import { BUILT_IN_TRAITS, configureTraits, isTraitId, normalizeTag, traitById } from '../../src/core/traits';
import { linearSize } from './helpers/runs';

// Attacks from a hostile repository's files and settings, each asserting the safe outcome.

/**
 * Time grows linearly: 10× the input may take ~10× the CPU time, never ~100×. The bound (30×)
 * leaves room for noise; a quadratic rule gives ~100× and fails.
 */
function expectLinear(make: (size: number) => string, run: (input: string) => void, size = 200_000): void {
  expect(growth(run, make(linearSize(size) / 10), make(linearSize(size)), 2)).toBeLessThan(30);
}

describe('untrusted text is read in time linear in its length', () => {
  it('normalizeTag on a long run of hyphens', () => {
    expectLinear((n) => `a${'-'.repeat(n)}b`, (input) => normalizeTag(input));
  });

  it('front matter with many blank lines (gray-matter scans them quadratically)', () => {
    // Under the 64 KB that front matter may have, or it is not parsed at all.
    expectLinear((n) => `---\ntags: [a]\n${'\n'.repeat(n)}x: 1\n---\nbody`, (input) => readFrontMatter(input), 60_000);
    expect(readFrontMatter(`---\ntags: [a]\n${'\n'.repeat(60_000)}x: 1\n---\nbody`).data).toEqual({ tags: ['a'], x: 1 });
  });

  it('a first line of spaces after ---', () => {
    expectLinear((n) => `---${' '.repeat(n)}x\nbody`, (input) => readFrontMatter(input));
  });

  it('a whole entry whose front matter is one long line', () => {
    expectLinear((n) => `---\ntags: a${' '.repeat(n)}b\n---\n`, (input) => parseEntry(input), 60_000);
  });

  it('templates with long runs of blank lines and many {{…}}', () => {
    const empathy = traitById('empathy')!;
    expectLinear((n) => `# {{title}}${'\n'.repeat(n)}x${'\n'.repeat(n)}`, (input) => buildEntry([empathy], 'T', new Date(2026, 0, 1), input));
    expectLinear((n) => `{{${' '.repeat(n)}`.repeat(3), (input) => templateProblems(input));
    expect(templateProblems('{{x}}'.repeat(10_000))).toHaveLength(100);
  });
});

describe('front matter never runs as code', () => {
  const probe = '__balanceJournalProbe';
  afterEach(() => {
    delete (globalThis as Record<string, unknown>)[probe];
  });

  it.each(['---js', '---javascript', '---coffee', '--- js', '---JavaScript', '---  javascript  ', '---JS', '---coffeescript', '---json'])('refuses "%s" front matter', (opening) => {
    const text = `${opening}\nglobalThis.${probe} = 1; ({ tags: ['empathy'] })\n---\n#retro`;
    const parsed = parseEntry(text);
    expect((globalThis as Record<string, unknown>)[probe]).toBeUndefined();
    expect(parsed.tags).toEqual(['retro']);
    expect(parsed.problems[0].message).toMatch(/not supported; use YAML/);
  });

  it('reads ---yaml and --- yaml as YAML', () => {
    expect(parseEntry('---yaml\ntags: [empathy]\n---\n').tags).toEqual(['empathy']);
    expect(parseEntry('--- YAML \ntags: [empathy]\n---\n').tags).toEqual(['empathy']);
  });
});

describe('trait ids cannot become paths', () => {
  afterEach(() => configureTraits([]));
  const trait = (id: string) => ({ id, label: 'X', side: 'leadership', description: 'A trait.', prompts: ['Why?'] });

  it.each(['x/../../../../../outside/OUTSIDE', '..', 'a/b', 'a\\b', 'Delegation!', '.hidden', 'C:', '1st', 'a.b', 'a:b'])('refuses the id %j and names it', (id) => {
    const problems = configureTraits([trait(id)]);
    expect(problems).toHaveLength(1);
    expect(problems[0].message).toContain(`"${id}"`);
    expect(problems[0].message).toMatch(/letters, digits and hyphens/);
    expect(problems[0].message).toMatch(/^Trait 1 of balanceJournal\.traits \(".*"\) was skipped: an id /);
  });

  it('accepts ids in any script, with their marks, and normalises spaces', () => {
    expect(configureTraits([trait('Delegation'), trait('हिन्दी'), trait('Active Listening')])).toEqual([]);
    expect(traitById('delegation')).toBeDefined();
    expect(traitById('हिन्दी')).toBeDefined();
    expect(traitById('active-listening')).toBeDefined();
  });

  it('isTraitId holds for every built-in trait and refuses path characters', () => {
    for (const builtIn of BUILT_IN_TRAITS) expect(isTraitId(builtIn.id)).toBe(true);
    for (const bad of ['a/b', 'a\\b', '..', '', '-a', 'a.b', 'a b']) expect(isTraitId(bad)).toBe(false);
  });

  it('a new entry with no Latin title is named by a slug of the id, never the raw id', () => {
    configureTraits([trait('हिन्दी')]);
    const entry = buildEntry([traitById('हिन्दी')!], 'नमस्ते', new Date(2026, 0, 1));
    expect(entry.slug).toMatch(/^[a-z0-9-]+$/);
  });

  it('a NUL or a line break in a setting never reaches the entry', () => {
    configureTraits([{ ...trait('coaching'), label: 'Coa\u0000ching', prompts: ['Line one\n# Injected heading\u0000'] }]);
    const entry = buildEntry([traitById('coaching')!], 'T', new Date(2026, 0, 1));
    expect(entry.text).not.toContain('\u0000');
    expect(entry.text).not.toMatch(/^# Injected heading/m);
  });
});

describe('templates', () => {
  it('keeps {{constructor}} and other prototype names as written', () => {
    const empathy = traitById('empathy')!;
    const entry = buildEntry([empathy], 'T', new Date(2026, 0, 1), '# {{title}}\n{{constructor}} {{toString}} {{__proto__}}\n');
    expect(entry.text).toContain('{{constructor}} {{toString}} {{__proto__}}');
    expect(entry.text).not.toContain('function');
  });
});
