// A stand-in for the `vscode` module, just enough to run the real dist/extension.js in plain Node
// for the benchmark. `workspace.fs` is backed by Node's asynchronous fs, like VS Code's own
// (which adds an IPC hop on top). Everything else records what the extension registers.
'use strict';
const fs = require('node:fs/promises');
const posix = require('node:path').posix;

class StandInDisposable {
  constructor(fn = () => {}) {
    this.fn = fn;
  }
  dispose() {
    this.fn();
  }
  static from(...items) {
    return new StandInDisposable(() => items.forEach((item) => item?.dispose()));
  }
}

class EventEmitter {
  constructor() {
    this.listeners = new Set();
    this.event = (listener) => {
      this.listeners.add(listener);
      return new StandInDisposable(() => this.listeners.delete(listener));
    };
  }
  fire(value) {
    for (const listener of [...this.listeners]) listener(value);
  }
  dispose() {
    this.listeners.clear();
  }
}

class Uri {
  constructor(path) {
    this.scheme = 'file';
    this.path = path;
    this.fsPath = path;
  }
  static file(path) {
    return new Uri(path);
  }
  static parse(value) {
    return new Uri(decodeURI(value.replace(/^file:\/\//, '')));
  }
  static joinPath(base, ...segments) {
    return new Uri(posix.join(base.path, ...segments));
  }
  with(change) {
    return new Uri(change.path ?? this.path);
  }
  toString() {
    // VS Code's URI caches its string form too.
    return (this.formatted ??= `file://${encodeURI(this.path)}`);
  }
}

const FileType = { Unknown: 0, File: 1, Directory: 2, SymbolicLink: 64 };

class FileSystemError extends Error {
  constructor(message, code) {
    super(message);
    this.code = code;
  }
  static FileNotFound(uri) {
    return new FileSystemError(String(uri), 'FileNotFound');
  }
}

function wrapFsError(error) {
  if (error && error.code === 'ENOENT') return new FileSystemError(error.message, 'FileNotFound');
  return error;
}

const stats = { readFile: 0, readDirectory: 0, writeFile: 0 };

// The Node host reads journal files with node:fs directly (open with O_NOFOLLOW, then fstat and
// read; synchronously in slices, or through the thread pool): count those opens as reads, so the
// checks of the benchmark see every file read.
const fsCallbacks = require('node:fs');
const realOpen = fsCallbacks.open;
fsCallbacks.open = function open(file, ...rest) {
  if (String(file).endsWith('.md')) stats.readFile++;
  return realOpen.call(this, file, ...rest);
};
const realOpenSync = fsCallbacks.openSync;
fsCallbacks.openSync = function openSync(file, ...rest) {
  if (String(file).endsWith('.md')) stats.readFile++;
  return realOpenSync.call(this, file, ...rest);
};

const workspaceFs = {
  async readDirectory(uri) {
    stats.readDirectory++;
    try {
      const entries = await fs.readdir(uri.fsPath, { withFileTypes: true });
      return entries.map((entry) => [entry.name, entry.isSymbolicLink() ? FileType.SymbolicLink : entry.isDirectory() ? FileType.Directory : entry.isFile() ? FileType.File : FileType.Unknown]);
    } catch (error) {
      throw wrapFsError(error);
    }
  },
  async readFile(uri) {
    if (uri.fsPath.endsWith('.md')) stats.readFile++;
    try {
      return await fs.readFile(uri.fsPath); // a Buffer is a Uint8Array
    } catch (error) {
      throw wrapFsError(error);
    }
  },
  async stat(uri) {
    try {
      const s = await fs.lstat(uri.fsPath);
      const type = s.isSymbolicLink() ? FileType.SymbolicLink : s.isDirectory() ? FileType.Directory : s.isFile() ? FileType.File : FileType.Unknown;
      return { type, size: s.size, mtime: s.mtimeMs, ctime: s.ctimeMs };
    } catch (error) {
      throw wrapFsError(error);
    }
  },
  // Used by the extension for its own storage only (the index cache).
  async writeFile(uri, bytes) {
    stats.writeFile++;
    await fs.writeFile(uri.fsPath, bytes);
  },
  async createDirectory(uri) {
    await fs.mkdir(uri.fsPath, { recursive: true });
  },
  async rename(from, to) {
    await fs.rename(from.fsPath, to.fsPath);
  },
  async delete(uri) {
    try {
      await fs.rm(uri.fsPath, { recursive: true });
    } catch (error) {
      throw wrapFsError(error);
    }
  },
};

const watchers = [];
const hoverProviders = [];
const commands = new Map();
const configurationEmitter = new EventEmitter();
const foldersEmitter = new EventEmitter();

class MarkdownString {
  constructor(value = '') {
    this.value = value;
  }
  appendMarkdown(value) {
    this.value += value;
    return this;
  }
  appendText(value) {
    this.value += value.replace(/[\\`*_{}[\]()#+\-.!]/g, '\\$&');
    return this;
  }
}

class Position {
  constructor(line, character) {
    this.line = line;
    this.character = character;
  }
}

class Range {
  constructor(a, b, c, d) {
    if (a instanceof Position) {
      this.start = a;
      this.end = b;
    } else {
      this.start = new Position(a, b);
      this.end = new Position(c, d);
    }
  }
}

function logChannel() {
  const noop = () => {};
  return { info: noop, warn: noop, error: noop, debug: noop, trace: noop, appendLine: noop, show: noop, dispose: noop };
}

/** vscode.l10n without a bundle: English, with {0} or {name} filled in. */
const l10n = {
  bundle: undefined,
  t(message, ...args) {
    const text = typeof message === 'string' ? message : message.message;
    const values = args.length === 1 && typeof args[0] === 'object' && args[0] !== null ? args[0] : typeof message === 'object' ? message.args ?? args : args;
    return text.replace(/\{(\w+)\}/g, (whole, key) => (values[key] === undefined ? whole : String(values[key])));
  },
};

const vscode = {
  l10n,
  env: { language: 'en' },
  Disposable: StandInDisposable,
  EventEmitter,
  Uri,
  FileType,
  FileSystemError,
  MarkdownString,
  Position,
  Range,
  Selection: Range,
  Hover: class {
    constructor(contents, range) {
      this.contents = [contents];
      this.range = range;
    }
  },
  ThemeIcon: class {
    constructor(id, color) {
      this.id = id;
      this.color = color;
    }
  },
  ThemeColor: class {
    constructor(id) {
      this.id = id;
    }
  },
  TreeItem: class {
    constructor(label, collapsibleState) {
      this.label = label;
      this.collapsibleState = collapsibleState;
    }
  },
  Location: class {
    constructor(uri, range) {
      this.uri = uri;
      this.range = range;
    }
  },
  // Tag navigation's workspace symbols extend it when the bundle loads.
  SymbolInformation: class {
    constructor(name, kind, containerName, location) {
      Object.assign(this, { name, kind, containerName, location });
    }
  },
  DocumentSymbol: class {
    constructor(name, detail, kind, range, selectionRange) {
      Object.assign(this, { name, detail, kind, range, selectionRange, children: [] });
    }
  },
  SymbolKind: { File: 0, Key: 19, String: 14, EnumMember: 21 },
  FilePermission: { Readonly: 1 },
  TreeItemCollapsibleState: { None: 0, Collapsed: 1, Expanded: 2 },
  StatusBarAlignment: { Left: 1, Right: 2 },
  DiagnosticSeverity: { Error: 0, Warning: 1, Information: 2, Hint: 3 },
  Diagnostic: class {
    constructor(range, message, severity) {
      Object.assign(this, { range, message, severity });
    }
  },
  ProgressLocation: { SourceControl: 1, Window: 10, Notification: 15 },
  CodeActionKind: { QuickFix: { value: 'quickfix' } },
  QuickPickItemKind: { Separator: -1, Default: 0 },
  CompletionItemKind: { Keyword: 13, EnumMember: 19 },
  ViewColumn: { Active: -1, Beside: -2, One: 1 },
  TextEditorRevealType: { InCenterIfOutsideViewport: 2 },
  RelativePattern: class {
    constructor(base, pattern) {
      this.base = base;
      this.pattern = pattern;
    }
  },
  CancellationTokenSource: class {
    constructor() {
      this.token = { isCancellationRequested: false, onCancellationRequested: () => new StandInDisposable() };
    }
    cancel() {
      this.token.isCancellationRequested = true;
    }
    dispose() {}
  },
  window: {
    createOutputChannel: logChannel,
    createTreeView: () => ({ message: undefined, dispose() {} }),
    createStatusBarItem: () => ({ text: '', show() {}, hide() {}, dispose() {} }),
    withProgress: (_options, task) => task({ report() {} }, { isCancellationRequested: false, onCancellationRequested: () => new StandInDisposable() }),
    showErrorMessage: async () => undefined,
    showInformationMessage: async () => undefined,
    showWarningMessage: async () => undefined,
    activeTextEditor: undefined,
    visibleTextEditors: [],
    onDidChangeVisibleTextEditors: () => new StandInDisposable(),
    onDidChangeActiveTextEditor: () => new StandInDisposable(),
    createTextEditorDecorationType: () => new StandInDisposable(),
  },
  languages: {
    createDiagnosticCollection: () => {
      const map = new Map();
      return { set: (uri, list) => map.set(uri.toString(), list), delete: (uri) => map.delete(uri.toString()), get: (uri) => map.get(uri.toString()), has: (uri) => map.has(uri.toString()), clear: () => map.clear(), dispose() {}, size: () => map.size };
    },
    registerCompletionItemProvider: () => new StandInDisposable(),
    registerDocumentLinkProvider: () => new StandInDisposable(),
    registerCodeActionsProvider: () => new StandInDisposable(),
    registerRenameProvider: () => new StandInDisposable(),
    registerReferenceProvider: () => new StandInDisposable(),
    registerWorkspaceSymbolProvider: () => new StandInDisposable(),
    registerDocumentSymbolProvider: () => new StandInDisposable(),
    registerHoverProvider: (selector, provider) => {
      hoverProviders.push(provider);
      return new StandInDisposable(() => hoverProviders.splice(hoverProviders.indexOf(provider), 1));
    },
  },
  commands: {
    registerCommand: (id, fn) => {
      commands.set(id, fn);
      return new StandInDisposable(() => commands.delete(id));
    },
    executeCommand: async (id, ...args) => (commands.has(id) ? commands.get(id)(...args) : undefined),
  },
  workspace: {
    workspaceFolders: [],
    fs: workspaceFs,
    getConfiguration: () => ({ get: () => undefined }),
    onDidChangeConfiguration: configurationEmitter.event,
    onDidChangeWorkspaceFolders: foldersEmitter.event,
    asRelativePath: (uri) => uri.path,
    isTrusted: true,
    textDocuments: [],
    onDidOpenTextDocument: () => new StandInDisposable(),
    onDidSaveTextDocument: () => new StandInDisposable(),
    onDidChangeTextDocument: () => new StandInDisposable(),
    onDidCloseTextDocument: () => new StandInDisposable(),
    createFileSystemWatcher: (pattern) => {
      const watcher = { pattern, create: new EventEmitter(), change: new EventEmitter(), delete: new EventEmitter() };
      watchers.push(watcher);
      return {
        onDidCreate: watcher.create.event,
        onDidChange: watcher.change.event,
        onDidDelete: watcher.delete.event,
        dispose: () => watchers.splice(watchers.indexOf(watcher), 1),
      };
    },
  },
};

/** What the benchmark needs to drive and observe the extension. */
vscode.standIn = {
  stats,
  hoverProviders,
  setWorkspaceFolder(path) {
    vscode.workspace.workspaceFolders = [{ uri: Uri.file(path), name: posix.basename(path), index: 0 }];
  },
  fileChanged(path) {
    for (const watcher of watchers) watcher.change.fire(Uri.file(path));
  },
  fileCreated(path) {
    for (const watcher of watchers) watcher.create.fire(Uri.file(path));
  },
};

module.exports = vscode;
