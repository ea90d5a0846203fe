import * as vscode from 'vscode';
import { JournalIndex } from './core/journalIndex';
import { Commands, ContextKeys, Views } from './ids';
import { JournalIndexer } from './journalIndexer';
import { registerNewEntryCommands } from './newEntryCommand';
import { BalanceStatusBar } from './statusBar';
import { registerTagCompletion } from './tagCompletion';
import { registerTraitHover } from './traitHover';
import { TraitTreeProvider } from './traitTree';

const SCAN_MESSAGE_AFTER_MS = 500;

/** What the extension hands to tests and to other extensions. */
export interface BalanceJournalApi {
  readonly index: JournalIndex;
  /** Resolves once the running scan and received file events are applied. */
  settle(): Promise<void>;
  readonly treeProvider: TraitTreeProvider;
  readonly statusBar: BalanceStatusBar;
}

export function activate(context: vscode.ExtensionContext): BalanceJournalApi {
  const log = vscode.window.createOutputChannel('Balance Journal', { log: true });
  const diagnostics = vscode.languages.createDiagnosticCollection('balance-journal');
  const index = new JournalIndex();
  const indexer = new JournalIndexer(index, diagnostics, log);
  const treeProvider = new TraitTreeProvider(index);
  const treeView = vscode.window.createTreeView(Views.traits, { treeDataProvider: treeProvider, showCollapseAll: true });
  const statusBar = new BalanceStatusBar(index);

  const contextKeys = new Map<string, boolean>();
  const setContext = (key: string, value: boolean) => {
    // Index changes come in bursts during a scan; only real changes go to the window.
    if (contextKeys.get(key) === value) return;
    contextKeys.set(key, value);
    void vscode.commands.executeCommand('setContext', key, value);
  };
  let scanStartedAt: number | undefined;
  let messageTimer: ReturnType<typeof setTimeout> | undefined;
  const updateViewState = () => {
    if (indexer.isScanning) scanStartedAt ??= Date.now();
    else scanStartedAt = undefined;
    // A short scan shows no message (no flicker on Refresh); a long one says how far it got.
    const longScan = scanStartedAt !== undefined && (index.size === 0 || Date.now() - scanStartedAt >= SCAN_MESSAGE_AFTER_MS);
    if (scanStartedAt !== undefined && !longScan && !messageTimer) {
      messageTimer = setTimeout(() => {
        messageTimer = undefined;
        updateViewState();
      }, SCAN_MESSAGE_AFTER_MS);
    }
    treeView.message = longScan
      ? `Indexing your journal…${index.size > 0 ? ` ${index.size.toLocaleString()} entries so far.` : ''}`
      : indexer.wasCancelled
        ? 'Indexing was cancelled, so these counts are partial. Use Refresh to index again.'
        : indexer.rootErrors[0];
    setContext(ContextKeys.ready, indexer.hasScanned || index.size > 0);
    setContext(ContextKeys.hasEntries, index.size > 0);
  };

  context.subscriptions.push(
    log,
    diagnostics,
    indexer,
    treeProvider,
    treeView,
    statusBar,
    registerTraitHover(index),
    registerTagCompletion(index),
    ...registerNewEntryCommands(index, log),
    vscode.commands.registerCommand(Commands.refresh, () =>
      vscode.window.withProgress({ location: { viewId: Views.traits }, title: 'Rescanning journal' }, () => indexer.rescan()),
    ),
    vscode.commands.registerCommand(Commands.showTraits, () => vscode.commands.executeCommand(`${Views.traits}.focus`)),
    vscode.commands.registerCommand(Commands.showMoreEntries, (tag: unknown) => typeof tag === 'string' && treeProvider.showMore(tag)),
    indexer.onDidChangeState(updateViewState),
    { dispose: () => messageTimer && clearTimeout(messageTimer) },
    index.onDidChange(updateViewState),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('balanceJournal.balanceTolerance')) treeProvider.refresh();
    }),
  );

  // The first scan runs in the background: activation returns at once.
  void indexer.start().catch((error) => log.error(`Indexing failed: ${String(error)}`));
  updateViewState();

  return { index, settle: () => indexer.settle(), treeProvider, statusBar };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
