import { VERDICT_LABELS } from '@app/consultations';
import { DOCUMENT_KIND_LABELS, type DocumentKind } from '@app/documents';
import { REPORT_FINDING_LABELS } from '@app/notices';
import {
  CANDIDATE_STATE_LABELS,
  CHECK_ITEM_LABELS,
  NOTICE_KIND_LABELS,
  RULES,
  STAGE_LABELS,
  TALK_CATEGORY_LABELS,
  type Stage,
} from '@app/rulebook';
import { ATTENDANCE_ACTIVITY_LABELS, REMARK_KIND_LABELS, type AttendanceActivity, type RemarkKind } from './supervision.entities';

/**
 * Audit events as lines of the 纪实表: pure functions from an event of a selection's chain to one
 * Chinese sentence. The audit chain is the source; this only reads it. An action nobody taught
 * this table still gets a line (its entity's name and the action code), never a gap.
 */

export interface ChainEvent {
  seq: number;
  occurredAt: Date;
  action: string;
  entity: string;
  entityId: string | null;
  actorId: string | null;
  actorUsername: string;
  before: unknown;
  after: unknown;
}

export interface LineContext {
  candidateName(id: string | null | undefined): string | undefined;
  userName(id: string | null | undefined): string | undefined;
}

type Fields = Record<string, unknown>;

const fields = (v: unknown): Fields => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Fields) : {});
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.length > 0 ? v : undefined);
const clip = (text: string, max = 120): string => (text.length > max ? `${text.slice(0, max)}…` : text);
const ruleZh = (rule: unknown): string => {
  const id = str(rule);
  if (!id) return '';
  return (RULES as Record<string, { zh: string } | undefined>)[id]?.zh ?? id;
};
const label = <K extends string>(map: Readonly<Record<K, string>>, key: unknown): string | undefined =>
  typeof key === 'string' && Object.prototype.hasOwnProperty.call(map, key) ? map[key as K] : undefined;

/** Fixed sentences for actions whose details add nothing a reader needs. */
export const ACTION_LABELS: Readonly<Record<string, string>> = {
  'selection.created': '新建选任工作',
  'selection.advanced': '进入下一环节',
  'selection.closed': '结束选任工作',
  'motion.recorded': '记录动议',
  'motion.updated': '修改动议',
  'work_plan.recorded': '制定工作方案',
  'work_plan.updated': '修改工作方案',
  'candidate.nominated': '提名人选',
  'recommendation.meeting_recorded': '记录会议推荐结果',
  'recommendation.talk_recorded': '记录谈话推荐结果',
  'target_meeting.recorded': '记录确定考察对象的会议',
  'deliberation.recorded': '记录酝酿情况',
  'interview.recorded': '录入个别谈话记录',
  'inspection_check.recorded': '录入查核记录',
  'democratic_evaluation.recorded': '录入民主测评结果',
  'extended_inspection.recorded': '录入延伸考察记录',
  'personal_matters_verification.recorded': '录入个人有关事项报告核查结果',
  'waiver.requested': '申请豁免规则',
  'waiver.approved': '批准豁免',
  'vote.created': '组织票决',
  'vote.ballot_cast': '常委投票（无记名）',
  'vote.closed': '票决计票完毕',
  'vote.void': '票决无效',
  'appointment.recorded': '记录任职',
  'consultation.requested': '发出征求意见函',
  'consultation.undeliverable': '征求意见函无法送达（未配置单位）',
  'consultation.answered': '征求意见单位回复意见',
  'consultation.corrected': '征求意见单位更正意见',
  'consultation.reminded': '提醒征求意见单位回复',
  'consultation.overdue': '征求意见逾期未复',
  'consultation.resent': '重新发送征求意见函',
  'consultation.stopped': '停止征求意见',
  'consultation.delivery_failed': '征求意见函送达失败',
  'notice.published': '发布公示',
  'notice.opened': '公示开始',
  'notice.closed': '公示期满',
  'notice.reports_changed': '公示期间举报处理情况变化',
  'report.received': '收到举报',
  'report.investigating': '举报进入核查',
  'report.finding': '举报核查结论',
  'report.contact_viewed': '查看举报人联系方式',
  'document.requested': '申请生成文书',
  'document.rendered': '生成待签署稿',
  'document.issued': '文书签发',
  'document.signed_off': '考察组成员签署考察材料',
  'document.superseded': '文书被新版本取代',
  'document.failed': '文书生成失败',
  'document.downloaded': '下载文书',
  'document.copy_made': '义务监督员领取水印副本',
  'dossier.assessment_set': '填写考察组评价意见',
  'supervision.supervisors_assigned': '确定义务监督员',
  'supervision.remark_filed': '义务监督员提出意见',
  'supervision.remark_answered': '组织部答复义务监督员意见',
  'supervision.attendance_recorded': '记录义务监督员参加活动',
};

