// Goals per trait (the source's "Develop Dual Skills": a plan per trait). A goal is a note of its
// own kind at `<journal>/goals/<trait-id>.md`:
//
//   ---
//   kind: goal
//   date: 2026-11-27T09:05:00+01:00
//   trait: empathy
//   target: 4
//   per: month
//   until: 2027-03-31
//   ---
//   Listen first in one-on-ones, and ask what would help.
//
// One open goal per trait: a goal with `closed:` is history. Progress is the number of
// reflections on the trait in the current ISO week or calendar month, in local time.
//
// Pure: no vscode, no I/O; `now` is always passed in.

import * as l10n from '@vscode/l10n';
import type { EntryProblem } from './entryParser';
import { localDay, localIsoTimestamp } from './entryFactory';
import { frontMatterKeyLine as keyLine, writeFrontMatter } from './frontMatter';
import type { IndexedEntry } from './journalIndex';
import { periodOf, periodRange as rangeOfPeriod } from './periods';
import { normalizeTag } from './traits';

export type GoalPeriod = 'week' | 'month';
export const GOAL_PERIODS: readonly GoalPeriod[] = ['week', 'month'];
export const MAX_GOAL_TARGET = 100;
export const MAX_GOAL_TEXT = 1000;
export const GOALS_FOLDER = 'goals';

export interface Goal {
  /** The trait's id (normalised). */
  readonly trait: string;
  /** Reflections on the trait wanted per period, 1 to MAX_GOAL_TARGET. */
  readonly target: number;
  readonly per: GoalPeriod;
  /** Last local day of the goal, `YYYY-MM-DD`. */
  readonly until?: string;
  /** The local day it was closed (replaced by a new goal), `YYYY-MM-DD`: then it is history. */
  readonly closed?: string;
  /** What the user wants to get better at, in their words (the note's body). */
  readonly text: string;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A `YYYY-MM-DD` that names a real day, or undefined. */
function calendarDay(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const match = DAY.exec(value.trim().slice(0, 10));
  if (!match || value.trim().length > 10) return undefined;
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return date.getMonth() === Number(match[2]) - 1 && date.getDate() === Number(match[3]) ? match[0] : undefined;
}

/**
 * Reads a goal note's front matter and body. Never throws: what is wrong becomes a problem, and
 * no goal is returned when the trait, the target or the period cannot be read.
 */
export function readGoal(data: Record<string, unknown>, body: string, text: string): { goal?: Goal; problems: EntryProblem[] } {
  const problems: EntryProblem[] = [];
  const trait = typeof data.trait === 'string' ? normalizeTag(data.trait.slice(0, 100)) : '';
  if (!trait) problems.push({ message: l10n.t('A goal needs "trait": the id of the trait it is about, e.g. "trait: empathy".'), line: keyLine(text, 'trait') });
  const target = data.target;
  const targetOk = typeof target === 'number' && Number.isInteger(target) && target >= 1 && target <= MAX_GOAL_TARGET;
  if (!targetOk) {
    problems.push({ message: l10n.t('"target" should be a whole number of entries from 1 to {0}, e.g. "target: 4"; this goal is not tracked until it is.', MAX_GOAL_TARGET), line: keyLine(text, 'target') });
  }
  const perValue = typeof data.per === 'string' ? data.per.trim().toLowerCase() : data.per === undefined ? 'week' : '';
  const per = (GOAL_PERIODS as readonly string[]).includes(perValue) ? (perValue as GoalPeriod) : undefined;
  if (!per) problems.push({ message: l10n.t('"per" should be "week" or "month".'), line: keyLine(text, 'per') });
  let until: string | undefined;
  if (data.until !== undefined && data.until !== null) {
    until = calendarDay(data.until);
    if (!until) problems.push({ message: l10n.t('"until" should be a day like 2027-03-31; the goal has no end date until it is.'), line: keyLine(text, 'until') });
  }
  let closed: string | undefined;
  if (data.closed !== undefined && data.closed !== null) {
    closed = calendarDay(data.closed) ?? (typeof data.closed === 'string' ? data.closed.slice(0, 10) : String(data.closed).slice(0, 10));
  }
  if (!trait || !targetOk || !per) return { problems };
  const goalText = goalBodyText(body);
  const goal: Goal = { trait, target: target as number, per, text: goalText, ...(until && { until }), ...(closed && { closed }) };
  return { goal, problems };
}

/** The body as one paragraph of plain words, at most MAX_GOAL_TEXT characters. */
function goalBodyText(body: string): string {
  const head = body.slice(0, MAX_GOAL_TEXT * 4);
  const lines: string[] = [];
  for (const line of head.split(/\r?\n|\r/)) {
    const trimmed = line.trim();
    if (trimmed) lines.push(trimmed);
  }
  return JSON.parse(JSON.stringify(lines.join(' ').slice(0, MAX_GOAL_TEXT))) as string;
}

/** The local period containing `now` (core/periods: ISO weeks run Monday to Sunday): [start, end) as epoch milliseconds. */
export function periodRange(now: Date, per: GoalPeriod): { start: number; end: number } {
  const { start, end } = rangeOfPeriod(periodOf(per, now));
  return { start: start.getTime(), end: end.getTime() };
}

/** Local midnight of a `YYYY-MM-DD`. */
function localMidnight(day: string): number {
  const match = DAY.exec(day);
  return match ? new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3])).getTime() : Number.NaN;
}

