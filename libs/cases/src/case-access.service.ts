import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { DomainException, forbidden, hasRole, notFound, type AuthUser } from '@app/common';
import { CandidateEntity } from './candidate.entity';
import { SelectionEntity, SelectionSupervisorEntity, SelectionTeamMemberEntity } from './selection.entity';

/** Which selections a user may see: all of them, or these ids. */
export type SelectionScope = { all: true } | { all: false; ids: string[] };

/**
 * Per-object authorization over selections and candidates. Roles say what kind of thing a user
 * may do; this says on which selections: org_admin and audit_admin see all, an inspector the
 * selections whose team they are on, a supervisor those assigned to them. A selection one may not
 * see answers 404, so its existence does not leak.
 */
@Injectable()
export class CaseAccessService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async scope(user: AuthUser): Promise<SelectionScope> {
    if (hasRole(user, 'org_admin', 'audit_admin')) return { all: true };
    const ids = new Set<string>();
    if (hasRole(user, 'inspector')) {
      for (const r of await this.dataSource.getRepository(SelectionTeamMemberEntity).findBy({ userId: user.id })) ids.add(r.selectionId);
    }
    if (hasRole(user, 'supervisor')) {
      for (const r of await this.dataSource.getRepository(SelectionSupervisorEntity).findBy({ userId: user.id })) ids.add(r.selectionId);
    }
    return { all: false, ids: [...ids] };
  }

  async canView(user: AuthUser, selectionId: string): Promise<boolean> {
    if (hasRole(user, 'org_admin', 'audit_admin')) return true;
    const m = this.dataSource.manager;
    if (hasRole(user, 'inspector') && (await m.existsBy(SelectionTeamMemberEntity, { selectionId, userId: user.id }))) return true;
    if (hasRole(user, 'supervisor') && (await m.existsBy(SelectionSupervisorEntity, { selectionId, userId: user.id }))) return true;
    return false;
  }

  async isTeamMember(userId: string, selectionId: string, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    return manager.existsBy(SelectionTeamMemberEntity, { selectionId, userId });
  }

  async assertCanViewSelection(user: AuthUser, selectionId: string): Promise<SelectionEntity> {
    const selection = await this.dataSource.getRepository(SelectionEntity).findOneBy({ id: selectionId });
    if (!selection || !(await this.canView(user, selectionId))) throw notFound('选任工作');
    return selection;
  }

  async assertCanViewCandidate(user: AuthUser, candidateId: string): Promise<{ candidate: CandidateEntity; selection: SelectionEntity }> {
    const candidate = await this.dataSource.getRepository(CandidateEntity).findOneBy({ id: candidateId });
    if (!candidate) throw notFound('考察对象');
    const selection = await this.assertCanViewSelection(user, candidate.selectionId).catch(() => {
      throw notFound('考察对象');
    });
    return { candidate, selection };
  }

  /** Inspection records may be written by org_admin and by inspectors of this selection's team. */
  async assertRecordWriter(user: AuthUser, candidateId: string): Promise<{ candidate: CandidateEntity; selection: SelectionEntity }> {
    const found = await this.assertCanViewCandidate(user, candidateId);
    if (hasRole(user, 'org_admin')) return found;
    if (hasRole(user, 'inspector') && (await this.isTeamMember(user.id, found.selection.id))) return found;
    throw forbidden('只有本考察组成员或组织部工作人员可以录入考察记录');
  }

  /**
   * Locks the selection row for the rest of the transaction; a second writer gets 409 at once
   * instead of waiting and then acting on a state it never saw. NO KEY UPDATE, not UPDATE: every
   * insert of a row that references the selection (a document, a report, an audit-relevant record
   * written by the worker) takes a KEY SHARE lock on it, which FOR UPDATE would collide with.
   */
  async lockSelection(manager: EntityManager, selectionId: string): Promise<SelectionEntity> {
    try {
      const rows = await manager.query<{ id: string }[]>('SELECT id FROM selection WHERE id = $1 FOR NO KEY UPDATE NOWAIT', [selectionId]);
      if (rows.length === 0) throw notFound('选任工作');
    } catch (err) {
      if ((err as { driverError?: { code?: string }; code?: string }).driverError?.code === '55P03') {
        throw new DomainException('CONFLICT', '其他人正在修改该选任工作，请刷新后重试', 409);
      }
      throw err;
    }
    return manager.findOneByOrFail(SelectionEntity, { id: selectionId });
  }
}
