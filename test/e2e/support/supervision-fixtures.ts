import { randomBytes } from 'node:crypto';
import { CadreEntity, CadrePostEntity, CandidateEntity, SelectionEntity, SelectionTeamMemberEntity } from '@app/cases';
import { CURRENT_RULEBOOK_VERSION, type Stage } from '@app/rulebook';
import type { TestApp } from './app';

export interface SupervisionCase {
  selectionId: string;
  title: string;
  candidateIds: string[];
  cadreNames: string[];
}

/**
 * A selection at `stage` with a team and `count` candidates, written through the case spine's
 * entities (the supervision tests need a case to watch, not the workflow that leads to one).
 */
export async function supervisionCase(
  t: TestApp,
  opts: { teamUserIds: string[]; unitId: string; earlierUnitId: string; stage?: Stage; count?: number },
): Promise<SupervisionCase> {
  const tag = randomBytes(3).toString('hex');
  return t.dataSource.transaction(async (m) => {
    const title = `县直部门正科级领导干部选任${tag}`;
    const selection = await m.save(m.create(SelectionEntity, { title, rulebookVersion: CURRENT_RULEBOOK_VERSION, stage: opts.stage ?? 'inspection' }));
    for (const userId of opts.teamUserIds) await m.save(m.create(SelectionTeamMemberEntity, { selectionId: selection.id, userId }));
    const out: SupervisionCase = { selectionId: selection.id, title, candidateIds: [], cadreNames: [] };
    for (let i = 0; i < (opts.count ?? 2); i++) {
      const name = `${['王鑫珺', '李彧', '赵燊'][i % 3]}${tag.slice(0, 2)}${i}`;
      const cadre = await m.save(
        m.create(CadreEntity, {
          name,
          gender: i % 2 === 0 ? 'female' : 'male',
          birthDate: '1985-03-12',
          idNumberEnc: `test-${tag}-${i}`,
          idNumberDigest: `digest-${randomBytes(8).toString('hex')}`,
          currentPost: '示范县发展和改革局副局长',
          unitId: opts.unitId,
        }),
      );
      await m.save(m.create(CadrePostEntity, { cadreId: cadre.id, unitId: opts.earlierUnitId, title: '综合科科长', fromDate: '2014-01-01', toDate: '2019-03-31' }));
      await m.save(m.create(CadrePostEntity, { cadreId: cadre.id, unitId: opts.unitId, title: '副局长', fromDate: '2019-04-01', toDate: null }));
      const candidate = await m.save(
        m.create(CandidateEntity, {
          selectionId: selection.id,
          cadreId: cadre.id,
          nominatorName: '李赟燊',
          nominatorPost: '县发展和改革局党组书记',
          nominatorTeam: '县发展和改革局党组',
          responsibilityStatement: '本人对推荐人选的政治素质、廉洁自律情况负责。',
        }),
      );
      out.candidateIds.push(candidate.id);
      out.cadreNames.push(name);
    }
    return out;
  });
}
