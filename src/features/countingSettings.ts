import * as vscode from 'vscode';
import { balanceTolerance, followUpDays, neglectDays } from '../config';
import { Settings } from '../ids';
import type { Services } from './services';

/**
 * The settings that shape counting (balanceJournal.balanceTolerance, balanceJournal.neglectDays,
 * balanceJournal.followUpDays)
 * are read here only, and handed to the model: every feature hears of a change in its one event.
 */
export function registerCountingSettings({ model }: Services): vscode.Disposable {
  const apply = () => model.configure({ tolerance: balanceTolerance(), neglectDays: neglectDays(), followUpDays: followUpDays() });
  apply();
  return vscode.workspace.onDidChangeConfiguration((event) => {
    if (event.affectsConfiguration(`${Settings.section}.${Settings.balanceTolerance}`) || event.affectsConfiguration(`${Settings.section}.${Settings.neglectDays}`) || event.affectsConfiguration(`${Settings.section}.${Settings.followUpDays}`)) apply();
  });
}
