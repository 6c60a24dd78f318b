import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '@app/audit';
import { CaseAccessService, CaseExtensions } from '@app/cases';
import { Clock, DomainException, type AuthUser } from '@app/common';
import {
  canTransition,
  checkGate,
  evaluate,
  getRulebook,
  nextStage,
  RULES,
  STAGE_LABELS,
  transitionInto,
  unmetForGate,
  type GateStage,
  type RuleResult,
  type Stage,
} from '@app/rulebook';
import { SelectionLocks, mapRulebookError } from './selection-locks.service';
import { SnapshotService } from './snapshot.service';

const ruleView = (r: RuleResult) => ({
  rule: r.rule,
  zh: RULES[r.rule].zh,
  status: r.status,
  evidence: r.evidence,
  ...(r.detail === undefined ? {} : { detail: r.detail }),
});

/** Moving a selection through its stages, guarded by the rulebook's gates, and the checklist of every rule. */
@Injectable()
export class GatesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly access: CaseAccessService,
    private readonly extensions: CaseExtensions,
    private readonly snapshots: SnapshotService,
    private readonly locks: SelectionLocks,
    private readonly clock: Clock,
  ) {}

  /**
   * The snapshot is built inside the transaction that holds the selection's lock, from every
   * record and every feature's evidence, so the gate judges exactly the state the move commits on.
   */
  async advance(user: AuthUser, id: string, to: Stage, expectedVersion?: number) {
    return this.dataSource.transaction(async (m) => {
      const s = await this.locks.lock(m, id, { what: '进入下一环节', expectedVersion });
      if (to === 'closed' || !canTransition(s.stage, to)) {
        throw new DomainException(
          'INVALID_TRANSITION',
          to === 'closed' ? '结束选任工作请使用关闭操作并说明理由' : `选任工作不能从「${STAGE_LABELS[s.stage]}」进入「${STAGE_LABELS[to]}」`,
          409,
          { from: s.stage, to },
        );
      }
      const { snapshot } = await this.snapshots.snapshot(m, s);
      const gate = (() => {
        try {
          return checkGate(snapshot, to, getRulebook(s.rulebookVersion));
        } catch (err) {
          return mapRulebookError(err);
        }
      })();
      if (!gate.ok) {
        throw new DomainException('GATE_UNMET', `不满足进入「${STAGE_LABELS[to]}」的条件（${gate.unmet.length} 项）`, 409, {
          transition: gate.transition,
          unmet: gate.unmet,
        });
      }
      const updated = await this.locks.touch(m, s, { stage: to, stageChangedAt: this.clock.now() });
      await this.audit.append(m, {
        selectionId: id,
        action: 'selection.advanced',
        entity: 'selection',
        entityId: id,
        before: { stage: s.stage, version: s.version },
        after: { stage: to, version: updated.version, transition: gate.transition },
      });
      await this.extensions.stageEntered(m, updated, to);
      return { id, stage: updated.stage, version: updated.version };
    });
  }

  async close(user: AuthUser, id: string, reason: string) {
    return this.dataSource.transaction(async (m) => {
      const s = await this.locks.lock(m, id, { what: '结束选任工作' });
      if (s.stage === 'closed') throw new DomainException('INVALID_TRANSITION', '选任工作已结束', 409, { from: s.stage, to: 'closed' });
      const updated = await this.locks.touch(m, s, { stage: 'closed', closedReason: reason, stageChangedAt: this.clock.now() });
      await this.audit.append(m, {
        selectionId: id,
        action: 'selection.closed',
        entity: 'selection',
        entityId: id,
        before: { stage: s.stage },
        after: { stage: 'closed', closedReason: reason },
      });
      await this.extensions.stageEntered(m, updated, 'closed');
      return { id, stage: updated.stage, closedReason: reason, version: updated.version };
    });
  }

  /** Every rule, for the selection and each candidate, with its evidence: one evaluation, each table read once. */
  async checklist(user: AuthUser, id: string) {
    const s = await this.access.assertCanViewSelection(user, id);
    const { snapshot, loaded } = await this.snapshots.snapshot(this.dataSource.manager, s);
    const evaluation = evaluate(snapshot, getRulebook(s.rulebookVersion));
    // nextStage never yields the first stage, so `next` is always a gated one.
    const next = nextStage(s.stage) as GateStage | null;
    const unmet = next ? unmetForGate(evaluation, transitionInto(next)) : [];
    const names = new Map(loaded.cadres.map((c) => [c.id, c.name]));
    const byId = new Map(loaded.candidates.map((c) => [c.id, c]));
    return {
      selectionId: s.id,
      stage: s.stage,
      version: s.version,
      rulebookVersion: s.rulebookVersion,
      next,
      gate: { ok: unmet.length === 0, transition: next ? transitionInto(next) : null, unmet },
      selectionRules: evaluation.selectionRules.map(ruleView),
      candidates: evaluation.candidates.map((c) => {
        const entity = byId.get(c.candidateId);
        return {
          id: c.candidateId,
          cadreId: entity?.cadreId ?? null,
          name: entity ? (names.get(entity.cadreId) ?? null) : null,
          state: c.state,
          stateReason: entity?.stateReason ?? null,
          rules: c.rules.map(ruleView),
        };
      }),
    };
  }
}
