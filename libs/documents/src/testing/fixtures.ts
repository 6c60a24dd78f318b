import type { DocumentDataByKind, DocumentKind } from '../document-kinds';
import type {
  AdvanceNoticeData,
  AppointmentNoticeData,
  CandidateSummary,
  ConsultationLetterData,
  DocumentaryRecordData,
  DossierData,
  InspectionNoticeData,
  IssueMeta,
  PerformanceNoticeData,
  PreAppointmentNoticeData,
  ReportChannels,
  VoteResultData,
} from '../types';

/**
 * Realistic data for every kind, for tests, the sample renderer and benchmarks. Names carry
 * the rare characters 鑫 珺 赟 燊 彧 on purpose: a font that lacks them shows empty boxes.
 * Everything is fixed (dates, codes), so rendering a fixture always gives the same bytes.
 */
export const FIXTURE_RARE_CHARACTERS = ['鑫', '珺', '赟', '燊', '彧'] as const;

export function fixtureMeta(overrides: Partial<IssueMeta> = {}): IssueMeta {
  return {
    issuingOrgan: '中共示范县委组织部',
    issuedAt: new Date('2026-05-20T02:00:00Z'),
    verificationCode: '7K3M9Q2XAB',
    publicBaseUrl: 'https://kaocha.example.gov.cn',
    ...overrides,
  };
}

const WANG: CandidateSummary = {
  name: '王鑫珺',
  gender: 'female',
  birthDate: '1985-03',
  ethnicity: '汉族',
  nativePlace: '示范县',
  education: '研究生学历、经济学硕士',
  workStartDate: '2008-07',
  partyJoinDate: '2006-06',
  currentPost: '示范县发展和改革局副局长',
  proposedPost: '示范县发展和改革局局长',
};

const LI: CandidateSummary = {
  name: '李赟燊',
  gender: 'male',
  birthDate: '1982-11',
  ethnicity: '汉族',
  nativePlace: '示范县',
  education: '大学学历',
  workStartDate: '2004-08',
  partyJoinDate: '2003-05',
  currentPost: '示范县财政局副局长',
  proposedPost: '示范县审计局局长',
};

const ZHANG: CandidateSummary = {
  name: '张彧',
  gender: 'male',
  birthDate: '1987-09',
  ethnicity: '回族',
  nativePlace: '邻县',
  education: '大学学历',
  workStartDate: '2010-07',
  partyJoinDate: '2009-12',
  currentPost: '城关镇党委副书记、镇长',
  proposedPost: '示范县发展和改革局局长',
};

export const FIXTURE_CANDIDATES: CandidateSummary[] = [WANG, LI, ZHANG];

const REPORTING: ReportChannels = {
  phone: '0000-12380',
  publicUrl: 'https://kaocha.example.gov.cn/public/notices/N2026-018/report',
  address: '示范县人民路1号县委组织部干部监督室（邮编000000）',
  receivingOffice: '县委组织部干部监督室',
};

const SELECTION = '县直部门正科级领导干部';

const TEAM = [
  { name: '周彧', title: '县委组织部副部长', role: '组长' },
  { name: '刘燊', title: '县委组织部干部一科科长', role: '成员' },
  { name: '陈晓', title: '县纪委监委第二纪检监察室副主任', role: '成员' },
];

export function advanceNoticeFixture(): AdvanceNoticeData {
  return {
    meta: fixtureMeta({ verificationCode: 'A1DV4NC3NT' }),
    selectionTitle: SELECTION,
    task: '对县直部门正科级领导职务拟提拔人选进行考察',
    candidates: FIXTURE_CANDIDATES,
    period: { start: '2026-05-25', end: '2026-06-05', provisional: true },
    teamMembers: TEAM,
    reporting: REPORTING,
  };
}

export function inspectionNoticeFixture(): InspectionNoticeData {
  return {
    meta: fixtureMeta({ verificationCode: 'KCGS2026M5' }),
    selectionTitle: SELECTION,
    candidates: FIXTURE_CANDIDATES,
    period: { start: '2026-05-21', end: '2026-05-27', workingDays: 5 },
    reporting: REPORTING,
  };
}

