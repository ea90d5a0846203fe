import * as vscode from 'vscode';
import { JournalRoot, journalRoot } from './config';
import { pluralEntries } from './core/balance';
import { buildEntry, cleanTitle, entryPathSegments, MAX_TITLE_LENGTH, parseNewEntryArgs } from './core/entryFactory';
import { JournalIndex } from './core/journalIndex';
import { SIDES, SIDE_LABELS, Trait, traitsOfSide } from './core/traits';
import { Commands } from './ids';

const MAX_NAME_ATTEMPTS = 1000;

interface TraitPickItem extends vscode.QuickPickItem {
  trait?: Trait;
}

/** `balanceJournal.newEntry` and the tree's "+" (`balanceJournal.newEntryForTrait`). */
export function registerNewEntryCommands(index: JournalIndex, log: vscode.LogOutputChannel): vscode.Disposable[] {
  const run = (arg?: unknown) => newEntry(index, log, arg);
  return [
    vscode.commands.registerCommand(Commands.newEntry, run),
    vscode.commands.registerCommand(Commands.newEntryForTrait, (node?: { trait?: Trait }) =>
      node?.trait ? run({ traits: [node.trait.id] }) : run(),
    ),
  ];
}

/**
 * Creates an entry and opens it. With an argument `{ traits, title? }` it shows no UI; without,
 * it asks for traits and a title. Returns the new file, or undefined when cancelled or refused.
 */
async function newEntry(index: JournalIndex, log: vscode.LogOutputChannel, arg: unknown): Promise<vscode.Uri | undefined> {
  // Commands run from a keybinding without "args" receive nothing; from a menu, a URI or a node.
  const interactive = arg === undefined || arg instanceof vscode.Uri;
  let traits: Trait[];
  let title: string | undefined;
  if (!interactive) {
    const parsed = parseNewEntryArgs(arg);
    if ('error' in parsed) {
      void vscode.window.showErrorMessage(`Balance Journal: no entry was created. ${parsed.error}`);
      return undefined;
    }
    ({ traits, title } = parsed);
  }

  const root = await chooseJournal(interactive);
  if (!root) return undefined;
  if ('error' in root) {
    const action = await vscode.window.showErrorMessage(`Balance Journal: ${root.error}`, 'Open Settings');
    if (action) await vscode.commands.executeCommand('workbench.action.openSettings', 'balanceJournal.folder');
    return undefined;
  }

  if (interactive) {
    const picked = await pickTraits(index);
    if (!picked) return undefined;
    const typed = await vscode.window.showInputBox({
      title: 'New Entry: title (2/2)',
      prompt: `Optional. Leave empty to name the entry after ${picked[0].label}.`,
      placeHolder: 'e.g. Hard conversation about the roadmap',
      validateInput: (value) => (value.length > MAX_TITLE_LENGTH ? `At most ${MAX_TITLE_LENGTH} characters.` : undefined),
    });
    if (typed === undefined) return undefined;
    traits = picked;
    title = typed;
  }

  try {
    const uri = await writeEntry(root.uri, traits!, title);
    log.info(`Created ${uri.fsPath || uri.toString()}`);
    return uri;
  } catch (error) {
    log.error(`Could not create an entry: ${String(error)}`);
    void vscode.window.showErrorMessage(`Balance Journal: could not create the entry: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}

async function chooseJournal(interactive: boolean): Promise<JournalRoot | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 0) {
    const action = await vscode.window.showInformationMessage(
      'Balance Journal keeps your entries in a folder. Open a folder to start your journal.',
      'Open Folder',
    );
    if (action) await vscode.commands.executeCommand('vscode.openFolder');
    return undefined;
  }
  if (folders.length === 1) return journalRoot(folders[0]);
  if (!interactive) {
    // No UI: the folder of the active editor, else the first one.
    const active = vscode.window.activeTextEditor?.document.uri;
    const folder = (active && vscode.workspace.getWorkspaceFolder(active)) ?? folders[0];
    return journalRoot(folder);
  }
  const folder = await vscode.window.showWorkspaceFolderPick({ placeHolder: 'Which workspace folder keeps this journal?' });
  return folder && journalRoot(folder);
}

function pickTraits(index: JournalIndex): Promise<Trait[] | undefined> {
  const items: TraitPickItem[] = [];
  for (const side of SIDES) {
    items.push({ label: SIDE_LABELS[side], kind: vscode.QuickPickItemKind.Separator });
    for (const trait of traitsOfSide(side)) {
      items.push({ label: trait.label, description: trait.description, detail: `${pluralEntries(index.countOf(trait.id))} so far`, trait });
    }
  }
  const picker = vscode.window.createQuickPick<TraitPickItem>();
  picker.title = 'New Entry: traits';
  picker.step = 1;
  picker.totalSteps = 2;
  picker.placeholder = 'Which traits does this entry reflect on? Space selects, Enter confirms.';
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

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** Writes a new entry under `journal`, never over an existing file, and opens it. */
async function writeEntry(journal: vscode.Uri, traits: Trait[], title: string | undefined): Promise<vscode.Uri> {
  const now = new Date();
  const entry = buildEntry(traits, cleanTitle(title), now);
  const bytes = new TextEncoder().encode(entry.text);
  for (let attempt = 1; attempt <= MAX_NAME_ATTEMPTS; attempt++) {
    const uri = vscode.Uri.joinPath(journal, ...entryPathSegments(now, entry.slug, attempt));
    if (await exists(uri)) continue;
    await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(uri, '..'));
    await vscode.workspace.fs.writeFile(uri, bytes);
    // The cursor is placed as the editor opens: a person typing at once must not land in the
    // front matter.
    const cursor = new vscode.Position(entry.cursorLine, 0);
    await vscode.window.showTextDocument(uri, { preview: false, selection: new vscode.Range(cursor, cursor) });
    return uri;
  }
  throw new Error(`every name from ${entry.slug} to ${entry.slug}-${MAX_NAME_ATTEMPTS} is taken`);
}
