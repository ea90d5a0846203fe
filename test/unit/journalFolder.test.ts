import { describe, expect, it } from 'vitest';
import { DEFAULT_JOURNAL_FOLDER, journalFolderSegments } from '../../src/core/journalFolder';

const refused = (setting: unknown) => {
  const result = journalFolderSegments(setting);
  return 'error' in result ? result.error : undefined;
};

describe('journalFolderSegments (the balanceJournal.folder setting)', () => {
  it.each([
    ['journal', ['journal']],
    ['notes/journal', ['notes', 'journal']],
    ['notes\\journal', ['notes', 'journal']],
    ['notes//journal/', ['notes', 'journal']],
    ['./journal/./2026', ['journal', '2026']],
    ['  journal  ', ['journal']],
    ['', []],
    ['.', []],
    ['a..b', ['a..b']],
    ['...', ['...']],
    ['.journal', ['.journal']],
    ['my journal', ['my journal']],
  ])('accepts %j as %j', (setting, segments) => {
    expect(journalFolderSegments(setting)).toEqual({ segments });
  });

  it('uses the default for a setting that is not text', () => {
    expect(DEFAULT_JOURNAL_FOLDER).toBe('journal');
    for (const setting of [undefined, null, 42, ['x'], { folder: '..' }]) expect(journalFolderSegments(setting)).toEqual({ segments: ['journal'] });
  });

  it.each(['..', '../journal', 'journal/..', 'a/../../b', 'a\\..\\b', '..\\x', ' .. ', 'a/./../b', 'a//..'])('refuses %j, which leaves the workspace with ..', (setting) => {
    expect(refused(setting)).toBe(`The setting "balanceJournal.folder" may not leave the workspace folder with "..": "${setting.trim()}".`);
  });

  it.each(['/etc', '/', '\\journal', '\\\\server\\share\\journal', '//server/share', '~', '~/journal', '~root', 'C:', 'c:\\journal', 'C:journal', 'z:/x', ' /etc'])(
    'refuses %j, which is not relative to the workspace folder',
    (setting) => {
      expect(refused(setting)).toBe(`The setting "balanceJournal.folder" must be a path inside the workspace folder, like "journal", not "${setting.trim()}".`);
    },
  );

  it('accepts names that only look like the refused ones', () => {
    expect(journalFolderSegments('journal~')).toEqual({ segments: ['journal~'] });
    expect(journalFolderSegments('ab:c')).toEqual({ segments: ['ab:c'] });
    expect(journalFolderSegments('1:/x')).toEqual({ segments: ['1:', 'x'] });
    expect(journalFolderSegments('ab:/x')).toEqual({ segments: ['ab:', 'x'] });
  });
});
