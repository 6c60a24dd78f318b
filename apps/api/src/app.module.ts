import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { ThrottlerModule } from '@nestjs/throttler';
import { AuditModule } from '@app/audit';
import { CasesModule } from '@app/cases';
import { Redis } from 'ioredis';
import { AppConfig, CommonModule, REDIS, RedisThrottlerStorage } from '@app/common';
import { DatabaseModule } from '@app/database';
import { IdentityModule, JwtAuthGuard, RolesGuard } from '@app/identity';
import { AppLoggerModule, HealthController, TestClockModule } from '@app/platform';
import { QueueModule } from '@app/queue';

@Module({
  imports: [
    CommonModule,
    AppLoggerModule,
    DatabaseModule,
    QueueModule.forApi(),
    AuditModule,
    IdentityModule,
    CasesModule,
    TerminusModule,
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
          { name: 'public', limit: 30, ttl: 60_000 },
        ],
        storage: new RedisThrottlerStorage(redis, config),
      }),
    }),
    TestClockModule.register(),
  ],
  controllers: [HealthController],
  providers: [
    { provide: APP_GUARD, useExisting: JwtAuthGuard },
    { provide: APP_GUARD, useExisting: RolesGuard },
  ],
})
export class AppModule {}