/** Names of entities, for actions not in the table above. */
export const ENTITY_LABELS: Readonly<Record<string, string>> = {
  selection: '选任工作',
  motion: '动议',
  work_plan: '工作方案',
  candidate: '人选',
  recommendation: '民主推荐',
  target_meeting: '确定考察对象会议',
  deliberation: '酝酿',
  interview: '个别谈话',
  inspection_check: '查核',
  democratic_evaluation: '民主测评',
  extended_inspection: '延伸考察',
  personal_matters_verification: '个人有关事项核查',
  waiver: '规则豁免',
  vote: '票决',
  appointment: '任职',
  consultation_letter: '征求意见函',
  consultation_request: '征求意见',
  notice: '公示',
  report: '举报',
  document: '文书',
  supervision_remark: '监督意见',
  supervisor_attendance: '监督员参加活动',
  document_copy: '水印副本',
};

function candidateStateLine(state: string, after: Fields, ctx: LineContext, e: ChainEvent): string {
  const who = ctx.candidateName(e.entityId) ?? '人选';
  const stateZh = label(CANDIDATE_STATE_LABELS, state) ?? state;
  const reason = str(after.stateReason);
  const rule = str(after.stateRule);
  return `${who}：状态变为「${stateZh}」${reason ? `，${clip(reason)}` : ''}${rule ? `（${ruleZh(rule)}）` : ''}`;
}

/** One readable sentence for one audit event. */
export function describeEvent(e: ChainEvent, ctx: LineContext): string {
  const after = fields(e.after);
  const before = fields(e.before);
  const base = ACTION_LABELS[e.action];
  const candidate = (id: unknown) => ctx.candidateName(str(id)) ?? undefined;
  const of = (id: unknown) => {
    const name = candidate(id);
    return name ? `（${name}）` : '';
  };

  if (e.action.startsWith('candidate.') && e.action !== 'candidate.nominated') {
    return candidateStateLine(e.action.slice('candidate.'.length), after, ctx, e);
  }
  switch (e.action) {
    case 'selection.created':
      return `${base}「${str(after.title) ?? ''}」`;
    case 'selection.advanced': {
      const to = label(STAGE_LABELS, after.stage);
      const from = label(STAGE_LABELS, before.stage);
      return to ? `由「${from ?? '—'}」进入「${to}」环节（各项进入条件经系统核验）` : base;
    }
    case 'selection.closed':
      return `${base}${str(after.closedReason) ? `：${clip(str(after.closedReason)!)}` : ''}`;
    case 'candidate.nominated': {
      const nominator = fields(after.nominator);
      const name = str(after.name) ?? ctx.candidateName(e.entityId) ?? '';
      const by = str(nominator.name) ? `，初始提名责任人${str(nominator.post) ?? ''}${str(nominator.name)}` : '';
      return `${base}${name}${by}`;
    }
    case 'interview.recorded': {
      const cat = label(TALK_CATEGORY_LABELS, after.category);
      return `${base}${of(after.candidateId)}${cat ? `：${cat}` : ''}`;
    }
    case 'inspection_check.recorded': {
      const item = label(CHECK_ITEM_LABELS, after.item);
      return `${base}${of(after.candidateId)}${item ? `：${item}` : ''}`;
    }
    case 'democratic_evaluation.recorded':
    case 'extended_inspection.recorded':
    case 'personal_matters_verification.recorded':
      return `${base}${of(after.candidateId)}`;
    case 'target_meeting.recorded':
    case 'deliberation.recorded': {
      const ids = Array.isArray(after.candidateIds) ? (after.candidateIds as unknown[]) : [];
      const names = ids.map((id) => candidate(id)).filter((n): n is string => !!n);
      return `${base}${names.length ? `：${names.join('、')}` : ''}`;
    }
    case 'waiver.requested':
    case 'waiver.approved':
      return `${base}「${ruleZh(after.rule)}」${of(after.candidateId)}${str(after.reason) ? `，理由：${clip(str(after.reason)!)}` : ''}`;
    case 'vote.closed': {
      const elected = Array.isArray(after.elected) ? (after.elected as unknown[]).map((id) => candidate(id)).filter(Boolean) : [];
      return `${base}${after.quorum === false ? '，到会人数不足' : ''}${elected.length ? `，当选：${elected.join('、')}` : ''}`;
    }
    case 'appointment.recorded':
      return `${base}${of(after.candidateId)}${str(after.effectiveOn) ? `，自${str(after.effectiveOn)}起` : ''}`;
    case 'consultation.answered':
    case 'consultation.corrected': {
      const verdict = label(VERDICT_LABELS, after.verdict);
      return `${base}${verdict ? `：${verdict}` : ''}`;
    }
    case 'notice.published': {
      const kind = label(NOTICE_KIND_LABELS, after.kind);
      const period = str(after.startsOn) && str(after.endsOn) ? `，${str(after.startsOn)}至${str(after.endsOn)}` : '';
      return `发布${kind ?? '公示'}${period}`;
    }
    case 'report.received':
      // The report's content and the reporter stay out of the record; the chain keeps a digest only.
      return `${base}${of(after.candidateId)}${after.late === true ? '（公示期满后收到）' : ''}`;
    case 'report.finding': {
      const finding = label(REPORT_FINDING_LABELS, after.finding);
      return `${base}${finding ? `：${finding}` : ''}`;
    }
    case 'document.requested':
    case 'document.rendered':
    case 'document.issued':
    case 'document.downloaded':
    case 'document.superseded':
    case 'document.failed': {
      const kind = DOCUMENT_KIND_LABELS[after.kind as DocumentKind]?.zh;
      const version = typeof after.version === 'number' ? `第${after.version}版` : '';
      return `${base}${kind ? `：${kind}${version}` : ''}${of(after.candidateId)}`;
    }
    case 'document.copy_made':
      return `${base}${of(after.candidateId)}：${str(after.recipientName) ?? ''}${typeof after.copyNumber === 'number' ? `，第${after.copyNumber}份` : ''}`;
    case 'supervision.supervisors_assigned': {
      const ids = Array.isArray(after.userIds) ? (after.userIds as unknown[]) : [];
      const names = ids.map((id) => ctx.userName(str(id))).filter((n): n is string => !!n);
      return names.length ? `${base}：${names.join('、')}` : '撤销全部义务监督员';
    }
    case 'supervision.remark_filed': {
      const kind = label(REMARK_KIND_LABELS as Readonly<Record<RemarkKind, string>>, after.kind);
      const followUp = str(after.followsUpId) ? '（追问）' : '';
      return `${base}${followUp}${of(after.candidateId)}${kind ? `〔${kind}〕` : ''}：${clip(str(after.content) ?? '')}`;
    }
    case 'supervision.remark_answered':
      return `${base}：${clip(str(after.content) ?? '')}`;
    case 'supervision.attendance_recorded': {
      const activity = label(ATTENDANCE_ACTIVITY_LABELS as Readonly<Record<AttendanceActivity, string>>, after.activity);
      const ids = Array.isArray(after.supervisorUserIds) ? (after.supervisorUserIds as unknown[]) : [];
      const names = ids.map((id) => ctx.userName(str(id))).filter((n): n is string => !!n);
      return `${names.join('、') || '义务监督员'}参加${activity ?? '活动'}`;
    }
    default:
      if (base) return base;
      return `${ENTITY_LABELS[e.entity] ?? e.entity}：${e.action}`;
  }
}

