import { afterEach, describe, expect, it } from 'vitest';
import {
  buildEntry,
  cleanTitle,
  entryPathSegments,
  localDay,
  localIsoTimestamp,
  parseNewEntryArgs,
  slugify,
  templateProblems,
} from '../../src/core/entryFactory';
import { parseEntry } from '../../src/core/entryParser';
import { traitById } from '../../src/core/traits';

const originalTz = process.env.TZ;
afterEach(() => {
  process.env.TZ = originalTz;
});

// 2026-11-26T23:30:00Z: already the 27th east of Greenwich, still the 26th west of it.
const instant = new Date(Date.UTC(2026, 10, 26, 23, 30, 0));

describe.each([
  ['Europe/Berlin', '2026-11-27', '2026-11-27T00:30:00+01:00'],
  ['America/Los_Angeles', '2026-11-26', '2026-11-26T15:30:00-08:00'],
  ['Asia/Kolkata', '2026-11-27', '2026-11-27T05:00:00+05:30'],
  ['UTC', '2026-11-26', '2026-11-26T23:30:00+00:00'],
])('local dates in %s', (tz, day, iso) => {
  it('names the file after the local day, not the UTC day', () => {
    process.env.TZ = tz;
    expect(localDay(instant)).toBe(day);
    expect(entryPathSegments(instant, 'one-on-one')).toEqual([day.slice(0, 4), day.slice(5, 7), `${day}-one-on-one.md`]);
  });

  it('writes the local time with its UTC offset', () => {
    process.env.TZ = tz;
    expect(localIsoTimestamp(instant)).toBe(iso);
    expect(new Date(localIsoTimestamp(instant)).getTime()).toBe(instant.getTime());
  });

  it('writes an entry whose date and tags parse back', () => {
    process.env.TZ = tz;
    const entry = buildEntry([traitById('empathy')!, traitById('time-management')!], 'Late call', instant);
    const parsed = parseEntry(entry.text, `${day}-late-call.md`);
    expect(parsed.tags).toEqual(['empathy', 'time-management']);
    expect(parsed.day).toBe(day);
    expect(parsed.time).toBe(instant.getTime());
    expect(parsed.problems).toEqual([]);
  });
});

describe('entryPathSegments', () => {
  it('adds -2, -3 on collisions', () => {
    process.env.TZ = 'UTC';
    expect(entryPathSegments(instant, 'x', 1)[2]).toBe('2026-11-26-x.md');
    expect(entryPathSegments(instant, 'x', 2)[2]).toBe('2026-11-26-x-2.md');
    expect(entryPathSegments(instant, 'x', 3)[2]).toBe('2026-11-26-x-3.md');
  });
});

