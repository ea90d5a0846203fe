// The trait taxonomy. Labels, descriptions and strategies are quoted from the user's source
// document, "Leadership vs Management: Key Differences and How to Balance Both"; the reflective
// prompts are ours.
//
// Every text here is shown to the user, so it goes through l10n.t when READ: the constants keep
// getters, because the translation bundle is configured at activation, after this module loads.

import * as l10n from '@vscode/l10n';

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
  /** Stable, never translated: what code keys on. */
  readonly id: string;
  readonly name: string;
  readonly text: string;
}

/** The source document's title, in English (see `sourceTitle()` for the one to show). */
export const SOURCE_TITLE = 'Leadership vs Management: Key Differences and How to Balance Both';

/** The source document's title, translated. */
export function sourceTitle(): string {
  return l10n.t('Leadership vs Management: Key Differences and How to Balance Both');
}

export const SIDES: readonly Side[] = ['leadership', 'management'];

export const SIDE_LABELS: Readonly<Record<Side, string>> = {
  get leadership() {
    return l10n.t('Leadership');
  },
  get management() {
    return l10n.t('Management');
  },
};

/** The side's name in lower case, inside a sentence: `the leadership trait`. */
export function sideLabelInSentence(side: Side): string {
  return side === 'leadership'
    ? l10n.t({ message: 'leadership', comment: ['The side "Leadership", inside a sentence (English writes it in lower case).'] })
    : l10n.t({ message: 'management', comment: ['The side "Management", inside a sentence (English writes it in lower case).'] });
}

/** How the source frames each side; shown above its traits. */
export const SIDE_SUMMARIES: Readonly<Record<Side, string>> = {
  get leadership() {
    return l10n.t('Leadership is about inspiring people and setting a vision.');
  },
  get management() {
    return l10n.t('Management focuses on overseeing operations and ensuring tasks are completed efficiently.');
  },
};

/** The source's eight traits, in its order: leadership first, then management. */
export const BUILT_IN_TRAITS: readonly Trait[] = [
  {
    id: 'visionary-thinking',
    get label() {
      return l10n.t('Visionary Thinking');
    },
    side: 'leadership',
    get description() {
      return l10n.t('Leaders have a clear vision and are able to communicate it effectively.');
    },
    get prompts() {
      return [
        l10n.t('Where do I want this work to be in a year, and could I say it in two sentences?'),
        l10n.t('Who heard me explain the direction today, and what did they take away from it?'),
        l10n.t('Which decision today moved us toward the long-term goal, and which only kept us busy?'),
      ];
    },
  },
  {
    id: 'empathy',
    get label() {
      return l10n.t('Empathy');
    },
    side: 'leadership',
    get description() {
      return l10n.t('Understanding and addressing the needs and concerns of team members.');
    },
    get prompts() {
      return [
        l10n.t('Whose needs or concerns did I notice today, and how did I respond?'),
        l10n.t('What might someone have been feeling that they did not say out loud?'),
        l10n.t('What will I ask or do next to show I heard them?'),
      ];
    },
  },
  {
    id: 'innovation',
    get label() {
      return l10n.t('Innovation');
    },
    side: 'leadership',
    get description() {
      return l10n.t('Encouraging creative solutions and embracing change.');
    },
    get prompts() {
      return [
        l10n.t('What did I try, or encourage someone else to try, that we had not done before?'),
        l10n.t('Which change did I resist, and what would embracing it look like?'),
        l10n.t('How did I make it safe for someone to suggest an unusual idea?'),
      ];
    },
  },
  {
    id: 'influence',
    get label() {
      return l10n.t('Influence');
    },
    side: 'leadership',
    get description() {
      return l10n.t('The ability to inspire trust and confidence among team members.');
    },
    get prompts() {
      return [
        l10n.t('Where did I earn (or lose) some trust today, and how?'),
        l10n.t('Whom did I help feel more confident, and what did I say or do?'),
        l10n.t('Which promise did I keep, and which one am I at risk of breaking?'),
      ];
    },
  },
  {
    id: 'organizational-skills',
    get label() {
      return l10n.t('Organizational Skills');
    },
    side: 'management',
    get description() {
      return l10n.t('Ability to plan, prioritize, and execute tasks effectively.');
    },
    get prompts() {
      return [
        l10n.t('What was my plan for today, and how closely did the day follow it?'),
        l10n.t('How did I decide what came first, and would I order it the same way again?'),
        l10n.t('What did I finish, and what is the next concrete step on the rest?'),
      ];
    },
  },
  {
    id: 'decision-making',
    get label() {
      return l10n.t('Decision-Making');
    },
    side: 'management',
    get description() {
      return l10n.t('Making informed choices based on data and analysis.');
    },
    get prompts() {
      return [
        l10n.t('Which decision did I make, and what data or analysis informed it?'),
        l10n.t('What did I not know when I decided, and how could I find out next time?'),
        l10n.t('Who was affected by the decision, and did they hear the reasoning?'),
      ];
    },
  },
  {
    id: 'problem-solving',
    get label() {
      return l10n.t('Problem-Solving');
    },
    side: 'management',
    get description() {
      return l10n.t('Identifying issues and implementing solutions swiftly.');
    },
    get prompts() {
      return [
        l10n.t('What problem did I spot, and how early did I spot it?'),
        l10n.t('What did I do about it, and how quickly did it take effect?'),
        l10n.t('What would stop the same problem from coming back?'),
      ];
    },
  },
  {
    id: 'time-management',
    get label() {
      return l10n.t('Time Management');
    },
    side: 'management',
    get description() {
      return l10n.t('Ensuring projects are completed within deadlines.');
    },
    get prompts() {
      return [
        l10n.t('Which deadline is closest, and is it on track?'),
        l10n.t('What did I protect time for today, and what crowded it out?'),
        l10n.t('What will I stop, delegate or shorten to make room this week?'),
      ];
    },
  },
];

