import { GENDER_LABELS } from '@app/cases';
import { NOTICE_KIND_LABELS, type NoticeKind } from '@app/rulebook';
import { effectiveNoticeStatus, publicUntil } from './notice-policy';
import { formatEndDateZh } from './notice-text';
import type { NoticeCandidateEntity, NoticeEntity, NoticeStatus } from './notice.entity';

export const NOTICE_STATUS_LABELS: Readonly<Record<NoticeStatus, string>> = {
  scheduled: '待发布',
  open: '公示中',
  closed: '已结束',
  closed_with_open_reports: '已结束（举报尚在核查）',
};

export interface NoticeCandidateView {
  candidateId: string;
  name: string;
  gender: string;
  birthDate: string;
  currentPost: string;
  proposedPost: string | null;
}

export interface NoticeView {
  id: string;
  selectionId: string;
  kind: NoticeKind;
  kindLabel: string;
  status: NoticeStatus;
  statusLabel: string;
  startsOn: string;
  endsOn: string;
  /** The end date as printed, with （暂定） when provisional. */
  endsOnLabel: string;
  workingDays: number;
  closesAt: string;
  /** The calendar of a year in the period is not published: the end date may move. */
  provisional: boolean;
  inspectionStartsOn: string | null;
  title: string;
  body: string;
  publishedAt: string;
  closedAt: string | null;
  verificationCode: string | null;
  candidates: NoticeCandidateView[];
  /** Reports on this notice not yet concluded (received, investigating, or unverifiable). */
  unresolvedReports: number;
}

export interface PublicNoticeCandidateView {
  id: string;
  name: string;
  gender: string;
  /** YYYY-MM: a public notice gives the month of birth, not the day. */
  birthMonth: string;
  currentPost: string;
  proposedPost: string | null;
}

export interface PublicNoticeView {
  id: string;
  kind: NoticeKind;
  kindLabel: string;
  title: string;
  body: string;
  status: 'open' | 'closed';
  statusLabel: string;
  startsOn: string;
  endsOn: string;
  endsOnLabel: string;
  workingDays: number;
  closesAt: string;
  provisional: boolean;
  /** Last day the notice stays on the public board. */
  publicUntil: string;
  /** Reports are always accepted while the notice is visible; after closesAt they are flagged late. */
  inPeriod: boolean;
  candidates: PublicNoticeCandidateView[];
  reporting: { url: string; phone: string; address: string };
  /** The code of the notice's sealed document, once issued: checks a printed copy. */
  verificationCode: string | null;
}

const sortCandidates = (cs: NoticeCandidateEntity[]) => [...cs].sort((a, b) => a.position - b.position);

export function toNoticeView(n: NoticeEntity, candidates: NoticeCandidateEntity[], now: Date, unresolvedReports: number): NoticeView {
  const status = effectiveNoticeStatus(n, now);
  return {
    id: n.id,
    selectionId: n.selectionId,
    kind: n.kind,
    kindLabel: NOTICE_KIND_LABELS[n.kind],
    status,
    statusLabel: NOTICE_STATUS_LABELS[status],
    startsOn: n.startsOn,
    endsOn: n.endsOn,
    endsOnLabel: formatEndDateZh(n.endsOn, n.provisional),
    workingDays: n.workingDays,
    closesAt: n.closesAt.toISOString(),
    provisional: n.provisional,
    inspectionStartsOn: n.inspectionStartsOn,
    title: n.title,
    body: n.body,
    publishedAt: n.publishedAt.toISOString(),
    closedAt: n.closedAt?.toISOString() ?? null,
    verificationCode: n.verificationCode,
    candidates: sortCandidates(candidates).map((c) => ({
      candidateId: c.candidateId,
      name: c.name,
      gender: c.gender,
      birthDate: c.birthDate,
      currentPost: c.currentPost,
      proposedPost: c.proposedPost,
    })),
    unresolvedReports,
  };
}

export function toPublicNoticeView(
  n: NoticeEntity,
  candidates: NoticeCandidateEntity[],
  now: Date,
  opts: { retentionDays: number; reporting: { baseUrl: string; phone: string; address: string } },
): PublicNoticeView {
  const inPeriod = now.getTime() < n.closesAt.getTime();
  return {
    id: n.id,
    kind: n.kind,
    kindLabel: NOTICE_KIND_LABELS[n.kind],
    title: n.title,
    body: n.body,
    status: inPeriod ? 'open' : 'closed',
    statusLabel: inPeriod ? '公示中' : '已结束',
    startsOn: n.startsOn,
    endsOn: n.endsOn,
    endsOnLabel: formatEndDateZh(n.endsOn, n.provisional),
    workingDays: n.workingDays,
    closesAt: n.closesAt.toISOString(),
    provisional: n.provisional,
    publicUntil: publicUntil(n.closesAt, opts.retentionDays),
    inPeriod,
    verificationCode: n.verificationCode,
    candidates: sortCandidates(candidates).map((c) => ({
      id: c.candidateId,
      name: c.name,
      gender: GENDER_LABELS[c.gender],
      birthMonth: c.birthDate.slice(0, 7),
      currentPost: c.currentPost,
      proposedPost: c.proposedPost,
    })),
    reporting: { url: publicNoticeUrl(opts.reporting.baseUrl, n.id), phone: opts.reporting.phone, address: opts.reporting.address },
  };
}

export function publicNoticeUrl(baseUrl: string, noticeId: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/public/notices/${noticeId}`;
}
