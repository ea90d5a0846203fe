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
  balance: { label: 'Balanced', description: 'L 52% · M 48%' },
  /** The Balance Report's headline. */
  headline: 'Leadership 52% · Management 48% · balanced',
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
  /** Entries tagged both Empathy and Influence (Find Entries by two tags). */
  bothTags: { tags: ['empathy', 'influence'], entries: 5 },
  /** The entries' days fall in every ISO week from 2026-W40 to 2026-W48 (by their file names): the Balance tooltip's longest streak. */
  longestStreak: 'Longest streak: 9 weeks (2026-W40 to 2026-W48).',
  /** The newest day with entries, as the report's calendar names it: one entry, two leadership tags. */
  newestDay: { day: '2026-11-25', entries: 1, leadership: 2, management: 0, label: 'Wednesday, November 25, 2026', file: '2026-11-25-two-months-of-both-sides.md' },
  newestInnovation: { title: 'Project retro and the empty boxes', day: '2026-11-23', dayText: 'Nov 23, 2026', file: '2026-11-23-project-retro-and-the-empty-boxes.md' },
  /** Trait tags per side (the side rows): 9 + 12 + 5 + 11 and 9 + 10 + 10 + 5. */
  sideTotals: { leadership: 37, management: 34 },
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

/** The goal's progress on `now` (entries in the current local month, or in the last one once ended). */
export function goalCount(now = new Date()) {
  const { until, days } = EXAMPLE_JOURNAL.goal;
  const pad = (n) => String(n).padStart(2, '0');
  const today = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  const month = today > until ? until.slice(0, 7) : today.slice(0, 7);
  return days.filter((day) => day.startsWith(month)).length;
}

/** Days ago as the Traits view shortens it: today, 4d ago (under 2 weeks), 3w ago, 5mo ago, 2y ago. */
export function shortDaysAgoText(days) {
  if (days <= 0) return 'today';
  if (days < 14) return `${days}d ago`;
  if (days < 60) return `${Math.floor(days / 7)}w ago`;
  if (days < 730) return `${Math.floor(days / 30)}mo ago`;
  return `${Math.floor(days / 365)}y ago`;
}

/**
 * A trait row's description: `12 · 4d ago`, ` · due` from 14 days (only `9 · due` when a long name
 * would pass 34 characters); then the goal (`goal 4/4`) and
 * the feedback (`1 feedback`), each only while label and description stay within 34 characters.
 */
export function traitRowText(id, now = new Date()) {
  const feedback = EXAMPLE_JOURNAL.feedback[id];
  const days = wholeDaysSince(EXAMPLE_JOURNAL.newest[id], now);
  let text = `${EXAMPLE_JOURNAL.counts[id]} · ${shortDaysAgoText(days)}${days >= 14 ? ' · due' : ''}`;
  // A due trait whose name and text pass 34 characters drops the age: `9 · due`.
  if (days >= 14 && TRAIT_LABELS[id].length + text.length > 34) text = `${EXAMPLE_JOURNAL.counts[id]} · due`;
  const { trait, target, until } = EXAMPLE_JOURNAL.goal;
  const pad = (n) => String(n).padStart(2, '0');
  const ended = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}` > until;
  const goal = ended ? `goal ${goalCount(now) >= target ? 'met' : 'missed'}` : `goal ${goalCount(now)}/${target}`;
  const extras = [id === trait ? goal : '', feedback ? `${feedback} feedback` : ''];
  for (const extra of extras) if (extra && TRAIT_LABELS[id].length + text.length + 3 + extra.length <= 34) text += ` · ${extra}`;
  return text;
}

/** Whole local calendar days from the date written in an entry to `now`. */
export function wholeDaysSince(iso, now = new Date()) {
  const then = new Date(iso);
  return Math.round((Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()) - Date.UTC(then.getFullYear(), then.getMonth(), then.getDate())) / 86_400_000);
}

/** `N entries` / `1 entry`. */
export function entriesText(count) {
  return count === 1 ? '1 entry' : `${count} entries`;
}

/** The Balance row for trait counts: the verdict as its label, whole percents (halves up), balanced within 10 points. */
export function balanceRow(counts) {
  const sum = (ids) => ids.reduce((n, id) => n + (counts[id] ?? 0), 0);
  const leadership = sum(LEADERSHIP);
  const total = leadership + sum(MANAGEMENT);
  if (total === 0) return { label: 'No entries yet', description: '' };
  const percent = Math.floor((200 * leadership + total) / (2 * total));
  const label = percent > 60 ? 'Leaning leadership' : percent < 40 ? 'Leaning management' : 'Balanced';
  return { label, description: `L ${percent}% · M ${100 - percent}%` };
}
