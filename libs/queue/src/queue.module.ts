import { DynamicModule, Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { BullModule } from '@nestjs/bullmq';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '@app/common';
import { JobDispatcher } from './job-dispatcher';
import { ALL_QUEUES } from './jobs';
import { OutboxRelay } from './outbox-relay';
import { OutboxEntity } from './outbox.entity';
import { OutboxService } from './outbox.service';
import { QUEUE_PROCESSORS } from './processors';
import { bullPrefix, redisConnection } from './queue-options';

const bull = [
  BullModule.forRootAsync({
    inject: [AppConfig],
    useFactory: (config: AppConfig) => ({ connection: redisConnection(config.REDIS_URL), prefix: bullPrefix(config) }),
  }),
  BullModule.registerQueue(...ALL_QUEUES.map((name) => ({ name }))),
];

/**
 * `forApi()`: the outbox writer and the queues (for Bull Board), no consumers.
 * `forWorker()`: also the relay and one processor per queue.
 */
@Global()
@Module({})
export class QueueModule {
  static forApi(): DynamicModule {
    return {
      module: QueueModule,
      imports: [TypeOrmModule.forFeature([OutboxEntity]), ...bull],
      providers: [OutboxService],
      exports: [OutboxService, BullModule],
    };
  }

  static forWorker(): DynamicModule {
    return {
      module: QueueModule,
      imports: [TypeOrmModule.forFeature([OutboxEntity]), DiscoveryModule, ...bull],
      providers: [OutboxService, JobDispatcher, OutboxRelay, ...QUEUE_PROCESSORS],
      exports: [OutboxService, OutboxRelay, BullModule],
    };
  }
}