export interface StageSpan {
  stage: Stage;
  label: string;
  enteredAt: Date;
  leftAt: Date | null;
  /** Sequence numbers of the events that happened while the selection was in this stage. */
  eventSeqs: number[];
}

/**
 * The stage timeline, read off the chain: `selection.created` opens `motion`, each advance or
 * closing ends one stage and opens the next. A selection whose chain does not start with its
 * creation (imported, or written by a fixture) starts at the stage its first move left from.
 */
export function stageTimeline(events: readonly ChainEvent[], fallback: { stage: Stage; createdAt: Date }): StageSpan[] {
  const spans: StageSpan[] = [];
  const open = (stage: Stage, at: Date) => spans.push({ stage, label: STAGE_LABELS[stage] ?? stage, enteredAt: at, leftAt: null, eventSeqs: [] });
  const firstMove = events.find((e) => e.action === 'selection.advanced' || e.action === 'selection.closed');
  const created = events.find((e) => e.action === 'selection.created');
  if (created) open('motion', created.occurredAt);
  else open(((firstMove && str(fields(firstMove.before).stage)) as Stage | undefined) ?? fallback.stage, fallback.createdAt);
  for (const e of events) {
    const current = spans[spans.length - 1];
    if (e.action === 'selection.advanced' || e.action === 'selection.closed') {
      const to = str(fields(e.after).stage) as Stage | undefined;
      current.eventSeqs.push(e.seq);
      if (to && to !== current.stage) {
        current.leftAt = e.occurredAt;
        open(to, e.occurredAt);
      }
      continue;
    }
    current.eventSeqs.push(e.seq);
  }
  return spans;
}

/** The most frequent kinds of work done in a stage, e.g. 「录入个别谈话记录7项；录入查核记录6项」. */
export function stageSummary(events: readonly ChainEvent[], max = 6): string {
  const counts = new Map<string, number>();
  for (const e of events) {
    if (e.action === 'selection.advanced' || e.action === 'selection.closed') continue;
    const key = ACTION_LABELS[e.action] ?? ENTITY_LABELS[e.entity] ?? e.action;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  if (counts.size === 0) return '无操作记录';
  const top = [...counts.entries()].sort((a, b) => b[1] - a[1]).slice(0, max);
  const rest = counts.size - top.length;
  return `${top.map(([k, n]) => `${k}${n}项`).join('；')}${rest > 0 ? `；其他${rest}类` : ''}`;
}
