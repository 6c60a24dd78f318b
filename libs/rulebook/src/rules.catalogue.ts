import type { Transition } from './stages';

/**
 * Every rule of docs/domain.md, defined exactly once. The id is canonical: it is used in code,
 * in the API (`unmet[].rule`), in documents and in tests. `zh` is what users see.
 */

export const RULE_GROUPS = [
  'three_nots',
  'nomination',
  'ten_haves',
  'seven_talks',
  'six_consultations',
  'six_checks',
  'five_competitions',
  'three_notices',
  'two_withouts',
  'national',
  'decision',
  'supervision',
] as const;

export type RuleGroup = (typeof RULE_GROUPS)[number];

export const RULE_GROUP_LABELS: Readonly<Record<RuleGroup, { zh: string; en: string }>> = {
  three_nots: { zh: '三提三不提', en: 'Three states, three nots (motion)' },
  nomination: { zh: '初始提名责任制', en: 'Initial nominator responsibility' },
  ten_haves: { zh: '十有', en: 'Ten haves' },
  seven_talks: { zh: '七必谈', en: 'Seven must-talks' },
  six_consultations: { zh: '六征求', en: 'Six consultations' },
  six_checks: { zh: '六必查', en: 'Six must-checks' },
  five_competitions: { zh: '五差额', en: 'Five competitive rounds' },
  three_notices: { zh: '三公示', en: 'Three public notices' },
  two_withouts: { zh: '两个一律', en: 'Two without exceptions' },
  national: { zh: '《党政领导干部选拔任用工作条例》', en: 'National regulation (2019)' },
  decision: { zh: '讨论决定', en: 'Decision by the committee' },
  supervision: { zh: '义务监督', en: 'Volunteer supervision' },
};

/** `selection`: one result per selection; `candidate`: one result per candidate. */
export type RuleScope = 'selection' | 'candidate';

/** The transition a rule guards; `every` for the two-withouts, checked at every transition. */
export type RuleGate = Transition | 'every';

/** Seven-talks categories, six-consultations units and six-checks items, as id suffixes. */
export const TALK_CATEGORY_LABELS = {
  leadership_team: '所在单位领导班子成员',
  staff: '干部职工',
  superior_leader: '上级分管领导',
  service_recipients: '工作服务对象',
  party_delegates: '所在单位的党代表',
  npc_deputies: '人大代表',
  cppcc_members: '政协委员',
} as const;

export const CONSULTATION_UNIT_LABELS = {
  discipline_commission: '县纪委监委',
  procuratorate: '县检察院',
  political_legal_committee: '县委政法委',
  audit_bureau: '县审计局',
  health_commission: '县卫健委（原计生委）',
  community: '居住地社区',
} as const;

export const CHECK_ITEM_LABELS = {
  neighbourhood: '邻里相处情况',
  training: '培训情况',
  annual_appraisals: '年度考核材料',
  personnel_file: '干部档案',
  public_opinion: '民意',
  petitions: '信访举报情况',
} as const;

export type TalkCategory = keyof typeof TALK_CATEGORY_LABELS;
export type ConsultationUnit = keyof typeof CONSULTATION_UNIT_LABELS;
export type CheckItem = keyof typeof CHECK_ITEM_LABELS;

export const TALK_CATEGORIES = Object.keys(TALK_CATEGORY_LABELS) as TalkCategory[];
export const CONSULTATION_UNITS = Object.keys(CONSULTATION_UNIT_LABELS) as ConsultationUnit[];
export const CHECK_ITEMS = Object.keys(CHECK_ITEM_LABELS) as CheckItem[];

const BEFORE_DELIBERATION = 'inspection->deliberation' satisfies Transition;
const AT_DECISION = 'decision->pre_appointment_notice' satisfies Transition;

