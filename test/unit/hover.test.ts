import { describe, expect, it } from 'vitest';
import { computeBalance } from '../../src/core/balance';
import { escapeMarkdown, traitHoverMarkdown } from '../../src/core/hoverText';
import { TraitActivity, nextTrait } from '../../src/core/nextTrait';
import { findTagAt } from '../../src/core/tagLocator';
import { STRATEGIES, allTraits, traitById } from '../../src/core/traits';

/** Counts of all time, nothing in the last four weeks: all time decides. */
function activityFrom(counts: Record<string, number>): TraitActivity[] {
  return allTraits().map((trait) => ({ trait, count: counts[trait.id] ?? 0, recent: 0, daysSince: counts[trait.id] ? 60 : undefined }));
}

const at = (text: string, needle: string, delta = 1) => findTagAt(text, text.indexOf(needle) + delta);

describe('findTagAt', () => {
  const doc = [
    '---',
    'date: 2026-11-27T09:05:00+01:00',
    'tags:',
    '  - empathy',
    '  - "Time Management"',
    'mood: calm',
    '---',
    '# Title',
    'A note on #influence and plain empathy.',
    '```',
    '#decision-making in code',
    '```',
    'Inline `#problem-solving` code.',
  ].join('\n');

  it('finds block-list items in the front matter, with their range', () => {
    const found = at(doc, 'empathy\n');
    expect(found?.tag).toBe('empathy');
    expect(doc.slice(found!.start, found!.end)).toBe('empathy');
    const quoted = at(doc, 'Time Management');
    expect(quoted?.tag).toBe('time-management');
    expect(doc.slice(quoted!.start, quoted!.end)).toBe('Time Management');
  });

  it('finds inline tags in the body', () => {
    const found = at(doc, '#influence', 3);
    expect(found?.tag).toBe('influence');
    expect(doc.slice(found!.start, found!.end)).toBe('influence');
    expect(at(doc, '#influence', 0)?.tag).toBe('influence');
  });

  it('finds nothing on plain words, other keys, code or headings', () => {
    expect(at(doc, 'empathy.')).toBeUndefined();
    expect(at(doc, 'calm')).toBeUndefined();
    expect(at(doc, 'date:')).toBeUndefined();
    expect(at(doc, '#decision-making', 3)).toBeUndefined();
    expect(at(doc, '#problem-solving', 3)).toBeUndefined();
    expect(at(doc, 'Title')).toBeUndefined();
  });

  it('finds items of a flow list and of a comma-separated string', () => {
    const flow = '---\ntags: [influence, "one-on-one", Decision Making]\n---\n';
    expect(at(flow, 'influence')?.tag).toBe('influence');
    expect(at(flow, 'Making')?.tag).toBe('decision-making');
    expect(at(flow, 'one-on-one')?.tag).toBe('one-on-one');
    const comma = '---\ntags: empathy, retro\n---\n';
    expect(at(comma, 'retro')?.tag).toBe('retro');
    expect(at(comma, 'tags')).toBeUndefined();
  });

  it('handles CRLF and a BOM', () => {
    const crlf = '\uFEFF---\r\ntags:\r\n  - innovation\r\n---\r\nbody #empathy\r\n';
    expect(at(crlf, 'innovation')?.tag).toBe('innovation');
    const inline = at(crlf, '#empathy', 2);
    expect(inline?.tag).toBe('empathy');
    expect(crlf.slice(inline!.start, inline!.end)).toBe('empathy');
  });
});

