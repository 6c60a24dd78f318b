import { evaluate, type RuleResult } from './evaluate';
import { getRulebook } from './rulebooks';
import {
  ALL_RULE_IDS,
  CHECK_ITEMS,
  CONSULTATION_UNITS,
  RULES,
  TALK_CATEGORIES,
  type CheckItem,
  type ConsultationUnit,
  type RuleId,
  type TalkCategory,
} from './rules.catalogue';
import {
  NOW,
  candidate,
  completeSnapshot,
  electronicVote,
  shanghai,
  type SnapshotDraft,
} from './test-fixtures';

const rulebook = getRulebook('2026.1');

/** The result of `rule` for the selection, or for candidate c1 when the rule is per candidate. */
function resultOf(s: SnapshotDraft, rule: RuleId, candidateId = 'c1'): RuleResult {
  const evaluation = evaluate(s, rulebook);
  const results =
    RULES[rule].scope === 'selection'
      ? evaluation.selectionRules
      : (evaluation.candidates.find((c) => c.candidateId === candidateId)?.rules ?? []);
  const found = results.find((r) => r.rule === rule);
  if (!found) {
    throw new Error(`${rule} missing from the evaluation`);
  }
  return found;
}

type Mutation = (s: SnapshotDraft) => void;

/** Object.fromEntries typed for the generated ids (seven_talks.*, six_consultations.*, ...). */
function byKey<K extends RuleId>(entries: [string, RuleCase][]): Record<K, RuleCase> {
  return Object.fromEntries(entries) as Record<K, RuleCase>;
}
interface RuleCase {
  /** Changes that make the rule hold (the complete fixture usually needs none). */
  readonly holds: Mutation;
  /** Changes that make the rule fail. */
  readonly fails: Mutation;
}

const asIs: Mutation = () => undefined;
const atStage =
  (stage: SnapshotDraft['stage']): Mutation =>
  (s) => {
    s.stage = stage;
  };
const noEarlierUnits: Mutation = (s) => {
  candidate(s).earlierUnitIds = [];
};
const noRemarks: Mutation = (s) => {
  s.supervisionRemarks = [];
};
const withdraw =
  (...ids: string[]): Mutation =>
  (s) => {
    for (const id of ids) {
      candidate(s, id).state = 'withdrawn';
    }
  };

