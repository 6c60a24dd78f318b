import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { ReportFinding } from '@app/rulebook';

export const REPORT_CHANNELS = ['public_notice', 'letter', 'phone_12380', 'visit', 'other'] as const;
export type ReportChannel = (typeof REPORT_CHANNELS)[number];
/** Channels an org_admin enters by hand; `public_notice` comes only through the public page. */
export const MANUAL_REPORT_CHANNELS = ['letter', 'phone_12380', 'visit', 'other'] as const;
export type ManualReportChannel = (typeof MANUAL_REPORT_CHANNELS)[number];

export const REPORT_STATUSES = ['received', 'investigating', 'closed'] as const;
export type ReportRecordStatus = (typeof REPORT_STATUSES)[number];

@Entity('report')
export class ReportEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  selectionId: string;

  @Column({ type: 'uuid' })
  candidateId: string;

  @Column({ type: 'uuid', nullable: true })
  noticeId: string | null;

  @Column({ type: 'text' })
  channel: ReportChannel;

  @Column({ type: 'timestamptz' })
  receivedAt: Date;

  /** Asia/Shanghai calendar date of receipt (for letters and calls: the date entered). */
  @Column({ type: 'date' })
  receivedOn: string;

  /** Received after 24:00 of the notice's last working day: recorded and handled, not a hold. */
  @Column({ type: 'boolean', default: false })
  late: boolean;

  @Column({ type: 'text' })
  content: string;

  /** FieldCipher ciphertext; never selected unless a contact is to be shown (and audited). */
  @Column({ type: 'text', nullable: true, select: false })
  contactEnc: string | null;

  @Column({ type: 'text' })
  receiptCode: string;

  @Column({ type: 'text', default: 'received' })
  status: ReportRecordStatus;

  @Column({ type: 'timestamptz', nullable: true })
  investigatingAt: Date | null;

  @Column({ type: 'text', nullable: true })
  finding: ReportFinding | null;

  @Column({ type: 'text', nullable: true })
  findingDetail: string | null;

  @Column({ type: 'text', nullable: true })
  referral: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  findingAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  findingBy: string | null;

  /** For `unverifiable`: the day by which it must be decided (the rulebook's hold limit). */
  @Column({ type: 'date', nullable: true })
  decisionDueOn: string | null;

  @Column({ type: 'uuid', nullable: true })
  createdBy: string | null;

  @VersionColumn()
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
