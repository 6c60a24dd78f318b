import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { CheckItem, TalkCategory } from '@app/rulebook';

/** 七必谈: one interview with someone of a category. */
@Entity('interview')
export class InterviewEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  selectionId: string;

  @Column({ type: 'uuid' })
  candidateId: string;

  @Column({ type: 'text' })
  category: TalkCategory;

  @Column({ type: 'text' })
  intervieweeName: string;

  @Column({ type: 'text' })
  intervieweePost: string;

  @Column({ type: 'timestamptz' })
  heldAt: Date;

  @Column({ type: 'text' })
  summary: string;

  @Column({ type: 'uuid', nullable: true })
  recordedBy: string | null;

  @Column({ type: 'timestamptz' })
  recordedAt: Date;
}

/** 六必查: one check with its finding and evidence. */
@Entity('inspection_check')
export class InspectionCheckEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  selectionId: string;

  @Column({ type: 'uuid' })
  candidateId: string;

  @Column({ type: 'text' })
  item: CheckItem;

  @Column({ type: 'text' })
  finding: string;

  @Column({ type: 'text' })
  evidence: string;

  @Column({ type: 'uuid', nullable: true })
  recordedBy: string | null;

  @Column({ type: 'timestamptz' })
  recordedAt: Date;
}

/** 民主测评 */
@Entity('democratic_evaluation')
export class DemocraticEvaluationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  selectionId: string;

  @Column({ type: 'uuid' })
  candidateId: string;

  @Column({ type: 'timestamptz' })
  heldAt: Date;

  @Column({ type: 'integer' })
  participants: number;

  @Column({ type: 'integer' })
  excellent: number;

  @Column({ type: 'integer' })
  competent: number;

  @Column({ type: 'integer' })
  basicallyCompetent: number;

  @Column({ type: 'integer' })
  incompetent: number;

  @Column({ type: 'uuid', nullable: true })
  recordedBy: string | null;

  @Column({ type: 'timestamptz' })
  recordedAt: Date;
}

/** 延伸考察: one per earlier unit of the cadre. */
@Entity('extended_inspection')
export class ExtendedInspectionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  selectionId: string;

  @Column({ type: 'uuid' })
  candidateId: string;

  @Column({ type: 'uuid' })
  unitId: string;

  @Column({ type: 'text' })
  summary: string;

  @Column({ type: 'uuid', nullable: true })
  recordedBy: string | null;

  @Column({ type: 'timestamptz' })
  recordedAt: Date;
}

/** 个人有关事项报告核查 */
@Entity('personal_matters_verification')
export class PersonalMattersVerificationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  selectionId: string;

  @Column({ type: 'uuid' })
  candidateId: string;

  @Column({ type: 'text' })
  finding: string;

  @Column({ type: 'uuid', nullable: true })
  recordedBy: string | null;

  @Column({ type: 'timestamptz' })
  recordedAt: Date;
}
