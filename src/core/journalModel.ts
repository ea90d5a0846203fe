import { Balance, DEFAULT_BALANCE_TOLERANCE } from './balance';
import { DEFAULT_FOLLOW_UP_DAYS } from './commitments';
import { Disposable, JournalIndex } from './journalIndex';
import { NextTraitOptions, Suggestion, TraitActivity, rankTraits, traitActivity } from './nextTrait';
import { DEFAULT_NEGLECT_DAYS } from './reflection';
import { TraitSettingProblem, traitRegistry } from './traits';

/** The settings that shape what is counted and how it is judged. */
export interface CountingSettings {
  /** Percentage points a side may lead by and still be "balanced". */
  readonly tolerance: number;
  /** Days without a reflection after which a trait counts as neglected. */
  readonly neglectDays: number;
  /** Days after which an open commitment comes back in the Follow up section (core/commitments). */
  readonly followUpDays?: number;
}

export const DEFAULT_COUNTING_SETTINGS: CountingSettings = { tolerance: DEFAULT_BALANCE_TOLERANCE, neglectDays: DEFAULT_NEGLECT_DAYS };

/** Bursts of changes (a scan applies a batch per thousand files) reach features as one event. */
export const MODEL_CHANGE_DELAY_MS = 30;

/**
 * The journal as every feature sees it: the index of notes (with their kinds), the traits, the
 * settings that shape counting, and a cached balance. Features read it and listen to its one
 * change event, which covers all three (files, traits, settings), so none of them recounts the
 * journal or reads those settings on its own.
 */
export class JournalModel {
  private settings: CountingSettings = DEFAULT_COUNTING_SETTINGS;
  private cachedBalance: Balance | undefined;
  private cachedActivity: { day: string; activity: TraitActivity[] } | undefined;
  private readonly listeners = new Set<() => void>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly indexSubscription: Disposable;
  private readonly traitsSubscription: Disposable;

  constructor(
    readonly index: JournalIndex = new JournalIndex(),
    private readonly delayMs = MODEL_CHANGE_DELAY_MS,
  ) {
    this.indexSubscription = index.onDidChange(() => this.changed());
    // Other traits count differently: the balance and the activity are worked out again.
    this.traitsSubscription = traitRegistry.onDidChange(() => this.changed());
  }

  get tolerance(): number {
    return this.settings.tolerance;
  }

  get neglectDays(): number {
    return this.settings.neglectDays;
  }

  get followUpDays(): number {
    return this.settings.followUpDays ?? DEFAULT_FOLLOW_UP_DAYS;
  }

  /** Applies new settings; features hear of it only if something changed. */
  configure(settings: CountingSettings): void {
    if (settings.tolerance === this.settings.tolerance && settings.neglectDays === this.settings.neglectDays && settings.followUpDays === this.settings.followUpDays) return;
    this.settings = { ...settings };
    this.changed();
  }

  /** Applies the user's traits (setting balanceJournal.traits); returns the skipped items. */
  configureTraits(setting: unknown): TraitSettingProblem[] {
    // The registry tells every listener, this model among them (see the constructor).
    return traitRegistry.configure(setting);
  }

  /** The journal's balance under the current settings, computed once per change. */
  balance(): Balance {
    return (this.cachedBalance ??= this.index.balance(this.settings.tolerance));
  }

  countOf = (tag: string): number => this.index.countOf(tag);

  /** How each trait stands today (all time, the last four weeks, days since), once per change and day. */
  activity(now: Date = new Date()): TraitActivity[] {
    const day = `${now.getFullYear()}-${now.getMonth()}-${now.getDate()}`;
    if (this.cachedActivity?.day !== day) this.cachedActivity = { day, activity: traitActivity(this.index, now) };
    return this.cachedActivity.activity;
  }

  /** Every trait (but `exclude`) in the order core/nextTrait prefers them. */
  rankedTraits(options: Omit<NextTraitOptions, 'neglectDays'> = {}, now?: Date): Suggestion[] {
    return rankTraits(this.activity(now), { ...options, neglectDays: this.settings.neglectDays });
  }

  /** What to reflect on next, and why (core/nextTrait); undefined only without traits. */
  nextTrait(options: Omit<NextTraitOptions, 'neglectDays'> = {}, now?: Date): Suggestion | undefined {
    return this.rankedTraits(options, now)[0];
  }

  onDidChange(listener: () => void): Disposable {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  /** Tells listeners now instead of after the delay (tests, and commands that just wrote). */
  flush(): void {
    if (this.timer === undefined) return;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.fire();
  }

  dispose(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.indexSubscription.dispose();
    this.traitsSubscription.dispose();
    this.listeners.clear();
  }

  private changed(): void {
    this.cachedBalance = undefined;
    this.cachedActivity = undefined;
    if (this.delayMs <= 0) {
      this.fire();
      return;
    }
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      this.fire();
    }, this.delayMs);
  }

  private fire(): void {
    for (const listener of [...this.listeners]) {
      try {
        listener();
      } catch {
        // A failing listener must not stop the others.
      }
    }
  }
}
