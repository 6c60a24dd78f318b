import type { INestApplicationContext } from '@nestjs/common';
import { CadreEntity, CandidateEntity, CaseExtensions, SelectionEntity } from '@app/cases';
import { ConsultationDeliveryEntity, ConsultationRequestEntity, ConsultationsService } from '@app/consultations';
import { In } from 'typeorm';
import { auth, startWorker, TestApp, waitFor, type TestUser } from './support/app';
import {
  consultedUnits,
  enterInspection,
  ownDatabase,
  selectionWithCandidates,
  SmtpSink,
  WebhookReceiver,
  type Consulted,
} from './support/consultations-fixtures';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');

describe('Consultations 六征求 (e2e)', () => {
  let t: TestApp;
  let db: Awaited<ReturnType<typeof ownDatabase>>;
  let smtp: SmtpSink;
  let receiver: WebhookReceiver;
  let consulted: Consulted;
  let clerk: TestUser;
  let discipline: TestUser;
  let audit: TestUser;
  const previousSmtp = process.env.SMTP_URL;

  const requestsOf = (selectionId: string) =>
    t.dataSource.getRepository(ConsultationRequestEntity).find({ where: { selectionId }, order: { unitKind: 'ASC', candidateId: 'ASC' } });
  const requestFor = async (selectionId: string, candidateId: string, unitId: string) =>
    t.dataSource.getRepository(ConsultationRequestEntity).findOneByOrFail({ selectionId, candidateId, unitId });

  /** Runs the worker only for `fn`, so each test decides when jobs run. */
  async function withWorker<T>(fn: (w: INestApplicationContext) => Promise<T>): Promise<T> {
    const w = await startWorker();
    try {
      return await fn(w);
    } finally {
      await w.close();
    }
  }

  beforeAll(async () => {
    // Its own database: every consulted unit gets every request, so counts must not see other files' units.
    db = await ownDatabase('consultations');
    smtp = await new SmtpSink().start();
    process.env.SMTP_URL = smtp.url;
    receiver = await new WebhookReceiver(() => consulted?.secret).start();
    t = await TestApp.start();
    clerk = await t.newUser(['org_admin']);
    // Five of the six kinds: the community is configured later, to show an undeliverable request first.
    consulted = await consultedUnits(t, { webhookUrl: receiver.url, email: 'unit@example.cn' }, [
      'discipline_commission',
      'procuratorate',
      'political_legal_committee',
      'audit_bureau',
      'health_commission',
    ]);
    discipline = await t.newUser(['unit_respondent'], { unitId: consulted.units.discipline_commission.id });
    audit = await t.newUser(['unit_respondent'], { unitId: consulted.units.audit_bureau.id });
  }, 60000);

  afterAll(async () => {
    await t.http.post('/api/test/clock').send({ now: new Date().toISOString() });
    await t.close();
    await receiver.stop();
    await smtp.stop();
    if (previousSmtp === undefined) delete process.env.SMTP_URL;
    else process.env.SMTP_URL = previousSmtp;
    await db.restore();
  });

  describe('opening', () => {
    it('should open one request per candidate and unit, with undeliverable ones for a kind without a unit, when the selection enters inspection', async () => {
      const { selection, candidates } = await selectionWithCandidates(t.dataSource, 2);
      await enterInspection(t, selection.id);
      const requests = await requestsOf(selection.id);
      expect(requests).toHaveLength(12);
      expect(requests.filter((r) => r.status === 'pending')).toHaveLength(10);
      const undeliverable = requests.filter((r) => r.status === 'undeliverable');
      expect(undeliverable.map((r) => [r.unitKind, r.unitId])).toEqual([
        ['community', null],
        ['community', null],
      ]);
      expect(new Set(requests.map((r) => r.candidateId))).toEqual(new Set(candidates.map((c) => c.id)));
      // Opening again creates nothing.
      await t.dataSource.transaction(async (m) => {
        const s = await m.findOneByOrFail(SelectionEntity, { id: selection.id });
        const again = await t.get(ConsultationsService).open(m, s, candidates);
        expect(again.requests).toBe(0);
      });
      expect(await requestsOf(selection.id)).toHaveLength(12);
      const res = await t.http.get('/api/consultations').query({ status: 'undeliverable', selectionId: selection.id }).set(auth(clerk)).expect(200);
      expect(res.body.total).toBe(2);
      expect(res.body.items[0]).toMatchObject({ unitKind: 'community', unitKindLabel: '居住地社区', unitId: null, statusLabel: expect.stringContaining('无法送达') });
      // Each deliverable request has its webhook and email delivery waiting in the outbox.
      const deliveries = await t.dataSource.getRepository(ConsultationDeliveryEntity).findBy({ requestId: In(requests.map((r) => r.id)) });
      expect(deliveries).toHaveLength(20);
    });

    it('should roll the requests back with the transition when the transition fails', async () => {
      const { selection } = await selectionWithCandidates(t.dataSource, 1);
      await expect(
        t.dataSource.transaction(async (m) => {
          const s = await m.findOneByOrFail(SelectionEntity, { id: selection.id });
          await t.get(CaseExtensions).stageEntered(m, s, 'inspection');
          throw new Error('gate failed later in the same transaction');
        }),
      ).rejects.toThrow('gate failed');
      expect(await requestsOf(selection.id)).toHaveLength(0);
    });

    it('should open requests for a candidate added while the selection is in inspection', async () => {
      consulted.units.community = (await consultedUnits(t, { webhookUrl: receiver.url }, ['community'])).units.community;
      const { selection, candidates } = await selectionWithCandidates(t.dataSource, 1);
      await enterInspection(t, selection.id);
      const late = await t.dataSource.getRepository(CandidateEntity).save({
        selectionId: selection.id,
        cadreId: (await selectionWithCandidates(t.dataSource, 1)).cadres[0].id,
        nominatorName: '李四',
        nominatorPost: '书记',
        nominatorTeam: '某局党组',
        responsibilityStatement: '负责',
      });
      await t.dataSource.transaction(async (m) => {
        const s = await m.findOneByOrFail(SelectionEntity, { id: selection.id });
        await t.get(CaseExtensions).candidateAdded(m, s, late);
      });
      const requests = await requestsOf(selection.id);
      expect(requests.filter((r) => r.candidateId === late.id)).toHaveLength(6);
      expect(requests.filter((r) => r.candidateId === candidates[0].id)).toHaveLength(6);
      expect(requests.every((r) => r.status === 'pending')).toBe(true);
    });
  });

  describe('delivery', () => {
    it('should POST a signed letter with a stable idempotency key and send a Chinese email when the worker runs', async () => {
      const { selection, cadres, candidates } = await selectionWithCandidates(t.dataSource, 1, '县发改局副局长选任');
      await enterInspection(t, selection.id);
      const requests = await requestsOf(selection.id);
      await withWorker(() =>
        waitFor(async () => {
          const open = await t.dataSource.getRepository(ConsultationDeliveryEntity).countBy({ requestId: In(requests.map((r) => r.id)), status: 'pending' });
          return open === 0;
        }, 30000),
      );
      const deliveries = await t.dataSource.getRepository(ConsultationDeliveryEntity).findBy({ requestId: In(requests.map((r) => r.id)) });
      expect(deliveries.filter((d) => d.channel === 'webhook').every((d) => d.status === 'delivered')).toBe(true);
      const req = await requestFor(selection.id, candidates[0].id, consulted.units.discipline_commission.id);
      const got = receiver.received.filter((d) => d.requestIds.includes(req.id));
      expect(got.length).toBeGreaterThanOrEqual(1);
      const webhook = deliveries.find((d) => d.requestId === req.id && d.channel === 'webhook')!;
      expect(got.every((d) => d.key === webhook.id && d.validSignature)).toBe(true);
      expect(got[0].body).toMatchObject({
        type: 'consultation.request',
        letter: { selectionTitle: '县发改局副局长选任', unitKind: 'discipline_commission', dueOn: req.dueOn },
        candidates: [{ requestId: req.id, name: cadres[0].name, gender: cadres[0].gender, birthDate: cadres[0].birthDate, currentPost: cadres[0].currentPost }],
        replyUrl: expect.stringContaining(`/api/consultations/${req.id}/opinion`),
      });
      const mail = smtp.messages.find((msg) => msg.text.includes(cadres[0].name));
      expect(mail).toBeDefined();
      expect(mail!.to).toEqual(['unit@example.cn']);
      expect(mail!.subject).toContain('征求意见函');
      expect(mail!.text).toContain(`请于 ${req.dueOn}（含）前`);
      expect(mail!.text).toContain('逾期未回复的，不视为无不良反映');
    }, 60000);

    it('should mark the request delivery_failed for the organization department after the last attempt, and deliver again on resend', async () => {
      const { selection, candidates } = await selectionWithCandidates(t.dataSource, 1);
      await enterInspection(t, selection.id);
      const req = await requestFor(selection.id, candidates[0].id, consulted.units.audit_bureau.id);
      receiver.respond = (d) => (d.requestIds.includes(req.id) ? 503 : 200);
      await withWorker(() =>
        waitFor(async () => (await t.dataSource.getRepository(ConsultationRequestEntity).findOneByOrFail({ id: req.id })).status === 'delivery_failed', 90000, 250),
      );
      const listed = await t.http.get('/api/consultations').query({ status: 'delivery_failed' }).set(auth(clerk)).expect(200);
      const item = (listed.body.items as { id: string; deliveries: { status: string; attempts: number }[] }[]).find((i) => i.id === req.id)!;
      expect(item.deliveries).toEqual(
        expect.arrayContaining([expect.objectContaining({ channel: 'webhook', status: 'failed', attempts: 6 }), expect.objectContaining({ channel: 'email', status: 'delivered' })]),
      );
      const keysBefore = receiver.keysByRequest().get(req.id)!;
      expect(keysBefore.size).toBe(1);

      receiver.respond = () => 200;
      const resent = await t.http.post(`/api/consultations/${req.id}/resend`).set(auth(clerk)).expect(200);
      expect(resent.body.status).toBe('pending');
      await withWorker(() =>
        waitFor(async () => (await t.dataSource.getRepository(ConsultationDeliveryEntity).countBy({ requestId: req.id, channel: 'webhook', status: 'delivered' })) === 1, 30000),
      );
      expect(receiver.keysByRequest().get(req.id)!.size).toBe(2);
      await t.http.post(`/api/consultations/${req.id}/resend`).set(auth(discipline)).expect(403);
    }, 150000);
  });

  describe('inbox', () => {
    let selectionId: string;
    let candidateIds: string[];
    beforeAll(async () => {
      const { selection, candidates } = await selectionWithCandidates(t.dataSource, 2);
      await enterInspection(t, selection.id);
      selectionId = selection.id;
      candidateIds = candidates.map((c) => c.id);
    });

    it('should show a respondent their own unit’s requests only', async () => {
      const res = await t.http.get('/api/consultations').query({ selectionId }).set(auth(discipline)).expect(200);
      expect(res.body.total).toBe(2);
      expect(res.body.items.every((i: { unitId: string }) => i.unitId === consulted.units.discipline_commission.id)).toBe(true);
      expect(res.body.items[0]).toMatchObject({ candidateName: expect.any(String), candidatePost: expect.any(String), status: 'pending', dueOn: expect.any(String) });
      expect(res.body.items[0].deliveries).toBeUndefined();
      const all = await t.http.get('/api/consultations').query({ selectionId, pageSize: 5, page: 2 }).set(auth(clerk)).expect(200);
      expect(all.body).toMatchObject({ total: 12, page: 2, pageSize: 5 });
      expect(all.body.items).toHaveLength(5);
    });

    it('should answer 404 when a respondent asks for another unit’s request', async () => {
      const other = await requestFor(selectionId, candidateIds[0], consulted.units.procuratorate.id);
      const res = await t.http.get(`/api/consultations/${other.id}`).set(auth(discipline)).expect(404);
      expect(res.body.code).toBe('NOT_FOUND');
      await t.http.post(`/api/consultations/${other.id}/opinion`).set(auth(discipline)).send({ verdict: 'no_adverse' }).expect(404);
      await t.http.get(`/api/consultations/${other.id}`).set(auth(clerk)).expect(200);
      const inspector = await t.newUser(['inspector']);
      await t.http.get('/api/consultations').set(auth(inspector)).expect(403);
    });

    it('should answer 400 naming the field when the status filter is unknown', async () => {
      const res = await t.http.get('/api/consultations').query({ status: 'cleared' }).set(auth(clerk)).expect(400);
      expect(res.body.errors[0].field).toBe('status');
    });
  });

  describe('answering', () => {
    let selectionId: string;
    let candidateIds: string[];
    beforeAll(async () => {
      const { selection, candidates } = await selectionWithCandidates(t.dataSource, 3);
      await enterInspection(t, selection.id);
      selectionId = selection.id;
      candidateIds = candidates.map((c) => c.id);
    });

    it('should answer 400 naming the field for a bad verdict, a missing detail and a wrong attachment type', async () => {
      const req = await requestFor(selectionId, candidateIds[0], consulted.units.audit_bureau.id);
      const url = `/api/consultations/${req.id}/opinion`;
      const bad = await t.http.post(url).set(auth(audit)).send({ verdict: 'cleared' }).expect(400);
      expect(bad.body.errors.map((e: { field: string }) => e.field)).toContain('verdict');
      const noDetail = await t.http.post(url).set(auth(audit)).send({ verdict: 'adverse' }).expect(400);
      expect(noDetail.body.errors.length).toBeGreaterThan(0);
      expect(noDetail.body.errors.every((e: { field: string }) => e.field === 'detail')).toBe(true);
      const png = await t.http.post(url).set(auth(audit)).field('verdict', 'no_adverse').attach('attachment', PNG, { filename: 'scan.pdf', contentType: 'application/pdf' }).expect(400);
      expect(png.body.errors).toEqual([expect.objectContaining({ field: 'attachment' })]);
      const unknown = await t.http.post(url).set(auth(audit)).send({ verdict: 'no_adverse', cleared: true }).expect(400);
      expect(unknown.body.errors[0].field).toBe('cleared');
      expect((await t.dataSource.getRepository(ConsultationRequestEntity).findOneByOrFail({ id: req.id })).status).toBe('pending');
    });

    it('should record an opinion with its PDF once and refuse a second one with 409', async () => {
      const req = await requestFor(selectionId, candidateIds[0], consulted.units.audit_bureau.id);
      const url = `/api/consultations/${req.id}/opinion`;
      await t.http.post(url).set(auth(clerk)).send({ verdict: 'no_adverse' }).expect(403);
      const res = await t.http
        .post(url)
        .set(auth(audit))
        .field('verdict', 'adverse')
        .field('detail', '2019年度审计发现专项资金管理不规范，已整改')
        .attach('attachment', PDF, { filename: '审计意见.pdf', contentType: 'application/pdf' })
        .expect(201);
      expect(res.body).toMatchObject({ status: 'answered', opinion: { verdict: 'adverse', verdictLabel: '有问题', attachment: { filename: '审计意见.pdf', size: PDF.length } } });
      const again = await t.http.post(url).set(auth(audit)).send({ verdict: 'no_adverse' }).expect(409);
      expect(again.body.code).toBe('ALREADY_ANSWERED');
      const file = await t.http
        .get(`/api/consultations/${req.id}/opinions/${res.body.opinion.id}/attachment`)
        .set(auth(clerk))
        .buffer(true)
        .parse((r, cb) => {
          const chunks: Buffer[] = [];
          r.on('data', (c: Buffer) => chunks.push(c));
          r.on('end', () => cb(null, Buffer.concat(chunks)));
        })
        .expect(200);
      expect(Buffer.compare(file.body as Buffer, PDF)).toBe(0);
    });

    it('should keep both opinions when a correction supersedes the first', async () => {
      const req = await requestFor(selectionId, candidateIds[1], consulted.units.audit_bureau.id);
      await t.http.post(`/api/consultations/${req.id}/correction`).set(auth(audit)).send({ verdict: 'no_adverse', reason: '先回复' }).expect(409);
      const first = await t.http.post(`/api/consultations/${req.id}/opinion`).set(auth(audit)).send({ verdict: 'no_adverse' }).expect(201);
      const noReason = await t.http.post(`/api/consultations/${req.id}/correction`).set(auth(audit)).send({ verdict: 'adverse', detail: '补充' }).expect(400);
      expect(noReason.body.errors[0].field).toBe('reason');
      const res = await t.http
        .post(`/api/consultations/${req.id}/correction`)
        .set(auth(audit))
        .send({ verdict: 'adverse', detail: '经复核，存在审计问题未整改', reason: '复核后更正' })
        .expect(201);
      expect(res.body.opinions).toHaveLength(2);
      expect(res.body.opinion).toMatchObject({ verdict: 'adverse', supersedesId: first.body.opinion.id, reason: '复核后更正', current: true });
      expect(res.body.opinions[0]).toMatchObject({ id: first.body.opinion.id, verdict: 'no_adverse', current: false });
      await expect(t.dataSource.query(`UPDATE consultation_opinion SET verdict = 'no_adverse' WHERE id = $1`, [res.body.opinion.id])).rejects.toThrow(/immutable/);
      const selection = await t.dataSource.getRepository(SelectionEntity).findOneByOrFail({ id: selectionId });
      const candidates = await t.dataSource.getRepository(CandidateEntity).findBy({ selectionId });
      const parts = await t.get(CaseExtensions).collectEvidence(t.dataSource.manager, selection, candidates);
      const mine = parts.find((p) => p.candidates?.[candidateIds[1]]?.consultations)!.candidates![candidateIds[1]].consultations!;
      expect(mine).toHaveLength(6);
      expect(mine.find((c) => c.id === req.id)).toEqual({ id: req.id, unit: 'audit_bureau', status: 'answered', verdict: 'adverse' });
      expect(mine.filter((c) => c.status === 'pending')).toHaveLength(5);
    });

    it('should exclude the candidate at once and stop the other requests when the discipline commission answers under_investigation', async () => {
      const candidateId = candidateIds[2];
      const req = await requestFor(selectionId, candidateId, consulted.units.discipline_commission.id);
      const res = await t.http
        .post(`/api/consultations/${req.id}/opinion`)
        .set(auth(discipline))
        .send({ verdict: 'under_investigation', detail: '已于本月立案审查调查' })
        .expect(201);
      expect(res.body.status).toBe('answered');
      const candidate = await t.dataSource.getRepository(CandidateEntity).findOneByOrFail({ id: candidateId });
      expect(candidate).toMatchObject({ state: 'excluded', stateRule: 'two_withouts.under_investigation' });
      const others = (await requestsOf(selectionId)).filter((r) => r.candidateId === candidateId && r.id !== req.id);
      expect(others).toHaveLength(5);
      expect(others.every((r) => r.status === 'stopped')).toBe(true);
      const auditReq = others.find((r) => r.unitId === consulted.units.audit_bureau.id)!;
      const late = await t.http.post(`/api/consultations/${auditReq.id}/opinion`).set(auth(audit)).send({ verdict: 'no_adverse' }).expect(409);
      expect(late.body.code).toBe('CONSULTATION_CLOSED');
      const events = await t.dataSource.query<{ action: string }[]>(`SELECT action FROM audit_event WHERE selection_id = $1 ORDER BY seq`, [selectionId]);
      expect(events.map((e) => e.action)).toEqual(expect.arrayContaining(['consultation.answered', 'candidate.excluded', 'consultation.stopped']));
    });
  });

  describe('deadlines', () => {
    it('should remind a working day before the deadline and make the request overdue at it, across a worker restart', async () => {
      // Monday 2 March 2026, 10:00 in Shanghai: due Monday 9 March, reminder Friday 6 March 09:00.
      await t.http.post('/api/test/clock').send({ now: '2026-03-02T02:00:00Z' }).expect(200);
      const { selection, candidates } = await selectionWithCandidates(t.dataSource, 1);
      await enterInspection(t, selection.id);
      const req = await requestFor(selection.id, candidates[0].id, consulted.units.procuratorate.id);
      expect(req).toMatchObject({ requestedOn: '2026-03-02', dueOn: '2026-03-09', status: 'pending', remindedAt: null });
      const answered = await requestFor(selection.id, candidates[0].id, consulted.units.health_commission.id);
      const health = await t.newUser(['unit_respondent'], { unitId: consulted.units.health_commission.id });
      await t.http.post(`/api/consultations/${answered.id}/opinion`).set(auth(health)).send({ verdict: 'no_adverse' }).expect(201);
      const reload = (id: string) => t.dataSource.getRepository(ConsultationRequestEntity).findOneByOrFail({ id });

      await withWorker(async () => {
        await t.http.post('/api/test/clock').send({ now: '2026-03-05T12:00:00Z' }).expect(200);
        await new Promise((r) => setTimeout(r, 500));
        expect((await reload(req.id)).remindedAt).toBeNull();
        await t.http.post('/api/test/clock').send({ now: '2026-03-06T01:30:00Z' }).expect(200);
        await waitFor(async () => (await reload(req.id)).remindedAt !== null);
        await waitFor(() => Promise.resolve(smtp.messages.some((msg) => msg.subject.includes('催办'))));
      });
      expect((await reload(answered.id)).remindedAt).toBeNull();

      // The worker is down when the deadline passes; the next one picks the job up from Postgres.
      await t.http.post('/api/test/clock').send({ now: '2026-03-09T16:30:00Z' }).expect(200);
      await withWorker(() => waitFor(async () => (await reload(req.id)).status === 'overdue'));
      const overdue = await reload(req.id);
      expect(overdue.overdueAt).not.toBeNull();
      expect((await reload(answered.id)).status).toBe('answered');
      const escalated = await t.http.get('/api/consultations').query({ status: 'overdue', selectionId: selection.id }).set(auth(clerk)).expect(200);
      expect(escalated.body.items.map((i: { id: string }) => i.id)).toContain(req.id);
      expect(smtp.messages.some((msg) => msg.subject.includes('逾期'))).toBe(true);
      // Silence never clears: the overdue request is still unmet evidence.
      const s = await t.dataSource.getRepository(SelectionEntity).findOneByOrFail({ id: selection.id });
      const parts = await t.get(CaseExtensions).collectEvidence(t.dataSource.manager, s, [await t.dataSource.getRepository(CandidateEntity).findOneByOrFail({ id: candidates[0].id })]);
      const evidence = parts.find((p) => p.candidates)!.candidates![candidates[0].id].consultations!;
      expect(evidence.find((c) => c.id === req.id)).toEqual({ id: req.id, unit: 'procuratorate', status: 'overdue' });
      // A late answer is still taken.
      const proc = await t.newUser(['unit_respondent'], { unitId: consulted.units.procuratorate.id });
      await t.http.post(`/api/consultations/${req.id}/opinion`).set(auth(proc)).send({ verdict: 'no_adverse' }).expect(201);
    }, 90000);
  });

  describe('queue dashboard', () => {
    it('should open Bull Board to org_admin only, by bearer token or by the session cookie', async () => {
      await t.http.get('/api/admin/queues').expect(401);
      await t.http.get('/api/admin/queues').set(auth(discipline)).expect(403);
      const page = await t.http.get('/api/admin/queues').set(auth(clerk)).expect(200);
      expect(page.text).toContain('<html');
      const queues = await t.http.get('/api/admin/queues/api/queues').set(auth(clerk)).expect(200);
      expect(JSON.stringify(queues.body)).toContain('consultations');
      const session = await t.http.post('/api/admin/queues-session').set(auth(clerk)).expect(204);
      const cookie = (session.headers['set-cookie'] as unknown as string[])[0];
      expect(cookie).toMatch(/HttpOnly/);
      await t.http.get('/api/admin/queues').set('Cookie', cookie.split(';')[0]).expect(200);
      await t.http.post('/api/admin/queues-session').set(auth(discipline)).expect(403);
    });
  });
  // Last: it adds a second community unit, which every later count in this file would see.
  describe('residence community (居住地社区)', () => {
    it('should ask only the community a cadre lives in when it is recorded, and every community when it is not', async () => {
      const other = (await consultedUnits(t, { webhookUrl: receiver.url }, ['community'])).units.community;
      const { selection, cadres, candidates } = await selectionWithCandidates(t.dataSource, 2);
      await t.dataSource.getRepository(CadreEntity).update({ id: cadres[0].id }, { communityUnitId: other.id });
      await enterInspection(t, selection.id);
      const community = (await requestsOf(selection.id)).filter((r) => r.unitKind === 'community');
      const communities = await t.dataSource.query<{ id: string }[]>(`SELECT id FROM unit WHERE kind = 'community'`);
      expect(communities.length).toBeGreaterThan(1);
      // The first lives in `other`: only that community is told about them.
      expect(community.filter((r) => r.candidateId === candidates[0].id).map((r) => r.unitId)).toEqual([other.id]);
      // The second has no community on record: every community is asked, none is assumed to clear them.
      expect(community.filter((r) => r.candidateId === candidates[1].id)).toHaveLength(communities.length);
    });
  });
});
