import { DynamicModule, Injectable, Module, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CaseExtensions } from '@app/cases';
import { ConsultationsModule, LetterDocuments } from '@app/consultations';
import { NoticesModule } from '@app/notices';
import { WorkflowModule } from '@app/workflow';
import { DocumentBlobEntity, DocumentEntity, DocumentSignOffEntity, DossierAssessmentEntity } from './document.entity';
import { DecisionDocuments } from './decision-documents';
import { DocumentJobs } from './document-jobs';
import { DocumentRegistryService } from './document-registry.service';
import { DocumentsController } from './documents.controller';
import { IssuedDocuments } from './issued-documents';
import { DossierAssembler } from './dossier-assembler';
import { DossierContributorsModule } from './dossier-contributors';
import { LetterDocumentsProvider } from './letter-documents';
import { NoticeDocuments } from './notice-documents';
import { PublicVerifyController } from './public-verify.controller';
import { SealingKey } from './sealing-key';

/** At worker start-up: say at once, in one sentence, if documents cannot be sealed. */
@Injectable()
class SealingKeyCheck implements OnApplicationBootstrap {
  constructor(private readonly key: SealingKey) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.key.check();
  }
}

const imports = [
  TypeOrmModule.forFeature([DocumentEntity, DocumentBlobEntity, DocumentSignOffEntity, DossierAssessmentEntity]),
  WorkflowModule,
  ConsultationsModule,
  NoticesModule,
  DossierContributorsModule,
];

/**
 * Issued documents as a service: dossier versions, the team's sign-offs, sealed finals, notice
 * documents, downloads and public verification. `DocumentRegistryModule` serves the API;
 * `DocumentRegistryModule.forWorker()` adds the render and seal jobs and the signing-key check.
 */
@Module({
  imports,
  controllers: [DocumentsController, PublicVerifyController],
  providers: [DocumentRegistryService, IssuedDocuments, LetterDocumentsProvider],
  exports: [DocumentRegistryService, IssuedDocuments, DossierContributorsModule],
})
export class DocumentRegistryModule implements OnModuleInit {
  constructor(
    private readonly extensions: CaseExtensions,
    private readonly registry: DocumentRegistryService,
    private readonly letterDocuments: LetterDocuments,
    private readonly letterSource: LetterDocumentsProvider,
  ) {}

  /** The final dossier is the evidence of ten_haves.team_signatures; the letters' PDFs serve the units' inbox. */
  onModuleInit(): void {
    this.extensions.registerEvidence({ evidence: (m, selection, candidates) => this.registry.evidence(m, selection, candidates) });
    this.letterDocuments.register(this.letterSource);
  }

  static forWorker(): DynamicModule {
    return {
      module: DocumentRegistryWorkerModule,
      imports,
      providers: [
        DocumentRegistryService,
        DossierAssembler,
        NoticeDocuments,
        DecisionDocuments,
        LetterDocumentsProvider,
        SealingKey,
        SealingKeyCheck,
        DocumentJobs,
      ],
      exports: [DocumentRegistryService, DossierContributorsModule],
    };
  }
}

/** The worker's variant (a separate class, so the API's module and its controllers stay out). */
@Module({})
export class DocumentRegistryWorkerModule implements OnModuleInit {
  constructor(
    private readonly extensions: CaseExtensions,
    private readonly registry: DocumentRegistryService,
    private readonly letterDocuments: LetterDocuments,
    private readonly letterSource: LetterDocumentsProvider,
  ) {}

  /** The email deliveries (in this process) attach the letters' PDFs. */
  onModuleInit(): void {
    this.extensions.registerEvidence({ evidence: (m, selection, candidates) => this.registry.evidence(m, selection, candidates) });
    this.letterDocuments.register(this.letterSource);
  }
}
