import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '@app/audit';
import { CasesService } from '@app/cases';
import { Clock, DomainException, type AuthUser } from '@app/common';
import { IssuedDocuments } from '@app/document-registry';
import { renderWatermarkedCopy, sha256Hex } from '@app/documents';
import { DocumentCopyEntity } from './supervision.entities';
import { SupervisionAccess } from './supervision-access';

export interface CopyDownload {
  pdf: Buffer;
  filename: string;
  documentId: string;
  copyNumber: number;
  sha256: string;
}

/**
 * Watermarked copies of a candidate's dossier for the supervisors assigned to the selection. A
 * copy is re-rendered from the document's stored definition with the reader's name, the time and
 * a copy number on every page; the issued original (and its seal) is never touched.
 *
 * Rendered in the request: a dossier renders in about half a second, and the number, the log row
 * and the audit event must commit with the bytes the reader receives.
 */
@Injectable()
export class CopiesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: SupervisionAccess,
    private readonly cases: CasesService,
    private readonly issued: IssuedDocuments,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async dossierCopy(user: AuthUser, candidateId: string): Promise<CopyDownload> {
    const candidate = await this.cases.candidate(candidateId);
    await this.access.assertAssignedSupervisor(user, candidate.selectionId, '考察对象');
    const source = await this.issued.currentDossierSource(user, candidateId);
    if (!source) throw new DomainException('DOSSIER_NOT_AVAILABLE', '该考察对象尚无可查阅的考察材料', 404);
    const doc = source.document;
    const cadreName = (await this.cases.cadres([candidate.cadreId]))[0]?.name ?? '';
    return this.dataSource.transaction(async (m) => {
      // Copy numbers per document are handed out one at a time.
      await m.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`document-copy:${doc.id}`]);
      const [row] = await m.query<{ max: number | null }[]>('SELECT max(copy_number) AS max FROM document_copy WHERE document_id = $1', [doc.id]);
      const copyNumber = (row?.max ?? 0) + 1;
      const madeAt = this.clock.now();
      const recipientName = user.displayName;
      const pdf = await renderWatermarkedCopy(source.definition, { recipient: `义务监督员 ${recipientName}`, issuedAt: madeAt, copyNumber });
      const sha256 = sha256Hex(pdf);
      await m.insert(DocumentCopyEntity, {
        documentId: doc.id,
        copyNumber,
        selectionId: doc.selectionId,
        candidateId,
        recipientId: user.id,
        recipientName,
        madeAt,
        sha256,
        size: pdf.length,
      });
      await this.audit.append(m, {
        selectionId: doc.selectionId,
        action: 'document.copy_made',
        entity: 'document',
        entityId: doc.id,
        after: { kind: doc.kind, version: doc.version, status: doc.status, candidateId, copyNumber, recipientId: user.id, recipientName, sha256 },
      });
      const which = doc.draftOf ? '定稿' : '待签署稿';
      return { pdf, filename: `考察材料-${cadreName}-第${doc.version}版${which}-副本第${copyNumber}份.pdf`, documentId: doc.id, copyNumber, sha256 };
    });
  }
}
