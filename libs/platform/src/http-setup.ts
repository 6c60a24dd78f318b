import { INestApplication, RequestMethod } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { AllExceptionsFilter, createValidationPipe, requestContext } from '@app/common';
import { serveWebApp } from './web-app';

const REQUEST_ID = /^[\w.-]{1,100}$/;

/** Everything main.ts and the e2e tests must set up identically on the HTTP app. */
export function configureHttpApp(app: INestApplication, { swagger = true }: { swagger?: boolean } = {}): void {
  const express = app as NestExpressApplication;
  express.set('trust proxy', 'loopback');
  express.disable('x-powered-by');
  express.useBodyParser('json', { limit: '1mb' });
  express.useBodyParser('urlencoded', { limit: '64kb', extended: false });
  app.use((req: Request & { id?: string }, res: Response, next: NextFunction) => {
    const given = req.headers['x-request-id'];
    const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    req.id = id;
    res.setHeader('x-request-id', id);
    requestContext.run({ requestId: id, ip: req.ip, userAgent: req.headers['user-agent'] }, next);
  });
  app.useLogger(app.get(Logger));
  serveWebApp(app);
  app.setGlobalPrefix('api', { exclude: [{ path: 'public/{*path}', method: RequestMethod.ALL }, { path: '/', method: RequestMethod.GET }] });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new AllExceptionsFilter());
  app.enableShutdownHooks();
  if (swagger) {
    const config = new DocumentBuilder()
      .setTitle('Kaocha 干部考察 API')
      .setDescription('选任工作全流程：动议、推荐、考察、征求意见、公示、票决、任用、纪实')
      .setVersion('0.1')
      .addBearerAuth()
      .build();
    const doc = SwaggerModule.createDocument(app, config);
    SwaggerModule.setup('api/docs', app, doc, { jsonDocumentUrl: 'api/docs-json' });
  }
}
