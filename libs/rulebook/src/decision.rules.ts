import { RulebookError } from './errors';
import {
  list,
  met,
  missingInPlay,
  notApplicable,
  unmet,
  type Outcome,
  type RuleContext,
} from './rule-context';
import type { VoteSnapshot } from './snapshot';
import { secretaryMayVote, tallyVote, type VoteTally } from './vote.rules';

/** Rules on the committee's vote: its agenda, quorum, majority and the integrity of ballots. */

type DecisionRule = (ctx: RuleContext) => Outcome;

function votesInOrder(ctx: RuleContext): VoteSnapshot[] {
  return [...ctx.snapshot.votes].sort((a, b) => a.heldAt.getTime() - b.heldAt.getTime());
}

function competitiveVote(ctx: RuleContext): Outcome {
  const first = votesInOrder(ctx)[0];
  if (!first) {
    return unmet('no vote recorded');
  }
  // The agenda as voted: candidates who lost are not_selected afterwards by design.
  const size = first.results.length;
  return size > first.posts
    ? met([first.id])
    : unmet(`vote ${first.id} put ${size} candidates to the vote for ${first.posts} post(s)`);
}

function tally(vote: VoteSnapshot, ctx: RuleContext): VoteTally | string {
  try {
    return tallyVote(vote, ctx.params.quorum);
  } catch (error) {
    if (error instanceof RulebookError) {
      return `vote ${vote.id} is invalid: ${error.message}`;
    }
    throw error;
  }
}

function quorum(ctx: RuleContext): Outcome {
  const votes = votesInOrder(ctx);
  if (votes.length === 0) {
    return unmet('no vote recorded');
  }
  const { numerator: n, denominator: d } = ctx.params.quorum;
  const short = votes.filter((v) => v.members.filter((m) => m.present).length * d < v.members.length * n);
  return short.length > 0
    ? unmet(
        short
          .map((v) => `vote ${v.id}: ${v.members.filter((m) => m.present).length} of ${v.members.length} present, ${n}/${d} needed`)
          .join('; '),
      )
    : met(votes.map((v) => v.id));
}

function majority(ctx: RuleContext): Outcome {
  const votes = votesInOrder(ctx);
  if (votes.length === 0) {
    return unmet('no vote recorded');
  }
  const elected: string[] = [];
  let last: VoteTally | undefined;
  for (const vote of votes) {
    const result = tally(vote, ctx);
    if (typeof result === 'string') {
      return unmet(result);
    }
    elected.push(...result.elected);
    last = result;
  }
  if (last?.tie) {
    return unmet(
      `tie for the last ${last.tie.seats} seat(s) between ${list(last.tie.candidateIds)}: hold a new round`,
    );
  }
  if (elected.length === 0) {
    const members = votes[votes.length - 1].members.length;
    return unmet(`no candidate has agree votes from more than half of the ${members} members who should attend`);
  }
  return met(votes.map((v) => v.id));
}

function noAdHoc(ctx: RuleContext): Outcome {
  const deliberation = ctx.snapshot.deliberation;
  if (!deliberation) {
    return unmet('no deliberation recorded');
  }
  const through = new Set(deliberation.candidateIds);
  const adHoc = new Set([
    ...missingInPlay(ctx, through),
    ...ctx.snapshot.votes.flatMap((v) =>
      v.results.map((r) => r.candidateId).filter((id) => !through.has(id)),
    ),
  ]);
  return adHoc.size > 0
    ? unmet(`candidates ${list(adHoc)} did not come through deliberation ${deliberation.id}`)
    : met([deliberation.id]);
}

function secretaryLast(ctx: RuleContext): Outcome {
  const electronic = ctx.snapshot.votes.filter((v) => v.mode === 'electronic');
  if (electronic.length === 0) {
    return notApplicable('no electronic vote');
  }
  const problems: string[] = [];
  for (const vote of electronic) {
    const secretary = vote.members.find((m) => m.isSecretary);
    if (!secretary) {
      continue;
    }
    if (!vote.castOrder || !secretary.id) {
      problems.push(`vote ${vote.id} has no record of the order of ballots`);
      continue;
    }
    for (const { candidateId } of vote.results) {
      const order = vote.castOrder.filter((b) => b.candidateId === candidateId);
      const at = order.findIndex((b) => b.memberId === secretary.id);
      if (at < 0) {
        continue;
      }
      const others = vote.members
        .filter(
          (m) =>
            m.present &&
            !m.isSecretary &&
            m.id !== undefined &&
            !(m.recusedCandidateIds ?? []).includes(candidateId),
        )
        .map((m) => m.id as string);
      const before = order.slice(0, at).map((b) => b.memberId);
      if (!secretaryMayVote(others, before)) {
        problems.push(`vote ${vote.id}: the secretary voted on ${candidateId} before other members`);
      }
    }
  }
  return problems.length > 0 ? unmet(problems.join('; ')) : met(electronic.map((v) => v.id));
}

function recusal(ctx: RuleContext): Outcome {
  const votes = ctx.snapshot.votes;
  if (votes.length === 0) {
    return notApplicable('no vote recorded');
  }
  const problems: string[] = [];
  for (const vote of votes) {
    for (const r of vote.results) {
      const recused = vote.members.filter((m) => (m.recusedCandidateIds ?? []).includes(r.candidateId));
      const eligible = vote.members.filter((m) => m.present).length - recused.filter((m) => m.present).length;
      const cast = r.agree + r.disagree + r.defer;
      if (cast > eligible) {
        problems.push(`vote ${vote.id}: ${cast} ballots on ${r.candidateId} for ${eligible} eligible members`);
      }
      const recusedIds = new Set(recused.map((m) => m.id).filter((id) => id !== undefined));
      const intruders = (vote.castOrder ?? []).filter(
        (b) => b.candidateId === r.candidateId && recusedIds.has(b.memberId),
      );
      if (intruders.length > 0) {
        problems.push(
          `vote ${vote.id}: recused member(s) ${list(new Set(intruders.map((b) => b.memberId)))} voted on ${r.candidateId}`,
        );
      }
    }
  }
  return problems.length > 0 ? unmet(problems.join('; ')) : met(votes.map((v) => v.id));
}

export const DECISION_RULES = {
  'five_competitions.vote': competitiveVote,
  'decision.quorum': quorum,
  'decision.majority': majority,
  'decision.no_ad_hoc': noAdHoc,
  'decision.secretary_last': secretaryLast,
  'decision.recusal': recusal,
} as const satisfies Record<string, DecisionRule>;
