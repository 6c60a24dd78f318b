import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { ConsultationVerdict } from '@app/rulebook';
import type { UnitKind } from '@app/identity';

export type RequestStatus = 'pending' | 'answered' | 'overdue' | 'delivery_failed' | 'undeliverable' | 'stopped';
export const REQUEST_STATUSES: readonly RequestStatus[] = ['pending', 'answered', 'overdue', 'delivery_failed', 'undeliverable', 'stopped'];
/** A unit may still answer these (through the inbox even when a channel failed). */
export const OPEN_STATUSES: readonly RequestStatus[] = ['pending', 'overdue', 'delivery_failed'];

export const REQUEST_STATUS_LABELS: Record<RequestStatus, string> = {
  pending: '待回复',
  answered: '已回复',
  overdue: '已逾期',
  delivery_failed: '送达失败',
  undeliverable: '无法送达（未配置单位）',
  stopped: '已终止',
};

export type DeliveryChannel = 'webhook' | 'email';
export type DeliveryStatus = 'pending' | 'delivered' | 'failed' | 'skipped';

export const VERDICTS: readonly ConsultationVerdict[] = ['no_adverse', 'adverse', 'under_investigation'];
export const VERDICT_LABELS: Record<ConsultationVerdict, string> = {
  no_adverse: '无不良反映',
  adverse: '有问题',
  under_investigation: '正在立案调查',
};

/** 征求意见函: one per selection and consulted unit; it lists that selection's candidates. */
@Entity('consultation_letter')
export class ConsultationLetterEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  selectionId: string;

  @Column({ type: 'text' })
  unitKind: UnitKind;

  @Column({ type: 'uuid', nullable: true })
  unitId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/** One candidate on one letter: what the unit answers. */
@Entity('consultation_request')
export class ConsultationRequestEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  letterId: string;

  @Column({ type: 'uuid' })
  selectionId: string;

  @Column({ type: 'uuid' })
  candidateId: string;

  @Column({ type: 'text' })
  unitKind: UnitKind;

  @Column({ type: 'uuid', nullable: true })
  unitId: string | null;

  @Column({ type: 'text' })
  status: RequestStatus;

  /** YYYY-MM-DD (Asia/Shanghai) */
  @Column({ type: 'date' })
  requestedOn: string;

  /** Last working day for the answer (rulebook `consultationDueOn`). */
  @Column({ type: 'date' })
  dueOn: string;

  /** 24:00 Asia/Shanghai at the end of `dueOn`: the request is overdue from this instant. */
  @Column({ type: 'timestamptz' })
  dueAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  remindedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  overdueAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  answeredAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  stoppedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  stopReason: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

/** One sending of a request over one channel; its id is the Idempotency-Key the receiver sees. */
@Entity('consultation_delivery')
export class ConsultationDeliveryEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  requestId: string;

  @Column({ type: 'text' })
  channel: DeliveryChannel;

  @Column({ type: 'text', default: 'pending' })
  status: DeliveryStatus;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ type: 'integer', nullable: true })
  responseStatus: number | null;

  @Column({ type: 'text', nullable: true })
  lastError: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  deliveredAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  failedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  requestedBy: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/** A unit's written opinion; never changed: a correction is a new row superseding it. */
@Entity('consultation_opinion')
export class ConsultationOpinionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  requestId: string;

  @Column({ type: 'text' })
  verdict: ConsultationVerdict;

  @Column({ type: 'text', nullable: true })
  detail: string | null;

  @Column({ type: 'uuid', nullable: true })
  supersedesId: string | null;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ type: 'uuid', nullable: true })
  answeredBy: string | null;

  @Column({ type: 'timestamptz' })
  answeredAt: Date;
}

@Entity('consultation_attachment')
export class ConsultationAttachmentEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  opinionId: string;

  @Column({ type: 'text' })
  filename: string;

  @Column({ type: 'text' })
  contentType: string;

  @Column({ type: 'integer' })
  size: number;

  @Column({ type: 'text' })
  sha256: string;

  @Column({ type: 'bytea', select: false })
  content: Buffer;
}
