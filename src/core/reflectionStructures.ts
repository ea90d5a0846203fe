// Guided reflection: the structures New Entry offers for an entry's body.
//
// - `trait-prompts`: the chosen traits' own prompts, one section each (the built-in body).
// - `rolfe`: What? So what? Now what? (Rolfe, Freshwater and Jasper, 2001).
// - `gibbs`: Gibbs' reflective cycle (Gibbs, 1988): description, feelings, evaluation, analysis,
//   conclusion, action plan.
//
// The last section of the two models is where the next step goes, and starts with an empty
// commitment `- [ ] ` (core/commitments). An entry more than a day old whose action section is
// still empty gets a hint (features/nextStepHints).
//
// Pure: no vscode, no I/O.

import * as l10n from '@vscode/l10n';
import { Trait, sideLabelInSentence } from './traits';

export type ReflectionStructure = 'trait-prompts' | 'rolfe' | 'gibbs';
export const REFLECTION_STRUCTURES: readonly ReflectionStructure[] = ['trait-prompts', 'rolfe', 'gibbs'];

export function isReflectionStructure(value: unknown): value is ReflectionStructure {
  return typeof value === 'string' && (REFLECTION_STRUCTURES as readonly string[]).includes(value);
}

export function structureLabel(structure: ReflectionStructure): string {
  switch (structure) {
    case 'trait-prompts':
      return l10n.t('Trait prompts');
    case 'rolfe':
      return l10n.t('What? So what? Now what?');
    case 'gibbs':
      return l10n.t("Gibbs' reflective cycle");
  }
}

export function structureDescription(structure: ReflectionStructure): string {
  switch (structure) {
    case 'trait-prompts':
      return l10n.t("The traits' own questions, one section each.");
    case 'rolfe':
      return l10n.t('Rolfe, Freshwater and Jasper (2001): what happened, what it means, what you will do.');
    case 'gibbs':
      return l10n.t('Gibbs (1988): description, feelings, evaluation, analysis, conclusion, action plan.');
  }
}

interface Section {
  readonly heading: string;
  readonly hint: string;
}

function sections(structure: Exclude<ReflectionStructure, 'trait-prompts'>): Section[] {
  if (structure === 'rolfe') {
    return [
      { heading: l10n.t('What?'), hint: l10n.t('What happened? What was my part, and what did others do?') },
      { heading: l10n.t('So what?'), hint: l10n.t('What does it tell me about how I work, and about this trait?') },
      { heading: l10n.t('Now what?'), hint: '' },
    ];
  }
  return [
    { heading: l10n.t('Description'), hint: l10n.t('What happened?') },
    { heading: l10n.t('Feelings'), hint: l10n.t('What was I thinking and feeling?') },
    { heading: l10n.t('Evaluation'), hint: l10n.t('What was good and bad about it?') },
    { heading: l10n.t('Analysis'), hint: l10n.t('What sense can I make of it?') },
    { heading: l10n.t('Conclusion'), hint: l10n.t('What else could I have done?') },
    { heading: l10n.t('Action plan'), hint: '' },
  ];
}

/** The headings of action sections, in every language the extension knows plus English. */
export function actionHeadings(): string[] {
  return [...new Set([l10n.t('Now what?'), l10n.t('Action plan'), 'Now what?', 'Action plan'])];
}

/**
 * The `{{prompts}}` block of a structured entry: each trait's description as a quote, then the
 * sections; the traits' prompts go under the first section (where the event is described), the
 * last section starts with `- [ ] `. `cursor` marks where the user starts writing.
 */
export function structuredPromptsBlock(traits: readonly Trait[], structure: Exclude<ReflectionStructure, 'trait-prompts'>, cursor: string): string {
  const lines: string[] = [];
  for (const trait of traits) lines.push(`> **${trait.label}** ${l10n.t('({0}): {1}', sideLabelInSentence(trait.side), trait.description)}`, '');
  const all = sections(structure);
  all.forEach((section, i) => {
    lines.push(`## ${section.heading}`, '');
    if (i === all.length - 1) {
      lines.push('- [ ] ', '');
      return;
    }
    if (section.hint) lines.push(`*${section.hint}*`, '');
    if (i === 0) {
      for (const trait of traits) for (const prompt of trait.prompts) lines.push(`> ${prompt}`);
      if (traits.some((trait) => trait.prompts.length > 0)) lines.push('');
      lines.push(cursor, '');
    } else {
      lines.push('', '');
    }
  });
  return lines.join('\n').replace(/\n+$/, '');
}

const HEADING = /^ {0,3}(#{1,6})[ \t]+(.*?)[ \t#]*$/;
const EMPTY_TASK = /^[ \t]*[-*+][ \t]+\[ \][ \t]*$/;

export interface ActionSection {
  /** 0-based line of the section's heading. */
  readonly headingLine: number;
  /** 0-based line where the next step goes: the empty `- [ ] `, else the line under the heading. */
  readonly line: number;
  /** Column at the end of that line's `- [ ] ` (0 when there is none). */
  readonly column: number;
  readonly empty: boolean;
}

/**
 * The entry's action section (`## Now what?` or `## Action plan`, outside fenced code), and
 * whether it is still empty: nothing in it but blank lines and empty `- [ ]` items. Undefined
 * when the entry has none. One pass over the lines.
 */
export function actionSection(text: string): ActionSection | undefined {
  const headings = new Set(actionHeadings().map((heading) => heading.toLowerCase()));
  const lines = text.split(/\r?\n|\r/);
  let fence: string | undefined;
  let found: { headingLine: number; level: number } | undefined;
  let emptyTask: { line: number; column: number } | undefined;
  let empty = true;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const fenceMatch = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (fenceMatch) {
      if (fence === undefined) fence = fenceMatch[1][0];
      else if (fenceMatch[1][0] === fence) fence = undefined;
      if (found) empty = false;
      continue;
    }
    if (fence !== undefined) continue;
    const heading = line.length <= 300 ? HEADING.exec(line) : null;
    if (found) {
      if (heading && heading[1].length <= found.level) break;
      if (line.trim() === '') continue;
      if (EMPTY_TASK.test(line)) {
        emptyTask ??= { line: i, column: line.length };
        continue;
      }
      empty = false;
      continue;
    }
    if (heading && headings.has(heading[2].trim().toLowerCase())) found = { headingLine: i, level: heading[1].length };
  }
  if (!found) return undefined;
  const target = emptyTask ?? { line: Math.min(found.headingLine + 1, lines.length - 1), column: 0 };
  return { headingLine: found.headingLine, line: target.line, column: target.column, empty };
}
