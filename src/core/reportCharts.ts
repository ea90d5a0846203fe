// The Balance Report's charts, as SVG strings we write ourselves rather than a chart library: a
// library such as Chart.js adds about 200 KB to a bundle that is under 150 KB, and draws on a
// <canvas> from scripts, which would need a looser Content Security Policy and gives screen
// readers nothing. A dozen bars are a few lines of SVG that follow the theme through CSS
// variables, print and export as they are, and carry their own <title> and <desc>.

import * as l10n from '@vscode/l10n';
import { pluralEntries } from './balance';
import { formatWeekStart } from './dates';
import { BalanceReport, ReportTrait, weekRange } from './reportModel';
import { escapeXml } from './markup';
import { SIDES, SIDE_LABELS, Side } from './traits';

export { escapeXml };

/** Colours come from the theme (light, dark and high contrast), with a fallback outside VS Code. */
export const CHART_COLORS: Readonly<Record<Side, string>> = {
  leadership: 'var(--vscode-charts-blue, #3794ff)',
  management: 'var(--vscode-charts-orange, #d18616)',
};
const TEXT = 'var(--vscode-foreground, currentColor)';
const GRID = 'var(--vscode-editorWidget-border, rgba(128, 128, 128, 0.35))';

/** 0, then 4 or 5 round steps to at least `max`. */
function ticks(max: number): number[] {
  if (max <= 0) return [0, 1];
  const rough = max / 4;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= rough && Number.isInteger(s)) ?? Math.ceil(rough);
  const result = [];
  for (let value = 0; value < max + step; value += step) result.push(value);
  return result;
}

export interface SvgOptions {
  /** Prefix for the ids of <title> and <desc>, unique in the page. */
  readonly idPrefix?: string;
}

function svgOpen(width: number, height: number, id: string, title: string, desc: string, cls: string): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="${cls}" role="img" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" ` +
    `aria-labelledby="${id}-title ${id}-desc" font-family="var(--vscode-font-family, sans-serif)" font-size="12">` +
    `<title id="${id}-title">${escapeXml(title)}</title><desc id="${id}-desc">${escapeXml(desc)}</desc>`
  );
}

/** Grouped bars: leadership and management trait tags per week, oldest on the left. */
export function weeklyChartSvg(report: BalanceReport, options: SvgOptions = {}): string {
  const id = options.idPrefix ?? 'weekly';
  const width = 760;
  const height = 280;
  const left = 40;
  const right = 12;
  const top = 40;
  const bottom = 48;
  const plotWidth = width - left - right;
  const plotHeight = height - top - bottom;
  const max = Math.max(0, ...report.weeks.map((w) => Math.max(w.leadership, w.management)));
  const scale = ticks(max);
  const yMax = scale[scale.length - 1];
  const y = (value: number) => top + plotHeight - (value / yMax) * plotHeight;
  const slot = plotWidth / report.weeks.length;
  // A dozen weeks get wide bars with a gap; a year or more, thin bars side by side.
  const gap = slot > 20 ? 2 : 0;
  const barWidth = Math.max(0.25, Math.min(22, slot > 20 ? (slot - 10) / 2 : slot * 0.4));
  // Every week is labelled up to 13 weeks; beyond, one label in `labelEvery` (and the current week).
  const labelEvery = Math.ceil(report.weeks.length / 13);

  const totals = report.weeks.reduce((sum, w) => ({ l: sum.l + w.leadership, m: sum.m + w.management }), { l: 0, m: 0 });
  const first = report.weeks[0];
  const last = report.weeks[report.weeks.length - 1];
  const busiest = report.weeks.reduce((a, w) => (w.leadership + w.management > a.leadership + a.management ? w : a));
  const desc =
    l10n.t('Leadership and management trait tags per week, {0} ({1}) to {2} ({3}).', first.label, first.start, last.label, last.end) +
    ' ' +
    (busiest.leadership + busiest.management > 0
      ? l10n.t('In total {0} leadership and {1} management; the busiest week was {2} with {3} leadership and {4} management.', totals.l, totals.m, busiest.label, busiest.leadership, busiest.management)
      : l10n.t('In total {0} leadership and {1} management; no trait tags in these weeks.', totals.l, totals.m));
  const parts = [svgOpen(width, height, id, l10n.t('Trait tags per week, last {0} weeks', report.weeks.length), desc, 'bj-chart bj-weekly')];

  // Legend.
  SIDES.forEach((side, i) => {
    const x = left + i * 130;
    parts.push(
      `<rect class="bj-bar bj-${side}" x="${x}" y="12" width="12" height="12" fill="${CHART_COLORS[side]}"/>` +
        `<text class="bj-text" x="${x + 18}" y="22" fill="${TEXT}">${escapeXml(SIDE_LABELS[side])}</text>`,
    );
  });
  // Grid and y axis.
  for (const value of scale) {
    const gy = y(value).toFixed(1);
    parts.push(
      `<line class="bj-grid" x1="${left}" x2="${width - right}" y1="${gy}" y2="${gy}" stroke="${GRID}" stroke-width="1"/>` +
        `<text class="bj-text bj-axis" x="${left - 8}" y="${(y(value) + 4).toFixed(1)}" text-anchor="end" fill="${TEXT}">${value}</text>`,
    );
  }
  // Bars, one group per week, with a tooltip naming the week's numbers and entries.
  report.weeks.forEach((week, i) => {
    const x0 = left + i * slot + (slot - 2 * barWidth - gap) / 2;
    const tooltip =
      l10n.t('{0} ({1}): {2} leadership, {3} management, {4}', week.label, weekRange(week), week.leadership, week.management, pluralEntries(week.entries)) +
      (week.titles.length > 0 ? `. ${week.titles.join(' · ')}` : '');
    parts.push(`<g class="bj-week"><title>${escapeXml(tooltip)}</title>`);
    // An invisible hit area so the tooltip shows over the whole week, even with no bars.
    parts.push(`<rect x="${(left + i * slot).toFixed(1)}" y="${top}" width="${slot.toFixed(1)}" height="${plotHeight}" fill="transparent"/>`);
    SIDES.forEach((side, s) => {
      const value = week[side];
      if (value === 0) return;
      const by = y(value);
      parts.push(
        `<rect class="bj-bar bj-${side}" x="${(x0 + s * (barWidth + gap)).toFixed(2)}" y="${by.toFixed(1)}" width="${barWidth.toFixed(2)}" height="${(top + plotHeight - by).toFixed(1)}" fill="${CHART_COLORS[side]}"/>`,
      );
    });
    const cx = (left + i * slot + slot / 2).toFixed(1);
    const current = i === report.weeks.length - 1;
    // Counted back from the current week, which is always labelled.
    if ((report.weeks.length - 1 - i) % labelEvery === 0) {
      parts.push(
        `<text class="bj-text bj-axis" x="${cx}" y="${height - bottom + 18}" text-anchor="middle" fill="${TEXT}">W${String(week.isoWeek).padStart(2, '0')}</text>` +
        `<text class="bj-text bj-axis bj-muted" x="${cx}" y="${height - bottom + 34}" text-anchor="middle" fill="${TEXT}">${escapeXml(current ? l10n.t({ message: 'this week', comment: ['Below the bars of the current week in the chart.'] }) : formatWeekStart(week.start))}</text>`,
      );
    }
    parts.push('</g>');
  });
  parts.push(`<line class="bj-baseline" x1="${left}" x2="${width - right}" y1="${top + plotHeight}" y2="${top + plotHeight}" stroke="${TEXT}" stroke-width="1"/>`);
  parts.push('</svg>');
  return parts.join('');
}

