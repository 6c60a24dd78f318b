import { Redis } from 'ioredis';
import { AuditService } from '@app/audit';
import { REDIS } from '@app/common';
import { auth, TEST_PASSWORD, TestApp, type TestUser } from './support/app';

describe('Platform (e2e)', () => {
  let t: TestApp;
  let sysadmin: TestUser;
  let secadmin: TestUser;
  let auditor: TestUser;
  let clerk: TestUser;

  beforeAll(async () => {
    t = await TestApp.start();
    sysadmin = await t.newUser(['system_admin']);
    secadmin = await t.newUser(['security_admin']);
    auditor = await t.newUser(['audit_admin']);
    clerk = await t.newUser(['org_admin']);
  });
  afterAll(() => t.close());

  describe('login', () => {
    it('should return a token and the user when the password is right', async () => {
      const res = await t.http.post('/api/auth/login').send({ username: clerk.username, password: TEST_PASSWORD }).expect(200);
      expect(res.body.accessToken).toEqual(expect.any(String));
      expect(res.body.user).toMatchObject({ username: clerk.username, roles: ['org_admin'] });
      const me = await t.http.get('/api/me').set({ Authorization: `Bearer ${res.body.accessToken}` }).expect(200);
      expect(me.body.id).toBe(clerk.id);
    });

    it('should answer 401 when the password is wrong or the user unknown', async () => {
      const wrong = await t.http.post('/api/auth/login').send({ username: clerk.username, password: 'nope-nope-nope' }).expect(401);
      expect(wrong.body).toMatchObject({ statusCode: 401, code: 'INVALID_CREDENTIALS' });
      await t.http.post('/api/auth/login').send({ username: 'nobody-here', password: 'nope-nope-nope' }).expect(401);
    });

    it('should lock the account for the window with 429 when attempts exceed the limit', async () => {
      const victim = await t.newUser(['inspector']);
      const codes: number[] = [];
      for (let i = 0; i < 7; i++) {
        codes.push((await t.http.post('/api/auth/login').send({ username: victim.username, password: 'wrong-password!' })).status);
      }
      // LOGIN_RATE_LIMIT=5 in tests: the first login of newUser() counted too.
      expect(codes.slice(0, 4)).toEqual([401, 401, 401, 401]);
      expect(codes.slice(-2)).toEqual([429, 429]);
      const locked = await t.http.post('/api/auth/login').send({ username: victim.username, password: TEST_PASSWORD }).expect(429);
      expect(locked.body.code).toBe('TOO_MANY_REQUESTS');
      // Another account from the same address is not locked out.
      await t.http.post('/api/auth/login').send({ username: clerk.username, password: TEST_PASSWORD }).expect(200);
    });

    it('should answer 401 without a token and with a forged one', async () => {
      await t.http.get('/api/me').expect(401);
      const res = await t.http.get('/api/me').set({ Authorization: 'Bearer abc.def.ghi' }).expect(401);
      expect(res.body.code).toBe('INVALID_TOKEN');
    });

    it('should invalidate old tokens when the roles change', async () => {
      const user = await t.newUser(['inspector']);
      await t.http.put(`/api/users/${user.id}/roles`).set(auth(secadmin)).send({ roles: ['supervisor'] }).expect(200);
      await t.http.get('/api/me').set(auth(user)).expect(401);
    });
  });

  describe('validation', () => {
    it('should answer 400 VALIDATION_FAILED naming each bad field', async () => {
      const res = await t.http.post('/api/users').set(auth(sysadmin)).send({ username: 'X', displayName: '', password: 5 }).expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      const fields = (res.body.errors as { field: string }[]).map((e) => e.field);
      expect(fields).toEqual(expect.arrayContaining(['username', 'displayName', 'password']));
    });

    it('should refuse unknown fields', async () => {
      const res = await t.http
        .post('/api/units')
        .set(auth(clerk))
        .send({ name: '某单位', kind: 'work_unit', isAdmin: true })
        .expect(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'isAdmin' })]);
    });

    it('should answer 400, not 500, for malformed JSON and a bad id', async () => {
      const res = await t.http.post('/api/units').set(auth(clerk)).set('Content-Type', 'application/json').send('{"name":').expect(400);
      expect(res.body.statusCode).toBe(400);
      await t.http.patch('/api/users/not-a-uuid').set(auth(sysadmin)).send({}).expect(400);
    });

    it('should refuse a password shorter than the minimum', async () => {
      const res = await t.http.post('/api/users').set(auth(sysadmin)).send({ username: 'shortpw', displayName: '短', password: 'abc' }).expect(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'password' })]);
    });
  });

  describe('三员分立', () => {
    it('should refuse two administrator roles on one account', async () => {
      const user = await t.newUser([]);
      const res = await t.http
        .put(`/api/users/${user.id}/roles`)
        .set(auth(secadmin))
        .send({ roles: ['system_admin', 'audit_admin'] })
        .expect(422);
      expect(res.body.code).toBe('ADMIN_ROLES_SEPARATED');
    });

    it('should refuse the same at the database level', async () => {
      await expect(
        t.dataSource.query(`INSERT INTO app_user (username, display_name, password_hash, roles) VALUES ('x2', 'x', 'x', '{system_admin,security_admin}')`),
      ).rejects.toThrow(/app_user_separated_admins/);
    });

    it('should refuse a security administrator changing their own roles', async () => {
      await t.http.put(`/api/users/${secadmin.id}/roles`).set(auth(secadmin)).send({ roles: ['org_admin'] }).expect(403);
    });

    it('should require a unit for a unit respondent', async () => {
      const user = await t.newUser([]);
      const res = await t.http.put(`/api/users/${user.id}/roles`).set(auth(secadmin)).send({ roles: ['unit_respondent'] }).expect(400);
      expect(res.body.errors[0].field).toBe('roles');
    });
  });

  describe('audit chain', () => {
    let auditedUnitId: string;

    it('should verify, and name the row altered behind its back', async () => {
      const created = await t.http.post('/api/units').set(auth(clerk)).send({ name: '审计测试单位', kind: 'work_unit' }).expect(201);
      auditedUnitId = created.body.id;
      const ok = await t.http.get('/api/audit/verify').set(auth(auditor)).expect(200);
      expect(ok.body).toMatchObject({ ok: true, firstBroken: null });
      expect(ok.body.events).toBeGreaterThan(3);

      await expect(t.dataSource.query(`UPDATE audit_event SET action = 'x' WHERE id = (SELECT min(id) FROM audit_event)`)).rejects.toThrow(
        /append-only/,
      );
      await expect(t.dataSource.query(`DELETE FROM audit_event`)).rejects.toThrow(/append-only/);

      const [victim] = await t.dataSource.query<{ id: string }[]>(
        `SELECT id FROM audit_event WHERE action = 'unit.created' AND entity_id = $1`,
        [auditedUnitId],
      );
      const runner = t.dataSource.createQueryRunner();
      await runner.connect();
      try {
        // As superuser with triggers off: what an attacker with database access could do.
        await runner.query(`SET session_replication_role = replica`);
        await runner.query(`UPDATE audit_event SET after = jsonb_set(after, '{name}', '"篡改"') WHERE id = $1`, [victim.id]);
        await runner.query(`SET session_replication_role = DEFAULT`);
      } finally {
        await runner.release();
      }
      const broken = await t.http.get('/api/audit/verify').set(auth(auditor)).expect(200);
      expect(broken.body.ok).toBe(false);
      expect(broken.body.firstBroken).toMatchObject({ id: victim.id, chainKey: 'system', reason: 'hash_mismatch' });
    });

    it('should list events to the auditor with actor and request id', async () => {
      const res = await t.http.get(`/api/audit/events?entity=unit&entityId=${auditedUnitId}`).set(auth(auditor)).expect(200);
      expect(res.body.total).toBe(1);
      expect(res.body.items[0]).toMatchObject({ actorUsername: clerk.username, action: 'unit.created', hashAlg: 'sha256' });
      expect(res.body.items[0].requestId).toEqual(expect.any(String));
    });

    it('should hash with SM3 when configured', async () => {
      const svc = t.get(AuditService);
      const config = (svc as unknown as { config: { AUDIT_HASH: string } }).config;
      config.AUDIT_HASH = 'sm3';
      try {
        const ev = await t.dataSource.transaction((m) => svc.append(m, { action: 'test.sm3', entity: 'test', selectionId: '00000000-0000-4000-8000-000000000001' }));
        expect(ev.hashAlg).toBe('sm3');
        const res = await svc.verify('00000000-0000-4000-8000-000000000001');
        expect(res.ok).toBe(true);
      } finally {
        config.AUDIT_HASH = 'sha256';
      }
    });
  });

  describe('health', () => {
    it('should answer 200 with Postgres and Redis up, and 503 naming Redis when it is unreachable', async () => {
      const up = await t.http.get('/api/health').expect(200);
      expect(up.body.info).toMatchObject({ postgres: { status: 'up' }, redis: { status: 'up' } });

      const redis = t.get<Redis>(REDIS);
      redis.disconnect();
      try {
        const down = await t.http.get('/api/health').expect(503);
        expect(down.body).toMatchObject({ code: 'SERVICE_UNAVAILABLE', down: ['redis'] });
        expect(down.body.message).toContain('redis');
      } finally {
        await redis.connect();
      }
    });
  });

  describe('docs and test clock', () => {
    it('should serve the OpenAPI document', async () => {
      const res = await t.http.get('/api/docs-json').expect(200);
      expect(res.body.paths['/api/auth/login']).toBeDefined();
    });

    it('should move the server clock when the test clock is enabled', async () => {
      const res = await t.http.post('/api/test/clock').send({ now: '2026-10-09T10:00:00+08:00' }).expect(200);
      expect(res.body.now.slice(0, 16)).toBe('2026-10-09T02:00');
      await t.http.post('/api/test/clock').send({ now: new Date().toISOString() }).expect(200);
    });
  });
});
