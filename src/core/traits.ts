// The trait taxonomy. Labels, descriptions and strategies are quoted from the user's source
// document, "Leadership vs Management: Key Differences and How to Balance Both"; the reflective
// prompts are ours.

export type Side = 'leadership' | 'management';

export interface Trait {
  /** The tag users write: lowercase, hyphenated. */
  readonly id: string;
  readonly label: string;
  readonly side: Side;
  /** The source document's description, verbatim. */
  readonly description: string;
  readonly prompts: readonly string[];
}

export interface Strategy {
  readonly name: string;
  readonly text: string;
}

export const SOURCE_TITLE = 'Leadership vs Management: Key Differences and How to Balance Both';

export const SIDES: readonly Side[] = ['leadership', 'management'];

export const SIDE_LABELS: Readonly<Record<Side, string>> = {
  leadership: 'Leadership',
  management: 'Management',
};

/** How the source frames each side; shown above its traits. */
export const SIDE_SUMMARIES: Readonly<Record<Side, string>> = {
  leadership: 'Leadership is about inspiring people and setting a vision.',
  management: 'Management focuses on overseeing operations and ensuring tasks are completed efficiently.',
};

/** The source's eight traits, in its order: leadership first, then management. */
export const BUILT_IN_TRAITS: readonly Trait[] = [
  {
    id: 'visionary-thinking',
    label: 'Visionary Thinking',
    side: 'leadership',
    description: 'Leaders have a clear vision and are able to communicate it effectively.',
    prompts: [
      'Where do I want this work to be in a year, and could I say it in two sentences?',
      'Who heard me explain the direction today, and what did they take away from it?',
      'Which decision today moved us toward the long-term goal, and which only kept us busy?',
    ],
  },
  {
    id: 'empathy',
    label: 'Empathy',
    side: 'leadership',
    description: 'Understanding and addressing the needs and concerns of team members.',
    prompts: [
      'Whose needs or concerns did I notice today, and how did I respond?',
      'What might someone have been feeling that they did not say out loud?',
      'What will I ask or do next to show I heard them?',
    ],
  },
  {
    id: 'innovation',
    label: 'Innovation',
    side: 'leadership',
    description: 'Encouraging creative solutions and embracing change.',
    prompts: [
      'What did I try, or encourage someone else to try, that we had not done before?',
      'Which change did I resist, and what would embracing it look like?',
      'How did I make it safe for someone to suggest an unusual idea?',
    ],
  },
  {
    id: 'influence',
    label: 'Influence',
    side: 'leadership',
    description: 'The ability to inspire trust and confidence among team members.',
    prompts: [
      'Where did I earn (or lose) some trust today, and how?',
      'Whom did I help feel more confident, and what did I say or do?',
      'Which promise did I keep, and which one am I at risk of breaking?',
    ],
  },
  {
    id: 'organizational-skills',
    label: 'Organizational Skills',
    side: 'management',
    description: 'Ability to plan, prioritize, and execute tasks effectively.',
    prompts: [
      'What was my plan for today, and how closely did the day follow it?',
      'How did I decide what came first, and would I order it the same way again?',
      'What did I finish, and what is the next concrete step on the rest?',
    ],
  },
  {
    id: 'decision-making',
    label: 'Decision-Making',
    side: 'management',
    description: 'Making informed choices based on data and analysis.',
    prompts: [
      'Which decision did I make, and what data or analysis informed it?',
      'What did I not know when I decided, and how could I find out next time?',
      'Who was affected by the decision, and did they hear the reasoning?',
    ],
  },
  {
    id: 'problem-solving',
    label: 'Problem-Solving',
    side: 'management',
    description: 'Identifying issues and implementing solutions swiftly.',
    prompts: [
      'What problem did I spot, and how early did I spot it?',
      'What did I do about it, and how quickly did it take effect?',
      'What would stop the same problem from coming back?',
    ],
  },
  {
    id: 'time-management',
    label: 'Time Management',
    side: 'management',
    description: 'Ensuring projects are completed within deadlines.',
    prompts: [
      'Which deadline is closest, and is it on track?',
      'What did I protect time for today, and what crowded it out?',
      'What will I stop, delegate or shorten to make room this week?',
    ],
  },
];

/** "Strategies for Balancing Leadership and Management", verbatim. */
export const STRATEGIES: readonly Strategy[] = [
  {
    name: 'Develop Dual Skills',
    text: 'Encourage leaders to develop management skills and vice versa to create well-rounded professionals.',
  },
  {
    name: 'Foster Collaboration',
    text: 'Promote teamwork between leaders and managers to leverage their complementary strengths.',
  },
  {
    name: 'Continuous Learning',
    text: 'Invest in training programs that focus on both leadership and management development.',
  },
];

