import * as vscode from 'vscode';
import { Commands, Views } from '../ids';
import type { Services } from './services';

/** Balance Journal: Show Traits (the status bar's click) and the tree's "Show more" rows. */
export function registerShowTraits({ exposed }: Services): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(Commands.showTraits, () => vscode.commands.executeCommand(`${Views.traits}.focus`)),
    vscode.commands.registerCommand(Commands.showMoreEntries, (tag: unknown) => typeof tag === 'string' && exposed.treeProvider?.showMore(tag)),
  ];
}
