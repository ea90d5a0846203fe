import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseEntry } from '../../src/core/entryParser';
import { JournalModel } from '../../src/core/journalModel';
import { allTraits, configureTraits, traitRegistry } from '../../src/core/traits';

const entry = (tags: string) => parseEntry(`---\ndate: 2026-11-23\ntags: [${tags}]\n---\n`);
const dated = (date: string, tags: string) => parseEntry(`---\ndate: ${date}\ntags: [${tags}]\n---\n`);
const nextTurn = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('JournalModel', () => {
  afterEach(() => configureTraits([]));

  it('hears the trait registry: new traits count at once, however they were configured', async () => {
    const model = new JournalModel(undefined, 0);
    model.index.set('/j/a.md', 'a.md', entry('coaching, time-management'));
    expect(model.balance()).toMatchObject({ leadership: 0, management: 1 });
    let heard = 0;
    model.onDidChange(() => heard++);
    let registryHeard = 0;
    const subscription = traitRegistry.onDidChange(() => registryHeard++);
    // Configured through the registry itself, not the model: the model still hears of it.
    configureTraits([{ id: 'coaching', label: 'Coaching', side: 'leadership', description: 'Helping others grow', prompts: ['Whom did I help?'] }]);
    expect(registryHeard).toBe(1);
    expect(allTraits().map((trait) => trait.id)).toContain('coaching');
    expect(model.balance()).toMatchObject({ leadership: 1, management: 1 });
    await nextTurn(10);
    expect(heard).toBe(1);
    subscription.dispose();
    configureTraits([]);
    expect(registryHeard).toBe(1); // disposed: not told again
    expect(model.balance()).toMatchObject({ leadership: 0, management: 1 });
    model.dispose();
  });

  it('tells its listeners once for a burst of changes, after it settles', async () => {
    const model = new JournalModel(undefined, 5);
    let heard = 0;
    model.onDidChange(() => heard++);
    for (let i = 0; i < 100; i++) model.index.set(`/j/${i}.md`, `${i}.md`, entry('empathy'));
    expect(heard).toBe(0);
    await nextTurn(40);
    expect(heard).toBe(1);
    model.dispose();
  });

  it('judges the balance with its own tolerance, and recomputes it only after a change', async () => {
    const model = new JournalModel(undefined, 0);
    // 13 leadership, 7 management: 65% to 35%, 15 points from even.
    for (let i = 0; i < 13; i++) model.index.set(`/j/l${i}.md`, 'l.md', entry('empathy'));
    for (let i = 0; i < 7; i++) model.index.set(`/j/m${i}.md`, 'm.md', entry('time-management'));
    model.configure({ tolerance: 15, neglectDays: 14 });
    expect(model.balance().state).toBe('balanced');
    expect(model.balance()).toBe(model.balance()); // cached
    let heard = 0;
    model.onDidChange(() => heard++);
    model.configure({ tolerance: 14, neglectDays: 14 });
    expect(heard).toBe(1);
    expect(model.balance().state).toBe('leaning-leadership');
    model.configure({ tolerance: 14, neglectDays: 14 }); // unchanged: no event
    expect(heard).toBe(1);
    model.configure({ tolerance: 14, neglectDays: 30 });
    expect(model.neglectDays).toBe(30);
    expect(heard).toBe(2);
  });

  it('hears your traits change in the same event, and counts the new trait in the balance', () => {
    const model = new JournalModel(undefined, 0);
    model.index.set('/j/a.md', 'a.md', entry('coaching'));
    model.index.set('/j/b.md', 'b.md', entry('time-management'));
    expect(model.balance()).toMatchObject({ leadership: 0, management: 1 });
    let heard = 0;
    model.onDidChange(() => heard++);
    model.configureTraits([{ id: 'coaching', label: 'Coaching', side: 'leadership', description: 'Growing others.', prompts: ['Who grew?'] }]);
    expect(heard).toBe(1);
    expect(model.balance()).toMatchObject({ leadership: 1, management: 1 });
  });

  it('starts from the default settings (tolerance 10, 14 days, follow up after 7), and hears a change of the follow-up days alone', () => {
    const model = new JournalModel(undefined, 0);
    expect([model.tolerance, model.neglectDays, model.followUpDays]).toEqual([10, 14, 7]);
    model.configure({ tolerance: 12, neglectDays: 21, followUpDays: 3 });
    expect([model.tolerance, model.neglectDays, model.followUpDays]).toEqual([12, 21, 3]);
    let heard = 0;
    model.onDidChange(() => heard++);
    model.configure({ tolerance: 12, neglectDays: 21, followUpDays: 10 });
    expect(heard).toBe(1);
    expect(model.followUpDays).toBe(10);
    model.dispose();
  });

  it('counts the notes of a tag', () => {
    const model = new JournalModel(undefined, 0);
    model.index.set('/j/a.md', 'a.md', entry('empathy'));
    model.index.set('/j/b.md', 'b.md', entry('empathy, influence'));
    expect(['empathy', 'influence', 'innovation'].map(model.countOf)).toEqual([2, 1, 0]);
    model.dispose();
  });

  it("works out the traits' activity once a day: the same answer all day, a new one the next", () => {
    const model = new JournalModel(undefined, 0);
    model.index.set('/j/a.md', 'a.md', dated('2026-11-23', 'empathy'));
    const morning = model.activity(new Date(2026, 10, 25, 9));
    expect(model.activity(new Date(2026, 10, 25, 21))).toBe(morning);
    expect(morning.find((a) => a.trait.id === 'empathy')).toMatchObject({ count: 1, recent: 1, daysSince: 2 });
    expect(model.activity(new Date(2026, 10, 26, 9)).find((a) => a.trait.id === 'empathy')).toMatchObject({ count: 1, recent: 1, daysSince: 3 });
    model.dispose();
  });

  it('ranks the traits with its own neglect days, and suggests the first one not excluded', () => {
    const model = new JournalModel(undefined, 0);
    // Empathy 20 days ago: neglected after 14 days, not after 30. Management, the side never
    // written about, comes first, in the built-in order.
    model.index.set('/j/a.md', 'a.md', dated('2026-11-05', 'empathy'));
    model.configure({ tolerance: 10, neglectDays: 30 });
    const now = new Date(2026, 10, 25, 9);
    expect(model.rankedTraits({}, now).map((suggestion) => [suggestion.trait.id, suggestion.neglected])).toEqual([
      ['organizational-skills', true],
      ['decision-making', true],
      ['problem-solving', true],
      ['time-management', true],
      ['visionary-thinking', true],
      ['innovation', true],
      ['influence', true],
      ['empathy', false],
    ]);
    expect(model.nextTrait({}, now)?.trait.id).toBe('organizational-skills');
    expect(model.nextTrait({ exclude: 'organizational-skills' }, now)?.trait.id).toBe('decision-making');
    model.dispose();
  });

  it('flushes a pending change at once, and tells no one when nothing is pending', () => {
    const model = new JournalModel(undefined, 60_000);
    let heard = 0;
    model.onDidChange(() => heard++);
    model.flush();
    expect(heard).toBe(0);
    model.index.set('/j/a.md', 'a.md', entry('empathy'));
    expect(heard).toBe(0);
    model.flush();
    expect(heard).toBe(1);
    model.flush();
    expect(heard).toBe(1);
    model.dispose();
  });

  it('stops telling a listener once its subscription is disposed', () => {
    const model = new JournalModel(undefined, 0);
    let heard = 0;
    const subscription = model.onDidChange(() => heard++);
    model.index.set('/j/a.md', 'a.md', entry('empathy'));
    expect(heard).toBe(1);
    subscription.dispose();
    model.index.set('/j/b.md', 'b.md', entry('empathy'));
    expect(heard).toBe(1);
    model.dispose();
  });

  it('once disposed, hears neither the index nor the traits, and leaves no timer behind', () => {
    vi.useFakeTimers();
    try {
      const model = new JournalModel(undefined, 30);
      let heard = 0;
      model.onDidChange(() => heard++);
      model.index.set('/j/a.md', 'a.md', entry('empathy'));
      expect(vi.getTimerCount()).toBe(1); // the change event waits for the burst to settle
      model.dispose();
      expect(vi.getTimerCount()).toBe(0);
      model.index.set('/j/b.md', 'b.md', entry('empathy'));
      configureTraits([{ id: 'coaching', label: 'Coaching', side: 'leadership', description: 'Growing others.', prompts: ['Who grew?'] }]);
      vi.runAllTimers();
      expect(heard).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });
});
