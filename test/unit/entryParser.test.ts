import * as l10n from '@vscode/l10n';
import { describe, expect, it } from 'vitest';
import { parseEntry } from '../../src/core/entryParser';
import { InlineTag, scanMarkdown } from '../../src/core/markdownScanner';
import { intlWallClock } from './zones';

const inlineTags = (text: string): readonly InlineTag[] => scanMarkdown(text, { title: false }).tags;

const tagsOf = (text: string) => parseEntry(text).tags;
const inline = (text: string) => inlineTags(text).map((m) => m.raw);

describe('front matter tags', () => {
  it('reads a YAML list', () => {
    expect(tagsOf('---\ntags:\n  - empathy\n  - Time Management\n---\n# T\n')).toEqual(['empathy', 'time-management']);
  });

  it('reads a flow list and a comma-separated string', () => {
    expect(tagsOf('---\ntags: [influence, one-on-one]\n---\n')).toEqual(['influence', 'one-on-one']);
    expect(tagsOf('---\ntags: empathy, Organizational Skills , retro\n---\n')).toEqual(['empathy', 'organizational-skills', 'retro']);
  });

  it('counts a tag once per entry, whatever its spelling or place', () => {
    const text = '---\ntags: [Empathy, empathy]\n---\nToday #empathy and #EMPATHY and #organizational_skills.\n';
    expect(tagsOf(text)).toEqual(['empathy', 'organizational-skills']);
  });

  it('ignores tag values that are not text, and says so', () => {
    const parsed = parseEntry('---\ntags:\n  - empathy\n  - 42\n  - {a: 1}\n  - [x]\n  - null\n---\n');
    expect(parsed.tags).toEqual(['empathy']);
    expect(parsed.problems).toHaveLength(1);
    expect(parsed.problems[0].message).toMatch(/4 item\(s\) of "tags" are not text/);
    expect(parsed.problems[0].line).toBe(1);
  });

  it.each([
    ['a number', 'tags: 7', /not a number/],
    ['a map', 'tags: {empathy: true}', /not a map/],
  ])('reports tags given as %s', (_kind, line, message) => {
    const parsed = parseEntry(`---\n${line}\n---\nBody #influence\n`);
    expect(parsed.tags).toEqual(['influence']);
    expect(parsed.problems[0].message).toMatch(message);
  });

  it('warns about empty tags, and accepts missing tags', () => {
    expect(parseEntry('---\ntags:\n---\n#retro').problems).toEqual([{ message: expect.stringMatching(/"tags" is empty/), line: 1 }]);
    expect(parseEntry('---\ntags:\n---\n#retro').tags).toEqual(['retro']);
    expect(parseEntry('---\ntitle: x\n---\n').problems).toEqual([]);
    expect(parseEntry('no front matter #empathy').tags).toEqual(['empathy']);
  });
});

