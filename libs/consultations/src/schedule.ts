import { addCalendarDays, consultationDueOn, getRulebook, isWorkday, shanghaiEndOfDay, shanghaiStartOfDay, toShanghaiDate, type IsoDate } from '@app/rulebook';

/** Hour (Asia/Shanghai) at which reminders go out: the start of an office day. */
const REMINDER_HOUR = 9;

export interface RequestSchedule {
  requestedOn: IsoDate;
  /** Last working day for the answer. */
  dueOn: IsoDate;
  /** 24:00 Asia/Shanghai at the end of `dueOn`: overdue from this instant. */
  dueAt: Date;
  /** 09:00 on the working day before `dueOn`; null when that moment has already passed. */
  remindAt: Date | null;
}

export function previousWorkday(date: IsoDate): IsoDate {
  let day = addCalendarDays(date, -1);
  // The longest run of days off on the official calendar is 9; a year is far beyond it.
  for (let i = 0; i < 366 && !isWorkday(day); i++) day = addCalendarDays(day, -1);
  return day;
}

/** Deadline and reminder of a request sent at `now`, on the selection's pinned rulebook. */
export function requestSchedule(now: Date, rulebookVersion: string): RequestSchedule {
  const requestedOn = toShanghaiDate(now);
  const dueOn = consultationDueOn(requestedOn, getRulebook(rulebookVersion));
  const remindAt = new Date(shanghaiStartOfDay(previousWorkday(dueOn)).getTime() + REMINDER_HOUR * 3600_000);
  return { requestedOn, dueOn, dueAt: shanghaiEndOfDay(dueOn), remindAt: remindAt > now ? remindAt : null };
}
