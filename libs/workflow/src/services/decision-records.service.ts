import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { CasesService, type CadreEntity, type CandidateEntity } from '@app/cases';
import { UnitsService } from '@app/identity';
import { getRulebook, tallyVote } from '@app/rulebook';
import { AppointmentEntity, SelectionPostEntity } from '../entities/selection-records.entity';
import { VoteEntity, VoteMemberEntity, VoteResultEntity, type VoteStatus } from '../entities/vote.entity';

export interface DecisionCandidate {
  candidateId: string;
  name: string;
  gender: CadreEntity['gender'];
  birthDate: string;
  currentPost: string;
  /** The post of the work plan the candidate is proposed for, with its unit's name. */
  proposedPost: { title: string; unitId: string; unitName: string | null } | null;
}

/** A closed (or void) round of the committee's vote, as the documents print it. */
export interface VoteRecord {
  id: string;
  selectionId: string;
  selectionTitle: string;
  round: number;
  heldAt: Date;
  mode: VoteEntity['mode'];
  status: VoteStatus;
  seats: number;
  closedAt: Date | null;
  shouldAttend: number;
  present: number;
  quorum: { met: boolean; required: number };
  approvalThreshold: number;
  members: { name: string; present: boolean; absentReason: string | null; isSecretary: boolean; recusedCandidateIds: string[] }[];
  results: (DecisionCandidate & {
    agree: number;
    disagree: number;
    defer: number;
    approved: boolean;
    elected: boolean;
    recused: string[];
  })[];
  tie: { candidateIds: string[]; seats: number } | null;
}

export interface AppointmentRecord {
  id: string;
  selectionId: string;
  selectionTitle: string;
  candidate: DecisionCandidate;
  effectiveOn: string;
  trialPeriod: string | null;
  recordedAt: Date;
  /** The round in which the candidate was elected. */
  vote: { id: string; round: number; heldAt: Date } | null;
}

/**
 * Read-only views of the decision records (votes, appointments) for other modules: the document
 * registry prints the 票决结果 and the 任免通知 from them without reading workflow tables itself.
 */
@Injectable()
export class DecisionRecords {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cases: CasesService,
    private readonly units: UnitsService,
  ) {}

  /** null when there is no such vote or it is still open. */
  async vote(voteId: string, m: EntityManager = this.dataSource.manager): Promise<VoteRecord | null> {
    const vote = await m.findOneBy(VoteEntity, { id: voteId });
    if (!vote || vote.status === 'open') return null;
    // One after the other: `m` may be a job's transaction, whose single connection takes one query at a time.
    const members = await m.find(VoteMemberEntity, { where: { voteId }, order: { position: 'ASC' } });
    const rows = await m.findBy(VoteResultEntity, { voteId });
    const selection = await this.cases.selection(vote.selectionId, m);
    const counts = vote.agenda.map((cid) => {
      const r = rows.find((x) => x.candidateId === cid);
      return { candidateId: cid, agree: r?.agree ?? 0, disagree: r?.disagree ?? 0, defer: r?.defer ?? 0 };
    });
    // The same pure tally the close used: the thresholds printed are the ones that decided.
    const tally = tallyVote(
      {
        members: members.map((x) => ({ present: x.present, recusedCandidateIds: x.recusedCandidateIds, isSecretary: x.isSecretary })),
        posts: vote.posts,
        results: counts,
      },
      getRulebook(selection.rulebookVersion).parameters.quorum,
    );
    const candidates = await this.describe(vote.agenda, m);
    return {
      id: vote.id,
      selectionId: vote.selectionId,
      selectionTitle: selection.title,
      round: vote.round,
      heldAt: vote.heldAt,
      mode: vote.mode,
      status: vote.status,
      seats: vote.posts,
      closedAt: vote.closedAt,
      shouldAttend: tally.shouldAttend,
      present: tally.present,
      quorum: { met: tally.quorum.met, required: tally.quorum.required },
      approvalThreshold: tally.approvalThreshold,
      members: members.map((x) => ({
        name: x.name,
        present: x.present,
        absentReason: x.absentReason,
        isSecretary: x.isSecretary,
        recusedCandidateIds: x.recusedCandidateIds,
      })),
      results: vote.agenda.map((cid) => {
        const stored = rows.find((x) => x.candidateId === cid);
        const count = counts.find((x) => x.candidateId === cid)!;
        return {
          ...candidates.get(cid)!,
          agree: count.agree,
          disagree: count.disagree,
          defer: count.defer,
          approved: stored?.approved ?? false,
          elected: stored?.elected ?? false,
          recused: members.filter((x) => x.recusedCandidateIds.includes(cid)).map((x) => x.name),
        };
      }),
      tie: vote.tie,
    };
  }

  async appointment(appointmentId: string, m: EntityManager = this.dataSource.manager): Promise<AppointmentRecord | null> {
    const a = await m.findOneBy(AppointmentEntity, { id: appointmentId });
    if (!a) return null;
    const selection = await this.cases.selection(a.selectionId, m);
    const candidate = (await this.describe([a.candidateId], m)).get(a.candidateId)!;
    const elected = await m
      .createQueryBuilder(VoteEntity, 'v')
      .innerJoin(VoteResultEntity, 'r', 'r.vote_id = v.id')
      .where('v.selection_id = :sid AND v.status = :st AND r.candidate_id = :cid AND r.elected', {
        sid: a.selectionId,
        st: 'closed',
        cid: a.candidateId,
      })
      .orderBy('v.round', 'DESC')
      .getOne();
    return {
      id: a.id,
      selectionId: a.selectionId,
      selectionTitle: selection.title,
      candidate,
      effectiveOn: a.effectiveOn,
      trialPeriod: a.trialPeriod,
      recordedAt: a.recordedAt,
      vote: elected ? { id: elected.id, round: elected.round, heldAt: elected.heldAt } : null,
    };
  }

  /** Name, current post and proposed post of each candidate; a plan with one post proposes it to all. */
  private async describe(candidateIds: string[], m: EntityManager): Promise<Map<string, DecisionCandidate>> {
    const candidates: CandidateEntity[] = await this.cases.candidatesByIds(candidateIds, m);
    const cadres = await this.cases.cadres([...new Set(candidates.map((c) => c.cadreId))], m);
    const selectionIds = [...new Set(candidates.map((c) => c.selectionId))];
    const posts = selectionIds.length
      ? await m.find(SelectionPostEntity, { where: selectionIds.map((selectionId) => ({ selectionId })), order: { position: 'ASC' } })
      : [];
    const unitNames = new Map((await this.units.findByIds([...new Set(posts.map((p) => p.unitId))])).map((u) => [u.id, u.name]));
    const out = new Map<string, DecisionCandidate>();
    for (const c of candidates) {
      const cadre = cadres.find((x) => x.id === c.cadreId);
      const own = posts.filter((p) => p.selectionId === c.selectionId);
      const post = own.find((p) => p.id === c.proposedPostId) ?? (own.length === 1 ? own[0] : undefined);
      out.set(c.id, {
        candidateId: c.id,
        name: cadre?.name ?? '',
        gender: cadre?.gender ?? 'male',
        birthDate: cadre?.birthDate ?? '',
        currentPost: cadre?.currentPost ?? '',
        proposedPost: post ? { title: post.title, unitId: post.unitId, unitName: unitNames.get(post.unitId) ?? null } : null,
      });
    }
    return out;
  }
}
