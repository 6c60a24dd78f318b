import { Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CaseExtensions } from '@app/cases';
import { NoticeJobs } from './notice-jobs';
import { NoticeCandidateEntity, NoticeEntity } from './notice.entity';
import { NoticesController, ReportsController } from './notices.controller';
import { NoticesEvidence } from './notices.evidence';
import { NoticesService } from './notices.service';
import { PublicNoticesController } from './public-notices.controller';
import { ReportBodyLimitGuard } from './public-http';
import { ReportEntity } from './report.entity';
import { ReportsService } from './reports.service';

/**
 * 三公示 and the 考察预告 (public notices on working days), the public board and report intake
 * (两个一律), findings, and the jobs that open and close notices. Imported by the API (routes)
 * and the worker (job handlers).
 */
@Module({
  imports: [TypeOrmModule.forFeature([NoticeEntity, NoticeCandidateEntity, ReportEntity])],
  controllers: [NoticesController, ReportsController, PublicNoticesController],
  providers: [NoticesService, ReportsService, NoticesEvidence, NoticeJobs, ReportBodyLimitGuard],
  exports: [NoticesService, ReportsService],
})
export class NoticesModule implements OnModuleInit {
  constructor(
    private readonly extensions: CaseExtensions,
    private readonly evidence: NoticesEvidence,
  ) {}

  /** The workflow builds each rule snapshot from CaseExtensions: notices and reports come from here. */
  onModuleInit(): void {
    this.extensions.registerEvidence(this.evidence);
  }
}
