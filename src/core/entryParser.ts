import * as l10n from '@vscode/l10n';
import { Commitment, commitmentText, commitmentsAt, followsPath } from './commitments';
import { FeedbackSource, readFeedbackSource } from './feedback';
import { frontMatterKeyLine, readFrontMatter } from './frontMatter';
import { Goal, readGoal } from './goals';
import { scanMarkdown } from './markdownScanner';
import { normalizeTag } from './traits';

/** Something wrong with an entry that the user should hear about; the entry is still indexed. */
export interface EntryProblem {
  readonly message: string;
  /** 0-based line in the file. */
  readonly line: number;
}

export interface ParsedEntry {
  /** The first level-1 heading outside block quotes and lists (README, "File format"), if any. */
  readonly title: string | undefined;
  /** The entry's local calendar day, `YYYY-MM-DD`, from `date` or else the file name. */
  readonly day: string | undefined;
  /** For ordering: epoch milliseconds of `date`, else of the day; NaN when unknown. */
  readonly time: number;
  /** Normalised tags, each once, front matter first. */
  readonly tags: readonly string[];
  readonly problems: readonly EntryProblem[];
  /** The front matter's `kind:` as written, if it is text (see core/noteKinds). */
  readonly kind?: string;
  /** Task items (`- [ ] …`, `- [x] …`) outside code, in order (core/commitments); absent when none. */
  readonly commitments?: readonly Commitment[];
  /** A follow-up entry's `follows:`: the original's path relative to the journal, checked to stay inside it. */
  readonly follows?: string;
  /** A follow-up entry's `commitment:`: which of the original's commitments it follows up. */
  readonly commitment?: string;
  /** A goal note's goal (kind `goal`, or front matter with a `target`). */
  readonly goal?: Goal;
  /** A feedback note's `from:`. */
  readonly from?: FeedbackSource;
}

const DAY_PREFIX = /^(\d{4})-(\d{2})-(\d{2})/;

/** Reads one journal entry. Never throws: whatever can be read is returned, the rest reported. */
export interface ParseOptions {
  /** Read only the front matter (for files over the size limit). */
  readonly frontMatterOnly?: boolean;
}

export function parseEntry(text: string, fileName = '', options: ParseOptions = {}): ParsedEntry {
  const problems: EntryProblem[] = [];
  const tags = new Set<string>();
  const frontMatter = readFrontMatter(text);
  if (frontMatter.error) problems.push(frontMatter.error);

  let dateValue: unknown;
  let kind: string | undefined;
  if (frontMatter.data) {
    collectFrontMatterTags(frontMatter.data.tags, tags, problems, () => tagsLine(text));
    dateValue = frontMatter.data.date;
    if (typeof frontMatter.data.kind === 'string') kind = detach(frontMatter.data.kind.slice(0, 20));
  }

  const extra: { -readonly [K in 'commitments' | 'follows' | 'commitment' | 'goal' | 'from']?: ParsedEntry[K] } = {};
  const data = frontMatter.data;
  if (data) {
    if (data.follows !== undefined && data.follows !== null) {
      const follows = followsPath(data.follows);
      if ('path' in follows) extra.follows = detach(follows.path);
      else problems.push({ message: follows.error, line: frontMatterKeyLine(text, 'follows') });
      if (typeof data.commitment === 'string' && data.commitment.trim()) extra.commitment = detach(commitmentText(data.commitment));
    }
    const kindName = kind?.trim().toLowerCase();
    if (kindName === 'goal' || (kindName === undefined && data.target !== undefined && data.trait !== undefined)) {
      const read = readGoal(data, frontMatter.body, text);
      problems.push(...read.problems);
      if (read.goal) extra.goal = read.goal;
    }
    if (kindName === 'feedback') {
      const read = readFeedbackSource(data.from, frontMatterKeyLine(text, 'from'));
      problems.push(...read.problems);
      if (read.from) extra.from = read.from;
    }
  }

  let title: string | undefined;
  if (!options.frontMatterOnly) {
    // Task items are looked for only when the text may hold one: most entries have none.
    const body = frontMatter.body;
    const scan = scanMarkdown(body, { tasks: body.includes('[ ]') || /\[[xX]\]/.test(body) });
    // A tag is often written many times: normalise each spelling once.
    const spellings = new Set<string>();
    for (const tag of scan.tags) {
      if (spellings.has(tag.raw)) continue;
      spellings.add(tag.raw);
      addTag(tags, tag.raw);
    }
    title = scan.title && detach(scan.title);
    if (scan.tasks && scan.tasks.length > 0) extra.commitments = commitmentsAt(frontMatter.body, frontMatter.bodyLine, scan.tasks);
  }

  const { day, time } = entryDate(dateValue, fileName, problems);
  const parsed: ParsedEntry = kind === undefined ? { title, day, time, tags: [...tags], problems } : { title, day, time, tags: [...tags], problems, kind };
  return Object.keys(extra).length === 0 ? parsed : { ...parsed, ...extra };
}

