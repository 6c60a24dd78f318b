import { latestAdvanceNoticeOn, recommendationValidUntil } from './deadlines';
import { DECISION_RULES } from './decision.rules';
import { checkMotion, type MotionViolation } from './motion.rules';
import { describeUnresolvedReport, isPublic, isReportResolved } from './notice.rules';
import {
  isBlank,
  list,
  met,
  missingInPlay,
  notApplicable,
  unmet,
  type Outcome,
  type RuleContext,
} from './rule-context';
import type { RuleId, SelectionRuleId } from './rules.catalogue';
import type { RecommendationKind, WorkPlanSnapshot } from './snapshot';
import { STAGE_LABELS, stageIndex, type GateStage } from './stages';

export type SelectionRule = (ctx: RuleContext) => Outcome;

// --- 三提三不提 -------------------------------------------------------------------------------

function motionRule(rule: RuleId): SelectionRule {
  return (ctx) => {
    const motion = ctx.snapshot.motion;
    if (!motion) {
      return unmet('no motion recorded');
    }
    // The registry's names, plus this selection's candidates in case the registry list is partial.
    const names = [
      ...(ctx.snapshot.knownCadreNames ?? []),
      ...ctx.snapshot.candidates.map((c) => c.cadreName),
    ];
    const violation: MotionViolation | undefined = checkMotion(motion, names).find(
      (v) => v.rule === rule,
    );
    return violation ? unmet(violation.detail) : met([motion.id]);
  };
}

// --- 十有 ------------------------------------------------------------------------------------

const WORK_PLAN_PARTS = ['posts', 'conditions', 'pool', 'method', 'timetable', 'team'] as const;

function workPlan(ctx: RuleContext): Outcome {
  const plan: WorkPlanSnapshot | undefined = ctx.snapshot.workPlan;
  if (!plan) {
    return unmet('no work plan');
  }
  const missing = WORK_PLAN_PARTS.filter((part) => isBlank(plan[part]));
  return missing.length > 0
    ? unmet(`work plan ${plan.id} lacks: ${list(missing)}`)
    : met([plan.id]);
}


function advanceNotice(ctx: RuleContext): Outcome {
  const notices = ctx.snapshot.notices.filter((n) => n.kind === 'advance');
  if (notices.length === 0) {
    return unmet('no advance notice');
  }
  const lead = ctx.params.advanceNoticeLeadWorkingDays;
  const reasons: string[] = [];
  for (const n of notices) {
    const missing = missingInPlay(ctx, n.candidateIds);
    if (!isPublic(n, ctx)) {
      reasons.push(`advance notice ${n.id} is not published`);
    } else if (!n.inspectionStartsOn) {
      reasons.push(`advance notice ${n.id} gives no inspection start date`);
    } else if (n.startsOn > latestAdvanceNoticeOn(n.inspectionStartsOn, ctx.rulebook)) {
      reasons.push(
        `advance notice ${n.id} (${n.startsOn}) is not ${lead} working day(s) before the inspection (${n.inspectionStartsOn})`,
      );
    } else if (missing.length > 0) {
      reasons.push(`advance notice ${n.id} does not name candidates ${list(missing)}`);
    } else {
      return met([n.id]);
    }
  }
  return unmet(reasons.join('; '));
}

function recommendation(kind: RecommendationKind): SelectionRule {
  return (ctx) => {
    const records = ctx.snapshot.recommendations.filter(
      (r) => r.kind === kind && r.results.length > 0,
    );
    if (records.length === 0) {
      return unmet(`no ${kind} recommendation results`);
    }
    const missing = missingInPlay(
      ctx,
      records.flatMap((r) => r.results.map((x) => x.candidateId)),
    );
    return missing.length > 0
      ? unmet(`no ${kind} recommendation result for candidates ${list(missing)}`)
      : met(records.map((r) => r.id));
  };
}

