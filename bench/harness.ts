import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  baseline: number;
  baselineUnit: string;
  /** value / baseline: how much of the raw speed the product keeps (or costs, for durations). */
  ratio: number;
  notes?: string;
}

export interface BenchEnv {
  databaseUrl: string;
  redisUrl: string;
  redisPrefix: string;
}

/** A fresh database and Redis prefix for one bench run, with the secrets the apps need. */
export async function prepareBenchEnv(): Promise<BenchEnv & { drop(): Promise<void> }> {
  const tag = `${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const server = process.env.BENCH_DATABASE_SERVER ?? 'postgres://postgres@127.0.0.1:5432';
  const db = `kaocha_bench_${tag}`;
  const admin = new Client({ connectionString: `${server}/postgres` });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${db}`);
  await admin.end();
  const env: BenchEnv = { databaseUrl: `${server}/${db}`, redisUrl: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', redisPrefix: `kaocha-bench-${tag}` };
  Object.assign(process.env, {
    NODE_ENV: 'test',
    DATABASE_URL: env.databaseUrl,
    REDIS_URL: env.redisUrl,
    REDIS_PREFIX: env.redisPrefix,
    JWT_SECRET: randomBytes(32).toString('hex'),
    FIELD_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    LOG_LEVEL: 'silent',
    RUN_MIGRATIONS: 'true',
  });
  return {
    ...env,
    async drop() {
      const c = new Client({ connectionString: `${server}/postgres` });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`);
      await c.end();
    },
  };
}

/** Runs `fn` with `concurrency` loops for `seconds`; returns operations per second. */
export async function throughput(seconds: number, concurrency: number, fn: () => Promise<void>): Promise<number> {
  let ops = 0;
  const until = Date.now() + seconds * 1000;
  const start = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (Date.now() < until) {
        await fn();
        ops++;
      }
    }),
  );
  return ops / (Number(process.hrtime.bigint() - start) / 1e9);
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}
