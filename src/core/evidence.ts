// The evidence pack: for a 1:1, a coach or a performance review, one Markdown file with, per
// trait, its goals, the entries of a period (title, date, the first paragraph of each section,
// a link), the commitments they made (and which are done) and the feedback received. Written as
// a note of its own kind (`kind: export`), so it never counts as a reflection. Pure: the VS Code layer reads the files and writes the result.

import * as l10n from '@vscode/l10n';
import { pluralEntries } from './balance';
import { bodyStartOffset } from './frontMatter';
import { writeFrontMatter } from './frontMatter';
import { localIsoTimestamp } from './entryFactory';
import { SYSTEM_TIME_ZONE, TimeZone } from './localTime';
import { markdownText } from './markdownText';
import { DayRange, describeRange, findEntries } from './findEntries';
import { dayString } from './periods';
import { linkTarget } from './reviews';
import { SIDE_LABELS, allTraits, Trait, normalizeTag, traitById } from './traits';

/** The folder, below the journal folder, that keeps the exports. */
export const EXPORTS_FOLDER = 'exports';
/** Sections quoted per entry, and characters per paragraph, at most. */
const MAX_SECTIONS = 8;
const MAX_PARAGRAPH = 600;

/** `evidence-empathy-2026-01-01-2026-12-31.md`, then `-2`, `-3`, …: never over a file. */
export function evidenceFileName(trait: string, range: DayRange, attempt = 1): string {
  const from = Number.isFinite(range.from) ? dayString(range.from) : 'start';
  const to = Number.isFinite(range.to) ? dayString(range.to) : 'today';
  return `evidence-${trait}-${from}-${to}${attempt > 1 ? `-${attempt}` : ''}.md`;
}

/**
 * The trait an export is for: a trait id in any spelling, `all` for every trait, or an error
 * naming the known ids. A trait id is a word (traits.ts), so it is safe in a file name.
 */
export function evidenceTraits(value: unknown): { id: string; traits: readonly Trait[] } | { error: string } {
  if (value === undefined || value === null || value === 'all') return { id: 'all', traits: allTraits() };
  const trait = typeof value === 'string' ? traitById(normalizeTag(value)) : undefined;
  if (!trait) return { error: l10n.t('There is no trait "{0}". Known traits: {1}, or all.', String(value), allTraits().map((t) => t.id).join(', ')) };
  return { id: trait.id, traits: [trait] };
}

export interface Section {
  /** The heading's text; empty for text before any heading. */
  readonly heading: string;
  /** The first paragraph under it, on one line. */
  readonly paragraph: string;
}

/**
 * Each `##`–`######` section of an entry with its first paragraph of the writer's own words (not
 * a quote, a list marker alone, a code fence or a comment), in order; sections left empty are
 * left out. Line-based and linear: a heading is a line starting with 2–6 `#` and a space.
 */
