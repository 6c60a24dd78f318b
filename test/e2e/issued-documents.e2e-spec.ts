import type { INestApplicationContext } from '@nestjs/common';
import { CandidateEntity, CaseExtensions, SelectionEntity } from '@app/cases';
import { ConsultationDeliveryEntity, ConsultationLetterEntity, ConsultationRequestEntity } from '@app/consultations';
import { sha256Hex } from '@app/documents';
import { CONSULTED_UNIT_KINDS } from '@app/identity';
import { In } from 'typeorm';
import { auth, startWorker, TestApp, waitFor, type TestUser } from './support/app';
import {
  consultedUnits,
  enterInspection,
  ownDatabase,
  selectionWithCandidates,
  SmtpSink,
  type Consulted,
} from './support/consultations-fixtures';
import { binary, pdfsig, pdfText, useDevSigningKey } from './support/documents-fixtures';
import { supervisionCase } from './support/supervision-fixtures';
import { advanceOk, selectionAt, type Scenario } from './support/workflow-fixtures';

jest.setTimeout(240_000);

interface DocBody {
  id: string;
  kind: string;
  selectionId: string;
  candidateId: string | null;
  version: number;
  status: string;
  sha256: string | null;
  verificationCode: string;
}

const HELD = '2026-11-25T09:00:00+08:00';
const squash = (s: string) => s.replace(/\s+/g, '');

/**
 * The documents the organization department issues on other modules' records: the 票决结果 when
 * a vote is closed, the 任免通知 when an appointment is recorded, one 征求意见函 per consulted unit
 * when inspection begins (attached to the unit's email once sealed), and the dossier's list of
 * the supervisors who actually attended.
 */
