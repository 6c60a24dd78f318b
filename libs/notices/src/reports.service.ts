import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, type FindOptionsWhere } from 'typeorm';
import { AuditService } from '@app/audit';
import { CaseAccessService, CandidateStateService, CasesService } from '@app/cases';
import {
  AppConfig,
  Clock,
  conflict,
  DomainException,
  FieldCipher,
  invalidField,
  notFound,
  sha256,
  type AuthUser,
} from '@app/common';
import {
  getRulebook,
  shanghaiStartOfDay,
  toShanghaiDate,
  unverifiableDecisionDueOn,
  type ReportFinding,
} from '@app/rulebook';
import {
  isLate,
  isPubliclyVisible,
  isUnresolved,
  makeReceiptCode,
  normalizeReceiptCode,
  PUBLIC_REPORT_STATUS_LABELS,
  publicReportStatus,
} from './notice-policy';
import { NoticeCandidateEntity, NoticeEntity } from './notice.entity';
import type { FindingDto, ManualReportDto, PublicReportDto, ReportPageQueryDto, ReportQueryDto } from './notices.dto';
import { NoticesService } from './notices.service';
import { ReportEntity, type ReportChannel, type ReportRecordStatus } from './report.entity';

export const REPORT_FINDING_LABELS: Readonly<Record<ReportFinding, string>> = {
  unfounded: '反映问题不实',
  minor: '问题轻微',
  serious: '问题严重',
  unverifiable: '一时难以查清',
};

export interface ReportReceipt {
  receiptCode: string;
  status: ReportRecordStatus;
  statusLabel: string;
  receivedAt: string;
  /** Received after the notice period: recorded and handled, flagged late. */
  late: boolean;
}

export interface PublicReportStatusView {
  receiptCode: string;
  status: ReportRecordStatus;
  statusLabel: string;
}

export interface ReportView {
  id: string;
  selectionId: string;
  candidateId: string;
  noticeId: string | null;
  channel: ReportChannel;
  receivedAt: string;
  receivedOn: string;
  late: boolean;
  content: string;
  /** Whether the reporter left a contact; the contact itself only on GET /reports/:id (audited). */
  hasContact: boolean;
  receiptCode: string;
  status: ReportRecordStatus;
  /** Still holds the candidate (not concluded, or unverifiable). */
  unresolved: boolean;
  investigatingAt: string | null;
  finding: ReportFinding | null;
  findingLabel: string | null;
  findingDetail: string | null;
  referral: string | null;
  findingAt: string | null;
  /** Unverifiable only: the rulebook's hold limit and the day it falls. */
  decisionDueOn: string | null;
  holdLimitMonths: number | null;
}

export interface ReportPage {
  items: (ReportView & { candidateName: string | null })[];
  total: number;
  page: number;
  pageSize: number;
}

export interface ReportDetailView extends ReportView {
  contact: string | null;
}

export interface FindingResult extends ReportView {
  candidateState: string;
  /** A sentence for the clerk (e.g. the 3-month limit of an unverifiable finding). */
  message: string;
}

const HOLD_REASON = '公示期间受到举报，核实清楚之前不进入下一步程序';

