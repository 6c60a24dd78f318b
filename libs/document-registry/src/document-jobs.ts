import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, LessThan, MoreThan, Not } from 'typeorm';
import { AuditService } from '@app/audit';
import { AppConfig, Clock } from '@app/common';
import type { DocumentDataByKind, DocumentKind, DossierData, IssueMeta } from '@app/documents';
import { UsersService } from '@app/identity';
import { DEFAULT_JOB_OPTIONS, OnJob, type JobContext, type JobPayloadMap } from '@app/queue';
import { decodeDocumentData, encodeDocumentData } from './data-codec';
import { DocumentBlobEntity, DocumentEntity, DocumentSignOffEntity, type DocumentStatus } from './document.entity';
import { DecisionDocuments } from './decision-documents';
import { DocumentRegistryService } from './document-registry.service';
import { DossierAssembler } from './dossier-assembler';
import { LetterDocumentsProvider } from './letter-documents';
import { isNoticeDocumentKind, NOTICE_DOCUMENT_KINDS, NoticeDocuments } from './notice-documents';
import { renderFinalDossier, renderIssued, SEAL_REASONS, SEALED_ON_ISSUE, type RenderedPdf } from './pipeline';
import { isSigningKeyError, SealingKey, sealingFailureReason } from './sealing-key';

const MAX_ATTEMPTS = DEFAULT_JOB_OPTIONS.attempts ?? 1;

/**
 * The worker's half of the registry: renders drafts and notices, seals finals. A job either
 * stores the document or, when it cannot succeed (no signing key) or on its last attempt, marks
 * it `failed` with a reason a person can read — never a document left in `rendering`.
 */