/** "Strategies for Balancing Leadership and Management", verbatim. */
export const STRATEGIES: readonly Strategy[] = [
  {
    id: 'develop-dual-skills',
    get name() {
      return l10n.t('Develop Dual Skills');
    },
    get text() {
      return l10n.t('Encourage leaders to develop management skills and vice versa to create well-rounded professionals.');
    },
  },
  {
    id: 'foster-collaboration',
    get name() {
      return l10n.t('Foster Collaboration');
    },
    get text() {
      return l10n.t('Promote teamwork between leaders and managers to leverage their complementary strengths.');
    },
  },
  {
    id: 'continuous-learning',
    get name() {
      return l10n.t('Continuous Learning');
    },
    get text() {
      return l10n.t('Invest in training programs that focus on both leadership and management development.');
    },
  },
];

/** The source's closing point, and the reason this journal is for everyone. */
export const ANYONE_CAN_SHOW_BOTH = "You don't need to have direct reports to display leadership or management skills.";

/** `ANYONE_CAN_SHOW_BOTH`, translated. */
export function anyoneCanShowBoth(): string {
  return l10n.t("You don't need to have direct reports to display leadership or management skills.");
}

/**
 * The traits in use: the built-in ones, with the user's own (setting balanceJournal.traits) after
 * them. The one owner of that list: `configure` replaces it and tells its listeners.
 */
export class TraitRegistry {
  private list: readonly Trait[] = BUILT_IN_TRAITS;
  private byId: ReadonlyMap<string, Trait> = new Map(BUILT_IN_TRAITS.map((trait) => [trait.id, trait]));
  private readonly listeners = new Set<() => void>();

  /** Every trait in use, leadership's first, each side's built-in traits before the user's. */
  get all(): readonly Trait[] {
    return this.list;
  }

  get(id: string): Trait | undefined {
    return this.byId.get(id);
  }

  /** Applies the setting (see configureTraits); returns the items skipped; listeners hear of it. */
  configure(setting: unknown): TraitSettingProblem[] {
    const { traits, problems } = traitsFromSetting(setting);
    this.list = traits;
    this.byId = new Map(traits.map((trait) => [trait.id, trait]));
    for (const listener of [...this.listeners]) listener();
    return problems;
  }

