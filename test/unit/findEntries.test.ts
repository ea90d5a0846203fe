import { describe, expect, it } from 'vitest';
import { buildEvidence, evidenceFileName, evidenceTraits, sectionParagraphs } from '../../src/core/evidence';
import { parseEntry } from '../../src/core/entryParser';
import { ALL_TIME, FindableEntry, describeRange, entryListMarkdown, findEntries, parseRange, periodChoiceLabel, rangeOf } from '../../src/core/findEntries';
import { readFrontMatter } from '../../src/core/frontMatter';
import { scanMarkdown } from '../../src/core/markdownScanner';
import { dayString, parseDay } from '../../src/core/periods';
import { allTraits, traitById } from '../../src/core/traits';
import { fastestCpuMs } from './helpers/timing';
import { BERLIN, wallTime, zone } from './zones';
import { linearSize } from './helpers/runs';

function entry(key: string, day: string | undefined, tags: string[], title = key): FindableEntry {
  const [y, m, d] = (day ?? '1970-01-01').split('-').map(Number);
  return { key, title, day, time: day ? new Date(y, m - 1, d, 9).getTime() : Number.NaN, tags };
}

const entries = [
  entry('a', '2026-11-02', ['empathy', 'retro']),
  entry('b', '2026-11-03', ['empathy']),
  entry('c', '2026-10-31', ['empathy', 'retro']),
  entry('d', '2026-11-30', ['retro']),
  entry('e', '2025-12-31', ['empathy', 'retro']),
  entry('f', undefined, ['empathy', 'retro']),
];

const show = (range: { from: number; to: number }) => `${dayString(range.from)}..${dayString(range.to)}`;

describe.each(['Europe/Berlin', 'America/Los_Angeles', 'Pacific/Kiritimati'])('periods to search (%s)', (name) => {
  const tz = zone(name);
  it('this week, month, quarter and year are local', () => {
    const now = wallTime(tz, 2026, 11, 3, 0, 30);
    expect(show(rangeOf('week', now, 1, tz))).toBe('2026-11-02..2026-11-08');
    expect(show(rangeOf('month', now, 1, tz))).toBe('2026-11-01..2026-11-30');
    expect(show(rangeOf('quarter', now, 1, tz))).toBe('2026-10-01..2026-12-31');
    expect(show(rangeOf('quarter', now, 4, tz))).toBe('2026-10-01..2026-12-31');
    expect(show(rangeOf('quarter', now, 2, tz))).toBe('2026-11-01..2027-01-31');
    expect(show(rangeOf('year', now, 1, tz))).toBe('2026-01-01..2026-12-31');
    // New Year's Eve at 23:30 is still last year.
    expect(show(rangeOf('year', wallTime(tz, 2026, 12, 31, 23, 30), 1, tz))).toBe('2026-01-01..2026-12-31');
    expect(rangeOf('all', now)).toEqual(ALL_TIME);
  });

  it('a custom range is two real days in order, not starting in the future', () => {
    const now = wallTime(tz, 2026, 11, 3, 0, 30);
    expect(show(parseRange('2026-01-01 to 2026-03-31', now, tz) as never)).toBe('2026-01-01..2026-03-31');
    expect(show(parseRange(' 2024-02-29..2024-03-01 ', now, tz) as never)).toBe('2024-02-29..2024-03-01');
    expect(show(parseRange('2026-11-03', now, tz) as never)).toBe('2026-11-03..2026-11-03');
    expect(show(parseRange('2026-10-01 – 2026-12-31', now, tz) as never)).toBe('2026-10-01..2026-12-31');
    expect(parseRange('2026-03-31 to 2026-01-01', now, tz)).toEqual({ error: 'The period is empty: 2026-03-31 is after 2026-01-01.' });
    expect(parseRange('2026-11-04 to 2026-12-01', now, tz)).toEqual({ error: '2026-11-04 is in the future: no entries can be there yet.' });
    expect(parseRange('2026-02-30 to 2026-03-01', now, tz)).toEqual({ error: '"2026-02-30" is not a day: write YYYY-MM-DD, e.g. 2026-01-01 to 2026-03-31.' });
    expect(parseRange('', now, tz)).toHaveProperty('error');
    expect(parseRange('a to b to c', now, tz)).toHaveProperty('error');
  });

  it('a custom range says "two days" when empty or three, and takes a separator with one side empty as one day', () => {
    const now = wallTime(tz, 2026, 11, 3, 0, 30);
    const twoDays = { error: 'Type two days, e.g. 2026-01-01 to 2026-03-31.' };
    expect(parseRange('', now, tz)).toEqual(twoDays);
    expect(parseRange(' .. ', now, tz)).toEqual(twoDays);
    expect(parseRange('2026-01-01 to 2026-02-01 to 2026-03-01', now, tz)).toEqual(twoDays);
    expect(show(parseRange('2026-11-01..', now, tz) as never)).toBe('2026-11-01..2026-11-01');
    expect(show(parseRange('to 2026-11-01', now, tz) as never)).toBe('2026-11-01..2026-11-01');
  });
});