const CATALOGUE = [
  // 三提三不提: checked when the motion is recorded, and again when leaving the motion stage.
  {
    id: 'three_nots.no_specific_post',
    group: 'three_nots',
    zh: '只提选拔方向，不提具体职位',
    en: 'The motion states a direction, not a specific post',
    waivable: false,
    gate: 'motion->nomination',
    scope: 'selection',
  },
  {
    id: 'three_nots.no_specific_person',
    group: 'three_nots',
    zh: '只提人选标准，不提具体人选',
    en: 'The motion states criteria and names no person',
    waivable: false,
    gate: 'motion->nomination',
    scope: 'selection',
  },
  {
    id: 'three_nots.no_candidate_pool',
    group: 'three_nots',
    zh: '只提选拔要求，不提选拔范围',
    en: 'The motion states requirements, not the pool to select from',
    waivable: false,
    gate: 'motion->nomination',
    scope: 'selection',
  },
  {
    id: 'nomination.initial_nominator',
    group: 'nomination',
    zh: '初始提名责任人',
    en: 'A recorded initial nominator (person, post, team) and a signed statement of responsibility',
    waivable: false,
    gate: 'nomination->recommendation',
    scope: 'candidate',
  },
  // 十有
  {
    id: 'ten_haves.work_plan',
    group: 'ten_haves',
    zh: '考察前有工作方案',
    en: 'A work plan (posts, conditions, pool, method, timetable, team) before inspection',
    waivable: false,
    gate: 'targets->inspection',
    scope: 'selection',
  },
  {
    id: 'ten_haves.advance_notice',
    group: 'ten_haves',
    zh: '考察前有预告',
    en: 'An advance notice published at least 1 working day before the inspection begins',
    waivable: false,
    gate: 'targets->inspection',
    scope: 'selection',
  },
  {
    id: 'ten_haves.meeting_recommendation',
    group: 'ten_haves',
    zh: '有大会民主推荐结果',
    en: 'Tallies of the meeting recommendation',
    waivable: false,
    gate: 'recommendation->targets',
    scope: 'selection',
  },
  {
    id: 'ten_haves.talk_recommendation',
    group: 'ten_haves',
    zh: '有谈话推荐结果',
    en: 'Results of the talk recommendation',
    waivable: false,
    gate: 'recommendation->targets',
    scope: 'selection',
  },
  {
    id: 'ten_haves.target_meeting_minutes',
    group: 'ten_haves',
    zh: '确定考察对象的会议有记录',
    en: 'Minutes of the meeting that fixed the inspection targets',
    waivable: false,
    gate: 'targets->inspection',
    scope: 'selection',
  },
  {
    id: 'ten_haves.target_notice',
    group: 'ten_haves',
    zh: '考察对象有公示',
    en: 'The inspection targets have been publicly notified',
    waivable: false,
    gate: 'targets->inspection',
    scope: 'selection',
  },
  {
    id: 'ten_haves.democratic_evaluation',
    group: 'ten_haves',
    zh: '有民主测评结果',
    en: 'Results of a democratic evaluation',
    waivable: false,
    gate: BEFORE_DELIBERATION,
    scope: 'candidate',
  },
  {
    id: 'ten_haves.extended_inspection',
    group: 'ten_haves',
    zh: '多岗位任职干部有延伸考察',
    en: 'An extended inspection for each earlier unit of a cadre who held several posts',
    waivable: false,
    gate: BEFORE_DELIBERATION,
    scope: 'candidate',
  },
  {
    id: 'ten_haves.report_investigation',
    group: 'ten_haves',
    zh: '信访举报问题有专项调查',
    en: 'A special investigation with a conclusion for each petition or report',
    waivable: false,
    gate: BEFORE_DELIBERATION,
    scope: 'candidate',
  },
  {
    id: 'ten_haves.team_signatures',
    group: 'ten_haves',
    zh: '考察材料上有考察组成员的签名',
    en: 'The final dossier is signed by every member of the inspection team',
    waivable: false,
    gate: BEFORE_DELIBERATION,
    scope: 'candidate',
  },
  // 七必谈 (W): a waiver is for a category that does not exist for the unit.
  ...talk('leadership_team', 'Interview: members of the unit leadership team'),
  ...talk('staff', 'Interview: cadres and staff'),
  ...talk('superior_leader', 'Interview: the superior leader in charge'),
  ...talk('service_recipients', 'Interview: people the unit serves'),
  ...talk('party_delegates', "Interview: the unit's party congress delegates"),
  ...talk('npc_deputies', "Interview: people's congress deputies"),
  ...talk('cppcc_members', 'Interview: CPPCC members'),
  // 六征求
  ...consultation('discipline_commission', 'Written opinion: discipline inspection and supervision commission'),
  ...consultation('procuratorate', "Written opinion: people's procuratorate"),
  ...consultation('political_legal_committee', 'Written opinion: political and legal affairs committee'),
  ...consultation('audit_bureau', 'Written opinion: audit bureau'),
  ...consultation('health_commission', 'Written opinion: health commission (family planning)'),
  ...consultation('community', 'Written opinion: residential community'),
  // 六必查
  ...check('neighbourhood', 'Check: relations with neighbours'),
  ...check('training', 'Check: training record'),
  ...check('annual_appraisals', 'Check: annual appraisal files'),
  ...check('personnel_file', 'Check: personnel file'),
  ...check('public_opinion', 'Check: public opinion'),
  ...check('petitions', 'Check: petitions and reports'),
  // 五差额 (W)
  {
    id: 'five_competitions.nomination',
    group: 'five_competitions',
    zh: '差额提名',
    en: 'More candidates than posts when leaving nomination',
    waivable: true,
    gate: 'nomination->recommendation',
    scope: 'selection',
  },
  {
    id: 'five_competitions.recommendation',
    group: 'five_competitions',
    zh: '差额推荐',
    en: 'More candidates than posts when leaving recommendation',
    waivable: true,
    gate: 'recommendation->targets',
    scope: 'selection',
  },
  {
    id: 'five_competitions.inspection',
    group: 'five_competitions',
    zh: '差额考察',
    en: 'At least inspectionRatio × posts candidates when entering inspection',
    waivable: true,
    gate: 'targets->inspection',
    scope: 'selection',
  },
  {
    id: 'five_competitions.deliberation',
    group: 'five_competitions',
    zh: '差额酝酿',
    en: 'More candidates than posts when leaving deliberation',
    waivable: true,
    gate: 'deliberation->decision',
    scope: 'selection',
  },
  {
    id: 'five_competitions.vote',
    group: 'five_competitions',
    zh: '差额票决',
    en: "More candidates than posts on the vote's agenda",
    waivable: true,
    gate: AT_DECISION,
    scope: 'selection',
  },
  // 三公示
  {
    id: 'three_notices.inspection_notice',
    group: 'three_notices',
    zh: '考察公示',
    en: 'Inspection notice: published, period elapsed, every report resolved',
    waivable: false,
    gate: BEFORE_DELIBERATION,
    scope: 'candidate',
  },
  {
    id: 'three_notices.performance_notice',
    group: 'three_notices',
    zh: '政绩公示',
    en: 'Performance notice: published, period elapsed, every report resolved',
    waivable: false,
    gate: BEFORE_DELIBERATION,
    scope: 'candidate',
  },
  {
    id: 'three_notices.pre_appointment_notice',
    group: 'three_notices',
    zh: '任前公示',
    en: 'Pre-appointment notice: at least 5 working days, elapsed, every report resolved',
    waivable: false,
    gate: 'pre_appointment_notice->appointment',
    scope: 'candidate',
  },
  // 两个一律: checked at every transition.
  {
    id: 'two_withouts.under_investigation',
    group: 'two_withouts',
    zh: '凡纪检、检察机关正在立案调查的干部，一律不予研究',
    en: 'No candidate under formal investigation by the discipline organs or the procuratorate',
    waivable: false,
    gate: 'every',
    scope: 'selection',
  },
  {
    id: 'two_withouts.report_unverified',
    group: 'two_withouts',
    zh: '凡在公示期间受到举报的，未核实清楚之前，一律不进入下一步程序',
    en: 'No candidate on hold or with an unverified report',
    waivable: false,
    gate: 'every',
    scope: 'selection',
  },
  // 条例 2019
  {
    id: 'national.team_size',
    group: 'national',
    zh: '考察组由两名以上成员组成',
    en: 'The inspection team has at least 2 inspectors',
    waivable: false,
    gate: 'targets->inspection',
    scope: 'selection',
  },
  {
    id: 'national.personal_matters_report',
    group: 'national',
    zh: '个人有关事项报告已查核',
    en: "The candidate's personal-matters report has been verified",
    waivable: false,
    gate: BEFORE_DELIBERATION,
    scope: 'candidate',
  },
  {
    id: 'national.recommendation_validity',
    group: 'national',
    zh: '民主推荐结果一年内有效',
    en: 'Recommendation results older than 1 year cannot be used',
    waivable: false,
    gate: 'recommendation->targets',
    scope: 'selection',
  },
  {
    id: 'decision.quorum',
    group: 'decision',
    zh: '到会成员不少于应到会成员的三分之二',
    en: "At least 2/3 of the committee's members are present",
    waivable: false,
    gate: AT_DECISION,
    scope: 'selection',
  },
  {
    id: 'decision.majority',
    group: 'decision',
    zh: '以应到会成员超过半数同意形成决定',
    en: 'Approval needs agree votes from more than half of the members who should attend',
    waivable: false,
    gate: AT_DECISION,
    scope: 'selection',
  },
  {
    id: 'decision.no_ad_hoc',
    group: 'decision',
    zh: '不得临时动议',
    en: 'The agenda holds only candidates that came through deliberation',
    waivable: false,
    gate: 'deliberation->decision',
    scope: 'selection',
  },
  {
    // Not in domain.md's gate table; guarded with the vote it belongs to, as a safety net
    // behind the recording step (a vote cast out of order must not be acted upon).
    id: 'decision.secretary_last',
    group: 'decision',
    zh: '书记末位表态',
    en: "In an electronic vote the secretary's ballot is cast last",
    waivable: false,
    gate: AT_DECISION,
    scope: 'selection',
  },
  {
    // As above: a ballot from a recused member voids the vote on that candidate.
    id: 'decision.recusal',
    group: 'decision',
    zh: '与讨论对象有利害关系的成员回避',
    en: 'A member with a conflict of interest casts no ballot on that candidate',
    waivable: false,
    gate: AT_DECISION,
    scope: 'selection',
  },
  {
    id: 'supervision.remarks_answered',
    group: 'supervision',
    zh: '义务监督员意见均已答复',
    en: "Every volunteer supervisor's remark has an answer from the organization department",
    waivable: false,
    gate: BEFORE_DELIBERATION,
    scope: 'selection',
  },
] as const satisfies readonly RuleDefinitionShape[];