describe('Issued documents (e2e)', () => {
  let t: TestApp;
  let db: Awaited<ReturnType<typeof ownDatabase>>;
  let smtp: SmtpSink;
  let worker: INestApplicationContext | undefined;
  let restoreSigningKey: () => void;
  let admin: TestUser;
  let outsider: TestUser;
  let home: { id: string; name: string };
  const previousSmtp = process.env.SMTP_URL;

  beforeAll(async () => {
    restoreSigningKey = await useDevSigningKey();
    // Its own database: every consulted unit gets a letter, so counts must not see other files' units.
    db = await ownDatabase('issued_documents');
    smtp = await new SmtpSink().start();
    process.env.SMTP_URL = smtp.url;
    t = await TestApp.start();
    worker = await startWorker();
    admin = await t.newUser(['org_admin'], { displayName: '组织部干部科' });
    outsider = await t.newUser(['inspector'], { displayName: '外组考察员' });
    home = await t.newUnit('work_unit', '示范县青山镇');
  }, 120_000);

  afterAll(async () => {
    await worker?.close();
    await t?.close();
    await smtp?.stop();
    if (previousSmtp === undefined) delete process.env.SMTP_URL;
    else process.env.SMTP_URL = previousSmtp;
    await db?.restore();
    restoreSigningKey();
  });

  const getDoc = async (id: string, user: TestUser = admin): Promise<DocBody> =>
    (await t.http.get(`/api/documents/${id}`).set(auth(user)).expect(200)).body as DocBody;
  const download = async (id: string, user: TestUser = admin): Promise<Buffer> =>
    (await t.http.get(`/api/documents/${id}/pdf`).set(auth(user)).buffer(true).parse(binary).expect(200)).body as Buffer;
  const selectionDocs = async (selectionId: string): Promise<DocBody[]> =>
    (await t.http.get(`/api/selections/${selectionId}/documents`).set(auth(admin)).expect(200)).body as DocBody[];
  /** The documents of a kind once none of them is still rendering (a failure fails the test). */
  const issued = (selectionId: string, kind: string, count: number) =>
    waitFor(
      async () => {
        const docs = (await selectionDocs(selectionId)).filter((d) => d.kind === kind);
        const failed = docs.find((d) => d.status === 'failed');
        if (failed) throw new Error(`${kind} ${failed.id} failed: ${JSON.stringify(await getDoc(failed.id))}`);
        return docs.length >= count && docs.every((d) => d.status !== 'rendering') ? docs : null;
      },
      90_000,
      200,
    );

  describe('vote result and appointment notice', () => {
    let committee: TestUser[];
    let sc: Scenario;
    const NAMES = ['赵鑫甲', '钱珺乙', '孙赟丙'];

    beforeAll(async () => {
      committee = [];
      for (let i = 0; i < 6; i++) committee.push(await t.newUser(['committee_member']));
      sc = await selectionAt(t, admin, 'recommendation', { homeUnitId: home.id, candidates: 3, posts: [1] });
      // Short names: the vote table's name column is narrow, and the test reads whole names back.
      for (const [i, cadre] of sc.cadres.entries())
        {await t.dataSource.query('UPDATE cadre SET name = $2 WHERE id = $1', [cadre.id, NAMES[i]]);}
      // At deliberation directly: the earlier gates need signed dossiers (another test's subject).
      await t.dataSource.query(`UPDATE selection SET stage = 'deliberation' WHERE id = $1`, [sc.selectionId]);
      await t.http
        .post(`/api/selections/${sc.selectionId}/deliberation`)
        .set(auth(admin))
        .send({ heldAt: HELD, minutes: '书记专题会酝酿', candidateIds: sc.candidateIds })
        .expect(201);
      await advanceOk(t, admin, sc.selectionId, 'decision');
    });

    it('should issue a sealed vote result with members, counts, quorum and who was elected when a vote is closed', async () => {
      const [c1, c2, c3] = sc.candidateIds;
      const vote = await t.http
        .post(`/api/selections/${sc.selectionId}/votes`)
        .set(auth(admin))
        .send({
          heldAt: HELD,
          mode: 'tally',
          members: committee.map((u, i) => ({
            userId: u.id,
            name: `常委${'甲乙丙丁戊己'[i]}`,
            present: i !== 4,
            ...(i === 4 ? { absentReason: '因病请假' } : {}),
            ...(i === 3 ? { recused: [c2] } : {}),
            ...(i === 5 ? { isSecretary: true } : {}),
          })),
          tallies: [
            { candidateId: c1, agree: 5, disagree: 0, defer: 0 },
            { candidateId: c2, agree: 2, disagree: 1, defer: 1 },
            { candidateId: c3, agree: 1, disagree: 3, defer: 1 },
          ],
        })
        .expect(201);
      await t.http.post(`/api/votes/${vote.body.id}/close`).set(auth(admin)).expect(200);

      const [doc] = await issued(sc.selectionId, 'vote_result', 1);
      expect(doc).toEqual(expect.objectContaining({ kind: 'vote_result', status: 'final', version: 1, candidateId: null }));
      const pdf = await download(doc.id);
      expect(sha256Hex(pdf)).toBe(doc.sha256);
      expect(pdfsig(pdf)).toEqual([{ valid: true, total: true }]);
      const layout = pdfText(pdf);
      const text = squash(layout);
      expect(text).toContain('干部任免事项票决结果');
      expect(text).toContain('应到会成员6名，实到会成员5名');
      expect(text).toContain('常委戊（因病请假）');
      expect(text).toContain(`对${NAMES[1]}同志的表决，常委丁回避`);
      expect(text).toContain('同意票数达到4票');
      // One table row per candidate: name, then agree / disagree / defer / recused and the result.
      const row = (name: string) => layout.split('\n').find((l) => l.includes(name) && /\d/.test(l)) ?? '';
      expect(row(NAMES[0])).toMatch(/\s5\s+0\s+0\s+0\s+通过/);
      expect(row(NAMES[1])).toMatch(/\s2\s+1\s+1\s+1\s+未通过/);
      expect(row(NAMES[2])).toMatch(/\s1\s+3\s+1\s+0\s+未通过/);
      expect(text).toContain('当选');

      const verified = await t.http.get(`/public/verify/${doc.verificationCode}`).expect(200);
      expect(verified.body).toEqual(expect.objectContaining({ valid: true, kind: 'vote_result', status: 'final', sha256: doc.sha256 }));
      const upload = await t.http.post('/public/verify').attach('file', pdf, 'vote.pdf').expect(200);
      expect(upload.body).toEqual(expect.objectContaining({ valid: true, kind: 'vote_result' }));
    });

    it('should issue a sealed appointment notice for the candidate when an appointment is recorded', async () => {
      const [c1] = sc.candidateIds;
      await advanceOk(t, admin, sc.selectionId, 'pre_appointment_notice');
      // The pre-appointment notice period is the notices module's subject; its gate is skipped here.
      await t.dataSource.query(`UPDATE selection SET stage = 'appointment' WHERE id = $1`, [sc.selectionId]);
      await t.http
        .post(`/api/selections/${sc.selectionId}/appointments`)
        .set(auth(admin))
        .send({ candidateId: c1, effectiveOn: '2026-12-16', trialPeriod: '一年' })
        .expect(201);

      const [doc] = await issued(sc.selectionId, 'appointment_notice', 1);
      expect(doc).toEqual(expect.objectContaining({ status: 'final', candidateId: c1, version: 1 }));
      const own = (await t.http.get(`/api/candidates/${c1}/documents`).set(auth(admin)).expect(200)).body as DocBody[];
      expect(own.map((d) => d.id)).toContain(doc.id);
      const pdf = await download(doc.id);
      expect(pdfsig(pdf)).toEqual([{ valid: true, total: true }]);
      const text = squash(pdfText(pdf));
      expect(text).toContain(`关于${NAMES[0]}同志任职的通知`);
      expect(text).toContain(`任命${NAMES[0]}同志为示范县青山镇乡镇副职1（试用期一年）`);
      expect(text).toContain('经2026年11月25日中共示范县委常委会会议研究决定');
      expect(text).toContain('以上任职自2026年12月16日起生效');
      const verified = await t.http.get(`/public/verify/${doc.verificationCode}`).expect(200);
      expect(verified.body).toEqual(expect.objectContaining({ valid: true, kind: 'appointment_notice' }));
    });

    it('should list every document of the selection to those who may see it and answer 404 to others', async () => {
      const docs = await selectionDocs(sc.selectionId);
      expect(docs.map((d) => d.kind).sort()).toEqual(['appointment_notice', 'vote_result']);
      expect(docs.every((d) => d.selectionId === sc.selectionId)).toBe(true);
      await t.http.get(`/api/selections/${sc.selectionId}/documents`).set(auth(outsider)).expect(404);
      await t.http.get(`/api/documents/${docs[0].id}/pdf`).set(auth(outsider)).expect(404);
    });
  });

  describe('consultation letters', () => {
    let consulted: Consulted;
    let discipline: TestUser;
    let audit: TestUser;
    let selectionId: string;
    let names: string[];
    let letters: Map<string, DocBody>;

    beforeAll(async () => {
      consulted = await consultedUnits(t, { email: 'unit@example.cn' });
      discipline = await t.newUser(['unit_respondent'], { unitId: consulted.units.discipline_commission.id });
      audit = await t.newUser(['unit_respondent'], { unitId: consulted.units.audit_bureau.id });
    });

    const emailDeliveries = (requestIds: string[]) =>
      t.dataSource.getRepository(ConsultationDeliveryEntity).findBy({ requestId: In(requestIds), channel: 'email' });

    it('should deliver the emails without waiting for the letters and say so when the letters are not issued yet', async () => {
      await worker!.close();
      worker = undefined;
      const { selection, cadres } = await selectionWithCandidates(t.dataSource, 2);
      selectionId = selection.id;
      // Short names: the letter's name column is narrow, and the test reads whole names back.
      names = ['李彧甲', '王燊乙'];
      for (const [i, cadre] of cadres.entries()) await t.dataSource.query('UPDATE cadre SET name = $2 WHERE id = $1', [cadre.id, names[i]]);
      await enterInspection(t, selectionId);
      // Hold the letters back, so the emails certainly go first.
      const letterIds = (await t.dataSource.getRepository(ConsultationLetterEntity).findBy({ selectionId })).map((l) => l.id);
      expect(letterIds).toHaveLength(CONSULTED_UNIT_KINDS.length);
      const held = await t.dataSource.query<unknown[]>(
        `UPDATE outbox SET run_at = '2099-01-01' WHERE job_name = 'documents.consultation_letter' AND payload->>'letterId' = ANY($1) RETURNING id`,
        [letterIds],
      );
      expect(held[0]).toHaveLength(CONSULTED_UNIT_KINDS.length);
      worker = await startWorker();
      const requests = await t.dataSource.getRepository(ConsultationRequestEntity).findBy({ selectionId });
      await waitFor(async () => (await emailDeliveries(requests.map((r) => r.id))).every((d) => d.status === 'delivered'), 60_000, 200);
      const mails = smtp.messages.filter((msg) => names.some((n) => msg.text.includes(n)));
      expect(mails).toHaveLength(requests.length);
      for (const mail of mails) {
        expect(mail.attachments).toEqual([]);
        expect(mail.text).toContain('正在生成，本邮件未附');
        expect(mail.text).toContain('/unit/consultations');
      }
      expect(await selectionDocs(selectionId)).toEqual([]);
      await t.dataSource.query(
        `UPDATE outbox SET run_at = now() - interval '1 second' WHERE job_name = 'documents.consultation_letter' AND payload->>'letterId' = ANY($1)`,
        [letterIds],
      );
    });

    it('should issue one sealed letter per consulted unit listing the candidates when inspection begins', async () => {
      const docs = await issued(selectionId, 'consultation_letter', CONSULTED_UNIT_KINDS.length);
      expect(docs).toHaveLength(CONSULTED_UNIT_KINDS.length);
      const all = (await t.http.get('/api/consultations/letters').query({ selectionId }).set(auth(admin)).expect(200)).body as {
        items: { unitId: string; unitName: string; document: { documentId: string } | null; candidates: { name: string }[] }[];
      };
      expect(all.items).toHaveLength(CONSULTED_UNIT_KINDS.length);
      letters = new Map();
      for (const kind of CONSULTED_UNIT_KINDS) {
        const unit = consulted.units[kind];
        const item = all.items.find((i) => i.unitId === unit.id)!;
        expect(item.candidates.map((c) => c.name).sort()).toEqual([...names].sort());
        const doc = docs.find((d) => d.id === item.document?.documentId)!;
        expect(doc).toEqual(expect.objectContaining({ kind: 'consultation_letter', status: 'final', version: 1 }));
        letters.set(kind, doc);
      }
      const pdf = await download(letters.get('discipline_commission')!.id);
      expect(pdfsig(pdf)).toEqual([{ valid: true, total: true }]);
      const text = squash(pdfText(pdf));
      expect(text).toContain('关于征求考察对象有关情况意见的函');
      expect(text).toContain(`${consulted.units.discipline_commission.name}：`);
      for (const name of names) expect(text).toContain(name);
      expect(text).toContain('某乡镇副镇长1');
      expect(text).toMatch(/请于\d{4}年\d+月\d+日前（\d+个工作日内）书面回复/);
      expect(text).toContain('/unit/consultations');
      const verified = await t.http.get(`/public/verify/${letters.get('discipline_commission')!.verificationCode}`).expect(200);
      expect(verified.body).toEqual(expect.objectContaining({ valid: true, kind: 'consultation_letter' }));
    });

    it('should let a respondent download their own unit’s letter and answer 404 for another unit’s', async () => {
      const mine = (await t.http.get('/api/consultations/letters').query({ selectionId }).set(auth(discipline)).expect(200)).body as {
        items: { unitId: string; document: { documentId: string; sha256: string } | null }[];
      };
      expect(mine.items).toHaveLength(1);
      expect(mine.items[0].unitId).toBe(consulted.units.discipline_commission.id);
      const own = letters.get('discipline_commission')!;
      expect(mine.items[0].document).toEqual(expect.objectContaining({ documentId: own.id, sha256: own.sha256 }));
      const pdf = await download(own.id, discipline);
      expect(sha256Hex(pdf)).toBe(own.sha256);
      expect((await getDoc(own.id, discipline)).kind).toBe('consultation_letter');

      const others = letters.get('audit_bureau')!;
      await t.http.get(`/api/documents/${others.id}/pdf`).set(auth(discipline)).expect(404);
      await t.http.get(`/api/documents/${others.id}`).set(auth(discipline)).expect(404);
      await download(others.id, audit);
      // No other kind of document, and no selection-wide listing, for a respondent.
      const vote = (await t.dataSource.query<{ id: string }[]>(`SELECT id FROM document WHERE kind = 'vote_result' LIMIT 1`))[0];
      await t.http.get(`/api/documents/${vote.id}/pdf`).set(auth(discipline)).expect(404);
      await t.http.get(`/api/selections/${selectionId}/documents`).set(auth(discipline)).expect(403);
    });

    it('should attach the sealed letter to the email when the letter is issued before the email is sent', async () => {
      const [request] = await t.dataSource
        .getRepository(ConsultationRequestEntity)
        .findBy({ selectionId, unitId: consulted.units.audit_bureau.id });
      const before = smtp.messages.length;
      await t.http.post(`/api/consultations/${request.id}/resend`).set(auth(admin)).expect(200);
      const mail = await waitFor(() => Promise.resolve(smtp.messages.slice(before).find((msg) => msg.attachments.length > 0)), 60_000, 200);
      const letter = letters.get('audit_bureau')!;
      expect(mail.attachments).toHaveLength(1);
      expect(mail.attachments[0].contentType).toBe('application/pdf');
      expect(sha256Hex(mail.attachments[0].content)).toBe(letter.sha256);
      expect(mail.text).toContain(`验证码 ${letter.verificationCode}`);
      expect(mail.text).not.toContain('本邮件未附');
    });

    it('should issue a new version that also lists a candidate added during inspection', async () => {
      const { candidates: extra, cadres } = await selectionWithCandidates(t.dataSource, 1);
      await t.dataSource.query('UPDATE candidate SET selection_id = $2 WHERE id = $1', [extra[0].id, selectionId]);
      await t.dataSource.query('UPDATE cadre SET name = $2 WHERE id = $1', [cadres[0].id, '张鑫丙']);
      await t.dataSource.transaction(async (m) => {
        const s = await m.findOneByOrFail(SelectionEntity, { id: selectionId });
        const c = await m.findOneByOrFail(CandidateEntity, { id: extra[0].id });
        await t.get(CaseExtensions).candidateAdded(m, s, c);
      });
      await waitFor(
        async () => {
          const docs = (await selectionDocs(selectionId)).filter((d) => d.kind === 'consultation_letter');
          return docs.filter((d) => d.version === 2 && d.status === 'final').length === CONSULTED_UNIT_KINDS.length;
        },
        90_000,
        200,
      );
      const first = await getDoc(letters.get('discipline_commission')!.id);
      expect(first.status).toBe('superseded');
      const mine = (await t.http.get('/api/consultations/letters').query({ selectionId }).set(auth(discipline)).expect(200)).body as {
        items: { document: { documentId: string; version: number } }[];
      };
      expect(mine.items[0].document.version).toBe(2);
      const text = squash(pdfText(await download(mine.items[0].document.documentId, discipline)));
      for (const name of [...names, '张鑫丙']) expect(text).toContain(name);
    });
  });

  describe('supervisors in the dossier', () => {
    it('should list the supervisors who attended the candidate’s interviews, else the assigned ones with a note', async () => {
      const leader = await t.newUser(['inspector'], { displayName: '周彧' });
      const attending = await t.newUser(['supervisor'], { displayName: '吴监督' });
      const absent = await t.newUser(['supervisor'], { displayName: '郑监督' });
      const earlier = await t.newUnit('work_unit');
      const kase = await supervisionCase(t, { teamUserIds: [leader.id], unitId: home.id, earlierUnitId: earlier.id, count: 2 });
      const [c1, c2] = kase.candidateIds;
      await t.http
        .put(`/api/selections/${kase.selectionId}/supervisors`)
        .set(auth(admin))
        .send({ userIds: [attending.id, absent.id] })
        .expect(200);
      await t.http.put(`/api/supervisors/${attending.id}/profile`).set(auth(admin)).send({ affiliation: '县人大代表' }).expect(200);
      const interview = await t.http
        .post(`/api/candidates/${c1}/interviews`)
        .set(auth(leader))
        .send({
          category: 'staff',
          intervieweeName: '陈某',
          intervieweePost: '科员',
          heldAt: '2026-11-20T02:00:00Z',
          summary: '反映该同志作风扎实。',
        })
        .expect(201);
      await t.http
        .post(`/api/selections/${kase.selectionId}/supervisor-attendance`)
        .set(auth(leader))
        .send({ supervisorUserIds: [attending.id], activity: 'interview', recordId: interview.body.id, heldAt: '2026-11-20T02:00:00Z' })
        .expect(201);

      const dossierText = async (candidateId: string) => {
        const res = await t.http.post(`/api/candidates/${candidateId}/dossier`).set(auth(leader)).expect(202);
        const id = (res.body as { documentId: string }).documentId;
        const doc = await waitFor(
          async () => {
            const d = await getDoc(id);
            return d.status !== 'rendering' ? d : null;
          },
          60_000,
          200,
        );
        expect(doc.status).toBe('draft');
        return squash(pdfText(await download(id)));
      };
      const attended = await dossierText(c1);
      expect(attended).toContain('吴监督');
      expect(attended).toContain('县人大代表');
      expect(attended).toContain('参加：个别谈话');
      expect(attended).not.toContain('郑监督');
      expect(attended).not.toContain('尚无义务监督员参加考察活动的记录');

      // The interview was with the other candidate: nothing attended for this one.
      const assigned = await dossierText(c2);
      expect(assigned).toContain('吴监督');
      expect(assigned).toContain('郑监督');
      expect(assigned).toContain('尚无义务监督员参加考察活动的记录');
    });
  });
});
