/**
 * Errors of the rulebook. They carry a stable code and no HTTP status: the API's exception
 * filter maps codes to statuses, so this pure library never learns about HTTP.
 */
export enum RulebookErrorCode {
  /** A selection refers to a rulebook version this build does not define. */
  UNKNOWN_RULEBOOK_VERSION = 'UNKNOWN_RULEBOOK_VERSION',
  /** A rulebook parameter is out of range (e.g. a pre-appointment notice below 5 working days). */
  INVALID_PARAMETER = 'INVALID_PARAMETER',
  /** A calendar date is not a real `YYYY-MM-DD` date, or an instant is not a valid Date. */
  INVALID_DATE = 'INVALID_DATE',
  /** Vote input is inconsistent (more ballots than voters, negative counts, two secretaries, ...). */
  INVALID_VOTE = 'INVALID_VOTE',
  /** A stage transition that the stage machine does not allow. */
  INVALID_TRANSITION = 'INVALID_TRANSITION',
  /**
   * The process runs in a time zone west of UTC, where `chinese-days` shifts every date by one
   * day (it parses dates as UTC and normalises them with local-time methods). Run with
   * TZ=UTC or TZ=Asia/Shanghai.
   */
  CALENDAR_TIMEZONE = 'CALENDAR_TIMEZONE',
}

export class RulebookError extends Error {
  constructor(
    readonly code: RulebookErrorCode,
    message: string,
    readonly details?: Readonly<Record<string, unknown>>,
  ) {
    super(message);
    this.name = 'RulebookError';
  }
}
