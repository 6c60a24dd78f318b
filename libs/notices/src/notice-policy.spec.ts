import { noticeEnd } from '@app/rulebook';
import {
  effectiveNoticeStatus,
  isLate,
  isPubliclyVisible,
  isUnresolved,
  makeReceiptCode,
  noticeAllowedIn,
  normalizeReceiptCode,
  publicReportStatus,
  toSnapshotStatus,
} from './notice-policy';

describe('noticeAllowedIn', () => {
  it('should allow advance and inspection notices while fixing the targets', () => {
    expect(noticeAllowedIn('advance', 'targets')).toBe(true);
    expect(noticeAllowedIn('inspection', 'targets')).toBe(true);
    expect(noticeAllowedIn('advance', 'inspection')).toBe(false);
  });

  it('should allow the performance notice in inspection and the pre-appointment notice in its stage only', () => {
    expect(noticeAllowedIn('performance', 'inspection')).toBe(true);
    expect(noticeAllowedIn('performance', 'targets')).toBe(false);
    expect(noticeAllowedIn('pre_appointment', 'pre_appointment_notice')).toBe(true);
    expect(noticeAllowedIn('pre_appointment', 'decision')).toBe(false);
  });
});

describe('notice period', () => {
  // 2026-09-30 + 5 working days: 9/30, 10/8, 10/9, 10/10 (make-up Saturday), 10/12.
  const { closesAt } = noticeEnd('2026-09-30', 5);

  it('should take a report at 23:59 of the last working day as in time when the period ends at 24:00 Beijing time', () => {
    expect(closesAt.toISOString()).toBe('2026-10-12T16:00:00.000Z');
    expect(isLate(closesAt, new Date('2026-10-12T23:59:00+08:00'))).toBe(false);
  });

  it('should flag a report at 00:01 of the next day as late', () => {
    expect(isLate(closesAt, new Date('2026-10-13T00:01:00+08:00'))).toBe(true);
    expect(isLate(closesAt, new Date('2026-10-13T00:00:00+08:00'))).toBe(true);
  });

  it('should compute the status as of now even before the jobs ran', () => {
    const n = { status: 'scheduled' as const, startsOn: '2026-09-30', closesAt };
    expect(effectiveNoticeStatus(n, new Date('2026-09-29T20:00:00+08:00'))).toBe('scheduled');
    expect(effectiveNoticeStatus(n, new Date('2026-09-30T00:00:00+08:00'))).toBe('open');
    expect(effectiveNoticeStatus(n, new Date('2026-10-13T00:00:00+08:00'))).toBe('closed');
    expect(effectiveNoticeStatus({ ...n, status: 'closed_with_open_reports' }, new Date('2026-10-14T00:00:00+08:00'))).toBe(
      'closed_with_open_reports',
    );
  });

  it('should keep a closed notice public for the retention days only', () => {
    const n = { status: 'closed' as const, startsOn: '2026-09-30', closesAt };
    expect(isPubliclyVisible(n, new Date('2026-09-29T12:00:00+08:00'), 30)).toBe(false);
    expect(isPubliclyVisible(n, new Date('2026-11-11T23:00:00+08:00'), 30)).toBe(true);
    expect(isPubliclyVisible(n, new Date('2026-11-12T00:00:00+08:00'), 30)).toBe(false);
  });
});

describe('reports', () => {
  it('should treat received, investigating and unverifiable reports as unresolved', () => {
    expect(isUnresolved({ status: 'received', finding: null })).toBe(true);
    expect(isUnresolved({ status: 'investigating', finding: null })).toBe(true);
    expect(isUnresolved({ status: 'closed', finding: 'unverifiable' })).toBe(true);
    expect(isUnresolved({ status: 'closed', finding: 'unfounded' })).toBe(false);
    expect(isUnresolved({ status: 'closed', finding: 'serious' })).toBe(false);
  });

  it('should show the reporter an unverifiable report as still being handled, never the finding', () => {
    expect(publicReportStatus({ status: 'closed', finding: 'unverifiable' })).toBe('investigating');
    expect(publicReportStatus({ status: 'closed', finding: 'serious' })).toBe('closed');
    expect(toSnapshotStatus('received')).toBe('open');
  });

  it('should make 12-character Crockford base32 receipt codes', () => {
    const codes = new Set(Array.from({ length: 200 }, () => makeReceiptCode()));
    expect(codes.size).toBe(200);
    for (const c of codes) expect(c).toMatch(/^[0-9A-HJKMNP-TV-Z]{12}$/);
  });

  it('should normalize receipt codes typed by hand and refuse anything else', () => {
    expect(normalizeReceiptCode('abcd-efgh-jkmn')).toBe('ABCDEFGHJKMN');
    expect(normalizeReceiptCode('0O1I L2345678'.replace(' ', ''))).toBe('001112345678');
    expect(normalizeReceiptCode('UUUUUUUUUUUU')).toBeNull();
    expect(normalizeReceiptCode('short')).toBeNull();
  });
});
