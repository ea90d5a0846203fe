import { describe, expect, it } from 'vitest';
import { parseEntry } from '../../src/core/entryParser';
import { IndexedEntry, JournalIndex, RecordCounts, countsOf } from '../../src/core/journalIndex';
import { indexedRecord } from './helpers/journal';

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

describe('JournalIndex: orders and edges', () => {
  const at = (iso: string) => Date.parse(iso);
  function put(index: JournalIndex, key: string, time: number, tags: string[], title?: string, day?: string, fileName = `${key}.md`) {
    index.set(`file:///j/${key}`, fileName, { title, day, time, tags, problems: [] });
  }

  it('lists entries of the same time in alphabetical order of title, also as entries come in later', () => {
    const index = new JournalIndex();
    const noon = at('2026-11-27T12:00:00Z');
    put(index, '1', noon, ['empathy'], 'Charlie', '2026-11-27');
    put(index, '2', noon, ['empathy'], 'alpha', '2026-11-27');
    put(index, '3', at('2026-11-27T13:00:00Z'), ['empathy'], 'Zulu', '2026-11-27');
    put(index, '4', Number.NaN, ['empathy'], 'Undated');
    put(index, '5', noon, ['empathy'], 'Bravo', '2026-11-27');
    const titles = () => index.entriesTagged('empathy').map((e) => e.title);
    expect(titles()).toEqual(['Zulu', 'alpha', 'Bravo', 'Charlie', 'Undated']);
    expect(index.entriesOn('2026-11-27').map((e) => e.title)).toEqual(['Zulu', 'alpha', 'Bravo', 'Charlie']);
    // Into the kept list: by time, then title; undated last.
    put(index, '6', noon, ['empathy'], 'Able', '2026-11-27');
    put(index, '7', Number.NaN, ['empathy'], 'Also undated');
    put(index, '8', at('2026-11-28T00:00:00Z'), ['empathy'], 'Newest');
    expect(titles()).toEqual(['Newest', 'Zulu', 'Able', 'alpha', 'Bravo', 'Charlie', 'Also undated', 'Undated']);
  });

  it('keeps the kept list in the order a fresh sort gives, for entries equal in time and title', () => {
    const kept = new JournalIndex();
    const noon = at('2026-11-27T12:00:00Z');
    put(kept, 'a', noon, ['empathy'], 'Same');
    expect(kept.entriesTagged('empathy')).toHaveLength(1); // builds the kept list
    put(kept, 'b', noon, ['empathy'], 'Same');
    put(kept, 'c', noon, ['empathy'], 'Same');
    const fresh = new JournalIndex();
    for (const key of ['a', 'b', 'c']) put(fresh, key, noon, ['empathy'], 'Same');
    expect(kept.entriesTagged('empathy').map((e) => e.key)).toEqual(fresh.entriesTagged('empathy').map((e) => e.key));
    expect(fresh.entriesTagged('empathy').map((e) => e.key)).toEqual(['file:///j/a', 'file:///j/b', 'file:///j/c']);
  });

  it('drops a replaced or deleted entry from the kept list and from its day', () => {
    const index = new JournalIndex();
    put(index, 'a', at('2026-11-27T12:00:00Z'), ['empathy', 'retro'], 'A', '2026-11-27');
    put(index, 'b', at('2026-11-26T12:00:00Z'), ['empathy'], 'B', '2026-11-26');
    expect(index.entriesTagged('empathy').map((e) => e.title)).toEqual(['A', 'B']);
    put(index, 'a', at('2026-11-25T12:00:00Z'), ['empathy'], 'A2', '2026-11-25');
    expect(index.entriesTagged('empathy').map((e) => e.title)).toEqual(['B', 'A2']);
    expect(index.entriesOn('2026-11-27')).toEqual([]);
    expect(index.entriesOn('2026-11-25').map((e) => e.title)).toEqual(['A2']);
    expect(index.entriesTagged('retro')).toEqual([]);
    expect(index.otherTags()).toEqual([]);
    index.delete('file:///j/b');
    expect(index.entriesTagged('empathy').map((e) => e.title)).toEqual(['A2']);
    expect(index.entriesOn('2026-11-26')).toEqual([]);
    // A tag that comes back after it was gone starts a new list.
    put(index, 'c', at('2026-11-28T12:00:00Z'), ['retro'], 'C');
    expect(index.entriesTagged('retro').map((e) => e.title)).toEqual(['C']);
  });

  it('titles an entry without a heading by its file name without .md, in any case', () => {
    const index = new JournalIndex();
    put(index, 'a', 0, [], undefined, undefined, '2026-11-27-retro.MD');
    put(index, 'b', 0, [], undefined, undefined, 'notes.md.txt');
    put(index, 'c', 0, [], '', undefined, 'named.md');
    expect(index.get('file:///j/a')?.title).toBe('2026-11-27-retro');
    expect(index.get('file:///j/b')?.title).toBe('notes.md.txt');
    expect(index.get('file:///j/c')?.title).toBe('');
  });

  it('lists other tags by count, ties alphabetically, and never traits', () => {
    const index = new JournalIndex();
    put(index, '1', 0, ['zeta', 'beta', 'empathy']);
    put(index, '2', 0, ['zeta', 'alpha', 'empathy']);
    put(index, '3', 0, ['beta', 'gamma']);
    expect(index.otherTags()).toEqual([
      { tag: 'beta', count: 2 },
      { tag: 'zeta', count: 2 },
      { tag: 'alpha', count: 1 },
      { tag: 'gamma', count: 1 },
    ]);
  });

  it('passes the tolerance on to the balance', () => {
    const index = new JournalIndex();
    for (let i = 0; i < 6; i++) put(index, `l${i}`, 0, ['empathy']);
    for (let i = 0; i < 4; i++) put(index, `m${i}`, 0, ['time-management']);
    expect(index.balance().state).toBe('balanced');
    expect(index.balance(5).state).toBe('leaning-leadership');
  });

  it('deletes only keys under the prefix, tells each, and notifies once; clearing an empty index is silent', () => {
    const index = new JournalIndex();
    put(index, 'x/1', 0, ['empathy']);
    put(index, 'x/2', 0, ['empathy']);
    put(index, 'xy', 0, ['empathy']);
    let calls = 0;
    index.onDidChange(() => calls++);
    const told: string[] = [];
    expect(index.deleteUnder('file:///j/x/', (key) => told.push(key))).toBe(2);
    expect(told).toEqual(['file:///j/x/1', 'file:///j/x/2']);
    expect(calls).toBe(1);
    expect(index.deleteUnder('file:///j/nothing/')).toBe(0);
    expect(calls).toBe(1);
    expect([...index.keys()]).toEqual(['file:///j/xy']);
    expect([...index.values()].map((e) => e.key)).toEqual(['file:///j/xy']);
    index.clear();
    expect(calls).toBe(2);
    expect(index.size).toBe(0);
    expect(index.entriesTagged('empathy')).toEqual([]);
    index.clear();
    expect(calls).toBe(2);
  });

  it('keeps notifying the other listeners when one throws, and batches nest', () => {
    const index = new JournalIndex();
    const heard: string[] = [];
    index.onDidChange(() => {
      heard.push('first');
      throw new Error('listener bug');
    });
    index.onDidChange(() => heard.push('second'));
    put(index, 'a', 0, ['empathy']);
    expect(heard).toEqual(['first', 'second']);
    const result = index.batch(() => {
      index.batch(() => put(index, 'b', 0, ['empathy']));
      expect(heard).toHaveLength(2); // not yet: the outer batch is still open
      put(index, 'c', 0, ['empathy']);
      return 42;
    });
    expect(result).toBe(42);
    expect(heard).toEqual(['first', 'second', 'first', 'second']);
    expect(() => index.batch(() => { throw new Error('update failed'); })).toThrow('update failed');
    put(index, 'd', 0, ['empathy']);
    expect(heard).toHaveLength(6);
  });

  it('shares one frozen empty problem list among entries without problems, and keeps real ones', () => {
    const index = new JournalIndex();
    put(index, 'a', 0, []);
    index.set('file:///j/b', 'b.md', { title: 'B', day: undefined, time: 0, tags: [], problems: [{ message: 'm', line: 1 }] });
    expect(Object.isFrozen(index.get('file:///j/a')!.problems)).toBe(true);
    expect(index.get('file:///j/b')!.problems).toEqual([{ message: 'm', line: 1 }]);
  });
});

