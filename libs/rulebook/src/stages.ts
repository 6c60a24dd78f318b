import { RulebookError, RulebookErrorCode } from './errors';

/** The open stages of a selection, in the only order they may be passed. */
export const OPEN_STAGES = [
  'motion',
  'nomination',
  'recommendation',
  'targets',
  'inspection',
  'deliberation',
  'decision',
  'pre_appointment_notice',
  'appointment',
] as const;

export type OpenStage = (typeof OPEN_STAGES)[number];
export type Stage = OpenStage | 'closed';

export const ALL_STAGES: readonly Stage[] = [...OPEN_STAGES, 'closed'];

export const STAGE_LABELS: Readonly<Record<Stage, string>> = {
  motion: '动议',
  nomination: '初始提名',
  recommendation: '民主推荐',
  targets: '确定考察对象',
  inspection: '组织考察',
  deliberation: '讨论前酝酿',
  decision: '讨论决定',
  pre_appointment_notice: '任前公示',
  appointment: '任职',
  closed: '已结束',
};

/** A stage that can be entered by moving forward, i.e. every open stage but the first. */
export type GateStage = Exclude<OpenStage, 'motion'>;

/** The forward transitions, each guarded by a gate (see `GATE_RULES`). */
export const TRANSITIONS = [
  'motion->nomination',
  'nomination->recommendation',
  'recommendation->targets',
  'targets->inspection',
  'inspection->deliberation',
  'deliberation->decision',
  'decision->pre_appointment_notice',
  'pre_appointment_notice->appointment',
] as const;

export type Transition = (typeof TRANSITIONS)[number];

export function isStage(value: string): value is Stage {
  return (ALL_STAGES as readonly string[]).includes(value);
}

export function isOpenStage(stage: Stage): stage is OpenStage {
  return stage !== 'closed';
}

/** Position of a stage in the forward order; `closed` sorts after every open stage. */
export function stageIndex(stage: Stage): number {
  return stage === 'closed' ? OPEN_STAGES.length : OPEN_STAGES.indexOf(stage);
}

/**
 * The next forward stage, or null when there is none: `appointment` is the last working stage
 * (a selection then moves to `closed`, which is not "next" but an exit), and `closed` is final.
 */
export function nextStage(stage: Stage): OpenStage | null {
  if (stage === 'closed') {
    return null;
  }
  const i = OPEN_STAGES.indexOf(stage);
  return i + 1 < OPEN_STAGES.length ? OPEN_STAGES[i + 1] : null;
}

/** Only one step forward, or `closed` from any open stage (finished or cancelled). */
export function canTransition(from: Stage, to: Stage): boolean {
  if (from === 'closed') {
    return false;
  }
  return to === 'closed' || nextStage(from) === to;
}

/** The transition that enters `to`, e.g. `inspection` → `'targets->inspection'`. */
export function transitionInto(to: GateStage): Transition {
  const from = OPEN_STAGES[OPEN_STAGES.indexOf(to) - 1];
  return `${from}->${to}` as Transition;
}

export function assertTransition(from: Stage, to: Stage): void {
  if (!canTransition(from, to)) {
    throw new RulebookError(
      RulebookErrorCode.INVALID_TRANSITION,
      `A selection cannot move from ${from} to ${to}`,
      { from, to },
    );
  }
}

export function transitionLabel(transition: Transition): string {
  const [from, to] = transition.split('->') as [OpenStage, OpenStage];
  return `${STAGE_LABELS[from]} → ${STAGE_LABELS[to]}`;
}

export const CANDIDATE_STATES = [
  'active',
  'on_hold',
  'excluded',
  'not_selected',
  'withdrawn',
  'appointed',
] as const;

export type CandidateState = (typeof CANDIDATE_STATES)[number];

export const CANDIDATE_STATE_LABELS: Readonly<Record<CandidateState, string>> = {
  active: '正常',
  on_hold: '暂缓（举报核查中）',
  excluded: '已排除',
  not_selected: '未入选',
  withdrawn: '已退出',
  appointed: '已任职',
};

/**
 * Candidates still in play: they count in competitive ratios and their rules guard the gates.
 * An `on_hold` candidate is still in play; it blocks every transition through
 * `two_withouts.report_unverified` until its report is resolved.
 */
export function isInPlay(state: CandidateState): boolean {
  return state === 'active' || state === 'on_hold';
}
