import * as vscode from 'vscode';
import { JournalRoot, askForDate, symbolicLinkError } from '../config';
import { pluralEntries } from '../core/balance';
import { buildEntry, cleanTitle, entryMoment, entryPathSegments, MAX_TITLE_LENGTH, parseNewEntryArgs } from '../core/entryFactory';
import { describeDayInput, parseDayArgument, parseDayInput } from '../core/dateInput';
import { formatLongDay } from '../core/dates';
import { dayString, localDayNumber } from '../core/periods';
import { JournalIndex } from '../core/journalIndex';
import { REFLECTION_STRUCTURES, ReflectionStructure, isReflectionStructure, structureDescription, structureLabel } from '../core/reflectionStructures';
import { SIDES, SIDE_LABELS, Trait, traitsOfSide } from '../core/traits';
import { EntryTemplates } from './entryTemplates';
import { Commands, Settings } from '../ids';
import { JournalWriter, chooseJournal, offerSettings } from '../journalFiles';
import { showError } from '../userMessages';
import type { Services } from './services';

const MAX_NAME_ATTEMPTS = 1000;

interface TraitPickItem extends vscode.QuickPickItem {
  trait?: Trait;
}

/**
 * `balanceJournal.newEntry`, the tree's "+" (`balanceJournal.newEntryForTrait`: asks for the
 * title, Escape keeps the trait's name), the Balance row's "Write about it"
 * (`balanceJournal.writeSuggested`: the trait core/nextTrait suggests) and
 * `balanceJournal.newEntryForAnotherDay` (which asks for the day first, as New Entry does when
 * `balanceJournal.askForDate` is on).
 */
export function registerNewEntryCommands({ model, log, templates, writer, context }: Services): vscode.Disposable[] {
  const run = (arg?: unknown, askDay = askForDate()) => newEntry(model.index, log, templates, writer, arg, context.workspaceState, askDay);
  return [
    vscode.commands.registerCommand(Commands.newEntry, (arg?: unknown) => run(arg)),
    vscode.commands.registerCommand(Commands.newEntryForTrait, (node?: { trait?: Trait }) =>
      node?.trait ? run({ traits: [node.trait.id], askTitle: true }) : run(),
    ),
    vscode.commands.registerCommand(Commands.writeSuggested, () => {
      const suggestion = model.nextTrait();
      return suggestion ? run({ traits: [suggestion.trait.id], askTitle: true }) : run();
    }),
    vscode.commands.registerCommand(Commands.newEntryForAnotherDay, () => run(undefined, true)),
  ];
}

/** `{ date: "YYYY-MM-DD" }` alone: the UI asks for the rest, for that day. */
function onlyADate(arg: unknown): arg is { date: unknown } {
  return typeof arg === 'object' && arg !== null && !Array.isArray(arg) && 'date' in arg && (arg as { traits?: unknown }).traits === undefined;
}

/**
 * The title for an entry about `traits`, asked for; Escape or an empty title keeps the traits'
 * names. Undefined means: name it after the traits.
 */
async function askTitle(traits: readonly Trait[]): Promise<string | undefined> {
  const names = traits.map((trait) => trait.label).join(' · ');
  const typed = await vscode.window.showInputBox({
    title: vscode.l10n.t('New Entry about {0}', names),
    prompt: vscode.l10n.t('Give it a title, or press Enter or Escape to name it after {0}.', names),
    placeHolder: vscode.l10n.t('e.g. Hard conversation about the roadmap'),
    validateInput: (value) => (value.length > MAX_TITLE_LENGTH ? vscode.l10n.t('At most {0} characters.', MAX_TITLE_LENGTH) : undefined),
  });
  return typed || undefined;
}

/**
 * Creates an entry and opens it. With an argument `{ traits, title?, date? }` it shows no UI;
 * without, it asks for the day (when `askDay`), the traits, the structure (unless the setting
 * chooses one) and a title; with `{ date }` alone, the rest for that day. Returns the new file, or
 * undefined when cancelled or refused.
 */
