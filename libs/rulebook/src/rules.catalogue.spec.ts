import { GATE_RULES } from './gates';
import {
  ALL_RULE_IDS,
  RULES,
  RULE_DEFINITIONS,
  RULE_GROUPS,
  RULE_GROUP_LABELS,
  RuleIds,
  isRuleId,
  rulesOfGroup,
} from './rules.catalogue';
import { TRANSITIONS } from './stages';

describe('rule catalogue', () => {
  it('should define every rule id exactly once, prefixed by its group', () => {
    expect(new Set(ALL_RULE_IDS).size).toBe(ALL_RULE_IDS.length);
    for (const rule of RULE_DEFINITIONS) {
      expect(rule.id.startsWith(`${rule.group}.`)).toBe(true);
      expect(rule.zh).toMatch(/\p{Script=Han}/u);
      expect(rule.en.length).toBeGreaterThan(5);
    }
  });

  it('should hold the 52 rules of domain.md, group by group', () => {
    const sizes = Object.fromEntries(RULE_GROUPS.map((g) => [g, rulesOfGroup(g).length]));
    expect(sizes).toEqual({
      three_nots: 3,
      nomination: 1,
      ten_haves: 10,
      seven_talks: 7,
      six_consultations: 6,
      six_checks: 6,
      five_competitions: 5,
      three_notices: 3,
      two_withouts: 2,
      national: 3,
      decision: 5,
      supervision: 1,
    });
    expect(ALL_RULE_IDS).toHaveLength(52);
  });

  it('should make only the seven talks and the five competitions waivable', () => {
    const waivable = RULE_DEFINITIONS.filter((r) => r.waivable).map((r) => r.group);
    expect(new Set(waivable)).toEqual(new Set(['seven_talks', 'five_competitions']));
    expect(waivable).toHaveLength(12);
  });

  it('should label every group in Chinese', () => {
    expect(RULE_GROUP_LABELS.ten_haves.zh).toBe('十有');
    expect(RULE_GROUP_LABELS.seven_talks.zh).toBe('七必谈');
    expect(RULE_GROUP_LABELS.three_nots.zh).toBe('三提三不提');
    expect(RULE_GROUP_LABELS.two_withouts.zh).toBe('两个一律');
  });

  it('should expose ids type-safely by group and suffix', () => {
    expect(RuleIds.ten_haves.work_plan).toBe('ten_haves.work_plan');
    expect(RuleIds.seven_talks.cppcc_members).toBe('seven_talks.cppcc_members');
    expect(RuleIds.two_withouts.under_investigation).toBe('two_withouts.under_investigation');
    const count = Object.values(RuleIds).reduce((n, group) => n + Object.keys(group).length, 0);
    expect(count).toBe(ALL_RULE_IDS.length);
  });

  it('should recognise rule ids', () => {
    expect(isRuleId('decision.quorum')).toBe(true);
    expect(isRuleId('decision.unknown')).toBe(false);
    expect(isRuleId('constructor')).toBe(false);
    expect(RULES['decision.quorum'].scope).toBe('selection');
  });

  // domain.md, "Gates, in one table"; `two_withouts.*` at every transition. The two vote
  // integrity rules (secretary_last, recusal) are guarded with the vote they belong to.
  const DOMAIN_GATES: Record<string, string[]> = {
    'motion->nomination': ['three_nots.*'],
    'nomination->recommendation': ['nomination.initial_nominator', 'five_competitions.nomination'],
    'recommendation->targets': [
      'ten_haves.meeting_recommendation',
      'ten_haves.talk_recommendation',
      'national.recommendation_validity',
      'five_competitions.recommendation',
    ],
    'targets->inspection': [
      'ten_haves.work_plan',
      'ten_haves.target_meeting_minutes',
      'ten_haves.target_notice',
      'ten_haves.advance_notice',
      'national.team_size',
      'five_competitions.inspection',
    ],
    'inspection->deliberation': [
      'seven_talks.*',
      'six_consultations.*',
      'six_checks.*',
      'ten_haves.democratic_evaluation',
      'ten_haves.extended_inspection',
      'ten_haves.report_investigation',
      'ten_haves.team_signatures',
      'three_notices.inspection_notice',
      'three_notices.performance_notice',
      'national.personal_matters_report',
      'supervision.remarks_answered',
    ],
    'deliberation->decision': ['five_competitions.deliberation', 'decision.no_ad_hoc'],
    'decision->pre_appointment_notice': [
      'decision.quorum',
      'decision.majority',
      'five_competitions.vote',
      'decision.secretary_last',
      'decision.recusal',
    ],
    'pre_appointment_notice->appointment': ['three_notices.pre_appointment_notice'],
  };

  function expand(patterns: string[]): string[] {
    return patterns.flatMap((p) =>
      p.endsWith('.*') ? ALL_RULE_IDS.filter((id) => id.startsWith(p.slice(0, -1))) : [p],
    );
  }

  it.each(TRANSITIONS.map((t) => [t]))('should guard %s with the rules of domain.md', (transition) => {
    const expected = [...expand(DOMAIN_GATES[transition]), 'two_withouts.under_investigation', 'two_withouts.report_unverified'];
    expect([...GATE_RULES[transition]].sort()).toEqual(expected.sort());
  });

  it('should guard every rule at one gate at least', () => {
    const guarded = new Set(Object.values(GATE_RULES).flat());
    expect(ALL_RULE_IDS.filter((id) => !guarded.has(id))).toEqual([]);
  });
});
