import * as l10n from '@vscode/l10n';
import { afterEach, describe, expect, it } from 'vitest';
import { weeklyChartSvg } from '../../src/core/reportCharts';
import { BalanceReport, ReportWeek, buildBalanceReport } from '../../src/core/reportModel';
import { JournalIndex } from '../../src/core/journalIndex';
import { UTC } from './zones';

const TEXT = 'var(--vscode-foreground, currentColor)';
const GRID = 'var(--vscode-editorWidget-border, rgba(128, 128, 128, 0.35))';
const BLUE = 'var(--vscode-charts-blue, #3794ff)';
const ORANGE = 'var(--vscode-charts-orange, #d18616)';

/** The ISO week of 2026 starting on the Monday `monday` (a day of November 2026, or a later UTC day). */
function week(isoWeek: number, monday: number, leadership: number, management: number, entries: number, titles: string[]): ReportWeek {
  const day = (offset: number) => new Date(Date.UTC(2026, 10, monday + offset)).toISOString().slice(0, 10);
  return { label: `2026-W${String(isoWeek).padStart(2, '0')}`, isoYear: 2026, isoWeek, start: day(0), end: day(6), leadership, management, entries, titles };
}

/** A report whose weeks are `weeks` (the charts of weeks read nothing else). */
function withWeeks(weeks: ReportWeek[]): BalanceReport {
  return { ...buildBalanceReport(new JournalIndex(), { now: Date.UTC(2026, 10, 27, 10), zone: UTC }), weeks };
}

/** `count` weeks ending in the current one, which alone has tags: one leadership, two management (the others' labels are not looked at). */
function manyWeeks(count: number): BalanceReport {
  return withWeeks(Array.from({ length: count }, (_, i) => (i === count - 1 ? week(48, 23, 1, 2, 2, ['A', 'B']) : week(48 - count + 1 + i, 23 - 7 * (count - 1 - i), 0, 0, 0, []))));
}

