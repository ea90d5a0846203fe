import * as vscode from 'vscode';

/**
 * An error the user can act on: what happened and what to do, logged, with `actions` and a
 * "Show Log" button. Resolves to the action chosen (other than Show Log), if any.
 */
export async function showError(log: vscode.LogOutputChannel, message: string, ...actions: string[]): Promise<string | undefined> {
  log.error(message);
  const showLog = vscode.l10n.t('Show Log');
  const choice = await vscode.window.showErrorMessage(vscode.l10n.t('Balance Journal: {0}', message), ...actions, showLog);
  if (choice === showLog) log.show(true);
  return choice === showLog ? undefined : choice;
}
