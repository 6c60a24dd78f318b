import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Queue, Worker } from 'bullmq';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { CadreEntity, CandidateEntity, CaseExtensions, SelectionEntity } from '@app/cases';
import { CONSULTED_UNIT_KINDS, UnitsService } from '@app/identity';
import { configureHttpApp } from '@app/platform';
import { redisConnection } from '@app/queue';
import { CURRENT_RULEBOOK_VERSION } from '@app/rulebook';
import { AppModule } from '../apps/api/src/app.module';
import { WorkerModule } from '../apps/worker/src/worker.module';
import { prepareBenchEnv, type BenchEnv, type BenchResult } from './harness';

const CANDIDATES = Number(process.env.BENCH_FANOUT_CANDIDATES ?? 1000);
const TIMEOUT_MS = 600_000;

/**
 * 六征求 fan-out: a selection of 1,000 candidates enters inspection (6,000 requests opened in the
 * transition's transaction), and one worker process-equivalent delivers each over a signed
 * webhook to a local receiver; measured from the transition to the last delivery recorded.
 * Baseline: raw BullMQ no-op jobs/s, same count, same Redis, same concurrency (8).
 *
 * Call: `npm run bench` (the lead's runner passes its env), or from a script with the env set:
 *   import { run } from './consultations-fanout.bench'; await run();   // makes and drops its own DB when given none
 */
export async function run(env?: BenchEnv): Promise<BenchResult> {
  if (!env) {
    const own = await prepareBenchEnv();
    try {
      return await run(own);
    } finally {
      await own.drop();
    }
  }
  let received = 0;
  const receiver = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      received++;
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const hook = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;

  const app = await NestFactory.create<NestExpressApplication>(AppModule, { bodyParser: false, logger: false });
  configureHttpApp(app, { swagger: false });
  await app.init();
  const worker = await NestFactory.createApplicationContext(WorkerModule, { logger: false });
  await worker.init();
  try {
    const ds = app.get<DataSource>(getDataSourceToken());
    const units = app.get(UnitsService);
    for (const kind of CONSULTED_UNIT_KINDS) {
      const u = await units.create({ name: `基准${kind}${randomBytes(3).toString('hex')}`, kind });
      await units.setDelivery(u.id, { webhookUrl: hook, webhookSecret: randomBytes(16).toString('hex') });
    }
    const home = await units.create({ name: `基准工作单位${randomBytes(3).toString('hex')}`, kind: 'work_unit' });
    const selection = await ds.getRepository(SelectionEntity).save({ title: '基准选任', rulebookVersion: CURRENT_RULEBOOK_VERSION, stage: 'targets' });
    const cadres = await ds.getRepository(CadreEntity).save(
      Array.from({ length: CANDIDATES }, (_x, i) => ({
        name: `基准候选人${i}`,
        gender: 'male' as const,
        birthDate: '1985-06-01',
        idNumberEnc: randomBytes(8).toString('hex'),
        idNumberDigest: randomBytes(16).toString('hex'),
        currentPost: '某乡镇副镇长',
        unitId: home.id,
      })),
      { chunk: 500 },
    );
    await ds.getRepository(CandidateEntity).save(
      cadres.map((c) => ({ selectionId: selection.id, cadreId: c.id, nominatorName: '甲', nominatorPost: '书记', nominatorTeam: '党委', responsibilityStatement: '负责' })),
      { chunk: 500 },
    );
    const total = CANDIDATES * CONSULTED_UNIT_KINDS.length;

    const start = process.hrtime.bigint();
    await ds.transaction(async (m) => {
      await m.update(SelectionEntity, { id: selection.id }, { stage: 'inspection' });
      await app.get(CaseExtensions).stageEntered(m, await m.findOneByOrFail(SelectionEntity, { id: selection.id }), 'inspection');
    });
    const until = Date.now() + TIMEOUT_MS;
    for (;;) {
      const [{ n }] = await ds.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM consultation_delivery WHERE status = 'delivered'`);
      if (n >= total) break;
      if (Date.now() > until) throw new Error(`fan-out bench: only ${n} of ${total} delivered in time`);
      await new Promise((r) => setTimeout(r, 100));
    }
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    const value = total / seconds;
    const baseline = await rawBullmq(env, total);
    return {
      name: `consultation fan-out (${CANDIDATES} candidates × 6 units, signed webhook)`,
      value,
      unit: 'requests/s',
      baseline,
      baselineUnit: 'no-op jobs/s (raw BullMQ, concurrency 8)',
      ratio: value / baseline,
      notes: `${total} requests opened and delivered in ${seconds.toFixed(1)} s; receiver saw ${received} POSTs`,
    };
  } finally {
    await worker.close();
    await app.close();
    await new Promise<void>((resolve) => receiver.close(() => resolve()));
  }
}

/** Raw BullMQ: add `count` no-op jobs in bulk and time until a worker (concurrency 8) completed them all. */
async function rawBullmq(env: BenchEnv, count: number): Promise<number> {
  const connection = redisConnection(env.redisUrl);
  const prefix = `${env.redisPrefix}:rawbench`;
  const queue = new Queue('noop', { connection, prefix });
  let done = 0;
  let resolveDone!: () => void;
  const finished = new Promise<void>((resolve) => (resolveDone = resolve));
  const worker = new Worker(
    'noop',
    () => {
      if (++done === count) resolveDone();
      return Promise.resolve();
    },
    { connection, prefix, concurrency: 8, autorun: false },
  );
  try {
    const start = process.hrtime.bigint();
    void worker.run();
    for (let i = 0; i < count; i += 1000) {
      await queue.addBulk(Array.from({ length: Math.min(1000, count - i) }, (_x, j) => ({ name: 'noop', data: { i: i + j }, opts: { removeOnComplete: true } })));
    }
    await finished;
    return count / (Number(process.hrtime.bigint() - start) / 1e9);
  } finally {
    await worker.close();
    await queue.obliterate({ force: true }).catch(() => undefined);
    await queue.close();
  }
}
