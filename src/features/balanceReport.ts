import * as vscode from 'vscode';
import { symbolicLinkError } from '../config';
import { pluralEntries } from '../core/balance';
import {
  BalanceReport,
  buildBalanceReport,
  escapeXml,
  reportMarkdown,
  shortDate,
  traitBarsSvg,
  weekRange,
  weeklyChartSvg,
} from '../core/balanceReport';
import { JournalModel } from '../core/journalModel';
import type { Services } from './services';
import { SIDE_LABELS, anyoneCanShowBoth, sourceTitle } from '../core/traits';
import { Commands } from '../ids';
import { JournalWriter, chooseJournal } from '../journalFiles';
import { showError } from '../userMessages';

const VIEW_TYPE = 'balanceJournal.report';
const panelTitle = () => vscode.l10n.t('Balance Report');

/**
 * A translated sentence whose {0}, {1}… are HTML fragments: the words are escaped, the fragments
 * (built and escaped by us) are not.
 */
function sentence(translate: (...tokens: string[]) => string, ...fragments: string[]): string {
  let text = escapeXml(translate(...fragments.map((_, i) => `\u0001${i}\u0001`)));
  // A function, not a string: `$&` or `$'` in a trait's name must stay literal text.
  fragments.forEach((fragment, i) => (text = text.replace(`\u0001${i}\u0001`, () => fragment)));
  return text;
}
/** Index changes come in bursts (a scan, a save): redraw once they settle. */
const RENDER_DELAY_MS = 200;
const MAX_NAME_ATTEMPTS = 1000;
const REPORTS_FOLDER = 'reports';

let current: ReportPanel | undefined;

/**
 * `balanceJournal.showReport` (returns the panel) and `balanceJournal.exportReport` (writes the
 * report into the journal, returns the new file). `extensionUri` defaults to this extension's.
 */
export function registerBalanceReport({ model, log, context, writer }: Services): vscode.Disposable[] {
  const exportNow = () => exportReport(model, log, writer);
  return [
    vscode.commands.registerCommand(Commands.showReport, () => ReportPanel.createOrShow(model, context.extensionUri, exportNow).panel),
    vscode.commands.registerCommand(Commands.exportReport, exportNow),
    { dispose: () => current?.dispose() },
  ];
}

class ReportPanel {
  private readonly disposables: vscode.Disposable[] = [];
  private renderTimer: ReturnType<typeof setTimeout> | undefined;
  private stale = false;
  /** The last rendered content without its nonce: an unchanged report is not redrawn. */
  private lastContent = '';

  static createOrShow(model: JournalModel, extensionUri: vscode.Uri, exportNow: () => Promise<vscode.Uri | undefined>): ReportPanel {
    if (current) {
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
    current = new ReportPanel(panel, model, media, exportNow);
    return current;
  }

  private constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly model: JournalModel,
    private readonly media: vscode.Uri,
    private readonly exportNow: () => Promise<vscode.Uri | undefined>,
  ) {
    this.disposables.push(
      // Files, your traits and the settings: one event for all, so the report is never stale.
      model.onDidChange(() => this.scheduleRender()),
      panel.onDidChangeViewState(() => panel.visible && this.stale && this.render()),
      panel.webview.onDidReceiveMessage((message: unknown) => this.onMessage(message)),
      panel.onDidDispose(() => this.dispose()),
    );
    this.render();
  }

  private scheduleRender(): void {
    this.renderTimer ??= setTimeout(() => {
      this.renderTimer = undefined;
      this.render();
    }, RENDER_DELAY_MS);
  }

  render(): void {
    if (!this.panel.visible) {
      this.stale = true; // drawn when shown again
      return;
    }
    this.stale = false;
    const report = buildBalanceReport(this.model.index, { now: new Date(), tolerance: this.model.tolerance });
    const webview = this.panel.webview;
    const resources = {
      cspSource: webview.cspSource,
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(this.media, 'report.css')).toString(),
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(this.media, 'report.js')).toString(),
    };
    // Setting the same HTML again would reload the page and lose the reader's scroll position.
    const content = reportHtml(report, { ...resources, nonce: '' });
    if (content === this.lastContent) return;
    this.lastContent = content;
    webview.html = reportHtml(report, { ...resources, nonce: makeNonce() });
  }

  private async onMessage(message: unknown): Promise<void> {
    if (typeof message !== 'object' || message === null || (message as { type?: unknown }).type !== 'export') return;
    const uri = await this.exportNow();
    const name = uri && vscode.workspace.asRelativePath(uri, false);
    void this.panel.webview.postMessage(uri ? { type: 'exported', text: vscode.l10n.t('Saved {0}.', name ?? '') } : { type: 'exportFailed', text: vscode.l10n.t('The report was not exported.') });
  }

  dispose(): void {
    if (current === this) current = undefined;
    if (this.renderTimer) clearTimeout(this.renderTimer);
    this.renderTimer = undefined;
    for (const disposable of this.disposables.splice(0)) disposable.dispose();
    this.panel.dispose();
  }
}

