import {
  ALL_STAGES,
  CANDIDATE_STATES,
  CANDIDATE_STATE_LABELS,
  OPEN_STAGES,
  STAGE_LABELS,
  canTransition,
  isInPlay,
  nextStage,
  transitionInto,
  type Stage,
} from './stages';

describe('stages', () => {
  it.each([
    ['motion', 'nomination'],
    ['nomination', 'recommendation'],
    ['recommendation', 'targets'],
    ['targets', 'inspection'],
    ['inspection', 'deliberation'],
    ['deliberation', 'decision'],
    ['decision', 'pre_appointment_notice'],
    ['pre_appointment_notice', 'appointment'],
    ['appointment', null],
    ['closed', null],
  ] as const)('should give %s → %s as the next stage', (stage, next) => {
    expect(nextStage(stage)).toBe(next);
  });

  it.each([
    ['motion', 'nomination', true, 'one step forward'],
    ['motion', 'recommendation', false, 'skipping a stage'],
    ['inspection', 'targets', false, 'going back'],
    ['inspection', 'inspection', false, 'staying'],
    ['motion', 'closed', true, 'cancelling at the start'],
    ['appointment', 'closed', true, 'finishing'],
    ['closed', 'motion', false, 'reopening'],
    ['closed', 'closed', false, 'closing twice'],
  ] as [Stage, Stage, boolean, string][])('should say %s → %s is allowed: %s (%s)', (from, to, allowed) => {
    expect(canTransition(from, to)).toBe(allowed);
  });

  it('should allow closing from every open stage and nothing from closed', () => {
    for (const stage of OPEN_STAGES) {
      expect(canTransition(stage, 'closed')).toBe(true);
    }
    for (const stage of ALL_STAGES) {
      expect(canTransition('closed', stage)).toBe(false);
    }
  });

  it('should have a Chinese label for every stage and candidate state', () => {
    for (const stage of ALL_STAGES) {
      expect(STAGE_LABELS[stage]).toMatch(/\p{Script=Han}/u);
    }
    for (const state of CANDIDATE_STATES) {
      expect(CANDIDATE_STATE_LABELS[state]).toMatch(/\p{Script=Han}/u);
    }
  });

  it('should name the transition that enters a stage', () => {
    expect(transitionInto('inspection')).toBe('targets->inspection');
    expect(transitionInto('nomination')).toBe('motion->nomination');
  });

  it.each([
    ['active', true],
    ['on_hold', true],
    ['excluded', false],
    ['not_selected', false],
    ['withdrawn', false],
    ['appointed', false],
  ] as const)('should count %s candidates in play: %s', (state, expected) => {
    expect(isInPlay(state)).toBe(expected);
  });
});
