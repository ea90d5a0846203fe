import * as l10n from '@vscode/l10n';
import { EntryProblem, ParsedEntry, parseEntry } from './entryParser';
import { MAX_FRONT_MATTER_BYTES } from './frontMatter';

export const DEFAULT_MAX_FILE_KB = 1024;
/** The setting's ceiling: a workspace can lower the limit, never lift it past this. */
export const MAX_FILE_KB_CEILING = 16 * 1024;
const BINARY_SNIFF_BYTES = 8 * 1024;

const strictDecoder = new TextDecoder('utf-8', { fatal: true });
const lenientDecoder = new TextDecoder('utf-8');

/**
 * A file's bytes as an entry, whatever they hold: binary files are indexed without tags, files
 * over `maxBytes` from their front matter only, invalid UTF-8 with its unreadable characters
 * replaced. Each case adds a problem that says so. `bytes` may be only the beginning of a file of
 * `fileSize` bytes. Never throws.
 */
export function parseEntryBytes(bytes: Uint8Array, fileName: string, maxBytes = DEFAULT_MAX_FILE_KB * 1024, fileSize = bytes.byteLength): ParsedEntry {
  const extra: EntryProblem[] = [];
  if (bytes.subarray(0, BINARY_SNIFF_BYTES).includes(0)) {
    const parsed = parseEntry('', fileName);
    return { ...parsed, problems: [{ message: l10n.t('This looks like a binary file, not Markdown (it contains NUL bytes), so nothing in it was read.'), line: 0 }] };
  }
  const tooBig = fileSize > maxBytes;
  if (tooBig) {
    extra.push({
      // Where the file system cannot read part of a file (VS Code for the Web), nothing was read.
      message:
        bytes.byteLength === 0
          ? l10n.t('This file is {0} KB, over the limit of {1} KB (setting balanceJournal.maxFileSizeKB): it was not read.', Math.round(fileSize / 1024), Math.round(maxBytes / 1024))
          : l10n.t('This file is {0} KB, over the limit of {1} KB (setting balanceJournal.maxFileSizeKB): only its front matter was read.', Math.round(fileSize / 1024), Math.round(maxBytes / 1024)),
      line: 0,
    });
  }
  // Over the limit, only the beginning is decoded: enough for any front matter that is read.
  const readable = tooBig ? bytes.subarray(0, MAX_FRONT_MATTER_BYTES + 1024) : bytes;
  let text: string;
  try {
    text = strictDecoder.decode(readable);
  } catch {
    text = lenientDecoder.decode(readable);
    extra.push({ message: l10n.t('This file is not valid UTF-8 text: characters that could not be read were replaced. Save it as UTF-8.'), line: 0 });
  }
  const parsed = parseEntry(text, fileName, { frontMatterOnly: tooBig });
  return extra.length === 0 ? parsed : { ...parsed, problems: [...extra, ...parsed.problems] };
}