export interface GoalProgress {
  readonly goal: Goal;
  /** Reflections on the trait in the current period (or the last period, once ended). */
  readonly count: number;
  readonly target: number;
  readonly met: boolean;
  /** The end date has passed. */
  readonly ended: boolean;
  /** `2 of 4 this month`. */
  readonly label: string;
}

/**
 * Progress of `goal` at `now`, from the trait's reflections newest first (JournalIndex
 * `entriesTagged`): counted in the current ISO week or calendar month, local time. Once `until`
 * has passed, the period that contained `until` is counted and the goal is `ended`.
 */
export function goalProgress(goal: Goal, newestFirst: readonly IndexedEntry[], now: Date): GoalProgress {
  const untilDay = goal.until ? localMidnight(goal.until) : Number.NaN;
  let ended = false;
  if (Number.isFinite(untilDay)) {
    const last = new Date(untilDay);
    ended = now.getTime() >= new Date(last.getFullYear(), last.getMonth(), last.getDate() + 1).getTime();
  }
  const at = ended ? new Date(untilDay) : now;
  const { start, end } = periodRange(at, goal.per);
  let count = 0;
  for (const entry of newestFirst) {
    const time = Number.isFinite(entry.time) ? entry.time : entry.day ? localMidnight(entry.day) : Number.NaN;
    if (!Number.isFinite(time) || time >= end) continue;
    if (time < start) break; // newest first: everything after is older
    count++;
  }
  const met = count >= goal.target;
  let label: string;
  if (ended) label = met ? l10n.t('met: {0} of {1} by {2}', count, goal.target, goal.until!) : l10n.t('missed: {0} of {1} by {2}', count, goal.target, goal.until!);
  else label = goal.per === 'week' ? l10n.t('{0} of {1} this week', count, goal.target) : l10n.t('{0} of {1} this month', count, goal.target);
  return { goal, count, target: goal.target, met, ended, label };
}

/** What goal lookups read from the index: `JournalIndex` satisfies it. */
export interface GoalSource {
  notesOf(kind: 'goal'): readonly IndexedEntry[];
}

/**
 * The open goal of each trait: of the goal notes without `closed:`, the newest per trait (a
 * second open one, from an undone close, is shadowed).
 */
export function openGoals(source: GoalSource): Map<string, { note: IndexedEntry; goal: Goal }> {
  const open = new Map<string, { note: IndexedEntry; goal: Goal }>();
  for (const note of source.notesOf('goal')) {
    const goal = note.goal;
    if (!goal || goal.closed !== undefined || open.has(goal.trait)) continue;
    open.set(goal.trait, { note, goal });
  }
  return open;
}

/** Checks a target typed by the user: an error message, or undefined when fine. */
export function targetError(value: string): string | undefined {
  const number = Number(value.trim());
  if (!/^\d+$/.test(value.trim()) || !Number.isInteger(number) || number < 1 || number > MAX_GOAL_TARGET) return l10n.t('A whole number from 1 to {0}.', MAX_GOAL_TARGET);
  return undefined;
}

/** Checks an end date typed by the user (empty is fine): an error message, or undefined. */
export function untilError(value: string, now: Date): string | undefined {
  if (value.trim() === '') return undefined;
  const day = calendarDay(value.trim());
  if (!day) return l10n.t('A day like {0}, or empty for no end date.', localDay(new Date(now.getFullYear(), now.getMonth() + 3, now.getDate())));
  if (day < localDay(now)) return l10n.t('The end date is in the past.');
  return undefined;
}

/** The file of a new goal: `goals/<trait-id>.md`, then `goals/<trait-id>-<day>.md`, `-<day>-2`, …. */
export function goalFileName(traitId: string, day: string, attempt: number): string {
  if (attempt <= 1) return `${traitId}.md`;
  return attempt === 2 ? `${traitId}-${day}.md` : `${traitId}-${day}-${attempt - 1}.md`;
}

/** A new goal note's text. */
export function buildGoal(input: { trait: string; text: string; target: number; per: GoalPeriod; until?: string; now: Date }): string {
  const data: Record<string, unknown> = { kind: 'goal', date: localIsoTimestamp(input.now), trait: input.trait, target: input.target, per: input.per };
  if (input.until) data.until = input.until;
  // The text stays plain: a `#word` in it must not become a tag of the note.
  const text = input.text.replace(/\s+/g, ' ').trim().slice(0, MAX_GOAL_TEXT);
  return writeFrontMatter(`${text}\n`, data);
}

/**
 * Where to insert `closed: <day>` in a goal note: after the front matter's last line, as a new
 * line before the closing `---`. The 0-based line, or undefined when the text has no front matter.
 */
export function closedLineAt(text: string): number | undefined {
  const lines = text.split(/\r?\n/);
  if (!/^---[ \t]*$/.test(lines[0] ?? '')) return undefined;
  for (let i = 1; i < lines.length && i < 1000; i++) {
    if (/^(---|\.\.\.)[ \t]*$/.test(lines[i])) return i;
    if (/^closed[ \t]*:/.test(lines[i])) return undefined; // already closed
  }
  return undefined;
}
