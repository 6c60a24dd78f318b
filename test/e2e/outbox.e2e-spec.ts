import type { INestApplicationContext } from '@nestjs/common';
import { getQueueToken } from '@nestjs/bullmq';
import { getDataSourceToken } from '@nestjs/typeorm';
import { UnrecoverableError, Worker, type Job, type Queue } from 'bullmq';
import { Redis } from 'ioredis';
import type { DataSource } from 'typeorm';
import { AppConfig } from '@app/common';
import { bullPrefix, JobDispatcher, OutboxEntity, OutboxRelay, OutboxService, QUEUE_PROCESSORS, QueueName, redisConnection } from '@app/queue';
import { startWorker, waitFor } from './support/app';

/**
 * The relay is driven by hand here (autostart off) so each test decides exactly when Redis loses
 * its data relative to the relay: before it runs, and after it enqueued but before a worker ran.
 */
describe('Outbox (e2e)', () => {
  let worker: INestApplicationContext;
  let ds: DataSource;
  let relay: OutboxRelay;
  let redis: Redis;

  beforeAll(async () => {
    process.env.OUTBOX_RELAY_AUTOSTART = 'false';
    worker = await startWorker();
    ds = worker.get<DataSource>(getDataSourceToken());
    relay = worker.get(OutboxRelay);
    redis = new Redis(process.env.REDIS_URL!);
  });
  afterAll(async () => {
    delete process.env.OUTBOX_RELAY_AUTOSTART;
    await redis.quit();
    await worker.close();
  });

  const enqueuePing = (note: string) => ds.transaction((m) => worker.get(OutboxService).enqueue(m, 'system.ping', { note }));
  const effects = async (jobId: string) =>
    Number((await ds.query<{ n: string }[]>(`SELECT count(*) AS n FROM audit_event WHERE action = 'system.ping' AND entity_id = $1`, [jobId]))[0].n);
  const isDone = async (jobId: string) => (await ds.getRepository(OutboxEntity).findOneByOrFail({ id: jobId })).doneAt !== null;

  it('should write no outbox row when the transaction rolls back', async () => {
    await expect(
      ds.transaction(async (m) => {
        await worker.get(OutboxService).enqueue(m, 'system.ping', { note: 'rolled back' });
        throw new Error('business rule failed');
      }),
    ).rejects.toThrow('business rule failed');
    expect(await ds.getRepository(OutboxEntity).countBy({ payload: { note: 'rolled back' } as never })).toBe(0);
  });

  it('should run the job exactly once when Redis is flushed before the relay runs', async () => {
    const row = await enqueuePing('flush before relay');
    await redis.flushall();
    expect(await relay.relayDue()).toBeGreaterThanOrEqual(1);
    await waitFor(() => isDone(row.id));
    expect(await effects(row.id)).toBe(1);
  });

  it('should re-enqueue and run exactly once when Redis is flushed after the relay enqueued', async () => {
    const queue = worker.get<Queue>(getQueueToken(QueueName.System));
    const processors = QUEUE_PROCESSORS.map((type) => worker.get<{ worker: { pause(): Promise<void>; resume(): void } }>(type));
    await Promise.all(processors.map((p) => p.worker.pause()));
    try {
      const row = await enqueuePing('flush after relay');
      await relay.relayDue();
      expect(await queue.getJob(row.id)).toBeDefined();
      await redis.flushall();
      expect(await queue.getJob(row.id)).toBeUndefined();
      // Other suites of the run may leave unfinished rows too: assert on this job only.
      expect(await relay.reconcile()).toBeGreaterThanOrEqual(1);
      expect(await queue.getJob(row.id)).toBeDefined();
      processors.forEach((p) => p.worker.resume());
      await waitFor(() => isDone(row.id));
      // A done row is never re-enqueued: flushing and reconciling again leaves its job absent.
      await redis.flushall();
      await relay.reconcile();
      expect(await queue.getJob(row.id)).toBeUndefined();
      expect(await effects(row.id)).toBe(1);
    } finally {
      processors.forEach((p) => p.worker.resume());
    }
  });

  it('should retry a job that BullMQ failed before its attempts were used up (a stalled worker)', async () => {
    const processors = QUEUE_PROCESSORS.map((type) => worker.get<{ worker: { pause(): Promise<void>; resume(): void } }>(type));
    await Promise.all(processors.map((p) => p.worker.pause()));
    try {
      const row = await enqueuePing('failed early');
      await relay.relayDue();
      // A foreign worker fails it at once with attempts left, as BullMQ does with a job that stalled too often.
      const config = worker.get(AppConfig);
      const foreign = new Worker(QueueName.System, () => Promise.reject(new UnrecoverableError('job stalled more than allowable limit')), {
        connection: redisConnection(config.REDIS_URL),
        prefix: bullPrefix(config),
      });
      const queue = worker.get<Queue>(getQueueToken(QueueName.System));
      await waitFor(async () => (await (await queue.getJob(row.id))?.getState()) === 'failed');
      await foreign.close();
      expect((await ds.getRepository(OutboxEntity).findOneByOrFail({ id: row.id })).failedAt).toBeNull();

      expect(await relay.reconcile()).toBeGreaterThanOrEqual(1);
      processors.forEach((p) => p.worker.resume());
      await waitFor(() => isDone(row.id));
      expect(await effects(row.id)).toBe(1);
    } finally {
      processors.forEach((p) => p.worker.resume());
    }
  });

  it('should apply the effect once when the same job is delivered twice', async () => {
    const row = await enqueuePing('delivered twice');
    await relay.relayDue();
    await waitFor(() => isDone(row.id));
    // A duplicate delivery (a second worker after a re-enqueue race) finds the row done.
    const duplicate = { id: row.id, name: 'system.ping', attemptsMade: 0 } as Job;
    expect(await worker.get(JobDispatcher).dispatch(duplicate)).toBe('skipped');
    expect(await effects(row.id)).toBe(1);
  });

  it('should keep a delayed job in Postgres until the project clock reaches its time', async () => {
    const row = await ds.transaction((m) =>
      worker.get(OutboxService).enqueue(m, 'system.ping', { note: 'later' }, { runAt: new Date(Date.now() + 3600_000) }),
    );
    await relay.relayDue();
    expect((await ds.getRepository(OutboxEntity).findOneByOrFail({ id: row.id })).enqueuedAt).toBeNull();
    await ds.query(`UPDATE outbox SET run_at = now() - interval '1 second' WHERE id = $1`, [row.id]);
    await relay.relayDue();
    await waitFor(() => isDone(row.id));
    expect(await effects(row.id)).toBe(1);
  });
});
