// Commitments: a task item `- [ ] …` in a reflection is something its writer means to try. The
// parser finds them with the block structure (core/markdownScanner: list items outside code and
// HTML), the index keeps them, and the Traits view brings the open ones back after
// `balanceJournal.followUpDays` in its Follow up section, until they are done (`- [x]`) or
// followed up (an entry whose front matter says `follows: <the original, relative to the journal>`).
//
// Pure: no vscode, no I/O; `now` is always passed in.

import * as l10n from '@vscode/l10n';
import { detach } from './entryParser';
import type { IndexedEntry } from './journalIndex';
import { localDay, localIsoTimestamp, slugify } from './entryFactory';
import { writeFrontMatter } from './frontMatter';
import type { Trait } from './traits';

/** One task item of an entry. */
export interface Commitment {
  /** The text after the checkbox on its line, white space collapsed, at most MAX_COMMITMENT_LENGTH. */
  readonly text: string;
  /** 0-based line in the file. */
  readonly line: number;
  /** 0-based column of the `[` in that line (UTF-16 units, as an editor's Position counts). */
  readonly column: number;
  /** `[x]` or `[X]`. */
  readonly done: boolean;
}

export const MAX_COMMITMENT_LENGTH = 200;
export const DEFAULT_FOLLOW_UP_DAYS = 7;
/** Commitments kept per entry, at most: a generated file of 100,000 checkboxes is not a plan. */
export const MAX_COMMITMENTS_PER_ENTRY = 100;

const NO_COMMITMENTS: readonly Commitment[] = Object.freeze([]);

/** White space collapsed, trimmed, cut to MAX_COMMITMENT_LENGTH: how a commitment is compared. */
export function commitmentText(raw: string): string {
  let text = '';
  let space = false;
  // A loop rather than /\s+/g on a line that may be a megabyte: linear, and stops at the limit.
  for (let at = 0; at < raw.length && text.length < MAX_COMMITMENT_LENGTH; at++) {
    const ch = raw[at];
    if (ch === ' ' || ch === '\t' || ch === '\u00a0' || ch === '\r' || ch === '\n') {
      space = text.length > 0;
      continue;
    }
    if (space) text += ' ';
    space = false;
    text += ch;
  }
  return text.slice(0, MAX_COMMITMENT_LENGTH);
}

/**
 * The commitments at the task offsets the scanner found (`tasks`, offsets into `body`), with
 * lines counted from `bodyLine`. One pass over the text.
 */
export function commitmentsAt(body: string, bodyLine: number, tasks: readonly number[] | undefined): readonly Commitment[] {
  if (!tasks || tasks.length === 0) return NO_COMMITMENTS;
  const found: Commitment[] = [];
  let line = bodyLine;
  let lineStart = 0;
  let at = 0;
  for (const offset of tasks) {
    if (found.length >= MAX_COMMITMENTS_PER_ENTRY) break;
    // Count the line breaks up to the task (`\r\n`, `\n` or a lone `\r`, as the scanner does).
    for (; at < offset; at++) {
      const code = body.charCodeAt(at);
      if (code === 10 || (code === 13 && body.charCodeAt(at + 1) !== 10)) {
        line++;
        lineStart = at + 1;
      }
    }
    let end = offset;
    while (end < body.length && body.charCodeAt(end) !== 10 && body.charCodeAt(end) !== 13) end++;
    const mark = body[offset + 1];
    found.push({ text: detach(commitmentText(body.slice(offset + 3, Math.min(end, offset + 3 + 4 * MAX_COMMITMENT_LENGTH)))), line, column: offset - lineStart, done: mark === 'x' || mark === 'X' });
  }
  return found;
}

/**
 * Whether `lineText` still holds the open commitment `commitment` at its column: the check before
 * Mark Done ticks it. The offset of the space to replace with `x`, or why not.
 */
export function openCheckboxAt(lineText: string, commitment: Pick<Commitment, 'column' | 'text'>): { offset: number } | { error: string } {
  const { column } = commitment;
  if (lineText.slice(column, column + 3) !== '[ ]' || (lineText.length > column + 3 && !/[ \t]/.test(lineText[column + 3]))) {
    return { error: l10n.t('The line no longer has an open checkbox where it was read.') };
  }
  if (commitmentText(lineText.slice(column + 3)) !== commitment.text) {
    return { error: l10n.t('The line has changed since it was read.') };
  }
  return { offset: column + 1 };
}

/**
 * The `follows:` value of a follow-up entry as a path relative to the journal (`2026/11/x.md`),
 * or why it is not one. Never outside the journal: no absolute path, drive, scheme, `..` that
 * climbs out, backslash, empty or dot segment; must end in `.md`.
 */
export function followsPath(value: unknown): { path: string } | { error: string } {
  const refuse = () => ({ error: l10n.t('"follows" should be the path of an entry inside the journal, relative to the journal folder, e.g. "2026/11/2026-11-27-roadmap.md".') });
  if (typeof value !== 'string') return refuse();
  const raw = value.trim();
  if (raw === '' || raw.length > 1000 || raw.startsWith('/') || raw.includes('\\') || /^[A-Za-z][A-Za-z0-9+.-]*:/.test(raw) || raw.includes('\u0000')) return refuse();
  const segments: string[] = [];
  for (const segment of raw.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (segments.length === 0) return refuse();
      segments.pop();
      continue;
    }
    segments.push(segment);
  }
  if (segments.length === 0 || !/\.md$/i.test(segments[segments.length - 1])) return refuse();
  return { path: segments.join('/') };
}

