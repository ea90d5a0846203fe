import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// Reads the sources, so it is left out of the mutation run (vitest.stryker.config.ts): Stryker's
// instrumented copy of src/ is not what translators get.
const root = join(__dirname, '../..');
const bundle: Record<string, string> = JSON.parse(readFileSync(join(root, 'l10n/bundle.l10n.json'), 'utf8'));

describe('localisation', () => {
  it('keeps l10n/bundle.l10n.json (the translators\' template) up to date with the code', () => {
    const out = mkdtempSync(join(tmpdir(), 'bj-l10n-'));
    try {
      execFileSync(process.execPath, [join(root, 'node_modules/@vscode/l10n-dev/dist/cli.js'), 'export', '--outDir', out, join(root, 'src')], { stdio: 'pipe' });
      expect(JSON.parse(readFileSync(join(out, 'bundle.l10n.json'), 'utf8')), 'run `npm run l10n`').toEqual(bundle);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 60_000); // a child process that reads every source: seconds on a busy 2-core machine
});