function targetMeetingMinutes(ctx: RuleContext): Outcome {
  const meeting = ctx.snapshot.targetMeeting;
  if (!meeting) {
    return unmet('no meeting fixed the inspection targets');
  }
  if (isBlank(meeting.minutes)) {
    return unmet(`target meeting ${meeting.id} has no minutes`);
  }
  // A target added after the meeting did not come through it.
  const missing = missingInPlay(ctx, meeting.candidateIds);
  return missing.length > 0
    ? unmet(`candidates ${list(missing)} were not fixed by target meeting ${meeting.id}`)
    : met([meeting.id]);
}

function targetNotice(ctx: RuleContext): Outcome {
  const notices = ctx.snapshot.notices.filter((n) => n.kind === 'inspection' && isPublic(n, ctx));
  if (notices.length === 0) {
    return unmet('the inspection targets have not been publicly notified');
  }
  const missing = missingInPlay(
    ctx,
    notices.flatMap((n) => n.candidateIds),
  );
  return missing.length > 0
    ? unmet(`no published inspection notice names candidates ${list(missing)}`)
    : met(notices.map((n) => n.id));
}

// --- 五差额 ----------------------------------------------------------------------------------

/**
 * Competitive counts are facts of the moment a stage is left: later drop-outs (not_selected
 * after the vote, for instance) are the purpose of competition, not a breach. Once the
 * selection is past the gate, the rule is not applicable; the gate's check is on record.
 */
function competition(gateStage: GateStage, minimum: (ctx: RuleContext) => number): SelectionRule {
  return (ctx) => {
    if (stageIndex(ctx.snapshot.stage) >= stageIndex(gateStage)) {
      return notApplicable(`checked when entering ${gateStage} (${STAGE_LABELS[gateStage]})`);
    }
    if (ctx.totalPosts < 1) {
      return unmet('no posts recorded');
    }
    const needed = minimum(ctx);
    const count = ctx.inPlay.length;
    return count >= needed
      ? met(ctx.inPlay.map((c) => c.id))
      : unmet(`${count} candidates for ${ctx.totalPosts} post(s); at least ${needed} needed`);
  };
}

const moreThanPosts = (ctx: RuleContext): number => ctx.totalPosts + 1;

// --- 两个一律 --------------------------------------------------------------------------------

function underInvestigation(ctx: RuleContext): Outcome {
  const offences: string[] = [];
  const evidence: string[] = [];
  for (const c of ctx.inPlay) {
    const organs = c.consultations.filter(
      (x) => x.unit === 'discipline_commission' || x.unit === 'procuratorate',
    );
    const flagged = [
      ...organs.filter((x) => x.verdict === 'under_investigation').map((x) => x.id),
      ...(c.underInvestigation ?? []).map((x) => x.id),
    ];
    if (flagged.length > 0) {
      offences.push(`candidate ${c.id} is under investigation (${list(flagged)})`);
    }
    evidence.push(...organs.filter((x) => x.status === 'answered').map((x) => x.id));
  }
  return offences.length > 0 ? unmet(`${offences.join('; ')}: exclude at once`) : met(evidence);
}

function reportUnverified(ctx: RuleContext): Outcome {
  const offences: string[] = [];
  const resolved: string[] = [];
  for (const c of ctx.inPlay) {
    const reports = ctx.snapshot.reports.filter((r) => r.candidateId === c.id);
    const open = reports.filter((r) => !isReportResolved(r));
    resolved.push(...reports.filter(isReportResolved).map((r) => r.id));
    if (open.length > 0) {
      offences.push(`candidate ${c.id}: ${open.map((r) => describeUnresolvedReport(r, ctx)).join(', ')}`);
    } else if (c.state === 'on_hold') {
      offences.push(`candidate ${c.id} is on hold`);
    }
  }
  return offences.length > 0 ? unmet(offences.join('; ')) : met(resolved);
}

// --- 条例 ------------------------------------------------------------------------------------

