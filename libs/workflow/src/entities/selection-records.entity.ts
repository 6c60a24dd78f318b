import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { RecommendationKind } from '@app/rulebook';

/** A post to fill (职位), set by the work plan. */
@Entity('selection_post')
export class SelectionPostEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  selectionId: string;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'uuid' })
  unitId: string;

  @Column({ type: 'integer' })
  count: number;

  @Column({ type: 'integer' })
  position: number;
}

/** 动议: direction, criteria and requirements only (三提三不提). */
@Entity('motion')
export class MotionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  selectionId: string;

  @Column({ type: 'text' })
  direction: string;

  @Column({ type: 'text' })
  criteria: string;

  @Column({ type: 'text' })
  requirements: string;

  @Column({ type: 'text' })
  proposedBy: string;

  @Column({ type: 'uuid', nullable: true })
  recordedBy: string | null;

  @Column({ type: 'timestamptz' })
  recordedAt: Date;
}

/** 工作方案: the posts live in selection_post and the team in selection_team_member. */
@Entity('work_plan')
export class WorkPlanEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  selectionId: string;

  @Column({ type: 'text' })
  conditions: string;

  @Column({ type: 'text' })
  pool: string;

  @Column({ type: 'text' })
  method: string;

  @Column({ type: 'text' })
  timetable: string;

  @Column({ type: 'uuid', nullable: true })
  recordedBy: string | null;

  @Column({ type: 'timestamptz' })
  recordedAt: Date;
}

export interface RecommendationResult {
  candidateId: string;
  count: number;
}

/** 会议推荐 (tallies) or 谈话推荐 (mentions). */
@Entity('recommendation')
export class RecommendationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  selectionId: string;

  @Column({ type: 'text' })
  kind: RecommendationKind;

  @Column({ type: 'timestamptz' })
  heldAt: Date;

  @Column({ type: 'integer', nullable: true })
  participants: number | null;

  @Column({ type: 'jsonb' })
  results: RecommendationResult[];

  @Column({ type: 'uuid', nullable: true })
  recordedBy: string | null;

  @Column({ type: 'timestamptz' })
  recordedAt: Date;
}

/** The meeting that fixed the inspection targets (确定考察对象). */
@Entity('target_meeting')
export class TargetMeetingEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  selectionId: string;

  @Column({ type: 'timestamptz' })
  heldAt: Date;

  @Column({ type: 'text' })
  minutes: string;

  @Column({ type: 'uuid', array: true })
  candidateIds: string[];

  @Column({ type: 'uuid', nullable: true })
  recordedBy: string | null;

  @Column({ type: 'timestamptz' })
  recordedAt: Date;
}

/** 酝酿: fixes the vote's agenda. */
@Entity('deliberation')
export class DeliberationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  selectionId: string;

  @Column({ type: 'timestamptz' })
  heldAt: Date;

  @Column({ type: 'text' })
  minutes: string;

  @Column({ type: 'uuid', array: true })
  candidateIds: string[];

  @Column({ type: 'uuid', nullable: true })
  recordedBy: string | null;

  @Column({ type: 'timestamptz' })
  recordedAt: Date;
}

@Entity('appointment')
export class AppointmentEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  selectionId: string;

  @Column({ type: 'uuid' })
  candidateId: string;

  /** YYYY-MM-DD */
  @Column({ type: 'date' })
  effectiveOn: string;

  @Column({ type: 'text', nullable: true })
  trialPeriod: string | null;

  @Column({ type: 'uuid', nullable: true })
  recordedBy: string | null;

  @Column({ type: 'timestamptz' })
  recordedAt: Date;
}

/** A waiver of a `W` rule: requested by one org_admin, approved by another. */
@Entity('waiver')
export class WaiverEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  selectionId: string;

  @Column({ type: 'text' })
  rule: string;

  @Column({ type: 'uuid', nullable: true })
  candidateId: string | null;

  @Column({ type: 'text' })
  reason: string;

  @Column({ type: 'uuid' })
  requestedBy: string;

  @Column({ type: 'timestamptz' })
  requestedAt: Date;

  @Column({ type: 'uuid', nullable: true })
  approvedBy: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  approvedAt: Date | null;
}
