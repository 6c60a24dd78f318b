import type { INestApplicationContext } from '@nestjs/common';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sha256Hex } from '@app/documents';
import { toShanghaiDate } from '@app/rulebook';
import { auth, startWorker, TestApp, waitFor, type TestUser } from './support/app';
import { binary, insertDossierCase, pdfsig, pdfText, useDevSigningKey, type DossierCase } from './support/documents-fixtures';

jest.setTimeout(180_000);

interface DocBody {
  id: string;
  kind: string;
  version: number;
  status: string;
  sha256: string | null;
  verificationCode: string;
  finalDocumentId: string | null;
  failureReason: string | null;
  draftOf: string | null;
  signOffs: { userId: string }[];
  pendingFinalDocumentId?: string;
}

describe('Documents (e2e)', () => {
  let t: TestApp;
  let worker: INestApplicationContext | undefined;
  let admin: TestUser;
  let leader: TestUser;
  let member: TestUser;
  let outsider: TestUser;
  let adminInspector: TestUser;
  let kase: DossierCase;
  let draft: DocBody;
  let final: DocBody;
  let finalPdf: Buffer;
  let restoreSigningKey: () => void;

  beforeAll(async () => {
    restoreSigningKey = await useDevSigningKey();
    t = await TestApp.start();
    worker = await startWorker();
    admin = await t.newUser(['org_admin'], { displayName: '组织部赵珺' });
    leader = await t.newUser(['inspector'], { displayName: '周彧' });
    member = await t.newUser(['inspector'], { displayName: '刘燊' });
    outsider = await t.newUser(['inspector'], { displayName: '外组考察员' });
    adminInspector = await t.newUser(['org_admin', 'inspector'], { displayName: '组织部兼考察员' });
    const unit = await t.newUnit('work_unit');
    const earlier = await t.newUnit('work_unit');
    kase = await insertDossierCase(t, { teamUserIds: [leader.id, member.id], unitId: unit.id, earlierUnitId: earlier.id });
  });

  afterAll(async () => {
    await worker?.close();
    await t?.close();
    restoreSigningKey();
  });

  const getDoc = async (id: string, user: TestUser = admin): Promise<DocBody> =>
    (await t.http.get(`/api/documents/${id}`).set(auth(user)).expect(200)).body as DocBody;
  const settled = (id: string) =>
    waitFor(async () => {
      const d = await getDoc(id);
      return d.status !== 'rendering' ? d : null;
    }, 60_000, 200);
  const download = async (id: string, user: TestUser = admin): Promise<Buffer> =>
    (await t.http.get(`/api/documents/${id}/pdf`).set(auth(user)).buffer(true).parse(binary).expect(200)).body as Buffer;
  const teamSignatures = async () => {
    const res = await t.http.get(`/api/selections/${kase.selectionId}/checklist`).set(auth(admin)).expect(200);
    const body = res.body as { candidates: { id: string; rules: { rule: string; status: string }[] }[] };
    return body.candidates.find((c) => c.id === kase.candidateId)?.rules.find((r) => r.rule === 'ten_haves.team_signatures')?.status;
  };

  it('should render a draft with its SHA-256 when the team requests a dossier', async () => {
    await t.http
      .put(`/api/candidates/${kase.candidateId}/assessment`)
      .set(auth(leader))
      .send({ strengths: ['政治素质好，担当作为。'], shortcomings: ['基层一线经历相对较少。'], conclusion: '符合拟任职务条件。' })
      .expect(200);
    await t.http
      .post(`/api/candidates/${kase.candidateId}/interviews`)
      .set(auth(member))
      .send({ category: 'staff', intervieweeName: '陈某', intervieweePost: '综合科科员', heldAt: '2026-05-20T02:00:00Z', summary: '反映该同志作风扎实。' })
      .expect(201);
    await t.http
      .post(`/api/candidates/${kase.candidateId}/checks`)
      .set(auth(leader))
      .send({ item: 'personnel_file', finding: '“三龄二历一身份”经审核无误。', evidence: '档案审核表 DA-2026-112' })
      .expect(201);
    const res = await t.http.post(`/api/candidates/${kase.candidateId}/dossier`).set(auth(leader)).expect(202);
    expect(res.body).toEqual(expect.objectContaining({ documentId: expect.any(String), status: 'rendering' }));
    draft = await settled((res.body as { documentId: string }).documentId);
    expect(draft).toEqual(expect.objectContaining({ kind: 'dossier', version: 1, status: 'draft', finalDocumentId: null }));
    expect(draft.sha256).toMatch(/^[0-9a-f]{64}$/);
    const pdf = await download(draft.id, member);
    expect(sha256Hex(pdf)).toBe(draft.sha256);
    const text = pdfText(pdf).replace(/\s+/g, '');
    expect(text).toContain(kase.cadreName);
    expect(text).toContain('政治素质好，担当作为。');
    expect(text).toContain('反映该同志作风扎实。');
    expect(text).toContain('档案审核表DA-2026-112');
    expect(text).toContain(draft.verificationCode);
  });

  it('should refuse a sign-off when the hash is not the draft’s or the signer is not on the team', async () => {
    const wrong = '0'.repeat(64);
    const mismatch = await t.http.post(`/api/documents/${draft.id}/sign-offs`).set(auth(leader)).send({ sha256: wrong }).expect(409);
    expect(mismatch.body).toEqual(expect.objectContaining({ code: 'HASH_MISMATCH' }));
    await t.http.post(`/api/documents/${draft.id}/sign-offs`).set(auth(adminInspector)).send({ sha256: draft.sha256 }).expect(403);
    await t.http.post(`/api/documents/${draft.id}/sign-offs`).set(auth(outsider)).send({ sha256: draft.sha256 }).expect(404);
    await t.http.post(`/api/documents/${draft.id}/sign-offs`).set(auth(leader)).send({ sha256: 'abc' }).expect(400);
  });

  it('should seal the final with a valid whole-document signature when every member has signed', async () => {
    const first = await t.http.post(`/api/documents/${draft.id}/sign-offs`).set(auth(leader)).send({ sha256: draft.sha256 }).expect(201);
    expect((first.body as DocBody).pendingFinalDocumentId).toBeUndefined();
    const twice = await t.http.post(`/api/documents/${draft.id}/sign-offs`).set(auth(leader)).send({ sha256: draft.sha256 }).expect(409);
    expect(twice.body).toEqual(expect.objectContaining({ code: 'ALREADY_SIGNED' }));
    expect(await teamSignatures()).toBe('unmet');

    const last = await t.http.post(`/api/documents/${draft.id}/sign-offs`).set(auth(member)).send({ sha256: draft.sha256 }).expect(201);
    const finalId = (last.body as DocBody).pendingFinalDocumentId!;
    expect(finalId).toEqual(expect.any(String));
    final = await settled(finalId);
    expect(final).toEqual(expect.objectContaining({ status: 'final', draftOf: draft.id, version: 1 }));
    expect((await getDoc(draft.id)).finalDocumentId).toBe(final.id);

    finalPdf = await download(final.id);
    expect(sha256Hex(finalPdf)).toBe(final.sha256);
    expect(pdfsig(finalPdf)).toEqual([{ valid: true, total: true }]);
    const text = pdfText(finalPdf).replace(/\s+/g, '');
    expect(text).toContain('考察组成员签署页');
    expect(text).toContain('周彧');
    expect(text).toContain('刘燊');
    expect(text).toContain(draft.sha256!.slice(0, 32));
    expect(await teamSignatures()).toBe('met');
  });

  it('should confirm the exact bytes and reject a one-byte change when a document is verified', async () => {
    const byCode = await t.http.get(`/public/verify/${final.verificationCode.toLowerCase()}`).expect(200);
    expect(byCode.body).toEqual(expect.objectContaining({ valid: true, kind: 'dossier', status: 'final', sha256: final.sha256 }));
    const unknown = await t.http.get('/public/verify/ZZZZZZZZZZ').expect(404);
    expect(unknown.body).toEqual(expect.objectContaining({ valid: false }));

    const exact = await t.http.post('/public/verify').attach('file', finalPdf, 'final.pdf').expect(200);
    expect(exact.body).toEqual(expect.objectContaining({ valid: true, kind: 'dossier', status: 'final', sha256: final.sha256 }));
    const altered = Buffer.from(finalPdf);
    const at = Math.floor(altered.length / 2);
    altered[at] = altered[at] ^ 0x01;
    const changed = await t.http.post('/public/verify').attach('file', altered, 'final.pdf').expect(200);
    expect(changed.body).toEqual(expect.objectContaining({ valid: false, sha256: sha256Hex(altered) }));
    await t.http.post('/public/verify').attach('file', Buffer.from('not a pdf at all'), 'x.pdf').expect(400);
  });

  it('should answer 404 to an outsider and audit every download when documents are fetched', async () => {
    await t.http.get(`/api/documents/${final.id}/pdf`).set(auth(outsider)).expect(404);
    await t.http.get(`/api/documents/${final.id}`).set(auth(outsider)).expect(404);
    await t.http.get(`/api/candidates/${kase.candidateId}/documents`).set(auth(outsider)).expect(404);
    const rows = await t.dataSource.query<{ n: string }[]>(
      `SELECT count(*) AS n FROM audit_event WHERE action = 'document.downloaded' AND entity_id IN ($1, $2)`,
      [draft.id, final.id],
    );
    // The draft by a member, the final by the admin; the outsider's attempt is not a download.
    expect(Number(rows[0].n)).toBe(2);
    await download(final.id, leader);
    const after = await t.dataSource.query<{ n: string }[]>(
      `SELECT count(*) AS n FROM audit_event WHERE action = 'document.downloaded' AND entity_id = $1`,
      [final.id],
    );
    expect(Number(after[0].n)).toBe(2);
  });

  it('should supersede the earlier draft and final when the dossier is rendered again', async () => {
    const res = await t.http.post(`/api/candidates/${kase.candidateId}/dossier`).set(auth(admin)).expect(202);
    const second = await settled((res.body as { documentId: string }).documentId);
    expect(second).toEqual(expect.objectContaining({ version: 2, status: 'draft' }));
    expect((await getDoc(draft.id)).status).toBe('superseded');
    expect((await getDoc(final.id)).status).toBe('superseded');
    const list = (await t.http.get(`/api/candidates/${kase.candidateId}/documents`).set(auth(member)).expect(200)).body as DocBody[];
    expect(list.map((d) => [d.version, d.status, d.draftOf !== null])).toEqual(
      expect.arrayContaining([
        [2, 'draft', false],
        [1, 'superseded', false],
        [1, 'superseded', true],
      ]),
    );
    expect(await teamSignatures()).toBe('unmet');
    // The superseded final still verifies as issued, with its status saying it is no longer in force.
    const old = await t.http.post('/public/verify').attach('file', finalPdf, 'final.pdf').expect(200);
    expect(old.body).toEqual(expect.objectContaining({ valid: true, status: 'superseded' }));
    draft = second;
  });

  it('should issue a sealed notice document when a notice is published', async () => {
    const startsOn = toShanghaiDate(new Date());
    const created = await t.http
      .post(`/api/selections/${kase.selectionId}/notices`)
      .set(auth(admin))
      .send({ kind: 'performance', candidateIds: [kase.candidateId], startsOn })
      .expect(201);
    const noticeId = (created.body as { id: string }).id;
    const row = await waitFor(async () => {
      const rows = await t.dataSource.query<{ id: string; status: string }[]>(`SELECT id, status FROM document WHERE notice_id = $1`, [noticeId]);
      return rows[0]?.status === 'final' || rows[0]?.status === 'failed' ? rows[0] : null;
    }, 60_000, 200);
    const doc = await getDoc(row.id);
    expect(doc).toEqual(expect.objectContaining({ kind: 'performance_notice', status: 'final', version: 1 }));
    const pdf = await download(doc.id);
    expect(pdfsig(pdf)).toEqual([{ valid: true, total: true }]);
    expect(pdfText(pdf).replace(/\s+/g, '')).toContain(kase.cadreName);
    const verified = await t.http.get(`/public/verify/${doc.verificationCode}`).expect(200);
    expect(verified.body).toEqual(expect.objectContaining({ valid: true, kind: 'performance_notice', status: 'final' }));
    // The public board prints the same code, so a citizen can check a printed copy.
    const board = await t.http.get(`/public/notices/${noticeId}`).expect(200);
    expect(board.body.verificationCode).toBe(doc.verificationCode);
    const html = await t.http.get(`/public/notices/${noticeId}?format=html`).expect(200);
    expect(html.text).toContain(doc.verificationCode);
  });

  it('should fail the seal job with a visible reason when the signing key is missing', async () => {
    await worker!.close();
    process.env.SIGNING_P12_PATH = join(tmpdir(), 'kaocha-no-such-key', 'missing.p12');
    worker = await startWorker();
    await t.http.post(`/api/documents/${draft.id}/sign-offs`).set(auth(leader)).send({ sha256: draft.sha256 }).expect(201);
    const last = await t.http.post(`/api/documents/${draft.id}/sign-offs`).set(auth(member)).send({ sha256: draft.sha256 }).expect(201);
    const failed = await settled((last.body as DocBody).pendingFinalDocumentId!);
    expect(failed.status).toBe('failed');
    expect(failed.failureReason).toContain('签章证书缺失');
    expect(failed.sha256).toBeNull();
    const res = await t.http.get(`/api/documents/${failed.id}/pdf`).set(auth(admin)).expect(409);
    expect(res.body).toEqual(expect.objectContaining({ code: 'DOCUMENT_NOT_READY' }));
  });
});
