import { RulebookErrorCode } from './errors';
import { checkGate } from './gates';
import { getRulebook } from './rulebooks';
import { OPEN_STAGES, nextStage, type OpenStage } from './stages';
import {
  candidate,
  completeCandidate,
  completeSnapshot,
  shanghai,
  type SnapshotDraft,
} from './test-fixtures';

const rulebook = getRulebook('2026.1');

function at(stage: OpenStage): SnapshotDraft {
  const s = completeSnapshot();
  s.stage = stage;
  return s;
}

function unmetRules(s: SnapshotDraft, to = nextStage(s.stage)!) {
  return checkGate(s, to, rulebook).unmet.map((u) => (u.candidateId ? `${u.rule}@${u.candidateId}` : u.rule));
}

/** A selection at `targets` with `count` candidates in play for `posts` posts. */
function targetsWith(count: number, posts: number): SnapshotDraft {
  const s = at('targets');
  s.posts[0].count = posts;
  s.candidates = Array.from({ length: count }, (_, i) => completeCandidate(`k${i}`, `候选人${i}`));
  const ids = s.candidates.map((c) => c.id);
  s.targetMeeting!.candidateIds = ids;
  for (const n of s.notices) {
    n.candidateIds = ids;
  }
  s.recommendations = s.recommendations.map((r) => ({ ...r, results: ids.map((candidateId) => ({ candidateId, count: 1 })) }));
  return s;
}

