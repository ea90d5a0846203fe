import type * as vscode from 'vscode';

/**
 * A base for anything that owns disposables: `_register` collects them, `dispose` disposes each
 * once, and anything registered after disposal is disposed at once (a late callback can never
 * leak a listener).
 */
export abstract class Disposable implements vscode.Disposable {
  private readonly owned: vscode.Disposable[] = [];
  private disposed = false;

  protected get isDisposed(): boolean {
    return this.disposed;
  }

  protected _register<T extends vscode.Disposable>(value: T): T {
    if (this.disposed) value.dispose();
    else this.owned.push(value);
    return value;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    for (const value of this.owned.splice(0).reverse()) {
      try {
        value.dispose();
      } catch {
        // One failing disposal must not keep the others alive.
      }
    }
  }
}

/** A disposable that clears a timer. */
export function timerDisposable(clear: () => void): vscode.Disposable {
  return { dispose: clear };
}
