import { afterEach, describe, expect, it } from 'vitest';
import { JournalIndex } from '../../src/core/journalIndex';
import { reportMarkdown } from '../../src/core/reportMarkdown';
import { buildBalanceReport } from '../../src/core/reportModel';
import { Trait, configureTraits } from '../../src/core/traits';
import { UTC } from './zones';

const NOW = Date.parse('2026-11-27T10:00:00Z'); // a Friday

function indexOf(entries: { date: string; tags: string[] }[]): JournalIndex {
  const index = new JournalIndex();
  entries.forEach((seed, i) => {
    index.set(`file:///j/${i}.md`, `${i}.md`, { title: `Entry ${i}`, day: seed.date.slice(0, 10), time: Date.parse(seed.date), tags: seed.tags, problems: [] });
  });
  return index;
}

/** The lines of `markdown` from the one that is `first` up to the next empty line. */
function block(markdown: string, first: string): string[] {
  const lines = markdown.split('\n');
  const start = lines.indexOf(first);
  const end = lines.indexOf('', start);
  return lines.slice(start, end);
}

const nextLine = (markdown: string) => markdown.split('\n').filter((line) => line.startsWith('- Next: '));

describe('reportMarkdown, the suggested trait', () => {
  it('counts the entries of the suggested trait, not those of another trait', () => {
    // Every trait has entries; management is the weaker side in the last four weeks (7 trait
    // tags to 8), and Time Management has the fewest there (1): it is the suggestion, with 1 entry,
    // while Visionary Thinking, first in the traits table, has 2.
    const all = ['visionary-thinking', 'empathy', 'innovation', 'influence', 'organizational-skills', 'decision-making', 'problem-solving', 'time-management'];
    const report = buildBalanceReport(
      indexOf([
        { date: '2026-11-23T10:00:00Z', tags: all },
        { date: '2026-11-24T10:00:00Z', tags: all.filter((id) => id !== 'time-management') },
      ]),
      { now: NOW, zone: UTC },
    );
    expect(nextLine(reportMarkdown(report))).toEqual([
      '- Next: Time Management (Management, 1 entry). Time Management has 1 entry in the last four weeks, fewer than the rest, and management is the side you wrote less about in the last four weeks.',
    ]);
  });

  it('counts 0 entries for a suggested trait missing from the traits table', () => {
    const report = buildBalanceReport(indexOf([{ date: '2026-11-23T10:00:00Z', tags: ['empathy'] }]), { now: NOW, zone: UTC });
    const coaching: Trait = { id: 'coaching', label: 'Coaching', side: 'management', description: 'Helping others grow.', prompts: ['Whom did I help grow?'] };
    expect(nextLine(reportMarkdown({ ...report, focus: coaching, focusWhy: 'Why not.' }))).toEqual(['- Next: Coaching (Management, 0 entries). Why not.']);
  });
});

describe('reportMarkdown, table cells', () => {
  afterEach(() => {
    configureTraits([]);
  });

  it('escapes a | in a trait\'s label, so the label stays in its cell', () => {
    const planReview = { id: 'plan-review', label: 'Plan | Review', side: 'management', description: 'Plans and looks back.', prompts: ['What did I plan?'] };
    expect(configureTraits([planReview])).toEqual([]);
    const report = buildBalanceReport(indexOf([{ date: '2026-11-23T10:00:00Z', tags: ['plan-review', 'empathy'] }]), { now: NOW, zone: UTC, weeks: 2 });
    expect(block(reportMarkdown(report), '| Trait | Side | Entries | Last 2 weeks |')).toEqual([
      '| Trait | Side | Entries | Last 2 weeks |',
      '| --- | --- | ---: | ---: |',
      '| Visionary Thinking | Leadership | 0 | 0 |',
      '| Empathy | Leadership | 1 | 1 |',
      '| Innovation | Leadership | 0 | 0 |',
      '| Influence | Leadership | 0 | 0 |',
      '| Organizational Skills | Management | 0 | 0 |',
      '| Decision-Making | Management | 0 | 0 |',
      '| Problem-Solving | Management | 0 | 0 |',
      '| Time Management | Management | 0 | 0 |',
      '| Plan \\| Review | Management | 1 | 1 |',
    ]);
  });
});
