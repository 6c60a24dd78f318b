import { Module } from '@nestjs/common';
import { AuditModule } from '@app/audit';
import { CasesModule } from '@app/cases';
import { CommonModule } from '@app/common';
import { DatabaseModule } from '@app/database';
import { IdentityModule } from '@app/identity';
import { AppLoggerModule } from '@app/platform';
import { QueueModule } from '@app/queue';
import { SystemJobs } from './system-jobs';

/** The background process: the outbox relay and every job handler; no HTTP. */
@Module({
  imports: [CommonModule, AppLoggerModule, DatabaseModule, QueueModule.forWorker(), AuditModule, IdentityModule, CasesModule],
  providers: [SystemJobs],
})
export class WorkerModule {}