/** The source's closing point, and the reason this journal is for everyone. */
export const ANYONE_CAN_SHOW_BOTH = "You don't need to have direct reports to display leadership or management skills.";

/**
 * The traits in use: the built-in ones, with the user's own (setting balanceJournal.traits) after
 * them. A live binding: `configureTraits` replaces it, and every module sees the new list.
 */
export let TRAITS: readonly Trait[] = BUILT_IN_TRAITS;
let TRAITS_BY_ID: ReadonlyMap<string, Trait> = new Map(TRAITS.map((trait) => [trait.id, trait]));

export interface TraitSettingProblem {
  /** 0-based position in the setting's list. */
  readonly item: number;
  readonly message: string;
}

const MAX_PROMPTS = 5;

/**
 * Applies the user's traits: new ones ({ id, label, side, description, prompts }) are added after
 * the built-in ones of their side; an item whose id is a built-in trait replaces its prompts.
 * Invalid items are skipped and reported. `configureTraits([])` restores the built-in traits.
 */
export function configureTraits(setting: unknown): TraitSettingProblem[] {
  const problems: TraitSettingProblem[] = [];
  const builtIn = new Map(BUILT_IN_TRAITS.map((trait) => [trait.id, { ...trait }]));
  const added: Trait[] = [];
  const items = Array.isArray(setting) ? setting : [];
  if (setting !== undefined && setting !== null && !Array.isArray(setting)) {
    problems.push({ item: -1, message: 'balanceJournal.traits must be a list of traits; it was ignored.' });
  }
  items.forEach((raw, item) => {
    const problem = (message: string): void => {
      problems.push({ item, message: `balanceJournal.traits[${item}]: ${message} It was skipped.` });
    };
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return problem('each trait must be an object like { "id": "coaching", "label": "Coaching", "side": "leadership", "description": "…", "prompts": ["…"] }.');
    const { id, label, side, description, prompts } = raw as Record<string, unknown>;
    const normalized = typeof id === 'string' ? normalizeTag(id) : '';
    if (!normalized) return problem('"id" must be a word such as "coaching".');
    const cleanPrompts = Array.isArray(prompts) ? prompts.filter((prompt): prompt is string => typeof prompt === 'string' && prompt.trim() !== '').map((prompt) => prompt.trim()) : [];
    if (prompts !== undefined && (!Array.isArray(prompts) || cleanPrompts.length !== prompts.length)) return problem('"prompts" must be a list of questions (text).');
    if (cleanPrompts.length > MAX_PROMPTS) return problem(`at most ${MAX_PROMPTS} prompts.`);
    const existing = builtIn.get(normalized);
    if (existing) {
      if (cleanPrompts.length === 0) return problem(`"${normalized}" is a built-in trait: give "prompts" to replace its prompts.`);
      builtIn.set(normalized, { ...existing, prompts: cleanPrompts });
      return;
    }
    if (added.some((trait) => trait.id === normalized)) return problem(`"${normalized}" appears twice.`);
    if (typeof label !== 'string' || label.trim() === '') return problem('"label" must be text.');
    if (side !== 'leadership' && side !== 'management') return problem('"side" must be "leadership" or "management".');
    if (typeof description !== 'string' || description.trim() === '') return problem('"description" must be text.');
    if (cleanPrompts.length === 0) return problem('"prompts" must list at least one question.');
    added.push({ id: normalized, label: label.trim(), side, description: description.trim(), prompts: cleanPrompts });
  });
  const base = BUILT_IN_TRAITS.map((trait) => builtIn.get(trait.id)!);
  TRAITS = SIDES.flatMap((side) => [...base.filter((trait) => trait.side === side), ...added.filter((trait) => trait.side === side)]);
  TRAITS_BY_ID = new Map(TRAITS.map((trait) => [trait.id, trait]));
  return problems;
}

export function traitById(id: string): Trait | undefined {
  return TRAITS_BY_ID.get(id);
}

export function traitsOfSide(side: Side): readonly Trait[] {
  return TRAITS.filter((trait) => trait.side === side);
}

export function otherSide(side: Side): Side {
  return side === 'leadership' ? 'management' : 'leadership';
}

/**
 * One spelling per tag: case-insensitive, spaces and underscores as hyphens, so that
 * `Organizational Skills`, `organizational_skills` and `#Organizational-Skills` are one trait.
 */
export function normalizeTag(raw: string): string {
  // Idempotent: normalising a normalised tag changes nothing (leading `#`s and hyphens go).
  return raw
    .toLowerCase()
    .replace(/[\s_]+/g, '-')
    .replace(/^[#-]+/, '')
    .replace(/-{2,}/g, '-')
    .replace(/-+$/, '');
}

/** The trait a tag names, after normalising, if any. */
export function traitForTag(raw: string): Trait | undefined {
  return TRAITS_BY_ID.get(normalizeTag(raw));
}
