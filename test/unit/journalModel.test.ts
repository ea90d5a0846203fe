import { afterEach, describe, expect, it } from 'vitest';
import { parseEntry } from '../../src/core/entryParser';
import { JournalModel } from '../../src/core/journalModel';
import { allTraits, configureTraits, traitRegistry } from '../../src/core/traits';

const entry = (tags: string) => parseEntry(`---\ndate: 2026-11-23\ntags: [${tags}]\n---\n`);
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
});
