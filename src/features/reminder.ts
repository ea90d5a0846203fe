import * as vscode from 'vscode';
import { allTraits } from '../core/traits';
import { localDay } from '../core/entryFactory';
import { JournalModel } from '../core/journalModel';
import { Reminder, msUntilNextCheck, readReminder, reminderDue } from '../core/reminder';
import { Commands, Settings } from '../ids';
import type { JournalIndexer } from '../journalIndexer';
import { Disposable } from '../util/dispose';
import type { Services } from './services';

const LAST_SHOWN_KEY = 'balanceJournal.reminderLastShown';

/**
 * balanceJournal.reminder (off by default): at the chosen local time on the chosen days, when no
 * entry was written today, one quiet status-bar item (and, if asked, a notification) offers New
 * Entry with today's suggested trait. Never twice a day, never when an entry exists, gone once
 * one is written.
 */
export class DailyReminder extends Disposable {
  private reminder: Reminder | undefined;
  private item: vscode.StatusBarItem | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly model: JournalModel,
    private readonly indexer: JournalIndexer,
    private readonly memory: vscode.Memento,
    private readonly log: vscode.LogOutputChannel,
  ) {
    super();
    this._register(vscode.workspace.onDidChangeConfiguration((event) => event.affectsConfiguration(`${Settings.section}.${Settings.reminder}`) && this.configure()));
    this._register(model.onDidChange(() => this.check()));
    this._register(indexer.onDidChangeState(() => this.check()));
    this._register({ dispose: () => this.timer && clearTimeout(this.timer) });
    this.configure();
  }

  private configure(): void {
    const read = readReminder(vscode.workspace.getConfiguration(Settings.section).get<unknown>(Settings.reminder));
    if (read.error) this.log.warn(read.error);
    this.reminder = read.reminder;
    this.check();
  }

  private hasEntryToday(now: Date): boolean {
    return this.model.index.entriesOn(localDay(now)).length > 0;
  }

  /** Shows, keeps or hides the item, and plans the next look. */
  check(now = new Date()): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const reminder = this.reminder;
    if (!reminder) {
      this.hide();
      return;
    }
    const today = localDay(now);
    const shownToday = this.item !== undefined && this.memory.get<string>(LAST_SHOWN_KEY) === today;
    if (this.item && (!shownToday || this.hasEntryToday(now))) this.hide();
    // Only once the journal is read: before, "no entry today" may be wrong.
    const ready = this.indexer.hasScanned && !this.indexer.isScanning;
    if (ready && !this.item && reminderDue(reminder, now, { hasEntryToday: this.hasEntryToday(now), lastShownDay: this.memory.get<string>(LAST_SHOWN_KEY) })) this.show(reminder, today);
    const midnight = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, 0, 0, 5).getTime() - now.getTime();
    this.timer = setTimeout(() => this.check(), Math.min(midnight, msUntilNextCheck(reminder, now)));
  }

  private show(reminder: Reminder, today: string): void {
    void this.memory.update(LAST_SHOWN_KEY, today);
    // Today's suggestion by the one rule (core/nextTrait).
    const trait = this.model.nextTrait()?.trait ?? allTraits()[0];
    const args = { traits: [trait.id] };
    const item = vscode.window.createStatusBarItem('balanceJournal.reminder', vscode.StatusBarAlignment.Left, 0);
    item.name = vscode.l10n.t('Balance Journal reminder');
    item.text = `$(edit) ${vscode.l10n.t('Reflect on {0}', trait.label)}`;
    item.tooltip = vscode.l10n.t('No entry yet today. Write one on {0}, today\'s suggested trait? (setting balanceJournal.reminder)', trait.label);
    item.command = { command: Commands.newEntry, title: vscode.l10n.t('New Entry'), arguments: [args] };
    item.show();
    this.item = item;
    if (reminder.notify) {
      const write = vscode.l10n.t('New Entry');
      void vscode.window.showInformationMessage(vscode.l10n.t('No journal entry yet today. A few minutes on {0}?', trait.label), write).then((choice) => {
        if (choice === write) void vscode.commands.executeCommand(Commands.newEntry, args);
      });
    }
  }

  private hide(): void {
    this.item?.dispose();
    this.item = undefined;
  }

  /** For tests: whether the status bar item is shown. */
  get visible(): boolean {
    return this.item !== undefined;
  }

  override dispose(): void {
    this.hide();
    super.dispose();
  }
}

export function registerReminder({ model, indexer, context, log, exposed }: Services): vscode.Disposable {
  const reminder = new DailyReminder(model, indexer, context.workspaceState, log);
  exposed.reminder = reminder;
  return reminder;
}
