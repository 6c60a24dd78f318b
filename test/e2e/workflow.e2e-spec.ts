import { auth, TestApp, type TestUser } from './support/app';
import {
  advance,
  advanceOk,
  fullRecords,
  MOTION_OK,
  newCadre,
  prepareInspection,
  rulesOf,
  selectionAt,
  setClock,
  uniqueName,
  validIdNumber,
  type UnmetEntry,
} from './support/workflow-fixtures';

const TODAY = '2026-12-01';
const NOW = `${TODAY}T10:00:00+08:00`;
const HELD = `${TODAY}T09:00:00+08:00`;

describe('Workflow (e2e)', () => {
  let t: TestApp;
  let admin: TestUser;
  let admin2: TestUser;
  let inspectorA: TestUser;
  let inspectorB: TestUser;
  let outsider: TestUser;
  let home: { id: string };
  let earlier1: { id: string };
  let earlier2: { id: string };
  const selections: string[] = [];

  beforeAll(async () => {
    t = await TestApp.start();
    await setClock(t, NOW);
    admin = await t.newUser(['org_admin']);
    admin2 = await t.newUser(['org_admin']);
    inspectorA = await t.newUser(['inspector']);
    inspectorB = await t.newUser(['inspector']);
    outsider = await t.newUser(['inspector']);
    home = await t.newUnit('work_unit');
    earlier1 = await t.newUnit('work_unit');
    earlier2 = await t.newUnit('work_unit');
  });

  afterAll(async () => {
    // Every write went to the selection's own chain; each must still verify.
    for (const id of selections) {
      const res = await t.http.get('/api/audit/verify').query({ chain: id }).set(auth(admin)).expect(200);
      expect(res.body).toMatchObject({ ok: true, firstBroken: null });
      expect(res.body.events).toBeGreaterThan(0);
    }
    // Other files run on the real clock.
    await setClock(t, new Date().toISOString());
    await t.close();
  });

  const track = <T extends { selectionId: string }>(s: T): T => {
    selections.push(s.selectionId);
    return s;
  };

  describe('rulebooks', () => {
    it('should list the rules with ids, labels, waivability and gates when asked by any user', async () => {
      const res = await t.http.get('/api/rulebooks/2026.1').set(auth(inspectorA)).expect(200);
      expect(res.body.parameters.inspectionRatio).toBe(3);
      const talk = res.body.rules.find((r: { id: string }) => r.id === 'seven_talks.cppcc_members');
      expect(talk).toMatchObject({ waivable: true, gate: 'inspection->deliberation', scope: 'candidate' });
      expect(talk.zh).toContain('政协委员');
      const list = await t.http.get('/api/rulebooks').set(auth(inspectorA)).expect(200);
      expect(list.body.map((r: { version: string }) => r.version)).toContain('2026.1');
      await t.http.get('/api/rulebooks/1999.9').set(auth(inspectorA)).expect(404);
    });
  });

  describe('cadre registry', () => {
    it('should store a cadre with a masked ID number and its earlier units when the input is valid', async () => {
      const idNumber = validIdNumber('1979-03-04');
      const res = await t.http
        .post('/api/cadres')
        .set(auth(admin))
        .send({
          name: uniqueName('王'),
          gender: 'female',
          birthDate: '1979-03-04',
          idNumber,
          currentPost: '局长',
          unitId: home.id,
          posts: [
            { unitId: earlier1.id, title: '副局长', from: '2012-01-01', to: '2016-01-01' },
            { unitId: earlier2.id, title: '科长', from: '2008-01-01', to: '2011-12-31' },
            { unitId: home.id, title: '局长', from: '2016-01-02' },
          ],
        })
        .expect(201);
      expect(res.body.idNumber).toBe(`${idNumber.slice(0, 4)}**********${idNumber.slice(-4)}`);
      expect(res.body.earlierUnitIds.sort()).toEqual([earlier1.id, earlier2.id].sort());
      const row = await t.dataSource.query<{ id_number_enc: string; id_number_digest: string }[]>('SELECT id_number_enc, id_number_digest FROM cadre WHERE id = $1', [
        res.body.id,
      ]);
      expect(row[0].id_number_enc).not.toContain(idNumber.slice(6, 14));
      expect(row[0].id_number_digest).toMatch(/^[0-9a-f]{64}$/);

      const dup = await t.http
        .post('/api/cadres')
        .set(auth(admin))
        .send({ name: uniqueName('重'), gender: 'male', birthDate: '1979-03-04', idNumber: idNumber.toLowerCase(), currentPost: '科员', unitId: home.id, posts: [] })
        .expect(409);
      expect(dup.body.code).toBe('DUPLICATE_ID_NUMBER');

      const found = await t.http.get('/api/cadres').query({ q: res.body.name.slice(1) }).set(auth(admin)).expect(200);
      expect(found.body.items.map((c: { id: string }) => c.id)).toEqual([res.body.id]);
      const one = await t.http.get(`/api/cadres/${res.body.id}`).set(auth(admin)).expect(200);
      expect(one.body.posts).toHaveLength(3);
      await t.http.get('/api/cadres').set(auth(inspectorA)).expect(403);
    });

    it('should refuse an ID number when its check digit is wrong', async () => {
      const good = validIdNumber();
      const bad = `${good.slice(0, 17)}${good[17] === '1' ? '2' : '1'}`;
      const res = await t.http
        .post('/api/cadres')
        .set(auth(admin))
        .send({ name: uniqueName(), gender: 'male', birthDate: '1980-05-12', idNumber: bad, currentPost: '科员', unitId: home.id, posts: [] })
        .expect(400);
      expect(res.body.errors).toEqual([{ field: 'idNumber', message: expect.stringContaining('校验位') }]);
    });

    it('should record the residence community, and refuse a unit that is not a community', async () => {
      const community = await t.newUnit('community');
      const base = { gender: 'female', birthDate: '1984-02-03', currentPost: '科员', unitId: home.id, posts: [] };
      const ok = await t.http
        .post('/api/cadres')
        .set(auth(admin))
        .send({ ...base, name: uniqueName('社'), idNumber: validIdNumber(), communityUnitId: community.id })
        .expect(201);
      expect(ok.body.communityUnitId).toBe(community.id);
      const bad = await t.http
        .post('/api/cadres')
        .set(auth(admin))
        .send({ ...base, name: uniqueName('社'), idNumber: validIdNumber(), communityUnitId: home.id })
        .expect(400);
      expect(bad.body.errors).toEqual([{ field: 'communityUnitId', message: expect.any(String) }]);
    });
  });

  describe('selections and motion', () => {
    it('should refuse an unknown rulebook version naming the field', async () => {
      const res = await t.http.post('/api/selections').set(auth(admin)).send({ title: '测试', rulebookVersion: '1999.1' }).expect(400);
      expect(res.body.errors[0].field).toBe('rulebookVersion');
    });

    it('should refuse motion → nomination with the three motion rules when no motion is recorded', async () => {
      const s = track(await selectionAt(t, admin, 'motion', { homeUnitId: home.id }));
      const res = await advance(t, admin, s.selectionId, 'nomination').expect(409);
      expect(res.body.code).toBe('GATE_UNMET');
      expect(rulesOf(res.body.unmet)).toEqual(['three_nots.no_candidate_pool', 'three_nots.no_specific_person', 'three_nots.no_specific_post']);
      expect(res.body.unmet[0]).toMatchObject({ zh: expect.any(String), en: expect.any(String) });
    });

    it('should refuse a motion with 422 when it names a registered cadre', async () => {
      const cadre = await newCadre(t, admin, home.id, [], uniqueName('张'));
      const s = track(await selectionAt(t, admin, 'motion', { homeUnitId: home.id }));
      const res = await t.http
        .post(`/api/selections/${s.selectionId}/motion`)
        .set(auth(admin))
        .send({ ...MOTION_OK, criteria: `像${cadre.name}同志那样敢于担当` })
        .expect(422);
      expect(res.body.code).toBe('THREE_NOTS_VIOLATED');
      expect(res.body.unmet).toEqual([expect.objectContaining({ rule: 'three_nots.no_specific_person', matches: [cadre.name] })]);
      await t.http.post(`/api/selections/${s.selectionId}/motion`).set(auth(admin)).send(MOTION_OK).expect(201);
      await advanceOk(t, admin, s.selectionId, 'nomination');
      // Recording a motion belongs to the motion stage only.
      const late = await t.http.post(`/api/selections/${s.selectionId}/motion`).set(auth(admin)).send(MOTION_OK).expect(409);
      expect(late.body.code).toBe('INVALID_STAGE');
    });

    it('should answer 409 INVALID_TRANSITION when skipping a stage', async () => {
      const s = track(await selectionAt(t, admin, 'motion', { homeUnitId: home.id }));
      const res = await advance(t, admin, s.selectionId, 'targets').expect(409);
      expect(res.body.code).toBe('INVALID_TRANSITION');
    });
  });

  describe('nomination and recommendation gates', () => {
    it('should refuse nomination → recommendation with five_competitions.nomination when there are not more candidates than posts', async () => {
      const s = track(await selectionAt(t, admin, 'nomination', { homeUnitId: home.id, posts: [2], candidates: 2 }));
      const res = await advance(t, admin, s.selectionId, 'recommendation').expect(409);
      expect(rulesOf(res.body.unmet)).toEqual(['five_competitions.nomination']);
      const dup = await t.http
        .post(`/api/selections/${s.selectionId}/candidates`)
        .set(auth(admin))
        .send({ cadreId: s.cadres[0].id, nominator: { name: '赵某', post: '县委书记', team: '县委常委会' }, responsibilityStatement: '负责' })
        .expect(409);
      expect(dup.body.code).toBe('DUPLICATE_CANDIDATE');
      const third = await newCadre(t, admin, home.id);
      await t.http
        .post(`/api/selections/${s.selectionId}/candidates`)
        .set(auth(admin))
        .send({ cadreId: third.id, nominator: { name: '赵某', post: '县委书记', team: '县委常委会' }, responsibilityStatement: '负责', proposedPostId: s.postIds[0] })
        .expect(201);
      await advance(t, admin, s.selectionId, 'recommendation').expect(200);
      const detail = await t.http.get(`/api/selections/${s.selectionId}`).set(auth(admin)).expect(200);
      expect(detail.body.stage).toBe('recommendation');
      expect(detail.body.candidates).toHaveLength(3);
      expect(detail.body.candidates[2]).toMatchObject({ name: third.name, state: 'active', proposedPostId: s.postIds[0] });
    });

    it('should refuse recommendation → targets with both recommendation records when none is recorded', async () => {
      const s = track(await selectionAt(t, admin, 'nomination', { homeUnitId: home.id, candidates: 2 }));
      await advanceOk(t, admin, s.selectionId, 'recommendation');
      const res = await advance(t, admin, s.selectionId, 'targets').expect(409);
      expect(rulesOf(res.body.unmet)).toEqual(['ten_haves.meeting_recommendation', 'ten_haves.talk_recommendation']);
      const bad = await t.http
        .post(`/api/selections/${s.selectionId}/recommendations/meeting`)
        .set(auth(admin))
        .send({ heldAt: HELD, participants: 10, tallies: [{ candidateId: '00000000-0000-4000-8000-000000000000', votes: 3 }] })
        .expect(400);
      expect(bad.body.errors[0].field).toBe('tallies.0.candidateId');
    });

    it('should block the next transition when a withdrawal breaks the competitive ratio, until a waiver is approved by another org_admin', async () => {
      const s = track(await selectionAt(t, admin, 'recommendation', { homeUnitId: home.id, candidates: 2 }));
      await t.http.post(`/api/selections/${s.selectionId}/candidates/${s.candidateIds[1]}/withdraw`).set(auth(admin)).send({ reason: '本人申请退出' }).expect(200);
      const res = await advance(t, admin, s.selectionId, 'targets').expect(409);
      expect(rulesOf(res.body.unmet)).toEqual(['five_competitions.recommendation']);

      const notWaivable = await t.http
        .post(`/api/selections/${s.selectionId}/waivers`)
        .set(auth(admin))
        .send({ rule: 'ten_haves.work_plan', reason: '试图豁免' })
        .expect(422);
      expect(notWaivable.body).toMatchObject({ code: 'RULE_NOT_WAIVABLE', rule: 'ten_haves.work_plan' });

      const waiver = await t.http
        .post(`/api/selections/${s.selectionId}/waivers`)
        .set(auth(admin))
        .send({ rule: 'five_competitions.recommendation', reason: '符合条件人选不足，经部务会研究' })
        .expect(201);
      const self = await t.http.post(`/api/waivers/${waiver.body.id}/approve`).set(auth(admin)).expect(403);
      expect(self.body.code).toBe('SELF_APPROVAL');
      // A pending waiver has no effect.
      await advance(t, admin, s.selectionId, 'targets').expect(409);
      await t.http.post(`/api/waivers/${waiver.body.id}/approve`).set(auth(admin2)).expect(200);

      const checklist = await t.http.get(`/api/selections/${s.selectionId}/checklist`).set(auth(admin)).expect(200);
      expect(checklist.body.selectionRules.find((r: { rule: string }) => r.rule === 'five_competitions.recommendation')).toMatchObject({
        status: 'waived',
        evidence: [waiver.body.id],
      });
      expect(checklist.body.gate).toMatchObject({ ok: true, unmet: [] });
      expect(checklist.body.candidates.find((c: { id: string }) => c.id === s.candidateIds[1])).toMatchObject({ state: 'withdrawn', name: s.cadres[1].name });
      await advance(t, admin, s.selectionId, 'targets').expect(200);

      const events = await t.http.get('/api/audit/events').query({ selectionId: s.selectionId, entity: 'waiver' }).set(auth(admin)).expect(200);
      expect(events.body.items.map((e: { action: string }) => e.action)).toEqual(['waiver.requested', 'waiver.approved']);
    });

    it('should refuse a waiver of a per-candidate rule without a candidate naming the field', async () => {
      const s = track(await selectionAt(t, admin, 'nomination', { homeUnitId: home.id, candidates: 2 }));
      const res = await t.http.post(`/api/selections/${s.selectionId}/waivers`).set(auth(admin)).send({ rule: 'seven_talks.cppcc_members', reason: '无政协委员' }).expect(400);
      expect(res.body.errors[0].field).toBe('candidateId');
    });
  });

  describe('targets → inspection', () => {
    it('should refuse with every missing rule when nothing is prepared, then pass when it is', async () => {
      const s = track(await selectionAt(t, admin, 'targets', { homeUnitId: home.id, candidates: 2, team: [inspectorA] }));
      const res = await advance(t, admin, s.selectionId, 'inspection').expect(409);
      expect(rulesOf(res.body.unmet)).toEqual([
        'five_competitions.inspection',
        'national.team_size',
        'ten_haves.advance_notice',
        'ten_haves.target_meeting_minutes',
        'ten_haves.target_notice',
      ]);

      const third = await newCadre(t, admin, home.id);
      const c3 = await t.http
        .post(`/api/selections/${s.selectionId}/candidates`)
        .set(auth(admin))
        .send({ cadreId: third.id, nominator: { name: '赵某', post: '县委书记', team: '县委常委会' }, responsibilityStatement: '负责' })
        .expect(201);
      const all = [...s.candidateIds, c3.body.id as string];
      await t.http
        .put(`/api/selections/${s.selectionId}/work-plan`)
        .set(auth(admin))
        .send({
          posts: [{ id: s.postIds[0], title: '乡镇副职', unitId: home.id, count: 1 }],
          conditions: '条件',
          pool: '范围',
          method: '方式',
          timetable: '时间',
          teamUserIds: [inspectorA.id, inspectorB.id],
        })
        .expect(200);
      await prepareInspection(t, admin, s.selectionId, all, TODAY);
      const ok = await advance(t, admin, s.selectionId, 'inspection').expect(200);
      expect(ok.body.stage).toBe('inspection');
    });

    it('should refuse a team member who is not an inspector naming the field', async () => {
      const s = track(await selectionAt(t, admin, 'nomination', { homeUnitId: home.id, candidates: 2 }));
      const res = await t.http
        .put(`/api/selections/${s.selectionId}/work-plan`)
        .set(auth(admin))
        .send({ posts: [{ title: '副职', unitId: home.id, count: 1 }], conditions: '条件', pool: '范围', method: '方式', timetable: '时间', teamUserIds: [admin.id] })
        .expect(400);
      expect(res.body.errors[0].field).toBe('teamUserIds.0');
    });
  });

  describe('inspection records and inspection → deliberation', () => {
    let s: { selectionId: string; candidateIds: string[] };

    beforeAll(async () => {
      const sc = track(await selectionAt(t, admin, 'targets', { homeUnitId: home.id, candidates: 3, team: [inspectorA, inspectorB], earlierUnitIds: [earlier1.id] }));
      await prepareInspection(t, admin, sc.selectionId, sc.candidateIds, TODAY);
      await advanceOk(t, admin, sc.selectionId, 'inspection');
      s = sc;
    });

    it('should let a team inspector write records and keep others out', async () => {
      const [c1] = s.candidateIds;
      const body = { category: 'staff', intervieweeName: '王某', intervieweePost: '科员', heldAt: '2026-11-30T15:00:00+08:00', summary: '反映良好' };
      const res = await t.http.post(`/api/candidates/${c1}/interviews`).set(auth(inspectorA)).send(body).expect(201);
      expect(res.body).toMatchObject({ category: 'staff', candidateId: c1, recordedBy: inspectorA.id });
      expect([403, 404]).toContain((await t.http.post(`/api/candidates/${c1}/interviews`).set(auth(outsider)).send(body)).status);
      const unknown = await t.http.post(`/api/candidates/${c1}/interviews`).set(auth(inspectorA)).send({ ...body, category: 'friends' }).expect(400);
      expect(unknown.body.errors[0].field).toBe('category');
      const future = await t.http.post(`/api/candidates/${c1}/interviews`).set(auth(inspectorA)).send({ ...body, heldAt: '2027-01-01T09:00:00+08:00' }).expect(400);
      expect(future.body.errors[0].field).toBe('heldAt');
      // The audit keeps the record's own date and when it was entered.
      const ev = await t.http.get('/api/audit/events').query({ selectionId: s.selectionId, entity: 'interview', entityId: res.body.id }).set(auth(admin)).expect(200);
      expect(ev.body.items[0].after).toMatchObject({ heldAt: new Date(body.heldAt).toISOString(), recordedAt: expect.any(String) });
    });

    it('should refuse an extended inspection of a unit that is not one of the cadre earlier units', async () => {
      const [, c2] = s.candidateIds;
      // The inspector's form offers the earlier units by name from the candidate view (inspectors may not list /units).
      const view = await t.http.get(`/api/candidates/${c2}`).set(auth(inspectorB)).expect(200);
      const unit = (await t.dataSource.query<{ name: string }[]>('SELECT name FROM unit WHERE id = $1', [earlier1.id]))[0];
      expect(view.body.earlierUnits).toEqual([{ id: earlier1.id, name: unit.name }]);
      await t.http.get('/api/units').set(auth(inspectorB)).expect(403);
      const res = await t.http.post(`/api/candidates/${c2}/extended-inspections`).set(auth(inspectorB)).send({ unitId: earlier2.id, summary: '延伸' }).expect(400);
      expect(res.body.errors[0].field).toBe('unitId');
      await t.http.post(`/api/candidates/${c2}/extended-inspections`).set(auth(inspectorB)).send({ unitId: earlier1.id, summary: '延伸' }).expect(201);
    });

    it('should refuse inspection → deliberation listing each candidate missing per-candidate rules', async () => {
      const [c1, , c3] = s.candidateIds;
      await fullRecords(t, inspectorA, c3, HELD, [earlier1.id]);
      const res = await advance(t, admin, s.selectionId, 'deliberation').expect(409);
      const unmet = res.body.unmet as UnmetEntry[];
      const outside = ['six_consultations', 'ten_haves.team_signatures', 'three_notices'];
      const mine = (cid: string) => rulesOf(unmet, cid).filter((r) => !outside.some((o) => r.startsWith(o)));
      // c1 has only the staff interview: every other record of this module is missing.
      expect(mine(c1)).toEqual(
        [
          'national.personal_matters_report',
          'seven_talks.cppcc_members',
          'seven_talks.leadership_team',
          'seven_talks.npc_deputies',
          'seven_talks.party_delegates',
          'seven_talks.service_recipients',
          'seven_talks.superior_leader',
          'six_checks.annual_appraisals',
          'six_checks.neighbourhood',
          'six_checks.personnel_file',
          'six_checks.petitions',
          'six_checks.public_opinion',
          'six_checks.training',
          'ten_haves.democratic_evaluation',
          'ten_haves.extended_inspection',
        ].sort(),
      );
      expect(mine(c3)).toEqual([]);
      // Silence is never clearance and the notices have not elapsed: still unmet for the complete candidate.
      expect(rulesOf(unmet, c3)).toEqual(expect.arrayContaining(['six_consultations.discipline_commission', 'three_notices.inspection_notice', 'ten_haves.team_signatures']));

      const checklist = await t.http.get(`/api/selections/${s.selectionId}/checklist`).set(auth(inspectorA)).expect(200);
      expect(checklist.body).toMatchObject({ stage: 'inspection', next: 'deliberation', gate: { ok: false } });
      expect(checklist.body.gate.unmet).toEqual(unmet);
      const cand = checklist.body.candidates.find((c: { id: string }) => c.id === c3);
      expect(cand.rules.find((r: { rule: string }) => r.rule === 'ten_haves.extended_inspection')).toMatchObject({ status: 'met', evidence: [expect.any(String)] });

      const one = await t.http.get(`/api/candidates/${c3}`).set(auth(inspectorB)).expect(200);
      expect(one.body.interviews).toHaveLength(7);
      expect(one.body.checks).toHaveLength(6);
      expect(one.body.rules.find((r: { rule: string }) => r.rule === 'seven_talks.staff').status).toBe('met');
      await t.http.get(`/api/candidates/${c3}`).set(auth(outsider)).expect(404);
    });

    it('should let exactly one of two concurrent advances through when two clerks act at once', async () => {
      const sc = track(await selectionAt(t, admin, 'nomination', { homeUnitId: home.id, candidates: 2 }));
      const results = await Promise.all([advance(t, admin, sc.selectionId, 'recommendation'), advance(t, admin2, sc.selectionId, 'recommendation')]);
      const statuses = results.map((r) => r.status).sort();
      expect(statuses).toEqual([200, 409]);
      const loser = results.find((r) => r.status === 409)!;
      expect(['CONFLICT', 'INVALID_TRANSITION']).toContain(loser.body.code);
      const detail = await t.http.get(`/api/selections/${sc.selectionId}`).set(auth(admin)).expect(200);
      expect(detail.body.stage).toBe('recommendation');
      const ev = await t.http.get('/api/audit/events').query({ selectionId: sc.selectionId, entity: 'selection' }).set(auth(admin)).expect(200);
      expect(ev.body.items.filter((e: { action: string; after: { stage: string } }) => e.action === 'selection.advanced' && e.after.stage === 'recommendation')).toHaveLength(1);
    });

    it('should answer 409 CONFLICT at once when another transaction holds the selection', async () => {
      const sc = track(await selectionAt(t, admin, 'nomination', { homeUnitId: home.id, candidates: 2 }));
      const other = t.dataSource.createQueryRunner();
      await other.connect();
      await other.startTransaction();
      try {
        await other.query('SELECT id FROM selection WHERE id = $1 FOR UPDATE', [sc.selectionId]);
        const res = await advance(t, admin, sc.selectionId, 'recommendation').expect(409);
        expect(res.body.code).toBe('CONFLICT');
        const plan = await t.http
          .put(`/api/selections/${sc.selectionId}/work-plan`)
          .set(auth(admin))
          .send({ posts: [{ title: '副职', unitId: home.id, count: 1 }], conditions: '条件', pool: '范围', method: '方式', timetable: '时间', teamUserIds: [] })
          .expect(409);
        expect(plan.body.code).toBe('CONFLICT');
      } finally {
        await other.rollbackTransaction();
        await other.release();
      }
      await advance(t, admin, sc.selectionId, 'recommendation').expect(200);
    });

    it('should refuse a stale expectedVersion with 409 CONFLICT', async () => {
      const sc = track(await selectionAt(t, admin, 'nomination', { homeUnitId: home.id, candidates: 2 }));
      const detail = await t.http.get(`/api/selections/${sc.selectionId}`).set(auth(admin)).expect(200);
      const stale = await t.http
        .post(`/api/selections/${sc.selectionId}/advance`)
        .set({ ...auth(admin), 'If-Match': String(detail.body.version - 1) })
        .send({ to: 'recommendation' })
        .expect(409);
      expect(stale.body.code).toBe('CONFLICT');
      await t.http
        .post(`/api/selections/${sc.selectionId}/advance`)
        .set(auth(admin))
        .send({ to: 'recommendation', expectedVersion: detail.body.version })
        .expect(200);
    });
  });

  describe('deliberation, votes and appointment', () => {
    let committee: TestUser[];
    let secretary: TestUser;

    /** At deliberation (set directly: the earlier gates need the documents module's signed dossiers). */
    async function atDecision(candidates: number, posts = 1) {
      const sc = track(await selectionAt(t, admin, 'recommendation', { homeUnitId: home.id, candidates, posts: [posts] }));
      await t.dataSource.query(`UPDATE selection SET stage = 'deliberation' WHERE id = $1`, [sc.selectionId]);
      await t.http
        .post(`/api/selections/${sc.selectionId}/deliberation`)
        .set(auth(admin))
        .send({ heldAt: HELD, minutes: '书记专题会酝酿', candidateIds: sc.candidateIds })
        .expect(201);
      await advanceOk(t, admin, sc.selectionId, 'decision');
      return sc;
    }

    const members = (present: boolean[] = [true, true, true, true, true]) => [
      ...committee.map((u, i) => ({ userId: u.id, name: `常委${i}`, present: present[i] })),
      { userId: secretary.id, name: '书记', present: true, isSecretary: true },
    ];

    beforeAll(async () => {
      committee = [];
      for (let i = 0; i < 5; i++) committee.push(await t.newUser(['committee_member']));
      secretary = await t.newUser(['committee_member']);
    });

    it('should refuse a vote agenda with a candidate who did not come through deliberation', async () => {
      const sc = track(await selectionAt(t, admin, 'recommendation', { homeUnitId: home.id, candidates: 3 }));
      await t.dataSource.query(`UPDATE selection SET stage = 'deliberation' WHERE id = $1`, [sc.selectionId]);
      await t.http
        .post(`/api/selections/${sc.selectionId}/deliberation`)
        .set(auth(admin))
        .send({ heldAt: HELD, minutes: '酝酿', candidateIds: sc.candidateIds.slice(0, 2) })
        .expect(201);
      const detail = await t.http.get(`/api/selections/${sc.selectionId}`).set(auth(admin)).expect(200);
      expect(detail.body.candidates[2].state).toBe('not_selected');
      await advanceOk(t, admin, sc.selectionId, 'decision');
      const res = await t.http
        .post(`/api/selections/${sc.selectionId}/votes`)
        .set(auth(admin))
        .send({
          heldAt: HELD,
          mode: 'tally',
          members: members(),
          tallies: sc.candidateIds.map((candidateId) => ({ candidateId, agree: 4, disagree: 2, defer: 0 })),
        })
        .expect(422);
      expect(res.body).toMatchObject({ code: 'NO_AD_HOC', rule: 'decision.no_ad_hoc', candidateIds: [sc.candidateIds[2]] });
    });

    it('should void a vote without quorum and elect by majority of members who should attend', async () => {
      const sc = await atDecision(3);
      const [c1, c2, c3] = sc.candidateIds;
      const noQuorum = await t.http
        .post(`/api/selections/${sc.selectionId}/votes`)
        .set(auth(admin))
        .send({
          heldAt: HELD,
          mode: 'tally',
          members: members([true, true, false, false, false]),
          tallies: [
            { candidateId: c1, agree: 3, disagree: 0, defer: 0 },
            { candidateId: c2, agree: 1, disagree: 2, defer: 0 },
            { candidateId: c3, agree: 0, disagree: 3, defer: 0 },
          ],
        })
        .expect(201);
      const closed = await t.http.post(`/api/votes/${noQuorum.body.id}/close`).set(auth(admin)).expect(200);
      expect(closed.body).toMatchObject({ void: true, quorum: false, elected: [] });
      const blocked = await advance(t, admin, sc.selectionId, 'pre_appointment_notice').expect(409);
      expect(rulesOf(blocked.body.unmet)).toEqual(expect.arrayContaining(['decision.quorum', 'decision.majority']));
      const detail = await t.http.get(`/api/selections/${sc.selectionId}`).set(auth(admin)).expect(200);
      expect(detail.body.candidates.map((c: { state: string }) => c.state)).toEqual(['active', 'active', 'active']);

      const round2 = await t.http
        .post(`/api/selections/${sc.selectionId}/votes`)
        .set(auth(admin))
        .send({
          heldAt: HELD,
          mode: 'tally',
          members: members(),
          tallies: [
            { candidateId: c1, agree: 5, disagree: 1, defer: 0 },
            { candidateId: c2, agree: 3, disagree: 3, defer: 0 },
            { candidateId: c3, agree: 1, disagree: 5, defer: 0 },
          ],
        })
        .expect(201);
      const result = await t.http.post(`/api/votes/${round2.body.id}/close`).set(auth(admin)).expect(200);
      expect(result.body).toMatchObject({ void: false, quorum: true, elected: [c1] });
      // 3 of 6 is exactly half: not approved.
      expect(result.body.results.find((r: { candidateId: string }) => r.candidateId === c2)).toMatchObject({ agree: 3, approved: false });
      await advanceOk(t, admin, sc.selectionId, 'pre_appointment_notice');
      const after = await t.http.get(`/api/selections/${sc.selectionId}`).set(auth(admin)).expect(200);
      expect(after.body.candidates.map((c: { state: string }) => c.state)).toEqual(['active', 'not_selected', 'not_selected']);

      await t.dataSource.query(`UPDATE selection SET stage = 'appointment' WHERE id = $1`, [sc.selectionId]);
      const notElected = await t.http.post(`/api/selections/${sc.selectionId}/appointments`).set(auth(admin)).send({ candidateId: c2, effectiveOn: TODAY }).expect(422);
      expect(notElected.body.code).toBe('NOT_ELECTED');
      await t.http.post(`/api/selections/${sc.selectionId}/appointments`).set(auth(admin)).send({ candidateId: c1, effectiveOn: TODAY, trialPeriod: '一年' }).expect(201);
      const final = await t.http.get(`/api/candidates/${c1}`).set(auth(admin)).expect(200);
      expect(final.body.state).toBe('appointed');
    });

    it('should keep ballots secret, stop double voting and make the secretary vote last in an electronic vote', async () => {
      const sc = await atDecision(2);
      const [c1, c2] = sc.candidateIds;
      const ms: Record<string, unknown>[] = members();
      ms[4] = { ...ms[4], recused: [c2] };
      const vote = await t.http.post(`/api/selections/${sc.selectionId}/votes`).set(auth(admin)).send({ heldAt: HELD, mode: 'electronic', members: ms }).expect(201);
      const voteId = vote.body.id as string;
      expect(vote.body.agenda).toEqual([c1, c2]);
      const cast = (u: TestUser, candidateId: string, choice: string) => t.http.post(`/api/votes/${voteId}/ballots`).set(auth(u)).send({ candidateId, choice });

      await cast(committee[0], c1, 'agree').expect(201);
      const twice = await cast(committee[0], c1, 'disagree').expect(409);
      expect(twice.body.code).toBe('ALREADY_VOTED');
      const early = await cast(secretary, c1, 'agree').expect(409);
      expect(early.body.code).toBe('SECRETARY_LAST');
      for (const u of committee.slice(1)) await cast(u, c1, 'agree').expect(201);
      await cast(secretary, c1, 'agree').expect(201);

      const recused = await cast(committee[4], c2, 'agree').expect(403);
      expect(recused.body.code).toBe('RECUSED');
      for (const u of committee.slice(0, 4)) await cast(u, c2, 'disagree').expect(201);
      // The recused member does not hold the secretary back.
      await cast(secretary, c2, 'disagree').expect(201);
      const stranger = await t.newUser(['committee_member']);
      await cast(stranger, c1, 'agree').expect(404);

      // Only totals are stored: no row per ballot whose transaction id or position could match a voter's participation.
      const columns = await t.dataSource.query<{ column_name: string }[]>(`SELECT column_name FROM information_schema.columns WHERE table_name = 'ballot_box' ORDER BY column_name`);
      expect(columns.map((c) => c.column_name)).toEqual(['agree', 'candidate_id', 'defer', 'disagree', 'vote_id']);
      const boxes = await t.dataSource.query<{ n: string; rows: string }[]>('SELECT sum(agree + disagree + defer) AS n, count(*) AS rows FROM ballot_box WHERE vote_id = $1', [voteId]);
      expect(boxes[0]).toEqual({ n: '11', rows: '2' });
      const participationXmins = await t.dataSource.query<{ xmin: string }[]>('SELECT xmin::text FROM vote_participation WHERE vote_id = $1', [voteId]);
      const boxXmins = await t.dataSource.query<{ xmin: string }[]>('SELECT xmin::text FROM ballot_box WHERE vote_id = $1', [voteId]);
      // Each box row carries only its last writer's transaction: at most one voter per candidate, never the rest.
      expect(participationXmins.filter((p) => boxXmins.some((b) => b.xmin === p.xmin)).length).toBeLessThanOrEqual(2);
      const events = await t.http.get('/api/audit/events').query({ selectionId: sc.selectionId, entity: 'vote', entityId: voteId }).set(auth(admin)).expect(200);
      for (const e of events.body.items.filter((x: { action: string }) => x.action === 'vote.ballot_cast')) expect(JSON.stringify(e.after)).not.toMatch(/agree|disagree/);

      const closed = await t.http.post(`/api/votes/${voteId}/close`).set(auth(admin)).expect(200);
      expect(closed.body).toMatchObject({ quorum: true, elected: [c1] });
      expect(closed.body.results).toEqual([
        expect.objectContaining({ candidateId: c1, agree: 6, approved: true }),
        expect.objectContaining({ candidateId: c2, agree: 0, disagree: 5, approved: false }),
      ]);
      await advanceOk(t, admin, sc.selectionId, 'pre_appointment_notice');
    });

    it('should report a tie for the last post and hold a new round among the tied candidates', async () => {
      const sc = await atDecision(3);
      const [c1, c2, c3] = sc.candidateIds;
      const vote = await t.http
        .post(`/api/selections/${sc.selectionId}/votes`)
        .set(auth(admin))
        .send({
          heldAt: HELD,
          mode: 'tally',
          members: members(),
          tallies: [
            { candidateId: c1, agree: 4, disagree: 2, defer: 0 },
            { candidateId: c2, agree: 4, disagree: 2, defer: 0 },
            { candidateId: c3, agree: 1, disagree: 5, defer: 0 },
          ],
        })
        .expect(201);
      const closed = await t.http.post(`/api/votes/${vote.body.id}/close`).set(auth(admin)).expect(200);
      expect(closed.body).toMatchObject({ elected: [], tie: { seats: 1 } });
      expect([...closed.body.tie.candidateIds].sort()).toEqual([c1, c2].sort());
      const blocked = await advance(t, admin, sc.selectionId, 'pre_appointment_notice').expect(409);
      expect(rulesOf(blocked.body.unmet)).toContain('decision.majority');

      const round2 = await t.http
        .post(`/api/selections/${sc.selectionId}/votes`)
        .set(auth(admin))
        .send({
          heldAt: HELD,
          mode: 'tally',
          members: members(),
          tallies: [
            { candidateId: c1, agree: 5, disagree: 1, defer: 0 },
            { candidateId: c2, agree: 1, disagree: 5, defer: 0 },
          ],
        })
        .expect(201);
      expect(round2.body).toMatchObject({ round: 2, posts: 1 });
      const final = await t.http.post(`/api/votes/${round2.body.id}/close`).set(auth(admin)).expect(200);
      expect(final.body.elected).toEqual([c1]);
      await advanceOk(t, admin, sc.selectionId, 'pre_appointment_notice');
      const again = await t.http
        .post(`/api/selections/${sc.selectionId}/votes`)
        .set(auth(admin))
        .send({ heldAt: HELD, mode: 'tally', members: members(), tallies: [{ candidateId: c1, agree: 6, disagree: 0, defer: 0 }] });
      expect(again.status).toBe(409);
    });
  });

  describe('closing', () => {
    it('should close a selection with a reason and refuse further moves', async () => {
      const s = track(await selectionAt(t, admin, 'nomination', { homeUnitId: home.id, candidates: 2 }));
      const res = await t.http.post(`/api/selections/${s.selectionId}/close`).set(auth(admin)).send({ reason: '岗位调整，取消本次选任' }).expect(200);
      expect(res.body).toMatchObject({ stage: 'closed', closedReason: '岗位调整，取消本次选任' });
      expect((await advance(t, admin, s.selectionId, 'recommendation')).body.code).toBe('INVALID_TRANSITION');
      const list = await t.http.get('/api/selections').query({ stage: 'closed' }).set(auth(admin)).expect(200);
      expect(list.body.items.map((x: { id: string }) => x.id)).toContain(s.selectionId);
      // An inspector sees only the selections of their team.
      const mine = await t.http.get('/api/selections').set(auth(outsider)).expect(200);
      expect(mine.body.total).toBe(0);
    });
  });
});
