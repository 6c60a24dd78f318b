export * from './snake-naming.strategy';
export * from './typeorm-options';
export * from './migrations';
export * from './database.module';
export * from './ensure-database';
export * from './read-all';
