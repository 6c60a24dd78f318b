import { randomBytes } from 'node:crypto';
import { CadreEntity, CandidateEntity, SelectionEntity, SelectionSupervisorEntity, SelectionTeamMemberEntity } from '@app/cases';
import { CURRENT_RULEBOOK_VERSION, type Stage } from '@app/rulebook';
import type { TestApp } from './app';

/**
 * A selection at `stage` with `count` active candidates, written straight to the case tables with
 * the repositories of @app/cases (the workflow endpoints that normally get there are another
 * module's). Names are unique per call: the run database is shared between test files.
 */
export async function noticeSelection(
  t: TestApp,
  opts: { stage?: Stage; count?: number; teamUserIds?: string[]; supervisorIds?: string[] } = {},
) {
  const ds = t.dataSource;
  const tag = randomBytes(3).toString('hex');
  const unit = await t.newUnit('work_unit', `示范县某局${tag}`);
  const selection = await ds.getRepository(SelectionEntity).save({
    title: `2026年县直部门正科级领导干部选拔${tag}`,
    rulebookVersion: CURRENT_RULEBOOK_VERSION,
    stage: opts.stage ?? 'targets',
  });
  const count = opts.count ?? 2;
  const cadres = await ds.getRepository(CadreEntity).save(
    Array.from({ length: count }, (_x, i) => ({
      name: `考察${['甲', '乙', '丙', '丁', '戊'][i % 5]}${tag}${i}`,
      gender: i % 2 === 0 ? ('male' as const) : ('female' as const),
      birthDate: `198${i % 10}-0${(i % 9) + 1}-15`,
      idNumberEnc: randomBytes(8).toString('hex'),
      idNumberDigest: randomBytes(16).toString('hex'),
      currentPost: `示范县某局副局长${i + 1}`,
      unitId: unit.id,
    })),
  );
  const candidates = await ds.getRepository(CandidateEntity).save(
    cadres.map((c) => ({
      selectionId: selection.id,
      cadreId: c.id,
      nominatorName: '张三',
      nominatorPost: '党组书记',
      nominatorTeam: '示范县某局党组',
      responsibilityStatement: '本人对提名人选负责',
    })),
  );
  if (opts.teamUserIds?.length) {
    await ds.getRepository(SelectionTeamMemberEntity).save(opts.teamUserIds.map((userId) => ({ selectionId: selection.id, userId })));
  }
  if (opts.supervisorIds?.length) {
    await ds.getRepository(SelectionSupervisorEntity).save(opts.supervisorIds.map((userId) => ({ selectionId: selection.id, userId })));
  }
  return { selection, cadres, candidates };
}

export async function candidateState(t: TestApp, id: string): Promise<string> {
  return (await t.dataSource.getRepository(CandidateEntity).findOneByOrFail({ id })).state;
}

/** Moves the project clock of the API and any worker sharing this run's Redis prefix. */
export async function setClock(t: TestApp, iso: string): Promise<void> {
  await t.http.post('/api/test/clock').send({ now: new Date(iso).toISOString() }).expect(200);
}

let lastOctet = 0;
/** A distinct client address per test (trust proxy: loopback), so rate limits do not leak between tests. */
export function clientAddress(): string {
  lastOctet++;
  return `10.${Math.floor(Math.random() * 250) + 1}.${Math.floor(lastOctet / 250)}.${(lastOctet % 250) + 1}`;
}
