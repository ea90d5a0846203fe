import type * as vscode from 'vscode';
import type { JournalModel } from '../core/journalModel';
import type { JournalWriter } from '../journalFiles';
import type { JournalIndexer } from '../journalIndexer';
import type { Platform } from '../platform/platform';
import type { EntryTemplates } from './entryTemplates';
import type { DailyReminder } from './reminder';
import type { BalanceStatusBar } from './statusBar';
import type { TagColors } from './tagColors';
import type { TraitTreeProvider } from './traitTree';

/** What every feature is given: the one journal model, and the few services that write or watch. */
export interface Services {
  readonly context: vscode.ExtensionContext;
  readonly log: vscode.LogOutputChannel;
  readonly platform: Platform;
  /** The journal every feature reads; its one change event covers files, traits and settings. */
  readonly model: JournalModel;
  /** Keeps the model equal to the files (scans, the file watcher). */
  readonly indexer: JournalIndexer;
  /** The one way to write into the journal. */
  readonly writer: JournalWriter;
  readonly templates: EntryTemplates;
  /** What features hand to the extension's API (the tests read the tree and the status bar). */
  readonly exposed: { treeProvider?: TraitTreeProvider; statusBar?: BalanceStatusBar; reminder?: DailyReminder; tagColors?: TagColors };
}

/** A feature registers what it contributes and returns what must be disposed. */
export type Feature = (services: Services) => vscode.Disposable | readonly vscode.Disposable[];
