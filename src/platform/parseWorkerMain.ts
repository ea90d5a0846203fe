import * as l10n from '@vscode/l10n';
import { parentPort, workerData } from 'node:worker_threads';
import { parseEntryBytes } from '../core/entryBytes';

// The parse worker's whole program (bundled to dist/parseWorker.js): parses the chunks that
// WorkerChunkParser (parseWorker.ts) sends, one buffer of bytes each, and answers with the
// entries. It reads no file and runs nothing from the journal.

interface ChunkMessage {
  readonly id: number;
  readonly buffer: ArrayBuffer;
  /** Where each file's bytes start in `buffer`, and one past the last. */
  readonly offsets: Uint32Array;
  readonly names: readonly string[];
  readonly sizes: readonly number[];
  readonly maxBytes: number;
}

// Problems are worded in VS Code's display language, as on the extension host's thread.
const contents = (workerData as { l10n?: l10n.l10nJsonFormat } | undefined)?.l10n;
if (contents) l10n.config({ contents });

parentPort?.on('message', ({ id, buffer, offsets, names, sizes, maxBytes }: ChunkMessage) => {
  try {
    const bytes = new Uint8Array(buffer);
    const parsed = names.map((name, at) => parseEntryBytes(bytes.subarray(offsets[at], offsets[at + 1]), name, maxBytes, sizes[at]));
    parentPort!.postMessage({ id, parsed });
  } catch (error) {
    parentPort!.postMessage({ id, error: String(error) });
  }
});
