import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, In, MoreThan, LessThanOrEqual } from 'typeorm';
import { AuditService } from '@app/audit';
import { CaseAccessService, CasesService, type CandidateEntity, type SelectionEntity } from '@app/cases';
import { AppConfig, Clock, DomainException, invalidField, notFound, unprocessable, type AuthUser } from '@app/common';
import { UsersService } from '@app/identity';
import { OutboxService } from '@app/queue';
import {
  getRulebook,
  latestAdvanceNoticeOn,
  noticeEnd,
  NOTICE_KIND_LABELS,
  requiredNoticeWorkingDays,
  shanghaiStartOfDay,
  STAGE_LABELS,
  toShanghaiDate,
  type NoticePeriod,
  type Rulebook,
} from '@app/rulebook';
import { NOTICE_STAGES, isPubliclyVisible, isUnresolved, noticeAllowedIn } from './notice-policy';
import { renderNoticeText } from './notice-text';
import { NoticeCandidateEntity, NoticeEntity, type NoticeStatus } from './notice.entity';
import { publicNoticeUrl, toNoticeView, toPublicNoticeView, type NoticeView, type PublicNoticeView } from './notice.mapper';
import type { CreateNoticeDto } from './notices.dto';
import { ReportEntity } from './report.entity';

/** Candidates a notice may name: in play (a held candidate is still being vetted). */
const NOTICEABLE_STATES = new Set(['active', 'on_hold']);

