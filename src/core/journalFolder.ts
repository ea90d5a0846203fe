import * as l10n from '@vscode/l10n';
export const DEFAULT_JOURNAL_FOLDER = 'journal';

/**
 * Checks the `balanceJournal.folder` setting: a path relative to its workspace folder that stays
 * inside it. Returns its segments (empty for the workspace folder itself) or why it is refused.
 */
export function journalFolderSegments(setting: unknown): { segments: string[] } | { error: string } {
  const value = typeof setting === 'string' ? setting.trim() : DEFAULT_JOURNAL_FOLDER;
  if (/^([/\\~]|[A-Za-z]:)/.test(value)) {
    return { error: l10n.t('The setting "balanceJournal.folder" must be a path inside the workspace folder, like "journal", not "{0}".', value) };
  }
  const segments = value.split(/[/\\]+/).filter((segment) => segment !== '' && segment !== '.');
  if (segments.includes('..')) {
    return { error: l10n.t('The setting "balanceJournal.folder" may not leave the workspace folder with "..": "{0}".', value) };
  }
  return { segments };
}