/** For a double-quoted attribute whose value may hold single quotes (a CSP). */
function attribute(text: string): string {
  return text.replace(/[&"<>]/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

function makeNonce(): string {
  // Web Crypto: the same in the Node and the web worker extension hosts.
  const bytes = crypto.getRandomValues(new Uint8Array(18));
  return btoa(String.fromCharCode(...bytes));
}

export interface ReportResources {
  readonly cspSource: string;
  readonly nonce: string;
  readonly styleUri: string;
  readonly scriptUri: string;
}

/** The panel's page. Everything from the journal or the environment is escaped. */
export function reportHtml(report: BalanceReport, resources: ReportResources): string {
  const e = escapeXml;
  const { cspSource, nonce } = resources;
  const b = report.balance;
  const weeks = report.weeks;
  const csp = `default-src 'none'; img-src ${cspSource} data:; style-src ${cspSource}; script-src 'nonce-${nonce}';`;
  const focusCount = report.traits.find((t) => t.trait.id === report.focus.id)?.count ?? 0;
  const focusWhy = report.weakerSide
    ? vscode.l10n.t('the least reflected trait of the weaker side, {0}', SIDE_LABELS[report.weakerSide])
    : vscode.l10n.t('the least reflected trait');
  const range = vscode.l10n.t('{0} to {1} ({2} – {3})', weeks[0].label, weeks[weeks.length - 1].label, shortDate(weeks[0].start), shortDate(weeks[weeks.length - 1].end));

  const weekRows = weeks
    .map(
      (w, i) =>
        `<tr${i === weeks.length - 1 ? ' class="current"' : ''}><th scope="row">${e(w.label)}${i === weeks.length - 1 ? ` <span class="tag">${e(vscode.l10n.t('this week'))}</span>` : ''}</th>` +
        `<td>${e(weekRange(w))}</td><td class="num">${w.leadership}</td><td class="num">${w.management}</td><td class="num">${w.entries}</td></tr>`,
    )
    .join('');
  const traitRows = report.traits
    .map(
      (t) =>
        `<tr${t.trait.id === report.focus.id ? ' class="focus"' : ''}><th scope="row">${e(t.trait.label)}${t.trait.id === report.focus.id ? ` <span class="tag">${e(vscode.l10n.t('focus'))}</span>` : ''}</th>` +
        `<td>${SIDE_LABELS[t.trait.side]}</td><td class="num">${t.count}</td><td class="num">${t.recent}</td></tr>`,
    )
    .join('');
  const steps = report.steps
    .map(
      (s) =>
        `<li class="step"><h3>${e(s.strategy.name)}</h3><p class="source">${e(s.strategy.text)}</p>` +
        `<p class="next"><strong>${e(vscode.l10n.t('Next step:'))}</strong> ${e(s.nextStep)}</p></li>`,
    )
    .join('');
  const split =
    b.state === 'empty'
      ? ''
      : `<svg class="split" role="presentation" aria-hidden="true" viewBox="0 0 100 4" preserveAspectRatio="none" width="100%" height="12">` +
        `<rect class="bj-bar bj-leadership" x="0" y="0" width="${b.leadershipPercent}" height="4"/>` +
        `<rect class="bj-bar bj-management" x="${b.leadershipPercent}" y="0" width="${b.managementPercent}" height="4"/></svg>`;

  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${attribute(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${e(resources.styleUri)}">
<title>${e(panelTitle())}</title>
</head>
<body>
<main>
<header class="top">
  <div>
    <h1>${e(panelTitle())}</h1>
    <p class="meta">${e(vscode.l10n.t('{0} · {1} in the journal', report.day, pluralEntries(report.totalEntries)))}</p>
  </div>
  <div class="actions">
    <button id="export" type="button" aria-describedby="export-help" data-busy-text="${e(vscode.l10n.t('Exporting…'))}">${e(vscode.l10n.t('Export as Markdown'))}</button>
    <p id="export-help" class="help">${sentence((file) => vscode.l10n.t('Saves {0} in the journal folder; never overwrites.', file), `<code>reports/balance-report-${e(report.day)}.md</code>`)}</p>
    <p id="status" class="status" role="status" aria-live="polite"></p>
  </div>
</header>

<section class="card balance state-${e(b.state)}" aria-labelledby="balance-heading">
  <h2 id="balance-heading">${e(vscode.l10n.t('Balance'))}</h2>
  <p class="headline">${e(report.headline)}</p>
  ${split}
  ${
    b.state === 'empty'
      ? `<p>${e(vscode.l10n.t('No trait tags yet. Write an entry tagged with a trait to see your balance.'))}</p>`
      : `<p class="counts"><span class="swatch bj-leadership-swatch" aria-hidden="true"></span>${e(vscode.l10n.t('{0}: {1} trait tags', SIDE_LABELS.leadership, b.leadership))} · <span class="swatch bj-management-swatch" aria-hidden="true"></span>${e(vscode.l10n.t('{0}: {1} trait tags', SIDE_LABELS.management, b.management))}</p>`
  }
  <p class="focus-line">${sentence((trait) => vscode.l10n.t('Focus next on {0} ({1}, {2}), {3}.', trait, SIDE_LABELS[report.focus.side], pluralEntries(focusCount), focusWhy), `<strong>${e(report.focus.label)}</strong>`)}</p>
</section>

<section class="card" aria-labelledby="weeks-heading">
  <h2 id="weeks-heading">${e(vscode.l10n.t('Last {0} weeks', weeks.length))}</h2>
  <figure class="chart">${weeklyChartSvg(report, { idPrefix: 'weekly' })}</figure>
  <div class="table-wrap" role="region" aria-labelledby="weeks-caption" tabindex="0">
    <table id="weeks-table">
      <caption id="weeks-caption">${e(vscode.l10n.t('Trait tags per ISO week, {0}. An entry counts once per trait tag.', range))}</caption>
      <thead><tr><th scope="col">${e(vscode.l10n.t('Week'))}</th><th scope="col">${e(vscode.l10n.t('Dates'))}</th><th scope="col" class="num">${e(SIDE_LABELS.leadership)}</th><th scope="col" class="num">${e(SIDE_LABELS.management)}</th><th scope="col" class="num">${e(vscode.l10n.t('Entries'))}</th></tr></thead>
      <tbody>${weekRows}</tbody>
    </table>
  </div>
</section>

<section class="card" aria-labelledby="traits-heading">
  <h2 id="traits-heading">${e(vscode.l10n.t('Traits'))}</h2>
  <figure class="chart">${traitBarsSvg(report, { idPrefix: 'traits' })}</figure>
  <div class="table-wrap" role="region" aria-labelledby="traits-caption" tabindex="0">
    <table id="traits-table">
      <caption id="traits-caption">${e(vscode.l10n.t('Entries per trait, all time and in the last {0} weeks.', weeks.length))}</caption>
      <thead><tr><th scope="col">${e(vscode.l10n.t('Trait'))}</th><th scope="col">${e(vscode.l10n.t('Side'))}</th><th scope="col" class="num">${e(vscode.l10n.t('Entries'))}</th><th scope="col" class="num">${e(vscode.l10n.t('Last {0} weeks', weeks.length))}</th></tr></thead>
      <tbody>${traitRows}</tbody>
    </table>
  </div>
</section>

<section class="card" aria-labelledby="steps-heading">
  <h2 id="steps-heading">${e(vscode.l10n.t('Strategies and next steps'))}</h2>
  <p class="help">${sentence((source) => vscode.l10n.t('The three strategies from {0}, each with one step for {1}.', source, report.focus.label), `<cite>${e(sourceTitle())}</cite>`)}</p>
  <ol class="steps">${steps}</ol>
  <p class="closing"><em>${e(anyoneCanShowBoth())}</em></p>
</section>
</main>
<script nonce="${e(nonce)}" src="${e(resources.scriptUri)}"></script>
</body>
</html>`;
}

// -------------------------------------------------------------------------------------------
// Export




/** `reports/balance-report-YYYY-MM-DD.md` (local day), then `-2`, `-3`, …: never over a file. */
export function reportFileName(day: string, attempt: number): string {
  return attempt <= 1 ? `balance-report-${day}.md` : `balance-report-${day}-${attempt}.md`;
}

/** Writes the report into `<journal>/reports/` under the first free name and opens it. */
async function exportReport(model: JournalModel, log: vscode.LogOutputChannel, writer: JournalWriter): Promise<vscode.Uri | undefined> {
  const root = await chooseJournal(true, vscode.l10n.t("Which workspace folder's journal should keep the report?"));
  if (!root) return undefined;
  if ('error' in root) {
    void showError(log, vscode.l10n.t('The report was not exported. {0}', root.error));
    return undefined;
  }
  try {
    const report = buildBalanceReport(model.index, { now: new Date(), tolerance: model.tolerance });
    const bytes = new TextEncoder().encode(reportMarkdown(report));
    const written = await writer.createUnique(root, [REPORTS_FOLDER], (attempt) => reportFileName(report.day, attempt), bytes, MAX_NAME_ATTEMPTS);
    if ('link' in written) {
      void showError(log, vscode.l10n.t('The report was not exported. {0}', symbolicLinkError(written.link)));
      return undefined;
    }
    const uri = written.uri;
    log.info(`Exported the Balance Report to ${uri.fsPath || uri.toString()}`);
    try {
      await vscode.window.showTextDocument(uri, { preview: false, viewColumn: vscode.ViewColumn.Beside });
    } catch (error) {
      log.warn(`Exported ${uri.toString()} but could not open it: ${String(error)}`);
    }
    return uri;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    void showError(log, vscode.l10n.t('Could not export the report ({0}). Check that the journal folder can be written to, then try again.', reason));
    return undefined;
  }
}
