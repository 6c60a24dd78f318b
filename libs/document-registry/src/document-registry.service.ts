import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { AuditService } from '@app/audit';
import { CaseAccessService, CasesService, type CandidateEntity, type EvidencePart, type SelectionEntity } from '@app/cases';
import { AppConfig, Clock, conflict, DomainException, forbidden, hasRole, notFound, type AuthUser } from '@app/common';
import { ConsultationLettersService } from '@app/consultations';
import {
  DOCUMENT_KIND_LABELS,
  makeVerificationCode,
  normalizeVerificationCode,
  sha256Hex,
  verificationUrl,
  type DocumentKind,
} from '@app/documents';
import { UsersService } from '@app/identity';
import { NoticesService } from '@app/notices';
import { OutboxService } from '@app/queue';
import {
  DOCUMENT_STATUS_LABELS,
  DocumentBlobEntity,
  DocumentEntity,
  DocumentSignOffEntity,
  DossierAssessmentEntity,
  type DocumentStatus,
} from './document.entity';
import type { AssessmentDto } from './documents.dto';

export const MAX_VERIFY_UPLOAD_BYTES = 20 * 1024 * 1024;

export interface SignOffView {
  userId: string;
  name: string;
  sha256: string;
  signedAt: Date;
}

export interface DocumentView {
  id: string;
  kind: DocumentKind;
  kindLabel: string;
  selectionId: string;
  candidateId: string | null;
  noticeId: string | null;
  version: number;
  status: DocumentStatus;
  statusLabel: string;
  failureReason: string | null;
  sha256: string | null;
  verificationCode: string;
  verificationUrl: string;
  issuedAt: Date;
  renderedAt: Date | null;
  draftOf: string | null;
  finalDocumentId: string | null;
  signOffs: SignOffView[];
  /** Dossier drafts: who of the team has signed and who has not yet. */
  team?: { memberIds: string[]; signedBy: string[]; pending: string[] };
  /** Set on the answer to the last sign-off: the final being sealed. */
  pendingFinalDocumentId?: string;
}

export interface VerifyResult {
  valid: boolean;
  kind: DocumentKind | null;
  kindLabel: string | null;
  issuedAt: Date | null;
  sha256: string | null;
  status: DocumentStatus | null;
  statusLabel: string | null;
}

export interface UploadedFile {
  buffer: Buffer;
  size: number;
  mimetype?: string;
  originalname?: string;
}

export interface PdfDownload {
  pdf: Buffer;
  filename: string;
  sha256: string;
}

/** Statuses of a document whose bytes were issued and still stand. */
const ISSUED: readonly DocumentStatus[] = ['draft', 'final', 'superseded'];

/**
 * The registry of issued documents: dossier requests, the team's sign-offs on the exact bytes
 * of a draft, downloads (every one audited) and public verification. Rendering and sealing
 * happen in the worker (DocumentJobs); this side writes rows and outbox jobs in one transaction.
 */
