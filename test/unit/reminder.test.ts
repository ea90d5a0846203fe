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

describe('balanceJournal.reminder, each message whole and each edge', () => {
  const shape = 'balanceJournal.reminder should be a time like "17:30", or { "time": "17:30", "days": ["mon", "tue", "wed", "thu", "fri"] }.';
  const time = 'balanceJournal.reminder: "time" should be a local time like "17:30".';
  const days = 'balanceJournal.reminder: "days" should list days like "mon", "tue".';
  it.each([
    [7, shape],
    [['17:30'], shape],
    [true, shape],
    ['25:00', time],
    ['17h30', time],
    [{ time: 1730 }, time],
    [{}, time],
    [{ time: '17:30', days: [] }, days],
    [{ time: '17:30', days: 'mon' }, days],
    [{ time: '17:30', days: ['someday'] }, 'balanceJournal.reminder: "someday" is not a day; use mon, tue, wed, thu, fri, sat or sun.'],
    [{ time: '17:30', days: [5] }, 'balanceJournal.reminder: "5" is not a day; use mon, tue, wed, thu, fri, sat or sun.'],
  ])('%j: %s', (value, message) => {
    expect(readReminder(value)).toEqual({ error: message });
  });

  it('takes spaces around the time and the days', () => {
    const reminder = readReminder({ time: ' 07:05 ', days: [' Mon ', 'TUESDAY'] }).reminder!;
    expect(reminder.minutes).toBe(7 * 60 + 5);
    expect([...reminder.days]).toEqual(['mon', 'tue']);
    expect(reminder.notify).toBe(false);
  });

  it('at its very minute, the next look is tomorrow (today is being handled now)', () => {
    const reminder = readReminder('17:30').reminder!;
    expect(msUntilNextCheck(reminder, new Date(2026, 10, 27, 17, 30))).toBe(24 * 3_600_000);
    expect(msUntilNextCheck(reminder, new Date(2026, 10, 27, 17, 29, 59))).toBe(1000);
  });
});
