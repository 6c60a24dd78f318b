import { randomBytes } from 'node:crypto';
import {
  addCalendarDays,
  isReportResolved,
  toShanghaiDate,
  type NoticeKind,
  type ReportFinding,
  type ReportSnapshot,
  type Stage,
} from '@app/rulebook';
import type { NoticeStatus } from './notice.entity';
import type { ReportRecordStatus } from './report.entity';

/**
 * Pure decisions of the notices module (no Nest, no I/O, no clock: `now` is always given), kept
 * apart so they are unit-tested without a database.
 */

export const REPORT_FINDINGS = ['unfounded', 'minor', 'serious', 'unverifiable'] as const satisfies readonly ReportFinding[];

/**
 * Stages in which a notice of each kind may be published, read from domain.md's gate table:
 * - `advance` (考察预告) and `inspection` (考察公示, the targets' notice of `ten_haves.target_notice`)
 *   are conditions of targets → inspection, so they are published while fixing the targets;
 *   an inspection notice may also be republished during inspection (a candidate added late, a
 *   correction) since `three_notices.inspection_notice` is checked again before deliberation.
 * - `performance` (政绩公示) is a condition of inspection → deliberation: during inspection.
 * - `pre_appointment` (任前公示) is the stage of the same name.
 */
export const NOTICE_STAGES: Readonly<Record<NoticeKind, readonly Stage[]>> = {
  advance: ['targets'],
  inspection: ['targets', 'inspection'],
  performance: ['inspection'],
  pre_appointment: ['pre_appointment_notice'],
};

export function noticeAllowedIn(kind: NoticeKind, stage: Stage): boolean {
  return NOTICE_STAGES[kind].includes(stage);
}

interface NoticeTiming {
  readonly status: NoticeStatus;
  readonly startsOn: string;
  readonly closesAt: Date;
}

/**
 * The status as of `now`, even when the worker has not yet recorded the opening or the closing
 * (the jobs make it durable; readers never show a stale "open" after 24:00 of the last day).
 */
export function effectiveNoticeStatus(n: NoticeTiming, now: Date): NoticeStatus {
  if (n.status === 'closed' || n.status === 'closed_with_open_reports') return n.status;
  if (now.getTime() >= n.closesAt.getTime()) return 'closed';
  return n.startsOn <= toShanghaiDate(now) ? 'open' : 'scheduled';
}

/** Reports are accepted in time until 24:00 Asia/Shanghai of the last working day, exclusive. */
export function isLate(closesAt: Date, receivedAt: Date): boolean {
  return receivedAt.getTime() >= closesAt.getTime();
}

/** Public from its first day until `retentionDays` calendar days after it closed. */
export function isPubliclyVisible(n: NoticeTiming, now: Date, retentionDays: number): boolean {
  if (n.startsOn > toShanghaiDate(now)) return false;
  const until = new Date(n.closesAt.getTime() + retentionDays * 24 * 60 * 60 * 1000);
  return now.getTime() < until.getTime();
}

/** The last calendar day a closed notice stays on the public board. */
export function publicUntil(closesAt: Date, retentionDays: number): string {
  return addCalendarDays(toShanghaiDate(new Date(closesAt.getTime() - 1)), retentionDays);
}

interface ReportState {
  readonly status: ReportRecordStatus;
  readonly finding: ReportFinding | null;
}

/** The rulebook's view of a report: stored `received` is the snapshot's `open`. */
export function toSnapshotStatus(status: ReportRecordStatus): ReportSnapshot['status'] {
  return status === 'received' ? 'open' : status;
}

/**
 * Still holding the candidate: not concluded, or postponed as unverifiable. `serious` is a
 * conclusion (the candidate is excluded), `unfounded`/`minor` let the candidate continue.
 */
export function isUnresolved(r: ReportState): boolean {
  return r.status !== 'closed' || r.finding === 'unverifiable';
}

/** Lets the candidate continue (the rulebook's definition, for one report). */
export function isCleared(r: ReportState & { id: string; candidateId: string }): boolean {
  return isReportResolved({
    id: r.id,
    candidateId: r.candidateId,
    status: toSnapshotStatus(r.status),
    finding: r.finding ?? undefined,
  });
}

/**
 * What the reporter sees: never the finding. A postponed (unverifiable) report is still being
 * handled, so it shows as `investigating` rather than `closed`.
 */
export function publicReportStatus(r: ReportState): ReportRecordStatus {
  if (r.status === 'closed' && r.finding === 'unverifiable') return 'investigating';
  return r.status;
}

export const PUBLIC_REPORT_STATUS_LABELS: Readonly<Record<ReportRecordStatus, string>> = {
  received: '已受理',
  investigating: '正在核查',
  closed: '已办结',
};

// Crockford base32: no I, L, O, U, so a code read over the phone is not misheard.
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const RECEIPT_CODE_LENGTH = 12;
const RECEIPT_CODE = /^[0-9A-HJKMNP-TV-Z]{12}$/;

/** 12 Crockford base32 characters, 60 random bits: unguessable, short enough to write down. */
export function makeReceiptCode(random: (n: number) => Buffer = randomBytes): string {
  const bytes = random(RECEIPT_CODE_LENGTH);
  let out = '';
  // 256 is a multiple of 32, so the low five bits of a random byte are uniform.
  for (let i = 0; i < RECEIPT_CODE_LENGTH; i++) out += CROCKFORD[bytes[i] & 31];
  return out;
}

/** Accepts lower case, hyphens and spaces, and the look-alikes I/L → 1, O → 0; null if invalid. */
export function normalizeReceiptCode(input: string): string | null {
  const code = input
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/[IL]/g, '1')
    .replace(/O/g, '0');
  return RECEIPT_CODE.test(code) ? code : null;
}
