import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '@app/common';
import { dataSourceOptions } from './typeorm-options';

/** TypeORM on Postgres; migrations run at start-up unless RUN_MIGRATIONS=false. */
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        ...dataSourceOptions(config.DATABASE_URL),
        autoLoadEntities: true,
        migrationsRun: config.RUN_MIGRATIONS,
        retryAttempts: 0,
      }),
    }),
  ],
})
export class DatabaseModule {}
