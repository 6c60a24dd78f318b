import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { CaseAccessService, SelectionSupervisorEntity, type SelectionEntity } from '@app/cases';
import { DomainException, hasRole, notFound, type AuthUser } from '@app/common';
import { STAGE_LABELS, type Stage } from '@app/rulebook';

/** A write on a selection that has ended is refused, the same way the workflow refuses one. */
export function closedSelection(stage: Stage, what: string): DomainException {
  return new DomainException('INVALID_STAGE', `选任工作${STAGE_LABELS[stage]}，不能${what}`, 409, { stage });
}

/**
 * Who may see what of supervision. A supervisor sees a selection only while assigned to it — not
 * through another role they may hold — and anything else answers 404, so nothing leaks.
 */
@Injectable()
export class SupervisionAccess {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: CaseAccessService,
  ) {}

  isAssigned(userId: string, selectionId: string, m: EntityManager = this.dataSource.manager): Promise<boolean> {
    return m.existsBy(SelectionSupervisorEntity, { selectionId, userId });
  }

  async assertAssignedSupervisor(user: AuthUser, selectionId: string, what = '选任工作'): Promise<SelectionEntity> {
    const selection = await this.access.assertCanViewSelection(user, selectionId).catch(() => {
      throw notFound(what);
    });
    if (!hasRole(user, 'supervisor') || !(await this.isAssigned(user.id, selectionId))) throw notFound(what);
    return selection;
  }

  /** The documentary record and the remarks: org_admin, audit_admin, and the supervisors assigned. */
  async assertRecordReader(user: AuthUser, selectionId: string): Promise<SelectionEntity> {
    if (hasRole(user, 'org_admin', 'audit_admin')) return this.access.assertCanViewSelection(user, selectionId);
    return this.assertAssignedSupervisor(user, selectionId);
  }

  /** Shares the selection row for the transaction: an advance (FOR UPDATE) cannot slip between the stage read and the write. */
  async share(m: EntityManager, selectionId: string): Promise<Stage> {
    const rows = await m.query<{ stage: Stage }[]>('SELECT stage FROM selection WHERE id = $1 FOR SHARE', [selectionId]);
    if (rows.length === 0) throw notFound('选任工作');
    return rows[0].stage;
  }
}
