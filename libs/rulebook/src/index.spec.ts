import * as rulebook from '@app/rulebook';

describe('@app/rulebook', () => {
  it('should expose the public API through the path alias other libs use', () => {
    for (const name of [
      'ALL_RULE_IDS',
      'RULES',
      'RuleIds',
      'RULE_GROUP_LABELS',
      'STAGE_LABELS',
      'CANDIDATE_STATE_LABELS',
      'nextStage',
      'canTransition',
      'RULEBOOKS',
      'CURRENT_RULEBOOK_VERSION',
      'getRulebook',
      'evaluate',
      'checkGate',
      'GATE_RULES',
      'checkMotion',
      'tallyVote',
      'secretaryMayVote',
      'isWorkday',
      'addWorkingDays',
      'noticeEnd',
      'workingDaysBetween',
      'toShanghaiDate',
      'consultationDueOn',
      'renderRulesDoc',
      'RulebookError',
      'RulebookErrorCode',
    ]) {
      expect(rulebook).toHaveProperty(name);
    }
  });

  it('should not expose the test fixtures', () => {
    expect(rulebook).not.toHaveProperty('completeSnapshot');
  });
});
