import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { AppConfig, loadConfig } from '@app/common';
import { configureHttpApp, preflight } from '@app/platform';
import { AppModule } from './app.module';

async function bootstrap(): Promise<void> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  const config = loadConfig();
  await preflight(config);
  const app = await NestFactory.create<NestExpressApplication>(AppModule, { bufferLogs: true, bodyParser: false });
  configureHttpApp(app);
  await app.listen(app.get(AppConfig).PORT, '0.0.0.0');
}

bootstrap().catch((err: Error) => {
  // One sentence on stderr, not a stack: it is what an operator reads first.
  console.error(`kaocha-api failed to start: ${err.message}`);
  process.exit(1);
});