const CASES: Record<RuleId, RuleCase> = {
  'three_nots.no_specific_post': {
    holds: asIs,
    fails: (s) => {
      s.motion!.direction = '拟任县财政局局长';
    },
  },
  'three_nots.no_specific_person': {
    holds: asIs,
    fails: (s) => {
      s.motion!.criteria = '王建国同志政治坚定，敢于担当';
    },
  },
  'three_nots.no_candidate_pool': {
    holds: asIs,
    fails: (s) => {
      s.motion!.requirements = '从全县乡镇党委书记中选拔';
    },
  },
  'nomination.initial_nominator': {
    holds: asIs,
    fails: (s) => {
      delete candidate(s).responsibilityStatementId;
    },
  },
  'ten_haves.work_plan': {
    holds: asIs,
    fails: (s) => {
      s.workPlan!.timetable = ' ';
    },
  },
  'ten_haves.advance_notice': {
    holds: asIs,
    fails: (s) => {
      // Published on the day inspection starts: no working day ahead.
      s.notices[0].inspectionStartsOn = '2026-09-01';
    },
  },
  'ten_haves.meeting_recommendation': {
    holds: asIs,
    fails: (s) => {
      s.recommendations = s.recommendations.filter((r) => r.kind !== 'meeting');
    },
  },
  'ten_haves.talk_recommendation': {
    holds: asIs,
    fails: (s) => {
      s.recommendations[1].results = s.recommendations[1].results.slice(0, 2);
    },
  },
  'ten_haves.target_meeting_minutes': {
    holds: asIs,
    fails: (s) => {
      s.targetMeeting!.minutes = '';
    },
  },
  'ten_haves.target_notice': {
    holds: asIs,
    fails: (s) => {
      s.notices[1].published = false;
    },
  },
  'ten_haves.democratic_evaluation': {
    holds: asIs,
    fails: (s) => {
      candidate(s).evaluations = [];
    },
  },
  'ten_haves.extended_inspection': {
    holds: asIs,
    fails: (s) => {
      candidate(s).earlierUnitIds.push('unit-third');
    },
  },
  'ten_haves.report_investigation': {
    holds: (s) => {
      s.reports.push({ id: 'rep-1', candidateId: 'c1', status: 'closed', finding: 'unfounded' });
    },
    fails: (s) => {
      s.reports.push({ id: 'rep-1', candidateId: 'c1', status: 'investigating' });
    },
  },
  'ten_haves.team_signatures': {
    holds: asIs,
    fails: (s) => {
      candidate(s).dossier = { signedBy: ['t1'] };
    },
  },
  ...byKey<`seven_talks.${TalkCategory}`>(
    TALK_CATEGORIES.map((category) => [
      `seven_talks.${category}`,
      {
        holds: asIs,
        fails: (s: SnapshotDraft) => {
          const c = candidate(s);
          c.interviews = c.interviews.filter((i) => i.category !== category);
        },
      },
    ]),
  ),
  ...byKey<`six_consultations.${ConsultationUnit}`>(
    CONSULTATION_UNITS.map((unit) => [
      `six_consultations.${unit}`,
      {
        holds: asIs,
        fails: (s: SnapshotDraft) => {
          // Silence is never clearance.
          const request = candidate(s).consultations.find((x) => x.unit === unit)!;
          request.status = 'overdue';
          delete request.verdict;
        },
      },
    ]),
  ),
  ...byKey<`six_checks.${CheckItem}`>(
    CHECK_ITEMS.map((item) => [
      `six_checks.${item}`,
      {
        holds: asIs,
        fails: (s: SnapshotDraft) => {
          const c = candidate(s);
          c.checks = c.checks.filter((x) => x.item !== item);
        },
      },
    ]),
  ),
  'five_competitions.nomination': {
    holds: atStage('nomination'),
    fails: (s) => {
      s.stage = 'nomination';
      s.posts[0].count = 3;
    },
  },
  'five_competitions.recommendation': {
    holds: atStage('recommendation'),
    fails: (s) => {
      s.stage = 'recommendation';
      withdraw('c2', 'c3')(s);
    },
  },
  'five_competitions.inspection': {
    holds: atStage('targets'),
    fails: (s) => {
      s.stage = 'targets';
      withdraw('c3')(s);
    },
  },
  'five_competitions.deliberation': {
    holds: atStage('deliberation'),
    fails: (s) => {
      s.stage = 'deliberation';
      withdraw('c2', 'c3')(s);
    },
  },
  'five_competitions.vote': {
    holds: asIs,
    fails: (s) => {
      s.votes[0].results = s.votes[0].results.slice(0, 1);
    },
  },
  'three_notices.inspection_notice': {
    holds: asIs,
    fails: (s) => {
      s.reports.push({ id: 'rep-1', candidateId: 'c1', noticeId: 'n-inspection', status: 'open' });
    },
  },
  'three_notices.performance_notice': {
    holds: asIs,
    fails: (s) => {
      s.notices[2].endsOn = '2026-09-04'; // four working days
    },
  },
  'three_notices.pre_appointment_notice': {
    holds: asIs,
    fails: (s) => {
      s.now = shanghai('2026-11-06', '23:59'); // the last day is not over
    },
  },
  'two_withouts.under_investigation': {
    holds: asIs,
    fails: (s) => {
      candidate(s, 'c2').consultations[0].verdict = 'under_investigation';
    },
  },
  'two_withouts.report_unverified': {
    holds: asIs,
    fails: (s) => {
      candidate(s, 'c3').state = 'on_hold';
    },
  },
  'national.team_size': {
    holds: asIs,
    fails: (s) => {
      s.teamMemberIds = ['t1'];
    },
  },
  'national.personal_matters_report': {
    holds: asIs,
    fails: (s) => {
      delete candidate(s).personalMattersVerification;
    },
  },
  'national.recommendation_validity': {
    holds: asIs,
    fails: (s) => {
      s.recommendations[0].heldAt = new Date(NOW.getTime() - 366 * 24 * 3600 * 1000);
    },
  },
  'decision.quorum': {
    holds: asIs,
    fails: (s) => {
      for (const m of s.votes[0].members.slice(6)) {
        m.present = false; // 6 of 9 would pass; 5 of 9 does not
      }
      s.votes[0].members[5].present = false;
      s.votes[0].results = s.votes[0].results.map((r) => ({ ...r, agree: 1, disagree: 1 }));
    },
  },
  'decision.majority': {
    holds: asIs,
    fails: (s) => {
      // 4 of 9 is not more than half of the members who should attend.
      s.votes[0].results[0] = { candidateId: 'c1', agree: 4, disagree: 5, defer: 0 };
    },
  },
  'decision.no_ad_hoc': {
    holds: asIs,
    fails: (s) => {
      s.deliberation!.candidateIds = ['c1', 'c2'];
    },
  },
  'decision.secretary_last': {
    holds: electronicVote,
    fails: (s) => {
      electronicVote(s);
      const order = s.votes[0].castOrder!;
      const at = order.findIndex((b) => b.memberId === 'm1' && b.candidateId === 'c2');
      const [secretary] = order.splice(at, 1);
      order.unshift(secretary);
    },
  },
  'decision.recusal': {
    holds: (s) => {
      s.votes[0].members[8].recusedCandidateIds = ['c1'];
      s.votes[0].results[0] = { candidateId: 'c1', agree: 6, disagree: 2, defer: 0 };
    },
    fails: (s) => {
      s.votes[0].members[8].recusedCandidateIds = ['c1'];
    },
  },
  'supervision.remarks_answered': {
    holds: asIs,
    fails: (s) => {
      s.supervisionRemarks.push({ id: 'remark-2', answered: false });
    },
  },
};