describe('broken front matter', () => {
  it('keeps inline tags and names the YAML problem and its line', () => {
    const text = '---\ndate: 2026-11-02T10:00:00+01:00\ntags: [empathy, \n  oops: : :\n---\n# Broken\nStill counts: #influence\n';
    const parsed = parseEntry(text, '2026-11-02-broken.md');
    expect(parsed.tags).toEqual(['influence']);
    expect(parsed.title).toBe('Broken');
    expect(parsed.day).toBe('2026-11-02');
    expect(parsed.problems).toHaveLength(1);
    // Said in words, at the line where the list opens (js-yaml stops a line later).
    expect(parsed.problems[0].message).toBe('The tags list opened on line 3 is not closed (add "]"): its tags were ignored; inline tags still count.');
    expect(parsed.problems[0].line).toBe(2);
  });

  it('points at the right line for a bad indentation', () => {
    const parsed = parseEntry('---\ntitle: ok\ntags:\n  - a\n - b\n---\n');
    expect(parsed.problems[0].line).toBe(4);
    expect(parsed.problems[0].message).toMatch(/^Line 5 is indented differently from the lines above it: the front matter was not read/);
  });

  it('reports an unclosed front matter and still reads the rest', () => {
    const parsed = parseEntry('---\ntags: [empathy]\n# Title\nText #innovation\n');
    expect(parsed.tags).toEqual(['innovation']);
    expect(parsed.problems[0].message).toMatch(/no closing "---"/);
  });

  it('refuses front matter in JavaScript instead of running it', () => {
    const marker = '__balanceJournalEvalMarker';
    const parsed = parseEntry(`---js\n{ tags: (globalThis.${marker} = ['empathy']) }\n---\nbody #influence\n`);
    expect((globalThis as Record<string, unknown>)[marker]).toBeUndefined();
    expect(parsed.tags).toEqual(['influence']);
    expect(parsed.problems[0].message).toMatch(/not supported; use YAML/);
  });

  it('reports a front matter that is a list or a scalar', () => {
    expect(parseEntry('---\n- a\n- b\n---\n').problems[0].message).toMatch(/not a map/);
    expect(parseEntry('---\njust text\n---\n').problems[0].message).toMatch(/not a map/);
  });

  it('reports a file of only "---" as unclosed front matter, without throwing', () => {
    expect(parseEntry('---').problems[0].message).toMatch(/no closing "---"/);
    expect(parseEntry('---\n').problems[0].message).toMatch(/no closing "---"/);
    expect(parseEntry('---\n---\n').problems).toEqual([]);
  });

  it('does not parse a front matter over 64 KB', () => {
    const huge = `---\ntags: [empathy]\nnote: "${'x'.repeat(1024 * 1024)}"\n---\nBody #influence\n`;
    const parsed = parseEntry(huge);
    expect(parsed.tags).toEqual(['influence']);
    expect(parsed.problems[0].message).toMatch(/larger than 64 KB/);
  });

  it('survives a YAML alias bomb without expanding it', () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 9; i++) {
      const name = String.fromCharCode(97 + i);
      const previous = String.fromCharCode(96 + i);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(',')}]`);
    }
    const started = Date.now();
    const parsed = parseEntry(`---\n${levels.join('\n')}\ntags: *i\n---\n#empathy\n`);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(parsed.tags).toEqual(['empathy']);
    expect(parsed.problems[0].message).toMatch(/not text and were ignored/);
  });
});

describe('line endings and encodings', () => {
  it('reads CRLF files', () => {
    const text = '---\r\ndate: 2026-10-01T08:00:00+02:00\r\ntags:\r\n  - empathy\r\n---\r\n# Title\r\n\r\nBody #influence\r\n';
    const parsed = parseEntry(text);
    expect(parsed.tags).toEqual(['empathy', 'influence']);
    expect(parsed.title).toBe('Title');
    expect(parsed.day).toBe('2026-10-01');
    expect(parsed.problems).toEqual([]);
  });

  it('reads a file that starts with a UTF-8 BOM', () => {
    const parsed = parseEntry('\uFEFF---\ntags: [decision-making]\n---\n# T\n');
    expect(parsed.tags).toEqual(['decision-making']);
    expect(parsed.problems).toEqual([]);
  });

  it('reports CRLF YAML errors on the right line', () => {
    const parsed = parseEntry('---\r\nok: 1\r\ntags: [a\r\n---\r\n');
    expect(parsed.problems[0].line).toBeGreaterThanOrEqual(2);
  });
});

