import { CANDIDATE_RULES } from './candidate.rules';
import { buildContext, type Outcome } from './rule-context';
import type { Rulebook } from './rulebooks';
import { RULES, type CandidateRuleId, type RuleId, type SelectionRuleId } from './rules.catalogue';
import { SELECTION_RULES } from './selection.rules';
import type { SelectionSnapshot, WaiverSnapshot } from './snapshot';
import type { CandidateState } from './stages';

export type RuleStatus = 'met' | 'unmet' | 'waived' | 'not_applicable';

export interface RuleResult {
  readonly rule: RuleId;
  readonly status: RuleStatus;
  /** Ids of the records that satisfy the rule, or of the approved waiver. */
  readonly evidence: readonly string[];
  /** Short English reason; always set when unmet, and kept on a waived rule to show what was waived. */
  readonly detail?: string;
}

export interface CandidateEvaluation {
  readonly candidateId: string;
  readonly state: CandidateState;
  readonly rules: readonly RuleResult[];
}

export interface Evaluation {
  readonly rulebookVersion: string;
  readonly selectionRules: readonly RuleResult[];
  /**
   * Every candidate, whatever the state, so that a dossier can print the checklist of an
   * appointed or dropped candidate too. Only candidates in play (active, on_hold) guard gates.
   */
  readonly candidates: readonly CandidateEvaluation[];
}

/**
 * An approved waiver turns an unmet waivable rule into `waived`. A waiver of a rule without `W`
 * has no effect, whatever its approval: those rules can never be waived. A per-candidate rule
 * is waived only for the candidate named on the waiver; a selection rule only by a waiver that
 * names no candidate.
 */
function applyWaivers(
  rule: RuleId,
  outcome: Outcome,
  waivers: readonly WaiverSnapshot[],
  candidateId?: string,
): RuleResult {
  if (outcome.status === 'unmet' && RULES[rule].waivable) {
    const waiver = waivers.find(
      (w) => w.approved && w.rule === rule && w.candidateId === candidateId,
    );
    if (waiver) {
      return { rule, status: 'waived', evidence: [waiver.id], detail: outcome.detail };
    }
  }
  const result: RuleResult = { rule, status: outcome.status, evidence: [...outcome.evidence] };
  return outcome.detail === undefined ? result : { ...result, detail: outcome.detail };
}

/** Judges every rule of the rulebook against the snapshot. Pure: same input, same verdict. */
export function evaluate(snapshot: SelectionSnapshot, rulebook: Rulebook): Evaluation {
  const ctx = buildContext(snapshot, rulebook);
  const inForce = rulebook.ruleIds.map((id) => RULES[id]);

  const selectionRules = inForce
    .filter((r) => r.scope === 'selection')
    .map((r) => {
      const id = r.id as SelectionRuleId;
      return applyWaivers(id, SELECTION_RULES[id](ctx), snapshot.waivers);
    });

  const candidateRuleIds = inForce
    .filter((r) => r.scope === 'candidate')
    .map((r) => r.id as CandidateRuleId);
  const candidates = snapshot.candidates.map((c) => ({
    candidateId: c.id,
    state: c.state,
    rules: candidateRuleIds.map((id) =>
      applyWaivers(id, CANDIDATE_RULES[id](c, ctx), snapshot.waivers, c.id),
    ),
  }));

  return { rulebookVersion: rulebook.version, selectionRules, candidates };
}
