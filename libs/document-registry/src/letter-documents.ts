import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { DomainException } from '@app/common';
import {
  ConsultationLettersService,
  type LetterContent,
  type LetterDocumentRef,
  type LetterDocumentSource,
  type LetterPdf,
} from '@app/consultations';
import { DOCUMENT_KIND_LABELS, type ConsultationLetterData, type IssueMeta } from '@app/documents';
import { DOCUMENT_STATUS_LABELS, DocumentEntity } from './document.entity';

/**
 * What a letter document stores besides what it prints: the requests it lists, so an email for
 * a request attaches a version that names its candidate (a later version adds later candidates).
 */
export type StoredLetterData = ConsultationLetterData & { requestIds: string[] };

/**
 * 征求意见函 as issued documents: one per letter (unit × selection), a new version whenever
 * requests are added to the letter, sealed at once. Also the source consultations use to list
 * the documents of a letter and to attach its PDF to emails.
 */
@Injectable()
export class LetterDocumentsProvider implements LetterDocumentSource {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly letters: ConsultationLettersService,
  ) {}

  /** The letter, or null when it does not exist (any more). */
  content(letterId: string, m: EntityManager): Promise<LetterContent | null> {
    return this.letters.content(letterId, m).catch((error: unknown) => {
      if (error instanceof DomainException && error.status === 404) return null;
      throw error;
    });
  }

  /** The letter as it stands: every request not stopped, the earliest deadline first. */
  async data(m: EntityManager, letterId: string, meta: IssueMeta): Promise<StoredLetterData> {
    const letter = await this.letters.content(letterId, m);
    const listed = letter.requests.filter((r) => r.status !== 'stopped');
    if (listed.length === 0) throw new Error('该征求意见函已没有仍在征求意见的考察对象');
    const replyBy = listed.map((r) => r.dueOn).sort()[0];
    return {
      meta,
      unitName: letter.unitName,
      subject: letter.subject,
      selectionTitle: `“${letter.selectionTitle}”`,
      candidates: listed.map((r) => ({
        name: r.name,
        gender: r.gender,
        birthDate: r.birthDate,
        currentPost: r.currentPost,
        ...(r.dueOn !== replyBy ? { replyBy: r.dueOn } : {}),
      })),
      replyBy,
      replyWorkingDays: letter.deadlineWorkingDays,
      replyUrl: letter.inboxUrl,
      requestIds: listed.map((r) => r.id),
    };
  }

  async documents(letterIds: string[]): Promise<Map<string, LetterDocumentRef[]>> {
    const docs = await this.dataSource.getRepository(DocumentEntity).find({
      where: { kind: 'consultation_letter', subjectKey: In(letterIds) },
      order: { version: 'DESC', createdAt: 'DESC' },
    });
    const out = new Map<string, LetterDocumentRef[]>();
    for (const d of docs) {
      out.set(d.subjectKey, [
        ...(out.get(d.subjectKey) ?? []),
        {
          documentId: d.id,
          version: d.version,
          status: d.status,
          statusLabel: DOCUMENT_STATUS_LABELS[d.status],
          sha256: d.sha256,
          verificationCode: d.verificationCode,
          issuedAt: d.issuedAt,
        },
      ]);
    }
    return out;
  }

  async pdfFor(letterId: string, requestId: string): Promise<LetterPdf | null> {
    const [row] = await this.dataSource.query<
      { id: string; version: number; verification_code: string; unit_name: string | null; pdf: Buffer }[]
    >(
      `SELECT d.id, d.version, d.verification_code, d.data->>'unitName' AS unit_name, b.pdf
         FROM document d JOIN document_blob b ON b.document_id = d.id
        WHERE d.kind = 'consultation_letter' AND d.subject_key = $1 AND d.status IN ('final', 'superseded')
          AND d.data->'requestIds' ? $2
        ORDER BY (d.status = 'final') DESC, d.version DESC
        LIMIT 1`,
      [letterId, requestId],
    );
    if (!row) return null;
    const label = DOCUMENT_KIND_LABELS.consultation_letter.zh;
    return {
      documentId: row.id,
      filename: `${label}${row.unit_name ? `-${row.unit_name}` : ''}-第${row.version}版.pdf`,
      pdf: row.pdf,
      verificationCode: row.verification_code,
    };
  }
}
