import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { AuditService } from '@app/audit';
import {
  CandidateEntity,
  CandidateStateService,
  CaseAccessService,
  CaseExtensions,
  CasesService,
  SelectionEntity,
  SelectionTeamMemberEntity,
} from '@app/cases';
import { Clock, DomainException, invalidField, notFound, unprocessable, type AuthUser } from '@app/common';
import { UnitsService, UsersService } from '@app/identity';
import { OutboxService } from '@app/queue';
import { checkMotion, CURRENT_RULEBOOK_VERSION, isInPlay, RULEBOOKS, type CandidateState } from '@app/rulebook';
import type {
  AppointmentDto,
  CreateSelectionDto,
  MeetingListDto,
  MeetingRecommendationDto,
  MotionDto,
  NominateDto,
  SelectionQueryDto,
  TalkRecommendationDto,
  WorkPlanDto,
} from '../dto/selection.dto';
import {
  AppointmentEntity,
  DeliberationEntity,
  MotionEntity,
  RecommendationEntity,
  SelectionPostEntity,
  TargetMeetingEntity,
  WaiverEntity,
  WorkPlanEntity,
} from '../entities/selection-records.entity';
import { VoteEntity, VoteResultEntity } from '../entities/vote.entity';
import { latest } from '../snapshot.mapper';
import { SelectionLocks, stagesFrom } from './selection-locks.service';

export const mapCandidate = (c: CandidateEntity, name: string | undefined) => ({
  id: c.id,
  selectionId: c.selectionId,
  cadreId: c.cadreId,
  name: name ?? null,
  state: c.state,
  stateReason: c.stateReason,
  stateRule: c.stateRule,
  stateChangedAt: c.stateChangedAt,
  nominator: { name: c.nominatorName, post: c.nominatorPost, team: c.nominatorTeam },
  responsibilityStatement: c.responsibilityStatement,
  proposedPostId: c.proposedPostId,
  version: c.version,
});

export const mapWaiver = (w: WaiverEntity) => ({
  id: w.id,
  selectionId: w.selectionId,
  rule: w.rule,
  candidateId: w.candidateId,
  reason: w.reason,
  requestedBy: w.requestedBy,
  requestedAt: w.requestedAt,
  approvedBy: w.approvedBy,
  approvedAt: w.approvedAt,
  status: w.approvedBy ? 'approved' : 'pending',
});

const mapSelectionHead = (s: SelectionEntity) => ({
  id: s.id,
  title: s.title,
  stage: s.stage,
  rulebookVersion: s.rulebookVersion,
  version: s.version,
  closedReason: s.closedReason,
  stageChangedAt: s.stageChangedAt,
  createdAt: s.createdAt,
});