export function performanceNoticeFixture(): PerformanceNoticeData {
  return {
    meta: fixtureMeta({ verificationCode: 'ZJGS2026M5' }),
    selectionTitle: SELECTION,
    candidates: [
      {
        ...WANG,
        achievements: [
          '牵头编制全县“十五五”规划纲要，组织完成重大项目前期论证42项。',
          '推动县域营商环境改革，企业开办时间由5个工作日压缩至1个工作日。',
          '争取中央预算内投资2.3亿元，建成城乡供水一体化工程。',
        ],
      },
      {
        ...LI,
        achievements: [
          '推进预算绩效管理改革，全县项目支出绩效目标覆盖率达100%。',
          '组织开展政府债务风险排查，化解隐性债务1.6亿元。',
        ],
      },
      {
        ...ZHANG,
        achievements: [
          '完成城关镇老旧小区改造12个，惠及居民3200余户。',
          '建立“网格+信访”工作机制，信访总量同比下降31%。',
        ],
      },
    ],
    period: { start: '2026-05-21', end: '2026-05-27', workingDays: 5 },
    reporting: REPORTING,
  };
}

export function preAppointmentNoticeFixture(): PreAppointmentNoticeData {
  return {
    meta: fixtureMeta({ verificationCode: 'RQGS2026M6', issuedAt: new Date('2026-06-11T01:00:00Z') }),
    candidates: [
      { ...WANG, proposedPost: '示范县发展和改革局局长' },
      { ...LI, proposedPost: '示范县审计局局长' },
    ],
    period: { start: '2026-06-12', end: '2026-06-18', workingDays: 5 },
    reporting: REPORTING,
  };
}

export function consultationLetterFixture(): ConsultationLetterData {
  return {
    meta: fixtureMeta({ verificationCode: 'ZQYJ2026JW', documentNumber: '示组函〔2026〕18号' }),
    unitName: '县纪委监委',
    subject: '党风廉政建设情况及是否存在正在立案调查的问题',
    selectionTitle: SELECTION,
    candidates: FIXTURE_CANDIDATES,
    replyBy: '2026-05-29',
    contact: { name: '刘燊', phone: '0000-12345' },
    replyUrl: 'https://kaocha.example.gov.cn/units/consultations',
  };
}

