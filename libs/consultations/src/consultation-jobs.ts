import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditService } from '@app/audit';
import { CasesService, GENDER_LABELS } from '@app/cases';
import { AppConfig, Clock } from '@app/common';
import { UNIT_KIND_LABELS, UnitsService, type UnitEntity } from '@app/identity';
import { DEFAULT_JOB_OPTIONS, OnJob, type JobContext, type JobPayloadMap } from '@app/queue';
import { ConsultationDeliveryEntity, ConsultationRequestEntity, VERDICT_LABELS } from './consultation.entities';
import { DeliveryError, Mailer, postWebhook, type MailMessage } from './channels';
import { LetterDocuments } from './letter-documents';
import { inboxUrl } from './letters.service';

const LAST_ATTEMPT = DEFAULT_JOB_OPTIONS.attempts ?? 1;

/** The letter as a unit's system receives it: one request, its candidate and how to answer. */
export interface WebhookLetter {
  type: 'consultation.request';
  deliveryId: string;
  letter: { id: string; selectionId: string; selectionTitle: string; unitKind: string; unitKindLabel: string; unitName: string; requestedOn: string; dueOn: string };
  candidates: { requestId: string; name: string; gender: string; birthDate: string; currentPost: string }[];
  verdicts: Record<string, string>;
  replyUrl: string;
}

/**
 * Worker side of 六征求: delivery, reminder and deadline jobs. Each runs in the transaction that
 * marks its outbox row done, so a delivery is recorded exactly once however often it is tried;
 * the external send uses the delivery id as its idempotency key, so repeats are recognisable.
 */
@Injectable()
export class ConsultationJobs {
  private readonly logger = new Logger(ConsultationJobs.name);

  constructor(
    private readonly cases: CasesService,
    private readonly units: UnitsService,
    private readonly audit: AuditService,
    private readonly mailer: Mailer,
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly letters: LetterDocuments,
  ) {}

  @OnJob('consultation.deliver')
  async deliver({ deliveryId }: JobPayloadMap['consultation.deliver'], ctx: JobContext): Promise<void> {
    const m = ctx.manager;
    const d = await m.findOne(ConsultationDeliveryEntity, { where: { id: deliveryId }, lock: { mode: 'pessimistic_write' } });
    if (!d || d.status !== 'pending') return;
    const r = await m.findOneByOrFail(ConsultationRequestEntity, { id: d.requestId });
    if (r.status === 'answered' || r.status === 'stopped' || !r.unitId) {
      await this.finish(m, d, ctx, { status: 'skipped', lastError: `request ${r.status}` });
      return;
    }
    const unit = await this.units.get(r.unitId);
    try {
      if (d.channel === 'webhook') {
        if (!unit.webhookUrl) return await this.finish(m, d, ctx, { status: 'skipped', lastError: 'unit has no webhook URL any more' });
        const body = JSON.stringify(await this.webhookLetter(m, d, r, unit));
        const status = await postWebhook(unit.webhookUrl, body, d.id, this.units.webhookSecret(unit));
        await this.finish(m, d, ctx, { status: 'delivered', responseStatus: status });
      } else {
        if (!unit.email) return await this.finish(m, d, ctx, { status: 'skipped', lastError: 'unit has no email address any more' });
        if (!this.mailer.enabled) {
          this.logger.log(`SMTP_URL is not set: email channel skipped for consultation delivery ${d.id}`);
          return await this.finish(m, d, ctx, { status: 'skipped', lastError: 'SMTP_URL not set' });
        }
        await this.mailer.send({ to: unit.email, messageId: d.id, ...(await this.letterMail(m, r, unit)) });
        await this.finish(m, d, ctx, { status: 'delivered' });
      }
    } catch (err) {
      if (!(err instanceof DeliveryError) || ctx.attempt < LAST_ATTEMPT) throw err;
      // The last attempt: record the failure instead of throwing, so the organization department sees it.
      await this.finish(m, d, ctx, { status: 'failed', lastError: err.message, responseStatus: err.responseStatus });
      if (r.status === 'pending' || r.status === 'overdue') {
        await m.update(ConsultationRequestEntity, { id: r.id }, { status: 'delivery_failed' });
      }
      await this.audit.append(m, {
        selectionId: r.selectionId,
        action: 'consultation.delivery_failed',
        entity: 'consultation_request',
        entityId: r.id,
        after: { deliveryId: d.id, channel: d.channel, attempts: ctx.attempt, error: err.message },
      });
    }
  }

