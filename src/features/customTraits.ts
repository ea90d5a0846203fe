import * as vscode from 'vscode';
import { Settings } from '../ids';
import type { Services } from './services';

/** Where the setting whose problems were last shown is remembered (a hash of its JSON). */
const REPORTED_KEY = 'balanceJournal.traits.reported';

/** A short hash of a text (FNV-1a): enough to tell one value of the setting from another. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16);
}

/**
 * The setting balanceJournal.traits: your own traits, or your own prompts for the built-in ones.
 * Applied at start-up and whenever it changes. A skipped item is logged every time, and shown
 * as a warning once per change of the setting (not on every window load); settings.json
 * underlines it as you type, from the setting's JSON schema.
 */
export function registerCustomTraits({ model, log, context }: Services): vscode.Disposable {
  const apply = () => {
    const setting = vscode.workspace.getConfiguration(Settings.section).get<unknown>(Settings.traits);
    // Through the model: every feature hears of the new traits in its one change event.
    const problems = model.configureTraits(setting);
    for (const problem of problems) log.warn(problem.message);
    const key = hash(JSON.stringify(setting) ?? '');
    if (problems.length === 0) {
      void context.workspaceState.update(REPORTED_KEY, undefined);
      return;
    }
    if (context.workspaceState.get<string>(REPORTED_KEY) === key) return;
    void context.workspaceState.update(REPORTED_KEY, key);
    const message =
      problems.length === 1
        ? problems[0].message
        : vscode.l10n.t('{0} (and {1} more: see the log)', problems[0].message, problems.length - 1);
    const openSettings = vscode.l10n.t('Open Settings');
    const showLog = vscode.l10n.t('Show Log');
    void vscode.window.showWarningMessage(vscode.l10n.t('Balance Journal: {0}', message), openSettings, showLog).then((action) => {
      if (action === openSettings) {
        // The JSON file that holds the setting, where its schema underlines the item.
        const inspected = vscode.workspace.getConfiguration(Settings.section).inspect(Settings.traits);
        void vscode.commands.executeCommand(inspected?.workspaceValue !== undefined ? 'workbench.action.openWorkspaceSettingsFile' : 'workbench.action.openSettingsJson');
      }
      if (action === showLog) log.show(true);
    });
  };
  apply();
  return vscode.workspace.onDidChangeConfiguration((event) => {
    if (!event.affectsConfiguration(`${Settings.section}.${Settings.traits}`)) return;
    apply();
  });
}
