import { describe, expect, it } from 'vitest';
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
import { BERLIN, KOLKATA, LOS_ANGELES, UTC, wallTime, zone } from './zones';

// 2026-11-26T23:30:00Z: already the 27th east of Greenwich, still the 26th west of it.
const instant = new Date(Date.UTC(2026, 10, 26, 23, 30, 0));

describe.each([
  ['Europe/Berlin', BERLIN, '2026-11-27', '2026-11-27T00:30:00+01:00'],
  ['America/Los_Angeles', LOS_ANGELES, '2026-11-26', '2026-11-26T15:30:00-08:00'],
  ['Asia/Kolkata', KOLKATA, '2026-11-27', '2026-11-27T05:00:00+05:30'],
  ['UTC', UTC, '2026-11-26', '2026-11-26T23:30:00+00:00'],
  ['America/St_Johns', zone('America/St_Johns'), '2026-11-26', '2026-11-26T20:00:00-03:30'],
  ['Pacific/Chatham', zone('Pacific/Chatham'), '2026-11-27', '2026-11-27T13:15:00+13:45'],
  ['Pacific/Marquesas', zone('Pacific/Marquesas'), '2026-11-26', '2026-11-26T14:00:00-09:30'],
])('local dates in %s', (_name, tz, day, iso) => {
  it('names the file after the local day, not the UTC day', () => {
    expect(localDay(instant, tz)).toBe(day);
    expect(entryPathSegments(instant, 'one-on-one', 1, tz)).toEqual([day.slice(0, 4), day.slice(5, 7), `${day}-one-on-one.md`]);
  });

  it('writes the local time with its UTC offset', () => {
    expect(localIsoTimestamp(instant, tz)).toBe(iso);
    expect(new Date(localIsoTimestamp(instant, tz)).getTime()).toBe(instant.getTime());
  });

  it('writes an entry whose date and tags parse back', () => {
    const entry = buildEntry([traitById('empathy')!, traitById('time-management')!], 'Late call', instant, undefined, undefined, tz);
    expect(entry.text.startsWith(`---\ndate: ${iso}\n`)).toBe(true);
    const parsed = parseEntry(entry.text, `${day}-late-call.md`);
    expect(parsed.tags).toEqual(['empathy', 'time-management']);
    expect(parsed.day).toBe(day);
    expect(parsed.time).toBe(instant.getTime());
    expect(parsed.problems).toEqual([]);
  });
});

