import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { AuditService } from '@app/audit';
import { CasesService, type CandidateEntity } from '@app/cases';
import { Clock, DomainException, notFound, type AuthUser } from '@app/common';
import { UsersService } from '@app/identity';
import type { CandidateRemarkDto, RemarkQueryDto, SelectionRemarkDto } from './supervision.dto';
import { REMARK_KIND_LABELS, SupervisionRemarkAnswerEntity, SupervisionRemarkEntity, type RemarkKind } from './supervision.entities';
import { closedSelection, SupervisionAccess } from './supervision-access';

export interface RemarkView {
  id: string;
  selectionId: string;
  candidateId: string | null;
  candidateName: string | null;
  kind: RemarkKind;
  kindLabel: string;
  content: string;
  stage: string;
  followsUpId: string | null;
  followUpIds: string[];
  filedBy: { userId: string; name: string };
  filedAt: Date;
  answered: boolean;
  answer: { content: string; answeredBy: { userId: string; name: string }; answeredAt: Date } | null;
}

/**
 * Remarks of volunteer supervisors and the organization department's answers. Both are written
 * once and never changed (no endpoint updates them; triggers refuse UPDATE and DELETE). Until
 * each is answered, `supervision.remarks_answered` keeps the selection out of deliberation.
 */
@Injectable()
export class RemarksService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: SupervisionAccess,
    private readonly cases: CasesService,
    private readonly users: UsersService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async onCandidate(user: AuthUser, candidateId: string, dto: CandidateRemarkDto): Promise<RemarkView> {
    const candidate = await this.cases.candidate(candidateId);
    await this.access.assertAssignedSupervisor(user, candidate.selectionId, '考察对象');
    return this.file(user, { selectionId: candidate.selectionId, candidateId, kind: dto.kind ?? 'question', content: dto.content, followsUpId: null });
  }

  async onSelection(user: AuthUser, selectionId: string, dto: SelectionRemarkDto): Promise<RemarkView> {
    await this.access.assertAssignedSupervisor(user, selectionId);
    return this.file(user, { selectionId, candidateId: null, kind: dto.kind ?? 'question', content: dto.content, followsUpId: null });
  }

  /** After reading an answer, an assigned supervisor may press further: a new remark, linked to the first. */
  async followUp(user: AuthUser, remarkId: string, content: string): Promise<RemarkView> {
    const first = await this.visible(user, remarkId);
    await this.access.assertAssignedSupervisor(user, first.selectionId, '监督意见');
    if (!(await this.dataSource.getRepository(SupervisionRemarkAnswerEntity).existsBy({ remarkId }))) {
      throw new DomainException('REMARK_NOT_ANSWERED', '该意见尚未答复，请等待答复后再追问', 409);
    }
    return this.file(user, { selectionId: first.selectionId, candidateId: first.candidateId, kind: first.kind, content, followsUpId: first.id });
  }

  private async file(
    user: AuthUser,
    input: Pick<SupervisionRemarkEntity, 'selectionId' | 'candidateId' | 'kind' | 'content' | 'followsUpId'>,
  ): Promise<RemarkView> {
    const id = await this.dataSource.transaction(async (m) => {
      const stage = await this.access.share(m, input.selectionId);
      if (stage === 'closed') throw closedSelection(stage, '再提出意见');
      const remark = await m.save(m.create(SupervisionRemarkEntity, { ...input, stage, filedBy: user.id, filedAt: this.clock.now() }));
      await this.audit.append(m, {
        selectionId: input.selectionId,
        action: 'supervision.remark_filed',
        entity: 'supervision_remark',
        entityId: remark.id,
        after: { candidateId: remark.candidateId, kind: remark.kind, content: remark.content, followsUpId: remark.followsUpId, stage },
      });
      return remark.id;
    });
    return (await this.views([await this.dataSource.getRepository(SupervisionRemarkEntity).findOneByOrFail({ id })]))[0];
  }

  /** The organization department's answer: once per remark. */
  async answer(user: AuthUser, remarkId: string, content: string): Promise<RemarkView> {
    const remark = await this.visible(user, remarkId);
    await this.dataSource.transaction(async (m) => {
      await this.access.share(m, remark.selectionId);
      // Two clerks answering at once queue here; the second then sees the first answer (the primary key is the backstop).
      await m.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`remark-answer:${remarkId}`]);
      if (await m.existsBy(SupervisionRemarkAnswerEntity, { remarkId })) {
        throw new DomainException('ALREADY_ANSWERED', '该意见已答复；答复不能修改，如需补充请等待监督员追问', 409);
      }
      const answeredAt = this.clock.now();
      await m.insert(SupervisionRemarkAnswerEntity, { remarkId, content, answeredBy: user.id, answeredAt });
      await this.audit.append(m, {
        selectionId: remark.selectionId,
        action: 'supervision.remark_answered',
        entity: 'supervision_remark',
        entityId: remarkId,
        after: { content, answeredAt },
      });
    });
    return (await this.views([remark]))[0];
  }

  async list(user: AuthUser, selectionId: string): Promise<{ items: RemarkView[] }> {
    await this.access.assertRecordReader(user, selectionId);
    return { items: await this.forSelection(selectionId) };
  }

  /**
   * Remarks across selections for the organization department (the dashboard's list of those
   * waiting for an answer), oldest first so the longest-waiting come first; with the selection title.
   */
  async page(q: RemarkQueryDto): Promise<{ items: (RemarkView & { selectionTitle: string })[]; total: number; page: number; pageSize: number }> {
    const qb = this.dataSource.getRepository(SupervisionRemarkEntity).createQueryBuilder('r');
    if (q.selectionId) qb.andWhere('r.selection_id = :selectionId', { selectionId: q.selectionId });
    const answered = 'EXISTS (SELECT 1 FROM supervision_remark_answer a WHERE a.remark_id = r.id)';
    if (q.answered === true) qb.andWhere(answered);
    if (q.answered === false) qb.andWhere(`NOT ${answered}`);
    const [rows, total] = await qb
      .orderBy('r.filed_at', 'ASC')
      .addOrderBy('r.id', 'ASC')
      .skip((q.page - 1) * q.pageSize)
      .take(q.pageSize)
      .getManyAndCount();
    const [views, titles] = await Promise.all([
      this.views(rows),
      rows.length
        ? this.dataSource.query<{ id: string; title: string }[]>('SELECT id, title FROM selection WHERE id = ANY($1)', [[...new Set(rows.map((r) => r.selectionId))]])
        : Promise.resolve([]),
    ]);
    const title = new Map(titles.map((t) => [t.id, t.title]));
    return { items: views.map((v) => ({ ...v, selectionTitle: title.get(v.selectionId) ?? '' })), total, page: q.page, pageSize: q.pageSize };
  }

  /** Every remark of a selection with its answer, in the order filed (for the list and the documentary record). */
  async forSelection(selectionId: string): Promise<RemarkView[]> {
    const rows = await this.dataSource.getRepository(SupervisionRemarkEntity).find({ where: { selectionId }, order: { filedAt: 'ASC', id: 'ASC' } });
    return this.views(rows);
  }

  /** A remark the caller may see (org_admin, audit_admin, or a supervisor assigned to its selection); else 404. */
  private async visible(user: AuthUser, remarkId: string): Promise<SupervisionRemarkEntity> {
    const remark = await this.dataSource.getRepository(SupervisionRemarkEntity).findOneBy({ id: remarkId });
    if (!remark) throw notFound('监督意见');
    await this.access.assertRecordReader(user, remark.selectionId).catch(() => {
      throw notFound('监督意见');
    });
    return remark;
  }

  private async views(rows: SupervisionRemarkEntity[]): Promise<RemarkView[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    const [answers, followUps, candidates] = await Promise.all([
      this.dataSource.getRepository(SupervisionRemarkAnswerEntity).findBy({ remarkId: In(ids) }),
      this.dataSource.getRepository(SupervisionRemarkEntity).find({ where: { followsUpId: In(ids) }, order: { filedAt: 'ASC' } }),
      this.cases.candidatesByIds([...new Set(rows.map((r) => r.candidateId).filter((x): x is string => !!x))]),
    ]);
    const [users, cadres] = await Promise.all([
      this.users.findByIds([...new Set([...rows.map((r) => r.filedBy), ...answers.map((a) => a.answeredBy)])]),
      this.cases.cadres([...new Set(candidates.map((c: CandidateEntity) => c.cadreId))]),
    ]);
    const userName = new Map(users.map((u) => [u.id, u.displayName]));
    const cadreName = new Map(cadres.map((c) => [c.id, c.name]));
    const candidateName = new Map(candidates.map((c) => [c.id, cadreName.get(c.cadreId) ?? null]));
    return rows.map((r) => {
      const a = answers.find((x) => x.remarkId === r.id);
      return {
        id: r.id,
        selectionId: r.selectionId,
        candidateId: r.candidateId,
        candidateName: r.candidateId ? (candidateName.get(r.candidateId) ?? null) : null,
        kind: r.kind,
        kindLabel: REMARK_KIND_LABELS[r.kind],
        content: r.content,
        stage: r.stage,
        followsUpId: r.followsUpId,
        followUpIds: followUps.filter((f) => f.followsUpId === r.id).map((f) => f.id),
        filedBy: { userId: r.filedBy, name: userName.get(r.filedBy) ?? '' },
        filedAt: r.filedAt,
        answered: Boolean(a),
        answer: a ? { content: a.content, answeredBy: { userId: a.answeredBy, name: userName.get(a.answeredBy) ?? '' }, answeredAt: a.answeredAt } : null,
      };
    });
  }
}
