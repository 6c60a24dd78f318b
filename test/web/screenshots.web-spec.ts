import type { INestApplicationContext } from '@nestjs/common';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { createDevCertificate } from '@app/documents';
import { auth, startWorker, TestApp, waitFor, type TestUser } from '../e2e/support/app';
import { consultedUnits } from '../e2e/support/consultations-fixtures';
import { advanceOk, prepareInspection, selectionAt, setClock, uniqueName } from '../e2e/support/workflow-fixtures';
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
});
