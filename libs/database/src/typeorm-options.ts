import type { DataSourceOptions } from 'typeorm';
import { migrationClasses } from './migrations';
import { SnakeNamingStrategy } from './snake-naming.strategy';

/** The one set of connection options, shared by the apps, the migration CLI and the tests. */
export function dataSourceOptions(url: string, extra: Partial<DataSourceOptions> = {}): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    namingStrategy: new SnakeNamingStrategy(),
    migrations: migrationClasses(),
    migrationsTableName: 'schema_migration',
    // The schema is owned by migrations alone, in every environment, tests included.
    synchronize: false,
    migrationsTransactionMode: 'each',
    extra: { max: 20, application_name: 'kaocha' },
    ...extra,
  } as DataSourceOptions;
}
