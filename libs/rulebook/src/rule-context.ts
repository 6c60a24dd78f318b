import type { Rulebook, RulebookParameters } from './rulebooks';
import type { CandidateSnapshot, SelectionSnapshot } from './snapshot';
import { isInPlay } from './stages';
import { toShanghaiDate, type IsoDate } from './working-days';

/** What one rule concludes before waivers are applied. */
export interface Outcome {
  readonly status: 'met' | 'unmet' | 'not_applicable';
  readonly evidence: readonly string[];
  readonly detail?: string;
}

export const met = (evidence: readonly string[] = []): Outcome => ({ status: 'met', evidence });
export const unmet = (detail: string, evidence: readonly string[] = []): Outcome => ({
  status: 'unmet',
  evidence,
  detail,
});
export const notApplicable = (detail: string): Outcome => ({
  status: 'not_applicable',
  evidence: [],
  detail,
});

/** Facts derived once per evaluation and shared by every rule. */
export interface RuleContext {
  readonly snapshot: SelectionSnapshot;
  readonly rulebook: Rulebook;
  readonly params: RulebookParameters;
  /** Asia/Shanghai calendar date of `snapshot.now`. */
  readonly today: IsoDate;
  /** Candidates in play (active or on hold): they count and their rules guard the gates. */
  readonly inPlay: readonly CandidateSnapshot[];
  readonly inPlayIds: ReadonlySet<string>;
  readonly totalPosts: number;
}

export function buildContext(snapshot: SelectionSnapshot, rulebook: Rulebook): RuleContext {
  const inPlay = snapshot.candidates.filter((c) => isInPlay(c.state));
  return {
    snapshot,
    rulebook,
    params: rulebook.parameters,
    today: toShanghaiDate(snapshot.now),
    inPlay,
    inPlayIds: new Set(inPlay.map((c) => c.id)),
    totalPosts: snapshot.posts.reduce((sum, p) => sum + p.count, 0),
  };
}

export function isBlank(text: string | undefined | null): boolean {
  return !text || text.trim().length === 0;
}

export function list(ids: Iterable<string>): string {
  return [...ids].join(', ');
}

/** Ids of candidates in play that `covered` does not include. */
export function missingInPlay(ctx: RuleContext, covered: Iterable<string>): string[] {
  const set = new Set(covered);
  return ctx.inPlay.filter((c) => !set.has(c.id)).map((c) => c.id);
}
