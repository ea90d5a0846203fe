export const DEFAULT_JOURNAL_FOLDER = 'journal';

/**
 * Checks the `balanceJournal.folder` setting: a path relative to its workspace folder that stays
 * inside it. Returns its segments (empty for the workspace folder itself) or why it is refused.
 */
export function journalFolderSegments(setting: unknown): { segments: string[] } | { error: string } {
  const value = typeof setting === 'string' ? setting.trim() : DEFAULT_JOURNAL_FOLDER;
  if (/^([/\\~]|[A-Za-z]:)/.test(value)) {
    return { error: `The setting "balanceJournal.folder" must be a path inside the workspace folder, like "journal", not "${value}".` };
  }
  const segments = value.split(/[/\\]+/).filter((segment) => segment !== '' && segment !== '.');
  if (segments.includes('..')) {
    return { error: `The setting "balanceJournal.folder" may not leave the workspace folder with "..": "${value}".` };
  }
  return { segments };
}