function teamSize(ctx: RuleContext): Outcome {
  const team = [...new Set(ctx.snapshot.teamMemberIds)];
  return team.length >= 2
    ? met(team)
    : unmet(`the inspection team has ${team.length} member(s); at least 2 needed`);
}

/**
 * Results are usable through the same calendar date one year later (Asia/Shanghai): 365 days
 * after a meeting they are still valid, 366 days after (outside a leap year) they are not.
 * For each candidate in play and each kind, the most recent result must be valid.
 */
function recommendationValidity(ctx: RuleContext): Outcome {
  const expired: string[] = [];
  const used = new Set<string>();
  for (const c of ctx.inPlay) {
    for (const kind of ['meeting', 'talk'] as const) {
      const latest = ctx.snapshot.recommendations
        .filter((r) => r.kind === kind && r.results.some((x) => x.candidateId === c.id))
        .sort((a, b) => b.heldAt.getTime() - a.heldAt.getTime())[0];
      if (!latest) {
        continue;
      }
      const validUntil = recommendationValidUntil(latest.heldAt, ctx.rulebook);
      if (ctx.today > validUntil) {
        expired.push(`${latest.id} (valid until ${validUntil})`);
      } else {
        used.add(latest.id);
      }
    }
  }
  if (expired.length > 0) {
    return unmet(`recommendation results expired: ${list(new Set(expired))}`);
  }
  return used.size > 0 ? met([...used]) : notApplicable('no recommendation results yet');
}

// --- 义务监督 --------------------------------------------------------------------------------

function remarksAnswered(ctx: RuleContext): Outcome {
  const remarks = ctx.snapshot.supervisionRemarks.filter(
    (r) => r.candidateId === undefined || ctx.inPlayIds.has(r.candidateId),
  );
  if (remarks.length === 0) {
    return notApplicable('no remarks filed');
  }
  const open = remarks.filter((r) => !r.answered).map((r) => r.id);
  return open.length > 0
    ? unmet(`remarks awaiting an answer: ${list(open)}`)
    : met(remarks.map((r) => r.id));
}

/** One evaluator per selection-scoped rule; the type makes a missing one a compile error. */
export const SELECTION_RULES: Readonly<Record<SelectionRuleId, SelectionRule>> = {
  'three_nots.no_specific_post': motionRule('three_nots.no_specific_post'),
  'three_nots.no_specific_person': motionRule('three_nots.no_specific_person'),
  'three_nots.no_candidate_pool': motionRule('three_nots.no_candidate_pool'),
  'ten_haves.work_plan': workPlan,
  'ten_haves.advance_notice': advanceNotice,
  'ten_haves.meeting_recommendation': recommendation('meeting'),
  'ten_haves.talk_recommendation': recommendation('talk'),
  'ten_haves.target_meeting_minutes': targetMeetingMinutes,
  'ten_haves.target_notice': targetNotice,
  'five_competitions.nomination': competition('recommendation', moreThanPosts),
  'five_competitions.recommendation': competition('targets', moreThanPosts),
  'five_competitions.inspection': competition(
    'inspection',
    (ctx) => ctx.params.inspectionRatio * ctx.totalPosts,
  ),
  'five_competitions.deliberation': competition('decision', moreThanPosts),
  'five_competitions.vote': DECISION_RULES['five_competitions.vote'],
  'two_withouts.under_investigation': underInvestigation,
  'two_withouts.report_unverified': reportUnverified,
  'national.team_size': teamSize,
  'national.recommendation_validity': recommendationValidity,
  'decision.quorum': DECISION_RULES['decision.quorum'],
  'decision.majority': DECISION_RULES['decision.majority'],
  'decision.no_ad_hoc': DECISION_RULES['decision.no_ad_hoc'],
  'decision.secretary_last': DECISION_RULES['decision.secretary_last'],
  'decision.recusal': DECISION_RULES['decision.recusal'],
  'supervision.remarks_answered': remarksAnswered,
};
