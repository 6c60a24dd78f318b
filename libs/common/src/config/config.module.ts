import { Global, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { AppConfig, loadConfig } from './app-config';

/**
 * Provides the validated AppConfig everywhere. @nestjs/config reads a local `.env` (written by
 * `npm run setup`, never committed) into the environment; validation happens when the app is
 * created — not when this file is imported — and the process fails at boot if it is invalid.
 */
@Global()
@Module({
  imports: [ConfigModule.forRoot({ envFilePath: '.env' })],
  providers: [{ provide: AppConfig, useFactory: () => loadConfig(process.env) }],
  exports: [AppConfig],
})
export class AppConfigModule {}
