import type { INestApplicationContext } from '@nestjs/common';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDevCertificate, sha256Hex } from '@app/documents';
import { auth, startWorker, TestApp, waitFor, type TestUser } from './support/app';
import { binary, pdfsig, pdfText } from './support/documents-fixtures';
import { supervisionCase, type SupervisionCase } from './support/supervision-fixtures';
import { setClock } from './support/workflow-fixtures';

jest.setTimeout(180_000);

interface DocBody {
  id: string;
  status: string;
  sha256: string | null;
  verificationCode: string;
  pendingFinalDocumentId?: string;
}

interface RemarkBody {
  id: string;
  candidateId: string | null;
  kind: string;
  content: string;
  answered: boolean;
  followsUpId: string | null;
  followUpIds: string[];
  answer: { content: string } | null;
}

interface RecordBody {
  selection: { id: string; title: string; stage: string };
  auditChain: { verified: boolean; eventCount: number; headHash: string | null };
  stages: { stage: string; summary: string }[];
  supervisors: { userId: string; name: string; activities: number }[];
  checklist: { next: string | null; summary: string; gate: { unmet: { rule: string }[] } };
  remarks: RemarkBody[];
  attendance: { activity: string; supervisors: { name: string }[] }[];
  steps: { seq: number; action: string; description: string; actor: { name: string } }[];
}

