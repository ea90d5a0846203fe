import * as vscode from 'vscode';
import { Settings } from '../ids';
import { showError } from '../userMessages';
import type { Services } from './services';

/**
 * The setting balanceJournal.traits: your own traits, or your own prompts for the built-in ones.
 * Applied at start-up and whenever it changes.
 */
export function registerCustomTraits({ model, log }: Services): vscode.Disposable {
  const apply = () => {
    // Through the model: every feature hears of the new traits in its one change event.
    const problems = model.configureTraits(vscode.workspace.getConfiguration(Settings.section).get<unknown>(Settings.traits));
    for (const problem of problems) log.warn(problem.message);
    if (problems.length > 0) {
      const message =
        problems.length === 1
          ? vscode.l10n.t('One item of the setting balanceJournal.traits was skipped: {0}', problems[0].message)
          : vscode.l10n.t('{0} items of the setting balanceJournal.traits were skipped: {1}', problems.length, problems[0].message);
      void showError(log, message, vscode.l10n.t('Open Settings')).then((action) => action && vscode.commands.executeCommand('workbench.action.openSettings', `${Settings.section}.${Settings.traits}`));
    }
  };
  apply();
  return vscode.workspace.onDidChangeConfiguration((event) => {
    if (!event.affectsConfiguration(`${Settings.section}.${Settings.traits}`)) return;
    apply();
  });
}
