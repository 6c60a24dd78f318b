import type { Content } from 'pdfmake/interfaces';
import { formatLocalDate, formatPeriod, formatYearMonthDot, GENDER_ZH } from '../format';
import { dataTable, paragraph } from '../layout';
import type { CandidateSummary, NoticePeriod, ReportChannels } from '../types';

/**
 * Pieces shared by the four public notices (预告 and the 三公示). Kept here, not in layout.ts,
 * because they are about notices, not about the page.
 */

/** 姓名 / 性别 / 出生年月 / 现任职务 (/ 拟任职务 when any candidate has one). */
export function candidateTable(candidates: CandidateSummary[]): Content {
  const withProposed = candidates.some((c) => c.proposedPost);
  const headers = ['序号', '姓名', '性别', '出生年月', '现任职务', ...(withProposed ? ['拟任职务'] : [])];
  const rows = candidates.map((c, i) => [
    { text: String(i + 1), alignment: 'center' as const },
    { text: c.name, alignment: 'center' as const },
    { text: GENDER_ZH[c.gender], alignment: 'center' as const },
    { text: formatYearMonthDot(c.birthDate), alignment: 'center' as const },
    c.currentPost,
    ...(withProposed ? [c.proposedPost ?? '—'] : []),
  ]);
  const widths = withProposed ? [28, 52, 30, 50, '*', '*'] : [28, 56, 32, 56, '*'];
  return dataTable(headers, rows, widths);
}

/**
 * The one-sentence résumé used by 任前公示 and 政绩公示:
 * 王鑫珺，男，汉族，1985年3月生，…，现任…，拟任…。
 */
export function candidateResume(c: CandidateSummary): string {
  const parts = [c.name, GENDER_ZH[c.gender]];
  if (c.ethnicity) {
    parts.push(c.ethnicity);
  }
  parts.push(`${formatLocalDate(c.birthDate)}生`);
  if (c.nativePlace) {
    parts.push(`${c.nativePlace}人`);
  }
  if (c.education) {
    parts.push(c.education);
  }
  if (c.workStartDate) {
    parts.push(`${formatLocalDate(c.workStartDate)}参加工作`);
  }
  if (c.partyJoinDate) {
    parts.push(`${formatLocalDate(c.partyJoinDate)}加入中国共产党`);
  }
  parts.push(`现任${c.currentPost}`);
  if (c.proposedPost) {
    parts.push(`拟任${c.proposedPost}`);
  }
  return `${parts.join('，')}。`;
}

export function periodParagraph(label: string, period: NoticePeriod): Content {
  return paragraph(`${label}：${formatPeriod(period)}。`);
}

/**
 * How to report. The wording follows the usual county notices: real names encouraged,
 * facts required, the reporter's identity kept confidential.
 */
export function reportingParagraphs(reporting: ReportChannels, during: string): Content[] {
  const office = reporting.receivingOffice ?? '县委组织部';
  const out: Content[] = [
    paragraph(
      `${during}，个人或单位可通过来电、来信、来访或网络等方式，向${office}反映有关情况和问题。` +
        '反映问题要实事求是、具体翔实，以个人名义反映的提倡署真实姓名，以单位名义反映的须加盖公章。' +
        '我们将严格遵守保密纪律，对反映人和反映内容予以保密。',
    ),
  ];
  if (reporting.phone) {
    out.push(paragraph(`受理电话：${reporting.phone}`));
  }
  if (reporting.publicUrl) {
    out.push(paragraph(`网上举报：${reporting.publicUrl}`));
  }
  if (reporting.address) {
    out.push(paragraph(`来信来访地址：${reporting.address}`));
  }
  return out;
}