interface RuleDefinitionShape {
  readonly id: `${RuleGroup}.${string}`;
  readonly group: RuleGroup;
  readonly zh: string;
  readonly en: string;
  readonly waivable: boolean;
  readonly gate: RuleGate;
  readonly scope: RuleScope;
}

function talk<const K extends TalkCategory>(key: K, en: string) {
  return [
    {
      id: `seven_talks.${key}`,
      group: 'seven_talks',
      zh: `必谈：${TALK_CATEGORY_LABELS[key]}`,
      en,
      waivable: true,
      gate: BEFORE_DELIBERATION,
      scope: 'candidate',
    },
  ] as const;
}

function consultation<const K extends ConsultationUnit>(key: K, en: string) {
  return [
    {
      id: `six_consultations.${key}`,
      group: 'six_consultations',
      zh: `征求意见：${CONSULTATION_UNIT_LABELS[key]}`,
      en,
      waivable: false,
      gate: BEFORE_DELIBERATION,
      scope: 'candidate',
    },
  ] as const;
}

function check<const K extends CheckItem>(key: K, en: string) {
  return [
    {
      id: `six_checks.${key}`,
      group: 'six_checks',
      zh: `必查：${CHECK_ITEM_LABELS[key]}`,
      en,
      waivable: false,
      gate: BEFORE_DELIBERATION,
      scope: 'candidate',
    },
  ] as const;
}

