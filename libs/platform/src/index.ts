export * from './preflight';
export * from './logger.module';
export * from './http-setup';
export * from './health.controller';
export * from './test-clock.module';
export * from './web-app';
