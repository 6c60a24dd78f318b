import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import express from 'express';
import type { NextFunction, Request, Response } from 'express';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Where `npm run build:web` puts the browser app; WEB_DIST overrides (e.g. another image layout). */
export function webDistDir(): string {
  return resolve(process.env.WEB_DIST ?? join(process.cwd(), 'apps', 'web', 'dist'));
}

const API_OR_PUBLIC = /^\/(api|public)(\/|$)/;

/**
 * Serves the web app under `/` with a fallback to index.html for its client-side routes, but
 * only when a build exists: the API starts and works without one. `/api/*` and `/public/*`
 * (the server-rendered notice board) are never touched, so their 404s stay JSON or HTML of their own.
 */
export function serveWebApp(app: INestApplication, dir = webDistDir()): boolean {
  const index = join(dir, 'index.html');
  if (!existsSync(index)) return false;
  const statics = express.static(dir, {
    index: false,
    fallthrough: true,
    // Hashed asset names change with their content; index.html must always be fetched again.
    setHeaders: (res, path) => res.setHeader('cache-control', path.includes(`${join(dir, 'assets')}`) ? 'public, max-age=31536000, immutable' : 'no-cache'),
  });
  (app as NestExpressApplication).use((req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || API_OR_PUBLIC.test(req.path)) return next();
    statics(req, res, () => {
      // A missing asset is a 404, not the app shell (a stale tab would otherwise parse HTML as JS).
      if (req.path.startsWith('/assets/')) return next();
      res.setHeader('cache-control', 'no-cache');
      res.sendFile(index);
    });
  });
  return true;
}
