import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { Stage } from '@app/rulebook';

@Entity('selection')
export class SelectionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  title: string;

  /** Pinned at creation: a later rulebook never silently rewrites an open selection. */
  @Column({ type: 'text' })
  rulebookVersion: string;

  @Column({ type: 'text', default: 'motion' })
  stage: Stage;

  @Column({ type: 'text', nullable: true })
  closedReason: string | null;

  @Column({ type: 'uuid', nullable: true })
  createdBy: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  stageChangedAt: Date;

  @VersionColumn()
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

/** 考察组: the inspectors of a selection (set by the work plan). */
@Entity('selection_team_member')
export class SelectionTeamMemberEntity {
  @PrimaryColumn('uuid')
  selectionId: string;

  @PrimaryColumn('uuid')
  userId: string;
}

/** 义务监督员 assigned to a selection (read-only access, remarks). */
@Entity('selection_supervisor')
export class SelectionSupervisorEntity {
  @PrimaryColumn('uuid')
  selectionId: string;

  @PrimaryColumn('uuid')
  userId: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  assignedAt: Date;
}