@Injectable()
export class ReportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: CaseAccessService,
    private readonly cases: CasesService,
    private readonly states: CandidateStateService,
    private readonly notices: NoticesService,
    private readonly audit: AuditService,
    private readonly cipher: FieldCipher,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  /**
   * 举报 from the public page. In time (before 24:00 of the last working day) it holds the
   * candidate in the same transaction (两个一律); late, it is recorded, flagged and must still be
   * concluded (the rulebook keeps the gates shut on any unresolved report), but does not hold.
   */
  async receivePublic(noticeId: string, dto: PublicReportDto): Promise<ReportReceipt> {
    return this.dataSource.transaction(async (m) => {
      // Lock order everywhere: notice → candidate → audit chain. The closing job waits for a
      // report being filed at 23:59:59; reports on one notice are filed one at a time.
      const notice = await m.findOne(NoticeEntity, { where: { id: noticeId }, lock: { mode: 'pessimistic_write' } });
      const now = this.clock.now();
      if (!notice || !isPubliclyVisible(notice, now, this.config.NOTICE_PUBLIC_RETENTION_DAYS)) throw notFound('公示');
      const named = await m.existsBy(NoticeCandidateEntity, { noticeId, candidateId: dto.candidateId });
      if (!named) throw invalidField('candidateId', '该公示中没有此考察对象');
      await this.states.lock(m, dto.candidateId);
      const late = isLate(notice.closesAt, now);
      const report = await this.insert(m, {
        selectionId: notice.selectionId,
        candidateId: dto.candidateId,
        noticeId,
        channel: 'public_notice',
        receivedAt: now,
        receivedOn: toShanghaiDate(now),
        late,
        content: dto.content,
        contact: dto.contact,
        createdBy: null,
      });
      if (!late) await this.hold(m, report);
      await this.notices.refreshClosedStatus(m, noticeId);
      return {
        receiptCode: report.receiptCode,
        status: report.status,
        statusLabel: PUBLIC_REPORT_STATUS_LABELS[report.status],
        receivedAt: report.receivedAt.toISOString(),
        late,
      };
    });
  }

  /**
   * A report that came by letter, the 12380 line or a visit. It is linked to the latest notice
   * naming the candidate that had started by the day it was received: within that notice's
   * period it holds the candidate like a report from the public page; after it, it is late.
   */
  async receiveManual(user: AuthUser, selectionId: string, dto: ManualReportDto): Promise<ReportView> {
    return this.dataSource.transaction(async (m) => {
      const selection = await this.access.lockSelection(m, selectionId);
      const [candidate] = await this.cases.candidatesByIds([dto.candidateId], m);
      if (!candidate || candidate.selectionId !== selection.id) throw invalidField('candidateId', '该考察对象不属于本次选任工作');
      const now = this.clock.now();
      const today = toShanghaiDate(now);
      if (dto.receivedOn > today) throw invalidField('receivedOn', `收到日期不能晚于今天（${today}）`);
      const notice = await m
        .createQueryBuilder(NoticeEntity, 'n')
        .innerJoin(NoticeCandidateEntity, 'nc', 'nc.notice_id = n.id AND nc.candidate_id = :cid', { cid: candidate.id })
        .where('n.selection_id = :sid AND n.starts_on <= :on', { sid: selection.id, on: dto.receivedOn })
        .orderBy('n.starts_on', 'DESC')
        .addOrderBy('n.created_at', 'DESC')
        .setLock('pessimistic_write', undefined, ['n'])
        .getOne();
      await this.states.lock(m, candidate.id);
      const late = notice ? dto.receivedOn > notice.endsOn : false;
      const report = await this.insert(m, {
        selectionId: selection.id,
        candidateId: candidate.id,
        noticeId: notice?.id ?? null,
        channel: dto.channel,
        receivedAt: dto.receivedOn === today ? now : shanghaiStartOfDay(dto.receivedOn),
        receivedOn: dto.receivedOn,
        late,
        content: dto.content,
        contact: dto.contact,
        createdBy: user.id,
      });
      if (notice && !late) await this.hold(m, report);
      if (notice) await this.notices.refreshClosedStatus(m, notice.id);
      return this.view(report, selection.rulebookVersion, Boolean(dto.contact));
    });
  }

  private async insert(
    m: EntityManager,
    r: Pick<ReportEntity, 'selectionId' | 'candidateId' | 'noticeId' | 'channel' | 'receivedAt' | 'receivedOn' | 'late' | 'content' | 'createdBy'> & {
      contact?: string;
    },
  ): Promise<ReportEntity> {
    const report = await m.save(
      m.create(ReportEntity, {
        selectionId: r.selectionId,
        candidateId: r.candidateId,
        noticeId: r.noticeId,
        channel: r.channel,
        receivedAt: r.receivedAt,
        receivedOn: r.receivedOn,
        late: r.late,
        content: r.content,
        contactEnc: r.contact ? this.cipher.encrypt(r.contact) : null,
        receiptCode: makeReceiptCode(),
        status: 'received',
        createdBy: r.createdBy,
      }),
    );
    // The audit chain is readable by auditors: it keeps a digest of the content and never the contact.
    await this.audit.append(m, {
      selectionId: r.selectionId,
      action: 'report.received',
      entity: 'report',
      entityId: report.id,
      after: {
        candidateId: r.candidateId,
        noticeId: r.noticeId,
        channel: r.channel,
        receivedOn: r.receivedOn,
        late: r.late,
        hasContact: Boolean(r.contact),
        contentSha256: sha256(r.content),
      },
    });
    return report;
  }

  private async hold(m: EntityManager, report: ReportEntity): Promise<void> {
    await this.states.hold(m, report.candidateId, { reason: HOLD_REASON, source: { entity: 'report', id: report.id } });
  }

  async publicStatus(code: string): Promise<PublicReportStatusView> {
    const normalized = normalizeReceiptCode(code);
    const report = normalized ? await this.dataSource.getRepository(ReportEntity).findOneBy({ receiptCode: normalized }) : null;
    if (!report) throw notFound('举报受理编号');
    const status = publicReportStatus(report);
    return { receiptCode: report.receiptCode, status, statusLabel: PUBLIC_REPORT_STATUS_LABELS[status] };
  }

  /** GET /reports: one page, newest first, with the total for the pager. */
  async page(q: ReportPageQueryDto): Promise<ReportPage> {
    const qb = this.dataSource.getRepository(ReportEntity).createQueryBuilder('r');
    if (q.selectionId) qb.andWhere('r.selection_id = :selectionId', { selectionId: q.selectionId });
    if (q.candidateId) qb.andWhere('r.candidate_id = :candidateId', { candidateId: q.candidateId });
    if (q.status) qb.andWhere('r.status = :status', { status: q.status });
    // The same test as isUnresolved(), in SQL.
    if (q.unresolved === true) qb.andWhere("(r.status <> 'closed' OR r.finding = 'unverifiable')");
    if (q.unresolved === false) qb.andWhere("(r.status = 'closed' AND r.finding IS DISTINCT FROM 'unverifiable')");
    const [reports, total] = await qb
      .orderBy('r.received_at', 'DESC')
      .addOrderBy('r.id', 'ASC')
      .skip((q.page - 1) * q.pageSize)
      .take(q.pageSize)
      .getManyAndCount();
    const [withContact, versions, candidates] = await Promise.all([
      this.contactFlags(reports.map((r) => r.id)),
      this.rulebookVersions(reports.map((r) => r.selectionId)),
      this.cases.candidatesByIds([...new Set(reports.map((r) => r.candidateId))]),
    ]);
    const cadres = new Map((await this.cases.cadres([...new Set(candidates.map((c) => c.cadreId))])).map((c) => [c.id, c.name]));
    const nameOf = new Map(candidates.map((c) => [c.id, cadres.get(c.cadreId) ?? null]));
    return {
      items: reports.map((r) => ({ ...this.view(r, versions.get(r.selectionId), withContact.has(r.id)), candidateName: nameOf.get(r.candidateId) ?? null })),
      total,
      page: q.page,
      pageSize: q.pageSize,
    };
  }

  /** Every matching report (at most 500), for internal readers such as the dossier; the API pages with `page()`. */
  async list(q: ReportQueryDto): Promise<ReportView[]> {
    const where: FindOptionsWhere<ReportEntity> = {};
    if (q.selectionId) where.selectionId = q.selectionId;
    if (q.candidateId) where.candidateId = q.candidateId;
    if (q.status) where.status = q.status;
    const reports = await this.dataSource.getRepository(ReportEntity).find({
      where,
      order: { receivedAt: 'DESC' },
      take: 500,
    });
    const withContact = await this.contactFlags(reports.map((r) => r.id));
    const versions = await this.rulebookVersions(reports.map((r) => r.selectionId));
    return reports.map((r) => this.view(r, versions.get(r.selectionId), withContact.has(r.id)));
  }

  /** One report with the reporter's contact, decrypted: every such view is audited. */
  async getWithContact(user: AuthUser, id: string): Promise<ReportDetailView> {
    return this.dataSource.transaction(async (m) => {
      const report = await m
        .getRepository(ReportEntity)
        .createQueryBuilder('r')
        .addSelect('r.contactEnc')
        .where('r.id = :id', { id })
        .getOne();
      if (!report) throw notFound('举报');
      const selection = await this.cases.selection(report.selectionId, m);
      let contact: string | null = null;
      if (report.contactEnc) {
        contact = this.cipher.decrypt(report.contactEnc);
        await this.audit.append(m, {
          selectionId: report.selectionId,
          action: 'report.contact_viewed',
          entity: 'report',
          entityId: report.id,
          after: { viewerId: user.id, viewer: user.username },
        });
      }
      return { ...this.view(report, selection.rulebookVersion, Boolean(report.contactEnc)), contact };
    });
  }

  async markInvestigating(id: string): Promise<ReportView> {
    return this.dataSource.transaction(async (m) => {
      const report = await this.lockReport(m, id);
      const selection = await this.cases.selection(report.selectionId, m);
      if (report.status === 'closed') throw conflict('该举报已办结，不能再标记为核查中', { status: report.status, finding: report.finding });
      if (report.status === 'received') {
        report.status = 'investigating';
        report.investigatingAt = this.clock.now();
        await m.save(report);
        await this.audit.append(m, {
          selectionId: report.selectionId,
          action: 'report.investigating',
          entity: 'report',
          entityId: report.id,
          before: { status: 'received' },
          after: { status: 'investigating' },
        });
      }
      return this.view(report, selection.rulebookVersion, (await this.contactFlags([report.id], m)).has(report.id));
    });
  }

  /**
   * Concludes a report (一个结论). `unfounded`/`minor` let the candidate continue: the hold is
   * released once no other report on them is unresolved. `serious` excludes the candidate and is
   * referred. `unverifiable` postpones: the candidate stays (or is put) on hold and the report
   * must be decided within the rulebook's limit; it may then be concluded once more.
   */
  async recordFinding(user: AuthUser, id: string, dto: FindingDto): Promise<FindingResult> {
    if (dto.finding === 'serious' && !dto.referral) throw invalidField('referral', '问题严重的，须填写移交处理意见');
    if (dto.finding !== 'serious' && dto.referral) throw invalidField('referral', '仅在问题严重时填写移交处理意见');
    return this.dataSource.transaction(async (m) => {
      const report = await this.lockReport(m, id);
      // Same lock order as the intake (notice → candidate → audit chain): no deadlock between them.
      if (report.noticeId) await m.findOne(NoticeEntity, { where: { id: report.noticeId }, lock: { mode: 'pessimistic_write' } });
      await this.states.lock(m, report.candidateId);
      const selection = await this.cases.selection(report.selectionId, m);
      const rulebook = getRulebook(selection.rulebookVersion);
      if (report.status === 'closed' && report.finding !== 'unverifiable') {
        throw conflict('该举报已有核查结论，不能更改', { finding: report.finding });
      }
      if (report.finding === 'unverifiable' && dto.finding === 'unverifiable') {
        throw new DomainException(
          'REPORT_DECISION_DUE',
          `该举报已认定为一时难以查清，须在 ${report.decisionDueOn} 前作出结论，不能再次暂缓`,
          409,
          { decisionDueOn: report.decisionDueOn },
        );
      }
      const now = this.clock.now();
      const before = { status: report.status, finding: report.finding };
      report.status = 'closed';
      report.finding = dto.finding;
      report.findingDetail = dto.detail;
      report.referral = dto.referral ?? null;
      report.findingAt = now;
      report.findingBy = user.id;
      report.decisionDueOn = dto.finding === 'unverifiable' ? unverifiableDecisionDueOn(now, rulebook) : null;
      await m.save(report);
      await this.audit.append(m, {
        selectionId: report.selectionId,
        action: 'report.finding',
        entity: 'report',
        entityId: report.id,
        before,
        after: {
          finding: dto.finding,
          detail: dto.detail,
          referral: dto.referral ?? null,
          decisionDueOn: report.decisionDueOn,
        },
      });

      const source = { entity: 'report', id: report.id };
      let message: string;
      switch (dto.finding) {
        case 'unfounded':
        case 'minor': {
          const others = await m.findBy(ReportEntity, { candidateId: report.candidateId });
          const pending = others.filter((r) => r.id !== report.id && isUnresolved(r)).length;
          const candidate = await this.cases.candidate(report.candidateId, m);
          if (pending === 0 && candidate.state === 'on_hold' && candidate.stateRule === 'two_withouts.report_unverified') {
            await this.states.release(m, report.candidateId, {
              reason: `举报经核查${REPORT_FINDING_LABELS[dto.finding]}，恢复正常程序`,
              rule: null,
              source,
            });
          }
          message =
            pending > 0
              ? `已记录结论；该考察对象尚有 ${pending} 件举报未办结，继续暂停`
              : dto.finding === 'minor'
                ? '已记录结论并对考察对象予以提醒，可继续进入下一步程序'
                : '已记录结论，可继续进入下一步程序';
          break;
        }
        case 'serious':
          await this.states.exclude(m, report.candidateId, {
            rule: 'two_withouts.report_unverified',
            reason: `举报问题经核查属实且严重，已移交处理：${dto.referral as string}`,
            source,
          });
          message = '已记录结论：考察对象不再进入下一步程序，并已按意见移交处理';
          break;
        case 'unverifiable':
          await this.states.hold(m, report.candidateId, {
            reason: `举报问题一时难以查清，暂缓，须于 ${report.decisionDueOn as string} 前作出结论`,
            source,
          });
          message = `一时难以查清的，暂缓期最长 ${rulebook.parameters.reportUnverifiableLimitMonths} 个月，须于 ${report.decisionDueOn as string} 前作出结论；在此之前考察对象继续暂停`;
          break;
      }
      if (report.noticeId) await this.notices.refreshClosedStatus(m, report.noticeId);
      const candidate = await this.cases.candidate(report.candidateId, m);
      const hasContact = (await this.contactFlags([report.id], m)).has(report.id);
      return { ...this.view(report, selection.rulebookVersion, hasContact), candidateState: candidate.state, message };
    });
  }

  private async lockReport(m: EntityManager, id: string): Promise<ReportEntity> {
    const report = await m.findOne(ReportEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!report) throw notFound('举报');
    return report;
  }

  private async contactFlags(ids: string[], m: EntityManager = this.dataSource.manager): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await m.query<{ id: string }[]>('SELECT id FROM report WHERE id = ANY($1) AND contact_enc IS NOT NULL', [ids]);
    return new Set(rows.map((r) => r.id));
  }

  private async rulebookVersions(selectionIds: string[]): Promise<Map<string, string>> {
    const unique = [...new Set(selectionIds)];
    const map = new Map<string, string>();
    for (const id of unique) map.set(id, (await this.cases.selection(id)).rulebookVersion);
    return map;
  }

  private view(r: ReportEntity, rulebookVersion: string | undefined, hasContact: boolean): ReportView {
    const limit = r.finding === 'unverifiable' && rulebookVersion ? getRulebook(rulebookVersion).parameters.reportUnverifiableLimitMonths : null;
    return {
      id: r.id,
      selectionId: r.selectionId,
      candidateId: r.candidateId,
      noticeId: r.noticeId,
      channel: r.channel,
      receivedAt: r.receivedAt.toISOString(),
      receivedOn: r.receivedOn,
      late: r.late,
      content: r.content,
      hasContact,
      receiptCode: r.receiptCode,
      status: r.status,
      unresolved: isUnresolved(r),
      investigatingAt: r.investigatingAt?.toISOString() ?? null,
      finding: r.finding,
      findingLabel: r.finding ? REPORT_FINDING_LABELS[r.finding] : null,
      findingDetail: r.findingDetail,
      referral: r.referral,
      findingAt: r.findingAt?.toISOString() ?? null,
      decisionDueOn: r.decisionDueOn,
      holdLimitMonths: limit,
    };
  }
}
