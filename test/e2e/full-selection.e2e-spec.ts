import type { INestApplicationContext } from '@nestjs/common';
import { CONSULTED_UNIT_KINDS, type UnitKind } from '@app/identity';
import { addWorkingDays } from '@app/rulebook';
import { auth, startWorker, TestApp, waitFor, type TestUser } from './support/app';
import { binary, pdfText, useDevSigningKey } from './support/documents-fixtures';
import { advanceOk, fullRecords, MOTION_OK, newCadre, setClock, uniqueName, type CadreRef } from './support/workflow-fixtures';

/**
 * One selection from the motion to the appointment: 2 posts, 7 candidates, every gate passed
 * through the API, the checklist read after every step. Consultations are answered by the
 * units' respondents, notices published and elapsed with the test clock.
 */
describe('Full selection (e2e)', () => {
  let t: TestApp;
  let admin: TestUser;
  let inspectorA: TestUser;
  let inspectorB: TestUser;
  let committee: TestUser[];
  let secretary: TestUser;
  const respondents = new Map<UnitKind, TestUser>();
  let home: { id: string };
  let earlier: { id: string }[];
  let selectionId: string;

  let worker: INestApplicationContext;
  let restoreSigningKey: () => void;

  beforeAll(async () => {
    restoreSigningKey = await useDevSigningKey();
    t = await TestApp.start();
    worker = await startWorker();
    await setClock(t, '2026-12-01T10:00:00+08:00');
    admin = await t.newUser(['org_admin']);
    inspectorA = await t.newUser(['inspector']);
    inspectorB = await t.newUser(['inspector']);
    committee = [];
    for (let i = 0; i < 5; i++) committee.push(await t.newUser(['committee_member']));
    secretary = await t.newUser(['committee_member']);
    for (const kind of CONSULTED_UNIT_KINDS) {
      const unit = await t.newUnit(kind);
      respondents.set(kind, await t.newUser(['unit_respondent'], { unitId: unit.id }));
    }
    home = await t.newUnit('work_unit');
    earlier = [await t.newUnit('work_unit'), await t.newUnit('work_unit')];
  });

  afterAll(async () => {
    // Other files run on the real clock.
    await setClock(t, new Date().toISOString());
    await worker.close();
    await t.close();
    restoreSigningKey();
  });

  interface Checklist {
    stage: string;
    next: string | null;
    gate: { ok: boolean; unmet: { rule: string; candidateId?: string }[] };
    candidates: { id: string; name: string; state: string; rules: { rule: string; status: string; evidence: string[] }[] }[];
  }

  /** Polls a document until the worker has rendered (or sealed) it. */
  async function waitForDocument(id: string, status: 'draft' | 'final'): Promise<{ id: string; sha256: string }> {
    return waitFor(async () => {
      const doc = (await t.http.get(`/api/documents/${id}`).set(auth(admin)).expect(200)).body as { id: string; sha256: string; status: string };
      if (doc.status === 'failed') throw new Error(`document ${id} failed`);
      return doc.status === status ? doc : null;
    }, 60_000, 100);
  }

  async function checklist(): Promise<Checklist> {
    return (await t.http.get(`/api/selections/${selectionId}/checklist`).set(auth(admin)).expect(200)).body as Checklist;
  }

  /** The distinct rule ids that block the next transition. */
  async function blocking(): Promise<string[]> {
    return [...new Set((await checklist()).gate.unmet.map((u) => u.rule))].sort();
  }

  it('should take a selection from motion to appointment through every gate', async () => {
    // --- motion ---------------------------------------------------------------------------
    const created = await t.http.post('/api/selections').set(auth(admin)).send({ title: uniqueName('乡镇领导班子补充配备') }).expect(201);
    selectionId = created.body.id;
    expect(created.body).toMatchObject({ stage: 'motion', rulebookVersion: '2026.1' });
    expect(await blocking()).toEqual(['three_nots.no_candidate_pool', 'three_nots.no_specific_person', 'three_nots.no_specific_post']);
    await t.http.post(`/api/selections/${selectionId}/motion`).set(auth(admin)).send(MOTION_OK).expect(201);
    expect(await blocking()).toEqual([]);
    await advanceOk(t, admin, selectionId, 'nomination');

    // --- nomination: 2 posts, 7 candidates, one of whom served in three units ---------------
    const plan = await t.http
      .put(`/api/selections/${selectionId}/work-plan`)
      .set(auth(admin))
      .send({
        posts: [
          { title: '乡镇党委副书记', unitId: home.id, count: 1 },
          { title: '乡镇副镇长', unitId: home.id, count: 1 },
        ],
        conditions: '任职资格条件',
        pool: '全县符合条件的干部',
        method: '会议推荐与谈话推荐相结合',
        timetable: '2026年12月',
        teamUserIds: [inspectorA.id, inspectorB.id],
      })
      .expect(200);
    const postIds = (plan.body.posts as { id: string }[]).map((p) => p.id);
    expect(await blocking()).toEqual(['five_competitions.nomination']);
    const cadres: CadreRef[] = [];
    const earlierOf: string[][] = [];
    const candidateIds: string[] = [];
    for (let i = 0; i < 7; i++) {
      const units = i === 0 ? earlier.map((u) => u.id) : i % 2 === 0 ? [earlier[0].id] : [];
      cadres.push(await newCadre(t, admin, home.id, units));
      earlierOf.push(units);
      const c = await t.http
        .post(`/api/selections/${selectionId}/candidates`)
        .set(auth(admin))
        .send({
          cadreId: cadres[i].id,
          nominator: { name: '赵某', post: '县委书记', team: '县委常委会' },
          responsibilityStatement: '本人对提名人选的政治素质、廉洁情况负责',
          proposedPostId: postIds[i % 2],
        })
        .expect(201);
      candidateIds.push(c.body.id);
    }
    expect(await blocking()).toEqual([]);
    await advanceOk(t, admin, selectionId, 'recommendation');

    // --- recommendation ------------------------------------------------------------------------
    expect(await blocking()).toEqual(['ten_haves.meeting_recommendation', 'ten_haves.talk_recommendation']);
    await t.http
      .post(`/api/selections/${selectionId}/recommendations/meeting`)
      .set(auth(admin))
      .send({ heldAt: '2026-11-25T09:00:00+08:00', participants: 80, tallies: candidateIds.map((candidateId, i) => ({ candidateId, votes: 70 - i * 5 })) })
      .expect(201);
    expect(await blocking()).toEqual(['ten_haves.talk_recommendation']);
    await t.http
      .post(`/api/selections/${selectionId}/recommendations/talk`)
      .set(auth(admin))
      .send({ heldAt: '2026-11-26T09:00:00+08:00', results: candidateIds.map((candidateId, i) => ({ candidateId, mentions: 30 - i * 2 })) })
      .expect(201);
    expect(await blocking()).toEqual([]);
    await advanceOk(t, admin, selectionId, 'targets');

    // --- targets -------------------------------------------------------------------------------
    expect(await blocking()).toEqual(['ten_haves.advance_notice', 'ten_haves.target_meeting_minutes', 'ten_haves.target_notice']);
    // Six targets for two posts: the inspection ratio of 3 holds; the seventh is not selected.
    const targets = candidateIds.slice(0, 6);
    await t.http
      .post(`/api/selections/${selectionId}/target-meeting`)
      .set(auth(admin))
      .send({ heldAt: '2026-12-01T08:30:00+08:00', minutes: '部务会研究确定考察对象六名', candidateIds: targets })
      .expect(201);
    expect(await blocking()).toEqual(['ten_haves.advance_notice', 'ten_haves.target_notice']);
    await t.http
      .post(`/api/selections/${selectionId}/notices`)
      .set(auth(admin))
      .send({ kind: 'advance', candidateIds: targets, startsOn: '2026-12-01', inspectionStartsOn: addWorkingDays('2026-12-01', 2) })
      .expect(201);
    await t.http.post(`/api/selections/${selectionId}/notices`).set(auth(admin)).send({ kind: 'inspection', candidateIds: targets, startsOn: '2026-12-01' }).expect(201);
    expect(await blocking()).toEqual([]);
    await advanceOk(t, admin, selectionId, 'inspection');

    // --- inspection ----------------------------------------------------------------------------
    let list = await checklist();
    expect(list.candidates.find((c) => c.id === candidateIds[6])?.state).toBe('not_selected');
    await t.http.post(`/api/selections/${selectionId}/notices`).set(auth(admin)).send({ kind: 'performance', candidateIds: targets, startsOn: '2026-12-01' }).expect(201);
    for (const [i, cid] of targets.entries()) {
      await fullRecords(t, i % 2 === 0 ? inspectorA : inspectorB, cid, '2026-12-01T09:30:00+08:00', earlierOf[i]);
    }
    // Entering inspection opened one request per target and consulted unit; each unit answers its own.
    for (const kind of CONSULTED_UNIT_KINDS) {
      const respondent = respondents.get(kind)!;
      const mine = await t.http.get('/api/consultations').query({ selectionId, pageSize: 200 }).set(auth(respondent)).expect(200);
      expect(mine.body.items).toHaveLength(targets.length);
      for (const r of mine.body.items as { id: string }[]) {
        await t.http.post(`/api/consultations/${r.id}/opinion`).set(auth(respondent)).send({ verdict: 'no_adverse' }).expect(201);
      }
    }
    // Notices still running and no signed dossiers yet.
    expect(await blocking()).toEqual(['ten_haves.team_signatures', 'three_notices.inspection_notice', 'three_notices.performance_notice']);
    list = await checklist();
    const first = list.candidates.find((c) => c.id === candidateIds[0])!;
    expect(first.rules.find((r) => r.rule === 'ten_haves.extended_inspection')).toMatchObject({ status: 'met', evidence: [expect.any(String), expect.any(String)] });
    expect(first.rules.find((r) => r.rule === 'six_consultations.community')?.status).toBe('met');

    // Five working days from Tuesday 1 December end on Monday 7 December, 24:00.
    await setClock(t, '2026-12-08T10:00:00+08:00');
    expect(await blocking()).toEqual(['ten_haves.team_signatures']);
    // The team signs each target's dossier: render the draft, every member signs off its exact
    // bytes, the worker seals the final (十有 #10).
    for (const cid of targets) {
      const requested = await t.http.post(`/api/candidates/${cid}/dossier`).set(auth(inspectorA)).expect(202);
      const draft = await waitForDocument(requested.body.documentId as string, 'draft');
      await t.http.post(`/api/documents/${draft.id}/sign-offs`).set(auth(inspectorA)).send({ sha256: draft.sha256 }).expect(201);
      const last = await t.http.post(`/api/documents/${draft.id}/sign-offs`).set(auth(inspectorB)).send({ sha256: draft.sha256 }).expect(201);
      await waitForDocument(last.body.pendingFinalDocumentId as string, 'final');
    }
    expect(await blocking()).toEqual([]);
    await advanceOk(t, admin, selectionId, 'deliberation');

    // --- deliberation: four go to the vote -------------------------------------------------------
    const agenda = targets.slice(0, 4);
    expect(await blocking()).toEqual(['decision.no_ad_hoc']);
    await t.http
      .post(`/api/selections/${selectionId}/deliberation`)
      .set(auth(admin))
      .send({ heldAt: '2026-12-08T09:00:00+08:00', minutes: '书记专题会酝酿，四名人选提交常委会票决', candidateIds: agenda })
      .expect(201);
    expect(await blocking()).toEqual([]);
    await advanceOk(t, admin, selectionId, 'decision');

    // --- decision: electronic vote, one member absent, one recused, the secretary last ---------
    expect(await blocking()).toEqual(['decision.majority', 'decision.quorum', 'five_competitions.vote']);
    const vote = await t.http
      .post(`/api/selections/${selectionId}/votes`)
      .set(auth(admin))
      .send({
        heldAt: '2026-12-08T09:30:00+08:00',
        mode: 'electronic',
        members: [
          ...committee.map((u, i) => ({
            userId: u.id,
            name: `常委${i + 1}`,
            present: i !== 4,
            ...(i === 4 ? { absentReason: '外出学习' } : {}),
            ...(i === 3 ? { recused: [agenda[2]] } : {}),
          })),
          { userId: secretary.id, name: '书记', present: true, isSecretary: true },
        ],
      })
      .expect(201);
    const choices: Record<string, string[]> = {
      [agenda[0]]: ['agree', 'agree', 'agree', 'agree'],
      [agenda[1]]: ['agree', 'agree', 'agree', 'disagree'],
      [agenda[2]]: ['disagree', 'agree', 'defer'],
      [agenda[3]]: ['disagree', 'disagree', 'agree', 'defer'],
    };
    for (const cid of agenda) {
      const voters = committee.slice(0, 4).filter((_u, i) => !(i === 3 && cid === agenda[2]));
      for (const [i, u] of voters.entries()) {
        await t.http.post(`/api/votes/${vote.body.id}/ballots`).set(auth(u)).send({ candidateId: cid, choice: choices[cid][i] }).expect(201);
      }
      await t.http
        .post(`/api/votes/${vote.body.id}/ballots`)
        .set(auth(secretary))
        .send({ candidateId: cid, choice: cid === agenda[0] || cid === agenda[1] ? 'agree' : 'disagree' })
        .expect(201);
    }
    const result = await t.http.post(`/api/votes/${vote.body.id}/close`).set(auth(admin)).expect(200);
    expect(result.body).toMatchObject({ quorum: true, present: 5, shouldAttend: 6 });
    expect([...result.body.elected].sort()).toEqual([agenda[0], agenda[1]].sort());
    expect(await blocking()).toEqual([]);
    await advanceOk(t, admin, selectionId, 'pre_appointment_notice');

    // --- pre-appointment notice ------------------------------------------------------------------
    const elected = [agenda[0], agenda[1]];
    expect(await blocking()).toEqual(['three_notices.pre_appointment_notice']);
    await t.http.post(`/api/selections/${selectionId}/notices`).set(auth(admin)).send({ kind: 'pre_appointment', candidateIds: elected, startsOn: '2026-12-08' }).expect(201);
    expect(await blocking()).toEqual(['three_notices.pre_appointment_notice']);
    await setClock(t, '2026-12-15T10:00:00+08:00');
    expect(await blocking()).toEqual([]);
    await advanceOk(t, admin, selectionId, 'appointment');

    // --- appointment -----------------------------------------------------------------------------
    for (const cid of elected) {
      await t.http.post(`/api/selections/${selectionId}/appointments`).set(auth(admin)).send({ candidateId: cid, effectiveOn: '2026-12-16', trialPeriod: '一年' }).expect(201);
    }
    list = await checklist();
    expect(list).toMatchObject({ stage: 'appointment', next: null, gate: { ok: true, unmet: [] } });
    const states = Object.fromEntries(list.candidates.map((c) => [c.id, c.state]));
    expect(elected.map((id) => states[id])).toEqual(['appointed', 'appointed']);
    expect([agenda[2], agenda[3], targets[4], targets[5], candidateIds[6]].map((id) => states[id])).toEqual(Array(5).fill('not_selected'));
    await t.http.post(`/api/selections/${selectionId}/close`).set(auth(admin)).send({ reason: '任职工作完成' }).expect(200);

    const verify = await t.http.get('/api/audit/verify').query({ chain: selectionId }).set(auth(admin)).expect(200);
    expect(verify.body).toMatchObject({ ok: true, firstBroken: null });
    expect(verify.body.events).toBeGreaterThan(100);
  });

  // Supervision (issue 7): the documentary record of the selection above, from its audit chain.
  it('should tell the whole selection in order in its documentary record when it is closed', async () => {
    const res = await t.http.get(`/api/selections/${selectionId}/record`).set(auth(admin)).expect(200);
    const record = res.body as {
      auditChain: { verified: boolean; eventCount: number };
      stages: { stage: string; leftAt: string | null }[];
      steps: { seq: number; action: string; description: string; actor: { name: string } }[];
    };
    expect(record.auditChain.verified).toBe(true);
    expect(record.auditChain.eventCount).toBe(record.steps.length);
    expect(record.steps.map((s) => s.seq)).toEqual(record.steps.map((_s, i) => i + 1));
    expect(record.stages.map((s) => s.stage)).toEqual([
      'motion',
      'nomination',
      'recommendation',
      'targets',
      'inspection',
      'deliberation',
      'decision',
      'pre_appointment_notice',
      'appointment',
      'closed',
    ]);
    const actions = record.steps.map((s) => s.action);
    const firsts = [
      'selection.created',
      'motion.recorded',
      'work_plan.recorded',
      'candidate.nominated',
      'recommendation.meeting_recorded',
      'recommendation.talk_recorded',
      'target_meeting.recorded',
      'notice.published',
      'consultation.requested',
      'interview.recorded',
      'consultation.answered',
      'document.signed_off',
      'deliberation.recorded',
      'vote.created',
      'vote.ballot_cast',
      'vote.closed',
      'appointment.recorded',
      'selection.closed',
    ].map((a) => actions.indexOf(a));
    expect(firsts.every((i) => i >= 0)).toBe(true);
    expect(firsts).toEqual([...firsts].sort((a, b) => a - b));
    expect(record.steps.filter((s) => s.action === 'selection.advanced').map((s) => s.description)).toHaveLength(8);
    // Every step of a whole selection reads as a sentence, not as an action code.
    expect(record.steps.filter((s) => s.description.includes(s.action)).map((s) => s.action)).toEqual([]);

    const pdf = await t.http.get(`/api/selections/${selectionId}/record.pdf`).set(auth(admin)).buffer(true).parse(binary).expect(200);
    const text = pdfText(pdf.body as Buffer).replace(/\s+/g, '');
    expect(text).toContain('纪实');
    expect(text).toContain('审计链校验通过');
    expect(text).toContain('任前公示');
  });
});
