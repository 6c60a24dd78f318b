import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { AuditModule } from '@app/audit';
import { CasesModule } from '@app/cases';
import { CommonModule } from '@app/common';
import { ConsultationsModule, QueueDashboardModule } from '@app/consultations';
import { DatabaseModule } from '@app/database';
import { DocumentRegistryModule } from '@app/document-registry';
import { IdentityModule, JwtAuthGuard, RolesGuard } from '@app/identity';
import { NoticesModule } from '@app/notices';
import { AppLoggerModule, HealthController, TestClockModule } from '@app/platform';
import { QueueModule } from '@app/queue';
import { SupervisionModule } from '@app/supervision';
import { WorkflowModule } from '@app/workflow';

@Module({
  imports: [
    CommonModule,
    AppLoggerModule,
    DatabaseModule,
    QueueModule.forApi(),
    AuditModule,
    IdentityModule,
    CasesModule,
    TerminusModule,
    TestClockModule.register(),
    ConsultationsModule,
    QueueDashboardModule,
    NoticesModule,
    WorkflowModule,
    DocumentRegistryModule,
    SupervisionModule,
  ],
  controllers: [HealthController],
  providers: [
    { provide: APP_GUARD, useExisting: JwtAuthGuard },
    { provide: APP_GUARD, useExisting: RolesGuard },
  ],
})
export class AppModule {}
