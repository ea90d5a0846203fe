import { describe, expect, it } from 'vitest';
import { EvidenceEntry, buildEvidence, evidenceTraits, sectionParagraphs } from '../../src/core/evidence';
import { ALL_TIME } from '../../src/core/findEntries';
import { readFrontMatter } from '../../src/core/frontMatter';
import { allTraits, traitById } from '../../src/core/traits';
import { linearSize } from './helpers/runs';
import { growth } from './helpers/timing';
import { BERLIN, wallTime } from './zones';

// More cases of the evidence pack; findEntries.test.ts has the first ones.

function note(key: string, day: string | undefined, tags: string[], title: string, more: Partial<EvidenceEntry> = {}): EvidenceEntry {
  const [y, m, d] = (day ?? '1970-01-01').split('-').map(Number);
  return { key, title, day, time: day ? new Date(y, m - 1, d, 9).getTime() : Number.NaN, tags, ...more };
}

const NOW = wallTime(BERLIN, 2026, 12, 1, 10);

describe('evidenceTraits', () => {
  it('reads no value (null too) and `all` as every trait, and an empty name as no trait', () => {
    expect(evidenceTraits(null)).toEqual({ id: 'all', traits: allTraits() });
    expect(evidenceTraits('all')).toEqual({ id: 'all', traits: allTraits() });
    expect(evidenceTraits('')).toEqual({
      error: 'There is no trait "". Known traits: visionary-thinking, empathy, innovation, influence, organizational-skills, decision-making, problem-solving, time-management, or all.',
    });
  });
});

describe('sectionParagraphs', () => {
  it('reads the body only: a YAML comment in the front matter opens no section', () => {
    const text = ['---', '## a YAML comment, not a heading', 'tags: [empathy]', '---', '## What happened?', 'I listened.'].join('\n');
    expect(sectionParagraphs(text)).toEqual([{ heading: 'What happened?', paragraph: 'I listened.' }]);
  });

  it('keeps at most `max` sections, eight unless told', () => {
    const text = Array.from({ length: 9 }, (_, i) => `## S${i + 1}\nWords ${i + 1}.`).join('\n');
    expect(sectionParagraphs(text).map((section) => section.heading)).toEqual(['S1', 'S2', 'S3', 'S4', 'S5', 'S6', 'S7', 'S8']);
    expect(sectionParagraphs(text, 2)).toEqual([
      { heading: 'S1', paragraph: 'Words 1.' },
      { heading: 'S2', paragraph: 'Words 2.' },
    ]);
  });

  it('puts a paragraph on one line with single spaces, and cuts it only past 600 characters', () => {
    expect(sectionParagraphs('## A\n  Sam  was\tworried\nabout   the deadline.  ')).toEqual([{ heading: 'A', paragraph: 'Sam was worried about the deadline.' }]);
    // Exactly 600: whole. 601: 599 characters and an ellipsis, 600 in all.
    expect(sectionParagraphs(`## A\n${'y'.repeat(600)}`)[0].paragraph).toBe('y'.repeat(600));
    expect(sectionParagraphs(`## A\n${'y'.repeat(601)}`)[0].paragraph).toBe(`${'y'.repeat(599)}…`);
  });

  it('skips code fences (``` or ~~~, indented up to three spaces), but not ``` inside a line', () => {
    expect(sectionParagraphs('## A\n```\nconst code = 1;\n## not a heading\n```\nAfter the code.')).toEqual([{ heading: 'A', paragraph: 'After the code.' }]);
    expect(sectionParagraphs('## A\n   ~~~\nconst code = 1;\n   ~~~\nAfter the code.')).toEqual([{ heading: 'A', paragraph: 'After the code.' }]);
    expect(sectionParagraphs('## A\nWrap code in ``` fences.\n\n## B\nMore.')).toEqual([
      { heading: 'A', paragraph: 'Wrap code in ``` fences.' },
      { heading: 'B', paragraph: 'More.' },
    ]);
  });

  it('reads a heading only at the start of a line; the title opens no section', () => {
    expect(sectionParagraphs('# Title\nUnder the title.\n## A\nWe came # 1 in the review.')).toEqual([{ heading: 'A', paragraph: 'We came # 1 in the review.' }]);
  });

  it('takes the heading text without the spaces around it or a closing run of #, but keeps a # that is part of a word', () => {
    expect(sectionParagraphs('## Spaced   \nOne.\n## Learn C#\nTwo.\n## Issue #42\nThree.\n## Done ##\nFour.')).toEqual([
      { heading: 'Spaced', paragraph: 'One.' },
      { heading: 'Learn C#', paragraph: 'Two.' },
      { heading: 'Issue #42', paragraph: 'Three.' },
      { heading: 'Done', paragraph: 'Four.' },
    ]);
  });

  it('ends the first paragraph at a line of spaces alone', () => {
    expect(sectionParagraphs('## A\nThe first paragraph.\n   \nThe second one.')).toEqual([{ heading: 'A', paragraph: 'The first paragraph.' }]);
  });

  it('skips a quote or a comment (indented up to three spaces) before the writer\'s own words, but not a > inside a line', () => {
    expect(sectionParagraphs('## A\n> A quote.\n<!-- A comment. -->\nMy words.')).toEqual([{ heading: 'A', paragraph: 'My words.' }]);
    expect(sectionParagraphs('## A\n  > An indented quote.\nMy words.')).toEqual([{ heading: 'A', paragraph: 'My words.' }]);
    expect(sectionParagraphs('## A\n2 > 1, I said.')).toEqual([{ heading: 'A', paragraph: '2 > 1, I said.' }]);
  });
});