describe('Supervision and the documentary record (e2e)', () => {
  let t: TestApp;
  let worker: INestApplicationContext | undefined;
  let dir: string;
  let admin: TestUser;
  let auditor: TestUser;
  let leader: TestUser;
  let member: TestUser;
  let watcher: TestUser;
  let stranger: TestUser;
  let plainUser: TestUser;
  let kase: SupervisionCase;
  let other: SupervisionCase;
  let supervisingUnit: { id: string; name: string };
  const savedEnv = { path: process.env.SIGNING_P12_PATH, pass: process.env.SIGNING_P12_PASSPHRASE };

  beforeAll(async () => {
    const dev = await createDevCertificate();
    dir = mkdtempSync(join(tmpdir(), 'kaocha-supervision-e2e-'));
    writeFileSync(join(dir, 'seal.p12'), dev.p12);
    process.env.SIGNING_P12_PATH = join(dir, 'seal.p12');
    process.env.SIGNING_P12_PASSPHRASE = dev.passphrase;
    t = await TestApp.start();
    worker = await startWorker();
    // Tuesday 1 December 2026: notices and the dashboard's working days are computed from here.
    await setClock(t, '2026-12-01T10:00:00+08:00');
    supervisingUnit = await t.newUnit('supervising_unit', `县政协义务监督组${Date.now()}`);
    admin = await t.newUser(['org_admin'], { displayName: '组织部赵珺' });
    auditor = await t.newUser(['audit_admin'], { displayName: '审计员钱彧' });
    leader = await t.newUser(['inspector'], { displayName: '周彧' });
    member = await t.newUser(['inspector'], { displayName: '刘燊' });
    watcher = await t.newUser(['supervisor'], { displayName: '孙赟', unitId: supervisingUnit.id });
    stranger = await t.newUser(['supervisor'], { displayName: '吴鑫' });
    plainUser = await t.newUser(['inspector'], { displayName: '不是监督员' });
    const unit = await t.newUnit('work_unit');
    const earlier = await t.newUnit('work_unit');
    kase = await supervisionCase(t, { teamUserIds: [leader.id, member.id], unitId: unit.id, earlierUnitId: earlier.id });
    other = await supervisionCase(t, { teamUserIds: [leader.id], unitId: unit.id, earlierUnitId: earlier.id, count: 1 });
  });

  afterAll(async () => {
    await setClock(t, new Date().toISOString());
    process.env.SIGNING_P12_PATH = savedEnv.path;
    process.env.SIGNING_P12_PASSPHRASE = savedEnv.pass;
    if (savedEnv.path === undefined) delete process.env.SIGNING_P12_PATH;
    if (savedEnv.pass === undefined) delete process.env.SIGNING_P12_PASSPHRASE;
    await worker?.close();
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const gateRules = async (): Promise<string[]> => {
    const res = await t.http.post(`/api/selections/${kase.selectionId}/advance`).set(auth(admin)).send({ to: 'deliberation' });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('GATE_UNMET');
    return (res.body.unmet as { rule: string }[]).map((u) => u.rule);
  };
  const getDoc = async (id: string): Promise<DocBody> => (await t.http.get(`/api/documents/${id}`).set(auth(admin)).expect(200)).body as DocBody;
  const settled = (id: string) =>
    waitFor(async () => {
      const d = await getDoc(id);
      return d.status !== 'rendering' ? d : null;
    }, 60_000, 200);
  const pdfOf = async (req: ReturnType<TestApp['http']['get']>): Promise<{ pdf: Buffer; headers: Record<string, string> }> => {
    const res = await req.buffer(true).parse(binary).expect(200);
    return { pdf: res.body as Buffer, headers: res.headers };
  };
  const dashboard = async () => (await t.http.get('/api/dashboard').set(auth(admin)).expect(200)).body as {
    openSelections: { total: number; byStage: { stage: string; count: number }[] };
    candidatesOnHold: number;
    overdueConsultations: number;
    noticesClosingSoon: { count: number; items: { id: string }[] };
    unansweredRemarks: { count: number; selections: number };
  };

  describe('supervisors and assignments', () => {
    it('should list supervisors with their profile and unit when org_admin asks', async () => {
      await t.http
        .put(`/api/supervisors/${watcher.id}/profile`)
        .set(auth(admin))
        .send({ phone: '13800000001', occupation: '退休教师', affiliation: '县政协委员', termFrom: '2026-01-01', termTo: '2028-12-31' })
        .expect(200);
      const res = await t.http.get('/api/supervisors').set(auth(admin)).expect(200);
      const mine = (res.body.items as { id: string; unit: { id: string } | null; profile: { phone: string; affiliation: string } | null }[]).find((s) => s.id === watcher.id);
      expect(mine).toEqual(expect.objectContaining({ unit: expect.objectContaining({ id: supervisingUnit.id }), profile: expect.objectContaining({ phone: '13800000001', affiliation: '县政协委员' }) }));
      expect(res.body.units).toEqual(expect.arrayContaining([expect.objectContaining({ id: supervisingUnit.id, supervisors: 1 })]));
      expect((res.body.items as { id: string }[]).some((s) => s.id === plainUser.id)).toBe(false);
      // The phone number is personal data: encrypted at rest, absent from the audit chain.
      const [row] = await t.dataSource.query<{ phone_enc: string }[]>('SELECT phone_enc FROM supervisor_profile WHERE user_id = $1', [watcher.id]);
      expect(row.phone_enc).not.toContain('13800000001');
      await t.http.get('/api/supervisors').set(auth(watcher)).expect(403);
      await t.http.put(`/api/supervisors/${plainUser.id}/profile`).set(auth(admin)).send({ occupation: '教师' }).expect(404);
    });

    it('should refuse an account that is not an active supervisor when supervisors are assigned', async () => {
      const res = await t.http.put(`/api/selections/${kase.selectionId}/supervisors`).set(auth(admin)).send({ userIds: [watcher.id, plainUser.id] }).expect(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'userIds.1' })]);
      await t.http.put(`/api/selections/${kase.selectionId}/supervisors`).set(auth(watcher)).send({ userIds: [watcher.id] }).expect(403);
    });

    it('should show a supervisor only the selections assigned to them when supervisors are assigned', async () => {
      const res = await t.http.put(`/api/selections/${kase.selectionId}/supervisors`).set(auth(admin)).send({ userIds: [watcher.id] }).expect(200);
      expect(res.body.supervisors).toEqual([expect.objectContaining({ userId: watcher.id, name: '孙赟' })]);
      const mine = await t.http.get('/api/supervision/selections').set(auth(watcher)).expect(200);
      expect(mine.body.items).toEqual([
        expect.objectContaining({
          id: kase.selectionId,
          stage: 'inspection',
          title: kase.title,
          // Both candidates were written in one transaction: same creation time, so no order between them.
          candidates: expect.arrayContaining(kase.candidateIds.map((id, i) => expect.objectContaining({ id, name: kase.cadreNames[i], state: 'active' }))),
        }),
      ]);
      expect(mine.body.items[0].candidates).toHaveLength(2);
      expect(mine.body).toEqual(expect.objectContaining({ total: 1, page: 1, pageSize: 20 }));
      const byStage = await t.http.get('/api/supervision/selections').query({ stage: 'decision' }).set(auth(watcher)).expect(200);
      expect(byStage.body).toEqual({ items: [], total: 0, page: 1, pageSize: 20 });
      await t.http.get('/api/supervision/selections').query({ stage: 'nowhere' }).set(auth(watcher)).expect(400);
      expect((await t.http.get('/api/supervision/selections').set(auth(stranger)).expect(200)).body.items).toEqual([]);
      await t.http.get('/api/supervision/selections').set(auth(admin)).expect(403);
      const list = await t.http.get('/api/selections').set(auth(watcher)).expect(200);
      expect((list.body.items as { id: string }[]).map((s) => s.id)).toEqual([kase.selectionId]);
    });

    it('should let the assigned supervisor read the selection and its checklist and answer 404 to any other', async () => {
      await t.http.get(`/api/selections/${kase.selectionId}`).set(auth(watcher)).expect(200);
      const checklist = await t.http.get(`/api/selections/${kase.selectionId}/checklist`).set(auth(watcher)).expect(200);
      expect(checklist.body).toEqual(expect.objectContaining({ stage: 'inspection', next: 'deliberation' }));
      await t.http.get(`/api/candidates/${kase.candidateIds[0]}`).set(auth(watcher)).expect(200);
      for (const path of [
        `/api/selections/${other.selectionId}`,
        `/api/selections/${other.selectionId}/checklist`,
        `/api/selections/${other.selectionId}/record`,
        `/api/selections/${other.selectionId}/record.pdf`,
        `/api/selections/${other.selectionId}/remarks`,
        `/api/supervision/candidates/${other.candidateIds[0]}/dossier.pdf`,
      ]) {
        await t.http.get(path).set(auth(watcher)).expect(404);
      }
      for (const path of [
        `/api/selections/${kase.selectionId}`,
        `/api/selections/${kase.selectionId}/checklist`,
        `/api/selections/${kase.selectionId}/record`,
        `/api/selections/${kase.selectionId}/remarks`,
        `/api/supervision/candidates/${kase.candidateIds[0]}/dossier.pdf`,
      ]) {
        await t.http.get(path).set(auth(stranger)).expect(404);
      }
      await t.http.post(`/api/candidates/${other.candidateIds[0]}/remarks`).set(auth(watcher)).send({ content: '意见' }).expect(404);
      await t.http.post(`/api/selections/${other.selectionId}/remarks`).set(auth(watcher)).send({ content: '意见' }).expect(404);
    });

    it('should refuse every write but remarks when a supervisor tries one', async () => {
      const cid = kase.candidateIds[0];
      await t.http
        .post(`/api/candidates/${cid}/interviews`)
        .set(auth(watcher))
        .send({ category: 'staff', intervieweeName: '陈某', intervieweePost: '科员', heldAt: '2026-12-01T09:00:00+08:00', summary: '谈话内容' })
        .expect(403);
      await t.http.post(`/api/selections/${kase.selectionId}/advance`).set(auth(watcher)).send({ to: 'deliberation' }).expect(403);
      await t.http.post(`/api/selections/${kase.selectionId}/waivers`).set(auth(watcher)).send({ rule: 'seven_talks.cppcc_members', candidateId: cid, reason: '无' }).expect(403);
      await t.http.post(`/api/candidates/${cid}/dossier`).set(auth(watcher)).expect(403);
      await t.http
        .post(`/api/selections/${kase.selectionId}/supervisor-attendance`)
        .set(auth(watcher))
        .send({ supervisorUserIds: [watcher.id], activity: 'other', heldAt: '2026-12-01T09:00:00+08:00' })
        .expect(403);
      const remark = await t.http.post(`/api/selections/${kase.selectionId}/remarks`).set(auth(watcher)).send({ content: '试写' }).expect(201);
      await t.http.post(`/api/remarks/${remark.body.id}/answer`).set(auth(watcher)).send({ content: '自答' }).expect(403);
      // Answered at once, so later gate checks start from a clean slate.
      await t.http.post(`/api/remarks/${remark.body.id}/answer`).set(auth(admin)).send({ content: '已收悉。' }).expect(201);
    });
  });

  describe('remarks and the gate', () => {
    let first: RemarkBody;

    it('should keep the selection out of deliberation while a remark is unanswered', async () => {
      expect(await gateRules()).not.toContain('supervision.remarks_answered');
      const before = await dashboard();
      const res = await t.http
        .post(`/api/candidates/${kase.candidateIds[0]}/remarks`)
        .set(auth(watcher))
        .send({ content: '建议核实该同志在原单位期间的信访情况。', kind: 'objection' })
        .expect(201);
      first = res.body as RemarkBody;
      expect(first).toEqual(expect.objectContaining({ candidateId: kase.candidateIds[0], kind: 'objection', answered: false, answer: null }));
      expect(await gateRules()).toContain('supervision.remarks_answered');
      const after = await dashboard();
      expect(after.unansweredRemarks.count).toBe(before.unansweredRemarks.count + 1);
    });

    it('should reject an empty remark, a follow-up before the answer and a second answer', async () => {
      const empty = await t.http.post(`/api/candidates/${kase.candidateIds[0]}/remarks`).set(auth(watcher)).send({ content: '   ' }).expect(400);
      expect(empty.body).toEqual(expect.objectContaining({ code: 'VALIDATION_FAILED', errors: [expect.objectContaining({ field: 'content' })] }));
      await t.http.post(`/api/candidates/${kase.candidateIds[0]}/remarks`).set(auth(watcher)).send({ content: '意见', extra: 1 }).expect(400);
      const early = await t.http.post(`/api/remarks/${first.id}/follow-up`).set(auth(watcher)).send({ content: '追问' }).expect(409);
      expect(early.body.code).toBe('REMARK_NOT_ANSWERED');
      await t.http.post('/api/remarks/00000000-0000-4000-8000-000000000000/answer').set(auth(admin)).send({ content: '答复' }).expect(404);
    });

    it('should let the selection through once the remark is answered, and hold it again for a follow-up', async () => {
      const before = await dashboard();
      const answered = await t.http.post(`/api/remarks/${first.id}/answer`).set(auth(admin)).send({ content: '经核查，该同志无信访问题。' }).expect(201);
      expect(answered.body).toEqual(expect.objectContaining({ answered: true, answer: expect.objectContaining({ content: '经核查，该同志无信访问题。' }) }));
      expect((await dashboard()).unansweredRemarks.count).toBe(before.unansweredRemarks.count - 1);
      expect(await gateRules()).not.toContain('supervision.remarks_answered');
      const again = await t.http.post(`/api/remarks/${first.id}/answer`).set(auth(admin)).send({ content: '再答' }).expect(409);
      expect(again.body.code).toBe('ALREADY_ANSWERED');

      const follow = await t.http.post(`/api/remarks/${first.id}/follow-up`).set(auth(watcher)).send({ content: '请说明核查的范围和方式。' }).expect(201);
      expect(follow.body).toEqual(expect.objectContaining({ followsUpId: first.id, candidateId: kase.candidateIds[0], kind: 'objection', answered: false }));
      expect(await gateRules()).toContain('supervision.remarks_answered');
      await t.http.post(`/api/remarks/${follow.body.id}/answer`).set(auth(admin)).send({ content: '查阅了信访台账并走访了原单位。' }).expect(201);
      expect(await gateRules()).not.toContain('supervision.remarks_answered');

      const list = await t.http.get(`/api/selections/${kase.selectionId}/remarks`).set(auth(watcher)).expect(200);
      const items = list.body.items as RemarkBody[];
      expect(items.find((r) => r.id === first.id)?.followUpIds).toEqual([follow.body.id]);
      expect(items.every((r) => r.answered)).toBe(true);
      await t.http.get(`/api/selections/${kase.selectionId}/remarks`).set(auth(auditor)).expect(200);
    });

    it('should page the remarks across selections and list only the unanswered when answered=false', async () => {
      const open = await t.http.post(`/api/selections/${kase.selectionId}/remarks`).set(auth(watcher)).send({ content: '请说明考察组成员的回避情况。', kind: 'procedure' }).expect(201);
      const unanswered = await t.http.get('/api/remarks').query({ answered: 'false', selectionId: kase.selectionId }).set(auth(admin)).expect(200);
      expect(unanswered.body).toEqual(expect.objectContaining({ total: 1, page: 1, pageSize: 20 }));
      expect(unanswered.body.items).toEqual([expect.objectContaining({ id: open.body.id, selectionTitle: kase.title, answered: false })]);
      const firstPage = await t.http.get('/api/remarks').query({ selectionId: kase.selectionId, pageSize: 1 }).set(auth(auditor)).expect(200);
      expect(firstPage.body.total).toBe(4);
      expect(firstPage.body.items).toHaveLength(1);
      await t.http.get('/api/remarks').query({ answered: 'maybe' }).set(auth(admin)).expect(400);
      await t.http.get('/api/remarks').set(auth(watcher)).expect(403);
      await t.http.post(`/api/remarks/${open.body.id}/answer`).set(auth(admin)).send({ content: '考察组成员均已按规定回避。' }).expect(201);
      const none = await t.http.get('/api/remarks').query({ answered: 'false', selectionId: kase.selectionId }).set(auth(admin)).expect(200);
      expect(none.body).toEqual(expect.objectContaining({ items: [], total: 0 }));
    });

    it('should refuse to change or remove a remark or an answer in the database', async () => {
      await expect(t.dataSource.query(`UPDATE supervision_remark SET content = 'x' WHERE id = $1`, [first.id])).rejects.toThrow(/immutable/);
      await expect(t.dataSource.query(`UPDATE supervision_remark_answer SET content = 'x' WHERE remark_id = $1`, [first.id])).rejects.toThrow(/immutable/);
      await expect(t.dataSource.query(`DELETE FROM supervision_remark_answer WHERE remark_id = $1`, [first.id])).rejects.toThrow(/immutable/);
    });
  });

  describe('taking part', () => {
    it('should record which supervisors attended an interview when a team inspector reports it', async () => {
      const interview = await t.http
        .post(`/api/candidates/${kase.candidateIds[0]}/interviews`)
        .set(auth(leader))
        .send({ category: 'staff', intervieweeName: '陈某', intervieweePost: '综合科科员', heldAt: '2026-12-01T09:00:00+08:00', summary: '反映该同志作风扎实。' })
        .expect(201);
      const res = await t.http
        .post(`/api/selections/${kase.selectionId}/supervisor-attendance`)
        .set(auth(leader))
        .send({ supervisorUserIds: [watcher.id], activity: 'interview', recordId: interview.body.id, heldAt: '2026-12-01T09:00:00+08:00', note: '全程列席' })
        .expect(201);
      expect(res.body).toEqual(expect.objectContaining({ activity: 'interview', recordId: interview.body.id, supervisors: [{ userId: watcher.id, name: '孙赟' }] }));
    });

    it('should list the attendance to the record readers and to no one else', async () => {
      const list = await t.http.get(`/api/selections/${kase.selectionId}/supervisor-attendance`).set(auth(watcher)).expect(200);
      expect(list.body.items).toEqual([expect.objectContaining({ activity: 'interview', activityLabel: '个别谈话', supervisors: [{ userId: watcher.id, name: '孙赟' }] })]);
      await t.http.get(`/api/selections/${kase.selectionId}/supervisor-attendance`).set(auth(admin)).expect(200);
      await t.http.get(`/api/selections/${kase.selectionId}/supervisor-attendance`).set(auth(stranger)).expect(404);
      await t.http.get(`/api/selections/${kase.selectionId}/supervisor-attendance`).set(auth(leader)).expect(403);
    });

    it('should refuse a supervisor not assigned, a record of another kind and an inspector outside the team', async () => {
      const notAssigned = await t.http
        .post(`/api/selections/${kase.selectionId}/supervisor-attendance`)
        .set(auth(leader))
        .send({ supervisorUserIds: [stranger.id], activity: 'other', heldAt: '2026-12-01T09:00:00+08:00' })
        .expect(400);
      expect(notAssigned.body.errors).toEqual([expect.objectContaining({ field: 'supervisorUserIds.0' })]);
      const wrongRecord = await t.http
        .post(`/api/selections/${kase.selectionId}/supervisor-attendance`)
        .set(auth(admin))
        .send({ supervisorUserIds: [watcher.id], activity: 'vote_count', recordId: kase.candidateIds[0], heldAt: '2026-12-01T09:00:00+08:00' })
        .expect(400);
      expect(wrongRecord.body.errors).toEqual([expect.objectContaining({ field: 'recordId' })]);
      await t.http
        .post(`/api/selections/${kase.selectionId}/supervisor-attendance`)
        .set(auth(plainUser))
        .send({ supervisorUserIds: [watcher.id], activity: 'other', heldAt: '2026-12-01T09:00:00+08:00' })
        .expect(404);
      await t.http
        .post(`/api/selections/${kase.selectionId}/supervisor-attendance`)
        .set(auth(admin))
        .send({ supervisorUserIds: [watcher.id], activity: 'other', heldAt: '2027-06-01T09:00:00+08:00' })
        .expect(400);
    });
  });

  describe('watermarked copies', () => {
    let final: DocBody;
    let finalPdf: Buffer;

    it('should give the assigned supervisor a numbered copy naming them while the sealed original still verifies', async () => {
      const cid = kase.candidateIds[0];
      const none = await t.http.get(`/api/supervision/candidates/${cid}/dossier.pdf`).set(auth(watcher)).expect(404);
      expect(none.body.code).toBe('DOSSIER_NOT_AVAILABLE');
      const requested = await t.http.post(`/api/candidates/${cid}/dossier`).set(auth(leader)).expect(202);
      const draft = await settled((requested.body as { documentId: string }).documentId);
      expect(draft.status).toBe('draft');

      // Before the team signs, the copy is of the draft.
      const draftCopy = await pdfOf(t.http.get(`/api/supervision/candidates/${cid}/dossier.pdf`).set(auth(watcher)));
      expect(draftCopy.headers['x-document-id']).toBe(draft.id);

      await t.http.post(`/api/documents/${draft.id}/sign-offs`).set(auth(leader)).send({ sha256: draft.sha256 }).expect(201);
      const last = await t.http.post(`/api/documents/${draft.id}/sign-offs`).set(auth(member)).send({ sha256: draft.sha256 }).expect(201);
      final = await settled((last.body as DocBody).pendingFinalDocumentId!);
      expect(final.status).toBe('final');
      finalPdf = (await pdfOf(t.http.get(`/api/documents/${final.id}/pdf`).set(auth(admin)))).pdf;

      const copy1 = await pdfOf(t.http.get(`/api/supervision/candidates/${cid}/dossier.pdf`).set(auth(watcher)));
      const copy2 = await pdfOf(t.http.get(`/api/supervision/candidates/${cid}/dossier.pdf`).set(auth(watcher)));
      expect(copy1.headers['x-document-id']).toBe(final.id);
      expect([copy1.headers['x-copy-number'], copy2.headers['x-copy-number']]).toEqual(['1', '2']);
      const text = pdfText(copy1.pdf).replace(/\s+/g, '');
      expect(text).toContain('孙赟');
      expect(text).toContain('第1份');
      expect(text).toContain(kase.cadreNames[0]);
      expect(text).toContain('考察组成员签署页');
      expect(sha256Hex(copy1.pdf)).not.toBe(final.sha256);
      expect(copy1.pdf.equals(copy2.pdf)).toBe(false);

      // The original: same bytes as issued, its seal intact, and it verifies; a copy is not an issued document.
      expect(sha256Hex((await pdfOf(t.http.get(`/api/documents/${final.id}/pdf`).set(auth(admin)))).pdf)).toBe(final.sha256);
      expect(pdfsig(finalPdf)).toEqual([{ valid: true, total: true }]);
      const verified = await t.http.post('/public/verify').attach('file', finalPdf, 'final.pdf').expect(200);
      expect(verified.body).toEqual(expect.objectContaining({ valid: true, kind: 'dossier', status: 'final' }));
      const copyVerified = await t.http.post('/public/verify').attach('file', copy1.pdf, 'copy.pdf').expect(200);
      expect(copyVerified.body.valid).toBe(false);

      const copies = await t.dataSource.query<{ copy_number: number; recipient_id: string; sha256: string }[]>(
        'SELECT copy_number, recipient_id, sha256 FROM document_copy WHERE document_id = $1 ORDER BY copy_number',
        [final.id],
      );
      expect(copies).toEqual([
        { copy_number: 1, recipient_id: watcher.id, sha256: sha256Hex(copy1.pdf) },
        { copy_number: 2, recipient_id: watcher.id, sha256: sha256Hex(copy2.pdf) },
      ]);
      const events = await t.dataSource.query<{ n: string }[]>(`SELECT count(*) AS n FROM audit_event WHERE action = 'document.copy_made' AND entity_id = $1`, [final.id]);
      expect(Number(events[0].n)).toBe(2);
    });

    it('should refuse copies to anyone but an assigned supervisor', async () => {
      await t.http.get(`/api/supervision/candidates/${kase.candidateIds[0]}/dossier.pdf`).set(auth(admin)).expect(403);
      await t.http.get(`/api/supervision/candidates/${kase.candidateIds[0]}/dossier.pdf`).set(auth(stranger)).expect(404);
    });
  });

  describe('the documentary record', () => {
    it('should list every step in order with who did it and whether the chain verifies', async () => {
      const res = await t.http.get(`/api/selections/${kase.selectionId}/record`).set(auth(watcher)).expect(200);
      const record = res.body as RecordBody;
      expect(record.selection).toEqual(expect.objectContaining({ id: kase.selectionId, stage: 'inspection' }));
      expect(record.auditChain).toEqual(expect.objectContaining({ verified: true, eventCount: record.steps.length }));
      const seqs = record.steps.map((s) => s.seq);
      expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
      expect(seqs[0]).toBe(1);
      const actions = record.steps.map((s) => s.action);
      const order = [
        'supervision.supervisors_assigned',
        'supervision.remark_filed',
        'supervision.remark_answered',
        'interview.recorded',
        'supervision.attendance_recorded',
        'document.requested',
        'document.rendered',
        'document.copy_made',
        'document.signed_off',
        'document.issued',
      ].map((a) => actions.indexOf(a));
      expect(order.every((i) => i >= 0)).toBe(true);
      expect(order).toEqual([...order].sort((a, b) => a - b));
      const filed = record.steps.find((s) => s.action === 'supervision.remark_filed' && s.description.includes('信访情况'));
      expect(filed).toEqual(expect.objectContaining({ actor: { id: watcher.id, name: '孙赟' } }));
      expect(filed?.description).toContain(kase.cadreNames[0]);
      expect(record.steps.find((s) => s.action === 'supervision.remark_answered')?.actor.name).toBe('组织部赵珺');
      expect(record.steps.find((s) => s.action === 'supervision.attendance_recorded')?.description).toBe('孙赟参加个别谈话');
      expect(record.remarks.length).toBeGreaterThanOrEqual(3);
      expect(record.attendance).toEqual([expect.objectContaining({ activity: 'interview', supervisors: [expect.objectContaining({ name: '孙赟' })] })]);
      expect(record.supervisors).toEqual([{ userId: watcher.id, name: '孙赟', activities: 1 }]);
      expect(record.stages.map((s) => s.stage)).toEqual(['inspection']);
      expect(record.checklist.next).toBe('deliberation');
      expect(record.checklist.summary).toContain('讨论前酝酿');
      await t.http.get(`/api/selections/${kase.selectionId}/record`).set(auth(auditor)).expect(200);
      await t.http.get(`/api/selections/${kase.selectionId}/record`).set(auth(admin)).expect(200);
      await t.http.get(`/api/selections/${kase.selectionId}/record`).set(auth(leader)).expect(403);
    });

    it('should render the 纪实表 as a verifiable PDF when record.pdf is requested', async () => {
      const { pdf, headers } = await pdfOf(t.http.get(`/api/selections/${kase.selectionId}/record.pdf`).set(auth(auditor)));
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      const text = pdfText(pdf).replace(/\s+/g, '');
      expect(text).toContain('纪实');
      expect(text).toContain(kase.title);
      expect(text).toContain('孙赟参加个别谈话');
      expect(text).toContain('审计链校验通过');
      const code = headers['x-verification-code'];
      expect(text).toContain(code);
      const verified = await t.http.get(`/public/verify/${code}`).expect(200);
      expect(verified.body).toEqual(expect.objectContaining({ valid: true, kind: 'documentary_record', sha256: sha256Hex(pdf) }));
    });
  });

  describe('the dashboard', () => {
    it('should count open selections, held candidates, closing notices, overdue consultations and unanswered remarks', async () => {
      const before = await dashboard();
      const created = await t.http.post('/api/selections').set(auth(admin)).send({ title: `新选任${Date.now()}` }).expect(201);
      // A performance notice from today runs five working days, to Monday 7 December 24:00.
      const notice = await t.http
        .post(`/api/selections/${kase.selectionId}/notices`)
        .set(auth(admin))
        .send({ kind: 'performance', candidateIds: kase.candidateIds, startsOn: '2026-12-01' })
        .expect(201);
      // A letter received during the notice holds the candidate (两个一律).
      await t.http
        .post(`/api/selections/${kase.selectionId}/reports`)
        .set(auth(admin))
        .send({ candidateId: kase.candidateIds[1], channel: 'letter', receivedOn: '2026-12-01', content: '反映该同志有违规收受礼金问题。' })
        .expect(201);
      await t.http.post(`/api/selections/${kase.selectionId}/remarks`).set(auth(watcher)).send({ content: '公示期间的举报请及时核查。', kind: 'procedure' }).expect(201);

      const now = await dashboard();
      expect(now.openSelections.total).toBe(before.openSelections.total + 1);
      expect(now.openSelections.byStage.find((s) => s.stage === 'motion')?.count).toBe((before.openSelections.byStage.find((s) => s.stage === 'motion')?.count ?? 0) + 1);
      expect(now.candidatesOnHold).toBe(before.candidatesOnHold + 1);
      expect(now.unansweredRemarks.count).toBe(before.unansweredRemarks.count + 1);
      const overdue = await t.http.get('/api/consultations').query({ status: 'overdue', pageSize: 1 }).set(auth(admin)).expect(200);
      expect(now.overdueConsultations).toBe(overdue.body.total);
      // Tuesday: three working days end on Thursday, so the notice closing on Monday is not yet flagged.
      expect(now.noticesClosingSoon.items.map((n) => n.id)).not.toContain(notice.body.id);
      await setClock(t, '2026-12-04T10:00:00+08:00');
      const friday = await dashboard();
      expect(friday.noticesClosingSoon.items.map((n) => n.id)).toContain(notice.body.id);
      await t.http.get('/api/dashboard').set(auth(watcher)).expect(403);
      expect(created.body.stage).toBe('motion');
    });
  });
});
