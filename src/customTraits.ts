import * as vscode from 'vscode';
import { configureTraits } from './core/traits';
import { Settings } from './ids';
import { showError } from './userMessages';

/**
 * The setting balanceJournal.traits: your own traits, or your own prompts for the built-in ones.
 * Applied at start-up and whenever it changes; `onDidApply` redraws what shows traits.
 */
export function registerCustomTraits(log: vscode.LogOutputChannel, onDidApply: () => void): vscode.Disposable {
  const apply = () => {
    const problems = configureTraits(vscode.workspace.getConfiguration(Settings.section).get<unknown>(Settings.traits));
    for (const problem of problems) log.warn(problem.message);
    if (problems.length > 0) {
      void showError(
        log,
        `${problems.length === 1 ? 'One item' : `${problems.length} items`} of the setting balanceJournal.traits ${problems.length === 1 ? 'was' : 'were'} skipped: ${problems[0].message}`,
        'Open Settings',
      ).then((action) => action && vscode.commands.executeCommand('workbench.action.openSettings', `${Settings.section}.${Settings.traits}`));
    }
  };
  apply();
  return vscode.workspace.onDidChangeConfiguration((event) => {
    if (!event.affectsConfiguration(`${Settings.section}.${Settings.traits}`)) return;
    apply();
    onDidApply();
  });
}