export function dossierFixture(): DossierData {
  return {
    meta: fixtureMeta({ verificationCode: 'KCCA2026WX', issuedAt: new Date('2026-06-03T08:00:00Z') }),
    candidate: WANG,
    postsHeld: [
      { unit: '示范县发展和改革局', title: '科员', from: '2008-07', to: '2013-12' },
      { unit: '示范县人民政府办公室', title: '综合科科长', from: '2014-01', to: '2019-03' },
      { unit: '示范县发展和改革局', title: '副局长', from: '2019-04' },
    ],
    recommendation: {
      meeting: { heldOn: '2026-04-28', eligible: 86, cast: 82, votesFor: 61, rank: 1 },
      talk: { heldOn: '2026-04-29', interviewed: 35, mentions: 27, rank: 1 },
    },
    evaluation: {
      heldOn: '2026-05-26',
      participants: 48,
      excellent: 39,
      competent: 8,
      basicallyCompetent: 1,
      incompetent: 0,
    },
    interviews: [
      {
        category: 'seven_talks.leadership_team',
        label: '所在单位领导班子成员',
        count: 6,
        summary: '普遍反映该同志政治坚定，统筹协调能力强。',
      },
      { category: 'seven_talks.staff', label: '干部职工', count: 12, summary: '反映该同志作风扎实，关心干部成长。' },
      {
        category: 'seven_talks.superior_leader',
        label: '上级分管领导',
        count: 1,
        summary: '认为该同志能独当一面，推动重点项目成效明显。',
      },
      {
        category: 'seven_talks.service_recipients',
        label: '工作服务对象',
        count: 5,
        summary: '企业代表反映审批服务效率明显提高。',
      },
      { category: 'seven_talks.party_delegates', label: '所在单位的党代表', count: 2, summary: '反映良好。' },
      { category: 'seven_talks.npc_deputies', label: '人大代表', count: 2, summary: '反映该同志重视代表建议办理。' },
      { category: 'seven_talks.cppcc_members', label: '政协委员', count: 1, summary: '反映良好。' },
    ],
    consultations: [
      {
        unit: 'six_consultations.discipline_commission',
        label: '县纪委监委',
        opinion: 'no_adverse',
        answeredAt: new Date('2026-05-27T03:00:00Z'),
      },
      {
        unit: 'six_consultations.procuratorate',
        label: '县检察院',
        opinion: 'no_adverse',
        answeredAt: new Date('2026-05-27T06:00:00Z'),
      },
      {
        unit: 'six_consultations.political_legal_committee',
        label: '县委政法委',
        opinion: 'no_adverse',
        answeredAt: new Date('2026-05-28T02:00:00Z'),
      },
      {
        unit: 'six_consultations.audit_bureau',
        label: '县审计局',
        opinion: 'adverse',
        details: '2024年经济责任审计发现个别项目资金拨付不及时，已整改到位。',
        answeredAt: new Date('2026-05-28T07:00:00Z'),
      },
      {
        unit: 'six_consultations.health_commission',
        label: '县卫健委',
        opinion: 'no_adverse',
        answeredAt: new Date('2026-05-26T09:00:00Z'),
      },
      {
        unit: 'six_consultations.community',
        label: '居住地社区',
        opinion: 'no_adverse',
        answeredAt: new Date('2026-05-29T01:00:00Z'),
      },
    ],
    checks: [
      {
        check: 'six_checks.neighbourhood',
        label: '邻里相处情况',
        finding: '走访邻居4户，反映邻里关系融洽。',
        evidence: '走访记录 KC-2026-031',
      },
      {
        check: 'six_checks.training',
        label: '培训情况',
        finding: '近五年参加县级以上培训累计326学时。',
        evidence: '培训档案',
      },
      {
        check: 'six_checks.annual_appraisals',
        label: '年度考核材料',
        finding: '近三年年度考核两次优秀、一次称职。',
        evidence: '2023—2025年度考核登记表',
      },
      {
        check: 'six_checks.personnel_file',
        label: '干部档案',
        finding: '“三龄二历一身份”经审核无误。',
        evidence: '档案审核表 DA-2026-112',
      },
      {
        check: 'six_checks.public_opinion',
        label: '民意',
        finding: '网络舆情检索未发现负面信息。',
        evidence: '舆情检索截图',
      },
      {
        check: 'six_checks.petitions',
        label: '信访举报情况',
        finding: '近三年无涉及该同志的信访举报。',
        evidence: '县信访局复函',
      },
    ],
    extendedInspections: [
      { unit: '示范县人民政府办公室', heldOn: '2026-05-27', summary: '原单位同事反映该同志文字功底扎实，服务意识强。' },
    ],
    reportInvestigations: [],
    strengths: [
      '政治素质好，认真学习贯彻党的创新理论，自觉在思想上政治上行动上同党中央保持高度一致。',
      '业务能力强，熟悉发展改革工作，谋划推动重大项目成效明显。',
      '廉洁自律，严格落实中央八项规定精神。',
    ],
    shortcomings: ['工作要求高、节奏快，有时对干部批评较严厉。', '基层一线工作经历相对较少。'],
    conclusion: '王鑫珺同志政治立场坚定，工作实绩突出，群众公认度高，考察中未发现影响使用的问题，符合拟任职务条件。',
    ruleChecklist: [
      { ruleId: 'ten_haves.democratic_evaluation', zh: '有民主测评结果', status: 'met', evidence: '民主测评表 48份' },
      {
        ruleId: 'ten_haves.extended_inspection',
        zh: '多岗位任职干部有延伸考察',
        status: 'met',
        evidence: '延伸考察记录 1份',
      },
      { ruleId: 'seven_talks.cppcc_members', zh: '政协委员', status: 'met', evidence: '谈话记录 1份' },
      { ruleId: 'six_consultations.audit_bureau', zh: '县审计局', status: 'met', evidence: '县审计局复函' },
      {
        ruleId: 'national.personal_matters_report',
        zh: '个人有关事项报告经核实',
        status: 'met',
        evidence: '核查结果通知',
      },
      { ruleId: 'ten_haves.team_signatures', zh: '考察材料上有考察组成员的签名', status: 'unmet', evidence: '待签署' },
    ],
    waivers: [],
    teamMembers: TEAM,
    supervisors: [{ name: '孙赟', affiliation: '县人大代表、义务监督员' }],
  };
}

