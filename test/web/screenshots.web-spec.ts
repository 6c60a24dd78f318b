import type { INestApplicationContext } from '@nestjs/common';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { createDevCertificate } from '@app/documents';
import { auth, startWorker, TestApp, waitFor, type TestUser } from '../e2e/support/app';
import { consultedUnits } from '../e2e/support/consultations-fixtures';
import { advanceOk, prepareInspection, selectionAt, setClock, uniqueName } from '../e2e/support/workflow-fixtures';
import { consultedRespondents, inspectionToDecision, startElectronicVote } from './support/decision-fixtures';
import { DESKTOP, launchBrowser, listen, loginAs, PHONE } from './support/browser';

jest.setTimeout(240_000);

const OUT = join(__dirname, '..', '..', 'docs', 'screenshots');
const TODAY = '2026-12-01';

/**
 * Screenshots of the main screens for the README (`npm run screenshots`, which sets
 * SCREENSHOTS=1). Without it the spec checks that each screen renders and writes nothing, so
 * `npm test` leaves docs/ alone.
 */
describe('Screenshots of the main screens', () => {
  const write = process.env.SCREENSHOTS === '1';
  let t: TestApp;
  let worker: INestApplicationContext | undefined;
  let browser: Browser;
  let base: string;
  let dir: string;
  let admin: TestUser;
  let inspector: TestUser;
  let respondent: TestUser;
  let respondents: TestUser[];
  let team: [TestUser, TestUser];
  let supervisor: TestUser;
  let committee: TestUser[];
  let selectionId: string;
  let candidateId: string;
  let candidateIds: string[];
  const saved = { path: process.env.SIGNING_P12_PATH, pass: process.env.SIGNING_P12_PASSPHRASE };

  beforeAll(async () => {
    const dev = await createDevCertificate();
    dir = mkdtempSync(join(tmpdir(), 'kaocha-shots-'));
    writeFileSync(join(dir, 'seal.p12'), dev.p12);
    process.env.SIGNING_P12_PATH = join(dir, 'seal.p12');
    process.env.SIGNING_P12_PASSPHRASE = dev.passphrase;
    t = await TestApp.start();
    await setClock(t, `${TODAY}T10:00:00+08:00`);
    worker = await startWorker();
    base = await listen(t);
    browser = await launchBrowser();
    if (write) mkdirSync(OUT, { recursive: true });
    admin = await t.newUser(['org_admin'], { displayName: '组织部李明' });
    inspector = await t.newUser(['inspector'], { displayName: '考察组周彧' });
    const inspector2 = await t.newUser(['inspector'], { displayName: '考察组刘燊' });
    const home = await t.newUnit('work_unit', `示范县发展和改革局${uniqueName('')}`);
    const units = await consultedUnits(t);
    respondent = await t.newUser(['unit_respondent'], { unitId: units.units.discipline_commission.id, displayName: '纪委经办人王芳' });
    team = [inspector, inspector2];
    respondents = await consultedRespondents(t);
    supervisor = await t.newUser(['supervisor'], { displayName: '义务监督员孙赟', unitId: (await t.newUnit('supervising_unit', `县政协义务监督组${uniqueName('')}`)).id });
    committee = [];
    for (const name of ['常委赵一', '常委钱二', '常委孙三', '县委书记周四']) committee.push(await t.newUser(['committee_member'], { displayName: name }));
    const s = await selectionAt(t, admin, 'targets', { homeUnitId: home.id, team: [inspector, inspector2], candidates: 3 });
    selectionId = s.selectionId;
    candidateId = s.candidateIds[0];
    candidateIds = s.candidateIds;
  });

  afterAll(async () => {
    await browser?.close();
    await setClock(t, new Date().toISOString()).catch(() => undefined);
    await worker?.close();
    await t?.close();
    process.env.SIGNING_P12_PATH = saved.path;
    process.env.SIGNING_P12_PASSPHRASE = saved.pass;
    if (saved.path === undefined) delete process.env.SIGNING_P12_PATH;
    if (saved.pass === undefined) delete process.env.SIGNING_P12_PASSPHRASE;
    rmSync(dir, { recursive: true, force: true });
  });

  const shot = async (page: Page, name: string) => {
    await page.waitForLoadState('networkidle');
    if (write) await page.screenshot({ path: join(OUT, `${name}.png`), fullPage: true });
  };

  it('should render the main screens of each role when they are opened', async () => {
    const login = await (await browser.newContext({ viewport: DESKTOP, baseURL: base })).newPage();
    await login.goto('/login');
    await shot(login, '01-login');

    const { page } = await loginAs(browser, base, admin);
    await page.goto('/org/selections');
    await page.locator('.ant-table-row').first().waitFor();
    await shot(page, '02-selections');
    await page.goto(`/selections/${selectionId}`);
    await page.getByTestId('advance').click();
    await page.getByTestId('gate-unmet').waitFor();
    await shot(page, '03-selection-gate-refused');
    await page.goto(`/selections/${selectionId}?tab=workplan`);
    await page.getByTestId('workplan-form').waitFor();
    await shot(page, '04-work-plan');

    await prepareInspection(t, admin, selectionId, candidateIds, TODAY);
    await advanceOk(t, admin, selectionId, 'inspection');
    await page.goto(`/selections/${selectionId}`);
    await page.getByTestId('group-scores').first().waitFor();
    await shot(page, '05-selection-checklist');

    const insp = await loginAs(browser, base, inspector);
    await insp.page.goto(`/candidates/${candidateId}?form=interview&category=staff`);
    await insp.page.getByTestId('candidate-name').waitFor();
    await shot(insp.page, '06-candidate-records');

    const unit = await loginAs(browser, base, respondent);
    await unit.page.getByTestId('consultation-card').first().waitFor();
    await shot(unit.page, '07-unit-consultations');

    const phone = await (await browser.newContext({ viewport: PHONE, baseURL: base })).newPage();
    await phone.goto('/public/notices');
    await phone.locator('ul.board li', { hasText: '考察公示' }).locator('a').first().click();
    await phone.locator('textarea[name=content]').waitFor();
    await shot(phone, '08-public-notice-phone');

    await waitFor(async () => (await t.http.get(`/api/selections/${selectionId}`).set(auth(admin))).status === 200);
    expect(await page.getByTestId('selection-title').textContent()).toBeTruthy();
  });

  it('should render supervision, the dashboard, the record and the phone ballot when they are opened', async () => {
    // A supervisor with two remarks, one answered; the clerk sees the other waiting.
    await t.http.put(`/api/selections/${selectionId}/supervisors`).set(auth(admin)).send({ userIds: [supervisor.id] }).expect(200);
    const first = await t.http
      .post(`/api/candidates/${candidateId}/remarks`)
      .set(auth(supervisor))
      .send({ kind: 'objection', content: '建议核实该同志在原单位期间的信访情况。' })
      .expect(201);
    await t.http.post(`/api/remarks/${first.body.id}/answer`).set(auth(admin)).send({ content: '经查阅信访台账并走访原单位，该同志无信访问题。' }).expect(201);
    const second = await t.http
      .post(`/api/selections/${selectionId}/remarks`)
      .set(auth(supervisor))
      .send({ kind: 'procedure', content: '请说明考察组成员的回避情况。' })
      .expect(201);
    await t.http
      .post(`/api/selections/${selectionId}/supervisor-attendance`)
      .set(auth(admin))
      .send({ supervisorUserIds: [supervisor.id], activity: 'target_meeting', heldAt: `${TODAY}T08:00:00+08:00`, note: '全程列席' })
      .expect(201);

    const sup = await loginAs(browser, base, supervisor);
    await sup.page.getByTestId('supervised-selection').first().waitFor();
    await shot(sup.page, '09-supervisor-selections');
    await sup.page.goto(`/selections/${selectionId}?tab=supervision`);
    await sup.page.getByTestId('remarks').waitFor();
    await shot(sup.page, '10-supervisor-remarks');
    await sup.page.goto(`/candidates/${candidateId}`);
    await sup.page.getByTestId('supervisor-card').waitFor();
    await shot(sup.page, '11-supervisor-candidate');

    const { page } = await loginAs(browser, base, admin);
    await page.getByTestId('dashboard').waitFor();
    await shot(page, '12-dashboard');
    await page.goto(`/selections/${selectionId}?tab=supervision`);
    await page.locator(`[data-remark-id="${second.body.id as string}"]`).getByTestId('remark-answer-input').waitFor();
    await shot(page, '13-clerk-remarks');
    await t.http.post(`/api/remarks/${second.body.id as string}/answer`).set(auth(admin)).send({ content: '考察组成员均已按规定回避。' }).expect(201);

    await page.goto(`/selections/${selectionId}/record`);
    await page.getByTestId('record-steps').waitFor();
    await shot(page, '14-record');

    // On to the committee: everything the inspection gate asks, through the API.
    await inspectionToDecision(t, { admin, team, respondents, selectionId, candidateIds, today: TODAY, afterNotices: '2026-12-08T10:00:00+08:00', agenda: candidateIds.slice(0, 2) });
    const voteId = await startElectronicVote(t, admin, selectionId, committee, '2026-12-08T09:30:00+08:00');
    const phone = await loginAs(browser, base, committee[0], PHONE);
    await phone.page.getByTestId('ballot').waitFor();
    await shot(phone.page, '15-vote-phone');
    for (const u of committee) {
      for (const [i, cid] of candidateIds.slice(0, 2).entries()) {
        await t.http.post(`/api/votes/${voteId}/ballots`).set(auth(u)).send({ candidateId: cid, choice: i === 0 ? 'agree' : 'disagree' }).expect(201);
      }
    }
    await page.goto(`/selections/${selectionId}?tab=decision`);
    await page.getByTestId('close-vote').click();
    await page.locator('.ant-popconfirm .ant-btn-primary').click();
    await page.getByTestId('vote-result').waitFor();
    await shot(page, '16-vote-result');
  });
});