describe('dates and titles', () => {
  it('keeps the written local day even when UTC is another day', () => {
    const parsed = parseEntry('---\ndate: 2026-11-27T00:30:00+01:00\n---\n', '2026-11-27-x.md');
    expect(parsed.day).toBe('2026-11-27');
    expect(parsed.time).toBe(Date.UTC(2026, 10, 26, 23, 30));
  });

  it('falls back to the file name date', () => {
    const parsed = parseEntry('# Just text\n', '2026-10-03-x.md');
    expect(parsed.day).toBe('2026-10-03');
    expect(parsed.title).toBe('Just text');
    expect(parseEntry('x', 'notes.md').day).toBeUndefined();
    expect(Number.isNaN(parseEntry('x', 'notes.md').time)).toBe(true);
  });

  it('reports a date it cannot read', () => {
    const parsed = parseEntry('---\ndate: [1, 2]\n---\n', '2026-10-03-x.md');
    expect(parsed.day).toBe('2026-10-03');
    expect(parsed.problems[0].message).toMatch(/"date" should look like/);
  });

  it('takes the first level-1 heading outside code as the title', () => {
    expect(parseEntry('```\n# not this\n```\n## sub\n# Real title #\n').title).toBe('Real title');
    expect(parseEntry('```\n``` not a close\n# Inside code\n```\n# Real\n').title).toBe('Real');
    expect(parseEntry('``` a`b\n# Real\n').title).toBe('Real');
    expect(parseEntry('# C\\# migration\n').title).toBe('C# migration');
  });
});

describe('inline tags', () => {
  it('finds tags at word starts', () => {
    expect(inline('#empathy at start, then (#influence) and "#x_y" and #a/b/c.')).toEqual(['empathy', 'influence', 'x_y', 'a/b/c']);
  });

  it('requires a letter after #', () => {
    expect(inline('issue #42 and #-x and # heading')).toEqual([]);
  });

  it('skips headings, words, URLs, anchors and escapes', () => {
    const text = [
      '# Heading',
      '## Second heading',
      'a#b c#d',
      'see https://example.com/runbook#rollback and https://x/#y',
      '[link](#section) and \\#escaped',
      'colour &#35;hex',
    ].join('\n');
    expect(inline(text)).toEqual([]);
  });

  it('skips fenced code blocks (backticks and tildes) and inline code', () => {
    const text = [
      'before #one',
      '```yaml',
      '# comment #not-a-tag',
      '```',
      '~~~~',
      '#nope',
      '```',
      '#still-code',
      '~~~~',
      'use `#code` and ``a #b ` c`` then #two',
      'unclosed ` backtick #three',
    ].join('\n');
    expect(inline(text)).toEqual(['one', 'two', 'three']);
  });

  it('skips code spans that continue on the next line, but not past a paragraph', () => {
    expect(inline('`a\nb #secret` #shown')).toEqual(['shown']);
    expect(inline('`a\n\n#shown `')).toEqual(['shown']);
  });

  it('closes a fence only with spaces or tabs after it', () => {
    expect(inline('```\n```\u00a0\n#secret\n```\n#shown')).toEqual(['shown']);
  });

  it('gives offsets of each tag', () => {
    const text = 'ab #empathy\n#time-management!';
    const found = inlineTags(text);
    expect(found.map((m) => text.slice(m.start, m.end))).toEqual(['#empathy', '#time-management']);
  });

  it('drops trailing separators', () => {
    expect(inline('#empathy- and #influence/')).toEqual(['empathy', 'influence']);
  });

  it('accepts letters outside ASCII', () => {
    expect(inline('#Führung #réflexion')).toEqual(['Führung', 'réflexion']);
  });
});

