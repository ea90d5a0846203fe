import { describe, expect, it } from 'vitest';
import { msUntilNextCheck, readReminder, reminderDue } from '../../src/core/reminder';

describe('balanceJournal.reminder', () => {
  it('is off by default and for empty values', () => {
    for (const value of [undefined, null, false, '']) expect(readReminder(value)).toEqual({});
  });

  it('reads a time (workdays) or a time with days and notify', () => {
    const simple = readReminder('17:30').reminder!;
    expect(simple.minutes).toBe(17 * 60 + 30);
    expect([...simple.days]).toEqual(['mon', 'tue', 'wed', 'thu', 'fri']);
    expect(simple.notify).toBe(false);
    const full = readReminder({ time: '7:05', days: ['Sat', 'sunday'], notify: true }).reminder!;
    expect(full.minutes).toBe(7 * 60 + 5);
    expect([...full.days]).toEqual(['sat', 'sun']);
    expect(full.notify).toBe(true);
  });

  it('explains what is wrong', () => {
    for (const value of ['25:00', '17h30', { time: '17:30', days: [] }, { time: '17:30', days: ['someday'] }, 7, ['17:30']]) {
      expect(readReminder(value).error, JSON.stringify(value)).toMatch(/balanceJournal\.reminder/);
    }
  });

  it('is due on a listed day from its time on, without an entry today, once a day', () => {
    const reminder = readReminder('17:30').reminder!;
    const friday = (h: number, m: number) => new Date(2026, 10, 27, h, m);
    const none = { hasEntryToday: false, lastShownDay: undefined };
    expect(reminderDue(reminder, friday(17, 29), none)).toBe(false);
    expect(reminderDue(reminder, friday(17, 30), none)).toBe(true);
    expect(reminderDue(reminder, friday(23, 59), none)).toBe(true);
    expect(reminderDue(reminder, friday(18, 0), { hasEntryToday: true, lastShownDay: undefined })).toBe(false);
    expect(reminderDue(reminder, friday(18, 0), { hasEntryToday: false, lastShownDay: '2026-11-27' })).toBe(false);
    expect(reminderDue(reminder, friday(18, 0), { hasEntryToday: false, lastShownDay: '2026-11-26' })).toBe(true);
    expect(reminderDue(reminder, new Date(2026, 10, 28, 18), none)).toBe(false); // Saturday
  });

  it('plans the next look at today\'s time, else tomorrow\'s', () => {
    const reminder = readReminder('17:30').reminder!;
    expect(msUntilNextCheck(reminder, new Date(2026, 10, 27, 17, 0))).toBe(30 * 60_000);
    expect(msUntilNextCheck(reminder, new Date(2026, 10, 27, 18, 0))).toBe(23.5 * 3_600_000);
  });
});
