import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const UNIT_KINDS = [
  'discipline_commission',
  'procuratorate',
  'political_legal_committee',
  'audit_bureau',
  'health_commission',
  'community',
  'work_unit',
  'supervising_unit',
] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export const UNIT_KIND_LABELS: Record<UnitKind, string> = {
  discipline_commission: '县纪委监委',
  procuratorate: '县检察院',
  political_legal_committee: '县委政法委',
  audit_bureau: '县审计局',
  health_commission: '县卫健委',
  community: '居住地社区',
  work_unit: '工作单位',
  supervising_unit: '义务监督单位',
};

/** The six kinds consulted for every candidate (六征求); their ids match `six_consultations.*`. */
export const CONSULTED_UNIT_KINDS: readonly UnitKind[] = UNIT_KINDS.slice(0, 6);

@Entity('unit')
export class UnitEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  kind: UnitKind;

  @Column({ type: 'text', nullable: true })
  webhookUrl: string | null;

  /** Encrypted with the field cipher; only the worker decrypts it to sign deliveries. */
  @Column({ type: 'text', nullable: true })
  webhookSecretEnc: string | null;

  @Column({ type: 'text', nullable: true })
  email: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
