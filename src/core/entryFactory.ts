import * as l10n from '@vscode/l10n';
import { readFrontMatter, writeFrontMatter } from './frontMatter';
import { SYSTEM_TIME_ZONE, TimeZone, wallClock } from './localTime';
import { REFLECTION_STRUCTURES, ReflectionStructure, isReflectionStructure, structuredPromptsBlock } from './reflectionStructures';
import { parseDayArgument } from './dateInput';
import { momentOnDay } from './periods';
import { allTraits, Trait, normalizeTag, sideLabelInSentence, traitById } from './traits';

export const MAX_SLUG_LENGTH = 60;
export const MAX_TITLE_LENGTH = 200;

function pad(value: number, width = 2): string {
  return String(Math.abs(value)).padStart(width, '0');
}

/** The user's local calendar day of `now` in `zone`, `YYYY-MM-DD` (never the UTC day). */
export function localDay(now: Date, zone: TimeZone = SYSTEM_TIME_ZONE): string {
  const { year, month, day } = wallClock(now.getTime(), zone);
  return `${year}-${pad(month + 1)}-${pad(day)}`;
}

/** ISO 8601 local time in `zone` with its UTC offset, e.g. `2026-11-27T09:05:00+01:00`. */
export function localIsoTimestamp(now: Date, zone: TimeZone = SYSTEM_TIME_ZONE): string {
  const clock = wallClock(now.getTime(), zone);
  const sign = clock.offsetMinutes >= 0 ? '+' : '-';
  const offset = `${sign}${pad(Math.trunc(clock.offsetMinutes / 60))}:${pad(clock.offsetMinutes % 60)}`;
  return `${localDay(now, zone)}T${pad(clock.hours)}:${pad(clock.minutes)}:${pad(clock.seconds)}${offset}`;
}

// Letters that Unicode does not decompose into ASCII.
const FOLDED_LETTERS: Readonly<Record<string, string>> = {
  ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i', ħ: 'h',
};

/**
 * A file-name-safe slug: lowercase ASCII letters and digits joined by single hyphens, accents
 * folded, at most `MAX_SLUG_LENGTH` characters, cut at a word boundary when possible. Empty when
 * the title has no Latin letters or digits.
 */
export function slugify(title: string): string {
  const folded = title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[ßæœøłđðþıħ]/g, (letter) => FOLDED_LETTERS[letter]);
  const slug = folded.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  if (slug.length <= MAX_SLUG_LENGTH) return slug;
  const cut = slug.slice(0, MAX_SLUG_LENGTH + 1);
  const lastHyphen = cut.lastIndexOf('-');
  // The slug has single hyphens and none at its ends, so neither cut ends with a hyphen.
  return lastHyphen > MAX_SLUG_LENGTH / 2 ? cut.slice(0, lastHyphen) : cut.slice(0, MAX_SLUG_LENGTH);
}

/** A one-line title as typed, or undefined when blank. */
export function cleanTitle(title: string | undefined): string | undefined {
  // Control characters (pasted newlines, tabs) would break the heading and the file name.
  // eslint-disable-next-line no-control-regex
  const cleaned = (title ?? '').replace(/[\u0000-\u001f\u007f]+/g, ' ').replace(/\s+/g, ' ').trim();
  return cleaned ? cleaned.slice(0, MAX_TITLE_LENGTH) : undefined;
}

/**
 * Where an entry goes, relative to the journal folder, as path segments:
 * `YYYY/MM/YYYY-MM-DD-<slug>.md`, with `-2`, `-3`, … for `attempt` 2, 3, ….
 */
export function entryPathSegments(now: Date, slug: string, attempt = 1, zone: TimeZone = SYSTEM_TIME_ZONE): string[] {
  const day = localDay(now, zone);
  const suffix = attempt > 1 ? `-${attempt}` : '';
  return [day.slice(0, 4), day.slice(5, 7), `${day}-${slug}${suffix}.md`];
}

