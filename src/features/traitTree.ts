import * as vscode from 'vscode';
import { Balance, balanceDetails, describeBalance, pluralEntries, shortBalance, sideTotal, verdict } from '../core/balance';
import { formatDay } from '../core/dates';
import { describeCurrentStreak, describeLongestStreak, weekStreaks } from '../core/streaks';
import { escapeMarkdown } from '../core/hoverText';
import { IndexedEntry } from '../core/journalIndex';
import { JournalModel } from '../core/journalModel';
import { DueCommitment, dueCommitments } from '../core/commitments';
import { Goal, GoalProgress, goalProgress, openGoals } from '../core/goals';
import { TraitActivity, durationSince, isNeglected } from '../core/nextTrait';
import { describeDaysAgo, lookBackDays, lookBackFrom, shortDaysAgo } from '../core/reflection';
import { Commands } from '../ids';
import { TagTreeNode, otherTagTree } from '../core/tagTree';
import { SIDES, SIDE_LABELS, SIDE_SUMMARIES, Side, Trait, traitById, traitsOfSide } from '../core/traits';

// The rows above the entries are the same objects from one redraw to the next: VS Code maps its
// row handles to them, and a change then redraws those rows only. A whole-tree redraw makes VS
// Code forget every handle until it has asked for the rows again, and a + clicked in that moment
// reached New Entry without its trait.
const BALANCE: TraitTreeNode = Object.freeze({ kind: 'balance' });
/** The Look back row: it alone is redrawn when the open entry changes. */
const LOOK_BACK: TraitTreeNode = Object.freeze({ kind: 'lookBack' });
const FOLLOW_UPS: TraitTreeNode = Object.freeze({ kind: 'followUps' });
const OTHER_TAGS: TraitTreeNode = Object.freeze({ kind: 'otherTags' });
const SIDE_NODES: Readonly<Record<Side, TraitTreeNode>> = Object.freeze({
  leadership: Object.freeze({ kind: 'side', side: 'leadership' }),
  management: Object.freeze({ kind: 'side', side: 'management' }),
});

/** Characters of a trait row (label and description) that fit the default side bar width. */
const ROW_TEXT_LENGTH = 34;

