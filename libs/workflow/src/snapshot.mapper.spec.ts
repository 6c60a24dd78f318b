import type { CadreEntity, CadrePostEntity, CandidateEntity, SelectionEntity } from '@app/cases';
import { checkGate, getRulebook } from '@app/rulebook';
import type { WaiverEntity } from './entities/selection-records.entity';
import type { VoteEntity, VoteMemberEntity, VoteParticipationEntity, VoteResultEntity } from './entities/vote.entity';
import { earlierUnitIds, latest, mergeCandidatePart, toSnapshot, type LoadedSelection } from './snapshot.mapper';

const at = (iso: string) => new Date(iso);

function candidate(id: string, cadreId: string, state: CandidateEntity['state'] = 'active'): CandidateEntity {
  return {
    id,
    selectionId: 's1',
    cadreId,
    state,
    stateReason: null,
    stateRule: null,
    stateChangedAt: at('2026-11-01T00:00:00Z'),
    nominatorName: '赵某',
    nominatorPost: '县委书记',
    nominatorTeam: '县委常委会',
    responsibilityStatement: '负责',
    proposedPostId: null,
    version: 1,
    createdAt: at('2026-11-01T00:00:00Z'),
    updatedAt: at('2026-11-01T00:00:00Z'),
  };
}

function loaded(over: Partial<LoadedSelection> = {}): LoadedSelection {
  return {
    selection: { id: 's1', stage: 'inspection', rulebookVersion: '2026.1' } as SelectionEntity,
    now: at('2026-12-01T02:00:00Z'),
    posts: [],
    teamMemberIds: ['t1', 't2'],
    knownCadreNames: [],
    motion: null,
    workPlan: null,
    recommendations: [],
    targetMeetings: [],
    deliberations: [],
    votes: [],
    waivers: [],
    candidates: [candidate('c1', 'k1'), candidate('c2', 'k2')],
    cadres: [
      { id: 'k1', name: '甲某', unitId: 'home' } as CadreEntity,
      { id: 'k2', name: '乙某', unitId: 'home' } as CadreEntity,
    ],
    cadrePosts: [
      { cadreId: 'k1', unitId: 'old1' } as CadrePostEntity,
      { cadreId: 'k1', unitId: 'home' } as CadrePostEntity,
      { cadreId: 'k1', unitId: 'old1' } as CadrePostEntity,
    ],
    interviews: [],
    checks: [],
    evaluations: [],
    extendedInspections: [],
    personalMatters: [],
    evidence: [],
    ...over,
  };
}

describe('toSnapshot', () => {
  it('should derive earlier units from the post history without the current unit when mapping candidates', () => {
    const snap = toSnapshot(loaded());
    expect(snap.candidates.map((c) => [c.id, c.cadreName, c.earlierUnitIds])).toEqual([
      ['c1', '甲某', ['old1']],
      ['c2', '乙某', []],
    ]);
    expect(snap.candidates[0].responsibilityStatementId).toBe('c1');
  });

  it('should merge feature evidence into candidates and the selection when parts are given', () => {
    const snap = toSnapshot(
      loaded({
        evidence: [
          { candidates: { c1: { consultations: [{ id: 'q1', unit: 'community', status: 'answered', verdict: 'no_adverse' }] } } },
          {
            notices: [{ id: 'n1', kind: 'inspection', candidateIds: ['c1'], startsOn: '2026-11-20', endsOn: '2026-11-26', published: true }],
            candidates: {
              c1: { consultations: [{ id: 'q2', unit: 'procuratorate', status: 'pending' }], dossier: { finalDocumentId: 'd1' } },
            },
          },
        ],
      }),
    );
    expect(snap.candidates[0].consultations.map((c) => c.id)).toEqual(['q1', 'q2']);
    expect(snap.candidates[0].dossier).toEqual({ finalDocumentId: 'd1' });
    expect(snap.candidates[1].consultations).toEqual([]);
    expect(snap.notices.map((n) => n.id)).toEqual(['n1']);
  });

  it('should keep only closed vote rounds and mark approved waivers when mapping decisions', () => {
    const vote = (id: string, round: number, status: VoteEntity['status']) =>
      ({ id, round, status, mode: 'electronic', posts: 1, agenda: ['c1'], heldAt: at('2026-11-30T01:00:00Z') }) as VoteEntity;
    const members = [{ id: 'm1', voteId: 'v2', position: 0, present: true, recusedCandidateIds: [], isSecretary: true }] as unknown as VoteMemberEntity[];
    const parts = [
      { seq: '10', voteId: 'v2', candidateId: 'c1', memberId: 'm2' },
      { seq: '9', voteId: 'v2', candidateId: 'c1', memberId: 'm1' },
    ] as VoteParticipationEntity[];
    const snap = toSnapshot(
      loaded({
        votes: [
          { vote: vote('v1', 1, 'void'), members: [], results: [], participations: [] },
          { vote: vote('v2', 2, 'closed'), members, results: [{ candidateId: 'c1', agree: 2, disagree: 0, defer: 0 } as VoteResultEntity], participations: parts },
          { vote: vote('v3', 3, 'open'), members: [], results: [], participations: [] },
        ],
        waivers: [
          { id: 'w1', rule: 'seven_talks.npc_deputies', candidateId: 'c1', approvedBy: 'u2' } as WaiverEntity,
          { id: 'w2', rule: 'seven_talks.staff', candidateId: 'c1', approvedBy: null } as WaiverEntity,
        ],
      }),
    );
    expect(snap.votes.map((v) => v.id)).toEqual(['v2']);
    expect(snap.votes[0].castOrder).toEqual([
      { memberId: 'm1', candidateId: 'c1' },
      { memberId: 'm2', candidateId: 'c1' },
    ]);
    expect(snap.waivers).toEqual([
      { id: 'w1', rule: 'seven_talks.npc_deputies', candidateId: 'c1', approved: true },
      { id: 'w2', rule: 'seven_talks.staff', candidateId: 'c1', approved: false },
    ]);
  });

  it('should give a snapshot the rulebook can judge when records are missing', () => {
    const gate = checkGate(toSnapshot(loaded()), 'deliberation', getRulebook('2026.1'));
    expect(gate.ok).toBe(false);
    expect(gate.unmet.filter((u) => u.candidateId === 'c1').map((u) => u.rule)).toContain('ten_haves.extended_inspection');
    expect(gate.unmet.filter((u) => u.candidateId === 'c2').map((u) => u.rule)).not.toContain('ten_haves.extended_inspection');
  });
});

describe('helpers', () => {
  it('should pick the meeting held last, then entered last, when a meeting was recorded twice', () => {
    const a = { id: 'a', heldAt: at('2026-11-01T00:00:00Z'), recordedAt: at('2026-11-02T00:00:00Z') };
    const b = { id: 'b', heldAt: at('2026-11-01T00:00:00Z'), recordedAt: at('2026-11-03T00:00:00Z') };
    expect(latest([a, b])?.id).toBe('b');
    expect(latest([])).toBeUndefined();
  });

  it('should return no earlier unit when the cadre is unknown and replace single values when merging', () => {
    expect(earlierUnitIds(undefined, [{ unitId: 'x' }])).toEqual(['x']);
    const base = toSnapshot(loaded()).candidates[0];
    expect(mergeCandidatePart(base, { dossier: { finalDocumentId: 'd2' } }).dossier).toEqual({ finalDocumentId: 'd2' });
  });
});
