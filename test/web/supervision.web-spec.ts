import type { INestApplicationContext } from '@nestjs/common';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { createDevCertificate } from '@app/documents';
import { auth, startWorker, TestApp, waitFor, type TestUser } from '../e2e/support/app';
import { advanceOk, prepareInspection, selectionAt, setClock, uniqueName } from '../e2e/support/workflow-fixtures';
import { launchBrowser, listen, loginAs, PHONE } from './support/browser';
import { consultedRespondents, inspectionToDecision, renderDossier, startElectronicVote } from './support/decision-fixtures';

jest.setTimeout(300_000);

const TODAY = '2026-12-01';
const NOW = `${TODAY}T10:00:00+08:00`;
// Notices published on Tuesday 1 December run five working days, to Monday 7 December 24:00.
const AFTER_NOTICES = '2026-12-08T10:00:00+08:00';

interface RemarkBody {
  id: string;
  content: string;
  answered: boolean;
  answer: { content: string } | null;
}

/**
 * Supervision, the dashboard and the committee's vote through the browser, on one selection
 * taken forward through the API: the clerk assigns a volunteer supervisor with the picker; the
 * supervisor sees only that selection, downloads a watermarked dossier copy and files a remark;
 * the clerk answers it; the dashboard's figures lead to their lists; then the selection goes to
 * the committee, a member votes on a phone, and the secretary is held back until the others
 * have voted. The tests run in order, as the work does.
 */
