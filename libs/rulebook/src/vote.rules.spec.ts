import { RulebookErrorCode } from './errors';
import { secretaryMayVote, tallyVote, type VoteMember } from './vote.rules';

function members(present: number, absent = 0): VoteMember[] {
  return [
    ...Array.from({ length: present }, (_, i) => ({ id: `m${i + 1}`, present: true, isSecretary: i === 0 })),
    ...Array.from({ length: absent }, (_, i) => ({ id: `a${i + 1}`, present: false })),
  ];
}

describe(tallyVote.name, () => {
  describe('quorum', () => {
    it.each([
      [9, 6, 3, true, 'exactly 2/3 passes'],
      [9, 5, 4, false, 'just below 2/3 fails'],
      [10, 7, 3, true, '7 of 10 is above 2/3'],
      [10, 6, 4, false, '6 of 10 is below 2/3'],
      [12, 8, 4, true, 'exactly 8 of 12 passes'],
    ])('should, with %i members and %i present, say quorum %s → %s (%s)', (total, present, absent, met) => {
      expect(total).toBe(present + absent);
      const tally = tallyVote({ members: members(present, absent), posts: 1, results: [] });
      expect(tally.quorum.met).toBe(met);
      expect(tally.shouldAttend).toBe(total);
      expect(tally.present).toBe(present);
    });

    it('should approve nobody when quorum is not met', () => {
      const tally = tallyVote({
        members: members(5, 4),
        posts: 1,
        results: [{ candidateId: 'c1', agree: 5, disagree: 0, defer: 0 }],
      });
      expect(tally.candidates[0].approved).toBe(false);
      expect(tally.elected).toEqual([]);
    });
  });

  describe('majority of the members who should attend', () => {
    it.each([
      [10, 10, 5, false, 'agree equal to half of the members is a rejection'],
      [10, 10, 6, true, 'one more than half is approval'],
      [9, 9, 5, true, '5 of 9 is more than half'],
      [9, 9, 4, false, '4 of 9 is not'],
      [11, 8, 5, false, '5 of 8 present is a majority of those present but not of the 11 members'],
      [11, 8, 6, true, '6 of 11 members'],
    ])('should, with %i members, %i present and %i agree, approve: %s (%s)', (total, present, agree, approved) => {
      const tally = tallyVote({
        members: members(present, total - present),
        posts: 1,
        results: [{ candidateId: 'c1', agree, disagree: present - agree, defer: 0 }],
      });
      expect(tally.candidates[0].approved).toBe(approved);
      expect(tally.approvalThreshold).toBe(Math.floor(total / 2) + 1);
    });
  });

  describe('filling posts', () => {
    it('should elect the approved candidates with most agree votes when there are more than posts', () => {
      const tally = tallyVote({
        members: members(9),
        posts: 2,
        results: [
          { candidateId: 'c1', agree: 6, disagree: 3, defer: 0 },
          { candidateId: 'c2', agree: 8, disagree: 1, defer: 0 },
          { candidateId: 'c3', agree: 7, disagree: 2, defer: 0 },
        ],
      });
      expect(tally.elected).toEqual(['c2', 'c3']);
      expect(tally.tie).toBeNull();
      expect(tally.openSeats).toBe(0);
    });

    it('should elect nobody to the last seat and report the tied ids when there is a tie for it', () => {
      const tally = tallyVote({
        members: members(9),
        posts: 2,
        results: [
          { candidateId: 'c1', agree: 8, disagree: 1, defer: 0 },
          { candidateId: 'c2', agree: 6, disagree: 3, defer: 0 },
          { candidateId: 'c3', agree: 6, disagree: 2, defer: 1 },
        ],
      });
      expect(tally.elected).toEqual(['c1']);
      expect(tally.tie).toEqual({ candidateIds: ['c2', 'c3'], seats: 1 });
      expect(tally.openSeats).toBe(1);
    });

    it('should not call it a tie when the tied candidates both fit in the posts', () => {
      const tally = tallyVote({
        members: members(9),
        posts: 2,
        results: [
          { candidateId: 'c1', agree: 6, disagree: 3, defer: 0 },
          { candidateId: 'c2', agree: 6, disagree: 3, defer: 0 },
          { candidateId: 'c3', agree: 4, disagree: 5, defer: 0 },
        ],
      });
      expect(tally.elected).toEqual(['c1', 'c2']);
      expect(tally.tie).toBeNull();
    });

    it('should leave a seat open when fewer candidates are approved than posts', () => {
      const tally = tallyVote({
        members: members(9),
        posts: 2,
        results: [
          { candidateId: 'c1', agree: 7, disagree: 2, defer: 0 },
          { candidateId: 'c2', agree: 4, disagree: 5, defer: 0 },
        ],
      });
      expect(tally.elected).toEqual(['c1']);
      expect(tally.openSeats).toBe(1);
    });
  });

  describe('validation', () => {
    it.each([
      [
        'more ballots than members present and not recused',
        { members: members(7, 2), posts: 1, results: [{ candidateId: 'c1', agree: 6, disagree: 2, defer: 0 }] },
      ],
      [
        'a recused member counted',
        {
          members: [...members(8), { id: 'r', present: true, recusedCandidateIds: ['c1'] }],
          posts: 1,
          results: [{ candidateId: 'c1', agree: 7, disagree: 1, defer: 1 }],
        },
      ],
      ['negative counts', { members: members(9), posts: 1, results: [{ candidateId: 'c1', agree: -1, disagree: 0, defer: 0 }] }],
      ['no posts', { members: members(9), posts: 0, results: [] }],
      ['no members', { members: [], posts: 1, results: [] }],
      [
        'two secretaries',
        { members: [...members(8), { id: 's2', present: true, isSecretary: true }], posts: 1, results: [] },
      ],
      [
        'a candidate twice',
        {
          members: members(9),
          posts: 1,
          results: [
            { candidateId: 'c1', agree: 5, disagree: 0, defer: 0 },
            { candidateId: 'c1', agree: 5, disagree: 0, defer: 0 },
          ],
        },
      ],
    ])('should throw INVALID_VOTE when there are %s', (_label, input) => {
      expect(() => tallyVote(input)).toThrow(expect.objectContaining({ code: RulebookErrorCode.INVALID_VOTE }));
    });

    it('should accept ballots up to the members present and not recused', () => {
      const tally = tallyVote({
        members: [...members(8), { id: 'r', present: true, recusedCandidateIds: ['c1'] }],
        posts: 1,
        results: [{ candidateId: 'c1', agree: 7, disagree: 1, defer: 0 }],
      });
      expect(tally.candidates[0]).toMatchObject({ eligibleVoters: 8, approved: true });
    });
  });
});

describe(secretaryMayVote.name, () => {
  it.each([
    [['m2', 'm3'], ['m3', 'm2'], true, 'everyone else has voted'],
    [['m2', 'm3'], ['m2'], false, 'one member has not voted yet'],
    [[], [], true, 'the secretary is the only eligible member'],
    [['m2'], ['m2', 'm9'], true, 'extra ids (e.g. recused members) do not matter'],
  ])('should allow the secretary when others are %j and voted are %j: %s (%s)', (others, voted, expected) => {
    expect(secretaryMayVote(others, voted)).toBe(expected);
  });
});
