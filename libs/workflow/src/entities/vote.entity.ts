import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

export type VoteMode = 'tally' | 'electronic';
export type VoteStatus = 'open' | 'closed' | 'void';
export type BallotChoice = 'agree' | 'disagree' | 'defer';

/** One round of the committee's vote (票决); a tie for the last seat needs a new round. */
@Entity('vote')
export class VoteEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  selectionId: string;

  @Column({ type: 'integer' })
  round: number;

  @Column({ type: 'timestamptz' })
  heldAt: Date;

  @Column({ type: 'text' })
  mode: VoteMode;

  /** Seats this round fills. */
  @Column({ type: 'integer' })
  posts: number;

  @Column({ type: 'uuid', array: true })
  agenda: string[];

  @Column({ type: 'text', default: 'open' })
  status: VoteStatus;

  @Column({ type: 'jsonb', nullable: true })
  tie: { candidateIds: string[]; seats: number } | null;

  @Column({ type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  recordedBy: string | null;

  @Column({ type: 'timestamptz' })
  recordedAt: Date;
}

/** A member who should attend (应到会成员), present or not. */
@Entity('vote_member')
export class VoteMemberEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  voteId: string;

  @Column({ type: 'integer' })
  position: number;

  @Column({ type: 'uuid', nullable: true })
  userId: string | null;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'boolean' })
  present: boolean;

  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  recusedCandidateIds: string[];

  @Column({ type: 'text', nullable: true })
  absentReason: string | null;

  @Column({ type: 'boolean', default: false })
  isSecretary: boolean;
}

/** Counts per candidate: entered (tally mode) or counted from ballots at close (electronic). */
@Entity('vote_result')
export class VoteResultEntity {
  @PrimaryColumn('uuid')
  voteId: string;

  @PrimaryColumn('uuid')
  candidateId: string;

  @Column({ type: 'integer' })
  agree: number;

  @Column({ type: 'integer' })
  disagree: number;

  @Column({ type: 'integer' })
  defer: number;

  @Column({ type: 'boolean', nullable: true })
  approved: boolean | null;

  @Column({ type: 'boolean', default: false })
  elected: boolean;
}

/**
 * The secret ballots of one candidate in one electronic round, as totals only: no row per ballot,
 * so neither a transaction id nor a row's position can tie a choice to a voter.
 */
@Entity('ballot_box')
export class BallotBoxEntity {
  @PrimaryColumn('uuid')
  voteId: string;

  @PrimaryColumn('uuid')
  candidateId: string;

  @Column({ type: 'integer', default: 0 })
  agree: number;

  @Column({ type: 'integer', default: 0 })
  disagree: number;

  @Column({ type: 'integer', default: 0 })
  defer: number;
}

/** Who voted on which candidate, in order (never how). */
@Entity('vote_participation')
export class VoteParticipationEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  seq: string;

  @Column({ type: 'uuid' })
  voteId: string;

  @Column({ type: 'uuid' })
  candidateId: string;

  @Column({ type: 'uuid' })
  userId: string;

  @Column({ type: 'uuid' })
  memberId: string;
}