// What the preview hides never reaches an export meant for a performance review: an HTML comment
// block, a comment inside a paragraph (even over two lines), and a quote, which also ends the
// writer's paragraph (CommonMark: both a block quote and a comment block interrupt a paragraph).
describe('sectionParagraphs keeps hidden words out of the export', () => {
  it('skips a comment block, whatever its lines hold, up to the line with -->', () => {
    expect(sectionParagraphs('## A\n<!--\nprivate note\n```\n-->\nMy words.\n')).toEqual([{ heading: 'A', paragraph: 'My words.' }]);
    expect(sectionParagraphs('## A\n<!-- one line -->\nMy words.\n## B\nMore.')).toEqual([
      { heading: 'A', paragraph: 'My words.' },
      { heading: 'B', paragraph: 'More.' },
    ]);
  });

  it('ends the paragraph at a comment block or a quote, never gluing them in', () => {
    expect(sectionParagraphs('## A\nSam was worried\n<!-- private: ask HR -->\nabout the deadline.')).toEqual([{ heading: 'A', paragraph: 'Sam was worried' }]);
    expect(sectionParagraphs('## A\nI told Sam:\n> We ship Friday.')).toEqual([{ heading: 'A', paragraph: 'I told Sam:' }]);
    expect(sectionParagraphs('## A\nMine\n<!-- open\nstill hidden\n## B\n-->\nShown.')).toEqual([{ heading: 'A', paragraph: 'Mine' }]);
  });

  it('drops comments inside a paragraph, also one that goes on to the next line', () => {
    expect(sectionParagraphs('## A\nMy words <!-- secret --> stay <!--x-->here.')).toEqual([{ heading: 'A', paragraph: 'My words stay here.' }]);
    expect(sectionParagraphs('## A\nMine <!-- hidden\nstill hidden --> shown.')).toEqual([{ heading: 'A', paragraph: 'Mine shown.' }]);
    // The preview shows a `<!--` never closed as text; the export leaves it and what follows out
    // (the safe side) up to the paragraph's end, and reads the next section as usual.
    expect(sectionParagraphs('## A\nMine <!-- never closed\n\n## B\nNext.')).toEqual([
      { heading: 'A', paragraph: 'Mine' },
      { heading: 'B', paragraph: 'Next.' },
    ]);
  });

  it('ends the paragraph at a comment indented up to three spaces, and opens no section for a line that is only a comment', () => {
    expect(sectionParagraphs('## A\nMine\n  <!-- x -->\nmore.')).toEqual([{ heading: 'A', paragraph: 'Mine' }]);
    expect(sectionParagraphs('## A\n    <!-- only a comment -->\n\n## B\nText.')).toEqual([{ heading: 'B', paragraph: 'Text.' }]);
    // A `-->` before the comment opens is text, not the comment's end.
    expect(sectionParagraphs('## A\na --> b <!-- c --> d')).toEqual([{ heading: 'A', paragraph: 'a --> b d' }]);
    expect(sectionParagraphs('## A\na b--><!-- c --> d')).toEqual([{ heading: 'A', paragraph: 'a b--> d' }]);
  });

  it('reads a line of many unclosed comments in time linear in its length', () => {
    const line = (n: number) => `## A\n${'<!-- '.repeat(n)}x`;
    expect(sectionParagraphs(line(100_000))).toEqual([]);
    expect(growth((text) => sectionParagraphs(text), line(linearSize(20_000)), line(linearSize(200_000)))).toBeLessThan(25);
  });
});

