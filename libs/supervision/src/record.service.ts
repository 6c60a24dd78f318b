import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '@app/audit';
import { CasesService } from '@app/cases';
import { AppConfig, type AuthUser } from '@app/common';
import { IssuedDocuments } from '@app/document-registry';
import { documentaryRecordDefinition, renderPdf, type DocumentaryRecordData } from '@app/documents';
import { UsersService } from '@app/identity';
import {
  CANDIDATE_STATE_LABELS,
  evaluate,
  getRulebook,
  nextStage,
  RULES,
  STAGE_LABELS,
  transitionInto,
  unmetForGate,
  type GateStage,
  type RuleResult,
  type RuleStatus,
  type Stage,
} from '@app/rulebook';
import { SnapshotService } from '@app/workflow';
import { AttendanceService, type AttendanceView } from './attendance.service';
import { describeEvent, stageSummary, stageTimeline, type ChainEvent } from './record-lines';
import { RemarksService, type RemarkView } from './remarks.service';
import { SupervisionAccess } from './supervision-access';

const ruleZh = (rule: string): string => (RULES as Record<string, { zh: string } | undefined>)[rule]?.zh ?? rule;

export interface RecordStep {
  seq: number;
  at: Date;
  stage: Stage;
  stageLabel: string;
  actor: { id: string | null; name: string };
  action: string;
  description: string;
  entity: string;
  entityId: string | null;
}

export interface DocumentaryRecord {
  selection: { id: string; title: string; stage: Stage; stageLabel: string; rulebookVersion: string; createdAt: Date; closedReason: string | null };
  generatedAt: Date;
  auditChain: { verified: boolean; eventCount: number; headHash: string | null; firstBroken: unknown };
  posts: { title: string; count: number }[];
  team: { userId: string; name: string }[];
  supervisors: { userId: string; name: string; activities: number }[];
  stages: { stage: Stage; label: string; enteredAt: Date; leftAt: Date | null; events: number; summary: string }[];
  candidates: { id: string; name: string; state: string; stateLabel: string; stateReason: string | null; stateRule: string | null; stateRuleZh: string | null }[];
  checklist: {
    stage: Stage;
    next: GateStage | null;
    nextLabel: string | null;
    gate: { ok: boolean; unmet: { rule: string; zh: string; candidateId?: string; candidateName?: string }[] };
    counts: Record<RuleStatus, number>;
    summary: string;
    selectionRules: { rule: string; zh: string; status: RuleStatus; evidence: readonly string[] }[];
    candidates: { id: string; name: string; state: string; rules: { rule: string; zh: string; status: RuleStatus; evidence: readonly string[] }[] }[];
  };
  waivers: {
    id: string;
    rule: string;
    zh: string;
    candidateId: string | null;
    candidateName: string | null;
    reason: string;
    requestedBy: string;
    requestedAt: Date;
    approvedBy: string | null;
    approvedAt: Date | null;
  }[];
  votes: {
    id: string;
    round: number;
    mode: string;
    status: string;
    heldAt: Date;
    present: number;
    shouldAttend: number;
    results: { candidateId: string; candidateName: string; agree: number; disagree: number; defer: number; approved: boolean | null; elected: boolean }[];
  }[];
  remarks: RemarkView[];
  attendance: AttendanceView[];
  /** Every event of the selection's audit chain, in order, as a sentence with who and when. */
  steps: RecordStep[];
}

export interface RecordPdf {
  pdf: Buffer;
  filename: string;
  documentId: string;
  version: number;
  verificationCode: string;
  sha256: string;
}

/**
 * 纪实: the whole story of a selection, read from its audit chain (every write of every module
 * lands there, in order, with who and when) and from the records the rules judge. The chain is
 * verified each time, and the record says whether it held.
 */
