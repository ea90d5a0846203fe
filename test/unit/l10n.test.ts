import * as l10n from '@vscode/l10n';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { computeBalance, describeBalance, pluralEntries } from '../../src/core/balance';
import { traitHoverMarkdown } from '../../src/core/hoverText';
import { allTraits, traitById } from '../../src/core/traits';

const root = join(__dirname, '../..');
const bundle: Record<string, string> = JSON.parse(readFileSync(join(root, 'l10n/bundle.l10n.json'), 'utf8'));

afterAll(() => {
  l10n.config({ contents: {} });
});

describe('localisation', () => {
  it('translates the core with a bundle and no code change', () => {
    // A pseudo-translation: every message wrapped, placeholders kept.
    l10n.config({ contents: Object.fromEntries(Object.entries(bundle).map(([key, value]) => [key, `⟦${typeof value === 'string' ? value : key}⟧`])) });
    const counts: Record<string, number> = { empathy: 2, 'time-management': 1 };
    const countOf = (tag: string) => counts[tag] ?? 0;
    expect(describeBalance(computeBalance(countOf))).toMatch(/^⟦.*⟧$/);
    expect(pluralEntries(3)).toBe('⟦3 entries⟧');
    expect(traitById('empathy')!.label).toBe('⟦Empathy⟧');
    expect(allTraits().every((trait) => trait.description.startsWith('⟦') && trait.prompts.every((prompt) => prompt.startsWith('⟦')))).toBe(true);
    const hover = traitHoverMarkdown(traitById('empathy')!, computeBalance(countOf), countOf);
    for (const line of hover.split('\n').filter((text) => /[A-Za-z]{4,}/.test(text))) expect(line, line).toContain('⟦');
  });
});
