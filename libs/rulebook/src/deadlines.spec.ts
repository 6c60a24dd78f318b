import {
  consultationDueOn,
  latestAdvanceNoticeOn,
  noticePeriod,
  recommendationValidUntil,
  requiredNoticeWorkingDays,
  unverifiableDecisionDueOn,
} from './deadlines';
import { defineRulebook, getRulebook } from './rulebooks';

const rulebook = getRulebook('2026.1');

describe('deadlines', () => {
  it('should give a pre-appointment notice of 5 working days across National Day', () => {
    expect(noticePeriod('pre_appointment', '2026-09-28', rulebook)).toMatchObject({
      endsOn: '2026-10-09',
      provisional: false,
    });
  });

  it('should use the rulebook period when it is longer than the national minimum', () => {
    const longer = defineRulebook('test', '2027-01-01', {
      ...rulebook.parameters,
      noticeWorkingDays: { ...rulebook.parameters.noticeWorkingDays, pre_appointment: 7 },
    });
    expect(requiredNoticeWorkingDays('pre_appointment', longer)).toBe(7);
    expect(noticePeriod('pre_appointment', '2026-11-23', longer).endsOn).toBe('2026-12-01');
  });

  it.each([
    ['2026-11-23', '2026-11-30', 'a Monday request is due the next Monday'],
    ['2026-09-29', '2026-10-12', 'the National Day holiday does not count; the make-up Saturday does'],
    ['2026-11-27', '2026-12-04', 'a Friday request is due the next Friday'],
  ])('should make a consultation sent on %s due on %s (%s)', (sent, due) => {
    expect(consultationDueOn(sent, rulebook)).toBe(due);
  });

  it.each([
    ['2026-11-30', '2026-11-27', 'Friday for a Monday inspection'],
    ['2026-10-08', '2026-09-30', 'before the holiday for an inspection right after it'],
    ['2026-10-12', '2026-10-10', 'the make-up Saturday counts'],
  ])('should require the advance notice for an inspection on %s by %s (%s)', (start, latest) => {
    expect(latestAdvanceNoticeOn(start, rulebook)).toBe(latest);
  });

  it('should keep recommendation results usable for one year to the day', () => {
    expect(recommendationValidUntil(new Date('2025-11-30T09:00:00+08:00'), rulebook)).toBe('2026-11-30');
    // 23:30 UTC is already the next day in Shanghai.
    expect(recommendationValidUntil(new Date('2025-11-29T23:30:00Z'), rulebook)).toBe('2026-11-30');
  });

  it('should give an unverifiable report 3 months on hold', () => {
    expect(unverifiableDecisionDueOn(new Date('2026-11-30T10:00:00+08:00'), rulebook)).toBe('2027-02-28');
  });
});
