import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, type SelectQueryBuilder } from 'typeorm';
import { AuditService } from '@app/audit';
import { CaseExtensions, CasesService, CandidateStateService, type CandidateEntity, type EvidencePart, type SelectionEntity } from '@app/cases';
import { Clock, DomainException, hasRole, invalidField, notFound, sha256, type AuthUser } from '@app/common';
import { CONSULTED_UNIT_KINDS, UNIT_KIND_LABELS, UnitsService, type UnitEntity, type UnitKind } from '@app/identity';
import { OutboxService, type OutboxJob } from '@app/queue';
import type { ConsultationSnapshot, ConsultationStatus, ConsultationUnit, Stage } from '@app/rulebook';
import {
  ConsultationAttachmentEntity,
  ConsultationDeliveryEntity,
  ConsultationLetterEntity,
  ConsultationOpinionEntity,
  ConsultationRequestEntity,
  OPEN_STATUSES,
  REQUEST_STATUS_LABELS,
  VERDICT_LABELS,
  type DeliveryChannel,
  type RequestStatus,
} from './consultation.entities';
import type { CorrectionDto, ListConsultationsQueryDto, OpinionDto } from './consultations.dto';
import { requestSchedule } from './schedule';

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
/** Units whose `under_investigation` is a formal investigation (两个一律 (1)). */
const INVESTIGATING_KINDS: readonly UnitKind[] = ['discipline_commission', 'procuratorate'];
/** States in which a candidate is still consulted. */
const IN_PLAY = ['active', 'on_hold'];

export interface UploadedPdf {
  originalname: string;
  mimetype: string;
  size: number;
  buffer: Buffer;
}

export interface OpinionView {
  id: string;
  verdict: ConsultationOpinionEntity['verdict'];
  verdictLabel: string;
  detail: string | null;
  supersedesId: string | null;
  reason: string | null;
  answeredBy: string | null;
  answeredAt: Date;
  current: boolean;
  attachment: { id: string; filename: string; size: number; sha256: string } | null;
}

export interface ConsultationView {
  id: string;
  letterId: string;
  selectionId: string;
  selectionTitle: string;
  candidateId: string;
  candidateName: string;
  candidateGender: string | null;
  candidateBirthDate: string | null;
  candidatePost: string | null;
  unitKind: UnitKind;
  unitKindLabel: string;
  unitId: string | null;
  unitName: string | null;
  status: RequestStatus;
  statusLabel: string;
  requestedOn: string;
  dueOn: string;
  remindedAt: Date | null;
  overdueAt: Date | null;
  answeredAt: Date | null;
  stoppedAt: Date | null;
  stopReason: string | null;
  opinion: OpinionView | null;
  opinions: OpinionView[];
  /** org_admin only: how each channel went. */
  deliveries?: { id: string; channel: DeliveryChannel; status: string; attempts: number; deliveredAt: Date | null; failedAt: Date | null; lastError: string | null }[];
}

export interface OpenResult {
  letters: number;
  requests: number;
  deliveries: number;
}

/**
 * 六征求. Requests are opened inside the transaction that moves a selection into inspection (or
 * adds a candidate during it), each with its deliveries and its reminder and deadline jobs in the
 * outbox, so nothing is ever requested without being sent and chased. Silence never clears a
 * candidate: only an answered request counts as evidence.
 */
@Injectable()
export class ConsultationsService implements OnModuleInit {
  private readonly logger = new Logger(ConsultationsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly extensions: CaseExtensions,
    private readonly cases: CasesService,
    private readonly candidateState: CandidateStateService,
    private readonly units: UnitsService,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.extensions.registerListener({
      onStageEntered: (m, selection, stage) => this.onStageEntered(m, selection, stage),
      onCandidateAdded: async (m, selection, candidate) => {
        if (selection.stage === 'inspection' && IN_PLAY.includes(candidate.state)) await this.open(m, selection, [candidate]);
      },
    });
    this.extensions.registerEvidence({ evidence: (m, selection, candidates) => this.evidence(m, selection, candidates) });
  }