  onDidChange(listener: () => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }
}

/** The registry every module reads. */
export const traitRegistry = new TraitRegistry();

/** The traits in use (traitRegistry.all). */
export function allTraits(): readonly Trait[] {
  return traitRegistry.all;
}

export interface TraitSettingProblem {
  /** 0-based position in the setting's list; -1 for the setting as a whole. */
  readonly item: number;
  /** The item's id as written, when it has one. */
  readonly id?: string;
  /** One sentence naming the item and what is wrong with it; the item was skipped. */
  readonly message: string;
}

const MAX_PROMPTS = 5;
const MAX_TRAIT_ID_LENGTH = 60;

/** Whether `id` (normalised) may be a trait's id: a letter, then letters, marks, digits, hyphens. */
export function isTraitId(id: string): boolean {
  return id.length <= MAX_TRAIT_ID_LENGTH && /^\p{L}[\p{L}\p{M}\p{N}-]*$/u.test(id);
}

/**
 * What is wrong with an id, in words: the characters it may not hold, a first character that is
 * not a letter, its length. Undefined when it is a valid id.
 */
export function describeTraitIdProblem(id: string): string | undefined {
  const normalized = normalizeTag(id);
  if (isTraitId(normalized)) return undefined;
  if (normalized === '') return l10n.t('an id needs at least one letter');
  if (normalized.length > MAX_TRAIT_ID_LENGTH) return l10n.t('an id has at most {0} characters', MAX_TRAIT_ID_LENGTH);
  const bad = [...new Set([...normalized].filter((ch) => !/[\p{L}\p{M}\p{N}-]/u.test(ch)))];
  const suggestion = normalizeTag(normalized.replace(/[^\p{L}\p{M}\p{N}-]+/gu, '-').replace(/^[^\p{L}]+/u, ''));
  const example = isTraitId(suggestion) ? suggestion : 'coaching';
  if (bad.length > 0) {
    const quoted = bad.slice(0, 5).map((ch) => JSON.stringify(ch)).join(' ');
    return l10n.t('an id may not contain {0}: use letters, digits and hyphens, e.g. "{1}"', quoted, example);
  }
  return l10n.t('an id must start with a letter, then letters, digits and hyphens, e.g. "{0}"', example);
}

/** A setting's text on one line: control characters (a NUL, a line break) become spaces. */
function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
}

/**
 * Applies the user's traits: new ones ({ id, label, side, description, prompts }) are added after
 * the built-in ones of their side; an item whose id is a built-in trait replaces its prompts.
 * Invalid items are skipped and reported. `configureTraits([])` restores the built-in traits.
 */
export function configureTraits(setting: unknown): TraitSettingProblem[] {
  return traitRegistry.configure(setting);
}