export interface NewEntry {
  readonly slug: string;
  readonly text: string;
  /** 0-based line where the user starts writing: under the first prompt. */
  readonly cursorLine: number;
}

/** The variables a template (`.balance-journal/templates/*.md`) may use. */
export const TEMPLATE_VARIABLES = ['title', 'date', 'traits', 'prompts'] as const;
const TEMPLATE_VARIABLE = /\{\{\s*([^{}\s]+)\s*\}\}/g;
// Marks the cursor inside the rendered text; removed before writing.
const CURSOR = '\u0000';

export interface TemplateProblem {
  readonly message: string;
  readonly offset: number;
  readonly length: number;
}

/** Variables in a template that are not one of TEMPLATE_VARIABLES: they stay as written. */
export function templateProblems(template: string, max = 100): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  for (const match of template.matchAll(TEMPLATE_VARIABLE)) {
    if (problems.length >= max) break;
    if (!(TEMPLATE_VARIABLES as readonly string[]).includes(match[1])) {
      problems.push({
        message: l10n.t('Unknown template variable {0}: it is kept as written. Known: {1}.', `{{${match[1]}}}`, TEMPLATE_VARIABLES.map((name) => `{{${name}}}`).join(', ')),
        offset: match.index,
        length: match[0].length,
      });
    }
  }
  return problems;
}

/** Each trait's description as a quote and its prompts as sections with room to write. */
function promptsBlock(traits: readonly Trait[]): string {
  const lines: string[] = [];
  for (const trait of traits) {
    lines.push(`> **${trait.label}** ${l10n.t('({0}): {1}', sideLabelInSentence(trait.side), trait.description)}`, '');
    for (const prompt of trait.prompts) {
      lines.push(`## ${prompt}`, '');
      lines.push(lines.includes(CURSOR) ? '' : CURSOR, '');
    }
  }
  return trimTrailingNewlines(lines.join('\n'));
}

/** `text` without line breaks at its end; a loop, since `/\n+$/` is quadratic on inner runs. */
function trimTrailingNewlines(text: string): string {
  let end = text.length;
  while (end > 0 && text[end - 1] === '\n') end--;
  return text.slice(0, end);
}

const BUILT_IN_TEMPLATE = '# {{title}}\n\n{{prompts}}\n';

/**
 * A new entry: front matter (`date`, `tags`) written by gray-matter, then the body from
 * `template` (the built-in one when undefined), with the cursor under the first prompt.
 * `structure` shapes `{{prompts}}` (core/reflectionStructures). The date is `now` in `zone`.
 */