/** Selection-level records, from the motion to the appointment, each a transaction with its audit event. */
@Injectable()
export class SelectionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly access: CaseAccessService,
    private readonly cases: CasesService,
    private readonly states: CandidateStateService,
    private readonly extensions: CaseExtensions,
    private readonly users: UsersService,
    private readonly units: UnitsService,
    private readonly locks: SelectionLocks,
    private readonly clock: Clock,
    private readonly outbox: OutboxService,
  ) {}

  // --- selections ---------------------------------------------------------------------------

  async create(user: AuthUser, dto: CreateSelectionDto) {
    const version = dto.rulebookVersion ?? CURRENT_RULEBOOK_VERSION;
    if (!Object.prototype.hasOwnProperty.call(RULEBOOKS, version)) {
      throw invalidField('rulebookVersion', `未知的规则版本，可用：${Object.keys(RULEBOOKS).join('、')}`);
    }
    return this.dataSource.transaction(async (m) => {
      const s = await m.save(
        m.create(SelectionEntity, { title: dto.title, rulebookVersion: version, stage: 'motion', createdBy: user.id, stageChangedAt: this.clock.now() }),
      );
      await this.audit.append(m, { selectionId: s.id, action: 'selection.created', entity: 'selection', entityId: s.id, after: mapSelectionHead(s) });
      return mapSelectionHead(s);
    });
  }

  async list(user: AuthUser, q: SelectionQueryDto) {
    const scope = await this.access.scope(user);
    if (!scope.all && scope.ids.length === 0) return { items: [], total: 0, page: q.page, pageSize: q.pageSize };
    const qb = this.dataSource.getRepository(SelectionEntity).createQueryBuilder('s');
    if (!scope.all) qb.andWhere('s.id IN (:...ids)', { ids: scope.ids });
    if (q.stage) qb.andWhere('s.stage = :stage', { stage: q.stage });
    const [rows, total] = await qb
      .orderBy('s.created_at', 'DESC')
      .addOrderBy('s.id', 'ASC')
      .skip((q.page - 1) * q.pageSize)
      .take(q.pageSize)
      .getManyAndCount();
    const counts = rows.length
      ? await this.dataSource.query<{ selection_id: string; state: CandidateState; n: string }[]>(
          'SELECT selection_id, state, count(*) AS n FROM candidate WHERE selection_id = ANY($1) GROUP BY selection_id, state',
          [rows.map((r) => r.id)],
        )
      : [];
    return {
      items: rows.map((s) => {
        const mine = counts.filter((c) => c.selection_id === s.id);
        return {
          ...mapSelectionHead(s),
          candidates: mine.reduce((n, c) => n + Number(c.n), 0),
          candidatesInPlay: mine.filter((c) => isInPlay(c.state)).reduce((n, c) => n + Number(c.n), 0),
        };
      }),
      total,
      page: q.page,
      pageSize: q.pageSize,
    };
  }

  async get(user: AuthUser, id: string) {
    const s = await this.access.assertCanViewSelection(user, id);
    const m = this.dataSource.manager;
    const [posts, motion, plan, teamIds, candidates, waivers, targetMeetings, deliberations, recommendations, votes, appointments] = await Promise.all([
      m.find(SelectionPostEntity, { where: { selectionId: id }, order: { position: 'ASC' } }),
      m.findOneBy(MotionEntity, { selectionId: id }),
      m.findOneBy(WorkPlanEntity, { selectionId: id }),
      this.cases.teamMemberIds(id),
      this.cases.candidatesOf(id),
      m.find(WaiverEntity, { where: { selectionId: id }, order: { requestedAt: 'ASC' } }),
      m.findBy(TargetMeetingEntity, { selectionId: id }),
      m.findBy(DeliberationEntity, { selectionId: id }),
      m.find(RecommendationEntity, { where: { selectionId: id }, order: { heldAt: 'ASC' } }),
      m.find(VoteEntity, { where: { selectionId: id }, order: { round: 'ASC' } }),
      m.findBy(AppointmentEntity, { selectionId: id }),
    ]);
    const supervisorIds = await this.cases.supervisorIds(id);
    const [cadres, team, supervisors, results] = await Promise.all([
      this.cases.cadres([...new Set(candidates.map((c) => c.cadreId))]),
      this.users.findByIds(teamIds),
      this.users.findByIds(supervisorIds),
      // Counts exist once a round is closed (or entered from paper ballots); an open electronic round has none.
      votes.length ? m.findBy(VoteResultEntity, { voteId: In(votes.map((v) => v.id)) }) : Promise.resolve([]),
    ]);
    const names = new Map(cadres.map((c) => [c.id, c.name]));
    const tm = latest(targetMeetings);
    const dl = latest(deliberations);
    return {
      ...mapSelectionHead(s),
      motion: motion && { id: motion.id, direction: motion.direction, criteria: motion.criteria, requirements: motion.requirements, proposedBy: motion.proposedBy, recordedAt: motion.recordedAt },
      workPlan: plan && { id: plan.id, conditions: plan.conditions, pool: plan.pool, method: plan.method, timetable: plan.timetable, recordedAt: plan.recordedAt },
      posts: posts.map((p) => ({ id: p.id, title: p.title, unitId: p.unitId, count: p.count })),
      team: team.map((u) => ({ userId: u.id, name: u.displayName })),
      candidates: candidates.map((c) => mapCandidate(c, names.get(c.cadreId))),
      recommendations: recommendations.map((r) => ({ id: r.id, kind: r.kind, heldAt: r.heldAt, participants: r.participants, results: r.results })),
      targetMeeting: tm && { id: tm.id, heldAt: tm.heldAt, minutes: tm.minutes, candidateIds: tm.candidateIds },
      deliberation: dl && { id: dl.id, heldAt: dl.heldAt, minutes: dl.minutes, candidateIds: dl.candidateIds },
      supervisors: supervisorIds.map((uid) => ({ userId: uid, name: supervisors.find((u) => u.id === uid)?.displayName ?? '' })),
      votes: votes.map((v) => ({
        id: v.id,
        round: v.round,
        mode: v.mode,
        status: v.status,
        heldAt: v.heldAt,
        posts: v.posts,
        agenda: v.agenda,
        tie: v.tie,
        results: results
          .filter((r) => r.voteId === v.id)
          .map((r) => ({ candidateId: r.candidateId, agree: r.agree, disagree: r.disagree, defer: r.defer, approved: r.approved, elected: r.elected })),
      })),
      waivers: waivers.map(mapWaiver),
      appointments: appointments.map((a) => ({ id: a.id, candidateId: a.candidateId, effectiveOn: a.effectiveOn, trialPeriod: a.trialPeriod })),
    };
  }

  // --- motion and work plan -----------------------------------------------------------------

  async recordMotion(user: AuthUser, id: string, dto: MotionDto) {
    return this.dataSource.transaction(async (m) => {
      const s = await this.locks.lock(m, id, { what: '记录动议', stages: ['motion'] });
      const text = [dto.direction, dto.criteria, dto.requirements].join('\n');
      const names = await m.query<{ name: string }[]>(
        `SELECT DISTINCT btrim(name) AS name FROM cadre WHERE char_length(btrim(name)) >= 2 AND strpos($1, btrim(name)) > 0`,
        [text],
      );
      const violations = checkMotion(dto, names.map((n) => n.name));
      if (violations.length > 0) {
        throw unprocessable('THREE_NOTS_VIOLATED', '动议只能提出选拔方向、人选标准和选拔要求，不得提出具体职位、具体人选或选拔范围', {
          unmet: violations.map((v) => ({ rule: v.rule, zh: v.zh, en: v.en, detail: v.detail, matches: v.matches })),
        });
      }
      const existing = await m.findOneBy(MotionEntity, { selectionId: id });
      const motion = await m.save(
        m.create(MotionEntity, {
          ...(existing ?? {}),
          selectionId: id,
          direction: dto.direction,
          criteria: dto.criteria,
          requirements: dto.requirements,
          proposedBy: dto.proposedBy,
          recordedBy: user.id,
          recordedAt: this.clock.now(),
        }),
      );
      await this.locks.touch(m, s);
      const after = { direction: motion.direction, criteria: motion.criteria, requirements: motion.requirements, proposedBy: motion.proposedBy };
      await this.audit.append(m, {
        selectionId: id,
        action: existing ? 'motion.updated' : 'motion.recorded',
        entity: 'motion',
        entityId: motion.id,
        before: existing ? { direction: existing.direction, criteria: existing.criteria, requirements: existing.requirements, proposedBy: existing.proposedBy } : undefined,
        after,
      });
      return { id: motion.id, ...after, recordedAt: motion.recordedAt };
    });
  }

  async setWorkPlan(user: AuthUser, id: string, dto: WorkPlanDto) {
    const unitIds = [...new Set(dto.posts.map((p) => p.unitId))];
    const known = new Set((await this.units.findByIds(unitIds)).map((u) => u.id));
    dto.posts.forEach((p, i) => {
      if (!known.has(p.unitId)) throw invalidField(`posts.${i}.unitId`, '单位不存在');
    });
    const team = await this.users.findByIds(dto.teamUserIds);
    dto.teamUserIds.forEach((uid, i) => {
      const u = team.find((x) => x.id === uid);
      if (!u || !u.active || !u.roles.includes('inspector')) throw invalidField(`teamUserIds.${i}`, '须为在用的考察组成员（inspector）账号');
    });

    return this.dataSource.transaction(async (m) => {
      const s = await this.locks.lock(m, id, { what: '制定工作方案', stages: stagesFrom('motion', 'inspection') });
      const oldPosts = await m.findBy(SelectionPostEntity, { selectionId: id });
      dto.posts.forEach((p, i) => {
        if (p.id && !oldPosts.some((o) => o.id === p.id)) throw invalidField(`posts.${i}.id`, '不是本次选任工作的职位');
      });
      const keep = new Set(dto.posts.map((p) => p.id).filter((x): x is string => !!x));
      const removed = oldPosts.filter((o) => !keep.has(o.id)).map((o) => o.id);
      if (removed.length > 0) {
        // A nominee's proposed post that no longer exists is cleared, not left dangling.
        await m.update(CandidateEntity, { selectionId: id, proposedPostId: In(removed) }, { proposedPostId: null });
        await m.delete(SelectionPostEntity, { id: In(removed) });
      }
      const posts = await m.save(
        dto.posts.map((p, i) => m.create(SelectionPostEntity, { ...(p.id ? { id: p.id } : {}), selectionId: id, title: p.title, unitId: p.unitId, count: p.count, position: i })),
      );
      const existing = await m.findOneBy(WorkPlanEntity, { selectionId: id });
      const plan = await m.save(
        m.create(WorkPlanEntity, {
          ...(existing ?? {}),
          selectionId: id,
          conditions: dto.conditions,
          pool: dto.pool,
          method: dto.method,
          timetable: dto.timetable,
          recordedBy: user.id,
          recordedAt: this.clock.now(),
        }),
      );
      const oldTeam = await this.cases.teamMemberIds(id, m);
      await m.delete(SelectionTeamMemberEntity, { selectionId: id });
      if (dto.teamUserIds.length) await m.insert(SelectionTeamMemberEntity, dto.teamUserIds.map((userId) => ({ selectionId: id, userId })));
      await this.locks.touch(m, s);
      const after = {
        posts: posts.map((p) => ({ id: p.id, title: p.title, unitId: p.unitId, count: p.count })),
        conditions: plan.conditions,
        pool: plan.pool,
        method: plan.method,
        timetable: plan.timetable,
        teamUserIds: dto.teamUserIds,
      };
      await this.audit.append(m, {
        selectionId: id,
        action: existing ? 'work_plan.updated' : 'work_plan.recorded',
        entity: 'work_plan',
        entityId: plan.id,
        before: existing ? { posts: oldPosts.map((p) => ({ id: p.id, title: p.title, unitId: p.unitId, count: p.count })), teamUserIds: oldTeam } : undefined,
        after,
      });
      return { id: plan.id, ...after };
    });
  }

  // --- candidates ---------------------------------------------------------------------------

  async nominate(user: AuthUser, id: string, dto: NominateDto) {
    return this.dataSource.transaction(async (m) => {
      const s = await this.locks.lock(m, id, { what: '提名人选', stages: stagesFrom('nomination', 'inspection') });
      const [cadre] = await this.cases.cadres([dto.cadreId], m);
      if (!cadre) throw invalidField('cadreId', '干部库中没有该干部');
      if (dto.proposedPostId && !(await m.existsBy(SelectionPostEntity, { id: dto.proposedPostId, selectionId: id }))) {
        throw invalidField('proposedPostId', '不是本次选任工作的职位');
      }
      if (await m.existsBy(CandidateEntity, { selectionId: id, cadreId: dto.cadreId })) {
        throw new DomainException('DUPLICATE_CANDIDATE', `${cadre.name} 已是本次选任工作的人选`, 409, { errors: [{ field: 'cadreId', message: '已提名' }] });
      }
      const candidate = await m.save(
        m.create(CandidateEntity, {
          selectionId: id,
          cadreId: dto.cadreId,
          state: 'active',
          stateChangedAt: this.clock.now(),
          nominatorName: dto.nominator.name,
          nominatorPost: dto.nominator.post,
          nominatorTeam: dto.nominator.team,
          responsibilityStatement: dto.responsibilityStatement,
          proposedPostId: dto.proposedPostId ?? null,
        }),
      );
      const updated = await this.locks.touch(m, s);
      const response = mapCandidate(candidate, cadre.name);
      await this.audit.append(m, { selectionId: id, action: 'candidate.nominated', entity: 'candidate', entityId: candidate.id, after: response });
      await this.extensions.candidateAdded(m, updated, candidate);
      return response;
    });
  }

  async withdraw(user: AuthUser, id: string, candidateId: string, reason: string) {
    return this.changeCandidate(id, candidateId, 'withdrawn', reason, '记录人选退出');
  }

  async drop(user: AuthUser, id: string, candidateId: string, reason: string) {
    return this.changeCandidate(id, candidateId, 'not_selected', reason, '将人选列为未入选');
  }

  private async changeCandidate(id: string, candidateId: string, to: 'withdrawn' | 'not_selected', reason: string, what: string) {
    return this.dataSource.transaction(async (m) => {
      const s = await this.locks.lock(m, id, { what, stages: stagesFrom('nomination', 'appointment') });
      const c = await m.findOneBy(CandidateEntity, { id: candidateId, selectionId: id });
      if (!c) throw notFound('考察对象');
      const saved = await this.states.transition(m, candidateId, to, { reason });
      await this.locks.touch(m, s);
      const [cadre] = await this.cases.cadres([c.cadreId], m);
      return mapCandidate(saved, cadre?.name);
    });
  }

  /** Candidates of the selection by id, each required to exist and be in play; errors name the field. */
  private async inPlayCandidates(m: EntityManager, selectionId: string, ids: { field: string; id: string }[]): Promise<CandidateEntity[]> {
    const all = await this.cases.candidatesOf(selectionId, m);
    for (const { field, id } of ids) {
      const c = all.find((x) => x.id === id);
      if (!c) throw invalidField(field, '不是本次选任工作的人选');
      if (!isInPlay(c.state)) throw invalidField(field, '该人选已不在程序中');
    }
    return all;
  }

  private notFuture(field: string, at: string): Date {
    const d = new Date(at);
    if (d.getTime() > this.clock.now().getTime()) throw invalidField(field, '不能晚于当前时间');
    return d;
  }

  // --- recommendations and target meeting ---------------------------------------------------

  async meetingRecommendation(user: AuthUser, id: string, dto: MeetingRecommendationDto) {
    const heldAt = this.notFuture('heldAt', dto.heldAt);
    return this.recordRecommendation(user, id, 'meeting', heldAt, dto.participants, dto.tallies.map((t, i) => ({ field: `tallies.${i}.candidateId`, candidateId: t.candidateId, count: t.votes })));
  }

  async talkRecommendation(user: AuthUser, id: string, dto: TalkRecommendationDto) {
    const heldAt = this.notFuture('heldAt', dto.heldAt);
    return this.recordRecommendation(user, id, 'talk', heldAt, null, dto.results.map((r, i) => ({ field: `results.${i}.candidateId`, candidateId: r.candidateId, count: r.mentions })));
  }

  private async recordRecommendation(
    user: AuthUser,
    id: string,
    kind: 'meeting' | 'talk',
    heldAt: Date,
    participants: number | null,
    rows: { field: string; candidateId: string; count: number }[],
  ) {
    const seen = new Set<string>();
    for (const r of rows) {
      if (seen.has(r.candidateId)) throw invalidField(r.field, '同一人选只能有一条结果');
      seen.add(r.candidateId);
    }
    return this.dataSource.transaction(async (m) => {
      const s = await this.locks.lock(m, id, { what: '记录民主推荐结果', stages: ['recommendation'] });
      await this.inPlayCandidates(m, id, rows.map((r) => ({ field: r.field, id: r.candidateId })));
      const rec = await m.save(
        m.create(RecommendationEntity, {
          selectionId: id,
          kind,
          heldAt,
          participants,
          results: rows.map((r) => ({ candidateId: r.candidateId, count: r.count })),
          recordedBy: user.id,
          recordedAt: this.clock.now(),
        }),
      );
      await this.locks.touch(m, s);
      const response = { id: rec.id, kind, heldAt: rec.heldAt, participants, results: rec.results, recordedAt: rec.recordedAt };
      await this.audit.append(m, { selectionId: id, action: `recommendation.${kind}_recorded`, entity: 'recommendation', entityId: rec.id, after: response });
      return response;
    });
  }

  async targetMeeting(user: AuthUser, id: string, dto: MeetingListDto) {
    const heldAt = this.notFuture('heldAt', dto.heldAt);
    return this.meetingList(user, id, dto, heldAt, {
      entity: TargetMeetingEntity,
      name: 'target_meeting',
      what: '记录确定考察对象的会议',
      stage: 'targets',
      dropReason: '未被确定为考察对象',
    });
  }

  async deliberation(user: AuthUser, id: string, dto: MeetingListDto) {
    const heldAt = this.notFuture('heldAt', dto.heldAt);
    return this.meetingList(user, id, dto, heldAt, {
      entity: DeliberationEntity,
      name: 'deliberation',
      what: '记录酝酿',
      stage: 'deliberation',
      dropReason: '未列入酝酿名单',
    });
  }

  /**
   * A meeting that fixes a list (targets, or the deliberation that sets the vote's agenda):
   * candidates in play that it leaves out become not_selected, with the meeting as the cause.
   */
  private async meetingList(
    user: AuthUser,
    id: string,
    dto: MeetingListDto,
    heldAt: Date,
    kind: { entity: typeof TargetMeetingEntity | typeof DeliberationEntity; name: string; what: string; stage: 'targets' | 'deliberation'; dropReason: string },
  ) {
    return this.dataSource.transaction(async (m) => {
      const s = await this.locks.lock(m, id, { what: kind.what, stages: [kind.stage] });
      const all = await this.inPlayCandidates(m, id, dto.candidateIds.map((cid, i) => ({ field: `candidateIds.${i}`, id: cid })));
      const record = await m.save(
        m.create(kind.entity, { selectionId: id, heldAt, minutes: dto.minutes, candidateIds: dto.candidateIds, recordedBy: user.id, recordedAt: this.clock.now() }),
      );
      await this.audit.append(m, {
        selectionId: id,
        action: `${kind.name}.recorded`,
        entity: kind.name,
        entityId: record.id,
        after: { heldAt: record.heldAt, minutes: record.minutes, candidateIds: record.candidateIds, recordedAt: record.recordedAt },
      });
      const listed = new Set(dto.candidateIds);
      const dropped: string[] = [];
      for (const c of all) {
        if (isInPlay(c.state) && !listed.has(c.id)) {
          await this.states.transition(m, c.id, 'not_selected', { reason: kind.dropReason, source: { entity: kind.name, id: record.id } });
          dropped.push(c.id);
        }
      }
      await this.locks.touch(m, s);
      return { id: record.id, heldAt: record.heldAt, minutes: record.minutes, candidateIds: record.candidateIds, notSelected: dropped };
    });
  }

  // --- appointment --------------------------------------------------------------------------

  async appoint(user: AuthUser, id: string, dto: AppointmentDto) {
    return this.dataSource.transaction(async (m) => {
      const s = await this.locks.lock(m, id, { what: '记录任职', stages: ['appointment'] });
      const c = await m.findOneBy(CandidateEntity, { id: dto.candidateId, selectionId: id });
      if (!c) throw invalidField('candidateId', '不是本次选任工作的人选');
      const elected = await m
        .createQueryBuilder(VoteResultEntity, 'r')
        .innerJoin(VoteEntity, 'v', 'v.id = r.vote_id')
        .where('v.selection_id = :id AND v.status = :st AND r.candidate_id = :cid AND r.elected', { id, st: 'closed', cid: c.id })
        .getExists();
      if (!elected) throw unprocessable('NOT_ELECTED', '只有经票决当选的人选才能任职', { candidateId: c.id });
      if (await m.existsBy(AppointmentEntity, { candidateId: c.id })) throw new DomainException('ALREADY_APPOINTED', '该人选已记录任职', 409);
      const appointment = await m.save(
        m.create(AppointmentEntity, {
          selectionId: id,
          candidateId: c.id,
          effectiveOn: dto.effectiveOn,
          trialPeriod: dto.trialPeriod ?? null,
          recordedBy: user.id,
          recordedAt: this.clock.now(),
        }),
      );
      await this.states.transition(m, c.id, 'appointed', { reason: `任职自 ${dto.effectiveOn} 起生效`, source: { entity: 'appointment', id: appointment.id } });
      await this.locks.touch(m, s);
      const response = { id: appointment.id, candidateId: c.id, effectiveOn: appointment.effectiveOn, trialPeriod: appointment.trialPeriod };
      await this.audit.append(m, { selectionId: id, action: 'appointment.recorded', entity: 'appointment', entityId: appointment.id, after: response });
      await this.outbox.enqueue(m, 'documents.appointment', { appointmentId: appointment.id });
      return response;
    });
  }
}
