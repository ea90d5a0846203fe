import * as vscode from 'vscode';
import { JournalModel } from '../core/journalModel';
import { Commands, ContextKeys, Views } from '../ids';
import { Trait, traitById } from '../core/traits';
import type { JournalIndexer } from '../journalIndexer';
import { Disposable } from '../util/dispose';
import type { Services } from './services';
import { TraitTreeNode, TraitTreeProvider } from './traitTree';

/** Long scans show a message after this long; short ones none, so Refresh does not flicker. */
const SCAN_MESSAGE_AFTER_MS = 500;

/**
 * The Traits view around the provider: its message while indexing (or why the journal folder
 * was refused, or that a cancelled scan left partial counts) and the context keys that choose
 * its welcome content.
 */
export class TraitsView extends Disposable {
  private readonly view: vscode.TreeView<TraitTreeNode>;
  private readonly contextKeys = new Map<string, boolean>();
  private scanStartedAt: number | undefined;
  private messageTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly model: JournalModel,
    private readonly indexer: JournalIndexer,
    private readonly provider: TraitTreeProvider,
  ) {
    super();
    this.view = this._register(vscode.window.createTreeView(Views.traits, { treeDataProvider: provider, showCollapseAll: true }));
    this._register(indexer.onDidChangeState(() => this.update()));
    this._register(model.onDidChange(() => this.update()));
    this._register({ dispose: () => this.messageTimer && clearTimeout(this.messageTimer) });
    this.update();
  }

  private update(): void {
    const { indexer } = this;
    const index = this.model.index;
    if (indexer.isScanning) this.scanStartedAt ??= Date.now();
    else this.scanStartedAt = undefined;
    const longScan = this.scanStartedAt !== undefined && (index.size === 0 || Date.now() - this.scanStartedAt >= SCAN_MESSAGE_AFTER_MS);
    if (this.scanStartedAt !== undefined && !longScan && !this.messageTimer) {
      this.messageTimer = setTimeout(() => {
        this.messageTimer = undefined;
        this.update();
      }, SCAN_MESSAGE_AFTER_MS);
    }
    this.view.message = indexer.isValidating
      ? // The last session's counts, shown at once; the check makes them exact.
        vscode.l10n.t('Checking your journal for changes since the last session… {0} entries.', index.expectedSize.toLocaleString())
      : longScan
      ? index.size > 0
        ? vscode.l10n.t('Indexing your journal… {0} entries so far.', index.size.toLocaleString())
        : vscode.l10n.t('Indexing your journal…')
      : indexer.wasCancelled
        ? vscode.l10n.t('Indexing was cancelled, so these counts are partial. Use Refresh to index again.')
        : indexer.rootErrors[0];
    this.setContext(ContextKeys.ready, indexer.hasScanned || index.size > 0);
    // Reflections only: a journal of reviews and reports alone still needs its first entry.
    this.setContext(ContextKeys.hasEntries, index.countOfKind('entry') > 0);
  }

  /** Shows a trait's entries: its row in the view, selected and expanded. */
  async revealTrait(trait: Trait): Promise<void> {
    await this.view.reveal(this.provider.traitNode(trait), { select: true, focus: true, expand: true });
  }

  private setContext(key: string, value: boolean): void {
    // Index changes come in bursts during a scan; only real changes go to the window.
    if (this.contextKeys.get(key) === value) return;
    this.contextKeys.set(key, value);
    void vscode.commands.executeCommand('setContext', key, value);
  }
}

/** The Traits view: its tree, its message and welcome content, and the commands of its rows. */
export function registerTraitsView(services: Services): vscode.Disposable[] {
  const provider = new TraitTreeProvider(services.model);
  services.exposed.treeProvider = provider;
  const view = new TraitsView(services.model, services.indexer, provider);
  return [
    provider,
    view,
    // The report's trait names: `balanceJournal.showTraitEntries` with a trait id.
    vscode.commands.registerCommand(Commands.showTraitEntries, async (id: unknown) => {
      const trait = typeof id === 'string' ? traitById(id) : undefined;
      if (!trait) return false;
      await view.revealTrait(trait);
      return true;
    }),
  ];
}