export type TraitTreeNode =
  | { readonly kind: 'balance' }
  | { readonly kind: 'side'; readonly side: Side }
  | { readonly kind: 'trait'; readonly trait: Trait }
  | { readonly kind: 'otherTags' }
  | { readonly kind: 'otherTag'; readonly tag: string; readonly count: number; readonly node?: TagTreeNode }
  | { readonly kind: 'lookBack' }
  | { readonly kind: 'followUps' }
  | { readonly kind: 'commitment'; readonly due: DueCommitment }
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
  private readonly changeEmitter = new vscode.EventEmitter<TraitTreeNode | TraitTreeNode[] | undefined>();
  readonly onDidChangeTreeData = this.changeEmitter.event;
  private readonly subscription: { dispose(): void };
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;

  private midnightTimer: ReturnType<typeof setTimeout> | undefined;

  /** The entry in the active editor that Look back last looked from, by key ('' for today). */
  private lookBackKey = '';
  private readonly editorSubscription: { dispose(): void };

  constructor(private readonly model: JournalModel) {
    this.subscription = model.onDidChange(() => this.scheduleRefresh());
    // Look back follows the open entry: refresh only when that changes what it looks back from.
    // Only the Look back row is redrawn: the rest of the view stays still under the pointer.
    this.editorSubscription = vscode.window.onDidChangeActiveTextEditor(() => {
      if ((this.openEntry()?.key ?? '') === this.lookBackKey) return;
      this.lookBackKey = this.openEntry()?.key ?? '';
      this.changeEmitter.fire(LOOK_BACK);
    });
    this.refreshAtMidnight();
  }

  /** The reflection in the active editor, when it has a day: what Look back looks back from. */
  private openEntry(): IndexedEntry | undefined {
    const uri = vscode.window.activeTextEditor?.document.uri;
    const entry = uri ? this.index.get(uri.toString()) : undefined;
    return entry && entry.kind === 'entry' && entry.day ? entry : undefined;
  }

  /** The year of the journal's first dated reflection (this year when there is none). */
  private oldestYear(): number {
    let oldest = new Date().getFullYear();
    for (const day of this.index.reflectionDays()) oldest = Math.min(oldest, Number(day.slice(0, 4)));
    return oldest;
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

  /**
   * Redraws what the journal may have changed. When the same rows stay (the same sections, the
   * same traits), only they are redrawn, each with what is under it; a side only when its count
   * changed, since redrawing it makes VS Code ask for its trait rows again. Otherwise the whole tree.
   */
  refresh(): void {
    this.dueCache = undefined;
    this.goalsCache = undefined;
    const roots = this.rootNodes();
    const sameTraits = (side: Side) => {
      const shown = this.shownTraits.get(side);
      return shown === undefined || sameNodes(shown, this.traitNodesOf(side));
    };
    if (this.shownRoots === undefined || !sameNodes(this.shownRoots, roots) || !SIDES.every(sameTraits)) {
      this.shownRoots = undefined;
      this.shownTraits.clear();
      this.changeEmitter.fire(undefined);
      return;
    }
    const changed: TraitTreeNode[] = [];
    for (const node of roots) {
      // A side whose own row is unchanged: its trait rows only.
      if (node.kind === 'side' && this.shownSides.get(node.side) === this.sideState(node.side)) changed.push(...(this.shownTraits.get(node.side) ?? []));
      else changed.push(node);
    }
    this.changeEmitter.fire(changed);
  }

  /** The rows last handed to VS Code: the top level, and each side's traits. */
  private shownRoots: TraitTreeNode[] | undefined;
  private readonly shownTraits = new Map<Side, TraitTreeNode[]>();
  /** Per side: its description and which of its traits can be expanded, as last drawn. */
  private readonly shownSides = new Map<Side, string>();
  private readonly traitNodes = new Map<string, TraitTreeNode & { kind: 'trait' }>();

  /** The one row object of `trait` (a new one when the trait itself changed: custom traits). */
  traitNode(trait: Trait): TraitTreeNode {
    let node = this.traitNodes.get(trait.id);
    if (node?.trait !== trait) this.traitNodes.set(trait.id, (node = Object.freeze({ kind: 'trait' as const, trait })));
    return node;
  }

  private traitNodesOf(side: Side): TraitTreeNode[] {
    return traitsOfSide(side).map((trait) => this.traitNode(trait));
  }

  private rootNodes(): TraitTreeNode[] {
    // No reflections (reviews and reports are not): the view shows its welcome content instead.
    if (this.index.countOfKind('entry') === 0) return [];
    // Look back is always there, empty or not, so that opening an entry (which changes what it
    // looks back from) never moves the rows below it under the pointer.
    const roots: TraitTreeNode[] = [BALANCE, LOOK_BACK];
    if (this.dueCommitments().length > 0) roots.push(FOLLOW_UPS);
    roots.push(...SIDES.map((side) => SIDE_NODES[side]));
    if (this.index.otherTags().length > 0) roots.push(OTHER_TAGS);
    return roots;
  }

  private dueCache: DueCommitment[] | undefined;
  private goalsCache: Map<string, { goal: Goal }> | undefined;

  /** Open commitments due for a follow-up, oldest first; computed once per redraw. */
  dueCommitments(): DueCommitment[] {
    return (this.dueCache ??= dueCommitments(this.index, new Date(), this.model.followUpDays));
  }

  /** The open goal of `traitId` and its progress today, if it has one. */
  goalOf(traitId: string): GoalProgress | undefined {
    this.goalsCache ??= openGoals(this.index);
    const open = this.goalsCache.get(traitId);
    return open && goalProgress(open.goal, this.index.entriesTagged(traitId), new Date());
  }

  private get index() {
    return this.model.index;
  }

  getChildren(node?: TraitTreeNode): TraitTreeNode[] {
    if (!node) return (this.shownRoots = this.rootNodes());
    switch (node.kind) {
      case 'side': {
        const traits = this.traitNodesOf(node.side);
        this.shownTraits.set(node.side, traits);
        return traits;
      }
      case 'trait':
        return this.entryNodes(node.trait.id, `trait:${node.trait.id}`);
      case 'otherTags':
        // Nested tags (`one-on-one/alex`) as a tree under their parents, with rolled-up counts.
        return otherTagTree(this.index).map((tagNode) => this.otherTagNode(tagNode));
      case 'otherTag':
        return [...(node.node?.children ?? []).map((child) => this.otherTagNode(child)), ...this.entryNodes(node.tag, `tag:${node.tag}`)];
      case 'lookBack':
        return this.lookBackEntries();
      case 'followUps':
        return this.dueCommitments().slice(0, ENTRIES_PAGE_SIZE).map((due) => ({ kind: 'commitment' as const, due }));
      default:
        return [];
    }
  }

  private otherTagNode(tagNode: TagTreeNode): TraitTreeNode {
    return { kind: 'otherTag', tag: tagNode.tag, count: tagNode.count, node: tagNode };
  }

  /**
   * Entries written one month and one year before today; with an entry open, one month before its
   * day and on its day in every earlier year of the journal.
   */
  private lookBackEntries(): TraitTreeNode[] {
    const open = this.openEntry();
    this.lookBackKey = open?.key ?? '';
    const days = open ? lookBackFrom(open.day!, this.oldestYear()) : lookBackDays(new Date());
    return days.flatMap(({ label, day }) =>
      this.index.entriesOn(day).map((entry) => ({ kind: 'entry' as const, entry, parentId: 'lookBack', note: `${label.toLowerCase()} · ${formatDay(day)}` })),
    );
  }

  /** A trait's row has its side as parent (TreeView.reveal needs it); other rows are not revealed. */
  getParent(node: TraitTreeNode): TraitTreeNode | undefined {
    return node.kind === 'trait' ? SIDE_NODES[node.trait.side] : undefined;
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
        // A nested tag shows its own part under its parent (`alex` under `#one-on-one`).
        const nested = node.tag.includes('/');
        const item = new vscode.TreeItem(nested ? node.tag.slice(node.tag.lastIndexOf('/') + 1) : `#${node.tag}`, vscode.TreeItemCollapsibleState.Collapsed);
        item.id = `tag:${node.tag}`;
        item.description = String(node.count);
        item.tooltip =
          node.node && node.node.children.length > 0
            ? vscode.l10n.t('{0} tagged #{1} or a tag under it', pluralEntries(node.count), node.tag)
            : vscode.l10n.t('{0} tagged #{1}', pluralEntries(node.count), node.tag);
        item.contextValue = 'otherTag';
        return item;
      }
      case 'entry':
        return this.entryItem(node.entry, node.parentId, node.note);
      case 'lookBack': {
        const found = this.lookBackEntries().length;
        const item = new vscode.TreeItem(vscode.l10n.t('Look back'), found > 0 ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
        item.id = 'lookBack';
        const open = this.openEntry();
        const from = open ? vscode.l10n.t('from {0}', formatDay(open.day!)) : vscode.l10n.t('on this day');
        item.description = found > 0 ? from : vscode.l10n.t('{0} · nothing', from);
        item.tooltip = open
          ? vscode.l10n.t('Entries written one month before the open entry ({0}) and on its day in every earlier year.', formatDay(open.day!))
          : vscode.l10n.t('Entries you wrote on this day one month and one year ago. Open an entry to look back from its day.');
        item.iconPath = new vscode.ThemeIcon('history');
        return item;
      }
      case 'followUps': {
        const due = this.dueCommitments();
        const item = new vscode.TreeItem(vscode.l10n.t('Follow up'), vscode.TreeItemCollapsibleState.Expanded);
        item.id = 'followUps';
        item.description = due.length > ENTRIES_PAGE_SIZE ? vscode.l10n.t('{0} open, oldest {1} shown', due.length, ENTRIES_PAGE_SIZE) : String(due.length);
        item.tooltip = vscode.l10n.t('Commitments (- [ ] …) from entries {0} days old or more, not yet done or followed up. Follow up writes what happened; Mark Done ticks the box.', this.model.followUpDays);
        item.iconPath = new vscode.ThemeIcon('tasklist');
        item.contextValue = 'followUps';
        return item;
      }
      case 'commitment':
        return this.commitmentItem(node.due);
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

  /** `due`: what a neglected trait's row says, in words and not only in colour. */
  private dueLegend(): string {
    return vscode.l10n.t('"due": no entry for {0} days or more (setting balanceJournal.neglectDays).', this.model.neglectDays);
  }

  private activityOf(trait: Trait): TraitActivity | undefined {
    return this.model.activity().find((activity) => activity.trait.id === trait.id);
  }

  private balanceItem(): vscode.TreeItem {
    const balance = this.model.balance();
    // The verdict first and short, so a narrow sidebar keeps it: `Balanced · L 52% · M 48%`.
    const item = new vscode.TreeItem(verdict(balance.state), vscode.TreeItemCollapsibleState.None);
    item.id = 'balance';
    item.description = balance.state === 'empty' ? '' : shortBalance(balance);
    item.iconPath = balanceIcon(balance);
    const suggestion = balance.state === 'empty' ? undefined : this.model.nextTrait();
    const neglected = this.model.activity().filter((activity) => isNeglected(activity, this.model.neglectDays)).map((activity) => activity.trait);
    const lines = balanceDetails(balance, { suggestion, neglected, neglectDays: this.model.neglectDays });
    // Streaks in weeks: a reflective journal is weekly.
    const streaks = weekStreaks(this.index.reflectionDays(), new Date());
    lines.push(describeCurrentStreak(streaks), describeLongestStreak(streaks));
    const tooltip = new vscode.MarkdownString(`**${escapeMarkdown(vscode.l10n.t('Balance: {0}', describeBalance(balance)))}**\n\n${lines.map(escapeMarkdown).join('  \n')}`);
    if (balance.state !== 'empty') tooltip.appendMarkdown(`\n\n*${escapeMarkdown(this.dueLegend())}* ${escapeMarkdown(vscode.l10n.t('The pencil button starts an entry about the suggestion.'))}`);
    item.tooltip = tooltip;
    item.accessibilityInformation = { label: vscode.l10n.t('Balance: {0}', describeBalance(balance)) };
    // The inline "Write about it" (balanceJournal.writeSuggested) shows on this row.
    item.contextValue = suggestion ? 'balance' : 'balanceEmpty';
    return item;
  }

  private sideItem(side: Side): vscode.TreeItem {
    const item = new vscode.TreeItem(SIDE_LABELS[side], vscode.TreeItemCollapsibleState.Expanded);
    item.id = `side:${side}`;
    const total = sideTotal(side, this.index.countOf);
    item.description = this.sideDescription(side);
    this.shownSides.set(side, this.sideState(side));
    item.tooltip = `${SIDE_SUMMARIES[side]}\n${vscode.l10n.t('{0} trait tags across your entries: an entry tagged with two of its traits counts twice.', total)}`;
    item.iconPath = new vscode.ThemeIcon(side === 'leadership' ? 'compass' : 'settings-gear');
    item.contextValue = 'side';
    return item;
  }

  /**
   * What only a redraw of the side shows: its count, and which trait rows can be expanded (VS Code
   * takes a row's expandability when it asks for the row, not when the row alone is redrawn).
   */
  private sideState(side: Side): string {
    const expandable = traitsOfSide(side).map((trait) => (this.traitCount(trait) > 0 ? '+' : '-'));
    return `${this.sideDescription(side)} ${expandable.join('')}`;
  }

  private traitCount(trait: Trait): number {
    return this.activityOf(trait)?.count ?? this.index.countOf(trait.id);
  }

  /** Trait tags, not entries: an entry tagged with two traits of a side counts twice here. */
  private sideDescription(side: Side): string {
    const total = sideTotal(side, this.index.countOf);
    return total === 1 ? vscode.l10n.t('1 trait tag') : vscode.l10n.t('{0} trait tags', total);
  }

  private traitItem(trait: Trait): vscode.TreeItem {
    const activity = this.activityOf(trait);
    const count = this.traitCount(trait);
    const days = activity?.daysSince;
    // Entries without a readable date: say so, rather than "never" beside a count.
    const dateUnknown = count > 0 && days === undefined;
    const neglected = activity ? isNeglected(activity, this.model.neglectDays) : false;
    const item = new vscode.TreeItem(
      trait.label,
      count > 0 ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None,
    );
    item.id = `trait:${trait.id}`;
    // Short enough for a narrow sidebar (`9 · 4d ago`, `2 · 3w ago · due`, `9 · due`); a goal's progress and
    // feedback are added, in that order, only while the row stays within ROW_TEXT_LENGTH
    // characters. The tooltip always says everything, in sentences.
    const when = dateUnknown ? vscode.l10n.t('date unknown') : shortDaysAgo(days);
    const feedback = this.index.feedbackCountOf(trait.id);
    const goal = this.goalOf(trait.id);
    let description = neglected ? vscode.l10n.t('{0} · {1} · due', count, when) : vscode.l10n.t('{0} · {1}', count, when);
    // A long name on a due trait (`Organizational Skills`): the age goes before anything is cut.
    if (neglected && trait.label.length + description.length > ROW_TEXT_LENGTH) description = vscode.l10n.t('{0} · due', count);
    for (const extra of [goal ? (goal.ended ? (goal.met ? vscode.l10n.t('goal met') : vscode.l10n.t('goal missed')) : vscode.l10n.t('goal {0}/{1}', goal.count, goal.target)) : '', feedback > 0 ? vscode.l10n.t('{0} feedback', feedback) : '']) {
      if (extra && trait.label.length + description.length + 3 + extra.length <= ROW_TEXT_LENGTH) description += ` · ${extra}`;
    }
    item.description = description;
    const sentence = dateUnknown
      ? vscode.l10n.t('{0}, with no readable date.', pluralEntries(count))
      : days === undefined
        ? vscode.l10n.t('No entry yet.')
        : vscode.l10n.t('{0}, the last {1}.', pluralEntries(count), describeDaysAgo(days));
    const dueSentence = neglected ? (days === undefined ? vscode.l10n.t('Due: a good one to write about next.') : vscode.l10n.t('Due: no entry for {0}, a good one to write about next.', durationSince(days))) : '';
    const tooltip = new vscode.MarkdownString();
    tooltip.appendMarkdown(`**${escapeMarkdown(trait.label)}** · ${SIDE_LABELS[trait.side]}\n\n`);
    tooltip.appendMarkdown(escapeMarkdown(trait.description));
    tooltip.appendMarkdown(`\n\n${escapeMarkdown(sentence)} · \\#${escapeMarkdown(trait.id)}`);
    if (feedback > 0) tooltip.appendMarkdown(`\n\n${escapeMarkdown(vscode.l10n.t('Feedback from others on this trait: {0} (counted apart from your reflections).', feedback))}`);
    if (goal) {
      tooltip.appendMarkdown(`\n\n**${escapeMarkdown(vscode.l10n.t('Goal:'))}** ${escapeMarkdown(goal.goal.text || vscode.l10n.t('(no text)'))}`);
      tooltip.appendMarkdown(`\n\n${escapeMarkdown(vscode.l10n.t('Goal: {0}', goal.label))}`);
    }
    if (neglected) tooltip.appendMarkdown(`\n\n${escapeMarkdown(dueSentence)}\n\n*${escapeMarkdown(this.dueLegend())}*`);
    item.tooltip = tooltip;
    item.accessibilityInformation = { label: [trait.label, sentence, dueSentence].filter(Boolean).join(' ') };
    // A neglected trait also stands out in the warning colour (the word "due" says it without colour).
    item.iconPath = new vscode.ThemeIcon((Object.hasOwn(TRAIT_ICONS, trait.id) ? TRAIT_ICONS[trait.id] : 'circle-outline'), neglected ? new vscode.ThemeColor('list.warningForeground') : undefined);
    item.contextValue = 'trait';
    return item;
  }

  private commitmentItem({ entry, commitment, days }: DueCommitment): vscode.TreeItem {
    const uri = vscode.Uri.parse(entry.key);
    const item = new vscode.TreeItem(commitment.text, vscode.TreeItemCollapsibleState.None);
    item.id = `followUp:${entry.key}:${commitment.line}`;
    const traits = entry.tags.flatMap((tag) => {
      const trait = traitById(tag);
      return trait ? [trait.label] : [];
    });
    item.description = [traits.join(', '), entry.day ?? ''].filter(Boolean).join(' · ');
    const tooltip = new vscode.MarkdownString();
    tooltip.appendMarkdown(`**${escapeMarkdown(commitment.text)}**\n\n`);
    tooltip.appendMarkdown(escapeMarkdown(vscode.l10n.t('From "{0}", {1} days ago ({2}, line {3}).', entry.title, days, vscode.workspace.asRelativePath(uri), commitment.line + 1)));
    if (entry.tags.length > 0) tooltip.appendMarkdown(`\n\n${escapeMarkdown(entry.tags.map((tag) => `#${tag}`).join(' '))}`);
    item.tooltip = tooltip;
    item.resourceUri = uri;
    const at = new vscode.Range(commitment.line, commitment.column, commitment.line, commitment.column);
    item.command = { command: 'vscode.open', title: vscode.l10n.t('Open Entry'), arguments: [uri, { selection: at }] };
    item.contextValue = 'commitment';
    item.iconPath = new vscode.ThemeIcon('circle-large-outline');
    return item;
  }

  private entryItem(entry: IndexedEntry, parentId: string, note?: string): vscode.TreeItem {
    const uri = vscode.Uri.parse(entry.key);
    const item = new vscode.TreeItem(entry.title, vscode.TreeItemCollapsibleState.None);
    item.id = `${parentId}:${entry.key}`;
    item.description = note ?? (entry.day ? formatDay(entry.day) : '');
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
    this.editorSubscription.dispose();
    this.changeEmitter.dispose();
  }
}

function sameNodes(a: readonly TraitTreeNode[], b: readonly TraitTreeNode[]): boolean {
  return a.length === b.length && a.every((node, at) => node === b[at]);
}