describe('buildEvidence', () => {
  it('writes a trait asked for by name even without entries, and nothing of what it does not have', () => {
    const text = buildEvidence({
      traits: [traitById('empathy')!],
      traitId: 'empathy',
      range: ALL_TIME,
      entries: [],
      now: NOW,
      zone: BERLIN,
      relativeLink: () => undefined,
    });
    // All time: no `from` or `to`.
    expect(readFrontMatter(text).data).toEqual({ date: '2026-12-01T10:00:00+01:00', kind: 'export', trait: 'empathy' });
    expect(readFrontMatter(text).body).toBe(
      '# Evidence: Empathy, all time\n\n' +
        '0 entries in this period, oldest first within each trait. For a 1:1, a coach or a performance review.\n\n' +
        '## Empathy (Leadership)\n\n*Understanding and addressing the needs and concerns of team members.*\n\n' +
        '### Entries (0)\n',
    );
  });

  it('over all time, names undated and untitled notes, quotes every section, and keeps goals and feedback to their trait', () => {
    const text = buildEvidence({
      traits: allTraits(),
      traitId: 'all',
      range: ALL_TIME,
      entries: [
        note('k/undated', undefined, ['empathy'], '', {
          sections: [
            { heading: 'What happened?', paragraph: 'I listened.' },
            { heading: '', paragraph: 'Before any heading.' },
          ],
          commitments: [{ text: 'Follow up', done: false }],
        }),
        note('k/plan', '2026-03-02', ['time-management'], 'Planning'),
      ],
      goals: [note('k/goal', '2026-01-05', ['time-management'], 'Plan the week')],
      feedback: [
        note('k/sam', '2026-04-01', ['empathy'], 'From Sam'),
        note('k/kim', '2026-06-01', ['empathy'], 'From Kim'),
        note('k/lee', undefined, ['empathy'], 'From Lee'),
        note('k/ana', '2026-05-01', ['time-management'], 'From Ana'),
      ],
      now: NOW,
      zone: BERLIN,
      relativeLink: () => undefined,
    });
    expect(readFrontMatter(text).data).toEqual({ date: '2026-12-01T10:00:00+01:00', kind: 'export', trait: 'all' });
    expect(readFrontMatter(text).body).toBe(
      '# Evidence: all traits, all time\n\n' +
        '2 entries in this period, oldest first within each trait. For a 1:1, a coach or a performance review.\n\n' +
        '## Empathy (Leadership)\n\n*Understanding and addressing the needs and concerns of team members.*\n\n' +
        '### Entries (1)\n\n' +
        '#### date unknown: Untitled\n\n' +
        '> **What happened?** I listened.\n>\n> Before any heading.\n\n' +
        '### Commitments (1 made, 0 done)\n\n' +
        '- Open: Follow up (date unknown, Untitled)\n\n' +
        // Oldest first; the undated one before the dated ones.
        '### Feedback received\n\n' +
        '- date unknown: From Lee\n- 2026-04-01: From Sam\n- 2026-06-01: From Kim\n\n' +
        '## Time Management (Management)\n\n*Ensuring projects are completed within deadlines.*\n\n' +
        '### Goals\n\n- Plan the week\n\n' +
        '### Entries (1)\n\n' +
        '#### 2026-03-02: Planning\n\n' +
        '### Feedback received\n\n- 2026-05-01: From Ana\n',
    );
  });
});
