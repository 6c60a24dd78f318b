import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { OnJob, type JobContext, type JobPayloadMap } from '@app/queue';

@Injectable()
export class SystemJobs {
  constructor(private readonly audit: AuditService) {}

  @OnJob('system.ping')
  async ping(payload: JobPayloadMap['system.ping'], ctx: JobContext): Promise<void> {
    await this.audit.append(ctx.manager, { action: 'system.ping', entity: 'outbox', entityId: ctx.jobId, after: payload });
  }
}
