import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { HashAlgorithm } from '@app/common';

/** One link of an append-only hash chain; the database refuses UPDATE and DELETE. */
@Entity('audit_event')
export class AuditEventEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  /** The selection's id, or `system` for events outside any selection. */
  @Column({ type: 'text' })
  chainKey: string;

  @Column({ type: 'integer' })
  seq: number;

  @Column({ type: 'uuid', nullable: true })
  selectionId: string | null;

  @Column({ type: 'uuid', nullable: true })
  actorId: string | null;

  @Column({ type: 'text', nullable: true })
  actorUsername: string | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  actorRoles: string[];

  @Column({ type: 'text' })
  action: string;

  @Column({ type: 'text' })
  entity: string;

  @Column({ type: 'text', nullable: true })
  entityId: string | null;

  @Column({ type: 'jsonb', nullable: true })
  before: Record<string, unknown> | null;

  @Column({ type: 'jsonb', nullable: true })
  after: Record<string, unknown> | null;

  @Column({ type: 'text', nullable: true })
  requestId: string | null;

  @Column({ type: 'text', nullable: true })
  ip: string | null;

  @Column({ type: 'text', nullable: true })
  userAgent: string | null;

  @Column({ type: 'timestamptz' })
  occurredAt: Date;

  @Column({ type: 'text' })
  hashAlg: HashAlgorithm;

  @Column({ type: 'text' })
  prevHash: string;

  @Column({ type: 'text' })
  hash: string;
}