describe('slugify', () => {
  it.each([
    ['Hard conversation with Sam', 'hard-conversation-with-sam'],
    ['Crème brûlée & Señor Müller', 'creme-brulee-senor-muller'],
    ['Straße, Ærø, Łódź', 'strasse-aero-lodz'],
    ['  --Q3 plan!!  ', 'q3-plan'],
    ['🎉 launch day 🚀', 'launch-day'],
    ['!!!', ''],
    ['会议记录', ''],
    ['CON', 'con'],
    ['trailing dots...', 'trailing-dots'],
  ])('%s -> %s', (title, slug) => {
    expect(slugify(title)).toBe(slug);
  });

  it('cuts long titles to at most 60 characters at a word boundary', () => {
    const slug = slugify('A very long reflection title about the quarterly planning offsite and what happened after it'.repeat(3));
    expect(slug.length).toBeLessThanOrEqual(60);
    expect(slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect('a-very-long-reflection-title-about-the-quarterly-planning-offsite'.startsWith(slug)).toBe(true);
    expect(slugify('x'.repeat(500))).toBe('x'.repeat(60));
  });
});

describe('buildEntry', () => {
  it('writes front matter, the title, each trait quote and its prompts', () => {
    const empathy = traitById('empathy')!;
    const entry = buildEntry([empathy], 'Hard conversation', new Date(2026, 10, 27, 9, 5));
    const lines = entry.text.split('\n');
    expect(lines[0]).toBe('---');
    expect(entry.text).toMatch(/^---\ndate: 2026-11-27T09:05:00[+-]\d\d:\d\d\ntags:\n {2}- empathy\n---\n# Hard conversation\n/);
    expect(entry.text).toContain(`> **Empathy** (leadership): ${empathy.description}`);
    for (const prompt of empathy.prompts) expect(entry.text).toContain(`## ${prompt}`);
    expect(entry.slug).toBe('hard-conversation');
    // The cursor lands on an empty line under the first prompt.
    expect(lines[entry.cursorLine - 2]).toBe(`## ${empathy.prompts[0]}`);
    expect(lines[entry.cursorLine]).toBe('');
  });

  it('falls back to the trait labels and the first trait id without a title', () => {
    const entry = buildEntry([traitById('influence')!, traitById('decision-making')!], '   ', new Date(2026, 0, 2));
    expect(entry.slug).toBe('influence');
    expect(entry.text).toContain('# Influence · Decision-Making');
  });

  it('falls back to the trait id when the title has no Latin letters', () => {
    expect(buildEntry([traitById('innovation')!], '新しいアイデア', new Date()).slug).toBe('innovation');
    expect(buildEntry([traitById('innovation')!], '?!…', new Date()).slug).toBe('innovation');
  });

  it('keeps hashtags in the title from becoming tags, and shows the title as typed', () => {
    const entry = buildEntry([traitById('empathy')!], '#aa and C# code', new Date(2026, 0, 2));
    const parsed = parseEntry(entry.text, 'x.md');
    expect(parsed.tags).toEqual(['empathy']);
    expect(parsed.title).toBe('#aa and C# code');
    expect(entry.slug).toBe('aa-and-c-code');
  });

  it('refuses an empty trait list', () => {
    expect(() => buildEntry([], 'x', new Date())).toThrow(/at least one trait/);
  });
});

describe('cleanTitle', () => {
  it('keeps one line and trims', () => {
    expect(cleanTitle(' a\nb\tc ')).toBe('a b c');
    expect(cleanTitle('   ')).toBeUndefined();
    expect(cleanTitle(undefined)).toBeUndefined();
    expect(cleanTitle('x'.repeat(500))!.length).toBe(200);
  });
});

describe('parseNewEntryArgs', () => {
  it('resolves trait ids in any spelling, once each', () => {
    const parsed = parseNewEntryArgs({ traits: ['Empathy', 'time_management', 'empathy'], title: 'T' });
    expect(parsed).toEqual({ traits: [traitById('empathy'), traitById('time-management')], title: 'T', askTitle: false });
  });

  it('takes askTitle, the hover\'s and the report\'s "Write about it", and checks it', () => {
    expect(parseNewEntryArgs({ traits: ['empathy'], askTitle: true })).toMatchObject({ askTitle: true, title: undefined });
    expect(parseNewEntryArgs({ traits: ['empathy'], askTitle: 'yes' })).toEqual({ error: '"askTitle" must be true or false.' });
  });

  it.each([
    [undefined, /Expected an argument/],
    ['empathy', /Expected an argument/],
    [{}, /non-empty list/],
    [{ traits: [] }, /non-empty list/],
    [{ traits: 'empathy' }, /non-empty list/],
    [{ traits: ['empathy', 'charisma'] }, /Unknown trait "charisma"/],
    [{ traits: [42] }, /Unknown trait 42/],
    [{ traits: ['empathy'], title: 5 }, /"title" must be text/],
  ])('refuses %j', (arg, message) => {
    const parsed = parseNewEntryArgs(arg);
    expect('error' in parsed && parsed.error).toMatch(message);
  });
});

describe('templates', () => {
  const empathy = traitById('empathy')!;

  it('fills {{title}}, {{date}}, {{traits}} and {{prompts}}, with the cursor under the first prompt', () => {
    const template = '# {{title}}\n\nWritten {{date}} about {{traits}}.\n\n{{prompts}}\n\n## What I will do next\n';
    const now = new Date(2026, 10, 27, 9, 5);
    const entry = buildEntry([empathy, traitById('influence')!], 'Team lunch', now, template);
    const lines = entry.text.split('\n');
    expect(entry.text).toContain(`Written ${localIsoTimestamp(now)} about Empathy, Influence.`);
    expect(entry.text).toContain(`## ${empathy.prompts[0]}`);
    expect(entry.text).toContain('## What I will do next');
    expect(lines[entry.cursorLine - 2]).toBe(`## ${empathy.prompts[0]}`);
    expect(lines[entry.cursorLine]).toBe('');
    const parsed = parseEntry(entry.text, 'x.md');
    expect(parsed).toMatchObject({ title: 'Team lunch', tags: ['empathy', 'influence'], problems: [] });
  });

  it('keeps unknown variables as written and reports them', () => {
    const template = '# {{title}}\n\n{{mood}} and {{ weather }}\n';
    const entry = buildEntry([empathy], 'x', new Date(2026, 0, 2), template);
    expect(entry.text).toContain('{{mood}} and {{ weather }}');
    expect(templateProblems(template).map((problem) => [template.slice(problem.offset, problem.offset + problem.length), problem.message.slice(0, 34)])).toEqual([
      ['{{mood}}', 'Unknown template variable {{mood}}'],
      ['{{ weather }}', 'Unknown template variable {{weathe'],
    ]);
    expect(templateProblems('{{title}} {{date}} {{traits}} {{prompts}}')).toEqual([]);
  });

  it('puts the cursor at the end of a template without prompts', () => {
    const entry = buildEntry([empathy], 'x', new Date(2026, 0, 2), '# {{title}}\n\nFree writing.');
    const lines = entry.text.split('\n');
    expect(lines[entry.cursorLine - 2]).toBe('Free writing.');
    expect(lines[entry.cursorLine]).toBe('');
  });
});
