import { Injectable } from '@nestjs/common';
import { readAll } from '@app/database';
import { EntityManager, In } from 'typeorm';
import { CaseExtensions, CasesService, type CandidateEntity, type SelectionEntity } from '@app/cases';
import { Clock } from '@app/common';
import type { SelectionSnapshot } from '@app/rulebook';
import {
  DemocraticEvaluationEntity,
  ExtendedInspectionEntity,
  InspectionCheckEntity,
  InterviewEntity,
  PersonalMattersVerificationEntity,
} from '../entities/inspection-records.entity';
import {
  DeliberationEntity,
  MotionEntity,
  RecommendationEntity,
  SelectionPostEntity,
  TargetMeetingEntity,
  WaiverEntity,
  WorkPlanEntity,
} from '../entities/selection-records.entity';
import { VoteEntity, VoteMemberEntity, VoteParticipationEntity, VoteResultEntity } from '../entities/vote.entity';
import { toSnapshot, type LoadedSelection, type LoadedVote } from '../snapshot.mapper';

/**
 * Builds the rule snapshot of one selection: every table read once (IN queries, no N+1), the
 * feature modules' evidence merged in. Given a transaction's manager, the snapshot is what that
 * transaction sees, so an advance judges exactly the state it commits on.
 */
@Injectable()
export class SnapshotService {
  constructor(
    private readonly cases: CasesService,
    private readonly extensions: CaseExtensions,
    private readonly clock: Clock,
  ) {}

  async load(m: EntityManager, selection: SelectionEntity, candidates?: CandidateEntity[]): Promise<LoadedSelection> {
    const sid = selection.id;
    const cands = candidates ?? (await this.cases.candidatesOf(sid, m));
    const cadreIds = [...new Set(cands.map((c) => c.cadreId))];
    const [posts, teamMemberIds, motion, workPlan, recommendations, targetMeetings, deliberations, votes, waivers, cadres, cadrePosts] =
      await readAll(m, [
        () => m.find(SelectionPostEntity, { where: { selectionId: sid }, order: { position: 'ASC' } }),
        () => this.cases.teamMemberIds(sid, m),
        () => m.findOneBy(MotionEntity, { selectionId: sid }),
        () => m.findOneBy(WorkPlanEntity, { selectionId: sid }),
        () => m.find(RecommendationEntity, { where: { selectionId: sid }, order: { heldAt: 'ASC' } }),
        () => m.findBy(TargetMeetingEntity, { selectionId: sid }),
        () => m.findBy(DeliberationEntity, { selectionId: sid }),
        () => m.find(VoteEntity, { where: { selectionId: sid }, order: { round: 'ASC' } }),
        () => m.find(WaiverEntity, { where: { selectionId: sid }, order: { requestedAt: 'ASC' } }),
        () => this.cases.cadres(cadreIds, m),
        () => this.cases.cadrePosts(cadreIds, m),
      ] as const);
    const [interviews, checks, evaluations, extendedInspections, personalMatters, loadedVotes, knownCadreNames, evidence] = await readAll(m, [
      () => m.find(InterviewEntity, { where: { selectionId: sid }, order: { heldAt: 'ASC' } }),
      () => m.find(InspectionCheckEntity, { where: { selectionId: sid }, order: { recordedAt: 'ASC' } }),
      () => m.find(DemocraticEvaluationEntity, { where: { selectionId: sid }, order: { heldAt: 'ASC' } }),
      () => m.find(ExtendedInspectionEntity, { where: { selectionId: sid }, order: { recordedAt: 'ASC' } }),
      () => m.find(PersonalMattersVerificationEntity, { where: { selectionId: sid }, order: { recordedAt: 'ASC' } }),
      () => this.loadVotes(m, votes),
      () => (motion ? this.cadreNamesIn(m, [motion.direction, motion.criteria, motion.requirements].join('\n')) : Promise.resolve([])),
      () => this.extensions.collectEvidence(m, selection, cands),
    ] as const);
    return {
      selection,
      now: this.clock.now(),
      posts,
      teamMemberIds,
      knownCadreNames,
      motion,
      workPlan,
      recommendations,
      targetMeetings,
      deliberations,
      votes: loadedVotes,
      waivers,
      candidates: cands,
      cadres,
      cadrePosts,
      interviews,
      checks,
      evaluations,
      extendedInspections,
      personalMatters,
      evidence,
    };
  }

  async snapshot(m: EntityManager, selection: SelectionEntity): Promise<{ snapshot: SelectionSnapshot; loaded: LoadedSelection }> {
    const loaded = await this.load(m, selection);
    return { snapshot: toSnapshot(loaded), loaded };
  }

  /**
   * Registered cadre names found in a text (三提三不提: no specific person). The database does the
   * matching, so the registry is never shipped to the application to be scanned.
   */
  async cadreNamesIn(m: EntityManager, text: string): Promise<string[]> {
    const rows = await m.query<{ name: string }[]>(
      `SELECT DISTINCT name FROM cadre WHERE char_length(btrim(name)) >= 2 AND strpos($1, btrim(name)) > 0`,
      [text],
    );
    return rows.map((r) => r.name.trim());
  }

  private async loadVotes(m: EntityManager, votes: VoteEntity[]): Promise<LoadedVote[]> {
    if (votes.length === 0) return [];
    const ids = votes.map((v) => v.id);
    const [members, results, participations] = await readAll(m, [
      () => m.findBy(VoteMemberEntity, { voteId: In(ids) }),
      () => m.findBy(VoteResultEntity, { voteId: In(ids) }),
      () => m.findBy(VoteParticipationEntity, { voteId: In(ids) }),
    ] as const);
    return votes.map((vote) => ({
      vote,
      members: members.filter((x) => x.voteId === vote.id),
      results: results.filter((x) => x.voteId === vote.id),
      participations: participations.filter((x) => x.voteId === vote.id),
    }));
  }
}
