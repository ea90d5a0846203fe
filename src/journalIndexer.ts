import * as vscode from 'vscode';
import { JournalRoot, affectsIndexing, checkedJournalRoots, findSymbolicLink, maxFileBytes } from './config';
import type { ProblemSink } from './features/entryDiagnostics';
import { Platform } from './platform/platform';
import { JournalIndex } from './core/journalIndex';
import { FileKind, JournalFileSystem, JournalSync, ScanResult, isMarkdownName } from './core/journalSync';

/** The journal's files through `workspace.fs` and the host's own reader (see Platform). */
function workspaceFileSystem(platform: Platform, roots: () => readonly JournalRoot[]): JournalFileSystem<vscode.Uri> {
  return {
    key: (uri) => uri.toString(),
    baseName: (uri) => uri.path.slice(uri.path.lastIndexOf('/') + 1),
    child: (directory, name) => vscode.Uri.joinPath(directory, name),
    parent: (uri) => uri.with({ path: uri.path.slice(0, Math.max(uri.path.lastIndexOf('/'), 1)) }),
    async readDirectory(directory) {
      const children = await vscode.workspace.fs.readDirectory(directory);
      return children.map(([name, type]) => [name, fileKind(type)] as const);
    },
    async stat(uri) {
      const stat = await vscode.workspace.fs.stat(uri);
      return { kind: fileKind(stat.type), size: stat.size };
    },
    readFile: (uri, maxBytes, headBytes) => platform.readFile(uri, maxBytes, headBytes),
    isNotFound: (error) => error instanceof vscode.FileSystemError && (error.code === 'FileNotFound' || error.code === 'EntryNotFound'),
    async rootIsSafe(uri) {
      // The folders from the workspace folder down to the journal, checked again on every batch.
      const root = roots().find((candidate) => 'uri' in candidate && candidate.uri.toString() === uri.toString());
      if (!root || !('uri' in root)) return false;
      return !root.relativePath || (await findSymbolicLink(root.folder.uri, root.relativePath.split('/'))) === undefined;
    },
  };
}

function fileKind(type: vscode.FileType): FileKind {
  // Symbolic links are not followed: they could lead outside the workspace, or loop.
  if (type & vscode.FileType.SymbolicLink) return 'other';
  if (type === vscode.FileType.Directory) return 'directory';
  return type === vscode.FileType.File ? 'file' : 'other';
}

/** Longer scans show a cancellable notification; shorter ones only the view's own progress. */
const PROGRESS_AFTER_MS = 1000;

/**
 * The index/watcher feature: wires `core/journalSync` to VS Code. One FileSystemWatcher per
 * workspace folder feeds it changed paths; each file's problems go to a ProblemSink.
 */
export class JournalIndexer implements vscode.Disposable {
  private readonly sync: JournalSync<vscode.Uri>;
  private watchers: vscode.Disposable[] = [];
  private readonly subscriptions: vscode.Disposable[] = [];
  private roots: JournalRoot[] = [];
  private progressReporter: vscode.Progress<{ message?: string; increment?: number }> | undefined;
  private lastReported = 0;
  private cancelledByUser = false;