  private async onStageEntered(m: EntityManager, selection: SelectionEntity, stage: Stage): Promise<void> {
    if (stage === 'inspection') {
      const candidates = (await this.cases.candidatesOf(selection.id, m)).filter((c) => IN_PLAY.includes(c.state));
      await this.open(m, selection, candidates);
    } else if (stage === 'closed') {
      await this.stopOutstanding(m, { selectionId: selection.id }, '选任工作已结束');
    }
  }

  /**
   * Opens one request per candidate and consulted unit (one letter per unit), idempotently: the
   * unique keys make a second call create nothing. Must run inside the caller's transaction.
   */
  async open(m: EntityManager, selection: SelectionEntity, candidates: CandidateEntity[]): Promise<OpenResult> {
    if (candidates.length === 0) return { letters: 0, requests: 0, deliveries: 0 };
    const now = this.clock.now();
    const schedule = requestSchedule(now, selection.rulebookVersion);
    const units = await this.units.findByKinds(CONSULTED_UNIT_KINDS);
    type Target = { kind: UnitKind; unit: UnitEntity | null };
    const targets: Target[] = CONSULTED_UNIT_KINDS.flatMap((kind): Target[] => {
      const ofKind = units.filter((u) => u.kind === kind);
      return ofKind.length > 0 ? ofKind.map((unit) => ({ kind, unit })) : [{ kind, unit: null }];
    });

    // 居住地社区: a cadre whose community is recorded is asked about by that community alone; with
    // none recorded every configured community is asked (never none: silence is not clearance).
    const communityOf = new Map(
      (await this.cases.cadres([...new Set(candidates.map((c) => c.cadreId))], m)).map((cadre) => [cadre.id, cadre.communityUnitId]),
    );
    const consults = (c: CandidateEntity, t: Target): boolean => {
      const home = communityOf.get(c.cadreId);
      if (t.kind !== 'community' || !home || !targets.some((x) => x.unit?.id === home)) return true;
      return t.unit?.id === home;
    };
    const lettered = targets.filter((t) => candidates.some((c) => consults(c, t)));
    const letterValues = lettered.map((_t, i) => `($1, $${i * 2 + 2}, $${i * 2 + 3}::uuid)`).join(', ');
    await m.query(
      `INSERT INTO consultation_letter (selection_id, unit_kind, unit_id) VALUES ${letterValues} ON CONFLICT DO NOTHING`,
      [selection.id, ...lettered.flatMap((t) => [t.kind, t.unit?.id ?? null])],
    );
    const letters = await m.findBy(ConsultationLetterEntity, { selectionId: selection.id });
    const letterOf = (t: { kind: UnitKind; unit: UnitEntity | null }) =>
      letters.find((l) => l.unitKind === t.kind && l.unitId === (t.unit?.id ?? null))!;

    const rows = candidates.flatMap((c) => targets.filter((t) => consults(c, t)).map((t) => ({ letter: letterOf(t), candidate: c, target: t })));
    const created: { id: string; letter_id: string; candidate_id: string; unit_id: string | null }[] = [];
    const COLS = 8;
    for (let i = 0; i < rows.length; i += 1000) {
      const chunk = rows.slice(i, i + 1000);
      const values = chunk
        .map((_r, j) => `(${Array.from({ length: COLS }, (_x, k) => `$${j * COLS + k + 1}`).join(', ')})`)
        .join(', ');
      const params = chunk.flatMap((r) => [
        r.letter.id,
        selection.id,
        r.candidate.id,
        r.target.kind,
        r.target.unit?.id ?? null,
        r.target.unit ? 'pending' : 'undeliverable',
        schedule.requestedOn,
        schedule.dueOn,
      ]);
      const inserted = await m.query<{ id: string; letter_id: string; candidate_id: string; unit_id: string | null }[]>(
        `INSERT INTO consultation_request (letter_id, selection_id, candidate_id, unit_kind, unit_id, status, requested_on, due_on, due_at)
         SELECT v.letter_id::uuid, v.selection_id::uuid, v.candidate_id::uuid, v.unit_kind, v.unit_id::uuid, v.status, v.requested_on::date, v.due_on::date, $${chunk.length * COLS + 1}::timestamptz
         FROM (VALUES ${values}) AS v(letter_id, selection_id, candidate_id, unit_kind, unit_id, status, requested_on, due_on)
         ON CONFLICT (letter_id, candidate_id) DO NOTHING
         RETURNING id, letter_id, candidate_id, unit_id`,
        [...params, schedule.dueAt],
      );
      created.push(...inserted);
    }
    if (created.length === 0) return { letters: 0, requests: 0, deliveries: 0 };

    const unitById = new Map(units.map((u) => [u.id, u]));
    const deliverable = created.filter((r) => r.unit_id !== null);
    const deliveryIds = await this.createDeliveries(
      m,
      deliverable.map((r) => ({ requestId: r.id, unit: unitById.get(r.unit_id!)! })),
      null,
    );
    const jobs: OutboxJob[] = deliveryIds.map((id) => ({ name: 'consultation.deliver', payload: { deliveryId: id } }));
    for (const r of deliverable) {
      if (schedule.remindAt) jobs.push({ name: 'consultation.remind', payload: { requestId: r.id }, runAt: schedule.remindAt });
      jobs.push({ name: 'consultation.overdue', payload: { requestId: r.id }, runAt: schedule.dueAt });
    }
    await this.outbox.enqueueMany(m, jobs);

    const byLetter = new Map<string, string[]>();
    for (const r of created) byLetter.set(r.letter_id, [...(byLetter.get(r.letter_id) ?? []), r.candidate_id]);
    // Each letter with new requests is issued (again) as a sealed document listing its candidates.
    await this.outbox.enqueueMany(
      m,
      [...byLetter.keys()]
        .filter((letterId) => letters.find((l) => l.id === letterId)?.unitId)
        .map((letterId): OutboxJob => ({ name: 'documents.consultation_letter', payload: { letterId } })),
    );
    for (const [letterId, candidateIds] of byLetter) {
      const letter = letters.find((l) => l.id === letterId)!;
      await this.audit.append(m, {
        selectionId: selection.id,
        action: letter.unitId ? 'consultation.requested' : 'consultation.undeliverable',
        entity: 'consultation_letter',
        entityId: letterId,
        after: { unitKind: letter.unitKind, unitId: letter.unitId, candidateIds, requestedOn: schedule.requestedOn, dueOn: schedule.dueOn },
      });
    }
    if (created.length > deliverable.length) {
      this.logger.warn(`selection ${selection.id}: ${created.length - deliverable.length} consultation request(s) have no unit to go to`);
    }
    return { letters: byLetter.size, requests: created.length, deliveries: deliveryIds.length };
  }

