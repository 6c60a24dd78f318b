import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '@app/audit';
import { CaseAccessService } from '@app/cases';
import { Clock, type AuthUser } from '@app/common';
import {
  buildDefinition,
  dossierDefinition,
  sha256Hex,
  withSignOffPage,
  type DocumentDataByKind,
  type DocumentKind,
  type DossierData,
} from '@app/documents';
import { UsersService } from '@app/identity';
import { decodeDocumentData, encodeDocumentData } from './data-codec';
import { DocumentBlobEntity, DocumentEntity, DocumentSignOffEntity } from './document.entity';
import { DocumentRegistryService, type DocumentView } from './document-registry.service';

export type DocumentDefinition = ReturnType<typeof buildDefinition>;

export interface CopySource {
  document: DocumentView;
  /** The definition the document was rendered from (with the sign-off page for a final). */
  definition: DocumentDefinition;
}

export interface IssuedInRequest {
  documentId: string;
  version: number;
  verificationCode: string;
  issuedAt: Date;
  sha256: string;
  pdf: Buffer;
}

/**
 * Two services for the supervision module, kept apart from the registry's own flow:
 * - the source of a watermarked copy: a document's stored definition data, re-rendered by the
 *   caller; the issued bytes are never read, let alone changed;
 * - a document rendered during a request (the 纪实表): numbered, stored and verifiable at
 *   /public/verify like any other, but unsealed (the signing key lives in the worker only).
 */
@Injectable()
export class IssuedDocuments {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly registry: DocumentRegistryService,
    private readonly access: CaseAccessService,
    private readonly users: UsersService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** The candidate's dossier in force (the latest final), else its latest draft; null when neither exists. */
  async currentDossierSource(user: AuthUser, candidateId: string): Promise<CopySource | null> {
    await this.access.assertCanViewCandidate(user, candidateId);
    const repo = this.dataSource.getRepository(DocumentEntity);
    const pick = (status: 'final' | 'draft') =>
      repo
        .createQueryBuilder('d')
        .addSelect('d.data')
        .where('d.candidate_id = :candidateId AND d.kind = :kind AND d.status = :status AND d.data IS NOT NULL', { candidateId, kind: 'dossier', status })
        .orderBy('d.version', 'DESC')
        .addOrderBy('d.created_at', 'DESC')
        .getOne();
    const doc = (await pick('final')) ?? (await pick('draft'));
    if (!doc?.data) return null;
    const data = decodeDocumentData<DossierData>(doc.data);
    let definition: DocumentDefinition;
    if (doc.draftOf) {
      const draft = await repo.findOneByOrFail({ id: doc.draftOf });
      const signOffs = await this.dataSource
        .getRepository(DocumentSignOffEntity)
        .find({ where: { documentId: draft.id }, order: { signedAt: 'ASC' } });
      const names = new Map((await this.users.findByIds(signOffs.map((s) => s.userId))).map((u) => [u.id, u.displayName]));
      definition = withSignOffPage(dossierDefinition(data), {
        draftSha256: draft.sha256 ?? '',
        signOffs: signOffs.map((s) => ({ name: names.get(s.userId) ?? '', role: '成员', signedAt: s.signedAt })),
      });
    } else {
      definition = buildDefinition('dossier', data);
    }
    return { document: await this.registry.get(user, doc.id), definition };
  }

  /**
   * Issues a document rendered now, in three steps so that no lock is held while rendering: the
   * row (version, code; audited) is committed first, the bytes are rendered outside any
   * transaction, then stored with the data and the `document.issued` event. A rendering that
   * throws leaves the row `failed` with its reason, as the worker would. `render` gets the code
   * and date to print.
   */
  async issueInRequest<K extends DocumentKind>(
    input: { kind: K; selectionId: string; subjectKey: string; createdBy: string | null },
    render: (printed: { verificationCode: string; issuedAt: Date }) => Promise<{ pdf: Buffer; data: DocumentDataByKind[K] }>,
  ): Promise<IssuedInRequest> {
    const doc = await this.dataSource.transaction((m) => this.registry.createRendering(m, { ...input, candidateId: null, noticeId: null }));
    let rendered: { pdf: Buffer; data: DocumentDataByKind[K] };
    try {
      rendered = await render({ verificationCode: doc.verificationCode, issuedAt: doc.issuedAt });
    } catch (error) {
      const reason = (error instanceof Error ? error.message : String(error)).slice(0, 2000);
      await this.dataSource.transaction(async (m) => {
        await m.update(DocumentEntity, { id: doc.id, status: 'rendering' }, { status: 'failed', failureReason: reason, updatedAt: this.clock.now() });
        await this.audit.append(m, {
          selectionId: doc.selectionId,
          action: 'document.failed',
          entity: 'document',
          entityId: doc.id,
          after: { kind: doc.kind, version: doc.version, reason },
        });
      });
      throw error;
    }
    const { pdf, data } = rendered;
    const sha256 = sha256Hex(pdf);
    await this.dataSource.transaction(async (m) => {
      const now = this.clock.now();
      await m.insert(DocumentBlobEntity, { documentId: doc.id, pdf, size: pdf.length });
      await m.query(
        `UPDATE document SET status = 'final', sha256 = $2, rendered_at = $3, updated_at = $3, data = $4::jsonb WHERE id = $1 AND status = 'rendering'`,
        [doc.id, sha256, now, JSON.stringify(encodeDocumentData(data))],
      );
      await this.audit.append(m, {
        selectionId: doc.selectionId,
        action: 'document.issued',
        entity: 'document',
        entityId: doc.id,
        after: { kind: doc.kind, version: doc.version, status: 'final', sha256, size: pdf.length, sealed: false },
      });
    });
    return { documentId: doc.id, version: doc.version, verificationCode: doc.verificationCode, issuedAt: doc.issuedAt, sha256, pdf };
  }
}
