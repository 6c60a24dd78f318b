import { ROLES, type Role } from '@app/common';
import { auth, TestApp, type TestUser } from './support/app';

/**
 * Roles × endpoints: for each platform endpoint, exactly the roles listed may pass the role check;
 * every other role gets 403. (Per-object checks are tested with each feature.)
 */
describe('Access by role (e2e)', () => {
  let t: TestApp;
  const users = {} as Record<Role, TestUser>;
  let target: TestUser;
  let unitId: string;

  beforeAll(async () => {
    t = await TestApp.start();
    unitId = (await t.newUnit('audit_bureau')).id;
    for (const role of ROLES) users[role] = await t.newUser([role], { unitId: role === 'unit_respondent' ? unitId : null });
    target = await t.newUser([]);
  });
  afterAll(() => t.close());

  type Call = { name: string; allowed: Role[]; send: (u: TestUser) => Promise<{ status: number }> };
  const calls: Call[] = [
    { name: 'GET /api/users', allowed: ['system_admin', 'security_admin'], send: (u) => t.http.get('/api/users').set(auth(u)) },
    {
      name: 'POST /api/users',
      allowed: ['system_admin'],
      send: (u) => t.http.post('/api/users').set(auth(u)).send({ username: `n${u.username}`, displayName: '新用户', password: 'long-enough-password' }),
    },
    {
      name: 'PATCH /api/users/:id',
      allowed: ['system_admin'],
      send: (u) => t.http.patch(`/api/users/${target.id}`).set(auth(u)).send({ displayName: '改名' }),
    },
    {
      name: 'PUT /api/users/:id/roles',
      allowed: ['security_admin'],
      send: (u) => t.http.put(`/api/users/${target.id}/roles`).set(auth(u)).send({ roles: ['inspector'] }),
    },
    {
      name: 'GET /api/users/directory',
      allowed: ['org_admin'],
      send: (u) => t.http.get('/api/users/directory').query({ role: 'inspector' }).set(auth(u)),
    },
    { name: 'GET /api/votes', allowed: ['committee_member'], send: (u) => t.http.get('/api/votes').set(auth(u)) },
    { name: 'GET /api/units', allowed: ['org_admin', 'system_admin'], send: (u) => t.http.get('/api/units').set(auth(u)) },
    {
      name: 'POST /api/units',
      allowed: ['org_admin'],
      send: (u) => t.http.post('/api/units').set(auth(u)).send({ name: `单位${u.username}`, kind: 'work_unit' }),
    },
    {
      name: 'PUT /api/units/:id/delivery',
      allowed: ['org_admin'],
      send: (u) => t.http.put(`/api/units/${unitId}/delivery`).set(auth(u)).send({ email: 'office@example.cn' }),
    },
    { name: 'GET /api/audit/events', allowed: ['audit_admin', 'org_admin'], send: (u) => t.http.get('/api/audit/events').set(auth(u)) },
    { name: 'GET /api/audit/verify', allowed: ['audit_admin', 'org_admin'], send: (u) => t.http.get('/api/audit/verify').set(auth(u)) },
    { name: 'GET /api/me', allowed: [...ROLES], send: (u) => t.http.get('/api/me').set(auth(u)) },
  ];

  const table = calls.flatMap((c) => ROLES.map((role) => [c.name, role, c.allowed.includes(role)] as const));

  it.each(table)('should answer %s for %s: allowed=%s', async (name, role, allowed) => {
    const call = calls.find((c) => c.name === name)!;
    const res = await call.send(users[role]);
    if (allowed) expect(res.status).toBeLessThan(300);
    else expect(res.status).toBe(403);
  });

  it('should answer 401 on every protected endpoint without a token', async () => {
    for (const path of ['/api/users', '/api/units', '/api/audit/events', '/api/me']) {
      await t.http.get(path).expect(401);
    }
  });
});