  /** One delivery row per configured channel of the unit; the in-app inbox needs none. */
  private async createDeliveries(m: EntityManager, items: { requestId: string; unit: UnitEntity }[], requestedBy: string | null): Promise<string[]> {
    const rows: { requestId: string; channel: DeliveryChannel }[] = [];
    for (const { requestId, unit } of items) {
      if (unit.webhookUrl) rows.push({ requestId, channel: 'webhook' });
      if (unit.email) rows.push({ requestId, channel: 'email' });
    }
    const ids: string[] = [];
    for (let i = 0; i < rows.length; i += 1000) {
      const chunk = rows.slice(i, i + 1000);
      const values = chunk.map((_r, j) => `($${j * 2 + 1}::uuid, $${j * 2 + 2}, $${chunk.length * 2 + 1}::uuid)`).join(', ');
      const inserted = await m.query<{ id: string }[]>(
        `INSERT INTO consultation_delivery (request_id, channel, requested_by) VALUES ${values} RETURNING id`,
        [...chunk.flatMap((r) => [r.requestId, r.channel]), requestedBy],
      );
      ids.push(...inserted.map((r) => r.id));
    }
    return ids;
  }

  /** Stops every request still awaiting an answer for a candidate or a whole selection. */
  async stopOutstanding(m: EntityManager, where: { candidateId?: string; selectionId?: string }, reason: string): Promise<string[]> {
    const [column, value] = where.candidateId ? ['candidate_id', where.candidateId] : ['selection_id', where.selectionId];
    const rows = await m.query<[{ id: string; selection_id: string }[], number]>(
      `UPDATE consultation_request SET status = 'stopped', stopped_at = $2, stop_reason = $3, updated_at = now()
       WHERE ${column} = $1 AND status IN ('pending','overdue','delivery_failed','undeliverable')
       RETURNING id, selection_id`,
      [value, this.clock.now(), reason],
    );
    const stopped = rows[0];
    if (stopped.length > 0) {
      await this.audit.append(m, {
        selectionId: stopped[0].selection_id,
        action: 'consultation.stopped',
        entity: 'consultation_request',
        entityId: stopped.length === 1 ? stopped[0].id : null,
        after: { requestIds: stopped.map((r) => r.id), reason },
      });
    }
    return stopped.map((r) => r.id);
  }

