import { evaluate, type Evaluation } from './evaluate';
import type { Rulebook } from './rulebooks';
import { RULE_DEFINITIONS, RULES, type RuleId } from './rules.catalogue';
import type { SelectionSnapshot } from './snapshot';
import {
  TRANSITIONS,
  assertTransition,
  isInPlay,
  transitionInto,
  type Stage,
  type Transition,
} from './stages';

/** The rules each forward transition checks (domain.md, "Gates, in one table"). */
export const GATE_RULES: Readonly<Record<Transition, readonly RuleId[]>> = Object.freeze(
  Object.fromEntries(
    TRANSITIONS.map((t) => [
      t,
      Object.freeze(RULE_DEFINITIONS.filter((r) => r.gate === t || r.gate === 'every').map((r) => r.id)),
    ]),
  ) as Record<Transition, readonly RuleId[]>,
);

export function gateRules(transition: Transition): readonly RuleId[] {
  return GATE_RULES[transition];
}

export interface GateUnmet {
  readonly rule: RuleId;
  readonly candidateId?: string;
  readonly zh: string;
  readonly en: string;
  readonly detail?: string;
}

export interface GateCheck {
  readonly ok: boolean;
  /** The transition checked; null when closing the selection, which no rule guards. */
  readonly transition: Transition | null;
  /** Every unmet rule of the gate, not only the first: selection rules, then by candidate. */
  readonly unmet: readonly GateUnmet[];
}

function entry(rule: RuleId, detail: string | undefined, candidateId?: string): GateUnmet {
  const { zh, en } = RULES[rule];
  return {
    rule,
    ...(candidateId === undefined ? {} : { candidateId }),
    zh,
    en,
    ...(detail === undefined ? {} : { detail }),
  };
}

/** Lists the unmet rules of a gate from an evaluation already made (e.g. for a checklist page). */
export function unmetForGate(evaluation: Evaluation, transition: Transition): GateUnmet[] {
  const guarded = new Set(GATE_RULES[transition]);
  const unmet: GateUnmet[] = evaluation.selectionRules
    .filter((r) => guarded.has(r.rule) && r.status === 'unmet')
    .map((r) => entry(r.rule, r.detail));
  for (const c of evaluation.candidates) {
    if (!isInPlay(c.state)) {
      continue;
    }
    for (const r of c.rules) {
      if (guarded.has(r.rule) && r.status === 'unmet') {
        unmet.push(entry(r.rule, r.detail, c.candidateId));
      }
    }
  }
  return unmet;
}

/**
 * Whether the selection may move to `to`. Throws INVALID_TRANSITION for a move the stage
 * machine forbids (backwards, skipping, leaving `closed`). Closing is never blocked by rules:
 * a selection may always be cancelled, with a reason recorded by the caller.
 */
export function checkGate(snapshot: SelectionSnapshot, to: Stage, rulebook: Rulebook): GateCheck {
  assertTransition(snapshot.stage, to);
  if (to === 'closed') {
    return { ok: true, transition: null, unmet: [] };
  }
  if (to === 'motion') {
    // Unreachable: canTransition never allows entering the first stage.
    return { ok: false, transition: null, unmet: [] };
  }
  const transition = transitionInto(to);
  const unmet = unmetForGate(evaluate(snapshot, rulebook), transition);
  return { ok: unmet.length === 0, transition, unmet };
}
