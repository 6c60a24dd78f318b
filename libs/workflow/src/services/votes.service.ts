import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { AuditService } from '@app/audit';
import { CandidateStateService, CasesService } from '@app/cases';
import { Clock, DomainException, forbidden, hasRole, invalidField, notFound, unprocessable, type AuthUser } from '@app/common';
import { UsersService } from '@app/identity';
import { OutboxService } from '@app/queue';
import { getRulebook, isInPlay, RULES, secretaryMayVote, tallyVote, type VoteCount, type VoteMember } from '@app/rulebook';
import type { BallotDto, CreateVoteDto } from '../dto/vote.dto';
import { DeliberationEntity, SelectionPostEntity } from '../entities/selection-records.entity';
import {
  BallotBoxEntity,
  VoteEntity,
  VoteMemberEntity,
  VoteParticipationEntity,
  VoteResultEntity,
  type BallotChoice,
} from '../entities/vote.entity';
import { latest } from '../snapshot.mapper';
import { mapRulebookError, SelectionLocks } from './selection-locks.service';

const toVoteMember = (m: VoteMemberEntity): VoteMember => ({
  id: m.id,
  present: m.present,
  recusedCandidateIds: m.recusedCandidateIds,
  isSecretary: m.isSecretary,
});


/** Column of the ballot box each choice increments (a fixed map: never interpolate input). */
const BALLOT_COLUMNS: Record<BallotChoice, 'agree' | 'disagree' | 'defer'> = { agree: 'agree', disagree: 'disagree', defer: 'defer' };

/**
 * The committee's vote (讨论决定): the agenda comes only from deliberation; paper tallies or
 * electronic secret ballots; the secretary votes last; quorum and majority by the rulebook.
 */
