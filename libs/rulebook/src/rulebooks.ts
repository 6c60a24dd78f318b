import { RulebookError, RulebookErrorCode } from './errors';
import { ALL_RULE_IDS, type RuleId } from './rules.catalogue';

export const NOTICE_KINDS = ['advance', 'inspection', 'performance', 'pre_appointment'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

export const NOTICE_KIND_LABELS: Readonly<Record<NoticeKind, string>> = {
  advance: '考察预告',
  inspection: '考察公示',
  performance: '政绩公示',
  pre_appointment: '任前公示',
};

/** 条例 2019: the pre-appointment notice lasts no less than 5 working days; no rulebook may go below. */
export const NATIONAL_MIN_PRE_APPOINTMENT_NOTICE_WORKING_DAYS = 5;

/** A fraction kept as two integers so that "exactly 2/3" is compared without floating point. */
export interface Fraction {
  readonly numerator: number;
  readonly denominator: number;
}

export interface RulebookParameters {
  /** 差额考察: candidates entering inspection ≥ inspectionRatio × posts. */
  readonly inspectionRatio: number;
  /** Period of each notice, in working days (Asia/Shanghai calendar). */
  readonly noticeWorkingDays: Readonly<Record<NoticeKind, number>>;
  /** The advance notice is published at least this many working days before inspection begins. */
  readonly advanceNoticeLeadWorkingDays: number;
  /** A consulted unit answers within this many working days (then reminders, escalation). */
  readonly consultationDeadlineWorkingDays: number;
  /** Recommendation results older than this cannot be used. */
  readonly recommendationValidityYears: number;
  /** A report found "unverifiable" keeps its candidate on hold at most this long, then is decided. */
  readonly reportUnverifiableLimitMonths: number;
  /** Share of the members who should attend that must be present for a vote. */
  readonly quorum: Fraction;
}

export interface Rulebook {
  readonly version: string;
  /** Calendar date (Asia/Shanghai) from which new selections use this version. */
  readonly effectiveFrom: string;
  readonly parameters: RulebookParameters;
  /** Rules in force under this version (today: all of them). */
  readonly ruleIds: readonly RuleId[];
}

function invalid(message: string, details: Record<string, unknown>): never {
  throw new RulebookError(RulebookErrorCode.INVALID_PARAMETER, message, details);
}

function positiveInteger(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 1) {
    invalid(`${name} must be a positive integer, got ${value}`, { parameter: name, value });
  }
}

/** Throws INVALID_PARAMETER on the first parameter out of range. */
export function validateRulebookParameters(p: RulebookParameters): void {
  positiveInteger('inspectionRatio', p.inspectionRatio);
  for (const kind of NOTICE_KINDS) {
    positiveInteger(`noticeWorkingDays.${kind}`, p.noticeWorkingDays[kind]);
  }
  if (p.noticeWorkingDays.pre_appointment < NATIONAL_MIN_PRE_APPOINTMENT_NOTICE_WORKING_DAYS) {
    invalid(
      `noticeWorkingDays.pre_appointment must be at least ${NATIONAL_MIN_PRE_APPOINTMENT_NOTICE_WORKING_DAYS} working days (national minimum), got ${p.noticeWorkingDays.pre_appointment}`,
      { parameter: 'noticeWorkingDays.pre_appointment', value: p.noticeWorkingDays.pre_appointment },
    );
  }
  positiveInteger('advanceNoticeLeadWorkingDays', p.advanceNoticeLeadWorkingDays);
  positiveInteger('consultationDeadlineWorkingDays', p.consultationDeadlineWorkingDays);
  positiveInteger('recommendationValidityYears', p.recommendationValidityYears);
  positiveInteger('reportUnverifiableLimitMonths', p.reportUnverifiableLimitMonths);
  const { numerator, denominator } = p.quorum;
  positiveInteger('quorum.numerator', numerator);
  positiveInteger('quorum.denominator', denominator);
  // Below one half a minority could decide; above one no vote could ever be held.
  if (numerator * 2 < denominator || numerator > denominator) {
    invalid(`quorum must be between 1/2 and 1, got ${numerator}/${denominator}`, {
      parameter: 'quorum',
      value: `${numerator}/${denominator}`,
    });
  }
}

/** Builds a frozen, validated rulebook. */
export function defineRulebook(
  version: string,
  effectiveFrom: string,
  parameters: RulebookParameters,
  ruleIds: readonly RuleId[] = ALL_RULE_IDS,
): Rulebook {
  validateRulebookParameters(parameters);
  return Object.freeze({
    version,
    effectiveFrom,
    parameters: Object.freeze({
      ...parameters,
      noticeWorkingDays: Object.freeze({ ...parameters.noticeWorkingDays }),
      quorum: Object.freeze({ ...parameters.quorum }),
    }),
    ruleIds: Object.freeze([...ruleIds]),
  });
}

/**
 * Every rulebook version ever published. A selection pins the version it was opened under, so
 * a version, once published, is never edited: a change of rules is a new version.
 */
export const RULEBOOKS: Readonly<Record<string, Rulebook>> = Object.freeze({
  '2026.1': defineRulebook('2026.1', '2026-01-01', {
    inspectionRatio: 3,
    noticeWorkingDays: { advance: 5, inspection: 5, performance: 5, pre_appointment: 5 },
    advanceNoticeLeadWorkingDays: 1,
    consultationDeadlineWorkingDays: 5,
    recommendationValidityYears: 1,
    reportUnverifiableLimitMonths: 3,
    quorum: { numerator: 2, denominator: 3 },
  }),
});

export const CURRENT_RULEBOOK_VERSION = '2026.1';

export function getRulebook(version: string): Rulebook {
  const rulebook = Object.prototype.hasOwnProperty.call(RULEBOOKS, version)
    ? RULEBOOKS[version]
    : undefined;
  if (!rulebook) {
    throw new RulebookError(
      RulebookErrorCode.UNKNOWN_RULEBOOK_VERSION,
      `Unknown rulebook version "${version}"; known: ${Object.keys(RULEBOOKS).join(', ')}`,
      { version, known: Object.keys(RULEBOOKS) },
    );
  }
  return rulebook;
}

export function currentRulebook(): Rulebook {
  return getRulebook(CURRENT_RULEBOOK_VERSION);
}
