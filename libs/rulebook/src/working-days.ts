import { getDayDetail, isWorkday as calendarIsWorkday } from 'chinese-days';
import { RulebookError, RulebookErrorCode } from './errors';

/**
 * Working-day arithmetic on the official calendar of the State Council (holidays and make-up
 * working days, 调休), in Asia/Shanghai, wrapping `chinese-days`.
 *
 * Traps this module exists to contain:
 * - `getWorkdaysInRange(a, b, false)` drops make-up Saturdays: never used here; we walk day by
 *   day with `isWorkday`.
 * - The calendar only knows published years (the State Council publishes next year's
 *   arrangement in November). For other years weekdays count and results are `provisional`.
 * - `chinese-days` shifts dates by one day in time zones west of UTC; we detect it and throw
 *   instead of silently counting the wrong days.
 *
 * Dates are calendar dates `YYYY-MM-DD` in Asia/Shanghai. China has kept UTC+8 without daylight
 * saving since 1991, so conversion is a fixed offset and needs no time-zone database.
 */

export type IsoDate = string;
/** A calendar date, or an instant that is read as its Asia/Shanghai calendar date. */
export type DateInput = IsoDate | Date;

const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
/** Longest span we walk; far beyond any notice or deadline, it only stops runaway input. */
const MAX_WALK_DAYS = 3660;

function invalidDate(value: unknown): never {
  throw new RulebookError(RulebookErrorCode.INVALID_DATE, `Not a valid date: ${String(value)}`, {
    value: String(value),
  });
}

/** Midnight UTC of the calendar date: used only as a day counter, never as an instant. */
function toUtcDay(date: IsoDate): number {
  const match = ISO_DATE.exec(date);
  if (!match) {
    invalidDate(date);
  }
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(y, m - 1, d);
  const back = new Date(ms);
  // Reject 2026-02-30 and the like, which Date.UTC would roll over silently.
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d) {
    invalidDate(date);
  }
  return ms;
}

