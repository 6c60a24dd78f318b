import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CasesService } from '@app/cases';
import type { AuthUser } from '@app/common';
import { ConsultationsService, type ConsultationView } from '@app/consultations';
import type { DossierData, IssueMeta } from '@app/documents';
import { UnitsService, UsersService } from '@app/identity';
import { ReportsService } from '@app/notices';
import {
  CHECK_ITEM_LABELS,
  CONSULTATION_UNIT_LABELS,
  CONSULTATION_UNITS,
  evaluate,
  getRulebook,
  RULES,
  TALK_CATEGORIES,
  TALK_CATEGORY_LABELS,
  toShanghaiDate,
  type RuleResult,
} from '@app/rulebook';
import { SnapshotService, type LoadedSelection } from '@app/workflow';
import { DossierAssessmentEntity } from './document.entity';
import { DossierContributors, type AttendingSupervisor } from './dossier-contributors';

/**
 * The consultations service answers per caller; the worker reads as the organization department
 * (which may see every request), never on behalf of a person.
 */
const SYSTEM_READER: AuthUser = {
  id: '00000000-0000-0000-0000-000000000000',
  username: 'system',
  displayName: '系统',
  roles: ['org_admin'],
  unitId: null,
};

type Latest<T> = T | undefined;

function latestBy<T>(rows: readonly T[], at: (row: T) => Date): Latest<T> {
  return [...rows].sort((a, b) => at(b).getTime() - at(a).getTime())[0];
}

function rank(results: readonly { candidateId: string; count: number }[], candidateId: string): number | undefined {
  const own = results.find((r) => r.candidateId === candidateId);
  if (!own) return undefined;
  return 1 + results.filter((r) => r.count > own.count).length;
}

function evidenceText(r: RuleResult): string | undefined {
  switch (r.status) {
    case 'met':
      return r.evidence.length ? `相关记录${r.evidence.length}项` : undefined;
    case 'waived':
      return '经批准豁免';
    case 'unmet':
      return '尚未满足';
    case 'not_applicable':
      return undefined;
  }
}

/**
 * Gathers a candidate's 考察材料 from the services that own each record: the case spine (cadre,
 * posts, team, supervisors), the workflow (recommendations, evaluation, interviews, checks,
 * extended inspections, waivers, and the rule checklist judged by the rulebook), consultations
 * (the six opinions), notices (report investigations) and the team's own assessment.
 */
@Injectable()
export class DossierAssembler {
  constructor(
    private readonly cases: CasesService,
    private readonly snapshots: SnapshotService,
    private readonly consultations: ConsultationsService,
    private readonly reports: ReportsService,
    private readonly users: UsersService,
    private readonly units: UnitsService,
    private readonly contributors: DossierContributors,
  ) {}