describe('traitHoverMarkdown', () => {
  const counts: Record<string, number> = { empathy: 4, influence: 2, 'time-management': 1, 'decision-making': 3, 'organizational-skills': 2, 'problem-solving': 2 };
  const countOf = (tag: string) => counts[tag] ?? 0;

  it('shows the trait, its side, the source text, prompts, strategies and the journal', () => {
    const trait = traitById('empathy')!;
    const suggestion = nextTrait(activityFrom(counts), { exclude: 'empathy' })!;
    const markdown = traitHoverMarkdown(trait, computeBalance(countOf), countOf, { suggestion, writeLink: (id) => `command:balanceJournal.newEntry?${encodeURIComponent(JSON.stringify([{ traits: [id], askTitle: true }]))}` });
    expect(markdown).toContain('**Empathy** · Leadership trait');
    expect(markdown).toContain(escapeMarkdown(trait.description));
    for (const prompt of trait.prompts) expect(markdown).toContain(escapeMarkdown(prompt));
    for (const strategy of STRATEGIES) {
      expect(markdown).toContain(escapeMarkdown(strategy.name));
      expect(markdown).toContain(escapeMarkdown(strategy.text));
    }
    expect(markdown).toContain('Empathy in 4 entries');
    expect(markdown).toContain(escapeMarkdown('Leadership 43% · Management 57% · balanced'));
    // The suggestion is the one rule's, with why, and a link that starts an entry about it.
    expect(suggestion.trait.id).toBe('visionary-thinking');
    expect(markdown).toContain('**Try next:** Visionary Thinking (Leadership). Visionary Thinking has no entries yet, and leadership is the side you wrote less about overall\\. [Write about it](command:balanceJournal.newEntry?%5B%7B%22traits%22%3A%5B%22visionary-thinking%22%5D%2C%22askTitle%22%3Atrue%7D%5D "Start an entry about Visionary Thinking")');
    // The personal standing shows first, before the hover needs scrolling.
    expect(markdown.indexOf('**Your journal:**')).toBeLessThan(markdown.indexOf('**Reflect on**'));
  });

  it('never suggests the hovered trait, and says nothing of what next without a suggestion', () => {
    const suggestion = nextTrait(activityFrom(counts), { exclude: 'visionary-thinking' })!;
    expect(suggestion.trait.id).toBe('innovation');
    const markdown = traitHoverMarkdown(traitById('visionary-thinking')!, computeBalance(countOf), countOf, { suggestion });
    expect(markdown).toContain('**Try next:** Innovation (Leadership).');
    expect(markdown).not.toContain('Write about it');
    expect(traitHoverMarkdown(traitById('empathy')!, computeBalance(countOf), countOf)).not.toContain('Try next');
  });
});

