// The Balance Report: what the journal says over the last weeks, and what to do next.
//
// Pure: no vscode, no I/O. `now` is injected, and every calendar computation is in the user's
// LOCAL time (an entry written on Sunday at 23:30 belongs to that Sunday's week), with ISO weeks
// running Monday to Sunday.
//
// The charts are SVG strings we write ourselves rather than a chart library: a library such as
// Chart.js adds about 200 KB to a bundle that is under 100 KB, and draws on a <canvas> from
// scripts, which would need a looser Content Security Policy and gives screen readers nothing.
// A dozen bars are a few lines of SVG that follow the theme through CSS variables, print and
// export as they are, and carry their own <title> and <desc>.

import * as l10n from '@vscode/l10n';
import { Balance, DEFAULT_BALANCE_TOLERANCE, describeBalance, pluralEntries, suggestedTrait, weakerSide } from './balance';
import { escapeMarkdown } from './hoverText';
import { localDay, localIsoTimestamp } from './entryFactory';
import { writeFrontMatter } from './frontMatter';
import { IndexedEntry } from './journalIndex';
import { SYSTEM_TIME_ZONE, TimeZone, dayNumber, localDayNumber } from './localTime';
import { isoWeekOfDay, weekLabel } from './weeklyReview';
import { SIDES, SIDE_LABELS, STRATEGIES, Side, Strategy, TRAITS, Trait, otherSide, sideLabelInSentence, traitById } from './traits';

/** The tag of an exported report, so the journal can tell reports from entries. */
export const REPORT_TAG = 'balance-report';
export const REPORT_WEEKS = 12;
/** Entry titles listed in a week's tooltip, at most. */
const TITLES_PER_WEEK = 5;
const OTHER_TAGS_SHOWN = 10;

/** What the report reads from the index: `JournalIndex` satisfies it. */
export interface ReportSource {
  values(): Iterable<IndexedEntry>;
  countOf(tag: string): number;
  balance(tolerance?: number): Balance;
}

export interface ReportWeek {
  /** ISO week label, `2026-W48`. */
  readonly label: string;
  readonly isoYear: number;
  readonly isoWeek: number;
  /** Local Monday and Sunday, `YYYY-MM-DD`. */
  readonly start: string;
  readonly end: string;
  /** Trait tags per side in this week: an entry counts once per trait tag. */
  readonly leadership: number;
  readonly management: number;
  /** Entries dated in this week, with or without trait tags. */
  readonly entries: number;
  /** A few entry titles of the week, newest first (for tooltips). */
  readonly titles: readonly string[];
}

export interface ReportTrait {
  readonly trait: Trait;
  /** All time. */
  readonly count: number;
  /** In the report's weeks. */
  readonly recent: number;
}

export interface ReportStep {
  readonly strategy: Strategy;
  /** A concrete next step that names the focus trait. */
  readonly nextStep: string;
}

export interface BalanceReport {
  /** Local day the report was made, `YYYY-MM-DD`. */
  readonly day: string;
  /** ISO 8601 local time with offset. */
  readonly generatedAt: string;
  /** Oldest first; the last one is the current week. */
  readonly weeks: readonly ReportWeek[];
  /** In the source's order. */
  readonly traits: readonly ReportTrait[];
  readonly balance: Balance;
  /** `Leadership 52% · Management 48% · balanced`, or `no entries yet`. */
  readonly headline: string;
  readonly weakerSide: Side | undefined;
  /** The least reflected trait of the weaker side (or overall when even). */
  readonly focus: Trait;
  readonly steps: readonly ReportStep[];
  readonly totalEntries: number;
  /** Tags that are not traits, most used first (at most 10); reports are left out. */
  readonly otherTags: readonly { readonly tag: string; readonly count: number }[];
}

export interface ReportOptions {
  readonly now: Date | number;
  readonly tolerance?: number;
  readonly weeks?: number;
  /** The user's time zone: the machine's when absent. */
  readonly zone?: TimeZone;
}

