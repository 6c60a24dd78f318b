import type { NoticeKind } from './rulebooks';
import type { CheckItem, ConsultationUnit, RuleId, TalkCategory } from './rules.catalogue';
import type { CandidateState, Stage } from './stages';
import type { IsoDate } from './working-days';

/**
 * Everything the rules need to judge one selection, as plain data. The database layer fills it;
 * the rules never read anything else (no clock, no I/O), so a snapshot plus a rulebook version
 * always gives the same verdict — and a stored snapshot can be re-judged later.
 *
 * Record ids are the database ids; they come back as `evidence` in rule results.
 */
export interface SelectionSnapshot {
  readonly selectionId?: string;
  readonly stage: Stage;
  /** The instant of judgement (never read from a clock inside the rules). */
  readonly now: Date;
  /** Posts to fill; the competitive rules compare against the sum of `count`. */
  readonly posts: readonly PostSnapshot[];
  /** Inspection team (考察组) member ids, from the work plan. */
  readonly teamMemberIds: readonly string[];
  /**
   * Names of every cadre in the registry, for `three_nots.no_specific_person`. The names of this
   * selection's candidates are always checked as well.
   */
  readonly knownCadreNames?: readonly string[];
  readonly motion?: MotionSnapshot;
  readonly workPlan?: WorkPlanSnapshot;
  readonly recommendations: readonly RecommendationSnapshot[];
  readonly targetMeeting?: TargetMeetingSnapshot;
  readonly notices: readonly NoticeSnapshot[];
  readonly reports: readonly ReportSnapshot[];
  readonly deliberation?: DeliberationSnapshot;
  /** Vote rounds in the order held; a later round decides seats left open by a tie. */
  readonly votes: readonly VoteSnapshot[];
  readonly waivers: readonly WaiverSnapshot[];
  readonly supervisionRemarks: readonly SupervisionRemarkSnapshot[];
  readonly candidates: readonly CandidateSnapshot[];
}

export interface PostSnapshot {
  readonly id: string;
  readonly title?: string;
  readonly count: number;
}

export interface MotionText {
  readonly direction: string;
  readonly criteria: string;
  readonly requirements: string;
}

export interface MotionSnapshot extends MotionText {
  readonly id: string;
}

/** The six parts of a work plan; each must be non-blank. */
export interface WorkPlanSnapshot {
  readonly id: string;
  readonly posts?: string;
  readonly conditions?: string;
  readonly pool?: string;
  readonly method?: string;
  readonly timetable?: string;
  readonly team?: string;
}

export type RecommendationKind = 'meeting' | 'talk';

export interface RecommendationSnapshot {
  readonly id: string;
  /** 会议推荐 (tallies) or 谈话推荐 (results). */
  readonly kind: RecommendationKind;
  readonly heldAt: Date;
  /** One entry per candidate the record gives a result for (votes or mentions). */
  readonly results: readonly { readonly candidateId: string; readonly count: number }[];
}

export interface TargetMeetingSnapshot {
  readonly id: string;
  readonly heldAt: Date;
  /** The minutes' text (or a reference to them); blank means no minutes. */
  readonly minutes?: string;
  readonly candidateIds: readonly string[];
}

export interface NoticeSnapshot {
  readonly id: string;
  readonly kind: NoticeKind;
  readonly candidateIds: readonly string[];
  readonly startsOn: IsoDate;
  readonly endsOn: IsoDate;
  readonly published: boolean;
  /** For the advance notice (考察预告): the day inspection begins. */
  readonly inspectionStartsOn?: IsoDate;
}

export type ReportStatus = 'open' | 'investigating' | 'closed';
export type ReportFinding = 'unfounded' | 'minor' | 'serious' | 'unverifiable';

export interface ReportSnapshot {
  readonly id: string;
  readonly candidateId: string;
  /** The notice it was filed against, if any (a petition may come from elsewhere). */
  readonly noticeId?: string;
  readonly status: ReportStatus;
  readonly finding?: ReportFinding;
  /** When the finding was recorded; for `unverifiable`, starts the hold limit. */
  readonly findingAt?: Date;
}

export interface DeliberationSnapshot {
  readonly id: string;
  /** Candidates that came through deliberation: the only ones a vote may take. */
  readonly candidateIds: readonly string[];
}

export interface VoteMemberSnapshot {
  readonly id?: string;
  readonly present: boolean;
  readonly recusedCandidateIds?: readonly string[];
  readonly isSecretary?: boolean;
}

export interface VoteResultSnapshot {
  readonly candidateId: string;
  readonly agree: number;
  readonly disagree: number;
  readonly defer: number;
}

export interface VoteSnapshot {
  readonly id: string;
  readonly heldAt: Date;
  readonly mode: 'tally' | 'electronic';
  /** Seats this round fills (a tie round fills only the seats left open). */
  readonly posts: number;
  /** Every member who should attend (应到会成员), present or not. */
  readonly members: readonly VoteMemberSnapshot[];
  /** The agenda: one result per candidate put to the vote. */
  readonly results: readonly VoteResultSnapshot[];
  /**
   * Electronic votes only: who cast a ballot on which candidate, in the order cast. Ballots
   * stay secret: this says who voted, never how.
   */
  readonly castOrder?: readonly { readonly memberId: string; readonly candidateId: string }[];
}

export interface WaiverSnapshot {
  readonly id: string;
  readonly rule: RuleId;
  /** Required for per-candidate rules; a waiver applies to that candidate only. */
  readonly candidateId?: string;
  /** Approved by a second org_admin; a pending or refused waiver has no effect. */
  readonly approved: boolean;
}

export interface SupervisionRemarkSnapshot {
  readonly id: string;
  readonly candidateId?: string;
  readonly answered: boolean;
}

export interface NominatorSnapshot {
  readonly name: string;
  readonly post: string;
  readonly team: string;
}

export type ConsultationStatus = 'pending' | 'overdue' | 'answered';
export type ConsultationVerdict = 'no_adverse' | 'adverse' | 'under_investigation';

export interface ConsultationSnapshot {
  readonly id: string;
  readonly unit: ConsultationUnit;
  readonly status: ConsultationStatus;
  readonly verdict?: ConsultationVerdict;
}

export type InvestigatingOrgan = 'discipline_commission' | 'procuratorate';

export interface CandidateSnapshot {
  readonly id: string;
  readonly state: CandidateState;
  readonly cadreId: string;
  readonly cadreName: string;
  readonly nominator?: NominatorSnapshot;
  /** Id of the signed statement of responsibility of the initial nominator. */
  readonly responsibilityStatementId?: string;
  readonly interviews: readonly { readonly id: string; readonly category: TalkCategory }[];
  readonly checks: readonly { readonly id: string; readonly item: CheckItem }[];
  readonly consultations: readonly ConsultationSnapshot[];
  readonly evaluations: readonly { readonly id: string }[];
  /** Units of earlier posts (from the post history), excluding the current unit. */
  readonly earlierUnitIds: readonly string[];
  readonly extendedInspections: readonly { readonly id: string; readonly unitId: string }[];
  readonly personalMattersVerification?: { readonly id: string };
  readonly dossier?: {
    /** Set once every team member has signed off the exact bytes (the document is sealed). */
    readonly finalDocumentId?: string;
    /** Team members who signed; when given, it is cross-checked against `teamMemberIds`. */
    readonly signedBy?: readonly string[];
  };
  /**
   * Evidence of a formal investigation received other than through a consultation verdict
   * (e.g. a letter from the discipline commission). Either source triggers two_withouts.
   */
  readonly underInvestigation?: readonly { readonly id: string; readonly by: InvestigatingOrgan }[];
}