describe('broken YAML, said in words at the line where the problem starts', () => {
  const problem = (yaml: string) => parseEntry(`---\n${yaml}---\n# T\nStill #influence\n`).problems[0];

  it('names an unclosed tags list at the line it opens, not where js-yaml stops', () => {
    expect(problem('date: 2026-11-27\ntags: [empathy, retro\nmood: calm\n')).toEqual({
      line: 2,
      message: 'The tags list opened on line 3 is not closed (add "]"): its tags were ignored; inline tags still count.',
    });
  });

  it('names other unclosed lists, maps and quotes', () => {
    expect(problem('mood: {calm\ntags: [a]\n')).toEqual({ line: 1, message: 'The "mood" map opened on line 2 is not closed (add "}"): the front matter was not read, so its tags were ignored; inline tags still count.' });
    expect(problem('title: "unclosed\ntags: [a]\n').message).toMatch(/^The quoted text opened on line 2 is not closed/);
    expect(problem('people: [Ann, Bo\n').message).toMatch(/^The "people" list opened on line 2 is not closed/);
  });

  it('is not fooled by brackets and quotes inside plain text or comments', () => {
    expect(parseEntry("---\ntitle: it's [fine] {ok}\n# a [comment\ntags: [a, b]\n---\n").problems).toEqual([]);
    expect(problem("title: it's [fine]\ntags: [a]\nx: : y\n").message).toMatch(/^The front matter could not be read as YAML \(line 4: /);
  });

  it('says what a duplicate key, a tab or a line without a key is', () => {
    expect(problem('tags: [a]\ntags: [b]\n').message).toMatch(/^The key "tags" appears twice \(again on line 3\)/);
    expect(problem('tags: [a]\njust some text\nmore: x\n').message).toMatch(/^Line 4 is neither "key: value" nor a list item/);
  });

  it('stays linear on a long unclosed list', () => {
    const started = performance.now();
    expect(problem(`tags: [${'a, '.repeat(10_000)}\n${'x: [\n'.repeat(3_000)}`).message).toMatch(/^The tags list opened on line 2/);
    expect(performance.now() - started).toBeLessThan(3000);
  });
});

describe('the shape of a parsed entry', () => {
  it('has no optional keys when the entry has none of them', () => {
    expect(parseEntry('# Plain\nNo tasks here.\n')).toStrictEqual({ title: 'Plain', day: undefined, time: Number.NaN, tags: [], problems: [] });
  });

  it('keeps "kind" to its first 20 characters', () => {
    expect(parseEntry('---\nkind: reflection-with-a-long-name\n---\n').kind).toBe('reflection-with-a-lo');
  });

  it('has no "commitments" when a "[ ]" in the text is not a task item', () => {
    expect(parseEntry('Fill in [ ] later, not a task.\n')).toStrictEqual({ title: undefined, day: undefined, time: Number.NaN, tags: [], problems: [] });
  });

  it('finds a task item that is only ticked ("[x]", no "[ ]" anywhere)', () => {
    expect(parseEntry('- [x] Sent the notes\n').commitments).toEqual([{ text: 'Sent the notes', line: 0, column: 2, done: true }]);
  });

  it('ignores an empty "follows:" without a problem', () => {
    expect(parseEntry('---\nfollows:\n---\n')).toStrictEqual({ title: undefined, day: undefined, time: Number.NaN, tags: [], problems: [] });
  });

  it('takes no "commitment" that is only white space', () => {
    expect(parseEntry('---\nfollows: 2026/11/2026-11-27-roadmap.md\ncommitment: "   "\n---\n')).toStrictEqual({
      title: undefined,
      day: undefined,
      time: Number.NaN,
      tags: [],
      problems: [],
      follows: '2026/11/2026-11-27-roadmap.md',
    });
  });

  it('has no "from" when a feedback note names nobody it knows', () => {
    const parsed = parseEntry('---\nkind: feedback\nfrom: boss\n---\n');
    expect(Object.keys(parsed)).toEqual(['title', 'day', 'time', 'tags', 'problems', 'kind']);
    expect(parsed.problems).toHaveLength(1);
  });
});

describe('which entries are read as goals', () => {
  const goal = { trait: 'empathy', target: 3, per: 'week', text: 'Listen first.' };

  it('reads a goal from "kind: goal", or from "trait" and "target" without a kind', () => {
    expect(parseEntry('---\nkind: goal\ntrait: empathy\ntarget: 3\n---\nListen first.\n').goal).toEqual(goal);
    expect(parseEntry('---\ntrait: empathy\ntarget: 3\n---\nListen first.\n').goal).toEqual(goal);
  });

  it.each([
    ['another kind', 'kind: reflection\ntrait: empathy\ntarget: 3'],
    ['only a trait', 'trait: empathy'],
    ['only a target', 'target: 3'],
  ])('reads no goal, and reports nothing, from %s', (_case, yaml) => {
    const parsed = parseEntry(`---\n${yaml}\n---\nListen first.\n`);
    expect(parsed.goal).toBeUndefined();
    expect(parsed.problems).toEqual([]);
  });

  it('has no "goal" key when a goal note cannot be tracked', () => {
    const parsed = parseEntry('---\nkind: goal\ntrait: empathy\n---\n');
    expect(Object.keys(parsed)).toEqual(['title', 'day', 'time', 'tags', 'problems', 'kind']);
    expect(parsed.problems.map((p) => p.message)).toEqual(['"target" should be a whole number of entries from 1 to 100, e.g. "target: 4"; this goal is not tracked until it is.']);
  });
});

describe('tags problems, said at the "tags" line', () => {
  const notAList = (what: string) => `"tags" should be a list of words or a comma-separated text, not ${what}; it was ignored.`;

  it('skips a comma-separated part that is empty', () => {
    expect(tagsOf('---\ntags: empathy, , retro\n---\n')).toEqual(['empathy', 'retro']);
  });

  it.each([
    ['on its own line', 'title: x\ntags: 7', 2],
    ['after a key that ends in "tags"', 'mytags: x\ntags: 7', 2],
    ['after a key that starts with "tags"', 'tags_old: x\ntags: 7', 2],
    ['with blanks before the colon', 'title: x\ntags  : 7', 2],
    ['quoted, which the line search does not see (line 1 then)', '"tags": 7', 1],
  ])('finds the line of "tags" %s', (_case, yaml, line) => {
    expect(parseEntry(`---\n${yaml}\n---\n`).problems).toEqual([{ message: notAList('a number'), line }]);
  });

  it('names a boolean as a boolean', () => {
    expect(parseEntry('---\ntags: true\n---\n').problems).toEqual([{ message: notAList('a boolean'), line: 1 }]);
  });

  it('names a number and a boolean with their own translated words', () => {
    // In English "a number" and "a {0}" with "number" read alike; a translation tells them apart.
    l10n.config({ contents: { 'a number': 'eine Zahl', 'a boolean': 'ein Wahrheitswert', 'a {0}': 'ein Wert vom Typ {0}' } });
    try {
      expect(parseEntry('---\ntags: 7\n---\n').problems[0].message).toBe(notAList('eine Zahl'));
      expect(parseEntry('---\ntags: false\n---\n').problems[0].message).toBe(notAList('ein Wahrheitswert'));
    } finally {
      l10n.config({ contents: {} });
    }
  });
});

describe('the "date" value', () => {
  const fallback = { message: '"date" should look like 2026-11-27T09:05:00+01:00; the file name\'s date is used instead.', line: 1 };

  it.each([
    ['a list holding a day', '[2026-11-02]'],
    ['a word', 'soon'],
    ['a date without a leading YYYY-MM-DD', 'November 27, 2026'],
  ])('reports %s and takes the file name\'s day', (_case, value) => {
    const parsed = parseEntry(`---\ndate: ${value}\n---\n`, '2026-10-03-x.md');
    expect(parsed.day).toBe('2026-10-03');
    expect(parsed.problems).toEqual([fallback]);
  });

  it('takes the day, at local midnight, from a date whose time cannot be read', () => {
    const parsed = parseEntry('---\ndate: 2026-11-27T25:00\n---\n');
    expect(parsed.day).toBe('2026-11-27');
    expect(parsed.problems).toEqual([]);
    // Local midnight in the machine's zone, as ICU shows it.
    expect(intlWallClock(parsed.time, Intl.DateTimeFormat().resolvedOptions().timeZone)).toEqual({ year: 2026, month: 11, day: 27, hour: 0, minute: 0, second: 0 });
  });

  it('ignores an empty "date:" without a problem', () => {
    const parsed = parseEntry('---\ndate:\n---\n', '2026-10-03-x.md');
    expect(parsed.day).toBe('2026-10-03');
    expect(parsed.problems).toEqual([]);
  });
});
