import { describe, expect, it } from 'vitest';
import { MONTHLY_REVIEW_TAG, QUARTERLY_REVIEW_TAG, ReviewWords, WEEKLY_REVIEW_TAG, WORDS } from '../../src/core/reviewWords';
import { BUILT_IN_TRAITS } from '../../src/core/traits';

const empathy = BUILT_IN_TRAITS.find((trait) => trait.id === 'empathy')!;
const timeManagement = BUILT_IN_TRAITS.find((trait) => trait.id === 'time-management')!;

/** Every word of a kind, each function called with sample arguments, so one comparison reads them all. */
function spelledOut(words: ReviewWords): Record<string, unknown> {
  return {
    tag: words.tag,
    title: words.title('LABEL', 'SPAN'),
    inNumbers: words.inNumbers(),
    noEntries: words.noEntries(),
    written: words.written(),
    noTraitTags: words.noTraitTags(),
    thisPeriod: words.thisPeriod('STATE'),
    column: words.column(),
    previousColumn: words.previousColumn(),
    against: words.against('LABEL'),
    entriesHeading: words.entriesHeading(),
    leastHeading: words.leastHeading(),
    weakerSide: words.weakerSide(),
    strategyHeading: words.strategyHeading('NAME'),
    headings: [...words.headings],
    questions: Object.fromEntries(Object.entries(words.questions).map(([id, question]) => [id, [question(empathy), question(timeManagement)]])),
    otherQuestion: words.otherQuestion('STRATEGY', 'TRAIT'),
  };
}

describe('the words of a weekly, a monthly and a quarterly review', () => {
  it('a week speaks of this week, last week and next week', () => {
    expect(spelledOut(WORDS.week)).toEqual({
      tag: WEEKLY_REVIEW_TAG,
      title: 'Weekly review LABEL (SPAN)',
      inNumbers: 'This week in numbers',
      noEntries: 'No entries this week yet.',
      written: 'written this week.',
      noTraitTags: 'No trait tags this week.',
      thisPeriod: 'This week: STATE',
      column: 'This week',
      previousColumn: 'Last week',
      against: 'Against last week (LABEL)',
      entriesHeading: 'Entries this week',
      leastHeading: 'Least reflected this week',
      weakerSide: '(the weaker side this week)',
      strategyHeading: 'Strategy of the week: NAME',
      headings: ['What went well this week?', 'What would I do differently next week?', 'Which trait will I practise next week, and how?'],
      questions: {
        'develop-dual-skills': [
          'What is one small thing you could do next week to practise Empathy, so that your leadership skills grow alongside the other side?',
          'What is one small thing you could do next week to practise Time Management, so that your management skills grow alongside the other side?',
        ],
        'foster-collaboration': [
          'Who around you is strong in Empathy, and how could you work with them next week to learn from it?',
          'Who around you is strong in Time Management, and how could you work with them next week to learn from it?',
        ],
        'continuous-learning': [
          'What could you read, watch or try next week to keep learning Empathy, and when will you make time for it?',
          'What could you read, watch or try next week to keep learning Time Management, and when will you make time for it?',
        ],
      },
      otherQuestion: 'How could "STRATEGY" help you practise TRAIT next week?',
    });
    expect(WEEKLY_REVIEW_TAG).toBe('weekly-review');
  });

  it('a month speaks of this month, last month and next month', () => {
    expect(spelledOut(WORDS.month)).toEqual({
      tag: MONTHLY_REVIEW_TAG,
      title: 'Monthly review LABEL (SPAN)',
      inNumbers: 'This month in numbers',
      noEntries: 'No entries this month yet.',
      written: 'written this month.',
      noTraitTags: 'No trait tags this month.',
      thisPeriod: 'This month: STATE',
      column: 'This month',
      previousColumn: 'Last month',
      against: 'Against last month (LABEL)',
      entriesHeading: 'Entries this month',
      leastHeading: 'Least reflected this month',
      weakerSide: '(the weaker side this month)',
      strategyHeading: 'Strategy of the month: NAME',
      headings: ['What went well this month?', 'What would I do differently next month?', 'Which trait will I practise next month, and how?'],
      questions: {
        'develop-dual-skills': [
          'What is one thing you could do each week next month to practise Empathy, so that your leadership skills grow alongside the other side?',
          'What is one thing you could do each week next month to practise Time Management, so that your management skills grow alongside the other side?',
        ],
        'foster-collaboration': [
          'Who around you is strong in Empathy, and how could you work with them next month to learn from it?',
          'Who around you is strong in Time Management, and how could you work with them next month to learn from it?',
        ],
        'continuous-learning': [
          'What could you read, watch or try next month to keep learning Empathy, and when will you make time for it?',
          'What could you read, watch or try next month to keep learning Time Management, and when will you make time for it?',
        ],
      },
      otherQuestion: 'How could "STRATEGY" help you practise TRAIT next month?',
    });
    expect(MONTHLY_REVIEW_TAG).toBe('monthly-review');
  });

  it('a quarter speaks of this quarter, last quarter and next quarter', () => {
    expect(spelledOut(WORDS.quarter)).toEqual({
      tag: QUARTERLY_REVIEW_TAG,
      title: 'Quarterly review LABEL (SPAN)',
      inNumbers: 'This quarter in numbers',
      noEntries: 'No entries this quarter yet.',
      written: 'written this quarter.',
      noTraitTags: 'No trait tags this quarter.',
      thisPeriod: 'This quarter: STATE',
      column: 'This quarter',
      previousColumn: 'Last quarter',
      against: 'Against last quarter (LABEL)',
      entriesHeading: 'Entries this quarter',
      leastHeading: 'Least reflected this quarter',
      weakerSide: '(the weaker side this quarter)',
      strategyHeading: 'Strategy of the quarter: NAME',
      headings: ['What went well this quarter?', 'What would I do differently next quarter?', 'Which trait will I practise next quarter, and how?'],
      questions: {
        'develop-dual-skills': [
          'What habit could you build next quarter to practise Empathy, so that your leadership skills grow alongside the other side?',
          'What habit could you build next quarter to practise Time Management, so that your management skills grow alongside the other side?',
        ],
        'foster-collaboration': [
          'Who around you is strong in Empathy, and how could you work with them next quarter to learn from it?',
          'Who around you is strong in Time Management, and how could you work with them next quarter to learn from it?',
        ],
        'continuous-learning': [
          'Which course, book or project could help you keep learning Empathy next quarter, and when will you make time for it?',
          'Which course, book or project could help you keep learning Time Management next quarter, and when will you make time for it?',
        ],
      },
      otherQuestion: 'How could "STRATEGY" help you practise TRAIT next quarter?',
    });
    expect(QUARTERLY_REVIEW_TAG).toBe('quarterly-review');
  });
});