describe('JournalIndex: lists kept through changes', () => {
  // The reference: every live entry in the order it was last written, sorted newest first (undated
  // last), then by title in the locale's order; equal entries keep that order.
  interface Written {
    key: string;
    time: number;
    title: string;
    tags: string[];
    day: string | undefined;
  }
  const byNewest = (a: Written, b: Written) => {
    const at = Number.isNaN(a.time) ? -Infinity : a.time;
    const bt = Number.isNaN(b.time) ? -Infinity : b.time;
    return bt - at || a.title.localeCompare(b.title);
  };

  it.each([1, 7, 99])('equals a fresh sort after random writes, deletes and batches of every size (seed %i)', (start) => {
    const index = new JournalIndex();
    let written: Written[] = [];
    let seed = start;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const pick = <T,>(list: readonly T[]) => list[Math.floor(random() * list.length)];
    const tags = ['empathy', 'influence', 'retro'];
    const days = ['2026-11-01', '2026-11-02', undefined];
    const times = [Date.parse('2026-11-01T09:00:00Z'), Date.parse('2026-11-02T09:00:00Z'), Number.NaN];
    const write = () => {
      const key = `file:///j/${Math.floor(random() * 400)}.md`;
      const entry: Written = { key, time: pick(times), title: pick(['a', 'B', 'c']), tags: tags.filter(() => random() < 0.5), day: pick(days) };
      index.set(key, 'x.md', { title: entry.title, day: entry.day, time: entry.time, tags: entry.tags, problems: [] });
      // A record written again unchanged keeps its place; a changed one moves after its equals.
      const previous = written.find((w) => w.key === key);
      const unchanged = previous && Object.is(previous.time, entry.time) && previous.title === entry.title && previous.day === entry.day && previous.tags.join() === entry.tags.join();
      if (!unchanged) written = [...written.filter((w) => w.key !== key), entry];
    };
    const remove = () => {
      const key = `file:///j/${Math.floor(random() * 400)}.md`;
      expect(index.delete(key)).toBe(written.some((w) => w.key === key));
      written = written.filter((w) => w.key !== key);
    };
    const check = () => {
      for (const tag of tags) {
        const expected = written.filter((w) => w.tags.includes(tag)).sort(byNewest).map((w) => w.key);
        expect(index.entriesTagged(tag).map((e) => e.key)).toEqual(expected);
        expect(index.countOf(tag)).toBe(expected.length);
      }
      for (const day of days) {
        if (!day) continue;
        const expected = written.filter((w) => w.day === day).sort(byNewest).map((w) => w.key);
        expect(index.entriesOn(day).map((e) => e.key)).toEqual(expected);
      }
      expect([...index.reflectionDays()].sort()).toEqual([...new Set(written.flatMap((w) => (w.day ? [w.day] : [])))].sort());
      expect([...index.reflections()].map((e) => e.key).sort()).toEqual(written.map((w) => w.key).sort());
      expect(index.countOfKind('entry')).toBe(written.length);
    };
    for (let round = 0; round < 60; round++) {
      const choice = random();
      if (choice < 0.4) {
        // A batch of 1 to 700 changes: past the lists' edit limit, they are built again.
        const changes = 1 + Math.floor(random() * 700);
        index.batch(() => {
          for (let i = 0; i < changes; i++) {
            if (random() < 0.75) write();
            else remove();
            if (random() < 0.01) check(); // a read in the middle of a batch
          }
        });
      } else if (choice < 0.9) {
        if (random() < 0.7) write();
        else remove();
      } else if (choice < 0.95) {
        index.deleteUnder('file:///j/1');
        written = written.filter((w) => !w.key.startsWith('file:///j/1'));
      } else {
        index.clear();
        written = [];
      }
      if (random() < 0.5) check();
    }
    check();
  });

  it('gives the same lists whether they were kept through a large batch or built after it', () => {
    const kept = new JournalIndex();
    const noon = Date.parse('2026-11-27T12:00:00Z');
    kept.set('file:///j/first.md', 'first.md', { title: 'First', day: '2026-11-27', time: noon, tags: ['empathy'], problems: [] });
    expect(kept.entriesTagged('empathy')).toHaveLength(1); // the lists exist from here on
    const fresh = new JournalIndex();
    fresh.set('file:///j/first.md', 'first.md', { title: 'First', day: '2026-11-27', time: noon, tags: ['empathy'], problems: [] });
    for (const index of [kept, fresh]) {
      index.batch(() => {
        for (let i = 0; i < 1000; i++) index.set(`file:///j/${i}.md`, `${i}.md`, { title: `T${i % 10}`, day: '2026-11-27', time: noon + (i % 3), tags: ['empathy'], problems: [] });
      });
    }
    expect(kept.entriesTagged('empathy').map((e) => e.key)).toEqual(fresh.entriesTagged('empathy').map((e) => e.key));
    expect(kept.entriesTagged('empathy')).toHaveLength(1001);
    expect(kept.entriesTagged('empathy')[0].time).toBe(noon + 2);
    expect(kept.entriesOn('2026-11-27')).toHaveLength(1001);
  });

  it('counts a tag written twice in one entry once', () => {
    const index = new JournalIndex();
    const entry = index.set('file:///j/a.md', 'a.md', { title: 'A', day: '2026-11-27', time: 0, tags: ['empathy', 'empathy'], problems: [] });
    expect(entry.tags).toEqual(['empathy']);
    expect(index.countOf('empathy')).toBe(1);
    expect(index.entriesTagged('empathy')).toHaveLength(1);
  });
});

