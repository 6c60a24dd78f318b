import { previousWorkday, requestSchedule } from './schedule';

describe('requestSchedule', () => {
  it('should give five working days after the sending day and a reminder on the day before when sent on a Monday', () => {
    // Monday 2026-03-02, 10:00 Shanghai
    const s = requestSchedule(new Date('2026-03-02T02:00:00Z'), '2026.1');
    expect(s.requestedOn).toBe('2026-03-02');
    expect(s.dueOn).toBe('2026-03-09');
    expect(s.dueAt.toISOString()).toBe('2026-03-09T16:00:00.000Z');
    expect(s.remindAt?.toISOString()).toBe('2026-03-06T01:00:00.000Z');
  });

  it('should skip the National Day holiday and count the make-up Saturday when the deadline crosses it', () => {
    // 2026-10-10 (Saturday) is a make-up working day; 1–7 October are holidays.
    expect(previousWorkday('2026-10-12')).toBe('2026-10-10');
    expect(previousWorkday('2026-10-08')).toBe('2026-09-30');
  });
});