@Injectable()
export class DocumentRegistryService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: CaseAccessService,
    private readonly cases: CasesService,
    private readonly users: UsersService,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
    private readonly config: AppConfig,
    private readonly notices: NoticesService,
    private readonly letters: ConsultationLettersService,
  ) {}

  // ---- requests --------------------------------------------------------------------------

  /** A new dossier version for a candidate: a `rendering` row and its job, in one transaction. */
  async requestDossier(user: AuthUser, candidateId: string): Promise<{ documentId: string; status: DocumentStatus; version: number }> {
    const { candidate } = await this.access.assertRecordWriter(user, candidateId);
    return this.dataSource.transaction(async (m) => {
      const doc = await this.createRendering(m, {
        kind: 'dossier',
        selectionId: candidate.selectionId,
        candidateId: candidate.id,
        noticeId: null,
        subjectKey: candidate.id,
        createdBy: user.id,
      });
      await this.outbox.enqueue(m, 'documents.render', { documentId: doc.id });
      return { documentId: doc.id, status: doc.status, version: doc.version };
    });
  }

  /**
   * A document to issue for a notice (考察预告, 公示): the row and its render job, inside the
   * caller's transaction. Idempotent per notice: a notice already issued is not issued again.
   */
  async requestNoticeDocument(
    m: EntityManager,
    notice: { id: string; selectionId: string; kind: DocumentKind; createdBy?: string | null },
  ): Promise<DocumentEntity | null> {
    if (await m.existsBy(DocumentEntity, { noticeId: notice.id, status: In(['rendering', 'draft', 'final']) })) return null;
    const doc = await this.createRendering(m, {
      kind: notice.kind,
      selectionId: notice.selectionId,
      candidateId: null,
      noticeId: notice.id,
      subjectKey: notice.id,
      createdBy: notice.createdBy ?? null,
    });
    // The public board prints the code, so a citizen can check a printed copy against it.
    await this.notices.setVerificationCode(m, notice.id, doc.verificationCode);
    await this.outbox.enqueue(m, 'documents.render', { documentId: doc.id });
    return doc;
  }

  /**
   * A document the organization department issues on a record of another module (票决结果 per
   * vote, 任免通知 per appointment, 征求意见函 per letter): the row and its render job, inside the
   * caller's transaction. With `once`, nothing is issued when the subject already has a document
   * issued or on its way; without it each call issues a new version (a letter with new candidates).
   */
  async requestIssuedDocument(
    m: EntityManager,
    input: { kind: DocumentKind; selectionId: string; candidateId: string | null; subjectKey: string; once: boolean },
  ): Promise<DocumentEntity | null> {
    const { once, ...subject } = input;
    if (once && (await m.existsBy(DocumentEntity, { kind: subject.kind, subjectKey: subject.subjectKey, status: In(['rendering', 'draft', 'final']) }))) {
      return null;
    }
    const doc = await this.createRendering(m, { ...subject, noticeId: null, createdBy: null });
    await this.outbox.enqueue(m, 'documents.render', { documentId: doc.id });
    return doc;
  }

  async createRendering(
    m: EntityManager,
    input: Pick<DocumentEntity, 'kind' | 'selectionId' | 'candidateId' | 'noticeId' | 'subjectKey' | 'createdBy'> & { draftOf?: string; version?: number },
  ): Promise<DocumentEntity> {
    // Version numbers per subject and kind are handed out one at a time.
    await m.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`document:${input.kind}:${input.subjectKey}`]);
    let version = input.version;
    if (version === undefined) {
      const [row] = await m.query<{ max: number | null }[]>(
        'SELECT max(version) AS max FROM document WHERE kind = $1 AND subject_key = $2',
        [input.kind, input.subjectKey],
      );
      version = (row?.max ?? 0) + 1;
    }
    const doc = await m.save(
      m.create(DocumentEntity, {
        ...input,
        draftOf: input.draftOf ?? null,
        version,
        status: 'rendering',
        failureReason: null,
        sha256: null,
        verificationCode: await this.freshCode(m),
        issuedAt: this.clock.now(),
        renderedAt: null,
        finalDocumentId: null,
        createdAt: this.clock.now(),
        updatedAt: this.clock.now(),
      }),
    );
    await this.audit.append(m, {
      selectionId: doc.selectionId,
      action: 'document.requested',
      entity: 'document',
      entityId: doc.id,
      after: { kind: doc.kind, version: doc.version, candidateId: doc.candidateId, noticeId: doc.noticeId, draftOf: doc.draftOf },
    });
    return doc;
  }

  private async freshCode(m: EntityManager): Promise<string> {
    for (;;) {
      const code = makeVerificationCode();
      if (!(await m.existsBy(DocumentEntity, { verificationCode: code }))) return code;
    }
  }

  // ---- the team's assessment -------------------------------------------------------------

  async setAssessment(user: AuthUser, candidateId: string, dto: AssessmentDto) {
    const { candidate } = await this.access.assertRecordWriter(user, candidateId);
    return this.dataSource.transaction(async (m) => {
      const before = await m.findOne(DossierAssessmentEntity, { where: { candidateId }, lock: { mode: 'pessimistic_write' } });
      const saved = await m.save(
        m.create(DossierAssessmentEntity, {
          candidateId,
          selectionId: candidate.selectionId,
          strengths: dto.strengths,
          shortcomings: dto.shortcomings,
          conclusion: dto.conclusion,
          updatedBy: user.id,
          updatedAt: this.clock.now(),
          version: (before?.version ?? 0) + 1,
        }),
      );
      const view = assessmentView(saved);
      await this.audit.append(m, {
        selectionId: candidate.selectionId,
        action: 'dossier.assessment_set',
        entity: 'candidate',
        entityId: candidateId,
        before: before ? assessmentView(before) : null,
        after: view,
      });
      return view;
    });
  }

  async getAssessment(user: AuthUser, candidateId: string) {
    await this.access.assertCanViewCandidate(user, candidateId);
    const row = await this.dataSource.getRepository(DossierAssessmentEntity).findOneBy({ candidateId });
    return row ? assessmentView(row) : { candidateId, strengths: [], shortcomings: [], conclusion: '', version: 0, updatedAt: null };
  }

  // ---- reads -----------------------------------------------------------------------------

  async listForCandidate(user: AuthUser, candidateId: string): Promise<DocumentView[]> {
    await this.access.assertCanViewCandidate(user, candidateId);
    const docs = await this.dataSource
      .getRepository(DocumentEntity)
      .find({ where: { candidateId }, order: { version: 'DESC', createdAt: 'DESC' } });
    return this.views(docs);
  }

  /** Every document of a selection (notices, letters, dossiers, vote results, appointment notices), newest first. */
  async listForSelection(user: AuthUser, selectionId: string): Promise<DocumentView[]> {
    await this.access.assertCanViewSelection(user, selectionId);
    const docs = await this.dataSource
      .getRepository(DocumentEntity)
      .find({ where: { selectionId }, order: { createdAt: 'DESC', kind: 'ASC', version: 'DESC' } });
    return this.views(docs);
  }

  async get(user: AuthUser, id: string): Promise<DocumentView> {
    const doc = await this.visible(user, id);
    return (await this.views([doc]))[0];
  }

  /** The bytes, for those who may see the candidate; each download is an audited event. */
  async pdf(user: AuthUser, id: string): Promise<PdfDownload> {
    const doc = await this.visible(user, id);
    if (!doc.sha256) {
      throw new DomainException('DOCUMENT_NOT_READY', doc.status === 'failed' ? `文档生成失败：${doc.failureReason ?? ''}` : '文档尚在生成中', 409, {
        status: doc.status,
      });
    }
    const filename = await this.filename(doc);
    return this.dataSource.transaction(async (m) => {
      const blob = await m.findOneByOrFail(DocumentBlobEntity, { documentId: doc.id });
      await this.audit.append(m, {
        selectionId: doc.selectionId,
        action: 'document.downloaded',
        entity: 'document',
        entityId: doc.id,
        after: { kind: doc.kind, version: doc.version, status: doc.status, sha256: doc.sha256 },
      });
      return { pdf: blob.pdf, filename, sha256: doc.sha256! };
    });
  }

  private async filename(doc: DocumentEntity): Promise<string> {
    let who = '';
    if (doc.candidateId) {
      const candidate = await this.cases.candidate(doc.candidateId);
      who = (await this.cases.cadres([candidate.cadreId]))[0]?.name ?? '';
    }
    const suffix = doc.draftOf ? '（定稿）' : doc.kind === 'dossier' ? '（待签署稿）' : '';
    return `${DOCUMENT_KIND_LABELS[doc.kind].zh}${who ? `-${who}` : ''}-第${doc.version}版${suffix}.pdf`;
  }

  /**
   * Those who may see the selection see its documents. A consulted unit's respondent sees one
   * kind only: the 征求意见函 addressed to their own unit; anything else answers 404.
   */
  private async visible(user: AuthUser, id: string): Promise<DocumentEntity> {
    const doc = await this.dataSource.getRepository(DocumentEntity).findOneBy({ id });
    if (!doc) throw notFound('文档');
    if (await this.access.canView(user, doc.selectionId)) return doc;
    if (
      doc.kind === 'consultation_letter' &&
      hasRole(user, 'unit_respondent') &&
      user.unitId !== null &&
      (await this.letters.unitOf(doc.subjectKey)) === user.unitId
    ) {
      return doc;
    }
    throw notFound('文档');
  }

  private async views(docs: DocumentEntity[]): Promise<DocumentView[]> {
    if (docs.length === 0) return [];
    const ids = docs.map((d) => d.id);
    const signOffs = await this.dataSource
      .getRepository(DocumentSignOffEntity)
      .find({ where: { documentId: In(ids) }, order: { signedAt: 'ASC' } });
    const selectionIds = [...new Set(docs.filter((d) => d.kind === 'dossier').map((d) => d.selectionId))];
    const teams = new Map<string, string[]>();
    for (const sid of selectionIds) teams.set(sid, await this.cases.teamMemberIds(sid));
    const names = new Map(
      (await this.users.findByIds([...new Set([...signOffs.map((s) => s.userId), ...[...teams.values()].flat()])])).map((u) => [u.id, u.displayName]),
    );
    return docs.map((d) => {
      const own = signOffs.filter((s) => s.documentId === d.id);
      const view: DocumentView = {
        id: d.id,
        kind: d.kind,
        kindLabel: DOCUMENT_KIND_LABELS[d.kind].zh,
        selectionId: d.selectionId,
        candidateId: d.candidateId,
        noticeId: d.noticeId,
        version: d.version,
        status: d.status,
        statusLabel: DOCUMENT_STATUS_LABELS[d.status],
        failureReason: d.failureReason,
        sha256: d.sha256,
        verificationCode: d.verificationCode,
        verificationUrl: verificationUrl(this.config.PUBLIC_BASE_URL, d.verificationCode),
        issuedAt: d.issuedAt,
        renderedAt: d.renderedAt,
        draftOf: d.draftOf,
        finalDocumentId: d.finalDocumentId,
        signOffs: own.map((s) => ({ userId: s.userId, name: names.get(s.userId) ?? '', sha256: s.sha256, signedAt: s.signedAt })),
      };
      if (d.kind === 'dossier' && !d.draftOf) {
        const members = teams.get(d.selectionId) ?? [];
        const signed = own.map((s) => s.userId);
        view.team = { memberIds: members, signedBy: signed, pending: members.filter((u) => !signed.includes(u)) };
      }
      return view;
    });
  }

  // ---- sign-offs (十有 #10) ---------------------------------------------------------------

  /**
   * A team member signs off the exact bytes of a dossier draft. The last signature enqueues the
   * final (draft + sign-off page, sealed) in the same transaction.
   */
  async signOff(user: AuthUser, documentId: string, sha256: string): Promise<DocumentView> {
    await this.visible(user, documentId);
    const finalId = await this.dataSource.transaction(async (m) => {
      const doc = await m.findOne(DocumentEntity, { where: { id: documentId }, lock: { mode: 'pessimistic_write' } });
      if (!doc) throw notFound('文档');
      if (!(await this.access.isTeamMember(user.id, doc.selectionId, m))) {
        throw forbidden('只有本考察组成员可以签署考察材料');
      }
      if (doc.kind !== 'dossier' || doc.draftOf !== null) throw conflict('只有考察材料的待签署稿需要考察组签署');
      if (doc.status !== 'draft') {
        throw new DomainException('DOCUMENT_NOT_SIGNABLE', `该文档当前状态为「${DOCUMENT_STATUS_LABELS[doc.status]}」，不能签署`, 409, {
          status: doc.status,
        });
      }
      if (doc.finalDocumentId || (await m.existsBy(DocumentEntity, { draftOf: doc.id, status: In(['rendering', 'final']) }))) {
        throw new DomainException('ALREADY_FINAL', '考察组已全部签署，定稿已生成或正在生成', 409);
      }
      if (sha256.toLowerCase() !== doc.sha256) {
        throw new DomainException('HASH_MISMATCH', '所签署的文件摘要与该版本不一致，请重新下载最新版本核对后签署', 409, {
          expected: doc.sha256,
        });
      }
      if (await m.existsBy(DocumentSignOffEntity, { documentId: doc.id, userId: user.id })) {
        throw new DomainException('ALREADY_SIGNED', '您已签署过该版本', 409);
      }
      const signedAt = this.clock.now();
      await m.insert(DocumentSignOffEntity, { documentId: doc.id, userId: user.id, sha256: doc.sha256, signedAt });
      await this.audit.append(m, {
        selectionId: doc.selectionId,
        action: 'document.signed_off',
        entity: 'document',
        entityId: doc.id,
        after: { userId: user.id, sha256: doc.sha256, signedAt },
      });
      const team = await this.cases.teamMemberIds(doc.selectionId, m);
      const signed = new Set((await m.findBy(DocumentSignOffEntity, { documentId: doc.id })).map((s) => s.userId));
      if (team.length === 0 || !team.every((u) => signed.has(u))) return null;
      const final = await this.createRendering(m, {
        kind: 'dossier',
        selectionId: doc.selectionId,
        candidateId: doc.candidateId,
        noticeId: null,
        subjectKey: doc.subjectKey,
        createdBy: user.id,
        draftOf: doc.id,
        version: doc.version,
      });
      await this.outbox.enqueue(m, 'documents.seal', { documentId: final.id });
      return final.id;
    });
    const view = await this.get(user, documentId);
    return finalId ? { ...view, pendingFinalDocumentId: finalId } : view;
  }

  // ---- verification (public) -------------------------------------------------------------

  async verifyCode(input: string): Promise<VerifyResult> {
    const code = normalizeVerificationCode(input);
    const doc = code ? await this.dataSource.getRepository(DocumentEntity).findOneBy({ verificationCode: code }) : null;
    if (!doc || !doc.sha256) throw notFound('验证码对应的文档', { valid: false });
    return verifyView(doc);
  }

  /** Whether these exact bytes were issued: a single changed byte gives another SHA-256. */
  async verifyBytes(file: UploadedFile | undefined): Promise<VerifyResult> {
    if (!file?.buffer?.length) {
      throw new DomainException('VALIDATION_FAILED', '请求参数有误', 400, { errors: [{ field: 'file', message: '请上传 PDF 文件' }] });
    }
    if (file.size > MAX_VERIFY_UPLOAD_BYTES) {
      throw new DomainException('FILE_TOO_LARGE', '文件不能超过 20 MB', 413);
    }
    if (!file.buffer.subarray(0, 5).equals(Buffer.from('%PDF-'))) {
      throw new DomainException('VALIDATION_FAILED', '请求参数有误', 400, { errors: [{ field: 'file', message: '文件不是 PDF' }] });
    }
    const sha256 = sha256Hex(file.buffer);
    const doc = await this.dataSource
      .getRepository(DocumentEntity)
      .findOne({ where: { sha256, status: In([...ISSUED, 'revoked']) }, order: { createdAt: 'DESC' } });
    if (!doc) return { valid: false, kind: null, kindLabel: null, issuedAt: null, sha256, status: null, statusLabel: null };
    return verifyView(doc);
  }

  // ---- rule evidence (ten_haves.team_signatures) ----------------------------------------

  /** Per candidate: the sealed final dossier in force and who of the team signed its draft. */
  async evidence(m: EntityManager, selection: SelectionEntity, candidates: CandidateEntity[]): Promise<EvidencePart> {
    if (candidates.length === 0) return {};
    const finals = await m.find(DocumentEntity, {
      where: { selectionId: selection.id, kind: 'dossier', status: 'final', candidateId: In(candidates.map((c) => c.id)) },
      order: { version: 'DESC', createdAt: 'DESC' },
    });
    const current = new Map<string, DocumentEntity>();
    for (const f of finals) if (f.candidateId && !current.has(f.candidateId)) current.set(f.candidateId, f);
    const draftIds = [...current.values()].map((f) => f.draftOf).filter((x): x is string => x !== null);
    const signOffs = draftIds.length ? await m.findBy(DocumentSignOffEntity, { documentId: In(draftIds) }) : [];
    const out: NonNullable<EvidencePart['candidates']> = {};
    for (const [candidateId, f] of current) {
      out[candidateId] = {
        dossier: { finalDocumentId: f.id, signedBy: signOffs.filter((s) => s.documentId === f.draftOf).map((s) => s.userId) },
      };
    }
    return { candidates: out };
  }
}

function verifyView(doc: DocumentEntity): VerifyResult {
  return {
    valid: doc.status !== 'revoked' && doc.sha256 !== null,
    kind: doc.kind,
    kindLabel: DOCUMENT_KIND_LABELS[doc.kind].zh,
    issuedAt: doc.issuedAt,
    sha256: doc.sha256,
    status: doc.status,
    statusLabel: DOCUMENT_STATUS_LABELS[doc.status],
  };
}

function assessmentView(a: DossierAssessmentEntity) {
  return {
    candidateId: a.candidateId,
    strengths: a.strengths,
    shortcomings: a.shortcomings,
    conclusion: a.conclusion,
    version: a.version,
    updatedAt: a.updatedAt,
  };
}