export function voteResultFixture(): VoteResultData {
  return {
    meta: fixtureMeta({ verificationCode: 'PJJG2026M6', issuedAt: new Date('2026-06-10T09:00:00Z') }),
    meetingTitle: '中共示范县委常委会2026年第12次会议',
    heldAt: new Date('2026-06-10T07:00:00Z'),
    membersExpected: 11,
    membersPresent: 10,
    approvalThreshold: 6,
    absentees: [{ name: '吴鑫', reason: '因公出差' }],
    results: [
      { ...pick(WANG), agree: 9, disagree: 0, defer: 1, approved: true },
      { ...pick(LI), agree: 7, disagree: 1, defer: 1, recused: 1, approved: true },
      { ...pick(ZHANG), agree: 3, disagree: 4, defer: 3, approved: false },
    ],
  };
}

function pick(c: CandidateSummary): { name: string; currentPost: string; proposedPost: string } {
  return { name: c.name, currentPost: c.currentPost, proposedPost: c.proposedPost ?? '' };
}

export function appointmentNoticeFixture(): AppointmentNoticeData {
  return {
    meta: fixtureMeta({
      verificationCode: 'RMTZ2026M6',
      issuedAt: new Date('2026-06-22T02:00:00Z'),
      documentNumber: '示组任〔2026〕21号',
      issuingOrgan: '中共示范县委组织部',
    }),
    addressees: ['县发展和改革局党组', '县审计局党组', '县财政局党组'],
    decisionBasis: '经2026年6月10日县委常委会会议研究决定',
    items: [
      { name: '王鑫珺', appoint: ['示范县发展和改革局局长'], remove: ['示范县发展和改革局副局长'] },
      { name: '李赟燊', appoint: ['示范县审计局局长'], remove: ['示范县财政局副局长'] },
    ],
    copyTo: ['县人大常委会办公室', '县政府办公室', '县纪委监委'],
  };
}