function fromUtcDay(ms: number): IsoDate {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Checks and normalises a `YYYY-MM-DD` date; throws INVALID_DATE otherwise. */
export function assertIsoDate(date: IsoDate): IsoDate {
  toUtcDay(date);
  return date;
}

/** The Asia/Shanghai calendar date of an instant. */
export function toShanghaiDate(instant: Date): IsoDate {
  if (!(instant instanceof Date) || Number.isNaN(instant.getTime())) {
    invalidDate(instant);
  }
  return fromUtcDay(instant.getTime() + SHANGHAI_OFFSET_MS);
}

function toDate(input: DateInput): IsoDate {
  return typeof input === 'string' ? assertIsoDate(input) : toShanghaiDate(input);
}

/** 00:00 Asia/Shanghai at the start of `date`. */
export function shanghaiStartOfDay(date: DateInput): Date {
  return new Date(toUtcDay(toDate(date)) - SHANGHAI_OFFSET_MS);
}

/** 24:00 Asia/Shanghai at the end of `date`, i.e. 00:00 +08:00 of the next day. */
export function shanghaiEndOfDay(date: DateInput): Date {
  return new Date(toUtcDay(toDate(date)) + DAY_MS - SHANGHAI_OFFSET_MS);
}

export function addCalendarDays(date: DateInput, days: number): IsoDate {
  return fromUtcDay(toUtcDay(toDate(date)) + days * DAY_MS);
}

/** Adds months, clamping to the last day of a shorter month (2024-02-29 + 12 → 2025-02-28). */
export function addCalendarMonths(date: DateInput, months: number): IsoDate {
  const iso = toDate(date);
  const [y, m, d] = iso.split('-').map(Number);
  const targetMonth = m - 1 + months;
  const lastDay = new Date(Date.UTC(y, targetMonth + 1, 0)).getUTCDate();
  return fromUtcDay(Date.UTC(y, targetMonth, Math.min(d, lastDay)));
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function calendarDaysBetween(from: DateInput, to: DateInput): number {
  return Math.round((toUtcDay(toDate(to)) - toUtcDay(toDate(from))) / DAY_MS);
}

const knownYearCache = new Map<number, boolean>();

/**
 * Whether `chinese-days` holds the official arrangement for `year`. Read from the library's own
 * data rather than a hard-coded year, so upgrading the package extends it: every published
 * arrangement makes 1 January (元旦) a holiday, whereas for an unknown year the library
 * falls back to the weekday name.
 */
export function isKnownCalendarYear(year: number): boolean {
  let known = knownYearCache.get(year);
  if (known === undefined) {
    const detail = getDayDetail(`${String(year).padStart(4, '0')}-01-01`);
    known = !WEEKDAY_NAMES.includes(detail.name);
    knownYearCache.set(year, known);
  }
  return known;
}

/** The years the calendar knows, scanned over a range wide enough for any selection. */
export function knownCalendarYears(fromYear = 2000, toYear = 2100): number[] {
  const years: number[] = [];
  for (let y = fromYear; y <= toYear; y++) {
    if (isKnownCalendarYear(y)) {
      years.push(y);
    }
  }
  return years;
}

function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}

/** True when the calendar does not know the year of `date`: only weekdays were counted. */
export function isProvisionalDate(date: DateInput): boolean {
  return !isKnownCalendarYear(yearOf(toDate(date)));
}

export function isWorkday(date: DateInput): boolean {
  const iso = toDate(date);
  // getDayDetail echoes the date it looked up; west of UTC it answers for the day before.
  const echoed = getDayDetail(iso).date;
  if (echoed !== iso) {
    throw new RulebookError(
      RulebookErrorCode.CALENDAR_TIMEZONE,
      `chinese-days read ${iso} as ${echoed}: run the process with TZ=UTC or TZ=Asia/Shanghai`,
      { date: iso, read: echoed },
    );
  }
  return calendarIsWorkday(iso);
}

export interface WorkingDaySpan {
  /** The last working day of the span. */
  readonly endsOn: IsoDate;
  /** Some day of the span lies in a year the calendar does not know yet. */
  readonly provisional: boolean;
}

/**
 * Walks forward to the `n`-th working day, counting `start` itself as day 1 when it is a working
 * day (a 5-working-day notice starting on a Monday of a normal week ends that Friday).
 */
export function workingDaySpan(start: DateInput, n: number): WorkingDaySpan {
  if (!Number.isInteger(n) || n < 1) {
    throw new RulebookError(
      RulebookErrorCode.INVALID_PARAMETER,
      `A number of working days must be a positive integer, got ${n}`,
      { value: n },
    );
  }
  let day = toDate(start);
  let provisional = false;
  let counted = 0;
  for (let walked = 0; walked <= MAX_WALK_DAYS; walked++) {
    provisional ||= isProvisionalDate(day);
    if (isWorkday(day)) {
      counted++;
      if (counted === n) {
        return { endsOn: day, provisional };
      }
    }
    day = addCalendarDays(day, 1);
  }
  throw new RulebookError(RulebookErrorCode.INVALID_PARAMETER, `Too many working days: ${n}`, {
    value: n,
  });
}

/** The `n`-th working day from `start`, `start` being day 1 if it is a working day. */
export function addWorkingDays(start: DateInput, n: number): IsoDate {
  return workingDaySpan(start, n).endsOn;
}

export interface NoticePeriod extends WorkingDaySpan {
  /** 24:00 Asia/Shanghai at the end of `endsOn`: reports are accepted until this instant. */
  readonly closesAt: Date;
}

export function noticeEnd(startsOn: DateInput, workingDays: number): NoticePeriod {
  const span = workingDaySpan(startsOn, workingDays);
  return { ...span, closesAt: shanghaiEndOfDay(span.endsOn) };
}

/** Working days in `[from, to]`, both ends included; 0 when `to` is before `from`. */
export function workingDaysBetween(from: DateInput, to: DateInput): number {
  const start = toDate(from);
  const days = calendarDaysBetween(start, to);
  if (days > MAX_WALK_DAYS) {
    throw new RulebookError(RulebookErrorCode.INVALID_PARAMETER, `Range too long: ${days} days`, {
      from: start,
      to: toDate(to),
    });
  }
  let count = 0;
  for (let i = 0; i <= days; i++) {
    if (isWorkday(addCalendarDays(start, i))) {
      count++;
    }
  }
  return count;
}

/** True when any day of `[from, to]` lies in a year the calendar does not know. */
export function isProvisionalRange(from: DateInput, to: DateInput): boolean {
  const a = yearOf(toDate(from));
  const b = yearOf(toDate(to));
  for (let y = Math.min(a, b); y <= Math.max(a, b); y++) {
    if (!isKnownCalendarYear(y)) {
      return true;
    }
  }
  return false;
}