const bars = (svg: string) => [...svg.matchAll(/<rect class="bj-bar[^>]*>/g)].map((match) => match[0]);

describe('weeklyChartSvg', () => {
  afterEach(() => {
    l10n.config({ contents: {} });
  });

  it('four weeks: slots of 177, bars of 22 with a gap of 2, the busiest week the first with the most tags', () => {
    const report = withWeeks([
      week(45, 2, 1, 0, 1, ['One']),
      // Five tags, all management: the busiest week, though its leadership minus management is the least.
      week(46, 9, 0, 5, 2, ['Two', 'Three']),
      // Five too: a tie does not make a later week the busiest.
      week(47, 16, 2, 3, 3, ['Four']),
      // No entries: no titles after the tooltip's counts.
      week(48, 23, 0, 0, 0, []),
    ]);
    // Most tags in a bar 5: a scale 0, 2, 4, 6 (steps of 2 reach 5 in 4 steps), y(v) = 232 − v / 6 × 192 = 232 − 32v.
    // Slot 708 / 4 = 177; bar 22 (half of 177 − 10, at most 22); group 22 + 2 + 22 centred: 65.5 into the slot.
    const expected = [
      '<svg xmlns="http://www.w3.org/2000/svg" class="bj-chart bj-weekly" role="img" viewBox="0 0 760 280" width="760" height="280" aria-labelledby="w-title w-desc" font-family="var(--vscode-font-family, sans-serif)" font-size="12">',
      '<title id="w-title">Trait tags per week, last 4 weeks</title>',
      '<desc id="w-desc">Leadership and management trait tags per week, 2026-W45 (2026-11-02) to 2026-W48 (2026-11-29). In total 3 leadership and 8 management; the busiest week was 2026-W46 with 0 leadership and 5 management.</desc>',
      `<rect class="bj-bar bj-leadership" x="40" y="12" width="12" height="12" fill="${BLUE}"/><text class="bj-text" x="58" y="22" fill="${TEXT}">Leadership</text>`,
      `<rect class="bj-bar bj-management" x="170" y="12" width="12" height="12" fill="${ORANGE}"/><text class="bj-text" x="188" y="22" fill="${TEXT}">Management</text>`,
      `<line class="bj-grid" x1="40" x2="748" y1="232.0" y2="232.0" stroke="${GRID}" stroke-width="1"/><text class="bj-text bj-axis" x="32" y="236.0" text-anchor="end" fill="${TEXT}">0</text>`,
      `<line class="bj-grid" x1="40" x2="748" y1="168.0" y2="168.0" stroke="${GRID}" stroke-width="1"/><text class="bj-text bj-axis" x="32" y="172.0" text-anchor="end" fill="${TEXT}">2</text>`,
      `<line class="bj-grid" x1="40" x2="748" y1="104.0" y2="104.0" stroke="${GRID}" stroke-width="1"/><text class="bj-text bj-axis" x="32" y="108.0" text-anchor="end" fill="${TEXT}">4</text>`,
      `<line class="bj-grid" x1="40" x2="748" y1="40.0" y2="40.0" stroke="${GRID}" stroke-width="1"/><text class="bj-text bj-axis" x="32" y="44.0" text-anchor="end" fill="${TEXT}">6</text>`,
      '<g class="bj-week"><title>2026-W45 (Nov 2 – 8, 2026): 1 leadership, 0 management, 1 entry. One</title>',
      '<rect x="40.0" y="40" width="177.0" height="192" fill="transparent"/>',
      `<rect class="bj-bar bj-leadership" x="105.50" y="200.0" width="22.00" height="32.0" fill="${BLUE}"/>`,
      `<text class="bj-text bj-axis" x="128.5" y="250" text-anchor="middle" fill="${TEXT}">W45</text>`,
      `<text class="bj-text bj-axis bj-muted" x="128.5" y="266" text-anchor="middle" fill="${TEXT}">Nov 2</text>`,
      '</g>',
      '<g class="bj-week"><title>2026-W46 (Nov 9 – 15, 2026): 0 leadership, 5 management, 2 entries. Two · Three</title>',
      '<rect x="217.0" y="40" width="177.0" height="192" fill="transparent"/>',
      `<rect class="bj-bar bj-management" x="306.50" y="72.0" width="22.00" height="160.0" fill="${ORANGE}"/>`,
      `<text class="bj-text bj-axis" x="305.5" y="250" text-anchor="middle" fill="${TEXT}">W46</text>`,
      `<text class="bj-text bj-axis bj-muted" x="305.5" y="266" text-anchor="middle" fill="${TEXT}">Nov 9</text>`,
      '</g>',
      '<g class="bj-week"><title>2026-W47 (Nov 16 – 22, 2026): 2 leadership, 3 management, 3 entries. Four</title>',
      '<rect x="394.0" y="40" width="177.0" height="192" fill="transparent"/>',
      `<rect class="bj-bar bj-leadership" x="459.50" y="168.0" width="22.00" height="64.0" fill="${BLUE}"/>`,
      `<rect class="bj-bar bj-management" x="483.50" y="136.0" width="22.00" height="96.0" fill="${ORANGE}"/>`,
      `<text class="bj-text bj-axis" x="482.5" y="250" text-anchor="middle" fill="${TEXT}">W47</text>`,
      `<text class="bj-text bj-axis bj-muted" x="482.5" y="266" text-anchor="middle" fill="${TEXT}">Nov 16</text>`,
      '</g>',
      '<g class="bj-week"><title>2026-W48 (Nov 23 – 29, 2026): 0 leadership, 0 management, 0 entries</title>',
      '<rect x="571.0" y="40" width="177.0" height="192" fill="transparent"/>',
      `<text class="bj-text bj-axis" x="659.5" y="250" text-anchor="middle" fill="${TEXT}">W48</text>`,
      `<text class="bj-text bj-axis bj-muted" x="659.5" y="266" text-anchor="middle" fill="${TEXT}">this week</text>`,
      '</g>',
      `<line class="bj-baseline" x1="40" x2="748" y1="232" y2="232" stroke="${TEXT}" stroke-width="1"/>`,
      '</svg>',
    ].join('');
    expect(weeklyChartSvg(report, { idPrefix: 'w' })).toBe(expected);
  });

  // Last week: 1 leadership and 2 management on a scale of 0, 1, 2: y(1) = 136, y(2) = 40.
  it('twenty weeks: slots of 35.4, bars of (35.4 − 10) / 2 = 12.7 with a gap of 2', () => {
    // The last group starts at 40 + 19 × 35.4 + (35.4 − 2 × 12.7 − 2) / 2 = 716.6.
    expect(bars(weeklyChartSvg(manyWeeks(20)))).toEqual([
      `<rect class="bj-bar bj-leadership" x="40" y="12" width="12" height="12" fill="${BLUE}"/>`,
      `<rect class="bj-bar bj-management" x="170" y="12" width="12" height="12" fill="${ORANGE}"/>`,
      `<rect class="bj-bar bj-leadership" x="716.60" y="136.0" width="12.70" height="96.0" fill="${BLUE}"/>`,
      `<rect class="bj-bar bj-management" x="731.30" y="40.0" width="12.70" height="192.0" fill="${ORANGE}"/>`,
    ]);
  });

  it('fifty-nine weeks: slots of 12, thin bars of 0.4 × 12 = 4.8 side by side', () => {
    // The last group starts at 40 + 58 × 12 + (12 − 2 × 4.8) / 2 = 737.2.
    expect(bars(weeklyChartSvg(manyWeeks(59)))).toEqual([
      `<rect class="bj-bar bj-leadership" x="40" y="12" width="12" height="12" fill="${BLUE}"/>`,
      `<rect class="bj-bar bj-management" x="170" y="12" width="12" height="12" fill="${ORANGE}"/>`,
      `<rect class="bj-bar bj-leadership" x="737.20" y="136.0" width="4.80" height="96.0" fill="${BLUE}"/>`,
      `<rect class="bj-bar bj-management" x="742.00" y="40.0" width="4.80" height="192.0" fill="${ORANGE}"/>`,
    ]);
  });

  it('names the current week in the display language (its message carries a comment for translators)', () => {
    l10n.config({ contents: { 'this week/Below the bars of the current week in the chart.': 'diese Woche' } });
    const muted = [...weeklyChartSvg(manyWeeks(3)).matchAll(/<text class="bj-text bj-axis bj-muted"[^>]*>([^<]*)<\/text>/g)].map((match) => match[1]);
    expect(muted).toEqual(['Nov 9', 'Nov 16', 'diese Woche']);
  });
});