/** One horizontal bar per trait (all time), grouped by side. */
export function traitBarsSvg(report: BalanceReport, options: SvgOptions = {}): string {
  const id = options.idPrefix ?? 'traits';
  const width = 760;
  const labelWidth = 190;
  const right = 96;
  const rowHeight = 28;
  const headerHeight = 26;
  const rows: ({ kind: 'side'; side: Side } | { kind: 'trait'; row: ReportTrait })[] = [];
  for (const side of SIDES) {
    rows.push({ kind: 'side', side });
    for (const row of report.traits.filter((t) => t.trait.side === side)) rows.push({ kind: 'trait', row });
  }
  const height = rows.reduce((h, r) => h + (r.kind === 'side' ? headerHeight : rowHeight), 8);
  const max = Math.max(1, ...report.traits.map((t) => t.count));
  const barSpace = width - labelWidth - right;
  const desc =
    l10n.t('Entries per trait, all time.') +
    ' ' +
    report.traits.map((t) => l10n.t('{0} ({1}): {2}', t.trait.label, SIDE_LABELS[t.trait.side], t.count)).join('; ') +
    '. ' +
    l10n.t('Suggested next: {0}. {1}', report.focus.label, report.focusWhy);
  const parts = [svgOpen(width, height, id, l10n.t('Entries per trait'), desc, 'bj-chart bj-traits')];
  let yPos = 4;
  for (const row of rows) {
    if (row.kind === 'side') {
      parts.push(`<text class="bj-text bj-side" x="0" y="${yPos + 18}" fill="${TEXT}" font-weight="600">${escapeXml(SIDE_LABELS[row.side])}</text>`);
      yPos += headerHeight;
      continue;
    }
    const { trait, count } = row.row;
    const barLength = (count / max) * barSpace;
    const focus = trait.id === report.focus.id;
    parts.push(
      `<g class="bj-trait${focus ? ' bj-focus' : ''}"><title>${escapeXml(focus ? l10n.t('{0}: {1} (suggested next)', trait.label, pluralEntries(count)) : l10n.t('{0}: {1}', trait.label, pluralEntries(count)))}</title>` +
        // The name opens the trait's entries (media/report.js); the table below says it to screen readers.
        `<a class="bj-link" href="#" data-trait="${escapeXml(trait.id)}"><text class="bj-text" x="12" y="${yPos + 18}" fill="${TEXT}" text-decoration="underline">${escapeXml(trait.label)}</text></a>` +
        (count > 0
          ? `<rect class="bj-bar bj-${trait.side}" x="${labelWidth}" y="${yPos + 6}" width="${barLength.toFixed(1)}" height="16" rx="2" fill="${CHART_COLORS[trait.side]}"/>`
          : '') +
        `<text class="bj-text bj-value" x="${(labelWidth + barLength + 8).toFixed(1)}" y="${yPos + 18}" fill="${TEXT}">${count}${focus ? ` ${escapeXml(l10n.t('◀ next'))}` : ''}</text>` +
        '</g>',
    );
    yPos += rowHeight;
  }
  parts.push('</svg>');
  return parts.join('');
}
