import type { INestApplicationContext } from '@nestjs/common';
import { CaseExtensions, SelectionEntity } from '@app/cases';
import { getRulebook, unverifiableDecisionDueOn, CURRENT_RULEBOOK_VERSION } from '@app/rulebook';
import { auth, startWorker, TestApp, waitFor, type TestUser } from './support/app';
import { candidateState, clientAddress, noticeSelection, setClock } from './support/notices-fixtures';

interface NoticeBody {
  id: string;
  status: string;
  endsOn: string;
  endsOnLabel: string;
  closesAt: string;
  provisional: boolean;
  workingDays: number;
  body: string;
  unresolvedReports: number;
}

const RECEIPT = /^[0-9A-HJKMNP-TV-Z]{12}$/;
const CONTENT = '该同志在担任副局长期间，存在违规收受礼金的问题，请组织核查。';

describe('Notices and reports (e2e)', () => {
  let t: TestApp;
  let admin: TestUser;

  beforeAll(async () => {
    t = await TestApp.start();
    admin = await t.newUser(['org_admin']);
  });
  afterAll(async () => {
    // The clock offset lives in this run's Redis prefix: give the next test file the real time.
    await setClock(t, new Date().toISOString());
    await t.close();
  });

  async function publish(selectionId: string, body: Record<string, unknown>, expected = 201): Promise<NoticeBody> {
    const res = await t.http.post(`/api/selections/${selectionId}/notices`).set(auth(admin)).send(body);
    expect(res.status).toBe(expected);
    return res.body as NoticeBody;
  }

  function report(noticeId: string, body: Record<string, unknown>, from = clientAddress()) {
    return t.http.post(`/public/notices/${noticeId}/reports`).set('X-Forwarded-For', from).send(body);
  }

  describe('publishing', () => {
    it('should end a notice starting the day before the National Day holiday on 2026-10-12 when it lasts 5 working days', async () => {
      await setClock(t, '2026-09-30T09:00:00+08:00');
      const { selection, candidates, cadres } = await noticeSelection(t);
      const notice = await publish(selection.id, {
        kind: 'inspection',
        candidateIds: candidates.map((c) => c.id),
        startsOn: '2026-09-30',
        proposedPosts: [{ candidateId: candidates[0].id, post: '示范县审计局局长' }],
      });
      // 9/30, then 10/1–10/7 off, 10/8, 10/9, 10/10 (a make-up Saturday), 10/12.
      expect(notice).toMatchObject({ status: 'open', endsOn: '2026-10-12', workingDays: 5, provisional: false });
      expect(notice.closesAt).toBe('2026-10-12T16:00:00.000Z');
      expect(notice.body).toContain(`${cadres[0].name}，男，1980年1月生，现任示范县某局副局长1，拟任示范县审计局局长。`);
      expect(notice.body).toContain('举报电话：12380');
      expect(notice.body).toContain(`/public/notices/${notice.id}`);
      const list = await t.http.get(`/api/selections/${selection.id}/notices`).set(auth(admin)).expect(200);
      expect((list.body as NoticeBody[]).map((n) => n.id)).toEqual([notice.id]);
    });

    it('should refuse a pre-appointment notice of fewer than 5 working days with 400 naming workingDays', async () => {
      await setClock(t, '2026-09-30T09:00:00+08:00');
      const { selection, candidates } = await noticeSelection(t, { stage: 'pre_appointment_notice' });
      const res = await t.http
        .post(`/api/selections/${selection.id}/notices`)
        .set(auth(admin))
        .send({ kind: 'pre_appointment', candidateIds: [candidates[0].id], startsOn: '2026-09-30', workingDays: 3 })
        .expect(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'workingDays' })]);
      const ok = await publish(selection.id, { kind: 'pre_appointment', candidateIds: [candidates[0].id], startsOn: '2026-09-30' });
      expect(ok.workingDays).toBe(5);
    });

    it('should refuse a kind of notice outside its stage and candidates of another selection', async () => {
      await setClock(t, '2026-09-30T09:00:00+08:00');
      const { selection, candidates } = await noticeSelection(t, { stage: 'targets' });
      const other = await noticeSelection(t, { stage: 'targets' });
      const wrongStage = await t.http
        .post(`/api/selections/${selection.id}/notices`)
        .set(auth(admin))
        .send({ kind: 'performance', candidateIds: [candidates[0].id], startsOn: '2026-09-30' })
        .expect(409);
      expect(wrongStage.body.code).toBe('NOTICE_WRONG_STAGE');
      const foreign = await t.http
        .post(`/api/selections/${selection.id}/notices`)
        .set(auth(admin))
        .send({ kind: 'inspection', candidateIds: [other.candidates[0].id], startsOn: '2026-09-30' })
        .expect(400);
      expect(foreign.body.errors[0].field).toBe('candidateIds');
      const past = await t.http
        .post(`/api/selections/${selection.id}/notices`)
        .set(auth(admin))
        .send({ kind: 'inspection', candidateIds: [candidates[0].id], startsOn: '2026-09-29' })
        .expect(400);
      expect(past.body.errors[0].field).toBe('startsOn');
    });

    it('should refuse with 422 ten_haves.advance_notice an advance notice published less than one working day before inspection', async () => {
      await setClock(t, '2026-09-30T09:00:00+08:00');
      const inspector = await t.newUser(['inspector'], { displayName: '李考察' });
      const { selection, candidates } = await noticeSelection(t, { teamUserIds: [inspector.id] });
      const late = await t.http
        .post(`/api/selections/${selection.id}/notices`)
        .set(auth(admin))
        .send({ kind: 'advance', candidateIds: [candidates[0].id], startsOn: '2026-09-30', inspectionStartsOn: '2026-09-30' })
        .expect(422);
      expect(late.body).toMatchObject({ code: 'ADVANCE_NOTICE_TOO_LATE', rule: 'ten_haves.advance_notice', latestOn: '2026-09-29' });
      // Inspection on 10/8 (first working day after the holiday): 9/30 is exactly one working day before.
      const ok = await publish(selection.id, {
        kind: 'advance',
        candidateIds: candidates.map((c) => c.id),
        startsOn: '2026-09-30',
        inspectionStartsOn: '2026-10-08',
      });
      expect(ok.body).toContain('考察组成员：李考察。');
      const evidence = await t.get(CaseExtensions).collectEvidence(t.dataSource.manager, selection, candidates);
      const notices = evidence.flatMap((p) => p.notices ?? []);
      expect(notices).toEqual([
        expect.objectContaining({ id: ok.id, kind: 'advance', published: true, inspectionStartsOn: '2026-10-08', startsOn: '2026-09-30' }),
      ]);
    });

    it('should schedule a notice starting later and make it public on its first day', async () => {
      await setClock(t, '2026-09-28T09:00:00+08:00');
      const { selection, candidates } = await noticeSelection(t);
      const notice = await publish(selection.id, { kind: 'inspection', candidateIds: [candidates[0].id], startsOn: '2026-09-30' });
      expect(notice.status).toBe('scheduled');
      await t.http.get(`/public/notices/${notice.id}`).expect(404);
      await setClock(t, '2026-09-30T00:00:01+08:00');
      const res = await t.http.get(`/public/notices/${notice.id}`).expect(200);
      expect(res.body.status).toBe('open');
    });

    it('should mark the end date provisional in JSON and HTML when the calendar does not know the year', async () => {
      await setClock(t, '2026-12-30T09:00:00+08:00');
      const { selection, candidates } = await noticeSelection(t);
      const notice = await publish(selection.id, { kind: 'inspection', candidateIds: [candidates[0].id], startsOn: '2027-01-04' });
      expect(notice).toMatchObject({ provisional: true, endsOn: '2027-01-08', endsOnLabel: '2027年1月8日（暂定）' });
      await setClock(t, '2027-01-04T09:00:00+08:00');
      const json = await t.http.get(`/public/notices/${notice.id}`).expect(200);
      expect(json.body.provisional).toBe(true);
      const html = await t.http.get(`/public/notices/${notice.id}?format=html`).expect(200);
      expect(html.text).toContain('2027年1月8日（暂定）');
    });
  });

  describe('the last day of a notice', () => {
    let selectionId: string;
    let noticeId: string;
    let candidateIds: string[];

    beforeAll(async () => {
      await setClock(t, '2026-09-30T09:00:00+08:00');
      const { selection, candidates } = await noticeSelection(t, { count: 2 });
      selectionId = selection.id;
      candidateIds = candidates.map((c) => c.id);
      noticeId = (await publish(selectionId, { kind: 'inspection', candidateIds, startsOn: '2026-09-30' })).id;
    });

    it('should hold the candidate when a report arrives at 23:59 Beijing time on the last working day', async () => {
      await setClock(t, '2026-10-12T23:59:00+08:00');
      const res = await report(noticeId, { candidateId: candidateIds[0], content: CONTENT, contact: '13800000000' }).expect(201);
      expect(res.body).toMatchObject({ status: 'received', late: false });
      expect(res.body.receiptCode).toMatch(RECEIPT);
      expect(await candidateState(t, candidateIds[0])).toBe('on_hold');
    });

    it('should record a report at 00:01 the next day as late without holding the candidate', async () => {
      await setClock(t, '2026-10-13T00:01:00+08:00');
      const res = await report(noticeId, { candidateId: candidateIds[1], content: CONTENT }).expect(201);
      expect(res.body.late).toBe(true);
      expect(await candidateState(t, candidateIds[1])).toBe('active');
      const list = await t.http.get(`/api/reports?selectionId=${selectionId}`).set(auth(admin)).expect(200);
      const late = (list.body.items as { candidateId: string; late: boolean; status: string }[]).find((r) => r.candidateId === candidateIds[1]);
      expect(late).toMatchObject({ late: true, status: 'received' });
      // Still evidence: the rulebook keeps the gates shut until it is concluded.
      const selection = await t.dataSource.getRepository(SelectionEntity).findOneByOrFail({ id: selectionId });
      const evidence = await t.get(CaseExtensions).collectEvidence(t.dataSource.manager, selection, []);
      const reports = evidence.flatMap((p) => p.reports ?? []);
      expect(reports).toEqual(
        expect.arrayContaining([expect.objectContaining({ candidateId: candidateIds[1], noticeId, status: 'open' })]),
      );
    });
  });

  describe('the public page and report intake', () => {
    let noticeId: string;
    let candidateId: string;

    beforeAll(async () => {
      await setClock(t, '2026-11-02T10:00:00+08:00');
      const { selection, candidates } = await noticeSelection(t, { count: 2 });
      candidateId = candidates[0].id;
      noticeId = (await publish(selection.id, { kind: 'inspection', candidateIds: candidates.map((c) => c.id), startsOn: '2026-11-02' })).id;
    });

    it('should list open notices as JSON and as a plain HTML board without login', async () => {
      const json = await t.http.get('/public/notices').expect(200);
      expect((json.body as { id: string }[]).some((n) => n.id === noticeId)).toBe(true);
      const html = await t.http.get('/public/notices').set('Accept', 'text/html,application/xhtml+xml,*/*;q=0.8').expect(200);
      expect(html.headers['content-type']).toMatch(/text\/html/);
      expect(html.text).toContain('公示公告');
      expect(html.text).toContain(`/public/notices/${noticeId}?format=html`);
      expect(html.text).not.toContain('<script');
    });

    it('should show a notice page with a form that posts urlencoded and answers with the receipt code', async () => {
      const page = await t.http.get(`/public/notices/${noticeId}`).set('Accept', 'text/html').expect(200);
      expect(page.text).toContain(`action="/public/notices/${noticeId}/reports?format=html"`);
      expect(page.text).toContain('application/x-www-form-urlencoded');
      expect(page.text).toContain(`value="${candidateId}"`);
      const res = await t.http
        .post(`/public/notices/${noticeId}/reports`)
        .set('X-Forwarded-For', clientAddress())
        .set('Accept', 'text/html')
        .type('form')
        .send({ candidateId, content: CONTENT, contact: '' })
        .expect(201);
      expect(res.headers['content-type']).toMatch(/text\/html/);
      const code = /class="code">([0-9A-Z]{12})</.exec(res.text)?.[1];
      expect(code).toMatch(RECEIPT);
      const status = await t.http.get(`/public/reports?receiptCode=${code}&format=html`).expect(200);
      expect(status.text).toContain('已受理');
    });

    it('should refuse an empty or too short report with 400 and an oversized one with 413', async () => {
      const empty = await report(noticeId, {}).expect(400);
      expect(empty.body.code).toBe('VALIDATION_FAILED');
      const short = await report(noticeId, { candidateId, content: '太短' }).expect(400);
      expect(short.body.errors.map((e: { field: string }) => e.field)).toEqual(['content']);
      const huge = await report(noticeId, { candidateId, content: '举'.repeat(6000) }).expect(413);
      expect(huge.body.code).toBe('PAYLOAD_TOO_LARGE');
      const unknownCandidate = await report(noticeId, { candidateId: '00000000-0000-4000-8000-000000000000', content: CONTENT }).expect(400);
      expect(unknownCandidate.body.errors[0].field).toBe('candidateId');
      const form = await t.http
        .post(`/public/notices/${noticeId}/reports?format=html`)
        .set('X-Forwarded-For', clientAddress())
        .type('form')
        .send({ candidateId, content: '' })
        .expect(400);
      expect(form.text).toContain('反映内容');
    });

    it('should answer 429 to the 31st report from one address within a minute', async () => {
      const from = clientAddress();
      const codes: number[] = [];
      for (let i = 0; i < 31; i++) {
        codes.push((await report(noticeId, { candidateId, content: `${CONTENT}第${i}件` }, from)).status);
      }
      expect(codes.slice(0, 30).every((c) => c === 201)).toBe(true);
      expect(codes[30]).toBe(429);
      await report(noticeId, { candidateId, content: CONTENT }, clientAddress()).expect(201);
    });

    it('should reveal only the status to the holder of a receipt code', async () => {
      const { body } = await report(noticeId, { candidateId, content: CONTENT, contact: '王某 13900000000' }).expect(201);
      const res = await t.http.get(`/public/reports/${(body.receiptCode as string).toLowerCase()}`).expect(200);
      expect(res.body).toEqual({ receiptCode: body.receiptCode, status: 'received', statusLabel: '已受理' });
      await t.http.get('/public/reports/AAAAAAAAAAAA').expect(404);
      await t.http.get('/public/notices/00000000-0000-4000-8000-000000000000').expect(404);
    });
  });

  describe('findings, access and contacts', () => {
    let selectionId: string;
    let noticeId: string;
    let candidateIds: string[];
    let supervisor: TestUser;

    beforeAll(async () => {
      await setClock(t, '2026-11-02T10:00:00+08:00');
      supervisor = await t.newUser(['supervisor']);
      const { selection, candidates } = await noticeSelection(t, { count: 4, supervisorIds: [supervisor.id] });
      selectionId = selection.id;
      candidateIds = candidates.map((c) => c.id);
      noticeId = (await publish(selectionId, { kind: 'inspection', candidateIds, startsOn: '2026-11-02' })).id;
    });

    async function file(candidateId: string, contact?: string): Promise<{ id: string; receiptCode: string }> {
      const { body } = await report(noticeId, { candidateId, content: CONTENT, ...(contact ? { contact } : {}) }).expect(201);
      const list = await t.http.get(`/api/reports?candidateId=${candidateId}`).set(auth(admin)).expect(200);
      const found = (list.body.items as { id: string; receiptCode: string }[]).find((r) => r.receiptCode === body.receiptCode);
      return found!;
    }

    it('should release the hold when the only report is found unfounded', async () => {
      const r = await file(candidateIds[0]);
      expect(await candidateState(t, candidateIds[0])).toBe('on_hold');
      const inv = await t.http.post(`/api/reports/${r.id}/investigating`).set(auth(admin)).expect(200);
      expect(inv.body.status).toBe('investigating');
      const res = await t.http.post(`/api/reports/${r.id}/finding`).set(auth(admin)).send({ finding: 'unfounded', detail: '经核查，反映问题不属实。' }).expect(200);
      expect(res.body).toMatchObject({ status: 'closed', finding: 'unfounded', candidateState: 'active' });
      const pub = await t.http.get(`/public/reports/${r.receiptCode}`).expect(200);
      expect(pub.body).toEqual({ receiptCode: r.receiptCode, status: 'closed', statusLabel: '已办结' });
    });

    it('should exclude the candidate on a serious finding, which needs a referral', async () => {
      const r = await file(candidateIds[1]);
      const missing = await t.http.post(`/api/reports/${r.id}/finding`).set(auth(admin)).send({ finding: 'serious', detail: '问题属实。' }).expect(400);
      expect(missing.body.errors[0].field).toBe('referral');
      const res = await t.http
        .post(`/api/reports/${r.id}/finding`)
        .set(auth(admin))
        .send({ finding: 'serious', detail: '问题属实且严重。', referral: '移交县纪委监委处理' })
        .expect(200);
      expect(res.body.candidateState).toBe('excluded');
      expect(await candidateState(t, candidateIds[1])).toBe('excluded');
    });

    it('should keep the hold on an unverifiable finding and give the 3-month limit and its date', async () => {
      const r = await file(candidateIds[2]);
      const res = await t.http.post(`/api/reports/${r.id}/finding`).set(auth(admin)).send({ finding: 'unverifiable', detail: '一时难以查清。' }).expect(200);
      const due = unverifiableDecisionDueOn(new Date('2026-11-02T10:00:00+08:00'), getRulebook(CURRENT_RULEBOOK_VERSION));
      expect(due).toBe('2027-02-02');
      expect(res.body).toMatchObject({ candidateState: 'on_hold', decisionDueOn: due, holdLimitMonths: 3 });
      expect(res.body.message).toContain('3 个月');
      expect(res.body.message).toContain(due);
      // The reporter sees it still being handled; the rule snapshot carries the finding and its time.
      expect((await t.http.get(`/public/reports/${r.receiptCode}`).expect(200)).body.status).toBe('investigating');
      const selection = await t.dataSource.getRepository(SelectionEntity).findOneByOrFail({ id: selectionId });
      const reports = (await t.get(CaseExtensions).collectEvidence(t.dataSource.manager, selection, [])).flatMap((p) => p.reports ?? []);
      expect(reports).toEqual(expect.arrayContaining([expect.objectContaining({ id: r.id, status: 'closed', finding: 'unverifiable', findingAt: expect.any(Date) })]));
      await t.http.post(`/api/reports/${r.id}/finding`).set(auth(admin)).send({ finding: 'unverifiable', detail: '仍难以查清。' }).expect(409);
      const decided = await t.http.post(`/api/reports/${r.id}/finding`).set(auth(admin)).send({ finding: 'minor', detail: '问题轻微，已提醒本人。' }).expect(200);
      expect(decided.body.candidateState).toBe('active');
    });

    it('should hold on a letter received within the period and enter it with its channel', async () => {
      const res = await t.http
        .post(`/api/selections/${selectionId}/reports`)
        .set(auth(admin))
        .send({ candidateId: candidateIds[3], channel: 'letter', receivedOn: '2026-11-02', content: CONTENT, contact: '来信人 某街道' })
        .expect(201);
      expect(res.body).toMatchObject({ channel: 'letter', noticeId, late: false, hasContact: true });
      expect(res.body.contact).toBeUndefined();
      expect(await candidateState(t, candidateIds[3])).toBe('on_hold');
    });

    it('should let no unit respondent, supervisor or inspector read reports or contacts', async () => {
      const r = await file(candidateIds[3], '举报人 13700000000');
      const unit = await t.newUnit('discipline_commission');
      const respondent = await t.newUser(['unit_respondent'], { unitId: unit.id });
      const inspector = await t.newUser(['inspector']);
      for (const user of [respondent, supervisor, inspector]) {
        await t.http.get('/api/reports').set(auth(user)).expect(403);
        await t.http.get(`/api/reports/${r.id}`).set(auth(user)).expect(403);
        await t.http.post(`/api/reports/${r.id}/finding`).set(auth(user)).send({ finding: 'unfounded', detail: '不实' }).expect(403);
      }
      await t.http.get(`/api/reports/${r.id}`).expect(401);
    });

    it('should encrypt the contact at rest, hide it from the list and audit every view of it', async () => {
      const r = await file(candidateIds[3], '实名举报人 13600000000');
      const [row] = await t.dataSource.query<{ contact_enc: string }[]>('SELECT contact_enc FROM report WHERE id = $1', [r.id]);
      expect(row.contact_enc).not.toContain('13600000000');
      const list = await t.http.get(`/api/reports?candidateId=${candidateIds[3]}`).set(auth(admin)).expect(200);
      const listed = (list.body.items as Record<string, unknown>[]).find((x) => x.id === r.id)!;
      expect(listed.hasContact).toBe(true);
      expect(listed).not.toHaveProperty('contact');
      const count = async () =>
        Number(
          (
            await t.dataSource.query<{ n: string }[]>(
              `SELECT count(*) AS n FROM audit_event WHERE action = 'report.contact_viewed' AND entity_id = $1 AND actor_id = $2`,
              [r.id, admin.id],
            )
          )[0].n,
        );
      expect(await count()).toBe(0);
      const first = await t.http.get(`/api/reports/${r.id}`).set(auth(admin)).expect(200);
      expect(first.body.contact).toBe('实名举报人 13600000000');
      await t.http.get(`/api/reports/${r.id}`).set(auth(admin)).expect(200);
      expect(await count()).toBe(2);
      const [received] = await t.dataSource.query<{ after: Record<string, unknown> }[]>(
        `SELECT after FROM audit_event WHERE action = 'report.received' AND entity_id = $1`,
        [r.id],
      );
      expect(JSON.stringify(received.after)).not.toContain('13600000000');
    });

    it('should page the reports newest first with the total and filter the unresolved ones', async () => {
      const all = await t.http.get('/api/reports').query({ selectionId, pageSize: 200 }).set(auth(admin)).expect(200);
      expect(all.body).toMatchObject({ page: 1, pageSize: 200, total: (all.body.items as unknown[]).length });
      const items = all.body.items as { id: string; receivedAt: string; unresolved: boolean }[];
      expect(items.length).toBeGreaterThanOrEqual(3);
      expect(items.map((r) => r.receivedAt)).toEqual([...items.map((r) => r.receivedAt)].sort().reverse());
      const second = await t.http.get('/api/reports').query({ selectionId, page: 2, pageSize: 1 }).set(auth(admin)).expect(200);
      expect(second.body).toMatchObject({ page: 2, pageSize: 1, total: items.length });
      expect((second.body.items as { id: string }[]).map((r) => r.id)).toEqual([items[1].id]);
      const open = await t.http.get('/api/reports').query({ selectionId, unresolved: 'true', pageSize: 200 }).set(auth(admin)).expect(200);
      expect((open.body.items as { id: string }[]).map((r) => r.id).sort()).toEqual(items.filter((r) => r.unresolved).map((r) => r.id).sort());
      const done = await t.http.get('/api/reports').query({ selectionId, unresolved: 'false', pageSize: 200 }).set(auth(admin)).expect(200);
      expect(open.body.total + done.body.total).toBe(items.length);
      expect(done.body.total).toBeGreaterThan(0);
      await t.http.get('/api/reports').query({ pageSize: 500 }).set(auth(admin)).expect(400);
      await t.http.get('/api/reports').query({ unresolved: 'perhaps' }).set(auth(admin)).expect(400);
    });
  });

  describe('closing', () => {
    let worker: INestApplicationContext | undefined;
    afterEach(async () => {
      await worker?.close();
      worker = undefined;
    });

    it('should close the notice after a worker restart when the due time has already passed', async () => {
      await setClock(t, '2026-12-01T09:00:00+08:00');
      worker = await startWorker();
      const { selection, candidates } = await noticeSelection(t, { count: 2 });
      const quiet = await publish(selection.id, { kind: 'inspection', candidateIds: [candidates[0].id], startsOn: '2026-12-01' });
      const busy = await publish(selection.id, { kind: 'inspection', candidateIds: [candidates[1].id], startsOn: '2026-12-01' });
      expect(busy.endsOn).toBe('2026-12-07');
      const { body } = await report(busy.id, { candidateId: candidates[1].id, content: CONTENT }).expect(201);
      await worker.close();
      worker = undefined;

      await setClock(t, '2026-12-08T00:00:30+08:00');
      worker = await startWorker();
      const get = async (id: string) => (await t.http.get(`/api/notices/${id}`).set(auth(admin)).expect(200)).body as NoticeBody & { closedAt: string | null };
      const closed = await waitFor(async () => {
        const n = await get(quiet.id);
        return n.closedAt ? n : undefined;
      });
      expect(closed.status).toBe('closed');
      const withReports = await waitFor(async () => {
        const n = await get(busy.id);
        return n.closedAt ? n : undefined;
      });
      expect(withReports).toMatchObject({ status: 'closed_with_open_reports', unresolvedReports: 1 });

      const list = await t.http.get(`/api/reports?candidateId=${candidates[1].id}`).set(auth(admin)).expect(200);
      const r = (list.body.items as { id: string; receiptCode: string }[]).find((x) => x.receiptCode === body.receiptCode)!;
      await t.http.post(`/api/reports/${r.id}/finding`).set(auth(admin)).send({ finding: 'unfounded', detail: '不实。' }).expect(200);
      expect((await get(busy.id)).status).toBe('closed');
    });
  });
});