describe('escapeMarkdown', () => {
  it('makes links, command URIs and HTML inert', () => {
    const escaped = escapeMarkdown('[x](command:workbench.action.terminal.new) <img src=x onerror=alert(1)>');
    expect(escaped).not.toMatch(/(^|[^\\])\[/);
    expect(escaped).not.toMatch(/(^|[^\\])</);
    expect(escaped).toContain('\\[x\\]\\(command:workbench\\.action\\.terminal\\.new\\)');
  });
});

describe('traitHoverMarkdown, whole text', () => {
  // A trait of the user's own, in plain words: nothing in it needs escaping.
  const coaching = { id: 'coaching', label: 'Coaching', side: 'leadership' as const, description: 'Helping others grow', prompts: ['Whom did I help grow', 'What will I try next'] };
  // Everything from the rule on: the same for every hover of this trait.
  const reflectAndStrategies = [
    '---',
    '',
    '**Reflect on**',
    '',
    '- Whom did I help grow',
    '- What will I try next',
    '',
    '**Balancing both** (strategies from the source)',
    '',
    '- **Develop Dual Skills:** Encourage leaders to develop management skills and vice versa to create well\\-rounded professionals\\.',
    '- **Foster Collaboration:** Promote teamwork between leaders and managers to leverage their complementary strengths\\.',
    '- **Continuous Learning:** Invest in training programs that focus on both leadership and management development\\.',
    '',
    "*You don't need to have direct reports to display leadership or management skills\\.*",
  ];
  // Leadership 3 (empathy; coaching is not one of the eight), management 5.
  const coachingCounts: Record<string, number> = { coaching: 1, empathy: 3, 'decision-making': 1, 'organizational-skills': 2, 'problem-solving': 1, 'time-management': 1 };
  const coachingCountOf = (tag: string) => coachingCounts[tag] ?? 0;
  // A trait of the user's own whose label has double quotes, which a link's title must escape.
  const quietHour = { id: 'quiet-hour', label: 'The "Quiet" Hour', side: 'management' as const, description: 'Time to think', prompts: [] };
  const quietHourSuggestion = { trait: quietHour, activity: { trait: quietHour, count: 0, recent: 0, daysSince: undefined }, neglected: true, today: false, weakerSide: 'management' as const, why: 'No entry yet.' };

  it('is exactly this, for a leadership trait of the user\'s own', () => {
    expect(traitHoverMarkdown(coaching, computeBalance(coachingCountOf), coachingCountOf).split('\n')).toEqual([
      '**Coaching** · Leadership trait',
      '',
      '*Helping others grow*',
      '',
      // 3 of 8 is 37.5%: 38% (halves up) and 62%.
      '**Your journal:** Coaching in 1 entry · Leadership 38% · Management 62% · leaning management',
      '',
      // No suggestion given (core/nextTrait decides it): the hover says nothing of what to try next.
      ...reflectAndStrategies,
    ]);
  });

  it('says the suggestion it is given, with why and the Write about it link, after the journal and goal', () => {
    const counts: Record<string, number> = { 'visionary-thinking': 2, empathy: 1, innovation: 3, influence: 1, 'time-management': 4 };
    const countOf = (tag: string) => counts[tag] ?? 0;
    const empathy = traitById('empathy')!;
    const suggestion = { trait: empathy, activity: { trait: empathy, count: 1, recent: 0, daysSince: 20 }, neglected: true, today: false, weakerSide: 'leadership' as const, why: 'No entry for 2 weeks (a) [b].' };
    const markdown = traitHoverMarkdown(traitById('time-management')!, computeBalance(countOf), countOf, {
      suggestion,
      writeLink: (id) => `command:x?${id}`,
      goal: { text: 'Protect *focus* time', label: '1 of 2 this week' },
      feedback: 2,
    });
    const lines = markdown.split('\n');
    const at = (prefix: string) => lines.findIndex((line) => line.startsWith(prefix));
    expect(lines[at('**Try next:**')]).toBe('**Try next:** Empathy (Leadership). No entry for 2 weeks \\(a\\) \\[b\\]\\. [Write about it](command:x?empathy "Start an entry about Empathy")');
    expect(lines[at('**Your goal:**')]).toBe('**Your goal:** Protect \\*focus\\* time · 1 of 2 this week');
    expect(lines[at('**Feedback:**')]).toBe('**Feedback:** 2 from others, counted apart from your reflections');
    expect(at('**Your journal:**')).toBeLessThan(at('**Feedback:**'));
    expect(at('**Your goal:**')).toBeLessThan(at('**Try next:**'));
    expect(markdown).toContain('**Your journal:** Time Management in 4 entries · Leadership 64% · Management 36% · leaning leadership');
    expect(markdown.startsWith('**Time Management** · Management trait\n')).toBe(true);
  });

  it('is exactly this with feedback, a goal and a suggestion with its link, each followed by a blank line', () => {
    const markdown = traitHoverMarkdown(coaching, computeBalance(coachingCountOf), coachingCountOf, {
      suggestion: quietHourSuggestion,
      writeLink: (id) => `command:x?${id}`,
      goal: { text: 'Coach weekly', label: '1 of 4 this month' },
      feedback: 2,
    });
    expect(markdown.split('\n')).toEqual([
      '**Coaching** · Leadership trait',
      '',
      '*Helping others grow*',
      '',
      '**Your journal:** Coaching in 1 entry · Leadership 38% · Management 62% · leaning management',
      '',
      '**Feedback:** 2 from others, counted apart from your reflections',
      '',
      '**Your goal:** Coach weekly · 1 of 4 this month',
      '',
      // The link's title is in double quotes: the ones of the label are escaped.
      '**Try next:** The "Quiet" Hour (Management). No entry yet\\. [Write about it](command:x?quiet-hour "Start an entry about The \\"Quiet\\" Hour")',
      '',
      ...reflectAndStrategies,
    ]);
  });

  it('says the suggestion and why, and nothing after it, without a link to write', () => {
    const lines = traitHoverMarkdown(coaching, computeBalance(coachingCountOf), coachingCountOf, { suggestion: quietHourSuggestion }).split('\n');
    expect(lines.slice(6, 8)).toEqual(['**Try next:** The "Quiet" Hour (Management). No entry yet\\.', '']);
  });

  it('says so when the journal is empty', () => {
    const markdown = traitHoverMarkdown(coaching, computeBalance(() => 0), () => 0);
    expect(markdown).toContain('**Your journal:** Coaching in 0 entries · no entries yet');
    expect(markdown).not.toContain('Try next');
  });
});

describe('escapeMarkdown, character by character', () => {
  it.each([...'\\`*_{}[]()#+-.!|<>&~'])('escapes %s', (ch) => {
    expect(escapeMarkdown(`a${ch}b${ch}`)).toBe(`a\\${ch}b\\${ch}`);
  });

  it('leaves letters, digits, spaces, quotes, colons, slashes and other text as they are', () => {
    const plain = 'Aa 09 "quoted" \'single\' : / , ; ? @ $ % ^ = é 中 😀\n\t';
    expect(escapeMarkdown(plain)).toBe(plain);
    expect(escapeMarkdown('')).toBe('');
  });
});
