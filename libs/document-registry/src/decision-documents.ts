import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CasesService } from '@app/cases';
import { AppConfig } from '@app/common';
import type { AppointmentNoticeData, IssueMeta, VoteResultData } from '@app/documents';
import { UnitsService } from '@app/identity';
import { toShanghaiDate } from '@app/rulebook';
import { DecisionRecords, type AppointmentRecord, type DecisionCandidate, type VoteRecord } from '@app/workflow';

/** 2026-12-08 → 2026年12月8日, as official documents write dates. */
function chineseDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-');
  return `${y}年${Number(m)}月${Number(d)}日`;
}

function postTitle(c: DecisionCandidate): string {
  if (!c.proposedPost) return '—';
  const unit = c.proposedPost.unitName;
  // 「示范县审计局局长」: the unit is printed unless the title already names it.
  return unit && !c.proposedPost.title.startsWith(unit) ? `${unit}${c.proposedPost.title}` : c.proposedPost.title;
}

/**
 * The 票决结果 and the 任免通知, built from the workflow's decision records. Both are issued by
 * the organization department in its own name and sealed at once: no team sign-off.
 */
@Injectable()
export class DecisionDocuments {
  constructor(
    private readonly decisions: DecisionRecords,
    private readonly cases: CasesService,
    private readonly units: UnitsService,
    private readonly config: AppConfig,
  ) {}

  vote(voteId: string, m?: EntityManager): Promise<VoteRecord | null> {
    return this.decisions.vote(voteId, m);
  }

  appointment(appointmentId: string, m?: EntityManager): Promise<AppointmentRecord | null> {
    return this.decisions.appointment(appointmentId, m);
  }

  /** 中共示范县委组织部 → 中共示范县委常委会: the committee that votes. */
  private committee(): string {
    return `${this.config.NOTICE_ISSUER.replace(/组织部$/, '')}常委会`;
  }

  async voteResultData(m: EntityManager, voteId: string, meta: IssueMeta): Promise<VoteResultData> {
    const vote = await this.decisions.vote(voteId, m);
    if (!vote) throw new Error('票决不存在或尚未结束');
    const absentees = vote.members.filter((x) => !x.present).map((x) => ({ name: x.name, reason: x.absentReason ?? '未说明原因' }));
    const tied = new Set(vote.tie?.candidateIds ?? []);
    return {
      meta,
      meetingTitle: `${this.committee()}会议`,
      heldAt: vote.heldAt,
      membersExpected: vote.shouldAttend,
      membersPresent: vote.present,
      approvalThreshold: vote.approvalThreshold,
      ...(absentees.length ? { absentees } : {}),
      round: vote.round,
      seats: vote.seats,
      quorumRequired: vote.quorum.required,
      quorumMet: vote.quorum.met,
      presentMembers: vote.members.filter((x) => x.present).map((x) => (x.isSecretary ? `${x.name}（书记）` : x.name)),
      results: vote.results.map((r) => ({
        name: r.name,
        currentPost: r.currentPost,
        proposedPost: postTitle(r),
        agree: r.agree,
        disagree: r.disagree,
        defer: r.defer,
        recused: r.recused.length,
        ...(r.recused.length ? { recusedMembers: r.recused } : {}),
        approved: vote.quorum.met && r.approved,
        elected: r.elected,
      })),
      ...(vote.tie
        ? { tie: { names: vote.results.filter((r) => tied.has(r.candidateId)).map((r) => r.name), seats: vote.tie.seats } }
        : {}),
    };
  }

  async appointmentNoticeData(m: EntityManager, appointmentId: string, meta: IssueMeta): Promise<AppointmentNoticeData> {
    const a = await this.decisions.appointment(appointmentId, m);
    if (!a) throw new Error('任职记录不存在');
    const candidate = await this.cases.candidate(a.candidate.candidateId, m);
    const [cadre] = await this.cases.cadres([candidate.cadreId], m);
    const unitIds = [...new Set([a.candidate.proposedPost?.unitId, cadre?.unitId].filter((x): x is string => !!x))];
    const units = await this.units.findByIds(unitIds);
    const addressees = unitIds.map((id) => units.find((u) => u.id === id)?.name).filter((x): x is string => !!x);
    // A plan with several posts and no proposed post for the candidate: the selection names the post.
    const post = a.candidate.proposedPost ? postTitle(a.candidate) : `${a.selectionTitle}相应职务`;
    const appoint = `${post}${a.trialPeriod ? `（试用期${a.trialPeriod}）` : ''}`;
    return {
      meta,
      title: `关于${a.candidate.name}同志任职的通知`,
      addressees: addressees.length ? addressees : ['有关单位'],
      decisionBasis: a.vote
        ? `经${chineseDate(toShanghaiDate(a.vote.heldAt))}${this.committee()}会议研究决定`
        : `经${this.committee()}研究决定`,
      items: [{ name: a.candidate.name, appoint: [appoint] }],
      remarks: [`以上任职自${chineseDate(a.effectiveOn)}起生效。`],
    };
  }
}
