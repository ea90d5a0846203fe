// The Balance Report panel's page, as HTML: built here in the core so that its escaping is
// unit-tested. Everything from the journal or the environment is escaped; the only script is
// media/report.js, allowed by a nonce under a Content Security Policy that allows nothing else.

import * as l10n from '@vscode/l10n';
import { pluralEntries } from './balance';
import { BalanceReport, REPORT_RANGES, ReportRange, escapeXml, traitBarsSvg, weekRange, weeklyChartSvg } from './balanceReport';
import { formatDay, formatWeek } from './dates';
import { FeedbackComparison, feedbackSectionHtml } from './reportFeedback';
import { ReportGoal, goalsSectionHtml } from './reportGoals';
import { calendarHtml } from './reportCalendar';
import { describeCurrentStreak, describeLongestStreak } from './streaks';
import { SIDE_LABELS, anyoneCanShowBoth, sourceTitle } from './traits';

export const reportTitle = (): string => l10n.t('Balance Report');

/**
 * A translated sentence whose {0}, {1}… are HTML fragments: the words are escaped, the fragments
 * (built and escaped by us) are not.
 */
export function sentence(translate: (...tokens: string[]) => string, ...fragments: string[]): string {
  let text = escapeXml(translate(...fragments.map((_, i) => `\u0001${i}\u0001`)));
  // A function, not a string: `$&` or `$'` in a trait's name must stay literal text.
  fragments.forEach((fragment, i) => (text = text.replace(`\u0001${i}\u0001`, () => fragment)));
  return text;
}
/** For a double-quoted attribute whose value may hold single quotes (a CSP). */
function attribute(text: string): string {
  return text.replace(/[&"<>]/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

export interface ReportResources {
  readonly cspSource: string;
  readonly nonce: string;
  readonly styleUri: string;
  readonly scriptUri: string;
}

/** The range control's label for a choice. */
export function rangeLabel(range: ReportRange): string {
  return range === 'all' ? l10n.t('All') : l10n.t('{0} weeks', range);
}

/** A trait's name that opens its entries (media/report.js posts `openTrait`). */
function traitLink(id: string, label: string): string {
  return `<button type="button" class="link" data-trait="${escapeXml(id)}" title="${escapeXml(l10n.t('Show the entries about {0}', label))}">${escapeXml(label)}</button>`;
}

/** The button that shows a chart's numbers as a table (the table is always there for screen readers). */
function tableToggle(tableId: string): string {
  return `<button type="button" class="secondary table-toggle" aria-expanded="false" aria-controls="${tableId}-wrap" data-show-text="${escapeXml(l10n.t('Show as table'))}" data-hide-text="${escapeXml(l10n.t('Hide table'))}">${escapeXml(l10n.t('Show as table'))}</button>`;
}

/** The page of a journal without entries: the welcome text and the New Entry button. */
function emptyBody(): string {
  const e = escapeXml;
  return `<section class="card welcome" aria-labelledby="welcome-heading">
  <h2 id="welcome-heading">${e(l10n.t('Your report starts with your first entry'))}</h2>
  <p>${e(l10n.t('Write a short entry about a moment of your work and tag it with the traits it shows: Empathy, Decision-Making, any of the eight. The report then shows your balance of leadership and management week by week, and what to reflect on next.'))}</p>
  <p><button id="new-entry" type="button">${e(l10n.t('New Entry'))}</button></p>
  <p class="closing"><em>${e(anyoneCanShowBoth())}</em></p>
</section>`;
}

/** The panel's page. Everything from the journal or the environment is escaped. */
export function reportHtml(report: BalanceReport, resources: ReportResources, goals: readonly ReportGoal[] = [], feedback?: FeedbackComparison): string {
  const e = escapeXml;
  const { cspSource, nonce } = resources;
  const b = report.balance;
  const weeks = report.weeks;
  const csp = `default-src 'none'; img-src ${cspSource} data:; style-src ${cspSource}; script-src 'nonce-${nonce}';`;
  const empty = report.totalEntries === 0;
  const focusCount = report.traits.find((t) => t.trait.id === report.focus.id)?.count ?? 0;
  const range = l10n.t('{0} to {1} ({2})', weeks[0].label, weeks[weeks.length - 1].label, formatWeek(weeks[0].start, weeks[weeks.length - 1].end));
  const weeksTitle = report.range === 'all' ? l10n.t('Every week since your first entry') : l10n.t('Last {0} weeks', weeks.length);

  const weekRows = weeks
    .map(
      (w, i) =>
        `<tr${i === weeks.length - 1 ? ' class="current"' : ''}><th scope="row">${e(w.label)}${i === weeks.length - 1 ? ` <span class="tag">${e(l10n.t('this week'))}</span>` : ''}</th>` +
        `<td>${e(weekRange(w))}</td><td class="num">${w.leadership}</td><td class="num">${w.management}</td><td class="num">${w.entries}</td></tr>`,
    )
    .join('');
  const traitRows = report.traits
    .map(
      (t) =>
        `<tr${t.trait.id === report.focus.id ? ' class="focus"' : ''}><th scope="row">${traitLink(t.trait.id, t.trait.label)}${t.trait.id === report.focus.id ? ` <span class="tag">${e(l10n.t('next'))}</span>` : ''}</th>` +
        `<td>${SIDE_LABELS[t.trait.side]}</td><td class="num">${t.count}</td><td class="num">${t.recent}</td></tr>`,
    )
    .join('');
  const steps = report.steps
    .map(
      (s) =>
        `<li class="step"><h3>${e(s.strategy.name)}</h3><p class="source">${e(s.strategy.text)}</p>` +
        `<p class="next"><strong>${e(l10n.t('Next step:'))}</strong> ${e(s.nextStep)}</p></li>`,
    )
    .join('');
  const split =
    b.state === 'empty'
      ? ''
      : `<svg class="split" role="presentation" aria-hidden="true" viewBox="0 0 100 4" preserveAspectRatio="none" width="100%" height="12">` +
        `<rect class="bj-bar bj-leadership" x="0" y="0" width="${b.leadershipPercent}" height="4"/>` +
        `<rect class="bj-bar bj-management" x="${b.leadershipPercent}" y="0" width="${b.managementPercent}" height="4"/></svg>`;
  const rangeControl =
    `<div class="range" role="group" aria-label="${e(l10n.t('Weeks shown'))}">` +
    REPORT_RANGES.map((choice) => `<button type="button" class="secondary range-choice" data-range="${choice}" aria-pressed="${choice === report.range}">${e(rangeLabel(choice))}</button>`).join('') +
    '</div>';

  const body = empty
    ? emptyBody()
    : `<section class="card balance state-${e(b.state)}" aria-labelledby="balance-heading">
  <h2 id="balance-heading">${e(l10n.t('Balance'))}</h2>
  <p class="headline">${e(report.headline)}</p>
  ${split}
  ${
    b.state === 'empty'
      ? `<p>${e(l10n.t('No trait tags yet. Write an entry tagged with a trait to see your balance.'))}</p>`
      : `<p class="counts"><span class="swatch bj-leadership-swatch" aria-hidden="true"></span>${e(l10n.t('{0}: {1} trait tags', SIDE_LABELS.leadership, b.leadership))} · <span class="swatch bj-management-swatch" aria-hidden="true"></span>${e(l10n.t('{0}: {1} trait tags', SIDE_LABELS.management, b.management))}</p>`
  }
  <p class="streaks">${e(describeCurrentStreak(report.streaks))} ${e(describeLongestStreak(report.streaks))}</p>
  <div class="next-trait">
    <p class="focus-line">${sentence((trait) => l10n.t('Next: {0} ({1}, {2}).', trait, SIDE_LABELS[report.focus.side], pluralEntries(focusCount)), traitLink(report.focus.id, report.focus.label))} ${e(report.focusWhy)}</p>
    <button id="write-about" type="button" data-trait="${e(report.focus.id)}">${e(l10n.t('Write about it'))}</button>
  </div>
</section>

${goalsSectionHtml(goals)}

${feedback ? feedbackSectionHtml(feedback) : ''}

${calendarHtml(report.calendar)}

<section class="card" aria-labelledby="weeks-heading">
  <div class="card-head"><h2 id="weeks-heading">${e(weeksTitle)}</h2>${rangeControl}</div>
  <figure class="chart">${weeklyChartSvg(report, { idPrefix: 'weekly' })}</figure>
  ${tableToggle('weeks-table')}
  <div id="weeks-table-wrap" class="table-wrap visually-hidden" role="region" aria-labelledby="weeks-caption">
    <table id="weeks-table">
      <caption id="weeks-caption">${e(l10n.t('Trait tags per ISO week, {0}. An entry counts once per trait tag.', range))}</caption>
      <thead><tr><th scope="col">${e(l10n.t('Week'))}</th><th scope="col">${e(l10n.t('Dates'))}</th><th scope="col" class="num">${e(SIDE_LABELS.leadership)}</th><th scope="col" class="num">${e(SIDE_LABELS.management)}</th><th scope="col" class="num">${e(l10n.t('Entries'))}</th></tr></thead>
      <tbody>${weekRows}</tbody>
    </table>
  </div>
</section>

<section class="card" aria-labelledby="traits-heading">
  <h2 id="traits-heading">${e(l10n.t('Traits'))}</h2>
  <figure class="chart">${traitBarsSvg(report, { idPrefix: 'traits' })}</figure>
  ${tableToggle('traits-table')}
  <div id="traits-table-wrap" class="table-wrap visually-hidden" role="region" aria-labelledby="traits-caption">
    <table id="traits-table">
      <caption id="traits-caption">${e(l10n.t('Entries per trait, all time and in the weeks shown ({0}).', weeks.length))}</caption>
      <thead><tr><th scope="col">${e(l10n.t('Trait'))}</th><th scope="col">${e(l10n.t('Side'))}</th><th scope="col" class="num">${e(l10n.t('Entries'))}</th><th scope="col" class="num">${e(weeksTitle)}</th></tr></thead>
      <tbody>${traitRows}</tbody>
    </table>
  </div>
</section>

<section class="card" aria-labelledby="steps-heading">
  <h2 id="steps-heading">${e(l10n.t('Strategies and next steps'))}</h2>
  <p class="help">${sentence((source) => l10n.t('The three strategies from {0}, each with one step for {1}.', source, report.focus.label), `<cite>${e(sourceTitle())}</cite>`)}</p>
  <ol class="steps">${steps}</ol>
  <p class="closing"><em>${e(anyoneCanShowBoth())}</em></p>
</section>`;

  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${attribute(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${e(resources.styleUri)}">
<title>${e(reportTitle())}</title>
</head>
<body>
<main>
<header class="top">
  <div>
    <h1>${e(reportTitle())}</h1>
    <p class="meta">${e(empty ? formatDay(report.day) : l10n.t('{0} · {1} in the journal', formatDay(report.day), pluralEntries(report.totalEntries)))}</p>
  </div>
  <div class="actions">
    <button id="export" type="button" class="secondary" aria-describedby="export-help" data-busy-text="${e(l10n.t('Exporting…'))}"${empty ? ' disabled' : ''}>${e(l10n.t('Export as Markdown'))}</button>
    <p id="export-help" class="help">${
      empty
        ? e(l10n.t('Export is available once the journal has an entry.'))
        : sentence((file) => l10n.t('Saves {0} in the journal folder; a second export today offers to update it.', file), `<code>reports/balance-report-${e(report.day)}.md</code>`)
    }</p>
    <p id="status" class="status" role="status" aria-live="polite"></p>
  </div>
</header>

${body}
</main>
<script nonce="${e(nonce)}" src="${e(resources.scriptUri)}"></script>
</body>
</html>`;
}

// -------------------------------------------------------------------------------------------
// Export




