/**
 * Test data for this library's specs (not exported from index.ts). `completeSnapshot()` is a
 * selection at the inspection stage in which every rule holds; specs break one thing at a time.
 */
import { CHECK_ITEMS, CONSULTATION_UNITS, TALK_CATEGORIES } from './rules.catalogue';
import type { CandidateSnapshot, SelectionSnapshot } from './snapshot';

/** A writable deep copy type, so that a spec can break one field in place. */
export type Draft<T> = T extends Date
  ? Date
  : T extends ReadonlyArray<infer U>
    ? Draft<U>[]
    : T extends object
      ? { -readonly [K in keyof T]: Draft<T[K]> }
      : T;

export type SnapshotDraft = Draft<SelectionSnapshot>;
export type CandidateDraft = Draft<CandidateSnapshot>;

/** 10:00 in Shanghai on Monday 30 November 2026. */
export const NOW = new Date('2026-11-30T10:00:00+08:00');

export function shanghai(isoDate: string, time = '10:00'): Date {
  return new Date(`${isoDate}T${time}:00+08:00`);
}

export function completeCandidate(id: string, name: string): CandidateDraft {
  return {
    id,
    state: 'active',
    cadreId: `cadre-${id}`,
    cadreName: name,
    nominator: { name: '赵书记', post: '县委书记', team: '县委常委会' },
    responsibilityStatementId: `stmt-${id}`,
    interviews: TALK_CATEGORIES.map((category) => ({ id: `iv-${id}-${category}`, category })),
    checks: CHECK_ITEMS.map((item) => ({ id: `chk-${id}-${item}`, item })),
    consultations: CONSULTATION_UNITS.map((unit) => ({
      id: `con-${id}-${unit}`,
      unit,
      status: 'answered',
      verdict: 'no_adverse',
    })),
    evaluations: [{ id: `ev-${id}` }],
    earlierUnitIds: [`unit-old-${id}`],
    extendedInspections: [{ id: `ext-${id}`, unitId: `unit-old-${id}` }],
    personalMattersVerification: { id: `pm-${id}` },
    dossier: { finalDocumentId: `doc-${id}`, signedBy: ['t1', 't2'] },
    underInvestigation: [],
  };
}

export function completeSnapshot(): SnapshotDraft {
  const ids = ['c1', 'c2', 'c3'];
  return {
    selectionId: 'sel-1',
    stage: 'inspection',
    now: NOW,
    posts: [{ id: 'post-1', title: '正科级领导职务', count: 1 }],
    teamMemberIds: ['t1', 't2'],
    knownCadreNames: ['王建国', '李红梅', '陈志强', '周敏'],
    motion: {
      id: 'motion-1',
      direction: '选拔一名熟悉经济工作的正科级领导干部',
      criteria: '政治坚定，敢于担当，具有两年以上乡镇党委书记任职经历',
      requirements: '坚持民主、公开、竞争、择优，严格执行干部考察“十有”“七必谈”',
    },
    workPlan: {
      id: 'plan-1',
      posts: '正科级领导职务一名',
      conditions: '任职资格条件',
      pool: '全县符合条件的副科级以上干部',
      method: '会议推荐与谈话推荐相结合',
      timetable: '2026年9月至12月',
      team: '考察组两人',
    },
    recommendations: [
      {
        id: 'rec-meeting',
        kind: 'meeting',
        heldAt: shanghai('2026-06-01'),
        results: ids.map((candidateId, i) => ({ candidateId, count: 30 - i })),
      },
      {
        id: 'rec-talk',
        kind: 'talk',
        heldAt: shanghai('2026-06-02'),
        results: ids.map((candidateId, i) => ({ candidateId, count: 12 - i })),
      },
    ],
    targetMeeting: {
      id: 'tm-1',
      heldAt: shanghai('2026-08-20'),
      minutes: '会议确定王建国、李红梅、陈志强为考察对象',
      candidateIds: [...ids],
    },
    notices: [
      {
        id: 'n-advance',
        kind: 'advance',
        candidateIds: [...ids],
        startsOn: '2026-09-01',
        endsOn: '2026-09-07',
        published: true,
        inspectionStartsOn: '2026-09-03',
      },
      {
        id: 'n-inspection',
        kind: 'inspection',
        candidateIds: [...ids],
        startsOn: '2026-09-01',
        endsOn: '2026-09-07',
        published: true,
      },
      {
        id: 'n-performance',
        kind: 'performance',
        candidateIds: [...ids],
        startsOn: '2026-09-01',
        endsOn: '2026-09-07',
        published: true,
      },
      {
        id: 'n-pre',
        kind: 'pre_appointment',
        candidateIds: [...ids],
        startsOn: '2026-11-02',
        endsOn: '2026-11-06',
        published: true,
      },
    ],
    reports: [],
    deliberation: { id: 'delib-1', candidateIds: [...ids] },
    votes: [
      {
        id: 'vote-1',
        heldAt: shanghai('2026-10-20'),
        mode: 'tally',
        posts: 1,
        members: [
          { id: 'm1', present: true, isSecretary: true },
          ...['m2', 'm3', 'm4', 'm5', 'm6', 'm7', 'm8', 'm9'].map((id) => ({ id, present: true })),
        ],
        results: [
          { candidateId: 'c1', agree: 7, disagree: 2, defer: 0 },
          { candidateId: 'c2', agree: 3, disagree: 6, defer: 0 },
          { candidateId: 'c3', agree: 1, disagree: 8, defer: 0 },
        ],
      },
    ],
    waivers: [],
    supervisionRemarks: [{ id: 'remark-1', candidateId: 'c1', answered: true }],
    candidates: [
      completeCandidate('c1', '王建国'),
      completeCandidate('c2', '李红梅'),
      completeCandidate('c3', '陈志强'),
    ],
  };
}

export function candidate(s: SnapshotDraft, id = 'c1'): CandidateDraft {
  const found = s.candidates.find((c) => c.id === id);
  if (!found) {
    throw new Error(`no candidate ${id} in the fixture`);
  }
  return found;
}

/** Makes the single vote electronic with a lawful order of ballots: the secretary last. */
export function electronicVote(s: SnapshotDraft): void {
  const vote = s.votes[0];
  vote.mode = 'electronic';
  const members = vote.members.map((m) => m.id as string);
  const others = members.filter((m) => m !== 'm1');
  vote.castOrder = vote.results.flatMap(({ candidateId }) =>
    [...others, 'm1'].map((memberId) => ({ memberId, candidateId })),
  );
}
