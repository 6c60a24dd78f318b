import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { notFound } from '@app/common';
import { CadreEntity, CadrePostEntity } from './cadre.entity';
import { CandidateEntity } from './candidate.entity';
import { SelectionEntity, SelectionSupervisorEntity, SelectionTeamMemberEntity } from './selection.entity';

/** Read access to the case spine for other feature modules (they never touch these repositories). */
@Injectable()
export class CasesService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async selection(id: string, manager: EntityManager = this.dataSource.manager): Promise<SelectionEntity> {
    const s = await manager.findOneBy(SelectionEntity, { id });
    if (!s) throw notFound('选任工作');
    return s;
  }

  async candidate(id: string, manager: EntityManager = this.dataSource.manager): Promise<CandidateEntity> {
    const c = await manager.findOneBy(CandidateEntity, { id });
    if (!c) throw notFound('考察对象');
    return c;
  }

  candidatesOf(selectionId: string, manager: EntityManager = this.dataSource.manager): Promise<CandidateEntity[]> {
    return manager.find(CandidateEntity, { where: { selectionId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  candidatesByIds(ids: string[], manager: EntityManager = this.dataSource.manager): Promise<CandidateEntity[]> {
    return ids.length ? manager.findBy(CandidateEntity, { id: In(ids) }) : Promise.resolve([]);
  }

  cadres(ids: string[], manager: EntityManager = this.dataSource.manager): Promise<CadreEntity[]> {
    return ids.length ? manager.findBy(CadreEntity, { id: In(ids) }) : Promise.resolve([]);
  }

  cadrePosts(cadreIds: string[], manager: EntityManager = this.dataSource.manager): Promise<CadrePostEntity[]> {
    return cadreIds.length
      ? manager.find(CadrePostEntity, { where: { cadreId: In(cadreIds) }, order: { fromDate: 'ASC' } })
      : Promise.resolve([]);
  }

  async teamMemberIds(selectionId: string, manager: EntityManager = this.dataSource.manager): Promise<string[]> {
    return (await manager.findBy(SelectionTeamMemberEntity, { selectionId })).map((r) => r.userId);
  }

  async supervisorIds(selectionId: string, manager: EntityManager = this.dataSource.manager): Promise<string[]> {
    return (await manager.findBy(SelectionSupervisorEntity, { selectionId })).map((r) => r.userId);
  }
}