describe('Supervision, dashboard and votes (browser)', () => {
  let t: TestApp;
  let worker: INestApplicationContext | undefined;
  let browser: Browser;
  let base: string;
  let dir: string;
  let admin: TestUser;
  let team: [TestUser, TestUser];
  let watcher: TestUser;
  // Unique: the picker's search must find this one account in a database other test files share.
  let watcherName: string;
  let otherWatcher: TestUser;
  let respondents: TestUser[];
  let committee: TestUser[];
  let secretary: TestUser;
  let selectionId: string;
  let selectionTitle: string;
  let otherTitle: string;
  let candidateIds: string[];
  let remarkId: string;
  const pages: Page[] = [];
  const savedEnv = { path: process.env.SIGNING_P12_PATH, pass: process.env.SIGNING_P12_PASSPHRASE };

  beforeAll(async () => {
    const dev = await createDevCertificate();
    dir = mkdtempSync(join(tmpdir(), 'kaocha-web-supervision-'));
    writeFileSync(join(dir, 'seal.p12'), dev.p12);
    process.env.SIGNING_P12_PATH = join(dir, 'seal.p12');
    process.env.SIGNING_P12_PASSPHRASE = dev.passphrase;
    t = await TestApp.start();
    await setClock(t, NOW);
    worker = await startWorker();
    base = await listen(t);
    browser = await launchBrowser();

    admin = await t.newUser(['org_admin'], { displayName: '组织部李明' });
    team = [await t.newUser(['inspector'], { displayName: '考察组周彧' }), await t.newUser(['inspector'], { displayName: '考察组刘燊' })];
    const supervising = await t.newUnit('supervising_unit', `县政协义务监督组${uniqueName('')}`);
    watcherName = uniqueName('义务监督员孙赟');
    watcher = await t.newUser(['supervisor'], { displayName: watcherName, unitId: supervising.id });
    otherWatcher = await t.newUser(['supervisor'], { displayName: '义务监督员吴鑫' });
    committee = [];
    for (const name of ['常委赵一', '常委钱二', '常委孙三']) committee.push(await t.newUser(['committee_member'], { displayName: name }));
    secretary = await t.newUser(['committee_member'], { displayName: '县委书记周四' });
    respondents = await consultedRespondents(t);
    const home = await t.newUnit('work_unit', `示范县发展和改革局${uniqueName('')}`);

    const s = await selectionAt(t, admin, 'targets', { homeUnitId: home.id, team, candidates: 3 });
    selectionId = s.selectionId;
    candidateIds = s.candidateIds;
    await prepareInspection(t, admin, selectionId, candidateIds, TODAY);
    await advanceOk(t, admin, selectionId, 'inspection');
    selectionTitle = (await t.http.get(`/api/selections/${selectionId}`).set(auth(admin)).expect(200)).body.title as string;
    // Another selection, watched by someone else.
    const other = await selectionAt(t, admin, 'motion', { homeUnitId: home.id });
    await t.http.put(`/api/selections/${other.selectionId}/supervisors`).set(auth(admin)).send({ userIds: [otherWatcher.id] }).expect(200);
    otherTitle = (await t.http.get(`/api/selections/${other.selectionId}`).set(auth(admin)).expect(200)).body.title as string;
    // The first candidate's dossier, rendered by the worker: what the supervisor will read.
    await renderDossier(t, team[0], candidateIds[0]);
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
  // One browser session for the clerk: logins are rate-limited per account.
  let clerkPage: Page | undefined;
  const clerk = async () => (clerkPage ??= await open(admin));
  const remarks = async () => (await t.http.get(`/api/selections/${selectionId}/remarks`).set(auth(admin)).expect(200)).body.items as RemarkBody[];

  it('should assign a volunteer supervisor with the picker when the clerk saves the selection supervisors', async () => {
    const page = await clerk();
    expect(new URL(page.url()).pathname).toBe('/org/dashboard');
    await page.goto(`/selections/${selectionId}?tab=supervision`);
    await page.getByTestId('supervisor-picker').click();
    await page.keyboard.type(watcherName);
    await page.locator('.ant-select-item-option', { hasText: watcherName }).click();
    await page.keyboard.press('Escape');
    await page.getByTestId('supervisors-save').click();
    await waitFor(async () => {
      const s = await t.http.get(`/api/selections/${selectionId}`).set(auth(admin)).expect(200);
      return (s.body.supervisors as { userId: string }[]).some((x) => x.userId === watcher.id);
    });
    await page.getByTestId('attendance-form').waitFor();
  });

  it('should show a supervisor only the assigned selection, give a watermarked dossier copy and take a remark', async () => {
    const page = await open(watcher);
    expect(new URL(page.url()).pathname).toBe('/supervisor/selections');
    const rows = page.getByTestId('supervised-selection');
    await rows.first().waitFor();
    expect(await rows.allTextContents()).toEqual([selectionTitle]);
    expect(await page.getByText(otherTitle).count()).toBe(0);

    // Read only: the checklist, no gate button.
    await rows.first().click();
    await page.getByTestId('group-scores').first().waitFor();
    expect(await page.getByTestId('advance').count()).toBe(0);

    await page.goto(`/candidates/${candidateIds[0]}`);
    const [res, download] = await Promise.all([
      page.waitForResponse((r) => r.url().includes(`/api/supervision/candidates/${candidateIds[0]}/dossier.pdf`)),
      page.waitForEvent('download'),
      page.getByTestId('dossier-copy-download').click(),
    ]);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toContain('application/pdf');
    expect(res.headers()['x-copy-number']).toBe('1');
    // The file the browser saved is the PDF itself, named as the API named the copy.
    expect(download.suggestedFilename()).toMatch(/^考察材料-.+-副本第1份\.pdf$/);
    const pdf = readFileSync(await download.path());
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await expect(page.getByTestId('dossier-copy-number').textContent()).resolves.toBe('第 1 份副本');

    const content = '建议核实该同志在原单位期间的信访情况。';
    await page.getByTestId('remark-content').fill(content);
    await page.getByTestId('remark-submit').click();
    const filed = await waitFor(async () => (await remarks()).find((r) => r.content === content));
    remarkId = filed.id;
    expect(filed.answered).toBe(false);
  });

  it('should let the clerk answer the remark on the selection page and the supervisor read the answer', async () => {
    const page = await clerk();
    await page.goto(`/selections/${selectionId}?tab=supervision`);
    const item = page.locator(`[data-remark-id="${remarkId}"]`);
    await item.waitFor();
    expect(await item.getAttribute('data-answered')).toBe('no');
    // An empty answer is stopped by the form, next to the box.
    await item.getByTestId('remark-answer-submit').click();
    await item.getByText('请填写答复').waitFor();
    const answer = '经查阅信访台账并走访原单位，该同志无信访问题。';
    await item.getByTestId('remark-answer-input').fill(answer);
    await item.getByTestId('remark-answer-submit').click();
    await page.locator(`[data-remark-id="${remarkId}"][data-answered="yes"]`).waitFor();
    expect((await remarks()).find((r) => r.id === remarkId)?.answer?.content).toBe(answer);

    const sup = await open(watcher);
    await sup.goto(`/selections/${selectionId}?tab=supervision`);
    await expect(sup.locator(`[data-remark-id="${remarkId}"]`).getByTestId('remark-answer').textContent()).resolves.toContain(answer);
    await sup.locator(`[data-remark-id="${remarkId}"]`).getByTestId('follow-up').waitFor();
  });

  it('should show the dashboard figures, each leading to its list', async () => {
    const page = await clerk();
    await page.goto('/org/dashboard');
    await page.getByTestId('dashboard').waitFor();
    const dash = (await t.http.get('/api/dashboard').set(auth(admin)).expect(200)).body as {
      openSelections: { total: number; byStage: { stage: string; count: number }[] };
      candidatesOnHold: number;
      overdueConsultations: number;
      unansweredRemarks: { count: number };
    };
    const figure = async (id: string) => Number((await page.getByTestId(id).locator('.ant-statistic-content-value').textContent())!.replace(/\D/g, ''));
    expect(await figure('dash-open-selections')).toBe(dash.openSelections.total);
    expect(await figure('dash-on-hold')).toBe(dash.candidatesOnHold);
    expect(await figure('dash-overdue')).toBe(dash.overdueConsultations);
    expect(await figure('dash-remarks')).toBe(dash.unansweredRemarks.count);
    expect(dash.openSelections.byStage.find((s) => s.stage === 'inspection')?.count).toBeGreaterThan(0);

    await page.locator('[data-stage="inspection"] a').click();
    await page.waitForURL(/\/org\/selections\?stage=inspection/);
    await page.getByRole('link', { name: selectionTitle }).waitFor();

    await page.goto('/org/dashboard');
    await page.getByTestId('dash-overdue').click();
    await page.waitForURL(/\/org\/consultations\?status=overdue/);
  });

  it('should let a committee member vote on a phone and refuse the secretary until the others have voted', async () => {
    await inspectionToDecision(t, { admin, team, respondents, selectionId, candidateIds, today: TODAY, afterNotices: AFTER_NOTICES, agenda: candidateIds.slice(0, 2) });
    const names = (await t.http.get(`/api/selections/${selectionId}`).set(auth(admin)).expect(200)).body.candidates as { id: string; name: string }[];
    const nameOf = (id: string) => names.find((c) => c.id === id)!.name;

    // Round 1 on paper: the clerk enters the counted ballots; both candidates get every vote for one post.
    const desk = await clerk();
    await desk.goto(`/selections/${selectionId}?tab=decision`);
    await desk.getByTestId('vote-form').waitFor();
    await desk.getByTestId('vote-mode').getByText('现场计票').click();
    const present = await desk.locator('.vote-member').count();
    await desk.getByTestId('vote-heldAt').click();
    await desk.getByTestId('vote-heldAt').fill('2026-12-08 09:10:00');
    await desk.locator('.ant-picker-ok button').click();
    for (const i of [0, 1]) await desk.getByTestId(`tally-agree-${i}`).fill(String(present));
    await desk.getByTestId('vote-start').click();
    await desk.getByTestId('close-vote').click();
    await desk.locator('.ant-popconfirm .ant-btn-primary').click();
    // A tie for the one post: a new round on the tied candidates only.
    await expect(desk.getByTestId('vote-tie').textContent()).resolves.toContain('须就并列人选另行票决');
    await expect(desk.getByTestId('vote-form').textContent()).resolves.toContain('组织第 2 轮票决');

    const voteId = await startElectronicVote(t, admin, selectionId, [...committee, secretary], '2026-12-08T09:30:00+08:00');
    // The new round's agenda: the tied candidates, in the order the ballot shows them.
    const agenda = (await t.http.get(`/api/votes/${voteId}`).set(auth(admin)).expect(200)).body.agenda as string[];
    expect([...agenda].sort()).toEqual(candidateIds.slice(0, 2).sort());

    // The secretary speaks last: refused, with the reason on the screen.
    const sec = await open(secretary, PHONE);
    expect(new URL(sec.url()).pathname).toBe('/votes');
    await sec.getByTestId('ballot').waitFor();
    await sec.getByTestId('ballot-agree').click();
    await expect(sec.getByTestId('api-error').textContent()).resolves.toContain('书记须在其他到会成员表决后末位表态');

    // A member votes on each candidate in turn, on a 375×812 screen.
    const phone = await open(committee[0], PHONE);
    await expect(phone.getByTestId('ballot-candidate').textContent()).resolves.toBe(nameOf(agenda[0]));
    const width = await phone.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(PHONE.width);
    await phone.getByTestId('ballot-agree').click();
    await waitFor(async () => (await phone.getByTestId('ballot-candidate').textContent()) === nameOf(agenda[1]));
    await phone.getByTestId('ballot-disagree').click();
    await phone.getByTestId('vote-done').waitFor();

    for (const u of committee.slice(1)) {
      await t.http.post(`/api/votes/${voteId}/ballots`).set(auth(u)).send({ candidateId: agenda[0], choice: 'agree' }).expect(201);
      await t.http.post(`/api/votes/${voteId}/ballots`).set(auth(u)).send({ candidateId: agenda[1], choice: 'disagree' }).expect(201);
    }
    await sec.reload();
    await sec.getByTestId('ballot-agree').click();
    await waitFor(async () => (await sec.getByTestId('ballot-candidate').textContent()) === nameOf(agenda[1]));
    await sec.getByTestId('ballot-disagree').click();
    await sec.getByTestId('vote-done').waitFor();

    // The clerk closes the round: the first candidate is elected.
    await desk.goto(`/selections/${selectionId}?tab=decision`);
    await desk.getByTestId('close-vote').click();
    await desk.locator('.ant-popconfirm .ant-btn-primary').click();
    await expect(desk.getByTestId('vote-result').textContent()).resolves.toContain(`当选：${nameOf(agenda[0])}`);
    const vote = await t.http.get(`/api/selections/${selectionId}`).set(auth(admin)).expect(200);
    const round = (vote.body.votes as { id: string; status: string; results: { candidateId: string; agree: number; elected: boolean }[] }[]).find((v) => v.id === voteId)!;
    expect(round.status).toBe('closed');
    expect(round.results.find((r) => r.candidateId === agenda[0])).toMatchObject({ agree: 4, elected: true });
  });
});