describe('findEntries', () => {
  const november = { from: parseDay('2026-11-01')!, to: parseDay('2026-11-30')! };

  it('keeps entries with every tag, in the period, newest first', () => {
    expect(findEntries(entries, ['empathy', 'retro'], november).map((e) => e.key)).toEqual(['a']);
    expect(findEntries(entries, ['empathy'], november).map((e) => e.key)).toEqual(['b', 'a']);
    expect(findEntries(entries, [], november).map((e) => e.key)).toEqual(['d', 'b', 'a']);
    expect(findEntries(entries, ['retro'], { from: parseDay('2026-10-31')!, to: parseDay('2026-11-02')! }).map((e) => e.key)).toEqual(['a', 'c']);
    // Undated entries only in all time, last.
    expect(findEntries(entries, ['empathy', 'retro'], ALL_TIME).map((e) => e.key)).toEqual(['a', 'c', 'e', 'f']);
    expect(findEntries(entries, ['charisma'], ALL_TIME)).toEqual([]);
  });

  it('grows linearly with the journal: 50,000 entries against 5,000 (the bench times it)', () => {
    const journal = (count: number) => Array.from({ length: count }, (_, i) => entry(`k${i}`, dayString(parseDay('2017-01-01')! + (i % 3650)), i % 3 === 0 ? ['empathy', 'retro'] : ['influence']));
    const [smallCount, largeCount] = [linearSize(5_000), linearSize(50_000)];
    const [small, large] = [journal(smallCount), journal(largeCount)];
    const year2026 = { from: parseDay('2026-01-01')!, to: parseDay('2026-12-31')! };
    // Hand count: 2017–2025 are 3,287 days (two leap years), so day offsets 3,287–3,649 fall in
    // 2026; every third entry has empathy.
    const expected = (count: number) => Array.from({ length: count }, (_, i) => i).filter((i) => i % 3 === 0 && i % 3650 >= 3287).length;
    expect(findEntries(large, ['empathy'], year2026).length).toBe(expected(largeCount));
    findEntries(small, ['empathy'], year2026);
    const ratio = fastestCpuMs(() => findEntries(large, ['empathy'], year2026), 5) / Math.max(fastestCpuMs(() => findEntries(small, ['empathy'], year2026), 7), 0.5);
    expect(ratio).toBeLessThan(30); // 10× the entries; a quadratic search would be 100×
  });

  it('orders the same moment by title, then by key; undated entries last', () => {
    const same = [entry('k2', '2026-11-02', ['empathy'], 'B'), entry('k1', '2026-11-02', ['empathy'], 'B'), entry('k0', '2026-11-02', ['empathy'], 'A'), entry('k3', undefined, ['empathy'], 'A'), entry('k4', '2026-11-03', ['empathy'], 'Z')];
    expect(findEntries(same, ['empathy'], ALL_TIME).map((e) => e.key)).toEqual(['k4', 'k0', 'k1', 'k2', 'k3']);
    expect(findEntries([...same].reverse(), ['empathy'], ALL_TIME).map((e) => e.key)).toEqual(['k4', 'k0', 'k1', 'k2', 'k3']);
  });

  it('orders the same moment by title even when the keys run the other way', () => {
    const same = [entry('k1', '2026-11-02', ['empathy'], 'Zebra'), entry('k2', '2026-11-02', ['empathy'], 'Apple')];
    expect(findEntries(same, ['empathy'], ALL_TIME).map((e) => e.key)).toEqual(['k2', 'k1']);
    expect(findEntries([...same].reverse(), ['empathy'], ALL_TIME).map((e) => e.key)).toEqual(['k2', 'k1']);
  });

  it('searches a range open at one end, and leaves undated entries out of it', () => {
    // Dated entries: a 2026-11-02, b 2026-11-03, c 2026-10-31, d 2026-11-30, e 2025-12-31; f has no day.
    expect(findEntries(entries, [], { from: Number.NEGATIVE_INFINITY, to: parseDay('2026-11-02')! }).map((e) => e.key)).toEqual(['a', 'c', 'e']);
    expect(findEntries(entries, [], { from: parseDay('2026-11-03')!, to: Number.POSITIVE_INFINITY }).map((e) => e.key)).toEqual(['d', 'b']);
  });

  it('names each period choice and open-ended ranges', () => {
    expect((['week', 'month', 'quarter', 'year', 'all'] as const).map(periodChoiceLabel)).toEqual(['This week', 'This month', 'This quarter', 'This year', 'All time']);
    expect(describeRange({ from: parseDay('2026-11-01')!, to: Number.POSITIVE_INFINITY })).toBe('2026-11-01 to …');
    expect(describeRange({ from: Number.NEGATIVE_INFINITY, to: parseDay('2026-11-30')! })).toBe('… to 2026-11-30');
  });

  it('lists one entry, untagged searches, entries without a link, a date or a title', () => {
    expect(entryListMarkdown([entry('k', '2026-11-02', ['retro'], 'One')], [], november, () => undefined)).toBe('# Entries found\n\n1 entry, 2026-11-01 to 2026-11-30.\n\n- 2026-11-02: One\n');
    expect(entryListMarkdown([entry('k', undefined, ['empathy'], ' \n ')], ['empathy'], ALL_TIME, () => undefined)).toBe('# Entries found\n\n1 entry tagged Empathy, all time.\n\n- date unknown: Untitled · Empathy\n');
  });

  it('lists several entries of an untagged search, each title on one line and each entry\'s traits', () => {
    const found = [entry('k1', '2026-11-03', ['empathy', 'influence'], 'Line one\r\n\tline two'), entry('k2', '2026-11-02', [], 'Plain')];
    expect(entryListMarkdown(found, [], november, () => undefined)).toBe(
      '# Entries found\n\n2 entries, 2026-11-01 to 2026-11-30.\n\n' + '- 2026-11-03: Line one line two · Empathy, Influence\n' + '- 2026-11-02: Plain\n',
    );
  });

  it('writes a control character in a link destination as two hex digits', () => {
    expect(entryListMarkdown([entry('k', '2026-11-02', [], 'T')], [], november, () => 'file:///j/a\tb.md')).toBe('# Entries found\n\n1 entry, 2026-11-01 to 2026-11-30.\n\n- 2026-11-02: [T](<file:///j/a%09b.md>)\n');
  });

  it('lists what it found as Markdown, every title escaped and every link in angle brackets', () => {
    const hostile = [entry('file:///j/a%20b.md', '2026-11-02', ['empathy'], '[x](command:evil) <img> #innovation'), entry('file:///j/<c>.md', '2026-11-01', ['retro'], 'Plain')];
    const text = entryListMarkdown(hostile, ['empathy', 'retro'], november, (key) => key);
    expect(text).toBe(
      '# Entries found\n\n2 entries tagged Empathy + retro, 2026-11-01 to 2026-11-30.\n\n' +
        '- 2026-11-02: [\\[x\\]\\(command:evil\\) \\<img\\> \\#innovation](<file:///j/a%20b.md>) · Empathy\n' +
        '- 2026-11-01: [Plain](<file:///j/%3Cc%3E.md>)\n',
    );
    expect(scanMarkdown(text, { title: false }).tags).toEqual([]);
    expect(describeRange(ALL_TIME)).toBe('all time');
    expect(describeRange({ from: parseDay('2026-11-03')!, to: parseDay('2026-11-03')! })).toBe('Tuesday, November 3, 2026');
  });
});

