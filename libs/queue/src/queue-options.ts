import type { JobsOptions } from 'bullmq';
import type { AppConfig } from '@app/common';

/** One place for retry, backoff and retention of every job. */
export const DEFAULT_JOB_OPTIONS: JobsOptions = {
  attempts: 6,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: { count: 1000 },
  removeOnFail: { count: 5000 },
};

export const bullPrefix = (config: AppConfig) => `${config.REDIS_PREFIX}:bull`;

export function redisConnection(url: string) {
  const u = new URL(url);
  return {
    host: u.hostname,
    port: Number(u.port || 6379),
    username: u.username || undefined,
    password: u.password ? decodeURIComponent(u.password) : undefined,
    db: u.pathname.length > 1 ? Number(u.pathname.slice(1)) : 0,
    tls: u.protocol === 'rediss:' ? {} : undefined,
    // BullMQ workers must wait for Redis forever rather than fail a blocking call.
    maxRetriesPerRequest: null,
  };
}
