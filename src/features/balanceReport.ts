import * as vscode from 'vscode';
import { symbolicLinkError } from '../config';
import { REPORT_RANGES, REPORT_WEEKS, ReportRange, buildBalanceReport, reportMarkdown } from '../core/balanceReport';
import { formatDay, formatLongDay } from '../core/dates';
import { allTraits, traitById } from '../core/traits';
import { compareFeedback } from '../core/reportFeedback';
import { reportGoals } from '../core/reportGoals';
import { reportHtml, reportTitle } from '../core/reportHtml';
import { clampYear } from '../core/reportCalendar';
import { localDayNumber, parseDay } from '../core/periods';
import { pluralEntries } from '../core/balance';
import { JournalModel } from '../core/journalModel';
import { ResendUntilShown } from '../core/resendUntilShown';
import type { Services } from './services';
import { Commands } from '../ids';
import { JournalWriter, UsableRoot, chooseJournal } from '../journalFiles';
import { showError } from '../userMessages';

const VIEW_TYPE = 'balanceJournal.report';
const panelTitle = reportTitle;
/** Where the range the reader chose is kept (per workspace). */
const RANGE_KEY = 'balanceJournal.report.range';

/** Index changes come in bursts (a scan, a save): redraw once they settle. */
const RENDER_DELAY_MS = 200;
/** Behind other tabs (as VS Code tells it) the page is kept up to date less often. */
const HIDDEN_RENDER_DELAY_MS = 2000;
const MAX_NAME_ATTEMPTS = 1000;
const REPORTS_FOLDER = 'reports';

let current: ReportPanel | undefined;

/**
 * `balanceJournal.showReport` (returns the panel) and `balanceJournal.exportReport` (writes the
 * report into the journal, returns the new file). `extensionUri` defaults to this extension's.
 */
export function registerBalanceReport({ model, log, context, writer }: Services): vscode.Disposable[] {
  const range = {
    get: (): ReportRange => parseRange(context.workspaceState.get<unknown>(RANGE_KEY)) ?? REPORT_WEEKS,
    set: (value: ReportRange) => void context.workspaceState.update(RANGE_KEY, value),
  };
  const exportNow = (arg?: unknown) => exportReport(model, log, writer, range.get(), arg);
  return [
    // `{ weeks: 4 | 12 | 52 | 'all' }` chooses the range, as the panel's range control does;
    // `{ year }` shows that ISO year in the calendar (a test, a keybinding); by default this year.
    vscode.commands.registerCommand(Commands.showReport, (arg?: unknown) => {
      const weeks = typeof arg === 'object' && arg !== null ? parseRange((arg as { weeks?: unknown }).weeks) : undefined;
      if (weeks !== undefined) range.set(weeks);
      return ReportPanel.createOrShow(model, log, context.extensionUri, exportNow, range, yearArgument(arg)).panel;
    }),
    vscode.commands.registerCommand(Commands.exportReport, exportNow),
    vscode.commands.registerCommand(Commands.openDay, (day?: unknown) => openDay(model, log, day)),
    { dispose: () => current?.dispose() },
  ];
}

/** A range the control offers (`4`, `12`, `52`, `all`, as a number or text), else undefined. */
export function parseRange(value: unknown): ReportRange | undefined {
  const candidate = value === 'all' ? 'all' : typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  return REPORT_RANGES.find((choice) => choice === candidate);
}

interface RangeStore {
  get(): ReportRange;
  set(value: ReportRange): void;
}

class ReportPanel {
  private readonly disposables: vscode.Disposable[] = [];
  private renderTimer: ReturnType<typeof setTimeout> | undefined;
  /** The last rendered content without its nonce: an unchanged report is not redrawn. */
  private lastContent = '';

  /** The ISO year the calendar shows; undefined: the current one (it follows the date). */
  private year: number | undefined;
  /** The page says it is shown (media/report.js); one a webview lost is sent again. */
  private readonly delivery = new ResendUntilShown(() => this.resendPage());