describe('evidence', () => {
  const year = { from: parseDay('2026-01-01')!, to: parseDay('2026-12-31')! };

  it('names the file by trait and period, and never twice the same', () => {
    expect(evidenceFileName('empathy', year)).toBe('evidence-empathy-2026-01-01-2026-12-31.md');
    expect(evidenceFileName('all', year, 2)).toBe('evidence-all-2026-01-01-2026-12-31-2.md');
    expect(evidenceFileName('all', ALL_TIME)).toBe('evidence-all-start-today.md');
  });

  it('takes a trait id in any spelling, or all; anything else is refused with the known ids', () => {
    expect(evidenceTraits('Empathy')).toEqual({ id: 'empathy', traits: [traitById('empathy')] });
    expect(evidenceTraits(undefined)).toEqual({ id: 'all', traits: allTraits() });
    expect(evidenceTraits('charisma')).toEqual({ error: expect.stringMatching(/^There is no trait "charisma"\. Known traits: visionary-thinking, .*, or all\.$/) });
    expect(evidenceTraits('../../etc')).toHaveProperty('error');
    expect(evidenceTraits(7)).toHaveProperty('error');
  });

  it('reads each section\'s first paragraph of the writer\'s own words', () => {
    const text = [
      '---',
      'date: 2026-11-02T09:00:00+01:00',
      'tags: [empathy]',
      '---',
      '# One-on-one',
      '',
      '> **Empathy** (leadership): Understanding and addressing the needs and concerns of team members.',
      '',
      '## Whose needs did I notice?',
      '',
      'Sam was worried about the deadline',
      'and said so late.',
      '',
      'A second paragraph, left out.',
      '',
      '## What would I do differently?',
      '',
      '',
      '## Left empty',
      '',
      '```',
      '## not a heading',
      '```',
      '### Deeper ###',
      'Ask earlier.',
    ].join('\n');
    expect(sectionParagraphs(text)).toEqual([
      { heading: 'Whose needs did I notice?', paragraph: 'Sam was worried about the deadline and said so late.' },
      { heading: 'Deeper', paragraph: 'Ask earlier.' },
    ]);
    expect(sectionParagraphs('x'.repeat(10) + '\n## A\n' + 'y'.repeat(2000))[0].paragraph).toHaveLength(600);
  });

  it('writes per trait its entries (oldest first) with their sections quoted as plain text, goals and feedback, as an export', () => {
    const text = buildEvidence({
      traits: [traitById('empathy')!],
      traitId: 'empathy',
      range: year,
      entries: [
        { ...entry('k/b', '2026-11-03', ['empathy'], 'Later <b>'), sections: [{ heading: 'What happened?', paragraph: 'I listened. #innovation [x](command:evil)' }] },
        { ...entry('k/a', '2026-02-01', ['empathy', 'retro'], 'Earlier'), sections: [], commitments: [{ text: 'Ask *why* first', done: true }, { text: 'Share the notes', done: false }] },
        { ...entry('k/z', '2025-12-31', ['empathy'], 'Last year') },
        { ...entry('k/i', '2026-05-05', ['influence'], 'Other trait') },
      ],
      goals: [entry('k/goal', '2026-01-05', ['empathy'], 'Listen first')],
      feedback: [entry('k/fb', '2026-06-01', ['empathy'], 'From Sam'), entry('k/fb-old', '2025-06-01', ['empathy'], 'Too old')],
      now: wallTime(BERLIN, 2026, 12, 1, 10),
      zone: BERLIN,
      relativeLink: (key) => `../${key}.md`,
    });
    expect(readFrontMatter(text).data).toEqual({ date: '2026-12-01T10:00:00+01:00', kind: 'export', trait: 'empathy', from: '2026-01-01', to: '2026-12-31' });
    expect(readFrontMatter(text).body).toBe(
      // Escaped only where Markdown would misread it (core/markdownText), as every export is.
      '# Evidence: Empathy, 2026-01-01 to 2026-12-31\n\n' +
        '2 entries in this period, oldest first within each trait. For a 1:1, a coach or a performance review.\n\n' +
        '## Empathy (Leadership)\n\n*Understanding and addressing the needs and concerns of team members.*\n\n' +
        '### Goals\n\n- [Listen first](../k/goal.md)\n\n' +
        '### Entries (2)\n\n' +
        '#### 2026-02-01: [Earlier](../k/a.md)\n\n' +
        '#### 2026-11-03: [Later \\<b>](../k/b.md)\n\n' +
        '> **What happened?** I listened. \\#innovation \\[x\\](command:evil)\n\n' +
        '### Commitments (2 made, 1 done)\n\n' +
        '- Done: Ask \\*why\\* first (2026-02-01, [Earlier](../k/a.md))\n' +
        '- Open: Share the notes (2026-02-01, [Earlier](../k/a.md))\n\n' +
        '### Feedback received\n\n- 2026-06-01: [From Sam](../k/fb.md)\n',
    );
    // An export is a note of its own kind: parsed back, it is never a reflection.
    const parsed = parseEntry(text, 'evidence-empathy-2026-01-01-2026-12-31.md');
    expect(parsed.kind).toBe('export');
    expect(parsed.tags).toEqual([]);
  });

  it('for all traits, leaves out the traits without entries', () => {
    const text = buildEvidence({
      traits: allTraits(),
      traitId: 'all',
      range: year,
      entries: [entry('k/a', '2026-02-01', ['empathy', 'time-management'], 'Both')],
      now: wallTime(BERLIN, 2026, 12, 1, 10),
      zone: BERLIN,
      relativeLink: () => undefined,
    });
    expect(text.match(/^## .*$/gm)).toEqual(['## Empathy (Leadership)', '## Time Management (Management)']);
    expect(text).toContain('# Evidence: all traits, 2026-01-01 to 2026-12-31');
    expect(text).toContain('#### 2026-02-01: Both\n');
  });
});