@Injectable()
export class RecordService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: SupervisionAccess,
    private readonly cases: CasesService,
    private readonly snapshots: SnapshotService,
    private readonly audit: AuditService,
    private readonly users: UsersService,
    private readonly remarks: RemarksService,
    private readonly attendance: AttendanceService,
    private readonly issued: IssuedDocuments,
    private readonly config: AppConfig,
  ) {}

  async record(user: AuthUser, selectionId: string): Promise<DocumentaryRecord> {
    await this.access.assertRecordReader(user, selectionId);
    return this.build(selectionId);
  }

  /**
   * The 纪实表 as PDF, rendered in the request (about a second for a full selection) and issued
   * through the document registry: numbered per selection, stored, verifiable by its code.
   */
  async recordPdf(user: AuthUser, selectionId: string): Promise<RecordPdf> {
    await this.access.assertRecordReader(user, selectionId);
    const record = await this.build(selectionId);
    const issued = await this.issued.issueInRequest({ kind: 'documentary_record', selectionId, subjectKey: selectionId, createdBy: user.id }, async (printed) => {
      const data = this.pdfData(record, printed);
      return { pdf: await renderPdf(documentaryRecordDefinition(data)), data };
    });
    return {
      pdf: issued.pdf,
      filename: `纪实表-${record.selection.title}-第${issued.version}版.pdf`,
      documentId: issued.documentId,
      version: issued.version,
      verificationCode: issued.verificationCode,
      sha256: issued.sha256,
    };
  }

  private pdfData(record: DocumentaryRecord, printed: { verificationCode: string; issuedAt: Date }): DocumentaryRecordData {
    const current = record.stages.length - 1;
    return {
      meta: {
        issuingOrgan: this.config.NOTICE_ISSUER,
        issuedAt: printed.issuedAt,
        verificationCode: printed.verificationCode,
        publicBaseUrl: this.config.PUBLIC_BASE_URL,
      },
      selectionTitle: record.selection.title,
      posts: record.posts,
      stages: record.stages.map((s, i) => ({
        stage: s.stage,
        label: s.label,
        enteredAt: s.enteredAt,
        ...(s.leftAt ? { leftAt: s.leftAt } : {}),
        summary: i === current ? `${s.summary}。${record.checklist.summary}` : s.summary,
      })),
      candidates: record.candidates.map((c) => ({
        name: c.name,
        stateLabel: c.stateLabel,
        ...(c.stateReason || c.stateRuleZh ? { note: [c.stateReason, c.stateRuleZh ? `（${c.stateRuleZh}）` : ''].filter(Boolean).join('') } : {}),
      })),
      events: record.steps.map((s) => ({ at: s.at, actor: s.actor.name, action: s.description })),
      auditChain: {
        verified: record.auditChain.verified,
        eventCount: record.auditChain.eventCount,
        ...(record.auditChain.headHash ? { headHash: record.auditChain.headHash } : {}),
      },
    };
  }

  private async build(selectionId: string): Promise<DocumentaryRecord> {
    const selection = await this.cases.selection(selectionId);
    const [chain, verified, { snapshot, loaded }, remarks, attendance, supervisorIds] = await Promise.all([
      this.audit.chainOf(selectionId),
      this.audit.verify(selectionId),
      this.snapshots.snapshot(this.dataSource.manager, selection),
      this.remarks.forSelection(selectionId),
      this.attendance.forSelection(selectionId),
      this.cases.supervisorIds(selectionId),
    ]);

    const cadreName = new Map(loaded.cadres.map((c) => [c.id, c.name]));
    const candidateName = new Map(loaded.candidates.map((c) => [c.id, cadreName.get(c.cadreId) ?? '']));
    const userIds = new Set<string>([...loaded.teamMemberIds, ...supervisorIds]);
    for (const e of chain) if (e.actorId) userIds.add(e.actorId);
    for (const w of loaded.waivers) {
      userIds.add(w.requestedBy);
      if (w.approvedBy) userIds.add(w.approvedBy);
    }
    for (const e of chain) {
      // Names in the events themselves: supervisors assigned or attending.
      const after = (e.after ?? {}) as { userIds?: unknown; supervisorUserIds?: unknown };
      for (const list of [after.userIds, after.supervisorUserIds]) if (Array.isArray(list)) for (const id of list) if (typeof id === 'string') userIds.add(id);
    }
    const users = new Map((await this.users.findByIds([...userIds])).map((u) => [u.id, u.displayName]));
    const userName = (id: string | null | undefined) => (id ? users.get(id) : undefined);
    const ctx = { candidateName: (id: string | null | undefined) => (id ? candidateName.get(id) || undefined : undefined), userName };

    const events: ChainEvent[] = chain.map((e) => ({
      seq: e.seq,
      occurredAt: e.occurredAt,
      action: e.action,
      entity: e.entity,
      entityId: e.entityId,
      actorId: e.actorId,
      actorUsername: e.actorUsername ?? 'system',
      before: e.before,
      after: e.after,
    }));
    const timeline = stageTimeline(events, { stage: selection.stage, createdAt: selection.createdAt });
    const stageOf = new Map<number, Stage>();
    for (const span of timeline) for (const seq of span.eventSeqs) stageOf.set(seq, span.stage);

    const steps: RecordStep[] = events.map((e) => {
      const stage = stageOf.get(e.seq) ?? selection.stage;
      return {
        seq: e.seq,
        at: e.occurredAt,
        stage,
        stageLabel: STAGE_LABELS[stage],
        actor: { id: e.actorId, name: userName(e.actorId) ?? (e.actorId ? e.actorUsername : '系统') },
        action: e.action,
        description: describeEvent(e, ctx),
        entity: e.entity,
        entityId: e.entityId,
      };
    });

    const evaluation = evaluate(snapshot, getRulebook(selection.rulebookVersion));
    // nextStage never yields the first stage, so `next` is always a gated one.
    const next = nextStage(selection.stage) as GateStage | null;
    const unmet = next ? unmetForGate(evaluation, transitionInto(next)) : [];
    const counts: Record<RuleStatus, number> = { met: 0, unmet: 0, waived: 0, not_applicable: 0 };
    const tally = (rules: readonly RuleResult[]) => rules.forEach((r) => counts[r.status]++);
    tally(evaluation.selectionRules);
    evaluation.candidates.filter((c) => c.state === 'active' || c.state === 'on_hold').forEach((c) => tally(c.rules));
    const unmetRules = [...new Set(unmet.map((u) => u.zh))];
    const checklistSummary = !next
      ? '已无下一环节'
      : unmet.length === 0
        ? `进入「${STAGE_LABELS[next]}」的条件均已满足`
        : `进入「${STAGE_LABELS[next]}」尚有${unmet.length}项条件未满足：${unmetRules.slice(0, 8).join('、')}${unmetRules.length > 8 ? '等' : ''}`;
    const ruleView = (r: RuleResult) => ({ rule: r.rule, zh: ruleZh(r.rule), status: r.status, evidence: r.evidence });

    const activities = new Map<string, number>();
    for (const a of attendance) for (const s of a.supervisors) activities.set(s.userId, (activities.get(s.userId) ?? 0) + 1);
    const head = chain[chain.length - 1];

    return {
      selection: {
        id: selection.id,
        title: selection.title,
        stage: selection.stage,
        stageLabel: STAGE_LABELS[selection.stage],
        rulebookVersion: selection.rulebookVersion,
        createdAt: selection.createdAt,
        closedReason: selection.closedReason,
      },
      generatedAt: loaded.now,
      auditChain: { verified: verified.ok, eventCount: chain.length, headHash: head?.hash ?? null, firstBroken: verified.firstBroken },
      posts: loaded.posts.map((p) => ({ title: p.title, count: p.count })),
      team: loaded.teamMemberIds.map((id) => ({ userId: id, name: userName(id) ?? '' })),
      supervisors: supervisorIds.map((id) => ({ userId: id, name: userName(id) ?? '', activities: activities.get(id) ?? 0 })),
      stages: timeline.map((span) => ({
        stage: span.stage,
        label: span.label,
        enteredAt: span.enteredAt,
        leftAt: span.leftAt,
        events: span.eventSeqs.length,
        summary: stageSummary(events.filter((e) => stageOf.get(e.seq) === span.stage)),
      })),
      candidates: loaded.candidates.map((c) => ({
        id: c.id,
        name: candidateName.get(c.id) ?? '',
        state: c.state,
        stateLabel: CANDIDATE_STATE_LABELS[c.state],
        stateReason: c.stateReason,
        stateRule: c.stateRule,
        stateRuleZh: c.stateRule ? ruleZh(c.stateRule) : null,
      })),
      checklist: {
        stage: selection.stage,
        next,
        nextLabel: next ? STAGE_LABELS[next] : null,
        gate: {
          ok: unmet.length === 0,
          unmet: unmet.map((u) => ({
            rule: u.rule,
            zh: u.zh,
            ...(u.candidateId ? { candidateId: u.candidateId, candidateName: candidateName.get(u.candidateId) ?? '' } : {}),
          })),
        },
        counts,
        summary: checklistSummary,
        selectionRules: evaluation.selectionRules.map(ruleView),
        candidates: evaluation.candidates.map((c) => ({ id: c.candidateId, name: candidateName.get(c.candidateId) ?? '', state: c.state, rules: c.rules.map(ruleView) })),
      },
      waivers: loaded.waivers.map((w) => ({
        id: w.id,
        rule: w.rule,
        zh: ruleZh(w.rule),
        candidateId: w.candidateId,
        candidateName: w.candidateId ? (candidateName.get(w.candidateId) ?? null) : null,
        reason: w.reason,
        requestedBy: userName(w.requestedBy) ?? '',
        requestedAt: w.requestedAt,
        approvedBy: w.approvedBy ? (userName(w.approvedBy) ?? '') : null,
        approvedAt: w.approvedAt,
      })),
      votes: loaded.votes.map(({ vote, members, results }) => ({
        id: vote.id,
        round: vote.round,
        mode: vote.mode,
        status: vote.status,
        heldAt: vote.heldAt,
        present: members.filter((x) => x.present).length,
        shouldAttend: members.length,
        results: results.map((r) => ({
          candidateId: r.candidateId,
          candidateName: candidateName.get(r.candidateId) ?? '',
          agree: r.agree,
          disagree: r.disagree,
          defer: r.defer,
          approved: r.approved,
          elected: r.elected,
        })),
      })),
      remarks,
      attendance,
      steps,
    };
  }
}