  constructor(
    index: JournalIndex,
    problems: ProblemSink,
    private readonly log: vscode.LogOutputChannel,
    platform: Platform,
  ) {
    this.sync = new JournalSync(index, workspaceFileSystem(platform, () => this.roots), {
      problems: (uri, found) => problems.problems(uri, found),
      forgotten: (key) => problems.forgotten(key),
      log: (level, message) => this.log[level](message),
    });
    this.subscriptions.push(
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.restart('the workspace folders changed')),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (affectsIndexing(event)) this.restart('the journal folder or size limit setting changed');
      }),
    );
  }

  onDidChangeState(listener: () => void): vscode.Disposable {
    return this.sync.onDidChangeState(listener);
  }

  get isScanning(): boolean {
    return this.sync.isScanning;
  }

  get hasScanned(): boolean {
    return this.sync.hasScanned;
  }

  /** The last scan was stopped with the notification's Cancel button: counts are partial. */
  get wasCancelled(): boolean {
    return this.cancelledByUser;
  }

  /**
   * Whether `uri` is a Markdown file below one of the journal folders (as the scan sees them:
   * roots reached through a symbolic link are refused). Rename, references and the editor's
   * colours act only on such files.
   */
  contains(uri: vscode.Uri): boolean {
    if (!isMarkdownName(uri.path)) return false;
    const key = uri.toString();
    return this.roots.some((root) => {
      if (!('uri' in root)) return false;
      const prefix = `${root.uri.toString().replace(/\/$/, '')}/`;
      // The scan skips folders and files whose names start with `.`.
      return key.startsWith(prefix) && !key.slice(prefix.length).split('/').some((segment) => segment.startsWith('.'));
    });
  }

  /** Why a journal folder setting was refused, for the view's message. */
  get rootErrors(): string[] {
    return this.roots.flatMap((root) => ('error' in root ? [root.error] : []));
  }

  private starting: Promise<unknown> = Promise.resolve();

  /** Starts watching and scanning; the scan runs in the background. */
  start(): Promise<ScanResult> {
    const started = this.configure().then(() => this.rescan());
    this.starting = started.catch(() => undefined);
    return started;
  }

  /** A full scan; past a second it shows a notification that can cancel it. */
  rescan(): Promise<ScanResult> {
    const cancellation = new vscode.CancellationTokenSource();
    this.cancelledByUser = false;
    cancellation.token.onCancellationRequested(() => {
      this.cancelledByUser = true;
      this.log.info('Indexing cancelled by the user; counts are partial until Refresh.');
    });
    const scan = this.sync.rescan({ isCancelled: () => cancellation.token.isCancellationRequested, progress: (done, total) => this.reportProgress(done, total) });
    const timer = setTimeout(() => {
      void vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Balance Journal: indexing'), cancellable: true },
        (progress, token) => {
          token.onCancellationRequested(() => cancellation.cancel());
          this.progressReporter = progress;
          return scan;
        },
      );
    }, PROGRESS_AFTER_MS);
    return scan.finally(() => {
      clearTimeout(timer);
      this.progressReporter = undefined;
      cancellation.dispose();
    });
  }

  private reportProgress(done: number, total: number): void {
    if (!this.progressReporter || total === 0) return;
    const percent = (100 * done) / total;
    this.progressReporter.report({ message: vscode.l10n.t('{0} of {1} entries', done.toLocaleString(), total.toLocaleString()), increment: percent - this.lastReported });
    this.lastReported = done === total ? 0 : percent;
  }

  /** Resolves once the running scan and received file events are applied. */
  async settle(): Promise<void> {
    await this.starting;
    return this.sync.settle();
  }

  private restart(reason: string): void {
    this.log.info(`Rescanning: ${reason}.`);
    void this.start();
  }

  private async configure(): Promise<void> {
    this.roots = await checkedJournalRoots();
    this.sync.setMaxFileBytes(maxFileBytes());
    for (const error of this.rootErrors) this.log.warn(error);
    this.sync.setRoots(this.roots.flatMap((root) => ('uri' in root ? [root.uri] : [])));
    this.watchers.forEach((watcher) => watcher.dispose());
    this.watchers = [];
    for (const root of this.roots) {
      if (!('uri' in root)) continue;
      // The journal folder itself too, so that deleting or renaming it is noticed.
      const glob = root.relativePath ? `{${root.relativePath},${root.relativePath}/**}` : '**';
      const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(root.folder, glob));
      this.watchers.push(
        watcher,
        watcher.onDidCreate((uri) => this.sync.changed(uri)),
        watcher.onDidChange((uri) => this.sync.changed(uri)),
        watcher.onDidDelete((uri) => this.sync.deleted(uri)),
      );
    }
  }

  dispose(): void {
    this.sync.dispose();
    this.watchers.forEach((watcher) => watcher.dispose());
    this.subscriptions.forEach((subscription) => subscription.dispose());
  }
}
