import * as vscode from 'vscode';

/**
 * An error the user can act on: what happened and what to do, logged, with `actions` and a
 * "Show Log" button. Resolves to the action chosen (other than Show Log), if any.
 */
export async function showError(log: vscode.LogOutputChannel, message: string, ...actions: string[]): Promise<string | undefined> {
  log.error(message);
  const choice = await vscode.window.showErrorMessage(`Balance Journal: ${message}`, ...actions, 'Show Log');
  if (choice === 'Show Log') log.show(true);
  return choice === 'Show Log' ? undefined : choice;
}