/** An open commitment that is due for a follow-up, with the entry it was written in. */
export interface DueCommitment {
  readonly entry: IndexedEntry;
  readonly commitment: Commitment;
  /** Whole local days since the entry's day. */
  readonly days: number;
}

/** What the Follow up section reads from the index: `JournalIndex` satisfies it. */
export interface CommitmentSource {
  /** Reflections with at least one open commitment. */
  withOpenCommitments(): Iterable<IndexedEntry>;
  /** Follow-up entries of `entry`. */
  followUpsOf(entry: IndexedEntry): readonly IndexedEntry[];
}

const DAY_MS = 86_400_000;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whole days since 1970-01-01 of a `YYYY-MM-DD`: arithmetic only, no Date object. */
function dayNumber(day: string): number {
  const match = DAY.exec(day);
  return match ? Math.round(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / DAY_MS) : Number.NaN;
}

/** Whether a follow-up entry `follower` follows up `commitment` (one without `commitment:` follows up all). */
export function followsUp(follower: IndexedEntry, commitment: Commitment): boolean {
  return follower.commitment === undefined || follower.commitment === commitment.text;
}

/**
 * Open commitments written `followUpDays` or more local days before `now`, neither done nor
 * followed up, oldest first (then by file and line). Entries without a date are left out: their
 * age is unknown.
 */
export function dueCommitments(source: CommitmentSource, now: Date, followUpDays = DEFAULT_FOLLOW_UP_DAYS): DueCommitment[] {
  // An entry's day is the local day it was written (its `date`'s own day, else its file name's):
  // days are compared as text against the last day that is old enough.
  const today = Math.round(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()) / DAY_MS);
  const lastDay = localDay(new Date(now.getFullYear(), now.getMonth(), now.getDate() - followUpDays));
  // Ages per distinct day: a journal has far fewer days than commitments.
  const ages = new Map<string, number>();
  const due: DueCommitment[] = [];
  for (const entry of source.withOpenCommitments()) {
    const day = entry.day;
    if (day === undefined || day > lastDay) continue;
    let followers: readonly IndexedEntry[] | undefined;
    let days: number | undefined;
    for (const commitment of entry.commitments) {
      if (commitment.done || commitment.text === '') continue;
      followers ??= source.followUpsOf(entry);
      if (followers.length > 0 && followers.some((follower) => followsUp(follower, commitment))) continue;
      if (days === undefined) {
        days = ages.get(day);
        if (days === undefined) ages.set(day, (days = today - dayNumber(day)));
      }
      due.push({ entry, commitment, days });
    }
  }
  return due.sort((a, b) => b.days - a.days || timeOf(a.entry) - timeOf(b.entry) || (a.entry.key < b.entry.key ? -1 : a.entry.key > b.entry.key ? 1 : 0) || a.commitment.line - b.commitment.line);
}

function timeOf(entry: IndexedEntry): number {
  return Number.isFinite(entry.time) ? entry.time : 0;
}

export interface FollowUpEntry {
  readonly slug: string;
  readonly text: string;
  /** 0-based line under "What happened when you tried it?". */
  readonly cursorLine: number;
}

const CURSOR = '\u0000';

/**
 * A follow-up entry of `commitment`: front matter `date`, the original's trait `tags`, `follows`
 * (the original's path relative to the journal) and `commitment`; titled after the commitment;
 * the cursor under "What happened when you tried it?"; a next step to fill in at the end.
 */
export function buildFollowUpEntry(input: { traits: readonly Trait[]; followsPath: string; commitment: string; originalTitle: string; originalDay: string | undefined; now: Date }): FollowUpEntry {
  const commitment = commitmentText(input.commitment);
  const heading = (commitment || l10n.t('Follow-up')).replace(/#/g, '\\#');
  const slug = slugify(l10n.t('follow up {0}', commitment)) || 'follow-up';
  const context = input.originalDay
    ? l10n.t('Following up on a commitment from "{0}" ({1}).', input.originalTitle, input.originalDay)
    : l10n.t('Following up on a commitment from "{0}".', input.originalTitle);
  const body = [
    `# ${heading}`,
    '',
    `> ${context.replace(/#/g, '\\#')}`,
    '',
    `## ${l10n.t('What happened when you tried it?')}`,
    '',
    CURSOR,
    '',
    `## ${l10n.t('What did you learn?')}`,
    '',
    '',
    `## ${l10n.t('Now what?')}`,
    '',
    '- [ ] ',
    '',
  ].join('\n');
  const data: Record<string, unknown> = { date: localIsoTimestamp(input.now), tags: input.traits.map((trait) => trait.id), follows: input.followsPath };
  if (commitment) data.commitment = commitment;
  const text = writeFrontMatter(body, data);
  const cursorAt = text.indexOf(CURSOR);
  return { slug, text: text.replace(CURSOR, ''), cursorLine: text.slice(0, cursorAt).split('\n').length - 1 };
}

/** `2 weeks ago`-like wording for a due commitment's row. */
export function describeAge(days: number, day: string | undefined): string {
  return day ? l10n.t('{0} · {1} days ago', day, days) : l10n.t('{0} days ago', days);
}