const DAY_PREFIX = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** The calendar day an entry belongs to, in local time: its `time`, else its `day`. */
function entryDayNumber(entry: IndexedEntry, zone: TimeZone): number | undefined {
  if (Number.isFinite(entry.time)) return localDayNumber(entry.time, zone);
  const match = entry.day ? DAY_PREFIX.exec(entry.day) : null;
  if (!match) return undefined;
  return dayNumber(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
}

function dayString(dayNum: number): string {
  return new Date(dayNum * MS_PER_DAY).toISOString().slice(0, 10);
}

/** ISO 8601 week of the Monday `monday` (a day number): the week belongs to its Thursday's year. */
export function isoWeekOf(monday: number): { isoYear: number; isoWeek: number } {
  // One ISO-week rule for the journal: the weekly review's, on that calendar day.
  const date = new Date(monday * MS_PER_DAY);
  const { year, week } = isoWeekOfDay(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
  return { isoYear: year, isoWeek: week };
}

/** The day number of the Monday of the local week containing `dayNum` (1970-01-01 was a Thursday). */
function mondayOf(dayNum: number): number {
  return dayNum - ((dayNum + 3) % 7 + 7) % 7;
}

export function buildBalanceReport(source: ReportSource, options: ReportOptions): BalanceReport {
  const now = new Date(options.now);
  const weekCount = Math.max(1, Math.floor(options.weeks ?? REPORT_WEEKS));
  const tolerance = options.tolerance ?? DEFAULT_BALANCE_TOLERANCE;
  const zone = options.zone ?? SYSTEM_TIME_ZONE;
  const currentMonday = mondayOf(localDayNumber(now.getTime(), zone));
  const firstMonday = currentMonday - 7 * (weekCount - 1);

  const buckets = Array.from({ length: weekCount }, () => ({ leadership: 0, management: 0, entries: 0, titled: [] as IndexedEntry[] }));
  const recent = new Map<string, number>();
  const otherCounts = new Map<string, number>();
  let totalEntries = 0;
  for (const entry of source.values()) {
    const tags = new Set(entry.tags);
    if (tags.has(REPORT_TAG)) continue; // an exported report is not a reflection
    totalEntries++;
    for (const tag of tags) if (!traitById(tag)) otherCounts.set(tag, (otherCounts.get(tag) ?? 0) + 1);
    const dayNum = entryDayNumber(entry, zone);
    if (dayNum === undefined) continue;
    const week = Math.floor((dayNum - firstMonday) / 7);
    if (week < 0 || week >= weekCount) continue;
    const bucket = buckets[week];
    bucket.entries++;
    bucket.titled.push(entry);
    for (const tag of tags) {
      const trait = traitById(tag);
      if (!trait) continue;
      bucket[trait.side]++;
      recent.set(trait.id, (recent.get(trait.id) ?? 0) + 1);
    }
  }

  const weeks: ReportWeek[] = buckets.map((bucket, i) => {
    const monday = firstMonday + 7 * i;
    const { isoYear, isoWeek } = isoWeekOf(monday);
    const titles = bucket.titled
      .sort((a, b) => (Number.isFinite(b.time) ? b.time : -Infinity) - (Number.isFinite(a.time) ? a.time : -Infinity))
      .slice(0, TITLES_PER_WEEK)
      .map((entry) => entry.title);
    return {
      label: weekLabel(isoYear, isoWeek),
      isoYear,
      isoWeek,
      start: dayString(monday),
      end: dayString(monday + 6),
      leadership: bucket.leadership,
      management: bucket.management,
      entries: bucket.entries,
      titles,
    };
  });

  const balance = source.balance(tolerance);
  const countOf = (tag: string) => source.countOf(tag);
  const focus = suggestedTrait(balance, countOf);
  const otherTags = [...otherCounts]
    .map(([tag, count]) => ({ tag, count }))
    .sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag))
    .slice(0, OTHER_TAGS_SHOWN);
  return {
    day: localDay(now, zone),
    generatedAt: localIsoTimestamp(now, zone),
    weeks,
    traits: TRAITS.map((trait) => ({ trait, count: source.countOf(trait.id), recent: recent.get(trait.id) ?? 0 })),
    balance,
    headline: describeBalance(balance),
    weakerSide: weakerSide(balance),
    focus,
    steps: nextSteps(focus, countOf),
    totalEntries,
    otherTags,
  };
}

