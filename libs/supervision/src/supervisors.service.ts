import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { AuditService } from '@app/audit';
import { CandidateEntity, CaseAccessService, CasesService, SelectionEntity, SelectionSupervisorEntity } from '@app/cases';
import { Clock, FieldCipher, invalidField, notFound, type AuthUser } from '@app/common';
import { UnitsService, UsersService, type UserResponseDto } from '@app/identity';
import { CANDIDATE_STATE_LABELS, STAGE_LABELS } from '@app/rulebook';
import type { AssignSupervisorsDto, SupervisedSelectionsQueryDto, SupervisorProfileDto } from './supervision.dto';
import { SupervisionRemarkAnswerEntity, SupervisionRemarkEntity, SupervisorProfileEntity } from './supervision.entities';
import { closedSelection } from './supervision-access';

export interface SupervisorView {
  id: string;
  username: string;
  displayName: string;
  active: boolean;
  unit: { id: string; name: string; kind: string } | null;
  profile: { phone: string | null; occupation: string | null; affiliation: string | null; termFrom: string | null; termTo: string | null } | null;
  /** Open selections this supervisor is assigned to. */
  openAssignments: number;
}

const isSupervisor = (u: UserResponseDto) => u.roles.includes('supervisor');

/**
 * 义务监督员 and 义务监督单位: the accounts are identity's (role `supervisor`, `unitId` a unit of kind
 * `supervising_unit`); this keeps their profile and their assignment to selections.
 */
