import * as vscode from 'vscode';
import { describeCurrentStreak, describeLongestStreak, weekStreaks } from '../core/streaks';
import { Balance, balanceDetails, describeBalance, pluralEntries, sideTotal } from '../core/balance';
import { escapeMarkdown } from '../core/hoverText';
import { IndexedEntry } from '../core/journalIndex';
import { JournalModel } from '../core/journalModel';
import { daysSinceLastReflected, describeDaysAgo, lookBackDays, neglectedTraits } from '../core/reflection';
import { Commands } from '../ids';
import { SIDES, SIDE_LABELS, SIDE_SUMMARIES, Side, Trait, traitsOfSide } from '../core/traits';

export type TraitTreeNode =
  | { readonly kind: 'balance' }
  | { readonly kind: 'side'; readonly side: Side }
  | { readonly kind: 'trait'; readonly trait: Trait }
  | { readonly kind: 'otherTags' }
  | { readonly kind: 'otherTag'; readonly tag: string; readonly count: number }
  | { readonly kind: 'lookBack' }
  | { readonly kind: 'entry'; readonly entry: IndexedEntry; readonly parentId: string; readonly note?: string }
  | { readonly kind: 'more'; readonly tag: string; readonly parentId: string; readonly hidden: number };

/** Entries listed under a trait or tag before a "Show more" row: a tree of 18,000 rows helps nobody. */
export const ENTRIES_PAGE_SIZE = 200;

const REFRESH_DELAY_MS = 50;

const TRAIT_ICONS: Readonly<Record<string, string>> = {
  'visionary-thinking': 'telescope',
  empathy: 'heart',
  innovation: 'lightbulb',
  influence: 'megaphone',
  'organizational-skills': 'checklist',
  'decision-making': 'git-compare',
  'problem-solving': 'tools',
  'time-management': 'watch',
};

export function balanceIcon(balance: Balance): vscode.ThemeIcon {
  switch (balance.state) {
    case 'empty':
      return new vscode.ThemeIcon('circle-large-outline');
    case 'balanced':
      return new vscode.ThemeIcon('pass-filled', new vscode.ThemeColor('charts.green'));
    case 'leaning-leadership':
      return new vscode.ThemeIcon('arrow-left', new vscode.ThemeColor('charts.yellow'));
    case 'leaning-management':
      return new vscode.ThemeIcon('arrow-right', new vscode.ThemeColor('charts.yellow'));
  }
}

