import { randomBytes, randomInt } from 'node:crypto';
import { addWorkingDays, type Stage } from '@app/rulebook';
import { idNumberCheckChar } from '@app/workflow';
import { auth, type TestApp, type TestUser } from './app';

/** A random birth date, so that random ID numbers do not collide across a run. */
export function randomBirthDate(): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${randomInt(1965, 1995)}-${pad(randomInt(1, 13))}-${pad(randomInt(1, 29))}`;
}

/** A valid 18-character PRC ID number (random sequence, correct check character). */
export function validIdNumber(birthDate = randomBirthDate()): string {
  const first17 = `110105${birthDate.replaceAll('-', '')}${String(randomInt(0, 1000)).padStart(3, '0')}`;
  return `${first17}${idNumberCheckChar(first17)}`;
}

/** A name nobody else's motion text can contain by accident. */
export const uniqueName = (prefix = '干部') => `${prefix}${randomBytes(3).toString('hex')}`;

export async function setClock(t: TestApp, iso: string): Promise<void> {
  await t.http.post('/api/test/clock').send({ now: new Date(iso).toISOString() }).expect(200);
}

export const MOTION_OK = {
  direction: '选拔一名熟悉经济工作的正科级领导干部',
  criteria: '政治坚定，敢于担当，具有两年以上基层工作经历',
  requirements: '坚持民主、公开、竞争、择优，严格执行干部考察有关规定',
  proposedBy: '县委书记',
};

export interface CadreRef {
  id: string;
  name: string;
}

/** A cadre through the API; `earlierUnitIds` become earlier posts (one extended inspection each). */
export async function newCadre(t: TestApp, admin: TestUser, unitId: string, earlierUnitIds: string[] = [], name = uniqueName()): Promise<CadreRef> {
  const res = await t.http
    .post('/api/cadres')
    .set(auth(admin))
    .send({
      name,
      gender: 'male',
      birthDate: '1980-05-12',
      idNumber: validIdNumber(),
      currentPost: '副镇长',
      unitId,
      posts: [
        ...earlierUnitIds.map((u, i) => ({ unitId: u, title: `科员${i}`, from: `201${i}-01-01`, to: `201${i}-12-31` })),
        { unitId, title: '副镇长', from: '2020-01-01' },
      ],
    })
    .expect(201);
  return { id: res.body.id, name };
}

export function advance(t: TestApp, admin: TestUser, selectionId: string, to: Stage) {
  return t.http.post(`/api/selections/${selectionId}/advance`).set(auth(admin)).send({ to });
}

export async function advanceOk(t: TestApp, admin: TestUser, selectionId: string, to: Stage): Promise<void> {
  const res = await advance(t, admin, selectionId, to);
  if (res.status !== 200) throw new Error(`advance to ${to} failed: ${res.status} ${JSON.stringify(res.body)}`);
}

export interface Scenario {
  selectionId: string;
  candidateIds: string[];
  cadres: CadreRef[];
  postIds: string[];
}

export interface ScenarioOptions {
  posts?: number[];
  candidates?: number;
  team?: TestUser[];
  /** Earlier units given to every cadre's post history. */
  earlierUnitIds?: string[];
  homeUnitId: string;
}

/** Drives a new selection through the API to `stage` (at most `targets`: later gates need other modules). */
export async function selectionAt(t: TestApp, admin: TestUser, stage: 'motion' | 'nomination' | 'recommendation' | 'targets', o: ScenarioOptions): Promise<Scenario> {
  const sel = await t.http.post('/api/selections').set(auth(admin)).send({ title: uniqueName('选任') }).expect(201);
  const selectionId: string = sel.body.id;
  const scenario: Scenario = { selectionId, candidateIds: [], cadres: [], postIds: [] };
  if (stage === 'motion') return scenario;
  await t.http.post(`/api/selections/${selectionId}/motion`).set(auth(admin)).send(MOTION_OK).expect(201);
  await advanceOk(t, admin, selectionId, 'nomination');
  const plan = await t.http
    .put(`/api/selections/${selectionId}/work-plan`)
    .set(auth(admin))
    .send({
      posts: (o.posts ?? [1]).map((count, i) => ({ title: `乡镇副职${i + 1}`, unitId: o.homeUnitId, count })),
      conditions: '任职资格条件',
      pool: '全县符合条件的干部',
      method: '会议推荐与谈话推荐相结合',
      timetable: '2026年12月',
      teamUserIds: (o.team ?? []).map((u) => u.id),
    })
    .expect(200);
  scenario.postIds = (plan.body.posts as { id: string }[]).map((p) => p.id);
  for (let i = 0; i < (o.candidates ?? 3); i++) {
    const cadre = await newCadre(t, admin, o.homeUnitId, o.earlierUnitIds ?? []);
    const c = await t.http
      .post(`/api/selections/${selectionId}/candidates`)
      .set(auth(admin))
      .send({ cadreId: cadre.id, nominator: { name: '赵某', post: '县委书记', team: '县委常委会' }, responsibilityStatement: '本人对提名人选负责' })
      .expect(201);
    scenario.cadres.push(cadre);
    scenario.candidateIds.push(c.body.id);
  }
  if (stage === 'nomination') return scenario;
  await advanceOk(t, admin, selectionId, 'recommendation');
  await recommend(t, admin, selectionId, scenario.candidateIds);
  if (stage === 'recommendation') return scenario;
  await advanceOk(t, admin, selectionId, 'targets');
  return scenario;
}

export async function recommend(t: TestApp, admin: TestUser, selectionId: string, candidateIds: string[], heldAt = '2026-11-20T09:00:00+08:00'): Promise<void> {
  await t.http
    .post(`/api/selections/${selectionId}/recommendations/meeting`)
    .set(auth(admin))
    .send({ heldAt, participants: 60, tallies: candidateIds.map((candidateId, i) => ({ candidateId, votes: 50 - i })) })
    .expect(201);
  await t.http
    .post(`/api/selections/${selectionId}/recommendations/talk`)
    .set(auth(admin))
    .send({ heldAt, results: candidateIds.map((candidateId, i) => ({ candidateId, mentions: 20 - i })) })
    .expect(201);
}

/** At `targets`: the target meeting, the advance notice (inspection the next working day) and the targets' notice, through the API. */
export async function prepareInspection(t: TestApp, admin: TestUser, selectionId: string, candidateIds: string[], today: string): Promise<void> {
  await t.http
    .post(`/api/selections/${selectionId}/target-meeting`)
    .set(auth(admin))
    .send({ heldAt: `${today}T08:00:00+08:00`, minutes: '部务会确定考察对象', candidateIds })
    .expect(201);
  const adv = await t.http
    .post(`/api/selections/${selectionId}/notices`)
    .set(auth(admin))
    .send({ kind: 'advance', candidateIds, startsOn: today, inspectionStartsOn: addWorkingDays(today, 2) });
  if (adv.status !== 201) throw new Error(`advance notice: ${adv.status} ${JSON.stringify(adv.body)}`);
  await t.http.post(`/api/selections/${selectionId}/notices`).set(auth(admin)).send({ kind: 'inspection', candidateIds, startsOn: today }).expect(201);
}

/** Every inspection record this module owns, for one candidate. */
export async function fullRecords(t: TestApp, writer: TestUser, candidateId: string, heldAt: string, earlierUnitIds: string[] = []): Promise<void> {
  const post = (path: string, body: object) => t.http.post(`/api/candidates/${candidateId}/${path}`).set(auth(writer)).send(body).expect(201);
  for (const category of ['leadership_team', 'staff', 'superior_leader', 'service_recipients', 'party_delegates', 'npc_deputies', 'cppcc_members']) {
    await post('interviews', { category, intervieweeName: '李某', intervieweePost: '干部', heldAt, summary: '谈话内容' });
  }
  for (const item of ['neighbourhood', 'training', 'annual_appraisals', 'personnel_file', 'public_opinion', 'petitions']) {
    await post('checks', { item, finding: '未发现问题', evidence: '档案材料' });
  }
  await post('evaluations', { heldAt, participants: 40, excellent: 30, competent: 8, basicallyCompetent: 2, incompetent: 0 });
  for (const unitId of earlierUnitIds) await post('extended-inspections', { unitId, summary: '延伸考察情况' });
  await post('personal-matters', { finding: '报告与查核结果一致' });
}

export type UnmetEntry = { rule: string; candidateId?: string };

export const rulesOf = (unmet: UnmetEntry[], candidateId?: string): string[] =>
  unmet
    .filter((u) => u.candidateId === candidateId)
    .map((u) => u.rule)
    .sort();