describe('JournalIndex: shared tag lists', () => {
  const put = (index: JournalIndex, key: string, tags: string[]) =>
    index.set(`file:///j/${key}.md`, `${key}.md`, { title: key, day: '2026-11-27', time: 0, tags, problems: [] });

  it('gives entries with the same tags one frozen list, and entries with other tags or another order their own', () => {
    const index = new JournalIndex();
    const a = put(index, 'a', ['empathy', 'retro']);
    const b = put(index, 'b', ['empathy', 'retro']);
    const c = put(index, 'c', ['retro', 'empathy']);
    const d = put(index, 'd', ['empathy']);
    expect(Object.is(a.tags, b.tags)).toBe(true);
    expect(Object.isFrozen(a.tags)).toBe(true);
    expect(c.tags).toEqual(['retro', 'empathy']);
    expect(Object.is(a.tags, c.tags)).toBe(false);
    expect(d.tags).toEqual(['empathy']);
    // A line break cannot make two different lists look the same.
    const e = put(index, 'e', ['x\ny']);
    const f = put(index, 'f', ['x', 'y']);
    expect(e.tags).toEqual(['x\ny']);
    expect(f.tags).toEqual(['x', 'y']);
  });

  it('takes a frozen list handed in (the cache decoder\'s) to the pooled list, each time the same, duplicates dropped', () => {
    const index = new JournalIndex();
    const scanned = put(index, 'scanned', ['empathy', 'retro']);
    const decoded = Object.freeze(['empathy', 'retro']);
    const restored = [1, 2, 3].map((i) => index.restore(indexedRecord(`file:///j/r${i}.md`, { tags: decoded })));
    for (const entry of restored) expect(entry.tags).toBe(scanned.tags);
    const twice = Object.freeze(['influence', 'influence']);
    const first = index.restore(indexedRecord('file:///j/t1.md', { tags: twice }));
    const second = index.restore(indexedRecord('file:///j/t2.md', { tags: twice }));
    expect(first.tags).toEqual(['influence']);
    expect(second.tags).toBe(first.tags);
    expect(index.countOf('influence')).toBe(2);
    expect(index.countOf('empathy')).toBe(4);
  });

  it('keeps counting right past the pool bound, and shares again after it', () => {
    const index = new JournalIndex();
    index.batch(() => {
      for (let i = 0; i < 10_050; i++) put(index, `n${i}`, ['empathy', `t${i}`]);
    });
    expect(index.countOf('empathy')).toBe(10_050);
    expect(index.countOf('t10049')).toBe(1);
    const first = put(index, 'x1', ['empathy', 't3']);
    const second = put(index, 'x2', ['empathy', 't3']);
    expect(Object.is(first.tags, second.tags)).toBe(true);
    expect(index.countOf('t3')).toBe(3);
    expect(index.entriesTagged('t3').map((entry) => entry.title).sort()).toEqual(['n3', 'x1', 'x2']);
  });
});

