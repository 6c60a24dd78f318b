import { Injectable } from '@nestjs/common';
import { Clock } from '@app/common';
import { EntityManager } from 'typeorm';
import { JOB_QUEUES, type JobName, type JobPayloadMap } from './jobs';
import { OutboxEntity } from './outbox.entity';

@Injectable()
export class OutboxService {
  constructor(private readonly clock: Clock) {}

  /**
   * Records a job in the caller's transaction: it exists if and only if the change commits.
   * The worker's relay enqueues it once `runAt` (project clock) has come.
   */
  async enqueue<N extends JobName>(
    manager: EntityManager,
    name: N,
    payload: JobPayloadMap[N],
    options: { runAt?: Date } = {},
  ): Promise<OutboxEntity> {
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error('outbox rows must be written inside the transaction of the change that causes them');
    }
    const row = manager.create(OutboxEntity, {
      queue: JOB_QUEUES[name],
      jobName: name,
      payload: payload,
      runAt: options.runAt ?? this.clock.now(),
    });
    return manager.save(OutboxEntity, row);
  }

  /** Same as `enqueue` for many jobs at once (a fan-out of hundreds of rows), in multi-row inserts. */
  async enqueueMany(manager: EntityManager, jobs: readonly OutboxJob[]): Promise<void> {
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error('outbox rows must be written inside the transaction of the change that causes them');
    }
    const now = this.clock.now();
    const rows = jobs.map((j) => ({ queue: JOB_QUEUES[j.name], jobName: j.name, payload: j.payload, runAt: j.runAt ?? now }));
    for (let i = 0; i < rows.length; i += 1000) {
      await manager.createQueryBuilder().insert().into(OutboxEntity).values(rows.slice(i, i + 1000)).updateEntity(false).execute();
    }
  }
}

/** One job of `enqueueMany`. */
export type OutboxJob = { [N in JobName]: { name: N; payload: JobPayloadMap[N]; runAt?: Date } }[JobName];
