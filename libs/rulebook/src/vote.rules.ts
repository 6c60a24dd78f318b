import { RulebookError, RulebookErrorCode } from './errors';
import { RULEBOOKS, CURRENT_RULEBOOK_VERSION, type Fraction } from './rulebooks';

/**
 * Vote arithmetic of the committee (常委会 / 党委会). The denominators matter:
 * - quorum compares those present with the members who should attend (应到会成员);
 * - approval needs agree votes from MORE than half of the members who should attend — not of
 *   those present, and not of those voting — so absences and recusals make approval harder,
 *   as the 条例 intends. Exactly half is a rejection.
 */

export interface VoteMember {
  readonly id?: string;
  readonly present: boolean;
  /** Candidates this member recuses on (conflict of interest): no ballot on them. */
  readonly recusedCandidateIds?: readonly string[];
  readonly isSecretary?: boolean;
}

export interface VoteCount {
  readonly candidateId: string;
  readonly agree: number;
  readonly disagree: number;
  readonly defer: number;
}

export interface VoteInput {
  /** Every member who should attend, present or not. */
  readonly members: readonly VoteMember[];
  /** Seats to fill in this round. */
  readonly posts: number;
  readonly results: readonly VoteCount[];
}

export interface CandidateTally extends VoteCount {
  /** Members present and not recused on this candidate: the most ballots there can be. */
  readonly eligibleVoters: number;
  readonly approved: boolean;
}

export interface VoteTally {
  readonly shouldAttend: number;
  readonly present: number;
  readonly quorum: { readonly met: boolean; readonly required: number };
  /** Agree votes needed for approval: more than half of `shouldAttend`. */
  readonly approvalThreshold: number;
  readonly candidates: readonly CandidateTally[];
  /** Approved candidates that fill a seat, most agree votes first. */
  readonly elected: readonly string[];
  /** Set when approved candidates tie for the last seat(s): nobody is elected to those seats. */
  readonly tie: { readonly candidateIds: readonly string[]; readonly seats: number } | null;
  /** Seats left open (no approved candidate, or a tie). */
  readonly openSeats: number;
}

function invalidVote(message: string, details: Record<string, unknown> = {}): never {
  throw new RulebookError(RulebookErrorCode.INVALID_VOTE, message, details);
}

function isCount(n: number): boolean {
  return Number.isInteger(n) && n >= 0;
}

/** Smallest number of members present that satisfies the quorum fraction (exact, no floats). */
export function quorumRequired(shouldAttend: number, quorum: Fraction): number {
  return Math.ceil((shouldAttend * quorum.numerator) / quorum.denominator);
}

export function tallyVote(
  input: VoteInput,
  quorum: Fraction = RULEBOOKS[CURRENT_RULEBOOK_VERSION].parameters.quorum,
): VoteTally {
  const { members, posts, results } = input;
  if (members.length === 0) {
    invalidVote('A vote needs the list of members who should attend');
  }
  if (!Number.isInteger(posts) || posts < 1) {
    invalidVote(`posts must be a positive integer, got ${posts}`, { posts });
  }
  if (members.filter((m) => m.isSecretary).length > 1) {
    invalidVote('A vote has at most one secretary');
  }
  const seen = new Set<string>();
  for (const r of results) {
    if (seen.has(r.candidateId)) {
      invalidVote(`Candidate ${r.candidateId} appears twice`, { candidateId: r.candidateId });
    }
    seen.add(r.candidateId);
  }

  const shouldAttend = members.length;
  const present = members.filter((m) => m.present).length;
  const required = quorumRequired(shouldAttend, quorum);
  // present / shouldAttend ≥ n / d, compared in integers so that exactly 2/3 passes.
  const quorumMet = present * quorum.denominator >= shouldAttend * quorum.numerator;
  const approvalThreshold = Math.floor(shouldAttend / 2) + 1;

  const candidates: CandidateTally[] = results.map((r) => {
    if (!isCount(r.agree) || !isCount(r.disagree) || !isCount(r.defer)) {
      invalidVote(`Counts for ${r.candidateId} must be non-negative integers`, {
        candidateId: r.candidateId,
      });
    }
    const eligibleVoters = members.filter(
      (m) => m.present && !(m.recusedCandidateIds ?? []).includes(r.candidateId),
    ).length;
    const cast = r.agree + r.disagree + r.defer;
    if (cast > eligibleVoters) {
      invalidVote(
        `${cast} ballots on ${r.candidateId} but only ${eligibleVoters} members present and not recused`,
        { candidateId: r.candidateId, cast, eligibleVoters },
      );
    }
    // agree > shouldAttend / 2, in integers: exactly half is a rejection. Without quorum
    // the meeting cannot decide at all, so nobody is approved.
    const approved = quorumMet && r.agree * 2 > shouldAttend;
    return { ...r, eligibleVoters, approved };
  });

  const ranked = candidates
    .filter((c) => c.approved)
    .sort((a, b) => b.agree - a.agree || a.candidateId.localeCompare(b.candidateId));

  let elected: string[];
  let tie: VoteTally['tie'] = null;
  if (ranked.length <= posts) {
    elected = ranked.map((c) => c.candidateId);
  } else {
    const lastSeatAgree = ranked[posts - 1].agree;
    if (ranked[posts].agree === lastSeatAgree) {
      // Those above the tied score are elected; the tied seats go to a new round.
      elected = ranked.filter((c) => c.agree > lastSeatAgree).map((c) => c.candidateId);
      tie = {
        candidateIds: ranked.filter((c) => c.agree === lastSeatAgree).map((c) => c.candidateId),
        seats: posts - elected.length,
      };
    } else {
      elected = ranked.slice(0, posts).map((c) => c.candidateId);
    }
  }

  return {
    shouldAttend,
    present,
    quorum: { met: quorumMet, required },
    approvalThreshold,
    candidates,
    elected,
    tie,
    openSeats: posts - elected.length,
  };
}

/**
 * 书记末位表态 in an electronic vote: the secretary may cast a ballot on a candidate only after
 * every other member who is present and not recused on that candidate has cast theirs.
 */
export function secretaryMayVote(
  presentNonRecusedNonSecretaryIds: readonly string[],
  votedIds: readonly string[],
): boolean {
  const voted = new Set(votedIds);
  return presentNonRecusedNonSecretaryIds.every((id) => voted.has(id));
}
