import * as vscode from 'vscode';
import { balanceDetails, describeBalance, shortBalance } from '../core/balance';
import { escapeMarkdown } from '../core/hoverText';
import { JournalModel } from '../core/journalModel';
import { Disposable } from '../util/dispose';
import type { Services } from './services';
import { Commands } from '../ids';

/** The balance at a glance (`L 44% · M 56%`); a click reveals the Traits view. */
export class BalanceStatusBar extends Disposable {
  private readonly item = this._register(vscode.window.createStatusBarItem('balanceJournal.balance', vscode.StatusBarAlignment.Left, 10));

  constructor(private readonly model: JournalModel) {
    super();
    this.item.name = vscode.l10n.t('Balance Journal');
    this.item.command = Commands.showTraits;
    this._register(model.onDidChange(() => this.update()));
    this._register(vscode.workspace.onDidChangeWorkspaceFolders(() => this.update()));
    this.update();
  }

  update(): void {
    if (!vscode.workspace.workspaceFolders?.length) {
      this.item.hide();
      return;
    }
    const balance = this.model.balance();
    this.item.text = `$(law) ${shortBalance(balance)}`;
    const tooltip = new vscode.MarkdownString(`**${vscode.l10n.t('Balance Journal')}**: ${escapeMarkdown(describeBalance(balance))}\n\n`);
    // The lines name traits, and a trait of your own has a label from a workspace's settings.
    tooltip.appendMarkdown(balanceDetails(balance, { suggestion: balance.state === 'empty' ? undefined : this.model.nextTrait() }).map(escapeMarkdown).join('  \n'));
    tooltip.appendMarkdown(`\n\n${vscode.l10n.t('Click to show the Traits view.')}`);
    this.item.tooltip = tooltip;
    this.item.accessibilityInformation = { label: vscode.l10n.t('Balance Journal: {0}', describeBalance(balance)) };
    this.item.show();
  }

  get text(): string {
    return this.item.text;
  }
}

export function registerStatusBar(services: Services): vscode.Disposable {
  const statusBar = new BalanceStatusBar(services.model);
  services.exposed.statusBar = statusBar;
  return statusBar;
}
