import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { DocumentKind } from '@app/documents';

export const DOCUMENT_STATUSES = ['rendering', 'draft', 'final', 'superseded', 'revoked', 'failed'] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

export const DOCUMENT_STATUS_LABELS: Record<DocumentStatus, string> = {
  rendering: '生成中',
  draft: '待签署稿',
  final: '定稿',
  superseded: '已被新版本取代',
  revoked: '已撤销',
  failed: '生成失败',
};

/** One issued document (or one attempt at issuing it). Never overwritten: statuses move, bytes stay. */
@Entity('document')
export class DocumentEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  kind: DocumentKind;

  @Column({ type: 'uuid' })
  selectionId: string;

  @Column({ type: 'uuid', nullable: true })
  candidateId: string | null;

  @Column({ type: 'uuid', nullable: true })
  noticeId: string | null;

  /** The candidate, notice or selection the version number counts within. */
  @Column({ type: 'uuid' })
  subjectKey: string;

  @Column({ type: 'integer' })
  version: number;

  @Column({ type: 'text' })
  status: DocumentStatus;

  @Column({ type: 'text', nullable: true })
  failureReason: string | null;

  @Column({ type: 'text', nullable: true })
  sha256: string | null;

  @Column({ type: 'text' })
  verificationCode: string;

  /** 成文日期 printed on the document. */
  @Column({ type: 'timestamptz' })
  issuedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  renderedAt: Date | null;

  /** On a final: the draft whose exact bytes the team signed. */
  @Column({ type: 'uuid', nullable: true })
  draftOf: string | null;

  /** On a draft: its sealed final, once there is one. */
  @Column({ type: 'uuid', nullable: true })
  finalDocumentId: string | null;

  /** The definition's input (dates tagged), so the final repeats exactly what the draft showed. */
  @Column({ type: 'jsonb', nullable: true, select: false })
  data: Record<string, unknown> | null;

  @Column({ type: 'uuid', nullable: true })
  createdBy: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}

@Entity('document_blob')
export class DocumentBlobEntity {
  @PrimaryColumn('uuid')
  documentId: string;

  @Column({ type: 'bytea' })
  pdf: Buffer;

  @Column({ type: 'integer' })
  size: number;
}

/** A team member's sign-off (十有 #10) on the exact bytes of a draft. */
@Entity('document_sign_off')
export class DocumentSignOffEntity {
  @PrimaryColumn('uuid')
  documentId: string;

  @PrimaryColumn('uuid')
  userId: string;

  @Column({ type: 'text' })
  sha256: string;

  @Column({ type: 'timestamptz' })
  signedAt: Date;
}

/** 优点、缺点、结论: the team's own assessment, printed in the dossier. */
@Entity('dossier_assessment')
export class DossierAssessmentEntity {
  @PrimaryColumn('uuid')
  candidateId: string;

  @Column({ type: 'uuid' })
  selectionId: string;

  @Column({ type: 'text', array: true })
  strengths: string[];

  @Column({ type: 'text', array: true })
  shortcomings: string[];

  @Column({ type: 'text' })
  conclusion: string;

  @Column({ type: 'uuid', nullable: true })
  updatedBy: string | null;

  @Column({ type: 'timestamptz' })
  updatedAt: Date;

  @Column({ type: 'integer' })
  version: number;
}
