// Feedback from others (the source's "Foster Collaboration": hear how others see you). A note of
// kind `feedback`, with `from:` (who said it) and `tags` (the traits it is about), counted per
// trait apart from your own reflections.
//
// Pure: no vscode, no I/O.

import * as l10n from '@vscode/l10n';
import type { EntryProblem } from './entryParser';
import { localIsoTimestamp, slugify } from './entryFactory';
import { writeFrontMatter } from './frontMatter';
import type { Trait } from './traits';

export type FeedbackSource = 'manager' | 'peer' | 'direct-report' | 'mentor' | 'self' | 'other';
export const FEEDBACK_SOURCES: readonly FeedbackSource[] = ['manager', 'peer', 'direct-report', 'mentor', 'self', 'other'];
export const FEEDBACK_FOLDER = 'feedback';
export const MAX_FEEDBACK_TEXT = 4000;

export function feedbackSourceLabel(source: FeedbackSource): string {
  switch (source) {
    case 'manager':
      return l10n.t('Manager');
    case 'peer':
      return l10n.t('Peer');
    case 'direct-report':
      return l10n.t('Direct report');
    case 'mentor':
      return l10n.t('Mentor');
    case 'self':
      return l10n.t('Self');
    case 'other':
      return l10n.t('Other');
  }
}

/** The `from:` of a feedback note, or a problem when it names no known source. */
export function readFeedbackSource(value: unknown, line: number): { from?: FeedbackSource; problems: EntryProblem[] } {
  const normalised = typeof value === 'string' ? value.trim().toLowerCase().replace(/[\s_]+/g, '-') : undefined;
  if (normalised && (FEEDBACK_SOURCES as readonly string[]).includes(normalised)) return { from: normalised as FeedbackSource, problems: [] };
  return {
    problems: [{ message: l10n.t('"from" should say who gave the feedback: one of {0}.', FEEDBACK_SOURCES.join(', ')), line }],
  };
}

/** A feedback note: front matter `kind: feedback`, `date`, `from`, `tags`; the words as said. */
export function buildFeedback(input: { from: FeedbackSource; traits: readonly Trait[]; text: string; now: Date }): { slug: string; text: string } {
  if (input.traits.length === 0) throw new Error(l10n.t('Feedback needs at least one trait.'));
  const said = input.text.replace(/\r\n?/g, '\n').trim().slice(0, MAX_FEEDBACK_TEXT);
  const heading = l10n.t('Feedback from {0}: {1}', feedbackSourceLabel(input.from).toLowerCase(), input.traits.map((trait) => trait.label).join(', '));
  // Quoted, with `#` escaped: what someone said never adds a tag of its own.
  const quoted = said
    .split('\n')
    .map((line) => `> ${line.replace(/#/g, '\\#')}`.trimEnd())
    .join('\n');
  const body = `# ${heading.replace(/#/g, '\\#')}\n\n${quoted}\n`;
  const text = writeFrontMatter(body, { kind: 'feedback', date: localIsoTimestamp(input.now), from: input.from, tags: input.traits.map((trait) => trait.id) });
  return { slug: slugify(`feedback ${input.from} ${input.traits[0].id}`) || 'feedback', text };
}