describe('entryPathSegments', () => {
  it('adds -2, -3 on collisions', () => {
    expect(entryPathSegments(instant, 'x', 1, UTC)[2]).toBe('2026-11-26-x.md');
    expect(entryPathSegments(instant, 'x', undefined, UTC)[2]).toBe('2026-11-26-x.md');
    expect(entryPathSegments(instant, 'x', 2, UTC)[2]).toBe('2026-11-26-x-2.md');
    expect(entryPathSegments(instant, 'x', 3, UTC)[2]).toBe('2026-11-26-x-3.md');
    expect(entryPathSegments(instant, 'x', 0, UTC)[2]).toBe('2026-11-26-x.md');
  });

  it('pads months and days, and writes a single-digit offset and seconds with two digits', () => {
    const early = new Date(Date.UTC(2026, 0, 5, 3, 4, 5));
    expect(entryPathSegments(early, 'x', 1, UTC)).toEqual(['2026', '01', '2026-01-05-x.md']);
    expect(localIsoTimestamp(early, UTC)).toBe('2026-01-05T03:04:05+00:00');
    expect(localIsoTimestamp(early, { offsetMinutes: () => -5 * 60 - 30 })).toBe('2026-01-04T21:34:05-05:30');
    expect(localIsoTimestamp(early, { offsetMinutes: () => 45 })).toBe('2026-01-05T03:49:05+00:45');
    expect(localIsoTimestamp(early, { offsetMinutes: () => -45 })).toBe('2026-01-05T02:19:05-00:45');
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
    const entry = buildEntry([empathy], 'Hard conversation', wallTime(BERLIN, 2026, 11, 27, 9, 5), undefined, undefined, BERLIN);
    const lines = entry.text.split('\n');
    expect(lines[0]).toBe('---');
    expect(entry.text).toMatch(/^---\ndate: 2026-11-27T09:05:00\+01:00\ntags:\n {2}- empathy\n---\n# Hard conversation\n/);
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
    const now = wallTime(KOLKATA, 2026, 11, 27, 9, 5);
    const entry = buildEntry([empathy, traitById('influence')!], 'Team lunch', now, template, undefined, KOLKATA);
    const lines = entry.text.split('\n');
    expect(entry.text).toContain('Written 2026-11-27T09:05:00+05:30 about Empathy, Influence.');
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

  it("merges a template's own front matter into the entry's; the entry's date and tags win", () => {
    const template = '---\nmood: calm\ntags: [other]\nenergy: 3\ndate: 1999-01-01\n---\n# {{title}}\n\nFree writing.\n';
    const entry = buildEntry([empathy], 'Quiet day', wallTime(UTC, 2026, 1, 2, 3, 4), template, undefined, UTC);
    expect(entry.text).toBe('---\nmood: calm\ntags:\n  - empathy\nenergy: 3\ndate: 2026-01-02T03:04:00+00:00\n---\n# Quiet day\n\nFree writing.\n\n\n');
    expect(parseEntry(entry.text, 'x.md')).toMatchObject({ title: 'Quiet day', tags: ['empathy'], problems: [] });
  });

  it.each([
    ['JavaScript front matter', '---js\n({ mood: 1 })\n---\n# {{title}}\n'],
    ['an unclosed block', '---\nmood: calm\n# {{title}}\n'],
  ])("keeps a template's unreadable front matter (%s) in the body as text", (_name, template) => {
    const entry = buildEntry([empathy], 'T', wallTime(UTC, 2026, 1, 2, 3, 4), template, undefined, UTC);
    const head = '---\ndate: 2026-01-02T03:04:00+00:00\ntags:\n  - empathy\n---\n';
    expect(entry.text.startsWith(`${head}${template.replace('{{title}}', 'T')}`)).toBe(true);
  });

  it('puts the cursor at the end of a template without prompts', () => {
    const entry = buildEntry([empathy], 'x', new Date(2026, 0, 2), '# {{title}}\n\nFree writing.');
    const lines = entry.text.split('\n');
    expect(lines[entry.cursorLine - 2]).toBe('Free writing.');
    expect(lines[entry.cursorLine]).toBe('');
  });
});

describe('slugify against its near twins', () => {
  const a = (n: number) => 'a'.repeat(n);
  const b = (n: number) => 'b'.repeat(n);

  it('cuts at the LAST hyphen within 61 characters, when it is past the middle', () => {
    // Hyphens at 10, 36 and 57: the cut is at 57, not at the first hyphen.
    expect(slugify(`${a(10)} ${b(25)} ${'c'.repeat(20)} ${'d'.repeat(10)}`)).toBe(`${a(10)}-${b(25)}-${'c'.repeat(20)}`);
    // A hyphen at 60, the 61st character: the cut keeps the whole first word.
    expect(slugify(`${a(60)} b`)).toBe(a(60));
  });

  it('cuts at 60 characters when the last hyphen is at the middle or before it', () => {
    expect(slugify(`${a(30)} ${b(40)}`)).toBe(`${a(30)}-${b(29)}`);
    expect(slugify(`${a(31)} ${b(40)}`)).toBe(a(31));
    expect(slugify(`${a(10)} ${b(70)}`)).toBe(`${a(10)}-${b(49)}`);
  });

  it('keeps a slug of exactly 60 characters, and cuts one of 61', () => {
    expect(slugify(`${a(40)} ${b(19)}`)).toBe(`${a(40)}-${b(19)}`);
    expect(slugify(`${a(40)} ${b(20)}`)).toBe(a(40));
    expect(slugify(a(61))).toBe(a(60));
    expect(slugify(a(60))).toBe(a(60));
  });

  it('folds the letters Unicode does not decompose, each on its own', () => {
    expect(slugify('ß æ œ ø ł đ ð þ ı ħ')).toBe('ss-ae-oe-o-l-d-d-th-i-h');
    expect(slugify('SS Æ Œ Ø Ł Đ Ð Þ İ Ħ')).toBe('ss-ae-oe-o-l-d-d-th-i-h');
    expect(slugify('Ǆemal ﬁle ①')).toBe('dzemal-file-1');
  });

  it('joins runs of anything else with one hyphen and trims hyphens at both ends', () => {
    expect(slugify('--a -- b__c--')).toBe('a-b-c');
    expect(slugify('a\u0000b\nc')).toBe('a-b-c');
  });
});

describe('titles, paths and arguments: boundaries', () => {
  it('keeps titles of exactly 200 characters and cuts longer ones; removes DEL and control characters', () => {
    expect(cleanTitle('x'.repeat(200))).toBe('x'.repeat(200));
    expect(cleanTitle(`${'x'.repeat(199)}yz`)).toBe(`${'x'.repeat(199)}y`);
    expect(cleanTitle('a\u007fb\u0000c\u001fd')).toBe('a b c d');
    expect(cleanTitle('\u0000\n\t')).toBeUndefined();
    expect(cleanTitle('a  \u00a0 b')).toBe('a b');
  });

  it('accepts a null title, a title-less argument, and reports every unknown trait with the known ones', () => {
    expect(parseNewEntryArgs({ traits: ['influence'], title: null })).toEqual({ traits: [traitById('influence')], title: undefined, askTitle: false });
    expect(parseNewEntryArgs({ traits: ['influence'] })).toEqual({ traits: [traitById('influence')], title: undefined, askTitle: false });
    expect(parseNewEntryArgs({ traits: ['influence'], askTitle: true })).toEqual({ traits: [traitById('influence')], title: undefined, askTitle: true });
    expect(parseNewEntryArgs({ traits: ['influence'], askTitle: 'yes' })).toEqual({ error: '"askTitle" must be true or false.' });
    expect(parseNewEntryArgs(null)).toEqual({ error: 'Expected an argument like { "traits": ["empathy"], "title": "…" }.' });
    expect(parseNewEntryArgs(['empathy'])).toEqual({ error: 'Expected an argument like { "traits": ["empathy"], "title": "…" }.' });
    expect(parseNewEntryArgs({ traits: ['nope', 7, 'empathy', null] })).toEqual({
      error:
        'Unknown trait "nope", 7, null. Known traits: visionary-thinking, empathy, innovation, influence, organizational-skills, decision-making, problem-solving, time-management.',
    });
    expect(parseNewEntryArgs({ traits: [] })).toEqual({ error: '"traits" must be a non-empty list of trait ids, e.g. ["empathy"].' });
    expect(parseNewEntryArgs({ traits: ['empathy'], title: 1 })).toEqual({ error: '"title" must be text.' });
  });

  it('names the reflection structures when the argument asks for another, and adds a structure only when given', () => {
    expect(parseNewEntryArgs({ traits: ['empathy'], structure: 'kolb' })).toEqual({ error: '"structure" must be one of trait-prompts, rolfe, gibbs.' });
    // Strict: no `structure` key at all (not one holding undefined) when the argument has none.
    expect(parseNewEntryArgs({ traits: ['empathy'] })).toStrictEqual({ traits: [traitById('empathy')], title: undefined, askTitle: false });
    expect(parseNewEntryArgs({ traits: ['empathy'], structure: 'rolfe' })).toStrictEqual({ traits: [traitById('empathy')], title: undefined, askTitle: false, structure: 'rolfe' });
  });
});

describe('buildEntry, whole text', () => {
  const empathy = traitById('empathy')!;
  const influence = traitById('influence')!;
  const now = new Date(Date.UTC(2026, 10, 27, 9, 5, 7));

  it('writes exactly the front matter, heading, quotes and prompts, the cursor under the first prompt only', () => {
    const entry = buildEntry([empathy, influence], 'Two # traits', now, undefined, undefined, UTC);
    const expected = [
      '---',
      'date: 2026-11-27T09:05:07+00:00',
      'tags:',
      '  - empathy',
      '  - influence',
      '---',
      '# Two \\# traits',
      '',
      `> **Empathy** (leadership): ${empathy.description}`,
      '',
      ...empathy.prompts.flatMap((prompt) => [`## ${prompt}`, '', '', '']),
      `> **Influence** (leadership): ${influence.description}`,
      '',
      ...influence.prompts.flatMap((prompt, i, all) => (i === all.length - 1 ? [`## ${prompt}`] : [`## ${prompt}`, '', '', ''])),
      '',
    ].join('\n');
    expect(entry.text).toBe(expected);
    expect(entry.cursorLine).toBe(12);
    expect(entry.text).not.toContain('\u0000');
    expect(entry.slug).toBe('two-traits');
  });

  it('takes NUL characters out of a template, so only the first prompt gets the cursor', () => {
    const entry = buildEntry([empathy], 'x', now, 'a\u0000b\n\n{{prompts}}\n', undefined, UTC);
    expect(entry.text).not.toContain('\u0000');
    expect(entry.text).toContain('\nab\n');
    expect(entry.text.split('\n')[entry.cursorLine - 2]).toBe(`## ${empathy.prompts[0]}`);
  });

  it('puts the cursor two lines under a template without prompts, however many blank lines it ends with', () => {
    for (const template of ['# {{title}}', '# {{title}}\n', '# {{title}}\n\n\n\n']) {
      const entry = buildEntry([empathy], 'x', now, template, undefined, UTC);
      expect(entry.text).toBe('---\ndate: 2026-11-27T09:05:07+00:00\ntags:\n  - empathy\n---\n# x\n\n\n');
      expect(entry.cursorLine).toBe(7);
    }
  });
});

describe('templates: whole messages and blank lines', () => {
  const empathy = traitById('empathy')!;
  const now = new Date(Date.UTC(2026, 10, 27, 9, 5, 7));

  it('names every known variable in the problem message', () => {
    expect(templateProblems('{{nope}}')).toEqual([
      { message: 'Unknown template variable {{nope}}: it is kept as written. Known: {{title}}, {{date}}, {{traits}}, {{prompts}}.', offset: 0, length: 8 },
    ]);
  });

  it('ends the prompts without blank lines, so text after {{prompts}} follows directly', () => {
    const entry = buildEntry([empathy], 'x', now, '{{prompts}}\nEND', undefined, UTC);
    const [last] = empathy.prompts.slice(-1);
    expect(entry.text).toContain(`## ${last}\nEND\n`);
  });

  it('ends the entry with exactly one newline, however many the template has', () => {
    const entry = buildEntry([empathy], 'x', now, '{{prompts}}\n\n\n', undefined, UTC);
    const [last] = empathy.prompts.slice(-1);
    expect(entry.text.endsWith(`## ${last}\n`)).toBe(true);
  });
});