@Injectable()
export class NoticesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: CaseAccessService,
    private readonly cases: CasesService,
    private readonly users: UsersService,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  /**
   * Records and publishes a notice. It is public from `startsOn` (today → `open`; a later day →
   * `scheduled`, opened by a job at 00:00 of that day) until 24:00 Asia/Shanghai of its last
   * working day, when a delayed outbox job closes it.
   */
  async create(user: AuthUser, selectionId: string, dto: CreateNoticeDto): Promise<NoticeView> {
    if (dto.kind === 'advance' && !dto.inspectionStartsOn) {
      throw invalidField('inspectionStartsOn', '考察预告须填写考察开始日期');
    }
    if (dto.kind !== 'advance' && dto.inspectionStartsOn) {
      throw invalidField('inspectionStartsOn', '仅考察预告填写考察开始日期');
    }
    const proposed = new Map<string, string>();
    for (const [i, p] of (dto.proposedPosts ?? []).entries()) {
      if (!dto.candidateIds.includes(p.candidateId)) {
        throw invalidField(`proposedPosts.${i}.candidateId`, '该考察对象不在本次公示名单中');
      }
      if (proposed.has(p.candidateId)) throw invalidField(`proposedPosts.${i}.candidateId`, '同一考察对象只能填写一个拟任职务');
      proposed.set(p.candidateId, p.post);
    }

    return this.dataSource.transaction(async (m) => {
      const selection = await this.access.lockSelection(m, selectionId);
      if (!noticeAllowedIn(dto.kind, selection.stage)) {
        throw new DomainException(
          'NOTICE_WRONG_STAGE',
          `${NOTICE_KIND_LABELS[dto.kind]}只能在${NOTICE_STAGES[dto.kind].map((s) => `“${STAGE_LABELS[s]}”`).join('或')}阶段发布，当前阶段为“${STAGE_LABELS[selection.stage]}”`,
          409,
          { stage: selection.stage, allowedStages: NOTICE_STAGES[dto.kind] },
        );
      }
      const rulebook = getRulebook(selection.rulebookVersion);
      const now = this.clock.now();
      const today = toShanghaiDate(now);
      const workingDays = this.workingDays(dto, rulebook);
      if (dto.startsOn < today) throw invalidField('startsOn', `公示开始日期不能早于今天（${today}）`);
      if (dto.kind === 'advance') this.assertAdvanceLead(dto.startsOn, dto.inspectionStartsOn as string, rulebook);
      const candidates = await this.noticeableCandidates(m, selection, dto.candidateIds);
      const period: NoticePeriod = noticeEnd(dto.startsOn, workingDays);

      const cadres = new Map((await this.cases.cadres(candidates.map((c) => c.cadreId), m)).map((c) => [c.id, c]));
      const rows = dto.candidateIds.map((id, position) => {
        const candidate = candidates.find((c) => c.id === id) as CandidateEntity;
        const cadre = cadres.get(candidate.cadreId);
        if (!cadre) throw notFound('干部');
        return m.create(NoticeCandidateEntity, {
          candidateId: id,
          position,
          name: cadre.name,
          gender: cadre.gender,
          birthDate: cadre.birthDate,
          currentPost: cadre.currentPost,
          proposedPost: proposed.get(id) ?? null,
        });
      });
      const teamMembers =
        dto.kind === 'advance'
          ? (await this.users.findByIds(await this.cases.teamMemberIds(selection.id, m))).map((u) => u.displayName)
          : undefined;

      const id = randomUUID();
      const text = renderNoticeText({
        kind: dto.kind,
        selectionTitle: selection.title,
        issuer: this.config.NOTICE_ISSUER,
        candidates: rows,
        startsOn: dto.startsOn,
        endsOn: period.endsOn,
        workingDays,
        provisional: period.provisional,
        inspectionStartsOn: dto.inspectionStartsOn,
        teamMembers,
        reporting: this.reporting(id),
        issuedOn: today,
      });
      const status: NoticeStatus = dto.startsOn > today ? 'scheduled' : 'open';
      const notice = await m.save(
        m.create(NoticeEntity, {
          id,
          selectionId: selection.id,
          kind: dto.kind,
          status,
          startsOn: dto.startsOn,
          workingDays,
          endsOn: period.endsOn,
          closesAt: period.closesAt,
          provisional: period.provisional,
          inspectionStartsOn: dto.inspectionStartsOn ?? null,
          title: text.title,
          body: text.body,
          publishedAt: now,
          closedAt: null,
          verificationCode: null,
          createdBy: user.id,
        }),
      );
      const saved = await m.save(rows.map((r) => Object.assign(r, { noticeId: id })));
      await this.audit.append(m, {
        selectionId: selection.id,
        action: 'notice.published',
        entity: 'notice',
        entityId: id,
        after: {
          kind: dto.kind,
          status,
          candidateIds: dto.candidateIds,
          startsOn: dto.startsOn,
          endsOn: period.endsOn,
          workingDays,
          closesAt: period.closesAt.toISOString(),
          provisional: period.provisional,
          inspectionStartsOn: dto.inspectionStartsOn ?? null,
          rulebookVersion: rulebook.version,
        },
      });
      if (status === 'scheduled') {
        await this.outbox.enqueue(m, 'notices.open', { noticeId: id }, { runAt: shanghaiStartOfDay(dto.startsOn) });
      }
      await this.outbox.enqueue(m, 'notices.close', { noticeId: id }, { runAt: period.closesAt });
      // The printed, sealed notice with its verification code (issued by @app/document-registry).
      await this.outbox.enqueue(m, 'documents.notice', { noticeId: id });
      return toNoticeView(notice, saved, now, 0);
    });
  }

  private workingDays(dto: CreateNoticeDto, rulebook: Rulebook): number {
    const required = requiredNoticeWorkingDays(dto.kind, rulebook);
    const days = dto.workingDays ?? required;
    if (days < required) {
      const why = dto.kind === 'pre_appointment' ? '（任前公示期不少于5个工作日）' : `（规则版本 ${rulebook.version}）`;
      throw invalidField('workingDays', `${NOTICE_KIND_LABELS[dto.kind]}不得少于 ${required} 个工作日${why}`);
    }
    return days;
  }

  /** 十有: the advance notice is public at least the rulebook's lead of working days before inspection. */
  private assertAdvanceLead(startsOn: string, inspectionStartsOn: string, rulebook: Rulebook): void {
    const latest = latestAdvanceNoticeOn(inspectionStartsOn, rulebook);
    if (startsOn > latest) {
      throw unprocessable(
        'ADVANCE_NOTICE_TOO_LATE',
        `考察预告须在考察开始前至少 ${rulebook.parameters.advanceNoticeLeadWorkingDays} 个工作日发布：考察于 ${inspectionStartsOn} 开始，预告最迟应于 ${latest} 发布`,
        { rule: 'ten_haves.advance_notice', latestOn: latest, inspectionStartsOn },
      );
    }
  }

  private async noticeableCandidates(m: EntityManager, selection: SelectionEntity, ids: string[]): Promise<CandidateEntity[]> {
    const found = await this.cases.candidatesByIds(ids, m);
    for (const id of ids) {
      const c = found.find((x) => x.id === id);
      if (!c || c.selectionId !== selection.id) throw invalidField('candidateIds', `考察对象 ${id} 不属于本次选任工作`);
      if (!NOTICEABLE_STATES.has(c.state)) {
        throw new DomainException('INVALID_CANDIDATE_STATE', `考察对象 ${id} 当前状态为 ${c.state}，不能列入公示`, 409, {
          candidateId: id,
          state: c.state,
        });
      }
    }
    return found;
  }

  reporting(noticeId: string): { url: string; phone: string; address: string } {
    return {
      url: publicNoticeUrl(this.config.PUBLIC_BASE_URL, noticeId),
      phone: this.config.REPORT_PHONE,
      address: this.config.REPORT_ADDRESS,
    };
  }

  async listForSelection(user: AuthUser, selectionId: string): Promise<NoticeView[]> {
    await this.access.assertCanViewSelection(user, selectionId);
    const notices = await this.dataSource.getRepository(NoticeEntity).find({
      where: { selectionId },
      order: { startsOn: 'ASC', createdAt: 'ASC' },
    });
    return this.views(notices);
  }

  async get(user: AuthUser, id: string): Promise<NoticeView> {
    const notice = await this.dataSource.getRepository(NoticeEntity).findOneBy({ id });
    if (!notice) throw notFound('公示');
    await this.access.assertCanViewSelection(user, notice.selectionId).catch(() => {
      throw notFound('公示');
    });
    return (await this.views([notice]))[0];
  }

  private async views(notices: NoticeEntity[]): Promise<NoticeView[]> {
    if (notices.length === 0) return [];
    const ids = notices.map((n) => n.id);
    const candidates = await this.dataSource.getRepository(NoticeCandidateEntity).findBy({ noticeId: In(ids) });
    const reports = await this.dataSource.getRepository(ReportEntity).findBy({ noticeId: In(ids) });
    const now = this.clock.now();
    return notices.map((n) =>
      toNoticeView(
        n,
        candidates.filter((c) => c.noticeId === n.id),
        now,
        reports.filter((r) => r.noticeId === n.id && isUnresolved(r)).length,
      ),
    );
  }

  /** Open notices and those closed within the retention period, newest first. */
  async publicList(): Promise<PublicNoticeView[]> {
    const now = this.clock.now();
    const retention = this.config.NOTICE_PUBLIC_RETENTION_DAYS;
    const notices = await this.dataSource.getRepository(NoticeEntity).find({
      where: {
        startsOn: LessThanOrEqual(toShanghaiDate(now)),
        closesAt: MoreThan(new Date(now.getTime() - retention * 24 * 60 * 60 * 1000)),
      },
      order: { startsOn: 'DESC', createdAt: 'DESC' },
      take: 200,
    });
    const candidates = notices.length
      ? await this.dataSource.getRepository(NoticeCandidateEntity).findBy({ noticeId: In(notices.map((n) => n.id)) })
      : [];
    return notices.map((n) => this.publicView(n, candidates.filter((c) => c.noticeId === n.id), now));
  }

  async publicGet(id: string): Promise<PublicNoticeView> {
    const now = this.clock.now();
    const notice = await this.dataSource.getRepository(NoticeEntity).findOneBy({ id });
    if (!notice || !isPubliclyVisible(notice, now, this.config.NOTICE_PUBLIC_RETENTION_DAYS)) throw notFound('公示');
    const candidates = await this.dataSource.getRepository(NoticeCandidateEntity).findBy({ noticeId: id });
    return this.publicView(notice, candidates, now);
  }

  private publicView(n: NoticeEntity, candidates: NoticeCandidateEntity[], now: Date): PublicNoticeView {
    return toPublicNoticeView(n, candidates, now, {
      retentionDays: this.config.NOTICE_PUBLIC_RETENTION_DAYS,
      reporting: { baseUrl: this.config.PUBLIC_BASE_URL, phone: this.config.REPORT_PHONE, address: this.config.REPORT_ADDRESS },
    });
  }

  /**
   * After the period, a notice's status says whether every report on it is concluded; called
   * whenever a report on it arrives or is concluded. Before the period ends it does nothing.
   */
  async refreshClosedStatus(m: EntityManager, noticeId: string): Promise<void> {
    const notice = await m.findOne(NoticeEntity, { where: { id: noticeId }, lock: { mode: 'pessimistic_write' } });
    if (!notice || (notice.status !== 'closed' && notice.status !== 'closed_with_open_reports')) return;
    const reports = await m.findBy(ReportEntity, { noticeId });
    const open = reports.filter(isUnresolved).length;
    const status: NoticeStatus = open > 0 ? 'closed_with_open_reports' : 'closed';
    if (status === notice.status) return;
    const before = notice.status;
    notice.status = status;
    await m.save(notice);
    await this.audit.append(m, {
      selectionId: notice.selectionId,
      action: 'notice.reports_changed',
      entity: 'notice',
      entityId: notice.id,
      before: { status: before },
      after: { status, unresolvedReports: open },
    });
  }

  /** The verification code of the notice's issued (sealed) document, printed on the public page. */
  async setVerificationCode(manager: EntityManager, noticeId: string, code: string): Promise<void> {
    await manager.update(NoticeEntity, { id: noticeId }, { verificationCode: code });
  }
}
