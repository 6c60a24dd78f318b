import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { Redis } from 'ioredis';
import { AppConfig } from '../config/app-config';
import { REDIS } from '../redis/redis.module';

/**
 * The one source of "now" for every time-dependent rule (notice periods, deadlines, validity).
 * In tests (ENABLE_TEST_CLOCK=1) an offset kept in Redis moves the time of the API and the worker
 * together; the offset is published so both processes see a move at once, and read at start-up so
 * a restarted worker keeps the moved time.
 */
@Injectable()
export class Clock implements OnModuleInit, OnApplicationShutdown {
  private offsetMs = 0;
  private subscriber?: Redis;
  private readonly logger = new Logger(Clock.name);

  constructor(
    private readonly config: AppConfig,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  private get key(): string {
    return `${this.config.REDIS_PREFIX}:test-clock:offset`;
  }

  async onModuleInit(): Promise<void> {
    if (!this.config.ENABLE_TEST_CLOCK) return;
    this.offsetMs = Number(await this.redis.get(this.key)) || 0;
    this.subscriber = this.redis.duplicate({ enableOfflineQueue: true });
    this.subscriber.on('message', (_channel, message) => {
      this.offsetMs = Number(message) || 0;
    });
    await this.subscriber.subscribe(this.key);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.subscriber?.quit().catch(() => undefined);
  }

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  /** Test-only: sets the current time for every process sharing this Redis prefix. */
  async set(now: Date): Promise<void> {
    if (!this.config.ENABLE_TEST_CLOCK) throw new Error('test clock is disabled');
    this.offsetMs = now.getTime() - Date.now();
    await this.redis.set(this.key, String(this.offsetMs));
    await this.redis.publish(this.key, String(this.offsetMs));
    this.logger.warn(`test clock set to ${now.toISOString()}`);
  }
}