describe('JournalIndex: counts announced before the records (a restore in two steps)', () => {
  const records: IndexedEntry[] = [
    indexedRecord('file:///j/1.md', { day: '2026-11-01', time: 1, tags: ['empathy', 'retro'] }),
    indexedRecord('file:///j/2.md', { day: '2026-11-01', time: 2, tags: ['empathy', 'empathy'] }), // a tag twice counts once
    indexedRecord('file:///j/3.md', { day: '2026-11-02', time: 3, tags: ['time-management'] }),
    indexedRecord('file:///j/4.md', { time: Number.NaN, tags: ['empathy'] }),
    indexedRecord('file:///j/review.md', { kind: 'review', tags: ['empathy'] }),
    indexedRecord('file:///j/feedback.md', { kind: 'feedback', tags: ['influence'] }),
  ];
  // By hand: what the index must count with all six in.
  const expectTally = (index: JournalIndex) => {
    expect(index.countOf('empathy')).toBe(3);
    expect(index.countOf('retro')).toBe(1);
    expect(index.countOf('time-management')).toBe(1);
    expect(index.countOf('influence')).toBe(0);
    expect(index.feedbackCountOf('influence')).toBe(1);
    expect(index.countOfKind('entry')).toBe(4);
    expect(index.countOfKind('review')).toBe(1);
    expect(index.expectedSize).toBe(6);
    expect([...index.reflectionDays()].sort()).toEqual(['2026-11-01', '2026-11-02']);
    expect(index.otherTags()).toEqual([{ tag: 'retro', count: 1 }]);
    expect(index.balance()).toMatchObject({ leadership: 3, management: 1 });
  };

  it('counts every announced note before and while they come in, in any order, and the same after', () => {
    for (const order of [records, [...records].reverse()]) {
      const index = new JournalIndex();
      let events = 0;
      index.onDidChange(() => events++);
      index.expectRestore(countsOf(records));
      expect(events).toBe(1);
      expect(index.isRestoring).toBe(true);
      expect(index.size).toBe(0);
      expectTally(index);
      expect(index.entriesTagged('empathy')).toEqual([]); // the lists hold what is in
      for (const record of order) {
        index.restore(record);
        expectTally(index);
      }
      expect(index.entriesTagged('empathy')).toHaveLength(3);
      const before = events;
      index.endRestore();
      expect(events).toBe(before); // nothing was left over: no change
      expect(index.isRestoring).toBe(false);
      expectTally(index);
    }
  });

  it('says whether the counts announced were those of the notes restored (endRestore)', () => {
    const exact = new JournalIndex();
    exact.expectRestore(countsOf(records));
    exact.restore(records[0]);
    for (const record of records.slice(1)) exact.skipRestore(record);
    expect(exact.endRestore()).toBe(true);
    expect(new JournalIndex().endRestore()).toBe(true); // nothing announced: nothing to check
  });

  // A cache whose counts lie (as a crafted file with a right checksum may): each lie is found at
  // the end of the restore, one change is told, and the counts are those of the notes in.
  const lies: Array<[string, (counts: ReturnType<typeof countsOf>) => void]> = [
    ['a tag counted once more', (c) => (c.tags as Map<string, number>).set('retro', 2)],
    ['a tag counted once less', (c) => (c.tags as Map<string, number>).set('empathy', 2)],
    ['two tags swapped', (c) => ((c.tags as Map<string, number>).set('retro', 3), (c.tags as Map<string, number>).set('empathy', 1))],
    ['a tag never written', (c) => (c.tags as Map<string, number>).delete('time-management')],
    ['a day counted more', (c) => (c.days as Map<string, number>).set('2026-11-02', 2)],
    ['a day counted less', (c) => (c.days as Map<string, number>).delete('2026-11-02')],
    ['a feedback tag counted more', (c) => (c.feedbackTags as Map<string, number>).set('influence', 5)],
    ['a kind counted less', (c) => (c.kinds as Map<string, number>).set('review', 0)],
    ['one record more', (c) => Object.assign(c, { records: c.records + 1 })],
  ];
  it.each(lies)('finds a cache that lies: %s', (_name, lie) => {
    const announced = countsOf(records);
    lie(announced);
    const index = new JournalIndex();
    index.expectRestore(announced);
    for (const record of records) index.restore(record);
    let events = 0;
    index.onDidChange(() => events++);
    expect(index.endRestore()).toBe(false);
    expect(events).toBe(1);
    expectTally(index);
  });

  it('finds a cache that lies about a note it skips: a tag of it that no count announced', () => {
    const announced = countsOf(records);
    (announced.tags as Map<string, number>).delete('time-management'); // only 3.md carries it
    const index = new JournalIndex();
    index.expectRestore(announced);
    index.skipRestore(records[2]); // 3.md: a newer version is in
    for (const record of [...records.slice(0, 2), ...records.slice(3)]) index.restore(record);
    expect(index.endRestore()).toBe(false);
  });

  it('forgets what was announced and skipped or never restored', () => {
    const index = new JournalIndex();
    index.expectRestore(countsOf(records));
    index.skipRestore(records[0]); // a newer version is in, or it left the journal
    expect(index.countOf('empathy')).toBe(2);
    expect(index.countOf('retro')).toBe(0);
    expect(index.otherTags()).toEqual([]);
    expect(index.expectedSize).toBe(5);
    index.restore(records[2]);
    let events = 0;
    index.onDidChange(() => events++);
    index.endRestore();
    expect(events).toBe(1);
    expect(index.countOf('empathy')).toBe(0);
    expect(index.countOf('time-management')).toBe(1);
    expect(index.countOfKind('entry')).toBe(1);
    expect(index.feedbackCountOf('influence')).toBe(0);
    expect([...index.reflectionDays()]).toEqual(['2026-11-02']);
    expect(index.expectedSize).toBe(1);
  });

  it('drops announced counts on clear, and a note set meanwhile is counted once it is in', () => {
    const index = new JournalIndex();
    index.expectRestore(countsOf(records.slice(0, 1)));
    expect(index.countOf('empathy')).toBe(1);
    index.clear();
    expect(index.isRestoring).toBe(false);
    expect(index.countOf('empathy')).toBe(0);
    expect(index.allTags()).toEqual([]);
    index.expectRestore(countsOf(records.slice(2, 3)));
    expect(index.allTags()).toEqual([{ tag: 'time-management', count: 1 }]);
  });
});

