import { Logger } from '@nestjs/common';
import { Redis } from 'ioredis';
import { Client } from 'pg';
import { ensureDatabase } from '@app/database';
import type { AppConfig } from '@app/common';

const where = (url: string) => {
  const u = new URL(url);
  return `${u.hostname}:${u.port || (u.protocol.startsWith('redis') ? 6379 : 5432)}`;
};

export class PreflightError extends Error {}

/**
 * Checks Postgres and Redis before Nest starts, so a missing service stops the process with one
 * sentence saying what to start instead of a page of retries. Creates the database on first start.
 */
export async function preflight(config: AppConfig, logger = new Logger('Preflight')): Promise<void> {
  try {
    await ensureDatabase(config.DATABASE_URL);
    const client = new Client({ connectionString: config.DATABASE_URL, connectionTimeoutMillis: 3000 });
    await client.connect();
    await client.query('SELECT 1');
    await client.end();
  } catch (err) {
    throw new PreflightError(
      `PostgreSQL is not reachable at ${where(config.DATABASE_URL)} (${(err as Error).message}): start it ` +
        `(e.g. \`pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start\`) or set DATABASE_URL.`,
    );
  }
  const redis = new Redis(config.REDIS_URL, { lazyConnect: true, connectTimeout: 3000, maxRetriesPerRequest: 0, retryStrategy: () => null });
  try {
    await redis.connect();
    await redis.ping();
    const [, policy] = ((await redis.config('GET', 'maxmemory-policy').catch(() => [])) as string[]) ?? [];
    if (policy && policy !== 'noeviction') {
      logger.warn(
        `!!! Redis maxmemory-policy is "${policy}", not "noeviction": Redis may evict queued jobs. ` +
          `The outbox re-enqueues lost jobs, but set \`maxmemory-policy noeviction\` in production. !!!`,
      );
    }
  } catch (err) {
    throw new PreflightError(
      `Redis is not reachable at ${where(config.REDIS_URL)} (${(err as Error).message}): start it ` +
        `(e.g. \`redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no\`) or set REDIS_URL.`,
    );
  } finally {
    redis.disconnect();
  }
}
