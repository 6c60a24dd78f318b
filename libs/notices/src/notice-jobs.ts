import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { Clock } from '@app/common';
import { OnJob, OutboxService, type JobContext, type JobPayloadMap } from '@app/queue';
import { shanghaiStartOfDay, toShanghaiDate } from '@app/rulebook';
import { isUnresolved } from './notice-policy';
import { NoticeEntity, type NoticeStatus } from './notice.entity';
import { ReportEntity } from './report.entity';

/**
 * Opening and closing of notices, run by the worker from delayed outbox rows (due by the project
 * clock, so they survive restarts and Redis flushes). Each re-reads the notice and does nothing
 * if the step is already done; one that arrives early (a clock moved back) re-schedules itself.
 */
@Injectable()
export class NoticeJobs {
  constructor(
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
  ) {}

  @OnJob('notices.open')
  async open(payload: JobPayloadMap['notices.open'], ctx: JobContext): Promise<void> {
    const m = ctx.manager;
    const notice = await m.findOne(NoticeEntity, { where: { id: payload.noticeId }, lock: { mode: 'pessimistic_write' } });
    if (!notice || notice.status !== 'scheduled') return;
    if (notice.startsOn > toShanghaiDate(this.clock.now())) {
      await this.outbox.enqueue(m, 'notices.open', payload, { runAt: shanghaiStartOfDay(notice.startsOn) });
      return;
    }
    notice.status = 'open';
    await m.save(notice);
    await this.audit.append(m, {
      selectionId: notice.selectionId,
      action: 'notice.opened',
      entity: 'notice',
      entityId: notice.id,
      before: { status: 'scheduled' },
      after: { status: 'open', startsOn: notice.startsOn },
    });
  }

  @OnJob('notices.close')
  async close(payload: JobPayloadMap['notices.close'], ctx: JobContext): Promise<void> {
    const m = ctx.manager;
    // FOR UPDATE waits for any report being filed under a share lock at the last moment.
    const notice = await m.findOne(NoticeEntity, { where: { id: payload.noticeId }, lock: { mode: 'pessimistic_write' } });
    if (!notice || notice.status === 'closed' || notice.status === 'closed_with_open_reports') return;
    const now = this.clock.now();
    if (now.getTime() < notice.closesAt.getTime()) {
      await this.outbox.enqueue(m, 'notices.close', payload, { runAt: notice.closesAt });
      return;
    }
    const reports = await m.findBy(ReportEntity, { noticeId: notice.id });
    const unresolved = reports.filter(isUnresolved);
    const before = notice.status;
    const status: NoticeStatus = unresolved.length > 0 ? 'closed_with_open_reports' : 'closed';
    notice.status = status;
    notice.closedAt = now;
    await m.save(notice);
    await this.audit.append(m, {
      selectionId: notice.selectionId,
      action: 'notice.closed',
      entity: 'notice',
      entityId: notice.id,
      before: { status: before },
      after: {
        status,
        endsOn: notice.endsOn,
        closesAt: notice.closesAt.toISOString(),
        reports: reports.length,
        unresolvedReportIds: unresolved.map((r) => r.id),
      },
    });
  }
}