export function documentaryRecordFixture(): DocumentaryRecordData {
  const t = (iso: string) => new Date(iso);
  return {
    meta: fixtureMeta({ verificationCode: 'JSB2026Q7X', issuedAt: new Date('2026-06-22T08:00:00Z') }),
    selectionTitle: `2026年${SELECTION}选拔任用`,
    posts: [
      { title: '示范县发展和改革局局长', count: 1 },
      { title: '示范县审计局局长', count: 1 },
    ],
    stages: [
      {
        stage: 'motion',
        label: '动议',
        enteredAt: t('2026-04-10T02:00:00Z'),
        leftAt: t('2026-04-15T08:00:00Z'),
        summary: '书记专题会提出选拔方向、人选标准和选拔要求，未提具体人选。',
      },
      {
        stage: 'nomination',
        label: '提名',
        enteredAt: t('2026-04-15T08:00:00Z'),
        leftAt: t('2026-04-27T08:00:00Z'),
        summary: '初始提名人选5名，均有初始提名责任人签字。',
      },
      {
        stage: 'recommendation',
        label: '民主推荐',
        enteredAt: t('2026-04-27T08:00:00Z'),
        leftAt: t('2026-05-08T08:00:00Z'),
        summary: '会议推荐和谈话推荐均已完成。',
      },
      {
        stage: 'targets',
        label: '确定考察对象',
        enteredAt: t('2026-05-08T08:00:00Z'),
        leftAt: t('2026-05-25T00:30:00Z'),
        summary: '部务会确定考察对象3名，已公示、已预告。',
      },
      {
        stage: 'inspection',
        label: '考察',
        enteredAt: t('2026-05-25T00:30:00Z'),
        leftAt: t('2026-06-05T09:00:00Z'),
        summary: '七必谈、六征求、六必查均已完成。',
      },
      {
        stage: 'deliberation',
        label: '酝酿',
        enteredAt: t('2026-06-05T09:00:00Z'),
        leftAt: t('2026-06-09T09:00:00Z'),
        summary: '差额酝酿，3名人选进入票决。',
      },
      {
        stage: 'decision',
        label: '讨论决定',
        enteredAt: t('2026-06-09T09:00:00Z'),
        leftAt: t('2026-06-10T09:00:00Z'),
        summary: '常委会票决，2名通过。',
      },
      {
        stage: 'pre_appointment_notice',
        label: '任前公示',
        enteredAt: t('2026-06-11T01:00:00Z'),
        leftAt: t('2026-06-19T01:00:00Z'),
        summary: '公示5个工作日，未收到举报。',
      },
      { stage: 'appointment', label: '任职', enteredAt: t('2026-06-22T02:00:00Z'), summary: '印发任免通知。' },
    ],
    candidates: [
      { name: '王鑫珺', stateLabel: '已任职' },
      { name: '李赟燊', stateLabel: '已任职' },
      { name: '张彧', stateLabel: '未被选任', note: '常委会票决未获通过' },
      { name: '赵晨', stateLabel: '已退出', note: '民主推荐阶段本人申请退出' },
    ],
    events: [
      { at: t('2026-04-10T02:00:00Z'), actor: '县委书记', action: '召开书记专题会，提出选拔动议' },
      { at: t('2026-04-15T08:00:00Z'), actor: '周彧', action: '录入工作方案并提交部务会审议' },
      { at: t('2026-05-20T02:00:00Z'), actor: '刘燊', action: '发布考察对象公示（验证码 KCGS2026M5）' },
      { at: t('2026-05-26T07:30:00Z'), actor: '孙赟', action: '义务监督员参加民主测评并提交监督意见' },
      { at: t('2026-05-28T07:00:00Z'), actor: '县审计局', action: '回复征求意见函：有问题（已整改）' },
      { at: t('2026-06-05T08:40:00Z'), actor: '周彧', action: '考察组全体成员签署王鑫珺同志考察材料' },
      { at: t('2026-06-10T07:00:00Z'), actor: '县委常委会', action: '票决：王鑫珺9票同意，李赟燊7票同意，张彧3票同意' },
      { at: t('2026-06-22T02:00:00Z'), actor: '刘燊', action: '印发任免通知（示组任〔2026〕21号）' },
    ],
    auditChain: {
      verified: true,
      eventCount: 1284,
      headHash: '9f2c4e7a1b3d5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8',
    },
  };
}

export const DOCUMENT_FIXTURES: { [K in DocumentKind]: () => DocumentDataByKind[K] } = {
  advance_notice: advanceNoticeFixture,
  inspection_notice: inspectionNoticeFixture,
  performance_notice: performanceNoticeFixture,
  pre_appointment_notice: preAppointmentNoticeFixture,
  consultation_letter: consultationLetterFixture,
  dossier: dossierFixture,
  vote_result: voteResultFixture,
  appointment_notice: appointmentNoticeFixture,
  documentary_record: documentaryRecordFixture,
};

/**
 * A dossier that renders to at least `pages` A4 pages (used by the rendering benchmark):
 * the base dossier with enough interview groups, checklist rows and extended inspections.
 * About 6 added rows per page was measured on the GB/T 9704 layout.
 */
export function buildLargeDossierFixture(pages: number): DossierData {
  const base = dossierFixture();
  const extra = Math.max(0, Math.ceil((pages - 5) * 6.3));
  const paragraph =
    '该同志在推进重点项目、优化营商环境、防范化解风险等工作中担当作为，群众反映较好；' +
    '谈话对象同时建议其进一步加强基层调研，改进工作方法。';
  for (let i = 0; i < extra; i++) {
    const n = i + 1;
    switch (i % 3) {
      case 0:
        base.interviews.push({
          category: 'seven_talks.staff',
          label: `干部职工（第${n}组）`,
          count: 3 + (i % 5),
          summary: paragraph,
        });
        break;
      case 1:
        base.ruleChecklist.push({
          ruleId: `six_checks.personnel_file`,
          zh: `干部档案专项审核第${n}项`,
          status: 'met',
          evidence: `档案审核记录 DA-2026-${String(n).padStart(4, '0')}：${paragraph}`,
        });
        break;
      default:
        base.extendedInspections.push({ unit: `示范县第${n}原任职单位`, heldOn: '2026-05-27', summary: paragraph });
    }
  }
  return base;
}
