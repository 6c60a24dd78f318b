import { Redis } from 'ioredis';
import { In } from 'typeorm';
import { ConsultationDeliveryEntity, ConsultationRequestEntity } from '@app/consultations';
import { TestApp, waitFor } from './support/app';
import {
  buildWorker,
  consultedUnits,
  enterInspection,
  ownDatabase,
  ownRedis,
  selectionWithCandidates,
  WebhookReceiver,
  WorkerProcess,
  type Consulted,
} from './support/consultations-fixtures';

/**
 * Delivery is exactly-once in effect under real failures of real worker processes: each of 600
 * requests (100 candidates × 6 units) reaches the receiver at least once, is recorded delivered
 * once, and never arrives under two different idempotency keys.
 */
describe('Consultation delivery under failures (e2e, worker processes)', () => {
  let t: TestApp;
  let db: Awaited<ReturnType<typeof ownDatabase>>;
  let redis: Awaited<ReturnType<typeof ownRedis>>;
  let receiver: WebhookReceiver;
  let consulted: Consulted;
  let build: ReturnType<typeof buildWorker>;
  const workers: WorkerProcess[] = [];
  const previousRedis = process.env.REDIS_URL;

  const worker = async () => {
    const w = await new WorkerProcess(build.main, { ...process.env }).start();
    workers.push(w);
    return w;
  };

  /** Opens 600 requests and returns their ids. */
  async function fanOut(): Promise<string[]> {
    const { selection } = await selectionWithCandidates(t.dataSource, 100);
    await enterInspection(t, selection.id);
    const ids = (await t.dataSource.getRepository(ConsultationRequestEntity).find({ where: { selectionId: selection.id }, select: { id: true } })).map((r) => r.id);
    expect(ids).toHaveLength(600);
    return ids;
  }

  const receivedCount = (ids: Set<string>) => new Set(receiver.received.flatMap((d) => d.requestIds.filter((id) => ids.has(id)))).size;

  async function allDelivered(ids: string[], timeoutMs: number): Promise<void> {
    await waitFor(
      async () => (await t.dataSource.getRepository(ConsultationDeliveryEntity).countBy({ requestId: In(ids), status: 'delivered' })) === ids.length,
      timeoutMs,
      250,
    );
  }

  async function expectExactlyOnceInEffect(ids: string[]): Promise<void> {
    const deliveries = await t.dataSource.getRepository(ConsultationDeliveryEntity).findBy({ requestId: In(ids) });
    // One delivery per request (webhook only), each recorded delivered once.
    expect(deliveries).toHaveLength(ids.length);
    expect(deliveries.every((d) => d.status === 'delivered' && d.deliveredAt !== null)).toBe(true);
    const keys = receiver.keysByRequest();
    const idSet = new Set(ids);
    expect(receivedCount(idSet)).toBe(ids.length);
    for (const id of ids) {
      const seen = keys.get(id)!;
      expect(seen.size).toBe(1);
      expect([...seen][0]).toBe(deliveries.find((d) => d.requestId === id)!.id);
    }
    expect(receiver.received.filter((d) => d.requestIds.some((id) => idSet.has(id))).every((d) => d.validSignature)).toBe(true);
  }

  beforeAll(async () => {
    build = buildWorker();
    db = await ownDatabase('delivery');
    redis = await ownRedis();
    process.env.REDIS_URL = redis.url;
    receiver = await new WebhookReceiver(() => consulted?.secret).start();
    // A little latency per POST, as a real unit's system has, so failures land mid-delivery.
    receiver.respond = async () => {
      await new Promise((r) => setTimeout(r, 5));
      return 200;
    };
    t = await TestApp.start();
    consulted = await consultedUnits(t, { webhookUrl: receiver.url });
  }, 240000);

  afterEach(async () => {
    for (const w of workers.splice(0)) await w.kill('SIGTERM');
  });

  afterAll(async () => {
    await t?.close();
    await receiver?.stop();
    await redis?.stop();
    if (previousRedis === undefined) delete process.env.REDIS_URL;
    else process.env.REDIS_URL = previousRedis;
    await db?.restore();
    build?.remove();
  });

  it('should deliver every request once in effect when the worker is killed with SIGKILL mid-way', async () => {
    const ids = await fanOut();
    const idSet = new Set(ids);
    const first = await worker();
    await waitFor(() => Promise.resolve(receivedCount(idSet) >= 150), 60000, 20);
    await first.kill('SIGKILL');
    expect(receivedCount(idSet)).toBeLessThan(600);
    // Jobs the dead worker held come back once their BullMQ lock expires (stalled-job check).
    await worker();
    await allDelivered(ids, 150000);
    await expectExactlyOnceInEffect(ids);
  }, 240000);

  it('should deliver every request once in effect when Redis is flushed mid-way', async () => {
    const ids = await fanOut();
    const idSet = new Set(ids);
    await worker();
    await waitFor(() => Promise.resolve(receivedCount(idSet) >= 150), 60000, 20);
    const r = new Redis(redis.url);
    await r.flushall();
    await r.quit();
    expect(receivedCount(idSet)).toBeLessThan(600);
    // The relay's reconcile re-enqueues from Postgres what vanished from Redis.
    await allDelivered(ids, 150000);
    await expectExactlyOnceInEffect(ids);
  }, 240000);

  it('should deliver every request once in effect when two workers run at once', async () => {
    const ids = await fanOut();
    await Promise.all([worker(), worker()]);
    await allDelivered(ids, 150000);
    await expectExactlyOnceInEffect(ids);
  }, 240000);
});
