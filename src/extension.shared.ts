import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import { JournalIndex } from './core/journalIndex';
import { registerBalanceReport } from './balanceReport';
import { affectsBalance } from './config';
import { registerCustomTraits } from './customTraits';
import { Commands, Views } from './ids';
import { EntryTemplates } from './entryTemplates';
import { JournalIndexer } from './journalIndexer';
import { JournalWriter } from './journalFiles';
import { Platform } from './platform/platform';
import { registerNewEntryCommands } from './newEntryCommand';
import { BalanceStatusBar } from './statusBar';
import { registerTagCompletion } from './tagCompletion';
import { registerTraitHover } from './traitHover';
import { TraitTreeProvider, TraitsView } from './traitTree';
import { registerWeeklyReview } from './weeklyReview';

/** What another extension (or a test) may read of the journal; nothing here changes it. */
export type ReadonlyJournalIndex = Pick<JournalIndex, 'size' | 'get' | 'keys' | 'values' | 'countOf' | 'balance' | 'entriesTagged' | 'entriesOn' | 'otherTags' | 'onDidChange'>;

/** A view of the index without `set`, `delete`, `clear` or `batch`. */
function readonlyView(index: JournalIndex): ReadonlyJournalIndex {
  return Object.freeze({
    get size() {
      return index.size;
    },
    get: (key: string) => index.get(key),
    keys: () => index.keys(),
    values: () => index.values(),
    countOf: (tag: string) => index.countOf(tag),
    balance: (tolerance?: number) => index.balance(tolerance),
    entriesTagged: (tag: string) => index.entriesTagged(tag),
    entriesOn: (day: string) => index.entriesOn(day),
    otherTags: () => index.otherTags(),
    onDidChange: (listener: () => void) => index.onDidChange(listener),
  });
}

/** What the extension hands to tests and to other extensions. */
export interface BalanceJournalApi {
  readonly index: ReadonlyJournalIndex;
  /** Resolves once the running scan and received file events are applied. */
  settle(): Promise<void>;
  readonly treeProvider: TraitTreeProvider;
  readonly statusBar: BalanceStatusBar;
}

/**
 * Activation shared by the Node and the web worker extension hosts; each entry point passes what
 * differs between them (reading and creating files).
 */
export function activateShared(context: vscode.ExtensionContext, platform: Platform): BalanceJournalApi {
  // The core (no vscode) translates through @vscode/l10n: give it VS Code's bundle for this language.
  if (vscode.l10n.bundle) l10n.config({ contents: vscode.l10n.bundle });
  const log = vscode.window.createOutputChannel('Balance Journal', { log: true });
  // Your own traits first: everything below reads the trait list.
  const customTraits = registerCustomTraits(log, () => {
    treeProvider.refresh();
    statusBar.update();
  });
  const diagnostics = vscode.languages.createDiagnosticCollection('balance-journal');
  const index = new JournalIndex();
  const indexer = new JournalIndexer(index, diagnostics, log, platform);
  const writer = new JournalWriter(platform);
  const treeProvider = new TraitTreeProvider(index);
  const statusBar = new BalanceStatusBar(index);
  const templates = new EntryTemplates(log, platform);

  context.subscriptions.push(
    log,
    customTraits,
    diagnostics,
    indexer,
    treeProvider,
    new TraitsView(index, indexer, treeProvider),
    statusBar,
    registerTraitHover(index),
    registerTagCompletion(index),
    templates,
    ...registerNewEntryCommands(index, log, templates, writer),
    registerWeeklyReview(index, log, () => indexer.settle(), writer),
    ...registerBalanceReport(index, log, context.extensionUri, writer),
    vscode.commands.registerCommand(Commands.refresh, () =>
      // A full restart: settings, links and watchers are checked again, then every file is read.
      vscode.window.withProgress({ location: { viewId: Views.traits }, title: vscode.l10n.t('Rescanning journal') }, () => indexer.start()),
    ),
    vscode.commands.registerCommand(Commands.showTraits, () => vscode.commands.executeCommand(`${Views.traits}.focus`)),
    vscode.commands.registerCommand(Commands.showMoreEntries, (tag: unknown) => typeof tag === 'string' && treeProvider.showMore(tag)),
    vscode.workspace.onDidChangeConfiguration((event) => affectsBalance(event) && treeProvider.refresh()),
  );

  // The first scan runs in the background: activation returns at once.
  void indexer.start().catch((error) => log.error(`Indexing failed: ${String(error)}`));

  return { index: readonlyView(index), settle: () => indexer.settle(), treeProvider, statusBar };
}

