import { describe, expect, it } from 'vitest';
import { parseEntry } from '../../src/core/entryParser';
import { IndexedEntry, JournalIndex, countsOf } from '../../src/core/journalIndex';
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
      written = [...written.filter((w) => w.key !== key), entry];
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