export function buildEntry(
  traits: readonly Trait[],
  title: string | undefined,
  now: Date,
  template = BUILT_IN_TEMPLATE,
  structure: ReflectionStructure = 'trait-prompts',
  zone: TimeZone = SYSTEM_TIME_ZONE,
): NewEntry {
  if (traits.length === 0) throw new Error(l10n.t('An entry needs at least one trait.'));
  const cleanedTitle = cleanTitle(title);
  const heading = cleanedTitle ?? traits.map((trait) => trait.label).join(' · ');
  // The trait id names the file only through slugify: an id never becomes a path of its own.
  const slug = (cleanedTitle && slugify(cleanedTitle)) || slugify(traits[0].id) || 'entry';
  const values: Record<(typeof TEMPLATE_VARIABLES)[number], string> = {
    // `\#` keeps a `#word` in the title from becoming a tag: the entry has exactly the chosen traits.
    title: heading.replace(/#/g, '\\#'),
    date: localIsoTimestamp(now, zone),
    traits: traits.map((trait) => trait.label).join(', '),
    prompts: structure === 'trait-prompts' ? promptsBlock(traits) : structuredPromptsBlock(traits, structure, CURSOR),
  };
  // A template's own front matter (`mood:`, `energy:`) joins the entry's, whose date and tags win.
  // One that cannot be read (`---js`, unclosed) stays in the body as text, never run, never lost.
  const own = readFrontMatter(template);
  const fromTemplate = own.data ?? {};
  const templateBody = own.error === undefined ? own.body : template;
  let body = templateBody.split(CURSOR).join('').replace(TEMPLATE_VARIABLE, (whole, name: string) => (Object.hasOwn(values, name) ? values[name as keyof typeof values] : whole));
  if (!body.includes(CURSOR)) body = `${trimTrailingNewlines(body)}\n\n${CURSOR}`;
  const text = writeFrontMatter(`${trimTrailingNewlines(body)}\n`, {
    ...fromTemplate,
    date: values.date,
    tags: traits.map((trait) => trait.id),
  });
  const cursorAt = text.indexOf(CURSOR);
  const cursorLine = text.slice(0, cursorAt).split('\n').length - 1;
  return { slug, text: text.replace(CURSOR, ''), cursorLine };
}

/**
 * When an entry for `day` (a day number; undefined for today) is written: that day at the
 * current local time, with its offset. Its file is named by that day.
 */
export function entryMoment(day: number | undefined, now: Date, zone: TimeZone = SYSTEM_TIME_ZONE): Date {
  return day === undefined ? now : momentOnDay(day, now, zone);
}

export interface NewEntryArgs {
  traits: Trait[];
  title: string | undefined;
  /** Given as `structure`; undefined: the setting's (or the built-in trait prompts). */
  structure?: ReflectionStructure;
  /** Ask for the title (Escape keeps the traits' names): the hover's and the report's "Write about it". */
  askTitle: boolean;
  /** The day the entry is for (a day number), when the argument named one. */
  day?: number;
}

/**
 * Validates the argument of `balanceJournal.newEntry` (`{ traits: string[], title?: string,
 * askTitle?: boolean, structure?: string, date?: "YYYY-MM-DD" }`), which keybindings and other
 * extensions may pass: an error message, or the resolved traits and day (never one after `now`'s
 * local day in `zone`).
 */
export function parseNewEntryArgs(value: unknown, now: Date = new Date(), zone: TimeZone = SYSTEM_TIME_ZONE): NewEntryArgs | { error: string } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { error: l10n.t('Expected an argument like { "traits": ["empathy"], "title": "…" }.') };
  }
  const { traits, title, structure, askTitle, date } = value as { traits?: unknown; title?: unknown; structure?: unknown; askTitle?: unknown; date?: unknown };
  if (structure !== undefined && !isReflectionStructure(structure)) {
    return { error: l10n.t('"structure" must be one of {0}.', REFLECTION_STRUCTURES.join(', ')) };
  }
  if (!Array.isArray(traits) || traits.length === 0) {
    return { error: l10n.t('"traits" must be a non-empty list of trait ids, e.g. ["empathy"].') };
  }
  if (title !== undefined && title !== null && typeof title !== 'string') {
    return { error: l10n.t('"title" must be text.') };
  }
  if (askTitle !== undefined && typeof askTitle !== 'boolean') {
    return { error: l10n.t('"askTitle" must be true or false.') };
  }
  const resolved: Trait[] = [];
  const unknown: string[] = [];
  for (const id of traits) {
    const trait = typeof id === 'string' ? traitById(normalizeTag(id)) : undefined;
    if (!trait) unknown.push(typeof id === 'string' ? `"${id}"` : String(id));
    else if (!resolved.includes(trait)) resolved.push(trait);
  }
  if (unknown.length > 0) {
    return { error: l10n.t('Unknown trait {0}. Known traits: {1}.', unknown.join(', '), knownTraitIds()) };
  }
  const parsed: NewEntryArgs = { traits: resolved, title: typeof title === 'string' ? title : undefined, askTitle: askTitle === true };
  if (structure !== undefined) parsed.structure = structure;
  if (date !== undefined) {
    const day = parseDayArgument(date, now, zone);
    if ('error' in day) return day;
    parsed.day = day.day;
  }
  return parsed;
}

function knownTraitIds(): string {
  return allTraits().map((trait) => trait.id).join(', ');
}
