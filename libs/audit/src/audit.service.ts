import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppConfig, Clock, requestContext, type Actor } from '@app/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditEventEntity } from './audit-event.entity';
import { GENESIS_HASH, linkHash, SYSTEM_CHAIN, toStoredJson, type ChainedFields } from './audit-chain';

export interface AuditInput {
  /** Events of a selection go to its own chain, so work on two selections never waits on one lock. */
  selectionId?: string | null;
  action: string;
  entity: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
  /** Defaults to the request's user; the worker passes none and is recorded as the system. */
  actor?: Actor;
}

export interface AuditQuery {
  selectionId?: string;
  entity?: string;
  entityId?: string;
  page: number;
  pageSize: number;
}

export interface BrokenLink {
  id: string;
  chainKey: string;
  seq: number;
  reason: 'hash_mismatch' | 'prev_hash_mismatch' | 'sequence_gap';
}

export interface VerifyResult {
  ok: boolean;
  chains: number;
  events: number;
  firstBroken: BrokenLink | null;
  broken: BrokenLink[];
}

const VERIFY_BATCH = 2000;

@Injectable()
export class AuditService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /**
   * Appends one event inside the caller's transaction. The chain head is serialized with a
   * transaction-scoped advisory lock on the chain key, so concurrent writers to the same chain
   * queue up, writers to other chains do not.
   */
  async append(manager: EntityManager, input: AuditInput): Promise<AuditEventEntity> {
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error('audit events must be written inside the transaction of the change they record');
    }
    const chainKey = input.selectionId ?? SYSTEM_CHAIN;
    await manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [chainKey]);
    const [head] = await manager.query<{ seq: number; hash: string }[]>(
      'SELECT seq, hash FROM audit_event WHERE chain_key = $1 ORDER BY seq DESC LIMIT 1',
      [chainKey],
    );

    const ctx = requestContext.get();
    const actor = input.actor ?? ctx?.actor;
    const fields: ChainedFields = {
      chainKey,
      seq: head ? head.seq + 1 : 1,
      selectionId: input.selectionId ?? null,
      actorId: actor?.id ?? null,
      actorUsername: actor?.username ?? 'system',
      actorRoles: actor?.roles ?? [],
      action: input.action,
      entity: input.entity,
      entityId: input.entityId ?? null,
      before: toStoredJson(input.before),
      after: toStoredJson(input.after),
      requestId: ctx?.requestId ?? null,
      ip: ctx?.ip ?? null,
      userAgent: ctx?.userAgent ?? null,
      // Millisecond precision: what a JS Date and timestamptz both keep exactly.
      occurredAt: new Date(this.clock.now().getTime()),
      hashAlg: this.config.AUDIT_HASH,
      prevHash: head?.hash ?? GENESIS_HASH,
    };
    const row = manager.create(AuditEventEntity, { ...fields, hash: linkHash(fields) });
    return manager.save(AuditEventEntity, row);
  }

  async list(q: AuditQuery): Promise<{ items: AuditEventEntity[]; total: number }> {
    const qb = this.dataSource.getRepository(AuditEventEntity).createQueryBuilder('e');
    if (q.selectionId) qb.andWhere('e.selection_id = :sid', { sid: q.selectionId });
    if (q.entity) qb.andWhere('e.entity = :entity', { entity: q.entity });
    if (q.entityId) qb.andWhere('e.entity_id = :eid', { eid: q.entityId });
    const [items, total] = await qb
      .orderBy('e.id', 'ASC')
      .skip((q.page - 1) * q.pageSize)
      .take(q.pageSize)
      .getManyAndCount();
    return { items, total };
  }

  /** Every event of a selection's chain in order (for the documentary record). */
  async chainOf(selectionId: string): Promise<AuditEventEntity[]> {
    return this.dataSource
      .getRepository(AuditEventEntity)
      .find({ where: { chainKey: selectionId }, order: { seq: 'ASC' } });
  }

  /**
   * Recomputes each chain (or just one) from its first link, in batches, and names every
   * chain's first broken link: a changed row, a row whose predecessor changed, or a removed row.
   */
  async verify(chainKey?: string): Promise<VerifyResult> {
    const keys: string[] = chainKey
      ? [chainKey]
      : (await this.dataSource.query<{ chain_key: string }[]>('SELECT DISTINCT chain_key FROM audit_event ORDER BY chain_key')).map(
          (r) => r.chain_key,
        );
    const repo = this.dataSource.getRepository(AuditEventEntity);
    const broken: BrokenLink[] = [];
    let events = 0;
    for (const key of keys) {
      let prevHash = GENESIS_HASH;
      let expectedSeq = 1;
      let afterSeq = 0;
      for (;;) {
        const batch = await repo
          .createQueryBuilder('e')
          .where('e.chain_key = :key AND e.seq > :afterSeq', { key, afterSeq })
          .orderBy('e.seq', 'ASC')
          .take(VERIFY_BATCH)
          .getMany();
        if (batch.length === 0) break;
        let found: BrokenLink | undefined;
        for (const e of batch) {
          events++;
          const { id: _id, hash, ...fields } = e;
          const at = { id: e.id, chainKey: key, seq: e.seq };
          if (e.seq !== expectedSeq) found = { ...at, reason: 'sequence_gap' };
          else if (e.prevHash !== prevHash) found = { ...at, reason: 'prev_hash_mismatch' };
          else if (linkHash(fields) !== hash) found = { ...at, reason: 'hash_mismatch' };
          if (found) break;
          prevHash = hash;
          expectedSeq++;
        }
        if (found) {
          broken.push(found);
          break;
        }
        afterSeq = batch[batch.length - 1].seq;
      }
    }
    return { ok: broken.length === 0, chains: keys.length, events, firstBroken: broken[0] ?? null, broken };
  }
}