/** The traits a setting asks for, and the items skipped (see configureTraits). */
function traitsFromSetting(setting: unknown): { traits: readonly Trait[]; problems: TraitSettingProblem[] } {
  const problems: TraitSettingProblem[] = [];
  // The built-in traits themselves (not copies), so their texts stay translated when read.
  const builtIn = new Map<string, Trait>(BUILT_IN_TRAITS.map((trait) => [trait.id, trait]));
  const added: Trait[] = [];
  const items = Array.isArray(setting) ? setting : [];
  if (setting !== undefined && setting !== null && !Array.isArray(setting)) {
    problems.push({ item: -1, message: l10n.t('The setting balanceJournal.traits was ignored: it must be a list of traits, like [{ "id": "coaching", … }].') });
  }
  items.forEach((raw, item) => {
    const fields = typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as Record<string, unknown>) : undefined;
    const written = typeof fields?.id === 'string' ? oneLine(fields.id).slice(0, 80) : undefined;
    // One sentence: which item (its number from 1, and its id as written) and what is wrong.
    const problem = (what: string): void => {
      problems.push({
        item,
        ...(written !== undefined && { id: written }),
        message:
          written !== undefined && written !== ''
            ? l10n.t('Trait {0} of balanceJournal.traits ("{1}") was skipped: {2}.', item + 1, written, what)
            : l10n.t('Trait {0} of balanceJournal.traits was skipped: {1}.', item + 1, what),
      });
    };
    if (!fields) return problem(l10n.t('each trait is an object like {0}', '{ "id": "coaching", "label": "Coaching", "side": "leadership", "description": "…", "prompts": ["…"] }'));
    const { id, label, side, description, prompts } = fields;
    if (typeof id !== 'string' || id.trim() === '') return problem(l10n.t('it needs an "id", a word such as "coaching"'));
    // An id is a tag and may name a file or a template: letters, digits and hyphens only, so it
    // can never hold a path (`/`, `\\`, `..`) or a character a file name or Markdown would misread.
    const idProblem = describeTraitIdProblem(id);
    if (idProblem) return problem(idProblem);
    const normalized = normalizeTag(id);
    const cleanPrompts = Array.isArray(prompts) ? prompts.filter((prompt): prompt is string => typeof prompt === 'string' && prompt.trim() !== '').map(oneLine) : [];
    if (prompts !== undefined && (!Array.isArray(prompts) || cleanPrompts.length !== prompts.length)) return problem(l10n.t('"prompts" is a list of questions, each a text'));
    if (cleanPrompts.length > MAX_PROMPTS) return problem(l10n.t('a trait has at most {0} prompts', MAX_PROMPTS));
    const existing = builtIn.get(normalized);
    if (existing) {
      if (cleanPrompts.length === 0) return problem(l10n.t('"{0}" is a built-in trait: give "prompts" to replace its prompts', normalized));
      builtIn.set(normalized, withPrompts(existing, cleanPrompts));
      return;
    }
    if (added.some((trait) => trait.id === normalized)) return problem(l10n.t('"{0}" appears twice', normalized));
    // Every missing field at once, so one fix is enough.
    const missing = [
      typeof label !== 'string' || label.trim() === '' ? '"label"' : undefined,
      side === undefined ? '"side"' : undefined,
      typeof description !== 'string' || description.trim() === '' ? '"description"' : undefined,
      cleanPrompts.length === 0 ? '"prompts"' : undefined,
    ].filter((field): field is string => field !== undefined);
    if (missing.length > 0) {
      return problem(l10n.t('a new trait needs {0} (only a built-in trait can be given "prompts" alone)', missing.length === 1 ? missing[0] : l10n.t('{0} and {1}', missing.slice(0, -1).join(', '), missing[missing.length - 1])));
    }
    if (side !== 'leadership' && side !== 'management') return problem(l10n.t('"side" is "leadership" or "management", not {0}', JSON.stringify(side)?.slice(0, 40) ?? String(side)));
    added.push({ id: normalized, label: oneLine(label as string), side, description: oneLine(description as string), prompts: cleanPrompts });
  });
  const base = BUILT_IN_TRAITS.map((trait) => builtIn.get(trait.id)!);
  const traits = SIDES.flatMap((side) => [...base.filter((trait) => trait.side === side), ...added.filter((trait) => trait.side === side)]);
  return { traits, problems };
}

/** A built-in trait with the user's prompts; its label and description stay translated when read. */
function withPrompts(trait: Trait, prompts: readonly string[]): Trait {
  return {
    id: trait.id,
    get label() {
      return trait.label;
    },
    side: trait.side,
    get description() {
      return trait.description;
    },
    prompts,
  };
}

export function traitById(id: string): Trait | undefined {
  return traitRegistry.get(id);
}

export function traitsOfSide(side: Side): readonly Trait[] {
  return traitRegistry.all.filter((trait) => trait.side === side);
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
  // No `/-+$/`: on a long run of hyphens followed by a letter it backtracks quadratically.
  const hyphenated = raw
    .toLowerCase()
    .replace(/[\s_]+/g, '-')
    .replace(/^[#-]+/, '')
    .replace(/-{2,}/g, '-');
  return hyphenated.endsWith('-') ? hyphenated.slice(0, -1) : hyphenated;
}

/** The trait a tag names, after normalising, if any. */
export function traitForTag(raw: string): Trait | undefined {
  return traitRegistry.get(normalizeTag(raw));
}