  /** The rule snapshot's `consultations` per candidate; an unanswered request is never a clearance. */
  async evidence(m: EntityManager, selection: SelectionEntity, candidates: CandidateEntity[]): Promise<EvidencePart> {
    const requests = await m.find(ConsultationRequestEntity, { where: { selectionId: selection.id }, order: { createdAt: 'ASC', id: 'ASC' } });
    const current = await this.currentOpinions(m, requests.map((r) => r.id));
    const out: Record<string, { consultations: ConsultationSnapshot[] }> = {};
    for (const c of candidates) out[c.id] = { consultations: [] };
    for (const r of requests) {
      const opinion = current.get(r.id);
      const status: ConsultationStatus = r.status === 'answered' && opinion ? 'answered' : r.status === 'overdue' ? 'overdue' : 'pending';
      (out[r.candidateId] ??= { consultations: [] }).consultations.push({
        id: r.id,
        unit: r.unitKind as ConsultationUnit,
        status,
        ...(status === 'answered' ? { verdict: opinion!.verdict } : {}),
      });
    }
    return { candidates: out };
  }

  /** The opinion in force per request: the one no later correction supersedes. */
  private async currentOpinions(m: EntityManager, requestIds: string[]): Promise<Map<string, ConsultationOpinionEntity>> {
    if (requestIds.length === 0) return new Map();
    const all = await m.find(ConsultationOpinionEntity, { where: { requestId: In(requestIds) }, order: { answeredAt: 'ASC' } });
    const superseded = new Set(all.map((o) => o.supersedesId).filter(Boolean));
    return new Map(all.filter((o) => !superseded.has(o.id)).map((o) => [o.requestId, o]));
  }

  // ---- inbox -------------------------------------------------------------------------------

  async list(user: AuthUser, q: ListConsultationsQueryDto): Promise<{ items: ConsultationView[]; total: number; page: number; pageSize: number }> {
    const qb = this.dataSource.getRepository(ConsultationRequestEntity).createQueryBuilder('r');
    this.scopeTo(user, qb);
    if (q.status) qb.andWhere('r.status = :status', { status: q.status });
    if (q.selectionId) qb.andWhere('r.selection_id = :sid', { sid: q.selectionId });
    if (q.candidateId) qb.andWhere('r.candidate_id = :cid', { cid: q.candidateId });
    const [rows, total] = await qb
      .orderBy('r.due_on', 'ASC')
      .addOrderBy('r.created_at', 'ASC')
      .addOrderBy('r.id', 'ASC')
      .skip((q.page - 1) * q.pageSize)
      .take(q.pageSize)
      .getManyAndCount();
    return { items: await this.views(user, rows), total, page: q.page, pageSize: q.pageSize };
  }

  async get(user: AuthUser, id: string): Promise<ConsultationView> {
    const [view] = await this.views(user, [await this.visible(user, id)]);
    return view;
  }