  private async finish(
    m: EntityManager,
    d: ConsultationDeliveryEntity,
    ctx: JobContext,
    result: { status: 'delivered' | 'failed' | 'skipped'; responseStatus?: number | null; lastError?: string },
  ): Promise<void> {
    const now = this.clock.now();
    await m.update(
      ConsultationDeliveryEntity,
      { id: d.id },
      {
        status: result.status,
        attempts: ctx.attempt,
        responseStatus: result.responseStatus ?? null,
        lastError: result.lastError?.slice(0, 2000) ?? null,
        deliveredAt: result.status === 'delivered' ? now : null,
        failedAt: result.status === 'failed' ? now : null,
      },
    );
  }

  private async context(m: EntityManager, r: ConsultationRequestEntity) {
    const selection = await this.cases.selection(r.selectionId, m);
    const candidate = await this.cases.candidate(r.candidateId, m);
    const [cadre] = await this.cases.cadres([candidate.cadreId], m);
    return { selection, candidate, cadre };
  }

  private replyUrl(requestId: string): string {
    return `${this.config.PUBLIC_BASE_URL.replace(/\/$/, '')}/api/consultations/${requestId}/opinion`;
  }

  async webhookLetter(m: EntityManager, d: ConsultationDeliveryEntity, r: ConsultationRequestEntity, unit: UnitEntity): Promise<WebhookLetter> {
    const { selection, cadre } = await this.context(m, r);
    return {
      type: 'consultation.request',
      deliveryId: d.id,
      letter: {
        id: r.letterId,
        selectionId: selection.id,
        selectionTitle: selection.title,
        unitKind: r.unitKind,
        unitKindLabel: UNIT_KIND_LABELS[r.unitKind],
        unitName: unit.name,
        requestedOn: r.requestedOn,
        dueOn: r.dueOn,
      },
      candidates: [
        { requestId: r.id, name: cadre.name, gender: cadre.gender, birthDate: cadre.birthDate, currentPost: cadre.currentPost },
      ],
      verdicts: { ...VERDICT_LABELS },
      replyUrl: this.replyUrl(r.id),
    };
  }

  /**
   * The email of a request, with the sealed 征求意见函 attached when it has been issued. A letter
   * still being rendered does not hold the delivery back: the body says where to download it.
   */
  private async letterMail(m: EntityManager, r: ConsultationRequestEntity, unit: UnitEntity): Promise<Pick<MailMessage, 'subject' | 'text' | 'attachments'>> {
    const { selection, cadre } = await this.context(m, r);
    const letter = await this.letters.pdfFor(r.letterId, r.id);
    const attachmentLine = letter
      ? `附件：征求意见函（加盖电子印章的 PDF，验证码 ${letter.verificationCode}，可在 ${this.config.PUBLIC_BASE_URL.replace(/\/$/, '')}/public/verify/${letter.verificationCode} 核验）。`
      : `征求意见函正式文本（加盖电子印章的 PDF）正在生成，本邮件未附；生成后请登录 ${inboxUrl(this.config.PUBLIC_BASE_URL)} 下载。`;
    return {
      ...(letter ? { attachments: [{ filename: letter.filename, content: letter.pdf, contentType: 'application/pdf' }] } : {}),
      subject: `征求意见函：${cadre.name}同志（${selection.title}）`,
      text: [
        `${unit.name}：`,
        '',
        `根据干部选拔任用工作有关规定，现就“${selection.title}”考察对象${cadre.name}同志征求你单位意见。`,
        '',
        `考察对象：${cadre.name}，${GENDER_LABELS[cadre.gender]}，${cadre.birthDate} 出生，现任${cadre.currentPost}。`,
        '',
        `请于 ${r.dueOn}（含）前以书面形式回复意见：无不良反映、有问题（请写明具体情况）或正在立案调查（请写明具体情况）。`,
        `在线回复：${this.replyUrl(r.id)}`,
        '',
        '逾期未回复的，不视为无不良反映。',
        '',
        attachmentLine,
        '',
        '县委组织部',
        r.requestedOn,
      ].join('\n'),
    };
  }

