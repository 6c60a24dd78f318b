import { Global, Module } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { AppConfig, loadConfig } from './app-config';

/**
 * Provides the validated AppConfig everywhere. @nestjs/config reads a local `.env` (written by
 * `npm run setup`, never committed) into the environment; the process fails at boot if invalid.
 */
@Global()
@Module({
  imports: [ConfigModule.forRoot({ envFilePath: '.env', validate: (raw) => ({ ...loadConfig(raw as NodeJS.ProcessEnv) }) })],
  providers: [
    {
      provide: AppConfig,
      inject: [ConfigService],
      useFactory: () => loadConfig(process.env),
    },
  ],
  exports: [AppConfig],
})
export class AppConfigModule {}
