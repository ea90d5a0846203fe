// The Balance Report as a Markdown document, for the journal (Export as Markdown).

import * as l10n from '@vscode/l10n';
import { pluralEntries } from './balance';
import { formatDay, formatWeek } from './dates';
import { writeFrontMatter } from './frontMatter';
import { markdownText } from './markdownText';
import { BalanceReport, REPORT_TAG, weekRange } from './reportModel';
import { describeCurrentStreak, describeLongestStreak } from './streaks';
import { SIDE_LABELS, Trait } from './traits';

/** A table cell, escaped only where Markdown would misread it. */
function cell(text: string): string {
  return markdownText(text, 'cell');
}

/** Text in a paragraph, escaped only where Markdown would misread it. */
function text(value: string): string {
  return markdownText(value);
}

/**
 * The report as a Markdown document with front matter (`date`, `tags: [balance-report]`). It
 * names no trait as a `#tag`, so saving it in the journal does not change the tally.
 */
export function reportMarkdown(report: BalanceReport): string {
  const b = report.balance;
  const lines: string[] = [
    `# ${text(l10n.t('Balance Report, {0}', formatDay(report.day)))}`,
    '',
    `**${l10n.t('Balance:')}** ${text(report.headline)}`,
    '',
  ];
  if (b.state === 'empty') {
    lines.push(l10n.t('No trait tags yet. Write an entry tagged with a trait to see your balance.'), '');
  } else {
    lines.push(
      `- ${l10n.t('Leadership: {0} trait tags ({1}%)', b.leadership, b.leadershipPercent)}`,
      `- ${l10n.t('Management: {0} trait tags ({1}%)', b.management, b.managementPercent)}`,
      `- ${l10n.t('Entries: {0}', report.totalEntries)}`,
      `- ${describeCurrentStreak(report.streaks)}`,
      `- ${describeLongestStreak(report.streaks)}`,
      `- ${text(l10n.t('Next: {0} ({1}, {2}). {3}', report.focus.label, SIDE_LABELS[report.focus.side], pluralEntries(countIn(report, report.focus)), report.focusWhy))}`,
      '',
    );
  }
  const first = report.weeks[0];
  const last = report.weeks[report.weeks.length - 1];
  lines.push(
    `## ${l10n.t('Last {0} weeks', report.weeks.length)}`,
    '',
    text(l10n.t('Trait tags per ISO week, {0} (an entry counts once per trait tag).', formatWeek(first.start, last.end))),
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
    lines.push(`### ${text(step.strategy.name)}`, '', `*${text(step.strategy.text)}*`, '', `**${l10n.t('Next step:')}** ${text(step.nextStep)}`, '');
  }
  return writeFrontMatter(lines.join('\n'), { date: report.generatedAt, kind: 'report', tags: [REPORT_TAG] });
}

function countIn(report: BalanceReport, trait: Trait): number {
  return report.traits.find((t) => t.trait.id === trait.id)?.count ?? 0;
}