type CatalogueEntry = (typeof CATALOGUE)[number];

export type RuleId = CatalogueEntry['id'];
export type SelectionRuleId = Extract<CatalogueEntry, { scope: 'selection' }>['id'];
export type CandidateRuleId = Extract<CatalogueEntry, { scope: 'candidate' }>['id'];
export type WaivableRuleId = Extract<CatalogueEntry, { waivable: true }>['id'];

export interface RuleDefinition {
  readonly id: RuleId;
  readonly group: RuleGroup;
  readonly zh: string;
  readonly en: string;
  readonly waivable: boolean;
  readonly gate: RuleGate;
  readonly scope: RuleScope;
}

export const RULE_DEFINITIONS: readonly RuleDefinition[] = Object.freeze(
  CATALOGUE.map((rule) => Object.freeze({ ...rule })),
);

export const ALL_RULE_IDS: readonly RuleId[] = Object.freeze(RULE_DEFINITIONS.map((r) => r.id));

export const RULES: Readonly<Record<RuleId, RuleDefinition>> = Object.freeze(
  Object.fromEntries(RULE_DEFINITIONS.map((r) => [r.id, r])) as Record<RuleId, RuleDefinition>,
);

/** Rule ids by group and suffix: `RuleIds.ten_haves.work_plan === 'ten_haves.work_plan'`. */
export type RuleIdTree = {
  readonly [G in RuleGroup]: {
    readonly [K in RuleId as K extends `${G}.${infer S}` ? S : never]: K;
  };
};

export const RuleIds: RuleIdTree = (() => {
  const tree: Record<string, Record<string, string>> = {};
  for (const group of RULE_GROUPS) {
    tree[group] = {};
  }
  for (const { id, group } of RULE_DEFINITIONS) {
    tree[group][id.slice(group.length + 1)] = id;
  }
  return tree as unknown as RuleIdTree;
})();

export function isRuleId(value: string): value is RuleId {
  return Object.prototype.hasOwnProperty.call(RULES, value);
}

export function getRule(id: RuleId): RuleDefinition {
  return RULES[id];
}

export function rulesOfGroup(group: RuleGroup): readonly RuleDefinition[] {
  return RULE_DEFINITIONS.filter((r) => r.group === group);
}