@Injectable()
export class SupervisorsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: CaseAccessService,
    private readonly cases: CasesService,
    private readonly users: UsersService,
    private readonly units: UnitsService,
    private readonly audit: AuditService,
    private readonly cipher: FieldCipher,
    private readonly clock: Clock,
  ) {}

  /** Every supervisor account with its profile and supervising unit, and the supervising units with how many supervisors each has. */
  async list(): Promise<{ items: SupervisorView[]; units: { id: string; name: string; supervisors: number }[] }> {
    const supervisors = (await this.users.list()).filter(isSupervisor);
    const ids = supervisors.map((u) => u.id);
    const [profiles, supervisingUnits, assignments] = await Promise.all([
      ids.length
        ? this.dataSource.getRepository(SupervisorProfileEntity).createQueryBuilder('p').addSelect('p.phoneEnc').where('p.user_id IN (:...ids)', { ids }).getMany()
        : Promise.resolve([]),
      this.units.findByKinds(['supervising_unit']),
      ids.length
        ? this.dataSource.query<{ user_id: string; n: string }[]>(
            `SELECT ss.user_id, count(*) AS n FROM selection_supervisor ss JOIN selection s ON s.id = ss.selection_id
              WHERE s.stage <> 'closed' AND ss.user_id = ANY($1) GROUP BY ss.user_id`,
            [ids],
          )
        : Promise.resolve([]),
    ]);
    const otherUnitIds = [...new Set(supervisors.map((u) => u.unitId).filter((x): x is string => !!x))].filter((id) => !supervisingUnits.some((u) => u.id === id));
    const units = new Map([...supervisingUnits, ...(await this.units.findByIds(otherUnitIds))].map((u) => [u.id, u]));
    const items = supervisors.map((u): SupervisorView => {
      const p = profiles.find((x) => x.userId === u.id);
      const unit = u.unitId ? units.get(u.unitId) : undefined;
      return {
        id: u.id,
        username: u.username,
        displayName: u.displayName,
        active: u.active,
        unit: unit ? { id: unit.id, name: unit.name, kind: unit.kind } : null,
        profile: p
          ? {
              phone: p.phoneEnc ? this.cipher.decrypt(p.phoneEnc) : null,
              occupation: p.occupation,
              affiliation: p.affiliation,
              termFrom: p.termFrom,
              termTo: p.termTo,
            }
          : null,
        openAssignments: Number(assignments.find((a) => a.user_id === u.id)?.n ?? 0),
      };
    });
    return {
      items,
      units: supervisingUnits.map((u) => ({ id: u.id, name: u.name, supervisors: supervisors.filter((s) => s.unitId === u.id).length })),
    };
  }

  async setProfile(user: AuthUser, userId: string, dto: SupervisorProfileDto): Promise<SupervisorView> {
    const account = await this.users.get(userId).catch(() => null);
    if (!account || !isSupervisor(account)) throw notFound('义务监督员');
    if (dto.termFrom && dto.termTo && dto.termTo < dto.termFrom) throw invalidField('termTo', '任期结束日期不能早于开始日期');
    await this.dataSource.transaction(async (m) => {
      const before = await m.findOne(SupervisorProfileEntity, { where: { userId }, lock: { mode: 'pessimistic_write' } });
      const row = m.create(SupervisorProfileEntity, {
        ...(before ?? { userId, phoneEnc: null, occupation: null, affiliation: null, termFrom: null, termTo: null }),
        updatedBy: user.id,
        updatedAt: this.clock.now(),
      });
      if (dto.phone !== undefined) row.phoneEnc = dto.phone ? this.cipher.encrypt(dto.phone.trim()) : null;
      if (dto.occupation !== undefined) row.occupation = dto.occupation?.trim() || null;
      if (dto.affiliation !== undefined) row.affiliation = dto.affiliation?.trim() || null;
      if (dto.termFrom !== undefined) row.termFrom = dto.termFrom;
      if (dto.termTo !== undefined) row.termTo = dto.termTo;
      if (row.termFrom && row.termTo && row.termTo < row.termFrom) throw invalidField('termTo', '任期结束日期不能早于开始日期');
      await m.save(row);
      // The phone number stays out of the audit chain, which auditors read in full.
      const view = (p: SupervisorProfileEntity) => ({ hasPhone: Boolean(p.phoneEnc), occupation: p.occupation, affiliation: p.affiliation, termFrom: p.termFrom, termTo: p.termTo });
      await this.audit.append(m, {
        action: 'supervision.profile_set',
        entity: 'supervisor_profile',
        entityId: userId,
        before: before ? view(before) : null,
        after: view(row),
      });
    });
    return (await this.list()).items.find((s) => s.id === userId)!;
  }

  /** Replaces the selection's supervisors; each must be an active supervisor account. */
  async assign(user: AuthUser, selectionId: string, dto: AssignSupervisorsDto) {
    const accounts = await this.users.findByIds(dto.userIds);
    dto.userIds.forEach((id, i) => {
      const u = accounts.find((a) => a.id === id);
      if (!u || !u.active || !isSupervisor(u)) throw invalidField(`userIds.${i}`, '须为在用的义务监督员（supervisor）账号');
    });
    await this.access.assertCanViewSelection(user, selectionId);
    return this.dataSource.transaction(async (m) => {
      const s = await this.access.lockSelection(m, selectionId);
      if (s.stage === 'closed') throw closedSelection(s.stage, '调整义务监督员');
      const current = await m.findBy(SelectionSupervisorEntity, { selectionId });
      const oldIds = current.map((r) => r.userId);
      const added = dto.userIds.filter((id) => !oldIds.includes(id));
      const removed = oldIds.filter((id) => !dto.userIds.includes(id));
      if (removed.length) await m.delete(SelectionSupervisorEntity, { selectionId, userId: In(removed) });
      const now = this.clock.now();
      if (added.length) await m.insert(SelectionSupervisorEntity, added.map((userId) => ({ selectionId, userId, assignedAt: now })));
      await this.audit.append(m, {
        selectionId,
        action: 'supervision.supervisors_assigned',
        entity: 'selection',
        entityId: selectionId,
        before: { userIds: oldIds },
        after: { userIds: dto.userIds, added, removed },
      });
      const rows = await m.find(SelectionSupervisorEntity, { where: { selectionId }, order: { assignedAt: 'ASC' } });
      const names = new Map(accounts.map((a) => [a.id, a.displayName]));
      return { selectionId, supervisors: rows.map((r) => ({ userId: r.userId, name: names.get(r.userId) ?? '', assignedAt: r.assignedAt })) };
    });
  }

  /** A supervisor's own assignments: stage, title, candidates with their states, and where their remarks stand. */
  async assignedTo(user: AuthUser, q: Pick<SupervisedSelectionsQueryDto, 'stage' | 'page' | 'pageSize'> = { page: 1, pageSize: 200 }) {
    const qb = this.dataSource
      .getRepository(SelectionSupervisorEntity)
      .createQueryBuilder('a')
      .innerJoin(SelectionEntity, 's', 's.id = a.selection_id')
      .where('a.user_id = :userId', { userId: user.id });
    if (q.stage) qb.andWhere('s.stage = :stage', { stage: q.stage });
    const [assigned, total] = await qb
      .orderBy('a.assigned_at', 'DESC')
      .addOrderBy('a.selection_id', 'ASC')
      .skip((q.page - 1) * q.pageSize)
      .take(q.pageSize)
      .getManyAndCount();
    const page = { total, page: q.page, pageSize: q.pageSize };
    const ids = assigned.map((a) => a.selectionId);
    if (ids.length === 0) return { items: [], ...page };
    const [selections, candidates, remarks] = await Promise.all([
      this.dataSource.getRepository(SelectionEntity).findBy({ id: In(ids) }),
      this.dataSource.getRepository(CandidateEntity).find({ where: { selectionId: In(ids) }, order: { createdAt: 'ASC', id: 'ASC' } }),
      this.dataSource
        .getRepository(SupervisionRemarkEntity)
        .createQueryBuilder('r')
        .leftJoin(SupervisionRemarkAnswerEntity, 'a', 'a.remark_id = r.id')
        .select('r.selection_id', 'selectionId')
        .addSelect('count(*)', 'total')
        .addSelect('count(*) FILTER (WHERE a.remark_id IS NULL)', 'unanswered')
        .where('r.selection_id IN (:...ids)', { ids })
        .groupBy('r.selection_id')
        .getRawMany<{ selectionId: string; total: string; unanswered: string }>(),
    ]);
    const names = new Map((await this.cases.cadres([...new Set(candidates.map((c) => c.cadreId))])).map((c) => [c.id, c.name]));
    return {
      items: assigned
        .map((a) => ({ a, s: selections.find((x) => x.id === a.selectionId) }))
        .filter((x): x is { a: SelectionSupervisorEntity; s: SelectionEntity } => !!x.s)
        .map(({ a, s }) => {
          const r = remarks.find((x) => x.selectionId === s.id);
          return {
            id: s.id,
            title: s.title,
            stage: s.stage,
            stageLabel: STAGE_LABELS[s.stage],
            stageChangedAt: s.stageChangedAt,
            assignedAt: a.assignedAt,
            candidates: candidates
              .filter((c) => c.selectionId === s.id)
              .map((c) => ({ id: c.id, name: names.get(c.cadreId) ?? null, state: c.state, stateLabel: CANDIDATE_STATE_LABELS[c.state] })),
            remarks: { total: Number(r?.total ?? 0), unanswered: Number(r?.unanswered ?? 0) },
          };
        }),
      ...page,
    };
  }
}
