import type { INestApplicationContext } from '@nestjs/common';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { createDevCertificate } from '@app/documents';
import { auth, startWorker, TestApp, waitFor, type TestUser } from '../e2e/support/app';
import { consultedUnits, type Consulted } from '../e2e/support/consultations-fixtures';
import { MOTION_OK, newCadre, prepareInspection, recommend, setClock, uniqueName } from '../e2e/support/workflow-fixtures';
import { launchBrowser, listen, loginAs, PHONE } from './support/browser';

jest.setTimeout(240_000);

const TODAY = '2026-12-01';
const NOW = `${TODAY}T10:00:00+08:00`;

/**
 * Each role's main task through the browser, against the real API serving the built web app:
 * the clerk takes a selection from the motion into inspection (and is refused with the missing
 * rules on the way), a consulted unit answers, an inspector records a check and signs off the
 * dossier, a citizen reports on the notice and looks the receipt up. The tests run in order on
 * one selection, as the work does.
 */
describe('Web app (browser)', () => {
  let t: TestApp;
  let worker: INestApplicationContext | undefined;
  let browser: Browser;
  let base: string;
  let dir: string;
  let admin: TestUser;
  let inspectorA: TestUser;
  let inspectorB: TestUser;
  let respondent: TestUser;
  let consulted: Consulted;
  let home: { id: string };
  let selectionId: string;
  let candidateIds: string[] = [];
  const pages: Page[] = [];
  const savedEnv = { path: process.env.SIGNING_P12_PATH, pass: process.env.SIGNING_P12_PASSPHRASE };

  beforeAll(async () => {
    const dev = await createDevCertificate();
    dir = mkdtempSync(join(tmpdir(), 'kaocha-web-'));
    writeFileSync(join(dir, 'seal.p12'), dev.p12);
    process.env.SIGNING_P12_PATH = join(dir, 'seal.p12');
    process.env.SIGNING_P12_PASSPHRASE = dev.passphrase;
    t = await TestApp.start();
    await setClock(t, NOW);
    worker = await startWorker();
    base = await listen(t);
    browser = await launchBrowser();
    admin = await t.newUser(['org_admin'], { displayName: '组织部李明' });
    inspectorA = await t.newUser(['inspector'], { displayName: '考察组周彧' });
    inspectorB = await t.newUser(['inspector'], { displayName: '考察组刘燊' });
    home = await t.newUnit('work_unit', `示范县发展和改革局${uniqueName('')}`);
    consulted = await consultedUnits(t);
    respondent = await t.newUser(['unit_respondent'], { unitId: consulted.units.discipline_commission.id, displayName: '纪委经办人王芳' });
  });

  afterAll(async () => {
    for (const p of pages) await p.context().close();
    await browser?.close();
    await setClock(t, new Date().toISOString()).catch(() => undefined);
    await worker?.close();
    await t?.close();
    process.env.SIGNING_P12_PATH = savedEnv.path;
    process.env.SIGNING_P12_PASSPHRASE = savedEnv.pass;
    if (savedEnv.path === undefined) delete process.env.SIGNING_P12_PATH;
    if (savedEnv.pass === undefined) delete process.env.SIGNING_P12_PASSPHRASE;
    rmSync(dir, { recursive: true, force: true });
  });

  const open = async (user: TestUser, viewport?: { width: number; height: number }) => {
    const s = await loginAs(browser, base, user, viewport);
    pages.push(s.page);
    return s.page;
  };
  const stageOf = async () => (await t.http.get(`/api/selections/${selectionId}`).set(auth(admin)).expect(200)).body.stage as string;
  const unmetRules = async (page: Page) => page.getByTestId('unmet-item').evaluateAll((els) => els.map((e) => e.getAttribute('data-rule')));

  it('should take a selection from the motion into inspection and list the missing rules when the clerk advances too early', async () => {
    const page = await open(admin);
    // The department's home is its dashboard; the selections are one menu item away.
    expect(new URL(page.url()).pathname).toBe('/org/dashboard');
    await expect(page.getByTestId('current-user').textContent()).resolves.toBe('组织部李明');
    await page.getByRole('menuitem', { name: '选任工作' }).click();
    await page.waitForURL(/\/org\/selections/);

    await page.getByTestId('new-selection').click();
    await page.getByTestId('selection-title').fill('2026年县直部门正科级领导干部选任');
    await page.getByTestId('create-selection-ok').click();
    await page.waitForURL(/\/selections\/[0-9a-f-]+\?tab=motion/);
    selectionId = new URL(page.url()).pathname.split('/').pop()!;
    await expect(page.getByTestId('current-stage').textContent()).resolves.toBe('动议');

    // A motion that names a person is refused with the 三提三不提 rule, shown above the form.
    const named = await newCadre(t, admin, home.id, [], uniqueName('赵'));
    await page.getByTestId('motion-direction').fill(MOTION_OK.direction);
    await page.getByTestId('motion-criteria').fill(`${MOTION_OK.criteria}，如${named.name}同志`);
    await page.getByTestId('motion-requirements').fill(MOTION_OK.requirements);
    await page.getByTestId('motion-proposedBy').fill(MOTION_OK.proposedBy);
    await page.getByTestId('motion-submit').click();
    await page.getByTestId('gate-unmet').waitFor();
    expect(await unmetRules(page)).toContain('three_nots.no_specific_person');

    await page.getByTestId('motion-criteria').fill(MOTION_OK.criteria);
    await page.getByTestId('motion-submit').click();
    await page.getByTestId('gate-unmet').waitFor({ state: 'detached' });
    await page.getByTestId('advance').click();
    await page.getByText('进入下一环节：民主推荐').waitFor();
    await expect(page.getByTestId('current-stage').textContent()).resolves.toBe('初始提名');

    // The work plan and two nominations through the API; the clerk nominates one through the form.
    await t.http
      .put(`/api/selections/${selectionId}/work-plan`)
      .set(auth(admin))
      .send({ posts: [{ title: '副局长', unitId: home.id, count: 1 }], conditions: '任职条件', pool: '全县符合条件的干部', method: '会议推荐与谈话推荐', timetable: '2026年12月', teamUserIds: [inspectorA.id, inspectorB.id] })
      .expect(200);
    const cadres = [await newCadre(t, admin, home.id, [], uniqueName('王')), await newCadre(t, admin, home.id, [], uniqueName('陈')), await newCadre(t, admin, home.id, [], uniqueName('林'))];
    for (const c of cadres.slice(1)) {
      await t.http
        .post(`/api/selections/${selectionId}/candidates`)
        .set(auth(admin))
        .send({ cadreId: c.id, nominator: { name: '赵某', post: '县委书记', team: '县委常委会' }, responsibilityStatement: '本人对提名人选负责' })
        .expect(201);
    }
    await page.goto(`/selections/${selectionId}?tab=candidates`);
    await page.getByTestId('cadre-search').click();
    await page.keyboard.type(cadres[0].name);
    await page.locator('.ant-select-item-option', { hasText: cadres[0].name }).click();
    await page.getByTestId('nominator-name').fill('钱某');
    await page.getByTestId('nominator-post').fill('县发展和改革局党组书记');
    await page.getByTestId('nominator-team').fill('县发展和改革局党组');
    await page.getByTestId('nominator-statement').fill('本人对提名人选的政治素质、廉洁自律情况负责');
    await page.getByTestId('nominate-submit').click();
    await page.locator('.ant-table-row', { hasText: cadres[0].name }).waitFor();

    await page.getByTestId('advance').click();
    await page.getByText('进入下一环节：确定考察对象').waitFor();
    const sel = await t.http.get(`/api/selections/${selectionId}`).set(auth(admin)).expect(200);
    candidateIds = (sel.body.candidates as { id: string }[]).map((c) => c.id);
    await recommend(t, admin, selectionId, candidateIds, `${TODAY}T09:00:00+08:00`);
    await page.reload();
    await page.getByTestId('advance').click();
    await page.getByText('进入下一环节：组织考察').waitFor();
    await expect(page.getByTestId('current-stage').textContent()).resolves.toBe('确定考察对象');

    // Too early: the gate refuses and lists every missing rule, each a link to its form.
    await expect(page.getByTestId('next-gate').getAttribute('data-gate')).resolves.toBe('gate-blocked');
    await page.getByTestId('advance').click();
    await page.getByTestId('gate-unmet').waitFor();
    expect(await unmetRules(page)).toEqual(expect.arrayContaining(['ten_haves.target_meeting_minutes', 'ten_haves.advance_notice', 'ten_haves.target_notice']));
    expect(await stageOf()).toBe('targets');
    await page.locator('[data-rule="ten_haves.target_meeting_minutes"] a').click();
    await page.waitForURL(/tab=targets/);
    await page.getByTestId('targets-form').waitFor();

    await prepareInspection(t, admin, selectionId, candidateIds, TODAY);
    await page.reload();
    await expect(page.getByTestId('next-gate').getAttribute('data-gate')).resolves.toBe('gate-ok');
    await page.getByTestId('advance').click();
    await page.getByText('进入下一环节：讨论前酝酿').waitFor();
    await expect(page.getByTestId('current-stage').textContent()).resolves.toBe('组织考察');
    expect(await stageOf()).toBe('inspection');
  });

  it('should record a consulted unit opinion when its respondent answers the pending request', async () => {
    const page = await open(respondent);
    expect(new URL(page.url()).pathname).toBe('/unit/consultations');
    const cards = page.getByTestId('consultation-card');
    await cards.first().waitFor();
    expect(await cards.count()).toBe(3);
    const first = cards.first();
    await first.getByText('无不良反映').click();
    await first.getByTestId('opinion-submit').click();
    await waitFor(async () => (await page.getByTestId('consultation-card').count()) === 2);

    const answered = await t.http.get('/api/consultations').query({ status: 'answered', selectionId }).set(auth(admin)).expect(200);
    expect(answered.body.items).toHaveLength(1);
    expect(answered.body.items[0]).toMatchObject({ unitKind: 'discipline_commission', opinion: { verdict: 'no_adverse' } });
  });

  it('should ask for the detail when a unit gives an adverse opinion without one', async () => {
    const page = await open(respondent);
    const card = page.getByTestId('consultation-card').first();
    await card.getByText('有问题').click();
    // The form requires the detail for an adverse verdict before anything is sent.
    await card.getByTestId('opinion-submit').click();
    await card.getByText('请填写具体情况').waitFor();
  });

  it('should let an inspector record a check and sign off the rendered dossier with its sha256', async () => {
    const page = await open(inspectorA);
    expect(new URL(page.url()).pathname).toBe('/inspector/selections');
    await page.getByRole('link', { name: '2026年县直部门正科级领导干部选任' }).click();
    await page.getByTestId('candidate-link').first().click();
    await page.waitForURL(/\/candidates\//);
    const candidateId = new URL(page.url()).pathname.split('/').pop()!;

    await page.getByTestId('rule-six_checks.training').first().click();
    await page.waitForURL(/form=check&item=training/);
    await page.getByTestId('check-finding').fill('按规定参加了县委党校中青班培训');
    await page.getByTestId('check-evidence').fill('县委党校培训档案');
    await page.getByTestId('record-check-submit').click();
    await waitFor(async () => {
      const res = await t.http.get(`/api/candidates/${candidateId}`).set(auth(admin)).expect(200);
      return (res.body.rules as { rule: string; status: string }[]).some((r) => r.rule === 'six_checks.training' && r.status === 'met');
    });

    await page.getByTestId('request-dossier').click();
    const openDoc = page.getByTestId('open-document').first();
    await openDoc.waitFor({ timeout: 90_000 });
    await openDoc.click();
    await page.getByTestId('pdf-frame').waitFor();
    const documentId = new URL(page.url()).pathname.split('/').pop()!;
    const sha = await page.getByTestId('document-sha256').textContent();
    await page.getByTestId('sign-off-button').click();
    await page.getByTestId('sign-off').filter({ hasText: '考察组周彧' }).waitFor();

    const doc = await t.http.get(`/api/documents/${documentId}`).set(auth(admin)).expect(200);
    expect(doc.body.sha256).toBe(sha);
    expect(doc.body.signOffs).toEqual([expect.objectContaining({ userId: inspectorA.id, sha256: sha })]);
  });

  it('should take a citizen report on the public notice and find its receipt by code on a phone', async () => {
    const context = await browser.newContext({ viewport: PHONE, locale: 'zh-CN', baseURL: base });
    const page = await context.newPage();
    pages.push(page);
    await page.goto('/portal');
    await page.getByTestId('portal-notices').click();
    await page.waitForURL(/\/public\/notices/);
    await page.locator('ul.board li', { hasText: '考察公示' }).locator('a').first().click();
    await page.locator('input[name=candidateId]').first().check();
    await page.locator('textarea[name=content]').fill('反映该同志在任职期间存在违规兼职问题，请组织核实。');
    await page.locator('form[method=post] button[type=submit]').click();
    const code = (await page.locator('p.code').textContent())!.trim();
    expect(code).toMatch(/^\S{6,}$/);

    await page.goto('/portal/receipt');
    await page.getByTestId('receipt-code').fill(code);
    await page.getByTestId('receipt-submit').click();
    await page.getByTestId('receipt-result').waitFor();
    await expect(page.getByTestId('receipt-result').textContent()).resolves.toContain(code);
    const reports = await t.http.get('/api/reports').query({ selectionId }).set(auth(admin)).expect(200);
    expect((reports.body.items as { receiptCode: string }[]).map((r) => r.receiptCode)).toContain(code);
  });
});
