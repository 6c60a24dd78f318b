import {
  chineseNumeral,
  formatInstantDate,
  formatInstantDateTime,
  formatLocalDate,
  formatPeriod,
  namesForTitle,
} from './format';

describe('format', () => {
  it('should date a document in Asia/Shanghai when it is issued late in the UTC evening', () => {
    expect(formatInstantDate(new Date('2026-05-19T23:30:00Z'))).toBe('2026年5月20日');
    expect(formatInstantDateTime(new Date('2026-05-19T23:30:00Z'))).toBe('2026年5月20日 07:30');
  });

  it.each([
    ['2026-05-20', '2026年5月20日'],
    ['1985-03', '1985年3月'],
    ['2026-10-01', '2026年10月1日'],
  ])('should print %s as %s when it is a calendar date', (input, printed) => {
    expect(formatLocalDate(input)).toBe(printed);
  });

  it.each([
    [{ start: '2026-05-21', end: '2026-05-27' }, '2026年5月21日至2026年5月27日'],
    [{ start: '2026-05-21', end: '2026-05-27', workingDays: 5 }, '2026年5月21日至2026年5月27日（5个工作日）'],
    [{ start: '2026-05-21', end: '2026-05-27', provisional: true }, '2026年5月21日至2026年5月27日（暂定）'],
  ])('should print the period %j as %s', (period, printed) => {
    expect(formatPeriod(period)).toBe(printed);
  });

  it.each([
    [1, '一'],
    [10, '十'],
    [13, '十三'],
    [20, '二十'],
    [21, '二十一'],
  ])('should number heading %i as %s', (n, zh) => {
    expect(chineseNumeral(n)).toBe(zh);
  });

  it('should name several candidates as 「…等N名同志」 when there are more than one', () => {
    expect(namesForTitle(['王鑫珺'])).toBe('王鑫珺同志');
    expect(namesForTitle(['王鑫珺', '李赟燊'])).toBe('王鑫珺等2名同志');
  });
});