  async assemble(m: EntityManager, candidateId: string, meta: IssueMeta): Promise<DossierData> {
    const candidate = await this.cases.candidate(candidateId, m);
    const selection = await this.cases.selection(candidate.selectionId, m);
    const { snapshot, loaded } = await this.snapshots.snapshot(m, selection);
    const evaluation = evaluate(snapshot, getRulebook(selection.rulebookVersion));
    const rules = evaluation.candidates.find((c) => c.candidateId === candidateId)?.rules ?? [];
    const cadre = loaded.cadres.find((c) => c.id === candidate.cadreId);
    if (!cadre) throw new Error(`cadre ${candidate.cadreId} of candidate ${candidateId} not found`);
    const posts = loaded.cadrePosts.filter((p) => p.cadreId === cadre.id);
    const mine = <T extends { candidateId: string }>(rows: readonly T[]) => rows.filter((r) => r.candidateId === candidateId);

    const supervisorIds = await this.cases.supervisorIds(selection.id, m);
    const waivers = loaded.waivers.filter((w) => w.approvedBy && (w.candidateId === candidateId || w.candidateId === null));
    const userIds = [...new Set([...loaded.teamMemberIds, ...supervisorIds, ...waivers.flatMap((w) => [w.requestedBy, w.approvedBy ?? ''])])].filter(Boolean);
    const users = new Map((await this.users.findByIds(userIds)).map((u) => [u.id, u]));
    const extended = mine(loaded.extendedInspections);
    const unitIds = [...new Set([cadre.unitId, ...posts.map((p) => p.unitId), ...extended.map((e) => e.unitId)])];
    const unitNames = new Map((await this.units.findByIds(unitIds)).map((u) => [u.id, u.name]));
    const interviews = mine(loaded.interviews);
    const candidateRecordIds = [...interviews, ...mine(loaded.evaluations), ...mine(loaded.checks), ...extended].map((r) => r.id);
    const [assessment, opinions, investigations, attending] = await Promise.all([
      m.findOneBy(DossierAssessmentEntity, { candidateId }),
      this.consultations.list(SYSTEM_READER, { candidateId, page: 1, pageSize: 200 }),
      this.reports.list({ candidateId }),
      this.contributors.attendingSupervisors(m, { selectionId: selection.id, candidateId, candidateRecordIds }),
    ]);

    const proposedPost = loaded.posts.find((p) => p.id === candidate.proposedPostId)?.title;
    const evaluationRow = latestBy(mine(loaded.evaluations), (e) => e.heldAt);

    return {
      meta,
      candidate: {
        name: cadre.name,
        gender: cadre.gender,
        birthDate: cadre.birthDate,
        currentPost: cadre.currentPost,
        ...(proposedPost ? { proposedPost } : {}),
        ...(cadre.ethnicity ? { ethnicity: cadre.ethnicity } : {}),
        ...(cadre.education ? { education: cadre.education } : {}),
      },
      postsHeld: posts.map((p) => ({
        unit: unitNames.get(p.unitId) ?? '—',
        title: p.title,
        from: p.fromDate,
        ...(p.toDate ? { to: p.toDate } : {}),
      })),
      recommendation: this.recommendation(loaded, candidateId),
      ...(evaluationRow
        ? {
            evaluation: {
              heldOn: toShanghaiDate(evaluationRow.heldAt),
              participants: evaluationRow.participants,
              excellent: evaluationRow.excellent,
              competent: evaluationRow.competent,
              basicallyCompetent: evaluationRow.basicallyCompetent,
              incompetent: evaluationRow.incompetent,
            },
          }
        : {}),
      interviews: TALK_CATEGORIES.map((category) => {
        const rows = interviews.filter((i) => i.category === category);
        return {
          category: `seven_talks.${category}`,
          label: TALK_CATEGORY_LABELS[category],
          count: rows.length,
          summary: rows.length ? rows.map((r) => `${r.intervieweePost}${r.intervieweeName}：${r.summary}`).join('\n') : '（尚无谈话记录）',
        };
      }),
      consultations: this.consultationRows(opinions.items),
      checks: mine(loaded.checks).map((c) => ({
        check: `six_checks.${c.item}`,
        label: CHECK_ITEM_LABELS[c.item],
        finding: c.finding,
        evidence: c.evidence,
      })),
      extendedInspections: extended.map((e) => ({
        unit: unitNames.get(e.unitId) ?? '—',
        summary: e.summary,
        heldOn: toShanghaiDate(e.recordedAt),
      })),
      reportInvestigations: investigations.map((r) => ({
        summary: r.content,
        finding: r.finding ?? 'pending',
        conclusion: r.findingDetail ?? (r.finding ? (r.findingLabel ?? '') : '核查中'),
      })),
      strengths: assessment?.strengths ?? [],
      shortcomings: assessment?.shortcomings ?? [],
      conclusion: assessment?.conclusion || '（考察组尚未填写考察结论）',
      ruleChecklist: rules.map((r) => {
        const evidence = evidenceText(r);
        return { ruleId: r.rule, zh: RULES[r.rule].zh, status: r.status, ...(evidence ? { evidence } : {}) };
      }),
      waivers: waivers.map((w) => ({
        ruleId: w.rule,
        zh: (RULES as Record<string, { zh: string } | undefined>)[w.rule]?.zh ?? w.rule,
        reason: w.reason,
        requestedBy: users.get(w.requestedBy)?.displayName ?? '—',
        approvedBy: users.get(w.approvedBy ?? '')?.displayName ?? '—',
        approvedAt: w.approvedAt ?? w.requestedAt,
      })),
      teamMembers: loaded.teamMemberIds.map((id) => ({
        name: users.get(id)?.displayName ?? '—',
        title: '考察组成员',
        role: '成员',
      })),
      ...this.supervisors(attending, supervisorIds.map((id) => users.get(id)?.displayName ?? '—')),
    };
  }

