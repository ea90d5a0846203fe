// What the example journal (examples/journal: 36 entries, a goal and a feedback note) holds, counted by hand from its files:
// each entry counts once per tag, front matter `tags` (block lists, two flow lists and one
// comma-separated) and inline `#tags` together; `#not-a-tag` sits in a fenced code block and does
// not count. The UI tests compare what VS Code shows with
// these numbers, never with the extension's own parser or balance. Change them with the journal.

/** The eight traits as the UI labels them, by side. */
export const TRAIT_LABELS = {
  'visionary-thinking': 'Visionary Thinking',
  empathy: 'Empathy',
  innovation: 'Innovation',
  influence: 'Influence',
  'organizational-skills': 'Organizational Skills',
  'decision-making': 'Decision-Making',
  'problem-solving': 'Problem-Solving',
  'time-management': 'Time Management',
};
export const LEADERSHIP = ['visionary-thinking', 'empathy', 'innovation', 'influence'];
export const MANAGEMENT = ['organizational-skills', 'decision-making', 'problem-solving', 'time-management'];

export const EXAMPLE_JOURNAL = {
  entries: 36,
  /** Entries per trait. Leadership 9 + 12 + 5 + 11 = 37, management 9 + 10 + 10 + 5 = 34. */
  counts: {
    'visionary-thinking': 9,
    empathy: 12,
    innovation: 5,
    influence: 11,
    'organizational-skills': 9,
    'decision-making': 10,
    'problem-solving': 10,
    'time-management': 5,
  },
  /** 37 of 71 trait tags is 52.1%: shown as 52% and 48%, within 10 points of 50%. */
  balance: 'Leadership 52% · Management 48% · balanced',
  status: 'L 52% · M 48%',
  /** The weaker side is management; its least reflected trait (5 entries) comes first in completion. */
  leastOfWeakerSide: 'time-management',
  /** The newest entry of each trait: its `date` as written. */
  newest: {
    'visionary-thinking': '2026-11-25T20:10:00+01:00',
    empathy: '2026-11-25T20:10:00+01:00',
    innovation: '2026-11-23T17:00:00+01:00',
    influence: '2026-11-19T21:40:00+01:00',
    'organizational-skills': '2026-11-17T22:25:00+01:00',
    'decision-making': '2026-11-19T08:15:00+01:00',
    'problem-solving': '2026-11-19T08:15:00+01:00',
    'time-management': '2026-11-17T22:25:00+01:00',
  },
  newestInnovation: { title: 'Project retro and the empty boxes', day: '2026-11-23', file: '2026-11-23-project-retro-and-the-empty-boxes.md' },
  otherTags: { mentoring: 4, 'one-on-one': 4, incident: 3, retro: 3 },
  /** feedback/2026-11-20-feedback-peer-influence.md: one feedback note on two traits (not entries). */
  feedback: { influence: 1, 'visionary-thinking': 1 },
  /** goals/empathy.md: 4 empathy entries a month until 2027-01-31; the days of the 12 empathy entries. */
  goal: {
    trait: 'empathy',
    target: 4,
    until: '2027-01-31',
    days: ['2026-09-29', '2026-10-01', '2026-10-07', '2026-10-13', '2026-10-15', '2026-10-16', '2026-10-22', '2026-10-30', '2026-11-02', '2026-11-03', '2026-11-19', '2026-11-25'],
  },
};

/** The goal's progress as the trait row says it on `now`: entries in the current local month. */
export function goalText(now = new Date()) {
  const { target, until, days } = EXAMPLE_JOURNAL.goal;
  const pad = (n) => String(n).padStart(2, '0');
  const today = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  const month = today > until ? until.slice(0, 7) : today.slice(0, 7);
  const count = days.filter((day) => day.startsWith(month)).length;
  if (today <= until) return `Goal: ${count} of ${target} this month`;
  return `Goal: ${count >= target ? 'met' : 'missed'}: ${count} of ${target} by ${until}`;
}

/** A trait row's description, as the Traits view writes it. */
export function traitRowText(id, now = new Date()) {
  const feedback = EXAMPLE_JOURNAL.feedback[id];
  return [
    entriesText(EXAMPLE_JOURNAL.counts[id]),
    ...(feedback ? [`${feedback} feedback`] : []),
    daysAgoText(EXAMPLE_JOURNAL.newest[id], now),
    ...(id === EXAMPLE_JOURNAL.goal.trait ? [goalText(now)] : []),
  ].join(' · ');
}

/** `N entries` / `1 entry`. */
export function entriesText(count) {
  return count === 1 ? '1 entry' : `${count} entries`;
}

/** Whole local calendar days from the date written in an entry to `now`, as the tree says them. */
export function daysAgoText(iso, now = new Date()) {
  const then = new Date(iso);
  const days = Math.round((Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()) - Date.UTC(then.getFullYear(), then.getMonth(), then.getDate())) / 86_400_000);
  return days <= 0 ? 'today' : days === 1 ? 'yesterday' : `${days} days ago`;
}

/** The Balance row for trait counts: whole percents (halves up), balanced within 10 points. */
export function balanceText(counts) {
  const sum = (ids) => ids.reduce((n, id) => n + (counts[id] ?? 0), 0);
  const leadership = sum(LEADERSHIP);
  const total = leadership + sum(MANAGEMENT);
  if (total === 0) return 'no entries yet';
  const percent = Math.floor((200 * leadership + total) / (2 * total));
  const state = percent > 60 ? 'leaning leadership' : percent < 40 ? 'leaning management' : 'balanced';
  return `Leadership ${percent}% · Management ${100 - percent}% · ${state}`;
}
