import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CaseAccessService, SelectionEntity } from '@app/cases';
import { conflict, DomainException, invalidField } from '@app/common';
import { OPEN_STAGES, RulebookError, RulebookErrorCode, STAGE_LABELS, type OpenStage, type Stage } from '@app/rulebook';

/** Open stages from `from` through `to`, inclusive. */
export function stagesFrom(from: OpenStage, to: OpenStage): OpenStage[] {
  return OPEN_STAGES.slice(OPEN_STAGES.indexOf(from), OPEN_STAGES.indexOf(to) + 1);
}

export function invalidStage(stage: Stage, what: string, allowed: readonly Stage[]): DomainException {
  return new DomainException(
    'INVALID_STAGE',
    `选任工作当前处于「${STAGE_LABELS[stage]}」阶段，不能${what}（限于：${allowed.map((s) => STAGE_LABELS[s]).join('、')}）`,
    409,
    { stage, allowed },
  );
}

/** `If-Match: "7"` or `If-Match: 7` → 7; anything else is refused rather than ignored. */
export function parseIfMatch(header: string | undefined): number | undefined {
  if (header === undefined || header.trim() === '') return undefined;
  const m = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(header);
  if (!m) throw invalidField('If-Match', 'If-Match 应为选任工作的 version');
  return Number(m[1]);
}

/** Rulebook errors are client errors here (an impossible vote, a transition the machine forbids). */
export function mapRulebookError(err: unknown): never {
  if (err instanceof RulebookError) {
    const status = err.code === RulebookErrorCode.INVALID_TRANSITION ? 409 : 422;
    throw new DomainException(err.code, err.message, status, { ...(err.details ?? {}) });
  }
  throw err;
}

export interface LockOptions {
  /** What the caller is doing, in Chinese, for the stage error. */
  what: string;
  stages?: readonly Stage[];
  expectedVersion?: number;
}

/**
 * Selection-level writes take the selection row FOR NO KEY UPDATE NOWAIT: of two clerks acting at once,
 * the second gets 409 CONFLICT at once instead of acting on a state it never saw. A client that
 * sends the version it saw (expectedVersion / If-Match) is refused as well when someone wrote
 * in between, even if that write has already committed.
 */
@Injectable()
export class SelectionLocks {
  constructor(private readonly access: CaseAccessService) {}

  async lock(m: EntityManager, selectionId: string, opts: LockOptions): Promise<SelectionEntity> {
    const s = await this.access.lockSelection(m, selectionId);
    if (opts.expectedVersion !== undefined && opts.expectedVersion !== s.version) {
      throw conflict('该选任工作已被他人修改，请刷新后重试', { expectedVersion: opts.expectedVersion, version: s.version });
    }
    if (opts.stages && !opts.stages.includes(s.stage)) throw invalidStage(s.stage, opts.what, opts.stages);
    return s;
  }

  /** Bumps the version (and applies `patch`): every selection-level write is visible as a new version. */
  async touch(m: EntityManager, s: SelectionEntity, patch: Partial<Pick<SelectionEntity, 'stage' | 'closedReason' | 'stageChangedAt'>> = {}): Promise<SelectionEntity> {
    await m
      .createQueryBuilder()
      .update(SelectionEntity)
      .set({ ...patch, version: () => 'version + 1' })
      .where('id = :id', { id: s.id })
      .execute();
    return m.findOneByOrFail(SelectionEntity, { id: s.id });
  }

  /**
   * Per-candidate records take a SHARE lock: inspectors writing at the same time do not block
   * each other, but an advance (FOR NO KEY UPDATE NOWAIT) cannot slip between a stage check and an insert.
   */
  async share(m: EntityManager, selectionId: string): Promise<SelectionEntity> {
    const rows = await m.query<{ id: string }[]>('SELECT id FROM selection WHERE id = $1 FOR SHARE NOWAIT', [selectionId]);
    if (rows.length === 0) throw conflict('选任工作不存在');
    return m.findOneByOrFail(SelectionEntity, { id: selectionId });
  }
}