@Injectable()
export class VotesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly cases: CasesService,
    private readonly states: CandidateStateService,
    private readonly users: UsersService,
    private readonly locks: SelectionLocks,
    private readonly clock: Clock,
    private readonly outbox: OutboxService,
  ) {}

  private mapVote(v: VoteEntity, members: VoteMemberEntity[]) {
    return {
      id: v.id,
      selectionId: v.selectionId,
      round: v.round,
      heldAt: v.heldAt,
      mode: v.mode,
      posts: v.posts,
      agenda: v.agenda,
      status: v.status,
      tie: v.tie,
      members: [...members]
        .sort((a, b) => a.position - b.position)
        .map((m) => ({
          id: m.id,
          userId: m.userId,
          name: m.name,
          present: m.present,
          recusedCandidateIds: m.recusedCandidateIds,
          absentReason: m.absentReason,
          isSecretary: m.isSecretary,
        })),
    };
  }

  async create(user: AuthUser, selectionId: string, dto: CreateVoteDto) {
    const heldAt = new Date(dto.heldAt);
    if (heldAt.getTime() > this.clock.now().getTime()) throw invalidField('heldAt', '不能晚于当前时间');
    if (dto.mode === 'tally' && !dto.tallies?.length) throw invalidField('tallies', '计票方式须提供各人选的票数');
    if (dto.mode === 'electronic' && dto.tallies) throw invalidField('tallies', '电子票决的票数由投票产生，不接受录入');
    if (dto.mode === 'tally' && dto.candidateIds) throw invalidField('candidateIds', '计票方式的议程即计票结果中的人选');
    if (dto.members.filter((x) => x.isSecretary).length > 1) throw invalidField('members', '至多一名书记');
    const userIds = dto.members.map((x) => x.userId).filter((x): x is string => !!x);
    if (new Set(userIds).size !== userIds.length) throw invalidField('members', '同一账号不能重复列为成员');
    const accounts = await this.users.findByIds(userIds);
    dto.members.forEach((x, i) => {
      if (x.userId && !accounts.some((a) => a.id === x.userId && a.active && a.roles.includes('committee_member'))) {
        throw invalidField(`members.${i}.userId`, '须为在用的常委（committee_member）账号');
      }
      if (dto.mode === 'electronic' && x.present && !x.userId) throw invalidField(`members.${i}.userId`, '电子票决的到会成员须关联常委账号');
    });

    return this.dataSource.transaction(async (m) => {
      const s = await this.locks.lock(m, selectionId, { what: '组织票决', stages: ['decision'] });
      const votes = await m.find(VoteEntity, { where: { selectionId }, order: { round: 'ASC' } });
      if (votes.some((v) => v.status === 'open')) throw new DomainException('VOTE_OPEN', '本次选任工作已有一轮未结束的票决', 409);
      const decided = votes.filter((v) => v.status === 'closed').at(-1);
      if (decided && !decided.tie) throw new DomainException('VOTE_DECIDED', '票决已形成结果，不能再次票决', 409, { voteId: decided.id });

      const deliberation = latest(await m.findBy(DeliberationEntity, { selectionId }));
      const candidates = await this.cases.candidatesOf(selectionId, m);
      const through = new Set(deliberation?.candidateIds ?? []);
      const defaultAgenda = decided?.tie
        ? decided.tie.candidateIds
        : candidates.filter((c) => isInPlay(c.state) && through.has(c.id)).map((c) => c.id);
      const agenda = dto.mode === 'tally' ? dto.tallies!.map((t) => t.candidateId) : (dto.candidateIds ?? defaultAgenda);
      const field = dto.mode === 'tally' ? (i: number) => `tallies.${i}.candidateId` : (i: number) => `candidateIds.${i}`;
      if (new Set(agenda).size !== agenda.length) throw invalidField(dto.mode === 'tally' ? 'tallies' : 'candidateIds', '同一人选只能出现一次');
      if (agenda.length === 0) throw invalidField('candidateIds', '议程中没有人选');
      const adHoc = agenda.filter((cid) => !through.has(cid));
      if (adHoc.length > 0) {
        const rule = RULES['decision.no_ad_hoc'];
        throw unprocessable('NO_AD_HOC', '票决只能就经过酝酿的人选进行，不得临时动议', {
          rule: rule.id,
          candidateIds: adHoc,
          unmet: adHoc.map((candidateId) => ({ rule: rule.id, candidateId, zh: rule.zh, en: rule.en })),
        });
      }
      agenda.forEach((cid, i) => {
        const c = candidates.find((x) => x.id === cid);
        if (!c || !isInPlay(c.state)) throw invalidField(field(i), '该人选已不在程序中');
        if (decided?.tie && !decided.tie.candidateIds.includes(cid)) throw invalidField(field(i), '新一轮票决只能就上一轮得票并列的人选进行');
      });
      const posts = decided?.tie
        ? decided.tie.seats
        : (await m.findBy(SelectionPostEntity, { selectionId })).reduce((n, p) => n + p.count, 0);
      if (posts < 1) throw new DomainException('NO_POSTS', '工作方案中没有职位', 409);

      const recusals = dto.members.map((x, i) => {
        if (x.recused === true) return [...agenda];
        if (!x.recused) return [];
        for (const cid of x.recused) if (!agenda.includes(cid)) throw invalidField(`members.${i}.recused`, '回避的人选不在议程中');
        return [...new Set(x.recused)];
      });
      const members: VoteMember[] = dto.members.map((x, i) => ({ present: x.present, recusedCandidateIds: recusals[i], isSecretary: !!x.isSecretary }));
      if (dto.mode === 'tally') {
        try {
          tallyVote({ members, posts, results: dto.tallies! }, getRulebook(s.rulebookVersion).parameters.quorum);
        } catch (err) {
          mapRulebookError(err);
        }
      }

      const vote = await m.save(
        m.create(VoteEntity, {
          selectionId,
          round: (votes.at(-1)?.round ?? 0) + 1,
          heldAt,
          mode: dto.mode,
          posts,
          agenda,
          status: 'open',
          tie: null,
          closedAt: null,
          recordedBy: user.id,
          recordedAt: this.clock.now(),
        }),
      );
      const memberRows = await m.save(
        dto.members.map((x, i) =>
          m.create(VoteMemberEntity, {
            voteId: vote.id,
            position: i,
            userId: x.userId ?? null,
            name: x.name,
            present: x.present,
            recusedCandidateIds: recusals[i],
            absentReason: x.absentReason ?? null,
            isSecretary: !!x.isSecretary,
          }),
        ),
      );
      if (dto.mode === 'tally') {
        await m.insert(
          VoteResultEntity,
          dto.tallies!.map((t) => ({ voteId: vote.id, candidateId: t.candidateId, agree: t.agree, disagree: t.disagree, defer: t.defer, approved: null, elected: false })),
        );
      }
      await this.locks.touch(m, s);
      const response = { ...this.mapVote(vote, memberRows), ...(dto.tallies ? { tallies: dto.tallies } : {}) };
      await this.audit.append(m, { selectionId, action: 'vote.created', entity: 'vote', entityId: vote.id, after: response });
      return response;
    });
  }

  /** org_admin, or a committee member listed on this vote (who needs the agenda to vote). */
  async get(user: AuthUser, voteId: string) {
    const vote = await this.dataSource.getRepository(VoteEntity).findOneBy({ id: voteId });
    if (!vote) throw notFound('票决');
    const members = await this.dataSource.getRepository(VoteMemberEntity).findBy({ voteId });
    if (!hasRole(user, 'org_admin') && !members.some((x) => x.userId === user.id)) throw notFound('票决');
    return this.mapVote(vote, members);
  }

  /**
   * A committee member's open electronic votes, each agenda candidate with what the member needs
   * to vote on a phone: the name and post, and whether they already voted or are recused (never
   * how anyone voted).
   */
  async openFor(user: AuthUser) {
    const mine = await this.dataSource.getRepository(VoteMemberEntity).findBy({ userId: user.id });
    if (mine.length === 0) return [];
    const votes = (await this.dataSource.getRepository(VoteEntity).findBy({ id: In(mine.map((x) => x.voteId)), status: 'open', mode: 'electronic' })).sort(
      (a, b) => a.heldAt.getTime() - b.heldAt.getTime(),
    );
    if (votes.length === 0) return [];
    const [participations, selections] = await Promise.all([
      this.dataSource.getRepository(VoteParticipationEntity).findBy({ voteId: In(votes.map((v) => v.id)), userId: user.id }),
      Promise.all(votes.map((v) => this.cases.selection(v.selectionId))),
    ]);
    const candidates = await this.cases.candidatesByIds([...new Set(votes.flatMap((v) => v.agenda))]);
    const cadres = await this.cases.cadres([...new Set(candidates.map((c) => c.cadreId))]);
    return votes.map((v, i) => {
      const me = mine.find((x) => x.voteId === v.id)!;
      return {
        id: v.id,
        selectionTitle: selections[i].title,
        round: v.round,
        heldAt: v.heldAt,
        present: me.present,
        isSecretary: me.isSecretary,
        agenda: v.agenda.map((cid) => {
          const cadre = cadres.find((x) => x.id === candidates.find((c) => c.id === cid)?.cadreId);
          return {
            candidateId: cid,
            name: cadre?.name ?? null,
            currentPost: cadre?.currentPost ?? null,
            voted: participations.some((p) => p.voteId === v.id && p.candidateId === cid),
            recused: me.recusedCandidateIds.includes(cid),
          };
        }),
      };
    });
  }

  /**
   * One secret ballot. The vote row is locked (waiting, not NOWAIT: members vote at the same
   * moment) so that the secretary-last check and the double-vote check see every earlier ballot.
   * The choice only increments the candidate's ballot box (totals, no row per ballot); the
   * participation row holds no choice; the audit event says who voted on whom, never how.
   */
  async cast(user: AuthUser, voteId: string, dto: BallotDto) {
    return this.dataSource.transaction(async (m) => {
      const vote = await m.findOne(VoteEntity, { where: { id: voteId }, lock: { mode: 'pessimistic_write' } });
      if (!vote) throw notFound('票决');
      const members = await m.findBy(VoteMemberEntity, { voteId });
      const me = members.find((x) => x.userId === user.id);
      if (!me) throw notFound('票决');
      const selection = await this.cases.selection(vote.selectionId, m);
      if (selection.stage !== 'decision' || vote.status !== 'open') throw new DomainException('VOTE_CLOSED', '该轮票决已结束', 409);
      if (vote.mode !== 'electronic') throw new DomainException('NOT_ELECTRONIC', '该轮票决为现场计票，不接受电子投票', 409);
      if (!vote.agenda.includes(dto.candidateId)) throw invalidField('candidateId', '该人选不在本轮议程中');
      if (!me.present) throw forbidden('未到会成员不能投票');
      if (me.recusedCandidateIds.includes(dto.candidateId)) throw new DomainException('RECUSED', '您对该人选已回避，不能投票', 403, { rule: 'decision.recusal' });
      const participations = await m.findBy(VoteParticipationEntity, { voteId, candidateId: dto.candidateId });
      if (participations.some((p) => p.userId === user.id)) throw new DomainException('ALREADY_VOTED', '您已对该人选投过票', 409);
      if (me.isSecretary) {
        const others = members
          .filter((x) => x.present && !x.isSecretary && !x.recusedCandidateIds.includes(dto.candidateId))
          .map((x) => x.id);
        if (!secretaryMayVote(others, participations.map((p) => p.memberId))) {
          throw new DomainException('SECRETARY_LAST', '书记须在其他到会成员表决后末位表态', 409, { rule: 'decision.secretary_last' });
        }
      }
      await m.insert(VoteParticipationEntity, { voteId, candidateId: dto.candidateId, userId: user.id, memberId: me.id });
      const column = BALLOT_COLUMNS[dto.choice];
      await m.query(
        `INSERT INTO ballot_box (vote_id, candidate_id, ${column}) VALUES ($1, $2, 1)
         ON CONFLICT (vote_id, candidate_id) DO UPDATE SET ${column} = ballot_box.${column} + 1`,
        [voteId, dto.candidateId],
      );
      await this.audit.append(m, { selectionId: vote.selectionId, action: 'vote.ballot_cast', entity: 'vote', entityId: voteId, after: { candidateId: dto.candidateId } });
      return { voteId, candidateId: dto.candidateId, recorded: true };
    });
  }

  async close(user: AuthUser, voteId: string) {
    const found = await this.dataSource.getRepository(VoteEntity).findOneBy({ id: voteId });
    if (!found) throw notFound('票决');
    return this.dataSource.transaction(async (m) => {
      const s = await this.locks.lock(m, found.selectionId, { what: '结束票决', stages: ['decision'] });
      const vote = await m.findOneOrFail(VoteEntity, { where: { id: voteId }, lock: { mode: 'pessimistic_write' } });
      if (vote.status !== 'open') throw new DomainException('VOTE_CLOSED', '该轮票决已结束', 409);
      const members = await m.findBy(VoteMemberEntity, { voteId });
      const counts = await this.counts(m, vote);
      const tally = (() => {
        try {
          return tallyVote(
            { members: [...members].sort((a, b) => a.position - b.position).map(toVoteMember), posts: vote.posts, results: counts },
            getRulebook(s.rulebookVersion).parameters.quorum,
          );
        } catch (err) {
          return mapRulebookError(err);
        }
      })();
      // Without quorum the meeting could not decide: the round is void and decides nothing.
      vote.status = tally.quorum.met ? 'closed' : 'void';
      vote.tie = tally.quorum.met && tally.tie ? { candidateIds: [...tally.tie.candidateIds], seats: tally.tie.seats } : null;
      vote.closedAt = this.clock.now();
      await m.save(vote);
      const elected = new Set(tally.elected);
      await m.upsert(
        VoteResultEntity,
        tally.candidates.map((c) => ({
          voteId,
          candidateId: c.candidateId,
          agree: c.agree,
          disagree: c.disagree,
          defer: c.defer,
          approved: c.approved,
          elected: elected.has(c.candidateId),
        })),
        ['voteId', 'candidateId'],
      );
      const notSelected: string[] = [];
      if (vote.status === 'closed') {
        // Those neither elected nor tied are out; the tied ones stay for the new round.
        const tied = new Set(vote.tie?.candidateIds ?? []);
        const candidates = await this.cases.candidatesByIds(vote.agenda, m);
        for (const c of candidates) {
          if (isInPlay(c.state) && !elected.has(c.id) && !tied.has(c.id)) {
            await this.states.transition(m, c.id, 'not_selected', { reason: '票决未当选', source: { entity: 'vote', id: voteId } });
            notSelected.push(c.id);
          }
        }
      }
      await this.locks.touch(m, s);
      const response = {
        voteId,
        round: vote.round,
        status: vote.status,
        void: vote.status === 'void',
        quorum: tally.quorum.met,
        present: tally.present,
        shouldAttend: tally.shouldAttend,
        quorumRequired: tally.quorum.required,
        approvalThreshold: tally.approvalThreshold,
        results: tally.candidates.map((c) => ({
          candidateId: c.candidateId,
          agree: c.agree,
          disagree: c.disagree,
          defer: c.defer,
          approved: c.approved,
          elected: elected.has(c.candidateId),
        })),
        elected: [...tally.elected],
        ...(vote.tie ? { tie: vote.tie } : {}),
        openSeats: tally.openSeats,
        notSelected,
      };
      await this.audit.append(m, { selectionId: s.id, action: vote.status === 'void' ? 'vote.void' : 'vote.closed', entity: 'vote', entityId: voteId, after: response });
      // The sealed 票决结果 (a void round's too: the record says why it decided nothing).
      await this.outbox.enqueue(m, 'documents.vote_result', { voteId });
      return response;
    });
  }

  private async counts(m: EntityManager, vote: VoteEntity): Promise<VoteCount[]> {
    if (vote.mode === 'tally') {
      const rows = await m.findBy(VoteResultEntity, { voteId: vote.id });
      return vote.agenda.map((cid) => {
        const r = rows.find((x) => x.candidateId === cid);
        return { candidateId: cid, agree: r?.agree ?? 0, disagree: r?.disagree ?? 0, defer: r?.defer ?? 0 };
      });
    }
    const boxes = await m.findBy(BallotBoxEntity, { voteId: vote.id });
    return vote.agenda.map((cid) => {
      const box = boxes.find((b) => b.candidateId === cid);
      return { candidateId: cid, agree: box?.agree ?? 0, disagree: box?.disagree ?? 0, defer: box?.defer ?? 0 };
    });
  }
}
