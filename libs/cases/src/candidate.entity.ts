import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { CandidateState, RuleId } from '@app/rulebook';

@Entity('candidate')
export class CandidateEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  selectionId: string;

  @Column({ type: 'uuid' })
  cadreId: string;

  @Column({ type: 'text', default: 'active' })
  state: CandidateState;

  /** Why the state last changed (a withdrawal's reason, a finding, an opinion). */
  @Column({ type: 'text', nullable: true })
  stateReason: string | null;

  /** The rule behind an exclusion or hold, e.g. `two_withouts.under_investigation`. */
  @Column({ type: 'text', nullable: true })
  stateRule: RuleId | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  stateChangedAt: Date;

  /** 初始提名责任人 */
  @Column({ type: 'text' })
  nominatorName: string;

  @Column({ type: 'text' })
  nominatorPost: string;

  @Column({ type: 'text' })
  nominatorTeam: string;

  @Column({ type: 'text' })
  responsibilityStatement: string;

  @Column({ type: 'uuid', nullable: true })
  proposedPostId: string | null;

  @VersionColumn()
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
