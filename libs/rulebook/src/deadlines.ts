import { NATIONAL_MIN_PRE_APPOINTMENT_NOTICE_WORKING_DAYS, type NoticeKind, type Rulebook } from './rulebooks';
import {
  addCalendarDays,
  addCalendarMonths,
  addWorkingDays,
  isWorkday,
  noticeEnd,
  toShanghaiDate,
  type DateInput,
  type IsoDate,
  type NoticePeriod,
} from './working-days';

/**
 * Dates derived from a rulebook's parameters, shared by the rules and by the services and
 * worker that schedule notices, reminders and escalations — one definition for both.
 */

/** The period a notice of `kind` must last; the pre-appointment notice never below the national 5. */
export function requiredNoticeWorkingDays(kind: NoticeKind, rulebook: Rulebook): number {
  const days = rulebook.parameters.noticeWorkingDays[kind];
  return kind === 'pre_appointment'
    ? Math.max(days, NATIONAL_MIN_PRE_APPOINTMENT_NOTICE_WORKING_DAYS)
    : days;
}

/** End date and closing instant of a notice of `kind` starting on `startsOn`. */
export function noticePeriod(kind: NoticeKind, startsOn: DateInput, rulebook: Rulebook): NoticePeriod {
  return noticeEnd(startsOn, requiredNoticeWorkingDays(kind, rulebook));
}

/**
 * Last day for a consulted unit's written opinion: the n-th working day after the day the
 * request was sent (the sending day itself is not counted, as with any time limit "within n
 * days"). Past it, the request is overdue — never treated as "no adverse opinion".
 */
export function consultationDueOn(requestedOn: DateInput, rulebook: Rulebook): IsoDate {
  const dayAfter = addCalendarDays(requestedOn, 1);
  return addWorkingDays(dayAfter, rulebook.parameters.consultationDeadlineWorkingDays);
}

/** Last calendar day (Asia/Shanghai) on which recommendation results held at `heldAt` may be used. */
export function recommendationValidUntil(heldAt: Date, rulebook: Rulebook): IsoDate {
  return addCalendarMonths(toShanghaiDate(heldAt), rulebook.parameters.recommendationValidityYears * 12);
}

/** Day by which a report found "unverifiable" must be decided. */
export function unverifiableDecisionDueOn(findingAt: Date, rulebook: Rulebook): IsoDate {
  return addCalendarMonths(toShanghaiDate(findingAt), rulebook.parameters.reportUnverifiableLimitMonths);
}

/**
 * The latest day the advance notice may be published for an inspection starting on
 * `inspectionStartsOn`: the lead-th working day before it (1 working day by default, so for an
 * inspection on Monday the notice is published on Friday at the latest).
 */
export function latestAdvanceNoticeOn(inspectionStartsOn: DateInput, rulebook: Rulebook): IsoDate {
  let day = addCalendarDays(inspectionStartsOn, -1);
  let counted = 0;
  // A few weeks back at most: the longest holiday is 9 days.
  for (let i = 0; i < 366; i++) {
    if (isWorkday(day)) {
      counted++;
      if (counted === rulebook.parameters.advanceNoticeLeadWorkingDays) {
        return day;
      }
    }
    day = addCalendarDays(day, -1);
  }
  return day;
}
