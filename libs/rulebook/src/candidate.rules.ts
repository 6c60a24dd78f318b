import { describeUnresolvedReport, judgeNotice } from './notice.rules';
import { isBlank, list, met, notApplicable, unmet, type Outcome, type RuleContext } from './rule-context';
import {
  CHECK_ITEMS,
  CONSULTATION_UNITS,
  TALK_CATEGORIES,
  type CandidateRuleId,
  type CheckItem,
  type ConsultationUnit,
  type TalkCategory,
} from './rules.catalogue';
import type { CandidateSnapshot } from './snapshot';

type CandidateRule = (candidate: CandidateSnapshot, ctx: RuleContext) => Outcome;

function initialNominator(c: CandidateSnapshot): Outcome {
  const n = c.nominator;
  if (!n || isBlank(n.name) || isBlank(n.post) || isBlank(n.team)) {
    return unmet('no initial nominator recorded (name, post and nominating team)');
  }
  if (isBlank(c.responsibilityStatementId)) {
    return unmet(`initial nominator ${n.name} has not signed a statement of responsibility`);
  }
  return met([c.responsibilityStatementId as string]);
}

function democraticEvaluation(c: CandidateSnapshot): Outcome {
  return c.evaluations.length > 0
    ? met(c.evaluations.map((e) => e.id))
    : unmet('no democratic evaluation results');
}

function extendedInspection(c: CandidateSnapshot): Outcome {
  const units = [...new Set(c.earlierUnitIds)];
  if (units.length === 0) {
    return notApplicable('no earlier unit');
  }
  const done = new Set(c.extendedInspections.map((x) => x.unitId));
  const missing = units.filter((u) => !done.has(u));
  return missing.length > 0
    ? unmet(`no extended inspection in earlier unit(s) ${list(missing)}`)
    : met(c.extendedInspections.filter((x) => units.includes(x.unitId)).map((x) => x.id));
}

/** Each petition or report needs a special investigation that reached a conclusion. */
function reportInvestigation(c: CandidateSnapshot, ctx: RuleContext): Outcome {
  const reports = ctx.snapshot.reports.filter((r) => r.candidateId === c.id);
  if (reports.length === 0) {
    return notApplicable('no petition or report');
  }
  // "Unverifiable" postpones the decision; it is not a conclusion.
  const open = reports.filter(
    (r) => r.status !== 'closed' || !r.finding || r.finding === 'unverifiable',
  );
  return open.length > 0
    ? unmet(open.map((r) => describeUnresolvedReport(r, ctx)).join('; '))
    : met(reports.map((r) => r.id));
}

function teamSignatures(c: CandidateSnapshot, ctx: RuleContext): Outcome {
  const finalId = c.dossier?.finalDocumentId;
  if (!finalId) {
    return unmet('the dossier is not final (not signed by every team member)');
  }
  const team = new Set(ctx.snapshot.teamMemberIds);
  if (team.size === 0) {
    return unmet('no inspection team recorded');
  }
  if (c.dossier?.signedBy) {
    const signed = new Set(c.dossier.signedBy);
    const missing = [...team].filter((m) => !signed.has(m));
    if (missing.length > 0) {
      return unmet(`dossier ${finalId} lacks the signatures of ${list(missing)}`);
    }
  }
  return met([finalId]);
}

function personalMatters(c: CandidateSnapshot): Outcome {
  return c.personalMattersVerification
    ? met([c.personalMattersVerification.id])
    : unmet('personal-matters report not verified');
}

function talk(category: TalkCategory): CandidateRule {
  return (c) => {
    const ids = c.interviews.filter((i) => i.category === category).map((i) => i.id);
    return ids.length > 0 ? met(ids) : unmet(`no interview with ${category}`);
  };
}

/** Silence is never clearance: only an answered request with a verdict counts. */
function consultation(unit: ConsultationUnit): CandidateRule {
  return (c) => {
    const answered = c.consultations.filter(
      (x) => x.unit === unit && x.status === 'answered' && x.verdict !== undefined,
    );
    if (answered.length > 0) {
      return met(answered.map((x) => x.id));
    }
    const pending = c.consultations.filter((x) => x.unit === unit);
    return unmet(
      pending.length > 0
        ? `no written opinion yet from ${unit} (${pending.map((x) => `${x.id}: ${x.status}`).join(', ')})`
        : `no opinion requested from ${unit}`,
    );
  };
}

function check(item: CheckItem): CandidateRule {
  return (c) => {
    const ids = c.checks.filter((x) => x.item === item).map((x) => x.id);
    return ids.length > 0 ? met(ids) : unmet(`no ${item} check recorded`);
  };
}

function byKey<K extends string, P extends string>(
  prefix: P,
  keys: readonly K[],
  make: (key: K) => CandidateRule,
): Record<`${P}.${K}`, CandidateRule> {
  return Object.fromEntries(keys.map((k) => [`${prefix}.${k}`, make(k)])) as Record<
    `${P}.${K}`,
    CandidateRule
  >;
}

/** One evaluator per candidate-scoped rule; the type makes a missing one a compile error. */
export const CANDIDATE_RULES: Readonly<Record<CandidateRuleId, CandidateRule>> = {
  'nomination.initial_nominator': initialNominator,
  'ten_haves.democratic_evaluation': democraticEvaluation,
  'ten_haves.extended_inspection': extendedInspection,
  'ten_haves.report_investigation': reportInvestigation,
  'ten_haves.team_signatures': teamSignatures,
  ...byKey('seven_talks', TALK_CATEGORIES, talk),
  ...byKey('six_consultations', CONSULTATION_UNITS, consultation),
  ...byKey('six_checks', CHECK_ITEMS, check),
  'three_notices.inspection_notice': (c, ctx) => judgeNotice('inspection', c.id, ctx),
  'three_notices.performance_notice': (c, ctx) => judgeNotice('performance', c.id, ctx),
  'three_notices.pre_appointment_notice': (c, ctx) => judgeNotice('pre_appointment', c.id, ctx),
  'national.personal_matters_report': personalMatters,
};
