import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { Stage } from '@app/rulebook';

export const REMARK_KINDS = ['objection', 'question', 'procedure'] as const;
export type RemarkKind = (typeof REMARK_KINDS)[number];

export const REMARK_KIND_LABELS: Record<RemarkKind, string> = {
  objection: '异议',
  question: '询问',
  procedure: '程序意见',
};

export const ATTENDANCE_ACTIVITIES = [
  'interview',
  'recommendation_meeting',
  'talk_recommendation',
  'target_meeting',
  'deliberation',
  'vote_count',
  'other',
] as const;
export type AttendanceActivity = (typeof ATTENDANCE_ACTIVITIES)[number];

export const ATTENDANCE_ACTIVITY_LABELS: Record<AttendanceActivity, string> = {
  interview: '个别谈话',
  recommendation_meeting: '会议推荐',
  talk_recommendation: '谈话推荐',
  target_meeting: '确定考察对象会议',
  deliberation: '酝酿',
  vote_count: '计票',
  other: '其他',
};

/** 义务监督员 details kept by the organization department (the account itself is identity's). */
@Entity('supervisor_profile')
export class SupervisorProfileEntity {
  @PrimaryColumn('uuid')
  userId: string;

  @Column({ type: 'text', nullable: true, select: false })
  phoneEnc: string | null;

  @Column({ type: 'text', nullable: true })
  occupation: string | null;

  /** e.g. 县人大代表 — printed next to the name. */
  @Column({ type: 'text', nullable: true })
  affiliation: string | null;

  @Column({ type: 'date', nullable: true })
  termFrom: string | null;

  @Column({ type: 'date', nullable: true })
  termTo: string | null;

  @Column({ type: 'uuid', nullable: true })
  updatedBy: string | null;

  @Column({ type: 'timestamptz' })
  updatedAt: Date;
}

/** A volunteer supervisor's remark on a selection or one of its candidates. Immutable. */
@Entity('supervision_remark')
export class SupervisionRemarkEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  selectionId: string;

  @Column({ type: 'uuid', nullable: true })
  candidateId: string | null;

  @Column({ type: 'text' })
  kind: RemarkKind;

  /** A follow-up names the remark whose answer it follows. */
  @Column({ type: 'uuid', nullable: true })
  followsUpId: string | null;

  @Column({ type: 'text' })
  content: string;

  /** The selection's stage when the remark was filed. */
  @Column({ type: 'text' })
  stage: Stage;

  @Column({ type: 'uuid' })
  filedBy: string;

  @Column({ type: 'timestamptz' })
  filedAt: Date;
}

/** The organization department's answer to one remark. Immutable; one per remark. */
@Entity('supervision_remark_answer')
export class SupervisionRemarkAnswerEntity {
  @PrimaryColumn('uuid')
  remarkId: string;

  @Column({ type: 'text' })
  content: string;

  @Column({ type: 'uuid' })
  answeredBy: string;

  @Column({ type: 'timestamptz' })
  answeredAt: Date;
}

/** Supervisors who took part in an interview, a meeting or a vote count. Immutable. */
@Entity('supervisor_attendance')
export class SupervisorAttendanceEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  selectionId: string;

  @Column({ type: 'text' })
  activity: AttendanceActivity;

  @Column({ type: 'uuid', nullable: true })
  recordId: string | null;

  @Column({ type: 'timestamptz' })
  heldAt: Date;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ type: 'uuid' })
  recordedBy: string;

  @Column({ type: 'timestamptz' })
  recordedAt: Date;
}

@Entity('supervisor_attendance_member')
export class SupervisorAttendanceMemberEntity {
  @PrimaryColumn('uuid')
  attendanceId: string;

  @PrimaryColumn('uuid')
  userId: string;
}

/** One numbered, watermarked copy of a document handed to a supervisor. */
@Entity('document_copy')
export class DocumentCopyEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  documentId: string;

  @Column({ type: 'integer' })
  copyNumber: number;

  @Column({ type: 'uuid' })
  selectionId: string;

  @Column({ type: 'uuid', nullable: true })
  candidateId: string | null;

  @Column({ type: 'uuid' })
  recipientId: string;

  @Column({ type: 'text' })
  recipientName: string;

  @Column({ type: 'timestamptz' })
  madeAt: Date;

  @Column({ type: 'text' })
  sha256: string;

  @Column({ type: 'integer' })
  size: number;
}

export const SUPERVISION_ENTITIES = [
  SupervisorProfileEntity,
  SupervisionRemarkEntity,
  SupervisionRemarkAnswerEntity,
  SupervisorAttendanceEntity,
  SupervisorAttendanceMemberEntity,
  DocumentCopyEntity,
];