function addTag(tags: Set<string>, raw: string): void {
  const tag = tagKey(raw);
  if (tag) tags.add(tag);
}

/**
 * normalizeTag, after collapsing each run of white space, `_` and `-` into one `-` (which
 * normalizeTag does too): its regular expressions then never meet a long run of them, which keeps
 * them linear on untrusted text (`#a` + 40,000 `-` + `b`).
 */
export function tagKey(raw: string): string {
  return normalizeTag(raw.replace(/[\s_-]+/g, '-'));
}

function tagsLine(text: string): number {
  const match = /^tags\s*:/m.exec(text);
  if (!match) return 1;
  return text.slice(0, match.index).split('\n').length - 1;
}

/** `line` is computed only when there is a problem to report. */
function collectFrontMatterTags(value: unknown, tags: Set<string>, problems: EntryProblem[], line: () => number): void {
  if (value === undefined) return;
  if (value === null) {
    problems.push({ message: l10n.t('"tags" is empty; list the traits this entry reflects on, e.g. "tags: [empathy]", or remove the line.'), line: line() });
    return;
  }
  if (typeof value === 'string') {
    for (const part of value.split(',')) addTag(tags, part);
    return;
  }
  if (Array.isArray(value)) {
    let ignored = 0;
    for (const item of value) {
      if (typeof item === 'string') addTag(tags, item);
      else ignored++;
    }
    if (ignored > 0) {
      problems.push({ message: l10n.t('{0} item(s) of "tags" are not text and were ignored; write each tag as a word, e.g. "- empathy".', ignored), line: line() });
    }
    return;
  }
  problems.push({ message: l10n.t('"tags" should be a list of words or a comma-separated text, not {0}; it was ignored.', describeType(value)), line: line() });
}

function describeType(value: unknown): string {
  if (typeof value === 'object') return l10n.t('a map');
  if (typeof value === 'number') return l10n.t('a number');
  if (typeof value === 'boolean') return l10n.t('a boolean');
  return l10n.t('a {0}', typeof value);
}

function entryDate(value: unknown, fileName: string, problems: EntryProblem[]): { day: string | undefined; time: number } {
  if (typeof value === 'string') {
    const time = Date.parse(value);
    const day = DAY_PREFIX.exec(value)?.[0];
    if (day && !Number.isNaN(time)) return { day: detach(day), time };
    if (day) return { day: detach(day), time: localMidnight(day) };
  }
  if (value !== undefined && value !== null) {
    problems.push({ message: l10n.t('"date" should look like 2026-11-27T09:05:00+01:00; the file name\'s date is used instead.'), line: 1 });
  }
  const day = DAY_PREFIX.exec(fileName)?.[0];
  return { day: day && detach(day), time: day ? localMidnight(day) : Number.NaN };
}

function localMidnight(day: string): number {
  const [, y, m, d] = DAY_PREFIX.exec(day) ?? [];
  return new Date(Number(y), Number(m) - 1, Number(d)).getTime();
}

/**
 * A copy that does not keep the whole file's text alive: V8 slices share their parent string,
 * which at 50,000 entries means holding every file in memory.
 */
export function detach(value: string): string {
  return JSON.parse(JSON.stringify(value)) as string;
}
