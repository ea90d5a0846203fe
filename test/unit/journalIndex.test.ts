import { describe, expect, it } from 'vitest';
import { parseEntry } from '../../src/core/entryParser';
import { JournalIndex } from '../../src/core/journalIndex';

function entry(day: string, tags: string[], title = `Entry ${day}`): string {
  return `---\ndate: ${day}T09:00:00+01:00\ntags: [${tags.join(', ')}]\n---\n# ${title}\n`;
}

function add(index: JournalIndex, name: string, text: string): void {
  index.set(`file:///j/${name}`, name, parseEntry(text, name));
}

describe('JournalIndex', () => {
  it('counts entries per tag and updates on change and delete', () => {
    const index = new JournalIndex();
    add(index, 'a.md', entry('2026-10-01', ['empathy', 'retro']));
    add(index, 'b.md', entry('2026-10-02', ['empathy', 'time-management']));
    expect(index.countOf('empathy')).toBe(2);
    expect(index.countOf('time-management')).toBe(1);
    expect(index.balance()).toMatchObject({ leadership: 2, management: 1 });

    add(index, 'b.md', entry('2026-10-02', ['influence']));
    expect(index.countOf('empathy')).toBe(1);
    expect(index.countOf('time-management')).toBe(0);
    expect(index.countOf('influence')).toBe(1);

    expect(index.delete('file:///j/a.md')).toBe(true);
    expect(index.delete('file:///j/a.md')).toBe(false);
    expect(index.countOf('empathy')).toBe(0);
    expect(index.otherTags()).toEqual([]);
    expect(index.size).toBe(1);
  });

  it('lists entries of a tag newest first, with title and day', () => {
    const index = new JournalIndex();
    add(index, '2026-10-01-old.md', entry('2026-10-01', ['empathy'], 'Old'));
    add(index, '2026-11-01-new.md', entry('2026-11-01', ['empathy'], 'New'));
    add(index, 'undated.md', '#empathy only');
    expect(index.entriesTagged('empathy').map((e) => [e.title, e.day])).toEqual([
      ['New', '2026-11-01'],
      ['Old', '2026-10-01'],
      ['undated', undefined],
    ]);
    add(index, '2026-12-01-newest.md', entry('2026-12-01', ['empathy'], 'Newest'));
    expect(index.entriesTagged('empathy')[0].title).toBe('Newest');
    expect(index.entriesTagged('nothing')).toEqual([]);
  });

  it('lists other tags by count', () => {
    const index = new JournalIndex();
    add(index, 'a.md', entry('2026-10-01', ['retro', 'incident']));
    add(index, 'b.md', entry('2026-10-02', ['retro', 'empathy']));
    expect(index.otherTags()).toEqual([
      { tag: 'retro', count: 2 },
      { tag: 'incident', count: 1 },
    ]);
  });

  it('notifies once per batch', () => {
    const index = new JournalIndex();
    let calls = 0;
    const subscription = index.onDidChange(() => calls++);
    index.batch(() => {
      for (let i = 0; i < 100; i++) add(index, `${i}.md`, entry('2026-10-01', ['empathy']));
    });
    expect(calls).toBe(1);
    add(index, 'x.md', entry('2026-10-01', ['empathy']));
    expect(calls).toBe(2);
    index.batch(() => undefined);
    expect(calls).toBe(2);
    subscription.dispose();
    add(index, 'y.md', entry('2026-10-01', ['empathy']));
    expect(calls).toBe(2);
  });

  it('removes everything under a deleted folder', () => {
    const index = new JournalIndex();
    add(index, '2026/10/a.md', entry('2026-10-01', ['empathy']));
    add(index, '2026/11/b.md', entry('2026-11-01', ['empathy']));
    expect(index.deleteUnder('file:///j/2026/10/')).toBe(1);
    expect(index.countOf('empathy')).toBe(1);
  });

  it('interns tags so entries share one string per tag', () => {
    const index = new JournalIndex();
    add(index, 'a.md', entry('2026-10-01', ['Empathy']));
    add(index, 'b.md', '#empathy');
    const [a, b] = [index.get('file:///j/a.md')!, index.get('file:///j/b.md')!];
    expect(a.tags[0]).toBe('empathy');
    expect(Object.is(a.tags[0], b.tags[0])).toBe(true);
  });

  it('keeps counts equal to a naive recount over random changes', () => {
    const index = new JournalIndex();
    const truth = new Map<string, string[]>();
    const pool = ['empathy', 'influence', 'time-management', 'retro', 'incident', 'decision-making'];
    let seed = 42;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let step = 0; step < 5000; step++) {
      const name = `${Math.floor(random() * 200)}.md`;
      if (random() < 0.3) {
        index.delete(`file:///j/${name}`);
        truth.delete(name);
      } else {
        const tags = pool.filter(() => random() < 0.4);
        add(index, name, entry('2026-10-01', tags));
        truth.set(name, tags);
      }
    }
    for (const tag of pool) {
      const expected = [...truth.values()].filter((tags) => tags.includes(tag)).length;
      expect(index.countOf(tag)).toBe(expected);
      expect(index.entriesTagged(tag)).toHaveLength(expected);
    }
    expect(index.size).toBe(truth.size);
  });
});
