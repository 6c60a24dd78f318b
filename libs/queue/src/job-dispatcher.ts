import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import { Clock } from '@app/common';
import type { Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { JOB_HANDLER, type JobContext } from './job-handler.decorator';
import { JOB_QUEUES, type JobName } from './jobs';
import { OutboxEntity } from './outbox.entity';

type BoundHandler = (payload: unknown, ctx: JobContext) => Promise<void>;

/**
 * Runs a job exactly once in effect: the outbox row is locked, skipped if already done, and marked
 * done in the same transaction as the handler's database writes. A second delivery of the same job
 * (a re-enqueue after a Redis flush, two workers) waits on the lock and then finds it done.
 */
@Injectable()
export class JobDispatcher implements OnApplicationBootstrap {
  private readonly handlers = new Map<string, BoundHandler>();
  private readonly logger = new Logger(JobDispatcher.name);

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      if (!instance || typeof instance !== 'object') continue;
      const proto = Object.getPrototypeOf(instance) as object;
      for (const method of this.scanner.getAllMethodNames(proto)) {
        const name = Reflect.getMetadata(JOB_HANDLER, (proto as Record<string, object>)[method]) as string | undefined;
        if (!name) continue;
        if (this.handlers.has(name)) throw new Error(`job ${name} has two handlers`);
        this.handlers.set(name, (instance[method] as BoundHandler).bind(instance));
      }
    }
    const missing = (Object.keys(JOB_QUEUES) as JobName[]).filter((n) => !this.handlers.has(n));
    if (missing.length > 0) throw new Error(`jobs without a handler: ${missing.join(', ')}`);
  }

  async dispatch(job: Job): Promise<'done' | 'skipped'> {
    const handler = this.handlers.get(job.name);
    if (!handler) throw new Error(`no handler for job ${job.name}`);
    const outcome = await this.dataSource.transaction(async (manager) => {
      const row = await manager
        .getRepository(OutboxEntity)
        .createQueryBuilder('o')
        .setLock('pessimistic_write')
        .where('o.id = :id', { id: job.id })
        .getOne();
      if (!row || row.doneAt || row.failedAt) return 'skipped' as const;
      await handler(row.payload, { jobId: row.id, attempt: job.attemptsMade + 1, manager });
      await manager.update(OutboxEntity, { id: row.id }, { doneAt: this.clock.now(), attempts: () => 'attempts + 1' });
      return 'done' as const;
    });
    if (outcome === 'skipped') this.logger.debug(`job ${job.name} ${job.id} already done, skipped`);
    return outcome;
  }

  /** Records a failed attempt; after the last one the row is marked failed and never re-enqueued. */
  async recordFailure(job: Job, error: Error, final: boolean): Promise<void> {
    await this.dataSource.getRepository(OutboxEntity).update(
      { id: job.id },
      { attempts: () => 'attempts + 1', lastError: error.message.slice(0, 2000), ...(final ? { failedAt: this.clock.now() } : {}) },
    );
  }
}