  @OnJob('consultation.remind')
  async remind({ requestId }: JobPayloadMap['consultation.remind'], ctx: JobContext): Promise<void> {
    const r = await this.lockOpen(ctx.manager, requestId);
    if (!r || r.status !== 'pending' || r.remindedAt) return;
    r.remindedAt = this.clock.now();
    await ctx.manager.save(r);
    await this.audit.append(ctx.manager, { selectionId: r.selectionId, action: 'consultation.reminded', entity: 'consultation_request', entityId: r.id });
    await this.notifyUnit(ctx, r, 'reminder');
  }

  @OnJob('consultation.overdue')
  async overdue({ requestId }: JobPayloadMap['consultation.overdue'], ctx: JobContext): Promise<void> {
    const r = await this.lockOpen(ctx.manager, requestId);
    // Only a request still waiting becomes overdue; a later deadline (after a resend) has its own job.
    if (!r || r.status !== 'pending' || this.clock.now() < r.dueAt) return;
    r.status = 'overdue';
    r.overdueAt = this.clock.now();
    await ctx.manager.save(r);
    // The escalation: the organization department's list of overdue requests (GET /consultations?status=overdue).
    await this.audit.append(ctx.manager, {
      selectionId: r.selectionId,
      action: 'consultation.overdue',
      entity: 'consultation_request',
      entityId: r.id,
      after: { unitKind: r.unitKind, unitId: r.unitId, dueOn: r.dueOn },
    });
    await this.notifyUnit(ctx, r, 'overdue');
  }

  /** The request, locked; stopped on the way when its candidate is no longer in play. */
  private async lockOpen(m: EntityManager, requestId: string): Promise<ConsultationRequestEntity | null> {
    const r = await m.findOne(ConsultationRequestEntity, { where: { id: requestId }, lock: { mode: 'pessimistic_write' } });
    if (!r || r.status !== 'pending') return r;
    const candidate = await this.cases.candidate(r.candidateId, m);
    if (candidate.state !== 'active' && candidate.state !== 'on_hold') {
      r.status = 'stopped';
      r.stoppedAt = this.clock.now();
      r.stopReason = '考察对象已不在考察范围内';
      await m.save(r);
      await this.audit.append(m, { selectionId: r.selectionId, action: 'consultation.stopped', entity: 'consultation_request', entityId: r.id, after: { reason: r.stopReason } });
    }
    return r;
  }

  /** Reminders go by email (and show in the inbox); a failing mail server does not undo the reminder after the last try. */
  private async notifyUnit(ctx: JobContext, r: ConsultationRequestEntity, kind: 'reminder' | 'overdue'): Promise<void> {
    const unit = r.unitId ? await this.units.get(r.unitId) : null;
    if (!unit?.email) return;
    if (!this.mailer.enabled) {
      this.logger.log(`SMTP_URL is not set: ${kind} email for consultation ${r.id} skipped`);
      return;
    }
    const { selection, cadre } = await this.context(ctx.manager, r);
    const subject = kind === 'reminder' ? `催办：征求意见即将到期（${cadre.name}）` : `逾期提醒：征求意见已逾期（${cadre.name}）`;
    const lead =
      kind === 'reminder'
        ? `你单位关于“${selection.title}”考察对象${cadre.name}同志的意见将于 ${r.dueOn} 到期，请及时回复。`
        : `你单位关于“${selection.title}”考察对象${cadre.name}同志的意见已于 ${r.dueOn} 到期，至今未回复，已报县委组织部。请尽快回复。`;
    try {
      await this.mailer.send({ to: unit.email, messageId: ctx.jobId, subject, text: `${unit.name}：\n\n${lead}\n在线回复：${this.replyUrl(r.id)}\n\n县委组织部` });
    } catch (err) {
      if (ctx.attempt < LAST_ATTEMPT) throw err;
      this.logger.warn(`${kind} email for consultation ${r.id} failed for good: ${(err as Error).message}`);
    }
  }
}
