import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditService } from '@app/audit';
import { Clock, DomainException, notFound } from '@app/common';
import type { CandidateState, RuleId } from '@app/rulebook';
import { CandidateEntity } from './candidate.entity';

export interface StateChange {
  reason: string;
  rule?: RuleId | null;
  /** Evidence: the record that caused the change (a report, an opinion, a finding). */
  source?: { entity: string; id: string };
}

/** Which states a candidate may move to from which; everything else is refused. */
const ALLOWED: Record<CandidateState, readonly CandidateState[]> = {
  active: ['on_hold', 'excluded', 'not_selected', 'withdrawn', 'appointed'],
  on_hold: ['active', 'excluded', 'not_selected', 'withdrawn'],
  excluded: [],
  not_selected: [],
  withdrawn: [],
  appointed: [],
};

/**
 * The one place a candidate's state changes, always inside the caller's transaction, always
 * audited on the selection's chain, so the documentary record shows every change and its cause.
 */
@Injectable()
export class CandidateStateService {
  constructor(
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async lock(manager: EntityManager, candidateId: string): Promise<CandidateEntity> {
    const c = await manager.findOne(CandidateEntity, { where: { id: candidateId }, lock: { mode: 'pessimistic_write' } });
    if (!c) throw notFound('考察对象');
    return c;
  }

  /** Moves the candidate, or does nothing when it is already in `to` (idempotent for jobs). */
  async transition(manager: EntityManager, candidateId: string, to: CandidateState, change: StateChange): Promise<CandidateEntity> {
    const c = await this.lock(manager, candidateId);
    if (c.state === to) return c;
    if (!ALLOWED[c.state].includes(to)) {
      throw new DomainException('INVALID_CANDIDATE_STATE', `考察对象当前状态为 ${c.state}，不能变更为 ${to}`, 409);
    }
    const before = { state: c.state, stateReason: c.stateReason, stateRule: c.stateRule };
    c.state = to;
    c.stateReason = change.reason;
    c.stateRule = change.rule ?? null;
    c.stateChangedAt = this.clock.now();
    const saved = await manager.save(c);
    await this.audit.append(manager, {
      selectionId: c.selectionId,
      action: `candidate.${to}`,
      entity: 'candidate',
      entityId: c.id,
      before,
      after: { state: to, stateReason: change.reason, stateRule: change.rule ?? null, source: change.source },
    });
    return saved;
  }

  /** 两个一律 (2): a report under verification holds an active candidate. */
  async hold(manager: EntityManager, candidateId: string, change: StateChange): Promise<CandidateEntity> {
    const c = await this.lock(manager, candidateId);
    if (c.state !== 'active') return c;
    return this.transition(manager, candidateId, 'on_hold', { rule: 'two_withouts.report_unverified', ...change });
  }

  /** Back to active once nothing holds the candidate any more (the caller knows that). */
  async release(manager: EntityManager, candidateId: string, change: StateChange): Promise<CandidateEntity> {
    const c = await this.lock(manager, candidateId);
    if (c.state !== 'on_hold') return c;
    return this.transition(manager, candidateId, 'active', change);
  }

  /** 两个一律 (1) or a serious finding: out, whatever the stage, with the rule that excluded them. */
  async exclude(manager: EntityManager, candidateId: string, change: StateChange & { rule: RuleId }): Promise<CandidateEntity> {
    const c = await this.lock(manager, candidateId);
    if (c.state === 'excluded' || c.state === 'withdrawn' || c.state === 'not_selected' || c.state === 'appointed') return c;
    return this.transition(manager, candidateId, 'excluded', change);
  }
}
