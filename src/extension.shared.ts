import * as l10n from '@vscode/l10n';
import { configureDateLocale } from './core/dates';
import * as vscode from 'vscode';
import { JournalIndex } from './core/journalIndex';
import { JournalModel } from './core/journalModel';
import { EntryDiagnostics } from './features/entryDiagnostics';
import { EntryTemplates } from './features/entryTemplates';
import { FEATURES } from './features/index';
import type { Services } from './features/services';
import type { DailyReminder } from './features/reminder';
import type { BalanceStatusBar } from './features/statusBar';
import type { TagColors } from './features/tagColors';
import { MarkdownItLike, previewBadges } from './core/previewBadges';
import type { TraitTreeProvider } from './features/traitTree';
import { JournalWriter } from './journalFiles';
import { IndexCacheStore } from './indexCacheStore';
import { JournalIndexer, StartResult } from './journalIndexer';
import { Platform } from './platform/platform';

/** What another extension (or a test) may read of the journal; nothing here changes it. */
export type ReadonlyJournalIndex = Pick<
  JournalIndex,
  | 'size'
  | 'expectedSize'
  | 'isRestoring'
  | 'get'
  | 'keys'
  | 'values'
  | 'reflections'
  | 'notesOf'
  | 'countOfKind'
  | 'countOf'
  | 'feedbackCountOf'
  | 'withOpenCommitments'
  | 'followUpsOf'
  | 'balance'
  | 'entriesTagged'
  | 'notesTagged'
  | 'allTags'
  | 'entriesOn'
  | 'otherTags'
  | 'onDidChange'
>;

/** A view of the index without `set`, `delete`, `clear` or `batch`. */
function readonlyView(index: JournalIndex): ReadonlyJournalIndex {
  return Object.freeze({
    get size() {
      return index.size;
    },
    get expectedSize() {
      return index.expectedSize;
    },
    get isRestoring() {
      return index.isRestoring;
    },
    get: (key: string) => index.get(key),
    keys: () => index.keys(),
    values: () => index.values(),
    reflections: () => index.reflections(),
    notesOf: (kind: Parameters<JournalIndex['notesOf']>[0]) => index.notesOf(kind),
    countOfKind: (kind: Parameters<JournalIndex['countOfKind']>[0]) => index.countOfKind(kind),
    countOf: (tag: string) => index.countOf(tag),
    feedbackCountOf: (tag: string) => index.feedbackCountOf(tag),
    withOpenCommitments: () => index.withOpenCommitments(),
    followUpsOf: (entry: Parameters<JournalIndex['followUpsOf']>[0]) => index.followUpsOf(entry),
    balance: (tolerance?: number) => index.balance(tolerance),
    entriesTagged: (tag: string) => index.entriesTagged(tag),
    notesTagged: (tag: string) => index.notesTagged(tag),
    allTags: () => index.allTags(),
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
  /** For the extension's own tests: the index cache, written and read as in a new window. */
  readonly testing: {
    /** The cache file in the extension's storage. */
    readonly cacheUri: vscode.Uri | undefined;
    /** Writes the cache now if a write is due. */
    flushCache(): Promise<void>;
    /** What the next window does: the index emptied, filled from the cache, checked against the disk. */
    reload(): Promise<StartResult>;
  };
  /** The daily reminder (balanceJournal.reminder). */
  readonly reminder: DailyReminder;
  /** The trait tags coloured in each editor (the tests read them). */
  readonly tagColors: Pick<TagColors, 'rangesOf'>;
  /**
   * VS Code's Markdown preview calls this (package.json `markdown.markdownItPlugins`): tags become
   * badges, trait tags in their side's colour with the trait's name as a tooltip.
   */
  extendMarkdownIt<T>(md: T): T;
}

/**
 * Activation shared by the Node and the web worker extension hosts; each entry point passes what
 * differs between them (reading and creating files). Builds the model and the services, then
 * registers every feature of `features/index.ts`. Nothing is awaited: the first scan runs in the
 * background.
 */
export function activateShared(context: vscode.ExtensionContext, platform: Platform): BalanceJournalApi {
  // The core (no vscode) translates through @vscode/l10n: give it VS Code's bundle for this language.
  if (vscode.l10n.bundle) l10n.config({ contents: vscode.l10n.bundle });
  // Dates to read follow VS Code's display language too (core/dates).
  configureDateLocale(vscode.env.language);
  const log = vscode.window.createOutputChannel('Balance Journal', { log: true });
  const model = new JournalModel();
  const diagnostics = new EntryDiagnostics();
  const cache = new IndexCacheStore(context.storageUri ?? context.globalStorageUri, log);
  const version = String((context.extension?.packageJSON as { version?: unknown } | undefined)?.version ?? 'unknown');
  const indexer = new JournalIndexer(model.index, diagnostics, log, platform, cache, version);
  const services: Services = {
    context,
    log,
    platform,
    model,
    indexer,
    // What the extension writes is indexed at once, not when the file watcher gets to it.
    writer: new JournalWriter(platform, (uri) => indexer.written(uri)),
    templates: new EntryTemplates(log, platform),
    exposed: {},
  };
  context.subscriptions.push(log, { dispose: () => model.dispose() }, diagnostics, indexer, services.templates);
  for (const feature of FEATURES) {
    const registered = feature(services);
    context.subscriptions.push(...(Array.isArray(registered) ? registered : [registered as vscode.Disposable]));
  }

  void indexer.start('activation').catch((error) => log.error(`Indexing failed: ${String(error)}`));

  return {
    index: readonlyView(model.index),
    // Settled means every feature has heard of it too.
    settle: () => indexer.settle().then(() => model.flush()),
    treeProvider: services.exposed.treeProvider!,
    statusBar: services.exposed.statusBar!,
    testing: Object.freeze({
      cacheUri: indexer.cacheUri,
      flushCache: () => indexer.flushCache(),
      reload: async () => {
        const result = await indexer.start('reload');
        await indexer.settle();
        model.flush();
        return result;
      },
    }),
    reminder: services.exposed.reminder!,
    tagColors: { rangesOf: (uri) => services.exposed.tagColors?.rangesOf(uri) },
    extendMarkdownIt<T>(md: T): T {
      previewBadges(md as unknown as MarkdownItLike);
      return md;
    },
  };
}
