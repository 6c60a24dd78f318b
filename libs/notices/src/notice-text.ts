import type { IsoDate, NoticeKind } from '@app/rulebook';
import { GENDER_LABELS, type Gender } from '@app/cases';

/**
 * The text of a public notice, generated in Chinese from the candidates' particulars. Pure: the
 * service gathers the data, this decides the wording (unit-tested), the HTML page and any later
 * document show it as is.
 */

export interface NoticeTextCandidate {
  readonly name: string;
  readonly gender: Gender;
  /** YYYY-MM-DD; only the year and month are published. */
  readonly birthDate: string;
  readonly currentPost: string;
  readonly proposedPost?: string | null;
}

export interface NoticeTextInput {
  readonly kind: NoticeKind;
  readonly selectionTitle: string;
  readonly issuer: string;
  readonly candidates: readonly NoticeTextCandidate[];
  readonly startsOn: IsoDate;
  readonly endsOn: IsoDate;
  readonly workingDays: number;
  /** The calendar of some year of the period is not published yet: dates are provisional. */
  readonly provisional: boolean;
  /** Advance notice only. */
  readonly inspectionStartsOn?: IsoDate | null;
  /** Advance notice only: the inspection team's names. */
  readonly teamMembers?: readonly string[];
  readonly reporting: { readonly url: string; readonly phone: string; readonly address: string };
  /** Date printed under the issuer (the day the notice was recorded). */
  readonly issuedOn: IsoDate;
}

export const PROVISIONAL_MARK = '（暂定）';

/** 2026-09-30 → 2026年9月30日 (GB/T 9704: Arabic numerals, no leading zeros). */
export function formatDateZh(date: IsoDate): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** 1980-05-17 → 1980年5月 (notices publish the month of birth, not the day). */
export function formatBirthMonthZh(date: string): string {
  const [y, m] = date.split('-').map(Number);
  return `${y}年${m}月`;
}

/** The end date as shown anywhere: marked （暂定） while the calendar of its year is unknown. */
export function formatEndDateZh(endsOn: IsoDate, provisional: boolean): string {
  return `${formatDateZh(endsOn)}${provisional ? PROVISIONAL_MARK : ''}`;
}

export function noticeTitle(kind: NoticeKind, selectionTitle: string): string {
  switch (kind) {
    case 'advance':
      return `${selectionTitle}考察预告`;
    case 'inspection':
      return `${selectionTitle}考察对象公示`;
    case 'performance':
      return `${selectionTitle}考察对象政绩公示`;
    case 'pre_appointment':
      return `${selectionTitle}干部任前公示`;
  }
}

/** 张三，男，1980年5月生，现任示范县财政局副局长，拟任示范县审计局局长。 */
export function candidateLine(c: NoticeTextCandidate, index: number): string {
  const parts = [c.name, GENDER_LABELS[c.gender], `${formatBirthMonthZh(c.birthDate)}生`, `现任${c.currentPost}`];
  if (c.proposedPost) parts.push(`拟任${c.proposedPost}`);
  return `${index + 1}. ${parts.join('，')}。`;
}

function opening(input: NoticeTextInput): string {
  switch (input.kind) {
    case 'advance':
      return (
        `根据干部工作安排，经研究，县委组织部考察组将于${formatDateZh(input.inspectionStartsOn ?? input.endsOn)}起` +
        `对下列同志进行考察（${input.selectionTitle}）。现将考察有关事项预告如下：`
      );
    case 'inspection':
      return '根据《党政领导干部选拔任用工作条例》有关规定，经民主推荐、研究确定，下列同志为考察对象，现予以公示：';
    case 'performance':
      return '根据《党政领导干部选拔任用工作条例》和干部考察工作有关要求，现将下列考察对象的主要工作实绩予以公示，接受群众监督：';
    case 'pre_appointment':
      return '根据《党政领导干部选拔任用工作条例》有关规定，经县委研究，拟对下列同志任用，现予以任前公示：';
  }
}

function periodLine(input: NoticeTextInput): string {
  const label = input.kind === 'advance' ? '预告时间' : '公示时间';
  const end = formatEndDateZh(input.endsOn, input.provisional);
  const line = `${label}：${formatDateZh(input.startsOn)}至${end}（${input.workingDays}个工作日），截止时间为${end}24时。`;
  return input.provisional
    ? `${line}当年节假日安排尚未公布，截止日期暂按周一至周五计算，以国务院公布的安排为准。`
    : line;
}

export function renderNoticeText(input: NoticeTextInput): { title: string; body: string } {
  const during = input.kind === 'advance' ? '预告期间' : '公示期间';
  const lines: string[] = [opening(input), ...input.candidates.map(candidateLine)];
  if (input.kind === 'advance') {
    const team = input.teamMembers?.length ? input.teamMembers.join('、') : '由县委组织部另行确定';
    lines.push(`考察组成员：${team}。`);
  }
  lines.push(periodLine(input));
  lines.push(
    `${during}，个人或单位可通过来电、来信、来访或网络等方式，向县委组织部反映考察对象在政治品质、道德品行、工作实绩、廉洁自律等方面的情况和问题：`,
    `（一）网上举报：${input.reporting.url}`,
    `（二）举报电话：${input.reporting.phone}`,
    `（三）来信来访地址：${input.reporting.address}`,
    '反映问题要实事求是、具体翔实，以个人名义反映的提倡署真实姓名，以单位名义反映的须加盖公章。我们将严格遵守保密纪律，对反映人和反映内容予以保密。',
    '',
    input.issuer,
    formatDateZh(input.issuedOn),
  );
  return { title: noticeTitle(input.kind, input.selectionTitle), body: lines.join('\n') };
}
