import { requiredNoticeWorkingDays, unverifiableDecisionDueOn } from './deadlines';
import type { NoticeKind } from './rulebooks';
import { met, unmet, type Outcome, type RuleContext } from './rule-context';
import type { NoticeSnapshot, ReportSnapshot } from './snapshot';
import { isProvisionalRange, shanghaiEndOfDay, workingDaysBetween } from './working-days';

/**
 * A report is resolved when closed with a finding that lets the candidate continue. `serious`
 * excludes the candidate (so a still-active candidate with it is an inconsistency, unresolved);
 * `unverifiable` keeps the candidate on hold until decided.
 */
export function isReportResolved(report: ReportSnapshot): boolean {
  return (
    report.status === 'closed' && (report.finding === 'unfounded' || report.finding === 'minor')
  );
}

/** Why a report is not resolved, with the hold limit for an unverifiable finding. */
export function describeUnresolvedReport(report: ReportSnapshot, ctx: RuleContext): string {
  if (report.status !== 'closed' || !report.finding) {
    return `report ${report.id} is not yet verified`;
  }
  if (report.finding === 'unverifiable') {
    if (!report.findingAt) {
      return `report ${report.id} is unverifiable (on hold)`;
    }
    const due = unverifiableDecisionDueOn(report.findingAt, ctx.rulebook);
    return ctx.today > due
      ? `report ${report.id} is unverifiable and its hold limit passed on ${due}: decide now`
      : `report ${report.id} is unverifiable (on hold, decide by ${due})`;
  }
  return `report ${report.id} found serious: the candidate must be excluded`;
}

/** Published and already public at `now` (a notice scheduled for later is not yet public). */
export function isPublic(notice: NoticeSnapshot, ctx: RuleContext): boolean {
  return notice.published && notice.startsOn <= ctx.today;
}

/**
 * One of the three notices, for one candidate: published, its period of the required working
 * days fully elapsed at `now` (24:00 Asia/Shanghai of its last day), and every report filed on
 * it against this candidate resolved. Any one notice of the kind that satisfies all is enough
 * (a notice may be republished).
 */
export function judgeNotice(kind: NoticeKind, candidateId: string, ctx: RuleContext): Outcome {
  const notices = ctx.snapshot.notices
    .filter((n) => n.kind === kind && n.candidateIds.includes(candidateId))
    .sort((a, b) => (a.startsOn < b.startsOn ? 1 : -1));
  if (notices.length === 0) {
    return unmet(`no ${kind} notice covers this candidate`);
  }
  let firstReason = '';
  for (const notice of notices) {
    const outcome = judgeOneNotice(notice, kind, candidateId, ctx);
    if (outcome.status === 'met') {
      return outcome;
    }
    firstReason ||= outcome.detail ?? '';
  }
  return unmet(firstReason);
}

function judgeOneNotice(
  notice: NoticeSnapshot,
  kind: NoticeKind,
  candidateId: string,
  ctx: RuleContext,
): Outcome {
  if (!isPublic(notice, ctx)) {
    return unmet(`notice ${notice.id} is not published`);
  }
  const required = requiredNoticeWorkingDays(kind, ctx.rulebook);
  const length = workingDaysBetween(notice.startsOn, notice.endsOn);
  if (length < required) {
    return unmet(
      `notice ${notice.id} lasts ${length} working days, fewer than the ${required} required`,
    );
  }
  if (ctx.snapshot.now.getTime() < shanghaiEndOfDay(notice.endsOn).getTime()) {
    const provisional = isProvisionalRange(notice.startsOn, notice.endsOn)
      ? ' (provisional calendar)'
      : '';
    return unmet(`notice ${notice.id} runs until ${notice.endsOn} 24:00${provisional}`);
  }
  const reports = ctx.snapshot.reports.filter(
    (r) => r.noticeId === notice.id && r.candidateId === candidateId,
  );
  const open = reports.filter((r) => !isReportResolved(r));
  if (open.length > 0) {
    return unmet(open.map((r) => describeUnresolvedReport(r, ctx)).join('; '));
  }
  return met([notice.id, ...reports.map((r) => r.id)]);
}