describe('JournalIndex: fields kept by kind', () => {
  const root = 'file:///j/';
  const parsed = {
    title: 'Note',
    day: '2026-11-27',
    time: 0,
    tags: [],
    problems: [],
    commitments: [{ text: 'Call Sam', line: 6, column: 2, done: false }],
    follows: '2026/11/a.md',
    commitment: 'Call Sam',
    goal: { trait: 'empathy', target: 2, per: 'week' as const, text: 'Listen first' },
    from: 'peer' as const,
  };
  const fields = (entry: IndexedEntry) => ({
    commitments: entry.commitments,
    follows: entry.follows,
    commitment: entry.commitment,
    goal: entry.goal,
    from: entry.from,
  });

  it('keeps commitments and follow-up fields on a reflection only, a goal on a goal note, a source on a feedback note', () => {
    const index = new JournalIndex();
    const none = { commitments: [], follows: undefined, commitment: undefined, goal: undefined, from: undefined };
    expect(fields(index.set(`${root}entry.md`, 'entry.md', { ...parsed, kind: 'entry' }, undefined, root))).toEqual({
      ...none,
      commitments: [{ text: 'Call Sam', line: 6, column: 2, done: false }],
      follows: 'file:///j/2026/11/a.md',
      commitment: 'Call Sam',
    });
    expect(fields(index.set(`${root}review.md`, 'review.md', { ...parsed, kind: 'review' }, undefined, root))).toEqual(none);
    expect(fields(index.set(`${root}goal.md`, 'goal.md', { ...parsed, kind: 'goal' }, undefined, root))).toEqual({
      ...none,
      goal: { trait: 'empathy', target: 2, per: 'week', text: 'Listen first' },
    });
    expect(fields(index.set(`${root}feedback.md`, 'feedback.md', { ...parsed, kind: 'feedback' }, undefined, root))).toEqual({ ...none, from: 'peer' });
    // Only a reflection's commitments are open work.
    expect([...index.withOpenCommitments()].map((entry) => entry.key)).toEqual(['file:///j/entry.md']);
  });

  it('makes a reflection a follow-up only when it has both a follows: line and a journal folder', () => {
    const index = new JournalIndex();
    expect(index.set(`${root}no-follows.md`, 'no-follows.md', { ...parsed, follows: undefined }, undefined, root).follows).toBeUndefined();
    expect(index.set('file:///elsewhere/no-root.md', 'no-root.md', parsed).follows).toBeUndefined();
  });

  it('gives every restored note without commitments the one frozen empty list', () => {
    const index = new JournalIndex();
    const a = index.restore(indexedRecord('file:///j/a.md', { commitments: [] }));
    const b = index.restore(indexedRecord('file:///j/b.md', { commitments: [] }));
    expect(a.commitments).toEqual([]);
    expect(b.commitments).toBe(a.commitments);
    expect(Object.isFrozen(a.commitments)).toBe(true);
  });
});

