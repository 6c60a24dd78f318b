import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/**
 * A fresh database and Redis key prefix for every run, so runs never see each other's data and
 * tests talk to the real services. Migrations run when the first app boots (RUN_MIGRATIONS).
 */
export default async function globalSetup(): Promise<void> {
  const tag = `${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const server = process.env.TEST_DATABASE_SERVER ?? 'postgres://postgres@127.0.0.1:5432';
  const dbName = `kaocha_test_${tag}`;
  const admin = new Client({ connectionString: `${server}/postgres` });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  await admin.end();

  Object.assign(process.env, {
    NODE_ENV: 'test',
    DATABASE_URL: `${server}/${dbName}`,
    REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
    REDIS_PREFIX: `kaocha-test-${tag}`,
    JWT_SECRET: randomBytes(32).toString('hex'),
    FIELD_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    ENABLE_TEST_CLOCK: '1',
    RUN_MIGRATIONS: 'true',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    LOGIN_RATE_LIMIT: '5',
    OUTBOX_POLL_MS: '50',
    KAOCHA_TEST_DB: dbName,
  });
}
