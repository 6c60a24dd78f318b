import { Global, Module } from '@nestjs/common';
import { ThrottlerModule } from '@nestjs/throttler';
import { Redis } from 'ioredis';
import { Clock } from './clock/clock';
import { AppConfig } from './config/app-config';
import { AppConfigModule } from './config/config.module';
import { FieldCipher } from './crypto/field-cipher';
import { RedisThrottlerStorage } from './redis/redis-throttler.storage';
import { REDIS, RedisModule } from './redis/redis.module';

/** Configuration, Redis, the clock, the field cipher and rate limits: what every process needs. */
@Global()
@Module({
  imports: [
    AppConfigModule,
    RedisModule,
    // Named throttlers; each guard (LoginThrottlerGuard, PublicThrottlerGuard) applies only its own.
    ThrottlerModule.forRootAsync({
      inject: [AppConfig, REDIS],
      useFactory: (config: AppConfig, redis: Redis) => ({
        throttlers: [
          {
            name: 'login',
            limit: config.LOGIN_RATE_LIMIT,
            ttl: config.LOGIN_RATE_WINDOW_SECONDS * 1000,
            blockDuration: config.LOGIN_RATE_WINDOW_SECONDS * 1000,
          },
          { name: 'public', limit: config.PUBLIC_RATE_LIMIT, ttl: 60_000 },
        ],
        storage: new RedisThrottlerStorage(redis, config),
      }),
    }),
  ],
  providers: [Clock, FieldCipher],
  exports: [AppConfigModule, RedisModule, ThrottlerModule, Clock, FieldCipher],
})
export class CommonModule {}