describe('JournalIndex: announced counts at the edges', () => {
  const counts = (fields: Partial<RecordCounts>): RecordCounts => ({
    records: 0,
    kinds: new Map(),
    tags: new Map(),
    days: new Map(),
    feedbackTags: new Map(),
    ...fields,
  });

  it('ignores announced counts of zero or below', () => {
    const index = new JournalIndex();
    index.expectRestore(
      counts({
        kinds: new Map([
          ['entry', 0],
          ['review', -1],
        ]),
        tags: new Map([
          ['empathy', 0],
          ['retro', -2],
        ]),
        days: new Map([['2026-11-01', 0]]),
        feedbackTags: new Map([['influence', -1]]),
      }),
    );
    expect(index.countOfKind('review')).toBe(0);
    expect(index.countOf('retro')).toBe(0);
    expect(index.feedbackCountOf('influence')).toBe(0);
    expect(index.allTags()).toEqual([]);
    expect(index.otherTags()).toEqual([]);
    expect([...index.reflectionDays()]).toEqual([]);
    let events = 0;
    index.onDidChange(() => events++);
    index.endRestore();
    expect(events).toBe(0); // nothing announced was left over
  });

  it('does nothing when ending a restore that was never announced', () => {
    const index = new JournalIndex();
    let events = 0;
    index.onDidChange(() => events++);
    index.endRestore();
    expect(events).toBe(0);
    expect(index.isRestoring).toBe(false);
  });

  it('tells listeners when ending a restore drops announced records, even when the counts disagree', () => {
    // Records without kinds, and kinds without records: counts from a cache that lied.
    for (const announced of [counts({ records: 2 }), counts({ kinds: new Map([['entry', 1]]) })]) {
      const index = new JournalIndex();
      index.expectRestore(announced);
      let events = 0;
      index.onDidChange(() => events++);
      index.endRestore();
      expect(events).toBe(1);
      expect(index.expectedSize).toBe(0);
    }
  });
});

describe('JournalIndex: notes of a kind and feedback counts', () => {
  const put = (index: JournalIndex, name: string, time: number, kind?: string, tags: string[] = []) =>
    index.set(`file:///j/${name}.md`, `${name}.md`, { title: name, day: undefined, time, tags, problems: [], kind });

  it('lists the reflections newest first, without the other notes', () => {
    const index = new JournalIndex();
    put(index, 'middle', 2);
    put(index, 'oldest', 1);
    put(index, 'a review', 5, 'review');
    put(index, 'newest', 3);
    expect(index.notesOf('entry').map((note) => note.title)).toEqual(['newest', 'middle', 'oldest']);
    expect(index.notesOf('review').map((note) => note.title)).toEqual(['a review']);
    expect(index.notesOf('goal')).toEqual([]);
  });

  it('counts feedback notes per tag, and not the reviews and reflections that carry the tag', () => {
    const index = new JournalIndex();
    put(index, 'feedback', 1, 'feedback', ['influence']);
    put(index, 'review', 1, 'review', ['influence']);
    put(index, 'reflection', 1, undefined, ['influence']);
    expect(index.feedbackCountOf('influence')).toBe(1);
    expect(index.countOf('influence')).toBe(1);
  });
});

