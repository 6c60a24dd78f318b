import { Alert, List, Tag, Typography } from 'antd';
import type { GateUnmet, RuleId, RuleStatus } from '@app/rulebook';
import { RULE_GROUP_LABELS, RULES, type RuleGroup } from '@app/rulebook';
import type { Json } from './api';
import { Link } from './router';
import { RULE_STATUS } from './ui';

/** Selection tabs, each the form that records some rules. */
export type SelectionTab = 'checklist' | 'motion' | 'workplan' | 'candidates' | 'recommendation' | 'targets' | 'notices' | 'waivers' | 'decision' | 'overview' | 'supervision';

const RULE_TAB: Partial<Record<RuleId, SelectionTab>> = {
  'three_nots.no_specific_post': 'motion',
  'three_nots.no_specific_person': 'motion',
  'three_nots.no_candidate_pool': 'motion',
  'nomination.initial_nominator': 'candidates',
  'ten_haves.work_plan': 'workplan',
  'national.team_size': 'workplan',
  'ten_haves.meeting_recommendation': 'recommendation',
  'ten_haves.talk_recommendation': 'recommendation',
  'national.recommendation_validity': 'recommendation',
  'ten_haves.target_meeting_minutes': 'targets',
  'ten_haves.advance_notice': 'notices',
  'ten_haves.target_notice': 'notices',
  'three_notices.inspection_notice': 'notices',
  'three_notices.performance_notice': 'notices',
  'three_notices.pre_appointment_notice': 'notices',
  'five_competitions.nomination': 'candidates',
  'five_competitions.recommendation': 'candidates',
  'five_competitions.inspection': 'candidates',
  'five_competitions.deliberation': 'decision',
  'five_competitions.vote': 'decision',
  'decision.quorum': 'decision',
  'decision.majority': 'decision',
  'decision.no_ad_hoc': 'decision',
  'decision.secretary_last': 'decision',
  'decision.recusal': 'decision',
};

/** The candidate page's form that records a per-candidate rule. */
const candidateForm = (rule: RuleId): string => {
  const [group, item] = rule.split('.');
  if (group === 'seven_talks') return `interview&category=${item}`;
  if (group === 'six_checks') return `check&item=${item}`;
  if (group === 'six_consultations') return 'consultations';
  if (rule === 'ten_haves.democratic_evaluation') return 'evaluation';
  if (rule === 'ten_haves.extended_inspection') return 'extended';
  if (rule === 'national.personal_matters_report') return 'personal';
  if (rule === 'ten_haves.team_signatures') return 'documents';
  return 'rules';
};

/** Where a rule is recorded or its evidence shown: a selection tab or the candidate's form. */
export function ruleHref(rule: RuleId, selectionId: string, candidateId?: string, evidence: readonly string[] = []): string {
  if (rule === 'ten_haves.report_investigation' || rule === 'two_withouts.report_unverified') {
    return `/org/reports?selectionId=${selectionId}${candidateId ? `&candidateId=${candidateId}` : ''}`;
  }
  if (candidateId && RULES[rule].scope === 'candidate') {
    const focus = evidence[0] ? `&focus=${evidence[0]}` : '';
    return `/candidates/${candidateId}?form=${candidateForm(rule)}${focus}`;
  }
  return `/selections/${selectionId}?tab=${RULE_TAB[rule] ?? 'checklist'}`;
}

export function RuleChip({
  rule,
  status,
  href,
  label,
}: {
  rule: RuleId;
  status: RuleStatus;
  href: string;
  label?: string;
}) {
  return (
    <Link to={href} testId={`rule-${rule}`}>
      <Tag color={RULE_STATUS[status].color} className="rule-chip" title={`${RULES[rule].zh}：${RULE_STATUS[status].label}`}>
        {label ?? RULES[rule].zh}
      </Tag>
    </Link>
  );
}

/** 十有 x/10, 七必谈 x/7 …: satisfied (met, waived, not applicable) over the rules of the group. */
export function groupScores(rules: readonly { rule: RuleId; status: RuleStatus }[]): { group: RuleGroup; label: string; done: number; total: number }[] {
  const by = new Map<RuleGroup, { done: number; total: number }>();
  for (const r of rules) {
    const g = RULES[r.rule].group;
    const s = by.get(g) ?? { done: 0, total: 0 };
    s.total++;
    if (r.status !== 'unmet') s.done++;
    by.set(g, s);
  }
  return [...by.entries()].map(([group, s]) => ({ group, label: RULE_GROUP_LABELS[group].zh, ...s }));
}

/** GATE_UNMET (and THREE_NOTS_VIOLATED): every unmet rule, each linked to the form that records it. */
export function UnmetList({
  unmet,
  selectionId,
  names,
  title,
}: {
  unmet: readonly Json<GateUnmet>[];
  selectionId: string;
  names: Map<string, string | null>;
  title: string;
}) {
  return (
    <Alert
      type="error"
      showIcon
      style={{ marginBottom: 16 }}
      title={title}
      data-testid="gate-unmet"
      description={
        <List
          size="small"
          dataSource={[...unmet]}
          renderItem={(u) => (
            <List.Item data-testid="unmet-item" data-rule={u.rule}>
              <Link to={ruleHref(u.rule, selectionId, u.candidateId)}>
                {u.candidateId ? `${names.get(u.candidateId) ?? '人选'}：` : ''}
                {u.zh}
              </Link>
              <Typography.Text type="secondary" style={{ marginLeft: 8, fontSize: 12 }}>
                {u.rule}
              </Typography.Text>
            </List.Item>
          )}
        />
      }
    />
  );
}
