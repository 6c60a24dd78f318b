import type { CadreEntity, CadrePostEntity, CandidateEntity, EvidencePart, SelectionEntity } from '@app/cases';
import type { CandidateSnapshot, RuleId, SelectionSnapshot, VoteSnapshot } from '@app/rulebook';
import type {
  DemocraticEvaluationEntity,
  ExtendedInspectionEntity,
  InspectionCheckEntity,
  InterviewEntity,
  PersonalMattersVerificationEntity,
} from './entities/inspection-records.entity';
import type {
  DeliberationEntity,
  MotionEntity,
  RecommendationEntity,
  SelectionPostEntity,
  TargetMeetingEntity,
  WaiverEntity,
  WorkPlanEntity,
} from './entities/selection-records.entity';
import type { VoteEntity, VoteMemberEntity, VoteParticipationEntity, VoteResultEntity } from './entities/vote.entity';

export interface LoadedVote {
  vote: VoteEntity;
  members: VoteMemberEntity[];
  results: VoteResultEntity[];
  participations: VoteParticipationEntity[];
}

/** Every row of one selection the rules look at, each table loaded once. */
export interface LoadedSelection {
  selection: SelectionEntity;
  now: Date;
  posts: SelectionPostEntity[];
  teamMemberIds: string[];
  knownCadreNames: string[];
  motion: MotionEntity | null;
  workPlan: WorkPlanEntity | null;
  recommendations: RecommendationEntity[];
  targetMeetings: TargetMeetingEntity[];
  deliberations: DeliberationEntity[];
  votes: LoadedVote[];
  waivers: WaiverEntity[];
  candidates: CandidateEntity[];
  cadres: CadreEntity[];
  cadrePosts: CadrePostEntity[];
  interviews: InterviewEntity[];
  checks: InspectionCheckEntity[];
  evaluations: DemocraticEvaluationEntity[];
  extendedInspections: ExtendedInspectionEntity[];
  personalMatters: PersonalMattersVerificationEntity[];
  /** What the feature modules (consultations, notices, supervision, documents) add. */
  evidence: EvidencePart[];
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return map;
}

/** The record that counts when a meeting was recorded again: the one held last, then entered last. */
export function latest<T extends { heldAt: Date; recordedAt: Date }>(rows: readonly T[]): T | undefined {
  return [...rows].sort((a, b) => b.heldAt.getTime() - a.heldAt.getTime() || b.recordedAt.getTime() - a.recordedAt.getTime())[0];
}

/** Units of the post history other than the current unit: one extended inspection each. */
export function earlierUnitIds(cadre: Pick<CadreEntity, 'unitId'> | undefined, posts: readonly Pick<CadrePostEntity, 'unitId'>[]): string[] {
  return [...new Set(posts.map((p) => p.unitId))].filter((u) => u !== cadre?.unitId);
}

function hasText(s: string | null | undefined): boolean {
  return !!s && s.trim().length > 0;
}

/**
 * Merges a feature's per-candidate part into the candidate: lists add up (two features may both
 * report consultations or investigations), single values (the dossier) replace.
 */
export function mergeCandidatePart(base: CandidateSnapshot, part: Partial<Omit<CandidateSnapshot, 'id' | 'state'>>): CandidateSnapshot {
  const merged: Mutable<CandidateSnapshot> = { ...base };
  for (const [key, value] of Object.entries(part) as [keyof CandidateSnapshot, unknown][]) {
    if (value === undefined) continue;
    const current = merged[key];
    (merged as Record<string, unknown>)[key] = Array.isArray(current) && Array.isArray(value) ? [...(current as unknown[]), ...(value as unknown[])] : value;
  }
  return merged;
}

function voteSnapshot({ vote, members, results, participations }: LoadedVote): VoteSnapshot {
  const ordered = [...participations].sort((a, b) => (BigInt(a.seq) < BigInt(b.seq) ? -1 : 1));
  return {
    id: vote.id,
    heldAt: vote.heldAt,
    mode: vote.mode,
    posts: vote.posts,
    members: [...members]
      .sort((a, b) => a.position - b.position)
      .map((m) => ({ id: m.id, present: m.present, recusedCandidateIds: m.recusedCandidateIds, isSecretary: m.isSecretary })),
    results: vote.agenda.map((candidateId) => {
      const r = results.find((x) => x.candidateId === candidateId);
      return { candidateId, agree: r?.agree ?? 0, disagree: r?.disagree ?? 0, defer: r?.defer ?? 0 };
    }),
    ...(vote.mode === 'electronic' ? { castOrder: ordered.map((p) => ({ memberId: p.memberId, candidateId: p.candidateId })) } : {}),
  };
}