describe('JournalIndex: what is gone leaves nothing behind', () => {
  const put = (index: JournalIndex, name: string, tags: string[], day?: string, kind?: string) =>
    index.set(`file:///j/${name}.md`, `${name}.md`, { title: name, day, time: 0, tags, problems: [], kind });

  it('forgets the day of a reflection moved to another day or deleted', () => {
    const index = new JournalIndex();
    put(index, 'a', ['empathy'], '2026-11-01');
    put(index, 'a', ['empathy'], '2026-11-02');
    expect([...index.reflectionDays()]).toEqual(['2026-11-02']);
    index.delete('file:///j/a.md');
    expect([...index.reflectionDays()]).toEqual([]);
  });

  it('forgets a tag that only a deleted review carried, and counts it again when a reflection brings it back', () => {
    const index = new JournalIndex();
    put(index, 'review', ['retro'], undefined, 'review');
    expect(index.allTags()).toEqual([{ tag: 'retro', count: 0 }]);
    index.delete('file:///j/review.md');
    expect(index.allTags()).toEqual([]);
    put(index, 'reflection', ['retro']);
    expect(index.allTags()).toEqual([{ tag: 'retro', count: 1 }]);
  });

  it('keeps no list for a tag whose last reflection went: the shared frozen empty one is given', () => {
    const index = new JournalIndex();
    put(index, 'a', ['retro']);
    expect(index.entriesTagged('retro').map((entry) => entry.title)).toEqual(['a']); // the lists are kept from here on
    index.delete('file:///j/a.md');
    const gone = index.entriesTagged('retro');
    expect(gone).toEqual([]);
    expect(Object.isFrozen(gone)).toBe(true);
    put(index, 'b', ['retro']);
    expect(index.entriesTagged('retro').map((entry) => entry.title)).toEqual(['b']);
  });
});

describe('JournalIndex: follow-ups and their originals', () => {
  const root = 'file:///j/';
  const note = (title: string, follows?: string) => ({ title, day: undefined, time: 0, tags: [], problems: [], follows });

  it('finds the follow-ups of an original, not those of another original with the same file name', () => {
    const index = new JournalIndex();
    const a2026 = index.set(`${root}2026/a.md`, 'a.md', note('a 2026'), undefined, root);
    const a2027 = index.set(`${root}2027/a.md`, 'a.md', note('a 2027'), undefined, root);
    const follower = index.set(`${root}f.md`, 'f.md', note('f', '2026/a.md'), undefined, root);
    expect(index.followUpsOf(a2026)).toEqual([follower]);
    expect(index.followUpsOf(a2027)).toEqual([]);
    expect(index.followUpsOf(follower)).toEqual([]);
  });

  it('finds no follow-ups of a note outside a journal folder, or whose key is not under its folder', () => {
    const index = new JournalIndex();
    // A follower of `<root>undefined`, a file name the lookups below must not make up.
    const follower = index.set(`${root}f.md`, 'f.md', note('f', 'undefined'), undefined, root);
    expect(follower.follows).toBe('file:///j/undefined');
    const noRoot = index.set('file:///elsewhere/undefined', 'undefined', note('no root'));
    expect(index.followUpsOf(noRoot)).toEqual([]);
    const notUnderRoot = index.restore(indexedRecord('file:///other/undefined', { root }));
    expect(index.followUpsOf(notUnderRoot)).toEqual([]);
  });

  it('matches an original whose folders are escaped in its key, in a journal folder with a space', () => {
    const index = new JournalIndex();
    const spaced = 'file:///home/me/My%20Journal/';
    const original = index.set(`${spaced}%C3%A9t%C3%A9/a.md`, 'a.md', note('original'), undefined, spaced);
    const follower = index.set(`${spaced}f.md`, 'f.md', note('f', 'été/a.md'), undefined, spaced);
    expect(follower.follows).toBe('file:///home/me/My%20Journal/été/a.md');
    expect(index.followUpsOf(original)).toEqual([follower]);
    expect(index.original(follower)).toBe(original);
  });

  it('matches an original whose file name holds a % that is not an escape', () => {
    const index = new JournalIndex();
    const original = index.set(`${root}50%off.md`, '50%off.md', note('original'), undefined, root);
    const follower = index.set(`${root}f.md`, 'f.md', note('f', '50%off.md'), undefined, root);
    expect(index.followUpsOf(original)).toEqual([follower]);
  });

  it('has no original for a note that follows nothing, or that is outside a journal folder', () => {
    const index = new JournalIndex();
    const plain = index.set(`${root}plain.md`, 'plain.md', note('plain'), undefined, root);
    expect(index.original(plain)).toBeUndefined();
    const rootless = index.restore(indexedRecord('file:///elsewhere/f.md', { follows: `${root}plain.md` }));
    expect(index.original(rootless)).toBeUndefined();
  });

  it('finds the original by its escaped key, even when its journal folder was not recorded', () => {
    const index = new JournalIndex();
    // Restored without a root: only its key can lead to it.
    const original = index.restore(indexedRecord(`${root}2026/11/a%20b.md`, { title: 'the original' }));
    const follower = index.set(`${root}f.md`, 'f.md', note('f', '2026/11/a b.md'), undefined, root);
    expect(follower.follows).toBe('file:///j/2026/11/a b.md');
    expect(index.original(follower)).toBe(original);
  });

  it('finds an original whose key escapes more characters than encodeURIComponent, among the notes of its folder only', () => {
    const index = new JournalIndex();
    index.set(`${root}first.md`, 'first.md', note('first'), undefined, root);
    index.restore(indexedRecord('file:///other/it%27s.md', { root: 'file:///other/', title: 'elsewhere' }));
    // VS Code writes `it's` as `it%27s`; encodeURIComponent leaves the apostrophe as it is.
    const original = index.set(`${root}it%27s.md`, "it's.md", note("it's"), undefined, root);
    const follower = index.set(`${root}f.md`, 'f.md', note('f', "it's.md"), undefined, root);
    expect(index.original(follower)).toBe(original);
    const orphan = index.set(`${root}g.md`, 'g.md', note('g', 'gone.md'), undefined, root);
    expect(index.original(orphan)).toBeUndefined();
  });
});

