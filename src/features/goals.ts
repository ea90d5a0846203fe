import * as vscode from 'vscode';
import { symbolicLinkError } from '../config';
import { localDay } from '../core/entryFactory';
import { GOALS_FOLDER, GoalPeriod, MAX_GOAL_TEXT, buildGoal, closedLineAt, goalFileName, goalProgress, openGoals, targetError, untilError } from '../core/goals';
import { IndexedEntry } from '../core/journalIndex';
import { JournalModel } from '../core/journalModel';
import { SIDES, SIDE_LABELS, Trait, normalizeTag, traitById, traitsOfSide } from '../core/traits';
import { Commands } from '../ids';
import { JournalWriter, UsableRoot, chooseJournal, offerSettings } from '../journalFiles';
import { showError } from '../userMessages';
import type { Services } from './services';

/** The argument of `balanceJournal.setGoal` without UI (tests, keybindings, other extensions). */
interface GoalArgs {
  trait: Trait;
  text: string;
  target: number;
  per: GoalPeriod;
  until: string | undefined;
  /** Replace an open goal of the trait without asking. */
  replace: boolean;
}

/**
 * `balanceJournal.setGoal`: a goal for one trait at `<journal>/goals/<trait-id>.md`. One open
 * goal per trait: a new one asks first, then closes the old one (a `closed:` line added to its
 * front matter by one undoable WorkspaceEdit, the file kept as history) and is written beside it
 * under a dated name (`goals/<trait-id>-<day>.md`). Returns the new goal's file.
 */
export function registerGoals({ model, log, writer, indexer, context }: Services): vscode.Disposable {
  const command = vscode.commands.registerCommand(Commands.setGoal, async (arg?: unknown) => {
    await indexer.settle();
    return setGoal(model, log, writer, arg);
  });
  const announcer = model.onDidChange(() => announceEndedGoals(model, context.workspaceState));
  announceEndedGoals(model, context.workspaceState);
  return vscode.Disposable.from(command, announcer);
}

const ANNOUNCED_KEY = 'balanceJournal.goalsAnnounced';

/**
 * Says once, per goal, that it was met or missed when its end date has passed (the trait row and
 * its tooltip go on saying it). Remembered per goal note and end date in the workspace state.
 */
function announceEndedGoals(model: JournalModel, memory: vscode.Memento): void {
  const announced = new Set(memory.get<string[]>(ANNOUNCED_KEY, []));
  const now = new Date();
  let changed = false;
  for (const [traitId, { note, goal }] of openGoals(model.index)) {
    if (!goal.until) continue;
    const id = `${note.key}#${goal.until}`;
    if (announced.has(id)) continue;
    const progress = goalProgress(goal, model.index.entriesTagged(traitId), now);
    if (!progress.ended) continue;
    announced.add(id);
    changed = true;
    const label = traitById(traitId)?.label ?? traitId;
    void vscode.window.showInformationMessage(
      progress.met
        ? vscode.l10n.t('Your goal for {0} was met: {1} of {2} by {3}.', label, progress.count, progress.target, goal.until)
        : vscode.l10n.t('Your goal for {0} was missed: {1} of {2} by {3}. Set a new one from the trait row when you are ready.', label, progress.count, progress.target, goal.until),
    );
  }
  // Bounded: the newest 200 are remembered.
  if (changed) void memory.update(ANNOUNCED_KEY, [...announced].slice(-200));
}

function rootPrefix(root: UsableRoot): string {
  return `${root.uri.toString().replace(/\/$/, '')}/`;
}

/** The open goal of `traitId` in this journal, if any. */
export function openGoalIn(model: JournalModel, root: UsableRoot, traitId: string): IndexedEntry | undefined {
  const prefix = rootPrefix(root);
  const notes = model.index.notesOf('goal').filter((note) => note.key.startsWith(prefix));
  return openGoals({ notesOf: () => notes }).get(traitId)?.note;
}