export function sectionParagraphs(text: string, max = MAX_SECTIONS): Section[] {
  const body = text.slice(bodyStartOffset(text));
  const sections: Section[] = [];
  let heading: string | undefined;
  let paragraph: string[] = [];
  let inFence = false;
  // An HTML comment is hidden in the preview, so it never reaches an export: a comment block
  // (a line starting `<!--`, up to the line holding `-->`) and a comment inside a paragraph.
  let inCommentBlock = false;
  let inInlineComment = false;
  const flush = () => {
    if (heading !== undefined && paragraph.length > 0 && sections.length < max) {
      const joined = paragraph.join(' ').replace(/\s+/g, ' ').trim();
      sections.push({ heading, paragraph: joined.length > MAX_PARAGRAPH ? `${joined.slice(0, MAX_PARAGRAPH - 1)}…` : joined });
    }
    paragraph = [];
  };
  for (const line of body.split(/\r?\n/)) {
    if (inCommentBlock) {
      if (line.includes('-->')) inCommentBlock = false;
      continue;
    }
    if (/^\s{0,3}(```|~~~)/.test(line)) {
      inFence = !inFence;
      continue;
    }
    if (inFence) continue;
    const atx = /^\s{0,3}(#{1,6})\s+(.*?)(?:\s+#+\s*)?$/.exec(line);
    if (atx) {
      flush();
      inInlineComment = false;
      // The title (`#`) opens no section of its own.
      heading = atx[1].length === 1 ? undefined : atx[2].trim();
      continue;
    }
    if (heading === undefined) continue;
    if (line.trim() === '') {
      inInlineComment = false; // a comment never spans paragraphs
      if (paragraph.length > 0) {
        flush();
        heading = undefined; // the first paragraph only
      }
      continue;
    }
    const comment = /^\s{0,3}<!--/.test(line);
    if (comment || /^\s{0,3}>/.test(line)) {
      // A quote or a comment block is not the writer's paragraph, and ends one (as in CommonMark).
      if (comment && !line.includes('-->', line.indexOf('<!--') + 4)) inCommentBlock = true;
      if (paragraph.length > 0) {
        flush();
        heading = undefined;
      }
      continue;
    }
    const visible = withoutInlineComments(line, inInlineComment);
    inInlineComment = visible.open;
    if (visible.text.trim() !== '') paragraph.push(visible.text.trim());
  }
  flush();
  return sections;
}

/**
 * `line` without its HTML comments (`<!-- … -->`, possibly opened on an earlier line when
 * `open`), and whether a comment is still open at its end. One pass: linear in the line.
 */
function withoutInlineComments(line: string, open: boolean): { text: string; open: boolean } {
  let text = '';
  let at = 0;
  while (at < line.length) {
    if (open) {
      const end = line.indexOf('-->', at);
      if (end === -1) return { text, open: true };
      at = end + 3;
      open = false;
      continue;
    }
    const start = line.indexOf('<!--', at);
    if (start === -1) {
      text += line.slice(at);
      break;
    }
    text += line.slice(at, start);
    at = start + 4;
    open = true;
  }
  return { text, open };
}

/** What the export reads of an entry: the index's fields, and its sections read from the file. */
export interface EvidenceEntry {
  readonly key: string;
  readonly title: string;
  readonly day: string | undefined;
  readonly time: number;
  readonly tags: readonly string[];
  readonly sections?: readonly Section[];
  /** Its task items (core/commitments), when it has some. */
  readonly commitments?: readonly { readonly text: string; readonly done: boolean }[];
}

export interface EvidenceInput {
  readonly traits: readonly Trait[];
  /** `all` or the trait id: the file's name and front matter. */
  readonly traitId: string;
  readonly range: DayRange;
  /** The reflections of the period (or more: the export picks the period's own). */
  readonly entries: readonly EvidenceEntry[];
  /** Goals and feedback notes (`kind: goal`, `kind: feedback`), when the journal has them. */
  readonly goals?: readonly EvidenceEntry[];
  readonly feedback?: readonly EvidenceEntry[];
  readonly now: Date;
  /** The user's time zone: the machine's when absent. */
  readonly zone?: TimeZone;
  /** The path from the exports folder to a note, `/`-separated, NOT URL-encoded; undefined: no link. */
  readonly relativeLink: (key: string) => string | undefined;
}

/** One line of text, escaped only where Markdown would misread it (core/markdownText). */
function plain(text: string): string {
  return markdownText(text);
}

function linked(note: EvidenceEntry, relativeLink: (key: string) => string | undefined): string {
  const title = plain(note.title) || l10n.t('Untitled');
  const path = relativeLink(note.key);
  return path ? `[${title}](${linkTarget(path)})` : title;
}

/** The entries of the period for the traits, or none (then nothing is written). */
export function evidenceEntries<T extends EvidenceEntry>(entries: readonly T[], traits: readonly Trait[], range: DayRange): T[] {
  const ids = new Set(traits.map((trait) => trait.id));
  return findEntries(entries, [], range).filter((entry) => entry.tags.some((tag) => ids.has(tag)));
}

/**
 * The evidence pack as Markdown with front matter (`date`, `kind: export`, `trait`, `from`,
 * `to`). The entries' own words are quoted as plain text: no link, HTML or tag of theirs
 * becomes one in the export.
 */
export function buildEvidence(input: EvidenceInput): string {
  const { traits, range, relativeLink } = input;
  const entries = evidenceEntries(input.entries, traits, range);
  const period = describeRange(range);
  const heading = traits.length === 1 ? l10n.t('Evidence: {0}, {1}', traits[0].label, period) : l10n.t('Evidence: all traits, {0}', period);
  const lines: string[] = [`# ${plain(heading)}`, ''];
  lines.push(l10n.t('{0} in this period, oldest first within each trait. For a 1:1, a coach or a performance review.', pluralEntries(entries.length)), '');

  for (const trait of traits) {
    const own = entries.filter((entry) => entry.tags.includes(trait.id)).reverse();
    if (traits.length > 1 && own.length === 0) continue;
    lines.push(`## ${plain(trait.label)} (${SIDE_LABELS[trait.side]})`, '', `*${plain(trait.description)}*`, '');
    const goals = (input.goals ?? []).filter((goal) => goal.tags.includes(trait.id));
    if (goals.length > 0) {
      lines.push(`### ${l10n.t('Goals')}`, '');
      for (const goal of goals) lines.push(`- ${linked(goal, relativeLink)}`);
      lines.push('');
    }
    lines.push(`### ${l10n.t('Entries ({0})', own.length)}`, '');
    for (const entry of own) {
      lines.push(`#### ${entry.day ?? l10n.t('date unknown')}: ${linked(entry, relativeLink)}`, '');
      const sections = entry.sections ?? [];
      sections.forEach((section, i) => {
        if (i > 0) lines.push('>');
        lines.push(section.heading ? `> **${plain(section.heading)}** ${plain(section.paragraph)}` : `> ${plain(section.paragraph)}`);
      });
      if (sections.length > 0) lines.push('');
    }
    // The commitments these entries made, and which are done (never as `- [ ]`: an export is no entry).
    const commitments = own.flatMap((entry) => (entry.commitments ?? []).map((commitment) => ({ entry, commitment })));
    if (commitments.length > 0) {
      const done = commitments.filter(({ commitment }) => commitment.done).length;
      lines.push(`### ${l10n.t('Commitments ({0} made, {1} done)', commitments.length, done)}`, '');
      for (const { entry, commitment } of commitments) {
        const state = commitment.done ? l10n.t('Done: {0}', plain(commitment.text)) : l10n.t('Open: {0}', plain(commitment.text));
        lines.push(`- ${state} (${entry.day ?? l10n.t('date unknown')}, ${linked(entry, relativeLink)})`);
      }
      lines.push('');
    }
    const feedback = findEntries(input.feedback ?? [], [trait.id], range);
    if (feedback.length > 0) {
      lines.push(`### ${l10n.t('Feedback received')}`, '');
      for (const note of feedback.reverse()) lines.push(`- ${note.day ?? l10n.t('date unknown')}: ${linked(note, relativeLink)}`);
      lines.push('');
    }
  }
  const data: Record<string, unknown> = { date: localIsoTimestamp(input.now, input.zone ?? SYSTEM_TIME_ZONE), kind: 'export', trait: input.traitId };
  if (Number.isFinite(range.from)) data.from = dayString(range.from);
  if (Number.isFinite(range.to)) data.to = dayString(range.to);
  return writeFrontMatter(`${lines.join('\n').replace(/\n+$/, '')}\n`, data);
}