@Injectable()
export class DocumentJobs {
  private readonly logger = new Logger(DocumentJobs.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly registry: DocumentRegistryService,
    private readonly assembler: DossierAssembler,
    private readonly noticeDocuments: NoticeDocuments,
    private readonly decisionDocuments: DecisionDocuments,
    private readonly letterDocuments: LetterDocumentsProvider,
    private readonly sealingKey: SealingKey,
    private readonly users: UsersService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  /** A notice was recorded: issue its document (the notices module enqueues this in its transaction). */
  @OnJob('documents.notice')
  async notice(payload: JobPayloadMap['documents.notice'], ctx: JobContext): Promise<void> {
    const notice = await this.noticeDocuments.view(payload.noticeId).catch(() => null);
    if (!notice) return;
    await this.registry.requestNoticeDocument(ctx.manager, {
      id: notice.id,
      selectionId: notice.selectionId,
      kind: NOTICE_DOCUMENT_KINDS[notice.kind],
    });
  }

  /** A vote round was closed (the workflow enqueues this in the closing transaction): issue its 票决结果 once. */
  @OnJob('documents.vote_result')
  async voteResult(payload: JobPayloadMap['documents.vote_result'], ctx: JobContext): Promise<void> {
    const vote = await this.decisionDocuments.vote(payload.voteId, ctx.manager);
    if (!vote) return;
    await this.registry.requestIssuedDocument(ctx.manager, {
      kind: 'vote_result',
      selectionId: vote.selectionId,
      candidateId: null,
      subjectKey: vote.id,
      once: true,
    });
  }

  /** An appointment was recorded: issue its 任免通知 once, filed with the candidate's documents. */
  @OnJob('documents.appointment')
  async appointment(payload: JobPayloadMap['documents.appointment'], ctx: JobContext): Promise<void> {
    const appointment = await this.decisionDocuments.appointment(payload.appointmentId, ctx.manager);
    if (!appointment) return;
    await this.registry.requestIssuedDocument(ctx.manager, {
      kind: 'appointment_notice',
      selectionId: appointment.selectionId,
      candidateId: appointment.candidate.candidateId,
      subjectKey: appointment.id,
      once: true,
    });
  }

  /**
   * Requests were opened on a letter (consultations enqueue this in the opening transaction):
   * issue a new version listing every candidate of the letter. The outbox runs each job once.
   */
  @OnJob('documents.consultation_letter')
  async consultationLetter(payload: JobPayloadMap['documents.consultation_letter'], ctx: JobContext): Promise<void> {
    const letter = await this.letterDocuments.content(payload.letterId, ctx.manager);
    if (!letter?.unitId || letter.requests.every((r) => r.status === 'stopped')) return;
    await this.registry.requestIssuedDocument(ctx.manager, {
      kind: 'consultation_letter',
      selectionId: letter.selectionId,
      candidateId: null,
      subjectKey: letter.id,
      once: false,
    });
  }

  @OnJob('documents.render')
  async render(payload: JobPayloadMap['documents.render'], ctx: JobContext): Promise<void> {
    const doc = await ctx.manager.findOneBy(DocumentEntity, { id: payload.documentId });
    if (!doc || doc.status !== 'rendering') return;
    try {
      const meta = this.meta(doc);
      const data = await this.buildData(ctx.manager, doc, meta);
      const sealed = SEALED_ON_ISSUE.has(doc.kind);
      const rendered = await renderIssued(
        doc.kind,
        data,
        sealed ? { signer: await this.sealingKey.get(), options: this.sealOptions(doc.kind) } : undefined,
      );
      const status = sealed ? 'final' : 'draft';
      await this.store(ctx.manager, doc, rendered, data, status);
      if (doc.kind === 'dossier' || doc.kind === 'consultation_letter') await this.supersedeOlder(ctx.manager, doc, status);
    } catch (error) {
      await this.failOrRetry(doc, error, ctx);
    }
  }

  /** The last team member signed: the draft's data with the sign-off page, sealed. */
  @OnJob('documents.seal')
  async seal(payload: JobPayloadMap['documents.seal'], ctx: JobContext): Promise<void> {
    const m = ctx.manager;
    const final = await m.findOneBy(DocumentEntity, { id: payload.documentId });
    if (!final || final.status !== 'rendering' || !final.draftOf) return;
    try {
      const draft = await m
        .getRepository(DocumentEntity)
        .createQueryBuilder('d')
        .addSelect('d.data')
        .where('d.id = :id', { id: final.draftOf })
        .getOneOrFail();
      if (!draft.sha256 || !draft.data) throw new Error(`draft ${draft.id} has no rendered bytes`);
      const signOffs = await m.find(DocumentSignOffEntity, { where: { documentId: draft.id }, order: { signedAt: 'ASC' } });
      const names = new Map((await this.users.findByIds(signOffs.map((s) => s.userId))).map((u) => [u.id, u.displayName]));
      const signed = decodeDocumentData<DossierData>(draft.data);
      const data: DossierData = { ...signed, meta: { ...signed.meta, verificationCode: final.verificationCode, issuedAt: final.issuedAt } };
      const signer = await this.sealingKey.get();
      const rendered = await renderFinalDossier(
        data,
        { draftSha256: draft.sha256, signOffs: signOffs.map((s) => ({ name: names.get(s.userId) ?? '', role: '成员', signedAt: s.signedAt })) },
        signer,
        this.sealOptions('dossier'),
      );
      // A newer draft appeared while this one was being signed: the final is issued but not in force.
      const status = draft.status === 'draft' ? 'final' : 'superseded';
      await this.store(m, final, rendered, data, status);
      await m.update(DocumentEntity, { id: draft.id }, { finalDocumentId: final.id, updatedAt: this.clock.now() });
      if (status === 'final') await this.supersedeOlder(m, final, status);
    } catch (error) {
      await this.failOrRetry(final, error, ctx);
    }
  }

  private meta(doc: DocumentEntity): IssueMeta {
    return {
      issuingOrgan: this.config.NOTICE_ISSUER,
      issuedAt: doc.issuedAt,
      verificationCode: doc.verificationCode,
      publicBaseUrl: this.config.PUBLIC_BASE_URL,
    };
  }

  private sealOptions(kind: DocumentKind) {
    return { reason: SEAL_REASONS[kind], location: this.config.NOTICE_ISSUER, name: this.config.NOTICE_ISSUER, signingTime: this.clock.now() };
  }

  private async buildData(m: EntityManager, doc: DocumentEntity, meta: IssueMeta): Promise<DocumentDataByKind[DocumentKind]> {
    // Read through the pool, not the job's transaction: the snapshot runs its queries in parallel,
    // which one transaction's single connection would only serialize (and pg deprecates).
    if (doc.kind === 'dossier' && doc.candidateId) return this.assembler.assemble(this.dataSource.manager, doc.candidateId, meta);
    if (isNoticeDocumentKind(doc.kind) && doc.noticeId) return this.noticeDocuments.data(m, doc.kind, doc.noticeId, meta);
    if (doc.kind === 'vote_result') return this.decisionDocuments.voteResultData(m, doc.subjectKey, meta);
    if (doc.kind === 'appointment_notice') return this.decisionDocuments.appointmentNoticeData(m, doc.subjectKey, meta);
    if (doc.kind === 'consultation_letter') return this.letterDocuments.data(m, doc.subjectKey, meta);
    throw new Error(`no data source for a ${doc.kind} document`);
  }

  private async store(m: EntityManager, doc: DocumentEntity, rendered: RenderedPdf, data: unknown, status: DocumentStatus): Promise<void> {
    await m.insert(DocumentBlobEntity, { documentId: doc.id, pdf: rendered.pdf, size: rendered.pdf.length });
    const now = this.clock.now();
    await m.query(
      `UPDATE document SET status = $2, sha256 = $3, rendered_at = $4, updated_at = $4, data = $5::jsonb WHERE id = $1 AND status = 'rendering'`,
      [doc.id, status, rendered.sha256, now, JSON.stringify(encodeDocumentData(data))],
    );
    await this.audit.append(m, {
      selectionId: doc.selectionId,
      action: status === 'draft' ? 'document.rendered' : 'document.issued',
      entity: 'document',
      entityId: doc.id,
      after: { kind: doc.kind, version: doc.version, status, sha256: rendered.sha256, size: rendered.pdf.length },
    });
  }

  /**
   * Nothing is overwritten: older versions of the same candidate's dossier stop being in force.
   * A rendering that finishes after a newer one was issued supersedes itself instead.
   */
  private async supersedeOlder(m: EntityManager, doc: DocumentEntity, stored: DocumentStatus): Promise<void> {
    const subject = { kind: doc.kind, subjectKey: doc.subjectKey };
    const newer = await m.existsBy(DocumentEntity, { ...subject, version: MoreThan(doc.version), status: In(['draft', 'final']) });
    const targets = newer
      ? [doc]
      : await m.findBy(DocumentEntity, { ...subject, id: Not(doc.id), version: LessThan(doc.version), status: In(['draft', 'final']) });
    for (const old of targets) {
      await m.update(DocumentEntity, { id: old.id }, { status: 'superseded', updatedAt: this.clock.now() });
      await this.audit.append(m, {
        selectionId: old.selectionId,
        action: 'document.superseded',
        entity: 'document',
        entityId: old.id,
        before: { status: old.id === doc.id ? stored : old.status, version: old.version },
        after: { status: 'superseded', by: newer ? null : doc.id },
      });
    }
  }

  private async failOrRetry(doc: DocumentEntity, error: unknown, ctx: JobContext): Promise<void> {
    const permanent = isSigningKeyError(error);
    if (!permanent && ctx.attempt < MAX_ATTEMPTS) throw error;
    const reason = sealingFailureReason(error).slice(0, 2000);
    this.logger.warn(`document ${doc.id} (${doc.kind} v${doc.version}) failed: ${reason}`);
    // Its own transaction: the job's may be unusable after a database error.
    await this.dataSource.transaction(async (m) => {
      const res = await m.update(
        DocumentEntity,
        { id: doc.id, status: 'rendering' },
        { status: 'failed', failureReason: reason, updatedAt: this.clock.now() },
      );
      if (!res.affected) return;
      await this.audit.append(m, {
        selectionId: doc.selectionId,
        action: 'document.failed',
        entity: 'document',
        entityId: doc.id,
        after: { kind: doc.kind, version: doc.version, reason },
      });
    });
  }
}