describe(checkGate.name, () => {
  it.each(OPEN_STAGES.filter((s) => s !== 'appointment').map((s) => [s]))(
    'should open the gate out of %s when every rule holds',
    (stage) => {
      const s = at(stage);
      expect(checkGate(s, nextStage(stage)!, rulebook)).toEqual({
        ok: true,
        transition: `${stage}->${nextStage(stage)}`,
        unmet: [],
      });
    },
  );

  it('should list every unmet rule of the gate, per candidate, with labels, when several fail', () => {
    const s = at('inspection');
    candidate(s, 'c1').interviews = [];
    candidate(s, 'c2').consultations[1].status = 'pending';
    delete candidate(s, 'c2').consultations[1].verdict;
    s.supervisionRemarks.push({ id: 'remark-9', answered: false });
    const check = checkGate(s, 'deliberation', rulebook);
    expect(check.ok).toBe(false);
    expect(check.unmet.map((u) => (u.candidateId ? `${u.rule}@${u.candidateId}` : u.rule))).toEqual([
      'supervision.remarks_answered',
      'seven_talks.leadership_team@c1',
      'seven_talks.staff@c1',
      'seven_talks.superior_leader@c1',
      'seven_talks.service_recipients@c1',
      'seven_talks.party_delegates@c1',
      'seven_talks.npc_deputies@c1',
      'seven_talks.cppcc_members@c1',
      'six_consultations.procuratorate@c2',
    ]);
    expect(check.unmet[0]).toEqual({
      rule: 'supervision.remarks_answered',
      zh: '义务监督员意见均已答复',
      en: expect.any(String),
      detail: 'remarks awaiting an answer: remark-9',
    });
  });

  it('should ignore rules of other gates when checking a transition', () => {
    const s = at('targets');
    candidate(s, 'c1').interviews = [];
    expect(checkGate(s, 'inspection', rulebook).ok).toBe(true);
  });

  it.each(OPEN_STAGES.filter((s) => s !== 'appointment').map((s) => [s]))(
    'should hold the selection at %s while a candidate is on hold (two_withouts at every transition)',
    (stage) => {
      const s = at(stage);
      candidate(s, 'c2').state = 'on_hold';
      expect(unmetRules(s)).toContain('two_withouts.report_unverified');
    },
  );

  it('should stop every transition when a consulted organ reports an investigation', () => {
    const s = at('deliberation');
    candidate(s, 'c3').consultations.find((x) => x.unit === 'discipline_commission')!.verdict = 'under_investigation';
    expect(unmetRules(s)).toEqual(['two_withouts.under_investigation']);
  });

  describe('five_competitions.inspection with inspectionRatio 3', () => {
    it('should fail with 8 candidates for 3 posts', () => {
      expect(unmetRules(targetsWith(8, 3))).toEqual(['five_competitions.inspection']);
    });

    it('should pass with 9 candidates for 3 posts', () => {
      expect(unmetRules(targetsWith(9, 3))).toEqual([]);
    });

    it('should count on_hold but not withdrawn candidates', () => {
      const s = targetsWith(10, 3);
      s.candidates[0].state = 'withdrawn';
      expect(unmetRules(s)).toEqual([]);
      s.candidates[1].state = 'not_selected';
      expect(unmetRules(s)).toEqual(['five_competitions.inspection']);
    });
  });

  it('should require strictly more candidates than posts when leaving nomination', () => {
    const s = at('nomination');
    s.posts[0].count = 3;
    expect(unmetRules(s)).toEqual(['five_competitions.nomination']);
    s.posts[0].count = 2;
    expect(unmetRules(s)).toEqual([]);
  });

  it('should not let rules of candidates out of play block a gate', () => {
    const s = at('inspection');
    candidate(s, 'c3').state = 'withdrawn';
    candidate(s, 'c3').interviews = [];
    candidate(s, 'c3').consultations = [];
    expect(checkGate(s, 'deliberation', rulebook).ok).toBe(true);
  });

  it('should open a waivable rule with an approved waiver but never a non-waivable one', () => {
    const s = at('inspection');
    const c1 = candidate(s, 'c1');
    c1.interviews = c1.interviews.filter((i) => i.category !== 'cppcc_members');
    c1.checks = c1.checks.filter((x) => x.item !== 'training');
    s.waivers.push(
      { id: 'w-1', rule: 'seven_talks.cppcc_members', candidateId: 'c1', approved: true },
      { id: 'w-2', rule: 'six_checks.training', candidateId: 'c1', approved: true },
    );
    expect(unmetRules(s)).toEqual(['six_checks.training@c1']);
  });

  describe('the decision gate', () => {
    it('should stay closed on a tie for the last post and open after a new round', () => {
      const s = at('decision');
      s.votes[0].results = [
        { candidateId: 'c1', agree: 6, disagree: 3, defer: 0 },
        { candidateId: 'c2', agree: 6, disagree: 3, defer: 0 },
        { candidateId: 'c3', agree: 2, disagree: 7, defer: 0 },
      ];
      const check = checkGate(s, 'pre_appointment_notice', rulebook);
      expect(check.unmet.map((u) => u.rule)).toEqual(['decision.majority']);
      expect(check.unmet[0].detail).toContain('c1, c2');

      s.votes.push({
        ...structuredClone(s.votes[0]),
        id: 'vote-2',
        heldAt: shanghai('2026-10-21'),
        posts: 1,
        results: [
          { candidateId: 'c1', agree: 7, disagree: 2, defer: 0 },
          { candidateId: 'c2', agree: 5, disagree: 4, defer: 0 },
        ],
      });
      expect(checkGate(s, 'pre_appointment_notice', rulebook).ok).toBe(true);
    });

    it('should stay closed without quorum, listing quorum and majority', () => {
      const s = at('decision');
      s.votes[0].members = s.votes[0].members.map((m, i) => ({ ...m, present: i < 5 }));
      s.votes[0].results = s.votes[0].results.map((r) => ({ ...r, agree: 3, disagree: 2 }));
      expect(unmetRules(s)).toEqual(['decision.quorum', 'decision.majority']);
    });

    it('should refuse an ad hoc candidate on the agenda when leaving deliberation', () => {
      const s = at('deliberation');
      s.candidates.push(completeCandidate('c4', '新增人选'));
      expect(unmetRules(s)).toEqual(['decision.no_ad_hoc']);
    });
  });

  it('should hold the appointment while a report on the pre-appointment notice is unverified', () => {
    const s = at('pre_appointment_notice');
    s.reports.push({ id: 'rep-1', candidateId: 'c1', noticeId: 'n-pre', status: 'investigating' });
    expect(unmetRules(s)).toEqual(['two_withouts.report_unverified', 'three_notices.pre_appointment_notice@c1']);
  });

  it('should always allow closing a selection, whatever is unmet', () => {
    const s = at('inspection');
    candidate(s, 'c1').state = 'on_hold';
    expect(checkGate(s, 'closed', rulebook)).toEqual({ ok: true, transition: null, unmet: [] });
  });

  it.each([
    ['inspection', 'decision'],
    ['inspection', 'targets'],
    ['inspection', 'inspection'],
  ] as const)('should throw INVALID_TRANSITION when moving from %s to %s', (from, to) => {
    expect(() => checkGate(at(from), to, rulebook)).toThrow(
      expect.objectContaining({ code: RulebookErrorCode.INVALID_TRANSITION }),
    );
  });

  it('should throw INVALID_TRANSITION when the selection is closed', () => {
    const s = completeSnapshot();
    s.stage = 'closed';
    expect(() => checkGate(s, 'motion', rulebook)).toThrow(
      expect.objectContaining({ code: RulebookErrorCode.INVALID_TRANSITION }),
    );
  });
});
