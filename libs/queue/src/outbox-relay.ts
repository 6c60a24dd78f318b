import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { getQueueToken } from '@nestjs/bullmq';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppConfig, Clock } from '@app/common';
import type { Queue } from 'bullmq';
import { DataSource, IsNull } from 'typeorm';
import { ALL_QUEUES } from './jobs';
import { OutboxEntity } from './outbox.entity';
import { DEFAULT_JOB_OPTIONS } from './queue-options';

const BATCH = 500;
const RECONCILE_EVERY_MS = 10_000;

/**
 * Moves due outbox rows into BullMQ (job id = row id, so a repeated add is a no-op) and, because
 * Redis is not the source of truth, re-enqueues rows that were relayed but whose job vanished
 * (FLUSHALL, a Redis restart without persistence, an evicted key).
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private timer?: NodeJS.Timeout;
  private running = false;
  private lastReconcile = 0;
  private readonly queues = new Map<string, Queue>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly moduleRef: ModuleRef,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    for (const name of ALL_QUEUES) this.queues.set(name, this.moduleRef.get<Queue>(getQueueToken(name), { strict: false }));
    if (process.env.OUTBOX_RELAY_AUTOSTART !== 'false') this.schedule(0);
  }

  onApplicationShutdown(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private schedule(delay: number): void {
    this.timer = setTimeout(() => void this.tick(), delay);
  }

  private async tick(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      let moved = await this.relayDue();
      while (moved === BATCH) moved = await this.relayDue();
      if (Date.now() - this.lastReconcile >= RECONCILE_EVERY_MS) {
        this.lastReconcile = Date.now();
        await this.reconcile();
      }
    } catch (err) {
      this.logger.warn(`outbox relay: ${(err as Error).message}; will retry`);
    } finally {
      this.running = false;
      if (this.timer) this.schedule(this.config.OUTBOX_POLL_MS);
    }
  }

  /** Enqueues due rows; returns how many. Rows are locked so concurrent relays never share one. */
  async relayDue(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const rows = await manager
        .getRepository(OutboxEntity)
        .createQueryBuilder('o')
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .where('o.enqueued_at IS NULL AND o.run_at <= :now', { now: this.clock.now() })
        .orderBy('o.run_at', 'ASC')
        .take(BATCH)
        .getMany();
      if (rows.length === 0) return 0;
      await this.add(rows);
      await manager
        .createQueryBuilder()
        .update(OutboxEntity)
        .set({ enqueuedAt: this.clock.now() })
        .whereInIds(rows.map((r) => r.id))
        .execute();
      return rows.length;
    });
  }

  /** Re-enqueues relayed, unfinished rows whose BullMQ job no longer exists. */
  async reconcile(): Promise<number> {
    const repo = this.dataSource.getRepository(OutboxEntity);
    let restored = 0;
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const rows = await repo
        .createQueryBuilder('o')
        .where('o.enqueued_at IS NOT NULL AND o.done_at IS NULL AND o.failed_at IS NULL AND o.id > :after', { after })
        .orderBy('o.id', 'ASC')
        .take(BATCH)
        .getMany();
      if (rows.length === 0) break;
      const missing: OutboxEntity[] = [];
      for (const row of rows) {
        const job = await this.queue(row.queue).getJob(row.id);
        if (!job) {
          missing.push(row);
        } else if ((await job.getState()) === 'failed' && job.attemptsMade < (job.opts.attempts ?? 1)) {
          // BullMQ fails a job that stalled too often (its worker died twice) before its attempts
          // are used up; the row is not failed, so give the job the attempts it still has.
          await job.retry('failed');
          restored++;
        }
      }
      if (missing.length > 0) {
        await this.add(missing);
        restored += missing.length;
      }
      after = rows[rows.length - 1].id;
    }
    if (restored > 0) this.logger.warn(`re-enqueued ${restored} outbox job(s) missing from Redis`);
    return restored;
  }

  private async add(rows: OutboxEntity[]): Promise<void> {
    const byQueue = new Map<string, OutboxEntity[]>();
    for (const r of rows) byQueue.set(r.queue, [...(byQueue.get(r.queue) ?? []), r]);
    for (const [queue, list] of byQueue) {
      await this.queue(queue).addBulk(
        list.map((r) => ({ name: r.jobName, data: r.payload, opts: { ...DEFAULT_JOB_OPTIONS, jobId: r.id } })),
      );
    }
  }

  private queue(name: string): Queue {
    const q = this.queues.get(name);
    if (!q) throw new Error(`unknown queue ${name}`);
    return q;
  }

  /** For tests and the worker's status: rows not yet done. */
  async pendingCount(): Promise<number> {
    return this.dataSource.getRepository(OutboxEntity).count({ where: { doneAt: IsNull(), failedAt: IsNull() } });
  }
}

