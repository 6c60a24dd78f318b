import { CONSULTED_UNIT_KINDS } from '@app/identity';
import { auth, waitFor, type TestApp, type TestUser } from '../../e2e/support/app';
import { advanceOk, fullRecords, setClock } from '../../e2e/support/workflow-fixtures';

/** One respondent per consulted unit kind, each of a unit of its own (created before the selection enters inspection). */
export async function consultedRespondents(t: TestApp): Promise<TestUser[]> {
  const out: TestUser[] = [];
  for (const kind of CONSULTED_UNIT_KINDS) {
    const unit = await t.newUnit(kind);
    out.push(await t.newUser(['unit_respondent'], { unitId: unit.id }));
  }
  return out;
}

/** Polls a document until the worker has rendered (draft) or sealed (final) it. */
export function documentReady(t: TestApp, reader: TestUser, id: string, status: 'draft' | 'final'): Promise<{ id: string; sha256: string }> {
  return waitFor(
    async () => {
      const doc = (await t.http.get(`/api/documents/${id}`).set(auth(reader)).expect(200)).body as { id: string; sha256: string; status: string };
      if (doc.status === 'failed') throw new Error(`document ${id} failed`);
      return doc.status === status ? doc : null;
    },
    90_000,
    100,
  );
}

/** Requests a dossier for a candidate and waits for the rendered draft. */
export async function renderDossier(t: TestApp, inspector: TestUser, candidateId: string): Promise<{ id: string; sha256: string }> {
  const requested = await t.http.post(`/api/candidates/${candidateId}/dossier`).set(auth(inspector)).expect(202);
  return documentReady(t, inspector, requested.body.documentId as string, 'draft');
}

export interface ThroughInspection {
  admin: TestUser;
  /** The two members of the inspection team. */
  team: [TestUser, TestUser];
  respondents: TestUser[];
  selectionId: string;
  candidateIds: string[];
  /** Today (YYYY-MM-DD, a working day): records are dated this morning. */
  today: string;
  /** A time after the 5-working-day notices published today have closed. */
  afterNotices: string;
  /** Candidates to put to the committee. */
  agenda: string[];
}

/**
 * From `inspection` to `decision` through the API, the way the full-selection e2e test goes:
 * the performance notice, every inspection record, every consulted unit's opinion, the notices
 * elapsed on the test clock, each dossier signed off by the team and sealed, the deliberation.
 * Unanswered supervision remarks must be answered by the caller first.
 */
export async function inspectionToDecision(t: TestApp, o: ThroughInspection): Promise<void> {
  const { admin, selectionId, candidateIds } = o;
  await t.http.post(`/api/selections/${selectionId}/notices`).set(auth(admin)).send({ kind: 'performance', candidateIds, startsOn: o.today }).expect(201);
  for (const [i, cid] of candidateIds.entries()) await fullRecords(t, o.team[i % 2], cid, `${o.today}T09:30:00+08:00`);
  for (const respondent of o.respondents) {
    const mine = await t.http.get('/api/consultations').query({ selectionId, status: 'pending', pageSize: 200 }).set(auth(respondent)).expect(200);
    for (const r of mine.body.items as { id: string }[]) {
      await t.http.post(`/api/consultations/${r.id}/opinion`).set(auth(respondent)).send({ verdict: 'no_adverse' }).expect(201);
    }
  }
  await setClock(t, o.afterNotices);
  for (const cid of candidateIds) {
    const draft = await renderDossier(t, o.team[0], cid);
    await t.http.post(`/api/documents/${draft.id}/sign-offs`).set(auth(o.team[0])).send({ sha256: draft.sha256 }).expect(201);
    const last = await t.http.post(`/api/documents/${draft.id}/sign-offs`).set(auth(o.team[1])).send({ sha256: draft.sha256 }).expect(201);
    await documentReady(t, admin, last.body.pendingFinalDocumentId as string, 'final');
  }
  await advanceOk(t, admin, selectionId, 'deliberation');
  await t.http
    .post(`/api/selections/${selectionId}/deliberation`)
    .set(auth(admin))
    .send({ heldAt: new Date(new Date(o.afterNotices).getTime() - 3600_000).toISOString(), minutes: '书记专题会酝酿，提交常委会票决', candidateIds: o.agenda })
    .expect(201);
  await advanceOk(t, admin, selectionId, 'decision');
}

/** An electronic vote on the agenda: `members` present, the last of them the secretary. */
export async function startElectronicVote(t: TestApp, admin: TestUser, selectionId: string, members: TestUser[], heldAt: string): Promise<string> {
  const res = await t.http
    .post(`/api/selections/${selectionId}/votes`)
    .set(auth(admin))
    .send({
      heldAt,
      mode: 'electronic',
      members: members.map((u, i) => ({ userId: u.id, name: i === members.length - 1 ? '书记' : `常委${i + 1}`, present: true, isSecretary: i === members.length - 1 })),
    })
    .expect(201);
  return res.body.id as string;
}
