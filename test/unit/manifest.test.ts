import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// package.json is the extension's UI contract: every command it points at must be declared, and
// every file it names must ship.
const root = join(__dirname, '../..');
const nls: Record<string, string> = JSON.parse(readFileSync(join(root, 'package.nls.json'), 'utf8'));
// As VS Code shows it: every %key% replaced by its English text from package.nls.json.
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'), (_key, value) =>
  typeof value === 'string' && /^%[\w.-]+%$/.test(value) ? (nls[value.slice(1, -1)] ?? `MISSING ${value}`) : value,
);
const contributes = manifest.contributes;
const declared = new Set<string>(contributes.commands.map((command: { command: string }) => command.command));

describe('package.json', () => {
  it('keeps the names users and docs rely on', () => {
    expect(manifest).toMatchObject({ name: 'balance-journal', displayName: 'Balance Journal', publisher: 'balance-journal', license: 'MIT', engines: { vscode: '^1.90.0' } });
    expect(contributes.keybindings).toEqual([{ command: 'balanceJournal.newEntry', key: 'ctrl+alt+j', mac: 'cmd+alt+j' }]);
    expect(Object.keys(contributes.configuration.properties)).toEqual(expect.arrayContaining(['balanceJournal.folder', 'balanceJournal.balanceTolerance']));
    expect(manifest.capabilities.untrustedWorkspaces.restrictedConfigurations).toContain('balanceJournal.folder');
  });

  it('takes every user-facing text from package.nls.json, so a translation needs no code change', () => {
    const raw = readFileSync(join(root, 'package.json'), 'utf8');
    expect(JSON.stringify(manifest)).not.toContain('MISSING');
    const parsed = JSON.parse(raw);
    const texts: string[] = [
      parsed.description,
      ...parsed.contributes.commands.flatMap((command: { title: string; category: string }) => [command.title, command.category]),
      ...parsed.contributes.viewsWelcome.map((welcome: { contents: string }) => welcome.contents),
      ...Object.values(parsed.contributes.configuration.properties).map((property) => (property as { markdownDescription: string }).markdownDescription),
      ...parsed.contributes.walkthroughs.flatMap((walkthrough: { title: string; steps: { title: string; description: string }[] }) => [walkthrough.title, ...walkthrough.steps.flatMap((step) => [step.title, step.description])]),
    ];
    for (const text of texts) expect(text).toMatch(/^%[\w.-]+%$/);
  });

  it('points only at declared commands', () => {
    const used = [
      ...contributes.keybindings.map((binding: { command: string }) => binding.command),
      ...Object.values(contributes.menus).flat().map((item) => (item as { command: string }).command),
      ...JSON.stringify([contributes.viewsWelcome, contributes.walkthroughs]).match(/command:[\w.]+/g)!.map((link) => link.slice('command:'.length)),
    ].filter((command) => command.startsWith('balanceJournal.'));
    for (const command of used) expect(declared, command).toContain(command);
  });

  it('names files that exist and ship in the .vsix', () => {
    const files = [manifest.icon, manifest.main, manifest.browser, ...contributes.viewsContainers.activitybar.map((c: { icon: string }) => c.icon)];
    for (const walkthrough of contributes.walkthroughs) for (const step of walkthrough.steps) files.push(step.media.image ?? step.media.markdown);
    for (const file of files) {
      expect(file, 'a path').toBeTypeOf('string');
      if (!file.startsWith('./dist/')) expect(existsSync(join(root, file)), file).toBe(true);
      expect(file.replace(/^\.\//, ''), file).toMatch(/^(media\/|dist\/)/);
    }
  });
});
