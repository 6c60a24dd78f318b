import { CURRENT_RULEBOOK_VERSION, RULES, RULEBOOKS, STAGE_LABELS, transitionLabel, type Rulebook } from '@app/rulebook';

/** A rulebook as the API shows it: parameters and every rule with its id, labels, waivability and gate. */
export function describeRulebook(rb: Rulebook) {
  return {
    version: rb.version,
    effectiveFrom: rb.effectiveFrom,
    current: rb.version === CURRENT_RULEBOOK_VERSION,
    parameters: rb.parameters,
    rules: rb.ruleIds.map((id) => {
      const r = RULES[id];
      return {
        id: r.id,
        group: r.group,
        zh: r.zh,
        en: r.en,
        waivable: r.waivable,
        scope: r.scope,
        gate: r.gate,
        gateLabel: r.gate === 'every' ? '每次进入下一环节' : transitionLabel(r.gate),
      };
    }),
    stages: STAGE_LABELS,
  };
}

export function listRulebooks() {
  return Object.values(RULEBOOKS).map(describeRulebook);
}