async function newEntry(
  index: JournalIndex,
  log: vscode.LogOutputChannel,
  templates: EntryTemplates,
  writer: JournalWriter,
  arg: unknown,
  memory: vscode.Memento,
  askDay: boolean,
): Promise<vscode.Uri | undefined> {
  // Commands run from a keybinding without "args" receive nothing; from a menu, a URI or a node.
  const dateOnly = onlyADate(arg);
  const interactive = arg === undefined || arg instanceof vscode.Uri || dateOnly;
  let traits: Trait[];
  let title: string | undefined;
  let day: number | undefined;
  // The setting chooses the structure, or (`ask`, the default) New Entry asks, offering the last one first.
  const setting = vscode.workspace.getConfiguration(Settings.section).get<unknown>(Settings.reflectionStructure);
  let structure: ReflectionStructure | undefined = isReflectionStructure(setting) ? setting : undefined;
  if (dateOnly) {
    const parsed = parseDayArgument(arg.date, new Date());
    if ('error' in parsed) {
      void showError(log, vscode.l10n.t('No entry was created: {0}', parsed.error));
      return undefined;
    }
    day = parsed.day;
  } else if (!interactive) {
    const parsed = parseNewEntryArgs(arg, new Date());
    if ('error' in parsed) {
      void showError(log, vscode.l10n.t('No entry was created: {0}', parsed.error));
      return undefined;
    }
    ({ traits, title, day } = parsed);
    structure = parsed.structure ?? structure ?? 'trait-prompts';
    if (parsed.askTitle && title === undefined) title = await askTitle(traits);
  }

  const root = await chooseJournal(interactive, vscode.l10n.t('Which workspace folder keeps this journal?'));
  if (!root) return undefined;
  if ('error' in root) {
    void offerSettings(log, vscode.l10n.t('No entry was created. {0}', root.error));
    return undefined;
  }

  if (interactive) {
    const asking = askDay && day === undefined;
    if (asking) {
      day = await askForDay(structure ? 3 : 4);
      if (day === undefined) return undefined;
    }
    // Today needs no mention; another day is named in every step.
    const forDay = day !== undefined && day !== localDayNumber(new Date().getTime()) ? formatLongDay(dayString(day)) : undefined;
    const steps: NewEntrySteps = { forDay, first: asking ? 2 : 1, total: (asking ? 1 : 0) + (structure ? 2 : 3) };
    const picked = await pickTraits(index, steps);
    if (!picked) return undefined;
    if (!structure) {
      structure = await pickStructure(memory, steps);
      if (!structure) return undefined;
    }
    const typed = await vscode.window.showInputBox({
      title: stepTitle(steps, steps.total),
      prompt: vscode.l10n.t('Optional. Leave empty to name the entry after {0}.', picked[0].label),
      placeHolder: vscode.l10n.t('e.g. Hard conversation about the roadmap'),
      validateInput: (value) => (value.length > MAX_TITLE_LENGTH ? vscode.l10n.t('At most {0} characters.', MAX_TITLE_LENGTH) : undefined),
    });
    if (typed === undefined) return undefined;
    traits = picked;
    title = typed;
  }

  try {
    const template = await templates.templateFor(root.folder, traits!);
    const uri = await writeEntry(root, traits!, title, day, log, template, writer, structure ?? 'trait-prompts');
    if (!uri) return undefined;
    log.info(`Created ${uri.fsPath || uri.toString()}`);
    return uri;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    void showError(log, vscode.l10n.t('Could not create the entry ({0}). Check that the journal folder can be written to, then try again.', reason));
    return undefined;
  }
}



const LAST_STRUCTURE_KEY = 'balanceJournal.lastReflectionStructure';

/** Where New Entry is: the day it is for (when not today), the traits' step, and how many steps. */
interface NewEntrySteps {
  readonly forDay: string | undefined;
  readonly first: number;
  readonly total: number;
}

/** The title step's title: `New Entry: title (2/2)`, `New Entry for Tuesday, November 3, 2026: title (4/4)`. */
function stepTitle(steps: NewEntrySteps, step: number): string {
  if (steps.forDay) return vscode.l10n.t('New Entry for {0}: title ({1}/{2})', steps.forDay, step, steps.total);
  if (step === 2 && steps.total === 2) return vscode.l10n.t('New Entry: title (2/2)');
  if (step === 3 && steps.total === 3) return vscode.l10n.t('New Entry: title (3/3)');
  return vscode.l10n.t('New Entry: title ({0}/{1})', step, steps.total);
}

/** The structure step: the one chosen last time in this workspace first. */
async function pickStructure(memory: vscode.Memento, steps: NewEntrySteps): Promise<ReflectionStructure | undefined> {
  const last = memory.get<unknown>(LAST_STRUCTURE_KEY);
  const order = isReflectionStructure(last) ? [last, ...REFLECTION_STRUCTURES.filter((structure) => structure !== last)] : [...REFLECTION_STRUCTURES];
  const step = steps.first + 1;
  const title = steps.forDay
    ? vscode.l10n.t('New Entry for {0}: structure ({1}/{2})', steps.forDay, step, steps.total)
    : step === 2 && steps.total === 3
      ? vscode.l10n.t('New Entry: structure (2/3)')
      : vscode.l10n.t('New Entry: structure ({0}/{1})', step, steps.total);
  const picked = await vscode.window.showQuickPick(
    order.map((structure) => ({ label: structureLabel(structure), detail: structureDescription(structure), structure })),
    { title, placeHolder: vscode.l10n.t('How do you want to reflect? (setting balanceJournal.reflectionStructure)') },
  );
  if (picked) await memory.update(LAST_STRUCTURE_KEY, picked.structure);
  return picked?.structure;
}