/** The Traits view: the balance, each side with its traits and their entries, other tags. */
export class TraitTreeProvider implements vscode.TreeDataProvider<TraitTreeNode>, vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<TraitTreeNode | undefined>();
  readonly onDidChangeTreeData = this.changeEmitter.event;
  private readonly subscription: { dispose(): void };
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;

  private midnightTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly model: JournalModel) {
    this.subscription = model.onDidChange(() => this.scheduleRefresh());
    this.refreshAtMidnight();
  }

  /** "2 days ago" and Look back change with the date, not only with the journal. */
  private refreshAtMidnight(): void {
    const now = new Date();
    const nextMidnight = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, 0, 0, 5);
    this.midnightTimer = setTimeout(() => {
      this.refresh();
      this.refreshAtMidnight();
    }, nextMidnight.getTime() - now.getTime());
  }

  /** Coalesces bursts of index changes (a scan applies hundreds of batches) into one redraw. */
  private scheduleRefresh(): void {
    this.refreshTimer ??= setTimeout(() => {
      this.refreshTimer = undefined;
      this.refresh();
    }, REFRESH_DELAY_MS);
  }

  refresh(): void {
    this.changeEmitter.fire(undefined);
  }

  private get index() {
    return this.model.index;
  }

  getChildren(node?: TraitTreeNode): TraitTreeNode[] {
    if (!node) {
      // Empty: the view shows its welcome content instead.
      if (this.index.size === 0) return [];
      const roots: TraitTreeNode[] = [{ kind: 'balance' }];
      if (this.lookBackEntries().length > 0) roots.push({ kind: 'lookBack' });
      roots.push(...SIDES.map((side) => ({ kind: 'side' as const, side })));
      if (this.index.otherTags().length > 0) roots.push({ kind: 'otherTags' });
      return roots;
    }
    switch (node.kind) {
      case 'side':
        return traitsOfSide(node.side).map((trait) => ({ kind: 'trait' as const, trait }));
      case 'trait':
        return this.entryNodes(node.trait.id, `trait:${node.trait.id}`);
      case 'otherTags':
        return this.index.otherTags().map(({ tag, count }) => ({ kind: 'otherTag' as const, tag, count }));
      case 'otherTag':
        return this.entryNodes(node.tag, `tag:${node.tag}`);
      case 'lookBack':
        return this.lookBackEntries();
      default:
        return [];
    }
  }

  /** Entries written on this day one month and one year ago. */
  private lookBackEntries(): TraitTreeNode[] {
    return lookBackDays(new Date()).flatMap(({ label, day }) =>
      this.index.entriesOn(day).map((entry) => ({ kind: 'entry' as const, entry, parentId: 'lookBack', note: `${label.toLowerCase()} · ${day}` })),
    );
  }

  private readonly shownPerTag = new Map<string, number>();

  /** Lists `ENTRIES_PAGE_SIZE` more entries of `tag` (the "Show more" row). */
  showMore(tag: string): void {
    this.shownPerTag.set(tag, (this.shownPerTag.get(tag) ?? ENTRIES_PAGE_SIZE) + ENTRIES_PAGE_SIZE);
    this.refresh();
  }

  private entryNodes(tag: string, parentId: string): TraitTreeNode[] {
    const entries = this.index.entriesTagged(tag);
    const shown = this.shownPerTag.get(tag) ?? ENTRIES_PAGE_SIZE;
    const nodes: TraitTreeNode[] = entries.slice(0, shown).map((entry) => ({ kind: 'entry' as const, entry, parentId }));
    if (entries.length > shown) nodes.push({ kind: 'more', tag, parentId, hidden: entries.length - shown });
    return nodes;
  }

  getTreeItem(node: TraitTreeNode): vscode.TreeItem {
    switch (node.kind) {
      case 'balance':
        return this.balanceItem();
      case 'side':
        return this.sideItem(node.side);
      case 'trait':
        return this.traitItem(node.trait);
      case 'otherTags': {
        const item = new vscode.TreeItem(vscode.l10n.t('Other tags'), vscode.TreeItemCollapsibleState.Collapsed);
        item.id = 'otherTags';
        item.description = String(this.index.otherTags().length);
        item.tooltip = vscode.l10n.t('Tags in your entries that are not one of the traits.');
        item.iconPath = new vscode.ThemeIcon('tag');
        return item;
      }
      case 'otherTag': {
        const item = new vscode.TreeItem(`#${node.tag}`, vscode.TreeItemCollapsibleState.Collapsed);
        item.id = `tag:${node.tag}`;
        item.description = String(node.count);
        item.tooltip = vscode.l10n.t('{0} tagged #{1}', pluralEntries(node.count), node.tag);
        item.contextValue = 'otherTag';
        return item;
      }
      case 'entry':
        return this.entryItem(node.entry, node.parentId, node.note);
      case 'lookBack': {
        const item = new vscode.TreeItem(vscode.l10n.t('Look back'), vscode.TreeItemCollapsibleState.Collapsed);
        item.id = 'lookBack';
        item.description = vscode.l10n.t('on this day');
        item.tooltip = vscode.l10n.t('Entries you wrote on this day one month and one year ago.');
        item.iconPath = new vscode.ThemeIcon('history');
        return item;
      }
      case 'more': {
        const item = new vscode.TreeItem(vscode.l10n.t('Show {0} more…', Math.min(ENTRIES_PAGE_SIZE, node.hidden)), vscode.TreeItemCollapsibleState.None);
        item.id = `${node.parentId}:more`;
        item.description = `${node.hidden} older`;
        item.iconPath = new vscode.ThemeIcon('ellipsis');
        item.command = { command: Commands.showMoreEntries, title: vscode.l10n.t('Show More'), arguments: [node.tag] };
        return item;
      }
    }
  }

  private balanceItem(): vscode.TreeItem {
    const balance = this.model.balance();
    const item = new vscode.TreeItem(vscode.l10n.t('Balance'), vscode.TreeItemCollapsibleState.None);
    item.id = 'balance';
    item.description = describeBalance(balance);
    item.iconPath = balanceIcon(balance);
    const lines = balanceDetails(balance, this.index.countOf);
    const neglected = neglectedTraits(this.index, new Date(), this.model.neglectDays);
    if (balance.state !== 'empty' && neglected.length > 0) {
      lines.push(vscode.l10n.t('Not reflected on for {0} days or more: {1}.', this.model.neglectDays, neglected.map((trait) => trait.label).join(', ')));
    }
    // Streaks in weeks: a reflective journal is weekly.
    const streaks = weekStreaks(this.index.reflectionDays(), new Date());
    lines.push(describeCurrentStreak(streaks), describeLongestStreak(streaks));
    item.tooltip = new vscode.MarkdownString(lines.map(escapeMarkdown).join('  \n'));
    item.contextValue = 'balance';
    return item;
  }

  private sideItem(side: Side): vscode.TreeItem {
    const item = new vscode.TreeItem(SIDE_LABELS[side], vscode.TreeItemCollapsibleState.Expanded);
    item.id = `side:${side}`;
    const total = sideTotal(side, this.index.countOf);
    item.description = String(total);
    item.tooltip = `${SIDE_SUMMARIES[side]}\n${vscode.l10n.t('{0} trait tags across your entries.', total)}`;
    item.iconPath = new vscode.ThemeIcon(side === 'leadership' ? 'compass' : 'settings-gear');
    item.contextValue = 'side';
    return item;
  }

  private traitItem(trait: Trait): vscode.TreeItem {
    const count = this.index.countOf(trait.id);
    const days = daysSinceLastReflected(this.index, trait.id, new Date());
    // Entries without a readable date: say so, rather than "not yet" beside a count.
    const dateUnknown = count > 0 && days === undefined;
    const neglected = !dateUnknown && (days === undefined || days >= this.model.neglectDays);
    const when = dateUnknown ? vscode.l10n.t('date unknown') : describeDaysAgo(days);
    const item = new vscode.TreeItem(
      trait.label,
      count > 0 ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None,
    );
    item.id = `trait:${trait.id}`;
    item.description = `${pluralEntries(count)} · ${when}`;
    const tooltip = new vscode.MarkdownString();
    tooltip.appendMarkdown(`**${escapeMarkdown(trait.label)}** · ${SIDE_LABELS[trait.side]}\n\n`);
    tooltip.appendMarkdown(escapeMarkdown(trait.description));
    tooltip.appendMarkdown(`\n\n${escapeMarkdown(vscode.l10n.t('{0}, last {1}', pluralEntries(count), when))} · \\#${escapeMarkdown(trait.id)}`);
    if (neglected) tooltip.appendMarkdown(`\n\n${escapeMarkdown(vscode.l10n.t('Not reflected on for {0} days or more: a good one to write about next.', this.model.neglectDays))}`);
    item.tooltip = tooltip;
    // A neglected trait stands out in the warning colour.
    item.iconPath = new vscode.ThemeIcon((Object.hasOwn(TRAIT_ICONS, trait.id) ? TRAIT_ICONS[trait.id] : 'circle-outline'), neglected ? new vscode.ThemeColor('list.warningForeground') : undefined);
    item.contextValue = 'trait';
    return item;
  }

  private entryItem(entry: IndexedEntry, parentId: string, note?: string): vscode.TreeItem {
    const uri = vscode.Uri.parse(entry.key);
    const item = new vscode.TreeItem(entry.title, vscode.TreeItemCollapsibleState.None);
    item.id = `${parentId}:${entry.key}`;
    item.description = note ?? entry.day ?? '';
    item.resourceUri = uri;
    // Text from the file is escaped, so the tooltip never renders links or HTML from it.
    item.tooltip = new vscode.MarkdownString(
      [entry.title, vscode.workspace.asRelativePath(uri), entry.tags.map((tag) => `#${tag}`).join(' ')].map(escapeMarkdown).join('\n\n'),
    );
    item.command = { command: 'vscode.open', title: vscode.l10n.t('Open Entry'), arguments: [uri] };
    item.contextValue = 'entry';
    item.iconPath = new vscode.ThemeIcon('note');
    return item;
  }

  dispose(): void {
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    if (this.midnightTimer) clearTimeout(this.midnightTimer);
    this.subscription.dispose();
    this.changeEmitter.dispose();
  }
}