function parseGoalArgs(value: Record<string, unknown>): GoalArgs | { error: string } {
  const trait = typeof value.trait === 'string' ? traitById(normalizeTag(value.trait)) : undefined;
  if (!trait) return { error: vscode.l10n.t('"trait" must name a trait, e.g. "empathy".') };
  if (typeof value.text !== 'string' || !value.text.trim()) return { error: vscode.l10n.t('"text" must say what you want to get better at.') };
  if (typeof value.target !== 'number' || targetError(String(value.target))) return { error: vscode.l10n.t('"target" must be a whole number from 1 to 100.') };
  const per = value.per ?? 'week';
  if (per !== 'week' && per !== 'month') return { error: vscode.l10n.t('"per" must be "week" or "month".') };
  const until = value.until === undefined || value.until === null || value.until === '' ? undefined : value.until;
  if (until !== undefined && (typeof until !== 'string' || untilError(until, new Date()))) return { error: vscode.l10n.t('"until" must be a day like 2027-03-31, today or later.') };
  return { trait, text: value.text, target: value.target, per, until: until as string | undefined, replace: value.replace === true };
}

async function setGoal(model: JournalModel, log: vscode.LogOutputChannel, writer: JournalWriter, arg: unknown): Promise<vscode.Uri | undefined> {
  // From the tree: a trait row; from a keybinding or the palette: nothing; from code: the goal.
  const fromTree = typeof arg === 'object' && arg !== null && (arg as { kind?: unknown }).kind === 'trait' ? (arg as { trait: Trait }).trait : undefined;
  const given = typeof arg === 'object' && arg !== null && !fromTree && !(arg instanceof vscode.Uri) ? parseGoalArgs(arg as Record<string, unknown>) : undefined;
  if (given && 'error' in given) {
    void showError(log, vscode.l10n.t('No goal was set: {0}', given.error));
    return undefined;
  }
  const interactive = !given;

  const root = await chooseJournal(interactive, vscode.l10n.t("Which workspace folder's journal is this goal for?"));
  if (!root) return undefined;
  if ('error' in root) {
    void offerSettings(log, vscode.l10n.t('No goal was set. {0}', root.error));
    return undefined;
  }

  const trait = given?.trait ?? fromTree ?? (await pickTrait(model));
  if (!trait) return undefined;
  const previous = openGoalIn(model, root, trait.id);
  if (previous) {
    const replace = vscode.l10n.t('Replace');
    const confirmed = given
      ? given.replace
      : (await vscode.window.showWarningMessage(
          vscode.l10n.t('{0} already has a goal: "{1}". Replace it?', trait.label, previous.goal?.text ?? previous.title),
          { modal: true, detail: vscode.l10n.t('The current goal is kept as history, with today as its "closed:" date.') },
          replace,
        )) === replace;
    if (!confirmed) {
      if (given) void showError(log, vscode.l10n.t('No goal was set: {0} already has an open goal; pass "replace": true to replace it.', trait.label));
      return undefined;
    }
  }

  const goal = given ?? (await askGoal(trait));
  if (!goal) return undefined;

  const now = new Date();
  try {
    if (previous && !(await closeGoal(previous, localDay(now), log))) return undefined;
    const text = buildGoal({ trait: trait.id, text: goal.text, target: goal.target, per: goal.per, until: goal.until, now });
    const written = await writer.createUnique(root, [GOALS_FOLDER], (attempt) => goalFileName(trait.id, localDay(now), attempt), new TextEncoder().encode(text), 100);
    if ('link' in written) {
      void offerSettings(log, vscode.l10n.t('No goal was set. {0}', symbolicLinkError(written.link)));
      return undefined;
    }
    log.info(`Set a goal for ${trait.id}: ${written.uri.toString()}`);
    if (interactive) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Goal set for {0}: {1} per {2}. Its progress shows on the trait in the Traits view.', trait.label, goal.target, goal.per === 'week' ? vscode.l10n.t('week') : vscode.l10n.t('month')));
    }
    return written.uri;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    void showError(log, vscode.l10n.t('Could not set the goal ({0}). Check that the journal folder can be written to, then try again.', reason));
    return undefined;
  }
}

