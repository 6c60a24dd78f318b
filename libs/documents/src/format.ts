import type { CheckStatus, ConsultationOpinion, Gender, LocalDate, NoticePeriod, ReportFinding } from './types';

/**
 * Every calendar rule of the system is in Asia/Shanghai; a document issued at 23:30 UTC on
 * 19 May is dated 20 May on paper.
 */
const ZONE = 'Asia/Shanghai';

const partsFormatter = new Intl.DateTimeFormat('en-GB', {
  timeZone: ZONE,
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function zonedParts(instant: Date): Record<'year' | 'month' | 'day' | 'hour' | 'minute', string> {
  const out = { year: '', month: '', day: '', hour: '', minute: '' };
  for (const p of partsFormatter.formatToParts(instant)) {
    if (p.type in out) {
      out[p.type as keyof typeof out] = p.value;
    }
  }
  return out;
}

/** GB/T 9704 writes dates with Arabic numerals and no leading zeros: 2026年5月20日. */
export function formatInstantDate(instant: Date): string {
  const p = zonedParts(instant);
  return `${Number(p.year)}年${Number(p.month)}月${Number(p.day)}日`;
}

/** 2026年5月20日 14:05 (Asia/Shanghai). */
export function formatInstantDateTime(instant: Date): string {
  const p = zonedParts(instant);
  return `${formatInstantDate(instant)} ${p.hour}:${p.minute}`;
}

/** 2026.05.20 on one line and 14:05 on the next: fits the narrow time columns of tables. */
export function formatInstantForTable(instant: Date): string {
  const p = zonedParts(instant);
  return `${p.year}.${p.month.padStart(2, '0')}.${p.day.padStart(2, '0')}\n${p.hour}:${p.minute}`;
}

/** `YYYY-MM-DD` → 2026年5月20日, `YYYY-MM` → 1985年3月 (birth dates, posts held). */
export function formatLocalDate(date: LocalDate): string {
  const m = /^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?$/.exec(date);
  if (!m) {
    return date;
  }
  const [, y, mo, d] = m;
  return d === undefined ? `${y}年${Number(mo)}月` : `${y}年${Number(mo)}月${Number(d)}日`;
}

/** 1985.03: the compact form used in tables of cadres (出生年月 column). */
export function formatYearMonthDot(date: LocalDate): string {
  const m = /^(\d{4})-(\d{1,2})/.exec(date);
  return m ? `${m[1]}.${m[2].padStart(2, '0')}` : date;
}

/** 2026年5月21日至2026年5月27日（5个工作日）（暂定） */
export function formatPeriod(period: NoticePeriod): string {
  let text = `${formatLocalDate(period.start)}至${formatLocalDate(period.end)}`;
  if (period.workingDays !== undefined) {
    text += `（${period.workingDays}个工作日）`;
  }
  if (period.provisional) {
    text += '（暂定）';
  }
  return text;
}

export const GENDER_ZH: Record<Gender, string> = { male: '男', female: '女' };

export const OPINION_ZH: Record<ConsultationOpinion, string> = {
  no_adverse: '无不良反映',
  adverse: '有问题',
  under_investigation: '正在立案调查',
};

/** An unanswered consultation is printed as such: silence is never clearance. */
export const OPINION_MISSING_ZH = '尚未回复';

export const CHECK_STATUS_ZH: Record<CheckStatus, string> = {
  met: '符合',
  unmet: '未满足',
  waived: '已豁免',
  not_applicable: '不适用',
};

export const REPORT_FINDING_ZH: Record<ReportFinding, string> = {
  unfounded: '反映不实',
  minor: '问题轻微',
  serious: '问题严重',
  unverifiable: '一时难以查清',
  pending: '正在核查',
};

const CN_NUMERALS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** 1 → 一, 12 → 十二, 21 → 二十一: numbering of level-1 headings (一、二、…). */
export function chineseNumeral(n: number): string {
  if (n <= 10) {
    return CN_NUMERALS[n];
  }
  if (n < 20) {
    return `十${CN_NUMERALS[n - 10]}`;
  }
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${CN_NUMERALS[tens]}十${ones === 0 ? '' : CN_NUMERALS[ones]}`;
}

/** 王鑫珺、李赟等3名同志 — used in titles when there are several candidates. */
export function namesForTitle(names: string[]): string {
  if (names.length === 0) {
    return '';
  }
  if (names.length === 1) {
    return `${names[0]}同志`;
  }
  return `${names[0]}等${names.length}名同志`;
}

export function percent(part: number, whole: number): string {
  if (whole <= 0) {
    return '—';
  }
  return `${((part * 100) / whole).toFixed(1)}%`;
}
