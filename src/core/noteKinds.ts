// What kind of note a journal file is: the one owner of that rule. Only `entry` notes are
// reflections: they are counted in the balance, the tree, the reviews and the report. The other
// kinds are written by the extension (or by hand) and live in the index beside them.

export type NoteKind = 'entry' | 'review' | 'report' | 'goal' | 'feedback' | 'export';

export const NOTE_KINDS: readonly NoteKind[] = ['entry', 'review', 'report', 'goal', 'feedback', 'export'];

/** The folder (directly under the journal folder) that holds each kind the extension writes. */
export const KIND_FOLDERS: Readonly<Partial<Record<NoteKind, string>>> = {
  review: 'reviews',
  report: 'reports',
  goal: 'goals',
  export: 'exports',
};

/** Tags that earlier versions wrote instead of `kind:`. */
const LEGACY_KIND_TAGS: Readonly<Record<string, NoteKind>> = {
  'weekly-review': 'review',
  'balance-report': 'report',
};

function isNoteKind(value: unknown): value is NoteKind {
  return typeof value === 'string' && (NOTE_KINDS as readonly string[]).includes(value);
}

/**
 * A note's kind: its front matter's `kind:` when that names a kind; else the folder it sits in
 * under the journal (`reviews/`, `reports/`, `goals/`, `exports/`); else a legacy tag
 * (`weekly-review`, `balance-report`); else a reflection (`entry`).
 */
export function noteKind(frontMatterKind: unknown, firstFolder: string | undefined, tags: readonly string[]): NoteKind {
  if (typeof frontMatterKind === 'string' && isNoteKind(frontMatterKind.trim().toLowerCase())) return frontMatterKind.trim().toLowerCase() as NoteKind;
  if (firstFolder !== undefined) {
    for (const kind of NOTE_KINDS) if (KIND_FOLDERS[kind] === firstFolder) return kind;
  }
  for (const tag of tags) if (Object.hasOwn(LEGACY_KIND_TAGS, tag)) return LEGACY_KIND_TAGS[tag];
  return 'entry';
}

/** The first folder of `key` under `rootKey` (`reviews` for `<root>/reviews/2026-W48.md`). */
export function firstFolderUnder(rootKey: string, key: string): string | undefined {
  const prefix = rootKey.endsWith('/') ? rootKey : `${rootKey}/`;
  if (!key.startsWith(prefix)) return undefined;
  const rest = key.slice(prefix.length);
  const slash = rest.indexOf('/');
  if (slash === -1) return undefined;
  const folder = rest.slice(0, slash);
  try {
    return decodeURIComponent(folder);
  } catch {
    return folder; // not URI-encoded (a plain path with a `%`)
  }
}

/**
 * The path of `key` under `rootKey` with its segments decoded (`2026/11/a b.md` for
 * `<root>/2026/11/a%20b.md`): how `follows:` names an entry. Undefined when `key` is not under it.
 */
export function pathUnder(rootKey: string, key: string): string | undefined {
  const prefix = rootKey.endsWith('/') ? rootKey : `${rootKey}/`;
  if (!key.startsWith(prefix)) return undefined;
  return key
    .slice(prefix.length)
    .split('/')
    .map((segment) => {
      try {
        return decodeURIComponent(segment);
      } catch {
        return segment;
      }
    })
    .join('/');
}