/**
 * Adds `closed: <day>` to the old goal's front matter: one WorkspaceEdit inserting one line,
 * undoable, saved when the file had no unsaved changes. False (with a message) when it cannot.
 */
async function closeGoal(note: IndexedEntry, day: string, log: vscode.LogOutputChannel): Promise<boolean> {
  const uri = vscode.Uri.parse(note.key);
  const document = await vscode.workspace.openTextDocument(uri);
  const line = closedLineAt(document.getText());
  if (line === undefined) {
    void showError(log, vscode.l10n.t('No goal was set: the current goal {0} has no front matter to close it in (or is already closed). Fix or remove it, then try again.', vscode.workspace.asRelativePath(uri)));
    return false;
  }
  const wasDirty = document.isDirty;
  const edit = new vscode.WorkspaceEdit();
  edit.insert(uri, new vscode.Position(line, 0), `closed: ${day}${document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n'}`);
  if (!(await vscode.workspace.applyEdit(edit))) {
    void showError(log, vscode.l10n.t('No goal was set: the current goal could not be closed.'));
    return false;
  }
  if (!wasDirty) await document.save();
  return true;
}

interface TraitItem extends vscode.QuickPickItem {
  trait?: Trait;
}

async function pickTrait(model: JournalModel): Promise<Trait | undefined> {
  const items: TraitItem[] = [];
  for (const side of SIDES) {
    items.push({ label: SIDE_LABELS[side], kind: vscode.QuickPickItemKind.Separator });
    for (const trait of traitsOfSide(side)) items.push({ label: trait.label, description: trait.description, detail: vscode.l10n.t('{0} so far', model.index.countOf(trait.id)), trait });
  }
  const picked = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Set a Goal: trait'), placeHolder: vscode.l10n.t('Which trait do you want to develop?'), matchOnDescription: true });
  return picked?.trait;
}

async function askGoal(trait: Trait): Promise<Omit<GoalArgs, 'trait' | 'replace'> | undefined> {
  const text = await vscode.window.showInputBox({
    title: vscode.l10n.t('Set a Goal for {0} (1/4)', trait.label),
    prompt: vscode.l10n.t('What do you want to get better at? In your own words.'),
    placeHolder: trait.prompts[0],
    validateInput: (value) => (!value.trim() ? vscode.l10n.t('Say what you want to get better at.') : value.length > MAX_GOAL_TEXT ? vscode.l10n.t('At most {0} characters.', MAX_GOAL_TEXT) : undefined),
  });
  if (text === undefined) return undefined;
  const periods = [
    { label: vscode.l10n.t('Per week'), per: 'week' as const },
    { label: vscode.l10n.t('Per month'), per: 'month' as const },
  ];
  const period = await vscode.window.showQuickPick(periods, { title: vscode.l10n.t('Set a Goal for {0} (2/4)', trait.label), placeHolder: vscode.l10n.t('Count entries on {0} per week or per month?', trait.label) });
  if (!period) return undefined;
  const target = await vscode.window.showInputBox({
    title: vscode.l10n.t('Set a Goal for {0} (3/4)', trait.label),
    prompt: period.per === 'week' ? vscode.l10n.t('How many entries on {0} per week?', trait.label) : vscode.l10n.t('How many entries on {0} per month?', trait.label),
    value: period.per === 'week' ? '2' : '4',
    validateInput: targetError,
  });
  if (target === undefined) return undefined;
  const until = await vscode.window.showInputBox({
    title: vscode.l10n.t('Set a Goal for {0} (4/4)', trait.label),
    prompt: vscode.l10n.t('Until when? A day like 2027-03-31, or empty for no end date.'),
    validateInput: (value) => untilError(value, new Date()),
  });
  if (until === undefined) return undefined;
  return { text, target: Number(target.trim()), per: period.per, until: until.trim() || undefined };
}
