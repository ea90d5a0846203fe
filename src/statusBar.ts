import * as vscode from 'vscode';
import { affectsBalance, balanceTolerance } from './config';
import { balanceDetails, describeBalance, shortBalance } from './core/balance';
import { escapeMarkdown } from './core/hoverText';
import { JournalIndex } from './core/journalIndex';
import { Commands } from './ids';

/** The balance at a glance (`L 44% · M 56%`); a click reveals the Traits view. */
export class BalanceStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('balanceJournal.balance', vscode.StatusBarAlignment.Left, 10);
  private readonly subscriptions: { dispose(): void }[];

  constructor(private readonly index: JournalIndex) {
    this.item.name = vscode.l10n.t('Balance Journal');
    this.item.command = Commands.showTraits;
    this.subscriptions = [
      index.onDidChange(() => this.update()),
      vscode.workspace.onDidChangeConfiguration((event) => affectsBalance(event) && this.update()),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.update()),
    ];
    this.update();
  }

  update(): void {
    if (!vscode.workspace.workspaceFolders?.length) {
      this.item.hide();
      return;
    }
    const balance = this.index.balance(balanceTolerance());
    this.item.text = `$(law) ${shortBalance(balance)}`;
    const tooltip = new vscode.MarkdownString(`**${vscode.l10n.t('Balance Journal')}**: ${escapeMarkdown(describeBalance(balance))}\n\n`);
    // The lines name traits, and a trait of your own has a label from a workspace's settings.
    tooltip.appendMarkdown(balanceDetails(balance, this.index.countOf).map(escapeMarkdown).join('  \n'));
    tooltip.appendMarkdown(`\n\n${vscode.l10n.t('Click to show the Traits view.')}`);
    this.item.tooltip = tooltip;
    this.item.accessibilityInformation = { label: vscode.l10n.t('Balance Journal: {0}', describeBalance(balance)) };
    this.item.show();
  }

  get text(): string {
    return this.item.text;
  }

  dispose(): void {
    this.subscriptions.forEach((subscription) => subscription.dispose());
    this.item.dispose();
  }
}
