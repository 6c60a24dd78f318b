export * from './jobs';
export * from './outbox.entity';
export * from './outbox.service';
export * from './job-handler.decorator';
export * from './job-dispatcher';
export * from './outbox-relay';
export * from './queue-options';
export * from './queue.module';
