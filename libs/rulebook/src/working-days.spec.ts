import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { RulebookErrorCode } from './errors';
import {
  addCalendarMonths,
  addWorkingDays,
  isKnownCalendarYear,
  isProvisionalRange,
  isWorkday,
  knownCalendarYears,
  noticeEnd,
  shanghaiEndOfDay,
  toShanghaiDate,
  workingDaysBetween,
} from './working-days';

describe('working days', () => {
  describe(isWorkday.name, () => {
    it.each([
      ['2026-09-20', true, 'a make-up Sunday before National Day'],
      ['2026-10-10', true, 'a make-up Saturday after National Day'],
      ['2026-02-14', true, 'a make-up Saturday before Spring Festival'],
      ['2026-02-28', true, 'a make-up Saturday after Spring Festival'],
      ['2026-10-01', false, 'National Day'],
      ['2026-10-07', false, 'the last day of the National Day holiday'],
      ['2026-10-08', true, 'the Thursday after the holiday (the 2026 arrangement is 1–7 October)'],
      ['2026-02-17', false, 'Spring Festival'],
      ['2026-09-25', false, 'Mid-Autumn Festival (a Friday)'],
      ['2026-11-28', false, 'an ordinary Saturday'],
      ['2026-11-30', true, 'an ordinary Monday'],
      ['2027-01-01', true, 'a weekday of 2027, a year the calendar does not know yet'],
    ])('should say %s is a workday: %s when it is %s', (date, expected) => {
      expect(isWorkday(date)).toBe(expected);
    });

    it('should read an instant as its Shanghai calendar date when given a Date', () => {
      // 2026-10-09T18:00Z is already Saturday 10 October (a make-up working day) in Shanghai.
      expect(isWorkday(new Date('2026-10-09T18:00:00Z'))).toBe(true);
      // 2026-09-30T17:00Z is 1 October 01:00 in Shanghai: a holiday.
      expect(isWorkday(new Date('2026-09-30T17:00:00Z'))).toBe(false);
    });

    it.each(['2026-02-30', '2026-1-5', '20261005', ''])(
      'should throw INVALID_DATE when the date is %p',
      (date) => {
        expect(() => isWorkday(date)).toThrow(
          expect.objectContaining({ code: RulebookErrorCode.INVALID_DATE }),
        );
      },
    );

    // Jest sandboxes process.env, so the time zone is tried in a child process.
    it.each([
      ['America/New_York', 'CALENDAR_TIMEZONE'],
      ['Asia/Shanghai', 'true'],
      ['UTC', 'true'],
    ])('should answer %s → %s for a make-up Saturday when the process runs in that zone', (tz, expected) => {
      const script = `
        const w = require(${JSON.stringify(join(__dirname, 'working-days.ts'))});
        try { process.stdout.write(String(w.isWorkday('2026-10-10'))); }
        catch (e) { process.stdout.write(String(e.code)); }`;
      const out = execFileSync(process.execPath, ['--import', 'tsx', '-e', script], {
        env: { ...process.env, TZ: tz },
        encoding: 'utf8',
      });
      expect(out).toBe(expected);
    });
  });

  describe(addWorkingDays.name, () => {
    it.each([
      ['2026-11-23', 5, '2026-11-27', 'Monday + 5 ends Friday of an ordinary week'],
      ['2026-11-23', 1, '2026-11-23', 'a working start day is day 1'],
      ['2026-11-28', 1, '2026-11-30', 'a Saturday start counts from Monday'],
      ['2026-09-28', 5, '2026-10-09', 'across National Day 2026'],
      ['2026-09-29', 5, '2026-10-10', 'across National Day, ending on the make-up Saturday'],
      ['2026-09-18', 3, '2026-09-21', 'the make-up Sunday 20 September counts'],
      ['2026-02-12', 5, '2026-02-25', 'across Spring Festival 2026, with the make-up Saturday 14 February'],
      ['2026-02-13', 2, '2026-02-14', 'the make-up Saturday is a working day'],
    ])('should go from %s by %i working days to %s (%s)', (start, n, expected) => {
      expect(addWorkingDays(start, n)).toBe(expected);
    });

    it.each([0, -1, 1.5])('should throw INVALID_PARAMETER when n is %p', (n) => {
      expect(() => addWorkingDays('2026-11-23', n)).toThrow(
        expect.objectContaining({ code: RulebookErrorCode.INVALID_PARAMETER }),
      );
    });
  });

  describe(noticeEnd.name, () => {
    it('should close a 5-working-day notice across National Day at 24:00 Shanghai of 9 October', () => {
      const period = noticeEnd('2026-09-28', 5);
      expect(period).toEqual({
        endsOn: '2026-10-09',
        provisional: false,
        closesAt: new Date('2026-10-10T00:00:00+08:00'),
      });
      expect(period.closesAt.toISOString()).toBe('2026-10-09T16:00:00.000Z');
    });

    it('should count the make-up Saturday when a notice starts on National Day eve', () => {
      expect(noticeEnd('2026-09-30', 5).endsOn).toBe('2026-10-12');
      expect(noticeEnd('2026-10-01', 5).endsOn).toBe('2026-10-13');
    });

    it('should skip the whole Spring Festival holiday', () => {
      expect(noticeEnd('2026-02-13', 5)).toMatchObject({ endsOn: '2026-02-26', provisional: false });
    });

    it('should be provisional when the period lies in 2027, which the calendar does not know', () => {
      expect(noticeEnd('2027-03-01', 5)).toMatchObject({ endsOn: '2027-03-05', provisional: true });
    });

    it('should be provisional when the period runs from 2026 into 2027', () => {
      // Weekdays count in 2027: 1 January 2027 is counted although it will surely be a holiday.
      expect(noticeEnd('2026-12-28', 5)).toMatchObject({ endsOn: '2027-01-01', provisional: true });
    });
  });

  describe(workingDaysBetween.name, () => {
    it.each([
      ['2026-11-23', '2026-11-27', 5],
      ['2026-11-27', '2026-11-23', 0],
      ['2026-09-28', '2026-10-10', 6],
      ['2026-10-01', '2026-10-07', 0],
      ['2026-02-14', '2026-02-28', 6],
    ])('should count working days from %s to %s inclusive as %i', (from, to, expected) => {
      expect(workingDaysBetween(from, to)).toBe(expected);
    });
  });

  describe('known years', () => {
    it('should read the known years from the calendar data', () => {
      const years = knownCalendarYears();
      expect(years).toContain(2026);
      expect(years).not.toContain(2027);
      expect(years[0]).toBeLessThanOrEqual(2010);
      expect(isKnownCalendarYear(2025)).toBe(true);
      expect(isProvisionalRange('2026-12-01', '2027-01-05')).toBe(true);
      expect(isProvisionalRange('2026-01-01', '2026-12-31')).toBe(false);
    });
  });

  describe('Asia/Shanghai dates', () => {
    it.each([
      ['2026-11-29T15:59:59Z', '2026-11-29'],
      ['2026-11-29T16:00:00Z', '2026-11-30'],
      ['2026-12-31T20:00:00Z', '2027-01-01'],
    ])('should read %s as %s in Shanghai', (instant, expected) => {
      expect(toShanghaiDate(new Date(instant))).toBe(expected);
    });

    it('should end a day at the next midnight +08:00', () => {
      expect(shanghaiEndOfDay('2026-10-09').toISOString()).toBe('2026-10-09T16:00:00.000Z');
    });

    it('should clamp to the end of a shorter month when adding months', () => {
      expect(addCalendarMonths('2024-02-29', 12)).toBe('2025-02-28');
      expect(addCalendarMonths('2026-08-31', 3)).toBe('2026-11-30');
    });

    it('should throw INVALID_DATE when the instant is invalid', () => {
      expect(() => toShanghaiDate(new Date('nope'))).toThrow(
        expect.objectContaining({ code: RulebookErrorCode.INVALID_DATE }),
      );
    });
  });
});
