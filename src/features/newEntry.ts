import * as vscode from 'vscode';
import { JournalRoot, symbolicLinkError } from '../config';
import { pluralEntries } from '../core/balance';
import { buildEntry, cleanTitle, entryPathSegments, MAX_TITLE_LENGTH, parseNewEntryArgs } from '../core/entryFactory';
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
 * title, Escape keeps the trait's name) and the Balance row's "Write about it"
 * (`balanceJournal.writeSuggested`: the trait core/nextTrait suggests).
 */
export function registerNewEntryCommands({ model, log, templates, writer, context }: Services): vscode.Disposable[] {
  const run = (arg?: unknown) => newEntry(model.index, log, templates, writer, arg, context.workspaceState);
  return [
    vscode.commands.registerCommand(Commands.newEntry, run),
    vscode.commands.registerCommand(Commands.newEntryForTrait, (node?: { trait?: Trait }) =>
      node?.trait ? run({ traits: [node.trait.id], askTitle: true }) : run(),
    ),
    vscode.commands.registerCommand(Commands.writeSuggested, () => {
      const suggestion = model.nextTrait();
      return suggestion ? run({ traits: [suggestion.trait.id], askTitle: true }) : run();
    }),
  ];
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
 * Creates an entry and opens it. With an argument `{ traits, title? }` it shows no UI; without,
 * it asks for traits and a title. Returns the new file, or undefined when cancelled or refused.
 */
async function newEntry(index: JournalIndex, log: vscode.LogOutputChannel, templates: EntryTemplates, writer: JournalWriter, arg: unknown, memory: vscode.Memento): Promise<vscode.Uri | undefined> {
  // Commands run from a keybinding without "args" receive nothing; from a menu, a URI or a node.
  const interactive = arg === undefined || arg instanceof vscode.Uri;
  let traits: Trait[];
  let title: string | undefined;
  // The setting chooses the structure, or (`ask`, the default) New Entry asks, offering the last one first.
  const setting = vscode.workspace.getConfiguration(Settings.section).get<unknown>(Settings.reflectionStructure);
  let structure: ReflectionStructure | undefined = isReflectionStructure(setting) ? setting : undefined;
  if (!interactive) {
    const parsed = parseNewEntryArgs(arg);
    if ('error' in parsed) {
      void showError(log, vscode.l10n.t('No entry was created: {0}', parsed.error));
      return undefined;
    }
    ({ traits, title } = parsed);
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
    const steps = structure ? 2 : 3;
    const picked = await pickTraits(index, steps);
    if (!picked) return undefined;
    if (!structure) {
      structure = await pickStructure(memory);
      if (!structure) return undefined;
    }
    const typed = await vscode.window.showInputBox({
      title: steps === 2 ? vscode.l10n.t('New Entry: title (2/2)') : vscode.l10n.t('New Entry: title (3/3)'),
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
    const uri = await writeEntry(root, traits!, title, log, template, writer, structure ?? 'trait-prompts');
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

/** The structure step: the one chosen last time in this workspace first. */
async function pickStructure(memory: vscode.Memento): Promise<ReflectionStructure | undefined> {
  const last = memory.get<unknown>(LAST_STRUCTURE_KEY);
  const order = isReflectionStructure(last) ? [last, ...REFLECTION_STRUCTURES.filter((structure) => structure !== last)] : [...REFLECTION_STRUCTURES];
  const picked = await vscode.window.showQuickPick(
    order.map((structure) => ({ label: structureLabel(structure), detail: structureDescription(structure), structure })),
    { title: vscode.l10n.t('New Entry: structure (2/3)'), placeHolder: vscode.l10n.t('How do you want to reflect? (setting balanceJournal.reflectionStructure)') },
  );
  if (picked) await memory.update(LAST_STRUCTURE_KEY, picked.structure);
  return picked?.structure;
}

function pickTraits(index: JournalIndex, steps: number): Promise<Trait[] | undefined> {
  const items: TraitPickItem[] = [];
  for (const side of SIDES) {
    items.push({ label: SIDE_LABELS[side], kind: vscode.QuickPickItemKind.Separator });
    for (const trait of traitsOfSide(side)) {
      items.push({ label: trait.label, description: trait.description, detail: vscode.l10n.t('{0} so far', pluralEntries(index.countOf(trait.id))), trait });
    }
  }
  const picker = vscode.window.createQuickPick<TraitPickItem>();
  picker.title = vscode.l10n.t('New Entry: traits');
  picker.step = 1;
  picker.totalSteps = steps;
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
  log: vscode.LogOutputChannel,
  template: string | undefined,
  writer: JournalWriter,
  structure: ReflectionStructure,
): Promise<vscode.Uri | undefined> {
  const now = new Date();
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
