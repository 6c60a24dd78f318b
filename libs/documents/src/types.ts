/**
 * Input data of every document kind. Plain data, already resolved by the calling service:
 * labels the reader sees (rule labels, interview category labels, stage labels) come in the
 * data, because the rule catalogue lives in @app/rulebook and this lib must not depend on it.
 *
 * Conventions:
 * - `LocalDate` is a calendar date `YYYY-MM-DD` (or `YYYY-MM` for birth dates and posts), as
 *   printed; it has no time zone.
 * - `Date` values are instants; they are printed in Asia/Shanghai.
 */
export type LocalDate = string;

export type Gender = 'male' | 'female';

/** Where and how the document is issued; every kind has one. */
export interface IssueMeta {
  /** 发文机关 printed in the closing block, e.g. 中共示范县委组织部. */
  issuingOrgan: string;
  /** 成文日期 (printed as 2026年5月20日 in Asia/Shanghai) and the PDF's CreationDate/ModDate. */
  issuedAt: Date;
  /** Verification code printed with a QR code; see makeVerificationCode(). */
  verificationCode: string;
  /** Public origin of the verify page, e.g. https://kaocha.example.gov.cn. */
  publicBaseUrl: string;
  /** 发文字号, e.g. 示组通〔2026〕12号, when the document has one. */
  documentNumber?: string;
}

export interface CandidateSummary {
  name: string;
  gender: Gender;
  /** YYYY-MM or YYYY-MM-DD; printed as 1985年3月. */
  birthDate: LocalDate;
  currentPost: string;
  /** 拟任职务 when already known (always for the pre-appointment notice). */
  proposedPost?: string;
  ethnicity?: string;
  nativePlace?: string;
  education?: string;
  partyJoinDate?: LocalDate;
  workStartDate?: LocalDate;
}

/** 公示期 / 考察时间: inclusive dates. */
export interface NoticePeriod {
  start: LocalDate;
  end: LocalDate;
  /** Working days in the period, printed as （5个工作日） when given. */
  workingDays?: number;
  /** The dates are not final yet: printed with 「（暂定）」. */
  provisional?: boolean;
}

/** How the public may report (举报) during a notice. */
export interface ReportChannels {
  /** Online report page, e.g. https://…/public/notices/…/report */
  publicUrl?: string;
  phone?: string;
  /** Postal / visiting address. */
  address?: string;
  /** 受理单位, e.g. 县委组织部干部监督室. */
  receivingOffice?: string;
}

interface NoticeBase {
  meta: IssueMeta;
  /** Selection name used in the title, e.g. 县直部门正科级领导干部. */
  selectionTitle?: string;
  candidates: CandidateSummary[];
  period: NoticePeriod;
  reporting: ReportChannels;
}

export interface TeamMemberRef {
  name: string;
  /** 单位及职务 */
  title: string;
  /** 组长 / 成员, as printed. */
  role?: string;
}

/** 考察预告: published ≥1 working day before the inspection begins. */
export interface AdvanceNoticeData extends NoticeBase {
  /** 考察任务, e.g. 对拟提拔县直部门正科级领导职务人选进行考察. */
  task: string;
  teamMembers: TeamMemberRef[];
}

/** 考察公示 (the targets' notice). */
export type InspectionNoticeData = NoticeBase;

export interface PerformanceNoticeCandidate extends CandidateSummary {
  /** 主要政绩, one paragraph each. */
  achievements: string[];
}

/** 政绩公示 */
export interface PerformanceNoticeData extends Omit<NoticeBase, 'candidates'> {
  candidates: PerformanceNoticeCandidate[];
}

/** 任前公示: candidates must have their proposed post. */
export interface PreAppointmentNoticeData extends Omit<NoticeBase, 'candidates'> {
  candidates: (CandidateSummary & { proposedPost: string })[];
}

/** 征求意见函: one letter per consulted unit per selection. */
export interface ConsultationLetterData {
  meta: IssueMeta;
  /** 受函单位, e.g. 县纪委监委. */
  unitName: string;
  /** What the unit is asked about, e.g. 党风廉政建设情况及是否存在正在立案调查的问题. */
  subject: string;
  selectionTitle?: string;
  /** A candidate added later may have a later deadline than `replyBy`: printed after the table. */
  candidates: (CandidateSummary & { replyBy?: LocalDate })[];
  /** Reply before this date. */
  replyBy: LocalDate;
  /** The deadline in working days, printed as （5个工作日内） when given. */
  replyWorkingDays?: number;
  contact?: { name: string; phone: string };
  /** Where the unit's respondent can answer online. */
  replyUrl?: string;
}

export type ConsultationOpinion = 'no_adverse' | 'adverse' | 'under_investigation';
export type CheckStatus = 'met' | 'unmet' | 'waived' | 'not_applicable';
export type ReportFinding = 'unfounded' | 'minor' | 'serious' | 'unverifiable' | 'pending';

