import { DynamicModule, Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CaseExtensions } from '@app/cases';
import { ConsultationsModule } from '@app/consultations';
import { DocumentRegistryModule, DossierContributors, DossierContributorsModule } from '@app/document-registry';
import { WorkflowModule } from '@app/workflow';
import { AttendanceService } from './attendance.service';
import { CopiesService } from './copies.service';
import { DashboardService } from './dashboard.service';
import { SupervisionDossierContributor } from './dossier-contributor';
import { RecordService } from './record.service';
import { RemarksService } from './remarks.service';
import { SupervisionController } from './supervision.controller';
import { SUPERVISION_ENTITIES } from './supervision.entities';
import { SupervisionEvidence } from './supervision.evidence';
import { SupervisionAccess } from './supervision-access';
import { SupervisorsService } from './supervisors.service';

/**
 * Volunteer supervision (义务监督) and the documentary record (纪实): supervisors and their
 * assignments, remarks and answers (evidence of `supervision.remarks_answered`), attendance,
 * watermarked dossier copies, the record as JSON and PDF, and the department's dashboard.
 * `SupervisionModule.forWorker()` registers only the rule evidence, so snapshots built in the
 * worker see the remarks too.
 */
@Module({
  imports: [TypeOrmModule.forFeature(SUPERVISION_ENTITIES), WorkflowModule, DocumentRegistryModule, ConsultationsModule],
  controllers: [SupervisionController],
  providers: [
    SupervisionAccess,
    SupervisionEvidence,
    SupervisionDossierContributor,
    SupervisorsService,
    RemarksService,
    AttendanceService,
    CopiesService,
    RecordService,
    DashboardService,
  ],
  exports: [RemarksService, RecordService],
})
export class SupervisionModule implements OnModuleInit {
  constructor(
    private readonly extensions: CaseExtensions,
    private readonly evidence: SupervisionEvidence,
    private readonly contributors: DossierContributors,
    private readonly contributor: SupervisionDossierContributor,
  ) {}

  onModuleInit(): void {
    this.extensions.registerEvidence(this.evidence);
    this.contributors.register(this.contributor);
  }

  static forWorker(): DynamicModule {
    return { module: SupervisionWorkerModule, imports: [DossierContributorsModule], providers: [SupervisionEvidence, SupervisionDossierContributor] };
  }
}

/**
 * The worker's variant: the evidence provider, and the supervisors who attended for the dossier
 * (assembled in the worker). No routes, no documents of its own.
 */
@Module({})
export class SupervisionWorkerModule implements OnModuleInit {
  constructor(
    private readonly extensions: CaseExtensions,
    private readonly evidence: SupervisionEvidence,
    private readonly contributors: DossierContributors,
    private readonly contributor: SupervisionDossierContributor,
  ) {}

  onModuleInit(): void {
    this.extensions.registerEvidence(this.evidence);
    this.contributors.register(this.contributor);
  }
}
