import * as vscode from 'vscode';
import { pluralEntries } from '../core/balance';
import { DayRange, describeRange, entryListMarkdown, findEntries } from '../core/findEntries';
import { IndexedEntry } from '../core/journalIndex';
import { JournalModel } from '../core/journalModel';
import { SIDES, SIDE_LABELS, normalizeTag, traitById, traitsOfSide } from '../core/traits';
import { Commands } from '../ids';
import { showError } from '../userMessages';
import { PeriodArgument, periodFromArgument, pickPeriod } from '../periodPicker';
import type { Services } from './services';

interface TagPick extends vscode.QuickPickItem {
  readonly tag?: string;
}

interface ResultPick extends vscode.QuickPickItem {
  readonly entry?: IndexedEntry;
}

/**
 * `balanceJournal.findEntries`: tags (traits and your own) and a period, then the matching
 * entries with their days and titles; picking one opens it, `Open All` opens them as a list in
 * the Markdown preview. With `{ tags, period | from/to, openAll? }` it asks nothing. Returns the
 * entries found.
 */
export function registerFindEntries({ model, log }: Services): vscode.Disposable {
  return vscode.commands.registerCommand(Commands.findEntries, (arg?: unknown) => find(model, log, arg));
}

async function find(model: JournalModel, log: vscode.LogOutputChannel, arg: unknown): Promise<vscode.Uri[]> {
  let tags: string[];
  let range: DayRange;
  const given = typeof arg === 'object' && arg !== null && !Array.isArray(arg) && !(arg instanceof vscode.Uri) ? (arg as PeriodArgument & { tags?: unknown; openAll?: unknown }) : undefined;
  if (given) {
    if (given.tags !== undefined && (!Array.isArray(given.tags) || given.tags.some((tag) => typeof tag !== 'string'))) {
      void showError(log, vscode.l10n.t('Find Entries: "tags" must be a list of tags, e.g. ["empathy", "retro"].'));
      return [];
    }
    tags = ((given.tags as string[] | undefined) ?? []).map(normalizeTag).filter(Boolean);
    const parsed = periodFromArgument(given);
    if ('error' in parsed) {
      void showError(log, vscode.l10n.t('Find Entries: {0}', parsed.error));
      return [];
    }
    range = parsed;
  } else {
    const picked = await pickTags(model);
    if (!picked) return [];
    const period = await pickPeriod(vscode.l10n.t('Find Entries: period (2/2)'));
    if (!period) return [];
    [tags, range] = [picked, period];
  }

  const candidates = tags.length > 0 ? model.index.entriesTagged(tags[0]) : model.index.reflections();
  const found = findEntries(candidates, tags, range);
  const uris = found.map((entry) => vscode.Uri.parse(entry.key, true));
  if (found.length === 0) {
    void vscode.window.showInformationMessage(
      tags.length > 0 ? vscode.l10n.t('No entries tagged {0}, {1}.', tags.map(tagLabel).join(' + '), describeRange(range)) : vscode.l10n.t('No entries, {0}.', describeRange(range)),
    );
    return [];
  }
  if (given?.openAll === true) {
    await openAll(found, tags, range);
    return uris;
  }
  const shown = showResults(found, tags, range, log);
  // Asked through the UI: the command resolves once the person has chosen.
  if (!given) await shown;
  return uris;
}

function tagLabel(tag: string): string {
  return traitById(tag)?.label ?? `#${tag}`;
}

function pickTags(model: JournalModel): Promise<string[] | undefined> {
  const index = model.index;
  const items: TagPick[] = [];
  for (const side of SIDES) {
    items.push({ label: SIDE_LABELS[side], kind: vscode.QuickPickItemKind.Separator });
    for (const trait of traitsOfSide(side)) items.push({ label: trait.label, description: trait.id, detail: pluralEntries(index.countOf(trait.id)), tag: trait.id });
  }
  const others = index.otherTags();
  if (others.length > 0) {
    items.push({ label: vscode.l10n.t('Other tags'), kind: vscode.QuickPickItemKind.Separator });
    for (const { tag, count } of others) items.push({ label: `#${tag}`, description: pluralEntries(count), tag });
  }
  const picker = vscode.window.createQuickPick<TagPick>();
  picker.title = vscode.l10n.t('Find Entries: tags (1/2)');
  picker.placeholder = vscode.l10n.t('Entries with every tag you tick; none ticked: any entry. Space ticks, Enter confirms.');
  picker.canSelectMany = true;
  picker.matchOnDescription = true;
  picker.items = items;
  return new Promise((resolve) => {
    let accepted: string[] | undefined;
    picker.onDidAccept(() => {
      accepted = picker.selectedItems.flatMap((item) => (item.tag ? [item.tag] : []));
      picker.hide();
    });
    picker.onDidHide(() => {
      picker.dispose();
      resolve(accepted);
    });
    picker.show();
  });
}

/** The entries found in a QuickPick: one opens; `Open All` opens the list in the Markdown preview. */
async function showResults(found: readonly IndexedEntry[], tags: readonly string[], range: DayRange, log: vscode.LogOutputChannel): Promise<void> {
  const openAllItem: ResultPick = { label: `$(list-unordered) ${vscode.l10n.t('Open All ({0}) as a List', found.length)}`, description: vscode.l10n.t('in the Markdown preview'), alwaysShow: true };
  const items: ResultPick[] = [
    openAllItem,
    { label: '', kind: vscode.QuickPickItemKind.Separator },
    ...found.map((entry) => {
      const traits = entry.tags.flatMap((tag) => traitById(tag)?.label ?? []);
      return { label: entry.title, description: [entry.day ?? vscode.l10n.t('date unknown'), ...traits].join(' · '), detail: vscode.workspace.asRelativePath(vscode.Uri.parse(entry.key, true), true), entry };
    }),
  ];
  const title = tags.length > 0 ? vscode.l10n.t('{0} tagged {1}, {2}', pluralEntries(found.length), tags.map(tagLabel).join(' + '), describeRange(range)) : vscode.l10n.t('{0}, {1}', pluralEntries(found.length), describeRange(range));
  const picked = await vscode.window.showQuickPick(items, { title, placeHolder: vscode.l10n.t('Type to filter; Enter opens'), matchOnDescription: true, matchOnDetail: true });
  if (!picked) return;
  if (picked === openAllItem) {
    await openAll(found, tags, range);
    return;
  }
  try {
    await vscode.window.showTextDocument(vscode.Uri.parse(picked.entry!.key, true), { preview: false });
  } catch (error) {
    log.warn(`Could not open ${picked.entry!.key}: ${String(error)}`);
  }
}

/** The entries as a Markdown list with links, in the Markdown preview (an unsaved document). */
async function openAll(found: readonly IndexedEntry[], tags: readonly string[], range: DayRange): Promise<void> {
  const content = entryListMarkdown(found, tags, range, (key) => vscode.Uri.parse(key, true).toString());
  const document = await vscode.workspace.openTextDocument({ language: 'markdown', content });
  await vscode.commands.executeCommand('markdown.showPreview', document.uri);
}