/**
 * Step 1 of New Entry for Another Day: `today`, `yesterday`, a weekday (the last one) or
 * `YYYY-MM-DD`, checked as you type (never a day in the future). The day, or undefined.
 */
async function askForDay(totalSteps: number): Promise<number | undefined> {
  const typed = await vscode.window.showInputBox({
    title: vscode.l10n.t('New Entry: day (1/{0})', totalSteps),
    prompt: vscode.l10n.t('Which day is this entry for? today, yesterday, a weekday (the last one) or YYYY-MM-DD.'),
    placeHolder: vscode.l10n.t('e.g. yesterday, monday or 2026-11-03'),
    value: vscode.l10n.t({ message: 'yesterday', comment: ['A word the date box of New Entry for Another Day accepts.'] }),
    validateInput: (value) => {
      const now = new Date();
      const parsed = parseDayInput(value, now);
      if ('error' in parsed) return parsed.error;
      // A valid day is named, so the reader sees which one it is before pressing Enter.
      return { message: describeDayInput(parsed.day, now), severity: vscode.InputBoxValidationSeverity.Info };
    },
  });
  if (typed === undefined) return undefined;
  // Checked again at Enter: the box may have stayed open past midnight.
  const parsed = parseDayInput(typed, new Date());
  return 'error' in parsed ? undefined : parsed.day;
}

function pickTraits(index: JournalIndex, steps: NewEntrySteps): Promise<Trait[] | undefined> {
  const items: TraitPickItem[] = [];
  for (const side of SIDES) {
    items.push({ label: SIDE_LABELS[side], kind: vscode.QuickPickItemKind.Separator });
    for (const trait of traitsOfSide(side)) {
      items.push({ label: trait.label, description: trait.description, detail: vscode.l10n.t('{0} so far', pluralEntries(index.countOf(trait.id))), trait });
    }
  }
  const picker = vscode.window.createQuickPick<TraitPickItem>();
  picker.title = steps.forDay ? vscode.l10n.t('New Entry for {0}: traits', steps.forDay) : vscode.l10n.t('New Entry: traits');
  picker.step = steps.first;
  picker.totalSteps = steps.total;
  picker.placeholder = vscode.l10n.t('Which traits does this entry reflect on? Space selects, Enter confirms.');
  picker.canSelectMany = true;
  picker.matchOnDescription = true;
  picker.items = items;

  return new Promise((resolve) => {
    let accepted: Trait[] | undefined;
    picker.onDidAccept(() => {
      // Enter with nothing ticked takes the highlighted trait: what a person means.
      const chosen = picker.selectedItems.length > 0 ? picker.selectedItems : picker.activeItems;
      const traits = chosen.flatMap((item) => (item.trait ? [item.trait] : []));
      if (traits.length === 0) return;
      accepted = traits;
      picker.hide();
    });
    picker.onDidHide(() => {
      picker.dispose();
      resolve(accepted);
    });
    picker.show();
  });
}




/** Writes a new entry under the journal, never over an existing file, and opens it. */
async function writeEntry(
  root: Extract<JournalRoot, { uri: vscode.Uri }>,
  traits: Trait[],
  title: string | undefined,
  day: number | undefined,
  log: vscode.LogOutputChannel,
  template: string | undefined,
  writer: JournalWriter,
  structure: ReflectionStructure,
): Promise<vscode.Uri | undefined> {
  // Another day at the current local time: the file is named by that day, the date is that day's.
  const now = entryMoment(day, new Date());
  const entry = buildEntry(traits, cleanTitle(title), now, template, structure);
  const bytes = new TextEncoder().encode(entry.text);
  const [year, month] = entryPathSegments(now, entry.slug);
  // Never write through a link that could lead outside the workspace (a cloned repo may hold one).
  const written = await writer.createUnique(root, [year, month], (attempt) => entryPathSegments(now, entry.slug, attempt)[2], bytes, MAX_NAME_ATTEMPTS);
  if ('link' in written) {
    void offerSettings(log, vscode.l10n.t('No entry was created. {0}', symbolicLinkError(written.link)));
    return undefined;
  }
  const uri = written.uri;
  // The cursor is placed as the editor opens: a person typing at once must not land in the
  // front matter.
  const cursor = new vscode.Position(entry.cursorLine, 0);
  try {
    await vscode.window.showTextDocument(uri, { preview: false, selection: new vscode.Range(cursor, cursor) });
  } catch (error) {
    // The entry exists; opening it can be cancelled (another editor opened at the same moment).
    log.warn(`Created ${uri.toString()} but could not open it: ${String(error)}`);
  }
  return uri;
}
