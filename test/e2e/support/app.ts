import { INestApplication, INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { getDataSourceToken } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import type { Role } from '@app/common';
import { UnitsService, UsersService, type UnitKind } from '@app/identity';
import { configureHttpApp } from '@app/platform';
import { AppModule } from '../../../apps/api/src/app.module';
import { WorkerModule } from '../../../apps/worker/src/worker.module';

export const TEST_PASSWORD = 'Test-password-2026';

export interface TestUser {
  id: string;
  username: string;
  token: string;
  roles: Role[];
  unitId: string | null;
}

/** The real API app (real Postgres, real Redis) with the same HTTP setup as main.ts. */
export class TestApp {
  private constructor(
    readonly app: INestApplication,
    readonly dataSource: DataSource,
  ) {}

  static async start(): Promise<TestApp> {
    const moduleRef = await Test.createTestingModule({ imports: [AppModule] }).compile();
    const app = moduleRef.createNestApplication({ bodyParser: false });
    configureHttpApp(app);
    await app.init();
    return new TestApp(app, app.get<DataSource>(getDataSourceToken()));
  }

  get http() {
    return request(this.app.getHttpServer());
  }

  get<T>(token: string | symbol | (new (...args: never[]) => T)): T {
    return this.app.get<T>(token, { strict: false });
  }

  /** A user with these roles, created through the service (as the seed does) and logged in through HTTP. */
  async newUser(roles: Role[], opts: { unitId?: string | null; displayName?: string } = {}): Promise<TestUser> {
    const username = `u${randomBytes(5).toString('hex')}`;
    const user = await this.get(UsersService).create(
      { username, displayName: opts.displayName ?? `测试${roles.join('')}`, password: TEST_PASSWORD, unitId: opts.unitId ?? null },
      roles,
    );
    const res = await this.http.post('/api/auth/login').send({ username, password: TEST_PASSWORD }).expect(200);
    return { id: user.id, username, token: (res.body as { accessToken: string }).accessToken, roles, unitId: user.unitId };
  }

  async newUnit(kind: UnitKind, name = `单位${randomBytes(4).toString('hex')}`): Promise<{ id: string; name: string }> {
    const unit = await this.get(UnitsService).create({ name, kind });
    return { id: unit.id, name: unit.name };
  }

  async close(): Promise<void> {
    await this.app.close();
  }
}

export const auth = (user: { token: string }) => ({ Authorization: `Bearer ${user.token}` });

/** The worker process's module in this process, for tests of the outbox and jobs. */
export async function startWorker(): Promise<INestApplicationContext> {
  const moduleRef = await Test.createTestingModule({ imports: [WorkerModule] }).compile();
  moduleRef.enableShutdownHooks();
  await moduleRef.init();
  return moduleRef;
}

export async function waitFor<T>(probe: () => Promise<T | undefined | null | false>, timeoutMs = 15000, stepMs = 50): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, stepMs));
  }
}
