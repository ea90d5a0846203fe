import * as l10n from '@vscode/l10n';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { computeBalance, describeBalance, pluralEntries } from '../../src/core/balance';
import { traitHoverMarkdown } from '../../src/core/hoverText';
import { TRAITS, traitById } from '../../src/core/traits';

const root = join(__dirname, '../..');
const bundle: Record<string, string> = JSON.parse(readFileSync(join(root, 'l10n/bundle.l10n.json'), 'utf8'));

afterAll(() => {
  l10n.config({ contents: {} });
});

describe('localisation', () => {
  // Spawns the l10n CLI over src/: seconds when the machine is busy, so no short limit.
  it('keeps l10n/bundle.l10n.json (the translators\' template) up to date with the code', { timeout: 120_000 }, () => {
    const out = mkdtempSync(join(tmpdir(), 'bj-l10n-'));
    try {
      execFileSync(process.execPath, [join(root, 'node_modules/@vscode/l10n-dev/dist/cli.js'), 'export', '--outDir', out, join(root, 'src')], { stdio: 'pipe' });
      expect(JSON.parse(readFileSync(join(out, 'bundle.l10n.json'), 'utf8')), 'run `npm run l10n`').toEqual(bundle);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('translates the core with a bundle and no code change', () => {
    // A pseudo-translation: every message wrapped, placeholders kept.
    l10n.config({ contents: Object.fromEntries(Object.entries(bundle).map(([key, value]) => [key, `⟦${typeof value === 'string' ? value : key}⟧`])) });
    const counts: Record<string, number> = { empathy: 2, 'time-management': 1 };
    const countOf = (tag: string) => counts[tag] ?? 0;
    expect(describeBalance(computeBalance(countOf))).toMatch(/^⟦.*⟧$/);
    expect(pluralEntries(3)).toBe('⟦3 entries⟧');
    expect(traitById('empathy')!.label).toBe('⟦Empathy⟧');
    expect(TRAITS.every((trait) => trait.description.startsWith('⟦') && trait.prompts.every((prompt) => prompt.startsWith('⟦')))).toBe(true);
    const hover = traitHoverMarkdown(traitById('empathy')!, computeBalance(countOf), countOf);
    for (const line of hover.split('\n').filter((text) => /[A-Za-z]{4,}/.test(text))) expect(line, line).toContain('⟦');
  });
});