  async attachment(user: AuthUser, requestId: string, opinionId: string): Promise<ConsultationAttachmentEntity> {
    await this.visible(user, requestId);
    const opinion = await this.dataSource.getRepository(ConsultationOpinionEntity).findOneBy({ id: opinionId, requestId });
    const file = opinion
      ? await this.dataSource
          .getRepository(ConsultationAttachmentEntity)
          .createQueryBuilder('a')
          .addSelect('a.content')
          .where('a.opinion_id = :id', { id: opinion.id })
          .getOne()
      : null;
    if (!file) throw notFound('附件');
    return file;
  }

  /** A respondent sees their own unit's requests only; anything else answers 404. */
  private scopeTo(user: AuthUser, qb: SelectQueryBuilder<ConsultationRequestEntity>): void {
    if (hasRole(user, 'org_admin')) return;
    if (!user.unitId) qb.andWhere('1 = 0');
    else qb.andWhere('r.unit_id = :unitId', { unitId: user.unitId });
  }

  private async visible(user: AuthUser, id: string, m: EntityManager = this.dataSource.manager, lock = false): Promise<ConsultationRequestEntity> {
    const r = await m.findOne(ConsultationRequestEntity, { where: { id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
    if (!r || !this.mayView(user, r)) throw notFound('征求意见');
    return r;
  }

  private mayView(user: AuthUser, r: ConsultationRequestEntity): boolean {
    return hasRole(user, 'org_admin') || (hasRole(user, 'unit_respondent') && user.unitId !== null && r.unitId === user.unitId);
  }

  private async views(user: AuthUser, rows: ConsultationRequestEntity[], m: EntityManager = this.dataSource.manager): Promise<ConsultationView[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    const candidates = await this.cases.candidatesByIds([...new Set(rows.map((r) => r.candidateId))], m);
    const cadres = await this.cases.cadres([...new Set(candidates.map((c) => c.cadreId))], m);
    const selections = new Map<string, SelectionEntity>();
    for (const sid of new Set(rows.map((r) => r.selectionId))) selections.set(sid, await this.cases.selection(sid, m));
    const units = await this.units.findByIds([...new Set(rows.map((r) => r.unitId).filter((x): x is string => x !== null))]);
    const opinions = await m.find(ConsultationOpinionEntity, { where: { requestId: In(ids) }, order: { answeredAt: 'ASC', id: 'ASC' } });
    const attachments = opinions.length
      ? await m.find(ConsultationAttachmentEntity, { where: { opinionId: In(opinions.map((o) => o.id)) } })
      : [];
    const superseded = new Set(opinions.map((o) => o.supersedesId).filter(Boolean));
    const admin = hasRole(user, 'org_admin');
    const deliveries = admin ? await m.find(ConsultationDeliveryEntity, { where: { requestId: In(ids) }, order: { createdAt: 'ASC' } }) : [];

    return rows.map((r) => {
      const candidate = candidates.find((c) => c.id === r.candidateId);
      const cadre = cadres.find((c) => c.id === candidate?.cadreId);
      const unit = units.find((u) => u.id === r.unitId);
      const history: OpinionView[] = opinions
        .filter((o) => o.requestId === r.id)
        .map((o) => {
          const a = attachments.find((x) => x.opinionId === o.id);
          return {
            id: o.id,
            verdict: o.verdict,
            verdictLabel: VERDICT_LABELS[o.verdict],
            detail: o.detail,
            supersedesId: o.supersedesId,
            reason: o.reason,
            answeredBy: o.answeredBy,
            answeredAt: o.answeredAt,
            current: !superseded.has(o.id),
            attachment: a ? { id: a.id, filename: a.filename, size: a.size, sha256: a.sha256 } : null,
          };
        });
      return {
        id: r.id,
        letterId: r.letterId,
        selectionId: r.selectionId,
        selectionTitle: selections.get(r.selectionId)?.title ?? '',
        candidateId: r.candidateId,
        candidateName: cadre?.name ?? '',
        candidateGender: cadre?.gender ?? null,
        candidateBirthDate: cadre?.birthDate ?? null,
        candidatePost: cadre?.currentPost ?? null,
        unitKind: r.unitKind,
        unitKindLabel: UNIT_KIND_LABELS[r.unitKind],
        unitId: r.unitId,
        unitName: unit?.name ?? null,
        status: r.status,
        statusLabel: REQUEST_STATUS_LABELS[r.status],
        requestedOn: r.requestedOn,
        dueOn: r.dueOn,
        remindedAt: r.remindedAt,
        overdueAt: r.overdueAt,
        answeredAt: r.answeredAt,
        stoppedAt: r.stoppedAt,
        stopReason: r.stopReason,
        opinion: history.find((o) => o.current) ?? null,
        opinions: history,
        ...(admin
          ? {
              deliveries: deliveries
                .filter((d) => d.requestId === r.id)
                .map((d) => ({
                  id: d.id,
                  channel: d.channel,
                  status: d.status,
                  attempts: d.attempts,
                  deliveredAt: d.deliveredAt,
                  failedAt: d.failedAt,
                  lastError: d.lastError,
                })),
            }
          : {}),
      };
    });
  }

  // ---- answers -----------------------------------------------------------------------------

  /** A unit's written opinion: once only; `under_investigation` by an investigating organ excludes at once. */
  async answer(user: AuthUser, id: string, dto: OpinionDto, file?: UploadedPdf): Promise<ConsultationView> {
    const pdf = file ? checkPdf(file) : undefined;
    return this.dataSource.transaction(async (m) => {
      const r = await this.visible(user, id, m, true);
      this.assertRespondent(user, r);
      if (r.status === 'answered') throw new DomainException('ALREADY_ANSWERED', '该单位已就此人选回复意见；如需更正，请提交更正意见', 409);
      if (!OPEN_STATUSES.includes(r.status)) throw new DomainException('CONSULTATION_CLOSED', '该征求意见已终止，不能再回复', 409);
      const opinion = await this.writeOpinion(m, user, r, dto, null, null, pdf);
      r.status = 'answered';
      r.answeredAt = opinion.answeredAt;
      await m.save(r);
      await this.afterVerdict(m, r, opinion);
      return (await this.views(user, [r], m))[0];
    });
  }

  /** A correction supersedes the opinion in force; both stay on record. */
  async correct(user: AuthUser, id: string, dto: CorrectionDto, file?: UploadedPdf): Promise<ConsultationView> {
    const pdf = file ? checkPdf(file) : undefined;
    return this.dataSource.transaction(async (m) => {
      const r = await this.visible(user, id, m, true);
      this.assertRespondent(user, r);
      if (r.status !== 'answered') throw new DomainException('NOT_ANSWERED', '尚未回复意见，无需更正；请直接回复', 409);
      const current = (await this.currentOpinions(m, [r.id])).get(r.id)!;
      const opinion = await this.writeOpinion(m, user, r, dto, current.id, dto.reason, pdf);
      await this.afterVerdict(m, r, opinion);
      return (await this.views(user, [r], m))[0];
    });
  }

  private assertRespondent(user: AuthUser, r: ConsultationRequestEntity): void {
    // Only the consulted unit gives its opinion; the organization department may read, not answer.
    if (!hasRole(user, 'unit_respondent') || r.unitId !== user.unitId) throw notFound('征求意见');
  }

  private async writeOpinion(
    m: EntityManager,
    user: AuthUser,
    r: ConsultationRequestEntity,
    dto: OpinionDto,
    supersedesId: string | null,
    reason: string | null,
    pdf: UploadedPdf | undefined,
  ): Promise<ConsultationOpinionEntity> {
    const opinion = await m.save(
      m.create(ConsultationOpinionEntity, {
        requestId: r.id,
        verdict: dto.verdict,
        detail: dto.detail ?? null,
        supersedesId,
        reason,
        answeredBy: user.id,
        answeredAt: this.clock.now(),
      }),
    );
    let attachment: { filename: string; size: number; sha256: string } | null = null;
    if (pdf) {
      attachment = { filename: pdf.originalname.slice(0, 200) || 'attachment.pdf', size: pdf.size, sha256: sha256(pdf.buffer) };
      await m.insert(ConsultationAttachmentEntity, { opinionId: opinion.id, contentType: 'application/pdf', content: pdf.buffer, ...attachment });
    }
    await this.audit.append(m, {
      selectionId: r.selectionId,
      action: supersedesId ? 'consultation.corrected' : 'consultation.answered',
      entity: 'consultation_request',
      entityId: r.id,
      after: { opinionId: opinion.id, unitKind: r.unitKind, verdict: opinion.verdict, detail: opinion.detail, supersedesId, reason, attachment },
    });
    return opinion;
  }

  private async afterVerdict(m: EntityManager, r: ConsultationRequestEntity, opinion: ConsultationOpinionEntity): Promise<void> {
    if (opinion.verdict !== 'under_investigation' || !INVESTIGATING_KINDS.includes(r.unitKind)) return;
    await this.candidateState.exclude(m, r.candidateId, {
      rule: 'two_withouts.under_investigation',
      reason: `${UNIT_KIND_LABELS[r.unitKind]}回复：正在立案调查`,
      source: { entity: 'consultation_opinion', id: opinion.id },
    });
    await this.stopOutstanding(m, { candidateId: r.candidateId }, '考察对象因正在立案调查被排除（两个一律）');
  }

  // ---- operators ---------------------------------------------------------------------------

  /** Delivers a request again over every channel of its unit, with new idempotency keys. */
  async resend(user: AuthUser, id: string): Promise<ConsultationView> {
    return this.dataSource.transaction(async (m) => {
      const r = await this.visible(user, id, m, true);
      if (r.status === 'undeliverable') {
        // A unit of this kind may have been set up since: open its requests for the candidate.
        const selection = await this.cases.selection(r.selectionId, m);
        const candidate = await this.cases.candidate(r.candidateId, m);
        const opened = await this.open(m, selection, [candidate]);
        if (opened.requests === 0) throw new DomainException('UNDELIVERABLE', `尚未配置${UNIT_KIND_LABELS[r.unitKind]}，请先在单位管理中添加该单位`, 409);
        return (await this.views(user, [r], m))[0];
      }
      if (!OPEN_STATUSES.includes(r.status)) throw new DomainException('CONSULTATION_CLOSED', `该征求意见${REQUEST_STATUS_LABELS[r.status]}，无需重新发送`, 409);
      const unit = await this.units.get(r.unitId!);
      const deliveryIds = await this.createDeliveries(m, [{ requestId: r.id, unit }], user.id);
      const jobs: OutboxJob[] = deliveryIds.map((d) => ({ name: 'consultation.deliver', payload: { deliveryId: d } }));
      const before = r.status;
      if (r.status === 'delivery_failed') {
        r.status = this.clock.now() >= r.dueAt ? 'overdue' : 'pending';
        if (r.status === 'overdue') r.overdueAt = this.clock.now();
        else jobs.push({ name: 'consultation.overdue', payload: { requestId: r.id }, runAt: r.dueAt });
        await m.save(r);
      }
      await this.outbox.enqueueMany(m, jobs);
      await this.audit.append(m, {
        selectionId: r.selectionId,
        action: 'consultation.resent',
        entity: 'consultation_request',
        entityId: r.id,
        before: { status: before },
        after: { status: r.status, deliveryIds },
      });
      return (await this.views(user, [r], m))[0];
    });
  }
}

/** Checked by content, not by the name or type the client claims. */
function checkPdf(file: UploadedPdf): UploadedPdf {
  if (file.size > MAX_ATTACHMENT_BYTES) throw invalidField('attachment', '附件不能超过 10 MB');
  if (file.buffer.length < 5 || file.buffer.subarray(0, 5).toString('latin1') !== '%PDF-') {
    throw invalidField('attachment', '附件必须是 PDF 文件');
  }
  return file;
}
