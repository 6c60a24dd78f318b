import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { Gender } from '@app/cases';
import type { NoticeKind } from '@app/rulebook';

/**
 * `scheduled`: recorded and published, public from `startsOn`; `open`: public, reports in time;
 * after `closesAt`: `closed`, or `closed_with_open_reports` while any report on it is unresolved.
 */
export const NOTICE_STATUSES = ['scheduled', 'open', 'closed', 'closed_with_open_reports'] as const;
export type NoticeStatus = (typeof NOTICE_STATUSES)[number];

@Entity('notice')
export class NoticeEntity {
  /** Assigned before insert: the notice's own public address is part of its text. */
  @PrimaryColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  selectionId: string;

  @Column({ type: 'text' })
  kind: NoticeKind;

  @Column({ type: 'text' })
  status: NoticeStatus;

  @Column({ type: 'date' })
  startsOn: string;

  @Column({ type: 'integer' })
  workingDays: number;

  @Column({ type: 'date' })
  endsOn: string;

  @Column({ type: 'timestamptz' })
  closesAt: Date;

  @Column({ type: 'boolean', default: false })
  provisional: boolean;

  @Column({ type: 'date', nullable: true })
  inspectionStartsOn: string | null;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'timestamptz' })
  publishedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  /** Room for the sealed document's verification code, once notices are issued as documents. */
  @Column({ type: 'text', nullable: true })
  verificationCode: string | null;

  @Column({ type: 'uuid', nullable: true })
  createdBy: string | null;

  @VersionColumn()
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

/** A candidate named in a notice, with the particulars as published (frozen). */
@Entity('notice_candidate')
export class NoticeCandidateEntity {
  @PrimaryColumn('uuid')
  noticeId: string;

  @PrimaryColumn('uuid')
  candidateId: string;

  @Column({ type: 'integer' })
  position: number;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  gender: Gender;

  @Column({ type: 'date' })
  birthDate: string;

  @Column({ type: 'text' })
  currentPost: string;

  @Column({ type: 'text', nullable: true })
  proposedPost: string | null;
}
