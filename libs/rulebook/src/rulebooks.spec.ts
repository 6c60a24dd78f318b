import { RulebookError, RulebookErrorCode } from './errors';
import {
  CURRENT_RULEBOOK_VERSION,
  RULEBOOKS,
  defineRulebook,
  getRulebook,
  type RulebookParameters,
} from './rulebooks';
import { ALL_RULE_IDS } from './rules.catalogue';

const base: RulebookParameters = RULEBOOKS['2026.1'].parameters;

describe(getRulebook.name, () => {
  it('should return the first version with the county defaults', () => {
    const rulebook = getRulebook('2026.1');
    expect(CURRENT_RULEBOOK_VERSION).toBe('2026.1');
    expect(rulebook.parameters).toEqual({
      inspectionRatio: 3,
      noticeWorkingDays: { advance: 5, inspection: 5, performance: 5, pre_appointment: 5 },
      advanceNoticeLeadWorkingDays: 1,
      consultationDeadlineWorkingDays: 5,
      recommendationValidityYears: 1,
      reportUnverifiableLimitMonths: 3,
      quorum: { numerator: 2, denominator: 3 },
    });
    expect(rulebook.ruleIds).toEqual(ALL_RULE_IDS);
  });

  it.each(['2025.9', '', 'toString', '__proto__'])(
    'should throw UNKNOWN_RULEBOOK_VERSION when the version is %p',
    (version) => {
      expect(() => getRulebook(version)).toThrow(RulebookError);
      expect(() => getRulebook(version)).toThrow(
        expect.objectContaining({ code: RulebookErrorCode.UNKNOWN_RULEBOOK_VERSION }),
      );
    },
  );

  it('should be frozen so that a published version is never edited', () => {
    const rulebook = getRulebook('2026.1');
    expect(Object.isFrozen(rulebook)).toBe(true);
    expect(Object.isFrozen(rulebook.parameters.noticeWorkingDays)).toBe(true);
  });
});

describe(defineRulebook.name, () => {
  it.each<[string, Partial<RulebookParameters>]>([
    ['a pre-appointment notice below the national 5 working days', { noticeWorkingDays: { ...base.noticeWorkingDays, pre_appointment: 4 } }],
    ['a zero inspection ratio', { inspectionRatio: 0 }],
    ['a fractional notice period', { noticeWorkingDays: { ...base.noticeWorkingDays, inspection: 2.5 } }],
    ['a quorum below one half', { quorum: { numerator: 1, denominator: 3 } }],
    ['a quorum above one', { quorum: { numerator: 4, denominator: 3 } }],
    ['no advance notice lead', { advanceNoticeLeadWorkingDays: 0 }],
  ])('should throw INVALID_PARAMETER when given %s', (_label, change) => {
    expect(() => defineRulebook('x', '2027-01-01', { ...base, ...change })).toThrow(
      expect.objectContaining({ code: RulebookErrorCode.INVALID_PARAMETER }),
    );
  });

  it('should accept a longer pre-appointment notice', () => {
    const rulebook = defineRulebook('x', '2027-01-01', {
      ...base,
      noticeWorkingDays: { ...base.noticeWorkingDays, pre_appointment: 7 },
    });
    expect(rulebook.parameters.noticeWorkingDays.pre_appointment).toBe(7);
  });
});