describe('JournalIndex: shared tag lists at the edges', () => {
  const put = (index: JournalIndex, key: string, tags: string[]) =>
    index.set(`file:///j/${key}.md`, `${key}.md`, { title: key, day: undefined, time: 0, tags, problems: [] });

  it('shares a list again after other lists came in between', () => {
    const index = new JournalIndex();
    const a = put(index, 'a', ['empathy']);
    put(index, 'b', ['retro']);
    put(index, 'c', ['influence', 'retro']);
    expect(put(index, 'd', ['empathy']).tags).toBe(a.tags);
  });

  it('shares lists that would read alike with their tags run together', () => {
    const index = new JournalIndex();
    put(index, 'joined', ['ab']);
    const first = put(index, 'first', ['a', 'b']);
    const second = put(index, 'second', ['a', 'b']);
    expect(second.tags).toBe(first.tags);
    expect(first.tags).toEqual(['a', 'b']);
  });

  it('keeps sharing the first of two lists whose tags joined by line breaks read alike', () => {
    const index = new JournalIndex();
    const first = put(index, 'first', ['x\ny']);
    expect(put(index, 'other', ['x', 'y']).tags).toEqual(['x', 'y']);
    expect(put(index, 'again', ['x\ny']).tags).toBe(first.tags);
  });

  it('never hands out a list of the same length that only reads alike joined', () => {
    for (const [first, second] of [
      [['a\nb', 'c'], ['a', 'b\nc']],
      [['a\nb', 'c', 'd'], ['a', 'b\nc', 'd']],
    ]) {
      const index = new JournalIndex();
      put(index, 'first', first);
      expect(put(index, 'second', second).tags).toEqual(second);
    }
  });
});

describe('JournalIndex: a file read again unchanged is no change', () => {
  const base = indexedRecord('file:///j/a.md', {
    title: 'A',
    day: '2026-11-02',
    time: Date.parse('2026-11-02T09:00:00Z'),
    tags: ['empathy', 'retro'],
    problems: [{ message: 'm', line: 1 }],
    commitments: [{ text: 'call Sam', line: 4, column: 2, done: false }],
    root: 'file:///j/',
    follows: 'file:///j/b.md',
    commitment: 'call Sam',
  });

  it('tells no one and keeps the entry when every field is the same, undated or dated', () => {
    for (const record of [base, indexedRecord('file:///j/u.md', { title: 'U' })]) {
      const index = new JournalIndex();
      const first = index.restore(record);
      let events = 0;
      index.onDidChange(() => events++);
      // A copy, not the same objects: a second read parses the file again.
      const again = index.restore(JSON.parse(JSON.stringify({ ...record, time: Number.isNaN(record.time) ? 'NaN' : record.time }), (key, value) => (key === 'time' && value === 'NaN' ? Number.NaN : value)));
      expect(events).toBe(0);
      expect(again).toBe(first);
      expect(index.get(record.key)).toBe(first);
    }
  });

  it('compares tags as the index keeps them: each once', () => {
    const index = new JournalIndex();
    index.restore(base);
    let events = 0;
    index.onDidChange(() => events++);
    index.restore({ ...base, tags: ['empathy', 'empathy', 'retro'] });
    expect(events).toBe(0);
    index.restore({ ...base, tags: ['empathy', 'retro', 'retro', 'empathy', 'influence'] });
    expect(events).toBe(1);
    expect(index.get(base.key)?.tags).toEqual(['empathy', 'retro', 'influence']);
  });

  it.each<[string, Partial<IndexedEntry>]>([
    ['title', { title: 'B' }],
    ['day', { day: '2026-11-03' }],
    ['time', { time: Date.parse('2026-11-02T09:00:01Z') }],
    ['tags in another order', { tags: ['retro', 'empathy'] }],
    ['one tag fewer', { tags: ['empathy'] }],
    ['size', { size: 2 }],
    ['modification time', { mtime: 1e12 + 1 }],
    ['problems', { problems: [{ message: 'm', line: 2 }] }],
    ['commitments', { commitments: [{ text: 'call Sam', line: 4, column: 2, done: true }] }],
    ['root', { root: 'file:///k/' }],
    ['follows', { follows: 'file:///j/c.md' }],
    ['commitment', { commitment: 'call Alex' }],
    ['kind', { kind: 'review' }],
    ['goal', { goal: { trait: 'empathy', target: 2, per: 'week' } as IndexedEntry['goal'] }],
    ['source', { from: 'peer' }],
  ])('tells its listeners when only the %s differs', (_field, change) => {
    const index = new JournalIndex();
    index.restore(base);
    let events = 0;
    index.onDidChange(() => events++);
    index.restore({ ...base, ...change });
    expect(events).toBe(1);
    expect(index.get(base.key)).toMatchObject(change);
  });
});
