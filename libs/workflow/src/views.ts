import type { CadresService } from './services/cadres.service';
import type { GatesService } from './services/gates.service';
import type { RecordsService } from './services/records.service';
import type { SelectionsService } from './services/selections.service';
import type { VotesService } from './services/votes.service';
import type { WaiversService } from './services/waivers.service';
import type { describeRulebook } from './rulebook-view';

/**
 * Response types of the workflow API, inferred from the services that produce them, so that
 * clients (the web app) share them instead of retyping them. Dates are `Date` here and ISO
 * strings on the wire.
 */
export type SelectionListView = Awaited<ReturnType<SelectionsService['list']>>;
export type SelectionView = Awaited<ReturnType<SelectionsService['get']>>;
export type CandidateView = SelectionView['candidates'][number];
export type ChecklistView = Awaited<ReturnType<GatesService['checklist']>>;
export type AdvanceResult = Awaited<ReturnType<GatesService['advance']>>;
export type CandidateRecordsView = Awaited<ReturnType<RecordsService['candidate']>>;
export type CadreListView = Awaited<ReturnType<CadresService['list']>>;
export type WaiverView = Awaited<ReturnType<WaiversService['request']>>;
export type VoteView = Awaited<ReturnType<VotesService['get']>>;
export type OpenVoteView = Awaited<ReturnType<VotesService['openFor']>>[number];
export type VoteCloseResult = Awaited<ReturnType<VotesService['close']>>;
export type RulebookView = ReturnType<typeof describeRulebook>;