  static createOrShow(model: JournalModel, log: vscode.LogOutputChannel, extensionUri: vscode.Uri, exportNow: () => Promise<vscode.Uri | undefined>, range: RangeStore, year?: number): ReportPanel {
    if (current) {
      if (year !== undefined) current.year = year;
      current.panel.reveal();
      current.render();
      return current;
    }
    const media = vscode.Uri.joinPath(extensionUri, 'media');
    const panel = vscode.window.createWebviewPanel(VIEW_TYPE, panelTitle(), vscode.ViewColumn.Active, {
      enableScripts: true,
      localResourceRoots: [media],
    });
    panel.iconPath = vscode.Uri.joinPath(media, 'activity-bar.svg');
    current = new ReportPanel(panel, model, log, media, exportNow, range, year);
    return current;
  }

  private constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly model: JournalModel,
    private readonly log: vscode.LogOutputChannel,
    private readonly media: vscode.Uri,
    private readonly exportNow: () => Promise<vscode.Uri | undefined>,
    private readonly range: RangeStore,
    year: number | undefined,
  ) {
    this.year = year;
    this.disposables.push(
      // Files, your traits and the settings: one event for all, so the report is never stale.
      model.onDidChange(() => this.scheduleRender()),
      panel.webview.onDidReceiveMessage((message: unknown) => this.onMessage(message)),
      panel.onDidDispose(() => this.dispose()),
    );
    this.render();
  }

  private scheduleRender(): void {
    // Drawn even when VS Code says the panel is hidden: that flag can be wrong just after the
    // panel opens (a CI run showed the report stuck on its empty page while the scan filled the
    // journal), and a hidden webview simply shows the latest page when it comes back.
    this.renderTimer ??= setTimeout(() => {
      this.renderTimer = undefined;
      try {
        this.render();
      } catch (error) {
        this.log.error(`The Balance Report could not be drawn: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      }
    }, this.panel.visible ? RENDER_DELAY_MS : HIDDEN_RENDER_DELAY_MS);
  }

  /** The page sent last did not say it is shown: send it again. */
  private resendPage(): void {
    this.log.warn('The Balance Report page did not show; sending it again.');
    this.lastContent = '';
    this.render();
  }

  render(): void {
    const report = buildBalanceReport(this.model.index, { now: new Date(), tolerance: this.model.tolerance, neglectDays: this.model.neglectDays, weeks: this.range.get(), calendarYear: this.year });
    const webview = this.panel.webview;
    const resources = {
      cspSource: webview.cspSource,
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(this.media, 'report.css')).toString(),
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(this.media, 'report.js')).toString(),
    };
    // Setting the same HTML again would reload the page and lose the reader's scroll position.
    const goals = reportGoals(this.model.index, new Date());
    const index = this.model.index;
    const feedback = report.totalEntries === 0 ? undefined : compareFeedback(allTraits(), (tag) => index.countOf(tag), (tag) => index.feedbackCountOf(tag));
    const content = reportHtml(report, { ...resources, nonce: '' }, goals, feedback);
    if (content === this.lastContent) return;
    this.lastContent = content;
    const nonce = makeNonce();
    webview.html = reportHtml(report, { ...resources, nonce }, goals, feedback);
    // A hidden webview loads its page only when shown again: nothing to wait for until then.
    if (this.panel.visible) this.delivery.sent(nonce);
    else this.delivery.stop();
  }

  /** What the page asks (media/report.js); everything it sends is checked, nothing is trusted. */
  private async onMessage(message: unknown): Promise<void> {
    if (typeof message !== 'object' || message === null) return;
    const { type, id, weeks, year, day, nonce } = message as { type?: unknown; id?: unknown; weeks?: unknown; year?: unknown; day?: unknown; nonce?: unknown };
    const trait = typeof id === 'string' ? traitById(id) : undefined;
    switch (type) {
      case 'shown':
        this.delivery.shown(nonce);
        return;
      case 'export': {
        const uri = await this.exportNow();
        const name = uri && vscode.workspace.asRelativePath(uri, false);
        void this.panel.webview.postMessage(uri ? { type: 'exported', text: vscode.l10n.t('Saved {0}.', name ?? '') } : { type: 'exportFailed', text: vscode.l10n.t('The report was not exported.') });
        return;
      }
      case 'range': {
        const range = parseRange(weeks);
        if (range === undefined || range === this.range.get()) return;
        this.range.set(range);
        this.render();
        return;
      }
      case 'openTrait':
        if (trait) await vscode.commands.executeCommand(Commands.showTraitEntries, trait.id);
        return;
      case 'writeAbout':
        if (trait) await vscode.commands.executeCommand(Commands.newEntry, { traits: [trait.id], askTitle: true });
        return;
      case 'newEntry':
        await vscode.commands.executeCommand(Commands.newEntry);
        return;
      case 'year': {
        const wanted = yearArgument({ year });
        if (wanted === undefined) return;
        this.year = wanted;
        this.render();
        return;
      }
      case 'openDay':
        await vscode.commands.executeCommand(Commands.openDay, day);
        return;
    }
  }

  dispose(): void {
    if (current === this) current = undefined;
    if (this.renderTimer) clearTimeout(this.renderTimer);
    this.renderTimer = undefined;
    this.delivery.stop();
    for (const disposable of this.disposables.splice(0)) disposable.dispose();
    this.panel.dispose();
  }
}

/** `{ year }` with a whole year the calendar can show, else undefined. */
function yearArgument(arg: unknown): number | undefined {
  const year = typeof arg === 'object' && arg !== null ? (arg as { year?: unknown }).year : undefined;
  return typeof year === 'number' && Number.isInteger(year) && clampYear(year) === year ? year : undefined;
}

interface EntryPick extends vscode.QuickPickItem {
  readonly uri: vscode.Uri;
}

/**
 * `balanceJournal.openDay` (the calendar's Enter): the reflections of a local day `YYYY-MM-DD`,
 * one opened at once, several offered in a QuickPick; none: an offer to write one for that day.
 * Returns the entries it opened.
 */
async function openDay(model: JournalModel, log: vscode.LogOutputChannel, day: unknown): Promise<vscode.Uri[]> {
  const number = typeof day === 'string' ? parseDay(day) : undefined;
  if (number === undefined) return [];
  const entries = model.index.entriesOn(day as string);
  const name = formatLongDay(day as string);
  if (entries.length === 0) {
    if (number > localDayNumber(Date.now())) return [];
    const write = vscode.l10n.t('New Entry for This Day');
    void vscode.window.showInformationMessage(vscode.l10n.t('No entries on {0}.', name), write).then((choice) => {
      if (choice === write) void vscode.commands.executeCommand(Commands.newEntry, { date: day });
    });
    return [];
  }
  let chosen: vscode.Uri[];
  if (entries.length === 1) {
    chosen = [vscode.Uri.parse(entries[0].key, true)];
  } else {
    const items: EntryPick[] = entries.map((entry) => {
      const uri = vscode.Uri.parse(entry.key, true);
      const traits = entry.tags.flatMap((tag) => traitById(tag)?.label ?? []);
      return { label: entry.title, description: traits.join(', '), detail: vscode.workspace.asRelativePath(uri, true), uri };
    });
    const picked = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Entries on {0}', name), placeHolder: vscode.l10n.t('{0}: pick one to open', pluralEntries(entries.length)), matchOnDescription: true });
    if (!picked) return [];
    chosen = [picked.uri];
  }
  for (const uri of chosen) {
    try {
      await vscode.window.showTextDocument(uri, { preview: false, viewColumn: vscode.ViewColumn.Beside });
    } catch (error) {
      log.warn(`Could not open ${uri.toString()}: ${String(error)}`);
    }
  }
  return chosen;
}

function makeNonce(): string {
  // Web Crypto: the same in the Node and the web worker extension hosts.
  const bytes = crypto.getRandomValues(new Uint8Array(18));
  return btoa(String.fromCharCode(...bytes));
}

/** `reports/balance-report-YYYY-MM-DD.md` (local day), then `-2`, `-3`, …: never over a file. */
export function reportFileName(day: string, attempt: number): string {
  return attempt <= 1 ? `balance-report-${day}.md` : `balance-report-${day}-${attempt}.md`;
}

type IfExists = 'update' | 'open' | 'new';

/** `{ ifExists: 'update' | 'open' | 'new' }`: what to do when today's export exists, without asking. */
function parseIfExists(arg: unknown): IfExists | undefined {
  if (typeof arg !== 'object' || arg === null) return undefined;
  const value = (arg as { ifExists?: unknown }).ifExists;
  return value === 'update' || value === 'open' || value === 'new' ? value : undefined;
}

/**
 * Writes the report into `<journal>/reports/balance-report-<day>.md` and opens it. When today's
 * export exists, asks: update it (a WorkspaceEdit of that file), open it, or (only on request) a
 * new file `-2`, `-3`, …. Nothing to export without an entry.
 */
async function exportReport(model: JournalModel, log: vscode.LogOutputChannel, writer: JournalWriter, weeks: ReportRange, arg: unknown): Promise<vscode.Uri | undefined> {
  if (model.index.countOfKind('entry') === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('There is nothing to export yet: write your first entry, then export the report.'));
    return undefined;
  }
  const root = await chooseJournal(true, vscode.l10n.t("Which workspace folder's journal should keep the report?"));
  if (!root) return undefined;
  if ('error' in root) {
    void showError(log, vscode.l10n.t('The report was not exported. {0}', root.error));
    return undefined;
  }
  try {
    const report = buildBalanceReport(model.index, { now: new Date(), tolerance: model.tolerance, neglectDays: model.neglectDays, weeks });
    const text = reportMarkdown(report);
    const today = await writer.locate(root, [REPORTS_FOLDER, reportFileName(report.day, 1)]);
    if ('link' in today) {
      void showError(log, vscode.l10n.t('The report was not exported. {0}', symbolicLinkError(today.link)));
      return undefined;
    }
    if (today.exists) {
      const choice = parseIfExists(arg) ?? (await askIfExists(today.uri, report.day));
      if (!choice) return undefined;
      if (choice === 'open') return await open(today.uri, log);
      if (choice === 'update') {
        if (!(await writer.rewrite(today.uri, text))) throw new Error(vscode.l10n.t('the editor refused the change'));
        log.info(`Updated the Balance Report ${today.uri.toString()}`);
        return await open(today.uri, log);
      }
    }
    return await createNew(root, report.day, text, log, writer);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    void showError(log, vscode.l10n.t('Could not export the report ({0}). Check that the journal folder can be written to, then try again.', reason));
    return undefined;
  }
}

async function askIfExists(uri: vscode.Uri, day: string): Promise<IfExists | undefined> {
  const update = vscode.l10n.t('Update It');
  const open = vscode.l10n.t('Open It');
  const another = vscode.l10n.t('Save as New File');
  const choice = await vscode.window.showInformationMessage(
    vscode.l10n.t('You exported the report today already ({0}, {1}). Update it with the current numbers, or open it as it is?', vscode.workspace.asRelativePath(uri, false), formatDay(day)),
    update,
    open,
    another,
  );
  return choice === update ? 'update' : choice === open ? 'open' : choice === another ? 'new' : undefined;
}

async function createNew(root: UsableRoot, day: string, text: string, log: vscode.LogOutputChannel, writer: JournalWriter): Promise<vscode.Uri | undefined> {
  const bytes = new TextEncoder().encode(text);
  const written = await writer.createUnique(root, [REPORTS_FOLDER], (attempt) => reportFileName(day, attempt), bytes, MAX_NAME_ATTEMPTS);
  if ('link' in written) {
    void showError(log, vscode.l10n.t('The report was not exported. {0}', symbolicLinkError(written.link)));
    return undefined;
  }
  log.info(`Exported the Balance Report to ${written.uri.fsPath || written.uri.toString()}`);
  return open(written.uri, log);
}

async function open(uri: vscode.Uri, log: vscode.LogOutputChannel): Promise<vscode.Uri> {
  try {
    await vscode.window.showTextDocument(uri, { preview: false, viewColumn: vscode.ViewColumn.Beside });
  } catch (error) {
    log.warn(`Exported ${uri.toString()} but could not open it: ${String(error)}`);
  }
  return uri;
}
