import * as vscode from 'vscode';
import { maxFileBytes } from './config';
import { Platform } from './platform/platform';

// The text of journal files for the features that look inside them (rename, references): an
// open document's text as the editor holds it, else the file read through the platform (never
// through a symbolic link, never past balanceJournal.maxFileSizeKB), never a binary file or one
// that is not UTF-8.

export type JournalText =
  | { readonly uri: vscode.Uri; readonly text: string; readonly document?: vscode.TextDocument }
  | { readonly uri: vscode.Uri; readonly skipped: string };

/** A file that was read. */
export type ReadJournalText = Extract<JournalText, { text: string }>;

const BINARY_SNIFF_BYTES = 8 * 1024;
const strictDecoder = new TextDecoder('utf-8', { fatal: true });

/** The open document for `uri`, if the editor holds one. */
export function openDocument(uri: vscode.Uri): vscode.TextDocument | undefined {
  const key = uri.toString();
  return vscode.workspace.textDocuments.find((document) => document.uri.toString() === key);
}

/** One file's text (without a BOM, as the editor shows it), or why it is not read. */
export async function readJournalText(platform: Platform, uri: vscode.Uri, maxBytes = maxFileBytes()): Promise<JournalText> {
  const document = openDocument(uri);
  if (document) return { uri, text: document.getText(), document };
  let bytes: Uint8Array;
  let size: number;
  try {
    ({ bytes, size } = await platform.readFile(uri, maxBytes, 0));
  } catch (error) {
    const notFound = error instanceof vscode.FileSystemError && (error.code === 'FileNotFound' || error.code === 'EntryNotFound');
    return { uri, skipped: notFound ? vscode.l10n.t('it no longer exists') : vscode.l10n.t('it cannot be read ({0})', String(error)) };
  }
  if (size > maxBytes) return { uri, skipped: vscode.l10n.t('it is over the size limit of {0} KB (balanceJournal.maxFileSizeKB)', Math.round(maxBytes / 1024)) };
  if (bytes.subarray(0, BINARY_SNIFF_BYTES).includes(0)) return { uri, skipped: vscode.l10n.t('it is a binary file') };
  let text: string;
  try {
    text = strictDecoder.decode(bytes);
  } catch {
    return { uri, skipped: vscode.l10n.t('it is not valid UTF-8 text') };
  }
  return { uri, text: text.startsWith('\uFEFF') ? text.slice(1) : text };
}

/** Reads `uris`, `concurrency` at a time, in order. */
export async function readJournalTexts(platform: Platform, uris: readonly vscode.Uri[], token?: vscode.CancellationToken, concurrency = 32): Promise<JournalText[]> {
  const maxBytes = maxFileBytes();
  const results: JournalText[] = new Array(uris.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(concurrency, uris.length) }, async () => {
    while (next < uris.length && !token?.isCancellationRequested) {
      const at = next++;
      results[at] = await readJournalText(platform, uris[at], maxBytes);
    }
  });
  await Promise.all(workers);
  return results.filter((result) => result !== undefined);
}

/** A file's name relative to its workspace folder, for messages. */
export function displayPath(uri: vscode.Uri): string {
  return vscode.workspace.asRelativePath(uri, false);
}
