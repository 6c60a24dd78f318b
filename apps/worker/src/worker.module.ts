import { Module } from '@nestjs/common';
import { AuditModule } from '@app/audit';
import { CasesModule } from '@app/cases';
import { CommonModule } from '@app/common';
import { ConsultationsModule } from '@app/consultations';
import { DatabaseModule } from '@app/database';
import { DocumentRegistryModule } from '@app/document-registry';
import { IdentityModule } from '@app/identity';
import { NoticesModule } from '@app/notices';
import { AppLoggerModule } from '@app/platform';
import { QueueModule } from '@app/queue';
import { SupervisionModule } from '@app/supervision';
import { SystemJobs } from './system-jobs';

/** The background process: the outbox relay and every job handler; no HTTP. */
@Module({
  imports: [CommonModule, AppLoggerModule, DatabaseModule, QueueModule.forWorker(), AuditModule, IdentityModule, CasesModule, ConsultationsModule, NoticesModule, DocumentRegistryModule.forWorker(), SupervisionModule.forWorker()],
  providers: [SystemJobs],
})
export class WorkerModule {}