/** Pure: rows in, the rulebook's snapshot out. */
export function toSnapshot(d: LoadedSelection): SelectionSnapshot {
  const cadres = new Map(d.cadres.map((c) => [c.id, c]));
  const postsByCadre = groupBy(d.cadrePosts, (p) => p.cadreId);
  const interviews = groupBy(d.interviews, (r) => r.candidateId);
  const checks = groupBy(d.checks, (r) => r.candidateId);
  const evaluations = groupBy(d.evaluations, (r) => r.candidateId);
  const extended = groupBy(d.extendedInspections, (r) => r.candidateId);
  const personal = groupBy(d.personalMatters, (r) => r.candidateId);

  let candidates: CandidateSnapshot[] = d.candidates.map((c) => {
    const cadre = cadres.get(c.cadreId);
    const pm = personal.get(c.id)?.sort((a, b) => b.recordedAt.getTime() - a.recordedAt.getTime())[0];
    return {
      id: c.id,
      state: c.state,
      cadreId: c.cadreId,
      cadreName: cadre?.name ?? '',
      nominator: { name: c.nominatorName, post: c.nominatorPost, team: c.nominatorTeam },
      // The signed statement is stored on the candidate row itself.
      ...(hasText(c.responsibilityStatement) ? { responsibilityStatementId: c.id } : {}),
      interviews: (interviews.get(c.id) ?? []).map((r) => ({ id: r.id, category: r.category })),
      checks: (checks.get(c.id) ?? []).map((r) => ({ id: r.id, item: r.item })),
      consultations: [],
      evaluations: (evaluations.get(c.id) ?? []).map((r) => ({ id: r.id })),
      earlierUnitIds: earlierUnitIds(cadre, postsByCadre.get(c.cadreId) ?? []),
      extendedInspections: (extended.get(c.id) ?? []).map((r) => ({ id: r.id, unitId: r.unitId })),
      ...(pm ? { personalMattersVerification: { id: pm.id } } : {}),
    };
  });
  for (const part of d.evidence) {
    if (!part.candidates) continue;
    const parts = part.candidates;
    candidates = candidates.map((c) => (parts[c.id] ? mergeCandidatePart(c, parts[c.id]) : c));
  }

  const posts = [...d.posts].sort((a, b) => a.position - b.position);
  const team = d.teamMemberIds;
  const plan = d.workPlan;
  const targetMeeting = latest(d.targetMeetings);
  const deliberation = latest(d.deliberations);

  return {
    selectionId: d.selection.id,
    stage: d.selection.stage,
    now: d.now,
    posts: posts.map((p) => ({ id: p.id, title: p.title, count: p.count })),
    teamMemberIds: team,
    knownCadreNames: d.knownCadreNames,
    ...(d.motion
      ? { motion: { id: d.motion.id, direction: d.motion.direction, criteria: d.motion.criteria, requirements: d.motion.requirements } }
      : {}),
    ...(plan
      ? {
          workPlan: {
            id: plan.id,
            posts: posts.map((p) => `${p.title}×${p.count}`).join('；'),
            conditions: plan.conditions,
            pool: plan.pool,
            method: plan.method,
            timetable: plan.timetable,
            team: team.join(','),
          },
        }
      : {}),
    recommendations: d.recommendations.map((r) => ({ id: r.id, kind: r.kind, heldAt: r.heldAt, results: r.results })),
    ...(targetMeeting
      ? { targetMeeting: { id: targetMeeting.id, heldAt: targetMeeting.heldAt, minutes: targetMeeting.minutes, candidateIds: targetMeeting.candidateIds } }
      : {}),
    notices: d.evidence.flatMap((e) => e.notices ?? []),
    reports: d.evidence.flatMap((e) => e.reports ?? []),
    ...(deliberation ? { deliberation: { id: deliberation.id, candidateIds: deliberation.candidateIds } } : {}),
    // Open rounds are not decided yet and void rounds (no quorum) decided nothing.
    votes: d.votes
      .filter((v) => v.vote.status === 'closed')
      .sort((a, b) => a.vote.round - b.vote.round)
      .map(voteSnapshot),
    waivers: d.waivers.map((w) => ({
      id: w.id,
      rule: w.rule as RuleId,
      ...(w.candidateId ? { candidateId: w.candidateId } : {}),
      approved: w.approvedBy !== null,
    })),
    supervisionRemarks: d.evidence.flatMap((e) => e.supervisionRemarks ?? []),
    candidates,
  };
}