/** The trait of `side` reflected on most; ties go to the source's order. */
function strongestTrait(side: Side, countOf: (tag: string) => number): Trait {
  return TRAITS.filter((t) => t.side === side).reduce((best, trait) => (countOf(trait.id) > countOf(best.id) ? trait : best));
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** One concrete step per strategy of the source, each naming the focus trait. */
export function nextSteps(focus: Trait, countOf: (tag: string) => number): ReportStep[] {
  const side = sideLabelInSentence(focus.side);
  const strength = strongestTrait(otherSide(focus.side), countOf);
  // Keyed by strategy id (never translated).
  const steps: Record<string, () => string> = {
    'develop-dual-skills': () =>
      l10n.t(
        'This week, write one entry about {0}, the {1} trait you have reflected on least ({2} so far). Start from the prompt: “{3}”',
        focus.label,
        side,
        pluralEntries(countOf(focus.id)),
        focus.prompts[0],
      ),
    'foster-collaboration': () =>
      l10n.t(
        'Ask a colleague who is strong in {0} ({1}) how they approach it, and offer your {2} in return; then write down one thing you will try from their way of working.',
        focus.label,
        lowerFirst(focus.description).replace(/\.$/, ''),
        strength.label,
      ),
    'continuous-learning': () =>
      l10n.t('Pick one talk, article or course module on {0} this month, try one idea from it at work within a week, and reflect in an entry tagged {1} on what changed.', focus.label, focus.id),
  };
  return STRATEGIES.map((strategy) => ({ strategy, nextStep: steps[strategy.id]?.() ?? l10n.t('Practise {0} this week.', focus.label) }));
}

/** Short month names, translated when read. */
function shortMonth(index: number): string {
  switch (index) {
    case 0: return l10n.t({ message: 'Jan', comment: ['Short name of January.'] });
    case 1: return l10n.t({ message: 'Feb', comment: ['Short name of February.'] });
    case 2: return l10n.t({ message: 'Mar', comment: ['Short name of March.'] });
    case 3: return l10n.t({ message: 'Apr', comment: ['Short name of April.'] });
    case 4: return l10n.t({ message: 'May', comment: ['Short name of May.'] });
    case 5: return l10n.t({ message: 'Jun', comment: ['Short name of June.'] });
    case 6: return l10n.t({ message: 'Jul', comment: ['Short name of July.'] });
    case 7: return l10n.t({ message: 'Aug', comment: ['Short name of August.'] });
    case 8: return l10n.t({ message: 'Sep', comment: ['Short name of September.'] });
    case 9: return l10n.t({ message: 'Oct', comment: ['Short name of October.'] });
    case 10: return l10n.t({ message: 'Nov', comment: ['Short name of November.'] });
    case 11: return l10n.t({ message: 'Dec', comment: ['Short name of December.'] });
    default: return String(index + 1);
  }
}

/** `Nov 23`: short, in the extension's language. */
export function shortDate(day: string): string {
  const match = DAY_PREFIX.exec(day);
  if (!match) return day;
  return l10n.t({ message: '{0} {1}', args: [shortMonth(Number(match[2]) - 1), Number(match[3])], comment: ['A short date: the short month, then the day, e.g. "Nov 23".'] });
}

/** `Nov 23 – Nov 29`. */
export function weekRange(week: ReportWeek): string {
  return `${shortDate(week.start)} – ${shortDate(week.end)}`;
}

// ---------------------------------------------------------------------------------------------
// Markdown

function cell(text: string): string {
  return escapeMarkdown(text).replace(/\r?\n/g, ' ');
}

/**
 * The report as a Markdown document with front matter (`date`, `tags: [balance-report]`). It
 * names no trait as a `#tag`, so saving it in the journal does not change the tally.
 */
export function reportMarkdown(report: BalanceReport): string {
  const b = report.balance;
  const lines: string[] = [
    `# ${l10n.t('Balance Report {0}', report.day)}`,
    '',
    `**${l10n.t('Balance:')}** ${cell(report.headline)}`,
    '',
  ];
  if (b.state === 'empty') {
    lines.push(l10n.t('No trait tags yet. Write an entry tagged with a trait to see your balance.'), '');
  } else {
    lines.push(
      `- ${l10n.t('Leadership: {0} trait tags ({1}%)', b.leadership, b.leadershipPercent)}`,
      `- ${l10n.t('Management: {0} trait tags ({1}%)', b.management, b.managementPercent)}`,
      `- ${l10n.t('Entries: {0}', report.totalEntries)}`,
      `- ${
        report.weakerSide
          ? l10n.t('Focus: {0} ({1}, {2}), the least reflected trait of the weaker side', cell(report.focus.label), SIDE_LABELS[report.focus.side], pluralEntries(countIn(report, report.focus)))
          : l10n.t('Focus: {0} ({1}, {2}), the least reflected trait', cell(report.focus.label), SIDE_LABELS[report.focus.side], pluralEntries(countIn(report, report.focus)))
      }`,
      '',
    );
  }
  const first = report.weeks[0];
  const last = report.weeks[report.weeks.length - 1];
  lines.push(
    `## ${l10n.t('Last {0} weeks', report.weeks.length)}`,
    '',
    l10n.t('Trait tags per ISO week, {0} to {1} (an entry counts once per trait tag).', first.start, last.end),
    '',
    `| ${l10n.t('Week')} | ${l10n.t('Dates')} | ${SIDE_LABELS.leadership} | ${SIDE_LABELS.management} | ${l10n.t('Entries')} |`,
    '| --- | --- | ---: | ---: | ---: |',
    ...report.weeks.map((w) => `| ${w.label} | ${cell(weekRange(w))} | ${w.leadership} | ${w.management} | ${w.entries} |`),
    '',
    `## ${l10n.t('Traits')}`,
    '',
    `| ${l10n.t('Trait')} | ${l10n.t('Side')} | ${l10n.t('Entries')} | ${l10n.t('Last {0} weeks', report.weeks.length)} |`,
    '| --- | --- | ---: | ---: |',
    ...report.traits.map((t) => `| ${cell(t.trait.label)} | ${SIDE_LABELS[t.trait.side]} | ${t.count} | ${t.recent} |`),
    '',
  );
  if (report.otherTags.length > 0) {
    lines.push(`### ${l10n.t('Other tags')}`, '', `| ${l10n.t('Tag')} | ${l10n.t('Entries')} |`, '| --- | ---: |', ...report.otherTags.map((t) => `| ${cell(t.tag)} | ${t.count} |`), '');
  }
  lines.push(`## ${l10n.t('Strategies and next steps')}`, '');
  for (const step of report.steps) {
    lines.push(`### ${cell(step.strategy.name)}`, '', `*${cell(step.strategy.text)}*`, '', `**${l10n.t('Next step:')}** ${cell(step.nextStep)}`, '');
  }
  return writeFrontMatter(lines.join('\n'), { date: report.generatedAt, tags: [REPORT_TAG] });
}

function countIn(report: BalanceReport, trait: Trait): number {
  return report.traits.find((t) => t.trait.id === trait.id)?.count ?? 0;
}

// ---------------------------------------------------------------------------------------------
// SVG

/** Escapes text for XML and HTML content and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

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
  const barWidth = Math.min(22, (slot - 10) / 2);

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
    const x0 = left + i * slot + (slot - 2 * barWidth - 2) / 2;
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
        `<rect class="bj-bar bj-${side}" x="${(x0 + s * (barWidth + 2)).toFixed(1)}" y="${by.toFixed(1)}" width="${barWidth.toFixed(1)}" height="${(top + plotHeight - by).toFixed(1)}" fill="${CHART_COLORS[side]}"/>`,
      );
    });
    const cx = (left + i * slot + slot / 2).toFixed(1);
    const current = i === report.weeks.length - 1;
    parts.push(
      `<text class="bj-text bj-axis" x="${cx}" y="${height - bottom + 18}" text-anchor="middle" fill="${TEXT}">W${String(week.isoWeek).padStart(2, '0')}</text>` +
        `<text class="bj-text bj-axis bj-muted" x="${cx}" y="${height - bottom + 34}" text-anchor="middle" fill="${TEXT}">${escapeXml(current ? l10n.t({ message: 'this week', comment: ['Below the bars of the current week in the chart.'] }) : shortDate(week.start))}</text>`,
    );
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
    (report.weakerSide
      ? l10n.t('Least reflected on the weaker side ({0}): {1}.', SIDE_LABELS[report.weakerSide], report.focus.label)
      : l10n.t('Least reflected on the journal: {0}.', report.focus.label));
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
      `<g class="bj-trait${focus ? ' bj-focus' : ''}"><title>${escapeXml(focus ? l10n.t('{0}: {1} (focus)', trait.label, pluralEntries(count)) : l10n.t('{0}: {1}', trait.label, pluralEntries(count)))}</title>` +
        `<text class="bj-text" x="12" y="${yPos + 18}" fill="${TEXT}">${escapeXml(trait.label)}</text>` +
        (count > 0
          ? `<rect class="bj-bar bj-${trait.side}" x="${labelWidth}" y="${yPos + 6}" width="${barLength.toFixed(1)}" height="16" rx="2" fill="${CHART_COLORS[trait.side]}"/>`
          : '') +
        `<text class="bj-text bj-value" x="${(labelWidth + barLength + 8).toFixed(1)}" y="${yPos + 18}" fill="${TEXT}">${count}${focus ? ` ${escapeXml(l10n.t('◀ focus'))}` : ''}</text>` +
        '</g>',
    );
    yPos += rowHeight;
  }
  parts.push('</svg>');
  return parts.join('');
}