describe(evaluate.name, () => {
  it('should have a holds/fails case for every rule id of the catalogue', () => {
    expect(Object.keys(CASES).sort()).toEqual([...ALL_RULE_IDS].sort());
  });

  describe.each(ALL_RULE_IDS.map((rule) => [rule]))('%s', (rule) => {
    it('should be met when the records satisfy it', () => {
      const s = completeSnapshot();
      CASES[rule].holds(s);
      const result = resultOf(s, rule);
      expect(result).toMatchObject({ rule, status: 'met' });
    });

    it('should be unmet, with a reason, when the records break it', () => {
      const s = completeSnapshot();
      CASES[rule].fails(s);
      const result = resultOf(s, rule);
      expect(result.status).toBe('unmet');
      expect(result.detail).toEqual(expect.any(String));
    });
  });

  it('should report every rule once per scope, for every candidate', () => {
    const evaluation = evaluate(completeSnapshot(), rulebook);
    const selection = ALL_RULE_IDS.filter((id) => RULES[id].scope === 'selection');
    const perCandidate = ALL_RULE_IDS.filter((id) => RULES[id].scope === 'candidate');
    expect(evaluation.selectionRules.map((r) => r.rule)).toEqual(selection);
    expect(evaluation.candidates).toHaveLength(3);
    for (const c of evaluation.candidates) {
      expect(c.rules.map((r) => r.rule)).toEqual(perCandidate);
    }
    expect(evaluation.rulebookVersion).toBe('2026.1');
  });

  it('should give the ids of the satisfying records as evidence when a rule is met', () => {
    const s = completeSnapshot();
    expect(resultOf(s, 'seven_talks.npc_deputies').evidence).toEqual(['iv-c1-npc_deputies']);
    expect(resultOf(s, 'three_notices.inspection_notice').evidence).toEqual(['n-inspection']);
    expect(resultOf(s, 'ten_haves.work_plan').evidence).toEqual(['plan-1']);
  });

  it('should not apply competitive counts once their gate has been passed', () => {
    const s = completeSnapshot(); // at inspection: nomination and recommendation are behind
    withdraw('c2', 'c3')(s);
    expect(resultOf(s, 'five_competitions.nomination').status).toBe('not_applicable');
    expect(resultOf(s, 'five_competitions.inspection').status).toBe('not_applicable');
    expect(resultOf(s, 'five_competitions.deliberation').status).toBe('unmet');
  });

  it('should count only active and on_hold candidates when competition is checked', () => {
    const s = completeSnapshot();
    s.stage = 'deliberation';
    candidate(s, 'c2').state = 'excluded';
    candidate(s, 'c3').state = 'on_hold';
    expect(resultOf(s, 'five_competitions.deliberation').status).toBe('met');
    candidate(s, 'c3').state = 'not_selected';
    expect(resultOf(s, 'five_competitions.deliberation').status).toBe('unmet');
  });

  describe('waivers', () => {
    it('should waive an unmet waivable rule for the named candidate when approved', () => {
      const s = completeSnapshot();
      const c = candidate(s);
      c.interviews = c.interviews.filter((i) => i.category !== 'cppcc_members');
      s.waivers.push({ id: 'w-1', rule: 'seven_talks.cppcc_members', candidateId: 'c1', approved: true });
      expect(resultOf(s, 'seven_talks.cppcc_members')).toMatchObject({
        status: 'waived',
        evidence: ['w-1'],
      });
    });

    it('should have no effect when the waiver is not approved', () => {
      const s = completeSnapshot();
      const c = candidate(s);
      c.interviews = c.interviews.filter((i) => i.category !== 'cppcc_members');
      s.waivers.push({ id: 'w-1', rule: 'seven_talks.cppcc_members', candidateId: 'c1', approved: false });
      expect(resultOf(s, 'seven_talks.cppcc_members').status).toBe('unmet');
    });

    it('should have no effect when the waiver names another candidate', () => {
      const s = completeSnapshot();
      const c = candidate(s);
      c.interviews = c.interviews.filter((i) => i.category !== 'cppcc_members');
      s.waivers.push({ id: 'w-1', rule: 'seven_talks.cppcc_members', candidateId: 'c2', approved: true });
      expect(resultOf(s, 'seven_talks.cppcc_members').status).toBe('unmet');
    });

    it.each([
      ['six_consultations.community' as const, 'c1'],
      ['ten_haves.work_plan' as const, undefined],
      ['two_withouts.report_unverified' as const, undefined],
    ])('should have no effect when %s, a non-waivable rule, is waived', (rule, candidateId) => {
      const s = completeSnapshot();
      CASES[rule].fails(s);
      s.waivers.push({ id: 'w-x', rule, candidateId, approved: true });
      expect(resultOf(s, rule).status).toBe('unmet');
    });

    it('should waive a selection-wide competitive rule when approved', () => {
      const s = completeSnapshot();
      CASES['five_competitions.inspection'].fails(s);
      s.waivers.push({ id: 'w-2', rule: 'five_competitions.inspection', approved: true });
      expect(resultOf(s, 'five_competitions.inspection').status).toBe('waived');
    });
  });

  describe('reports and notices', () => {
    it('should keep a notice unmet when a report filed on its last day is not verified', () => {
      const s = completeSnapshot();
      s.reports.push({ id: 'rep-late', candidateId: 'c1', noticeId: 'n-pre', status: 'open' });
      expect(resultOf(s, 'three_notices.pre_appointment_notice').status).toBe('unmet');
      expect(resultOf(s, 'three_notices.pre_appointment_notice', 'c2').status).toBe('met');
    });

    it.each([
      ['unfounded', 'met'],
      ['minor', 'met'],
      ['serious', 'unmet'],
      ['unverifiable', 'unmet'],
    ] as const)('should be %s → %s for report_unverified when the report is closed so', (finding, status) => {
      const s = completeSnapshot();
      s.reports.push({ id: 'rep-1', candidateId: 'c2', status: 'closed', finding, findingAt: shanghai('2026-11-01') });
      expect(resultOf(s, 'two_withouts.report_unverified').status).toBe(status);
    });

    it('should say the hold limit has passed when an unverifiable report is older than 3 months', () => {
      const s = completeSnapshot();
      candidate(s, 'c2').state = 'on_hold';
      s.reports.push({ id: 'rep-1', candidateId: 'c2', status: 'closed', finding: 'unverifiable', findingAt: shanghai('2026-08-15') });
      expect(resultOf(s, 'two_withouts.report_unverified').detail).toContain('hold limit passed on 2026-11-15');
    });

    it('should ignore reports on candidates who are out of play when two_withouts is checked', () => {
      const s = completeSnapshot();
      candidate(s, 'c3').state = 'excluded';
      s.reports.push({ id: 'rep-1', candidateId: 'c3', status: 'closed', finding: 'serious' });
      candidate(s, 'c3').consultations[0].verdict = 'under_investigation';
      expect(resultOf(s, 'two_withouts.report_unverified').status).toBe('met');
      expect(resultOf(s, 'two_withouts.under_investigation').status).toBe('met');
    });

    it('should flag an investigation known from a letter rather than a consultation', () => {
      const s = completeSnapshot();
      candidate(s, 'c2').underInvestigation = [{ id: 'letter-1', by: 'procuratorate' }];
      expect(resultOf(s, 'two_withouts.under_investigation').detail).toContain('letter-1');
    });

    it('should treat a notice as not yet public when it starts after today', () => {
      const s = completeSnapshot();
      s.notices[3].startsOn = '2026-12-01';
      s.notices[3].endsOn = '2026-12-07';
      expect(resultOf(s, 'three_notices.pre_appointment_notice').detail).toContain('not published');
    });

    it('should accept a notice the moment its last working day ends at 24:00 in Shanghai', () => {
      const s = completeSnapshot();
      s.now = shanghai('2026-11-07', '00:00');
      expect(resultOf(s, 'three_notices.pre_appointment_notice').status).toBe('met');
    });
  });

  describe('recommendation validity', () => {
    it('should accept results 365 days old and refuse them at 366 days', () => {
      const s = completeSnapshot();
      s.recommendations[0].heldAt = shanghai('2025-11-30', '09:00');
      expect(resultOf(s, 'national.recommendation_validity').status).toBe('met');
      s.recommendations[0].heldAt = shanghai('2025-11-29', '09:00');
      expect(resultOf(s, 'national.recommendation_validity').status).toBe('unmet');
    });

    it('should judge only the latest results of a candidate when older ones exist', () => {
      const s = completeSnapshot();
      s.recommendations.push({ id: 'rec-old', kind: 'meeting', heldAt: shanghai('2024-01-10'), results: [{ candidateId: 'c1', count: 3 }] });
      expect(resultOf(s, 'national.recommendation_validity').status).toBe('met');
    });
  });

  describe('not applicable', () => {
    it.each([
      ['ten_haves.extended_inspection', noEarlierUnits],
      ['ten_haves.report_investigation', asIs],
      ['decision.secretary_last', asIs],
      ['supervision.remarks_answered', noRemarks],
    ] as [RuleId, Mutation][])('should mark %s not applicable when there is nothing to check', (rule, mutate) => {
      const s = completeSnapshot();
      mutate(s);
      expect(resultOf(s, rule).status).toBe('not_applicable');
    });
  });

  it('should evaluate a candidate out of play too, for the dossier of every candidate', () => {
    const s = completeSnapshot();
    candidate(s, 'c3').state = 'not_selected';
    candidate(s, 'c3').evaluations = [];
    expect(resultOf(s, 'ten_haves.democratic_evaluation', 'c3').status).toBe('unmet');
  });

  it('should be pure: the same snapshot gives the same verdict and is not modified', () => {
    const s = completeSnapshot();
    const copy = structuredClone(s);
    expect(evaluate(s, rulebook)).toEqual(evaluate(s, rulebook));
    expect(s).toEqual(copy);
  });
});