  /**
   * 参与考察的义务监督员: those recorded as attending the candidate's interviews or the
   * selection's meetings; without any such record, the assigned ones, and the dossier says so.
   */
  private supervisors(attending: AttendingSupervisor[], assignedNames: string[]): Pick<DossierData, 'supervisors' | 'supervisorsNote'> {
    if (attending.length > 0) {
      return {
        supervisors: attending.map((s) => ({ name: s.name, affiliation: s.affiliation ?? '义务监督员', activities: s.activities })),
      };
    }
    return {
      supervisors: assignedNames.map((name) => ({ name, affiliation: '义务监督员' })),
      ...(assignedNames.length > 0
        ? { supervisorsNote: '注：尚无义务监督员参加考察活动的记录，以上所列义务监督员为本次选任工作指派的人员。' }
        : {}),
    };
  }

  private recommendation(loaded: LoadedSelection, candidateId: string): DossierData['recommendation'] {
    const meeting = latestBy(
      loaded.recommendations.filter((r) => r.kind === 'meeting'),
      (r) => r.heldAt,
    );
    const talk = latestBy(
      loaded.recommendations.filter((r) => r.kind === 'talk'),
      (r) => r.heldAt,
    );
    const out: DossierData['recommendation'] = {};
    const meetingVotes = meeting?.results.find((r) => r.candidateId === candidateId);
    if (meeting && meetingVotes) {
      const cast = meeting.participants ?? meeting.results.reduce((n, r) => Math.max(n, r.count), 0);
      const place = rank(meeting.results, candidateId);
      out.meeting = {
        heldOn: toShanghaiDate(meeting.heldAt),
        eligible: cast,
        cast,
        votesFor: meetingVotes.count,
        ...(place ? { rank: place } : {}),
      };
    }
    const talkMentions = talk?.results.find((r) => r.candidateId === candidateId);
    if (talk && talkMentions) {
      const place = rank(talk.results, candidateId);
      out.talk = {
        heldOn: toShanghaiDate(talk.heldAt),
        interviewed: talk.participants ?? talk.results.reduce((n, r) => Math.max(n, r.count), 0),
        mentions: talkMentions.count,
        ...(place ? { rank: place } : {}),
      };
    }
    return out;
  }

  /** One row per consulted unit; no answer is printed as such, never as a clearance. */
  private consultationRows(views: ConsultationView[]): DossierData['consultations'] {
    return CONSULTATION_UNITS.map((unit) => {
      const view = views.find((v) => v.unitKind === unit && v.status !== 'stopped') ?? views.find((v) => v.unitKind === unit);
      const opinion = view?.opinion;
      return {
        unit: `six_consultations.${unit}`,
        label: view?.unitName ?? CONSULTATION_UNIT_LABELS[unit],
        ...(opinion
          ? { opinion: opinion.verdict, ...(opinion.detail ? { details: opinion.detail } : {}), answeredAt: new Date(opinion.answeredAt) }
          : {}),
      };
    });
  }
}