export interface PostHeld {
  unit: string;
  title: string;
  from: LocalDate;
  /** Absent while still held. */
  to?: LocalDate;
}

export interface DossierData {
  meta: IssueMeta;
  candidate: CandidateSummary;
  postsHeld: PostHeld[];
  recommendation: {
    meeting?: { heldOn: LocalDate; eligible: number; cast: number; votesFor: number; rank?: number };
    talk?: { heldOn: LocalDate; interviewed: number; mentions: number; rank?: number };
  };
  evaluation?: {
    heldOn: LocalDate;
    participants: number;
    excellent: number;
    competent: number;
    basicallyCompetent: number;
    incompetent: number;
  };
  /** 七必谈, one group per category; `label` is the Chinese category label from the rulebook. */
  interviews: {
    category: string;
    label: string;
    count: number;
    summary: string;
  }[];
  /** 六征求, one row per consulted unit. `opinion` absent = no answer yet (never clearance). */
  consultations: {
    unit: string;
    label: string;
    opinion?: ConsultationOpinion;
    details?: string;
    answeredAt?: Date;
  }[];
  /** 六必查 */
  checks: { check: string; label: string; finding: string; evidence?: string }[];
  /** 延伸考察, one per earlier unit. */
  extendedInspections: { unit: string; summary: string; heldOn?: LocalDate }[];
  /** 信访举报专项调查 */
  reportInvestigations: { summary: string; finding: ReportFinding; conclusion: string }[];
  strengths: string[];
  shortcomings: string[];
  conclusion: string;
  /** The rule checklist as evaluated by the rulebook. */
  ruleChecklist: { ruleId: string; zh: string; status: CheckStatus; evidence?: string }[];
  waivers: {
    ruleId: string;
    zh: string;
    reason: string;
    requestedBy: string;
    approvedBy: string;
    approvedAt: Date;
  }[];
  teamMembers: TeamMemberRef[];
  /** 参与考察的义务监督员; `activities` says what each took part in, when known. */
  supervisors: { name: string; affiliation?: string; activities?: string[] }[];
  /** Printed under the team table, e.g. when the supervisors listed are the assigned ones. */
  supervisorsNote?: string;
}

/** 票决结果 */
export interface VoteResultData {
  meta: IssueMeta;
  /** 会议名称, e.g. 中共示范县委常委会2026年第12次会议. */
  meetingTitle: string;
  heldAt: Date;
  /** 应到会成员 */
  membersExpected: number;
  /** 实到会成员 */
  membersPresent: number;
  /** Agree votes needed to pass (more than half of membersExpected), from the rulebook. */
  approvalThreshold: number;
  absentees?: { name: string; reason: string }[];
  /** 第N轮, printed when given (a tie for the last seat needs another round). */
  round?: number;
  /** Seats this round fills. */
  seats?: number;
  /** Members present needed for a valid vote; with `quorumMet: false` the round decides nothing. */
  quorumRequired?: number;
  quorumMet?: boolean;
  /** Names of the members present. */
  presentMembers?: string[];
  results: {
    name: string;
    currentPost: string;
    proposedPost: string;
    agree: number;
    disagree: number;
    defer: number;
    /** Members who recused on this candidate. */
    recused?: number;
    /** Their names, when known. */
    recusedMembers?: string[];
    approved: boolean;
    /** 当选: approved and within the seats (printed when any result says it). */
    elected?: boolean;
  }[];
  /** Approved candidates tied for the last seats: a new round decides between them. */
  tie?: { names: string[]; seats: number };
}

/** 任免通知 */
export interface AppointmentNoticeData {
  meta: IssueMeta;
  title?: string;
  /** 主送机关 */
  addressees: string[];
  /** e.g. 经2026年6月10日县委常委会会议研究决定 */
  decisionBasis: string;
  items: { name: string; appoint?: string[]; remove?: string[] }[];
  /** Paragraphs after the items, e.g. the date the appointment takes effect. */
  remarks?: string[];
  /** 抄送 */
  copyTo?: string[];
}

/** 纪实表 */
export interface DocumentaryRecordData {
  meta: IssueMeta;
  selectionTitle: string;
  posts: { title: string; count: number }[];
  stages: {
    stage: string;
    label: string;
    enteredAt: Date;
    leftAt?: Date;
    summary: string;
  }[];
  candidates?: { name: string; stateLabel: string; note?: string }[];
  /** Ordered events: who did what, when. */
  events: { at: Date; actor: string; action: string }[];
  auditChain: { verified: boolean; eventCount: number; headHash?: string };
}

/** A team member's sign-off on the final dossier. */
export interface SignOff {
  name: string;
  role?: string;
  signedAt: Date;
}

export interface SignOffPageData {
  /** SHA-256 (hex) of the draft PDF the members signed. */
  draftSha256: string;
  signOffs: SignOff[];
}
